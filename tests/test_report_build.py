"""One report builder: a single check and a folder check give the same report, graph drawing
included, and neither builds a citation graph."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import compliance
from compliance.batch import default_pipeline
from compliance.check import check
from compliance.report import build_report
from compliance.report_folder import check_many
from compliance.store import Store

EXAMPLES = Path(__file__).parents[1] / "examples"
SAMPLE = "perwal-banyuasri-2022-spbe.txt"


def test_neither_the_check_nor_its_report_builds_a_graph(monkeypatch):
    import networkx as nx

    result = check(compliance.load(EXAMPLES / SAMPLE))
    build_report(result)  # the catalog's compiled links are made here, once per process
    made = []
    init = nx.MultiDiGraph.__init__

    def counted(self, *args, **kwargs):  # every graph, copies included
        made.append(self)
        init(self, *args, **kwargs)

    monkeypatch.setattr(nx.MultiDiGraph, "__init__", counted)
    result = check(compliance.load(EXAMPLES / SAMPLE))
    view = build_report(result)
    assert made == [], "a check matches, and its report draws, without a graph"
    assert view.graph_svg and 'class="citation-graph"' in view.graph_svg
    html = view.render("html")
    assert view.graph_svg in html and 'id="graph"' in html
    assert build_report(result, graph=False).graph_svg is None
    assert result.graph.has_node("perwal/banyuasri/2022/18") and len(made) == 1, "built when asked for"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_folder_report_is_the_single_report_byte_for_byte(tmp_path: Path, lang: str):
    folder = tmp_path / "regs"
    folder.mkdir()
    path = folder / SAMPLE
    shutil.copy(EXAMPLES / SAMPLE, path)
    single = build_report(check(compliance.load(path), lang=lang), lang=lang).render("html")
    with Store(tmp_path / "cache") as store:
        for run in ("cold", "warm"):  # the second run answers from the store: the same report, graph included
            out = tmp_path / run
            results = check_many([folder], out, default_pipeline(lang=lang, graph=True), lang=lang, jobs=1,
                                 store=store)
            assert results[0].cached == (run == "warm")
            assert (out / f"{SAMPLE}.html").read_text(encoding="utf-8") == single, run


def test_a_stored_report_without_its_graph_is_checked_again_for_html(tmp_path: Path):
    folder = tmp_path / "regs"
    folder.mkdir()
    shutil.copy(EXAMPLES / SAMPLE, folder / SAMPLE)
    with Store(tmp_path / "cache") as store:
        check_many([folder], tmp_path / "json", default_pipeline(), fmt="json", jobs=1, store=store)
        again = check_many([folder], tmp_path / "html", default_pipeline(graph=True), jobs=1, store=store)
    assert not again[0].cached and again[0].graph_svg
    assert 'class="citation-graph"' in (tmp_path / "html" / f"{SAMPLE}.html").read_text(encoding="utf-8")
