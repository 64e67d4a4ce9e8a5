"""Floor scores of the parser on the corpus: a regression below them fails CI.

The issue's targets are header fields F1 >= 0.95, metrics >= 0.85 and measures >= 0.75 on real
letters.  ``real`` and ``seed`` are the real letters; ``heldout`` and ``heldout2`` are constructed
letters first written blind to the rules and since used as development sets (see their READMEs);
they hold the same floors, so a rule tuned to one folder at the expense of the others shows up here.
"""
from __future__ import annotations

import json

import pytest

from conftest import CORPORA
from govdoc.eval.score import HEADER_FIELDS, evaluate

FLOORS = {name: 0.95 for name in HEADER_FIELDS} | {"kind": 0.95, "metrics": 0.85, "measures": 0.75}
FOLDERS = ["seed", "real", "heldout", "heldout2"]


@pytest.fixture(scope="module", params=FOLDERS)
def report(request):
    return request.param, evaluate(CORPORA / request.param).as_dict()["fields"]


def test_eval_floors_per_field(report):
    folder, fields = report
    below = {name: fields[name]["f1"] for name, floor in FLOORS.items() if fields[name]["f1"] < floor}
    assert not below, f"{folder}: F1 below the floor: {below}"


def test_eval_cli_writes_report(tmp_path):
    from typer.testing import CliRunner

    from govdoc.cli.app import app
    from govdoc.cli import commands  # noqa: F401

    out = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["eval", str(CORPORA / "seed"), "--report", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["fields"]["overall"]["f1"] >= 0.95
    assert "doc_number" in result.output and "F1" in result.output
