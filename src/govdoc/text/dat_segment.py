"""jieba's accurate cut (HMM on), token for token, with its two costly steps done in C++.

jieba cuts a block of word characters in three steps: the DAG of every dictionary word in it
(``get_DAG``), the most probable route through the DAG (``calc``), then a walk of the route that
sends runs of single characters the dictionary does not know to its HMM (``finalseg``).  The
first two are three quarters of its time; ``jieba_fast_dat`` (MIT, C++ over a double-array trie)
does exactly those two in one call (``_get_DAG_and_calc``).  Everything else — the block split,
the walk, the HMM, and the dictionary itself with our user words and their frequencies — stays
jieba's, so the tokens are jieba's (tested on every corpus letter and on random texts); the cut
costs about a third of jieba's CPU (``scripts/bench_parse.py`` prints both).

The trie holds every word of a jieba ``Tokenizer``'s ``FREQ`` with its count and is built once
per dictionary (jieba's file and our user dictionary) into the user's cache folder, then opened
in milliseconds (jieba's own dictionary takes 0.2 s to load).  ``jieba_fast_dat`` is pinned:
:class:`DatSegmenter` calls two functions of its extension module that are not its public API.
"""
from __future__ import annotations

import hashlib
import importlib.util
from functools import lru_cache
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Callable, Iterator, Optional

from govdoc.text.jieba_cache import cut_blocks, full_freq, jieba, write_cache_file

EXTENSION = "_jieba_fast_dat_functions_py3"


@lru_cache(maxsize=1)
def extension():
    """``jieba_fast_dat``'s C++ module, loaded from its file on its own (the package's
    ``__init__`` loads a tokenizer and HMM model we do not use: 70 ms against 3), or None where
    the package is not installed (then segment.py cuts with jieba itself: the same tokens)."""
    spec = importlib.util.find_spec("jieba_fast_dat")
    folders = list(spec.submodule_search_locations or []) if spec else []
    files = [f for d in folders for f in Path(d).glob(f"{EXTENSION}*") if f.suffix in EXTENSION_SUFFIXES]
    if not files:
        return None
    found = importlib.util.spec_from_file_location(EXTENSION, files[0])
    module = importlib.util.module_from_spec(found)
    found.loader.exec_module(module)
    return module


def available() -> bool:
    return extension() is not None


class DatSegmenter:
    """``cut(text)`` equal to ``jieba.Tokenizer.cut(text, HMM=True)`` of the tokenizer the trie was
    built from; ``freq(word)`` its ``FREQ.get(word, 0)``."""

    def __init__(self, dat, total: int):
        self._dat, self._total = dat, float(total)
        self._route = extension()._get_DAG_and_calc
        self._freq = extension()._get_freq
        self._hmm: Callable[[str], Iterator[str]] = jieba.finalseg.cut

    def freq(self, word: str) -> int:
        return self._freq(self._dat, word) if word else 0

    def cut(self, text: str) -> Iterator[str]:
        return cut_blocks(text, self._cut_block)

    def _cut_block(self, block: str) -> Iterator[str]:
        """jieba's ``Tokenizer.__cut_DAG``: ``route[x]`` is where the best word from ``x`` ends."""
        route: list[int] = []
        self._route(self._dat, block, route, self._total)
        x, buf, n = 0, "", len(block)
        while x < n:
            y = route[x] + 1
            if y - x == 1:
                buf += block[x]
            else:
                if buf:
                    yield from self._unknown(buf)
                    buf = ""
                yield block[x:y]
            x = y
        if buf:
            yield from self._unknown(buf)

    def _unknown(self, buf: str) -> Iterator[str]:
        """A run of characters the route took one by one: the HMM's words unless it is a word."""
        if len(buf) == 1:
            yield buf
        elif not self._freq(self._dat, buf):
            yield from self._hmm(buf)
        else:
            yield from buf


def dat_path(cache_dir: Path, dictionary_key: str, userdict: bytes) -> Path:
    """Where the trie of one dictionary + user dictionary is cached (``.dat``, and ``.total``)."""
    from importlib.metadata import version

    key = f"{dictionary_key}|{hashlib.sha1(userdict).hexdigest()}|{version('jieba-fast-dat')}"
    return cache_dir / f"jieba-dat-{hashlib.sha1(key.encode()).hexdigest()[:16]}.dat"


def open_dat(path: Path) -> Optional[DatSegmenter]:
    """The cached trie, or None when it is missing or unreadable (then it is built again)."""
    total_file = path.with_suffix(".total")
    try:
        total = int(total_file.read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None
    dat = extension().DatTrie()
    if not path.exists() or dat.load_all(str(path)) < 0 or not dat.num_keys():
        return None
    return DatSegmenter(dat, total)


def build_dat(tok, path: Optional[Path] = None) -> DatSegmenter:
    """The trie of ``tok``'s dictionary (user words included), saved to ``path`` when given (the
    total first, then the trie: a trie on disk always has its total)."""
    dat = extension().DatTrie()
    for word, count in full_freq(tok).items():
        if count:
            dat.add_word(word, count, "")
    if path is not None:
        write_cache_file(path.with_suffix(".total"), lambda tmp: tmp.write_text(str(tok.total), encoding="ascii"))
        write_cache_file(path, lambda tmp: _save(dat, tmp))
    return DatSegmenter(dat, tok.total)


def _save(dat, tmp: Path) -> None:
    if dat.save_all(str(tmp)) < 0:
        raise OSError(f"cannot write {tmp}")


def dat_segmenter(cache_dir: Path, dictionary_key: str, userdict: bytes,
                  tokenizer: Callable[[], object]) -> DatSegmenter:
    """The cached trie, else one built from ``tokenizer()`` (jieba's, with the user dictionary)."""
    path = dat_path(cache_dir, dictionary_key, userdict)
    return open_dat(path) or build_dat(tokenizer(), path)  # an unwritable cache: built each time
