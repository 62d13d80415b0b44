"""What the gap report shows from the citation layer, as plain data.

``citation_sections(reg)`` gives the two top-level keys ``report_data`` adds to the
``compliance/report@1`` dict: ``mengingat`` (each entry verbatim with the acts
it cites, resolved to canonical ids and their known status from
``regulations/relations.yaml``) and ``internal_references`` (references to an
article, ayat, huruf or angka the regulation does not have). Language-neutral:
the renderers turn them into sentences.
"""

from __future__ import annotations

from typing import Any

from compliance.cite import Citation, citations_of, dangling, mengingat_citations
from compliance.models import Regulation
from compliance.review.units import place_page


def _act(c: Citation) -> dict[str, Any]:
    return {
        "raw": c.raw,
        "resolved": c.resolved,
        "target": c.target,
        "regulation": c.regulation,
        "title": c.title,
        "reason": c.reason,
        "revoked_by": c.status.get("revoked_by"),
        "amended_by": list(c.status.get("amended_by") or []),
        "amends": c.amends,
    }


def mengingat_entries(reg: Regulation, citations: list[Citation]) -> list[dict[str, Any]]:
    """Each Mengingat entry verbatim with its cited acts, one per distinct target
    (an act named again in an amendment's title is listed once), in text order."""
    rows = []
    for entry, cited in mengingat_citations(reg, citations):
        acts, seen = [], set()
        for c in cited:
            key = c.target if c.resolved else ("raw", c.raw)
            if key not in seen:
                seen.add(key)
                acts.append(_act(c))
        rows.append({"label": entry.label, "text": entry.text, "acts": acts})
    return rows


def internal_references(reg: Regulation, citations: list[Citation]) -> list[dict[str, Any]]:
    """References to parts of the regulation that do not exist, with where they stand."""
    return [{"place": c.place.part_dict(), "where": c.place.short(), "reference": c.raw, "target": c.target,
             "page": place_page(reg, c.place)} for c in dangling(citations)]


def citation_sections(reg: Regulation) -> dict[str, Any]:
    """The report keys ``mengingat`` and ``internal_references`` for ``reg``, from its citations."""
    citations = citations_of(reg)
    return {"mengingat": mengingat_entries(reg, citations), "internal_references": internal_references(reg, citations)}
