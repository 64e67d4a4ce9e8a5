#!/usr/bin/env python
"""Benchmark both index backends on synthetic letters made from the real corpus.

    .venv/bin/python scripts/bench_index.py                  # quick: 500 and 2,000 letters (~1-2 min)
    .venv/bin/python scripts/bench_index.py --full           # 10,000 and 100,000 letters (<= 15 min)
    .venv/bin/python scripts/bench_index.py --sizes 1000 5000 --backends sqlite

Elasticsearch comes from --es-url or GOVDOC_ES_URL (``scripts/elasticsearch.sh start``); without
one only SQLite is measured.  For each backend it prints:

- indexing letters/s through ``backend.index()`` (jieba + bigram analysis included) over the first
  ``--rate-letters`` letters;
- query latency p50 / p95 of ``backend.search()`` (plan, search, snippets) at each size;
- index size on disk at each size;
- Elasticsearch only: govdoc's bulk writing (``write_batch``: the real-time ``mget`` that finds
  each letter's records across the year indices, the two bulk steps in bounded ``streaming_bulk``
  chunks, error handling) against one raw ``helpers.bulk`` call on the same prepared documents
  into emptied indices (the year indices made before the clock starts), in the same run,
  alternating, best of ``--rounds``.

Filling up to the larger sizes shares govdoc's line cache across letters (letters made from one
corpus repeat many lines); the bench first checks that this gives exactly the tokens of the real
analysis, and never reports the fill time as a rate.  The backends fill at the same time (SQLite in
this process, Elasticsearch from a forked one, so SQLite's inserts overlap the node's indexing), Elasticsearch inside
``ElasticBackend.bulk_loading()`` (no refreshes, async translog, no replicas; restored before the
queries); queries are then measured one backend at a time, with nothing else of the bench running.  Each phase's wall time and the machine's load average are printed, since the machine
may be shared.
"""
from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import random
import re
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from govdoc.index import analysis, records  # noqa: E402
from govdoc.index.aliases import gazetteer  # noqa: E402
from govdoc.index.base import Query  # noqa: E402
from govdoc.index.backends import open_backend  # noqa: E402

GRADES = ("A", "B", "C", None)
NUMBER = re.compile(r"\d+(?:\.\d+)?")
NUMBER_VARIANTS = 8
STORE_STATS_SECONDS = 11
QUERIES = [
    Query("错峰生产"), Query("一窗受理", record="measures"), Query("环保局"), Query("农村公路", year_from=2017, year_to=2021),
    Query("饮水安全"), Query("學校建設"), Query("交通运输局", grade="A"), Query(issuer="生态环境局", year_from=2019),
    Query("污染防治", record="measures", year_to=2020), Query(record="metrics", indicator="PM2.5", value_max=60),
    Query(record="metrics", value_min=100, year_from=2018), Query("资金 监管"), Query(grade="B", limit=20),
    Query("第67号建议"), Query("高标准农田"), Query("医疗卫生 服务"),
]


# -- synthetic letters ------------------------------------------------------------------------------
def parsed_corpus() -> list[dict]:
    from govdoc.build import parse_path

    files = sorted((ROOT / "corpora" / "real").glob("*.txt")) + sorted((ROOT / "corpora" / "seed").glob("*.txt"))
    return [parse_path(p).model_dump(mode="json") for p in files]


class Synth:
    """Deterministic synthetic letter ``i``: a real letter's shape with another agency, year, numbers,
    and measures / metrics drawn from the whole corpus."""

    def __init__(self, corpus: list[dict], seed: int = 7):
        self.corpus, self.seed = corpus, seed
        self.measures = [m for r in corpus for m in r["measures"]]
        self.metrics = [k for r in corpus for k in r["metrics"] if k.get("value") is not None]
        self.titles = [r["title"]["text"] for r in corpus if r.get("title")]
        issuers = [r["issuer"]["name"] for r in corpus if r.get("issuer")]
        self.places = sorted({gazetteer().split(n)[0] for n in issuers if gazetteer().split(n)[0]}) or ["某市"]
        self.units = sorted(name for names in gazetteer().groups.values() for name in names)

    @staticmethod
    def _numbers(text: str, rng: random.Random) -> str:
        """The text with other numbers: one of NUMBER_VARIANTS versions of it, so that lines repeat
        across letters as real replies repeat their boilerplate."""
        numbers = random.Random(f"{text}|{rng.randrange(NUMBER_VARIANTS)}")
        return NUMBER.sub(lambda m: str(numbers.randint(1, 999)), text or "")

    def letter(self, i: int) -> dict:
        rng = random.Random(self.seed * 1_000_003 + i)
        base = rng.choice(self.corpus)
        year = rng.randint(2012, 2024)
        path = f"synthetic/{i:07d}.txt"
        out = dict(base, source={**base["source"], "path": path, "sha256": hashlib.sha256(path.encode()).hexdigest()})
        out["issuer"] = {"span": None, "confidence": 1.0, "name": rng.choice(self.places) + rng.choice(self.units)}
        out["issue_date"] = {"span": None, "confidence": 1.0, "date": f"{year}-{rng.randint(1, 12):02d}-15", "raw": ""}
        grade = rng.choice(GRADES)
        out["grade"] = {"span": None, "confidence": 1.0, "letter": grade, "raw": grade} if grade else None
        if self.titles:
            out["title"] = {"span": None, "confidence": 1.0, "text": self._numbers(rng.choice(self.titles), rng)}
        if base.get("congress"):
            out["congress"] = {**base["congress"], "term": rng.randint(5, 16), "session": rng.randint(1, 5)}
        if base.get("item"):
            out["item"] = {**base["item"], "number": str(rng.randint(1, 999))}
        out["measures"] = [dict(m, text=self._numbers(m["text"], rng))
                           for m in rng.sample(self.measures, min(len(self.measures), rng.randint(0, 6)))]
        metrics = rng.sample(self.metrics, min(len(self.metrics), rng.randint(0, 5)))
        out["metrics"] = [dict(k, value=round(k["value"] * rng.uniform(0.5, 1.5), 1)) for k in metrics]
        return out

    def letters(self, start: int, stop: int):
        return (self.letter(i) for i in range(start, stop))


# -- analysis cached across letters for the fill phase ------------------------------------------------
_real_analyze = records.analyze
_LINES: dict = {}  # line → tokens, shared by every letter (govdoc's own cache is per letter)


def analyze_shared(text: str, cache: dict | None = None, blocks=None) -> tuple[str, str]:
    """Synthetic letters carry no parse tokens (``blocks`` is empty): the line cache is all there is."""
    return _real_analyze(text, _LINES)


def check_shared_cache(synth: Synth, n: int = 300) -> bool:
    texts = [t for i in range(n) for r in records.records_for(synth.letter(i)) for t in r["text"].values()]
    return all(analyze_shared(t) == analysis.analyze(t) for t in texts)


class cached_analysis:
    def __enter__(self):
        records.analyze = analyze_shared

    def __exit__(self, *exc):
        records.analyze = _real_analyze


# -- measurements -----------------------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def latency(backend, rounds: int) -> tuple[float, float]:
    for q in QUERIES:  # warm caches
        backend.search(q)
    times = []
    for _ in range(rounds):
        for q in QUERIES:
            t0 = time.perf_counter()
            backend.search(q)
            times.append((time.perf_counter() - t0) * 1000)
    return percentile(times, 0.5), percentile(times, 0.95)


def size_on_disk(backend) -> int:
    if backend.name == "sqlite":
        backend.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return sum(p.stat().st_size for p in backend.path.parent.glob(backend.path.name + "*"))
    backend.es.indices.flush(index=list(backend.indices.values()))
    # Elasticsearch caches store sizes for index.store.stats_refresh_interval (10 s by default).
    time.sleep(STORE_STATS_SECONDS)
    return backend.size_bytes()


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def index_checked(backend, letters) -> int:
    result = backend.index(letters)
    if result.errors:
        sys.exit(f"bench: {backend.name}: {len(result.errors)} letters failed, first: {result.errors[0]}")
    return result.indexed


def indexing_rate(backend, synth: Synth, n: int) -> float:
    """Letters/s through ``backend.index()`` with govdoc's own analysis, alone on the machine's share."""
    t0 = time.perf_counter()
    index_checked(backend, synth.letters(0, n))
    return n / (time.perf_counter() - t0)


def _fill_elsewhere(name: str, data_dir: Path, es_url: str, index: str, synth: Synth, start: int, stop: int,
                    t0: float) -> float:
    """In a forked process: open its own client to the same index and fill it."""
    backend = open_backend(name, data_dir, es_url=es_url, index=index)
    try:
        with cached_analysis(), getattr(backend, "bulk_loading", nullcontext)():
            index_checked(backend, synth.letters(start, stop))
    finally:
        backend.close()
    return time.perf_counter() - t0


def fill(backends: dict, synth: Synth, start: int, stop: int, args, data_dir: Path) -> dict[str, float]:
    """Index letters ``start..stop`` into every backend at once with line-cached analysis: SQLite in
    this process, the others each in a forked process of their own (own interpreter, so the two
    Python halves do not take turns on one GIL) inside ``bulk_loading()``.  Seconds each."""
    t0 = time.perf_counter()
    others = [name for name in backends if name != "sqlite"]
    with ProcessPoolExecutor(max_workers=max(1, len(others)), mp_context=multiprocessing.get_context("fork")) as pool:
        futures = {name: pool.submit(_fill_elsewhere, name, data_dir / name, args.es_url, backends[name].prefix,
                                     synth, start, stop, t0) for name in others}
        took = {}
        if "sqlite" in backends:
            with cached_analysis():
                index_checked(backends["sqlite"], synth.letters(start, stop))
            took["sqlite"] = time.perf_counter() - t0
        took.update({name: f.result() for name, f in futures.items()})
    return took


def bench_backends(synth: Synth, args, data_dir: Path) -> dict[str, dict]:
    """Measure every backend; returns their figures for the side-by-side summary."""
    backends = {name: open_backend(name, data_dir / name, es_url=args.es_url, index=f"govdoc-bench-{os.getpid()}")
                for name in args.backends}
    figures: dict[str, dict] = {name: {} for name in backends}
    try:
        rate_n = min(args.rate_letters, args.sizes[0])
        for name, backend in backends.items():
            backend.clear()
            rate = indexing_rate(backend, synth, rate_n)
            print(f"{name:13} indexing: {rate:8.1f} letters/s  ({rate_n:,} letters, analysis included)  ({load()})")
            figures[name]["indexing letters/s"] = f"{rate:.1f}"
        done = rate_n
        for size in args.sizes:
            took = fill(backends, synth, done, size, args, data_dir)
            print(f"fill {done:,} -> {size:,} letters, backends together: "
                  + ", ".join(f"{name} {t:.0f} s" for name, t in took.items()) + f"  ({load()})")
            done = size
            for name, backend in backends.items():
                p50, p95 = latency(backend, args.query_rounds)
                mib = size_on_disk(backend) / 2 ** 20
                print(f"{name:13} {size:>9,} letters: query p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  "
                      f"({len(QUERIES) * args.query_rounds} queries)  index {mib:8.1f} MiB  ({load()})")
                figures[name][f"p50 / p95 ms at {size:,}"] = f"{p50:.1f} / {p95:.1f}"
                figures[name][f"index MiB at {size:,}"] = f"{mib:.1f}"
    finally:
        for backend in backends.values():
            getattr(backend, "drop", lambda: None)()
            backend.close()
    return figures


def bench_bulk_ratio(synth: Synth, args) -> float:
    from elasticsearch import helpers

    from govdoc.index.base import IndexResult
    from govdoc.index.elastic import BATCH_LETTERS, ElasticBackend

    n = args.ratio_letters
    prefix = f"govdoc-bench-bulk-{os.getpid()}"
    backend = ElasticBackend(args.es_url, index=prefix)
    with cached_analysis():
        batches, result = [], IndexResult()
        for start in range(0, n, BATCH_LETTERS):
            batches.append(backend.prepare_batch(list(synth.letters(start, min(n, start + BATCH_LETTERS))), result))
    docs = [(backend.index_for(d["record"], d["year"]), d) for batch in batches for _, ds in batch.values() for d in ds]

    def emptied() -> None:
        """Every index of the prefix deleted, and the year indices of the documents made again (with
        their alias, as govdoc makes them): index creation, once a year in an archive, is not timed."""
        backend.clear()
        backend.layout.create(index for index, _ in docs)

    def raw() -> float:
        emptied()
        t0 = time.perf_counter()
        ok, errors = helpers.bulk(backend.es, ({"_index": i, "_id": d["id"], "_source": d} for i, d in docs))
        elapsed = time.perf_counter() - t0
        assert ok == len(docs) and not errors
        return elapsed

    def govdoc() -> float:
        emptied()
        t0 = time.perf_counter()
        written = sum(backend.write_batch(batch)[0] for batch in batches)
        elapsed = time.perf_counter() - t0
        assert written == n
        return elapsed

    try:
        raw_t, gov_t = [], []
        for _ in range(args.rounds):
            raw_t.append(raw())
            gov_t.append(govdoc())
        best_raw, best_gov = min(raw_t), min(gov_t)
        print(f"elasticsearch bulk: raw helpers.bulk {n / best_raw:8.1f} letters/s ({len(docs) / best_raw:,.0f} docs/s), "
              f"govdoc write_batch {n / best_gov:8.1f} letters/s; ratio govdoc/raw = {best_raw / best_gov:.2f} "
              f"(best of {args.rounds}, {n:,} letters = {len(docs):,} documents)")
        return best_raw / best_gov
    finally:
        backend.drop()
        backend.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="10,000 and 100,000 letters")
    parser.add_argument("--sizes", type=int, nargs="+", help="index sizes (letters) to measure queries at")
    parser.add_argument("--backends", nargs="+", default=["sqlite", "elasticsearch"])
    parser.add_argument("--es-url", default=os.environ.get("GOVDOC_ES_URL"))
    parser.add_argument("--rate-letters", type=int, help="letters indexed with real analysis for the rate")
    parser.add_argument("--ratio-letters", type=int, help="letters for the bulk ratio")
    parser.add_argument("--query-rounds", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the bulk ratio (best is kept)")
    args = parser.parse_args()
    args.sizes = sorted(args.sizes or ([10_000, 100_000] if args.full else [500, 2_000]))
    args.rate_letters = args.rate_letters or (2_000 if args.full else 500)
    args.ratio_letters = args.ratio_letters or (3_000 if args.full else 1_000)
    if "elasticsearch" in args.backends and not args.es_url:
        print("bench: no --es-url / GOVDOC_ES_URL: measuring SQLite only", file=sys.stderr)
        args.backends = [b for b in args.backends if b != "elasticsearch"]

    t0 = time.perf_counter()
    corpus = parsed_corpus()
    synth = Synth(corpus)
    if not check_shared_cache(synth):
        sys.exit("bench: line-cached analysis differs from govdoc.index.analysis.analyze; fix the bench")
    print(f"corpus: {len(corpus)} parsed letters, {len(synth.measures)} measures, {len(synth.metrics)} metrics "
          f"→ synthetic letters; sizes {', '.join(f'{s:,}' for s in args.sizes)}; {os.cpu_count()} CPUs, {load()}")
    with tempfile.TemporaryDirectory(prefix="govdoc-bench-") as tmp:
        figures = bench_backends(synth, args, Path(tmp))
    if "elasticsearch" in args.backends:
        figures["elasticsearch"]["bulk ratio govdoc/raw"] = f"{bench_bulk_ratio(synth, args):.2f}"
    print_summary(figures)
    print(f"total {time.perf_counter() - t0:.0f} s  ({load()})")


def print_summary(figures: dict[str, dict]) -> None:
    """The backends' figures side by side, one row per measure."""
    rows = list(dict.fromkeys(k for f in figures.values() for k in f))
    width = max(map(len, rows), default=0)
    print("\n" + " " * width + "".join(f"  {name:>15}" for name in figures))
    for row in rows:
        print(f"{row:<{width}}" + "".join(f"  {f.get(row, '-'):>15}" for f in figures.values()))


if __name__ == "__main__":
    main()
