"""The documented two-step path (``govdoc parse --out`` then ``govdoc index``) and ``govdoc ingest``
index the same letters the same way: the same search results, body text included."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from govdoc.cli import commands  # noqa: F401 - registers the commands
from govdoc.cli.app import app
from govdoc.index.backends import open_backend
from govdoc.index.base import Query
from govdoc.ingest import Settings, ingest
from ingest_helpers import copy_letters

LETTERS = ["d001", "d002", "d011", "d017", "d024"]
# Words found only in the letters' bodies, and words of their titles and measures.
QUERIES = ["农村公路", "老旧小区", "食品安全", "道路硬化", "资金"]


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    root = tmp_path_factory.mktemp("paths")
    inbox = root / "inbox"
    files = copy_letters(inbox, LETTERS)
    parsed = CliRunner().invoke(app, ["parse", *map(str, files), "--out", str(root / "parsed")])
    assert parsed.exit_code == 0, parsed.output
    indexed = CliRunner().invoke(app, ["index", str(root / "parsed"), "--data", str(root / "two-step")])
    assert indexed.exit_code == 0, indexed.output
    ingest([inbox], Settings(root / "ingest", workers=1, timeout=120), lambda: open_backend("sqlite", root / "ingest"))
    return root


def hits(data, text: str) -> list[tuple]:
    with open_backend("sqlite", data) as index:
        result = index.search(Query(text, limit=20))
    return [(h["letter_id"], h["score"], h["snippet"]) for h in result["hits"]]


def test_parse_out_writes_the_text_beside_each_json(both):
    for name in LETTERS:
        assert (both / "parsed" / f"{name}.txt").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("text", QUERIES)
def test_two_step_and_ingest_give_the_same_results(both, text):
    two_step, ingested = hits(both / "two-step", text), hits(both / "ingest", text)
    assert two_step and two_step == ingested


def test_index_says_when_letters_come_without_their_text(tmp_path):
    folder = tmp_path / "json-only"
    folder.mkdir()
    from backends import LETTERS as BUILT

    for i, letter in enumerate(BUILT[:2]):
        (folder / f"{i}.json").write_text(json.dumps(letter, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["index", str(folder), "--data", str(tmp_path / "data")])
    assert result.exit_code == 0
    notes = [line for line in result.output.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and str(folder) in notes[0] and "2 letter(s) have no text" in notes[0]


def test_parse_no_text_writes_json_alone(tmp_path):
    files = copy_letters(tmp_path / "inbox", ["d001"])
    result = CliRunner().invoke(app, ["parse", str(files[0]), "--out", str(tmp_path / "out"), "--no-text"])
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["d001.json"]
