"""Ingest state in SQLite (``<data>/state.sqlite``): one row per input file, plus letter ids whose
index records still have to be deleted.

Every change is committed at once (WAL journal), so a run killed at any point — ``kill -9``
included — leaves a state the next run can finish from:

- ``ok``           parsed, JSON written, indexed
- ``not-indexed``  parsed, JSON on disk, not (yet) in the index
- ``failed``       could not be parsed; ``error`` says why

A file with no row, or whose size / modification time / content changed, is parsed again.
"""
from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

FILE_NAME = "state.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER,
    mtime_ns INTEGER,
    sha256 TEXT,
    letter_id TEXT,
    status TEXT NOT NULL,
    kind TEXT,
    pages INTEGER,
    error TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS files_letter ON files (letter_id);
CREATE INDEX IF NOT EXISTS files_status ON files (status);
CREATE TABLE IF NOT EXISTS pending_deletes (letter_id TEXT PRIMARY KEY);
"""
OK, NOT_INDEXED, FAILED = "ok", "not-indexed", "failed"


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


@dataclass
class FileState:
    path: str
    size: Optional[int]
    mtime_ns: Optional[int]
    sha256: Optional[str]
    letter_id: Optional[str]
    status: str
    kind: Optional[str]
    pages: Optional[int]
    error: Optional[str]
    attempts: int

    def same_file(self, size: int, mtime_ns: int) -> bool:
        return self.size == size and self.mtime_ns == mtime_ns


class StateDB:
    def __init__(self, data_dir: str | Path):
        self.path = Path(data_dir) / FILE_NAME
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)  # autocommit; transaction() groups
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.executescript(SCHEMA)

    @contextmanager
    def transaction(self):
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def get(self, path: str) -> Optional[FileState]:
        row = self.db.execute(
            "SELECT path, size, mtime_ns, sha256, letter_id, status, kind, pages, error, attempts "
            "FROM files WHERE path = ?", (path,)).fetchone()
        return FileState(*row) if row else None

    def record(self, path: str, *, size: Optional[int], mtime_ns: Optional[int], sha256: Optional[str],
               letter_id: Optional[str], status: str, kind: Optional[str] = None, pages: Optional[int] = None,
               error: Optional[str] = None, drop_letter: Optional[str] = None) -> None:
        """Write a file's outcome; ``drop_letter`` (an id this file used to have) is queued for
        deletion from the index in the same transaction unless another file still has it."""
        stamp = now()
        with self.transaction():
            self.db.execute(
                "INSERT INTO files (path, size, mtime_ns, sha256, letter_id, status, kind, pages, error, attempts,"
                " first_seen, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) "
                "ON CONFLICT(path) DO UPDATE SET size=excluded.size, mtime_ns=excluded.mtime_ns,"
                " sha256=excluded.sha256, letter_id=excluded.letter_id, status=excluded.status,"
                " kind=excluded.kind, pages=excluded.pages, error=excluded.error,"
                " attempts=files.attempts + 1, updated=excluded.updated",
                (path, size, mtime_ns, sha256, letter_id, status, kind, pages, error, stamp, stamp))
            if letter_id:  # in use again: a queued deletion of it must not run
                self.db.execute("DELETE FROM pending_deletes WHERE letter_id = ?", (letter_id,))
            if drop_letter and drop_letter != letter_id and not self.letter_in_use(drop_letter):
                self.db.execute("INSERT OR IGNORE INTO pending_deletes VALUES (?)", (drop_letter,))

    def touch(self, path: str, size: int, mtime_ns: int) -> None:
        """Same content under a new modification time: remember the new stat, no work."""
        self.db.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?", (size, mtime_ns, path))

    def letter_in_use(self, letter_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM files WHERE letter_id = ? AND status != ? LIMIT 1",
                               (letter_id, FAILED)).fetchone() is not None

    def mark(self, letter_ids: list[str], status: str) -> None:
        """Set the status of every file holding one of these letters (after indexing)."""
        with self.transaction():
            self.db.executemany("UPDATE files SET status = ?, updated = ? WHERE letter_id = ? AND status != ?",
                                [(status, now(), lid, FAILED) for lid in letter_ids])

    def not_indexed(self) -> Iterator[tuple[str, str]]:
        """(path, letter id) of every file parsed but not in the index."""
        yield from self.db.execute("SELECT path, letter_id FROM files WHERE status = ? ORDER BY path", (NOT_INDEXED,))

    def pending_deletes(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT letter_id FROM pending_deletes")]

    def deleted(self, letter_ids: list[str]) -> None:
        with self.transaction():
            self.db.executemany("DELETE FROM pending_deletes WHERE letter_id = ?", [(i,) for i in letter_ids])

    def counts(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT status, COUNT(*) FROM files GROUP BY status").fetchall())

    def close(self) -> None:
        self.db.close()
