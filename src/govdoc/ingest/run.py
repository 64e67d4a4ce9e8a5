"""``ingest``: folders of letters → JSON per letter + index, resumable, nothing lost.

The plan for each file comes from the state database: unchanged and done → skipped with no
work; parsed earlier but not indexed → indexed from its JSON; new, changed, or failed with
``retry_failed`` → parsed by a worker.  Outcomes are recorded the moment they arrive, so a
run killed at any point is finished by the next one.
"""
from __future__ import annotations

import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from itertools import chain, islice
from typing import Callable, ContextManager, Iterable, Iterator, Optional, Protocol

from govdoc.ingest.batches import BatchIndexer, Retry
from govdoc.ingest.defaults import DEFAULT_MAX_PAGES, DEFAULT_PER_PAGE, DEFAULT_TIMEOUT  # noqa: F401 - re-exported
from govdoc.ingest.pool import WorkerPool
from govdoc.ingest.state import FAILED, NOT_INDEXED, OK, StateDB
from govdoc.ingest.walk import DEFAULT_EXCLUDES, EXCLUDED, PROBLEM, entries
from govdoc.ingest.worker import Options, Outcome, file_sha256


@dataclass
class Settings:
    data_dir: Path
    workers: int = 0  # 0: one per core
    ocr: str = "auto"
    timeout: float = DEFAULT_TIMEOUT
    timeout_per_page: float = DEFAULT_PER_PAGE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDES  # globs of files and folders that are not documents
    max_pages: int = DEFAULT_MAX_PAGES
    retry_failed: bool = False
    batch_size: int = 50
    retry: Retry = field(default_factory=Retry)
    reader: str = "govdoc.read:read_path"


@dataclass
class WorkerLoad:
    """What one worker did in a run: files, pages, and the seconds it spent on them."""
    files: int = 0
    pages: int = 0
    seconds: float = 0.0

    def add(self, outcome: Outcome) -> None:
        self.files += 1
        self.pages += outcome.pages
        self.seconds += outcome.seconds


@dataclass
class Summary:
    total: int = 0
    parsed: int = 0
    skipped: int = 0  # unchanged since a successful run
    skipped_failed: int = 0  # failed before, unchanged, not retried
    excluded: int = 0  # matched an exclude glob (not a document): skipped, not failed
    indexed: int = 0
    not_indexed: int = 0
    pages: int = 0
    ocr_pages: int = 0
    seconds: float = 0.0
    kinds: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    problems: list[str] = field(default_factory=list)  # walk problems, index errors
    index_error: Optional[str] = None
    by_worker: dict[str, WorkerLoad] = field(default_factory=dict)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def by_reason(self) -> Counter:
        """Failures grouped by reason, numbers in the reason folded ("PDF has N pages…")."""
        return Counter(re.sub(r"\d+(?:\.\d+)?", "N", reason) for _path, reason in self.failures)


class Progress:
    """Callbacks the CLI turns into a progress bar; the default does nothing.  The total grows
    while the walk goes on (``found``), so the bar starts before the archive is listed."""

    def start(self, total: Optional[int]) -> None: ...

    def found(self, total: int) -> None: ...

    def advance(self, outcome: Optional[Outcome], summary: Summary) -> None: ...


class Dispatch(Protocol):
    """Runs the worker function over paths: the local :class:`WorkerPool`, or a cluster's.
    Called with the worker options and the number of files known to be waiting (at most the
    number of workers wanted), it returns a context manager whose ``map`` yields one Outcome
    per path, in completion order, after the letter's JSON and text are written."""

    def __call__(self, opts: Options, waiting: int) -> ContextManager: ...


def local_pool(settings: Settings) -> Dispatch:
    """Worker processes on this machine: ``settings.workers`` (0: one per core), fewer when
    fewer files wait."""
    workers = settings.workers or os.cpu_count() or 1
    return lambda opts, waiting: WorkerPool(min(workers, waiting), opts, settings.timeout,
                                            settings.timeout_per_page)


PARSE, INDEX, SKIP = "parse", "index", "skip"


def plan_file(path: Path, state: StateDB, retry_failed: bool, summary: Summary) -> tuple[str, Optional[str]]:
    """What to do with one file: (PARSE, path), (INDEX, letter id parsed earlier) or (SKIP, None);
    counts what is skipped."""
    key = str(path)
    st = path.stat()
    rec = state.get(key)
    if rec and not rec.same_file(st.st_size, st.st_mtime_ns) and rec.sha256 and rec.sha256 == file_sha256(path):
        state.touch(key, st.st_size, st.st_mtime_ns)  # touched, not changed
        rec.size, rec.mtime_ns = st.st_size, st.st_mtime_ns
    if rec is None or not rec.same_file(st.st_size, st.st_mtime_ns):
        return PARSE, key
    if rec.status == FAILED:
        if retry_failed:
            return PARSE, key
        summary.skipped_failed += 1
        summary.failures.append((key, f"{rec.error} (failed before; --retry-failed to try again)"))
        return SKIP, None
    summary.kinds[rec.kind or "other"] += 1
    if rec.status == NOT_INDEXED:
        return INDEX, rec.letter_id
    summary.skipped += 1
    return SKIP, None


def to_parse(paths: Iterable[Path], settings: Settings, state: StateDB, indexer: BatchIndexer,
             summary: Summary, progress: Progress) -> Iterator[str]:
    """The paths to parse, lazily, as the walk finds them; files that need no parsing are counted,
    skipped or queued for indexing on the way, so memory does not grow with the archive."""
    for entry in entries(paths, skip_dir=Path(settings.data_dir), exclude=settings.exclude):
        if entry.kind == EXCLUDED:
            summary.excluded += 1
            continue
        if entry.kind == PROBLEM:
            summary.problems.append(entry.problem)
            continue
        summary.total += 1
        progress.found(summary.total)
        action, value = plan_file(entry.path, state, settings.retry_failed, summary)
        if action == PARSE:
            yield value
            continue
        if action == INDEX and not indexer.add_from_disk(value):
            summary.problems.append(f"{indexer.json_dir / (value + '.json')}: parsed letter missing; re-parse "
                                    "with --retry-failed after deleting its state, or touch the source file")
        progress.advance(None, summary)


def record(outcome: Outcome, state: StateDB, indexer: BatchIndexer, summary: Summary) -> None:
    path = Path(outcome.path)
    try:
        st = path.stat()
        size, mtime = st.st_size, st.st_mtime_ns
    except OSError:
        size = mtime = None
    old = state.get(outcome.path)
    drop = old.letter_id if old else None
    if outcome.ok:
        state.record(outcome.path, size=size, mtime_ns=mtime, sha256=outcome.sha256, letter_id=outcome.letter_id,
                     status=NOT_INDEXED, kind=outcome.kind, pages=outcome.pages, drop_letter=drop)
        summary.parsed += 1
        summary.kinds[outcome.kind or "other"] += 1
        indexer.add(outcome.letter_id, outcome.reply, outcome.blocks)
    else:
        state.record(outcome.path, size=size, mtime_ns=mtime, sha256=outcome.sha256, letter_id=None,
                     status=FAILED, error=outcome.error, drop_letter=drop)
        summary.failures.append((outcome.path, outcome.error))
    summary.pages += outcome.pages
    summary.by_worker.setdefault(outcome.worker or "worker", WorkerLoad()).add(outcome)
    summary.ocr_pages += outcome.pages if outcome.ocr else 0


def parse_all(todo: Iterator[str], settings: Settings, dispatch: Dispatch, record_one: Callable[[Outcome], None]) -> None:
    """Start workers only once a file needs parsing (as many as wanted, fewer when fewer files
    wait), then hand every path to them and record each outcome as it arrives."""
    workers = settings.workers or os.cpu_count() or 1
    first = list(islice(todo, workers))
    if not first:
        return
    opts = Options(str(Path(settings.data_dir) / "json"), ocr=settings.ocr, max_pages=settings.max_pages,
                   reader=settings.reader)
    with dispatch(opts, len(first)) as pool:
        for outcome in pool.map(chain(first, todo)):
            record_one(outcome)


def open_index(backend_factory: Callable[[], object], summary: Summary) -> Optional[object]:
    try:
        return backend_factory()
    except Exception as exc:  # index unreachable or misconfigured: parse anyway
        summary.index_error = f"cannot open the index: {exc}"
        return None


def finish(state: StateDB, indexer: BatchIndexer, backend: Optional[object], summary: Summary) -> None:
    counts = state.counts()
    summary.not_indexed = counts.get(NOT_INDEXED, 0)
    summary.indexed = indexer.indexed
    summary.problems += indexer.findings_errors
    if indexer.last_error and summary.not_indexed:
        summary.index_error = summary.index_error or f"index unavailable: {indexer.last_error}"
    state.close()
    if backend is not None:
        try:
            backend.close()
        except Exception:  # noqa: BLE001 - closing a dead connection is not a failure
            pass


def ingest(paths: Iterable[Path], settings: Settings, backend_factory: Callable[[], object],
           progress: Optional[Progress] = None, dispatch: Optional[Dispatch] = None) -> Summary:
    """Ingest files and folders; ``backend_factory`` opens the index (it may raise: then every
    letter stays on disk, not indexed); ``dispatch`` runs the parsing (default: :func:`local_pool`)."""
    progress = progress or Progress()
    started = time.monotonic()
    json_dir = Path(settings.data_dir) / "json"
    json_dir.mkdir(parents=True, exist_ok=True)
    summary = Summary()
    state = StateDB(settings.data_dir)
    backend = open_index(backend_factory, summary)
    indexer = BatchIndexer(backend, state, json_dir, size=settings.batch_size, retry=settings.retry)
    try:
        progress.start(None)
        todo = to_parse(paths, settings, state, indexer, summary, progress)

        def record_one(outcome: Outcome) -> None:
            record(outcome, state, indexer, summary)
            progress.advance(outcome, summary)

        parse_all(todo, settings, dispatch or local_pool(settings), record_one)
        for _path, letter_id in list(state.not_indexed()):  # left by earlier batches or runs
            if letter_id not in indexer.pending:
                indexer.add_from_disk(letter_id)
        indexer.flush(patient=True)
    finally:
        finish(state, indexer, backend, summary)
        summary.seconds = time.monotonic() - started
    return summary


__all__ = ["ingest", "Settings", "Summary", "Progress", "Dispatch", "local_pool", "OK"]
