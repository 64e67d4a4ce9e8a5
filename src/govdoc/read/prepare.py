"""Page images made ready for OCR: a red seal's ink taken out, the perspective of a page
photographed at an angle undone, a skewed page turned straight, two pages scanned side by side
split — each only where the image shows it (``scripts/bench_ingest.py`` measures each against
the degraded scans of ``scripts/make_scans.py``).

Every step is a pure function of a numpy array (OpenCV, which rapidocr depends on, does the
pixel work); :func:`prepare_page` chains them.  Arrays are greyscale ``uint8`` (h, w) or RGB
(h, w, 3), as :func:`govdoc.read.ocr.page_array` gives them.
"""
from __future__ import annotations

from typing import Optional

import numpy as np

# Seal ink: red well above green and blue.  A seal printed over grey paper keeps a red excess
# of 70-150; half-inked strokes and JPEG's blurred colour 40 and more.
RED_EXCESS = 40
# A seal is round (or oval): its red ink's bounding box is about as wide as high, and between
# these shares of the page's shorter side (a 42 mm seal on A4 is 20 %, on a spread 14 %).
SEAL_SIZE = (0.06, 0.45)
SEAL_ASPECT = (0.6, 1.67)
# Seal ink is about a third as light as the paper; black text, under a seal or not, below a
# fifth (JPEG gives its strokes the seal's red, but not its lightness).
SEAL_MIN_LUMA = 0.22
# Red ink closer than this share of the page's width belongs to one mark.
SEAL_BRIDGE = 0.03
# Skew is searched within this many degrees, and a page is turned only when it is off by more
# than MIN_SKEW (the estimate is good to 0.05 degrees; a page turned 0.5 degrees reads the same
# text either way, its lines grouped alike, and skews of 0.5-3 degrees cost header fields).
MAX_SKEW = 6.0
MIN_SKEW = 0.2
# The image is measured on a copy this many pixels wide at most (speed; 0.05 degrees is still
# a pixel across it).
WORK_WIDTH = 1200
# Two pages side by side: an image at least this much wider than high, with a blank band down
# its middle part (as wide as this share of the image at least) and text on both sides.
SPREAD_ASPECT = 1.2
GUTTER_MIN = 0.02
SPREAD_MIN_INK = 0.0002  # share of the image's pixels: two or three characters
# A page photographed on a table: its outline, found as the largest bright quadrilateral,
# covers between these shares of the image (a scan whose page fills the image is left alone).
PAGE_AREA = (0.25, 0.92)
# Images smaller than this on a side are not measured.
MIN_SIDE = 64


def prepare_page(image: np.ndarray, split: bool = True) -> list[np.ndarray]:
    """The page as greyscale image(s) ready for OCR: seal ink removed, perspective undone,
    skew straightened, and, with ``split``, a two-page spread cut at its gutter (left page
    first).  An image too small to measure is only made grey."""
    if min(image.shape[:2]) < MIN_SIDE:
        return [to_grey(image)]
    grey = unwarp(to_grey(image))
    grey = deskew(grey)
    return split_spread(grey) if split else [grey]


def to_grey(image: np.ndarray) -> np.ndarray:
    """Greyscale (luminance); on a colour page, the ink of round red seals becomes paper.  Only
    red pixels as light as seal ink are taken: black text under a seal stays black even where
    JPEG has smeared the seal's colour over it, and a red letterhead, not round, stays
    readable."""
    import cv2

    if image.ndim == 2:
        return image
    rgb = image[:, :, :3]
    grey = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2GRAY)
    boxes = seal_boxes(rgb)
    paper = paper_level(grey) if boxes else 255
    for x, y, w, h in boxes:
        luma = grey[y:y + h, x:x + w]  # a view: written in place
        luma[(red_ink(rgb[y:y + h, x:x + w]) > 0) & (luma > SEAL_MIN_LUMA * paper)] = paper
    return grey


def red_ink(rgb: np.ndarray) -> np.ndarray:
    """Mask of red ink: red above both green and blue by :data:`RED_EXCESS`."""
    r = rgb[:, :, 0].astype(np.int16)
    return (r - np.maximum(rgb[:, :, 1], rgb[:, :, 2]) > RED_EXCESS).astype(np.uint8)


def seal_boxes(rgb: np.ndarray) -> list[tuple[int, int, int, int]]:
    """(x, y, w, h) of each round red mark the size of a seal, a little enlarged, in pixels."""
    import cv2

    scale = min(1.0, WORK_WIDTH / rgb.shape[1])
    small = cv2.resize(rgb, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else rgb
    mask = red_ink(small)
    if mask.sum() < 50:
        return []
    # one seal, one region: bridge the gaps between its ring, star and characters, and where
    # black text lines under it break the ring (a line is about 1.5 % of the page wide)
    grow = max(3, int(SEAL_BRIDGE * small.shape[1])) | 1
    mask = cv2.dilate(mask, np.ones((grow, grow), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask)
    side = min(small.shape[:2])
    boxes = []
    for x, y, w, h, _ in stats[1:count]:
        w, h = w - grow + 1, h - grow + 1  # the ink's own extent
        if SEAL_SIZE[0] * side <= max(w, h) <= SEAL_SIZE[1] * side and SEAL_ASPECT[0] <= w / max(h, 1) <= SEAL_ASPECT[1]:
            boxes.append((int(x / scale), int(y / scale), int((w + grow) / scale), int((h + grow) / scale)))
    return boxes


def ink_mask(grey: np.ndarray) -> tuple[np.ndarray, float]:
    """(ink mask of a copy at most :data:`WORK_WIDTH` wide, that copy's scale): dark pixels
    by Otsu's threshold over a lightly blurred copy (speckle and noise do not count)."""
    import cv2

    scale = min(1.0, WORK_WIDTH / grey.shape[1])
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    small = cv2.medianBlur(small, 3)
    _, mask = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return mask, scale


def estimate_skew(grey: np.ndarray) -> float:
    """Degrees the text lines climb to the right (counter-clockwise), by projection profiles:
    the angle at which the ink's rows are sharpest (sum of squared row counts), searched in
    0.5-degree steps within :data:`MAX_SKEW`, then 0.05 around the best.  0 where the image
    holds too little ink to say, or so much that it is no text page."""
    mask, _ = ink_mask(grey)
    ys, xs = np.nonzero(mask)
    if len(ys) < 400 or len(ys) > 0.3 * mask.size:
        return 0.0
    step = max(1, len(ys) // 150_000)  # enough points for a sharp profile
    ys, xs = ys[::step].astype(np.float64), xs[::step].astype(np.float64) - mask.shape[1] / 2

    def sharpness(degrees: float) -> float:
        rows = np.round(ys + xs * np.tan(np.radians(degrees))).astype(np.int64)
        counts = np.bincount(rows - rows.min())
        return float(np.dot(counts, counts))

    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.5)  # a line's profile stays sharp over ~1 degree
    best = max(coarse, key=sharpness)
    fine = np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05)
    return round(float(max(fine, key=sharpness)), 3)


def paper_level(grey: np.ndarray) -> int:
    """The paper's grey: the 90th percentile of a sample of the pixels."""
    return int(np.percentile(grey[::8, ::8], 90))


def rotate(grey: np.ndarray, degrees: float) -> np.ndarray:
    """Turned ``degrees`` counter-clockwise about the centre, same size, corners filled with
    the paper's grey."""
    import cv2

    h, w = grey.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(grey, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=paper_level(grey))


def deskew(grey: np.ndarray) -> np.ndarray:
    """The page turned straight where its lines are off by more than :data:`MIN_SKEW`."""
    angle = estimate_skew(grey)
    return rotate(grey, -angle) if abs(angle) > MIN_SKEW else grey


def find_gutter(grey: np.ndarray) -> Optional[int]:
    """The column at which a two-page spread divides: the middle of the widest blank band of
    columns within the middle 40 % of an image :data:`SPREAD_ASPECT` wider than high, with
    text on both sides; None for a single page."""
    h, w = grey.shape
    if w < SPREAD_ASPECT * h:
        return None
    mask, scale = ink_mask(grey)
    cols = mask.sum(axis=0)
    blank = cols <= max(2, 0.003 * mask.shape[0])  # a speck or two is not text
    lo, hi = int(0.3 * len(cols)), int(0.7 * len(cols))
    best, start = (0, 0), None
    for x in range(lo, hi + 1):
        if x < hi and blank[x]:
            start = x if start is None else start
        elif start is not None:
            best, start = max(best, (x - start, start)), None
    width, at = best
    if width < GUTTER_MIN * len(cols):
        return None
    middle = at + width // 2
    # text on both sides: a few characters at least (the second page of a letter may hold a
    # line or two); a page beside blank paper is one page
    if min(cols[:middle].sum(), cols[middle:].sum()) < SPREAD_MIN_INK * mask.size:
        return None
    return int(middle / scale)


def split_spread(grey: np.ndarray) -> list[np.ndarray]:
    """A two-page spread as its two pages, left first; any other image as itself."""
    at = find_gutter(grey)
    return [grey] if at is None else [grey[:, :at], grey[:, at:]]


def page_quad(grey: np.ndarray) -> Optional[np.ndarray]:
    """Corners (top-left, top-right, bottom-right, bottom-left; pixels) of a page lying on a
    darker ground, when its outline is a clear quadrilateral covering :data:`PAGE_AREA` of
    the image; None otherwise (a scan, whose page is the whole image)."""
    import cv2

    scale = min(1.0, 800 / max(grey.shape))
    # the outline needs no detail: a plain resize of a blurred copy is enough, and cheap
    small = cv2.GaussianBlur(cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_LINEAR), (5, 5), 0)
    _, bright = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # text is dark on the page: close it so the page is one bright region
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    outline = max(contours, key=cv2.contourArea)
    share = cv2.contourArea(outline) / small.size
    if not PAGE_AREA[0] <= share <= PAGE_AREA[1]:
        return None
    quad = cv2.approxPolyDP(outline, 0.02 * cv2.arcLength(outline, True), True)
    if len(quad) != 4 or not cv2.isContourConvex(quad):
        return None
    pts = quad.reshape(4, 2).astype(np.float32) / scale
    by_sum, by_diff = pts.sum(axis=1), np.diff(pts, axis=1).ravel()
    return np.float32([pts[by_sum.argmin()], pts[by_diff.argmin()], pts[by_sum.argmax()], pts[by_diff.argmax()]])


def unwarp(grey: np.ndarray) -> np.ndarray:
    """A page photographed at an angle, seen square on and cropped to the page; any other
    image as itself."""
    import cv2

    quad = page_quad(grey)
    if quad is None:
        return grey
    tl, tr, br, bl = quad
    # the page's size from the mean of its opposite sides: the true proportions need the
    # camera, and a page a few per cent too wide or narrow reads the same
    w = int((np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2)
    h = int((np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2)
    target = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    return cv2.warpPerspective(grey, cv2.getPerspectiveTransform(quad, target), (w, h), flags=cv2.INTER_LINEAR)
