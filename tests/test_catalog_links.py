"""The catalog's compiled links give, for every cited node, what the citation graph gives."""

from __future__ import annotations

import json

import pytest

import compliance
from compliance.catalog import load_catalog
from compliance.catalog_links import catalog_links
from compliance.cite import citations_of
from compliance.graph import REQUIREMENT, build_graph, requirements_for
from tests.conftest import CORPUS, EXAMPLES

NATIONAL = "perpres/2018/95"

# the national act checked itself: its articles and its own cross-references are nodes of
# the catalog's act in its graph
_PERPRES = """PERATURAN PRESIDEN REPUBLIK INDONESIA
NOMOR 95 TAHUN 2018
TENTANG
SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK

Pasal 1
Dalam Peraturan Presiden ini yang dimaksud dengan SPBE adalah sistem.

Pasal 19
(1) Arsitektur SPBE disusun sebagaimana dimaksud dalam Pasal 1.
(2) Arsitektur SPBE Pemerintah Daerah memuat sebagaimana dimaksud pada ayat (1) huruf a.

Pasal 40
Sesuai dengan Pasal 19 ayat (2) dan Pasal 34 sampai dengan Pasal 39.
"""


def _regulations(tmp_path) -> list:
    paths = sorted(EXAMPLES.glob("*.txt"))
    regional = CORPUS / "regional" / "manifest.json"
    if regional.exists():
        docs = json.loads(regional.read_text(encoding="utf-8"))["documents"]
        paths += sorted(CORPUS / "regional" / d["file"] for d in docs if d["text_layer"])
    national = tmp_path / "perpres-95-2018.txt"
    national.write_text(_PERPRES, encoding="utf-8")
    return [compliance.load(p) for p in [*paths, national]]


def test_every_node_leads_where_the_graph_leads(tmp_path):
    catalog = load_catalog()
    links = catalog_links(catalog)
    assert links.national == NATIONAL
    compared = reached = 0
    for reg in _regulations(tmp_path):
        graph = build_graph([reg], catalog)
        # every node of the check's graph (every cited target and its containers), the articles
        # a range citation walks, an id no citation makes a node of
        asked = [*graph.nodes, *(f"{NATIONAL}#pasal-{n}" for n in range(1, 80)), f"{NATIONAL}#pasal-19-ayat"]
        for node in asked:
            expected = tuple(requirements_for(graph, node))
            assert links.requirements(node) == expected, (reg.source.file, node)
            assert links.entries(node) == {r.removeprefix(REQUIREMENT) for r in expected}
            compared += 1
            reached += bool(expected)
        cited = {c.target for c in citations_of(reg) if c.resolved and c.regulation == NATIONAL and c.pinpoint}
        assert cited <= set(graph.nodes)
    assert compared > 1000 and reached > 50


def test_a_pinpoint_below_an_entrys_article_reaches_it():
    links = catalog_links(load_catalog())
    own = links.requirements(f"{NATIONAL}#pasal-19")
    assert own, "an entry rests on Pasal 19"
    below = links.requirements(f"{NATIONAL}#pasal-19-ayat-7-huruf-q")
    assert set(own) <= set(below)
    assert links.requirements(f"{NATIONAL}#pasal-19-ayat") == ()  # no graph holds this id
    assert links.requirements("uu/2014/23#pasal-19") == ()
    assert set(links.requirements(NATIONAL)) == {REQUIREMENT + e.id for e in load_catalog().entries}


@pytest.mark.parametrize("lang", ["id"])
def test_a_check_builds_its_graph_only_when_asked(lang):
    from compliance.check import check

    result = check(compliance.load(EXAMPLES / "perwal-banyuasri-2022-spbe.txt"), lang=lang)
    assert "graph" not in vars(result), "matching needs no graph"
    graph = result.graph
    assert any(d.get("relation") == "satisfies" for _, _, d in graph.edges(data=True))
    assert result.graph is graph
