#!/usr/bin/env python
"""What the ways a letter gets captured cost: every gold document of the corpus folders parsed
as it is and as other captures of the same page would give it, each scored against the gold like
``govdoc eval``:

* ``header``, ``footer``, ``chrome``: a web page's chrome above it (a welcome line with today's
  date, a menu bar of ``|`` cells, a breadcrumb), under it (print and close buttons, 上一篇/下一篇
  links to sibling letters with their own item numbers, a copyright and 备案号 line), or both;
* ``ascii``: full-width punctuation as ASCII (，：；（）！？ → ,:;()!?), as mirrors print it;
* ``no-blank``: blank lines dropped; ``double``: a blank line after every line (an HTML
  conversion's double spacing);
* ``indent``: every line indented with two full-width spaces; ``crlf``: Windows line ends;
* ``wrap28``: every line broken at 28 characters' width (56 columns, never inside a number or a
  Latin word), as a PDF's text copied out with its line breaks gives it (GB/T 9704 sets 28
  characters a line).

    .venv/bin/python scripts/capture_variants.py [--folders real,heldout,heldout2,real2]

Prints header, kind, measures, metrics and overall F1 per variant, and every error a variant adds
to the plain documents' errors.  The chrome is invented (no real site's); the letters are the
corpus's own.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from govdoc.build import parse_text  # noqa: E402
from govdoc.eval.score import Report, expected, gold_letters, predicted  # noqa: E402
from govdoc.text.zh import display_width  # noqa: E402

HEAD = ("江北市人民政府 欢迎您!  今天是:2024年3月5日 星期二\n首页 | 政务公开 | 政务服务 | 互动交流 | 走进本市\n"
        "当前位置:首页 > 政务公开 > 建议提案办理 > 人大代表建议\n")
FOOT = ("\n【打印本页】【关闭窗口】\n上一篇：关于加强城乡供水保障的建议的答复\n下一篇：关于第12号提案的答复\n"
        "主办单位：江北市人民政府办公室  版权所有  备案号：苏ICP备12345678号  联系电话：0510-1234567\n")
ASCII = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"})


def hard_wrap(text: str, columns: int = 56) -> str:
    """Every line but the ``# source`` line broken where it passes ``columns`` display columns
    (a CJK character two, ASCII one), not inside a run of ASCII letters and digits."""
    out = []
    for line in text.split("\n"):
        while not line.startswith("# source") and display_width(line) > columns:
            cut = 0
            while display_width(line[:cut + 1]) <= columns:
                cut += 1
            keep = cut
            while keep > 0 and line[keep - 1:keep + 1].isascii() and line[keep - 1:keep + 1].isalnum():
                keep -= 1
            cut = keep or cut
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n".join(out)


def with_chrome(text: str, head: str, foot: str) -> str:
    """``text`` with ``head`` after its ``# source`` line and ``foot`` at its end."""
    source, body = "", text
    if text.startswith("# source"):
        cut = text.find("\n\n") + 2
        source, body = text[:cut], text[cut:]
    return source + head + body + foot


VARIANTS = {
    "plain": lambda t: t,
    "header": lambda t: with_chrome(t, HEAD, ""),
    "footer": lambda t: with_chrome(t, "", FOOT),
    "chrome": lambda t: with_chrome(t, HEAD, FOOT),
    "ascii": lambda t: t.translate(ASCII),
    "no-blank": lambda t: re.sub(r"\n[ \t]*\n", "\n", t),
    "double": lambda t: t.replace("\n", "\n\n"),
    "indent": lambda t: "\n".join("\u3000\u3000" + line if line.strip() else line for line in t.split("\n")),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "wrap28": hard_wrap,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folders", default="real,heldout,heldout2,real2")
    args = ap.parse_args()
    reports = {name: Report() for name in VARIANTS}
    for folder in args.folders.split(","):
        for txt, gold_path in gold_letters(ROOT / "corpora" / folder):
            gold = expected(json.loads(gold_path.read_text(encoding="utf-8")))
            doc, text = f"{folder}/{txt.stem}", txt.read_text(encoding="utf-8")
            for name, variant in VARIANTS.items():
                reports[name].score(doc, predicted(parse_text(variant(text))), gold)
    plain = {(e["doc"], e["field"]) for e in reports["plain"].errors}
    print(f"captures of the letters of {args.folders}:")
    for name, report in reports.items():
        f1 = {k: v["f1"] for k, v in report.as_dict()["fields"].items()}
        print(f"  {name:<8} header {f1['header']:.3f}  kind {f1['kind']:.3f}  measures {f1['measures']:.3f}  "
              f"metrics {f1['metrics']:.3f}  overall {f1['overall']:.3f}")
        for error in report.errors:
            if name != "plain" and (error["doc"], error["field"]) not in plain:
                print("     ", json.dumps(error, ensure_ascii=False)[:200])


if __name__ == "__main__":
    main()
