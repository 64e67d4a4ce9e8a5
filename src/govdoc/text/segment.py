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
from typing import TYPE_CHECKING, Iterable, Iterator

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
