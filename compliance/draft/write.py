"""Write a draft as a Word document a drafter edits (python-docx), Markdown or plain text.

DOCX uses named paragraph styles (Judul, Pasal, Isi) built on Word's own, so a drafter
restyles the whole draft at once; text is set as runs, never as markup, so nothing from
the regulation can inject Word XML. Markdown escapes every line.
"""

from __future__ import annotations

import io
import re

from compliance.draft.amend import Draft
from compliance.markers import markers

FORMATS = ("docx", "md", "txt")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def render(draft: Draft, fmt: str) -> str | bytes:
    if fmt == "docx":
        return to_docx(draft)
    if fmt == "md":
        return to_markdown(draft)
    return draft.text()


def to_markdown(draft: Draft) -> str:
    from compliance.outline import md_escape

    out = []
    for line in draft.text().splitlines():
        if not line.strip():
            out.append("")
        elif markers().draft_pasal_heading.match(line.strip()):
            out.append(f"### {md_escape(line.strip())}")
        else:
            out.append(md_escape(line) + "  ")
    return "\n".join(out).rstrip() + "\n"


def to_docx(draft: Draft) -> bytes:
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    styles = doc.styles
    for name, align, bold in (("Judul", WD_ALIGN_PARAGRAPH.CENTER, True), ("Pasal", WD_ALIGN_PARAGRAPH.CENTER, False),
                              ("Isi", WD_ALIGN_PARAGRAPH.JUSTIFY, False)):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.name = "Bookman Old Style"
        style.font.size = Pt(12)
        style.font.bold = bold
        style.paragraph_format.alignment = align
        style.paragraph_format.space_after = Pt(0 if name == "Judul" else 6)
    heading = len(draft.title)
    for i, line in enumerate(draft.text().splitlines()):
        text = _CONTROL.sub("", line)
        if not text.strip():
            continue
        style = "Judul" if i < heading else ("Pasal" if markers().draft_pasal_heading.match(text.strip()) else "Isi")
        doc.add_paragraph(text.strip(), style=style)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
