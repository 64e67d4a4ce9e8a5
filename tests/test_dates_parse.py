"""text.dates: every written form of a date → datetime.date, damaged or ambiguous ones → None."""
from datetime import date

import pytest

from govdoc.text.dates import find_dates, parse_date


@pytest.mark.parametrize("raw, default_year, expected", [
    ("2019年9月20日", None, date(2019, 9, 20)),
    ("2022年07月28日", None, date(2022, 7, 28)),
    ("2019 年 9 月 20 日", None, date(2019, 9, 20)),
    ("２０１９年９月２０日", None, date(2019, 9, 20)),
    ("2019-07-03", None, date(2019, 7, 3)),
    ("2019.7.3", None, date(2019, 7, 3)),
    ("2019/7/3", None, date(2019, 7, 3)),
    ("二〇一九年九月二十日", None, date(2019, 9, 20)),
    ("二○一一年五月十日", None, date(2011, 5, 10)),
    ("二〇二三年十二月三十一日", None, date(2023, 12, 31)),
    ("二O二三年七月六日", None, date(2023, 7, 6)),     # the letter O for 〇
    ("二0一八年十月九日", None, date(2018, 10, 9)),     # the digit 0 for 〇
    ("二〇二四年元月八日", None, date(2024, 1, 8)),     # 元月 is January
    ("9月20日", 2019, date(2019, 9, 20)),
    ("九月二十日", 2021, date(2021, 9, 20)),
    ("9月20日", None, None),              # partial date without a year to resolve against
    ("2017823", None, date(2017, 8, 23)),  # signature date that lost 年/月/日
    ("202398", None, date(2023, 9, 8)),
    ("2023518", None, date(2023, 5, 18)),
    ("20231112", None, date(2023, 11, 12)),
    ("2023111", None, None),               # 1月11日 or 11月1日: ambiguous
    ("0二十六日", 2019, None),              # damaged
    ("2019年2月30日", None, None),          # no such day
    ("成文日期 2025-04-27", None, date(2025, 4, 27)),
    ("", None, None),
    ("十四届全国人大二次会议", None, None),
])
def test_parse_date(raw, default_year, expected):
    assert parse_date(raw, default_year) == expected


@pytest.mark.parametrize("text, compact, expected", [
    ("许昌市生态环境局\n2019年9月20日\n", False, [("2019年9月20日", date(2019, 9, 20))]),
    ("发布日期：2019-10-08 成文日期：2019.9.20", False,
     [("2019-10-08", date(2019, 10, 8)), ("2019.9.20", date(2019, 9, 20))]),
    ("于9月20日召开", False, [("9月20日", date(2018, 9, 20))]),
    ("县政府\n0二十六日", False, [("0二十六日", None)]),
    # digit runs are read only on request: phone numbers and item numbers look like them
    ("联系电话：2017823", False, []),
    ("县水利局\n2017823", True, [("2017823", date(2017, 8, 23))]),
    ("编号2023111", True, []),
    ("版本1.2.3", False, []),
])
def test_find_dates(text, compact, expected):
    hits = list(find_dates(text, default_year=2018, compact=compact))
    assert [(text[s:e], d) for s, e, d in hits] == expected


def test_find_dates_reads_the_match_text_of_a_normtext():
    from govdoc.normalize import NormText

    norm = NormText("二〇二四年三月十四日")
    assert [h.date for h in find_dates(norm)] == [date(2024, 3, 14)]
