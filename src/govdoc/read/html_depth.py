"""How deep a page nests its elements, measured on the markup in one linear pass, before any
HTML parser sees it.

Why: HTML parsers follow the HTML5 tree-building algorithm, which looks through the stack of
open elements at each start tag, so a page nesting n elements costs them n² steps (lexbor:
24 s for 100,000 nested ``<div>``).  Browsers cap the depth too (Blink at 512).  A saved web
page nests a few dozen elements; a page nesting more than ``MAX_DEPTH`` is refused.

Elements the parser closes by itself (``<p>``, ``<li>``, table cells …: a new one closes the
open one) and void elements (``<br>``, ``<img>`` …) never deepen the stack, so they are not
counted; comments, scripts and styles are skipped.
"""
from __future__ import annotations

import re

MAX_DEPTH = 1_000
# A comment opening, or a tag.  ``[^<>]*`` stops at the next ``<``, so a tag never closed costs
# only the text up to the next one (``[^>]*`` would rescan to the end from every ``<``).
TAG = re.compile(r"<!--|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>")
# Where the parser reads raw text up to the matching end tag (no elements inside).
RAW_TEXT = frozenset(("script", "style", "textarea", "title", "xmp", "noscript", "template"))
NOT_NESTING = frozenset("""p li dt dd td th tr tbody thead tfoot option optgroup rb rt rp colgroup caption
    area base br col embed hr img input link meta param source track wbr html head body""".split())


def nesting_depth(markup: str) -> int:
    """The deepest nesting of elements that stay open until closed (an estimate the parser
    can only lower: stray end tags are ignored).  Each character is looked at a bounded
    number of times: comments and raw-text elements are skipped with ``str.find``."""
    depth = deepest = pos = 0
    lower = markup.lower()
    while (m := TAG.search(markup, pos)) is not None:
        pos = m.end()
        if m.group(2) is None:  # a comment
            pos = skip_to(lower, "-->", pos)
            continue
        name = m.group(2).lower()
        if name in NOT_NESTING or m.group(0).endswith("/>"):
            continue
        if m.group(1) == "/":
            depth = max(0, depth - 1)
        elif name in RAW_TEXT:
            pos = skip_to(lower, f"</{name}", pos)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def skip_to(lower: str, end: str, pos: int) -> int:
    """The position after ``end`` from ``pos``, or the end of the markup."""
    found = lower.find(end, pos)
    return len(lower) if found < 0 else found + len(end)
