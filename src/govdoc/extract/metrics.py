"""Metrics: the quantitative facts a letter states (``PM10 平均浓度 85 微克/立方米``, ``排名全省第 3``).

Precompiled passes over ``norm.match``: rankings (``排名全省第 3`` → unit 名次), comparisons
(``较全省均值低 9 微克``) and plain quantities (a number, Arabic or Chinese, followed by a unit from
``data/rules/units.tsv``; Arabic and Chinese numbers in two scans that the regex engine can skip through).
What a figure's line or sentence says (chrome, quotes, sentence start) is read around the figure,
not by passes over the whole letter.  A quantity needs a unit; the value is the number as written and a multiplier
stays in the unit (``152万平方米`` → 152, ``万平方米``).

Not metrics (corpora/ANNOTATION.md): dates and years, document, item and session numbers, phone
numbers, postcodes, codes (``GB12348-2008``), classes (``Ⅲ类``), plan periods (``十三五``), ordinals
(``第一``, ``一是``), slogans in quotes (``“四个一百”``), titles in 《》, the article 一
(``一条环乡路``), adverbial counts in Chinese numerals (``两次下放``), and figures on page-chrome,
address and contact lines.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter
from typing import Callable, Optional, Sequence, Union

from pydantic import TypeAdapter
from spacy.attrs import IDX
from spacy.language import Language

from govdoc.data import load
from govdoc.extract.outline import SENTENCE_BREAK_RE
from govdoc.extract.scan import find_all, line_end
from govdoc.nlp.extensions import DocFields
from govdoc.model import Comparison, Metric, Rank
from govdoc.normalize import NormText
from govdoc.text.numerals import cn_to_int

_SP = r"[ \t]?"
_CN = "一二两三四五六七八九十"
# The units, each with its guard where it needs one (日 only as a duration, 方 not in 方面 …), are
# data: ``data/rules/units.tsv`` (``govdoc.data.load.units``).
RANK_SCOPE = r"全国|全省|全市|全区|全县|全州|同类城市|[省市区县]内"
RANK_SCOPE_BEFORE_RE = re.compile(rf"在?(?P<scope>{RANK_SCOPE})[ \t]?$")
MULTIPLIER = r"(?P<mult>百万|千万|万|亿|千)"
# A number starts at the start of its digit run (one cheap look-behind) and is read possessively,
# so that a long digit run (a phone or index number) is not retried at every shorter length;
# what else may stand before it is checked in Python at each match.
NUMBER = (rf"(?:(?P<ar>(?<![\d.])\d++(?:\.\d++)?)"
          rf"|(?P<cn>(?<![{_CN}百千零〇])[{_CN}][{_CN}百千零〇]*+))")
NOT_BEFORE_ARABIC = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-/:+#@~")
NOT_BEFORE_CHINESE = set("第每逐唯统万之某几初单百千零〇" + _CN)
PLAN_NAME_RE = re.compile(r"(?:行动|计划|规划|攻坚|专项)")
AFTER_ARABIC_RE = re.compile(r"[-/:~.]\d")
# Thousands separators: a three-digit group after "digit," belongs to the number before it.
THOUSANDS_RE = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+$")


def _quantity_rest(unit: str) -> str:
    """What follows the number in a quantity: qualifier, multiplier, unit or a bare 万/亿, post-qualifier."""
    return (rf"{_SP}(?P<mid>余|多)?(?:{MULTIPLIER}?(?P<mid2>余|多)?{_SP}(?P<unit>{unit})|(?P<bare>万|亿))"
            r"(?P<post>以上|以下|左右|以内|之内|内)?")


def _compile_split_quantity(unit: str) -> tuple[re.Pattern, re.Pattern]:
    """The quantity pattern as two patterns, one per kind of number, each opening with its number's
    first character (the look-behind moved after it, same test).  Python's engine then skips to
    the next digit (or Chinese numeral) in C instead of trying a match at every position of the
    text, as it must for a pattern opening with a look-ahead.  The other kind's group follows as
    an empty group that never matches, so that the groups from ``mid`` on keep the numbers they
    have in the combined pattern (``QUANTITY_GROUPS``); ``ar`` and ``cn`` are read by name."""
    rest = _quantity_rest(unit)
    arabic = re.compile(r"(?P<ar>\d(?<![\d.]\d)\d*+(?:\.\d++)?)(?P<cn>(?!))?" + rest)
    chinese = re.compile(rf"(?P<cn>[{_CN}](?<![{_CN}百千零〇][{_CN}])[{_CN}百千零〇]*+)(?P<ar>(?!))?" + rest)
    return arabic, chinese


def _compile_patterns(unit: str) -> dict[str, re.Pattern]:
    """The quantity pattern opens with a look-ahead on its possible first characters (its first
    branch starts with look-behinds).  Rank and comparison start with literal alternatives, from
    which Python's engine derives the first characters to skip ahead to by itself (a look-ahead
    in front would hide them: 2.4x slower scans)."""
    return {
        "quantity": re.compile(rf"(?=[\d{_CN}]){NUMBER}" + _quantity_rest(unit)),
        "rank": re.compile(
            rf"(?:排名|排在|排位|排|位列|位居|居于|居|列){_SP}(?P<scope>{RANK_SCOPE})?"
            rf"{_SP}第{_SP}(?P<num>\d{{1,3}}|[{_CN}]{{1,3}})(?:{_SP}[位名])?"),
        "comparison": re.compile(
            rf"(?P<kw>相比|同比|环比|较|比)(?P<base>[^,;。!?\d\s第]{{0,10}}?){_SP}"
            r"(?P<dir>增长|增加|提高|上升|下降|降低|减少|低|高|多|少)了?" + _SP
            + rf"(?P<qual>约|近)?{_SP}(?P<num>\d+(?:\.\d+)?){_SP}{MULTIPLIER}?(?P<unit>{unit})?"),
    }


@dataclass(frozen=True)
class Patterns:
    """The passes' patterns, built from the units data."""

    quantity: re.Pattern
    quantity_arabic: re.Pattern
    quantity_chinese: re.Pattern
    rank: re.Pattern
    comparison: re.Pattern
    unit_class: dict[str, str]  # unit → count | measure | time


@cache
def patterns() -> Patterns:
    """Compiled on the first letter from ``data/rules/units.tsv``, then kept: they depend on no
    letter.  (A bad line there fails the letters being parsed, with its line number, and not the
    import of this module.)"""
    units = load.units()
    alternation = units.alternation()
    arabic, chinese = _compile_split_quantity(alternation)
    return Patterns(quantity_arabic=arabic, quantity_chinese=chinese, unit_class=units.classes,
                    **_compile_patterns(alternation))


DIRECTION = {"低": "lower", "少": "lower", "高": "higher", "多": "higher", "增长": "up", "增加": "up",
             "提高": "up", "上升": "up", "下降": "down", "降低": "down", "减少": "down"}
PRE_QUALIFIER_RE = re.compile(r"(?:约|近|超过|超|逾|不足|不到|将近)[ \t]?$")
QUOTED_RE = re.compile(r"《[^《》\n]*》|“[^“”\n]{0,14}”|\"[^\"\n]{0,14}\"")
# Lines that carry contact details, addresses, page chrome: figures there are not facts.
CHROME_LINE_RE = re.compile(r"[ \t\-]*(?:抄送|抄报|联系|地址|邮编|邮政编码|附件|电话|传真|索引号|发布|来源|文号|"
                            r"浏览|点击|访问|时间|日期|作者|编辑|版权|主办|承办人|经办人)")
CHROME_BEFORE_RE = re.compile(r"(?:浏览|访问|点击|阅读)[量数次]*[:\s]*$")
# Characters a CHROME_BEFORE_RE match can end with at a figure (besides white space): most figures
# skip the search.
CHROME_BEFORE_LAST = frozenset("览问击读量数次:")
AS_OF_RE = re.compile(r"截[止至]到?[ \t]*(?P<when>目前|现在|当前|今天|[今去本上前]?年?[\d 年月一二三四五六七八九十〇○零]*"
                      r"(?:\d|[一二三四五六七八九十])[ \t]*(?:日|号|月底|月末|月初|年底|年末|月|年))")
# The area a figure covers (全市 77 个…), not a ranking's or a baseline's area (排名全省, 较全省均值).
# (The literal 全 first and the look-behind after it, so that the regex engine skips ahead to 全.)
SCOPE_RE = re.compile(r"全(?<![名居列较比于]全)(?:国|省|市|区|县|州|镇|乡)")
CLAUSE_BREAK = ",;。:!?、()\"“”‘’《》[]【】\n的等"
LEFT_MAX, RIGHT_MAX = 8, 8
# Through the last clause break before a position (matched with ``endpos``: one attempt, backing off
# from the position), and the run of Chinese characters after one: one regex call instead of a
# loop per character.
LAST_BREAK_RE = re.compile("(?s:.*)[" + re.escape(CLAUSE_BREAK) + "]")
RIGHT_RUN_RE = re.compile(f"[\u4e00-\u9fff]{{0,{RIGHT_MAX}}}")
# Words that end a counted noun phrase after the measure word (1617 个行政村|进行试点).
RIGHT_STOP_RE = re.compile(r"[的和及与已均都将为是在对把被从向由并等]|进行|实行|开展|实施|纳入|列入|作为|完成|参加|参与|启动|"
                           r"出台|建成|实现|达到|获得|覆盖|落实|提供|接入|新增|通过|享受|受益|签订|建立|开工|竣工")
LEFT_FIGURE_RE = re.compile(r"\d+(?:\.\d+)?[ \t]*[年月日号]?")
LEFT_TRIM_RE = re.compile(r"(?:其中|目前|共|累计|在|对|将|并|和|及|与|了|的)+")
INDICATOR_HEAD_RE = re.compile(r"(?:全[国省市区县州镇乡]|我[省市区县局])?(?:共有|共|累计)?")
INDICATOR_TAIL_RE = re.compile(r"(?:共有|共|累计|合计|总计|达到|达|已在|已|在|约)+$")


# The quantity pattern's groups in order: each match unpacks them from one ``m.groups()`` call
# (``ar`` and ``cn`` are read by name: the split Chinese pattern numbers those two the other way round).
QUANTITY_GROUPS = ("ar", "cn", "mid", "mult", "mid2", "unit", "bare", "post")
_AR, _CN_G, _MID, _MULT, _MID2, _UNIT, _BARE, _POST = range(1, len(QUANTITY_GROUPS) + 1)
# Last characters a pre-qualifier match can end with at a number (``$`` also matches before a
# final line break), so that most numbers skip the search.
PRE_QUALIFIER_LAST = "约近过超逾足到 \t\n"
# Last characters an INDICATOR_TAIL_RE match can end with (same ``$`` rule).
INDICATOR_TAIL_LAST = tuple("有共计到达在已约\n")


WordStarts = Union[Sequence[int], Callable[[], Sequence[int]], None]


@dataclass(slots=True)
class MetricCandidate:
    start: int
    end: int
    value: float | int
    unit: Optional[str]
    kind: str  # quantity | rank | comparison
    num_start: int
    num_end: int
    qualifier: Optional[str] = None
    indicator: Optional[str] = None
    comparison: Optional[Comparison] = None
    rank: Optional[Rank] = None
    as_of: Optional[str] = None
    scope: Optional[str] = None
    unit_class: str = "measure"  # count | measure | time (data/rules/units.tsv)
    confidence: float = 0.9


def _number(s: str) -> float | int | None:
    if s[0].isdigit():
        return float(s) if "." in s else int(s)
    return cn_to_int(s)


def _verbatim(norm: NormText, m: re.Match, *groups: str | int) -> Optional[str]:
    """The original characters of some groups of a match on the match text (e.g. 個 for 个)."""
    out = ""
    for g in groups:
        a, b = m.span(g)
        if a >= 0:
            out += norm.text[a:b]
    return out.replace(" ", "").replace("\t", "") or None


def _inside(ranges: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


class _Lines:
    """What a figure's line says, read once per line holding a figure (a letter's figures stand on
    a few of its lines; no pass over the whole text): whether the line is page chrome (a contact,
    address … line), and the quoted stretches on it (no QUOTED_RE match spans a line break, so
    the matches of a line are those of the whole text)."""

    def __init__(self, text: str):
        self.text = text
        self.lines: dict[int, tuple[bool, list[tuple[int, int]], list[int]]] = {}

    def _read(self, line: int) -> tuple[bool, list[tuple[int, int]], list[int]]:
        """(chrome, quoted ranges, their starts) of the line starting at ``line``, read and kept."""
        text = self.text
        ranges = [m.span() for m in QUOTED_RE.finditer(text, line, line_end(text, line))]
        info = self.lines[line] = (CHROME_LINE_RE.match(text, line) is not None, ranges, [a for a, _ in ranges])
        return info

    def _line(self, pos: int) -> tuple[bool, list[tuple[int, int]], list[int]]:
        """(chrome, quoted ranges, their starts) of the line holding ``pos``."""
        line = self.text.rfind("\n", 0, pos) + 1
        return self.lines.get(line) or self._read(line)

    def is_chrome(self, pos: int, before: str) -> bool:
        """Whether a figure at ``pos`` is page chrome: on a chrome line, or right after a
        浏览/访问 … label (``before``: the character before ``pos``)."""
        return self._line(pos)[0] or ((before in CHROME_BEFORE_LAST or before.isspace())
                                      and CHROME_BEFORE_RE.search(self.text, max(0, pos - 8), pos) is not None)

    def is_quoted(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a title in 《》 or a short quote."""
        _, ranges, starts = self._line(pos)
        return bool(ranges) and _inside(ranges, starts, pos)

    def excluded(self, pos: int, before: str) -> bool:
        """``is_chrome(pos, before) or is_quoted(pos)``, with one look-up of the line (inline: this
        runs for every figure)."""
        text = self.text
        line = text.rfind("\n", 0, pos) + 1
        chrome, ranges, starts = self.lines.get(line) or self._read(line)
        return (chrome or (before in CHROME_BEFORE_LAST or before.isspace())
                and CHROME_BEFORE_RE.search(text, max(0, pos - 8), pos) is not None
                or bool(ranges) and _inside(ranges, starts, pos))


def _quantity_matches(text: str) -> list[re.Match]:
    """The matches of the quantity pattern, from the two scans of the split patterns: the same
    matches as ``patterns().quantity.finditer`` when no Arabic match overlaps a Chinese one (a match at a
    position is the same in either, and the two kinds start on different characters); where
    two overlap, which one the combined scan keeps depends on the order, so it is run instead."""
    pat = patterns()
    arabic = list(pat.quantity_arabic.finditer(text))
    chinese = list(pat.quantity_chinese.finditer(text))
    if not chinese:
        return arabic
    if not arabic:
        return chinese
    merged = sorted(arabic + chinese, key=re.Match.start)
    for a, b in zip(merged, merged[1:]):
        if b.start() < a.end():
            return list(pat.quantity.finditer(text))
    return merged


def _once(fetch: Callable[[], Optional[Sequence[int]]]) -> Callable[[], Optional[Sequence[int]]]:
    """``fetch`` called on first use only (a Doc's token offsets take a pass over the Doc; the
    spans of a third of the letters never need them).  Not ``functools.cache``: wrapping a
    function that way costs 2 us a letter, this 0.4 us."""
    box: list = []

    def get():
        if not box:
            box.append(fetch())
        return box[0]
    return get


def _is_word_start(word_starts: Sequence[int], pos: int) -> bool:
    i = bisect_left(word_starts, pos)
    return i < len(word_starts) and word_starts[i] == pos


def _left(text: str, pos: int, floor: int, words: Callable[[], Optional[Sequence[int]]]) -> int:
    """Start of the words before ``pos`` that name what the number measures (``words()``: the
    sorted word starts, or None)."""
    lo = max(floor, pos - LEFT_MAX)
    a = pos
    if lo < pos:  # back to a clause break
        m = LAST_BREAK_RE.match(text, lo, pos)
        a = m.end() if m else lo
    cut = a > floor and text[a - 1] not in CLAUSE_BREAK
    m = LEFT_FIGURE_RE.search(text, a, pos)  # matches one by one as finditer: mostly none, one call
    while m:  # another figure or a date is not the name
        b = m.start()
        while b > 0 and (text[b - 1].isdigit() or text[b - 1] == "."):
            b -= 1
        if not (b > 0 and text[b - 1].isascii() and text[b - 1].isalpha()):  # but PM10 is a name
            a, cut = m.end(), False
        m = LEFT_FIGURE_RE.search(text, m.end(), pos)
    while a > floor and (text[a - 1].isascii() and text[a - 1].isalnum()
                         or text[a - 1] == "." and a - 2 >= floor and text[a - 2].isalnum()):
        a -= 1  # a code such as PM10 or PM2.5 stays whole
        cut = False
    if cut and (word_starts := words()):  # forward to the first word start (at most pos)
        i = bisect_left(word_starts, a)
        a = min(word_starts[i], pos) if i < len(word_starts) else pos
    m = LEFT_TRIM_RE.match(text, a, pos)
    a = m.end() if m else a
    while a < pos and text[a] in " \t":
        a += 1
    return a


def _right(text: str, pos: int, words: Callable[[], Optional[Sequence[int]]]) -> int:
    """End of the counted noun right after a measure word (6 个|县级以上黑臭水体)."""
    b = RIGHT_RUN_RE.match(text, pos).end()
    stop = RIGHT_STOP_RE.search(text, pos, b)
    if stop:
        return stop.start()
    if b - pos >= RIGHT_MAX and (word_starts := words()) and not _is_word_start(word_starts, b):
        i = bisect_left(word_starts, b) - 1  # back to the last word start after pos
        if i >= 0 and word_starts[i] > pos:
            b = word_starts[i]
    return b


def _years_lasting(text: str, s: int, e: int) -> bool:
    """Years in Chinese numerals ``text[s:e]`` said as a duration: 连续三年, 三年内, 三年多,
    用三年时间 — not 近三年 (the past years, an adverbial) or a bare 三年."""
    return (text.startswith("连续", s - 2) or text.startswith(("多", "余", "时间"), e)
            or text.endswith(("内", "以上"), s, e))


def _quantity(text: str, s: int, e: int, before: str, ar: Optional[str], cn: Optional[str],
              base: Optional[str], mult: Optional[str]) -> Optional[tuple[float | int, str]]:
    """(value, unit class) of a number-unit match ``[s, e)`` (``before``: the character before it),
    or None when it is not a metric."""
    if ar:
        after = s + len(ar)
        if before in NOT_BEFORE_ARABIC or (text[after:after + 1] in "-/:~." and AFTER_ARABIC_RE.match(text, after)):
            return None
        value = _number(ar)
    elif before in NOT_BEFORE_CHINESE:
        return None
    else:
        value = cn_to_int(cn)
        if value is None:
            return None
        if value <= 2 and base not in ("倍", "成"):
            return None  # 一条环乡路 (article), 二位代表, 两次下放
        if (base == "次" and value < 10) or (base == "年" and not _years_lasting(text, s, e)):
            return None  # 三次 (adverbial; 八千余次 is a count), 近三年 (连续三年 is a duration)
    if base == "年" and (value >= 1000 or mult or PLAN_NAME_RE.match(text, e)):
        return None  # a year, or a plan's name (3年行动计划)
    return value, patterns().unit_class.get(base or "", "measure")


def _unit_shown(norm: NormText, m: re.Match, mult: Optional[str], bare: Optional[str]) -> Optional[str]:
    """The unit of a quantity match as written: multiplier and unit, or a bare 万/亿 (``_verbatim``
    of those groups, reading only the groups that matched)."""
    if bare:
        return _verbatim(norm, m, _BARE)
    if mult:
        return _verbatim(norm, m, _MULT, _UNIT)
    a, b = m.span(_UNIT)
    return norm.text[a:b].replace(" ", "").replace("\t", "") or None


# Every ranking match holds one 第, at most RANK_BEFORE characters after its start (keyword, spacing,
# scope, spacing) and RANK_AFTER before its end (第, spacing, three digits, spacing, 位/名).
RANK_BEFORE = 2 + 1 + max(len(s) for s in RANK_SCOPE.split("|")) + 1
RANK_AFTER = 1 + 1 + 3 + 1 + 1


def _windows(text: str, anchor: str, before: int, after: int) -> list[tuple[int, int]]:
    """Disjoint stretches ``[lo, hi)`` covering ``[i - before, i + after)`` around each occurrence
    ``i`` of ``anchor`` (overlapping ones joined; ``hi`` may pass the end)."""
    out: list[tuple[int, int]] = []
    for i in find_all(text, anchor):
        lo, hi = max(0, i - before), i + after
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _rank_matches(text: str) -> list[re.Match]:
    """The ranking pattern's matches, scanned only around each 第 (a few a letter) instead of the
    whole text.  The same matches as ``finditer`` over the whole text: every match lies in the
    stretch around its 第, no stretch cuts one, and the pattern looks neither behind its start
    nor ahead of its end."""
    rank = patterns().rank
    return [m for lo, hi in _windows(text, "第", RANK_BEFORE, RANK_AFTER) for m in rank.finditer(text, lo, hi)]


def _comparison_matches(text: str):
    """The comparison pattern's matches, scanned from the first place one can start: its keyword
    is 较 or ends with 比 (none: no scan); the pattern looks not behind its start."""
    bi, jiao = text.find("比"), text.find("较")
    if bi < 0 and jiao < 0:
        return ()
    first = min(bi - 1 if bi >= 0 else len(text), jiao if jiao >= 0 else len(text))  # 相比 starts before 比
    return patterns().comparison.finditer(text, max(0, first))


def _first_pass(norm: NormText) -> list[MetricCandidate]:
    text = norm.match
    out: list[MetricCandidate] = []
    for m in _rank_matches(text):
        pos = _number(m.group("num"))
        if pos:
            before = RANK_SCOPE_BEFORE_RE.search(text, max(0, m.start() - 6), m.start())  # 在全省排名第3
            start = before.start() if before else m.start()
            scope = _verbatim(norm, m, "scope") or (norm.slice(before.start("scope"), before.end("scope"))
                                                    if before else None)
            out.append(MetricCandidate(start, m.end(), pos, "名次", "rank", m.start("num"), m.end("num"),
                                       rank=Rank(position=pos, scope=scope)))
    for m in _comparison_matches(text):
        unit = _verbatim(norm, m, "mult", "unit")
        if not unit:
            continue
        value = _number(m.group("num"))
        base = _verbatim(norm, m, "base") or _verbatim(norm, m, "kw")
        comp = Comparison(baseline=base, direction=DIRECTION[m.group("dir")], delta=value, unit=unit)
        out.append(MetricCandidate(m.start(), m.end(), value, unit, "comparison", m.start("num"), m.end("num"),
                                   qualifier=_verbatim(norm, m, "qual"), comparison=comp,
                                   unit_class=patterns().unit_class.get(m.group("unit") or "", "measure"), confidence=0.85))
    return out


def _quantities(norm: NormText, covered: list[tuple[int, int]], lines: _Lines) -> list[MetricCandidate]:
    """The plain quantities: number-unit matches that are not dates, codes, ordinals, quoted,
    inside a ranking or comparison (``covered``), or on chrome lines."""
    text = norm.match
    cstarts = [a for a, _ in covered]
    out: list[MetricCandidate] = []
    for m in _quantity_matches(text):
        _, _, mid, mult, mid2, base, bare, post = m.groups()
        ar, cn = m.group("ar", "cn")  # group numbers differ between the patterns
        s, e = m.span()
        before = text[s - 1] if s else ""
        if before == "第" or before.isspace() and s >= 2 and text[s - 2] == "第":
            continue  # an ordinal (第 3 个)
        q = _quantity(text, s, e, before, ar, cn, base, mult)
        if q is None or covered and _inside(covered, cstarts, s) or lines.excluded(s, before):
            continue
        value, unit_class = q
        if ar and before == "," and s >= 2 and text[s - 2].isdigit():
            grouped = THOUSANDS_RE.search(text, max(0, s - 24), s + 3)
            if not grouped or len(ar.split(".")[0]) != 3:
                continue  # "12,34个": not a grouped number; leave it rather than guess
            s = grouped.start()
            value = _number(text[s:m.end("ar")].replace(",", ""))
        pre = (PRE_QUALIFIER_RE.search(text, max(0, s - 3), s)
               if s and text[s - 1] in PRE_QUALIFIER_LAST else None)
        qualifier = ((_verbatim(norm, m, _MID, _MID2, _POST) if mid or mid2 or post else None)
                     or (norm.slice(pre.start(), pre.end()) if pre else None))
        out.append(MetricCandidate(pre.start() if pre else s, e, value, _unit_shown(norm, m, mult, bare), "quantity",
                                   s, m.end("ar") if ar else m.end("cn"), qualifier, None, None, None, None, None,
                                   unit_class, 0.9 if ar else 0.75))
    return out


_START = attrgetter("start")


def find_metrics(norm: NormText, word_starts: WordStarts = None) -> list[MetricCandidate]:
    """Every metric in text order, deduplicated by its verbatim wording.  ``word_starts`` (sorted
    offsets of word starts, e.g. the Doc's token offsets, or a function returning them, called
    only if a span needs them) keeps widened spans on word boundaries."""
    text, special = norm.match, _first_pass(norm)
    lines = _Lines(text)
    quantities = _quantities(norm, sorted((c.start, c.end) for c in special), lines)
    # Rankings and comparisons on chrome are dropped (the quantities were tested in _quantities).
    found = [c for c in special if not lines.is_chrome(c.start, text[c.start - 1:c.start])] + quantities
    found.sort(key=_START)
    _describe(norm, found, _once(word_starts) if callable(word_starts) else lambda: word_starts)
    return _dedupe(norm, found)


def _spans(regex: re.Pattern, text: str, group) -> list[tuple[int, int]]:
    """(start, end) of a group of every match, in text order: one pass per letter."""
    return [m.span(group) for m in regex.finditer(text)]


def _last_before(spans: list[tuple[int, int]], lo: int, hi: int) -> Optional[tuple[int, int]]:
    """The last span lying inside ``[lo, hi)``, e.g. the 截至… or 全市 a figure's sentence states before it."""
    i = bisect_right(spans, (hi, hi)) - 1
    while i >= 0 and spans[i][1] > hi:
        i -= 1
    return spans[i] if i >= 0 and spans[i][0] >= lo else None


def _indicator_before(norm: NormText, c: MetricCandidate, floor: int,
                      words: Callable[[], Optional[Sequence[int]]]) -> None:
    """Widen a quantity left over the words that name it (平均浓度 85 微克) and take them as its indicator."""
    text = norm.match
    left = _left(text, c.start, floor, words)
    name = text[left:c.start]
    if name.endswith(INDICATOR_TAIL_LAST):  # 累计 / 达到 … before the number are not the name
        name = INDICATOR_TAIL_RE.sub("", name)
    name = name.rstrip()
    lead = INDICATOR_HEAD_RE.match(name)
    skip = lead.end() if lead else 0
    c.indicator = norm.slice(left + skip, left + len(name)) if name[skip:] else None
    c.start = left


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence (up to 。!? or a line end) holding ``pos`` starts, given ``lo``, a
    sentence start at or before ``pos``: after the last break in ``[lo, pos)``, else ``lo``.
    (Figures come in text order, so each search reaches back to the previous figure's sentence
    only, instead of a pass over the whole text.)"""
    return max(lo, text.rfind("。", lo, pos) + 1, text.rfind("\n", lo, pos) + 1,
               text.rfind("!", lo, pos) + 1, text.rfind("?", lo, pos) + 1)


def _describe(norm: NormText, found: list[MetricCandidate], words: Callable[[], Optional[Sequence[int]]]) -> None:
    """Widen each span to identify the fact, and fill indicator, as_of and scope."""
    if not found:
        return
    text = norm.match
    prev_end, last_indicator, last_sentence = 0, None, -1
    sent, sent_end = 0, -1  # the current sentence's start, and the break that ends it
    as_ofs = _spans(AS_OF_RE, text, "when")
    scopes = _spans(SCOPE_RE, text, 0)
    for c in found:
        if c.start > sent_end:  # a figure past the current sentence (else: no break before it)
            sent = _sentence_start(text, sent, c.start)
            m = SENTENCE_BREAK_RE.search(text, c.start)
            sent_end = m.start() if m else len(text)
        if sent != last_sentence:
            last_indicator, last_sentence = None, sent
        if c.kind == "quantity":
            right = _right(text, c.end, words) if c.unit_class == "count" else c.end
            if right > c.end:
                c.indicator = norm.slice(c.end, right)
                c.end = right
            else:
                _indicator_before(norm, c, max(sent, prev_end), words)
        elif c.kind == "comparison":
            c.indicator = last_indicator
        else:
            c.indicator = "排名"
        if c.kind != "rank" and c.indicator:
            last_indicator = c.indicator
        when = _last_before(as_ofs, sent, c.num_start) if as_ofs else None
        c.as_of = norm.slice(*when) if when else None
        scope = _last_before(scopes, sent, c.num_start) if scopes else None
        c.scope = norm.slice(*scope) if scope else None
        while c.end > c.start and text[c.end - 1] in " \t\n":
            c.end -= 1
        prev_end = max(prev_end, c.end)


def _dedupe(norm: NormText, found: list[MetricCandidate]) -> list[MetricCandidate]:
    seen, out = set(), []
    for c in found:
        key = "".join(norm.match[c.start:c.end].split())  # \s+ removed (split: same spaces)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


# A letter's metrics validated in one call: the same checks as ``Metric(...)`` on each, with the
# span given as a dict (validated as ``Span``), without a keyword ``__init__`` call per model.
_METRIC_LIST = TypeAdapter(list[Metric])


def _page_info(norm: NormText):
    """offset → (page, OCR confidence); a one-page text answers every offset with one lookup."""
    if len(norm.page_starts) == 1:
        info = (norm.page_of(0), norm.confidence_at(0))
        return lambda offset: info
    return lambda offset: (norm.page_of(offset), norm.confidence_at(offset))


@lru_cache(maxsize=256)
def _rounded(confidence: float) -> float:
    """``round(confidence, 3)``, remembered: a letter's metrics share a few confidences, and
    rounding a float to digits takes a decimal conversion."""
    return round(confidence, 3)


def to_models(norm: NormText, found: list[MetricCandidate]) -> list[Metric]:
    page_info, data = _page_info(norm), []
    for c in found:
        page, conf = page_info(c.start)
        data.append({"raw": norm.slice(c.start, c.end), "indicator": c.indicator, "value": c.value, "unit": c.unit,
                     "qualifier": c.qualifier, "comparison": c.comparison, "rank": c.rank, "as_of": c.as_of,
                     "scope": c.scope, "span": {"page": page, "start": c.start, "end": c.end},
                     "confidence": _rounded(c.confidence * conf)})
    return _METRIC_LIST.validate_python(data)


@Language.component("govdoc_metrics", requires=["doc._.analysis"], assigns=["doc._.metrics"])
def metrics_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    # The token offsets as a memoryview of the array: ints on indexing, for bisect, without a list.
    ext.metrics = to_models(norm, find_metrics(norm, lambda: memoryview(doc.to_array(IDX))))
    return doc
