"""One page of a search, and the page numbers around it (the library does the searching)."""
from __future__ import annotations

from govdoc.index.base import IndexBackend
from govdoc.web.params import MAX_PAGE, SearchParams, to_query

FACET_NAMES = ("year", "grade", "kind", "issuer")  # shown in this order when the backend gives them


def paged_search(backend: IndexBackend, p: SearchParams) -> dict:
    """``backend.search`` of page ``p.page``: the JSON ``govdoc search --json`` prints, for that page."""
    return backend.search(to_query(p, p.size))


def last_page(total: int, p: SearchParams) -> int:
    return max(1, min(MAX_PAGE, -(-total // p.size)))


def page_numbers(total: int, p: SearchParams, around: int = 3) -> list[int]:
    """First, last and the pages near the current one."""
    last = last_page(total, p)
    near = range(max(1, p.page - around), min(last, p.page + around) + 1)
    return sorted({1, last, *near})


def facet_links(result: dict, p: SearchParams) -> list[tuple[str, list[tuple[str, int, str]]]]:
    """``[(facet, [(value, count, url with that filter)])]`` for the facets the backend returned."""
    facets = result.get("facets") or {}
    out = []
    for name in FACET_NAMES:
        counts = facets.get(name)
        if counts:
            out.append((name, [(str(value), n, _facet_url(p, name, str(value))) for value, n in counts.items()]))
    return out


def _facet_url(p: SearchParams, name: str, value: str) -> str:
    if name == "year":
        return p.url(year_from=int(value), year_to=int(value)) if value.isdigit() else p.url()
    return p.url(**{name: value})


def related(backend: IndexBackend, letter_id: str, limit: int) -> dict:
    """``govdoc.search.similar.similar``: letters like this one, as search hits."""
    try:
        from govdoc.search.similar import similar
    except ImportError:  # the library's similar() is being added on main; until then, none
        return {"total": 0, "hits": []}
    return similar(backend, letter_id, limit=limit)
