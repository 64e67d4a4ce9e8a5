"""One page of a search, and the page numbers around it (the library does the searching)."""
from __future__ import annotations

from govdoc.errors import BadInput
from govdoc.index.base import IndexBackend
from govdoc.index.findings import band_bounds
from govdoc.search.similar import similar
from govdoc.web.params import MAX_PAGE, SearchParams, to_query

FACET_NAMES = ("year", "grade", "kind", "coverage", "issuer")  # shown in this order when the backend gives them


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
    if name == "coverage":
        low, high = band_bounds(value) or (None, None)
        return p.url(coverage_min=low, coverage_below=high)
    return p.url(**{name: value})


def related_hits(backend: IndexBackend, letter_id: str, limit: int) -> list[dict]:
    """The letters like this one (:func:`govdoc.search.similar.similar`); none when the index does
    not hold the letter (its JSON is on disk, its index records are not)."""
    try:
        return similar(backend, letter_id, limit=limit)["hits"]
    except BadInput:
        return []
