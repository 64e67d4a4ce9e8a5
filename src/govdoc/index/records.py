"""Parsed letter → the records an index holds: one letter, one per measure, one per metric.

A parsed letter is ``Reply.model_dump(mode="json")``; the JSON holds no full text, so a letter's
searchable text is what the JSON carries: title, measures, outline headings, metrics, addressee,
proposers, congress and item, contact, cc, issuer and signatories.  When the letter's normalized
text is known (the ``.txt`` sidecar beside its JSON, see :mod:`govdoc.index.load`) it travels in the
dict under :data:`BODY_KEY` and is indexed too, as the end of the letter's ``body`` field (the
lowest weight), from which snippets are then cut as well.  A reply's comparison with its
suggestion, when ``govdoc compare --data`` made one, travels under
:data:`govdoc.index.findings.COMPARE_KEY` and gives every record its coverage fields.
"""
from __future__ import annotations

from typing import Any, Iterator, Optional

from govdoc.index.aliases import issuer_keys
from govdoc.index.analysis import BlockWords, analyze
from govdoc.index.base import TEXT_FIELDS, letter_id
from govdoc.index.findings import COMPARE_KEY, record_fields

# Key of a parsed-letter dict holding the letter's normalized full text (not a Reply field).
BODY_KEY = "body_text"
# Key of a parsed-letter dict holding the tokens the parse made of that text, by block
# (``text.segment.block_tokens``): the index cuts its fields from them, segmenting no block again.
BLOCKS_KEY = "block_tokens"


def _get(data: Optional[dict], *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _date_year(date: Optional[str]) -> Optional[int]:
    return int(date[:4]) if date and date[:4].isdigit() else None


def letter_year(reply: dict) -> Optional[int]:
    """Year of the issue date, else of the doc number, else of the printing date."""
    return (_date_year(_get(reply, "issue_date", "date")) or _get(reply, "doc_number", "year")
            or _date_year(_get(reply, "printed_date", "date")))


def _headings(outline: list[dict]) -> Iterator[str]:
    for heading in outline or []:
        yield heading.get("title") or ""
        yield from _headings(heading.get("children") or [])


def _join(parts) -> str:
    return "\n".join(p for p in parts if p)


def letter_body(reply: dict) -> str:
    """Searchable text of a letter outside its title and measures."""
    item = reply.get("item") or {}
    item_text = f"第{item['number']}号{item.get('type') or ''}" if item.get("number") else item.get("type")
    contact = reply.get("contact") or {}
    return _join([
        _get(reply, "issuer", "name"), _get(reply, "doc_number", "raw"), _get(reply, "congress", "raw"),
        item_text, _get(reply, "addressee", "text"),
        " ".join(p["name"] for p in reply.get("proposers") or []),
        *_headings(reply.get("outline") or []),
        *(m.get("raw") for m in reply.get("metrics") or []),
        contact.get("unit"), contact.get("person"),
        " ".join(n["name"] for n in reply.get("signatories") or []),
        " ".join(n["name"] for n in reply.get("cc") or []),
        _get(reply, "printed_by", "name"), _get(reply, "disclosure", "text"), reply.get(BODY_KEY),
    ])


def letter_fields(reply: dict) -> dict:
    """The filter fields every record of a letter shares."""
    congress = reply.get("congress") or {}
    issuer = _get(reply, "issuer", "name")
    norm, unit = issuer_keys(issuer)
    return {
        "letter_id": letter_id(reply), "title": _get(reply, "title", "text"), "year": letter_year(reply),
        "issuer": issuer, "issuer_norm": norm, "issuer_unit": unit, "grade": _get(reply, "grade", "letter"),
        "congress_body": congress.get("body"), "congress_level": congress.get("level"),
        "congress_term": congress.get("term"), "congress_session": congress.get("session"),
        "item_type": _get(reply, "item", "type"), "item_number": _get(reply, "item", "number"),
        "kind": reply.get("kind"), "source_path": _get(reply, "source", "path"),
        "indicator": None, "value": None, "unit": None, **record_fields(reply.get(COMPARE_KEY)),
    }


def records_for(reply: dict) -> list[dict]:
    """Every record of one letter; ids are stable (``<letter_id>``, ``:m<i>``, ``:k<i>``)."""
    base = letter_fields(reply)
    lid = base["letter_id"]
    measures = reply.get("measures") or []
    out = [{**base, "id": lid, "record": "letters", "ordinal": 0, "text": {
        "title": base["title"] or "",
        "measures": _join(_join([m.get("title"), m.get("text")]) for m in measures),
        "body": letter_body(reply)}}]
    for i, m in enumerate(measures, start=1):
        cited = " ".join(c.get("title") or c.get("doc_number") or "" for c in m.get("cited_documents") or [])
        out.append({**base, "id": f"{lid}:m{i}", "record": "measures", "ordinal": i, "text": {
            "title": m.get("title") or "", "measures": m.get("text") or "",
            "body": _join([m.get("section"), cited, base["title"]])}})
    for i, k in enumerate(reply.get("metrics") or [], start=1):
        out.append({**base, "id": f"{lid}:k{i}", "record": "metrics", "ordinal": i,
                    "indicator": k.get("indicator"), "value": k.get("value"), "unit": k.get("unit"),
                    "text": {"title": k.get("indicator") or "", "measures": "",
                             "body": _join([k.get("raw"), k.get("scope"), k.get("as_of")])}})
    return out


def analyzed_fields(record: dict, cache: Optional[dict] = None, blocks: Optional[BlockWords] = None) -> dict[str, str]:
    """``{"title_w", "title_bg", "measures_w", …}``: what a backend puts in its full-text index.

    Pass one ``cache`` dict for all records of a letter (see :func:`analyzed_records`)."""
    out: dict[str, str] = {}
    for name in TEXT_FIELDS:
        out[f"{name}_w"], out[f"{name}_bg"] = analyze(record["text"].get(name) or "", cache, blocks)
    return out


def analyzed_records(reply: dict) -> list[tuple[dict, dict[str, str]]]:
    """``(record, analyzed fields)`` for every record of a letter, segmenting each repeated line once
    (and no block of text whose tokens come with the letter, :data:`BLOCKS_KEY`)."""
    cache: dict = {}
    blocks = BlockWords(reply.get(BLOCKS_KEY))
    return [(record, analyzed_fields(record, cache, blocks)) for record in records_for(reply)]
