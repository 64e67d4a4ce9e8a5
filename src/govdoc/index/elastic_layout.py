"""Where the Elasticsearch backend keeps its records: one index per record kind and year, behind
one alias per kind.

- Concrete indices ``<prefix>-<kind>-<year>`` (``govdoc-letters-2019``, ``govdoc-measures-2019``…)
  and ``<prefix>-<kind>-undated`` for letters without a year; a letter's measure and metric
  records go to the indices of its year.
- The alias ``<prefix>-<kind>`` spans every index of that kind: searches, facets, counts,
  exports and statistics go through it.
- The index template ``<prefix>-<kind>`` (patterns ``<prefix>-<kind>-*``) gives each new index the
  checked-in mapping (``govdoc/data/elasticsearch/``, package data) and the alias; it is composed
  of the component template ``<prefix>-sizing`` (shards, replicas), which govdoc creates only when
  it is missing, so an operator's sizing survives.  govdoc creates a year index itself (with its
  alias) before its first record goes there; the template's alias covers an index that a bulk
  request creates on its own.
- The undated index of each kind exists from the start, so every alias always resolves.
- An index of another mapping version, or the single index per kind of an older govdoc (an index
  named like the alias), is refused with one line saying how to rebuild.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterable, Optional, TypeVar

from govdoc.errors import IndexError_
from govdoc.index.base import RECORD_KINDS

DATA = Path(__file__).resolve().parents[1] / "data" / "elasticsearch"
TEMPLATE = DATA / "govdoc-records.template.json"
SIZING = DATA / "govdoc-sizing.component.json"
UNDATED = "undated"
T = TypeVar("T")
Call = Callable[[str, Callable[[], T]], T]  # (what, request) → its response, retried (ElasticBackend._call)


def load_json(path: Path, what: str) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexError_(f"{path}: cannot read the Elasticsearch {what}: {exc}") from exc


def load_template(path: Path = TEMPLATE) -> dict:
    return load_json(path, "index template")


def year_suffix(year: object) -> str:
    """The index suffix of a letter's year: ``2019``, or ``undated`` (no year, or not a year)."""
    if isinstance(year, int) and not isinstance(year, bool) and 1000 <= year <= 9999:
        return str(year)
    return UNDATED


def is_missing(exc: IndexError_) -> bool:
    return "HTTP 404" in str(exc)


class Layout:
    """The names of one prefix's indices, aliases and templates, and the requests that keep them."""

    def __init__(self, es, prefix: str, call: Call):
        self.es, self.prefix, self._call = es, prefix, call
        self.aliases = {kind: f"{prefix}-{kind}" for kind in RECORD_KINDS}
        self.sizing = f"{prefix}-sizing"
        self.template = load_template()
        self.known: set[str] = set()  # concrete indices seen to exist

    def index_of(self, kind: str, suffix: str) -> str:
        return f"{self.aliases[kind]}-{suffix}"

    def index_for(self, kind: str, year: object) -> str:
        return self.index_of(kind, year_suffix(year))

    # -- checking and creating -----------------------------------------------------------------
    def current(self) -> dict[str, dict]:
        """Concrete index → its mapping, for every index behind the three aliases (and any index
        named like an alias: the older layout)."""
        return dict(self._call("reading the mappings", lambda: self.es.indices.get_mapping(
            index=list(self.aliases.values()), ignore_unavailable=True, allow_no_indices=True)))

    def check(self, mappings: dict[str, dict]) -> None:
        old = sorted(set(mappings) & set(self.aliases.values()))
        if old:
            raise IndexError_(f"Elasticsearch index {old[0]} is the single index per record kind of an older govdoc; "
                              f"this one keeps an index per year behind the alias {old[0]}: rebuild it (govdoc "
                              "index --fresh --backend elasticsearch <data>/json) or choose another index prefix")
        want = self.template["_meta"]["govdoc_mapping"]
        for name, spec in sorted(mappings.items()):
            have = spec["mappings"].get("_meta", {}).get("govdoc_mapping")
            if have != want:
                raise IndexError_(f"Elasticsearch index {name} has mapping version {have}, govdoc needs {want}: "
                                  "rebuild it (govdoc index --fresh …) or choose another index prefix")

    def ensure(self) -> None:
        """Check what exists, apply the templates, create the undated indices that are missing."""
        mappings = self.current()
        self.check(mappings)
        self.known = set(mappings)
        try:
            self._call("creating the sizing template", lambda: self.es.cluster.put_component_template(
                name=self.sizing, create=True, **load_json(SIZING, "sizing template")))
        except IndexError_ as exc:  # there already: the operator's sizing stays
            if "already exists" not in str(exc):
                raise
        body = {k: v for k, v in self.template.items() if k not in ("index_patterns", "template")}
        for kind, alias in self.aliases.items():
            template = {**self.template["template"], "aliases": {alias: {}}}
            self._call(f"applying the index template {alias}", lambda: self.es.indices.put_index_template(
                name=alias, index_patterns=[f"{alias}-*"], composed_of=[self.sizing], template=template, **body))
        self.create([self.index_for(kind, None) for kind in RECORD_KINDS])

    def create(self, names: Iterable[str]) -> list[str]:
        """Create the indices not known to exist, each with its kind's alias; returns those created."""
        made = []
        for name in sorted(set(names) - self.known):
            alias = name.rsplit("-", 1)[0]
            try:
                self._call(f"creating index {name}", lambda: self.es.indices.create(
                    index=name, aliases={alias: {}}))
                made.append(name)
            except IndexError_ as exc:  # created meanwhile by another process
                if "resource_already_exists" not in str(exc):
                    raise
            self.known.add(name)
        return made

    def indices(self, kind: Optional[str] = None) -> list[str]:
        """The concrete indices behind one alias (or all three), as the cluster has them now (an
        alias whose every index is gone counts none)."""
        names = [self.aliases[kind]] if kind else list(self.aliases.values())
        return sorted(self._call("listing the indices", lambda: self.es.indices.get_alias(
            index=names, ignore_unavailable=True, allow_no_indices=True)))

    # -- removing --------------------------------------------------------------------------------
    def delete_indices(self) -> None:
        """Every index behind the aliases, and the older layout's single indices."""
        names = sorted(self.current())
        if names:
            self._call("deleting the indices", lambda: self.es.indices.delete(index=names, ignore_unavailable=True))
        self.known.clear()

    def delete_templates(self) -> None:
        """The three index templates, the sizing template, and the older layout's template."""
        for name in [*self.aliases.values(), f"{self.prefix}-records"]:
            self._ignore_missing(f"deleting the template {name}",
                                 lambda: self.es.indices.delete_index_template(name=name))
        self._ignore_missing("deleting the sizing template",
                             lambda: self.es.cluster.delete_component_template(name=self.sizing))

    def _ignore_missing(self, what: str, fn: Callable[[], object]) -> None:
        try:
            self._call(what, fn)
        except IndexError_ as exc:
            if not is_missing(exc):
                raise
