"""jieba's prefix dictionary, built once per dictionary file and kept in the user's cache folder.

``$GOVDOC_CACHE`` or ``$XDG_CACHE_HOME/govdoc`` (default ``~/.cache/govdoc``).  The file name
carries a key of jieba's version and the dictionary's path, size and modification time, so a new
jieba or an edited dictionary builds a new cache.  A cache that cannot be written (read-only home)
costs only the time to build the dictionary each run.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path

import jieba


def cache_dir() -> Path:
    if os.environ.get("GOVDOC_CACHE"):
        return Path(os.environ["GOVDOC_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govdoc"


def cache_path(tok: jieba.Tokenizer) -> Path:
    """Where the prefix dictionary of ``tok``'s dictionary file is cached."""
    path = tok.dictionary or os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
    stat = os.stat(path)
    key = f"{jieba.__version__}|{path}|{stat.st_size}|{stat.st_mtime_ns}"
    return cache_dir() / f"jieba-{hashlib.sha1(key.encode()).hexdigest()[:16]}.marshal"


def load_dictionary(tok: jieba.Tokenizer) -> None:
    """Initialize ``tok``: from the cache when it is there, else built by jieba and cached."""
    path = cache_path(tok)
    try:
        tok.FREQ, tok.total = marshal.loads(path.read_bytes())  # bytes: 3× faster than marshal.load(file)
        tok.initialized = True
        return
    except (OSError, ValueError, EOFError, TypeError):
        pass
    tok.tmp_dir = tempfile.mkdtemp(prefix="govdoc-jieba-")  # jieba's own cache: thrown away below
    try:
        tok.initialize()
    finally:
        for name in os.listdir(tok.tmp_dir):
            os.unlink(os.path.join(tok.tmp_dir, name))
        os.rmdir(tok.tmp_dir)
        tok.tmp_dir = None
    _write(path, marshal.dumps((tok.FREQ, tok.total)))


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".jieba-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        pass
