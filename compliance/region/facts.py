"""What one instrument contributes to its region's assessment, computed once per file.

``instrument_report`` runs in the batch workers (and is stored, so a warm run is a
look-up): the instrument's identity, its findings with the tags the indicator estimate
needs, the instruments it revokes or amends (each with the place and the sentence that
says so, verbatim), and the articles it restates or removes when it is an amendment.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from compliance.markers import markers
from compliance.models import Regulation
from compliance.resources import data_yaml

INSTRUMENT_SCHEMA = "compliance/instrument@1"
# Parts of an instrument that can state a revocation or an amendment (Mengingat only cites).
_STATING_PARTS = ("judul", "pasal", "diktum")
_SENTENCE_END = re.compile(r"(?<=[.;:])\s+|\n\s*(?=\(\d+[a-z]?\)|[a-z0-9]{1,2}[.)]\s)")


def instrument_report(catalog_path: str, lang: str, regulation: Regulation) -> dict[str, Any]:
    """The stored facts of one instrument (a ``Pipeline.check`` for the batch)."""
    from compliance.catalog import load_catalog
    from compliance.match import match_with_tags
    from compliance.score import score

    catalog = load_catalog(catalog_path)
    findings, tags = match_with_tags(regulation, catalog, lang)
    return {
        "schema": INSTRUMENT_SCHEMA,
        "regulation": {"metadata": regulation.metadata.to_dict(), "source": regulation.source.to_dict()},
        "id": _own_id(regulation),
        "findings": [f.to_dict() for f in findings],
        "tags": {k: sorted(v) for k, v in sorted(tags.items()) if v},
        "summary": {"score": score(findings, catalog)},
        "relations": relations(regulation),
        "amended_articles": amended_articles(regulation),
    }


def _own_id(regulation: Regulation) -> str:
    from compliance.cite import regulation_key

    return regulation_key(regulation)


@cache
def _revoke_cues() -> tuple[str, ...]:
    cues = data_yaml("regulations", "relations.yaml")["cues"]["revokes"]
    return tuple(" ".join(c.casefold().split()) for c in cues["before"] + cues["after"])


def unit_texts(regulation: Regulation) -> list[tuple[dict[str, Any], str]]:
    """(place, text) of every operative unit that can revoke or amend: the articles, and the
    diktum of a Keputusan when the parser gives them."""
    out: list[tuple[dict[str, Any], str]] = [
        ({"part": "pasal", "pasal": a.label, "parent": a.parent}, a.text) for a in regulation.articles]
    for diktum in getattr(regulation, "diktum", None) or []:
        out.append(({"part": "diktum", "pasal": getattr(diktum, "label", None), "parent": None},
                    getattr(diktum, "text", "")))
    return out


def _sentence(text: str, at: int) -> str:
    """The sentence of ``text`` around offset ``at``, verbatim."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, max(at, 0))]
    start = starts[-1] if starts else 0
    stop = next((m.start() for m in _SENTENCE_END.finditer(text, max(at, start))), len(text))
    return text[start:stop].strip()


def relations(regulation: Regulation) -> list[dict[str, Any]]:
    """Every revocation or amendment this instrument states: ``{kind, target, title, raw,
    place, quote}``. A sentence with a revocation cue but no identified act gives one
    entry with ``target`` None; the region then looks for the act by its title."""
    from compliance.cite import citations_of

    own = _own_id(regulation)
    texts = {(p["part"], p.get("pasal"), p.get("parent")): (p, t) for p, t in unit_texts(regulation)}
    found: dict[tuple, dict[str, Any]] = {}
    cited_sentences: set[tuple] = set()
    for c in citations_of(regulation):
        if (c.relation not in ("revokes", "amends") or c.internal or (c.regulation and c.regulation == own)
                or c.place.part not in _STATING_PARTS):
            continue
        key = (c.place.part, c.place.pasal, c.place.parent)
        unit = texts.get(key)
        quote = _sentence(unit[1], c.offset) if unit else c.raw
        place = {k: c.place.part_dict().get(k) for k in ("part", "pasal", "ayat", "parent")}
        entry = {"kind": c.relation, "target": c.regulation, "title": c.title, "raw": c.raw,
                 "place": place, "quote": quote}
        found.setdefault((c.relation, c.regulation or c.raw, quote), entry)
        cited_sentences.add((key, quote))
    for place, text in texts.values():
        key = (place["part"], place.get("pasal"), place.get("parent"))
        for sentence in _sentences(text):
            folded = " ".join(sentence.casefold().split())
            if (key, sentence) not in cited_sentences and any(cue in folded for cue in _revoke_cues()):
                found.setdefault(("revokes", None, sentence), {
                    "kind": "revokes", "target": None, "title": None, "raw": None,
                    "place": {"part": place["part"], "pasal": place.get("pasal"), "ayat": None,
                              "parent": place.get("parent")}, "quote": sentence})
    return [found[k] for k in sorted(found, key=lambda k: (k[0], str(k[1]), k[2]))]


def _sentences(text: str) -> list[str]:
    cuts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    return [s for s in (text[a:b].strip() for a, b in zip(cuts, cuts[1:])) if s]


def amended_articles(regulation: Regulation) -> list[str]:
    """Labels of the amended instrument's articles this one changes or removes: those it
    restates (articles inside an amending "Pasal I") and those its points say are changed
    or deleted. Empty for an instrument that amends nothing."""
    labels = {a.label for a in regulation.articles if a.parent}
    for article in regulation.articles:
        if article.parent is None and re.fullmatch(r"[IVX]+", article.label):
            for pattern in (markers().article_changed, markers().article_removed):
                labels.update(pattern.findall(article.text))
    return sorted(labels, key=_label_order)


def _label_order(label: str) -> tuple[int, str]:
    digits = re.match(r"\d+", label)
    return (int(digits.group()) if digits else 0, label)
