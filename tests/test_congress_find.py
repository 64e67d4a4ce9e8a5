"""extract.congress: session spans in short, long, traditional and level-less forms; sibling links
and placeholders are never read."""
import pytest

from govdoc.extract.congress import best_congress
from govdoc.extract.analysis import Analysis


@pytest.mark.parametrize("text, expected", [
    ("对市七届人大四次会议\n\n第134号建议的答复", ("人大", "市", 7, 4, "市七届人大四次会议")),
    ("关于政协绿春县十三届委员会第二次会议第5号提案的答复",
     ("政协", "县", 13, 2, "政协绿春县十三届委员会第二次会议")),
    ("对十四屆全國人大二次會議第1234號建議的答復", ("人大", "全国", 14, 2, "十四屆全國人大二次會議")),
    ("你在马关县第十八届人民代表大会第二次会议上提出的建议收悉",
     ("人大", "县", 18, 2, "马关县第十八届人民代表大会第二次会议")),
    ("关于政协十届三次会议第12号提案的答复", ("政协", None, 10, 3, "政协十届三次会议")),
    ("关于区十八届人大四次会议第20250118040077号建议的答复函", ("人大", "区", 18, 4, "区十八届人大四次会议")),
    ("您在县十五届人大六次会议闭会期间提出的建议收悉", ("人大", "县", 15, 6, "县十五届人大六次会议")),
    ("对十二届全国人大四次会议5185号建议的答复", ("人大", "全国", 12, 4, "十二届全国人大四次会议")),
    ("关于汨罗市政协十一届二次会议 第12号提案的答复", ("政协", "市", 11, 2, "汨罗市政协十一届二次会议")),
    # a double-spaced capture: a blank line inside the session's span
    ("池州市贵池区第十五届人民代表大会\n\n第四次会议代表建议、批评和意见\n",
     ("人大", "区", 15, 4, "池州市贵池区第十五届人民代表大会\n\n第四次会议")),
    ("关于君山区人大五届五次会议1号建议的回复", ("人大", "区", 5, 5, "君山区人大五届五次会议")),
    ("池州市贵池区第十五届人民代表大会\n第四次会议代表建议、批评和意见",
     ("人大", "区", 15, 4, "池州市贵池区第十五届人民代表大会\n第四次会议")),
    ("你們在鎮(zhèn)康縣第十七屆人民代表大會第二次會議期間提出的建議",
     ("人大", "县", 17, 2, "鎮(zhèn)康縣第十七屆人民代表大會第二次會議")),
    ("关于人大十九届一次会议第50号代表建议的答复", ("人大", None, 19, 1, "人大十九届一次会议")),
    ("关于政协十三届全国委员会第四次会议第0867号提案答复的函",
     ("政协", "全国", 13, 4, "政协十三届全国委员会第四次会议")),
    ("关于全国政协十三届一次会议第0001号提案答复的函", ("政协", "全国", 13, 1, "全国政协十三届一次会议")),
    ("对第十三届全国人民代表大会第一次会议第2345号建议的答复",
     ("人大", "全国", 13, 1, "第十三届全国人民代表大会第一次会议")),
    ("对省十三届人大一次会议丽22号建议的答复", ("人大", "省", 13, 1, "省十三届人大一次会议")),
    # autonomous units: 自治区 is province level, 自治州 and 自治县 keep their own level
    ("关于自治区政协十一届三次会议第207号提案的答复", ("政协", "省", 11, 3, "自治区政协十一届三次会议")),
    ("关于西藏自治区十二届人大二次会议第45号建议的答复", ("人大", "省", 12, 2, "西藏自治区十二届人大二次会议")),
    # a banner (旗) is county level
    ("关于对政协鄂温克族自治旗第十一届委员会第四次会议第23号提案的答复",
     ("政协", "县", 11, 4, "政协鄂温克族自治旗第十一届委员会第四次会议")),
    ("科尔沁右翼前旗第十八届人民代表大会第三次会议第5号建议的答复", ("人大", "县", 18, 3, "科尔沁右翼前旗第十八届人民代表大会第三次会议")),
    ("关于恩施土家族苗族自治州七届人大三次会议第9号建议的答复",
     ("人大", "州", 7, 3, "恩施土家族苗族自治州七届人大三次会议")),
    ("关于自治县十六届人大五次会议第3号建议的答复", ("人大", "县", 16, 5, "自治县十六届人大五次会议")),
    # no 人大/政协 in the span: the item named after it tells the body
    ("对县十一届六次会议第8号提案的答复", ("政协", "县", 11, 6, "县十一届六次会议")),
    # the span closest to the item number wins over the body's long form
    ("关于对县政协九届三次会议第55号提案的\n答复\n雨露乡委员小组:\n你们在政协南华县第九届委员会第三次会议上提出的提案",
     ("政协", "县", 9, 3, "县政协九届三次会议")),
    # the title lost its numerals: the complete page heading is used
    ("区十三届人大四次会议第8号建议的答复\n\n关于区届人大次会议第8号建议的答复",
     ("人大", "区", 13, 4, "区十三届人大四次会议")),
])
def test_best_congress(text, expected):
    norm = Analysis(text)
    c = best_congress(norm)
    assert (c.body, c.level, c.term, c.session, norm.text[c.start:c.end]) == expected


@pytest.mark.parametrize("text", [
    "关于省××届人大×次会议“×××号”建议的答复",           # a template with placeholders
    "关于区届人大次会议第8号建议的答复",                    # numerals lost, nothing better on the page
    "十三届全国人大常委会第十次会议审议通过",               # a standing-committee meeting
    "上一篇：关于区十八届人大三次会议第5号建议的答复",     # a link to a sibling letter
    "感谢您的关心和支持。\n【关闭窗口】\n上一篇：关于区十八届人大三次会议第5号建议的答复",  # … under the letter
    "感谢您对交通运输事业的关心和支持！",
])
def test_no_congress(text):
    assert best_congress(Analysis(text)) is None


def test_sibling_links_are_never_the_source():
    text = ("关于区十八届人大四次会议第8号建议的答复\n正文。\n"
            "上一篇：关于区十八届人大三次会议第5号建议的答复\n下一篇：关于区十七届人大五次会议第9号建议的答复")
    c = best_congress(Analysis(text))
    assert (c.term, c.session) == (18, 4)


def test_seed_congress(parsed_seed, seed_gold):
    c = parsed_seed.congress
    gold = seed_gold["congress"]
    assert (c.body, c.level, c.term, c.session, c.raw) == (gold["body"], gold["level"], gold["term"],
                                                           gold["session"], gold["raw"])
    assert c.span is not None and 0 < c.confidence <= 1


@pytest.mark.parametrize("text, expected", [
    # a mirror's pinyin inside 會議
    ("    對(duì)市七屆人大三次會(huì)議\n\n    第117號(hào)建議的答復(fù)\n",
     ("人大", "市", 7, 3, "市七屆人大三次會(huì)議")),
])
def test_congress_with_pinyin(text, expected):
    norm = Analysis(text)
    c = best_congress(norm)
    assert (c.body, c.level, c.term, c.session, norm.text[c.start:c.end]) == expected
