#!/usr/bin/env python
"""Benchmark normalization against jieba segmentation of the same texts, on one core.

    .venv/bin/python scripts/bench_normalize.py [--rounds 5] [--corpus corpora]

Prints the median time per round of: reading (decode), normalize (text pages), normalize of
the same texts laid out as PDF pages (28 characters a line, page breaks every 40 lines), and
jieba alone; and the ratios normalize/jieba.  Normalization is on the parse hot path: the
whole parse must cost ≤ 1.6× jieba, so normalize should be a small fraction of jieba.
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from govdoc.text.segment import jieba_tokenizer  # noqa: E402
from govdoc.normalize import normalize  # noqa: E402
from govdoc.read.base import Page  # noqa: E402
from govdoc.read.text import read_text  # noqa: E402


def as_layout_pages(text: str, width: int = 28, lines_per_page: int = 40) -> list[Page]:
    """The text re-wrapped like a PDF page: fixed-width lines, page breaks."""
    lines = []
    for para in text.split("\n"):
        lines += [para[i:i + width] for i in range(0, len(para), width)] or [""]
    return [Page(n + 1, "\n".join(lines[i:i + lines_per_page]), layout=True)
            for n, i in enumerate(range(0, len(lines), lines_per_page))]


def timed(fn, items) -> float:
    t0 = time.perf_counter()
    for item in items:
        fn(item)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=Path("corpora"))
    args = parser.parse_args()
    files = sorted(args.corpus.rglob("*.txt"))
    raw = [(p, p.read_bytes()) for p in files]
    results = [read_text(p, d) for p, d in raw]
    texts = ["\n".join(page.text for page in r.pages) for r in results]
    layouts = [as_layout_pages(t) for t in texts]
    seg = jieba_tokenizer()  # jieba itself, with our dictionary: the reference
    normalize(results[0].pages)  # warm caches (opencc, jieba dictionary)
    rows: dict[str, list[float]] = {"read": [], "normalize (text)": [], "normalize (layout)": [], "jieba": []}
    for _ in range(args.rounds):
        rows["read"].append(timed(lambda item: read_text(*item), raw))
        rows["normalize (text)"].append(timed(lambda r: normalize(r.pages), results))
        rows["normalize (layout)"].append(timed(normalize, layouts))
        rows["jieba"].append(timed(lambda t: list(seg.cut(t, HMM=True)), texts))
    chars = sum(map(len, texts))
    print(f"{len(texts)} texts, {chars} characters, median of {args.rounds} rounds")
    jieba = statistics.median(rows["jieba"])
    for name, values in rows.items():
        med = statistics.median(values)
        print(f"  {name:20s} {med * 1000:8.1f} ms  {chars / med / 1e6:6.2f} Mchar/s  {med / jieba:5.2f}x jieba")


if __name__ == "__main__":
    main()
