"""Page images (PNG, JPEG, TIFF including multi-page TIFF) → OCR pages, one per frame, or two
where a frame holds two pages side by side.  Each frame is prepared for OCR first
(:mod:`govdoc.read.prepare`: seal ink removed, perspective undone, skew straightened, spreads
split); ``prepare=False`` reads the frames as they are."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Iterator, Optional

from govdoc.errors import BadInput
from govdoc.read.base import ReadResult, register, sha256

# Magic bytes of the image formats read here.
SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
}


def image_kind(data: bytes) -> Optional[str]:
    """``png`` / ``jpeg`` / ``tiff`` from the first bytes, else None."""
    return next((kind for magic, kind in SIGNATURES.items() if data.startswith(magic)), None)


def open_image(path: Path, data: bytes):
    from PIL import Image, UnidentifiedImageError

    try:
        img = Image.open(io.BytesIO(data))
        img.load()
        return img
    except Image.DecompressionBombError:
        raise BadInput(path, "image too large to OCR safely") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise BadInput(path, f"damaged or truncated image ({exc})") from None


def frames(path: Path, img, prepare: bool = True) -> Iterator:
    """Every frame (page) of the image as an array the OCR engine takes (greyscale kept one
    channel), prepared for OCR unless ``prepare`` is off (a spread gives its two pages); a
    frame that fails to decode names its page."""
    from PIL import ImageSequence

    from govdoc.read.ocr import page_array
    from govdoc.read.prepare import prepare_page

    for number, frame in enumerate(ImageSequence.Iterator(img), 1):
        try:
            array = page_array(frame)
        except (OSError, ValueError) as exc:
            raise BadInput(path, f"damaged image frame ({exc})", page=number) from None
        yield from prepare_page(array) if prepare else [array]


@register("image")
def read_image(path: Path, data: bytes, *, ocr: str = "auto", max_pages: Optional[int] = None, prepare: bool = True,
               **_) -> ReadResult:
    from govdoc.read.ocr import check_page_limit, ocr_images

    if ocr == "never":
        raise BadInput(path, "an image has no text layer and OCR is off (--ocr never)")
    img = open_image(path, data)
    check_page_limit(path, getattr(img, "n_frames", 1), max_pages)
    pages = ocr_images(frames(path, img, prepare))
    if not any(p.text.strip() for p in pages):
        raise BadInput(path, "image: OCR found no text")
    empty = [str(p.number) for p in pages if not p.text.strip()]
    warnings = [f"page(s) {', '.join(empty)}: OCR found no text"] if empty else []
    return ReadResult(str(path), sha256(data), "image", pages, ocr=True, warnings=warnings)
