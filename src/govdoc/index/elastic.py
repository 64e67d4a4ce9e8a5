"""The Elasticsearch backend: records of each kind in one index per year behind one alias per kind
(``govdoc-letters`` over ``govdoc-letters-2019``, ``govdoc-letters-2020``, …, ``govdoc-letters-undated``;
the same for ``measures`` and ``metrics``; prefix default ``govdoc``), see
:mod:`govdoc.index.elastic_layout`.  Each kind keeps its own BM25 statistics (in one shared index, a
measure record makes its words look common among letters' measures too); searches run
``dfs_query_then_fetch``, so a kind's statistics are those of all its years together, as in one
index, and ranking does not depend on how letters fall into years.

Records are the same as SQLite's (:mod:`govdoc.index.records`): stored fields, and token fields
made by :mod:`govdoc.index.analysis` that the built-in ``whitespace`` analyzer splits (no analysis
plugin needed).  Searches are built by :mod:`govdoc.index.elastic_query`; hits and snippets by
:func:`govdoc.index.hits.make_hit`.

Indexing streams bounded batches through ``helpers.streaming_bulk`` while the next batch is being
analyzed; each batch goes out as ``SENDERS`` parallel streams of bulk requests (a batch holds each
record id once, so their order does not matter; batches stay in order).  The year indices a batch
needs are created first.  ``bulk_loading()`` turns off refreshes, per-request translog fsyncs and
replicas for a large load, on every index it touches (year indices created during the load too),
and restores them after.  A re-indexed letter is found where it is now with a real-time ``mget`` of
its letters record across the letters indices (a search would miss what is not refreshed yet, and
``mget`` cannot read through an alias of several indices), and replaced in two steps
(:mod:`govdoc.index.elastic_replace`), so re-indexing replaces and never duplicates, also when the
letter's year changed, without ``delete_by_query``.  Every request is retried with exponential
backoff on transient errors (connection errors, 429, 5xx; :mod:`govdoc.index.elastic_retry`); a
document Elasticsearch rejects is reported with its letter's path and record id, and the rest of
that letter is removed.
"""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from itertools import islice
from typing import Callable, Iterable, Iterator, Optional, TypeVar

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers

from govdoc.errors import BadInput, IndexError_
from govdoc.index.base import RECORD_KINDS, STORED_FIELDS, TEXT_FIELDS, IndexBackend, IndexResult, Query
from govdoc.index.elastic_layout import Layout, load_template, year_suffix  # noqa: F401 - load_template re-exported
from govdoc.index.elastic_query import search_body, text_query
from govdoc.index.elastic_replace import Place, Prepared, Replacer, record_kind
from govdoc.index.elastic_retry import reason, retrying
from govdoc.index.facets import FACETS, shape
from govdoc.index.hits import make_hit
from govdoc.index.plan import plan_query
from govdoc.index.records import analyzed_records

BATCH_LETTERS = 500  # letters prepared and sent together
CHUNK_RECORDS = 1000  # records per bulk request
CHUNK_BYTES = 8 * 1024 * 1024
SENDERS = 2  # parallel bulk streams per batch: the node indexes one bulk request per write thread
# Index settings during bulk_loading(); the previous values come back afterwards.
LOADING_SETTINGS = {"refresh_interval": "-1", "translog.durability": "async", "number_of_replicas": 0}
FACET_SIZE = 10_000
T = TypeVar("T")


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _split(actions: list, parts: int, chunk: int) -> list[list]:
    """``actions`` in at most ``parts`` contiguous pieces of whole ``chunk``s (one piece when small)."""
    per = -(-len(actions) // max(1, parts))
    per = -(-per // chunk) * chunk
    return [actions[i:i + per] for i in range(0, len(actions), per)] if actions else []


def _doc_path(reply: dict) -> str:
    source = reply.get("source") if isinstance(reply, dict) else None
    path = source.get("path") if isinstance(source, dict) else None
    return path or "<letter>"


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


class ElasticBackend(IndexBackend):
    name = "elasticsearch"

    def __init__(self, url: str, api_key: Optional[str] = None, basic_auth: Optional[tuple[str, str]] = None,
                 index: str = "govdoc", retries: int = 5, backoff: float = 0.5, max_backoff: float = 30.0,
                 request_timeout: float = 60.0, sleep: Callable[[float], None] = time.sleep, fresh: bool = False):
        """``fresh``: delete this prefix's indices first (any layout, any mapping version)."""
        self.url, self.prefix = url, index
        self.retries, self.backoff, self.max_backoff, self._sleep = retries, backoff, max_backoff, sleep
        # Retries live here, with backoff; the transport's own retries would not wait between tries.
        hosts = [u.strip() for u in url.split(",") if u.strip()]  # several nodes: one lost, the others answer
        self.es = Elasticsearch(hosts, api_key=api_key, basic_auth=basic_auth, max_retries=0,
                                retry_on_timeout=False, request_timeout=request_timeout)
        self.layout = Layout(self.es, index, self._call)
        self.indices = self.layout.aliases  # record kind → its alias
        self.replacer = Replacer(self.layout.index_of, year_suffix)
        self._loading: Optional[dict[str, dict]] = None  # during bulk_loading(): index → its settings before
        if fresh:
            self.layout.delete_indices()
        self.layout.ensure()

    # -- plumbing --------------------------------------------------------------------------------
    def _call(self, what: str, fn: Callable[[], T]) -> T:
        return retrying(fn, f"Elasticsearch {self.url} ({self.prefix}-*): {what}", self.retries,
                        self.backoff, self.max_backoff, self._sleep)

    def index_for(self, record: str, year: object) -> str:
        """The concrete index a record of that kind and year goes to."""
        return self.layout.index_for(record, year)

    def _refresh(self) -> None:
        self._call("refreshing", lambda: self.es.indices.refresh(index=list(self.indices.values())))

    def _find(self, kind: str, record_ids: list[str], fields: Optional[list[str]] = None
              ) -> dict[str, list[tuple[str, dict]]]:
        """Record id → [(concrete index, its source, or only ``fields`` of it)] in every index of
        that kind where it is now (real-time: what is not refreshed yet is found too)."""
        names = self.layout.indices(kind)
        if not names or not record_ids:
            return {}
        docs = [{"_index": name, "_id": rid} for rid in record_ids for name in names]
        resp = self._call(f"looking up {len(record_ids)} record(s)", lambda: self.es.mget(
            docs=docs, source_includes=fields))
        found: dict[str, list[tuple[str, dict]]] = {}
        for doc in resp["docs"]:  # an index deleted meanwhile answers an error: nothing there
            if doc.get("found"):
                found.setdefault(doc["_id"], []).append((doc["_index"], doc.get("_source") or {}))
        return found

    def _locate(self, letter_ids: list[str]) -> dict[str, list[Place]]:
        """Letter id → where its records are now: [(year suffix, n_measures, n_metrics)] (one place,
        or several after a change of year that failed half-way)."""
        found = self._find("letters", letter_ids, ["n_measures", "n_metrics"])
        return {lid: [(index.rsplit("-", 1)[1], src.get("n_measures") or 0, src.get("n_metrics") or 0)
                      for index, src in places] for lid, places in found.items()}

    def _ensure_indices(self, actions: list[dict]) -> None:
        """Create the year indices the actions write to that do not exist yet; during a bulk load
        they get the loading settings too."""
        made = self.layout.create({a["_index"] for a in actions if a.get("_op_type", "index") == "index"})
        if made and self._loading is not None:
            self._start_loading(made)

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

    def _start_loading(self, names: list[str]) -> None:
        """Remember the indices' own settings, then set :data:`LOADING_SETTINGS` on them."""
        keys = [f"index.{k}" for k in LOADING_SETTINGS]
        got = self._call("reading index settings", lambda: self.es.indices.get_settings(
            index=names, name=keys, flat_settings=True))
        # What each index had set itself; None (unset) puts the default back.
        self._loading.update({name: {k: spec.get("settings", {}).get(k) for k in keys} for name, spec in got.items()})
        self._call("bulk-load settings", lambda: self.es.indices.put_settings(
            index=names, settings={"index": LOADING_SETTINGS}))

    @contextmanager
    def bulk_loading(self):
        """For a large load: no refreshes, translog synced in the background, no replicas, on every
        index of the prefix and every year index the load creates (the previous settings come
        back, and a refresh makes the load visible, when the block ends)."""
        self._loading = {}
        try:
            self._start_loading(self.layout.indices())
            yield self
        finally:
            before, self._loading = self._loading, None
            groups: dict[tuple, list[str]] = {}  # the same settings restored in one request
            for name, settings in before.items():
                groups.setdefault(tuple(sorted(settings.items())), []).append(name)
            for settings, names in groups.items():
                self._call(f"restoring the settings of {', '.join(names)}", lambda: self.es.indices.put_settings(
                    index=names, settings=dict(settings)))
            self._refresh()

    # -- writing ---------------------------------------------------------------------------------
    def prepare_batch(self, batch: list[dict], result: IndexResult) -> Prepared:
        """Letter id → (path, Elasticsearch documents) for each good letter; bad ones go to ``result``."""
        prepared: Prepared = {}
        for reply in batch:
            try:
                docs = letter_documents(reply)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                result.errors.append(f"{_doc_path(reply)}: not a parsed letter ({type(exc).__name__}: {exc})")
                continue
            prepared[docs[0]["letter_id"]] = (_doc_path(reply), docs)  # the last copy of a letter wins
        return prepared

    def write_batch(self, prepared: Prepared) -> tuple[int, list[str]]:
        """Replace the prepared letters in the index: ``(letters written, error lines)``."""
        if not prepared:
            return 0, []
        old = self._locate(list(prepared))
        first = self.replacer.children(prepared, old)
        self._ensure_indices(first + self.replacer.letters(prepared, old))
        bad: dict[str, list[dict]] = {}  # letter id → its rejected items
        for info in self._bulk(first):
            bad.setdefault(str(info.get("_id", "")).split(":")[0], []).append(info)
        good = {lid: item for lid, item in prepared.items() if lid not in bad}
        for info in self._bulk(self.replacer.letters(good, old)):
            bad.setdefault(str(info.get("_id", "")).split(":")[0], []).append(info)
        errors = [self._rejection(prepared[lid][0] if lid in prepared else "<letter>", lid, items)
                  for lid, items in bad.items()]
        if bad:  # a letter is indexed whole or not at all
            for step in self.replacer.unwrite(prepared, list(bad), old):
                self._bulk(step)
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
            for step in self.replacer.remove(self._locate(batch)):  # children first, the letter record last
                self._bulk(step)
        self._refresh()

    def clear(self) -> None:
        """Delete every index of the prefix (every year, and an older layout's), keep the templates,
        and start again with the empty undated indices."""
        self.layout.delete_indices()
        self.layout.ensure()

    def drop(self) -> None:
        """Remove every index of the prefix and its templates (clear() keeps them, empty)."""
        self.layout.delete_indices()
        self.layout.delete_templates()

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
        """The record, read in real time from whichever year index holds it."""
        found = self._find(record_kind(record_id), [record_id]).get(record_id)
        return found[0][1] if found else None

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
            raise IndexError_(f"Elasticsearch at {self.url}: export failed: {reason(exc)}") from exc

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
        """Primary store size of every index of the prefix on disk."""
        resp = self._call("index stats", lambda: self.es.indices.stats(
            index=list(self.indices.values()), metric="store"))
        return resp["_all"]["primaries"]["store"]["size_in_bytes"]

    def close(self) -> None:
        self.es.close()
