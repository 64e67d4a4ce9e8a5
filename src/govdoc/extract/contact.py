"""联系人 / 联系电话 / 联系单位: who to call about the letter.

Fields are ``label:value`` pairs, several to a line (``联系人:范宝欣   联系电话:13500002465``); labels
may be spaced out (``联 系 人``, ``承  办  人``).  The handling staff (经办人/承办人) wins over a
plain 联系人; the phone comes from the person's own value, else the same line, else the nearest
phone field; the unit only from an explicit 联系单位 / 分管单位 field (``联系单位及电话`` holds the
unit and its phone).  A unit glued before the name (``浙江省公路管理局计财处,戴京国``) is not a unit.
Fields before the salutation (page chrome), in site footers, or labelled as the deputy's own
(``代表联系电话``) are ignored, and so is every contact line of a suggestion form (the deputy's or
member's own).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from spacy.language import Language

from govdoc.nlp.extensions import DocFields
from govdoc.extract.output import build
from govdoc.model import Contact

if TYPE_CHECKING:  # the stages receive the analysis; they never import it at run time
    from govdoc.extract.analysis import Analysis


def _spaced(word: str) -> str:
    return r"[ \t]*".join(map(re.escape, word))


STAFF_LABELS = ("具体经办人姓名", "具体经办人", "具体承办人", "承办人及联系电话", "经办人及联系电话",
                "承办人及电话", "经办人及电话", "承办人", "经办人")
CONTACT_LABELS = ("联系人及联系电话", "联系人及电话", "联系人姓名", "联系人")
PHONE_LABELS = ("联系电话", "联系方式", "联系手机", "办公电话", "电话", "手机")
UNIT_LABELS = ("联系单位", "分管单位")
# One field holding the unit and its phone: 联系单位及电话：非物质文化遗产司 010-59881836.
UNIT_PHONE_LABELS = ("联系单位及联系电话", "联系单位及联系方式", "联系单位及电话", "联系单位和电话")
# Labels that end a value without being contact fields themselves.
OTHER_LABELS = ("承办负责人", "分管领导", "负责人", "传真", "邮政编码", "邮编", "联系地址", "地址", "电子邮箱",
                "邮箱", "签发人", "抄送", "抄报")
_ALL = sorted(STAFF_LABELS + CONTACT_LABELS + PHONE_LABELS + UNIT_LABELS + UNIT_PHONE_LABELS + OTHER_LABELS,
              key=len, reverse=True)
# Matched backwards from each colon (colons are few and cheap to find).
LABEL_RE = re.compile(r"(?P<label>" + "|".join(_spaced(w) for w in _ALL) + r")[ \t]*[:：]$")
# The characters labels end with: a colon after anything else (spacing aside) ends no label.
_LABEL_LAST_CHARS = frozenset(w[-1] for w in _ALL)
# Mobile (masked ones too: 1370740****), then fixed lines with an optional area code and extension
# (the dash after it as typed: -, —, – or a box-drawing ─).
PHONE_RE = re.compile(r"(?<![\d*])(?:1\d{10}|1\d{2,7}\*{3,6}\d{0,4}|(?:(?:\(0\d{2,3}\)|0\d{2,3})[-—–─]?)?\d{7,8}(?:-\d{1,5})?)"
                      r"(?![\d*])")
# Lines of site chrome, and the deputy's own fields.
CHROME_RE = re.compile(r"网站|版权|备案|技术支持|ICP|Copyright|©|客服|热线|举报")
OWN_RE = re.compile(r"(?:代表|委员)[ \t]*$")
_ORGAN_CHARS = set("局处科股室厅委办所站队院部司会心")
_PIECE_RE = re.compile(r"[^,，、;；/\s:：()]+")
# Words that look like a short name in a person field but are labels or units.
NOT_NAME_WORDS = set(PHONE_LABELS + UNIT_LABELS) | {"座机", "传真", "电话号码", "办公室", "联系", "地址", "邮编"}
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff](?:[ \t]*[\u4e00-\u9fff]){1,3}$")
# A transcribed Uyghur, Tibetan or Mongolian name: parts joined by a middle dot (古丽米热·艾买提).
_DOTTED_NAME = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:[·•‧・][\u4e00-\u9fff]{1,8}){1,3}$")


def _is_name(text: str) -> bool:
    return bool(_CJK_NAME.match(text) or _DOTTED_NAME.match(text))


@dataclass
class Field:
    kind: str  # staff | contact | phone | unit | unit+phone | other
    label_start: int
    start: int  # value
    end: int
    line: int  # line number


# The kind of field each label opens (the first group that holds it).
_KIND_OF: dict[str, str] = {}
for _kind_name, _labels in (("staff", STAFF_LABELS), ("contact", CONTACT_LABELS), ("phone", PHONE_LABELS),
                            ("unit", UNIT_LABELS), ("unit+phone", UNIT_PHONE_LABELS)):
    for _label in _labels:
        _KIND_OF.setdefault(_label, _kind_name)


def _kind(label: str) -> str:
    return _KIND_OF.get(label.replace(" ", "").replace("\t", ""), "other")


def find_fields(norm: Analysis, after: int = 0) -> list[Field]:
    """Contact-shaped ``label:value`` fields after offset ``after``; each value runs to the next
    label on its line, the line end or a closing bracket."""
    text = norm.match
    ix = norm.index
    labels = []
    for colon in ix.colons_in(max(0, after), len(text)):
        lo = max(0, after, colon - 24)
        if text[lo:colon].rstrip(" \t")[-1:] not in _LABEL_LAST_CHARS:
            continue  # cheap test before the label pattern is tried at each offset before the colon
        m = LABEL_RE.search(text, lo, colon + 1)
        if m:
            labels.append(m)
    out = []
    for i, m in enumerate(labels):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        if CHROME_RE.search(text, line_start, line_end) or OWN_RE.search(text, line_start, m.start()):
            continue
        end = line_end
        if i + 1 < len(labels) and labels[i + 1].start() < end:
            end = labels[i + 1].start()
        close = text.find(")", m.end(), end)
        if close >= 0 and text.find("(", m.end(), close) < 0:  # the bracket around the block closes
            end = close
        start = m.end()
        while start < end and text[start] in " \t":
            start += 1
        while end > start and text[end - 1] in " \t,，;；":
            end -= 1
        if end > start:
            out += _split_unit_phone(text, Field(_kind(m.group("label")), m.start(), start, end,
                                                 text.count("\n", 0, m.start())))
    return out


def _split_unit_phone(text: str, f: Field) -> list[Field]:
    """A 联系单位及电话 value as a unit field and a phone field; other fields unchanged."""
    if f.kind != "unit+phone":
        return [f]
    phone = PHONE_RE.search(text, f.start, f.end)
    if phone is None:
        return [Field("unit", f.label_start, f.start, f.end, f.line)]
    out = []
    end = phone.start()
    while end > f.start and text[end - 1] in " \t,，;；、/:：":
        end -= 1
    if end > f.start:
        out.append(Field("unit", f.label_start, f.start, end, f.line))
    out.append(Field("phone", f.label_start, phone.start(), phone.end(), f.line))
    return out


def _glued_name(piece: str) -> Optional[int]:
    """Length of a 2–3 character name glued after a unit (…计划财务处姚康 → 2), else None."""
    if piece[-1] in _ORGAN_CHARS:  # 市教育局办公室 ends in a unit, not a name
        return None
    for size in (3, 2):
        if len(piece) > size + 1 and piece[-size - 1] in _ORGAN_CHARS:
            return size
    return None


def split_person(value: str) -> tuple[Optional[tuple[int, int]], Optional[tuple[int, int]]]:
    """(name span, phone span) inside a person field's value, offsets relative to ``value``."""
    phone = PHONE_RE.search(value)
    phone_span = phone.span() if phone else None
    head = value[: phone.start()] if phone else value
    whole = head.strip(" \t,，;；、/")
    if _is_name(whole):  # 李  颖 – a name with spaces inside; 古丽米热·艾买提
        s = head.find(whole)
        return (s, s + len(whole)), phone_span
    for m in reversed(list(_PIECE_RE.finditer(head))):
        piece = m.group()
        if _is_name(piece) and piece not in NOT_NAME_WORDS:
            return m.span(), phone_span
        size = _glued_name(piece) if len(piece) > 4 else None
        if size:
            return (m.end() - size, m.end()), phone_span
    return None, phone_span


def _nearest(fields: list[Field], kind: str, line: int, reach: int) -> Optional[Field]:
    near = [f for f in fields if f.kind == kind and abs(f.line - line) <= reach]
    return min(near, key=lambda f: (abs(f.line - line), f.line < line)) if near else None


def find_contact(norm: Analysis) -> Optional[dict]:
    """``{"unit", "person", "phone"}`` as (start, end) spans in the text, or None.  Fields before
    the salutation (``norm.addressee``) are page chrome."""
    addressee = norm.addressee
    fields = find_fields(norm, addressee.end if addressee else 0)
    text = norm.match
    people = []
    for f in fields:
        if f.kind in ("staff", "contact"):
            name, phone = split_person(text[f.start:f.end])
            if name:
                people.append((f, name, phone))
    person = phone = unit = None
    anchor_line = None
    if people:
        f, name, own_phone = max(people, key=lambda p: (p[0].kind == "staff", -p[0].start))
        person = (f.start + name[0], f.start + name[1])
        anchor_line = f.line
        if own_phone:
            phone = (f.start + own_phone[0], f.start + own_phone[1])
    if phone is None:
        pf = _nearest(fields, "phone", anchor_line, 3) if anchor_line is not None else \
            next((f for f in fields if f.kind == "phone"), None)
        m = PHONE_RE.search(text, pf.start, pf.end) if pf else None
        if m:
            phone = m.span()
            anchor_line = pf.line if anchor_line is None else anchor_line
    uf = _nearest(fields, "unit", anchor_line, 5) if anchor_line is not None else \
        next((f for f in fields if f.kind == "unit"), None)
    if uf:
        unit = (uf.start, uf.end)
    if not (person or phone or unit):
        return None
    return {"unit": unit, "person": person, "phone": phone}


@Language.component("govdoc_contact", requires=["doc._.analysis"], assigns=["doc._.contact"])
def contact_component(doc):
    ext = DocFields(doc)
    norm = ext.analysis
    if norm.kind == "suggestion":
        return doc  # contact lines on a suggestion form are the proposer's own
    found = find_contact(norm)
    if found:
        spans = [s for s in found.values() if s]
        start, end = min(s[0] for s in spans), max(s[1] for s in spans)
        values = {k: norm.slice(*s) if s else None for k, s in found.items()}
        score = 0.9 if found["person"] and found["phone"] else 0.75
        ext.contact = build(Contact, **values, span=norm.span_dict(start, end), confidence=score * norm.confidence_at(start))
    return doc
