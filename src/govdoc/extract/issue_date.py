"""成文日期: the date under the signature, else a labelled metadata date.

Order of evidence: a line holding nothing but a date (or an organ name and a date) after the
salutation – the signature date, read even when it lost 年/月/日 (``2017823``); then the metadata
fields 成文日期 / 成文时间, 生效日期, 印发日期 / 发文日期; then the 印发 line (``…办公室 2019年9月20日印发``).
发布日期 / 发布时间 / 更新时间, page headers (``2018年8月21日 星期二``) and post dates are never read.
A signature date too damaged to read (``0二十六日``) gives no date at all: it wins over metadata.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Optional

from spacy.language import Language

from govdoc.nlp.extensions import DocFields
from govdoc.extract.scan import LineEnds
from govdoc.extract.output import build
from govdoc.model import DateValue
from govdoc.text.zh import PINYIN_INSERT
from govdoc.normalize import NormText
from govdoc.text.dates import find_dates

if TYPE_CHECKING:  # the stages receive the analysis; they never import it at run time
    from govdoc.extract.analysis import Analysis

# A line holding only a date, or an organ name then a date (马关县交通运输局  2020年9月18日), set
# apart by spaces or by one character lost in transcoding (``?`` or U+FFFD), maybe with a
# mirror's pinyin in the name (咸安區(qū)教育局).
DATE_LINE_RE = re.compile(rf"^[ \t]*(?:(?P<organ>(?:[\u4e00-\u9fff()]|{PINYIN_INSERT}){{2,40}}?)"
                          r"(?:[ \t]+|[ \t]*[?？\ufffd][ \t]*))?"
                          r"(?P<value>[\d〇○零一二三四五六七八九十][^\n]{2,22}?)[ \t]*$", re.M)
# The value on the label's line, or – after a colon that ends the line – on the next text line
# (a bulleted metadata list: ``• 发文日期:\n\n    2022-07-14``); a label may stand in brackets
# (``[ 成文日期 ] 2021-07-16``, ``【成文日期】``) or in a table's cell (``| 成文日期 | 2026-04-28 |``).
META_RE = re.compile(r"(?P<label>成文日期|成文时间|生效日期|印发日期|发文日期)[ \t]*[\]】|]?[ \t]*[:：]?[ \t]*"
                     r"(?:(?<=[:：])(?:[ \t]*\n){1,2}[ \t]*(?=[\d〇○零一二三四五六七八九十]))?")
META_SCORE = {"成文日期": 0.85, "成文时间": 0.85, "生效日期": 0.7, "印发日期": 0.65, "发文日期": 0.65}
PRINTED_RE = re.compile(r"印发[ \t]*$", re.M)
# The lines that end in what a date ends with (every form of ``find_dates``): 日/号 or a digit.  A
# line that ends otherwise holds no whole date: ``DATE_LINE_RE`` is tried only on the others
# (``_DATE_ENDS.matches``), not at every offset.
_DATE_ENDS = LineEnds(r"\d日号")


@dataclass
class Candidate:
    start: int
    end: int
    date: Optional[date]
    score: float
    source: str  # signature | 成文日期 | … | 印发


def signature_dates(norm: NormText, after: int = 0, default_year: Optional[int] = None) -> list[Candidate]:
    """Dates after ``after`` that stand alone on their line (or after an organ name)."""
    text = norm.match
    out = []
    for line in _DATE_ENDS.matches(DATE_LINE_RE, text, after):
        value = line.group("value")
        for hit in find_dates(value, default_year, compact=True):
            if hit.start == 0 and hit.end == len(value):
                organ = line.group("organ")
                s = line.start("value")
                out.append(Candidate(s, s + hit.end, hit.date, 0.9 if organ else 0.95, "signature"))
            break
    return out


def metadata_dates(norm: NormText, default_year: Optional[int] = None) -> list[Candidate]:
    """Labelled metadata dates (成文日期 …) and the date of the 印发 line."""
    text = norm.match
    out = []
    for m in META_RE.finditer(text):
        line_end = text.find("\n", m.end())
        line = text[m.end(): len(text) if line_end < 0 else line_end]
        hit = next(iter(find_dates(line, default_year)), None)
        if hit is not None and hit.start == 0 and hit.date is not None:
            out.append(Candidate(m.end() + hit.start, m.end() + hit.end, hit.date, META_SCORE[m.group("label")],
                                 m.group("label")))
    for m in PRINTED_RE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        hits = [h for h in find_dates(text[line_start:m.start()], default_year) if h.date]
        if hits and not text[line_start + hits[-1].end:m.start()].strip():
            out.append(Candidate(line_start + hits[-1].start, line_start + hits[-1].end, hits[-1].date, 0.6, "印发"))
    return out


def best_issue_date(norm: Analysis, doc_year: Optional[int] = None) -> Optional[Candidate]:
    """The signature date when there is one (even a damaged one: then ``date`` is None), else the
    best metadata date.  Signature dates are looked for after the salutation."""
    addressee = norm.addressee
    # without a salutation, a signature still sits in the later part of the text
    after = addressee.end if addressee else int(len(norm.match) * 0.4)
    signed = signature_dates(norm, after, doc_year)
    if signed:
        return signed[0]
    meta = metadata_dates(norm, doc_year)
    return max(meta, key=lambda c: (c.score, -c.start)) if meta else None


@Language.component("govdoc_issue_date", requires=["doc._.analysis", "doc._.doc_number"], assigns=["doc._.issue_date"])
def issue_date_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    number = ext.doc_number
    best = best_issue_date(norm, number.year if number else None, )
    if best and best.date:
        ext.issue_date = build(DateValue, date=best.date.isoformat(), raw=norm.slice(best.start, best.end),
                                   span=norm.span_dict(best.start, best.end),
                                   confidence=best.score * norm.confidence_at(best.start))
    return doc
