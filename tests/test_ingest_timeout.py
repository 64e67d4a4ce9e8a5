"""A file that hangs its reader: the worker is killed at the time limit (a base plus an
allowance per page), the file is failed "timed out after S s (…)", and the rest of the batch
goes on in a fresh worker."""
from __future__ import annotations

from govdoc.index.backends import open_backend
from govdoc.ingest import Settings, ingest
from ingest_helpers import copy_letters, index_letter_ids, states


def test_ingest_hanging_file_times_out_and_batch_goes_on(tmp_path):
    inbox = tmp_path / "inbox"
    copy_letters(inbox, ["d001", "d011", "d027"])
    (inbox / "hang-forever.txt").write_text("许昌市生态环境局\n", encoding="utf-8")
    data = tmp_path / "data"
    settings = Settings(data, workers=1, timeout=10, timeout_per_page=5, reader="ingest_helpers:read_or_hang")
    summary = ingest([inbox], settings, lambda: open_backend("sqlite", data))
    reason = "timed out after 15 s (10 s + 5 s a page for 1 page; raise --timeout or --timeout-per-page)"
    assert [(p.rsplit("/", 1)[-1], r) for p, r in summary.failures] == [("hang-forever.txt", reason)]
    assert summary.parsed == 3
    assert states(data)["hang-forever.txt"][:2] == ("failed", reason)
    assert len(index_letter_ids(data)) == 3
