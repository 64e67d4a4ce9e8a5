from __future__ import annotations

import pytest

from govdoc.index.fts5_query import term_of
from govdoc.index.plan import plan_query


@pytest.mark.parametrize("text, groups", [
    ("错峰生产", [[("错峰", "峰生", "生产")]]),
    ("PM2.5 平均浓度", [[("细颗", "颗粒", "粒物"), ("pm2.5",)], [("平均", "均浓", "浓度")]]),
    ("县乡道", [[("县乡", "乡道")]]),  # a character jieba leaves alone joins the word it touches
    ("便道", [[("便道",)]]),  # jieba: 便 / 道, a run of lone characters is one concept
    ("硬化便道", [[("硬化",)], [("便道",)]]),
    ("高速公路和乡道", [[("高速", "速公", "公路"), ("高速", "速路")], [("乡道",)]]),  # joiners dropped
    ("的错峰生产", [[("错峰", "峰生", "生产")]]),
    ("", []),
    ("  ", []),
])
def test_plan_groups(text, groups):
    assert [list(g) for g in plan_query(text).groups] == groups


@pytest.mark.parametrize("text", ["环保局", "環境保護局", "生态环境局"])
def test_agency_names_expand_to_their_group(text):
    (group,) = plan_query(text).groups
    assert {("生态", "态环", "环境", "境局"), ("环境", "境保", "保护", "护局"), ("环保", "保局")} <= set(group)


@pytest.mark.parametrize("simplified, traditional", [("错峰生产", "錯峰生產"), ("学校建设", "學校建設")])
def test_plan_is_the_same_for_simplified_and_traditional(simplified, traditional):
    assert plan_query(simplified) == plan_query(traditional)


def test_lone_character_query_still_searches():
    assert plan_query("水").groups == ((("水",),),)


@pytest.mark.parametrize("text, min_match", [("错峰生产", 1), ("错峰 生产", 1), ("许昌 错峰 生产", 2),
                                             ("许昌 错峰 生产 措施", 2), ("a b c d e", 3)])
def test_plan_min_match_is_half_the_concepts_past_two(text, min_match):
    assert plan_query(text).min_match == min_match


def test_plan_share_lowers_the_threshold():
    assert plan_query("许昌 错峰 生产 措施 成效 污染", share=0.2).min_match == 2


@pytest.mark.parametrize("text, phrases", [
    ("校园食堂安全", {("校园", "园食", "食堂", "堂安", "安全"), ("校园", "园食", "食堂"), ("食堂", "堂安", "安全")}),
    ("校园 食堂 安全", {("校园", "园食", "食堂", "堂安", "安全"), ("校园", "园食", "食堂"), ("食堂", "堂安", "安全")}),
    ("错峰生产", set()),
    ("错峰生产，学校", set()),
])
def test_plan_boost_phrases_are_the_query_runs(text, phrases):
    assert set(plan_query(text).phrases) == phrases


@pytest.mark.parametrize("text, names", [("农网", {"农网", "农村电网"}), ("医保", {"医保", "医疗保险", "基本医疗保险"})])
def test_plan_thesaurus_names_make_one_concept(text, names):
    (group,) = plan_query(text).groups
    assert {term_of(p) for p in group} == names
