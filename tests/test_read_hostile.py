"""Hostile inputs (tests/hostile_files.py: deep nesting, one huge line, a million tiny lines,
huge tables, many pages, an over-long text) either parse or are refused with govdoc's own
one-line reason naming the file: no third-party message reaches the user.  How long each
takes is measured by scripts/bench_hostile.py, not asserted here."""
from __future__ import annotations

import pytest

from govdoc.build import parse_path, parse_text
from govdoc.errors import BadInput
from hostile_files import HOSTILE, write_all

# Words of the libraries' own messages that must never be shown raw.
FOREIGN = ("E088", "XMLSyntaxError", "XML_PARSE_HUGE", "lxml", "Traceback", "RecursionError")


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    write_all(folder)
    return folder


@pytest.mark.parametrize("name", list(HOSTILE))
def test_read_hostile_file_parses_or_is_refused_in_our_words(hostile_dir, name):
    path, expected = hostile_dir / name, HOSTILE[name][1]
    if expected is None:
        assert parse_path(path).source.path == str(path)
        return
    with pytest.raises(BadInput) as err:
        parse_path(path)
    line = str(err.value)
    assert line.startswith(f"{path}: ") and expected in line and "\n" not in line
    assert not any(word in line for word in FOREIGN), line


@pytest.mark.parametrize("limit, length", [("100", 150)])
def test_read_hostile_length_limit_names_the_number_and_the_setting(monkeypatch, limit, length):
    monkeypatch.setenv("GOVDOC_MAX_CHARS", limit)
    with pytest.raises(BadInput) as err:
        parse_text("答" * length, path="long.txt")
    assert str(err.value) == (f"long.txt: text of {length} characters is over the limit of {limit} for one letter "
                              "(set GOVDOC_MAX_CHARS to raise it)")
