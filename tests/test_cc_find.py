"""extract.cc: 抄送/抄报 lists split on 、 , ，outside brackets, verbatim, final full stop dropped."""
import pytest

from govdoc.extract.cc import find_cc
from govdoc.extract.analysis import Analysis


def cc(text):
    norm = Analysis(text)
    return [norm.slice(s, e) for s, e in find_cc(norm)]


@pytest.mark.parametrize("text, expected", [
    ("抄送：市人大选工委、市政府督查室、襄城县人大、襄城县人民政府\n\n许昌市生态环境局办公室",
     ["市人大选工委", "市政府督查室", "襄城县人大", "襄城县人民政府"]),
    ("抄报:县政府督查室、县政协祖提法委员会\n\n附件:", ["县政府督查室", "县政协祖提法委员会"]),
    ("抄送：省交通运输厅，市政府办公室。", ["省交通运输厅", "市政府办公室"]),
    ("抄送: 刘一忠副县长,县政府办", ["刘一忠副县长", "县政府办"]),
    ("抄送：市委办、市政府办、\n市人大办", ["市委办", "市政府办", "市人大办"]),
    ("抄送：市人大（1份）、市政府督查室（1份）", ["市人大（1份）", "市政府督查室（1份）"]),
    ("抄送单位：市财政局", ["市财政局"]),
    # separators lost: one verbatim entry
    ("抄送:市人大代选工委(1市政府督查室(1份))\n\n银川市交", ["市人大代选工委(1市政府督查室(1份))"]),
    ("抄送：\n市委办、市政府办\n", ["市委办", "市政府办"]),
    ("抄送：\n", []),
    # 抄报 and 抄送 lines of one block: one list, in order
    ("抄报：省水利厅。\n抄送：市政协提案委员会，市政府督查室。\n", ["省水利厅", "市政协提案委员会", "市政府督查室"]),
    ("抄报：省水利厅\n\n抄送：市政府督查室", ["省水利厅", "市政府督查室"]),
    # a later 抄送 line elsewhere in the text is another document's
    ("抄送：市政府督查室\n\n附件：\n抄送：县人大", ["市政府督查室"]),
    ("感谢您的关心和支持！", []),
    # a template's placeholders are no entries
    ("抄送：XXXX，XXXX。\n", []),
    ("抄送：市政府督查室，XX县人大。\n", ["市政府督查室"]),
])
def test_find_cc(text, expected):
    assert cc(text) == expected


def test_seed_cc(parsed_seed, seed_gold):
    assert [c.name for c in parsed_seed.cc] == seed_gold["cc"]
