"""extract.proposers: names from the salutation (counts and roles stripped, groups kept whole), else
from third-person text or a form field."""
import pytest

from govdoc.extract.proposers import find_proposers
from govdoc.extract.analysis import Analysis


def proposers(text):
    norm = Analysis(text)
    return [(norm.slice(c.start, c.end), c.role) for c in find_proposers(norm)]


@pytest.mark.parametrize("text, expected", [
    ("张永波代表：\n您提出的建议收悉", [("张永波", "代表")]),
    ("黄莉新等25位委员:\n你们提出的提案收悉", [("黄莉新", "委员")]),
    ("王学菊等12位代表:\n在姚安县第十七届人民代表大会第一次会议上，你们提出了建议", [("王学菊", "代表")]),
    ("许永立等代表:\n你们提出的建议已收悉", [("许永立", "代表")]),
    ("胡敏、仇艳辉、瞿钟娜委员:\n您好！", [("胡敏", "委员"), ("仇艳辉", "委员"), ("瞿钟娜", "委员")]),
    ("张叶委员、王亚军委员:\n您提出的提案已收悉。", [("张叶", "委员"), ("王亚军", "委员")]),
    ("司长虹、杨胜利二位代表：\n你们提出的建议收悉。", [("司长虹", "代表"), ("杨胜利", "代表")]),
    ("尊敬的陈国兴、刘铭、张雯委员\n\n们提出的提案收悉", [("陈国兴", "委员"), ("刘铭", "委员"), ("张雯", "委员")]),
    ("刘苍林政协绿春县委员：\n您提出的提案收悉。", [("刘苍林", "委员")]),
    ("阿布都·热合曼代表：\n您提出的建议收悉", [("阿布都·热合曼", "代表")]),
    # a longer name without a middle dot, alone in the salutation
    ("尊敬的乌兰其其格委员:\n您提出的提案收悉", [("乌兰其其格", "委员")]),
    ("额尔敦毕力格代表：\n您提出的建议收悉", [("额尔敦毕力格", "代表")]),
    ("羅瑞等代表:\n你們提出的建議", [("羅瑞", "代表")]),
    # a group is one entry
    ("雨露乡委员小组:\n你们提出的提案收悉", [("雨露乡委员小组", "委员小组")]),
    ("民盟文山市基层委员会：\n你们提出的提案收悉。", [("民盟文山市基层委员会", "基层委员会")]),
    ("中共城关镇东街社区党支部：\n你们提出的建议收悉。", [("中共城关镇东街社区党支部", "支部")]),
    # third person when there is no salutation or it names organs
    ("在市人大七届一次会议上,人大代表苗方杰提出《关于加大力度治理学校周边环境》(99号)建议", [("苗方杰", "代表")]),
    ("区住房保障房屋管理局\n\n薄韫代表提出的关于加快推进老城区老旧小区综合改造的代表建议收悉", [("薄韫", "代表")]),
    ("市财政局、市建设局、市红十字会:\n\n根据统一安排,张宁等委员提出的第271号提案被列为公开办理提案。",
     [("张宁", "委员")]),
    ("市交通运输局：\n由陈小明、李红委员提出的《关于加强城市停车管理的建议》的提案收悉", [("陈小明", "委员"), ("李红", "委员")]),
    ("在县人大十五届三次会议上，人大代表王强、赵丽提出的建议", [("王强", "代表"), ("赵丽", "代表")]),
    ("代表姓名 |\n王福余 |\n联系电话 |\n15800007018 |", [("王福余", "代表")]),
    # a form field listing several names, or a group
    ("提出人：周建平、罗晓梅、邓志刚\n所属代表团：芙蓉区代表团\n", [("周建平", None), ("罗晓梅", None), ("邓志刚", None)]),
    ("领衔代表：胡立新  联系电话：13700001234\n", [("胡立新", "代表")]),
    ("提案人：李文华  何静\n", [("李文华", None), ("何静", None)]),
    ("提案者：致公党上饶市委员会\n联系人：吴斌", [("致公党上饶市委员会", "委员会")]),
    ("提案单位：县工商联\n", [("县工商联", "联")]),
    # a democratic party or people's organization addressed as the proposer is one entry
    ("民革衢州市委会：\n贵会提出的提案收悉。", [("民革衢州市委会", "委会")]),
    ("九三學社嘉興市委員會：\n貴會提出的提案收悉。", [("九三學社嘉興市委員會", "委员会")]),
    ("农工党萍乡市总支部：\n你们提出的提案收悉。", [("农工党萍乡市总支部", "支部")]),
    ("市政协农业界别：\n你们提出的提案收悉。", [("市政协农业界别", "界别")]),
    # a group named in third-person text
    ("市水利局：\n由民盟宜昌市委会提出的《关于加强小水库管理的提案》收悉", [("民盟宜昌市委会", "委会")]),
    ("根据致公党江门市委员会领衔提出的提案", [("致公党江门市委员会", "委员会")]),
    ("民盟中央：\n你们提出的提案收悉。", [("民盟中央", "中央")]),            # a central committee
    # a joint proposal: the groups a salutation lists, each an entry
    ("民盟四川省委、农工党四川省委：\n你们提出的提案收悉。", [("民盟四川省委", "委"), ("农工党四川省委", "委")]),
    ("向晓东等3位代表：\n你们提出的建议收悉。", [("向晓东", "代表")]),        # 向 is a surname here
    # co-signers listed in their own field, traditional or simplified
    ("領銜代表：陳麗華\n聯名代表：黃志明、區小玲等4位代表\n承辦單位：區水務局",
     [("陳麗華", "代表"), ("黃志明", "代表"), ("區小玲", "代表")]),
    ("领衔代表：刘一平\n附议代表：王二、张三丰、李四\n", [("刘一平", "代表"), ("王二", "代表"), ("张三丰", "代表"), ("李四", "代表")]),
    # third person: where it was put forward stands between the names and 提出
    ("今年3月，李文斌、赵红代表在市人代会上提出《关于……的建议》", [("李文斌", "代表"), ("赵红", "代表")]),
    # a capture that lost its salutation: the deputy thanked by name in the closing
    ("（四）完善生态补偿机制。\n再次感谢马永明代表对全省生态环境保护工作的关心和支持。\n", [("马永明", "代表")]),
    ("衷心感谢各位代表对政府工作的关心和支持。\n", []),
    # how they put it forward (联名, 共同) is no name; a dotted name is one
    ("今年市人代会期间,艾尔肯·吐尔逊等5名代表联名提出《关于加快供热管网改造的建议》", [("艾尔肯·吐尔逊", "代表")]),
    ("会议期间,王强等5名代表共同提出《关于加快供热管网改造的建议》", [("王强", "代表")]),
    ("会议期间,人大代表联名提出《关于加快供热管网改造的建议》", []),
])
def test_find_proposers(text, expected):
    assert proposers(text) == expected


@pytest.mark.parametrize("text", [
    "您提出的《关于加大国家生态文明试验区建设的提案》收悉。经商生态环境部，现答复如下。",
    "各承办单位要在收到建议、提案之日起3个月内办理完毕并答复代表和委员。",
    "对各位代表提出的建议，我们高度重视。",
    "区城管局负责同志当面向刘明代表答复办理情况。",   # 向 is a preposition in running text
    "市财政局、市建设局:\n\n现将工作方案印发给你们。",
    "市财政局、市工商联：\n\n现将工作方案印发给你们。",   # organs listed side by side
    "政协提案委员会：\n现将办理情况报告如下。",
    # an organ named after a field label's words (提案委员会, 代表团) is no field
    "答复函同时抄送市人大常委会人事代表选举工作委员会（或市政协提案委员会）和市政府督查室。",
    # five or six characters naming a place or a group, not a person
    "驻区部队全体代表：\n你们提出的建议收悉。",
    "少数民族界别委员：\n你们提出的提案收悉。",
    "尊敬的农民工群体代表:\n你们提出的建议收悉。",
])
def test_no_proposers(text):
    assert proposers(text) == []


def test_seed_proposers(parsed_seed, seed_gold):
    assert [p.name for p in parsed_seed.proposers] == seed_gold["proposers"]
    assert all(p.span is not None for p in parsed_seed.proposers)


@pytest.mark.parametrize("text, expected", [
    # a salutation that lost both honorific and colon: a bare line of names, then 你们/您
    ("曾楚雄等代表\n\n你们提出的《关于解决危房改建问题的建议》收悉。", [("曾楚雄", "代表")]),
    ("田凤琴、吴运华、周静委员\n\n您们提出的提案收悉。", [("田凤琴", "委员"), ("吴运华", "委员"), ("周静", "委员")]),
    # many names before the colon
    ("姚华、陈阁辉、李春艳、沈富荣、卢赛君、刘武岗、荣晓燕、余林保、袁小-、周建明、肖孟雄、谭艳平、何飞霞、蔡君代表:\n你们提出的建议收悉",
     [(n, "代表") for n in "姚华 陈阁辉 李春艳 沈富荣 卢赛君 刘武岗 荣晓燕 余林保 袁小- 周建明 肖孟雄 谭艳平 何飞霞 蔡君".split()]),
    # an affiliation before the name
    ("市政协王伟政委员:\n您提出的提案收悉。", [("王伟政", "委员")]),
    ("县人大李明代表：\n您提出的建议收悉。", [("李明", "代表")]),
    # a record page's 提案代表 field
    ("标 题:关于重新规划土地的议案\n提案代表:王建荣等10名代表\n办理情况:", [("王建荣", "代表")]),
    # names separated by spaces alone; a two-character name padded to three (魏 娜) kept as written
    ("孙立国 魏 娜 钱红梅 朱 纯委员:\n您们提出的提案已收悉。",
     [("孙立国", "委员"), ("魏 娜", "委员"), ("钱红梅", "委员"), ("朱 纯", "委员")]),
    ("张三  李四  王五代表：\n你们提出的建议收悉。", [("张三", "代表"), ("李四", "代表"), ("王五", "代表")]),
    # a name masked by the publisher is no name; the others stay
    ("姜xx代表:\n您提出的建议收悉。", []),
    ("李××、王明代表：\n你们提出的建议收悉。", [("王明", "代表")]),
    ("张某某委员：\n您提出的提案收悉。", []),
    ("张**委员：\n您提出的提案收悉。", []),  # masked with asterisks
    ("李＊、王明代表：\n你们提出的建议收悉。", [("王明", "代表")]),
])
def test_find_proposers_unseen_forms(text, expected):
    assert proposers(text) == expected


@pytest.mark.parametrize("text", [
    "张永波代表\n\n建议收悉。",                     # a bare line needs 你/您/贵 after it
    "关于加强管理的意见代表\n你们提出的建议收悉。",     # not a list of 2–4 character names
])
def test_no_bare_salutation(text):
    assert proposers(text) == []
