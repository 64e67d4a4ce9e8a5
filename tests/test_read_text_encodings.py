"""Plain-text reader: the encoding is detected, never assumed (fixtures are literal Chinese
strings encoded in each test)."""
from __future__ import annotations

import codecs

import pytest

from govdoc.read import read_path
from govdoc.read.encoding import decode_bytes

SIMPLIFIED = "许昌市生态环境局\n关于市七届人大四次会议第134号建议的答复\n张永波代表：您提出的建议收悉，现答复如下。"
TRADITIONAL = "鎮康縣教育局\n羅瑞等代表：你們提出的建議收悉，現答復如下。\n感謝您對教育工作的關心和支持。"


@pytest.mark.parametrize(
    ("label", "data", "expected", "encoding"),
    [
        ("utf-8", SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
        ("utf-8 with BOM", codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig"),
        ("gb18030", SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030"),
        ("gbk", SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),
        ("gb2312", SIMPLIFIED.encode("gb2312"), SIMPLIFIED, "gb18030"),
        ("big5 traditional", TRADITIONAL.encode("big5"), TRADITIONAL, "cp950"),
        ("gbk traditional", TRADITIONAL.encode("gbk"), TRADITIONAL, "gb18030"),
        ("utf-16 LE with BOM", SIMPLIFIED.encode("utf-16"), SIMPLIFIED, "utf-16"),
        ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16"),
        ("utf-16 LE without BOM", SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16-le"),
    ],
)
def test_read_text_decodes_each_encoding(tmp_path, label, data, expected, encoding):
    path = tmp_path / "letter.txt"
    path.write_bytes(data)
    result = read_path(path)
    assert result.encoding == encoding, label
    assert "\n".join(page.text for page in result.pages) == expected


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        # Simplified text in GBK decodes as Big5 without error; the scores must still pick GBK.
        ("感谢您对生态环境保护工作的关心", "cp950", "gb18030"),
        ("我局将积极争取把此路纳入项目库", "big5hkscs", "gb18030"),
        # Traditional text in Big5 decodes as GB18030 without error; Big5 must still win.
        ("羅瑞等代表：你們提出的建議收悉，現答復如下。", "gb18030", "cp950"),
        ("縣人大常委會", "gb18030", "cp950"),
    ],
)
def test_read_text_scores_ambiguous_legacy_encodings(text, wrong, right):
    data = text.encode(right)
    assert data.decode(wrong)  # the trap: the wrong codec decodes without error
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.text) == (right, text)


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        ("第一行\r\n第二行\r\n", ["第一行", "第二行", ""]),
        ("第一行\r第二行", ["第一行", "第二行"]),
        ("第一行\u2028第二行\n第三行", ["第一行", "第二行", "第三行"]),
    ],
)
def test_read_text_unifies_line_ends(tmp_path, raw, lines):
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    assert read_path(path).pages[0].text.split("\n") == lines


@pytest.mark.parametrize(
    ("raw", "pages"),
    [
        ("第一页内容\f第二页内容", ["第一页内容", "第二页内容"]),
        ("只有一页", ["只有一页"]),
    ],
)
def test_read_text_splits_pages_on_form_feed(tmp_path, raw, pages):
    path = tmp_path / "pages.txt"
    path.write_text(raw, encoding="utf-8")
    result = read_path(path)
    assert [p.text for p in result.pages] == pages
    assert [p.number for p in result.pages] == list(range(1, len(pages) + 1))
