"""Page numbers and running headers/footers are dropped; text lines that look alike are kept."""
from __future__ import annotations

import pytest

from govdoc.normalize import normalize
from govdoc.normalize.lines import is_page_number_line
from govdoc.read.base import Page


def lines_of(*pages: str, layout: bool = False) -> list[str]:
    norm = normalize([Page(i + 1, t, layout=layout) for i, t in enumerate(pages)])
    return [line for line in norm.text.split("\n") if line]


@pytest.mark.parametrize(
    "number_line",
    ["— 3 —", "—3—", "-3-", "- 3 -", "－ 3 －", "·3·", "第3页", "第 3 页", "第3页共5页", "第3页/共5页",
     "共5页 第3页", "3/12", "3 / 12", "Page 3", "page 3 of 5", "  — 12 —  "],
)
@pytest.mark.parametrize("layout", [False, True])
def test_normalize_drops_page_number_lines(number_line, layout):
    assert lines_of(f"许昌市生态环境局\n{number_line}\n2019年9月20日", layout=layout) == ["许昌市生态环境局", "2019年9月20日"]


@pytest.mark.parametrize(
    "kept",
    ["第3页内容如下：", "共5页材料已报送。", "3月12日", "第134号建议的答复", "3"],
)
def test_normalize_keeps_lines_that_only_contain_numbers_in_text(kept):
    assert lines_of(f"许昌市生态环境局\n{kept}\n2019年9月20日") == ["许昌市生态环境局", kept, "2019年9月20日"]


def test_normalize_drops_bare_page_numbers_at_layout_page_edges():
    pages = ["许昌市生态环境局\n答复函正文第一页。\n1", "2\n答复函正文第二页。\n2019年9月20日"]
    assert lines_of(*pages, layout=True) == ["许昌市生态环境局", "答复函正文第一页。", "答复函正文第二页。", "2019年9月20日"]


@pytest.mark.parametrize(
    "header",
    ["许昌市生态环境局关于第134号建议的答复", "许昌市人民政府公报 2019年第3期"],
)
def test_normalize_drops_running_headers_of_layout_pages(header):
    pages = [f"{header}\n第{n}页的正文内容。" for n in ("一", "二", "三")]
    assert lines_of(*pages, layout=True) == ["第一页的正文内容。", "第二页的正文内容。", "第三页的正文内容。"]


def test_normalize_drops_running_footers_with_changing_numbers():
    pages = [f"第{n}页的正文内容。\n许昌市生态环境局 第{i}页" for i, n in enumerate("一二三", 1)]
    pages = [p.replace(" 第", " 共3页 第") for p in pages]
    assert lines_of(*pages, layout=True) == ["第一页的正文内容。", "第二页的正文内容。", "第三页的正文内容。"]


def test_normalize_keeps_first_lines_that_do_not_repeat():
    pages = ["许昌市生态环境局文件\n正文一。", "张永波代表：\n正文二。", "感谢您的关心。\n正文三。"]
    assert lines_of(*pages, layout=True) == ["许昌市生态环境局文件", "正文一。", "张永波代表：", "正文二。", "感谢您的关心。", "正文三。"]


def test_normalize_never_empties_a_page_for_a_header():
    pages = ["许昌市生态环境局", "许昌市生态环境局", "许昌市生态环境局"]
    assert lines_of(*pages, layout=True) == pages


@pytest.mark.parametrize("line,expected", [
    ("— 3 —", True), ("第3页", True), ("共5页 第3页", True), ("3/12", True), ("Page 3", True),
    ("\u0663/\u0664", True),   # any decimal digits, as the pattern's \d
    ("", False), ("3月12日", False), ("第3页内容如下：", False), ("许昌市", False),
])
def test_is_page_number_line(line, expected):
    assert is_page_number_line(line) is expected
