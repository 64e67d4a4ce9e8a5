"""The Elasticsearch backend: one index per record kind, ``<prefix>-letters``, ``<prefix>-measures``
and ``<prefix>-metrics`` (prefix default ``govdoc``), so each kind keeps its own BM25 statistics
(in one shared index, a measure record makes its words look common among letters' measures too).

govdoc applies its own checked-in index template (``govdoc/data/elasticsearch/``, package data) with the three index
names as its patterns, then creates the indices.  Records are the same as SQLite's (:mod:`govdoc.index.records`):
stored fields, and token fields made by :mod:`govdoc.index.analysis` that the built-in
``whitespace`` analyzer splits (no analysis plugin needed).  Searches are built by
:mod:`govdoc.index.elastic_query`; hits and snippets by :func:`govdoc.index.hits.make_hit`.

Indexing streams bounded batches through ``helpers.streaming_bulk`` while the next batch is being
analyzed; each batch goes out as ``SENDERS`` parallel streams of bulk requests (a batch holds each
record id once, so their order does not matter; batches stay in order).  ``bulk_loading()`` turns
off refreshes, per-request translog fsyncs and replicas for a large load and restores them after.  A letter's old measure / metric records that the new version no longer has are found
with a real-time ``mget`` of the letter record (which keeps its record counts), so re-indexing
replaces and never duplicates, without ``delete_by_query``.  Every request is retried with
exponential backoff on transient errors (connection errors, 429, 5xx); a document Elasticsearch
rejects is reported with its letter's path and record id, and the rest of that letter is removed.
"""
from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, TypeVar

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers
from elasticsearch import ConnectionError as EsConnectionError

from govdoc.errors import BadInput, IndexError_
from govdoc.index.base import RECORD_KINDS, STORED_FIELDS, TEXT_FIELDS, IndexBackend, IndexResult, Query
from govdoc.index.elastic_query import search_body, text_query
from govdoc.index.facets import FACETS, shape
from govdoc.index.records import analyzed_records
from govdoc.index.hits import make_hit
from govdoc.index.plan import plan_query

TEMPLATE = Path(__file__).resolve().parents[1] / "data" / "elasticsearch" / "govdoc-records.template.json"
BATCH_LETTERS = 500  # letters prepared and sent together
CHUNK_RECORDS = 1000  # records per bulk request
CHUNK_BYTES = 8 * 1024 * 1024
SENDERS = 2  # parallel bulk streams per batch: the node indexes one bulk request per write thread
# Index settings during bulk_loading(); the previous values come back afterwards.
LOADING_SETTINGS = {"refresh_interval": "-1", "translog.durability": "async", "number_of_replicas": 0}
TRANSIENT_STATUS = frozenset({429, 500, 502, 503, 504})
FACET_SIZE = 10_000
T = TypeVar("T")


def load_template(path: Path = TEMPLATE) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexError_(f"{path}: cannot read the Elasticsearch index template: {exc}") from exc


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _split(actions: list, parts: int, chunk: int) -> list[list]:
    """``actions`` in at most ``parts`` contiguous pieces of whole ``chunk``s (one piece when small)."""
    per = -(-len(actions) // max(1, parts))
    per = -(-per // chunk) * chunk
    return [actions[i:i + per] for i in range(0, len(actions), per)] if actions else []


def _reason(exc: Exception) -> str:
    if isinstance(exc, ApiError):
        error = exc.body.get("error") if isinstance(exc.body, dict) else None
        if isinstance(error, dict):
            return f"HTTP {exc.status_code} {error.get('type')}: {error.get('reason')}"
        return f"HTTP {exc.status_code}: {exc.message}"
    return f"{type(exc).__name__}: {getattr(exc, 'message', None) or exc}"


def _doc_path(reply: dict) -> str:
    source = reply.get("source") if isinstance(reply, dict) else None
    path = source.get("path") if isinstance(source, dict) else None
    return path or "<letter>"


def transient(exc: Exception) -> bool:
    """Worth trying again: the node could not be reached, was overloaded (429) or failed (5xx)."""
    return isinstance(exc, EsConnectionError) or (isinstance(exc, ApiError) and exc.status_code in TRANSIENT_STATUS)


def retrying(fn: Callable[[], T], what: str, retries: int, backoff: float, max_backoff: float,
             sleep: Callable[[float], None] = time.sleep) -> T:
    """``fn()``, tried again up to ``retries`` times after a transient error, waiting ``backoff``,
    then twice as long each time (at most ``max_backoff``); any other error, or the last transient
    one, becomes an IndexError_ that says what failed and why."""
    for attempt in range(retries + 1):
        try:
            return fn()
        except (EsConnectionError, ApiError) as exc:
            if not transient(exc):
                raise IndexError_(f"{what} failed: {_reason(exc)}") from exc
            last = exc
        if attempt < retries:
            sleep(min(backoff * 2 ** attempt, max_backoff))
    raise IndexError_(f"{what} failed after {retries + 1} attempts: {_reason(last)}") from last


def es_document(record: dict, tokens: dict[str, str], counts: tuple[int, int]) -> dict:
    """What Elasticsearch stores for one record: stored fields, token fields, record counts."""
    doc = {name: record.get(name) for name in STORED_FIELDS}
    doc.update(tokens)
    if record["record"] == "letters":
        doc["n_measures"], doc["n_metrics"] = counts
    return doc


def letter_documents(reply: dict) -> list[dict]:
    pairs = analyzed_records(reply)
    counts = (sum(r["record"] == "measures" for r, _ in pairs), sum(r["record"] == "metrics" for r, _ in pairs))
    return [es_document(record, tokens, counts) for record, tokens in pairs]


def record_kind(record_id: str) -> str:
    """``letters`` / ``measures`` / ``metrics`` from a record id (``<letter>``, ``:m<i>``, ``:k<i>``)."""
    _, _, child = record_id.partition(":")
    return {"m": "measures", "k": "metrics"}.get(child[:1], "letters")


def child_ids(letter_id: str, n_measures: int, n_metrics: int, keep: tuple[int, int] = (0, 0)) -> list[str]:
    """Ids of a letter's measure / metric records beyond the first ``keep`` of each."""
    return ([f"{letter_id}:m{i}" for i in range(keep[0] + 1, n_measures + 1)]
            + [f"{letter_id}:k{i}" for i in range(keep[1] + 1, n_metrics + 1)])


class ElasticBackend(IndexBackend):
    name = "elasticsearch"

    def __init__(self, url: str, api_key: Optional[str] = None, basic_auth: Optional[tuple[str, str]] = None,
                 index: str = "govdoc", retries: int = 5, backoff: float = 0.5, max_backoff: float = 30.0,
                 request_timeout: float = 60.0, sleep: Callable[[float], None] = time.sleep):
        self.url, self.prefix = url, index
        self.indices = {kind: f"{index}-{kind}" for kind in RECORD_KINDS}
        self.retries, self.backoff, self.max_backoff, self._sleep = retries, backoff, max_backoff, sleep
        # Retries live here, with backoff; the transport's own retries would not wait between tries.
        hosts = [u.strip() for u in url.split(",") if u.strip()]  # several nodes: one lost, the others answer
        self.es = Elasticsearch(hosts, api_key=api_key, basic_auth=basic_auth, max_retries=0,
                                retry_on_timeout=False, request_timeout=request_timeout)
        self.template = load_template()
        self._ensure_indices()

    # -- plumbing --------------------------------------------------------------------------------
    def _call(self, what: str, fn: Callable[[], T]) -> T:
        return retrying(fn, f"Elasticsearch {self.url} ({self.prefix}-*): {what}", self.retries,
                        self.backoff, self.max_backoff, self._sleep)

    def _ensure_indices(self) -> None:
        names = list(self.indices.values())
        body = {k: v for k, v in self.template.items() if k != "index_patterns"}
        self._call("applying the index template", lambda: self.es.indices.put_index_template(
            name=f"{self.prefix}-records", index_patterns=names, **body))
        for name in names:
            if self._call(f"checking index {name}", lambda: self.es.indices.exists(index=name)):
                continue
            try:
                self._call(f"creating index {name}", lambda: self.es.indices.create(index=name))
            except IndexError_ as exc:  # created meanwhile by another process
                if "resource_already_exists" not in str(exc):
                    raise
        mapping = self._call("reading the mappings", lambda: self.es.indices.get_mapping(index=names))
        want = self.template["_meta"]["govdoc_mapping"]
        for name, spec in mapping.items():
            have = spec["mappings"].get("_meta", {}).get("govdoc_mapping")
            if have != want:
                raise IndexError_(f"Elasticsearch index {name} has mapping version {have}, govdoc needs {want}: "
                                  "rebuild it (govdoc index --fresh …) or choose another index prefix")

    def _refresh(self) -> None:
        self._call("refreshing", lambda: self.es.indices.refresh(index=list(self.indices.values())))

    def _counts(self, letter_ids: list[str]) -> dict[str, tuple[int, int]]:
        """Record counts of the letters already in the index (real-time, no refresh needed)."""
        resp = self._call("reading letters", lambda: self.es.mget(
            index=self.indices["letters"], ids=letter_ids, source_includes=["n_measures", "n_metrics"]))
        return {d["_id"]: (d["_source"].get("n_measures") or 0, d["_source"].get("n_metrics") or 0)
                for d in resp["docs"] if d.get("found")}

    def _delete_action(self, record_id: str) -> dict:
        return {"_op_type": "delete", "_index": self.indices[record_kind(record_id)], "_id": record_id}

    def _bulk(self, actions: list[dict]) -> list[dict]:
        """Send actions (each record id at most once) in bounded chunks, ``SENDERS`` streams at a
        time; 429s per document are retried by the helper with backoff, whole-request transient
        errors by :meth:`_call` (index and delete by id are idempotent).  Returns the failed items."""
        def send(part: list[dict]) -> list[dict]:
            failed = []
            for ok, item in helpers.streaming_bulk(
                    self.es, part, chunk_size=CHUNK_RECORDS, max_chunk_bytes=CHUNK_BYTES,
                    raise_on_error=False, raise_on_exception=True, max_retries=self.retries,
                    initial_backoff=self.backoff, max_backoff=self.max_backoff):
                op, info = next(iter(item.items()))
                if not ok and not (op == "delete" and info.get("status") == 404):
                    failed.append(info)
            return failed

        def sent(part: list[dict]) -> list[dict]:
            return self._call(f"bulk request of {len(part)} actions", lambda: send(part))

        parts = [p for p in _split(actions, SENDERS, CHUNK_RECORDS) if p]
        if len(parts) < 2:
            return sent(parts[0]) if parts else []
        with ThreadPoolExecutor(max_workers=len(parts), thread_name_prefix="govdoc-bulk-send") as pool:
            return [info for failed in pool.map(sent, parts) for info in failed]

    @contextmanager
    def bulk_loading(self):
        """For a large load: no refreshes, translog synced in the background, no replicas (the
        previous settings come back, and a refresh makes the load visible, when the block ends)."""
        names = list(self.indices.values())
        keys = [f"index.{k}" for k in LOADING_SETTINGS]
        got = self._call("reading index settings", lambda: self.es.indices.get_settings(
            index=names, name=keys, flat_settings=True))
        # What each index had set itself; None (unset) puts the default back.
        before = {name: {k: spec.get("settings", {}).get(k) for k in keys} for name, spec in got.items()}
        self._call("bulk-load settings", lambda: self.es.indices.put_settings(
            index=names, settings={"index": LOADING_SETTINGS}))
        try:
            yield self
        finally:
            for name, settings in before.items():
                self._call(f"restoring the settings of {name}", lambda: self.es.indices.put_settings(
                    index=name, settings=settings))
            self._refresh()

    # -- writing ---------------------------------------------------------------------------------
    def prepare_batch(self, batch: list[dict], result: IndexResult) -> dict[str, tuple[str, list[dict]]]:
        """Letter id → (path, Elasticsearch documents) for each good letter; bad ones go to ``result``."""
        prepared: dict[str, tuple[str, list[dict]]] = {}
        for reply in batch:
            try:
                docs = letter_documents(reply)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                result.errors.append(f"{_doc_path(reply)}: not a parsed letter ({type(exc).__name__}: {exc})")
                continue
            prepared[docs[0]["letter_id"]] = (_doc_path(reply), docs)  # the last copy of a letter wins
        return prepared

    def actions(self, prepared: dict[str, tuple[str, list[dict]]], old: dict[str, tuple[int, int]]) -> list[dict]:
        """Bulk actions that replace each prepared letter: deletes of records it no longer has, then indexes."""
        out: list[dict] = []
        for lid, (_, docs) in prepared.items():
            if lid in old:
                keep = (docs[0]["n_measures"], docs[0]["n_metrics"])
                out += [self._delete_action(i) for i in child_ids(lid, *old[lid], keep=keep)]
            out += [{"_index": self.indices[d["record"]], "_id": d["id"], "_source": d} for d in docs]
        return out

    def write_batch(self, prepared: dict[str, tuple[str, list[dict]]]) -> tuple[int, list[str]]:
        """Replace the prepared letters in the index: ``(letters written, error lines)``."""
        if not prepared:
            return 0, []
        failed = self._bulk(self.actions(prepared, self._counts(list(prepared))))
        bad: dict[str, list[dict]] = {}  # letter id → its rejected items
        for info in failed:
            bad.setdefault(str(info.get("_id", "")).split(":")[0], []).append(info)
        errors = [self._rejection(prepared[lid][0] if lid in prepared else "<letter>", lid, items)
                  for lid, items in bad.items()]
        if bad:  # a letter is indexed whole or not at all
            self._bulk([self._delete_action(d["id"]) for lid in bad if lid in prepared for d in prepared[lid][1]])
        return len(prepared) - len(bad), errors

    @staticmethod
    def _rejection(path: str, lid: str, items: list[dict]) -> str:
        """One line for a letter whose records Elasticsearch rejected: the first record and why."""
        first = items[0]
        error = first.get("error") or {}
        reason = f"{error.get('type')}: {error.get('reason')}" if isinstance(error, dict) else str(error)
        more = f" (and {len(items) - 1} more of its records)" if len(items) > 1 else ""
        return (f"{path}: Elasticsearch rejected record {first.get('_id')} of letter {lid} "
                f"(HTTP {first.get('status')}): {reason}{more}; the letter was not indexed")

    def index(self, replies: Iterable[dict], batch_size: int = BATCH_LETTERS) -> IndexResult:
        result = IndexResult()
        # One sender thread: batch n is sent while batch n+1 is analyzed here.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="govdoc-bulk") as pool:
            pending = None
            for batch in _batches(replies, batch_size):
                prepared = self.prepare_batch(batch, result)
                if pending is not None:
                    self._collect(pending.result(), result)
                pending = pool.submit(self.write_batch, prepared)
            if pending is not None:
                self._collect(pending.result(), result)
        self._refresh()
        return result

    @staticmethod
    def _collect(written: tuple[int, list[str]], result: IndexResult) -> None:
        result.indexed += written[0]
        result.errors.extend(written[1])

    def delete(self, letter_ids: Iterable[str]) -> None:
        for batch in _batches(letter_ids, BATCH_LETTERS):
            counts = self._counts(batch)
            self._bulk([self._delete_action(i) for lid, n in counts.items() for i in [lid, *child_ids(lid, *n)]])
        self._refresh()

    def clear(self) -> None:
        names = list(self.indices.values())
        self._call("deleting the indices", lambda: self.es.indices.delete(index=names, ignore_unavailable=True))
        self._ensure_indices()

    def drop(self) -> None:
        """Remove the three indices and their template (clear() keeps them, empty)."""
        names = list(self.indices.values())
        self._call("deleting the indices", lambda: self.es.indices.delete(index=names, ignore_unavailable=True))
        try:
            self._call("deleting the template", lambda: self.es.indices.delete_index_template(
                name=f"{self.prefix}-records"))
        except IndexError_ as exc:
            if "404" not in str(exc):
                raise

    # -- reading ---------------------------------------------------------------------------------
    def _index_of(self, record: str) -> str:
        if record not in self.indices:
            raise BadInput("--records", f"unknown record kind {record!r}; choose one of {', '.join(RECORD_KINDS)}")
        return self.indices[record]

    def search(self, query: Query) -> dict:
        index = self._index_of(query.record)
        plan = plan_query(query.text, query.match_share)
        title_plan = plan_query(query.indicator) if query.indicator else None
        body = search_body(query, plan, title_plan)
        resp = self._call("search", lambda: self.es.search(index=index, **body))
        hits = [make_hit(h["_source"], h.get("_score") or 0.0, plan) for h in resp["hits"].get("hits", [])]
        aggs = resp.get("aggregations") or {}
        facets = shape({name: [(b["key"], b["doc_count"]) for b in aggs.get(name, {}).get("buckets", [])]
                        for name in FACETS})
        return {"total": resp["hits"]["total"]["value"], "hits": hits, "facets": facets}

    def get(self, record_id: str) -> Optional[dict]:
        index = self.indices[record_kind(record_id)]
        resp = self._call(f"reading {record_id}", lambda: self.es.options(ignore_status=404).get(index=index, id=record_id))
        return resp["_source"] if resp.get("found") else None

    def doc_freqs(self, words: Iterable[str], record: str = "letters") -> tuple[int, dict[str, int]]:
        words, index = list(dict.fromkeys(words)), self._index_of(record)
        searches: list[dict] = [{"index": index}, {"size": 0, "track_total_hits": True}]
        for word in words:
            searches += [{"index": index}, {"size": 0, "track_total_hits": True, "query": {"multi_match": {
                "query": word, "fields": [f"{name}_w" for name in TEXT_FIELDS]}}}]
        resp = self._call("counting words", lambda: self.es.msearch(searches=searches))
        failed = next((r["error"] for r in resp["responses"] if "error" in r), None)
        if failed is not None:
            raise IndexError_(f"Elasticsearch at {self.url}: counting words failed: {failed.get('reason', failed)}")
        counts = [r["hits"]["total"]["value"] for r in resp["responses"]]
        return counts[0], dict(zip(words, counts[1:]))

    def scan(self, query: Query, batch: int = 500) -> Iterator[dict]:
        plan = plan_query(query.text, query.match_share)
        title_plan = plan_query(query.indicator) if query.indicator else None
        body = {"query": text_query(query, plan, title_plan), "sort": [{"id": "asc"}]}
        docs = helpers.scan(self.es, index=self._index_of(query.record), query=body, size=batch,
                            preserve_order=True, scroll="2m")
        try:
            yield from (doc["_source"] for doc in docs)
        except (TransportError, ApiError) as exc:
            raise IndexError_(f"Elasticsearch at {self.url}: export failed: {_reason(exc)}") from exc

    def stats(self) -> dict:
        facets = {name: {"terms": {"field": field, "size": FACET_SIZE, "order": {"_key": "asc"}}}
                  for name, field in (("by_year", "year"), ("by_grade", "grade"), ("by_issuer", "issuer_norm"))}
        aggs = {"kinds": {"terms": {"field": "record", "size": len(RECORD_KINDS)}},
                "letters": {"filter": {"term": {"record": "letters"}}, "aggs": facets}}
        resp = self._call("stats", lambda: self.es.search(index=list(self.indices.values()), size=0, aggs=aggs))
        counts = {b["key"]: b["doc_count"] for b in resp["aggregations"]["kinds"]["buckets"]}
        letters = resp["aggregations"]["letters"]
        out: dict = {kind: counts.get(kind, 0) for kind in RECORD_KINDS}
        for name in facets:
            out[name] = {str(b["key"]): b["doc_count"] for b in letters[name]["buckets"]}
        return out

    def size_bytes(self) -> int:
        """Primary store size of the three indices on disk."""
        resp = self._call("index stats", lambda: self.es.indices.stats(
            index=list(self.indices.values()), metric="store"))
        return resp["_all"]["primaries"]["store"]["size_in_bytes"]

    def close(self) -> None:
        self.es.close()
