"""Both parts of one page: the suggestion and the reply, each as segments of the page's text.

Three layouts (each with a synthetic test in ``tests/test_compare_split.py``):

* **record, then reply**: the suggestion record (建议标题, 建议内容 …) is cut from the reply at the
  first line that starts with a reply label (办理复文, 答复内容:, 办理情况:, 公开状态 …) and has
  asks before it, and no reply's opening (收悉, 答复如下) before it;
* **reply, then the suggestion tab**: a trailing ``建议:`` / ``建议内容:`` block after the reply (a
  reply label at a line's start or a reply's opening before it: a record page without a reply has
  neither);
* **a reply quoting the suggestion**: the section 一、基本情况 (up to 二、), a “quotation” after
  你的建议 / 您提出的 / 对您提出的, or the text after 所提建议即: — the reply keeps the whole page
  (its copied text is never taken as a response: ``respond.novel``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from govdoc.compare.asks import find_asks
from govdoc.compare.cues import Cues
from govdoc.compare.segments import Segment

REPLY_LABEL = re.compile(r"^[ \t•·]*(办理复文|答复内容|办理情况|办理结果|答复意见|回复内容|公开状态|答复情况|办理答复)[^\n]{0,8}?[:\n]",
                         re.M)
TRAILING_SUGGESTION = re.compile(r"^[ \t]*(建议|建议内容|提案内容|议案内容)\s*:", re.M)
BASIC_SECTION = re.compile(r"^[ \t]*一[、.]\s*(基本情况|建议内容|代表建议)\s*\n(.+?)(?=^[ \t]*二[、.]|\Z)", re.M | re.S)
QUOTE = re.compile(r"(你的建议|您的建议|您提出的|对您提出的|你提出的|您反映的?|建议中提出)[^“\n]{0,6}“([^”]{8,400})”")
RESTATED = re.compile(r"(所提建议即|所提建议为|建议内容为|您反映|你们反映)\s*:?\s*([^。\n“]{8,300}?)(?=的建议|问题。|。|\n)")
# What a reply says of itself (``parts.role_of``: a page of no known kind that says one is a reply).
REPLY_MARKS = re.compile(r"(答复|复函|回复|办理情况|办理结果|办理复文|现将.{0,8}(答复|汇报)如下)")
# A reply's own opening: a label after it (办理结果:B类 under the letter) is the page's chrome,
# not where the reply starts.
REPLY_OPENING = re.compile(r"(收悉|答复如下|回复如下|现将.{0,8}(答复|汇报)如下)")
# A reply part needs this much text after the cut (a label alone is page chrome).
MIN_REPLY_CHARS = 20


def says_reply(text: str) -> bool:
    """A reply label at a line's start or a reply's opening: what shows a reply is on the page (a
    heading like 代表建议办理情况公开 names the page, not a reply)."""
    return bool(REPLY_LABEL.search(text) or REPLY_OPENING.search(text))


@dataclass(frozen=True)
class PageParts:
    suggestion: list[Segment]  # empty: the page holds no suggestion
    reply: list[Segment]  # empty: the page holds no reply
    layout: str  # record | trailing | quoted | whole


def _record_cut(match: str, cues: Cues) -> PageParts | None:
    for m in REPLY_LABEL.finditer(match):
        before, after = Segment(0, m.start()), Segment(m.start(), len(match))
        labelled = m.group().rstrip().endswith(":")
        if REPLY_OPENING.search(match, 0, m.start()):
            return None  # the reply began before this label
        if len(match) - m.end() >= MIN_REPLY_CHARS and find_asks(before.of(match), cues, use_title=labelled):
            return PageParts([before], [after], "record")
    return None


def _trailing(match: str, cues: Cues) -> PageParts | None:
    for m in TRAILING_SUGGESTION.finditer(match):
        if says_reply(match[:m.start()]) and find_asks(match[m.start():], cues):
            return PageParts([Segment(m.start(), len(match))], [Segment(0, m.start())], "trailing")
    return None


def _quoted(match: str) -> PageParts | None:
    found = [Segment(m.start(2), m.end(2)) for m in BASIC_SECTION.finditer(match)]
    found += [Segment(m.start(2), m.end(2)) for pattern in (QUOTE, RESTATED) for m in pattern.finditer(match)]
    kept = [s for s in sorted(found, key=lambda s: s.start)
            if not any(o is not s and o.start <= s.start and s.end <= o.end for o in found)]
    return PageParts(kept, [Segment(0, len(match))], "quoted") if kept else None


def split_page(match: str, cues: Cues) -> PageParts:
    """The parts of one page's match text (``layout`` says which rule cut it)."""
    return (_record_cut(match, cues) or _trailing(match, cues) or _quoted(match)
            or PageParts([], [Segment(0, len(match))], "whole"))
