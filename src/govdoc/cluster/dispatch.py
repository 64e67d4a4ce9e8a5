"""The coordinator's side of cluster ingest: submit a bounded window of parse tasks, collect
them as they complete, write each letter's JSON and text, and turn the cluster's failures into
outcomes the ingest summary reports.

- Small born-digital files share a task (:func:`shares_a_task`: at most :data:`FILES_PER_TASK`
  files and :data:`TASK_BYTES` bytes), so that a text letter parsed in 15 ms does not pay a
  task's round trips on its own; a PDF or an image (perhaps a scan for OCR) and any larger file
  gets a task of its own.  Outcomes are still one per file, each file keeps its own time limit,
  and a file that fails, fails alone.
- A worker lost mid-task: the scheduler runs the task again on another worker; its outcomes
  arrive once, when a run of it completes.  A task that kills its worker every time is given up
  by the scheduler after ``allowed-failures`` deaths (Dask's setting, default 3): a task of one
  file is reported failed, with one line saying so; a task of several is sent again as one task
  per file, so that only the file that kills its worker fails (it meets the limit again alone).
- A file that runs past its limit retires its worker (see :mod:`govdoc.cluster.task`); the files
  of its task not reached yet are sent again.
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
from govdoc.cluster.task import Job, Limit, Parsed, parse_files, parse_task
from govdoc.errors import BadInput, ClusterError
from govdoc.ingest.worker import Options, Outcome, write_letter
from govdoc.read.detect import detect_format

SHIP_BYTES_UNDER = 20 * 1024 * 1024  # files smaller than this travel with their task
TASKS_PER_THREAD = 8  # the window: tasks submitted and not yet collected, per worker thread
MIN_WINDOW = 16
FILES_PER_TASK = 8  # small born-digital files parsed in one task
TASK_BYTES = 256 * 1024  # ... and at most this many bytes of them
SMALL_FILE_BYTES = 64 * 1024  # a file may share a task up to this size (a text letter is 2-10 KB)
OWN_TASK_FORMATS = frozenset({"pdf", "image"})  # may need OCR (seconds a page): always a task of their own
HEAD_BYTES = 4096  # what format detection reads


def shares_a_task(path: str, size: int, head: bytes) -> bool:
    """A small file whose content is not a PDF or an image: parsed in milliseconds (text, HTML,
    DOCX, OFD) or refused at once (binary, empty, a misnamed file)."""
    if size > SMALL_FILE_BYTES:
        return False
    try:
        return detect_format(Path(path), head) not in OWN_TASK_FORMATS
    except BadInput:  # refused by its name and content: fails at once
        return True


def read_head(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(HEAD_BYTES)


@dataclass
class ClusterDispatch:
    client: object  # a distributed.Client
    address: str
    timeout: float
    per_page: float
    ship_under: int = SHIP_BYTES_UNDER
    task: Callable[[Job, Options, Limit], Parsed] = parse_task  # what a worker runs per file (benchmarks swap it)
    files_per_task: int = FILES_PER_TASK
    opts: Optional[Options] = None
    running: dict = field(default_factory=dict)  # future → its jobs

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

    def job(self, path: str) -> tuple[Job, bool]:
        """The file as a task input (its bytes, when small enough to travel), and whether it may
        share a task with other small files."""
        try:
            size = os.stat(path).st_size
            if size < self.ship_under:
                job = Job(path, Path(path).read_bytes())
                return job, shares_a_task(path, size, job.data[:HEAD_BYTES])
            return Job(path), size <= SMALL_FILE_BYTES and shares_a_task(path, size, read_head(path))
        except OSError:  # gone or unreadable here: let the worker say why
            return Job(path), False

    def tasks(self, paths: Iterable[str]) -> Iterator[list[Job]]:
        """The files as tasks, lazily: small born-digital ones in groups, the others alone."""
        group: list[Job] = []
        size = 0
        for path in paths:
            job, shares = self.job(path)
            if not shares or self.files_per_task <= 1:
                yield [job]
                continue
            group.append(job)
            size += len(job.data or b"")
            if len(group) >= self.files_per_task or size >= TASK_BYTES:
                yield group
                group, size = [], 0
        if group:
            yield group

    def submit(self, jobs: list[Job]):
        limit = Limit(self.timeout, self.per_page)
        future = self._call("submitting a task", lambda: self.client.submit(
            parse_files, jobs, self.opts, limit, self.task, pure=False, key=f"govdoc-parse-{os.urandom(8).hex()}"))
        self.running[future] = jobs
        return future

    def map(self, paths: Iterable[str]) -> Iterator[Outcome]:
        """Outcomes in completion order, one per path, at most :meth:`window` tasks out at a time
        (and the few sent again after a failure).  Results are fetched in the background as tasks
        finish, not while this thread records the previous ones."""
        from distributed import as_completed

        tasks = self.tasks(paths)
        done = as_completed([self.submit(jobs) for jobs in islice(tasks, self.window())], loop=self.client.loop,
                            with_results=True, raise_errors=False)
        for future, value in done:
            outcomes, again = self.collect(future, value)
            for jobs in [*again, *islice(tasks, 0 if again else 1)]:
                done.add(self.submit(jobs))
            yield from outcomes

    def collect(self, future, value) -> tuple[list[Outcome], list[list[Job]]]:
        """The outcomes of a finished task (its letters written), and the tasks to send again."""
        jobs = self.running.pop(future)
        try:
            parsed, again = self.result(future, value, jobs)
        finally:
            future.release()
        return [self.written(p) for p in parsed], again

    def written(self, parsed: Parsed) -> Outcome:
        """The file's outcome, once its letter's text and JSON are written (the JSON as the worker
        made it; a swapped task may send only the letter)."""
        outcome = parsed.outcome
        if outcome.ok:
            try:
                write_letter(Path(self.opts.json_dir), outcome.letter_id, parsed.json or outcome.reply,
                             parsed.text or "")
            except OSError as exc:  # disk full, permissions: the file fails, its reason says where
                where = f"{self.opts.json_dir}/{outcome.letter_id}.json"
                return Outcome(outcome.path, sha256=outcome.sha256, worker=outcome.worker,
                               error=f"cannot write {where}: {exc.strerror or exc}")
        return outcome

    def result(self, future, value, jobs: list[Job]) -> tuple[list[Parsed], list[list[Job]]]:
        """``(one Parsed per file answered, tasks to send again)``: the files a retiring worker did
        not reach, or each file of a task that failed as a whole, alone.  ``value`` is what the
        task returned, or (for a task that failed) what ``future.result()`` raises says why."""
        from distributed import KilledWorker

        try:
            parsed = value if future.status == "finished" else future.result()
        except KilledWorker:
            if len(jobs) > 1:
                return [], [[job] for job in jobs]
            return [Parsed(Outcome(jobs[0].path, error=self.killed_reason()))], []
        except (CancelledError, OSError) as exc:
            raise ClusterError(f"lost the Dask scheduler at {self.address} ({type(exc).__name__}); what was "
                               "received is recorded, run again to finish") from None
        except Exception as exc:  # noqa: BLE001 - an error inside the task, outside any one file's parse
            if len(jobs) > 1:
                return [], [[job] for job in jobs]
            return [Parsed(Outcome(jobs[0].path, error=f"internal error on a cluster worker: {type(exc).__name__}: "
                                                       f"{exc}"))], []
        left = jobs[len(parsed):]
        return parsed, [left] if left else []

    def killed_reason(self) -> str:
        try:
            tries = self.client.run_on_scheduler(allowed_failures) + 1
        except Exception:  # noqa: BLE001 - the number is a detail of the message
            tries = None
        times = f"{tries} times" if tries else "every time it was tried"
        return (f"its worker process died {times} (a crash or out of memory in a library); "
                "given up, --retry-failed tries it again")

