"""What a figure is about: each metric's span widened over the words that name it (its indicator:
``PM10 平均浓度 85 微克/立方米``, ``6 个县级以上黑臭水体``), and the date (``截至目前``) and area (``全市``)
its sentence states before it."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Callable, Optional, Sequence

from govdoc.extract.outline import SENTENCE_BREAK_RE
from govdoc.normalize import NormText

if TYPE_CHECKING:
    from govdoc.extract.metrics import MetricCandidate

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
# Last characters an INDICATOR_TAIL_RE match can end with (same ``$`` rule).
INDICATOR_TAIL_LAST = tuple("有共计到达在已约\n")


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


def describe(norm: NormText, found: list[MetricCandidate], words: Callable[[], Optional[Sequence[int]]]) -> None:
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
