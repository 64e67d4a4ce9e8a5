"""Character classes and the length-preserving *match text*.

Extraction stages run their patterns on ``match_text(text)``: the same string folded to
simplified characters and half-width ASCII, **with exactly the same length**, so an offset
found in the match text is an offset in the original and values can be copied verbatim.
"""
from __future__ import annotations

import re
from functools import lru_cache

# CJK unified ideographs (basic + extension A) and the compatibility block.
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")
# Chinese numerals as used in dates, terms and counts; both zeros (〇 and ○) and 零.
ZH_DIGITS = "〇○零一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟"

# Full-width ASCII block → half-width; ideographic space → space; a few look-alikes.
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20
_WIDTH.update({ord("〔"): ord("〔"), ord("﹝"): ord("〔"), ord("﹞"): ord("〕")})


def fold_width(text: str) -> str:
    """Full-width digits, Latin letters and ASCII punctuation → half-width (same length)."""
    return text.translate(_WIDTH)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def has_traditional(text: str) -> bool:
    """Cheap test: does converting to simplified change anything?"""
    sample = text if len(text) < 4000 else text[:4000]
    return _t2s().convert(sample) != sample


def to_simplified(text: str) -> str:
    """Traditional → simplified, keeping the length (phrase conversions that change it fall
    back to character-by-character conversion)."""
    out = _t2s().convert(text)
    if len(out) == len(text):
        return out
    conv = _t2s().convert
    return "".join(c2 if len(c2 := conv(c)) == 1 else c for c in text)


def match_text(text: str) -> str:
    """The text stages match on: simplified, half-width, same length as ``text``."""
    folded = fold_width(text)
    if has_traditional(folded):
        folded = to_simplified(folded)
    assert len(folded) == len(text)
    return folded


def is_cjk(ch: str) -> bool:
    return bool(CJK_RE.match(ch))
