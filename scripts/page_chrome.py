#!/usr/bin/env python
"""What a web page's chrome around a letter costs: every gold document of the corpus folders
parsed as it is, with a page header (a welcome line with today's date, a menu bar of ``|`` cells,
a breadcrumb) put above it, with a page footer (print and close buttons, 上一篇/下一篇 links to
sibling letters with their own item numbers, a copyright and 备案号 line) put under it, and with
both; each scored against the gold like ``govdoc eval``.

    .venv/bin/python scripts/page_chrome.py [--folders real,heldout,heldout2,real2]

Prints header, kind and overall F1 per variant, and every error a variant adds to the plain
documents' errors.  The chrome is invented (no real site's), the letters are the corpus's own.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from govdoc.build import parse_text  # noqa: E402
from govdoc.eval.score import Report, expected, predicted  # noqa: E402

HEAD = ("某某市人民政府 欢迎您!  今天是:2024年3月5日 星期二\n首页 | 政务公开 | 政务服务 | 互动交流 | 走进本市\n"
        "当前位置:首页 > 政务公开 > 建议提案办理 > 人大代表建议\n")
FOOT = ("\n【打印本页】【关闭窗口】\n上一篇：关于加强城乡供水保障的建议的答复\n下一篇：关于第12号提案的答复\n"
        "主办单位：某某市人民政府办公室  版权所有  备案号：某ICP备12345678号  联系电话：0000-1234567\n")


def variants(text: str) -> dict[str, str]:
    """The document as it is and with chrome around it (after its ``# source`` line)."""
    source, body = "", text
    if text.startswith("# source"):
        cut = text.find("\n\n") + 2
        source, body = text[:cut], text[cut:]
    return {"plain": text, "header": source + HEAD + body, "footer": source + body + FOOT,
            "both": source + HEAD + body + FOOT}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folders", default="real,heldout,heldout2,real2")
    args = ap.parse_args()
    reports = {name: Report() for name in ("plain", "header", "footer", "both")}
    for folder in args.folders.split(","):
        for gold_path in sorted((ROOT / "corpora" / folder).glob("*.gold.json")):
            gold = expected(json.loads(gold_path.read_text(encoding="utf-8")))
            doc = f"{folder}/{gold_path.name[: -len('.gold.json')]}"
            text = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt").read_text(encoding="utf-8")
            for name, variant in variants(text).items():
                reports[name].score(doc, predicted(parse_text(variant)), gold)
    plain = {(e["doc"], e["field"]) for e in reports["plain"].errors}
    print(f"page chrome around the letters of {args.folders}:")
    for name, report in reports.items():
        fields = report.as_dict()["fields"]
        print(f"  {name:<7} header F1 {fields['header']['f1']:.3f}  kind {fields['kind']['f1']:.3f}  "
              f"overall {fields['overall']['f1']:.3f}")
        for error in report.errors:
            if name != "plain" and (error["doc"], error["field"]) not in plain:
                print("     ", json.dumps(error, ensure_ascii=False)[:200])


if __name__ == "__main__":
    main()
