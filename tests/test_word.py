"""The Word report: written by `check -o laporan.docx`, read back with python-docx (and
converted to PDF by LibreOffice where it is installed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from compliance.check import check
from compliance.cli import main
from compliance.report import render, report_data
from compliance.report.memo import advice, priorities
from compliance.report.templating import suggestion
from compliance.report.view import metadata_of

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SAMPLE = EXAMPLES / "perwal-banyuasri-2022-spbe.pdf"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("word") / "laporan.docx"
    result = CliRunner().invoke(main, ["check", str(SAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Laporan ditulis: {out}" in result.output
    return out, report_data(check(SAMPLE))


def test_docx_reads_back_with_headings_findings_table_and_editable_clauses(written):
    out, data = written
    document = docx.Document(str(out))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    texts = [text for _, text in paragraphs]
    headings = [text for style, text in paragraphs if style.startswith("Heading") or style == "Title"]
    assert headings[:3] == ["Laporan Kesenjangan terhadap Peraturan Presiden Nomor 95 Tahun 2018 tentang SPBE",
                            "Prioritas perbaikan", "Persyaratan dan temuan"]
    assert any(t.startswith("Peraturan Wali Kota Banyuasri Nomor 18 Tahun 2022") for t in texts)
    assert any(f"Saran: {advice(data, 'id')['text'].upper()}" in t for t in texts)
    numbered = [text for style, text in paragraphs if style == "List Number"]
    assert [n.split(" (")[0] for n in numbered] == [p["title"] for p in priorities(data, "id")]
    table = document.tables[0]
    assert len(table.rows) == len(data["findings"]) + 1
    for row, finding in zip(table.rows[1:], data["findings"]):
        assert row.cells[1].text.startswith(finding["title"])
        assert "0.85" not in row.cells[3].text and finding["requirement"] not in row.cells[1].text
    gaps = [f for f in data["findings"] if f["status"] in ("partial", "conflict", "missing")]
    assert sum(h.startswith("Usulan untuk: ") for h in headings) == len(gaps)
    clause = [line.strip() for line in suggestion(gaps[0], metadata_of(data)).unescape().splitlines() if line.strip()]
    start = texts.index(clause[0])
    assert texts[start:start + len(clause)] == clause  # the clause as plain, editable paragraphs


def test_docx_is_byte_identical_and_keeps_hostile_text_as_text(tmp_path):
    from test_report import sample_report

    report = sample_report()
    first, second = render(report, "docx", "id"), render(report, "docx", "id")
    assert first == second and first[:2] == b"PK"
    path = tmp_path / "hostile.docx"
    path.write_bytes(first)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    text += "\n".join(c.text for t in docx.Document(str(path)).tables for r in t.rows for c in r.cells)
    assert "Contoh <script>alert('x')</script>" in text  # verbatim, as text, not markup
    assert "10 (sepuluh) tahun <script>alert('x')</script>" in text


def test_control_characters_from_a_text_layer_do_not_break_the_file():
    from test_report import sample_report

    report = sample_report()
    report["regulation"]["metadata"]["tentang"] = "Pedoman\x00 E-Government\x0b"
    blob = render(report, "docx", "id")
    import io

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(blob)).paragraphs)
    assert "Pedoman E-Government" in text


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice not installed")
def test_docx_converts_to_pdf_with_libreoffice(written, tmp_path):
    out, _ = written
    office = shutil.which("soffice") or shutil.which("libreoffice")
    result = subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                            capture_output=True, text=True, timeout=300, check=False)
    pdf = tmp_path / "laporan.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr[-2000:]
    assert pdf.read_bytes()[:5] == b"%PDF-"
