"""A small data folder for the web tests: a few corpus letters parsed and indexed the way ingest
does it (JSON + normalized text under ``<data>/json``, SQLite index), plus a hostile letter whose
text carries ``<script>``, ``<img onerror=…>`` and quotes, and a hand-built letter with a hostile
title.  Built once per test session (``web_data`` in conftest.py)."""
from __future__ import annotations

import socket
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "fixtures" / "web-hostile-letter.txt"
LETTERS = [ROOT / "corpora" / "seed" / "xuchang-2019-reply.txt",
           *(ROOT / "corpora" / "real" / f"{name}.txt" for name in ("d001", "d002", "d010", "d014", "d019", "d028")),
           HOSTILE]
SCRIPT = '<script>window.__pwned=1</script>'
JSON_ONLY = "json-only"  # key in build_data's ids of the letter that has neither text nor index records
HOSTILE_TITLE = f'关于"扬尘"治理{SCRIPT}<img src=x onerror="window.__pwned=1">的建议的答复'


def free_port() -> int:
    """A loopback TCP port nothing listens on (for a moment)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hostile_title_letter() -> tuple[dict, str]:
    """A parsed-letter dict whose title and issuer are hostile, and its text (spans point into it)."""
    from backends import letter

    text = f"{HOSTILE_TITLE}\n许昌市生态环境局\n2019年9月20日\n"
    data = letter("letters/hostile-title.txt", title=HOSTILE_TITLE, issuer='许昌市生态环境局"><b>', year=2019,
                  grade="C")
    data["title"]["span"] = {"page": 1, "start": 0, "end": len(HOSTILE_TITLE)}
    data["warnings"] = ["<b>低置信度</b>: title"]
    return data, text


def write_letters(json_dir: Path, paths: list[Path]) -> dict[str, str]:
    """Parse the files and write each letter's JSON and text as ingest does; ``{file name: letter id}``."""
    from govdoc.build import parse_reads
    from govdoc.index.base import letter_id
    from govdoc.ingest.worker import write_letter
    from govdoc.read import read_path

    json_dir.mkdir(parents=True, exist_ok=True)
    ids = {}
    for path, (reply, norm) in zip(paths, parse_reads([read_path(p) for p in paths])):
        data = reply.model_dump(mode="json")
        ids[path.name] = letter_id(data)
        write_letter(json_dir, ids[path.name], data, norm.text)
    return ids


def index_letters(data_dir: Path) -> None:
    """The SQLite index of the letters under ``<data>/json``."""
    from govdoc.index.backends import open_backend
    from govdoc.index.load import load_letters

    errors: list[str] = []
    with open_backend("sqlite", data_dir) as backend:
        backend.index(load_letters([data_dir / "json"], errors.append))
    assert not errors, errors


def build_data(data_dir: Path) -> dict[str, str]:
    """Parse, write and index the letters; returns ``{source file name: letter id}``."""
    from govdoc.index.base import letter_id
    from govdoc.ingest.worker import write_letter

    json_dir = data_dir / "json"
    ids = write_letters(json_dir, LETTERS)
    data, text = hostile_title_letter()
    ids["hostile-title"] = letter_id(data)
    write_letter(json_dir, ids["hostile-title"], data, text)
    index_letters(data_dir)
    ids[JSON_ONLY] = write_json_only(json_dir)
    return ids


def write_json_only(json_dir: Path) -> str:
    """A letter whose JSON is on disk without its text and is not in the index (written after indexing)."""
    from backends import letter

    from govdoc.index.base import letter_id
    from govdoc.ingest.worker import write_json

    data = letter("letters/json-only.txt", title="关于农村公路建设的建议的答复", issuer="南华县交通运输局", year=2020)
    write_json(json_dir / f"{letter_id(data)}.json", data)
    return letter_id(data)


# The compare pages' data: corpus pairs (p001: a suggestion and a reply; p004: a reply quoting the
# suggestion; p016: a CMS page), a one-page record with hostile text, and a letter whose source is gone.
COMPARE = ROOT / "corpora" / "compare"
COMPARE_LETTERS = [COMPARE / f"{pid}.{role}.txt" for pid in ("p001", "p004", "p016") for role in ("suggestion", "reply")]
HOSTILE_RECORD = ("建议标题:关于修建<script>window.__pwned=1</script>村道的建议\n"
                  "建议内容(摘要):群众出行困难,建议硬化<b>张村</b>至<img src=x onerror=\"window.__pwned=1\">李村道路。\n"
                  "办理复文(摘要):张村至李村道路已于2020年7月开工建设<script>window.__pwned=1</script>,预计年底前完工。\n"
                  "办理结果:A类\n")


def build_compare_data(data_dir: Path, files: Path) -> dict[str, str]:
    """Ingest the compare letters (hostile and gone ones written under ``files``); ``{file name: id}``."""
    files.mkdir(parents=True)
    hostile, gone = files / "hostile-record.txt", files / "gone.txt"
    hostile.write_text(HOSTILE_RECORD, encoding="utf-8")
    gone.write_text((COMPARE / "p001.reply.txt").read_text(encoding="utf-8") + "\n(副本)\n", encoding="utf-8")
    ids = write_letters(data_dir / "json", [*COMPARE_LETTERS, hostile, gone])
    gone.unlink()
    index_letters(data_dir)
    return ids
