"""``govdoc parse`` options: --with-text writes the normalized text beside the JSON (spans point
into it); --max-pages, --password and --ocr reach the readers."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govdoc.cli import commands  # noqa: F401 - registers the commands
from govdoc.cli.app import app
from ingest_helpers import REAL, encrypted_pdf, letter_pdf

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


@pytest.mark.parametrize("name", ["d001", "d027"])
def test_parse_with_text_writes_the_text_the_spans_point_into(tmp_path, name):
    result = runner.invoke(app, ["parse", str(REAL / f"{name}.txt"), "--out", str(tmp_path), "--with-text"])
    assert result.exit_code == 0, result.output
    letter = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
    text = (tmp_path / f"{name}.txt").read_text(encoding="utf-8")
    span = letter["addressee"]["span"]
    assert text[span["start"]:span["end"]].replace("\n", "") == letter["addressee"]["text"]


@pytest.mark.parametrize("args", [["--with-text"]])
def test_parse_with_text_needs_out(args):
    result = runner.invoke(app, ["parse", str(REAL / "d001.txt"), *args])
    assert result.exit_code != 0 and "--out" in result.output


@pytest.mark.parametrize("file_name, make, args, reason", [
    ("letter.pdf", lambda: letter_pdf(REAL / "d001.txt"), ["--max-pages", "0"], "over the limit of 0"),
    ("locked.pdf", encrypted_pdf, ["--password", "wrong"], "encrypted"),
    ("scan.tif", lambda: (ROOT / "corpora" / "scans" / "d001.g4.tif").read_bytes(), ["--ocr", "never"], "OCR is off"),
])
def test_parse_read_options_reach_the_reader(tmp_path, file_name, make, args, reason):
    path = tmp_path / file_name
    path.write_bytes(make())
    result = runner.invoke(app, ["parse", str(path), *args])
    assert result.exit_code == 1 and reason in result.output, result.output


@pytest.mark.parametrize("password", ["secret"])
def test_parse_password_opens_an_encrypted_pdf(tmp_path, password):
    path = tmp_path / "locked.pdf"  # opened with the password; its one English word is no letter
    path.write_bytes(encrypted_pdf())
    result = runner.invoke(app, ["parse", str(path), "--password", password])
    assert result.exit_code == 1 and "locked.pdf: " in result.output and "encrypted" not in result.output, \
        result.output
