"""HTML pages as saved from government sites: keep the article (title + content container, and
the labelled metadata block many sites show above it); drop navigation, scripts, styles,
headers, footers and share bars.  ``<p>``, ``<br>``, ``<div>`` and ``<tr>`` end lines.

The content container is found by text density, not by site-specific names: every run of
non-link Chinese text credits its block, the block's parent in full and the grandparent by
half; the best-credited element, discounted by its share of link text, is the article.
"""
from __future__ import annotations

import re
from pathlib import Path

from govdoc.errors import BadInput
from govdoc.read.base import Page, ReadResult, register, sha256
from govdoc.read.encoding import decode_bytes
from govdoc.read.html_depth import MAX_DEPTH, nesting_depth
from govdoc.read.html_tree import TreeCounts, count_tree
from govdoc.text.zh import count_cjk

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Never article text.
DROP_TAGS = ("script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
             "button", "select", "input", "textarea", "nav", "link", "meta", "head")
# Class/id words of page chrome (matched against the parts of class and id values).  Only
# words that never name an article part: "head", "top", "title" and the like are left alone.
CHROME_WORDS = frozenset("""nav navbar menu submenu subnav breadcrumb breadcrumbs crumb crumbs
    position location weizhi dqwz share bdshare jiathis sidebar footer banner toolbar print dayin
    related xgwz pager pagination comment comments copyright login search advert ads qrcode ewm
    weixin wechat fontsize zihao shangyipian xiayipian""".split())
# A chrome-named element is dropped only while it holds little article-like text.
CHROME_MAX_CJK = 200
# Links to sibling documents must never be read as part of this one.
SIBLING_LINK = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]?")
BLOCK_TAGS = frozenset("""p div td th li tr table tbody thead tfoot ul ol dl dd dt section article main
    body h1 h2 h3 h4 h5 h6 blockquote pre center address header footer form caption figure""".split())
LINE_TAGS = BLOCK_TAGS - {"td", "th", "tbody", "thead", "tfoot"}
CELL_TAGS = frozenset(("td", "th"))
# Labels of the metadata table government information-disclosure pages show above a document.
# A metadata block holds at most this many characters and nodes; a title at most this many nodes.
META_MAX_CHARS = 800
META_MAX_NODES = 2_000
TITLE_MAX_NODES = 200
META_LABELS = re.compile(r"索\s*引\s*号|发文字号|文\s*号|发文机关|发布机构|成文日期|发布日期|主题分类|公开方式|信息来源")
TITLE_SPLIT = re.compile(r"\s*(?:[_|｜]|--|—|-\s)\s*")
_SPACES = re.compile(r"[ \t\r\n\f]+")
_CLASS_PARTS = re.compile(r"[\s_\-]+")


def declared_charset(data: bytes) -> str:
    found = META_CHARSET.search(data[:8192])
    return found.group(1).decode("ascii") if found else ""


@register("html")
def read_html(path: Path, data: bytes, **_options) -> ReadResult:
    from selectolax.lexbor import LexborHTMLParser

    decoded = decode_bytes(data, declared_charset(data))
    depth = nesting_depth(decoded.text)
    if depth > MAX_DEPTH:
        raise BadInput(path, f"HTML nests elements {depth:,} deep, over the limit of {MAX_DEPTH:,} that keeps "
                             "parsing fast (a saved web page nests a few dozen)")
    tree = LexborHTMLParser(decoded.text)
    title = page_title(tree, count_tree(tree.root))
    for node in tree.css(",".join(DROP_TAGS)):
        node.decompose()
    root = tree.body or tree.root
    if root is None:
        raise BadInput(path, "HTML page has no article text")
    drop_chrome(root, count_tree(root))
    counts = count_tree(root)  # again: the chrome is gone
    container = find_container(root, counts)
    if container is None:
        raise BadInput(path, "HTML page has no article text")
    lines = [*metadata_lines(root, container, counts), *headline(container, title), *render(container)]
    text = "\n".join(ln for ln in (x.strip() for x in lines) if not SIBLING_LINK.match(ln))
    if count_cjk(text) == 0:
        raise BadInput(path, "HTML page has no article text")
    return ReadResult(str(path), sha256(data), "html", [Page(1, text)], encoding=decoded.encoding)


def is_chrome(node) -> bool:
    attrs = node.attributes
    words = " ".join(v for k, v in attrs.items() if k in ("class", "id") and v)
    return bool(words) and any(part.lower() in CHROME_WORDS for part in _CLASS_PARTS.split(words))


def drop_chrome(root, counts: TreeCounts) -> None:
    """Remove navigation, share bars, footers … named so by class or id, and HTML5 header and
    footer elements, unless they hold article-sized text.  Only the outermost of nested
    targets is removed (targets in document order: one inside the last kept is skipped)."""
    targets = []
    for node in root.css("[class], [id], header, footer"):
        if node.tag in ("header", "footer") or is_chrome(node):
            if counts.cjk[node.mem_id] < CHROME_MAX_CJK or counts.link_share(node) > 0.5:
                targets.append(node)
    outermost: list = []
    for node in sorted(targets, key=lambda n: counts.index[n.mem_id]):
        if not outermost or not counts.contains(outermost[-1], node):
            outermost.append(node)
    for node in outermost:
        node.decompose()


def in_link(node) -> bool:
    parent = node.parent
    for _ in range(4):
        if parent is None:
            return False
        if parent.tag == "a":
            return True
        parent = parent.parent
    return False


def find_container(root, counts: TreeCounts):
    """The element holding most non-link Chinese text, less its link share."""
    credit: dict[int, float] = {}
    nodes: dict[int, object] = {}
    for node, block in text_blocks(root):
        n = counts.cjk[node.mem_id]
        if not n or in_link(node):
            continue
        for weight in (1.0, 1.0, 0.5):
            if block is None:
                break
            credit[block.mem_id] = credit.get(block.mem_id, 0.0) + weight * n
            nodes[block.mem_id] = block
            block = block.parent
    if not credit:
        return None
    top = sorted(credit, key=credit.__getitem__, reverse=True)[:6]
    return max((nodes[i] for i in top), key=lambda el: credit[el.mem_id] * (1 - counts.link_share(el)))


def text_blocks(root):
    """Each text node with its nearest block-element ancestor (None when it has none), found
    in one walk in document order rather than by climbing from every text node."""
    block_of: dict[int, object] = {}
    for node in root.traverse(include_text=True):
        parent = node.parent
        above = block_of.get(parent.mem_id) if parent is not None else None
        block_of[node.mem_id] = node if node.tag in BLOCK_TAGS else above
        if node.tag == "-text":
            yield node, above


def page_title(tree, counts: TreeCounts) -> str:
    """The headline: the first short ``h1``/``h2`` or title-classed element, else the first
    part of ``<title>`` (sites append their own name after ``_`` or ``-``)."""
    for node in tree.css("h1, h2, .title, #title, [class*=title]"):
        if not 4 <= counts.cjk.get(node.mem_id, 0) <= 80 or counts.size.get(node.mem_id, 0) > TITLE_MAX_NODES:
            continue
        text = _SPACES.sub(" ", node.text(deep=True) or "").strip()
        if 4 <= count_cjk(text) <= 80 and not is_chrome(node):
            return text
    node = tree.css_first("title")
    text = _SPACES.sub(" ", node.text() if node else "").strip()
    parts = [p for p in TITLE_SPLIT.split(text) if count_cjk(p)]
    return max(parts, key=count_cjk) if parts else ""


def headline(container, title: str) -> list[str]:
    """The title as a line of its own, unless the article already shows it."""
    if not title:
        return []
    body = re.sub(r"\s+", "", container.text(deep=True) or "")
    return [] if re.sub(r"\s+", "", title) in body[:400] else [title]


def metadata_lines(root, container, counts: TreeCounts) -> list[str]:
    """The labelled metadata block (索引号, 文号, 成文日期 …) outside the article, if any."""
    best = None
    for node in root.css("table, ul, dl, div"):
        if counts.chars[node.mem_id] > META_MAX_CHARS or counts.size[node.mem_id] > META_MAX_NODES:
            continue
        if len(META_LABELS.findall(node.text(deep=True) or "")) < 2:
            continue
        if counts.contains(node, container) or counts.contains(container, node):
            continue
        if best is None or counts.contains(best, node):
            best = node
    return render(best) if best is not None else []


def render(node) -> list[str]:
    """The node's text with line structure: blocks and ``<br>`` end lines, cells are spaced.
    An explicit stack, not recursion: nesting depth is bounded by the page, not by Python."""
    parts: list[str] = []
    stack: list = [(child, False) for child in reversed(list(node.iter(include_text=True)))]
    while stack:
        current, closing = stack.pop()
        if closing:
            parts.append("\n" if current.tag in LINE_TAGS else " " if current.tag in CELL_TAGS else "")
        elif not emit_leaf(current, parts):
            if current.tag in LINE_TAGS:
                parts.append("\n")
            stack.append((current, True))
            stack.extend((child, False) for child in reversed(list(current.iter(include_text=True))))
    return "".join(parts).split("\n")


def emit_leaf(node, parts: list[str]) -> bool:
    """Text, ``<br>`` and comments: their output, and True; an element to walk into: False."""
    if node.tag == "-text":
        parts.append(_SPACES.sub(" ", node.text_content or ""))
    elif node.tag == "br":
        parts.append("\n")
    return node.tag in ("-text", "br", "-comment")
