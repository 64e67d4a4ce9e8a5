"""``--session`` text → congress filters: ``市七届人大四次会议`` → 人大 / 市 / term 7 / session 4.

Accepts the forms letters use (``县政协九届三次会议``, ``十二届全国人大四次会议``, ``七届四次``) and a bare
session number (``4``).  Parts the text does not state stay unset, so they do not filter.
"""
from __future__ import annotations

import re
from typing import Optional

from govdoc.errors import BadInput
from govdoc.text.numerals import cn_to_int
from govdoc.text.zh import match_text

LEVELS = "省市州县区"
_NUM = r"[一二三四五六七八九十〇零\d]{1,4}"
TERM_RE = re.compile(rf"第?(?P<term>{_NUM})届")
SESSION_RE = re.compile(rf"第?(?P<session>{_NUM})次")
_BODY_WORDS = re.compile(r"政协|人大|人民代表大会|委员会")


def parse_session(text: str) -> dict[str, Optional[object]]:
    """``{"congress_body", "congress_level", "congress_term", "congress_session"}`` of session text."""
    folded = match_text(text.strip())
    if folded.isdigit():
        return {"congress_body": None, "congress_level": None, "congress_term": None,
                "congress_session": int(folded)}
    term = TERM_RE.search(folded)
    session = SESSION_RE.search(folded, term.end() if term else 0)
    if not term and not session:
        raise BadInput("--session", f"{text!r}: expected a session such as 市七届人大四次会议 or 4")
    body = "政协" if "政协" in folded or "委员会" in folded else "人大" if ("人大" in folded or "人民代表大会" in folded) else None
    prefix = _BODY_WORDS.sub("", folded[:term.start()] if term else "")
    level = "全国" if "全国" in folded else next((c for c in reversed(prefix) if c in LEVELS), None)
    return {"congress_body": body, "congress_level": level,
            "congress_term": cn_to_int(term.group("term")) if term else None,
            "congress_session": cn_to_int(session.group("session")) if session else None}
