#!/usr/bin/env python
"""Benchmark the web pages against the library calls behind them, at 10k letters (SQLite).

    .venv/bin/python scripts/bench_web.py                   # 10,000 letters (~4 min)
    .venv/bin/python scripts/bench_web.py --letters 2000 --rounds 3

Synthetic letters come from ``scripts/bench_index.py``'s ``Synth`` (the real corpus' letters with
other agencies, years, numbers, measures and metrics), each written as ingest writes it (JSON and
normalized text under ``<data>/json``) and indexed.  The app runs under uvicorn in a thread on a
loopback port and is asked over HTTP (httpx, one request at a time); the baselines are measured in
the same run, in this process, on the same data:

- search page ``/?q=…`` and ``/api/search`` against ``backend.search()`` of the same query;
- letter page ``/letters/<id>`` against ``read_letter()`` (the JSON and text read from disk) plus
  ``similar()`` (its related letters), the library calls the page makes;
- the charts page, and a static file (the HTTP round trip alone), for scale.

It prints p50 / p95 in ms of each and the p95 ratio page / baseline.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_index  # noqa: E402  (Synth, cached_analysis, percentile)

SEARCHES = [{"q": "错峰生产"}, {"q": "一窗受理", "records": "measures"}, {"q": "环保局"},
            {"q": "农村公路", "year_from": "2017", "year_to": "2021"}, {"q": "饮水安全"}, {"q": "學校建設"},
            {"q": "交通运输局", "grade": "A"}, {"issuer": "生态环境局", "year_from": "2019"},
            {"q": "污染防治", "records": "measures", "year_to": "2020"}, {"grade": "B"}, {"q": "资金 监管", "page": "2"},
            {"q": "高标准农田"}, {"q": "医疗卫生 服务", "size": "20"}, {}]


def parsed_corpus_with_text() -> list[dict]:
    """The corpus letters parsed, each with its normalized text under BODY_KEY (indexed as its body)."""
    from govdoc.build import parse_reads
    from govdoc.index.records import BODY_KEY
    from govdoc.read import read_path

    files = sorted((ROOT / "corpora" / "real").glob("*.txt")) + sorted((ROOT / "corpora" / "seed").glob("*.txt"))
    return [{**reply.model_dump(mode="json"), BODY_KEY: norm.text}
            for reply, norm in parse_reads([read_path(p) for p in files])]


def build(data_dir: Path, n: int) -> list[str]:
    """Write and index ``n`` synthetic letters as ingest would; returns their ids."""
    from govdoc.index.backends import open_backend
    from govdoc.index.base import letter_id
    from govdoc.index.records import BODY_KEY
    from govdoc.ingest.worker import write_letter

    synth = bench_index.Synth(parsed_corpus_with_text())
    json_dir, ids = data_dir / "json", []
    json_dir.mkdir(parents=True)
    with open_backend("sqlite", data_dir) as backend, bench_index.cached_analysis():
        for start in range(0, n, 1000):
            letters = list(synth.letters(start, min(n, start + 1000)))
            for letter in letters:
                ids.append(letter_id(letter))
                write_letter(json_dir, ids[-1], {k: v for k, v in letter.items() if k != BODY_KEY}, letter[BODY_KEY])
            bench_index.index_checked(backend, letters)
    return ids


def timed(fns: list, items, rounds: int) -> list[list[float]]:
    """ms of each function on each item, the functions alternating item by item so that they share
    the machine's moments of load (it is shared and noisy)."""
    for item in items:  # warm caches
        for fn in fns:
            fn(item)
    out: list[list[float]] = [[] for _ in fns]
    for _ in range(rounds):
        for item in items:
            for fn, times in zip(fns, out):
                t0 = time.perf_counter()
                fn(item)
                times.append((time.perf_counter() - t0) * 1000)
    return out


def serve(data_dir: Path):
    import socket

    import uvicorn

    from govdoc.web.app import Settings, create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(data_dir)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def get(client, url: str, params: dict | None = None):
    response = client.get(url, params=params)
    if response.status_code != 200:
        sys.exit(f"bench: {url}: HTTP {response.status_code}: {response.text[:200]}")
    return response


def report(name: str, times: list[float], baseline: list[float] | None = None) -> None:
    p50, p95 = bench_index.percentile(times, 0.5), bench_index.percentile(times, 0.95)
    ratio = f"  p95 ratio {p95 / bench_index.percentile(baseline, 0.95):5.2f}" if baseline else ""
    print(f"{name:34} p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  ({len(times)} requests){ratio}")


def measure(data_dir: Path, ids: list[str], rounds: int) -> None:
    import httpx

    from govdoc.index.backends import open_backend
    from govdoc.ingest.letters import read_letter
    from govdoc.web.params import search_params
    from govdoc.web.pages import RELATED
    from govdoc.web.search_view import paged_search, related_hits

    letters = random.Random(11).sample(ids, min(50, len(ids)))
    server, base = serve(data_dir)
    try:
        with open_backend("sqlite", data_dir) as backend, httpx.Client(base_url=base, timeout=60) as client:
            raw, page, api = timed([lambda p: paged_search(backend, search_params(p)),
                                    lambda p: get(client, "/", params=p),
                                    lambda p: get(client, "/api/search", params=p)], SEARCHES, rounds)
            report("backend.search (baseline)", raw)
            report("search page /?q=…", page, raw)
            report("JSON /api/search", api, raw)
            disk, calls, letter, static = timed([
                lambda i: read_letter(data_dir, i),
                lambda i: (read_letter(data_dir, i), related_hits(backend, i, RELATED)),
                lambda i: get(client, f"/letters/{i}"), lambda _: get(client, "/static/style.css")], letters, rounds)
            report("read_letter", disk)
            report("read_letter + similar (baseline)", calls)
            report("letter page /letters/<id>", letter, calls)
            report("static file (HTTP alone)", static)
            report("charts page /charts?q=…", timed([lambda q: get(client, "/charts", params={"q": q})],
                                                    ["错峰生产", "农村公路"], 2)[0])
    finally:
        server.should_exit = True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="govdoc-bench-web-") as tmp:
        t0 = time.perf_counter()
        ids = build(Path(tmp) / "data", args.letters)
        print(f"built {len(ids):,} letters in {time.perf_counter() - t0:.0f} s ({bench_index.load()})")
        measure(Path(tmp) / "data", ids, args.rounds)
        print(f"({bench_index.load()}; {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
