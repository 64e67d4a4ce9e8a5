"""extract.signatories: only names labelled 签发人 / 签发 / 领导签发."""
import pytest

from govdoc.extract.signatories import find_signatories
from govdoc.extract.analysis import Analysis


def _names(text):
    norm = Analysis(text)
    return [norm.slice(c.start, c.end) for c in find_signatories(norm)]


@pytest.mark.parametrize("text, expected", [
    ("签发人：李光亚", ["李光亚"]),
    ("签发人:李光亚\n", ["李光亚"]),
    ("许环〔2019〕4号          签发人：李光亚\n", ["李光亚"]),
    ("领导签发:庞维林\n", ["庞维林"]),
    ("签发：王建国\n", ["王建国"]),
    ("签发领导：罗建平\n", ["罗建平"]),
    ("签 发 人：李  颖\n", ["李  颖"]),               # spaced-out name kept verbatim
    ("签发人：张三  李四\n", ["张三", "李四"]),           # joint letter
    ("签发人：张三、李四、王五\n", ["张三", "李四", "王五"]),
    ("签发人：李光亚   联系人：王五\n", ["李光亚"]),
    ("签发：王五（局长）\n", ["王五"]),
    ("签發人：陳光亞\n", ["陳光亞"]),                    # traditional, copied verbatim
    ("签发人：阿不都·热合曼\n", ["阿不都·热合曼"]),
    # a joint letter: the second signer on the next line, under the first
    ("临环函〔2021〕7号　　　　　签发人：刘国强\n　　　　　　　　　　　　　　　　　周文静\n\n办理结果：A", ["刘国强", "周文静"]),
    ("签发人：王建新\n赵  敏\n", ["王建新", "赵  敏"]),
    ("签发人：王建新\n\n　　　　　　　　赵  敏\n\n", ["王建新", "赵  敏"]),   # a double-spaced capture
    # …but not a heading, an organ or a label on the next line
    ("签发人：王建新\n答  复\n", ["王建新"]),
    ("签发人：王建新\n市财政局\n", ["王建新"]),
    ("签发人：王建新\n类别：B\n", ["王建新"]),
    ("签发人：王建新\n\n刘国强代表：\n", ["王建新"]),
    ("签发人：王建新\n\n答复函\n", ["王建新"]),
    ("签发人：王建新\n\n市财政局\n", ["王建新"]),
])
def test_signatories(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text", [
    "分管领导:袁定军\n",
    "承办人:万昌明  联系方式:13500005504\n",
    "承办负责人:李  颖             邮政编码:412100\n",
    "经办人：王五\n",
    "主管领导人：赵六\n",
    "领导签字:\n",
    "签发人:\n承办人:赵六\n",
    "重点建议的答复函应送局主要领导签发,必要时也可提交局长办公会议审议。",
    "经朱海滨副秘书长和叶宏伟局长审核同意",
])
def test_not_signatories(text):
    assert _names(text) == []
