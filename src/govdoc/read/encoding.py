"""Decode bytes of Chinese text whose encoding is not declared.

Byte-order marks decide first; then strict UTF-8 (valid UTF-8 is almost never an accident);
then every legacy candidate that decodes is *scored*: a GBK text often decodes as Big5 without
error and vice versa, but the wrong reading is full of rare characters, so the candidate whose
CJK characters are most often among the common ones of either script wins.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from govdoc.text.zh import CJK_RE, common_chars

# Legacy encodings of Chinese, tried in this order (ties keep the earlier one).  gb18030 is a
# superset of GBK and GB2312; cp950 is Big5 as Windows writes it, big5hkscs adds the HK set.
LEGACY = ("gb18030", "cp950", "big5hkscs")
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Declared names that mean a narrower set than what real files hold.
ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "cp950", "x-big5": "cp950"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")


@dataclass
class Decoded:
    text: str
    encoding: str
    replaced: bool = False  # undecodable bytes were replaced by U+FFFD


def score(text: str) -> float:
    """How plausible a decoding is: share of CJK characters that are common ones, minus a
    penalty for control and private-use characters that wrong decodings produce."""
    sample = text[:20000]
    cjk = CJK_RE.findall(sample)
    common = common_chars()
    hits = sum(1 for c in cjk if c in common)
    bad = len(_CONTROL.findall(sample))
    return (hits - 4 * bad) / max(1, len(cjk) + bad)


def canonical(name: str) -> str:
    name = name.strip().strip("\"'").lower()
    if not name:  # nothing declared (the usual case): no failed codec lookup
        return ""
    name = ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""


# High bytes of UTF-16 code units in Chinese text: ASCII, general and CJK punctuation, CJK
# ideographs, full-width forms.
_UTF16_HIGH = bytes([0x00, 0x20, 0x30, 0xFF, *range(0x4E, 0xA0)])
_PREFIX = 400  # bytes of the head whose high bytes are counted first


def utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' / 'utf-16-be' when nearly every code unit's high byte is one Chinese text
    uses (and the bytes decode), else ''."""
    head = data[:2000]
    head = head[: len(head) // 2 * 2]
    if len(head) < 4:
        return ""
    if b"\0" not in head and is_utf8(head):
        return ""  # ASCII letters pair up as CJK code units (``aa`` is U+6161): UTF-8 text, not UTF-16
    limit = 0.05 * (len(head) // 2)  # high bytes outside the set the whole head may hold
    for enc, first in (("utf-16-le", 1), ("utf-16-be", 0)):
        # The first 200 high bytes first: a text that is not UTF-16 (UTF-8 Chinese) already
        # holds more bytes outside the set there than the whole head may.
        if len(head[first:_PREFIX:2].translate(None, _UTF16_HIGH)) > limit:
            continue
        high = head[first::2]
        outside = len(high.translate(None, _UTF16_HIGH))  # bytes not in the set, counted in C
        if outside <= limit and high.count(0) < len(high):
            try:
                head.decode(enc)
            except UnicodeDecodeError:
                continue
            return enc
    return ""


def is_utf8(head: bytes) -> bool:
    """The bytes decode as UTF-8, but for a character cut at the end."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3 and exc.reason.startswith("unexpected end")
    return True


def decode_bytes(data: bytes, declared: str = "") -> Decoded:
    """Decode ``data``: BOM; then UTF-16 without BOM, UTF-8 or the declared encoding, whichever
    decodes cleanly first; then the best-scoring legacy Chinese encoding; as a last resort the
    least damaged reading with replacement characters (``replaced=True``)."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(enc, errors="replace"), enc)
    sure = [enc for enc in (utf16_without_bom(data), "utf-8", canonical(declared)) if enc]
    for enc in sure:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if enc == "utf-8" or CJK_RE.search(text):  # a declared Latin-1 on Chinese bytes is wrong
            return Decoded(text, enc)
    decoded: list[tuple[float, int, Decoded]] = []
    for rank, enc in enumerate(LEGACY):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        decoded.append((score(text), -rank, Decoded(text, enc)))
    if decoded:
        return max(decoded, key=lambda t: t[:2])[2]
    return _least_damaged(data)


def _least_damaged(data: bytes) -> Decoded:
    """No candidate decodes cleanly: charset-normalizer's guess if it has one, else the
    Chinese candidate with the fewest replacement characters."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200000]).best()
    if best is not None and best.encoding:
        text = data.decode(best.encoding, errors="replace")
        if CJK_RE.search(text):
            return Decoded(text, best.encoding, "\ufffd" in text)
    options = [(t.count("\ufffd"), enc, t) for enc in ("utf-8", *LEGACY)
               for t in [data.decode(enc, errors="replace")]]
    bad, enc, text = min(options, key=lambda o: o[0])
    return Decoded(text, enc, bad > 0)
