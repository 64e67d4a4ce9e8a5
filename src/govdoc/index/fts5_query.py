"""A query plan → FTS5 MATCH expressions.  All user text reaches SQLite through :func:`phrase`.

- :func:`concept_expression`: one concept of the plan — any of its alternative phrases in a bigram
  column, or its whole word in a word column (a word hit implies the bigram hit, so the two agree on
  what matches; they differ only in what bm25 counts).  The SQLite backend counts, per record, how
  many concepts match (the coordination rule of ``index/base.py``).
- :func:`score_expression`: every concept and every boost phrase OR-ed together, for bm25.
- :func:`match_expression`: every concept required (AND): what the plan matches at most strictly;
  used by tests of quoting and by callers that want a single expression.
"""
from __future__ import annotations

from typing import Iterable, Optional

from govdoc.index.base import TEXT_FIELDS
from govdoc.index.plan import Phrase, Plan

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


def _group(alternatives: tuple[Phrase, ...], columns: Iterable[str], with_words: bool) -> str:
    parts = [f"{_columns(columns)} : ({' OR '.join(phrase(p) for p in alternatives)})"]
    if with_words:
        parts.append(f"{_columns(WORD_COLUMNS)} : ({' OR '.join(phrase([term_of(p)]) for p in alternatives)})")
    return " OR ".join(f"({p})" for p in parts)


def concept_expression(alternatives: tuple[Phrase, ...]) -> str:
    """One concept: any alternative, as bigram phrase or whole word, in any text field."""
    return _group(alternatives, BIGRAM_COLUMNS, True)


def title_expression(alternatives: tuple[Phrase, ...]) -> str:
    """One concept of an indicator plan: any alternative phrase in the title's bigrams."""
    return _group(alternatives, ("title_bg",), False)


def score_expression(plan: Plan, title_plan: Optional[Plan] = None) -> Optional[str]:
    """Every concept, indicator concept and boost phrase OR-ed: the expression bm25 scores."""
    parts = [concept_expression(g) for g in plan.groups]
    parts += [f"{_columns(BIGRAM_COLUMNS)} : {phrase(p)}" for p in plan.phrases]
    if title_plan is not None:
        parts += [title_expression(g) for g in title_plan.groups]
    return " OR ".join(f"({p})" for p in parts) if parts else None


def match_expression(plan: Plan, title_plan: Optional[Plan] = None) -> Optional[str]:
    """Every concept required: the MATCH string, or None when neither plan has a concept."""
    must = [concept_expression(g) for g in plan.groups]
    if title_plan is not None:
        must += [title_expression(g) for g in title_plan.groups]
    if not must:
        return None
    return " AND ".join(f"({m})" for m in must)
