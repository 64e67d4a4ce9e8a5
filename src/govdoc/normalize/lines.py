"""One page's raw text → clean lines: invisible characters, line ends, spaces between CJK
characters, page-number lines.  Whole-page regex passes, no per-character loops."""
from __future__ import annotations

import re

from govdoc.text.zh import CJK, CJK_PUNCT

# Zero-width characters, soft hyphen, BOM, and control characters other than tab and newline.
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\ufffe\x00-\x08\x0e-\x1f\x7f]")
# (One character class first, so that the regex engine skips ahead to it: an alternation
# starting with ``\r\n?`` made every position a match attempt.)
LINE_ENDS = re.compile(r"[\r\u2028\u2029\x85\x0b\x0c](?:(?<=\r)\n)?")
# Spaces that print as one: tab, no-break space, the narrow and figure spaces.
ODD_SPACES = re.compile(r"[\t\xa0\u2000-\u200a\u202f\u205f]")
# Any character one of the three patterns above replaces: most pages hold none, and one pass
# that finds none saves the three.
ODD_CHARS = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\ufffe\x00-\x08\x0e-\x1f\x7f"
                       r"\r\u2028\u2029\x85\x0b\x0c\t\xa0\u2000-\u200a\u202f\u205f]")
# Blanks stripped from both ends of each line (ASCII and ideographic spaces).
LINE_BLANKS = " \u3000"
# PDF/OCR: a single space between two CJK characters or CJK punctuation is spacing, not a word
# break.  Runs of two or more spaces are kept: they separate columns (``联系人：张三    电话``).
# (Patterns start with a literal space so that the regex engine scans for it quickly.)
LAYOUT_CJK_SPACE = re.compile(f" (?<=[{CJK}{CJK_PUNCT}] )(?=[{CJK}{CJK_PUNCT}])")
# PDF/OCR: a single space between a CJK character and a Latin letter or digit is the gap that
# LibreOffice, Word and WPS set between scripts (``第 4 号``, ``PM2.5 平均``, ``2019 年``), which
# text extraction turns into a space; the text as typed had none.
LAYOUT_SCRIPT_SPACE = re.compile(f" (?:(?<=[{CJK}] )(?=[0-9A-Za-z])|(?<=[0-9A-Za-z] )(?=[{CJK}]))")
# Letter-spaced words (``生 态 环 境``, ``答  复  函``): three or more single characters, each
# separated by 1-3 spaces.  Plain text keeps two- and three-character ones (``李  颖``, ``答 复``)
# and accepts single spaces only.
# The match starts at the first gap, after the run's first character.
LETTER_SPACED_LAYOUT = re.compile(
    f" (?<=(?<![{CJK}])[{CJK}] )(?<![{CJK}]  )(?<![{CJK}]   ) {{0,2}}[{CJK}](?: {{1,3}}[{CJK}])+(?![{CJK}])")
LETTER_SPACED_TEXT = re.compile(f" (?<=(?<![{CJK}])[{CJK}] )[{CJK}](?: [{CJK}]){{2,}}(?![{CJK}])")
_BLANKS = re.compile(r"[ \u3000]+")
# A page number or page footer as a whole line: — 3 —, -3-, ·3·, 第3页, 第 3 页 共 5 页,
# 共5页 第3页, 3/12, Page 3, 第3页/共5页.
PAGE_NUMBER_LINE = re.compile(
    r"""(?:
        [—–\-－~～·•][ ]*\d{1,4}[ ]*[—–\-－~～·•]
       |第[ ]*\d{1,4}[ ]*页(?:[ ]*[/，,]?[ ]*共[ ]*\d{1,4}[ ]*页)?
       |共[ ]*\d{1,4}[ ]*页[ ]*[/，,]?[ ]*第[ ]*\d{1,4}[ ]*页
       |\d{1,4}[ ]*/[ ]*\d{1,4}
       |[Pp]age[ ]*\d{1,4}(?:[ ]*(?:of|/)[ ]*\d{1,4})?
    )""",
    re.X,
)
# What a page-number line can start with (``\d`` is any decimal digit: ``str.isdecimal``).
PAGE_NUMBER_FIRST = frozenset("—–-－~～·•第共Pp")
# At the very top or bottom of a laid-out page, a bare number is its page number.
BARE_NUMBER = re.compile(r"^\d{1,3}$")


def clean_page(text: str, layout: bool) -> list[str]:
    """The page's lines, stripped, with layout artefacts removed.  Blank lines are kept (as
    empty strings) so that paragraph breaks survive."""
    if ODD_CHARS.search(text):
        text = LINE_ENDS.sub("\n", INVISIBLE.sub("", text))
        text = ODD_SPACES.sub(" ", text)
    if layout:
        text = text.replace("\u3000", " ")
        text = LETTER_SPACED_LAYOUT.sub(_unspace, text)
        text = LAYOUT_CJK_SPACE.sub("", text)
        text = LAYOUT_SCRIPT_SPACE.sub("", text)
    else:
        text = LETTER_SPACED_TEXT.sub(_unspace, text)
    if text.endswith("\n"):  # the end of the last line, not a blank line
        text = text[:-1]
    if not text:
        return []
    lines = [line.strip(LINE_BLANKS) for line in text.split("\n")]
    return [line for line in lines if not is_page_number_line(line)]


def is_page_number_line(line: str) -> bool:
    """The whole line is a page number or footer (its first character tried before the pattern)."""
    return bool(line) and (line[0] in PAGE_NUMBER_FIRST or line[0].isdecimal()) \
        and PAGE_NUMBER_LINE.fullmatch(line) is not None


def _unspace(m: re.Match) -> str:
    return _BLANKS.sub("", m.group())


def drop_edge_numbers(lines: list[str]) -> bool:
    """Remove a bare number on the first or last non-blank line (a laid-out page's number).
    Returns whether anything was removed."""
    changed = False
    for index in (first_content(lines), last_content(lines)):
        if index is not None and BARE_NUMBER.match(lines[index]):
            lines[index] = ""
            changed = True
    return changed


def first_content(lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines) if line), None)


def last_content(lines: list[str]) -> int | None:
    return next((i for i in range(len(lines) - 1, -1, -1) if lines[i]), None)
