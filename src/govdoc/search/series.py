"""Counts per year for charts, asked of any index backend through its contract: the ``year`` facet
of a search (counted over all matches), ``stats`` and ``scan``.

Every series is ``{year: {series name: count}}`` with years as strings, oldest first, and only the
years the index holds letters for.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from govdoc.index.base import IndexBackend, Query

NO_GRADE = "no grade"  # the series of letters without a grade
UNNAMED = "no name"  # the series of letters without an issuer name


def _years(backend: IndexBackend) -> list[str]:
    return sorted(backend.stats()["by_year"], key=int)


def count_by_year(backend: IndexBackend, query: Query, years: list[str]) -> dict[str, int]:
    """Records matching ``query`` in each of ``years``, from one search's year facet."""
    facet = backend.search(replace(query, limit=0, offset=0))["facets"]["year"]
    return {year: int(facet.get(year, 0)) for year in years}


def letters_by_year_and_grade(backend: IndexBackend) -> dict[str, dict[str, int]]:
    """Letters per year, split by grade (``NO_GRADE`` for letters without one)."""
    stats = backend.stats()
    years = sorted(stats["by_year"], key=int)
    per_grade = {grade: count_by_year(backend, Query(grade=grade), years) for grade in sorted(stats["by_grade"])}
    out = {}
    for year in years:
        row = {grade: counts[year] for grade, counts in per_grade.items()}
        row[NO_GRADE] = stats["by_year"][year] - sum(row.values())
        out[year] = row
    return out


def records_by_year(backend: IndexBackend, query: Query) -> dict[str, dict[str, int]]:
    """Records of ``query`` (e.g. measures matching a text) per year, as a one-series chart."""
    counts = count_by_year(backend, query, _years(backend))
    return {year: {query.record: n} for year, n in counts.items()}


def agency_names_by_year(backend: IndexBackend, issuer: str) -> dict[str, dict[str, int]]:
    """``{year: {name as the letters write it: n}}`` for an agency under all its names (the issuer
    filter follows renames; the facets count the canonical name only, so the letters are scanned)."""
    counts = Counter((str(r["year"]), r.get("issuer") or UNNAMED) for r in backend.scan(Query(issuer=issuer))
                     if r.get("year"))
    out: dict[str, dict[str, int]] = {}
    for (year, name), n in sorted(counts.items(), key=lambda item: (int(item[0][0]), item[0][1])):
        out.setdefault(year, {})[name] = n
    return out
