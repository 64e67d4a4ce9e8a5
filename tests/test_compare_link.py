"""Linking in a folder: item number, proposers and text decide; several replies may share a suggestion."""
from __future__ import annotations

from pathlib import Path

from govdoc.compare.analyze import compare_folder

SUGGESTION = "县第十八届人大第一次会议第12号建议\n提出人:张三代表\n建议内容:村内水池年久失修,建议拨付资金修缮加固东村蓄水池。\n"
OTHER = "县第十八届人大第一次会议第13号建议\n提出人:李四代表\n建议内容:群众出行困难,建议硬化西村至南山道路。\n"
REPLY = ("关于县第十八届人大第一次会议第{n}号建议答复的函\n张三代表:\n您提出的《关于修缮加固东村蓄水池的建议》收悉,现答复如下:\n"
         "{body}\n县水务局\n2022年6月10日\n")


def test_compare_link_lead_and_cohandler_both_link(tmp_path: Path):
    (tmp_path / "s12.txt").write_text(SUGGESTION, encoding="utf-8")
    (tmp_path / "s13.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "r1.txt").write_text(REPLY.format(n=12, body="东村蓄水池已完成修缮加固,投资25万元。"), encoding="utf-8")
    (tmp_path / "r2.txt").write_text(REPLY.format(n=12, body="我局已补助东村蓄水池修缮资金10万元。"), encoding="utf-8")
    result = compare_folder(tmp_path)
    links = {Path(r.path).name: Path(s.path).name for s, r, _ in result.linked}
    assert links == {"r1.txt": "s12.txt", "r2.txt": "s12.txt"}
    assert [Path(p.path).name for p in result.unlinked_suggestions] == ["s13.txt"]
    assert all(c.link.confidence >= 0.3 and c.link.evidence for _s, _r, c in result.linked)
