"""The bulk actions that replace a letter in per-year indices (no Elasticsearch needed): old child
records the new version does not overwrite are deleted wherever the letter was found, the letter
record moves last, and a removal deletes children before the letter record that finds them."""
from __future__ import annotations

import pytest

from govdoc.index.elastic_layout import year_suffix
from govdoc.index.elastic_replace import Replacer, child_ids, record_kind

REPLACER = Replacer(lambda kind, suffix: f"g-{kind}-{suffix}", year_suffix)


def prepared(lid: str, year, measures: int, metrics: int) -> dict:
    letter = {"id": lid, "record": "letters", "year": year, "n_measures": measures, "n_metrics": metrics}
    docs = [letter] + [{"id": f"{lid}:m{i}", "record": "measures", "year": year} for i in range(1, measures + 1)] \
        + [{"id": f"{lid}:k{i}", "record": "metrics", "year": year} for i in range(1, metrics + 1)]
    return {lid: ("a.txt", docs)}


def ops(actions: list[dict]) -> list[tuple[str, str, str]]:
    return [(a.get("_op_type", "index"), a["_index"], a["_id"]) for a in actions]


@pytest.mark.parametrize("old, first, last", [
    ({}, [("index", "g-measures-2020", "L:m1"), ("index", "g-metrics-2020", "L:k1")],
     [("index", "g-letters-2020", "L")]),
    # the same year with more records before: the extra ones go, the rest is overwritten
    ({"L": [("2020", 3, 1)]}, [("delete", "g-measures-2020", "L:m2"), ("delete", "g-measures-2020", "L:m3"),
                               ("index", "g-measures-2020", "L:m1"), ("index", "g-metrics-2020", "L:k1")],
     [("index", "g-letters-2020", "L")]),
    # another year: every old record goes, the letter record in the second step
    ({"L": [("2019", 2, 1)]}, [("delete", "g-measures-2019", "L:m1"), ("delete", "g-measures-2019", "L:m2"),
                               ("delete", "g-metrics-2019", "L:k1"),
                               ("index", "g-measures-2020", "L:m1"), ("index", "g-metrics-2020", "L:k1")],
     [("delete", "g-letters-2019", "L"), ("index", "g-letters-2020", "L")]),
    # found in two places (a change of year that failed half-way): both cleaned
    ({"L": [("2019", 1, 0), ("2020", 2, 1)]}, [("delete", "g-measures-2019", "L:m1"),
                                               ("delete", "g-measures-2020", "L:m2"),
                                               ("index", "g-measures-2020", "L:m1"), ("index", "g-metrics-2020", "L:k1")],
     [("delete", "g-letters-2019", "L"), ("index", "g-letters-2020", "L")]),
])
def test_replace_actions_follow_the_year(old, first, last):
    new = prepared("L", 2020, 1, 1)
    assert ops(REPLACER.children(new, old)) == first
    assert ops(REPLACER.letters(new, old)) == last


def test_remove_deletes_children_first_then_letter_records():
    children, letters = REPLACER.remove({"L": [("undated", 1, 1), ("2019", 0, 0)]})
    assert ops(children) == [("delete", "g-measures-undated", "L:m1"), ("delete", "g-metrics-undated", "L:k1")]
    assert ops(letters) == [("delete", "g-letters-undated", "L"), ("delete", "g-letters-2019", "L")]


def test_unwrite_removes_the_new_and_the_old_version_once():
    new = prepared("L", 2020, 2, 0)
    children, letters = REPLACER.unwrite(new, ["L"], {"L": [("2020", 3, 0), ("2018", 1, 0)]})
    assert sorted(ops(children)) == [("delete", "g-measures-2018", "L:m1"), ("delete", "g-measures-2020", "L:m1"),
                                     ("delete", "g-measures-2020", "L:m2"), ("delete", "g-measures-2020", "L:m3")]
    assert sorted(ops(letters)) == [("delete", "g-letters-2018", "L"), ("delete", "g-letters-2020", "L")]


@pytest.mark.parametrize("record_id, kind", [("L", "letters"), ("L:m12", "measures"), ("L:k3", "metrics")])
def test_record_kind(record_id, kind):
    assert record_kind(record_id) == kind


def test_child_ids_beyond_what_is_kept():
    assert child_ids("L", 3, 2, keep=(1, 2)) == ["L:m2", "L:m3"]


@pytest.mark.parametrize("year, suffix", [(2019, "2019"), (None, "undated"), ("二〇一九", "undated"),
                                          (True, "undated"), (99999, "undated")])
def test_year_suffix(year, suffix):
    assert year_suffix(year) == suffix
