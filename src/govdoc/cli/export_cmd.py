"""``govdoc export``: every record a query matches to a file, a thin wrapper over govdoc.search.export."""
from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from govdoc.cli.app import app
from govdoc.cli.index_cmd import (DEFAULT_DATA, Backend, BackendOpt, DataOpt, DebugOpt, EsAuthOpt, EsIndexOpt,
                                  EsKeyOpt, EsUrlOpt, open_from_options)
from govdoc.cli.output import err
from govdoc.cli.search_cmd import (CoverageBelowOpt, CoverageMinOpt, GradeOpt, IndicatorOpt, IssuerOpt, ItemTypeOpt,
                                   KindOpt, MaxOpt, MinOpt, QueryArg, Records, RecordsOpt, SessionOpt, YearOpt,
                                   build_query, fail)
from govdoc.errors import GovdocError


class ExportFormat(str, enum.Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


@app.command("export")
def export_command(
    query: QueryArg = "",
    out_file: Annotated[Path, typer.Option("--out", help="File to write.")] = Path("govdoc-export.csv"),
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv (UTF-8 with BOM, for Excel), jsonl or parquet.")]
    = ExportFormat.csv,
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
    backend: BackendOpt = Backend.sqlite,
    data: DataOpt = DEFAULT_DATA,
    es_url: EsUrlOpt = None,
    es_api_key: EsKeyOpt = None,
    es_basic_auth: EsAuthOpt = None,
    es_index: EsIndexOpt = "govdoc",
    debug: DebugOpt = False,
) -> None:
    """Write every record the query and filters match (not a page) to CSV, JSON Lines or Parquet."""
    from govdoc.search.export import export

    try:
        q = build_query(query, year=year, issuer=issuer, grade=grade, session=session, records=records, limit=1,
                        indicator=indicator, value_min=min_value, value_max=max_value, item_type=item_type, kind=kind,
                        coverage_min=coverage_min, coverage_below=coverage_below)
        with open_from_options(backend, data, es_url, es_api_key, es_basic_auth, es_index) as index:
            total = index.search(q)["total"]
            with Progress(TextColumn("export"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                          console=err, transient=True) as bar:
                task = bar.add_task("export", total=total)
                written = export(index, q, fmt.value, out_file, lambda n: bar.update(task, completed=n))
    except GovdocError as exc:
        raise fail(exc, debug) from None
    err.print(f"exported {written} {records.value} to {out_file}", highlight=False, markup=False)
