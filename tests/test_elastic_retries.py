"""Retries with exponential backoff on transient errors, and a clear error when they run out."""
from __future__ import annotations

import socket

import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig
from elasticsearch import ApiError
from elasticsearch import ConnectionError as EsConnectionError

from govdoc.errors import IndexError_
from govdoc.index.elastic import ElasticBackend
from govdoc.index.elastic_retry import retrying

NODE = NodeConfig("http", "127.0.0.1", 9200)


def api_error(status: int, kind: str = "x_exception", reason: str = "reason") -> ApiError:
    meta = ApiResponseMeta(status=status, http_version="1.1", headers=HttpHeaders(), duration=0.0, node=NODE)
    return ApiError(kind, meta=meta, body={"error": {"type": kind, "reason": reason}, "status": status})


def flaky(failures: list[Exception], value="done"):
    """A callable that raises each of ``failures`` in turn, then returns ``value``."""
    pending = list(failures)

    def call():
        if pending:
            raise pending.pop(0)
        return value
    return call


@pytest.mark.parametrize("failures", [
    [EsConnectionError("connection refused")],
    [EsConnectionError("connection refused"), EsConnectionError("connection reset")],
    [api_error(429, "es_rejected_execution_exception"), api_error(503, "unavailable_shards_exception")],
    [api_error(502), api_error(504), api_error(500)],
])
def test_retrying_backs_off_exponentially_then_succeeds(failures):
    sleeps: list[float] = []
    assert retrying(flaky(failures), "bulk", retries=5, backoff=0.5, max_backoff=30, sleep=sleeps.append) == "done"
    assert sleeps == [0.5 * 2 ** i for i in range(len(failures))]


@pytest.mark.parametrize("retries, backoff, max_backoff, expected_sleeps", [
    (0, 1.0, 30.0, []),
    (3, 0.5, 30.0, [0.5, 1.0, 2.0]),
    (5, 1.0, 4.0, [1.0, 2.0, 4.0, 4.0, 4.0]),
])
def test_retrying_gives_up_after_bounded_attempts(retries, backoff, max_backoff, expected_sleeps):
    sleeps: list[float] = []
    always = flaky([EsConnectionError("connection refused")] * (retries + 1))
    with pytest.raises(IndexError_, match=rf"search failed after {retries + 1} attempts: .*connection refused"):
        retrying(always, "search", retries, backoff, max_backoff, sleep=sleeps.append)
    assert sleeps == expected_sleeps


@pytest.mark.parametrize("status, kind", [(400, "mapper_parsing_exception"), (401, "security_exception"),
                                          (404, "index_not_found_exception")])
def test_retrying_does_not_retry_errors_that_will_not_pass(status, kind):
    sleeps: list[float] = []
    with pytest.raises(IndexError_, match=rf"stats failed: HTTP {status} {kind}: reason"):
        retrying(flaky([api_error(status, kind)]), "stats", retries=5, backoff=0.5, max_backoff=30,
                 sleep=sleeps.append)
    assert sleeps == []


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("retries", [0, 2])
def test_unreachable_node_fails_clearly_after_bounded_retries(retries):
    url = f"http://127.0.0.1:{closed_port()}"
    sleeps: list[float] = []
    with pytest.raises(IndexError_) as raised:
        ElasticBackend(url, index="govdoc-unreachable", retries=retries, backoff=0.01, sleep=sleeps.append)
    message = str(raised.value)
    assert url in message and f"after {retries + 1} attempts" in message and "ConnectionError" in message
    assert sleeps == [0.01 * 2 ** i for i in range(retries)]
