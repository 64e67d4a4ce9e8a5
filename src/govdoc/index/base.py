"""The index interface both backends implement, and how a letter id is made.

Contract (both backends, same behaviour, same shared test-suite):
- ``letter_id(reply)`` is stable: the first 16 hex digits of the source's sha256, so
  re-indexing the same letter replaces it and never duplicates it.
- A letter is indexed as one ``letters`` record plus one ``measures`` record per measure
  (id ``<letter_id>:m<i>``) and one ``metrics`` record per metric (id ``<letter_id>:k<i>``).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional


def letter_id(reply: dict) -> str:
    return reply["source"]["sha256"][:16]


@dataclass
class IndexResult:
    indexed: int = 0
    errors: list[str] = field(default_factory=list)  # one line each: "<letter id / path>: reason"


@dataclass
class Query:
    text: str = ""
    record: str = "letters"  # letters | measures | metrics
    year_from: Optional[int] = None
    year_to: Optional[int] = None
    issuer: Optional[str] = None
    grade: Optional[str] = None
    session: Optional[str] = None
    filters: dict[str, Any] = field(default_factory=dict)
    limit: int = 10


class IndexBackend(ABC):
    name: str

    @abstractmethod
    def index(self, replies: Iterable[dict]) -> IndexResult:
        """Index parsed letters (``Reply.model_dump(mode='json')`` dicts) in bounded batches."""

    @abstractmethod
    def delete(self, letter_ids: Iterable[str]) -> None:
        """Remove letters and their measure / metric records."""

    @abstractmethod
    def search(self, query: Query) -> dict:
        """``{"total": N, "hits": [{"id", "record", "letter_id", "title", "year", "issuer",
        "grade", "score", "snippet", "source_path"}]}``"""

    @abstractmethod
    def stats(self) -> dict:
        """``{"letters", "measures", "metrics", "by_year", "by_grade", "by_issuer"}``"""

    def close(self) -> None:  # pragma: no cover - optional
        pass
