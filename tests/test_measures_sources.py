"""Measures: items set out as headings, 一是… lists, semicolon lists or a 建议 field — and nothing else."""
import pytest

from govdoc.extract.measures import _suggestion_fields, closing_start, find_measures, sentence_start, to_models
from govdoc.extract.analysis import Analysis
from govdoc.normalize import normalize
from govdoc.read import read_path


def measures(text, national=False):
    norm = Analysis(text)
    return to_models(norm, find_measures(norm, national))


def titles(text, national=False):
    return [m.title for m in measures(text, national)]


@pytest.fixture(scope="module")
def seed_norm(seed_path):
    return Analysis.of(normalize(read_path(seed_path).pages))


def test_seed_gives_the_six_fangguanfu_measures(seed_norm, seed_gold):
    found = to_models(seed_norm, find_measures(seed_norm))
    assert [m.title for m in found] == seed_gold["measures"]
    for m in found:
        assert seed_norm.slice(m.span.start, m.span.end) == m.title
        assert m.section == "深化放管服改革，积极为企业服务"
        assert m.text.startswith(m.title)


@pytest.mark.parametrize("text,expected", [
    # numbered sub-headings under a container heading; report headings are not measures
    ("一、我市开展污染防治攻坚战取得的成效\n成效显著。\n二、深化改革，积极为企业服务\n"
     "(一) 简政放权。我局下放审批权限。\n(二) 实行一窗受理。全部进驻。\n三、下步工作措施\n继续努力。\n",
     ["简政放权", "实行一窗受理"]),
    # 一是…二是…三是 inside a paragraph: the head runs to the first comma
    ("结合日常检查,一是对传统村落古建筑进行修缮,切实保护历史风貌。二是设置了文物安全公示牌,落实了主体责任。"
     "三是县政府印发了《关于进一步加强文物保护工作的实施方案》。",
     ["对传统村落古建筑进行修缮", "设置了文物安全公示牌", "县政府印发了《关于进一步加强文物保护工作的实施方案》"]),
    # a semicolon-separated list of parallel phrases; a framing clause and a trailing 等方面 are cut
    ("改造过程中，坚持党建引领，助力旧改；摸清底数，精准施策；强化拆违，挖掘空间；注重民需，成效显著等方面下功夫。",
     ["坚持党建引领，助力旧改", "摸清底数，精准施策", "强化拆违，挖掘空间", "注重民需，成效显著"]),
    # a framing first clause is skipped
    ("一、近段时间,市交警支队已对各大队警力作出重大调整,要求警力全力向学校门口倾斜,路口、路段警力均增加一倍以上,"
     "为学生安全提供强有力保障,全面加大管控力度。\n二、强化宣传教育。开展进校园活动。\n",
     ["市交警支队已对各大队警力作出重大调整", "强化宣传教育"]),
    # 一是… items under a 下一步 heading, one sentence with semicolons: listed once each
    ("二、主要做法\n（一）加强规划引领。编制规划。\n三、下一步工作\n"
     "一是加快项目建设，年内再建成停车场10个；二是完善收费政策，发挥价格杠杆作用；三是加大违停整治力度。\n",
     ["加强规划引领", "加快项目建设", "完善收费政策", "加大违停整治力度"]),
    # the attachment list after the body does not swallow the last heading
    ("二、关于完善管护机制\n（一）明确管护主体。落实责任。\n（二）拓宽资金渠道。整合资金。\n感谢您的关心。\n"
     "附件：1.统计表\n      2.管护办法清单\n", ["明确管护主体", "拓宽资金渠道"]),
    # a suggestion form's 建议 field
    ("建议:加强对农村自来水厂水质的监测与公开,加强对配套资金使用情况的监管,畅通意见反馈渠道,确保农村饮水安全。\n",
     ["加强对农村自来水厂水质的监测与公开", "加强对配套资金使用情况的监管", "畅通意见反馈渠道"]),
])
def test_measure_sources(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize("text,expected", [
    # an action verb and its object make an action, whatever the heading ends in
    ("一、老旧管网改造工作\n1.制定改造计划。编制三年计划。\n2.落实整改措施。逐项销号。\n", ["制定改造计划", "落实整改措施"]),
    ("一、办理工作\n（一）及时反馈办理情况。当面沟通。\n（二）公开办理结果。网上公开。\n", ["及时反馈办理情况", "公开办理结果"]),
    # the problems named first, the measures taken against them listed after
    ("针对存在的问题，我局采取以下措施：一是建设中试平台，引进机构；二是完善分配机制，提高比例。\n",
     ["建设中试平台", "完善分配机制"]),
    ("一、基本情况\n已建成。\n二、存在的问题\n资金不足。\n三、下一步工作\n（一）积极争取提高补奖标准。配合上级。\n（二）完善绩效考核。\n",
     ["积极争取提高补奖标准", "完善绩效考核"]),
])
def test_actions_beside_problems_and_categories(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize("text", [
    "一、您这一提案提得很好，对我们的工作很有帮助。\n二、感谢您对交通工作的关心。\n",       # courtesy
    "(一)承办单位收到建议后,要逐件清点、核对、签收。\n(二)复文要按问题的解决程度标出办理结果。\n",  # directives
    "一、基本情况\n全县共有公路390条。\n二、存在的问题\n资金不足。\n",                  # report headings
    "PM2.5 平均浓度 57 微克/立方米，排名全省第 10；优良天数 134 天，排名全省第 9；综合指数 5.1，排名全省第 8。",
    "统一是必要的。",                                                                       # not 一是
    # headings that describe the state of things or name a category, at any length
    "一、全省茶产业发展基本情况\n茶园面积大。\n二、存在的主要问题\n资金不足。\n三、工作要求\n按时完成。\n",
    "一、边境旅游发展现状\n游客增加。\n二、推进情况\n已完成。\n三、存在的困难\n人手不足。\n",
    "一、全省环境空气质量改善情况\n明显改善。\n二、办理结果\n已解决。\n",
    # two categories joined, the second with a longer word before it (下一步, 下一步工作)
    "一、办理结果\n已解决。\n二、存在问题和下一步打算\n仍需跟踪。\n三、存在的困难及下一步工作计划\n继续努力。\n",
    # what a section on the problems met lists, as sub-headings or 一是… items
    "一、政策落实情况\n已兑现。\n二、存在的问题\n一是补助标准偏低，与实际收益仍有差距；二是监管手段相对落后。\n",
    "一、基本情况\n已建成。\n二、当前存在的困难和问题\n（一）资金缺口较大。缺口3亿元。\n（二）专业人才流失。人员减少。\n",
    # an inline list announced as problems or their causes (and not read as a semicolon list)
    "调研发现企业普遍反映转化难。主要原因：一是中试平台不足；二是分配机制不够灵活；三是金融支撑不足。\n",
    "目前存在以下问题：一是停车设施供给不足；二是违停治理压力大。\n",
    # causes or features announced on the line before the list
    "造成停车难的原因主要有\n一是机动车保有量增长迅速,增速都在10%以上。\n二是公共停车位不足。\n",
    "共承办建议90件,主要有三方面特点:一是高度关注应急管理事业改革发展。二是高度关注安全生产。三是十分关心民生。\n",
])
def test_not_measures(text):
    assert titles(text) == []


@pytest.mark.parametrize("text,expected", [
    # a lone 一是 is no list; 一是 items inside a counted heading elaborate it
    ("(一)深入开展专项整治工作。\n(二)强化部门日常联合监管协作。一是加强部门联动,进一步落实网格责任",
     ["深入开展专项整治工作", "强化部门日常联合监管协作"]),
    ("(一)强化监管。一是加强部门联动,落实责任。二是开展联合检查,查处违法行为。\n(二)加强宣传。\n",
     ["强化监管", "加强宣传"]),
])
def test_inline_items_inside_a_measure_heading_are_not_repeated(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize("text,status", [
    ("下一步工作打算\n一、加强沟通协调。积极争取政策。\n二、强化督促检查。\n", "planned"),
    ("一、加强沟通协调。提出下一步工作思路和要求。\n二、强化督促检查。\n", "taken"),
    ("接下来街道将从以下三方面抓好工作:\n一、强化监督,确保质量。做好监督。\n二、强化排摸,确保底数清。\n", "planned"),
    ("一、我局将继续加大投入。\n二、拟申报省级试点。\n", "planned"),
    ("一、简政放权。我局将环境影响报告表类项目下放至县级审批。\n二、实行一窗受理。已全部进驻。\n", "taken"),
])
def test_status_planned_when_the_item_or_its_lead_in_speaks_of_the_future(text, status):
    assert {m.status for m in measures(text)} == {status}


def test_cited_documents_carry_the_number_after_the_title():
    text = ("一、统筹规划。根据《山东省人民政府办公厅关于印发深入推进城镇老旧小区改造实施方案的通知》(鲁政办字〔2020〕28号)"
            "和《城镇老旧小区改造技术导则》编制计划。\n二、加快实施。\n")
    first = measures(text)[0]
    assert [(c.title, c.doc_number) for c in first.cited_documents] == [
        ("山东省人民政府办公厅关于印发深入推进城镇老旧小区改造实施方案的通知", "鲁政办字〔2020〕28号"),
        ("城镇老旧小区改造技术导则", None)]


def test_pipeline_writes_the_seed_measures(parsed_seed, seed_gold):
    assert [m.title for m in parsed_seed.measures] == seed_gold["measures"]


@pytest.mark.parametrize("text,start,end,expected", [
    ("一、加强监管。\n感谢您的建议。", 2, 15, 8),
    ("感谢您的建议。", 0, 7, 0),
    ("一、加强监管。\n  联系人：张三", 2, 16, 8),
    ("一、加强监管，感谢支持。", 2, 12, 12),   # not at a line start
    ("一、加强监管。\n感谢", 2, 9, 9),          # the closing line starts past the end
])
def test_closing_start_is_the_first_closing_line(text, start, end, expected):
    assert closing_start(text, start, end) == expected


@pytest.mark.parametrize("pos,expected", [(0, 0), (2, 0), (3, 3), (4, 3), (5, 5), (7, 7), (9, 9)])
def test_sentence_start_is_after_the_last_break(pos, expected):
    assert sentence_start("甲乙。丙\n丁!戊?己", pos) == expected


def test_suggestion_fields_open_a_line():
    text = "建议:甲,乙\n其他建议:丙,丁\n \t具体建议 :戊,己。"
    assert [m.group("body") for m in _suggestion_fields(text)] == ["甲,乙", "戊,己"]


@pytest.mark.parametrize("text,expected", [
    # funding items numbered 1. 2. whose text opens with a year; the process heading is a report heading
    ("一.承办具体过程\n我局高度重视。\n二.建议办理情况\n1.2017-2021年安排上级专项资金共计454万元;\n"
     "2.2020-2021年本级财力安排资金37.61万元;\n", ["2017-2021年安排上级专项资金共计454万元", "2020-2021年本级财力安排资金37.61万元"]),
])
def test_measures_unseen_forms(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("在环保宣传上,分为三个部分。第一,在各乡镇公路沿线设立宣传牌。第二,通过租赁宣传车,深入各村宣传。第三,在县电视台设立专栏。\n",
     ["在各乡镇公路沿线设立宣传牌", "通过租赁宣传车", "在县电视台设立专栏"]),
    ("在環保宣傳上，分為三個部分。第一，設立宣傳牌。第二，租賃宣傳車。\n", ["設立宣傳牌", "租賃宣傳車"]),
])
def test_ordinal_inline_list(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize("text", [
    "这是第一,也是唯一的一次。\n",            # one ordinal is no list
    "市第一、第二中学已完成改造。\n",          # ordinals inside a name, not after a clause break
])
def test_ordinals_not_a_list(text):
    assert titles(text) == []


LOCAL_REPLY = ("关于市十六届人大一次会议第286号建议的会办意见\n市交通运输局：\n李振华代表提出的建议收悉，现将会办意见函告如下：\n"
               "一、关于提高市级补助标准。补助标准暂维持不变。\n二、关于拓宽资金来源。支持纳入政府购买服务。\n")
NATIONAL_REPLY = ("关于十三届全国人大四次会议第3216号建议的答复\n张三代表：\n您提出的建议收悉，现答复如下：\n"
                  "一、关于提高补助标准。补助标准逐步提高。\n二、关于拓宽资金来源。支持纳入政府购买服务。\n")


def test_national_ministry_response_headings():
    text = ("经认真研究，答复如下：\n一、关于加强长江全流域整体协作\n国家发展改革委积极推进。\n"
            "二、关于完善生态补偿机制\n财政部加大转移支付。\n")
    assert titles(text, national=True) == ["关于加强长江全流域整体协作", "关于完善生态补偿机制"]
    assert titles(text) == []


@pytest.mark.parametrize("text, expected", [
    (LOCAL_REPLY, []),  # response headings restating the deputy's points: no measures
    (NATIONAL_REPLY, ["关于提高补助标准", "关于拓宽资金来源"]),  # a national ministry's: measures (ANNOTATION.md)
])
def test_response_headings_name_measures_only_in_a_national_reply(text, expected):
    from govdoc.build import parse_text

    assert [m.title for m in parse_text(text).measures] == expected
