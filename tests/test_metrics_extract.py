"""Metrics: quantities with units, rankings and comparisons — and none of the numbers that are not facts."""
from collections import Counter

import pytest

from govdoc.extract.metrics import find_metrics, to_models
from govdoc.normalize import NormText, normalize
from govdoc.read import read_path


def metrics(text):
    norm = NormText(text)
    return to_models(norm, find_metrics(norm))


@pytest.fixture(scope="module")
def seed_norm(seed_path):
    return normalize(read_path(seed_path).pages)


def test_seed_gives_all_gold_metrics_with_true_spans(seed_norm, seed_gold):
    found = to_models(seed_norm, find_metrics(seed_norm))
    assert Counter((m.value, m.unit) for m in found) == Counter((g["value"], g["unit"]) for g in seed_gold["metrics"])
    raws = {m.raw.replace(" ", "") for m in found}
    for g in seed_gold["metrics"]:  # each gold span is covered by the raw of a found metric
        assert any(g["text"].replace(" ", "") in r or r in g["text"].replace(" ", "") for r in raws), g["text"]
    for m in found:
        assert seed_norm.slice(m.span.start, m.span.end) == m.raw
        assert seed_norm.text[m.span.start:m.span.end].strip() == m.raw


@pytest.mark.parametrize("text,value,unit,qualifier", [
    ("建筑面积约152万平方米。", 152, "万平方米", "约"),
    ("受益人口1.2万人。", 1.2, "万人", None),
    ("帮扶企业三千余家。", 3000, "家", "余"),
    ("九成群众表示满意。", 9, "成", None),
    ("涉及三个社区。", 3, "个", None),
    ("今年新建1条连接国道的公路。", 1, "条", None),             # one, not 每…: a count
    ("按照寄宿生每100人配备1名生活老师。", 1, "名", None),       # a ratio is a fact
    ("全县50户以上自然村道路硬化。", 50, "户", "以上"),
    ("累计清扫路面23784km。", 23784, "km", None),
    ("完成率 90.9%。", 90.9, "%", None),
    ("优良天数 134 天。", 134, "天", None),
    ("涉及8312套130余万平方米。", 130, "万平方米", "余"),
    ("2014年度全国有6600万农村居民解决了饮水安全问题。", 6600, "万", None),
    ("应在收到建议之日起3个月内办理完毕。", 3, "个月", "内"),
    ("在接到建议的10日内联系。", 10, "日", "内"),
    ("警力均增加一倍以上。", 1, "倍", "以上"),
    ("检查经营户180余家次。", 180, "家次", "余"),
    ("惠及2万多户居民。", 2, "万户", "多"),
    ("共改造12,345户。", 12345, "户", None),
    ("投资1,234.5万元。", 1234.5, "万元", None),
    ("60岁以上老人。", 60, "岁", "以上"),
    ("70周岁以上老人免费乘车。", 70, "周岁", "以上"),
    ("抽检食品样品325批次。", 325, "批次", None),
    ("开展培训4.5万场次。", 4.5, "万场次", None),
    ("出动执法船艇46航次。", 46, "航次", None),
    ("年产种子800万粒。", 800, "万粒", None),
    ("室内温度不低于16℃。", 16, "℃", None),
    ("淘汰燃煤锅炉共560蒸吨。", 560, "蒸吨", None),
    ("补贴目录内共有9大类。", 9, "大类", None),
    ("全年组织亲情通话八千余次。", 8000, "次", "余"),  # a count, not an adverbial 两次
    ("产量连续三年位居全省前列。", 3, "年", None),     # years as a duration, not 近三年
    ("力争三年内实现原种自给。", 3, "年", "内"),
    ("完成老旧小区改造12.5万㎡。", 12.5, "万㎡", None),
    ("建成公园5.6万m²。", 5.6, "万m²", None),
    ("治理水土流失面积3.5km²。", 3.5, "km²", None),
    ("全国GDP达到121万亿元。", 121, "万亿元", None),
    ("全国GDP达到121万亿。", 121, "万亿", None),
    ("吸引外资1500万美元。", 1500, "万美元", None),
    ("已开通运行电梯16部。", 16, "部", None),
    ("市住建委会同7部门联合印发。", 7, "部门", None),
    ("开展东华街道等4街道土地综合整治。", 4, "街道", None),
])
def test_quantity_variants(text, value, unit, qualifier):
    found = metrics(text)
    hit = [m for m in found if m.unit == unit]
    assert len(hit) == 1, found
    assert hit[0].value == pytest.approx(value)
    assert hit[0].qualifier == qualifier


def test_rank_and_comparison():
    found = metrics("截止 9 月 19 日，全市综合指数排名全省第 8，其中，PM10 平均浓度 85 微克/立方米，较全省均值低 9 微克。")
    rank, pm10, comp = found
    assert (rank.raw, rank.value, rank.unit, rank.rank.position, rank.rank.scope) == ("排名全省第 8", 8, "名次", 8, "全省")
    assert (pm10.raw, pm10.indicator, pm10.value, pm10.unit) == ("PM10 平均浓度 85 微克/立方米", "PM10 平均浓度", 85,
                                                               "微克/立方米")
    assert comp.raw == "较全省均值低 9 微克"
    assert comp.comparison.model_dump() == {"baseline": "全省均值", "direction": "lower", "delta": 9, "unit": "微克"}
    assert {m.as_of for m in found} == {"9 月 19 日"}
    assert {m.scope for m in found} == {"全市"}


@pytest.mark.parametrize("text,raw,position,scope", [
    ("在全省排名第3。", "在全省排名第3", 3, "全省"),
    ("居全国第5位。", "居全国第5位", 5, "全国"),
    ("综合指数排名全省第一。", "排名全省第一", 1, "全省"),
])
def test_rank_forms(text, raw, position, scope):
    (m,) = metrics(text)
    assert (m.raw, m.value, m.unit, m.rank.position, m.rank.scope) == (raw, position, "名次", position, scope)


def test_values_are_copied_verbatim_from_traditional_text():
    found = metrics("全市共有醫院1126個，較去年增加4.2個百分點，服務186.4萬人，三千餘家企業。")
    assert [(m.value, m.unit, m.qualifier) for m in found] == [
        (1126, "個", None), (4.2, "個百分點", None), (186.4, "萬人", None), (3000, "家", "餘")]
    assert found[1].comparison.baseline == "去年" and found[1].comparison.direction == "up"


@pytest.mark.parametrize("text,as_of,scope", [
    ("截止目前，全市 77 个联审联批重点项目，已完成 70 个。", "目前", "全市"),
    ("截止今年6月底全区共摸排新增危旧房5289套。", "今年6月底", "全区"),
    ("新增危旧房5289套。", None, None),
])
def test_as_of_and_scope(text, as_of, scope):
    found = metrics(text)
    assert found and {(m.as_of, m.scope) for m in found} == {(as_of, scope)}


@pytest.mark.parametrize("text,raw,indicator", [
    ("全市农村生活垃圾分类已在 67 个乡镇、1617 个行政村进行试点。", "67 个乡镇", "乡镇"),
    ("全市农村生活垃圾分类已在 67 个乡镇、1617 个行政村进行试点。", "1617 个行政村", "行政村"),
    ("2018年由各乡镇建设了工程62个项目,全长171.388公里,总投资7981.217万元。", "总投资7981.217万元", "总投资"),
    ("截止目前，全市 77 个联审联批重点项目，已完成 70 个，完成率 90.9%。", "已完成 70 个", "已完成"),
])
def test_raw_names_the_fact(text, raw, indicator):
    hit = [m for m in metrics(text) if m.raw == raw]
    assert hit and hit[0].indicator == indicator


@pytest.mark.parametrize("text", [
    "2019年9月20日印发。",                                   # a date
    "自 2016 年开始，于2018年10月印发。",                   # years
    "许环〔2019〕4号",                                         # a document number
    "对市七届人大四次会议第134号建议的答复",                  # session and item numbers
    "联系电话：0374-6069500，邮编：461000",                   # phone, postcode
    "索引号：11332500MB1960337R/2025-41491",                  # index number
    "噪声执行GB12348-2008标准2类区限值。",                    # a standard code, a zone class
    "水质达到 III 类，部分达到Ⅲ类。",                          # water classes
    "“十三五”期间，实施“1+3+N”合作框架。",                    # plan period, slogan
    "纳入全市“四个一百”专项行动，推进“千名专家进百县帮万企”活动。",  # quoted slogans
    "实现一村一幼。",                                          # slogan
    "一是加强联动，二是开展检查。第一，强化宣传。",           # ordinal markers
    "一个村小组至少有一条硬化道路。",                          # generic phrase
    "我局分别于 2016 年和 2018 年两次下放审批权限。",          # adverbial count
    "司长虹、杨胜利二位代表：",                                # 二位 in a salutation
    "浏览量:1次  发布时间:2021-08-23 15:26",                  # page chrome
    "抄送:市人大代选工委(1份),市政府督查室(1份)",             # distribution line
    "《许昌市2017-2018年秋冬季工业企业错峰生产实施方案》",     # a title
    "3.2017年之前,每年预算安排专项经费。",                     # a list marker glued to a year
    "实现全市每个乡镇建成1条连接国省干线的公路,每个建制村通1条硬化路。",  # a standard for each, not a count
    "加快4A以上景区通景公路建设。",                            # a grade code
    "从以下三方面抓好工作。",                                  # 三方面 is not 3 方
    "于201782日听取了代表意见,810日电话汇报。",                # dates that lost 月
    "近三年来，实施三年行动计划和3年攻坚行动。",                # spans of years, plan names
    "错开10至20分钟，每天投入3至5辆车，工期三到五年，定员4～6名。",  # ranges
])
def test_not_metrics(text):
    assert metrics(text) == []


def test_from_to_is_two_figures_not_a_range():
    assert [m.value for m in metrics("覆盖率由不足5%提高到53%。")] == [5, 53]


def test_repeated_fact_listed_once():
    found = metrics("全区共有老旧小区105个。据统计，全区共有老旧小区105个，另有城中村10个。")
    assert [m.raw for m in found].count("全区共有老旧小区105个") <= 1
    assert sorted(m.value for m in found) == [10, 105]


def test_pipeline_writes_the_seed_metrics(parsed_seed, seed_gold):
    assert Counter((m.value, m.unit) for m in parsed_seed.metrics) == Counter(
        (g["value"], g["unit"]) for g in seed_gold["metrics"])
