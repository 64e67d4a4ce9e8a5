"""Helpers for the ingest tests: bad input files made on the fly, a reader that hangs, and
opening the SQLite index a run wrote to."""
from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "corpora" / "real"


def letter_pdf(txt: Path) -> bytes:
    """A born-digital PDF of a corpus letter (needs a CJK font: fonts-wqy-zenhei)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_scans", ROOT / "scripts" / "make_scans.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.render_pdf(txt.read_text(encoding="utf-8"), mod.find_cjk_font())


def encrypted_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "locked")
    return bytes(pdf.output())


def many_pages_pdf(n: int) -> bytes:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    for _ in range(n):
        doc.new_page(595, 842)
    buf = io.BytesIO()
    doc.save(buf)
    doc.close()
    return buf.getvalue()


def blank_png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", (1240, 1754), 235).save(buf, format="PNG")
    return buf.getvalue()


def copy_letters(dest: Path, names: list[str]) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(REAL / f"{n}.txt", dest / f"{n}.txt")) for n in names]


def read_or_hang(path, **options):
    """A reader that never returns for files named *hang* (a library stuck on a file)."""
    if "hang" in Path(path).name:
        while True:
            time.sleep(60)
    from govdoc.read import read_path

    return read_path(path, **options)


def index_letter_ids(data: Path) -> list[str]:
    """Letter ids of the ``letters`` records in the SQLite index a run wrote (one per record)."""
    db = sqlite3.connect(data / "index.sqlite")
    try:
        return [r[0] for r in db.execute("SELECT letter_id FROM records WHERE record = 'letters'")]
    finally:
        db.close()


def states(data: Path) -> dict[str, tuple]:
    db = sqlite3.connect(data / "state.sqlite")
    return {os.path.basename(p): (s, e, lid) for p, s, e, lid in
            db.execute("SELECT path, status, error, letter_id FROM files")}


def done_count(data: Path) -> int:
    """Files the state database of a (possibly running) ingest has recorded; 0 before it exists."""
    try:
        db = sqlite3.connect(data / "state.sqlite", timeout=5)
        return db.execute("SELECT COUNT(*) FROM files").fetchone()[0]
    except sqlite3.Error:
        return 0


def make_tree(root: Path, paths: list[str], text: str = "许昌市生态环境局") -> Path:
    """Files at ``paths`` (relative, folders made as needed) under ``root``, each holding ``text``."""
    for rel in paths:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
