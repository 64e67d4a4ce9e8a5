#!/usr/bin/env python3
"""Checker for the constructed gold set (python3 stdlib only).

Usage: python3 check.py [DIR]      (DIR defaults to the folder of this script)

Checks, per document listed in INDEX.tsv:
  * header lines: line 1 is '# source: <url>' with the url of INDEX.tsv, line 2 is empty;
  * the gold JSON has exactly the keys of ANNOTATION.md section 1, in that order;
  * enums and normalized fields are valid (kind, grade, item_type, congress.*, doc_number_norm,
    issue_date, metric values, truncated, list/object shapes);
  * every verbatim string value is a substring of the text, allowing the guideline's one edit
    (line breaks removed); congress.raw must match with its line breaks kept;
  * cross checks: INDEX kind/grade/truncated agree with the gold; grade_raw present when grade is;
    doc_number_norm agrees with doc_number; issue_date agrees with issue_date_raw; metric values
    appear in their text span.
Exit status 0 and 'OK' when nothing is wrong.
"""
import json
import os
import re
import sys
from datetime import date

KEYS = ["kind", "doc_number", "doc_number_norm", "issuer", "signatory", "grade", "grade_raw",
        "title", "congress", "item_type", "item_number", "addressee", "proposers", "issue_date",
        "issue_date_raw", "contact", "cc", "metrics", "measures", "truncated", "notes"]
INDEX_COLS = ["id", "kind", "url", "agency", "year", "grade", "truncated", "description"]
KINDS = {"reply", "suggestion", "other"}
GRADES = {"A", "B", "C", "D", None}
ITEM_TYPES = {"建议", "提案", "议案", None}
BODIES = {"人大", "政协"}
LEVELS = {"全国", "省", "市", "州", "县", "区", None}

CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


def cn_small(s):
    """Chinese numeral 1..99 ('十', '二十', '二十六', '十二') -> int, or None."""
    if not s:
        return None
    if "十" in s:
        a, _, b = s.partition("十")
        tens = CN_DIGITS.get(a, None) if a else 1
        ones = CN_DIGITS.get(b, None) if b else 0
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    if len(s) == 1 and s in CN_DIGITS:
        return CN_DIGITS[s]
    return None


def parse_date(raw):
    """Return the set of dates a raw date span can mean (empty if unreadable).

    Forms: 2019-07-03, 2019年7月3日, 二〇一九年六月十二日 (〇/○), and signature dates that lost
    年/月/日 (2023831, 20211026), which are read only when a single reading is a valid date.
    A leading label ('成文日期 ') is ignored.
    """
    raw = re.sub(r"^[^\d〇○零一二三四五六七八九]*", "", raw.strip())
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw) or \
        re.fullmatch(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", raw)
    out = set()
    if m:
        try:
            out.add(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            pass
        return out
    m = re.fullmatch(r"(.{4})年(.+)月(.+)日", raw)
    if m and all(c in CN_DIGITS for c in m.group(1)):
        y = int("".join(str(CN_DIGITS[c]) for c in m.group(1)))
        mo, d = cn_small(m.group(2)), cn_small(m.group(3))
        if mo and d:
            try:
                out.add(date(y, mo, d))
            except ValueError:
                pass
        return out
    m = re.fullmatch(r"(\d{4})(\d{2,4})", raw)
    if m:
        y, rest = int(m.group(1)), m.group(2)
        for i in range(1, len(rest)):
            a, b = rest[:i], rest[i:]
            if len(a) > 2 or len(b) > 2 or a.startswith("0") and len(a) == 1:
                continue
            try:
                out.add(date(y, int(a), int(b)))
            except ValueError:
                pass
    return out


class Doc:
    def __init__(self, folder, row):
        self.id = row["id"]
        self.row = row
        self.errors = []
        self.txt_path = os.path.join(folder, self.id + ".txt")
        self.json_path = os.path.join(folder, self.id + ".gold.json")

    def err(self, msg):
        self.errors.append(msg)


def find(text, value):
    """How a verbatim value occurs: 'exact', 'joined' (line breaks removed) or None."""
    if value in text:
        return "exact"
    if value in text.replace("\r", "").replace("\n", ""):
        return "joined"
    return None


def check_doc(folder, row):
    d = Doc(folder, row)
    if not os.path.exists(d.txt_path):
        d.err("missing txt")
        return d
    if not os.path.exists(d.json_path):
        d.err("missing gold.json")
        return d
    with open(d.txt_path, encoding="utf-8") as f:
        raw = f.read()
    lines = raw.split("\n")
    if len(lines) < 3:
        d.err("text too short")
        return d
    if lines[0] != "# source: " + row["url"]:
        d.err("line 1 is %r, expected '# source: %s'" % (lines[0], row["url"]))
    if lines[1] != "":
        d.err("line 2 is not empty")
    text = "\n".join(lines[2:])          # the document text proper (header excluded)

    try:
        with open(d.json_path, encoding="utf-8") as f:
            pairs = json.load(f, object_pairs_hook=list)
    except ValueError as e:
        d.err("invalid JSON: %s" % e)
        return d
    keys = [k for k, _ in pairs]
    if keys != KEYS:
        d.err("key order %s != guideline %s" % (keys, KEYS))
    g = {}

    def to_obj(v):
        if isinstance(v, list) and all(isinstance(x, tuple) and len(x) == 2 for x in v) and v:
            return {k: to_obj(x) for k, x in v}
        if isinstance(v, list):
            return [to_obj(x) for x in v]
        return v
    for k, v in pairs:
        g[k] = to_obj(v)
    if any(k not in g for k in KEYS):
        return d

    def verb(label, value, keep_breaks=False):
        if value is None:
            return
        if not isinstance(value, str) or not value:
            d.err("%s must be a non-empty string, got %r" % (label, value))
            return
        how = (value in text and "exact") if keep_breaks else find(text, value)
        if not how:
            d.err("%s not verbatim in text: %r" % (label, value))

    def str_or_null(label, v):
        if v is not None and not isinstance(v, str):
            d.err("%s must be string or null" % label)

    def str_list(label, v):
        if not isinstance(v, list) or any(not isinstance(x, str) for x in v):
            d.err("%s must be a list of strings" % label)
            return []
        return v

    # kind
    if g["kind"] not in KINDS:
        d.err("kind %r not in %s" % (g["kind"], sorted(KINDS)))
    # doc number
    str_or_null("doc_number", g["doc_number"])
    verb("doc_number", g["doc_number"])
    norm = g["doc_number_norm"]
    if norm is not None:
        if g["doc_number"] is None:
            d.err("doc_number_norm set but doc_number null")
        if not isinstance(norm, dict) or list(norm) != ["prefix", "year", "serial"]:
            d.err("doc_number_norm must be {prefix, year, serial}")
        else:
            if not isinstance(norm["prefix"], str) or not isinstance(norm["year"], int) \
                    or not isinstance(norm["serial"], int) or isinstance(norm["year"], bool):
                d.err("doc_number_norm types wrong")
            elif g["doc_number"]:
                dn = g["doc_number"]
                if not dn.startswith(norm["prefix"]):
                    d.err("prefix %r is not the start of %r" % (norm["prefix"], dn))
                if not (2000 <= norm["year"] <= 2030) or str(norm["year"]) not in dn:
                    d.err("year %r not read from %r" % (norm["year"], dn))
                if not re.search(r"(?<!\d)0*%d(?!\d)" % norm["serial"], dn.split(str(norm["year"]), 1)[-1]):
                    d.err("serial %r not found after the year in %r" % (norm["serial"], dn))
    # issuer, signatory
    str_or_null("issuer", g["issuer"])
    verb("issuer", g["issuer"])
    for s in str_list("signatory", g["signatory"]):
        verb("signatory", s)
    # grade
    if g["grade"] not in GRADES:
        d.err("grade %r not in A/B/C/D/null" % g["grade"])
    str_or_null("grade_raw", g["grade_raw"])
    verb("grade_raw", g["grade_raw"])
    if g["grade"] is not None and g["grade_raw"] is None:
        d.err("grade set without grade_raw")
    # title
    str_or_null("title", g["title"])
    verb("title", g["title"])
    # congress
    c = g["congress"]
    if c is not None:
        if not isinstance(c, dict) or list(c) != ["body", "level", "term", "session", "raw"]:
            d.err("congress must be {body, level, term, session, raw}")
        else:
            if c["body"] not in BODIES:
                d.err("congress.body %r" % c["body"])
            if c["level"] not in LEVELS:
                d.err("congress.level %r" % c["level"])
            for k in ("term", "session"):
                if c[k] is not None and (not isinstance(c[k], int) or isinstance(c[k], bool) or c[k] < 1):
                    d.err("congress.%s must be a positive int or null" % k)
            verb("congress.raw", c["raw"], keep_breaks=True)
            if c["level"] and c["raw"] and c["level"] not in c["raw"] and not (
                    c["level"] == "区" and "區" in c["raw"]) and not (
                    c["level"] == "县" and "縣" in c["raw"]) and not (
                    c["level"] == "全国" and "全國" in c["raw"]):
                d.err("congress.level %r not in raw span %r" % (c["level"], c["raw"]))
    # item
    if g["item_type"] not in ITEM_TYPES:
        d.err("item_type %r" % g["item_type"])
    str_or_null("item_number", g["item_number"])
    if g["item_number"] is not None:
        verb("item_number", g["item_number"])
        if g["item_number"].startswith("第") or g["item_number"].endswith("号"):
            d.err("item_number keeps 第/号")
    # addressee, proposers
    str_or_null("addressee", g["addressee"])
    verb("addressee", g["addressee"])
    if g["addressee"] and (g["addressee"].startswith("尊敬") or g["addressee"][-1] in "：:"):
        d.err("addressee keeps honorific or colon")
    for p in str_list("proposers", g["proposers"]):
        verb("proposers", p)
    # dates
    str_or_null("issue_date", g["issue_date"])
    str_or_null("issue_date_raw", g["issue_date_raw"])
    verb("issue_date_raw", g["issue_date_raw"])
    if (g["issue_date"] is None) != (g["issue_date_raw"] is None):
        d.err("issue_date and issue_date_raw must both be null or both set")
    if g["issue_date"] is not None:
        try:
            iso = date.fromisoformat(g["issue_date"])
        except ValueError:
            d.err("issue_date %r is not ISO" % g["issue_date"])
            iso = None
        if iso and g["issue_date_raw"]:
            readings = parse_date(g["issue_date_raw"])
            if not readings:
                d.err("cannot read issue_date_raw %r" % g["issue_date_raw"])
            elif len(readings) > 1:
                d.err("issue_date_raw %r is ambiguous (%s)" % (g["issue_date_raw"], sorted(readings)))
            elif iso not in readings:
                d.err("issue_date %s != raw %r (%s)" % (iso, g["issue_date_raw"], readings.pop()))
    # contact, cc
    ct = g["contact"]
    if ct is not None:
        if not isinstance(ct, dict) or list(ct) != ["unit", "person", "phone"]:
            d.err("contact must be {unit, person, phone}")
        else:
            if all(ct[k] is None for k in ct):
                d.err("contact with all fields null should be null")
            for k in ("unit", "person", "phone"):
                str_or_null("contact." + k, ct[k])
                verb("contact." + k, ct[k])
    for x in str_list("cc", g["cc"]):
        verb("cc", x)
        if x.endswith(("。", ".")):
            d.err("cc entry keeps a final full stop: %r" % x)
    # metrics
    if not isinstance(g["metrics"], list):
        d.err("metrics must be a list")
    else:
        seen = set()
        for m in g["metrics"]:
            if not isinstance(m, dict) or list(m) != ["text", "value", "unit"]:
                d.err("metric must be {text, value, unit}: %r" % (m,))
                continue
            verb("metrics.text", m["text"])
            v = m["value"]
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                d.err("metric value must be a number: %r" % (m,))
            elif re.search(r"\d", m["text"] or ""):
                nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", m["text"].replace(",", ""))]
                if float(v) not in nums:
                    d.err("metric value %r not written in its text %r" % (v, m["text"]))
            str_or_null("metrics.unit", m["unit"])
            bare = re.sub(r"[余多]", "", m["text"] or "")   # approximate markers may split a unit
            if m["unit"] and m["unit"] not in bare and m["unit"] not in (m["text"] or "") \
                    and m["unit"] != "名次":
                d.err("metric unit %r not in its text %r" % (m["unit"], m["text"]))
            if m["text"] in seen:
                d.err("metric text listed twice: %r" % m["text"])
            seen.add(m["text"])
    for x in str_list("measures", g["measures"]):
        verb("measures", x)
    if not isinstance(g["truncated"], bool):
        d.err("truncated must be a boolean")
    if not isinstance(g["notes"], str):
        d.err("notes must be a string")

    # INDEX agreement
    if row["kind"] != g["kind"]:
        d.err("INDEX kind %r != gold %r" % (row["kind"], g["kind"]))
    if (row["grade"] or None) != g["grade"]:
        d.err("INDEX grade %r != gold %r" % (row["grade"], g["grade"]))
    if row["truncated"] != ("true" if g["truncated"] else "false"):
        d.err("INDEX truncated %r != gold %r" % (row["truncated"], g["truncated"]))
    return d


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    idx = os.path.join(folder, "INDEX.tsv")
    with open(idx, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if l.strip()]
    problems = []
    if rows[0] != INDEX_COLS:
        problems.append("INDEX.tsv header %r != %r" % (rows[0], INDEX_COLS))
    recs = []
    for r in rows[1:]:
        if len(r) != len(INDEX_COLS):
            problems.append("INDEX.tsv row has %d columns: %r" % (len(r), r))
            continue
        recs.append(dict(zip(INDEX_COLS, r)))
    ids = [r["id"] for r in recs]
    if len(set(ids)) != len(ids):
        problems.append("duplicate ids in INDEX.tsv")
    on_disk = sorted(f[:-4] for f in os.listdir(folder) if f.endswith(".txt"))
    for extra in sorted(set(on_disk) - set(ids)):
        problems.append("%s.txt not in INDEX.tsv" % extra)
    n = 0
    for r in recs:
        d = check_doc(folder, r)
        n += 1
        for e in d.errors:
            problems.append("%s: %s" % (d.id, e))
    if problems:
        print("\n".join(problems))
        print("FAILED: %d problem(s) in %d document(s)" % (len(problems), n))
        return 1
    print("OK: %d documents" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
