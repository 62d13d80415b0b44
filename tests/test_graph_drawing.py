"""The report's graph drawing, read off a check's citations and findings without building the
graph, is the drawing of the built graph, byte for byte: on the samples, the regional corpus,
the national corpus, the national act checked itself and hand-made edge cases."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

import compliance
from compliance.catalog import load_catalog
from compliance.check import check
from compliance.report.graph_drawing import drawing
from compliance.report.graph_svg import graph_svg
from tests.conftest import CORPUS, EXAMPLES
from tests.graph_svg_reference import graph_svg as reference_svg
from tests.test_catalog_links import _PERPRES
from tests.test_graph import _findings, _perwal

# internal references, a quoted article, a cited article the text lacks, a self-citation,
# Mengingat items with an act cited twice, unresolved and revoked ones
_EDGES = """PERATURAN WALI KOTA BANYUASRI
NOMOR 7 TAHUN 2023
TENTANG
PERUBAHAN ATAS PERATURAN WALI KOTA BANYUASRI NOMOR 18 TAHUN 2022 <SPBE> & "DATA"

Menimbang : a. bahwa sesuai Pasal 19 Peraturan Presiden Nomor 95 Tahun 2018 perlu diatur;
Mengingat : 1. Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah;
2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;
3. Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;
4. Peraturan Menteri Nomor Tahun tentang Sesuatu;

MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG PERUBAHAN.

Pasal I
Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:
"Pasal 3
(1) Arsitektur SPBE disusun sesuai Pasal 19 ayat (2) huruf a Peraturan Presiden Nomor 95 Tahun 2018.
(2) Sebagaimana dimaksud pada ayat (1) dan Pasal 9 ayat (4)."

Pasal II
(1) Peta Rencana SPBE sesuai Pasal 34 sampai dengan Pasal 39 Peraturan Presiden Nomor 95 Tahun 2018.
(2) Sebagaimana dimaksud dalam Pasal I dan Pasal 40 serta Pasal 19 ayat (2) Peraturan Presiden Nomor 95 Tahun 2018 dan Pasal 19 ayat (2) Peraturan Presiden Nomor 95 Tahun 2018.
(3) Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.
"""


def _paths() -> list:
    paths = sorted(EXAMPLES.glob("*.txt")) + sorted(EXAMPLES.glob("*.docx"))
    regional = CORPUS / "regional" / "manifest.json"
    if regional.exists():
        docs = json.loads(regional.read_text(encoding="utf-8"))["documents"]
        paths += sorted(CORPUS / "regional" / d["file"] for d in docs if d["text_layer"])
    return paths + sorted(CORPUS.glob("*.pdf"))


def _same_as_the_built_graph(reg, catalog, lang: str = "id") -> str:
    result = check(reg, catalog, lang=lang)
    drawn = graph_svg(reg, result.findings, catalog, lang)
    assert drawn == reference_svg(result.graph, reg, lang), reg.source.file
    return drawn


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_samples_and_corpus_draw_as_their_graph(catalog):
    paths = _paths()
    linked = 0
    for path in paths:
        svg = _same_as_the_built_graph(compliance.load(path), catalog)
        linked += "stroke-dasharray" in svg
    assert len(paths) >= 9 and linked >= 1


@pytest.mark.parametrize("lang", ["id", "en"])
def test_edge_cases_draw_as_their_graph(catalog, tmp_path, lang):
    for name, text in (("perwal-edge.txt", _EDGES), ("perpres-95-2018.txt", _PERPRES)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        svg = _same_as_the_built_graph(compliance.load(path), catalog, lang)
        ET.fromstring(svg)  # well-formed: every text escaped
    assert "&lt;SPBE&gt; &amp;" in _same_as_the_built_graph(compliance.load(tmp_path / "perwal-edge.txt"), catalog)


def test_hand_made_findings_draw_as_their_graph(catalog):
    from compliance.graph import build_graph

    reg, findings = _perwal(), _findings()
    graph = build_graph([reg], catalog, findings)
    assert graph_svg(reg, findings, catalog, "en") == reference_svg(graph, reg, "en")
    shown = drawing(reg, findings, catalog)
    assert [a for a, _ in shown.articles] == ["perwal/banyuasri/2022/18#pasal-2", "perwal/banyuasri/2022/18#pasal-3"]
    assert ("perwal/banyuasri/2022/18#pasal-2", "requirement:peta-rencana", "fulfilled", "citation 0.95") in shown.links
    assert [(m.item, m.target, m.revoked_by) for m in shown.mengingat] == [
        ("1", "uu/2004/32", "uu/2014/23"), ("2", "perpres/2018/95", None)]


def test_a_node_a_reference_of_its_own_adds_is_drawn_where_the_graph_puts_it(catalog):
    """Evidence in an article the text only refers to ("Pasal 9", which it lacks): the graph
    holds that article's node from the reference on, so it is drawn before a part the
    evidence adds later (here the Menimbang), labelled as the reference names it."""
    from compliance.graph import add_findings, build_graph
    from compliance.models import Evidence, Finding, Place

    reg = _perwal("Ketentuan sebagaimana dimaksud dalam Pasal 9 ayat (2) berlaku.")
    findings = [
        Finding("prinsip", "Prinsip SPBE", "kebijakan", "Pasal 2", "text", "partial",
                evidence=[Evidence(Place("menimbang", item="a"), "bahwa", "term", 0.85)], confidence=0.85),
        Finding("arsitektur", "Arsitektur SPBE", "kebijakan", "Pasal 20", "text", "partial",
                evidence=[Evidence(Place.from_fields("9", None), "berlaku", "term", 0.85)], confidence=0.85),
    ]
    graph = build_graph([reg], catalog)
    add_findings(graph, reg, findings)
    assert graph_svg(reg, findings, catalog, "id") == reference_svg(graph, reg, "id")
    own = "perwal/banyuasri/2022/18"
    drawn = dict(drawing(reg, findings, catalog).articles)
    assert list(drawn)[-2:] == [f"{own}#pasal-9", f"{own}#menimbang"] and drawn[f"{own}#pasal-9"] == "Pasal 9"


def test_the_catalog_side_is_drawn_from_lines_kept_per_catalog_and_language(catalog):
    """An entry's line, once drawn in a status, is kept per catalog and language: later drawings
    (other documents, the other language, the same ones again) still print what the built
    graph's drawing prints, and an entry only a finding names (rows that are not the catalog's)
    is drawn afresh."""
    from compliance.graph import build_graph
    from compliance.models import Finding
    from compliance.report import graph_svg as module

    paths = _paths()[:4]
    for lang in ("en", "id", "en", "id"):
        for path in paths:
            _same_as_the_built_graph(compliance.load(path), catalog, lang)
    kept = module._CATALOG_LINES.get(catalog, dict)
    assert set(kept) == {"id", "en"}
    assert all(any(line for line in lines) for _, lines in kept.values())
    reg = _perwal()
    findings = _findings() + [Finding("bukan-entri", "Entri <baru>", "lain", "Pasal 1", "text", "missing")]
    assert "requirement:bukan-entri" in [r for r, _, _ in drawing(reg, findings, catalog).requirements]
    for lang in ("id", "en"):
        assert graph_svg(reg, findings, catalog, lang) == reference_svg(build_graph([reg], catalog, findings), reg, lang)
