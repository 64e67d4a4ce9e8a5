"""``govdoc similar LETTER_ID``: letters on the same topic, a thin wrapper over govdoc.search.similar."""
from __future__ import annotations

import json
from typing import Annotated

import typer

from govdoc.cli.app import app
from govdoc.cli.index_cmd import (DEFAULT_DATA, Backend, BackendOpt, DataOpt, DebugOpt, EsAuthOpt, EsIndexOpt,
                                  EsKeyOpt, EsUrlOpt, open_from_options)
from govdoc.cli.search_cmd import fail, print_hits
from govdoc.errors import GovdocError


@app.command("similar")
def similar_command(
    letter_id: Annotated[str, typer.Argument(help="A letter id, as search results give it.")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most letters to show.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    backend: BackendOpt = Backend.sqlite,
    data: DataOpt = DEFAULT_DATA,
    es_url: EsUrlOpt = None,
    es_api_key: EsKeyOpt = None,
    es_basic_auth: EsAuthOpt = None,
    es_index: EsIndexOpt = "govdoc",
    debug: DebugOpt = False,
) -> None:
    """Letters on the same topic as this one, from other years and agencies."""
    from govdoc.search.similar import similar

    try:
        with open_from_options(backend, data, es_url, es_api_key, es_basic_auth, es_index) as index:
            result = similar(index, letter_id, limit)
    except GovdocError as exc:
        raise fail(exc, debug) from None
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print_hits(result, f"{result['total']} letters like {letter_id} ({' '.join(result['terms'])})")
