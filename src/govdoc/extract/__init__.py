"""Extraction stages, one module per field.  Each module has a pure ``find_*`` function of the
letter's :class:`~govdoc.extract.analysis.Analysis` (the normalized text plus the values several
stages share, computed once per letter) that returns candidates with offsets (what tests call),
and a thin spaCy component that reads ``doc._.analysis``, picks one and writes it to
``doc._.<field>``.  Rules that are knowledge (cues, units, words, grade labels) are data under
``govdoc/data/rules/``."""
