"""发文字号: 许环〔2019〕4号 – prefix, year in brackets, serial."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language

from govdoc.model import DocNumber
from govdoc.normalize import NormText

# Brackets around the year as producers and OCR write them (match text is half-width folded).
OPEN = re.escape("〔[(【〖{<（［")
CLOSE = re.escape("〕])】〗}>）］")
# prefix: 1–12 CJK chars (may end in 字 or a colon); year: 4 digits (OCR: O/o/l for 0/1).
DOC_NUMBER_RE = re.compile(
    rf"(?P<prefix>[\u4e00-\u9fff]{{1,12}}?)[:：]?\s*[{OPEN}]\s*(?P<year>(?:19|20)[0-9Oo]{{2}})\s*[{CLOSE}]"
    rf"\s*(?P<serial>[0-9Oo]{{1,5}})\s*(?P<hao>号)?"
)
LABEL_RE = re.compile(r"(?:文\s*号|发文字号|文件编号)\s*[:：]\s*")


@dataclass
class Candidate:
    start: int
    end: int
    prefix: str
    year: int
    serial: int
    score: float


def _digits(s: str) -> int:
    return int(s.replace("O", "0").replace("o", "0"))


def find_doc_numbers(norm: NormText) -> list[Candidate]:
    """Every document-number shaped span, scored: own line or labelled field ranks high,
    numbers cited inside body sentences rank low."""
    out = []
    for m in DOC_NUMBER_RE.finditer(norm.match):
        line_start = norm.match.rfind("\n", 0, m.start()) + 1
        before = norm.match[line_start:m.start()]
        score = 0.5
        if not before.strip() or LABEL_RE.search(before):
            score = 0.9
        elif "《" in before or "（" in before or "(" in before:
            score = 0.1
        out.append(Candidate(m.start(), m.end(), norm.text[m.start("prefix"):m.end("prefix")].strip(),
                             _digits(m.group("year")), _digits(m.group("serial")), score))
    return out


@Language.component("govdoc_doc_number", assigns=["doc._.doc_number"])
def doc_number_component(doc):
    norm = doc._.norm
    cands = [c for c in find_doc_numbers(norm) if c.score >= 0.5]
    if cands:
        best = max(cands, key=lambda c: (c.score, -c.start))
        doc._.doc_number = DocNumber(raw=norm.slice(best.start, best.end), prefix=best.prefix,
                                     year=best.year, serial=best.serial, span=norm.span(best.start, best.end),
                                     confidence=best.score * norm.confidence_at(best.start))
    return doc
