"""Numbers and dates as the reader writes them: 27,8 and 9 Oktober 2019 in Indonesian.

Every human-facing output (report, terminal summary, matrix, index, history) formats
through here, so a score never reads 27,8 in one place and 27.8 in the next. JSON
keeps machine forms (floats, ISO dates).
"""

from __future__ import annotations

from datetime import date

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}


def number(value: float | int | None, lang: str, empty: str = "—") -> str:
    """A score or weight without trailing zeros, with a decimal comma in Indonesian (76,8)."""
    if value is None:
        return empty
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "id" else text


def long_date(iso: str | None, lang: str, empty: str = "—") -> str:
    """'2019-10-09' (or an ISO timestamp) -> '9 Oktober 2019' / '9 October 2019'; text
    that is not an ISO date is returned as it is (never guessed)."""
    if not iso:
        return empty
    try:
        day = date.fromisoformat(str(iso)[:10])
    except ValueError:
        return str(iso)
    return f"{day.day} {MONTHS.get(lang, MONTHS['id'])[day.month - 1]} {day.year}"
