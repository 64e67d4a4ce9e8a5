"""Pages of raw text → one normalized text with page offsets.

Steps: clean each page (invisible characters, line ends, spaces between CJK characters on
laid-out pages, page-number lines); drop running headers and footers of laid-out pages; join
lines broken by layout or page breaks (:mod:`govdoc.normalize.joins`); collapse runs of blank
lines to one.  ``page_starts[i]`` is the offset of page ``i``'s first character in the final
text (a page whose first line was joined onto the previous page starts mid-line; an empty page
starts where the next content does).  Normalizing the result again changes nothing.
"""
from __future__ import annotations

from typing import Iterable, Optional

from govdoc.normalize.headers import drop_running_lines
from govdoc.normalize.joins import JoinRules, join_lines
from govdoc.normalize.lines import clean_page
from govdoc.normalize.normtext import NormText
from govdoc.read.base import Page

Position = Optional[tuple[int, int]]  # (line index, column) in the output lines
NO_LAYOUT = JoinRules(None)  # what the text block of no laid-out line measures


def normalize(pages: Iterable[Page]) -> NormText:
    pages = list(pages)
    if not pages:
        return NormText("")
    cleaned = [clean_page(page.text, page.layout) for page in pages]
    laid_out = [lines for lines, page in zip(cleaned, pages) if page.layout]
    # pages whose wrapped lines are still broken where the layout wrapped them
    wrapped = [page.layout and not page.lines_joined for page in pages]
    if laid_out:
        drop_running_lines(laid_out)
    if any(wrapped):
        rules = JoinRules.for_layout_lines(line for lines, w in zip(cleaned, wrapped) if w for line in lines)
    else:
        rules = NO_LAYOUT
    out, positions = assemble(cleaned, wrapped, rules, [page.runs_on for page in pages])
    text = "\n".join(out)
    return NormText(text, page_offsets(out, positions, len(text)),
                    [page.number for page in pages], [page.confidence for page in pages])


def assemble(pages: list[list[str]], wrapped: list[bool], rules: JoinRules,
             runs_on: Optional[list[bool]] = None) -> tuple[list[str], list[Position]]:
    """Output lines, and where each page's first character landed.  ``wrapped[i]``: page
    ``i``'s lines are broken where its layout wrapped them (the full-line rule applies);
    ``runs_on[i]``: its reader saw its last line run on to the next page (the full-line rule
    applies at that page break)."""
    out: list[str] = []
    positions: list[Position] = []
    last_raw, last_layout, blank = "", False, False
    ran_on = [False, *(runs_on or [False] * len(pages))]
    for lines, layout, carried in zip(pages, wrapped, ran_on):
        first: Position = None
        for line in lines:
            if not line:
                blank = bool(out)
                continue
            full = (last_layout and rules.is_full(last_raw)) or (first is None and carried)
            if out and rules.should_join(out[-1], full, line):
                out[-1], column = join_lines(out[-1], line)
            else:
                if blank:
                    out.append("")
                out.append(line)
                column = 0
            if first is None:
                first = (len(out) - 1, column)
            last_raw, last_layout, blank = line, layout, False
        positions.append(first)
    return out, positions


def page_offsets(out: list[str], positions: list[Position], end: int) -> list[int]:
    """Offset of each page's first character in ``"\n".join(out)``; an empty page starts where
    the next content does (or at ``end``).  Only the lines before each page's first line are
    measured, at C speed (a one-page text: none)."""
    found: list[Optional[int]] = []
    line = offset = 0
    for pos in positions:
        if pos is None:
            found.append(None)
            continue
        k, column = pos
        offset += sum(map(len, out[line:k])) + (k - line)  # the lines in between, each with its \n
        line = k
        found.append(offset + column)
    offsets: list[int] = []
    following = end
    for start in reversed(found):
        if start is not None:
            following = start
        offsets.append(following)
    return offsets[::-1]


def pages_of(norm: NormText, layout: bool = False) -> list[Page]:
    """Split a normalized text back into its pages (what re-normalizing starts from)."""
    bounds = [*norm.page_starts, len(norm.text)]
    return [Page(number, norm.text[bounds[i]:bounds[i + 1]], conf, layout)
            for i, (number, conf) in enumerate(zip(norm.page_numbers, norm.page_confidence))]
