"""Benchmark: the whole cue report, as ``biomech report`` writes it.

Times :func:`biomech.cues.build_report` (every cue's experiment for the standard bodies,
then the Markdown report, the self-contained HTML page and the figures) into a fresh
temporary folder, and its two halves on their own: the experiments
(:func:`biomech.cues.experiments.run_all`) and the writing
(:func:`biomech.cues.report.write_report`, figures rendered to PNG). No peer computes this
report, so the table gives seconds only.

Run: ``python benchmarks/bench_report.py`` (the package importable).
"""

from __future__ import annotations

import tempfile
import time

N_RUNS = 3


def _quiet(*args):
    pass


def best_of(fn, repeats: int = N_RUNS) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(repeats: int = N_RUNS) -> list[dict]:
    import matplotlib

    matplotlib.use("Agg")
    from biomech.cues import build_report
    from biomech.cues.experiments import STANDARD_BODIES, run_all
    from biomech.cues.report import write_report

    def whole():
        with tempfile.TemporaryDirectory() as d:
            build_report(d, STANDARD_BODIES, progress=_quiet)

    whole()  # warm up: first-use imports (matplotlib backends, fonts)
    t_whole = best_of(whole, repeats)
    results = run_all(STANDARD_BODIES, progress=_quiet)
    t_run = best_of(lambda: run_all(STANDARD_BODIES, progress=_quiet), repeats)

    def write():
        with tempfile.TemporaryDirectory() as d:
            write_report(d, results, progress=_quiet, bodies=STANDARD_BODIES)

    t_write = best_of(write, repeats)

    from biomech.viz.explorer import build_explorer

    def explorer():
        with tempfile.TemporaryDirectory() as d:
            explorer.build = build_explorer(f"{d}/explorer.html")

    t_explorer = best_of(explorer, repeats)
    n_cues, n_bodies = len(results), len(STANDARD_BODIES)
    n_fig = sum(r.experiment is not None and r.experiment.figure is not None for r in results)
    wl = f"cue report ({n_cues} cues, {n_bodies} bodies, {n_fig} figures)"
    rows = [{"workload": wl, "path": "biomech.cues.build_report (best of %d)" % repeats, "value": t_whole,
             "unit": "s", "note": "what `biomech report` runs"},
            {"workload": wl, "path": "  experiments: cues.experiments.run_all", "value": t_run, "unit": "s"},
            {"workload": wl, "path": "  writing: cues.report.write_report (figures to PNG)", "value": t_write,
             "unit": "s"},
            {"workload": f"explorer page ({explorer.build.points} points, {explorer.build.bytes / 1e6:.2f} MB)",
             "path": "biomech.viz.explorer.build_explorer (best of %d)" % repeats, "value": t_explorer,
             "unit": "s", "note": "target: under 10 s"}]
    for r in rows:
        print(f"{r['path']:<60}{r['value']:>8.2f} s")
    return rows


if __name__ == "__main__":
    main()
