"""会议届次: the session at which the item was put forward – 市七届人大四次会议 → 人大 / 市 / 7 / 4.

Short forms (``县政协九届三次会议``, ``十二届全国人大四次会议``, ``君山区人大五届五次会议``) and long
forms (``政协十三届全国委员会第四次会议``, ``马关县第十八届人民代表大会第二次会议``, split over a line
break) are one pattern: *prefix* (place/level, 政协/人大/全国) · term 届 · *middle* (全国, 人民代表大会,
委员会 …) · session 次会议.  The span nearest the item number or in a title line wins; links to sibling
letters (上一篇/下一篇) are never read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language

from govdoc.nlp.extensions import DocFields
from govdoc.extract.output import build
from govdoc.model import Congress
from govdoc.normalize import NormText
from govdoc.extract.letter_layout import SIBLING_RE
from govdoc.extract.scan import line_span
from govdoc.text.numerals import cn_to_int
from govdoc.text.zh import PINYIN_INSERT

LEVELS = "省市州县区"
# Places named by other last words, with the level they stand at: a banner (旗, Inner Mongolia's
# county-level unit, 鄂温克族自治旗) is a 县.
PLACE_LEVELS = {"旗": "县"}
_NUM = r"[一二三四五六七八九十〇零\d]{1,4}"
# A CJK character, optionally followed by inserted pinyin in brackets: 镇(zhèn).
_HAN = r"[\u4e00-\u9fff](?:\([a-zA-Z\u00c0-\u024f\u0300-\u036f]{1,8}\))?"
_SP = r"[ \t]*(?:\n[ \t]*){0,2}"  # a line break, or two around a blank line
_PREFIX = rf"(?:政协|人大)?(?:{_HAN}){{0,11}}?[{LEVELS}{''.join(PLACE_LEVELS)}](?:政协|人大)?|全国(?:政协|人大)?|(?:政协|人大)(?:全国)?"
# The core, matched where a term (届) starts: 十三届全国委员会第四次会议 · 七届人大四次会议.
# A mirror's pinyin may follow any of its characters (會(huì)議): ``_PY``.
_PY = rf"(?:{PINYIN_INSERT})?"
CORE_RE = re.compile(
    rf"第?(?P<term>{_NUM})届{_PY}{_SP}"
    rf"(?P<mid>(?:全国|[{LEVELS}])?{_SP}(?:人民代表大会|人大|政协|委员会)?){_SP}"
    rf"第?(?P<session>{_NUM})次{_PY}(?:全体)?会{_PY}议"
)
# The place/body words before the term, matched backwards from the term's start.
PREFIX_RE = re.compile(rf"(?P<prefix>{_PREFIX}){_SP}$")
# The characters a prefix is made of (CJK, and pinyin in brackets): a run of them, read backwards.
_PREFIX_CHARS_RE = re.compile(r"[\u4e00-\u9fff()a-zA-Z\u00c0-\u024f\u0300-\u036f]*")
_TERM_START_RE = re.compile(rf"第?{_NUM}$")
# Words that end the text before a place name: 关于汨罗市… → 汨罗市, 对县… → 县, 在政协… → 政协.
_LEAD_STOP = re.compile(rf"^.*[在于对向由的为是了与及将和据经](?:{PINYIN_INSERT})?")  # with its pinyin: 對(duì)
_PINYIN = re.compile(r"\([^)]*\)")
# An item number right after the span: 第134号, 5185号, 丽22号, (资源环境类…).
ITEM_AFTER_RE = re.compile(r"\s{0,8}(?:第|\()?[ \t]*[A-Za-z\u4e00-\u9fff]?\d+号")
# Without 人大/政协 in the span, the kind of item named right after it tells the body.
BODY_AFTER_RE = re.compile(r"[^。\n]{0,24}?(?P<kind>提案|建议|议案)")
TITLE_WORDS_RE = re.compile(r"答复|回复|复函|的函|会办意见|协办意见|办理情况|关于|建议$|提案$")


@dataclass
class Candidate:
    start: int
    end: int
    body: Optional[str]
    level: Optional[str]
    term: Optional[int]
    session: Optional[int]
    score: float


def _body(span: str) -> Optional[str]:
    if "政协" in span or "委员会" in span:
        return "政协"
    if "人大" in span or "人民代表大会" in span:
        return "人大"
    return None


def _level(prefix: str, mid: str) -> Optional[str]:
    if "全国" in prefix or "全国" in mid:
        return "全国"
    place = _PINYIN.sub("", prefix).replace("政协", "").replace("人大", "")
    if place.endswith("自治区"):
        return "省"  # an autonomous region is a province-level unit (自治州, 自治县 keep their last word)
    if place and place[-1] in LEVELS:
        return place[-1]
    if place and place[-1] in PLACE_LEVELS:
        return PLACE_LEVELS[place[-1]]
    mid_level = [c for c in mid if c in LEVELS]
    return mid_level[0] if mid_level else None


def _prefix_before(text: str, pos: int) -> Optional[re.Match]:
    """``PREFIX_RE`` searched in the 30 characters before ``pos``, from where it can start: the
    prefix is followed only by spacing and is made of CJK and pinyin characters, so it starts
    inside the run of those that ends the window before its spacing.  (Trying the pattern from
    each of the 30 offsets was the stage's largest cost.)"""
    lo = max(0, pos - 30)
    body = text[lo:pos].rstrip(" \t\n")
    run = _PREFIX_CHARS_RE.match(body[::-1]).end()
    return PREFIX_RE.search(text, lo + len(body) - run, pos)


def _matches(text: str):
    """(start, end, prefix, core match) for each session span, found from each 届 (cheap to find)
    instead of trying a pattern at every offset."""
    pos = text.find("届")
    while pos >= 0:
        term = _TERM_START_RE.search(text, max(0, pos - 5), pos)
        core = CORE_RE.match(text, term.start()) if term else None
        if core:
            before = _prefix_before(text, core.start())
            start = before.start() if before else core.start()
            yield start, core.end(), before.group("prefix") if before else "", core
            pos = core.end()
        pos = text.find("届", pos + 1)


def find_congresses(norm: NormText) -> list[Candidate]:
    """Every session span outside sibling links, scored by closeness to the item number/title."""
    text = norm.match
    out = []
    for start, end, prefix, m in _matches(text):
        line_start, line_end = line_span(text, start)
        if SIBLING_RE.match(text, line_start):
            continue
        cut = _LEAD_STOP.match(prefix)
        if cut:  # drop the words before the place name
            start += cut.end()
            prefix = prefix[cut.end():]
        span = text[start:m.end()]
        score = 0.6
        if ITEM_AFTER_RE.match(text, m.end()):
            score = 0.95
        elif TITLE_WORDS_RE.search(text, line_start, line_end):
            score = 0.8
        body = _body(span)
        if body is None and (after := BODY_AFTER_RE.match(text, m.end())):
            body = "政协" if after.group("kind") == "提案" else "人大"
        out.append(Candidate(start, m.end(), body, _level(prefix, m.group("mid")),
                             cn_to_int(m.group("term")), cn_to_int(m.group("session")), score))
    return out


def best_congress(norm: NormText) -> Optional[Candidate]:
    cands = find_congresses(norm)
    return max(cands, key=lambda c: (c.score, -c.start)) if cands else None


@Language.component("govdoc_congress", requires=["doc._.analysis"], assigns=["doc._.congress"])
def congress_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    best = best_congress(norm)
    if best:
        ext.congress = build(Congress, body=best.body, level=best.level, term=best.term, session=best.session,
                                raw=norm.text[best.start:best.end].strip(), span=norm.span_dict(best.start, best.end),
                                confidence=best.score * norm.confidence_at(best.start))
    return doc
