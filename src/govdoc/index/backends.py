"""Choose an index backend by name (``--backend``); Elasticsearch is imported only when asked for."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from govdoc.errors import BadInput
from govdoc.index.base import IndexBackend

BACKENDS = ("sqlite", "elasticsearch")
DEFAULT_ES_INDEX = "govdoc"


def open_backend(name: str, data_dir: str | Path, es_url: Optional[str] = None, api_key: Optional[str] = None,
                 basic_auth: Optional[tuple[str, str]] = None, index: str = DEFAULT_ES_INDEX,
                 fresh: bool = False) -> IndexBackend:
    """``sqlite`` keeps ``<data_dir>/index.sqlite``; ``elasticsearch`` talks to ``es_url`` and uses
    the indices and aliases of prefix ``index`` so tests and users can keep separate indexes on one
    cluster.  ``fresh``: start empty, whatever layout or version the index had."""
    if name == "sqlite":
        from govdoc.index.sqlite import SqliteBackend

        backend = SqliteBackend(data_dir)
        if fresh:
            backend.clear()
        return backend
    if name == "elasticsearch":
        if not es_url:
            raise BadInput("--es-url", "the elasticsearch backend needs --es-url or GOVDOC_ES_URL")
        from govdoc.index.elastic import ElasticBackend

        return ElasticBackend(es_url, api_key=api_key, basic_auth=basic_auth, index=index, fresh=fresh)
    raise BadInput("--backend", f"unknown backend {name!r}; choose one of {', '.join(BACKENDS)}")
