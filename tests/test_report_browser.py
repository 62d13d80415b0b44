"""The HTML report as a person sees it, in headless Chromium: no console errors,
the counts shown equal the JSON's, a screenshot, and an A4 print with no table row
cut across pages. Skips with the reason when Chromium is not installed."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from compliance.report import render
from compliance.report.labels import LABELS
from compliance.report.view import pasal_ref, reference_rows
from test_report import (EXAMPLE_NAMES, OFFICIAL_STANDIN, checked, citation_graph_svg, dangling_sample,  # noqa: F401
                         sample_report, with_citations, with_national)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
A4_POINTS = (595.28, 841.89)

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="headless Chromium not installed (apt-get install chromium; .ci/run does)")


def chromium(tmp: Path, url: str, *args: str) -> subprocess.CompletedProcess:
    """Run headless Chromium offline-ish with a throwaway profile; console messages go to stderr."""
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
               "--enable-logging=stderr", "--v=0", *args, url]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def console_messages(stderr: str) -> list[str]:
    """Lines Chromium logs for page console output (errors, uncaught exceptions)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def pages(tmp_path_factory, dangling_sample):
    """The hostile fixture, the real checks of the project samples (with their citation
    graphs, Mengingat and internal references, as the CLI builds them), one with the
    --national verification and one with a dangling reference, rendered to files."""
    tmp = tmp_path_factory.mktemp("browser")
    out = {}
    reports = [("hostile", sample_report()),
               ("national", with_national(checked(EXAMPLE_NAMES[-1]), OFFICIAL_STANDIN)),
               ("dangling", dangling_sample[0]),
               *[(n, with_citations(n)) for n in EXAMPLE_NAMES]]
    for name, report in reports:
        path = tmp / f"{name}.html"
        graph = citation_graph_svg(name) if name in EXAMPLE_NAMES else None
        path.write_text(render(report, "html", "id", graph_svg=graph), encoding="utf-8")
        out[name] = (path, report)
    return tmp, out


def test_console_detector_sees_a_deliberate_error(tmp_path):
    control = tmp_path / "control.html"
    control.write_text("<!DOCTYPE html><p>x</p><script>undefinedFunction();</script>", encoding="utf-8")
    result = chromium(tmp_path, control.as_uri(), "--dump-dom")
    assert any("undefinedFunction" in line for line in console_messages(result.stderr))


@pytest.mark.parametrize("name", ["hostile", "national", "dangling", *EXAMPLE_NAMES])
def test_no_console_errors_and_counts_equal_the_json(pages, name):
    tmp, rendered = pages
    path, report = rendered[name]
    result = chromium(tmp, path.as_uri(), "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_messages(result.stderr) == []
    parser = _Attributes()
    parser.feed(result.stdout)
    tags = [tag for tag, _ in parser.elements]
    assert "script" not in tags and "img" not in tags
    shown = {a["data-status"]: int(a["data-count"]) for _, a in parser.elements if "data-count" in a}
    assert shown == report["summary"]["counts"]
    rows = [a for tag, a in parser.elements if tag == "tr" and "data-requirement" in a]
    assert [(r["data-requirement"], r["data-status"]) for r in rows] == \
        [(f["requirement"], f["status"]) for f in report["findings"]]
    score = next(a["data-score"] for _, a in parser.elements if "data-score" in a)
    assert score == str(report["summary"]["score"])


def test_screenshot(pages):
    tmp, rendered = pages
    path, _ = rendered[EXAMPLE_NAMES[-1]]
    shot = tmp / "report.png"
    result = chromium(tmp, path.as_uri(), f"--screenshot={shot}", "--window-size=1200,1600", "--hide-scrollbars")
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 1600)
    assert len(data) > 50_000  # a rendered page, not a blank one


def _squash(text: str) -> str:
    """Whitespace-free text; pdfium reports a hyphen it may break at as U+FFFE."""
    return re.sub(r"\s+", "", text.replace("\ufffe", "-"))


@pytest.mark.parametrize("name", ["hostile", "national", "dangling", *EXAMPLE_NAMES])
def test_prints_to_a4_without_cutting_table_rows(pages, name):
    pdfium = pytest.importorskip("pypdfium2")
    tmp, rendered = pages
    path, report = rendered[name]
    pdf = tmp / f"{name}.pdf"
    result = chromium(tmp, path.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert result.returncode == 0 and pdf.exists(), result.stderr[-2000:]
    document = pdfium.PdfDocument(str(pdf))
    texts, spaced = [], []
    for page in document:
        width, height = page.get_size()
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2
        text = page.get_textpage().get_text_range()
        texts.append(_squash(text))
        spaced.append(" ".join(text.replace("\ufffe", "-").split()))
    header = _squash("Bukti dalam peraturan")
    quoted = set()
    long_rows = set(re.findall(r'<tr id="req-([^"]+)" class="[^"]*\blong\b', path.read_text(encoding="utf-8")))
    for number, finding in enumerate(report["findings"], 1):
        start = _squash(f"{number}. {finding['title']}")
        on = [i for i, text in enumerate(texts) if start in text]
        assert len(on) == 1, (finding["requirement"], on)
        page = texts[on[0]] + ("".join(texts[on[0] + 1:]) if finding["requirement"] in long_rows else "")
        for ev in finding["evidence"]:  # the whole row sits on the page where it starts
            key = (ev["pasal"], ev["parent"], ev["ayat"], ev["quote"])
            assert _squash(pasal_ref(ev, LABELS["id"])) in page, (finding["requirement"], ev["pasal"])
            if finding["status"] not in ("fulfilled", "not_applicable") and key not in quoted:
                assert _squash(ev["quote"]) in page, (finding["requirement"], ev["pasal"])  # quoted once, in full
            quoted.add(key)
        for element in finding["missing_elements"]:
            assert _squash(element) in page
        assert header in page  # the table head repeats on every page the table reaches
        assert LABELS["id"]["status"][finding["status"]] in spaced[on[0]]  # the badge is not broken mid-word
    sections = (("mengingat", "mengingat", "mengingat_text"), ("internal_references", "internal_refs", "place"))
    for key, heading, column in sections:
        if report.get(key):  # a section's heading is never left alone at the foot of a page
            assert any(_squash(LABELS["id"][heading]) in t and _squash(LABELS["id"][column]) in t for t in texts), key
    for entry in report.get("mengingat") or []:  # a Mengingat row is never cut across pages either
        assert any(_squash(entry["text"]) in text for text in texts), entry["label"]
    for ref in reference_rows(report.get("internal_references") or [], "id"):
        assert any(_squash(ref["sentence"]) in text for text in texts), ref["sentence"]
    assert f"{len(document)} / {len(document)}" in spaced[-1]  # page numbers in the A4 margin
    if name != "hostile":
        assert len(document) > 3  # long enough that the table really crosses pages


def test_a_ten_page_perwal_prints_as_a_memo_of_at_most_eight_pages(tmp_path):
    """The sample Perwal has 10 pages: its report, as `check -o` writes it, prints to <= 8 A4
    pages; the first page carries the identity, the score, the advice and the five priorities."""
    pdfium = pytest.importorskip("pypdfium2")
    from compliance import load
    from compliance.check import check
    from compliance.report import render_check
    from compliance.locale_format import number
    from compliance.report.memo import priorities
    from conftest import EXAMPLES

    sample = EXAMPLES / "perwal-banyuasri-2022-spbe.pdf"
    assert len(pdfium.PdfDocument(str(sample))) == 10
    data, html = render_check(check(load(sample)), "html", "id")
    path = tmp_path / "laporan.html"
    path.write_text(html, encoding="utf-8")
    pdf = tmp_path / "laporan.pdf"
    result = chromium(tmp_path, path.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert result.returncode == 0 and pdf.exists(), result.stderr[-2000:]
    document = pdfium.PdfDocument(str(pdf))
    assert len(document) <= 8
    first = _squash(document[0].get_textpage().get_text_range().replace("\ufffe", "-"))
    for words in ("Peraturan Wali Kota Banyuasri Nomor 18 Tahun 2022", "9 Juni 2022", number(data["summary"]["score"], "id"), "UBAH",
                  "Prioritas perbaikan", *[p["title"] for p in priorities(data, "id")]):
        assert _squash(words) in first, words
    everything = " ".join(page.get_textpage().get_text_range() for page in document)
    for plain in ("0.85", "0,85", "sha256", "perwal-banyuasri-2022-spbe.pdf/", "uu/2008/11", "regulations/"):
        assert plain not in everything  # no scores of the matcher, ids or paths on paper
    assert "UU 11/2008" in everything


def test_the_matrix_prints_landscape_with_every_column_and_the_requirement_column_repeated(tmp_path):
    """14 regulations do not fit one A4 width: the print cuts the matrix into page-wide slices,
    each starting with the requirement column, and no regulation or summary column is lost."""
    pdfium = pytest.importorskip("pypdfium2")
    from compliance.compare import build_matrix
    from compliance.report.matrix import PRINT_COLUMNS, compare_labels, render_html
    from test_compare import report as fake_report, result as fake_result

    results = [fake_result(f"r{i}.pdf", fake_report(f"Kota Contoh{i}", "perwal", str(i + 1), 2020,
                                                    ["fulfilled", "partial", "missing", "conflict"]),
                           sha=str(i).ljust(64, "0")) for i in range(14)]
    matrix = build_matrix(results)
    assert len(matrix["columns"]) > PRINT_COLUMNS
    path = tmp_path / "banding.html"
    path.write_text(render_html(matrix, "id"), encoding="utf-8")
    pdf = tmp_path / "banding.pdf"
    run = chromium(tmp_path, path.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert run.returncode == 0 and pdf.exists(), run.stderr[-2000:]
    document = pdfium.PdfDocument(str(pdf))
    width, height = document[0].get_size()
    assert width > height and abs(width - A4_POINTS[1]) < 2  # landscape A4
    t = compare_labels("id")
    slices = -(-len(matrix["columns"]) // PRINT_COLUMNS)
    texts = [_squash(page.get_textpage().get_text_range()) for page in document]
    for page in texts[:slices]:  # every slice starts with the requirement column and its rows
        assert _squash(t["requirement"]) in page and _squash(matrix["rows"][0]["title"]) in page
    matrix_text = "".join(texts[:slices])
    for column in matrix["columns"]:
        assert _squash(column["label"]) in matrix_text, column["label"]
    assert _squash(t["fulfilled_count"]) in matrix_text and _squash(t["best"]) in matrix_text
