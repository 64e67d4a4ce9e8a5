"""``govdoc search QUERY`` and ``govdoc stats``: thin wrappers over the index backend."""
from __future__ import annotations

import enum
import json
import re
from typing import Annotated, Optional

import typer
from rich.table import Table

from govdoc.cli.app import app
from govdoc.cli.index_cmd import (DEFAULT_DATA, Backend, BackendOpt, DataOpt, DebugOpt, EsAuthOpt, EsIndexOpt,
                                  EsKeyOpt, EsUrlOpt, open_from_options)
from govdoc.cli.output import error_line, out
from govdoc.errors import BadInput, GovdocError

YEARS_RE = re.compile(r"^\s*(\d{4})?\s*(?:(\.\.|-)\s*(\d{4})?)?\s*$")


class Records(str, enum.Enum):
    letters = "letters"
    measures = "measures"
    metrics = "metrics"


def parse_years(text: str) -> tuple[Optional[int], Optional[int]]:
    """``2019`` → (2019, 2019); ``2017..2021`` → (2017, 2021); ``2017..`` / ``..2021`` are open."""
    m = YEARS_RE.match(text)
    if not m or not (m.group(1) or m.group(3)):
        raise BadInput("--year", f"{text!r}: expected YEAR or FROM..TO, e.g. 2017..2021")
    if not m.group(2):
        return int(m.group(1)), int(m.group(1))
    return (int(m.group(1)) if m.group(1) else None), (int(m.group(3)) if m.group(3) else None)


def build_query(text: str, *, year: Optional[str], issuer: Optional[str], grade: Optional[str],
                session: Optional[str], records: Records, limit: int, indicator: Optional[str] = None,
                value_min: Optional[float] = None, value_max: Optional[float] = None,
                item_type: Optional[str] = None, kind: Optional[str] = None, offset: int = 0,
                coverage_min: Optional[float] = None, coverage_below: Optional[float] = None):
    from govdoc.index.base import Query
    from govdoc.search.session import parse_session

    year_from, year_to = parse_years(year) if year else (None, None)
    congress = parse_session(session) if session else {}
    for name, share in (("--coverage-min", coverage_min), ("--coverage-below", coverage_below)):
        if share is not None and not 0 <= share <= 1:  # NaN fails too
            raise BadInput(name, f"{share}: expected a share from 0 to 1")
    return Query(text=text, record=records.value, year_from=year_from, year_to=year_to, issuer=issuer,
                 grade=grade.upper() if grade else None, item_type=item_type, kind=kind, indicator=indicator,
                 value_min=value_min, value_max=value_max, coverage_min=coverage_min, coverage_below=coverage_below,
                 limit=limit, offset=offset, **congress)


def _rich_snippet(snippet: str) -> str:
    from rich.markup import escape

    return escape(snippet).replace("<mark>", "[bold yellow]").replace("</mark>", "[/bold yellow]")


YearOpt = Annotated[Optional[str], typer.Option("--year", help="YEAR or FROM..TO, e.g. 2017..2021.")]
IssuerOpt = Annotated[Optional[str], typer.Option("--issuer", help="Agency, any of its names.")]
GradeOpt = Annotated[Optional[str], typer.Option("--grade", help="A, B, C or D.")]
SessionOpt = Annotated[Optional[str], typer.Option("--session", help="e.g. 市七届人大四次会议.")]
RecordsOpt = Annotated[Records, typer.Option("--records", help="letters, measures or metrics.")]
IndicatorOpt = Annotated[Optional[str], typer.Option("--indicator", help="Metrics: indicator text, e.g. PM2.5.")]
MinOpt = Annotated[Optional[float], typer.Option("--min", help="Metrics: smallest value.")]
MaxOpt = Annotated[Optional[float], typer.Option("--max", help="Metrics: largest value.")]
ItemTypeOpt = Annotated[Optional[str], typer.Option("--item-type", help="建议, 提案, 议案 …")]
KindOpt = Annotated[Optional[str], typer.Option("--kind", help="reply, suggestion or other.")]
_COVERAGE = ("coverage: the share of a reply's asks answered concretely, from `govdoc compare --data`; "
             "letters without a comparison are left out")
CoverageBelowOpt = Annotated[Optional[float], typer.Option(
    "--coverage-below", help=f"Replies whose coverage is below this (0 to 1; {_COVERAGE}).")]
CoverageMinOpt = Annotated[Optional[float], typer.Option(
    "--coverage-min", help=f"Replies whose coverage is at least this (0 to 1; {_COVERAGE}).")]
QueryArg = Annotated[str, typer.Argument(help="Words to find; simplified or traditional, old or new agency names.")]


def fail(exc: Exception, debug: bool = False) -> typer.Exit:
    """One error line for a govdoc error; exit 2 for bad input, 1 otherwise."""

    if debug:
        raise exc
    error_line(str(exc))
    return typer.Exit(2 if isinstance(exc, BadInput) else 1)


def print_hits(result: dict, title: str) -> None:
    """The hits as a table, and the facets of every match under it."""
    table = Table(title=title)
    covered = any(hit.get("coverage") is not None for hit in result["hits"])
    for col in ("score", "year", "grade", *(("coverage",) if covered else ()), "issuer", "title", "snippet"):
        table.add_column(col, overflow="fold", ratio=3 if col == "snippet" else None)
    for hit in result["hits"]:
        coverage = [] if not covered else ["" if hit.get("coverage") is None else f"{hit['coverage']:.0%}"]
        table.add_row(f"{hit['score']:.2f}", str(hit["year"] or ""), hit["grade"] or "", *coverage, hit["issuer"] or "",
                      hit["title"] or hit["source_path"] or "", _rich_snippet(hit["snippet"] or ""))
    out.print(table)
    facets = Table(title="facets (all matches)", show_header=False, box=None)
    for name, counts in (result.get("facets") or {}).items():
        if counts:
            facets.add_row(name, "  ".join(f"{key} ({n})" for key, n in counts.items()))
    if facets.row_count:
        out.print(facets)


@app.command("search")
def search_command(
    query: QueryArg = "",
    year: YearOpt = None,
    issuer: IssuerOpt = None,
    grade: GradeOpt = None,
    session: SessionOpt = None,
    records: RecordsOpt = Records.letters,
    indicator: IndicatorOpt = None,
    min_value: MinOpt = None,
    max_value: MaxOpt = None,
    item_type: ItemTypeOpt = None,
    kind: KindOpt = None,
    coverage_below: CoverageBelowOpt = None,
    coverage_min: CoverageMinOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most hits to show.")] = 10,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Hits to skip (the next page).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    backend: BackendOpt = Backend.sqlite,
    data: DataOpt = DEFAULT_DATA,
    es_url: EsUrlOpt = None,
    es_api_key: EsKeyOpt = None,
    es_basic_auth: EsAuthOpt = None,
    es_index: EsIndexOpt = "govdoc",
    debug: DebugOpt = False,
) -> None:
    """Search letters, measures or metrics, best first, with filters and facets; a table or JSON."""
    try:
        q = build_query(query, year=year, issuer=issuer, grade=grade, session=session, records=records,
                        limit=limit, indicator=indicator, value_min=min_value, value_max=max_value,
                        item_type=item_type, kind=kind, offset=offset, coverage_min=coverage_min,
                        coverage_below=coverage_below)
        with open_from_options(backend, data, es_url, es_api_key, es_basic_auth, es_index) as index:
            result = index.search(q)
    except GovdocError as exc:
        raise fail(exc, debug) from None
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print_hits(result, f"{result['total']} {records.value} for {query!r}" if query else f"{result['total']} {records.value}")


@app.command("stats")
def stats_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    backend: BackendOpt = Backend.sqlite,
    data: DataOpt = DEFAULT_DATA,
    es_url: EsUrlOpt = None,
    es_api_key: EsKeyOpt = None,
    es_basic_auth: EsAuthOpt = None,
    es_index: EsIndexOpt = "govdoc",
) -> None:
    """Count letters, measures and metrics, and letters by year, grade and issuer."""
    try:
        with open_from_options(backend, data, es_url, es_api_key, es_basic_auth, es_index) as index:
            result = index.stats()
    except GovdocError as exc:
        error_line(str(exc))
        raise typer.Exit(1) from None
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    out.print(f"letters {result['letters']}  measures {result['measures']}  metrics {result['metrics']}",
              highlight=False)
    for name in ("by_year", "by_grade", "by_issuer"):
        table = Table(title=name.replace("_", " "))
        table.add_column(name[3:])
        table.add_column("letters", justify="right")
        for key, n in result[name].items():
            table.add_row(key, str(n))
        out.print(table)
