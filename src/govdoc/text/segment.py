"""One segmenter with our user dictionary, shared by spaCy, normalization and both index backends.

Never use the global ``jieba.cut`` state: a query must mean the same thing everywhere.

The tokens are jieba's accurate cut (HMM on) over jieba's dictionary plus ``data/userdict.txt``.
``segmenter()`` gives them from :class:`~govdoc.text.dat_segment.DatSegmenter` (jieba's steps,
the dictionary ones in C++ over a trie cached in the user's cache folder: opened in milliseconds,
a third of jieba's CPU), or, where ``jieba_fast_dat`` is not installed, from jieba itself
(:class:`JiebaSegmenter`, the same tokens: tested).  ``jieba_tokenizer()`` is jieba's own
tokenizer with the same dictionary: the reference the tests and the benchmarks compare with, and
what the trie is built from.  Its prefix dictionary is cached too (``jieba_cache.py``).
"""
from __future__ import annotations

import logging
from functools import lru_cache
from itertools import accumulate
from importlib import resources
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, Sequence, Union

if TYPE_CHECKING:
    import jieba

    from govdoc.text.dat_segment import DatSegmenter


def _userdict() -> bytes:
    return (resources.files("govdoc.data") / "userdict.txt").read_bytes()


@lru_cache(maxsize=1)
def jieba_tokenizer() -> "jieba.Tokenizer":
    """jieba's tokenizer with our user dictionary, made on first use."""
    from govdoc.text.jieba_cache import jieba, load_dictionary

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    load_dictionary(tok)
    with resources.as_file(resources.files("govdoc.data") / "userdict.txt") as path:
        tok.load_userdict(str(path))
    return tok


class JiebaSegmenter:
    """The segmenter's interface over a jieba tokenizer."""

    def __init__(self, tok: "jieba.Tokenizer"):
        self.tok = tok

    def cut(self, text: str) -> Iterator[str]:
        return self.tok.cut(text, HMM=True)

    def freq(self, word: str) -> int:
        return self.tok.FREQ.get(word) or 0


@lru_cache(maxsize=1)
def segmenter() -> Union["DatSegmenter", JiebaSegmenter]:
    """The segmenter (``cut(text)``, ``freq(word)``), made on first use: importing this module
    imports no jieba."""
    from govdoc.text import dat_segment
    from govdoc.text.jieba_cache import cache_dir, dictionary_key, jieba

    if not dat_segment.available():
        return JiebaSegmenter(jieba_tokenizer())
    return dat_segment.dat_segmenter(cache_dir(), dictionary_key(jieba.Tokenizer()), _userdict(), jieba_tokenizer)


def cut(text: str) -> list[str]:
    """Segment with HMM on (new words) – the same call everywhere."""
    return list(segmenter().cut(text))


def cut_for_search(text: str) -> list[str]:
    """jieba's search mode (``Tokenizer.cut_for_search``)."""
    return list(search_words(cut(text)))


def search_words(tokens: Iterable[str]) -> Iterator[str]:
    """jieba's search mode from accurate-mode tokens: ``cut_for_search(t) == list(search_words(cut(t)))``.

    Each token longer than two characters is preceded by its 2-grams, then (longer than three) its
    3-grams, that the dictionary knows (jieba's ``Tokenizer.cut_for_search``, over the same ``FREQ``)."""
    freq = segmenter().freq
    for w in tokens:
        n = len(w)
        if n > 2:
            yield from (g for i in range(n - 1) if freq(g := w[i:i + 2]))
        if n > 3:
            yield from (g for i in range(n - 2) if freq(g := w[i:i + 3]))
        yield w


def cut_with(text: str, known: Mapping[str, Sequence[str]]) -> Iterator[str]:
    """``cut(text)``, each block taken from ``known`` where it is there (``block_tokens``).

    jieba cuts each *block* (a run of its word characters, ``WORD_CHARS``) on its own and yields
    every other character alone (whitespace: ``\\r\\n`` or one character); this follows its
    ``Tokenizer.cut`` step by step, so the tokens of a block depend on the block's text only."""
    from govdoc.text.jieba_cache import cut_blocks

    seg = segmenter()
    return cut_blocks(text, lambda blk: seg.cut(blk) if (toks := known.get(blk)) is None else toks)


def block_tokens(text: str, tokens: Sequence[str]) -> dict[str, list[str]]:
    """block → its tokens, for every block of ``text`` (see ``cut_with``), given ``tokens``, jieba's
    accurate cut of ``text`` (the parse's Doc words): what the index needs to cut any text made
    of the same blocks (titles, measures, metrics, lines) without segmenting it again."""
    from govdoc.text.jieba_cache import WORD_CHARS

    starts = list(accumulate(map(len, tokens), initial=0))  # starts[i]: where token i starts
    first = dict(zip(reversed(starts), range(len(starts) - 1, -1, -1)))  # offset → the first token there
    out: dict[str, list[str]] = {}
    for m in WORD_CHARS.finditer(text):
        a, b = first.get(m.start()), first.get(m.end())
        if a is None or b is None:
            break  # not this text's tokens: keep what was right so far
        out.setdefault(m.group(), list(tokens[a:b]))
    return out
