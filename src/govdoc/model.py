"""The output model: the single source of govdoc's JSON format.

Every field object carries ``span`` (where in the normalized text it came from) and
``confidence``.  ``schemas/reply.schema.json`` is generated from :class:`Reply` by
``python -m govdoc.schema`` and a test fails when the two drift.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_serializer

SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """Character offsets ``[start, end)`` into the normalized text, and the page of ``start``."""

    page: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Field_(_Model):
    span: Optional[Span] = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class Source(_Model):
    path: str
    sha256: str
    format: Literal["text", "pdf", "docx", "ofd", "html", "image"]
    pages: int = Field(ge=0)
    ocr: bool = False


class DocNumber(Field_):
    raw: str
    prefix: Optional[str] = None
    year: Optional[int] = None
    serial: Optional[int] = None


class Name(Field_):
    name: str


class Grade(Field_):
    """The result class a reply gives itself.  ``letter``: A–D for the letter classes (甲乙丙丁 read
    as A–D), else the label as written (二类, 已解决); for those, ``scheme`` and ``rank`` (1 = best)
    from ``data/rules/grade_labels.tsv``, which the JSON leaves out for the letter classes (whose
    letter is the rank).  ``raw``: the text as written."""

    letter: str
    raw: str
    meaning: Optional[str] = None
    scheme: Optional[str] = None
    rank: Optional[int] = Field(default=None, ge=1)

    @model_serializer(mode="wrap")
    def _leave_out_no_scheme(self, handler):
        data = handler(self)
        if self.scheme is None and self.rank is None:
            data.pop("scheme", None)
            data.pop("rank", None)
        return data


class Text(Field_):
    text: str


class Congress(Field_):
    body: Optional[Literal["人大", "政协"]] = None
    level: Optional[str] = None
    term: Optional[int] = None
    session: Optional[int] = None
    raw: str


class Item(Field_):
    type: Optional[Literal["建议", "提案", "议案", "批评和意见"]] = None
    number: Optional[str] = None


class Proposer(Field_):
    name: str
    role: Optional[str] = None  # 代表 | 委员 | 小组 … as written


class DateValue(Field_):
    date: Optional[str] = None  # ISO yyyy-mm-dd, null when the raw date cannot be resolved
    raw: str


class Contact(Field_):
    unit: Optional[str] = None
    person: Optional[str] = None
    phone: Optional[str] = None


class Heading(Field_):
    marker: str  # 一、 （一） 1. （1）
    level: int = Field(ge=1)
    title: str
    children: list["Heading"] = Field(default_factory=list)


class CitedDocument(_Model):
    title: Optional[str] = None
    doc_number: Optional[str] = None


class Measure(Field_):
    title: str
    text: str
    section: Optional[str] = None
    status: Literal["taken", "planned"] = "taken"
    cited_documents: list[CitedDocument] = Field(default_factory=list)


class Comparison(_Model):
    baseline: str  # e.g. 全省均值, 去年同期
    direction: Literal["higher", "lower", "up", "down", "equal"]
    delta: Optional[float] = None
    unit: Optional[str] = None


class Rank(_Model):
    position: int
    scope: Optional[str] = None  # 全省, 全市 …


class Metric(Field_):
    raw: str
    indicator: Optional[str] = None
    value: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Optional[str] = None  # 约 余 多 以上 不足 …
    comparison: Optional[Comparison] = None
    rank: Optional[Rank] = None
    as_of: Optional[str] = None
    scope: Optional[str] = None


Kind = Literal["reply", "suggestion", "other"]


class Reply(_Model):
    """One parsed document. Non-reply documents keep ``kind`` and the fields that apply."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    kind: Kind = "other"
    doc_number: Optional[DocNumber] = None
    issuer: Optional[Name] = None
    signatories: list[Name] = Field(default_factory=list)
    grade: Optional[Grade] = None
    title: Optional[Text] = None
    congress: Optional[Congress] = None
    item: Optional[Item] = None
    addressee: Optional[Text] = None
    proposers: list[Proposer] = Field(default_factory=list)
    issue_date: Optional[DateValue] = None
    contact: Optional[Contact] = None
    cc: list[Name] = Field(default_factory=list)
    printed_by: Optional[Name] = None
    printed_date: Optional[DateValue] = None
    disclosure: Optional[Text] = None
    outline: list[Heading] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
