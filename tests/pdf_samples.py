"""PDFs built in the tests: a tiny text PDF written by hand, an image-only "scan" of it,
a scan whose only text layer is a watermark line, and pages of raw grey pixels."""

from __future__ import annotations

import ctypes
import io
import random
import zlib

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


def tiny_pdf(pages: list[list[tuple[float, float, str]]], trailer_extra: bytes = b"") -> bytes:
    """A minimal PDF: each page draws (x, y, text) in Helvetica 11pt, in the given stream order."""
    count = len(pages)
    font = 3 + 2 * count
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode()]
    for i, items in enumerate(pages):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R "
                       f">> >> /Contents {4 + 2 * i} 0 R >>".encode())
        stream = "".join(f"BT /F1 11 Tf {x} {y} Td ({text}) Tj ET\n" for x, y, text in items).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%sendstream" % (len(stream), stream))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return serialise(objects, trailer_extra)


def scanned_pdf(page_texts: list[str]) -> bytes:
    """An image-only PDF: each text is set in a tiny PDF, rendered at 200 dpi and placed as a picture."""
    document = pdfium.PdfDocument.new()
    for text in page_texts:
        source = pdfium.PdfDocument(tiny_pdf([[(72, 760, text)]]))
        bitmap = source[0].render(scale=200 / 72, grayscale=True)
        page = document.new_page(595, 842)
        image = pdfium.PdfImage.new(document)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
        page.insert_obj(image)
        page.gen_content()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def watermarked_scan_pdf(page_texts: list[str], watermark: str) -> bytes:
    """A scan (see ``scanned_pdf``) with a small line of real text at the foot of each page."""
    document = pdfium.PdfDocument(scanned_pdf(page_texts))
    for index in range(len(document)):
        page = document[index]
        line = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", ctypes.c_float(8))
        utf16 = ctypes.create_string_buffer((watermark + "\0").encode("utf-16-le"))
        pdfium_c.FPDFText_SetText(line, ctypes.cast(utf16, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        pdfium_c.FPDFPageObj_Transform(line, 1, 0, 0, 1, 72, 20)
        pdfium_c.FPDFPage_InsertObject(page.raw, line)
        page.gen_content()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def speckled(width: int, height: int, dots: int, seed: int = 1) -> bytes:
    """Grey pixels of a light page with ``dots`` dark specks: scanner noise, nothing to read."""
    rng = random.Random(seed)
    pixels = bytearray(b"\xf0" * (width * height))
    for _ in range(dots):
        pixels[rng.randrange(width * height)] = 0x20
    return bytes(pixels)


def image_pdf(pages: list[tuple[bytes, int, int]], media: tuple[float, float] = (595, 842)) -> bytes:
    """An image-only PDF written by hand: each page is one picture of 8-bit grey ``(pixels,
    width, height)`` stretched over a ``media`` box (points; PDF allows up to 14400)."""
    count = len(pages)
    kids = " ".join(f"{3 + 3 * i} 0 R" for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode()]
    w, h = media
    for i, (pixels, width, height) in enumerate(pages):
        content, image = 4 + 3 * i, 5 + 3 * i  # the page itself is object 3 + 3 * i
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] /Resources << /XObject << /Im1 "
                       f"{image} 0 R >> >> /Contents {content} 0 R >>".encode())
        draw = f"q {w} 0 0 {h} 0 0 cm /Im1 Do Q".encode()
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(draw), draw))
        packed = zlib.compress(pixels)
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                       b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
                       % (width, height, len(packed), packed))
    return serialise(objects)


def serialise(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """Numbered objects (object 1 the catalog) written out as a PDF with its xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)
