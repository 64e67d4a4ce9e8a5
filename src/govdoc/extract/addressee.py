"""主送 / salutation: ``尊敬的张永波代表：`` → 张永波代表.

A salutation is a short line that ends in a colon and names deputies or members (…代表, …委员,
…委员小组, a party branch) or organs (…局, …委员会).  The honorific 尊敬的 and the colon are left out.
Also read: a notice's list of organs (``各乡镇人民政府，县政府各部门：``), a ``主送:`` field, ``尊敬的…委员`` that lost its colon,
a bare line of names that lost both (``田凤琴、吴运华、周静委员`` followed by ``你们提出的…``), and – for a co-handling opinion
(会办意见/协办意见), which is sent to the lead unit – the unit's name on its own line under the title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from spacy.language import Language

from govdoc.nlp.extensions import DocFields
from govdoc.extract.letter_layout import HEADER_WINDOW
from govdoc.extract.scan import find_all, line_matches
from govdoc.extract.output import build
from govdoc.model import Text
from govdoc.normalize import NormText
from govdoc.text.zh import PINYIN_INSERT

if TYPE_CHECKING:  # the stages receive the analysis; they never import it at run time
    from govdoc.extract.analysis import Analysis

# Who a salutation names, by its last word.
PERSON_ROLES = ("代表", "委员", "同志", "先生", "女士")
GROUP_ENDINGS = ("委员小组", "小组", "支部", "总支", "党组", "界别", "代表团", "基层委员会")
# Organizations that put items forward as a body: the democratic parties (short and full names),
# the federation of industry and commerce and the people's organizations of the CPPCC, 界别 groups.
PARTY_RE = re.compile(r"民革|民盟|民建|民进|农工党|农工民主党|致公党|九三学社|台盟|国民党革命委员会|民主同盟|民主建国会"
                      r"|民主促进会|台湾民主自治同盟|无党派|工商联|工商业联合会|共青团|妇联|妇女联合会|总工会|科协"
                      r"|科学技术协会|侨联|归国华侨联合会|台联|青联|文联|社科联")
# What may stand before the party's name: nothing, or a place (福建省, 市) / 中国 / 政协.
_PARTY_PREFIX_RE = re.compile(r"(?:^|中国|政协|[省市州县区旗镇乡])$")
# The organ word such a body's name ends with (民进福建省委会, 农工党南昌县总支部, 九三学社…委员会).
# A national body's central committee is named by 中央 alone (民盟中央, 九三学社中央).
PARTY_END_RE = re.compile(r"(?:委员会|委会|总支部|总支|支部|支社|工委|中央|小组|组|会|社|委|联|盟|党)$")
ORGAN_ENDINGS = ("局", "厅", "委", "办", "会", "部", "处", "室", "中心", "政府", "公司", "院", "所", "站",
                 "队", "街道", "办事处", "股", "镇", "乡", "社区")
_ROLE_END = "|".join(PERSON_ROLES + GROUP_ENDINGS)
_ORGAN_END = "|".join(ORGAN_ENDINGS)
# Field labels that end in the same words but are not salutations.
LABEL_WORDS_RE = re.compile(r"联系|电话|地址|抄送|抄报|主办|协办|承办|会办|单位|分管|领导|签发|附件|来源|发布|时间|日期"
                            r"|索引|主题|标题|名称|文号|编号|机构|分类|组长|成员|意见|内容|题目|类别|姓名|作者"
                            r"|领衔|提出人|附议|联名|所属|所在|提案代表|提案委员|建议代表|议案代表")
# Characters a salutation never holds (sentence punctuation, digits other than 等25位).
_NAMES = r"[^\n:：。，,;；!！?？“”\"《》()（）\[\]【】|]"
# Matched on the text between a line start and the line's first colon (colons come from the text's
# index), which is far cheaper than trying a salutation pattern at every line.
# A mirror's pinyin may follow a character (市交通運(yùn)輸局).
SALUTATION_RE = re.compile(rf"[ \t]*(?P<hon>尊敬的|尊敬)?[ \t]*(?P<who>(?:{_NAMES}|{PINYIN_INSERT}){{2,76}}?)[ \t]*")
# The longest line before a colon read as a salutation (fourteen names and 代表 fit).
SALUTATION_MAX = 80
# 尊敬的陈国兴、刘铭、张雯委员 (colon lost).
HONORIFIC_RE = re.compile(rf"^[ \t]*尊敬的?[ \t]*(?P<who>{_NAMES}{{2,40}}?(?:{_ROLE_END}))[ \t]*$", re.M)
# 曾楚雄等代表 / 田凤琴、吴运华、周静委员 on a line of its own, without honorific or colon: only names
# (2–4 characters, separated by 、), a count and 代表/委员, and the next text line speaks to them.
_BARE_NAME = r"[\u4e00-\u9fff]{2,4}"
BARE_SALUTATION_RE = re.compile(rf"^[ \t]*(?P<who>{_BARE_NAME}(?:、{_BARE_NAME}){{0,15}}(?:等(?:\d+|[二两三四五六七八九十]+)?[位名]?)?"
                                rf"(?:代表|委员))[ \t]*\n(?:[ \t]*\n)*[ \t]*(?:你|您|贵)", re.M)
MAINSEND_RE = re.compile(r"主[ \t]*送(?:单位|机关)?[ \t]*[:：][ \t]*(?P<who>[^\n]+?)[ \t]*[。.]?[ \t]*$", re.M)
COHANDLING_RE = re.compile(r"会办意见|协办意见")
ORGAN_LINE_RE = re.compile(rf"^[ \t]*(?P<who>[\u4e00-\u9fff、]{{3,30}}(?:{_ORGAN_END}))[ \t]*$", re.M)
# A notice's salutation listing organs side by side: 各乡镇人民政府，县政府各部门，各有关单位：
ORGAN_LIST_RE = re.compile(r"[ \t]*(?P<who>[^\n:：。;；!！?？“”\"《》|]{4,80}?)[ \t]*")
_ENTRY_SPLIT = re.compile(r"[,，、](?![^(（]*[)）])")
_ENTRY_END_RE = re.compile(rf"(?:{_ORGAN_END}|部门|单位|机构|企业|学校)$")
# An entry naming every unit of a kind: 各有关单位 · 局属各单位 · 区直各部门 · 局机关各科室.
_ALL_OF_RE = re.compile(r"[\u4e00-\u9fff]{0,4}各")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
ORGAN_RE = re.compile(rf"(?:{_ORGAN_END})$")
# What a salutation followed by more text on its line must end with: a person or group word.
_INLINE_ENDINGS = PERSON_ROLES + GROUP_ENDINGS
_DIGITS = re.compile(r"\d")
_COUNT_RE = re.compile(r"等?\d+[位名]")  # 等25位 / 12名
# Template placeholders (尊敬的XX委员, ×××代表) are never values.
PLACEHOLDER_RE = re.compile(r"[XxＸ×]{2}|某某|○○")
# A person's name masked by the publisher: the surname kept, the given name replaced (姜xx代表,
# 张某某委员, 李×、王××代表).  Kept in the salutation as written; never a proposer's name.
MASKED_NAME_RE = re.compile(r"(?:^|(?<=[、，,\s]))[\u4e00-\u9fff](?:[XxＸ×*＊]{1,3}|某某?)"
                            r"(?=[、，,\s]|等|代表|委员|同志|先生|女士)")


@dataclass
class Candidate:
    start: int
    end: int
    role: Optional[str]  # 代表 | 委员 | … for people, 小组 … for groups, 单位 for organs
    score: float


def group_role(who: str) -> Optional[str]:
    """The group word (委员小组, 支部, 委会 …) when ``who`` names one group, else None."""
    who = who.replace(" ", "").replace("\t", "")
    for ending in GROUP_ENDINGS:
        if who.endswith(ending):
            return ending
    if "、" in who or "," in who or "，" in who:
        return None
    party = PARTY_RE.search(who)
    if party is None or not _PARTY_PREFIX_RE.search(who, 0, party.start()):
        return None
    m = PARTY_END_RE.search(who)
    return m.group() if m else None


def is_group(role: Optional[str]) -> bool:
    """A role that names one group (委员小组, a party committee …), not people or organs."""
    return role is not None and role not in PERSON_ROLES and role != "单位"


def role_of(who: str) -> Optional[str]:
    """代表/委员/… for a list of people, the group word for a group, 单位 for organs, else None."""
    who = who.replace(" ", "")
    group = group_role(who)
    if group:
        return group
    for ending in PERSON_ROLES:
        if who.endswith(ending):
            return ending
    if ORGAN_RE.search(who):
        return "单位"
    return None


def _plausible(who: str) -> bool:
    compact = who.replace(" ", "").replace("\t", "")
    if LABEL_WORDS_RE.search(compact) or PLACEHOLDER_RE.search(MASKED_NAME_RE.sub("", who.strip(" \t"))):
        return False
    if compact in PERSON_ROLES or compact in GROUP_ENDINGS:
        return False  # a bare role word is a field label (代表团：荷塘区代表团), not a salutation
    # digits only in 等25位 / 12名
    return not _DIGITS.search(_COUNT_RE.sub("", compact))


def _organ_list(text: str, line_start: int, colon: int) -> Optional[Candidate]:
    """Organs listed side by side before a colon that ends the line (各县（市、区）人民政府，市政府
    各部门：), or one 各…单位 entry; each entry is an organ or starts with 各."""
    m = ORGAN_LIST_RE.fullmatch(text, line_start, colon)
    if m is None:
        return None
    entries = _ENTRY_SPLIT.split(m.group("who"))
    for entry in entries:
        entry = _BRACKETED.sub("", entry).strip(" \t")
        if not _ENTRY_END_RE.search(entry) or not (_ALL_OF_RE.match(entry) or _plausible(entry)):
            return None
    if len(entries) < 2 and not _ALL_OF_RE.match(m.group("who")):
        return None  # one organ alone is read by the salutation pattern
    return Candidate(m.start("who"), m.end("who"), "单位", 0.8)


def find_addressees(norm: Analysis, first_only: bool = False) -> list[Candidate]:
    """Salutation candidates in text order (``first_only``: stop once the first one is certain)."""
    text = norm.match
    out = []
    stop = len(text)
    for colon in norm.index.colons:
        if first_only and out:
            line_end = text.find("\n", out[0].end)
            stop = len(text) if line_end < 0 else line_end
            break
        line_start = text.rfind("\n", 0, colon) + 1
        if colon - line_start > 80:
            continue
        line_end = text.find("\n", colon + 1)
        standalone = not text[colon + 1: len(text) if line_end < 0 else line_end].strip()
        if not standalone and not text[line_start:colon].replace(" ", "").replace("\t", "").endswith(_INLINE_ENDINGS):
            continue  # (a cheap test) no salutation here: only a person or group may have text after its colon
        m = SALUTATION_RE.fullmatch(text, line_start, colon) if colon - line_start <= SALUTATION_MAX else None
        if m is None or not _plausible(m.group("who")):
            if standalone and line_start < HEADER_WINDOW:
                cand = _organ_list(text, line_start, colon)
                out += [cand] if cand else []
            continue
        role = role_of(m.group("who"))
        if role in PERSON_ROLES or role in GROUP_ENDINGS:
            out.append(Candidate(m.start("who"), m.end("who"), role, 0.95 if standalone or m.group("hon") else 0.85))
        elif role is not None and standalone:  # organs and party bodies: a line of its own
            out.append(Candidate(m.start("who"), m.end("who"), role, 0.8))
    for m in line_matches(HONORIFIC_RE, text, find_all(text, "尊敬", 0, stop), 0, stop):
        if _plausible(m.group("who")):
            out.append(Candidate(m.start("who"), m.end("who"), role_of(m.group("who")), 0.8))
    for m in BARE_SALUTATION_RE.finditer(text, 0, min(stop, HEADER_WINDOW)):
        if _plausible(m.group("who")):
            out.append(Candidate(m.start("who"), m.end("who"), role_of(m.group("who")), 0.75))
    for m in MAINSEND_RE.finditer(text, 0, stop):
        out.append(Candidate(m.start("who"), m.end("who"), role_of(m.group("who")), 0.9))
    out.sort(key=lambda c: c.start)
    return out


def cohandling_addressee(norm: NormText) -> Optional[Candidate]:
    """The lead unit named on its own line under a 会办意见 title."""
    text = norm.match
    m = COHANDLING_RE.search(text)
    if not m:
        return None
    pos = text.find("\n", m.end())
    lm = ORGAN_LINE_RE.search(text, pos) if pos >= 0 else None
    if lm is None or text.count("\n", pos, lm.start()) > 8 or "。" in text[pos:lm.start()]:
        return None
    return Candidate(lm.start("who"), lm.end("who"), "单位", 0.7)


def best_addressee(norm: Analysis) -> Optional[Candidate]:
    """The salutation (``Analysis.addressee``, which later stages read)."""
    cands = find_addressees(norm, first_only=True)
    if cands:
        return cands[0]
    return cohandling_addressee(norm)


@Language.component("govdoc_addressee", requires=["doc._.analysis"], assigns=["doc._.addressee"])
def addressee_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    best = norm.addressee
    if best:
        ext.addressee = build(Text, text=norm.slice(best.start, best.end), span=norm.span_dict(best.start, best.end),
                             confidence=best.score * norm.confidence_at(best.start))
    return doc
