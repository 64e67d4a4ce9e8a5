"""Text runs placed on a fixed-layout page (OFD) → lines of text in reading order.

Runs whose baselines lie within half a character of each other form one line; lines go top to
bottom, runs in a line left to right.  A gap wider than half a character between two runs is
a column gap (``联系人：严志刚  联系电话``) and becomes one space; runs that abut join without one,
so a line its generator split into several runs reads as one.  A gap of more than one and a half
line pitches between two lines is a blank line (a paragraph space), as in the text.  Sorting keeps this
O(n log n) in the number of runs.
"""
from __future__ import annotations

from dataclasses import dataclass

# Baselines closer than this share of the font size are one line; gaps wider are spaces.
SAME_LINE = 0.5
WORD_GAP = 0.5
# A gap between baselines wider than this many line pitches holds a blank line.
BLANK_LINE = 1.5


@dataclass(frozen=True)
class Run:
    x: float  # left edge of the first glyph, page units (mm)
    y: float  # baseline
    end: float  # right edge of the last glyph (estimated: its advance is taken as the font size)
    size: float
    text: str


def page_text(runs: list[Run]) -> str:
    """The page's text, a blank line where the space between two lines leaves room for one."""
    grouped = lines(runs)
    gaps = [b[0].y - a[0].y for a, b in zip(grouped, grouped[1:])]
    pitch = line_pitch(gaps, [line[0].size for line in grouped[1:]])
    out = [line_text(grouped[0])] if grouped else []
    for gap, line in zip(gaps, grouped[1:]):
        out += [""] * blank_lines(gap, pitch)
        out.append(line_text(line))
    return "\n".join(out)


def line_pitch(gaps: list[float], sizes: list[float]) -> float:
    """The page's usual distance between lines: the smallest gap at least a character high
    (closer baselines are sub- or superscripts, not lines)."""
    return min((g for g, size in zip(gaps, sizes) if g >= size), default=0.0)


def blank_lines(gap: float, pitch: float) -> int:
    """Blank lines in a vertical gap, the usual line pitch being ``pitch`` (at most one:
    wider gaps are layout, a signature block pushed down, not several empty lines)."""
    return 1 if pitch > 0 and gap > BLANK_LINE * pitch else 0


def lines(runs: list[Run]) -> list[list[Run]]:
    """Runs grouped into lines, top to bottom."""
    out: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (r.y, r.x)):
        if out and abs(run.y - out[-1][0].y) <= SAME_LINE * max(run.size, out[-1][0].size):
            out[-1].append(run)
        else:
            out.append([run])
    return out


def line_text(line: list[Run]) -> str:
    """A line's runs left to right, a space where a gap is wider than ``WORD_GAP`` characters."""
    parts: list[str] = []
    last_end = None
    for run in sorted(line, key=lambda r: r.x):
        if last_end is not None and run.x - last_end > WORD_GAP * run.size:
            parts.append(" ")
        parts.append(run.text)
        last_end = run.end
    return "".join(parts)
