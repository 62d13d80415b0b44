"""Reading structural labels the way the sequence expects them.

A label alone says little: ``Pasal I`` is the first amending article or an OCR
misreading of ``Pasal 1``; ``Pasal l5`` is article 15. These helpers turn a
printed label into its candidate readings and answer whether one reading is the
next in a sequence (``5`` -> ``6`` or ``5A``; ``a`` -> ``b``; ``I`` -> ``II``).
"""

from __future__ import annotations

import re
from functools import cache

from compliance.clean import layout

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ARABIC = re.compile(r"^(\d+)([A-Z]?)$")
_SUFFIXED = re.compile(r"(.+?)([A-H]?)")  # an article label and the capital of an inserted one
_SPACED_SUFFIX = re.compile(r"(?<=\d)\s+(?=[A-Z]$)")  # "18 A"
_ROMAN_ONES = re.compile(r"[l1|]")  # read as I in a roman numeral
_ROMAN_LETTER = re.compile(r"[IVX]")
_NUMBER_LETTER = re.compile(r"\d+[a-z]")
_LETTER = re.compile(r"[a-z]")
_DOUBLE_LETTER = re.compile(r"[a-z]{2}")


def roman_value(text: str) -> int | None:
    """Value of a roman numeral written in capitals, or None."""
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = _ROMAN[c]
        total += -v if i + 1 < len(text) and _ROMAN[text[i + 1]] > v else v
    return total if to_roman(total) == text else None


def to_roman(n: int) -> str:
    out = ""
    for v, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


@cache
def _lookalikes() -> dict[str, list[str]]:
    table = layout()["digit_lookalikes"]
    return {str(k): [str(x) for x in (v if isinstance(v, list) else [v])] for k, v in table.items()}


def digit_readings(text: str) -> list[str]:
    """Every reading of OCR lookalikes as digits (``l5`` -> ``15``; ``S`` -> ``5``, ``8``)."""
    if text.isascii() and text.isdigit():
        return [str(int(text))]  # digits only, as most labels are: the one reading
    table = _lookalikes()
    outs = [""]
    for c in text:
        options = [c] if c.isdigit() else table.get(c)
        if not options:
            return []
        outs = [o + x for o in outs for x in options][:8]
    return [str(int(o)) for o in outs if o]


def as_digits(text: str) -> str | None:
    """The first reading of ``text`` as a number (``l5`` -> ``15``, ``2O`` -> ``20``), or None."""
    readings = digit_readings(text)
    return readings[0] if readings else None


def arabic_readings(raw: str) -> list[str]:
    """Arabic article labels a printed label may stand for: ``5A``, ``l5`` -> ``15``."""
    raw = raw.strip().rstrip(".:")
    m = _SUFFIXED.fullmatch(raw)
    readings = []
    if m:
        # the body (digits or lookalikes) and an optional capital suffix (45A)
        options = [(raw, ""), (m.group(1), m.group(2))]
        if m.group(2) and m.group(1).isdigit() and m.group(2) not in _lookalikes():
            options.reverse()  # 45B is article 45B before it is a misread 458
        for body, suffix in options:
            for number in digit_readings(body) if body else []:
                label = number + suffix
                if number != "0" and label not in readings:
                    readings.append(label)
    return readings


def label_readings(raw: str) -> list[str]:
    """Every reading of a printed Pasal label: roman first when it is one, then arabic,
    then with a last digit read as the letter of an inserted article (``168`` -> ``16B``)."""
    raw = _SPACED_SUFFIX.sub("", raw.strip().rstrip(".:"))  # "18 A": an inserted article
    out = [raw] if roman_value(raw) else []
    out += [r for r in arabic_readings(raw) if r not in out]
    roman = _ROMAN_ONES.sub("I", raw)
    if roman != raw and (_ROMAN_LETTER.search(raw) or len(raw) > 1) and roman_value(roman) and roman not in out:
        out.append(roman)  # "Il" may be II as well as 11; "11" is II in a text layer's font
    letters = _letter_lookalikes()
    if len(raw) >= 2 and raw[-1] in letters:
        out += [r for r in arabic_readings(raw[:-1] + letters[raw[-1]]) if r not in out]
    return out


@cache
def _letter_lookalikes() -> dict[str, str]:
    return {str(k): str(v) for k, v in layout().get("letter_lookalikes", {}).items()}


def split_arabic(label: str) -> tuple[int, str] | None:
    m = _ARABIC.match(label)
    return (int(m.group(1)), m.group(2)) if m else None


def follows(previous: str | None, label: str, max_jump: int = 1) -> bool:
    """Is ``label`` a plausible next article after ``previous`` (None = first)?

    ``5`` -> ``6``, ``5A`` -> ``5B`` or ``6``; ``max_jump`` allows skipped numbers.
    """
    cur = split_arabic(label)
    if cur is None:
        return False
    if previous is None:
        return cur[1] == "" and cur[0] <= max_jump
    prev = split_arabic(previous)
    if prev is None:
        return False
    if cur[0] == prev[0]:
        return cur[1] != "" and (prev[1] == "" and cur[1] == "A" or prev[1] != "" and ord(cur[1]) == ord(prev[1]) + 1)
    if cur[0] == prev[0] + 1 and cur[1] in ("", "A"):
        return True
    return cur[1] == "" and prev[0] < cur[0] <= prev[0] + max_jump


def next_roman(previous: str | None) -> str:
    return "I" if previous is None else to_roman((roman_value(previous) or 0) + 1)


def next_labels(label: str) -> list[str]:
    """Labels that may follow an enumeration label: ``a`` -> ``b``; ``2`` -> ``3``, ``2a``."""
    if label.isdigit():
        return [str(int(label) + 1), label + "a"]
    if _NUMBER_LETTER.fullmatch(label):
        return [label[:-1] + chr(ord(label[-1]) + 1), str(int(label[:-1]) + 1)]
    if _LETTER.fullmatch(label):
        return [chr(ord(label) + 1)] if label != "z" else ["aa"]
    if _DOUBLE_LETTER.fullmatch(label) and label[0] == label[1]:
        return [chr(ord(label[0]) + 1) * 2]
    return []
