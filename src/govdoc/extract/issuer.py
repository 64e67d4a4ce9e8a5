"""发文机关: the organ that issued the letter, as the text names it.

Sources, strongest first: the signature line above the date, the red header (``XX局文件``), the
first line of the title block (``潼关县民政局关于…``), an agency in brackets after the title
(``…的答复(水利局)``), page metadata (``来源:`` / ``发布机构`` / ``发文机关`` / ``发文机构`` / ``回复人``) and a
``承办单位:`` line.  ``我局`` alone names nobody; ``联系单位`` and the 印发 line are not sources.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from spacy.language import Language

from govdoc.nlp.extensions import DocFields
from govdoc.extract.doc_number import DOC_NUMBER_RE, number_start
from govdoc.extract.letter_layout import HEADER_WINDOW, has_placeholder, last_letter_line, org_span, organs
from govdoc.extract.scan import (LineEnds, find_all, finditer_alternatives, line_end, line_matches, line_start,
                                 nonblank_line_above)
from govdoc.extract.output import build
from govdoc.model import Name
from govdoc.text.dates import find_dates

if TYPE_CHECKING:  # the stages receive the analysis; they never import it at run time
    from govdoc.extract.analysis import Analysis

TAIL_WINDOW = 1500
_SP = r"[ \t]*"
_WENJIAN_RE = re.compile(rf"文{_SP}件")  # the red header's lines: those holding this
# The value on the label's line (after a colon, spaces, or a table's cell border: ``| 发布机构 | X |``),
# or – after a colon that ends the line – alone on the next text line (a bulleted metadata list:
# ``• 发文单位:\n\n   住房和城乡建设部``).
_METADATA_VALUE = (rf"{_SP}(?:[:：]{_SP}(?:\n{_SP}){{1,2}}(?=[^\s|:：]{{2,40}}{_SP}(?:\n|$))|[:：|]?{_SP})"
                   rf"(?P<val>[^\s|:：]{{2,40}})(?![:：])")
# (?:来源|信息来源|发布机构|发文机关|发文机构|发文单位|发布单位|回复人|回复单位) + _METADATA_VALUE as one pattern per
# first character of the label, each searched on its own
# (``finditer_alternatives``) so that the regex engine skips ahead to its literal.
_METADATA_SPLIT = tuple(re.compile(label + _METADATA_VALUE)
                        for label in ("来源", "信息来源", "发(?:布机构|文机关|文机构|文单位|布单位)", "回复(?:人|单位)"))
# Values of a 来源 field that name a website or a newspaper, not an organ.
NOT_ORGAN_RE = re.compile(r"(?:网|网站|门户|日报|晚报|报|新闻|客户端|公众号|微信|本站)$")
UNDERTAKER_RE = re.compile(rf"^{_SP}承办单位{_SP}[:：]{_SP}(?P<val>[^\s|:：,，]{{2,40}})", re.M)
# A handling record's answer line: 区规划分局于2017年5月24日答复: (the organ that answered).
ANSWERED_RE = re.compile(rf"^{_SP}(?P<val>[^\s|:：,，。]{{2,30}}?){_SP}于{_SP}[^\n:：。]{{4,16}}?(?:作出|进行)?答复{_SP}[:：]",
                         re.M)


@dataclass(frozen=True)
class OrganPatterns:
    red_header: re.Pattern  # XX局文件, maybe with the number on the same line (XX局文件    许环〔2019〕4号)
    title_organ: re.Pattern  # the organ opening a title: 许昌市环境保护局关于…


@cache
def organ_patterns() -> OrganPatterns:
    """Built on first use from the organ names' pattern (``letter_layout.organs``)."""
    org = organs().name.pattern
    return OrganPatterns(
        red_header=re.compile(rf"^{_SP}(?P<org>{org}){_SP}文{_SP}件{_SP}(?:[ \t]{{2}}[^\n]*)?$", re.M),
        title_organ=re.compile(rf"(?:\d{{4}}年度?)?(?P<org>{org}){_SP}(?:关于|对)"))


TITLE_BRACKET_RE = re.compile(r"[(（](?P<org>[^()（）\n]{2,30})[)）][ \t]*$")
PRINTED_RE = re.compile(r"印发|印制")
# A line that ends in a date (maybe with the organ before it, set apart by spaces).
# Set apart by two spaces or by one character lost in transcoding (``?`` or U+FFFD).
DATE_LINE_RE = re.compile(r"^[ \t]*(?:(?P<before>\S[^\n]*?)(?:[ \t]{2,}|[ \t]*[?？\ufffd][ \t]*))?"
                          r"(?P<date>[\d〇○零一二三四五六七八九十][\d〇○零一二三四五六七八九十Oo元年月日号 \t./-]{5,20})$",
                          re.M)


@dataclass
class Candidate:
    start: int
    end: int
    score: float
    source: str


def _date_only(line: str) -> bool:
    """A line holding nothing but a date (the signature date, not an 印发 line)."""
    stripped = line.strip()
    if not stripped or PRINTED_RE.search(stripped):
        return False
    hits = list(find_dates(stripped, compact=True))
    return len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(stripped)


def _org_in(match: str, s: int, e: int) -> tuple[int, int] | None:
    rel = org_span(match[s:e])
    return (s + rel[0], s + rel[1]) if rel else None


_SIDE_BY_SIDE = re.compile(r"\S+(?:[ \t]\S+)*")


def _lead_of_joint(match: str, s: int, e: int) -> tuple[int, int] | None:
    """The first organ of a joint letter's signature line (two or more organs set apart by
    spaces: ``XX住房和城乡建设局    XX发展和改革局``); the lead unit signs first."""
    pieces = [m.span() for m in _SIDE_BY_SIDE.finditer(match, s, e)]
    if len(pieces) < 2 or not all(_org_in(match, a, b) for a, b in pieces):
        return None
    return pieces[0]


# The lines that end in a character a date line can end with: ``DATE_LINE_RE`` is tried only on
# those (``_DATE_ENDS.matches``), not at every line start.
_DATE_ENDS = LineEnds(re.escape("0123456789〇○零一二三四五六七八九十Oo元年月日号./-"))


def _signature(match: str) -> list[Candidate]:
    """An organ line right above the date line (or before the date on the same line), or an
    organ line that ends the letter (page chrome under it skipped); for a joint letter, the
    first organ of the line."""
    floor = max(0, len(match) - TAIL_WINDOW)
    out = []
    for m in _DATE_ENDS.matches(DATE_LINE_RE, match, floor):
        if not _date_only(m.group("date")):
            continue
        if m.group("before"):
            span = _org_in(match, m.start("before"), m.end("before"))
        else:
            prev = nonblank_line_above(match, m.start(), floor)
            span = _org_in(match, *prev) if prev else None
            joint = _lead_of_joint(match, *prev) if prev and not span else None
            if joint:
                out.append(Candidate(joint[0], joint[1], 0.8, "signature (joint)"))
        if span:
            out.append(Candidate(span[0], span[1], 0.9, "signature"))
    last = last_letter_line(match, floor)  # page chrome under the letter skipped
    span = _org_in(match, *last) if last else None
    if span:
        out.append(Candidate(span[0], span[1], 0.75, "signature"))
    return out


def _header(match: str, opens: list[tuple[int, int]]) -> list[Candidate]:
    """The red header's organ; the organ set before the first document number in the header
    (on the line above it, or before it on its line); ``opens``: the text's ``year_opens``."""
    out = []
    window = min(len(match), HEADER_WINDOW)
    if "文" in match[:window]:
        lines = (m.start() for m in _WENJIAN_RE.finditer(match, 0, window))
        for m in line_matches(organ_patterns().red_header, match, lines, 0, window):
            out.append(Candidate(m.start("org"), m.end("org"), 0.9, "red header"))
    number_line = _first_number_line(match, window, opens)
    if number_line is None:
        return out
    s, number = number_line
    before = match[s:number.start()]
    if not before.strip():
        previous = nonblank_line_above(match, s)
        previous = _org_in(match, *previous) if previous and not out else None
        if previous:
            out.append(Candidate(previous[0], previous[1], 0.85, "header organ"))
    elif before.endswith(("  ", "\t")) and _org_in(match, s, number.start()):
        out.append(Candidate(*_org_in(match, s, number.start()), 0.85, "header organ"))
    return out


def _first_number_line(match: str, window: int, opens: list[tuple[int, int]]) -> tuple[int, re.Match] | None:
    """(line start, number) of the first line of ``match[:window]`` where ``DOC_NUMBER_RE``
    finds a number, tried only on the lines that hold a bracketed year (``opens``)."""
    last = -1
    for start, end in opens:
        s = line_start(match, start)
        if end > window or s == last:
            continue
        last = s
        number = DOC_NUMBER_RE.search(match, number_start(match, s, start), min(line_end(match, end), window))
        if number:
            return s, number
    return None



def _title(norm: Analysis) -> list[Candidate]:
    cand = norm.title_candidate
    if cand is None or cand.score < 0.6:
        return []
    out = []
    s, e = cand.segments[0]
    m = organ_patterns().title_organ.match(norm.match, s, e)
    if m:
        out.append(Candidate(m.start("org"), m.end("org"), 0.8, "title"))
    elif len(cand.segments) > 1 and org_span(norm.match[s:e]) and not norm.match.startswith(("关于", "对"), s):
        out.append(Candidate(s, e, 0.8, "title"))
    # an agency in brackets right after the title (trimmed off the title itself)
    line_end = norm.match.find("\n", cand.end)
    bracket = TITLE_BRACKET_RE.match(norm.match, cand.end, len(norm.match) if line_end < 0 else line_end)
    if bracket and org_span(bracket.group("org"), min_cjk=2):
        out.append(Candidate(bracket.start("org"), bracket.end("org"), 0.75, "title bracket"))
    return out


def _metadata(match: str) -> list[Candidate]:
    out = []
    region = min(len(match), HEADER_WINDOW)
    for m in finditer_alternatives(_METADATA_SPLIT, match, 0, region):
        val = m.group("val")
        if organs().name.fullmatch(val) and not NOT_ORGAN_RE.search(val):
            out.append(Candidate(m.start("val"), m.end("val"), 0.7, "metadata"))
    tail = max(0, len(match) - TAIL_WINDOW)
    for m in line_matches(UNDERTAKER_RE, match, find_all(match, "承办单位", tail), tail):
        # only in the signature block, after the body's sentences: a 承办单位 field on a
        # suggestion record above the suggestion's text names the handling unit, not the issuer
        if organs().name.fullmatch(m.group("val")) and "。" in match[:m.start()]:
            out.append(Candidate(m.start("val"), m.end("val"), 0.6, "承办单位"))
    for m in line_matches(ANSWERED_RE, match, find_all(match, "答复")):
        if organs().name.fullmatch(m.group("val")):
            out.append(Candidate(m.start("val"), m.end("val"), 0.65, "answer line"))
    return out


def find_issuers(norm: Analysis) -> list[Candidate]:
    match = norm.match
    return _signature(match) + _header(match, norm.year_opens) + _title(norm) + _metadata(match)


@Language.component("govdoc_issuer", requires=["doc._.analysis"], assigns=["doc._.issuer"])
def issuer_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    cands = [c for c in find_issuers(norm) if not has_placeholder(norm.match[c.start:c.end])]
    if cands:
        best = max(cands, key=lambda c: (c.score, -c.start))
        ext.issuer = build(Name, name=norm.slice(best.start, best.end), span=norm.span_dict(best.start, best.end),
                          confidence=round(best.score * norm.confidence_at(best.start), 3))
    return doc
