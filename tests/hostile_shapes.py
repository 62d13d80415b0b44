"""Hostile inputs of issue 12, generated at any size: the fuzz tests build them small, the
bench (``bench/bench_hostile.py``) at the sizes that once took minutes or gigabytes.

Each shape is ``make(n) -> (file name, bytes)``; ``n`` is the size that grows (characters,
lines, pages, repetitions). Text shapes are built around a fictional sample regulation from
``examples/`` so they reach every stage of a check (metadata, articles, citations, Lampiran).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from tests.pdf_samples import serialise, tiny_pdf

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def base_text() -> str:
    """A whole fictional Perwal (title, Menimbang, articles, closing) as plain text."""
    return (EXAMPLES / "perwal-banyuasri-2022-spbe.txt").read_text(encoding="utf-8")


def _split_closing(text: str) -> tuple[str, str]:
    """The text before its closing formula ("Ditetapkan di"), and the closing."""
    at = text.index("Ditetapkan di")
    return text[:at], text[at:]


def _in_article(extra: str) -> str:
    """The sample with ``extra`` as the last lines of the article before its last BAB."""
    text = base_text()
    at = text.rindex("\nBAB ")
    return text[:at].rstrip("\n") + "\n" + extra + "\n" + text[at:]


def _txt(name: str, text: str) -> tuple[str, bytes]:
    return name, text.encode("utf-8")


# --- text shapes (regexes and quadratic scans) --------------------------------------------


def ocr_number(n: int) -> tuple[str, bytes]:
    """A citation whose number is an OCR-style mix of 1 and O, ``n`` pairs long."""
    return _txt("ocr-number.txt", _in_article(f"Sesuai Peraturan Daerah Nomor {'1O' * n} Tahun 2020."))


def _page_end(run: str, n: int) -> str:
    body, closing = _split_closing(base_text())
    cut = body.index("Pasal 3")
    lampiran = f"\fLAMPIRAN\nPERATURAN WALI KOTA BANYUASRI\nNOMOR 18 TAHUN 2022\nDaftar isi {run * n}\nBagian satu {run * n}x\n"
    return body[:cut] + f"Pasal 3 {run * n}\n\f" + body[cut:] + closing + lampiran


def dots(n: int) -> tuple[str, bytes]:
    """A run of ``n`` dots at a page end and in the Lampiran (table-of-contents leaders)."""
    return _txt("dots.txt", _page_end(".", n))


def spaced_dots(n: int) -> tuple[str, bytes]:
    return _txt("spaced-dots.txt", _page_end(". ", n))


def underscores(n: int) -> tuple[str, bytes]:
    return _txt("underscores.txt", _page_end("_", n))


def ellipses(n: int) -> tuple[str, bytes]:
    return _txt("ellipses.txt", _page_end("…", n))


def date_junk(n: int) -> tuple[str, bytes]:
    """``pada tanggal`` followed by one junk word of ``n`` characters (digits, O, l, letters)."""
    body, closing = _split_closing(base_text())
    junk = ("1Ol" * n)[:n]
    closing = closing.replace("pada tanggal", f"pada tanggal {junk}", 1)
    return _txt("date-junk.txt", body + closing)


def form_feeds(n: int) -> tuple[str, bytes]:
    """``n`` page breaks (form feeds) after the sample."""
    return _txt("form-feeds.txt", base_text() + "\f" * n)


def pasal_headings(n: int) -> tuple[str, bytes]:
    """``n`` more "Pasal N" headings, each with one sentence, in the last BAB."""
    articles = "".join(f"Pasal {k}\nKetentuan ini berlaku.\n\n" for k in range(1000, 1000 + n))
    return _txt("pasal-headings.txt", _in_article(articles))


def duplicate_headings(n: int) -> tuple[str, bytes]:
    """``n`` headings that all repeat one article number (each a ``duplicate-article``)."""
    return _txt("duplicate-headings.txt", _in_article("Pasal 999\nKetentuan ini berlaku.\n\n" * n))


def plain_text(n: int) -> tuple[str, bytes]:
    """About ``n`` bytes of ordinary regulation text: the sample's articles repeated."""
    body, closing = _split_closing(base_text())
    start = body.index("BAB I\n")
    block = body[start:]
    copies = max(1, n // len(block.encode("utf-8")))
    return _txt("plain.txt", body + block * (copies - 1) + closing)


def item_nesting(n: int) -> tuple[str, bytes]:
    """One Pasal with ``n`` lines alternating lettered and numbered items (``a.``, ``1.``)."""
    lines = "\n".join(f"{'a' if k % 2 else '1'}. butir {k};" for k in range(n))
    return _txt("item-nesting.txt", _in_article(f"Ketentuan berikut:\n{lines}"))


def pdf_magic_in_txt(n: int = 0) -> tuple[str, bytes]:
    """A plain text that mentions "%PDF-" in its first kilobyte (not at the start)."""
    text = base_text()
    return _txt("mentions-pdf.txt", text[:200] + "\nberkas %PDF-1.7 terlampir\n" + text[200:])


# --- PDFs ---------------------------------------------------------------------------------


def _page_objects(pages: list[bytes], content_of: Callable[[int], bytes] | None = None) -> list[bytes]:
    """Catalog, page tree and the given page dictionaries (``{kids}`` numbering done here)."""
    count = len(pages)
    kids = " ".join(f"{3 + i} 0 R" for i in range(count))
    return [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
            *pages]


def empty_pages(n: int) -> tuple[str, bytes]:
    """``n`` empty pages sharing one empty content stream (tiny file, many pages)."""
    content = 3 + n
    page = f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R >>".encode()
    objects = _page_objects([page] * n) + [b"<< /Length 0 >>\nstream\n\nendstream"]
    return "empty-pages.pdf", serialise(objects)


def text_pages(n: int) -> tuple[str, bytes]:
    """``n`` pages, each with a line of text (``Pasal k``)."""
    return "text-pages.pdf", tiny_pdf([[(72, 760, f"Pasal {k + 1}"), (72, 740, "Ketentuan ini berlaku.")]
                                       for k in range(n)])


def _deflated(chunk: bytes, times: int) -> bytes:
    packer = zlib.compressobj(9)
    block = chunk * max(1, 1_000_000 // len(chunk))
    out, left = [], times
    while left > 0:
        take = min(left, len(block) // len(chunk))
        out.append(packer.compress(block[: take * len(chunk)]))
        left -= take
    out.append(packer.flush())
    return b"".join(out)


def _one_page(contents: str, extra: list[bytes], media: str = "0 0 595 842", more: str = "") -> bytes:
    font = 4 + len(extra)
    page = (f"<< /Type /Page /Parent 2 0 R /MediaBox [{media}] {more} /Resources << /Font << /F1 {font} 0 R >> >> "
            f"/Contents {contents} >>").encode()
    return serialise(_page_objects([page]) + extra + [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def _stream(data: bytes, deflated: bool = False) -> bytes:
    flate = b"/Filter /FlateDecode " if deflated else b""
    return b"<< %s/Length %d >>\nstream\n%s\nendstream" % (flate, len(data), data)


def q_bomb(n: int) -> tuple[str, bytes]:
    """One page whose (deflated) content stream repeats ``q Q`` ``n`` times before a line of text."""
    packed = _deflated(b"q Q ", n)
    tail = _stream(b"BT /F1 11 Tf 72 760 Td (Pasal 1) Tj ET")
    return "q-bomb.pdf", _one_page("[4 0 R 5 0 R]", [_stream(packed, deflated=True), tail])


def content_array(n: int) -> tuple[str, bytes]:
    """One page whose /Contents array names the same 200 kB stream ``n`` times."""
    packed = _deflated(b"0 0 m 1 1 l S ", 15_000)
    refs = " ".join(["4 0 R"] * n)
    return "content-array.pdf", _one_page(f"[{refs}]", [_stream(packed, deflated=True)])


def huge_mediabox(n: int) -> tuple[str, bytes]:
    """A page without text whose MediaBox is ``n`` points square (PDF allows 14 400)."""
    draw = _stream(b"0 0 m 100 100 l S")
    return "huge-mediabox.pdf", _one_page("4 0 R", [draw], media=f"0 0 {n} {n}")


def cropbox_outside(n: int = 0) -> tuple[str, bytes]:
    """A page without text whose CropBox lies outside its MediaBox."""
    draw = _stream(b"0 0 m 100 100 l S")
    return "cropbox-outside.pdf", _one_page("4 0 R", [draw], more="/CropBox [10000 10000 10600 10842]")


# --- DOCX ---------------------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bytes(paragraphs: list[str], repeat_last: int = 1) -> bytes:
    """A minimal DOCX of ``paragraphs``; the last one repeated ``repeat_last`` times (streamed,
    so a bomb of hundreds of megabytes is built without holding it)."""
    def para(text: str) -> bytes:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>'.encode())
            for text in paragraphs[:-1]:
                part.write(para(text))
            last = para(paragraphs[-1]) * 1000
            for left in range(repeat_last, 0, -1000):
                part.write(last if left >= 1000 else para(paragraphs[-1]) * left)
            part.write(b"</w:body></w:document>")
    return out.getvalue()


def _sample_paragraphs() -> list[str]:
    from xml.sax.saxutils import escape

    return [escape(line) for line in base_text().splitlines() if line.strip()]


def docx_bomb(n: int) -> tuple[str, bytes]:
    """A DOCX whose document.xml inflates to about ``n`` bytes (one paragraph repeated)."""
    paragraphs = _sample_paragraphs() + ["Ketentuan ini berlaku."]
    return "bomb.docx", docx_bytes(paragraphs, repeat_last=max(1, n // 60))


def docx_bad_crc(n: int = 0) -> tuple[str, bytes]:
    """The sample as DOCX with one byte of document.xml's compressed data flipped."""
    data = bytearray(docx_bytes(_sample_paragraphs()))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    return "bad-crc.docx", bytes(data)


@dataclass(frozen=True)
class Shape:
    name: str
    make: Callable[[int], tuple[str, bytes]]
    issue_size: int  # the size issue 12 measured
    small: int  # a size for the fuzz tests
    scales: bool = True  # work should grow linearly with n


SHAPES = [
    Shape("ocr-number", ocr_number, 34, 34),
    Shape("dots", dots, 100_000, 2_000),
    Shape("spaced-dots", spaced_dots, 50_000, 1_000),
    Shape("underscores", underscores, 100_000, 2_000),
    Shape("ellipses", ellipses, 100_000, 2_000),
    Shape("date-junk", date_junk, 100_000, 2_000),
    Shape("form-feeds", form_feeds, 100_000, 2_000),
    Shape("pasal-headings", pasal_headings, 40_000, 400),
    Shape("duplicate-headings", duplicate_headings, 40_000, 400),
    Shape("plain-text", plain_text, 10_000_000, 100_000),
    Shape("item-nesting", item_nesting, 500, 500),
    Shape("pdf-magic-in-txt", pdf_magic_in_txt, 0, 0, scales=False),
    Shape("empty-pages", empty_pages, 10_000, 200),
    Shape("many-pages", empty_pages, 100_000, 200),
    Shape("q-bomb", q_bomb, 200_000_000, 100_000),
    Shape("content-array", content_array, 5_000, 5),
    Shape("huge-mediabox", huge_mediabox, 2_000_000, 2_000_000, scales=False),
    Shape("max-mediabox", huge_mediabox, 14_400_000, 14_400_000, scales=False),
    Shape("cropbox-outside", cropbox_outside, 0, 0, scales=False),
    Shape("docx-bomb", docx_bomb, 300_000_000, 1_000_000),
    Shape("docx-bad-crc", docx_bad_crc, 0, 0, scales=False),
]
