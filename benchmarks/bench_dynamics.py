"""Benchmark: inverse dynamics of a 100,000-frame motion in one call, against Pinocchio.

Prints frames per second for ``bm.inverse_dynamics`` (units at the boundary, full
top-down Newton-Euler with segment and bar inertia), Pinocchio's ``rnea`` looped over
10,000 frames (extrapolated) and its batch path ``rneaInParallel`` (2 threads) on all
frames, with the ratios, all measured in this process. The peers use the benchmark
chain of ``bench_statics.py``; their numbers are not compared here (agreement of the
dynamics with Pinocchio to 1e-9 is tested in ``tests/test_dynamics.py``).

Run: ``python benchmarks/bench_dynamics.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

import biomech as bm
from biomech.motion import Motion

sys.path.insert(0, str(Path(__file__).parent))
from bench_statics import THREADS, chain, pinocchio_model, q_of  # noqa: E402

N = 100_000
N_LOOP = 10_000


def best_of(fn, repeats=3):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(n: int = N) -> list[dict]:
    body, loads = chain()
    rng = np.random.default_rng(7)
    ang = {"shank": np.radians(rng.uniform(0, 35, n)), "thigh": np.radians(rng.uniform(0, 100, n)),
           "trunk": np.radians(rng.uniform(0, 60, n))}
    vel = {k: rng.uniform(-3, 3, n) for k in ang}
    acc = {k: rng.uniform(-20, 20, n) for k in ang}
    motion = Motion(pose=bm.Pose.from_radians(**ang), velocity={k: bm.Q_(v, "rad/s") for k, v in vel.items()},
                    acceleration={k: bm.Q_(v, "rad/s**2") for k, v in acc.items()})
    t_ours = best_of(lambda: bm.inverse_dynamics(body, motion, loads, stance="single_leg").knee)
    rows = [{"workload": f"inverse dynamics, {n:,} frames", "path": "bm.inverse_dynamics (units, full result)",
             "value": n / t_ours, "unit": "frames/s"}]
    try:
        import pinocchio as pin
    except ImportError:
        print("pinocchio not installed: peers skipped")
        return rows
    model = pinocchio_model(body, loads[0])
    data = model.createData()
    q = np.ascontiguousarray(q_of(ang["shank"], ang["thigh"], ang["trunk"]))
    v = np.ascontiguousarray(q_of(vel["shank"], vel["thigh"], vel["trunk"]))
    a = np.ascontiguousarray(q_of(acc["shank"], acc["thigh"], acc["trunk"]))

    def loop():
        for i in range(N_LOOP):
            pin.rnea(model, data, q[:, i], v[:, i], a[:, i])
    t_loop = best_of(loop) * n / N_LOOP
    pool = pin.ModelPool(model, THREADS)
    tau = np.zeros((model.nv, n))
    t_batch = best_of(lambda: pin.rneaInParallel(THREADS, pool, q, v, a, tau))
    rows.append({"workload": f"inverse dynamics, {n:,} frames", "path": f"Pinocchio rnea loop ({N_LOOP:,}, extrapolated)",
                 "value": n / t_loop, "unit": "frames/s"})
    rows.append({"workload": f"inverse dynamics, {n:,} frames", "path": f"Pinocchio rneaInParallel, {THREADS} threads",
                 "value": n / t_batch, "unit": "frames/s"})
    for r in rows:
        r["ours_over"] = (n / t_ours) / r["value"]
    print(f"{'path':<48}{'frames/s':>14}{'ours / this':>14}")
    for r in rows:
        print(f"{r['path']:<48}{r['value']:>14,.0f}{r['ours_over']:>14.2f}")
    return rows


if __name__ == "__main__":
    main()
