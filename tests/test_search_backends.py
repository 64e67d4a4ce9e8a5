"""The shared search suite: every test runs on SQLite, and on Elasticsearch when GOVDOC_ES_URL is set."""
from __future__ import annotations

import copy

import pytest
from backends import (BACKEND_PARAMS, COMPARED_LETTERS, LETTERS, MOA_2016, XUCHANG_2017, XUCHANG_2019,
                      ZHENKANG_2018, close_test_backend, indexed_test_backend, letter, open_test_backend, paths)

from govdoc.index.base import Query, letter_id
from govdoc.index.records import BODY_KEY

X17, X19 = "letters/xuchang-2017.txt", "letters/xuchang-2019.txt"
ZK18, NH19 = "letters/zhenkang-2018.txt", "letters/nanhua-2019.txt"
MOA16, MARA21 = "letters/moa-2016.txt", "letters/mara-2021.txt"
HIT_KEYS = {"id", "record", "letter_id", "title", "year", "issuer", "grade", "score", "snippet", "source_path",
            "coverage"}
FACET_KEYS = {"year", "issuer", "grade", "kind", "coverage"}


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def backend(request, tmp_path_factory):
    """One index per backend holding the hand-built letters; tests here only read it."""
    with indexed_test_backend(request.param, tmp_path_factory.mktemp(f"index-{request.param}"), LETTERS) as index:
        yield index


@pytest.fixture(params=BACKEND_PARAMS)
def fresh(request, tmp_path):
    """An empty index of its own, for tests that write."""
    index = open_test_backend(request.param, tmp_path)
    yield index
    close_test_backend(index)


@pytest.mark.parametrize("text, expected", [
    ("错峰生产", {X17, X19}),
    ("一窗受理", {X19}),
    ("学校", {ZK18}),
    ("农村公路", {NH19}),
    ("PM2.5", {X17, X19}),
    ("张永波", {X19}),
    ("高标准农田", {MARA21}),
    ("第134号建议", {X19}),
])
def test_search_finds_letters(backend, text, expected):
    """The letters holding every concept of the query come first (others may follow, ranked lower)."""
    assert set(paths(backend.search(Query(text)))[:len(expected)]) == expected


@pytest.mark.parametrize("simplified, traditional", [
    ("错峰生产", "錯峰生產"),
    ("学校建设", "學校建設"),
    ("镇康县教育局", "鎮康縣教育局"),
    ("农村公路", "農村公路"),
])
def test_search_simplified_and_traditional_give_the_same_hits(backend, simplified, traditional):
    a, b = backend.search(Query(simplified)), backend.search(Query(traditional))
    assert a["total"] > 0
    assert [h["id"] for h in a["hits"]] == [h["id"] for h in b["hits"]]


@pytest.mark.parametrize("text, expected", [
    ("环境保护局", {X17, X19}),
    ("生态环境局", {X17, X19}),
    ("许昌市环保局", {X17, X19}),
    ("农业部", {MOA16, MARA21}),
    ("农业农村部", {MOA16, MARA21}),
])
def test_search_any_agency_name_finds_every_year(backend, text, expected):
    assert set(paths(backend.search(Query(text)))) == expected


@pytest.mark.parametrize("issuer, expected", [
    ("许昌市环境保护局", {X17, X19}),
    ("许昌市生态环境局", {X17, X19}),
    ("环保局", {X17, X19}),
    ("农业部", {MOA16, MARA21}),
    ("鎮康縣教育局", {ZK18}),
    ("镇康县教育局", {ZK18}),
    ("南华县交通局", {NH19}),
])
def test_search_issuer_filter_uses_every_name(backend, issuer, expected):
    assert set(paths(backend.search(Query(issuer=issuer)))) == expected


def test_search_hits_show_the_name_the_letter_used(backend):
    issuers = {h["source_path"]: h["issuer"] for h in backend.search(Query("环保局"))["hits"]}
    assert issuers == {X17: "许昌市环境保护局", X19: "许昌市生态环境局"}


@pytest.mark.parametrize("query, expected", [
    (Query(year_from=2017, year_to=2018), {X17, ZK18}),
    (Query(year_from=2019), {X19, NH19, MARA21}),
    (Query(year_to=2016), {MOA16}),
    (Query(grade="A"), {X19, ZK18}),
    (Query(congress_body="政协"), {NH19}),
    (Query(congress_level="市", congress_term=7, congress_session=4), {X19}),
    (Query(congress_level="全国", congress_session=4), {MOA16, MARA21}),
    (Query(item_type="提案"), {NH19}),
    (Query(kind="reply"), {X17, X19, ZK18, NH19, MOA16, MARA21}),
    (Query("错峰生产", year_from=2019, year_to=2021), {X19}),
    (Query("错峰生产", grade="B"), {X17}),
])
def test_search_filters(backend, query, expected):
    result = backend.search(query)
    assert set(paths(result)) == expected
    assert result["total"] == len(expected)


def test_search_measure_records(backend):
    hits = backend.search(Query("一窗受理", record="measures"))["hits"]
    assert [h["id"] for h in hits] == [f"{letter_id(XUCHANG_2019)}:m2"]
    assert hits[0]["record"] == "measures"
    assert hits[0]["letter_id"] == letter_id(XUCHANG_2019)
    assert hits[0]["title"] == XUCHANG_2019["title"]["text"]


@pytest.mark.parametrize("query, expected_values", [
    (Query(record="metrics", indicator="PM2.5"), {68.0, 57.0}),
    (Query(record="metrics", indicator="PM2.5", value_max=60), {57.0}),
    (Query(record="metrics", indicator="pm2.5平均浓度", value_min=60), {68.0}),
    (Query(record="metrics", indicator="PM2.5", year_from=2019), {57.0}),
    (Query(record="metrics", value_min=100), {134.0, 120.0}),
])
def test_search_metric_records_by_indicator_and_value(backend, query, expected_values):
    ids = [h["id"] for h in backend.search(query)["hits"]]
    assert all(":k" in i for i in ids)
    metrics = {f"{letter_id(l)}:k{i}": m["value"] for l in LETTERS for i, m in enumerate(l["metrics"], 1)}
    assert {metrics[i] for i in ids} == expected_values


def test_search_hit_shape(backend):
    hit = backend.search(Query("错峰生产"))["hits"][0]
    assert set(hit) == HIT_KEYS
    assert isinstance(hit["score"], float)


@pytest.mark.parametrize("text, marked", [
    ("错峰生产", "<mark>错峰生产</mark>"),
    ("学校", "<mark>學校</mark>"),
    ("環保局", "<mark>环境保护局</mark>"),
])
def test_search_snippet_marks_terms_in_the_original_text(backend, text, marked):
    snippets = [h["snippet"] for h in backend.search(Query(text))["hits"]]
    assert any(marked in s for s in snippets)


@pytest.mark.parametrize("term", ["垃圾分类", "河长制"])
def test_search_title_outranks_measures_outranks_body(fresh, term):
    in_body = letter("letters/body.txt", title="关于城市管理的答复", outline=[f"推进{term}工作"])
    in_measure = letter("letters/measure.txt", title="关于城市环境的答复", measures=[("推进工作", f"开展{term}试点。")])
    in_title = letter("letters/title.txt", title=f"关于{term}的答复")
    fresh.index([in_body, in_measure, in_title])
    assert paths(fresh.search(Query(term))) == ["letters/title.txt", "letters/measure.txt", "letters/body.txt"]


def test_search_limit_and_total(backend):
    result = backend.search(Query(limit=2))
    assert result["total"] == len(LETTERS)
    assert len(result["hits"]) == 2


@pytest.mark.parametrize("text", ['"', '"错峰', "AND", "OR NOT", "*", "NEAR(a b)", "{title}:", "a:b", "^x",
                                  "(", ")", "-", "'", "\\", "\x00", "𠀀", "   ", "生产 -错峰", "title_bg : x"])
def test_search_any_user_text_is_safe(backend, text):
    result = backend.search(Query(text))
    assert result["total"] >= 0


def test_stats_counts_and_facets(backend):
    stats = backend.stats()
    assert stats["letters"] == len(LETTERS)
    assert stats["measures"] == sum(len(l["measures"]) for l in LETTERS)
    assert stats["metrics"] == sum(len(l["metrics"]) for l in LETTERS)
    assert stats["by_year"] == {"2016": 1, "2017": 1, "2018": 1, "2019": 2, "2021": 1}
    assert stats["by_grade"] == {"A": 2, "B": 1}
    assert stats["by_issuer"] == {"许昌市生态环境局": 2, "镇康县教育局": 1, "南华县交通运输局": 1, "农业农村部": 2}


def test_reindex_replaces_never_duplicates(fresh):
    fresh.index(LETTERS)
    fresh.index(LETTERS)
    fresh.index([XUCHANG_2019, XUCHANG_2019])
    stats = fresh.stats()
    assert (stats["letters"], stats["measures"]) == (len(LETTERS), sum(len(l["measures"]) for l in LETTERS))
    assert fresh.search(Query("一窗受理"))["total"] == 1


def test_reindex_drops_records_the_letter_no_longer_has(fresh):
    fresh.index([XUCHANG_2019])
    changed = copy.deepcopy(XUCHANG_2019)
    changed["measures"] = changed["measures"][:1]
    changed["grade"]["letter"] = "B"
    fresh.index([changed])
    assert fresh.search(Query("一窗受理", record="measures"))["total"] == 0
    assert [h["grade"] for h in fresh.search(Query("简政放权"))["hits"]] == ["B"]


def test_delete_removes_a_letter_and_its_records(fresh):
    fresh.index([XUCHANG_2019, MOA_2016])
    fresh.delete([letter_id(XUCHANG_2019)])
    stats = fresh.stats()
    assert (stats["letters"], stats["measures"], stats["metrics"]) == (1, 1, 0)


def test_index_reports_a_bad_letter_and_goes_on(fresh):
    broken = {"source": {"path": "broken.json"}}
    result = fresh.index([broken, XUCHANG_2017])
    assert result.indexed == 1
    assert len(result.errors) == 1 and "broken.json" in result.errors[0]


def test_index_letter_without_header_fields(fresh):
    bare = letter("letters/bare.txt", measures=[("推进垃圾分类", "在 67 个乡镇开展垃圾分类试点。")])
    fresh.index([bare])
    hit = fresh.search(Query("垃圾分类"))["hits"][0]
    assert (hit["title"], hit["year"], hit["issuer"], hit["grade"]) == (None, None, None, None)


@pytest.mark.parametrize("body, text, marked", [
    ("经研究，现答复如下：\n今年我局对建筑工地开展扬尘污染专项整治。", "扬尘污染", "<mark>扬尘污染</mark>"),
    ("經研究，現答復如下：\n推進河長制工作。", "河长制", "<mark>河長制</mark>"),
])
def test_search_finds_text_only_in_the_letter_body(fresh, body, text, marked):
    with_text = {**letter("letters/with-text.txt", title="关于城市管理的答复"), BODY_KEY: body}
    fresh.index([with_text, letter("letters/json-only.txt", title="关于城市管理的答复")])
    hits = fresh.search(Query(text))["hits"]
    assert paths({"hits": hits}) == ["letters/with-text.txt"]
    assert marked in hits[0]["snippet"]
    assert fresh.search(Query(text, record="measures"))["total"] == 0


@pytest.mark.parametrize("text, first, also", [
    # Two concepts: a letter holding both ranks above letters holding one; those still match.
    ("农村 学校", [ZK18], {NH19}),
    ("错峰生产 一窗受理", [X19], {X17}),
    # Three concepts: at least two must be held.
    ("许昌 错峰生产 一窗受理", [X19], {X17}),
])
def test_search_or_semantics_with_coordination(backend, text, first, also):
    found = paths(backend.search(Query(text)))
    assert found[:len(first)] == first
    assert also <= set(found[len(first):])


def test_search_drops_letters_holding_too_few_concepts(backend):
    # 4 concepts → 2 must be held: a letter with 农村 alone is not a match.
    found = set(paths(backend.search(Query("农村 学校 教学楼 办学条件"))))
    assert found == {ZK18}


@pytest.mark.parametrize("text, body", [
    ("便道", "硬化村内便道3公里。"),  # jieba: 便 / 道
    ("省道", "今年完成省道改造40公里。"),  # jieba: 省 / 道 (also a thesaurus name)
    ("县乡道", "加快县乡道建设。"),  # jieba: 县乡 / 道
    ("机耕道", "新建机耕道12条。"),  # jieba: 机耕 / 道
])
def test_search_query_runs_cut_into_single_characters_still_match(fresh, text, body):
    from govdoc.nlp.segment import cut

    assert len(cut(text)) > 1, "the case needs a word jieba cuts apart"
    fresh.index([{**letter("letters/run.txt", title="关于交通建设的答复"), BODY_KEY: body},
                 letter("letters/other.txt", title="关于交通建设的答复")])
    assert paths(fresh.search(Query(text))) == ["letters/run.txt"]


def test_search_boosts_the_query_run_as_written(fresh):
    together = {**letter("letters/together.txt", title="关于民生的答复"), BODY_KEY: "加强校园食堂安全管理工作。"}
    apart = {**letter("letters/apart.txt", title="关于民生的答复"), BODY_KEY: "校园绿化，食堂改造，安全检查。"}
    fresh.index([apart, together])
    assert paths(fresh.search(Query("校园食堂安全"))) == ["letters/together.txt", "letters/apart.txt"]


@pytest.mark.parametrize("text, expected", [("农网改造", {"letters/full.txt", "letters/short.txt"}),
                                            ("农村电网改造", {"letters/full.txt", "letters/short.txt"})])
def test_search_thesaurus_finds_short_and_full_names(fresh, text, expected):
    fresh.index([letter("letters/full.txt", title="关于加快农村电网改造的答复"),
                 letter("letters/short.txt", title="关于农网改造升级的答复"),
                 letter("letters/other.txt", title="关于城市电网的答复")])
    assert set(paths(fresh.search(Query(text)))) == expected


@pytest.mark.parametrize("query, facets", [
    (Query("错峰生产"), {"year": {"2017": 1, "2019": 1}, "issuer": {"许昌市生态环境局": 2},
                        "grade": {"A": 1, "B": 1}, "kind": {"reply": 2}, "coverage": {}}),
    (Query(limit=1), {"year": {"2016": 1, "2017": 1, "2018": 1, "2019": 2, "2021": 1},
                      "issuer": {"农业农村部": 2, "许昌市生态环境局": 2, "南华县交通运输局": 1, "镇康县教育局": 1},
                      "grade": {"A": 2, "B": 1}, "kind": {"reply": 6}, "coverage": {}}),
    (Query("错峰生产", year_from=2019, limit=1), {"year": {"2019": 1}, "issuer": {"许昌市生态环境局": 1},
                                              "grade": {"A": 1}, "kind": {"reply": 1}, "coverage": {}}),
])
def test_search_facets_count_every_match_not_just_the_page(backend, query, facets):
    result = backend.search(query)
    assert set(result["facets"]) == FACET_KEYS
    assert result["facets"] == facets


def test_search_offset_pages_through_the_ranking(backend):
    whole = [h["id"] for h in backend.search(Query(limit=6))["hits"]]
    pages = [h["id"] for start in (0, 2, 4) for h in backend.search(Query(limit=2, offset=start))["hits"]]
    assert pages == whole
    ranked = [h["id"] for h in backend.search(Query("农村 学校", limit=10))["hits"]]
    assert [h["id"] for h in backend.search(Query("农村 学校", limit=1, offset=1))["hits"]] == ranked[1:2]


def test_search_exclude_letter(backend):
    found = paths(backend.search(Query("错峰生产", exclude_letter=letter_id(XUCHANG_2019))))
    assert found == [X17]


def test_get_returns_the_stored_record(backend):
    stored = backend.get(f"{letter_id(XUCHANG_2019)}:m2")
    assert stored["record"] == "measures" and "一窗受理" in stored["text"]["title"]
    assert backend.get(letter_id(MOA_2016))["title"] == MOA_2016["title"]["text"]
    assert backend.get("0000000000000000") is None


@pytest.mark.parametrize("query, expected", [
    (Query("错峰生产", limit=1), {X17, X19}),
    (Query(grade="A", limit=1), {X19, ZK18}),
    (Query(record="measures", year_from=2019), {X19, NH19, MARA21}),
])
def test_scan_yields_every_match_in_id_order(backend, query, expected):
    records = list(backend.scan(query, batch=1))
    assert {r["source_path"] for r in records} == expected
    assert [r["id"] for r in records] == sorted(r["id"] for r in records)
    assert all(r["record"] == query.record for r in records)


def test_similar_letters_share_the_topic_and_leave_the_letter_out(backend):
    from govdoc.search.similar import similar

    result = similar(backend, letter_id(XUCHANG_2017), limit=3)
    assert "错峰生产" in result["terms"]
    assert paths(result)[:1] == [X19]
    assert X17 not in paths(result)


def test_similar_unknown_letter_is_one_clear_error(backend):
    from govdoc.errors import BadInput
    from govdoc.search.similar import similar

    with pytest.raises(BadInput, match="no letter with this id"):
        similar(backend, "ffffffffffffffff")


def test_doc_freqs_count_records_holding_a_word(backend):
    total, freqs = backend.doc_freqs(["错峰生产", "农村公路", "不存在的词"])
    assert total == len(LETTERS)
    assert freqs == {"错峰生产": 2, "农村公路": 1, "不存在的词": 0}


@pytest.fixture(scope="module", params=BACKEND_PARAMS)
def compared(request, tmp_path_factory):
    """The hand-built letters, three of them replies compared with their suggestions."""
    with indexed_test_backend(request.param, tmp_path_factory.mktemp(f"compared-{request.param}"),
                              COMPARED_LETTERS) as index:
        yield index


@pytest.mark.parametrize("query, expected", [
    (Query(coverage_below=0.5), {NH19}),  # strictly below: 0.5 is not
    (Query(coverage_below=0.51), {NH19, ZK18}),
    (Query(coverage_min=0.5), {ZK18, X19}),
    (Query(coverage_min=0.0), {X19, ZK18, NH19}),  # letters without a comparison never pass a coverage filter
    (Query(coverage_min=0.25, coverage_below=1.0), {ZK18}),
    (Query("错峰生产", coverage_min=1.0), {X19}),
    (Query("错峰生产", coverage_below=1.0), set()),
    (Query(record="measures", coverage_below=0.5), {NH19}),  # a letter's records share its coverage
    (Query(grade="A", coverage_below=0.75), {ZK18}),
])
def test_search_coverage_filters(compared, query, expected):
    result = compared.search(Query(**{**query.__dict__, "limit": 20}))
    assert set(paths(result)) == expected and result["total"] == len(expected)
    assert {r["source_path"] for r in compared.scan(query)} == expected


@pytest.mark.parametrize("query, coverage", [
    (Query(), {"0-0.25": 1, "0.5-0.75": 1, "0.75-1": 1}),
    (Query("农村"), {"0-0.25": 1, "0.5-0.75": 1}),
    (Query(coverage_below=0.5), {"0-0.25": 1}),
])
def test_search_coverage_facet_counts_bands_in_order(compared, query, coverage):
    facets = compared.search(query)["facets"]
    assert set(facets) == FACET_KEYS
    assert facets["coverage"] == coverage and list(facets["coverage"]) == sorted(coverage)


def test_search_hits_and_records_carry_the_comparison(compared):
    hit = compared.search(Query("一窗受理"))["hits"][0]
    assert hit["coverage"] == 1.0
    assert compared.search(Query("高标准农田"))["hits"][0]["coverage"] is None
    stored = compared.get(letter_id(ZHENKANG_2018))
    assert stored["coverage_band"] == "0.5-0.75"
    assert stored["compare"] == {"suggestion_id": "0" * 16, "link_confidence": 0.9,
                                 "asks": {"concrete": 1, "general": 0, "explained": 1, "not_addressed": 0},
                                 "flags": ["top_grade_but_explained: ask 2 (grade A)"]}


def test_reindex_without_the_comparison_drops_its_coverage(fresh):
    fresh.index(COMPARED_LETTERS)
    fresh.index([XUCHANG_2019])  # its comparison removed (no longer linked)
    assert set(paths(fresh.search(Query(coverage_min=0.0)))) == {ZK18, NH19}
