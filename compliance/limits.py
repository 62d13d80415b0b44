"""Bounds on the work one input file may cause: time, pages, pixels, unpacked bytes, memory.

Files come from anyone (a web upload, a colleague's folder): a 1 KB PDF can ask for a
gigabyte bitmap, a 1 MB DOCX can unpack to 300 MB of XML. Each bound here turns such a
file into one clear error (or a warning for one page) instead of minutes or gigabytes.
The defaults fit every real regulation we know (the longest national law has some 1 200
pages, a regional budget with its annexes a few thousand); change them in
``[limits]`` of ``~/.config/compliance/config.toml`` or pass ``Limits(...)`` to
``compliance.load``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, fields

MB = 1_000_000


@dataclass(frozen=True)
class Limits:
    """What one document may cost; a value of 0 turns that bound off."""

    page_timeout: float = 60.0  # seconds to read (or render, or OCR) one PDF page; past it the page is skipped
    document_timeout: float = 600.0  # seconds to read one whole document, OCR included (a batch's file_timeout)
    max_file_bytes: int = 500 * MB  # bytes of one input file, checked before it is read (it is read whole)
    max_pages: int = 5000  # pages of one PDF
    max_pixels: int = 36_000_000  # pixels of one page image rendered for OCR (an A2 sheet at 300 dpi)
    # characters of text in one document: some 1 700 dense pages, above the longest law (Cipta Kerja);
    # matching costs seconds per million characters, so this also bounds the time of a check
    max_text_chars: int = 5_000_000
    max_docx_bytes: int = 512 * MB  # a DOCX's parts unpacked, pictures included
    max_docx_xml_bytes: int = 100 * MB  # its XML parts unpacked (parsed into memory at ~10x their size)
    reader_memory: int = 1_000 * MB  # address space the PDF reader process may add while reading a page

    @classmethod
    def from_mapping(cls, values: dict) -> "Limits":
        """Limits from a ``[limits]`` table; raises ValueError naming a wrong key or value."""
        known = {f.name: f.type for f in fields(cls)}
        options = {}
        for key, value in values.items():
            if key not in known:
                raise ValueError(f"unknown limit '{key}' (known: {', '.join(sorted(known))})")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ValueError(f"limit '{key}' must be a number >= 0, not {value!r}")
            options[key] = float(value) if known[key] == "float" else int(value)
        return cls(**options)


def exceeded(limit: float, value: float) -> bool:
    """``value`` passes ``limit`` (a limit of 0 is no limit)."""
    return bool(limit) and value > limit


class OutOfTime(Exception):
    """A document's reading passed its ``Deadline`` (``extract`` turns it into a one-line error)."""


class Deadline:
    """The moment a document's reading must end (``document_timeout`` from now; 0 = never)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds if seconds else None

    def left(self) -> float:
        """Seconds left (infinity without a deadline), never below 0."""
        return float("inf") if self.end is None else max(0.0, self.end - time.monotonic())

    def passed(self) -> bool:
        return self.end is not None and time.monotonic() >= self.end

    def check(self) -> None:
        if self.passed():
            raise OutOfTime(self.seconds)

    def bound(self, seconds: float) -> float | None:
        """``seconds`` (one page's timeout, 0 = none) cut to what is left of the document's
        time; None when neither bounds it (wait forever)."""
        left = min(seconds or float("inf"), self.left())
        return None if left == float("inf") else left
