"""Turn an annotated Doc into the validated output model, and the whole parse entry points."""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TypeVar, Union

from spacy.attrs import IDX

from govdoc.errors import BadInput
from govdoc.extract.output import build
from govdoc.model import Reply, Source
from govdoc.nlp.extensions import LIST_FIELDS, SCALAR_FIELDS, field_values
from govdoc.nlp.pipeline import run_batch
from govdoc.normalize import NormText, normalize
from govdoc.read import ReadResult, read_path
from govdoc.read.base import Page, sha256


def doc_to_reply(doc, source: Source, warnings: list[str] | None = None) -> Reply:
    data = {"source": source, **field_values(doc, SCALAR_FIELDS)}
    for name, value in field_values(doc, LIST_FIELDS).items():
        data[name] = value or []  # None: the stage found none
    data["kind"] = data["kind"] or "other"
    data["warnings"] = list(warnings or []) + data["warnings"]
    # The stages' field models are accepted as they are (pydantic does not revalidate instances).
    return build(Reply, **data)


def doc_words(doc, text: str) -> list[str]:
    """The Doc's words, from their offsets into ``text``, the Doc's text (no Token object each:
    a third of the time; ``doc.text`` would join the tokens again)."""
    starts = doc.to_array(IDX).tolist()
    return [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]


Parsed = tuple[Reply, NormText]
T = TypeVar("T")

# ``parse_many`` parses what it has read in batches of this many letters, or fewer letters when
# they hold this many characters, or what it has when reading took this long (OCR'd scans:
# their parse is a small share of the time, and their JSON should not wait).
BATCH_LETTERS = 16
BATCH_CHARS = 200_000
BATCH_SECONDS = 1.0
# The longest letter parsed (characters of read text): the longest corpus letter holds about
# 3,000; a million takes ~4 s (scripts/bench_hostile.py); parsing time and memory grow with it.
MAX_CHARS = 1_000_000


def parse_reads(results: Sequence[ReadResult], with_tokens: bool = False) -> list[Union[Parsed, Exception]]:
    """Parse read documents together, stage by stage (``pipeline.run_batch``): for each, its
    reply and normalized text, or the exception that failed it (the others go on).
    ``with_tokens``: each also with its tokens (the Doc's words, for the index to reuse)."""
    out: list = [None] * len(results)
    norms, where = [], []
    for i, result in enumerate(results):
        try:
            check_length(result)
            norms.append(normalize(result.pages))
            where.append(i)
        except Exception as exc:  # noqa: BLE001 - this letter fails, the batch goes on
            out[i] = exc
    for i, norm, doc in zip(where, norms, run_batch(norms)):
        if isinstance(doc, Exception):
            out[i] = doc
            continue
        result = results[i]
        source = Source(path=result.path, sha256=result.sha256, format=result.format,
                        pages=len(result.pages), ocr=result.ocr)
        try:
            out[i] = doc_to_reply(doc, source, result.warnings), norm
            if with_tokens:
                out[i] += (doc_words(doc, norm.text),)
        except Exception as exc:  # noqa: BLE001
            out[i] = exc
    return out


def max_chars() -> int:
    """The longest text parsed as one letter: ``GOVDOC_MAX_CHARS``, else ``MAX_CHARS``."""
    value = os.environ.get("GOVDOC_MAX_CHARS", "")
    return int(value) if value.strip().isdigit() else MAX_CHARS


def check_length(result: ReadResult) -> None:
    """Refuse a text too long to be one letter, in our words (spaCy's own limit is lifted)."""
    length, limit = sum(len(page.text) for page in result.pages), max_chars()
    if length > limit:
        raise BadInput(result.path, f"text of {length:,} characters is over the limit of {limit:,} for one letter "
                                    "(set GOVDOC_MAX_CHARS to raise it)")


def parse_read(result: ReadResult, with_tokens: bool = False) -> Parsed:
    outcome = parse_reads([result], with_tokens)[0]
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def parse_many(items: Iterable[T], read: Callable[[T], ReadResult]) -> Iterator[tuple[T, Union[Parsed, Exception]]]:
    """``read`` each item and parse what was read in batches (``parse_reads``), yielding
    ``(item, (reply, norm))``, or ``(item, exception)`` where reading or parsing it failed,
    in the items' order."""
    pending: list[tuple[T, Union[ReadResult, Exception]]] = []
    chars, started = 0, 0.0
    for item in items:
        if not pending:
            started = time.monotonic()
        try:
            result = read(item)
            chars += sum(len(page.text) for page in result.pages)
        except Exception as exc:  # noqa: BLE001 - a bad file: reported in its place
            result = exc
        pending.append((item, result))
        if len(pending) >= BATCH_LETTERS or chars >= BATCH_CHARS or time.monotonic() - started >= BATCH_SECONDS:
            yield from _parse_pending(pending)
            pending, chars = [], 0
    yield from _parse_pending(pending)


def _parse_pending(pending: list) -> Iterator[tuple]:
    parsed = iter(parse_reads([r for _item, r in pending if not isinstance(r, Exception)]))
    for item, result in pending:
        yield item, (result if isinstance(result, Exception) else next(parsed))


def parse_path(path: str | Path, **options) -> Reply:
    """Parse one file (any supported format) into a validated :class:`Reply`."""
    return parse_read(read_path(path, **options))[0]


def parse_text(text: str, path: str = "<text>") -> Reply:
    """Parse a letter given as a string (one page, or pages split by form feeds)."""
    pages = [Page(i + 1, t) for i, t in enumerate(text.split("\f"))]
    result = ReadResult(path, sha256(text.encode("utf-8")), "text", pages)
    return parse_read(result)[0]
