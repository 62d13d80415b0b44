"""Batches that survive a dying or hanging worker, and leave no process behind when killed."""

from __future__ import annotations

import functools
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from compliance.batch import Pipeline, run_batch
from compliance.report_folder import check_many
from compliance.workers import die_with_parent, fork_context, run_tasks
from tests.test_batch import fabricated_check, write

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PDF = EXAMPLES / "perwal-banyuasri-2022-spbe.pdf"


def _log_processes(log: str) -> None:
    """Note this worker's pid and its PDF reader's (the child that held the pool's pipes open)."""
    from compliance import pdf_reader

    reader = pdf_reader._WORKER[1].pid if pdf_reader._WORKER else ""
    with open(log, "a", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()} {reader}\n")


def oom_check(log: str, regulation) -> dict:
    """Killed as the OOM killer kills, after its PDF reader was started, for files named oom*."""
    if regulation.source.file.startswith("oom"):
        _log_processes(log)
        os.kill(os.getpid(), signal.SIGKILL)
    return fabricated_check(regulation)


def hanging_check(log: str, regulation) -> dict:
    _log_processes(log)
    if regulation.source.file.startswith("lambat"):
        helper = subprocess.Popen(["sleep", "300"])  # as tesseract would run, in the worker's group
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{helper.pid}\n")
        time.sleep(300)
    return fabricated_check(regulation)


def _lines(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def _pids(log: Path) -> list[int]:
    return [int(p) for line in _lines(log) for p in line.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its parent's bookkeeping is left


def _wait_until_ended(pids: list[int]) -> list[int]:
    for _ in range(100):  # at most ~10 s
        alive = [p for p in pids if _alive(p)]
        if not alive:
            break
        time.sleep(0.1)
    return alive


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_killed_worker_fails_its_file_and_the_batch_finishes(tmp_path: Path):
    regs = tmp_path / "regs"
    regs.mkdir()
    (regs / "oom.pdf").write_bytes(PDF.read_bytes())
    write(regs / "a.txt", "Arsitektur.")
    write(regs / "b.txt", "Tidak ada.", nomor=2)
    log = tmp_path / "pids"
    pipeline = Pipeline(check=functools.partial(oom_check, str(log)), catalog_key="t@1")
    results = run_batch([regs], pipeline, jobs=2, file_timeout=120)
    assert [(r.path.name, r.error.code if r.error else None) for r in results] == [
        ("a.txt", None), ("b.txt", None), ("oom.pdf", "worker-stopped")]
    assert "SIGKILL" in results[2].error.message("en")
    worker, reader = _pids(log)
    assert _wait_until_ended([worker, reader]) == []  # the worker's PDF reader went with it


def test_a_file_over_the_time_bound_fails_alone(tmp_path: Path):
    write(tmp_path / "a.txt", "Arsitektur.")
    write(tmp_path / "lambat.txt", "Arsitektur.", nomor=2)
    pipeline = Pipeline(check=functools.partial(hanging_check, str(tmp_path / "pids")), catalog_key="t@1")
    results = run_batch([tmp_path], pipeline, jobs=1, file_timeout=1)
    assert [r.error.code if r.error else None for r in results] == [None, "file-timeout"]
    assert "1 detik" in results[1].error.message("id")
    helper = _pids(tmp_path / "pids")[-1]
    assert _wait_until_ended([helper]) == []  # what the killed worker started went with it


def _check_folder(regs: str, out: str, log: str) -> None:
    check_many([Path(regs)], Path(out), Pipeline(functools.partial(hanging_check, log), "t@1"), fmt="json",
               jobs=2, file_timeout=600)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_killed_batch_leaves_its_reports_an_index_and_no_process(tmp_path: Path):
    regs, out, log = tmp_path / "regs", tmp_path / "laporan", tmp_path / "pids"
    write(regs / "a.txt", "Arsitektur.")
    for name in ("lambat1.pdf", "lambat2.pdf"):
        (regs / name).write_bytes(PDF.read_bytes() + name.encode())  # distinct content, still a PDF
    batch = multiprocessing.get_context("spawn").Process(target=_check_folder, args=(str(regs), str(out), str(log)))
    batch.start()
    for _ in range(600):  # until both slow files hang in their workers (at most ~60 s)
        if len(_lines(log)) == 5 and "a.txt.json" in (out / "index.html").read_text(encoding="utf-8"):
            break
        time.sleep(0.1)
    os.kill(batch.pid, signal.SIGKILL)
    batch.join()
    pids = _pids(log)
    assert len(pids) == 7  # two workers, the readers of both PDFs and what each hanging check started
    assert _wait_until_ended(pids) == []
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="a.txt.json"' in index and "1 dari 3 berkas selesai" in index
    assert (out / "a.txt.json").is_file() and not (out / "lambat1.pdf.json").exists()


def _square(n: int) -> int:
    if n == 3:
        os._exit(7)
    return n * n


def test_run_tasks_yields_every_item_once_whatever_happens():
    results = sorted((item, value, failure and failure.reason) for item, value, failure in
                     run_tasks(_square, range(6), jobs=2, timeout=60))
    assert results == [(0, 0, None), (1, 1, None), (2, 4, None), (3, None, "exit code 7"), (4, 16, None),
                       (5, 25, None)]


def _threads_after_arming(by_main_thread: bool, answer) -> None:
    die_with_parent(os.getppid(), by_main_thread)
    answer.send(threading.active_count())


@pytest.mark.parametrize("by_main_thread", [True, False])
def test_a_child_watches_its_parent_by_thread_only_where_the_kernel_cannot(by_main_thread: bool):
    """On Linux a child forked by a main thread has the kernel's parent-death signal and no
    watcher thread (a second thread slows every malloc of the PDF reader); any other child
    polls its parent from a thread."""
    kernel = by_main_thread and sys.platform.startswith("linux")
    ours, theirs = multiprocessing.Pipe()
    child = fork_context().Process(target=_threads_after_arming, args=(by_main_thread, theirs))
    child.start()
    assert ours.recv() == (1 if kernel else 2)
    child.join()


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_the_pdf_reader_runs_single_threaded():
    from compliance import pdf_reader
    from compliance.extract import extract

    extract(PDF)
    assert os.listdir(f"/proc/{pdf_reader._WORKER[1].pid}/task") == [str(pdf_reader._WORKER[1].pid)]
