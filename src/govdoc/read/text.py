"""Plain text: detect the encoding (UTF-8 with or without BOM, GB18030/GBK, Big5, UTF-16),
unify line endings, split pages on form feeds."""
from __future__ import annotations

import re
from pathlib import Path

from govdoc.errors import BadInput
from govdoc.read.base import Page, ReadResult, register, sha256
from govdoc.read.encoding import decode_bytes

# One character class first, so that the regex engine skips ahead to it (an alternation that
# starts with ``\r\n?`` is tried at every position).
NEWLINES = re.compile(r"[\r\u2028\u2029\x85\x0b](?:(?<=\r)\n)?")


def split_pages(text: str) -> list[Page]:
    """One page per form-feed-separated part; line endings unified to ``\\n``."""
    text = NEWLINES.sub("\n", text)
    return [Page(i + 1, part) for i, part in enumerate(text.split("\f"))]


@register("text")
def read_text(path: Path, data: bytes, **_options) -> ReadResult:
    decoded = decode_bytes(data)
    if decoded.text.count("\ufffd") > max(10, len(decoded.text) // 20):
        raise BadInput(path, "cannot detect the text encoding (binary data?)")
    warnings = [f"text encoding uncertain ({decoded.encoding}); some bytes were replaced"] if decoded.replaced else []
    return ReadResult(str(path), sha256(data), "text", split_pages(decoded.text),
                      warnings=warnings, encoding=decoded.encoding)
