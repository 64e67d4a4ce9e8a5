"""签发人: the leaders who signed the letter off – only names labelled 签发人 / 签发 / 领导签发.

Joint letters list several (``签发人：张三  李四`` or ``张三、李四``).  分管领导, 承办人,
承办负责人, 经办人 and an empty ``领导签字:`` are not signatories.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language

from govdoc.extract.letter_layout import has_placeholder
from govdoc.model import Name
from govdoc.normalize import NormText

_SP = r"[ \t]*"
# The label must start a line or follow a space or punctuation (…4号  签发人：李光亚), and
# the colon is required so that prose (…送局领导签发。) never matches.
LABEL_RE = re.compile(rf"(?:^|(?<=[\s|,，;；]))(?:领导{_SP})?签{_SP}发{_SP}人?{_SP}[:：]{_SP}(?P<value>[^\n]*)", re.M)
# A person's name: 2–4 CJK chars (a middle dot for minority names), which captures may space
# out (李  颖).
NAME_RE = re.compile(r"[\u4e00-\u9fff](?:[ \t]{0,3}[\u4e00-\u9fff·]){1,7}")
# Where the value stops: the next label (联系人：…) or a bracketed note.
STOP_RE = re.compile(r"[ \t]*[\u4e00-\u9fff]{1,6}[ \t]*[:：]|[(（]")
SEPARATORS = re.compile(r"[、,，;；/]")
NOT_NAMES = ("同志", "领导", "签字", "签名", "盖章", "日期")


@dataclass
class Candidate:
    start: int
    end: int
    score: float


def _split_spaced(chunk: str, base: int) -> list[tuple[int, int]]:
    """A run separated by spaces: single characters belong to one spaced-out name (李  颖);
    pieces of two or more characters are names of their own (张三  李四)."""
    pieces = [(m.start(), m.end()) for m in re.finditer(r"\S+", chunk)]
    if all(e - s >= 2 for s, e in pieces):
        return [(base + s, base + e) for s, e in pieces]
    return [(base + pieces[0][0], base + pieces[-1][1])] if pieces else []


def find_signatories(norm: NormText) -> list[Candidate]:
    out = []
    if "签" not in norm.match:
        return out
    for m in LABEL_RE.finditer(norm.match):
        value = m.group("value")
        stop = STOP_RE.search(value)
        value = value[: stop.start()] if stop else value
        base = m.start("value")
        pos = 0
        for chunk in SEPARATORS.split(value):
            for s, e in _split_spaced(chunk, base + pos):
                name = norm.match[s:e]
                if NAME_RE.fullmatch(name) and not any(w in name for w in NOT_NAMES):
                    out.append(Candidate(s, e, 0.9))
            pos += len(chunk) + 1
    return out


@Language.component("govdoc_signatories", requires=["doc._.norm"], assigns=["doc._.signatories"])
def signatories_component(doc):
    norm = doc._.norm
    seen = set()
    for c in find_signatories(norm):
        name = norm.slice(c.start, c.end)
        if name not in seen and not has_placeholder(name):
            seen.add(name)
            doc._.signatories.append(Name(name=name, span=norm.span(c.start, c.end),
                                          confidence=round(c.score * norm.confidence_at(c.start), 3)))
    return doc
