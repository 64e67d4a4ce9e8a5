"""The in-memory filter columns of the SQLite backend select exactly what its SQL filters select,
and count the same facets as SQL does."""
from __future__ import annotations

import numpy as np
import pytest
from backends import COMPARED_LETTERS, LETTERS
from hypothesis import given, settings, strategies as st

from govdoc.index.base import Query, letter_id
from govdoc.index.sqlite import SqliteBackend, _filters
from govdoc.index.sqlite_columns import facet_counts, mask

VALUES = {
    "grade": st.sampled_from([None, "A", "B", "C"]),
    "congress_body": st.sampled_from([None, "人大", "政协"]),
    "congress_level": st.sampled_from([None, "市", "县", "全国"]),
    "congress_term": st.sampled_from([None, 7, 10, 12]),
    "congress_session": st.sampled_from([None, 1, 3, 4]),
    "item_type": st.sampled_from([None, "建议", "提案"]),
    "kind": st.sampled_from([None, "reply", "suggestion"]),
    "year_from": st.sampled_from([None, 2016, 2018, 2019, 2030]),
    "year_to": st.sampled_from([None, 2015, 2017, 2019]),
    "value_min": st.sampled_from([None, 0.0, 60.0, 120.0]),
    "value_max": st.sampled_from([None, 57.0, 100.0]),
    "coverage_min": st.sampled_from([None, 0.0, 0.5, 1.0]),
    "coverage_below": st.sampled_from([None, 0.0, 0.5, 0.75, 1.0]),
    "issuer": st.sampled_from([None, "环保局", "许昌市生态环境局", "农业部", "鎮康縣教育局", "不存在局"]),
    "letter_id": st.sampled_from([None, letter_id(LETTERS[0]), "nope"]),
    "exclude_letter": st.sampled_from([None, letter_id(LETTERS[1])]),
    "record": st.sampled_from(["letters", "measures", "metrics"]),
}


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    backend = SqliteBackend(tmp_path_factory.mktemp("columns"))
    backend.index(COMPARED_LETTERS)  # LETTERS, three with a comparison (coverage)
    yield backend
    backend.close()


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries(VALUES))
def test_columns_select_what_sql_selects(index, filters):
    query = Query(**filters)
    where, args = _filters(query)
    by_sql = {rid for (rid,) in index.db.execute(f"SELECT r.rid FROM records r WHERE {' AND '.join(where)}", args)}
    columns = index.columns(query.record)
    at = np.arange(len(columns.rids))
    assert {int(r) for r in columns.rids[at[mask(columns, at, query)]]} == by_sql


@pytest.mark.parametrize("record", ["letters", "measures", "metrics"])
def test_columns_count_facets_like_sql(index, record):
    columns = index.columns(record)
    counted = facet_counts(columns, np.arange(len(columns.rids)))
    for name, column in (("year", "year"), ("issuer", "issuer_norm"), ("grade", "grade"), ("kind", "kind"),
                         ("coverage", "coverage_band")):
        by_sql = dict(index.db.execute(f"SELECT {column}, count(*) FROM records WHERE record = ? AND {column} IS NOT NULL "
                                       f"GROUP BY {column}", [record]).fetchall())
        assert {k: n for k, n in counted[name] if n} == by_sql


def test_columns_follow_writes_of_another_connection(index, tmp_path):
    other = SqliteBackend(index.path.parent)
    try:
        before = index.search(Query("高标准农田"))["total"]
        other.delete([letter_id(LETTERS[-1])])
        assert index.search(Query("高标准农田"))["total"] == before - 1
        assert index.search(Query(issuer="农业农村部"))["total"] == 1
    finally:
        other.index([LETTERS[-1]])
        other.close()
