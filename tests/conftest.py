"""Shared fixtures: corpus paths and a parsed-letter cache."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SEED = CORPORA / "seed" / "xuchang-2019-reply.txt"
REAL = CORPORA / "real"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(SEED.with_name("xuchang-2019-reply.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def parsed_seed():
    from govdoc.build import parse_path

    return parse_path(SEED)


@pytest.fixture
def es_index():
    """A fresh set of Elasticsearch indexes under a unique prefix, dropped afterwards (the tests
    that take it are marked ``needs_es``: they are skipped without GOVDOC_ES_URL)."""
    from elastic_support import open_es

    backend = open_es()
    yield backend
    backend.drop()
    backend.close()


@pytest.fixture(scope="session")
def web_data(tmp_path_factory):
    """``(data folder, {source file name: letter id})``: a few letters ingested for the web tests."""
    from web_support import build_data

    data_dir = tmp_path_factory.mktemp("web") / "data"
    return data_dir, build_data(data_dir)


@pytest.fixture(scope="session")
def compare_data(tmp_path_factory):
    """``(data folder, {source file name: letter id})``: compare corpus pairs, a hostile record and a
    letter whose source file is gone, ingested for the web compare tests."""
    from web_support import build_compare_data

    root = tmp_path_factory.mktemp("webcmp")
    return root / "data", build_compare_data(root / "data", root / "files")
