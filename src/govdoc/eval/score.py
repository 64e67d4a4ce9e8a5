"""Precision, recall and F1 per field of parsed letters against gold files (ANNOTATION.md).

Strings are compared with whitespace removed and full-width ASCII folded, since the gold keeps
captured spacing verbatim and the parser joins lines; everything else is compared exactly.
A wrong value counts as a false positive *and* a false negative; null against null counts nothing.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from govdoc.model import Reply
from govdoc.text.zh import fold_width

HEADER_FIELDS = ("doc_number", "issuer", "signatories", "grade", "title", "congress", "item",
                 "addressee", "proposers", "issue_date", "contact", "cc")
ALL_FIELDS = ("kind",) + HEADER_FIELDS + ("metrics", "measures")
_WS = re.compile(r"\s+")


def canon(s: Any) -> Any:
    if isinstance(s, str):
        return fold_width(_WS.sub("", s)).rstrip("。.")
    return s


def _o(obj, attr):
    return getattr(obj, attr) if obj is not None else None


def predicted(reply: Reply) -> dict[str, Any]:
    """The comparable value of each field of a parsed letter."""
    c = reply.congress
    ct = reply.contact
    item = reply.item
    return {
        "kind": reply.kind,
        "doc_number": canon(_o(reply.doc_number, "raw")),
        "issuer": canon(_o(reply.issuer, "name")),
        "signatories": [canon(s.name) for s in reply.signatories],
        "grade": _o(reply.grade, "letter"),
        "title": canon(_o(reply.title, "text")),
        "congress": (c.body, c.level, c.term, c.session) if c else None,
        "item": (item.type, canon(item.number)) if item and (item.type or item.number) else None,
        "addressee": canon(_o(reply.addressee, "text")),
        "proposers": [canon(p.name) for p in reply.proposers],
        "issue_date": _o(reply.issue_date, "date"),
        "contact": (canon(ct.unit), canon(ct.person), canon(ct.phone)) if ct else None,
        "cc": [canon(x.name) for x in reply.cc],
        "metrics": [(m.value, canon(m.unit)) for m in reply.metrics],
        "measures": [canon(m.title) for m in reply.measures],
    }


def expected(gold: dict) -> dict[str, Any]:
    """The comparable value of each field of a gold file."""
    c = gold.get("congress")
    ct = gold.get("contact")
    return {
        "kind": gold["kind"],
        "doc_number": canon(gold.get("doc_number")),
        "issuer": canon(gold.get("issuer")),
        "signatories": [canon(s) for s in gold.get("signatory") or []],
        "grade": gold.get("grade"),
        "title": canon(gold.get("title")),
        "congress": (c["body"], c["level"], c["term"], c["session"]) if c else None,
        "item": (gold.get("item_type"), canon(gold.get("item_number")))
        if gold.get("item_type") or gold.get("item_number") else None,
        "addressee": canon(gold.get("addressee")),
        "proposers": [canon(p) for p in gold.get("proposers") or []],
        "issue_date": gold.get("issue_date"),
        "contact": (canon(ct["unit"]), canon(ct["person"]), canon(ct["phone"])) if ct else None,
        "cc": [canon(x) for x in gold.get("cc") or []],
        "metrics": [(float(m["value"]) if m["value"] is not None else None, canon(m["unit"]))
                    for m in gold.get("metrics") or []],
        "measures": [canon(m) for m in gold.get("measures") or []],
    }


def measure_match(a: str, b: str) -> bool:
    """A predicted measure head matches a gold one when one contains the other, or they
    share most characters (heads are cut at different commas)."""
    if not a or not b:
        return False
    if a in b or b in a:
        return min(len(a), len(b)) >= 0.5 * max(len(a), len(b)) or min(len(a), len(b)) >= 4
    common = sum((Counter(a) & Counter(b)).values())
    return common >= 0.7 * max(len(a), len(b))


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp=0, fp=0, fn=0):
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _match_lists(pred: list, gold: list, same) -> tuple[int, int, int, list, list]:
    gold_left = list(gold)
    tp, extra = 0, []
    for p in pred:
        hit = next((g for g in gold_left if same(p, g)), None)
        if hit is None:
            extra.append(p)
        else:
            gold_left.remove(hit)
            tp += 1
    return tp, len(extra), len(gold_left), extra, gold_left


def _metric_same(p, g) -> bool:
    return p[1] == g[1] and p[0] is not None and g[0] is not None and abs(p[0] - g[0]) < 1e-6


@dataclass
class Report:
    fields: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in ALL_FIELDS})
    errors: list[dict] = field(default_factory=list)

    def score(self, doc_id: str, pred: dict, gold: dict) -> None:
        for name in ALL_FIELDS:
            p, g = pred[name], gold[name]
            if name in ("signatories", "proposers", "cc", "metrics", "measures"):
                same = {"metrics": _metric_same, "measures": measure_match}.get(name, lambda a, b: a == b)
                tp, fp, fn, extra, missing = _match_lists(p, g, same)
                self.fields[name].add(tp, fp, fn)
                if fp or fn:
                    self.errors.append({"doc": doc_id, "field": name, "extra": extra, "missing": missing})
            elif p == g:
                if g is not None:
                    self.fields[name].add(tp=1)
            else:
                self.fields[name].add(fp=int(p is not None), fn=int(g is not None))
                self.errors.append({"doc": doc_id, "field": name, "predicted": p, "gold": g})

    def overall(self, names: Iterable[str] = ALL_FIELDS) -> Tally:
        total = Tally()
        for n in names:
            total.add(self.fields[n].tp, self.fields[n].fp, self.fields[n].fn)
        return total

    def as_dict(self) -> dict:
        out = {name: t.as_dict() for name, t in self.fields.items()}
        out["header"] = self.overall(HEADER_FIELDS).as_dict()
        out["overall"] = self.overall().as_dict()
        return {"fields": out, "errors": self.errors}


def gold_letters(gold_dir: str | Path) -> list[tuple[Path, Path]]:
    """``(text, gold)`` of every ``*.txt`` under ``gold_dir`` that has a ``*.gold.json`` beside
    it, in path order."""
    letters = []
    for gold_path in sorted(Path(gold_dir).rglob("*.gold.json")):
        txt = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
        if txt.exists():
            letters.append((txt, gold_path))
    return letters


def evaluate(gold_dir: str | Path, parse=None) -> Report:
    """Parse every ``*.txt`` that has a ``*.gold.json`` beside it and score it (``parse``: a
    path → Reply function to use instead of govdoc's own parse of the files, in batches)."""
    from govdoc.build import parse_many
    from govdoc.read import read_path

    letters = gold_letters(gold_dir)
    if parse is None:
        replies = ((txt_gold, _reply(outcome)) for txt_gold, outcome in parse_many(letters, lambda tg: read_path(tg[0])))
    else:
        replies = (((txt, gold_path), parse(txt)) for txt, gold_path in letters)
    report = Report()
    for (txt, gold_path), reply in replies:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        report.score(txt.stem, predicted(reply), expected(gold))
    return report


def _reply(outcome):
    if isinstance(outcome, Exception):
        raise outcome  # a gold letter that fails to parse is a bug, as with ``parse_path``
    return outcome[0]
