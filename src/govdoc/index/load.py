"""Load parsed letters for indexing: JSON files, JSONL files, or folders of them.

Each letter is checked against :class:`govdoc.model.Reply`; a file that cannot be read or a line that
is not a parsed letter becomes one error line naming it, and loading goes on with the rest.

A letter's normalized text, when ingest wrote it beside the JSON as a sidecar (``<id>.json`` →
``<id>.txt``), comes with the letter under :data:`govdoc.index.records.BODY_KEY`, so its body is
searchable.  JSONL lines and JSON lists have no sidecar (the Reply model allows no extra keys).
Given the data folder, a reply's comparison with its suggestion (``<data>/compare/<id>.json``,
written by ``govdoc compare --data``) comes too, under :data:`govdoc.index.findings.COMPARE_KEY`.
"""
from __future__ import annotations

import json
from pathlib import Path
from collections import Counter
from typing import Callable, Iterable, Iterator, Optional

from pydantic import ValidationError

from govdoc.index.base import letter_id
from govdoc.index.findings import COMPARE_KEY, read_findings
from govdoc.index.records import BODY_KEY
from govdoc.model import Reply

SUFFIXES = (".json", ".jsonl")


def letter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files named, and every ``*.json`` / ``*.jsonl`` under the folders named (sorted)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        else:
            yield path


def _validated(data, where: str) -> dict:
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    try:
        return Reply.model_validate(data).model_dump(mode="json")
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ValueError(f"not a parsed letter: {'.'.join(map(str, first['loc'])) or '<root>'}: {first['msg']}") from None


def sidecar_text(path: Path) -> str | None:
    """The normalized text beside a ``.json`` letter file (``<same path>.txt``), or None."""
    side = path.with_suffix(".txt")
    if path.suffix != ".json" or not side.is_file():
        return None
    try:
        return side.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"text sidecar {side.name} is not UTF-8: {exc.reason}") from None


def _documents(path: Path) -> Iterator[tuple[str, object]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    yield f"{path}:{number}", json.loads(line)
                except json.JSONDecodeError as exc:
                    yield f"{path}:{number}", ValueError(f"not valid JSON: {exc}")
        return
    data = json.loads(text)
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield f"{path}[{i}]", item
        return
    yield str(path), data


def _with_body(letter: dict, path: Path, where: str) -> dict:
    """The letter with its sidecar text, when ``where`` is a whole ``.json`` file that has one."""
    if where != str(path):
        return letter
    body = sidecar_text(path)
    return letter if body is None else {**letter, BODY_KEY: body}


def with_findings(letter: dict, data_dir: Optional[Path], on_error: Callable[[str], None]) -> dict:
    """The letter with its comparison findings from the data folder, when it has some; unreadable
    findings are one error line, and the letter goes on without them."""
    if data_dir is None:
        return letter
    try:
        findings = read_findings(data_dir, letter_id(letter))
    except ValueError as exc:
        on_error(f"{exc}; indexed without its comparison (run `govdoc compare --data` again)")
        return letter
    return letter if findings is None else {**letter, COMPARE_KEY: findings}


def textless_notes(counts: Counter) -> list[str]:
    """One line per folder (or JSONL file) whose letters came without their text."""
    return [f"{where}: {n} letter(s) have no text beside their JSON (<name>.txt): only their titles, measures, "
            f"metrics and header fields are searchable; `govdoc parse FILES --out DIR` writes the text too"
            for where, n in sorted(counts.items())]


def load_letters(paths: Iterable[Path], on_error: Callable[[str], None],
                 on_note: Optional[Callable[[str], None]] = None, data_dir: Optional[Path] = None) -> Iterator[dict]:
    """Yield parsed letters; report ``"<file>[:line]: reason"`` through ``on_error`` and go on.
    After the last letter, ``on_note`` gets one line per folder whose letters had no text sidecar.
    With ``data_dir``, each letter comes with its comparison findings kept there (:func:`with_findings`)."""
    textless: Counter = Counter()
    for path in letter_files(paths):
        try:
            for where, data in _documents(path):
                try:
                    if isinstance(data, ValueError):
                        raise data
                    letter = _with_body(_validated(data, where), path, where)
                    if BODY_KEY not in letter:
                        textless[str(path.parent if where == str(path) else path)] += 1
                    yield with_findings(letter, data_dir, on_error)
                except ValueError as exc:
                    on_error(f"{where}: {exc}")
        except OSError as exc:
            on_error(f"{path}: cannot read: {exc.strerror or exc}")
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            on_error(f"{path}: not valid JSON: {exc}")
    for line in textless_notes(textless) if on_note else ():
        on_note(line)
