"""extract.addressee: the salutation without 尊敬的 and colon; the lead unit of a co-handling
opinion; field labels are not salutations."""
import pytest

from govdoc.extract.addressee import best_addressee, role_of
from govdoc.extract.analysis import Analysis


def addressee(text):
    norm = Analysis(text)
    c = best_addressee(norm)
    return norm.slice(c.start, c.end) if c else None


@pytest.mark.parametrize("text, expected", [
    ("对市七届人大四次会议第134号建议的答复\n\n张永波代表：\n\n您提出的建议收悉", "张永波代表"),
    ("尊敬的王风科代表:\n\n您好！", "王风科代表"),
    ("尊敬邢克智代表：\n您提出的建议收悉。", "邢克智代表"),
    ("马青、周丽等委员：\n你们提出的提案收悉。", "马青、周丽等委员"),
    ("刘苍林政协绿春县委员：\n您提出的提案收悉。", "刘苍林政协绿春县委员"),
    ("民盟文山市基层委员会：\n你们提出的提案收悉。", "民盟文山市基层委员会"),
    ("雨露乡委员小组:\n你们在政协南华县第九届委员会第三次会议上提出的提案", "雨露乡委员小组"),
    ("黄莉新等25位委员:\n  你们提出的提案收悉", "黄莉新等25位委员"),
    ("司长虹、杨胜利二位代表：\n你们提出的建议收悉。", "司长虹、杨胜利二位代表"),
    ("张叶委员、王亚军委员、庞秋环委员、王海龙委员:\n您提出的提案已收悉。",
     "张叶委员、王亚军委员、庞秋环委员、王海龙委员"),
    ("羅瑞等代表:\n你們在會議期間提出的建議", "羅瑞等代表"),
    # a name masked by the publisher: the salutation kept as written (a template's bare XX is not)
    ("姜xx代表:\n您提出的建议收悉。", "姜xx代表"),
    ("李××、王明代表：\n你们提出的建议收悉。", "李××、王明代表"),
    ("张某某委员：\n您提出的提案收悉。", "张某某委员"),
    # colon lost after the honorific
    ("尊敬的陈国兴、刘铭、张雯委员\n\n们提出的关于加快农村教师周转房建设”的提案收悉", "陈国兴、刘铭、张雯委员"),
    # salutation and first sentence on one line (a flattened form cell)
    ("办理 情况 |\n马军运代表: 您好,您提出的建议已收悉", "马军运代表"),
    # organs
    ("市财政局、市建设局、市红十字会:\n\n根据政协丽水市委员会统一安排", "市财政局、市建设局、市红十字会"),
    ("主送：市交通运输局\n关于……的会办意见", "市交通运输局"),
    ("民建常德市委会：\n贵会提出的提案收悉。", "民建常德市委会"),
    # a notice's salutation listing organs with commas, brackets inside entries
    ("关于做好建议办理工作的通知\n\n各镇人民政府，各街道办事处，区直各部门：\n\n现将有关事项通知如下：",
     "各镇人民政府，各街道办事处，区直各部门"),
    ("各縣（市、區）教育局，局屬各學校：\n現將", "各縣（市、區）教育局，局屬各學校"),
    ("各区县人民政府、各有关单位：\n现将有关事项通知如下：", "各区县人民政府、各有关单位"),
    ("各承办单位：\n现将有关事项通知如下：", "各承办单位"),
    ("局机关各科室，局属各单位：\n\n现将《工作方案》印发给你们", "局机关各科室，局属各单位"),
    ("九三学社中央：\n你们提出的提案收悉。", "九三学社中央"),
    # a co-handling opinion is sent to the lead unit
    ("嘉嘉办理〔2024〕2号关于对区七届人大四次会议 第T014号代表建议的会办意见\n\n发布时间:2024-08-27\n\n"
     "区住房保障房屋管理局\n\n薄韫代表提出的关于加快推进老城区老旧小区综合改造的代表建议收悉", "区住房保障房屋管理局"),
])
def test_best_addressee(text, expected):
    assert addressee(text) == expected


@pytest.mark.parametrize("text", [
    "联系人：张三\n联系电话：0371-1234567",
    "抄送：市政府办公室、市人大选工委",
    "组长:王凡(市卫生健康委党委书记、主任)\n成员:朱映归",
    "内容：李克强总理在政府工作报告中指出\n建议：加强对农村自来水厂水质的监测",
    "承  办  人：齐安平             联系电话：13700000436",
    "- 发布机构:滕州市住建局\n主办单位:区卫生局",
    "委员反馈意见:",
    "在市人大七届一次会议上，人大代表苗方杰提出《关于加大力度治理学校周边环境》(99号)建议。现答复如下：",
    "尊敬的XX委员：\n您提出的提案收悉。",  # a template's placeholder is never a value
    "尊敬的×××代表：",
    "代表团：岳塘区代表团\n联系电话：13900001111",    # field labels on a suggestion form
    "建议人：胡国强、易春兰\n所在代表团：南向店乡代表团\n建议内容：…",
    "领衔代表：胡立新  联系电话：13700001234",
    "聯名代表：黃志明、區小玲等4位代表",              # a co-signers field on a suggestion record
    "一、提高认识，加强领导：\n各单位要高度重视。",
    "经研究，现答复如下：\n",
    "县政府各部门，各有关单位：要在6月底前办结。",   # not a line of its own
])
def test_no_addressee(text):
    assert addressee(text) is None


@pytest.mark.parametrize("who, role", [
    ("张永波代表", "代表"), ("黄莉新等25位委员", "委员"), ("雨露乡委员小组", "委员小组"),
    ("民盟文山市基层委员会", "基层委员会"), ("区住房保障房屋管理局", "单位"), ("您好", None),
    ("民进湘潭市委会", "委会"), ("县工商联", "联"), ("市财政局、民进市委会", "单位"), ("刘青联", None),
])
def test_role_of(who, role):
    assert role_of(who) == role


def test_seed_addressee(parsed_seed, seed_gold):
    assert parsed_seed.addressee.text == seed_gold["addressee"]
    assert parsed_seed.addressee.span is not None


@pytest.mark.parametrize("text, expected", [
    ("对临湘市十八届人大二次会议第88号建议的答复\n\n曾楚雄等代表\n\n你们提出的建议收悉。", "曾楚雄等代表"),
    ("田凤琴、吴运华、周静委员\n您们提出的提案收悉。", "田凤琴、吴运华、周静委员"),
])
def test_bare_salutation_line(text, expected):
    from govdoc.extract.analysis import Analysis
    norm = Analysis(text)
    best = norm.addressee
    assert best is not None and norm.slice(best.start, best.end) == expected


@pytest.mark.parametrize("text", ["提案代表:王建荣等10名代表\n办理情况:"])
def test_record_label_is_no_salutation(text):
    from govdoc.extract.analysis import Analysis
    assert Analysis(text).addressee is None


@pytest.mark.parametrize("text, expected", [
    ("清自然資空間規(guī)劃【2020】25號(hào)\n市交通運(yùn)輸局:\n李年文代表提出的建議收悉,會(huì)辦意見(jiàn)如下:\n", "市交通運(yùn)輸局"),
])
def test_salutation_with_pinyin(text, expected):
    from govdoc.extract.analysis import Analysis
    norm = Analysis(text)
    best = norm.addressee
    assert best is not None and norm.slice(best.start, best.end) == expected
