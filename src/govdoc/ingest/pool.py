"""Worker processes with a per-file time limit.

``concurrent.futures`` cannot stop one stuck task, so each worker here is a 'spawn' process
with its own pipe: a file that runs past its limit gets its worker killed (SIGKILL) and
replaced, and is reported "timed out after S s".  The limit is ``timeout`` seconds plus
``per_page`` seconds for each page, once the worker has counted them (a long scanned PDF gets
the time its OCR needs).  A worker that dies (a crash in a C library,
the OOM killer) is reported and replaced the same way.  The batch always goes on.
"""
from __future__ import annotations

import multiprocessing as mp
import time
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Iterable, Iterator, Optional

from govdoc.ingest.worker import Options, Outcome, worker_main

START_TIMEOUT = 300.0  # seconds a new worker may take to load spaCy and the OCR engine
MAX_START_FAILURES = 3  # workers that die before they are ready, before the run gives up


def timeout_reason(timeout: float, per_page: float, pages: int) -> str:
    """Why a file was stopped: its limit, and how it was made, in the options' terms."""
    limit = timeout + per_page * pages
    if not per_page:
        return f"timed out after {limit:g} s (raise --timeout)"
    pages_text = f"{pages} page{'s' if pages != 1 else ''}"
    return (f"timed out after {limit:g} s ({timeout:g} s + {per_page:g} s a page for {pages_text}; "
            "raise --timeout or --timeout-per-page)")


@dataclass
class Slot:
    process: mp.process.BaseProcess
    conn: object
    started: float
    ready: bool = False
    path: Optional[str] = None
    since: float = 0.0
    pages: int = 1


class WorkerPool:
    def __init__(self, workers: int, opts: Options, timeout: float, per_page: float = 0.0):
        self.ctx = mp.get_context("spawn")
        self.opts = opts
        self.timeout = timeout
        self.per_page = per_page
        self.start_failures = 0
        self.slots: list[Slot] = [self._spawn() for _ in range(max(1, workers))]

    def _spawn(self) -> Slot:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=worker_main, args=(child, self.opts), daemon=True)
        proc.start()
        child.close()
        return Slot(proc, parent, time.monotonic())

    def _replace(self, slot: Slot) -> None:
        if slot.process.is_alive():
            slot.process.kill()
        slot.process.join(5)
        slot.conn.close()
        self.slots[self.slots.index(slot)] = self._spawn()

    def map(self, paths: Iterable[str]) -> Iterator[Outcome]:
        """Outcomes in completion order, one per path; paths are taken from the iterable only
        when a worker is free for them."""
        queue, more = iter(paths), True
        while more or any(s.path for s in self.slots):
            for slot in self.slots:
                if more and slot.ready and slot.path is None:
                    path = next(queue, None)
                    if path is None:
                        more = False
                        break
                    slot.path, slot.since, slot.pages = path, time.monotonic(), 1
                    slot.conn.send(slot.path)
            ready = wait([s.conn for s in self.slots] + [s.process.sentinel for s in self.slots],
                         timeout=self._next_deadline())
            for slot in list(self.slots):
                if slot.conn in ready or slot.process.sentinel in ready:
                    yield from self._collect(slot)
            yield from self._expire()

    def _collect(self, slot: Slot) -> Iterator[Outcome]:
        try:
            while slot.conn.poll():
                msg = slot.conn.recv()
                if msg == "ready":
                    slot.ready = True
                elif isinstance(msg, tuple) and msg[0] == "pages":
                    slot.pages = max(1, int(msg[1]))
                elif isinstance(msg, Outcome):
                    slot.path = None
                    msg.worker = self.name(slot)
                    yield msg
            if slot.process.is_alive():
                return
        except (EOFError, OSError):
            pass
        slot.process.join(5)
        code = slot.process.exitcode
        if slot.path:  # died while working on a file
            yield Outcome(slot.path, error=f"worker crashed (exit code {code}) while reading the file",
                          worker=self.name(slot))
        elif not slot.ready:
            self.start_failures += 1
            if self.start_failures > MAX_START_FAILURES:
                raise RuntimeError(f"ingest workers fail to start (exit code {code}); see the messages above")
        self._replace(slot)

    def name(self, slot: Slot) -> str:
        """The slot's name in the summary (a replaced worker keeps its slot's name)."""
        return f"local worker {self.slots.index(slot) + 1}"

    def limit(self, slot: Slot) -> float:
        """Seconds the slot's current file may take."""
        return self.timeout + self.per_page * slot.pages

    def timeout_reason(self, slot: Slot) -> str:
        return timeout_reason(self.timeout, self.per_page, slot.pages)

    def _next_deadline(self) -> float:
        now = time.monotonic()
        limits = [s.since + self.limit(s) - now for s in self.slots if s.path]
        limits += [s.started + START_TIMEOUT - now for s in self.slots if not s.ready]
        return max(0.05, min(limits, default=1.0))

    def _expire(self) -> Iterator[Outcome]:
        now = time.monotonic()
        for slot in list(self.slots):
            if slot.path and now - slot.since > self.limit(slot):
                path, reason, name = slot.path, self.timeout_reason(slot), self.name(slot)
                self._replace(slot)
                yield Outcome(path, error=reason, worker=name)
            elif not slot.ready and now - slot.started > START_TIMEOUT:
                raise RuntimeError(f"an ingest worker did not start within {START_TIMEOUT:g} s")

    def close(self) -> None:
        for slot in self.slots:
            try:
                slot.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
        for slot in self.slots:
            slot.process.join(5)
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join(5)
            slot.conn.close()

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
