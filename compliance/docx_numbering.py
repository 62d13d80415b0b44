"""Render Word's automatic numbering ("a.", "1.", "(1)") that python-docx leaves out.

Regional drafts number their Menimbang points, Mengingat items, ayat and
huruf with Word lists, so the labels exist only in numbering.xml. We follow
Word's model: a paragraph names a list (``numId``, from itself or its style)
and a level; the list points to an abstract definition whose levels give the
start value, the number format and the label pattern (``%1.``, ``(%2)``).
Counters belong to the abstract definition, so lists sharing one continue
each other, except where a list restarts a level (``startOverride``). Using a
level resets the deeper ones. Paragraphs are labelled in document order.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn

_VAL = qn("w:val")
_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
# Number formats rendered exactly; any other format is rendered as decimal and counted.
FORMATS = ("decimal", "decimalZero", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "bullet", "none")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


class Numbering:
    """Labels of numbered paragraphs, advanced one paragraph at a time in document order."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstract id -> level -> (start, format, text)
        self.lists: dict[str, tuple[str, dict[int, int]]] = {}  # numId -> (abstract id, level -> start override)
        self.styles = _style_numbering(document)
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[str] = set()
        self.approximated = 0  # labels in a format we do not render (shown as decimal)
        root = _numbering_root(document)
        if root is None:
            return
        for abstract in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for level in abstract.iterchildren(qn("w:lvl")):
                levels[int(level.get(qn("w:ilvl"), "0"))] = (
                    int(_child_val(level, "w:start") or 1),
                    _child_val(level, "w:numFmt") or "decimal",
                    _child_val(level, "w:lvlText") or "",
                )
            self.levels[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.iterchildren(qn("w:num")):
            overrides = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = _child_val(override, "w:startOverride")
                if start is not None:
                    overrides[int(override.get(qn("w:ilvl"), "0"))] = int(start)
            self.lists[num.get(qn("w:numId"))] = (_child_val(num, "w:abstractNumId"), overrides)

    def label(self, paragraph) -> str:
        """The label Word shows before ``paragraph`` ("" when it is not numbered)."""
        num_id, level = self._list_of(paragraph)
        if num_id not in self.lists:
            return ""
        abstract, overrides = self.lists[num_id]
        levels = self.levels.get(abstract, {})
        if level not in levels:
            return ""
        counters = self.counters.setdefault(abstract, [None] * _LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for overridden, start in overrides.items():
                counters[overridden] = start - 1
        current = counters[level]
        counters[level] = levels[level][0] if current is None else current + 1
        for deeper in range(level + 1, _LEVELS):
            counters[deeper] = None
        start, fmt, text = levels[level]
        if fmt == "none":
            return ""
        if fmt == "bullet":
            return "\u2022" if not text or "\ue000" <= text[0] <= "\uf8ff" else text
        return _PLACEHOLDER.sub(lambda m: self._format(levels, counters, int(m.group(1)) - 1), text).strip()

    def _format(self, levels, counters: list[int | None], level: int) -> str:
        start, fmt, _ = levels.get(level, (1, "decimal", ""))
        value = counters[level] if counters[level] is not None else start
        if fmt not in FORMATS:
            self.approximated += 1
        return format_number(value, fmt)

    def _list_of(self, paragraph) -> tuple[str | None, int]:
        ppr = paragraph.find(qn("w:pPr"))
        num_id, level = None, None
        if ppr is not None:
            style = ppr.find(qn("w:pStyle"))
            if style is not None and style.get(_VAL) in self.styles:
                num_id, level = self.styles[style.get(_VAL)]
            numpr = ppr.find(qn("w:numPr"))
            if numpr is not None:
                num_id = _child_val(numpr, "w:numId") or num_id
                level = int(_child_val(numpr, "w:ilvl") or level or 0)
        return (None if num_id == "0" else num_id), level or 0


def format_number(value: int, fmt: str) -> str:
    """``value`` as Word prints it in number format ``fmt``."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else str(value)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and value > 0:
        roman, rest = "", value
        for amount, digits in _ROMAN:
            while rest >= amount:
                roman, rest = roman + digits, rest - amount
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _numbering_root(document):
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None


def _style_numbering(document) -> dict[str, tuple[str, int]]:
    """Style id -> (numId, level) for paragraph styles that number, directly or through ``basedOn``."""
    own: dict[str, tuple[str, int]] = {}
    parent: dict[str, str | None] = {}
    for style in document.styles.element.iterchildren(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numpr is not None and _child_val(numpr, "w:numId") is not None:
            own[style_id] = (_child_val(numpr, "w:numId"), int(_child_val(numpr, "w:ilvl") or 0))
        parent[style_id] = _child_val(style, "w:basedOn")
    resolved = {}
    for style_id in parent:
        seen, current = set(), style_id
        while current and current not in seen:
            if current in own:
                resolved[style_id] = own[current]
                break
            seen.add(current)
            current = parent.get(current)
    return resolved


def _child_val(element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return None if child is None else child.get(_VAL)
