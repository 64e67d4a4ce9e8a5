"""Expand the paths given to ``govdoc ingest`` into the files to ingest, in a stable order.

Types are detected later from content, so every regular file is a candidate; hidden files and
folders (``.git``, ``.DS_Store``) and the data folder itself are left out.  Things that are not
regular files (sockets, FIFOs, broken links) come back as problems, one line each.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Optional


def _hidden(name: str) -> bool:
    return name.startswith(".")


def walk(paths: Iterable[Path], exclude: Optional[Path] = None) -> tuple[list[Path], list[str]]:
    """(files, problems).  Folders are walked recursively, sorted; duplicates are dropped."""
    files: list[Path] = []
    problems: list[str] = []
    seen: set[str] = set()
    skip = exclude.resolve() if exclude else None

    def add(path: Path) -> None:
        key = str(path.resolve())
        if key not in seen:
            seen.add(key)
            files.append(path)

    for root in paths:
        root = Path(root)
        if root.is_dir():
            for folder, dirs, names in os.walk(root):
                here = Path(folder)
                dirs[:] = sorted(d for d in dirs if not _hidden(d) and (skip is None or (here / d).resolve() != skip))
                for name in sorted(names):
                    if _hidden(name):
                        continue
                    path = here / name
                    if path.is_file():
                        add(path)
                    else:
                        problems.append(f"{path}: not a regular file (skipped)")
        elif root.is_file():
            add(root)
        elif root.exists():
            problems.append(f"{root}: not a regular file (skipped)")
        else:
            problems.append(f"{root}: no such file or folder")
    return files, problems
