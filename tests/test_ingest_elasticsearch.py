"""Elasticsearch going away mid-run: parsing goes on, letters stay on disk marked not-indexed,
and the next run indexes them — nothing lost, nothing duplicated.  Runs against the real node
in GOVDOC_ES_URL; "going away" is a real TCP proxy in front of it that the test shuts."""
from __future__ import annotations

import os
import socket
import threading
import uuid

import pytest

from govdoc.index.base import Query
from govdoc.ingest import Progress, Settings, ingest
from govdoc.ingest.batches import Retry
from ingest_helpers import copy_letters, states

ES_URL = os.environ.get("GOVDOC_ES_URL")
pytestmark = [pytest.mark.elasticsearch,
              pytest.mark.skipif(not ES_URL, reason="GOVDOC_ES_URL is not set (scripts/elasticsearch.sh start)")]
LETTERS = ["d001", "d010", "d011", "d014", "d018", "d027"]


class Proxy:
    """TCP forwarder 127.0.0.1:<port> → the Elasticsearch node; stop() drops every connection."""

    def __init__(self, target: str):
        host, port = target.split("//", 1)[1].rstrip("/").split(":")
        self.target = (host, int(port))
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.conns: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.close()
                except OSError:
                    pass

    def stop(self) -> None:
        try:
            self.server.shutdown(socket.SHUT_RDWR)  # wakes the accept() blocked in the other thread
        except OSError:
            pass
        self.server.close()
        for s in self.conns:
            try:
                s.shutdown(socket.SHUT_RDWR)
                s.close()
            except OSError:
                pass


class StopAfter(Progress):
    def __init__(self, n: int, proxy: Proxy):
        self.n, self.proxy, self.seen = n, proxy, 0

    def advance(self, outcome, summary) -> None:
        self.seen += outcome is not None
        if self.seen == self.n:
            self.proxy.stop()


def es_backend(url: str, index: str):
    from govdoc.index.elastic import ElasticBackend

    return ElasticBackend(url, index=index, retries=1, backoff=0.1, request_timeout=5)


def test_ingest_elasticsearch_going_away_mid_run_loses_nothing(tmp_path):
    index = f"govdoc-test-ingest-{uuid.uuid4().hex[:8]}"
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    copy_letters(inbox, LETTERS)
    proxy = Proxy(ES_URL)
    settings = Settings(data, workers=1, batch_size=1, retry=Retry(attempts=2, first_wait=0.1, pause=0.5))
    try:
        first = ingest([inbox], settings, lambda: es_backend(proxy.url, index), StopAfter(2, proxy))
        assert first.parsed == len(LETTERS) and first.failed == 0
        assert 0 < first.not_indexed < len(LETTERS)
        st = states(data)
        assert {s for s, _e, _l in st.values()} == {"ok", "not-indexed"} and len(st) == len(LETTERS)
        assert len(list((data / "json").glob("*.json"))) == len(LETTERS)

        second = ingest([inbox], settings, lambda: es_backend(ES_URL, index))
        assert second.parsed == 0 and second.not_indexed == 0
        assert {s for s, _e, _l in states(data).values()} == {"ok"}
        backend = es_backend(ES_URL, index)
        assert backend.stats()["letters"] == len(LETTERS)
        hits = backend.search(Query(text="", limit=50))
        assert len({h["letter_id"] for h in hits["hits"]}) == len(hits["hits"]) == len(LETTERS)
    finally:
        proxy.stop()
        es_backend(ES_URL, index).drop()


def test_ingest_elasticsearch_unreachable_keeps_json_for_later(tmp_path):
    index = f"govdoc-test-ingest-{uuid.uuid4().hex[:8]}"
    inbox, data = tmp_path / "inbox", tmp_path / "data"
    copy_letters(inbox, LETTERS[:3])
    with socket.create_server(("127.0.0.1", 0)) as closed:
        dead = f"http://127.0.0.1:{closed.getsockname()[1]}"
    settings = Settings(data, workers=1, retry=Retry(attempts=2, first_wait=0.1, pause=0.5))
    try:
        first = ingest([inbox], settings, lambda: es_backend(dead, index))
        assert first.parsed == 3 and first.not_indexed == 3 and first.index_error
        second = ingest([inbox], settings, lambda: es_backend(ES_URL, index))
        assert second.parsed == 0 and second.not_indexed == 0 and second.indexed == 3
        assert es_backend(ES_URL, index).stats()["letters"] == 3
    finally:
        es_backend(ES_URL, index).drop()
