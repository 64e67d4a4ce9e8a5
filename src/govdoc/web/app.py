"""``create_app(settings)``: the read-only web face of govdoc (Starlette, Jinja2, server-rendered).

The :class:`Site` object on ``app.state.site`` holds everything the routes share: the settings, the
templates and the index backend.  The backend is opened once, at startup, on the event loop's
thread, and the routes are ``async`` functions that call it on that same thread: an SQLite
connection belongs to the thread that opened it, and one researcher's searches take milliseconds.
When the index cannot be opened the app still starts and every page says why (503); it tries
again at most every :data:`REOPEN_SECONDS`, so an index ingested (or an Elasticsearch node started)
after ``govdoc serve`` is picked up without a restart.
"""
from __future__ import annotations

import threading
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from jinja2 import Environment, PackageLoader
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from govdoc.errors import GovdocError, IndexError_
from govdoc.index.base import IndexBackend


REOPEN_SECONDS = 30.0


class IndexMissing(IndexError_):
    """No index where the settings point (nothing ingested yet, or a wrong ``--data``)."""


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    backend: str = "sqlite"
    es_url: Optional[str] = None
    es_api_key: Optional[str] = None
    es_index: str = "govdoc"


class Site:
    """What every route needs; ``index()`` raises the reason when the index is unavailable."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.templates = make_templates()
        self.backend: Optional[IndexBackend] = None
        self.error: Optional[GovdocError] = None
        self.opened_at = float("-inf")  # time.monotonic() when the last attempt to open the index ended
        self.compare_lock = threading.Lock()  # one comparison at a time, off the event loop (web/compare_view.py)

    def open(self) -> None:
        try:
            self.backend, self.error = open_index(self.settings), None
        except GovdocError as exc:
            self.error = exc
        finally:
            self.opened_at = time.monotonic()

    def index(self) -> IndexBackend:
        if self.backend is None and time.monotonic() - self.opened_at >= REOPEN_SECONDS:
            self.open()
        if self.backend is None:
            raise self.error or IndexMissing("the index is not open")
        return self.backend

    def close(self) -> None:
        if self.backend is not None:
            self.backend.close()
            self.backend = None


def missing_index(settings: Settings) -> Optional[str]:
    """Why the embedded index cannot be opened without creating it, or None."""
    from govdoc.index.sqlite import FILE_NAME

    if settings.backend == "sqlite" and not (Path(settings.data_dir) / FILE_NAME).is_file():
        return (f"no index in {settings.data_dir}: run `govdoc ingest FOLDER --data {settings.data_dir}` first, "
                f"or pass --data with the folder that holds {FILE_NAME}")
    return None


def open_index(settings: Settings) -> IndexBackend:
    """The backend the settings name; an embedded index that does not exist yet is not created."""
    from govdoc.index.backends import open_backend

    problem = missing_index(settings)
    if problem:
        raise IndexMissing(problem)
    return open_backend(settings.backend, settings.data_dir, es_url=settings.es_url, api_key=settings.es_api_key,
                        index=settings.es_index)


def make_templates() -> Jinja2Templates:
    from govdoc.web.render import FILTERS

    env = Environment(loader=PackageLoader("govdoc.web", "templates"), autoescape=True)
    env.filters.update(FILTERS)
    return Jinja2Templates(env=env)


def create_app(settings: Settings) -> Starlette:
    from govdoc.web import api, pages
    from govdoc.web.errors import HANDLERS
    from govdoc.web.headers import SecurityHeaders

    site = Site(settings)

    @asynccontextmanager
    async def lifespan(app):
        site.open()
        yield
        site.close()

    routes = [*pages.ROUTES, *api.ROUTES, Mount("/static", StaticFiles(packages=[("govdoc.web", "static")]),
                                                name="static")]
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers=HANDLERS,
                    middleware=[Middleware(SecurityHeaders)])
    app.state.site = site
    return app
