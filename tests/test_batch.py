from __future__ import annotations

import functools
import json
import multiprocessing
import sqlite3
import time
from pathlib import Path

import pytest

from compliance import load
from compliance.batch import Pipeline, collect, run_batch
from compliance.errors import ComplianceError
from compliance.models import Regulation
from compliance.store import DB_NAME, Store, tool_fingerprint

PERBUP = """PERATURAN BUPATI {daerah}
NOMOR {nomor} TAHUN 2021
TENTANG
SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK
Pasal 1
Dalam Peraturan Bupati ini yang dimaksud dengan Sistem Pemerintahan Berbasis Elektronik.
Pasal 2
{body}
"""


def fabricated_check(regulation: Regulation) -> dict:
    """A stand-in for the matcher: 'arsitektur' in the text fulfils one entry; the file
    stem names the region. Module-level so worker processes can unpickle it."""
    text = " ".join(a.text for a in regulation.articles).lower()
    if "meledak" in text:
        raise ValueError("matcher bug")
    if "tolak" in text:
        raise ComplianceError("not-a-regulation", file=regulation.source.file)
    status = "fulfilled" if "arsitektur" in text else "missing"
    return {
        "schema": "compliance/report@1",
        "regulation": {"metadata": {"daerah": Path(regulation.source.file).stem.split("-")[0].title(),
                                    "jenis": "Peraturan Bupati", "jenis_kode": "perbup", "nomor": "1",
                                    "tahun": 2021, "tentang": "SPBE"},
                       "source": regulation.source.to_dict()},
        "catalog": {"id": "test", "title": "Test"},
        "summary": {"score": 100.0 if status == "fulfilled" else 0.0},
        "findings": [{"requirement": "arsitektur", "title": "Arsitektur SPBE", "group": "perencanaan",
                      "basis": "Pasal 6–12", "basis_confidence": "range", "status": status,
                      "evidence": [], "missing_elements": [], "confidence": 0.9}],
        "indicators": [{"no": 1, "name": "Arsitektur SPBE", "indicated_level": 3 if status == "fulfilled" else None}],
    }


def counting_parse(log: str, path: Path) -> Regulation:
    """The real parser, logging each call to a file (workers are separate processes)."""
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(f"{path.name}\n")
    return load(path)


def write(path: Path, body: str, daerah: str = "Labuhanbatu", nomor: int = 1) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PERBUP.format(daerah=daerah, nomor=nomor, body=body), encoding="utf-8")
    return path


PIPELINE = Pipeline(check=fabricated_check, catalog_key="test@1")


def test_collect_walks_folders_sorted_and_skips_hidden(tmp_path: Path):
    write(tmp_path / "b" / "z.txt", "a")
    write(tmp_path / "a.txt", "a")
    write(tmp_path / ".trash" / "old.txt", "a")
    (tmp_path / "b" / "gambar.png").write_bytes(b"\x89PNG")
    (tmp_path / "b" / "nested").mkdir()
    write(tmp_path / "b" / "nested" / "y.TXT", "a")
    found = collect([tmp_path, tmp_path / "a.txt"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.txt", "b/nested/y.TXT", "b/z.txt"]


def test_empty_folder_is_a_clear_error(tmp_path: Path):
    (tmp_path / "kosong").mkdir()
    (tmp_path / "gambar").mkdir()
    (tmp_path / "gambar" / "foto.jpg").write_bytes(b"\xff\xd8")
    for folder in ("kosong", "gambar"):
        with pytest.raises(ComplianceError) as info:
            run_batch([tmp_path / folder], PIPELINE, jobs=1)
        assert info.value.code == "folder-empty"
        assert folder in info.value.message("id")


def test_missing_input_is_an_error(tmp_path: Path):
    with pytest.raises(ComplianceError) as info:
        collect([tmp_path / "tidak-ada.pdf"])
    assert info.value.code == "file-not-found"


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path):
    write(tmp_path / "binjai.txt", "Arsitektur SPBE Pemerintah Daerah ditetapkan.")
    (tmp_path / "kosong.txt").write_bytes(b"")
    write(tmp_path / "meledak.txt", "Teks ini meledak.")
    write(tmp_path / "tolak.txt", "Teks ini tolak.")
    write(tmp_path / "siantar.txt", "Tidak ada apa-apa.")
    results = run_batch([tmp_path], PIPELINE, jobs=2)
    by_name = {r.path.name: r for r in results}
    assert by_name["binjai.txt"].report["findings"][0]["status"] == "fulfilled"
    assert by_name["siantar.txt"].report["findings"][0]["status"] == "missing"
    assert by_name["kosong.txt"].error.code == "file-empty"
    assert by_name["tolak.txt"].error.code == "not-a-regulation"
    assert by_name["meledak.txt"].error.code == "internal-error"
    assert "ValueError: matcher bug" in by_name["meledak.txt"].error.message("en")


def test_duplicates_are_checked_once_and_keep_both_names(tmp_path: Path):
    write(tmp_path / "a" / "binjai.txt", "Arsitektur SPBE.")
    write(tmp_path / "b" / "binjai-salinan.txt", "Arsitektur SPBE.")
    write(tmp_path / "c.txt", "Lain.")
    log = tmp_path / "parse.log"
    pipeline = Pipeline(check=fabricated_check, catalog_key="test@1",
                        parse=functools.partial(counting_parse, str(log)))
    results = run_batch([tmp_path / "a", tmp_path / "b", tmp_path / "c.txt"], pipeline, jobs=2)
    assert len(results) == 2
    dup = results[0]
    assert [p.name for p in dup.files] == ["binjai.txt", "binjai-salinan.txt"]
    assert sorted(log.read_text().split()) == ["binjai.txt", "c.txt"]


def test_order_is_by_path_whatever_the_completion_order(tmp_path: Path):
    names = [f"{chr(ord('a') + i)}{i}.txt" for i in range(8)]
    for i, name in enumerate(reversed(names)):
        write(tmp_path / name, "Arsitektur. " * (400 * (8 - i)), nomor=i)  # bigger files first
    one = run_batch([tmp_path], PIPELINE, jobs=1)
    two = run_batch([tmp_path], PIPELINE, jobs=2)
    assert [r.path.name for r in one] == sorted(names)
    assert [r.path.name for r in two] == [r.path.name for r in one]
    assert [r.report for r in two] == [r.report for r in one]


def test_store_answers_reruns_and_a_new_catalog_reuses_the_parse(tmp_path: Path):
    for nomor, name in enumerate(("binjai.txt", "siantar.txt")):
        write(tmp_path / "regs" / name, "Arsitektur.", nomor=nomor)
    log = tmp_path / "parse.log"
    parse = functools.partial(counting_parse, str(log))
    with Store(tmp_path / "cache") as store:
        first = run_batch([tmp_path / "regs"], Pipeline(fabricated_check, "cat@1", parse), jobs=2, store=store)
        again = run_batch([tmp_path / "regs"], Pipeline(fabricated_check, "cat@1", parse), jobs=2, store=store)
        assert [r.cached for r in first] == [False, False]
        assert [r.cached for r in again] == [True, True]
        assert [r.report for r in again] == [r.report for r in first]
        assert len(log.read_text().split()) == 2
        changed = run_batch([tmp_path / "regs"], Pipeline(fabricated_check, "cat@2", parse), jobs=1, store=store)
        assert [r.cached for r in changed] == [False, False]  # the report is re-made ...
        assert len(log.read_text().split()) == 2  # ... from the stored parse
        # an edited file is new content: parsed again
        write(tmp_path / "regs" / "binjai.txt", "Tidak lagi.")
        edited = run_batch([tmp_path / "regs"], Pipeline(fabricated_check, "cat@2", parse), jobs=1, store=store)
        assert edited[0].report["findings"][0]["status"] == "missing" and not edited[0].cached
        assert log.read_text().split()[-1] == "binjai.txt"
        history = store.history("binjai")
    assert [r["score"] for r in history] == [100.0, 0.0]
    assert [r["checks"] for r in history] == [3, 1]


def test_failed_files_are_not_stored(tmp_path: Path):
    (tmp_path / "kosong.txt").write_bytes(b"")
    write(tmp_path / "ok.txt", "Arsitektur.")
    with Store(tmp_path / "cache") as store:
        run_batch([tmp_path / "kosong.txt", tmp_path / "ok.txt"], PIPELINE, jobs=1, store=store)
        second = run_batch([tmp_path / "kosong.txt", tmp_path / "ok.txt"], PIPELINE, jobs=1, store=store)
    assert second[0].error.code == "file-empty" and second[1].cached


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_cli_reports_a_bad_file_in_one_line_and_exits_1(tmp_path: Path):
    from click.testing import CliRunner

    from compliance.cli import main

    regs = tmp_path / "regs"
    regs.mkdir()
    sample = EXAMPLES / "perwal-banyuasri-2022-spbe.txt"
    (regs / sample.name).write_bytes(sample.read_bytes())
    (regs / "rusak.pdf").write_bytes(b"%PDF-1.4\n% truncated here")
    out = tmp_path / "banding.json"
    run = CliRunner().invoke(main, ["compare", str(regs), "-o", str(out), "--format", "json", "--jobs", "1",
                                    "--cache-dir", str(tmp_path / "cache")])
    assert run.exit_code == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 2 and "rusak.pdf" in lines[0] and "Traceback" not in run.stderr
    assert lines[1] == "compliance: 1 dari 2 berkas gagal diperiksa"
    matrix = json.loads(out.read_text(encoding="utf-8"))
    assert [c["files"] for c in matrix["columns"]] == [[str(regs / sample.name)]]
    assert matrix["failed"][0]["files"] == [str(regs / "rusak.pdf")]


def test_cli_empty_folder_exits_1_with_a_clear_message(tmp_path: Path):
    from click.testing import CliRunner

    from compliance.cli import main

    (tmp_path / "kosong").mkdir()
    run = CliRunner().invoke(main, ["--lang", "en", "compare", str(tmp_path / "kosong"), "--no-cache"])
    assert run.exit_code == 1
    assert run.stderr == f"compliance: {tmp_path / 'kosong'}: the folder holds no PDF, DOCX or TXT file to check\n"


def slow_check(regulation: Regulation) -> dict:
    time.sleep(0.3)
    return fabricated_check(regulation)


def _batch_into(regs: str, cache: str, fingerprint: str) -> None:
    import compliance.store

    # the parent's key: other work on the source tree must not change it between the two processes
    compliance.store.tool_fingerprint = lambda: fingerprint
    with Store(Path(cache)) as store:
        run_batch([Path(regs)], Pipeline(slow_check, "cat@1"), jobs=1, store=store)


def test_a_killed_run_leaves_a_usable_store(tmp_path: Path):
    for i in range(30):
        write(tmp_path / "regs" / f"r{i:02d}.txt", "Arsitektur.", nomor=i)
    cache = tmp_path / "cache"
    proc = multiprocessing.get_context("spawn").Process(
        target=_batch_into, args=(str(tmp_path / "regs"), str(cache), tool_fingerprint()))
    proc.start()
    stored = 0
    for _ in range(1200):  # wait (at most ~2 min) until some results are in, then kill mid-batch
        try:
            with sqlite3.connect(cache / DB_NAME) as db:
                stored = db.execute("SELECT count(*) FROM report").fetchone()[0]
        except sqlite3.Error:
            pass
        if stored >= 2:
            break
        time.sleep(0.1)
    proc.kill()
    proc.join()
    assert 2 <= stored < 30
    with Store(cache) as store:
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        results = run_batch([tmp_path / "regs"], Pipeline(fabricated_check, "cat@1"), jobs=1, store=store)
    assert all(r.report is not None for r in results)
    assert stored <= sum(r.cached for r in results) < 30  # what was committed before the kill is kept


def test_keep_text_false_keeps_only_the_identity(tmp_path: Path):
    write(tmp_path / "binjai.txt", "Arsitektur.")
    full = run_batch([tmp_path], Pipeline(check_with_text, "cat@1"), jobs=1)[0].report
    with Store(tmp_path / "cache") as store:
        fresh = run_batch([tmp_path / "binjai.txt"], Pipeline(check_with_text, "cat@1"), jobs=1, store=store,
                          keep_text=False)[0]
        cached = run_batch([tmp_path / "binjai.txt"], Pipeline(check_with_text, "cat@1"), jobs=1, store=store,
                           keep_text=False)[0]
        assert store.get_report(cached.sha256, "cat@1") == full  # the store keeps everything
    assert "articles" in full["regulation"]
    for result in (fresh, cached):
        assert set(result.report["regulation"]) == {"metadata", "source"}
        assert result.report["findings"] == full["findings"]
    assert cached.cached and not fresh.cached


def check_with_text(regulation: Regulation) -> dict:
    report = fabricated_check(regulation)
    report["regulation"] = regulation.to_dict()
    return report


def test_an_unreadable_stored_parse_is_parsed_again(tmp_path: Path):
    write(tmp_path / "regs" / "binjai.txt", "Arsitektur.")
    with Store(tmp_path / "cache") as store:
        run_batch([tmp_path / "regs"], PIPELINE, jobs=1, store=store)
        store._conn.execute("""UPDATE regulation SET json = '{"articles": 5}'""")  # valid JSON, wrong shape
        result = run_batch([tmp_path / "regs"], Pipeline(fabricated_check, "other@1"), jobs=1, store=store)[0]
        assert result.error is None and result.report["findings"][0]["status"] == "fulfilled"
        assert json.loads(store.get_regulation_json(result.sha256))["articles"] != 5
