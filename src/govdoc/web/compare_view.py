"""Ingested letters → the comparison of a suggestion and its reply, and the compare report.

The compare package does the work; this module only picks the files: the source file each
letter's own JSON records (``ingest.letters.source_file``), never a path from the request.  A
letter id is checked before any path is made from it.  The report is bounded: at most
:data:`REPORT_LIMIT` letters, found among at most :data:`REPORT_SCAN` JSON files, and letters read
by OCR are left out (reading them again takes seconds a page).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Optional

from govdoc.compare.analyze import FolderResult, compare_files, compare_page, compare_paths
from govdoc.compare.cues import default_cues
from govdoc.compare.model import Comparison
from govdoc.compare.parts import holds_both
from govdoc.compare.report import GroupRow, grouped
from govdoc.errors import BadInput
from govdoc.ingest.letters import JSON_DIR, LETTER_ID, LetterNotFound, StoredLetter, read_letter, source_file

REPORT_LIMIT = 100  # letters compared by one report request
REPORT_SCAN = 10 * REPORT_LIMIT  # JSON files read to find them
ROLES = ("suggestion", "reply")
# What each label means (the legend of the compare page).
MEANINGS = {"concrete": "work done or planned, money, a date or a named document",
            "general": "answered, but only in general terms",
            "explained": "refused or put off, with a reason",
            "not_addressed": "no sentence of the reply answers it"}


@dataclass(frozen=True)
class CompareRequest:
    """``?suggestion=ID&reply=ID`` (two letters), or ``?letter=ID`` (one letter holding both parts)."""

    letter: str = ""
    suggestion: str = ""
    reply: str = ""

    @property
    def ids(self) -> dict[str, str]:
        """``{role: id}`` of the letters named: ``letter`` for one page, else suggestion and reply."""
        return {"letter": self.letter} if self.letter else {"suggestion": self.suggestion, "reply": self.reply}


def compare_request(params: Mapping[str, str]) -> CompareRequest:
    values = {name: (params.get(name) or "").strip()[:40] for name in ("letter", *ROLES)}
    if values["letter"] and not any(values[r] for r in ROLES):
        return CompareRequest(letter=values["letter"])
    if all(values[r] for r in ROLES) and not values["letter"]:
        return CompareRequest(suggestion=values["suggestion"], reply=values["reply"])
    raise BadInput("query", "give ?suggestion=ID&reply=ID (two letters), or ?letter=ID (a letter holding both parts)")


def letter_with_source(data_dir: Path, letter_id: str) -> tuple[StoredLetter, Path]:
    """The letter and the file its JSON records; :class:`LetterNotFound` when that file is gone."""
    letter = read_letter(data_dir, letter_id)
    path = source_file(letter)
    if path is None:
        raise LetterNotFound(f"the source file of letter {letter.id} is no longer at "
                             f"{(letter.reply.get('source') or {}).get('path')}: it cannot be compared")
    return letter, path


@dataclass(frozen=True)
class Compared:
    comparison: Comparison
    letters: dict[str, StoredLetter]  # role (letter | suggestion | reply) → the letter


def compare_letters(data_dir: Path, request: CompareRequest) -> Compared:
    """``compare_page`` of one letter's source, or ``compare_files`` of two (as ``govdoc compare``)."""
    found = {role: letter_with_source(data_dir, letter_id) for role, letter_id in request.ids.items()}
    if request.letter:
        return Compared(compare_page(found["letter"][1]), {"letter": found["letter"][0]})
    return Compared(compare_files(found["suggestion"][1], found["reply"][1]),
                    {role: letter for role, (letter, _) in found.items()})


@dataclass(frozen=True)
class CompareLink:
    """What the letter page offers: a link when the letter holds both parts, a form for the other letter."""

    both: bool
    role: Optional[str]  # suggestion | reply: this letter's role in the form; None: no form
    other: Optional[str]  # the role the form asks an id for


def compare_link(letter: StoredLetter) -> Optional[CompareLink]:
    kind = letter.reply.get("kind")
    both = bool(letter.text) and holds_both(letter.text, kind or "", default_cues())
    role = kind if kind in ROLES else None
    if not both and role is None:
        return None
    return CompareLink(both, role, None if role is None else ROLES[1 - ROLES.index(role)])


@dataclass
class ReportSources:
    paths: list[Path] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)  # str(source path) → letter id
    scanned: int = 0  # JSON files read
    letters: int = 0  # letter JSON files in the data folder
    gone: int = 0  # letters whose source file is no longer there
    ocr: int = 0  # letters read by OCR, left out
    limited: bool = False  # stopped at REPORT_LIMIT letters or REPORT_SCAN files


def report_sources(data_dir: Path, limit: Optional[int] = None, scan: Optional[int] = None) -> ReportSources:
    """The source files of the ingested letters, in letter-id order, each file once, bounded (by
    :data:`REPORT_LIMIT` and :data:`REPORT_SCAN` unless given)."""
    limit, scan = limit or REPORT_LIMIT, scan or REPORT_SCAN
    json_dir = Path(data_dir) / JSON_DIR
    names = sorted(e.name for e in os.scandir(json_dir) if e.name.endswith(".json")
                   and LETTER_ID.fullmatch(e.name[:-5])) if json_dir.is_dir() else []
    out = ReportSources(letters=len(names))
    for name in names:
        if len(out.paths) >= limit or out.scanned >= scan:
            out.limited = True
            break
        out.scanned += 1
        try:
            letter = read_letter(data_dir, name[:-5])
        except Exception:  # noqa: BLE001 - an unreadable JSON is left out like a gone source
            out.gone += 1
            continue
        path = source_file(letter)
        if path is None:
            out.gone += 1
        elif (letter.reply.get("source") or {}).get("ocr"):
            out.ocr += 1
        elif str(path) not in out.ids:
            out.ids[str(path)] = letter.id
            out.paths.append(path)
    return out


@dataclass(frozen=True)
class PairRow:
    suggestion_id: Optional[str]
    reply_id: Optional[str]
    suggestion: str  # its title, or its file's name
    reply: str
    compare_url: Optional[str]
    comparison: Comparison


@dataclass(frozen=True)
class Report:
    sources: ReportSources
    agencies: list[GroupRow]
    years: list[GroupRow]
    pairs: list[PairRow]
    unlinked: list[tuple[str, Optional[str], str]]  # (role, letter id, title or file name)
    errors: list[str]


def _name(part) -> str:
    return (part.letter.title.text if part.letter.title else "") or Path(part.path).name


def _pair(sources: ReportSources, suggestion, reply, comparison: Comparison) -> PairRow:
    s_id, r_id = sources.ids.get(suggestion.path), sources.ids.get(reply.path)
    if suggestion.path == reply.path:
        url = f"/compare?letter={r_id}" if r_id else None
    else:
        url = f"/compare?suggestion={s_id}&reply={r_id}" if s_id and r_id else None
    return PairRow(s_id, r_id, _name(suggestion), _name(reply), url, comparison)


def compare_report(data_dir: Path) -> Report:
    sources = report_sources(data_dir)
    result: FolderResult = compare_paths(sources.paths)
    agencies, years = grouped(result)
    unlinked = [(role, sources.ids.get(p.path), _name(p)) for role, parts in
                (("reply", result.unlinked_replies), ("suggestion", result.unlinked_suggestions)) for p in parts]
    return Report(sources, agencies, years, [_pair(sources, *row) for row in result.linked], unlinked, result.errors)


async def off_the_loop(site, work, *args):
    """``work(*args)`` in a worker thread, one comparison at a time (``site.compare_lock``): parsing
    takes tenths of a second a letter, and searches on the event loop go on meanwhile."""
    from starlette.concurrency import run_in_threadpool

    def locked():
        with site.compare_lock:
            return work(*args)

    return await run_in_threadpool(locked)
