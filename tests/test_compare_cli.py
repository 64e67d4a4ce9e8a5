"""``govdoc compare``: every corpus pair gives valid JSON and HTML; bad input gives one error line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from govdoc.cli.app import app
from govdoc.cli import commands  # noqa: F401 - registers the commands
from govdoc.compare.model import Comparison

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
PAIRS = CORPORA / "compare"
# every pair of every compare set: the development set and the ones written blind
PAIR_FILES = sorted(p for p in CORPORA.glob("compare*/*.compare.json"))
PAGES = sorted(CORPORA.glob("*/*.txt"))
NOTICE = ("关于做好春节期间安全生产工作的通知\n各乡镇人民政府,县直各部门:\n春节将至,为切实做好安全生产工作,现将有关事项通知如下。\n"
          "一、加强隐患排查。\n二、落实值班制度。\n县人民政府办公室\n2023年1月10日\n")


def run(*args: str):
    return CliRunner().invoke(app, ["compare", *args])


@pytest.mark.parametrize("gold", PAIR_FILES, ids=[f"{p.parent.name}/{p.name.split('.')[0]}" for p in PAIR_FILES])
def test_compare_cli_pair_json_and_html(gold):
    pid = gold.name.split(".")[0]
    files = [str(gold.with_name(f"{pid}.suggestion.txt")), str(gold.with_name(f"{pid}.reply.txt"))]
    result = run(*files)
    assert result.exit_code == 0, result.output
    comparison = Comparison.model_validate(json.loads(result.stdout))
    assert comparison.suggestion.asks
    html = run(*files, "--format", "html")
    assert html.exit_code == 0 and html.stdout.startswith("<!DOCTYPE html>") and "</html>" in html.stdout


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.name}" for p in PAGES])
def test_compare_cli_every_corpus_page_json_and_html_or_one_line(page):
    """``govdoc compare FILE`` on every corpus page: a page holding both parts gives valid JSON and
    HTML; any other page one error line naming it, and exit 1."""
    result = run(str(page))
    if result.exit_code == 0:
        Comparison.model_validate(json.loads(result.stdout))
        html = run(str(page), "--format", "html")
        assert html.exit_code == 0 and html.stdout.startswith("<!DOCTYPE html>") and html.stdout.endswith("</html>\n")
    else:
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert result.exit_code == 1 and len(lines) == 1 and lines[0].startswith(f"error: {page}: ")


def test_compare_cli_corpus_pages_holding_both_parts_compare():
    assert {"e026.txt", "e036.txt", "p004.reply.txt", "p008.reply.txt"} <= {
        p.name for p in PAGES if run(str(p)).exit_code == 0}


@pytest.mark.parametrize("make, reason", [
    (lambda d: [d / "empty.txt"], "empty"),
    (lambda d: [d / "empty.txt", PAIRS / "p004.reply.txt"], "empty"),
    (lambda d: [PAIRS / "p007.reply.txt", PAIRS / "p012.reply.txt"], "this is a reply, not a suggestion"),  # two replies
    (lambda d: [PAIRS / "p004.suggestion.txt", PAIRS / "p008.suggestion.txt"], "this is a suggestion, not a reply"),
    (lambda d: [d / "notice.txt", PAIRS / "p004.reply.txt"], "neither a suggestion nor a reply"),
    (lambda d: [PAIRS / "p004.suggestion.txt", d / "notice.txt"], "neither a suggestion nor a reply"),
    (lambda d: [PAIRS / "p006.reply.txt"], "no suggestion"),
    (lambda d: [d / "missing.txt", PAIRS / "p004.reply.txt"], "no such file"),
    (lambda d: [PAIRS / "p004.suggestion.txt", d], "is a folder, not a file"),
    (lambda d: [PAIRS / "p004.suggestion.txt", d / "binary.txt"], "binary data"),
])
def test_compare_cli_bad_input_one_line(tmp_path, make, reason):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 20)
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


def test_compare_cli_folder_bad_file_loses_nothing_else(tmp_path):
    for name in ("p004.suggestion.txt", "p004.reply.txt", "p016.suggestion.txt", "p016.reply.txt"):
        (tmp_path / name).write_text((PAIRS / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 20)
    result = run("--folder", str(tmp_path))
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.exit_code == 1 and len(errors) == 1 and "broken.txt" in errors[0]
    assert len([json.loads(line) for line in result.stdout.splitlines()]) == 2


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


def test_eval_cli_scores_compare_pairs(tmp_path):
    report = tmp_path / "report.json"
    result = CliRunner().invoke(app, ["eval", str(PAIRS), "--report", str(report)])
    assert result.exit_code == 0, result.output
    groups = json.loads(report.read_text(encoding="utf-8"))["groups"]
    assert set(groups) == {"held-out", "tuning", "all"} and groups["all"]["pairs"] == len(list(PAIRS.glob("*.compare.json")))
    assert "(compare; 0 distractors, 0 linked to a pair)" in result.stdout
    missing = CliRunner().invoke(app, ["eval", str(PAIRS), "--distractor", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "nope.txt: no such file" in missing.output
