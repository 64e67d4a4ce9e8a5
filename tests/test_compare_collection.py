"""``govdoc compare --data DIR``: the ingested letters linked, each linked reply's findings kept in
<data>/compare and indexed, so coverage filters and facets work; what changes when run again."""
from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from govdoc.cli import commands  # noqa: F401 - registers the commands
from govdoc.cli.app import app
from govdoc.index.backends import open_backend
from govdoc.index.base import Query
from govdoc.index.findings import FINDINGS_DIR, checked, read_findings
from elastic_support import ES_URL, needs_es, open_es, unique_prefix
from web_support import COMPARE


def run(*args: str):
    return CliRunner().invoke(app, ["compare", *args])


@pytest.fixture
def data(compare_data, tmp_path):
    """A copy of the ingested compare letters (p001, p004, p016 pairs, a hostile one-page record,
    a second copy of p001's reply whose source is gone); ``(data folder, {file name: id})``."""
    shutil.copytree(compare_data[0], tmp_path / "data")
    return tmp_path / "data", compare_data[1]


def coverage_in_index(data_dir, **bounds) -> dict[str, float]:
    with open_backend("sqlite", data_dir) as index:
        hits = index.search(Query(limit=50, **bounds))["hits"]
    return {h["letter_id"]: h["coverage"] for h in hits}


def test_compare_data_keeps_findings_and_indexes_them(data):
    data_dir, ids = data
    result = run("--data", str(data_dir))
    assert result.exit_code == 0, result.output
    kept = {p.stem: checked(json.loads(p.read_text(encoding="utf-8"))) for p in (data_dir / FINDINGS_DIR).glob("*.json")}
    replies = {ids[n] for n in ("p001.reply.txt", "p004.reply.txt", "p016.reply.txt", "hostile-record.txt", "gone.txt")}
    assert set(kept) == replies
    assert kept[ids["p004.reply.txt"]]["suggestion_id"] == ids["p004.suggestion.txt"]
    assert kept[ids["gone.txt"]]["suggestion_id"] == ids["p001.suggestion.txt"]  # two replies, one suggestion
    assert kept[ids["hostile-record.txt"]]["suggestion_id"] == ids["hostile-record.txt"]  # both parts on one page
    same = json.loads(CliRunner().invoke(app, ["compare", str(COMPARE / "p004.suggestion.txt"),
                                               str(COMPARE / "p004.reply.txt")]).stdout)
    assert kept[ids["p004.reply.txt"]]["coverage"] == same["coverage"]
    assert coverage_in_index(data_dir, coverage_min=0.0) == {i: f["coverage"] for i, f in kept.items()}
    assert coverage_in_index(data_dir, coverage_below=0.5) == {i: f["coverage"] for i, f in kept.items()
                                                                if f["coverage"] < 0.5}
    assert [json.loads(line)["coverage"] for line in result.stdout.splitlines()]  # one JSON line per linked reply


def test_compare_data_again_removes_findings_no_longer_linked(data):
    data_dir, ids = data
    assert run("--data", str(data_dir)).exit_code == 0
    for suffix in (".json", ".txt"):  # p016's suggestion is gone from the data folder
        (data_dir / "json" / f"{ids['p016.suggestion.txt']}{suffix}").unlink()
    result = run("--data", str(data_dir))
    assert result.exit_code == 0, result.output
    assert "1 no longer linked, removed" in result.output
    reply = ids["p016.reply.txt"]
    assert read_findings(data_dir, reply) is None and reply not in coverage_in_index(data_dir, coverage_min=0.0)
    assert read_findings(data_dir, ids["p004.reply.txt"]) is not None  # it quotes its suggestion


def test_compare_data_index_fresh_keeps_coverage(data):
    data_dir, _ids = data
    assert run("--data", str(data_dir)).exit_code == 0
    before = coverage_in_index(data_dir, coverage_min=0.0)
    indexed = CliRunner().invoke(app, ["index", str(data_dir / "json"), "--data", str(data_dir), "--fresh"])
    assert indexed.exit_code == 0, indexed.output
    assert coverage_in_index(data_dir, coverage_min=0.0) == before and before


def test_compare_data_ingest_indexes_the_findings(data, tmp_path):
    """The ingest path (``BatchIndexer``) reads a letter's findings when it indexes it."""
    from govdoc.ingest.batches import BatchIndexer
    from govdoc.ingest.state import StateDB

    data_dir, ids = data
    assert run("--data", str(data_dir), "--no-index").exit_code == 0
    assert coverage_in_index(data_dir, coverage_min=0.0) == {}
    with open_backend("sqlite", data_dir) as index:
        indexer = BatchIndexer(index, StateDB(data_dir), data_dir / "json")
        assert indexer.add_from_disk(ids["p016.reply.txt"])
        indexer.flush(patient=True)
        indexer.state.close()
    assert list(coverage_in_index(data_dir, coverage_min=0.0)) == [ids["p016.reply.txt"]]


def test_compare_data_report_of_one_agency(data, tmp_path):
    data_dir, _ids = data
    report = tmp_path / "report.html"
    result = run("--data", str(data_dir), "--issuer", "桓台县交通运输局", "--report", str(report))
    assert result.exit_code == 0, result.output
    html = report.read_text(encoding="utf-8")
    assert "桓台县交通运输局" in html and "石林彝族自治县水务局" not in html and "高青县交通运输局" not in html
    assert _ids['p016.reply.txt'] in html and ".txt<" not in html  # letters named by title and id, not text file
    assert "1 linked" in result.output
    session = run("--data", str(data_dir), "--session", "县十八届人大二次会议", "--report", str(report))
    assert session.exit_code == 0 and "1 linked" in session.output  # p016 (桓台县人大十八届二次会议)


def test_compare_data_without_an_index_keeps_findings(data):
    data_dir, ids = data
    (data_dir / "index.sqlite").unlink()
    result = run("--data", str(data_dir))
    assert result.exit_code == 0, result.output
    assert "no index yet" in result.output and not (data_dir / "index.sqlite").exists()
    assert read_findings(data_dir, ids["p001.reply.txt"]) is not None


@pytest.mark.parametrize("args, message", [
    (lambda d: ["--data", str(d / "nothing")], "no ingested letters here"),
    (lambda d: ["--data", str(d), "--session", "随便"], "--session"),
])
def test_compare_data_bad_input_one_line(data, args, message):
    result = run(*args(data[0]))
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert result.exit_code == 1 and len(lines) == 1 and lines[0].startswith("error:") and message in lines[0]


@pytest.mark.parametrize("_", [pytest.param(0, marks=needs_es)])
def test_compare_data_on_elasticsearch_filters_like_sqlite(data, _):
    data_dir, _ids = data
    prefix = unique_prefix()
    es = ["--backend", "elasticsearch", "--es-url", ES_URL, "--es-index", prefix]
    backend = open_es(prefix)
    try:
        indexed = CliRunner().invoke(app, ["index", str(data_dir / "json"), "--data", str(data_dir), *es])
        assert indexed.exit_code == 0, indexed.output
        result = run("--data", str(data_dir), *es)
        assert result.exit_code == 0, result.output
        assert not coverage_in_index(data_dir, coverage_min=0.0)  # the embedded index was not touched
        assert run("--data", str(data_dir)).exit_code == 0
        for bounds in ({"coverage_min": 0.0}, {"coverage_below": 0.5}, {"coverage_min": 0.5}):
            found = backend.search(Query(limit=50, **bounds))
            assert {h["letter_id"]: h["coverage"] for h in found["hits"]} == coverage_in_index(data_dir, **bounds)
        with open_backend("sqlite", data_dir) as index:
            assert backend.search(Query())["facets"]["coverage"] == index.search(Query())["facets"]["coverage"]
    finally:
        backend.drop()
        backend.close()


@pytest.mark.parametrize("session, issuer, expected", [
    (None, "泸西县交通运输局", {"p002.reply.txt"}),  # the record's handling unit: the reply names no issuer
    ("县十八届人大二次会议", None, {"p016.reply.txt"}),
    ("县十六届人大四次会议", "泸西县交通运输局", {"p002.reply.txt"}),
    ("县十六届人大四次会议", "桓台县交通运输局", set()),
    (None, None, {"p002.reply.txt", "p016.reply.txt"}),
])
def test_compare_select_pairs_of_a_session_and_agency(tmp_path, session, issuer, expected):
    from govdoc.compare.analyze import compare_folder
    from govdoc.compare.collection import select
    from govdoc.search.session import parse_session

    for pid in ("p002", "p016"):
        for role in ("suggestion", "reply"):
            shutil.copy(COMPARE / f"{pid}.{role}.txt", tmp_path / f"{pid}.{role}.txt")
    chosen = select(compare_folder(tmp_path), parse_session(session) if session else None, issuer)
    assert {r.path.rsplit("/", 1)[1] for _s, r, _c in chosen.linked} == expected


def test_compare_data_ingest_drops_the_findings_of_a_letter_it_deletes(data):
    """A letter whose file changed or went is deleted by ingest: its JSON, text and findings go."""
    from govdoc.ingest.batches import BatchIndexer
    from govdoc.ingest.state import StateDB

    data_dir, ids = data
    assert run("--data", str(data_dir)).exit_code == 0
    gone = ids["p016.reply.txt"]
    state = StateDB(data_dir)
    state.db.execute("INSERT INTO pending_deletes VALUES (?)", (gone,))
    state.db.commit()
    with open_backend("sqlite", data_dir) as index:
        BatchIndexer(index, state, data_dir / "json").delete_pending(patient=True)
    state.close()
    assert read_findings(data_dir, gone) is None and not (data_dir / "json" / f"{gone}.json").exists()
    assert read_findings(data_dir, ids["p004.reply.txt"]) is not None


def test_compare_data_export_filters_and_writes_coverage(data, tmp_path):
    """``govdoc export --coverage-below`` keeps the compared replies under the bound, with their coverage."""
    data_dir, _ids = data
    assert run("--data", str(data_dir)).exit_code == 0
    out = tmp_path / "low.jsonl"
    result = CliRunner().invoke(app, ["export", "", "--coverage-below", "0.5", "--format", "jsonl", "--out", str(out),
                                      "--data", str(data_dir)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = coverage_in_index(data_dir, coverage_below=0.5)
    assert expected and all(c < 0.5 for c in expected.values())
    assert {r["letter_id"]: r["coverage"] for r in rows} == expected
