"""Readers: bytes → pages of text, page numbers kept.  ``read_path`` picks a reader by the
file's detected content type (not its extension)."""
from govdoc.read.base import Page, ReadResult, read_path

__all__ = ["Page", "ReadResult", "read_path"]
