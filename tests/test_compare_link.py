"""Linking in a folder: one synthetic case per rule of ``compare/link.py``."""
from __future__ import annotations

from pathlib import Path

import pytest

from govdoc.compare.analyze import compare_folder
from govdoc.compare.cues import default_cues
from govdoc.compare.link import Weights, shared_name, shared_run
from govdoc.text.zh import match_text

SUGGESTION = "县第十八届人大第一次会议第12号建议\n提出人:张三代表\n建议内容:村内水池年久失修,建议拨付资金修缮加固东村蓄水池。\n"
OTHER = "县第十八届人大第一次会议第13号建议\n提出人:李四代表\n建议内容:群众出行困难,建议硬化西村至南山道路。\n"
REPLY = ("关于县第十八届人大第一次会议第{n}号建议答复的函\n张三代表:\n您提出的《关于修缮加固东村蓄水池的建议》收悉,现答复如下:\n"
         "{body}\n县水务局\n2022年6月10日\n")
RECORD = ("建议标题:关于解决码头道路建设资金的建议\n建议内容(摘要):拟建设石阶寨至江边码头道路500米,特恳请县级财政部门予以支持解决。\n"
          "承办单位:县交通运输局\n")
WEAK_REPLY = "办理复文(摘要): 县交通运输局对第35号建议的答复。经我局积极筹措资金,该项目已于2020年7月开工建设。\n办理结果:A类\n"


def links_of(folder: Path, files: dict[str, str]):
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = compare_folder(folder)
    return {Path(r.path).name: Path(s.path).name for s, r, _ in result.linked}, result


@pytest.mark.parametrize("files, expected", [
    # item number, proposer and text agree: the lead and the co-handler both link to one suggestion
    ({"s12.txt": SUGGESTION, "s13.txt": OTHER,
      "r1.txt": REPLY.format(n=12, body="东村蓄水池已完成修缮加固,投资25万元。"),
      "r2.txt": REPLY.format(n=12, body="我局已补助东村蓄水池修缮资金10万元。")},
     {"r1.txt": "s12.txt", "r2.txt": "s12.txt"}),
    # little shared text, but the handling unit agrees and no other reply claims the record
    ({"s35.txt": RECORD, "r35.txt": WEAK_REPLY}, {"r35.txt": "s35.txt"}),
    # a reply to another matter (different number, nothing in common) links to nothing
    ({"s12.txt": SUGGESTION, "r9.txt": REPLY.format(n=9, body="西街路灯已于2021年3月安装完成。").replace("东村蓄水池", "西街路灯")},
     {}),
    # the same topic and unit, no number: a reply to another deputy does not answer this suggestion
    ({"s12.txt": SUGGESTION.replace("第12号建议", "建议"),
      "r1.txt": REPLY.format(n=12, body="东村蓄水池已完成修缮加固,投资25万元。").replace("第12号", "").replace("张三代表", "王五代表")},
     {}),
    # a reply to item 13 on the same pond: the surer reply to this suggestion (no number, no
    # proposer of its own) gives item 12 and 张三, so the second answers another suggestion
    ({"s12.txt": "建议内容:村内水池年久失修,建议拨付资金修缮加固东村蓄水池。\n",
      "s14.txt": OTHER.replace("第13号", "第14号").replace("李四", "王五"),
      "r1.txt": REPLY.format(n=12, body="拨付资金修缮加固东村蓄水池一事,已完成,投资25万元。"),
      "r2.txt": REPLY.format(n=13, body="东村蓄水池已完成修缮加固,周边道路已硬化。").replace("张三代表", "李四代表")},
     {"r1.txt": "s12.txt"}),
])
def test_compare_link_rules(tmp_path, files, expected):
    links, result = links_of(tmp_path, files)
    assert links == expected
    assert all(c.link.evidence for _s, _r, c in result.linked)


def test_compare_link_unlinked_listed(tmp_path):
    _links, result = links_of(tmp_path, {"s12.txt": SUGGESTION, "s13.txt": OTHER,
                                         "r1.txt": REPLY.format(n=12, body="东村蓄水池已完成修缮加固。")})
    assert [Path(p.path).name for p in result.unlinked_suggestions] == ["s13.txt"]


@pytest.mark.parametrize("suggestion, reply, run", [
    ("建议内容:沅江隧道工程部与劳动巷之间有一块空地闲置,建议建设停车场。", "得知沅江隧道工程部与劳动巷之间这块空地已规划为变电站。", "沅江隧道工程部与劳动巷之间"),
    ("建议内容:建议建设停车场,缓解停车难。", "停车难是城市病。", None),
])
def test_compare_link_shared_run(suggestion, reply, run):
    assert shared_run(match_text(suggestion), match_text(reply), default_cues()) == run



TITLE_RECORD = "县十五届人大三次会议人大代表议案07\n标 题:关于重新规划西沟村300亩荒地的议案\n提案代表:赵六等8名代表\n"
PLAIN_REPLY = ("办理情况:\n县自然资源局于2021年5月10日答复:\n我局对您的建议进行了认真研究,您所说的西沟村荒地不宜重新规划,"
               "该地块位于生态保护红线内,不允许建设,建议复垦后用于农业生产。\n")
# Twenty replies on other matters: a collection large enough for a name to be rare in it.
FILLERS = {f"f{i:02d}.txt": f"关于{a}{b}村路灯安装的答复\n您提出的{a}{b}村路灯安装一事,已于2021年{i % 12 + 1}月重新规划并安装完成。\n县住建局\n"
           for i, (a, b) in enumerate((a, b) for a in "金木水火土" for b in "岭坪湾坡")}


def test_compare_link_rare_name(tmp_path):
    """A reply stating no item, congress or proposer, and a title-only record: the place name they
    share (西沟村, held by no other letter of the folder) ties them, beside the share of the title."""
    links, result = links_of(tmp_path, {"s07.txt": TITLE_RECORD, "r07.txt": PLAIN_REPLY, **FILLERS})
    assert links == {"r07.txt": "s07.txt"}
    assert any("“西沟村”" in line for line in result.linked[0][2].link.evidence)


@pytest.mark.parametrize("df, n, found", [
    ({"西沟": 2, "沟村": 2, "重新": 30, "新规": 30, "规划": 60}, 100, "西沟村"),  # held by this pair alone
    ({"西沟": 9, "沟村": 9, "重新": 30, "新规": 30, "规划": 60}, 100, None),  # nine letters hold it
    ({"西沟": 2, "沟村": 2, "重新": 2, "新规": 2, "规划": 2}, 10, None),  # ten letters: nothing is rare
])
def test_compare_link_shared_name(df, n, found):
    assert shared_name(match_text(TITLE_RECORD), match_text(PLAIN_REPLY), default_cues(), Weights(df, n)) == found
