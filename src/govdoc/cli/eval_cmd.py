"""``govdoc eval GOLD_DIR``: per-field precision / recall / F1 against gold files, or, for a folder
of compare pairs (``*.compare.json``), the scores of ``govdoc compare``."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from govdoc.cli.app import app
from govdoc.cli.output import err, out


@app.command("eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of *.txt letters with *.gold.json beside them.")],
    report: Annotated[Path, typer.Option(help="Where to write the JSON report.")] = Path("eval-report.json"),
    distractors: Annotated[Optional[list[Path]], typer.Option(
        "--distractor", help="Compare pairs: a letter file (or a folder of .txt letters) put in the folder the "
                             "pairs are linked in; repeat it.")] = None,
) -> None:
    """Parse every letter that has a gold file and print precision, recall and F1 per field; for
    compare pairs (pNNN.suggestion.txt, pNNN.reply.txt, pNNN.compare.json), ask F1, response
    accuracy and link accuracy."""
    from govdoc.eval.score import evaluate

    if not gold_dir.is_dir():
        err.print(f"error: {gold_dir}: not a folder")
        raise typer.Exit(2)
    if any(gold_dir.glob("*.compare.json")):
        return _compare(gold_dir, report, distractors or [])
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


def _compare(folder: Path, report: Path, distractors: list[Path]) -> None:
    from govdoc.eval.compare import evaluate_compare

    files = [f for d in distractors for f in (sorted(d.rglob("*.txt")) if d.is_dir() else [d])]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        err.print(f"error: {missing[0]}: no such file", markup=False, highlight=False)
        raise typer.Exit(2)
    result = evaluate_compare(folder, distractors=files)
    table = Table(title=f"govdoc eval {folder} (compare; {len(files)} distractors, "
                        f"{result['false_links']} linked to a pair)")
    for col in ("group", "pairs", "asks", "ask P", "ask R", "ask F1", "response acc", "response macro-F1", "link acc"):
        table.add_column(col, justify="left" if col == "group" else "right")
    for name, s in result["groups"].items():
        table.add_row(name, str(s["pairs"]), str(s["asks"]), *(f"{s[k]:.3f}" for k in (
            "ask_precision", "ask_recall", "ask_f1", "response_accuracy", "response_macro_f1", "link_accuracy")))
    out.print(table)
    report.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    err.print(f"report written to {report}")
