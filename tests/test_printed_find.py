"""extract.printed: the 印发 line names the printing office and the printing date."""
import pytest

from govdoc.extract.printed import find_printed
from govdoc.extract.analysis import Analysis


@pytest.mark.parametrize("text, org, raw, iso", [
    ("抄送：市人大选工委\n\n许昌市生态环境局办公室\n\n2019年9月20日印发", "许昌市生态环境局办公室", "2019年9月20日", "2019-09-20"),
    ("许昌市生态环境局办公室  2019年9月20日印发\n", "许昌市生态环境局办公室", "2019年9月20日", "2019-09-20"),
    ("郑州市人民政府办公厅 二〇二〇年三月五日印发", "郑州市人民政府办公厅", "二〇二〇年三月五日", "2020-03-05"),
    ("某县交通运输局办公室            2019年9月20日 印发\n", "某县交通运输局办公室", "2019年9月20日", "2019-09-20"),
    ("2019年9月20日印发\n", None, "2019年9月20日", "2019-09-20"),
])
def test_printed_line(text, org, raw, iso):
    norm = Analysis(text)
    found = find_printed(norm)
    assert (norm.slice(*found.org) if found.org else None, norm.slice(*found.date), found.iso) == (org, raw, iso)


@pytest.mark.parametrize("text", [
    "2018年10月市环境污染攻坚办印发了《实施方案》。",
    "许昌市生态环境局\n2019年9月20日\n",
    "关于印发市政协五届四次会议第271号提案公开办理工作方案的通知",
])
def test_no_printed_line(text):
    assert find_printed(Analysis(text)) is None
