"""Series ``{year: {name: count}}`` → the geometry of a stacked bar chart, drawn by the
``_chart.svg`` template (server-side SVG: no script, no plotting library, prints as it shows).
"""
from __future__ import annotations

from dataclasses import dataclass

# Colours that stay distinct in greyscale print, darkest first; series beyond them cycle.
PALETTE = ("#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a5a5a5", "#843c0c")
WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 16, 40
TICKS = 4


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    color: str
    label: str  # "2019 · A: 12" — the bar's <title>


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    bars: list[Bar]
    years: list[tuple[float, str]]  # (x of the label, year)
    ticks: list[tuple[float, int]]  # (y, value) of the value axis
    legend: list[tuple[str, str]]  # (colour, series name)
    empty: bool
    left: int = LEFT  # the value axis' x; grid lines run from it to ``right``
    right: int = WIDTH - RIGHT


def _names(series: dict[str, dict[str, int]]) -> list[str]:
    """Series names in the rows' key order, those with any count only."""
    names: dict[str, int] = {}
    for row in series.values():
        for name, n in row.items():
            names[name] = names.get(name, 0) + n
    return [name for name, total in names.items() if total]


def _ticks(top: int) -> list[int]:
    step = max(1, -(-top // TICKS))
    return list(range(0, top + 1, step))


def stacked_bars(title: str, series: dict[str, dict[str, int]]) -> Chart:
    names = _names(series)
    colors = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}
    top = max([sum(row.values()) for row in series.values()] + [1])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(1, len(series))
    bars, years = [], []
    for i, (year, row) in enumerate(series.items()):
        x, base = LEFT + i * slot + slot * 0.15, HEIGHT - BOTTOM
        for name in names:
            h = plot_h * row.get(name, 0) / top
            if h:
                base -= h
                bars.append(Bar(round(x, 1), round(base, 1), round(slot * 0.7, 1), round(h, 1), colors[name],
                                f"{year} · {name}: {row[name]}"))
        years.append((round(LEFT + (i + 0.5) * slot, 1), year))
    ticks = [(round(HEIGHT - BOTTOM - plot_h * v / top, 1), v) for v in _ticks(top)]
    return Chart(title, WIDTH, HEIGHT, bars, years, ticks, [(colors[n], n) for n in names], not bars)
