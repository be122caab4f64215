"""Every figure in ``figures/``, regenerated from code (``biomech figures``).

Each figure is one small function that builds its results with the public API and
draws them with :mod:`biomech.plot`; :func:`make_figures` runs them all and writes
each file atomically. The lifter is the same everywhere: 178 cm, 80 kg, male,
de Leva (1996) segments, unless a figure says otherwise.

Examples
--------
>>> import tempfile, os
>>> with tempfile.TemporaryDirectory() as d:
...     paths = make_figures(d, only=["conventions"])
...     [os.path.basename(p) for p in paths]
['conventions.png']
"""

from __future__ import annotations

import os
import time
from typing import Any, Callable, Sequence

import numpy as np

from .body import Body
from .errors import InputValueError
from .loads import Barbell
from .pose import Pose
from .statics import joint_moments
from .units import Q_

__all__ = ["make_figures", "FIGURES", "standard_body"]


def standard_body() -> Body:
    """The lifter of every figure: 178 cm, 80 kg, male, de Leva (1996) segments."""
    return Body.from_anthropometrics("178 cm", "80 kg", sex="male")


def _exercises():
    try:
        from . import exercises  # noqa: PLC0415
    except ImportError:
        return None
    return exercises if hasattr(exercises, "squat") else None


def _feasible_or_none(fn, *args, **kwargs):
    """``fn(*args, **kwargs)``, or None where the pose cannot exist."""
    from .errors import InfeasiblePoseError

    try:
        return fn(*args, **kwargs)
    except InfeasiblePoseError:
        return None


def _squat(body, depth="90 deg", knee_travel="5 cm", load="100 kg", bar="high_bar"):
    """A back squat from the exercise library (its pose balanced over midfoot)."""
    ex = _exercises()
    if ex is not None:
        return ex.squat(body, depth=depth, knee_travel=knee_travel, load=load, bar=bar)
    # Before the exercise library: a hand-made pose whose trunk lean puts the centre
    # of pressure at midfoot (a one-dimensional search over trunk lean).
    shank = {"-5 cm": 10.0, "0 cm": 14.0, "5 cm": 22.0, "10 cm": 29.0, "15 cm": 35.0}.get(knee_travel, 22.0)
    thigh = float(Q_(depth).to("deg").magnitude) if not isinstance(depth, (int, float)) else float(depth)
    loads = [Barbell(load, bar)]
    trunks = np.linspace(0.0, 85.0, 341)
    res = joint_moments(body, Pose(shank=Q_(shank, "deg"), thigh=Q_(thigh, "deg"), trunk=Q_(trunks, "deg"),
                                   check=False), loads)
    cop = res.cop.to("m").magnitude[..., 0] - body.foot_geometry.midfoot_x
    k = int(np.nanargmin(np.abs(cop)))
    return joint_moments(body, Pose(shank=Q_(shank, "deg"), thigh=Q_(thigh, "deg"), trunk=Q_(trunks[k], "deg")),
                         loads)


# --------------------------------------------------------------------------- the figures
def fig_conventions(out_dir: str) -> list[str]:
    """The frame, angles and signs (docs/conventions.md)."""
    from . import plot

    fig, _ = plot.conventions_diagram(standard_body())
    return [_save(plot, fig, out_dir, "conventions.png")]


def fig_squat_free_body(out_dir: str) -> list[str]:
    """The coach's picture of a high-bar squat: loads, COM, COP, moment arms."""
    from . import plot

    res = _squat(standard_body(), depth="90 deg", knee_travel="5 cm", load="100 kg")
    fig, _ = plot.stick_figure(res, title="High-bar back squat, 100 kg, thigh parallel, knees 5 cm past the toes",
                               figsize=(7.0, 6.0))
    return [_save(plot, fig, out_dir, "squat_free_body.png")]


def fig_knees_restricted_vs_free(out_dir: str) -> list[str]:
    """Knees held behind the toes versus free, same depth and load, one scale."""
    from . import plot

    body = standard_body()
    a = _squat(body, depth="90 deg", knee_travel="-5 cm", load="80 kg")
    b = _squat(body, depth="90 deg", knee_travel="10 cm", load="80 kg")
    fig, _ = plot.stick_figures([a, b], ["knees restricted (5 cm behind the toes)", "knees free (10 cm past the toes)"],
                                figsize=(10.0, 4.9))
    return [_save(plot, fig, out_dir, "knees_restricted_vs_free.png")]


def fig_squat_load_bars(out_dir: str) -> list[str]:
    """The per-load table of a squat as stacked bars."""
    from . import plot

    res = _squat(standard_body(), depth="90 deg", knee_travel="5 cm", load="100 kg")
    fig, _ = plot.load_bars(res, joints=("ankle", "knee", "hip", "lumbar"),
                            title="Where each joint's moment comes from: force \u00d7 moment arm, per load")
    return [_save(plot, fig, out_dir, "squat_load_bars.png")]


def _rep(fn, body, n=21, knee_travel_top=-15.0, **bottom):
    """An exercise's rep from standing (fraction 0) to the given bottom (fraction 1), one
    single-pose result per fraction (None where a pose cannot exist). Depth and knee
    travel move together: depth = f * bottom depth, knee travel from ``knee_travel_top``
    (cm, standing) to the bottom's."""
    depth_bottom = float(Q_(bottom.pop("depth")).to("deg").magnitude)
    kt_bottom = float(Q_(bottom.pop("knee_travel")).to("cm").magnitude)
    out = []
    for f in np.linspace(0.0, 1.0, n):
        out.append(_feasible_or_none(fn, body, depth=Q_(max(f * depth_bottom, 1.0), "deg"),
                                     knee_travel=Q_(knee_travel_top + f * (kt_bottom - knee_travel_top), "cm"),
                                     **bottom))
    return out


def fig_squat_torque_curves(out_dir: str) -> list[str]:
    """Knee and hip moments through the descent: high bar, low bar, front squat."""
    from . import plot

    body = standard_body()
    ex = _exercises()
    if ex is None:
        return []
    runs = {
        "high bar, knees 5 cm past toes": _rep(ex.squat, body, depth="100 deg", knee_travel="5 cm", load="100 kg",
                                               bar="high_bar"),
        "low bar, knees 0 cm": _rep(ex.squat, body, depth="100 deg", knee_travel="0 cm", load="100 kg",
                                    bar="low_bar"),
        "front squat, knees 10 cm": _rep(ex.front_squat, body, depth="100 deg", knee_travel="10 cm",
                                         load="100 kg"),
    }
    fig, _ = plot.torque_curves(runs, x="thigh", joints=("knee", "hip"), figsize=(8.4, 4.6),
                                title="Squats with 100 kg, standing to below parallel (per leg)")
    return [_save(plot, fig, out_dir, "squat_torque_curves.png")]


def _squat_grid(ex, body, knee_travel, depth, **kwargs):
    """Knee moment (N*m), hip share and the reason ("" where feasible) over depth (rows)
    x knee travel (columns), one squat per cell."""
    from .errors import InfeasiblePoseError

    shape = (len(depth), len(knee_travel))
    knee = np.full(shape, np.nan)
    share = np.full(shape, np.nan)
    reasons = np.full(shape, "", dtype=object)
    for i, d in enumerate(depth):
        for j, k in enumerate(knee_travel):
            try:
                r = ex.squat(body, depth=d, knee_travel=k, **kwargs)
            except InfeasiblePoseError as exc:
                reasons[i, j] = exc.reason
                continue
            knee[i, j] = float(r.knee.to("N*m").magnitude)
            share[i, j] = float(r.hip_share)
    return knee, share, reasons


def fig_knee_travel_depth_map(out_dir: str) -> list[str]:
    """Knee moment and the hip share over knee travel x depth, infeasible cells masked."""
    from . import plot

    ex = _exercises()
    if ex is None:
        return []
    import matplotlib.pyplot as plt

    body = standard_body()
    kt = Q_(np.linspace(-8, 20, 29), "cm")
    depth = Q_(np.linspace(50, 120, 29), "deg")
    knee, share, reasons = _squat_grid(ex, body, kt, depth, load="100 kg", bar="high_bar")
    feasible = reasons == ""
    reasons = np.vectorize(lambda r: {"dorsiflexion": "ankle dorsiflexion beyond 40\u00b0",
                                      "balance": "cannot balance over midfoot",
                                      "trunk_past_horizontal": "trunk past horizontal",
                                      "depth": "depth out of reach",
                                      "knee_travel": "knee cannot reach",
                                      "joint_range": "hip flexion beyond its range"}.get(r, r), otypes=[object])(reasons)
    with plot.style():
        fig, axs = plt.subplots(1, 2, figsize=(12.5, 4.8), layout="constrained")
    plot.moment_map(kt, depth, Q_(knee, "N*m"), ax=axs[0], feasible=feasible, reasons=reasons, xlabel="knee travel",
                    ylabel="depth (thigh angle)", zlabel="knee moment per leg", title="Knee extensor moment")
    plot.moment_map(kt, depth, share, ax=axs[1], feasible=feasible, reasons=reasons, xlabel="knee travel",
                    ylabel="depth (thigh angle)", zlabel="hip / (hip + knee)", center=0.5, levels=11,
                    title="Hip's share of the leg's extensor moment")
    fig.suptitle("High-bar squat, 100 kg, 178 cm 80 kg lifter", fontsize=11)
    return [_save(plot, fig, out_dir, "knee_travel_depth_map.png")]


def fig_muscle_shares(out_dir: str) -> list[str]:
    """Which muscles carry each joint's moment at the bottom of a squat."""
    from . import plot

    try:
        from .muscles import muscle_demand
    except ImportError:  # pragma: no cover
        return []
    res = _squat(standard_body(), depth="90 deg", knee_travel="5 cm", load="100 kg")
    target = res
    if not hasattr(res, "parameters"):  # a bare MomentResult (before the exercise library)
        from types import SimpleNamespace

        target = SimpleNamespace(moments=res, pose=res.pose, body=res.body)
    fig, _ = plot.muscle_shares(muscle_demand(target), title="Muscle shares at the bottom of a parallel squat "
                                                              "(static optimisation)")
    return [_save(plot, fig, out_dir, "squat_muscle_shares.png")]


def fig_squat_rep_gif(out_dir: str) -> list[str]:
    """A squat rep as an animation."""
    from . import plot

    body = standard_body()
    ex = _exercises()
    if ex is not None:
        rep = [_feasible_or_none(ex.squat, body, depth=Q_(d, "deg"), knee_travel=Q_(k, "cm"), load="100 kg",
                                 bar="high_bar") for d, k in zip(np.linspace(20, 100, 10), np.linspace(-8, 6, 10))]
    else:
        rep = joint_moments(body, Pose(shank=Q_(np.linspace(3, 22, 10), "deg"), thigh=Q_(np.linspace(5, 90, 10), "deg"),
                                       trunk=Q_(np.linspace(3, 42, 10), "deg")), [Barbell("100 kg", "high_bar")])
    path = os.path.join(out_dir, "squat_rep.gif")
    fig, _ = plot.animate(rep, path, fps=6, title="squat descent")
    plot.close(fig)
    return [path]


def _save(plot, fig, out_dir: str, name: str) -> str:
    path = os.path.join(out_dir, name)
    try:
        plot.save_figure(fig, path)
    finally:
        plot.close(fig)
    return path


#: Name -> function(out_dir) -> list of paths written.
FIGURES: dict[str, Callable[[str], list[str]]] = {
    "conventions": fig_conventions,
    "squat_free_body": fig_squat_free_body,
    "knees_restricted_vs_free": fig_knees_restricted_vs_free,
    "squat_load_bars": fig_squat_load_bars,
    "squat_torque_curves": fig_squat_torque_curves,
    "knee_travel_depth_map": fig_knee_travel_depth_map,
    "squat_muscle_shares": fig_muscle_shares,
    "squat_rep": fig_squat_rep_gif,
}


def make_figures(out_dir: Any = "figures", only: Sequence[str] | None = None, verbose: bool = False) -> list[str]:
    """Regenerate the figures into ``out_dir`` (created if missing).

    Parameters
    ----------
    out_dir : path
    only : sequence of str, optional
        Names from :data:`FIGURES` (default: all).
    verbose : bool
        Print each figure's name and time.

    Returns
    -------
    list of str
        The files written.
    """
    import matplotlib

    matplotlib.use("Agg")
    out_dir = os.fspath(out_dir)
    names = list(FIGURES) if only is None else list(only)
    for n in names:
        if n not in FIGURES:
            raise InputValueError(f"only: {n!r} is not a figure; expected some of {', '.join(FIGURES)}.")
    os.makedirs(out_dir, exist_ok=True)
    paths: list[str] = []
    for n in names:
        t = time.perf_counter()
        written = FIGURES[n](out_dir)
        paths.extend(written)
        if verbose:
            print(f"{n}: {time.perf_counter() - t:.1f} s")
    return paths
