#!/usr/bin/env python3
"""Consistency checker for annotated reply-letter folders (stdlib only).

Usage:  python3 check.py [DIR]      (DIR defaults to the folder of this script)

Checks, for every row of DIR/INDEX.tsv and every <id>.txt / <id>.gold.json in DIR:
  * INDEX.tsv columns, ids unique, every indexed id has both files and every file is indexed;
  * text header: line 1 is '# source: <url of the INDEX row>', line 2 is empty;
  * gold keys present in the order of ANNOTATION.md, value types, enums;
  * verbatim values are substrings of the document text (line breaks may be removed;
    congress.raw must match with its line breaks);
  * cross-checks: INDEX kind/grade/truncated vs gold, grade vs grade_raw,
    doc_number_norm vs doc_number, issue_date vs issue_date_raw (Arabic, ISO, Chinese
    numerals, dates that lost 年/月/日), metric values written in their spans;
  * small form rules (item_number without 第/号, addressee without 尊敬的 / trailing colon,
    no empty strings, no duplicate metrics).
Prints one line per problem and finally 'OK: N documents' (exit 0) or 'FAILED: ...' (exit 1).
"""
import datetime
import json
import os
import re
import sys

KEYS = ["kind", "doc_number", "doc_number_norm", "issuer", "signatory", "grade", "grade_raw",
        "title", "congress", "item_type", "item_number", "addressee", "proposers", "issue_date",
        "issue_date_raw", "contact", "cc", "metrics", "measures", "truncated", "notes"]
INDEX_COLS = ["id", "kind", "url", "agency", "year", "grade", "truncated", "description"]
KINDS = {"reply", "suggestion", "other"}
GRADES = {"A", "B", "C", "D"}
ITEM_TYPES = {"建议", "提案", "议案"}
BODIES = {"人大", "政协"}
LEVELS = {"全国", "省", "市", "州", "县", "区"}
OPEN_BRACKETS = "〔【[(（﹝"
CLOSE_BRACKETS = "〕】])）﹞"
TRAD_GRADES = {"甲": "A", "乙": "B", "丙": "C", "丁": "D"}

CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
            "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10000, "亿": 100000000}
CN_CHARS = "〇○零一二两三四五六七八九十百千万亿"


def cn_to_int(s):
    """Convert a Chinese numeral ('三', '十二', '二百零五', '一万') to int, or None."""
    if not s or any(ch not in CN_DIGIT and ch not in CN_UNIT for ch in s):
        return None
    total, section, num = 0, 0, None
    for ch in s:
        if ch in CN_DIGIT:
            if num is not None:          # two digits in a row: read as digit string
                return None
            num = CN_DIGIT[ch]
        else:
            unit = CN_UNIT[ch]
            if unit >= 10000:
                section = (section + (num or 0)) * unit if (section or num) else unit
                total += section
                section = 0
            else:
                section += (1 if num is None else num) * unit
            num = None
    return total + section + (num or 0)


def cn_digits_to_int(s):
    """'二〇二三' -> 2023 (digit by digit)."""
    if not s or any(ch not in CN_DIGIT for ch in s):
        return None
    return int("".join(str(CN_DIGIT[ch]) for ch in s))


def squash(text):
    """Text with line breaks (and the indentation around them) removed."""
    return re.sub(r"[ \t\u3000\u00a0]*\r?\n[ \t\u3000\u00a0]*", "", text)


def in_text(value, text, variants):
    if value in text:
        return True
    return any(value in v for v in variants)


def date_readings(raw):
    """All ISO dates that the verbatim raw date can be read as."""
    out = set()

    def add(y, m, d):
        try:
            out.add(datetime.date(int(y), int(m), int(d)).isoformat())
        except (ValueError, TypeError):
            pass

    s = raw.replace(" ", "")
    for m in re.finditer(r"(\d{4})年(\d{1,2})月(\d{1,2})日", s):
        add(*m.groups())
    for m in re.finditer(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", s):
        add(*m.groups())
    cn = "〇○零Oo一二三四五六七八九十"
    for m in re.finditer(r"([%s]{4})年([%s]{1,3})月([%s]{1,3})日" % (cn, cn, cn), s):
        y = cn_digits_to_int(m.group(1).replace("O", "〇").replace("o", "〇"))
        mo, d = cn_to_int(m.group(2)), cn_to_int(m.group(3))
        if y is not None and mo is not None and d is not None:
            add(y, mo, d)
    for m in re.finditer(r"(?<!\d)(\d{4})(\d{2,4})(?!\d)", s):   # lost 年/月/日: 2023518, 20211026
        y, rest = m.group(1), m.group(2)
        for i in (1, 2):
            if 0 < len(rest) - i <= 2:
                add(y, rest[:i], rest[i:])
    return out


def numbers_in(span):
    """Numeric values written in a span: Arabic numbers and Chinese numerals."""
    vals = set()
    for m in re.finditer(r"\d+(?:,\d{3})*(?:\.\d+)?", span):
        try:
            vals.add(float(m.group(0).replace(",", "")))
        except ValueError:
            pass
    for m in re.finditer("[%s]+" % CN_CHARS, span):
        run = m.group(0)
        for i in range(len(run)):
            for j in range(i + 1, len(run) + 1):
                v = cn_to_int(run[i:j])
                if v is not None:
                    vals.add(float(v))
    return vals


def norm_from_number(num):
    """(prefix, year, serial) read from a verbatim doc number, or None."""
    # the year bracket is the first opening bracket followed by four digits (a traditional
    # mirror may put pinyin in brackets inside the prefix: 規(guī)劃【2020】)
    m0 = re.search(r"[%s]\s*\d{4}" % re.escape(OPEN_BRACKETS), num)
    if not m0:
        return None
    i = m0.start()
    prefix = num[:i].rstrip().rstrip(":：").rstrip()
    rest = num[i + 1:]
    m = re.match(r"\s*(\d{4})", rest)
    if not m:
        return None
    year = int(m.group(1))
    rest = rest[m.end():]
    rest = rest.lstrip(CLOSE_BRACKETS).lstrip()
    rest = re.sub(r"^第\s*", "", rest)
    m2 = re.match(r"(\d+)", rest)
    if not m2:
        return None
    return prefix, year, int(m2.group(1))


class Checker:
    def __init__(self, folder):
        self.folder = folder
        self.errors = []

    def err(self, doc, msg):
        self.errors.append("%s: %s" % (doc, msg))

    def read_index(self):
        path = os.path.join(self.folder, "INDEX.tsv")
        if not os.path.exists(path):
            self.err("INDEX.tsv", "missing")
            return {}
        with open(path, encoding="utf-8") as f:
            lines = [l.rstrip("\n").rstrip("\r") for l in f if l.strip()]
        head = lines[0].split("\t")
        if head != INDEX_COLS:
            self.err("INDEX.tsv", "header %r != %r" % (head, INDEX_COLS))
        rows = {}
        for n, line in enumerate(lines[1:], 2):
            cells = line.split("\t")
            if len(cells) != len(INDEX_COLS):
                self.err("INDEX.tsv", "line %d has %d columns" % (n, len(cells)))
                continue
            row = dict(zip(INDEX_COLS, cells))
            if row["id"] in rows:
                self.err("INDEX.tsv", "duplicate id %s" % row["id"])
            rows[row["id"]] = row
        return rows

    def run(self):
        rows = self.read_index()
        files = set(os.listdir(self.folder))
        ids_on_disk = {f[:-4] for f in files if f.endswith(".txt")} | \
                      {f[:-10] for f in files if f.endswith(".gold.json")}
        for i in sorted(ids_on_disk - set(rows)):
            self.err(i, "files present but not in INDEX.tsv")
        for doc_id in rows:
            self.check_doc(doc_id, rows[doc_id], files)
        return len(rows)

    # ------------------------------------------------------------------
    def check_doc(self, doc_id, row, files):
        if doc_id + ".txt" not in files or doc_id + ".gold.json" not in files:
            self.err(doc_id, "missing .txt or .gold.json")
            return
        with open(os.path.join(self.folder, doc_id + ".txt"), encoding="utf-8") as f:
            raw = f.read()
        lines = raw.split("\n")
        if len(lines) < 3:
            self.err(doc_id, "text too short")
            return
        if lines[0] != "# source: " + row["url"]:
            self.err(doc_id, "line 1 %r does not match INDEX url %r" % (lines[0], row["url"]))
        if lines[1] != "":
            self.err(doc_id, "line 2 is not empty")
        text = "\n".join(lines[2:])
        variants = [text.replace("\r", "").replace("\n", ""), squash(text)]
        try:
            with open(os.path.join(self.folder, doc_id + ".gold.json"), encoding="utf-8") as f:
                g = json.load(f)
        except ValueError as e:
            self.err(doc_id, "bad JSON: %s" % e)
            return
        if list(g) != KEYS:
            self.err(doc_id, "keys/order %r" % list(g))
            return

        def verb(field, value):
            if value is None:
                return
            if not isinstance(value, str) or value == "":
                self.err(doc_id, "%s must be a non-empty string or null: %r" % (field, value))
                return
            if not in_text(value, text, variants):
                self.err(doc_id, "%s not verbatim in text: %r" % (field, value))

        def str_list(field):
            v = g[field]
            if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
                self.err(doc_id, "%s must be a list of non-empty strings" % field)
                return []
            return v

        # kind
        if g["kind"] not in KINDS:
            self.err(doc_id, "kind %r" % g["kind"])
        if row["kind"] != g["kind"]:
            self.err(doc_id, "INDEX kind %r != gold %r" % (row["kind"], g["kind"]))

        # doc number
        verb("doc_number", g["doc_number"])
        norm = g["doc_number_norm"]
        if norm is not None:
            if not (isinstance(norm, dict) and list(norm) == ["prefix", "year", "serial"]
                    and isinstance(norm["prefix"], str) and type(norm["year"]) is int
                    and type(norm["serial"]) is int):
                self.err(doc_id, "doc_number_norm malformed: %r" % norm)
            elif g["doc_number"] is None:
                self.err(doc_id, "doc_number_norm without doc_number")
            else:
                got = norm_from_number(g["doc_number"])
                if got != (norm["prefix"], norm["year"], norm["serial"]):
                    self.err(doc_id, "doc_number_norm %r does not match %r (read %r)"
                             % (norm, g["doc_number"], got))
        elif g["doc_number"] is not None and norm_from_number(g["doc_number"]) is not None:
            self.err(doc_id, "doc_number_norm null although %r is complete" % g["doc_number"])

        verb("issuer", g["issuer"])
        for s in str_list("signatory"):
            verb("signatory", s)

        # grade
        if g["grade"] is not None and g["grade"] not in GRADES:
            self.err(doc_id, "grade %r" % g["grade"])
        if (g["grade"] is None) != (g["grade_raw"] is None):
            self.err(doc_id, "grade and grade_raw must both be null or both set")
        verb("grade_raw", g["grade_raw"])
        if g["grade"] and g["grade_raw"]:
            gr = g["grade_raw"]
            letters = {c for c in re.sub(r"[^A-DＡ-Ｄ甲乙丙丁]", "", gr)}
            mapped = {TRAD_GRADES.get(c, chr(ord(c) - 0xFEE0) if "Ａ" <= c <= "Ｄ" else c)
                      for c in letters}
            if mapped != {g["grade"]}:
                self.err(doc_id, "grade %r not the letter of grade_raw %r" % (g["grade"], gr))
        idx_grade = row["grade"] or None
        if idx_grade != g["grade"]:
            self.err(doc_id, "INDEX grade %r != gold %r" % (row["grade"], g["grade"]))

        verb("title", g["title"])

        # congress
        c = g["congress"]
        if c is not None:
            if not isinstance(c, dict) or list(c) != ["body", "level", "term", "session", "raw"]:
                self.err(doc_id, "congress malformed: %r" % (c,))
            else:
                if c["body"] not in BODIES:
                    self.err(doc_id, "congress.body %r" % c["body"])
                if c["level"] is not None and c["level"] not in LEVELS:
                    self.err(doc_id, "congress.level %r" % c["level"])
                for k in ("term", "session"):
                    if c[k] is not None and type(c[k]) is not int:
                        self.err(doc_id, "congress.%s must be int or null" % k)
                if not isinstance(c["raw"], str) or c["raw"] not in text:
                    self.err(doc_id, "congress.raw not verbatim (line breaks kept): %r" % c["raw"])
                else:
                    r = c["raw"]
                    if c["level"] is not None:
                        lvl_words = {"全国": ["全国", "全國"], "省": ["省"], "市": ["市"],
                                     "州": ["州"], "县": ["县", "縣"], "区": ["区", "區"]}
                        if not any(w in r for w in lvl_words[c["level"]]):
                            self.err(doc_id, "congress.level %r has no level word in %r"
                                     % (c["level"], r))
                    if c["body"] == "政协" and "政协" not in r and "政協" not in r:
                        self.err(doc_id, "congress.body 政协 but raw %r" % r)
                    if c["body"] == "人大" and not any(w in r for w in ("人大", "人民代表大会", "人民代表大會")):
                        self.err(doc_id, "congress.body 人大 but raw %r" % r)
                    rs = r.replace("\n", "")
                    if c["term"] is not None and float(c["term"]) not in numbers_in(rs):
                        self.err(doc_id, "congress.term %r not written in %r" % (c["term"], r))
                    if c["session"] is not None and float(c["session"]) not in numbers_in(rs):
                        self.err(doc_id, "congress.session %r not written in %r" % (c["session"], r))

        # item
        if g["item_type"] is not None and g["item_type"] not in ITEM_TYPES:
            self.err(doc_id, "item_type %r" % g["item_type"])
        if g["item_number"] is not None:
            verb("item_number", g["item_number"])
            if re.search(r"[第号號]", g["item_number"]):
                self.err(doc_id, "item_number keeps 第/号: %r" % g["item_number"])
        verb("addressee", g["addressee"])
        if g["addressee"]:
            if g["addressee"].startswith("尊敬") or g["addressee"][-1] in ":：":
                self.err(doc_id, "addressee keeps honorific or colon: %r" % g["addressee"])
        for p in str_list("proposers"):
            verb("proposers", p)

        # dates
        if (g["issue_date"] is None) != (g["issue_date_raw"] is None):
            self.err(doc_id, "issue_date and issue_date_raw must both be null or both set")
        if g["issue_date"] is not None:
            try:
                datetime.date.fromisoformat(g["issue_date"])
            except (ValueError, TypeError):
                self.err(doc_id, "issue_date not ISO: %r" % g["issue_date"])
        verb("issue_date_raw", g["issue_date_raw"])
        if g["issue_date"] and g["issue_date_raw"]:
            if g["issue_date"] not in date_readings(g["issue_date_raw"]):
                self.err(doc_id, "issue_date %r is not a reading of %r (readings %r)"
                         % (g["issue_date"], g["issue_date_raw"],
                            sorted(date_readings(g["issue_date_raw"]))))

        # contact, cc
        ct = g["contact"]
        if ct is not None:
            if not isinstance(ct, dict) or list(ct) != ["unit", "person", "phone"]:
                self.err(doc_id, "contact malformed: %r" % (ct,))
            else:
                if all(v is None for v in ct.values()):
                    self.err(doc_id, "contact with all fields null should be null")
                for k in ("unit", "person", "phone"):
                    verb("contact." + k, ct[k])
        for e in str_list("cc"):
            verb("cc", e)
            if e[-1] in "。.":
                self.err(doc_id, "cc entry keeps a final full stop: %r" % e)

        # metrics
        ms = g["metrics"]
        if not isinstance(ms, list):
            self.err(doc_id, "metrics must be a list")
            ms = []
        seen = set()
        for m in ms:
            if not isinstance(m, dict) or list(m) != ["text", "value", "unit"]:
                self.err(doc_id, "metric malformed: %r" % (m,))
                continue
            verb("metric.text", m["text"])
            if type(m["value"]) not in (int, float):
                self.err(doc_id, "metric value not a number: %r" % (m,))
                continue
            if isinstance(m["text"], str):
                if float(m["value"]) not in numbers_in(m["text"]):
                    self.err(doc_id, "metric value %r not written in span %r" % (m["value"], m["text"]))
                if m["unit"] is not None and m["unit"] != "名次" and m["unit"] not in m["text"]:
                    self.err(doc_id, "metric unit %r not in span %r" % (m["unit"], m["text"]))
            if m["unit"] is not None and (not isinstance(m["unit"], str) or not m["unit"]):
                self.err(doc_id, "metric unit must be a non-empty string or null: %r" % (m,))
            key = (m["text"], m["value"], m["unit"])
            if key in seen:
                self.err(doc_id, "duplicate metric %r" % (m,))
            seen.add(key)

        for s in str_list("measures"):
            verb("measures", s)

        if not isinstance(g["truncated"], bool):
            self.err(doc_id, "truncated must be a boolean")
        elif row["truncated"] != ("true" if g["truncated"] else "false"):
            self.err(doc_id, "INDEX truncated %r != gold %r" % (row["truncated"], g["truncated"]))
        if not isinstance(g["notes"], str):
            self.err(doc_id, "notes must be a string")


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    ch = Checker(folder)
    n = ch.run()
    for e in ch.errors:
        print(e)
    if ch.errors:
        print("FAILED: %d problem(s) in %d documents" % (len(ch.errors), n))
        sys.exit(1)
    print("OK: %d documents" % n)


if __name__ == "__main__":
    main()
