"""Quoting: no user text can break an FTS5 query."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings, strategies as st

from govdoc.index.fts5_query import match_expression, phrase
from govdoc.index.sqlite import FTS_COLUMNS
from govdoc.index.plan import plan_query


@pytest.fixture(scope="module")
def fts():
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE VIRTUAL TABLE fts USING fts5({', '.join(FTS_COLUMNS)}, "
               "tokenize = \"unicode61 remove_diacritics 0 tokenchars '.'\")")
    db.execute(f"INSERT INTO fts VALUES ({', '.join('?' * len(FTS_COLUMNS))})",
               ["错峰生产", "错峰 峰生 生产", "", "", "pm2.5", "pm2.5"])
    return db


@pytest.mark.parametrize("tokens, quoted", [
    (["错峰", "峰生"], '"错峰 峰生"'),
    (['a"b'], '"a""b"'),
    ([], '""'),
])
def test_phrase_quotes(tokens, quoted):
    assert phrase(tokens) == quoted


USER_TEXT = st.text(alphabet=st.sampled_from('错峰生產 "\'*:^(){}-+.AND OR NOT NEAR pm2.5 ａ１\\\t'), max_size=30) | st.text(max_size=30)


@settings(max_examples=300, deadline=None)
@given(text=USER_TEXT, indicator=USER_TEXT)
def test_any_text_makes_a_valid_match_expression(fts, text, indicator):
    expr = match_expression(plan_query(text), plan_query(indicator))
    if expr is not None:
        fts.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", [expr]).fetchone()


@pytest.mark.parametrize("text, matches", [("錯峰生產", 1), ("错峰", 1), ("峰生产", 1), ("PM2.5", 1), ("错峰计划", 0)])
def test_match_expression_matches_substrings(fts, text, matches):
    expr = match_expression(plan_query(text))
    assert fts.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", [expr]).fetchone()[0] == matches
