"""Read a file into pages of text lines (PDF text layer, DOCX, TXT).

The format is decided by the file's content (magic bytes), not its name; a
name that promises another format is an error, not a guess. Every failure is
a one-line ``ComplianceError``. PDF pages are rebuilt in reading order
(``pdf_lines``) inside a worker process that can abandon a hung page
(``pdf_reader``); pages without a text layer are read by OCR (``ocr``) unless
``ocr="never"``. DOCX gives a single page, TXT one per form feed. Every file is
read within ``compliance.limits`` (time, pages, unpacked bytes, characters).
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Iterable

from compliance.errors import ComplianceError
from compliance.limits import MB, Deadline, Limits, OutOfTime, exceeded
from compliance.models import Page, Source, Warning_

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc (and .xls, .ppt)
_ZIP = b"PK\x03\x04"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# A well-formed UTF-8 multi-byte sequence: if the bytes hold one, they are
# UTF-8 with an error, and reading them as cp1252 would garble the good part.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
# Fallback for text that is not UTF-8: Windows' Western code page, the usual
# legacy encoding of Indonesian text (a superset of latin-1's printable range).
LEGACY_ENCODING = "cp1252"
OCR_MODES = ("auto", "always", "never")


@dataclass
class Extracted:
    """A file's identity, its pages of text, and what a reviewer should know (skipped pages ...)."""

    source: Source
    pages: list[Page]
    warnings: list[Warning_] = field(default_factory=list)


def extract(path: Path, *, page_timeout: float | None = None, ocr: str = "auto",
            limits: Limits | None = None) -> Extracted:
    """Read ``path`` into pages within ``limits`` (default: ``config.limits()``, the user's
    ``[limits]``); ``page_timeout``, when given, bounds the seconds spent on one PDF page.

    ``ocr``: ``auto`` reads PDF pages without text by OCR, ``always`` reads every
    page by OCR (for a text layer too garbled to use), ``never`` does no OCR.
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
    if limits is None:
        from compliance.config import limits as configured

        limits = configured()
    if page_timeout is not None:
        limits = dataclasses.replace(limits, page_timeout=page_timeout)
    name = str(path)
    data = _read_bytes(path, limits)
    kind = sniff(data, path)
    warnings: list[Warning_] = []
    ocr_done: list[int] = []
    digest = _Digest(data)
    if kind == "pdf":
        try:
            pages, warnings, ocr_done = _read_pdf(path, data, ocr, limits, digest)
        except OutOfTime:
            raise ComplianceError("limit-document-time", file=name, limit=f"{limits.document_timeout:g}") from None
    elif kind == "docx":
        from compliance.docx_text import read_docx

        lines, approximated = read_docx(data, name, limits)
        pages = [Page(1, "\n".join(lines))]
        if approximated:
            warnings.append(Warning_("docx-numbering-approximated", detail=str(approximated)))
    else:
        _check_size(name, len(data) // 4, limits)  # no text has fewer characters than a quarter of its bytes
        text, warnings = decode_text(data, name)
        # A form feed is a page break in text exported from PDF or Word (pdftotext writes one
        # per page): keep the pages, so page numbers and running headers are seen as such.
        pages = [Page(i + 1, chunk) for i, chunk in enumerate(text.split("\f"))]
    _check_size(name, sum(len(page.text) for page in pages), limits)
    source = Source(path.name, digest.hexdigest(), len(pages), ocr_pages=ocr_done)
    return Extracted(source, pages, warnings)


class _Digest:
    """The SHA-256 of a file's bytes, computed once, when there is time: for a PDF while the
    reader worker reads it (a call), so on two cores it takes no time of its own."""

    def __init__(self, data: bytes) -> None:
        self._data: bytes | None = data
        self._hex = ""

    def __call__(self) -> None:
        if self._data is not None:
            self._hex, self._data = hashlib.sha256(self._data).hexdigest(), None

    def hexdigest(self) -> str:
        self()
        return self._hex


def _read_pdf(path: Path, data: bytes, ocr: str, limits: Limits,
              digest: _Digest) -> tuple[list[Page], list[Warning_], list[int]]:
    """The PDF's pages (text layer, then OCR), its warnings and the pages read by OCR."""
    from compliance.pdf_reader import read_pages

    deadline = Deadline(limits.document_timeout)
    pages, warnings, scans = read_pages(data, str(path), limits, deadline, while_reading=digest)
    ocr_tried = pages_to_ocr(pages, warnings, ocr, scans)
    ocr_done = _apply_ocr(path, pages, warnings, ocr_tried, ocr, limits, deadline)
    warnings += _blank_page_warnings(pages, warnings, str(path), set(scans) - set(ocr_done), ocr_tried)
    return pages, warnings, ocr_done


def _check_size(name: str, chars: int, limits: Limits) -> None:
    if exceeded(limits.max_text_chars, chars):
        raise ComplianceError("limit-text", file=name, limit=f"{limits.max_text_chars:,}".replace(",", "."))


def check_file_size(path: Path, limits: Limits) -> None:
    """Refuse a file larger than ``max_file_bytes`` before a byte of it is read (a batch
    calls this before hashing, ``extract`` before reading)."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it says what is wrong, in its own words
    if path.is_file() and exceeded(limits.max_file_bytes, size):
        raise ComplianceError("limit-file", file=str(path), size=_megabytes(size), limit=_megabytes(limits.max_file_bytes))


def _megabytes(size: int) -> str:
    """Whole megabytes from 10 MB on (every real bound), two decimals below (so a small bound never reads 0)."""
    return f"{size / MB:,.0f}" if size >= 10 * MB else f"{size / MB:.2f}"


def _read_bytes(path: Path, limits: Limits) -> bytes:
    name = str(path)
    if not path.exists():
        raise ComplianceError("file-not-found", file=name)
    if path.is_dir():
        raise ComplianceError("file-is-directory", file=name)
    check_file_size(path, limits)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ComplianceError("file-unreadable", file=name, reason=exc.strerror or str(exc)) from None
    if not data:
        raise ComplianceError("file-empty", file=name)
    return data


def sniff(data: bytes, path: Path) -> str:
    """``pdf``, ``docx`` or ``txt`` from the content; raise when it is none of them."""
    name, suffix = str(path), path.suffix.lower()
    if data.startswith(b"%PDF-") or (b"%PDF-" in data[:1024] and (suffix == ".pdf" or b"%%EOF" in data[-2048:])):
        # the spec tolerates junk before the header; a text that merely mentions "%PDF-" near
        # its start is no PDF unless it also ends like one (or is named one)
        return "pdf"
    if data.startswith(_ZIP) and (suffix == ".docx" or _holds_word_document(data)):
        return "docx"
    if data.startswith(_OLE2):
        raise ComplianceError("doc-legacy", file=name)
    if suffix in (".pdf", ".docx"):
        raise ComplianceError("format-mismatch", file=name, suffix=suffix, kind=suffix[1:].upper())
    if data.startswith(_ZIP) or (b"\x00" in data[:8192] and not data.startswith(_UTF16_BOMS)):
        raise ComplianceError("format-unknown", file=name)
    return "txt"


def _holds_word_document(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def decode_text(data: bytes, name: str) -> tuple[str, list[Warning_]]:
    """UTF-8 (BOM or not) or BOM-marked UTF-16; else cp1252 with a warning, unless the
    bytes hold valid UTF-8 sequences (then it is damaged UTF-8 and we refuse)."""
    warnings: list[Warning_] = []
    try:
        if data.startswith(_UTF16_BOMS):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if data.startswith(_UTF16_BOMS) or _UTF8_MULTIBYTE.search(data):
            raise ComplianceError("text-encoding", file=name, position=exc.start) from None
        try:
            text = data.decode(LEGACY_ENCODING)
        except UnicodeDecodeError as exc2:
            raise ComplianceError("text-encoding", file=name, position=exc2.start) from None
        warnings.append(Warning_("text-encoding-guessed", detail=LEGACY_ENCODING))
    return _text_lines(text), warnings


def _text_lines(text: str) -> str:
    """Unify line ends (CRLF, CR, vertical tab) and collapse spaces inside lines; keep blank
    lines, and form feeds (page breaks) as a bare ``\\f`` between pages."""
    text = text.replace("\u00ad", "")  # soft hyphen: an invisible break hint in plain text
    return "\f".join(_page_lines(page) for page in text.split("\f"))


def _page_lines(text: str) -> str:
    lines = re.split(r"\r\n|[\r\n\v\u2028\u2029]", text)
    return "\n".join(" ".join(line.split()) for line in lines).strip("\n")


def pages_without_text(pages: list[Page]) -> list[int]:
    """Numbers of pages with no text layer: the pages an OCR pass would read."""
    return [page.number for page in pages if not page.text.strip()]


def pages_to_ocr(pages: list[Page], warnings: list[Warning_], mode: str, scans: Iterable[int] = ()) -> list[int]:
    """The pages ``mode`` sends to OCR: in ``auto``, pages without text and ``scans`` (pictures
    of a page under a stamp-only text layer); pages abandoned by the reader are not retried."""
    if mode == "always":
        return [page.number for page in pages]
    if mode == "auto":
        lost = _lost_pages(warnings)
        return sorted(n for n in set(pages_without_text(pages)) | set(scans) if n not in lost)
    return []


def _apply_ocr(path: Path, pages: list[Page], warnings: list[Warning_], wanted: list[int], mode: str,
               limits: Limits, deadline: Deadline) -> list[int]:
    """Replace the text of the ``wanted`` pages by OCR; return the numbers of the pages read so."""
    if not wanted:
        return []
    from compliance.ocr import ocr_pages

    failures: dict[int, str] = {}
    reduced: dict[int, int] = {}
    try:
        texts = ocr_pages(path, wanted, failures=failures, reduced=reduced, limits=limits, deadline=deadline)
    except ComplianceError as exc:
        if exc.code != "ocr-unavailable" or mode == "always" or len(wanted) == len(pages):
            raise
        warnings.append(Warning_("ocr-skipped", detail=str(exc.params.get("reason", ""))))
        return []
    for number, reason in sorted(failures.items()):
        warnings.append(Warning_("ocr-failed", detail=reason, page=number))
    for number, dpi in sorted(reduced.items()):
        warnings.append(Warning_("ocr-page-reduced", detail=str(dpi), page=number))
    done = []
    for page in pages:
        if texts.get(page.number, "").strip():
            page.text, page.ocr = texts[page.number], True
            done.append(page.number)
    return done


def _lost_pages(warnings: list[Warning_]) -> set[int | None]:
    return {w.page for w in warnings if w.code in ("page-timeout", "page-unreadable", "page-memory")}


def _blank_page_warnings(pages: list[Page], warnings: list[Warning_], name: str,
                         unread_scans: set[int], ocr_tried: list[int]) -> list[Warning_]:
    """A PDF with no text anywhere is a scan (error: OCR is needed, or it read nothing); blank
    pages among text pages are flagged, and so are scans whose words stayed in the picture
    (only a stamp or watermark was read)."""
    lost = _lost_pages(warnings)
    blank = sorted(n for n in set(pages_without_text(pages)) | unread_scans if n not in lost)
    if blank and len(blank) == len(pages):
        failed = [w for w in warnings if w.code == "ocr-failed"]
        if failed:
            raise ComplianceError("ocr-all-failed", file=name, page=failed[0].page, reason=failed[0].detail)
        raise ComplianceError("ocr-no-text" if set(blank) <= set(ocr_tried) else "pdf-no-text", file=name)
    return [Warning_("page-no-text", page=n) for n in blank]
