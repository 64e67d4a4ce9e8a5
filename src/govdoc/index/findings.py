"""A reply's comparison with its suggestion, as its index records carry it.

``govdoc compare --data DIR`` links the letters ingested into ``DIR`` and writes, for each reply it
links, ``<data>/compare/<letter id>.json`` (:data:`FINDINGS_DIR`): the ids of the reply and its
suggestion, ``coverage`` (share of the asks answered concretely), the count of asks per response
label, the flags, the link and the whole comparison.  Whoever indexes a letter of that data folder
(``govdoc index``, ``govdoc ingest``, the compare pass itself) reads that file and hands it to the
index under :data:`COMPARE_KEY`; :func:`record_fields` makes the fields every record of the letter
carries from it: ``coverage`` (a range filter), ``coverage_band`` (the facet) and ``compare`` (stored).
A letter without a comparison has ``None`` in all three, so any coverage filter leaves it out.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Optional

# Key of a parsed-letter dict holding the reply's findings (not a Reply field).
COMPARE_KEY = "comparison"
FINDINGS_DIR = "compare"
LABELS = ("concrete", "general", "explained", "not_addressed")  # govdoc.compare.model.LABELS
# Coverage bands of the facet: [low, high) each, the last one closed; the names sort in band order.
BANDS = ((0.0, 0.25, "0-0.25"), (0.25, 0.5, "0.25-0.5"), (0.5, 0.75, "0.5-0.75"), (0.75, 1.0, "0.75-1"))


def band(coverage: float) -> str:
    """The facet value of a coverage: ``0.5`` → ``"0.5-0.75"``, ``1.0`` → ``"0.75-1"``."""
    return next(name for low, high, name in BANDS if coverage < high or high == BANDS[-1][1])


def band_bounds(name: str) -> Optional[tuple[float, Optional[float]]]:
    """``(coverage_min, coverage_below)`` selecting the band of that facet value (None: no such band);
    the last band has no upper bound."""
    for low, high, band_name in BANDS:
        if band_name == name:
            return low, (None if high == BANDS[-1][1] else high)
    return None


def findings_path(data_dir: str | Path, letter_id: str) -> Path:
    return Path(data_dir) / FINDINGS_DIR / f"{letter_id}.json"


def checked(findings: object) -> dict:
    """The findings themselves, or a ValueError saying what is wrong with them."""
    if not isinstance(findings, dict):
        raise ValueError("not a JSON object")
    coverage, asks, flags = findings.get("coverage"), findings.get("asks"), findings.get("flags")
    if not isinstance(coverage, (int, float)) or isinstance(coverage, bool) or not 0 <= coverage <= 1 \
            or math.isnan(coverage):
        raise ValueError(f"coverage {coverage!r}: expected a number from 0 to 1")
    if not isinstance(asks, dict) or set(asks) != set(LABELS) or not all(
            isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in asks.values()):
        raise ValueError(f"asks: expected a count for each of {', '.join(LABELS)}")
    if not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
        raise ValueError("flags: expected a list of strings")
    return findings


def read_findings(data_dir: str | Path, letter_id: str) -> Optional[dict]:
    """The findings of that letter in the data folder, None when it has none; a ValueError naming
    the file when they cannot be read."""
    path = findings_path(data_dir, letter_id)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read the comparison: {exc}") from None
    try:
        return checked(json.loads(text))
    except ValueError as exc:
        raise ValueError(f"{path}: not a comparison: {exc}") from None


def record_fields(findings: Optional[dict]) -> dict:
    """``{"coverage", "coverage_band", "compare"}`` of a letter's records (all None without findings)."""
    if not findings:
        return {"coverage": None, "coverage_band": None, "compare": None}
    coverage = float(findings["coverage"])
    return {"coverage": coverage, "coverage_band": band(coverage), "compare": {
        "suggestion_id": findings.get("suggestion_id"), "asks": dict(findings["asks"]),
        "flags": list(findings["flags"]), "link_confidence": (findings.get("link") or {}).get("confidence")}}
