"""Benchmark the parser on the real corpus: labels, article text, metadata, speed, memory.

    python bench/bench_parse.py                      # whole corpus (../shared/corpus and its regional/)
    python bench/bench_parse.py --corpus DIR --only UU_2016_019 --plumber-docs 3

Per document: article-label precision/recall against manifest.json (sequence
alignment, so a duplicate or a missing label counts), median similarity of
article text to the reference transcription (rapidfuzz ``fuzz.ratio`` after
whitespace normalisation, articles paired by the same alignment), metadata
(jenis, nomor, tahun) right or not, and parse time (extract, clean, parse). Then totals, the
time of pypdfium2's bare ``get_text_range`` over the same files and of pdfplumber's
``extract_text`` over a subset (the smallest ``--plumber-docs`` files), with both ratios;
the time of the one citation pass ``compliance.load`` runs after the parse (timed apart, and
added in the "load" ratio); and the peak memory of parsing the largest document. The regional instruments
(``regional/manifest.json``) are timed too: those with a text layer join the national files in
one parse / pypdfium2 ratio (identity right or not: jenis, nomor, tahun); scans are timed apart.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import sys
import time
import tracemalloc
from difflib import SequenceMatcher
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling bench scripts

import compliance  # noqa: E402
from compliance.cite import add_reference_warnings
from compliance.clean import clean
from compliance.errors import ComplianceError
from compliance.extract import extract
from compliance.parse import parse

DEFAULT_CORPUS = Path(os.environ.get("COMPLIANCE_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "corpus"
# manifest "jenis" -> (jenis_kode, kementerian) the parser must report
JENIS = {"UU": ("uu", None), "PP": ("pp", None), "PERPRES": ("perpres", None), "PERMENKOMINFO": ("permen", "kominfo")}
_CLOSING_START = re.compile(r"^(Agar setiap orang|Ditetapkan di|Disahkan di)", re.IGNORECASE)


def load_manifest(corpus: Path) -> list[dict]:
    return json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))["documents"]


def normalise(text: str) -> str:
    return " ".join(text.split())


def md_articles(path: Path) -> list[tuple[str, str]]:
    """(label, body) for every ``## Pasal N`` section of a reference transcription.

    A body runs to the next ``## `` heading; the closing formula after the last
    article (``Agar setiap orang ...``, ``Ditetapkan di``) is not article text.
    """
    sections: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            m = re.match(r"^## Pasal\s+(\S+)\s*$", line)
            current = [] if m else None
            if m:
                sections.append((m.group(1), current))
        elif current is not None:
            if _CLOSING_START.match(line.strip()):
                current = None
            else:
                current.append(line)
    return [(label, normalise("\n".join(body))) for label, body in sections]


def align(predicted: list[str], truth: list[str]) -> list[tuple[int, int]]:
    """Index pairs of labels matched in order (a multiset- and sequence-aware match)."""
    sm = SequenceMatcher(a=predicted, b=truth, autojunk=False)
    return [(b.a + k, b.b + k) for b in sm.get_matching_blocks() for k in range(b.size)]


def label_scores(predicted: list[str], truth: list[str]) -> tuple[int, float, float]:
    matched = len(align(predicted, truth))
    precision = matched / len(predicted) if predicted else 0.0
    recall = matched / len(truth) if truth else 1.0
    return matched, precision, recall


def article_similarities(reg: compliance.Regulation, reference: list[tuple[str, str]]) -> list[float]:
    """Similarity (0..1) of each parsed article to its reference, pairs by label alignment."""
    predicted = [a.label for a in reg.articles]
    pairs = align(predicted, [label for label, _ in reference])
    return [fuzz.ratio(normalise(reg.articles[i].text), reference[j][1]) / 100 for i, j in pairs]


def metadata_right(reg: compliance.Regulation, doc: dict) -> dict[str, bool]:
    kode, kementerian = JENIS.get(doc["jenis"], (doc["jenis"].lower(), None))
    md = reg.metadata
    return {
        "jenis": md.jenis_kode == kode and (kementerian is None or md.kementerian == kementerian),
        "nomor": md.nomor_pokok == doc["nomor"],
        "tahun": md.tahun == doc["tahun"],
    }


def _timed_load(pdf: Path, repeat: int, ocr: str = "auto") -> tuple[compliance.Regulation, float, float, float, float]:
    """Load ``pdf`` as ``compliance.load`` does, timing extraction, clean+parse and the
    citation pass apart, and time bare pypdfium2 on the same file back to back so both see
    the same machine load; the best of ``repeat`` runs of each. Returns (regulation, parse,
    of which clean+parse, citation pass, pypdfium2) seconds."""
    best = (float("inf"), float("inf"))
    best_bare = best_cite = float("inf")
    reg = None
    for _ in range(repeat):
        best_bare = min(best_bare, time_pypdfium2([pdf]))
        start = time.perf_counter()
        extracted = extract(pdf, ocr=ocr)
        middle = time.perf_counter()
        reg = parse(clean(extracted.pages), extracted.source)
        reg.warnings[:0] = extracted.warnings
        end = time.perf_counter()
        add_reference_warnings(reg)
        best_cite = min(best_cite, time.perf_counter() - end)
        if end - start < best[0]:
            best = (end - start, end - middle)
    return reg, best[0], best[1], best_cite, best_bare


def bench_document(corpus: Path, doc: dict, repeat: int = 1, ocr: str = "auto") -> dict:
    """Parse one document and compute its figures."""
    pdf = corpus / doc["pdf"]
    try:
        reg, seconds, structure, cite, bare = _timed_load(pdf, repeat, ocr)
    except ComplianceError as exc:
        return {"name": doc["pdf"], "error": exc.code, "seconds": 0.0, "bare_seconds": 0.0, "structure_seconds": 0.0,
                "cite_seconds": 0.0, "ocr_pages": 0,
                "truth": len(doc["pasal"]), "predicted": 0, "matched": 0, "precision": 0.0, "recall": 0.0,
                "similarities": [], "median_similarity": 0.0, "metadata": {"jenis": False, "nomor": False, "tahun": False}}
    predicted = [a.label for a in reg.articles]
    matched, precision, recall = label_scores(predicted, doc["pasal"])
    sims = article_similarities(reg, md_articles(corpus / doc["truth"]))
    return {
        "name": doc["pdf"],
        "seconds": seconds,
        "bare_seconds": bare,
        "structure_seconds": structure,
        "cite_seconds": cite,
        "ocr_pages": len(reg.source.ocr_pages),
        "truth": len(doc["pasal"]),
        "predicted": len(predicted),
        "matched": matched,
        "precision": precision,
        "recall": recall,
        "similarities": sims,
        "median_similarity": statistics.median(sims) if sims else 0.0,
        "metadata": metadata_right(reg, doc),
        "warnings": len(reg.warnings),
    }


def time_pypdfium2(paths: list[Path]) -> float:
    """Seconds for pypdfium2's bare text extraction of ``paths``: the speed floor."""
    from bench_extract import bare_pdfium

    start = time.perf_counter()
    for path in paths:
        bare_pdfium(path)
    return time.perf_counter() - start


def cpu_ratios(paths: list[Path], repeat: int) -> dict[str, float]:
    """CPU seconds (this process and the reader worker) of bare pypdfium2, of the parse and
    of the load with its citation pass over ``paths``, the best of ``repeat`` passes over all
    files: unlike wall time, not inflated by other jobs on a shared machine. Each file is read
    bare, then parsed and cited, in turn, so a change in the machine's load (which slows CPU
    time too, on shared cores) weighs on both alike: a whole pass of each in a row moved the
    ratio by up to 0.1 from run to run on a busy machine."""
    from bench_extract import bare_pdfium, cpu_seconds

    best = {"pypdfium2": float("inf"), "parse": float("inf"), "load": float("inf")}
    for _ in range(repeat):
        bare_cpu = parse_cpu = cite_cpu = 0.0
        for path in paths:
            start = cpu_seconds()
            bare_pdfium(path)
            bare_end = cpu_seconds()
            extracted = extract(path)
            reg = parse(clean(extracted.pages), extracted.source)
            middle = cpu_seconds()
            add_reference_warnings(reg)
            end = cpu_seconds()
            bare_cpu, parse_cpu, cite_cpu = bare_cpu + bare_end - start, parse_cpu + middle - bare_end, cite_cpu + end - middle
        best["pypdfium2"] = min(best["pypdfium2"], bare_cpu)
        best["parse"] = min(best["parse"], parse_cpu)
        best["load"] = min(best["load"], parse_cpu + cite_cpu)
    return best


def time_pdfplumber(paths: list[Path]) -> float:
    import pdfplumber

    start = time.perf_counter()
    for path in paths:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.flush_cache()
    return time.perf_counter() - start


def peak_memory(path: Path) -> dict[str, float]:
    """Peak Python-heap MiB (tracemalloc) of parsing ``path``, and max RSS MiB of this
    process and of the extraction worker processes."""
    tracemalloc.start()
    compliance.load(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "tracemalloc_peak_mib": peak / 2**20,
        "maxrss_self_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "maxrss_children_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def _page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def totals(rows: list[dict]) -> dict:
    matched = sum(r["matched"] for r in rows)
    predicted = sum(r["predicted"] for r in rows)
    truth = sum(r["truth"] for r in rows)
    sims = [s for r in rows for s in r["similarities"]]
    return {
        "documents": len(rows),
        "precision": matched / predicted if predicted else 0.0,
        "recall": matched / truth if truth else 0.0,
        "min_precision": min((r["precision"] for r in rows), default=0.0),
        "min_recall": min((r["recall"] for r in rows), default=0.0),
        "median_similarity": statistics.median(sims) if sims else 0.0,
        "mean_similarity": statistics.fmean(sims) if sims else 0.0,
        "articles_below_0_9": sum(1 for x in sims if x < 0.9),
        "articles_compared": len(sims),
        "metadata_right": sum(all(r["metadata"].values()) for r in rows),
        "parse_seconds": sum(r["seconds"] for r in rows),
        "pypdfium2_seconds": sum(r["bare_seconds"] for r in rows),
        "structure_seconds": sum(r["structure_seconds"] for r in rows),
        "cite_seconds": sum(r["cite_seconds"] for r in rows),
        "ocr_pages": sum(r["ocr_pages"] for r in rows),
        "parse_seconds_text_only": sum(r["seconds"] for r in rows if not r["ocr_pages"]),
        "cite_seconds_text_only": sum(r["cite_seconds"] for r in rows if not r["ocr_pages"]),
        "pypdfium2_seconds_text_only": sum(r["bare_seconds"] for r in rows if not r["ocr_pages"]),
    }


def bench_regional(folder: Path, repeat: int) -> list[dict]:
    """Time each regional instrument (text layer and scans alike) and check its identity."""
    rows = []
    for doc in json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["documents"]:
        try:
            reg, seconds, _, cite, bare = _timed_load(folder / doc["file"], repeat)
        except ComplianceError as exc:
            rows.append({"name": doc["file"], "error": exc.code, "text_layer": doc["text_layer"]})
            continue
        md = reg.metadata
        right = (md.jenis_kode, md.nomor, md.tahun) == (doc["jenis_kode"], doc["nomor"], doc["tahun"])
        rows.append({"name": doc["file"], "text_layer": doc["text_layer"], "seconds": seconds, "bare_seconds": bare,
                     "cite_seconds": cite,
                     "ocr_pages": len(reg.source.ocr_pages), "pages": reg.source.pages, "identity": right})
    return rows


def print_regional(rows: list[dict], national: dict) -> None:
    print(f"\nregional instruments: {len(rows)}")
    for r in rows:
        kind = "text" if r["text_layer"] else "scan"
        if "error" in r:
            print(f"  {r['name'][:60]:60} {kind}  ERROR {r['error']}")
            continue
        print(f"  {r['name'][:60]:60} {kind} {r['seconds']:6.2f}s  ocr pages {r['ocr_pages']:2d}  "
              f"identity {'ok' if r['identity'] else 'WRONG'}")
    text = [r for r in rows if r["text_layer"] and "error" not in r]
    scans = [r for r in rows if not r["text_layer"] and "error" not in r]
    parse = national["parse_seconds_text_only"] + sum(r["seconds"] for r in text)
    bare = national["pypdfium2_seconds_text_only"] + sum(r["bare_seconds"] for r in text)
    cite = national["cite_seconds_text_only"] + sum(r["cite_seconds"] for r in text)
    print(f"text-layer files (national without OCR'd pages + {len(text)} regional): parse {parse:.2f}s vs "
          f"pypdfium2 {bare:.2f}s -> {parse / bare:.2f}x; load (+ citation pass {cite:.2f}s) -> "
          f"{(parse + cite) / bare:.2f}x; regional identity right "
          f"{sum(r['identity'] for r in rows if 'error' not in r)}/{len(rows)}")
    if scans:
        pages = sum(r["ocr_pages"] for r in scans)
        print(f"regional scans: {len(scans)} files, {pages} OCR'd pages, parse {sum(r['seconds'] for r in scans):.2f}s "
              "(OCR from the cache when read before)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--only", action="append", help="document name prefix (repeatable)")
    ap.add_argument("--plumber-docs", type=int, default=6, help="pdfplumber is timed on this many smallest files")
    ap.add_argument("--ocr", choices=("auto", "never"), default="auto", help="OCR pages without text (as compliance.load does)")
    ap.add_argument("--repeat", type=int, default=1, help="time each file this many times, keep the best")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    ap.add_argument("--regional", type=Path, help="regional instruments (default: CORPUS/regional; 'none' to skip)")
    args = ap.parse_args(argv)
    if not (args.corpus / "manifest.json").exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    docs = load_manifest(args.corpus)
    if args.only:
        docs = [d for d in docs if any(d["pdf"].startswith(p) for p in args.only)]

    rows = [bench_document(args.corpus, d, args.repeat, args.ocr) for d in docs]
    regional_folder = args.regional or args.corpus / "regional"
    regional = bench_regional(regional_folder, args.repeat) if (regional_folder / "manifest.json").exists() else []
    print(f"{'document':30} {'pasal':>5} {'found':>5} {'P':>6} {'R':>6} {'sim':>6} {'meta':>5} {'sec':>6} {'ocr':>3}")
    for r in rows:
        meta = "ok" if all(r["metadata"].values()) else ",".join(k for k, v in r["metadata"].items() if not v)
        err = f"  ERROR {r['error']}" if "error" in r else ""
        print(f"{r['name'][:-4]:30} {r['truth']:5d} {r['predicted']:5d} {r['precision']:6.3f} {r['recall']:6.3f} "
              f"{r['median_similarity']:6.3f} {meta:>5} {r['seconds']:6.2f} {r['ocr_pages']:3d}{err}")
    tot = totals(rows)

    paths = [args.corpus / d["pdf"] for d in docs]
    bare = tot["pypdfium2_seconds"]
    subset = sorted(paths, key=lambda p: p.stat().st_size)[: args.plumber_docs]
    bare_subset = time_pypdfium2(subset)
    plumber = time_pdfplumber(subset) if subset else 0.0
    largest = max(paths, key=lambda p: p.stat().st_size)
    memory = peak_memory(largest)
    longest = max(paths, key=_page_count)
    memory_longest = peak_memory(longest) if longest != largest else memory

    print()
    print(f"documents {tot['documents']}  articles in manifest {sum(r['truth'] for r in rows)}  compared {tot['articles_compared']}")
    print(f"labels: precision {tot['precision']:.4f}  recall {tot['recall']:.4f}  "
          f"(worst document: P {tot['min_precision']:.3f}, R {tot['min_recall']:.3f})")
    print(f"article text: median similarity {tot['median_similarity']:.4f}, mean {tot['mean_similarity']:.4f}, "
          f"{tot['articles_below_0_9']} of {tot['articles_compared']} articles below 0.9")
    print(f"metadata (jenis, nomor, tahun) right: {tot['metadata_right']}/{tot['documents']}")
    print(f"time: parse {tot['parse_seconds']:.2f}s  pypdfium2 bare get_text_range {bare:.2f}s (same files, timed alternately) "
          f"-> parse/pypdfium2 {tot['parse_seconds'] / bare:.2f}x")
    if tot["ocr_pages"]:
        print(f"  {tot['ocr_pages']} pages without a text layer were OCR'd; documents without OCR: parse "
              f"{tot['parse_seconds_text_only']:.2f}s vs pypdfium2 {tot['pypdfium2_seconds_text_only']:.2f}s "
              f"-> {tot['parse_seconds_text_only'] / tot['pypdfium2_seconds_text_only']:.2f}x")
    print(f"  of which extraction {tot['parse_seconds'] - tot['structure_seconds']:.2f}s, clean+parse {tot['structure_seconds']:.2f}s "
          f"({tot['structure_seconds'] / bare:.2f}x pypdfium2)")
    print(f"  then compliance.load's citation pass {tot['cite_seconds']:.2f}s ({tot['cite_seconds'] / bare:.2f}x pypdfium2): "
          f"load/pypdfium2 {(tot['parse_seconds'] + tot['cite_seconds']) / bare:.2f}x")
    if regional:
        print_regional(regional, tot)
        text_files = [args.corpus / r["name"] for r in rows if not r["ocr_pages"] and "error" not in r]
        text_files += [regional_folder / r["name"] for r in regional if r["text_layer"] and "error" not in r]
        cpu = cpu_ratios(text_files, args.repeat)
        print(f"  the same text-layer files in CPU seconds (this process + the reader worker): pypdfium2 "
              f"{cpu['pypdfium2']:.2f}s, parse {cpu['parse']:.2f}s -> {cpu['parse'] / cpu['pypdfium2']:.2f}x, "
              f"load {cpu['load']:.2f}s -> {cpu['load'] / cpu['pypdfium2']:.2f}x")
    print(f"machine load average (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"pdfplumber extract_text on {len(subset)} smallest files: {plumber:.2f}s vs pypdfium2 bare {bare_subset:.2f}s "
          f"-> {plumber / bare_subset if bare_subset else 0:.1f}x")
    print(f"peak memory parsing the largest file ({largest.name}): tracemalloc {memory['tracemalloc_peak_mib']:.1f} MiB, "
          f"max RSS self {memory['maxrss_self_mib']:.0f} MiB, extraction workers {memory['maxrss_children_mib']:.0f} MiB")
    print(f"peak memory parsing the longest file ({longest.name}, {_page_count(longest)} pages): tracemalloc "
          f"{memory_longest['tracemalloc_peak_mib']:.1f} MiB")
    if args.json:
        args.json.write_text(json.dumps({"documents": rows, "totals": tot, "pypdfium2_seconds": bare,
                                         "pdfplumber_subset": {"files": len(subset), "seconds": plumber, "pypdfium2_seconds": bare_subset},
                                         "load_average": os.getloadavg(),
                                         "memory": memory, "memory_longest": memory_longest, "regional": regional}, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
