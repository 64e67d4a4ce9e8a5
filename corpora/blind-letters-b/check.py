#!/usr/bin/env python3
"""Checker for the constructed evaluation set (python3 stdlib only).

Checks, for every <id>.txt / <id>.gold.json pair in this folder:
  * header: line 1 is exactly '# source: constructed', line 2 is empty;
  * the gold JSON has exactly the keys of ANNOTATION.md, in order (also the
    nested keys of doc_number_norm, congress, contact and metrics);
  * every verbatim string value is a substring of the text (line breaks may be
    removed, except for congress.raw, which must match as written);
  * enums and normalized fields are valid (kind, grade, item_type, congress.*,
    doc_number_norm, issue_date, metric value/unit, truncated);
  * INDEX.tsv has the real2 columns, one row per id, and agrees with the gold
    (kind, grade, truncated); README.md exists.
Usage: python3 check.py [folder]   -> prints OK or the list of problems.
"""
import datetime
import json
import os
import re
import sys

KEYS = ["kind", "doc_number", "doc_number_norm", "issuer", "signatory", "grade",
        "grade_raw", "title", "congress", "item_type", "item_number", "addressee",
        "proposers", "issue_date", "issue_date_raw", "contact", "cc", "metrics",
        "measures", "truncated", "notes"]
NORM_KEYS = ["prefix", "year", "serial"]
CONGRESS_KEYS = ["body", "level", "term", "session", "raw"]
CONTACT_KEYS = ["unit", "person", "phone"]
METRIC_KEYS = ["text", "value", "unit"]
KINDS = {"reply", "suggestion", "other"}
GRADES = {"A", "B", "C", "D", None}
ITEM_TYPES = {"建议", "提案", "议案", None}
BODIES = {"人大", "政协"}
LEVELS = {"全国", "省", "市", "州", "县", "区", None}
INDEX_COLS = ["id", "kind", "url", "agency", "year", "grade", "truncated", "description"]
HEADER = "# source: constructed"


def pairs_hook(pairs):
    d = {}
    for k, v in pairs:
        if k in d:
            raise ValueError("duplicate key %r" % k)
        d[k] = v
    d["__order__"] = [k for k, _ in pairs]
    return d


def order(d):
    return d.get("__order__", []) if isinstance(d, dict) else []


def strip_order(o):
    if isinstance(o, dict):
        return {k: strip_order(v) for k, v in o.items() if k != "__order__"}
    if isinstance(o, list):
        return [strip_order(x) for x in o]
    return o


class Doc:
    def __init__(self, doc_id, text):
        self.id = doc_id
        self.text = text
        self.joined = text.replace("\n", "")
        self.joined_ws = re.sub(r"[ \t\u3000]*\n[\s\u3000]*", "", text)
        self.errors = []

    def err(self, msg):
        self.errors.append("%s: %s" % (self.id, msg))

    def verbatim(self, field, value, keep_breaks=False):
        if value is None:
            return
        if not isinstance(value, str) or value == "":
            self.err("%s must be a non-empty string or null, got %r" % (field, value))
            return
        if value in self.text:
            return
        if keep_breaks:
            self.err("%s %r not found verbatim (line breaks must be kept)" % (field, value))
            return
        if value in self.joined or value in self.joined_ws:
            return
        self.err("%s %r is not a substring of the text" % (field, value))

    def str_list(self, field, value):
        if not isinstance(value, list):
            self.err("%s must be a list" % field)
            return
        for i, v in enumerate(value):
            if v is None:
                self.err("%s[%d] is null" % (field, i))
            else:
                self.verbatim("%s[%d]" % (field, i), v)


def check_gold(doc, g):
    if order(g) != KEYS:
        doc.err("key order %s != guideline %s" % (order(g), KEYS))
    g = {k: v for k, v in g.items() if k != "__order__"}

    if g.get("kind") not in KINDS:
        doc.err("kind %r not in %s" % (g.get("kind"), sorted(KINDS)))

    # doc_number / doc_number_norm
    dn, dnn = g.get("doc_number"), g.get("doc_number_norm")
    doc.verbatim("doc_number", dn)
    if dnn is not None:
        if not isinstance(dnn, dict) or order(dnn) != NORM_KEYS:
            doc.err("doc_number_norm keys must be %s" % NORM_KEYS)
        else:
            if not isinstance(dnn["prefix"], str) or not dnn["prefix"]:
                doc.err("doc_number_norm.prefix must be a non-empty string")
            for k in ("year", "serial"):
                if not isinstance(dnn[k], int) or isinstance(dnn[k], bool):
                    doc.err("doc_number_norm.%s must be int" % k)
            if dn is None:
                doc.err("doc_number_norm given but doc_number is null")
            else:
                if isinstance(dnn["prefix"], str) and not dn.startswith(dnn["prefix"]):
                    doc.err("prefix %r does not start doc_number %r" % (dnn["prefix"], dn))
                if str(dnn.get("year")) not in dn:
                    doc.err("year %r not in doc_number %r" % (dnn.get("year"), dn))
                digits = re.findall(r"\d+", dn)
                if isinstance(dnn.get("serial"), int) and not any(
                        int(x) == dnn["serial"] for x in digits):
                    doc.err("serial %r not in doc_number %r" % (dnn.get("serial"), dn))
                if isinstance(dnn.get("year"), int) and not 1949 < dnn["year"] < 2100:
                    doc.err("implausible year %r" % dnn["year"])

    doc.verbatim("issuer", g.get("issuer"))
    doc.str_list("signatory", g.get("signatory"))

    # grade
    if g.get("grade") not in GRADES:
        doc.err("grade %r not in A/B/C/D/null" % g.get("grade"))
    doc.verbatim("grade_raw", g.get("grade_raw"))
    if (g.get("grade") is None) != (g.get("grade_raw") is None):
        doc.err("grade and grade_raw must both be null or both set")

    doc.verbatim("title", g.get("title"))

    # congress
    c = g.get("congress")
    if c is not None:
        if not isinstance(c, dict) or order(c) != CONGRESS_KEYS:
            doc.err("congress keys must be %s" % CONGRESS_KEYS)
        else:
            if c["body"] not in BODIES:
                doc.err("congress.body %r invalid" % c["body"])
            if c["level"] not in LEVELS:
                doc.err("congress.level %r invalid" % c["level"])
            for k in ("term", "session"):
                v = c[k]
                if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v <= 0):
                    doc.err("congress.%s must be a positive int or null" % k)
            if c["raw"] is None:
                doc.err("congress.raw must be set when congress is given")
            doc.verbatim("congress.raw", c["raw"], keep_breaks=True)

    # item
    if g.get("item_type") not in ITEM_TYPES:
        doc.err("item_type %r invalid" % g.get("item_type"))
    inum = g.get("item_number")
    if inum is not None:
        if not isinstance(inum, str):
            doc.err("item_number must be a string")
        else:
            if re.search(r"[第号號]", inum):
                doc.err("item_number %r must not contain 第/号" % inum)
            doc.verbatim("item_number", inum)

    doc.verbatim("addressee", g.get("addressee"))
    a = g.get("addressee")
    if isinstance(a, str) and (a.startswith("尊敬") or a.endswith(("：", ":"))):
        doc.err("addressee keeps an honorific or a trailing colon")
    doc.str_list("proposers", g.get("proposers"))

    # dates
    d, draw = g.get("issue_date"), g.get("issue_date_raw")
    if d is not None:
        try:
            datetime.date.fromisoformat(d)
        except (TypeError, ValueError):
            doc.err("issue_date %r is not an ISO date" % d)
    doc.verbatim("issue_date_raw", draw)
    if (d is None) != (draw is None):
        doc.err("issue_date and issue_date_raw must both be null or both set")
    if d and draw:
        y, m, dd = d.split("-")
        if re.search(r"\d", draw) and y not in draw:
            doc.err("issue_date year %s not in raw %r" % (y, draw))

    # contact
    ct = g.get("contact")
    if ct is not None:
        if not isinstance(ct, dict) or order(ct) != CONTACT_KEYS:
            doc.err("contact keys must be %s" % CONTACT_KEYS)
        else:
            if all(ct[k] is None for k in CONTACT_KEYS):
                doc.err("contact with all fields null should be null")
            for k in CONTACT_KEYS:
                doc.verbatim("contact.%s" % k, ct[k])
    doc.str_list("cc", g.get("cc"))
    for v in g.get("cc") or []:
        if isinstance(v, str) and v.endswith(("。", ".")):
            doc.err("cc entry %r keeps a final full stop" % v)

    # metrics
    ms = g.get("metrics")
    if not isinstance(ms, list):
        doc.err("metrics must be a list")
        ms = []
    seen = set()
    for i, m in enumerate(ms):
        if not isinstance(m, dict) or order(m) != METRIC_KEYS:
            doc.err("metrics[%d] keys must be %s" % (i, METRIC_KEYS))
            continue
        doc.verbatim("metrics[%d].text" % i, m["text"])
        v = m["value"]
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            doc.err("metrics[%d].value %r must be a number" % (i, v))
        elif isinstance(m["text"], str) and re.search(r"\d", m["text"]):
            txt = m["text"].replace(",", "").replace(" ", "")
            rep = repr(v) if isinstance(v, float) else str(v)
            if rep not in txt:
                doc.err("metrics[%d].value %r not written in its text %r" % (i, v, m["text"]))
        if isinstance(v, float) and v == int(v):
            doc.err("metrics[%d].value %r: whole numbers must be ints" % (i, v))
        u = m["unit"]
        if u is not None:
            if not isinstance(u, str) or not u:
                doc.err("metrics[%d].unit must be a non-empty string or null" % i)
            elif isinstance(m["text"], str) and u != "名次" and u not in m["text"]:
                doc.err("metrics[%d].unit %r not in its text %r" % (i, u, m["text"]))
        if m["text"] in seen:
            doc.err("metrics[%d].text %r listed twice" % (i, m["text"]))
        seen.add(m["text"])

    doc.str_list("measures", g.get("measures"))
    if not isinstance(g.get("truncated"), bool):
        doc.err("truncated must be true/false")
    if not isinstance(g.get("notes"), str) or not g.get("notes").strip():
        doc.err("notes must be a non-empty string")
    return g


def main(folder):
    errors = []
    ids = sorted(f[:-4] for f in os.listdir(folder)
                 if f.endswith(".txt") and not f.startswith("."))
    golds = {}
    for doc_id in ids:
        with open(os.path.join(folder, doc_id + ".txt"), encoding="utf-8") as fh:
            raw = fh.read()
        lines = raw.split("\n")
        doc = Doc(doc_id, raw)
        if len(lines) < 3 or lines[0] != HEADER:
            doc.err("line 1 must be exactly %r" % HEADER)
        elif lines[1] != "":
            doc.err("line 2 must be empty")
        if not raw.endswith("\n"):
            doc.err("text must end with a newline")
        gpath = os.path.join(folder, doc_id + ".gold.json")
        if not os.path.exists(gpath):
            doc.err("missing gold file")
        else:
            try:
                with open(gpath, encoding="utf-8") as fh:
                    g = json.load(fh, object_pairs_hook=pairs_hook)
            except ValueError as e:
                doc.err("bad JSON: %s" % e)
            else:
                golds[doc_id] = strip_order(check_gold(doc, g))
        errors += doc.errors
    for f in os.listdir(folder):
        if f.endswith(".gold.json") and f[:-10] not in ids:
            errors.append("%s: gold without text" % f)

    # INDEX.tsv
    ipath = os.path.join(folder, "INDEX.tsv")
    if not os.path.exists(ipath):
        errors.append("INDEX.tsv missing")
    else:
        with open(ipath, encoding="utf-8") as fh:
            rows = [r.rstrip("\n").split("\t") for r in fh if r.strip()]
        if rows[0] != INDEX_COLS:
            errors.append("INDEX.tsv header %s != %s" % (rows[0], INDEX_COLS))
        seen = []
        for r in rows[1:]:
            if len(r) != len(INDEX_COLS):
                errors.append("INDEX.tsv row %s has %d columns" % (r[:1], len(r)))
                continue
            row = dict(zip(INDEX_COLS, r))
            rid = row["id"]
            seen.append(rid)
            g = golds.get(rid)
            if g is None:
                errors.append("INDEX.tsv: %s has no gold" % rid)
                continue
            if row["kind"] != g["kind"]:
                errors.append("INDEX.tsv: %s kind %s != gold %s" % (rid, row["kind"], g["kind"]))
            if row["grade"] != (g["grade"] or ""):
                errors.append("INDEX.tsv: %s grade %r != gold %r" % (rid, row["grade"], g["grade"]))
            if row["truncated"] != ("true" if g["truncated"] else "false"):
                errors.append("INDEX.tsv: %s truncated mismatch" % rid)
            if row["url"] != "constructed":
                errors.append("INDEX.tsv: %s url must be 'constructed'" % rid)
            if row["year"] and not re.fullmatch(r"20\d\d", row["year"]):
                errors.append("INDEX.tsv: %s year %r" % (rid, row["year"]))
            if not row["description"].strip():
                errors.append("INDEX.tsv: %s empty description" % rid)
        if sorted(seen) != ids:
            errors.append("INDEX.tsv ids %s != texts %s" % (sorted(seen), ids))
    if not os.path.exists(os.path.join(folder, "README.md")):
        errors.append("README.md missing")

    if errors:
        print("\n".join(errors))
        print("FAIL: %d problem(s) in %d document(s)" % (len(errors), len(ids)))
        return 1
    print("OK: %d documents" % len(ids))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))))
