#!/usr/bin/env python
"""Render a few corpus letters into the non-text formats govdoc reads, for the golden outputs of
every input path (scripts/golden.py → tests/golden/formats/):

  <stem>.pdf         born-digital PDF (fpdf2, a CJK font; lines wrapped by the layout)
  <stem>.lo.pdf      the same with LibreOffice's spacing: a space between digits or Latin and
                     Chinese (``4 号``, ``PM2.5 平均``), as its PDF export lays such runs out
  <stem>.docx        python-docx: one paragraph per line, form feeds as page breaks
  <stem>.html        a government-site page: navigation, a metadata table, the article, a footer
  <stem>.ofd         OFD (GB/T 33190), laid out by tests/ofd_writer.py over several pages

    .venv/bin/python scripts/make_formats.py [OUT_DIR]     # default corpora/formats

Files carry their creation time, so a rerun changes their bytes (and the sha256 in their golden
JSON): after rendering again, run scripts/golden.py --update and commit both.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]
LETTERS = ["corpora/seed/xuchang-2019-reply.txt", "corpora/real/d004.txt", "corpora/real/d007.txt"]
# Where LibreOffice's PDF export leaves a gap: between a digit or Latin letter and a Chinese one.
LO_GAP = re.compile(r"(?<=[0-9A-Za-z])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[0-9A-Za-z])")


def pdf_bytes(text: str) -> bytes:
    from make_scans import find_cjk_font, render_pdf

    return render_pdf(text, find_cjk_font())


def docx_bytes(text: str) -> bytes:
    import io

    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for number, page in enumerate(text.split("\f")):
        if number:
            document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        for line in page.split("\n"):
            document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def html_bytes(text: str) -> bytes:
    """The letter as a government site shows it: chrome around, a metadata table above."""
    lines = [ln.strip() for ln in text.replace("\f", "\n").split("\n") if ln.strip()]
    paras = "\n".join(f"<p>{html.escape(ln)}</p>" for ln in lines)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>答复函_政府信息公开_某市人民政府</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hdjl">互动交流</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 建议提案办理</div>
<table class="xxgk-meta"><tr><td>索引号：</td><td>000000-2024-00001</td><td>发布机构：</td><td>某市人民政府</td></tr>
<tr><td>主题分类：</td><td>建议提案</td><td>公开方式：</td><td>主动公开</td></tr></table>
<div class="article-content">
{paras}
</div>
<div class="share">分享到：微信 微博</div>
<div class="footer">主办单位：某市人民政府办公室 版权所有</div></body></html>
""".encode("utf-8")


def ofd_file(text: str) -> bytes:
    from ofd_writer import ofd_bytes

    return ofd_bytes(text)


def render_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for letter in LETTERS:
        text = (ROOT / letter).read_text(encoding="utf-8")
        stem = Path(letter).stem
        for name, make, source in ((f"{stem}.pdf", pdf_bytes, text), (f"{stem}.lo.pdf", pdf_bytes, LO_GAP.sub(" ", text)),
                                   (f"{stem}.docx", docx_bytes, text), (f"{stem}.html", html_bytes, text),
                                   (f"{stem}.ofd", ofd_file, text)):
            (out / name).write_bytes(make(source))
            written.append(out / name)
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", type=Path, default=ROOT / "corpora" / "formats")
    args = ap.parse_args()
    for path in render_all(args.out):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
