"""Import every command module so it registers itself on :data:`govdoc.cli.app.app`."""
from govdoc.cli import (compare_cmd, eval_cmd, export_cmd, index_cmd, ingest_cmd, parse_cmd,  # noqa: F401
                        search_cmd, serve_cmd, similar_cmd)
