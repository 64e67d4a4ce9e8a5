"""OCR of page images with rapidocr (its bundled default models, nothing downloaded).

One engine per process, created on first use.  ``configure(threads=1)`` pins ONNX Runtime and
OpenCV to one thread, so N ingest workers use N cores instead of fighting over them.

The engine returns text boxes; :func:`govdoc.read.layout.boxes_to_text` puts them back into
lines in reading order and re-joins lines that a paragraph wrapped.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable, Optional, Sequence

from govdoc.errors import BadInput
from govdoc.read.base import Page, ReadResult, sha256
from govdoc.read.layout import COLUMN_GAP, Box, boxes_to_text

MAX_DPI = 300  # PDF pages are rendered at most this fine for OCR ...
# ... and no larger than the engine works on: rapidocr first shrinks a page to at most
# Global.max_side_len px on its long side (crops for the recognizer come from that image, which
# scales each text line to 48 px high anyway), so rendering more pixels is wasted work.
MAX_SIDE = 2000
# rapidocr settings, chosen with scripts/bench_ingest.py (CPU s/page and CER on corpora/scans):
# - no 180° line classifier (scans are upright; it costs ~10 %);
# - the detector sees the page at most 960 px on its long side: detection time is linear in
#   pixels (2.1 s at 1280 px, 1.2 s at 960 px per page, one thread) and the same lines are found
#   on 300 dpi A4 pages (a 16 pt character is still ~25 px high there);
# - the recognizer takes one line at a time: batches are padded to their widest line and ran
#   10–20 % slower per line on one thread than single lines;
# - the recognizer places each character it read (word boxes), so that a gap inside a detected
#   line is seen (:func:`text_pieces`);
# - ONNX Runtime keeps its memory arena, so buffers are not allocated afresh for every line.
ENGINE_PARAMS = {
    "Global.log_level": "error",
    "Global.use_cls": False,
    "Global.max_side_len": MAX_SIDE,
    "Global.return_word_box": True,
    "Det.limit_type": "max",
    "Det.limit_side_len": 960,
    "Rec.rec_batch_num": 1,
    "EngineConfig.onnxruntime.enable_cpu_mem_arena": True,
}
MIN_SCORE = 0.5  # boxes the recognizer is less sure of are dropped (rapidocr's own default)

# Which runtime executes the (same, bundled) ONNX models.  OpenVINO is the default: on this
# project's machines it runs the detector ~4x and the recognizer ~2.5x faster than ONNX Runtime
# on one thread, with the same text (scripts/bench_ingest.py; 0.9 vs 3.7 CPU s/page).
# ONNX Runtime stays as the fallback, and GOVDOC_OCR_RUNTIME=onnxruntime selects it.
RUNTIMES = ("openvino", "onnxruntime")

_engine = None
_threads: int = int(os.environ.get("GOVDOC_OCR_THREADS", "0") or 0)  # 0: library default (all cores)


def configure(threads: int = 0) -> None:
    """Set the number of threads the engine may use (0 = all cores); takes effect on the
    next engine creation, so call it before the first OCR in a process."""
    global _threads, _engine
    _threads = threads
    _engine = None
    if threads:
        os.environ.setdefault("OMP_NUM_THREADS", str(threads))
        try:
            import cv2

            cv2.setNumThreads(threads)
        except ImportError:  # pragma: no cover - opencv comes with rapidocr
            pass


def runtime() -> str:
    """The runtime the engine will use: GOVDOC_OCR_RUNTIME if set, else OpenVINO when it is
    installed, else ONNX Runtime."""
    chosen = os.environ.get("GOVDOC_OCR_RUNTIME", "").strip().lower()
    if chosen:
        if chosen not in RUNTIMES:
            raise ValueError(f"GOVDOC_OCR_RUNTIME={chosen!r}: expected one of {', '.join(RUNTIMES)}")
        return chosen
    try:
        import openvino  # noqa: F401
    except ImportError:
        return "onnxruntime"
    return "openvino"


def bundled_model(name: str) -> str:
    """Path of a model file shipped inside the rapidocr wheel."""
    import rapidocr

    path = Path(rapidocr.__file__).parent / "models" / name
    if not path.is_file():
        raise FileNotFoundError(f"rapidocr model {name} is not in the installed wheel ({path})")
    return str(path)


def engine_params(kind: str, threads: int) -> dict:
    """rapidocr parameters for runtime ``kind`` with ``threads`` threads (0 = library default)."""
    params = dict(ENGINE_PARAMS)
    if kind == "openvino":
        from rapidocr import EngineType

        # The detector and recognizer rapidocr bundles (PP-OCRv6 small), read by OpenVINO
        # straight from their ONNX files; a model path stops rapidocr looking for a download.
        params.update({
            "Det.engine_type": EngineType.OPENVINO,
            "Det.model_path": bundled_model("PP-OCRv6_det_small.onnx"),
            "Rec.engine_type": EngineType.OPENVINO,
            "Rec.model_path": bundled_model("PP-OCRv6_rec_small.onnx"),
            # one stream, no pinning: N single-threaded workers must not be pinned to one core
            "EngineConfig.openvino.num_streams": 1,
            "EngineConfig.openvino.enable_cpu_pinning": False,
            "EngineConfig.openvino.performance_hint": "LATENCY",
        })
        if threads:
            params["EngineConfig.openvino.inference_num_threads"] = threads
    elif threads:
        params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
        params["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
    return params


def engine():
    """The process's rapidocr engine, created on first use."""
    global _engine
    if _engine is None:
        from rapidocr import RapidOCR

        _engine = RapidOCR(params=engine_params(runtime(), _threads))
    return _engine


# The recognizer now and then reads one half of the hexagonal brackets round a document
# number's year as a square or round one (黔农字〔2016]第12号): a year between 〔 and a closing
# bracket of another shape, or between an opening one and 〕, gets 〔〕 again.
_YEAR_BRACKETS = re.compile(r"〔(\d{4})[\]］】)）]|[\[［【(（](\d{4})〕")
# … and reads a speck or JPEG's ringing next to those brackets as a dot (教建议〔2017〕·第39号,
# 个自然资函〔2022〕..25号): no document number has one there.
_YEAR_DOTS = re.compile(r"(?<=〔)[.·．]+(?=\d{4})|(?<=〔\d{4})[.·．]+(?=〕)|(?<=〔\d{4}〕)[.·．]+")


def mend_year_brackets(text: str) -> str:
    text = _YEAR_BRACKETS.sub(lambda m: f"〔{m.group(1) or m.group(2)}〕", text)
    return _YEAR_DOTS.sub("", text)


def _boxes(result) -> list[Box]:
    if result is None or result.boxes is None or result.txts is None:
        return []
    words = result.word_results if len(result.word_results or ()) == len(result.txts) else [()] * len(result.txts)
    boxes = []
    for quad, text, score, line_words in zip(result.boxes, result.txts, result.scores, words):
        if score < MIN_SCORE or not text.strip():
            continue
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        y0, y1 = float(min(ys)), float(max(ys))
        for piece, x0, x1 in text_pieces(text, line_words, float(min(xs)), float(max(xs)), y1 - y0):
            boxes.append(Box(mend_year_brackets(piece), float(score), x0, y0, x1, y1))
    return boxes


def text_pieces(text: str, words, x0: float, x1: float, height: float) -> list[tuple[str, float, float]]:
    """A detected line's text in pieces with their left and right ends, from the recognizer's
    word boxes (``(word, score, four corner points)`` each): split where two words stand
    further apart than a column gap (``来源：武侯区城市管理局　　发布时间：…`` read as one line),
    and ending at the first and last word where the detected box reaches more than a line
    height beyond them (ink that is no text: what a seal or a signature left).  Without word
    boxes that match the text, the whole line."""
    spans, pos = [], 0
    for word in words or ():
        found = text.find(word[0].strip(), pos) if word[0].strip() and word[2] is not None else -1
        if found < 0:
            return [(text, x0, x1)]
        pos = found + len(word[0].strip())
        corners = [float(p[0]) for p in word[2]]
        spans.append((found, pos, min(corners), max(corners)))
    if not spans:
        return [(text, x0, x1)]
    groups = [[spans[0]]]
    for span in spans[1:]:
        if span[2] - groups[-1][-1][3] > COLUMN_GAP * height:
            groups.append([])
        groups[-1].append(span)
    pieces = [(text[g[0][0]:g[-1][1]], g[0][2], g[-1][3]) for g in groups]
    (first, left, right), *rest = pieces
    pieces[0] = (first, x0 if left - x0 <= height else left, right)
    last, left, right = pieces[-1]
    pieces[-1] = (last, left, x1 if x1 - right <= height else right)
    return pieces


GREY_MODES = ("1", "L", "LA", "I", "I;16", "F")


def page_array(image):
    """A page image as the engine takes it: greyscale pages stay one channel (rapidocr widens
    them itself, cheaper than a PIL colour conversion), anything else becomes RGB."""
    import numpy as np

    if isinstance(image, np.ndarray):
        return image
    if image.mode not in ("L", "RGB"):
        image = image.convert("L" if image.mode in GREY_MODES else "RGB")
    return np.asarray(image)


def ocr_image(image) -> tuple[str, Optional[float]]:
    """One page image (PIL image, greyscale or RGB numpy array) → (text, mean line confidence)."""
    boxes = _boxes(engine()(page_array(image)))
    if not boxes:
        return "", None
    return boxes_to_text(boxes), sum(b.score for b in boxes) / len(boxes)


def ocr_page(number: int, image) -> Page:
    """One page image read by OCR: its lines were joined from the geometry (``lines_joined``)."""
    text, conf = ocr_image(image)
    return Page(number, text, conf, layout=True, lines_joined=True)


def ocr_images(images: Iterable, first_page: int = 1) -> list[Page]:
    """Page images → pages numbered from ``first_page``, each with its OCR confidence."""
    return [ocr_page(number, image) for number, image in enumerate(images, first_page)]


def check_page_limit(path: Path | str, count: int, max_pages: Optional[int]) -> None:
    if max_pages and count > max_pages:
        raise BadInput(path, f"{count} pages, over the page limit of {max_pages} (raise it with --max-pages)")


def open_pdf(path: Path | str, data: bytes, password: Optional[str] = None):
    """pypdfium2 document, or :class:`BadInput` naming why the PDF cannot be opened."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise BadInput(path, "encrypted PDF (a password is needed to open it)") from None
        raise BadInput(path, f"damaged or truncated PDF ({exc})") from None


def ocr_pdf(path: Path | str, data: bytes, *, ocr: str = "auto", pages: Optional[Sequence[int]] = None,
            max_pages: Optional[int] = None, dpi: int = MAX_DPI, password: Optional[str] = None, prepare: bool = True,
            **_) -> ReadResult:
    """A PDF read by OCR: pages rendered with pypdfium2 (at most ``dpi``, and no larger than
    the engine's working size), prepared for OCR unless ``prepare`` is off, and recognised;
    they keep their numbers in the PDF.  ``pages``: 1-based page numbers to OCR (default all)."""
    if ocr == "never":
        raise BadInput(path, "PDF has no text layer (scanned) and OCR is off (--ocr never)")
    doc = open_pdf(path, data, password)
    try:
        count = len(doc)
        check_page_limit(path, count, max_pages)
        numbers = list(pages) if pages is not None else list(range(1, count + 1))
        out = [ocr_pdf_page(path, doc, number, dpi, prepare) for number in numbers]
    finally:
        doc.close()
    if not any(p.text.strip() for p in out):
        raise BadInput(path, "scanned PDF: OCR found no text")
    empty = [str(p.number) for p in out if not p.text.strip()]
    warnings = [f"page(s) {', '.join(empty)}: OCR found no text"] if empty else []
    return ReadResult(str(path), sha256(data), "pdf", out, ocr=True, warnings=warnings)


def render_scale(width_pt: float, height_pt: float, dpi: int = MAX_DPI) -> float:
    """pdfium scale (pixels per point) for OCR: ``dpi``, or less where the page would come out
    larger than :data:`MAX_SIDE` px on its long side."""
    return min(dpi / 72, MAX_SIDE / max(width_pt, height_pt, 1.0))


def ocr_pdf_page(path: Path | str, doc, number: int, dpi: int = MAX_DPI, prepare: bool = True) -> Page:
    """One PDF page rendered and read by OCR; with ``prepare``, rendered in colour and made
    ready as page images are (:func:`govdoc.read.prepare.prepare_page`: seal ink out, perspective
    and skew undone, a two-page spread split).  The page keeps its number in the PDF: a spread's
    two halves are read one after the other (left first) into that one page's text."""
    try:
        page = doc[number - 1]
        bitmap = page.render(scale=render_scale(*page.get_size(), dpi), grayscale=not prepare, rev_byteorder=prepare)
        image = bitmap.to_numpy()
    except Exception as exc:  # pdfium refuses a damaged page: name it
        raise BadInput(path, f"cannot render the page for OCR ({exc})", page=number) from None
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if prepare:
        from govdoc.read.prepare import prepare_page

        halves = prepare_page(image)
        if len(halves) > 1:
            return spread_page(number, halves)
        (image,) = halves
    return ocr_page(number, image)


def spread_page(number: int, halves: Sequence) -> Page:
    """One page numbered ``number`` read from the pages of a spread, in their order: their
    texts one after the other, the confidence the mean over the halves that have text."""
    read = [ocr_image(half) for half in halves]
    confs = [conf for _, conf in read if conf is not None]
    text = "\n".join(t for t, _ in read if t)
    return Page(number, text, sum(confs) / len(confs) if confs else None, layout=True, lines_joined=True)
