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


def main() -> None:
    r = run()
    print(f"{r['poses']} balanced squat poses in {r['best_seconds'] * 1e3:.1f} ms: "
          f"{r['poses_per_second']:,.0f} poses/s (target >= 500,000/s); feasible {r['feasible_fraction']:.1%}; "
          f"largest centre-of-pressure error {r['max_cop_error_m']:.1e} m")


def run_samples(samples: int = 1000, grid: int = 20, repeats: int = 3) -> dict:
    """Per-pose rate of balanced squats with ``samples`` technique samples over a ``grid`` x ``grid``
    grid of depth x knee travel, against the same grid without spread, in the same run.

    The knee travel is given (a grid), so each sample draws the centre of pressure (and the lumbar
    flexion, recorded only). Two baselines: the grid alone (``grid**2`` poses, one call), and the
    same number of poses as the sampled call with the pressure points given as an explicit array
    (the work without the drawing). The goal: the sampled rate no less than half the grid's.
    The bodies row: the same sampled call with ``bodies=samples`` as well (each technique sample
    paired with a body drawn from the ANSUR II spread of proportions), its rate against the
    sampled call's without bodies.
    """
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    depth = Q_(np.linspace(60.0, 110.0, grid), "deg")[:, None]
    travel = Q_(np.linspace(-5.0, 12.0, grid), "cm")[None, :]
    kw = dict(depth=depth, knee_travel=travel, load="100 kg")
    cop = Q_(np.linspace(0.10, 0.16, samples)[:, None, None], "m")
    big = dict(depth=Q_(np.broadcast_to(depth.magnitude, (samples, grid, grid)), "deg"),
               knee_travel=Q_(np.broadcast_to(travel.magnitude, (samples, grid, grid)), "cm"), load="100 kg")

    def best(fn):
        fn()
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            out = fn()
            times.append(time.perf_counter() - t0)
        return min(times), out

    t_grid, _ = best(lambda: squat(body, **kw))
    t_many, _ = best(lambda: squat(body, **big, cop=cop))
    t_samp, res = best(lambda: squat(body, **kw, samples=samples))
    t_bod, res_b = best(lambda: squat(body, **kw, samples=samples, bodies=samples))
    n_grid, n_samp = grid * grid, samples * grid * grid
    rate_grid, rate_many, rate_samp = n_grid / t_grid, n_samp / t_many, n_samp / t_samp
    rate_bod = n_samp / t_bod
    return {"samples": samples, "grid": (grid, grid), "dims": res.dims, "poses_sampled": n_samp,
            "rate_grid": rate_grid, "rate_same_poses_no_draw": rate_many, "rate_sampled": rate_samp,
            "ratio_vs_grid": rate_samp / rate_grid, "ratio_vs_same_poses": rate_samp / rate_many,
            "feasible_fraction": float(np.mean(res.feasible)),
            "rate_sampled_with_bodies": rate_bod, "ratio_bodies_vs_sampled": rate_bod / rate_samp,
            "ratio_bodies_vs_grid": rate_bod / rate_grid, "feasible_fraction_with_bodies": float(np.mean(res_b.feasible))}


def main_samples() -> None:
    r = run_samples()
    print(f"samples={r['samples']} x grid {r['grid'][0]}x{r['grid'][1]} (dims {r['dims']}): "
          f"{r['rate_sampled']:,.0f} poses/s; grid alone {r['rate_grid']:,.0f} poses/s (ratio "
          f"{r['ratio_vs_grid']:.2f}, goal >= 0.5); the same {r['poses_sampled']:,} poses with given pressure points "
          f"{r['rate_same_poses_no_draw']:,.0f} poses/s (ratio {r['ratio_vs_same_poses']:.2f}); feasible "
          f"{r['feasible_fraction']:.1%}")
    print(f"samples={r['samples']} paired with bodies={r['samples']}: {r['rate_sampled_with_bodies']:,.0f} poses/s "
          f"(ratio {r['ratio_bodies_vs_sampled']:.2f} of the sampled call without bodies, "
          f"{r['ratio_bodies_vs_grid']:.2f} of the grid alone); feasible {r['feasible_fraction_with_bodies']:.1%}")


if __name__ == "__main__":
    main()
    main_samples()
