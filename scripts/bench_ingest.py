"""Ingest benchmark: OCR throughput, the speed-up of a second worker, born-digital throughput,
and what OCR costs in accuracy (per-field F1 on scans next to the same letters as text, and
the OCR character error rate against the source text), per degradation of the scans, and what
the PDF and DOCX readers cost in header F1 against the same letters as text.

    .venv/bin/python scripts/bench_ingest.py [--scans corpora/scans] [--speed-pages 16] [--warm-scans 4] [--workers 2] [--skip-speed] [--skip-accuracy]
        [--skip-degraded] [--letters 14] [--scan-folder real] [--degraded clean,skew,...] [--no-prep]
        [--skip-formats] [--format-folders seed,real,heldout,heldout2,real2]

Degradations (``--degraded``, rows of :data:`DEGRADED`): each letter of a sample of corpora/real
(``--letters``, spread evenly over the folder; ``--scan-folder`` takes another) is rendered by
scripts/make_scans.py with one degradation at a time (then all of a real scanner's together)
into a multi-page TIFF, OCR'd and parsed; each row prints the CER against the source text and
the header F1 next to the same letters parsed as text.  ``--no-prep`` reads the scans without the OCR page preparation
(deskew, seal removal, two-up split, perspective), for the before/after.

Scans come from MANIFEST.tsv (made by scripts/make_scans.py); their gold is the source letter's.
Throughput is measured with the ingest worker pool itself, after the workers are up (spaCy and
the OCR engine loaded), so it is the steady-state rate of a long ingest.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from govdoc.eval.score import HEADER_FIELDS, Report, expected, predicted  # noqa: E402
from govdoc.ingest.pool import WorkerPool  # noqa: E402
from govdoc.ingest.worker import Options, init_worker  # noqa: E402
from govdoc.text.zh import fold_width  # noqa: E402


def manifest(scans: Path, dpi: str = "300") -> list[dict]:
    with open(scans / "MANIFEST.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [r for r in rows if r["dpi"] == dpi and r["gold"] and r["format"] != "pdf"]


def timed_pool(paths: list[str], workers: int, json_dir: str, warm_scans: list[str] = ()) -> tuple[float, int, float]:
    """(seconds, pages, worker CPU seconds) to ingest-parse ``paths`` with ``workers`` warm workers.
    ``warm_scans`` are OCR'd first, outside the timing: the OCR runtime prepares its kernels for
    each new input shape on first sight, as every worker of a long ingest has long done."""
    warm = [str(p) for p in sorted((ROOT / "corpora" / "real").glob("*.txt"))[:workers]]
    with WorkerPool(workers, Options(json_dir), timeout=3600) as pool:
        list(pool.map(warm))  # workers up and warm: spaCy loaded, OCR engine built
        list(pool.map(list(warm_scans)))
        t0 = time.perf_counter()
        outcomes = list(pool.map(paths))
        seconds = time.perf_counter() - t0
    bad = [o for o in outcomes if not o.ok]
    if bad:
        print(f"  {len(bad)} failed, e.g. {bad[0].path}: {bad[0].error}", file=sys.stderr)
    return seconds, sum(o.pages for o in outcomes), sum(o.cpu_seconds for o in outcomes)


def _ocr_and_parse(path: str) -> tuple[str, dict]:
    from govdoc.build import parse_read
    from govdoc.read import read_path

    result = read_path(path)
    text = "\n".join(p.text for p in result.pages)
    return text, parse_read(result)[0].model_dump(mode="json")


def _canon(text: str) -> str:
    return "".join(fold_width(text).split())


def cer(ocr: str, source: str) -> tuple[int, int]:
    """(edits, source length) over text with whitespace removed and width folded; edits from a
    difflib alignment (each unequal block costs its longer side)."""
    a, b = _canon(source), _canon(ocr)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal"), len(a)


# (row, dpi, degradations of scripts/scan_degrade.py): one at a time on a clean render, then a
# scanner's usual mix; "two-up" takes only the letters of two pages or more.
DEGRADED = [
    ("clean", 300, ()),
    ("skew", 300, ("skew",)),
    ("grey", 300, ("grey",)),
    ("jpeg", 300, ("jpeg",)),
    ("200dpi", 200, ()),
    ("seal", 300, ("seal",)),
    ("signature", 300, ("signature",)),
    ("two-up", 300, ("two-up",)),
    ("photo", 300, ("photo",)),
    ("scanner", 200, ("seal", "signature", "grey", "skew", "jpeg")),
]


def _degraded_read(task: tuple) -> tuple[str, dict, int]:
    """(OCR text, parsed reply, pages) of one letter rendered with the row's degradations."""
    txt, dpi, degrade, prep = task
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_scans

    from govdoc.build import parse_read
    from govdoc.read import read_path

    with tempfile.TemporaryDirectory() as tmp:
        (row,) = make_scans.make(Path(txt), Path(tmp), {"tiff"}, dpi, "none", make_scans.find_cjk_font(), 4, degrade)
        result = read_path(Path(tmp) / row[0], **({} if prep else {"prepare": False}))
    text = "\n".join(p.text for p in result.pages)
    return text, parse_read(result)[0].model_dump(mode="json"), len(result.pages)


def sample_letters(count: int, folder: str = "real") -> list[Path]:
    """``count`` letters of corpora/``folder`` with gold, spread evenly over the folder."""
    letters = [p for p in sorted((ROOT / "corpora" / folder).glob("*.txt")) if p.with_suffix(".gold.json").exists()]
    step = max(1, len(letters) / max(count, 1))
    return [letters[int(i * step)] for i in range(min(count, len(letters)))]


def render_pages(txt: Path) -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_scans
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(make_scans.render_pdf(txt.read_text(encoding="utf-8"), make_scans.find_cjk_font()))
    try:
        return len(doc)
    finally:
        doc.close()


def degraded_table(letters: list[Path], names: list[str], workers: int, prep: bool) -> None:
    """One row per degradation: letters, pages, CER, header F1 of the scans and of the text, gap."""
    from govdoc.build import parse_path
    from govdoc.model import Reply

    rows = [r for r in DEGRADED if r[0] in names]
    multi = [p for p in letters if render_pages(p) >= 2]
    tasks = [(str(p), dpi, degrade, prep) for _, dpi, degrade in rows
             for p in (multi if "two-up" in degrade else letters)]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(workers, initializer=init_worker, initargs=("auto",)) as ex:
        results = iter(list(ex.map(_degraded_read, tasks)))
    print(f"degraded scans: {len(tasks)} OCR'd and parsed in {time.perf_counter() - t0:.1f} s"
          f" ({'with' if prep else 'without'} page preparation)")
    print(f"  {'degradation':<12} {'letters':>7} {'pages':>5} {'CER %':>6} {'scan F1':>7} {'text F1':>7} {'gap':>6}"
          "   (targets: CER <= 2 %, gap <= 0.03)")
    for name, dpi, degrade in rows:
        scan_rep, text_rep, edits, chars, pages = Report(), Report(), 0, 0, 0
        for txt in (multi if "two-up" in degrade else letters):
            ocr_text, reply, n = next(results)
            gold = expected(json.loads(txt.with_suffix(".gold.json").read_text(encoding="utf-8")))
            scan_rep.score(txt.stem, predicted(Reply.model_validate(reply)), gold)
            text_rep.score(txt.stem, predicted(parse_path(txt)), gold)
            e, c = cer(ocr_text, txt.read_text(encoding="utf-8"))
            edits, chars, pages = edits + e, chars + c, pages + n
        s, t = scan_rep.overall(HEADER_FIELDS).f1, text_rep.overall(HEADER_FIELDS).f1
        count = len(multi) if "two-up" in degrade else len(letters)
        print(f"  {name:<12} {count:>7} {pages:>5} {100 * edits / max(chars, 1):>6.2f} {s:>7.3f} {t:>7.3f} {t - s:>6.3f}")
        text_errs = {(e["doc"], e["field"]) for e in text_rep.errors}
        for e in [e for e in scan_rep.errors if (e["doc"], e["field"]) not in text_errs and e["field"] in HEADER_FIELDS][:4]:
            print(f"      scan-only error: {json.dumps(e, ensure_ascii=False, default=str)[:160]}")


def formats_table(folders: list[str]) -> None:
    """Header F1 of the letters of ``folders`` rendered as PDF (fpdf2 layout; LibreOffice's
    spacing) and DOCX (scripts/make_formats.py), next to the same letters as text: per folder
    and over all of them."""
    sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "tests")]
    from make_formats import LO_GAP, docx_bytes, pdf_bytes

    from govdoc.build import parse_path

    kinds = ("text", "pdf", "lo.pdf", "docx")
    overall, total = {k: Report() for k in kinds}, 0
    print("born-digital formats, header F1 against the same letters as text (target: gap <= 0.02):")
    print(f"  {'folder':<10} {'letters':>7} " + " ".join(f"{k:>7}" for k in kinds) + "   gaps pdf / lo.pdf / docx")
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            reports = {k: Report() for k in kinds}
            letters = [p for p in sorted((ROOT / "corpora" / folder).glob("*.txt")) if p.with_suffix(".gold.json").exists()]
            for txt in letters:
                gold = expected(json.loads(txt.with_suffix(".gold.json").read_text(encoding="utf-8")))
                text = txt.read_text(encoding="utf-8")
                made = {"pdf": pdf_bytes(text), "lo.pdf": pdf_bytes(LO_GAP.sub(" ", text)), "docx": docx_bytes(text)}
                for kind in kinds:
                    path = txt
                    if kind != "text":
                        path = Path(tmp) / f"{txt.stem}.{kind}"
                        path.write_bytes(made[kind])
                    got = predicted(parse_path(path))
                    reports[kind].score(f"{folder}/{txt.stem}", got, gold)
                    overall[kind].score(f"{folder}/{txt.stem}", got, gold)
            print_formats_row(folder, len(letters), reports)
            total += len(letters)
    print_formats_row("all", total, overall)
    text_errs = {(e["doc"], e["field"]) for e in overall["text"].errors}
    for kind in kinds[1:]:
        for e in [e for e in overall[kind].errors if (e["doc"], e["field"]) not in text_errs and e["field"] in HEADER_FIELDS][:6]:
            print(f"      {kind}-only error: {json.dumps(e, ensure_ascii=False, default=str)[:160]}")


def print_formats_row(name: str, letters: int, reports: dict) -> None:
    f1 = {k: r.overall(HEADER_FIELDS).f1 for k, r in reports.items()}
    gaps = " / ".join(f"{f1['text'] - f1[k]:.3f}" for k in ("pdf", "lo.pdf", "docx"))
    print(f"  {name:<10} {letters:>7} " + " ".join(f"{v:>7.3f}" for v in f1.values()) + f"   {gaps}")


def f1_row(name: str, scan: Report, text: Report) -> str:
    s, t = scan.fields[name] if name in scan.fields else scan.overall(HEADER_FIELDS), \
        text.fields[name] if name in text.fields else text.overall(HEADER_FIELDS)
    return f"  {name:<12} {s.f1:6.3f}  {t.f1:6.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scans", type=Path, default=ROOT / "corpora" / "scans")
    ap.add_argument("--speed-pages", type=int, default=16, help="scan pages timed with 1 and with N workers")
    ap.add_argument("--warm-scans", type=int, default=4, help="scan files each worker OCRs before the timing")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--skip-accuracy", action="store_true")
    ap.add_argument("--skip-degraded", action="store_true")
    ap.add_argument("--letters", type=int, default=14, help="letters rendered per degradation")
    ap.add_argument("--scan-folder", default="real", help="the corpora folder they come from")
    ap.add_argument("--degraded", default=",".join(r[0] for r in DEGRADED), help="rows of the degradation table")
    ap.add_argument("--no-prep", action="store_true", help="OCR the degraded scans without page preparation")
    ap.add_argument("--skip-formats", action="store_true")
    ap.add_argument("--format-folders", default="seed,real,heldout,heldout2,real2")
    args = ap.parse_args()
    unknown = set(args.degraded.split(",")) - {r[0] for r in DEGRADED}
    if unknown:
        ap.error(f"unknown degradation row(s) {', '.join(sorted(unknown))}; choose from {', '.join(r[0] for r in DEGRADED)}")
    rows = manifest(args.scans)
    scan_paths = [str(args.scans / r["file"]) for r in rows]
    print(f"{len(rows)} scans at 300 dpi from {args.scans}")

    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_speed:
            subset, pages = [], 0
            for r in rows:  # the first scans adding up to --speed-pages pages
                if pages >= args.speed_pages:
                    break
                subset.append(str(args.scans / r["file"]))
                pages += int(r["pages"] or 1)
            rest = [str(args.scans / r["file"]) for r in rows[len(subset):]]
            print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (other work skews timings)")
            s1, p1, c1 = timed_pool(subset, 1, tmp, rest[:args.warm_scans])
            sn, pn, cn = timed_pool(subset, args.workers, tmp, rest[:args.warm_scans * args.workers])
            print(f"OCR, 1 worker (1 thread):  {p1} pages in {s1:.1f} s = {p1 / s1:.3f} pages/s;"
                  f" CPU {c1 / p1:.2f} s/page, {c1 / s1:.2f} cores busy; load average now {os.getloadavg()[0]:.2f}")
            print(f"OCR, {args.workers} workers:            {pn} pages in {sn:.1f} s = {pn / sn:.3f} pages/s;"
                  f" CPU {cn / pn:.2f} s/page, {cn / sn:.2f} cores busy; load average now {os.getloadavg()[0]:.2f}")
            print(f"speed-up {args.workers} workers / 1 worker: {(pn / sn) / (p1 / s1):.2f}x  (target >= 1.7x, >= 0.5 pages/s)")
            texts = sorted((ROOT / "corpora" / "real").glob("*.txt")) + sorted((ROOT / "corpora" / "seed").glob("*.txt"))
            st, _, _ = timed_pool([str(p) for p in texts], args.workers, tmp)
            print(f"born-digital text letters, {args.workers} workers: {len(texts)} in {st:.1f} s = {len(texts) / st:.1f} letters/s")
            pdf_dir = Path(tmp) / "pdf"
            pdf_dir.mkdir()
            import subprocess
            subprocess.run([sys.executable, str(ROOT / "scripts" / "make_scans.py"), str(pdf_dir), *map(str, texts),
                            "--formats", "pdf"], check=True, capture_output=True)
            pdfs = sorted(str(p) for p in pdf_dir.glob("*.pdf"))
            sp, _, _ = timed_pool(pdfs, args.workers, tmp)
            print(f"born-digital PDFs, {args.workers} workers: {len(pdfs)} in {sp:.1f} s = {len(pdfs) / sp:.1f} letters/s")

    if not args.skip_formats:
        formats_table(args.format_folders.split(","))
    if not args.skip_degraded:
        degraded_table(sample_letters(args.letters, args.scan_folder), args.degraded.split(","), args.workers, not args.no_prep)
    if args.skip_accuracy:
        return
    t0 = time.perf_counter()
    with ProcessPoolExecutor(args.workers, initializer=init_worker, initargs=("auto",)) as ex:
        results = list(ex.map(_ocr_and_parse, scan_paths))
    print(f"accuracy pass: {len(rows)} scans OCR'd and parsed in {time.perf_counter() - t0:.1f} s")

    from govdoc.build import parse_path
    from govdoc.model import Reply

    scan_rep, text_rep = Report(), Report()
    edits = chars = 0
    worst = []
    for r, (ocr_text, reply) in zip(rows, results):
        gold = expected(json.loads((ROOT / r["gold"]).read_text(encoding="utf-8")))
        scan_rep.score(r["source"], predicted(Reply.model_validate(reply)), gold)
        text_rep.score(r["source"], predicted(parse_path(ROOT / r["source"])), gold)
        e, n = cer(ocr_text, (ROOT / r["source"]).read_text(encoding="utf-8"))
        edits, chars = edits + e, chars + n
        worst.append((e / max(n, 1), r["file"]))
    print(f"OCR character error rate: {edits}/{chars} = {100 * edits / max(chars, 1):.2f}%  (target <= 1%)")
    print("  worst: " + ", ".join(f"{f} {100 * c:.1f}%" for c, f in sorted(worst, reverse=True)[:3]))
    print("per-field F1      scan    text")
    for name in ("kind",) + HEADER_FIELDS + ("metrics", "measures"):
        print(f1_row(name, scan_rep, text_rep))
    print(f1_row("header", scan_rep, text_rep) + "   (target: scan header F1 >= 0.95)")
    text_errs = {(e["doc"], e["field"]) for e in text_rep.errors}
    diffs = [e for e in scan_rep.errors if (e["doc"], e["field"]) not in text_errs and e["field"] in HEADER_FIELDS]
    for e in diffs[:15]:
        print(f"  scan-only error: {json.dumps(e, ensure_ascii=False, default=str)}")


if __name__ == "__main__":
    main()
