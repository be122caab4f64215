"""Run every benchmark script in this folder and print one table.

Usage (from the repository root)::

    python benchmarks/run_all.py              # every benchmarks/bench_*.py, one table
    python benchmarks/run_all.py --markdown   # the same table in Markdown (for docs/performance.md)
    python benchmarks/run_all.py --only statics muscles

Each ``bench_*.py`` runs in its own process (so one script's memory and threads do not
disturb another's). Its ``main()`` is called and its return value becomes rows of the
table:

- a list of dicts with the keys ``workload``, ``path``, ``value``, ``unit`` and
  optionally ``x_floor`` (throughput relative to the bare-numpy floor),
  ``ours_over`` (how many times faster biomech's main path is than this one) and
  ``note`` -- the preferred form;
- a dict of numbers: one row per entry (``..._fps`` read as frames/s, ``..._s`` as
  seconds);
- a single number: one row.

Scripts whose ``main()`` returns something else (or that have no ``main()``) get an
adapter here (:data:`ADAPTERS`), which calls the script's own functions and returns rows.

A script that fails is reported in the table with its last error line; the others still run.
After the table, :func:`targets` states each target of the project's performance issue as
a ratio, met or not.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
MARK = "@@BENCH_ROWS@@"

#: Adapters (Python source run in the benchmark's process with its namespace ``ns``) for
#: scripts whose ``main()`` does not return rows: each sets ``out`` to a list of rows.
ADAPTERS = {
    "bench_exercises": r"""
r = ns["run"]()
out = [{"workload": f"balanced squats, {r['poses']:,} requests (depth x knee travel x 3 lengths)",
        "path": "bm.exercises.squat, one vectorized call", "value": r["poses_per_second"], "unit": "poses/s",
        "note": f"feasible {r['feasible_fraction']:.0%}; centre of pressure on target to "
                f"{r['max_cop_error_m']:.0e} m; no peer solves this"}]
s = ns["run_samples"]()
out.append({"workload": f"balanced squats with technique spread: samples={s['samples']} x {s['grid'][0]} x "
                        f"{s['grid'][1]} depth x knee travel",
            "path": "bm.exercises.squat(..., samples=1000), one vectorized call", "value": s["rate_sampled"],
            "unit": "poses/s",
            "note": f"{s['ratio_vs_grid']:.1f} x the per-pose rate of the grid without spread (goal >= 0.5), "
                    f"{s['ratio_vs_same_poses']:.2f} x the same poses with the pressure points given"})
out.append({"workload": f"balanced squats with technique and body spread: samples=bodies={s['samples']} x "
                        f"{s['grid'][0]} x {s['grid'][1]} depth x knee travel",
            "path": "bm.exercises.squat(..., samples=1000, bodies=1000), one vectorized call",
            "value": s["rate_sampled_with_bodies"], "unit": "poses/s",
            "note": f"{s['ratio_bodies_vs_sampled']:.2f} x the rate of the same call without bodies"})
""",
    "bench_muscles": r"""
import time
import numpy as np

def best_of(f, repeat=3):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)

# Both paths solve the same problem (objective sum(a^p), the same equality constraints,
# a >= 0); SLSQP is given the analytic gradients of the objective and the constraints.
# Each path is timed as the best of three runs.
rows = []
for which, n_fast, n_slow, wl0 in (("problem", 100_000, 1000, "muscle force sharing"),
                                   ("problem_rajagopal", 20_000, 50,
                                    "muscle force sharing, 40 muscles and 5 moments (Rajagopal 2023)")):
    A, M = ns[which](n_fast)
    for p in (2, 3):
        fast = n_fast / best_of(lambda: ns["share_activations"](A, M, p))
        loop = n_slow / best_of(lambda: ns["share_activations_scipy"](A[:n_slow], M[:n_slow], p))
        wl = f"{wl0}, p = {p}"
        rows.append({"workload": wl, "path": f"biomech share_activations, {n_fast:,} poses vectorized", "value": fast,
                     "unit": "poses/s", "ours_over": 1.0})
        rows.append({"workload": wl, "path": "scipy SLSQP per pose, Python loop", "value": loop, "unit": "poses/s",
                     "ours_over": fast / loop,
                     "note": f"{n_slow:,} poses; same objective and constraints, analytic gradients; best of 3"})
out = rows
""",
    "bench_gaitlab": r"""
r = ns["main"]()
wl = f"gait-lab inverse dynamics (ISB running), {r['frames']:,} frames"
out = [{"workload": wl, "path": "bottom_up_inverse_dynamics kernel", "value": r["kernel_fps"], "unit": "frames/s"},
       {"workload": wl, "path": "filter + differentiate + solve", "value": r["pipeline_fps"], "unit": "frames/s"}]
""",
}

_RUNNER = r"""
import json, math, runpy, sys
ns = runpy.run_path(sys.argv[1], run_name="benchmark")
if len(sys.argv) > 2:
    scope = {"ns": ns, "__name__": "adapter"}
    exec(sys.argv[2], scope)
    out = scope["out"]
else:
    out = ns["main"]()

def unit_of(key):
    if key.endswith("_fps"):
        return "frames/s"
    if key.endswith("_pps"):
        return "poses/s"
    if key.endswith("_s"):
        return "s"
    return ""

if isinstance(out, list) and all(isinstance(r, dict) for r in out):
    rows = out
elif isinstance(out, dict):
    rows = [{"workload": "", "path": k, "value": float(v), "unit": unit_of(k)}
            for k, v in out.items() if isinstance(v, (int, float))]
elif isinstance(out, (int, float)):
    rows = [{"workload": "", "path": "main() result", "value": float(out), "unit": ""}]
else:
    rows = [{"workload": "", "path": "main() returned " + type(out).__name__, "value": None, "unit": ""}]

def clean(v):
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v

print(""" + repr(MARK) + r""" + json.dumps([{k: clean(v) for k, v in r.items()} for r in rows]))
"""


def machine() -> str:
    """CPU model, cores, Python and numpy versions, and the load at the start."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = ", load average {:.2f}".format(os.getloadavg()[0])
    return (f"{cpu}, {os.cpu_count()} logical cores; {platform.system()} {platform.machine()}; "
            f"Python {platform.python_version()}, numpy {np.__version__}{load}")


def scripts(only: list[str] | None) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    if only:
        found = [p for p in found if any(o in p.stem for o in only)]
    return found


def run_one(path: Path, timeout: float) -> tuple[list[dict], float, str]:
    env = dict(os.environ)
    if SRC.is_dir():
        env["PYTHONPATH"] = os.pathsep.join([str(SRC), str(HERE)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH")
                                                                      else []))
    t0 = time.perf_counter()
    try:
        extra = [ADAPTERS[path.stem]] if path.stem in ADAPTERS else []
        proc = subprocess.run([sys.executable, "-c", _RUNNER, str(path), *extra], capture_output=True, text=True,
                              env=env, timeout=timeout, cwd=str(HERE.parent))
    except subprocess.TimeoutExpired:
        return [{"workload": "", "path": f"timed out after {timeout:.0f} s", "value": None, "unit": ""}], \
            time.perf_counter() - t0, ""
    wall = time.perf_counter() - t0
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(MARK):
            printed = "\n".join(l for l in proc.stdout.splitlines() if not l.startswith(MARK))
            return json.loads(line[len(MARK):]), wall, printed
    err = (proc.stderr.strip().splitlines() or ["no output"])[-1]
    return [{"workload": "", "path": f"FAILED: {err}", "value": None, "unit": ""}], wall, proc.stdout


def fmt_value(v) -> str:
    if v is None:
        return ""
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.3g}"


def table(results: list[tuple[str, list[dict]]], markdown: bool) -> str:
    head = ["benchmark", "workload", "path", "value", "unit", "x floor", "ours / this", "note"]
    body = []
    for name, rows in results:
        for r in rows:
            body.append([name, r.get("workload", ""), r.get("path", ""), fmt_value(r.get("value")),
                         r.get("unit", ""),
                         "" if r.get("x_floor") is None else f"{r['x_floor']:.2f}",
                         "" if r.get("ours_over") is None else f"{r['ours_over']:.2f}", r.get("note", "")])
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in body]
        return "\n".join(lines)
    widths = [max(len(str(x)) for x in col) for col in zip(head, *body)]
    right = {3, 5, 6}
    fmt_row = lambda row: "  ".join(str(c).rjust(w) if i in right else str(c).ljust(w)  # noqa: E731
                                    for i, (c, w) in enumerate(zip(row, widths))).rstrip()
    return "\n".join([fmt_row(head), fmt_row(["-" * w for w in widths])] + [fmt_row(r) for r in body])


def _find(results, bench: str, path_start: str) -> dict | None:
    for name, rows in results:
        if name == bench:
            for r in rows:
                if r.get("path", "").strip().startswith(path_start) and r.get("value") is not None:
                    return r
    return None


def targets(results: list[tuple[str, list[dict]]]) -> list[str]:
    """Each target of the performance issue, as a ratio, and whether this run met it."""
    out = []

    def say(what, ratio, met, detail):
        out.append(f"- {what}: {detail} -> {'met' if met else 'NOT met'}"
                   + ("" if ratio is None else f" (ratio {ratio:.2f})"))

    ours = _find(results, "statics", "biomech.joint_moments")
    floor = _find(results, "statics", "floor:")
    kernel = _find(results, "statics", "biomech StaticModel")
    peers = [r for r in (_find(results, "statics", p) for p in ("Pinocchio rneaInParallel", "Pinocchio rnea,",
                                                                "OpenSim")) if r]
    if ours and peers:
        best = max(peers, key=lambda r: r["value"])
        say("static moments at least as fast as the fastest peer path", ours["value"] / best["value"],
            ours["value"] >= best["value"], f"joint_moments with units / {best['path']}")
    if ours and floor:
        r = floor["value"] / ours["value"]
        say("static moments within 2 times the floor (time ours / time floor)", r, r <= 2.0,
            "joint_moments with units vs bare numpy"
            + (f"; the kernel alone {floor['value'] / kernel['value']:.2f}" if kernel else ""))
    dyn = _find(results, "dynamics", "bm.inverse_dynamics")
    dpeers = [r for name, rows in results if name == "dynamics" for r in rows
              if "Pinocchio" in r.get("path", "") and r.get("value")]
    if dyn and dpeers:
        best = max(dpeers, key=lambda r: r["value"])
        say("inverse dynamics at least as fast as the fastest peer path", dyn["value"] / best["value"],
            dyn["value"] >= best["value"], f"bm.inverse_dynamics / {best['path']}")
        batch = [r for r in dpeers if "rneaInParallel" in r["path"]]
        if batch:
            ratio = dyn["value"] / batch[0]["value"]
            say("inverse dynamics at least 1.5 times Pinocchio's batch path", ratio, ratio >= 1.5,
                f"bm.inverse_dynamics / {batch[0]['path']} (one run; the goal is the median of five)")
    for p in (2, 3):
        for tag, label in (("", ""), ("40 muscles", ", 40 muscles")):
            rows = [r for name, rr in results if name == "muscles" for r in rr
                    if r.get("workload", "").endswith(f"p = {p}") and (tag in r.get("workload", "")
                                                                         if tag else "muscles and" not in r.get("workload", ""))]
            if len(rows) == 2:
                ratio = rows[0]["value"] / rows[1]["value"]
                say(f"muscle sharing (p = {p}{label}) at least 100 times the scipy loop (the script's target)",
                    ratio, ratio >= 100.0, "vectorized / SLSQP per pose")
    lat = _find(results, "statics", "joint_moments, pose prebuilt")
    if lat:
        say("single-pose call under 100 us", lat["value"] / 100.0, lat["value"] < 100.0,
            f"{lat['value']:.0f} us median")
    for label in ("3 moments", "full result"):
        m = _find(results, "statics", label)
        if m:
            say(f"peak memory of a million-pose sweep ({label}) below 1 GB", m["value"] / 1024.0,
                m["value"] < 1024.0, f"{m['value']:.0f} MB traced; {m.get('note', '').split(';')[0]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", nargs="*", help="run only scripts whose name contains one of these words")
    ap.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    ap.add_argument("--verbose", action="store_true", help="also print what each script printed")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds allowed per script")
    args = ap.parse_args(argv)
    results, printed = [], []
    for path in scripts(args.only):
        print(f"running {path.name} ...", file=sys.stderr, flush=True)
        rows, wall, out = run_one(path, args.timeout)
        results.append((path.stem.removeprefix("bench_"), rows))
        printed.append((path.name, wall, out))
    print(f"Machine: {machine()}")
    print()
    print(table(results, args.markdown))
    lines = targets(results)
    if lines:
        print()
        print("Targets:")
        print("\n".join(lines))
    if args.verbose:
        for name, wall, out in printed:
            print(f"\n--- {name} ({wall:.0f} s) ---\n{out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
