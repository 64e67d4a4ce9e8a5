"""Extraction stages, one module per field.  Each module has a pure ``find_*`` function over a
:class:`~govdoc.normalize.NormText` that returns candidates with offsets (what tests call), and a
thin spaCy component that picks one and writes it to ``doc._.<field>``."""
