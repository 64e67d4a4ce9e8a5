"""Floor scores of the parser on the corpus: a regression below them fails CI.

The issue's targets are header fields F1 >= 0.95, metrics >= 0.85 and measures >= 0.75 on real
letters.  ``real`` and ``seed`` are the real letters; ``heldout`` and ``heldout2`` are constructed
letters first written blind to the rules and since used as development sets (see their READMEs);
they hold the same floors, so a rule tuned to one folder at the expense of the others shows up here.
``real2`` (42 real letters from sources no rule was written for; issue 13) holds floors of its own, a
little below what the parser reached on it (every third letter was held out of tuning: see the log
of the commit that split it), so a regression fails CI while the issue's targets stay open.  Fields
with few gold values there (signatories 2, cc 1, grade 5, doc_number 9) keep room for one miss.
``compare`` holds issue 11's targets for ``govdoc compare``: ask F1 >= 0.85, response accuracy >= 0.8
(macro >= 0.7) and link accuracy >= 0.95 in a folder mixing the pairs with the letters of ``real`` and
``real2`` (but e026 and e036, the pages two pairs were cut from, which would link to them rightly).
"""
from __future__ import annotations

import json

import pytest

from conftest import CORPORA
from govdoc.eval.compare import evaluate_compare
from govdoc.eval.score import HEADER_FIELDS, evaluate

FLOORS = {name: 0.95 for name in HEADER_FIELDS} | {"kind": 0.95, "metrics": 0.85, "measures": 0.75}
REAL2_FLOORS = {"kind": 0.95, "doc_number": 0.9, "issuer": 0.95, "signatories": 0.6, "grade": 0.85, "title": 0.91,
                "congress": 0.95, "item": 0.82, "addressee": 0.95, "proposers": 0.95, "issue_date": 0.95,
                "contact": 0.86, "cc": 0.6, "metrics": 0.95, "measures": 0.85, "header": 0.95}
# blind-letters-a to -e: 15, 15, 20, 25 and 24 constructed documents, written blind by five
# annotators after real2's held-out part was spent (their READMEs: first seen header 0.974 / 0.936 /
# 0.979 / 0.938 / 0.960, kind 1.0 / 0.933 / 0.95 / 0.92 / 1.0); their floors sit a little below what
# the parser reaches on them now, for the fields issue 13 names.
BLIND_LETTERS_FLOORS = {
    "blind-letters-a": {"header": 0.96, "proposers": 0.95, "measures": 0.9, "metrics": 0.95, "kind": 0.93},
    "blind-letters-b": {"header": 0.93, "proposers": 0.95, "measures": 0.9, "metrics": 0.95, "kind": 0.93},
    "blind-letters-c": {"header": 0.97, "proposers": 0.95, "measures": 0.95, "metrics": 0.97, "kind": 0.95},
    "blind-letters-d": {"header": 0.95, "proposers": 0.95, "measures": 0.9, "metrics": 0.97, "kind": 0.95},
    "blind-letters-e": {"header": 0.95, "proposers": 0.9, "measures": 0.95, "metrics": 0.95, "kind": 0.95},
}
FOLDERS = ["seed", "real", "heldout", "heldout2", "real2", *BLIND_LETTERS_FLOORS]
FOLDER_FLOORS = {"real2": REAL2_FLOORS, **BLIND_LETTERS_FLOORS}


@pytest.fixture(scope="module", params=FOLDERS)
def report(request):
    return request.param, evaluate(CORPORA / request.param).as_dict()["fields"]


def test_eval_floors_per_field(report):
    folder, fields = report
    floors = FOLDER_FLOORS.get(folder, FLOORS)
    below = {name: fields[name]["f1"] for name, floor in floors.items() if fields[name]["f1"] < floor}
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


COMPARE_FLOORS = {"ask_f1": 0.85, "response_accuracy": 0.8, "response_macro_f1": 0.7, "link_accuracy": 0.95}
SAME_PAGES = {"e026.txt", "e036.txt"}  # corpora/compare/README.md: also in real2 (p015, p014)


def test_eval_floors_compare():
    distractors = [p for p in sorted((CORPORA / "real").glob("*.txt")) + sorted((CORPORA / "real2").glob("*.txt"))
                   if p.name not in SAME_PAGES]
    result = evaluate_compare(CORPORA / "compare", distractors=distractors)
    scores = result["groups"]["all"]
    assert scores["pairs"] >= 16 and result["false_links"] == 0
    below = {name: scores[name] for name, floor in COMPARE_FLOORS.items() if scores[name] < floor}
    assert not below, f"compare: below the floor: {below}"


# corpora/compare-blind … compare-blind4 (pairs written blind to the rules; their READMEs): each
# set as it scores now, so that a change cannot lose it unnoticed.  These are not the issue's
# targets: when first seen the sets scored ask F1 0.69 / response 0.48 (blind), 0.69 / 0.66
# (blind2), 0.78 / 0.67 (blind3) and 0.89 / 0.80 with links 0.92 (blind4), the held-out parts of the
# first two 0.71 / 0.69 and 0.95 / 0.70.  blind3 was then used as development data (its README):
# its floors are its new score less one ask.  blind4's page-splitting and linking errors were then
# fixed (split.py, link.py): its floors are its score after that, less one ask.
# (pairs, asks, false links allowed, floors).
BLIND_FLOORS = {
    "compare-blind": (12, 40, 0, {"ask_f1": 0.9, "response_accuracy": 0.9, "response_macro_f1": 0.88,
                                  "link_accuracy": 1.0}),
    "compare-blind2": (10, 32, 0, {"ask_f1": 0.88, "response_accuracy": 0.88, "response_macro_f1": 0.9,
                                   "link_accuracy": 1.0}),
    "compare-blind3": (8, 24, 0, {"ask_f1": 0.95, "response_accuracy": 0.95, "response_macro_f1": 0.9,
                                  "link_accuracy": 1.0}),
    "compare-blind4": (12, 40, 0, {"ask_f1": 0.87, "response_accuracy": 0.825, "response_macro_f1": 0.85,
                                   "link_accuracy": 1.0}),
}


@pytest.mark.parametrize("name", sorted(BLIND_FLOORS))
def test_eval_floors_compare_blind(name):
    pairs, asks, false_links, floors = BLIND_FLOORS[name]
    folder = CORPORA / name
    distractors = sorted((folder / "distractors").glob("*.txt"))
    result = evaluate_compare(folder, heldout=(), distractors=distractors)
    scores = result["groups"]["all"]
    assert scores["pairs"] == pairs and scores["asks"] == asks and result["false_links"] <= false_links
    below = {field: scores[field] for field, floor in floors.items() if scores[field] < floor}
    assert not below, f"{name}: below the floor: {below}"
