"""Related letters: letters on the same topic from other years and agencies (more like this).

The letter's own words (title, measures, then the rest of its text, weighted 3 / 2 / 1 like the
index fields) are scored by TF-IDF against the index; the :data:`KEY_TERMS` best become an ordinary
search with a low coordination threshold (a letter must share :data:`SHARE` of them), the letter
itself left out.  The result is a search result: same hits, total and facets.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from govdoc.errors import BadInput
from govdoc.index.analysis import fold, query_terms
from govdoc.index.base import FIELD_WEIGHTS, IndexBackend, Query

KEY_TERMS = 12
SHARE = 0.25
MIN_LETTERS = 2  # a word no other letter holds finds nothing (names, typos)
MAX_SHARE_OF_LETTERS = 0.3  # a word most letters hold says nothing about a topic
MIN_LENGTH = 2  # words of one character say little about a topic
# Words of a letter's procedure, not its topic: sessions and numbers (十五届, 三次, 第五), 对县 / 对省.
PROCEDURE_RE = re.compile(r"[届次号]$|^第|^对[省市州县区]$")
BODY_CHARS = 20_000  # a very long letter: its start says what it is about


def weighted_words(texts: dict) -> Counter:
    """Words of a stored record's texts, each occurrence weighted by its field."""
    counts: Counter = Counter()
    for field, weight in FIELD_WEIGHTS.items():
        for word in query_terms(fold((texts.get(field) or "")[:BODY_CHARS])):
            if len(word) >= MIN_LENGTH and not word.replace(".", "").isdigit() and not PROCEDURE_RE.search(word):
                counts[word] += weight
    return counts


def key_terms(backend: IndexBackend, texts: dict, n: int = KEY_TERMS) -> list[str]:
    """The ``n`` words of the texts with the highest TF-IDF in the index's letters, among words that
    other letters hold too but not most of them."""
    counts = weighted_words(texts)
    total, freqs = backend.doc_freqs(counts)
    usable = [w for w in counts if MIN_LETTERS <= freqs.get(w, 0) <= max(MIN_LETTERS, MAX_SHARE_OF_LETTERS * total)]

    def score(word: str) -> float:
        return (1 + math.log(counts[word])) * math.log((total + 1) / (freqs[word] + 0.5))

    return sorted(usable, key=lambda w: (-score(w), w))[:n]


def similar(backend: IndexBackend, letter_id: str, limit: int = 10) -> dict:
    """Letters like ``letter_id``, best first: ``{"total", "hits", "facets", "terms"}``."""
    stored = backend.get(letter_id)
    if stored is None or stored.get("record") != "letters":
        raise BadInput(letter_id, "no letter with this id in the index (ids are in search results)")
    terms = key_terms(backend, stored.get("text") or {})
    if not terms:
        return {"total": 0, "hits": [], "facets": {}, "terms": []}
    result = backend.search(Query(text=" ".join(terms), limit=limit, exclude_letter=letter_id, match_share=SHARE))
    return {**result, "terms": terms}
