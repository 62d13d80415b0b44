"""Build the sample regulations' DOCX and PDF from their plain-text sources.

``examples/<name>.txt`` is the source of truth; this script lays each one out the way
regional regulations are printed (letterhead, Menimbang/Mengingat label column with
hanging indent, centred BAB/Bagian/Pasal headings, page numbers at the page tops,
signature blocks) and writes ``examples/<name>.docx`` and ``examples/<name>.pdf``.

It is a maintainer tool, not part of the package: it needs fpdf2
(``pip install '.[samples]'``) and the DejaVu fonts (Debian ``fonts-dejavu-core``).
The generated files are committed, so users and CI never run it. The output is
deterministic (fixed dates, fixed zip timestamps): re-running gives identical bytes.

    python scripts/build_samples.py            # all samples
    python scripts/build_samples.py NAME ...   # some of them
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]

# Per-sample print details that real regional PDFs vary in.
STYLES = {
    "perbup-sukamaju-2016-egov": {"page_number": "- {n} -", "running_header": None, "catchwords": True},
    "perwal-tirtaraya-2017-tik": {"page_number": "- {n} -", "running_header": "WALIKOTA TIRTARAYA", "catchwords": False},
    "perwal-banyuasri-2022-spbe": {"page_number": "-{n}-", "running_header": None, "catchwords": False},
}

# --- the source text as blocks ---------------------------------------------------------

_ITEM = re.compile(r"^([a-z]|\d{1,2})\.\s+(.*)$")
_AYAT = re.compile(r"^(\(\d+\))\s+(.*)$")
_LABEL = re.compile(r"^(Menimbang|Mengingat|Menetapkan)\s*:\s*(.*)$")
_DATE = re.compile(r"pada tanggal (\d{1,2}) (\w+) (\d{4})")
_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"]


@dataclass
class Block:
    """One printed unit. ``kind`` decides the layout; ``level`` is the indent depth of items."""

    kind: str  # notice letterhead title gap label item ayat pasal heading para closing berita
    text: str = ""
    label: str = ""
    level: int = 0
    lines: list[str] = field(default_factory=list)


def read_blocks(text: str) -> list[Block]:
    """Split the typed source into layout blocks (the format these samples are written in)."""
    lines = text.splitlines()
    blocks: list[Block] = [Block("notice", lines[0])]
    i, n = 1, len(lines)
    letterhead_left = 2
    section = "header"  # header | label | body | closing
    in_ayat = False
    while i < n:
        line = lines[i].strip()
        i += 1
        if not line and section == "closing":
            continue  # the signature blocks lay out their own spacing
        if not line:
            if blocks[-1].kind != "gap":
                blocks.append(Block("gap"))
            continue
        label = _LABEL.match(line)
        if label:
            section = "label"
            blocks.append(Block("label", label.group(2), label.group(1)))
            continue
        if line == "MEMUTUSKAN:":
            blocks.append(Block("title", line))
            continue
        if section == "header":
            if letterhead_left:
                letterhead_left -= 1
                blocks.append(Block("letterhead", line))
            else:
                blocks.append(Block("title", line))
            continue
        if line.startswith("Ditetapkan di"):
            section = "closing"
            blocks.append(Block("closing", lines=[line]))
            continue
        if section == "closing":
            if line.startswith("BERITA DAERAH") or line.startswith("LEMBARAN DAERAH"):
                blocks.append(Block("berita", line))
            elif line.startswith("Diundangkan di"):
                blocks.append(Block("closing", lines=[line]))
            else:
                blocks[-1].lines.append(line)
            continue
        if section == "label":
            item = _ITEM.match(line)
            if item and blocks[-1].kind in ("label", "item", "gap"):
                blocks.append(Block("item", item.group(2), item.group(1) + ".", 0))
                continue
            section = "body"
        # body
        if re.fullmatch(r"(BAB [IVXLC]+|Bagian \w+|Paragraf \d+)", line):
            title = lines[i].strip()
            i += 1
            blocks.append(Block("heading", title, line))
            continue
        if re.fullmatch(r"Pasal \d+[A-Z]?", line):
            blocks.append(Block("pasal", line))
            in_ayat = False
            continue
        ayat = _AYAT.match(line)
        if ayat:
            in_ayat = True
            blocks.append(Block("ayat", ayat.group(2), ayat.group(1)))
            continue
        item = _ITEM.match(line)
        if item:
            blocks.append(Block("item", item.group(2), item.group(1) + ".", 2 if in_ayat else 1))
            continue
        blocks.append(Block("para", line))
    while blocks[-1].kind == "gap":
        blocks.pop()
    return blocks


def iso_date(text: str) -> datetime:
    m = _DATE.search(text)
    if not m:
        raise SystemExit(f"no 'pada tanggal' date in: {text!r}")
    return datetime(int(m.group(3)), _MONTHS.index(m.group(2)) + 1, int(m.group(1)), 9, 0, 0, tzinfo=timezone.utc)


def identity(blocks: list[Block]) -> str:
    """'Peraturan Bupati Sukamaju Nomor 27 Tahun 2016' from the title lines."""
    titles = [b.text for b in blocks if b.kind == "title"]
    return f"{titles[0].title()} {titles[1].title()}"


# --- PDF ---------------------------------------------------------------------------------

MM_LINE = 4.9  # line height
FONT_SIZE = 11
X_LABEL_COLON = 27.0  # Menimbang ":" column
X_LABEL_ITEM = 30.0  # item letter in the label column
X_LABEL_TEXT = 37.0  # item text in the label column
INDENTS = {  # (label x, text x) relative to the left margin
    "ayat": (0.0, 9.0),
    1: (0.0, 8.0),
    2: (9.0, 16.0),
}


def _font_path(name: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return folder / name
    raise SystemExit(f"font {name} not found: install the DejaVu fonts (apt-get install fonts-dejavu-core)")


def _new_pdf(style: dict, catchwords: dict[int, str], ident: str, created: datetime):
    from fpdf import FPDF

    class RegulationPDF(FPDF):
        def header(self) -> None:
            if self.page_no() == 1:
                return
            self.set_font("Serif", "", FONT_SIZE)
            self.set_y(10)
            if style["running_header"]:
                self.set_font("Serif", "B", FONT_SIZE)
                self.cell(0, MM_LINE, style["running_header"], align="C", new_x="LMARGIN", new_y="NEXT")
                self.set_font("Serif", "", FONT_SIZE)
            self.cell(0, MM_LINE, style["page_number"].format(n=self.page_no()), align="C",
                      new_x="LMARGIN", new_y="NEXT")
            self.set_y(self.t_margin)

        def footer(self) -> None:
            word = catchwords.get(self.page_no())
            if word:
                self.set_y(-16)
                self.set_font("Serif", "", FONT_SIZE)
                self.cell(0, MM_LINE, word, align="R")

    pdf = RegulationPDF(format="A4", unit="mm")
    pdf.set_margins(25, 25, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("Serif", "", str(_font_path("DejaVuSerif.ttf")))
    pdf.add_font("Serif", "B", str(_font_path("DejaVuSerif-Bold.ttf")))
    pdf.set_creation_date(created)
    pdf.set_producer("compliance scripts/build_samples.py")
    pdf.set_creator("compliance scripts/build_samples.py")
    pdf.set_title(f"CONTOH FIKTIF - {ident}")
    pdf.set_subject("Dokumen fiktif untuk pengujian compliance; bukan peraturan yang berlaku")
    pdf.set_lang("id")
    return pdf


def _emblem(pdf, cx: float, top: float) -> None:
    """A plain fictional shield where a real letterhead prints the coat of arms (no text)."""
    w, h = 16.0, 19.0
    pdf.set_line_width(0.6)
    pdf.polygon([(cx - w / 2, top), (cx + w / 2, top), (cx + w / 2, top + h * 0.55),
                 (cx, top + h), (cx - w / 2, top + h * 0.55)], style="D")
    pdf.set_line_width(0.3)
    pdf.star(cx, top + h * 0.42, 2.2, 5.0, 5, style="D")


def _room(pdf) -> float:
    return pdf.page_break_trigger - pdf.get_y()


def _lines_needed(pdf, width: float, text: str) -> int:
    return len(pdf.multi_cell(width, MM_LINE, text, dry_run=True, output="LINES"))


def _hanging(pdf, x_label: float, x_text: float, label: str, text: str, *, keep: int = 1) -> None:
    """A label (a., (1), Menimbang) with its text in a hanging-indent column, justified."""
    left = pdf.l_margin
    width = pdf.w - pdf.r_margin - (left + x_text)
    if _room(pdf) < MM_LINE * min(keep, _lines_needed(pdf, width, text)):
        pdf.add_page()
    y = pdf.get_y()
    if label:
        pdf.set_xy(left + x_label, y)
        pdf.cell(x_text - x_label, MM_LINE, label)
    pdf.set_xy(left + x_text, y)
    pdf.multi_cell(width, MM_LINE, text, align="J", new_x="LMARGIN", new_y="NEXT")


def render_pdf(name: str, blocks: list[Block], catchwords: dict[int, str]) -> bytes:
    style = STYLES[name]
    closing = [b for b in blocks if b.kind == "closing"]
    pdf = _new_pdf(style, catchwords, identity(blocks), iso_date(closing[0].lines[1]))
    pdf.add_page()
    pdf.set_y(12)
    pdf.set_font("Serif", "", 8.5)
    pdf.multi_cell(0, 4.5, blocks[0].text, border=1, align="C", new_x="LMARGIN", new_y="NEXT")
    _emblem(pdf, pdf.w / 2, pdf.get_y() + 3)
    pdf.set_y(pdf.get_y() + 25)
    body_font = ("Serif", "", FONT_SIZE)
    previous = None
    for index, block in enumerate(blocks[1:], start=1):
        pdf.set_font(*body_font)
        if block.kind == "gap":
            pdf.ln(MM_LINE * 0.6)
        elif block.kind == "letterhead":
            size = 14 if previous is None else 12
            pdf.set_font("Serif", "B", size)
            pdf.cell(0, MM_LINE + 1, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
        elif block.kind == "title":
            pdf.set_font("Serif", "B", FONT_SIZE + 0.5)
            pdf.multi_cell(0, MM_LINE, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
        elif block.kind == "label":
            if _room(pdf) < MM_LINE * 3:
                pdf.add_page()
            y = pdf.get_y()
            pdf.cell(X_LABEL_COLON, MM_LINE, block.label)
            pdf.cell(X_LABEL_ITEM - X_LABEL_COLON, MM_LINE, ":")
            if block.text:
                pdf.set_xy(pdf.l_margin + X_LABEL_ITEM, y)
                pdf.multi_cell(pdf.w - pdf.r_margin - pdf.l_margin - X_LABEL_ITEM, MM_LINE, block.text,
                               align="J", new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_y(y)  # the first item goes on the label's line
        elif block.kind == "item" and block.level == 0:
            _hanging(pdf, X_LABEL_ITEM, X_LABEL_TEXT, block.label, block.text)
        elif block.kind == "heading":
            # keep a BAB with the Bagian under it and a few lines of text
            nested = next((b.kind for b in blocks[index + 1:] if b.kind != "gap"), None) == "heading"
            if _room(pdf) < MM_LINE * (9 if nested else 6):
                pdf.add_page()
            elif previous is not None and previous.kind != "heading":
                pdf.ln(MM_LINE * 0.5)
            pdf.set_font("Serif", "B", FONT_SIZE)
            pdf.cell(0, MM_LINE, block.label, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.multi_cell(0, MM_LINE, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
        elif block.kind == "pasal":
            if _room(pdf) < MM_LINE * 3.5:
                pdf.add_page()
            else:
                pdf.ln(MM_LINE * 0.3)
            pdf.cell(0, MM_LINE, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
        elif block.kind == "ayat":
            _hanging(pdf, *INDENTS["ayat"], block.label, block.text, keep=2)
        elif block.kind == "item":
            _hanging(pdf, *INDENTS[block.level], block.label, block.text, keep=2)
        elif block.kind == "para":
            _hanging(pdf, 0, 0, "", block.text, keep=2)
        elif block.kind == "closing":
            _closing(pdf, block, first=previous is not None and previous.kind != "closing")
        elif block.kind == "berita":
            if _room(pdf) < MM_LINE * 2:
                pdf.add_page()
            pdf.ln(MM_LINE * 0.6)
            pdf.set_font("Serif", "B", FONT_SIZE)
            pdf.multi_cell(0, MM_LINE, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
        if block.kind != "gap":
            previous = block
    return bytes(pdf.output())


def _closing(pdf, block: Block, *, first: bool) -> None:
    """Signature blocks: 'Ditetapkan' in the right half, 'Diundangkan' at the left, as printed."""
    if _room(pdf) < MM_LINE * (len(block.lines) + 0.6 + (4 if not first else 0)):
        pdf.add_page()
    x = pdf.l_margin + (85 if first else 0)
    pdf.ln(MM_LINE * 0.6)
    for line in block.lines:
        pdf.set_x(x)
        pdf.set_font("Serif", "B" if line.isupper() and line != "ttd." else "", FONT_SIZE)
        pdf.cell(0, MM_LINE, line, new_x="LMARGIN", new_y="NEXT")


def catchwords_from(pdf_bytes: bytes, style: dict) -> dict[int, str]:
    """Words carried to the foot of each page from the next page's first line ('Pasal 5 . . .')."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf_bytes)
    skip = {style["page_number"].format(n=k) for k in range(1, len(doc) + 2)}
    if style["running_header"]:
        skip.add(style["running_header"])
    out: dict[int, str] = {}
    for index in range(1, len(doc)):
        text = doc[index].get_textpage().get_text_range()
        lines = [ln.strip() for ln in text.replace("\r", "").split("\n") if ln.strip() and ln.strip() not in skip]
        words = lines[0].split()
        take = 3 if re.fullmatch(r"\(\d+\)|[a-z]\.|\d+\.|Pasal|BAB|Bagian", words[0]) else 2
        out[index] = " ".join(words[:take]) + " . . ."
    doc.close()
    return out


def build_pdf(name: str, blocks: list[Block]) -> bytes:
    style = STYLES[name]
    data = render_pdf(name, blocks, {})
    if style["catchwords"]:
        data = render_pdf(name, blocks, catchwords_from(data, style))
    return data


# --- DOCX --------------------------------------------------------------------------------


def build_docx(name: str, blocks: list[Block]) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    created = iso_date([b for b in blocks if b.kind == "closing"][0].lines[1])
    props = doc.core_properties
    props.author = "compliance (contoh fiktif)"
    props.last_modified_by = "compliance scripts/build_samples.py"
    props.title = f"CONTOH FIKTIF - {identity(blocks)}"
    props.subject = "Dokumen fiktif untuk pengujian compliance; bukan peraturan yang berlaku"
    props.created = created.replace(tzinfo=None)
    props.modified = created.replace(tzinfo=None)
    props.revision = 1

    normal = doc.styles["Normal"]
    normal.font.name = "Bookman Old Style"
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.15

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    section.different_first_page_header_footer = True
    _page_number_header(section, STYLES[name]["page_number"], OxmlElement, qn, WD_ALIGN_PARAGRAPH)

    text_width = Cm(21.0 - 2.5 - 2.0)

    def para(text: str = "", *, align=WD_ALIGN_PARAGRAPH.JUSTIFY, bold=False, left=0.0, hang=0.0, size=None,
             container=None):
        p = (container or doc).add_paragraph()
        p.alignment = align
        if left or hang:
            p.paragraph_format.left_indent = Cm(left)
            p.paragraph_format.first_line_indent = Cm(-hang)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(left))
        if text:
            run = p.add_run(text)
            run.bold = bold
            if size:
                run.font.size = Pt(size)
        return p

    table = None
    label_cell_text = None
    previous = None
    for block in blocks:
        if block.kind == "notice":
            para(block.text, align=WD_ALIGN_PARAGRAPH.CENTER, size=9)
        elif block.kind == "gap":
            if label_cell_text is None:  # no empty paragraphs between the table's rows
                para()
        elif block.kind == "letterhead":
            para(block.text, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=14 if previous.kind == "notice" else 12)
        elif block.kind == "title":
            para(block.text, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
        elif block.kind == "label" and block.label in ("Menimbang", "Mengingat"):
            if table is None:
                table = doc.add_table(rows=0, cols=2)
                table.alignment = WD_TABLE_ALIGNMENT.LEFT
                table.autofit = False
            row = table.add_row()
            row.cells[0].width, row.cells[1].width = Cm(3.2), text_width - Cm(3.2)
            row.cells[0].paragraphs[0].add_run(f"{block.label} :")
            label_cell_text = row.cells[1]
        elif block.kind == "item" and block.level == 0 and label_cell_text is not None:
            cell = label_cell_text
            p = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.left_indent = Cm(0.75)
            p.paragraph_format.first_line_indent = Cm(-0.75)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(0.75))
            p.add_run(f"{block.label}\t{block.text}")
        elif block.kind == "label":  # Menetapkan
            label_cell_text = None
            para(f"{block.label}\t: {block.text}", left=3.2, hang=3.2)
        elif block.kind == "heading":
            para(block.label, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
            para(block.text, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True)
        elif block.kind == "pasal":
            para()
            para(block.text, align=WD_ALIGN_PARAGRAPH.CENTER)
        elif block.kind == "ayat":
            para(f"{block.label}\t{block.text}", left=1.0, hang=1.0)
        elif block.kind == "item":
            left = 1.8 if block.level == 2 else 0.9
            para(f"{block.label}\t{block.text}", left=left, hang=0.8 if block.level == 2 else 0.9)
        elif block.kind == "para":
            para(block.text)
        elif block.kind == "closing":
            first = block.lines[0].startswith("Ditetapkan")
            para()
            for line in block.lines:
                para(line, align=WD_ALIGN_PARAGRAPH.LEFT, bold=line.isupper() and line != "ttd.",
                     left=8.5 if first else 0.0)
                if line == "ttd.":
                    para()
        elif block.kind == "berita":
            para()
            para(block.text, align=WD_ALIGN_PARAGRAPH.LEFT, bold=True)
        if block.kind != "gap":
            previous = block
    raw = io.BytesIO()
    doc.save(raw)
    return _fixed_zip(raw.getvalue(), created)


def _page_number_header(section, pattern: str, OxmlElement, qn, WD_ALIGN_PARAGRAPH) -> None:
    """'- 2 -' at the top of every page but the first, as a PAGE field."""
    before, after = pattern.split("{n}")
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(before)
    run = p.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)
        run = p.add_run()
    run.text = after


def _fixed_zip(data: bytes, when: datetime) -> bytes:
    """Rewrite the package with fixed entry timestamps so the bytes do not depend on the clock."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --- main --------------------------------------------------------------------------------


def build(name: str) -> list[Path]:
    source = EXAMPLES / f"{name}.txt"
    blocks = read_blocks(source.read_text(encoding="utf-8"))
    written = []
    for suffix, data in ((".pdf", build_pdf(name, blocks)), (".docx", build_docx(name, blocks))):
        target = source.with_suffix(suffix)
        target.write_bytes(data)
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    names = argv or sorted(STYLES)
    unknown = [n for n in names if n not in STYLES]
    if unknown:
        print(f"unknown sample(s): {', '.join(unknown)}; known: {', '.join(sorted(STYLES))}", file=sys.stderr)
        return 1
    for name in names:
        for path in build(name):
            print(f"{path.relative_to(EXAMPLES.parent)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
