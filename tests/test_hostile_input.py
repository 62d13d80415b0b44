"""Hostile input (issue 12): every shape of ``hostile_shapes`` at a small size gives a report
or one clear line and exit 1, never a traceback; each bound of ``compliance.limits`` holds
and says so; the shapes that once took quadratic or exponential time grow linearly.

Scaling is measured as a ratio in this process (ten times the input within thirty times
the time, medians of five rounds), never as an absolute time; inputs start at some 100 000
characters, past the sizes where the processor's caches bend the ratio."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import re
import statistics
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

import compliance
import compliance.pdf_reader
from compliance.cite_find import find
from compliance.clean import carry_mark, clean
from compliance.cli import main
from compliance.errors import ComplianceError
from compliance.extract import extract, sniff
from compliance.limits import Limits
from compliance.metadata import iso_date
from compliance.models import Page
from compliance.parse_items import MAX_DEPTH, parse_article_body
from compliance.pdf_reader import PageTooLarge, render_pgm, stop_worker
from tests import hostile_shapes as shapes

SHAPES = {shape.name: shape for shape in shapes.SHAPES}


def _write(tmp_path: Path, made: tuple[str, bytes]) -> Path:
    name, data = made
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _check(path: Path, tmp_path: Path, capfd) -> tuple[int, str]:
    """``compliance check`` as a user runs it; the exit code and everything printed on stderr,
    the page worker's included (it prints to the real file descriptor, not to click)."""
    out = tmp_path / "laporan.json"
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "-o", str(out)])
    captured = capfd.readouterr()
    printed = result.output + captured.err + captured.out
    assert "Traceback" not in printed and "galat internal" not in printed, printed
    if result.exit_code == 0:
        assert json.loads(out.read_text(encoding="utf-8"))["regulation"]
    else:
        lines = result.output.strip().splitlines()
        assert result.exit_code == 1 and len(lines) == 1 and lines[0].startswith("compliance: "), printed
        assert not out.exists()
    return result.exit_code, result.output.strip()


# Text shapes must give a report; the others a report or one clear line.
REPORTED = {"ocr-number", "dots", "spaced-dots", "underscores", "ellipses", "date-junk", "form-feeds",
            "pasal-headings", "duplicate-headings", "plain-text", "item-nesting", "pdf-magic-in-txt", "docx-bomb"}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_every_hostile_shape_gives_a_report_or_one_clear_line(name, tmp_path, capfd, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # the default limits, whatever the user set
    shape = SHAPES[name]
    code, message = _check(_write(tmp_path, shape.make(shape.small)), tmp_path, capfd)
    if name in REPORTED:
        assert code == 0, message


def test_a_page_too_large_to_render_is_refused_without_allocating_it():
    """A 2 000 000 pt square page at the old 1-dpi floor was a 770-megapixel bitmap."""
    for size in (2_000_000, 14_400_000):
        pdf = pdfium.PdfDocument(shapes.huge_mediabox(size)[1])
        with pytest.raises(PageTooLarge, match="too large"):
            render_pgm(pdf[0], 200)
        pdf.close()
    pdf = pdfium.PdfDocument(shapes.huge_mediabox(14_400)[1])  # 200 inches: read at 30 dpi, within the limit
    image, dpi = render_pgm(pdf[0], 200, max_pixels=36_000_000)
    width, height = map(int, image.split(b"\n")[1].split())
    assert dpi == 30 and width * height <= 36_000_000
    pdf.close()


def test_a_page_the_renderer_rejects_is_that_page_s_problem_not_the_worker_s(tmp_path):
    """pypdfium2 raises ValueError for a CropBox outside the MediaBox: one page's failure."""
    data = shapes.cropbox_outside()[1]
    results = list(compliance.pdf_reader.run_pages("render", data, [1], Limits(), dpi=200))
    assert results == [(1, None, "page-error:Crop exceeds page dimensions")]
    assert compliance.pdf_reader._WORKER[1].is_alive()


# --- bounds -------------------------------------------------------------------------------


def _error(path: Path, **options) -> ComplianceError:
    with pytest.raises(ComplianceError) as caught:
        extract(path, **options)
    return caught.value


def test_pages_per_document_are_bounded(tmp_path):
    path = _write(tmp_path, shapes.empty_pages(30))
    error = _error(path, ocr="never", limits=Limits(max_pages=20))
    assert error.code == "limit-pages" and error.params["count"] == 30
    assert "30 halaman, melebihi batas 20 halaman" in error.message()


def test_a_file_past_the_size_bound_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = _write(tmp_path, shapes.plain_text(50_000))
    size = path.stat().st_size

    def never(self):
        raise AssertionError("read before the size was checked")

    monkeypatch.setattr(Path, "read_bytes", never)
    error = _error(path, limits=Limits(max_file_bytes=size - 1))
    assert error.code == "limit-file" and error.params["file"] == str(path)
    assert "melebihi batas" in error.message() and "max_file_bytes" in error.message()
    assert len(error.message().splitlines()) == 1
    monkeypatch.undo()
    assert extract(path, limits=Limits(max_file_bytes=size)).pages  # at the bound is within it
    assert extract(path, limits=Limits(max_file_bytes=0)).pages  # 0: no bound


def test_a_batch_goes_on_past_a_file_too_large_to_read(tmp_path, monkeypatch):
    """``[limits] max_file_bytes`` from config.toml: the large file fails in one line, not even
    hashed; the other file of the batch gets its report; exit 1."""
    from conftest import EXAMPLES

    config = tmp_path / "config" / "compliance" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("[limits]\nmax_file_bytes = 30000\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    folder = tmp_path / "masuk"
    folder.mkdir()
    (folder / "kecil.txt").write_bytes((EXAMPLES / "perwal-banyuasri-2022-spbe.txt").read_bytes())
    (folder / "besar.txt").write_bytes((EXAMPLES / "perwal-banyuasri-2022-spbe.txt").read_bytes() * 2)
    out = tmp_path / "laporan"
    result = CliRunner().invoke(main, ["check", str(folder), "-o", str(out), "--no-cache", "--jobs", "1"])
    assert result.exit_code == 1
    assert (out / "kecil.txt.html").is_file() and not (out / "besar.txt.html").exists()
    refused = [line for line in result.stderr.splitlines() if "besar.txt" in line]
    assert refused == [f"compliance: {folder / 'besar.txt'}: berkas berukuran 0.04 MB, melebihi batas 0.03 MB; "
                       "tidak dibaca (max_file_bytes di [limits] config.toml)"]


def test_the_user_s_limits_come_from_the_config_file(tmp_path, monkeypatch):
    config = tmp_path / "config" / "compliance" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("[limits]\nmax_pages = 5\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert _error(_write(tmp_path, shapes.empty_pages(6)), ocr="never").code == "limit-pages"
    config.write_text("[limits]\nmax_pagez = 5\n", encoding="utf-8")
    error = _error(_write(tmp_path, shapes.empty_pages(6)), ocr="never")
    assert error.code == "config-invalid" and "max_pagez" in error.message()


def test_a_document_s_time_is_bounded_not_only_its_pages(tmp_path, monkeypatch):
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("patching the page reader reaches the worker only with the fork start method")
    real = compliance.pdf_reader.page_text

    def slow(textpage):
        time.sleep(0.2)
        return real(textpage)

    stop_worker()
    monkeypatch.setattr(compliance.pdf_reader, "page_text", slow)
    try:
        path = _write(tmp_path, shapes.text_pages(20))
        error = _error(path, ocr="never", limits=Limits(page_timeout=5, document_timeout=1))
    finally:
        stop_worker()
    assert error.code == "limit-document-time" and "batas waktu 1 detik" in error.message()


def test_text_size_is_bounded(tmp_path):
    path = _write(tmp_path, shapes.plain_text(50_000))
    assert _error(path, limits=Limits(max_text_chars=10_000)).code == "limit-text"
    assert extract(path, limits=Limits(max_text_chars=100_000)).pages


def test_a_docx_that_unpacks_past_the_limit_is_refused_before_unpacking(tmp_path):
    path = _write(tmp_path, shapes.docx_bomb(3_000_000))
    assert path.stat().st_size < 100_000
    error = _error(path, limits=Limits(max_docx_xml_bytes=1_000_000))
    assert error.code == "limit-docx" and "bom zip" in error.message()


def test_a_docx_with_damaged_data_is_a_damaged_docx(tmp_path):
    error = _error(_write(tmp_path, shapes.docx_bad_crc()))
    assert error.code == "docx-corrupt"


def test_an_allocation_bomb_fails_fast_at_the_reader_s_memory_limit(tmp_path):
    """A content stream of 80 MB (``q Q`` 20 million times) against a 50 MB budget."""
    path = _write(tmp_path, shapes.q_bomb(20_000_000))
    error = _error(path, ocr="never", limits=Limits(reader_memory=50_000_000))
    assert error.code == "limit-memory" and "batas pembaca 50 MB" in error.message()
    # the next document is read by a fresh worker, without the bomb's memory
    assert extract(_write(tmp_path, shapes.text_pages(1)), ocr="never").pages[0].text


def test_a_text_that_mentions_pdf_near_its_start_is_text():
    data = shapes.pdf_magic_in_txt()[1]
    assert sniff(data, Path("catatan.txt")) == "txt"
    assert sniff(b"junk\n" + shapes.text_pages(1)[1], Path("x.bin")) == "pdf"  # junk before a real PDF


# --- shapes that must not recurse or lose words -----------------------------------------


def test_items_nest_boundedly_and_keep_every_word():
    lines = ["Ketentuan berikut:"] + [f"{'a' if k % 2 else '1'}. butir {k};" for k in range(600)]
    body = parse_article_body(lines)
    depth, items = 0, body.items
    while items:
        depth, items = depth + 1, items[-1].items
    assert depth == MAX_DEPTH
    assert all(f"butir {k};" in body.text for k in range(600))


# --- linear time ----------------------------------------------------------------------------


def _timed(work, argument) -> float:
    """CPU seconds of this process: a busy machine that preempts the run does not count (the
    parse under test runs here; a reader worker's own linear PDF reading is left out)."""
    start = time.process_time()
    work(argument)
    return time.process_time() - start


def _grows_linearly(work, small, large) -> None:
    """Ten times the input within thirty times the time (quadratic work would take ~100x).
    Medians of five rounds, small and large taken in turn, so a busy machine slows both alike."""
    rounds = [(_timed(work, small), _timed(work, large)) for _ in range(5)]
    small_time, large_time = (statistics.median(times) for times in zip(*rounds))
    assert large_time < 30 * small_time, f"{small_time:.4f}s -> {large_time:.4f}s"


def _pages(text: str) -> list[Page]:
    return [Page(i + 1, chunk) for i, chunk in enumerate(text.split("\f"))]


def test_an_ocr_style_number_is_read_in_linear_time():
    """"1O1O1O..." once backtracked exponentially (34 pairs: minutes)."""
    _grows_linearly(find, "Peraturan Daerah Nomor " + "1O" * 200_000 + " Tahun 2020",
                    "Peraturan Daerah Nomor " + "1O" * 2_000_000 + " Tahun 2020")


def test_runs_of_leaders_at_a_page_end_are_linear():
    """Dots, spaced dots, underscores and ellipses, inside a line and ending a page."""
    def page_end(n: int) -> list[Page]:
        runs = "\n".join(f"Daftar isi {run * n}x\nIsi {run * n}" for run in (".", ". ", "_", "…"))
        return [Page(1, f"Pasal 1\n{runs}"), Page(2, "Pasal 2\nIsi.")]

    _grows_linearly(clean, page_end(200_000), page_end(2_000_000))


def test_a_junk_word_after_a_date_is_linear():
    _grows_linearly(iso_date, "pada tanggal " + "1Ol" * 30_000, "pada tanggal " + "1Ol" * 300_000)


def test_page_breaks_are_linear():
    _grows_linearly(clean, _pages("Pasal 1\nIsi." + "\f" * 10_000), _pages("Pasal 1\nIsi." + "\f" * 100_000))


def test_article_headings_and_their_duplicates_are_linear(tmp_path):
    def load(made):
        return compliance.load(_write(tmp_path, made), ocr="never")

    _grows_linearly(load, shapes.pasal_headings(300), shapes.pasal_headings(3_000))
    _grows_linearly(load, shapes.duplicate_headings(300), shapes.duplicate_headings(3_000))


def test_many_citations_and_blank_references_are_linear():
    """Each reference group once looked through every regulation mention (and every blank
    "Pasal ..." through every group): quadratic in a long text."""
    def text(n: int) -> str:
        return ("Pasal 5 ayat (2) Peraturan Daerah Nomor 3 Tahun 2010 tentang Pajak (Lembaran Daerah), "
                "Pasal 7 huruf a; Pasal ... ayat (...) dan Pasal 9.\n") * n

    _grows_linearly(find, text(500), text(5_000))


def test_a_long_paragraph_is_linear():
    _grows_linearly(parse_article_body, ["Ketentuan ini berlaku"] * 10_000, ["Ketentuan ini berlaku"] * 100_000)


# --- the carry-over mark, read without a regex, reads as the regex did ----------------------

_CARRY_MARK = re.compile(r"^(?P<stem>.*?\S)\s*(?:(?:\.\s*){3,}|…+|\s\.)$")
_DOTTED = re.compile(r"(?:\.\s*){3,}$|…$")


def test_the_carry_over_mark_reads_as_the_old_regex_did():
    for n in range(7):
        for chars in itertools.product("a. …\t", repeat=n):
            text = "".join(chars)
            m = _CARRY_MARK.match(text)
            expected = (m.group("stem"), _DOTTED.search(text) is not None) if m else None
            assert carry_mark(text) == expected, repr(text)
