"""Linking replies to the suggestions they answer, with a confidence and the evidence used.

Each feature adds to a score; the confidence is the score capped at 1:

* item number (digits equal: 第084号 = 084): +0.35, a different number: −0.3;
* congress body / level / term / session, where both state them: +0.05 each agreeing, −0.2 for
  a disagreeing term or session;
* a proposer named in both: +0.2;
* the handling unit of a suggestion record (承办单位:) named in the reply: +0.15;
* title: half or more of the bigrams of the suggestion's title topic in the reply: up to +0.3;
* text: share of the suggestion's ask bigrams found in the reply: up to +0.5.

A reply links to its best suggestion when the score reaches ``MIN_LINK``; several replies may
link to one suggestion (主办/协办/会办, 续复).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from govdoc.compare.asks import TITLE_TOPIC, find_asks
from govdoc.compare.cues import Cues
from govdoc.compare.similarity import bigrams

MIN_LINK = 0.3
TIE = 0.05  # candidates this close are a tie: the one no other reply claims wins
HANDLER = re.compile(r"(承办单位|主办单位|交办单位)\s*[:：]\s*([^\s,，。]{3,30})")


@dataclass(frozen=True)
class Link:
    confidence: float
    evidence: list[str]


def item_digits(letter) -> str | None:
    number = letter.item.number if letter.item else None
    digits = re.sub(r"\D", "", number or "").lstrip("0")
    return digits or None


def _congress(s, r) -> tuple[float, list[str]]:
    a, b = s.congress, r.congress
    if not a or not b:
        return 0.0, []
    score, said = 0.0, []
    for name in ("body", "level", "term", "session"):
        x, y = getattr(a, name), getattr(b, name)
        if x is not None and y is not None:
            agree = x == y
            score += 0.05 if agree else (-0.2 if name in ("term", "session") else 0.0)
            said.append(f"{name} {'=' if agree else '≠'} {x}" + ("" if agree else f"/{y}"))
    return score, said


def _item(s, r) -> tuple[float, list[str]]:
    a, b = item_digits(s), item_digits(r)
    if a and b:
        return (0.35, [f"item {a}"]) if a == b else (-0.3, [f"item {a} ≠ {b}"])
    return 0.0, []


def _proposers(s, r) -> tuple[float, list[str]]:
    shared = {p.name for p in s.proposers} & {p.name for p in r.proposers}
    return (0.2, [f"proposer {', '.join(sorted(shared))}"]) if shared else (0.0, [])


def _agency(s_match: str, r_match: str) -> tuple[float, list[str]]:
    unit = HANDLER.search(s_match)
    if unit and unit.group(2) in r_match:
        return 0.15, [f"handled by {unit.group(2)}"]
    return 0.0, []


def _text(s_match: str, r_match: str, cues: Cues) -> tuple[float, list[str]]:
    score, said = 0.0, []
    topic = TITLE_TOPIC.search(s_match)
    share = len(bigrams(topic.group(1), cues) & bigrams(r_match, cues)) / max(1, len(bigrams(topic.group(1), cues))) if topic else 0
    if share >= 0.5:
        score, said = 0.3 * share, [f"{share:.0%} of the title “{topic.group(1)}” in the reply"]
    grams = set().union(*[bigrams(a.segment.of(s_match), cues) for a in find_asks(s_match, cues)] or [set()])
    if grams:
        share = len(grams & bigrams(r_match, cues)) / len(grams)
        score += 0.5 * share
        said.append(f"{share:.0%} of the asks' words in the reply")
    return score, said


def link_score(suggestion, reply, cues: Cues) -> Link:
    """How surely ``reply`` (a Part) answers ``suggestion`` (a Part)."""
    total, evidence = 0.0, []
    for score, said in (_item(suggestion.letter, reply.letter), _congress(suggestion.letter, reply.letter),
                        _proposers(suggestion.letter, reply.letter), _agency(suggestion.norm.match, reply.norm.match),
                        _text(suggestion.norm.match, reply.norm.match, cues)):
        total += score
        evidence += said
    return Link(round(max(0.0, min(1.0, total)), 3), evidence)


def _best(scored: list, claimed: dict) -> tuple | None:
    """The best-scored candidate; among ties, one that no other reply has claimed."""
    if not scored:
        return None
    top = max(link.confidence for link, _ in scored)
    ties = [c for c in scored if c[0].confidence >= top - TIE]
    return next((c for c in ties if id(c[1]) not in claimed), max(ties, key=lambda c: c[0].confidence))


def link_all(suggestions: list, replies: list, cues: Cues) -> list[tuple[object, object | None, Link | None]]:
    """``(reply, suggestion or None, link or None)`` for every reply: its best suggestion at or
    above ``MIN_LINK`` (the surest replies choose first, so a tie goes to a suggestion still
    unclaimed); otherwise the suggestion its own page carries, or none (unlinked)."""
    table = {id(r): [(link_score(s, r, cues), s) for s in suggestions if s.path != r.path] for r in replies}
    order = sorted(replies, key=lambda r: -max((l.confidence for l, _ in table[id(r)]), default=0))
    claimed: dict = {}
    chosen = {}
    for reply in order:
        best = _best([c for c in table[id(reply)] if c[0].confidence >= MIN_LINK], claimed)
        if best:
            claimed[id(best[1])] = reply
            chosen[id(reply)] = (reply, best[1], best[0])
            continue
        own = next((s for s in suggestions if s.path == reply.path), None)
        chosen[id(reply)] = (reply, own, Link(1.0, ["same page"]) if own else None)
    return [chosen[id(r)] for r in replies]
