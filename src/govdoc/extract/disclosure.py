"""公开属性: 主动公开 / 依申请公开 / 不予公开, when the document states it.

Read from a labelled field (``公开属性：主动公开``, ``公开方式 主动公开``) or from the mark a letter
carries at its foot (``（此件主动公开）``, ``此件不予公开``).  Yes/no questions such as
``是否同意公开:是`` are not a disclosure class.
"""
from __future__ import annotations

import re

from spacy.language import Language

from govdoc.nlp.extensions import DocFields
from govdoc.extract.output import build
from govdoc.model import Text
from govdoc.normalize import NormText
from govdoc.extract.scan import finditer_alternatives

_SP = r"[ \t]*"
VALUE = r"(?P<value>主动公开|依申请公开|不予公开|免予公开|部分公开|不公开)"
MARK_RE = re.compile(rf"此件{_SP}{VALUE}")
# (?:公开属性|公开方式|公开类型|公开形式|公开选项|信息公开选项|公开类别){_SP}[:：]?{_SP}{VALUE}
# as one pattern per first character of the label (公开…, 信息公开…), each searched on
# its own (``finditer_alternatives``) so that the regex engine skips ahead to its literal.
_LABELLED_SPLIT = (re.compile(rf"公开(?:属性|方式|类型|形式|选项|类别){_SP}[:：]?{_SP}{VALUE}"),
                   re.compile(rf"信息公开选项{_SP}[:：]?{_SP}{VALUE}"))


def find_disclosure(norm: NormText) -> list[tuple[int, int, float]]:
    """``(start, end, score)`` of every stated disclosure class, labelled ones first."""
    out = [(m.start("value"), m.end("value"), 0.9) for m in finditer_alternatives(_LABELLED_SPLIT, norm.match)]
    out += [(m.start("value"), m.end("value"), 0.8) for m in MARK_RE.finditer(norm.match)]
    return out


@Language.component("govdoc_disclosure", requires=["doc._.analysis"], assigns=["doc._.disclosure"])
def disclosure_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    found = find_disclosure(norm)
    if found:
        start, end, score = found[0]
        ext.disclosure = build(Text, text=norm.slice(start, end), span=norm.span_dict(start, end),
                              confidence=round(score * norm.confidence_at(start), 3))
    return doc
