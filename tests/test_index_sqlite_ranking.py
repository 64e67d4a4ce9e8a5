"""SQLite: past RANK_ALL matches, bm25 ranks a bounded candidate set, best tiers first."""
from __future__ import annotations

import pytest
from backends import letter

from govdoc.index import sqlite as sqlite_backend
from govdoc.index.base import Query

TERM = "垃圾分类"
LETTERS = [letter(f"letters/body-{i}.txt", title="关于城市管理的答复", outline=[f"推进{TERM}工作"]) for i in range(4)] + [
    letter("letters/measure.txt", title="关于城市环境的答复", measures=[("推进工作", f"开展{TERM}试点。")]),
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
    (Query(TERM), 6, ["letters/title.txt", "letters/measure.txt"]),
    (Query(TERM, grade="A"), 1, ["letters/title.txt"]),
    (Query(TERM, limit=1), 6, ["letters/title.txt"]),
    (Query(f"{TERM} 城市"), 5, ["letters/measure.txt"]),
])
def test_bounded_ranking_keeps_total_and_best_tiers(index, query, total, first):
    result = index.search(query)
    assert result["total"] == total
    assert [h["source_path"] for h in result["hits"]][:len(first)] == first
    assert len(result["hits"]) == min(query.limit, 3, total)
