"""docx_numbering: Word's number formats, and formats we only approximate."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from compliance.docx_numbering import Numbering, format_number


@pytest.mark.parametrize("value, fmt, shown", [
    (1, "lowerLetter", "a"), (26, "lowerLetter", "z"), (27, "lowerLetter", "aa"), (28, "upperLetter", "BB"),
    (4, "upperRoman", "IV"), (1994, "lowerRoman", "mcmxciv"), (7, "decimalZero", "07"), (12, "decimal", "12"),
])
def test_number_formats(value: int, fmt: str, shown: str):
    assert format_number(value, fmt) == shown


def test_unknown_format_is_shown_as_digits_and_counted():
    document = Document()
    document.part.numbering_part.element.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="50"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="ordinal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
    document.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="60"><w:abstractNumId w:val="50"/></w:num>'))
    for text in ("satu", "dua"):
        paragraph = document.add_paragraph(text)
        numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val, numpr.get_or_add_numId().val = 0, 60
    buffer = io.BytesIO()
    document.save(buffer)
    reopened = Document(buffer)
    numbering = Numbering(reopened)
    labels = [numbering.label(p._p) for p in reopened.paragraphs]
    assert labels == ["1.", "2."] and numbering.approximated == 2
