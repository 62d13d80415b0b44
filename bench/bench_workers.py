"""What the batch's worker pool costs against ``concurrent.futures`` (prints, never asserts).

    python bench/bench_workers.py [--files N] [--jobs 2] [--repeat 3]

Checks the same N small regulations (the bundled samples under other names) with the real
pipeline, once through ``compliance.workers.run_tasks`` (one task per worker over its own
pipe, time bound, process group and watcher per worker) and once through a forked
``ProcessPoolExecutor`` (what batches used before), in this process, alternating, best of
``--repeat``; prints both wall times and their ratio. The budget is a ratio under 1.1.
"""

from __future__ import annotations

import argparse
import functools
import multiprocessing
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from compliance.batch import _run_one, _sha256, _Task, default_pipeline
from compliance.workers import run_tasks

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def with_pool(func, tasks: list[_Task], jobs: int) -> int:
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        return sum(outcome.error is None for outcome in pool.map(func, tasks))


def with_workers(func, tasks: list[_Task], jobs: int) -> int:
    return sum(failure is None and outcome.error is None for _, outcome, failure in run_tasks(func, tasks, jobs, 600))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-workers-"))
    try:
        samples = sorted(EXAMPLES.glob("*.txt"))
        tasks = []
        for i in range(args.files):
            path = folder / f"{i:03d}-{samples[i % len(samples)].name}"
            path.write_text(samples[i % len(samples)].read_text(encoding="utf-8") + "\n" * i, encoding="utf-8")
            tasks.append(_Task([path], _sha256(path)))
        pipeline = default_pipeline()
        pipeline.prepare()  # both pools fork from the same warm process
        func = functools.partial(_run_one, pipeline)
        best = {"ProcessPoolExecutor": float("inf"), "workers.run_tasks": float("inf")}
        for _ in range(args.repeat):
            for name, runner in (("ProcessPoolExecutor", with_pool), ("workers.run_tasks", with_workers)):
                start = time.perf_counter()
                done = runner(func, tasks, args.jobs)
                best[name] = min(best[name], time.perf_counter() - start)
                assert done == len(tasks), f"{name}: {done} of {len(tasks)}"
        for name, seconds in best.items():
            print(f"{name:<20} {seconds:7.2f} s  ({args.files} files, {args.jobs} jobs, best of {args.repeat})")
        print(f"ratio run_tasks / ProcessPoolExecutor: {best['workers.run_tasks'] / best['ProcessPoolExecutor']:.2f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
