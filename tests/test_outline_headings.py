"""Outline: real headings only, nested by marker style, titles cut at 。 or the line end."""
import pytest

from govdoc.extract.outline import attachment_labels, find_headings, to_models
from govdoc.extract.analysis import Analysis


def flat(text):
    norm = Analysis(text)
    return [(norm.text[h.start:h.marker_end], h.level, norm.slice(h.title_start, h.title_end))
            for h in find_headings(norm)]


@pytest.mark.parametrize("text,expected", [
    ("一、工作成效\n（一）简政放权。我局下放审批权限。\n（二）实行一窗受理。全部进驻。\n二、下步打算\n",
     [("一、", 1, "工作成效"), ("（一）", 2, "简政放权"), ("（二）", 2, "实行一窗受理"), ("二、", 1, "下步打算")]),
    ("(一) 简政放权。我局分别下放。\n(二) 实行容缺办理制。推行告知承诺制。\n",
     [("(一)", 1, "简政放权"), ("(二)", 1, "实行容缺办理制")]),
    ("一、建立领导小组\n二、工作步骤\n(一)部署启动阶段(4月)。\n1.建立工作领导小组。成立小组。\n2.制定工作方案。征求意见。\n",
     [("一、", 1, "建立领导小组"), ("二、", 1, "工作步骤"), ("(一)", 2, "部署启动阶段(4月)"), ("1.", 3, "建立工作领导小组"),
      ("2.", 3, "制定工作方案")]),
    ("现将情况汇报如下。 一、积极响应政策,科学编制改造计划 自2021年以来,国家出台了政策。",
     [("一、", 1, "积极响应政策,科学编制改造计划")]),
    ("1、加强监管；2、完善制度；3、强化宣传。\n",
     [("1、", 1, "加强监管"), ("2、", 1, "完善制度"), ("3、", 1, "强化宣传")]),
    ("（1）开展排查。\n（2）建立台账。\n", [("（1）", 1, "开展排查"), ("（2）", 1, "建立台账")]),
    ("四、几个具体问题\n五、其他事项\n", [("四、", 1, "几个具体问题"), ("五、", 1, "其他事项")]),
    ("壹、總體情況\n貳、具體措施\n", []),
])
def test_headings_found_and_nested(text, expected):
    assert flat(text) == expected


@pytest.mark.parametrize("text", [
    "复文要严格按照规定的格式进行办理(见附表1、2)。",            # list numbers inside a sentence
    "2019.9.20\n2.5万元已拨付到位。",                             # dates and decimals
    "一、二级公路共120公里。\n",                                    # a range, not a heading
    "三、推进网上审批\n",                                           # a lone 三 with no list around it
    "本次会议于2023年召开,共收到1.建议。",                          # mid-sentence
    "文件编号：\n\n1\n\n",                                          # a bare number
    "附件：1.高标准农田建设情况统计表\n      2.管护办法清单\n",          # an attachment list
])
def test_not_headings(text):
    assert flat(text) == []


@pytest.mark.parametrize("text", [
    "一、我市开展攻坚战取得的成效\n\n自 2016 年开始……\n（一）简政放权。我局下放。\n（二）实行一窗受理。\n",
    "  一、关于加强长江全流域整体协作\n  国家发展改革委积极推进。\n  二、关于完善机制\n",
])
def test_heading_spans_point_at_marker_and_title(text):
    norm = Analysis(text)
    def walk(nodes):
        for h in nodes:
            assert norm.slice(h.span.start, h.span.end).replace(" ", "") == (h.marker + h.title).replace(" ", "")
            assert 0 < h.confidence <= 1
            walk(h.children)
    models = to_models(norm, find_headings(norm))
    assert models
    walk(models)


@pytest.mark.parametrize("text,ends", [
    ("附件：1.表\n", [3]),
    ("  附 件 :\n", [7]),
    ("正文。\n\u3000附件\n", [7]),
    ("见附件1。\n", []),               # not at a line start
    ("正文\n说明附件：\n", []),
    ("附件\n附件：\n", [2, 6]),
])
def test_attachment_labels_open_a_line(text, ends):
    assert attachment_labels(text) == ends


@pytest.mark.parametrize("text,expected", [
    # 1. right before a year is a marker, not a decimal (1.2017年)
    ("一.承办具体过程\n我局高度重视。\n二.建议办理情况\n1.2017-2021年安排上级专项资金共计454万元;\n2.2020年本级财力安排资金37.61万元;\n",
     [("一.", 1, "承办具体过程"), ("二.", 1, "建议办理情况"), ("1.", 2, "2017-2021年安排上级专项资金共计454万元"), ("2.", 2, "2020年本级财力安排资金37.61万元")]),
])
def test_marker_before_a_year(text, expected):
    assert flat(text) == expected


@pytest.mark.parametrize("text", ["面积1.2017万亩。\n2.2017公顷\n"])
def test_decimal_is_no_marker(text):
    assert flat(text) == []
