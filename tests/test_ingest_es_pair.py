"""Elasticsearch as the shared index of a large ingest: a real two-node cluster on loopback
(``scripts/elasticsearch.sh pair-start``), every index of the prefix with 1 replica (set in the
prefix's sizing template, so the year indices made during the ingest have one too), and the data
node stopped in the middle of the ingest: every letter is in the index once, none is left behind."""
from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest

from govdoc.index.base import Query
from govdoc.ingest import Progress, Settings, ingest
from govdoc.ingest.batches import Retry
from ingest_helpers import ROOT, copy_letters, states

SCRIPT = ["bash", str(ROOT / "scripts" / "elasticsearch.sh")]
LETTERS = sorted(p.stem for p in (ROOT / "corpora" / "real").glob("d0*.txt"))[:20]


@pytest.fixture(scope="module")
def pair():
    """"URL1,URL2" of a two-node cluster: GOVDOC_ES_PAIR_URLS, or one started here (and stopped)."""
    if os.environ.get("GOVDOC_ES_PAIR_URLS"):
        yield os.environ["GOVDOC_ES_PAIR_URLS"], False
        return
    if os.environ.get("GOVDOC_NO_ES") == "1":
        pytest.skip("GOVDOC_NO_ES=1")
    run = subprocess.run([*SCRIPT, "pair-start"], capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        pytest.skip(f"cannot start a two-node Elasticsearch: {run.stderr.strip().splitlines()[-1:]}")
    try:
        yield run.stdout.strip().splitlines()[-1], True
    finally:
        subprocess.run([*SCRIPT, "pair-stop"], capture_output=True, timeout=300)


def backend(urls: str, prefix: str):
    from govdoc.index.elastic import ElasticBackend

    return ElasticBackend(urls, index=prefix, retries=6, backoff=0.5, max_backoff=8, request_timeout=30)


def with_replicas(urls: str, prefix: str) -> None:
    """1 replica for every index of the prefix: the sizing template, made before govdoc makes its own
    (govdoc then leaves it alone), and the first indices allocated (green)."""
    es = backend_with_sizing(urls, prefix, {"number_of_shards": 1, "number_of_replicas": 1})
    health = es.es.cluster.health(index=f"{prefix}-*", wait_for_status="green", timeout="120s")
    es.close()
    assert health["status"] == "green", health


def backend_with_sizing(urls: str, prefix: str, sizing: dict):
    from elasticsearch import Elasticsearch

    client = Elasticsearch(urls.split(","))
    client.cluster.put_component_template(name=f"{prefix}-sizing", template={"settings": {"index": sizing}})
    client.close()
    return backend(urls, prefix)


class StopNodeAfter(Progress):
    """Stops node 2 after ``n`` files, once every index made so far has both its copies (the ingest
    makes a year's index when a letter of that year is first indexed)."""

    def __init__(self, n: int, urls: str, prefix: str):
        self.n, self.urls, self.prefix, self.seen = n, urls, prefix, 0

    def advance(self, outcome, summary) -> None:
        self.seen += outcome is not None
        if self.seen == self.n:
            es = backend(self.urls, self.prefix)
            health = es.es.cluster.health(index=f"{self.prefix}-*", wait_for_status="green", timeout="120s")
            es.close()
            assert health["status"] == "green", health
            subprocess.run([*SCRIPT, "pair-stop-node", "2"], capture_output=True, check=True, timeout=120)


def test_ingest_es_pair_node_stopped_midway_loses_nothing(tmp_path, pair):
    urls, started_here = pair
    if not started_here:
        pytest.skip("stops a node: only on a pair this test started")
    prefix = f"govdoc-test-pair-{uuid.uuid4().hex[:8]}"
    with_replicas(urls, prefix)
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    copy_letters(inbox, LETTERS)
    settings = Settings(data, workers=1, batch_size=2, retry=Retry(attempts=4, first_wait=1, pause=1))
    summary = ingest([inbox], settings, lambda: backend(urls, prefix), StopNodeAfter(len(LETTERS) // 2, urls, prefix))
    assert (summary.parsed, summary.failed, summary.not_indexed) == (len(LETTERS), 0, 0), summary.index_error
    assert {s for s, _e, _l in states(data).values()} == {"ok"}
    es = backend(urls, prefix)
    try:
        hits = es.search(Query(text="", limit=100))["hits"]
        assert es.stats()["letters"] == len(LETTERS)
        assert len(es.layout.indices("letters")) > 2  # the letters' years, and undated
        assert len({h["letter_id"] for h in hits}) == len(hits) == len(LETTERS)
    finally:
        es.drop()
        es.close()
