"""Bulk ingestion: walk folders, parse in worker processes (OCR where needed), write one JSON
per letter, index in batches, and keep a resumable state in SQLite."""
from govdoc.ingest.run import Progress, Settings, Summary, ingest

__all__ = ["ingest", "Settings", "Summary", "Progress"]
