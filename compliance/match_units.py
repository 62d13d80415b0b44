"""The regulation cut into quotable units, in document order: an ayat (or an article
without ayat), a diktum, a Lampiran point or paragraph named by its section, a Menimbang or
Mengingat item. Every unit is a slice ``text[start:end]`` of a parsed text, so a quote
from it is verbatim by construction. Used by ``compliance.match``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from compliance.markers import markers
from compliance.models import LampiranSection, Place, Regulation
from compliance.models_place import Placed
from compliance.parse_lampiran import CONTENTS, line_kinds
from compliance.places import lampiran_name

CHUNK_MIN = 300  # Lampiran chunks: at least this long before a sentence end closes one
CHUNK_MAX = 900

_DEFINITIONS = re.compile(r"yang\s+dimaksud\s+dengan", re.IGNORECASE)
# markers that open a line, sought after a line break: a literal first character, which the
# regex engine looks for at C speed (a line start, "^", is tried at every character)
_AYAT = re.compile(r"\n[ \t]*\((\d+[a-z]?)\)")
_NUMBERED = re.compile(r"\n[ \t]*(\d+)\.[ \t]")


@dataclass(eq=False)
class Unit(Placed):
    """A slice ``text[start:end]`` of one source text, with where it sits (``place``, its
    offsets the unit's). A check cuts thousands of units and quotes a few: the place is
    made when first asked, and a unit is a plain object (told apart by identity)."""

    kind: str  # operative | definition | menimbang | mengingat | background (a Lampiran's context chapter)
    where: tuple[str, dict[str, str | None]]  # the place's kind and fields but the offsets
    text: str
    start: int
    end: int
    article_key: tuple[str, str | None] | None = None  # groups the ayat of one article
    lampiran: bool = False  # a Lampiran point or paragraph

    @cached_property
    def place(self) -> Place:  # type: ignore[override]
        kind, fields = self.where
        return Place(kind, **fields, start=self.start, end=self.end)

    @cached_property
    def planned(self) -> bool:
        """Whether a Lampiran point names a policy only as one still to be drawn up; read
        when first asked (a check asks of the few units that alone fulfil an entry)."""
        return self.lampiran and markers().planned.search(self.text, self.start, self.end) is not None

    @property
    def body(self) -> str:
        return self.text[self.start:self.end]


def _split(text: str, marker: re.Pattern[str]) -> list[tuple[str | None, int, int]]:
    """(label, start, end) of the pieces of ``text`` that start at ``marker``;
    text before the first marker is its own piece (label None). A line break put before
    the text makes its start a line start: a mark found at ``i`` there opens the line
    starting at ``i`` in the text."""
    marks = list(marker.finditer("\n" + text))
    if not marks:
        return [(None, 0, len(text))] if text.strip() else []
    pieces = []
    if text[: marks[0].start()].strip():
        pieces.append((None, 0, marks[0].start()))
    for m, nxt in zip(marks, marks[1:] + [None]):
        pieces.append((m.group(1), m.start(), nxt.start() if nxt else len(text)))
    return pieces


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_definitions(label: str, text: str) -> bool:
    """Whether an article is the definitions article: a Pasal 1 opening with "yang
    dimaksud dengan", top-level or quoted inside an amending article (Pasal I of a
    Perubahan re-words Pasal 1: its definitions still define, they regulate nothing)."""
    return label == "1" and bool(_DEFINITIONS.search(text[:300]))


def units(reg: Regulation) -> list[Unit]:
    """The regulation cut into quotable units, in document order."""
    out: list[Unit] = []
    for i, item in enumerate(reg.menimbang):
        s, e = trimmed(item, 0, len(item))
        if e > s:
            where = ("menimbang", {"item": chr(ord("a") + i) if i < 26 else str(i + 1)})
            out.append(Unit("menimbang", where, item, s, e))
    for i, item in enumerate(reg.mengingat):
        s, e = trimmed(item.text, 0, len(item.text))
        if e > s:
            out.append(Unit("mengingat", ("mengingat", {"item": item.label or str(i + 1)}), item.text, s, e))
    for article in reg.articles:
        text, key = article.text, (article.label, article.parent)
        definitional = _is_definitions(article.label, text)
        kind = "definition" if definitional else "operative"
        marker = _NUMBERED if definitional else _AYAT
        for label, s, e in _split(text, marker):
            s, e = trimmed(text, s, e)
            if e > s:
                ayat = None if definitional else label
                where = ("ayat" if ayat else "pasal", {"pasal": article.label, "ayat": ayat, "parent": article.parent})
                out.append(Unit(kind, where, text, s, e, key))
    for diktum in reg.diktum:
        s, e = trimmed(diktum.text, 0, len(diktum.text))
        if e > s:
            out.append(Unit("operative", ("diktum", {"diktum": diktum.label}), diktum.text, s, e, ("Diktum", diktum.label)))
    for number, block in enumerate(reg.lampiran, start=1):
        name = lampiran_name(reg, number)
        starts = [section.start for section in block.sections]
        for section, s, e in lampiran_pieces(block.text, block.line_kinds):
            s, e = trimmed(block.text, s, e)
            if e > s:
                section_at = _section_at(block.sections, starts, s)
                kind = "background" if section_at is not None and section_at.context else "operative"
                key = ("Lampiran", f"{number}/{section}")
                where = ("lampiran-section" if section_at else "lampiran",
                         {"lampiran": name, "section": section_at.label if section_at else None})
                out.append(Unit(kind, where, block.text, s, e, key, lampiran=True))
    return out


def _section_at(sections: list[LampiranSection], starts: list[int], offset: int) -> LampiranSection | None:
    """The Lampiran section (chapter or numbered section) holding ``offset``; ``starts`` are the
    sections' offsets in text order (bisected, as a Lampiran may have hundreds)."""
    index = bisect_right(starts, offset) - 1
    return sections[index] if index >= 0 else None


_POINT = re.compile(r"^\d{1,3}[.)]\s+\S")
_NONBLANK = re.compile(r"\S")


def lampiran_pieces(text: str, kinds: list[str | None] | None = None) -> list[tuple[str, int, int]]:
    """A Lampiran cut as its own structure says: (section, start, end) for each
    numbered point and each paragraph, a heading kept with the first text under
    it (its name belongs to it). ``section`` names the
    chapter and lettered/decimal section a piece sits in: points of one section
    combine as the ayat of one article do, points of different sections never.
    Table-of-contents lines belong to no piece. A piece longer than ``CHUNK_MAX``
    is cut further at sentence ends (a Lampiran can be a hundred pages). ``kinds``:
    each line's kind as the parser read it (``Lampiran.line_kinds``; read here when None)."""
    pieces: list[tuple[str, int, int]] = []
    bab, section = "", ""
    start: int | None = None
    in_heading = False

    def close(end: int) -> None:
        nonlocal start
        if start is not None and _NONBLANK.search(text, start, end):
            cuts = _chunks(text[start:end]) if end - start > CHUNK_MAX else [(0, end - start)]
            pieces.extend((section, start + s, start + e) for s, e in cuts)
        start = None

    lines = text.split("\n")
    if kinds is None or len(kinds) != len(lines):
        kinds = line_kinds(text)
    offset = 0
    for raw, kind in zip(lines, kinds):
        line_start, offset = offset, offset + len(raw) + 1
        line = raw.strip()
        if not line:
            continue
        if kind == CONTENTS:
            close(line_start)
            in_heading = False
            continue
        if kind is not None:
            if kind != "title" or not in_heading:  # a title right under a heading is its name
                close(line_start)
                if kind == "section":
                    section = f"{bab}/{line}"
                else:
                    bab, section = line, line
                start = line_start
            in_heading = True
            continue
        if not in_heading and line[0].isdigit() and _POINT.match(line):  # a heading stays with the text it names
            close(line_start)
        in_heading = False
        if start is None:
            start = line_start
    close(len(text))
    return pieces


def _chunks(text: str) -> list[tuple[int, int]]:
    """A Lampiran cut into paragraphs of whole lines: at blank lines, and at a line
    ending a sentence once the chunk is long enough (a Lampiran can be one block of
    a hundred pages)."""
    out: list[tuple[int, int]] = []
    start, end, nonblank = 0, text.find("\n"), _NONBLANK.search
    while end >= 0:
        if end - start >= CHUNK_MAX or text.startswith("\n", end + 1) or not nonblank(text, start, end) or \
                (end - start >= CHUNK_MIN and text[end - 1] in ".;:"):
            out.append((start, end))
            start = end + 1
        end = text.find("\n", end + 1)
    out.append((start, len(text)))
    return [(s, e) for s, e in out if nonblank(text, s, e)]
