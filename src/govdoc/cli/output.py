"""stdout is for data, stderr for messages."""
from __future__ import annotations

import sys

from rich.console import Console

out = Console(file=sys.stdout, soft_wrap=True)
err = Console(file=sys.stderr, soft_wrap=True)


def error_line(text: str) -> None:
    err.print(f"[red]error:[/red] {text}", highlight=False, markup=True)
