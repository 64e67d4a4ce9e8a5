"""extract.contact: contact blocks in their many shapes; handling staff over leaders; unit only
from 联系单位/分管单位; deputies' own phones and site hotlines are not contacts."""
import pytest

from govdoc.build import parse_text
from govdoc.extract.contact import find_contact, split_person
from govdoc.extract.analysis import Analysis

LETTER = "张三代表：\n您提出的建议收悉，现答复如下：\n感谢您的关心。\n"


def contact(text):
    norm = Analysis(text)
    found = find_contact(norm)
    if found is None:
        return None
    return tuple(norm.slice(*found[k]) if found[k] else None for k in ("unit", "person", "phone"))


@pytest.mark.parametrize("text, expected", [
    (LETTER + "联系人及电话:骆永仙,13800009117", (None, "骆永仙", "13800009117")),
    (LETTER + "联系人及电话:陈景超 3520137", (None, "陈景超", "3520137")),
    (LETTER + "分管领导:袁定军\n\n分管单位:城建股\n\n承办人:万昌明  联系方式:13500005504",
     ("城建股", "万昌明", "13500005504")),
    (LETTER + "联系电话:2698617\n联 系 人:陈乃俊\n2025年7月28日", (None, "陈乃俊", "2698617")),
    (LETTER + "承办负责人:李  颖             邮政编码:412100\n\n承  办  人:齐安平             联系电话:13700000436",
     (None, "齐安平", "13700000436")),
    (LETTER + "联系人:浙江省公路管理局计划财务处姚康\n\n联系电话:0571-87813814,传真:0571-87809478\n\n邮编:310009",
     (None, "姚康", "0571-87813814")),
    (LETTER + "联系人：浙江省公路管理局计财处,戴京国\n联系电话：0571-87813814", (None, "戴京国", "0571-87813814")),
    (LETTER + "(联系单位：许昌市生态环境局 电话：0374-6069500)", ("许昌市生态环境局", None, "0374-6069500")),
    (LETTER + "联系单位:灵璧县文化和旅游局\n联系电话:0557-6022140", ("灵璧县文化和旅游局", None, "0557-6022140")),
    (LETTER + "具体经办人姓名：王五  联系电话：0371-1234567", (None, "王五", "0371-1234567")),
    (LETTER + "联系人姓名:沈晓华            联系电话:59528767\n\n联系地址:嘉定区塔城路885号  邮政编码:201899",
     (None, "沈晓华", "59528767")),
    (LETTER + "经办人：赵六", (None, "赵六", None)),
    (LETTER + "联系电话：0557-6022140", (None, None, "0557-6022140")),
    # the handling staff wins over the leader
    (LETTER + "承办负责人:杨毅  1370740****\n\n承办人及联系电话:杨毅   0730-5182231", (None, "杨毅", "0730-5182231")),
    (LETTER + "联系人：李四 0371-7654321\n经办人：王五 联系电话：0371-1234567", (None, "王五", "0371-1234567")),
    # a phone in brackets after the name, an area code in brackets, a label word before the phone
    (LETTER + "联系人：龙海波（0745-2231234）", (None, "龙海波", "0745-2231234")),
    (LETTER + "联系人：龙海波  电话：(0745)2231234", (None, "龙海波", "(0745)2231234")),
    (LETTER + "联系人：办公室 龙海波，电话 0745-2231234", (None, "龙海波", "0745-2231234")),
    # one field holding the unit and its phone
    (LETTER + "（联系单位及电话：人事教育司　010-65881234）", ("人事教育司", None, "010-65881234")),
    (LETTER + "联系单位及联系电话：市水利局河湖科，0731-22881234", ("市水利局河湖科", None, "0731-22881234")),
    (LETTER + "联系单位及电话：县农业农村局\n", ("县农业农村局", None, None)),
])
def test_find_contact(text, expected):
    assert contact(text) == expected


@pytest.mark.parametrize("text", [
    "代表姓名 |\n王福余 |\n联系电话 |\n15800007018 |\n题目:关于加强农村居民用水安全监管的建议",
    "客服热线:0755-8882 8155\n\n" + LETTER,
    LETTER + "代表联系电话：13800000000",
    LETTER + "网站联系电话：010-12345678 版权所有：某某县人民政府",
    "联系电话：010-12345678\n" + LETTER,   # page chrome above the letter
    LETTER + "具体承办人 |\n||",
])
def test_no_contact(text):
    assert contact(text) is None


@pytest.mark.parametrize("value, name, phone", [
    ("骆永仙,13800009117", "骆永仙", "13800009117"),
    ("李  颖", "李  颖", None),
    ("古丽米热·艾买提   ", "古丽米热·艾买提", None),  # a name whose parts a middle dot joins
    ("阿不都·热合曼,0997-7123530", "阿不都·热合曼", "0997-7123530"),
    ("浙江省公路管理局计划财务处姚康", "姚康", None),
    ("浙江省公路管理局计财处,戴京国", "戴京国", None),
    ("杨毅  1370740****", "杨毅", "1370740****"),
    ("市交通运输局", None, None),
    ("市教育局办公室", None, None),
])
def test_split_person(value, name, phone):
    name_span, phone_span = split_person(value)
    assert (value[slice(*name_span)] if name_span else None, value[slice(*phone_span)] if phone_span else None) \
        == (name, phone)


@pytest.mark.parametrize("text", [
    "市十六届人大二次会议\n代表建议\n第87号\n\n领衔代表：胡立新\n联系电话：13700001234\n\n"
    "案由：关于加快老旧小区改造的建议\n\n内容：\n我市老旧小区设施老化。为此建议：\n一是加大投入；\n二是完善机制。\n",
    "政协某县第九届委员会第一次会议\n提案\n第012号\n\n提案者：民盟县总支部\n联系人：杨  帆　　联系电话：13800002222\n\n"
    "题目：关于加强乡村教师队伍建设的提案\n\n内容：\n乡村教师流失较多。为此建议：\n一是提高待遇；\n二是改善条件。\n",
])
def test_no_contact_on_suggestion_form(text):
    reply = parse_text(text)
    assert reply.kind == "suggestion"
    assert reply.contact is None


def test_seed_contact(parsed_seed, seed_gold):
    c = parsed_seed.contact
    assert (c.unit, c.person, c.phone) == (seed_gold["contact"]["unit"], seed_gold["contact"]["person"],
                                           seed_gold["contact"]["phone"])


@pytest.mark.parametrize("text, expected", [
    (LETTER + "联系单位:紫阳县文广旅游局\n联系电话:0915─4426580\n", ("紫阳县文广旅游局", None, "0915─4426580")),  # box-drawing dash
])
def test_find_contact_unseen_forms(text, expected):
    assert contact(text) == expected
