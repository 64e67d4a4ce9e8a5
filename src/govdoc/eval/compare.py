"""Scores of ``govdoc compare`` on a folder of pairs (``pNNN.suggestion.txt``, ``pNNN.reply.txt``,
``pNNN.compare.json``; ``corpora/compare/README.md`` defines the gold).

* **asks**: precision, recall and F1; a predicted ask matches a gold ask when the character Dice
  of their texts is at least 0.5, one to one, best first;
* **responses**: accuracy over the gold asks (a gold ask with no matching prediction is wrong) and
  macro F1 over the four labels;
* **links**: the pairs' files are copied into one folder, with the distractors (letters from
  elsewhere, whose suggestions are not there), the folder is linked at once
  (``compare_folder``) and a pair's reply is right when it is linked to its own suggestion file.

Each group of pairs (the held-out ones, the others, all) is scored apart.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable

from govdoc.compare.analyze import compare_files, compare_folder
from govdoc.compare.model import LABELS

HELDOUT = ("p003", "p006", "p009", "p012", "p015")  # every third pair, held out from tuning


def dice(a: str, b: str) -> float:
    ca, cb = Counter(a), Counter(b)
    return 2 * sum((ca & cb).values()) / (len(a) + len(b)) if a and b else 0.0


def match_asks(pred: list[str], gold: list[str]) -> list[tuple[int, int]]:
    """``(predicted index, gold index)`` pairs, best Dice first, each at least 0.5."""
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


def folder_links(folder: Path, distractors: Iterable[Path]) -> tuple[dict[str, bool], int]:
    """``({pair id: its reply linked to its own suggestion}, distractors linked to a pair's suggestion)``."""
    distractors = list(distractors)
    with tempfile.TemporaryDirectory() as tmp:
        for path in [*folder.glob("p*.suggestion.txt"), *folder.glob("p*.reply.txt")]:
            shutil.copy(path, Path(tmp) / path.name)
        for i, path in enumerate(distractors):
            shutil.copy(path, Path(tmp) / f"x{i:03d}-{path.name}")
        result = compare_folder(tmp)
    links, false = {}, 0
    for suggestion, reply, _ in result.linked:
        name, target = Path(reply.path).name, Path(suggestion.path).name
        if name.endswith(".reply.txt"):
            links[name.split(".")[0]] = target == f"{name.split('.')[0]}.suggestion.txt"
        false += name.startswith("x") and target.startswith("p")
    return links, false


@dataclass(frozen=True)
class Scores:
    pairs: int
    asks: int  # gold asks
    ask_precision: float
    ask_recall: float
    ask_f1: float
    response_accuracy: float
    response_macro_f1: float
    link_accuracy: float


def group_scores(scores: list[dict], links: dict[str, bool], pids: list[str]) -> Scores:
    pred, gold, hit = (sum(s[k] for s in scores) for k in ("pred", "gold", "matched"))
    p, r = hit / pred if pred else 0.0, hit / gold if gold else 0.0
    labels = [pair for s in scores for pair in s["labels"]]
    return Scores(len(pids), len(labels), p, r, 2 * p * r / (p + r) if p + r else 0.0,
                  sum(g == q for g, q in labels) / len(labels) if labels else 0.0, macro_f1(labels),
                  sum(links.get(pid, False) for pid in pids) / len(pids) if pids else 0.0)


def evaluate_compare(folder: Path, heldout: Iterable[str] = HELDOUT, distractors: Iterable[Path] = ()) -> dict:
    """``{"groups": {"held-out" | "tuning" | "all": Scores as a dict}, "distractors", "false_links"}``."""
    folder = Path(folder)
    pids = sorted(p.name.split(".")[0] for p in folder.glob("*.compare.json"))
    held = [p for p in pids if p in set(heldout)]
    groups = {"held-out": held, "tuning": [p for p in pids if p not in held], "all": pids}
    scores = {pid: score_pair(folder, pid) for pid in pids}
    distractors = list(distractors)
    links, false = folder_links(folder, distractors)
    return {"groups": {name: asdict(group_scores([scores[p] for p in group], links, group))
                       for name, group in groups.items() if group},
            "distractors": len(distractors), "false_links": false}
