"""One tested converter for Chinese numerals: 十三 → 13, 二〇一九 → 2019, 三千余 → 3000, 1.2万 → 12000."""
from __future__ import annotations

import re
from typing import Optional

DIGIT = {
    "〇": 0, "○": 0, "零": 0, "0": 0,
    "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_DIGIT_CHARS = frozenset(DIGIT)
SMALL_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNIT = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = "".join(DIGIT) + "".join(SMALL_UNIT) + "".join(BIG_UNIT)
NUMERAL_RE = re.compile(f"[{NUMERAL_CHARS}]+")


def digits_only(text: str) -> Optional[int]:
    """Read digit by digit, as in years and serials: 二〇一九 → 2019, 二○一一 → 2011."""
    out = 0
    for ch in text:
        if ch.isdigit():
            out = out * 10 + int(ch)
        elif ch in DIGIT:
            out = out * 10 + DIGIT[ch]
        else:
            return None
    return out if text else None


def cn_to_int(text: str) -> Optional[int]:
    """Positional Chinese numeral → int: 十三 → 13, 二十 → 20, 一百零五 → 105, 三千 → 3000.

    Returns ``None`` for text that is not a numeral.  Plain digit strings pass through.
    """
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if _DIGIT_CHARS.issuperset(text):  # 二〇一九 (every character a digit: one set operation)
        return digits_only(text)
    total, section, number = 0, 0, None
    for ch in text:
        if ch in DIGIT:
            number = DIGIT[ch]
        elif ch in SMALL_UNIT:
            section += (1 if number is None else number) * SMALL_UNIT[ch]
            number = None
        elif ch in BIG_UNIT:
            section += number or 0
            total += (section or 1) * BIG_UNIT[ch]
            section, number = 0, None
        else:
            return None
    return total + section + (number or 0)


_MIXED = re.compile(r"^(\d+(?:\.\d+)?)([万亿])?$")


def to_number(text: str) -> Optional[float]:
    """Any numeral as written → number: '1.2万' → 12000, '三千' → 3000, '85' → 85, '90.9' → 90.9."""
    text = text.strip().replace(",", "")
    m = _MIXED.match(text)
    if m:
        value = float(m.group(1)) * (BIG_UNIT[m.group(2)] if m.group(2) else 1)
        return int(value) if value == int(value) and "." not in m.group(1) else value
    value = cn_to_int(text)
    return value
