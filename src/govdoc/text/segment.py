"""One jieba Tokenizer with our user dictionary, shared by spaCy and both index backends.

Never use the global ``jieba.cut`` state: a query must mean the same thing everywhere.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from importlib import resources

import jieba

jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=1)
def segmenter() -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.initialize()
    with resources.as_file(resources.files("govdoc.data") / "userdict.txt") as path:
        tok.load_userdict(str(path))
    return tok


def cut(text: str) -> list[str]:
    """Segment with HMM on (new words) – the same call everywhere."""
    return list(segmenter().cut(text, HMM=True))


def cut_for_search(text: str) -> list[str]:
    return list(segmenter().cut_for_search(text, HMM=True))
