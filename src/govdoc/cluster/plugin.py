"""What each Dask worker process loads once: the spaCy pipeline, jieba's dictionary and (unless
OCR is off) the OCR engine pinned to one thread, plus a private scratch folder where the files
shipped with a task are put for the readers, which take a path."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Optional

from distributed.diagnostics.plugin import WorkerPlugin

from govdoc.ingest.worker import init_worker

PLUGIN_NAME = "govdoc-parser"


class ParserPlugin(WorkerPlugin):
    name = PLUGIN_NAME
    idempotent = True  # registered again by a later run: a worker keeps the one it has loaded

    def __init__(self, ocr: str = "auto"):
        self.ocr = ocr
        self.scratch: Optional[Path] = None

    def setup(self, worker) -> None:
        init_worker(self.ocr)
        self.scratch = Path(tempfile.mkdtemp(prefix="govdoc-worker-"))

    def teardown(self, worker) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)


def scratch_dir(worker) -> Path:
    """The scratch folder of this worker's plugin."""
    return worker.plugins[PLUGIN_NAME].scratch
