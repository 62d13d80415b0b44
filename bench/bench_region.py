"""Benchmark region assessment at province scale: cold and warm, 1 and 2 workers.

Generates N synthetic regions of 5 instruments each from the bundled samples
(examples/*.txt rewritten to another region, kabupaten or kota): an old e-Government
Perbup/Perwal, the SPBE one that revokes it, an ICT governance one, a small Arsitektur
instrument (5 or 10 years: sometimes a conflict between instruments), and either an
amendment of the SPBE one or a small Tim Koordinasi instrument; plus one folder per
region of the regional corpus (its text-layer files) when ../shared/corpus/regional is
present. Then runs ``compliance compare ROOT`` (a folder of region folders: every
region assessed, one column each) as a user would, and prints figures (never asserts):

    python bench/bench_region.py             # N=40
    python bench/bench_region.py --n 500     # the province-scale run (2 500 instruments)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import bench_compare  # noqa: E402  (the CLI runner, RSS/CPU measure and machine check are shared)
import region_samples as rs  # noqa: E402  (the instruments the region tests are built from)

SOURCE = {rs.SUKAMAJU_OLD: ("kabupaten", "Sukamaju"), rs.BANYUASRI: ("kota", "Banyuasri"),
          rs.TIRTARAYA: ("kota", "Tirtaraya")}
HEADS = {"kabupaten": ("BUPATI", "Bupati"), "kota": ("WALI KOTA", "Wali Kota")}
AREAS = {"kabupaten": ("KABUPATEN", "Kabupaten"), "kota": ("KOTA", "Kota")}
KOTA_HEADS = (("WALIKOTA", "WALI KOTA"), ("Walikota", "Wali Kota"))


def as_region(text: str, source: tuple[str, str], level: str, name: str) -> str:
    """An instrument of ``source`` (level, name) rewritten as one of ``level`` ``name``."""
    src_level, src_name = source
    for old, new in ((src_name.upper(), name.upper()), (src_name, name)):
        text = text.replace(old, new)
    if src_level == "kota":
        for old, new in KOTA_HEADS:
            text = text.replace(old, new)
    for i in (0, 1):
        text = text.replace(HEADS[src_level][i], HEADS[level][i])
        who = name.upper() if i == 0 else name
        text = re.sub(rf"\b{AREAS[src_level][i]}\s+{who}\b", f"{AREAS[level][i]} {who}", text)
    return text


def numbered(text: str, nomor: int, tahun: int) -> str:
    return re.sub(r"NOMOR \d+ TAHUN \d{4}", f"NOMOR {nomor} TAHUN {tahun}", text, count=1)


def region_files(level: str, name: str, base: int, rng: random.Random) -> dict[str, str]:
    banyuasri = SOURCE[rs.BANYUASRI]
    old = numbered(as_region(rs.sample(rs.SUKAMAJU_OLD), SOURCE[rs.SUKAMAJU_OLD], level, name), base + 1, 2016)
    spbe = rs.sample(rs.BANYUASRI).replace(
        "Nomor 12 Tahun 2015 tentang Pedoman Penerapan E-Government",
        f"Nomor {base + 1} Tahun 2016 tentang Pedoman Pelaksanaan E-Government")
    spbe = numbered(bench_compare.variant(spbe, "Banyuasri", "Banyuasri", base + 2, 2022, rng), base + 2, 2022)
    files = {
        "1-egov-2016.txt": old,
        "2-spbe-2022.txt": as_region(spbe, banyuasri, level, name),
        "3-tik-2017.txt": numbered(as_region(rs.sample(rs.TIRTARAYA), SOURCE[rs.TIRTARAYA], level, name), base + 3, 2017),
    }
    arsitektur = rs.banyuasri_arsitektur_5_years()
    if rng.random() < 0.5:
        arsitektur = arsitektur.replace("5 (lima) tahun", "10 (sepuluh) tahun")
    files["4-arsitektur-2023.txt"] = as_region(numbered(arsitektur, base + 4, 2023), banyuasri, level, name)
    if rng.random() < 0.25:
        amendment = rs.banyuasri_amendment().replace("Nomor 18 Tahun 2022", f"Nomor {base + 2} Tahun 2022")
        files["5-perubahan-2024.txt"] = as_region(numbered(amendment, base + 5, 2024), banyuasri, level, name)
    else:
        tim = rs.small_instrument(rs.BANYUASRI, nomor=str(base + 5), tahun="2024", tentang="Tim Koordinasi SPBE",
                                  articles=[_pasal(rs.sample(rs.BANYUASRI), "6")])
        files["5-tim-2024.txt"] = as_region(tim, banyuasri, level, name)
    return files


def _pasal(text: str, label: str) -> str:
    return re.search(rf"\nPasal {label}\n(.*?)(?=\n\n)", text, re.S).group(1)


def generate(root: Path, n: int, seed: int = 95) -> int:
    """N synthetic region folders plus the corpus regions; returns the number of files."""
    rng = random.Random(seed)
    used: set[str] = set()
    count = 0
    for i in range(n):
        name = bench_compare.region_name(rng, used)
        files = region_files("kabupaten" if i % 2 else "kota", name, rng.randint(1, 60), rng)
        rs.write(root / f"{i:04d}-{name.lower()}", files)
        count += len(files)
    regional = bench_compare.SHARED / "corpus" / "regional"
    if (regional / "manifest.json").is_file():
        manifest = json.loads((regional / "manifest.json").read_text(encoding="utf-8"))
        for doc in manifest["documents"]:
            if doc.get("text_layer") and (regional / doc["file"]).is_file():
                folder = root / ("corpus-" + doc["daerah"].lower().replace(" ", "-"))
                folder.mkdir(exist_ok=True)
                shutil.copy(regional / doc["file"], folder / doc["file"])
                count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=40, help="number of synthetic regions (default 40)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-region-"))
    try:
        bench_compare.ENV.update(bench_compare.snapshot(tmp / "code"))
        root = tmp / "regions"
        files = generate(root, args.n)
        print(f"{args.n} synthetic regions + corpus regions, {files} instruments; machine parallelism "
              f"(2 vs 1 process on a pure CPU loop): {bench_compare.machine_parallelism():.2f}x")
        cold = {}
        for jobs in (1, 2):
            out = tmp / f"cold{jobs}.json"
            seconds, peak, cpu = bench_compare.run(["compare", str(root), "-o", str(out), "--jobs", str(jobs),
                                                    "--cache-dir", str(tmp / f"cache{jobs}")])
            cold[jobs] = (seconds, out.read_bytes())
            print(f"cold, {jobs} worker(s): {seconds:.1f} s, {files / seconds:.1f} instruments/s, "
                  f"CPU {cpu / files:.3f} s per instrument, peak RSS {peak / 1024:.0f} MB")
        seconds, peak, cpu = bench_compare.run(["compare", str(root), "-o", str(tmp / "warm.json"), "--jobs", "2",
                                                "--cache-dir", str(tmp / "cache2")])
        print(f"warm (store hit), 2 workers: {seconds:.1f} s = {100 * seconds / cold[2][0]:.1f} % of cold, "
              f"CPU {cpu:.1f} s, peak RSS {peak / 1024:.0f} MB")
        print(f"speed-up 2 vs 1 worker: {cold[1][0] / cold[2][0]:.2f}x; outputs identical: "
              f"{cold[1][1] == cold[2][1] == (tmp / 'warm.json').read_bytes()}")
        matrix = json.loads(cold[2][1])
        print(f"columns: {len(matrix['columns'])}, refused or failed: {len(matrix['failed'])}")
    finally:
        if args.keep:
            print(f"kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
