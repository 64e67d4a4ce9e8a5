"""``govdoc compare --data DIR``: link the letters ingested into a data folder, keep each linked
reply's findings there, and give them to the index.

The letters are what ingest wrote: ``<data>/json/<id>.json`` and the normalized text ``<id>.txt``
beside it, which is parsed again as a text file (the spans of a comparison point into it; the
source file is not needed, so letters read by OCR count too).  A letter without its text cannot be
compared and is counted apart.  Every reply linked to a suggestion gets ``<data>/compare/<id>.json``
(:mod:`govdoc.index.findings`: ids, coverage, asks per label, flags, the link, the comparison);
the findings of letters no longer linked are removed.  :func:`reindex` then indexes those letters
again, each with its findings (or without, when they were removed).
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Optional

from govdoc.compare.analyze import FolderResult, compare_paths
from govdoc.compare.model import LABELS, Comparison
from govdoc.compare.report import agency_of
from govdoc.errors import BadInput
from govdoc.index.aliases import issuer_keys
from govdoc.index.findings import FINDINGS_DIR, findings_path
from govdoc.ingest.letters import JSON_DIR, LETTER_ID


@dataclass
class DataResult:
    """What ``compare_data`` found and wrote."""

    folder: FolderResult  # the parts' paths are the letters' ``<id>.txt``
    ids: dict[str, str] = field(default_factory=dict)  # part path → letter id
    findings: list[str] = field(default_factory=list)  # replies with findings now
    removed: list[str] = field(default_factory=list)  # letters whose findings were removed
    textless: int = 0  # letters without their normalized text: not compared

    @property
    def to_index(self) -> list[str]:
        """The letters whose index records should carry (or lose) findings."""
        return sorted(set(self.findings) | set(self.removed))


def data_texts(data_dir: str | Path) -> tuple[list[Path], int]:
    """``(the <id>.txt of every ingested letter that has one, letters without)``; BadInput when the
    folder holds no ingested letters."""
    json_dir = Path(data_dir) / JSON_DIR
    if not json_dir.is_dir():
        raise BadInput(data_dir, f"no ingested letters here (no {JSON_DIR}/ folder): run `govdoc ingest FOLDER "
                                 f"--data {data_dir}` first")
    ids = sorted(e.name[:-5] for e in os.scandir(json_dir) if e.name.endswith(".json") and LETTER_ID.fullmatch(e.name[:-5]))
    texts = [json_dir / f"{i}.txt" for i in ids if (json_dir / f"{i}.txt").is_file()]
    return texts, len(ids) - len(texts)


def findings_of(reply_id: str, suggestion_id: str, comparison: Comparison) -> dict:
    """The findings file of one linked reply (:mod:`govdoc.index.findings`)."""
    counts = Counter(a.response for a in comparison.suggestion.asks)
    return {"reply_id": reply_id, "suggestion_id": suggestion_id, "coverage": comparison.coverage,
            "asks": {label: counts[label] for label in LABELS}, "flags": comparison.flags,
            "link": comparison.link.model_dump(mode="json"), "comparison": comparison.model_dump(mode="json")}


def _write(path: Path, findings: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_suffix(".part")
    part.write_text(json.dumps(findings, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    part.replace(path)  # a reader never sees half a file


def compare_data(data_dir: str | Path) -> DataResult:
    """Link every ingested letter of the data folder, write the findings of each linked reply and
    remove the findings of letters no longer linked."""
    texts, textless = data_texts(data_dir)
    result = DataResult(compare_paths(texts), {str(p): p.stem for p in texts}, textless=textless)
    for suggestion, reply, comparison in result.folder.linked:
        reply_id = result.ids[reply.path]
        _write(findings_path(data_dir, reply_id), findings_of(reply_id, result.ids[suggestion.path], comparison))
        result.findings.append(reply_id)
    kept = set(result.findings)
    folder = Path(data_dir) / FINDINGS_DIR
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        if LETTER_ID.fullmatch(path.stem) and path.stem not in kept:
            path.unlink()
            result.removed.append(path.stem)
    return result


def reindex(backend, data_dir: str | Path, letter_ids: list[str], on_error: Callable[[str], None]):
    """Index these ingested letters again, each with the findings the data folder now holds."""
    from govdoc.index.load import load_letters

    json_dir = Path(data_dir) / JSON_DIR
    paths = [json_dir / f"{i}.json" for i in letter_ids if (json_dir / f"{i}.json").is_file()]
    return backend.index(load_letters(paths, on_error, data_dir=Path(data_dir)))


def letter_name(result: DataResult) -> Callable:
    """How the report of a data folder names a part: its letter's title and id (not its text file)."""
    def name(part) -> str:
        title = part.letter.title.text if part.letter.title else None
        return f"{title} ({result.ids[part.path]})" if title else result.ids[part.path]

    return name


def _congress_agrees(letters, wanted: dict) -> bool:
    """Whether one of the letters states a congress with every part ``wanted`` states."""
    stated = {name: value for name, value in wanted.items() if value is not None}
    return any(letter.congress and all(getattr(letter.congress, name.removeprefix("congress_")) == value
                                       for name, value in stated.items()) for letter in letters)


def _issued_by(name: str | None, issuer: str) -> bool:
    return bool(name) and issuer_keys(issuer)[0] in issuer_keys(name)


def select(result: FolderResult, session: Optional[dict] = None, issuer: Optional[str] = None) -> FolderResult:
    """The pairs (and unlinked replies) of one session (``search.session.parse_session``: the reply's
    or its suggestion's congress) and one agency (any of its names: the agency the report groups a
    pair under, ``report.agency_of``; an unlinked reply's issuer)."""
    def keep(parts, agency: str | None) -> bool:
        return ((not session or _congress_agrees([p.letter for p in parts], session))
                and (not issuer or _issued_by(agency, issuer)))

    return replace(result, linked=[(s, r, c) for s, r, c in result.linked if keep((s, r), agency_of(s, c))],
                   unlinked_replies=[p for p in result.unlinked_replies
                                     if keep((p,), p.letter.issuer.name if p.letter.issuer else None)],
                   unlinked_suggestions=[] if issuer else [p for p in result.unlinked_suggestions if keep((p,), None)])
