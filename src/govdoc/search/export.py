"""Every record a query matches → CSV, JSON Lines or Parquet, for analysis elsewhere.

One row per record (a letter, a measure or a metric), the columns of :data:`COLUMNS` for that kind,
read from the index in batches (:meth:`IndexBackend.scan`): an export holds every match, not a page.
CSV is UTF-8 with a byte-order mark so Excel opens Chinese text correctly; Parquet needs pyarrow.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from govdoc.errors import BadInput
from govdoc.index.base import IndexBackend, Query

FORMATS = ("csv", "jsonl", "parquet")
COMMON = ("id", "letter_id", "record", "title", "year", "issuer", "issuer_norm", "grade", "kind", "congress_body",
          "congress_level", "congress_term", "congress_session", "item_type", "item_number", "coverage", "source_path")
COLUMNS = {
    "letters": COMMON,
    "measures": COMMON + ("ordinal", "measure_title", "measure_text", "section"),
    "metrics": COMMON + ("ordinal", "indicator", "value", "unit", "raw"),
}
PARQUET_BATCH = 5_000


def _first_line(text: Optional[str]) -> Optional[str]:
    return (text or "").split("\n", 1)[0] or None


def row(stored: dict) -> dict:
    """The export columns of one stored record."""
    texts = stored.get("text") or {}
    derived = {"measure_title": texts.get("title") or None, "measure_text": texts.get("measures") or None,
               "section": _first_line(texts.get("body")) if stored["record"] == "measures" else None,
               "raw": _first_line(texts.get("body"))}
    return {name: stored.get(name, derived.get(name)) for name in COLUMNS[stored["record"]]}


def _write_csv(path: Path, columns: tuple[str, ...], rows: Iterable[dict]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def _write_jsonl(path: Path, columns: tuple[str, ...], rows: Iterable[dict]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for item in rows:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")


def _chunks(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    chunk: list[dict] = []
    for item in rows:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def parquet_schema(columns: tuple[str, ...]):
    import pyarrow as pa

    types = {"year": pa.int32(), "congress_term": pa.int32(), "congress_session": pa.int32(),
             "ordinal": pa.int32(), "value": pa.float64(), "coverage": pa.float64()}
    return pa.schema([(name, types.get(name, pa.string())) for name in columns])


def _write_parquet(path: Path, columns: tuple[str, ...], rows: Iterable[dict]) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise BadInput("--format", "parquet needs pyarrow: pip install pyarrow") from None
    schema = parquet_schema(columns)
    with pq.ParquetWriter(path, schema) as writer:  # no rows: a valid file with the columns alone
        for chunk in _chunks(rows, PARQUET_BATCH):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))


WRITERS: dict[str, Callable[[Path, tuple[str, ...], Iterable[dict]], None]] = {
    "csv": _write_csv, "jsonl": _write_jsonl, "parquet": _write_parquet}


def export(backend: IndexBackend, query: Query, fmt: str, out: Path,
           progress: Optional[Callable[[int], None]] = None) -> int:
    """Write every record ``query`` matches to ``out``; returns how many.  ``progress`` is called with
    the number of records written so far, batch by batch."""
    if fmt not in WRITERS:
        raise BadInput("--format", f"{fmt!r}: choose one of {', '.join(FORMATS)}")
    if query.record not in COLUMNS:
        raise BadInput("--records", f"{query.record!r}: choose one of {', '.join(COLUMNS)}")
    count = 0

    def rows() -> Iterator[dict]:
        nonlocal count
        for stored in backend.scan(query):
            count += 1
            if progress and count % 500 == 0:
                progress(count)
            yield row(stored)

    try:
        WRITERS[fmt](out, COLUMNS[query.record], rows())
    except OSError as exc:
        raise BadInput(out, f"cannot write the export: {exc.strerror or exc}") from exc
    if progress:
        progress(count)
    return count
