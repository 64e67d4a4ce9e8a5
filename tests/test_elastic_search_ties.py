"""Hits that tie on score are cut by id, on both backends."""
from __future__ import annotations

import pytest
from backends import BACKEND_PARAMS, indexed_test_backend, letter

from govdoc.index.base import Query, letter_id
from govdoc.index.elastic_query import search_body
from govdoc.index.plan import plan_query


@pytest.mark.parametrize("text, sort", [
    ("错峰生产", [{"_score": "desc"}, {"id": "asc"}]),
    ("", [{"id": "asc"}]),  # nothing scores
])
def test_hits_come_in_score_then_id_order(text, sort):
    assert search_body(Query(text), plan_query(text))["sort"] == sort


SAME = [letter(f"letters/same-{i}.txt", title="关于实施错峰生产的建议的答复", issuer="许昌市生态环境局", year=2019,
               measures=[("错峰生产", "对重点行业实施错峰生产。")]) for i in range(7)]


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request, tmp_path_factory):
    with indexed_test_backend(request.param, tmp_path_factory.mktemp(f"ties-{request.param}"), SAME) as index:
        yield index


@pytest.mark.parametrize("query", [Query("错峰生产", limit=3), Query("错峰生产", record="measures", limit=2),
                                   Query("错峰生产", limit=7), Query("", limit=4)])
def test_tied_hits_are_cut_by_id(backend, query):
    result = backend.search(query)
    ids = sorted(letter_id(l) for l in SAME)
    if query.record == "measures":
        ids = [f"{i}:m1" for i in ids]
    assert [h["id"] for h in result["hits"]] == ids[:query.limit]
    assert result["total"] == len(SAME)
