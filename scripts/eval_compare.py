"""Score govdoc compare on a folder of pairs (pNNN.suggestion.txt, pNNN.reply.txt, pNNN.compare.json).

Prints, for the held-out pairs first and then for the others (the tuning pairs) and all:
ask precision/recall/F1, response accuracy and its macro F1 over the four labels, and link
accuracy over one folder of the pairs' files plus ``--distractors`` (letters from other folders,
whose suggestions are not there: they should link to none of the pairs).  The scoring is
``govdoc.eval.compare`` (also ``govdoc eval corpora/compare``).

    .venv/bin/python scripts/eval_compare.py [corpora/compare] [--heldout p003,p006,p009,p012,p015]
        [--distractors corpora/real2/*.txt]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from govdoc.eval.compare import HELDOUT, evaluate_compare


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default="corpora/compare")
    ap.add_argument("--heldout", default=",".join(HELDOUT), help="comma-separated pair ids scored first, apart")
    ap.add_argument("--distractors", nargs="*", type=Path, default=[], help="other letters put in the folder")
    args = ap.parse_args()
    result = evaluate_compare(Path(args.folder), args.heldout.split(","), args.distractors)
    if result["distractors"]:
        print(f"distractors: {result['distractors']} files, {result['false_links']} linked to a pair's suggestion")
    for name, s in result["groups"].items():
        print(f"{name:9} pairs {s['pairs']:2}  asks P {s['ask_precision']:.2f} R {s['ask_recall']:.2f} "
              f"F1 {s['ask_f1']:.2f}  response acc {s['response_accuracy']:.2f} macro-F1 {s['response_macro_f1']:.2f} "
              f"({s['asks']} asks)  link acc {s['link_accuracy']:.2f}")


if __name__ == "__main__":
    main()
