"""A parsed letter → what the letter page shows: its text cut into segments at the fields' spans,
and the panel of fields.  Pure functions over the JSON and the normalized text; no HTML here
(the templates escape every string).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

# Field names as the letter page labels them (JSON key → label).
LABELS = {
    "doc_number": "文号 doc number", "issuer": "发文机关 issuer", "signatories": "签发人 signatory",
    "grade": "办理结果 grade", "title": "标题 title", "congress": "会议 congress", "item": "建议/提案 item",
    "addressee": "称谓 addressee", "proposers": "提出人 proposer", "issue_date": "成文日期 issue date",
    "contact": "联系 contact", "cc": "抄送 cc", "printed_by": "印发机关 printed by",
    "printed_date": "印发日期 printed date", "disclosure": "公开 disclosure", "outline": "标题层次 heading",
    "measures": "措施 measure", "metrics": "指标 metric",
}


@dataclass(frozen=True)
class FieldSpan:
    kind: str  # top-level JSON key: doc_number, measures …
    path: str  # doc_number, measures.3, outline.2.1 — also the anchor of its first segment
    value: str
    confidence: float
    start: int
    end: int

    @property
    def label(self) -> str:
        return f"{LABELS.get(self.kind, self.kind)} · {self.confidence:.2f}"


@dataclass(frozen=True)
class Segment:
    text: str
    fields: tuple[FieldSpan, ...]  # the spans covering it, innermost first
    anchors: tuple[str, ...] = ()  # paths of the fields this segment starts

    @property
    def title(self) -> str:
        return "; ".join(f.label for f in self.fields)


def display(kind: str, field: dict) -> str:
    """One line naming a field's value."""
    if kind == "grade":
        return " ".join(x for x in (field.get("letter"), field.get("raw"), field.get("meaning")) if x)
    if kind == "contact":
        return " ".join(x for x in (field.get("unit"), field.get("person"), field.get("phone")) if x)
    if kind == "item":
        return f"第{field.get('number')}号{field.get('type') or ''}" if field.get("number") else field.get("type") or ""
    if kind == "outline":
        return f"{field.get('marker', '')} {field.get('title', '')}".strip()
    for key in ("name", "text", "title", "raw", "date"):
        if field.get(key):
            return str(field[key])
    return ""


def _headings(items: list[dict], path: str) -> Iterator[tuple[str, dict]]:
    for i, heading in enumerate(items):
        yield f"{path}.{i}", heading
        yield from _headings(heading.get("children") or [], f"{path}.{i}")


def fields_of(reply: dict) -> Iterator[tuple[str, str, dict]]:
    """``(kind, path, field)`` for every field object of a letter, in JSON order."""
    for kind in LABELS:
        value = reply.get(kind)
        if isinstance(value, dict):
            yield kind, kind, value
        elif kind == "outline":
            yield from ((kind, path, h) for path, h in _headings(value or [], kind))
        elif isinstance(value, list):
            yield from ((kind, f"{kind}.{i}", item) for i, item in enumerate(value))


def field_spans(reply: dict, text_length: int) -> list[FieldSpan]:
    """Every field with a span inside the text, in text order."""
    out = []
    for kind, path, field in fields_of(reply):
        span = field.get("span") or {}
        start, end = span.get("start"), span.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= text_length:
            out.append(FieldSpan(kind, path, display(kind, field), float(field.get("confidence", 1.0)), start, end))
    return sorted(out, key=lambda f: (f.start, -f.end))


def segments(text: str, spans: list[FieldSpan]) -> list[Segment]:
    """The text cut at every span boundary; each piece names the spans covering it."""
    cuts = sorted({0, len(text), *(f.start for f in spans), *(f.end for f in spans)})
    out, anchored = [], set()
    for start, end in zip(cuts, cuts[1:]):
        covering = tuple(sorted((f for f in spans if f.start <= start and end <= f.end),
                                key=lambda f: f.end - f.start))
        first = tuple(f.path for f in covering if f.path not in anchored)
        anchored.update(first)
        out.append(Segment(text[start:end], covering, first))
    return out


PANEL_EXCLUDE = ("outline", "measures", "metrics")  # shown as their own tables


@dataclass(frozen=True)
class PanelRow:
    label: str
    path: str
    value: str
    confidence: float
    located: bool  # has a span in the text (the row links to it)


def panel(reply: dict, spans: list[FieldSpan]) -> list[PanelRow]:
    """The letter's fields, one row each, in JSON order."""
    located = {f.path for f in spans}
    return [PanelRow(LABELS[kind], path, display(kind, field), float(field.get("confidence", 1.0)), path in located)
            for kind, path, field in fields_of(reply) if kind not in PANEL_EXCLUDE]
