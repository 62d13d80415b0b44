"""Integration on real PDFs of ../shared/corpus (skipped when it is absent), and the
benchmark's functions run on two small documents."""

from __future__ import annotations

import importlib.util
import json

import pytest

import compliance
from tests.conftest import CORPUS, REPO, corpus_pdf


def _labels(reg, parent=None):
    return [a.label for a in reg.articles if a.parent == parent]


def _doc(manifest, name):
    return next(d for d in manifest["documents"] if d["pdf"] == name)


def test_amending_law_quotes_its_articles(manifest):
    reg = compliance.load(corpus_pdf("UU_2016_019.pdf"))
    assert [a.label for a in reg.articles] == _doc(manifest, "UU_2016_019.pdf")["pasal"]
    assert _labels(reg) == ["I", "II"]
    assert _labels(reg, "I") == ["1", "26", "31", "40", "43", "45", "45A", "45B"]
    pasal_i = reg.article("I")
    assert "Ketentuan Pasal 26 ditambah 3 (tiga) ayat" in " ".join(pasal_i.text.split())
    # the quoted Pasal 1, printed by the OCR as "Pasal I", is read as 1 from the instruction
    assert reg.article("1", parent="I").text.startswith("Dalam Undang-Undang ini yang dimaksud dengan:")
    md = reg.metadata
    assert (md.jenis_kode, md.nomor, md.tahun, md.diundangkan) == ("uu", "19", 2016, "2016-11-25")
    assert reg.penjelasan is not None and reg.penjelasan.umum


def test_inserted_articles_5a_26a_51a(manifest):
    reg = compliance.load(corpus_pdf("PERMENKOMINFO_2021_001.pdf"))
    assert [a.label for a in reg.articles] == _doc(manifest, "PERMENKOMINFO_2021_001.pdf")["pasal"]
    for label in ("5A", "26A", "51A"):
        assert reg.article(label, parent="I") is not None, label
    assert reg.article("26A", parent="I").paragraf.label == "3A"
    assert (reg.metadata.jenis_kode, reg.metadata.kementerian, reg.metadata.nomor_pokok) == ("permen", "kominfo", 1)


def test_ocr_errors_do_not_break_structure(manifest):
    reg = compliance.load(corpus_pdf("PERMENKOMINFO_2007_026.pdf"))
    # headings printed as Pasal1, BABI, PasalS (8) ...
    assert [a.label for a in reg.articles] == _doc(manifest, "PERMENKOMINFO_2007_026.pdf")["pasal"]
    assert reg.articles[0].bab.label == "I" and reg.articles[0].bab.title == "KETENTUAN UMUM"
    assert len(reg.menimbang) == 3 and len(reg.mengingat) == 8
    assert reg.metadata.nomor_pokok == 26 and reg.metadata.tahun == 2007
    # the closing's labels are only in the page image; its place and date are not article text
    assert reg.articles[-1].text == "Peraturan ini mulai berlaku pada tanggal ditetapkan."
    assert (reg.closing.ditetapkan_di, reg.metadata.ditetapkan) == ("JAKARTA", "2007-05-04")


def test_national_law_with_penjelasan(manifest):
    reg = compliance.load(corpus_pdf("UU_2008_011.pdf"))
    assert [a.label for a in reg.articles] == _doc(manifest, "UU_2008_011.pdf")["pasal"]
    assert reg.closing.ditetapkan_di == "Jakarta"
    assert reg.penjelasan is not None
    labels = [p["label"] for p in reg.penjelasan.pasal]
    assert labels[:3] == ["1", "2", "3"]
    assert not any("Cukup jelas" in a.text for a in reg.articles)


def _bench():
    spec = importlib.util.spec_from_file_location("bench_parse", REPO / "bench" / "bench_parse.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_computes_its_figures(manifest, tmp_path):
    corpus_pdf("PERMENKOMINFO_2020_002.pdf")
    bench = _bench()
    docs = [_doc(manifest, n) for n in ("PERMENKOMINFO_2020_002.pdf", "PERMENKOMINFO_2021_010.pdf")]
    rows = [bench.bench_document(CORPUS, d) for d in docs]
    for row, doc in zip(rows, docs):
        assert row["truth"] == len(doc["pasal"])
        assert 0.0 <= row["precision"] <= 1.0 and 0.0 <= row["recall"] <= 1.0
        assert row["similarities"] and all(0.0 <= s <= 1.0 for s in row["similarities"])
        assert set(row["metadata"]) == {"jenis", "nomor", "tahun"}
        assert row["seconds"] > 0
    totals = bench.totals(rows)
    assert totals["documents"] == 2 and totals["articles_compared"] > 0
    assert bench.time_pypdfium2([CORPUS / d["pdf"] for d in docs]) > 0
    out = tmp_path / "figures.json"
    assert bench.main(["--corpus", str(CORPUS), "--only", "PERMENKOMINFO_2020_002", "--plumber-docs", "1", "--json", str(out)]) == 0
    figures = json.loads(out.read_text())
    assert figures["totals"]["documents"] == 1 and figures["memory"]["tracemalloc_peak_mib"] > 0


def test_bench_scoring_counts_missing_and_extra_labels():
    bench = _bench()
    assert bench.label_scores(["1", "2", "2", "3"], ["1", "2", "3", "4"]) == (3, 0.75, 0.75)
    assert bench.label_scores([], ["1"]) == (0, 0.0, 0.0)


def test_same_pdf_same_json():
    path = corpus_pdf("PERMENKOMINFO_2014_038.pdf")
    first = json.dumps(compliance.load(path).to_dict(), sort_keys=True, ensure_ascii=False)
    assert first == json.dumps(compliance.load(path).to_dict(), sort_keys=True, ensure_ascii=False)
    # Pasal 68 and 70 are quoted without their headings in the PDF: inferred and flagged
    reg = compliance.load(path)
    assert [a.label for a in reg.articles if a.parent == "I"] == ["4", "5", "5A", "67", "68", "70", "74"]
    assert {w.detail for w in reg.warnings if w.code == "heading-inferred"} == {"Pasal 68", "Pasal 70"}


def test_page_scanned_as_image_strips_is_read_by_ocr(manifest):
    """PERMENKOMINFO_2009_041 pages 8-10 are stacks of image strips whose text layer holds
    only the page number: they must be OCR'd, or Pasal 12-13 and the closing are lost."""
    import shutil

    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-ind)")
    reg = compliance.load(corpus_pdf("PERMENKOMINFO_2009_041.pdf"))
    expected = next(d["pasal"] for d in manifest["documents"] if d["pdf"] == "PERMENKOMINFO_2009_041.pdf")
    assert reg.source.ocr_pages == [8, 9, 10]
    assert [a.label for a in reg.articles] == expected
    assert reg.closing is not None and "JAKARTA" in reg.closing.text
