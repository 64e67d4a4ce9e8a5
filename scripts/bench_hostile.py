#!/usr/bin/env python
"""Time govdoc on hostile inputs of about 1 MB (tests/hostile_files.py: deep nesting, one huge
line, a million tiny lines, huge tables, many pages, a text over the size limit): read and
parse each in a child process, print its size, seconds and outcome (parsed, or govdoc's
one-line refusal).  Target: each parsed or refused in at most 5 s.

    .venv/bin/python scripts/bench_hostile.py [--timeout 60] [--profile NAME]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def run_one(path: Path) -> str:
    """Read and parse one file here; the outcome as one line."""
    from govdoc.build import parse_path
    from govdoc.errors import BadInput

    try:
        reply = parse_path(path)
        return f"parsed ({len(reply.measures)} measures)"
    except BadInput as exc:
        return f"refused: {exc.reason}"


def time_one(path: Path, timeout: float) -> tuple[float, str]:
    """Seconds and outcome of one file, parsed in a child process (Python start-up and imports
    are timed apart: the child prints the seconds the parse itself took)."""
    code = ("import sys, time; sys.path.insert(0, 'scripts'); import bench_hostile as b; b.warm(); t = time.perf_counter(); "
            f"o = b.run_one(b.Path({str(path)!r})); print(f'{{time.perf_counter() - t:.2f}}\\t{{o}}')")
    try:
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return timeout, f"still running after {timeout:.0f} s (killed)"
    if done.returncode != 0:
        return float("nan"), "crashed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    seconds, outcome = done.stdout.strip().splitlines()[-1].split("\t", 1)
    return float(seconds), outcome


def warm() -> None:
    """Load the pipeline and the readers before timing (they load once per process)."""
    from govdoc.build import parse_text

    parse_text("许昌市生态环境局关于第134号建议的答复")
    import govdoc.read.docx, govdoc.read.html, govdoc.read.ofd  # noqa: F401,E401


def main() -> int:
    from hostile_files import write_all

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds before a file counts as hung")
    ap.add_argument("--profile", metavar="NAME", help="cProfile the parse of one file here instead")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_all(Path(tmp))
        if args.profile:
            import cProfile
            import pstats

            warm()
            cProfile.runctx("run_one(p)", globals(), {"p": Path(tmp) / args.profile}, "/tmp/hostile.prof")
            pstats.Stats("/tmp/hostile.prof").sort_stats("cumulative").print_stats(25)
            return 0
        print(f"{'file':28} {'KiB':>6} {'seconds':>8}  outcome")
        for path in paths:
            seconds, outcome = time_one(path, args.timeout)
            print(f"{path.name:28} {path.stat().st_size // 1024:6d} {seconds:8.2f}  {outcome}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
