"""A Lampiran: where it starts, its title, and the sections its own headings set out.

A region's plan (Rencana Induk, Arsitektur, a guideline) is often a Lampiran after the
signature, with chapters of its own (``BAB I PENDAHULUAN``, ``4.2``, ``A.``). Its header
names the regulation it belongs to (``LAMPIRAN I PERATURAN BUPATI ... NOMOR ...``); OCR
and scans damage the word LAMPIRAN (``PA PIRAN``), so the header is recognised by that
word read loosely *and* the regulation it names. The words are data
(``regulations/markers.yaml``).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from compliance.markers import markers
from compliance.models import Lampiran, LampiranSection, Line
from compliance.parse_labels import roman_value

_LEADER = re.compile(r"(?:\.{3,}|…+|_{3,})\s*[ivxlcdm\d]{0,6}\s*$", re.IGNORECASE)
_LEADER_SPACED = re.compile(r"(?:\. ){3,}\.?\s*[ivxlcdm\d]{0,6}\s*$", re.IGNORECASE)
_PAGE_END = re.compile(r"\s\d{1,3}\s*$")


def _lampiran_word(token: str) -> bool:
    """``LAMPIRAN`` as printed or as OCR damages it (``LAMP1RAN``, ``PIRAN`` with the start lost)."""
    word, lampiran = re.sub(r"[^A-Za-z0-9]", "", token).upper(), markers().values["lampiran_word"]
    return len(word) >= 5 and (fuzz.ratio(word, lampiran) >= 75 or (word.endswith(lampiran[-5:]) and len(word) <= 9))


def is_lampiran_header(texts: list[str], i: int) -> bool:
    """Whether line ``i`` opens a Lampiran: ``LAMPIRAN`` in capitals (as OCR may garble
    it, after at most two specks) opening the line, and the regulation it belongs to
    named on it or the lines after. "tercantum dalam Lampiran" is text, not a header."""
    text = texts[i] if 0 <= i < len(texts) else ""
    if markers().lampiran_header.match(text):
        return True
    # the first three words (colons count as spaces) and the rest: the header word is one of them
    tokens = text.replace(":", " ").split(None, 3)
    for _ in range(2):
        if len(tokens) > 1 and len(tokens[0]) <= 2:
            tokens.pop(0)
    if not tokens or not tokens[0].isupper() or not _lampiran_word(tokens[0]):
        return False
    return names_a_regulation(texts, i)


def names_a_regulation(texts: list[str], i: int) -> bool:
    """Whether line ``i`` or the three after it name a regulation (PERATURAN, NOMOR ...),
    as the title of a Lampiran does."""
    return bool(markers().names_regulation.search(" ".join(texts[i : i + 4])))


def lampiran_title(block: list[Line]) -> str:
    """``LAMPIRAN I`` and the capitalised lines naming the regulation it belongs to."""
    title, vocab = [block[0].text], markers()
    after_tentang = None
    inline = vocab.lampiran_tentang.search(block[0].text)  # the whole header on one line
    for line in block[1:10]:
        if not line.text.isupper() or vocab.lampiran_title_point.match(line.text) or after_tentang == 3:
            break
        if inline and not vocab.title_joins_on.search(title[-1]):
            break  # the title ended on its line; capitals below are the annex (a chart's boxes)
        title.append(line.text)
        if after_tentang is not None:
            after_tentang += 1
        elif vocab.lampiran_tentang_line.match(line.text):
            after_tentang = 0
    return " ".join(title)


def heading_kind(line: str) -> str | None:
    """``"bab"``, ``"section"`` or ``"title"`` when a Lampiran line is a heading (a
    chapter, a lettered or decimal section, an all-capital title), else None."""
    if len(line) > 150 or line[-1:] in ".;:,":
        return None
    vocab = markers()
    if vocab.lampiran_bab.match(line):
        return "bab"
    if (vocab.lampiran_lettered.match(line) or vocab.lampiran_decimal.match(line)) and len(line) <= 100:
        return "section"
    if any(c.isalpha() for c in line) and not any(c.islower() for c in line):
        return "title"
    return None


def is_contents_line(line: str, in_contents: bool) -> bool:
    """A table-of-contents line: the "DAFTAR ISI" title, dotted leaders, or (under that
    title) a heading ending in a page number. It names where a topic is printed; it is
    not evidence of the topic."""
    tail = line[-60:]  # leaders sit at the end; a bounded tail keeps the search linear
    if _LEADER.search(tail) or _LEADER_SPACED.search(tail) or markers().contents_title.match(line):
        return True
    return in_contents and bool(_PAGE_END.search(line)) and heading_kind(_PAGE_END.sub("", line).rstrip()) is not None


def _chapter_number(label: str) -> int:
    return int(label) if label.isdigit() else (roman_value(label) or 0)


def _section_label(bab: str, line: str) -> str:
    """``BAB IV angka 4.2`` / ``BAB II huruf A``: the place a reviewer cites."""
    m = markers().lampiran_decimal.match(line)
    sub = f"angka {m.group('label')}" if m else f"huruf {markers().lampiran_lettered.match(line).group('label')}"
    return f"{bab} {sub}".strip()


def lampiran_sections(lines: list[Line], text: str) -> list[LampiranSection]:
    """The chapters and numbered sections of a Lampiran, with offsets in ``text`` (the
    lines joined by newlines). A section runs to the next heading; a capitalised title
    right under a heading is its name; table-of-contents lines open none."""
    sections: list[LampiranSection] = []
    vocab = markers()
    bab, background = "", False
    offset = last_start = 0
    in_contents = False
    chapter, listed = 0, None  # the chapter read last; (number, line) of the last chapter named in a list
    for n, line in enumerate(lines):
        start, offset = offset, offset + len(line.text) + 1
        previous_start, last_start = last_start, start
        t = line.text.strip()
        in_contents = is_contents_line(t, in_contents) if t else in_contents
        if in_contents:
            continue
        kind = heading_kind(t) if t else None
        if kind not in ("bab", "section"):
            named = sections and sections[-1].start == previous_start and not sections[-1].title
            if kind == "title" and named:
                sections[-1].title = t  # "BAB I" / "PENDAHULUAN" set on two lines
                if sections[-1].label == bab:
                    background = sections[-1].context = bool(vocab.lampiran_background.match(t))
            continue
        if kind == "bab":
            m = vocab.lampiran_bab.match(t)
            number = _chapter_number(m.group("label"))
            listing = listed is not None and number == listed[0] + 1 and n - listed[1] <= 3
            if listing or (chapter and number <= chapter):
                listed = (number, n)  # chapters named again ("Sistematika: BAB I ... BAB IV"): a list, not headings
                continue
            chapter, listed = number, None
            bab = f"BAB {m.group('label')}"
            title = m.group("title").strip()
            background = bool(vocab.lampiran_background.match(title))
            label = bab
        else:
            m = vocab.lampiran_decimal.match(t) or vocab.lampiran_lettered.match(t)
            title = m.group("title").strip()
            label = _section_label(bab, t)
        sections.append(LampiranSection(label, title, "", line.page, start, start, background))
    for k, section in enumerate(sections):
        end = sections[k + 1].start if k + 1 < len(sections) else len(text)
        section.text = text[section.start : end].rstrip("\n")
        section.end = section.start + len(section.text)
    return sections


def build_lampiran(block: list[Line]) -> Lampiran:
    """A Lampiran from its lines: verbatim text, title, sections."""
    text = "\n".join(ln.text for ln in block)
    return Lampiran(text, block[0].page, lampiran_title(block), lampiran_sections(block, text))
