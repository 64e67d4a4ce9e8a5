"""What the document is: ``reply`` (答复 / 复函 / 回复 / 会办意见 …), ``suggestion`` (the
deputy's or member's own text) or ``other`` (notices, rules, plans, statistics, templates …).

General cues, each with a weight, are summed per kind; ``other`` starts with a small prior so
that a text with no cues at all is not called a reply.  The title block (``Analysis.title_candidate``)
adds its own cue.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from spacy.language import Language

from govdoc.data.load import KINDS, kind_cues
from govdoc.nlp.extensions import DocFields
from govdoc.extract.letter_layout import HEADER_WINDOW, PLACEHOLDER_RE, has_placeholder
from govdoc.extract.scan import TextIndex
from govdoc.text.zh import strip_pinyin

if TYPE_CHECKING:  # the stages receive the analysis; they never import it at run time
    from govdoc.extract.analysis import Analysis

# The cues themselves, each with its weight and an example, are data: ``data/rules/kind_cues.tsv``
# (``govdoc.data.load.kind_cues``).

# Placeholders of templates (XX林业局, 第X号, ×××号, X X届).
PLACEHOLDER_WEIGHT, PLACEHOLDER_MAX = 3.0, 4
OTHER_PRIOR = 1.0


def _cue_scores(text: str, where: str) -> dict[str, float]:
    """The summed weights per kind of the ``where`` cues (text or title) found in ``text``; of the
    title cues only the first that fires counts."""
    scores = dict.fromkeys(KINDS, 0.0)
    for cue in kind_cues():
        if cue.where == where and cue.rule.search(text):
            scores[cue.kind] += cue.weight
            if where == "title":
                break
    return scores


# A salutation to deputies or members in the header window (its first 1,500 characters):
# ``\n[ \t]*(?:尊敬的)?[^\n:：,，。]{1,40}(?:代表|委员)(?:们)?[ \t]*[:：]`` searched in the text with a
# line break in front.  What precedes its colon holds no colon, so it is the first colon of its
# line: the pattern below is tried only on those lines, from the line start to that colon
# (``_salutation_cue``), instead of at each line start of the window.
SALUTATION_AT = re.compile(r"[ \t]*(?:尊敬的)?[^\n:：,，。]{1,40}(?:代表|委员)(?:们)?[ \t]*[:：]")
SALUTATION_WEIGHT = 1.0


def _salutation_cue(match: str, ix: TextIndex | None = None) -> bool:
    """A line of ``match[:HEADER_WINDOW]`` that ``SALUTATION_AT`` reads up to its first colon."""
    for s, colon, _last in (ix or TextIndex(match)).first_colons:
        if colon >= HEADER_WINDOW:
            return False
        if SALUTATION_AT.match(match, s, colon + 1):
            return True
    return False


def kind_scores(match: str, title: Optional[str] = None,
                text_cues: Optional[dict[str, float]] = None) -> dict[str, float]:
    """The summed cue weights per kind for a match text (and the title when known);
    ``text_cues``: the text's own (``text_scores``), when already known."""
    scores = dict(text_scores(match) if text_cues is None else text_cues)
    if title:
        for kind, weight in _cue_scores(title.strip(), "title").items():
            scores[kind] += weight
    return scores


def text_scores(match: str, ix: TextIndex | None = None) -> dict[str, float]:
    """The cue weights of the text alone (``Analysis.kind_text_scores``); the cues read the text
    without the pinyin some mirrors insert (現(xiàn)答復(fù)如下 is 現答復如下)."""
    scores = _cue_scores(strip_pinyin(match), "text")
    scores["reply"] += SALUTATION_WEIGHT if _salutation_cue(match, ix) else 0
    scores["other"] += OTHER_PRIOR
    placeholders = 0
    if "X" in match or "×" in match:
        placeholders = sum(1 for _ in zip(range(PLACEHOLDER_MAX), PLACEHOLDER_RE.finditer(match)))
    scores["other"] += PLACEHOLDER_WEIGHT * placeholders
    return scores


def classify(match: str, title: Optional[str] = None,
             text_cues: Optional[dict[str, float]] = None) -> tuple[str, float]:
    """``(kind, confidence)``: the kind with the highest score; ties go to ``other``."""
    scores = kind_scores(match, title, text_cues)
    order = sorted(scores.items(), key=lambda kv: (kv[1], kv[0] == "other"), reverse=True)
    (best, top), (_, second) = order[0], order[1]
    confidence = top / (top + second) if top + second else 0.5
    return best, round(min(0.99, confidence), 3)


def reply_like(text_cues: dict[str, float]) -> bool:
    """Strong reply cues in the text alone (before the title is known)."""
    return text_cues["reply"] >= 3.0 and text_cues["reply"] > max(text_cues["suggestion"], text_cues["other"])


def kind_of(a: Analysis) -> str:
    """The kind of a letter, with its title block as the title stage finds it
    (``Analysis.kind``)."""
    cand = a.title_candidate
    title = None
    if cand is not None:  # the title as the match text has it
        title = a.match[cand.start:cand.end]
        title = None if has_placeholder(title) else strip_pinyin(title.replace("\n", ""))
    return classify(a.match, title, a.kind_text_scores)[0]


@Language.component("govdoc_kind", requires=["doc._.analysis"], assigns=["doc._.kind"])
def kind_component(doc):
    ext = DocFields(doc)
    ext.kind = ext.analysis.kind
    return doc
