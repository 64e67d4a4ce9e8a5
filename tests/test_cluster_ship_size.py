"""``--ship-bytes-under``: sizes as people write them; anything else is one error line."""
from __future__ import annotations

import pytest
import typer

from govdoc.cli.ingest_cmd import parse_size


@pytest.mark.parametrize("text, size", [
    ("20MB", 20 * 1024 ** 2), ("512kB", 512 * 1024), ("1.5GB", int(1.5 * 1024 ** 3)), ("0", 0),
    ("300", 300), ("4 MiB", 4 * 1024 ** 2), ("2m", 2 * 1024 ** 2),
])
def test_cluster_ship_size_parses(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["twenty", "20 MBs", "-1MB", ""])
def test_cluster_ship_size_rejects_with_one_line(text, capsys):
    with pytest.raises(typer.Exit):
        parse_size(text)
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "--ship-bytes-under" in lines[0] and "not a size" in lines[0]
