"""One jieba Tokenizer with our user dictionary, shared by spaCy and both index backends.

Never use the global ``jieba.cut`` state: a query must mean the same thing everywhere.

Start-up: jieba builds its prefix dictionary from ``dict.txt`` (seconds) or loads its own cache
with ``marshal.load`` on a file object (0.55 s here).  We cache it under the user's cache folder
(``jieba_cache.py``), keyed by the dictionary file's identity, and read it word by word from
SQLite until a process has looked up enough words to be worth loading it whole (0.2 s): a search
query costs a few dozen look-ups.  Our user dictionary is small and applied afresh every time, so
editing it needs no invalidation.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, Sequence

if TYPE_CHECKING:
    import jieba


@lru_cache(maxsize=1)
def segmenter() -> "jieba.Tokenizer":
    """The tokenizer, made on first use: importing this module imports no jieba."""
    from govdoc.text.jieba_cache import jieba, load_dictionary

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    load_dictionary(tok)
    with resources.as_file(resources.files("govdoc.data") / "userdict.txt") as path:
        tok.load_userdict(str(path))
    return tok


def cut(text: str) -> list[str]:
    """Segment with HMM on (new words) – the same call everywhere."""
    return list(segmenter().cut(text, HMM=True))


def cut_for_search(text: str) -> list[str]:
    return list(segmenter().cut_for_search(text, HMM=True))


def search_words(tokens: Iterable[str]) -> Iterator[str]:
    """jieba's search mode from accurate-mode tokens: ``cut_for_search(t) == list(search_words(cut(t)))``.

    Each token longer than two characters is preceded by its 2-grams, then (longer than three) its
    3-grams, that the dictionary knows (jieba's ``Tokenizer.cut_for_search``, over the same ``FREQ``)."""
    freq = segmenter().FREQ
    for w in tokens:
        n = len(w)
        if n > 2:
            yield from (g for i in range(n - 1) if freq.get(g := w[i:i + 2]))
        if n > 3:
            yield from (g for i in range(n - 2) if freq.get(g := w[i:i + 3]))
        yield w


def cut_with(text: str, known: Mapping[str, Sequence[str]]) -> Iterator[str]:
    """``cut(text)``, each block taken from ``known`` where it is there (``block_tokens``).

    jieba cuts each *block* (a run of its word characters, ``WORD_CHARS``) on its own and yields
    every other character alone (whitespace: ``\\r\\n`` or one character); this follows its
    ``Tokenizer.cut`` step by step, so the tokens of a block depend on the block's text only."""
    from govdoc.text.jieba_cache import SKIP_CHARS, WORD_CHARS

    seg = segmenter()
    for blk in WORD_CHARS.split(text):
        if not blk:
            continue
        if WORD_CHARS.match(blk):
            toks = known.get(blk)
            yield from (seg.cut(blk, HMM=True) if toks is None else toks)
            continue
        for x in SKIP_CHARS.split(blk):
            if SKIP_CHARS.match(x):
                yield x
            else:
                yield from x


def block_tokens(text: str, tokens: Sequence[str]) -> dict[str, list[str]]:
    """block → its tokens, for every block of ``text`` (see ``cut_with``), given ``tokens``, jieba's
    accurate cut of ``text`` (the parse's Doc words): what the index needs to cut any text made
    of the same blocks (titles, measures, metrics, lines) without segmenting it again."""
    from govdoc.text.jieba_cache import WORD_CHARS

    out: dict[str, list[str]] = {}
    i, pos = 0, 0
    for m in WORD_CHARS.finditer(text):
        while i < len(tokens) and pos < m.start():
            pos += len(tokens[i])
            i += 1
        first = i
        while i < len(tokens) and pos < m.end():
            pos += len(tokens[i])
            i += 1
        if pos != m.end():
            break  # not this text's tokens: keep what was right so far
        out.setdefault(m.group(), list(tokens[first:i]))
    return out
