"""Cluster ingest benchmark: the coordinator's memory against the number of files, and the
throughput of parsing through a Dask cluster against the local process pool.

    .venv/bin/python scripts/bench_cluster.py [--small 1000] [--large 100000] [--letters 400] [--scans 8] [--repeat 1]

1. Memory.  A coordinator (a fresh ``govdoc`` process each time) ingests ``--small`` and then
   ``--large`` small synthetic text files through a local Dask cluster of 2 worker processes,
   and prints its peak RSS (VmHWM) after each and their ratio (target <= 1.5).  The workers run
   a trivial task (no parsing: 100k parses would take hours on 2 cores) that returns a tiny
   letter, so what is measured is the coordinator's own path: lazy walk, state database,
   window of futures, JSON and text written per letter, batches handed to the index (a null
   index that keeps nothing).
2. Throughput.  ``--letters`` text letters (distinct variants of the corpus letters), then
   ``--scans`` scans, each parsed for real with 2 local pool workers and with 2 Dask workers of
   1 thread each (started and warmed beforehand, as a cluster is a long-running service), into
   a SQLite index: files/s, pages/s, and cluster / pool (target >= 0.9), with the pool's start-up
   (the pool as ``govdoc ingest`` starts it) and without it (a pool started, its workers loaded,
   before the clock starts).  Also prints JSON+text and SQLite index bytes per letter for docs/scale.md,
   and the CPU seconds of each run (coordinator, with the scheduler that runs in its process here,
   and the workers), steadier than wall time on a shared machine.
   The cluster also runs with one file a task (small files not grouped), as before tasks of
   several files.  ``--repeat N`` runs each comparison N times (the order of the runs rotating) and
   prints the median ratios and the load average, as other work on the machine makes single runs
   noisy; ``--scans 0`` leaves the scans out.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))


# -- the coordinator run of part 1, in a child process ------------------------------------------
class NullIndex:
    """An index that accepts every letter and keeps nothing (the memory run measures the coordinator)."""

    def index(self, replies):
        from govdoc.index.base import IndexResult

        return IndexResult(indexed=sum(1 for _ in replies))

    def delete(self, letter_ids):
        pass

    def close(self):
        pass


def trivial_task(job, opts, limit):
    """Run on a worker instead of parsing: a tiny letter named after the file's bytes."""
    from distributed import get_worker

    from govdoc.cluster.task import Parsed
    from govdoc.ingest.worker import Outcome

    sha = hashlib.sha256(job.data if job.data is not None else Path(job.path).read_bytes()).hexdigest()
    reply = {"source": {"path": job.path, "sha256": sha, "format": "text", "pages": 1}, "kind": "reply"}
    outcome = Outcome(job.path, sha256=sha, letter_id=sha[:16], kind="reply", pages=1, reply=reply,
                      worker=get_worker().address)
    return Parsed(outcome, "x")


def vm(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def coordinator(address: str, inbox: str, data: str) -> None:
    from govdoc.cluster import ClusterDispatch, connect
    from govdoc.ingest import Settings, ingest

    client = connect(address)
    settings = Settings(Path(data), workers=2, batch_size=500)
    dispatch = ClusterDispatch(client, address, settings.timeout, settings.timeout_per_page, task=trivial_task)
    t0 = time.perf_counter()
    summary = ingest([Path(inbox)], settings, NullIndex, dispatch=dispatch)
    seconds = time.perf_counter() - t0
    client.close()
    print(json.dumps({"files": summary.total, "parsed": summary.parsed, "indexed": summary.indexed,
                      "seconds": seconds, "hwm": vm("VmHWM"), "rss": vm("VmRSS")}))


def small_files(folder: Path, n: int) -> None:
    """n distinct small text files, 1000 to a folder."""
    for i in range(n):
        sub = folder / f"{i // 1000:04d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"f{i:07d}.txt").write_text(f"许昌市生态环境局 第{i}号\n", encoding="utf-8")


def memory_run(address: str, tmp: Path, n: int) -> dict:
    inbox, data = tmp / f"small-{n}", tmp / f"data-{n}"
    small_files(inbox, n)
    out = subprocess.run([sys.executable, __file__, "--coordinator", address, str(inbox), str(data)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- part 2: throughput -------------------------------------------------------------------------
def sqlite_index(data: Path):
    from govdoc.index.backends import open_backend

    return lambda: open_backend("sqlite", data)


def cpu_seconds(pids: list[int]) -> float:
    """CPU time (user + system, all threads) of this process and of ``pids`` so far."""
    import psutil

    return sum(sum(psutil.Process(pid).cpu_times()[:2]) for pid in [os.getpid(), *pids])


def timed(inbox: Path, data: Path, dispatch=None, pids: list[int] | None = None) -> dict:
    """One ingest: seconds, and (given the workers' ``pids``) CPU seconds of the coordinator and workers."""
    from govdoc.ingest import Settings, ingest

    settings = Settings(data, workers=2)
    cpu0, t0 = cpu_seconds(pids or []), time.perf_counter()
    summary = ingest([inbox], settings, sqlite_index(data), dispatch=dispatch)
    seconds, cpu = time.perf_counter() - t0, cpu_seconds(pids or []) - cpu0
    json_bytes = sum(p.stat().st_size for p in (data / "json").iterdir())
    return {"files": summary.parsed, "failed": summary.failed, "pages": summary.pages, "seconds": seconds,
            "cpu": cpu if pids else None, "json_bytes": json_bytes,
            "index_bytes": (data / "index.sqlite").stat().st_size}


def started_pool(data: Path):
    """A local pool of 2 workers for an ingest into ``data``, started and ready (spaCy, OCR engine
    loaded) before the clock starts, as the cluster's workers are: a Dispatch that hands it out."""
    from contextlib import nullcontext

    from govdoc.ingest import Settings
    from govdoc.ingest.pool import WorkerPool
    from govdoc.ingest.worker import Options

    settings = Settings(data, workers=2)
    opts = Options(str(data / "json"), ocr=settings.ocr, max_pages=settings.max_pages, reader=settings.reader)
    pool = WorkerPool(2, opts, settings.timeout, settings.timeout_per_page)
    for slot in pool.slots:  # each worker says "ready" once loaded
        if slot.conn.recv() != "ready":
            raise RuntimeError("a pool worker did not start")
        slot.ready = True
    return pool, (lambda opts, waiting: nullcontext(pool))


def compare(make, tmp: Path, name: str, run: int, worker_pids: list[int]) -> dict:
    """The same inbox through the local pool started by the ingest (as a user runs it), through a
    pool started beforehand (steady state), through the cluster and through the cluster with one
    file a task, in an order that rotates from run to run; prints them and the ratios."""
    sides = ("pool", "warm pool", "cluster", "cluster 1")
    order = sides[run % 4:] + sides[:run % 4]
    results = {}
    for side in order:
        data = tmp / f"data-{side.replace(' ', '-')}-{name}-{run}"
        if side == "warm pool":
            pool, dispatch = started_pool(data)
            with pool:
                results[side] = timed(tmp / name, data, dispatch, [slot.process.pid for slot in pool.slots])
        elif side == "pool":
            results[side] = timed(tmp / name, data)
        else:
            dispatch = make() if side == "cluster" else make(files_per_task=1)
            results[side] = timed(tmp / name, data, dispatch, worker_pids)
    cluster = results["cluster"]
    with_startup = results["pool"]["seconds"] / cluster["seconds"]
    steady = results["warm pool"]["seconds"] / cluster["seconds"]
    print(f"{name} (run {run + 1}, order {' / '.join(order)}, load average {os.getloadavg()[0]:.1f}):")
    labels = {"pool": "local pool, 2 processes", "warm pool": "the same, started beforehand",
              "cluster": "dask, 2 workers x 1 thread", "cluster 1": "the same, one file a task"}
    for side in sides:
        r = results[side]
        cpu = f", {r['cpu']:.1f} CPU-s" if r["cpu"] is not None else ""
        print(f"  {labels[side]:30s} {r['files']} files ({r['failed']} failed), {r['pages']} pages in {r['seconds']:.1f} s"
              f"{cpu}: {r['files'] / r['seconds']:.1f} files/s, {r['pages'] / r['seconds']:.2f} pages/s")
    one = results["warm pool"]["seconds"] / results["cluster 1"]["seconds"]
    print(f"  cluster / pool: {with_startup:.2f}x with the pool's start-up, {steady:.2f}x without it (target >= 0.9); "
          f"one file a task: {one:.2f}x without it")
    return {"pool": results["pool"], "with": with_startup, "without": steady, "one": one,
            "cpu": {side: results[side]["cpu"] for side in ("warm pool", "cluster", "cluster 1")}}


def medians(name: str, runs: list[dict]) -> None:
    if len(runs) < 2:
        return
    each = ", ".join(f"{r['without']:.2f}" for r in runs)
    print(f"{name}, median of {len(runs)} runs: cluster / pool {statistics.median(r['with'] for r in runs):.2f}x "
          f"with the pool's start-up, {statistics.median(r['without'] for r in runs):.2f}x without it (each: {each}); "
          f"one file a task: {statistics.median(r['one'] for r in runs):.2f}x without it")
    cpu = {side: statistics.median(r["cpu"][side] for r in runs) for side in runs[0]["cpu"]}
    print(f"{name}, median CPU seconds (coordinator with the in-process scheduler, and workers): " +
          ", ".join(f"{side} {value:.1f}" for side, value in cpu.items()))


def throughput(client, address: str, tmp: Path, letters: int, scans: int, repeat: int) -> None:
    from cluster_helpers import synthesize_inbox
    from govdoc.cluster import ClusterDispatch
    from govdoc.ingest.run import DEFAULT_PER_PAGE, DEFAULT_TIMEOUT

    synthesize_inbox(tmp / "warm", 8, ["d001.g4.tif", "d002.g4.tif"], bad=False)
    synthesize_inbox(tmp / "text", letters, [], bad=False)
    synthesize_inbox(tmp / "scans", 0, [f"d{i:03d}.g4.tif" for i in range(5, 5 + scans)], bad=False)
    make = lambda **options: ClusterDispatch(client, address, DEFAULT_TIMEOUT, DEFAULT_PER_PAGE, **options)  # noqa: E731
    timed(tmp / "warm", tmp / "data-warm", make())  # plugin loaded, OCR kernels prepared
    print("the cluster's workers are up already (a long-running service); the pool is measured as a run starts it "
          "and started beforehand")
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    pids = list(client.run(os.getpid).values())
    text_runs = [compare(make, tmp, "text", run, pids) for run in range(repeat)]
    medians("text", text_runs)
    if scans:
        medians("scans", [compare(make, tmp, "scans", run, pids) for run in range(repeat)])
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    text = text_runs[0]["pool"]
    print(f"JSON + text per letter: {text['json_bytes'] / max(1, text['files']) / 1024:.1f} KiB; "
          f"SQLite index per letter: {text['index_bytes'] / max(1, text['files']) / 1024:.1f} KiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=100_000)
    ap.add_argument("--letters", type=int, default=400)
    ap.add_argument("--scans", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each throughput comparison (medians printed)")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--coordinator", nargs=3, metavar=("ADDRESS", "INBOX", "DATA"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.coordinator:
        return coordinator(*args.coordinator)
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory(prefix="govdoc-bench-cluster-") as tmp, \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            cluster.get_client() as client:
        if not args.skip_memory:
            print("coordinator memory (trivial task on the workers; walk, state, dispatch, JSON, batches):")
            runs = [memory_run(cluster.scheduler_address, Path(tmp), n) for n in (args.small, args.large)]
            for r in runs:
                print(f"  {r['files']:>7} files: peak RSS {r['hwm'] / 2**20:.0f} MiB (now {r['rss'] / 2**20:.0f} MiB), "
                      f"{r['parsed'] / r['seconds']:.0f} files/s")
            print(f"  peak RSS {args.large} / {args.small} files: {runs[1]['hwm'] / runs[0]['hwm']:.2f} (target <= 1.5)")
        if not args.skip_throughput:
            print("throughput, real parsing, same files:")
            throughput(client, cluster.scheduler_address, Path(tmp), args.letters, args.scans, max(1, args.repeat))


if __name__ == "__main__":
    main()
