"""Helpers for the cluster tests: a Dask scheduler and workers on 127.0.0.1 as subprocesses
(killed with SIGKILL when a test says so), an inbox of distinct letters synthesized from the
corpus with a few scans and bad files, and readers that hang or kill their worker."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "corpora" / "real"
SCANS = ROOT / "corpora" / "scans"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalCluster:
    """``dask scheduler`` and ``dask worker --nthreads 1`` processes, each in its own session."""

    def __init__(self, allowed_failures: int = 1):
        self.address = f"tcp://127.0.0.1:{free_port()}"
        # worker-saturation 1.0: a worker holds only the task it runs, so a crash blames that task alone
        self.env = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": str(allowed_failures),
                    "DASK_DISTRIBUTED__SCHEDULER__WORKER_SATURATION": "1.0",
                    "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), os.environ.get("PYTHONPATH", "")])}
        port = self.address.rsplit(":", 1)[1]
        self.scheduler = self._spawn("scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard")
        self.workers: list[subprocess.Popen] = []

    def _spawn(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen([str(BIN / "dask"), *args], env=self.env, start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def ensure_workers(self, n: int) -> None:
        self.workers = [w for w in self.workers if w.poll() is None]
        while len(self.workers) < n:
            self.workers.append(self._spawn("worker", self.address, "--nthreads", "1", "--nworkers", "1",
                                            "--host", "127.0.0.1", "--no-dashboard"))

    def client(self):
        from distributed import Client

        return Client(self.address, timeout=30, set_as_default=False)

    def kill_busy_worker(self, client, deadline: float = 120) -> bool:
        """SIGKILL (nanny and worker) a worker that is running a task; False if none got busy."""
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            busy = [addr for addr, keys in client.processing().items() if keys]
            if busy:
                pid = client.run(os.getpid, workers=[busy[0]]).get(busy[0])
                os.killpg(os.getpgid(pid), signal.SIGKILL)
                return True
            time.sleep(0.02)
        return False

    def stop(self) -> None:
        for proc in [*self.workers, self.scheduler]:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()


def synthesize_inbox(dest: Path, n_text: int, scans: list[str], bad: bool = True) -> dict[str, str]:
    """``n_text`` distinct letters (corpus letters, each with its own archive line), the given
    scans, and (``bad``) an empty file and a binary one.  Returns file name → "ok" / "bad"."""
    dest.mkdir(parents=True, exist_ok=True)
    letters = sorted(REAL.glob("d0*.txt"))
    kinds = {}
    for i in range(n_text):
        src = letters[i % len(letters)]
        text = src.read_text(encoding="utf-8")
        name = f"{src.stem}-v{i:03d}.txt"
        (dest / name).write_text(text.rstrip("\n") + f"\n（档案流水号 GD-{i:05d}）\n", encoding="utf-8")
        kinds[name] = "ok"
    for scan in scans:
        shutil.copy(SCANS / scan, dest / f"scan-{scan}")
        kinds[f"scan-{scan}"] = "ok"
    if bad:
        (dest / "empty.txt").write_bytes(b"")
        (dest / "noise.bin").write_bytes(bytes(range(256)) * 64)
        kinds.update({"empty.txt": "bad", "noise.bin": "bad"})
    return kinds


def read_or_die(path, **options):
    """A reader whose process dies (like a crash in a C library) on files named *poison*, and
    that never returns on files named *hang*."""
    name = Path(path).name
    if "poison" in name:
        os._exit(139)
    if "hang" in name:
        while True:
            time.sleep(60)
    from govdoc.read import read_path

    return read_path(path, **options)
