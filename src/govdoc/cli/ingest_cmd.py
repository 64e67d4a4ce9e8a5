"""``govdoc ingest PATH...``: parse and index folders of letters, resumably, with a progress bar."""
from __future__ import annotations

import enum
import re
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from govdoc.cli.app import app
from govdoc.cli.index_cmd import (DEFAULT_DATA, Backend, BackendOpt, DataOpt, EsAuthOpt, EsIndexOpt, EsKeyOpt,
                                  EsUrlOpt, open_from_options)
from govdoc.cli.output import err, error_line, out
from govdoc.ingest.defaults import DEFAULT_PER_PAGE, DEFAULT_TIMEOUT
from govdoc.ingest.walk import DEFAULT_EXCLUDES


class OcrMode(str, enum.Enum):
    auto = "auto"
    always = "always"
    never = "never"


class Bar:
    """Files done/total, pages/s, ETA and the error count, on stderr."""

    def __init__(self):
        self.bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                            TextColumn("{task.fields[rate]} pages/s"), TextColumn("[red]{task.fields[errors]} failed"),
                            TimeRemainingColumn(), console=err, transient=False)
        self.task = None
        self.t0 = time.monotonic()

    def start(self, total: Optional[int]) -> None:
        self.bar.start()
        self.task = self.bar.add_task("ingest", total=total, rate="0.00", errors=0)

    def found(self, total: int) -> None:
        """The walk found another file: the bar's total grows with it."""
        self.bar.update(self.task, total=total)

    def advance(self, outcome, summary) -> None:
        rate = summary.pages / max(time.monotonic() - self.t0, 1e-6)
        self.bar.update(self.task, advance=1, rate=f"{rate:.2f}", errors=summary.failed)

    def stop(self) -> None:
        self.bar.stop()


def worker_load(load) -> str:
    rate = load.pages / load.seconds if load.seconds > 0 else 0.0
    return f"{load.files} / {load.pages} / {rate:.2f}"


def summary_table(s) -> Table:
    t = Table(title=f"govdoc ingest: {s.total} file(s) in {s.seconds:.1f} s", show_header=False)
    t.add_column("what")
    t.add_column("count", justify="right")
    rows = [("parsed", s.parsed), ("skipped (unchanged)", s.skipped),
            ("skipped (excluded: not a document)", s.excluded), ("indexed", s.indexed),
            ("parsed, not indexed", s.not_indexed), ("failed", s.failed), ("pages", s.pages),
            ("pages read by OCR", s.ocr_pages)]
    rows += [(f"  failed: {reason}", n) for reason, n in s.by_reason().most_common()]
    rows += [(f"kind {kind}", s.kinds.get(kind, 0)) for kind in ("reply", "suggestion", "other")]
    rows += [(f"{name}: files / pages / pages per busy s", worker_load(load))
             for name, load in sorted(s.by_worker.items())]
    for what, n in rows:
        t.add_row(what, str(n))
    return t


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders of letters (any supported format).")],
    workers: Annotated[int, typer.Option("--workers", "-j", help="Worker processes (0: one per core).")] = 0,
    backend: BackendOpt = Backend.sqlite,
    ocr: Annotated[OcrMode, typer.Option("--ocr", help="auto: OCR scans only; always: OCR every PDF; never.")]
    = OcrMode.auto,
    data: DataOpt = DEFAULT_DATA,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Parse files that failed before again.")]
    = False,
    timeout: Annotated[float, typer.Option(
        "--timeout", help="Seconds one file may take before its worker is killed, plus --timeout-per-page for "
        "each of its pages.")] = DEFAULT_TIMEOUT,
    timeout_per_page: Annotated[float, typer.Option(
        "--timeout-per-page", help="Seconds added to --timeout for each page (OCR of a long scan takes a "
        "while); 0 makes --timeout a fixed limit.")] = DEFAULT_PER_PAGE,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Files with more pages fail with a clear message.")]
    = 500,
    exclude: Annotated[Optional[list[str]], typer.Option(
        "--exclude", help="Skip files and folders matching this glob (by name, or by path below a walked "
        "folder, e.g. 'drafts/*'); repeatable.  Adds to the default excludes.")] = None,
    default_excludes: Annotated[bool, typer.Option(
        "--default-excludes/--no-default-excludes", help="Skip files that are not documents: "
        + " ".join(DEFAULT_EXCLUDES) + ".")] = True,
    es_url: EsUrlOpt = None,
    es_api_key: EsKeyOpt = None,
    es_basic_auth: EsAuthOpt = None,
    es_index: EsIndexOpt = "govdoc",
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show the progress bar.")] = True,
    cluster: Annotated[Optional[str], typer.Option(
        "--cluster", envvar="GOVDOC_CLUSTER", help="Parse on the workers of this Dask scheduler "
        "(tcp://HOST:8786) instead of local processes; this process still walks, records and indexes.")] = None,
    ship_bytes_under: Annotated[str, typer.Option(
        "--ship-bytes-under", help="With --cluster: files smaller than this (e.g. 20MB, 512kB, 0) travel with "
        "their task; larger ones are read by the workers from the same path, which they must share.")] = "20MB",
) -> None:
    """Parse every file under PATHs in parallel (OCR for scans), write <data>/json/<id>.json with the
    normalized text beside it (<id>.txt), and index in batches.  Re-runs skip unchanged files and
    finish whatever an interrupted run left.

    File types are detected from content.  Hidden files and folders and the data folder are left
    out; so are files that are not documents (JSON, TSV, CSV, Markdown, YAML, scripts, databases:
    see --no-default-excludes), counted as skipped, not failed.  So `govdoc ingest corpora/seed
    corpora/real` ingests the letters and leaves the gold JSON, INDEX.tsv and README.md alone."""
    from govdoc.ingest import Settings

    globs = (DEFAULT_EXCLUDES if default_excludes else ()) + tuple(exclude or ())
    settings = Settings(data_dir=data, workers=workers, ocr=ocr.value, timeout=timeout,
                        timeout_per_page=timeout_per_page, max_pages=max_pages, retry_failed=retry_failed,
                        exclude=globs)
    factory = lambda: open_from_options(backend, data, es_url, es_api_key, es_basic_auth, es_index)  # noqa: E731
    summary = run_ingest(paths, settings, factory, progress, cluster, parse_size(ship_bytes_under))
    report(summary, data)


def parse_size(text: str) -> int:
    """Bytes from "20MB", "512kB", "1.5GB", "0" (powers of 1024)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*", text, re.IGNORECASE)
    if not match:
        error_line(f"--ship-bytes-under: {text!r} is not a size (e.g. 20MB, 512kB, 0)")
        raise typer.Exit(2)
    return int(float(match[1]) * 1024 ** " kmgt".index(match[2].lower() or " "))


def quiet_library_logs() -> None:
    """Dask logs its reconnection attempts with tracebacks; govdoc reports a lost cluster itself."""
    import logging

    import distributed  # noqa: F401 - configures its loggers on import; replaced here

    for name, logger in list(logging.root.manager.loggerDict.items()):
        if isinstance(logger, logging.Logger) and name.split(".")[0] in ("distributed", "tornado", "bokeh"):
            logger.handlers[:] = [logging.NullHandler()]
            logger.propagate = False


def run_ingest(paths, settings, factory, progress: bool, cluster: Optional[str], ship_under: int):
    """The ingest, on local worker processes or, with ``cluster``, on a Dask cluster's workers;
    a cluster that cannot be reached or is lost is one line and exit code 1.  Dask is imported only
    for a cluster (0.4 s of a local run's start-up otherwise)."""
    from govdoc.errors import ClusterError
    from govdoc.ingest import ingest

    client, bar = None, None
    try:
        dispatch = None
        if cluster:
            from govdoc.cluster.connect import connect
            from govdoc.cluster.dispatch import ClusterDispatch

            quiet_library_logs()
            client = connect(cluster)
            dispatch = ClusterDispatch(client, cluster, settings.timeout, settings.timeout_per_page, ship_under)
        bar = Bar() if progress else None
        return ingest(paths, settings, factory, bar, dispatch)
    except ClusterError as exc:
        if bar:
            bar.stop()
        error_line(str(exc))
        raise typer.Exit(1) from None
    finally:
        if bar:
            bar.stop()
        if client is not None:
            from govdoc.cluster.connect import close

            close(client)


def report(summary, data: Path) -> None:
    out.print(summary_table(summary))
    for path, reason in summary.failures:
        out.print(f"failed: {path}: {reason}", markup=False, highlight=False)
    for line in summary.problems:
        out.print(f"problem: {line}", markup=False, highlight=False)
    if summary.index_error:
        out.print(f"index: {summary.index_error}; the JSON is kept under {data / 'json'} and the next "
                  f"`govdoc ingest` (or `govdoc index {data / 'json'}`) indexes it", markup=False, highlight=False)
    if summary.failed or summary.not_indexed:
        raise typer.Exit(1)
