#!/usr/bin/env python3
"""Check the blind4 compare set: files, headers, JSON key order, labels, verbatim substrings, INDEX."""
import csv, glob, json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
KEYS = ["suggestion_title", "item", "asks", "notes"]
ASK_KEYS = ["text", "response", "evidence", "note"]
LABELS = {"concrete", "general", "explained", "not_addressed"}
HEADER = "# source: constructed"
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
errors = []

def err(msg):
    errors.append(msg)

def read_txt(path):
    with open(path, encoding="utf-8") as f:
        s = f.read()
    lines = s.split("\n")
    if lines[0] != HEADER:
        err(f"{path}: line 1 is not '{HEADER}'")
    if len(lines) < 3 or lines[1] != "":
        err(f"{path}: line 2 not empty")
    if MOBILE.search(s):
        err(f"{path}: unmasked mobile number")
    return "\n".join(lines[2:])

with open(os.path.join(HERE, "INDEX.tsv"), encoding="utf-8") as f:
    index = {r["id"]: r for r in csv.DictReader(f, delimiter="\t")}

labels = Counter(); n_asks = 0
ids = sorted(os.path.basename(p)[:4] for p in glob.glob(os.path.join(HERE, "p*.compare.json")))
for pid in ids:
    sug = read_txt(os.path.join(HERE, f"{pid}.suggestion.txt"))
    rep = read_txt(os.path.join(HERE, f"{pid}.reply.txt"))
    with open(os.path.join(HERE, f"{pid}.compare.json"), encoding="utf-8") as f:
        d = json.load(f)
    if list(d) != KEYS:
        err(f"{pid}: keys {list(d)}")
    t = d["suggestion_title"]
    if t is not None and t not in sug and t not in rep:
        err(f"{pid}: title not verbatim")
    if d["item"] is not None and d["item"] not in sug and d["item"] not in rep:
        err(f"{pid}: item not verbatim")
    seen = set()
    for i, a in enumerate(d["asks"]):
        if list(a) != ASK_KEYS:
            err(f"{pid} ask {i}: keys {list(a)}")
        if a["response"] not in LABELS:
            err(f"{pid} ask {i}: bad label {a['response']}")
        if a["text"] not in sug:
            err(f"{pid} ask {i}: text not in suggestion: {a['text']}")
        if a["text"] in seen:
            err(f"{pid} ask {i}: duplicate text")
        seen.add(a["text"])
        if (a["response"] == "not_addressed") != (a["evidence"] == []):
            err(f"{pid} ask {i}: evidence/not_addressed mismatch")
        for e in a["evidence"]:
            if not e or e not in rep:
                err(f"{pid} ask {i}: evidence not in reply: {e}")
        if not a["note"].strip():
            err(f"{pid} ask {i}: empty note")
        labels[a["response"]] += 1; n_asks += 1
    if not d["notes"].strip():
        err(f"{pid}: empty notes")
    row = index.get(pid)
    if row is None:
        err(f"{pid}: missing from INDEX.tsv")
    elif int(row["n_asks"]) != len(d["asks"]):
        err(f"{pid}: n_asks {row['n_asks']} != {len(d['asks'])}")
if set(index) != set(ids):
    err(f"INDEX ids {sorted(index)} != files {ids}")
# pairs whose suggestion file is a block quoted/reproduced in the reply: every line must occur in the reply
for pid in ["p404", "p409", "p411"]:
    sug = read_txt(os.path.join(HERE, f"{pid}.suggestion.txt"))
    rep = read_txt(os.path.join(HERE, f"{pid}.reply.txt"))
    for line in filter(str.strip, sug.split("\n")):
        if line not in rep:
            err(f"{pid}: quoted line not in reply: {line[:30]}")
for p in sorted(glob.glob(os.path.join(HERE, "distractors", "d*.txt"))):
    read_txt(p)

print(f"pairs {len(ids)}, asks {n_asks}, labels {dict(labels)}")
print("bodies", dict(Counter(r["body"] for r in index.values())))
if errors:
    print("\n".join(errors)); sys.exit(1)
print("OK")
