"""Periods and frequencies written in words, as comparable values.

The number words, time units and cue words are ``regulations/markers.yaml``
(``periods`` and ``values``); the grammar of a numeral, "kali", "se-" and "-an" is here.

A regional text may say "5 (lima) tahun", "lima tahun", "paling sedikit 1 (satu)
kali dalam 2 (dua) tahun", "setiap dua tahun sekali" or "sekali setahun"; the
catalog compares them as numbers (years), never as strings, and keeps the
printed form to show next to the national value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from compliance.markers import Markers, markers

_LEFT = r"(?<![0-9A-Za-z])"


@dataclass(frozen=True)
class _Patterns:
    """The number words, time units and cue words of ``regulations/markers.yaml`` (``periods``)
    in the grammar of a period or a frequency: numerals, "kali", "se-", "sekali", "-an"."""

    numbers: dict[str, int]
    years_per: dict[str, float]
    frequency: re.Pattern[str]
    period: re.Pattern[str]
    deadline: re.Pattern[str]
    citation_number: re.Pattern[str]


@cache
def _patterns(vocab: Markers) -> _Patterns:
    numbers = vocab.values["number_words"]
    years_per = {unit: a / b for unit, (a, b) in vocab.values["time_units"].items()}
    units = "|".join(sorted(numbers, key=len, reverse=True))
    word_number = rf"(?:(?:{units})\s+(?:belas|puluh)(?:\s+(?:{units}))?|{units})"
    # "5", "lima", "5 (lima)", "lima (5)", "dua belas"
    num = rf"(?:\d+(?:\s*\(\s*{word_number}\s*\))?|{word_number}(?:\s*\(\s*\d+\s*\))?)"
    unit = "(?:" + "|".join(years_per) + ")"
    every, at_least, at_most = (f"(?:{vocab.source(name)})" for name in ("every", "at_least", "at_most"))
    at_least, at_most = rf"(?:{at_least}\s+)?", rf"(?:{at_most}\s+)?"

    def span(n: str, u: str, bare: bool = False) -> str:
        """"dua tahun", "2 (dua) tahun", "setahun" (and with ``bare`` "tahun"): a number
        and a unit, in groups ``n`` and ``u``."""
        return rf"(?:(?P<{n}>{num})\s+|se){'?' if bare else ''}(?P<{u}>{unit})"

    frequency = re.compile(
        _LEFT + r"(?:"
        # paling sedikit 1 (satu) kali dalam 2 (dua) tahun / 2 kali setahun / sekali tiap tahun
        rf"{at_least}(?P<times>{num}\s*|se)kali\s+"
        rf"(?:(?:(?:{vocab.source('within')}|{every})\s+(?:(?:{vocab.source('span_of')})\s+)?){span('n1', 'u1', bare=True)}"
        rf"|{span('n0', 'u0')})"
        # setiap dua tahun sekali / 3 (tiga) tahun sekali / setahun sekali
        rf"|{at_most}(?:{every}\s+)?{span('n2', 'u2')}\s+sekali"
        # setiap tahun / tiap 3 (tiga) tahun / per dua tahun / setiap tahun sekali
        rf"|{at_most}{every}\s+(?:(?P<n3>{num})\s+)?(?P<u3>{unit})(?:\s+sekali)?"
        # tahunan / dua tahunan / enam bulanan / triwulanan
        rf"|(?:(?P<n4>{num})\s+)?(?P<u4>{unit})an"
        r")(?![0-9A-Za-z])",
        re.IGNORECASE,
    )
    period = re.compile(
        _LEFT + rf"(?:(?:{vocab.source('period_lead')})\s+(?:selama\s+)?)?(?P<n>{num})\s+(?P<u>{unit})(?![0-9A-Za-z])(?!\s*\d)",
        re.IGNORECASE,
    )
    return _Patterns(numbers, years_per, period=period, frequency=frequency,
                     deadline=vocab.deadline, citation_number=vocab.citation_number_before)


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
    numbers = _patterns(markers()).numbers
    total = 0.0
    current = 0.0
    for word in text:
        if word in numbers:
            current += numbers[word]
        elif word == "belas":
            current += 10
            total += current
            current = 0
        elif word == "puluh":
            total += current * 10
            current = 0
    total += current
    return total or None


def expression(kind: str) -> str:
    """The expression every value of ``kind`` ("frequency", "period") is a match of:
    where it cannot match, the reader finds nothing (``compliance.terms_literals``)."""
    patterns = _patterns(markers())
    return {"frequency": patterns.frequency, "period": patterns.period}[kind].pattern


def frequencies(text: str) -> list[Value]:
    """Every frequency phrase in ``text``, as the interval in years it allows."""
    out, patterns = [], _patterns(markers())
    for m in patterns.frequency.finditer(text):
        n, u = next((f"n{i}", f"u{i}") for i in range(5) if m.group(f"u{i}"))
        interval = number(m.group(n) or "se") * patterns.years_per[m.group(u).lower()]
        if m.group("times"):
            interval /= number(m.group("times"))
        out.append(Value("frequency", interval, m.group(0), m.start(), m.end()))
    return out


def periods(text: str) -> list[Value]:
    """Durations ("jangka waktu 5 (lima) tahun") that are not part of a frequency."""
    taken = [(v.start, v.end) for v in frequencies(text)]
    out, patterns = [], _patterns(markers())
    for m in patterns.period.finditer(text):
        if patterns.citation_number.search(text[max(0, m.start() - 8):m.start()]):
            continue  # "Nomor 95 Tahun 2018" is a citation, not a period
        if any(s < m.end() and m.start() < e for s, e in taken) or patterns.deadline.search(text[max(0, m.start() - 25):m.start()]):
            continue
        out.append(Value("period", number(m.group("n")) * patterns.years_per[m.group("u").lower()], m.group(0), m.start(), m.end()))
    return out
