"""The spaCy frame: a blank ``zh`` Language with our jieba segmenter and the extraction stages."""
