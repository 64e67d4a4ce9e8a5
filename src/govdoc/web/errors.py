"""Errors → a one-line page (or ``{"error": …}`` under ``/api/``), never a traceback."""
from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from govdoc.errors import BadInput, GovdocError, IndexError_
from govdoc.ingest.letters import LetterNotFound

# First match wins: the HTTP status of each kind of error.
STATUS = ((LetterNotFound, 404), (BadInput, 400), (IndexError_, 503), (GovdocError, 500))
TITLES = {400: "Bad request", 404: "Not found", 503: "Index unavailable", 500: "Internal error"}


def error_response(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    site = request.app.state.site
    return site.templates.TemplateResponse(request, "error.html", {
        "status": status, "title": TITLES.get(status, "Error"), "message": message}, status_code=status)


async def govdoc_error(request: Request, exc: Exception) -> Response:
    status = next(code for cls, code in STATUS if isinstance(exc, cls))
    return error_response(request, status, str(exc))


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error_response(request, exc.status_code, str(exc.detail))


async def internal_error(request: Request, exc: Exception) -> Response:
    return error_response(request, 500, f"internal error ({type(exc).__name__}); the server log has the details")


HANDLERS = {GovdocError: govdoc_error, HTTPException: http_error, Exception: internal_error}
