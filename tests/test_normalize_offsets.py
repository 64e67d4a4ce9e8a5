"""Page offsets point at each page's first character after every edit; the match text keeps
the length and folds width and script."""
from __future__ import annotations

import pytest

from govdoc.normalize import NormText, normalize
from govdoc.read.base import Page

PAGES = [
    ("许昌市生态环境局文件\n— 1 —", "许昌市生态环境局文件"),
    ("\n\n张永波代表：\n第2页", "张永波代表："),
    ("", None),  # an empty page
    ("第 4 页\n感谢您的关心。", "感谢您的关心。"),
]


@pytest.mark.parametrize("layout", [False, True])
def test_normalize_page_starts_point_at_first_char(layout):
    norm = normalize([Page(i + 1, raw, layout=layout) for i, (raw, _) in enumerate(PAGES)])
    assert norm.page_numbers == [1, 2, 3, 4]
    for start, (_, first_line) in zip(norm.page_starts, PAGES):
        if first_line is not None:
            assert norm.text[start:].startswith(first_line)
    assert norm.page_starts == sorted(norm.page_starts)
    assert norm.page_starts[2] == norm.page_starts[3]  # the empty page starts where page 4 does
    assert norm.page_of(norm.text.index("感谢")) == 4


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("ＰＭ１０平均浓度８５微克", "PM10平均浓度85微克"),
        ("许环〔２０１９〕４号", "许环〔2019〕4号"),
        ("电话：０３７４－６０６９５００", "电话:0374-6069500"),
        ("羅瑞等代表：你們提出的建議收悉", "罗瑞等代表:你们提出的建议收悉"),
        ("縣人大常委會第１２號建議", "县人大常委会第12号建议"),
        ("﹐﹔﹕﹙一﹚", ",;:(一)"),
    ],
)
def test_normalize_match_folds_width_and_script(text, match):
    norm = normalize([Page(1, text)])
    assert norm.text == text  # the original is kept for display and values
    assert norm.match == match
    assert len(norm.match) == len(norm.text)


def test_normalize_span_and_slice_use_final_offsets():
    first = "对工艺技术先进、实现超低排放的企业豁免错峰生产。并结合产业结构"
    norm = normalize([Page(1, first), Page(2, "构、工业布局和污染物排放构成实际，统筹把握。")])
    start = norm.text.index("产业结构")
    end = norm.text.index("工业布局") + 4
    assert norm.slice(start, end) == "产业结构、工业布局"
    assert norm.span_dict(norm.page_starts[1], end)["page"] == 2


def test_normalize_empty_input():
    norm = normalize([])
    assert isinstance(norm, NormText) and norm.text == "" and norm.page_starts == [0]
