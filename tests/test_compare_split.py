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
