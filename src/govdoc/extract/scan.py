"""Cheap scans that several stages share, and the per-text index of what they find.

A regex that opens with a character class or an alternation (``[:：]``, ``来源|发布机构``) or with
``^`` in MULTILINE mode is tried by the regex engine at every offset of the text; one that opens
with a literal, and ``str.find``, skip ahead to it at a small fraction of that cost.  The helpers
here turn the first kind of search into the second with the same results: colons found once
per text, line-start patterns tried only on the lines that hold a word they need, alternations
split by first literal, lines picked by their last character.

A letter's :class:`TextIndex` is kept by its analysis (``Analysis.index``); nothing here is
cached between texts.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable, Iterator


class TextIndex:
    """What the stages look up in one text, each computed on first use."""

    __slots__ = ("text", "_colons", "_first_colons")

    def __init__(self, text: str):
        self.text = text
        self._colons: list[int] | None = None
        self._first_colons: list[tuple[int, int, str]] | None = None

    @property
    def colons(self) -> list[int]:
        """Offsets of every ``:`` and ``：`` in text order."""
        if self._colons is None:
            self._colons = sorted(find_all(self.text, ":") + find_all(self.text, "："))
        return self._colons

    def colons_in(self, start: int, end: int) -> list[int]:
        """Colon offsets in ``[start, end)``."""
        colons = self.colons
        return colons[bisect_left(colons, start):bisect_left(colons, end)]

    @property
    def first_colons(self) -> list[tuple[int, int, str]]:
        """``(line start, colon, last)`` for the first colon of each line that holds one, in text
        order; ``last`` is the character before the colon, spaces and tabs skipped ('' when the
        line holds nothing else before it).  A pattern that reads a label at a line start and
        then its colon can only match on a line whose first colon follows the label's last
        character: the lines are screened by one comparison instead of a pattern each."""
        if self._first_colons is None:
            text = self.text
            out = []
            last_line = -1
            for colon in self.colons:
                s = text.rfind("\n", 0, colon) + 1
                if s != last_line:
                    last_line = s
                    out.append((s, colon, text[s:colon].rstrip(" \t")[-1:]))
            self._first_colons = out
        return self._first_colons


def find_all(text: str, word: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets of every occurrence of ``word`` inside ``text[start:end]`` (overlapping ones too)."""
    end = len(text) if end is None else end
    out = []
    pos = text.find(word, start, end)
    while pos >= 0:
        out.append(pos)
        pos = text.find(word, pos + 1, end)
    return out


def line_start(text: str, pos: int) -> int:
    """Offset where the line holding ``pos`` begins."""
    return text.rfind("\n", 0, pos) + 1


def line_end(text: str, pos: int) -> int:
    """Offset where the line holding ``pos`` ends (its line break, or the end of the text)."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def line_span(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """``(start, end)`` of the line holding ``start``, or of the lines from the one holding
    ``start`` to the one holding ``end``."""
    stop = text.find("\n", start if end is None else end)
    return text.rfind("\n", 0, start) + 1, len(text) if stop < 0 else stop


def nonblank_line_above(text: str, start: int, floor: int = 0) -> tuple[int, int] | None:
    """``(start, end)`` of the nearest line above the one beginning at ``start`` that is not
    blank (``str.strip`` leaves something), or None; nothing above ``floor`` is read (a line
    that begins above it is cut there)."""
    end = start - 1
    while end >= floor:
        s = max(floor, text.rfind("\n", floor, end) + 1)
        if text[s:end].strip():
            return s, end
        end = s - 1
    return None


def line_matches(pattern: re.Pattern, text: str, anchors: Iterable[int], start: int = 0,
                 end: int | None = None) -> Iterator[re.Match]:
    """``pattern.finditer(text, start, end)`` for a ``pattern`` that matches only at a line start
    (``^…`` in MULTILINE mode), never across a line break, and always holds one of the offsets
    ``anchors`` (given in text order; say, where a word it needs occurs): the pattern is tried
    once at the start of each line holding an anchor instead of at every offset."""
    end = len(text) if end is None else end
    last = -1
    for pos in anchors:
        s = text.rfind("\n", 0, pos) + 1
        if s == last:
            continue
        last = s
        if start <= s < end:
            m = pattern.match(text, s, end)
            if m:
                yield m


class LineEnds:
    """Finds the lines whose last character, spaces and tabs aside, is one of a class (say, the
    characters a date ends with): a scan for the line breaks (a literal the regex engine skips
    ahead to) checked by a one-character look-behind, instead of reading every line."""

    def __init__(self, char_class: str):
        """``char_class``: the body of a regex character class (``\\d日号``)."""
        self._last = re.compile(f"[{char_class}]")
        self._breaks = re.compile(f"\\n(?<=[{char_class} \\t]\\n)")

    def lines(self, text: str, start: int = 0) -> list[tuple[int, int]]:
        """``(start, end)`` of each such line of ``text`` that begins at or after ``start``."""
        ends = [m.start() for m in self._breaks.finditer(text, max(0, start))]
        if not text.endswith("\n"):
            ends.append(len(text))  # the last line, which no line break ends
        out = []
        for e in ends:
            s = text.rfind("\n", 0, e) + 1
            if s >= start and self._last.match(text[s:e].rstrip(" \t")[-1:]):
                out.append((s, e))
        return out

    def matches(self, pattern: re.Pattern, text: str, start: int = 0) -> Iterator[re.Match]:
        """``pattern.finditer(text, start)`` for a ``pattern`` that matches only at a line start
        (``^…`` in MULTILINE mode), never across a line break, and only on such lines (it ends
        in the class, spaces and tabs aside): the pattern is tried once at the start of each of
        ``lines(text, start)`` instead of at every offset."""
        for s, e in self.lines(text, start):
            m = pattern.match(text, s, e)
            if m:
                yield m


def finditer_alternatives(patterns: Iterable[re.Pattern], text: str, pos: int = 0,
                          end: int | None = None) -> Iterator[re.Match]:
    """``finditer`` of the alternation of ``patterns`` (``A|B|…``), for patterns that open with
    different literals (so that at most one can match at an offset) and never match empty: each
    is searched on its own, which lets the regex engine skip ahead to its literal, where the
    alternation would be tried at every offset."""
    end = len(text) if end is None else end
    patterns = list(patterns)
    found = [p.search(text, pos, end) for p in patterns]
    while True:
        live = [m for m in found if m is not None]
        if not live:
            return
        first = min(live, key=lambda m: m.start())
        yield first
        pos = first.end()
        found = [m if m is None or m.start() >= pos else p.search(text, pos, end) for p, m in zip(patterns, found)]
