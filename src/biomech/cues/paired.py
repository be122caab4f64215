"""Paired experiments over technique: every draw evaluated in both of the cue's conditions.

Each experiment draws ``N_DRAWS`` correlated technique samples per body from
:func:`biomech.exercises.technique.draw` (centre of pressure, shin lean at parallel,
trunk lean, ...), passes them as arrays into the exercise's own parameters (``cop``,
``knee_travel`` from the shin lean, ``trunk``) and makes ONE vectorized call per condition.
The cue's own variable (knee travel, depth, trunk lean) is set, never drawn. The paired
difference over draws and bodies is the band the verdict reads.

Examples
--------
>>> from biomech.cues.experiments import STANDARD_BODIES
>>> r = experiment_knee_travel_paired(STANDARD_BODIES[:1], n=20)
>>> s = r.samples[0]
>>> s.labels["lift"], bool((s.values["knee_moment_change"] > 0).all())
('squat', True)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .. import exercises as ex
from ..exercises import technique as tq
from ..units import Q_, quantity
from . import poses
from .experiments import STANDARD_BODIES, ExperimentResult, NamedBody, register_experiment
from .verdicts import Sample

__all__ = ["N_DRAWS", "SEED", "experiment_knee_travel_paired", "experiment_mobility_paired",
           "experiment_squat_depth_paired", "experiment_heel_elevation_paired", "WBLT_DORSIFLEXION_DEG"]

#: Technique draws per body: 200 keeps the 5th and 95th percentiles within about a
#: percentile point of their limit while the whole report builds in seconds.
N_DRAWS = 200
SEED = 2026
_NM = "N*m"

#: Knee travel of the two conditions (m): knees stopped at the toes, and 10 cm past them
#: (our choice of an ordinary parallel squat; the design of Fry, Smith & Schilling 2003,
#: J Strength Cond Res 17(4):629-633, restricted the knees with a barrier at the toes).
TRAVEL_M = (0.0, 0.10)
#: Parallel squat, high bar = body mass (Fry et al. 2003's load).
SQUAT_DEPTH_DEG = 90.0
#: Weight-bearing lunge test, tibial inclination by inclinometer, 39.0 +- 4.6 deg (mean +- SD,
#: 50 healthy adults; J Sci Med Sport 2017, PMID 28108266, abstract; sex split not given).
WBLT_DORSIFLEXION_DEG = (39.0, 4.6)


_CACHE: dict = {}


def cached(fn):
    """Run ``fn(bodies)`` once per set of bodies (two cues read the knee-travel experiment)."""
    def run(bodies: Sequence[NamedBody] = STANDARD_BODIES, n: int = N_DRAWS) -> ExperimentResult:
        key = (fn.__name__, n, tuple(id(b) for b in bodies))
        if key not in _CACHE:
            if len(_CACHE) > 16:
                _CACHE.clear()
            _CACHE[key] = fn(bodies, n)
        return _CACHE[key]
    run.__name__, run.__doc__, run.__wrapped__ = fn.__name__, fn.__doc__, fn
    return run


def _nm(q) -> np.ndarray:
    return np.asarray(q.to(_NM).magnitude, dtype=float)


def _cop_m(body, frac) -> "Q_":
    """Centre-of-pressure fraction (heel = 0, toe tip = 1) as the length the exercises take."""
    return Q_(np.asarray(frac, dtype=float) * body.foot_geometry.toe_x, "m")


def _draw(exercise: str, n: int, body_index: int):
    return tq.draw(exercise, n, seed=SEED + body_index)


def _median(v) -> float:
    v = np.asarray(v, dtype=float)
    return float(np.median(v[np.isfinite(v)])) if np.isfinite(v).any() else float("nan")


def _rows(rows, body, label, k, h):
    row = {"body": body.name, "lift": label,
           "knee moment change, typical": quantity(100 * _median(k), "percent"),
           "hip moment change, typical": quantity(100 * _median(h), "percent")}
    if not np.isfinite(np.asarray(k, dtype=float)).any():
        row["note"] = "no feasible pose for this body (left out of the band)"
    rows.append(row)


@register_experiment
@cached
def experiment_knee_travel_paired(bodies: Sequence[NamedBody] = STANDARD_BODIES, n: int = N_DRAWS
                                  ) -> ExperimentResult:
    """Knees stopped at the toes versus 10 cm past them, in the squat, the lunge and the step-up.

    Squat: parallel, high bar = body mass, the centre of pressure drawn (high-bar squat
    technique). Lunge (dumbbells 0.5 x body mass) and step-up (bodyweight, 40 cm box): the
    exercise solves the trunk lean for balance, so nothing is drawn there. Knee travel is
    set to 0 and to 10 cm.

    Returns
    -------
    ExperimentResult
        Samples per body and lift: ``knee_moment_change``, ``hip_moment_change`` (free over
        restricted, minus 1), with the drawn values as drivers.
    """
    samples, rows = [], []
    curves = {}
    for i, body in enumerate(bodies):
        sq_t = _draw("high_bar_squat", n, i)
        cop = _cop_m(body, sq_t.si("cop"))
        res = [ex.squat(body, depth=Q_(SQUAT_DEPTH_DEG, "deg"), knee_travel=Q_(np.full(n, d), "m"),
                        load=Q_(body.mass_kg, "kg"), cop=cop) for d in TRAVEL_M]
        ok = np.asarray(res[0].feasible) & np.asarray(res[1].feasible)
        k = np.where(ok, _nm(res[1].knee) / _nm(res[0].knee) - 1, np.nan)
        h = np.where(ok, _nm(res[1].hip) / _nm(res[0].hip) - 1, np.nan)
        samples.append(Sample({"body": body.name, "lift": "squat"},
                              {"knee_moment_change": k, "hip_moment_change": h},
                              {"centre of pressure (fraction of the foot from the heel)": sq_t.si("cop")}))
        _rows(rows, body, "squat (parallel, bar = body mass)", k, h)
        if i == 0:
            curves["squat"] = (k, h)
        # lunge and step-up: the exercise balances the trunk itself; nothing is drawn
        for name, fn, kw in (("lunge", ex.lunge, {"load": Q_(0.5 * body.mass_kg, "kg")}),
                             ("step-up", ex.step_up, {})):
            r = fn(body, knee_travel=Q_(np.array(TRAVEL_M), "m"), **kw)     # both conditions, one call
            ok = np.asarray(r.feasible, dtype=bool)
            k2, h2 = np.where(ok, _nm(r.front.knee), np.nan), np.where(ok, _nm(r.front.hip), np.nan)
            kk, hh = np.array([k2[1] / k2[0] - 1]), np.array([h2[1] / h2[0] - 1])
            samples.append(Sample({"body": body.name, "lift": name},
                                  {"knee_moment_change": kk, "hip_moment_change": hh}))
            _rows(rows, body, f"{name} (front leg)", kk, hh)
            if i == 0:
                curves[name] = (kk, hh)
    ref = bodies[0]

    def draw():
        from matplotlib.figure import Figure
        fig = Figure(figsize=(7.5, 3.6), layout="constrained")
        ax = fig.subplots()
        names = list(curves)
        data, labels = [], []
        for nm in names:
            k, h = curves[nm]
            data += [100 * k[np.isfinite(k)], 100 * h[np.isfinite(h)]]
            labels += [f"{nm}\nknee", f"{nm}\nhip"]
        ax.boxplot(data, whis=(5, 95), showfliers=False)
        ax.set_xticks(range(1, len(labels) + 1), labels, fontsize=8)
        ax.axhline(0, color="grey", lw=0.8)
        ax.set_ylabel("change with knees 10 cm past the toes (%)")
        ax.set_title(f"Knees past the toes: change in knee and hip demand over {n} technique draws\n"
                     f"({ref.name} body; boxes: quartiles, whiskers: 5th to 95th percentile)", fontsize=10)
        return fig

    return ExperimentResult(
        "", {"conditions": "knee travel 0 cm (knees at the toes) and 10 cm past them, set",
             "squat": "parallel (thigh 90 deg), high bar = body mass; centre of pressure drawn",
             "lunge": "dumbbells 0.5 x body mass; trunk solved for balance",
             "step-up": "40 cm box, bodyweight; trunk solved for balance",
             "draws per body": str(n), "design after": "Fry, Smith & Schilling (2003)"},
        rows, {}, "", {}, figure=draw, samples=tuple(samples),
        caveats=("Fry et al. (2003) measured the same direction in squats (knee torque fell, hip torque rose "
                 "with the knees restricted); they tested men.",
                 "Restricting knee travel at the same depth forces more trunk lean: the hip and the lower back take "
                 "what the knee gives up."))


@register_experiment
def experiment_mobility_paired(bodies: Sequence[NamedBody] = STANDARD_BODIES, n: int = N_DRAWS) -> ExperimentResult:
    """Ankle dorsiflexion a parallel squat with the knees 10 cm past the toes needs, against lifters' own.

    The needed dorsiflexion (flat foot: the shin's lean) comes from the squat's geometry;
    each draw's available dorsiflexion is the weight-bearing lunge test's 39.0 +- 4.6 deg.
    The hip half of the article's claim runs the other way, and the rows show it: with the
    knees restricted the hip flexes more and the lumbar moment is larger.

    Returns
    -------
    ExperimentResult
        Samples per body: ``dorsiflexion_margin_deg`` (available minus needed).
    """
    samples, rows = [], []
    rng = np.random.default_rng(SEED)
    for i, body in enumerate(bodies):
        res = ex.squat(body, depth=Q_(SQUAT_DEPTH_DEG, "deg"), knee_travel=Q_(np.array(TRAVEL_M), "m"),
                       load=Q_(body.mass_kg, "kg"))
        need = np.degrees(poses.squat_shank(res))
        hip = np.asarray(res.pose.hip.to("deg").magnitude, dtype=float)
        lumbar = _nm(res.lumbar)
        avail = rng.normal(*WBLT_DORSIFLEXION_DEG, n)
        samples.append(Sample({"body": body.name}, {"dorsiflexion_margin_deg": avail - need[1]},
                              {"ankle dorsiflexion, weight-bearing lunge test (deg)": avail}))
        for j, cond in enumerate(("knees at the toes", "knees 10 cm past")):
            rows.append({"body": body.name, "condition": cond, "dorsiflexion needed": quantity(need[j], "deg"),
                         "hip flexion": quantity(hip[j], "deg"), "lumbar moment": quantity(lumbar[j], _NM)})

    def draw():
        from matplotlib.figure import Figure
        fig = Figure(figsize=(7.0, 3.4), layout="constrained")
        ax = fig.subplots()
        x = np.linspace(20, 55, 200)
        pdf = np.exp(-0.5 * ((x - WBLT_DORSIFLEXION_DEG[0]) / WBLT_DORSIFLEXION_DEG[1]) ** 2)
        ax.fill_between(x, pdf, alpha=0.3, label="lifters' dorsiflexion (weight-bearing lunge test)")
        for s, r in zip(samples, rows[1::2]):
            ax.axvline(r["dorsiflexion needed"].magnitude, lw=0.8, color="C3")
        ax.axvline(rows[1]["dorsiflexion needed"].magnitude, lw=0.8, color="C3",
                   label="needed with knees 10 cm past the toes (one line per body)")
        ax.set_xlabel("ankle dorsiflexion (deg)")
        ax.set_yticks([])
        ax.set_ylabel("share of lifters")
        ax.legend(fontsize=8, loc="upper left")
        ax.set_title("Who has the ankle range for knees 10 cm past the toes at parallel", fontsize=10)
        return fig

    return ExperimentResult(
        "", {"squat": "parallel, high bar = body mass, knee travel 0 and 10 cm",
             "lifters' dorsiflexion": "weight-bearing lunge test 39.0 +- 4.6 deg (PMID 28108266, abstract)",
             "draws per body": str(n)},
        rows, {}, "", {}, figure=draw, samples=tuple(samples),
        caveats=("With the foot flat the ankle's dorsiflexion equals the shin's lean.",
                 "The hip half is backwards in the article: letting the knees travel lowers the hip flexion "
                 "needed; restricting them costs trunk lean and a larger lumbar moment (rows above)."))


#: Depths compared (thigh angle from vertical): half squat 45 deg, deep squat 115 deg.
DEPTHS_DEG = (45.0, 115.0)


@register_experiment
def experiment_squat_depth_paired(bodies: Sequence[NamedBody] = STANDARD_BODIES, n: int = N_DRAWS
                                  ) -> ExperimentResult:
    """Knee-extensor moment at the bottom of a deep squat minus that of a half squat, per kg, same bar.

    Each draw's shin lean follows its own ``shank_at_parallel`` with depth
    (:func:`biomech.exercises.technique.squat_shank_lean`), turned into knee travel; its
    centre of pressure is passed as drawn. The deep squat's knee moment is read with the
    thigh-calf contact of Zelle et al. (2007), which the exercise estimates.

    Returns
    -------
    ExperimentResult
        Samples per body: ``depth_gain_per_kg`` (N·m/kg, with thigh-calf contact),
        ``depth_gain_per_kg_no_contact``; draws that cannot balance are NaN.
    """
    samples, rows = [], []
    for i, body in enumerate(bodies):
        t = _draw("high_bar_squat", n, i)
        cop = _cop_m(body, t.si("cop"))
        knees = []
        for d in DEPTHS_DEG:
            shank = tq.squat_shank_lean(Q_(d, "deg"), "high_bar", shank_at_parallel=t["shank_at_parallel"])
            kt = poses.knee_travel_for_shank(ex.squat, body, shank.m_as("rad"), depth=Q_(d, "deg"),
                                             load=Q_(0.8 * body.mass_kg, "kg"))
            r = ex.squat(body, depth=Q_(d, "deg"), knee_travel=Q_(kt, "m"), load=Q_(0.8 * body.mass_kg, "kg"), cop=cop)
            ok = np.asarray(r.feasible)
            knees.append((np.where(ok, _nm(r.knee), np.nan),
                          np.where(ok, _nm(r.extras["knee_with_thigh_calf_contact"]), np.nan)))
        ratio = (knees[1][1] - knees[0][0]) / body.mass_kg
        ratio0 = (knees[1][0] - knees[0][0]) / body.mass_kg
        feas = float(np.mean(np.isfinite(ratio)))
        samples.append(Sample({"body": body.name}, {"depth_gain_per_kg": ratio, "depth_gain_per_kg_no_contact": ratio0},
                              {"shin lean at parallel (deg)": np.degrees(t.si("shank_at_parallel")),
                               "centre of pressure (fraction of the foot)": t.si("cop")}))
        rows.append({"body": body.name, "draws that can balance": quantity(100 * feas, "percent"),
                     "half squat knee moment": quantity(float(np.nanmedian(knees[0][0])), _NM),
                     "deep squat, no thigh-calf contact": quantity(float(np.nanmedian(knees[1][0])), _NM),
                     "deep squat, with thigh-calf contact": quantity(float(np.nanmedian(knees[1][1])), _NM)})

    def draw():
        from matplotlib.figure import Figure
        fig = Figure(figsize=(7.0, 3.4), layout="constrained")
        ax = fig.subplots()
        for j, s in enumerate(samples):
            for off, key, c in ((-0.15, "depth_gain_per_kg_no_contact", "C0"), (0.15, "depth_gain_per_kg", "C1")):
                v = s.values[key][np.isfinite(s.values[key])]
                ax.boxplot([v], positions=[j + off], widths=0.25, whis=(5, 95), showfliers=False,
                           boxprops={"color": c}, medianprops={"color": c})
        ax.set_xticks(range(len(samples)), [s.labels["body"] for s in samples], fontsize=8)
        ax.axhline(0, color="grey", lw=0.8)
        ax.plot([], [], "C0", label="no thigh-calf contact")
        ax.plot([], [], "C1", label="with thigh-calf contact (Zelle 2007)")
        ax.legend(fontsize=8, loc="lower right")
        ax.set_ylim(bottom=-0.1)
        ax.set_ylabel("deep minus half squat\n(N·m per kg body mass)")
        ax.set_title("Knee-extensor moment at the bottom, per kg body mass:\n"
                     "deep squat (thigh 115 deg) minus half squat (45 deg), same bar", fontsize=10)
        return fig

    return ExperimentResult(
        "", {"depths (thigh angle)": f"{DEPTHS_DEG[0]:g} and {DEPTHS_DEG[1]:g} deg, set",
             "bar": "high bar, 0.8 x body mass", "drawn": "centre of pressure, shin lean at parallel",
             "draws per body": str(n)},
        rows, {}, "", {}, figure=draw, samples=tuple(samples),
        caveats=("A moment ratio is not growth: Kubo et al. (2019) found the same knee-extensor growth after "
                 "full and half squat training (men).",
                 "The thigh-calf contact force is an estimate scaled from Zelle et al. (2007)."))


#: Heel wedge of the two conditions (m): flat, and a 25 mm wedge (a common plate or shoe).
HEEL_LIFT_M = (0.0, 0.025)


@register_experiment
def experiment_heel_elevation_paired(bodies: Sequence[NamedBody] = STANDARD_BODIES, n: int = N_DRAWS
                                     ) -> ExperimentResult:
    """Heels flat versus on a 25 mm wedge, each draw keeping its own ankle dorsiflexion.

    Parallel squat, high bar 0.8 x body mass. Each draw's dorsiflexion is its shin lean at
    parallel (high-bar squat technique), held in both conditions (the ankle is the limit a
    wedge works around); its centre of pressure is passed as drawn.

    Returns
    -------
    ExperimentResult
        Samples per body: ``knee_moment_change``, ``knee_travel_change_cm``.
    """
    samples, rows = [], []
    for i, body in enumerate(bodies):
        t = _draw("high_bar_squat", n, i)
        cop = _cop_m(body, t.si("cop"))
        shank = tq.squat_shank_lean(Q_(SQUAT_DEPTH_DEG, "deg"), "high_bar",
                                    shank_at_parallel=t["shank_at_parallel"]).m_as("rad")
        res = []
        for h in HEEL_LIFT_M:
            kw = dict(depth=Q_(SQUAT_DEPTH_DEG, "deg"), load=Q_(0.8 * body.mass_kg, "kg"),
                      heel_lift=Q_(np.full(n, h), "m"))
            foot = np.arcsin(h / body.foot_geometry.ball_x)
            kt = poses.knee_travel_for_shank(ex.squat, body, shank + foot, **kw)
            res.append(ex.squat(body, knee_travel=Q_(kt, "m"), cop=cop, **kw))   # one call per condition
        ok = np.asarray(res[0].feasible) & np.asarray(res[1].feasible)
        k = np.where(ok, _nm(res[1].knee) / _nm(res[0].knee) - 1, np.nan)
        travel = 100 * (res[1].knee_travel.to("m").magnitude - res[0].knee_travel.to("m").magnitude)
        samples.append(Sample({"body": body.name}, {"knee_moment_change": k, "knee_travel_change_cm": travel},
                              {"shin lean at parallel (deg)": np.degrees(t.si("shank_at_parallel")),
                               "centre of pressure (fraction of the foot)": t.si("cop")}))
        rows.append({"body": body.name, "knee travel gained, typical": quantity(_median(travel), "cm"),
                     "knee moment change, typical": quantity(100 * _median(k), "percent"),
                     "draws that can balance": quantity(100 * float(ok.mean()), "percent")})

    def draw():
        from matplotlib.figure import Figure
        fig = Figure(figsize=(7.0, 3.4), layout="constrained")
        ax = fig.subplots()
        data = [100 * s.values["knee_moment_change"][np.isfinite(s.values["knee_moment_change"])] for s in samples]
        ax.boxplot(data, whis=(5, 95), showfliers=False)
        ax.set_xticks(range(1, len(samples) + 1), [s.labels["body"] for s in samples], fontsize=8)
        ax.axhline(0, color="grey", lw=0.8)
        ax.set_ylim(bottom=min(-5.0, ax.get_ylim()[0]))
        ax.set_ylabel("knee moment change (%)")
        ax.set_title(f"Heels on a 25 mm wedge, same ankle dorsiflexion:\nknee demand over {n} technique draws "
                     "(parallel squat, bar 0.8 x body mass; whiskers 5th to 95th percentile)", fontsize=10)
        return fig

    return ExperimentResult(
        "", {"conditions": "heels flat and on a 25 mm wedge, set", "squat": "parallel, high bar 0.8 x body mass",
             "drawn": "shin lean at parallel (held as the ankle's dorsiflexion in both), centre of pressure",
             "draws per body": str(n)},
        rows, {}, "", {}, figure=draw, samples=tuple(samples),
        caveats=("The wedge tilts the foot; with the ankle's angle held the shin leans further and the knees "
                 "travel further: the premise is the article's own account of the heel-elevated squat.",))
