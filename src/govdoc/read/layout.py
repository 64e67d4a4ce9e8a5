"""Text lines placed on a page → reading-order text, for the readers that know where each
piece of text stands (OCR boxes, a PDF's text lines).

Boxes are grouped into lines by their vertical centre and sorted left to right, joined without
spaces between Chinese characters; a line that a paragraph wrapped is joined to its
continuation, and a vertical gap well above the line pitch becomes a blank line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median
from typing import Iterable, Optional, Sequence

from govdoc.text.zh import CJK_RE, HEADING_START


@dataclass
class Box:
    text: str
    score: float
    x0: float
    y0: float
    x1: float
    y1: float
    lead: float = 0.0  # the advance of the first character, where the reader measured it (PDF)

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def yc(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class Line:
    boxes: list[Box]

    @property
    def x0(self) -> float:
        return min(b.x0 for b in self.boxes)

    @property
    def x1(self) -> float:
        return max(b.x1 for b in self.boxes)

    @property
    def yc(self) -> float:
        return sum(b.yc for b in self.boxes) / len(self.boxes)

    def text(self) -> str:
        """The boxes left to right, joined as words are (:func:`join_words`), or by spaces
        enough to fill a gap wider than :data:`COLUMN_GAP` (two columns of one line:
        ``黔农字〔2016〕12号      签发人：``), so that normalization keeps them apart."""
        out, prev = "", None
        for box in sorted(self.boxes, key=lambda b: b.x0):
            gap = column_spaces(box.x0 - prev.x1, max(box.height, prev.height)) if prev and out else ""
            out = out + gap + box.text.strip() if gap else join_words(out, box.text.strip())
            prev = box
        return out


def column_spaces(gap: float, height: float) -> str:
    """Spaces for a gap between two pieces of one line: none for a gap a word processor or
    the recognizer leaves between words, else about one per 0.4 line heights, at least two."""
    return " " * max(2, round(gap / (0.4 * height))) if gap > COLUMN_GAP * height else ""


def _ascii_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def join_words(left: str, right: str) -> str:
    """Join two pieces of one line: a space only between two Latin letters or digits."""
    if left and right and _ascii_word_char(left[-1]) and _ascii_word_char(right[0]):
        return f"{left} {right}"
    return left + right


def join_wrapped(left: str, right: str) -> str:
    """Join a wrapped line to its continuation.  Chinese typesetting breaks a number anywhere
    (…项目共3 / 9项 is 39项), so no space goes between digits; Latin words keep theirs."""
    if left and right and (left[-1].isdigit() or right[0].isdigit()):
        return left + right
    return join_words(left, right)


def group_lines(boxes: Iterable[Box]) -> list[Line]:
    """Boxes → lines, top to bottom: a box joins the line whose vertical centre lies within
    half a text height of its own."""
    boxes = sorted(boxes, key=lambda b: b.yc)
    lines: list[Line] = []
    for box in boxes:
        near = [ln for ln in lines[-3:] if abs(ln.yc - box.yc) < 0.5 * max(box.height, 1.0)]
        if near:
            near[-1].boxes.append(box)
        else:
            lines.append(Line([box]))
    return sorted(lines, key=lambda ln: ln.yc)


# A gap between two pieces of one line wider than this many line heights (about 1.5 em: a
# line's box is a little higher than a character is wide) separates columns.
COLUMN_GAP = 1.2
# A line that ends a sentence or opens a list with a colon is not joined to the next one even
# when it reaches the right edge: a paragraph of text with no first-line indent (web pages,
# many born-digital letters) would otherwise swallow the salutation or heading after it.
_CLOSING = tuple("。！？：；:!?;")
# The gap between two lines' centres, as a multiple of the page's usual line pitch, above which
# a blank line stood there (a title block set apart, a paragraph gap).
BLANK_GAP = 1.6
# A wrapped line ends less than this many box heights short of the text block's right edge
# (measured on corpora/scans: wrapped lines 0-0.8, full-looking title lines 1.2 and more).
WRAP_GAP = 1.0


# The text block's right edge is where several lines end together (a paragraph's wrapped lines
# all stop within a character of it): the rightmost place where this many line ends lie within
# EDGE_SPREAD characters.  A page with no such place (a last page of four lines, a list of short
# lines) has no measured edge, and none of its lines counts as wrapped.  Half a character was
# too tight for OCR boxes of a scanned page: three wrapped lines ending 0.53 characters apart
# were missed, and three short signature lines further left taken for the edge.
EDGE_LINES = 3
EDGE_SPREAD = 0.75


@dataclass(frozen=True)
class Block:
    """A page's (or a document's) text block: its left edge, its right edge if measured, and
    the size of a character (the median box height, a little more than a CJK advance)."""
    left: float
    right: Optional[float]
    char: float
    pitch: float = 0.0  # the usual distance between the centres of two lines


def text_block(lines: Sequence[Line]) -> Optional[Block]:
    """The text block the lines were set in (None without lines)."""
    if not lines:
        return None
    char = median(b.height for ln in lines for b in ln.boxes)
    ends = sorted((ln.x1 for ln in lines), reverse=True)
    right = next((x for x, x_k in zip(ends, ends[EDGE_LINES - 1:]) if x - x_k < EDGE_SPREAD * char), None)
    gaps = [b.yc - a.yc for a, b in zip(lines, lines[1:]) if b.yc > a.yc]  # (pages restart at the top)
    return Block(min(ln.x0 for ln in lines), right, char, median(gaps) if gaps else 0.0)


# A line ending in a web address wraps into a line that goes on with the address's characters,
# never into one that opens with Chinese (a ``来源：http://…`` line, then the title).
_URL_END = re.compile(r"(?:https?://|www\.)[!-~]*$")
_ASCII_CHAR = re.compile(r"[!-~]")  # a visible ASCII character (of an address, a number, a Latin word)
_WORD_END = re.compile(r"[0-9A-Za-z_/-]$")  # the end of a number, a Latin word or an address
# Marks a typesetter never starts a line with (kinsoku): the character before one moves down
# with it, so a line may break with room left for that character.
_NO_LINE_START = frozenset("，、。．：；！？）》」』】〕”’％%,.:;!?)]}…—·")


# A salutation on a line of its own (尊敬的李鑫委员: · 张三、李四代表：) or a congress session
# named on a line of its own (淄川区第十九届人民代表大会第二次会议, as records pages set it under
# the title) after a line ending as a title does (…的答复函): the title filled its line, it did
# not wrap into that line (a long salutation does wrap: 姚華、…、余林 / 保、袁小-、…蔡君代表:).
TITLE_END = re.compile(r"(?:答复|答复函|复函|的函|回复|意见|报告|建议|提案|议案)[)）]?$")
SALUTATION_LINE = re.compile(r"^[ \t]*(?:尊敬的[^\n，。；]{1,30}|[^\n，。；：:]{1,30}(?:代表|委员|同志|先生|女士))[ \t]*[:：][ \t]*$")
SESSION_LINE = re.compile(r"^(?=[^\n]*(?:人民代表大会|人大|政治协商会议|政协))[ \t]*[^\n，。；：:、]{0,30}届"
                          r"[^\n，。；：:、]{0,20}次(?:全体)?会议[ \t]*$")


def wraps_into(prev: Line, ln: Line, prev_text: str, block: Block) -> bool:
    """``ln`` continues the paragraph ``prev`` wrapped: ``prev`` runs to the right edge of the
    text block (closer than one character: had another fitted, the line would not have
    broken — a title or URL line that ends short of the edge is not wrapped; nor one with room
    left for ``ln``'s first character, where the reader measured it), does not end a sentence
    or a web address, and ``ln`` starts at the left edge without indent and does not open a
    heading or list item (``（二）`` ``2.``: OCR may have lost the full stop before it), unless
    the line above ends in a number or an address that the heading's digits may go on, nor
    is a salutation or a session's name (``SALUTATION_LINE``, ``SESSION_LINE``) under a title."""
    if block.right is None or ln.x0 >= block.left + 0.8 * block.char:
        return False
    text = prev_text.rstrip()
    room = block.right - prev.x1
    if room >= WRAP_GAP * block.char or would_have_fitted(room, text, ln):
        return False
    if text.endswith(_CLOSING) or (HEADING_START.match(ln.text()) and not _WORD_END.search(text)):
        return False
    if TITLE_END.search(text) and (SALUTATION_LINE.match(ln.text()) or SESSION_LINE.match(ln.text())):
        return False
    return not (_URL_END.search(text) and not _ASCII_CHAR.match(ln.text()[:1]))


def would_have_fitted(room: float, prev_text: str, ln: Line) -> bool:
    """``ln``'s first character fits in the ``room`` left at the end of the line above, so the
    line did not break for want of room.  Only where the reader measured its advance
    (:attr:`Box.lead`), it is a Chinese character, the one after it is no mark a line cannot
    start with, and the line above does not end in a Latin word or number (a breaker may have
    wrapped at the space after it: ``2016 年``)."""
    first = min(ln.boxes, key=lambda b: b.x0)
    text = first.text.lstrip()
    if not first.lead or not CJK_RE.match(text[:1]) or text[1:2] in _NO_LINE_START:
        return False
    return not (prev_text[-1:].isascii() and prev_text[-1:].isalnum()) and room >= first.lead


def boxes_to_text(boxes: Sequence[Box], block: Optional[Block] = None) -> str:
    """Reading-order text of a page.  A line that runs to the right edge of the text block and
    is followed by an unindented line is joined to it (the paragraph wrapped there); a vertical
    gap well above the usual line pitch becomes a blank line, as it was in the document.
    ``block``: the text block, when it was measured over more than this page."""
    return lines_to_text(group_lines(boxes), block)


def lines_to_text(lines: Sequence[Line], block: Optional[Block] = None) -> str:
    block = block or text_block(lines)
    if block is None:
        return ""
    centres = [ln.yc for ln in lines]
    gaps = [b - a for a, b in zip(centres, centres[1:])]
    pitch = median(gaps) if gaps else 0.0
    out: list[str] = []
    prev: Optional[Line] = None
    for ln, gap in zip(lines, [0.0] + gaps):
        if prev is not None and gap > BLANK_GAP * pitch:
            out.append("")
            out.append(ln.text())
        elif prev is not None and wraps_into(prev, ln, out[-1], block):
            out[-1] = join_wrapped(out[-1], ln.text())
        else:
            out.append(ln.text())
        prev = ln
    return "\n".join(out)


def edge_lines(lines: Sequence[Line], block: Block) -> tuple[Optional[Line], Optional[Line]]:
    """The first and last lines of a page's body: a line at its head or foot set apart by a gap
    well above the block's line pitch, centred or short (a running header, a page number), is
    left out."""
    if not lines:
        return None, None
    width = (block.right or max(ln.x1 for ln in lines)) - block.left

    def furniture(ln: Line, gap: float) -> bool:  # set apart, and centred or short
        return gap > BLANK_GAP * block.pitch and (ln.x0 > block.left + 2.5 * block.char or ln.x1 - ln.x0 < width / 2)

    if len(lines) < 3:
        return lines[0], lines[-1]
    first = 1 if furniture(lines[0], lines[1].yc - lines[0].yc) else 0
    last = len(lines) - (2 if furniture(lines[-1], lines[-1].yc - lines[-2].yc) else 1)
    return lines[first], lines[last]


def runs_on(lines: Sequence[Line], following: Sequence[Line], block: Optional[Block]) -> bool:
    """A page's last line wraps into the next page's first line (see :func:`wraps_into`)."""
    if block is None:
        return False
    last, first = edge_lines(lines, block)[1], edge_lines(following, block)[0]
    return last is not None and first is not None and wraps_into(last, first, last.text(), block)
