"""The walk streams (``entries`` yields one file at a time, remembering only the walked folders,
named files and link targets) and still lists each file once, however the paths overlap."""
from __future__ import annotations

import os
from itertools import islice
from pathlib import Path

import pytest
from ingest_helpers import make_tree

from govdoc.ingest.walk import FILE, entries, walk

TREE = ["a.txt", "sub/b.txt", "sub/deep/c.txt", "other/d.txt"]


@pytest.fixture()
def tree(tmp_path):
    return make_tree(tmp_path / "archive", TREE)


def names(paths, root: Path) -> list[str]:
    return sorted(Path(os.path.realpath(p)).relative_to(root.resolve()).as_posix() for p in paths)


@pytest.mark.parametrize("given", [
    ["."], [".", "."], [".", "sub"], ["sub", "."], ["sub/deep", "sub", "."], ["a.txt", "."], [".", "a.txt"],
    ["sub/b.txt", "sub/b.txt", "sub", "other", "a.txt"],
])
def test_ingest_walk_lists_each_file_once(tree, given):
    found = walk([tree / g for g in given])
    assert names(found.files, tree) == sorted(TREE) and found.problems == []


@pytest.mark.parametrize("link, target, expected", [
    ("sub/link.txt", "a.txt", sorted(TREE)),  # a link to a file the walk reaches anyway
    ("sub/outside.txt", "../outside.txt", sorted(TREE + ["../outside.txt"])),  # a file outside: once
])
def test_ingest_walk_follows_links_to_files_once(tree, link, target, expected):
    (tree.parent / "outside.txt").write_text("许昌市", encoding="utf-8")
    (tree / link).symlink_to(tree / target if not target.startswith("..") else tree.parent / "outside.txt")
    found = walk([tree, tree / link])
    got = sorted(os.path.relpath(os.path.realpath(p), tree.resolve()) for p in found.files)
    assert got == expected


def test_ingest_walk_entries_are_lazy(tree):
    """The first file comes before the walk has listed the rest of the archive."""
    stream = entries([tree])
    first = next(e for e in stream if e.kind == FILE)
    (tree / "zz-late.txt").write_text("许昌市", encoding="utf-8")  # the root folder was listed already
    (tree / "sub" / "deep" / "zz-later.txt").write_text("许昌市", encoding="utf-8")  # not yet listed
    rest = [e.path.name for e in islice(stream, 100) if e.kind == FILE]
    assert first.path.name == "a.txt" and "zz-later.txt" in rest
