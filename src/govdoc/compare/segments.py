"""Sentences and clauses of a part's text, as offsets (spans point into the text they came from)."""
from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at 。！？；, a line break, or their half-width forms (match text is half-width).
SENTENCE_STOPS = "。!?;"
# A clause ends at a comma or a colon outside brackets (commas inside （…） or “…” stay).
CLAUSE_END = ",:"
OPENERS, CLOSERS = "(“《[", ")”》]"
# A label at the start of a line: up to 10 characters before a colon (建议标题:, 来信人:).
LABEL = re.compile(r"^\s*([^\s:,。][^:,。\n]{0,9}?)\s*:\s*")


@dataclass(frozen=True)
class Segment:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]


def trimmed(text: str, start: int, end: int) -> Segment | None:
    """The segment without surrounding spaces and punctuation; None when nothing is left."""
    while start < end and (text[start].isspace() or text[start] in ",.:;、。·•"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.:;、。"):
        end -= 1
    return Segment(start, end) if start < end else None


def sentences(match: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Sentences of ``match[start:end]``, trimmed; a full stop inside “quotation marks” does not
    end one, a line break always does."""
    end = len(match) if end is None else end
    out, at, depth = [], start, 0
    for i in range(start, end):
        ch = match[i]
        depth = 0 if ch == "\n" else depth + (ch == "“") - (ch == "”" and depth > 0)
        if ch == "\n" or (ch in SENTENCE_STOPS and depth == 0):
            seg = trimmed(match, at, i)
            out += [seg] if seg else []
            at = i + 1
    seg = trimmed(match, at, end)
    return out + [seg] if seg else out


def clauses(match: str, sentence: Segment) -> list[Segment]:
    """Clauses of one sentence: cut at commas and colons outside brackets and quotes."""
    out, at, depth = [], sentence.start, 0
    for i in range(sentence.start, sentence.end):
        ch = match[i]
        depth += (ch in OPENERS) - (ch in CLOSERS and depth > 0)
        if ch in CLAUSE_END and depth == 0:
            seg = trimmed(match, at, i)
            out += [seg] if seg else []
            at = i + 1
    seg = trimmed(match, at, sentence.end)
    return out + [seg] if seg else out


def lines(match: str) -> list[Segment]:
    """Every non-empty line, untrimmed of inner text."""
    out, at = [], 0
    for m in re.finditer(r"\n", match + "\n"):
        seg = trimmed(match, at, m.start())
        out += [seg] if seg else []
        at = m.end()
    return out
