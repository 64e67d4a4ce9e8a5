"""``compare_paths`` (a list of files, as the web report gives the ingested letters' sources),
``holds_both`` (the letter page's cheap test) and the report's tables as data."""
from __future__ import annotations

from pathlib import Path

import pytest

from govdoc.compare.analyze import compare_folder, compare_paths
from govdoc.compare.cues import default_cues
from govdoc.compare.parts import holds_both
from govdoc.compare.report import grouped

PAIRS = Path(__file__).resolve().parents[1] / "corpora" / "compare"


def names(result) -> dict[str, str]:
    return {Path(r.path).name: Path(s.path).name for s, r, _ in result.linked}


@pytest.mark.parametrize("pids", [("p004", "p016")])
def test_compare_paths_links_the_files_given_as_the_folder_does(tmp_path, pids):
    files = [PAIRS / f"{pid}.{role}.txt" for pid in pids for role in ("suggestion", "reply")]
    for f in files:
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    given = compare_paths(files)
    assert names(given) == names(compare_folder(tmp_path)) == {f"{p}.reply.txt": f"{p}.suggestion.txt" for p in pids}
    assert not given.errors


@pytest.mark.parametrize("make, expected", [
    (lambda d: [d / "missing.txt"], "missing.txt"),
    (lambda d: [d / "empty.txt"], "empty"),
])
def test_compare_paths_reports_a_bad_file_and_goes_on(tmp_path, make, expected):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    pairs = [PAIRS / f"{pid}.{role}.txt" for pid in ("p004", "p016") for role in ("suggestion", "reply")]
    result = compare_paths([*make(tmp_path), *pairs])
    assert len(result.errors) == 1 and expected in result.errors[0]
    assert names(result) == {"p004.reply.txt": "p004.suggestion.txt", "p016.reply.txt": "p016.suggestion.txt"}


@pytest.mark.parametrize("text, kind, both", [
    ("建议标题:关于修建村道的建议\n建议内容(摘要):群众出行困难,建议硬化张村至李村道路。\n"
     "办理复文(摘要):张村至李村道路已于2020年7月开工建设,预计年底前完工。\n", "other", True),
    ("关于修建村道的建议\n群众出行困难,建议硬化张村至李村道路。\n", "suggestion", False),
    ("张三代表:\n你提出的“建议硬化张村至李村道路的建议”收悉。现答复如下:道路已开工。\n", "reply", True),
    ("张三代表:\n你提出的“建议硬化张村至李村道路的建议”收悉。现答复如下:道路已开工。\n", "other", False),
])
def test_compare_holds_both_parts(text, kind, both):
    assert holds_both(text, kind, default_cues()) is both


def test_compare_report_tables_as_data():
    result = compare_paths([PAIRS / f"{pid}.{role}.txt" for pid in ("p004", "p016") for role in ("suggestion", "reply")])
    agencies, years = grouped(result)
    assert [r.key for r in agencies] == ["桓台县交通运输局", "石林彝族自治县水务局"]
    assert "2022" in [r.key for r in years]
    row = agencies[1]
    assert row.replies == 1 and row.asks == 3 and sum(row.shares.values()) == pytest.approx(1.0)
