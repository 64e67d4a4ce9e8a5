"""The one jieba segmenter, for the pipeline and the index: it lives in ``govdoc.text.segment``
(a leaf layer, so that normalization can use it too); re-exported here for its callers."""
from govdoc.text.segment import cut, cut_for_search, segmenter

__all__ = ["cut", "cut_for_search", "segmenter"]
