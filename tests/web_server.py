"""A real ``compliance serve`` process for the tests that need one (browser, kill and restart)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(folder: Path, port: int | None = None, workers: int = 1) -> tuple[subprocess.Popen, str]:
    """Start the server in its own process group on 127.0.0.1; return it once it answers."""
    port = port or free_port()
    log = (folder / f"serve-{port}.log").open("a")
    process = subprocess.Popen(
        [sys.executable, "-m", "compliance", "serve", "--no-browser", "--port", str(port), "--workers", str(workers),
         "--data-dir", str(folder / "data"), "--cache-dir", str(folder / "cache")],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/", timeout=1)
            return process, url
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    stop(process, signal.SIGKILL)
    raise AssertionError("compliance serve did not start: " + (folder / f"serve-{port}.log").read_text())


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Signal the server's process group (the server and its workers), then reap it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextlib.contextmanager
def running(folder: Path, workers: int = 1):
    process, url = start(folder, workers=workers)
    try:
        yield url
    finally:
        stop(process)
