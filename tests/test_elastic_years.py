"""Elasticsearch keeps each record kind in one index per year behind an alias: letters land in the
indices of their year, searches through the alias span every year, a letter whose year changed
leaves nothing behind, a new year gets its index with the template's mapping and alias, an older
single-index layout is refused in one line and ``--fresh`` rebuilds from any layout."""
from __future__ import annotations

import copy
import json

import pytest
from backends import LETTERS, MOA_2016, XUCHANG_2017, XUCHANG_2019, letter
from elastic_support import ES_URL, needs_es, open_es, unique_prefix
from typer.testing import CliRunner

from govdoc.cli import commands  # noqa: F401 - registers the commands
from govdoc.cli.app import app
from govdoc.errors import IndexError_
from govdoc.index.base import Query, letter_id
from govdoc.index.elastic import load_template

pytestmark = needs_es


def with_year(reply: dict, year, measures: int | None = None) -> dict:
    """The same letter (same id) issued in another year (None: undated), perhaps with fewer measures."""
    changed = copy.deepcopy(reply)
    changed["issue_date"] = {**changed["issue_date"], "date": f"{year}-03-01"} if year else None
    if measures is not None:
        changed["measures"] = changed["measures"][:measures]
    return changed


def ids_by_index(backend, lid: str) -> dict[str, list[str]]:
    """Concrete index → the ids of that letter's records in it (every kind, every year)."""
    backend._refresh()
    resp = backend.es.search(index=list(backend.indices.values()), size=100,
                             query={"term": {"letter_id": lid}}, source=["id"])
    out: dict[str, list[str]] = {}
    for hit in resp["hits"]["hits"]:
        out.setdefault(hit["_index"], []).append(hit["_id"])
    return {name: sorted(ids) for name, ids in sorted(out.items())}


def test_letters_land_in_the_indices_of_their_year(es_index):
    assert es_index.index(LETTERS).errors == []
    lid = letter_id(XUCHANG_2019)
    assert ids_by_index(es_index, lid) == {
        es_index.index_for("letters", 2019): [lid],
        es_index.index_for("measures", 2019): [f"{lid}:m1", f"{lid}:m2", f"{lid}:m3"],
        es_index.index_for("metrics", 2019): [f"{lid}:k1", f"{lid}:k2"]}
    years = sorted({l["issue_date"]["date"][:4] for l in LETTERS})
    assert es_index.layout.indices("letters") == sorted(
        [es_index.index_for("letters", int(y)) for y in years] + [es_index.index_for("letters", None)])


def test_alias_search_spans_every_year(es_index):
    assert es_index.index(LETTERS).errors == []
    result = es_index.search(Query("错峰生产"))
    assert {h["year"] for h in result["hits"]} == {2017, 2019}  # two indices, one answer
    assert result["facets"]["year"] == {"2017": 1, "2019": 1}
    assert es_index.search(Query(limit=50))["total"] == len(LETTERS)
    assert es_index.stats()["by_year"] == {"2016": 1, "2017": 1, "2018": 1, "2019": 2, "2021": 1}
    assert es_index.get(letter_id(MOA_2016))["year"] == 2016
    assert es_index.get(f"{letter_id(XUCHANG_2017)}:k1")["indicator"] == "PM2.5平均浓度"
    assert es_index.doc_freqs(["错峰生产", "农村"]) == (len(LETTERS), {"错峰生产": 2, "农村": 3})  # 2017, 2019; 2018, 2019, 2021


@pytest.mark.parametrize("new_year, measures", [(2020, None), (2020, 1), (None, 3), (2019, 1)])
def test_letter_whose_year_changed_leaves_no_duplicate(es_index, new_year, measures):
    assert es_index.index([XUCHANG_2019, XUCHANG_2017]).errors == []
    moved = with_year(XUCHANG_2019, new_year, measures)
    assert es_index.index([moved]).errors == []
    lid, n = letter_id(moved), len(moved["measures"])
    assert ids_by_index(es_index, lid) == {
        es_index.index_for("letters", new_year): [lid],
        es_index.index_for("measures", new_year): [f"{lid}:m{i}" for i in range(1, n + 1)],
        es_index.index_for("metrics", new_year): [f"{lid}:k1", f"{lid}:k2"]}
    stats = es_index.stats()
    assert (stats["letters"], stats["measures"]) == (2, n + 1)
    assert es_index.search(Query(letter_id=lid))["hits"][0]["year"] == new_year


def test_year_changes_within_one_load_are_found_before_any_refresh(es_index):
    versions = [XUCHANG_2019, with_year(XUCHANG_2019, 2020), with_year(XUCHANG_2019, 2018, 1)]
    assert es_index.index(versions, batch_size=1).errors == []  # refreshed only at the end
    lid = letter_id(XUCHANG_2019)
    assert list(ids_by_index(es_index, lid)) == [es_index.index_for(k, 2018) for k in ("letters", "measures", "metrics")]


def test_change_of_year_interrupted_half_way_is_finished_by_the_next_attempt(es_index, monkeypatch):
    assert es_index.index([XUCHANG_2019]).errors == []
    real_bulk, calls = es_index._bulk, []

    def fails_second_step(actions):  # the letter records' step never reaches the node
        calls.append(actions)
        if len(calls) == 2:
            raise IndexError_("Elasticsearch: bulk request failed after 6 attempts: ConnectionError")
        return real_bulk(actions)

    monkeypatch.setattr(es_index, "_bulk", fails_second_step)
    with pytest.raises(IndexError_):
        es_index.index([with_year(XUCHANG_2019, 2021, 1)])
    monkeypatch.setattr(es_index, "_bulk", real_bulk)
    assert es_index.index([with_year(XUCHANG_2019, 2021, 1)]).errors == []
    lid = letter_id(XUCHANG_2019)
    assert ids_by_index(es_index, lid) == {
        es_index.index_for("letters", 2021): [lid], es_index.index_for("measures", 2021): [f"{lid}:m1"],
        es_index.index_for("metrics", 2021): [f"{lid}:k1", f"{lid}:k2"]}


def test_new_year_gets_its_index_with_the_template_mapping_and_alias(es_index):
    name = es_index.index_for("letters", 2031)
    assert not es_index.es.indices.exists(index=name)
    assert es_index.index([letter("letters/future.txt", title="关于二〇三一年农村公路的答复", year=2031)]).errors == []
    got = es_index.es.indices.get(index=name)[name]
    want = load_template()["template"]
    for key in ("_meta", "_source", "dynamic"):
        assert got["mappings"][key] == want["mappings"][key]
    assert {f: p["type"] for f, p in got["mappings"]["properties"].items() if "type" in p} == \
        {f: p["type"] for f, p in want["mappings"]["properties"].items() if "type" in p}
    assert list(got["aliases"]) == [es_index.indices["letters"]]
    assert got["settings"]["index"]["refresh_interval"] == want["settings"]["index"]["refresh_interval"]
    assert es_index.search(Query("农村公路", year_from=2031))["total"] == 1


def test_operator_sizing_is_kept_and_used_for_new_years():
    prefix = unique_prefix()
    first = open_es(prefix)
    try:
        first.es.cluster.put_component_template(name=f"{prefix}-sizing", template={
            "settings": {"index": {"number_of_shards": 2, "number_of_replicas": 0}}})
        again = open_es(prefix)  # opening again does not reset the sizing
        assert again.index([XUCHANG_2017]).errors == []
        name = again.index_for("letters", 2017)
        assert again.es.indices.get_settings(index=name)[name]["settings"]["index"]["number_of_shards"] == "2"
        again.close()
    finally:
        first.drop()
        first.close()


def test_clear_removes_every_year_index(es_index):
    assert es_index.index(LETTERS).errors == []
    es_index.clear()
    assert es_index.layout.indices() == sorted(es_index.index_for(k, None) for k in es_index.indices)
    assert es_index.stats()["letters"] == 0
    assert es_index.index([XUCHANG_2019]).errors == []  # the year index comes back with the next write
    assert es_index.search(Query("错峰生产"))["total"] == 1


def run_index(tmp_path, prefix: str, *options: str, letters: list[dict] = LETTERS):
    jsonl = tmp_path / "letters.jsonl"
    jsonl.write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in letters), encoding="utf-8")
    return CliRunner().invoke(app, ["index", str(jsonl), "--backend", "elasticsearch", "--es-url", ES_URL,
                                    "--es-index", prefix, *options])


def test_index_fresh_removes_every_year_index(es_index, tmp_path):
    assert es_index.index(LETTERS).errors == []
    result = run_index(tmp_path, es_index.prefix, "--fresh", letters=[XUCHANG_2019])
    assert result.exit_code == 0, result.output
    assert es_index.layout.indices("letters") == [es_index.index_for("letters", 2019),
                                                  es_index.index_for("letters", None)]
    assert es_index.stats()["letters"] == 1


def test_older_single_index_layout_is_one_line_and_fresh_rebuilds(tmp_path):
    prefix = unique_prefix()
    old = open_es(prefix)
    old.drop()
    old.es.indices.create(index=f"{prefix}-letters", mappings={"_meta": {"govdoc_mapping": 1}})
    try:
        with pytest.raises(IndexError_, match=rf"{prefix}-letters is the single index per record kind of an older "
                                              r"govdoc.*govdoc index --fresh"):
            open_es(prefix)
        refused = run_index(tmp_path, prefix)
        lines = [line for line in refused.output.splitlines() if line.strip()]
        assert refused.exit_code == 2 and len(lines) == 1 and lines[0].startswith("error: "), refused.output
        rebuilt = run_index(tmp_path, prefix, "--fresh")
        assert rebuilt.exit_code == 0, rebuilt.output
        backend = open_es(prefix)
        assert backend.es.indices.exists_alias(name=f"{prefix}-letters")
        assert backend.stats()["letters"] == len(LETTERS)
        again = run_index(tmp_path, prefix, "--fresh")  # --fresh over the per-year layout: the same letters once
        assert again.exit_code == 0, again.output
        assert backend.stats()["letters"] == len(LETTERS)
        backend.close()
    finally:
        old.drop()
        old.close()
