"""The typer application; each command lives in its own module and registers itself here."""
from __future__ import annotations

import gc

import typer

app = typer.Typer(name="govdoc", add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Parse Chinese official reply letters into validated JSON and search them.")


def main() -> None:
    from govdoc.cli import commands  # noqa: F401 - registers every command on ``app``

    try:
        app()
    finally:
        # The command is done and has closed its files and databases itself: the interpreter's
        # last garbage collection over everything a parse loaded (spaCy, pydantic's schemas) would
        # only add ~0.15 s to the exit (scripts/bench_startup.py); frozen objects are left to it.
        gc.freeze()
