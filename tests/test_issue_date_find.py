"""extract.issue_date: the signature date first (Chinese numerals, lost 年/月/日), then labelled
metadata, then the 印发 line; publication dates and page headers never."""
import pytest

from govdoc.build import parse_text
from govdoc.extract.issue_date import best_issue_date
from govdoc.extract.analysis import Analysis

LETTER = "张三代表：\n您提出的建议收悉，现答复如下：\n感谢您的关心。\n"


def issue(text, doc_year=None):
    norm = Analysis(text)
    c = best_issue_date(norm, doc_year)
    if c is None:
        return None
    return (c.date.isoformat() if c.date else None, norm.slice(c.start, c.end))


@pytest.mark.parametrize("text, expected", [
    (LETTER + "马关县交通运输局\n2020年9月18日\n联系人及电话:骆永仙,13800009117", ("2020-09-18", "2020年9月18日")),
    (LETTER + "某某县水利局\n二○一一年五月十日\n", ("2011-05-10", "二○一一年五月十日")),
    (LETTER + "某某县水利局\n二〇一九年九月二十日\n", ("2019-09-20", "二〇一九年九月二十日")),
    (LETTER + "马关县交通运输局   2020年9月18日\n", ("2020-09-18", "2020年9月18日")),
    (LETTER + "马关县交通运输局?2020年9月18日\n", ("2020-09-18", "2020年9月18日")),  # a lost character
    (LETTER + "咸安區(qū)教育局?2020年04月17日\n", ("2020-04-17", "2020年04月17日")),  # with pinyin
    (LETTER + "                       2024年3月22日\n", ("2024-03-22", "2024年3月22日")),
    (LETTER + "汨罗市公安局交通警察大队\n\n   2023518\n", ("2023-05-18", "2023518")),
    (LETTER + "银川市交通运输局\n2017823\n", ("2017-08-23", "2017823")),
    (LETTER + "某某局\n202398\n", ("2023-09-08", "202398")),
    (LETTER + "某某局\n2019-07-03\n", ("2019-07-03", "2019-07-03")),
    # the signature date wins over metadata dates
    ("生效日期: 2020-02-16 废止日期:\n" + LETTER + "夏邑县水利局\n\n2019年7月19日\n", ("2019-07-19", "2019年7月19日")),
    ("发文日期: 2024年08月27日\n" + LETTER + "2024年3月22日\n", ("2024-03-22", "2024年3月22日")),
    # metadata when there is no signature date
    ("成文日期 2025-04-27 公开方式 主动公开\n" + LETTER, ("2025-04-27", "2025-04-27")),
    ("- 成文时间:2022年07月28日\n" + LETTER, ("2022-07-28", "2022年07月28日")),
    ("生效日期：2020-02-16\n" + LETTER, ("2020-02-16", "2020-02-16")),
    ("印发日期：2019年9月20日\n" + LETTER, ("2019-09-20", "2019年9月20日")),
    (LETTER + "抄送：市政府督查室\n许昌市生态环境局办公室\n2019年9月20日印发", ("2019-09-20", "2019年9月20日")),
    (LETTER + "许昌市生态环境局办公室        2019年9月20日印发", ("2019-09-20", "2019年9月20日")),
    # a partial signature date takes the letter's year
    (LETTER + "某某局\n9月20日\n", ("2019-09-20", "9月20日")),
])
def test_best_issue_date(text, expected):
    assert issue(text, doc_year=2019) == expected


@pytest.mark.parametrize("text", [
    "发布日期：2019-10-08\n" + LETTER,
    "发布时间:2025-04-27 10:14浏览次数:\n" + LETTER,
    "株洲县政府门户网站更新时间:2016-09-30作者:\n" + LETTER,
    "2018年8月21日 星期二\n" + LETTER,                         # a page header
    "Admin - admin 于2023年07月09日发表\n" + LETTER,            # a post date
    "2021-08-17 来源:生态环境部\n" + LETTER,
    LETTER + "办理情况:已于2015年6月24日办复\n",                 # a date inside a sentence
    LETTER + "联系电话:2012345\n",
    # no salutation: a date line at the top of the page is not a signature
    "关于某某建议的答复\n2021-08-17\n" + "您提出的建议收悉，现答复如下：一、……二、……三、……\n" * 3,
])
def test_no_issue_date(text):
    assert issue(text) is None


def test_damaged_signature_date_gives_no_date_even_with_metadata():
    assert issue("成文日期：2019-07-03\n" + LETTER + "某某局\n0二十六日\n") == (None, "0二十六日")
    assert parse_text("成文日期：2019-07-03\n" + LETTER + "某某局\n0二十六日\n").issue_date is None


def test_partial_date_without_a_year_is_not_written():
    assert parse_text(LETTER + "某某局\n9月20日\n").issue_date is None


def test_seed_issue_date(parsed_seed, seed_gold):
    d = parsed_seed.issue_date
    assert (d.date, d.raw) == (seed_gold["issue_date"], seed_gold["issue_date_raw"])


@pytest.mark.parametrize("text, expected", [
    ("  • 发文日期:\n\n    2022-07-14\n\n  • 发布时间:2022-12-30\n" + LETTER, ("2022-07-14", "2022-07-14")),
    ("发文日期：2022年7月14日\n" + LETTER, ("2022-07-14", "2022年7月14日")),
    ("  • 成文日期:\n    2021-03-02\n" + LETTER, ("2021-03-02", "2021-03-02")),
    # labels in brackets, as metadata tables print them
    ("[ 发布机构 ] 市科技局\n[ 成文日期 ] 2021-07-16 [ 发布日期 ] 2021-07-20\n" + LETTER, ("2021-07-16", "2021-07-16")),
    ("【成文日期】2021年7月16日\n" + LETTER, ("2021-07-16", "2021年7月16日")),
    # a metadata table with cell borders
    ("| 发文字号 | 黑文旅函〔2026〕57号 | 发布机构 | 省文化和旅游厅 |\n| 成文日期 | 2026-04-28 | 发布日期 | 2026-05-12 |\n"
     + LETTER, ("2026-04-28", "2026-04-28")),
])
def test_issue_date_unseen_metadata(text, expected):
    assert issue(text) == expected


@pytest.mark.parametrize("text", [
    "  • 发文日期:\n\n  • 发布时间:\n\n    2022-12-30\n" + LETTER,   # an empty field takes nothing from below
])
def test_empty_date_field(text):
    assert issue(text) is None
