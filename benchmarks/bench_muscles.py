"""Benchmark: muscle force sharing for many poses in one vectorized call versus scipy's
SLSQP (given the analytic gradients of the objective and of the constraints) looped over a
subset of them, in the same run, for both muscle sets: the nine-muscle
classic set (3 sagittal moments) and the 40 muscles of the Rajagopal-Lai-Uhlrich (2023)
model (3 sagittal moments + the held frontal and transverse hip moments). Prints poses per
second and the ratio (target: at least 100 times the loop, for p = 2 and p = 3).

Run: ``python benchmarks/bench_muscles.py`` (with the package importable).
"""

import time

import numpy as np

from biomech.muscles.catalog import default_muscles
from biomech.muscles.demand import moment_matrix
from biomech.muscles.rajagopal_demand import rajagopal_demand_si
from biomech.muscles.sharing import objective, share_activations, share_activations_scipy


def problem(n, seed=0):
    """The classic nine-muscle problem: A (n, 3, 9), M (n, 3)."""
    rng = np.random.default_rng(seed)
    ang = {"ankle": rng.uniform(-0.3, 0.5, n), "knee": rng.uniform(0.0, 2.2, n), "hip": rng.uniform(0.0, 2.0, n)}
    A, _, _ = moment_matrix(ang, default_muscles())
    M = np.stack([rng.uniform(-50, 150, n), rng.uniform(-100, 300, n), rng.uniform(-50, 400, n)], axis=1)
    return A, M


def problem_rajagopal(n, seed=0):
    """The 40-muscle problem: A (n, 5, 40), M (n, 5) with the hip's frontal and transverse
    moments held at 0."""
    rng = np.random.default_rng(seed)
    hip, knee, ankle = rng.uniform(0, 115, n), rng.uniform(5, 135, n), rng.uniform(-25, 35, n)
    M = np.stack([rng.uniform(-30, 150, n), rng.uniform(-100, 300, n), rng.uniform(-50, 350, n)], axis=1)
    out = rajagopal_demand_si(hip, knee, ankle, np.zeros((n, 3)), mass_kg=80.0)  # A only
    A = out["arms"] * out["max_force"][:, None, :]
    return A, np.concatenate([M, np.zeros((n, 2))], axis=1)


def main(n_fast=100_000, n_slow=1_000, p=2, which="classic"):
    make = problem if which == "classic" else problem_rajagopal
    A, M = make(n_fast)
    t0 = time.perf_counter()
    a = share_activations(A, M, p)
    t_fast = time.perf_counter() - t0
    t0 = time.perf_counter()
    b = share_activations_scipy(A[:n_slow], M[:n_slow], p)
    t_slow = time.perf_counter() - t0
    fast, slow = n_fast / t_fast, n_slow / t_slow
    resid = np.abs(np.einsum("njk,nk->nj", A, a) - M).max()
    dobj = (objective(a[:n_slow], p) - objective(b, p)).max()
    print(f"{which}, p = {p}, {A.shape[2]} muscles, {A.shape[1]} moments")
    print(f"vectorized: {n_fast} poses in {t_fast:.2f} s = {fast:,.0f} poses/s (max moment residual {resid:.1e} N*m)")
    print(f"scipy SLSQP loop: {n_slow} poses in {t_slow:.2f} s = {slow:,.0f} poses/s")
    print(f"ratio: {fast / slow:,.0f}x (target >= 100x); objective ours - scipy <= {dobj:.1e}")
    return fast / slow


if __name__ == "__main__":
    main(p=2)
    main(p=3)
    main(n_fast=20_000, n_slow=50, p=2, which="rajagopal2023")
    main(n_fast=20_000, n_slow=50, p=3, which="rajagopal2023")
