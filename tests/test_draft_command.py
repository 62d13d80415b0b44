"""``compliance amend`` and ``compliance diff`` as a user runs them: ``-o -`` writes to
standard output (Markdown by default; DOCX only into a pipe or a file, refused on a
terminal), messages go to stderr then; nothing to draft → exit 3 and nothing written;
the input is never overwritten; a Keputusan whose gaps are not what it sets says so."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from tests.conftest import EXAMPLES
from tests.test_draft_keputusan import APPLICATION, TEAM

SAMPLE = EXAMPLES / "perwal-banyuasri-2022-spbe.txt"


def _run(args: list[str]):
    return CliRunner().invoke(main, args)


@pytest.mark.parametrize("fmt, opening", [(None, "PERATURAN WALI KOTA BANYUASRI  \n"), ("txt", "PERATURAN WALI KOTA BANYUASRI\n")])
def test_amend_to_stdout_writes_the_draft_and_reports_on_stderr(fmt, opening):
    run = _run(["amend", str(SAMPLE), "-o", "-", *(["--format", fmt] if fmt else [])])
    assert run.exit_code == 0
    assert run.stdout.startswith(opening) and "Pasal I" in run.stdout and "Pasal II" in run.stdout
    assert "titik perubahan ditulis ke keluaran standar" in run.stderr
    assert "titik perubahan" not in run.stdout


def test_amend_docx_to_stdout_is_bytes_into_a_pipe_and_refused_on_a_terminal(monkeypatch):
    run = _run(["amend", str(SAMPLE), "-o", "-", "--format", "docx"])
    assert run.exit_code == 0
    assert zipfile.ZipFile(io.BytesIO(run.stdout_bytes)).namelist()  # a whole Word file
    monkeypatch.setattr("compliance.draft.command._stdout_is_terminal", lambda: True)
    refused = _run(["amend", str(SAMPLE), "-o", "-", "--format", "docx"])
    assert refused.exit_code == 1
    assert refused.stderr.strip().count("\n") == 0 and "tidak dapat ditampilkan di terminal" in refused.stderr


def test_amend_never_overwrites_its_input(tmp_path: Path):
    copy = tmp_path / "perwal.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    run = _run(["amend", str(copy), "-o", str(copy)])
    assert run.exit_code == 1 and "Traceback" not in run.stderr
    assert copy.read_bytes() == SAMPLE.read_bytes()


def test_a_keputusan_outside_its_subject_says_so_and_writes_nothing(tmp_path: Path):
    source = tmp_path / "kepwal-aplikasi.txt"
    source.write_text(APPLICATION, encoding="utf-8")
    out = tmp_path / "rancangan.docx"
    run = _run(["amend", str(source), "-o", str(out)])
    assert run.exit_code == 3 and not out.exists()
    assert "bukan pokok yang ditetapkannya" in run.stderr and "Peraturan Wali Kota" in run.stderr
    english = _run(["--lang", "en", "amend", str(source), "-o", str(out)])
    assert english.exit_code == 3 and "are not what it sets" in english.stderr


def test_a_keputusan_with_a_gap_of_its_subject_gets_a_keputusan_draft(tmp_path: Path):
    source = tmp_path / "kepwal-tim.txt"
    source.write_text(TEAM, encoding="utf-8")
    out = tmp_path / "rancangan.md"
    run = _run(["amend", str(source), "-o", str(out)])
    assert run.exit_code == 0 and "1 titik perubahan ditulis" in run.stdout
    text = out.read_text(encoding="utf-8")
    assert "KESATU : Ketentuan dalam Keputusan Wali Kota Tirtaraya" in text and "Pasal I" not in text


def test_diff_to_stdout_and_unrelated_texts(tmp_path: Path):
    run = _run(["diff", str(SAMPLE), str(EXAMPLES / "perbup-sukamaju-2016-egov.txt"), "-o", "-", "--format", "json"])
    assert run.exit_code == 0
    data = json.loads(run.stdout)
    assert data["unrelated"] and data["articles"]
    assert "tampak tidak berhubungan" in run.stderr and "tampak tidak berhubungan" not in run.stdout
    same = _run(["diff", str(SAMPLE), str(SAMPLE), "-o", "-"])
    assert same.exit_code == 0 and same.stdout.startswith("# Perbandingan dua rancangan")
    assert "Tidak ada pasal yang berubah." in same.stdout


def test_diff_never_overwrites_an_input(tmp_path: Path):
    copy = tmp_path / "v1.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    run = _run(["diff", str(copy), str(SAMPLE), "-o", str(copy)])
    assert run.exit_code == 1 and copy.read_bytes() == SAMPLE.read_bytes()


def test_an_amending_regulation_is_not_said_to_have_no_gaps(tmp_path: Path):
    """An amending Perwal (only Pasal I and II) has gaps, but they are the amended act's:
    amend says so instead of "no gap", writes nothing, exit 3."""
    from compliance.draft.amend import gaps
    from compliance.draft.command import amendment
    from compliance import load
    from compliance.check import check

    source = Path(__file__).parent / "shapes" / "04-perwal-tanjung-seruni-14-2023-perubahan-penyelenggaraan-spbe.txt"
    assert gaps(check(load(source)))
    assert amendment(load(source)).reason == "amending-act"
    out = tmp_path / "rancangan.docx"
    run = _run(["amend", str(source), "-o", str(out)])
    assert run.exit_code == 3 and not out.exists()
    assert "ini peraturan perubahan" in run.stderr and "tidak ada kesenjangan" not in run.stderr


def test_gaps_without_an_article_to_amend_after_are_said_so(tmp_path: Path):
    from tests.test_draft_templates import HEAD

    source = tmp_path / "perwal-satu-pasal.txt"
    source.write_text(HEAD.split("Pasal 1\n")[0] + "Pasal 1\nPeraturan Wali Kota ini mulai berlaku pada tanggal "
                      "diundangkan.\nDitetapkan di Contoh\npada tanggal 2 Januari 2025\nWALI KOTA CONTOH,\nttd\n",
                      encoding="utf-8")
    run = _run(["amend", str(source), "-o", str(tmp_path / "rancangan.md")])
    assert run.exit_code == 3 and "tidak ada Pasal tempat menyisipkan" in run.stderr
    assert not (tmp_path / "rancangan.md").exists()


def test_a_perda_of_any_level_is_amended_with_the_dprd_and_in_the_lembaran_daerah(tmp_path: Path):
    """'Peraturan Daerah Kabupaten …' (kind perda-kabupaten, not bare perda) is still a Perda."""
    text = (EXAMPLES / "perbup-sukamaju-2016-egov.txt").read_text(encoding="utf-8")
    perda = tmp_path / "perda.txt"
    perda.write_text(text.replace("PERATURAN BUPATI SUKAMAJU", "PERATURAN DAERAH KABUPATEN SUKAMAJU")
                     .replace("Peraturan Bupati ini", "Peraturan Daerah ini"), encoding="utf-8")
    run = _run(["amend", str(perda), "-o", "-", "--format", "txt"])
    assert run.exit_code == 0, run.stderr
    assert "Dengan Persetujuan Bersama" in run.stdout and "DEWAN PERWAKILAN RAKYAT DAERAH" in run.stdout
    assert "Lembaran Daerah Kabupaten Sukamaju" in run.stdout and "Berita Daerah" not in run.stdout
