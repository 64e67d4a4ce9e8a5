"""Which lines were broken by layout or by a page break, and how to join them.

Two rules, both refusing when the first line ends a sentence (``。：；！？``, or a clause-final
word such as 如下) or when the next line starts a heading, a list item or a labelled line
(``一、`` ``（一）`` ``1.`` ``抄送：``):

* **full line** (PDF/OCR pages): a line as wide as the page's text block runs on.
* **pause** (any input): a line ending in ``，`` or ``、`` runs on.
* **body line** (any input): a long line that reads like a sentence (it has sentence
  punctuation before its end) runs on, unless the next line stands alone (short, without
  sentence punctuation: a name, a date, a title line; or cells between ``|`` marks: a menu
  bar, a table row).

Short lines — title blocks, salutations, signatures, dates — never satisfy either rule.
A character repeated across the join (``产业结构`` / ``构、工业``) is dropped only when the
dictionary says so: the doubled pair is not a word, the first line ends in a word with it, and
the second line does not start with a word with it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from govdoc.text.segment import segmenter  # one dictionary for everything (loaded on first use)
from govdoc.text.zh import (CJK_RE, CLAUSE_FINAL_WORDS, CLOSERS, HEADING_START, LABEL_START,
                            SENTENCE_PUNCT, TERMINAL_PUNCT, count_cjk, display_width)

# A line ending in a pause mark (comma, enumeration comma) has not ended.
PAUSE_MARKS = ("，", "、", ",")
# A body line is at least this long (characters) …
BODY_MIN_LEN = 30
# … and a line this short without sentence punctuation stands alone.
STANDALONE_MAX_LEN = 30
# A laid-out line this close to the text block's width is full.
FULL_SHARE = 0.88
# A line with this many ``|`` marks holds cells (a menu bar, a table row as web pages and
# metadata tables print them).
CELL_MARKS = 2
# Lines narrower than this (display columns) say nothing about the text block's width.
MIN_MEASURED_WIDTH = 20


@dataclass(frozen=True)
class JoinRules:
    full_width: Optional[float] = None  # display width of a full laid-out line, if known

    @classmethod
    def for_layout_lines(cls, lines) -> "JoinRules":
        """Measure the text block: the median of the wider half of the measurable lines."""
        widths = sorted(w for w in map(display_width, lines) if w >= MIN_MEASURED_WIDTH)
        if len(widths) < 3:
            return cls(None)
        upper = widths[len(widths) // 2:]
        return cls(upper[len(upper) // 2])

    def is_full(self, line: str) -> bool:
        return self.full_width is not None and display_width(line) >= FULL_SHARE * self.full_width

    def should_join(self, a: str, a_full: bool, b: str) -> bool:
        """Does ``b`` continue ``a``?  ``a`` is the line built so far; ``a_full``: the last
        physical line in it was full (a laid-out line as wide as the text block, or the last
        line of a page its reader saw run on to the next)."""
        if not ends_open(a):
            return False
        if a_full:
            # a wrapped line may start with anything that is not a heading
            return not HEADING_START.match(b)
        pause = a.endswith(PAUSE_MARKS)
        if not pause and len(a) < BODY_MIN_LEN:
            return False  # neither a pause nor a body line (checked before the patterns on b)
        if HEADING_START.match(b) or LABEL_START.match(b):
            return False
        return pause or (is_body_line(a) and not stands_alone(b))


def ends_open(line: str) -> bool:
    """The line does not end a sentence or a clause."""
    if line[-1:] in TERMINAL_PUNCT:  # most lines (and "", which is closed too)
        return False
    core = line.rstrip(CLOSERS)
    return bool(core) and core[-1] not in TERMINAL_PUNCT and not core.endswith(CLAUSE_FINAL_WORDS)


def is_body_line(line: str) -> bool:
    """Long Chinese, with sentence punctuation before its end, not a label line, not a bare
    heading.  (A URL or a Latin line has punctuation too, but not the Chinese.)"""
    if len(line) < BODY_MIN_LEN or not SENTENCE_PUNCT.search(line, 0, len(line) - 1):
        return False
    if count_cjk(line) * 2 < len(line):
        return False
    if LABEL_START.match(line):
        return False
    return not (HEADING_START.match(line) and "。" not in line)


def stands_alone(line: str) -> bool:
    """Short and without any punctuation mark of a sentence, or cells between ``|`` marks (a
    menu bar, a table row): a line that stands alone is never joined to the next one either, so
    what it is does not change when normalized again."""
    if line.count("|") >= CELL_MARKS:
        return True
    return len(line) <= STANDALONE_MAX_LEN and not SENTENCE_PUNCT.search(line) and "、" not in line


def join_lines(a: str, b: str) -> tuple[str, int]:
    """``a`` and ``b`` as one line, and the offset in it where ``b``'s kept text starts."""
    drop = repeated_at_join(a, b)
    rest = b[drop:]
    sep = " " if _latin(a[-1]) and rest and _latin(rest[0]) else ""
    return a + sep + rest, len(a) + len(sep)


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def repeated_at_join(a: str, b: str) -> int:
    """1 when ``b``'s first character repeats ``a``'s last one by a layout accident, else 0."""
    c = a[-1]
    if len(b) < 2 or b[0] != c or not CJK_RE.match(c):
        return 0
    if HEADING_START.match(b[1:]) or is_word(c + c):
        return 0
    ends_word = any(is_word(a[-k:]) for k in (2, 3, 4) if len(a) >= k)
    starts_word = any(is_word(b[:k]) for k in (2, 3, 4) if len(b) >= k)
    return 1 if ends_word and not starts_word else 0


def is_word(text: str) -> bool:
    """In the project's jieba dictionary (the one segmentation uses; loaded lazily, and only
    when a repeated character at a join needs a verdict)."""
    return segmenter().freq(text) > 0
