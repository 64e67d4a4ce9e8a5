"""The patterns of the metrics stage: numbers, quantities (a number and a unit from
``data/rules/units.tsv``), rankings and comparisons, and the scans that find their matches.

The patterns are built from the units data on the first letter (``patterns()``) and kept: they
depend on no letter.  Arabic and Chinese numbers are found in two scans that the regex engine can
skip through; rankings are looked for around each 第 only, comparisons from the first 比 or 较.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from govdoc.data import load
from govdoc.extract.scan import find_all
from govdoc.text.numerals import cn_to_int

_SP = r"[ \t]?"
CN_NUMERALS = "一二两三四五六七八九十"
# The units, each with its guard where it needs one (日 only as a duration, 方 not in 方面 …), are
# data: ``data/rules/units.tsv`` (``govdoc.data.load.units``).
# The scopes of a ranking (全省, 同类城市 …) are data too: ``data/rules/metric_words.tsv``.
MULTIPLIER = r"(?P<mult>百万|千万|万亿|万|亿|千)"
# A number starts at the start of its digit run (one cheap look-behind) and is read possessively,
# so that a long digit run (a phone or index number) is not retried at every shorter length;
# what else may stand before it is checked in Python at each match.
NUMBER = (rf"(?:(?P<ar>(?<![\d.])\d++(?:\.\d++)?)"
          rf"|(?P<cn>(?<![{CN_NUMERALS}百千零〇])[{CN_NUMERALS}][{CN_NUMERALS}百千零〇]*+))")


def _quantity_rest(unit: str) -> str:
    """What follows the number in a quantity: qualifier, multiplier, unit or a bare 万/亿, post-qualifier."""
    return (rf"{_SP}(?P<mid>余|多)?(?:{MULTIPLIER}?(?P<mid2>余|多)?{_SP}(?P<unit>{unit})|(?P<bare>万亿|万|亿))"
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
    chinese = re.compile(rf"(?P<cn>[{CN_NUMERALS}](?<![{CN_NUMERALS}百千零〇][{CN_NUMERALS}])[{CN_NUMERALS}百千零〇]*+)(?P<ar>(?!))?" + rest)
    return arabic, chinese


def _compile_patterns(unit: str, scope: str) -> dict[str, re.Pattern]:
    """The quantity pattern opens with a look-ahead on its possible first characters (its first
    branch starts with look-behinds).  Rank and comparison start with literal alternatives, from
    which Python's engine derives the first characters to skip ahead to by itself (a look-ahead
    in front would hide them: 2.4x slower scans)."""
    return {
        "quantity": re.compile(rf"(?=[\d{CN_NUMERALS}]){NUMBER}" + _quantity_rest(unit)),
        "rank": re.compile(
            rf"(?:排名|排在|排位|排|位列|位居|居于|居|列){_SP}(?P<scope>{scope})?"
            rf"{_SP}第{_SP}(?P<num>\d{{1,3}}|[{CN_NUMERALS}]{{1,3}})(?:{_SP}[位名])?"),
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
    rank_scope_before: re.Pattern  # a scope right before a ranking (在全省排名第3)
    rank_before: int  # how far a ranking match may start before its 第 (see ``rank_matches``)
    comparison: re.Pattern
    unit_class: dict[str, str]  # unit → count | measure | time


@cache
def patterns() -> Patterns:
    """Compiled on the first letter from ``data/rules/units.tsv`` and ``metric_words.tsv``, then
    kept: they depend on no letter.  (A bad line there fails the letters being parsed, with its line number, and not the
    import of this module.)"""
    units = load.units()
    alternation = units.alternation()
    scopes = [w.word for w in load.metric_words()["rank_scope"]]
    scope = "|".join(scopes)
    arabic, chinese = _compile_split_quantity(alternation)
    # A ranking match holds one 第, at most this many characters after its start: keyword,
    # spacing, scope, spacing.
    rank_before = 2 + 1 + max(len(s) for s in scopes) + 1
    return Patterns(quantity_arabic=arabic, quantity_chinese=chinese, unit_class=units.classes,
                    rank_scope_before=re.compile(rf"在?(?P<scope>{scope})[ \t]?$"), rank_before=rank_before,
                    **_compile_patterns(alternation, scope))


DIRECTION = {"低": "lower", "少": "lower", "高": "higher", "多": "higher", "增长": "up", "增加": "up",
             "提高": "up", "上升": "up", "下降": "down", "降低": "down", "减少": "down"}

# The quantity pattern's groups in order: each match unpacks them from one ``m.groups()`` call
# (``ar`` and ``cn`` are read by name: the split Chinese pattern numbers those two the other way round).
QUANTITY_GROUPS = ("ar", "cn", "mid", "mult", "mid2", "unit", "bare", "post")


def number(s: str) -> float | int | None:
    if s[0].isdigit():
        return float(s) if "." in s else int(s)
    return cn_to_int(s)


def quantity_matches(text: str) -> list[re.Match]:
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


# Every ranking match holds one 第, at most ``patterns().rank_before`` characters after its start
# and RANK_AFTER before its end (第, spacing, three digits, spacing, 位/名).
RANK_AFTER = 1 + 1 + 3 + 1 + 1


def windows(text: str, anchor: str, before: int, after: int) -> list[tuple[int, int]]:
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


def rank_matches(text: str) -> list[re.Match]:
    """The ranking pattern's matches, scanned only around each 第 (a few a letter) instead of the
    whole text.  The same matches as ``finditer`` over the whole text: every match lies in the
    stretch around its 第, no stretch cuts one, and the pattern looks neither behind its start
    nor ahead of its end."""
    pat = patterns()
    return [m for lo, hi in windows(text, "第", pat.rank_before, RANK_AFTER) for m in pat.rank.finditer(text, lo, hi)]


def comparison_matches(text: str):
    """The comparison pattern's matches, scanned from the first place one can start: its keyword
    is 较 or ends with 比 (none: no scan); the pattern looks not behind its start."""
    bi, jiao = text.find("比"), text.find("较")
    if bi < 0 and jiao < 0:
        return ()
    first = min(bi - 1 if bi >= 0 else len(text), jiao if jiao >= 0 else len(text))  # 相比 starts before 比
    return patterns().comparison.finditer(text, max(0, first))
