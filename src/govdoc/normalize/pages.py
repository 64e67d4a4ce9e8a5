"""Join pages into one text: line endings, page-number lines, broken lines."""
from __future__ import annotations

import re

from govdoc.normalize.normtext import NormText
from govdoc.read.base import Page

# Page numbers and running footers on a line of their own: — 3 —, -3-, 第3页, 3/12.
PAGE_NUMBER_LINE = re.compile(r"^[ \t]*(?:[—\-－–]+[ \t]*\d+[ \t]*[—\-－–]+|第[ \t]*\d+[ \t]*页(?:[ \t]*共[ \t]*\d+[ \t]*页)?|\d+[ \t]*/[ \t]*\d+)[ \t]*$", re.M)


def normalize(pages: list[Page]) -> NormText:
    parts, starts, numbers, conf = [], [], [], []
    offset = 0
    for page in pages:
        text = page.text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
        text = PAGE_NUMBER_LINE.sub("", text)
        if parts:
            parts.append("\n")
            offset += 1
        starts.append(offset)
        numbers.append(page.number)
        conf.append(page.confidence)
        parts.append(text)
        offset += len(text)
    return NormText("".join(parts), starts or [0], numbers or [1], conf or [None])
