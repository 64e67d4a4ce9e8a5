"""The shortcuts metrics takes for speed give what the plain computations give."""
import random
import re

from govdoc.extract import metrics as M

ALPHABET = "约近超过逾不足到将达已在共有累计合计总计达到其中的人个 \t\n,。5三"


def _strings(n=3000, seed=3):
    r = random.Random(seed)
    return ["".join(r.choice(ALPHABET) for _ in range(r.randint(0, 9))) for _ in range(n)]


def test_quantity_groups_are_read_in_pattern_order():
    index = M.patterns()["quantity"].groupindex
    assert tuple(sorted(index, key=index.get)) == M.QUANTITY_GROUPS


def test_pre_qualifier_precheck_keeps_every_match():
    for t in _strings():
        for s in range(len(t) + 1):
            if M.PRE_QUALIFIER_RE.search(t, max(0, s - 3), s):
                assert s and t[s - 1] in M.PRE_QUALIFIER_LAST, (t, s)


def test_indicator_tail_precheck_keeps_every_substitution():
    for t in _strings():
        if M.INDICATOR_TAIL_RE.sub("", t) != t:
            assert t.endswith(M.INDICATOR_TAIL_LAST), t


def test_split_removes_the_spaces_a_regex_would():
    every_char = "".join(chr(i) for i in range(0x10000) if not 0xD800 <= i < 0xE000)
    assert "".join(every_char.split()) == re.sub(r"\s+", "", every_char)
