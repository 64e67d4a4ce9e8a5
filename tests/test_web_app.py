"""The web app through Starlette's TestClient: every route, error pages, escaping, bounded parameters."""
from __future__ import annotations

import json
import os
import re

import pytest
from starlette.testclient import TestClient

from web_support import HOSTILE, JSON_ONLY, SCRIPT, free_port

SEED = "xuchang-2019-reply.txt"


@pytest.fixture(scope="module")
def client(web_data):
    from govdoc.web.app import Settings, create_app

    with TestClient(create_app(Settings(web_data[0]))) as client:
        yield client


@pytest.fixture(scope="module")
def ids(web_data) -> dict[str, str]:
    return web_data[1]


def hit_ids(html: str) -> list[str]:
    return re.findall(r'class="hit-title" href="/letters/([0-9a-f]{16})', html)


@pytest.mark.parametrize("params, expected, absent", [
    ({"q": "错峰生产"}, [SEED, HOSTILE.name], []),
    ({"q": "错峰生产", "grade": "A"}, [SEED], [HOSTILE.name]),
    ({"q": "错峰生产", "year_from": "2019", "year_to": "2019"}, [SEED], [HOSTILE.name]),
    ({"issuer": "许昌市环境保护局"}, [SEED, HOSTILE.name], ["d001.txt"]),  # follows the rename
    ({"q": "错峰生产", "session": "市七届人大四次会议"}, [SEED], [HOSTILE.name]),
    ({"body": "人大", "issuer": "许昌市生态环境局"}, [SEED], [HOSTILE.name]),
    ({"records": "metrics", "indicator": "PM2.5", "value_max": "60"}, [SEED], [HOSTILE.name]),  # 57 and 61
    ({"records": "metrics", "indicator": "PM2.5", "value_min": "60.5"}, [HOSTILE.name], [SEED]),
    ({"item_type": "提案"}, ["d002.txt"], [SEED]),
])
def test_web_search_page_filters(client, ids, params, expected, absent):
    response = client.get("/", params=params)
    assert response.status_code == 200
    found = hit_ids(response.text)
    assert all(ids[name] in found for name in expected)
    assert not any(ids[name] in found for name in absent)


def test_web_search_page_keeps_the_query_in_the_form_and_links(client):
    html = client.get("/", params={"q": "错峰生产", "grade": "A", "year_from": "2017"}).text
    assert 'value="错峰生产"' in html and '<option selected>A</option>' in html and 'value="2017"' in html
    assert "/api/search?q=%E9%94%99%E5%B3%B0%E7%94%9F%E4%BA%A7&amp;year_from=2017&amp;grade=A" in html


def test_web_search_page_paginates_with_bookmarkable_urls(client):
    first = client.get("/", params={"records": "measures"}).text
    total = int(re.search(r'<strong id="total">(\d+)</strong>', first).group(1))
    assert total > 10 and 'href="?records=measures&amp;page=2"' in first
    second = client.get("/?records=measures&page=2").text
    assert '<strong aria-current="page">2</strong>' in second
    assert set(re.findall(r'href="(/letters/[^"]+)"', first)).isdisjoint(re.findall(r'href="(/letters/[^"]+)"', second))


def test_web_facets_count_all_matches_and_link_to_their_filter(client):
    html = client.get("/", params={"q": "错峰生产"}).text
    facets = {name: dict((value, int(n)) for _url, value, n in re.findall(
        r'<li><a href="([^"]+)">([^<]+)</a> <span class="count">(\d+)</span>', section))
        for name, section in re.findall(r'data-facet="(\w+)"><h2>\w+</h2>(.*?)</section>', html, re.S)}
    assert facets["year"] == {"2018": 1, "2019": 1} and facets["grade"] == {"A": 1, "B": 1}
    assert '<a href="?q=%E9%94%99%E5%B3%B0%E7%94%9F%E4%BA%A7&amp;year_from=2019&amp;year_to=2019">2019</a>' in html
    assert "许昌市生态环境局" in facets["issuer"]  # both names count under the canonical one


def test_web_measure_hits_link_to_their_place_in_the_letter(client, ids):
    html = client.get("/", params={"q": "一窗受理", "records": "measures"}).text
    assert f'href="/letters/{ids[SEED]}#f-measures.1"' in html


@pytest.mark.parametrize("query, escaped", [
    ("扬尘", "治理&lt;script&gt;window.__pwned=1&lt;/script&gt;"),
    ("pwned", "&lt;img src=x onerror=&#34;window.__<mark>pwned</mark>=1&#34;&gt;"),
    ("错峰生产", "<mark>错峰生产</mark>"),
])
def test_web_snippets_escape_text_and_keep_only_marks(client, query, escaped):
    html = client.get("/", params={"q": query}).text
    snippets = re.findall(r'<p class="snippet">(.*?)</p>', html, re.S)
    assert snippets and all("<mark>" in s for s in snippets)
    assert {tag for s in snippets for tag in re.findall(r"</?([a-z]+)", s)} == {"mark"}
    assert any(escaped in s for s in snippets)


@pytest.mark.parametrize("query", ['"', "AND", "*", "{title_bg}:", ")", '错峰 AND "生产', "NEAR(a b", "title_bg:x OR",
                                   SCRIPT, '"><img src=x onerror=alert(1)>', "a\x00b", "\u202e", "'", "\\", "錯峰生產"])
def test_web_search_syntax_in_queries_is_text(client, query):
    page = client.get("/", params={"q": query})
    assert page.status_code == 200
    assert SCRIPT not in page.text and "<img src=x" not in page.text
    api = client.get("/api/search", params={"q": query})
    assert api.status_code == 200 and "total" in api.json()


def test_web_letter_page_highlights_fields_at_their_spans(client, ids):
    html = client.get(f"/letters/{ids[SEED]}").text
    marks = dict(re.findall(r'<mark class="f f-[a-z_]+" data-field="([a-z_.0-9]+)" title="[^"]*">([^<]*)</mark>', html))
    assert marks["doc_number"] == "许环〔2019〕4号"
    assert marks["signatories.0"] == "李光亚"
    assert marks["grade"] == "办理结果：A"
    assert re.search(r'data-field="grade" title="办理结果 grade · 0\.95"', html)
    assert 'id="f-measures.1"' in html and 'href="#f-doc_number"' in html


def test_web_letter_page_shows_panel_tables_and_downloads(client, ids):
    html = client.get(f"/letters/{ids[SEED]}").text
    assert "<h2>Measures (6)</h2>" in html and "PM2.5 平均浓度 57 微克/立方米" in html
    assert f'href="/letters/{ids[SEED]}/json"' in html and f'href="/letters/{ids[SEED]}/source"' in html


def test_web_letter_page_escapes_hostile_text(client, ids):
    for name in (HOSTILE.name, "hostile-title"):
        html = client.get(f"/letters/{ids[name]}").text
        assert "<script>window" not in html and "<img src=x" not in html and '"><b>' not in html
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html


def test_web_letter_page_shows_warnings_escaped(client, ids):
    html = client.get(f"/letters/{ids['hostile-title']}").text
    warnings = re.search(r'<section class="warnings">(.*?)</section>', html, re.S).group(1)
    assert "&lt;b&gt;低置信度&lt;/b&gt;: title" in warnings


def test_web_letter_page_without_text_or_index_records(client, ids):
    page = client.get(f"/letters/{ids[JSON_ONLY]}")
    assert page.status_code == 200 and "关于农村公路建设的建议的答复" in page.text
    assert "The normalized text was not written beside this letter" in page.text
    assert '<ol class="related">' not in page.text and "<mark" not in page.text


def test_web_downloads_are_the_letters_own_files(client, ids, web_data):
    data_dir = web_data[0]
    as_json = client.get(f"/letters/{ids[SEED]}/json")
    assert as_json.json() == json.loads((data_dir / "json" / f"{ids[SEED]}.json").read_text(encoding="utf-8"))
    assert "attachment" in as_json.headers["content-disposition"]
    source = client.get(f"/letters/{ids[HOSTILE.name]}/source")
    assert source.content == HOSTILE.read_bytes()
    missing = client.get(f"/letters/{ids['hostile-title']}/source")
    assert missing.status_code == 404 and "letters/hostile-title.txt" in missing.text


@pytest.mark.parametrize("path", ["/letters/..%2F..%2Fetc%2Fpasswd", "/letters/ABCDEF0123456789", "/letters/0123456789abcdef",
                                  "/letters/..%2Findex.sqlite/json", "/letters/%2Fetc%2Fpasswd/source",
                                  "/api/letters/..%2Fstate", "/static/..%2F..%2Fapp.py", "/nowhere"])
def test_web_paths_from_requests_reach_no_file(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text and "import" not in response.text


def test_web_api_mirrors_the_library(client, ids, web_data):
    from govdoc.index.backends import open_backend
    from govdoc.index.base import Query
    from govdoc.search.similar import similar

    with open_backend("sqlite", web_data[0]) as backend:
        expected_search = backend.search(Query(text="错峰生产", grade="A", limit=10, offset=10))
        expected_stats = backend.stats()
        expected_similar = similar(backend, ids[SEED], limit=20)
    assert client.get("/api/search", params={"q": "错峰生产", "grade": "A", "page": "2"}).json() == expected_search
    assert client.get("/api/stats").json() == expected_stats
    letter = client.get(f"/api/letters/{ids[SEED]}").json()
    assert letter["doc_number"]["raw"] == "许环〔2019〕4号"
    assert client.get(f"/api/similar/{ids[SEED]}", params={"size": "20"}).json() == expected_similar
    assert expected_similar["hits"] and ids[SEED] not in [h["letter_id"] for h in expected_similar["hits"]]
    unknown = client.get("/api/similar/0123456789abcdef")
    assert unknown.status_code == 404 and "no letter with this id" in unknown.json()["error"]


def test_web_letter_page_lists_related_letters(client, ids, web_data):
    from govdoc.index.backends import open_backend
    from govdoc.search.similar import similar

    with open_backend("sqlite", web_data[0]) as backend:
        expected = [hit["letter_id"] for hit in similar(backend, ids[SEED], limit=8)["hits"]]
    html = client.get(f"/letters/{ids[SEED]}").text
    related = re.search(r'<ol class="related">(.*?)</ol>', html, re.S).group(1)
    assert expected and re.findall(r'href="/letters/([0-9a-f]{16})', related) == expected


@pytest.mark.parametrize("params, name", [
    ({"q": "错" * 201}, "q"), ({"size": "1000"}, "size"), ({"size": "15"}, "size"), ({"page": "101"}, "page"),
    ({"page": "0"}, "page"), ({"year_from": "abc"}, "year_from"), ({"year_to": "99999999999999999999"}, "year_to"),
    ({"grade": "Z"}, "grade"), ({"records": "users"}, "records"), ({"body": "<b>"}, "body"),
    ({"session": "随便"}, "session"), ({"issuer": "局" * 300}, "issuer"), ({"value_min": "nan"}, "value_min"),
    ({"value_max": "1e400"}, "value_max"), ({"value_min": "ten"}, "value_min"), ({"item_type": "信"}, "item_type"),
])
def test_web_bad_parameters_get_one_line(client, params, name):
    page = client.get("/", params=params)
    assert page.status_code == 400
    message = re.search(r'<p class="message">(.*?)</p>', page.text, re.S).group(1)
    assert "\n" not in message and name in message
    api = client.get("/api/search", params=params)
    assert api.status_code == 400 and name in api.json()["error"]


def test_web_charts_page_draws_svg(client):
    html = client.get("/charts", params={"q": "错峰生产", "issuer": "许昌市生态环境局"}).text
    assert html.count("<svg xmlns") == 3
    assert "<title>2019 · A: 1</title>" in html
    legend = re.findall(r"</svg> ([^<]+)</li>", html)
    assert "许昌市环境保护局" in legend and "许昌市生态环境局" in legend


@pytest.mark.parametrize("path, status", [("/", 200), ("/letters/0123456789abcdef", 404), ("/api/stats", 200),
                                          ("/static/style.css", 200), ("/?page=0", 400)])
def test_web_every_response_carries_security_headers(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_web_source_files_are_attachments(client, ids):
    response = client.get(f"/letters/{ids[HOSTILE.name]}/source")
    assert response.headers["content-disposition"].startswith("attachment;")


def test_web_static_assets_are_served_by_the_app(client):
    assert client.get("/static/style.css").status_code == 200
    assert "addEventListener" in client.get("/static/app.js").text
    assert "http" not in "".join(re.findall(r'(?:src|href)="([^"]+)"', client.get("/").text)).replace("/api", "")


def test_web_index_missing_is_a_clear_page_and_nothing_is_created(tmp_path, web_data, monkeypatch):
    from govdoc.web import app as web_app

    data_dir = tmp_path / "nothing"
    application = web_app.create_app(web_app.Settings(data_dir))
    with TestClient(application) as client:
        page, api = client.get("/"), client.get("/api/stats")
        assert page.status_code == 503 and "govdoc ingest" in page.text and "Traceback" not in page.text
        assert api.status_code == 503 and "no index in" in api.json()["error"]
        assert not data_dir.exists()
        data_dir.mkdir()  # the index arrives while the app runs: it is opened on a later request
        (data_dir / "index.sqlite").write_bytes((web_data[0] / "index.sqlite").read_bytes())
        monkeypatch.setattr(web_app, "REOPEN_SECONDS", 0.0)
        assert client.get("/api/stats").json()["letters"] == len(web_data[1]) - 1  # all but JSON_ONLY


def test_web_elasticsearch_down_is_a_clear_page(tmp_path):
    """A real client against a port nothing listens on (the backend retries for ~16 s first)."""
    from govdoc.web.app import Settings, create_app

    url = f"http://127.0.0.1:{free_port()}"
    with TestClient(create_app(Settings(tmp_path, backend="elasticsearch", es_url=url))) as client:
        page, api = client.get("/", params={"q": "错峰生产"}), client.get("/api/stats")
    assert page.status_code == 503 and f"Elasticsearch {url}" in page.text and "Connection refused" in page.text
    assert api.status_code == 503 and "Traceback" not in page.text


class Broken:
    """A backend whose every call fails the way a backend does: the index went away, or a bug."""

    def __init__(self, exc: Exception):
        self.exc = exc

    def search(self, query):
        raise self.exc

    def stats(self):
        raise self.exc

    def close(self):
        pass


@pytest.mark.parametrize("exc, status, words", [
    ("index", 503, "Elasticsearch unreachable"), ("bug", 500, "internal error (ZeroDivisionError)")])
def test_web_backend_failures_are_error_pages(web_data, exc, status, words):
    from govdoc.errors import IndexError_
    from govdoc.web.app import Settings, create_app

    app = create_app(Settings(web_data[0]))
    with TestClient(app, raise_server_exceptions=False) as client:
        site, real = app.state.site, app.state.site.backend  # the real one is closed on its own thread
        site.backend = Broken(IndexError_("http://es:9200: Elasticsearch unreachable") if exc == "index"
                              else ZeroDivisionError("x"))
        page, api = client.get("/", params={"q": "x"}), client.get("/api/stats")
        site.backend = real
    assert page.status_code == status and words in page.text and "Traceback" not in page.text
    assert api.status_code == status and words in api.json()["error"]


@pytest.mark.elasticsearch
@pytest.mark.skipif(not os.environ.get("GOVDOC_ES_URL"), reason="GOVDOC_ES_URL is not set: no Elasticsearch")
def test_web_pages_over_elasticsearch(web_data):
    from backends import ES_URL, close_test_backend, open_test_backend

    from govdoc.index.base import Query
    from govdoc.index.load import load_letters
    from govdoc.web.app import Settings, create_app

    backend = open_test_backend("elasticsearch", web_data[0])
    try:
        assert backend.index(load_letters([web_data[0] / "json"], pytest.fail)).indexed == len(web_data[1])
        # (JSON_ONLY is indexed here too: only the SQLite index was built without it)
        settings = Settings(web_data[0], backend="elasticsearch", es_url=ES_URL, es_index=backend.prefix)
        with TestClient(create_app(settings)) as client:
            api = client.get("/api/search", params={"q": "错峰生产", "grade": "A"}).json()
            page = client.get("/", params={"issuer": "许昌市环境保护局"})
            charts = client.get("/charts", params={"q": "错峰生产", "issuer": "许昌市生态环境局"})
        assert api == backend.search(Query(text="错峰生产", grade="A", limit=10))
        found = hit_ids(page.text)
        assert web_data[1][SEED] in found and web_data[1][HOSTILE.name] in found
        assert charts.status_code == 200 and "<title>2019 · A: 1</title>" in charts.text
    finally:
        close_test_backend(backend)
