"""Per-ask response labels and evidence: one synthetic case per rule of ``compare/respond.py``."""
from __future__ import annotations

import pytest

from govdoc.compare.cues import default_cues
from govdoc.compare.respond import blank_copied, reply_sentences, respond
from govdoc.text.zh import match_text


def labels(suggestion: str, asks: list[str], reply: str) -> list[str]:
    cues = default_cues()
    candidates = reply_sentences(match_text(reply), match_text(suggestion), cues)
    return [r.label for r in respond([match_text(a) for a in asks], candidates, cues, match_text(reply))]


@pytest.mark.parametrize("asks, reply, expected", [
    (["硬化张村至李村道路"], "张村至李村道路已于2020年7月开工建设,预计年底前完工。", ["concrete"]),
    (["硬化张村至李村道路"], "张村至李村道路已纳入“十四五”规划。", ["concrete"]),
    (["硬化张村至李村道路"], "张村至李村道路因县级财政困难,暂无资金实施,我局将积极争取。", ["explained"]),
    (["硬化张村至李村道路"], "通组道路的修建主要责任在乡人民政府,下一步有望纳入考虑。", ["explained"]),
    (["新建村卫生室"], "我局将积极与上级部门对接,争取卫生室重建工作。", ["general"]),
    # outside the remit, said with 属 (not 属于), and forwarded: explained
    (["规范市场周边占道经营"], "市场周边占道经营的查处属区综合行政执法局职责,我局已将您的意见函告该局。", ["explained"]),
    # a sentence that no ask claims answers the suggestion as a whole only when no ask claimed any
    (["建设教育园区", "引进高端院校"], "我们积极谋划,争取引进一所院校。但这项工作需要一个过程,我们将积极推动。",
     ["not_addressed", "general"]),
    # praise and courtesy never respond
    (["建设教育园区"], "这项工作很有必要,也很有意义。感谢您对教育工作的关心。", ["not_addressed"]),
    # a count of things done is checkable detail
    (["加强农村供水水质检测"], "我局新购置水质检测车1台,对边远片区供水站开展巡回检测,全年共检测水样486份。", ["concrete"]),
    # a section heading may open its paragraph's line
    (["提高加装电梯补贴标准", "建立加装电梯协商调解机制"],
     "现答复如下:\n(一)关于提高补贴标准。补贴标准由市里统一制定,区级无权单独调整,暂无法提高补贴标准。\n"
     "(二)关于协商调解机制。我区已在各街道建立协调工作组,今年共组织协商会议63场,调解纠纷37起。\n"
     "感谢您对住房和城乡建设工作的关心和支持!",
     ["explained", "concrete"]),
    # a section whose heading names the ask answers it, even with few of its words (here, boilerplate);
    # 无权 is a refusal
    (["开展订单式技能培训", "提高个人创业担保贷款额度"],
     "现答复如下:\n一、职业技能培训\n我局高度重视,下一步将进一步加大工作力度,不断提升实效。\n"
     "二、创业担保贷款\n贷款额度由国家统一规定,区级无权自行调整。\n感谢您的关心和支持!",
     ["general", "explained"]),
    # numbered sections: each answers the ask it matches; a refusal in one does not reach another ask
    (["为山区学校配备标准校车", "在山区中心学校建设教师周转房"],
     "现答复如下:\n一、关于学生上学交通问题\n山区学校道路达不到校车通行条件,区级财政难以承担配备校车费用。\n"
     "二、改善教师住宿条件\n我区利用上级资金320万元,在两所山区中心学校新建周转房48套,预计9月交付使用。\n"
     "以上答复,如有不妥,请提出宝贵意见。",
     ["explained", "concrete"]),
    # unnumbered paragraphs that open by naming their topic are sections too: a concrete paragraph
    # about another place does not answer the ask whose own paragraph only promises a study
    (["在东湖片区新建一个社区卫生服务站", "开设社区夜间门诊"],
     "现答复如下:\n2016年,我委投入资金260万元,在西城街道新建社区卫生服务站1所,已投入使用。\n"
     "关于东湖片区社区卫生服务站设置问题,我委将结合规划修编,对该片区服务需求进行统筹研究。\n"
     "关于开设夜间门诊的建议,目前医务人员普遍不足,现阶段暂不具备开设夜间门诊的条件。\n"
     "感谢您对卫生工作的关心和支持。",
     ["general", "explained"]),
    # only the terms an ask does not share with the others tie a sentence to it: a section on the bus
    # line names the scenic area and 旅游 that the signage ask names too, but not its signs
    (["开通高铁站至麦积山景区的旅游直通车", "在高速出口至麦积山景区沿线设置旅游交通指引标志"],
     "现答复如下:\n一、关于开通旅游直通车\n2019年4月起,公交集团开通高铁站至麦积山景区旅游专线,全程42公里。\n"
     "二、关于景区管理\n景区的规划建设由风景名胜区管理委员会负责。\n感谢您的关心和支持。",
     ["concrete", "not_addressed"]),
])
def test_compare_respond_labels(asks, reply, expected):
    assert labels("。".join(asks), asks, reply) == expected


@pytest.mark.parametrize("text, source, kept", [
    ("对您提出的“建议拨付资金修缮加固蓄水池”的建议,我局已安排资金。", "建议拨付资金修缮加固蓄水池", "我局已安排资金"),
])
def test_compare_respond_copied_blanked(text, source, kept):
    out = blank_copied(text, source)
    assert len(out) == len(text) and kept in out and "修缮加固" not in out
