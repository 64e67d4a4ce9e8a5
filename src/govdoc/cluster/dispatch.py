"""The coordinator's side of cluster ingest: submit a bounded window of parse tasks, collect
them as they complete, write each letter's JSON and text, and turn the cluster's failures into
outcomes the ingest summary reports.

- A worker lost mid-task: the scheduler runs its tasks again on another worker.  A file that
  kills its worker every time is given up by the scheduler after ``allowed-failures`` deaths
  (Dask's setting, default 3) and reported failed, with one line saying so.
- The scheduler lost: :class:`ClusterError`; every outcome already received is recorded, the
  rest is parsed by the next run.
"""
from __future__ import annotations

import os
from concurrent.futures import CancelledError
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from govdoc.cluster.connect import allowed_failures
from govdoc.cluster.plugin import ParserPlugin
from govdoc.cluster.task import Job, Limit, Parsed, parse_task
from govdoc.errors import ClusterError
from govdoc.ingest.worker import Options, Outcome, write_letter

SHIP_BYTES_UNDER = 20 * 1024 * 1024  # files smaller than this travel with their task
TASKS_PER_THREAD = 8  # the window: tasks submitted and not yet collected, per worker thread
MIN_WINDOW = 16


@dataclass
class ClusterDispatch:
    client: object  # a distributed.Client
    address: str
    timeout: float
    per_page: float
    ship_under: int = SHIP_BYTES_UNDER
    task: Callable[[Job, Options, Limit], Parsed] = parse_task  # what a worker runs (benchmarks swap it)
    opts: Optional[Options] = None
    running: dict = field(default_factory=dict)  # future → path

    def __call__(self, opts: Options, waiting: int) -> "ClusterDispatch":
        self.opts = opts
        return self

    def __enter__(self) -> "ClusterDispatch":
        self._call("loading the parser on the workers",
                   lambda: self.client.register_plugin(ParserPlugin(self.opts.ocr)))
        return self

    def __exit__(self, *exc) -> None:
        for future in list(self.running):
            future.cancel()
        self.running.clear()

    def _call(self, what: str, fn):
        try:
            return fn()
        except (OSError, CancelledError) as exc:  # CommClosedError is an OSError
            raise ClusterError(f"lost the Dask scheduler at {self.address} while {what} ({type(exc).__name__}); "
                               "what was received is recorded, run again to finish") from None
        except Exception as exc:  # noqa: BLE001 - the library's other errors become one line too
            raise ClusterError(f"Dask scheduler at {self.address}: {what} failed: {type(exc).__name__}: "
                               f"{str(exc).splitlines()[0] if str(exc) else ''}") from None

    def window(self) -> int:
        threads = sum(self._call("counting worker threads", self.client.nthreads).values())
        return max(MIN_WINDOW, TASKS_PER_THREAD * threads)

    def job(self, path: str) -> Job:
        try:
            small = os.stat(path).st_size < self.ship_under
            return Job(path, Path(path).read_bytes() if small else None)
        except OSError:  # gone or unreadable here: let the worker say why
            return Job(path)

    def submit(self, path: str):
        limit = Limit(self.timeout, self.per_page)
        future = self._call("submitting a task", lambda: self.client.submit(
            self.task, self.job(path), self.opts, limit, pure=False, key=f"govdoc-parse-{os.urandom(8).hex()}"))
        self.running[future] = path
        return future

    def map(self, paths: Iterable[str]) -> Iterator[Outcome]:
        """Outcomes in completion order, one per path, at most :meth:`window` tasks out at a time."""
        from distributed import as_completed

        queue = iter(paths)
        done = as_completed([self.submit(p) for p in islice(queue, self.window())], loop=self.client.loop)
        for future in done:
            yield self.collect(future)
            for path in islice(queue, 1):
                done.add(self.submit(path))

    def collect(self, future) -> Outcome:
        path = self.running.pop(future)
        try:
            parsed = self.result(future, path)
        finally:
            future.release()
        outcome = parsed.outcome
        if outcome.ok:
            try:
                write_letter(Path(self.opts.json_dir), outcome.letter_id, outcome.reply, parsed.text or "")
            except OSError as exc:  # disk full, permissions: the file fails, its reason says where
                return Outcome(path, sha256=outcome.sha256, worker=outcome.worker,
                               error=f"cannot write {self.opts.json_dir}/{outcome.letter_id}.json: {exc.strerror or exc}")
        return outcome

    def result(self, future, path: str) -> Parsed:
        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker:
            return Parsed(Outcome(path, error=self.killed_reason()))
        except (CancelledError, OSError) as exc:
            raise ClusterError(f"lost the Dask scheduler at {self.address} ({type(exc).__name__}); what was "
                               "received is recorded, run again to finish") from None
        except Exception as exc:  # noqa: BLE001 - an error inside the task: that file fails alone
            return Parsed(Outcome(path, error=f"internal error on a cluster worker: {type(exc).__name__}: {exc}"))

    def killed_reason(self) -> str:
        try:
            tries = self.client.run_on_scheduler(allowed_failures) + 1
        except Exception:  # noqa: BLE001 - the number is a detail of the message
            tries = None
        times = f"{tries} times" if tries else "every time it was tried"
        return (f"its worker process died {times} (a crash or out of memory in a library); "
                "given up, --retry-failed tries it again")

