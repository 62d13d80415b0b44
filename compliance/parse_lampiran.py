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
from collections import Counter

from rapidfuzz import fuzz

from compliance.markers import markers
from compliance.models import Lampiran, LampiranSection, Line
from compliance.parse_headings import is_heading_words
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
    return markers().lampiran_header.match(text) is not None or read_loosely_as_header(texts, i)


def read_loosely_as_header(texts: list[str], i: int) -> bool:
    """``is_lampiran_header`` for a line ``lampiran_header`` does not match (a caller that
    tested that pattern already asks only this): the word read loosely, then the regulation."""
    text = texts[i] if 0 <= i < len(texts) else ""
    first = text.split(None, 1)[:1]
    if first and len(first[0]) > 2 and ":" not in first[0] and not first[0].isupper():
        return False  # the word read below is this one, not in capitals: most lines start so
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


def heading_text(line: str) -> str:
    """A line as a heading reads: a table row drawn in text (``| A. | PENGARAH |  |``) as
    its non-empty cells joined by spaces; any other line as it is."""
    vocab = markers()
    row = vocab.lampiran_table_row.match(line)
    if not row:
        return line
    return " ".join(cell.strip() for cell in vocab.lampiran_table_border.split(row.group("cells")) if cell.strip())


def _all_capitals(text: str) -> bool:
    return any(map(str.isalpha, text)) and not any(map(str.islower, text))


def roman_label(label: str) -> str | None:
    """The numeral a part's printed label stands for: itself, or with a scan's lookalikes of I
    read back ("Il" -> "II", "lV" -> "IV") when the label also holds a true roman capital and
    so spells a valid numeral; None for "1", "11" (arabic points), "l" (a letter)."""
    lookalikes = markers().values["roman_i_lookalikes"]
    numeral = label.translate(str.maketrans(lookalikes, "I" * len(lookalikes)))
    if numeral == label:
        return label
    return numeral if any(c in "IVX" for c in label) and roman_value(numeral) else None


def _roman_point(line: str) -> re.Match[str] | None:
    point = markers().lampiran_roman.match(line)
    return point if point and roman_label(point.group("label")) else None


def heading_kind(line: str) -> str | None:
    """``"bab"``, ``"section"`` or ``"title"`` when a Lampiran line is a heading (a
    chapter, a lettered, roman or decimal section, an all-capital title), else None. A
    part's title in capitalised words may end in ":" ("B. Uraian Tugas:"); the sequence
    and a sibling decide later whether it opens a part."""
    return _kind(heading_text(line))


def _kind(line: str) -> str | None:
    """``heading_kind`` of a line read as a heading already (``heading_text``)."""
    if len(line) > 150:
        return None
    vocab = markers()
    point = vocab.lampiran_lettered.match(line) or _roman_point(line)
    if point and _all_capitals(point.group("title")) and line[-1:] not in ".;,":
        return "section"  # an all-capital part title ("B. URAIAN TUGAS:"), however long
    if point and line[-1:] == ":" and len(line) <= 100 and is_heading_words(point.group("title").removesuffix(":")):
        return "section"
    if line[-1:] in ".;:,":
        return None
    if vocab.lampiran_bab.match(line):
        return "bab"
    if (point or vocab.lampiran_decimal.match(line)) and len(line) <= 100:
        return "section"
    if _all_capitals(line):
        return "title"
    return None


def _has_leader(tail: str) -> bool:
    """Dotted leaders at the end of ``tail``; the regexes run only when the dots or dashes they
    need are there (three in a row, or spaced)."""
    return (("..." in tail or "\u2026" in tail or "___" in tail) and _LEADER.search(tail) is not None
            or ". . " in tail and _LEADER_SPACED.search(tail) is not None)


def is_contents_line(line: str, in_contents: bool) -> bool:
    """A table-of-contents line: the "DAFTAR ISI" title, dotted leaders, or (under that
    title) a heading ending in a page number. It names where a topic is printed; it is
    not evidence of the topic."""
    tail = line[-60:]  # leaders sit at the end; a bounded tail keeps the search linear
    if _has_leader(tail) or markers().contents_title.match(line):
        return True
    return in_contents and bool(_PAGE_END.search(line)) and heading_kind(_PAGE_END.sub("", line).rstrip()) is not None


CONTENTS = "contents"  # a line's kind when it belongs to a table of contents


def line_readings(texts: list[str]) -> list[tuple[str, str | None]]:
    """Each line of a Lampiran as a heading reads (``heading_text``) and its kind:
    ``CONTENTS`` for a table-of-contents line, a heading's kind (``_kind``), or None
    (text, or nothing to read)."""
    out: list[tuple[str, str | None]] = []
    in_contents = False
    for text in texts:
        t = heading_text(text.strip())
        in_contents = is_contents_line(t, in_contents) if t else in_contents
        out.append((t, CONTENTS if in_contents else _kind(t) if t else None))
    return out


def line_kinds(text: str) -> list[str | None]:
    """The kind (``line_readings``) of each line of a Lampiran's text, as the parser reads it."""
    return [kind for _, kind in line_readings(text.split("\n"))]


def _chapter_number(label: str) -> int:
    return int(label) if label.isdigit() else (roman_value(label) or 0)


class _HeadingReader:
    """Reads a Lampiran's headings in order and keeps what they allow next.

    Two kinds of Lampiran set out their parts differently: a plan's chapters (``BAB I`` …,
    sections ``A.``/``4.2`` under each), or, with no BAB, parts in roman numerals or capital
    letters (a Keputusan's ``A. SUSUNAN KEANGGOTAAN``, ``B. URAIAN TUGAS``; ``I.``, ``II.``).
    A lettered or roman heading counts when it follows the one before in sequence (one
    skipped at most: a scan may lose one), so a signatory's initial (``H. MUHAMMAD …``) or a
    list naming the parts again opens none; outside a BAB its title must read as a title
    (capitals, or capitalised words), not as an enumerated sentence."""

    def __init__(self, roman: bool) -> None:
        self.roman = roman  # whether roman numerals may number the parts
        self.scheme = ""  # "bab" or "roman" once a chapter is read
        self.chapter, self.listed = 0, None  # the chapter read last; (number, line) of a chapter named in a list
        self.prefix, self.letter = "", 0  # the chapter's place ("BAB II"), the last letter under it
        self.background = False
        self.roman_parts = 0

    def chapter_heading(self, scheme: str, number: int, n: int) -> bool:
        """Whether chapter ``number`` on line ``n`` opens a chapter; chapters named again
        ("Sistematika: BAB I ... BAB IV") are a list, not headings."""
        listing = self.listed is not None and number == self.listed[0] + 1 and n - self.listed[1] <= 3
        if listing or (self.chapter and number <= self.chapter):
            self.listed = (number, n)
            return False
        if scheme == "roman" and (number - self.chapter not in (1, 2) or (not self.scheme and self.letter)):
            return False  # parts in roman numerals start at I (II: a scan lost one), before any letter
        self.scheme, self.chapter, self.listed, self.letter = scheme, number, None, 0
        return True

    def point(self, line: str, n: int) -> tuple[str, str] | None:
        """(label, title) when a lettered or roman line opens a part here, else None."""
        vocab, words = markers(), markers().values["lampiran_place_words"]
        lettered = vocab.lampiran_lettered.match(line)
        roman = _roman_point(line) if self.roman and self.scheme != "bab" else None
        if not (lettered or roman):
            return None  # "II. …" under a BAB: a list, the chapters are BAB
        title = (lettered or roman).group("title").strip()
        if self.scheme != "bab" and not (_all_capitals(title) or is_heading_words(title.removesuffix(":"))):
            return None  # "A. Tim mempunyai tugas ...": an enumerated sentence
        letter = ord(lettered.group("label")) - ord("A") + 1 if lettered else 0
        if lettered and self.letter and letter == self.letter + 1:  # "I." after "H.": a letter
            return self._lettered(letter, lettered.group("label"), title)
        numeral = roman_label(roman.group("label")) if roman else ""
        if roman and self.chapter_heading("roman", roman_value(numeral) or 0, n):
            self.prefix = f"{words['roman']} {numeral}"
            self.roman_parts += 1
            self.background = bool(vocab.lampiran_background.match(title))
            return self.prefix, title
        if lettered and letter - self.letter in (1, 2):
            return self._lettered(letter, lettered.group("label"), title)
        return None

    def _lettered(self, letter: int, label: str, title: str) -> tuple[str, str]:
        self.letter = letter
        if not self.scheme:  # a part of its own ("A. PENDAHULUAN"): background as a chapter would be
            self.background = bool(markers().lampiran_background.match(title))
        return f"{self.prefix} {markers().values['lampiran_place_words']['lettered']} {label}".strip(), title


def _headings(lines: list[Line], readings: list[tuple[str, str | None]], roman: bool
              ) -> tuple[list[LampiranSection], list[tuple[str, str] | None], int]:
    """The headings of a Lampiran (``readings``: its lines read by ``line_readings``) as
    sections with their start offsets (text set later), the
    group of siblings each needs one of (a lettered one: the letters of its chapter; a
    numbered one outside any chapter: the numbered ones; None for the others), and how many
    parts roman numerals opened."""
    sections: list[LampiranSection] = []
    groups: list[tuple[str, str] | None] = []
    vocab, reader = markers(), _HeadingReader(roman)
    offset = last_start = 0
    for n, (line, (t, kind)) in enumerate(zip(lines, readings)):
        start, offset = offset, offset + len(line.text) + 1
        previous_start, last_start = last_start, start
        if kind == CONTENTS:
            continue
        if kind not in ("bab", "section"):
            named = sections and sections[-1].start == previous_start and not sections[-1].title
            if kind == "title" and named:
                sections[-1].title = t  # "BAB I" / "PENDAHULUAN" set on two lines
                if sections[-1].label == reader.prefix:
                    reader.background = sections[-1].context = bool(vocab.lampiran_background.match(t))
            continue
        decimal = vocab.lampiran_decimal.match(t) if kind == "section" else None
        if kind == "bab":
            m = vocab.lampiran_bab.match(t)
            if not reader.chapter_heading("bab", _chapter_number(m.group("label")), n):
                continue
            reader.prefix, title = f"BAB {m.group('label')}", m.group("title").strip()
            reader.background = bool(vocab.lampiran_background.match(title))
            label = reader.prefix
        elif decimal:
            label = f"{reader.prefix} {markers().values['lampiran_place_words']['decimal']} {decimal.group('label')}"
            label, title = label.strip(), decimal.group("title").strip()
        else:
            point = reader.point(t, n)
            if point is None:
                continue
            label, title = point
        if decimal:
            groups.append(None if reader.scheme else ("decimal", ""))
        else:
            groups.append(("lettered", reader.prefix) if kind == "section" and label != reader.prefix else None)
        sections.append(LampiranSection(label, title, "", line.page, start, start, reader.background))
    return sections, groups, reader.roman_parts


def _with_siblings(sections: list[LampiranSection], groups: list[tuple[str, str] | None]) -> list[LampiranSection]:
    """Without a lettered part that stands alone under its chapter, nor a numbered section
    alone in a Lampiran without chapters: one letter is an initial or a stray point, a lone
    "3.1" a scan's "3. I Gede ..."; parts come at least two (``A.`` and ``B.``)."""
    counts = Counter(group for group in groups if group is not None)
    return [s for s, group in zip(sections, groups) if group is None or counts[group] > 1]


def lampiran_sections(lines: list[Line], text: str, readings: list[tuple[str, str | None]] | None = None
                      ) -> list[LampiranSection]:
    """The chapters, parts and numbered sections of a Lampiran, with offsets in ``text``
    (the lines joined by newlines). A section runs to the next heading, so every word
    after the first heading is in one; a capitalised title right under a heading is its
    name; table-of-contents lines open none. One roman numeral alone numbers no parts."""
    readings = line_readings([line.text for line in lines]) if readings is None else readings
    sections, groups, roman_parts = _headings(lines, readings, roman=True)
    if roman_parts == 1:
        sections, groups, _ = _headings(lines, readings, roman=False)
    sections = _with_siblings(sections, groups)
    for k, section in enumerate(sections):
        end = sections[k + 1].start if k + 1 < len(sections) else len(text)
        section.text = text[section.start : end].rstrip("\n")
        section.end = section.start + len(section.text)
    return sections


def build_lampiran(block: list[Line]) -> Lampiran:
    """A Lampiran from its lines: verbatim text, title, sections, and each line's kind
    (``line_kinds``) for the matcher, which cuts the Lampiran by the same headings."""
    text = "\n".join(ln.text for ln in block)
    readings = line_readings([ln.text for ln in block])
    lampiran = Lampiran(text, block[0].page, lampiran_title(block), lampiran_sections(block, text, readings))
    one_line_each = len(readings) == text.count("\n") + 1  # no line's text holds a line break
    lampiran.line_kinds = [kind for _, kind in readings] if one_line_each else line_kinds(text)
    return lampiran


def header_end(text: str, tentang: str | None) -> int:
    """Where the header naming the regulation a Lampiran belongs to ("LAMPIRAN / PERATURAN
    BUPATI … / NOMOR … TAHUN … / TENTANG <its subject>") ends in the Lampiran's text; 0 when
    the text opens with no such header. The subject runs as far as it spells ``tentang`` (the
    regulation's own, as a scan may misspell it), so the Lampiran's own title under the header
    is not taken with it. A header naming no subject (no TENTANG) is left whole: 0."""
    lines = text.split("\n")
    if not is_lampiran_header(lines, 0):
        return 0
    vocab, end = markers(), 0
    for n, line in enumerate(lines[:8]):
        end += len(line) + 1
        subject = vocab.tentang_inline.search(line)
        if subject:
            break
    else:
        return 0
    want, got = _letters(tentang or ""), _letters(subject.group("rest"))
    for line in lines[n + 1:]:
        more = _letters(line)
        if got and (not more or len(got) >= len(want) or not _spells(want, got + more)):
            break
        got += more  # "TENTANG" alone on its line: the next line is the subject, whatever it spells
        end += len(line) + 1
    return min(end, len(text))


def _spells(want: str, got: str) -> bool:
    """``got`` begins ``want``, a scan's slip or two allowed ("PEMBANGUN" for "PEMBANGUNAN")."""
    return fuzz.ratio(want[:len(got)], got) >= 90


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())
