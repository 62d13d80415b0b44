"""Every citation and every evidence quote of every sample points at its offsets: the quote is
``text[start:end]`` of the text of the place it names (legal fidelity: verbatim, and findable)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import compliance
from compliance.check import check
from compliance.cite import place_texts
from compliance.models import Evidence, Regulation
from tests.conftest import CORPUS, EXAMPLES

HELDOUT = Path(__file__).resolve().parent / "heldout"
REGIONAL = CORPUS / "regional" / "manifest.json"
# the samples, the held-out texts and the real regional instruments with a text layer (Keputusan:
# diktum and Lampiran sections), when the shared corpus is there
SAMPLES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".pdf", ".docx", ".txt")) + sorted(HELDOUT.glob("*.txt"))
if REGIONAL.exists():
    SAMPLES += sorted(REGIONAL.parent / d["file"] for d in json.loads(REGIONAL.read_text(encoding="utf-8"))["documents"]
                      if d["text_layer"])


def _citation_texts(reg: Regulation, place: dict) -> list[str]:
    """The texts a citation's place names (an annex names no block: every Lampiran block)."""
    key = ("part", "pasal", "parent", "item")
    return [text for where, text in place_texts(reg)
            if all(where.get(k) == place.get(k) for k in key if k in where or k in place)]


def _evidence_texts(reg: Regulation, evidence: Evidence) -> list[str]:
    """The texts an evidence's place names: its article, its Menimbang or Mengingat item, or
    (the Lampiran, whose block it does not name) every Lampiran block."""
    if evidence.pasal == "Menimbang":
        return [t for i, t in enumerate(reg.menimbang) if evidence.ayat in (chr(ord("a") + i), str(i + 1))]
    if evidence.pasal == "Mengingat":
        return [m.text for i, m in enumerate(reg.mengingat) if (m.label or str(i + 1)) == evidence.ayat]
    if evidence.pasal.startswith("Lampiran"):  # "Lampiran", "Lampiran II": one of the blocks
        return [block.text for block in reg.lampiran]
    if evidence.pasal.startswith("Diktum "):
        return [d.text for d in reg.diktum if f"Diktum {d.label}" == evidence.pasal]
    article = reg.article(evidence.pasal, evidence.parent)
    return [article.text] if article is not None else []


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
        texts = _evidence_texts(reg, item)
        assert texts, f"no text for {item.pasal} {item.ayat}"
        assert item.start is not None and item.end - item.start == len(item.quote)
        assert any(t[item.start:item.end] == item.quote for t in texts), item


def test_load_finds_the_citations_once_and_the_check_uses_them(monkeypatch):
    """match, the report and compare read the citations the regulation carries: no new search."""
    import compliance.cite
    from compliance.compare import regulation_links
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
