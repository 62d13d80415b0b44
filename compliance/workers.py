"""Worker processes that may die, hang or be orphaned without taking a batch with them.

``concurrent.futures`` marks its whole pool broken when one worker dies, and it learns of
the death through a pipe that a worker's own children (the PDF reader it forks) keep open,
so a batch whose worker the OOM killer took waited forever. Here each worker runs one task
at a time over its own pipe, so the parent always knows which task a worker holds: a
worker that exits (seen by ``waitpid``, whatever pipes its children hold) fails that task
only, a worker past the time bound is killed and fails its task, and a fresh worker takes
the next one. Every worker dies with its parent (``die_with_parent``) and takes its own
children along (a process group and its watcher), so killing a batch with ``kill -9``
leaves no process behind.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable, Iterator

# How often a child looks whether its parent is still there, and how often the pool looks
# whether a busy worker has exited, when nothing else wakes it (seconds).
POLL_S = 0.5
_PR_SET_PDEATHSIG = 1  # prctl(2) option, Linux


@dataclass(frozen=True)
class Failure:
    """Why a task has no result: ``timeout`` (killed after ``seconds``) or ``stopped``
    (the worker died: ``reason`` names the signal or the exit code)."""

    kind: str
    reason: str
    seconds: float = 0.0


def fork_context():
    """Fork where available: a worker starts with everything the parent loaded."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def die_with_parent(parent_pid: int, forked_by_main_thread: bool = True) -> None:
    """Call first thing in a child: end this process as soon as ``parent_pid`` is gone.

    On Linux the kernel sends SIGKILL when the parent dies (``PR_SET_PDEATHSIG``), even if
    this process is stuck in C code; it fires when the forking *thread* ends, so it is used
    only for children forked by a main thread. Elsewhere a daemon thread polls the parent's
    pid (an orphan is re-parented to init or a subreaper). Only there: a second thread makes
    every malloc and free of the process take glibc's locked path, a few percent more CPU for
    the PDF reader (pdfium allocates for every glyph)."""
    armed = False
    if forked_by_main_thread and sys.platform.startswith("linux"):
        try:
            armed = ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os._exit(1)
    if armed:
        return

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def _serve(func: Callable[[Any], Any], connection: Connection, parent_pid: int, by_main: bool) -> None:
    """Worker: answer each task received with ``func(task)`` until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends the workers
    try:
        os.setpgid(0, 0)  # a group of its own: killing it takes its children (PDF reader, tesseract) along
    except OSError:
        pass
    else:
        _reap_group_when_gone()
    die_with_parent(parent_pid, by_main)
    while True:
        try:
            more, task = connection.recv()
        except (EOFError, OSError):
            return
        if not more:
            return
        connection.send(func(task))


def _reap_group_when_gone() -> None:
    """Fork a tiny watcher into this process's group: when this process dies (with its batch,
    or by the OOM killer's hand) the watcher kills the group, so what it started (a tesseract
    run, the PDF reader) does not run on for minutes. It holds no file of ours open."""
    owner = os.getpid()
    if os.fork() != 0:
        return
    try:
        os.closerange(3, 1 << 16)
        while os.getppid() == owner:
            time.sleep(POLL_S)
        os.killpg(0, signal.SIGKILL)
    finally:
        os._exit(0)


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: Connection
    item: Any = None
    deadline: float = 0.0

    @property
    def busy(self) -> bool:
        return self.deadline > 0.0


def run_tasks(func: Callable[[Any], Any], items: Iterable[Any], jobs: int, timeout: float | None = None,
              on_wait: Callable[[], None] | None = None) -> Iterator[tuple[Any, Any, Failure | None]]:
    """Yield ``(item, func(item), None)`` or ``(item, None, Failure)`` for every item, in the
    order they finish, computed by at most ``jobs`` worker processes, each item within
    ``timeout`` seconds (None: no bound). ``func`` and the items are inherited or pickled.
    ``on_wait`` is called at least every ``POLL_S`` seconds while the workers are busy."""
    queue = list(items)
    queue.reverse()  # pop() from the end takes them in the given order
    context = fork_context()
    workers: list[_Worker] = []
    try:
        while queue or any(w.busy for w in workers):
            while queue and len([w for w in workers if w.busy]) < jobs:
                worker = next((w for w in workers if not w.busy), None) or _start(context, func, workers)
                worker.item = queue.pop()
                worker.deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
                worker.connection.send((True, worker.item))
            yield from _collect(workers, timeout)
            if on_wait is not None:
                on_wait()
    finally:
        for worker in workers:
            _stop(worker, kill=worker.busy)


def _start(context, func: Callable[[Any], Any], workers: list[_Worker]) -> _Worker:
    ours, theirs = context.Pipe()
    by_main = threading.current_thread() is threading.main_thread()
    process = context.Process(target=_serve, args=(func, theirs, os.getpid(), by_main), name="compliance-worker")
    process.start()
    theirs.close()
    worker = _Worker(process, ours)
    workers.append(worker)
    return worker


def _collect(workers: list[_Worker], timeout: float | None) -> Iterator[tuple[Any, Any, Failure | None]]:
    """Wait until some busy worker answers, dies or passes its deadline; yield what ended."""
    busy = [w for w in workers if w.busy]
    now = time.monotonic()
    wake = min([POLL_S] + [w.deadline - now for w in busy])
    ready = set(wait([w.connection for w in busy], timeout=max(wake, 0.0)))
    for worker in busy:
        result, failure = None, None
        if worker.connection in ready:
            try:
                result = worker.connection.recv()
            except (EOFError, OSError):  # died while answering
                failure = _stopped(worker)
        elif worker.process.exitcode is not None:  # waitpid: whatever pipes its children hold
            failure = _stopped(worker)
        elif time.monotonic() >= worker.deadline:
            failure = Failure("timeout", "", timeout or 0.0)
        else:
            continue
        item = worker.item
        if failure is not None:
            _stop(worker, kill=True)
            workers.remove(worker)
        worker.item, worker.deadline = None, 0.0
        yield item, result, failure


def _stopped(worker: _Worker) -> Failure:
    worker.process.join(POLL_S)
    code = worker.process.exitcode
    if code is not None and code < 0:
        try:
            reason = signal.Signals(-code).name
        except ValueError:
            reason = f"signal {-code}"
    else:
        reason = f"exit code {code}"
    return Failure("stopped", reason)


def _stop(worker: _Worker, kill: bool) -> None:
    """End a worker: an idle one is told to return (its pipe may never read as closed: a
    worker forked later holds a copy of our end); a busy or dead one is killed with its
    process group (what it started: the PDF reader, a tesseract run)."""
    if kill:
        _kill_group(worker.process)
    else:
        try:
            worker.connection.send((False, None))
        except OSError:
            pass
    worker.connection.close()
    worker.process.join(POLL_S * 2)
    if worker.process.exitcode is None:
        _kill_group(worker.process)
        worker.process.join()


def _kill_group(process: multiprocessing.process.BaseProcess) -> None:
    if process.pid and process.pid != os.getpgrp():
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except OSError:  # no such group: it had not set it up yet, or it is gone
            pass
    process.kill()
