"""The per-letter analysis: the normalized text and what several stages derive from it.

:class:`Analysis` is a :class:`~govdoc.normalize.NormText` (its text, match text and span helpers)
plus typed properties, each computed on first use and kept with the letter
(``functools.cached_property``): where the body starts, the title block, the kind, the
salutation, the headings …  A stage that needs one reads the attribute; the function that
computes it is named right here, so a reader sees who computes what, the value cannot depend on
which stage asked first, and a dependency cycle would be an ordinary ``RecursionError`` traceback
through these properties.  Nothing is cached outside the object: a batch of letters run stage by
stage (``pipeline.run_batch``) keeps one analysis per letter on its ``Doc`` (``doc._.analysis``).

The stage modules do not import this one (they receive the object); this module imports their
pure functions.
"""
from __future__ import annotations

from dataclasses import fields
from functools import cached_property
from typing import Optional

from spacy.language import Language

from govdoc.extract.addressee import Candidate as AddresseeCandidate, best_addressee
from govdoc.extract.doc_number import year_opens
from govdoc.extract.kind import kind_of, reply_like, text_scores
from govdoc.extract.letter_layout import body_start
from govdoc.extract.outline import HeadingCandidate, find_headings
from govdoc.extract.scan import TextIndex
from govdoc.extract.title import Candidate as TitleCandidate, best_title
from govdoc.nlp.extensions import DocFields
from govdoc.normalize import NormText


class Analysis(NormText):
    """One letter's normalized text with its shared, lazily computed values."""

    @classmethod
    def of(cls, norm: NormText) -> "Analysis":
        if isinstance(norm, Analysis):
            return norm
        return cls(**{f.name: getattr(norm, f.name) for f in fields(NormText)})

    @cached_property
    def index(self) -> TextIndex:
        """Colons and colon-led lines of the match text, found once."""
        return TextIndex(self.match)

    @cached_property
    def body_start(self) -> int:
        """Where the body begins: the salutation, else the first paragraph, else the end of the
        header window (``letter_layout.body_start``)."""
        return body_start(self.match, ix=self.index)

    @cached_property
    def year_opens(self) -> list[tuple[int, int]]:
        """Spans of every year bracket (``〔2019〕``) that opens a document number."""
        return year_opens(self.match)

    @cached_property
    def kind_text_scores(self) -> dict[str, float]:
        """The kind cues' weights summed per kind, from the text alone (no title)."""
        return text_scores(self.match, self.index)

    @cached_property
    def looks_like_reply(self) -> bool:
        """Strong reply cues in the text alone (what the title stage asks before it knows the title)."""
        return reply_like(self.kind_text_scores)

    @cached_property
    def title_candidate(self) -> Optional[TitleCandidate]:
        """The letter's own title block (``title.best_title``)."""
        return best_title(self)

    @cached_property
    def kind(self) -> str:
        """``reply``, ``suggestion`` or ``other``: the kind cues and the title (``kind.kind_of``)."""
        return kind_of(self)

    @cached_property
    def addressee(self) -> Optional[AddresseeCandidate]:
        """The salutation (``addressee.best_addressee``)."""
        return best_addressee(self)

    @cached_property
    def headings(self) -> list[HeadingCandidate]:
        """The numbered headings of the body (``outline.find_headings``)."""
        return find_headings(self)


@Language.component("govdoc_analysis", assigns=["doc._.analysis"])
def analysis_component(doc):
    """The first stage: the letter's :class:`Analysis`, which every later stage reads.  It is made
    from ``doc._.norm``, which comes with the Doc (``nlp.extensions.init_doc``, as the tokens come
    from the tokenizer), not from a stage, so it is no ``requires`` entry."""
    ext = DocFields(doc)
    ext.analysis = Analysis.of(ext.norm)
    return doc
