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

from govdoc.nlp.extensions import DocFields
from govdoc.extract.letter_layout import HEADER_WINDOW, PLACEHOLDER_RE, has_placeholder
from govdoc.extract.scan import TextIndex

if TYPE_CHECKING:  # the stages receive the analysis; they never import it at run time
    from govdoc.extract.analysis import Analysis

# A cue: words one of which must occur (a cheap ``in`` test; empty: no such test), the patterns
# (the cue fires when any of them occurs), and its weight.
Cue = tuple[tuple[str, ...], tuple[re.Pattern, ...], float]


def _cues(*cues: tuple[tuple[str, ...], str | tuple[str, ...], float]) -> list[Cue]:
    return [(anchors, tuple(re.compile(p, re.M) for p in ((pats,) if isinstance(pats, str) else pats)), w)
            for anchors, pats, w in cues]


# Cues are only ever searched for (does the text have one?), and each pattern opens with a
# literal, so that the regex engine skips ahead to it instead of trying the pattern at every
# offset (several times faster on a letter): the words before that literal are checked by a
# look-behind, and an alternation of words with different first characters is split into
# patterns of its own.  A cue that must start a line opens with the line break: the text is
# searched with one put in front (see ``_text_scores``).
REPLY_CUES = _cues(
    # 现答复如下 / 现将…情况答复如下: (?:答复|回复|函复|函告|复函)(?:意见)?如下
    ((), r"如下(?:(?<=(?:答复|回复|函复|函告|复函)如下)|(?<=(?:答复|回复|函复|函告|复函)意见如下))", 3.0),
    ((), r"答复意见(?:如下|(?<=提出以下答复意见))", 3.0),                 # 提出以下答复意见|答复意见如下
    ((), r"收悉", 1.0),
    ((), r"此(?:复|(?<=特此)(?:答复|函复|回复))", 2.0),                   # 此复|特此(?:答复|函复|回复)
    ((), r"办意见(?<=[会协]办意见)", 1.5),                                # 会办意见|协办意见
    ((), r"感谢(?:您|你们|你)", 0.5),
    ((), (r"办理结果[ \t]*[:：][ \t]*[(（]?[A-D甲乙丙丁]", r"复类别(?<=[答办]复类别)[ \t]*[:：]"), 1.0),
)
SUGGESTION_CUES = _cues(
    ((), r"案[ \t]*由", 1.5),
    # 代表姓名|提案人|提议人|领衔(?:代表|人|委员)[ \t]*[:：|]|附议(?:代表|人)|联名代表|所属代表团
    ((), (r"代表(?:姓名|(?<=联名代表)|团(?<=所属代表团))", r"提[案议]人", r"领衔(?:代表|人|委员)[ \t]*[:：|]",
          r"附议(?:代表|人)"), 2.0),
    (("内容",), r"(?:题[ \t]*目|标[ \t]*题)[ \t]*[:：][^\n]*\n(?:.*\n){0,3}?[ \t]*内[ \t]*容[ \t]*[:：]", 2.0),
    ((), r"\n[ \t]*(?:建议|理由|办法和建议|具体建议)[ \t]*[:：]", 1.5),      # at a line start
    # (?:特|现)?(?:提出|提)(?:以下|如下)建议|建议如下|为此[,，]?(?:特)?建议
    ((), (r"提出?[以如]下建议", r"建议如下", r"为此[,，]?特?建议"), 1.5),
)
OTHER_CUES = _cues(
    ((), r"第[一二三四五六七八九十百]+条[ \t]", 3.0),                     # articles of rules
    ((), r"各承办单位|各(?:有关)?单位要|各(?:县|区|市)(?:区)?(?:人民政府|政府)?要", 2.0),
    # 共(?:收到|承办|交办|办理|受理)[^\n。]{0,12}\d+件|\d+件[(（][A-D甲乙丙丁]类|[(（][A-D甲乙丙丁]类[)）]\d+件
    ((), (r"共(?:收到|承办|交办|办理|受理)[^\n。]{0,12}\d+件", r"件(?<=\d件)[(（][A-D甲乙丙丁]类",
          r"类[)）](?<=[(（][A-D甲乙丙丁]类[)）])\d+件"), 2.5),
    ((), (r"网友", r"\n[ \t]*市民[^\n]{0,4}[:：]"), 3.0),                  # answers to citizens' messages
    ((), (r"留言", r"信(?:箱|件编号|(?<=来信)人)"), 2.0),                  # 留言|信箱|来信人|信件编号
)
# Placeholders of templates (XX林业局, 第X号, ×××号, X X届).
PLACEHOLDER_WEIGHT, PLACEHOLDER_MAX = 3.0, 4
OTHER_PRIOR = 1.0

REPLY_TITLE_RE = re.compile(r"(?:答复|回复|复函|的函|答复意见|会办意见|协办意见)(?:[ \t]*[(（][^()（）]{1,60}[)）])?$")
SUGGESTION_TITLE_RE = re.compile(r"(?:建议|建议案|提案|议案)$")
OTHER_TITLE_RE = re.compile(r"(?:通知|方案|办法|规定|规则|细则|报告|决定|公告|通报|纲要|总结|批复|情况)$")


def _score(lined: str, cues: list[Cue]) -> float:
    """The summed weights of the cues found in ``lined`` (a text with a line break put in front)."""
    total = 0
    for anchors, patterns, w in cues:
        if anchors and not any(a in lined for a in anchors):
            continue
        for p in patterns:
            if p.search(lined):
                total += w
                break
    return total


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
        title = title.strip()
        if REPLY_TITLE_RE.search(title):
            scores["reply"] += 3.0
        elif SUGGESTION_TITLE_RE.search(title):
            scores["suggestion"] += 1.5
        elif OTHER_TITLE_RE.search(title):
            scores["other"] += 3.0
    return scores


def text_scores(match: str, ix: TextIndex | None = None) -> dict[str, float]:
    """The cue weights of the text alone (``Analysis.kind_text_scores``)."""
    lined = "\n" + match  # a line break in front: every line start follows one
    scores = {"reply": _score(lined, REPLY_CUES) + (SALUTATION_WEIGHT if _salutation_cue(match, ix) else 0),
              "suggestion": _score(lined, SUGGESTION_CUES), "other": OTHER_PRIOR + _score(lined, OTHER_CUES)}
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
        title = None if has_placeholder(title) else title.replace("\n", "")
    return classify(a.match, title, a.kind_text_scores)[0]


@Language.component("govdoc_kind", requires=["doc._.analysis"], assigns=["doc._.kind"])
def kind_component(doc):
    ext = DocFields(doc)
    ext.kind = ext.analysis.kind
    return doc
