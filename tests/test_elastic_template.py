"""govdoc applies its checked-in templates itself (one per record kind, with the kind's alias,
composed of a sizing template it creates only when missing), and the server's whitespace analyzer
keeps govdoc's tokens whole (the integ-test distribution has no analysis plugins)."""
from __future__ import annotations

import pytest
from backends import LETTERS
from elastic_support import needs_es, open_es, unique_prefix

from govdoc.errors import IndexError_
from govdoc.index.analysis import analyze
from govdoc.index.base import RECORD_KINDS
from govdoc.index.elastic import load_template

pytestmark = needs_es


def field_types(mapping: dict) -> dict[str, str]:
    return {f: p.get("type", "object") for f, p in mapping["properties"].items()}


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_indices_get_the_checked_in_mapping(es_index, kind):
    name = es_index.index_for(kind, None)  # the undated index, there from the start
    mapping = es_index.es.indices.get_mapping(index=name)[name]["mappings"]
    want = load_template()["template"]["mappings"]
    assert mapping["dynamic"] == want["dynamic"]
    assert field_types(mapping) == field_types(want)


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_template_per_kind_names_its_year_indices_and_alias(es_index, kind):
    alias = es_index.indices[kind]
    template = es_index.es.indices.get_index_template(name=alias)["index_templates"][0]["index_template"]
    assert template["index_patterns"] == [f"{alias}-*"]
    assert list(template["template"]["aliases"]) == [alias]
    assert template["composed_of"] == [f"{es_index.prefix}-sizing"]


@pytest.mark.parametrize("text", ["PM2.5平均浓度57微克/立方米", "實施錯峰生產", "许环〔2019〕12号", "优良天数134天"])
@pytest.mark.parametrize("field, part", [("title_w", 0), ("title_bg", 1)])
def test_whitespace_analyzer_keeps_govdoc_tokens_whole(es_index, text, field, part):
    tokens = analyze(text)[part]
    resp = es_index.es.indices.analyze(index=es_index.index_for("letters", None), field=field, text=tokens)
    assert [t["token"] for t in resp["tokens"]] == tokens.split()


def test_index_made_by_another_mapping_version_is_refused_with_a_way_out():
    prefix = unique_prefix()
    first = open_es(prefix)
    first.drop()
    first.es.indices.create(index=f"{prefix}-letters-2019", mappings={"_meta": {"govdoc_mapping": 0}},
                            aliases={f"{prefix}-letters": {}})
    try:
        with pytest.raises(IndexError_, match=rf"{prefix}-letters-2019 has mapping version 0.*--fresh"):
            open_es(prefix)
    finally:
        first.drop()
        first.close()


def test_drop_removes_indices_and_templates():
    backend = open_es()
    assert backend.index(LETTERS).errors == []
    backend.drop()
    es, prefix = backend.es, backend.prefix
    assert es.indices.get(index=f"{prefix}-*", allow_no_indices=True, ignore_unavailable=True) == {}
    assert not any(es.indices.exists_index_template(name=alias) for alias in backend.indices.values())
    assert not es.cluster.exists_component_template(name=f"{prefix}-sizing")
    backend.close()


def test_template_states_one_mapping_version():
    """The version govdoc checks (``_meta``) is the one the indices it makes carry."""
    template = load_template()
    assert template["_meta"]["govdoc_mapping"] == template["template"]["mappings"]["_meta"]["govdoc_mapping"]
