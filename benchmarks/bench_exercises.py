"""Benchmark: balanced squat poses per second in one vectorized call.

100,000 requests with random depth (60-120 deg thigh angle), knee travel (-5 to +12 cm)
and body proportions (thigh, shank and trunk lengths), high-bar squat with 100 kg.
Run: ``python benchmarks/bench_exercises.py``. Target: at least 500,000 poses/s.
"""

from __future__ import annotations

import time

import numpy as np

import biomech as bm
from biomech import Q_
from biomech.exercises import squat


def run(n: int = 100_000, repeats: int = 5, seed: int = 0) -> dict:
    rng = np.random.default_rng(seed)
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    depth = Q_(rng.uniform(60.0, 120.0, n), "deg")
    travel = Q_(rng.uniform(-5.0, 12.0, n), "cm")
    lengths = {"thigh": Q_(rng.uniform(0.38, 0.48, n), "m"), "shank": Q_(rng.uniform(0.40, 0.49, n), "m"),
               "trunk": Q_(rng.uniform(0.48, 0.57, n), "m")}
    squat(body, depth=depth[:100], knee_travel=travel[:100], load="100 kg",
          lengths={k: v[:100] for k, v in lengths.items()})  # warm up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        res = squat(body, depth=depth, knee_travel=travel, load="100 kg", lengths=lengths)
        times.append(time.perf_counter() - t0)
    best = min(times)
    cop = res.cop.to("m").magnitude[..., 0]
    ok = res.feasible
    return {"poses": n, "best_seconds": best, "poses_per_second": n / best, "feasible_fraction": float(ok.mean()),
            "max_cop_error_m": float(np.nanmax(np.abs(cop - res.extras["target"].magnitude)[ok]))}


if __name__ == "__main__":
    r = run()
    print(f"{r['poses']} balanced squat poses in {r['best_seconds'] * 1e3:.1f} ms: "
          f"{r['poses_per_second']:,.0f} poses/s (target >= 500,000/s); feasible {r['feasible_fraction']:.1%}; "
          f"largest centre-of-pressure error {r['max_cop_error_m']:.1e} m")
