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

A script that fails is reported in the table with its last error line; the others still run.
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

_RUNNER = r"""
import json, math, runpy, sys
ns = runpy.run_path(sys.argv[1], run_name="benchmark")
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
        proc = subprocess.run([sys.executable, "-c", _RUNNER, str(path)], capture_output=True, text=True,
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
    if args.verbose:
        for name, wall, out in printed:
            print(f"\n--- {name} ({wall:.0f} s) ---\n{out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
