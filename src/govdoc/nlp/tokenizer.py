"""A spaCy tokenizer over our jieba segmenter: ``doc.text`` equals the input exactly."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from govdoc.nlp.segment import segmenter


class _Orths(dict):
    """word → its hash in the vocab's string store, added on first sight.  Building the Doc from
    these ids skips spaCy's per-word string hashing (about half the Doc construction time)."""

    def __init__(self, vocab: Vocab):
        super().__init__()
        self.add = vocab.strings.add

    def __missing__(self, word: str) -> int:
        orth = self[word] = self.add(word)
        return orth


class JiebaTokenizer:
    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._orths = _Orths(vocab)

    def __call__(self, text: str) -> Doc:
        # ``map`` over the dict's own lookup (``__missing__`` adds a new word): no Python loop
        # around jieba's generator.
        ids = list(map(self._orths.__getitem__, segmenter().cut(text)))
        return Doc(self.vocab, words=ids, spaces=[False] * len(ids))  # no words: the empty Doc

    # spaCy serialization hooks: the segmenter has no state of its own to save.
    def to_bytes(self, **_):
        return b""

    def from_bytes(self, _data, **_):
        return self

    def to_disk(self, _path, **_):
        return None

    def from_disk(self, _path, **_):
        return self
