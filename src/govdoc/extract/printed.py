"""The 印发 line: ``许昌市生态环境局办公室  2019年9月20日印发`` → printed_by, printed_date.

The printing office stands before the date, on the same line or on the line above it.  It is
neither the issuer nor a copy recipient.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language

from govdoc.nlp.extensions import DocFields
from govdoc.extract.letter_layout import has_placeholder, iter_lines, org_span
from govdoc.extract.output import build
from govdoc.model import DateValue, Name
from govdoc.normalize import NormText
from govdoc.text.dates import find_dates

TAIL_WINDOW = 1500
PRINTED_END_RE = re.compile(r"(?:印发|印制)[ \t]*$")


@dataclass
class Printed:
    org: Optional[tuple[int, int]]
    date: tuple[int, int]
    iso: Optional[str]


def find_printed(norm: NormText) -> Optional[Printed]:
    """The last 印发 line of the text, with the office before the date."""
    match = norm.match
    start = max(0, len(match) - TAIL_WINDOW)
    if "印" not in match[start:]:
        return None
    lines = [(s, e) for s, e in iter_lines(match, start) if match[s:e].strip()]
    for i in range(len(lines) - 1, -1, -1):
        s, e = lines[i]
        if not PRINTED_END_RE.search(match, s, e):
            continue
        hits = list(find_dates(match[s:e], compact=True))
        if not hits:
            continue
        hit = hits[-1]
        date = (s + hit.start, s + hit.end)
        if match[date[1]:e].strip() not in ("印发", "印制"):
            continue  # …印发的通知 in a sentence, not the 印发 line
        org = org_span(match[s:date[0]])
        if org:
            org = (s + org[0], s + org[1])
        elif i > 0 and not match[s:date[0]].strip():
            prev = org_span(match[slice(*lines[i - 1])])
            org = (lines[i - 1][0] + prev[0], lines[i - 1][0] + prev[1]) if prev else None
        return Printed(org, date, hit.date.isoformat() if hit.date else None)
    return None


@Language.component("govdoc_printed", requires=["doc._.analysis"], assigns=["doc._.printed_by", "doc._.printed_date"])
def printed_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    found = find_printed(norm)
    if found is None:
        return doc
    conf = norm.confidence_at(found.date[0])
    if found.org and not has_placeholder(norm.match[found.org[0]:found.org[1]]):
        ext.printed_by = build(Name, name=norm.slice(*found.org), span=norm.span_dict(*found.org),
                              confidence=round(0.9 * conf, 3))
    ext.printed_date = build(DateValue, date=found.iso, raw=norm.slice(*found.date), span=norm.span_dict(*found.date),
                                 confidence=round((0.9 if found.iso else 0.5) * conf, 3))
    return doc
