"""extract.letter_layout: salutation, body start and organ lines."""
import pytest

from govdoc.extract.letter_layout import body_start, iter_lines, last_letter_line, org_span, salutation_start


@pytest.mark.parametrize("text, first_body_line", [
    ("对市七届人大四次会议\n第134号建议的答复\n张永波代表：\n您提出的建议收悉，现答复如下：\n", "张永波代表："),
    ("尊敬的王风科代表:\n\n您好!\n", "尊敬的王风科代表:"),
    ("市财政局、市建设局、市红十字会:\n根据统一安排,特制定本方案。\n", "市财政局、市建设局、市红十字会:"),
    ("# source: http://example.gov.cn/a?id=1&b=2\n\n标题\n您提出的建议收悉,现答复如下:\n", "您提出的建议收悉,现答复如下:"),
    ("联系人:王五\n分享到:\n雨露乡委员小组:\n你们好。\n", "雨露乡委员小组:"),
])
def test_body_start(text, first_body_line):
    start = body_start(text)
    assert text[start:].split("\n", 1)[0] == first_body_line


@pytest.mark.parametrize("text", ["联系人:王五\n", "来源:生态环境部\n", "分享到:\n", "承办单位:县水利局\n"])
def test_not_salutation(text):
    assert salutation_start(text) == -1


@pytest.mark.parametrize("line, expected", [
    ("马关县交通运输局", "马关县交通运输局"),
    ("   上海市嘉定区人民政府嘉定镇街道办事处  ", "上海市嘉定区人民政府嘉定镇街道办事处"),
    ("镇(zhèn)康县教育局", "镇(zhèn)康县教育局"),
    ("李光亚", None),
    ("许昌市生态环境局文件", None),
    ("(联系单位：许昌市生态环境局 电话：0374-6069500)", None),
    ("感谢你们对交通工作的关心和支持!", None),
    ("2019年9月20日", None),
])
def test_org_span(line, expected):
    span = org_span(line)
    assert (line[span[0]:span[1]] if span else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("ab\n\ncd\n", ["ab", "", "cd"]),
    ("ab", ["ab"]),
    ("", []),
])
def test_iter_lines(text, expected):
    assert [text[s:e] for s, e in iter_lines(text)] == expected


@pytest.mark.parametrize("text, last", [
    ("正文。\n南华县交通运输局\n\n【打印本页】【关闭窗口】\n下一篇：关于第12号提案的答复\n版权所有 © 南华县人民政府\n",
     "南华县交通运输局"),
    ("正文。\n南华县交通运输局\n2019年5月8日\n", "2019年5月8日"),
    ("【打印本页】\n", None),
])
def test_last_letter_line_skips_the_page_chrome_under_it(text, last):
    span = last_letter_line(text)
    assert (text[slice(*span)] if span else None) == last
