#!/usr/bin/env python
"""Start-up benchmark: wall time of short ``govdoc`` commands run as new processes, the median
of several runs, next to ``python -c pass`` measured in the same run.

    .venv/bin/python scripts/bench_startup.py [--runs 7] [--govdoc .venv/bin/govdoc]

An index of the real corpus is made first (``govdoc ingest``, one worker, not timed), so that
``stats`` and ``search`` read a real index.  Targets: ``search`` one query <= 0.4 s, ``parse``
one letter <= 1.0 s.  ``--govdoc`` another installation's command (e.g. the main checkout's) to
compare before and after.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LETTER = ROOT / "corpora" / "seed" / "xuchang-2019-reply.txt"


def wall(cmd: list[str], cwd: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t0)
        if done.returncode:
            raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.decode()[-500:]}")
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--govdoc", default=str(Path(sys.executable).with_name("govdoc")))
    args = ap.parse_args()
    python = str(Path(args.govdoc).with_name("python"))
    with tempfile.TemporaryDirectory() as tmp:
        data = f"{tmp}/data"
        subprocess.run([args.govdoc, "ingest", str(ROOT / "corpora" / "real"), "--data", data, "--workers", "1"],
                       cwd=tmp, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cases = [
            ("python -c pass", [python, "-c", "pass"], None),
            ("govdoc --help", [args.govdoc, "--help"], None),
            ("govdoc stats", [args.govdoc, "stats", "--data", data], None),
            ("govdoc search 农村饮水", [args.govdoc, "search", "农村饮水", "--data", data], 0.4),
            ("govdoc parse one.txt", [args.govdoc, "parse", str(LETTER)], 1.0),
        ]
        wall(cases[3][1], tmp, 1)  # caches made (jieba's dictionary), files in the page cache
        print(f"{args.govdoc}: wall seconds, median of {args.runs} runs (min … max)")
        for label, cmd, target in cases:
            times = wall(cmd, tmp, args.runs)
            note = f"  target <= {target}" if target else ""
            print(f"  {label:24s} {statistics.median(times):6.3f}  ({min(times):.3f} … {max(times):.3f}){note}")


if __name__ == "__main__":
    main()
