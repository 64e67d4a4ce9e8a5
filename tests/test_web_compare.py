"""The compare pages through Starlette's TestClient: /compare, /compare/report, /api/compare, the
letter page's compare form; bad ids, a gone source, a letter that is not a suggestion, hostile text."""
from __future__ import annotations

import json
import re

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from web_support import COMPARE

HOSTILE = "hostile-record.txt"


@pytest.fixture(scope="module")
def client(compare_data):
    from govdoc.web.app import Settings, create_app

    with TestClient(create_app(Settings(compare_data[0]))) as client:
        yield client


@pytest.fixture(scope="module")
def ids(compare_data) -> dict[str, str]:
    return compare_data[1]


def pair(ids, pid: str) -> dict[str, str]:
    return {"suggestion": ids[f"{pid}.suggestion.txt"], "reply": ids[f"{pid}.reply.txt"]}


def cli_json(*files) -> dict:
    from govdoc.cli import commands  # noqa: F401 - registers the commands
    from govdoc.cli.app import app

    result = CliRunner().invoke(app, ["compare", *map(str, files), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("pid", ["p004", "p016"])
def test_web_compare_page_shows_asks_beside_evidence(client, ids, pid):
    response = client.get("/compare", params=pair(ids, pid))
    assert response.status_code == 200
    html = response.text
    expected = cli_json(COMPARE / f"{pid}.suggestion.txt", COMPARE / f"{pid}.reply.txt")
    rows = re.findall(r'<tr class="ask" data-response="(\w+)">.*?<span class="label label-(\w+)">', html, re.S)
    assert [r for r, _ in rows] == [r for _, r in rows] == [a["response"] for a in expected["suggestion"]["asks"]]
    for ask in expected["suggestion"]["asks"]:
        assert all(e["text"] in html for e in ask["evidence"])
    assert all(f'<span class="label label-{label}">{label}</span>' in html
               for label in ("concrete", "general", "explained", "not_addressed"))  # the legend
    assert all(f'href="/letters/{ids[f"{pid}.{role}.txt"]}"' in html for role in ("suggestion", "reply"))
    assert f'{round(expected["coverage"] * 100)}%</strong>' in html


@pytest.mark.parametrize("pid", ["p001", "p004"])
def test_web_api_compare_is_the_cli_json(client, ids, pid):
    response = client.get("/api/compare", params=pair(ids, pid))
    assert response.status_code == 200
    assert response.json() == cli_json(COMPARE / f"{pid}.suggestion.txt", COMPARE / f"{pid}.reply.txt")


def test_web_api_compare_one_letter_is_the_cli_json_of_its_file(client, ids, compare_data):
    response = client.get("/api/compare", params={"letter": ids[HOSTILE]})
    source = compare_data[0].parent / "files" / HOSTILE
    assert response.status_code == 200 and response.json() == cli_json(source)


@pytest.mark.parametrize("path", ["/compare", "/api/compare"])
@pytest.mark.parametrize("params, status, reason", [
    ({"letter": "../../etc/passwd"}, 404, "is not a letter id"),
    ({"suggestion": "0123456789ABCDEF", "reply": "{p004.reply.txt}"}, 404, "is not a letter id"),
    ({"letter": "0123456789abcdef"}, 404, "no parsed letter 0123456789abcdef"),
    ({"letter": "{gone.txt}"}, 404, "is no longer at"),
    ({"suggestion": "{gone.txt}", "reply": "{p004.reply.txt}"}, 404, "is no longer at"),
    ({"suggestion": "{p004.reply.txt}", "reply": "{p016.reply.txt}"}, 400, "this is a reply, not a suggestion"),
    ({"letter": "{p001.suggestion.txt}"}, 400, "this is a suggestion, not a reply"),
    ({}, 400, "give ?suggestion=ID&reply=ID"),
    ({"suggestion": "{p004.suggestion.txt}"}, 400, "give ?suggestion=ID&reply=ID"),
    ({"letter": "{p004.reply.txt}", "reply": "{p004.reply.txt}"}, 400, "give ?suggestion=ID&reply=ID"),
])
def test_web_compare_refuses_in_one_line(client, ids, path, params, status, reason):
    params = {k: ids[v[1:-1]] if v.startswith("{") else v for k, v in params.items()}  # {file name}: its id
    response = client.get(path, params=params)
    assert response.status_code == status
    if path.startswith("/api/"):
        assert reason in response.json()["error"]
    else:
        message = re.search(r'<p class="message">([^<]*)</p>', response.text).group(1)
        assert reason.replace("&", "&amp;") in message and "Traceback" not in response.text


def test_web_compare_page_escapes_hostile_text(client, ids):
    for url in (f"/compare?letter={ids[HOSTILE]}", "/compare/report", f"/letters/{ids[HOSTILE]}"):
        html = client.get(url).text
        assert "<script>window" not in html and "<img src=x" not in html and "<b>张村" not in html
    html = client.get("/compare", params={"letter": ids[HOSTILE]}).text
    assert "关于修建&lt;script&gt;window.__pwned=1&lt;/script&gt;村道的建议" in html
    assert "开工建设&lt;script&gt;" in html and "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in html


def test_web_compare_report_groups_by_agency_and_year(client, ids):
    html = client.get("/compare/report").text
    agencies = re.search(r'data-group="agency">(.*?)</table>', html, re.S).group(1)
    assert all(name in agencies for name in ("石林彝族自治县水务局", "桓台县交通运输局", "高青县交通运输局"))
    years = re.findall(r"<tr><td>(\d{4}|unknown)</td>", re.search(r'data-group="year">(.*?)</table>', html, re.S).group(1))
    assert {"2018", "2022", "2025"} <= set(years)
    assert f'href="/compare?suggestion={ids["p004.suggestion.txt"]}&amp;reply={ids["p004.reply.txt"]}"' in html
    assert f'href="/compare?letter={ids[HOSTILE]}"' in html
    assert "1 letters left out: their source file is gone" in html and "only the first" not in html


def test_web_compare_report_is_bounded(client, monkeypatch):
    from govdoc.web import compare_view

    monkeypatch.setattr(compare_view, "REPORT_LIMIT", 2)
    monkeypatch.setattr(compare_view, "REPORT_SCAN", 20)
    html = client.get("/compare/report").text
    assert re.search(r"2 source files of 8 ingested letters compared", html)
    assert "only the first 2 letters" in html


@pytest.mark.parametrize("name, form, link", [
    ("p001.suggestion.txt", ("suggestion", "reply"), False),
    ("p004.reply.txt", ("reply", "suggestion"), True),  # a reply that quotes the suggestion
    (HOSTILE, None, True),  # a record: both parts on one page
])
def test_web_letter_page_offers_a_comparison(client, ids, name, form, link):
    html = client.get(f"/letters/{ids[name]}").text
    assert (f'href="/compare?letter={ids[name]}"' in html) is link
    if form:
        assert f'<input type="hidden" name="{form[0]}" value="{ids[name]}">' in html
        assert f'<input name="{form[1]}"' in html
    else:
        assert "compare-form" not in html


@pytest.fixture(scope="module")
def covered(compare_data, tmp_path_factory):
    """``(client, {file name: id}, {reply id: coverage})`` of a copy of the compare data folder after
    ``govdoc compare --data``: the linked replies' coverage is in the index."""
    import shutil

    from govdoc.cli import commands  # noqa: F401 - registers the commands
    from govdoc.cli.app import app
    from govdoc.index.findings import FINDINGS_DIR
    from govdoc.web.app import Settings, create_app

    data = tmp_path_factory.mktemp("covered") / "data"
    shutil.copytree(compare_data[0], data)
    result = CliRunner().invoke(app, ["compare", "--data", str(data)])
    assert result.exit_code == 0, result.output
    coverage = {p.stem: json.loads(p.read_text(encoding="utf-8"))["coverage"] for p in (data / FINDINGS_DIR).glob("*.json")}
    with TestClient(create_app(Settings(data))) as client:
        yield client, compare_data[1], coverage


def found(html: str) -> list[str]:
    return re.findall(r'class="hit-title" href="/letters/([0-9a-f]{16})', html)


@pytest.mark.parametrize("params, wanted", [
    ({"coverage_below": "0.5"}, lambda c: c < 0.5),
    ({"coverage_min": "0.5"}, lambda c: c >= 0.5),
    ({"coverage_min": "0", "coverage_below": "1"}, lambda c: c < 1),
])
def test_web_search_coverage_filters(covered, params, wanted):
    client, _ids, coverage = covered
    html = client.get("/", params={**params, "size": "50"}).text
    assert sorted(found(html)) == sorted(i for i, c in coverage.items() if wanted(c))
    assert client.get("/api/search", params=params).json()["total"] == sum(map(wanted, coverage.values()))


def test_web_coverage_facet_links_to_its_band(covered):
    client, ids, coverage = covered
    assert ids["p004.reply.txt"] in coverage and len(coverage) >= 4
    html = client.get("/").text
    section = re.search(r'data-facet="coverage"><h2>coverage</h2>(.*?)</section>', html, re.S).group(1)
    links = dict((value, url) for url, value in re.findall(r'<a href="([^"]+)">([^<]+)</a>', section))
    assert sum(int(n) for n in re.findall(r'class="count">(\d+)<', section)) == len(coverage)
    assert links["0-0.25"] == "?coverage_min=0.0&amp;coverage_below=0.25"  # p001 and p016: only explained
    band = client.get("/" + links["0-0.25"].replace("&amp;", "&")).text
    assert sorted(found(band)) == sorted(i for i, c in coverage.items() if c < 0.25)
    assert all("coverage_min=" in url for url in links.values())
    assert re.search(r'<span class="coverage">coverage \d+%</span>', html)


@pytest.mark.parametrize("params", [{"coverage_below": "2"}, {"coverage_min": "-1"}, {"coverage_min": "x"}])
def test_web_bad_coverage_gets_a_400(covered, params):
    page = covered[0].get("/", params=params)
    assert page.status_code == 400 and next(iter(params)) in page.text
