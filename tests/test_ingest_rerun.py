"""Re-runs: unchanged files cost no work; a changed file is re-parsed and replaces its old
record (old letter id gone from the index and the JSON folder); --retry-failed retries."""
from __future__ import annotations

import json
import shutil

import pytest

from govdoc.index.backends import open_backend
from govdoc.ingest import Settings, ingest
from ingest_helpers import REAL, copy_letters, index_letter_ids, states


def run(inbox, data, **kw):
    return ingest([inbox], Settings(data, workers=1, timeout=120, **kw), lambda: open_backend("sqlite", data))


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    root = tmp_path_factory.mktemp("rerun")
    inbox, data = root / "inbox", root / "data"
    copy_letters(inbox, ["d001", "d011"])
    (inbox / "empty.txt").write_bytes(b"")
    return inbox, data, run(inbox, data)


def test_ingest_unchanged_rerun_does_no_work(first):
    inbox, data, summary = first
    assert summary.parsed == 2 and summary.failed == 1
    again = run(inbox, data)
    assert (again.parsed, again.skipped, again.skipped_failed) == (0, 2, 1)
    assert len(index_letter_ids(data)) == 2


def test_ingest_writes_normalized_text_beside_each_json(first):
    _inbox, data, _ = first
    for path in sorted((data / "json").glob("*.json")):
        letter = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        span = letter["addressee"]["span"]
        assert text[span["start"]:span["end"]].replace("\n", "") == letter["addressee"]["text"]


def test_ingest_changed_file_replaces_its_record(first):
    inbox, data, _ = first
    old_id = states(data)["d011.txt"][2]
    shutil.copy(REAL / "d027.txt", inbox / "d011.txt")  # same path, other content
    again = run(inbox, data)
    assert again.parsed == 1
    new_id = states(data)["d011.txt"][2]
    ids = index_letter_ids(data)
    assert new_id != old_id and new_id in ids and old_id not in ids and len(ids) == 2
    assert not (data / "json" / f"{old_id}.json").exists() and (data / "json" / f"{new_id}.json").exists()
    assert not (data / "json" / f"{old_id}.txt").exists() and (data / "json" / f"{new_id}.txt").exists()


def test_ingest_retry_failed_parses_failures_again(first):
    inbox, data, _ = first
    (inbox / "empty.txt").write_text("", encoding="utf-8")  # still empty, same stat: only --retry-failed retries
    again = run(inbox, data, retry_failed=True)
    assert again.parsed == 0 and [r for _p, r in again.failures] == ["empty file (0 bytes)"]
    assert states(data)["empty.txt"][0] == "failed"


def test_ingest_indexes_the_normalized_text_as_body(tmp_path):
    """A phrase only in a letter's body (not in its title, measures or metrics) finds it."""
    from govdoc.index.base import Query

    copy_letters(tmp_path / "inbox", ["d011"])
    run(tmp_path / "inbox", tmp_path / "data")
    backend = open_backend("sqlite", tmp_path / "data")
    try:
        hits = backend.search(Query(text="钱粮湖镇城镇建设"))["hits"]
    finally:
        backend.close()
    assert [h["source_path"].rsplit("/", 1)[-1] for h in hits] == ["d011.txt"]
