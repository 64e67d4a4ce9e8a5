"""govdoc applies its checked-in template itself, and the server's whitespace analyzer keeps govdoc's
tokens whole (the integ-test distribution has no analysis plugins)."""
from __future__ import annotations

import pytest
from elastic_support import needs_es, open_es, unique_prefix

from govdoc.errors import IndexError_
from govdoc.index.analysis import analyze
from govdoc.index.base import RECORD_KINDS
from govdoc.index.elastic import load_template

pytestmark = needs_es


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_indices_get_the_checked_in_mapping(es_index, kind):
    name = es_index.indices[kind]
    mapping = es_index.es.indices.get_mapping(index=name)[name]["mappings"]
    want = load_template()["template"]["mappings"]
    assert mapping["dynamic"] == want["dynamic"]
    assert {f: p.get("type", "object") for f, p in mapping["properties"].items()} == \
        {f: p.get("type", "object") for f, p in want["properties"].items()}


def test_template_names_the_three_indices(es_index):
    templates = es_index.es.indices.get_index_template(name=f"{es_index.prefix}-records")["index_templates"]
    assert sorted(templates[0]["index_template"]["index_patterns"]) == sorted(es_index.indices.values())


@pytest.mark.parametrize("text", ["PM2.5平均浓度57微克/立方米", "實施錯峰生產", "许环〔2019〕12号", "优良天数134天"])
@pytest.mark.parametrize("field, part", [("title_w", 0), ("title_bg", 1)])
def test_whitespace_analyzer_keeps_govdoc_tokens_whole(es_index, text, field, part):
    tokens = analyze(text)[part]
    resp = es_index.es.indices.analyze(index=es_index.indices["letters"], field=field, text=tokens)
    assert [t["token"] for t in resp["tokens"]] == tokens.split()


def test_index_made_by_another_mapping_version_is_refused_with_a_way_out():
    prefix = unique_prefix()
    first = open_es(prefix)
    first.drop()
    first.es.indices.create(index=f"{prefix}-letters", mappings={"_meta": {"govdoc_mapping": 0}})
    try:
        with pytest.raises(IndexError_, match=rf"{prefix}-letters has mapping version 0.*--fresh"):
            open_es(prefix)
    finally:
        first.drop()
        first.close()


def test_drop_removes_indices_and_template():
    backend = open_es()
    backend.drop()
    assert not backend.es.indices.exists(index=list(backend.indices.values()))
    assert not backend.es.indices.exists_index_template(name=f"{backend.prefix}-records")
    backend.close()
