"""Helpers for the tests that need a real Elasticsearch (``scripts/elasticsearch.sh start``)."""
from __future__ import annotations

import os
import uuid

import pytest

ES_URL = os.environ.get("GOVDOC_ES_URL")
needs_es = [pytest.mark.elasticsearch, pytest.mark.skipif(
    not ES_URL, reason="GOVDOC_ES_URL is not set: start a node with `scripts/elasticsearch.sh start` and export it")]


def unique_prefix() -> str:
    return f"govdoc-test-{uuid.uuid4().hex[:10]}"


def open_es(prefix: str | None = None, **options):
    from govdoc.index.elastic import ElasticBackend

    return ElasticBackend(ES_URL, api_key=os.environ.get("GOVDOC_ES_API_KEY"), index=prefix or unique_prefix(),
                          **options)
