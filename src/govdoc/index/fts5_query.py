"""A query plan → one FTS5 MATCH expression.  All user text reaches SQLite through :func:`phrase`.

Matching: every plan group must occur (as one of its alternative phrases) in a bigram column.
Scoring: each group also ORs in its terms as whole jieba tokens over the word columns; a word hit
implies the bigram hit, so the set of matches is unchanged while bm25 counts the word hits (cheaper
than OR-ing in every ``plan.words`` sub-token, which scored no better on the judged queries).
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


def term_of(bigram_phrase: tuple[str, ...]) -> str:
    """The text a bigram phrase spells: (错峰, 峰生, 生产) → 错峰生产; a lone token is itself."""
    return bigram_phrase[0] + "".join(b[-1] for b in bigram_phrase[1:])


def _group(alternatives, columns: Iterable[str], with_words: bool) -> str:
    parts = [f"{_columns(columns)} : ({' OR '.join(phrase(p) for p in alternatives)})"]
    if with_words:
        parts.append(f"{_columns(WORD_COLUMNS)} : ({' OR '.join(phrase([term_of(p)]) for p in alternatives)})")
    return " OR ".join(f"({p})" for p in parts)


def match_expression(plan: Plan, title_plan: Optional[Plan] = None) -> Optional[str]:
    """The MATCH string, or None when neither plan has a group (then nothing is full-text filtered)."""
    must = [_group(g, BIGRAM_COLUMNS, True) for g in plan.groups]
    if title_plan is not None:
        must += [_group(g, ("title_bg",), False) for g in title_plan.groups]
    if not must:
        return None
    return " AND ".join(f"({m})" for m in must)
