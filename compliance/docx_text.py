"""Read a DOCX body in document order: paragraphs and tables, as text lines.

Regional drafts often set Menimbang/Mengingat as a table: a short label cell
(and sometimes a ":" cell), then a cell holding the items. Such a row becomes
"Menimbang : a. bahwa ..." followed by the item cell's other paragraphs, the
same lines a PDF of the draft would give. Nothing is added that the document
does not show (no ":" is invented). python-docx gives a paragraph's typed
text only; the labels of Word's automatic numbering ("a.", "1.", "(1)") are
rendered by ``docx_numbering`` and put before the text, as Word shows them.
A DOCX is a zip: its unpacked size is checked against ``compliance.limits`` before
anything is unpacked (a zip bomb), and a damaged part is reported as a damaged DOCX.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from io import BytesIO

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml.etree import XMLSyntaxError

from compliance.docx_numbering import Numbering
from compliance.errors import ComplianceError
from compliance.limits import MB, Limits, exceeded

# A leading cell at most this long, on one line, is a label ("Menimbang", ":").
LABEL_MAX_CHARS = 40

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_SDT, _SDT_CONTENT = qn("w:sdt"), qn("w:sdtContent")


# What a damaged zip or part raises while python-docx unpacks it (a flipped CRC, cut-off
# deflate data, an unsupported compression method, an encrypted entry).
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, PackageNotFoundError,
            KeyError, ValueError, XMLSyntaxError)


def read_docx(data: bytes, name: str, limits: Limits | None = None) -> tuple[list[str], int]:
    """The body's lines in order, and how many numbering labels were approximated
    (a number format we do not render, shown as decimal)."""
    check_unpacked_size(data, name, limits or Limits())
    try:
        document = Document(BytesIO(data))
        body = document.element.body
        numbering = Numbering(document)
    except _DAMAGED as exc:
        raise ComplianceError("docx-corrupt", file=name, reason=_reason(exc)) from None
    return _block_lines(body, numbering), numbering.approximated


def check_unpacked_size(data: bytes, name: str, limits: Limits) -> None:
    """Refuse a DOCX whose parts would unpack past the limits. The sizes are those the zip
    declares; unpacking never yields more than declared (zipfile stops there and a lie
    fails the CRC check), so the declared sizes bound the work."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise ComplianceError("docx-corrupt", file=name, reason=_reason(exc)) from None
    total = sum(entry.file_size for entry in entries)
    xml = sum(entry.file_size for entry in entries if entry.filename.lower().endswith((".xml", ".rels")))
    for size, limit in ((total, limits.max_docx_bytes), (xml, limits.max_docx_xml_bytes)):
        if exceeded(limit, size):
            raise ComplianceError("limit-docx", file=name, size=f"{size / MB:,.0f}", limit=f"{limit / MB:,.0f}")


def _reason(exc: Exception) -> str:
    """A reason token (``compliance.reasons``) for the usual damage, else the library's words."""
    text = (str(exc).splitlines() or [""])[0]
    if isinstance(exc, zipfile.BadZipFile):
        return "not-zip" if "not a zip file" in text else f"zip-damaged:{text}"
    if isinstance(exc, KeyError) and (part := re.search(r"'([^']+)'", text)):
        return f"docx-part-missing:{part.group(1)}"
    if isinstance(exc, XMLSyntaxError):
        return f"xml-invalid:{text}"
    return f"{type(exc).__name__}: {text}"


def _block_lines(container, numbering: Numbering) -> list[str]:
    """Lines of the paragraphs and tables directly inside ``container``, in order."""
    lines: list[str] = []
    for child in container.iterchildren():
        if child.tag == _P:
            text = _paragraph_text(child, numbering)
            if text:
                lines.extend(text.split("\n"))
        elif child.tag == _TBL:
            for row in child.iterchildren(_TR):
                lines.extend(_row_lines(row, numbering))
        elif child.tag == _SDT:  # a content control wraps ordinary paragraphs and tables
            for content in child.iterchildren(_SDT_CONTENT):
                lines.extend(_block_lines(content, numbering))
    return [line for line in lines if line]


def _row_lines(row, numbering: Numbering) -> list[str]:
    """A table row: leading short label cells prefix the first line of the next cell."""
    cells = [_block_lines(cell, numbering) for cell in row.iterchildren(_TC)]
    cells = [c for c in cells if c]
    labels: list[str] = []
    while cells and len(cells[0]) == 1 and len(cells[0][0]) <= LABEL_MAX_CHARS:
        labels.append(cells.pop(0)[0])
    if not cells:
        return [" ".join(labels)] if labels else []
    first, *rest = cells
    lines = [" ".join([*labels, first[0]]), *first[1:]]
    for cell in rest:
        lines.extend(cell)
    return lines


def _paragraph_text(paragraph, numbering: Numbering) -> str:
    """A paragraph as Word shows it: numbering label, runs, tabs as spaces, breaks as new lines."""
    parts: list[str] = [numbering.label(paragraph), " "]
    for node in paragraph.iter(_T, _TAB, _BR, _CR):
        if node.tag == _T:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append(" ")
        else:
            parts.append("\n")
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n")).strip("\n")
