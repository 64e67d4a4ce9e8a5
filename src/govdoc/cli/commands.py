"""Import every command module so it registers itself on :data:`govdoc.cli.app.app`."""
import importlib

for _name in ("parse_cmd", "eval_cmd", "index_cmd", "search_cmd", "ingest_cmd"):
    try:
        importlib.import_module(f"govdoc.cli.{_name}")
    except ModuleNotFoundError as exc:  # a command module not written yet
        if exc.name != f"govdoc.cli.{_name}":
            raise
