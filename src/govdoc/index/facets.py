"""Facet counts over every match of a query, shaped the same on every backend.

``{"year": {"2019": 3, …}, "issuer": {…}, "grade": {…}, "kind": {…}, "coverage": {"0-0.25": 2, …}}``:
years and coverage bands in their order, the others most frequent first (ties by name), at most
:data:`FACET_SIZE` values each; records without a value are not counted (``coverage``: replies
without a comparison, :mod:`govdoc.index.findings`).  Issuers are counted under their canonical name
(``issuer_norm``), so an agency's letters from before and after a rename count together.
"""
from __future__ import annotations

from typing import Iterable, Mapping

# Facet name → the stored record field it counts.
FACETS = {"year": "year", "issuer": "issuer_norm", "grade": "grade", "kind": "kind", "coverage": "coverage_band"}
ORDERED = ("year", "coverage")  # facets listed in value order, not by count
FACET_SIZE = 50


def shape(counts: Mapping[str, Iterable[tuple[object, int]]]) -> dict[str, dict[str, int]]:
    """``{facet: [(value, count), …]}`` (any order, values of any type) → the facets of a result."""
    out: dict[str, dict[str, int]] = {}
    for name in FACETS:
        pairs = [(str(value), n) for value, n in counts.get(name, ()) if value is not None and n]
        if name in ORDERED:
            pairs.sort()
        else:
            pairs = sorted(pairs, key=lambda p: (-p[1], p[0]))[:FACET_SIZE]
        out[name] = dict(pairs)
    return out
