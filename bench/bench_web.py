"""Benchmark `compliance serve`: 4 concurrent uploads of a 40-page text-layer PDF,
seconds from the upload to the finished report (p50, p95), against the CLI doing
the same 4 checks at once (`compliance check FILE --format json`, one process each).

    python bench/bench_web.py                       # PERMENKOMINFO_2020_005.pdf (41 pages) from the corpus
    python bench/bench_web.py --rounds 5 --concurrent 4 FILE

A real server (uvicorn, one worker process per core) on 127.0.0.1 with fresh data
and results folders; it is warmed by one upload of a bundled sample first, as a
running server would be. Three cases, each `--rounds` times:
  distinct  4 byte-different copies of the PDF (nothing in the store: every file parsed)
  same      the same PDF 4 times (the first finished parse serves the rest from the store)
  cli       4 concurrent `compliance check` processes (no store)
The baseline is one warm check of the same file in this process (load, check, HTML and
JSON as a job renders them): the last of 4 uploads on 2 cores cannot finish before about
2× that, whatever the server does. The load average is printed because other work on the
machine slows every column alike. Figures are printed, never asserted; the goal is
p95 < 2 s for `distinct` on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("COMPLIANCE_SHARED", REPO.parent / "shared")) / "corpus"
DEFAULT = CORPUS / "PERMENKOMINFO_2020_005.pdf"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post_file(url: str, name: str, data: bytes) -> float:
    """POST /api/v1/check; seconds until the report came back (raises on an error status)."""
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            f"Content-Type: application/pdf\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(url + "/api/v1/check", data=body, method="POST",
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=300) as answer:
        answer.read()
    return time.perf_counter() - start


def run_cli(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "compliance", "check", str(path), "--format", "json", "--no-cache"],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def one_check(path: Path, repeat: int = 3) -> float:
    """Median seconds of one warm in-process check with the renders a job writes."""
    import compliance
    from compliance.check import check
    from compliance.report import render, render_check

    def job() -> None:
        result = check(compliance.load(path))
        report, _ = render_check(result, "html")
        for fmt in ("json", "csv", "md"):
            render(report, fmt, "id", result.regulation)

    job()  # warm: catalog, vocabularies
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def start_server(tmp: Path, workers: int | None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [sys.executable, "-m", "compliance", "serve", "--no-browser", "--port", str(port),
               "--data-dir", str(tmp / "data"), "--cache-dir", str(tmp / "cache")]
    if workers:
        command += ["--workers", str(workers)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/", timeout=1)
            return process, url
        except OSError:
            time.sleep(0.1)
    stop(process)
    raise SystemExit("the server did not start")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--concurrent", type=int, default=4)
    parser.add_argument("--workers", type=int, help="server workers (default: number of cores)")
    args = parser.parse_args(argv)
    if not args.file.exists():
        raise SystemExit(f"{args.file}: not found (the shared corpus is needed, or name a PDF)")
    data = args.file.read_bytes()
    n = args.concurrent
    results: dict[str, list[float]] = {"distinct": [], "same": [], "cli": []}
    load_before = os.getloadavg()[0]
    baseline = one_check(args.file)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        copies = []
        for i in range(args.rounds * n):  # byte-different copies: a comment after %%EOF changes the hash only
            copy = tmp / f"salinan-{i}.pdf"
            copy.write_bytes(data + f"%bench {i}\n".encode())
            copies.append(copy)
        process, url = start_server(tmp, args.workers)
        try:
            sample = REPO / "examples" / "perwal-banyuasri-2022-spbe.pdf"
            with ThreadPoolExecutor(max_workers=n) as threads:
                list(threads.map(lambda _: post_file(url, sample.name, sample.read_bytes()), range(n)))  # warm
                for r in range(args.rounds):
                    batch = copies[r * n:(r + 1) * n]
                    results["distinct"] += threads.map(lambda p: post_file(url, p.name, p.read_bytes()), batch)
                    same = data + f"%same {r}\n".encode()
                    results["same"] += threads.map(lambda _: post_file(url, args.file.name, same), range(n))
        finally:
            stop(process)
        with ThreadPoolExecutor(max_workers=n) as threads:
            for r in range(args.rounds):
                results["cli"] += threads.map(run_cli, copies[r * n:(r + 1) * n])
    pages = subprocess.run([sys.executable, "-c", f"import pypdfium2; print(len(pypdfium2.PdfDocument({str(args.file)!r})))"],
                           capture_output=True, text=True).stdout.strip()
    print(f"{args.file.name} ({pages} pages), {n} concurrent, {args.rounds} rounds, {os.cpu_count()} cores, "
          f"load average {load_before:.1f} -> {os.getloadavg()[0]:.1f}")
    print(f"one warm check in process (baseline): {baseline:.2f} s")
    print(f"{'case':<10} {'p50 s':>7} {'p95 s':>7} {'max s':>7} {'p95 / cli p95':>14} {'p95 / baseline':>15}")
    cli_p95 = percentile(results["cli"], 0.95)
    for case, times in results.items():
        p95 = percentile(times, 0.95)
        print(f"{case:<10} {statistics.median(times):>7.2f} {p95:>7.2f} {max(times):>7.2f} {p95 / cli_p95:>14.2f} "
              f"{p95 / baseline:>15.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
