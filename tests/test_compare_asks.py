"""Asks of a suggestion: one synthetic case per rule of ``compare/asks.py``."""
from __future__ import annotations

import pytest

from govdoc.compare.asks import find_asks
from govdoc.compare.cues import default_cues
from govdoc.text.zh import match_text


def asks_of(text: str) -> list[str]:
    return [a.segment.of(text) for a in find_asks(match_text(text), default_cues())]


@pytest.mark.parametrize("text, expected", [
    # rule 1: metadata labels and titles are not asks; a request label makes a request
    ("建议标题:关于修建村道的建议\n承办单位:县交通运输局\n建议内容:由于村道狭窄,群众出行困难,建议硬化张村至李村道路。",
     ["建议硬化张村至李村道路"]),
    ("建议:开通城区至高铁站的公交线路,对方便群众出行具有重大意义。", ["开通城区至高铁站的公交线路"]),
    # rule 2: background before the cue; an action clause after it is a further ask; reasons end it
    ("目前村内水池年久失修,建议相关部门实地勘测,拨付资金修缮加固水池。", ["建议相关部门实地勘测", "拨付资金修缮加固水池"]),
    ("建议建设一个停车场,既可缓解停车难,又可美化环境。", ["建议建设一个停车场"]),
    ("建议对老校区进行提升改造,建成文化广场。", ["建议对老校区进行提升改造,建成文化广场"]),
    # numbered items: one ask each; a bare cue is no ask; a background item is none
    ("建议如下:一是加大农村公路资金投入,二是加快危桥改造,三是完善管护机制。",
     ["加大农村公路资金投入", "加快危桥改造", "完善管护机制"]),
    ("为此建议:\n1.加快城区停车场建设。\n2.增设城区至园区公交线路。\n", ["加快城区停车场建设", "增设城区至园区公交线路"]),
    ("(一)目前城区停车位严重不足,投入明显偏少。\n(二)建议尽快新建立体停车场。", ["建议尽快新建立体停车场"]),
    # a numbered item is one ask to its end or the next number, a second action included
    ("为此建议:一是尽快调整水源保护区范围,重新划定一级保护区并设立界标。二是建设水质自动监测站,实现实时预警。",
     ["尽快调整水源保护区范围,重新划定一级保护区并设立界标", "建设水质自动监测站,实现实时预警"]),
    # once the request has begun, a numbered item is an ask without an action verb of the list
    ("为此,建议:\n1.简化民宿证照办理流程,推行“一件事一次办”。\n2.定期组织民宿从业人员参加培训。\n",
     ["简化民宿证照办理流程,推行“一件事一次办”", "定期组织民宿从业人员参加培训"]),
    # asks in prose: a modal (应当, 要) with its subject; a purpose clause is no further ask
    ("我们认为,政府应当设立中小企业应急转贷资金。同时,要推动融资担保机构降低担保费率。",
     ["政府应当设立中小企业应急转贷资金", "要推动融资担保机构降低担保费率"]),
    ("建议修建村内文化广场,还可增加群众活动场所。", ["建议修建村内文化广场"]),
    # a clause without an action verb goes on with the request as its detail; a reason ends it
    ("建议设立护理员岗位津贴,按照职业技能等级给予每月200元至500元补助。",
     ["建议设立护理员岗位津贴,按照职业技能等级给予每月200元至500元补助"]),
    ("建议开通县城至高铁站的公交线路,对改善沿线居民出行条件具有重大意义。", ["建议开通县城至高铁站的公交线路"]),
    # a clause naming the effect a request should have (提高…, 引导…) is no further ask, even after a purpose
    ("建议规范路内泊位的收费管理,实行差异化收费,提高泊位周转率;在各投放点配备督导员,引导居民分类投放。",
     ["建议规范路内泊位的收费管理,实行差异化收费,提高泊位周转率", "在各投放点配备督导员,引导居民分类投放"]),
    ("建议修建村内文化广场,以便群众开展活动,提高群众参与的积极性。", ["建议修建村内文化广场"]),
    # a clause that only borrows a way from elsewhere (借鉴外地经验) is no ask: the request follows it
    ("同时,建议借鉴外地经验,建立垃圾分类积分兑换奖励制度。", ["建立垃圾分类积分兑换奖励制度"]),
    # the cue with a first-person subject (我建议) asks like 我们建议
    ("片区至今没有卫生机构。我建议在片区新建一个卫生服务站,同时为片区组建家庭医生团队。",
     ["我建议在片区新建一个卫生服务站", "为片区组建家庭医生团队"]),
    # once the request has begun, a sentence opening with an action is a further ask; a description is not
    ("建议区政府新建一座立体停车场;推动机关单位停车场夜间向社会开放。其工程规模为:硬化场地5000平方米。",
     ["建议区政府新建一座立体停车场", "推动机关单位停车场夜间向社会开放"]),
    # a numbered item runs on over the sentences of its line
    ("建议:\n一、提高养老护理员待遇。建议设立护理员岗位津贴,稳定队伍。\n二、鼓励社会力量参与。推行公建民营。\n",
     ["提高养老护理员待遇。建议设立护理员岗位津贴,稳定队伍", "鼓励社会力量参与。推行公建民营"]),
    # but a first sentence that states the request whole is the ask; what follows on its line details it
    ("为此建议:\n一、在县城建设一个游客集散中心。集中提供咨询、换乘服务,方便散客出行。\n"
     "二、开通县城至主要古村落的旅游专线。建议在旅游旺季开通至杨家堂村的专线。\n",
     ["在县城建设一个游客集散中心", "开通县城至主要古村落的旅游专线"]),
    # a bare connector clause (同时,) does not hide the request after it; 并 joins a further request;
    # 、 before 在/对 parts two requests
    ("我们认为,应当对库区内的养殖场开展一次全面排查;同时,在入库溪流设置水质自动监测站。",
     ["应当对库区内的养殖场开展一次全面排查", "在入库溪流设置水质自动监测站"]),
    ("建议开通县城至田家沟村的公交线路、在沿线村口设置候车亭,并对城乡公交实行票价补贴。",
     ["建议开通县城至田家沟村的公交线路", "在沿线村口设置候车亭", "对城乡公交实行票价补贴"]),
    # a form's heading naming the kind of document is no request, so the reasons listed after it are none
    ("代表建议、批评和意见\n内容:\n进展缓慢。主要原因:一是补助标准偏低;二是审批环节多。\n建议:提高每台电梯的财政补助。",
     ["提高每台电梯的财政补助"]),
    # rule 3: no cue: action clauses; nothing else: the title's topic
    ("引进一流高端院校,聚集大批知名学者。", ["引进一流高端院校", "聚集大批知名学者"]),
    ("关于“东街至西街道路拓宽”的建议的答复", ["东街至西街道路拓宽"]),
    # rule 4: two works in one clause
    ("希望新建两个调节池及果树用地管网铺设。", ["希望新建两个调节池", "果树用地管网铺设"]),
    ("硬化两条通村公路(张家组至李家组3公里、王家沟至赵家湾5公里)", ["张家组至李家组3公里", "王家沟至赵家湾5公里"]),
    # rule 5: the same request twice counts once (the longer kept)
    ("建议立项硬化东村至西山道路。恳请县政府对东村至西山道路进行立项硬化建设。", ["恳请县政府对东村至西山道路进行立项硬化建设"]),
])
def test_compare_asks_rules(text, expected):
    assert asks_of(text) == expected
