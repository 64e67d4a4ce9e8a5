"""A stock search engine to compare govdoc's ranking with: plain BM25 over jieba words, OR semantics.

What a researcher gets from an off-the-shelf engine with a Chinese analyzer: each letter's whole
text cut into words (jieba, accurate mode, lower-cased; no simplified/traditional folding, no agency
renames, no synonyms, no fields), the query cut the same way, every word optional, ranked by BM25
(``bm25s``, Lucene's variant, k1 = 1.5, b = 0.75).  Letters only: a measure or metric query ranks
letters.  The same filters as govdoc apply, from the parsed letter's fields (a stock engine would be
given that metadata too, coverage included); the metric filters (indicator, value) have nothing to act on
and are ignored.
"""
from __future__ import annotations

from dataclasses import dataclass

from govdoc.index.aliases import issuer_keys
from govdoc.index.analysis import RUN_RE
from govdoc.index.base import COMPARE_OPS, EXACT_FILTERS, RANGE_FILTERS, Query, letter_id
from govdoc.index.records import BODY_KEY, letter_fields
from govdoc.nlp.segment import cut



def tokens(text: str) -> list[str]:
    """jieba words of the text, lower-cased, without spaces and punctuation."""
    return [w for w in cut(text.lower()) if RUN_RE.search(w)]


def _passes(fields: dict, query: Query) -> bool:
    if any(getattr(query, name) is not None and fields[name] != getattr(query, name) for name in EXACT_FILTERS):
        return False
    for name, attr, op in RANGE_FILTERS:
        bound, value = getattr(query, attr), fields[name]
        if name != "value" and bound is not None and (value is None or not COMPARE_OPS[op](value, bound)):
            return False
    return not query.issuer or issuer_keys(query.issuer)[0] in (fields["issuer_norm"], fields["issuer_unit"])


@dataclass
class Bm25Baseline:
    """Duck-types ``IndexBackend.search`` for :func:`govdoc.eval.relevance.evaluate`."""
    letters: list[dict]  # parsed letters, each with its normalized text under BODY_KEY
    name: str = "bm25-or"

    def __post_init__(self) -> None:
        import bm25s

        self.fields = [letter_fields(letter) for letter in self.letters]
        self.ids = [letter_id(letter) for letter in self.letters]
        self.model = bm25s.BM25(k1=1.5, b=0.75, method="lucene")
        self.model.index([tokens(letter.get(BODY_KEY) or "") for letter in self.letters], show_progress=False)

    def search(self, query: Query) -> dict:
        words = tokens(query.text)
        scores = self.model.get_scores(words) if words else [0.0] * len(self.ids)
        ranked = sorted((i for i in range(len(self.ids)) if scores[i] > 0 and _passes(self.fields[i], query)),
                        key=lambda i: (-scores[i], self.ids[i]))
        hits = [{"letter_id": self.ids[i], "score": float(scores[i])} for i in ranked[:query.limit]]
        return {"total": len(ranked), "hits": hits}
