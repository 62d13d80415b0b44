"""Periods and frequencies written in words, as comparable values.

A regional text may say "5 (lima) tahun", "lima tahun", "paling sedikit 1 (satu)
kali dalam 2 (dua) tahun", "setiap dua tahun sekali" or "sekali setahun"; the
catalog compares them as numbers (years), never as strings, and keeps the
printed form to show next to the national value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11,
}
_YEARS_PER = {"tahun": 1.0, "bulan": 1 / 12, "semester": 0.5, "triwulan": 0.25, "minggu": 7 / 365}


def _word_number() -> str:
    units = "|".join(sorted(_UNITS, key=len, reverse=True))
    return rf"(?:(?:{units})\s+(?:belas|puluh)(?:\s+(?:{units}))?|{units})"


# "5", "lima", "5 (lima)", "lima (5)", "dua belas"
_NUM = rf"(?:\d+(?:\s*\(\s*{_word_number()}\s*\))?|{_word_number()}(?:\s*\(\s*\d+\s*\))?)"
_UNIT = r"(?:tahun|bulan|semester|triwulan|minggu)"
_LEFT = r"(?<![0-9A-Za-z])"

_EVERY = r"(?:setiap|tiap(?:[\s\-]tiap)?|per)"
_AT_LEAST = r"(?:(?:paling\s+(?:sedikit|kurang)|minimal|sekurang-kurangnya)\s+)?"
_AT_MOST = r"(?:(?:paling\s+(?:lama|lambat)|selambat-lambatnya)\s+)?"


def _span(n: str, u: str, bare: bool = False) -> str:
    """"dua tahun", "2 (dua) tahun", "setahun" (and with ``bare`` "tahun"): a number
    and a unit, in groups ``n`` and ``u``."""
    return rf"(?:(?P<{n}>{_NUM})\s+|se){'?' if bare else ''}(?P<{u}>{_UNIT})"


_FREQUENCY = re.compile(
    _LEFT + r"(?:"
    # paling sedikit 1 (satu) kali dalam 2 (dua) tahun / 2 kali setahun / sekali tiap tahun
    rf"{_AT_LEAST}(?P<times>{_NUM}\s*|se)kali\s+"
    rf"(?:(?:(?:dalam|{_EVERY})\s+(?:(?:jangka|kurun)\s+waktu\s+)?){_span('n1', 'u1', bare=True)}"
    rf"|{_span('n0', 'u0')})"
    # setiap dua tahun sekali / 3 (tiga) tahun sekali / setahun sekali
    rf"|{_AT_MOST}(?:{_EVERY}\s+)?{_span('n2', 'u2')}\s+sekali"
    # setiap tahun / tiap 3 (tiga) tahun / per dua tahun / setiap tahun sekali
    rf"|{_AT_MOST}{_EVERY}\s+(?:(?P<n3>{_NUM})\s+)?(?P<u3>{_UNIT})(?:\s+sekali)?"
    # tahunan / dua tahunan / enam bulanan / triwulanan
    rf"|(?:(?P<n4>{_NUM})\s+)?(?P<u4>{_UNIT})an"
    r")(?![0-9A-Za-z])",
    re.IGNORECASE,
)

_PERIOD = re.compile(
    _LEFT + rf"(?:(?:jangka\s+waktu|kurun\s+waktu|periode|masa\s+berlaku|berlaku|untuk)\s+(?:selama\s+)?)?(?P<n>{_NUM})\s+(?P<u>{_UNIT})(?![0-9A-Za-z])(?!\s*\d)",
    re.IGNORECASE,
)

# "paling lama 3 (tiga) tahun" is a deadline, not how long a plan runs.
_DEADLINE = re.compile(r"(?:paling\s+(?:lama|lambat)|selambat-lambatnya|dalam\s+waktu|terhitung|sejak|setelah|sebelum)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Value:
    """A parsed period or frequency: ``years`` is the duration, or for a
    frequency the longest interval between two occurrences."""

    kind: str  # "period" or "frequency"
    years: float
    printed: str
    start: int
    end: int


def number(text: str) -> float | None:
    """The number in "5", "lima", "5 (lima)", "dua belas", "se" (= 1)."""
    text = text.strip().lower()
    digits = re.match(r"\d+", text)
    if digits:
        return float(digits.group())
    if text in ("", "se"):
        return 1.0
    text = re.sub(r"\(.*?\)", "", text).split()
    total = 0.0
    current = 0.0
    for word in text:
        if word in _UNITS:
            current += _UNITS[word]
        elif word == "belas":
            current += 10
            total += current
            current = 0
        elif word == "puluh":
            total += current * 10
            current = 0
    total += current
    return total or None


def frequencies(text: str) -> list[Value]:
    """Every frequency phrase in ``text``, as the interval in years it allows."""
    out = []
    for m in _FREQUENCY.finditer(text):
        n, u = next((f"n{i}", f"u{i}") for i in range(5) if m.group(f"u{i}"))
        interval = number(m.group(n) or "se") * _YEARS_PER[m.group(u).lower()]
        if m.group("times"):
            interval /= number(m.group("times"))
        out.append(Value("frequency", interval, m.group(0), m.start(), m.end()))
    return out


def periods(text: str) -> list[Value]:
    """Durations ("jangka waktu 5 (lima) tahun") that are not part of a frequency."""
    taken = [(v.start, v.end) for v in frequencies(text)]
    out = []
    for m in _PERIOD.finditer(text):
        if re.search(r"(?:nomor|no\.)\s*$", text[max(0, m.start() - 8):m.start()], re.IGNORECASE):
            continue  # "Nomor 95 Tahun 2018" is a citation, not a period
        if any(s < m.end() and m.start() < e for s, e in taken) or _DEADLINE.search(text[max(0, m.start() - 25):m.start()]):
            continue
        out.append(Value("period", number(m.group("n")) * _YEARS_PER[m.group("u").lower()], m.group(0), m.start(), m.end()))
    return out
