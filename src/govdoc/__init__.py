"""govdoc: Chinese official reply letters → validated, structured JSON, indexed for search.

Flow (one package per step): read → normalize → nlp → extract → model → index → search → cli.
"""
__version__ = "0.1.0"
