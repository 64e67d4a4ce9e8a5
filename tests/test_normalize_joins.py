"""Joining lines broken by layout and page breaks — and refusing to join lines that stand alone."""
from __future__ import annotations

import pytest

from govdoc.normalize import normalize
from govdoc.read.base import Page

BODY = "首先，非常感谢您对统筹生态环境与经济发展的关注，并提出了精准监管和为企业服务等针对性的建议，对推动我市生态"


def text_of(*pages: str, layout: bool = False) -> str:
    return normalize([Page(i + 1, t, layout=layout) for i, t in enumerate(pages)]).text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a page break inside a sentence (blank lines between, as text pulled from a PDF)
        (BODY + "\n\n环境与经济协调发展工作具有很好的指导意义。", BODY + "环境与经济协调发展工作具有很好的指导意义。"),
        # a line ending in a pause mark continues
        ("先将其纳入环境管理框架内，再按照规定的整改要求、\n\n时限等，督促企业限期整改到位。",
         "先将其纳入环境管理框架内，再按照规定的整改要求、时限等，督促企业限期整改到位。"),
        # a cc list broken after an enumeration comma
        ("抄送：市人大选工委、\n市政府督查室", "抄送：市人大选工委、市政府督查室"),
        # a character repeated across the break, the double not being a word: dropped
        ("对工艺技术先进、实现超低排放的企业豁免错峰生产。并结合产业结构\n\n构、工业布局和污染物排放构成实际，统筹把握。",
         "对工艺技术先进、实现超低排放的企业豁免错峰生产。并结合产业结构、工业布局和污染物排放构成实际，统筹把握。"),
    ],
)
def test_normalize_joins_broken_sentences(raw, expected):
    assert text_of(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # the repeated character starts a word of its own (结构 + 构成): both kept
        ("对工艺技术先进、实现超低排放的企业，豁免错峰生产，完善了产业结构\n构成实际的统筹安排。",
         "对工艺技术先进、实现超低排放的企业，豁免错峰生产，完善了产业结构构成实际的统筹安排。"),
        # a reduplicated word across the break (人人): both kept
        ("下一步，我们将持续改善生态环境质量，推动形成绿色生产生活方式，让人\n人都能享受到蓝天碧水。",
         "下一步，我们将持续改善生态环境质量，推动形成绿色生产生活方式，让人人都能享受到蓝天碧水。"),
    ],
)
def test_normalize_joins_keep_real_repeats(raw, expected):
    assert text_of(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        # title block
        "对市七届人大四次会议\n\n第134号建议的答复",
        # salutation, then body
        "张永波代表：\n\n您提出的关于“统筹生态环境与经济协调发展”的建议收悉，现答复如下：",
        # a body line ending with a colon or a full stop
        "您提出的关于“统筹生态环境与经济协调发展”的建议收悉，现答复如下：\n\n首先，非常感谢您的关注。",
        # headings and list items after an open line
        BODY + "\n\n一、我市开展污染防治攻坚战取得的成效",
        BODY + "\n\n（一）简政放权。我局分别于2016年下放审批权限。",
        BODY + "\n\n(二) 实行一窗受理。",
        BODY + "\n\n1. 加强宣传引导。",
        BODY + "\n\n第三条 本办法自印发之日起施行。",
        BODY + "\n\n一是加强监管，二是优化服务。",
        # labelled metadata lines
        BODY + "\n\n抄送：市人大选工委、市政府督查室",
        "抄送：市人大选工委、市政府督查室、襄城县人大、襄城县人民政府，各县区\n\n许昌市生态环境局办公室",
        # signature block and date after an open body line: short lines without punctuation
        BODY + "\n\n许昌市生态环境局\n\n2019年9月20日",
        # a clause closed by 如下 without its colon
        "街道高度重视,经研究,现将会办意见函告如下\n目前,街道尚未实施综合改造的剩余10个老旧小区。",
        # a URL or Latin line is no body line, whatever its punctuation
        "# source: https://www.example.gov.cn/pc/news_view.asp?id=5086\n在市人大七届一次会议上,代表提出建议,现答复如下:",
        # a short line never continues, even without punctuation
        "许昌市生态环境局\n2019年9月20日印发",
        # a menu bar or a table row (cells between | marks) never continues a sentence
        "南昌市青山湖区人民政府 欢迎您!  今天是:2023年8月21日 星期一\n首页 | 政务公开 | 政务服务 | 互动交流 | 走进青山湖区",
        BODY + "\n| 发布机构 | 青山湖区教育体育局 | 成文日期 | 2023-08-18 |",
    ],
)
def test_normalize_joins_keep_lines_that_stand_alone(raw):
    lines = [line for line in raw.split("\n") if line]
    assert [line for line in text_of(raw).split("\n") if line] == lines


def test_normalize_joins_across_pages_and_points_page_start_at_its_first_char():
    norm = normalize([Page(1, BODY), Page(2, "环境与经济协调发展工作具有很好的指导意义。")])
    assert norm.text == BODY + "环境与经济协调发展工作具有很好的指导意义。"
    assert norm.page_starts == [0, len(BODY)]
    assert norm.text[norm.page_starts[1]:].startswith("环境与经济")


def test_normalize_joins_dedupe_across_pages_points_page_start_after_dropped_char():
    first = "对工艺技术先进、实现超低排放的企业豁免错峰生产。并结合产业结构"
    norm = normalize([Page(1, first), Page(2, "构、工业布局和污染物排放构成实际，统筹把握。")])
    assert norm.text == first + "、工业布局和污染物排放构成实际，统筹把握。"
    assert norm.page_starts[1] == len(first)
    assert norm.page_of(len(first)) == 2 and norm.page_of(len(first) - 1) == 1


LAYOUT_PAGE = """许昌市生态环境局
关于第134号建议的答复
张永波代表：
您提出的关于统筹生态环境与经济协调发展的建议收悉现答复
如下：首先非常感谢您对统筹生态环境与经济发展的关注我们对
您的提案进行了认真的学习研究和讨论。
一、我市开展污染防治攻坚战取得的成效以及下一步的工作安排
自2016年开始按照省委省政府的统一安排部署许昌市连续开展"""


def test_normalize_joins_full_layout_lines():
    lines = text_of(LAYOUT_PAGE, layout=True).split("\n")
    assert lines == [
        "许昌市生态环境局",
        "关于第134号建议的答复",
        "张永波代表：",
        "您提出的关于统筹生态环境与经济协调发展的建议收悉现答复如下：首先非常感谢您对统筹生态环境与经济发展的关注我们对您的提案进行了认真的学习研究和讨论。",
        "一、我市开展污染防治攻坚战取得的成效以及下一步的工作安排自2016年开始按照省委省政府的统一安排部署许昌市连续开展",
    ]


@pytest.mark.parametrize(
    ("a", "b", "joined", "column"),
    [
        ("this letter is written in", "English", "this letter is written in English", 26),
        ("PM", "10 平均浓度", "PM10 平均浓度", 2),
        ("推动我市生态", "环境与经济", "推动我市生态环境与经济", 6),
        ("并结合产业结构", "构、工业布局", "并结合产业结构、工业布局", 7),
    ],
)
def test_normalize_join_lines(a, b, joined, column):
    from govdoc.normalize.joins import join_lines

    assert join_lines(a, b) == (joined, column)


def test_normalize_full_line_rule_skips_pages_whose_reader_joined_the_wraps():
    # OCR joins wrapped lines from the page geometry: a title as wide as the text block is a
    # line of its own there, and normalization must not run it into the next line
    page = ("关于对市十五届人大一次会议第40号建议办理情况的答复\n"
            "刘鲜兰、王金燕、马秀梅代表：\n"
            "关于对市十五届人大一次会议第40号建议办理情况的答复\n"
            "关于对市十五届人大一次会议第40号建议办理情况的答复")
    joined = normalize([Page(1, page, 0.9, layout=True, lines_joined=True)]).text
    assert joined == page
    assert normalize([Page(1, page, 0.9, layout=True)]).text != page  # the PDF rule would join


@pytest.mark.parametrize("runs_on, expected", [
    (True, ["抄送：市人大常委会选联工委、市政府督查室、祁东县水利局、衡南县水利局"]),
    (False, ["抄送：市人大常委会选联工委、市政府督查室、祁东县水利局、衡", "南县水利局"]),
])
def test_normalize_page_break_join_when_the_reader_saw_the_line_run_on(runs_on, expected):
    # a list without sentence punctuation, wrapped at the foot of a page: only the reader's
    # geometry can tell that its last line ran on to the next page
    pages = [Page(1, "感谢您的关心和支持。\n抄送：市人大常委会选联工委、市政府督查室、祁东县水利局、衡", layout=True,
                  lines_joined=True, runs_on=runs_on),
             Page(2, "南县水利局", layout=True, lines_joined=True)]
    norm = normalize(pages)
    assert norm.text.split("\n")[1:] == expected
    assert norm.page_of(norm.text.index("南县")) == 2
