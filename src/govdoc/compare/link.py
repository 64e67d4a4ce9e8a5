"""Linking replies to the suggestions they answer, with a confidence and the evidence used.

Each feature adds to a score; the confidence is the score capped at 1:

* item number (digits equal: 第084号 = 084): +0.35, a different number: −0.5;
* congress body / level / term / session, where both state them: +0.05 each agreeing, −0.2 for
  a disagreeing body, term or session, −0.1 for a disagreeing level;
* a proposer named in both: +0.2; persons named on both sides and none shared: −0.3;
* the handling unit of a suggestion record (承办单位:) named in the reply: +0.15;
* text: the share of the bigrams of the suggestion's title topic and asks found in the reply,
  each weighted by its rarity in the collection (``Weights``): up to +0.6;
* a run of ``MIN_RUN`` characters or more of the suggestion's body repeated in the reply (a
  place, a project: 沅江隧道工程部与劳动巷之间; the congress designation 第十八届…第一次会议 left
  out, as every letter of a session says it), or a shorter run of ``MIN_NAME`` characters or more
  of its title topic and asks that is rare in the collection (a village, a site, 东壕口; ``Weights.rare``:
  every bigram held by at most ``RARE_DF`` letters and ``RARE_SHARE`` of them, so a collection of
  fewer than 20 letters has no rare names): +0.2.

Assignment, surest replies first: a reply links to its best suggestion at or above ``MIN_LINK``
(several replies may link to one: 主办/协办/会办, 续复, unless a reply's item number or addressees
differ from those of the surer reply already linked there; among near ties the suggestion no other
reply has claimed wins).  A reply left over links to a suggestion no reply has claimed when the
score reaches ``MIN_WEAK`` and some evidence besides the text agrees (item, congress, proposer,
handling unit).  Otherwise it takes the suggestion its own page carries, or stays unlinked.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from govdoc.compare.asks import TITLE_TOPIC, body_segments, find_asks
from govdoc.compare.cues import Cues
from govdoc.compare.similarity import RUN, bigrams
from govdoc.extract.addressee import PERSON_ROLES
from govdoc.text.zh import fold

MIN_LINK = 0.35
MIN_WEAK = 0.15
TEXT_WEIGHT = 0.6
MIN_RUN = 8
MIN_NAME = 3
RARE_DF = 4  # a suggestion, a copy of it quoted in a reply, two replies (主办/协办, 续复)
RARE_SHARE = 0.1
TIE = 0.05  # candidates this close are a tie: the one no other reply claims wins
SESSION_NAME = re.compile(r"[^\s,。:]{0,8}?第?[一二三四五六七八九十\d]+届[^\s,。:]{0,12}?第?[一二三四五六七八九十\d]+次(会议)?第?")
HANDLER = re.compile(r"(承办单位|主办单位|交办单位)\s*:\s*([^\s,。]{3,30})")


@dataclass(frozen=True)
class Link:
    confidence: float
    evidence: list[str]
    text_only: bool = False  # nothing but the text agreed


@dataclass(frozen=True)
class Weights:
    """How rare each bigram is in the collection being linked: a shared place name says more
    than a shared 财政.  ``log((n + 1) / (df + 1))``; an empty collection weighs all alike."""

    df: dict
    n: int

    def of(self, gram: str) -> float:
        return math.log((self.n + 1) / (self.df.get(gram, 0) + 1)) if self.n else 1.0

    def rare(self, gram: str) -> bool:
        """Held by some letters of the collection, but at most ``RARE_DF`` and ``RARE_SHARE`` of them."""
        return 0 < self.df.get(gram, 0) <= min(RARE_DF, int(self.n * RARE_SHARE))


def weights_of(texts: list[str], cues: Cues) -> Weights:
    df: dict = {}
    for text in texts:
        for gram in bigrams(text, cues):
            df[gram] = df.get(gram, 0) + 1
    return Weights(df, len(texts))


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
            score += 0.05 if agree else (-0.1 if name == "level" else -0.2)
            said.append(f"{name} {'=' if agree else '≠'} {x}" + ("" if agree else f"/{y}"))
    return score, said


def _item(s, r) -> tuple[float, list[str]]:
    a, b = item_digits(s), item_digits(r)
    if a and b:
        return (0.35, [f"item {a}"]) if a == b else (-0.5, [f"item {a} ≠ {b}"])
    return 0.0, []


def _names(letter) -> set[str]:
    """The letter's proposers who are persons, spaces out, in simplified characters."""
    return {fold(p.name.replace(" ", "")) for p in letter.proposers if p.role is None or p.role in PERSON_ROLES}


def _proposers(s, r) -> tuple[float, list[str]]:
    """A person named in both: +0.2; persons named in both and none shared: −0.3 (a reply to
    刘德才代表 does not answer 胡国强's suggestion)."""
    a, b = _names(s), _names(r)
    if a & b:
        return 0.2, [f"proposer {', '.join(sorted(a & b))}"]
    if a and b:
        return -0.3, [f"proposers {'、'.join(sorted(a))} ≠ {'、'.join(sorted(b))}"]
    return 0.0, []


def _agency(s_match: str, r_match: str) -> tuple[float, list[str]]:
    unit = HANDLER.search(s_match)
    if unit and unit.group(2) in r_match:
        return 0.15, [f"handled by {unit.group(2)}"]
    return 0.0, []


def topic_texts(s_match: str, cues: Cues) -> list[str]:
    """The suggestion's subject: its asks and its title topic."""
    topic = TITLE_TOPIC.search(s_match)
    return [a.segment.of(s_match) for a in find_asks(s_match, cues)] + ([topic.group(1)] if topic else [])


def topic_grams(s_match: str, cues: Cues) -> set[str]:
    """Bigrams of the suggestion's title topic and of its asks."""
    return set().union(*[bigrams(t, cues) for t in topic_texts(s_match, cues)] or [set()])


def _text(s_match: str, r_match: str, cues: Cues, weights: Weights) -> tuple[float, list[str]]:
    grams = topic_grams(s_match, cues)
    total = sum(weights.of(g) for g in grams)
    if not total:
        return 0.0, []
    share = sum(weights.of(g) for g in grams & bigrams(r_match, cues)) / total
    return TEXT_WEIGHT * share, [f"{share:.0%} of the suggestion's title and asks (rarity-weighted) in the reply"]


def shared_run(s_match: str, r_match: str, cues: Cues) -> str | None:
    """The first run of ``MIN_RUN``+ characters of the suggestion's body found in the reply."""
    body = SESSION_NAME.sub(lambda m: "\n" * len(m.group()),
                            "\n".join(seg.of(s_match) for seg, _ in body_segments(s_match, cues)))
    runs = {r_match[i:i + MIN_RUN] for i in range(len(r_match) - MIN_RUN + 1)}
    for i in range(len(body) - MIN_RUN + 1):
        if body[i:i + MIN_RUN] in runs and "\n" not in body[i:i + MIN_RUN]:
            end = i + MIN_RUN
            while end < len(body) and body[i:end + 1] in r_match:
                end += 1
            return body[i:end]
    return None


def rare_stretches(s_match: str, cues: Cues, weights: Weights) -> list[str]:
    """Stretches of the title topic and asks (generic words blanked) of ``MIN_NAME`` characters or
    more whose every bigram is rare in the collection."""
    out = []
    for text in topic_texts(s_match, cues):
        for run in RUN.findall(cues.strip("generic", text)):
            start = 0
            for i in range(1, len(run) + 1):
                if i == len(run) or not weights.rare(run[i - 1:i + 1]):
                    out += [run[start:i]] if i - start >= MIN_NAME else []
                    start = i
    return out


def shared_name(s_match: str, r_match: str, cues: Cues, weights: Weights) -> str | None:
    """The longest run of ``MIN_NAME``+ characters of a rare stretch found in the reply."""
    found = None
    for stretch in rare_stretches(s_match, cues, weights):
        for i in range(len(stretch) - MIN_NAME + 1):
            end = i + MIN_NAME
            if stretch[i:end] not in r_match:
                continue
            while end < len(stretch) and stretch[i:end + 1] in r_match:
                end += 1
            found = max(found or "", stretch[i:end], key=len)
    return found


def _run(s_match: str, r_match: str, cues: Cues, weights: Weights) -> tuple[float, list[str]]:
    run = shared_run(s_match, r_match, cues)
    if run:
        return 0.2, [f"both say “{run}”"]
    name = shared_name(s_match, r_match, cues, weights)
    return (0.2, [f"both name “{name}”, rare in the collection"]) if name else (0.0, [])


def link_score(suggestion, reply, cues: Cues, weights: Weights | None = None) -> Link:
    """How surely ``reply`` (a Part) answers ``suggestion`` (a Part)."""
    weights = weights or Weights({}, 0)
    s, r = suggestion.norm.match, reply.norm.match
    facts = [_item(suggestion.letter, reply.letter), _congress(suggestion.letter, reply.letter),
             _proposers(suggestion.letter, reply.letter), _agency(s, r)]
    texts = [_text(s, r, cues, weights), _run(s, r, cues, weights)]
    total = sum(score for score, _ in facts + texts)
    evidence = [said for _, lines in facts + texts for said in lines]
    return Link(round(max(0.0, min(1.0, total)), 3), evidence, text_only=not any(score > 0 for score, _ in facts))


def co_reply_conflict(reply, other) -> str | None:
    """Why ``reply`` cannot answer the suggestion ``other`` (a surer reply) answers, or None:
    replies to one suggestion (主办/协办/会办, 续复) give its item number and address its proposers,
    so a different item number, or persons named by both and none shared, is another suggestion."""
    a, b = item_digits(reply.letter), item_digits(other.letter)
    if a and b and a != b:
        return f"item {a} ≠ {b} of the surer reply"
    x, y = _names(reply.letter), _names(other.letter)
    if x and y and not x & y:
        return "addressed to other persons than the surer reply"
    return None


def _best(reply, scored: list, claimed: dict, floor: float, weak: bool) -> tuple | None:
    """The best candidate at or above ``floor``; among near ties, one no other reply claimed;
    never a suggestion a surer reply answers when the two replies disagree (``co_reply_conflict``).
    ``weak``: only unclaimed suggestions, and evidence besides the text is needed."""
    scored = [c for c in scored if c[0].confidence >= floor
              and (not weak or (id(c[1]) not in claimed and not c[0].text_only))
              and (id(c[1]) not in claimed or not co_reply_conflict(reply, claimed[id(c[1])]))]
    if not scored:
        return None
    top = max(link.confidence for link, _ in scored)
    ties = [c for c in scored if c[0].confidence >= top - TIE]
    return next((c for c in ties if id(c[1]) not in claimed), max(ties, key=lambda c: c[0].confidence))


def _assign(table: dict, replies: list, claimed: dict, chosen: dict, weak: bool) -> None:
    order = sorted(replies, key=lambda r: -max((l.confidence for l, _ in table[id(r)]), default=0))
    for reply in (r for r in order if id(r) not in chosen):
        best = _best(reply, table[id(reply)], claimed, MIN_WEAK if weak else MIN_LINK, weak)
        if best:
            claimed.setdefault(id(best[1]), reply)
            chosen[id(reply)] = (reply, best[1], best[0])


def link_all(suggestions: list, replies: list, cues: Cues) -> list[tuple[object, object | None, Link | None]]:
    """``(reply, suggestion or None, link or None)`` for every reply, in the replies' order."""
    weights = weights_of([p.norm.match for p in suggestions + replies], cues)
    table = {id(r): [(link_score(s, r, cues, weights), s) for s in suggestions if s.path != r.path] for r in replies}
    claimed: dict = {}
    chosen: dict = {}
    for weak in (False, True):
        _assign(table, replies, claimed, chosen, weak)
    for reply in (r for r in replies if id(r) not in chosen):
        own = next((s for s in suggestions if s.path == reply.path), None)
        chosen[id(reply)] = (reply, own, Link(1.0, ["same page"]) if own else None)
    return [chosen[id(r)] for r in replies]
