"""Grouping runs into lines: the inlined one-run case reads as ``_join`` would."""

from __future__ import annotations

import math
import random

from compliance.pdf_lines import SAME_LINE, _READING_ORDER, _join, _lines


def _reference_lines(runs):
    """The grouping as written before the one-run case was inlined (min, _join for every group)."""
    runs = sorted(runs, key=_READING_ORDER)
    lines, group = [], []
    for run in runs:
        if group and run[0] - group[0][0] > SAME_LINE * min(group[0][2], run[2]):
            lines.append(_join(group))
            group = []
        group.append(run)
    if group:
        lines.append(_join(group))
    return [line for line in lines if line]


def test_lines_are_grouped_and_joined_as_by_the_reference():
    rng = random.Random(11)
    words = ["Pasal 1", "  spasi  ganda ", "a.", "Ketentuan  umum", "\u00e9l\u00e8ve", "x", "", "tab\there", "(1)"]
    for _ in range(400):
        runs = []
        for _ in range(rng.randint(0, 12)):
            height = rng.choice([1.0, 10.0, 11.0, 12.5, math.nan])
            runs.append((-rng.choice([700.0, 699.0, 688.0, 650.0, 640.5]), rng.uniform(50, 500), height,
                         rng.uniform(50, 550), rng.choice(words)))
        assert _lines(list(runs)) == _reference_lines(runs)


def test_one_run_lines_are_taken_as_they_are_and_others_joined():
    runs = [(-700.0, 72.0, 11.0, 120.0, "Pasal 1"), (-680.0, 72.0, 11.0, 90.0, "(1)"),
            (-680.2, 100.0, 11.0, 300.0, "Setiap  orang"), (-660.0, 72.0, 11.0, 200.0, "akhir")]
    assert _lines(runs) == ["Pasal 1", "(1) Setiap orang", "akhir"]


def _text_pages():
    """Every page of the examples and of the text-layer corpus (when present), as pypdfium2 text pages."""
    import pypdfium2 as pdfium

    from conftest import CORPUS, EXAMPLES

    paths = sorted(EXAMPLES.glob("*.pdf")) + sorted(CORPUS.glob("*.pdf")) + sorted((CORPUS / "regional").glob("*.pdf"))
    for path in paths:
        pdf = pdfium.PdfDocument(path)
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            yield f"{path.name}:{index + 1}", textpage
            textpage.close()
            page.close()
        pdf.close()


def test_the_text_read_into_a_kept_buffer_is_pypdfium2s(monkeypatch):
    """``_text`` is pypdfium2's ``get_text_range()`` (with its rule for characters pdfium leaves
    out at the ends), read into one buffer kept across pages and into a page's own when longer."""
    from compliance import pdf_lines

    pages = 0
    for name, textpage in _text_pages():
        count = textpage.count_chars()
        expected = textpage.get_text_range()
        glyphs = pdf_lines._glyphs(textpage)
        assert pdf_lines._text(textpage, count, glyphs) == expected, name
        if count > 20:
            monkeypatch.setattr(pdf_lines, "_TEXT_BUFFER", count // 2)  # this page is too long for the kept one
            assert pdf_lines._text(textpage, count, glyphs) == expected, name
            monkeypatch.undo()
        pages += 1
    assert pages >= 3
