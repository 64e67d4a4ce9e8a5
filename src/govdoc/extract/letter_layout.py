"""Where the parts of a letter are: header block (number, grade, title), salutation, body.

Pure helpers over the match text, shared by the header stages (doc_number, grade, title,
issuer).  They look only at the first ``HEADER_WINDOW`` characters, so they stay cheap on long
texts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from govdoc.data import load
from govdoc.extract.scan import TextIndex, nonblank_line_above

HEADER_WINDOW = 1500

# Words a salutation ends with: persons (代表, 委员, 同志 …), groups and organs.
_ADDRESSEE_END = r"(?:代表|委员|同志|先生|女士|老师|小组|委员会|支部|党派|单位|[局委厅部办处室院所会组们])"
# A salutation line: optional 尊敬的, a short run without sentence punctuation, then a colon.
SALUTATION_RE = re.compile(
    rf"^[ \t]*(?:尊敬的)?[^\n:：,，。;；!！?？|>]{{1,40}}?{_ADDRESSEE_END}[ \t]*[:：][ \t]*$", re.M)
# Labels that end in an addressee word but open a metadata field, not a salutation.
_NOT_SALUTATION = re.compile(r"(?:联系|承办|主办|协办|会办|分管|来源|发布|抄送|抄报|办理|所属|责任|分享|签发|领导)")
# A body paragraph: a line with two or more sentence marks, or a long line with one.
SENTENCE_MARK = re.compile(r"[,，。;；!！?？]")
URL_RE = re.compile(r"(?:https?://|www\.)\S*")
# A line linking to other letters on the page (上一篇：关于第5号建议的答复), matched at a line start.
SIBLING_RE = re.compile(r"[ \t]*[\[【(]?[ \t]*(?:上一篇|下一篇|上一条|下一条|上一页|下一页|相关阅读|相关链接)")
# A line of the page around a letter, matched at a line start: a sibling link, a row of buttons
# (【打印本页】【关闭窗口】), the site's footer (版权所有 · 备案号 · 技术支持 · 网站地图).
PAGE_CHROME_RE = re.compile(rf"{SIBLING_RE.pattern}|[ \t]*(?:【[^】\n]{{1,8}}】[ \t]*)+$"
                            r"|[^\n]*(?:版权所有|备案号|ICP备|技术支持|网站地图|Copyright|©)", re.M)


def last_letter_line(match: str, floor: int = 0) -> tuple[int, int] | None:
    """``(start, end)`` of the last non-blank line (not above ``floor``) that is not page chrome
    (``PAGE_CHROME_RE``): where the letter itself ends."""
    line = nonblank_line_above(match, len(match.rstrip()) + 1, floor)
    while line is not None and PAGE_CHROME_RE.match(match, *line):
        line = nonblank_line_above(match, line[0], floor)
    return line


def iter_lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of every line of ``text[start:end]`` (offsets into ``text``); an empty
    piece after a final line break is not a line.  (One ``split`` is far cheaper than a
    ``find`` per line.)"""
    end = len(text) if end is None else end
    out = []
    pos = start
    for line in text[start:end].split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    if out and out[-1][0] == out[-1][1]:
        out.pop()
    return out


_AFTER_LINE_END_COLON_RE = re.compile(r"[ \t]*(?:\n|$)")  # what follows a colon that ends its line


def salutation_start(match: str, limit: int = HEADER_WINDOW, ix: TextIndex | None = None) -> int:
    """Offset of the first salutation line in the header window, or -1.  Only lines that end
    in a colon are tried (read at the text's colons, from ``ix``: the text's index), not every
    line start."""
    end = min(len(match), limit)
    for colon in (ix or TextIndex(match)).colons_in(0, end):
        after = _AFTER_LINE_END_COLON_RE.match(match, colon + 1, end)
        if after is None:
            continue
        line_start = match.rfind("\n", 0, colon) + 1
        m = SALUTATION_RE.match(match, line_start, min(end, after.end()))
        if m and not _NOT_SALUTATION.search(m.group()):
            return m.start()
    return -1


def is_paragraph(line: str) -> bool:
    if "http" in line or "www." in line:
        line = URL_RE.sub("", line)
    marks = len(SENTENCE_MARK.findall(line))
    if marks >= 2:
        return True
    line = line.strip()
    return marks == 1 and (line.endswith(("如下:", "如下：")) or (len(line) >= 40 and not line.endswith((":", "："))))


def body_start(match: str, limit: int = HEADER_WINDOW, ix: TextIndex | None = None) -> int:
    """Where the letter's body begins: the salutation, else the first paragraph-like line,
    else the end of the header window (``Analysis.body_start``)."""
    sal = salutation_start(match, limit, ix)
    return first_paragraph(match, 0, min(len(match), limit) if sal < 0 else sal)


def first_paragraph(match: str, start: int, end: int) -> int:
    """The start of the first paragraph-like line (``is_paragraph``) of ``match[start:end]``
    (``start`` a line's start), else ``end``."""
    # A paragraph holds a sentence mark: only the lines holding one are read, found by searching
    # for the marks (rather than reading every line).
    pos = start
    while True:
        mark = SENTENCE_MARK.search(match, pos, end)
        if mark is None:
            return end
        s = match.rfind("\n", 0, mark.start()) + 1
        e = match.find("\n", mark.start(), end)
        e = end if e < 0 else e
        if is_paragraph(match[s:e]):
            return s
        pos = e + 1


# Characters an organ's name never contains: digits, sentence punctuation, colons, quotes.
_NOT_ORG = r"\d:：,，。;；!！?？、|<>《》“”\"【】\[\]"
_NOT_ORG_CHAR = re.compile(f"[{_NOT_ORG}]")


@dataclass(frozen=True)
class Organs:
    endings: tuple[str, ...]  # words an organ's name ends with (局, 委员会, 人民政府, 办事处, 大队 …)
    name: re.Pattern  # an organ name (used inside larger patterns: a title's first words, a bracket after it)


@cache
def organs() -> Organs:
    """From ``data/rules/organ_endings.tsv``, on first use (they depend on no letter)."""
    endings = tuple(w.word for w in load.organ_endings())
    return Organs(endings, re.compile(rf"[^\n{_NOT_ORG}]{{2,40}}?(?:{'|'.join(endings)})"))

_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
# Placeholders of model texts and templates (XX林业局, 第X号, ×××号, X X届): never values.
PLACEHOLDER_RE = re.compile(r"(?<![A-Za-z])(?:[X×][ \t]?[X×]+|[X×](?=[届次号年月日]))(?![A-Za-z])|某某")


def has_placeholder(text: str) -> bool:
    return ("X" in text or "×" in text or "某某" in text) and bool(PLACEHOLDER_RE.search(text))


def org_span(line: str, min_cjk: int = 4) -> tuple[int, int] | None:
    """``(start, end)`` of an organ name that fills ``line`` (spaces around it allowed)."""
    stripped = line.strip()
    if not min_cjk <= len(stripped) <= 42 or not stripped.endswith(organs().endings) or _NOT_ORG_CHAR.search(stripped):
        return None
    if len(_CJK_CHAR.findall(stripped)) < min_cjk or "  " in stripped or "\t" in stripped:
        return None  # too short, or several names side by side (joint letters)
    start = line.index(stripped)
    return start, start + len(stripped)
