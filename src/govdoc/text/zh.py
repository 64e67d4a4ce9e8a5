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
# Pinyin that some mirror sites insert in brackets after a character: 號(hào), 鎮(zhèn).
# Lower case only, so a bracketed class (B) is never taken for one.
PINYIN_INSERT = r"\([a-z\u00e0-\u024f\u0300-\u036f]{1,8}\)"
# The same after a character, any case (text that is searched or classified, not matched for spans).
PINYIN_AFTER_CJK_RE = re.compile(rf"(?<=[{CJK}])\([a-zA-Z\u00c0-\u024f\u0300-\u036f]{{1,8}}\)")


def strip_pinyin(text: str) -> str:
    """The text without inserted pinyin (鎮(zhèn)康縣 → 鎮康縣); offsets do not hold."""
    return PINYIN_AFTER_CJK_RE.sub("", text) if "(" in text else text
# Chinese numerals as used in dates, terms and counts; both zeros (〇 and ○) and 零.
ZH_DIGITS = "〇○零一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟"

# Full-width (CJK) punctuation, as a character-class body.  Spaces between two of these or a
# CJK character are layout artefacts in PDF text.
CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
# Punctuation that ends a sentence or a clause that stands on its own line (a line ending in
# one of these is not a line broken by layout).  Both widths.
TERMINAL_PUNCT = "。！？；：…!?;:"
# Closing brackets/quotes that may follow the terminal mark: ``……。”`` still ends the line.
CLOSERS = "”’）》」』】〕)]\"'"
# Words that close a clause without punctuation in sloppy web text (``现答复如下`` + new line).
CLAUSE_FINAL_WORDS = ("如下", "收悉")


# Full-width ASCII block → half-width; ideographic space → space; a few look-alikes.
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20
_WIDTH.update({ord("﹝"): ord("〔"), ord("﹞"): ord("〕")})
# Small form variants (what some OCR engines and PDF fonts emit) → ASCII punctuation.
_WIDTH.update({ord(a): ord(b) for a, b in zip("﹐﹑﹒﹔﹕﹖﹗﹙﹚﹛﹜﹟﹠﹡﹢﹣﹤﹥﹦﹨﹩﹪﹫", ",、.;:?!(){}#&*+-<>=\\$%@")})
# Dashes and tildes that mean the same thing in ranges and phone numbers.
_WIDTH.update({ord("－"): ord("-"), ord("\u2212"): ord("-"), ord("\u2010"): ord("-"), ord("\u2011"): ord("-")})


_WIDTH_CHARS = {chr(k): chr(v) for k, v in _WIDTH.items()}
# Matches only the characters that fold: most of a text is left alone, which is ~5x faster
# than ``str.translate`` over every character.
_WIDTH_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_WIDTH_CHARS)) + "]")


def fold_width(text: str) -> str:
    """Full-width digits, Latin letters and ASCII punctuation → half-width (same length)."""
    return _WIDTH_RE.sub(lambda m: _WIDTH_CHARS[m.group()], text)


def display_width(text: str) -> float:
    """Columns the text takes when printed: wide characters (CJK, full-width forms: three
    UTF-8 bytes) count two, ASCII one.  Computed from the UTF-8 length, at C speed."""
    return (len(text.encode("utf-8")) + len(text)) / 2


def count_cjk(text: str) -> int:
    return len(CJK_RE.findall(text))


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


# Code points where OpenCC's character tables live: radicals, CJK punctuation, ideographs
# (extension A, the basic block, compatibility forms, the supplementary planes) and forms.
_CONVERTIBLE_RANGES = ((0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
                       (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x2FA1F))
TRADITIONAL_FILE = "traditional_chars.txt"  # in govdoc.data: made by scripts/make_traditional_chars.py


def opencc_traditional_chars() -> str:
    """Every character that t2s turns into another on its own (~5,100: 們 會 這 …), in code point
    order, found by converting each character of the ranges above (one OpenCC call, ~50 ms)."""
    chars = [chr(c) for a, b in _CONVERTIBLE_RANGES for c in range(a, b + 1)]
    converted = _t2s().convert("\n".join(chars)).split("\n")  # no phrase spans a line break
    assert len(converted) == len(chars), "OpenCC t2s converted a line break"
    return "".join(c for c, out in zip(chars, converted) if out != c)


@lru_cache(maxsize=1)
def traditional_chars() -> frozenset[str]:
    """:func:`opencc_traditional_chars`, read from the package's data file (a test checks that it
    still agrees with the installed OpenCC)."""
    from importlib import resources

    return frozenset((resources.files("govdoc.data") / TRADITIONAL_FILE).read_text(encoding="utf-8").strip())


def has_traditional(text: str) -> bool:
    """Does the text hold a traditional character, one that t2s changes on its own?  (Phrases
    that only change a character valid in simplified text too, such as 藉口 → 借口, do not
    make a text traditional; a traditional text has many characters of the first kind.)"""
    return not traditional_chars().isdisjoint(text)


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


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str, match: str | None = None) -> str:
    """What jieba segments, for the parse and the index alike: the match text (``match``, when
    known) with ASCII lower-cased; same length as ``text``."""
    return (match_text(text) if match is None else match).translate(_ASCII_LOWER)


def is_cjk(ch: str) -> bool:
    return bool(CJK_RE.match(ch))


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    """The ~3000 most frequent characters of written Chinese in both scripts (the single-character
    words of jieba's dictionary by frequency, plus their traditional forms).  Used to tell a right
    decoding from a wrong one: a mis-decoded text is full of rare characters."""
    import opencc

    from govdoc.text.jieba_cache import import_jieba

    jieba = import_jieba()

    freq: dict[str, int] = {}
    with jieba.get_dict_file() as fh:
        for raw in fh:
            if raw[3:4] == b" ":  # a one-character word (3 UTF-8 bytes), then its frequency
                word, count = raw.decode("utf-8").split(" ")[:2]
                freq[word] = int(count)
    top = "".join(sorted((c for c in freq if CJK_RE.match(c)), key=freq.__getitem__, reverse=True)[:3000])
    traditional = opencc.OpenCC("s2t").convert(top)
    return frozenset(top) | frozenset(traditional)


# --- Line shapes (used to decide which lines may be joined) -------------------------------

_NUM = "一二三四五六七八九十百零〇"
# A line that starts a heading or a list item: 一、 （一） (1) 1. 1、 ① 第一条 一是 ● 附件.
HEADING_START = re.compile(
    rf"""^(?:[{_NUM}]+[、.．]
      |[（(][{_NUM}]+[）)]
      |[（(]\d{{1,3}}[）)]
      |\d{{1,3}}[)）]
      |\d{{1,3}}(?:[、．]|\.(?!\d))
      |[\u2460-\u2473\u2474-\u2487\u2488-\u249b]
      |第[{_NUM}\d]+[条章节款项部分篇]
      |第[一二三四五六七八九十][，,、:：]
      |[一二三四五六七八九十]是[，,、:：]?
      |[●■◆◇□•★☆※▲►▪]
      |附\s*件|附\s*[:：])""",
    re.X,
)
# A line that starts with a short label and a colon: 抄送：…, 联系人:…, 签发人：… (metadata).
LABEL_START = re.compile(rf"^[{CJK}]{{1,6}}\s*[:：]")
# Sentence-internal or sentence-final punctuation: a line without any is a title, a name, a
# date — a line that stands alone.
SENTENCE_PUNCT = re.compile(r"[，,。；;！!？?]")
