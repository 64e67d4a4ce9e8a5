"""Read back what ingest wrote for one letter: ``<data>/json/<id>.json`` and its normalized text
``<id>.txt`` (see :func:`govdoc.ingest.worker.write_letter`).

A letter id is checked against :data:`LETTER_ID` before any path is made from it, so an id from a
request can name no other file.  The source file is the one the letter's own JSON records.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from govdoc.errors import GovdocError

JSON_DIR = "json"
LETTER_ID = re.compile(r"[0-9a-f]{16}")  # govdoc.index.base.letter_id: 16 hex digits of the sha256


class LetterNotFound(GovdocError):
    """No parsed letter of that id in the data folder (or not a letter id at all)."""


@dataclass(frozen=True)
class StoredLetter:
    id: str
    reply: dict  # Reply.model_dump(mode="json")
    text: Optional[str]  # the normalized text the spans point into; None when not written
    json_path: Path


def checked_id(letter_id: str) -> str:
    """The id itself; raises :class:`LetterNotFound` for anything but a letter id."""
    if not LETTER_ID.fullmatch(letter_id or ""):
        raise LetterNotFound(f"{letter_id[:40]!r} is not a letter id (16 hex digits)")
    return letter_id


def letter_path(data_dir: str | Path, letter_id: str) -> Path:
    """``<data>/json/<id>.json`` of a checked letter id."""
    return Path(data_dir) / JSON_DIR / f"{checked_id(letter_id)}.json"


def read_letter(data_dir: str | Path, letter_id: str) -> StoredLetter:
    """The parsed letter and its normalized text, as ingest wrote them."""
    path = letter_path(data_dir, letter_id)
    try:
        reply = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LetterNotFound(f"no parsed letter {letter_id} in {path.parent}") from None
    except (OSError, ValueError) as exc:
        raise GovdocError(f"{path}: cannot read the parsed letter: {exc}") from None
    side = path.with_suffix(".txt")
    text = side.read_text(encoding="utf-8") if side.is_file() else None
    return StoredLetter(letter_id, reply, text, path)


def source_file(letter: StoredLetter) -> Optional[Path]:
    """The file the letter was parsed from, as its JSON records it, when it still exists."""
    recorded = (letter.reply.get("source") or {}).get("path")
    if not recorded:
        return None
    path = Path(recorded)
    return path if path.is_file() else None
