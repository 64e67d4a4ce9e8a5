"""A query plan and filters → one Elasticsearch search body, matching what the SQLite backend does.

Matching: a concept of the plan occurs when one of its alternative phrases is in a ``*_bg`` field
(``match_phrase`` on whitespace-analyzed bigram tokens, like an FTS5 phrase in one column) or its
whole word in a ``*_w`` field; ``bool.should`` over the concepts with ``minimum_should_match`` =
``plan.min_match``, as SQLite counts them.
Scoring: each concept held adds :data:`CONCEPT_SCORE` (a ``function_score`` around the concept, so it
is evaluated once; coordination first, as SQLite orders), then BM25 over the same fields with the same weights as SQLite's bm25, and the
plan's boost phrases on the bigram fields.
Filters are exact ``term`` / ``range`` clauses and never score.  User text only ever reaches
Elasticsearch as the text of a match query, never as query syntax.

Order: score, then id, like SQLite.  (Asking in plain score order for one extra hit, and sorting
again only when a tie crossed the cut, was tried: on the synthetic benchmark letters, whose texts
repeat, ties crossed the cut in 44% of the queries and the two-request path was slower overall.)
Only the ``_source`` fields a hit needs come back, and only the parts of the response govdoc reads.
"""
from __future__ import annotations

from typing import Optional

from govdoc.index.aliases import issuer_keys
from govdoc.index.base import (BIGRAM_WEIGHT, CONCEPT_SCORE, EXACT_FILTERS, FIELD_WEIGHTS, ISSUER_SCORE, RANGE_FILTERS,
                               TEXT_FIELDS, Query)
from govdoc.index.facets import FACET_SIZE, FACETS
from govdoc.index.fts5_query import term_of
from govdoc.index.plan import Phrase, Plan

MAX_HITS = 10_000  # index.max_result_window in the template
BIGRAM_FIELDS = tuple(f"{name}_bg^{FIELD_WEIGHTS[name] * BIGRAM_WEIGHT:g}" for name in TEXT_FIELDS)
WORD_FIELDS = tuple(f"{name}_w^{FIELD_WEIGHTS[name]:g}" for name in TEXT_FIELDS)


def _phrase(tokens: Phrase, fields: tuple[str, ...]) -> dict:
    return {"multi_match": {"query": " ".join(tokens), "type": "phrase", "fields": list(fields),
                            "tie_breaker": 1.0}}


def _word(term: str) -> dict:
    return {"multi_match": {"query": term, "type": "most_fields", "fields": list(WORD_FIELDS)}}


def _group(alternatives: tuple[Phrase, ...], fields: tuple[str, ...], with_words: bool) -> dict:
    should = [_phrase(p, fields) for p in alternatives]
    if with_words:
        should += [_word(term_of(p)) for p in alternatives]
    return {"bool": {"should": should, "minimum_should_match": 1}}


def filters(query: Query) -> list[dict]:
    out: list[dict] = [{"term": {"record": query.record}}]
    for name in EXACT_FILTERS:
        value = getattr(query, name)
        if value is not None:
            out.append({"term": {name: value}})
    for field, attr, op in RANGE_FILTERS:
        value = getattr(query, attr)
        if value is not None:
            out.append({"range": {field: {op: value}}})
    if query.issuer:
        norm = issuer_keys(query.issuer)[0]
        out.append({"bool": {"should": [{"term": {"issuer_norm": norm}}, {"term": {"issuer_unit": norm}}],
                             "minimum_should_match": 1}})
    return out


# What a hit needs from ``_source`` (see govdoc.index.hits.make_hit), and what of the response.
HIT_SOURCE = ["id", "record", "letter_id", "title", "year", "issuer", "grade", "source_path", "text", "coverage"]
FILTER_PATH = ["hits.total.value", "hits.hits._id", "hits.hits._score", "hits.hits._source", "aggregations"]
YEAR_BUCKETS = 500


def facet_aggs() -> dict:
    """Terms aggregations of every facet (:mod:`govdoc.index.facets`), most frequent first."""
    return {name: {"terms": {"field": field, "size": YEAR_BUCKETS if name == "year" else FACET_SIZE,
                             "order": [{"_count": "desc"}, {"_key": "asc"}]}}
            for name, field in FACETS.items()}


def _held(concept: dict) -> dict:
    """A concept that adds :data:`CONCEPT_SCORE` to its BM25 score where it matches (evaluated once)."""
    return {"function_score": {"query": concept, "functions": [{"weight": CONCEPT_SCORE}], "boost_mode": "sum"}}


def text_query(query: Query, plan: Plan, title_plan: Optional[Plan] = None) -> dict:
    """The bool query: filters, the concepts with their coordination threshold, each adding a constant
    where it matches (records holding more concepts rank first), boost phrases, the named agencies."""
    boolean: dict = {"filter": filters(query)}
    if query.exclude_letter is not None:
        boolean["must_not"] = [{"term": {"letter_id": query.exclude_letter}}]
    concepts = [_held(_group(g, BIGRAM_FIELDS, True)) for g in plan.groups]
    must = [{"bool": {"should": concepts, "minimum_should_match": plan.min_match}}] if concepts else []
    if title_plan is not None:
        must += [_group(g, ("title_bg",), False) for g in title_plan.groups]
    if must:
        boolean["must"] = must
    should = [_phrase(p, BIGRAM_FIELDS) for p in plan.phrases]
    if plan.agencies:
        should.append({"constant_score": {"filter": {"terms": {"issuer_unit": list(plan.agencies)}},
                                          "boost": ISSUER_SCORE}})
    if should:
        boolean["should"] = should
    return {"bool": boolean}


def search_body(query: Query, plan: Plan, title_plan: Optional[Plan] = None) -> dict:
    """Keyword arguments for ``Elasticsearch.search``: query, order (score, then id), page, exact
    totals, facets.  A scored search asks for ``dfs_query_then_fetch``: a kind's records sit in one
    index per year, and BM25 then uses the term statistics of all of them, as in one index."""
    boolean = text_query(query, plan, title_plan)
    start = max(0, min(query.offset, MAX_HITS))
    body = {"query": boolean, "from": start, "size": max(0, min(query.limit, MAX_HITS - start)),
            "track_total_hits": True, "_source": HIT_SOURCE, "filter_path": FILTER_PATH, "aggs": facet_aggs()}
    if "must" not in boolean["bool"]:  # nothing scores: id order alone
        return {**body, "sort": [{"id": "asc"}]}
    return {**body, "sort": [{"_score": "desc"}, {"id": "asc"}], "track_scores": True,
            "search_type": "dfs_query_then_fetch"}
