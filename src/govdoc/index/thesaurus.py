"""Query synonyms as data (``govdoc/data/thesaurus.tsv``): abbreviations and near-synonyms.

One group per line, names separated by tabs.  A query naming any of them searches for all
(:func:`govdoc.index.plan.plan_query`); the index itself stores the letters' own words.  The file
is validated when loaded: every problem is reported with its line number.
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
from govdoc.index.analysis import fold, runs

THESAURUS = Path(__file__).resolve().parents[1] / "data" / "thesaurus.tsv"


@dataclass(frozen=True)
class Thesaurus:
    groups: dict[str, tuple[str, ...]]  # folded name → every name of its group, main name first
    pattern: re.Pattern  # every folded name, longest first

    def find(self, folded: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """``(start, end, names)`` of every thesaurus name in folded text, leftmost-longest."""
        return [(m.start(), m.end(), self.groups[m.group()]) for m in self.pattern.finditer(folded)]


def _check_name(name: str, number: int, path: str) -> str:
    folded = fold(name.strip())
    if len(folded) < 2:
        raise BadInput(path, f"line {number}: {name!r} is too short (names have two characters or more)")
    if "".join(runs(folded)) != folded:
        raise BadInput(path, f"line {number}: {name!r} holds characters a search cannot match (spaces, punctuation)")
    return folded


def parse_thesaurus(text: str, path: str = "<thesaurus>") -> Thesaurus:
    groups: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        names = tuple(dict.fromkeys(_check_name(n, number, path) for n in line.split("\t") if n.strip()))
        if len(names) < 2:
            raise BadInput(path, f"line {number}: a group needs two names or more, separated by tabs: {line!r}")
        for name in names:
            if name in groups:
                raise BadInput(path, f"line {number}: {name} is already in the group of {groups[name][0]}")
            groups[name] = names
    names_longest = sorted(groups, key=len, reverse=True)
    return Thesaurus(groups, re.compile("|".join(map(re.escape, names_longest)) or r"(?!)"))


@lru_cache(maxsize=4)
def thesaurus(path: Optional[str] = None) -> Thesaurus:
    """The thesaurus file (``GOVDOC_THESAURUS`` or the packaged one), read once per process."""
    where = Path(path or os.environ.get("GOVDOC_THESAURUS") or THESAURUS)
    return parse_thesaurus(read_data_file(where, "thesaurus"), str(where))
