"""SQLite: past RANK_ALL matches, bm25 ranks a bounded candidate set, records holding most concepts first."""
from __future__ import annotations

import pytest
from backends import letter

from govdoc.index import sqlite as sqlite_backend
from govdoc.index.base import Query

TERM = "垃圾分类"
LETTERS = [letter(f"letters/body-{i}.txt", title="关于城市管理的答复", outline=[f"推进{TERM}工作"]) for i in range(4)] + [
    letter("letters/measure.txt", title="关于乡村环境的答复", measures=[("推进工作", f"开展{TERM}试点。")]),
    letter("letters/title.txt", title=f"关于{TERM}的答复", grade="A"),
    letter("letters/other.txt", title="关于农村公路的答复"),
]


@pytest.fixture
def index(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite_backend, "RANK_ALL", 2)
    monkeypatch.setattr(sqlite_backend, "CANDIDATES", 3)
    backend = sqlite_backend.SqliteBackend(tmp_path)
    backend.index(LETTERS)
    yield backend
    backend.close()


@pytest.mark.parametrize("query, total, first", [
    (Query(TERM, limit=1), 6, ["letters/title.txt"]),
    (Query(TERM, grade="A"), 1, ["letters/title.txt"]),
])
def test_bounded_ranking_keeps_total_and_best_tiers(index, query, total, first):
    result = index.search(query)
    assert result["total"] == total
    assert [h["source_path"] for h in result["hits"]] == first


def test_bounded_ranking_takes_records_holding_every_concept_first(index):
    result = index.search(Query(f"{TERM} 城市", limit=4))
    assert result["total"] == 6
    assert {h["source_path"] for h in result["hits"]} == {f"letters/body-{i}.txt" for i in range(4)}


def test_bounded_ranking_fills_a_page_past_the_candidates(index):
    result = index.search(Query(TERM, limit=5))
    assert len(result["hits"]) == 5
    assert sum(result["facets"]["kind"].values()) == 6


def test_bounded_ranking_keeps_the_named_agencys_letters(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite_backend, "RANK_ALL", 2)
    monkeypatch.setattr(sqlite_backend, "CANDIDATES", 3)
    issued = letter("letters/issued.txt", title="关于环保局工作的答复", issuer="许昌市生态环境局")
    others = [letter(f"letters/other-{i}.txt", title="关于环保局工作的答复", issuer="许昌市教育局") for i in range(5)]
    backend = sqlite_backend.SqliteBackend(tmp_path)
    backend.index([issued, *others])  # indexed first: the oldest, yet its agency is the one named
    try:
        assert [h["source_path"] for h in backend.search(Query("环保局", limit=1))["hits"]] == ["letters/issued.txt"]
    finally:
        backend.close()
