"""extract.kind: reply / suggestion / other from weighted general cues."""
import pytest

from govdoc.build import parse_text
from govdoc.extract.kind import classify
from govdoc.text.zh import match_text


@pytest.mark.parametrize("text, title, expected", [
    ("张永波代表:\n您提出的建议收悉,现答复如下:\n一、…\n感谢您对生态环境工作的关心。\n", "对市七届人大四次会议第134号建议的答复",
     "reply"),
    ("蔡中文代表:\n您好!\n您向人大代表会议提出的建议,现将有关情况回复如下:\n", "关于君山区人大五届五次会议1号建议的回复",
     "reply"),
    ("尊敬的邢克智代表:\n您提出的建议收悉。经商财政部,提出以下答复意见。\n", None, "reply"),
    ("区住房保障房屋管理局\n薄韫代表提出的代表建议收悉,经研究,现将会办意见函告如下\n以上意见供你单位统一答复代表时参考。\n",
     "关于对区七届人大四次会议第T014号代表建议的会办意见", "reply"),
    ("羅瑞等代表:\n你們提出的建議,已交由我局辦理。現將情況答復如下:\n", None, "reply"),
    ("市人大代表苗方杰提出建议。针对这些问题,我局认真研究。现答复如下:\n一、…\n", None, "reply"),
    # the deputy's own text
    ("代表姓名 |\n王福余 |\n所属代表团 |\n五 |\n题目:关于加强农村居民用水安全监管的建议\n内容:部分农村自来水厂水质差。\n"
     "建议:加强对农村自来水厂水质的监测与公开。\n办理情况:已于2015年6月24日办复\n",
     "关于加强农村居民用水安全监管的建议", "suggestion"),
    ("案由:关于加快老旧小区改造的议案\n领衔代表:张三\n附议代表:李四、王五\n理由:老旧小区设施落后。\n"
     "办法和建议:一是加大投入;二是完善机制。\n", None, "suggestion"),
    ("案由:关于加快城区停车设施建设的议案\n领衔代表:张三\n附议代表:李四\n办法和建议:一是编制规划。\n", "关于加快城区停车设施建设的议案",
     "suggestion"),
    ("提案人:民盟文山市基层委员会\n关于加强学校周边安全的提案\n为此,特建议如下:\n一、加强巡查。\n", "关于加强学校周边安全的提案",
     "suggestion"),
    # a suggestion's text cut before its fields: its own labels and headings
    ("办法：\n    一是提高排水设施建设标准。\n    二是实施河道清淤整治。\n", None, "suggestion"),
    ("我建议:区政府对自觉捐款到位的村民组给予硬化指标,以奖代补。\n主办单位:区交通运输局\n", None, "suggestion"),
    ("（三）违停治理压力大。\n三、具体建议\n1.编制停车设施专项规划。\n2.鼓励社会资本参与。\n", None, "suggestion"),
    ("（四）人手不足。\n二、建议\n（一）编制贯通规划。由市城乡建设部门牵头。\n（二）分期实施断点打通。\n", None, "suggestion"),
    ("一、增加班车投放。建议区交通运输局协调客运企业增加班车。\n二、延长运营时间。建议推迟末班车。\n", None, "suggestion"),
    # other texts
    ("市财政局、市建设局:\n根据统一安排,张宁等委员提出的提案被列为公开办理提案。特制定本工作方案。\n一、建立领导小组\n",
     "丽水市卫生健康委员会关于印发市政协五届四次会议第271号提案公开办理工作方案的通知", "other"),
    ("第十一条 局办公室对承办部门的办理进度实行监督。\n第十二条 对建议、提案的答复意见,均以局一般文件形式行文。"
     "标题统一用《关于省××届人大×次会议“×××号”建议的答复》。\n第十三条 …\n", None, "other"),
    ("各承办单位要在收到建议、提案之日起3个月内办理完毕并答复代表和委员。复文要按问题的解决程度标出办理结果。\n", None, "other"),
    ("今年共承办人大代表建议65件,其中(A类)22件,(B类)30件,(C类)13件,代表满意率100%。\n",
     "关于2023年人大代表建议办理情况的报告", "other"),
    ("XX林业局关于XX届人大X次会议第XX号建议的答复\n尊敬的XX代表:\n您提出的建议收悉,现答复如下:\n", 
     "XX林业局关于XX届人大X次会议第XX号建议的答复", "other"),           # a template with placeholders
    ("网友您好:您的留言已收悉,现回复如下:\n该路段已列入改造计划。\n", None, "other"),   # citizen's message
    ("市政府召开全市建议提案交办会。会议要求,各单位要高度重视。\n", None, "other"),
    # a capture that starts mid-body: the second person's suggestion and the thanks for the support
    ("二、关于停车场建设。今年新建停车位260个。对于您提出的在景区内建设房车营地的问题,我们将研究。\n"
     "谢谢您一直以来对我县旅游事业的关注和支持。\n", None, "reply"),
    # a form to tick (征询意见表): other, even when it names the suggestion's fields
    ("代表建议办理情况征询意见表\n建议题目：关于优化公交线路的建议\n领衔代表：王五\n"
     "一、办理前是否与代表沟通联系 | 是 √ | 否 □ |\n二、沟通联系方式 | 见面 √ | 电话 □ | 信函 □ |\n"
     "三、对办理结果的意见 | 满意 □ | 基本满意 √ | 不满意 □ |\n", None, "other"),
    ("领衔代表：王五\n附议代表：李四\n建议：加快修路。\n是否同意公开：是√ 否□\n", None, "suggestion"),
    # a citizen's letter and the bureau's answer (来信 / 回信) is no reply to a deputy
    ("来信：我家附近没有学校，孩子上学远。\n回信：经查，附近小学可提供学位1200个。感谢您的理解以及对我们工作的支持。\n",
     None, "other"),
    # a reply whose capture lost its head (title, salutation): its closing sentence names it
    ("二、推进社区居家养老服务。全市已建成社区日间照料中心246个。\n以上是对您在市十四届人大三次会议期间所提第236号建议的"
     "办理情况答复。感谢您对我市民政工作的关心和支持!\n", None, "reply"),
])
def test_classify(text, title, expected):
    assert classify(match_text(text), match_text(title) if title else None)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("对市七届人大四次会议\n第134号建议的答复\n张永波代表:\n您提出的建议收悉,现答复如下:\n一、…\n", "reply"),
    ("关于2023年度建议提案办理工作的通知\n各县区人民政府:\n现将有关事项通知如下。\n", "other"),
    # a mirror's pinyin after characters does not hide the cues
    ("人大建議第12號(hào)關(guān)於加強山區(qū)公路建設的建議\n您提出的關(guān)於加強山區(qū)公路建設的建議收悉。"
     "經研究,現(xiàn)答復(fù)如下:\n一、農村公路建設取得成效。\n", "reply"),
    # a 办理情况的报告 sent to the deputy answers the suggestion; one sent to the standing committee
    # reports on the year's work
    ("某区农业农村委员会关于第73号代表建议办理情况的报告\n施卫东代表：\n您提出的建议收悉。现将办理情况报告如下：\n"
     "第一，安排资金860万元。\n感谢您的关心和支持。\n", "reply"),
    ("关于2024年代表建议办理情况的报告\n区人大常委会：\n今年共承办代表建议56件，现将办理情况报告如下：\n"
     "一、高度重视。\n", "other"),
])
def test_kind_in_parse(text, expected):
    assert parse_text(text).kind == expected


@pytest.mark.parametrize("text", [
    "XX市人民政府办公室文件\nXX政办〔2023〕5号\nXX市人民政府办公室关于做好建议提案办理工作的通知\n各县区人民政府:\n"
    "现将有关事项通知如下:\nXX市人民政府办公室\n2023年3月1日\n",
    "XX林业局\nXXX林字〔20XX〕X号\n关于XX届人大X次会议第XX号建议的答复\n尊敬的XX代表:\n您提出的建议收悉,现答复如下:\n"
    "XX林业局\n2023年3月1日\n",
])
def test_placeholders_are_never_values(text):
    reply = parse_text(text)
    assert (reply.kind, reply.doc_number, reply.issuer, reply.title) == ("other", None, None, None)


def test_salutation_cue_reads_the_first_colon_of_a_header_line():
    from govdoc.extract.kind import HEADER_WINDOW, _salutation_cue

    assert _salutation_cue("关于…的答复\n尊敬的张三代表：\n您好")
    assert _salutation_cue("各位委员们 :")
    assert not _salutation_cue("联系人：张三代表：")  # the line's first colon ends no salutation
    assert not _salutation_cue("代表：")  # nothing before the role word
    assert not _salutation_cue("文" * HEADER_WINDOW + "\n张三代表：")  # outside the header window


@pytest.mark.parametrize("text, expected", [
    # a record page: the item's heading and fields, then the unit's dated answer
    ("九原区十六届人大五次会议人大代表议案04\n标 题:关于重新规划东壕口500亩土地的议案\n提案代表:王建荣等10名代表\n"
     "办理情况:\n区规划分局于2017年5月24日答复:\n我局对您的建议进行了认真研究,该地块已列入规划。\n", "reply"),
])
def test_kind_of_record_page_with_answer(text, expected):
    assert parse_text(text).kind == expected


@pytest.mark.parametrize("text, reply", [
    ("以上是对您在市十四届人大三次会议期间所提第236号建议的办理情况答复。", 2.0),
    ("二、推进社区居家养老。\n    以上答复,如有不同意见,请及时联系。", 2.0),
    ("入住率达到50%以上的机构已逐一答复。", 0.0),  # 以上 after a figure: no closing sentence
    ("以上情况说明供参考。\n", 0.0),
])
def test_closing_sentence_of_a_reply_is_a_reply_cue(text, reply):
    from govdoc.extract.kind import text_scores

    assert text_scores(match_text(text))["reply"] == reply


@pytest.mark.parametrize("text", [
    "一、关于增加班车投放。建议中提出的问题，我局已协调客运企业增加班车。\n",  # a reply's answer to a point
    "一、基本情况。建议收悉后，我局高度重视。\n",
])
def test_a_reply_quoting_the_suggestion_gets_no_suggestion_cue(text):
    from govdoc.extract.kind import text_scores

    assert text_scores(match_text(text))["suggestion"] == 0
