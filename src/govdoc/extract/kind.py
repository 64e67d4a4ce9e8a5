"""What the document is: ``reply`` (答复 / 复函 / 回复 / 会办意见 …), ``suggestion`` (the
deputy's or member's own text) or ``other`` (notices, rules, plans, statistics, templates …).

General cues, each with a weight, are summed per kind; ``other`` starts with a small prior so
that a text with no cues at all is not called a reply.  Runs last, so it can use the title.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.language import Language

from govdoc.nlp.extensions import DocFields
from govdoc.extract.letter_layout import PLACEHOLDER_RE, has_placeholder, memo

# A cue: words one of which must occur (a cheap ``in`` test), the pattern, and its weight.
Cue = tuple[tuple[str, ...], re.Pattern, float]


def _cues(*cues: tuple[tuple[str, ...], str, float]) -> list[Cue]:
    return [(anchors, re.compile(p, re.M), w) for anchors, p, w in cues]


REPLY_CUES = _cues(
    (("如下",), r"(?:答复|回复|函复|函告|复函)(?:意见)?如下", 3.0),     # 现答复如下 / 现将…情况答复如下
    (("答复意见",), r"提出以下答复意见|答复意见如下", 3.0),
    (("收悉",), r"收悉", 1.0),
    (("此复", "特此"), r"此复|特此(?:答复|函复|回复)", 2.0),
    (("会办意见", "协办意见"), r"会办意见|协办意见", 1.5),
    (("感谢",), r"感谢(?:您|你们|你)", 0.5),
    (("办理结果", "类别"), r"办理结果[ \t]*[:：][ \t]*[(（]?[A-D甲乙丙丁]|(?:答复|办复)类别[ \t]*[:：]", 1.0),
)
SUGGESTION_CUES = _cues(
    (("案",), r"案[ \t]*由", 1.5),
    (("代表", "提案人", "提议人", "领衔", "附议"),
     r"代表姓名|提案人|提议人|领衔(?:代表|人|委员)[ \t]*[:：|]|附议(?:代表|人)|联名代表|所属代表团", 2.0),
    (("内容",), r"(?:题[ \t]*目|标[ \t]*题)[ \t]*[:：][^\n]*\n(?:.*\n){0,3}?[ \t]*内[ \t]*容[ \t]*[:：]", 2.0),
    (("建议", "理由", "办法"), r"^[ \t]*(?:建议|理由|办法和建议|具体建议)[ \t]*[:：]", 1.5),
    (("以下建议", "如下建议", "建议如下", "为此"), r"(?:特|现)?(?:提出|提)(?:以下|如下)建议|建议如下|为此[,，]?(?:特)?建议", 1.5),
)
OTHER_CUES = _cues(
    (("条",), r"第[一二三四五六七八九十百]+条[ \t]", 3.0),                   # articles of rules
    (("各",), r"各承办单位|各(?:有关)?单位要|各(?:县|区|市)(?:区)?(?:人民政府|政府)?要", 2.0),
    (("共收到", "共承办", "共交办", "共办理", "共受理", "件(", "件（", "类)", "类）"), r"共(?:收到|承办|交办|办理|受理)[^\n。]{0,12}\d+件|\d+件[(（][A-D甲乙丙丁]类|[(（][A-D甲乙丙丁]类[)）]\d+件", 2.5),
    (("网友", "市民"), r"网友|^[ \t]*市民[^\n]{0,4}[:：]", 3.0),                 # answers to citizens' messages
    (("留言", "信箱", "来信", "信件"), r"留言|信箱|来信人|信件编号", 2.0),
)
# Placeholders of templates (XX林业局, 第X号, ×××号, X X届).
PLACEHOLDER_WEIGHT, PLACEHOLDER_MAX = 3.0, 4
OTHER_PRIOR = 1.0

REPLY_TITLE_RE = re.compile(r"(?:答复|回复|复函|的函|答复意见|会办意见|协办意见)(?:[ \t]*[(（][^()（）]{1,60}[)）])?$")
SUGGESTION_TITLE_RE = re.compile(r"(?:建议|建议案|提案|议案)$")
OTHER_TITLE_RE = re.compile(r"(?:通知|方案|办法|规定|规则|细则|报告|决定|公告|通报|纲要|总结|批复|情况)$")


def _score(text: str, cues: list[Cue]) -> float:
    return sum(w for anchors, pattern, w in cues if any(a in text for a in anchors) and pattern.search(text))


SALUTATION_CUE = _cues((("代表", "委员"), r"^[ \t]*(?:尊敬的)?[^\n:：,，。]{1,40}(?:代表|委员)(?:们)?[ \t]*[:：]", 1.0))
HEADER_WINDOW = 1500


def kind_scores(match: str, title: Optional[str] = None) -> dict[str, float]:
    """The summed cue weights per kind for a match text (and the title when known)."""
    scores = dict(_text_scores(match))
    if title:
        title = title.strip()
        if REPLY_TITLE_RE.search(title):
            scores["reply"] += 3.0
        elif SUGGESTION_TITLE_RE.search(title):
            scores["suggestion"] += 1.5
        elif OTHER_TITLE_RE.search(title):
            scores["other"] += 3.0
    return scores


_LAST: list = [None, None]  # (match text, its scores): the title stage and the kind stage ask for the same text


def _text_scores(match: str) -> dict[str, float]:
    """The cue weights of the text alone, remembered for the latest text."""
    if _LAST[0] is match:
        return _LAST[1]
    scores = {"reply": _score(match, REPLY_CUES) + _score(match[:HEADER_WINDOW], SALUTATION_CUE), "suggestion": _score(match, SUGGESTION_CUES),
              "other": OTHER_PRIOR + _score(match, OTHER_CUES)}
    placeholders = 0
    if "X" in match or "×" in match:
        placeholders = sum(1 for _ in zip(range(PLACEHOLDER_MAX), PLACEHOLDER_RE.finditer(match)))
    scores["other"] += PLACEHOLDER_WEIGHT * placeholders
    _LAST[:] = [match, scores]
    return scores


def classify(match: str, title: Optional[str] = None) -> tuple[str, float]:
    """``(kind, confidence)``: the kind with the highest score; ties go to ``other``."""
    scores = kind_scores(match, title)
    order = sorted(scores.items(), key=lambda kv: (kv[1], kv[0] == "other"), reverse=True)
    (best, top), (_, second) = order[0], order[1]
    confidence = top / (top + second) if top + second else 0.5
    return best, round(min(0.99, confidence), 3)


def looks_like_reply(match: str) -> bool:
    """Strong reply cues in the text alone (before the title is known)."""
    scores = kind_scores(match)
    return scores["reply"] >= 3.0 and scores["reply"] > max(scores["suggestion"], scores["other"])


def kind_of(norm) -> str:
    """The kind of a text, with its title block as the title stage finds it; computed once per
    text (the contact stage asks before this stage runs)."""
    def compute(norm):
        from govdoc.extract.title import best_title

        cand = best_title(norm)
        title = None
        if cand is not None:  # the title as the match text has it
            title = norm.match[cand.start:cand.end]
            title = None if has_placeholder(title) else title.replace("\n", "")
        return classify(norm.match, title)[0]

    return memo(norm, "kind", compute)


@Language.component("govdoc_kind", requires=["doc._.norm"], assigns=["doc._.kind"])
def kind_component(doc):
    ext = DocFields(doc)
    ext.kind = kind_of(ext.norm)
    return doc
