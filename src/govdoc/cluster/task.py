"""The task a Dask worker runs: one file, or several small ones in turn (:func:`parse_files`),
each through the ingest worker function (:func:`govdoc.ingest.worker.parse_one`, told to write
nothing) under its own time limit; each letter (its dict, for the index), its JSON file, made
here rather than by the coordinator, and its normalized text travel back to the coordinator,
which writes the two files.

A file whose parse runs past its limit cannot be stopped inside the process (OCR and PDF
libraries run in C), so the task answers "timed out" at once and the worker then retires
gracefully (the scheduler moves its work elsewhere without blaming those tasks) and its nanny
starts a fresh process.  A task of several files stops there too and returns what it has: the
coordinator sends the files not reached again.
"""
from __future__ import annotations

import asyncio
import os
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator, Optional

from govdoc.cluster.plugin import scratch_dir
from govdoc.ingest.pool import timeout_reason
from govdoc.ingest.worker import Options, Outcome, letter_json, parse_one

RETIRE_AFTER = 1.0  # seconds between answering "timed out" and retiring the stuck worker process


@dataclass
class Job:
    path: str  # as the coordinator sees it (and records it)
    data: Optional[bytes] = None  # the file's bytes, shipped with the task (files under the size limit)


@dataclass
class Limit:
    timeout: float
    per_page: float

    def seconds(self, pages: int) -> float:
        return self.timeout + self.per_page * pages


@dataclass
class Parsed:
    outcome: Outcome
    text: Optional[str] = None  # the normalized text the JSON's spans point into
    retiring: bool = False  # the file ran past its limit: this worker process is being replaced
    json: Optional[str] = None  # the letter's JSON file (govdoc.ingest.worker.letter_json)


class Watch:
    """The deadline of one file, which grows once its pages are counted."""

    def __init__(self, limit: Limit):
        self.limit, self.pages, self.start = limit, 1, time.monotonic()

    def on_pages(self, n: int) -> None:
        self.pages = max(1, n)

    def left(self) -> float:
        return self.start + self.limit.seconds(self.pages) - time.monotonic()


def run_limited(path: str, opts: Options, limit: Limit, worker) -> tuple[Outcome, bool]:
    """``parse_one`` in a thread of its own, given up on at the deadline: (outcome, given up)."""
    watch, box = Watch(limit), []
    thread = threading.Thread(target=lambda: box.append(parse_one(path, opts, watch.on_pages)),
                              name="govdoc-parse", daemon=True)
    thread.start()
    while thread.is_alive() and watch.left() > 0:
        thread.join(min(max(watch.left(), 0.01), 1.0))
    if not thread.is_alive():
        return (box[0] if box else Outcome(path, error="internal error: the worker function returned nothing")), False
    worker.loop.add_callback(retire, worker)
    return Outcome(path, error=timeout_reason(limit.timeout, limit.per_page, watch.pages)), True


async def retire(worker) -> None:
    """Once the "timed out" answer is stored, close this worker gracefully and have its nanny
    start a fresh process: the stuck parse thread goes with the old one."""
    await asyncio.sleep(RETIRE_AFTER)
    await worker.close_gracefully(restart=True, reason="govdoc: a file ran past its time limit")


@contextmanager
def local_file(job: Job, scratch: Path) -> Iterator[str]:
    """A path this worker can read: the shared path, or the shipped bytes in a scratch file of the
    same name (readers may look at the suffix)."""
    if job.data is None:
        yield job.path
        return
    folder = scratch / "in" / uuid.uuid4().hex
    folder.mkdir(parents=True)
    path = folder / Path(job.path).name
    path.write_bytes(job.data)
    try:
        yield str(path)
    finally:
        path.unlink(missing_ok=True)
        folder.rmdir()


def parse_task(job: Job, opts: Options, limit: Limit) -> Parsed:
    """Run on a Dask worker: parse one file, return its outcome, normalized text and JSON file."""
    from distributed import get_worker

    worker = get_worker()
    scratch = scratch_dir(worker)
    local = replace(opts, write=False)
    if job.data is None and not os.path.exists(job.path):
        return Parsed(Outcome(job.path, error=f"not found on cluster worker {worker.address} (is the folder "
                                              "shared with the workers? else raise --ship-bytes-under)",
                              worker=worker.address))
    with local_file(job, scratch) as path:
        outcome, stuck = run_limited(path, local, limit, worker)
    outcome.path, outcome.worker = job.path, worker.address
    text, outcome.text = outcome.text, None
    if not outcome.ok:
        return Parsed(outcome, retiring=stuck)
    outcome.reply["source"]["path"] = job.path
    return Parsed(outcome, text, retiring=stuck, json=letter_json(outcome.reply))


def parse_files(jobs: list[Job], opts: Options, limit: Limit, task: Callable[[Job, Options, Limit], Parsed] = parse_task
                ) -> list[Parsed]:
    """Run on a Dask worker: ``task`` for each file in turn, one Parsed per file, in order.  A
    file whose task raises fails alone.  After a file that ran past its limit (this worker is
    retiring) the task ends early; the coordinator sends the files not reached again."""
    out: list[Parsed] = []
    for job in jobs:
        try:
            parsed = task(job, opts, limit)
        except Exception as exc:  # noqa: BLE001 - an internal error: that file fails, the others go on
            parsed = Parsed(Outcome(job.path, error=f"internal error on a cluster worker: {type(exc).__name__}: {exc}"))
        out.append(parsed)
        if parsed.retiring:
            break
    return out
