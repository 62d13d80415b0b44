"""The check's results: a ``Finding`` per catalog requirement, with the ``Evidence`` quoted
for it and the ``Conflict`` s found (re-exported by ``compliance.models``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from compliance.models_place import Place, Placed


def to_dicts(parts: list) -> list[dict[str, Any]]:
    """``to_dict`` of each part: most lists (a finding's evidence and conflicts, an ayat's
    points) are empty, and an empty list needs no comprehension (every report makes them)."""
    return [p.to_dict() for p in parts] if parts else []

@dataclass
class Evidence(Placed):
    """Where a regulation addresses a requirement. ``place``: the ayat, article, diktum,
    Menimbang/Mengingat item or Lampiran section quoted; ``quote`` is verbatim from its
    text; ``via`` is ``citation``, ``term`` or ``similarity``; ``matched`` lists the exact
    substrings of ``quote`` to highlight. ``start``/``end``: the quote is ``text[start:end]``
    of the text ``place`` indexes (the article, diktum, Menimbang or Mengingat item, or
    Lampiran block; not in the report JSON, which names the place by ``pasal``/``ayat``/``parent``)."""

    place: Place
    quote: str
    via: str
    score: float
    matched: list[str] = field(default_factory=list)
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        pasal, ayat = self.place.fields()  # read once (``pasal`` and ``ayat`` would each read them)
        return {
            "pasal": pasal,
            "ayat": ayat,
            "quote": self.quote,
            "via": self.via,
            "score": round(self.score, 3),
            "matched": list(self.matched),
            "parent": self.parent,
        }


@dataclass
class Conflict(Placed):
    """A regional parameter that contradicts the national one; values as printed, ``place``
    where the regional one stands."""

    parameter: str
    national: str
    regional: str
    place: Place

    def to_dict(self) -> dict[str, Any]:
        return {
            "parameter": self.parameter,
            "national": self.national,
            "regional": self.regional,
            "pasal": self.pasal,
            "ayat": self.ayat,
        }


@dataclass
class Finding:
    """The verdict on one catalog requirement."""

    requirement: str
    title: str
    group: str
    basis: str  # the reference as it may be printed (never more precise than known)
    basis_confidence: str  # text | number | range | topic
    status: str
    evidence: list[Evidence] = field(default_factory=list)
    missing_elements: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    indicators: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # note codes / short reasons
    confidence: float = 0.0
    act: str = ""  # the national act the requirement comes from ("Perpres 95/2018"; a supplement's own)

    def to_dict(self) -> dict[str, Any]:
        return {
            "requirement": self.requirement,
            "title": self.title,
            "group": self.group,
            "basis": self.basis,
            "basis_confidence": self.basis_confidence,
            "status": self.status,
            "evidence": to_dicts(self.evidence),
            "missing_elements": list(self.missing_elements),
            "conflicts": to_dicts(self.conflicts),
            "indicators": list(self.indicators),
            "notes": list(self.notes),
            "confidence": round(self.confidence, 3),
            "act": self.act,
        }
