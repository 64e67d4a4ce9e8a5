"""Per-ask response: the reply sentences that respond to an ask, and the label they earn.

* A reply sentence's *novel* text is what it does not copy from the suggestion (runs of
  ``MIN_COPIED`` characters or more found verbatim in the suggestion are blanked) with praise
  (很有必要, 非常好) blanked too: quoting or praising an ask is not answering it.
* Courtesy and closing sentences (感谢…, 如有不妥…, 联系人…), metadata lines, headings and
  signatures never respond; a leading label (办理复文(摘要):) is dropped.
* A sentence responds to an ask when it holds enough of the ask's key words or bigrams
  (``similarity.relevance``), counting only those the suggestion's other asks do not share (a
  place or topic they all name ties a sentence to the suggestion, not to one ask).  A *decision*
  sentence (one with a signal: refusal, completed action, plan, money, date, named document, a
  count of things, intention) that no ask claims answers the
  suggestion as a whole, and is added to every ask when there is one ask only or when no ask
  claimed any sentence.
* A reply in numbered sections (一、… （二）关于…的问题), or in paragraphs that open by naming their
  topic (关于夜间门诊的建议,… 在家庭医生签约服务方面,…), answers each ask in the section that
  matches it best: that section's relevant and decision sentences are the ask's evidence, and no
  other ask takes a sentence from it.
* The label: no evidence → ``not_addressed``; a refusal → ``explained`` (not now, not ours, already
  otherwise used — whatever vague intention comes with it); a completed action, a plan listing,
  money, a date, a named document or a count of things (购置检测车1台, 检测水样486份) →
  ``concrete``; otherwise ``general``.
"""
from __future__ import annotations

from dataclasses import dataclass

import re

from govdoc.compare.cues import SIGNAL_KINDS, Cues
from govdoc.compare.asks import MARKER, TITLE_LINE
from govdoc.compare.segments import LABEL, SENTENCE_STOPS, Segment, lines, sentences
from govdoc.compare.similarity import containment_in, relevance

MIN_COPIED = 12  # a run this long found in the suggestion is a quotation, not a response
MIN_NOVEL_CJK = 6  # less new text than this: the sentence says nothing of its own
MIN_SHARE, MIN_HITS = 0.25, 4  # relevant: a quarter of the ask's key terms, or four of them
MIN_SENTENCE = 25  # shorter and without a comma or full stop: a signature or a heading
CONCRETE = ("completed", "plan", "money", "date", "named", "quantity")
MAX_HEADING = 30  # a numbered line this short, without a full stop, is a section heading
MIN_HEADING = 4  # a heading this long or longer is matched against the asks on its own,
HEADING_SHARE = 0.5  # and names an ask when half its bigrams are the ask's
ABOUT_HEADING = re.compile(r"关于.{2,40}(问题|建议|方面|情况)")
# A paragraph that opens by naming its topic, unnumbered (关于太湖港片区服务站设置问题, /
# 在家庭医生签约服务方面,).
TOPIC_LEAD = re.compile(r"(关于|对于|针对).{2,40}(问题|建议|方面|情况)|在.{2,30}方面")


@dataclass(frozen=True)
class ReplySentence:
    segment: Segment
    text: str  # match text
    novel: str  # the same, copied and praise runs blanked (same length): where signals are read


@dataclass(frozen=True)
class Signal:
    kind: str
    text: str
    segment: Segment


@dataclass(frozen=True)
class Response:
    label: str
    evidence: list[Segment]
    signals: list[Signal]


def blank_copied(text: str, source: str, min_run: int = MIN_COPIED) -> str:
    """``text`` with every run of ``min_run``+ characters that occurs in ``source`` blanked."""
    out, i = list(text), 0
    while i <= len(text) - min_run:
        if text[i:i + min_run] not in source:
            i += 1
            continue
        end = i + min_run
        while end < len(text) and text[i:end + 1] in source:
            end += 1
        out[i:end] = " " * (end - i)
        i = end
    return "".join(out)


def _cjk(text: str) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def _body(match: str, seg: Segment) -> Segment | None:
    """A sentence without its leading label (办理复文(摘要):); None for metadata and headings."""
    text = seg.of(match)
    label = LABEL.match(text)
    if label:
        seg = Segment(seg.start + label.end(), seg.end)
        text = seg.of(match)
    ended = match[seg.end:seg.end + 1] in SENTENCE_STOPS and match[seg.end:seg.end + 1] != ""
    short = len(text) < MIN_SENTENCE and not ended and not any(p in text for p in ",。;")
    return None if short or TITLE_LINE.match(text) or "|" in text else seg


def reply_sentences(match: str, suggestion: str, cues: Cues) -> list[ReplySentence]:
    """The sentences of a reply part that could respond (rules 1–2)."""
    out = []
    for seg in filter(None, (_body(match, s) for s in sentences(match))):
        text = seg.of(match)
        novel = cues.strip("praise", blank_copied(text, suggestion))
        if not cues.fires("formula", text) and _cjk(novel) >= MIN_NOVEL_CJK:
            out.append(ReplySentence(seg, text, novel))
    return out


def signals_of(sentence: ReplySentence, cues: Cues) -> list[Signal]:
    found = []
    for kind in SIGNAL_KINDS:
        for _cue, m in cues.search(kind, sentence.novel):
            seg = Segment(sentence.segment.start + m.start(), sentence.segment.start + m.end())
            found.append(Signal(kind, m.group(), seg))
    return found


def relevant(ask: str, candidates: list[ReplySentence], cues: Cues, common: str = "") -> list[ReplySentence]:
    hits = []
    for sentence in candidates:
        share, count = relevance(ask, sentence.text, cues, common)
        if (share >= MIN_SHARE and count >= 1) or count >= MIN_HITS:
            hits.append(sentence)
    return hits


def label_of(evidence: list, signals: list[Signal]) -> str:
    kinds = {s.kind for s in signals}
    if not evidence:
        return "not_addressed"
    if "refusal" in kinds:
        return "explained"
    return "concrete" if kinds & set(CONCRETE) else "general"


def sections(match: str, cues: Cues) -> list[Segment]:
    """The reply's numbered sections: from a heading line (一、稳定山区教师队伍, （二）关于…的问题) to
    the next one, or to the first line that opens with a closing formula (the ``formula`` cues:
    以上答复…, 感谢…, 联系人…); none unless there are two."""
    all_lines = lines(match)
    heads = [line for line in all_lines if _is_heading(line.of(match), cues)]
    out = []
    for head, nxt in zip(heads, heads[1:] + [None]):
        end = nxt.start if nxt else len(match)
        closing = next((line.start for line in all_lines if head.end <= line.start < end
                        and _opens_with_formula(line.of(match), cues)), end)
        out.append(Segment(head.start, closing))
    return out if len(out) >= 2 else []


def _opens_with_formula(text: str, cues: Cues) -> bool:
    return any(m.start() == 0 for _cue, m in cues.search("formula", text))


def _is_heading(text: str, cues: Cues) -> bool:
    """A numbered line whose first sentence is short or names a topic (一、改善教师住宿条件;
    (一)关于简化审批流程。今年3月起…), or a line whose first clause names its topic (关于开设夜间门诊的
    建议,…; 在家庭医生签约服务方面,…) with the paragraph going on after it (a title line alone is
    none) and no courtesy formula (关于您的建议,现答复如下): the paragraph under it, or after it on
    the line, answers it."""
    marker = MARKER.match(text)
    if not marker:
        lead, *rest = re.split(r"[,。;:]", text, maxsplit=1)
        return bool(rest and rest[0].strip() and TOPIC_LEAD.fullmatch(lead)) and not cues.fires("formula", text)
    first = re.split(r"[。;]", text[marker.end():], maxsplit=1)[0]
    return len(first) <= MAX_HEADING or bool(ABOUT_HEADING.match(first))


def _section_score(ask: str, block: str, cues: Cues, common: str = "") -> float:
    """How well a section answers an ask: the share of the ask's key terms in it, or of its
    heading's bigrams in the ask (二、职业技能培训 heads the answer to 开展订单式技能培训)."""
    head = re.split(r"[。;\n]", block, maxsplit=1)[0]
    head = head[MARKER.match(head).end():] if MARKER.match(head) else head
    heading = containment_in(head, ask, cues) if len(head) >= MIN_HEADING else 0.0
    return max(relevance(ask, block, cues, common)[0], heading if heading >= HEADING_SHARE else 0.0)


def _section_of(ask: str, blocks: list[Segment], match: str, cues: Cues, common: str = "") -> Segment | None:
    """The section that answers an ask: the one that matches it best (``_section_score``), at
    ``MIN_SHARE`` at least."""
    scored = [(_section_score(ask, b.of(match), cues, common), -i, b) for i, b in enumerate(blocks)]
    best = max(scored, default=None)
    return best[2] if best and best[0] >= MIN_SHARE else None


def respond(asks: list[str], candidates: list[ReplySentence], cues: Cues,
            match: str = "") -> list[Response]:
    """One response per ask (ask texts in match form), in the asks' order; ``match``: the reply's
    match text, whose numbered sections (``sections``), when it has them, each answer the ask
    they match best: that ask's evidence is its section's relevant and decision sentences, and no
    other ask takes a sentence from a section that answers another ask."""
    blocks = sections(match, cues) if match and len(asks) > 1 else []
    others = ["\n".join(a for j, a in enumerate(asks) if j != i) for i in range(len(asks))]
    owner = [_section_of(ask, blocks, match, cues, common) for ask, common in zip(asks, others)]
    taken = {b for b in owner if b is not None}
    found = {s.segment: signals_of(s, cues) for s in candidates}  # each sentence's signals, once
    claimed = []
    for ask, block, common in zip(asks, owner, others):
        if block is not None:
            pool = [s for s in candidates if block.start <= s.segment.start < block.end]
            own = relevant(ask, pool, cues, common)
            claimed.append(own + [s for s in pool if s not in own and found[s.segment]])
        else:
            pool = [s for s in candidates if not any(b.start <= s.segment.start < b.end for b in taken)]
            claimed.append(relevant(ask, pool, cues, common))
    decisions = [s for s in candidates if found[s.segment]]
    whole = len(asks) == 1 or not any(claimed)
    out = []
    for own in claimed:
        chosen = own + [s for s in decisions if whole and s not in own]
        chosen.sort(key=lambda s: s.segment.start)
        signals = [sig for s in chosen for sig in found[s.segment]]
        out.append(Response(label_of(chosen, signals), [s.segment for s in chosen], signals))
    return out
