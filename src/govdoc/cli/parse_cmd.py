"""``govdoc parse FILE...``: letters → validated JSON (stdout or one file per letter)."""
from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from govdoc.cli.app import app
from govdoc.cli.output import err, error_line, out


class Format(str, enum.Enum):
    json = "json"
    jsonl = "jsonl"


class OcrMode(str, enum.Enum):
    auto = "auto"
    always = "always"
    never = "never"


def read_options(max_pages: int, password: Optional[str], ocr: OcrMode) -> dict:
    """Options for the readers (``read_path``), as the command line gives them."""
    opts: dict = {"max_pages": max_pages, "ocr": ocr.value}
    if password is not None:
        opts["password"] = password
    return opts


def read_file(path: Path, opts: dict):
    """Read one file; ``--ocr always`` sends a PDF to OCR even when it has a text layer."""
    from govdoc.read import read_path

    if opts["ocr"] == "always" and b"%PDF-" in path.read_bytes()[:1024]:
        from govdoc.read.ocr import ocr_pdf

        return ocr_pdf(path, path.read_bytes(), **opts)
    return read_path(path, **opts)


def dump(reply, indent: Optional[int]) -> str:
    return json.dumps(reply.model_dump(mode="json"), ensure_ascii=False, indent=indent)


@app.command("parse")
def parse_command(
    files: Annotated[list[Path], typer.Argument(help="Letters: text, PDF, DOCX, OFD, HTML or images.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="json (indented) or jsonl.")] = Format.json,
    out_dir: Annotated[Optional[Path], typer.Option("--out", help="Write <name>.json files here.")] = None,
    with_text: Annotated[Optional[bool], typer.Option(
        "--with-text/--no-text", help="With --out: also write <name>.txt, the normalized text the spans point "
                                      "into and `govdoc index` makes searchable (default with --out).")] = None,
    text: Annotated[bool, typer.Option("--text", help="Print the normalized text the spans point into.")] = False,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Files with more pages fail with a clear message.")]
    = 500,
    password: Annotated[Optional[str], typer.Option("--password", help="Password of encrypted PDFs.")] = None,
    ocr: Annotated[OcrMode, typer.Option("--ocr", help="auto: OCR scans only; always: OCR every PDF; never.")]
    = OcrMode.auto,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Parse letters into JSON; bad files get one error line each and the batch goes on."""
    from govdoc.build import parse_many
    from govdoc.errors import BadInput

    if with_text and not out_dir:
        raise typer.BadParameter("--with-text writes files beside the JSON: give --out DIR too", param_hint="--with-text")
    with_text = bool(out_dir) if with_text is None else with_text
    opts = read_options(max_pages, password, ocr)
    failed: list[str] = []
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    # Read one file after another and parse them in batches (the same results, faster):
    # each comes back in its turn, with its reply or what failed it.
    for path, outcome in parse_many(files, lambda p: read_file(p, opts)):
        if isinstance(outcome, BadInput):
            error_line(outcome.line())
            failed.append(outcome.line())
            continue
        if isinstance(outcome, Exception):  # an internal bug: name the file, go on with the batch
            if debug:
                raise outcome
            error_line(f"{path}: internal error: {type(outcome).__name__}: {outcome}")
            failed.append(f"{path}: internal error: {outcome}")
            continue
        reply, norm = outcome
        if text:
            out.print(norm.text, markup=False, highlight=False)
            continue
        body = dump(reply, None if format is Format.jsonl else 1)
        if out_dir:
            (out_dir / f"{path.stem}.json").write_text(body + "\n", encoding="utf-8")
            if with_text:
                (out_dir / f"{path.stem}.txt").write_text(norm.text, encoding="utf-8")
        else:
            print(body, flush=True)
    if failed:
        err.print(f"{len(failed)} of {len(files)} file(s) failed:")
        for line in failed:
            err.print(f"  {line}", markup=False, highlight=False)
        raise typer.Exit(1)
