"""Read a file into pages of raw text (PDF text layer, DOCX, TXT).

v0: pypdfium2 text in stream order. To be replaced by position-ordered lines.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from compliance.errors import ComplianceError
from compliance.models import Page, Source, Warning_


@dataclass
class Extracted:
    source: Source
    pages: list[Page]
    warnings: list[Warning_] = field(default_factory=list)


def extract(path: Path, *, page_timeout: float = 60.0) -> Extracted:
    if not path.exists():
        raise ComplianceError("file-not-found", file=str(path))
    data = path.read_bytes()
    if not data:
        raise ComplianceError("file-empty", file=str(path))
    sha = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        pages = [Page(i + 1, pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    else:
        text = data.decode("utf-8")
        pages = [Page(1, text)]
    return Extracted(Source(path.name, sha, len(pages)), pages)
