"""Render corpus letters into born-digital PDFs and into page images that look scanned.

    .venv/bin/python scripts/make_scans.py OUT_DIR [LETTER.txt ...] [--dpi 300] [--noise mild]
        [--formats pdf,scan-pdf,png,jpeg,tiff,tiff-g4] [--degrade seal,signature,grey,two-up,skew,photo,jpeg]

Each letter becomes, per requested format:
  <stem>.pdf        born-digital PDF with a CJK font (text layer, no OCR needed)
  <stem>.scan.pdf   image-only PDF of the degraded pages (needs OCR)
  <stem>.p<N>.png   one PNG per degraded page (.jpg: JPEG), greyscale unless a seal or
                    signature brought colour
  <stem>.tif        one multi-page TIFF of the degraded pages (greyscale or colour, deflate)
  <stem>.g4.tif     the same pages bitonal, CCITT G4 compressed (as archive scanners store them)
and OUT_DIR/MANIFEST.tsv maps every file to the gold of its source letter (the gold of a
letter is the gold of its scans).  Without letters, renders corpora/seed and corpora/real.

Degradation ("scanned look"): grey paper, a slight rotation, Gaussian noise, a little blur and
a few specks; ``--noise none|mild|heavy``.  ``--degrade`` adds, one by one or together, what real
scanners and cameras do (scripts/scan_degrade.py): a red round seal over the issuer and date, a
handwritten signature, grey speckled paper, two pages in one image, a 0.5-3 degree skew, a photo
taken at an angle, strong JPEG compression; their names go into the file names
(``<stem>.seal+skew.tif``) and the manifest's ``degrade`` column; ``--dpi 200`` is the low
resolution.  Everything is seeded, so reruns are identical.
"""
from __future__ import annotations

import argparse
import io
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scan_degrade  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",  # Debian fonts-wqy-zenhei
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # Debian fonts-noto-cjk
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",  # Debian fonts-wqy-microhei
]
# name → (rotation degrees max, noise sigma, blur radius, specks per megapixel, paper grey)
NOISE = {
    "none": (0.0, 0.0, 0.0, 0, 255),
    "mild": (0.6, 8.0, 0.4, 20, 232),
    "heavy": (1.5, 22.0, 0.9, 120, 215),
}


def find_cjk_font(explicit: str | None = None) -> Path:
    """A TrueType/OpenType font that covers Chinese: the explicit one, a known Debian path,
    or whatever fontconfig offers for ``:lang=zh``."""
    if explicit:
        return Path(explicit)
    for cand in FONT_CANDIDATES:
        if Path(cand).exists():
            return Path(cand)
    try:
        found = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True).stdout
    except FileNotFoundError:
        found = ""
    for line in found.splitlines():
        path = line.split(":")[0].strip()
        if path.endswith((".ttf", ".ttc", ".otf")):
            return Path(path)
    sys.exit("no CJK font found: apt-get install fonts-wqy-zenhei (or pass --font)")


def render_pdf(text: str, font: Path, size: float = 15, placed: list | None = None) -> bytes:
    """A born-digital A4 PDF: one paragraph per non-empty source line, form feeds = new page.
    ``placed``: a list that receives where each line was set (:class:`scan_degrade.Placed`)."""
    import logging

    from fpdf import FPDF
    from fpdf.enums import WrapMode

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "BDF not subset" noise
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(25, 28, 25)
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_font("cjk", "", str(font))
    pdf.set_font("cjk", size=size)
    for page_text in text.split("\f"):
        pdf.add_page()
        for line in page_text.splitlines():
            line = line.strip()
            if line:
                pdf.multi_cell(0, size * 0.55, line, wrapmode=WrapMode.CHAR,
                               new_x="LMARGIN", new_y="NEXT")
                if placed is not None:  # the paragraph's last line box, on the page it ended on
                    last = pdf.multi_cell(0, size * 0.55, line, wrapmode=WrapMode.CHAR, dry_run=True, output="LINES")[-1]
                    placed.append(scan_degrade.Placed(line, pdf.page_no() - 1, pdf.l_margin, pdf.get_y() - size * 0.55,
                                                      pdf.get_string_width(last), size * 0.55))
    return bytes(pdf.output())


def rasterize(pdf_bytes: bytes, dpi: int) -> list[Image.Image]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        return [doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()


def degrade_noise(img: Image.Image, noise: str, rng: random.Random) -> Image.Image:
    """Make a clean rendered page look scanned: grey paper, tilt, noise, blur, specks."""
    max_rot, sigma, blur, specks, paper = NOISE[noise]
    arr = np.asarray(img, dtype=np.float32)
    arr = paper * (arr / 255.0)  # white → grey paper, black stays black
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    if max_rot:
        out = out.rotate(rng.uniform(-max_rot, max_rot), resample=Image.BICUBIC, fillcolor=paper, expand=False)
    if blur:
        out = out.filter(ImageFilter.GaussianBlur(blur))
    arr = np.asarray(out, dtype=np.float32)
    nrng = np.random.default_rng(rng.randrange(2**32))
    if sigma:
        arr = arr + nrng.normal(0, sigma, arr.shape)
    n = int(specks * arr.size / 1e6)
    if n:
        ys, xs = nrng.integers(0, arr.shape[0], n), nrng.integers(0, arr.shape[1], n)
        arr[ys, xs] = nrng.integers(0, 90, n)
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8))


def image_pdf(pages: list[Image.Image], dpi: int, quality: int = 60) -> bytes:
    """An image-only PDF (no text layer), pages JPEG-compressed like a scanner's output."""
    buf = io.BytesIO()
    pages = [p.copy() for p in pages]
    pages[0].save(buf, format="PDF", save_all=True, append_images=pages[1:], resolution=dpi, quality=quality)
    return buf.getvalue()


def tiff(pages: list[Image.Image], dpi: int, bitonal: bool = False) -> bytes:
    """Multi-page TIFF: greyscale (deflate) or, like most archive scanners, bitonal CCITT G4."""
    buf = io.BytesIO()
    if bitonal:
        pages = [p.convert("L").point(lambda v: 255 if v > 150 else 0).convert("1") for p in pages]
    else:
        pages = [p.copy() for p in pages]  # Pillow keeps the last save's options on the image
    pages[0].save(buf, format="TIFF", save_all=True, append_images=pages[1:], dpi=(dpi, dpi),
                  compression="group4" if bitonal else "tiff_adobe_deflate")
    return buf.getvalue()


def gold_for(txt: Path) -> Path:
    return txt.with_name(txt.name[: -len(".txt")] + ".gold.json")


def make(txt: Path, out: Path, formats: set[str], dpi: int, noise: str, font: Path, seed: int,
         degrade: tuple[str, ...] = ()) -> list[tuple]:
    """Render one letter; return manifest rows (file, format, source, gold, dpi, noise, pages,
    degrade).  ``degrade``: names from :data:`scan_degrade.DEGRADATIONS`, applied after ``noise``."""
    text = txt.read_text(encoding="utf-8")
    placed: list = []
    pdf = render_pdf(text, font, placed=placed)
    rows, stem = [], txt.stem + ("." + "+".join(degrade) if degrade else "")
    rel = lambda p: Path(p).resolve().relative_to(ROOT).as_posix() if Path(p).resolve().is_relative_to(ROOT) else str(p)
    gold = gold_for(txt)
    meta = (rel(txt), rel(gold) if gold.exists() else "")
    if "pdf" in formats and not degrade:
        (out / f"{stem}.pdf").write_bytes(pdf)
        rows.append((f"{stem}.pdf", "pdf", *meta, "", "none", "", ""))
    if formats & {"scan-pdf", "png", "jpeg", "tiff", "tiff-g4"}:
        rng = random.Random(f"{seed}:{txt.stem}:{dpi}:{noise}")
        pages = [degrade_noise(p, noise, rng) for p in rasterize(pdf, dpi)]
        if degrade:  # a generator of its own, so the plain renderings stay as they were
            drng = random.Random(f"{seed}:{txt.stem}:{dpi}:{noise}:{'+'.join(degrade)}")
            pages = scan_degrade.apply(pages, list(degrade), placed, dpi, font, drng)
        n, tag = str(len(pages)), "+".join(degrade)
        if "scan-pdf" in formats:
            (out / f"{stem}.scan.pdf").write_bytes(image_pdf(pages, dpi))
            rows.append((f"{stem}.scan.pdf", "scan-pdf", *meta, str(dpi), noise, n, tag))
        if "tiff" in formats:
            (out / f"{stem}.tif").write_bytes(tiff(pages, dpi))
            rows.append((f"{stem}.tif", "tiff", *meta, str(dpi), noise, n, tag))
        if "tiff-g4" in formats:
            (out / f"{stem}.g4.tif").write_bytes(tiff(pages, dpi, bitonal=True))
            rows.append((f"{stem}.g4.tif", "tiff-g4", *meta, str(dpi), noise, n, tag))
        if "jpeg" in formats:
            for i, page in enumerate(pages, 1):
                page.save(out / f"{stem}.p{i}.jpg", dpi=(dpi, dpi), quality=60)
                rows.append((f"{stem}.p{i}.jpg", "jpeg", *meta, str(dpi), noise, "1", tag))
        if "png" in formats:
            for i, page in enumerate(pages, 1):
                page.save(out / f"{stem}.p{i}.png", dpi=(dpi, dpi), optimize=True)
                rows.append((f"{stem}.p{i}.png", "png", *meta, str(dpi), noise, "1", tag))
    return rows


HEAD = ("file", "format", "source", "gold", "dpi", "noise", "pages", "degrade")


def write_manifest(out: Path, rows: list[tuple]) -> None:
    """MANIFEST.tsv in ``out``: the rows of this run over those already listed (a manifest
    from before the ``degrade`` column gets it, empty)."""
    path = out / "MANIFEST.tsv"
    old = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            old[cells[0]] = "\t".join(cells + [""] * (len(HEAD) - len(cells)))
    for row in rows:
        old[row[0]] = "\t".join(row)
    path.write_text("\n".join(["\t".join(HEAD), *sorted(old.values())]) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("letters", nargs="*", type=Path)
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--noise", choices=sorted(NOISE), default="mild")
    ap.add_argument("--formats", default="pdf,scan-pdf,png,tiff")
    ap.add_argument("--font")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--degrade", default="", help="comma-separated: " + ", ".join(
        f"{name} ({what})" for name, what in scan_degrade.DEGRADATIONS.items()))
    args = ap.parse_args(argv)
    given = {d for d in args.degrade.split(",") if d}
    degrade = tuple(d for d in scan_degrade.DEGRADATIONS if d in given)
    unknown = sorted(given - set(scan_degrade.DEGRADATIONS))
    if unknown:
        ap.error(f"unknown degradation(s) {', '.join(unknown)}; choose from {', '.join(scan_degrade.DEGRADATIONS)}")
    letters = args.letters or sorted((ROOT / "corpora" / "seed").glob("*.txt")) + sorted((ROOT / "corpora" / "real").glob("*.txt"))
    formats = set(args.formats.split(","))
    args.out.mkdir(parents=True, exist_ok=True)
    font = find_cjk_font(args.font)
    rows = []
    for txt in letters:
        rows += make(txt, args.out, formats, args.dpi, args.noise, font, args.seed, degrade)
        print(f"{txt}: {len(rows)} file(s) so far", file=sys.stderr)
    write_manifest(args.out, rows)


if __name__ == "__main__":
    main()
