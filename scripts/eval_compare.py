"""Score govdoc compare on a folder of pairs (pNNN.suggestion.txt, pNNN.reply.txt, pNNN.compare.json).

Prints, for the held-out pairs first and then for the others (the tuning pairs) and all:
ask precision/recall/F1 (a predicted ask matches a gold ask when their texts' character Dice
is at least 0.5, one to one, best first), response accuracy over the gold asks (a gold ask with
no matching prediction counts as wrong) and its macro F1 over the four labels, and link
accuracy: the pairs' files are copied into one folder, with ``--distractors`` (letters from other
folders, whose suggestions are not there: they should link to none of the pairs), the folder
is linked at once (``compare_folder``) and a pair's reply is right when it is linked to its own
pair's suggestion file.

    .venv/bin/python scripts/eval_compare.py [corpora/compare] [--heldout p003,p006,p009,p012,p015]
        [--distractors corpora/real2/*.txt]
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from govdoc.compare.analyze import compare_files, compare_folder
from govdoc.compare.model import LABELS

HELDOUT = "p003,p006,p009,p012,p015"


def dice(a: str, b: str) -> float:
    ca, cb = Counter(a), Counter(b)
    return 2 * sum((ca & cb).values()) / (len(a) + len(b)) if a and b else 0.0


def match_asks(pred: list[str], gold: list[str]) -> list[tuple[int, int]]:
    pairs = sorted(((dice(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)), reverse=True)
    used_p, used_g, out = set(), set(), []
    for score, i, j in pairs:
        if score >= 0.5 and i not in used_p and j not in used_g:
            used_p.add(i), used_g.add(j), out.append((i, j))
    return out


def score_pair(folder: Path, pid: str) -> dict:
    gold = json.loads((folder / f"{pid}.compare.json").read_text(encoding="utf-8"))["asks"]
    result = compare_files(folder / f"{pid}.suggestion.txt", folder / f"{pid}.reply.txt")
    pred = result.suggestion.asks
    matched = dict((j, i) for i, j in match_asks([a.text for a in pred], [g["text"] for g in gold]))
    labels = [(g["response"], pred[matched[j]].response if j in matched else "missing") for j, g in enumerate(gold)]
    return {"pred": len(pred), "gold": len(gold), "matched": len(matched), "labels": labels}


def macro_f1(labels: list[tuple[str, str]]) -> float:
    f1s = []
    for label in LABELS:
        tp = sum(g == label and p == label for g, p in labels)
        fp = sum(g != label and p == label for g, p in labels)
        fn = sum(g == label and p != label for g, p in labels)
        if tp + fp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / len(f1s) if f1s else 0.0


def report(name: str, scores: list[dict], links: dict[str, bool], pids: list[str]) -> None:
    pred, gold, hit = (sum(s[k] for s in scores) for k in ("pred", "gold", "matched"))
    p, r = hit / pred if pred else 0.0, hit / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    labels = [pair for s in scores for pair in s["labels"]]
    acc = sum(g == q for g, q in labels) / len(labels)
    link = sum(links.get(pid, False) for pid in pids) / len(pids)
    print(f"{name:9} pairs {len(pids):2}  asks P {p:.2f} R {r:.2f} F1 {f1:.2f}  "
          f"response acc {acc:.2f} macro-F1 {macro_f1(labels):.2f} ({len(labels)} asks)  link acc {link:.2f}")


def folder_links(folder: Path, distractors: list[Path]) -> dict[str, bool]:
    """Link the pairs' files and the distractors together; print the distractors' false links."""
    with tempfile.TemporaryDirectory() as tmp:
        for path in [*folder.glob("p*.suggestion.txt"), *folder.glob("p*.reply.txt")]:
            shutil.copy(path, Path(tmp) / path.name)
        for i, path in enumerate(distractors):
            shutil.copy(path, Path(tmp) / f"x{i:03d}-{path.name}")
        result = compare_folder(tmp)
    out, false = {}, 0
    for suggestion, reply, _ in result.linked:
        name, target = Path(reply.path).name, Path(suggestion.path).name
        if name.endswith(".reply.txt"):
            out[name.split(".")[0]] = target == f"{name.split('.')[0]}.suggestion.txt"
        false += name.startswith("x") and target.startswith("p")
    if distractors:
        print(f"distractors: {len(distractors)} files, {false} linked to a pair's suggestion")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default="corpora/compare")
    ap.add_argument("--heldout", default=HELDOUT, help="comma-separated pair ids scored first, apart")
    ap.add_argument("--distractors", nargs="*", type=Path, default=[], help="other letters put in the folder")
    args = ap.parse_args()
    folder = Path(args.folder)
    pids = sorted(p.name.split(".")[0] for p in folder.glob("*.compare.json"))
    held = [p for p in pids if p in args.heldout.split(",")]
    tuned = [p for p in pids if p not in held]
    scores = {pid: score_pair(folder, pid) for pid in pids}
    links = folder_links(folder, args.distractors)
    for name, group in (("held-out", held), ("tuning", tuned), ("all", pids)):
        if group:
            report(name, [scores[p] for p in group], links, group)


if __name__ == "__main__":
    main()
