"""Metrics: the quantitative facts a letter states (``PM10 平均浓度 85 微克/立方米``, ``排名全省第 3``).

Precompiled passes over ``norm.match``: rankings (``排名全省第 3`` → unit 名次), comparisons
(``较全省均值低 9 微克``) and plain quantities (a number, Arabic or Chinese, followed by a unit from
``data/rules/units.tsv``; Arabic and Chinese numbers in two scans that the regex engine can skip through).
What a figure's line or sentence says (chrome, quotes, sentence start) is read around the figure,
not by passes over the whole letter.  A quantity needs a unit; the value is the number as written and a multiplier
stays in the unit (``152万平方米`` → 152, ``万平方米``).

Not metrics (corpora/ANNOTATION.md): dates and years, document, item and session numbers, phone
numbers, postcodes, codes (``GB12348-2008``), classes (``Ⅲ类``), plan periods (``十三五``), ordinals
(``第一``, ``一是``), slogans in quotes (``“四个一百”``), titles in 《》, the article 一
(``一条环乡路``), adverbial counts in Chinese numerals (``两次下放``), and figures on page-chrome,
address and contact lines.

The stage in four modules, by concern: ``metric_patterns`` (what a number, a quantity, a ranking
and a comparison look like, built from the units data, and the scans for them), ``metric_filters``
(what is not a metric), ``metric_describe`` (the words a figure is about: indicator, as-of date,
scope) and this one (the candidates, in one pass each, deduplicated, as output models).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Callable, Optional, Sequence, Union

from pydantic import TypeAdapter
from spacy.attrs import IDX
from spacy.language import Language

from govdoc.extract.metric_describe import describe
from govdoc.extract.metric_filters import THOUSANDS_RE, Lines, inside, quantity_value
from govdoc.extract.metric_patterns import (DIRECTION, QUANTITY_GROUPS, comparison_matches,
                                            number, patterns, quantity_matches, rank_matches)
from govdoc.model import Comparison, Metric, Rank
from govdoc.nlp.extensions import DocFields
from govdoc.normalize import NormText

_AR, _CN_G, _MID, _MULT, _MID2, _UNIT, _BARE, _POST = range(1, len(QUANTITY_GROUPS) + 1)
PRE_QUALIFIER_RE = re.compile(r"(?:约|近|超过|超|逾|不足|不到|将近)[ \t]?$")
# Last characters a pre-qualifier match can end with at a number (``$`` also matches before a
# final line break), so that most numbers skip the search.
PRE_QUALIFIER_LAST = "约近过超逾足到 \t\n"

WordStarts = Union[Sequence[int], Callable[[], Sequence[int]], None]


@dataclass(slots=True)
class MetricCandidate:
    start: int
    end: int
    value: float | int
    unit: Optional[str]
    kind: str  # quantity | rank | comparison
    num_start: int
    num_end: int
    qualifier: Optional[str] = None
    indicator: Optional[str] = None
    comparison: Optional[Comparison] = None
    rank: Optional[Rank] = None
    as_of: Optional[str] = None
    scope: Optional[str] = None
    unit_class: str = "measure"  # count | measure | time (data/rules/units.tsv)
    confidence: float = 0.9


def _verbatim(norm: NormText, m: re.Match, *groups: str | int) -> Optional[str]:
    """The original characters of some groups of a match on the match text (e.g. 個 for 个)."""
    out = ""
    for g in groups:
        a, b = m.span(g)
        if a >= 0:
            out += norm.text[a:b]
    return out.replace(" ", "").replace("\t", "") or None


def _unit_shown(norm: NormText, m: re.Match, mult: Optional[str], bare: Optional[str]) -> Optional[str]:
    """The unit of a quantity match as written: multiplier and unit, or a bare 万/亿 (``_verbatim``
    of those groups, reading only the groups that matched)."""
    if bare:
        return _verbatim(norm, m, _BARE)
    if mult:
        return _verbatim(norm, m, _MULT, _UNIT)
    a, b = m.span(_UNIT)
    return norm.text[a:b].replace(" ", "").replace("\t", "") or None


def _first_pass(norm: NormText) -> list[MetricCandidate]:
    text = norm.match
    out: list[MetricCandidate] = []
    for m in rank_matches(text):
        pos = number(m.group("num"))
        if pos:
            before = patterns().rank_scope_before.search(text, max(0, m.start() - 6), m.start())  # 在全省排名第3
            start = before.start() if before else m.start()
            scope = _verbatim(norm, m, "scope") or (norm.slice(before.start("scope"), before.end("scope"))
                                                    if before else None)
            out.append(MetricCandidate(start=start, end=m.end(), value=pos, unit="名次", kind="rank",
                                       num_start=m.start("num"), num_end=m.end("num"),
                                       rank=Rank(position=pos, scope=scope)))
    for m in comparison_matches(text):
        unit = _verbatim(norm, m, "mult", "unit")
        if not unit:
            continue
        value = number(m.group("num"))
        base = _verbatim(norm, m, "base") or _verbatim(norm, m, "kw")
        comp = Comparison(baseline=base, direction=DIRECTION[m.group("dir")], delta=value, unit=unit)
        out.append(MetricCandidate(start=m.start(), end=m.end(), value=value, unit=unit, kind="comparison",
                                   num_start=m.start("num"), num_end=m.end("num"),
                                   qualifier=_verbatim(norm, m, "qual"), comparison=comp,
                                   unit_class=patterns().unit_class.get(m.group("unit") or "", "measure"),
                                   confidence=0.85))
    return out


def _quantities(norm: NormText, covered: list[tuple[int, int]], lines: Lines) -> list[MetricCandidate]:
    """The plain quantities: number-unit matches that are not dates, codes, ordinals, quoted,
    inside a ranking or comparison (``covered``), or on chrome lines."""
    text = norm.match
    cstarts = [a for a, _ in covered]
    out: list[MetricCandidate] = []
    for m in quantity_matches(text):
        _, _, mid, mult, mid2, base, bare, post = m.groups()
        ar, cn = m.group("ar", "cn")  # group numbers differ between the patterns
        s, e = m.span()
        before = text[s - 1] if s else ""
        if before == "第" or before.isspace() and s >= 2 and text[s - 2] == "第":
            continue  # an ordinal (第 3 个)
        q = quantity_value(text, s, e, before, ar, cn, base, mult)
        if q is None or covered and inside(covered, cstarts, s) or lines.excluded(s, before):
            continue
        value, unit_class = q
        if ar and before == "," and s >= 2 and text[s - 2].isdigit():
            grouped = THOUSANDS_RE.search(text, max(0, s - 24), s + 3)
            if not grouped or len(ar.split(".")[0]) != 3:
                continue  # "12,34个": not a grouped number; leave it rather than guess
            s = grouped.start()
            value = number(text[s:m.end("ar")].replace(",", ""))
        pre = (PRE_QUALIFIER_RE.search(text, max(0, s - 3), s)
               if s and text[s - 1] in PRE_QUALIFIER_LAST else None)
        qualifier = ((_verbatim(norm, m, _MID, _MID2, _POST) if mid or mid2 or post else None)
                     or (norm.slice(pre.start(), pre.end()) if pre else None))
        out.append(MetricCandidate(start=pre.start() if pre else s, end=e, value=value,
                                   unit=_unit_shown(norm, m, mult, bare), kind="quantity", num_start=s,
                                   num_end=m.end("ar") if ar else m.end("cn"), qualifier=qualifier,
                                   unit_class=unit_class, confidence=0.9 if ar else 0.75))
    return out


def find_metrics(norm: NormText, word_starts: WordStarts = None) -> list[MetricCandidate]:
    """Every metric in text order, deduplicated by its verbatim wording.  ``word_starts`` (sorted
    offsets of word starts, e.g. the Doc's token offsets, or a function returning them, called
    only if a span needs them) keeps widened spans on word boundaries."""
    text, special = norm.match, _first_pass(norm)
    lines = Lines(text)
    quantities = _quantities(norm, sorted((c.start, c.end) for c in special), lines)
    # Rankings and comparisons on chrome are dropped (the quantities were tested in _quantities).
    found = [c for c in special if not lines.is_chrome(c.start, text[c.start - 1:c.start])] + quantities
    found.sort(key=lambda c: c.start)
    # the Doc's token offsets take a pass over the Doc, and a third of the letters never need them
    describe(norm, found, cache(word_starts) if callable(word_starts) else lambda: word_starts)
    return _dedupe(norm, found)


def _dedupe(norm: NormText, found: list[MetricCandidate]) -> list[MetricCandidate]:
    seen, out = set(), []
    for c in found:
        key = "".join(norm.match[c.start:c.end].split())  # \s+ removed (split: same spaces)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


# A letter's metrics validated in one call: the same checks as ``Metric(...)`` on each, with the
# span given as a dict (validated as ``Span``), without a keyword ``__init__`` call per model.
_METRIC_LIST = TypeAdapter(list[Metric])


def _page_info(norm: NormText):
    """offset → (page, OCR confidence); a one-page text answers every offset with one lookup."""
    if len(norm.page_starts) == 1:
        info = (norm.page_of(0), norm.confidence_at(0))
        return lambda offset: info
    return lambda offset: (norm.page_of(offset), norm.confidence_at(offset))


def to_models(norm: NormText, found: list[MetricCandidate]) -> list[Metric]:
    page_info, data = _page_info(norm), []
    for c in found:
        page, conf = page_info(c.start)
        data.append({"raw": norm.slice(c.start, c.end), "indicator": c.indicator, "value": c.value, "unit": c.unit,
                     "qualifier": c.qualifier, "comparison": c.comparison, "rank": c.rank, "as_of": c.as_of,
                     "scope": c.scope, "span": {"page": page, "start": c.start, "end": c.end},
                     "confidence": round(c.confidence * conf, 3)})
    return _METRIC_LIST.validate_python(data)


@Language.component("govdoc_metrics", requires=["doc._.analysis"], assigns=["doc._.metrics"])
def metrics_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    # The token offsets as a memoryview of the array: ints on indexing, for bisect, without a list.
    ext.metrics = to_models(norm, find_metrics(norm, lambda: memoryview(doc.to_array(IDX))))
    return doc
