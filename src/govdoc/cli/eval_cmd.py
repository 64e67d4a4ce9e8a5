"""``govdoc eval GOLD_DIR``: per-field precision / recall / F1 against gold files."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from govdoc.cli.app import app
from govdoc.cli.output import err, out


@app.command("eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of *.txt letters with *.gold.json beside them.")],
    report: Annotated[Path, typer.Option(help="Where to write the JSON report.")] = Path("eval-report.json"),
) -> None:
    """Parse every letter that has a gold file and print precision, recall and F1 per field."""
    from govdoc.eval.score import evaluate

    if not gold_dir.is_dir():
        err.print(f"error: {gold_dir}: not a folder")
        raise typer.Exit(2)
    result = evaluate(gold_dir).as_dict()
    table = Table(title=f"govdoc eval {gold_dir}")
    for col in ("field", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for name, t in result["fields"].items():
        table.add_row(name, f"{t['precision']:.3f}", f"{t['recall']:.3f}", f"{t['f1']:.3f}",
                      str(t["tp"]), str(t["fp"]), str(t["fn"]))
    out.print(table)
    report.write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    err.print(f"report written to {report}")
