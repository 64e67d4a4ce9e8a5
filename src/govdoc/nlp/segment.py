"""The one jieba segmenter, for the pipeline and the index: it lives in ``govdoc.text.segment``
(a leaf layer, so that normalization can use it too); re-exported here for its callers."""
from govdoc.text.segment import block_tokens, cut, cut_for_search, cut_with, search_words, segmenter

__all__ = ["block_tokens", "cut", "cut_for_search", "cut_with", "search_words", "segmenter"]
