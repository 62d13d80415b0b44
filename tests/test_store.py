import json
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from compliance.errors import ComplianceError
from compliance.output import dumps_json
from compliance.store import DB_NAME, Store, default_cache_dir, tool_fingerprint


def _report(score: float, daerah: str = "Kabupaten Labuhanbatu") -> str:
    return dumps_json({"regulation": {"metadata": {"daerah": daerah, "jenis": "Peraturan Bupati",
                                                   "nomor": "12", "tahun": 2019}},
                       "summary": {"score": score}, "findings": []})


def test_report_is_keyed_by_catalog(tmp_path: Path):
    with Store(tmp_path) as store:
        store.put("a" * 64, "perpres-95-2018@1:hash1", '{"schema": "r"}', _report(50))
        assert store.get_report("a" * 64, "perpres-95-2018@1:hash1")["summary"]["score"] == 50
        # a changed catalog misses, but the parse (keyed by file and tool only) is still there
        assert store.get_report("a" * 64, "perpres-95-2018@1:hash2") is None
        assert store.get_regulation_json("a" * 64) == '{"schema": "r"}'
        assert store.get_report("b" * 64, "perpres-95-2018@1:hash1") is None


def test_results_survive_reopening(tmp_path: Path):
    with Store(tmp_path) as store:
        store.put("a" * 64, "cat", None, _report(75))
    with Store(tmp_path) as store:
        assert store.get_report("a" * 64, "cat")["summary"]["score"] == 75


def test_results_of_another_tool_version_are_misses(tmp_path: Path):
    with Store(tmp_path) as store:
        store.put("a" * 64, "cat", "{}", _report(75))
        store._conn.execute("UPDATE report SET tool='0.0.1+old'")
        store._conn.execute("UPDATE regulation SET tool='0.0.1+old'")
        assert store.get_report("a" * 64, "cat") is None
        assert store.get_regulation_json("a" * 64) is None
        store.put("a" * 64, "cat", "{}", _report(80))  # re-storing drops the stale rows
        assert store._conn.execute("SELECT count(*) FROM report").fetchone()[0] == 1


@pytest.mark.parametrize("module", ["compliance.match", "compliance.report.citations", "compliance.report.view"])
def test_fingerprint_changes_with_any_module_that_shapes_a_stored_result(module, monkeypatch):
    import importlib
    import re

    from compliance import __version__

    assert re.fullmatch(re.escape(__version__) + r"\+[0-9a-f]{16}", tool_fingerprint())
    before = tool_fingerprint.__wrapped__()
    changed = Path(importlib.import_module(module).__file__).resolve()
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read_bytes(self) + (b"# edit" if self == changed else b""))
    assert tool_fingerprint.__wrapped__() != before


def test_corrupt_file_is_moved_aside_and_rebuilt(tmp_path: Path):
    (tmp_path / DB_NAME).write_bytes(b"this is not a database at all, just bytes" * 200)
    warnings: list[ComplianceError] = []
    with Store(tmp_path, warn=warnings.append) as store:
        store.put("a" * 64, "cat", None, _report(10))
        assert store.get_report("a" * 64, "cat") is not None
    assert [w.code for w in warnings] == ["cache-rebuilt"]
    aside = [p for p in tmp_path.iterdir() if ".broken-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not a database")
    assert "dibuat ulang" in warnings[0].message("id")


def test_foreign_database_is_not_used(tmp_path: Path):
    other = sqlite3.connect(tmp_path / DB_NAME)
    other.execute("CREATE TABLE report (x)")
    other.execute("INSERT INTO report VALUES (1)")
    other.commit()
    other.close()
    warnings: list[ComplianceError] = []
    with Store(tmp_path, warn=warnings.append) as store:
        assert store.get_report("a" * 64, "cat") is None
        store.put("a" * 64, "cat", None, _report(10))
    assert [w.code for w in warnings] == ["cache-rebuilt"]
    assert "not a compliance results store" in warnings[0].params["reason"]


def test_damage_found_after_opening_is_recovered(tmp_path: Path):
    with Store(tmp_path) as store:
        store.put("a" * 64, "cat", None, _report(10))
    warnings: list[ComplianceError] = []
    store = Store(tmp_path, warn=warnings.append)
    store._conn.close()
    # overwrite the body pages (not the header) so the file opens but queries fail
    path = tmp_path / DB_NAME
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    path.write_bytes(bytes(data))
    store._conn = sqlite3.connect(path, isolation_level=None)
    assert store.get_report("a" * 64, "cat") is None
    store.put("b" * 64, "cat", None, _report(20))
    assert store.get_report("b" * 64, "cat")["summary"]["score"] == 20
    store.close()
    assert [w.code for w in warnings] == ["cache-rebuilt"]


def _writer(folder: str, worker: int, count: int) -> None:
    with Store(Path(folder)) as store:
        for i in range(count):
            sha = f"{worker:02d}{i:062d}"
            store.put(sha, "cat", "{}", _report(i))
            store.record_checks([{"daerah": f"Kota {worker}", "file": f"{i}.pdf", "sha256": sha, "score": i}], "cat")


def test_concurrent_writers_lose_nothing(tmp_path: Path):
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), w, 25)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    with Store(tmp_path) as store:
        assert store._conn.execute("SELECT count(*) FROM report").fetchone()[0] == 100
        assert store._conn.execute("SELECT count(*) FROM history").fetchone()[0] == 100
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len(store.history("kota 3")) == 25


def _opener(folder: str, start, outcome) -> None:
    start.wait()
    try:
        Store(Path(folder)).close()
        outcome.put("ok")
    except ComplianceError as exc:
        outcome.put(exc.code)


def test_processes_opening_one_new_store_together_all_get_it(tmp_path: Path):
    """Switching a new file to WAL answers "locked" at once to the others; they must wait, not fail."""
    ctx = multiprocessing.get_context("fork")
    outcomes = []
    for round_ in range(6):
        folder = tmp_path / str(round_)
        start, outcome = ctx.Barrier(8), ctx.Queue()
        procs = [ctx.Process(target=_opener, args=(str(folder), start, outcome)) for _ in range(8)]
        for p in procs:
            p.start()
        outcomes += [outcome.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(120)
    assert outcomes == ["ok"] * 48


def test_history_lists_a_region_over_time(tmp_path: Path):
    with Store(tmp_path) as store:
        checks = [
            {"daerah": "Kota Pematangsiantar", "jenis": "Peraturan Wali Kota", "nomor": "5", "tahun": 2023,
             "file": "draft-2023.pdf", "sha256": "b" * 64, "score": 61.5},
            {"daerah": "Kota  PEMATANGSIANTAR", "jenis": "Peraturan Wali Kota", "nomor": "3", "tahun": 2021,
             "file": "perwal-2021.pdf", "sha256": "a" * 64, "score": 40.0},
            {"daerah": "Kabupaten Labuhanbatu", "file": "lb.pdf", "sha256": "c" * 64, "score": 70.0},
        ]
        store.record_checks(checks, "cat")
        store.record_checks(checks[:1], "cat")  # checked again: one row, two checks
        rows = store.history("pematangsiantar")
    assert [(r["file"], r["score"], r["checks"]) for r in rows] == [
        ("perwal-2021.pdf", 40.0, 1), ("draft-2023.pdf", 61.5, 2)]
    assert rows[0]["first_checked"] <= rows[1]["last_checked"]


def test_history_escapes_like_wildcards(tmp_path: Path):
    with Store(tmp_path) as store:
        store.record_checks([{"daerah": "Kota Binjai", "file": "x.pdf", "sha256": "a" * 64}], "cat")
        assert store.history("%") == []
        assert store.history("_") == []


def test_default_cache_dir_follows_xdg(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "compliance"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "compliance"



def test_a_locked_store_is_a_clear_error_not_a_rebuild(tmp_path: Path, monkeypatch):
    with Store(tmp_path) as store:
        store.put("a" * 64, "cat", None, _report(10))
    monkeypatch.setattr("compliance.store_file.BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another run holding the write lock
    warnings: list[ComplianceError] = []
    try:
        with Store(tmp_path, warn=warnings.append) as store:
            with pytest.raises(ComplianceError) as info:
                store.put("b" * 64, "cat", None, _report(20))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert info.value.code == "cache-busy" and warnings == []
    assert "--no-cache" in info.value.message("en")
    with Store(tmp_path) as store:
        assert store.get_report("a" * 64, "cat")["summary"]["score"] == 10


def test_history_command_lists_a_region(tmp_path: Path):
    from click.testing import CliRunner

    from compliance.cli import main

    with Store(tmp_path) as store:
        store.record_checks([
            {"daerah": "Pematangsiantar", "jenis": "Peraturan Wali Kota", "nomor": "3", "tahun": 2021,
             "file": "perwal-2021.pdf", "sha256": "a" * 64, "score": 40.0},
            {"daerah": "Pematangsiantar", "jenis": "Peraturan Wali Kota", "nomor": "5", "tahun": 2023,
             "file": "draft-2023.docx", "sha256": "b" * 64, "score": 61.5}], "cat")
    run = CliRunner().invoke(main, ["--lang", "en", "history", "pematangsiantar", "--cache-dir", str(tmp_path)])
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert lines[0].split()[:3] == ["Year", "Kind", "Number"]
    assert [line.split()[0] for line in lines[1:]] == ["2021", "2023"]
    assert "perwal-2021.pdf" in lines[1] and "61.5" in lines[2]
    as_json = CliRunner().invoke(main, ["history", "Pematangsiantar", "--cache-dir", str(tmp_path), "--format", "json"])
    assert [r["score"] for r in json.loads(as_json.stdout)] == [40.0, 61.5]
    none = CliRunner().invoke(main, ["history", "Binjai", "--cache-dir", str(tmp_path)])
    assert none.exit_code == 1 and "belum ada riwayat" in none.stderr


def test_history_takes_the_labels_compare_prints_and_lists_the_regions(tmp_path):
    from click.testing import CliRunner

    from compliance.cli import main
    cache = str(tmp_path / "cache")
    sample = Path(__file__).resolve().parents[1] / "examples" / "perwal-banyuasri-2022-spbe.pdf"
    run = CliRunner().invoke
    assert run(main, ["history", "--cache-dir", cache]).exit_code == 1  # nothing checked yet: one line
    assert run(main, ["check", str(sample), "--cache-dir", cache]).exit_code == 0
    found = run(main, ["history", "Kota Banyuasri", "--cache-dir", cache])
    assert found.exit_code == 0 and sample.name in found.output and "72,6" in found.output
    regions = run(main, ["history", "--cache-dir", cache])
    assert regions.exit_code == 0
    assert regions.output.splitlines()[0].split()[:2] == ["Daerah", "Peraturan"]
    assert regions.output.splitlines()[1].split()[:4] == ["Kota", "Banyuasri", "1", "1"]  # daerah with its level


@pytest.mark.parametrize("damage", [
    "UPDATE report SET json = CAST(X'7B22FF22' AS TEXT)",  # a cell that is not UTF-8
    "UPDATE regulation SET json = CAST(X'FF' AS TEXT)",
    "UPDATE history SET daerah = CAST(X'C3' AS TEXT)",
    "UPDATE report SET json = '[1'",  # a report that is not JSON
])
def test_an_unreadable_row_is_moved_aside_and_rebuilt(tmp_path: Path, damage: str):
    with Store(tmp_path) as store:
        store.put("a" * 64, "cat", '{"x": 1}', _report(10, daerah="Kota Binjai"))
        store.record_checks([{"daerah": "Kota Binjai", "file": "a.pdf", "sha256": "a" * 64, "score": 10}], "cat")
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        db.execute(damage)
    warnings: list[ComplianceError] = []
    with Store(tmp_path, warn=warnings.append) as store:
        found = (store.get_report("a" * 64, "cat"), store.get_regulation_json("a" * 64), store.history("binjai"))
        store.put("b" * 64, "cat", None, _report(20))
        assert store.get_report("b" * 64, "cat")["summary"]["score"] == 20
    assert [w.code for w in warnings] == ["cache-rebuilt"]
    assert None in found or [] in found
    assert len([p for p in tmp_path.iterdir() if ".broken-" in p.name]) == 1


def test_a_folder_in_place_of_the_store_is_moved_aside(tmp_path: Path):
    (tmp_path / DB_NAME).mkdir()
    warnings: list[ComplianceError] = []
    with Store(tmp_path, warn=warnings.append) as store:
        store.put("a" * 64, "cat", None, _report(10))
    assert [w.code for w in warnings] == ["cache-rebuilt"] and (tmp_path / DB_NAME).is_file()


def test_a_batch_over_a_damaged_store_warns_and_succeeds(tmp_path: Path):
    from click.testing import CliRunner

    from compliance.cli import main

    regs = tmp_path / "regs"
    regs.mkdir()
    for name in ("perwal-banyuasri-2022-spbe.txt", "perbup-sukamaju-2016-egov.txt"):
        (regs / name).write_bytes((Path(__file__).parents[1] / "examples" / name).read_bytes())
    args = ["check", str(regs), "-o", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache"), "--jobs", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    with sqlite3.connect(tmp_path / "cache" / DB_NAME) as db:
        db.execute("UPDATE report SET json = CAST(X'FFFE' AS TEXT)")
        db.execute("UPDATE history SET file = CAST(X'FF' AS TEXT)")
    run = CliRunner().invoke(main, args)
    assert run.exit_code == 0, run.output
    assert run.stderr.count("dibuat ulang") == 1
    assert CliRunner().invoke(main, args).stderr == ""  # the rebuilt store serves the next run
