"""Benchmark `compliance compare` at regional scale: cold and warm, 1 and 2 workers.

Generates N distinct regulations in a temporary folder — the bundled samples
(examples/*.txt) with another daerah name, number and year and a random subset of
their articles, plus some real corpus PDFs when ../shared/corpus is present — then
runs the CLI as a user would and prints figures (never asserts):

    python bench/bench_compare.py            # N=60
    python bench/bench_compare.py --n 500    # the national-scale run

Peak memory is the largest resident set of any process of a run (the CLI or one of
its workers, from wait4's rusage). The 500-column HTML is also opened in headless
Chromium when one is installed, to time its render.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("COMPLIANCE_SHARED", REPO.parent / "shared"))
SYLLABLES = ["ba", "tu", "ra", "ma", "ja", "ya", "sa", "ri", "lo", "ka", "nu", "sa", "wi", "do", "ga", "pe", "si"]
PASAL = re.compile(r"(?m)^Pasal \d+[A-Z]?\s*$")


def region_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if name not in used:
            used.add(name)
            return name


def variant(text: str, daerah: str, name: str, nomor: int, tahun: int, rng: random.Random) -> str:
    """The sample as another region's regulation: names, number and year replaced, and
    up to a third of the middle articles left out (the articles keep their numbers)."""
    text = re.sub(daerah, name, text, flags=re.IGNORECASE)
    text = re.sub(r"NOMOR \d+ TAHUN \d{4}", f"NOMOR {nomor} TAHUN {tahun}", text, count=1)
    starts = [m.start() for m in PASAL.finditer(text)]
    blocks = [text[a:b] for a, b in zip(starts, starts[1:])]
    middle = list(range(1, len(blocks) - 1))
    dropped = set(rng.sample(middle, rng.randint(0, len(middle) // 3))) if middle else set()
    body = "".join(b for i, b in enumerate(blocks) if i not in dropped)
    return text[:starts[0]] + body + text[starts[-1]:]


def generate(folder: Path, n: int, pdfs: int, seed: int = 95) -> None:
    rng = random.Random(seed)
    samples = sorted((REPO / "examples").glob("*.txt"))
    if not samples:
        sys.exit("bench: examples/*.txt not found")
    daerah = {s: s.stem.split("-")[1] for s in samples}  # perbup-sukamaju-2016-egov -> sukamaju
    corpus = sorted((SHARED / "corpus").glob("*.pdf"))[:pdfs] if (SHARED / "corpus").is_dir() else []
    for pdf in corpus:
        shutil.copy(pdf, folder / pdf.name)
    used: set[str] = set()
    for i in range(n - len(corpus)):
        sample = samples[i % len(samples)]
        name = region_name(rng, used)
        text = variant(sample.read_text(encoding="utf-8"), daerah[sample], name, rng.randint(1, 99),
                       rng.randint(2008, 2025), rng)
        (folder / f"{i:04d}-{name.lower()}-{sample.stem.split('-')[0]}.txt").write_text(text, encoding="utf-8")


# Runs the CLI in a child and prints the largest resident set of that child and its workers.
_MEASURE = ("import resource, subprocess, sys\n"
            "code = subprocess.run([sys.executable, '-m', 'compliance', *sys.argv[1:]]).returncode\n"
            "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "print(use.ru_maxrss, use.ru_utime + use.ru_stime, file=sys.stderr)\n"
            "sys.exit(code)\n")


def snapshot(folder: Path) -> dict[str, str]:
    """Freeze the code and data under test: the store keys results on a hash of the
    package source, so an edit made elsewhere during the run would turn warm runs cold."""
    for name in ("compliance", "rules", "regulations", "templates"):
        shutil.copytree(REPO / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    return {**os.environ, "PYTHONPATH": str(folder)}


ENV: dict[str, str] = {}


def run(args: list[str]) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KB) of the largest process, CPU seconds of all processes."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, env=ENV)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: compare failed ({proc.returncode}): {proc.stderr[-2000:]}")
    peak, cpu = proc.stderr.strip().splitlines()[-1].split()
    return seconds, int(peak), float(cpu)


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_parallelism() -> float:
    """How much faster 2 processes finish a pure-Python CPU load than 1, right now: the
    ceiling for the 2-worker speed-up on a machine other programs share."""
    from concurrent.futures import ProcessPoolExecutor

    times = []
    for workers in (1, 2):
        start = time.perf_counter()
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_spin, [2_000_000] * 8))
        times.append(time.perf_counter() - start)
    return times[0] / times[1]


def chromium_render(page: Path) -> float | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser:
        return None
    start = time.perf_counter()
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
                   capture_output=True, timeout=300)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=60, help="number of distinct regulations (default 60)")
    parser.add_argument("--pdfs", type=int, help="how many of them are real corpus PDFs (default n/10, max 42)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    pdfs = min(42, args.n // 10) if args.pdfs is None else args.pdfs
    tmp = Path(tempfile.mkdtemp(prefix="bench-compare-"))
    regs = tmp / "regs"
    regs.mkdir()
    ENV.update(snapshot(tmp / "code"))
    generate(regs, args.n, pdfs)
    print(f"{args.n} regulations ({pdfs} corpus PDFs, {args.n - pdfs} sample variants) in {regs}")
    print(f"cores: {os.cpu_count()} (wall-clock speed-up needs idle cores: compare the load average "
          f"with the core count; CPU seconds per document do not depend on it)")
    print(f"machine now: 2 processes run a pure CPU load {machine_parallelism():.2f}x faster than 1 "
          f"(the ceiling for the speed-up below)")
    figures = {}
    for jobs in (1, 2):
        cache = tmp / f"cache-{jobs}"
        out = tmp / f"banding-{jobs}.json"
        load = os.getloadavg()[0]
        seconds, peak, cpu = run(["compare", str(regs), "-o", str(out), "--format", "json",
                                  "--jobs", str(jobs), "--cache-dir", str(cache)])
        failed = len(json.loads(out.read_text(encoding="utf-8"))["failed"])
        figures[jobs] = seconds
        print(f"cold, {jobs} worker(s): {seconds:7.1f} s  {args.n / seconds:6.2f} docs/s  "
              f"{3600 * args.n / seconds:8.0f} docs/h  CPU {cpu:6.1f} s ({cpu / args.n:.2f} s/doc)  "
              f"peak RSS {peak / 1024:4.0f} MB  failed {failed}  (load before: {load:.1f})")
    same = (tmp / "banding-1.json").read_bytes() == (tmp / "banding-2.json").read_bytes()
    print(f"speed-up 2 vs 1 worker: {figures[1] / figures[2]:.2f}x (outputs byte-identical: {same}); "
          f"machine ceiling now {machine_parallelism():.2f}x")
    warm, peak, cpu = run(["compare", str(regs), "-o", str(tmp / "warm.json"), "--format", "json", "--jobs", "2",
                         "--cache-dir", str(tmp / "cache-2")])
    print(f"warm, 2 workers:    {warm:7.1f} s  {args.n / warm:6.1f} docs/s  CPU {cpu:5.1f} s  "
          f"peak RSS {peak / 1024:4.0f} MB  = {100 * warm / figures[2]:.1f}% of cold")
    for fmt in ("html", "csv"):
        out = tmp / f"banding.{fmt}"
        seconds, _, _ = run(["compare", str(regs), "-o", str(out), "--format", fmt, "--cache-dir",
                             str(tmp / "cache-2")])
        print(f"warm {fmt}: {seconds:5.1f} s, {out.stat().st_size / 1e6:6.2f} MB")
    seconds, _, _ = run(["compare", str(regs), "-o", str(tmp / "region.html"), "--group-by", "daerah",
                         "--cache-dir", str(tmp / "cache-2")])
    print(f"warm html --group-by daerah: {seconds:5.1f} s")
    pdf_only = tmp / "pdfs"
    pdf_only.mkdir()
    for pdf in regs.glob("*.pdf"):
        shutil.copy(pdf, pdf_only / pdf.name)
    if any(pdf_only.iterdir()):
        count = len(list(pdf_only.iterdir()))
        for jobs in (1, 2):
            seconds, peak, cpu = run(["compare", str(pdf_only), "-o", str(tmp / "pdfs.json"), "--jobs", str(jobs),
                                      "--no-cache"])
            print(f"corpus PDFs only ({count}), cold, {jobs} worker(s): {seconds:6.1f} s  "
                  f"{count / seconds:5.2f} docs/s  CPU {cpu / count:.2f} s/doc  peak RSS {peak / 1024:4.0f} MB")
    render = chromium_render(tmp / "banding.html")
    if render is not None:
        print(f"headless Chromium load of the {args.n}-column HTML: {render:.1f} s")
    if args.keep:
        print(f"kept {tmp}")
    else:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
