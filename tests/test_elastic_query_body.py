"""Query → Elasticsearch search body (no server needed): filters, phrases, and user text kept as data."""
from __future__ import annotations

import json

import pytest

from govdoc.index.base import Query
from govdoc.index.elastic_query import search_body
from govdoc.search.plan import plan_query


def body_for(query: Query) -> dict:
    return search_body(query, plan_query(query.text), plan_query(query.indicator) if query.indicator else None)


@pytest.mark.parametrize("query, clause", [
    (Query(grade="A"), {"term": {"grade": "A"}}),
    (Query(year_from=2017), {"range": {"year": {"gte": 2017}}}),
    (Query(year_to=2021), {"range": {"year": {"lte": 2021}}}),
    (Query(record="metrics", value_max=60), {"range": {"value": {"lte": 60}}}),
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


@pytest.mark.parametrize("text", ["错峰生产", "一窗受理", "PM2.5 平均浓度", "環保局 學校"])
def test_every_plan_group_is_a_required_phrase_on_bigram_fields(text):
    must = body_for(Query(text))["query"]["bool"]["must"]
    assert len(must) == len(plan_query(text).groups) > 0
    for group in must:
        clauses = [c["multi_match"] for c in group["bool"]["should"]]
        phrases = [c for c in clauses if c["type"] == "phrase"]
        words = [c for c in clauses if c["type"] != "phrase"]
        assert len(phrases) == len(words) > 0  # each alternative: a bigram phrase, and its whole word
        assert all(f.split("^")[0].endswith("_bg") for c in phrases for f in c["fields"])
        assert all(f.split("^")[0].endswith("_w") for c in words for f in c["fields"])


def test_indicator_must_match_in_the_title_only():
    must = body_for(Query(record="metrics", indicator="PM2.5"))["query"]["bool"]["must"]
    assert [p["multi_match"]["fields"] for g in must for p in g["bool"]["should"]] == [["title_bg"]]


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
