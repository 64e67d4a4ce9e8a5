"""成文日期: the date under the signature, else a labelled metadata date.

Order of evidence: a line holding nothing but a date (or an organ name and a date) after the
salutation – the signature date, read even when it lost 年/月/日 (``2017823``); then the metadata
fields 成文日期 / 成文时间, 生效日期, 印发日期; then the 印发 line (``…办公室 2019年9月20日印发``).
发布日期 / 发布时间 / 更新时间, page headers (``2018年8月21日 星期二``) and post dates are never read.
A signature date too damaged to read (``0二十六日``) gives no date at all: it wins over metadata.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from spacy.language import Language

from govdoc.extract.addressee import best_addressee
from govdoc.model import DateValue
from govdoc.normalize import NormText
from govdoc.text.dates import find_dates

# An organ name before a signature date on the same line: 马关县交通运输局  2020年9月18日.
_ORGAN_BEFORE = re.compile(r"^[\u4e00-\u9fff()（）]{2,40}[ \t\u3000]+$")
META_RE = re.compile(r"(?P<label>成文日期|成文时间|生效日期|印发日期)[ \t]*[:：]?[ \t]*")
META_SCORE = {"成文日期": 0.85, "成文时间": 0.85, "生效日期": 0.7, "印发日期": 0.65}
PRINTED_RE = re.compile(r"[ \t]*印发[ \t]*$")


@dataclass
class Candidate:
    start: int
    end: int
    date: Optional[date]
    score: float
    source: str  # signature | 成文日期 | … | 印发


def _line(text: str, start: int, end: int) -> tuple[str, str]:
    """What stands before and after ``text[start:end]`` on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:start], text[end: len(text) if line_end < 0 else line_end]


def signature_dates(norm: NormText, after: int = 0, default_year: Optional[int] = None) -> list[Candidate]:
    """Dates after ``after`` that stand alone on their line (or after an organ name)."""
    text = norm.match
    out = []
    for hit in find_dates(text, default_year, compact=True):
        if hit.start < after:
            continue
        before, rest = _line(text, hit.start, hit.end)
        if rest.strip() or before.strip() and not _ORGAN_BEFORE.match(before):
            continue
        out.append(Candidate(hit.start, hit.end, hit.date, 0.95 if not before.strip() else 0.9, "signature"))
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
    for hit in find_dates(text, default_year):
        if hit.date is not None and PRINTED_RE.match(text, hit.end) and "\n" not in text[hit.end:hit.end + 4]:
            out.append(Candidate(hit.start, hit.end, hit.date, 0.6, "印发"))
    return out


def best_issue_date(norm: NormText, doc_year: Optional[int] = None) -> Optional[Candidate]:
    """The signature date when there is one (even a damaged one: then ``date`` is None), else the
    best metadata date."""
    addressee = best_addressee(norm)
    after = addressee.end if addressee else 0
    signed = signature_dates(norm, after, doc_year)
    if signed:
        return signed[0]
    meta = metadata_dates(norm, doc_year)
    return max(meta, key=lambda c: (c.score, -c.start)) if meta else None


@Language.component("govdoc_issue_date", requires=["doc._.doc_number"], assigns=["doc._.issue_date"])
def issue_date_component(doc):
    norm = doc._.norm
    year = doc._.doc_number.year if doc._.doc_number else None
    best = best_issue_date(norm, year)
    if best and best.date:
        doc._.issue_date = DateValue(date=best.date.isoformat(), raw=norm.slice(best.start, best.end),
                                     span=norm.span(best.start, best.end),
                                     confidence=best.score * norm.confidence_at(best.start))
    return doc
