"""发文字号: 许环〔2019〕4号 – prefix, year in brackets, serial.

The document's own number stands on a line of its own (maybe with the grade glued after it or
the title glued after it), or in a metadata field labelled 文号 / 发文字号 / 文件编号.  Numbers of
other documents cited in sentences, in brackets or inside 《》 are never the document's own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Optional

from spacy.language import Language

from govdoc.data import load
from govdoc.nlp.extensions import DocFields
from govdoc.extract.letter_layout import has_placeholder
from govdoc.extract.scan import finditer_alternatives, line_span
from govdoc.extract.output import build
from govdoc.model import DocNumber
from govdoc.normalize import NormText
from govdoc.text.zh import CJK, PINYIN_INSERT

if TYPE_CHECKING:  # the stages receive the analysis; they never import it at run time
    from govdoc.extract.analysis import Analysis

# Brackets around the year as producers and OCR write them (the match text folds full-width
# brackets to ASCII; 〈〉 and 【】 stay as they are).
OPEN = re.escape("〔[(【〖{<〈﹝")
CLOSE = re.escape("〕])】〗}>〉﹞")
# OCR reads 0 as O/o and 1 as l/I.
_D = "0-9OolI"
YEAR = rf"(?:[1lI]9|2[0Oo])[{_D}]{{2}}"
_SP = r"[ \t]*"
# prefix: up to 12 CJK chars (the leftmost start wins, so the prefix is the run before the
# bracket; a letter-spaced prefix ``潭 水 函`` is read whole); an optional colon (建议字:〔2023〕8号); the year; then either a closing bracket and
# the serial, or – the capture lost the bracket (汨公交提字〔202302) – the serial glued on; 号 keeps
# the pinyin a mirror inserted after it (1號(hào)), and so does the prefix (規(guī)劃).
DOC_NUMBER_RE = re.compile(
    rf"(?P<prefix>(?:[{CJK}][ \t]){{1,11}}[{CJK}]|(?:[{CJK}](?:{PINYIN_INSERT})?){{1,12}}?){_SP}(?:[:：]{_SP})?[{OPEN}]{_SP}(?P<year>{YEAR}){_SP}"
    rf"(?:[{CLOSE}]{_SP}第?{_SP}(?P<serial>[{_D}]{{1,5}})|(?P<glued>\d{{1,4}}))(?:{_SP}(?P<hao>号(?:{PINYIN_INSERT})?))?"
)
YEAR_OPEN_RE = re.compile(rf"[{OPEN}]{_SP}{YEAR}")
# A prefix read backwards from its end: CJK characters, single spaces between them.
_PREFIX_BACKWARDS_RE = re.compile(rf"[{CJK}](?:[ \t]?[{CJK}])*")
LABEL = r"(?:文[ \t]*号|发文字号|文件编号|发文编号)"
# 文号：… · 【文号】… (a bracketed metadata label) · 发文字号 | … (a metadata table flattened with |)
LABEL_RE = re.compile(LABEL + r"[ \t]*[:：】|]?[ \t]*$")
# A labelled value that is not bracket-shaped (文件编号: 京政发2019年12号); ``无`` is not a number.
_LABELLED_VALUE = r"[ \t]*[:：]?[ \t]*(?P<val>[^\s|:：]{2,30})(?![:：])"
# ``LABEL + _LABELLED_VALUE`` as one pattern per first word of the label (文…, 发文…), each searched on its own
# (``finditer_alternatives``) so that the regex engine skips ahead to its literal.
_LABELLED_VALUE_SPLIT = (re.compile(r"(?:文[ \t]*号|文件编号)" + _LABELLED_VALUE),
                         re.compile(r"发文(?:字号|编号)" + _LABELLED_VALUE))
LOOSE_RE = re.compile(rf"(?P<year>(?:19|20)\d\d)[年〕\])]?第?(?P<serial>\d{{1,5}})号?$")
LEADING_LABEL_RE = re.compile(r"^(?:发文字号|文件编号|发文编号|文号|编号)")
SENTENCE_PUNCT = re.compile(r"[,，。;；!！?？]")
TITLE_START = re.compile(r"[ \t]*(?:关于|对)")
SIGNER_LABEL = re.compile(r"[ \t]*(?:签[ \t]*发|领导签发)")
# A number that a sentence cites: a verb before it, or 文件 / 精神 / a conjunction after it.
CITING_VERB = re.compile(r"(?:根据|按照|依据|依照|参照|结合|落实|执行|贯彻|印发|转发|详见|见)")
CITED_AFTER = re.compile(r"[ \t]*(?:文件|精神|要求|规定|通知|和|及|与|、|等|的|中)")
_SPACING_RE = re.compile(r"[ \t\u3000]")


@cache
def grade_suffix() -> re.Pattern:
    """A grade letter class right after the number (``…4号(B)类``), for the letter classes of
    ``data/rules/grade_labels.tsv``; built on first use."""
    return re.compile(rf"[ \t]*[(（]?[{load.letter_classes()}](?:[1-9](?=类))?[)）]?类?[ \t]*$")
_DIGIT_RE = re.compile(r"\d")
_CJK_RE = re.compile(f"[{CJK}]")


@dataclass
class Candidate:
    start: int
    end: int
    prefix: Optional[str]
    year: Optional[int]
    serial: Optional[int]
    score: float


def _digits(s: str) -> int:
    return int(s.translate(str.maketrans("OolI", "0011")))


def _context_score(before: str, after: str) -> float:
    """How much the line around a number says "this is the document's own number"."""
    if before.count("《") > before.count("》"):
        return 0.0  # inside a cited title
    if LABEL_RE.search(before):
        return 0.9
    if before.strip():
        if before.rstrip().endswith(("(", "（")) or SENTENCE_PUNCT.search(before) or len(before.strip()) > 20:
            return 0.05  # cited in a sentence or in brackets
        if not before.endswith((" ", "\t")):
            return 0.1
        # set apart by spaces on a header line: 签发人：李光亚    许环〔2019〕4号 / XX局文件 许环〔2019〕4号
        quiet_after = not after.strip() or grade_suffix().match(after) or SIGNER_LABEL.match(after)
        return 0.85 if SIGNER_LABEL.search(before) or before.rstrip().endswith("文件") else 0.6 if quiet_after else 0.3
    if not after.strip() or grade_suffix().match(after) or SIGNER_LABEL.match(after):
        return 0.95
    if CITED_AFTER.match(after):
        return 0.2  # 国办发〔2020〕23号文件精神 / …和…号
    if TITLE_START.match(after):
        return 0.85  # glued before the title
    if SENTENCE_PUNCT.search(after):
        return 0.2  # a sentence that starts with a cited number
    return 0.6


def year_opens(text: str) -> list[tuple[int, int]]:
    """Spans of ``YEAR_OPEN_RE.finditer(text)`` (a bracket, then a year): ``Analysis.year_opens``,
    which the doc-number and issuer stages read."""
    return [m.span() for m in YEAR_OPEN_RE.finditer(text)]


def number_start(text: str, start: int, bracket: int) -> int:
    """The first offset at or after ``start`` where a ``DOC_NUMBER_RE`` match whose year bracket
    is at ``bracket`` can begin: its prefix (CJK characters, single spaces between them, at most
    23 characters) ends before the spacing and colon that precede the bracket.  Matches with a
    later bracket begin later still, so a search from here misses none."""
    end = bracket
    while end > start and text[end - 1] in " \t":
        end -= 1
    if end > start and text[end - 1] in ":：":
        end -= 1
        while end > start and text[end - 1] in " \t":
            end -= 1
    run = _PREFIX_BACKWARDS_RE.match(text[max(start, end - 23):end][::-1])
    return end - (run.end() if run else 0)


def _number_matches(text: str, opens: list[tuple[int, int]]):
    """DOC_NUMBER_RE matches, found cheaply: locate each bracketed year first (``opens``: the
    text's ``year_opens``), then read the number around it within its line."""
    last_end = 0
    for hit_start, hit_end in opens:
        if hit_start < last_end:
            continue
        line_start = text.rfind("\n", 0, hit_start) + 1
        line_end = text.find("\n", hit_end)
        line_end = len(text) if line_end < 0 else line_end
        pos = max(line_start, last_end, hit_start - 16)
        while True:
            m = DOC_NUMBER_RE.search(text, pos, line_end)
            if m is None or m.start() > hit_start:
                break
            if m.end() > hit_start:
                last_end = m.end()
                yield m
                break
            pos = m.end()


def _cited_prefix(prefix: str) -> bool:
    return bool(CITING_VERB.match(prefix))


def _bracket_candidates(norm: Analysis) -> list[Candidate]:
    out = []
    text = norm.match
    for m in _number_matches(text, norm.year_opens):
        serial = m.group("serial") or m.group("glued")
        if not any(c.isdigit() for c in serial) and not m.group("hao"):
            continue
        line_start, line_end = line_span(text, m.start(), m.end())
        score = _context_score(text[line_start:m.start()], text[m.end():line_end])
        if _cited_prefix(m.group("prefix")):
            score = min(score, 0.1)  # 根据许政〔2019〕3号…
        if m.group("glued"):
            score *= 0.9  # the closing bracket was lost: weaker evidence
        if score <= 0:
            continue
        start = m.start()
        label = LEADING_LABEL_RE.match(m.group("prefix"))
        prefix: Optional[str] = _SPACING_RE.sub("", norm.text[m.start("prefix"):m.end("prefix")])
        if label:  # 文号〔2019〕4号: the label is not a prefix
            start += label.end()
            prefix = prefix[label.end():] or None
        out.append(Candidate(start, m.end(), prefix, _digits(m.group("year")), _digits(serial), score))
    return out


def _labelled_candidates(norm: NormText, taken: list[Candidate]) -> list[Candidate]:
    """Labelled values that the bracket pattern did not read (no brackets at all)."""
    out = []
    for m in finditer_alternatives(_LABELLED_VALUE_SPLIT, norm.match):
        s, e = m.span("val")
        val = m.group("val")
        if val == "无" or not _DIGIT_RE.search(val) or not _CJK_RE.search(val):
            continue
        if any(c.start < e and s < c.end for c in taken):
            continue
        loose = LOOSE_RE.search(val)
        prefix = val[: loose.start()] if loose else None
        out.append(Candidate(s, e, prefix or None, int(loose.group("year")) if loose else None,
                             int(loose.group("serial")) if loose else None, 0.6))
    return out


def find_doc_numbers(norm: Analysis) -> list[Candidate]:
    """Every document-number shaped span, scored: a number on its own line or in a labelled
    field ranks high, numbers cited inside sentences, brackets or 《》 rank low (or are dropped)."""
    cands = _bracket_candidates(norm)
    return cands + _labelled_candidates(norm, cands)


def best_doc_number(norm: Analysis) -> Optional[Candidate]:
    cands = [c for c in find_doc_numbers(norm) if c.score >= 0.5]
    return max(cands, key=lambda c: (c.score, -c.start)) if cands else None


@Language.component("govdoc_doc_number", requires=["doc._.analysis"], assigns=["doc._.doc_number"])
def doc_number_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    best = best_doc_number(norm)
    if best and not has_placeholder(norm.match[max(0, best.start - 2):best.end]):
        ext.doc_number = build(DocNumber, raw=norm.slice(best.start, best.end), prefix=best.prefix,
                                   year=best.year, serial=best.serial, span=norm.span_dict(best.start, best.end),
                                   confidence=round(best.score * norm.confidence_at(best.start), 3))
    return doc
