"""What a scanner or a phone camera does to a printed letter, one function per degradation, for
scripts/make_scans.py (``--degrade``) and scripts/bench_ingest.py.

Every function takes a page (PIL image, greyscale or RGB) and a ``random.Random``, so a seeded
run is repeatable.  Ink is laid on paper by multiplying (``lay_ink``): black text under a red
seal stays black, as on a real stamped letter.
"""
from __future__ import annotations

import io
import math
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

# name → what it does; --degrade takes any of them, comma-separated, and applies them in this order.
DEGRADATIONS = {
    "seal": "a red round official seal (公章) stamped over the issuer and date lines",
    "signature": "a handwritten-looking signature in blue-black ink beside the issuer line",
    "grey": "grey, unevenly lit paper with speckle and sensor noise",
    "two-up": "two consecutive pages side by side in one landscape image",
    "skew": "the page tilted 0.5-3 degrees on the scanner glass",
    "photo": "the page photographed at an angle: perspective, on a darker table, uneven light",
    "jpeg": "strong JPEG compression (quality 25)",
}
SEAL_RED = (205, 32, 40)
SIGNATURE_INK = (28, 34, 92)
SEAL_MM = 42  # diameter of a standard official seal
JPEG_QUALITY = 25
# The date under a letter's signature block: 2019年3月5日, 二〇一九年三月五日.
DATE_LINE = re.compile(r"^\s*[\d〇○零一二三四五六七八九Ｏ０-９]{4}\s*年.{1,3}月.{1,3}日\s*$")


@dataclass
class Placed:
    """Where a source line was set in the rendered PDF: its last line box, in mm."""
    text: str
    page: int  # 0-based
    x: float
    top: float
    width: float
    height: float


def signature_block(placed: list[Placed]) -> tuple[Optional[Placed], Placed]:
    """(issuer line, date line) of the letter: the last line that is a date, and the line
    above it on the same page; without a date line, the last line."""
    dates = [i for i, p in enumerate(placed) if DATE_LINE.match(p.text)]
    at = dates[-1] if dates else len(placed) - 1
    above = placed[at - 1] if at and placed[at - 1].page == placed[at].page else None
    return above, placed[at]


def lay_ink(page: Image.Image, density: np.ndarray, x: int, y: int, ink: tuple) -> Image.Image:
    """Multiply ``ink`` into the RGB page with ``density`` (0–1) placed at (x, y), clipped to
    the page."""
    arr = np.asarray(page.convert("RGB"), dtype=np.float32).copy()
    h, w = density.shape
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, arr.shape[1]), min(y + h, arr.shape[0])
    if x0 >= x1 or y0 >= y1:
        return page.convert("RGB")
    d = density[y0 - y:y1 - y, x0 - x:x1 - x, None]
    tint = np.asarray(ink, dtype=np.float32) / 255.0
    arr[y0:y1, x0:x1] *= 1.0 - d * (1.0 - tint)
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8))


def uneven(shape: tuple[int, int], rng: random.Random, low: float, cells: int = 8) -> np.ndarray:
    """A smooth random field between ``low`` and 1 (uneven inking, uneven light)."""
    nrng = np.random.default_rng(rng.randrange(2**32))
    coarse = Image.fromarray((nrng.random((cells, cells)) * 255).astype(np.uint8))
    field = np.asarray(coarse.resize(shape[::-1], Image.BICUBIC), dtype=np.float32) / 255.0
    return low + (1.0 - low) * field


def seal_ink(diameter: int, name: str, font: Path, rng: random.Random) -> np.ndarray:
    """Ink density of a round seal: a ring, a five-pointed star, the issuer's name along the
    upper arc with each character turned to face outwards."""
    d = diameter
    img = Image.new("L", (d, d), 0)
    draw = ImageDraw.Draw(img)
    ring = max(2, d // 26)
    draw.ellipse([ring // 2, ring // 2, d - 1 - ring // 2, d - 1 - ring // 2], outline=255, width=ring)
    c, big = d / 2, d * 0.17
    star = [(c + (big if k % 2 == 0 else big * 0.38) * math.cos(-math.pi / 2 + k * math.pi / 5),
             c + (big if k % 2 == 0 else big * 0.38) * math.sin(-math.pi / 2 + k * math.pi / 5)) for k in range(10)]
    draw.polygon(star, fill=255)
    chars = name[:14] or "专用章"
    size = int(d * 0.13)
    face = ImageFont.truetype(str(font), size)
    span = min(250.0, 22.0 * len(chars))  # degrees of arc the name covers, centred on the top
    radius = d / 2 - ring - size * 0.75
    for i, ch in enumerate(chars):
        theta = math.radians(-90 - span / 2 + span * (i + 0.5) / len(chars))
        tile = Image.new("L", (2 * size, 2 * size), 0)
        ImageDraw.Draw(tile).text((size, size), ch, font=face, fill=255, anchor="mm")
        tile = tile.rotate(-math.degrees(theta) - 90, resample=Image.BICUBIC)
        cx, cy = c + radius * math.cos(theta), c + radius * math.sin(theta)
        img.paste(255, (int(cx - size), int(cy - size)), tile)
    density = np.asarray(img, dtype=np.float32) / 255.0
    return density * uneven(density.shape, rng, 0.55) * rng.uniform(0.85, 0.97)


def signature_ink(width: int, height: int, pen: int, rng: random.Random) -> np.ndarray:
    """Ink density of a scrawled signature: a looping stroke running left to right with a
    slow baseline drift, and a flourish underneath."""
    img = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(img)
    t = np.linspace(0.0, 1.0, 900)
    loops, phase = rng.randint(3, 6), rng.uniform(0, 2 * math.pi)
    wobble = 0.6 + 0.4 * np.sin(2 * math.pi * t * rng.uniform(1.0, 2.5) + phase)  # letters of uneven size
    x = 0.05 * width + 0.8 * width * t + 0.07 * width * wobble * np.sin(2 * math.pi * loops * t + phase)
    y = height * (0.45 - 0.32 * wobble * np.cos(2 * math.pi * loops * t + phase) + 0.1 * np.sin(3 * t))
    draw.line(list(zip(x.tolist(), y.tolist())), fill=255, width=pen, joint="curve")
    u = np.linspace(0.0, 1.0, 120)
    fx = width * (0.1 + 0.85 * u)
    fy = height * (0.85 - 0.12 * np.sin(math.pi * u) + rng.uniform(-0.05, 0.05))
    draw.line(list(zip(fx.tolist(), fy.tolist())), fill=255, width=max(1, pen - 1), joint="curve")
    density = np.asarray(img.filter(ImageFilter.GaussianBlur(0.6)), dtype=np.float32) / 255.0
    return density * uneven(density.shape, rng, 0.7) * 0.95


def stamp_seal(page: Image.Image, placed: list[Placed], dpi: int, font: Path, rng: random.Random) -> Image.Image:
    """The seal centred over the date line, covering the issuer line above it, a little off."""
    issuer, date = signature_block(placed)
    px = dpi / 25.4
    d = int(SEAL_MM * px)
    cx = (date.x + min(date.width, 60) / 2 + rng.uniform(-4, 4)) * px
    cy = (date.top - (date.height * 0.5 if issuer else 0) + rng.uniform(-2, 2)) * px
    name = issuer.text.strip() if issuer and len(issuer.text.strip()) <= 14 else "人民政府办公室"
    return lay_ink(page, seal_ink(d, name, font, rng), int(cx - d / 2), int(cy - d / 2), SEAL_RED)


def sign(page: Image.Image, placed: list[Placed], dpi: int, rng: random.Random) -> Image.Image:
    """A signature starting just after the issuer line's text (the date line's without one)."""
    issuer, date = signature_block(placed)
    line = issuer or date
    px = dpi / 25.4
    w, h = int(rng.uniform(38, 50) * px), int(rng.uniform(11, 15) * px)
    x = (line.x + line.width + rng.uniform(1, 4)) * px
    y = (line.top + line.height / 2) * px - h / 2
    return lay_ink(page, signature_ink(w, h, max(2, int(0.45 * px)), rng), int(x), int(y), SIGNATURE_INK)


def grey_paper(page: Image.Image, rng: random.Random) -> Image.Image:
    """Grey paper lit unevenly, sensor noise, a little blur, and speckle: dark dots of
    1–3 px and a few light ones."""
    arr = np.asarray(page, dtype=np.float32) / 255.0
    light = uneven(arr.shape[:2], rng, 0.9, cells=3) * rng.uniform(200, 226)
    arr = arr * (light[..., None] if arr.ndim == 3 else light)
    out = Image.fromarray(arr.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5))
    arr = np.asarray(out, dtype=np.float32)
    nrng = np.random.default_rng(rng.randrange(2**32))
    noise = nrng.normal(0, 9.0, arr.shape[:2])
    out = Image.fromarray((arr + (noise[..., None] if arr.ndim == 3 else noise)).clip(0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(out)
    bands = len(out.getbands())
    for k in range(int(250 * out.width * out.height / 1e6)):
        x, y, r = int(nrng.integers(0, out.width)), int(nrng.integers(0, out.height)), float(nrng.uniform(0.5, 1.6))
        shade = int(nrng.integers(30, 100)) if k % 8 else 235  # one speck in eight is a light one
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(shade,) * bands if bands > 1 else shade)
    return out


def paper_colour(page: Image.Image) -> tuple | int:
    """The page's background: the brightest common value of each band."""
    arr = np.asarray(page)
    level = np.percentile(arr.reshape(-1, arr.shape[2]) if arr.ndim == 3 else arr.ravel(), 90, axis=0)
    return tuple(int(v) for v in level) if arr.ndim == 3 else int(level)


def skew(page: Image.Image, rng: random.Random) -> Image.Image:
    """Tilted 0.5–3° either way; the corners turned in take the paper's colour."""
    angle = rng.choice((-1, 1)) * rng.uniform(0.5, 3.0)
    return page.rotate(angle, resample=Image.BICUBIC, fillcolor=paper_colour(page))


def two_up(pages: list[Image.Image], dpi: int, rng: random.Random) -> list[Image.Image]:
    """Pages 1+2, 3+4 … side by side with a gap of 0–8 mm; an odd last page stays alone."""
    out = []
    for left, right in zip(pages[0::2], pages[1::2]):
        gap = int(rng.uniform(0, 8) / 25.4 * dpi)
        spread = Image.new(left.mode, (left.width + gap + right.width, max(left.height, right.height)),
                           paper_colour(left))
        spread.paste(left, (0, 0))
        spread.paste(right, (left.width + gap, 0))
        out.append(spread)
    if len(pages) % 2:
        out.append(pages[-1])
    return out


def photograph(page: Image.Image, rng: random.Random) -> Image.Image:
    """The page photographed from an angle: its corners moved by up to 6 % of its size on a
    darker table around it, light falling off to one side, a little blur."""
    import cv2

    page = page.convert("RGB")
    w, h = page.size
    cw, ch = int(w * 1.2), int(h * 1.15)
    ox, oy = (cw - w) / 2, (ch - h) / 2
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[ox + rng.uniform(-0.06, 0.06) * w, oy + rng.uniform(-0.06, 0.06) * h]
                      + np.float32([x, y]) for x, y in src])
    matrix = cv2.getPerspectiveTransform(src, dst)
    nrng = np.random.default_rng(rng.randrange(2**32))
    table = np.asarray([rng.uniform(70, 110), rng.uniform(60, 90), rng.uniform(50, 75)], dtype=np.float32)
    canvas = np.empty((ch, cw, 3), dtype=np.float32)
    canvas[:] = table
    canvas += nrng.normal(0, 6.0, (ch, cw, 1))
    warped = cv2.warpPerspective(np.asarray(page), matrix, (cw, ch), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), matrix, (cw, ch), flags=cv2.INTER_LINEAR)[..., None]
    canvas = canvas * (1 - mask) + warped.astype(np.float32) * mask
    canvas *= uneven((ch, cw), rng, 0.78, cells=3)[..., None]
    return Image.fromarray(canvas.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))


def jpeg(page: Image.Image, quality: int = JPEG_QUALITY) -> Image.Image:
    """The page after a round trip through strong JPEG compression (4:2:0 chroma for colour)."""
    buf = io.BytesIO()
    page.save(buf, format="JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert(page.mode)


def apply(pages: list[Image.Image], names: list[str], placed: list[Placed], dpi: int, font: Path,
          rng: random.Random) -> list[Image.Image]:
    """The rendered pages with the named degradations, in :data:`DEGRADATIONS` order; the seal
    and the signature go on the page that holds the signature block."""
    unknown = sorted(set(names) - set(DEGRADATIONS))
    if unknown:
        raise ValueError(f"unknown degradation(s) {', '.join(unknown)}; choose from {', '.join(DEGRADATIONS)}")
    pages = list(pages)
    block = signature_block(placed)[1].page if placed else len(pages) - 1
    for name in DEGRADATIONS:
        if name not in names:
            continue
        if name == "seal":
            pages[block] = stamp_seal(pages[block], placed, dpi, font, rng)
        elif name == "signature":
            pages[block] = sign(pages[block], placed, dpi, rng)
        elif name == "two-up":
            pages = two_up(pages, dpi, rng)
        else:
            step = {"grey": grey_paper, "skew": skew, "photo": photograph}.get(name)
            pages = [step(p, rng) for p in pages] if step else [jpeg(p) for p in pages]
    return pages
