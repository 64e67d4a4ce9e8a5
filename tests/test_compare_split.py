"""Both parts of one page: record then reply, reply then the suggestion tab, quoted suggestions."""
from __future__ import annotations

import pytest

from govdoc.compare.cues import default_cues
from govdoc.compare.split import split_page
from govdoc.text.zh import match_text

RECORD = ("建议标题:关于修建村道的建议\n建议内容(摘要):群众出行困难,建议硬化张村至李村道路。\n承办单位:县交通运输局\n"
          "办理复文(摘要):该项目已于2020年7月开工建设,预计年底前完工。\n办理结果:A类\n")
TRAILING = ("张三代表:\n您提出的关于开通公交线路的建议已收悉,现答复如下:该线路由市公交公司运营,我局将积极沟通。\n"
            "县交通运输局\n2025年4月8日\n建议:开通城区至高铁站的公交线路,方便群众出行。\n")
QUOTED = ("李四代表:\n您提出的建议收悉,现答复如下:\n一、基本情况\n村内水池年久失修,建议拨付资金修缮加固水池。\n"
          "二、办理情况\n现水池已完成修缮加固,投资25万元。\n")


@pytest.mark.parametrize("page, layout, suggestion_has, reply_has", [
    (RECORD, "record", "建议硬化张村至李村道路", "开工建设"),
    (TRAILING, "trailing", "开通城区至高铁站", "市公交公司运营"),
    (QUOTED, "quoted", "拨付资金修缮加固水池", "完成修缮加固"),
])
def test_compare_split_layouts(page, layout, suggestion_has, reply_has):
    parts = split_page(match_text(page), default_cues())
    assert parts.layout == layout
    assert any(suggestion_has in s.of(page) for s in parts.suggestion)
    assert any(reply_has in s.of(page) for s in parts.reply)
    assert not any(reply_has in s.of(page) for s in parts.suggestion)


# A reply page: the letter, then the site's fields (办理结果:B类 …) and links to its neighbours.
REPLY_THEN_CHROME = ("办理情况:县交复〔2016〕23号\n张三代表:\n您提出的关于硬化张村至李村道路的建议收悉,现答复如下:\n"
                     "一、该路已列入2016年农村公路建设计划,于6月10日完成路面硬化2.4公里。\n县交通运输局\n2016年6月28日\n"
                     "办理结果:B类\n代表意见:满意\n上一篇:关于加快县城至两河镇公路改造的建议办理情况\n")
# A record page with no reply on it: its heading names the site's 办理情况 section.
RECORD_ONLY = ("首页 > 建议提案办理 > 办理结果公开\n县第十六届人民代表大会第六次会议代表建议办理情况公开\n建议编号:第47号\n"
               "建议标题:关于硬化张村至李村道路的建议\n领衔代表:张三\n"
               "建议内容:张村至李村现有道路为砂石路,群众出行不便,建议将该路纳入通村公路硬化计划。\n承办单位:县交通运输局\n")


@pytest.mark.parametrize("page", [REPLY_THEN_CHROME, RECORD_ONLY])
def test_compare_split_labels_that_do_not_start_a_reply(page):
    """A label under a letter that has opened (收悉, 答复如下) is the page's chrome, and a 建议内容:
    block after record fields with no reply label or opening is no suggestion tab: neither cuts."""
    assert split_page(match_text(page), default_cues()).layout == "whole"
