"""The HTML pages: search, letter, charts.  Each route reads its parameters, asks the library and
renders a template; the templates escape every value."""
from __future__ import annotations

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from govdoc.index.base import Query
from govdoc.ingest.letters import LetterNotFound, read_letter, source_file
from govdoc.search import series
from govdoc.web import compare_view, letter_view, search_view
from govdoc.web.charts import stacked_bars
from govdoc.web.params import MAX_TEXT, search_params, text_param

RELATED = 8


def _render(request: Request, name: str, context: dict) -> Response:
    return request.app.state.site.templates.TemplateResponse(request, name, context)


async def search_page(request: Request) -> Response:
    site = request.app.state.site
    p = search_params(request.query_params)
    result = search_view.paged_search(site.index(), p)
    return _render(request, "search.html", {
        "p": p, "result": result, "facets": search_view.facet_links(result, p),
        "pages": search_view.page_numbers(result["total"], p), "last_page": search_view.last_page(result["total"], p)})


async def letter_page(request: Request) -> Response:
    site = request.app.state.site
    letter = read_letter(site.settings.data_dir, request.path_params["id"])
    text = letter.text or ""
    spans = letter_view.field_spans(letter.reply, len(text))
    return _render(request, "letter.html", {
        "letter": letter, "reply": letter.reply, "segments": letter_view.segments(text, spans),
        "panel": letter_view.panel(letter.reply, spans),
        "kinds": sorted({f.kind for f in spans}, key=list(letter_view.LABELS).index), "labels": letter_view.LABELS,
        "has_source": source_file(letter) is not None, "compare": compare_view.compare_link(letter),
        "related": search_view.related_hits(site.index(), letter.id, RELATED)})


async def letter_json(request: Request) -> Response:
    letter = read_letter(request.app.state.site.settings.data_dir, request.path_params["id"])
    return FileResponse(letter.json_path, media_type="application/json", filename=f"{letter.id}.json")


async def letter_source(request: Request) -> Response:
    letter = read_letter(request.app.state.site.settings.data_dir, request.path_params["id"])
    path = source_file(letter)  # the path the letter's own JSON records, never one from the request
    if path is None:
        raise LetterNotFound(f"the source file of letter {letter.id} is no longer at "
                             f"{(letter.reply.get('source') or {}).get('path')}")
    return FileResponse(path, filename=path.name)


async def charts_page(request: Request) -> Response:
    backend = request.app.state.site.index()
    q, issuer = text_param(request.query_params, "q"), text_param(request.query_params, "issuer")
    charts = [stacked_bars("Letters per year, by grade", series.letters_by_year_and_grade(backend))]
    if q:
        charts.append(stacked_bars(f"Measures per year matching “{q}”",
                                   series.records_by_year(backend, Query(text=q, record="measures"))))
    if issuer:
        charts.append(stacked_bars(f"Letters of {issuer} per year, by the name they were issued under",
                                   series.agency_names_by_year(backend, issuer)))
    return _render(request, "charts.html", {"charts": charts, "q": q, "issuer": issuer, "max_text": MAX_TEXT})


async def compare_page(request: Request) -> Response:
    """A suggestion's asks beside the reply's evidence (``?suggestion=ID&reply=ID`` or ``?letter=ID``)."""
    site = request.app.state.site
    compare_request = compare_view.compare_request(request.query_params)
    done = await compare_view.off_the_loop(site, compare_view.compare_letters, site.settings.data_dir, compare_request)
    c = done.comparison
    return _render(request, "compare.html", {
        "c": c, "letters": done.letters, "ids": compare_request.ids, "meanings": compare_view.MEANINGS,
        "counts": {label: sum(a.response == label for a in c.suggestion.asks) for label in compare_view.MEANINGS}})


async def compare_report_page(request: Request) -> Response:
    """Per agency and per year: how the replies among the ingested letters answered their suggestions."""
    site = request.app.state.site
    report = await compare_view.off_the_loop(site, compare_view.compare_report, site.settings.data_dir)
    return _render(request, "compare_report.html", {
        "report": report, "labels": list(compare_view.MEANINGS), "limit": compare_view.REPORT_LIMIT,
        "scan": compare_view.REPORT_SCAN})


ROUTES = [
    Route("/", search_page, name="search"),
    Route("/letters/{id}", letter_page, name="letter"),
    Route("/letters/{id}/json", letter_json, name="letter_json"),
    Route("/letters/{id}/source", letter_source, name="letter_source"),
    Route("/charts", charts_page, name="charts"),
    Route("/compare", compare_page, name="compare"),
    Route("/compare/report", compare_report_page, name="compare_report"),
]
