"""Check the catalog's article references against the official text of the national regulation.

The official Perpres is not bundled; a user who has its PDF passes it (``--national``).
For each entry with an article reference, the referenced article(s) must exist and
contain the entry's anchor terms; otherwise the reference is marked unconfirmed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from compliance.catalog import Catalog, Entry
from compliance.models import Article, Regulation

CONFIRMED = "confirmed"  # article found and every anchor term in it
ANCHORS_MISSING = "anchors_missing"  # article found, some anchor terms not in it
ARTICLE_MISSING = "article_missing"  # no such article in the official text
NOT_CHECKABLE = "not_checkable"  # the catalog knows only a topic: nothing to confirm


@dataclass
class Verification:
    requirement: str
    reference: str
    status: str
    articles: list[str] = field(default_factory=list)
    anchors_found: list[str] = field(default_factory=list)
    anchors_missing: list[str] = field(default_factory=list)
    quote: str = ""  # the official article text (first article of a range)

    def to_dict(self) -> dict[str, Any]:
        return {
            "requirement": self.requirement,
            "reference": self.reference,
            "status": self.status,
            "articles": list(self.articles),
            "anchors_found": list(self.anchors_found),
            "anchors_missing": list(self.anchors_missing),
            "quote": self.quote,
        }


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _referenced_labels(entry: Entry) -> list[str]:
    basis = entry.basis
    if basis.confidence in ("text", "number") and basis.pasal:
        return [basis.pasal]
    if basis.confidence == "range" and basis.range:
        lo, hi = basis.range
        return [str(n) for n in range(lo, hi + 1)]
    return []


def _body_articles(official: Regulation) -> dict[str, Article]:
    return {a.label: a for a in official.articles if a.parent is None}


def verify_entry(entry: Entry, articles: dict[str, Article], lang: str = "id") -> Verification:
    labels = _referenced_labels(entry)
    reference = entry.basis.printable(lang)
    if not labels:
        return Verification(entry.id, reference, NOT_CHECKABLE)
    found = [articles[label] for label in labels if label in articles]
    if not found:
        return Verification(entry.id, reference, ARTICLE_MISSING)
    if entry.basis.ayat:
        ayat = [a for a in found[0].ayat if a.label == entry.basis.ayat]
        if not ayat:
            return Verification(entry.id, reference, ARTICLE_MISSING, [found[0].label])
    text = _fold(" ".join(a.text for a in found))
    hits = [anchor for anchor in entry.anchors if _fold(anchor) in text]
    misses = [anchor for anchor in entry.anchors if _fold(anchor) not in text]
    status = CONFIRMED if not misses else ANCHORS_MISSING
    return Verification(entry.id, reference, status, [a.label for a in found], hits, misses, found[0].text)


def verify(catalog: Catalog, official: Regulation, lang: str = "id") -> list[Verification]:
    """One verification per catalog entry, in catalog order; refused (``ComplianceError``) when
    ``official`` is not the regulation the catalog is about, so nothing is confirmed against it."""
    from compliance.official import check_identity

    check_identity(official, catalog)
    articles = _body_articles(official)
    return [verify_entry(entry, articles, lang) for entry in catalog.entries]
