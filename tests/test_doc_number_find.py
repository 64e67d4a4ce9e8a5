"""extract.doc_number: the document's own 发文字号, never a number it cites."""
import pytest

from govdoc.extract.doc_number import best_doc_number, find_doc_numbers
from govdoc.extract.analysis import Analysis


def _best(text):
    norm = Analysis(text)
    best = best_doc_number(norm)
    return None if best is None else (norm.slice(best.start, best.end), best.prefix, best.year, best.serial)


@pytest.mark.parametrize("text, expected", [
    ("许昌市生态环境局文件\n\n许环〔2019〕4号\n\n签发人：李光亚", ("许环〔2019〕4号", "许环", 2019, 4)),
    ("许环〔2019〕4 号\n", ("许环〔2019〕4 号", "许环", 2019, 4)),
    ("许环 〔 2019 〕 4 号\n", ("许环 〔 2019 〕 4 号", "许环", 2019, 4)),
    ("湘 潭 环 〔 2019 〕 4 号\n", ("湘 潭 环 〔 2019 〕 4 号", "湘潭环", 2019, 4)),    # letter-spaced prefix
    ("许环[2019]4号\n", ("许环[2019]4号", "许环", 2019, 4)),
    ("许环［2019］4号\n", ("许环［2019］4号", "许环", 2019, 4)),
    ("许环(2019)4号\n", ("许环(2019)4号", "许环", 2019, 4)),
    ("许环（2019）4号\n", ("许环（2019）4号", "许环", 2019, 4)),
    ("浙交建【2018】92号\n", ("浙交建【2018】92号", "浙交建", 2018, 92)),
    ("许环〈2019〉4号\n", ("许环〈2019〉4号", "许环", 2019, 4)),          # OCR: 〈〉 for 〔〕
    ("许环[ 2019 ]4号\n", ("许环[ 2019 ]4号", "许环", 2019, 4)),         # OCR: [ ] for 〔〕
    ("许环〔2O19〕4号\n", ("许环〔2O19〕4号", "许环", 2019, 4)),          # OCR: O for 0
    ("许环〔2019〕l2号\n", ("许环〔2019〕l2号", "许环", 2019, 12)),        # OCR: l for 1
    ("许环〔20l9〕1o号\n", ("许环〔20l9〕1o号", "许环", 2019, 10)),
    ("赣交〔2022〕77\n", ("赣交〔2022〕77", "赣交", 2022, 77)),           # no 号
    ("建议字:〔2023〕8号\n", ("建议字:〔2023〕8号", "建议字", 2023, 8)),    # colon kept in raw only
    ("文号：许环〔2019〕4号\n", ("许环〔2019〕4号", "许环", 2019, 4)),
    ("发文字号：豫环函〔2020〕15号\n", ("豫环函〔2020〕15号", "豫环函", 2020, 15)),
    ("文件编号:浙交建〔2018〕92号\n", ("浙交建〔2018〕92号", "浙交建", 2018, 92)),
    # metadata blocks: a bracketed label, a table flattened with | separators
    ("【文号】岳民函〔2022〕31号      【公开方式】主动公开\n", ("岳民函〔2022〕31号", "岳民函", 2022, 31)),
    ("索引号 | 11430600/2023-0042 | 发文字号 | 湘教函〔2023〕58号 | 成文日期 | 2023-06-02\n",
     ("湘教函〔2023〕58号", "湘教函", 2023, 58)),
    ("嘉嘉办理〔2024〕2号关于对区七届人大四次会议第T014号代表建议的会办意见\n",
     ("嘉嘉办理〔2024〕2号", "嘉嘉办理", 2024, 2)),                      # glued before the title
    (" 株县水利字〔2016〕2号(B)类   \n", ("株县水利字〔2016〕2号", "株县水利字", 2016, 2)),  # grade glued after
    ("汨公交提字〔202302A\n", ("汨公交提字〔202302", "汨公交提字", 2023, 2)),  # closing bracket lost
    ("舞水〔202258\n", ("舞水〔202258", "舞水", 2022, 58)),
    ("许环〔2019〕4号          签发人：李光亚\n", ("许环〔2019〕4号", "许环", 2019, 4)),
    ("签发人：李光亚    许环〔2019〕4号\n", ("许环〔2019〕4号", "许环", 2019, 4)),
    ("许昌市生态环境局文件 许环〔2019〕4号\n", ("许环〔2019〕4号", "许环", 2019, 4)),
    ("文件编号: 京政发2019年12号\n", ("京政发2019年12号", "京政发", 2019, 12)),  # labelled, no brackets
])
def test_own_number(text, expected):
    assert _best(text) == expected


@pytest.mark.parametrize("text", [
    "根据国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见(国办发〔2020〕23号)等有关规定,现答复如下:",
    "根据…(新密政办文〔2020〕7号)的要求,我局高度重视。",
    "按照《许昌市人民政府关于印发方案的通知》(许政〔2019〕3号)精神,",
    "依据《关于许环〔2019〕4号文件的补充通知》开展工作",
    "根据国办发〔2020〕23号和鲁政办字〔2020〕28号文件要求",
    "文号：无",
    "文 号: 所属主题: 人大代表建议办理",
    "发文字号 主题词",
    "文件编号:\n发布时间:",
    "XXX林字第X号",
    "实施方案(2019-2025年)",
])
def test_not_own_number(text):
    assert _best(text) is None


@pytest.mark.parametrize("text", [
    "许环〔2019〕4号\n\n正文根据豫环〔2018〕7号文件精神,",
    "许环〔2019〕4号\n\n按照《通知》(豫政〔2018〕9号)要求",
])
def test_own_number_beats_cited(text):
    assert _best(text)[0] == "许环〔2019〕4号"


@pytest.mark.parametrize("text", ["许环〔2019〕4号\n", "文号：许环〔2019〕4号\n"])
def test_span_points_at_raw(text):
    norm = Analysis(text)
    cand = max(find_doc_numbers(norm), key=lambda c: c.score)
    assert norm.text[cand.start:cand.end] == "许环〔2019〕4号"


@pytest.mark.parametrize("text, expected", [
    ("岳縣鐵水建字﹝2015﹞1號(hào)(B類)\n", ("岳縣鐵水建字﹝2015﹞1號(hào)", "岳縣鐵水建字", 2015, 1)),  # a mirror's pinyin after 號
    ("清自然資空間規(guī)劃【2020】25號(hào)\n", ("清自然資空間規(guī)劃【2020】25號(hào)", "清自然資空間規(guī)劃", 2020, 25)),
])
def test_own_number_with_pinyin(text, expected):
    assert _best(text) == expected
