"""Request query parameters → a checked search: bounded lengths and numbers, known choices only.

Every bad value raises :class:`govdoc.errors.BadInput` naming the parameter, which the app shows
as a one-line 400 page (or JSON error).  Empty values mean "not set", as an HTML form sends them.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Mapping, Optional
from urllib.parse import urlencode

from govdoc.errors import BadInput
from govdoc.index.base import RECORD_KINDS, Query
from govdoc.search.session import parse_session

MAX_TEXT = 200  # characters of a query or filter text
MAX_PAGE = 100
PAGE_SIZES = (10, 20, 50)
GRADES = ("A", "B", "C", "D")
BODIES = ("人大", "政协")
KINDS = ("reply", "suggestion", "other")
ITEM_TYPES = ("建议", "提案", "议案", "批评和意见")
YEARS = (1949, 2100)
MAX_VALUE = 1e15  # metric values: bounds of --min / --max


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    year_from: Optional[int] = None
    year_to: Optional[int] = None
    issuer: str = ""
    grade: str = ""
    session: str = ""
    body: str = ""
    kind: str = ""
    records: str = "letters"
    page: int = 1
    size: int = PAGE_SIZES[0]
    item_type: str = ""
    indicator: str = ""  # metrics: indicator text (e.g. PM2.5) and value range
    value_min: Optional[float] = None
    value_max: Optional[float] = None
    coverage_min: Optional[float] = None  # replies compared with their suggestion: coverage >= this …
    coverage_below: Optional[float] = None  # … and < this

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def url(self, **changes) -> str:
        """``?…`` of these parameters with ``changes`` (defaults left out); a filter change goes to page 1."""
        defaults = {f.name: f.default for f in fields(self)}
        values = {name: getattr(self, name) for name in defaults} | {"page": 1} | changes
        return "?" + urlencode({k: v for k, v in values.items() if v is not None and v != defaults[k]})


def text_param(params: Mapping[str, str], name: str) -> str:
    value = (params.get(name) or "").strip()
    if len(value) > MAX_TEXT:
        raise BadInput(name, f"too long ({len(value)} characters; at most {MAX_TEXT})")
    return value


def _int(params: Mapping[str, str], name: str, low: int, high: int) -> Optional[int]:
    value = (params.get(name) or "").strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or not low <= int(value) <= high:
        raise BadInput(name, f"{value[:20]!r}: expected a whole number from {low} to {high}")
    return int(value)


def _number(params: Mapping[str, str], name: str) -> Optional[float]:
    value = (params.get(name) or "").strip()
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not -MAX_VALUE <= number <= MAX_VALUE:  # NaN fails too
        raise BadInput(name, f"{value[:20]!r}: expected a number from {-MAX_VALUE:g} to {MAX_VALUE:g}")
    return number


def _share(params: Mapping[str, str], name: str) -> Optional[float]:
    value = (params.get(name) or "").strip()
    number = _number(params, name)
    if number is not None and not 0 <= number <= 1:
        raise BadInput(name, f"{value[:20]!r}: expected a share from 0 to 1")
    return number


def _choice(params: Mapping[str, str], name: str, choices: tuple, default: str = "") -> str:
    value = (params.get(name) or "").strip() or default
    if value and value not in choices:
        raise BadInput(name, f"{value[:20]!r}: choose one of {', '.join(choices)}")
    return value


def _size(params: Mapping[str, str]) -> int:
    size = _int(params, "size", 1, max(PAGE_SIZES)) or PAGE_SIZES[0]
    if size not in PAGE_SIZES:
        raise BadInput("size", f"{size}: choose one of {', '.join(map(str, PAGE_SIZES))}")
    return size


def search_params(params: Mapping[str, str]) -> SearchParams:
    out = SearchParams(
        q=text_param(params, "q"), year_from=_int(params, "year_from", *YEARS), year_to=_int(params, "year_to", *YEARS),
        issuer=text_param(params, "issuer"), grade=_choice(params, "grade", GRADES), session=text_param(params, "session"),
        body=_choice(params, "body", BODIES), kind=_choice(params, "kind", KINDS),
        records=_choice(params, "records", RECORD_KINDS, "letters"), page=_int(params, "page", 1, MAX_PAGE) or 1,
        size=_size(params), item_type=_choice(params, "item_type", ITEM_TYPES),
        indicator=text_param(params, "indicator"), value_min=_number(params, "value_min"),
        value_max=_number(params, "value_max"), coverage_min=_share(params, "coverage_min"),
        coverage_below=_share(params, "coverage_below"))
    if out.session:
        parse_session(out.session)  # a bad session is reported now, by name
    return out


def to_query(p: SearchParams, limit: int) -> Query:
    """The library query of these parameters, from the first hit of the page (``session`` and ``body``
    both set the congress)."""
    congress = parse_session(p.session) if p.session else {}
    if p.body:
        congress["congress_body"] = p.body
    return Query(text=p.q, record=p.records, year_from=p.year_from, year_to=p.year_to, issuer=p.issuer or None,
                 grade=p.grade or None, kind=p.kind or None, item_type=p.item_type or None,
                 indicator=p.indicator or None, value_min=p.value_min, value_max=p.value_max,
                 coverage_min=p.coverage_min, coverage_below=p.coverage_below, limit=limit,
                 offset=p.offset, **congress)
