"""办理结果 / 答复类别: the result class (A/B/C/D, or a label of another scheme) a reply gives itself.

Forms read: a labelled field (``办理结果：A``, ``办复类别:B类``, ``类别:C``, ``办理结果:(C)``), a
suffix on the document number (``…2号(B)类``, ``…5号 B1类`` – a sub-graded class is its letter –,
``…1號(hào)(B類)`` after a mirror's pinyin, or a letter glued after a number that lost its
bracket), a bracketed class next to the title (``(A类)``), and a bare letter on its own line in
the header.  甲/乙/丙/丁 map to A/B/C/D.  Labels of schemes without letters (一类/二类/三类,
已解决/正在解决/列入计划/留作参考 …) are read in a labelled field only, kept as written, with their
scheme and rank (``data/rules/grade_labels.tsv``).  Legends that define the scheme, aggregate counts
(``(A類)22件``), satisfaction and disclosure marks are not grades.

``meaning`` comes from the document's own legend, else from a published scheme of an organ the
document names (``data/rules/grade_meanings.tsv``), else stays null.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Optional

from spacy.language import Language

from govdoc.data import load
from govdoc.nlp.extensions import DocFields
from govdoc.extract.doc_number import best_doc_number
from govdoc.extract.letter_layout import HEADER_WINDOW
from govdoc.extract.output import build
from govdoc.extract.scan import line_span
from govdoc.model import Grade
from govdoc.normalize import NormText
from govdoc.text.zh import CJK

if TYPE_CHECKING:  # the stages receive the analysis; they never import it at run time
    from govdoc.extract.analysis import Analysis

_SP = r"[ \t]*"
LABEL = (r"(?:(?:办理|办复|答复)结果(?:类别|类型)?|答复类别|办复类别|办理类别|办结类别|答复类型|办理类型|办复类型|结果类别"
         r"|分类标识|类别)")
# Nothing word-like right after the class, and no legend dash or colon after it.
GRADE_END = rf"(?![A-Za-z0-9{CJK}])(?!{_SP}[—\-–:：])"
# Lines that define the scheme or count items by class.
LEGEND_RE = re.compile(r"共分|分为|标明|标出|标识为|——|注[:：]|[0-9]+[ \t]*件|件[ \t]*[(（]")
TITLE_WORD_RE = re.compile(r"关于|答复|回复|复函|建议|提案|议案|意见")
SENTENCE_RE = re.compile(r"[,，。;；!！?？]")
CLAUSE_SEP_RE = re.compile(r"[;；。:：,，\n]")
# A legend definition talks about how far the raised problem was solved.
MEANING_WORDS = ("所提", "解决", "参考", "采纳", "落实")


@dataclass(frozen=True)
class GradePatterns:
    """The forms a grade is written in, built from ``data/rules/grade_labels.tsv``."""

    labels: dict[str, load.GradeLabel]  # label as written → its entry
    latin: str  # the Latin letter classes (ABCD): a bare line may hold one without 类 or brackets
    labelled: re.Pattern  # 办理结果：A, 办复类别:B类, 类别:C, 办理结果:(C)
    worded: re.Pattern  # a label of a scheme without letters in a labelled field: 答复类别：二类, 办理结果：已解决
    bare_line: re.Pattern  # a line holding only the class: B, (B), B类
    suffix: re.Pattern  # the class right after the document number
    bracketed: re.Pattern  # (A类) at either end of the title line
    legend_line: re.Pattern  # B类——所提问题…
    legend_use: re.Pattern  # 所提问题…的,用“B”标明


@cache
def grade_patterns() -> GradePatterns:
    """Compiled on the first letter, then kept (they depend on no letter)."""
    labels = {g.label: g for g in load.grade_labels()}
    letters = "".join(g.label for g in labels.values() if g.letter)
    latin = "".join(g.label for g in labels.values() if g.letter == g.label)
    worded = "|".join(re.escape(g.label) for g in sorted(labels.values(), key=lambda g: -len(g.label)) if not g.letter)
    # The class as written: B, B类, (B), (B)类, (B类), and a sub-graded class B1类 (read as B); in a
    # labelled field also B2 without 类 (办理结果：B2), where nothing else can be meant.
    def body_with(sub: str) -> str:  # ``sub``: what may follow the letter as its sub-grade
        return (rf"(?P<open>[(（【\[]{_SP})?(?P<letter>[{letters}]){sub}{_SP}(?:类{_SP})?"
                rf"(?P<close>[)）】\]])?(?:{_SP}类)?")

    body = body_with(r"(?:[1-9](?=类))?")
    return GradePatterns(
        labels=labels, latin=latin,
        labelled=re.compile(rf"(?P<label>{LABEL}){_SP}(?:[:：]|为|是)?{_SP}{body_with(r'[1-9]?')}{GRADE_END}"),
        worded=re.compile(rf"(?P<label>{LABEL}){_SP}(?:[:：]|为|是)?{_SP}"
                          rf"(?P<open>[(（【\[]{_SP})?(?P<letter>{worded})(?P<close>{_SP}[)）】\]])?{GRADE_END}"),
        bare_line=re.compile(rf"^{_SP}{body}{_SP}$", re.M),
        suffix=re.compile(rf"{_SP}{body}{GRADE_END}"),
        bracketed=re.compile(rf"[(（]{_SP}(?P<letter>[{letters}]){_SP}类?{_SP}[)）](?:{_SP}类)?"),
        legend_line=re.compile(rf"(?P<letter>[{letters}]){_SP}类?{_SP}(?:——|—|–|-|:|：|为|是指){_SP}"
                               rf"(?P<meaning>[^;；。\n]{{2,60}})"),
        legend_use=re.compile(rf"用[“\"'‘]?(?P<letter>[{latin}])[”\"'’]?标[明出示]"))


@dataclass
class Candidate:
    start: int
    end: int
    label: str  # as written: B, 乙, 二类, 已解决
    score: float

    @property
    def entry(self) -> load.GradeLabel:
        return grade_patterns().labels[self.label]

    @property
    def letter(self) -> str:
        """The class: A–D for a letter class (甲乙丙丁 read as A–D), else the label as written."""
        return self.entry.letter or self.label


def _balanced(m: re.Match) -> bool:
    return bool(m.group("open")) == bool(m.group("close"))


# Every label ends in one of these words; the label pattern is tried only around them.
_LABEL_ANCHOR_RE = re.compile(r"结果|类别|类型|标识")


def _label_matches(match: str):
    """Matches of a labelled field: ``grade_patterns().labelled`` (a letter class), else
    ``worded`` (a label of a scheme without letters: 答复类别：二类, 办理结果：已解决), tried only
    where a label word occurs (a plain scan finds them far faster than the label pattern tried at
    every offset)."""
    pat = grade_patterns()
    last_end = 0
    for anchor in _LABEL_ANCHOR_RE.finditer(match):
        if anchor.start() < last_end:
            continue
        lo, hi = max(last_end, anchor.start() - 4), anchor.end() + 40
        for pattern in (pat.labelled, pat.worded):
            m = pattern.search(match, lo, hi)
            if m and m.start() <= anchor.start():
                last_end = m.end()
                yield m
                break


def _labelled(match: str) -> list[Candidate]:
    out = []
    for m in _label_matches(match):
        line = match[slice(*line_span(match, m.start(), m.end()))]
        if _balanced(m) and not LEGEND_RE.search(line):
            out.append(Candidate(m.start(), m.end(), m.group("letter"), 0.95))
    return out


def _after_number(norm: NormText, number_end: Optional[int]) -> list[Candidate]:
    if number_end is None:
        return []
    m = grade_patterns().suffix.match(norm.match, number_end)
    if m is None or not _balanced(m):
        return []
    start = m.start("open") if m.group("open") else m.start("letter")
    return [Candidate(start, m.end(), m.group("letter"), 0.9)]


def _header_lines(norm: Analysis) -> list[Candidate]:
    """A bare class line, or a bracketed class at either end of a title line, in the header."""
    match = norm.match
    end = min(norm.body_start, HEADER_WINDOW)
    out = []
    pat = grade_patterns()
    for bare in pat.bare_line.finditer(match, 0, end):
        if _balanced(bare) and (bare.group("letter") in pat.latin or bare.group("open") or "类" in bare.group()):
            start = bare.start("open") if bare.group("open") else bare.start("letter")
            out.append(Candidate(start, bare.start() + len(bare.group().rstrip()), bare.group("letter"), 0.8))
    for m in pat.bracketed.finditer(match, 0, end):
        s, e = line_span(match, m.start(), m.end())
        line = match[s:e]
        if SENTENCE_RE.search(line) or LEGEND_RE.search(line) or not TITLE_WORD_RE.search(line):
            continue
        if not match[s:m.start()].strip() or not match[m.end():e].strip():  # at either end of the line
            out.append(Candidate(m.start(), m.end(), m.group("letter"), 0.85))
    return out


def find_grades(norm: Analysis, number_end: Optional[int] = -1) -> list[Candidate]:
    """Every place where the document states its own class, scored by the form.
    ``number_end`` is where the document's own number ends (found here when left at -1)."""
    if number_end == -1:
        number = best_doc_number(norm)
        number_end = number.end if number else None
    return _labelled(norm.match) + _after_number(norm, number_end) + _header_lines(norm)


def legend_meanings(norm: NormText) -> dict[str, tuple[int, int]]:
    """``letter → (start, end)`` of its definition in the document's own legend."""
    match = norm.match
    found = []
    pat = grade_patterns()
    for m in pat.legend_line.finditer(match):
        found.append((m.group("letter"), m.start("meaning"), m.start("meaning") + len(m.group("meaning").rstrip())))
    for m in pat.legend_use.finditer(match):  # …所提问题已经解决的,用“A”标明: the clause before
        clause_end = m.start()
        while clause_end > 0 and match[clause_end - 1] in ",， \t":
            clause_end -= 1
        clause_start = max(0, clause_end - 60)
        sep = CLAUSE_SEP_RE.search(match[clause_start:clause_end][::-1])
        if sep:
            clause_start = clause_end - sep.start()
        end = clause_end - 1 if match[clause_end - 1:clause_end] == "的" else clause_end
        found.append((m.group("letter"), clause_start, end))
    out: dict[str, tuple[int, int]] = {}
    for letter, start, end in found:
        if any(word in match[start:end] for word in MEANING_WORDS):
            out.setdefault(pat.labels[letter].letter, (start, end))
    return out


def scheme_meaning(norm: NormText, letter: str) -> Optional[str]:
    """The meaning of ``letter`` published by an organ the document names
    (``data/rules/grade_meanings.tsv``; the first organ named, in file order, decides)."""
    region = norm.match[:HEADER_WINDOW] + norm.match[-HEADER_WINDOW:]
    organs: list[tuple[str, ...]] = []
    for entry in load.grade_meanings():
        if entry.organs not in organs:
            organs.append(entry.organs)
    for names in organs:
        if any(organ in region for organ in names):
            return next((e.meaning for e in load.grade_meanings() if e.organs == names and e.letter == letter), None)
    return None


@Language.component("govdoc_grade", requires=["doc._.analysis", "doc._.doc_number"], assigns=["doc._.grade"])
def grade_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    number = ext.doc_number
    cands = find_grades(norm, number.span.end if number is not None and number.span else None)
    if not cands:
        return doc
    best = max(cands, key=lambda c: (c.score, -c.start))
    legend = legend_meanings(norm).get(best.letter)
    meaning = norm.slice(*legend).rstrip("的") if legend else scheme_meaning(norm, best.letter)
    entry = best.entry
    scheme = {} if entry.letter else {"scheme": entry.scheme, "rank": entry.rank}  # the A–D letter is its rank
    ext.grade = build(Grade, letter=best.letter, raw=norm.slice(best.start, best.end), meaning=meaning,
                      span=norm.span_dict(best.start, best.end),
                      confidence=round(best.score * norm.confidence_at(best.start), 3), **scheme)
    return doc
