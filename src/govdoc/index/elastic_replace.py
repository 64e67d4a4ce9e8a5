"""The bulk actions that replace letters in per-year indices, so that re-indexing never duplicates,
even when a letter's year changed between versions, and a request that fails half-way leaves
what the next attempt needs to finish the job.

Where a letter's records are now is read from its ``letters`` record (real-time ``mget`` over
every letters index of the prefix, see ``ElasticBackend._locate``): the index it was found in
gives the year, its ``n_measures`` / ``n_metrics`` the child records.  Replacing goes in two
steps: first the child records (deletes of the old ones the new version does not overwrite, in
every place the letter was found, and the new ones), then the letter records (the new one, and
deletes of the old ones in other years).  The letter record, which is what finds the rest, is
removed last: should the first step fail, a retry finds every old record again.
"""
from __future__ import annotations

from typing import Callable

# Where a letter was found: (year suffix of its indices, n_measures, n_metrics).
Place = tuple[str, int, int]
# letter id → (source path, Elasticsearch documents, the first being its letters record)
Prepared = dict[str, tuple[str, list[dict]]]


def record_kind(record_id: str) -> str:
    """``letters`` / ``measures`` / ``metrics`` from a record id (``<letter>``, ``:m<i>``, ``:k<i>``)."""
    _, _, child = record_id.partition(":")
    return {"m": "measures", "k": "metrics"}.get(child[:1], "letters")


def child_ids(letter_id: str, n_measures: int, n_metrics: int, keep: tuple[int, int] = (0, 0)) -> list[str]:
    """Ids of a letter's measure / metric records beyond the first ``keep`` of each."""
    return ([f"{letter_id}:m{i}" for i in range(keep[0] + 1, n_measures + 1)]
            + [f"{letter_id}:k{i}" for i in range(keep[1] + 1, n_metrics + 1)])


def unique(actions: list[dict]) -> list[dict]:
    """Each (index, id) once: a bulk request is sent as parallel streams."""
    return list({(a["_index"], a["_id"]): a for a in actions}.values())


class Replacer:
    """Bulk actions for one prefix; ``index_of(kind, suffix)`` names a concrete index."""

    def __init__(self, index_of: Callable[[str, str], str], suffix_of: Callable[[object], str]):
        self.index_of, self.suffix_of = index_of, suffix_of

    def delete(self, record_id: str, suffix: str) -> dict:
        return {"_op_type": "delete", "_index": self.index_of(record_kind(record_id), suffix), "_id": record_id}

    def put(self, doc: dict) -> dict:
        return {"_index": self.index_of(doc["record"], self.suffix_of(doc["year"])), "_id": doc["id"], "_source": doc}

    def children(self, prepared: Prepared, old: dict[str, list[Place]]) -> list[dict]:
        """Step one: each letter's old child records it will not overwrite go, its new ones come."""
        out: list[dict] = []
        for lid, (_, docs) in prepared.items():
            suffix, keep = self.suffix_of(docs[0]["year"]), (docs[0]["n_measures"], docs[0]["n_metrics"])
            for was, n_measures, n_metrics in old.get(lid, []):
                out += [self.delete(i, was) for i in child_ids(lid, n_measures, n_metrics,
                                                               keep if was == suffix else (0, 0))]
            out += [self.put(d) for d in docs[1:]]
        return out

    def letters(self, prepared: Prepared, old: dict[str, list[Place]]) -> list[dict]:
        """Step two: each letter's record, and deletes of its records in other years."""
        out: list[dict] = []
        for lid, (_, docs) in prepared.items():
            suffix = self.suffix_of(docs[0]["year"])
            out += [self.delete(lid, was) for was, _, _ in old.get(lid, []) if was != suffix]
            out.append(self.put(docs[0]))
        return out

    def remove(self, places: dict[str, list[Place]]) -> tuple[list[dict], list[dict]]:
        """Both steps of removing letters from every place they were found: children, then letters."""
        children = [self.delete(i, was) for lid, found in places.items() for was, nm, nk in found
                    for i in child_ids(lid, nm, nk)]
        return unique(children), unique([self.delete(lid, was) for lid, found in places.items() for was, _, _ in found])

    def unwrite(self, prepared: Prepared, lids: list[str], old: dict[str, list[Place]]
                ) -> tuple[list[dict], list[dict]]:
        """Removing letters whose new version was rejected: what was written of it, and what is left
        of the old one (a letter is indexed whole or not at all)."""
        new = {lid: [(self.suffix_of(prepared[lid][1][0]["year"]), prepared[lid][1][0]["n_measures"],
                      prepared[lid][1][0]["n_metrics"])] for lid in lids if lid in prepared}
        places = {lid: sorted(set(new.get(lid, []) + old.get(lid, []))) for lid in lids}
        return self.remove(places)
