"""The ``Doc._`` extensions the stages write to: one per output field, plus ``norm``."""
from __future__ import annotations

from spacy.tokens import Doc

LIST_FIELDS = ("signatories", "proposers", "cc", "outline", "measures", "metrics", "warnings")
SCALAR_FIELDS = ("kind", "doc_number", "issuer", "grade", "title", "congress", "item", "addressee",
                 "issue_date", "contact", "printed_by", "printed_date", "disclosure")
# List fields that a stage extends in place (``doc._.signatories.append``) rather than assigns:
# they start as their own empty list.  Every other field starts as None, read as [] by the builder.
APPENDED_FIELDS = ("signatories",)


def register_extensions() -> None:
    for name in ("norm",) + SCALAR_FIELDS + LIST_FIELDS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def init_doc(doc: Doc, norm) -> Doc:
    """Attach the normalized text and give each appended list field its own empty list (each
    ``doc._`` access builds an object: take it once)."""
    ext = doc._
    ext.norm = norm
    for name in APPENDED_FIELDS:
        ext.set(name, [])
    return doc
