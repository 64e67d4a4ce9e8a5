"""``govdoc serve``: the read-only web pages and JSON API over an index (see ``govdoc.web``)."""
from __future__ import annotations

from typing import Annotated

import typer

from govdoc.cli.app import app
from govdoc.cli.index_cmd import DEFAULT_DATA, Backend, BackendOpt, DataOpt, EsIndexOpt, EsKeyOpt, EsUrlOpt
from govdoc.cli.output import err, error_line, notice_line


@app.command("serve")
def serve_command(
    backend: BackendOpt = Backend.sqlite,
    data: DataOpt = DEFAULT_DATA,
    host: Annotated[str, typer.Option("--host", help="Address to bind; 127.0.0.1 keeps it to this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    es_url: EsUrlOpt = None,
    es_api_key: EsKeyOpt = None,
    es_index: EsIndexOpt = "govdoc",
) -> None:
    """Serve the search, letter and chart pages and the JSON API (read-only) until Ctrl-C."""
    import uvicorn

    from govdoc.web.app import Settings, create_app, missing_index

    if backend is Backend.elasticsearch and not es_url:
        error_line("--backend elasticsearch needs --es-url or GOVDOC_ES_URL")
        raise typer.Exit(2)
    settings = Settings(data_dir=data, backend=backend.value, es_url=es_url, es_api_key=es_api_key, es_index=es_index)
    problem = missing_index(settings)
    if problem:
        notice_line(f"{problem}; until then the pages say so")
    err.print(f"govdoc: open http://{host}:{port}/ (Ctrl-C stops)", highlight=False)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
