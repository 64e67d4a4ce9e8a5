"""OCR boxes → reading-order text: lines grouped by height, sorted by x, CJK joined without
spaces, wrapped paragraph lines joined back."""
from __future__ import annotations

import pytest

from govdoc.read.layout import Box, boxes_to_text, join_words


def box(text: str, x0: float, y0: float, width: float | None = None, h: float = 40.0) -> Box:
    return Box(text, 0.95, x0, y0, x0 + (width if width is not None else h * len(text)), y0 + h)


@pytest.mark.parametrize("left, right, joined", [
    ("签发人：", "李光亚", "签发人：李光亚"),
    ("PM2.5", "平均浓度", "PM2.5平均浓度"),
    ("Room", "101", "Room 101"),
    ("联系电话：", "0374-1234567", "联系电话：0374-1234567"),
])
def test_ocr_join_words_spaces_only_between_latin(left, right, joined):
    assert join_words(left, right) == joined


@pytest.mark.parametrize("boxes, text", [
    # two boxes on one line, given right-to-left and slightly off in height
    ([box("李光亚", 300, 102), box("签发人：", 100, 100)], "签发人：李光亚"),
    # lines come back top to bottom whatever the box order; short lines stay apart
    ([box("第134号建议的答复", 100, 200), box("对市七届人大四次会议", 100, 100),
      box("张永波代表：您提出的关于统筹生态环境与经济协调发展的建议收悉", 100, 300)],
     "对市七届人大四次会议\n第134号建议的答复\n张永波代表：您提出的关于统筹生态环境与经济协调发展的建议收悉"),
])
def test_ocr_boxes_grouped_into_lines_in_reading_order(boxes, text):
    assert boxes_to_text(boxes) == text


def test_ocr_wrapped_paragraph_lines_are_joined_and_short_lines_kept():
    lines = [
        box("许昌市生态环境局", 100, 100),  # short heading line
        box("您提出的关于统筹生态环境与经济协调发展的建议收悉现答", 100, 160, width=1040),  # runs to the right edge
        box("复如下：", 100, 220),  # continuation of the wrapped paragraph
        box("我市开展污染防治攻坚战取得的成效显著全市空气质量持续", 100, 280, width=1040),
        box("改善重点行业差异化错峰生产的措施已经落实到每一家企", 100, 340, width=1040),
        box("业。", 100, 400),
        box("二〇一九年九月二十日", 100, 460),
    ]
    assert boxes_to_text(lines) == ("许昌市生态环境局\n您提出的关于统筹生态环境与经济协调发展的建议收悉现答复如下：\n"
                                    "我市开展污染防治攻坚战取得的成效显著全市空气质量持续改善重点行业差异化错峰生产的措施"
                                    "已经落实到每一家企业。\n二〇一九年九月二十日")


def test_ocr_indented_line_after_full_line_starts_a_paragraph():
    lines = [box("一、我市开展污染防治攻坚战取得的成效显著全市空气质量持续", 100, 100, width=1040),
             box("改善重点行业差异化错峰生产的措施已经落实到每一家企业中", 100, 160, width=1040),
             box("在全市范围内推进工业企业深度治理和清洁能源替代工作的", 100, 220, width=1040),
             box("自2016年开始按照统一部署", 180, 280)]  # indented two characters
    assert boxes_to_text(lines).count("\n") == 1


@pytest.mark.parametrize("ends, edge", [
    ([1000, 1000, 990, 700, 400], 1000),  # wrapped lines stop together at the edge
    ([1400, 1000, 995, 990, 400], 1000),  # one wider line (a table row, a URL) is not the edge
    ([1000, 800, 600, 400], None),  # a last page of a few lines: no edge measured
    # OCR'd wrapped lines ending 0.6 characters apart are the edge, not three short lines further left
    ([1000, 985, 976, 700, 695, 690], 1000),
    ([], None),
])
def test_layout_text_block_edge_is_where_several_lines_end(ends, edge):
    from govdoc.read.layout import group_lines, text_block

    block = text_block(group_lines([Box("字", 0.9, 100, 100 + 60 * i, x1, 140 + 60 * i) for i, x1 in enumerate(ends)]))
    assert (block.right if block else None) == edge


def test_ocr_lines_of_a_short_last_page_are_not_joined():
    # the contact line is the widest of four lines, but no paragraph wrapped on this page
    lines = [box("苍溪县教育局", 100, 100), box("2019年8月12日", 100, 160),
             box("联系人：严志刚联系电话：0839-5222617", 100, 220), box("抄送：县政协提案委，县政府督查室。", 100, 280)]
    assert boxes_to_text(lines).split("\n")[2:] == ["联系人：严志刚联系电话：0839-5222617", "抄送：县政协提案委，县政府督查室。"]


def test_ocr_no_boxes_no_text():
    assert boxes_to_text([]) == ""


def test_ocr_line_ending_a_character_short_of_the_edge_is_not_wrapped():
    # a title that happens to nearly fill the line, then the salutation: room for one more
    # character was left, so the title did not wrap
    lines = [box("关于区十八届人大四次会议第二十号建议的答复函", 100, 100),
             box("平原代表：", 100, 160),
             box("您提出的关于进一步深化实施城市更新行动推动高质量发展的建议收悉", 100, 220)]
    text = boxes_to_text(lines)
    assert text.split("\n")[:2] == ["关于区十八届人大四次会议第二十号建议的答复函", "平原代表："]


def test_ocr_full_line_ending_a_sentence_is_not_joined():
    lines = [box("你们提出的关于做好乡村道路养护工作的建议收悉，现答复如下：", 100, 100),
             box("今年以来", 100, 160)]
    assert boxes_to_text(lines) == "你们提出的关于做好乡村道路养护工作的建议收悉，现答复如下：\n今年以来"


def test_ocr_wide_vertical_gap_becomes_a_blank_line():
    lines = [box("许昌市生态环境局", 100, 100), box("许环〔2019〕4号", 100, 160),
             box("关于第134号建议的答复", 100, 320), box("张永波代表：", 100, 380),
             box("您提出的关于统筹生态环境与经济协调发展的建议收悉。", 100, 440)]
    assert boxes_to_text(lines) == ("许昌市生态环境局\n许环〔2019〕4号\n\n关于第134号建议的答复\n张永波代表：\n"
                                    "您提出的关于统筹生态环境与经济协调发展的建议收悉。")


def test_ocr_number_broken_by_the_wrap_is_joined_without_a_space():
    lines = [box("2017年通过贷款对全县二十个贫困行政村基础设施进行建设，项目共3", 100, 100, width=2000),
             box("9项，硬化159.507公里", 100, 160),
             box("你们的提案提得很好，我县农村公路共计三百九十条两千五百多公里。", 100, 220, width=2000),
             box("今后我们将继续加大投入力度，逐步改善全县农村群众的出行条件", 100, 280, width=2000)]
    assert boxes_to_text(lines).split("\n")[0].endswith("项目共39项，硬化159.507公里")
    assert join_words("Room", "101") == "Room 101"  # boxes on one line keep their space


@pytest.mark.parametrize("gap, joined", [
    (10, "黔农字〔2016〕12号签发人：罗德明"),  # the gap between two words of one phrase
    (300, "黔农字〔2016〕12号" + " " * 19 + "签发人：罗德明"),  # two columns: kept apart
])
def test_ocr_wide_gap_between_boxes_of_a_line_becomes_spaces(gap, joined):
    left = box("黔农字〔2016〕12号", 100, 100)
    right = box("签发人：罗德明", left.x1 + gap, 102)
    assert boxes_to_text([left, right]) == joined


@pytest.mark.parametrize("prev, nxt, lead, joined", [
    ("关于第二十号建议办理情况的答复函", "平原地区", 30.0, False),  # room for 平 (30) was left: no wrap
    ("关于第二十号建议办理情况的答复函", "平原地区", 0.0, True),  # advance not measured (OCR): wrapped
    ("关于第二十号建议办理情况的答复函", "平。", 30.0, True),  # 。 cannot start a line: 平 moved with it
    ("全区累计改造完成老旧小区2016", "年起实施", 30.0, True),  # a breaker may wrap at the space after 2016
    ("全区累计改造完成老旧小区", "2016年起实施", 30.0, True),  # digits: their advance says nothing here
    ("来源：http://www.example.gov.cn/a.html", "平原地区", 0.0, False),  # an address never runs into Chinese
    ("来源：http://www.example.gov.cn/jyta/2", "021/a.html", 0.0, True),  # … but into its own rest
])
def test_layout_line_with_room_left_or_ending_an_address_is_not_wrapped(prev, nxt, lead, joined):
    # three wrapped lines measure the edge at 1140; ``prev`` ends 35 short of it (a character
    # is 40 high): close enough to have wrapped, unless ``nxt``'s first character would fit
    full = "我市开展污染防治攻坚战取得的成效显著全市空气质量持续改善"
    lines = [box(full, 100, 100 + 60 * i, width=1040) for i in range(3)]
    lines += [box(prev, 100, 280, width=1005), Box(nxt, 0.95, 100, 340, 100 + 30 * len(nxt), 380, lead=lead)]
    text = boxes_to_text(lines)
    assert (prev + nxt in text) == joined


@pytest.mark.parametrize("prev, nxt, joined", [
    ("全年网络零售额达到462.5亿元，同比增长21.7%", "（二）完善县乡村物流配送网络。", False),  # 。 lost by OCR
    ("力争2021年新增共同配送县20个", "2.支持邮政、快递企业与电商平台合作。", False),
    ("2006、2009、20", "15、2016等多年的中央1号文件。", True),  # a number broken by the wrap
    ("来源：http://www.example.gov.cn/public/163031", "6.html", True),  # an address broken by the wrap
    # a title that fills its line, then the salutation
    ("陕西省应急管理厅对省十三届政协一次会议第606号提案的答复函", "尊敬的李鑫委员:", False),
    ("关于区十八届人大四次会议第20250118040077号建议的答复函", "平原代表：", False),
    # … or the session's name on a line of its own under it
    ("关于对沿线村庄道路与河道进行整修建议的答复", "淄川区第十九届人民代表大会第二次会议", False),
    ("关于加快推进城区老旧小区改造工作的提案的答复", "市政协十二届三次会议", False),
    ("我们将认真研究代表们在本次会议上提出的意见", "并在下一次常委会会议", True),  # no session's name
    ("区政府高度重视，已将代表提出的这一建议", "列入区人大常委会会议", True),  # goes on: no line of its own
    ("姚華、陳閣輝、李春艷、沈富榮、盧賽君、劉武崗、榮曉燕、余林", "保、袁小-、周建明代表:", True),  # a long salutation wraps
    ("全县共有村级卫生室126个，其中达标的有98个，还有28个需要", "改造提升。", True),
])
def test_layout_full_line_does_not_wrap_into_a_heading(prev, nxt, joined):
    full = "我市开展污染防治攻坚战取得的成效显著全市空气质量持续改善"
    lines = [box(full, 100, 100 + 60 * i, width=1040) for i in range(3)]
    lines += [box(prev, 100, 280, width=1040), box(nxt, 100, 340)]
    assert (prev + nxt in boxes_to_text(lines)) == joined


@pytest.mark.parametrize("read, mended", [
    ("黔农字〔2016]第12号", "黔农字〔2016〕第12号"),
    ("宁教字[2013〕41号", "宁教字〔2013〕41号"),
    ("豫环函（2020〕15号", "豫环函〔2020〕15号"),
    ("豫环函〔2020〕15号", "豫环函〔2020〕15号"),
    ("（2020）年度", "（2020）年度"),  # no hexagonal half: left alone
    ("[2016]12号", "[2016]12号"),
    ("教建议〔2017〕·第39号", "教建议〔2017〕第39号"),  # a speck read as a dot
    ("个自然资函〔2022〕..25号", "个自然资函〔2022〕25号"),
    ("教建议〔.2017〕第39号", "教建议〔2017〕第39号"),
    ("国发〔2017〕12号。下一步", "国发〔2017〕12号。下一步"),
])
def test_ocr_mismatched_year_brackets_of_a_document_number_are_mended(read, mended):
    from govdoc.read.ocr import mend_year_brackets

    assert mend_year_brackets(read) == mended


def _word(text: str, x0: float, x1: float) -> tuple:
    return (text, 0.99, [[x0, 0], [x1, 0], [x1, 70], [x0, 70]])


@pytest.mark.parametrize("text, words, box, pieces", [
    # a column gap inside one detected line (two ideographic spaces, 2.7 line heights): two pieces
    ("来源：局发布", [_word("来", 320, 371), _word("源", 382, 433), _word("：", 444, 494), _word("局", 505, 556),
                  _word("发", 760, 811), _word("布", 822, 873)], (303, 890),
     [("来源：局", 303, 556), ("发布", 760, 890)]),
    # the detected box reaches more than a line height left of the first character (a seal's residue)
    ("内蒙古", [_word("内", 802, 842), _word("蒙", 842, 882), _word("古", 882, 922)], (724, 930),
     [("内蒙古", 802, 930)]),
    # words a space apart stay one piece, the box as detected
    ("2017-06-15 16:42", [_word("2017-06-15", 100, 400), _word("16:42", 420, 560)], (90, 570),
     [("2017-06-15 16:42", 90, 570)]),
    # no word boxes, or words that do not match the text: the whole line
    ("联系人：张三", [("", 1.0, None)], (100, 500), [("联系人：张三", 100, 500)]),
    ("联系人：张三", [_word("联系", 100, 200), _word("李四", 300, 400)], (100, 500), [("联系人：张三", 100, 500)]),
])
def test_ocr_line_split_at_a_column_gap_and_trimmed_to_its_characters(text, words, box, pieces):
    from govdoc.read.ocr import text_pieces

    assert text_pieces(text, words, box[0], box[1], 74.0) == pieces
