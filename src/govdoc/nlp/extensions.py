"""The ``Doc._`` extensions the stages write to: one per output field, plus ``norm``."""
from __future__ import annotations

from spacy.tokens import Doc

LIST_FIELDS = ("signatories", "proposers", "cc", "outline", "measures", "metrics", "warnings")
SCALAR_FIELDS = ("kind", "doc_number", "issuer", "grade", "title", "congress", "item", "addressee",
                 "issue_date", "contact", "printed_by", "printed_date", "disclosure")
# List fields that a stage extends in place (``doc._.signatories.append``) rather than assigns:
# they start as their own empty list.  Every other field starts as None, read as [] by the builder.
APPENDED_FIELDS = ("signatories",)
EXTENSIONS = ("norm",) + SCALAR_FIELDS + LIST_FIELDS
# Where spaCy keeps a Doc extension's value: ``doc.user_data[("._.", name, None, None)]``.
_KEYS = {name: ("._.", name, None, None) for name in EXTENSIONS}


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class DocFields:
    """``doc._`` for our extensions, read and written straight in ``doc.user_data`` (the same
    entries spaCy's ``doc._`` uses; every extension is a plain value with default None).  Each
    ``doc._`` access builds an Underscore object and each attribute goes through its checks:
    the stages read and write a few dozen values per letter."""

    __slots__ = ("_data",)

    def __init__(self, doc: Doc):
        object.__setattr__(self, "_data", doc.user_data)

    def __getattr__(self, name: str):
        key = _KEYS.get(name)
        if key is None:
            raise AttributeError(f"no Doc extension {name!r}")
        return self._data.get(key)

    def __setattr__(self, name: str, value) -> None:
        key = _KEYS.get(name)
        if key is None:
            raise AttributeError(f"no Doc extension {name!r}")
        self._data[key] = value

    get = __getattr__
    set = __setattr__


def field_values(doc: Doc, names) -> dict:
    """name → the value of each named extension (None where unset), one dict lookup each."""
    data = doc.user_data
    return {name: data.get(_KEYS[name]) for name in names}


def init_doc(doc: Doc, norm) -> Doc:
    """Attach the normalized text and give each appended list field its own empty list."""
    ext = DocFields(doc)
    ext.norm = norm
    for name in APPENDED_FIELDS:
        ext.set(name, [])
    return doc
