"""提出人: the deputies, members or groups who put the item forward.

From the salutation first: ``黄莉新等25位委员`` → 黄莉新 (委员); ``胡敏、仇艳辉、瞿钟娜委员`` → three;
``张叶委员、王亚军委员`` → two; a group (``雨露乡委员小组``, a party branch) is one entry.  When the
letter is addressed to organs (a co-handling opinion, a notice) or has no salutation, the names come
from third-person text (``薄韫代表提出的``, ``人大代表苗方杰提出``) or a form field (``代表姓名 | 王福余``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from spacy.language import Language

from govdoc.nlp.extensions import DocFields
from govdoc.extract.addressee import (PARTY_RE, PERSON_ROLES, group_role,
                                      is_group)
from govdoc.extract.output import build
from govdoc.model import Proposer
from govdoc.normalize import NormText

if TYPE_CHECKING:  # the stages receive the analysis; they never import it at run time
    from govdoc.extract.analysis import Analysis

_HAN = r"[\u4e00-\u9fff]"
_NAME_CHAR = r"(?:(?![等的和及])[\u4e00-\u9fff])"
_COUNT = r"(?:等?(?:\d+|[一二两三四五六七八九十]+)[位名]|等)"
# Separators between names in a salutation.
SEPARATOR_RE = re.compile(r"[、,，]|和|及")
# The tail after a name: 等25位委员 · 二位代表 · 委员 · 政协绿春县委员.
TAIL_RE = re.compile(rf"(?:{_COUNT})?[ \t]*(?:{'|'.join(PERSON_ROLES)})?[ \t]*$")
AFFILIATION_RE = re.compile(r"(?:政协|人大|[\u4e00-\u9fff]{1,6}?[省市州县区](?:政协|人大)).*$")
# An affiliation written before the name: 市政协王伟政委员 · 县人大李明代表.
LEADING_AFFILIATION_RE = re.compile(r"^(?:[\u4e00-\u9fff]{0,6}?[省市州县区])?(?:政协|人大)")
# Third person: 人大代表苗方杰提出 · 薄韫代表提出的 · ，张宁等委员提出的 · 由陈小明、李红委员提出的.
# Where the item was put forward, between the names and 提出: 在区人代会上 · 在市七届人大一次会议期间.
_WHERE = r"(?:在[^,，。;；\n]{2,20}?(?:上|期间))?"
# A name: two or three characters, or parts joined by a middle dot (艾尔肯·吐尔逊).
_NAME = rf"(?:{_NAME_CHAR}{{1,6}}·{_NAME_CHAR}{{1,6}}|{_NAME_CHAR}{{2,3}})"
_NAME_LIST = rf"(?P<names>{_NAME}(?:[、和]{_NAME}){{0,9}})"
# How the names put it forward: 领衔 · 联名 · 共同 (never a name).
_HOW_WORDS = "领衔|联名|共同"
_HOW = rf"(?:{_HOW_WORDS})?"
ROLE_THEN_NAME_RE = re.compile(
    rf"(?:人大代表|政协委员|代表|委员)(?!会)[ \t]*(?!{_HOW_WORDS}){_NAME_LIST}(?:{_COUNT}(?:代表|委员)?)?{_HOW}(?:提出|所提)")
NAME_THEN_ROLE_RE = re.compile(
    rf"(?:^|(?<=[\s,，。、:：;；(“\"》由经])){_NAME_LIST}(?:{_COUNT})?(?P<role>代表|委员){_HOW}{_WHERE}(?:提出|所提)",
    re.M)
# The deputy thanked by name in the closing (再次感谢马永明代表对…的关心): the weakest source, read
# only when nothing else names the proposers (a capture that lost its salutation).
THANKED_RE = re.compile(rf"感谢{_NAME_LIST}(?:{_COUNT})?(?P<role>代表|委员)(?:们)?对")
_LIST_ITEM_RE = re.compile(r"[^、和]+")
# Form fields: 代表姓名 | 王福余 · 提案人：张三 · 提案代表:王建荣等10名代表 · 领衔代表:李四 · 提出人：谭海燕、曹新民 · 提案者：农工党…总支部.
FIELD_RE = re.compile(r"(?P<label>代表姓名|委员姓名|提案代表|提案委员|提案人|提案者|提案单位|提出人|提出者|提出单位|建议人|领衔代表|领衔委员"
                      r"|领衔人|领衔单位|联名代表|联名委员|联名人|附议代表|附议委员|附议人)(?![会团])[ \t]*[|:：]?\s*(?P<value>[^\n|]{2,80})")
# Where a field's value stops: the next label on the line (联系电话：…) or a bracketed note.
FIELD_STOP_RE = re.compile(r"[ \t]*[\u4e00-\u9fff]{1,8}[ \t]*[:：]|[(（]")
# A group named in third-person text: 民进福建省委会提出的 · 由九三学社绍兴市委员会所提.
GROUP_MENTION_RE = re.compile(rf"(?:中国)?(?:{_HAN}{{0,7}}[省市州县区旗])?(?:政协)?(?:{PARTY_RE.pattern})"
                              rf"{_HAN}{{0,16}}?(?:领衔)?(?:提出|所提)")
_NOT_GROUP_START = "由经在对向据及与将把被是"
NOT_NAMES = {"人大", "政协", "各位", "全体", "有关", "部分", "广大", "相关", "这位", "该位", "本届", "您们", "你们", "我们"}
# Characters no name holds after its surname, and words that are never a surname.
_NOT_IN_NAME = "们的了在和及对向请将该您你我他她各位等XxＸ×*＊()（）"  # (a longer name may hold 是 and 其: 乌兰其其格)
_NOT_NAME_WORDS = "人大|政协|代表|委员|领衔|提出|某"
_BAD_INNER = re.compile(rf"[是其{_NOT_IN_NAME}]|{_NOT_NAME_WORDS}")
_BAD_FIRST = set("们的是了在对向请将该您你我他她其各这本此")
# In a salutation the name stands first, so 向 there is the surname (向红英), not a preposition.
_BAD_FIRST_SALUTATION = _BAD_FIRST - {"向"}


@dataclass
class Candidate:
    start: int
    end: int
    role: Optional[str]
    score: float


def _name_ok(name: str, bad_first: frozenset | set = _BAD_FIRST) -> bool:
    name = name.replace(" ", "")
    if "·" in name:  # 阿布都·热合曼
        return 3 <= len(name) <= 12 and all(len(part) >= 1 for part in name.split("·"))
    return (2 <= len(name) <= 4 and name not in NOT_NAMES and name[0] not in bad_first
            and not _BAD_INNER.search(name[1:]))


# A salutation to one person may give a longer name written without a middle dot (乌兰其其格,
# 额尔敦毕力格: Mongolian, Tibetan and Uyghur names) when nothing in it names a place, an organ,
# a group or a kind of people (驻区部队, 农民工群体, 少数民族界别).
LONG_NAME = (5, 6)
_NOT_IN_LONG_NAME = re.compile(rf"[省市州县区旗盟乡镇村街界别团组党会局委厅部办处室院所校司社联队届次群众体员工民族层全"
                               rf"{_NOT_IN_NAME}]|{_NOT_NAME_WORDS}")


def _long_name_ok(name: str) -> bool:
    return (LONG_NAME[0] <= len(name) <= LONG_NAME[1] and all("\u4e00" <= c <= "\u9fff" for c in name)
            and name[0] not in _BAD_FIRST_SALUTATION and not _NOT_IN_LONG_NAME.search(name))


def _without_affiliation(name: str) -> str:
    """The name without the affiliation before it (kept as spaces, so offsets hold) or after it."""
    core = name.lstrip(" \t")
    prefix = LEADING_AFFILIATION_RE.match(core)
    if prefix and _name_ok(core[prefix.end():], _BAD_FIRST_SALUTATION):
        return " " * (len(name) - len(core) + prefix.end()) + core[prefix.end():]
    return AFFILIATION_RE.sub("", name)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the pieces of ``text[start:end]`` between separators (``SEPARATOR_RE``)."""
    out, pos = [], start
    for sep in SEPARATOR_RE.finditer(text, start, end):
        out.append((pos, sep.start()))
        pos = sep.end()
    return out + [(pos, end)]


def split_salutation(text: str, start: int, end: int, role: Optional[str]) -> list[Candidate]:
    """Names in a salutation ``text[start:end]`` (match text), each with its own span."""
    if is_group(role):
        return [Candidate(start, end, role, 0.9)]
    out = []
    parts = _pieces(text, start, end)
    for seg_start, seg_end in parts:
        seg = text[seg_start:seg_end].rstrip(" \t")
        seg_role = next((r for r in PERSON_ROLES if seg.endswith(r)), None) or role
        name = TAIL_RE.sub("", seg)
        spaced = _space_separated(name)
        if spaced:
            out.extend(Candidate(seg_start + a, seg_start + b, seg_role, 0.9) for a, b in spaced)
            continue
        name = _without_affiliation(name) if len(name) > 4 else name
        lead = len(name) - len(name.lstrip(" \t"))
        name = name.strip(" \t")
        if _name_ok(name, _BAD_FIRST_SALUTATION) or (len(parts) == 1 and seg_role and _long_name_ok(name)):
            s = seg_start + lead
            out.append(Candidate(s, s + len(name), seg_role, 0.9))
    return out


_WORD_RE = re.compile(r"[^ \t]+")


def _space_separated(part: str) -> Optional[list[tuple[int, int]]]:
    """Names a salutation separates by spaces alone (刘俊华 徐航吉 魏 娜 赵玉芳), as (start, end) in
    ``part``: words of two to four characters are names; two one-character words in a row are one
    two-character name padded to the width of three (魏 娜), kept as written.  None unless every
    word is part of a name and there are at least two names."""
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(part)]
    names, i = [], 0
    while i < len(words):
        a, b = words[i]
        if b - a == 1 and i + 1 < len(words) and words[i + 1][1] - words[i + 1][0] == 1:
            b = words[i + 1][1]
            i += 1
        i += 1
        if not _name_ok(part[a:b], _BAD_FIRST_SALUTATION):
            return None
        names.append((a, b))
    return names if len(names) >= 2 else None


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


def _field_entries(value: str) -> list[tuple[int, int, bool]]:
    """``(start, end, is_group)`` of the names or groups a form field lists (``谭海燕、曹新民``,
    ``张三  李四``, ``农工党南昌县总支部``), relative to ``value``; stops at the first piece that is
    neither."""
    stop = FIELD_STOP_RE.search(value)
    value = value[: stop.start()] if stop else value
    out = []
    pos = 0
    for piece in SEPARATOR_RE.split(value):
        start = value.find(piece, pos)
        pos = start + len(piece)
        head = TAIL_RE.sub("", piece)
        lead = len(head) - len(head.lstrip(" \t"))
        head = head.strip(" \t")
        if not head:
            continue
        words = head.split()
        if len(words) > 1 and all(len(w) >= 2 for w in words):  # 张三  李四: names side by side
            offsets = [head.find(w) for w in words]
            spans = [(start + lead + o, start + lead + o + len(w)) for o, w in zip(offsets, words)]
        else:
            spans = [(start + lead, start + lead + len(head))]
        for s, e in spans:
            if group_role(value[s:e]):
                out.append((s, e, True))
            elif _name_ok(value[s:e]):
                out.append((s, e, False))
            else:
                return out
    return out


def _groups_in_text(text: str):
    """Groups named right before 提出/所提, tried only near each such word."""
    for anchor in _PROPOSED_RE.finditer(text):
        pos = anchor.start()
        m = GROUP_MENTION_RE.search(text, max(0, pos - 48), anchor.end())
        while m and m.end() != anchor.end():
            m = GROUP_MENTION_RE.search(text, m.start() + 1, anchor.end())
        if m:
            s, e = m.start(), anchor.start()
            e -= 2 if text.startswith("领衔", e - 2) else 0
            s += 1 if text[s] in _NOT_GROUP_START else 0
            if group_role(text[s:e]):
                yield s, e


def find_in_body(norm: NormText) -> list[Candidate]:
    """Third-person mentions and form fields, in text order, one per name; else the deputies
    thanked by name."""
    text = norm.match
    found: dict[str, Candidate] = {}
    for m in FIELD_RE.finditer(text):
        role = "代表" if "代表" in m.group("label") else "委员" if "委员" in m.group("label") else None
        base = m.start("value")
        for s, e, group in _field_entries(m.group("value")):
            who = text[base + s:base + e]
            found.setdefault(who, Candidate(base + s, base + e, group_role(who) if group else role, 0.7))
    if "提" in text:
        for s, e in _groups_in_text(text):
            found.setdefault(text[s:e], Candidate(s, e, group_role(text[s:e]), 0.65))
    for m in ROLE_THEN_NAME_RE.finditer(text):
        role = "委员" if "委员" in m.group(0)[:4] else "代表"
        _add_names(found, text, m, role, 0.7)
    for m in _name_then_role(text):
        _add_names(found, text, m, m.group("role"), 0.6)
    if not found and "感谢" in text:
        for m in THANKED_RE.finditer(text):
            _add_names(found, text, m, m.group("role"), 0.5)
    return sorted(found.values(), key=lambda c: c.start)


def groups_in_salutation(text: str, start: int, end: int) -> list[Candidate]:
    """The groups a salutation lists (民盟四川省委、农工党四川省委), each its own entry; none
    unless every entry names a group (a list of organs is no proposer)."""
    out = []
    for s, e in _pieces(text, start, end):
        part = text[s:e]
        lead = len(part) - len(part.lstrip(" \t"))
        who = part.strip(" \t")
        role = group_role(who)
        if not role:
            return []
        out.append(Candidate(s + lead, s + lead + len(who), role, 0.85))
    return out if len(out) > 1 else []


def find_proposers(norm: Analysis) -> list[Candidate]:
    """Names from the salutation (people, a group, or a list of groups), else from the body."""
    addressee = norm.addressee
    if addressee and (addressee.role in PERSON_ROLES or is_group(addressee.role)):
        names = split_salutation(norm.match, addressee.start, addressee.end, addressee.role)
        if names:
            return names
    if addressee and addressee.role == "单位":
        groups = groups_in_salutation(norm.match, addressee.start, addressee.end)
        if groups:
            return groups
    return find_in_body(norm)


@Language.component("govdoc_proposers", requires=["doc._.analysis"], assigns=["doc._.proposers"])
def proposers_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    ext.proposers = [build(Proposer, name=norm.slice(c.start, c.end), role=c.role, span=norm.span_dict(c.start, c.end),
                              confidence=c.score * norm.confidence_at(c.start)) for c in find_proposers(norm)]
    return doc
