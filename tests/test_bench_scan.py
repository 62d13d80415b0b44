"""bench/bench_scan.py: scanned copies of corpus PDFs hold only pictures, and its figures are computed.

The figures are printed by the bench, not asserted here (it measures, it does not gate); the
test scans two pages of one corpus document and checks that each figure comes out of a real
OCR parse and a real run of bare tesseract.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from compliance.errors import ComplianceError
from compliance.extract import extract
from compliance.ocr import require_tesseract
from conftest import CORPUS, corpus_pdf

REPO = Path(__file__).resolve().parents[1]
DOCUMENT = "PERMENKOMINFO_2020_002"  # an amendment: Pasal I quoting Pasal 61, then Pasal II, on pages 2-3
PAGES = [2, 3]


@pytest.fixture()
def bench(monkeypatch):
    try:
        require_tesseract("-")
    except ComplianceError as exc:
        pytest.skip(f"OCR not available here: {exc}")
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    import bench_scan

    return bench_scan


def test_a_scanned_copy_has_pictures_and_no_text(bench, tmp_path: Path):
    source = corpus_pdf(f"{DOCUMENT}.pdf")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(bench.scan_pdf(source, 100, degrees=0.7, grain=12.0, pages=PAGES))
    pdf = pdfium.PdfDocument(scan)
    original = pdfium.PdfDocument(source)
    assert len(pdf) == 2 and pdf[0].get_size() == original[PAGES[0] - 1].get_size()
    assert pdf[0].get_textpage().count_chars() == 0
    pictures = list(pdf[0].get_objects())
    assert [o.type for o in pictures] == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    assert pictures[0].get_metadata().width == round(original[PAGES[0] - 1].get_size()[0] * 100 / 72)
    pdf.close()
    original.close()
    with pytest.raises(ComplianceError) as info:
        extract(scan, ocr="never")
    assert info.value.code == "pdf-no-text"


def test_figures_of_two_scanned_pages(bench, tmp_path: Path, manifest):
    doc = next(d for d in manifest["documents"] if d["pdf"] == f"{DOCUMENT}.pdf")
    row = bench.bench_scan(CORPUS, doc, "ocr200", tmp_path, pages=PAGES)
    assert "error" not in row and row["pages"] == 2 and row["ocr_pages"] == 2
    assert 0 < row["matched"] <= len(doc["pasal"]) and 0 < row["recall"] <= 1 and 0 < row["precision"] <= 1
    assert row["similarities"] and all(0 <= s <= 1 for s in row["similarities"])
    assert row["seconds"] > 0 and row["tesseract_seconds"] > 0 and row["parse_cpu"] > 0 and row["tesseract_cpu"] > 0
    text = bench.bench_text(CORPUS, doc)
    assert text["recall"] == 1.0 and text["ocr_pages"] == 0
    totals = bench.summary([row])
    assert totals["recall"] == row["recall"] and totals["seconds_per_page"] == row["seconds"] / 2
    assert totals["cpu_ratio"] == row["parse_cpu"] / row["tesseract_cpu"]


def test_a_grey_grainy_scan_is_still_read(bench, tmp_path: Path):
    """2009_042's last page is itself a grey scan; with grain added, tesseract's default
    threshold reads nothing at all there (so Pasal 19 was lost), Sauvola's reads it."""
    from compliance.ocr import ocr_pages

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(bench.scan_pdf(corpus_pdf("PERMENKOMINFO_2009_042.pdf"), 300, 0.7, 12.0, pages=[7]))
    text = ocr_pages(scan, [1])[1].split("\n")
    assert "Pasal 19" in text and any(line.endswith("KETENTUAN PENUTUP") for line in text)


def test_a_scanned_sample_checks_like_its_text(bench, tmp_path: Path, monkeypatch):
    """The whole path: an image-only copy of a sample Perbup is read by OCR and checked; its
    identity and findings match the text layer's, and the report says the text is OCR'd."""
    import compliance
    from compliance.check import check
    from compliance.report import render
    from conftest import EXAMPLES

    source = EXAMPLES / "perbup-sukamaju-2016-egov.pdf"
    scan = tmp_path / "scan-perbup.pdf"
    scan.write_bytes(bench.scan_pdf(source, 200))
    text, scanned = check(compliance.load(source)), check(compliance.load(scan))
    assert scanned.regulation.source.ocr_pages == list(range(1, scanned.regulation.source.pages + 1))
    identity = ("jenis_kode", "nomor", "tahun", "ditetapkan")
    assert [getattr(scanned.regulation.metadata, k) for k in identity] == \
        [getattr(text.regulation.metadata, k) for k in identity]
    statuses = {f.requirement: f.status for f in text.findings}
    differ = [f.requirement for f in scanned.findings if statuses[f.requirement] != f.status]
    assert len(scanned.findings) == len(text.findings) and len(differ) <= 2, differ
    html = render(scanned.to_dict(), "html")
    assert "teks hasil OCR — periksa kutipan" in html and 'class="evidence ocr"' in html
