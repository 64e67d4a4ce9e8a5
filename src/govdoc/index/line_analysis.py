"""A letter's index analysis from the tokens its parse made: no second segmentation.

The index analyzes text line by line (``analysis.analyze``): jieba's search-mode words of the
folded line, and its bigrams.  The parse has already cut the whole normalized text with the same
segmenter in accurate mode (the spaCy Doc's tokens), and that cut holds each line's cut:

- jieba segments runs of its word characters (``jieba.re_han_default``: CJK, ASCII letters and
  digits, ``+#&._%-``) and yields every other character alone, so no token spans a line break
  and the tokens of the whole text are the lines' tokens one after another;
- folding (simplified, half-width, lower case) keeps the length; where it changes no word
  character and makes none, jieba cuts the folded line at the same places, so the folded tokens
  are the folded text at the raw tokens' offsets;
- search mode is accurate mode plus the in-dictionary 2- and 3-grams of each token
  (``text.segment.search_words``).

Lines where folding changes a word character (traditional letters, full-width digits, capitals)
or where pinyin is stripped are left out: the index segments them itself, as before.
``tests/test_index_line_analysis.py`` checks the result equals ``analyze``'s on every corpus letter.
"""
from __future__ import annotations

from govdoc.index.analysis import PINYIN_INSERT_RE, bigrams, runs
from govdoc.text.jieba_cache import WORD_CHARS
from govdoc.text.segment import search_words
from govdoc.text.zh import fold


def same_cut(raw: str, folded: str) -> bool:
    """Does jieba cut ``folded`` where it cuts ``raw``?  True when every character that folding
    changed is outside jieba's word characters, before and after."""
    if raw == folded:
        return True
    return not any(WORD_CHARS.match(a) or WORD_CHARS.match(b) for a, b in zip(raw, folded) if a != b)


def line_analyses(text: str, tokens: list[str]) -> dict[str, tuple[str, str]]:
    """line → ``(words, bigrams)``, as ``analysis.analyze`` makes them, for the lines of ``text``
    that ``tokens`` (jieba's accurate cut of ``text``) can serve; the others are left out."""
    out: dict[str, tuple[str, str]] = {}
    it = iter(tokens)
    for line in text.splitlines(keepends=True):
        line_tokens, n = [], 0
        while n < len(line):
            tok = next(it, None)
            if tok is None:
                return out  # not this text's tokens: what was derived so far is right
            line_tokens.append(tok)
            n += len(tok)
        if n != len(line):
            return out
        content = line.splitlines()[0] if line.strip() else ""
        if content and content not in out and not PINYIN_INSERT_RE.search(content):
            analysis = _line(content, line_tokens)
            if analysis is not None:
                out[content] = analysis
    return out


def _line(content: str, tokens: list[str]):
    folded = fold(content)
    if not same_cut(content, folded):
        return None
    folded_tokens, pos = [], 0
    for tok in tokens:
        if pos >= len(content):
            break
        folded_tokens.append(folded[pos:pos + len(tok)])
        pos += len(tok)
    words = [r for tok in search_words(folded_tokens) for r in runs(tok)]
    return " ".join(words), " ".join(bigrams(folded))
