"""Filter and facet values of one record kind as numpy columns, for queries that match many records.

A text query can match most of a 100,000-letter index; reading each match's filter and facet values
from ``records`` by rowid then costs more than the full-text part.  :class:`Columns` holds the values
of every record of one kind in memory (built with one scan, when a query first needs it), so that
filtering (:func:`mask`, the same conditions as ``sqlite._filters``) and counting facets
(:func:`facet_counts`) are array operations.  The SQLite backend drops it whenever the index changes.
"""
from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass
from typing import Optional

import numpy as np

from govdoc.index.aliases import issuer_keys
from govdoc.index.base import COMPARE_OPS, EXACT_FILTERS, RANGE_FILTERS, Query
from govdoc.index.facets import FACETS

CATEGORICAL = ("letter_id", "issuer_norm", "issuer_unit", "grade", "congress_body", "congress_level", "item_type",
               "kind", "coverage_band")
NUMERIC = ("year", "congress_term", "congress_session", "value", "coverage")


@dataclass(frozen=True)
class Columns:
    rids: np.ndarray  # record ids, ascending
    codes: dict[str, np.ndarray]  # categorical column → int32 code per record, -1 for no value
    values: dict[str, dict[object, int]]  # categorical column → value → code
    numbers: dict[str, np.ndarray]  # numeric column → float64 per record, nan for no value

    def positions(self, rids: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.rids, rids)


def _encode(values: list) -> tuple[np.ndarray, dict[object, int]]:
    table: dict[object, int] = {}
    codes = np.fromiter((-1 if v is None else table.setdefault(v, len(table)) for v in values), dtype=np.int32,
                        count=len(values))
    return codes, table


def load_columns(db: sqlite3.Connection, kind: str) -> Columns:
    names = CATEGORICAL + NUMERIC
    rows = db.execute(f"SELECT rid, {', '.join(names)} FROM records WHERE record = ? ORDER BY rid", [kind]).fetchall()
    by_column = list(zip(*rows)) if rows else [()] * (len(names) + 1)
    codes, values = {}, {}
    for name, column in zip(CATEGORICAL, by_column[1:]):
        codes[name], values[name] = _encode(list(column))
    numbers = {name: np.array([math.nan if v is None else v for v in column], dtype=np.float64)
               for name, column in zip(NUMERIC, by_column[1 + len(CATEGORICAL):])}
    return Columns(np.array(by_column[0], dtype=np.int64), codes, values, numbers)


def _equal(columns: Columns, at: np.ndarray, name: str, value) -> np.ndarray:
    if name in columns.numbers:
        return columns.numbers[name][at] == value
    code = columns.values[name].get(value)
    return columns.codes[name][at] == code if code is not None else np.zeros(len(at), dtype=bool)


def mask(columns: Columns, at: np.ndarray, query: Query) -> np.ndarray:
    """Which records (at positions ``at``) meet the query's filters: ``sqlite._filters`` as arrays."""
    keep = np.ones(len(at), dtype=bool)
    for name in EXACT_FILTERS:
        value = getattr(query, name)
        if value is not None:
            keep &= _equal(columns, at, name, value)
    if query.exclude_letter is not None:
        keep &= ~_equal(columns, at, "letter_id", query.exclude_letter)
    for name, attr, op in RANGE_FILTERS:
        bound = getattr(query, attr)
        if bound is not None:
            keep &= COMPARE_OPS[op](columns.numbers[name][at], bound)  # nan (no value) fails
    if query.issuer:
        norm = issuer_keys(query.issuer)[0]
        keep &= _equal(columns, at, "issuer_norm", norm) | _equal(columns, at, "issuer_unit", norm)
    return keep


def facet_counts(columns: Columns, at: np.ndarray) -> dict[str, list[tuple[object, int]]]:
    """``{facet: [(value, count)]}`` of the records at positions ``at`` (for ``facets.shape``)."""
    out: dict[str, list[tuple[object, int]]] = {}
    for name, column in FACETS.items():
        if column in columns.numbers:
            found = columns.numbers[column][at]
            values, counts = np.unique(found[~np.isnan(found)], return_counts=True)
            out[name] = [(int(v), int(n)) for v, n in zip(values, counts)]
            continue
        counts = np.bincount(columns.codes[column][at] + 1, minlength=len(columns.values[column]) + 1)
        out[name] = [(value, int(counts[code + 1])) for value, code in columns.values[column].items()]
    return out


def issued_by(columns: Columns, rids: np.ndarray, units: tuple[str, ...]) -> np.ndarray:
    """1 for each record (of ``rids``) whose canonical issuer unit is one of ``units``, else 0."""
    codes = [columns.values["issuer_unit"][u] for u in units if u in columns.values["issuer_unit"]]
    if not codes or not len(rids):
        return np.zeros(len(rids), dtype=np.int64)
    return np.isin(columns.codes["issuer_unit"][columns.positions(rids)], codes).astype(np.int64)


def held_counts(concept_rids: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """``(record ids, concepts held)`` over the rid arrays of every concept."""
    if not concept_rids:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.unique(np.concatenate(concept_rids), return_counts=True)


def required(rids: np.ndarray, title_rids: Optional[list[np.ndarray]]) -> np.ndarray:
    """Of ``rids``, those in every array of ``title_rids`` (None: all)."""
    for other in title_rids or ():
        rids = rids[np.isin(rids, other, assume_unique=True)]
    return rids
