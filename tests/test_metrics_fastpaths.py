"""The shortcuts metrics takes for speed give what the plain computations give."""
import random
import re

from govdoc.extract import metric_describe as D
from govdoc.extract import metric_filters as F
from govdoc.extract import metric_patterns as P
from govdoc.extract import metrics as M

ALPHABET = "约近超过逾不足到将达已在共有累计合计总计达到其中的人个 \t\n,。5三"


def _random_texts(pieces, max_len, n, seed):
    """``n`` texts of up to ``max_len`` pieces drawn at random (the same texts for the same seed)."""
    r = random.Random(seed)
    return ["".join(r.choice(pieces) for _ in range(r.randint(0, max_len))) for _ in range(n)]


def _strings(n=3000, seed=3):
    return _random_texts(ALPHABET, 9, n, seed)


def test_quantity_groups_are_read_in_pattern_order():
    index = P.patterns().quantity.groupindex
    assert tuple(sorted(index, key=index.get)) == P.QUANTITY_GROUPS


def test_pre_qualifier_precheck_keeps_every_match():
    for t in _strings():
        for s in range(len(t) + 1):
            if M.PRE_QUALIFIER_RE.search(t, max(0, s - 3), s):
                assert s and t[s - 1] in M.PRE_QUALIFIER_LAST, (t, s)


def test_indicator_tail_precheck_keeps_every_substitution():
    for t in _strings():
        if D.INDICATOR_TAIL_RE.sub("", t) != t:
            assert t.endswith(D.INDICATOR_TAIL_LAST), t


def test_split_removes_the_spaces_a_regex_would():
    every_char = "".join(chr(i) for i in range(0x10000) if not 0xD800 <= i < 0xE000)
    assert "".join(every_char.split()) == re.sub(r"\s+", "", every_char)


NUMBERISH = "0123456789.,一二两三四五六七八九十百千零〇万亿余多个年次日倍成%米吨 \t\n第《》“”\"浏览量:"


def _numberish(n=4000, seed=5):
    return _random_texts(NUMBERISH, 16, n, seed)


def test_split_quantity_scans_give_the_combined_matches():
    overlapping = ["三m3个", "三m3个 四m2 7个", "5km2三个"]  # units with a digit: an Arabic match inside a Chinese one
    for t in _numberish() + overlapping:
        want = [(m.span(), m.group("ar", "cn"), m.groups()[2:]) for m in P.patterns().quantity.finditer(t)]
        got = [(m.span(), m.group("ar", "cn"), m.groups()[2:]) for m in P.quantity_matches(t)]
        assert got == want, t


def test_chrome_label_precheck_keeps_every_match():
    for t in _numberish() + _strings():
        for s in range(len(t) + 1):
            if F.CHROME_BEFORE_RE.search(t, max(0, s - 8), s):
                before = t[s - 1:s]
                assert before in F.CHROME_BEFORE_LAST or before.isspace(), (t, s)


def test_quotes_read_per_line_are_those_of_the_whole_text():
    for t in _numberish():
        ranges = [m.span() for m in F.QUOTED_RE.finditer(t)]
        lines = F.Lines(t)
        for s in range(len(t)):
            assert lines.is_quoted(s) == any(a <= s < b for a, b in ranges), (t, s)
            before = t[s - 1:s]
            assert lines.excluded(s, before) == (lines.is_chrome(s, before) or lines.is_quoted(s)), (t, s)


def test_sentence_start_from_an_earlier_one_is_the_last_before():
    from govdoc.extract.outline import sentence_starts
    r = random.Random(9)
    for t in _numberish(1500) + ["。!?\n" * 3, "ab。cd!ef?gh\nij"]:
        starts, lo = sentence_starts(t), 0
        for pos in sorted(r.sample(range(len(t) + 1), min(len(t) + 1, 6))):
            want = max(a for a in starts if a <= pos)
            lo = D._sentence_start(t, lo, pos)
            assert lo == want, (t, pos)


RANKISH = ["排名", "排在", "排位", "排", "位列", "位居", "居于", "居", "列", "在", "全省", "同类城市", "市内", " ", "\t",
           "第", "3", "12", "1234", "一", "十二", "名", "位", "较", "比", "相比", "同比", "环比", "增长", "下降", "低",
           "了", "约", "9", "3.5", "万", "吨", "个", "%", "。", ",", "\n", "均值", "去年", "排名第", "居全省第", "位列同类城市 第"]


def test_rank_and_comparison_scans_give_the_whole_text_matches():
    rank, comparison = P.patterns().rank, P.patterns().comparison
    texts = _random_texts(RANKISH, 24, 6000, 13)
    texts += ["在全省排名第3位", "位居同类城市第 12 名", "排名第一第二", "较全省均值低9微克", "比去年同期增长了约 3.5万吨", "较"]
    for t in texts:
        assert [m.span() for m in P.rank_matches(t)] == [m.span() for m in rank.finditer(t)], t
        assert [m.span() for m in P.comparison_matches(t)] == [m.span() for m in comparison.finditer(t)], t


def test_windows_cover_each_anchor_and_do_not_touch():
    assert P.windows("ab第cd第", "第", 2, 1) == [(0, 6)]
    assert P.windows("第" + "x" * 10 + "第", "第", 2, 1) == [(0, 1), (9, 12)]
    assert P.windows("xyz", "第", 2, 1) == []
