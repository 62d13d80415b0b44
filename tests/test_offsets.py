"""Every citation and every evidence quote of every sample points at its offsets: the quote is
``text[start:end]`` of the text of the place it names (legal fidelity: verbatim, and findable)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import compliance
from compliance.check import check
from compliance.cite import place_texts
from compliance.models import Place, Regulation
from compliance.places import places, text_of
from compliance.regulation_json import regulation_from_json
from tests.conftest import CORPUS, EXAMPLES

HELDOUT = Path(__file__).resolve().parent / "heldout"
REGIONAL = CORPUS / "regional" / "manifest.json"
# the samples, the held-out texts and the real regional instruments with a text layer (Keputusan:
# diktum and Lampiran sections), when the shared corpus is there
SAMPLES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".pdf", ".docx", ".txt")) + sorted(HELDOUT.glob("*.txt"))
if REGIONAL.exists():
    SAMPLES += sorted(REGIONAL.parent / d["file"] for d in json.loads(REGIONAL.read_text(encoding="utf-8"))["documents"]
                      if d["text_layer"])


def _citation_texts(reg: Regulation, place: Place) -> list[str]:
    """The texts a citation's place names (an annex names no block: every Lampiran block)."""
    return [text for where, text in place_texts(reg)
            if all(getattr(where, k) == getattr(place, k) for k in ("part", "pasal", "parent", "item"))]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_citation_and_quote_is_its_text_at_its_offsets(path: Path):
    reg = compliance.load(path)
    assert reg.citations, "every sample cites something (its Mengingat at least)"
    for citation in reg.citations:
        texts = _citation_texts(reg, citation.place)
        assert texts, f"no text for the place {citation.place}"
        assert any(t[citation.offset:citation.end] == citation.raw for t in texts), citation
    evidence = [e for f in check(reg).findings for e in f.evidence]
    assert evidence, "every sample addresses some requirement"
    for item in evidence:
        text = text_of(reg, item.place)
        assert text is not None, f"no text for {item.place}"
        assert item.start is not None and item.end - item.start == len(item.quote)
        assert text[item.start:item.end] == item.quote, item
        # the quote lies inside the unit (ayat, point, section ...) its place names
        assert item.place.start <= item.start and item.end <= item.place.end, item


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_ayat_point_diktum_and_lampiran_section_is_its_text_at_its_offsets(path: Path):
    reg = compliance.load(path)
    found = list(places(reg))
    kinds = {place.kind for place, _, _ in found}
    assert "pasal" in kinds or "diktum" in kinds
    for place, text, own in found:
        assert place.start is not None and text[place.start:place.end] == own, place
        assert text_of(reg, place) is text, place
    # read back from JSON (the store), every place gets the same offsets again
    again = list(places(regulation_from_json(json.dumps(reg.to_dict()))))
    assert [(p, own) for p, _, own in again] == [(p, own) for p, _, own in found]


def test_load_finds_the_citations_once_and_the_check_uses_them(monkeypatch):
    """match, the report and compare read the citations the regulation carries: no new search."""
    import compliance.cite
    from compliance.relations import regulation_links
    from compliance.report import render_result

    reg = compliance.load(EXAMPLES / "perwal-banyuasri-2022-spbe.txt")
    searches = []
    real = compliance.cite.find_citations
    monkeypatch.setattr(compliance.cite, "find_citations", lambda r: searches.append(r) or real(r))
    result = check(reg)
    for fmt in ("html", "json", "md"):
        render_result(result, fmt)
    regulation_links(reg)
    assert searches == [] and reg.citations
    assert any(d.get("relation") == "satisfies" for _, _, d in result.graph.edges(data=True))
