"""stdout is for data, stderr for messages."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape

# No file argument: rich then writes to whatever sys.stdout / sys.stderr is at call time, so
# redirection (and typer's CliRunner in tests) works.
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def error_line(text: str) -> None:
    err.print(f"[red]error:[/red] {escape(text)}", highlight=False, markup=True)


def notice_line(text: str) -> None:
    err.print(f"[yellow]note:[/yellow] {escape(text)}", highlight=False, markup=True)
