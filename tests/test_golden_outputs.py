"""Each corpus letter parses to its golden file (tests/golden/, made by scripts/golden.py): the
text letters, the same letters rendered as PDF, DOCX, HTML and OFD (corpora/formats), and a few
OCR'd scans (marked slow).  A change that alters an output on purpose updates the golden files
in the same commit, so the review shows the effect field by field; a refactoring or speed-up
changes none.  OCR output is compared whole: it is the same from run to run and with one or
several OCR threads here (checked when the scans' golden files were made)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("golden", ROOT / "scripts" / "golden.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)


def _cases():
    for letter in golden.letters():
        marks = [pytest.mark.slow] if golden.is_ocr(letter) else []
        yield pytest.param(letter, marks=marks, id=f"{letter.parent.name}/{letter.name}")


@pytest.mark.parametrize("letter", list(_cases()))
def test_golden_output_unchanged(letter, monkeypatch):
    monkeypatch.chdir(ROOT)  # source.path is stored relative to the repository
    expected = golden.golden_path(letter)
    assert expected.exists(), "no golden file: run scripts/golden.py --update"
    got, want = json.loads(golden.render(letter)), json.loads(expected.read_text(encoding="utf-8"))
    for key in want:  # field by field, so a failure names the field that moved
        assert got[key] == want[key], f"{letter.name}: {key} differs (scripts/golden.py shows all)"
    assert got.keys() == want.keys()
