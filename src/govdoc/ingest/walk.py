"""Expand the paths given to ``govdoc ingest`` into the files to ingest, in a stable order.

Types are detected later from content, so every regular file is a candidate, except:

- hidden files and folders (``.git``, ``.DS_Store``) and the data folder itself: left out
  without a word;
- files and folders matching an exclude glob: counted as skipped, "not a document".  The
  globs match a name or the path below the walked folder (``drafts/*``).  By default they
  are :data:`DEFAULT_EXCLUDES`: data and metadata that travel with archives (gold JSON, TSV
  indexes, READMEs, scripts), which read as text but are not letters.

Things that are not regular files (sockets, FIFOs, broken links) come back as problems, one
line each.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Iterable, Optional, Sequence

# Not document formats: structured data, notes and code found beside letters in an archive.
DEFAULT_EXCLUDES = ("*.json", "*.jsonl", "*.tsv", "*.csv", "*.md", "*.markdown", "*.yaml", "*.yml",
                    "*.toml", "*.ini", "*.xml", "*.py", "*.sh", "*.sqlite", "*.db", "*.log")


@dataclass
class Walk:
    files: list[Path] = field(default_factory=list)
    excluded: list[Path] = field(default_factory=list)  # matched an exclude glob: not a document
    problems: list[str] = field(default_factory=list)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def excluded(rel: str, globs: Sequence[str]) -> bool:
    """Does a path (relative to its walked folder, ``/``-separated) match a glob, by its name or
    by the whole relative path?"""
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch(name, g) or fnmatch(rel, g) for g in globs)


def walk(paths: Iterable[Path], skip_dir: Optional[Path] = None,
         exclude: Sequence[str] = DEFAULT_EXCLUDES) -> Walk:
    """Files under ``paths`` (folders walked recursively, sorted; duplicates dropped), leaving
    out hidden entries, ``skip_dir`` (the data folder) and what ``exclude`` matches."""
    out = Walk()
    seen: set[str] = set()
    skip = skip_dir.resolve() if skip_dir else None

    def add(path: Path, rel: str) -> None:
        if excluded(rel, exclude):
            out.excluded.append(path)
            return
        key = str(path.resolve())
        if key not in seen:
            seen.add(key)
            out.files.append(path)

    for root in paths:
        root = Path(root)
        if root.is_dir():
            _walk_dir(root, skip, exclude, add, out)
        elif root.is_file():
            add(root, root.name)
        elif root.exists():
            out.problems.append(f"{root}: not a regular file (skipped)")
        else:
            out.problems.append(f"{root}: no such file or folder")
    return out


def _walk_dir(root: Path, skip: Optional[Path], exclude: Sequence[str], add, out: Walk) -> None:
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        rel_here = here.relative_to(root).as_posix()
        prefix = "" if rel_here == "." else rel_here + "/"
        keep = []
        for d in sorted(dirs):
            if _hidden(d) or (skip is not None and (here / d).resolve() == skip):
                continue
            if excluded(prefix + d, exclude):
                out.excluded.append(here / d)
                continue
            keep.append(d)
        dirs[:] = keep
        for name in sorted(names):
            if _hidden(name):
                continue
            path = here / name
            if path.is_file():
                add(path, prefix + name)
            else:
                out.problems.append(f"{path}: not a regular file (skipped)")
