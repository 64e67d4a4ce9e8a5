"""A suggestion's asks: each distinct thing it requests, with its span.

Rules, in order (each with a synthetic test in ``tests/test_compare_asks.py``):

1. Only the body counts: short table cells, labelled metadata lines (承办单位:, 建议标题:) and title lines are left out;
   a content label (建议内容:, 案由:) keeps the text after it, and a request label (建议:) makes
   its first clause a request.
2. A sentence asks from the clause that holds an ask cue (建议, 希望, 恳请, 政府应当…); clauses
   before it are background, and a bare cue (建议如下) is no ask itself.  A numbered item (一是, 1.,
   (一)) is one ask to its end, over the sentences of its line unless its first sentence states the
   request whole (``MIN_HEADLINE_CJK``): with an action verb wherever it stands, any item once the
   request has begun.  After an ask, a clause with an action verb, or one joined by 并/同时,
   starts a further ask, unless it names the effect the request is for (提高…, 引导…: it goes on
   with it); a purpose or a reason (还可…, 对改善…具有重大意义) ends the ask, and any other clause
   is its detail (按照…给予补助, 归集…信息) and extends it; once the request has begun, a sentence
   that opens with an action verb is a further ask too (a bare 同时, / 此外, before it does not
   count).  The name of a kind of document on a line of its own (代表建议、批评和意见) is no request.
3. With no cue in the whole text, every clause with an action verb is an ask (quoted passages,
   restatements); with none of those either, the topic of the title (关于X的建议) is the one ask.
4. One clause naming two works (A及B, A对B进行C, 两条路(甲、乙)) gives one ask per work.
5. The same request stated twice counts once (the longer statement is kept).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from govdoc.compare.cues import Cues
from govdoc.compare.segments import LABEL, Segment, clauses, lines, sentences, trimmed
from govdoc.compare.similarity import containment

TITLE_LINE = re.compile(r"^(关于|对《?关于).{2,80}(建议|议案|提案|答复|复函|的函)\W*$")
# The name of a kind of document on a line of its own (a form's heading), never a request.
KIND_LINE = re.compile(r"^(代表|委员|人大代表|政协委员)?(建议、批评和意见|建议|议案|提案)(汇编|目录|登记表|办理情况)?$")
TITLE_TOPIC = re.compile(r"关于[“\"《]?(.{2,80}?)[”\"》]?的?(建议|议案|提案)")
LEADING_CONNECTOR = re.compile(r"(即|并且?|同时|以及|和|及)")  # used with .match(text, pos): anchored there
JOINED = re.compile(r"\s*(并且?|同时|另外|还要|还应)(?!且)")
CONNECTOR_ONLY = re.compile(r"\s*(同时|此外|另外|并且|其次|再次|最后|还有|第[二三四五六七八九十]|再者)\s*")
ENUMERATION = re.compile(r"[两二三四五六七八九十\d]+[条个处座所项](?:[^(]{0,12})\(([^()]+)\)")
MIN_ITEM_CJK = 4
MIN_ASK_CJK = 4
MIN_HEADLINE_CJK = 10  # a numbered item's first sentence this long is its request (rule 2)
# An item marker at the start of a clause: 一是 第二是 一、 (一) (1) 1. 1、 第一,
MARKER = re.compile(r"\s*(第?[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[,、]|[一二三四五六七八九十]+[、.]"
                    r"|\([一二三四五六七八九十\d]+\)|\d{1,2}[.、](?!\d))\s*")
# Shorter lines are table cells and labels (建议提案标题, 会议届次), never a body.
MIN_BODY_LINE = 8


@dataclass(frozen=True)
class AskSpan:
    segment: Segment  # the ask's own text
    context: Segment  # the sentence it came from


def body_segments(match: str, cues: Cues) -> list[tuple[Segment, bool]]:
    """The body of a suggestion part: ``(segment, is_request)`` for each body line (rule 1)."""
    out = []
    for line in lines(match):
        text = line.of(match)
        if text.startswith("# source:") or TITLE_LINE.match(text) or KIND_LINE.match(text) or len(text) < MIN_BODY_LINE:
            continue
        label = LABEL.match(text)
        if not label:
            out.append((line, False))
            continue
        name = re.sub(r"\s", "", label.group(1))
        rest = Segment(line.start + label.end(), line.end)
        if cues.fires("content_label", name):
            out.append((rest, cues.fires("request_label", name)))
        elif rest.end - rest.start >= 60:
            out.append((rest, False))
    return out


def _clean(match: str, seg: Segment) -> Segment:
    """The clause without its item marker (一是, 1., (一)) and leading connector (即, 并)."""
    at = seg.start
    for pattern in (MARKER, LEADING_CONNECTOR):
        lead = pattern.match(match, at, seg.end)
        at = lead.end() if lead else at
    return trimmed(match, at, seg.end) or seg


def _has_content(text: str, cues: Cues) -> bool:
    """More than a bare cue (建议如下, 为此建议) or a way borrowed from elsewhere (建议借鉴外地经验, the
    ``manner`` cues): at least ``MIN_ASK_CJK`` characters besides."""
    rest = cues.strip("manner", cues.strip("ask", text)).replace("如下", "")
    return sum("\u4e00" <= ch <= "\u9fff" for ch in rest) >= MIN_ASK_CJK


def _starts_ask(text: str, cues: Cues) -> bool:
    """A clause that opens a new ask once the request has begun (or as a numbered item)."""
    acts = cues.fires("action", text) or cues.fires("ask", text)
    return acts and not any(cues.fires(c, text) for c in ("continues", "purpose", "background"))


def _joined(match: str, clause: Segment, text: str, cues: Cues) -> bool:
    """A clause joined to the request before it by 并/同时 (并对城乡公交实行票价补贴): a further
    request, unless it is a purpose, a result or background."""
    return bool(JOINED.match(match, clause.start, clause.end)) and not any(
        cues.fires(c, text) for c in ("continues", "purpose", "background"))


def _sentence_asks(match: str, sentence: Segment, cues: Cues, request: bool, need_cue: bool,
                   begun: bool = False) -> tuple[list[tuple[Segment, bool]], bool]:
    """Rule 2 (``need_cue``) or rule 3 over the clauses of one sentence: its asks, and whether
    the request has begun by its end (``begun``: before it); each ask with whether it is a
    numbered item.  A numbered item is one ask, to its end or the next number: one with an action
    verb wherever it stands, any other once the request has begun (为此建议: / 1. 简化…流程)."""
    asks: list[tuple[Segment, bool]] = []
    current, started, in_item = None, False, False
    n = -1
    for clause in clauses(match, sentence):
        if CONNECTOR_ONLY.fullmatch(clause.of(match)):
            continue  # 同时, / 此外, : the next clause opens the sentence
        n += 1
        seg = _clean(match, clause)
        text, numbered = seg.of(match), bool(MARKER.match(match, clause.start, clause.end))
        item_ask = numbered and _has_content(text, cues) and (
            _starts_ask(text, cues) or (need_cue and (started or begun)))
        if item_ask:
            asks += [(current, in_item)] if current else []
            current, started, in_item = seg, True, True
        elif current and in_item:
            current = Segment(current.start, clause.end)
        elif not started and need_cue:
            # once the request has begun, a sentence that opens with an action is a further one
            started = request or cues.fires("ask", text) or (begun and n == 0 and _starts_ask(text, cues))
            current = seg if started and _has_content(text, cues) else None
        elif started and not JOINED.match(match, clause.start, clause.end) and cues.fires("outcome", text):
            # the effect the request is for: it goes on with the request, or is nothing of its own
            current = Segment(current.start, clause.end) if current else None
        elif (_starts_ask(text, cues) or (started and _joined(match, clause, text, cues))) and _has_content(text, cues):
            asks += [(current, in_item)] if current else []
            current, started, in_item = seg, True, False
        elif current and not any(cues.fires(c, text) for c in ("purpose", "background")):
            current = Segment(current.start, clause.end)  # its detail: 按照…给予补助, 归集…信息
        else:
            asks += [(current, in_item)] if current else []
            current, in_item = None, False
    return asks + ([(current, in_item)] if current else []), begun or started or (request and need_cue)


def _headline(text: str) -> bool:
    """A numbered item's first sentence that states its request whole (一、在县城建设一个游客集散中心。):
    the sentences after it on its line are its details, not part of the ask.  A shorter one names
    only a topic (一、建设零工市场。), and the item's ask runs on over its line."""
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text) >= MIN_HEADLINE_CJK


def split_works(match: str, seg: Segment, cues: Cues, item: bool = False) -> list[Segment]:
    """Rule 4: one segment per work named in an ask clause (``item``: a numbered item, which a
    second action alone does not split)."""
    enum = ENUMERATION.search(match, seg.start, seg.end)
    if enum:
        items, at = [], enum.start(1)
        for part in enum.group(1).split("、"):
            items.append(Segment(at, at + len(part)))
            at += len(part) + 1
        if all(sum("\u4e00" <= ch <= "\u9fff" for ch in i.of(match)) >= MIN_ITEM_CJK for i in items):
            return items
    for cue in cues.of("split") + (() if item else cues.of("split_action")):
        for m in cue.pattern.finditer(match, seg.start, seg.end):
            left, right = Segment(seg.start, m.start()), Segment(m.end() if m.group() != "对" else m.start(), seg.end)
            if cues.fires("action", left.of(match)) and cues.fires("action", right.of(match)):
                return [left] + split_works(match, right, cues, item)
    return [seg]


def dedupe(match: str, asks: list[AskSpan], cues: Cues) -> list[AskSpan]:
    """Rule 5: of two asks sharing most of their words, keep the longer."""
    kept: list[AskSpan] = []
    for ask in asks:
        text = ask.segment.of(match)
        twin = next((k for k in kept if containment(text, k.segment.of(match), cues) >= 0.6), None)
        if twin is None:
            kept.append(ask)
        elif len(text) > len(twin.segment.of(match)):
            kept[kept.index(twin)] = ask
    return sorted(kept, key=lambda a: a.segment.start)


def title_ask(match: str) -> list[AskSpan]:
    m = TITLE_TOPIC.search(match)
    if not m:
        return []
    seg = Segment(m.start(1), m.end(1))
    return [AskSpan(seg, seg)]


def find_asks(match: str, cues: Cues, use_title: bool = True) -> list[AskSpan]:
    """The asks of a suggestion part, in text order (rules 1–5; rule 3's title only with
    ``use_title``)."""
    body = body_segments(match, cues)
    for need_cue in (True, False):
        found, begun = [], False
        for seg, request in body:
            begun = begun or (request and need_cue)
            item: Optional[AskSpan] = None  # a numbered item of this line, which runs on to its end
            for sentence in sentences(match, seg.start, seg.end):
                if item is not None and not MARKER.match(match, sentence.start, sentence.end):
                    if not _headline(item.segment.of(match)):
                        found[-1] = item = AskSpan(Segment(item.segment.start, sentence.end), item.context)
                    continue
                asks, begun = _sentence_asks(match, sentence, cues, request, need_cue, begun)
                spans = [(AskSpan(work, sentence), numbered) for ask, numbered in asks
                         for work in split_works(match, ask, cues, numbered)]
                found += [span for span, _ in spans]
                item = spans[-1][0] if spans and spans[-1][1] and len(spans) == 1 else None
        if found:
            return dedupe(match, found, cues)
    return title_ask(match) if use_title else []
