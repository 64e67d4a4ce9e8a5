"""SQLite: an index file of an older layout is derived data; opening it starts a fresh, empty index."""
from __future__ import annotations

import sqlite3

import pytest
from backends import XUCHANG_2019

from govdoc.index.base import Query
from govdoc.index.sqlite import FILE_NAME, SqliteBackend


@pytest.mark.parametrize("old_schema", [
    "CREATE TABLE records (rid INTEGER PRIMARY KEY, id TEXT, record TEXT, stored TEXT);"
    "INSERT INTO records VALUES (1, 'x', 'letters', '{}');",
])
def test_older_layout_is_rebuilt_empty(tmp_path, old_schema):
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.executescript(old_schema)
    backend = SqliteBackend(tmp_path)
    assert backend.stats()["letters"] == 0
    assert len(backend.notices) == 1 and "emptied" in backend.notices[0] and "govdoc index" in backend.notices[0]
    backend.index([XUCHANG_2019])
    assert backend.search(Query("一窗受理"))["total"] == 1
    backend.close()
    reopened = SqliteBackend(tmp_path)
    assert reopened.stats()["letters"] == 1
    assert reopened.notices == ()  # the current layout: nothing to tell
    reopened.close()


def test_cli_tells_the_user_an_old_index_was_emptied(tmp_path):
    from typer.testing import CliRunner

    from govdoc.cli import commands  # noqa: F401 - registers the commands
    from govdoc.cli.app import app

    data = tmp_path / "data"
    data.mkdir()
    with sqlite3.connect(data / FILE_NAME) as db:
        db.executescript("CREATE TABLE records (rid INTEGER PRIMARY KEY, id TEXT);")
    result = CliRunner().invoke(app, ["stats", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "note:" in result.output and "emptied" in result.output
