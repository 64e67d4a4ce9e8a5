#!/usr/bin/env python
"""Golden parse outputs: every corpus letter (corpora/*/*.txt) parsed to JSON under
tests/golden/<folder>/<name>.json, so a review sees exactly what a change does to the output
and a refactoring or speed-up can show it changes nothing (tests/test_golden_outputs.py).

Every other input path has its golden files too, so a change in a reader shows up: the letters
of corpora/formats (PDF, PDF with LibreOffice's spacing, DOCX, HTML, OFD; made by
scripts/make_formats.py) and a few of the committed scans (OCR, SCANS), under
tests/golden/<folder>/<file name>.json.

    .venv/bin/python scripts/golden.py            # list the letters whose output differs
    .venv/bin/python scripts/golden.py --update   # rewrite the golden files (commit the diff)
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"


# OCR is 1-3 s a page here: a few scans, one of each kind (G4 TIFF, image-only PDF, JPEG).
SCANS = ("d001.g4.tif", "d001.scan.pdf", "d027.p1.jpg")


def letters() -> list[Path]:
    """Text letters, then the rendered formats, then the scans."""
    formats = sorted(p for p in (ROOT / "corpora" / "formats").glob("*") if p.suffix != ".tsv")
    return [*sorted((ROOT / "corpora").glob("*/*.txt")), *formats, *(ROOT / "corpora" / "scans" / n for n in SCANS)]


def is_ocr(letter: Path) -> bool:
    return letter.parent.name == "scans"


def golden_path(letter: Path) -> Path:
    """``<stem>.json`` for a text letter; ``<file name>.json`` for the others (d004.pdf and
    d004.docx are different inputs of one letter)."""
    name = letter.stem if letter.suffix == ".txt" else letter.name
    return GOLDEN / letter.parent.name / (name + ".json")


def render(letter: Path) -> str:
    """The parse of ``letter`` (path given relative to the repository) as golden-file text."""
    from govdoc.build import parse_path

    reply = parse_path(letter.relative_to(ROOT))
    return json.dumps(reply.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="rewrite the golden files")
    args = ap.parse_args()
    os.chdir(ROOT)
    changed, all_letters = [], letters()
    for letter in all_letters:
        out, text = golden_path(letter), render(letter)
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            changed.append(out.relative_to(ROOT))
            if args.update:
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(text, encoding="utf-8")
    for path in changed:
        print(("updated " if args.update else "differs ") + str(path))
    print(f"{len(all_letters)} letters, {len(changed)} {'updated' if args.update else 'differ'}")
    return 0 if args.update or not changed else 1


if __name__ == "__main__":
    sys.exit(main())
