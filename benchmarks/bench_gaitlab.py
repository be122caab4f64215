"""Benchmark: bottom-up (gait-lab) inverse dynamics of a long recording in one call.

Run with ``python benchmarks/bench_gaitlab.py``. Tiles the ISB running benchmark to
100,000 frames, then times the kernel alone (segment kinematics given) and the whole
pipeline (filter, differentiate, solve), and prints frames per second.
"""

from __future__ import annotations

import time

import numpy as np

from biomech.data import ISB_SEGMENTS, load_isb_running
from biomech.mechanics.gaitlab import bottom_up_inverse_dynamics, segment_kinematics


def _best_of(fn, repeats: int = 5) -> float:
    best = np.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(n_frames: int = 100_000) -> dict:
    run = load_isb_running()
    idx = np.resize(np.arange(0, run.time.size, 5), n_frames)          # 2 kHz, repeated
    t = np.arange(n_frames) * 5e-4
    pts, force, cop = run.points[idx], run.force[idx], run.cop[idx]
    kin = segment_kinematics(t, pts, ISB_SEGMENTS["com_fraction"], cutoff=None)
    args = (kin.joints, kin.com, kin.com_acc, kin.alpha, ISB_SEGMENTS["mass"], ISB_SEGMENTS["inertia"], force, cop)
    t_kernel = _best_of(lambda: bottom_up_inverse_dynamics(*args))

    def pipeline():
        k = segment_kinematics(t, pts, ISB_SEGMENTS["com_fraction"], cutoff=12.0)
        return bottom_up_inverse_dynamics(k.joints, k.com, k.com_acc, k.alpha, ISB_SEGMENTS["mass"],
                                          ISB_SEGMENTS["inertia"], force, cop)

    t_full = _best_of(pipeline)
    out = {"frames": n_frames, "kernel_s": t_kernel, "kernel_fps": n_frames / t_kernel,
           "pipeline_s": t_full, "pipeline_fps": n_frames / t_full}
    print(f"{n_frames} frames: kernel {t_kernel * 1e3:.1f} ms ({out['kernel_fps']:.3g} frames/s); "
          f"filter + differentiate + solve {t_full * 1e3:.1f} ms ({out['pipeline_fps']:.3g} frames/s)")
    return out


if __name__ == "__main__":
    main()
