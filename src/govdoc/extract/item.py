"""建议/提案 number and type: 第134号建议 → (建议, "134"), 第0867号(资源环境类086号)提案 → (提案, "0867").

The number is kept as written (leading zeros, letters, a delegation prefix such as 丽22 or 温36), without
第 and 号.  The type is what was submitted: a CPPCC proposal is 提案 even when its own title ends in
建议, so the session's body overrides the word after the number.  Labels that disagree (a metadata
``属性:议案`` against a numbered 提案) give no type.  A lodging number (``立案号:2020072``) and a record heading's
glued number (``…人大代表议案04``) are read too.  Without a number, the session's body or the
addressee's role (代表 → 建议, 委员 → 提案) gives the type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from spacy.language import Language

from govdoc.nlp.extensions import DocFields
from govdoc.extract.letter_layout import HEADER_WINDOW, SIBLING_RE
from govdoc.extract.output import build
from govdoc.model import Item
from govdoc.normalize import NormText
from govdoc.extract.scan import finditer_alternatives, line_span
from govdoc.text.zh import PINYIN_INSERT

if TYPE_CHECKING:  # the stages receive the analysis; they never import it at run time
    from govdoc.extract.analysis import Analysis

# 134 · T014 · 20250118040077 · 丽22 (a one-character delegation prefix that is not part of the
# surrounding words: 会议1号 is 1, 类086号 is a secondary number, 字〔…〕 is a document number).
# A letter or year prefix joined by a hyphen stays in the number: A-12 · 2023-045.
_NUM = (r"(?:[A-Za-z]{1,3}-?\d{1,16}(?:-\d{1,8})?|\d{1,8}-\d{1,8}"
        r"|(?:(?![第议会届次号类字期批年月日])[\u4e00-\u9fff])?\d{1,16})")
_TYPE = r"(?P<type>建议案|建议|提案|议案|批评和意见|批评、意见)"
# A form heading may space the word out: 议  案 / 提 案.
_SPACED_TYPE = r"(?P<type>建议案|建议|提案|议案|批评和意见|批评、意见|建[ \t]+议|提[ \t]+案|议[ \t]+案)"
# 第0867号(资源环境类086号)提案 · 第2024087号《…的建议》的提案 · (99号)建议 · 第T014号代表建议:
# the number (matched backwards from 号) and what follows 号 (matched at 号).
NUMBER_BEFORE_RE = re.compile(rf"(?:第[ \t]*)?(?P<num>{_NUM})[ \t]*$")
_NUMBER_CHARS_RE = re.compile(r"[A-Za-z\d\-]*")  # what a number holds after its prefix character
TYPE_AFTER_RE = re.compile(
    rf"号\)?\s{{0,4}}(?:\([^()\n]{{1,20}}\))?\s{{0,4}}"
    rf"(?:[《“\"][^》”\"\n]{{1,80}}[》”\"][ \t]*(?:的)?)?(?:(?:代表|委员|人大代表|政协委员)\s{{0,2}})?(?:重点|督办)?{_TYPE}"
)
# The type before the number: 代表建议第134号 · a form heading 代表建议、批评和意见 / 第67号 · the
# number in brackets after a quoted title: 《关于…的建议》(第142号).
TYPE_BEFORE_RE = re.compile(rf"{_SPACED_TYPE}(?:、批评和意见)?[》”\"]?\s{{0,4}}[(（]?[ \t]*第[ \t]*(?P<num>{_NUM})[ \t]*$")
# A record field: 建议号:67 · 提案编号：T014
FIELD_RE = re.compile(rf"{_TYPE}编?号[ \t]*[:：][ \t]*(?:第[ \t]*)?(?P<num>{_NUM})")
# A lodging number without the item's type: 立案号:2020072号 (a mirror may insert pinyin after 号).
LODGED_RE = re.compile(rf"立案编?号(?:{PINYIN_INSERT})?[ \t]*[:：][ \t]*(?P<num>{_NUM})")
# A record page's heading ending in the type and the number without 第/号: …人大代表议案04.
GLUED_RE = re.compile(rf"(?:代表|委员){_TYPE}(?P<num>\d{{1,8}})[ \t]*$", re.M)
# Every field holds 号 and a colon (a literal the regex engine skips ahead to): a cheap test first.
_FIELD_HINT_RE = re.compile(r"号[ \t]*[:：]")
# A labelled category of the page: 属性:议案 · 类别：提案
# (?:属性|类型|类别)[ \t]*[:：][ \t]*(?P<type>建议|提案|议案), split by first word (``finditer_alternatives``)
_LABEL_SPLIT = tuple(re.compile(label + r"[ \t]*[:：][ \t]*(?P<type>建议|提案|议案)") for label in ("属性", "类(?:型|别)"))
TITLE_WORDS_RE = re.compile(r"答复|回复|复函|的函|会办意见|协办意见|办理情况")

TYPE_FOLD = {"建议案": "建议", "批评、意见": "批评和意见"}


@dataclass
class Candidate:
    start: int
    end: int
    type: Optional[str]
    score: float
    num_start: int  # the number's own span (without 第 and 号)
    num_end: int

    def number(self, norm: NormText) -> str:
        return norm.slice(self.num_start, self.num_end)


def _number_before(text: str, pos: int) -> Optional[re.Match]:
    """``NUMBER_BEFORE_RE`` searched in the 22 characters before ``pos``, from where a match can
    start: a number is a run of letters, digits and hyphens, maybe after one CJK character, maybe
    after 第 and spacing (so not from each of the 22 offsets)."""
    lo = max(0, pos - 22)
    body = text[lo:pos]
    body = (body[:-1] if body.endswith("\n") else body).rstrip(" \t")  # ``$`` may stand before a last line break
    start = lo + len(body) - _NUMBER_CHARS_RE.match(body[::-1]).end()
    start -= 1  # a CJK prefix character (or spacing after 第)
    while start > lo and text[start - 1] in " \t":
        start -= 1
    return NUMBER_BEFORE_RE.search(text, max(lo, start - 1), pos)  # and 第


def _numbered(text: str):
    """((start, end, number start, number end, type word), score) of numbered items, found from
    each 号 (cheap to find) instead of trying a pattern at every offset."""
    pos = text.find("号")
    while pos >= 0:
        after = TYPE_AFTER_RE.match(text, pos)
        before = _number_before(text, pos) if after else None
        if before:
            yield (before.start(), after.end(), *before.span("num"), after.group("type")), 0.7
        elif text.find("第", max(0, pos - 40), pos) >= 0 and (  # (the pattern needs 第: a cheap test first)
                typed := TYPE_BEFORE_RE.search(text, max(0, pos - 40), pos)) is not None:
            kind = typed.group("type").replace(" ", "").replace("\t", "")
            yield (typed.start(), pos + 1, *typed.span("num"), kind), 0.8
        pos = text.find("号", pos + 1)


def _fields(text: str):
    for m in LODGED_RE.finditer(text):
        yield (m.start(), m.end(), *m.span("num"), None), 0.8
    for m in GLUED_RE.finditer(text, 0, HEADER_WINDOW):
        yield (m.start(), m.end(), *m.span("num"), m.group("type")), 0.75
    if not _FIELD_HINT_RE.search(text):
        return
    for m in FIELD_RE.finditer(text):
        yield (m.start(), m.end(), *m.span("num"), m.group("type")), 0.85


def find_items(norm: NormText) -> list[Candidate]:
    """Every numbered item outside sibling links, scored: a title line or a session span right
    before it rank high."""
    text = norm.match
    out = []
    for hits in (_numbered(text), _fields(text)):
        for (start, end, num_start, num_end, kind), base in hits:
            line_start, line_end = line_span(text, start)
            if SIBLING_RE.match(text, line_start):
                continue
            score = base
            if TITLE_WORDS_RE.search(text, line_start, line_end) or "会议" in text[max(0, start - 8):start]:
                score = 0.9
            out.append(Candidate(start, end, TYPE_FOLD.get(kind, kind), score, num_start, num_end))
    return out


def page_label(norm: NormText) -> Optional[str]:
    m = next(finditer_alternatives(_LABEL_SPLIT, norm.match), None)  # the first labelled category
    return m.group("type") if m else None


def resolve_type(numbered: Optional[str], body: Optional[str], label: Optional[str],
                 role: Optional[str]) -> Optional[str]:
    """One type from the evidence, or ``None`` when labels conflict."""
    if body == "政协" and numbered in (None, "建议"):
        numbered = "提案"  # a CPPCC proposal is 提案 whatever its title ends in
    elif body == "人大" and numbered is None:
        numbered = "建议"
    if numbered and label and numbered != label:
        return None
    if body == "人大" and numbered == "提案" or body == "政协" and numbered == "议案":
        return None
    chosen = numbered or label
    if chosen is None and role:
        chosen = {"代表": "建议", "委员": "提案"}.get(role)
    return chosen


def _addressee_role(norm: Analysis) -> Optional[str]:
    best = norm.addressee
    return best.role if best else None


@Language.component("govdoc_item", requires=["doc._.analysis", "doc._.congress"], assigns=["doc._.item"])
def item_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    cands = find_items(norm)
    best = max(cands, key=lambda c: (c.score, -c.start)) if cands else None
    body = ext.congress.body if ext.congress else None
    role = None if best or body else _addressee_role(norm)
    kind = resolve_type(best.type if best else None, body, page_label(norm), role)
    number = best.number(norm) if best else None
    if kind or number:
        span = norm.span_dict(best.start, best.end) if best else None
        conf = (best.score * norm.confidence_at(best.start)) if best else 0.5
        ext.item = build(Item, type=kind, number=number, span=span, confidence=conf)
    return doc
