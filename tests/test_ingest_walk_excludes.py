"""What ``govdoc ingest`` walks: documents only.  Gold JSON, TSV indexes and READMEs beside the
letters are excluded (counted, not failed); hidden entries and the data folder are left out;
``--exclude`` globs match a name or a path below the walked folder."""
from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import make_tree

from govdoc.ingest.walk import DEFAULT_EXCLUDES, walk

TREE = ["d001.txt", "d001.gold.json", "INDEX.tsv", "README.md", "scan.tif", "sub/答复函.pdf",
        "sub/notes.md", "drafts/草稿.txt", ".git/config", ".DS_Store", "data/json/x.json", "data/state.sqlite"]


@pytest.fixture()
def tree(tmp_path):
    return make_tree(tmp_path / "archive", TREE)


def names(paths, root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in paths)


@pytest.mark.parametrize("extra, files, excluded", [
    ((), ["d001.txt", "drafts/草稿.txt", "scan.tif", "sub/答复函.pdf"],
     ["INDEX.tsv", "README.md", "d001.gold.json", "sub/notes.md"]),
    (("drafts",), ["d001.txt", "scan.tif", "sub/答复函.pdf"],
     ["INDEX.tsv", "README.md", "d001.gold.json", "drafts", "sub/notes.md"]),
    (("sub/*.pdf", "*.tif"), ["d001.txt", "drafts/草稿.txt"],
     ["INDEX.tsv", "README.md", "d001.gold.json", "scan.tif", "sub/notes.md", "sub/答复函.pdf"]),
])
def test_ingest_walk_skips_what_is_not_a_document(tree, extra, files, excluded):
    found = walk([tree], skip_dir=tree / "data", exclude=DEFAULT_EXCLUDES + extra)
    assert names(found.files, tree) == files
    assert names(found.excluded, tree) == excluded
    assert found.problems == []


@pytest.mark.parametrize("exclude, files", [
    ((), ["INDEX.tsv", "README.md", "d001.gold.json", "d001.txt", "drafts/草稿.txt", "scan.tif",
          "sub/notes.md", "sub/答复函.pdf"]),
])
def test_ingest_walk_without_default_excludes_keeps_hidden_and_data_out(tree, exclude, files):
    found = walk([tree], skip_dir=tree / "data", exclude=exclude)
    assert names(found.files, tree) == files and found.excluded == []


@pytest.mark.parametrize("given, files, excluded", [
    (["d001.txt", "d001.gold.json", "nowhere.txt"], ["d001.txt"], ["d001.gold.json"]),
])
def test_ingest_walk_applies_excludes_to_named_files(tree, given, files, excluded):
    found = walk([tree / g for g in given], skip_dir=tree / "data")
    assert names(found.files, tree) == files and names(found.excluded, tree) == excluded
    assert found.problems == [f"{tree / 'nowhere.txt'}: no such file or folder"]
