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
from typing import Iterable, Iterator, Optional, Sequence

# Not document formats: structured data, notes and code found beside letters in an archive.
DEFAULT_EXCLUDES = ("*.json", "*.jsonl", "*.tsv", "*.csv", "*.md", "*.markdown", "*.yaml", "*.yml",
                    "*.toml", "*.ini", "*.xml", "*.py", "*.sh", "*.sqlite", "*.db", "*.log")


FILE, EXCLUDED, PROBLEM = "file", "excluded", "problem"


@dataclass
class Walk:
    files: list[Path] = field(default_factory=list)
    excluded: list[Path] = field(default_factory=list)  # matched an exclude glob: not a document
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Entry:
    kind: str  # FILE | EXCLUDED | PROBLEM
    path: Optional[Path] = None
    problem: Optional[str] = None


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
    out hidden entries, ``skip_dir`` (the data folder) and what ``exclude`` matches; in lists."""
    out = Walk()
    for entry in entries(paths, skip_dir, exclude):
        if entry.kind == FILE:
            out.files.append(entry.path)
        elif entry.kind == EXCLUDED:
            out.excluded.append(entry.path)
        else:
            out.problems.append(entry.problem)
    return out


@dataclass
class _Seen:
    """What makes a file a duplicate, in memory that does not grow with the number of files: the
    folders already walked (given nested or twice), the files named on the command line, and the
    targets of links to files outside every walked folder."""
    roots: list[Path] = field(default_factory=list)
    files: set[str] = field(default_factory=set)

    def inside_root(self, resolved: Path) -> bool:
        return any(resolved == r or resolved.is_relative_to(r) for r in self.roots)

    def new_file(self, path: Path, key: Optional[Path] = None) -> bool:
        """False for a file met before.  ``key``: the resolved path of a file a folder walk met
        (known without a system call); None for a file named on the command line."""
        if key is not None and not path.is_symlink():
            return str(key) not in self.files
        real = path.resolve()
        if str(real) in self.files or self.inside_root(real):
            return False  # named twice, or a link to a file a walked folder holds
        self.files.add(str(real))
        return True


def entries(paths: Iterable[Path], skip_dir: Optional[Path] = None,
            exclude: Sequence[str] = DEFAULT_EXCLUDES) -> Iterator[Entry]:
    """Like :func:`walk`, lazily: one :class:`Entry` at a time, so an archive of millions of
    files is never held in memory."""
    seen = _Seen()
    skip = skip_dir.resolve() if skip_dir else None
    for root in paths:
        root = Path(root)
        if root.is_dir():
            yield from _walk_dir(root, skip, exclude, seen)
        elif root.is_file():
            if excluded(root.name, exclude):
                yield Entry(EXCLUDED, root)
            elif seen.new_file(root):
                yield Entry(FILE, root)
        elif root.exists():
            yield Entry(PROBLEM, problem=f"{root}: not a regular file (skipped)")
        else:
            yield Entry(PROBLEM, problem=f"{root}: no such file or folder")


def _walk_dir(root: Path, skip: Optional[Path], exclude: Sequence[str], seen: _Seen) -> Iterator[Entry]:
    real_root = root.resolve()
    if seen.inside_root(real_root):
        return  # given twice, or inside a folder walked already
    earlier = list(seen.roots)  # folders walked before and inside this one: not again
    seen.roots.append(real_root)
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        rel_here = here.relative_to(root).as_posix()
        prefix = "" if rel_here == "." else rel_here + "/"
        keep = []
        for d in sorted(dirs):
            real = real_root / prefix / d
            if _hidden(d) or (skip is not None and (here / d).resolve() == skip) or real in earlier:
                continue
            if excluded(prefix + d, exclude):
                yield Entry(EXCLUDED, here / d)
                continue
            keep.append(d)
        dirs[:] = keep
        yield from _folder_files(here, prefix, sorted(names), real_root, exclude, seen)


def _folder_files(here: Path, prefix: str, names: list[str], real_root: Path, exclude: Sequence[str],
                  seen: _Seen) -> Iterator[Entry]:
    for name in names:
        if _hidden(name):
            continue
        path = here / name
        if not path.is_file():
            yield Entry(PROBLEM, problem=f"{path}: not a regular file (skipped)")
        elif excluded(prefix + name, exclude):
            yield Entry(EXCLUDED, path)
        elif seen.new_file(path, real_root / prefix / name):
            yield Entry(FILE, path)
