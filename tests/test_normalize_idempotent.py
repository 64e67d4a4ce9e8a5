"""Normalizing twice equals once (property tests), and offsets stay consistent."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govdoc.normalize import normalize
from govdoc.normalize.pages import pages_of
from govdoc.read.base import Page

# Pieces real letters are made of, so that generated pages hit the join, dedupe, header and
# page-number rules rather than only random characters.
PIECES = [
    "许昌市生态环境局", "关于第134号建议的答复", "张永波代表：", "一、", "（二）", "1.", "抄送：", "2019年9月20日",
    "首先，非常感谢您对统筹生态环境与经济发展的关注，", "对推动我市生态", "环境与经济协调发展。", "产业结构",
    "构、工业布局", "如下", "人", "— 3 —", "第2页", "3", "生 态 环 境", "PM10 平均浓度 85 微克", "  ", "\u3000",
    "\n", "\n\n", "\r\n", "，", "、", "。", "：", "ＰＭ１０", "羅瑞等代表", "\t", "\xa0", "a", "b",
]
page_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=25).map("".join)
page_lists = st.lists(st.tuples(page_text, st.booleans()), min_size=1, max_size=5)


def _pages(items) -> list[Page]:
    return [Page(i + 1, text, layout=layout) for i, (text, layout) in enumerate(items)]


@settings(max_examples=400, deadline=None)
@given(page_lists)
def test_normalize_twice_equals_once_as_one_text(items):
    once = normalize(_pages(items))
    twice = normalize([Page(1, once.text)])
    assert twice.text == once.text


@settings(max_examples=400, deadline=None)
@given(st.lists(page_text, min_size=1, max_size=5))
def test_normalize_twice_equals_once_page_by_page(texts):
    once = normalize([Page(i + 1, t) for i, t in enumerate(texts)])
    twice = normalize(pages_of(once))
    assert (twice.text, twice.page_starts, twice.page_numbers) == (once.text, once.page_starts, once.page_numbers)


@settings(max_examples=400, deadline=None)
@given(page_lists)
def test_normalize_offsets_are_consistent(items):
    norm = normalize(_pages(items))
    assert len(norm.match) == len(norm.text)
    assert len(norm.page_starts) == len(norm.page_numbers) == len(items)
    assert norm.page_starts == sorted(norm.page_starts)
    assert all(0 <= s <= len(norm.text) for s in norm.page_starts)
    for start, nxt in zip(norm.page_starts, norm.page_starts[1:] + [len(norm.text)]):
        chunk = norm.text[start:nxt]
        assert chunk == "" or not chunk[0].isspace()  # a page starts at a character of its own
