"""HTML of one comparison: asks beside their evidence, labels coloured.  Every value goes
through ``html.escape``; the page is self-contained (inline CSS, no scripts)."""
from __future__ import annotations

from html import escape

from govdoc.compare.model import Comparison

COLOURS = {"concrete": "#1a7f37", "general": "#9a6700", "explained": "#0969da", "not_addressed": "#cf222e"}
STYLE = """body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}.label{color:#fff;padding:.1em .4em;
border-radius:.3em;font-size:90%}.sig{color:#555;font-size:85%}"""


def page(title: str, body: str) -> str:
    return (f"<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>"
            f"<style>{STYLE}</style></head><body>{body}</body></html>\n")


def label_html(label: str) -> str:
    return f"<span class=\"label\" style=\"background:{COLOURS.get(label, '#666')}\">{escape(label)}</span>"


def _ask_row(i: int, ask) -> str:
    evidence = "".join(f"<p>{escape(e.text)}</p>" for e in ask.evidence) or "<p>—</p>"
    signals = ", ".join(f"{escape(s.kind)}: {escape(s.text)}" for s in ask.signals)
    return (f"<tr><td>{i}</td><td>{escape(ask.text)}</td><td>{label_html(ask.response)}</td>"
            f"<td>{evidence}<p class=\"sig\">{signals}</p></td></tr>")


def comparison_html(c: Comparison) -> str:
    s, r = c.suggestion, c.reply
    head = (f"<h1>{escape(s.title or 'suggestion')}</h1><p>item {escape(s.item or '—')} · proposers "
            f"{escape('、'.join(s.proposers) or '—')}</p><p>reply: {escape(r.title or '—')} · {escape(r.issuer or '—')}"
            f" · {escape(r.doc_number or '—')} · grade {escape(r.grade or '—')}</p>"
            f"<p>coverage {c.coverage:.0%} · link confidence {c.link.confidence:.2f} "
            f"({escape('; '.join(c.link.evidence))})</p>")
    flags = "".join(f"<li>{escape(f)}</li>" for f in c.flags)
    rows = "".join(_ask_row(i, a) for i, a in enumerate(s.asks, 1))
    table = f"<table><tr><th>#</th><th>ask</th><th>response</th><th>evidence and signals</th></tr>{rows}</table>"
    return page(s.title or "comparison", head + (f"<ul>{flags}</ul>" if flags else "") + table)
