"""A regulation's units: an article is cut where a line opens with an ayat mark or a
definition's number, as a search for line starts finds them; a Lampiran where its points,
headings and sentence ends fall, as copies of its lines read them."""

from __future__ import annotations

import re

import pytest

import compliance
from compliance.match_units import _AYAT, _NUMBERED, CHUNK_MAX, CHUNK_MIN, _chunks, _split, lampiran_pieces
from compliance.parse_lampiran import CONTENTS, line_kinds
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


def chunks_by_copies(text: str) -> list[tuple[int, int]]:
    """``_chunks`` as first written: each line's test on copies of the chunk so far."""
    out, start = [], 0
    for m in re.finditer(r"\n", text):
        end = m.start()
        blank = not text[start:end].strip() or text[end + 1:end + 2] == "\n"
        if blank or (end - start >= CHUNK_MIN and text[max(start, end - 1):end] in ".;:") or end - start >= CHUNK_MAX:
            out.append((start, end))
            start = end + 1
    out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def pieces_by_copies(text: str, kinds: list[str | None]) -> list[tuple[str, int, int]]:
    """``lampiran_pieces`` as first written: a piece kept when its copy holds more than
    whitespace, a point read at every line that opens no heading."""
    pieces, bab, section, start, in_heading, offset = [], "", "", None, False, 0

    def close(end: int) -> None:
        nonlocal start
        if start is not None and text[start:end].strip():
            cuts = chunks_by_copies(text[start:end]) if end - start > CHUNK_MAX else [(0, end - start)]
            pieces.extend((section, start + s, start + e) for s, e in cuts)
        start = None

    for raw, kind in zip(text.split("\n"), kinds):
        line_start, offset = offset, offset + len(raw) + 1
        line = raw.strip()
        if not line:
            continue
        if kind == CONTENTS:
            close(line_start)
            in_heading = False
            continue
        if kind is not None:
            if kind != "title" or not in_heading:
                close(line_start)
                bab, section = (bab, f"{bab}/{line}") if kind == "section" else (line, line)
                start = line_start
            in_heading = True
            continue
        if re.match(r"^\d{1,3}[.)]\s+\S", line) and not in_heading:
            close(line_start)
        in_heading = False
        if start is None:
            start = line_start
    close(len(text))
    return pieces


LAMPIRAN_PDFS = [CORPUS / "PERMENKOMINFO_2016_014.pdf", CORPUS / "PERMENKOMINFO_2019_004.pdf",
                 CORPUS / "regional/kepwal-denpasar-188-45-1589-hk-2019-e-planning.pdf"]


@pytest.mark.parametrize("path", LAMPIRAN_PDFS, ids=lambda path: path.name)
def test_a_lampiran_is_cut_as_the_copies_of_its_lines_cut_it(path):
    """Pieces and chunks read with searches in place of copies: the same as the copies
    gave, on Lampiran of a hundred pages, with odd whitespace and digits added."""
    reg = compliance.load(corpus_pdf(str(path.relative_to(CORPUS))))
    texts = [block.text for block in reg.lampiran]
    texts.append("1. Satu\n\u00a0\n2) Dua\u2003x\n\u0663. tiga\n\u00b2. empat\n" + "kata " * 200 + ".\n\n\x1c\n" + "x" * 950)
    chunked = 0
    for text in texts:
        kinds = line_kinds(text)
        assert lampiran_pieces(text, kinds) == pieces_by_copies(text, kinds)
        assert _chunks(text) == chunks_by_copies(text)
        chunked += sum(e - s > CHUNK_MAX for s, e in [(0, len(text))] + [p[1:] for p in pieces_by_copies(text, kinds)])
    assert chunked > 2  # pieces long enough to be cut at sentence ends
