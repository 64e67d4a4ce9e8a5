from __future__ import annotations

import pytest
from backends import XUCHANG_2019, ZHENKANG_2018, letter

from govdoc.index.base import letter_id
from govdoc.index.records import BODY_KEY, analyzed_fields, letter_year, records_for


def test_records_ids_are_stable_and_linked():
    records = records_for(XUCHANG_2019)
    lid = letter_id(XUCHANG_2019)
    assert [r["id"] for r in records] == [lid, f"{lid}:m1", f"{lid}:m2", f"{lid}:m3", f"{lid}:k1", f"{lid}:k2"]
    assert {r["letter_id"] for r in records} == {lid}
    assert records_for(XUCHANG_2019) == records


@pytest.mark.parametrize("field, value", [
    ("year", 2019), ("issuer", "许昌市生态环境局"), ("issuer_norm", "许昌市生态环境局"), ("issuer_unit", "生态环境局"),
    ("grade", "A"), ("congress_body", "人大"), ("congress_level", "市"), ("congress_term", 7),
    ("congress_session", 4), ("item_type", "建议"), ("item_number", "134"), ("kind", "reply"),
    ("title", "对市七届人大四次会议第134号建议的答复"), ("source_path", "letters/xuchang-2019.txt"),
])
def test_every_record_carries_the_letter_fields(field, value):
    assert {r[field] for r in records_for(XUCHANG_2019)} == {value}


def test_metric_records_carry_indicator_value_unit():
    metric = records_for(XUCHANG_2019)[4]
    assert (metric["record"], metric["indicator"], metric["value"], metric["unit"]) == (
        "metrics", "PM2.5平均浓度", 57.0, "微克/立方米")
    assert metric["text"]["body"] == "PM2.5 平均浓度 57 微克/立方米"


@pytest.mark.parametrize("part", ["张永波代表", "市七届人大四次会议", "第134号建议", "实施重点行业差异化错峰生产采取的措施",
                                  "优良天数 134 天", "许昌市生态环境局"])
def test_letter_body_holds_what_the_json_holds(part):
    assert part in records_for(XUCHANG_2019)[0]["text"]["body"]


@pytest.mark.parametrize("body, part, bigram", [
    ("经研究，现答复如下：\n我局将加强扬尘污染治理，推进工地围挡。", "加强扬尘污染治理", "扬尘"),
    ("關於錯峰生產的答復", "關於錯峰生產", "错峰"),
])
def test_letter_body_holds_the_letter_text_when_given(body, part, bigram):
    letter_record, *children = records_for({**XUCHANG_2019, BODY_KEY: body})
    assert part in letter_record["text"]["body"] and "张永波代表" in letter_record["text"]["body"]
    assert bigram in analyzed_fields(letter_record)["body_bg"].split()
    assert all(part not in r["text"]["body"] for r in children)


def test_letter_measures_text_holds_titles_and_texts():
    text = records_for(XUCHANG_2019)[0]["text"]["measures"]
    assert "实行一窗受理" in text and "27 项审批服务事项" in text


@pytest.mark.parametrize("issue_date, doc_year, printed, year", [
    ("2019-09-20", 2018, None, 2019),
    (None, 2018, "2017-01-02", 2018),
    (None, None, "2017-01-02", 2017),
    (None, None, None, None),
])
def test_letter_year_falls_back(issue_date, doc_year, printed, year):
    reply = letter("x.txt")
    reply["issue_date"] = {"date": issue_date, "raw": "x"} if issue_date else {"date": None, "raw": "某日"}
    reply["doc_number"] = {"raw": "x", "year": doc_year} if doc_year else None
    reply["printed_date"] = {"date": printed, "raw": "x"} if printed else None
    assert letter_year(reply) == year


def test_analyzed_fields_fold_traditional():
    fields = analyzed_fields(records_for(ZHENKANG_2018)[0])
    assert set(fields) == {"title_w", "title_bg", "measures_w", "measures_bg", "body_w", "body_bg"}
    assert "学校" in fields["title_w"].split() and "學" not in fields["title_bg"]
