"""The section tree of a letter's body: headings 一、 （一） 1. （1） ①, nested by marker style.

A heading is a numbering marker at a line start, or right after the previous sentence in run-in
style (``(一) 简政放权。我局…``).  Its title runs to the first 。 (or ！？；), the end of the line,
or a layout gap (a space between two Chinese characters in flattened table text).  Numbering
must be consecutive within a list: a marker is accepted when it is 1, the successor of the last
accepted marker of its style, or — at the start of a cut text — followed by its own successor.
A heading of a higher style resets the counters of the styles below it.

Patterns run on ``norm.match`` (half-width, simplified: ``（一）`` reads ``(一)``); values are
copied from ``norm.text``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from spacy.language import Language

from govdoc.nlp.extensions import DocFields
from govdoc.extract.output import build
from govdoc.model import Heading
from govdoc.normalize import NormText
from govdoc.text.numerals import cn_to_int
from govdoc.text.zh import CJK

if TYPE_CHECKING:  # the stages receive the analysis; they never import it at run time
    from govdoc.extract.analysis import Analysis

_CN_NUM = "一二三四五六七八九十"
_SP = r"[ \t\u3000]*"
# A title opening with a year (1.2017-2021年安排…): the digits after the marker are no decimal.
_YEAR_LEAD = r"(?:19|20)\d\d(?:[-—–~至](?:19|20)\d\d)?年"
_YEAR_LEAD_RE = re.compile(_YEAR_LEAD)
# Marker styles, outermost first; the rank is the style's place in this tuple.
STYLES = ("cn", "pcn", "ar", "par", "circ")
# Anchored on the character before the marker (a line break or a sentence end), consumed rather
# than looked behind, so that the engine skips ahead to those characters; the text start is
# tried separately.
MARKER = (
    rf"{_SP}(?P<marker>"
    rf"(?P<cn>[{_CN_NUM}]{{1,3}}){_SP}[、.]"          # 一、  一.
    rf"|\({_SP}(?P<pcn>[{_CN_NUM}]{{1,3}}){_SP}\)"    # (一)  （一）
    rf"|(?P<ar>\d{{1,2}}){_SP}(?:、|\.(?!\d)|\.(?={_YEAR_LEAD}))"  # 1.  1、  1．  (not 1.5; 1.2017年 is 1. then a year)
    rf"|\({_SP}(?P<par>\d{{1,2}}){_SP}\)"             # (1)  （1）
    rf"|(?P<circ>[①-⑳])"                             # ①
    rf"){_SP}"
)
# (The look-ahead holds every character a marker can start with: most sentence ends fail on it
# before the alternation is tried.)
HEADING_RE = re.compile(rf"[。!?;:\n](?=[ \t\u3000({_CN_NUM}\d①-⑳]){MARKER}")
HEADING_AT_START_RE = re.compile(MARKER)
# Where a title stops: a sentence end, a line end, or a layout gap between two CJK characters.
# (One character class first, so that the regex engine skips ahead to it; a blank then checks in
# a look-behind that it opens the gap: the same matches as ``[。!?;\n]|(?<=[CJK”》)])[blanks]+(?=…)``.)
TITLE_END_RE = re.compile(rf"[。!?;\n \t\u3000](?:(?<=[。!?;\n])"
                          rf"|(?<=[{CJK}”》)][ \t\u3000])[ \t\u3000]*(?=[{CJK}“《]))")
TITLE_MAX = 60
# A marker followed by another numeral or digit is a range or a compound (一、二级公路, 1、2).
_NOT_TITLE_START_RE = re.compile(rf"[{_CN_NUM}\d、.,]")


# An attachment list (附件：1.… 2.…) is not part of the body's outline.  The label counts at a
# line start only (blanks before it); the pattern opens with 附 so that the engine skips ahead to
# it, and the line start is checked in Python (``attachment_labels``).
ATTACHMENT_LABEL_RE = re.compile(r"附[ \t\u3000]*件[ \t\u3000]*[:：]?")
ATTACHMENT_REACH = 300
_BLANKS = " \t\u3000"


@dataclass
class HeadingCandidate:
    start: int          # marker start
    marker_end: int
    title_start: int
    title_end: int
    style: str
    number: int
    run_in: bool        # after a sentence on the same line, not at a line start
    parent: Optional[int] = None
    level: int = 1
    body_end: int = 0   # where the heading's section ends (next heading of the same or a higher style)
    children: list[int] = field(default_factory=list)

    @property
    def rank(self) -> int:
        return _RANK[self.style]


_RANK = {style: rank for rank, style in enumerate(STYLES)}


def _number(style: str, digits: str) -> Optional[int]:
    if style == "circ":
        return ord(digits) - ord("①") + 1
    return cn_to_int(digits) if style in ("cn", "pcn") else int(digits)


def attachment_labels(text: str) -> list[int]:
    """Ends of the 附件 labels that open a line (only blanks before them on their line)."""
    ends = []
    for m in ATTACHMENT_LABEL_RE.finditer(text):
        start = m.start()
        if not text[text.rfind("\n", 0, start) + 1:start].strip(_BLANKS):
            ends.append(m.end())
    return ends


def _in_attachment_list(text: str, attachments: list[int], pos: int) -> bool:
    label = max((a for a in attachments if a <= pos), default=None)
    return label is not None and pos - label < ATTACHMENT_REACH and "。" not in text[label:pos]


def _raw_candidates(norm: NormText) -> list[HeadingCandidate]:
    text = norm.match
    out = []
    attachments = attachment_labels(text)
    first = HEADING_AT_START_RE.match(text)
    for m in ([first] if first else []) + list(HEADING_RE.finditer(text)):
        if attachments and _in_attachment_list(text, attachments, m.start("marker")):
            continue
        style = next(s for s in STYLES if m.group(s))
        title_start = m.end()
        if title_start >= len(text) or text[title_start] == "\n":
            continue  # a marker with nothing after it
        if _NOT_TITLE_START_RE.match(text, title_start) and not _YEAR_LEAD_RE.match(text, title_start):
            continue
        end = TITLE_END_RE.search(text, title_start, title_start + TITLE_MAX + 1)
        title_end = end.start() if end else min(len(text), title_start + TITLE_MAX)
        while title_end > title_start and text[title_end - 1] in " \t\u3000:":
            title_end -= 1
        if title_end <= title_start:
            continue
        number = _number(style, m.group(style))
        if not number:
            continue
        run_in = m is not first and m.group()[0] != "\n"  # the regex consumed what stands before
        out.append(HeadingCandidate(m.start("marker"), m.end("marker"), title_start, title_end, style,
                                    number, run_in))
    return out


def _consecutive(cands: list[HeadingCandidate]) -> list[HeadingCandidate]:
    """Keep markers whose numbering continues a list; a higher style resets lower counters."""
    last: dict[str, int] = {}
    kept = []
    for i, c in enumerate(cands):
        expected = last.get(c.style, 0) + 1
        ok = c.number in (1, expected)
        if not ok and c.style not in last:
            # a cut text may start mid-list: accept when its successor follows
            ok = any(d.style == c.style and d.number == c.number + 1 for d in cands[i + 1:i + 40])
        if not ok:
            continue
        kept.append(c)
        last[c.style] = c.number
        for s in STYLES[c.rank + 1:]:
            last.pop(s, None)
    return kept


def _nest(heads: list[HeadingCandidate], text_len: int) -> None:
    stack: list[int] = []
    for i, h in enumerate(heads):
        while stack and heads[stack[-1]].rank >= h.rank:
            stack.pop()
        if stack:
            h.parent = stack[-1]
            heads[stack[-1]].children.append(i)
        h.level = len(stack) + 1
        stack.append(i)
    open_: list[HeadingCandidate] = []  # sections not closed yet, outermost first
    for h in heads:
        while open_ and open_[-1].rank >= h.rank:
            open_.pop().body_end = h.start
        open_.append(h)
    for h in open_:
        h.body_end = text_len


def find_headings(norm: NormText) -> list[HeadingCandidate]:
    """Every real heading in text order, with parent/children indexes and section ends
    (``Analysis.headings``, which the measures stage reads too)."""
    heads = _consecutive(_raw_candidates(norm))
    _nest(heads, len(norm.text))
    return heads


def next_start(heads: list[HeadingCandidate], i: int, default: int) -> int:
    """Where the text under heading ``i`` stops: at the next heading of any style."""
    return heads[i + 1].start if i + 1 < len(heads) else default


def to_models(norm: NormText, heads: list[HeadingCandidate]) -> list[Heading]:
    """The heading tree as output models (roots only; children nested)."""

    def fields(i: int) -> dict:
        h = heads[i]
        conf = (0.75 if h.run_in else 0.9) * norm.confidence_at(h.start)
        return {"marker": norm.slice(h.start, h.marker_end), "level": h.level,
                "title": norm.slice(h.title_start, h.title_end), "span": norm.span_dict(h.start, h.title_end),
                "confidence": round(conf, 3), "children": [fields(j) for j in h.children]}

    # Each root with its subtree (and spans) validated from dicts in one call: the same models
    # as ``Heading(...)`` built node by node, without a validator call per node and per span.
    return [build(Heading, **fields(i)) for i, h in enumerate(heads) if h.parent is None]


SENTENCE_BREAK_RE = re.compile(r"[。!?\n]")


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences (up to 。!? or a line end) start: one pass, then bisect."""
    return [0] + [m.end() for m in SENTENCE_BREAK_RE.finditer(text)]


@Language.component("govdoc_outline", requires=["doc._.analysis"], assigns=["doc._.outline"])
def outline_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    ext.outline = to_models(norm, norm.headings)
    return doc
