"""The embedded index: SQLite FTS5 in ``<data>/index.sqlite``.

``records`` holds one row per record (filter columns + the stored JSON); ``fts_letters``,
``fts_measures`` and ``fts_metrics`` hold the analyzed token strings of each kind of record, row for
row (``rowid = records.rid``), so a search ranks only the kind of record it asks for.  Re-indexing a letter deletes all its rows
and inserts the new ones in the same transaction, batch by batch.
"""
from __future__ import annotations

import json
import sqlite3
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from govdoc.errors import BadInput, IndexError_
from govdoc.index.aliases import issuer_keys
from govdoc.index.base import (BIGRAM_WEIGHT, FIELD_WEIGHTS, RECORD_KINDS, TEXT_FIELDS, IndexBackend, IndexResult,
                               Query)
from govdoc.index.fts5_query import match_expression
from govdoc.index.records import analyzed_records
from govdoc.search.hits import make_hit
from govdoc.search.plan import plan_query

FILE_NAME = "index.sqlite"
BATCH_LETTERS = 200
FILTER_COLUMNS = ("record", "letter_id", "year", "issuer_norm", "issuer_unit", "grade", "congress_body",
                  "congress_level", "congress_term", "congress_session", "item_type", "kind", "indicator",
                  "value", "ordinal")
FTS_COLUMNS = tuple(f"{name}_{kind}" for name in TEXT_FIELDS for kind in ("w", "bg"))
# bm25 weights in FTS_COLUMNS order.
WEIGHTS = tuple(FIELD_WEIGHTS[c.rsplit("_", 1)[0]] * (BIGRAM_WEIGHT if c.endswith("_bg") else 1.0)
                for c in FTS_COLUMNS)

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS records (
    rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, {", ".join(FILTER_COLUMNS)}, stored TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS records_letter ON records(letter_id);
CREATE INDEX IF NOT EXISTS records_record_year ON records(record, year);
CREATE INDEX IF NOT EXISTS records_issuer ON records(issuer_norm);
CREATE INDEX IF NOT EXISTS records_unit ON records(issuer_unit);
""" + "".join(f"""
CREATE VIRTUAL TABLE IF NOT EXISTS fts_{kind} USING fts5({", ".join(FTS_COLUMNS)},
    tokenize = "unicode61 remove_diacritics 0 tokenchars '.'");""" for kind in RECORD_KINDS)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _filters(query: Query) -> tuple[list[str], list]:
    """SQL conditions on ``r.`` columns and their parameters."""
    where, args = ["r.record = ?"], [query.record]
    exact = {"grade": query.grade, "congress_body": query.congress_body, "congress_level": query.congress_level,
             "congress_term": query.congress_term, "congress_session": query.congress_session,
             "item_type": query.item_type, "kind": query.kind, "letter_id": query.letter_id}
    for column, value in exact.items():
        if value is not None:
            where.append(f"r.{column} = ?")
            args.append(value)
    for op, column, value in ((">=", "year", query.year_from), ("<=", "year", query.year_to),
                              (">=", "value", query.value_min), ("<=", "value", query.value_max)):
        if value is not None:
            where.append(f"r.{column} {op} ?")
            args.append(value)
    if query.issuer:
        norm = issuer_keys(query.issuer)[0]
        where.append("(r.issuer_norm = ? OR r.issuer_unit = ?)")
        args += [norm, norm]
    return where, args


class SqliteBackend(IndexBackend):
    name = "sqlite"

    def __init__(self, data_dir: str | Path):
        self.path = Path(data_dir) / FILE_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.executescript(SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise IndexError_(f"{self.path}: cannot open the index: {exc}") from exc

    def _delete(self, letter_ids: list[str]) -> None:
        marks = ",".join("?" * len(letter_ids))
        for kind in RECORD_KINDS:
            self.db.execute(f"DELETE FROM fts_{kind} WHERE rowid IN "
                            f"(SELECT rid FROM records WHERE letter_id IN ({marks}) AND record = '{kind}')", letter_ids)
        self.db.execute(f"DELETE FROM records WHERE letter_id IN ({marks})", letter_ids)

    def _insert(self, record: dict, fields: dict[str, str]) -> None:
        cur = self.db.execute(
            f"INSERT INTO records (id, {', '.join(FILTER_COLUMNS)}, stored) VALUES (?{', ?' * len(FILTER_COLUMNS)}, ?)",
            [record["id"], *(record.get(c) for c in FILTER_COLUMNS), json.dumps(record, ensure_ascii=False)])
        self.db.execute(f"INSERT INTO fts_{record['record']} (rowid, {', '.join(FTS_COLUMNS)}) VALUES (?{', ?' * len(FTS_COLUMNS)})",
                        [cur.lastrowid, *(fields[c] for c in FTS_COLUMNS)])

    def index(self, replies: Iterable[dict], batch_size: int = BATCH_LETTERS) -> IndexResult:
        result = IndexResult()
        for batch in _batches(replies, batch_size):
            prepared: dict[str, list[tuple[dict, dict]]] = {}
            for reply in batch:
                try:
                    records = analyzed_records(reply)
                except (KeyError, TypeError, ValueError, AttributeError) as exc:
                    where = (reply.get("source") or {}).get("path") if isinstance(reply, dict) else None
                    result.errors.append(f"{where or '<letter>'}: not a parsed letter ({type(exc).__name__}: {exc})")
                    continue
                prepared[records[0][0]["letter_id"]] = records  # the last copy of a letter wins
            with self.db:
                self._delete(list(prepared))
                for records in prepared.values():
                    for record, fields in records:
                        self._insert(record, fields)
            result.indexed += len(prepared)
        return result

    def delete(self, letter_ids: Iterable[str]) -> None:
        for batch in _batches(letter_ids, 500):
            with self.db:
                self._delete(batch)

    def clear(self) -> None:
        with self.db:
            for kind in RECORD_KINDS:
                self.db.execute(f"DELETE FROM fts_{kind}")
            self.db.execute("DELETE FROM records")

    def search(self, query: Query) -> dict:
        if query.record not in RECORD_KINDS:
            raise BadInput("--records", f"{query.record!r}: choose one of {', '.join(RECORD_KINDS)}")
        plan = plan_query(query.text)
        title_plan = plan_query(query.indicator) if query.indicator else None
        where, args = _filters(query)
        expr = match_expression(plan, title_plan)
        if expr is None:
            source, score = "records r", "0.0"
        else:
            fts = f"fts_{query.record}"
            weights = ", ".join(map(str, WEIGHTS))
            source = (f"(SELECT rowid AS rid, -bm25({fts}, {weights}) AS score FROM {fts} WHERE {fts} MATCH ?) m "
                      "CROSS JOIN records r ON r.rid = m.rid")
            score = "m.score"
            args.insert(0, expr)
        cond = " AND ".join(where)
        try:
            top = self.db.execute(f"SELECT r.rid, {score} AS score, count(*) OVER () FROM {source} "
                                  f"WHERE {cond} ORDER BY score DESC, r.id LIMIT ?", [*args, query.limit]).fetchall()
            stored = dict(self.db.execute(f"SELECT rid, stored FROM records WHERE rid IN ({','.join('?' * len(top))})",
                                          [rid for rid, _, _ in top]).fetchall())
        except sqlite3.OperationalError as exc:
            raise IndexError_(f"{self.path}: search failed: {exc}") from exc
        total = top[0][2] if top else 0
        return {"total": total, "hits": [make_hit(json.loads(stored[rid]), s, plan) for rid, s, _ in top]}

    def stats(self) -> dict:
        counts = dict(self.db.execute("SELECT record, count(*) FROM records GROUP BY record").fetchall())

        def by(column: str) -> dict:
            rows = self.db.execute(f"SELECT {column}, count(*) FROM records WHERE record = 'letters' "
                                   f"AND {column} IS NOT NULL GROUP BY {column} ORDER BY {column}").fetchall()
            return {str(key): n for key, n in rows}

        return {"letters": counts.get("letters", 0), "measures": counts.get("measures", 0),
                "metrics": counts.get("metrics", 0), "by_year": by("year"), "by_grade": by("grade"),
                "by_issuer": by("issuer_norm")}

    def close(self) -> None:
        self.db.close()
