"""Measures: the concrete actions an agency took or plans, where the text sets them out as items.

Sources (corpora/ANNOTATION.md, ``measures``):

* leaf headings of the outline (一、 （一） 1. …) that name an action — not report headings
  (``我市开展污染防治攻坚战取得的成效``, ``下步工作措施``), courtesy (``您这一提案提得很好``) or
  directives (``承办单位…要逐件清点``); a heading with sub-headings is a container whose leaves count;
  a response heading restating the deputy's point (``二、关于提高市级补助标准``) counts only in a
  national ministry's reply (the item put at a national session);
* inline enumerations ``一是…二是…三是…`` or ``第一，…第二，…`` (two items at least), outside counted headings;
* a sentence of three or more short parallel phrases separated by semicolons;
* a suggestion form's ``建议：`` field listing parallel proposals separated by commas.

The head (``title``) is the heading title, or the item up to its first comma or full stop, with a
leading framing clause (``近段时间，``) skipped and long heads cut to a verbatim prefix.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Iterator, Optional

from spacy.language import Language

from govdoc.data import load
from govdoc.nlp.extensions import DocFields
from govdoc.extract.outline import HeadingCandidate, next_start
from govdoc.extract.output import build
from govdoc.model import CitedDocument, Measure
from govdoc.normalize import NormText

if TYPE_CHECKING:  # the stages receive the analysis; they never import it at run time
    from govdoc.extract.analysis import Analysis

HEAD_MAX = 40


@dataclass(frozen=True)
class HeadingPatterns:
    """What decides whether a heading names an action, built from ``data/rules/measure_words.tsv``."""

    report: re.Pattern  # a report heading: names a category of content instead of an action
    problem: re.Pattern  # a heading of a section on problems met (matched at the title start)
    problem_lead: re.Pattern  # the clause announcing an inline list of problems or causes


@cache
def heading_patterns() -> HeadingPatterns:
    """Compiled on the first letter, then kept (they depend on no letter).

    A report heading names a category of content instead of an action: ``…的<category>``
    (``我市开展污染防治攻坚战取得的成效``, ``已开展的主要工作``), or a short heading ending in a
    category noun (``基本情况``, ``下步工作措施``, ``主要做法及成效``); problems, difficulties,
    requirements and results the letter reports (存在的困难, 工作要求, 办理结果) are categories too.
    工作 alone is no category in short headings: ``加强宣传工作`` is an action.  A heading that opens
    with an action verb and its object is an action even when it ends in a category noun
    (制定改造计划, 落实整改措施, 公开办理结果); ``下步工作措施``, ``主要做法`` and ``推进情况`` are not.
    The state of things described counts at any length (``全省茶产业发展基本情况``), unless the
    heading opens with an action (``及时反馈办理情况``)."""
    words = load.measure_words()
    reported = load.alternation(words["category"] + words["reported"])
    action_lead = f"{load.alternation(words['action_adverb'])}?{load.alternation(words['action_verb'])}"
    described = load.alternation(words["described"])
    problem = load.alternation(words["problem"])
    trait = load.alternation(words["trait"])
    return HeadingPatterns(
        report=re.compile(
            rf"的(?:主要|突出|具体)?(?:{reported}|工作|内容|原则|方向)\W*$"
            rf"|^(?!{action_lead}[^,]+{reported})[^,]{{0,4}}{reported}(?:[及和与、][^,]{{0,5}}{reported})?\W*$"
            rf"|^(?!{action_lead}[^,]+{described})[^,]*{described}\W*$"
            r"|^(?:下一步|下步|今后|近期)[^,]{0,6}$"),  # 下一步工作, 今后工作打算
        # A section on the problems or difficulties met (存在的问题, 当前存在的困难和问题, 主要问题):
        # what it lists (一是补奖标准偏低…) are problems, not measures.  (No ``^``: it is matched at
        # a heading's title start, ``match(text, start, end)``.)
        problem=re.compile(
            rf"(?:[^,]{{0,6}}?(?:存在|面临|遇到)的?)?(?:主要|突出)?{problem}(?:[和及与、]{problem})?\W*$"),
        # 主要原因：一是…, 存在以下问题：一是…, 主要有三方面特点：一是… (not 针对存在的问题，采取以下措施：一是…)
        problem_lead=re.compile(rf"(?:{trait}|{problem})(?:主要)?(?:是|有|在于|表现在|如下)?$"))


TRAILING_NOTE_RE = re.compile(r"[(（][^()（）]{1,12}[)）]\W*$")
COURTESY_RE = re.compile(r"^(?:您|你|贵|感谢|非常感谢|衷心感谢|谢谢|首先|关于您|关于你|(?:我局|我们|我委|我部)?高度重视)")
# Numbered lists that are attachments or contact details, not actions.
NOT_A_LIST_RE = re.compile(r"附件|联系|抄送|抄报")
# Requirements laid on others (rules, notices) are not measures the agency took.  (Every branch
# opens with a literal, so that the engine skips ahead; the look-behind after 要 checks the
# character before it.)
DIRECTIVE_RE = re.compile(r"要(?<![重主需只纪提概摘]要)(?![求点素件闻害])|应当|必须|不得|严禁")
# A leading clause that frames the item instead of naming it.
FRAMING_RE = re.compile(r"^(?:近段时间|近期|近年来|近两年|今年以来|[0-9]{4}年以来|目前|当前|同时|此外|另外|其中|首先|"
                        r"其次|最后|一方面|另一方面|[^,]{0,12}(?:过程中|期间|方面)|为[^,]{2,20}|按照[^,]{2,20}|"
                        r"根据[^,]{2,20}|结合[^,]{2,20}|针对[^,]{2,20})$")
FUTURE_RE = re.compile(r"下一步|下步|接下来|今后|拟|力争|争取|计划于|准备|将(?:继续|进一步|积极|加强|加大|全力|结合|"
                       r"根据|会|于|尽快|及时|立即|持续|不断|认真|从|按照|着力|深入|组织|协调|推动|推进|加快|努力|逐步|"
                       r"适时|研究|统筹|坚持|在)")
# 一是 … 二是: the character before the numeral (a clause break or a line start) is checked in
# Python.  The pattern opens with the literal 是 (the engine skips ahead to it) and looks behind
# for the numeral: a mark starts one character before the match.
INLINE_RE = re.compile(r"是(?<=[一二三四五六七八九十]是)")
# 第一，… 第二，…: the same list written with ordinals and a comma (or 、) after them; the match
# starts at 第.
ORDINAL_RE = re.compile(r"第(?P<n>[一二三四五六七八九十])[,、]")
_INLINE_NUMERALS = "一二三四五六七八九十"
INLINE_AFTER = set(",。;:!? \t\n\u3000")
SENTENCE_END_RE = re.compile(r"[。\n]")
SENTENCE_RE = re.compile(r"[^。!?\n]+")
# The field opens a line: ``SUGGESTION_FIELD_RE`` matches at a line start, and
# ``SUGGESTION_FIELD_BREAK_RE`` finds one after a line break (opening with the break, so that the
# engine skips ahead to it instead of trying ``^`` at every position).
SUGGESTION_FIELD_RE = re.compile(r"[ \t]*(?:具体建议|建议内容|主要建议|建议)[ \t]*:(?P<body>[^。\n]+)")
SUGGESTION_FIELD_BREAK_RE = re.compile("\n" + SUGGESTION_FIELD_RE.pattern)
PURPOSE_RE = re.compile(r"^(?:确保|以便|以|从而|使|让|为了|为|切实保障|进而)")
LIST_TAIL_RE = re.compile(r"等(?:方面|措施|举措|工作|形式|手段|内容|途径)[^;]*$")
# A closing line: its first words.  ``CLOSING_LINE_RE`` matches at a line start;
# ``CLOSING_BREAK_RE`` finds one after a line break (opening with the break, so that the engine
# skips ahead to it instead of trying ``^`` at every position).
CLOSING_LINE_RE = re.compile(r"[ \t\u3000]*(?:感谢|再次感谢|衷心感谢|诚挚感谢|特此|此复|以上意见|最后|希望|恳请|谢谢|"
                             r"联系人|联系单位|联系电话|抄送|抄报)")
CLOSING_BREAK_RE = re.compile("\n" + CLOSING_LINE_RE.pattern)
CUT_RE = re.compile(r"[,。;!?]")
CITED_RE = re.compile(r"《(?P<title>[^《》\n]{2,80})》[ \t]*(?:[(]?[ \t]*(?P<num>[\u4e00-\u9fff]{1,12}"
                      r"[〔\[(【][0-9]{4}[〕\])】][0-9]{1,5}号)[)]?)?")


@dataclass
class MeasureCandidate:
    head_start: int
    head_end: int
    text_start: int
    text_end: int
    section: Optional[str]
    source: str  # heading | inline | semicolon | suggestion
    planned: bool = False
    cited: list[CitedDocument] = field(default_factory=list)
    confidence: float = 0.8


def _outside_quotes(s: str, i: int) -> bool:
    return s.count("《", 0, i) == s.count("》", 0, i) and s.count("“", 0, i) == s.count("”", 0, i)


def head_range(text: str, start: int, end: int) -> tuple[int, int]:
    """The head of an item: up to its first comma or full stop (outside 《》 and quotes), a
    framing first clause skipped, cut to HEAD_MAX characters."""
    s = text[start:end]
    cuts = [m.start() for m in CUT_RE.finditer(s) if _outside_quotes(s, m.start())] + [len(s)]
    a, b = 0, cuts[0]
    if FRAMING_RE.match(s[:b].strip()) and len(cuts) > 1 and s[b] == ",":
        a, b = b + 1, cuts[1]
    b = min(b, a + HEAD_MAX)
    while a < b and s[a] in " \t\u3000":
        a += 1
    while b > a and s[b - 1] in " \t\u3000":
        b -= 1
    return start + a, start + b


def _is_action(title: str) -> bool:
    title = TRAILING_NOTE_RE.sub("", title)
    return not (heading_patterns().report.search(title) or COURTESY_RE.match(title) or DIRECTIVE_RE.search(title))


def _title_range(norm: NormText, h: HeadingCandidate) -> tuple[int, int]:
    if h.title_end - h.title_start <= HEAD_MAX:
        return h.title_start, h.title_end
    return head_range(norm.match, h.title_start, h.title_end)


def _enclosing(heads: list[HeadingCandidate], pos: int) -> Iterator[HeadingCandidate]:
    """The headings whose sections hold ``pos``, innermost first."""
    i = bisect_right([h.start for h in heads], pos) - 1
    h = heads[i] if i >= 0 else None
    while h is not None:
        if pos < h.body_end:
            yield h
        h = heads[h.parent] if h.parent is not None else None


def _section(norm: NormText, heads: list[HeadingCandidate], pos: int) -> Optional[str]:
    """Title of the innermost heading whose section holds ``pos``."""
    h = next(_enclosing(heads, pos), None)
    return norm.slice(h.title_start, h.title_end) if h else None


def _in_problem_section(norm: NormText, heads: list[HeadingCandidate], pos: int) -> bool:
    """Is ``pos`` under a heading (its own or an enclosing one) on the problems met?"""
    return any(heading_patterns().problem.match(norm.match, h.title_start, h.title_end) for h in _enclosing(heads, pos))


def _lead_clause(text: str, pos: int) -> str:
    """The clause right before ``pos`` (after the last comma, full stop, semicolon or line
    break), without its colon: ``主要原因`` in ``…，主要原因：一是…``, and ``原因主要有`` in
    ``…的原因主要有\n一是…`` (the list on the next line)."""
    seg = text[max(0, pos - 60):pos].rstrip()  # a list may start on the line after its lead clause
    cut = max(seg.rfind(","), seg.rfind("。"), seg.rfind(";"), seg.rfind("\n"))
    return seg[cut + 1:].strip().rstrip(":").strip()


def _lead_in(text: str, pos: int) -> str:
    """The sentence (or heading line) just before ``pos``: where a list announces itself."""
    seg = text[max(0, pos - 120):pos].rstrip()
    if seg.endswith("。"):
        seg = seg[:-1]
    return seg[max(seg.rfind("。"), seg.rfind("\n")) + 1:]  # after the last 。 or line break


def _list_start(heads: list[HeadingCandidate], i: int) -> int:
    """Start of the first heading of the list that heading ``i`` belongs to."""
    j = i
    while j > 0 and heads[j].number > 1 and heads[j - 1].style == heads[i].style:
        j -= 1
    return heads[j].start


def closing_start(text: str, start: int, end: int) -> int:
    """An item's text stops before the letter's closing lines (thanks, contact, signature): the
    first line starting in ``[start, end)`` whose first words close a letter."""
    if start <= 0:
        if CLOSING_LINE_RE.match(text, 0, end):
            return 0
        m = CLOSING_BREAK_RE.search(text, 0, end)
    else:  # a break right before ``start`` makes ``start`` a line start
        m = CLOSING_BREAK_RE.search(text, start - 1, end)
    return m.start() + 1 if m else end


def _from_headings(norm: NormText, heads: list[HeadingCandidate], national: bool) -> list[MeasureCandidate]:
    """Leaf headings that name an action.  A response heading restating the deputy's point
    (``二、关于提高市级补助标准``) names a measure only in a national ministry's reply
    (``national``: the item was put at a national session), as ANNOTATION.md has it."""
    text = norm.match
    out = []
    for i, h in enumerate(heads):
        if h.children:
            continue
        title = text[h.title_start:h.title_end]
        if not national and title.startswith("关于"):
            continue
        lead = _lead_in(text, _list_start(heads, i))
        if not _is_action(title) or NOT_A_LIST_RE.search(lead[-8:]):
            continue
        a, b = _title_range(norm, h)
        end = next_start(heads, i, len(text))
        end = closing_start(text, h.title_end, end)
        parent = heads[h.parent] if h.parent is not None else None
        context = text[parent.title_start:parent.title_end] if parent else lead
        planned = bool(FUTURE_RE.search(context) or FUTURE_RE.search(title))
        out.append(MeasureCandidate(a, b, h.title_start, end, norm.slice(parent.title_start, parent.title_end)
                                    if parent else None, "heading", planned,
                                    confidence=0.75 if h.run_in else 0.85))
    return out


def _covered(spans: list[tuple[int, int]], start: int, end: int | None = None) -> bool:
    """Does ``[start, end)`` (or the point ``start``) overlap a span already taken?"""
    end = start + 1 if end is None else end
    return any(a < end and start < b for a, b in spans)


def _from_inline(norm: NormText, heads, taken: list[tuple[int, int]]) -> list[MeasureCandidate]:
    """``一是…二是…`` (or ``第一，…第二，…``): runs of two or more consecutive items.  A run announced as problems is
    skipped and its extent added to ``taken``, so the later sources skip it too."""
    text = norm.match
    marks = [(s, m.end(), _INLINE_NUMERALS.index(text[s]) + 1) for m in INLINE_RE.finditer(text)
             if (s := m.start() - 1) == 0 or text[s - 1] in INLINE_AFTER]
    marks += [(m.start(), m.end(), _INLINE_NUMERALS.index(m.group("n")) + 1) for m in ORDINAL_RE.finditer(text)
              if m.start() == 0 or text[m.start() - 1] in INLINE_AFTER]
    marks.sort()
    runs, run = [], []
    for mk in marks:
        if run and mk[2] == run[-1][2] + 1 and mk[0] - run[-1][0] < 800:
            run.append(mk)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [mk] if mk[2] == 1 else []
    if len(run) >= 2:
        runs.append(run)
    out = []
    for run in runs:
        if _covered(taken, run[0][0]):
            continue
        if heading_patterns().problem_lead.search(_lead_clause(text, run[0][0])):
            # a list of problems: no measures, and no other source may read it as one
            stop = SENTENCE_END_RE.search(text, run[-1][1])
            taken.append((run[0][0], stop.end() if stop else len(text)))
            continue
        before = text[max(0, run[0][0] - 80):run[0][0]]
        context = _lead_in(text, run[0][0]) + before[before.rfind("\n") + 1:]
        for k, (s, e, _n) in enumerate(run):
            if k + 1 < len(run):
                end = run[k + 1][0]
            else:
                stop = SENTENCE_END_RE.search(text, e)
                end = stop.end() if stop else len(text)
            a, b = head_range(text, e, end)
            if b <= a:
                continue
            planned = bool(FUTURE_RE.search(context[-40:]) or FUTURE_RE.search(text[a:b]))
            out.append(MeasureCandidate(a, b, e, end, _section(norm, heads, s), "inline", planned))
    return out


def _sentences_with_semicolons(text: str):
    """The sentences (up to 。!? or a line end) holding a semicolon, each once."""
    done = -1
    pos = text.find(";")
    while pos >= 0:
        if pos > done:
            sent = SENTENCE_RE.match(text, sentence_start(text, pos))
            if sent:
                yield sent
                done = sent.end()
        pos = text.find(";", pos + 1)


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts: after the last 。!? or line break before it (the
    last of ``outline.sentence_starts`` up to ``pos``, without a pass over the whole text)."""
    return max(text.rfind("。", 0, pos), text.rfind("!", 0, pos), text.rfind("?", 0, pos),
               text.rfind("\n", 0, pos)) + 1


def _from_semicolons(norm: NormText, heads, taken) -> list[MeasureCandidate]:
    """A sentence of 3+ short parallel phrases separated by semicolons."""
    text = norm.match
    out = []
    for sent in _sentences_with_semicolons(text):
        if (sent.group().count(";") < 2 or _covered(taken, sent.start(), sent.end())
                or DIRECTIVE_RE.search(sent.group())):
            continue
        items, pos = [], sent.start()
        for piece in sent.group().split(";"):
            items.append([pos, pos + len(piece)])
            pos += len(piece) + 1
        middle = [text[a:b] for a, b in items[1:-1]]
        if any(len(p.strip()) > 20 or re.match(r"\s*[A-Za-z0-9]", p) or "排名" in p for p in middle):
            continue
        # the first item keeps as many trailing clauses as its neighbours have
        keep = middle[0].count(",") + 1
        commas = [m.start() for m in re.finditer(",", text[items[0][0]:items[0][1]])]
        if len(commas) >= keep:
            items[0][0] += commas[-keep] + 1
        tail = LIST_TAIL_RE.search(text, items[-1][0], items[-1][1])
        if tail:
            items[-1][1] = tail.start()
        planned = bool(FUTURE_RE.search(_lead_in(text, sent.start()) + text[sent.start():items[0][0]]))
        section = _section(norm, heads, sent.start())
        for a, b in items:
            a2, b2 = a, b
            while a2 < b2 and text[a2] in " \t\u3000,":
                a2 += 1
            while b2 > a2 and text[b2 - 1] in " \t\u3000,":
                b2 -= 1
            if b2 - a2 > HEAD_MAX:
                a2, b2 = head_range(text, a2, b2)
            if b2 > a2:
                out.append(MeasureCandidate(a2, b2, a, b, section, "semicolon", planned, confidence=0.7))
    return out


def _suggestion_fields(text: str) -> list[re.Match]:
    """The ``建议：…`` fields, each opening a line, in text order."""
    first = SUGGESTION_FIELD_RE.match(text)
    return ([first] if first else []) + list(SUGGESTION_FIELD_BREAK_RE.finditer(text))


def _from_suggestion_field(norm: NormText, heads) -> list[MeasureCandidate]:
    """``建议：A，B，C，确保…`` on a suggestion form: each parallel proposal."""
    text = norm.match
    out = []
    for m in _suggestion_fields(text):
        pos, items = m.start("body"), []
        for piece in m.group("body").split(","):
            if piece.strip() and not PURPOSE_RE.match(piece.strip()):
                items.append((pos, pos + len(piece)))
            pos += len(piece) + 1
        if len(items) < 2 or any(len(text[a:b]) > HEAD_MAX for a, b in items):
            continue
        for a, b in items:
            out.append(MeasureCandidate(a, b, a, b, _section(norm, heads, a), "suggestion", True, confidence=0.7))
    return out


def cited_documents(norm: NormText, start: int, end: int) -> list[CitedDocument]:
    """The 《…》 titles in a stretch of text, each with the document number written right after."""
    out = []
    for m in CITED_RE.finditer(norm.match, start, end):
        num = norm.slice(m.start("num"), m.end("num")) if m.group("num") else None
        out.append(CitedDocument(title=norm.slice(m.start("title"), m.end("title")), doc_number=num))
    return out


def find_measures(norm: Analysis, national: bool = False) -> list[MeasureCandidate]:
    """Every measure of the letter, in text order; ``national``: the item was put at a national
    session (全国人大, 全国政协), so the reply is a national ministry's."""
    heads = norm.headings
    found = _from_headings(norm, heads, national)
    taken = [(c.text_start, c.text_end) for c in found]
    found += _from_inline(norm, heads, taken)
    taken += [(c.text_start, c.text_end) for c in found if c.source == "inline"]
    found += _from_semicolons(norm, heads, taken)
    found += _from_suggestion_field(norm, heads)
    found = [c for c in found if not _in_problem_section(norm, heads, c.head_start)]
    found.sort(key=lambda c: c.head_start)
    for c in found:
        c.cited = cited_documents(norm, c.text_start, c.text_end)
    return found


def to_models(norm: NormText, found: list[MeasureCandidate]) -> list[Measure]:
    # The span as a dict, validated with its measure in one call (``norm.span`` would validate
    # it on its own first).
    return [build(Measure, title=norm.slice(c.head_start, c.head_end), text=norm.slice(c.text_start, c.text_end),
                  section=c.section, status="planned" if c.planned else "taken", cited_documents=c.cited,
                  span=norm.span_dict(c.head_start, c.head_end),
                  confidence=round(c.confidence * norm.confidence_at(c.head_start), 3))
            for c in found]


@Language.component("govdoc_measures", requires=["doc._.analysis", "doc._.congress"], assigns=["doc._.measures"])
def measures_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    national = ext.congress is not None and ext.congress.level == "全国"
    ext.measures = to_models(norm, find_measures(norm, national))
    return doc
