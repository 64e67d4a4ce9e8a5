"""Spaces between CJK characters: removed on laid-out pages (PDF/OCR), as is a single space
between a CJK character and a digit or Latin letter there (the gap word processors set between
scripts, ``第 4 号``); in plain text kept next to digits and Latin letters, and touched only for
clearly letter-spaced words."""
from __future__ import annotations

import pytest

from govdoc.normalize import normalize
from govdoc.read.base import Page


def text_of(raw: str, layout: bool) -> str:
    return normalize([Page(1, raw, layout=layout)]).text


@pytest.mark.parametrize(
    ("raw", "layout", "expected"),
    [
        ("生 态 环 境", True, "生态环境"),
        ("生 态 环 境", False, "生态环境"),
        ("推动 我市 生态 环境 保护 ，取得 成效 。", True, "推动我市生态环境保护，取得成效。"),
        ("PM10 平均浓度 85 微克/立方米", True, "PM10平均浓度85微克/立方米"),
        ("PM10 平均浓度 85 微克/立方米", False, "PM10 平均浓度 85 微克/立方米"),
        ("自 2016 年开始", True, "自2016年开始"),
        ("自 2016 年开始", False, "自 2016 年开始"),
        ("许环〔2019〕4 号 签发人", True, "许环〔2019〕4号签发人"),
        ("用 PM2.5 和 PM10 两项", True, "用PM2.5和PM10两项"),
        ("第  4  号", True, "第  4  号"),  # two spaces or more: a column gap, kept
        ("答  复  函", True, "答复函"),
        ("答 复", False, "答 复"),
        ("李  颖", False, "李  颖"),
        ("李  颖", True, "李  颖"),
        ("李 颖", True, "李颖"),
        ("联系人：张三    电话：0374-6069500", True, "联系人：张三    电话：0374-6069500"),
        ("许昌市生态环境局 电话：0374-6069500", False, "许昌市生态环境局 电话：0374-6069500"),
        ("关于 生 态 环 境 保护", False, "关于 生态环境 保护"),
        ("\u3000\u3000您提出的建议收悉。\u3000", False, "您提出的建议收悉。"),
        ("答复\u200b函\ufeff", False, "答复函"),
        ("答复\xa0函\t内容", False, "答复 函 内容"),
    ],
)
def test_normalize_spaces_between_cjk(raw, layout, expected):
    assert text_of(raw, layout) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("第一段。\n\n\n\n第二段。", "第一段。\n\n第二段。"),
        ("\n\n第一段。\n第二段。\n\n", "第一段。\n第二段。"),
        ("第一段。\r\n第二段。\r第三段。", "第一段。\n第二段。\n第三段。"),
    ],
)
def test_normalize_blank_lines_and_line_ends(raw, expected):
    assert text_of(raw, False) == expected
