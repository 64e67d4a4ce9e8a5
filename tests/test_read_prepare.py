"""Page preparation before OCR (read/prepare.py) on synthetic pages: the skew found within
0.3 degrees of the one applied, a straight page left alone, a round red seal's ink turned to
paper while black text under it and a red letterhead stay, a two-page spread split at its
gutter, a page photographed at an angle found by its corners and seen square on."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from govdoc.read import prepare

PAPER = 225


def text_page(width: int = 900, height: int = 1270, seed: int = 0) -> np.ndarray:
    """A grey page with lines of dark 'words' (blocks of one text height) inside margins,
    paragraphs ending short of the right margin."""
    rng = np.random.default_rng(seed)
    page = np.full((height, width), PAPER, dtype=np.uint8)
    for top in range(110, height - 110, 42):
        x, end = 90, width - 90 if rng.random() > 0.25 else int(rng.integers(250, width - 90))
        while x < end - 30:
            w = int(rng.integers(20, 120))
            page[top:top + 22, x:min(x + w, end)] = int(rng.integers(10, 60))
            x += w + int(rng.integers(6, 14))
    return page


def turned(page: np.ndarray, degrees: float) -> np.ndarray:
    """The page turned ``degrees`` counter-clockwise, as a scanner's glass tilts it."""
    return np.asarray(Image.fromarray(page).rotate(degrees, resample=Image.BICUBIC, fillcolor=PAPER))


@pytest.mark.parametrize("degrees", [-3.0, -1.2, -0.5, 0.7, 2.0, 3.0])
def test_prepare_skew_estimated_within_a_third_of_a_degree(degrees):
    assert abs(prepare.estimate_skew(turned(text_page(), degrees)) - degrees) <= 0.3


@pytest.mark.parametrize("degrees", [-2.4, 1.5])
def test_prepare_deskew_turns_the_lines_straight(degrees):
    straight = prepare.deskew(turned(text_page(seed=1), degrees))
    assert abs(prepare.estimate_skew(straight)) <= 0.15


@pytest.mark.parametrize("page", [text_page(), np.full((500, 400), PAPER, dtype=np.uint8)], ids=["straight", "blank"])
def test_prepare_straight_or_blank_page_is_not_turned(page):
    assert prepare.deskew(page) is page


def seal_page() -> np.ndarray:
    """(RGB page, the seal's pixels, the text's pixels): a red letterhead bar at the top, black
    text lines, and a red ring with a dot stamped (multiplied) over some of the lines."""
    grey = text_page(seed=2)
    rgb = np.repeat(grey[:, :, None], 3, axis=2).astype(np.float32)
    rgb[40:80, 150:750] = (200, 30, 40)  # a red letterhead: wide, not round
    yy, xx = np.mgrid[0:grey.shape[0], 0:grey.shape[1]]
    r = np.hypot(yy - 600, xx - 300)
    ink = ((r > 85) & (r < 95)) | (r < 20)  # the ring and the seal's centre
    rgb[ink] *= np.array([205, 32, 40]) / 255.0
    return rgb.clip(0, 255).astype(np.uint8), ink, grey < 80


def jpeg(rgb: np.ndarray, quality: int = 25) -> np.ndarray:
    """A round trip through strong JPEG compression (colour at half resolution)."""
    import io

    buf = io.BytesIO()
    Image.fromarray(rgb).save(buf, format="JPEG", quality=quality)
    return np.asarray(Image.open(buf).convert("RGB"))


@pytest.mark.parametrize("compressed", [False, True], ids=["lossless", "jpeg"])
def test_prepare_seal_ink_becomes_paper_and_text_under_it_stays(compressed):
    rgb, ink, text = seal_page()
    grey = prepare.to_grey(jpeg(rgb) if compressed else rgb)
    ring = ink & ~text
    assert np.mean(grey[ring] >= PAPER - 30) > 0.97  # the seal's red ink is gone
    assert np.median(grey[ink & text]) < 30  # black under the red ink stays black
    assert np.mean(grey[50:70, 200:700]) < 120  # the letterhead is not a seal: it stays readable


def test_prepare_greyscale_page_passes_through():
    page = text_page()
    assert prepare.to_grey(page) is page


def spread(gap: int = 40, right_lines: int | None = None) -> np.ndarray:
    """Two pages side by side; ``right_lines``: the right page holds only its first lines (the
    end of a letter)."""
    left, right = text_page(seed=3), text_page(seed=4)
    if right_lines is not None:
        right[110 + 42 * right_lines:] = PAPER
    blank = np.full((left.shape[0], gap), PAPER, dtype=np.uint8)
    return np.hstack([left, blank, right])


@pytest.mark.parametrize("right_lines", [None, 2], ids=["full", "two-lines-on-the-right"])
def test_prepare_spread_split_at_its_gutter(right_lines):
    image = spread(right_lines=right_lines)
    at = prepare.find_gutter(image)
    # the blank band runs from the left page's right margin to the right page's left margin
    assert 900 - 90 <= at <= 900 + 40 + 90
    left, right = prepare.split_spread(image)
    assert left.shape[1] + right.shape[1] == image.shape[1]


@pytest.mark.parametrize("image", [
    text_page(),  # a single portrait page
    np.hstack([text_page(seed=5)[:, :450]] * 3),  # landscape, but text runs across the middle
    np.hstack([text_page(seed=6), np.full((1270, 900), PAPER, dtype=np.uint8)]),  # one page beside blank paper
], ids=["portrait", "no-gutter", "one-side-blank"])
def test_prepare_single_page_not_split(image):
    assert prepare.find_gutter(image) is None
    assert len(prepare.split_spread(image)) == 1


def photographed(page: np.ndarray, corners: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    import cv2

    h, w = page.shape
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    matrix = cv2.getPerspectiveTransform(src, corners)
    table = np.full(size[::-1], 70, dtype=np.uint8)
    warped = cv2.warpPerspective(page, matrix, size, flags=cv2.INTER_LINEAR)
    inside = cv2.warpPerspective(np.ones_like(page), matrix, size, flags=cv2.INTER_NEAREST).astype(bool)
    return np.where(inside, warped, table)


def test_prepare_photographed_page_found_by_its_corners_and_unwarped():
    corners = np.float32([[130, 90], [960, 150], [1010, 1320], [80, 1250]])
    image = photographed(text_page(seed=7), corners, (1100, 1420))
    quad = prepare.page_quad(image)
    assert quad is not None and np.abs(quad - corners).max() < 15
    flat = prepare.unwarp(image)
    assert abs(flat.shape[0] / flat.shape[1] / (1270 / 900) - 1) < 0.1  # proportions within 10 %
    assert np.median(flat[:, :60]) > 150  # the table is cropped away: the margin is paper


def test_prepare_scan_filling_the_image_is_not_unwarped():
    page = text_page()
    assert prepare.page_quad(page) is None and prepare.unwarp(page) is page


def test_prepare_page_tiny_image_only_made_grey():
    tiny = np.zeros((20, 30, 3), dtype=np.uint8)
    (out,) = prepare.prepare_page(tiny)
    assert out.shape == (20, 30)
