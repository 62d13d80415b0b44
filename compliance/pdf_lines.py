"""Rebuild a PDF page's lines from character positions.

pdfium returns text in content-stream order, which some publishers scramble
(a page read bottom-to-top, list numbers emitted apart from their lines).
pdfium already cuts that text into runs ending in a generated "\\r\\n"; we
place each run by the baseline and edges of its first and last glyph
(three cheap calls per run, not one per character), then group runs into
lines by baseline and order them top-to-bottom, left-to-right. A run whose
glyphs do not share one baseline (pdfium glues a line-end hyphen to the next
line) is split glyph by glyph.
"""

from __future__ import annotations

import ctypes
import functools
import operator
import struct
import threading
from codecs import decode

import pypdfium2.raw as pdfium_c

# Two runs belong to one line when their baselines differ by less than this
# share of the glyph height: labels set in a separate column sit up to a point
# or two off the content's baseline, while the next line is a full line away.
SAME_LINE = 0.5
# A horizontal gap wider than this share of the glyph height is a visible space.
VISIBLE_GAP = 0.15

# pdfium marks a hyphen at a line end with U+FFFE (or U+0002); soft hyphens are
# printed hyphens too. Keep them as "-". Layout whitespace becomes a space.
_CHAR_MAP = {0xFFFE: "-", 0x0002: "-", 0x00AD: "-", 0x00A0: " "}
_CHAR_MAP.update({c: " " for c in range(0x20) if c not in _CHAR_MAP})
# Symbol-font glyphs that pdfium reports in the private-use area (U+F0xx).
_CHAR_MAP.update({
    0xF03C: "<", 0xF03E: ">", 0xF057: "\u03a9", 0xF06D: "\u03bc", 0xF0A3: "\u2264",
    0xF0A5: "\u221e", 0xF0B0: "\u00b0", 0xF0B1: "\u00b1", 0xF0B3: "\u2265", 0xF0B4: "\u00d7",
    0xF0B7: "\u2022", 0xF0B8: "\u00f7", 0xF0AE: "\u2192", 0xF0A7: "\u25aa", 0xF0D8: "\u00ac",
})


# A run, a piece of text on one baseline, is a tuple (drop, left, height, right, text): its
# baseline negated (sorting goes down the page), left and right edges and glyph height in
# PDF points. A page has hundreds: tuples are made, sorted and unpacked cheaper than objects.
_Run = tuple[float, float, float, float, str]
_READING_ORDER = operator.itemgetter(0, 1)  # top of the page first, then left to right
_LEFT = operator.itemgetter(1)


def _untyped(function, restype):
    """``function`` of pypdfium2's bindings without argument types: called with ints (a char
    index) and ready ``c_void_p`` objects (the page, the out-parameters), ctypes converts
    nothing, about a third of the cost of these small calls (pointers go as prepared objects:
    an address passed as a bare int would be cut to a C int)."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    untyped = ctypes.CFUNCTYPE(restype)(address)
    untyped.argtypes = None
    return untyped


_RECT = struct.Struct("4f")  # FS_RECTF: left, top, right, bottom
_TWO_RECTS = struct.Struct("8f")  # the boxes of a run's first and last glyph, side by side
_loose_box = _untyped(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
_origin = _untyped(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)
_char_angle = _untyped(pdfium_c.FPDFText_GetCharAngle, ctypes.c_float)


class _Glyphs:
    """What the C calls on a text page's characters need: the page handle and reusable
    out-parameters, as pointer objects (kept alive here while the calls write to them), and
    a buffer for the page's text. Made once per thread (``_glyphs``), not per page."""

    def __init__(self) -> None:
        self.raw = None
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self._boxes = (pdfium_c.FS_RECTF * 2)()
        self.x_at, self.y_at = ctypes.c_void_p(ctypes.addressof(self.x)), ctypes.c_void_p(ctypes.addressof(self.y))
        self.box_at = ctypes.c_void_p(ctypes.addressof(self._boxes))
        self.last_box_at = ctypes.c_void_p(ctypes.addressof(self._boxes) + _RECT.size)
        memory = memoryview(self._boxes).cast("B")
        # the first box as (left, top, right, bottom), or both boxes, in one call each
        self.box = functools.partial(_RECT.unpack_from, memory)
        self.boxes = functools.partial(_TWO_RECTS.unpack_from, memory)
        self.text_buffer = (ctypes.c_ushort * _TEXT_BUFFER)()


# A page's text is read into one buffer of this many UTF-16 units, kept across pages: a
# buffer of the page's own size (pypdfium2's get_text_range) is a ctypes array type made for
# each new length, about half the cost of reading the text. A longer page gets its own.
_TEXT_BUFFER = 1 << 15
_get_text = pdfium_c.FPDFText_GetText
_text_index = pdfium_c.FPDFText_GetTextIndexFromCharIndex
_PER_THREAD = threading.local()


def _glyphs(textpage) -> _Glyphs:
    """This thread's ``_Glyphs``, set to ``textpage``."""
    glyphs = getattr(_PER_THREAD, "glyphs", None)
    if glyphs is None:
        glyphs = _PER_THREAD.glyphs = _Glyphs()
    glyphs.raw = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    return glyphs


def _text(textpage, count: int, glyphs: _Glyphs) -> str:
    """pypdfium2's ``get_text_range()`` of a text page of ``count`` characters (its rule for
    characters pdfium leaves out at either end included, read here by the public C calls
    rather than its private, recursive helper), read into ``glyphs.text_buffer``."""
    first, last = 0, count - 1  # the first and last characters with a place in the text
    while first <= last and _text_index(textpage, first) == -1:
        first += 1
    while first <= last and _text_index(textpage, last) == -1:
        last -= 1
    if first > last:
        return ""
    start, end, left_out, right_out = _text_index(textpage, first), _text_index(textpage, last), first, count - 1 - last
    size = end + 2 - start  # with the terminating NUL
    buffer = glyphs.text_buffer if size <= _TEXT_BUFFER else (ctypes.c_ushort * size)()
    written = _get_text(textpage, left_out, count - left_out - right_out, buffer)
    assert size >= written, f"Buffer too small: {size} vs {written}"
    return decode(memoryview(buffer)[:size][: written - 1], "utf-16-le", errors="ignore")


def page_text(textpage) -> str:
    """The page's text as lines joined by "\\n", in reading order."""
    return "\n".join(_lines(_runs(textpage)))


def _runs(textpage) -> list[_Run]:
    """pdfium's runs placed on the page. This loop is most of the time of reading a PDF beyond
    pdfium's own work, so it calls the C API directly, three or four calls per run."""
    count = textpage.count_chars()
    if count <= 0:
        return []
    glyphs = _glyphs(textpage)
    text = _text(textpage, count, glyphs)
    if len(text) != count:  # text and char indices disagree: rebuild one code point per char
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
    raw, first_at, last_at, x_at, y_at = glyphs.raw, glyphs.box_at, glyphs.last_box_at, glyphs.x_at, glyphs.y_at
    boxes, y = glyphs.boxes, glyphs.y
    loose_box, origin, char_map = _loose_box, _origin, _CHAR_MAP
    runs: list[_Run] = []
    append = runs.append
    start = 0
    for piece in text.split("\n"):
        opened = piece.lstrip()
        if opened:
            stripped = opened.rstrip()
            first = start + len(piece) - len(opened)
            last = first + len(stripped) - 1
            loose_box(raw, first, first_at)
            loose_box(raw, last, last_at)
            left, top, _, bottom, last_left, _, right, last_bottom = boxes()
            height = top - bottom
            if height < 1.0:
                height = 1.0
            origin(raw, first, x_at, y_at)
            baseline = y.value
            # equal font bottoms mean one line; only mixed fonts need the last glyph's baseline
            one_line = abs(last_bottom - bottom) <= 0.1 * height
            if not one_line:
                origin(raw, last, x_at, y_at)
                one_line = abs(y.value - baseline) <= SAME_LINE * height
            if one_line and last_left >= left:
                # _shown, inlined: plain text (the usual case) needs no lookup per character
                shown = stripped if stripped.isascii() and stripped.isprintable() else stripped.translate(char_map)
                append((-baseline, left, height, right, shown))
            else:
                _split_by_glyph(glyphs, text, first, last, runs)
        start += len(piece) + 1
    return runs


def _split_by_glyph(glyphs: _Glyphs, text: str, first: int, last: int, runs: list[_Run]) -> None:
    """Cut a run wherever the baseline jumps or the pen moves back to the left.

    Rotated glyphs (a vertical label in a diagram) run along their own direction:
    consecutive glyphs with one rotation stay together, placed at the first of them.
    """
    raw, rect_at, x_at, y_at, box, y = glyphs.raw, glyphs.box_at, glyphs.x_at, glyphs.y_at, glyphs.box, glyphs.y
    loose_box, origin, char_angle = _loose_box, _origin, _char_angle
    run: list | None = None  # [baseline, height, left, right, first glyph, last glyph] of the run being read
    pieces: list[list] = []
    piece_angle = 0.0
    for index in range(first, last + 1):
        if text[index].isspace():
            continue
        loose_box(raw, index, rect_at)
        left, top, right, bottom = box()
        origin(raw, index, x_at, y_at)
        baseline = y.value
        angle = round(char_angle(raw, index), 2) % 6.28  # rounded: glyphs of one direction compare equal
        rotated_along = run is not None and angle == piece_angle != 0.0
        if not rotated_along and (run is None or angle != piece_angle or left < run[3] - run[1]
                                  or abs(baseline - run[0]) > SAME_LINE * run[1]):
            run = [baseline, max(top - bottom, 1.0), left, right, index, index]
            pieces.append(run)
            piece_angle = angle
        if right > run[3]:
            run[3] = right
        run[5] = index
    for baseline, height, left, right, start, end in pieces:
        runs.append((-baseline, left, height, right, _shown(text[start : end + 1])))


def _shown(text: str) -> str:
    """``text`` with pdfium's markers and symbol glyphs mapped (``_CHAR_MAP``); plain text,
    the usual case, is returned as it is without a lookup per character."""
    return text if text.isascii() and text.isprintable() else text.translate(_CHAR_MAP)


def _lines(runs: list[_Run]) -> list[str]:
    """Group runs into lines (top of the page first), each line read left to right. A line of
    one run of plain text (most lines) is taken as it is, without a call to ``_join``."""
    runs.sort(key=_READING_ORDER)
    lines: list[str] = []
    append = lines.append
    group: list[_Run] = []
    drop = height = 0.0  # the baseline and glyph height of the group's first run
    for run in runs:
        if not group:
            group, drop, height = [run], run[0], run[2]
            continue
        least = run[2] if run[2] < height else height  # min(height, run[2]), unrolled
        if run[0] - drop > SAME_LINE * least:
            text = group[0][4]
            if len(group) == 1 and text.isascii() and text.isprintable() and "  " not in text and text[:1] != " " != text[-1:]:
                append(text)  # _join's first case, inlined
            else:
                append(_join(group))
            group, drop, height = [run], run[0], run[2]
        else:
            group.append(run)
    if group:
        append(_join(group))
    return [line for line in lines if line]


def _join(group: list[_Run]) -> str:
    """Join a line's runs left to right, with one space where a gap shows; collapse layout
    whitespace (the runs' characters are mapped already)."""
    if len(group) == 1:
        text = group[0][4]
        if text.isascii() and text.isprintable() and "  " not in text and text[:1] != " " != text[-1:]:
            return text  # spaced already: most lines are one run of plain text
        return " ".join(text.split())
    group.sort(key=_LEFT)
    parts = [group[0][4]]
    for prev, run in zip(group, group[1:]):
        if abs(run[1] - prev[3]) > VISIBLE_GAP * min(prev[2], run[2]):
            parts.append(" ")
        parts.append(run[4])
    return " ".join("".join(parts).split())


def normalise(text: str) -> str:
    """Map pdfium's hyphen markers and symbol glyphs to text; collapse layout whitespace."""
    return " ".join(text.translate(_CHAR_MAP).split())
