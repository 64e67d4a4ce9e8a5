"""The normalized text every stage reads, and the span helper every stage writes with."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from govdoc.text.zh import match_text


@dataclass
class NormText:
    """``text`` is what offsets point into and what values are copied from (original
    characters kept); ``match`` has the same length, folded to simplified characters and
    half-width ASCII, and is what patterns run on.  ``page_starts[i]`` is the offset where
    page ``page_numbers[i]`` begins."""

    text: str
    page_starts: list[int] = field(default_factory=lambda: [0])
    page_numbers: list[int] = field(default_factory=lambda: [1])
    page_confidence: list[Optional[float]] = field(default_factory=lambda: [None])
    match: str = ""

    def __post_init__(self):
        if not self.match:
            self.match = match_text(self.text)
        assert len(self.match) == len(self.text)

    def page_of(self, offset: int) -> int:
        i = max(0, bisect_right(self.page_starts, offset) - 1)
        return self.page_numbers[i]

    def confidence_at(self, offset: int) -> float:
        """OCR confidence of the page holding ``offset`` (1.0 for text layers)."""
        i = max(0, bisect_right(self.page_starts, offset) - 1)
        conf = self.page_confidence[i] if i < len(self.page_confidence) else None
        return 1.0 if conf is None else conf

    def span_dict(self, start: int, end: int) -> dict:
        """A span as the fields of the output model's ``Span``: the field model that holds it
        validates it with its own fields, in one call (``extract.output.build``)."""
        return {"page": self.page_of(start), "start": start, "end": end}

    def slice(self, start: int, end: int) -> str:
        """The verbatim value of a span, line breaks removed (the gold convention)."""
        return self.text[start:end].replace("\n", "").strip()
