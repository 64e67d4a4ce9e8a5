#!/usr/bin/env python
"""Query latency and size of the embedded (SQLite) index alone, on bench_index.py's synthetic letters.

    .venv/bin/python scripts/bench_sqlite_queries.py                       # 10,000 and 100,000 letters
    .venv/bin/python scripts/bench_sqlite_queries.py --sizes 2000 --bodies  # letters with body text
    .venv/bin/python scripts/bench_sqlite_queries.py --data /tmp/sq --keep  # reuse a filled index

Same generator, queries and percentiles as ``scripts/bench_index.py`` (imported from it), so the
figures compare with its SQLite lines.  ``--bodies`` gives each synthetic letter the normalized text
of the corpus letter it is made from, as ``govdoc index`` reads it from a ``.txt`` sidecar.
``--per-query`` prints each query's median, to see which ones cost.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_index as bench  # noqa: E402

from govdoc.index.backends import open_backend  # noqa: E402
from govdoc.index.records import BODY_KEY  # noqa: E402


def corpus_with_bodies() -> list[dict]:
    from govdoc.build import parse_read
    from govdoc.read import read_path

    files = sorted((bench.ROOT / "corpora" / "real").glob("*.txt")) + sorted((bench.ROOT / "corpora" / "seed").glob("*.txt"))
    out = []
    for path in files:
        reply, text = parse_read(read_path(path))
        out.append({**reply.model_dump(mode="json"), BODY_KEY: text.text})
    return out


def per_query(backend, rounds: int) -> None:
    for q in bench.QUERIES:
        times = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            total = backend.search(q)["total"]
            times.append((time.perf_counter() - t0) * 1000)
        print(f"    {statistics.median(times):8.2f} ms  total {total:>7,}  {q.text or '-'} {q.record} "
              f"{ {k: v for k, v in vars(q).items() if v is not None and k not in ('text', 'record', 'limit')} }")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--data", type=Path, help="index folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="reuse the letters already in --data")
    parser.add_argument("--bodies", action="store_true", help="synthetic letters carry body text")
    parser.add_argument("--query-rounds", type=int, default=20)
    parser.add_argument("--per-query", action="store_true")
    args = parser.parse_args()

    corpus = corpus_with_bodies() if args.bodies else bench.parsed_corpus()
    synth = bench.Synth(corpus)
    with tempfile.TemporaryDirectory(prefix="govdoc-sqbench-") as tmp:
        backend = open_backend("sqlite", args.data or tmp)
        if not args.keep:
            backend.clear()
        done = backend.stats()["letters"]
        for size in sorted(args.sizes):
            if size > done:
                t0 = time.perf_counter()
                with bench.cached_analysis():
                    bench.index_checked(backend, synth.letters(done, size))
                print(f"filled {size - done:,} letters in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
                done = size
            p50, p95 = bench.latency(backend, args.query_rounds)
            mib = bench.size_on_disk(backend) / 2 ** 20
            print(f"sqlite {done:>9,} letters: query p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  "
                  f"({len(bench.QUERIES) * args.query_rounds} queries)  index {mib:8.1f} MiB "
                  f"({mib * 2 ** 20 / done / 1024:.1f} KiB/letter){'  with bodies' if args.bodies else ''}")
            if args.per_query:
                per_query(backend, 5)
        backend.close()


if __name__ == "__main__":
    main()
