#!/usr/bin/env python
"""How well the kind survives a capture that lost its head: every gold document of the corpus
folders (compare sets aside) cut to what follows the line that opens its body (the salutation, or
the first paragraph, with the title block, the header and that line gone, as a web capture that
starts mid-body has it), parsed, and its kind compared with the gold kind.

    .venv/bin/python scripts/kind_cut.py [--folders real,real2,...] [--list]

Prints, per gold kind, how many cut documents keep it (and, with ``--list``, each one that does
not).  A robustness check of the kind cues, not a score of whole documents (``govdoc eval``).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from govdoc.build import parse_text  # noqa: E402
from govdoc.eval.score import gold_letters  # noqa: E402
from govdoc.extract.letter_layout import body_start  # noqa: E402
from govdoc.text.zh import match_text  # noqa: E402


def cut_after_body_line(text: str) -> str | None:
    """The text after the line the body opens with, or None when nothing follows it."""
    start = body_start(match_text(text))
    line_end = text.find("\n", start)
    return None if line_end < 0 else text[line_end + 1:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folders", help="comma-separated folders of corpora/ (default: all but compare sets)")
    ap.add_argument("--list", action="store_true", help="name each cut document whose kind changed")
    args = ap.parse_args()
    folders = (args.folders.split(",") if args.folders else
               sorted(p.name for p in (ROOT / "corpora").iterdir() if p.is_dir() and not p.name.startswith("compare")))
    kept, total, changed = Counter(), Counter(), []
    for folder in folders:
        for txt, gold_path in gold_letters(ROOT / "corpora" / folder):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))["kind"]
            cut = cut_after_body_line(txt.read_text(encoding="utf-8"))
            if cut is None:
                continue
            kind = parse_text(cut).model_dump(mode="json")["kind"]
            total[gold] += 1
            kept[gold] += kind == gold
            if kind != gold:
                changed.append(f"{folder}/{txt.stem}: {gold} -> {kind}")
    print(f"kind of documents cut after their body's first line ({', '.join(folders)}):")
    for kind in sorted(total):
        print(f"  {kind:<11} {kept[kind]:4d} of {total[kind]:4d} kept  ({kept[kind] / total[kind]:.3f})")
    if args.list:
        print("\n".join(f"  {line}" for line in changed))


if __name__ == "__main__":
    main()
