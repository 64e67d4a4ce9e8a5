"""The JSON of ``govdoc compare``: one comparison of a suggestion and a reply."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from govdoc.model import Span

Label = Literal["concrete", "general", "explained", "not_addressed"]
LABELS: tuple[str, ...] = ("concrete", "general", "explained", "not_addressed")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Quote(_Model):
    text: str
    span: Span


class SignalOut(_Model):
    kind: str  # refusal | completed | plan | money | date | named | quantity | intention
    text: str
    span: Span  # in the reply part


class AskOut(_Model):
    text: str
    span: Span  # in the suggestion part
    response: Label
    evidence: list[Quote] = Field(default_factory=list)  # spans in the reply part
    signals: list[SignalOut] = Field(default_factory=list)


class SuggestionOut(_Model):
    title: Optional[str] = None
    item: Optional[str] = None
    proposers: list[str] = Field(default_factory=list)
    asks: list[AskOut] = Field(default_factory=list)


class ReplyOut(_Model):
    doc_number: Optional[str] = None
    issuer: Optional[str] = None
    grade: Optional[str] = None
    title: Optional[str] = None


class LinkOut(_Model):
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[str] = Field(default_factory=list)


class Comparison(_Model):
    suggestion: SuggestionOut
    reply: ReplyOut
    link: LinkOut
    coverage: float = Field(ge=0.0, le=1.0)
    flags: list[str] = Field(default_factory=list)
