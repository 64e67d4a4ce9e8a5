"""A search query → the plan every backend executes the same way.

The query is folded (simplified, half-width, lower-case) and split into *concepts*, left to right:

- an agency name from the gazetteer (``agencies.tsv``) is one concept whose alternatives are every
  name of the agency (old and new, short and full);
- a name from the thesaurus (``thesaurus.tsv``: 农网 ↔ 农村电网) is one concept whose alternatives
  are every name of its group;
- the rest is cut by jieba; each word is one concept.  A run of characters that jieba cuts into
  single characters (省道 → 省 / 道) is one concept, the whole run, so no query text is lost to
  segmentation; a lone character between words (的, 和) is dropped, unless it is all the query has.

Each alternative is a *phrase* of bigram tokens (:func:`govdoc.index.analysis.bigrams`).  A record
matches when it holds at least :attr:`Plan.min_match` concepts (OR with a coordination threshold);
records holding more concepts rank above records holding fewer, and within the same number of
concepts, letters issued by an agency the query names come first (see ``index/base.py``).  The
query's character runs that span several concepts become :attr:`Plan.phrases`, which only add to
the score of records holding them as written (农村饮水安全 over 农村 … 饮水 … 安全).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterator, Optional

from govdoc.index.aliases import gazetteer, group_names
from govdoc.index.analysis import RUN_RE, bigrams, fold
from govdoc.index.thesaurus import thesaurus
from govdoc.nlp.segment import cut
from govdoc.text.zh import is_cjk

Phrase = tuple[str, ...]
# Share of a query's concepts a record must hold, when the query has more than two.
MIN_MATCH_SHARE = 0.5
# Lone characters that only join words; stripped from the ends of a run of lone characters.
JOINERS = "的和与及或在对是了把被为从向于并之等"


@dataclass(frozen=True)
class Plan:
    groups: tuple[tuple[Phrase, ...], ...] = ()  # concepts, each an OR over alternative phrases
    phrases: tuple[Phrase, ...] = ()  # query runs spanning several concepts: score boosts only
    marks: tuple[str, ...] = field(default=())  # folded strings to highlight in snippets
    min_match: int = 0  # concepts a record must hold (0 when there are none)
    agencies: tuple[str, ...] = ()  # canonical agency units the query names: their letters rank first in a tier

    @property
    def empty(self) -> bool:
        return not self.groups


def min_match_for(concepts: int, share: float = MIN_MATCH_SHARE) -> int:
    """One or two concepts: one is enough (the rest only ranks); more: at least ``share`` of them."""
    return min(concepts, 1) if concepts <= 2 else max(1, math.ceil(concepts * share))


Agency = tuple[int, int, str]  # (start, end, canonical name) of an agency name in the query


def _dictionary_pieces(folded: str, agencies: list[Agency]) -> Iterator[tuple[str, tuple[str, ...] | None, int]]:
    """``(text, names, start)`` pieces of folded query text: agency and thesaurus names with every
    name of their group (an agency's canonical name first), the text between them with ``names`` None."""
    found = [(s, e, group_names(canon)) for s, e, canon in agencies]
    taken = [(s, e) for s, e, _ in found]
    found += [(s, e, names) for s, e, names in thesaurus().find(folded)
              if not any(s < te and ts < e for ts, te in taken)]
    at = 0
    for start, end, names in sorted(found):
        if start < at:
            continue
        yield folded[at:start], None, at
        yield folded[start:end], names, start
        at = end
    yield folded[at:], None, at


def _pieces(piece: str, start: int) -> list[list]:
    """``[text, start, end, lone]`` of the jieba words of ``piece``; adjacent lone characters are
    merged into one piece (省道 → 省 / 道 → 省道), joiners stripped from its ends."""
    out: list[list] = []
    at = start
    for token in cut(piece):
        for m in RUN_RE.finditer(token):
            run, offset = m.group(), at + m.start()
            lone = len(run) == 1 and is_cjk(run)
            if lone and out and out[-1][3] and out[-1][2] == offset:
                out[-1][0] += run
                out[-1][2] += 1
            else:
                out.append([run, offset, offset + len(run), lone])
        at += len(token)
    for item in out:
        if item[3]:
            core = item[0].strip(JOINERS)
            item[1] += item[0].index(core) if core else 0
            item[0], item[2] = core, item[1] + len(core)
    return [item for item in out if item[0]]


def _word_terms(piece: str, start: int) -> Iterator[tuple[str, int]]:
    """``(term, offset)`` of the words of ``piece``.  A single character jieba left alone is joined
    to the word it touches (县乡 + 道 → 县乡道), so no query character is lost; joiners are dropped."""
    items = _pieces(piece, start)
    for i, (text, begin, end, lone) in enumerate(items):
        if not (lone and len(text) == 1):
            continue
        before = items[i - 1] if i and items[i - 1][2] == begin and len(items[i - 1][0]) > 0 else None
        after = items[i + 1] if i + 1 < len(items) and items[i + 1][1] == end else None
        if before is not None:
            before[0], before[2] = before[0] + text, end
            items[i][0] = ""
        elif after is not None:
            after[0], after[1] = text + after[0], begin
            items[i][0] = ""
    return ((text, begin) for text, begin, _, lone in items if text and (len(text) > 1 or not lone))


def _lone_fallback(folded: str) -> list[tuple[tuple[str, ...], int, int]]:
    """A query of lone characters and joiners only (水, 和): each character is a concept."""
    return [((c,), i, i + 1) for i, c in enumerate(folded) if is_cjk(c)]


def _concepts(folded: str, agencies: list[Agency]) -> list[tuple[tuple[str, ...], int, int]]:
    """``(alternative names, start, end)`` of every concept, in query order."""
    out: list[tuple[tuple[str, ...], int, int]] = []
    for piece, names, start in _dictionary_pieces(folded, agencies):
        if names:
            out.append((names, start, start + len(piece)))
            continue
        out += [((term,), at, at + len(term)) for term, at in _word_terms(piece, start)]
    return out or _lone_fallback(folded)


def _chains(folded: str, concepts: list[tuple[tuple[str, ...], int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Spans of consecutive concepts with nothing but spaces and joiners between them."""
    chain: list[tuple[int, int]] = []
    for _, start, end in concepts:
        if chain and folded[chain[-1][1]:start].strip(" \t\u3000" + JOINERS):
            yield chain
            chain = []
        chain.append((start, end))
    yield chain


def _phrases(folded: str, concepts: list[tuple[tuple[str, ...], int, int]]) -> tuple[Phrase, ...]:
    """Bigram phrases of each chain of concepts as the query wrote it (spaces removed), and of each
    adjacent pair in it: 农村 饮水 安全 → 农村饮水安全, 农村饮水, 饮水安全."""
    out: list[Phrase] = []
    for chain in _chains(folded, concepts):
        spans = [(chain[0][0], chain[-1][1])] if len(chain) > 1 else []
        spans += [(a[0], b[1]) for a, b in zip(chain, chain[1:])] if len(chain) > 2 else []
        out += [tuple(bigrams("".join(folded[s:e].split()))) for s, e in spans]
    return tuple(dict.fromkeys(p for p in out if len(p) > 1))


def plan_query(text: str, share: Optional[float] = None) -> Plan:
    """The plan of a query; ``share`` of its concepts a record must hold (default :data:`MIN_MATCH_SHARE`)."""
    folded = fold(text or "")
    found = gazetteer().find(folded)
    concepts = _concepts(folded, found)
    groups: list[tuple[Phrase, ...]] = []
    for names, _, _ in concepts:
        group = tuple(dict.fromkeys(tuple(bigrams(name)) for name in names if bigrams(name)))
        if group and group not in groups:
            groups.append(group)
    marks = tuple(dict.fromkeys(name for names, _, _ in concepts for name in names))
    agencies = tuple(dict.fromkeys(canon for _, _, canon in found))
    return Plan(tuple(groups), _phrases(folded, concepts), marks,
                min_match_for(len(groups), MIN_MATCH_SHARE if share is None else share), agencies)

