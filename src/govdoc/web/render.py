"""Template filters.  A hit's snippet is the only text that carries markup (``<mark>`` around the
matched terms, from :func:`govdoc.index.hits.snippet`): it is escaped whole and only those marks,
balanced, are put back."""
from __future__ import annotations

import re
from urllib.parse import quote

from markupsafe import Markup, escape

from govdoc.index.hits import MARK_CLOSE, MARK_OPEN

_MARKS = re.compile(f"({re.escape(MARK_OPEN)}|{re.escape(MARK_CLOSE)})")


def snippet_html(snippet: str | None) -> Markup:
    out, open_ = [], False
    for part in _MARKS.split(snippet or ""):
        if part == MARK_OPEN and not open_:
            out.append(MARK_OPEN)
            open_ = True
        elif part == MARK_CLOSE and open_:
            out.append(MARK_CLOSE)
            open_ = False
        else:
            out.append(str(escape(part)))
    return Markup("".join(out) + (MARK_CLOSE if open_ else ""))


def confidence(value) -> str:
    return f"{float(value):.2f}" if value is not None else ""


RECORD_ANCHOR = {"m": "measures", "k": "metrics"}  # record id ``<letter>:m3`` → the letter's measures.2


def hit_url(hit: dict) -> str:
    """The letter page of a hit; a measure or metric hit points at its place in the letter."""
    url = f"/letters/{quote(str(hit.get('letter_id') or ''), safe='')}"
    rest = str(hit.get("id") or "").partition(":")[2]
    kind = RECORD_ANCHOR.get(rest[:1])
    return f"{url}#f-{kind}.{int(rest[1:]) - 1}" if kind and rest[1:].isdigit() else url


FILTERS = {"snippet_html": snippet_html, "confidence": confidence, "hit_url": hit_url}
