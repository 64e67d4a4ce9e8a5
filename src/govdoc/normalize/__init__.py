"""Normalization: pages of raw text → one normalized text with page offsets and a match text."""
from govdoc.normalize.normtext import NormText
from govdoc.normalize.pages import normalize

__all__ = ["NormText", "normalize"]
