"""``govdoc index PATH...``: load parsed-letter JSON / JSONL into the search index.

Also holds the options every index command shares (``--backend``, ``--data``, ``--es-*``).
"""
from __future__ import annotations

import enum
import os
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Optional

import typer

from govdoc.cli.app import app
from govdoc.cli.output import err, error_line, notice_line


class Backend(str, enum.Enum):
    sqlite = "sqlite"
    elasticsearch = "elasticsearch"


BackendOpt = Annotated[Backend, typer.Option("--backend", help="sqlite (embedded, default) or elasticsearch.")]
DataOpt = Annotated[Path, typer.Option("--data", envvar="GOVDOC_DATA",
                                       help="Data folder; the embedded index is <data>/index.sqlite.")]
EsUrlOpt = Annotated[Optional[str], typer.Option(
    "--es-url", envvar="GOVDOC_ES_URL",
    help="Elasticsearch URL; several nodes comma-separated (http://es1:9200,http://es2:9200) survive the loss of one.")]
EsKeyOpt = Annotated[Optional[str], typer.Option("--es-api-key", envvar="GOVDOC_ES_API_KEY",
                                                 help="Elasticsearch API key.")]
EsAuthOpt = Annotated[Optional[str], typer.Option("--es-basic-auth", envvar="GOVDOC_ES_BASIC_AUTH",
                                                  help="Elasticsearch basic auth as USER:PASSWORD.")]
EsIndexOpt = Annotated[str, typer.Option(
    "--es-index", envvar="GOVDOC_ES_INDEX",
    help="Elasticsearch name prefix: indices <prefix>-<kind>-<year> behind the aliases <prefix>-letters, "
         "<prefix>-measures, <prefix>-metrics.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")]
DEFAULT_DATA = Path("govdoc-data")


def open_from_options(backend: Backend, data: Path, es_url: Optional[str], es_api_key: Optional[str],
                      es_basic_auth: Optional[str], es_index: str, fresh: bool = False):
    """The backend the options name (emptied first with ``fresh``); bad options end the command
    with one error line."""
    from govdoc.errors import GovdocError
    from govdoc.index.backends import open_backend

    auth = None
    if es_basic_auth:
        user, sep, password = es_basic_auth.partition(":")
        if not sep:
            error_line("--es-basic-auth: expected USER:PASSWORD")
            raise typer.Exit(2)
        auth = (user, password)
    try:
        index = open_backend(backend.value, data, es_url=es_url, api_key=es_api_key, basic_auth=auth, index=es_index,
                             fresh=fresh)
    except GovdocError as exc:
        error_line(str(exc))
        raise typer.Exit(2) from None
    for text in index.notices:
        notice_line(text)
    return index


@app.command("index")
def index_command(
    paths: Annotated[list[Path], typer.Argument(help="Parsed letters: JSON files, JSONL files or folders of them.")],
    backend: BackendOpt = Backend.sqlite,
    data: DataOpt = DEFAULT_DATA,
    es_url: EsUrlOpt = None,
    es_api_key: EsKeyOpt = None,
    es_basic_auth: EsAuthOpt = None,
    es_index: EsIndexOpt = "govdoc",
    fresh: Annotated[bool, typer.Option(
        "--fresh", help="Empty the index first (Elasticsearch: delete every index of the prefix, whatever "
                        "govdoc version made it).")] = False,
    bulk: Annotated[bool, typer.Option(
        "--bulk", help="A large load: Elasticsearch stops refreshing and drops replicas until it "
                       "ends (restored after; searches see the letters only then).")] = False,
    debug: DebugOpt = False,
) -> None:
    """Index parsed letters; re-indexing a letter replaces it.  Bad files get one error line each.
    A reply's comparison with its suggestion kept in <data>/compare (govdoc compare --data) is indexed with it."""
    from govdoc.errors import GovdocError
    from govdoc.index.load import load_letters

    errors: list[str] = []

    def report(line: str) -> None:
        error_line(line)
        errors.append(line)

    with open_from_options(backend, data, es_url, es_api_key, es_basic_auth, es_index, fresh) as index:
        try:
            with index.bulk_loading() if bulk else nullcontext():
                result = index.index(load_letters(paths, report, notice_line, data_dir=data))
        except GovdocError as exc:
            if debug:
                raise
            error_line(str(exc))
            raise typer.Exit(1) from None
    for line in result.errors:
        report(line)
    err.print(f"indexed {result.indexed} letter(s) into {backend.value}"
              + (f"; {len(errors)} error(s)" if errors else ""), highlight=False)
    if errors:
        raise typer.Exit(1)
