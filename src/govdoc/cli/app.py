"""The typer application; each command lives in its own module and registers itself here."""
from __future__ import annotations

import typer

app = typer.Typer(name="govdoc", add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Parse Chinese official reply letters into validated JSON and search them.")


def main() -> None:
    from govdoc.cli import commands  # noqa: F401 - registers every command on ``app``

    app()
