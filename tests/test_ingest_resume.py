"""A run killed with SIGKILL in the middle and started again finishes the rest: every file
parsed and indexed once, none lost, none duplicated."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from ingest_helpers import REAL, copy_letters, done_count, index_letter_ids, states

GOVDOC = [str(Path(sys.executable).with_name("govdoc"))]


def ingest_cmd(inbox: Path, data: Path) -> list[str]:
    return [*GOVDOC, "ingest", str(inbox), "--data", str(data), "--workers", "2", "--no-progress"]


def test_ingest_killed_midway_resumes_without_loss_or_duplicates(tmp_path):
    names = sorted(p.stem for p in REAL.glob("d0*.txt"))
    inbox = tmp_path / "inbox"
    copy_letters(inbox, names)
    data = tmp_path / "data"
    proc = subprocess.Popen(ingest_cmd(inbox, data), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 240
    while done_count(data) < 5 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = done_count(data)
    assert 0 < killed_at < len(names)

    rerun = subprocess.run(ingest_cmd(inbox, data), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    st = states(data)
    assert len(st) == len(names) and {s for s, _e, _l in st.values()} == {"ok"}
    ids = index_letter_ids(data)
    expected = {lid for _s, _e, lid in st.values()}
    assert len(ids) == len(set(ids)) and set(ids) == expected
    assert {p.stem for p in (data / "json").glob("*.json")} == expected
    assert {p.stem for p in (data / "json").glob("*.txt")} == expected  # the text beside each JSON

    again = subprocess.run(ingest_cmd(inbox, data), capture_output=True, text=True, timeout=600)
    assert again.returncode == 0
    assert re.search(rf"skipped \(unchanged\)\s*│\s*{len(names)}\s*│", again.stdout), again.stdout
