"""提出人: the deputies, members or groups who put the item forward.

From the salutation first: ``黄莉新等25位委员`` → 黄莉新 (委员); ``胡敏、仇艳辉、瞿钟娜委员`` → three;
``张叶委员、王亚军委员`` → two; a group (``雨露乡委员小组``, a party branch) is one entry.  When the
letter is addressed to organs (a co-handling opinion, a notice) or has no salutation, the names come
from third-person text (``薄韫代表提出的``, ``人大代表苗方杰提出``) or a form field (``代表姓名 | 王福余``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language

from govdoc.extract.addressee import GROUP_ENDINGS, PERSON_ROLES, SEARCH, addressee_from_doc, best_addressee
from govdoc.model import Proposer
from govdoc.normalize import NormText

_HAN = r"[\u4e00-\u9fff]"
_NAME_CHAR = r"(?:(?![等的和及])[\u4e00-\u9fff])"
_COUNT = r"(?:等?(?:\d+|[一二两三四五六七八九十]+)[位名]|等)"
# Separators between names in a salutation.
SEPARATOR_RE = re.compile(r"[、,，]|和|及")
# The tail after a name: 等25位委员 · 二位代表 · 委员 · 政协绿春县委员.
TAIL_RE = re.compile(rf"(?:{_COUNT})?[ \t]*(?:{'|'.join(PERSON_ROLES)})?[ \t]*$")
AFFILIATION_RE = re.compile(r"(?:政协|人大|[\u4e00-\u9fff]{1,6}?[省市州县区](?:政协|人大)).*$")
# Third person: 人大代表苗方杰提出 · 薄韫代表提出的 · ，张宁等委员提出的 · 由陈小明、李红委员提出的.
_NAME_LIST = rf"(?P<names>{_NAME_CHAR}{{2,3}}(?:[、和]{_NAME_CHAR}{{2,3}}){{0,9}})"
ROLE_THEN_NAME_RE = re.compile(
    rf"(?:人大代表|政协委员|代表|委员)[ \t]*{_NAME_LIST}(?:{_COUNT}(?:代表|委员)?)?(?:领衔)?(?:提出|所提)")
NAME_THEN_ROLE_RE = re.compile(
    rf"(?:^|(?<=[\s,，。、:：;；(“\"》由经])){_NAME_LIST}(?:{_COUNT})?(?P<role>代表|委员)(?:领衔)?(?:提出|所提)",
    re.M)
_LIST_ITEM_RE = re.compile(r"[^、和]+")
# Form fields: 代表姓名 | 王福余 · 提案人：张三 · 领衔代表:李四.
FIELD_RE = re.compile(
    rf"(?P<label>代表姓名|委员姓名|提案人|提出人|建议人|领衔代表|领衔委员|领衔人)[ \t]*[|:：]?\s*(?P<name>{_HAN}{{2,4}})(?!{_HAN})")
NOT_NAMES = {"各位", "全体", "有关", "部分", "广大", "相关", "这位", "该位", "本届", "您们", "你们", "我们"}
# Characters no name holds after its surname, and words that are never a surname.
_BAD_INNER = re.compile(r"[们的是了在和及对向请将该您你我他她其各位等]|人大|政协|代表|委员")
_BAD_FIRST = set("们的是了在对向请将该您你我他她其各这本此")


@dataclass
class Candidate:
    start: int
    end: int
    role: Optional[str]
    score: float


def _name_ok(name: str) -> bool:
    name = name.replace(" ", "")
    if "·" in name:  # 阿布都·热合曼
        return 3 <= len(name) <= 12 and all(len(part) >= 1 for part in name.split("·"))
    return (2 <= len(name) <= 4 and name not in NOT_NAMES and name[0] not in _BAD_FIRST
            and not _BAD_INNER.search(name[1:]))


def split_salutation(text: str, start: int, end: int, role: Optional[str]) -> list[Candidate]:
    """Names in a salutation ``text[start:end]`` (match text), each with its own span."""
    who = text[start:end]
    if role in GROUP_ENDINGS:
        return [Candidate(start, end, role, 0.9)]
    out = []
    pos = 0
    for part in [*SEPARATOR_RE.split(who)]:
        seg_start = who.find(part, pos)
        pos = seg_start + len(part)
        seg = part.rstrip(" \t")
        seg_role = next((r for r in PERSON_ROLES if seg.endswith(r)), None) or role
        name = TAIL_RE.sub("", seg)
        name = AFFILIATION_RE.sub("", name) if len(name) > 4 else name
        lead = len(name) - len(name.lstrip(" \t"))
        name = name.strip(" \t")
        if _name_ok(name):
            s = start + seg_start + lead
            out.append(Candidate(s, s + len(name), seg_role, 0.9))
    return out


_PROPOSED_RE = re.compile("提出|所提")


def _name_then_role(text: str):
    """NAME_THEN_ROLE_RE tried only just before each 提出/所提, not at every offset."""
    for anchor in _PROPOSED_RE.finditer(text):
        pos = anchor.start()
        for m in NAME_THEN_ROLE_RE.finditer(text, max(0, pos - 64), anchor.end()):
            if m.end() == anchor.end():
                yield m


def _add_names(found: dict, text: str, m: re.Match, role: str, score: float) -> None:
    """Each name of the ``names`` list of ``m``, once."""
    base = m.start("names")
    for item in _LIST_ITEM_RE.finditer(m.group("names")):
        if _name_ok(item.group()):
            found.setdefault(item.group(), Candidate(base + item.start(), base + item.end(), role, score))


def find_in_body(norm: NormText) -> list[Candidate]:
    """Third-person mentions and form fields, in text order, one per name."""
    text = norm.match
    found: dict[str, Candidate] = {}
    for m in FIELD_RE.finditer(text):
        if _name_ok(m.group("name")):
            role = "代表" if "代表" in m.group("label") else "委员" if "委员" in m.group("label") else None
            found.setdefault(m.group("name"), Candidate(m.start("name"), m.end("name"), role, 0.7))
    for m in ROLE_THEN_NAME_RE.finditer(text):
        role = "委员" if "委员" in m.group(0)[:4] else "代表"
        _add_names(found, text, m, role, 0.7)
    for m in _name_then_role(text):
        _add_names(found, text, m, m.group("role"), 0.6)
    return sorted(found.values(), key=lambda c: c.start)


def find_proposers(norm: NormText, addressee=SEARCH) -> list[Candidate]:
    """Names from the salutation (``addressee``: a found candidate, None, or SEARCH to find it),
    else from the body."""
    if addressee is SEARCH:
        addressee = best_addressee(norm)
    if addressee and (addressee.role in PERSON_ROLES or addressee.role in GROUP_ENDINGS):
        names = split_salutation(norm.match, addressee.start, addressee.end, addressee.role)
        if names:
            return names
    return find_in_body(norm)


@Language.component("govdoc_proposers", assigns=["doc._.proposers"])
def proposers_component(doc):
    norm = doc._.norm
    doc._.proposers = [Proposer(name=norm.slice(c.start, c.end), role=c.role, span=norm.span(c.start, c.end),
                                confidence=c.score * norm.confidence_at(c.start)) for c in find_proposers(norm, addressee_from_doc(doc))]
    return doc
