"""签发人: the leaders who signed the letter off – only names labelled 签发人 / 签发 / 领导签发 / 签发领导.

Joint letters list several (``签发人：张三  李四`` or ``张三、李四``).  分管领导, 承办人,
承办负责人, 经办人 and an empty ``领导签字:`` are not signatories.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language

from govdoc.nlp.extensions import DocFields
from govdoc.extract.letter_layout import has_placeholder, organs
from govdoc.extract.output import build
from govdoc.model import Name
from govdoc.normalize import NormText

_SP = r"[ \t]*"
# The label must start a line or follow a space or punctuation (…4号  签发人：李光亚), and
# the colon is required so that prose (…送局领导签发。) never matches:
#     (?:^|(?<=[\s|,，;；]))(?:领导{_SP})?签{_SP}发{_SP}(?:人|领导)?{_SP}[:：]{_SP}(?P<value>[^\n]*)  (re.M)
# That label read from its 签 (a literal the regex engine skips ahead to), and what must
# stand before it: a line start, a space or punctuation (before 签, or before 领导 and spacing).
_FROM_SIGN_RE = re.compile(rf"签{_SP}发{_SP}(?:人|领导)?{_SP}[:：]{_SP}(?P<value>[^\n]*)")
_BOUNDARY_RE = re.compile(r"[\s|,，;；]")
# A person's name: 2–4 CJK chars (a middle dot for minority names), which captures may space
# out (李  颖).
NAME_RE = re.compile(r"[\u4e00-\u9fff](?:[ \t]{0,3}[\u4e00-\u9fff·]){1,7}")
# Where the value stops: the next label (联系人：…) or a bracketed note.
STOP_RE = re.compile(r"[ \t]*[\u4e00-\u9fff]{1,6}[ \t]*[:：]|[(（]")
SEPARATORS = re.compile(r"[、,，;；/]")
_NONSPACE_RE = re.compile(r"\S+")
NOT_NAMES = ("同志", "领导", "签字", "签名", "盖章", "日期")
# A joint letter's second signer set on the next line under the first (the layout's alignment is
# lost in text; a blank line may stand between): a line holding only one or two names.
_SHORT_NAME = r"(?:[\u4e00-\u9fff](?:[ \t]{0,3}[\u4e00-\u9fff]){1,3}|[\u4e00-\u9fff]{1,5}·[\u4e00-\u9fff]{1,6})"
NEXT_LINE_RE = re.compile(rf"\n(?:[ \t]*\n)?[ \t]*(?P<value>{_SHORT_NAME}(?:[ \t]{{2,}}[\u4e00-\u9fff]{{2,4}})?)[ \t]*(?=\n|$)")
# Short lines that are headings, not names (答复, 复函 …).
NOT_NAME_WORDS = re.compile(r"答|复|函|文件|意见|通知|建议|提案|议案|类|号|附件|关于")


@dataclass
class Candidate:
    start: int
    end: int
    score: float


def _split_spaced(chunk: str, base: int) -> list[tuple[int, int]]:
    """A run separated by spaces: single characters belong to one spaced-out name (李  颖);
    pieces of two or more characters are names of their own (张三  李四)."""
    pieces = [(m.start(), m.end()) for m in _NONSPACE_RE.finditer(chunk)]
    if all(e - s >= 2 for s, e in pieces):
        return [(base + s, base + e) for s, e in pieces]
    return [(base + pieces[0][0], base + pieces[-1][1])] if pieces else []


def _names_in(match: str, base: int, value: str, score: float) -> list[Candidate]:
    out = []
    pos = 0
    for chunk in SEPARATORS.split(value):
        for s, e in _split_spaced(chunk, base + pos):
            name = match[s:e]
            if NAME_RE.fullmatch(name) and not any(w in name for w in NOT_NAMES):
                out.append(Candidate(s, e, score))
        pos += len(chunk) + 1
    return out


def _at_boundary(text: str, pos: int) -> bool:
    return pos == 0 or _BOUNDARY_RE.match(text, pos - 1) is not None


def _labels(text: str):
    """The matches of the label pattern above in ``text`` (as ``_FROM_SIGN_RE`` matches, whose
    ``value`` and end are the same), found from each 签 instead of trying the pattern, with its
    look-behind, at every offset."""
    last_end = 0
    sign = text.find("签")
    while sign >= 0:
        if sign >= last_end:
            lead = sign  # where 领导 and spacing before 签 would start
            while lead > 0 and text[lead - 1] in " \t":
                lead -= 1
            lead = lead - 2 if text.startswith("领导", lead - 2) and lead >= 2 else -1
            if _at_boundary(text, sign) or (lead >= 0 and _at_boundary(text, lead)):
                m = _FROM_SIGN_RE.match(text, sign)
                if m:
                    last_end = m.end()
                    yield m
        sign = text.find("签", sign + 1)


def find_signatories(norm: NormText) -> list[Candidate]:
    out = []
    if "签" not in norm.match:
        return out
    for m in _labels(norm.match):
        value = m.group("value")
        stop = STOP_RE.search(value)
        value = value[: stop.start()] if stop else value
        found = _names_in(norm.match, m.start("value"), value, 0.9)
        out += found
        nxt = NEXT_LINE_RE.match(norm.match, m.end()) if found and not stop else None
        if nxt and not NOT_NAME_WORDS.search(nxt.group("value")) and not nxt.group("value").endswith(organs().endings):
            out += _names_in(norm.match, nxt.start("value"), nxt.group("value"), 0.8)
    return out


@Language.component("govdoc_signatories", requires=["doc._.analysis"], assigns=["doc._.signatories"])
def signatories_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    seen = set()
    for c in find_signatories(norm):
        name = norm.slice(c.start, c.end)
        if name not in seen and not has_placeholder(name):
            seen.add(name)
            ext.signatories.append(build(Name, name=name, span=norm.span_dict(c.start, c.end),
                                        confidence=round(c.score * norm.confidence_at(c.start), 3)))
    return doc
