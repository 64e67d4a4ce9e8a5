#!/usr/bin/env python3
"""Validate a folder of annotated documents (gNNN/dNNN/eNNN .txt + .gold.json + INDEX.tsv).

Usage: python3 check.py [DIR]        (DIR defaults to the folder this script is in)

Standard library only. Prints 'OK: N documents' when every check passes, otherwise
one line per problem and exit status 1.
"""
import json
import os
import re
import sys
import unicodedata
from collections import OrderedDict
from datetime import date

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
LEVEL_FORMS = {"全国": ("全国", "全國"), "省": ("省",), "市": ("市",), "州": ("州",),
               "县": ("县", "縣"), "区": ("区", "區")}
CN_GRADE = {"甲": "A", "乙": "B", "丙": "C", "丁": "D"}
OPEN_BR = "〔[【(（﹝〖［{"
CLOSE_BR = "〕]】)）﹞〗］}"
CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
            "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10000, "亿": 100000000}
CN_CHARS = "".join(CN_DIGIT) + "".join(CN_UNIT)

errors = []


def err(doc, msg):
    errors.append("%s: %s" % (doc, msg))


# ---------------------------------------------------------------- numerals

def cn_to_int(s):
    """Chinese numeral string -> int (None if not parsable). Handles 十/百/千/万 and
    digit-by-digit forms such as 二〇二四."""
    if not s:
        return None
    if all(c in CN_DIGIT for c in s):
        if len(s) == 1:
            return CN_DIGIT[s]
        return int("".join(str(CN_DIGIT[c]) for c in s))
    total, section, num = 0, 0, 0
    for c in s:
        if c in CN_DIGIT:
            num = CN_DIGIT[c]
        elif c in CN_UNIT:
            u = CN_UNIT[c]
            if u >= 10000:
                section = (section + num) * u
                total += section
                section, num = 0, 0
            else:
                if num == 0:
                    num = 1
                section += num * u
                num = 0
        else:
            return None
    return total + section + num


def to_int(s):
    s = s.strip()
    if s.isdigit():
        return int(s)
    return cn_to_int(s)


# ---------------------------------------------------------------- text helpers

def variants(text):
    lines = text.split("\n")
    return [text,
            text.replace("\n", ""),
            "".join(l.strip() for l in lines),
            "".join(l.strip(" \t\u3000\xa0") for l in lines)]


def found(value, vs):
    if value in vs[0]:
        return True
    v1 = value.replace("\n", "")
    return any(v1 in v for v in vs[1:])


# ---------------------------------------------------------------- doc numbers

def norm_doc_number(dn):
    """Return (prefix, year, serial) read from a doc number, or None."""
    pos = -1
    for i, c in enumerate(dn):
        if c in OPEN_BR and re.match(r"\s*\d{4}", dn[i + 1:]):
            pos = i
            break
    if pos < 0:
        m = re.search(r"((?:19|20)\d{2})", dn)
        if not m:
            return None
        prefix = dn[:m.start()]
        rest = dn[m.end():]
        year = int(m.group(1))
    else:
        prefix = dn[:pos]
        m = re.match(r"\s*(\d{4})", dn[pos + 1:])
        year = int(m.group(1))
        rest = dn[pos + 1 + m.end():]
    prefix = prefix.strip().rstrip(":：").strip()
    rest = rest.lstrip()
    if rest and rest[0] in CLOSE_BR:
        rest = rest[1:]
    m = re.match(r"\s*第?\s*(\d+)", rest)
    if not m:
        return (prefix, year, None)
    return (prefix, year, int(m.group(1)))


# ---------------------------------------------------------------- dates

def date_readings(raw):
    """All (y, m, d) readings of a raw date span."""
    s = unicodedata.normalize("NFKC", raw)
    tokens = re.findall(r"\d+|[%s]+" % re.escape("〇○零一二两三四五六七八九十"), s)
    out = set()
    if not tokens:
        return out
    conv = []
    for t in tokens:
        if t.isdigit():
            conv.append(t)
        else:
            v = cn_to_int(t)
            if v is None:
                return out
            conv.append(str(v))
    # a year token of 4 digits followed by month and day tokens
    for i, t in enumerate(conv):
        if len(t) == 4 and i + 2 < len(conv):
            try:
                out.add((int(t), int(conv[i + 1]), int(conv[i + 2])))
            except ValueError:
                pass
            break
    if not out:
        # digits run together (2023518, 20211026): every valid split
        for t in conv:
            if 6 <= len(t) <= 8:
                y = t[:4]
                r = t[4:]
                for k in (1, 2):
                    mth, day = r[:k], r[k:]
                    if 1 <= len(day) <= 2:
                        out.add((int(y), int(mth), int(day)))
    valid = set()
    for y, m, d in out:
        try:
            date(y, m, d)
            valid.add((y, m, d))
        except ValueError:
            pass
    return valid


# ---------------------------------------------------------------- metric values

def numbers_in(span):
    s = unicodedata.normalize("NFKC", span)
    vals = set()
    for m in re.finditer(r"\d+(?:,\d{3})*(?:\.\d+)?", s):
        try:
            vals.add(float(m.group(0).replace(",", "")))
        except ValueError:
            pass
    for m in re.finditer(r"[%s]+" % re.escape(CN_CHARS), s):
        run = m.group(0)
        # the whole run (三个, 二十年, 十七部门) or the run without a trailing
        # multiplier that belongs to the unit (一万美元 -> 1, unit 万美元)
        for cand in (run, run.rstrip("万亿")):
            v = cn_to_int(cand)
            if cand and v is not None:
                vals.add(float(v))
    return vals


# ---------------------------------------------------------------- main checks

def is_str(x):
    return isinstance(x, str) and x != ""


def check_doc(d, gold, text, row):
    vs = variants(text)

    def verb(key, value):
        if value is None:
            return
        if not is_str(value):
            err(d, "%s must be a non-empty string or null" % key)
        elif not found(value, vs):
            err(d, "%s not found verbatim in text: %r" % (key, value))

    if list(gold.keys()) != KEYS:
        err(d, "keys or key order wrong: %s" % list(gold.keys()))
        return
    g = gold
    if g["kind"] not in KINDS:
        err(d, "bad kind %r" % g["kind"])
    # doc number
    verb("doc_number", g["doc_number"])
    dnn = g["doc_number_norm"]
    if g["doc_number"] is None and dnn is not None:
        err(d, "doc_number_norm without doc_number")
    if dnn is not None:
        if not isinstance(dnn, dict) or list(dnn.keys()) != ["prefix", "year", "serial"]:
            err(d, "doc_number_norm must have keys prefix, year, serial")
        elif not (is_str(dnn["prefix"]) and type(dnn["year"]) is int and type(dnn["serial"]) is int):
            err(d, "doc_number_norm types wrong")
        else:
            n = norm_doc_number(g["doc_number"])
            if n is None or n != (dnn["prefix"], dnn["year"], dnn["serial"]):
                err(d, "doc_number_norm %r does not match doc_number %r (read %r)" % (dnn, g["doc_number"], n))
    elif g["doc_number"] is not None:
        n = norm_doc_number(g["doc_number"])
        if n is not None and n[0] and n[2] is not None:
            err(d, "doc_number_norm null although %r is complete" % g["doc_number"])
    verb("issuer", g["issuer"])
    # signatory
    if not isinstance(g["signatory"], list):
        err(d, "signatory must be a list")
    else:
        for s in g["signatory"]:
            verb("signatory", s)
    # grade
    if g["grade"] not in GRADES and g["grade"] is not None:
        err(d, "bad grade %r" % g["grade"])
    if (g["grade"] is None) != (g["grade_raw"] is None):
        err(d, "grade and grade_raw must be both null or both set")
    verb("grade_raw", g["grade_raw"])
    if g["grade"] and g["grade_raw"]:
        raw = unicodedata.normalize("NFKC", g["grade_raw"])
        letters = set(re.findall(r"[ABCD]", raw)) | {CN_GRADE[c] for c in raw if c in CN_GRADE}
        if letters:
            if letters != {g["grade"]}:
                err(d, "grade %r disagrees with grade_raw %r" % (g["grade"], g["grade_raw"]))
        else:
            # a grade written in words only: the text itself must hold a legend that
            # ties those words to the letter
            words = re.split(r"[:：]", raw, 1)[-1].strip()
            nt = unicodedata.normalize("NFKC", vs[1])
            ok = False
            for m in re.finditer(re.escape(g["grade"]) + "类", nt):
                if words and words in nt[m.end():m.end() + 40]:
                    ok = True
            if not ok:
                err(d, "grade_raw %r carries no letter and no legend ties it to %r" % (g["grade_raw"], g["grade"]))
    verb("title", g["title"])
    # congress
    c = g["congress"]
    if c is not None:
        if not isinstance(c, dict) or list(c.keys()) != ["body", "level", "term", "session", "raw"]:
            err(d, "congress keys wrong")
        else:
            if c["body"] not in BODIES:
                err(d, "bad congress.body %r" % c["body"])
            if c["level"] is not None and c["level"] not in LEVELS:
                err(d, "bad congress.level %r" % c["level"])
            for k in ("term", "session"):
                if type(c[k]) is not int:
                    err(d, "congress.%s must be int" % k)
            verb("congress.raw", c["raw"])
            raw = c["raw"] or ""
            if c["body"] == "人大" and not ("人大" in raw or "人民代表大" in raw):
                err(d, "congress.raw %r does not name 人大" % raw)
            if c["body"] == "政协" and not ("政协" in raw or "政協" in raw):
                err(d, "congress.raw %r does not name 政协" % raw)
            if c["level"] is not None and not any(f in raw for f in LEVEL_FORMS[c["level"]]):
                err(d, "congress.level %r not in raw %r" % (c["level"], raw))
            m = re.search(r"([〇零一二三四五六七八九十百\d]+)\s*[届屆]", raw)
            if not m or to_int(m.group(1)) != c["term"]:
                err(d, "congress.term %r not read from %r" % (c["term"], raw))
            m = re.search(r"([一二三四五六七八九十\d]+)\s*次", raw)
            if not m or to_int(m.group(1)) != c["session"]:
                err(d, "congress.session %r not read from %r" % (c["session"], raw))
    if g["item_type"] not in ITEM_TYPES and g["item_type"] is not None:
        err(d, "bad item_type %r" % g["item_type"])
    verb("item_number", g["item_number"])
    if g["item_number"] is not None and (g["item_number"].startswith("第") or g["item_number"].endswith("号")):
        err(d, "item_number keeps 第/号")
    verb("addressee", g["addressee"])
    if g["addressee"] and (g["addressee"].startswith("尊敬") or g["addressee"][-1] in ":："):
        err(d, "addressee keeps honorific or colon")
    if not isinstance(g["proposers"], list):
        err(d, "proposers must be a list")
    else:
        for p in g["proposers"]:
            verb("proposers", p)
    # dates
    if (g["issue_date"] is None) != (g["issue_date_raw"] is None):
        err(d, "issue_date and issue_date_raw must be both null or both set")
    verb("issue_date_raw", g["issue_date_raw"])
    if g["issue_date"] is not None:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(g["issue_date"]))
        if not m:
            err(d, "issue_date not ISO: %r" % g["issue_date"])
        elif g["issue_date_raw"]:
            ymd = tuple(int(x) for x in m.groups())
            readings = date_readings(g["issue_date_raw"])
            if ymd not in readings:
                err(d, "issue_date %s not a reading of %r (%s)" % (g["issue_date"], g["issue_date_raw"], sorted(readings)))
            elif len(readings) > 1:
                err(d, "issue_date_raw %r has several readings" % g["issue_date_raw"])
    # contact
    ct = g["contact"]
    if ct is not None:
        if not isinstance(ct, dict) or list(ct.keys()) != ["unit", "person", "phone"]:
            err(d, "contact keys wrong")
        else:
            if all(ct[k] is None for k in ct):
                err(d, "contact with all fields null should be null")
            for k in ("unit", "person", "phone"):
                verb("contact." + k, ct[k])
    if not isinstance(g["cc"], list):
        err(d, "cc must be a list")
    else:
        for x in g["cc"]:
            verb("cc", x)
            if x and x[-1] in "。.":
                err(d, "cc entry keeps final stop: %r" % x)
    # metrics
    if not isinstance(g["metrics"], list):
        err(d, "metrics must be a list")
    else:
        seen = set()
        for mt in g["metrics"]:
            if not isinstance(mt, dict) or list(mt.keys()) != ["text", "value", "unit"]:
                err(d, "metric keys wrong: %r" % (mt,))
                continue
            verb("metric.text", mt["text"])
            v = mt["value"]
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                err(d, "metric value not a number: %r" % (mt,))
                continue
            if isinstance(v, float) and v.is_integer() and "." not in unicodedata.normalize("NFKC", mt["text"]):
                err(d, "metric value written as float without decimals in text: %r" % (mt,))
            if float(v) not in numbers_in(mt["text"] or ""):
                err(d, "metric value %r not written in span %r" % (v, mt["text"]))
            if mt["unit"] is not None:
                if not is_str(mt["unit"]):
                    err(d, "metric unit must be string or null: %r" % (mt,))
                elif mt["unit"] not in (mt["text"] or ""):
                    err(d, "metric unit %r not in span %r" % (mt["unit"], mt["text"]))
            key = (mt["text"], v, mt["unit"])
            if key in seen:
                err(d, "duplicate metric %r" % (mt,))
            seen.add(key)
    if not isinstance(g["measures"], list):
        err(d, "measures must be a list")
    else:
        for x in g["measures"]:
            verb("measure", x)
        if len(set(g["measures"])) != len(g["measures"]):
            err(d, "duplicate measures")
    if not isinstance(g["truncated"], bool):
        err(d, "truncated must be true/false")
    if not isinstance(g["notes"], str):
        err(d, "notes must be a string")
    # INDEX cross-checks
    if row["kind"] != g["kind"]:
        err(d, "INDEX kind %r != gold %r" % (row["kind"], g["kind"]))
    if row["grade"] != (g["grade"] or ""):
        err(d, "INDEX grade %r != gold %r" % (row["grade"], g["grade"]))
    if row["truncated"] != ("true" if g["truncated"] else "false"):
        err(d, "INDEX truncated %r != gold %r" % (row["truncated"], g["truncated"]))
    if row["year"] and not re.fullmatch(r"\d{4}", row["year"]):
        err(d, "INDEX year %r not a year" % row["year"])


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    idx_path = os.path.join(folder, "INDEX.tsv")
    if not os.path.exists(idx_path):
        print("no INDEX.tsv in %s" % folder)
        return 1
    with open(idx_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    if lines[0].split("\t") != INDEX_COLS:
        err("INDEX.tsv", "header must be %s" % "\\t".join(INDEX_COLS))
    rows = OrderedDict()
    for n, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) != len(INDEX_COLS):
            err("INDEX.tsv", "line %d has %d columns" % (n, len(cols)))
            continue
        row = dict(zip(INDEX_COLS, cols))
        if row["id"] in rows:
            err("INDEX.tsv", "duplicate id %s" % row["id"])
        if row["kind"] not in KINDS:
            err("INDEX.tsv", "line %d bad kind %r" % (n, row["kind"]))
        if row["grade"] not in GRADES | {""}:
            err("INDEX.tsv", "line %d bad grade %r" % (n, row["grade"]))
        if row["truncated"] not in ("true", "false"):
            err("INDEX.tsv", "line %d bad truncated %r" % (n, row["truncated"]))
        rows[row["id"]] = row
    # files present without an INDEX row
    ids_on_disk = set()
    for fn in os.listdir(folder):
        m = re.fullmatch(r"(.+?)\.(txt|gold\.json)", fn)
        if m and fn not in ("README.txt",):
            ids_on_disk.add(m.group(1))
    for extra in sorted(ids_on_disk - set(rows)):
        err(extra, "files present but no INDEX row")
    for d, row in rows.items():
        tp = os.path.join(folder, d + ".txt")
        gp = os.path.join(folder, d + ".gold.json")
        if not os.path.exists(tp) or not os.path.exists(gp):
            err(d, "missing .txt or .gold.json")
            continue
        with open(tp, encoding="utf-8") as f:
            raw = f.read()
        tl = raw.split("\n")
        if len(tl) < 3 or tl[0] != "# source: " + row["url"] or tl[1] != "":
            err(d, "header lines must be '# source: %s' and an empty line" % row["url"])
        text = "\n".join(tl[2:])
        try:
            with open(gp, encoding="utf-8") as f:
                gold = json.load(f, object_pairs_hook=OrderedDict)
        except ValueError as e:
            err(d, "invalid JSON: %s" % e)
            continue
        check_doc(d, gold, text, row)
    if errors:
        for e in errors:
            print(e)
        print("FAILED: %d problem(s) in %d documents" % (len(errors), len(rows)))
        return 1
    print("OK: %d documents" % len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
