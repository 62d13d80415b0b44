"""A regulation's units: an article is cut where a line opens with an ayat mark or a
definition's number, as a search for line starts finds them."""

from __future__ import annotations

import re

import pytest

import compliance
from compliance.match_units import _AYAT, _NUMBERED, _split
from tests.conftest import CORPUS, EXAMPLES, corpus_pdf

# the marks as a search trying every line start reads them: what ``_split`` must find
_LINE_AYAT = re.compile(r"(?m)^[ \t]*\((\d+[a-z]?)\)[ \t]*")
_LINE_NUMBERED = re.compile(r"(?m)^[ \t]*(\d+)\.[ \t]+")


def by_line_starts(text: str, marker: re.Pattern[str]) -> list[tuple[str | None, int, int]]:
    marks = list(marker.finditer(text))
    if not marks:
        return [(None, 0, len(text))] if text.strip() else []
    pieces: list[tuple[str | None, int, int]] = [(None, 0, marks[0].start())] if text[:marks[0].start()].strip() else []
    for m, nxt in zip(marks, marks[1:] + [None]):
        pieces.append((m.group(1), m.start(), nxt.start() if nxt else len(text)))
    return pieces


def test_a_mark_opens_the_text_or_a_line():
    for text in ("(1) Satu.\n(2) Dua.", "  (1) Satu", "Pasal ini.\n\t(3a)\tTiga\n (4) Empat", "ayat (1) dan (2)\n",
                 "", "\n", "(1)", "Lihat\n(2)\n(3) x"):
        assert _split(text, _AYAT) == by_line_starts(text, _LINE_AYAT), text
    for text in ("1. Satu\n2.\tDua\n3.Tiga", " 1. a", "Dalam Peraturan ini:\n1. Daerah adalah", "1.", "x\n12. y"):
        assert _split(text, _NUMBERED) == by_line_starts(text, _LINE_NUMBERED), text
    assert _split("Pasal ini.\n(1) Satu\n(2) Dua", _AYAT) == [(None, 0, 11), ("1", 11, 20), ("2", 20, 27)]


@pytest.mark.parametrize("path", [EXAMPLES / "perbup-sukamaju-2016-egov.pdf", CORPUS / "PERMENKOMINFO_2024_004.pdf",
                                  CORPUS / "PERMENKOMINFO_2016_014.pdf", CORPUS / "PP_2000_052.pdf"],
                         ids=lambda path: path.name)
def test_every_article_is_cut_where_its_lines_open_with_a_mark(path):
    reg = compliance.load(corpus_pdf(path.name) if path.is_relative_to(CORPUS) else path)
    cut = 0
    for article in reg.articles:
        for marker, reference in ((_AYAT, _LINE_AYAT), (_NUMBERED, _LINE_NUMBERED)):
            pieces = _split(article.text, marker)
            assert pieces == by_line_starts(article.text, reference)
            cut += len(pieces) > 1
    assert cut > 5
