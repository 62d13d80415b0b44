"""The body of a Keputusan: diktum ``KESATU``, ``KEDUA`` ... after ``MEMUTUSKAN``.

Regions set their Tim Koordinasi, Rencana Induk TIK and Peta Proses Bisnis by
Keputusan. A diktum opens where the next ordinal of the sequence starts a line
(``KETIGA :``), also as a scan prints it (``KETIGA ':``, ``5 KEEMPAT :``); the
ordinals are data (``regulations/markers.yaml``). After the last diktum come the
closing and any Lampiran; a scan whose pages are out of order may put a diktum
after the Lampiran, and it is read back into the sequence.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from compliance.markers import markers
from compliance.models import Diktum, Line, Warning_
from compliance.parse_items import parse_article_body
from compliance.parse_lampiran import is_lampiran_header


def ordinals() -> tuple[str, ...]:
    """KESATU, KEDUA, ... in order (PERTAMA is another name of the first)."""
    return markers().diktum_ordinals


def _reads_as(word: str, ordinal: str) -> bool:
    word = re.sub(r"\s+", " ", word.upper())
    return word == ordinal or (len(ordinal) >= 6 and fuzz.ratio(word, ordinal) >= 86)


def diktum_start(text: str, expected: str, first: bool = False) -> tuple[str, str] | None:
    """(label, text) when ``text`` opens the ``expected`` diktum (the first one under either
    of its names, KESATU or PERTAMA, the label as printed), else None. The word must be in
    capitals or followed by the colon, so a sentence starting "Kedua" is text."""
    m = markers().diktum_line.match(text)
    if not m:
        return None
    word = m.group("word")
    names = markers().values["diktum_first"] if first else [expected]
    label = next((name for name in names if _reads_as(word, name)), None)
    if label is None:
        return None
    if not (m.group("colon") or (word.isupper() and (not m.group("rest") or m.group("rest")[:1].isupper()))):
        return None
    return label, m.group("rest")


def first_diktum(lines: list[Line], start: int, stop: int | None = None) -> int | None:
    """Index of the line opening the first diktum at or after ``start`` (and before ``stop``)."""
    for i in range(start, len(lines) if stop is None else stop):
        if diktum_start(lines[i].text, ordinals()[0], first=True) is not None:
            return i
    return None


class _DiktumParser:
    def __init__(self, lines: list[Line]):
        self.lines = lines
        self.texts = [ln.text for ln in lines]
        self.diktum: list[tuple[Diktum, list[str]]] = []
        self.closing: list[Line] = []
        self.lampiran: list[list[Line]] = []
        self.warnings: list[Warning_] = []
        self.mode = "diktum"

    def _next_label(self) -> str | None:
        n = len(self.diktum)
        return ordinals()[n] if n < len(ordinals()) else None

    def _opens_next(self, i: int) -> tuple[str, str] | None:
        expected = self._next_label()
        if expected is None:
            return None
        return diktum_start(self.texts[i], expected, first=not self.diktum)

    def run(self) -> None:
        for i, line in enumerate(self.lines):
            opened = self._opens_next(i)
            if opened is not None:
                label, rest = opened
                if self.mode == "lampiran":
                    self.warnings.append(Warning_("diktum-after-lampiran", label, line.page))
                self.mode = "diktum"
                self.diktum.append((Diktum(label, "", line.page), [rest] if rest else []))
            elif is_lampiran_header(self.texts, i) and (self.mode != "lampiran" or self._restarts(i)):
                self.mode = "lampiran"
                self.lampiran.append([line])
            elif self.mode == "lampiran":
                self.lampiran[-1].append(line)
            elif markers().enacted_at.match(line.text) or self.mode == "closing":
                self.mode = "closing"
                self.closing.append(line)
            else:
                self.diktum[-1][1].append(line.text)

    def _restarts(self, i: int) -> bool:
        """A second header in a Lampiran opens another one only when numbered (LAMPIRAN II)."""
        return bool(markers().lampiran_numbered_scan.match(self.texts[i]))

    def result(self) -> list[Diktum]:
        out = []
        for diktum, lines in self.diktum:
            body = parse_article_body(lines)
            diktum.text, diktum.items = body.text, body.items
            out.append(diktum)
        return out


def parse_diktum(lines: list[Line]) -> tuple[list[Diktum], list[Line], list[list[Line]], list[Warning_]]:
    """Diktum, closing lines, Lampiran blocks and warnings of a Keputusan body that starts
    at its first diktum."""
    parser = _DiktumParser(lines)
    parser.run()
    return parser.result(), parser.closing, parser.lampiran, parser.warnings
