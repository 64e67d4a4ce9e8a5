"""The judged query set over the judged corpus: floors on nDCG@10 / recall@10 on every backend, a
margin over a stock BM25-OR engine measured on the same letters, and twins that rank the same."""
from __future__ import annotations

from pathlib import Path

import pytest
from backends import BACKEND_PARAMS, close_test_backend, open_test_backend

from govdoc.eval.baseline import Bm25Baseline
from govdoc.eval.relevance import evaluate, load_judgments, parse_corpus, score_query

ROOT = Path(__file__).resolve().parents[1]
JUDGMENTS = load_judgments(ROOT / "tests" / "relevance" / "queries.json")
# The targets; letters are indexed with their normalized text, as ``govdoc index`` reads it
# from the ``.txt`` sidecar beside each JSON.
NDCG_FLOOR = 0.85
RECALL_FLOOR = 0.85
MARGIN_OVER_BASELINE = 0.05
TWINS = [(j.twin, j.id) for j in JUDGMENTS if j.twin]


@pytest.fixture(scope="session")
def corpus():
    return parse_corpus(ROOT / "corpora")


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def corpus_index(request, corpus, tmp_path_factory):
    index = open_test_backend(request.param, tmp_path_factory.mktemp(f"relevance-{request.param}"))
    index.index(corpus[0])
    yield index
    close_test_backend(index)


def test_judged_set_is_large_enough(corpus):
    assert len(JUDGMENTS) >= 60
    assert len(corpus[0]) >= 150
    assert all(j.relevant for j in JUDGMENTS)
    assert {stem for j in JUDGMENTS for stem in j.relevant} <= set(corpus[1].values())


def test_relevance_floor(corpus_index, corpus):
    result = evaluate(corpus_index, JUDGMENTS, corpus[1])
    assert result["ndcg"] >= NDCG_FLOOR, result
    assert result["recall"] >= RECALL_FLOOR, result


def test_relevance_beats_a_stock_bm25_engine(corpus_index, corpus):
    ours = evaluate(corpus_index, JUDGMENTS, corpus[1])
    stock = evaluate(Bm25Baseline(corpus[0]), JUDGMENTS, corpus[1])
    assert ours["ndcg"] >= stock["ndcg"] + MARGIN_OVER_BASELINE, (ours["ndcg"], stock["ndcg"])
    assert ours["recall"] >= stock["recall"], (ours["recall"], stock["recall"])


@pytest.mark.parametrize("first, second", TWINS)
def test_simplified_and_traditional_queries_rank_the_same(corpus_index, corpus, first, second):
    by_id = {j.id: j for j in JUDGMENTS}
    a, b = (score_query(corpus_index, by_id[q], corpus[1]) for q in (first, second))
    assert a.ranked and a.ranked == b.ranked


@pytest.mark.parametrize("query_id", ["q05", "q07", "q12", "q14", "q15"])
def test_old_or_other_agency_name_finds_the_letter(corpus_index, corpus, query_id):
    judged = next(j for j in JUDGMENTS if j.id == query_id)
    scored = score_query(corpus_index, judged, corpus[1])
    assert scored.ranked and scored.ranked[0] in judged.relevant
