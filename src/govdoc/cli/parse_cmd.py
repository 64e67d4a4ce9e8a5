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


def dump(reply, indent: Optional[int]) -> str:
    return json.dumps(reply.model_dump(mode="json"), ensure_ascii=False, indent=indent)


@app.command("parse")
def parse_command(
    files: Annotated[list[Path], typer.Argument(help="Letters: text, PDF, DOCX, HTML or images.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="json (indented) or jsonl.")] = Format.json,
    out_dir: Annotated[Optional[Path], typer.Option("--out", help="Write <name>.json files here.")] = None,
    text: Annotated[bool, typer.Option("--text", help="Print the normalized text the spans point into.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
) -> None:
    """Parse letters into JSON; bad files get one error line each and the batch goes on."""
    from govdoc.build import parse_read
    from govdoc.errors import BadInput
    from govdoc.read import read_path

    failed: list[str] = []
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    for path in files:
        try:
            reply, norm = parse_read(read_path(path))
        except BadInput as exc:
            error_line(exc.line())
            failed.append(exc.line())
            continue
        except Exception as exc:  # an internal bug: name the file, go on with the batch
            if debug:
                raise
            error_line(f"{path}: internal error: {type(exc).__name__}: {exc}")
            failed.append(f"{path}: internal error: {exc}")
            continue
        if text:
            out.print(norm.text, markup=False, highlight=False)
            continue
        body = dump(reply, None if format is Format.jsonl else 1)
        if out_dir:
            (out_dir / f"{path.stem}.json").write_text(body + "\n", encoding="utf-8")
        else:
            print(body, flush=True)
    if failed:
        err.print(f"{len(failed)} of {len(files)} file(s) failed:")
        for line in failed:
            err.print(f"  {line}", markup=False, highlight=False)
        raise typer.Exit(1)
