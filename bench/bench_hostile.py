"""Hostile input at the sizes issue 12 measured: time and peak memory of `compliance check`
per case, and how the text shapes scale (1k / 10k / 100k).

Usage: python bench/bench_hostile.py [--only dots,q-bomb] [--timeout 120] [--no-scaling]

Cases run as a user runs them, `compliance check FILE --format json -o OUT` in a fresh
process, with the default limits (an empty config folder), no caches; peak memory is the
largest resident set of that process and its reaped children (the PDF page reader,
tesseract), from wait4. The goal of issue 12 is every case within 30 s and 2 GB, with a
clear line and exit 1 when a bound is passed. The scaling table times `load` + `check` in
this process (OCR off) at n = 1k, 10k, 100k of each text shape's unit and prints the ratios
(linear: about 10x per step).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import compliance  # noqa: E402
from compliance.check import check  # noqa: E402
from tests.hostile_shapes import SHAPES  # noqa: E402

# n of the scaling table counts this many bytes of plain text (others count their own unit:
# characters of a run, pages, headings, lines, pairs of an OCR number).
UNITS = {"plain-text": 30}
SCALING = (1_000, 10_000, 100_000)


def run_case(path: Path, folder: Path, timeout: float) -> tuple[float, float, str, str]:
    """Wall seconds, peak MB, exit code and the last line on stderr of one `compliance check`."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(folder / "config"), "XDG_CACHE_HOME": str(folder / "cache"),
           "COMPLIANCE_NO_CACHE": "1", "PYTHONPATH": str(REPO)}
    out = folder / "out.json"
    command = [sys.executable, "-m", "compliance", "check", str(path), "--format", "json", "-o", str(out)]
    start = time.perf_counter()
    with open(folder / "stderr", "wb") as err:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, env=env, start_new_session=True)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(process.pid, 9)
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.05)
    wall = time.perf_counter() - start
    code = "timeout" if wall > timeout else str(os.waitstatus_to_exitcode(status))
    lines = (folder / "stderr").read_text(encoding="utf-8", errors="replace").strip().splitlines()
    message = lines[-1] if lines else ""
    if any("Traceback" in line for line in lines):
        message = "TRACEBACK " + message
    return wall, usage.ru_maxrss / 1024, code, message


def cases(only: set[str] | None, timeout: float) -> None:
    print("| case | n | file | wall | peak RSS | exit | result |")
    print("|---|---|---|---|---|---|---|")
    for shape in SHAPES:
        if only and shape.name not in only:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            name, data = shape.make(shape.issue_size)
            path = folder / name
            path.write_bytes(data)
            wall, peak, code, message = run_case(path, folder, timeout)
        message = message.replace(str(folder) + "/", "").replace("|", "/")
        if len(message) > 110:
            message = message[:107] + "..."
        print(f"| {shape.name} | {shape.issue_size:,} | {_size(len(data))} | {wall:.1f} s | {peak:,.0f} MB | {code} "
              f"| {message or 'report written'} |", flush=True)


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 1e6 else f"{count / 1e3:.0f} kB"


def scaling(only: set[str] | None) -> None:
    print("\n| shape (unit) | n = 1k | 10k | 100k | 10k / 1k | 100k / 10k |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"
        warm.write_bytes(SHAPES[0].make(1)[1])
        check(compliance.load(warm, ocr="never"))  # imports, compiled patterns, catalog: not the shapes' cost
        for shape in SHAPES:
            if not shape.scales or shape.name.endswith("pages") or shape.name in ("q-bomb", "content-array", "docx-bomb"):
                continue
            if only and shape.name not in only:
                continue
            unit = UNITS.get(shape.name, 1)
            times = []
            for n in SCALING:
                name, data = shape.make(n * unit)
                path = Path(tmp) / name
                path.write_bytes(data)
                start = time.perf_counter()
                check(compliance.load(path, ocr="never"))
                times.append(time.perf_counter() - start)
            label = f"{shape.name} ({unit} B)" if unit > 1 else shape.name
            print(f"| {label} | {times[0]:.2f} s | {times[1]:.2f} s | {times[2]:.2f} s | "
                  f"{times[1] / times[0]:.1f} | {times[2] / times[1]:.1f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated shape names")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a case is killed")
    parser.add_argument("--no-scaling", action="store_true")
    parser.add_argument("--no-cases", action="store_true")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    if not args.no_cases:
        cases(only, args.timeout)
    if not args.no_scaling:
        scaling(only)


if __name__ == "__main__":
    main()
