"""The compare package's cue words, as data (``govdoc/data/compare_cues.tsv``).

One entry a line: ``category <TAB> pattern <TAB> example``.  Patterns run on the match text
(simplified, half-width).  The file is checked when loaded: an unknown category, a pattern that
does not compile or an example the pattern does not fire on is reported with its line number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from govdoc.errors import BadInput
from govdoc.text.zh import match_text

CATEGORIES = ("ask", "request_label", "content_label", "action", "continues", "outcome", "manner", "purpose",
              "background", "split", "split_action", "refusal", "completed", "plan", "money", "date", "named",
              "quantity", "intention", "formula", "generic", "praise", "other_document", "top_grade")
# The signals that decide a response label (respond.py), in the order they are reported.
SIGNAL_KINDS = ("refusal", "completed", "plan", "money", "date", "named", "quantity", "intention")


@dataclass(frozen=True)
class Cue:
    category: str
    pattern: re.Pattern
    example: str
    line: int


@dataclass(frozen=True)
class Cues:
    entries: tuple[Cue, ...]

    def of(self, category: str) -> tuple[Cue, ...]:
        return tuple(cue for cue in self.entries if cue.category == category)

    def search(self, category: str, text: str) -> list[tuple[Cue, re.Match]]:
        """Every cue of ``category`` that fires in ``text`` (match text), with its first match."""
        found = ((cue, cue.pattern.search(text)) for cue in self.of(category))
        return [(cue, m) for cue, m in found if m]

    def fires(self, category: str, text: str) -> bool:
        return any(cue.pattern.search(text) for cue in self.of(category))

    def strip(self, category: str, text: str) -> str:
        """``text`` with every match of ``category`` replaced by a space (same length)."""
        for cue in self.of(category):
            text = cue.pattern.sub(lambda m: " " * len(m.group()), text)
        return text


def _entry(line: str, number: int, path: str) -> Cue:
    parts = line.split("\t")
    if len(parts) != 3:
        raise BadInput(path, f"line {number}: expected category<TAB>pattern<TAB>example, got {len(parts)} field(s)")
    category, pattern, example = (p.strip() for p in parts)
    if category not in CATEGORIES:
        raise BadInput(path, f"line {number}: unknown category {category!r} (one of {', '.join(CATEGORIES)})")
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise BadInput(path, f"line {number}: bad pattern {pattern!r}: {exc}") from None
    if not compiled.search(match_text(example)):
        raise BadInput(path, f"line {number}: the pattern does not fire on its example {example!r}")
    return Cue(category, compiled, example, number)


def parse_cues(text: str, path: str = "<cues>") -> Cues:
    entries = [_entry(line, number, path) for number, line in enumerate(text.splitlines(), start=1)
               if line.strip() and not line.startswith("#")]
    missing = [c for c in CATEGORIES if not any(e.category == c for e in entries)]
    if missing:
        raise BadInput(path, f"no entry for {', '.join(missing)}")
    return Cues(tuple(entries))


@lru_cache(maxsize=1)
def default_cues() -> Cues:
    """The package's cue file, loaded and checked once."""
    source = resources.files("govdoc.data") / "compare_cues.tsv"
    return parse_cues(source.read_text(encoding="utf-8"), "govdoc/data/compare_cues.tsv")
