"""The citation type: one citation-like span of a regulation, found by ``compliance.cite``.

Its own module so that the analysed ``Regulation`` (``models``) can carry its citations
without the data types depending on the code that finds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from compliance.models_place import Place


@dataclass
class Citation:
    """One citation-like span. ``target`` is the canonical id with its pinpoint
    (``perpres/2018/95#pasal-58-ayat-4``); ``regulation`` the id without it.
    ``place`` says where the span stands (a ``Place``; in the JSON ``{part, pasal, ayat, item}``).
    ``status`` is what ``regulations/relations.yaml`` knows of the target
    (``revoked_by``, ``amended_by``); ``amends`` is a regulation the text itself
    says this cited one amends ("... sebagaimana telah diubah dengan <this>").
    ``exists`` is the structure check of an internal reference (None = not checked).
    ``form`` is ``regulation`` when the text names the act cited, ``reference``
    for a bare "Pasal 5 ayat (2)" read against the citing (or amended) act.
    ``raw`` is the span ``text[offset:end]`` of the text of its place (``compliance.cite.place_texts``)."""

    raw: str
    kind: str | None
    target: str | None
    pinpoint: str | None
    relation: str
    place: Place
    resolved: bool
    internal: bool = False
    regulation: str | None = None
    pinpoint_end: str | None = None
    title: str | None = None
    status: dict[str, Any] = field(default_factory=dict)
    amends: str | None = None
    reason: str | None = None
    exists: bool | None = None
    offset: int = 0
    form: str = "regulation"

    def to_dict(self) -> dict[str, Any]:
        return {
            "raw": self.raw,
            "kind": self.kind,
            "target": self.target,
            "regulation": self.regulation,
            "pinpoint": self.pinpoint,
            "pinpoint_end": self.pinpoint_end,
            "relation": self.relation,
            "place": self.place.part_dict(),
            "resolved": self.resolved,
            "internal": self.internal,
            "title": self.title,
            "status": dict(self.status),
            "amends": self.amends,
            "reason": self.reason,
            "exists": self.exists,
            "offset": self.offset,
            "form": self.form,
        }

    @property
    def end(self) -> int:
        """Where the span ends in the text of its place: ``text[offset:end] == raw``."""
        return self.offset + len(self.raw)
