"""``govdoc compare``: every corpus pair gives valid JSON and HTML; bad input gives one error line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govdoc.cli.app import app
from govdoc.cli import commands  # noqa: F401 - registers the commands
from govdoc.compare.model import Comparison

PAIRS = Path(__file__).resolve().parents[1] / "corpora" / "compare"
IDS = sorted(p.name.split(".")[0] for p in PAIRS.glob("*.compare.json"))


def run(*args: str):
    return CliRunner().invoke(app, ["compare", *args])


@pytest.mark.parametrize("pid", IDS)
def test_compare_cli_pair_json_and_html(pid):
    files = [str(PAIRS / f"{pid}.suggestion.txt"), str(PAIRS / f"{pid}.reply.txt")]
    result = run(*files)
    assert result.exit_code == 0, result.output
    comparison = Comparison.model_validate(json.loads(result.stdout))
    assert comparison.suggestion.asks
    html = run(*files, "--format", "html")
    assert html.exit_code == 0 and html.stdout.startswith("<!DOCTYPE html>") and "</html>" in html.stdout


@pytest.mark.parametrize("make, reason", [
    (lambda d: [d / "empty.txt"], "empty"),
    (lambda d: [PAIRS / "p007.reply.txt", PAIRS / "p012.reply.txt"], "this is a reply, not a suggestion"),
    (lambda d: [PAIRS / "p006.reply.txt"], "no suggestion"),
])
def test_compare_cli_bad_input_one_line(tmp_path, make, reason):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run(*map(str, make(tmp_path)))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and reason in lines[0]


def test_compare_cli_folder_report(tmp_path):
    for name in ("p004.suggestion.txt", "p004.reply.txt", "p016.suggestion.txt", "p016.reply.txt"):
        (tmp_path / name).write_text((PAIRS / name).read_text(encoding="utf-8"), encoding="utf-8")
    report = tmp_path / "report.html"
    result = run("--folder", str(tmp_path), "--report", str(report))
    assert result.exit_code == 0, result.output
    html = report.read_text(encoding="utf-8")
    assert "石林彝族自治县水务局" in html and "桓台县交通运输局" in html and "2022" in html


def test_compare_cli_one_page_html_escaped(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("建议标题:关于修建<script>村道的建议\n建议内容(摘要):群众出行困难,建议硬化<b>张村</b>至李村道路。\n"
                    "办理复文(摘要):张村至李村道路已于2020年7月开工建设,预计年底前完工。\n办理结果:A类\n", encoding="utf-8")
    result = run(str(page), "--format", "html")
    assert result.exit_code == 0, result.output
    assert "<script>" not in result.stdout and "&lt;b&gt;" in result.stdout
    data = json.loads(run(str(page)).stdout)
    assert data["link"] == {"confidence": 1.0, "evidence": ["same page (record)"]}
    assert data["coverage"] == 1.0 and data["reply"]["grade"]
