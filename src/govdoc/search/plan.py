"""A search query → the plan every backend executes the same way.

The query is folded (simplified, half-width, lower-case) and cut by jieba; agency names from the
gazetteer become one group whose alternatives are every name of the agency (old and new, short and
full).  Each term is a *phrase* of bigram tokens: a record matches when every group has one
alternative phrase in its bigram fields.  ``words`` (jieba search tokens) only add to the score.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from govdoc.index.aliases import gazetteer, group_names
from govdoc.index.analysis import bigrams, fold, query_terms, words
from govdoc.text.zh import is_cjk

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    groups: tuple[tuple[Phrase, ...], ...] = ()  # AND over groups, OR over alternative phrases
    words: tuple[str, ...] = ()  # optional scoring tokens
    marks: tuple[str, ...] = field(default=())  # folded strings to highlight in snippets

    @property
    def empty(self) -> bool:
        return not self.groups


def _segments(folded: str) -> list[tuple[str, str | None]]:
    """Split folded query text into ``(text, canonical)`` pieces; canonical set for agency names."""
    out: list[tuple[str, str | None]] = []
    at = 0
    for start, end, canon in gazetteer().find(folded):
        out.append((folded[at:start], None))
        out.append((folded[start:end], canon))
        at = end
    out.append((folded[at:], None))
    return [(text, canon) for text, canon in out if text.strip()]


def _is_lone_char(term: str) -> bool:
    return len(term) == 1 and is_cjk(term)


def plan_query(text: str) -> Plan:
    folded = fold(text or "")
    alternatives: list[tuple[str, ...]] = []
    for piece, canon in _segments(folded):
        if canon:
            alternatives.append(group_names(canon))
        else:
            alternatives.extend((term,) for term in query_terms(piece))
    kept = [alt for alt in alternatives if not (len(alt) == 1 and _is_lone_char(alt[0]))]
    alternatives = kept or alternatives
    groups: list[tuple[Phrase, ...]] = []
    for alt in alternatives:
        group = tuple(dict.fromkeys(tuple(bigrams(name)) for name in alt if bigrams(name)))
        if group and group not in groups:
            groups.append(group)
    marks = tuple(dict.fromkeys(name for alt in alternatives for name in alt))
    scoring = tuple(dict.fromkeys(w for name in (folded, *marks) for w in words(name)))
    return Plan(tuple(groups), scoring, marks)
