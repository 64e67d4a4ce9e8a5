"""extract.item: item numbers as written (leading zeros, letters, delegation prefixes) and the item
type, with CPPCC proposals always 提案 and conflicting labels giving no type."""
import pytest

from govdoc.build import parse_text
from govdoc.extract.item import find_items, page_label, resolve_type
from govdoc.extract.analysis import Analysis


def best(text):
    norm = Analysis(text)
    cands = find_items(norm)
    c = max(cands, key=lambda c: (c.score, -c.start)) if cands else None
    return (c.type, c.number(norm)) if c else None


@pytest.mark.parametrize("text, expected", [
    ("对市七届人大四次会议\n\n第134号建议的答复", ("建议", "134")),
    ("关于政协十三届全国委员会第四次会议第0867号(资源环境类086号)提案答复的函", ("提案", "0867")),
    ("关于政协十三届全国委员会第二次会议第3838号\n(资源环境类224号)提案答复的函", ("提案", "3838")),
    ("关于对区七届人大四次会议 第T014号代表建议的会办意见", ("建议", "T014")),
    ("关于区十八届人大四次会议第20250118040077号建议的答复函", ("建议", "20250118040077")),
    ("浙江省交通运输厅关于省十三届人大一次会议温36号建议的答复", ("建议", "温36")),
    ("浙江省交通运输厅关于省十三届人大一次会议丽22号建议的答复", ("建议", "丽22")),
    ("人大代表苗方杰提出《关于加大力度治理学校周边环境》(99号)建议", ("建议", "99")),
    ("对十二届全国人大四次会议5185号建议的答复", ("建议", "5185")),
    ("关于君山区人大五届五次会议1号建议的回复", ("建议", "1")),
    ("您在县政协十一届三次会议上提出的第2024087号《关于加强我县传统村落保护利用的建议》的提案收悉",
     ("提案", "2024087")),
    ("关于对姚安县第十七届人民代表大会第一次会议第48号建议案的答复", ("建议", "48")),
    ("池州市贵池区第十五届人民代表大会\n第四次会议代表建议、批评和意见\n第67号\n", ("建议", "67")),
    ("关于十四届全国人大二次会议第1234號議案的答復", ("议案", "1234")),
    ("提案编号：T021\n标题：关于……", ("提案", "T021")),
    ("市七届人大四次会议代表建议第134号\n办理情况的答复", ("建议", "134")),
    # a letter or year prefix joined by a hyphen is part of the number
    ("关于市八届人大三次会议第B-07号建议的答复", ("建议", "B-07")),
    ("提案号：2022-118\n提案人：民进某市委员会", ("提案", "2022-118")),
    ("建議編號：第0318號\n會議屆次：區十五屆人大三次會議", ("建议", "0318")),   # traditional, 第…號 in a field
    ("县第十四届人民代表大会第三次会议\n\n议　　案\n\n第7号\n\n案由：关于……的议案", ("议案", "7")),  # spaced heading
    ("关于印发市政协五届二次会议第0112号重点提案办理工作方案的通知", ("提案", "0112")),
    # the number in brackets after the quoted title; a letter prefix with a year and a serial
    ("您提出的《关于解决村屯道路照明问题的建议》(第142号)已转我镇办理。", ("建议", "142")),
    ("关于建塘小学老旧校舍改造提升建议(第10号),已交我们办理", ("建议", "10")),
    ("建议编号：WJ2024-0087\n标题：关于……", ("建议", "WJ2024-0087")),
    # a hard-wrapped title broken between 代表 and 建议
    ("龙游县农业农村局关于对龙游县十四届人大四次会议第31号代表\n建议答复的函", ("建议", "31")),
])
def test_find_items(text, expected):
    assert best(text) == expected


@pytest.mark.parametrize("text", [
    "信件编号：20230512001\n您好！您反映的问题已收悉。",       # a message board's letter number
    "株县水利字〔2016〕2号(B)类",                              # a document number
    "历年中央1号文件都把建设完善农业社会化服务体系作为重要内容。",
    "你提出的“关于修建方山村委会连接道路的建议”已交我们研究办理",  # no number
    "上一篇：关于区十八届人大三次会议第5号建议的答复",          # a sibling letter
    "感谢您的关心和支持。\n【关闭窗口】\n下一篇：关于第12号提案的答复",  # … linked under the letter
])
def test_no_numbered_item(text):
    assert best(text) is None


@pytest.mark.parametrize("numbered, body, label, role, expected", [
    ("建议", "人大", None, None, "建议"),
    ("建议", "政协", None, None, "提案"),   # a CPPCC proposal whose title ends in 建议
    (None, "政协", None, None, "提案"),
    (None, "人大", None, None, "建议"),
    ("提案", "人大", None, None, None),     # a deputy's item called 提案: conflicting labels
    ("提案", None, "议案", None, None),     # metadata 属性:议案 against a numbered 提案
    ("议案", None, "议案", None, "议案"),
    (None, None, None, "代表", "建议"),     # only the salutation tells
    (None, None, None, "委员", "提案"),
    (None, None, None, None, None),
])
def test_resolve_type(numbered, body, label, role, expected):
    assert resolve_type(numbered, body, label, role) == expected


@pytest.mark.parametrize("text, expected", [
    ("屬性：議案\n", "议案"),
    ("类别:提案\n", "提案"),
    ("类别:C\n", None),
])
def test_page_label(text, expected):
    assert page_label(Analysis(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("关于县政协十一届三次会议第5号建议的答复\n王五委员：\n您提出的建议收悉。", ("提案", "5")),
    ("熊林花代表:\n你提出的“关于修建道路的建议”,已交我们研究办理,现答复如下:", ("建议", None)),
])
def test_item_stage(text, expected):
    item = parse_text(text).item
    assert (item.type, item.number) == expected


def test_seed_item(parsed_seed, seed_gold):
    assert (parsed_seed.item.type, parsed_seed.item.number) == (seed_gold["item_type"], seed_gold["item_number"])


@pytest.mark.parametrize("text, expected", [
    ("市交通運輸局:\n立案號(hào):2020072號(hào)\n", (None, "2020072")),   # a lodging number, pinyin after 號
    ("立案号：2020072号\n", (None, "2020072")),
    ("区十六届人大五次会议议案答复\n九原区十六届人大五次会议人大代表议案04\n标 题:关于重新规划土地的议案\n", ("议案", "04")),
])
def test_find_items_unseen_forms(text, expected):
    assert best(text) == expected


@pytest.mark.parametrize("text", [
    "我们收到代表建议12件,已全部办结。\n",    # a count, not a heading's number
])
def test_no_glued_number(text):
    assert best(text) is None
