"""The citation graph: nodes and edges, traversal to catalog entries, exports, its SVG (report.graph_svg), CLI."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import networkx as nx
import pytest
from click.testing import CliRunner

from compliance.catalog import load_catalog
from compliance.cli import main
from compliance.graph import (
    REQUIREMENT,
    add_findings,
    build_graph,
    requirements_for,
    to_dot,
    to_graphml,
    to_node_link,
)
from compliance.models import Article, Ayat, Evidence, Finding, Mengingat, Metadata, Place, Regulation, Source
from compliance.report.graph_svg import graph_svg
from tests.conftest import CORPUS, EXAMPLES
from tests.transcript import read_transcript

OWN = "perwal/banyuasri/2022/18"


def _perwal(extra_article: str = "") -> Regulation:
    return Regulation(
        source=Source(file="perwal.pdf", sha256="x", pages=3),
        metadata=Metadata(jenis="Peraturan Wali Kota", jenis_kode="perwal", daerah="Banyuasri", nomor="18",
                          tahun=2022, tentang="SPBE <uji> & \"kutip\""),
        mengingat=[
            Mengingat("Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah;", "1"),
            Mengingat("Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik;", "2"),
        ],
        articles=[
            Article("1", "Dalam Peraturan Wali Kota ini yang dimaksud dengan SPBE adalah <sistem>.", 1),
            Article("2", "(1) Peta Rencana SPBE disusun sesuai Pasal 19 Peraturan Presiden Nomor 95 Tahun 2018.\n"
                         "(2) Peta Rencana sebagaimana dimaksud pada ayat (1) ditetapkan Wali Kota.", 2,
                    ayat=[Ayat("1", "(1) ..."), Ayat("2", "(2) ...")]),
            Article("3", "Wali Kota menetapkan kebijakan sebagaimana dimaksud dalam Pasal 61 Peraturan Presiden "
                         "Nomor 95 Tahun 2018. " + extra_article, 2),
        ],
    )


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _findings() -> list[Finding]:
    return [
        Finding("peta-rencana", "Peta Rencana SPBE", "perencanaan", "Pasal 19", "text", "fulfilled",
                evidence=[Evidence(Place.from_fields("2", "1"), "Peta Rencana SPBE disusun", "citation", 0.95)], confidence=0.9),
        Finding("audit-keamanan", "Audit keamanan SPBE", "keamanan", "Pasal 58", "text", "missing"),
    ]


def test_article_cites_perpres_article_basis_of_requirement(catalog):
    g = build_graph([_perwal()], catalog=catalog)
    assert g.nodes[f"{OWN}#pasal-2"]["type"] == "article"
    assert g.has_edge(f"{OWN}#pasal-2", "perpres/2018/95#pasal-19", key="cites:0")
    assert g.has_edge("perpres/2018/95#pasal-19", REQUIREMENT + "peta-rencana", key="basis_of:0")
    assert nx.has_path(g, f"{OWN}#pasal-2", REQUIREMENT + "peta-rencana")
    assert requirements_for(g, "perpres/2018/95#pasal-19") == [REQUIREMENT + "peta-rencana"]
    # the catalog bases kebijakan-kepala-daerah on Pasal 61 ayat (1): citing Pasal 61 reaches it through containment
    assert REQUIREMENT + "kebijakan-kepala-daerah" in requirements_for(g, "perpres/2018/95#pasal-61")
    assert g.has_edge("perpres/2018/95#pasal-61", "perpres/2018/95#pasal-61-ayat-1", key="contains:0")


def test_article_citations_lead_to_requirements_for_the_matcher(catalog):
    g = build_graph([_perwal()], catalog=catalog)
    reached = {}
    for u, v, d in g.edges(data=True):
        if d.get("relation") in ("cites", "implements") and u.startswith(OWN + "#"):
            found = [r.removeprefix(REQUIREMENT) for r in requirements_for(g, v)]
            if found:
                reached.setdefault(u, set()).update(found)
    assert reached == {
        f"{OWN}#pasal-2": {"peta-rencana"},
        f"{OWN}#pasal-3": {"kebijakan-kepala-daerah"},
    }


def test_containment_internal_references_and_mengingat(catalog):
    g = build_graph([_perwal()], catalog=catalog)
    assert g.has_edge(OWN, f"{OWN}#pasal-1", key="contains:0")
    assert g.has_edge(f"{OWN}#pasal-2", f"{OWN}#pasal-2-ayat-1", key="cites:0")
    mengingat = {v for _, v, d in g.out_edges(OWN, data=True) if d.get("part") == "mengingat"}
    assert mengingat == {"uu/2004/32", "perpres/2018/95"}
    # relations.yaml: UU 32/2004 revoked by UU 23/2014
    assert g.nodes["uu/2004/32"]["revoked_by"] == "uu/2014/23"
    assert g.has_edge("uu/2014/23", "uu/2004/32", key="revokes:0")


def test_findings_become_satisfies_and_assessed_edges(catalog):
    g = build_graph([_perwal()], catalog=catalog, findings=_findings())
    (data,) = [d for _, _, k, d in g.out_edges(f"{OWN}#pasal-2", keys=True, data=True) if d["relation"] == "satisfies"]
    assert (data["status"], data["score"], data["via"]) == ("fulfilled", 0.95, "citation")
    assessed = {v: d["status"] for _, v, d in g.out_edges(OWN, data=True) if d["relation"] == "assessed"}
    assert assessed == {REQUIREMENT + "peta-rencana": "fulfilled", REQUIREMENT + "audit-keamanan": "missing"}


def test_dangling_reference_marks_the_node(catalog):
    g = build_graph([_perwal("Lihat juga Pasal 9 ayat (2).")])
    assert g.nodes[f"{OWN}#pasal-9-ayat-2"]["exists"] is False
    (edge,) = [d for _, v, d in g.out_edges(f"{OWN}#pasal-3", data=True) if v == f"{OWN}#pasal-9-ayat-2"]
    assert edge["dangling"] is True


def test_a_graph_extended_goes_on_counting_its_edge_keys(catalog):
    g = build_graph([_perwal("Lihat Pasal 9 ayat (2) dan Pasal 9 ayat (2) lagi.")], catalog=catalog)
    # the same dangling target cited twice: one node chain, one contains edge per level, two cites edges
    keys = sorted(k for _, v, k in g.out_edges(f"{OWN}#pasal-3", keys=True) if v == f"{OWN}#pasal-9-ayat-2")
    assert keys == ["cites:0", "cites:1"]
    assert g.nodes[f"{OWN}#pasal-9-ayat-2"]["exists"] is False
    assert g.nodes[f"{OWN}#pasal-9"]["label"] == "Pasal 9"
    assert g.number_of_edges(f"{OWN}#pasal-9", f"{OWN}#pasal-9-ayat-2") == 1
    add_findings(g, _perwal(), _findings())
    add_findings(g, _perwal(), _findings())  # a second pass adds edges with the next keys
    assessed = sorted(k for _, v, k in g.out_edges(OWN, keys=True) if v == REQUIREMENT + "peta-rencana")
    assert assessed == ["assessed:0", "assessed:1"]
    assert g.number_of_edges(OWN, f"{OWN}#pasal-1") == 1  # containment is never doubled


def test_exports_are_deterministic_and_readable(catalog, tmp_path):
    regs = [_perwal(), read_transcript(CORPUS / "UU_2016_019.md", None)] if (CORPUS / "UU_2016_019.md").exists() \
        else [_perwal()]
    one = build_graph(regs, catalog=catalog, findings={OWN: _findings()})
    two = build_graph(list(reversed(regs)), catalog=catalog, findings={OWN: _findings()})
    for export in (lambda g: json.dumps(to_node_link(g), sort_keys=True), to_graphml, to_dot):
        assert export(one) == export(two)
    data = to_node_link(one)
    assert [n["id"] for n in data["nodes"]] == sorted(n["id"] for n in data["nodes"])
    path = tmp_path / "g.graphml"
    path.write_text(to_graphml(one), encoding="utf-8")
    back = nx.read_graphml(path, force_multigraph=True)
    assert (back.number_of_nodes(), back.number_of_edges()) == (one.number_of_nodes(), one.number_of_edges())
    dot = to_dot(one)
    assert dot.startswith("digraph citations {") and dot.count(" -> ") == one.number_of_edges()


def test_svg_is_wellformed_escaped_and_coloured(catalog):
    reg = _perwal()
    svg = graph_svg(reg, _findings(), catalog)
    root = ET.fromstring(svg)  # well-formed: every text escaped
    assert root.tag.endswith("svg") and "<script" not in svg
    assert "&lt;uji&gt; &amp;" in svg  # the regulation's own words, escaped
    assert 'stroke="#2e7d32"' in svg  # fulfilled link Pasal 2 -> Peta Rencana
    assert 'stroke-dasharray' in svg  # Pasal 3 reaches kebijakan-kepala-daerah through its Perpres citation
    assert "uu/2004/32" in svg and "dicabut oleh uu/2014/23" in svg
    assert "revoked by uu/2014/23" in graph_svg(reg, _findings(), catalog, lang="en")


def test_amending_act_graph_from_the_corpus():
    path = CORPUS / "UU_2024_001.md"
    if not path.exists():
        pytest.skip(f"shared corpus not available ({path})")
    reg = read_transcript(path, {"jenis": "UU", "nomor": 1, "tahun": 2024})
    g = build_graph([reg])
    # the text says UU 19/2016 amends UU 11/2008; relations.yaml says so too
    assert g.has_edge("uu/2016/19", "uu/2008/11", key="amends:0")
    # Pasal I instructions point into the amended act
    assert g.has_edge("uu/2024/1#pasal-i", "uu/2008/11#pasal-27", key="amends:0")


def test_cli_cite_and_graph(tmp_path):
    sample = EXAMPLES / "perwal-banyuasri-2022-spbe.txt"
    if not sample.exists():
        pytest.skip("example regulation not available")
    runner = CliRunner()
    text = runner.invoke(main, ["cite", str(sample)])
    assert text.exit_code == 0, text.output
    assert "Pasal 61 ayat (1) Peraturan Presiden Nomor 95 Tahun 2018 -> perpres/2018/95#pasal-61-ayat-1" in text.output
    data = json.loads(runner.invoke(main, ["cite", str(sample), "--format", "json"]).output)
    assert data["schema"] == "compliance/citations@1" and data["counts"]["total"] == len(data["citations"])
    out1, out2 = tmp_path / "a.dot", tmp_path / "b.dot"
    for out in (out1, out2):
        result = runner.invoke(main, ["graph", str(sample), "--format", "dot", "-o", str(out)])
        assert result.exit_code == 0, result.output
    assert out1.read_bytes() == out2.read_bytes()
    missing = runner.invoke(main, ["graph", str(tmp_path / "nope.pdf")])
    assert missing.exit_code == 1 and "Traceback" not in missing.output


def test_svg_text_is_escaped_as_html_escape_does():
    import html

    from compliance.report.graph_svg import _escape

    for text in ("", "Pasal 5", "a & b", "<script>", "'q' \"d\"", "Perwal «x» — ½"):
        assert _escape(text) == html.escape(text)
