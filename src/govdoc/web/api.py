"""The JSON API, mirroring the CLI: the same JSON as ``govdoc search --json``, ``govdoc stats --json`` and
``govdoc compare --format json``, a parsed letter as ingest wrote it, and the letters like one."""
from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from govdoc.errors import BadInput
from govdoc.ingest.letters import LetterNotFound, checked_id, read_letter
from govdoc.search.similar import similar
from govdoc.web import compare_view, search_view
from govdoc.web.params import search_params

class Json(JSONResponse):
    """JSON with Chinese text as it is (``ensure_ascii=False``), as the CLI prints it."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


async def api_search(request: Request) -> Response:
    p = search_params(request.query_params)
    return Json(search_view.paged_search(request.app.state.site.index(), p))


async def api_letter(request: Request) -> Response:
    letter = read_letter(request.app.state.site.settings.data_dir, request.path_params["id"])
    return Json(letter.reply)


async def api_stats(request: Request) -> Response:
    return Json(request.app.state.site.index().stats())


async def api_similar(request: Request) -> Response:
    """``govdoc similar ID --json``; ``?size=`` as for searches."""
    letter_id = checked_id(request.path_params["id"])
    p = search_params({"size": request.query_params.get("size", "")})
    try:
        return Json(similar(request.app.state.site.index(), letter_id, limit=p.size))
    except BadInput as exc:  # the index holds no such letter
        raise LetterNotFound(str(exc)) from None


async def api_compare(request: Request) -> Response:
    """``govdoc compare SUGGESTION REPLY --format json`` of two letters' source files
    (``?suggestion=ID&reply=ID``), or ``govdoc compare FILE`` of one (``?letter=ID``)."""
    site = request.app.state.site
    compare_request = compare_view.compare_request(request.query_params)
    done = await compare_view.off_the_loop(site, compare_view.compare_letters, site.settings.data_dir, compare_request)
    return Json(done.comparison.model_dump(mode="json"))


ROUTES = [
    Route("/api/search", api_search),
    Route("/api/letters/{id}", api_letter),
    Route("/api/stats", api_stats),
    Route("/api/similar/{id}", api_similar),
    Route("/api/compare", api_compare),
]
