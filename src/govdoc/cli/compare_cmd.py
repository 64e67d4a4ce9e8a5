"""``govdoc compare``: a reply against the suggestion it answers, a whole folder, or the letters
ingested into a data folder (whose findings then go to the index)."""
from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from govdoc.cli.app import app
from govdoc.cli.index_cmd import (Backend, BackendOpt, EsAuthOpt, EsIndexOpt, EsKeyOpt, EsUrlOpt, open_from_options)
from govdoc.cli.output import err, error_line, notice_line


class Format(str, enum.Enum):
    json = "json"
    html = "html"


def _one(files: list[Path]):
    from govdoc.compare.analyze import compare_files, compare_page

    if len(files) == 1:
        return compare_page(files[0])
    if len(files) == 2:
        return compare_files(files[0], files[1])
    raise typer.BadParameter("give SUGGESTION REPLY, one FILE holding both, --folder DIR or --data DIR",
                             param_hint="FILES")


def _print_lines(result, name) -> None:
    """One JSON line per linked reply on stdout; a note per part left unlinked on stderr."""
    for _s, _r, comparison in result.linked:
        print(json.dumps(comparison.model_dump(mode="json"), ensure_ascii=False), flush=True)
    for kind, parts in (("reply", result.unlinked_replies), ("suggestion", result.unlinked_suggestions)):
        for part in parts:
            notice_line(f"{name(part)}: {kind} not linked")


def _write_out(result, report: Optional[Path], name=None) -> None:
    """The report (with ``--report``; ``name`` names the parts there) or one JSON line per linked
    reply, and a line of counts."""
    from govdoc.compare.report import folder_report, path_name

    name = name or path_name
    for line in result.errors:
        error_line(line)
    if report:
        report.write_text(folder_report(result, name), encoding="utf-8")
        err.print(f"{len(result.linked)} linked, {len(result.unlinked_replies)} unlinked replies: {report}",
                  markup=False, highlight=False)
    else:
        _print_lines(result, name)


def _folder(folder: Path, report: Optional[Path]) -> None:
    from govdoc.compare.analyze import compare_folder

    if not folder.is_dir():
        error_line(f"{folder}: not a folder")
        raise typer.Exit(1)
    result = compare_folder(folder)
    _write_out(result, report)
    if result.errors:
        raise typer.Exit(1)


def _index_findings(result, data: Path, open_index) -> list[str]:
    """Index again the letters with findings and those whose findings were removed; error lines
    (none when all went in)."""
    from govdoc.compare.collection import reindex
    from govdoc.errors import GovdocError

    errors: list[str] = []
    try:
        index = open_index()
        if index is None:
            return []
        with index:
            done = reindex(index, data, result.to_index, errors.append)
    except GovdocError as exc:
        return [f"{exc}; the findings are kept in {data / 'compare'}: `govdoc index {data / 'json'}` indexes them"]
    err.print(f"{done.indexed} letter(s) indexed again with their comparison", markup=False, highlight=False)
    return errors + done.errors


def _data(data: Path, report: Optional[Path], session: Optional[str], issuer: Optional[str], open_index) -> None:
    """``--data DIR``: link the ingested letters, keep the findings, index them, report."""
    from govdoc.compare.collection import compare_data, letter_name, select
    from govdoc.errors import BadInput
    from govdoc.search.session import parse_session

    try:
        wanted = parse_session(session) if session else None
        result = compare_data(data)
    except BadInput as exc:
        error_line(str(exc))
        raise typer.Exit(1) from None
    if result.textless:
        notice_line(f"{data / 'json'}: {result.textless} letter(s) have no text beside their JSON and were not compared")
    err.print(f"findings of {len(result.findings)} linked replies in {data / 'compare'}"
              + (f"; {len(result.removed)} no longer linked, removed" if result.removed else ""),
              markup=False, highlight=False)
    _write_out(select(result.folder, wanted, issuer), report, letter_name(result))
    errors = _index_findings(result, data, open_index) if open_index else []
    for line in errors:
        error_line(line)
    if errors or result.folder.errors:
        raise typer.Exit(1)


def _comparison_or_exit(files: list[Path], debug: bool):
    """The comparison, or one ``error:`` line and exit 1 (a traceback only with ``--debug``)."""
    from govdoc.errors import BadInput

    try:
        return _one(files)
    except BadInput as exc:
        error_line(str(exc))
    except typer.BadParameter:
        raise
    except Exception as exc:  # noqa: BLE001 - an internal bug: one line, the traceback with --debug
        if debug:
            raise
        error_line(f"{' '.join(map(str, files))}: internal error: {type(exc).__name__}: {exc}")
    raise typer.Exit(1)


def _opener(backend: Backend, data: Path, es_url, es_api_key, es_basic_auth, es_index):
    """What opens the index the findings go to, when called; it gives None (with a note) for an
    embedded index that does not exist yet: one is not made for a few letters."""
    from govdoc.index.sqlite import FILE_NAME

    def open_index():
        if backend is Backend.sqlite and not (data / FILE_NAME).is_file():
            notice_line(f"{data / FILE_NAME}: no index yet; `govdoc index {data / 'json'} --data {data}` indexes "
                        f"the letters with their findings")
            return None
        return open_from_options(backend, data, es_url, es_api_key, es_basic_auth, es_index)

    return open_index


@app.command("compare")
def compare_command(
    files: Annotated[Optional[list[Path]], typer.Argument(help="SUGGESTION REPLY, or one FILE holding both.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="json or html (one comparison).")] = Format.json,
    folder: Annotated[Optional[Path], typer.Option("--folder", help="Link every suggestion and reply of a folder.")] = None,
    data: Annotated[Optional[Path], typer.Option(
        "--data", help="Link every letter ingested into this data folder, keep each linked reply's findings in "
                       "<data>/compare and index them (coverage, asks per label, flags: `govdoc search "
                       "--coverage-below`).")] = None,
    report: Annotated[Optional[Path], typer.Option("--report", help="With --folder or --data: write the HTML report here.")] = None,
    session: Annotated[Optional[str], typer.Option(
        "--session", help="With --data: report only the pairs of this session (市七届人大四次会议, 4).")] = None,
    issuer: Annotated[Optional[str], typer.Option(
        "--issuer", help="With --data: report only the replies of this agency (any of its names).")] = None,
    no_index: Annotated[bool, typer.Option("--no-index", help="With --data: keep the findings, index nothing.")] = False,
    backend: BackendOpt = Backend.sqlite,
    es_url: EsUrlOpt = None,
    es_api_key: EsKeyOpt = None,
    es_basic_auth: EsAuthOpt = None,
    es_index: EsIndexOpt = "govdoc",
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Say, ask by ask, how a reply answers the suggestion: concrete, general, explained or not addressed."""
    from govdoc.compare.render import comparison_html

    if report and not (folder or data):
        raise typer.BadParameter("--report writes the folder report: give --folder DIR or --data DIR too",
                                 param_hint="--report")
    if (session or issuer) and not data:
        raise typer.BadParameter("--session and --issuer choose the pairs of --data DIR: give --data too",
                                 param_hint="--session/--issuer")
    if sum(bool(x) for x in (files, folder, data)) > 1:
        raise typer.BadParameter("give FILES, --folder DIR or --data DIR, one of them", param_hint="FILES")
    if folder:
        return _folder(folder, report)
    if data:
        return _data(data, report, session, issuer, None if no_index else _opener(backend, data, es_url, es_api_key,
                                                                                 es_basic_auth, es_index))
    comparison = _comparison_or_exit(files or [], debug)
    if format is Format.html:
        print(comparison_html(comparison), end="")
    else:
        print(json.dumps(comparison.model_dump(mode="json"), ensure_ascii=False, indent=1))
