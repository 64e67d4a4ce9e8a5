from __future__ import annotations

import pytest

from govdoc.index.hits import make_hit, snippet
from govdoc.index.plan import plan_query


@pytest.mark.parametrize("texts, query, expected", [
    ({"body": "实施重点行业差异化錯峰生產采取的措施"}, "错峰生产", "实施重点行业差异化<mark>錯峰生產</mark>采取的措施"),
    ({"title": "关于大气的答复", "measures": "实行一窗受理。"}, "一窗受理", "实行<mark>一窗受理</mark>。"),
    ({"body": "许昌市环境保护局\n第12号建议"}, "生态环境局", "许昌市<mark>环境保护局</mark> 第12号建议"),
    ({"body": "PM2.5 平均浓度 57 微克"}, "pm2.5 浓度", "<mark>PM2.5</mark> 平均<mark>浓度</mark> 57 微克"),
    ({"measures": "无关", "body": ""}, "", "无关"),
])
def test_snippet_marks_terms_in_original_text(texts, query, expected):
    assert snippet(texts, plan_query(query).marks) == expected


def test_snippet_windows_long_text():
    text = "甲" * 200 + "错峰生产" + "乙" * 200
    out = snippet({"body": text}, plan_query("错峰生产").marks, width=40)
    assert out.startswith("…") and out.endswith("…") and "<mark>错峰生产</mark>" in out


def test_snippet_prefers_the_field_with_more_terms():
    texts = {"measures": "错峰生产", "body": "错峰生产和一窗受理"}
    assert snippet(texts, plan_query("错峰生产 一窗受理").marks) == "<mark>错峰生产</mark>和<mark>一窗受理</mark>"


def test_make_hit_fields():
    stored = {"id": "a:m1", "record": "measures", "letter_id": "a", "title": "T", "year": 2019, "issuer": "局",
              "grade": "A", "source_path": "a.txt", "text": {"measures": "错峰生产"}}
    hit = make_hit(stored, 1.23456, plan_query("错峰"))
    assert hit == {"id": "a:m1", "record": "measures", "letter_id": "a", "title": "T", "year": 2019, "issuer": "局",
                   "grade": "A", "score": 1.2346, "snippet": "<mark>错峰</mark>生产", "source_path": "a.txt", "coverage": None}
