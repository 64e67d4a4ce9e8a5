"""Turn an annotated Doc into the validated output model, and the whole parse entry points."""
from __future__ import annotations

from pathlib import Path

from govdoc.model import Reply, Source
from govdoc.nlp.extensions import LIST_FIELDS, SCALAR_FIELDS, field_values
from govdoc.nlp.pipeline import run
from govdoc.normalize import NormText, normalize
from govdoc.read import ReadResult, read_path
from govdoc.read.base import Page, sha256


def doc_to_reply(doc, source: Source, warnings: list[str] | None = None) -> Reply:
    data = {"source": source, **field_values(doc, SCALAR_FIELDS)}
    for name, value in field_values(doc, LIST_FIELDS).items():
        data[name] = value or []  # None: the stage found none
    data["kind"] = data["kind"] or "other"
    data["warnings"] = list(warnings or []) + data["warnings"]
    # The model's validator on the dict (what ``Reply.model_validate`` calls): the stages' field
    # models are accepted as they are (pydantic does not revalidate instances).
    return _VALIDATE_REPLY(data)


_VALIDATE_REPLY = Reply.__pydantic_validator__.validate_python


def parse_read(result: ReadResult) -> tuple[Reply, NormText]:
    norm = normalize(result.pages)
    doc = run(norm)
    source = Source(path=result.path, sha256=result.sha256, format=result.format,
                    pages=len(result.pages), ocr=result.ocr)
    return doc_to_reply(doc, source, result.warnings), norm


def parse_path(path: str | Path, **options) -> Reply:
    """Parse one file (any supported format) into a validated :class:`Reply`."""
    return parse_read(read_path(path, **options))[0]


def parse_text(text: str, path: str = "<text>") -> Reply:
    """Parse a letter given as a string (one page, or pages split by form feeds)."""
    pages = [Page(i + 1, t) for i, t in enumerate(text.split("\f"))]
    result = ReadResult(path, sha256(text.encode("utf-8")), "text", pages)
    return parse_read(result)[0]
