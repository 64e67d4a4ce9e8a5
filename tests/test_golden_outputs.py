"""Each corpus letter parses to its golden file (tests/golden/, made by scripts/golden.py).
A change that alters an output on purpose updates the golden files in the same commit, so
the review shows the effect field by field; a refactoring or speed-up changes none."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("golden", ROOT / "scripts" / "golden.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)


@pytest.mark.parametrize("letter", golden.letters(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_golden_output_unchanged(letter, monkeypatch):
    monkeypatch.chdir(ROOT)  # source.path is stored relative to the repository
    expected = golden.golden_path(letter)
    assert expected.exists(), "no golden file: run scripts/golden.py --update"
    got, want = json.loads(golden.render(letter)), json.loads(expected.read_text(encoding="utf-8"))
    for key in want:  # field by field, so a failure names the field that moved
        assert got[key] == want[key], f"{letter.name}: {key} differs (scripts/golden.py shows all)"
    assert got.keys() == want.keys()
