"""The folder report: per agency and per year, asks and the share of each response label,
flags, and what stayed unlinked.  Self-contained HTML, every value escaped."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable
from html import escape

from govdoc.compare.analyze import FolderResult
from govdoc.compare.link import HANDLER
from govdoc.compare.model import LABELS, Comparison
from govdoc.compare.render import label_html, page

# A date on the page (办结时间:2020年10月29日, 生效日期: 2018-08-08): the year of the last one.
PAGE_DATE = re.compile(r"(20\d{2})(?:年\s*\d{1,2}\s*月|-\d{1,2}-\d{1,2})")


def year_of(reply) -> str:
    """The reply's issue date, its document number's year, or the last date on its page."""
    letter = reply.letter
    if letter.issue_date and letter.issue_date.date:
        return letter.issue_date.date[:4]
    if letter.doc_number and letter.doc_number.year:
        return str(letter.doc_number.year)
    years = PAGE_DATE.findall(reply.norm.match)
    return years[-1] if years else "unknown"


def agency_of(suggestion, comparison) -> str:
    """The reply's issuer, or the handling unit its suggestion record names."""
    handler = HANDLER.search(suggestion.norm.match)
    return comparison.reply.issuer or (handler.group(2) if handler else "unknown")


@dataclass(frozen=True)
class GroupRow:
    """One agency's (or year's) line of the report."""

    key: str
    replies: int
    asks: int
    shares: dict[str, float]  # label → share of the asks (0 to 1), every label of ``LABELS``
    flags: int


def group_rows(groups: dict[str, list[Comparison]]) -> list[GroupRow]:
    rows = []
    for key in sorted(groups):
        items = groups[key]
        counts = Counter(a.response for c in items for a in c.suggestion.asks)
        total = sum(counts.values()) or 1
        rows.append(GroupRow(key, len(items), sum(counts.values()), {label: counts[label] / total for label in LABELS},
                             sum(len(c.flags) for c in items)))
    return rows


def grouped(result: FolderResult) -> tuple[list[GroupRow], list[GroupRow]]:
    """The report's two tables: ``(per agency, per year)``."""
    by_agency, by_year = defaultdict(list), defaultdict(list)
    for suggestion, reply, comparison in result.linked:
        by_agency[agency_of(suggestion, comparison)].append(comparison)
        by_year[year_of(reply)].append(comparison)
    return group_rows(by_agency), group_rows(by_year)


def _table(title: str, rows: list[GroupRow]) -> str:
    head = "".join(f"<th>{label_html(label)}</th>" for label in LABELS)
    body = "".join(f"<tr><td>{escape(r.key)}</td><td>{r.replies}</td><td>{r.asks}</td>"
                   + "".join(f"<td>{r.shares[label]:.0%}</td>" for label in LABELS) + f"<td>{r.flags}</td></tr>"
                   for r in rows)
    return (f"<h2>{escape(title)}</h2><table><tr><th>{escape(title)}</th><th>replies</th><th>asks</th>{head}"
            f"<th>flags</th></tr>{body}</table>")


def path_name(part) -> str:
    """How the folder report names a part: its file."""
    return part.path


def _detail(result: FolderResult, name: Callable) -> str:
    rows = "".join(f"<tr><td>{escape(name(r))}</td><td>{escape(name(s))}</td><td>{c.link.confidence:.2f}</td>"
                   f"<td>{c.coverage:.0%}</td><td>{' '.join(label_html(a.response) for a in c.suggestion.asks)}</td>"
                   f"<td>{escape('; '.join(c.flags))}</td></tr>" for s, r, c in result.linked)
    return ("<h2>replies</h2><table><tr><th>reply</th><th>suggestion</th><th>link</th><th>coverage</th>"
            f"<th>asks</th><th>flags</th></tr>{rows}</table>")


def _lists(result: FolderResult, name: Callable) -> str:
    out = ""
    for title, items in (("unlinked replies", [name(p) for p in result.unlinked_replies]),
                         ("unlinked suggestions", [name(p) for p in result.unlinked_suggestions]),
                         ("neither a suggestion nor a reply", result.neither), ("errors", result.errors)):
        if items:
            out += f"<h2>{escape(title)}</h2><ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"
    return out


def folder_report(result: FolderResult, name: Callable = path_name) -> str:
    """The report page; ``name(part)`` says how a suggestion or reply is named (default: its file)."""
    by_agency, by_year = grouped(result)
    body = ("<h1>How replies answered the suggestions</h1>" + _table("agency", by_agency)
            + _table("year", by_year) + _detail(result, name) + _lists(result, name))
    return page("compare report", body)
