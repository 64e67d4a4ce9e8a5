from __future__ import annotations

import pytest

from govdoc.search.plan import plan_query


@pytest.mark.parametrize("text, groups", [
    ("错峰生产", [[("错峰", "峰生", "生产")]]),
    ("PM2.5 平均浓度", [[("pm2.5",)], [("平均", "均浓", "浓度")]]),
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
