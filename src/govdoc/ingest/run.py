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
from typing import Callable, Iterable, Optional

from govdoc.ingest.batches import BatchIndexer, Retry
from govdoc.ingest.pool import WorkerPool
from govdoc.ingest.state import FAILED, NOT_INDEXED, OK, StateDB
from govdoc.ingest.walk import DEFAULT_EXCLUDES, walk
from govdoc.ingest.worker import Options, Outcome, file_sha256

# A file may take DEFAULT_TIMEOUT s plus DEFAULT_PER_PAGE s a page before its worker is killed:
# a born-digital letter parses in about a second; OCR takes ~3 CPU-s a page here, so 30 s a
# page leaves room for a loaded machine without letting a stuck file hold a worker for long.
DEFAULT_TIMEOUT = 120.0
DEFAULT_PER_PAGE = 30.0
DEFAULT_MAX_PAGES = 500


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

    @property
    def failed(self) -> int:
        return len(self.failures)

    def by_reason(self) -> Counter:
        """Failures grouped by reason, numbers in the reason folded ("PDF has N pages…")."""
        return Counter(re.sub(r"\d+(?:\.\d+)?", "N", reason) for _path, reason in self.failures)


class Progress:
    """Callbacks the CLI turns into a progress bar; the default does nothing."""

    def start(self, total: int) -> None: ...

    def advance(self, outcome: Optional[Outcome], summary: Summary) -> None: ...


def plan(files: list[Path], state: StateDB, retry_failed: bool, summary: Summary) -> tuple[list[str], list[str]]:
    """(paths to parse, letter ids to index from disk); counts what is skipped."""
    to_parse, to_index = [], []
    for path in files:
        key = str(path)
        st = path.stat()
        rec = state.get(key)
        if rec and not rec.same_file(st.st_size, st.st_mtime_ns) and rec.sha256 and rec.sha256 == file_sha256(path):
            state.touch(key, st.st_size, st.st_mtime_ns)  # touched, not changed
            rec.size, rec.mtime_ns = st.st_size, st.st_mtime_ns
        if rec is None or not rec.same_file(st.st_size, st.st_mtime_ns):
            to_parse.append(key)
        elif rec.status == FAILED:
            if retry_failed:
                to_parse.append(key)
            else:
                summary.skipped_failed += 1
                summary.failures.append((key, f"{rec.error} (failed before; --retry-failed to try again)"))
        elif rec.status == NOT_INDEXED:
            to_index.append(rec.letter_id)
            summary.kinds[rec.kind or "other"] += 1
        else:
            summary.skipped += 1
            summary.kinds[rec.kind or "other"] += 1
    return to_parse, to_index


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
        indexer.add(outcome.letter_id, outcome.reply)
    else:
        state.record(outcome.path, size=size, mtime_ns=mtime, sha256=outcome.sha256, letter_id=None,
                     status=FAILED, error=outcome.error, drop_letter=drop)
        summary.failures.append((outcome.path, outcome.error))
    summary.pages += outcome.pages
    summary.ocr_pages += outcome.pages if outcome.ocr else 0


def ingest(paths: Iterable[Path], settings: Settings, backend_factory: Callable[[], object],
           progress: Optional[Progress] = None) -> Summary:
    """Ingest files and folders; ``backend_factory`` opens the index (it may raise: then every
    letter stays on disk, not indexed)."""
    progress = progress or Progress()
    started = time.monotonic()
    data = Path(settings.data_dir)
    json_dir = data / "json"
    json_dir.mkdir(parents=True, exist_ok=True)
    summary = Summary()
    found = walk(paths, skip_dir=data, exclude=settings.exclude)
    files, summary.problems, summary.excluded = found.files, found.problems, len(found.excluded)
    summary.total = len(files)
    state = StateDB(data)
    backend = None
    try:
        backend = backend_factory()
    except Exception as exc:  # index unreachable or misconfigured: parse anyway
        summary.index_error = f"cannot open the index: {exc}"
    indexer = BatchIndexer(backend, state, json_dir, size=settings.batch_size, retry=settings.retry)
    try:
        to_parse, to_index = plan(files, state, settings.retry_failed, summary)
        progress.start(summary.total)
        for _ in range(summary.skipped + summary.skipped_failed + len(to_index)):
            progress.advance(None, summary)
        for letter_id in to_index:
            if not indexer.add_from_disk(letter_id):
                summary.problems.append(f"{json_dir / (letter_id + '.json')}: parsed letter missing; re-parse with "
                                        "--retry-failed after deleting its state, or touch the source file")
        if to_parse:
            opts = Options(str(json_dir), ocr=settings.ocr, max_pages=settings.max_pages, reader=settings.reader)
            workers = settings.workers or os.cpu_count() or 1
            with WorkerPool(min(workers, len(to_parse)), opts, settings.timeout, settings.timeout_per_page) as pool:
                for outcome in pool.map(to_parse):
                    record(outcome, state, indexer, summary)
                    progress.advance(outcome, summary)
        for _path, letter_id in list(state.not_indexed()):  # left by earlier batches or runs
            if letter_id not in indexer.pending:
                indexer.add_from_disk(letter_id)
        indexer.flush(patient=True)
    finally:
        counts = state.counts()
        summary.not_indexed = counts.get(NOT_INDEXED, 0)
        summary.indexed = indexer.indexed
        if indexer.last_error and summary.not_indexed:
            summary.index_error = summary.index_error or f"index unavailable: {indexer.last_error}"
        state.close()
        if backend is not None:
            try:
                backend.close()
            except Exception:  # noqa: BLE001 - closing a dead connection is not a failure
                pass
        summary.seconds = time.monotonic() - started
    return summary


__all__ = ["ingest", "Settings", "Summary", "Progress", "OK"]
