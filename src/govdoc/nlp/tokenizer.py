"""A spaCy tokenizer over our jieba segmenter: ``doc.text`` equals the input exactly."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from govdoc.nlp.segment import cut


class JiebaTokenizer:
    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words = cut(text) or [text]
        return Doc(self.vocab, words=words, spaces=[False] * len(words))

    # spaCy serialization hooks: the segmenter has no state of its own to save.
    def to_bytes(self, **_):
        return b""

    def from_bytes(self, _data, **_):
        return self

    def to_disk(self, _path, **_):
        return None

    def from_disk(self, _path, **_):
        return self
