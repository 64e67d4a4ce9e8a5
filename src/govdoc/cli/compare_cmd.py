"""``govdoc compare``: a reply against the suggestion it answers, or a whole folder."""
from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from govdoc.cli.app import app
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
    raise typer.BadParameter("give SUGGESTION REPLY, one FILE holding both, or --folder DIR", param_hint="FILES")


def _print_lines(result) -> None:
    """One JSON line per linked reply on stdout; a note per part left unlinked on stderr."""
    for _s, _r, comparison in result.linked:
        print(json.dumps(comparison.model_dump(mode="json"), ensure_ascii=False), flush=True)
    for kind, parts in (("reply", result.unlinked_replies), ("suggestion", result.unlinked_suggestions)):
        for part in parts:
            notice_line(f"{part.path}: {kind} not linked")


def _folder(folder: Path, report: Optional[Path]) -> None:
    from govdoc.compare.analyze import compare_folder
    from govdoc.compare.report import folder_report

    if not folder.is_dir():
        error_line(f"{folder}: not a folder")
        raise typer.Exit(1)
    result = compare_folder(folder)
    for line in result.errors:
        error_line(line)
    if report:
        report.write_text(folder_report(result), encoding="utf-8")
        err.print(f"{len(result.linked)} linked, {len(result.unlinked_replies)} unlinked replies: {report}",
                  markup=False, highlight=False)
    else:
        _print_lines(result)
    if result.errors:
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


@app.command("compare")
def compare_command(
    files: Annotated[Optional[list[Path]], typer.Argument(help="SUGGESTION REPLY, or one FILE holding both.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="json or html (one comparison).")] = Format.json,
    folder: Annotated[Optional[Path], typer.Option("--folder", help="Link every suggestion and reply of a folder.")] = None,
    report: Annotated[Optional[Path], typer.Option("--report", help="With --folder: write the HTML report here.")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Say, ask by ask, how a reply answers the suggestion: concrete, general, explained or not addressed."""
    from govdoc.compare.render import comparison_html

    if report and not folder:
        raise typer.BadParameter("--report writes the folder report: give --folder DIR too", param_hint="--report")
    if folder:
        return _folder(folder, report)
    comparison = _comparison_or_exit(files or [], debug)
    if format is Format.html:
        print(comparison_html(comparison), end="")
    else:
        print(json.dumps(comparison.model_dump(mode="json"), ensure_ascii=False, indent=1))
