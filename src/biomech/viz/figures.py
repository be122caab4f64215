"""Every figure in ``figures/``, regenerated from code (``biomech figures``).

Each figure is one small function that builds its results with the public API and
draws them with :mod:`biomech.viz.plot`; :func:`make_figures` runs them all and writes
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

from .. import exercises
from ..model.body import Body
from ..errors import InputValueError
from ..muscles import muscle_demand
from ..units import Q_

__all__ = ["make_figures", "FIGURES", "standard_body", "REASON_TEXT", "reason_text"]


def standard_body() -> Body:
    """The lifter of every figure: 178 cm, 80 kg, male, de Leva (1996) segments."""
    return Body.from_anthropometrics("178 cm", "80 kg", sex="male")


#: Why a request cannot exist, in words, for the maps' labels (``ExerciseResult.reason`` codes).
REASON_TEXT = {
    "dorsiflexion": "ankle dorsiflexion beyond 40\u00b0",
    "ankle_range": "ankle dorsiflexion beyond 55\u00b0",
    "balance": "cannot balance over the midfoot",
    "trunk_past_horizontal": "trunk past horizontal",
    "depth": "depth out of reach",
    "knee_travel": "knee cannot reach",
    "joint_range": "a joint beyond its range",
    "reach": "the rear leg cannot reach",
    "bar_height": "bar height out of reach",
    "heel_lift": "heel lift too high",
    "box_height": "box out of reach",
    "stance_width": "stance too wide",
    "foot_position": "foot position off the platform",
}


def reason_text(reasons: Any) -> np.ndarray:
    """The reason codes of an array result in words (``""`` where feasible)."""
    return np.vectorize(lambda r: REASON_TEXT.get(str(r), str(r)), otypes=[object])(np.asarray(reasons, dtype=object))


def _squat(body, depth="90 deg", knee_travel="5 cm", load="100 kg", bar="high_bar"):
    """A back squat from the exercise library (its pose balanced over midfoot: ``cop="midfoot"``, not
    the typical technique's pressure point, so the figures' fixed knee travels read as before)."""
    return exercises.squat(body, depth=depth, knee_travel=knee_travel, load=load, bar=bar, cop="midfoot")


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
                                figsize=(10.0, 5.2))
    fig.suptitle("High-bar back squat, 80 kg, thigh parallel: knees restricted versus free (per leg)", fontsize=11)
    return [_save(plot, fig, out_dir, "knees_restricted_vs_free.png")]


def fig_squat_load_bars(out_dir: str) -> list[str]:
    """The per-load table of a squat as stacked bars."""
    from . import plot

    res = _squat(standard_body(), depth="90 deg", knee_travel="5 cm", load="100 kg")
    fig, _ = plot.load_bars(res, joints=("ankle", "knee", "hip", "lumbar"), figsize=(7.6, 4.9),
                            title="High-bar back squat, 100 kg, thigh parallel: where each joint's moment\n"
                                  "comes from, load by load (force \u00d7 moment arm)")
    return [_save(plot, fig, out_dir, "squat_load_bars.png")]


#: Technique draws behind the torque curves' bands (per variant, the same seed for all).
TORQUE_CURVE_SAMPLES = 200


def fig_squat_torque_curves(out_dir: str) -> list[str]:
    """Knee and hip moments through the descent at the typical technique, high bar, low bar and
    front squat: the typical technique's curve (the exercise's defaults) with the 5th to 95th
    percentile band of ``TORQUE_CURVE_SAMPLES`` technique draws (``rep_path(..., samples=)``),
    standing to 100 deg of thigh angle."""
    from . import plot

    body = standard_body()
    variants = (("high-bar back squat", exercises.squat, dict(bar="high_bar"), "#0072B2"),
                ("low-bar back squat", exercises.squat, dict(bar="low_bar"), "#D55E00"),
                ("front squat", exercises.front_squat, {}, "#009E73"))
    fig, axs = plot.subplots(1, 2, figsize=(11.0, 4.8), sharex=True)
    with plot.style():
        for label, fn, kw, color in variants:
            typical = exercises.rep_path(fn, body, depth="100 deg", load="100 kg", n=41, **kw)
            drawn = exercises.rep_path(fn, body, depth="100 deg", load="100 kg", n=41,
                                       samples=TORQUE_CURVE_SAMPLES, **kw)
            axis = drawn.dims.index("sample")
            ok = np.asarray(drawn.feasible, dtype=bool)
            x = typical.pose.thigh.to("deg").magnitude
            for ax, joint in zip(axs, ("knee", "hip")):
                v = np.where(ok, getattr(drawn, joint).to("N*m").magnitude, np.nan)
                lo, hi = np.nanpercentile(v, [5, 95], axis=axis)
                ax.fill_between(x, lo, hi, color=color, alpha=0.18, lw=0)
                ax.plot(x, getattr(typical, joint).to("N*m").magnitude, color=color, lw=2.2,
                        label=f"{label}: typical technique")
        for ax, joint in zip(axs, ("knee", "hip")):
            ax.axhline(0, color="k", lw=0.6)
            ax.set_xlabel("thigh angle from vertical (deg); 90 = parallel")
            ax.set_ylabel(f"{joint} {'extensor' if joint != 'ankle' else 'plantarflexor'} moment per leg (N\u00b7m)")
            ax.set_title(f"{joint.capitalize()} moment")
            plot.style_axes(ax)
        axs[0].legend(fontsize=8, loc="upper left")
        fig.suptitle("Squats with 100 kg, standing to below parallel, at the typical technique (line) and the\n"
                     f"5th to 95th percentile of {TORQUE_CURVE_SAMPLES} technique draws (shaded; "
                     "docs/technique.md), per leg", fontsize=11)
    return [_save(plot, fig, out_dir, "squat_torque_curves.png")]


def fig_knee_travel_depth_map(out_dir: str) -> list[str]:
    """Knee moment and the hip share over knee travel x depth (one array call),
    infeasible cells masked and labelled."""
    from . import plot

    body = standard_body()
    # a fine grid (0.2 cm x 0.5 deg, one array call) so the edge of what can exist is a line, not steps
    kt = Q_(np.linspace(-8, 20, 141), "cm")
    depth = Q_(np.linspace(50, 120, 141), "deg")
    grid = exercises.squat(body, depth=depth[:, None], knee_travel=kt[None, :], load="100 kg", bar="high_bar")
    feasible = np.asarray(grid.feasible, dtype=bool)
    reasons = reason_text(grid.reason)
    fig, axs = plot.subplots(1, 2, figsize=(12.5, 4.8))
    plot.moment_map(kt, depth, grid.knee, ax=axs[0], feasible=feasible, reasons=reasons, xlabel="knee travel",
                    ylabel="depth (thigh angle)", zlabel="knee moment per leg", title="Knee extensor moment")
    plot.moment_map(kt, depth, np.asarray(grid.hip_share, dtype=float), ax=axs[1], feasible=feasible,
                    reasons=reasons, xlabel="knee travel", ylabel="depth (thigh angle)", zlabel="hip / (hip + knee)",
                    center=0.5, levels=11, title="Hip's share of the leg's extensor moment")
    fig.suptitle("High-bar back squat, 100 kg, 178 cm 80 kg lifter: knee travel x depth (per leg)", fontsize=11)
    return [_save(plot, fig, out_dir, "knee_travel_depth_map.png")]


def fig_muscle_shares(out_dir: str) -> list[str]:
    """Which muscles carry each joint's moment at the bottom of a squat."""
    from . import plot

    res = exercises.squat(standard_body(), depth="90 deg", load="100 kg", bar="high_bar")  # typical technique
    d = muscle_demand(res)
    hip = float(np.degrees(np.asarray(res.pose.joint_angles_rad()["hip"])))
    beyond = (f"\nhip flexion {hip:.0f} deg is past the model's 120 deg: its moment arms are extended linearly"
              if bool(np.asarray(d.beyond_range.get("hip", False))) else "")
    fig, _ = plot.muscle_shares(d, figsize=(8.6, 4.8),
                                title="High-bar back squat, 100 kg, thigh parallel, typical technique: which muscles "
                                      "carry each joint's moment\n(static optimisation, 40-muscle Rajagopal-Lai-Uhlrich 2023 model, "
                                      f"per leg){beyond}")
    return [_save(plot, fig, out_dir, "squat_muscle_shares.png")]


def fig_squat_rep_gif(out_dir: str) -> list[str]:
    """A squat rep as an animation (one ``rep_path`` call)."""
    from . import plot

    # the whole rep, down and up, with a smooth (cosine) timing: slow at the top and the bottom
    n = 36
    phase = np.arange(n) / n
    fractions = 0.5 * (1.0 - np.cos(2.0 * np.pi * phase))
    rep = exercises.rep_path(exercises.squat, standard_body(), depth="100 deg", knee_travel="6 cm", load="100 kg",
                             bar="high_bar", fractions=fractions)
    thigh = rep.pose.thigh.to("deg").magnitude
    stage = ["standing" if p == 0 else "bottom" if p == 0.5 else "down" if p < 0.5 else "up" for p in phase]
    titles = [f"High-bar back squat, 100 kg: {w}, thigh {t:.0f}\u00b0" for w, t in zip(stage, thigh)]
    path = os.path.join(out_dir, "squat_rep.gif")
    fig, _ = plot.animate(rep, path, fps=12, frame_titles=titles)
    plot.close(fig)
    return [path]


# hinges -------------------------------------------------------------------------------
_HINGES = (("Romanian deadlift\n(knees 20\u00b0, bar to the knee)", "romanian_deadlift", {}),
           ("stiff-leg deadlift\n(knees 5\u00b0, bar to the knee)", "stiff_leg_deadlift", {}),
           ("conventional deadlift\n(bar on the floor)", "deadlift", {}))


def fig_hinge_stick_figures(out_dir: str) -> list[str]:
    """Romanian, stiff-leg and conventional deadlift bottoms, 100 kg, one scale."""
    from . import plot

    body = standard_body()
    results = [getattr(exercises, fn)(body, load="100 kg", **kw) for _, fn, kw in _HINGES]
    fig, _ = plot.stick_figures(results, [t for t, _, _ in _HINGES], joints=("knee", "hip", "lumbar"),
                                figsize=(14.0, 5.0))
    fig.suptitle("Hip hinges with 100 kg at their typical technique, balanced over the typical pressure point, the "
                 "bar against the legs (RDLs: arms angled back, held by the shoulders)", fontsize=10)
    return [_save(plot, fig, out_dir, "hinge_stick_figures.png")]


def fig_hinge_torque_curves(out_dir: str) -> list[str]:
    """Knee and hip moments through each hinge's descent (one ``rep_path`` call each),
    against hip flexion."""
    from . import plot

    body = standard_body()
    # the curves start just below standing (fraction 0.04)
    frac = np.linspace(0.04, 1.0, 41)
    runs = {t.replace("\n", " "): exercises.rep_path(getattr(exercises, fn), body, load="100 kg", fractions=frac, **kw)
            for t, fn, kw in _HINGES}
    fig, _ = plot.torque_curves(runs, x="hip", joints=("knee", "hip"), figsize=(9.4, 4.8),
                                title="Hinges with 100 kg, standing to the bottom (per leg); knee < 0 = flexor demand")
    return [_save(plot, fig, out_dir, "hinge_torque_curves.png")]


# lunges -------------------------------------------------------------------------------
def fig_lunge_step_trunk_map(out_dir: str) -> list[str]:
    """Front knee and hip moments of a lunge over step length x trunk lean (one array call),
    with the cells that cannot balance masked and labelled, and the lean that balances
    over the midfoot drawn."""
    from . import plot

    body = standard_body()
    # the steps people use: 0.5 to 1.2 leg lengths (standing hip joint centre height), on a fine grid
    # (about 0.6 cm x 0.6 deg): the edges are lines, not steps
    step = Q_(100 * np.linspace(0.5, 1.2, 121) * exercises.lunges.leg_length_m(body), "cm")
    trunk = Q_(np.linspace(-15, 60, 126), "deg")
    kw = dict(load="30 kg")  # the default bottom: front shin from the step, first of parallel / rear knee 5 cm
    grid = exercises.lunge(body, step_length=step[None, :], trunk_lean=trunk[:, None], **kw)
    balanced = exercises.lunge(body, step_length=step, **kw)  # the lean that balances over the midfoot
    lean = np.asarray(balanced.pose.trunk.to("deg").magnitude, dtype=float)
    feasible = np.asarray(grid.feasible, dtype=bool)
    codes = np.asarray(grid.reason, dtype=object).copy()
    # "balance" with the lean given means the front foot's centre of pressure left the foot:
    # say which way, where a balanced lean exists to compare with
    side = np.broadcast_to(lean[None, :], codes.shape)
    bal = codes == "balance"
    codes[bal & (trunk.magnitude[:, None] < side)] = "centre of pressure behind the front heel"
    codes[bal & (trunk.magnitude[:, None] > side)] = "centre of pressure past the front toes"
    codes[codes == "balance"] = "no lean balances on the front foot"
    reasons = reason_text(codes)
    lo, hi = trunk.magnitude.min(), trunk.magnitude.max()
    shown = np.where((lean >= lo) & (lean <= hi), lean, np.nan)
    fig, axs = plot.subplots(1, 2, figsize=(12.5, 5.3))
    for ax, joint, name in ((axs[0], "knee", "front knee"), (axs[1], "hip", "front hip")):
        plot.moment_map(step, trunk, getattr(grid.front, joint), ax=ax, feasible=feasible, reasons=reasons,
                        xlabel="step length (front heel to rear foot; 0.5 to 1.2 leg lengths)", ylabel="trunk lean",
                        zlabel=f"{name} moment per leg", title=f"{name.capitalize()} extensor moment")
        ax.plot(step.magnitude, shown, color="white", lw=2.6, zorder=7)
        line, = ax.plot(step.magnitude, shown, color="black", lw=1.2, ls="--", zorder=7)
        ax.set_ylim(lo, hi)
    fig.legend([line], ["the lean that balances over the midfoot (trunk not given)"], loc="outside lower center",
               fontsize=8.5)
    fig.suptitle("Lunge, front shin set by the step, down to the front thigh parallel or the rear knee 5 cm off "
                 "the floor (whichever first),\n2 \u00d7 15 kg dumbbells, 70 % of the weight on the front foot",
                 fontsize=11)
    return [_save(plot, fig, out_dir, "lunge_step_trunk_map.png")]


# calves -------------------------------------------------------------------------------
def fig_calf_raise_muscle_shares(out_dir: str) -> list[str]:
    """Standing (knee straight) versus seated (knee 90 deg) calf raise over the foot angle:
    the ankle moment, and the soleus's and gastrocnemius's shares of it (``muscle_demand``)."""
    from . import plot

    body = standard_body()
    foot = Q_(np.linspace(-20, 35, 23), "deg")
    runs = {"standing, knee straight, 60 kg": exercises.standing_calf_raise(body, load="60 kg", foot=foot),
            "seated, knee 90\u00b0, 60 kg": exercises.seated_calf_raise(body, load="60 kg", foot=foot)}
    fig, axs = plot.subplots(1, 2, figsize=(12.0, 4.4))
    with plot.style():  # text sizes while drawing (the figure exists already)
        colors = ("#0072B2", "#D55E00")
        drew_over = False
        for (name, res), color in zip(runs.items(), colors):
            d = muscle_demand(res, model="classic")  # compliant calf tendons (docs/muscles.md)
            x = foot.magnitude
            axs[0].plot(x, res.ankle.to("N*m").magnitude, color=color, lw=2.0, label=name)
            for muscle, ls in (("soleus", "-"), ("gastrocnemius", "--")):
                axs[1].plot(x, 100 * np.asarray(d.share["ankle"][muscle], dtype=float), color=color, ls=ls, lw=2.0)
            over = np.asarray(d.activation["soleus"], dtype=float) > 1
            over |= np.asarray(d.activation["gastrocnemius"], dtype=float) > 1
            drew_over = drew_over or bool(over.any())
            if over.any():
                axs[1].plot(x[over], np.full(over.sum(), 104.0 if color == colors[0] else 108.0), "x", color=color,
                            ms=5, mew=1.4)
        axs[0].set_xlabel("foot angle: heel above the ball of the foot (deg); < 0 = heel below the step")
        axs[0].set_ylabel("ankle plantarflexor moment per leg (N\u00b7m)")
        axs[0].set_title("Ankle moment over the ball of the foot")
        axs[0].legend(loc="lower left")
        from matplotlib.lines import Line2D

        handles = [Line2D([], [], color=c, lw=2.2, label=n) for n, c in zip(runs, colors)]
        handles += [Line2D([], [], color="#444444", ls="-", lw=2, label="soleus"),
                    Line2D([], [], color="#444444", ls="--", lw=2, label="gastrocnemius")]
        if drew_over:  # only when such a point is drawn
            handles.append(Line2D([], [], color="#444444", ls="none", marker="x", label="an activation above 1"))
        axs[1].legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
        axs[1].set_ylim(-5, 112)
        axs[1].set_xlabel("foot angle: heel above the ball of the foot (deg)")
        axs[1].set_ylabel("share of the ankle moment (%)")
        axs[1].set_title("Soleus and gastrocnemius shares (static optimisation,\nnine-muscle set: compliant calf tendons, Maganaris 1998)")
        for ax in axs:
            ax.axvline(0, color="#888888", lw=0.8, ls=":")
        fig.suptitle("Standing versus seated calf raise, 60 kg, over the foot angle (per leg)", fontsize=11)
    return [_save(plot, fig, out_dir, "calf_raise_muscle_shares.png")]


# leg press ----------------------------------------------------------------------------
def fig_leg_press_foot_position(out_dir: str) -> list[str]:
    """Leg press with the feet high, in the middle and low on the platform: the stick
    figures at 70 deg of knee flexion (the deepest at which feet low stay within the
    ankle's dorsiflexion range) and the knee and hip moments through the range, where
    each foot position ends when the ankle runs out of dorsiflexion (one array call per
    foot position)."""
    from . import plot

    body = standard_body()
    positions = (("feet high (+15 cm)", "high"), ("feet middle", "middle"), ("feet low (\u221215 cm)", "low"))
    bottoms = [exercises.leg_press(body, load="150 kg", foot_position=fp, knee_flexion="70 deg") for _, fp in positions]
    knee = Q_(np.linspace(10, 110, 41), "deg")
    curves = {t: exercises.leg_press(body, load="150 kg", foot_position=fp, knee_flexion=knee) for t, fp in positions}
    # the top row's height fits its three equal-aspect pictures (no empty band under the title)
    fig = plot.figure(figsize=(13.0, 7.6))
    top, bottom = fig.subfigures(2, 1, height_ratios=[0.92, 1.0])
    axs = top.subplots(1, 3)
    ax = bottom.subplots(1, 1)
    for a in (*axs, ax):
        plot.style_axes(a)
    with plot.style():  # text sizes while drawing (the figures exist already)
        plot.stick_figures(bottoms, [t for t, _ in positions], axes=axs, joints=("ankle", "knee", "hip"))
        # the abscissa is the requested knee flexion
        plot.torque_curves(curves, x=knee, ax=ax, joints=("knee", "hip"), xlabel="knee flexion")
        ax.set_title("Knee and hip moments through the range (per leg); each line ends where the ankle runs out "
                     "of dorsiflexion")
        top.suptitle("Leg press, 150 kg on a 45\u00b0 sled, knee at 70\u00b0: feet high, middle and low on the "
                     "platform (its force in the least-effort direction, an assumption)", fontsize=11)
    return [_save(plot, fig, out_dir, "leg_press_foot_position.png")]


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
    "hinge_stick_figures": fig_hinge_stick_figures,
    "hinge_torque_curves": fig_hinge_torque_curves,
    "lunge_step_trunk_map": fig_lunge_step_trunk_map,
    "calf_raise_muscle_shares": fig_calf_raise_muscle_shares,
    "leg_press_foot_position": fig_leg_press_foot_position,
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

    Notes
    -----
    Matplotlib's backend and settings are left as found; interactive mode is off while
    drawing (nothing pops up or shows inline) and restored afterwards.
    """
    import matplotlib.pyplot as plt

    out_dir = os.fspath(out_dir)
    names = list(FIGURES) if only is None else list(only)
    for n in names:
        if n not in FIGURES:
            raise InputValueError(f"only: {n!r} is not a figure; expected some of {', '.join(FIGURES)}.")
    os.makedirs(out_dir, exist_ok=True)
    paths: list[str] = []
    # interactive mode off while drawing (no window pops up, nothing is shown inline);
    # plt.ioff() restores the caller's mode on exit, and the backend is left alone
    with plt.ioff():
        for n in names:
            t = time.perf_counter()
            written = FIGURES[n](out_dir)
            paths.extend(written)
            if verbose:
                print(f"{n}: {time.perf_counter() - t:.1f} s")
    return paths
