"""The web's pure parts: text segments at field spans, snippet markup, parameters, chart geometry,
and the per-year series the charts draw (over a real SQLite index)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdoc.errors import BadInput
from govdoc.web import letter_view
from govdoc.web.charts import stacked_bars
from govdoc.web.params import SearchParams, search_params, to_query
from govdoc.web.render import hit_url, snippet_html


def span(start, end):
    return {"page": 1, "start": start, "end": end}


@pytest.mark.parametrize("text, reply, expected", [
    ("许环〔2019〕4号 签发人：李光亚",
     {"doc_number": {"span": span(0, 10), "confidence": 0.95, "raw": "许环〔2019〕4号"},
      "signatories": [{"span": span(15, 18), "confidence": 0.9, "name": "李光亚"}]},
     [("许环〔2019〕4号", ("doc_number",)), (" 签发人：", ()), ("李光亚", ("signatories.0",))]),
    # nested spans: the innermost field first; a span past the text's end is left out
    ("张永波代表：", {"addressee": {"span": span(0, 5), "text": "张永波代表"},
                 "proposers": [{"span": span(0, 3), "name": "张永波"}], "title": {"span": span(3, 99), "text": "x"}},
     [("张永波", ("proposers.0", "addressee")), ("代表", ("addressee",)), ("：", ())]),
    ("一、措施\n（一）简政放权", {"outline": [{"span": span(0, 4), "marker": "一、", "title": "措施", "children": [
        {"span": span(5, 12), "marker": "（一）", "title": "简政放权", "children": []}]}],
        "measures": [{"span": span(8, 12), "title": "简政放权", "text": ""}]},
     [("一、措施", ("outline.0",)), ("\n", ()), ("（一）", ("outline.0.0",)), ("简政放权", ("measures.0", "outline.0.0"))]),
])
def test_web_segments_cut_text_at_field_spans(text, reply, expected):
    spans = letter_view.field_spans(reply, len(text))
    segments = letter_view.segments(text, spans)
    assert [(s.text, tuple(f.path for f in s.fields)) for s in segments] == expected
    assert "".join(s.text for s in segments) == text
    anchors = [a for s in segments for a in s.anchors]
    assert sorted(anchors) == sorted(f.path for f in spans)


@pytest.mark.parametrize("kind, field, shown", [
    ("grade", {"letter": "A", "raw": "办理结果：A", "meaning": "已解决"}, "A 办理结果：A 已解决"),
    ("contact", {"unit": "市环保局", "person": "王", "phone": "123"}, "市环保局 王 123"),
    ("item", {"type": "建议", "number": "134"}, "第134号建议"),
    ("issue_date", {"date": "2019-09-20", "raw": "2019年9月20日"}, "2019年9月20日"),
])
def test_web_display_names_a_fields_value(kind, field, shown):
    assert letter_view.display(kind, field) == shown


@pytest.mark.parametrize("snippet, html", [
    ("…对<mark>错峰</mark>生产…", "…对<mark>错峰</mark>生产…"),
    ("<script>x</script><mark>a</mark>", "&lt;script&gt;x&lt;/script&gt;<mark>a</mark>"),
    ('<mark>"a"</mark><img onerror=1>', "<mark>&#34;a&#34;</mark>&lt;img onerror=1&gt;"),
    ("</mark>a<mark><mark>b", "&lt;/mark&gt;a<mark>&lt;mark&gt;b</mark>"),  # only balanced marks
    ("", ""),
])
def test_web_snippet_html_escapes_all_but_marks(snippet, html):
    assert str(snippet_html(snippet)) == html


@given(st.lists(st.sampled_from(["<mark>", "</mark>", "<script>", "<img onerror=x>", '"', "&", "错峰", " "])).map("".join))
def test_web_snippet_html_only_ever_holds_balanced_marks(snippet):
    tags = re.findall(r"<(/?)([a-z]+)", str(snippet_html(snippet)))
    assert {name for _, name in tags} <= {"mark"}
    assert [close for close, _ in tags] == ["", "/"] * (len(tags) // 2)


@given(st.text(alphabet="许环〔〕号A\n", max_size=30).flatmap(lambda text: st.tuples(st.just(text), st.lists(
    st.tuples(st.integers(0, 35), st.integers(0, 35)), max_size=6))))
def test_web_segments_always_rebuild_the_text(case):
    text, pairs = case
    reply = {"cc": [{"span": span(a, b), "name": "x"} for a, b in pairs]}
    spans = letter_view.field_spans(reply, len(text))
    segments = letter_view.segments(text, spans)
    assert "".join(s.text for s in segments) == text
    assert all(text[f.start:f.end] == "".join(s.text for s in segments if f in s.fields) for f in spans)


@pytest.mark.parametrize("hit, url", [
    ({"id": "ea262af364abef30", "letter_id": "ea262af364abef30"}, "/letters/ea262af364abef30"),
    ({"id": "ea262af364abef30:m2", "letter_id": "ea262af364abef30"}, "/letters/ea262af364abef30#f-measures.1"),
    ({"id": "ea262af364abef30:k1", "letter_id": "ea262af364abef30"}, "/letters/ea262af364abef30#f-metrics.0"),
    ({"id": "x:m1", "letter_id": "../x?y"}, "/letters/..%2Fx%3Fy#f-measures.0"),
])
def test_web_hit_url_points_at_the_letter(hit, url):
    assert hit_url(hit) == url


def test_web_params_make_the_library_query():
    p = search_params({"q": " 错峰生产 ", "year_from": "2017", "year_to": "", "grade": "A", "session": "市七届人大四次会议",
                       "body": "人大", "records": "measures", "page": "3", "size": "20"})
    assert (p.q, p.year_from, p.year_to, p.offset) == ("错峰生产", 2017, None, 40)
    q = to_query(p, limit=20)
    assert (q.text, q.record, q.grade, q.congress_body, q.congress_level, q.congress_term, q.congress_session,
            q.limit) == ("错峰生产", "measures", "A", "人大", "市", 7, 4, 20)
    assert p.url(page=4) == "?q=%E9%94%99%E5%B3%B0%E7%94%9F%E4%BA%A7&year_from=2017&grade=A&session=" \
        "%E5%B8%82%E4%B8%83%E5%B1%8A%E4%BA%BA%E5%A4%A7%E5%9B%9B%E6%AC%A1%E4%BC%9A%E8%AE%AE&body=%E4%BA%BA%E5%A4%A7" \
        "&records=measures&page=4&size=20"
    assert SearchParams(q="x", page=5).url(grade="B") == "?q=x&grade=B"  # a new filter starts at page 1


@pytest.mark.parametrize("params, reason", [
    ({"q": "x" * 201}, "q: too long (201 characters; at most 200)"),
    ({"page": "-1"}, "page: '-1': expected a whole number from 1 to 100"),
    ({"year_from": "２０１９"}, "year_from: '２０１９': expected a whole number from 1949 to 2100"),
    ({"size": "30"}, "size: 30: choose one of 10, 20, 50"),
    ({"kind": "letter"}, "kind: 'letter': choose one of reply, suggestion, other"),
])
def test_web_params_refuse_bad_values_in_one_line(params, reason):
    with pytest.raises(BadInput) as caught:
        search_params(params)
    assert str(caught.value) == reason


def test_web_stacked_bars_scale_to_the_tallest_year():
    chart = stacked_bars("t", {"2018": {"A": 2, "B": 0}, "2019": {"A": 1, "B": 3}})
    heights = {bar.label: bar.height for bar in chart.bars}
    assert set(heights) == {"2018 · A: 2", "2019 · A: 1", "2019 · B: 3"}
    assert heights["2019 · A: 1"] + heights["2019 · B: 3"] == pytest.approx(chart.height - 16 - 40, abs=0.2)
    assert heights["2018 · A: 2"] == pytest.approx(2 * heights["2019 · A: 1"], abs=0.2)
    assert [name for _, name in chart.legend] == ["A", "B"] and [y for _, y in chart.years] == ["2018", "2019"]
    assert stacked_bars("t", {"2018": {"A": 0}}).empty


def test_web_series_count_letters_by_year_and_grade(web_data):
    from govdoc.index.backends import open_backend
    from govdoc.index.base import Query
    from govdoc.search import series

    with open_backend("sqlite", web_data[0]) as backend:
        stats = backend.stats()
        by_grade = series.letters_by_year_and_grade(backend)
        measures = series.records_by_year(backend, Query(text="错峰生产", record="measures"))
        names = series.agency_names_by_year(backend, "许昌市生态环境局")
    assert {year: sum(row.values()) for year, row in by_grade.items()} == stats["by_year"]
    assert by_grade["2019"]["A"] == 1 and by_grade["2019"]["C"] == 1
    assert measures["2018"] == {"measures": 1} and measures["2019"] == {"measures": 0}
    assert names == {"2018": {"许昌市环境保护局": 1}, "2019": {"许昌市生态环境局": 1}}


def test_web_serve_command_binds_loopback_by_default(tmp_path, monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from govdoc.cli import commands  # noqa: F401 - registers the commands
    from govdoc.cli.app import app

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **options: calls.append((application, options)))
    result = CliRunner().invoke(app, ["serve", "--data", str(tmp_path / "none")])
    assert result.exit_code == 0 and calls[0][1]["host"] == "127.0.0.1" and calls[0][1]["port"] == 8000
    assert f"note: no index in {tmp_path / 'none'}" in result.output and "http://127.0.0.1:8000/" in result.output
    assert not (tmp_path / "none").exists()
    bad = CliRunner().invoke(app, ["serve", "--backend", "elasticsearch"], env={"GOVDOC_ES_URL": ""})
    assert bad.exit_code == 2 and "needs --es-url" in bad.output and len(calls) == 1
