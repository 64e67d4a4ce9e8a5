"""What is not a metric: a number-unit match that is a date or a year, a code, an ordinal, an
adverbial count, a plan's name, or a figure on a page-chrome line (contacts, addresses …) or inside
a title in 《》 or a short quote."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from govdoc.extract.metric_patterns import CN_NUMERALS, number, patterns
from govdoc.extract.scan import line_end
from govdoc.text.numerals import cn_to_int

NOT_BEFORE_ARABIC = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-/:+#@~")
NOT_BEFORE_CHINESE = set("第每逐唯统万之某几初单百千零〇" + CN_NUMERALS)
PLAN_NAME_RE = re.compile(r"(?:行动|计划|规划|攻坚|专项)")
AFTER_ARABIC_RE = re.compile(r"[-/:~.]\d")
# A list marker glued to a year (3.2017年之前): not the decimal 3.2017 years.
MARKER_YEAR_RE = re.compile(r"\d{1,2}\.(?:19|20)\d\d")
# Thousands separators: a three-digit group after "digit," belongs to the number before it.
THOUSANDS_RE = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+$")
QUOTED_RE = re.compile(r"《[^《》\n]*》|“[^“”\n]{0,14}”|\"[^\"\n]{0,14}\"")
# Lines that carry contact details, addresses, page chrome: figures there are not facts.
CHROME_LINE_RE = re.compile(r"[ \t\-]*(?:抄送|抄报|联系|地址|邮编|邮政编码|附件|电话|传真|索引号|发布|来源|文号|"
                            r"浏览|点击|访问|时间|日期|作者|编辑|版权|主办|承办人|经办人)")
CHROME_BEFORE_RE = re.compile(r"(?:浏览|访问|点击|阅读)[量数次]*[:\s]*$")
# Characters a CHROME_BEFORE_RE match can end with at a figure (besides white space): most figures
# skip the search.
CHROME_BEFORE_LAST = frozenset("览问击读量数次:")


def inside(ranges: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


class Lines:
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
        return bool(ranges) and inside(ranges, starts, pos)

    def excluded(self, pos: int, before: str) -> bool:
        """``is_chrome(pos, before) or is_quoted(pos)``, with one look-up of the line (inline: this
        runs for every figure)."""
        text = self.text
        line = text.rfind("\n", 0, pos) + 1
        chrome, ranges, starts = self.lines.get(line) or self._read(line)
        return (chrome or (before in CHROME_BEFORE_LAST or before.isspace())
                and CHROME_BEFORE_RE.search(text, max(0, pos - 8), pos) is not None
                or bool(ranges) and inside(ranges, starts, pos))


def _years_lasting(text: str, s: int, e: int) -> bool:
    """Years in Chinese numerals ``text[s:e]`` said as a duration: 连续三年, 三年内, 三年多,
    用三年时间 — not 近三年 (the past years, an adverbial) or a bare 三年."""
    return (text.startswith("连续", s - 2) or text.startswith(("多", "余", "时间"), e)
            or text.endswith(("内", "以上"), s, e))


_CLAUSE_BREAK_RE = re.compile(r"[,，。;；:：!！?？\n]")


def _each_before(text: str, s: int) -> bool:
    """Whether the clause before ``s`` (up to 20 characters) speaks of 每个/每一… (每个乡镇, 每个建制村);
    a ratio (每100人配备1名) is a fact and stays."""
    seg = text[max(0, s - 20):s]
    cut = max((m.end() for m in _CLAUSE_BREAK_RE.finditer(seg)), default=0)
    return "每个" in seg[cut:] or "每一" in seg[cut:]


# A range (10至20分钟, 三到五年, 3～5辆): its end is no figure a letter reports, and its start has
# no unit of its own.
RANGE_MARKS = frozenset("至到~～—－")


def _ends_a_range(text: str, s: int) -> bool:
    """The number at ``s`` follows a range mark that follows a number (10至|20分钟)."""
    if s < 2 or text[s - 1] not in RANGE_MARKS:
        return False
    return text[s - 2].isdigit() or text[s - 2] in CN_NUMERALS


def quantity_value(text: str, s: int, e: int, before: str, ar: Optional[str], cn: Optional[str],
              base: Optional[str], mult: Optional[str]) -> Optional[tuple[float | int, str]]:
    """(value, unit class) of a number-unit match ``[s, e)`` (``before``: the character before it),
    or None when it is not a metric."""
    if _ends_a_range(text, s):
        return None
    if ar:
        after = s + len(ar)
        if before in NOT_BEFORE_ARABIC or (text[after:after + 1] in "-/:~." and AFTER_ARABIC_RE.match(text, after)):
            return None
        value = number(ar)
        if value == 1 and _each_before(text, s):
            return None  # 每个乡镇建成1条…公路: a standard for each, not a count
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
    if base == "年" and (value >= 1000 or mult or PLAN_NAME_RE.match(text, e) or ar and MARKER_YEAR_RE.fullmatch(ar)):
        return None  # a year, a plan's name (3年行动计划), or a marker glued to a year (3.2017年)
    return value, patterns().unit_class.get(base or "", "measure")
