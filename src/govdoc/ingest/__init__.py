"""Bulk ingestion: walk folders, parse in worker processes (OCR where needed), write one JSON
per letter, index in batches, and keep a resumable state in SQLite.

The names below are imported on first use, so that ``govdoc.ingest.walk`` or ``.defaults``
(what the command line needs to show its options) come without the machinery."""
import importlib

__all__ = ["ingest", "Settings", "Summary", "Progress"]


def __getattr__(name: str):
    if name in __all__:
        return getattr(importlib.import_module("govdoc.ingest.run"), name)
    raise AttributeError(f"module 'govdoc.ingest' has no attribute {name!r}")
