"""``govdoc ingest --cluster``: files parsed on Dask workers (a real scheduler and two workers on
127.0.0.1), the coordinator the single writer of state and index.  A worker killed mid-run (in
the middle of a task of several letters), or the coordinator killed and restarted: every letter
indexed exactly once, bad files reported, and a further run does nothing.  A file that kills its
worker, or hangs, in a task with other letters fails alone."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cluster_helpers import LocalCluster, synthesize_inbox
from ingest_helpers import done_count, index_letter_ids, states

GOVDOC = str(Path(sys.executable).with_name("govdoc"))


@pytest.fixture(scope="module")
def cluster():
    local = LocalCluster(allowed_failures=1)
    local.ensure_workers(2)
    client = local.client()
    client.wait_for_workers(2, timeout=120)
    try:
        yield local, client
    finally:
        client.close()
        local.stop()


def ingest_cmd(inbox: Path, data: Path, address: str, *extra: str) -> list[str]:
    return [GOVDOC, "ingest", str(inbox), "--data", str(data), "--cluster", address, "--no-progress", *extra]


def assert_indexed_once(data: Path, kinds: dict[str, str]) -> None:
    st = states(data)
    assert set(st) == set(kinds)
    assert {n for n, (s, _e, _l) in st.items() if s == "failed"} == {n for n, k in kinds.items() if k == "bad"}
    assert {s for n, (s, _e, _l) in st.items() if kinds[n] == "ok"} == {"ok"}
    ids = index_letter_ids(data)
    expected = {lid for s, _e, lid in st.values() if s == "ok"}
    assert len(ids) == len(set(ids)) and set(ids) == expected
    assert {p.stem for p in (data / "json").glob("*.json")} == expected
    assert {p.stem for p in (data / "json").glob("*.txt")} == expected


def assert_nothing_to_do(inbox: Path, data: Path, address: str, kinds: dict[str, str]) -> None:
    again = subprocess.run(ingest_cmd(inbox, data, address), capture_output=True, text=True, timeout=300)
    n_ok = sum(k == "ok" for k in kinds.values())
    assert re.search(r"│ parsed\s*│\s*0\s*│", again.stdout), again.stdout
    assert re.search(rf"skipped \(unchanged\)\s*│\s*{n_ok}\s*│", again.stdout), again.stdout


def test_cluster_ingest_worker_killed_midway_loses_nothing(tmp_path, cluster):
    local, client = cluster
    local.ensure_workers(2)
    client.wait_for_workers(2, timeout=120)
    kinds = synthesize_inbox(tmp_path / "inbox", 200, ["d001.g4.tif", "d002.g4.tif", "d003.g4.tif"])
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    proc = subprocess.Popen(ingest_cmd(inbox, data, local.address), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert local.kill_busy_worker(client), "no worker became busy"
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1, stdout + stderr  # the two bad files
    assert_indexed_once(data, kinds)
    failed = {line.split(": ")[1].rsplit("/", 1)[-1] for line in stdout.splitlines() if line.startswith("failed: ")}
    assert failed == {"empty.txt", "noise.bin"}
    assert re.search(r"tcp://127\.0\.0\.1:\d+: files / pages", stdout), stdout  # per-worker throughput
    assert_nothing_to_do(inbox, data, local.address, kinds)


def test_cluster_ingest_coordinator_killed_and_restarted(tmp_path, cluster):
    local, client = cluster
    local.ensure_workers(2)
    client.wait_for_workers(2, timeout=120)
    kinds = synthesize_inbox(tmp_path / "inbox", 120, ["d004.g4.tif"], bad=True)
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    cmd = ingest_cmd(inbox, data, local.address, "--ship-bytes-under", "0")  # workers read the shared path
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 240
    while done_count(data) < 5 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < done_count(data) < len(kinds)
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 1, rerun.stdout + rerun.stderr  # the bad files, reported again
    assert_indexed_once(data, kinds)
    assert_nothing_to_do(inbox, data, local.address, kinds)


def test_cluster_ingest_poison_and_hanging_files_fail_with_one_line(tmp_path, cluster):
    from govdoc.cluster import ClusterDispatch
    from govdoc.index.backends import open_backend
    from govdoc.ingest import Settings, ingest

    local, client = cluster
    local.ensure_workers(2)
    client.wait_for_workers(2, timeout=120)
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    kinds = synthesize_inbox(inbox, 4, [], bad=False)
    (inbox / "poison.txt").write_text("许昌市生态环境局\n", encoding="utf-8")
    (inbox / "hang.txt").write_text("许昌市生态环境局\n", encoding="utf-8")
    settings = Settings(data, timeout=3, timeout_per_page=0, reader="cluster_helpers:read_or_die")
    dispatch = ClusterDispatch(client, local.address, settings.timeout, settings.timeout_per_page)
    # all six are small text files: one task, which the hanging file ends early and the poison kills
    assert [len(t) for t in dispatch.tasks(str(p) for p in sorted(inbox.iterdir()))] == [len(kinds) + 2]
    summary = ingest([inbox], settings, lambda: open_backend("sqlite", data), dispatch=dispatch)
    reasons = {Path(p).name: r for p, r in summary.failures}
    assert reasons == {
        "poison.txt": "its worker process died 2 times (a crash or out of memory in a library); given up, "
                      "--retry-failed tries it again",
        "hang.txt": "timed out after 3 s (raise --timeout)"}
    assert summary.parsed == len(kinds) and len(index_letter_ids(data)) == len(kinds)


def test_cluster_ingest_unreachable_scheduler_is_one_line(tmp_path):
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    synthesize_inbox(inbox, 2, [], bad=False)
    address = f"tcp://127.0.0.1:{__import__('cluster_helpers').free_port()}"
    run = subprocess.run(ingest_cmd(inbox, data, address), capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"error: cannot reach the Dask scheduler at {address}: ")
    assert not (data / "state.sqlite").exists()


def test_cluster_ingest_writes_the_same_files_as_the_local_pool(tmp_path, cluster):
    from govdoc.cluster import ClusterDispatch
    from govdoc.index.backends import open_backend
    from govdoc.ingest import Settings, ingest

    local, client = cluster
    local.ensure_workers(2)
    client.wait_for_workers(2, timeout=120)
    inbox = tmp_path / "inbox"
    synthesize_inbox(inbox, 5, [], bad=False)
    written = {}
    for name, dispatch in (("pool", None), ("cluster", ClusterDispatch(client, local.address, 60, 10))):
        data = tmp_path / name
        settings = Settings(data, workers=1)
        summary = ingest([inbox], settings, lambda: open_backend("sqlite", data), dispatch=dispatch)
        assert summary.parsed == 5 and summary.failed == 0
        written[name] = {p.name: p.read_bytes() for p in sorted((data / "json").iterdir())}
    assert len(written["pool"]) == 10 and written["cluster"] == written["pool"]
