"""Text → index tokens, the same at index and query time on every backend.

``fold`` makes simplified, half-width, lower-case text of the same length (so offsets found in the
folded text point into the original).  Two token streams are made from it:

- *words*: jieba ``cut_for_search`` tokens (one shared segmenter with our dictionary), for ranking;
- *bigrams*: overlapping character bigrams of every CJK run (a lone character stays a unigram) and
  whole Latin/digit runs (``pm2.5``, ``2019``), for recall on terms jieba splits badly.

Tokens only contain CJK ideographs, ``a-z``, ``0-9`` and ``.`` between alphanumerics, so a plain
whitespace tokenizer (Elasticsearch) or ``unicode61 tokenchars '.'`` (SQLite FTS5) keeps them whole.
"""
from __future__ import annotations

import re
from operator import add
from typing import Mapping, Optional, Sequence

from govdoc.nlp.segment import cut, cut_for_search, search_words
from govdoc.text.zh import CJK, fold, strip_pinyin

# A CJK run, or a Latin/digit run with inner dots (PM2.5, 90.9).
RUN_RE = re.compile(rf"[{CJK}]+|[a-z0-9]+(?:\.[a-z0-9]+)*")
_CJK_RUN = re.compile(rf"[{CJK}]+")

def runs(folded: str) -> list[str]:
    return RUN_RE.findall(folded)


def bigrams(folded: str) -> list[str]:
    """Bigram tokens of already folded text."""
    out: list[str] = []
    for run in RUN_RE.findall(folded):
        if len(run) > 1 and not run.isascii():  # a CJK run (the other runs are ASCII)
            out.extend(map(add, run, run[1:]))
        else:
            out.append(run)
    return out


def words(folded: str, blocks: Optional["BlockWords"] = None) -> list[str]:
    """jieba search-mode tokens of already folded text, cut down to token characters (``blocks``:
    the letter's words by block, the same words made once per block)."""
    if blocks is not None:
        return blocks.words(folded)
    return [r for tok in cut_for_search(folded) for r in runs(tok)]


class BlockWords(dict):
    """block → its words, for the texts of one letter.  jieba cuts each block (a run of its word
    characters) on its own and yields every other character alone (``text.segment.cut_with``), so
    a text's words are its blocks' words in turn, plus the CJK characters jieba leaves outside its
    blocks; each block is cut once, from ``known`` (the parse's tokens by block,
    ``text.segment.block_tokens``) when it is there."""

    def __init__(self, known: Optional[Mapping[str, Sequence[str]]] = None):
        super().__init__()
        from govdoc.text.jieba_cache import WORD_CHARS  # jieba's, imported when text is indexed

        self.known, self._split, self._is_block = known or {}, WORD_CHARS.split, WORD_CHARS.match

    def __missing__(self, block: str) -> list[str]:
        tokens = self.known.get(block)
        # runs of the words joined by spaces: the runs of each word in turn (no run holds a space)
        out = self[block] = RUN_RE.findall(" ".join(search_words(cut(block) if tokens is None else tokens)))
        return out

    def words(self, folded: str) -> list[str]:
        out: list[str] = []
        for piece in self._split(folded):
            if self._is_block(piece):
                out.extend(self[piece])
            elif piece:
                out.extend(c for c in piece if _CJK_RUN.match(c))
        return out


def query_terms(folded: str) -> list[str]:
    """jieba (accurate mode) terms of a folded query: each becomes one phrase."""
    return [r for tok in cut(folded) for r in runs(tok)]


def _analyze_line(line: str, blocks: Optional[BlockWords] = None) -> tuple[str, str]:
    folded = fold(strip_pinyin(line))
    return " ".join(words(folded, blocks)), " ".join(bigrams(folded))


def analyze(text: str, cache: Optional[dict] = None, blocks: Optional[BlockWords] = None) -> tuple[str, str]:
    """``(words, bigrams)`` of raw text, each whitespace-joined: what a backend indexes.

    Tokens never span a line break, so text is analyzed line by line; ``cache`` (one dict shared by
    the records of one letter) saves segmenting the lines they repeat (titles, measures, metrics),
    and ``blocks`` (one per letter) segmenting a block twice or, given the parse's tokens, at all.
    """
    cache = {} if cache is None else cache
    out_words, out_bigrams = [], []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        if line not in cache:
            cache[line] = _analyze_line(line, blocks)
        w, b = cache[line]
        if w:
            out_words.append(w)
        if b:
            out_bigrams.append(b)
    return " ".join(out_words), " ".join(out_bigrams)
