"""抄送 / 抄报: the organs that receive copies – ``抄送：市人大选工委、市政府督查室`` → two entries.

The list is split on 、 , ，（not inside brackets), kept verbatim and in order; a final full stop is
dropped; a line that ends in a separator continues on the next line; a 抄报 line and the 抄送 line
under it make one list.  When the separators were lost
the run stays one verbatim entry.
"""
from __future__ import annotations

import re

from spacy.language import Language

from govdoc.nlp.extensions import DocFields
from govdoc.extract.letter_layout import has_placeholder
from govdoc.extract.output import build
from govdoc.model import Name
from govdoc.normalize import NormText
from govdoc.extract.scan import find_all, line_matches

CC_RE = re.compile(r"^[ \t]*抄[ \t]*[送报](?:单位|机关)?[ \t]*[:：][ \t]*(?P<value>[^\n]*)", re.M)
SEPARATORS = "、,，"
OPEN, CLOSE = "(（[【〔《", ")）]】〕》"
_CONTINUATION = re.compile(r"\n[ \t]*(?P<more>[^\n:：]+)")
_NEXT_LINE_RE = re.compile(r"\n[ \t]*(?P<more>[^\n:：。]{2,60})[ \t]*(?:\n|$)")
_TRIM = " \t\u3000。."


def _value_end(text: str, start: int, end: int) -> int:
    """Extend a list that ends in a separator over the following lines."""
    while text[start:end].rstrip(" \t").endswith(tuple(SEPARATORS)):
        m = _CONTINUATION.match(text, end)
        if not m:
            break
        end = m.end()
    return end


def split_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the entries of ``text[start:end]``, split on separators outside brackets."""
    spans, depth, piece = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif ch in SEPARATORS and depth == 0:
            spans.append((piece, i))
            piece = i + 1
    spans.append((piece, end))
    out = []
    for s, e in spans:
        while s < e and (text[s] in _TRIM or text[s] == "\n"):
            s += 1
        while e > s and (text[e - 1] in _TRIM or text[e - 1] == "\n"):
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def find_cc(norm: NormText) -> list[tuple[int, int]]:
    """Entry spans of the first non-empty 抄送/抄报 list, and of the lists right under it
    (``抄报：…`` then ``抄送：…``), in order; a template's placeholders (``XXXX``) are no entries."""
    text = norm.match
    out: list[tuple[int, int]] = []
    last_end = -1
    for m in line_matches(CC_RE, text, find_all(text, "抄")):  # the lines holding 抄
        if out and text[last_end:m.start()].strip():
            break  # not the next line of the same block
        start, end = m.start("value"), m.end("value")
        if not text[start:end].strip():  # the list starts on the next line
            nxt = _NEXT_LINE_RE.match(text, end)
            if not nxt:
                continue
            start, end = nxt.start("more"), nxt.end("more")
        end = _value_end(text, start, end)
        out += [(s, e) for s, e in split_list(text, start, end) if not has_placeholder(text[s:e])]  # a template's XXXX
        last_end = end
    return out


@Language.component("govdoc_cc", requires=["doc._.analysis"], assigns=["doc._.cc"])
def cc_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    ext.cc = [build(Name, name=norm.slice(s, e), span=norm.span_dict(s, e), confidence=0.9 * norm.confidence_at(s))
              for s, e in find_cc(norm)]
    return doc
