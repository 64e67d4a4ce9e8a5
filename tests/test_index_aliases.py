from __future__ import annotations

import pytest

from govdoc.errors import BadInput
from govdoc.index.aliases import gazetteer, group_names, issuer_keys, normalize_issuer, parse_gazetteer


@pytest.mark.parametrize("name, norm, unit", [
    ("许昌市环境保护局", "许昌市生态环境局", "生态环境局"),
    ("许昌市生态环境局", "许昌市生态环境局", "生态环境局"),
    ("许昌市 环保局", "许昌市生态环境局", "生态环境局"),
    ("環境保護部", "生态环境部", "生态环境部"),
    ("农业部", "农业农村部", "农业农村部"),
    ("滕州市住建局", "滕州市住房和城乡建设局", "住房和城乡建设局"),
    ("某县卫计委", "某县卫生健康委员会", "卫生健康委员会"),
    ("某区文化广电新闻出版局", "某区文化和旅游局", "文化和旅游局"),
    ("某区旅游局", "某区文化和旅游局", "文化和旅游局"),
    ("某市文化和旅游局", "某市文化和旅游局", "文化和旅游局"),
    ("台儿庄区市场监管局", "台儿庄区市场监督管理局", "市场监督管理局"),
    ("某市食品药品监督管理局", "某市市场监督管理局", "市场监督管理局"),
    ("国家发展改革委", "国家发展和改革委员会", "国家发展和改革委员会"),
    ("某市发改委", "某市发展和改革委员会", "发展和改革委员会"),
    ("某市国土资源局", "某市自然资源局", "自然资源局"),
    ("神山镇人民政府", "神山镇人民政府", None),
])
def test_issuer_keys_keep_the_place(name, norm, unit):
    assert issuer_keys(name) == (norm, unit)


@pytest.mark.parametrize("name", [None, "", "  "])
def test_issuer_keys_of_no_name(name):
    assert normalize_issuer(name) is None


@pytest.mark.parametrize("canonical, names", [
    ("生态环境局", {"环境保护局", "环保局"}),
    ("农业农村部", {"农业部"}),
    ("市场监督管理局", {"工商行政管理局", "质量技术监督局", "食品药品监督管理局", "市场监管局"}),
])
def test_groups_hold_every_name(canonical, names):
    assert names <= set(group_names(canonical))
    assert group_names(canonical)[0] == canonical


@pytest.mark.parametrize("text, found", [
    ("许昌市环保局 错峰生产", ["生态环境局"]),
    ("农业部和生态环境部", ["农业农村部", "生态环境部"]),
    ("错峰生产", []),
])
def test_find_names_in_query_text(text, found):
    assert [c for _, _, c in gazetteer().find(text)] == found


@pytest.mark.parametrize("text, reason", [
    ("canonical\talias\n甲局\n", "expected canonical<TAB>alias"),
    ("canonical\talias\n甲局\t乙局\n丙局\t乙局\n", "already maps to"),
])
def test_bad_gazetteer_lines_name_the_line(text, reason):
    with pytest.raises(BadInput, match=reason):
        parse_gazetteer(text, "agencies.tsv")


def test_every_alias_maps_to_one_canonical():
    gaz = gazetteer()
    for canonical, names in gaz.groups.items():
        assert all(gaz.canonical[name] == canonical for name in names)
