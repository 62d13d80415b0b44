"""Where in an instrument a quote stands, as a reader cites it: "Pasal 8 ayat (1)",
"Diktum KEDUA", "Lampiran ...", "judul"."""

from __future__ import annotations

from typing import Any

from compliance.report.labels import labels
from compliance.report.view import pasal_ref

_PART_WORDS = {"id": {"judul": "judul", "diktum": "Diktum"}, "en": {"judul": "title", "diktum": "Diktum"}}


def place_text(place: dict[str, Any], lang: str) -> str:
    """A place dict (an evidence's ``pasal``/``ayat``/``parent``, or a citation place with a
    ``part``) as printed text, never more precise than the place says."""
    words = _PART_WORDS.get(lang, _PART_WORDS["id"])
    part = place.get("part")
    if part == "judul":
        return words["judul"]
    if part == "diktum":
        return f"{words['diktum']} {place.get('pasal') or ''}".strip()
    if place.get("pasal") is None:
        return words.get(part or "", part or "")
    return pasal_ref(place, labels(lang))
