"""Word and character-bigram overlap between an ask and a reply sentence (or two asks)."""
from __future__ import annotations

import re

from govdoc.compare.cues import Cues
from govdoc.nlp.segment import cut

# Runs of CJK characters, digits and Latin letters: bigrams never cross punctuation.
RUN = re.compile(r"[\u3400-\u9fffA-Za-z0-9]+")


def bigrams(text: str, cues: Cues) -> set[str]:
    """Character bigrams of ``text`` (match text) with the generic words blanked out."""
    out: set[str] = set()
    for run in RUN.findall(cues.strip("generic", text)):
        out.update(run[i:i + 2] for i in range(len(run) - 1))
    return out


def key_words(text: str, cues: Cues) -> set[str]:
    """jieba words of two characters or more that are not generic."""
    return {w for w in cut(text) if len(w) >= 2 and RUN.fullmatch(w) and not cues.fires("generic", w)}


def containment(a: str, b: str, cues: Cues) -> float:
    """Share of the bigrams of the shorter text found in the other."""
    x, y = bigrams(a, cues), bigrams(b, cues)
    if not x or not y:
        return 0.0
    small, large = (x, y) if len(x) <= len(y) else (y, x)
    return len(small & large) / len(small)


def containment_in(part: str, whole: str, cues: Cues) -> float:
    """Share of the bigrams of ``part`` found in ``whole`` (0 when ``part`` has none)."""
    x = bigrams(part, cues)
    return len(x & bigrams(whole, cues)) / len(x) if x else 0.0


def relevance(ask: str, sentence: str, cues: Cues, common: str = "") -> tuple[float, int]:
    """How much of the ask's key words and bigrams a sentence holds: ``(share, hits)``, the better
    of the two measures (words catch 院校 in 引进一所…院校; bigrams catch unsegmented names).  With
    ``common`` (the other asks' text), only the ask's own words and bigrams count, unless it has none."""
    words = {w for w in key_words(ask, cues) if w not in common} or key_words(ask, cues)
    word_hits = sum(w in sentence for w in words)
    grams = (bigrams(ask, cues) - bigrams(common, cues)) or bigrams(ask, cues)
    gram_hits = len(grams & bigrams(sentence, cues))
    word_share = word_hits / len(words) if words else 0.0
    gram_share = gram_hits / len(grams) if grams else 0.0
    return max((word_share, word_hits), (gram_share, gram_hits))
