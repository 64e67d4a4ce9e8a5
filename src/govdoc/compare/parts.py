"""Files → parts: each suggestion or reply with its own parse and normalized text.

A part cut from a page is parsed again on its own (``build.parse_read``), so its fields and the
spans into it belong to that part alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from govdoc.build import parse_read
from govdoc.compare.asks import TITLE_LINE, find_asks
from govdoc.compare.cues import Cues
from govdoc.compare.segments import Segment
from govdoc.compare.split import REPLY_MARKS, TRAILING_SUGGESTION, PageParts, says_reply, split_page
from govdoc.errors import BadInput
from govdoc.model import Reply
from govdoc.normalize import NormText
from govdoc.read import ReadResult, read_path
from govdoc.read.base import Page, sha256
from govdoc.text.zh import match_text



@dataclass(frozen=True)
class Part:
    role: str  # suggestion | reply
    path: str
    layout: str  # whole | record | trailing | quoted
    letter: Reply
    norm: NormText


def _parse_segments(path: str, norm: NormText, segments: list[Segment]) -> tuple[Optional[Reply], NormText]:
    if len(segments) == 1 and segments[0] == Segment(0, len(norm.text)):
        return None, norm  # the whole page: the caller has its parse
    text = "\n".join(s.of(norm.text) for s in segments)
    return parse_read(ReadResult(path, sha256(text.encode("utf-8")), "text", [Page(1, text)]))


def role_of(letter: Reply, norm: NormText, cues: Cues) -> Optional[str]:
    """suggestion, reply, or None for a whole page that is neither (a page titled as another kind
    of document, 关于…的通知, is no suggestion even where it asks for things)."""
    if letter.kind in ("reply", "suggestion"):
        return letter.kind
    body = "\n".join(line for line in norm.match.splitlines() if not TITLE_LINE.match(line.strip()))
    if REPLY_MARKS.search(body) and not record_only(body):  # 关于X的建议的答复 alone is a title
        return "reply"
    if letter.title and cues.fires("other_document", match_text(letter.title.text)):
        return None
    return "suggestion" if find_asks(norm.match, cues) else None


def record_only(body: str) -> bool:
    """A suggestion record (建议内容: …) with neither a reply label at a line's start nor a reply's
    opening: its 办理结果公开 / 建议办理情况 name the page or the site, not a reply on it."""
    return bool(TRAILING_SUGGESTION.search(body)) and not says_reply(body)


def cut_page(match: str, kind: str, cues: Cues) -> PageParts:
    """``split_page``, where only a reply's quotations count as a quoted suggestion."""
    cut = split_page(match, cues)
    if cut.layout == "quoted" and kind != "reply":
        return PageParts([], [Segment(0, len(match))], "whole")  # quotations in a report, a notice
    return cut


def holds_both(text: str, kind: str, cues: Cues) -> bool:
    """Whether a parsed letter's normalized text (of ``kind``, as parsed) holds a suggestion and a
    reply, so that ``compare_page`` of its file can compare them (a cheap test: no parse)."""
    return cut_page(match_text(text), kind, cues).layout != "whole"


def page_parts(path: str | Path, cues: Cues) -> list[Part]:
    """The parts of one file: one or two (record + reply, reply + quoted suggestion)."""
    letter, norm = parse_read(read_path(path))
    if not norm.text.strip():
        raise BadInput(path, "the file is empty")
    cut = cut_page(norm.match, letter.kind, cues)
    if cut.layout == "whole":
        role = role_of(letter, norm, cues)
        return [Part(role, str(path), "whole", letter, norm)] if role else []
    parts = []
    for role, segments in (("suggestion", cut.suggestion), ("reply", cut.reply)):
        own, own_norm = _parse_segments(str(path), norm, segments)
        parts.append(Part(role, str(path), cut.layout, own or letter, own_norm))
    return parts


def pick(parts: list[Part], role: str, path: str | Path, quoted: bool = True) -> Part:
    """The part of ``role`` in one file's parts, or a BadInput saying what the file is.  Without
    ``quoted``, a suggestion quoted inside a reply does not count (the file is a reply)."""
    found = [p for p in parts if p.role == role and (quoted or p.layout != "quoted")]
    if found:
        return found[0]
    other = {p.role for p in parts} - {role}
    what = f"this is a {other.pop()}, not a {role}" if other else "neither a suggestion nor a reply"
    raise BadInput(path, what)
