"""Stored record + score → the hit every backend returns, with a snippet cut from the original text."""
from __future__ import annotations

import re

from govdoc.index.analysis import fold
from govdoc.index.plan import Plan

MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"
SNIPPET_CHARS = 80
# Fields a snippet is taken from, in order of preference when they match equally well.
SNIPPET_ORDER = ("measures", "body", "title")
_SPACE = re.compile(r"\s+")


def _spans(text: str, marks: tuple[str, ...]) -> list[tuple[int, int]]:
    """Merged ``[start, end)`` spans of every mark in text (matched on the folded text)."""
    if not any(marks):  # a filter-only query: nothing to mark, no need to fold (OpenCC) the text
        return []
    folded = fold(text)
    spans = sorted((m.start(), m.start() + len(mark)) for mark in marks if mark
                   for m in re.finditer(re.escape(mark), folded))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _distinct(text: str, spans: list[tuple[int, int]]) -> int:
    return len({fold(text[s:e]) for s, e in spans})


def snippet(texts: dict, marks: tuple[str, ...], width: int = SNIPPET_CHARS) -> str:
    """A window of about ``width`` characters of the best matching field, terms in <mark>…</mark>."""
    fields = [(texts.get(name) or "") for name in SNIPPET_ORDER]
    scored = [(_distinct(text, spans), -i, text, spans)
              for i, text in enumerate(fields) if text for spans in [_spans(text, marks)]]
    if not scored:
        return ""
    _, _, text, spans = max(scored, key=lambda s: (s[0], s[1]))
    start = max(0, spans[0][0] - width // 4) if spans else 0
    end = min(len(text), start + width)
    parts, at = [], start
    for s, e in spans:
        if s >= end:
            break
        s, e = max(s, at), min(e, end)
        parts += [text[at:s], MARK_OPEN, text[s:e], MARK_CLOSE]
        at = e
    parts.append(text[at:end])
    body = _SPACE.sub(" ", "".join(parts)).strip()
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


def make_hit(stored: dict, score: float, plan: Plan) -> dict:
    return {
        "id": stored["id"], "record": stored["record"], "letter_id": stored["letter_id"],
        "title": stored.get("title"), "year": stored.get("year"), "issuer": stored.get("issuer"),
        "grade": stored.get("grade"), "score": round(float(score), 4),
        "snippet": snippet(stored.get("text") or {}, plan.marks), "source_path": stored.get("source_path"),
        "coverage": stored.get("coverage"),
    }
