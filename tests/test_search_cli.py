"""``govdoc index`` / ``search`` / ``stats`` on the embedded index."""
from __future__ import annotations

import io
import json

import pytest
from backends import COMPARED, LETTERS
from typer.testing import CliRunner

from govdoc.cli import commands  # noqa: F401 - registers the commands
from govdoc.cli.app import app


@pytest.fixture
def data(tmp_path):
    letters = tmp_path / "letters.jsonl"
    letters.write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in LETTERS), encoding="utf-8")
    result = CliRunner().invoke(app, ["index", str(letters), "--data", str(tmp_path / "data")])
    assert result.exit_code == 0, result.output
    return tmp_path / "data"


@pytest.fixture
def compared_data(tmp_path):
    """The letters indexed with the findings ``govdoc compare --data`` keeps for three of them."""
    from govdoc.index.findings import COMPARE_KEY, findings_path

    data = tmp_path / "data"
    for reply in COMPARED:
        path = findings_path(data, reply[COMPARE_KEY]["reply_id"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(reply[COMPARE_KEY]), encoding="utf-8")
    letters = tmp_path / "letters.jsonl"
    letters.write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in LETTERS), encoding="utf-8")
    result = CliRunner().invoke(app, ["index", str(letters), "--data", str(data)])
    assert result.exit_code == 0, result.output
    return data


@pytest.fixture
def console(monkeypatch):
    """What the rich consoles print, captured apart from the runner's streams."""
    from govdoc.cli import output

    buffers = {"out": io.StringIO(), "err": io.StringIO()}
    monkeypatch.setattr(output.out, "_file", buffers["out"])  # undo restores "follow sys.stdout"
    monkeypatch.setattr(output.err, "_file", buffers["err"])
    return buffers


def run(*args):
    return CliRunner().invoke(app, list(args))


def search_json_paths(data, args: list[str]) -> tuple[set[str], int]:
    """``govdoc search ARGS --json``: the source paths of its hits and its total (it must succeed)."""
    result = run("search", *args, "--json", "--data", str(data))
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    return {h["source_path"] for h in out["hits"]}, out["total"]


@pytest.mark.parametrize("args, paths", [
    (["错峰生产"], {"letters/xuchang-2017.txt", "letters/xuchang-2019.txt"}),
    (["错峰生产", "--year", "2019"], {"letters/xuchang-2019.txt"}),
    (["", "--year", "..2017", "--grade", "b"], {"letters/xuchang-2017.txt"}),
    (["", "--issuer", "环保局", "--session", "市七届人大四次会议"], {"letters/xuchang-2019.txt"}),
    (["", "--records", "metrics", "--indicator", "PM2.5", "--max", "60"], {"letters/xuchang-2019.txt"}),
    (["一窗受理", "--records", "measures"], {"letters/xuchang-2019.txt"}),
])
def test_search_json(data, args, paths):
    found, total = search_json_paths(data, args)
    assert found == paths and total == len(paths)


def test_search_table_names_the_hits(data, console):
    result = run("search", "错峰生产", "--data", str(data))
    table = console["out"].getvalue()
    assert result.exit_code == 0 and "2 letters for '错峰生产'" in table
    assert "<mark>" not in table and "[bold" not in table


def test_stats_json(data):
    out = json.loads(run("stats", "--json", "--data", str(data)).stdout)
    assert (out["letters"], out["by_grade"]) == (len(LETTERS), {"A": 2, "B": 1})


@pytest.mark.parametrize("args, message", [
    (["--year", "20x"], "--year"),
    (["--session", "人大"], "--session"),
    (["--backend", "elasticsearch", "--es-url", ""], "GOVDOC_ES_URL"),
    (["--coverage-below", "1.5"], "--coverage-below: 1.5: expected a share from 0 to 1"),
    (["--coverage-min", "-0.1"], "--coverage-min"),
    (["--coverage-min", "nan"], "--coverage-min"),
])
def test_search_bad_options_get_one_error_line(data, args, message, monkeypatch, console):
    monkeypatch.delenv("GOVDOC_ES_URL", raising=False)
    result = run("search", "x", *args, "--data", str(data))
    errors = result.output + console["err"].getvalue()
    assert result.exit_code == 2 and message in errors and errors.count("error:") == 1


def test_index_bad_file_names_it_and_goes_on(tmp_path, console):
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    (tmp_path / "good.json").write_text(json.dumps(LETTERS[0]), encoding="utf-8")
    result = run("index", str(tmp_path), "--data", str(tmp_path / "data"))
    errors = result.output + console["err"].getvalue()
    assert result.exit_code == 1
    assert "bad.json: not valid JSON" in errors and "indexed 1 letter" in errors


def test_data_folder_from_environment(tmp_path, monkeypatch):
    (tmp_path / "good.json").write_text(json.dumps(LETTERS[0]), encoding="utf-8")
    monkeypatch.setenv("GOVDOC_DATA", str(tmp_path / "env-data"))
    assert run("index", str(tmp_path / "good.json")).exit_code == 0
    assert (tmp_path / "env-data" / "index.sqlite").is_file()


def test_index_bulk_on_sqlite_loads_as_usual(tmp_path):
    (tmp_path / "good.json").write_text(json.dumps(LETTERS[0]), encoding="utf-8")
    assert run("index", str(tmp_path), "--bulk", "--data", str(tmp_path / "data")).exit_code == 0
    assert json.loads(run("stats", "--json", "--data", str(tmp_path / "data")).stdout)["letters"] == 1


def test_search_json_has_facets_over_every_match(data):
    out = json.loads(run("search", "错峰生产", "--limit", "1", "--json", "--data", str(data)).stdout)
    assert len(out["hits"]) == 1 and out["total"] == 2
    assert out["facets"]["year"] == {"2017": 1, "2019": 1} and out["facets"]["grade"] == {"A": 1, "B": 1}


def test_search_table_prints_facets_under_the_hits(data, console):
    assert run("search", "错峰生产", "--data", str(data)).exit_code == 0
    table = console["out"].getvalue()
    assert "facets" in table and "2017 (1)" in table and "许昌市生态环境局 (2)" in table


def test_search_offset_is_the_next_page(data):
    first = json.loads(run("search", "农村", "--limit", "1", "--json", "--data", str(data)).stdout)["hits"]
    second = json.loads(run("search", "农村", "--limit", "1", "--offset", "1", "--json", "--data", str(data)).stdout)["hits"]
    assert first and second and first[0]["id"] != second[0]["id"]


def test_similar_json(data):
    from govdoc.index.base import letter_id

    out = json.loads(run("similar", letter_id(LETTERS[0]), "--json", "--data", str(data)).stdout)
    assert out["hits"][0]["source_path"] == "letters/xuchang-2019.txt" and out["terms"]


def test_similar_unknown_id_one_error_line(data, console):
    result = run("similar", "nope", "--data", str(data))
    assert result.exit_code == 2 and "nope: no letter with this id" in result.output + console["err"].getvalue()


@pytest.mark.parametrize("records, args, count", [
    ("letters", ["错峰生产"], 2),
    ("letters", ["", "--grade", "A"], 2),
    ("measures", ["", "--year", "2019.."], 5),
    ("metrics", ["", "--indicator", "PM2.5"], 2),
])
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_writes_every_match(data, tmp_path, records, args, count, fmt):
    out_file = tmp_path / f"export.{fmt}"
    result = run("export", *args, "--records", records, "--format", fmt, "--out", str(out_file), "--data", str(data))
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        import csv

        raw = out_file.read_bytes()
        assert raw.startswith("\ufeff".encode("utf-8"))  # Excel reads UTF-8 only with a BOM
        rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    else:
        import pyarrow.parquet as pq

        rows = pq.read_table(out_file).to_pylist()
    assert len(rows) == count
    assert all(row["record"] == records for row in rows)
    if records == "metrics":
        assert {float(row["value"]) for row in rows} == {57.0, 68.0}


def test_export_unwritable_file_is_one_error_line(data, tmp_path, console):
    result = run("export", "错峰生产", "--out", str(tmp_path / "missing" / "x.csv"), "--data", str(data))
    assert result.exit_code == 2 and "cannot write the export" in result.output + console["err"].getvalue()


@pytest.mark.parametrize("args, paths", [
    (["--coverage-below", "0.5"], {"letters/nanhua-2019.txt"}),
    (["--coverage-min", "0.5"], {"letters/zhenkang-2018.txt", "letters/xuchang-2019.txt"}),
    (["--coverage-min", "0"], {"letters/nanhua-2019.txt", "letters/zhenkang-2018.txt", "letters/xuchang-2019.txt"}),
    (["错峰生产", "--coverage-below", "1"], set()),
    (["", "--records", "measures", "--coverage-below", "0.5"], {"letters/nanhua-2019.txt"}),
])
def test_search_coverage_options(compared_data, args, paths):
    """Coverage comes from the findings kept in <data>/compare; letters without any are left out."""
    found, total = search_json_paths(compared_data, args)
    assert found == paths and total == len(paths)


def test_search_table_shows_coverage_and_its_facet(compared_data, console):
    assert run("search", "", "--coverage-min", "0", "--data", str(compared_data)).exit_code == 0
    table = console["out"].getvalue()
    assert "coverage" in table and "100%" in table and "50%" in table
    assert "0-0.25 (1)  0.5-0.75 (1)  0.75-1 (1)" in table
    assert run("search", "高标准农田", "--data", str(compared_data)).exit_code == 0
    assert "coverage" not in console["out"].getvalue().split("高标准农田", 1)[1].split("facets")[0]


def test_search_help_says_letters_without_a_comparison_are_left_out():
    help_text = " ".join(run("search", "--help").output.replace("│", " ").split())
    assert "--coverage-below" in help_text and "letters without a comparison are left out" in help_text


def test_index_bad_findings_one_line_letter_kept(compared_data, console):
    from govdoc.index.base import letter_id
    from govdoc.index.findings import findings_path

    findings_path(compared_data, letter_id(COMPARED[0])).write_text("{", encoding="utf-8")
    letters = compared_data.parent / "letters.jsonl"
    result = run("index", str(letters), "--data", str(compared_data), "--fresh")
    errors = result.output + console["err"].getvalue()
    assert result.exit_code == 1 and errors.count("error:") == 1 and "not a comparison" in errors
    assert f"indexed {len(LETTERS)} letter(s)" in errors
    out = json.loads(run("search", "", "--coverage-min", "0", "--json", "--data", str(compared_data)).stdout)
    assert out["total"] == 2
