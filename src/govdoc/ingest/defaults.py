"""Ingest's default limits, apart from the machinery so that the command line can show them
without importing it.

A file may take DEFAULT_TIMEOUT s plus DEFAULT_PER_PAGE s a page before its worker is killed:
a born-digital letter parses in about a second; OCR takes ~3 CPU-s a page here, so 30 s a
page leaves room for a loaded machine without letting a stuck file hold a worker for long.
"""
DEFAULT_TIMEOUT = 120.0
DEFAULT_PER_PAGE = 30.0
DEFAULT_MAX_PAGES = 500
