"""Read a DOCX body in document order: paragraphs and tables, as text lines.

Regional drafts often set Menimbang/Mengingat as a table: a short label cell
(and sometimes a ":" cell), then a cell holding the items. Such a row becomes
"Menimbang : a. bahwa ..." followed by the item cell's other paragraphs, the
same lines a PDF of the draft would give. Nothing is added that the document
does not contain (no ":" is invented).

python-docx gives a paragraph's typed text only: labels produced by Word's
automatic numbering ("a.", "1.") live in numbering.xml and are not rendered
here; ``read_docx`` reports how many paragraphs carry such numbering.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml.etree import XMLSyntaxError

from compliance.errors import ComplianceError

# A leading cell at most this long, on one line, is a label ("Menimbang", ":").
LABEL_MAX_CHARS = 40

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_NUMPR, _SDT, _SDT_CONTENT = qn("w:numPr"), qn("w:sdt"), qn("w:sdtContent")
_PPR, _PSTYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")


def read_docx(data: bytes, name: str) -> tuple[list[str], int]:
    """The body's lines in order and the number of auto-numbered paragraphs."""
    try:
        document = Document(BytesIO(data))
        body = document.element.body
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, XMLSyntaxError) as exc:
        raise ComplianceError("docx-corrupt", file=name, reason=_reason(exc)) from None
    numbered_styles = _numbered_styles(document)
    numbered = sum(1 for p in body.iter(_P) if _is_numbered(p, numbered_styles))
    return _block_lines(body), numbered


def _is_numbered(paragraph, numbered_styles: set[str]) -> bool:
    ppr = paragraph.find(_PPR)
    if ppr is None:
        return False
    style = ppr.find(_PSTYLE)
    return ppr.find(_NUMPR) is not None or (style is not None and style.get(_VAL) in numbered_styles)


def _numbered_styles(document) -> set[str]:
    """Ids of paragraph styles that number their paragraphs, directly or through ``basedOn``."""
    own, parent = {}, {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        ppr = style.find(_PPR)
        own[style_id] = ppr is not None and ppr.find(_NUMPR) is not None
        based_on = style.find(qn("w:basedOn"))
        parent[style_id] = based_on.get(_VAL) if based_on is not None else None
    numbered = set()
    for style_id in own:
        seen, current = set(), style_id
        while current and current not in seen:
            if own.get(current):
                numbered.add(style_id)
                break
            seen.add(current)
            current = parent.get(current)
    return numbered


def _reason(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


def _block_lines(container) -> list[str]:
    """Lines of the paragraphs and tables directly inside ``container``, in order."""
    lines: list[str] = []
    for child in container.iterchildren():
        if child.tag == _P:
            text = _paragraph_text(child)
            if text:
                lines.extend(text.split("\n"))
        elif child.tag == _TBL:
            for row in child.iterchildren(_TR):
                lines.extend(_row_lines(row))
        elif child.tag == _SDT:  # a content control wraps ordinary paragraphs and tables
            for content in child.iterchildren(_SDT_CONTENT):
                lines.extend(_block_lines(content))
    return [line for line in lines if line]


def _row_lines(row) -> list[str]:
    """A table row: leading short label cells prefix the first line of the next cell."""
    cells = [_block_lines(cell) for cell in row.iterchildren(_TC)]
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


def _paragraph_text(paragraph) -> str:
    """Typed text of a paragraph: runs, tabs as spaces, line breaks as new lines."""
    parts: list[str] = []
    for node in paragraph.iter(_T, _TAB, _BR, _CR):
        if node.tag == _T:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append(" ")
        else:
            parts.append("\n")
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n"))
