"""One report builder: a single check and a folder check give the same report, graph included,
from the graph the check built once."""

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


def test_the_view_draws_the_graph_the_check_built(monkeypatch):
    import networkx as nx

    result = check(compliance.load(EXAMPLES / SAMPLE))  # the catalog's part of graphs is made here, once
    made = []
    init = nx.MultiDiGraph.__init__

    def counted(self, *args, **kwargs):  # every graph, copies included
        made.append(self)
        init(self, *args, **kwargs)

    monkeypatch.setattr(nx.MultiDiGraph, "__init__", counted)
    check(compliance.load(EXAMPLES / SAMPLE))
    assert len(made) == 1, "a check builds its graph once"
    made.clear()
    view = build_report(result)
    assert made == [], "the report draws CheckResult.graph, it builds no graph"
    assert view.graph_svg and 'class="citation-graph"' in view.graph_svg
    html = view.render("html")
    assert view.graph_svg in html and 'id="graph"' in html
    assert build_report(result, graph=False).graph_svg is None


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
