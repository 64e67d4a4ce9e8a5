#!/usr/bin/env python
"""Write ``src/govdoc/data/traditional_chars.txt``: the characters OpenCC's t2s changes on their
own, which ``text.zh.has_traditional`` looks for.  Run it after an OpenCC upgrade (a test says
when the file no longer agrees with the installed OpenCC).

    .venv/bin/python scripts/make_traditional_chars.py
"""
from __future__ import annotations

from pathlib import Path

from govdoc.text.zh import TRADITIONAL_FILE, opencc_traditional_chars

if __name__ == "__main__":
    path = Path(__file__).resolve().parents[1] / "src" / "govdoc" / "data" / TRADITIONAL_FILE
    chars = opencc_traditional_chars()
    path.write_text(chars + "\n", encoding="utf-8")
    print(f"{path}: {len(chars)} characters")
