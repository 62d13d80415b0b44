"""The CLI shell: one-line errors, exit codes, nothing left behind."""

from pathlib import Path

from click.testing import CliRunner

from compliance.cli import main


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_missing_file_is_one_line_error_exit_1(tmp_path: Path):
    result = _run("parse", str(tmp_path / "tidak-ada.pdf"))
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "berkas tidak ditemukan" in result.output
    assert "Traceback" not in result.output


def test_english_messages(tmp_path: Path):
    result = _run("--lang", "en", "parse", str(tmp_path / "missing.pdf"))
    assert result.exit_code == 1
    assert "file not found" in result.output


def test_empty_file_leaves_no_output(tmp_path: Path):
    src = tmp_path / "kosong.pdf"
    src.write_bytes(b"")
    out = tmp_path / "out.json"
    result = _run("parse", str(src), "--format", "json", "-o", str(out))
    assert result.exit_code == 1
    assert "kosong" in result.output
    assert not out.exists()


def test_output_equal_to_input_is_refused(tmp_path: Path):
    src = tmp_path / "perwal.txt"
    original = "PERATURAN WALI KOTA CONTOH\nPasal 1\nIsi pasal.\n"
    src.write_text(original, encoding="utf-8")
    result = _run("parse", str(src), "--format", "json", "-o", str(src))
    assert result.exit_code == 1
    assert src.read_text(encoding="utf-8") == original


SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "perwal-banyuasri-2022-spbe.pdf"


def test_check_writes_json_report_matching_library(tmp_path: Path):
    import json

    from compliance.check import check

    out = tmp_path / "gaps.json"
    result = _run("check", str(SAMPLE), "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "compliance/report@1"
    assert [f["status"] for f in data["findings"]] == [f.status for f in check(SAMPLE).findings]


def test_check_fail_under_exits_3(tmp_path: Path):
    result = _run("check", str(SAMPLE), "--format", "json", "-o", str(tmp_path / "r.json"), "--fail-under", "100")
    assert result.exit_code == 3
    assert "di bawah batas 100" in result.output
    assert (tmp_path / "r.json").exists()  # the report is still written


def test_check_refuses_output_in_missing_folder(tmp_path: Path):
    result = _run("check", str(SAMPLE), "-o", str(tmp_path / "tidak" / "ada.html"))
    assert result.exit_code == 1
    assert "folder tujuan tidak ada" in result.output


def test_rules_list_prints_every_entry_with_its_basis():
    result = _run("rules", "list", "--format", "json")
    assert result.exit_code == 0
    import json

    rows = json.loads(result.output)["requirements"]
    assert len(rows) == 31  # the Perpres's 28 and the 3 the Indeks Pemdi needs beyond it
    by_id = {r["id"]: r for r in rows}
    assert by_id["tim-tanggap-insiden"]["basis"].endswith("(nomor pasal belum diverifikasi)")
    assert by_id["peta-rencana"]["basis"] == "Pasal 19"
    assert by_id["aplikasi"]["basis"] == "Pasal 34–39"
    assert by_id["tim-koordinasi"]["basis"].endswith("(nomor pasal belum diverifikasi)")


def test_rules_verify_exits_2_when_references_are_not_confirmed(tmp_path: Path):
    from tests.test_verify import OFFICIAL

    official = tmp_path / "perpres.txt"
    official.write_text(OFFICIAL, encoding="utf-8")
    result = _run("rules", "verify", str(official))
    assert result.exit_code == 2
    lines = {line.split()[0]: line for line in result.output.splitlines()}
    assert "terkonfirmasi" in lines["peta-rencana"]
    assert "pasal tidak ditemukan" in lines["audit-keamanan"]


def test_demo_writes_a_report_per_sample(tmp_path: Path):
    result = _run("demo", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    samples = sorted(p.stem for p in SAMPLE.parent.glob("*.pdf"))
    assert sorted(p.stem for p in tmp_path.glob("*.html")) == samples
    assert sorted(p.stem for p in tmp_path.glob("*.json")) == samples
    assert result.output.count("skor") == len(samples)
    import json

    data = json.loads((tmp_path / f"{samples[0]}.json").read_text(encoding="utf-8"))
    assert data["schema"] == "compliance/report@1"
    assert "mengingat" in data and "internal_references" in data  # same dict as `check --format json`


def test_check_folder_writes_reports_and_index_past_a_bad_file(tmp_path: Path):
    import shutil

    regs = tmp_path / "regs"
    regs.mkdir()
    shutil.copy(SAMPLE.with_suffix(".txt"), regs / "banyuasri.txt")
    (regs / "rusak.pdf").write_bytes(b"%PDF-1.4 not really")
    out = tmp_path / "laporan"
    result = _run("check", str(regs), "-o", str(out), "--format", "json", "--no-cache", "--jobs", "1")
    assert result.exit_code == 1  # one file failed; the batch still went on
    assert "rusak.pdf" in result.output
    assert (out / "banyuasri.txt.json").exists()
    assert "banyuasri.txt" in (out / "index.html").read_text(encoding="utf-8")
    import json

    data = json.loads((out / "banyuasri.txt.json").read_text(encoding="utf-8"))
    assert "mengingat" in data  # the batch writes the same report dict as a single check


def test_check_folder_needs_an_output_folder(tmp_path: Path):
    result = _run("check", str(SAMPLE.parent))
    assert result.exit_code == 2
    assert "-o" in result.output


def test_single_check_is_recorded_in_history(tmp_path: Path):
    cache = tmp_path / "cache"
    result = _run("check", str(SAMPLE), "--format", "json", "-o", str(tmp_path / "r.json"), "--cache-dir", str(cache))
    assert result.exit_code == 0, result.output
    history = _run("history", "Banyuasri", "--cache-dir", str(cache), "--format", "json")
    assert history.exit_code == 0, history.output
    import json

    rows = json.loads(history.output)
    assert [r["file"] for r in rows] == [SAMPLE.name]
    assert rows[0]["tahun"] == 2022


def test_cache_dir_and_no_cache_exclude_each_other_in_both_languages(tmp_path: Path):
    for lang, words in (("id", "tidak dapat dipakai bersamaan"), ("en", "exclude each other")):
        for command in (["check", str(tmp_path), "-o", str(tmp_path / "out")], ["compare", str(tmp_path)],
                        ["check", str(SAMPLE), "-o", str(tmp_path / "one.html")]):
            result = _run("--lang", lang, *command, "--cache-dir", str(tmp_path / "c"), "--no-cache")
            assert result.exit_code == 2, result.output
            assert words in result.output
            assert not (tmp_path / "c").exists() and not (tmp_path / "one.html").exists()


def test_check_passes_ocr_to_the_reader_and_a_batch_refuses_a_forced_mode(tmp_path: Path):
    from tests.pdf_samples import scanned_pdf

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scanned_pdf(["Pasal 1"]))
    result = _run("--lang", "en", "check", str(scan), "--ocr", "never", "--format", "json")
    assert result.exit_code == 1
    assert "no text layer" in result.output
    batch = _run("check", str(tmp_path), "-o", str(tmp_path / "out"), "--ocr", "always")
    assert batch.exit_code == 2 and "--ocr always/never" in batch.output
    assert not (tmp_path / "out").exists()


def test_check_folder_verifies_against_the_national_text_as_a_single_check_does(tmp_path: Path):
    import json
    import shutil

    national = tmp_path / "perpres.txt"
    national.write_text("\n".join(
        ["PERATURAN PRESIDEN REPUBLIK INDONESIA", "NOMOR 95 TAHUN 2018", "TENTANG",
         "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", "", "MEMUTUSKAN:", ""]
        + [f"Pasal {n}\nKetentuan contoh nomor {n}." for n in range(1, 19)]
        + ["Pasal 19", "(1) Peta Rencana SPBE Pemerintah Daerah berpedoman pada Peta Rencana SPBE Nasional.", ""]),
        encoding="utf-8")
    regs = tmp_path / "regs"
    regs.mkdir()
    shutil.copy(SAMPLE.with_suffix(".txt"), regs / "banyuasri.txt")
    single = _run("check", str(regs / "banyuasri.txt"), "--format", "json", "--national", str(national),
                  "--no-cache")
    assert single.exit_code == 0, single.output
    out = tmp_path / "laporan"
    batch = _run("check", str(regs), "-o", str(out), "--format", "json", "--national", str(national),
                 "--no-cache", "--jobs", "1")
    assert batch.exit_code == 0, batch.output
    data = json.loads((out / "banyuasri.txt.json").read_text(encoding="utf-8"))
    assert data["national"] == json.loads(single.output)["national"]
    assert "article_missing" in {v["status"] for v in data["national"]["verifications"]}  # Pasal 20 on
    missing = _run("check", str(regs), "-o", str(out), "--national", str(tmp_path / "tidak-ada.pdf"), "--no-cache")
    assert missing.exit_code == 1 and "tidak-ada.pdf: berkas tidak ditemukan" in missing.output


def test_check_ocr_never_refuses_a_scan_with_one_line(tmp_path: Path):
    from pdf_samples import scanned_pdf

    scan = tmp_path / "scan-perbup.pdf"
    scan.write_bytes(scanned_pdf(["Pasal 1"]))
    result = _run("check", str(scan), "--ocr", "never", "-o", str(tmp_path / "laporan.html"))
    assert result.exit_code == 1 and "lapisan teks" in result.output and "OCR" in result.output
    assert result.output.strip().count("\n") == 0 and not (tmp_path / "laporan.html").exists()
