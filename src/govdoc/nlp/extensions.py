"""The ``Doc._`` extensions the stages write to: one per output field, plus ``norm`` (the
normalized text) and ``analysis`` (the letter's ``extract.analysis.Analysis``, which the first
stage makes from ``norm`` and every later stage reads)."""
from __future__ import annotations

from spacy.tokens import Doc

LIST_FIELDS = ("signatories", "proposers", "cc", "outline", "measures", "metrics", "warnings")
SCALAR_FIELDS = ("kind", "doc_number", "issuer", "grade", "title", "congress", "item", "addressee",
                 "issue_date", "contact", "printed_by", "printed_date", "disclosure")
# List fields that a stage extends in place (``doc._.signatories.append``) rather than assigns:
# they start as their own empty list.  Every other field starts as None, read as [] by the builder.
APPENDED_FIELDS = ("signatories",)
EXTENSIONS = ("norm", "analysis") + SCALAR_FIELDS + LIST_FIELDS
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
    the stages read and write a few dozen values per letter.

    Each extension is a property of the class (made below), so that reading or writing one is a
    descriptor call, not a failed attribute lookup that falls back on ``__getattr__``."""

    __slots__ = ("_data",)

    def __init__(self, doc: Doc):
        self._data = doc.user_data

    def __getattr__(self, name: str):  # only names that are no extension get here
        raise AttributeError(f"no Doc extension {name!r}")

    def get(self, name: str):
        return self._data.get(_key(name))

    def set(self, name: str, value) -> None:
        self._data[_key(name)] = value


def _key(name: str) -> tuple:
    key = _KEYS.get(name)
    if key is None:
        raise AttributeError(f"no Doc extension {name!r}")
    return key


def _extension_property(name: str) -> property:
    key = _KEYS[name]

    def read(self):
        return self._data.get(key)

    def write(self, value) -> None:
        self._data[key] = value

    return property(read, write, doc=f"``doc._.{name}``")


for _name in EXTENSIONS:
    setattr(DocFields, _name, _extension_property(_name))


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
