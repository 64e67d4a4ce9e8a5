"""Bad input never stops a batch: each bad file fails with one line naming it and the reason,
the good letters beside them are parsed and indexed, and every file is accounted for."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from govdoc.index.backends import open_backend
from govdoc.ingest import Settings, ingest
from ingest_helpers import (REAL, blank_png, copy_letters, encrypted_pdf, index_letter_ids, letter_pdf,
                            many_pages_pdf, states)

# (file name, how to make its bytes, a piece of the reason the report must give)
BAD = [
    ("empty.txt", lambda: b"", "empty file"),
    ("truncated.pdf", lambda: letter_pdf(REAL / "d001.txt")[:3000], "truncated"),
    ("encrypted.pdf", encrypted_pdf, "encrypted"),
    ("blank-scan.png", blank_png, "OCR found no text"),
    ("garbage.pdf", lambda: os.urandom(20000), "not a valid PDF"),
    ("russian.txt", lambda: "Уважаемый депутат! Благодарим за предложение о ремонте дороги.\n".encode() * 20,
     "no Chinese text"),
    ("long.pdf", lambda: many_pages_pdf(2000), "over the limit of 500"),
]
GOOD = ["d001", "d004", "d027"]  # d004 is not a reply: kept, as kind "other"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    inbox = root / "inbox"
    copy_letters(inbox, GOOD)
    for name, make, _reason in BAD:
        (inbox / name).write_bytes(make())
    data = root / "data"
    summary = ingest([inbox], Settings(data, workers=2, max_pages=500, timeout=120),
                     lambda: open_backend("sqlite", data))
    return summary, data


@pytest.mark.slow
@pytest.mark.parametrize("name, reason", [(n, r) for n, _m, r in BAD])
def test_ingest_bad_input_fails_with_its_reason(run, name, reason):
    summary, data = run
    lines = [f"{Path(p).name}: {why}" for p, why in summary.failures]
    mine = [line for line in lines if line.startswith(f"{name}: ")]
    assert len(mine) == 1 and reason in mine[0], lines
    assert states(data)[name][0] == "failed"


@pytest.mark.slow
def test_ingest_bad_inputs_do_not_stop_the_batch(run):
    summary, data = run
    assert summary.total == len(BAD) + len(GOOD)
    assert summary.parsed == len(GOOD) and summary.failed == len(BAD)
    assert sorted(s for s, _e, _l in states(data).values()) == ["failed"] * len(BAD) + ["ok"] * len(GOOD)
    ids = index_letter_ids(data)
    assert len(ids) == len(set(ids)) == len(GOOD)
    assert sorted(p.stem for p in (data / "json").glob("*.json")) == sorted(ids)


@pytest.mark.slow
def test_ingest_non_reply_kept_as_other(run):
    summary, data = run
    assert summary.kinds["other"] >= 1
    assert states(data)["d004.txt"][0] == "ok"
