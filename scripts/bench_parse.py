#!/usr/bin/env python
"""Benchmark the text parse on one core: letters/s, time split by stage, and the ratio of the
whole parse to jieba segmentation alone of the same texts, measured in the same run.

    .venv/bin/python scripts/bench_parse.py [--rounds 9] [--corpus corpora]

The ratio is the figure to watch (the machines are noisy; absolute rates are not comparable
between runs).  Times are CPU time of this process (``process_time``), so other work on a shared
machine inflates them less than wall-clock time would.  The parse is govdoc's own, from the
file's bytes to its JSON: read, normalize, tokenize (``text.segment.segmenter()``: jieba's tokens,
its dictionary steps in C++), every stage, validate, serialize.  "jieba" is jieba itself
(``jieba_tokenizer()``, the same dictionary, pure Python): the reference of the target (<= 1.1).

* **ratio, batches** (the target's figure): the parse as ``govdoc parse`` and ``govdoc eval``
  run it, ``build.parse_reads`` over batches of ``build.BATCH_LETTERS`` letters, stage by stage.
  The letters are taken a batch at a time, alternately segmented by jieba alone (the batch's
  texts one after another) and parsed; the next round swaps the two halves, so each pair of
  rounds has timed both on every letter under the same machine state.  The median over pairs
  of total parse / total jieba.
* **ratio, one letter at a time**: the same, a letter at a time (a batch of one: what parsing a
  single file costs).  Here every stage runs with cold caches: the jieba run just before it,
  on the same letter, has pushed its code and data out.
* **ratio, back to back**: jieba alone over all texts, then the batched parse over all letters
  (with a timer around each step: the split below).  Noisier; printed for comparison.
* **batched / one at a time**: what batching saves, both parses timed on the same letters,
  alternated the same way.
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from govdoc.build import BATCH_LETTERS, doc_to_reply, parse_reads  # noqa: E402
from govdoc.model import Source  # noqa: E402
from govdoc.nlp.extensions import init_doc  # noqa: E402
from govdoc.nlp.pipeline import make_nlp  # noqa: E402
from govdoc.text.segment import jieba_tokenizer  # noqa: E402
from govdoc.normalize import normalize  # noqa: E402
from govdoc.read.text import read_text  # noqa: E402


def load(corpus: Path) -> list[tuple[Path, bytes]]:
    files = sorted(p for p in corpus.rglob("*.txt") if p.with_name(p.stem + ".gold.json").exists())
    return [(p, p.read_bytes()) for p in files]


def jieba_only(texts: list[str]) -> float:
    seg = jieba_tokenizer()  # jieba itself, with our dictionary: the reference
    t0 = time.process_time()
    for text in texts:
        for _ in seg.cut(text, HMM=True):
            pass
    return time.process_time() - t0


def parse_letters(files: list[tuple[Path, bytes]]) -> list[str]:
    """The full parse of text letters, together, to their JSON: what ``govdoc parse`` does."""
    out = []
    for outcome in parse_reads([read_text(path, data) for path, data in files]):
        if isinstance(outcome, Exception):
            raise outcome
        out.append(outcome[0].model_dump_json())
    return out


def alternating(files: list[tuple[Path, bytes]], texts: list[str], size: int, offset: int) -> tuple[float, float]:
    """The letters in groups of ``size``, alternately segmented by jieba alone and parsed
    (``offset`` 0: jieba on the even groups; 1: on the odd ones): (jieba seconds, parse
    seconds).  Each timing follows the other kind of work on *different* letters, as inside a
    long run of parses."""
    clock = time.process_time
    tj = tp = 0.0
    for k, i in enumerate(range(0, len(files), size)):
        if (k + offset) % 2 == 0:
            tj += jieba_only(texts[i:i + size])
        else:
            t0 = clock()
            parse_letters(files[i:i + size])
            tp += clock() - t0
    return tj, tp


def paired_ratios(files, texts, size: int, rounds: int) -> tuple[list[float], list[float], list[float]]:
    """(jieba seconds, parse seconds, parse / jieba) of each pair of rounds, letters in groups
    of ``size``: a pair of rounds times every letter both ways."""
    jieba_times, parse_times, ratios = [], [], []
    for _ in range(rounds):
        j0, p0 = alternating(files, texts, size, 0)
        j1, p1 = alternating(files, texts, size, 1)
        jieba_times.append(j0 + j1)
        parse_times.append(p0 + p1)
        ratios.append((p0 + p1) / (j0 + j1))
    return jieba_times, parse_times, ratios


def batched_vs_single(files: list[tuple[Path, bytes]], rounds: int) -> list[float]:
    """Batched parse time / one-at-a-time parse time of the same letters, per pair of rounds:
    groups of ``BATCH_LETTERS`` letters, alternately parsed as one batch and one letter at a
    time, the halves swapped in the second round of each pair."""
    clock, ratios = time.process_time, []
    for _ in range(rounds):
        times = [0.0, 0.0]  # batched, one at a time
        for offset in (0, 1):
            for k, i in enumerate(range(0, len(files), BATCH_LETTERS)):
                group, single = files[i:i + BATCH_LETTERS], (k + offset) % 2
                t0 = clock()
                if single:
                    for one in group:
                        parse_letters([one])
                else:
                    parse_letters(group)
                times[single] += clock() - t0
        ratios.append(times[0] / times[1])
    return ratios


def full_parse(files: list[tuple[Path, bytes]], split: dict[str, float], size: int = BATCH_LETTERS) -> float:
    """The batched parse of ``parse_reads``, step by step with a timer around each (added to
    ``split``): the total seconds."""
    nlp, clock = make_nlp(), time.process_time
    t_all = clock()
    for i in range(0, len(files), size):
        part = files[i:i + size]
        t0 = clock()
        results = [read_text(path, data) for path, data in part]
        t1 = clock()
        norms = [normalize(result.pages) for result in results]
        t2 = clock()
        docs = [init_doc(nlp.make_doc(norm.text), norm) for norm in norms]
        t3 = clock()
        split["read"] += t1 - t0
        split["normalize"] += t2 - t1
        split["tokenize (jieba+Doc)"] += t3 - t2
        for name, proc in nlp.pipeline:
            ts = clock()
            docs = [proc(doc) for doc in docs]
            split[name] += clock() - ts
        ts = clock()
        for (path, _data), result, doc in zip(part, results, docs):
            source = Source(path=str(path), sha256=result.sha256, format="text", pages=len(result.pages))
            doc_to_reply(doc, source).model_dump_json()
        split["build + validate + json"] += clock() - ts
    return clock() - t_all


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=9)  # batched rounds vary ±0.15: the median of 9 holds ±0.04
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1] / "corpora")
    args = ap.parse_args()

    files = load(args.corpus)
    texts = ["\n".join(pg.text for pg in read_text(p, d).pages) for p, d in files]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    full_parse(files, defaultdict(float))  # warm up: dictionaries, pipeline, caches
    jieba_only(texts)
    assert parse_letters(files[:3]) == parse_letters(files[:1]) + parse_letters(files[1:3])  # batches change nothing

    jieba_times, parse_times, ratios = paired_ratios(files, texts, BATCH_LETTERS, args.rounds)
    _, single_times, single = paired_ratios(files, texts, 1, args.rounds)
    modes = batched_vs_single(files, args.rounds)
    b2b = []
    split: dict[str, float] = defaultdict(float)
    for _ in range(args.rounds):
        tj = jieba_only(texts)
        b2b.append(full_parse(files, split) / tj)

    n = len(files)
    tj, tp = statistics.median(jieba_times), statistics.median(parse_times)
    print(f"corpus: {n} letters, {size_mb:.3f} MB of text, {args.rounds} rounds of each kind (median), one core")
    print(f"jieba segmentation alone : {n / tj:8.1f} letters/s  {size_mb / tj:6.3f} MB/s")
    print(f"full parse (text input)  : {n / tp:8.1f} letters/s  {size_mb / tp:6.3f} MB/s  (batches of {BATCH_LETTERS})")
    ts = statistics.median(single_times)
    print(f"full parse, one at a time: {n / ts:8.1f} letters/s  {size_mb / ts:6.3f} MB/s")

    def show(label: str, values: list[float], note: str = "") -> None:
        print(f"ratio parse / jieba, {label}: {statistics.median(values):.3f}  ({note}per round: "
              + ", ".join(f"{r:.2f}" for r in values) + ")")

    show(f"batches of {BATCH_LETTERS}", ratios, "target <= 1.1; ")
    show("one letter at a time", single)
    show("back to back", b2b)
    print(f"batched parse / one at a time, the same letters alternated: {statistics.median(modes):.3f}  (per round: "
          + ", ".join(f"{r:.2f}" for r in modes) + ")")
    total = sum(split.values())
    print(f"time split by step, batches of {BATCH_LETTERS} (share of the full parse):")
    for name, secs in sorted(split.items(), key=lambda kv: -kv[1]):
        print(f"  {name:28s} {secs / args.rounds / n * 1000:7.3f} ms/letter  {100 * secs / total:5.1f}%")


if __name__ == "__main__":
    main()
