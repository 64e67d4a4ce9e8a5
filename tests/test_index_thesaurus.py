"""The thesaurus data file: validated with line numbers, and every group expands in a query."""
from __future__ import annotations

import pytest

from govdoc.errors import BadInput
from govdoc.index.fts5_query import term_of
from govdoc.index.plan import plan_query
from govdoc.index.thesaurus import THESAURUS, parse_thesaurus, thesaurus

GROUPS = sorted({names for names in thesaurus().groups.values()})


@pytest.mark.parametrize("text, message", [
    ("农网\n", "line 1: a group needs two names"),
    ("# c\n农网\t农村电网\n医保\t医\n", "line 3: '医' is too short"),
    ("农村电网\t农网\n农网\t电网\n", "line 2: 农网 is already in the group of 农村电网"),
    ("农网\t农村 电网\n", "line 1: '农村 电网' holds characters a search cannot match"),
])
def test_thesaurus_errors_name_the_line(text, message):
    with pytest.raises(BadInput) as err:
        parse_thesaurus(text, "thesaurus.tsv")
    assert "thesaurus.tsv" in str(err.value) and message in str(err.value)


def test_thesaurus_folds_names_so_traditional_queries_expand_too():
    found = parse_thesaurus("農村電網\t農網\n").find("农网改造")
    assert found == [(0, 2, ("农村电网", "农网"))]


def test_packaged_thesaurus_lives_inside_the_package():
    assert THESAURUS.parent.name == "data" and THESAURUS.parent.parent.name == "govdoc"


@pytest.mark.parametrize("names", GROUPS, ids=lambda names: names[0])
def test_every_thesaurus_name_expands_to_its_whole_group(names):
    for name in names:
        concepts = plan_query(name).groups
        assert any({term_of(p) for p in group} >= set(names) for group in concepts), (name, concepts)


def test_unreadable_thesaurus_is_one_clear_error(tmp_path):
    with pytest.raises(BadInput, match="cannot read the thesaurus"):
        thesaurus(str(tmp_path / "missing.tsv"))
    (tmp_path / "latin1.tsv").write_bytes("农网\t农村电网\n".encode("gb18030"))
    with pytest.raises(BadInput, match="not UTF-8"):
        thesaurus(str(tmp_path / "latin1.tsv"))
