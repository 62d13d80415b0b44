"""compliance: check Indonesian regional e-government regulations against Perpres 95/2018.

The library is the product; the ``compliance`` CLI is a thin shell over it::

    import compliance
    reg = compliance.load("perbup.pdf")
    reg.to_dict()
"""

from __future__ import annotations

from pathlib import Path

from compliance.errors import ComplianceError
from compliance.limits import Limits
from compliance.models import Regulation

__version__ = "0.1.0"
__all__ = ["ComplianceError", "Regulation", "load", "__version__"]


def load(path: str | Path, *, page_timeout: float | None = None, ocr: str = "auto",
         limits: Limits | None = None) -> Regulation:
    """Read a regulation (PDF, DOCX or TXT) and parse it into its legal structure.

    ``ocr``: ``auto`` OCRs PDF pages without text, ``always`` every page, ``never`` none.
    ``limits``: bounds on time, pages, size and memory (default: ``[limits]`` of the
    config file, else ``compliance.limits.Limits()``); ``page_timeout`` overrides one."""
    from compliance.clean import clean
    from compliance.extract import extract
    from compliance.parse import parse
    from compliance.cite import add_reference_warnings

    extracted = extract(Path(path), page_timeout=page_timeout, ocr=ocr, limits=limits)
    lines = clean(extracted.pages)
    regulation = parse(lines, extracted.source)
    regulation.warnings[:0] = extracted.warnings
    add_reference_warnings(regulation)  # finds its citations (kept with it) and flags references to nowhere
    return regulation
