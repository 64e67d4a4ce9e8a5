"""A query plan → one FTS5 MATCH expression.  All user text reaches SQLite through :func:`phrase`.

Matching: every plan group must occur (as one of its alternative phrases) in a bigram column.
Scoring: ``words`` are OR-ed in over the word columns behind ``AND (words OR <first group>)``, which
leaves the set of matches unchanged while letting bm25 count the word hits.
"""
from __future__ import annotations

from typing import Iterable, Optional

from govdoc.index.base import TEXT_FIELDS
from govdoc.search.plan import Plan

BIGRAM_COLUMNS = tuple(f"{name}_bg" for name in TEXT_FIELDS)
WORD_COLUMNS = tuple(f"{name}_w" for name in TEXT_FIELDS)


def phrase(tokens: Iterable[str]) -> str:
    """The only way text enters an FTS5 expression: a double-quoted phrase, quotes doubled."""
    return '"' + " ".join(t.replace('"', '""') for t in tokens) + '"'


def _columns(names: Iterable[str]) -> str:
    return "{" + " ".join(names) + "}"


def _group(alternatives, columns: Iterable[str]) -> str:
    return f"{_columns(columns)} : (" + " OR ".join(phrase(p) for p in alternatives) + ")"


def match_expression(plan: Plan, title_plan: Optional[Plan] = None) -> Optional[str]:
    """The MATCH string, or None when neither plan has a group (then nothing is full-text filtered)."""
    must = [_group(g, BIGRAM_COLUMNS) for g in plan.groups]
    if title_plan is not None:
        must += [_group(g, ("title_bg",)) for g in title_plan.groups]
    if not must:
        return None
    expr = " AND ".join(f"({m})" for m in must)
    if plan.words:
        words = f"{_columns(WORD_COLUMNS)} : (" + " OR ".join(phrase([w]) for w in plan.words) + ")"
        expr += f" AND ({words} OR ({must[0]}))"
    return expr
