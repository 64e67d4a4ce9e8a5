"""extract.grade: the class a reply gives itself; legends, counts and other marks are not grades."""
import pytest

from govdoc.build import parse_text
from govdoc.extract.grade import find_grades, legend_meanings
from govdoc.extract.analysis import Analysis


def _best(text):
    norm = Analysis(text)
    cands = find_grades(norm)
    if not cands:
        return None
    best = max(cands, key=lambda c: (c.score, -c.start))
    return best.letter, norm.slice(best.start, best.end)


@pytest.mark.parametrize("text, expected", [
    ("许环〔2019〕4号\n\n签发人：李光亚\n\n办理结果：A\n\n对市七届人大四次会议", ("A", "办理结果：A")),
    ("办理结果:B\n", ("B", "办理结果:B")),
    ("办理结果:(C)\n", ("C", "办理结果:(C)")),
    ("办理结果类别：B\n", ("B", "办理结果类别：B")),        # the whole label is kept
    ("答复类别：B类\n", ("B", "答复类别：B类")),
    ("办复类别:B类\n联系电话:2698617\n", ("B", "办复类别:B类")),
    ("类别:C\n熊林花代表:\n你提出的建议收悉", ("C", "类别:C")),
    ("办理结果：甲类\n", ("A", "办理结果：甲类")),
    ("答复类别：丙\n", ("C", "答复类别：丙")),
    ("办理结果:【A】\n", ("A", "办理结果:【A】")),
    ("A\n\n许环〔2019〕4号\n\n关于对市七届人大四次会议第134号建议的答复\n张永波代表:\n", ("A", "A")),
    (" 株县水利字〔2016〕2号(B)类   \n株洲县水利局\n", ("B", "(B)类")),
    ("汨公交提字〔202302A\n\n关于汨罗市政协十一届二次会议\n", ("A", "A")),
    ("(A类)关于市七届人大四次会议第5号建议的答复\n张代表:\n", ("A", "(A类)")),
    ("关于市七届人大四次会议第5号建议的答复（乙类）\n张代表:\n", ("B", "（乙类）")),
    ("关于市七届人大四次会议第5号建议的答复\n(B类)\n张代表:\n", ("B", "(B类)")),
])
def test_grade(text, expected):
    assert _best(text) == expected


@pytest.mark.parametrize("text", [
    "注:办复类别共分ABC三类。\nA类——所提问题已经解决或基本解决;\nB类——所提问题正在解决;",
    "复文要按问题的解决程度,用“A、B、C、D”标出办理结果。所提问题已经解决或基本解决的,用“A”标明;",
    "今年共承办建议65件,其中(A類)22件,(B类)30件。",
    "已办结43件(甲类),其余正在办理。",
    "类别:提案\n",
    "满意程度：非常满意\n",
    "市人大代表苗方杰对此件办理结果评价:“通过治理效果很好,非常满意”。",
    "是否同意公开:是\n是否完成对外公开:是\n公开属性：主动公开\n",
    "类别：A类——所提问题已经解决或基本解决\n",
    "关于加强ABC区公交线路的建议\n",
])
def test_not_a_grade(text):
    assert _best(text) is None


@pytest.mark.parametrize("text, letter, meaning", [
    ("办复类别:B类\n注:办复类别共分ABC三类。\nA类——所提问题已经解决或基本解决;\n"
     "B类——所提问题正在解决或已列入工作计划准备解决;\n", "B", "所提问题正在解决或已列入工作计划准备解决"),
    ("所提问题已经解决或基本解决的,用“A”标明;所提问题正在解决或列入规划逐步解决的,用“B”标明;",
     "A", "所提问题已经解决或基本解决"),
])
def test_legend_meaning(text, letter, meaning):
    norm = Analysis(text)
    assert norm.slice(*legend_meanings(norm)[letter]) == meaning


@pytest.mark.parametrize("text, meaning", [
    ("办复类别:B类\n注:办复类别共分ABC三类。\nB类——所提问题正在解决或已列入工作计划准备解决;\n",
     "所提问题正在解决或已列入工作计划准备解决"),
    ("浙海渔提〔2017〕3号\n办理结果：C\n关于省十二届人大五次会议第1号建议的答复\n",
     "所提问题因受条件限制留作参考或不可行"),          # the organ's published scheme
    ("许环〔2019〕4号\n办理结果：A\n对市七届人大四次会议第134号建议的答复\n", None),  # no legend, no scheme
])
def test_meaning_in_parse(text, meaning):
    assert parse_text(text).grade.meaning == meaning


@pytest.mark.parametrize("text, expected", [
    ("关于第5号建议的答复\n答复类别：二类\n张三代表：\n您提出的建议收悉。", ("二类", "答复类别：二类", "一二三类", 2)),
    ("办理结果：已解决\n尊敬的李四委员：\n", ("已解决", "办理结果：已解决", "办理结果用语", 1)),
    ("办复类别:列入计划\n", ("列入计划", "办复类别:列入计划", "办理结果用语", 2)),
    ("办理结果：留作参考\n", ("留作参考", "办理结果：留作参考", "办理结果用语", 3)),
])
def test_grade_of_a_scheme_without_letters(text, expected):
    grade = parse_text(text).grade
    assert (grade.letter, grade.raw, grade.scheme, grade.rank) == expected
    assert {"scheme", "rank"} <= set(grade.model_dump(mode="json"))


@pytest.mark.parametrize("text", [
    "（一）关于加强监管的情况\n",          # an outline numeral is no grade
    "办理结果：已解决的问题较多\n",        # the label runs on into a sentence
    "二类\n",                              # a bare label of a scheme without letters is not read
])
def test_no_grade_of_a_scheme_without_letters(text):
    assert parse_text(text).grade is None


def test_letter_grade_json_has_no_scheme_keys():
    dumped = parse_text("办理结果：甲类\n").grade.model_dump(mode="json")
    assert dumped["letter"] == "A" and "scheme" not in dumped and "rank" not in dumped


@pytest.mark.parametrize("text, expected", [
    ("临自然资字〔2023〕5号 B1类 同意公开\n\n对临湘市十八届人大二次会议第88号建议的答复\n", ("B", "B1类")),  # sub-graded
    ("办复类别:A2类\n", ("A", "办复类别:A2类")),
    ("办理结果：B2\n代表意见：满意\n", ("B", "办理结果：B2")),  # sub-graded, in a labelled field without 类
    ("岳縣鐵水建字﹝2015﹞1號(hào)(B類)\n對(duì)市七屆人大三次會(huì)議第117號(hào)建議的答復(fù)\n", ("B", "(B類)")),  # after pinyin
])
def test_grade_unseen_forms(text, expected):
    assert _best(text) == expected


@pytest.mark.parametrize("text", [
    "许环〔2019〕4号 B1栋\n",           # a building, not a class
    "临自然资字〔2023〕5号 B12类\n",    # two digits: not a sub-graded class
    "办理结果：B12\n",                  # nor in a labelled field
])
def test_not_sub_graded(text):
    assert _best(text) is None
