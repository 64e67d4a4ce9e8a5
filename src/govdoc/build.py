"""Turn an annotated Doc into the validated output model, and the whole parse entry points."""
from __future__ import annotations

from pathlib import Path

from govdoc.model import Reply, Source
from govdoc.nlp.extensions import LIST_FIELDS, SCALAR_FIELDS, DocFields
from govdoc.nlp.pipeline import run
from govdoc.normalize import NormText, normalize
from govdoc.read import ReadResult, read_path
from govdoc.read.base import Page, sha256


def doc_to_reply(doc, source: Source, warnings: list[str] | None = None) -> Reply:
    ext = DocFields(doc)
    data = {name: ext.get(name) for name in SCALAR_FIELDS}
    data.update({name: ext.get(name) or [] for name in LIST_FIELDS})  # None: the stage found none
    data["kind"] = data["kind"] or "other"
    data["warnings"] = list(warnings or []) + data["warnings"]
    return Reply.model_validate({"source": source, **data})


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
