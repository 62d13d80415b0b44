"""Citations of the catalog's national regulation (Perpres 95/2018) placed in the units
they stand in and linked to catalog entries through the catalog's compiled links
(``compliance.catalog_links``: what the citation graph would give, with no graph built).
The citations were found once, by ``compliance.load``; nothing is searched again here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compliance.catalog import Catalog
from compliance.catalog_links import CatalogLinks, catalog_links
from compliance.cite import Citation, citations_of
from compliance.match_units import Unit
from compliance.models import Regulation
from compliance.terms import Span

RANGE_MAX = 60  # "Pasal 34 sampai dengan Pasal 39": articles walked at most


@dataclass(frozen=True)
class UnitCitation:
    """A citation of the catalog's regulation inside one unit: its span (offsets in
    ``unit.body``), whether it names an article, the entries whose own article it
    pinpoints (``exact``), and the range-based entry whose article range holds the
    pinpointed article (``ranged``)."""

    span: Span
    pinpoint: bool = False
    exact: frozenset[str] = frozenset()
    ranged: frozenset[str] = frozenset()


def _cited_entries(links: CatalogLinks, citation: Citation) -> tuple[frozenset[str], frozenset[str]]:
    """Entries a citation leads to (cites -> Perpres article -> basis_of).

    A pinpoint of an entry's own article (or ayat, or the article holding that ayat)
    links it exactly. A range-based entry (Aplikasi: Pasal 34–39) links only when the
    pinpointed article lies in its range and in no other entry's range: the catalog
    knows the range, not the article, so Pasal 35 may point to Aplikasi but Pasal 47
    (seven management entries share Pasal 46–54) points to none of them. The finding
    still prints the catalog's basis (``Pasal 34–39``), never the cited article.
    """
    if not citation.pinpoint:
        return frozenset(), frozenset()
    targets = [citation.target]
    first, last = _article_number(citation.pinpoint), _article_number(citation.pinpoint_end)
    if first is not None and last is not None and first < last <= first + RANGE_MAX:
        targets = [f"{citation.regulation}#pasal-{n}" for n in range(first, last + 1)]
    found = {r for t in targets for r in links.entries(t)}
    confidence = links.confidence
    exact = frozenset(r for r in found if confidence.get(r) in ("text", "number"))
    ranged = [r for r in found if confidence.get(r) == "range"]
    return exact, frozenset(ranged) if len(ranged) == 1 else frozenset()


def _article_number(pinpoint: str | None) -> int | None:
    m = re.match(r"pasal-(\d+)$", pinpoint or "")
    return int(m.group(1)) if m else None


def national_citations(reg: Regulation, catalog: Catalog, all_units: list[Unit]) -> dict[int, list[UnitCitation]]:
    """id(unit) -> the unit's citations of the catalog's regulation (Perpres 95/2018),
    the ones the regulation carries (``compliance.cite``), linked to entries as its
    citation graph (``compliance.graph``) links them. Citations in the title or the
    Penjelasan have no unit and are not used."""
    links = catalog_links(catalog)
    national = links.national
    if national is None:
        return {}
    citations = [c for c in citations_of(reg) if c.resolved and c.regulation == national
                 and c.relation in ("cites", "implements")]
    out: dict[int, list[UnitCitation]] = {}
    for citation in citations:
        unit = _unit_at(all_units, citation)
        if unit is None:
            continue
        exact, ranged = _cited_entries(links, citation)
        end = min(citation.end, unit.end)
        span = (citation.offset - unit.start, end - unit.start)
        out.setdefault(id(unit), []).append(UnitCitation(span, bool(citation.pinpoint), exact, ranged))
    return out


def _unit_at(all_units: list[Unit], citation: Citation) -> Unit | None:
    """The unit a citation stands in: the same article or the same Menimbang /
    Mengingat item, holding the citation's offset, with the cited words at that
    offset of the unit's text."""
    place, start, raw = citation.place, citation.offset, citation.raw
    part = place.part
    if part not in ("pasal", "menimbang", "mengingat", "lampiran", "diktum"):
        return None  # the title or the Penjelasan
    article = {"pasal": (place.pasal, place.parent), "diktum": ("Diktum", place.diktum)}.get(part)
    candidates = []
    for unit in all_units:
        if part == "lampiran":
            if unit.where[0] not in ("lampiran", "lampiran-section"):  # the place's kind
                continue
        elif article is not None:
            if unit.kind not in ("operative", "definition") or unit.article_key != article:
                continue
        elif unit.kind != part:
            continue
        if unit.start <= start < unit.end and unit.text.startswith(raw, start):
            candidates.append(unit)
    labelled = [u for u in candidates if article is not None or (u.ayat or "").strip("().") == place.item]
    return (labelled or candidates or [None])[0]
