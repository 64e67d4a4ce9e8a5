#!/usr/bin/env python
"""Compare the two PDF engines on the same generated PDF: pages/s and text agreement.

    .venv/bin/python scripts/bench_pdf.py [--pages 40] [--font /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc]

The PDF is made with fpdf2 from the corpus texts (needs a CJK font: Debian fonts-wqy-zenhei).
Prints seconds per engine, the speed ratio, and whether the normalized texts are equal.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from govdoc.normalize import normalize
from govdoc.read import read_path


def build_pdf(path: Path, font: str, pages: int, corpus: Path) -> None:
    from fpdf import FPDF

    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.txt")))
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    pdf = FPDF()
    pdf.add_font("zh", "", font)
    pdf.set_font("zh", size=12)
    pdf.add_page()
    while pdf.page_no() < pages:
        for line in lines:
            pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
            if pdf.page_no() >= pages:
                break
    pdf.output(str(path))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--font", default="/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
    parser.add_argument("--corpus", type=Path, default=Path("corpora"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.pdf"
        build_pdf(path, args.font, args.pages, args.corpus)
        times, texts = {}, {}
        for engine in ("pdfium", "plumber"):
            runs = []
            for _ in range(args.rounds):
                t0 = time.perf_counter()
                result = read_path(path, engine=engine)
                runs.append(time.perf_counter() - t0)
            times[engine] = statistics.median(runs)
            texts[engine] = normalize(result.pages).text
            print(f"{engine:8s} {len(result.pages)} pages  {times[engine]:.3f} s  "
                  f"{len(result.pages) / times[engine]:7.1f} pages/s  {len(texts[engine])} chars normalized")
    print(f"pdfium is {times['plumber'] / times['pdfium']:.1f}x faster; normalized texts equal: "
          f"{texts['pdfium'] == texts['plumber']}")


if __name__ == "__main__":
    main()
