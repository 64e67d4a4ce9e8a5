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
    tree = LexborHTMLParser(decoded.text)
    title = page_title(tree)
    for node in tree.css(",".join(DROP_TAGS)):
        node.decompose()
    root = tree.body or tree.root
    if root is None:
        raise BadInput(path, "HTML page has no article text")
    drop_chrome(root)
    container = find_container(root)
    if container is None:
        raise BadInput(path, "HTML page has no article text")
    lines = [*metadata_lines(root, container), *headline(container, title), *render(container)]
    text = "\n".join(ln for ln in (x.strip() for x in lines) if not SIBLING_LINK.match(ln))
    if count_cjk(text) == 0:
        raise BadInput(path, "HTML page has no article text")
    return ReadResult(str(path), sha256(data), "html", [Page(1, text)], encoding=decoded.encoding)


def is_chrome(node) -> bool:
    attrs = node.attributes
    words = " ".join(v for k, v in attrs.items() if k in ("class", "id") and v)
    return bool(words) and any(part.lower() in CHROME_WORDS for part in _CLASS_PARTS.split(words))


def drop_chrome(root) -> None:
    """Remove navigation, share bars, footers … named so by class or id, and HTML5 header and
    footer elements, unless they hold article-sized text."""
    targets = {}
    for node in root.css("[class], [id], header, footer"):
        if node.tag in ("header", "footer") or is_chrome(node):
            text = node.text(deep=True) or ""
            if count_cjk(text) < CHROME_MAX_CJK or link_share(node) > 0.5:
                targets[node.mem_id] = node
    outermost = [node for node in targets.values() if not any(
        anc.mem_id in targets for anc in ancestors(node))]
    for node in outermost:
        node.decompose()


def ancestors(node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def in_link(node) -> bool:
    parent = node.parent
    for _ in range(4):
        if parent is None:
            return False
        if parent.tag == "a":
            return True
        parent = parent.parent
    return False


def find_container(root):
    """The element holding most non-link Chinese text, less its link share."""
    credit: dict[int, float] = {}
    nodes: dict[int, object] = {}
    for node in root.traverse(include_text=True):
        if node.tag != "-text" or in_link(node):
            continue
        n = count_cjk(node.text_content or "")
        if not n:
            continue
        block = node.parent
        while block is not None and block.tag not in BLOCK_TAGS:
            block = block.parent
        for weight in (1.0, 1.0, 0.5):
            if block is None:
                break
            credit[block.mem_id] = credit.get(block.mem_id, 0.0) + weight * n
            nodes[block.mem_id] = block
            block = block.parent
    if not credit:
        return None
    top = sorted(credit, key=credit.__getitem__, reverse=True)[:6]
    return max((nodes[i] for i in top), key=lambda el: credit[el.mem_id] * (1 - link_share(el)))


def link_share(node) -> float:
    total = count_cjk(node.text(deep=True) or "")
    links = sum(count_cjk(a.text(deep=True) or "") for a in node.css("a"))
    return links / total if total else 1.0


def page_title(tree) -> str:
    """The headline: the first short ``h1``/``h2`` or title-classed element, else the first
    part of ``<title>`` (sites append their own name after ``_`` or ``-``)."""
    for node in tree.css("h1, h2, .title, #title, [class*=title]"):
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


def metadata_lines(root, container) -> list[str]:
    """The labelled metadata block (索引号, 文号, 成文日期 …) outside the article, if any."""
    best = None
    for node in root.css("table, ul, dl, div"):
        text = node.text(deep=True) or ""
        if len(text) > 800 or len(META_LABELS.findall(text)) < 2:
            continue
        if contains(node, container) or contains(container, node):
            continue
        if best is None or contains(best, node):
            best = node
    return render(best) if best is not None else []


def contains(outer, inner) -> bool:
    node = inner
    while node is not None:
        if node.mem_id == outer.mem_id:
            return True
        node = node.parent
    return False


def render(node) -> list[str]:
    """The node's text with line structure: blocks and ``<br>`` end lines, cells are spaced."""
    parts: list[str] = []
    _render(node, parts)
    return "".join(parts).split("\n")


def _render(node, parts: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            parts.append(_SPACES.sub(" ", child.text_content or ""))
        elif tag == "br":
            parts.append("\n")
        elif tag == "-comment":
            continue
        else:
            if tag in LINE_TAGS:
                parts.append("\n")
            _render(child, parts)
            if tag in LINE_TAGS:
                parts.append("\n")
            elif tag in CELL_TAGS:
                parts.append(" ")
