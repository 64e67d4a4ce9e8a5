"""The letter's own title block (``关于…的答复``), joined across lines.

The block closest above the salutation wins over page headings and breadcrumbs.  A document
number glued in front, a grade bracket and an agency name in brackets after the title are left
out; a bracketed suggestion subject after it is kept; an organ name on the line right above a
``关于…`` / ``对…`` line is the block's first line and is kept.  A labelled metadata title
(``文件名称:`` …) is the fallback; a ``题目:`` / ``标题:`` cell naming the suggestion is not the
title of a reply.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Callable

from spacy.language import Language

from govdoc.data import load
from govdoc.nlp.extensions import DocFields
from govdoc.extract.doc_number import DOC_NUMBER_RE, YEAR_OPEN_RE
from govdoc.extract.letter_layout import HEADER_WINDOW, SALUTATION_RE, first_paragraph, has_placeholder, org_span
from govdoc.extract.output import build
from govdoc.model import Text
from govdoc.extract.scan import TextIndex, nonblank_line_above
from govdoc.normalize import NormText
from govdoc.text.zh import PINYIN_INSERT

if TYPE_CHECKING:  # the stages receive the analysis; they never import it at run time
    from govdoc.extract.analysis import Analysis

# Endings of a complete title; a bracketed subject may follow (…的答复(关于…的建议)).
_BRACKET_TAIL = r"(?:[ \t]*[(（][^()（）\n]{1,60}[)）])?"
FINAL_RE = re.compile(r"(?:答复|回复|复函|的函|意见|建议|建议案|提案|议案|通知|方案|办法|规定|规则|细则|报告|决定|"
                      rf"批复|公告|通报){_BRACKET_TAIL}[ \t]*$")
# A title that ends like a reply is a title even without 关于/对 in front.
REPLY_FINAL_RE = re.compile(rf"(?:的答复|的回复|的复函|答复函|答复的函|答复意见|会办意见|协办意见){_BRACKET_TAIL}[ \t]*$")
# The lines after a block ending on 建议/提案 that say how the items were handled (…代表建议 /
# 办理情况的报告): the title goes on.
HANDLING_TAIL_RE = re.compile(r"[ \t]*(?:的)?办理(?:情况|工作|结果)?(?:的)?(?:报告|通报|汇报|总结|答复|回复|复函|答复函)[ \t]*$")
YEAR_PREFIX_RE = re.compile(r"^\d{4}年度?")
# Words without which a line cannot be a title line (a cheap first screen).
TITLE_HINTS = ("关于", "对", "复", "函", "意见")
_TITLE_HINT_RE = re.compile("|".join(TITLE_HINTS))  # no two of them can overlap
NOT_TITLE_RE = re.compile(r"[,，。;；!！?？:：|>]|关于我们|https?://")
DATE_LINE_RE = re.compile(r"^[ \t]*\d{4}[-./年]")
# Labelled metadata titles: the fallback.
# A metadata table flattened with | puts the label after a | and ends the cell with one
# (``| 标 题: …的通知 |``).
LABELLED_RE = re.compile(r"^[ \t\-|]*(?P<label>文件名称|名[ \t]*称|(?:文件|留言|信件|来信)?标[ \t]*题|题[ \t]*目|案[ \t]*由)[ \t]*[:：][ \t]*"
                         r"(?P<val>[^\n|]{4,150}?)[ \t]*(?:\|[^\n]*)?$", re.M)
# An agency bracket after the title (水利局); grade brackets: ``grade_brackets``.
TAIL_BRACKET_RE = re.compile(r"[ \t]*[(（](?P<inner>[^()（）\n]{2,30})[)）][ \t]*$")
# A page's metadata line under a news heading: 来源：… 发布时间：… 浏览次数：…
# A date and time may open it (``2019-12-13 09:15来源:办公厅``).
META_LINE_RE = re.compile(r"[ \t]*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*)?"
                          r"(?:来源|信息来源|文章来源|发布时间|发布日期|发表时间|日期|时间|作者|浏览次数|点击数)[ \t]*[:：]")
# The characters the labels of LABELLED_RE and META_LINE_RE end with: their colon is the first
# of its line, so a line whose first colon follows anything else is not read (``first_colons``).
_LABEL_LASTS = frozenset("称题目由")
_META_LASTS = frozenset("源间期者数0123456789")  # a digit: the colon of a leading time
SUBJECT_WORDS = re.compile(r"关于|建议|提案|议案|号")
MAX_LINES = 5
_PINYIN_RE = re.compile(PINYIN_INSERT)


@cache
def grade_brackets() -> tuple[re.Pattern, re.Pattern]:
    """A grade bracket before the title and one after it (``(A类)``), for the letter classes of
    ``data/rules/grade_labels.tsv``; built on first use."""
    bracket = rf"[ \t]*[(（][ \t]*[{load.letter_classes()}][ \t]*类?[ \t]*[)）]类?[ \t]*"
    return re.compile(bracket), re.compile(bracket + "$")


@dataclass
class Candidate:
    segments: list[tuple[int, int]] = field(default_factory=list)
    score: float = 0.0

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


def _strip(match: str, s: int, e: int) -> tuple[int, int]:
    while s < e and match[s] in " \t":
        s += 1
    while e > s and match[e - 1] in " \t":
        e -= 1
    return s, e


def _trim(match: str, s: int, e: int) -> tuple[int, int]:
    """Drop a glued document number or grade in front, and a grade or agency bracket after."""
    s, e = _strip(match, s, e)
    if YEAR_OPEN_RE.search(match, s, e):
        num = DOC_NUMBER_RE.match(match, s, e)
        if num:
            s, e = _strip(match, num.end(), e)
    if s < e and match[s] in "(（":
        grade = grade_brackets()[0].match(match, s, e)
        if grade:
            s = grade.end()
    if s < e and match[e - 1] in ")）":
        tail = grade_brackets()[1].search(match, max(s, e - 12), e)
        bracket = None if tail else TAIL_BRACKET_RE.search(match, max(s, e - 34), e)
        if tail:
            e = tail.start()
        elif bracket and org_span(bracket.group("inner"), min_cjk=2) and not SUBJECT_WORDS.search(bracket.group("inner")):
            e = bracket.start()
    return _strip(match, s, e)


def _ends(pattern: re.Pattern, text: str) -> bool:
    """``pattern`` (anchored at the end) matches the tail of ``text``."""
    return bool(pattern.search(text, max(0, len(text) - 72)))


def _starts_title(text: str) -> bool:
    """``关于…``, ``对…建议``, or an organ (maybe after ``2022年度``) followed by either; ``对政协…`` /
    ``对市人大…`` opens a title block whose first line lost the rest (``对政协魏县届委员会``).  Pinyin a
    mirror inserted (``會(huì)議``) is read through."""
    text = _PINYIN_RE.sub("", text)
    cut = [i for i in (text.find("关于"), text.find("对")) if i >= 0]
    if not cut:
        return False
    head = YEAR_PREFIX_RE.sub("", text[:min(cut)]).strip()
    if head and not org_span(head, min_cjk=2):
        return False
    return "关于" in text or any(w in text for w in ("建议", "提案", "议案", "会议", "答复", "政协", "人大"))


def _titleish(line: str) -> bool:
    stripped = line.strip()
    return 2 <= len(stripped) <= 150 and not NOT_TITLE_RE.search(stripped)


def _continues(line: str) -> bool:
    stripped = line.strip()
    return (_titleish(line) and len(stripped) <= 60 and not org_span(line) and not DATE_LINE_RE.match(line)
            and not SALUTATION_RE.match(line) and not DOC_NUMBER_RE.match(stripped))


def _nonblank_lines(match: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of ``iter_lines(match, start, end)`` that are not blank (one pass over the pieces)."""
    out = []
    pos = start
    for piece in match[start:end].split("\n"):
        if piece.strip():
            out.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return out


def _blocks(match: str, start: int, end: int) -> list[Candidate]:
    lines = _nonblank_lines(match, start, end)
    # Only a line holding a title hint opens a block: those are found by one search for the
    # hints, and the lines in between skipped.
    starts = [s for s, _ in lines]
    hinted = sorted({bisect_right(starts, m.start()) - 1 for m in _TITLE_HINT_RE.finditer(match, start, end)})
    out = []
    i = 0
    for k in hinted:
        if k < i:
            continue  # inside the block just read
        i = k
        line = match[slice(*lines[i])]
        if not _titleish(line):
            continue
        s, e = _trim(match, *lines[i])
        text = match[s:e]
        opens = _starts_title(text)
        if s >= e or not (opens or _ends(REPLY_FINAL_RE, text)):
            continue
        cand = Candidate([(s, e)], 0.9 if opens else 0.7)
        if i > 0 and text.startswith(("关于", "对")) and org_span(match[slice(*lines[i - 1])]):
            cand.segments.insert(0, org_span_abs(match, *lines[i - 1]))
        j = i
        while not _ends(FINAL_RE, match[cand.start:cand.end]) and j + 1 < len(lines) and len(cand.segments) < MAX_LINES:
            ns, ne = lines[j + 1]
            if not _continues(match[ns:ne]):
                break
            cand.segments.append(_trim(match, ns, ne))
            j += 1
        j = _extend_to_reply_end(match, lines, j, cand)
        j = _take_final_tail(match, lines, j, cand)
        if not _ends(FINAL_RE, match[cand.start:cand.end]):
            cand.score -= 0.15  # cut or unfinished title
        out.append(cand)
        i = j + 1
    return out


# The last characters of a title's final word, wrapped onto a line of their own (…提案的答复 / 函,
# …建议的回 / 复): one or two CJK characters.
_TAIL_RE = re.compile(r"[ \t]*[\u4e00-\u9fff]{1,2}[ \t]*$")


def _take_final_tail(match: str, lines: list[tuple[int, int]], j: int, cand: Candidate) -> int:
    """A line of one or two characters under the block that ends a title ending begun on the
    line above (答复 + 函 → 复函, 回 + 复 → 回复) joins it; returns the last line used."""
    if j + 1 >= len(lines) or len(cand.segments) >= MAX_LINES:
        return j
    ns, ne = lines[j + 1]
    if not _TAIL_RE.match(match, ns, ne):
        return j
    text = match[cand.start:cand.end]
    ending = FINAL_RE.search(text + match[ns:ne].strip())
    if ending is None or ending.start() >= len(text):
        return j
    cand.segments.append(_strip(match, ns, ne))
    return j + 1


def _extend_to_reply_end(match: str, lines: list[tuple[int, int]], j: int, cand: Candidate) -> int:
    """A block that stops on 提案/建议 but goes on to a reply ending on the next lines
    (``…第118号提案`` / ``办理情况的`` / ``答复``), or to how the items were handled (``…代表建议`` /
    ``办理情况的报告``), takes those lines too; returns the last line used."""
    if _ends(REPLY_FINAL_RE, match[cand.start:cand.end]):
        return j
    more = []
    k = j
    while k + 1 < len(lines) and len(cand.segments) + len(more) < MAX_LINES:
        ns, ne = lines[k + 1]
        if not _continues(match[ns:ne]):
            break
        more.append(_trim(match, ns, ne))
        k += 1
        if (_ends(REPLY_FINAL_RE, "".join(match[a:b] for a, b in cand.segments + more))
                or HANDLING_TAIL_RE.match("".join(match[a:b] for a, b in more))):
            cand.segments += more
            return k
    return j


def org_span_abs(match: str, s: int, e: int) -> tuple[int, int]:
    rel = org_span(match[s:e])
    return s + rel[0], s + rel[1]


def _labelled(ix: TextIndex, end: int, reply_like: Callable[[], bool]) -> list[Candidate]:
    match = ix.text
    out = []
    for s, colon, last in ix.first_colons:
        if colon >= end:
            break
        if last not in _LABEL_LASTS:
            continue  # the line's first colon follows no label: LABELLED_RE cannot match
        m = LABELLED_RE.match(match, s, end)
        if m is None:
            continue
        val = m.group("val")
        names_suggestion = m.group("label").replace(" ", "") in ("题目", "标题", "案由") and not REPLY_FINAL_RE.search(val)
        if names_suggestion and reply_like():
            continue  # the suggestion's own title on a record page
        out.append(Candidate([(m.start("val"), m.end("val"))], 0.6))
    return out


def _headings(ix: TextIndex, end: int) -> list[Candidate]:
    """A page heading: the line right above the page's metadata line (``来源：… 发布时间：…``), as
    news items and notices print it; the weakest source."""
    match = ix.text
    out = []
    for s, _colon, last in ix.first_colons:  # a metadata line holds a colon: only those lines are read
        if s >= end:
            break
        if last in _META_LASTS and META_LINE_RE.match(match, s):
            previous = nonblank_line_above(match, s)
            if previous and _titleish(match[slice(*previous)]):
                out.append(Candidate([_strip(match, *previous)], 0.5))
    return out


def find_titles(a: Analysis) -> list[Candidate]:
    """Title blocks above the body (last = closest to the salutation; where none is above the
    salutation, one set under it, before the first paragraph), then labelled titles, then a
    page heading above its metadata line.  Whether the text reads as a reply
    (``a.looks_like_reply``) is asked only when it matters."""
    match = a.match
    end = a.body_start
    blocks = _blocks(match, 0, end)
    if not any(c.score > 0.6 for c in blocks) and SALUTATION_RE.match(match, end):
        blocks += _blocks_under_salutation(match, end)
    labelled = _labelled(a.index, max(end, min(len(match), HEADER_WINDOW)), lambda: a.looks_like_reply)
    return blocks + labelled + _headings(a.index, end)


def _blocks_under_salutation(match: str, salutation: int) -> list[Candidate]:
    """Title blocks between the salutation line starting at ``salutation`` and the first
    paragraph after it, ending as a reply's title does (a letter that puts the addressee above
    its title; a suggestion's own title quoted there is not the letter's)."""
    line_end = match.find("\n", salutation)
    if line_end < 0:
        return []
    end = min(len(match), max(HEADER_WINDOW, line_end + 1))
    blocks = _blocks(match, line_end + 1, first_paragraph(match, line_end + 1, end))
    return [c for c in blocks if _ends(REPLY_FINAL_RE, match[c.start:c.end])]


def best_title(a: Analysis) -> Candidate | None:
    """The letter's own title block (``Analysis.title_candidate``)."""
    cands = find_titles(a)
    blocks = [c for c in cands if c.score > 0.6]
    if blocks:
        return blocks[-1]  # the block closest above the salutation is the letter's own
    return cands[0] if cands else None


def title_text(norm: NormText, cand: Candidate) -> str:
    return "".join(norm.slice(s, e) for s, e in cand.segments)


@Language.component("govdoc_title", requires=["doc._.analysis"], assigns=["doc._.title"])
def title_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    cand = norm.title_candidate
    if cand and not has_placeholder(norm.match[cand.start:cand.end]):
        ext.title = build(Text, text=title_text(norm, cand), span=norm.span_dict(cand.start, cand.end),
                         confidence=round(cand.score * norm.confidence_at(cand.start), 3))
    return doc
