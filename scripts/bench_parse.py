#!/usr/bin/env python
"""Benchmark the text parse on one core: letters/s, time split by stage, and the ratio of the
whole parse to jieba segmentation alone of the same texts, measured in the same run.

    .venv/bin/python scripts/bench_parse.py [--rounds 5] [--corpus corpora]

The ratio is the figure to watch (the machines are noisy; absolute rates are not comparable
between runs).  Times are CPU time of this process (``process_time``), so other work on a shared
machine inflates them less than wall-clock time would.

* **ratio, interleaved** (the target's figure): a round takes the letters in turn, segmenting
  every other one with jieba alone and fully parsing the rest; the next round swaps the two
  halves.  Each pair of rounds has timed both on every letter, under the same machine state
  (the same noise; caches holding the other kind of work on another letter, as inside a long
  run of parses).  The median over pairs of total parse / total jieba.
* **ratio, back to back**: jieba alone over all texts, then the full parse over all letters.
  Here jieba runs on a cache hot with its own dictionary, which it never is inside a parse, so
  this ratio is higher; it is printed for comparison.

The time split by stage comes from separate rounds with a timer around each stage (the timers
cost ~13 us/letter, kept out of the ratios).
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from govdoc.build import doc_to_reply  # noqa: E402
from govdoc.model import Source  # noqa: E402
from govdoc.nlp.extensions import init_doc  # noqa: E402
from govdoc.nlp.pipeline import make_nlp  # noqa: E402
from govdoc.nlp.segment import segmenter  # noqa: E402
from govdoc.normalize import normalize  # noqa: E402
from govdoc.read.text import read_text  # noqa: E402


def load(corpus: Path) -> list[tuple[Path, bytes]]:
    files = sorted(p for p in corpus.rglob("*.txt") if p.with_name(p.stem + ".gold.json").exists())
    return [(p, p.read_bytes()) for p in files]


def jieba_only(texts: list[str]) -> float:
    seg = segmenter()
    t0 = time.process_time()
    for text in texts:
        for _ in seg.cut(text, HMM=True):
            pass
    return time.process_time() - t0


def parse_letter(nlp, path: Path, data: bytes) -> str:
    """The full parse of one text letter, to its JSON: what ``govdoc parse`` does per file."""
    result = read_text(path, data)
    norm = normalize(result.pages)
    doc = init_doc(nlp.make_doc(norm.text), norm)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    source = Source(path=str(path), sha256=result.sha256, format="text", pages=len(result.pages))
    return doc_to_reply(doc, source).model_dump_json()


def alternating(files: list[tuple[Path, bytes]], texts: list[str], offset: int) -> tuple[float, float]:
    """Letters in turn, alternately segmented by jieba alone and fully parsed (``offset`` 0:
    jieba on the even ones; 1: on the odd ones): (jieba seconds, parse seconds).
    Each timing follows the other kind of work on a *different* letter, so neither starts
    with the caches warm for its own text, as inside a long run of parses."""
    nlp, clock = make_nlp(), time.process_time
    tj = tp = 0.0
    for i, ((path, data), text) in enumerate(zip(files, texts)):
        if (i + offset) % 2 == 0:
            tj += jieba_only([text])
        else:
            t0 = clock()
            parse_letter(nlp, path, data)
            tp += clock() - t0
    return tj, tp


def full_parse(files: list[tuple[Path, bytes]], split: dict[str, float]) -> float:
    nlp = make_nlp()
    t_all = time.process_time()
    for path, data in files:
        t0 = time.process_time()
        result = read_text(path, data)
        t1 = time.process_time()
        norm = normalize(result.pages)
        t2 = time.process_time()
        doc = init_doc(nlp.make_doc(norm.text), norm)
        t3 = time.process_time()
        split["read"] += t1 - t0
        split["normalize"] += t2 - t1
        split["tokenize (jieba+Doc)"] += t3 - t2
        for name, proc in nlp.pipeline:
            ts = time.process_time()
            doc = proc(doc)
            split[name] += time.process_time() - ts
        ts = time.process_time()
        source = Source(path=str(path), sha256=result.sha256, format="text", pages=len(result.pages))
        doc_to_reply(doc, source).model_dump_json()
        split["build + validate + json"] += time.process_time() - ts
    return time.process_time() - t_all


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1] / "corpora")
    args = ap.parse_args()

    files = load(args.corpus)
    texts = ["\n".join(pg.text for pg in read_text(p, d).pages) for p, d in files]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    full_parse(files, defaultdict(float))  # warm up: dictionaries, pipeline, caches
    jieba_only(texts)

    jieba_times, parse_times, ratios = [], [], []
    for _ in range(args.rounds):  # a pair of rounds: every letter timed both ways
        j0, p0 = alternating(files, texts, 0)
        j1, p1 = alternating(files, texts, 1)
        jieba_times.append(j0 + j1)
        parse_times.append(p0 + p1)
        ratios.append((p0 + p1) / (j0 + j1))
    b2b = []
    split: dict[str, float] = defaultdict(float)
    for _ in range(args.rounds):
        tj = jieba_only(texts)
        b2b.append(full_parse(files, split) / tj)

    n = len(files)
    tj, tp = statistics.median(jieba_times), statistics.median(parse_times)
    print(f"corpus: {n} letters, {size_mb:.3f} MB of text, {args.rounds} rounds of each kind (median), one core")
    print(f"jieba segmentation alone : {n / tj:8.1f} letters/s  {size_mb / tj:6.3f} MB/s")
    print(f"full parse (text input)  : {n / tp:8.1f} letters/s  {size_mb / tp:6.3f} MB/s")
    print(f"ratio parse / jieba, interleaved: {statistics.median(ratios):.3f}  (target <= 1.6; per round: "
          + ", ".join(f"{r:.2f}" for r in ratios) + ")")
    print(f"ratio parse / jieba, back to back: {statistics.median(b2b):.3f}  (jieba hot in cache; per round: "
          + ", ".join(f"{r:.2f}" for r in b2b) + ")")
    total = sum(split.values())
    print("time split by stage (share of the full parse):")
    for name, secs in sorted(split.items(), key=lambda kv: -kv[1]):
        print(f"  {name:28s} {secs / args.rounds / n * 1000:7.3f} ms/letter  {100 * secs / total:5.1f}%")


if __name__ == "__main__":
    main()
