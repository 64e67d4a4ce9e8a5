"""Large loads: a batch goes out as parallel bulk streams, and ``bulk_loading()`` turns refreshes,
translog fsyncs and replicas off only for the duration of the load."""
from __future__ import annotations

import json

import pytest
from backends import LETTERS, letter
from elastic_support import ES_URL, needs_es
from typer.testing import CliRunner

from govdoc.cli import commands  # noqa: F401 - registers the commands
from govdoc.cli.app import app
from govdoc.index.base import Query
from govdoc.index.elastic import _split


@pytest.mark.parametrize("n, parts, chunk, sizes", [
    (0, 2, 1000, []),
    (5, 2, 1000, [5]),  # smaller than a chunk: one stream
    (3250, 2, 1000, [2000, 1250]),  # whole chunks per stream
    (7000, 2, 1000, [4000, 3000]),
    (7, 3, 2, [4, 3]),
])
def test_split_gives_contiguous_pieces_of_whole_chunks(n, parts, chunk, sizes):
    pieces = _split(list(range(n)), parts, chunk)
    assert [len(p) for p in pieces] == sizes
    assert [x for p in pieces for x in p] == list(range(n))


def settings(backend) -> dict[str, dict]:
    """Index → its refresh, translog and replica settings, for every index of the prefix."""
    got = backend.es.indices.get_settings(index=list(backend.indices.values()), flat_settings=True)
    return {name: {k: spec["settings"].get(k) for k in ("index.refresh_interval", "index.translog.durability",
                                                         "index.number_of_replicas")}
            for name, spec in got.items()}


def values(backend, key: str) -> set:
    return {s[key] for s in settings(backend).values()}


@needs_es[0]
@needs_es[1]
def test_bulk_loading_restores_settings_and_shows_the_load(es_index):
    assert es_index.index(LETTERS[:2]).errors == []  # 2017 and 2019 indices exist before the load
    before = settings(es_index)
    many = [letter(f"letters/load-{i}.txt", title=f"关于第{i}号农村公路建议的答复", year=2019 + i % 3,
                   measures=[("农村公路", "完成农村公路建设。")] * 3) for i in range(600)]
    with es_index.bulk_loading():
        assert values(es_index, "index.refresh_interval") == {"-1"}
        assert values(es_index, "index.translog.durability") == {"async"}
        assert es_index.index([*LETTERS, *many], batch_size=700).errors == []
        # year indices made during the load (2016, 2018, 2020, 2021 …) load the same way
        assert len(settings(es_index)) > len(before)
        assert values(es_index, "index.refresh_interval") == {"-1"}
    after = settings(es_index)
    assert {name: after[name] for name in before} == before
    assert {tuple(s.items()) for s in after.values()} == {tuple(s.items()) for s in before.values()}
    assert es_index.search(Query("农村公路", limit=1))["total"] == 601
    assert es_index.search(Query("农村公路", record="measures", limit=1))["total"] == 1801



@needs_es[0]
@needs_es[1]
def test_index_command_bulk_loads_and_restores_the_settings(es_index, tmp_path):
    assert es_index.index(LETTERS).errors == []
    before = settings(es_index)
    letters = tmp_path / "letters.jsonl"
    letters.write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in LETTERS), encoding="utf-8")
    result = CliRunner().invoke(app, ["index", str(letters), "--bulk", "--backend", "elasticsearch",
                                      "--es-url", ES_URL, "--es-index", es_index.prefix])
    assert result.exit_code == 0, result.output
    assert settings(es_index) == before
    assert es_index.search(Query("错峰生产", limit=1))["total"] >= 1
