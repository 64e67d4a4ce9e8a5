"""Compare a reply letter with the suggestion it answers: asks, links, per-ask responses, reports.

Reads parsed letters (``govdoc.build``); nothing below this package imports it.
"""
