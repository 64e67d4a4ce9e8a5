"""The library functions the commands call: compare two files, one page, or a folder."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from govdoc.compare.asks import TITLE_TOPIC, find_asks
from govdoc.compare.cues import Cues, default_cues
from govdoc.compare.findings import coverage, flags
from govdoc.compare.link import Link, link_all, link_score
from govdoc.compare.model import AskOut, Comparison, LinkOut, Quote, ReplyOut, SignalOut, SuggestionOut
from govdoc.compare.parts import Part, page_parts, pick
from govdoc.compare.respond import reply_sentences, respond
from govdoc.errors import BadInput
from govdoc.model import Span

# The files a folder comparison reads (letters; not JSON, TSV or Markdown beside them).
LETTER_SUFFIXES = {".txt", ".text", ".pdf", ".docx", ".ofd", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
QUOTED_TITLE = re.compile(r"《(关于[^》]{2,80}(建议|议案|提案))》")


def _quote(part: Part, seg) -> Quote:
    return Quote(text=part.norm.slice(seg.start, seg.end), span=Span(**part.norm.span_dict(seg.start, seg.end)))


def _asks(suggestion: Part, reply: Part, cues: Cues) -> list[AskOut]:
    spans = find_asks(suggestion.norm.match, cues)
    texts = [a.segment.of(suggestion.norm.match) for a in spans]
    candidates = reply_sentences(reply.norm.match, suggestion.norm.match, cues)
    out = []
    for ask, response in zip(spans, respond(texts, candidates, cues, reply.norm.match)):
        q = _quote(suggestion, ask.segment)
        signals = [SignalOut(kind=s.kind, text=reply.norm.text[s.segment.start:s.segment.end],
                             span=Span(**reply.norm.span_dict(s.segment.start, s.segment.end))) for s in response.signals]
        out.append(AskOut(text=q.text, span=q.span, response=response.label,
                          evidence=[_quote(reply, e) for e in response.evidence], signals=signals))
    return out


def _title(suggestion: Part, reply: Part) -> Optional[str]:
    if suggestion.letter.title:
        return suggestion.letter.title.text
    for text in (suggestion.norm.text, reply.norm.text):
        m = QUOTED_TITLE.search(text) or TITLE_TOPIC.search(text)
        if m:
            return m.group(1) if m.re is QUOTED_TITLE else m.group()
    return None


def _suggestion_out(suggestion: Part, reply: Part, asks: list[AskOut]) -> SuggestionOut:
    own, other = suggestion.letter, reply.letter
    item = own.item if own.item and own.item.number else other.item
    proposers = own.proposers or other.proposers
    return SuggestionOut(title=_title(suggestion, reply), item=item.number if item else None,
                         proposers=[p.name for p in proposers], asks=asks)


def _reply_out(reply: Part) -> ReplyOut:
    r = reply.letter
    return ReplyOut(doc_number=r.doc_number.raw if r.doc_number else None,
                    issuer=r.issuer.name if r.issuer else None,
                    grade=r.grade.raw.strip() if r.grade else None, title=r.title.text if r.title else None)


def compare_parts(suggestion: Part, reply: Part, link: Link, cues: Cues | None = None) -> Comparison:
    cues = cues or default_cues()
    asks = _asks(suggestion, reply, cues)
    return Comparison(suggestion=_suggestion_out(suggestion, reply, asks), reply=_reply_out(reply),
                      link=LinkOut(confidence=link.confidence, evidence=link.evidence),
                      coverage=coverage(asks), flags=flags(asks, reply.letter.grade, cues))


def _need_asks(part: Part, cues: Cues) -> Part:
    if not find_asks(part.norm.match, cues):
        raise BadInput(part.path, "no request found in the suggestion (no 建议/希望/恳请 clause, no title)")
    return part


def load_pair(suggestion_path: str | Path, reply_path: str | Path, cues: Cues) -> tuple[Part, Part]:
    """The suggestion file's suggestion (not one a reply quotes) and the reply file's reply."""
    suggestion = pick(page_parts(suggestion_path, cues), "suggestion", suggestion_path, quoted=False)
    return _need_asks(suggestion, cues), pick(page_parts(reply_path, cues), "reply", reply_path)


def compare_files(suggestion_path: str | Path, reply_path: str | Path) -> Comparison:
    """``govdoc compare SUGGESTION REPLY``."""
    cues = default_cues()
    suggestion, reply = load_pair(suggestion_path, reply_path, cues)
    return compare_parts(suggestion, reply, link_score(suggestion, reply, cues), cues)


def compare_page(path: str | Path) -> Comparison:
    """``govdoc compare FILE``: a page holding both parts."""
    cues = default_cues()
    parts = page_parts(path, cues)
    reply = pick(parts, "reply", path)
    suggestion = next((p for p in parts if p.role == "suggestion"), None)
    if suggestion is None:
        raise BadInput(path, "the page holds a reply but no suggestion: give the suggestion file too")
    return compare_parts(_need_asks(suggestion, cues), reply, Link(1.0, [f"same page ({suggestion.layout})"]), cues)


@dataclass
class FolderResult:
    """What ``compare --folder`` found: comparisons with their parts, and what stayed alone."""

    linked: list[tuple[Part, Part, Comparison]] = field(default_factory=list)  # (suggestion, reply, …)
    unlinked_replies: list[Part] = field(default_factory=list)
    unlinked_suggestions: list[Part] = field(default_factory=list)
    neither: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _file_parts(paths: Iterable[str | Path], cues: Cues, result: FolderResult) -> list[Part]:
    parts = []
    for path in paths:
        try:
            found = page_parts(path, cues)
        except BadInput as exc:
            result.errors.append(exc.line())
            continue
        except Exception as exc:  # noqa: BLE001 - an internal bug: this file fails, the others go on
            result.errors.append(f"{path}: internal error: {type(exc).__name__}: {exc}")
            continue
        parts += found
        result.neither += [] if found else [str(path)]
    return parts


def folder_files(folder: str | Path) -> list[Path]:
    """The letter files of a folder and its subfolders, sorted."""
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in LETTER_SUFFIXES)


def compare_folder(folder: str | Path) -> FolderResult:
    """Every suggestion and reply file of a folder, each reply linked to its suggestion."""
    return compare_paths(folder_files(folder))


def compare_paths(paths: Iterable[str | Path]) -> FolderResult:
    """Every suggestion and reply among these files, each reply linked to its suggestion (what
    ``compare_folder`` does for a folder's files; the web report gives the ingested letters' sources)."""
    cues, result = default_cues(), FolderResult()
    parts = _file_parts(paths, cues, result)
    suggestions = [p for p in parts if p.role == "suggestion" and find_asks(p.norm.match, cues)]
    used = set()
    for reply, suggestion, link in link_all(suggestions, [p for p in parts if p.role == "reply"], cues):
        if suggestion is None:
            result.unlinked_replies.append(reply)
            continue
        used.add(id(suggestion))
        result.linked.append((suggestion, reply, compare_parts(suggestion, reply, link, cues)))
    result.unlinked_suggestions = [s for s in suggestions if id(s) not in used and s.layout != "quoted"]
    return result
