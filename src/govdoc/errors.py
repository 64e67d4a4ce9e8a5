"""Error classes. Bad input (the user's file) and internal bugs are different classes."""
from __future__ import annotations

from pathlib import Path
from typing import Optional


class GovdocError(Exception):
    """Base class of every error govdoc raises on purpose."""


class BadInput(GovdocError):
    """A file that cannot be parsed: names the file, the page where known, and the reason."""

    def __init__(self, path: str | Path, reason: str, page: Optional[int] = None):
        self.path = str(path)
        self.reason = reason
        self.page = page
        super().__init__(self.line())

    def line(self) -> str:
        where = f"{self.path} (page {self.page})" if self.page else self.path
        return f"{where}: {self.reason}"


class IndexError_(GovdocError):
    """The index backend refused or could not be reached."""


class ClusterError(GovdocError):
    """The Dask cluster could not be reached, or was lost during a run."""
