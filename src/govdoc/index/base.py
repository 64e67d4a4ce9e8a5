"""The index interface both backends implement, and how a letter id is made.

Contract (both backends, same behaviour, same shared test-suite ``tests/test_search_backends.py``):

- ``letter_id(reply)`` is stable: the first 16 hex digits of the source's sha256, so
  re-indexing the same letter replaces it and never duplicates it.
- A letter is indexed as one ``letters`` record plus one ``measures`` record per measure
  (id ``<letter_id>:m<i>``) and one ``metrics`` record per metric (id ``<letter_id>:k<i>``).
  :func:`govdoc.index.records.records_for` builds them; a backend stores each record's
  :data:`STORED_FIELDS` as they are and indexes :func:`govdoc.index.records.analyzed_fields`
  (whitespace-joined, already analyzed tokens) with a whitespace tokenizer.
- Re-indexing a letter first removes every record of that letter id (its measure count may change).
- Text search goes through :func:`govdoc.index.plan.plan_query`, which splits the query into
  *concepts* (a word, an agency with all its names, a thesaurus group), each an OR over alternative
  phrases of bigram tokens.  A concept matches a record when one of its phrases occurs in a ``*_bg``
  field or its whole word in a ``*_w`` field.  A record matches when it holds at least
  ``plan.min_match`` concepts (OR semantics with a coordination threshold).  ``plan_query(
  Query.indicator)``'s concepts are all required, in ``title_bg`` only.  An empty plan matches all.
- Ranking: records holding more concepts come first (each concept held adds :data:`CONCEPT_SCORE`
  to the score); within that, records whose ``issuer_unit`` is an agency the query names
  (``plan.agencies``; :data:`ISSUER_SCORE`); within that, BM25 over the fields with :data:`FIELD_WEIGHTS` (bigram fields
  weighted by :data:`BIGRAM_WEIGHT`), the plan's boost phrases (``plan.phrases``: the query's runs
  as written) adding to it.
- ``total`` counts every match; ``facets`` (:mod:`govdoc.index.facets`) count every match too, not
  just the page; ``offset`` and ``limit`` cut the page.
- Filters are exact or bounds (see :data:`EXACT_FILTERS`, :data:`RANGE_FILTERS`); a record without the
  value fails them (a letter without a comparison fails every coverage bound); ``issuer`` matches when its canonical form equals a record's
  ``issuer_norm`` or ``issuer_unit``  (:func:`govdoc.index.aliases.issuer_keys`).
- Hits are ranked by score (higher is better), ties by id; each hit is made by
  :func:`govdoc.index.hits.make_hit` from the stored record, so both backends print the same hit.
- After ``index()`` returns, ``search()`` sees the new records.
"""
from __future__ import annotations

import operator
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

RECORD_KINDS = ("letters", "measures", "metrics")

# Searchable text fields, each indexed twice: ``<f>_w`` (jieba tokens) and ``<f>_bg`` (bigrams).
TEXT_FIELDS = ("title", "measures", "body")
# Relative weights used in ranking: title > measures > body; bigram fields count half.
FIELD_WEIGHTS = {"title": 3.0, "measures": 2.0, "body": 1.0}
BIGRAM_WEIGHT = 0.5
# Score each concept a record holds adds: more than any BM25 sum, so coordination orders first.
CONCEPT_SCORE = 1000.0
# Score a record of a letter issued by an agency the query names adds: first within its tier.
ISSUER_SCORE = 100.0

# Stored (and filterable) fields of every record; absent values are None.
KEYWORD_FIELDS = ("id", "record", "letter_id", "issuer_norm", "issuer_unit", "grade", "congress_body",
                  "congress_level", "item_type", "kind", "coverage_band")
INT_FIELDS = ("year", "congress_term", "congress_session", "ordinal")
FLOAT_FIELDS = ("value", "coverage")
STORED_FIELDS = KEYWORD_FIELDS + INT_FIELDS + FLOAT_FIELDS + (
    "title", "issuer", "item_number", "indicator", "unit", "source_path", "text", "compare")
# ``text`` is ``{"title": str, "measures": str, "body": str}``: the original (unfolded) text of each
# searchable field, from which snippets are cut.  ``title`` is always the letter's title.
# ``coverage``, ``coverage_band`` and ``compare`` (``{"suggestion_id", "asks": {label: n}, "flags",
# "link_confidence"}``) come from the reply's comparison (:mod:`govdoc.index.findings`), else None.


# The filters of a Query, applied the same way by every backend: fields that must equal the query's
# value, and bounds as (field, query attribute, comparison: ``gte`` / ``lte`` inclusive, ``lt`` strict).
# A record without the value fails them.
EXACT_FILTERS = ("grade", "congress_body", "congress_level", "congress_term", "congress_session", "item_type",
                 "kind", "letter_id")
RANGE_FILTERS = (("year", "year_from", "gte"), ("year", "year_to", "lte"),
                 ("value", "value_min", "gte"), ("value", "value_max", "lte"),
                 ("coverage", "coverage_min", "gte"), ("coverage", "coverage_below", "lt"))
# Each comparison as a Python operator (on numbers and numpy arrays) and in SQL.
COMPARE_OPS = {"gte": operator.ge, "lte": operator.le, "lt": operator.lt}
SQL_OPS = {"gte": ">=", "lte": "<=", "lt": "<"}


def letter_id(reply: dict) -> str:
    return reply["source"]["sha256"][:16]


@dataclass
class IndexResult:
    indexed: int = 0  # letters indexed (each with its measure and metric records)
    errors: list[str] = field(default_factory=list)  # one line each: "<letter id / path>: reason"


@dataclass
class Query:
    text: str = ""
    record: str = "letters"  # letters | measures | metrics
    year_from: Optional[int] = None
    year_to: Optional[int] = None
    issuer: Optional[str] = None  # any name of the agency, with or without place prefix
    grade: Optional[str] = None  # A B C D
    congress_body: Optional[str] = None  # 人大 | 政协
    congress_level: Optional[str] = None
    congress_term: Optional[int] = None
    congress_session: Optional[int] = None
    item_type: Optional[str] = None
    kind: Optional[str] = None
    letter_id: Optional[str] = None
    indicator: Optional[str] = None  # metrics: text the indicator must contain (matched like text)
    value_min: Optional[float] = None  # metrics: inclusive bounds on value
    value_max: Optional[float] = None
    coverage_min: Optional[float] = None  # replies compared with their suggestion: coverage >= this
    coverage_below: Optional[float] = None  # … coverage < this
    limit: int = 10
    offset: int = 0  # hits skipped (pagination)
    exclude_letter: Optional[str] = None  # leave this letter's records out (related letters)
    match_share: Optional[float] = None  # share of the query's concepts a record must hold (plan default)


class IndexBackend(ABC):
    name: str
    # What the user should know about the index as it was opened (e.g. an old index emptied).
    notices: tuple[str, ...] = ()

    @abstractmethod
    def index(self, replies: Iterable[dict]) -> IndexResult:
        """Index parsed letters (``Reply.model_dump(mode='json')`` dicts) in bounded batches."""

    @abstractmethod
    def delete(self, letter_ids: Iterable[str]) -> None:
        """Remove letters and their measure / metric records."""

    @abstractmethod
    def search(self, query: Query) -> dict:
        """``{"total": N, "hits": [{"id", "record", "letter_id", "title", "year", "issuer",
        "grade", "score", "snippet", "source_path"}], "facets": {...}}``"""

    @abstractmethod
    def get(self, record_id: str) -> Optional[dict]:
        """The stored record of that id (see :data:`STORED_FIELDS`), or None."""

    @abstractmethod
    def doc_freqs(self, words: Iterable[str], record: str = "letters") -> tuple[int, dict[str, int]]:
        """``(records of that kind, {word: records holding it as a word token})``: what an IDF needs."""

    @abstractmethod
    def scan(self, query: Query, batch: int = 500) -> Iterator[dict]:
        """Every stored record matching the query (filters and text, ``limit`` and ``offset``
        ignored), in id order, read in batches: what an export writes."""

    @abstractmethod
    def stats(self) -> dict:
        """``{"letters", "measures", "metrics", "by_year", "by_grade", "by_issuer"}``; the ``by_*``
        maps count letters, keys are strings (years too), ``by_issuer`` uses ``issuer_norm``."""

    @abstractmethod
    def clear(self) -> None:
        """Remove every record (tests and ``govdoc index --fresh``)."""

    def close(self) -> None:  # pragma: no cover - optional
        pass

    def bulk_loading(self):
        """A context for one large load (``govdoc index --bulk``): a backend that can load faster
        with settings unsafe for searching during the load sets them and restores them after."""
        from contextlib import nullcontext

        return nullcontext(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
