"""Agency renames and short forms (``govdoc/data/agencies.tsv``, package data), applied with the place prefix kept.

``许昌市环境保护局`` → ``许昌市生态环境局``: the longest gazetteer name that ends the issuer is
replaced by its canonical form and whatever precedes it (the place) is kept.  Every name of one
canonical form makes a group, so a query or filter on any name finds letters under all of them.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from govdoc.data.load import read_data_file
from govdoc.errors import BadInput
from govdoc.index.analysis import fold
from govdoc.text.zh import strip_pinyin

GAZETTEER = Path(__file__).resolve().parents[1] / "data" / "agencies.tsv"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Gazetteer:
    canonical: dict[str, str]  # folded alias → canonical (canonical names map to themselves)
    groups: dict[str, tuple[str, ...]]  # canonical → every name of the group, canonical first
    pattern: re.Pattern  # every folded alias, longest first

    def split(self, name: str) -> tuple[str, Optional[str]]:
        """``(place, canonical unit)`` of an issuer name; unit None when no gazetteer name ends it."""
        flat = _SPACE.sub("", strip_pinyin(name))
        folded = fold(flat)
        for size in range(len(folded), 1, -1):
            unit = self.canonical.get(folded[-size:])
            if unit:
                return flat[:-size], unit
        return flat, None

    def find(self, folded: str) -> list[tuple[int, int, str]]:
        """``(start, end, canonical)`` of every gazetteer name in folded text, leftmost-longest."""
        return [(m.start(), m.end(), self.canonical[m.group()]) for m in self.pattern.finditer(folded)]


def parse_gazetteer(text: str, path: str = "<gazetteer>") -> Gazetteer:
    canonical: dict[str, str] = {}
    groups: dict[str, list[str]] = {}
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) < 2 or not cells[0].strip() or not cells[1].strip():
            raise BadInput(path, f"line {number}: expected canonical<TAB>alias, got {line!r}")
        canon, alias = fold(cells[0].strip()), fold(cells[1].strip())
        if canonical.get(alias, canon) != canon:
            raise BadInput(path, f"line {number}: {alias} already maps to {canonical[alias]}")
        canonical[alias] = canonical[canon] = canon
        group = groups.setdefault(canon, [canon])
        if alias not in group:
            group.append(alias)
    names = sorted(canonical, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, names)) or r"(?!)")
    return Gazetteer(canonical, {k: tuple(v) for k, v in groups.items()}, pattern)


@lru_cache(maxsize=4)
def gazetteer(path: Optional[str] = None) -> Gazetteer:
    where = Path(path or os.environ.get("GOVDOC_GAZETTEER") or GAZETTEER)
    return parse_gazetteer(read_data_file(where, "agency gazetteer"), str(where))


def normalize_issuer(name: Optional[str]) -> Optional[str]:
    """Canonical issuer name, place prefix kept; None for no name."""
    keys = issuer_keys(name)
    return keys[0]


def issuer_keys(name: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """``(issuer_norm, issuer_unit)``: the canonical full name and the canonical unit without place.

    A filter on any name matches a record when its canonical form equals either key.
    """
    if not name or not name.strip():
        return None, None
    place, unit = gazetteer().split(name)
    if unit is None:
        return fold(place), None
    return fold(place) + unit, unit


def group_names(canonical: str) -> tuple[str, ...]:
    return gazetteer().groups.get(canonical, (canonical,))
