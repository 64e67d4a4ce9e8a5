#!/usr/bin/env python3
"""Validate an annotation folder (texts, gold JSON files, INDEX.tsv).

Usage: python3 check.py [DIR]      (DIR defaults to the folder of this script)

Checks, per ANNOTATION.md:
  * INDEX.tsv has the columns `id kind url agency year grade truncated`
    + description, one row per document, and every id has a .txt and a .gold.json;
  * line 1 of each text is `# source: <url of the INDEX row>`, line 2 is empty;
  * gold keys are exactly the guideline keys, in order; enums and types;
  * every verbatim value is a substring of the text (line breaks may be removed);
  * doc_number_norm agrees with doc_number; issue_date agrees with issue_date_raw
    (Arabic, ISO, digit runs without 年/月/日, Chinese numerals);
  * each metric value is written in its span (Arabic or Chinese numerals);
  * INDEX kind / grade / truncated agree with the gold file.
Prints `OK: N documents` and exits 0, or lists the problems and exits 1.
Standard library only.
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
INDEX_COLS = ["id", "kind", "url", "agency", "year", "grade", "truncated", "description"]
KINDS = {"reply", "suggestion", "other"}
GRADES = {"A", "B", "C", "D"}
ITEM_TYPES = {"建议", "提案", "议案"}
BODIES = {"人大", "政协"}
LEVELS = {"全国", "省", "市", "州", "县", "区"}

OPEN_BR = "〔[【(（﹝［"
CLOSE_BR = "〕]】)）﹞］"
CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "О": 0, "O": 0, "Ｏ": 0, "0": 0,
             "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10000, "亿": 100000000, "萬": 10000, "億": 100000000}
FW = str.maketrans("０１２３４５６７８９．", "0123456789.")


def cn_small(s):
    """Convert a Chinese numeral below 10000 (e.g. 二十一, 十五, 三百零五)."""
    if not s:
        return None
    if all(c in CN_DIGITS for c in s):          # digit-by-digit (二〇二三)
        return int("".join(str(CN_DIGITS[c]) for c in s))
    total, cur = 0, None
    for c in s:
        if c in CN_DIGITS:
            cur = CN_DIGITS[c]
        elif c in CN_UNITS:
            total += (1 if cur is None else cur) * CN_UNITS[c]
            cur = None
        else:
            return None
    if cur is not None:
        total += cur
    return total


def cn_number(s):
    """Convert a Chinese numeral with optional 万/亿."""
    total, rest = 0, s
    for big in ("亿", "億", "万", "萬"):
        if big in rest:
            head, rest = rest.split(big, 1)
            v = cn_small(head) if head else 1
            if v is None:
                return None
            total += v * CN_BIG[big]
    if rest:
        v = cn_small(rest)
        if v is None:
            return None
        total += v
    return total


def numbers_in(span):
    """All numeric readings of a span: Arabic numbers and Chinese numeral runs."""
    out = set()
    t = span.translate(FW)
    for m in re.finditer(r"\d+(?:,\d{3})*(?:\.\d+)?", t):
        out.add(float(m.group().replace(",", "")))
    for m in re.finditer(r"[〇○零一二两三四五六七八九十百千万亿萬億]+", span):
        run = m.group()
        for cand in (run, run.rstrip("万亿萬億")):
            v = cn_number(cand) if cand else None
            if v is not None:
                out.add(float(v))
        # a run can start with a non-numeral word such as 万 in 万人: try suffixes
        for i in range(1, len(run)):
            v = cn_number(run[i:])
            if v is not None:
                out.add(float(v))
    return out


def date_readings(raw):
    """All ISO dates that the raw date span can be read as."""
    res = set()
    t = raw.translate(FW)

    def add(y, m, d):
        try:
            res.add(datetime.date(int(y), int(m), int(d)).isoformat())
        except ValueError:
            pass

    for m in re.finditer(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})", t):
        add(*m.groups())
    for m in re.finditer(r"(?<!\d)(\d{6,8})(?!\d)", t):   # 2023518, 20211026
        s = m.group(1)
        y, rest = s[:4], s[4:]
        for i in range(1, len(rest)):
            add(y, rest[:i], rest[i:])
    cn = "〇○零О0Ｏ一二三四五六七八九十"
    for m in re.finditer("([%s]{4})年([%s]{1,3})月([%s]{1,3})日" % (cn, cn, cn), raw):
        y = cn_small(m.group(1))
        mo = cn_small(m.group(2))
        d = cn_small(m.group(3))
        if None not in (y, mo, d):
            add(y, mo, d)
    return res


def parse_doc_number(dn):
    m = re.match(r"^(?P<prefix>.*?)[:：]?\s*[%s]\s*(?P<year>\d{4})\s*[%s]?\s*第?\s*(?P<serial>\d+)"
                 % (re.escape(OPEN_BR), re.escape(CLOSE_BR)), dn)
    if not m:
        return None
    return {"prefix": m.group("prefix").strip(), "year": int(m.group("year")),
            "serial": int(m.group("serial"))}


class Doc:
    def __init__(self, did, text):
        self.did = did
        self.text = text
        lines = text.split("\n")
        self.body = "\n".join(lines[2:])
        b = self.body.replace("\r", "")
        self.variants = [
            b,
            b.replace("\n", ""),
            "".join(l.rstrip() for l in b.split("\n")),
            "".join(l.strip() for l in b.split("\n")),
        ]

    def contains(self, s, keep_breaks=False):
        if keep_breaks:
            return s in self.body or s.replace("\n", "") in self.variants[1] \
                or s.replace("\n", "") in self.variants[3]
        return any(s in v for v in self.variants)


def check_doc(did, text, gold, row, errs):
    def err(msg):
        errs.append("%s: %s" % (did, msg))

    lines = text.split("\n")
    if len(lines) < 3:
        err("text too short")
        return
    if lines[0] != "# source: " + row["url"]:
        err("line 1 %r does not match INDEX url %r" % (lines[0], row["url"]))
    if lines[1] != "":
        err("line 2 is not empty")
    doc = Doc(did, text)

    if list(gold.keys()) != KEYS:
        err("keys/order differ: %s" % list(gold.keys()))
        return
    g = gold

    def verb(label, v, keep_breaks=False):
        if v is None:
            return
        if not isinstance(v, str) or not v:
            err("%s must be a non-empty string or null" % label)
            return
        if not doc.contains(v, keep_breaks):
            err("%s not found verbatim: %r" % (label, v))

    def strlist(label, v):
        if not isinstance(v, list):
            err("%s must be a list" % label)
            return []
        for x in v:
            verb(label + " entry", x)
        return v

    # kind
    if g["kind"] not in KINDS:
        err("bad kind %r" % g["kind"])
    # doc number
    verb("doc_number", g["doc_number"])
    n = g["doc_number_norm"]
    if n is not None:
        if g["doc_number"] is None:
            err("doc_number_norm without doc_number")
        if not (isinstance(n, dict) and list(n.keys()) == ["prefix", "year", "serial"]):
            err("doc_number_norm must have prefix/year/serial")
        else:
            if not isinstance(n["year"], int) or not isinstance(n["serial"], int) \
                    or isinstance(n["year"], bool) or isinstance(n["serial"], bool):
                err("doc_number_norm year/serial must be int")
            verb("doc_number_norm.prefix", n["prefix"])
            if g["doc_number"]:
                p = parse_doc_number(g["doc_number"])
                if p is None:
                    err("cannot parse doc_number %r" % g["doc_number"])
                elif p != n:
                    err("doc_number_norm %r disagrees with doc_number %r (parsed %r)"
                        % (n, g["doc_number"], p))
    # issuer, signatory
    verb("issuer", g["issuer"])
    strlist("signatory", g["signatory"])
    # grade
    if g["grade"] is not None and g["grade"] not in GRADES:
        err("bad grade %r" % g["grade"])
    if (g["grade"] is None) != (g["grade_raw"] is None):
        err("grade and grade_raw must both be null or both set")
    verb("grade_raw", g["grade_raw"])
    if g["grade"] and g["grade_raw"]:
        raw = g["grade_raw"]
        mapped = raw.translate(str.maketrans("甲乙丙丁ＡＢＣＤ", "ABCDABCD"))
        if g["grade"] not in mapped and not re.search(r"[一二三四]类|[一二三四]類", raw):
            # words (已解决 / 正在解决 ...) are allowed; they must be documented in notes
            if "grade" not in g["notes"]:
                err("grade %r not visible in grade_raw %r and not explained in notes"
                    % (g["grade"], raw))
    # title
    verb("title", g["title"])
    # congress
    c = g["congress"]
    if c is not None:
        if not (isinstance(c, dict) and list(c.keys()) == ["body", "level", "term", "session", "raw"]):
            err("congress must have body/level/term/session/raw")
        else:
            if c["body"] not in BODIES:
                err("bad congress.body %r" % c["body"])
            if c["level"] is not None and c["level"] not in LEVELS:
                err("bad congress.level %r" % c["level"])
            for k in ("term", "session"):
                if c[k] is not None and (not isinstance(c[k], int) or isinstance(c[k], bool)):
                    err("congress.%s must be int or null" % k)
            verb("congress.raw", c["raw"], keep_breaks=True)
            raw = c["raw"] or ""
            if c["body"] == "人大" and not re.search(r"人大|人民代表大会|人民代表大會", raw):
                err("congress.body 人大 but raw lacks it")
            if c["body"] == "政协" and not re.search(r"政协|政協", raw):
                err("congress.body 政协 but raw lacks it")
            if c["level"] is not None:
                lv = {"全国": "全国|全國", "省": "省", "市": "市", "州": "州",
                      "县": "县|縣", "区": "区|區"}[c["level"]]
                if not re.search(lv, raw):
                    err("congress.level %r not in raw %r" % (c["level"], raw))
            flat = raw.replace("\n", "")
            for k, pat in (("term", r"([〇零一二三四五六七八九十]+)[届屆]"),
                           ("session", r"([〇零一二三四五六七八九十]+)次")):
                m = re.search(pat, flat)
                if c[k] is not None:
                    if not m or cn_small(m.group(1)) != c[k]:
                        err("congress.%s %r not written in raw %r" % (k, c[k], raw))
    # item
    if g["item_type"] is not None and g["item_type"] not in ITEM_TYPES:
        err("bad item_type %r" % g["item_type"])
    if g["item_number"] is not None:
        if not isinstance(g["item_number"], str):
            err("item_number must be a string")
        else:
            verb("item_number", g["item_number"])
    verb("addressee", g["addressee"])
    strlist("proposers", g["proposers"])
    # dates
    if (g["issue_date"] is None) != (g["issue_date_raw"] is None):
        err("issue_date and issue_date_raw must both be null or both set")
    if g["issue_date"] is not None:
        try:
            datetime.date.fromisoformat(g["issue_date"])
        except (ValueError, TypeError):
            err("issue_date not ISO: %r" % g["issue_date"])
        verb("issue_date_raw", g["issue_date_raw"])
        if g["issue_date_raw"] and g["issue_date"] not in date_readings(g["issue_date_raw"]):
            err("issue_date %r is not a reading of %r" % (g["issue_date"], g["issue_date_raw"]))
    # contact
    ct = g["contact"]
    if ct is not None:
        if not (isinstance(ct, dict) and list(ct.keys()) == ["unit", "person", "phone"]):
            err("contact must have unit/person/phone")
        else:
            if all(ct[k] is None for k in ct):
                err("contact with all fields null should be null")
            for k in ("unit", "person", "phone"):
                verb("contact." + k, ct[k])
    strlist("cc", g["cc"])
    for x in g["cc"] if isinstance(g["cc"], list) else []:
        if x.endswith(("。", ".")):
            err("cc entry keeps a final full stop: %r" % x)
    # metrics
    if not isinstance(g["metrics"], list):
        err("metrics must be a list")
    else:
        seen = set()
        for mt in g["metrics"]:
            if not (isinstance(mt, dict) and list(mt.keys()) == ["text", "value", "unit"]):
                err("metric must have text/value/unit: %r" % (mt,))
                continue
            verb("metric text", mt["text"])
            v = mt["value"]
            if not isinstance(v, (int, float)) or isinstance(v, bool):
                err("metric value must be a number: %r" % (mt,))
                continue
            if float(v) not in numbers_in(mt["text"]):
                err("metric value %r not written in span %r" % (v, mt["text"]))
            if mt["unit"] is not None:
                if not isinstance(mt["unit"], str) or not mt["unit"]:
                    err("metric unit must be a non-empty string or null: %r" % (mt,))
                elif mt["unit"] not in mt["text"] and mt["unit"] not in ("名次",):
                    err("metric unit %r not in span %r" % (mt["unit"], mt["text"]))
            key = (mt["text"], v)
            if key in seen:
                err("duplicate metric %r" % (mt,))
            seen.add(key)
    strlist("measures", g["measures"])
    if not isinstance(g["truncated"], bool):
        err("truncated must be a boolean")
    if not isinstance(g["notes"], str):
        err("notes must be a string")
    # INDEX cross-checks
    if row["kind"] != g["kind"]:
        err("INDEX kind %r != gold kind %r" % (row["kind"], g["kind"]))
    if (row["grade"] or None) != g["grade"]:
        err("INDEX grade %r != gold grade %r" % (row["grade"], g["grade"]))
    if row["truncated"] != ("true" if g["truncated"] else "false"):
        err("INDEX truncated %r != gold truncated %r" % (row["truncated"], g["truncated"]))


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errs = []
    idx_path = os.path.join(d, "INDEX.tsv")
    if not os.path.exists(idx_path):
        print("FAIL: no INDEX.tsv in %s" % d)
        return 1
    with open(idx_path, encoding="utf-8") as f:
        rows = [l.rstrip("\n") for l in f if l.strip()]
    header = rows[0].split("\t")
    if header != INDEX_COLS:
        errs.append("INDEX.tsv header %r != %r" % (header, INDEX_COLS))
    index = {}
    for r in rows[1:]:
        parts = r.split("\t")
        if len(parts) != len(INDEX_COLS):
            errs.append("INDEX.tsv row has %d columns: %r" % (len(parts), r[:60]))
            continue
        row = dict(zip(INDEX_COLS, parts))
        if row["id"] in index:
            errs.append("INDEX.tsv duplicate id %s" % row["id"])
        if row["truncated"] not in ("true", "false"):
            errs.append("%s: INDEX truncated must be true/false" % row["id"])
        if row["grade"] not in ("", "A", "B", "C", "D"):
            errs.append("%s: INDEX grade %r" % (row["id"], row["grade"]))
        index[row["id"]] = row
    files = os.listdir(d)
    ids_txt = {f[:-4] for f in files if f.endswith(".txt")}
    ids_gold = {f[:-10] for f in files if f.endswith(".gold.json")}
    for i in sorted(ids_txt ^ ids_gold):
        errs.append("%s: .txt and .gold.json must come in pairs" % i)
    for i in sorted((ids_txt | ids_gold) ^ set(index)):
        errs.append("%s: in folder or INDEX.tsv but not both" % i)
    n = 0
    for did in sorted(index):
        tp = os.path.join(d, did + ".txt")
        gp = os.path.join(d, did + ".gold.json")
        if not (os.path.exists(tp) and os.path.exists(gp)):
            continue
        with open(tp, encoding="utf-8") as f:
            text = f.read()
        try:
            with open(gp, encoding="utf-8") as f:
                gold = json.load(f)
        except ValueError as e:
            errs.append("%s: bad JSON: %s" % (did, e))
            continue
        check_doc(did, text, gold, index[did], errs)
        n += 1
    if errs:
        for e in errs:
            print(e)
        print("FAIL: %d problems in %d documents" % (len(errs), n))
        return 1
    print("OK: %d documents" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
