"""The embedded index: SQLite FTS5 in ``<data>/index.sqlite``.

Layout (``PRAGMA user_version`` = :data:`LAYOUT`; an index of another layout is rebuilt empty):

- ``records``: one small row per record, the filter columns only, so filtering and counting read
  few pages; covering indexes on (kind, year, value), (kind, grade, year) and each issuer key count
  the common filters without reading the rows;
- ``stored``: per record, the zlib-compressed JSON of the record (hits are made from it) and of its
  analyzed token strings (needed to delete its rows from a contentless FTS table);
- ``fts_letters``, ``fts_measures``, ``fts_metrics``: contentless FTS5 tables (``content=''``, the
  token strings are not stored twice) of each kind of record, ``rowid = records.rid``.

Re-indexing a letter deletes all its rows and inserts the new ones in the same transaction, batch by
batch.  Searching (the semantics are in ``index/base.py``) reads the rowids of each concept of the
plan, counts the concepts each record holds, and filters and counts facets over in-memory columns of
the record kind (``sqlite_columns.py``: one scan, kept until the index changes).  bm25 runs over the
matches, or, when more than :data:`RANK_ALL` match, over the :data:`CANDIDATES` best by concepts held,
agency named and recency; single-token terms found in over half the records (``建设``, ``工作``)
leave the bm25 expression (their IDF is clamped to ~0: they change no score, but computing it would
scan their whole doclist).
"""
from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import replace
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, Optional

import numpy as np

from govdoc.errors import BadInput, IndexError_
from govdoc.index.aliases import issuer_keys
from govdoc.index.base import (BIGRAM_WEIGHT, EXACT_FILTERS, RANGE_FILTERS, CONCEPT_SCORE, FIELD_WEIGHTS, ISSUER_SCORE, RECORD_KINDS, SQL_OPS,
                               TEXT_FIELDS, IndexBackend, IndexResult, Query)
from govdoc.index.facets import shape
from govdoc.index.fts5_query import concept_expression, score_expression, title_expression
from govdoc.index.records import analyzed_records
from govdoc.index.sqlite_columns import Columns, facet_counts, held_counts, issued_by, load_columns, mask
from govdoc.index.hits import make_hit
from govdoc.index.plan import Plan, plan_query

FILE_NAME = "index.sqlite"
LAYOUT = 5
BATCH_LETTERS = 200
FILTER_COLUMNS = ("record", "letter_id", "year", "issuer_norm", "issuer_unit", "grade", "congress_body",
                  "congress_level", "congress_term", "congress_session", "item_type", "kind", "indicator",
                  "value", "ordinal", "coverage", "coverage_band")
FTS_COLUMNS = tuple(f"{name}_{kind}" for name in TEXT_FIELDS for kind in ("w", "bg"))
# bm25 weights in FTS_COLUMNS order.
WEIGHTS = tuple(FIELD_WEIGHTS[c.rsplit("_", 1)[0]] * (BIGRAM_WEIGHT if c.endswith("_bg") else 1.0)
                for c in FTS_COLUMNS)
RANK_ALL = 2_000  # at most this many matches: bm25 ranks them all (exact)
CANDIDATES = 500  # more matches: bm25 ranks this many candidates, most concepts held first
CHUNK = 30_000  # record ids per statement (SQLite allows 32,766 variables)
CACHE_KIB = 64 * 1024
MMAP_BYTES = 1 << 30

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS records (
    rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, {", ".join(FILTER_COLUMNS)});
CREATE TABLE IF NOT EXISTS stored (rid INTEGER PRIMARY KEY, record BLOB NOT NULL, tokens BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS records_letter ON records(letter_id);
CREATE INDEX IF NOT EXISTS records_record_id ON records(record, id);
CREATE INDEX IF NOT EXISTS records_record_year ON records(record, year, value, id);
CREATE INDEX IF NOT EXISTS records_record_grade ON records(record, grade, year, id);
CREATE INDEX IF NOT EXISTS records_issuer ON records(issuer_norm, record, year);
CREATE INDEX IF NOT EXISTS records_unit ON records(issuer_unit, record, year);
""" + "".join(f"""
CREATE VIRTUAL TABLE IF NOT EXISTS fts_{kind} USING fts5({", ".join(FTS_COLUMNS)}, content = '',
    tokenize = "unicode61 remove_diacritics 0 tokenchars '.'");
CREATE VIRTUAL TABLE IF NOT EXISTS fts_{kind}_vocab USING fts5vocab(fts_{kind}, 'row');""" for kind in RECORD_KINDS) + f"""
PRAGMA user_version = {LAYOUT};"""


def _pack(value) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False).encode("utf-8"))


def _unpack(blob: bytes):
    return json.loads(zlib.decompress(blob))


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _filters(query: Query) -> tuple[list[str], list]:
    """SQL conditions on ``r.`` columns and their parameters.  With an issuer, the issuer indexes
    give the rows and the other conditions only check them (``+r.col`` keeps the planner, which has
    no statistics, from scanning a year or grade index instead)."""
    col = "+r." if query.issuer else "r."
    where, args = [f"{col}record = ?"], [query.record]
    for column in EXACT_FILTERS:
        value = getattr(query, column)
        if value is not None:
            where.append(f"{col}{column} = ?")
            args.append(value)
    if query.exclude_letter is not None:
        where.append(f"{col}letter_id != ?")
        args.append(query.exclude_letter)
    for column, attr, op in RANGE_FILTERS:
        value = getattr(query, attr)
        if value is not None:
            where.append(f"{col}{column} {SQL_OPS[op]} ?")
            args.append(value)
    if query.issuer:
        norm = issuer_keys(query.issuer)[0]
        where.append("r.rid IN (SELECT rid FROM records WHERE issuer_norm = ? UNION ALL "
                     "SELECT rid FROM records WHERE issuer_unit = ?)")
        args += [norm, norm]
    return where, args


class SqliteBackend(IndexBackend):
    name = "sqlite"

    def __init__(self, data_dir: str | Path):
        self.path = Path(data_dir) / FILE_NAME
        # Derived from the index, dropped when it changes (_forget): (kind, token) → records holding
        # it; kind → its filter and facet columns; the data_version they were read at.
        self._df: dict[tuple[str, str], int] = {}
        self._columns: dict[str, Columns] = {}
        self._version: Optional[int] = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self.db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            self._ensure_layout()
        except sqlite3.DatabaseError as exc:
            raise IndexError_(f"{self.path}: cannot open the index: {exc}") from exc

    def _ensure_layout(self) -> None:
        """Create the tables; an index of an older layout is derived data: drop it, start empty."""
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        tables = [n for (n,) in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                 "AND name IN ('records', 'stored', 'fts_letters', 'fts_measures', "
                                                 "'fts_metrics')")]
        if tables and version != LAYOUT:
            with self.db:
                for name in tables:
                    self.db.execute(f"DROP TABLE {name}")
            self.notices = (f"{self.path}: the index was built by another govdoc version (layout {version}, "
                            f"now {LAYOUT}) and has been emptied; run `govdoc index <data>/json` "
                            f"to fill it again from the parsed letters",)
        self.db.executescript(SCHEMA)

    def _delete(self, letter_ids: list[str]) -> None:
        self._forget()
        marks = ",".join("?" * len(letter_ids))
        rows = self.db.execute(f"SELECT r.rid, r.record, s.tokens FROM records r JOIN stored s ON s.rid = r.rid "
                               f"WHERE r.letter_id IN ({marks})", letter_ids).fetchall()
        for rid, kind, tokens in rows:  # a contentless table needs the values it indexed
            self.db.execute(f"INSERT INTO fts_{kind} (fts_{kind}, rowid, {', '.join(FTS_COLUMNS)}) "
                            f"VALUES ('delete', ?{', ?' * len(FTS_COLUMNS)})", [rid, *_unpack(tokens)])
        self.db.executemany("DELETE FROM stored WHERE rid = ?", [(rid,) for rid, _, _ in rows])
        self.db.execute(f"DELETE FROM records WHERE letter_id IN ({marks})", letter_ids)

    def _insert(self, record: dict, fields: dict[str, str]) -> None:
        tokens = [fields[c] for c in FTS_COLUMNS]
        rid = self.db.execute(
            f"INSERT INTO records (id, {', '.join(FILTER_COLUMNS)}) VALUES (?{', ?' * len(FILTER_COLUMNS)})",
            [record["id"], *(record.get(c) for c in FILTER_COLUMNS)]).lastrowid
        self.db.execute("INSERT INTO stored (rid, record, tokens) VALUES (?, ?, ?)", [rid, _pack(record), _pack(tokens)])
        self.db.execute(f"INSERT INTO fts_{record['record']} (rowid, {', '.join(FTS_COLUMNS)}) "
                        f"VALUES (?{', ?' * len(FTS_COLUMNS)})", [rid, *tokens])

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
        self._forget()
        with self.db:
            for kind in RECORD_KINDS:
                self.db.execute(f"INSERT INTO fts_{kind} (fts_{kind}) VALUES ('delete-all')")
            self.db.execute("DELETE FROM stored")
            self.db.execute("DELETE FROM records")

    # -- searching -------------------------------------------------------------------------------
    def _concept_rows(self, fts: str, expression: str) -> np.ndarray:
        return np.array([rid for (rid,) in self.db.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH ?", [expression])],
                        dtype=np.int64)

    def _fresh(self) -> None:
        """Forget what was derived from the index when another connection has changed it."""
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._forget()
            self._version = version

    def _forget(self) -> None:
        self._df.clear()
        self._columns.clear()

    def columns(self, kind: str) -> Columns:
        if kind not in self._columns:
            self._columns[kind] = load_columns(self.db, kind)
        return self._columns[kind]

    def _matches(self, query: Query, plan: Plan, title_plan: Optional[Plan]) -> tuple[np.ndarray, np.ndarray]:
        """``(record ids, concepts held)`` of every record holding ``plan.min_match`` concepts (with an
        indicator, every indicator concept in its title) that meets the filters."""
        fts, columns = f"fts_{query.record}", self.columns(query.record)
        rids, held = held_counts([self._concept_rows(fts, concept_expression(g)) for g in plan.groups])
        keep = held >= plan.min_match
        rids, held = rids[keep], held[keep]
        if title_plan is not None and title_plan.groups:
            titled = [self._concept_rows(fts, title_expression(g)) for g in title_plan.groups]
            if not plan.groups:
                rids = np.unique(titled[0])
                held = np.zeros(len(rids), dtype=np.int64)
            for other in titled:
                keep = np.isin(rids, other)
                rids, held = rids[keep], held[keep]
        at = columns.positions(rids)
        known = at < len(columns.rids)
        known[known] = columns.rids[at[known]] == rids[known]  # a record written after the columns were read
        keep = known.copy()
        keep[known] = mask(columns, at[known], query)
        return rids[keep], held[keep]

    def _rows(self, columns: str, rids: list[int]) -> Iterator[tuple]:
        """``columns`` of the records ``rids``, read in chunks of SQLite's variable limit."""
        for start in range(0, len(rids), CHUNK):
            chunk = rids[start:start + CHUNK]
            yield from self.db.execute(f"SELECT {columns} FROM records r WHERE r.rid IN ({','.join('?' * len(chunk))})",
                                       chunk)

    def _scores(self, fts: str, kind: str, plan: Plan, title_plan: Optional[Plan],
                candidates: list[int]) -> dict[int, float]:
        """bm25 of the candidates (one pass over the score expression; bm25 runs for candidates only)."""
        bm25 = f"-bm25({fts}, {', '.join(map(str, WEIGHTS))})"
        expression = score_expression(self._informative(kind, plan), title_plan)
        if len(candidates) > CHUNK:
            candidates = candidates[:CHUNK]
        rows = self.db.execute(f"SELECT rid, score FROM (SELECT rowid AS rid, CASE WHEN rowid IN "
                               f"({','.join('?' * len(candidates))}) THEN {bm25} END AS score FROM {fts} "
                               f"WHERE {fts} MATCH ?) WHERE score IS NOT NULL", [*candidates, expression])
        return dict(rows.fetchall())

    def _ranked(self, query: Query, plan: Plan, title_plan: Optional[Plan], rids: np.ndarray,
                held: np.ndarray) -> list[tuple[int, float]]:
        """``[(rid, score)]`` of the page: concepts held first, then the named agencies' letters, then
        bm25 (see the module docstring)."""
        agency = issued_by(self.columns(query.record), rids, plan.agencies)
        order = np.lexsort((-rids, -agency, -held))  # newest first where the tiers tie
        wanted = len(order) if len(order) <= RANK_ALL else max(CANDIDATES, query.offset + query.limit)
        candidates = [int(r) for r in rids[order[:wanted]]]
        tiers = dict(zip(candidates, (int(h) * CONCEPT_SCORE + int(a) * ISSUER_SCORE
                                      for h, a in zip(held[order[:wanted]], agency[order[:wanted]]))))
        scores = self._scores(f"fts_{query.record}", query.record, plan, title_plan, candidates)
        ids = dict(self._rows("r.rid, r.id", candidates))
        ranked = sorted(((rid, tiers[rid] + scores.get(rid, 0.0)) for rid in candidates), key=lambda p: (-p[1], ids[p[0]]))
        return ranked[query.offset:query.offset + query.limit]

    def _informative(self, kind: str, plan: Plan) -> Plan:
        """The plan without single-token alternatives found in over half the records of ``kind``: their
        bm25 IDF is clamped to ~0, so they change no score, yet computing it scans their whole doclist.
        When nothing selective would remain, the plan is kept whole."""
        rows = self.db.execute(f"SELECT count(*) FROM fts_{kind}_docsize").fetchone()[0]

        def common(alternative) -> bool:
            if len(alternative) != 1:
                return False
            key = (kind, alternative[0])
            if key not in self._df:  # counting a common token's records costs a scan: once per index state
                found = self.db.execute(f"SELECT doc FROM fts_{kind}_vocab WHERE term = ?", alternative).fetchone()
                self._df[key] = found[0] if found else 0
            return self._df[key] > rows / 2

        groups = tuple(kept for group in plan.groups if (kept := tuple(a for a in group if not common(a))))
        return replace(plan, groups=groups) if groups else plan

    def _unranked(self, query: Query, where: list[str], args: list) -> dict:
        """A filter-only query: every record meeting the filters, in id order (the page by SQL on its
        indexes; total and facets over the columns, the same conditions as arrays)."""
        top = self.db.execute(f"SELECT r.rid, 0.0 FROM records r WHERE {' AND '.join(where)} ORDER BY r.id "
                              f"LIMIT ? OFFSET ?", [*args, query.limit, query.offset]).fetchall()
        columns = self.columns(query.record)
        everything = np.arange(len(columns.rids))
        at = everything[mask(columns, everything, query)]
        return {"total": len(at), "top": top, "facets": shape(facet_counts(columns, at))}

    def _search(self, query: Query, plan: Plan, title_plan: Optional[Plan]) -> dict:
        if plan.empty and (title_plan is None or title_plan.empty):
            return self._unranked(query, *_filters(query))
        rids, held = self._matches(query, plan, title_plan)
        columns = self.columns(query.record)
        top = self._ranked(query, plan, title_plan, rids, held) if len(rids) else []
        return {"total": len(rids), "top": top, "facets": shape(facet_counts(columns, columns.positions(rids)))}

    def search(self, query: Query) -> dict:
        if query.record not in RECORD_KINDS:
            raise BadInput("--records", f"{query.record!r}: choose one of {', '.join(RECORD_KINDS)}")
        plan = plan_query(query.text, query.match_share)
        title_plan = plan_query(query.indicator) if query.indicator else None
        try:
            self._fresh()
            found = self._search(query, plan, title_plan)
            top = found["top"]
            stored = dict(self.db.execute(f"SELECT rid, record FROM stored WHERE rid IN ({','.join('?' * len(top))})",
                                          [rid for rid, _ in top]).fetchall())
        except sqlite3.OperationalError as exc:
            raise IndexError_(f"{self.path}: search failed: {exc}") from exc
        return {"total": found["total"], "hits": [make_hit(_unpack(stored[rid]), s, plan) for rid, s in top],
                "facets": found["facets"]}

    def get(self, record_id: str) -> Optional[dict]:
        row = self.db.execute("SELECT s.record FROM records r JOIN stored s ON s.rid = r.rid WHERE r.id = ?",
                              [record_id]).fetchone()
        return _unpack(row[0]) if row else None

    def doc_freqs(self, words: Iterable[str], record: str = "letters") -> tuple[int, dict[str, int]]:
        words = list(dict.fromkeys(words))
        total = self.db.execute(f"SELECT count(*) FROM fts_{record}_docsize").fetchone()[0]
        found = dict(self.db.execute(f"SELECT term, doc FROM fts_{record}_vocab WHERE term IN "
                                     f"({','.join('?' * len(words))})", words).fetchall()) if words else {}
        return total, {w: found.get(w, 0) for w in words}

    def scan(self, query: Query, batch: int = 500) -> Iterator[dict]:
        plan = plan_query(query.text, query.match_share)
        title_plan = plan_query(query.indicator) if query.indicator else None
        where, args = _filters(query)
        if plan.empty and (title_plan is None or title_plan.empty):
            rids = [rid for (rid,) in self.db.execute(f"SELECT r.rid FROM records r WHERE {' AND '.join(where)} "
                                                      f"ORDER BY r.id", args)]
        else:
            self._fresh()
            matched = [int(r) for r in self._matches(query, plan, title_plan)[0]]
            rids = [rid for rid, _ in sorted(self._rows("r.rid, r.id", matched), key=lambda p: p[1])]
        for start in range(0, len(rids), batch):
            chunk = rids[start:start + batch]
            stored = dict(self.db.execute(f"SELECT rid, record FROM stored WHERE rid IN ({','.join('?' * len(chunk))})",
                                          chunk).fetchall())
            yield from (_unpack(stored[rid]) for rid in chunk)

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
