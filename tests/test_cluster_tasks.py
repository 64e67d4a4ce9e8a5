"""How cluster ingest cuts files into tasks (no cluster needed): small born-digital files share a
task, PDFs, images and large files get one each; a task of several files answers one outcome per
file, a file whose task raises fails alone, and a file that ran past its limit ends the task."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govdoc.cluster.dispatch import FILES_PER_TASK, SMALL_FILE_BYTES, TASK_BYTES, ClusterDispatch, shares_a_task
from govdoc.cluster.task import Job, Limit, Parsed, parse_files
from govdoc.ingest.worker import Options, Outcome

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "corpora" / "formats"
SCANS = ROOT / "corpora" / "scans"


def dispatch(**options) -> ClusterDispatch:
    return ClusterDispatch(client=None, address="tcp://127.0.0.1:1", timeout=60, per_page=10, **options)


def letter(folder: Path, name: str, size: int = 3000) -> str:
    """A text file of ``size`` bytes (a multiple of 3)."""
    path = folder / name
    path.write_text("答" * (size // 3), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("source, shares", [
    (FORMATS / "d004.docx", True), (FORMATS / "d004.html", True), (FORMATS / "d004.ofd", True),
    (FORMATS / "d004.pdf", False),  # a PDF may be a scan
    (SCANS / "d001.g4.tif", False),  # 28 KB, smaller than many text letters: by content, not size
])
def test_cluster_tasks_share_by_content(source, shares):
    data = source.read_bytes()
    assert shares_a_task(str(source), len(data), data[:4096]) is shares


@pytest.mark.parametrize("name, content, shares", [
    ("empty.txt", b"", True), ("noise.bin", bytes(range(256)) * 64, True),  # refused at once
    ("fake.docx", "不是压缩包".encode(), True),  # refused by name and content
    ("big.txt", "字".encode() * (SMALL_FILE_BYTES // 3 + 1), False),
])
def test_cluster_tasks_share_small_or_refused_files(name, content, shares):
    assert shares_a_task(name, len(content), content[:4096]) is shares


def test_cluster_tasks_group_small_letters_and_keep_others_alone(tmp_path):
    small = [letter(tmp_path, f"v{i:03d}.txt") for i in range(FILES_PER_TASK + 3)]
    scan = str(shutil.copy(SCANS / "d001.g4.tif", tmp_path / "scan.tif"))
    big = letter(tmp_path, "big.txt", SMALL_FILE_BYTES + 3000)
    tasks = list(dispatch().tasks([*small[:5], scan, *small[5:], big]))
    assert [[Path(j.path).name for j in t] for t in tasks] == [
        ["scan.tif"], [f"v{i:03d}.txt" for i in range(FILES_PER_TASK)], ["big.txt"],
        [f"v{i:03d}.txt" for i in range(FILES_PER_TASK, FILES_PER_TASK + 3)]]
    assert all(j.data == Path(j.path).read_bytes() for t in tasks for j in t)


def test_cluster_tasks_bounded_by_bytes(tmp_path):
    size = SMALL_FILE_BYTES - SMALL_FILE_BYTES % 3
    paths = [letter(tmp_path, f"v{i}.txt", size) for i in range(6)]
    tasks = [[len(j.data) for j in t] for t in dispatch().tasks(paths)]
    per_task = -(-TASK_BYTES // size)  # the file that reaches the bound closes the task
    assert [len(t) for t in tasks] == [per_task] * (6 // per_task) + ([6 % per_task] if 6 % per_task else [])
    assert all(sum(t[:-1]) < TASK_BYTES for t in tasks)


@pytest.mark.parametrize("options, ship, expected", [
    ({"files_per_task": 1}, True, [1, 1, 1]),  # one file a task, as before
    ({"ship_under": 0}, False, [3]),  # not shipped: the worker reads the shared path; grouped all the same
])
def test_cluster_tasks_options(tmp_path, options, ship, expected):
    paths = [letter(tmp_path, f"v{i}.txt") for i in range(3)]
    tasks = list(dispatch(**options).tasks(paths))
    assert [len(t) for t in tasks] == expected
    assert all((j.data is not None) is ship for t in tasks for j in t)


def test_cluster_tasks_missing_file_goes_alone(tmp_path):
    paths = [letter(tmp_path, "a.txt"), str(tmp_path / "gone.txt"), letter(tmp_path, "b.txt")]
    tasks = [[Path(j.path).name for j in t] for t in dispatch().tasks(paths)]
    assert tasks == [["gone.txt"], ["a.txt", "b.txt"]]


def fake_task(job: Job, opts: Options, limit: Limit) -> Parsed:
    """Parses by name: *boom* raises, *stuck* runs past its limit, anything else parses."""
    name = Path(job.path).name
    if "boom" in name:
        raise RuntimeError("scratch folder gone")
    if "stuck" in name:
        return Parsed(Outcome(job.path, error="timed out after 3 s (raise --timeout)"), retiring=True)
    return Parsed(Outcome(job.path, letter_id=name, reply={}), text=name)


@pytest.mark.parametrize("names, answered, errors", [
    (["a", "b", "c"], ["a", "b", "c"], {}),
    (["a", "boom", "c"], ["a", "boom", "c"],
     {"boom": "internal error on a cluster worker: RuntimeError: scratch folder gone"}),
    (["a", "stuck", "c", "d"], ["a", "stuck"], {"stuck": "timed out after 3 s (raise --timeout)"}),
])
def test_cluster_tasks_one_outcome_per_file(names, answered, errors):
    parsed = parse_files([Job(n) for n in names], Options("unused"), Limit(3, 0), fake_task)
    assert [p.outcome.path for p in parsed] == answered
    assert {p.outcome.path: p.outcome.error for p in parsed if not p.outcome.ok} == errors
