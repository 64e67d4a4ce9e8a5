"""Elasticsearch requests retried with exponential backoff on transient errors (connection
errors, 429, 5xx); every other error, and the last transient one, becomes one line."""
from __future__ import annotations

import time
from typing import Callable, TypeVar

from elasticsearch import ApiError
from elasticsearch import ConnectionError as EsConnectionError

from govdoc.errors import IndexError_

TRANSIENT_STATUS = frozenset({429, 500, 502, 503, 504})
T = TypeVar("T")


def reason(exc: Exception) -> str:
    """What went wrong, in one line: the HTTP status and Elasticsearch's error type and reason."""
    if isinstance(exc, ApiError):
        error = exc.body.get("error") if isinstance(exc.body, dict) else None
        if isinstance(error, dict):
            return f"HTTP {exc.status_code} {error.get('type')}: {error.get('reason')}"
        return f"HTTP {exc.status_code}: {exc.message}"
    return f"{type(exc).__name__}: {getattr(exc, 'message', None) or exc}"


def transient(exc: Exception) -> bool:
    """Worth trying again: the node could not be reached, was overloaded (429) or failed (5xx)."""
    return isinstance(exc, EsConnectionError) or (isinstance(exc, ApiError) and exc.status_code in TRANSIENT_STATUS)


def retrying(fn: Callable[[], T], what: str, retries: int, backoff: float, max_backoff: float,
             sleep: Callable[[float], None] = time.sleep) -> T:
    """``fn()``, tried again up to ``retries`` times after a transient error, waiting ``backoff``,
    then twice as long each time (at most ``max_backoff``); any other error, or the last transient
    one, becomes an IndexError_ that says what failed and why."""
    for attempt in range(retries + 1):
        try:
            return fn()
        except (EsConnectionError, ApiError) as exc:
            if not transient(exc):
                raise IndexError_(f"{what} failed: {reason(exc)}") from exc
            last = exc
        if attempt < retries:
            sleep(min(backoff * 2 ** attempt, max_backoff))
    raise IndexError_(f"{what} failed after {retries + 1} attempts: {reason(last)}") from last
