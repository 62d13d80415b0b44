"""What the reader worker makes of one PDF page: its text and whether it is a scan under a
stamp-only text layer, or its image for OCR (within a pixel bound)."""

from __future__ import annotations

import math
from contextlib import contextmanager
from typing import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdfium2._helpers.textpage import PdfTextPage

from compliance.limits import Limits

# A page with fewer visible characters than this, mostly covered by one image, is a scan
# whose words are in the picture (see looks_scanned).
SCAN_MAX_TEXT = 64  # a stamp or watermark line; the shortest real last page is longer
SCAN_MIN_COVER = 0.5  # share of the page under images; a logo or a signature is far less
# The largest page image rendered for OCR (an A2 sheet at 300 dpi): a bigger page (a poster,
# a broken media box of 200 x 200 inches) is rendered at a lower resolution, not at gigabytes.
MAX_PIXELS = Limits().max_pixels
# Below this resolution a page image holds nothing to read: a larger page is refused instead.
MIN_RENDER_DPI = 10


class _TextPage:
    """A pdfium text page read with pypdfium2's own text methods (``count_chars``,
    ``get_text_range``: the same text), without its helper objects' bookkeeping (a finalizer
    and parent/child links per page and text page cost about a tenth of reading a page)."""

    __slots__ = ("raw", "_as_parameter_")

    def __init__(self, raw) -> None:
        self.raw = self._as_parameter_ = raw

    count_chars = PdfTextPage.count_chars
    get_text_range = PdfTextPage.get_text_range
    _get_active_text_range = PdfTextPage._get_active_text_range


@contextmanager
def text_page(pdf: pdfium.PdfDocument, index: int) -> Iterator[_TextPage]:
    """The text page of page ``index``, loaded and closed by pdfium's C calls."""
    page = pdfium_c.FPDF_LoadPage(pdf.raw, index)
    if not page:
        raise pdfium.PdfiumError("Failed to load page.")
    try:
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            raise pdfium.PdfiumError("Failed to load text page.")
        try:
            yield _TextPage(textpage)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
    finally:
        pdfium_c.FPDF_ClosePage(page)


def looks_scanned_at(pdf: pdfium.PdfDocument, index: int, text: str) -> bool:
    """``looks_scanned`` for page ``index``, loading the page only when its text is short."""
    if _visible_chars(text[: 4 * SCAN_MAX_TEXT]) >= SCAN_MAX_TEXT or _visible_chars(text) >= SCAN_MAX_TEXT:
        return False  # the start of a page of text says so already: the rest is not counted
    page = pdf[index]
    try:
        return looks_scanned(page, text)
    finally:
        page.close()


def _visible_chars(text: str) -> int:
    return len("".join(text.split()))


def looks_scanned(page: pdfium.PdfPage, text: str) -> bool:
    """A page with little text that is mostly pictures: a scan whose text layer is only a
    page number, a stamp or a watermark ("www.jdih..."), so its words are in the picture.
    Scanners store a page as one image or as a stack of strips, so the images' areas add up."""
    if _visible_chars(text) >= SCAN_MAX_TEXT:
        return False
    width, height = page.get_size()
    covered = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = image.get_bounds()
        covered += (right - left) * (top - bottom)
    return covered >= SCAN_MIN_COVER * width * height


class PageTooLarge(ValueError):
    """A page so large that even ``MIN_RENDER_DPI`` would pass the pixel limit (a broken media box)."""


def render_pgm(page: pdfium.PdfPage, dpi: int, max_pixels: int = MAX_PIXELS) -> tuple[bytes, int]:
    """The page as an 8-bit grey PGM image (what tesseract reads from stdin) and its resolution:
    ``dpi``, or less for a page so large that the image would pass ``max_pixels``; a page that
    would pass it even at ``MIN_RENDER_DPI`` raises ``PageTooLarge`` (no floor defeats the limit)."""
    width, height = page.get_size()
    if max_pixels:
        dpi = min(dpi, int(72 * math.sqrt(max_pixels / max(width * height, 1e-9))))
    if dpi < MIN_RENDER_DPI:
        raise PageTooLarge(f"page too large to render ({width:.0f} x {height:.0f} pt)")
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    pixels = bytes(bitmap.buffer)
    bitmap.close()
    if stride != width:
        pixels = b"".join(pixels[row * stride : row * stride + width] for row in range(height))
    return b"P5\n%d %d\n255\n" % (width, height) + pixels, dpi
