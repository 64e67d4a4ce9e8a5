"""Query → Elasticsearch search body (no server needed): filters, phrases, and user text kept as data."""
from __future__ import annotations

import json

import pytest

from govdoc.index.base import CONCEPT_SCORE, ISSUER_SCORE, Query
from govdoc.index.elastic_query import search_body
from govdoc.index.plan import plan_query


def body_for(query: Query) -> dict:
    return search_body(query, plan_query(query.text), plan_query(query.indicator) if query.indicator else None)


@pytest.mark.parametrize("query, clause", [
    (Query(grade="A"), {"term": {"grade": "A"}}),
    (Query(year_from=2017), {"range": {"year": {"gte": 2017}}}),
    (Query(year_to=2021), {"range": {"year": {"lte": 2021}}}),
    (Query(record="metrics", value_max=60), {"range": {"value": {"lte": 60}}}),
    (Query(coverage_below=0.5), {"range": {"coverage": {"lt": 0.5}}}),
    (Query(coverage_min=0.25), {"range": {"coverage": {"gte": 0.25}}}),
    (Query(congress_body="政协", congress_term=7), {"term": {"congress_term": 7}}),
    (Query(record="measures"), {"term": {"record": "measures"}}),
    (Query(issuer="许昌市环保局"), {"bool": {"should": [{"term": {"issuer_norm": "许昌市生态环境局"}},
                                                    {"term": {"issuer_unit": "许昌市生态环境局"}}],
                                         "minimum_should_match": 1}}),
])
def test_filters_are_exact_clauses(query, clause):
    assert clause in body_for(query)["query"]["bool"]["filter"]


@pytest.mark.parametrize("text", ["", "   ", "*"])
def test_no_terms_means_filters_only_and_score_zero(text):
    assert set(body_for(Query(text))["query"]["bool"]) == {"filter"}


@pytest.mark.parametrize("text", ["错峰生产", "一窗受理", "PM2.5 平均浓度", "環保局 學校", "许昌 错峰 生产 措施"])
def test_concepts_are_should_clauses_with_the_plan_threshold(text):
    plan = plan_query(text)
    (concepts,) = body_for(Query(text))["query"]["bool"]["must"]
    assert concepts["bool"]["minimum_should_match"] == plan.min_match
    assert len(concepts["bool"]["should"]) == len(plan.groups) > 0
    for held in concepts["bool"]["should"]:
        assert held["function_score"]["functions"] == [{"weight": CONCEPT_SCORE}]
        group = held["function_score"]["query"]
        clauses = [c["multi_match"] for c in group["bool"]["should"]]
        phrases = [c for c in clauses if c["type"] == "phrase"]
        words = [c for c in clauses if c["type"] != "phrase"]
        assert len(phrases) == len(words) > 0  # each alternative: a bigram phrase, and its whole word
        assert all(f.split("^")[0].endswith("_bg") for c in phrases for f in c["fields"])
        assert all(f.split("^")[0].endswith("_w") for c in words for f in c["fields"])


def test_query_runs_add_phrase_boosts():
    should = body_for(Query("校园食堂安全"))["query"]["bool"]["should"]
    assert sum("multi_match" in c for c in should) == len(plan_query("校园食堂安全").phrases) == 3


def test_an_agency_in_the_query_boosts_its_letters():
    should = body_for(Query("环保局 大气"))["query"]["bool"]["should"]
    assert {"constant_score": {"filter": {"terms": {"issuer_unit": ["生态环境局"]}}, "boost": ISSUER_SCORE}} in should


def test_indicator_must_match_in_the_title_only():
    must = body_for(Query(record="metrics", indicator="PM2.5"))["query"]["bool"]["must"]
    fields = [p["multi_match"]["fields"] for g in must for p in g["bool"]["should"]]
    assert fields and all(f == ["title_bg"] for f in fields)


def test_facets_and_pages():
    body = body_for(Query("错峰生产", limit=10, offset=20))
    assert (body["from"], body["size"]) == (20, 10)
    assert set(body["aggs"]) == {"year", "issuer", "grade", "kind", "coverage"}


def keys(node) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for v in node.values() for k in keys(v)}
    if isinstance(node, list):
        return {k for v in node for k in keys(v)}
    return set()


@pytest.mark.parametrize("text", ['"', "AND", "OR NOT", "a:b", "\\", "\x00", "𠀀", "title_bg:x", "*:*", "生产 -错峰"])
def test_user_text_never_becomes_query_syntax(text):
    body = body_for(Query(text, limit=20_000))
    json.dumps(body)
    assert keys(body) & {"query_string", "simple_query_string", "regexp", "wildcard", "script"} == set()
    assert body["size"] == 10_000
