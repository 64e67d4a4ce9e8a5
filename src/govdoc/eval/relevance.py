"""Judged queries → nDCG@k and recall@k for one backend.

A judgment file is a JSON list of ``{"id", "query", "records", "filters", "relevant", "why"}``;
``relevant`` maps a corpus file stem (``d005``, ``xuchang-2019-reply``) to a gain (2 = answers the
question, 1 = partly); stems become letter ids at run time, so the judgments survive re-parsing.
Measure and metric hits count for their letter, once, at the rank of its first hit.  recall@k is
the share of the relevant letters found in the top k, out of as many as k hits can hold
(``min(k, relevant)``: a query with 25 relevant letters and all top 10 relevant has recall 1).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from govdoc.index.base import IndexBackend, Query

FILTER_KEYS = {"year_from", "year_to", "issuer", "grade", "congress_body", "congress_level", "congress_term",
               "congress_session", "item_type", "kind", "indicator", "value_min", "value_max"}


# The corpus folders (under corpora/) the judgments cover; a document's id is its file stem.
CORPUS_FOLDERS = ("seed", "real", "real2", "compare", "heldout", "heldout2", "search")


@dataclass
class Judged:
    id: str
    query: str
    records: str
    filters: dict
    relevant: dict[str, int]
    twin: str | None = None  # the query this one spells in the other script (same ranking expected)


@dataclass
class Scored:
    id: str
    query: str
    ndcg: float
    recall: float
    ranked: list[str]  # stems (or letter ids for unknown letters) in rank order


def load_judgments(path: str | Path) -> list[Judged]:
    items = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for item in items:
        filters = item.get("filters") or {}
        if unknown := set(filters) - FILTER_KEYS - {"session"}:
            raise ValueError(f"{path}: query {item['id']}: unknown filters {sorted(unknown)}")
        out.append(Judged(item["id"], item["query"], item.get("records", "letters"), filters, item["relevant"],
                          item.get("twin")))
    return out


def parse_corpus(corpora: Path, folders: Iterable[str] = CORPUS_FOLDERS) -> tuple[list[dict], dict[str, str]]:
    """The judged documents parsed, each with its normalized text (as ``govdoc index`` reads it from a
    ``.txt`` sidecar), and ``{letter id: file stem}``."""
    from govdoc.build import parse_many
    from govdoc.index.base import letter_id
    from govdoc.index.records import BODY_KEY
    from govdoc.read import read_path

    paths = sorted(p for folder in folders for p in (corpora / folder).glob("*.txt"))
    letters, stems = [], {}
    for path, outcome in parse_many(paths, read_path):
        if isinstance(outcome, Exception):
            raise outcome
        reply, text = outcome
        letter = reply.model_dump(mode="json")
        letters.append({**letter, BODY_KEY: text.text})
        stems[letter_id(letter)] = path.stem
    return letters, stems


def ndcg_at(ranked_gains: list[int], ideal_gains: Iterable[int], k: int = 10) -> float:
    def dcg(gains) -> float:
        return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(list(gains)[:k]))

    ideal = dcg(sorted(ideal_gains, reverse=True))
    return dcg(ranked_gains) / ideal if ideal else 0.0


def to_query(judged: Judged, limit: int) -> Query:
    from govdoc.search.session import parse_session

    filters = dict(judged.filters)
    if "session" in filters:
        filters.update(parse_session(filters.pop("session")))
    return Query(text=judged.query, record=judged.records, limit=limit, **filters)


def score_query(backend: IndexBackend, judged: Judged, stems: dict[str, str], k: int = 10) -> Scored:
    """``stems`` maps letter id → file stem."""
    hits = backend.search(to_query(judged, limit=k * 5))["hits"]
    ranked: list[str] = []
    for hit in hits:
        stem = stems.get(hit["letter_id"], hit["letter_id"])
        if stem not in ranked:
            ranked.append(stem)
    ranked = ranked[:k]
    gains = [judged.relevant.get(stem, 0) for stem in ranked]
    found = sum(1 for stem in ranked if judged.relevant.get(stem, 0) > 0)
    wanted = min(k, sum(1 for g in judged.relevant.values() if g > 0))  # what k hits can hold at most
    return Scored(judged.id, judged.query, ndcg_at(gains, judged.relevant.values(), k),
                  found / wanted if wanted else 1.0, ranked)


def evaluate(backend: IndexBackend, judgments: list[Judged], stems: dict[str, str], k: int = 10) -> dict:
    scored = [score_query(backend, j, stems, k) for j in judgments]
    return {"ndcg": sum(s.ndcg for s in scored) / len(scored), "recall": sum(s.recall for s in scored) / len(scored),
            "queries": scored}
