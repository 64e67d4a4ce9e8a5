"""Send parsed letters to the index in batches; survive the index going away.

A batch that fails is retried with exponential backoff; when the retries are spent its letters
stay on disk marked ``not-indexed`` and parsing goes on.  While the index is down, later
batches do not wait through the backoff again: one attempt at most every ``pause`` seconds.
A later run (or ``govdoc index <data>/json``) indexes what was left.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from govdoc.index.findings import findings_path
from govdoc.index.load import sidecar_text, with_findings
from govdoc.index.records import BLOCKS_KEY, BODY_KEY
from govdoc.ingest.state import NOT_INDEXED, OK, StateDB


@dataclass
class Retry:
    attempts: int = 4
    first_wait: float = 1.0  # then doubled: 1, 2, 4 s
    pause: float = 30.0  # after giving up, seconds before the next attempt


@dataclass
class BatchIndexer:
    backend: Optional[object]  # an IndexBackend, or None when it could not be opened
    state: StateDB
    json_dir: Path
    size: int = 50
    retry: Retry = field(default_factory=Retry)
    sleep: Callable[[float], None] = time.sleep
    pending: dict[str, dict] = field(default_factory=dict)
    indexed: int = 0
    last_error: Optional[str] = None
    down_since: Optional[float] = None
    findings_errors: list[str] = field(default_factory=list)  # comparisons that could not be read

    def add(self, letter_id: str, reply: dict, blocks: Optional[dict] = None) -> None:
        """Queue a parsed letter; ``blocks``: the tokens its parse made of its text, by block."""
        self.pending[letter_id] = reply if not blocks else {**reply, BLOCKS_KEY: blocks}
        if len(self.pending) >= self.size:
            self.flush()

    def add_from_disk(self, letter_id: str) -> bool:
        """Queue a letter parsed earlier but not indexed; False when its JSON is gone."""
        path = self.json_dir / f"{letter_id}.json"
        try:
            self.add(letter_id, json.loads(path.read_text(encoding="utf-8")))
            return True
        except (OSError, ValueError):
            return False

    def _try(self, action: Callable[[], None], patient: bool) -> bool:
        if self.backend is None:
            return False
        if self.down_since is not None and not patient and time.monotonic() - self.down_since < self.retry.pause:
            return False
        wait = self.retry.first_wait
        for attempt in range(self.retry.attempts if patient or self.down_since is None else 1):
            if attempt:
                self.sleep(wait)
                wait *= 2
            try:
                action()
                self.down_since = None
                return True
            except Exception as exc:  # unreachable, refused, timed out: all mean "not now"
                self.last_error = f"{type(exc).__name__}: {exc}"
        self.down_since = time.monotonic()
        return False

    def _with_body(self, letter_id: str, reply: dict) -> dict:
        """The letter with its normalized text (the ``<id>.txt`` sidecar), indexed as its body, and
        the comparison ``govdoc compare --data`` last made of it (``<data>/compare/<id>.json``)."""
        try:
            body = sidecar_text(self.json_dir / f"{letter_id}.json")
        except (OSError, ValueError):
            body = None
        reply = with_findings(reply, self.json_dir.parent, self._findings_error)
        return reply if body is None else {**reply, BODY_KEY: body}

    def _findings_error(self, line: str) -> None:
        self.findings_errors.append(line)

    def _index(self, letters: dict[str, dict]) -> None:
        result = self.backend.index([self._with_body(lid, reply) for lid, reply in letters.items()])
        if result.errors:
            raise RuntimeError("; ".join(result.errors[:3]))

    def flush(self, patient: bool = False) -> None:
        """Index the pending letters (and run pending deletions); on failure mark them not-indexed."""
        self.delete_pending(patient)
        if not self.pending:
            return
        letters, self.pending = self.pending, {}
        if self._try(lambda: self._index(letters), patient):
            self.state.mark(list(letters), OK)
            self.indexed += len(letters)
        else:
            self.state.mark(list(letters), NOT_INDEXED)

    def delete_pending(self, patient: bool = False) -> None:
        """Remove letters whose file changed or failed from the index, then their JSON, text and findings."""
        ids = self.state.pending_deletes()
        if ids and self._try(lambda: self.backend.delete(ids), patient):
            for lid in ids:
                for suffix in (".json", ".txt"):
                    (self.json_dir / f"{lid}{suffix}").unlink(missing_ok=True)
                findings_path(self.json_dir.parent, lid).unlink(missing_ok=True)
            self.state.deleted(ids)
