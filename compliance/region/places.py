"""Where in an instrument a quote stands, as a reader cites it: "Pasal 8 ayat (1)",
"Diktum KEDUA", "Lampiran ...", "judul"."""

from __future__ import annotations

from typing import Any

from compliance.models import Place
from compliance.report.view import place_of


def place_text(place: dict[str, Any], lang: str) -> str:
    """A place dict (an evidence's ``pasal``/``ayat``/``parent``, or a citation place with a
    ``part``) as printed text, never more precise than the place says."""
    if place.get("part"):
        return Place.from_part(place).text(lang)
    return place_of(place).text(lang) if place.get("pasal") is not None else ""
