"""jieba's prefix dictionary, built once per dictionary file and kept in the user's cache folder,
twice: marshalled (all of it, 0.2 s to load) and as a SQLite table (a word at a time).

``$GOVDOC_CACHE`` or ``$XDG_CACHE_HOME/govdoc`` (default ``~/.cache/govdoc``).  The file name
carries a key of jieba's version and the dictionary's path, size and modification time, so a new
jieba or an edited dictionary builds a new cache.  A cache that cannot be written (read-only home)
costs only the time to build the dictionary each run.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Iterator


def import_jieba():
    """``import jieba`` without ``pkg_resources``: jieba imports it only to open its own files, and
    it costs 0.17 s of setuptools' start-up; without it jieba opens them by path.  Blocked for
    this import only (a later ``import pkg_resources`` elsewhere works as usual)."""
    blocked = "pkg_resources" not in sys.modules and "jieba" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # makes ``import pkg_resources`` raise ImportError
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    return jieba


jieba = import_jieba()
# The characters jieba segments together (CJK, ASCII letters and digits, ``+#&._%-``); it yields
# every other character as a token of its own.
WORD_CHARS = jieba.re_han_default
SKIP_CHARS = jieba.re_skip_default  # between blocks: ``\r\n`` or one whitespace character


def cut_blocks(text: str, cut_block: Callable[[str], Iterable[str]]) -> Iterator[str]:
    """jieba's ``Tokenizer.cut`` around its blocks: each run of word characters (``WORD_CHARS``) cut
    by ``cut_block``, every other character yielded alone (whitespace: ``\\r\\n`` or one character)."""
    for blk in WORD_CHARS.split(text):
        if not blk:
            continue
        if WORD_CHARS.match(blk):
            yield from cut_block(blk)
            continue
        for x in SKIP_CHARS.split(blk):
            if SKIP_CHARS.match(x):
                yield x
            else:
                yield from x


def cache_dir() -> Path:
    if os.environ.get("GOVDOC_CACHE"):
        return Path(os.environ["GOVDOC_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govdoc"


def dictionary_key(tok) -> str:
    """What identifies ``tok``'s dictionary file: jieba's version, the file's path, size and time."""
    path = tok.dictionary or os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
    stat = os.stat(path)
    return f"{jieba.__version__}|{path}|{stat.st_size}|{stat.st_mtime_ns}"


def cache_paths(tok) -> tuple[Path, Path]:
    """Where the prefix dictionary of ``tok``'s dictionary file is cached: (marshal, SQLite)."""
    stem = cache_dir() / f"jieba-{hashlib.sha1(dictionary_key(tok).encode()).hexdigest()[:16]}"
    return stem.with_suffix(".marshal"), stem.with_suffix(".sqlite")


def full_freq(tok) -> dict:
    """``tok``'s whole ``FREQ`` as a dict (a :class:`FreqTable` loads it first)."""
    if isinstance(tok.FREQ, FreqTable):
        tok.FREQ.load_all()
    return tok.FREQ


def load_dictionary(tok) -> None:
    """Initialize ``tok``: the dictionary read word by word from the SQLite cache (``FreqTable``),
    else built by jieba, used in memory and cached both ways."""
    marshalled, table = cache_paths(tok)
    if table.exists() and marshalled.exists():
        try:
            tok.FREQ = FreqTable(table, marshalled, tok)
            tok.total = tok.FREQ.total
            tok.initialized = True
            return
        except sqlite3.Error:
            pass
    tok.tmp_dir = tempfile.mkdtemp(prefix="govdoc-jieba-")  # jieba's own cache: thrown away below
    try:
        tok.initialize()
    finally:
        for name in os.listdir(tok.tmp_dir):
            os.unlink(os.path.join(tok.tmp_dir, name))
        os.rmdir(tok.tmp_dir)
        tok.tmp_dir = None
    write_cache_file(marshalled, lambda tmp: tmp.write_bytes(marshal.dumps((tok.FREQ, tok.total))))
    write_cache_file(table, lambda tmp: _write_table(tmp, tok.FREQ, tok.total))


class FreqTable:
    """jieba's ``FREQ`` (word or word prefix → count) read from SQLite a word at a time, for a
    process that segments a little (a search query: a few dozen look-ups, no 0.2 s load).  After
    ``LOOKUPS`` look-ups the process is segmenting in bulk: the whole dictionary is loaded from
    the marshal cache and put in the tokenizer's place (``tok.FREQ``), with the words added since
    (the user dictionary).  Same counts either way, so the same tokens."""

    LOOKUPS = 5_000  # a query takes dozens; a letter thousands (about 15 µs each: 0.08 s, then 0.2 s to load)

    def __init__(self, table: Path, marshalled: Path, tok):
        self._db = sqlite3.connect(f"file:{table}?mode=ro", uri=True, check_same_thread=False)
        self.total = self._db.execute("SELECT n FROM total").fetchone()[0]
        self._marshalled, self._tok, self._added, self._lookups = marshalled, tok, {}, 0

    def get(self, word: str, default=None):
        if word in self._added:
            return self._added[word]
        self._lookups += 1
        if self._lookups > self.LOOKUPS and self._tok.FREQ is self:
            self.load_all()
        row = self._db.execute("SELECT n FROM freq WHERE w = ?", (word,)).fetchone()
        return default if row is None else row[0]

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        n = self.get(word)
        if n is None:
            raise KeyError(word)
        return n

    def __setitem__(self, word: str, n: int) -> None:
        self._added[word] = n

    def load_all(self) -> None:
        freq, _total = marshal.loads(self._marshalled.read_bytes())  # bytes: 3× faster than marshal.load(file)
        freq.update(self._added)
        self._tok.FREQ = freq


def _write_table(path: Path, freq: dict, total: int) -> None:
    db = sqlite3.connect(path)
    with db:
        db.execute("CREATE TABLE freq (w TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
        db.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
        db.execute("CREATE TABLE total (n INTEGER NOT NULL)")
        db.execute("INSERT INTO total VALUES (?)", (total,))
    db.close()


def write_cache_file(path: Path, write) -> None:
    """``write(tmp)`` a file beside ``path``, then move it there (nothing half-written is ever read)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".jieba-")
        os.close(fd)
        os.unlink(tmp)
        write(Path(tmp))
        os.replace(tmp, path)
    except (OSError, sqlite3.Error):
        pass
