"""Which part a whole page is: a suggestion, a reply, or neither (``compare/parts.role_of``)."""
from __future__ import annotations

import pytest

from govdoc.compare.cues import default_cues
from govdoc.compare.parts import page_parts


@pytest.mark.parametrize("text, roles", [
    # a notice asks for things (加强…, 落实…) but is titled as a notice: neither part
    ("关于做好春节期间安全生产工作的通知\n各乡镇人民政府:\n春节将至,现将有关事项通知如下。\n一、加强隐患排查。\n二、落实值班制度。\n",
     []),
    ("关于印发农村公路养护工作方案的通知\n各乡镇:\n现将方案印发给你们,请认真贯彻落实。\n一是加快推进公路养护。\n", []),
    # a page publishing a suggestion names it in its title: still the suggestion
    ("县第十六届人大第四次会议第21号建议公示公告\n建议内容(摘要):群众出行困难,恳请硬化张村至李村道路。\n", ["suggestion"]),
    # a restated request without a title: a suggestion (its action verbs are the asks)
    ("硬化张村至李村道路3公里,修缮加固东村蓄水池。\n", ["suggestion"]),
    # a record page under the site's 办理结果公开 section, with no reply on it: the suggestion,
    # its 建议人 field kept with it
    ("首页 > 建议提案办理 > 办理结果公开\n县第十六届人民代表大会第一次会议代表建议办理结果\n建议编号:第58号\n建议人:胡国强\n"
     "建议内容:山区学生上学路远,建议为山区学校配备校车。\n承办单位:县教育体育局\n", ["suggestion"]),
])
def test_compare_parts_role_of_a_whole_page(tmp_path, text, roles):
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    assert [p.role for p in page_parts(page, default_cues())] == roles
