#!/usr/bin/env python
"""What ``govdoc ingest`` of text letters costs next to one jieba pass over the same texts.

    .venv/bin/python scripts/bench_ingest_cpu.py [--letters 1020] [--rounds 3] [--govdoc .venv/bin/govdoc]

The corpus's text letters are copied, in turn, until there are ``--letters`` of them (each copy
with its own last line, so every file is new to the state and the index).  ``govdoc ingest
--workers 1`` runs over them as a new process into an empty data folder: its CPU time, children
(the worker) included, from start-up to the summary.  Against it, in this process: jieba
(accurate mode, HMM on: what the parse does) over the same texts once, after a warm-up.  The
median of ``--rounds`` of each, alternated; target: ingest <= 2.0 × jieba.  ``--govdoc``
another installation's command to compare before and after.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_letters(folder: Path, n: int) -> list[str]:
    sources = sorted(p for p in (ROOT / "corpora").glob("*/*.txt") if p.parent.name != "compare")
    texts = []
    for i in range(n):
        text = sources[i % len(sources)].read_text(encoding="utf-8") + f"\n（副本 {i}）\n"
        (folder / f"letter{i:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def jieba_pass(texts: list[str]) -> float:
    from govdoc.text.segment import jieba_tokenizer

    seg, t0 = jieba_tokenizer(), time.process_time()  # jieba itself: the reference
    for text in texts:
        for _ in seg.cut(text, HMM=True):
            pass
    return time.process_time() - t0


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ingest_cpu(govdoc: str, letters: Path, tmp: Path, k: int) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one ``govdoc ingest`` into a new data folder."""
    before, t0 = children_cpu(), time.perf_counter()
    subprocess.run([govdoc, "ingest", str(letters), "--data", str(tmp / f"data{k}"), "--workers", "1"],
                   cwd=tmp, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return children_cpu() - before, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--letters", type=int, default=1020)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--govdoc", default=str(Path(sys.executable).with_name("govdoc")))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        (tmp / "letters").mkdir()
        texts = make_letters(tmp / "letters", args.letters)
        jieba_pass(texts[:50])  # the dictionary loaded
        jieba_times, ingest_times, walls = [], [], []
        for k in range(args.rounds):
            jieba_times.append(jieba_pass(texts))
            cpu, wall = ingest_cpu(args.govdoc, tmp / "letters", tmp, k)
            ingest_times.append(cpu)
            walls.append(wall)
    tj, ti = statistics.median(jieba_times), statistics.median(ingest_times)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{args.govdoc}: {args.letters} text letters, {mb:.2f} MB, one worker; median of {args.rounds} rounds")
    print(f"  jieba, one pass      : {tj:6.2f} CPU s")
    print(f"  govdoc ingest        : {ti:6.2f} CPU s  ({statistics.median(walls):.2f} s wall)")
    print(f"  ratio ingest / jieba : {ti / tj:6.2f}  target <= 2.0  (per round: "
          + ", ".join(f"{i / j:.2f}" for i, j in zip(ingest_times, jieba_times)) + ")")


if __name__ == "__main__":
    main()
