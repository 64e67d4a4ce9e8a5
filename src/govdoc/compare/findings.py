"""Reply-level findings: coverage and flags."""
from __future__ import annotations

from govdoc.compare.cues import Cues
from govdoc.compare.model import AskOut
from govdoc.model import Grade


def coverage(asks: list[AskOut]) -> float:
    """Share of asks answered concretely (0 with no asks)."""
    return round(sum(a.response == "concrete" for a in asks) / len(asks), 4) if asks else 0.0


def is_top_grade(grade: Grade | None, cues: Cues) -> bool:
    return bool(grade) and (grade.letter == "A" or cues.fires("top_grade", grade.raw.strip()))


def flags(asks: list[AskOut], grade: Grade | None, cues: Cues) -> list[str]:
    """``not_addressed: ask N``, and ``top_grade_but_<label>: ask N (grade …)`` where a top grade
    (A, 甲, 已解决) sits beside an ask not addressed or only explained.  Asks count from 1."""
    out = [f"not_addressed: ask {i}" for i, a in enumerate(asks, 1) if a.response == "not_addressed"]
    if is_top_grade(grade, cues):
        out += [f"top_grade_but_{a.response}: ask {i} (grade {grade.raw.strip()})"
                for i, a in enumerate(asks, 1) if a.response in ("not_addressed", "explained")]
    return out
