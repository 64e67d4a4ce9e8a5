"""Running headers and footers of laid-out pages: a short line that starts (or ends) most
pages, the same up to its numbers, is page furniture, not text."""
from __future__ import annotations

import re

from govdoc.normalize.lines import drop_edge_numbers, first_content, last_content

# Longest line taken for a running header or footer (characters).
MAX_HEADER_LEN = 40
# Share of pages a line must start (or end) to count as running.
MIN_SHARE = 0.6
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def header_key(line: str) -> str:
    """Lines that differ only in their numbers and spacing are the same header."""
    return _DIGITS.sub("#", _SPACES.sub("", line))


def drop_running_lines(pages: list[list[str]]) -> None:
    """Strip edge page numbers and running headers/footers, in place, until nothing changes
    (a header can hide a page number under it, and two-line headers exist)."""
    changed = True
    while changed:
        changed = False
        for lines in pages:
            changed |= drop_edge_numbers(lines)
        if len(pages) >= 2:
            changed |= _drop_repeated(pages, first_content) | _drop_repeated(pages, last_content)


def _drop_repeated(pages: list[list[str]], edge) -> bool:
    found: dict[str, list[tuple[list[str], int]]] = {}
    for lines in pages:
        index = edge(lines)
        if index is None or len(lines[index]) > MAX_HEADER_LEN:
            continue
        if sum(1 for line in lines if line) < 2:
            continue  # never empty a page
        found.setdefault(header_key(lines[index]), []).append((lines, index))
    changed = False
    for hits in found.values():
        if len(hits) >= 2 and len(hits) >= MIN_SHARE * len(pages):
            for lines, index in hits:
                lines[index] = ""
            changed = True
    return changed
