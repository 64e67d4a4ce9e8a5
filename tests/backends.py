"""The shared backend fixture helpers: hand-built parsed letters and backend factories.

Every search test runs against SQLite, and against Elasticsearch when ``GOVDOC_ES_URL`` is set.
Each test session gets its own data folder and its own Elasticsearch index name.
"""
from __future__ import annotations

import hashlib
import os
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

ES_URL = os.environ.get("GOVDOC_ES_URL")
BACKEND_PARAMS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("elasticsearch", id="elasticsearch", marks=[
        pytest.mark.elasticsearch,
        pytest.mark.skipif(not ES_URL, reason="GOVDOC_ES_URL is not set: no Elasticsearch to test against")]),
]


def open_test_backend(name: str, data_dir: Path):
    from govdoc.index.backends import open_backend

    index = f"govdoc-test-{uuid.uuid4().hex[:10]}"
    backend = open_backend(name, data_dir, es_url=ES_URL, api_key=os.environ.get("GOVDOC_ES_API_KEY"),
                           index=index)
    backend.clear()
    return backend


def close_test_backend(backend) -> None:
    """Remove what the test wrote, Elasticsearch indices included (``drop``), and close."""
    try:
        getattr(backend, "drop", backend.clear)()
    finally:
        backend.close()


@contextmanager
def indexed_test_backend(name: str, data_dir: Path, letters: list[dict]):
    """A backend of its own holding ``letters`` (indexed without an error), removed afterwards:
    the body of a module fixture over ``BACKEND_PARAMS``."""
    backend = open_test_backend(name, data_dir)
    try:
        assert backend.index(letters).errors == []
        yield backend
    finally:
        close_test_backend(backend)


def span() -> None:
    return None


def letter(path: str, *, title=None, issuer=None, year=None, grade=None, congress=None, item=None,
           measures=(), metrics=(), outline=(), addressee=None, kind="reply", proposers=()) -> dict:
    """A ``Reply.model_dump(mode='json')``-shaped dict with only the given fields set."""
    sha = hashlib.sha256(path.encode("utf-8")).hexdigest()
    return {
        "schema_version": "1.0",
        "source": {"path": path, "sha256": sha, "format": "text", "pages": 1, "ocr": False},
        "kind": kind,
        "doc_number": None,
        "issuer": {"span": None, "confidence": 1.0, "name": issuer} if issuer else None,
        "signatories": [],
        "grade": {"span": None, "confidence": 1.0, "letter": grade, "raw": f"办理结果：{grade}"} if grade else None,
        "title": {"span": None, "confidence": 1.0, "text": title} if title else None,
        "congress": ({"span": None, "confidence": 1.0, "raw": congress[0], "body": congress[1],
                      "level": congress[2], "term": congress[3], "session": congress[4]} if congress else None),
        "item": {"span": None, "confidence": 1.0, "type": item[0], "number": item[1]} if item else None,
        "addressee": {"span": None, "confidence": 1.0, "text": addressee} if addressee else None,
        "proposers": [{"span": None, "confidence": 1.0, "name": p, "role": "代表"} for p in proposers],
        "issue_date": {"span": None, "confidence": 1.0, "date": f"{year}-09-20", "raw": f"{year}年9月20日"} if year else None,
        "contact": None, "cc": [], "printed_by": None, "printed_date": None, "disclosure": None,
        "outline": [{"span": None, "confidence": 1.0, "marker": f"{i + 1}.", "level": 1, "title": t, "children": []}
                    for i, t in enumerate(outline)],
        "measures": [{"span": None, "confidence": 1.0, "title": t, "text": x, "section": None, "status": "taken",
                      "cited_documents": []} for t, x in measures],
        "metrics": [{"span": None, "confidence": 1.0, "raw": raw, "indicator": ind, "value": value, "unit": unit,
                     "qualifier": None, "comparison": None, "rank": None, "as_of": None, "scope": None}
                    for raw, ind, value, unit in metrics],
        "warnings": [],
    }


XUCHANG_2017 = letter(
    "letters/xuchang-2017.txt", title="关于加强大气污染防治的建议的答复", issuer="许昌市环境保护局", year=2017,
    grade="B", congress=("市七届人大一次会议", "人大", "市", 7, 1), item=("建议", "12"),
    measures=[("实施错峰生产", "对钢铁、焦化等重点行业实施错峰生产。")],
    metrics=[("PM2.5 平均浓度 68 微克/立方米", "PM2.5平均浓度", 68.0, "微克/立方米")],
    outline=["大气污染防治工作成效"], addressee="王明代表", proposers=["王明"])
XUCHANG_2019 = letter(
    "letters/xuchang-2019.txt", title="对市七届人大四次会议第134号建议的答复", issuer="许昌市生态环境局", year=2019,
    grade="A", congress=("市七届人大四次会议", "人大", "市", 7, 4), item=("建议", "134"),
    measures=[("简政放权", "将环境影响报告表类项目下放至县级审批。"),
              ("实行一窗受理", "27 项审批服务事项全部进驻市行政服务中心。"),
              ("差异化错峰生产", "科学制定差别化的错峰生产措施。")],
    metrics=[("PM2.5 平均浓度 57 微克/立方米", "PM2.5平均浓度", 57.0, "微克/立方米"),
             ("优良天数 134 天", "优良天数", 134.0, "天")],
    outline=["我市开展污染防治攻坚战取得的成效", "实施重点行业差异化错峰生产采取的措施"],
    addressee="张永波代表", proposers=["张永波"])
ZHENKANG_2018 = letter(
    "letters/zhenkang-2018.txt", title="關於加強農村學校建設的建議的答復", issuer="鎮康縣教育局", year=2018,
    grade="A", congress=("縣十六屆人大二次會議", "人大", "县", 16, 2), item=("建议", "8"),
    measures=[("改善辦學條件", "新建農村學校教學樓三棟。")], addressee="羅瑞等代表", proposers=["羅瑞"])
NANHUA_2019 = letter(
    "letters/nanhua-2019.txt", title="关于改善农村公路的提案的答复", issuer="南华县交通运输局", year=2019,
    congress=("县政协十届三次会议", "政协", "县", 10, 3), item=("提案", "55"),
    measures=[("实施农村公路提升工程", "完成农村公路建设 120 公里。")],
    metrics=[("农村公路建设 120 公里", "农村公路建设里程", 120.0, "公里")])
MOA_2016 = letter(
    "letters/moa-2016.txt", title="对十二届全国人大四次会议第5185号建议的答复", issuer="农业部", year=2016,
    congress=("十二届全国人大四次会议", "人大", "全国", 12, 4), item=("建议", "5185"),
    measures=[("推进化肥减量", "开展化肥使用量零增长行动。")])
MARA_2021 = letter(
    "letters/mara-2021.txt", title="关于支持高标准农田建设的建议的答复", issuer="农业农村部", year=2021,
    congress=("十三届全国人大四次会议", "人大", "全国", 13, 4), item=("建议", "2201"),
    measures=[("高标准农田建设", "2021 年建设高标准农田 1 亿亩。")])

LETTERS = [XUCHANG_2017, XUCHANG_2019, ZHENKANG_2018, NANHUA_2019, MOA_2016, MARA_2021]


def by_path(letters=None) -> dict[str, dict]:
    return {l["source"]["path"]: l for l in (letters or LETTERS)}


def paths(result: dict) -> list[str]:
    """Source paths of the hits, in rank order."""
    return [hit["source_path"] for hit in result["hits"]]


def with_comparison(reply: dict, coverage: float, asks: dict, flags=(), suggestion: str = "0" * 16) -> dict:
    """The letter with the findings ``govdoc compare --data`` keeps for a linked reply."""
    from govdoc.index.findings import COMPARE_KEY, LABELS

    return {**reply, COMPARE_KEY: {"reply_id": reply["source"]["sha256"][:16], "suggestion_id": suggestion,
                                   "coverage": coverage, "asks": {label: asks.get(label, 0) for label in LABELS},
                                   "flags": list(flags), "link": {"confidence": 0.9, "evidence": ["item 1"]}}}


# Three replies compared with their suggestions (coverage 1, 0.5, 0); the other letters have no comparison.
COMPARED = [with_comparison(XUCHANG_2019, 1.0, {"concrete": 2}),
            with_comparison(ZHENKANG_2018, 0.5, {"concrete": 1, "explained": 1},
                            ["top_grade_but_explained: ask 2 (grade A)"]),
            with_comparison(NANHUA_2019, 0.0, {"general": 1, "not_addressed": 1}, ["not_addressed: ask 2"])]
COMPARED_LETTERS = [XUCHANG_2017, *COMPARED, MOA_2016, MARA_2021]
