"""Spans point at the text they claim: asks into the suggestion part, evidence and signals into
the reply part, for every corpus pair and for a page holding both parts."""
from __future__ import annotations

from pathlib import Path

import pytest

from govdoc.compare.analyze import compare_parts, load_pair
from govdoc.compare.cues import default_cues
from govdoc.compare.link import link_score
from govdoc.compare.parts import page_parts, pick

PAIRS = Path(__file__).resolve().parents[1] / "corpora" / "compare"
# every pair of every compare set: the development set and the ones written blind
PAIR_FILES = sorted(PAIRS.parent.glob("compare*/*.compare.json"))
RECORD_PAGE = ("建议标题:关于修建村道的建议\n建议内容(摘要):群众出行困难,建议硬化张村至李村道路。\n承办单位:县交通运输局\n"
               "办理复文(摘要):张村至李村道路已于2020年7月开工建设,预计年底前完工。\n办理结果:A类\n")


def assert_spans(suggestion, reply, comparison):
    for ask in comparison.suggestion.asks:
        assert suggestion.norm.slice(ask.span.start, ask.span.end) == ask.text
        for quote in ask.evidence:
            assert reply.norm.slice(quote.span.start, quote.span.end) == quote.text
        for signal in ask.signals:
            assert reply.norm.text[signal.span.start:signal.span.end] == signal.text


@pytest.mark.parametrize("gold", PAIR_FILES, ids=[f"{p.parent.name}/{p.name.split('.')[0]}" for p in PAIR_FILES])
def test_compare_spans_corpus_pairs(gold):
    cues, pid = default_cues(), gold.name.split(".")[0]
    suggestion, reply = load_pair(gold.with_name(f"{pid}.suggestion.txt"), gold.with_name(f"{pid}.reply.txt"), cues)
    assert_spans(suggestion, reply, compare_parts(suggestion, reply, link_score(suggestion, reply, cues), cues))


@pytest.mark.parametrize("page", [RECORD_PAGE])
def test_compare_spans_one_page_parts(tmp_path, page):
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    cues = default_cues()
    parts = page_parts(path, cues)
    suggestion, reply = pick(parts, "suggestion", path), pick(parts, "reply", path)
    comparison = compare_parts(suggestion, reply, link_score(suggestion, reply, cues), cues)
    assert [a.response for a in comparison.suggestion.asks] == ["concrete"]
    assert "办理复文" not in suggestion.norm.text and "建议内容" not in reply.norm.text
    assert_spans(suggestion, reply, comparison)
