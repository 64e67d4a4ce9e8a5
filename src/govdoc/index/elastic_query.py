"""A query plan and filters → one Elasticsearch search body, matching what the SQLite backend does.

Matching: every plan group must occur, as one of its alternative phrases, in one ``*_bg`` field
(``match_phrase`` on whitespace-analyzed bigram tokens, like an FTS5 phrase in one column).
Scoring: BM25 over the same fields with the same weights as SQLite's bm25 — group phrases on the
bigram fields, and each group's terms as whole jieba tokens on the word fields (a word hit implies
the bigram hit, so this adds to the score without changing what matches), summed over fields.
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
from govdoc.index.base import BIGRAM_WEIGHT, FIELD_WEIGHTS, TEXT_FIELDS, Query
from govdoc.index.fts5_query import term_of
from govdoc.search.plan import Phrase, Plan

MAX_HITS = 10_000  # index.max_result_window in the template
BIGRAM_FIELDS = tuple(f"{name}_bg^{FIELD_WEIGHTS[name] * BIGRAM_WEIGHT:g}" for name in TEXT_FIELDS)
WORD_FIELDS = tuple(f"{name}_w^{FIELD_WEIGHTS[name]:g}" for name in TEXT_FIELDS)
EXACT_FILTERS = ("grade", "congress_body", "congress_level", "congress_term", "congress_session",
                 "item_type", "kind", "letter_id")
RANGES = (("year", "gte", "year_from"), ("year", "lte", "year_to"),
          ("value", "gte", "value_min"), ("value", "lte", "value_max"))


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
    for field, op, attr in RANGES:
        value = getattr(query, attr)
        if value is not None:
            out.append({"range": {field: {op: value}}})
    if query.issuer:
        norm = issuer_keys(query.issuer)[0]
        out.append({"bool": {"should": [{"term": {"issuer_norm": norm}}, {"term": {"issuer_unit": norm}}],
                             "minimum_should_match": 1}})
    return out


# What a hit needs from ``_source`` (see govdoc.search.hits.make_hit), and what of the response.
HIT_SOURCE = ["id", "record", "letter_id", "title", "year", "issuer", "grade", "source_path", "text"]
FILTER_PATH = ["hits.total.value", "hits.hits._id", "hits.hits._score", "hits.hits._source"]


def search_body(query: Query, plan: Plan, title_plan: Optional[Plan] = None) -> dict:
    """Keyword arguments for ``Elasticsearch.search``: query, order (score, then id), size, exact totals."""
    must = [_group(g, BIGRAM_FIELDS, True) for g in plan.groups]
    if title_plan is not None:
        must += [_group(g, ("title_bg",), False) for g in title_plan.groups]
    boolean: dict = {"filter": filters(query)}
    if must:
        boolean["must"] = must
    body = {"query": {"bool": boolean}, "size": max(0, min(query.limit, MAX_HITS)), "track_total_hits": True,
            "_source": HIT_SOURCE, "filter_path": FILTER_PATH}
    if not must:  # nothing scores: id order alone
        return {**body, "sort": [{"id": "asc"}]}
    return {**body, "sort": [{"_score": "desc"}, {"id": "asc"}], "track_scores": True}
