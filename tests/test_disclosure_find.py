"""extract.disclosure: the stated 公开属性, never a yes/no question about disclosure."""
import pytest

from govdoc.extract.disclosure import find_disclosure
from govdoc.extract.analysis import Analysis


def _values(text):
    norm = Analysis(text)
    return [norm.slice(s, e) for s, e, _ in find_disclosure(norm)]


@pytest.mark.parametrize("text, expected", [
    ("公开属性：主动公开\n", ["主动公开"]),
    ("成文日期 2025-04-27 公开方式 主动公开\n", ["主动公开"]),
    ("公开类型:依申请公开\n", ["依申请公开"]),
    ("公开属性：不予公开\n", ["不予公开"]),
    ("（此件主动公开）\n", ["主动公开"]),
    ("此件不予公开\n", ["不予公开"]),
    ("公開屬性：主動公開\n", ["主動公開"]),
])
def test_disclosure(text, expected):
    assert _values(text) == expected


@pytest.mark.parametrize("text", ["是否同意公开:是\n", "是否完成对外公开:是\n", "提案公开办理工作方案", "政府信息公开\n"])
def test_no_disclosure(text):
    assert _values(text) == []
