"""jieba's dictionary from the user cache: built once, read word by word, then whole; same tokens."""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import pytest

from govdoc.text import jieba_cache
from govdoc.text.jieba_cache import FreqTable, cache_paths, jieba, load_dictionary
from govdoc.text.segment import segmenter

CORPUS = sorted((Path(__file__).resolve().parents[1] / "corpora").glob("*/*.txt"))


def _tokenizer():
    tok = jieba.Tokenizer()
    load_dictionary(tok)
    with resources.as_file(resources.files("govdoc.data") / "userdict.txt") as path:
        tok.load_userdict(str(path))
    return tok


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVDOC_CACHE", str(tmp_path))
    return tmp_path


def test_jieba_cache_built_once_then_read_word_by_word(cache):
    first = _tokenizer()
    assert isinstance(first.FREQ, dict) and all(p.exists() for p in cache_paths(first))
    second = _tokenizer()
    assert isinstance(second.FREQ, FreqTable) and second.total == first.total
    text = CORPUS[0].read_text(encoding="utf-8")[:2000]
    assert list(second.cut(text)) == list(first.cut(text)) == list(segmenter().cut(text))


def test_jieba_cache_loads_whole_after_many_lookups(cache, monkeypatch):
    _tokenizer()
    monkeypatch.setattr(FreqTable, "LOOKUPS", 50)
    tok = _tokenizer()
    text = "".join(p.read_text(encoding="utf-8") for p in CORPUS[:3])
    assert list(tok.cut(text)) == list(segmenter().cut(text))
    assert isinstance(tok.FREQ, dict) and tok.FREQ["一窗受理"] == 20  # the user dictionary kept


def test_jieba_cache_key_follows_the_dictionary_file(cache, tmp_path):
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("农网 5 n\n", encoding="utf-8")
    tok = jieba.Tokenizer(str(dictionary))
    before = cache_paths(tok)
    dictionary.write_text("农网 5 n\n改造 3 v\n", encoding="utf-8")
    os.utime(dictionary, ns=(0, 10**18))
    assert cache_paths(tok) != before


def test_jieba_cache_unwritable_folder_still_segments(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setattr(jieba_cache, "cache_dir", lambda: blocker / "govdoc")  # cannot be made
    tok = _tokenizer()
    assert list(tok.cut("一窗受理")) == ["一窗受理"]
