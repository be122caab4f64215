"""Experiments on whole lifts: squats, lunges, leg press, leg extension and curl, hinges,
back extensions and calf raises, each registered for its cue.

Every experiment runs the static model (:func:`biomech.joint_moments`), muscle demand
(:func:`biomech.muscle_demand`) or inverse dynamics over a tempo-driven rep
(:func:`biomech.tempo.rep_motion`, :func:`biomech.inverse_dynamics`,
:mod:`biomech.timeseries`) for each body of ``bodies`` and returns an
:class:`~biomech.cues.experiments.ExperimentResult`: the inputs, a table of numbers with
units, the plain numbers its verdict function reads (named in each docstring and in
``docs/cues.md``), a key number and a figure. Poses come from
:mod:`biomech.cues.poses`, one function per pose family. Grids are coarse so that the
whole report runs in well under a minute.

Examples
--------
>>> from biomech.cues.experiments import STANDARD_BODIES
>>> r = experiment_knee_travel(STANDARD_BODIES[:1])
>>> n = r.numbers["reference"]
>>> n["knee_moment_change"] > 0 > n["hip_moment_change"]
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .. import statics
from ..dynamics import inverse_dynamics
from ..loads import Barbell, HandLoad
from ..muscles import default_muscles, muscle_demand
from ..muscles.catalog import QUADRICEPS_EFFECTIVE
from ..tempo import rep_motion
from ..timeseries import summarize_joint
from ..units import Q_, quantity
from . import poses
from .experiments import STANDARD_BODIES, BodyProportions, ExperimentResult, register_experiment

__all__ = [
    "experiment_knee_travel", "experiment_knee_travel_mobility", "experiment_heel_elevation",
    "experiment_stance_width_toe_out", "experiment_squat_depth", "experiment_pulse_squat",
    "experiment_lunge_patterns", "experiment_leg_press_feet", "experiment_leg_press_rom",
    "experiment_leg_extension_lockout", "experiment_top_squeeze_hip_moment", "experiment_hamstrings_two_joints",
    "experiment_rectus_femoris_two_joints", "experiment_soleus_knee_angle", "experiment_tempo",
    "experiment_calf_shin_forward", "experiment_calf_holds", "experiment_ankle_range",
    "WBLT_TIBIAL_INCLINATION_DEG", "HIP_FLEXION_NORMAL_DEG",
]

_NM = "N*m"
_RAD = math.radians


def _f(x) -> float:
    return float(np.asarray(getattr(x, "magnitude", x)))


def _moments(res, leg=None):
    src = getattr(res, leg) if leg else res
    return {j: _f(getattr(src, j).to(_NM)) for j in ("ankle", "knee", "hip")}


def _rel(new: float, old: float) -> float:
    return new / old - 1.0


def _figure(w=8.0, h=3.4, n=1):
    from matplotlib.figure import Figure
    fig = Figure(figsize=(w, h), layout="constrained")
    axes = fig.subplots(1, n)
    return fig, (axes if n > 1 else [axes])


def _bar_load(bp: BodyProportions, fraction: float) -> list:
    return [Barbell(Q_(fraction * _f(bp.mass.to("kg")), "kg"), "high_bar")]


def _demand(res, body):
    return muscle_demand(res, body_mass=Q_(body.mass_kg, "kg"),
                         body_height=Q_(body.height_m or 1.75, "m"))


# ================================================================ knee travel (Fry et al. 2003 design)

#: Depth and load of the knee-travel experiment, after Fry, Smith & Schilling (2003, J Strength
#: Cond Res 17(4):629-633, abstract): parallel high-bar back squats with a bar equal to body mass,
#: knees stopped at the toes by a barrier (restricted) or free (unrestricted).
KNEE_TRAVEL_DEPTH_DEG = 90.0
KNEE_TRAVEL_BAR_FRACTION = 1.0
#: Knee travel (front of the knee past the toe tip) of the two conditions, m. 0 = at the barrier;
#: the unrestricted 10 cm is our choice of an ordinary parallel squat (shank lean about 35 deg).
KNEE_TRAVEL_RESTRICTED_M = 0.0
KNEE_TRAVEL_FREE_M = 0.10


def _knee_travel_poses(bp):
    body = poses.body_for(bp)
    loads = _bar_load(bp, KNEE_TRAVEL_BAR_FRACTION)
    travel = np.array([KNEE_TRAVEL_RESTRICTED_M, KNEE_TRAVEL_FREE_M])
    pose, res = poses.squat(body, _RAD(KNEE_TRAVEL_DEPTH_DEG), knee_travel_m=travel, loads=loads)
    return body, loads, pose, res


@register_experiment
def experiment_knee_travel(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Knee travel stopped at the toes versus free: knee and hip moments and the shift between them.

    Parallel squat (thigh 90 deg), high bar equal to body mass, balanced over the midfoot
    (the trunk lean is solved), knee travel 0 (restricted) versus 10 cm (unrestricted).

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``knee_moment_change``, ``hip_moment_change``,
        ``sum_moment_change`` (unrestricted over restricted, minus 1).
    """
    rows, numbers, key = [], {}, {}
    for bp in bodies:
        body, loads, pose, res = _knee_travel_poses(bp)
        k, h = res.knee.to(_NM).magnitude, res.hip.to(_NM).magnitude
        arm_k = res.moment_arms.knee.to("cm").magnitude
        arm_h = res.moment_arms.hip.to("cm").magnitude
        for i, cond in enumerate(("restricted (knee at toes)", "unrestricted")):
            rows.append({"body": bp.name, "condition": cond,
                         "knee travel": quantity(100 * float(res.knee_travel.magnitude[i]), "cm"),
                         "shank lean": quantity(math.degrees(float(pose.shank_rad[i])), "deg"),
                         "trunk lean": quantity(math.degrees(float(pose.trunk_rad[i])), "deg"),
                         "knee moment": quantity(float(k[i]), _NM), "hip moment": quantity(float(h[i]), _NM),
                         "knee moment arm": quantity(float(arm_k[i]), "cm"),
                         "hip moment arm": quantity(float(arm_h[i]), "cm")})
        n = {"knee_moment_change": _rel(k[1], k[0]), "hip_moment_change": _rel(h[1], h[0]),
             "sum_moment_change": _rel(k[1] + h[1], k[0] + h[0])}
        numbers[bp.name] = {a: float(b) for a, b in n.items()}
        key[bp.name] = 100 * n["knee_moment_change"]
    ref = bodies[0]

    def draw():
        body = poses.body_for(ref)
        loads = _bar_load(ref, KNEE_TRAVEL_BAR_FRACTION)
        travel = np.linspace(-0.04, 0.14, 19)
        _, res = poses.squat(body, _RAD(KNEE_TRAVEL_DEPTH_DEG), knee_travel_m=travel, loads=loads)
        fig, (ax,) = _figure(6.5, 3.6)
        ax.plot(100 * travel, res.knee.to(_NM).magnitude, "o-", label="knee (per leg)")
        ax.plot(100 * travel, res.hip.to(_NM).magnitude, "s-", label="hip (per leg)")
        ax.plot(100 * travel, (res.knee + res.hip).to(_NM).magnitude, "k--", lw=1, label="knee + hip")
        for x, lab in ((KNEE_TRAVEL_RESTRICTED_M, "restricted"), (KNEE_TRAVEL_FREE_M, "unrestricted")):
            ax.axvline(100 * x, color="grey", lw=0.8, ls=":")
            ax.text(100 * x, ax.get_ylim()[1] * 0.97, f" {lab}", fontsize=8, va="top")
        ax.set_xlabel("knee travel past the toes (cm)")
        ax.set_ylabel("net joint moment (N·m)")
        ax.set_title(f"Parallel squat, bar = body mass ({ref.name} body)", fontsize=10)
        ax.set_ylim(0, ax.get_ylim()[1] * 1.12)
        ax.legend(fontsize=8, loc="lower left", ncols=3)
        return fig

    return ExperimentResult(
        cue_id="knee-travel-quadriceps",
        inputs={"depth (thigh angle)": Q_(KNEE_TRAVEL_DEPTH_DEG, "deg"), "bar": "high bar, mass = body mass",
                "knee travel, restricted": Q_(100 * KNEE_TRAVEL_RESTRICTED_M, "cm"),
                "knee travel, unrestricted": Q_(100 * KNEE_TRAVEL_FREE_M, "cm"),
                "balance": "trunk lean solved so the centre of pressure is at the midfoot",
                "design after": "Fry, Smith & Schilling (2003), J Strength Cond Res 17(4):629-633"},
        rows=rows, numbers=numbers, key_label="knee moment change with knee travel", key_values=key,
        key_unit="%", figure=draw,
        caveats=("Static poses at the bottom; the lifts' speed is left out.",
                 "Restricting knee travel at the same depth forces a larger trunk lean: the hip and the "
                 "lower back take what the knee gives up, so the sum of knee and hip moments changes little.",
                 "The cue also names lunges, split squats and step-ups; the lunge experiment shows the same "
                 "knee-to-hip shift with the front shin's lean."),
    )


#: Weight-bearing lunge test, inclinometer at the tibial tuberosity: 39.0 +- 4.6 deg of tibial
#: inclination (mean +- SD, 50 healthy participants). PMID 28108266 (J Sci Med Sport 2017,
#: "Validity of clinical outcome measures to evaluate ankle range of motion during the
#: weight-bearing lunge test", abstract). The same abstract gives 27.0 +- 6.0 deg by 2D motion
#: capture and 10.3 +- 3.0 cm knee-to-wall distance.
WBLT_TIBIAL_INCLINATION_DEG = (39.0, 4.6)
#: Normal hip flexion used as the limit: about 120 deg (lower end of the 120-130 deg
#: passive range cited in biomech.pose after Soucie et al. 2011, Haemophilia 17:500-507).
HIP_FLEXION_NORMAL_DEG = 120.0


@register_experiment
def experiment_knee_travel_mobility(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Dorsiflexion (and hip flexion) a knee-travel squat needs, against published normal ranges.

    The same restricted and unrestricted parallel squats as :func:`experiment_knee_travel`;
    with the foot flat the ankle dorsiflexion equals the shank lean, which is what the
    weight-bearing lunge test measures with an inclinometer on the tibia.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``extra_dorsiflexion_deg``, ``dorsiflexion_margin_deg``
        (normal weight-bearing dorsiflexion minus what the unrestricted squat needs).
    """
    norm, sd = WBLT_TIBIAL_INCLINATION_DEG
    rows, numbers, key = [], {}, {}
    for bp in bodies:
        body, loads, pose, res = _knee_travel_poses(bp)
        df = np.degrees(pose.shank_rad - pose.foot_rad)
        hip = np.degrees(pose.thigh_rad + pose.trunk_rad)
        extra = float(df[1] - df[0])
        margin = float(norm - df[1])
        numbers[bp.name] = {"extra_dorsiflexion_deg": extra, "dorsiflexion_margin_deg": margin}
        key[bp.name] = float(df[1])
        for i, cond in enumerate(("restricted", "unrestricted")):
            rows.append({"body": bp.name, "condition": cond, "dorsiflexion needed": quantity(float(df[i]), "deg"),
                         "hip flexion needed": quantity(float(hip[i]), "deg"),
                         "margin to normal dorsiflexion": quantity(float(norm - df[i]), "deg"),
                         "margin to normal hip flexion": quantity(float(HIP_FLEXION_NORMAL_DEG - hip[i]), "deg")})
    ref = bodies[0]

    def draw():
        body = poses.body_for(ref)
        travel = np.linspace(-0.04, 0.16, 21)
        fig, (ax,) = _figure(6.5, 3.6)
        for depth in (60.0, 90.0, 110.0):
            s = poses.knee_travel_shank(body, travel)
            ax.plot(100 * travel, np.degrees(s), label=f"thigh {depth:g} deg")
        ax.axhspan(norm - sd, norm + sd, color="C2", alpha=0.2, label="lunge-test norm, mean ± SD")
        ax.axhline(norm, color="C2", lw=1)
        ax.set_xlabel("knee travel past the toes (cm)")
        ax.set_ylabel("ankle dorsiflexion needed (deg)")
        ax.set_title("Flat feet: dorsiflexion is set by knee travel alone", fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return ExperimentResult(
        cue_id="knee-travel-needs-mobility",
        inputs={"squats": "as in knee-travel-quadriceps (parallel, bar = body mass, 0 and 10 cm knee travel)",
                "normal weight-bearing dorsiflexion": f"{norm} ± {sd} deg (lunge test, PMID 28108266)",
                "normal hip flexion": Q_(HIP_FLEXION_NORMAL_DEG, "deg")},
        rows=rows, numbers=numbers, key_label="dorsiflexion needed, unrestricted squat", key_values=key,
        key_unit="deg", figure=draw,
        caveats=("With the feet flat the dorsiflexion depends only on knee travel and shank length, not on "
                 "depth: the lines for different depths coincide.",
                 "Passive goniometer norms (Soucie et al. 2011) are lower than weight-bearing lunge values; "
                 "the weight-bearing value is the fair comparison for a loaded squat.",
                 "Keeping the spine neutral depends on pelvic tilt, which this model does not separate from "
                 "hip flexion."),
    )


# ================================================================ heel elevation

#: Heel wedges, m (25 and 50 mm after Monteiro et al. 2022, Human Movement 23(2):97-103).
HEEL_WEDGES_M = (0.0, 0.025, 0.050)
#: Ankle dorsiflexion held fixed across wedges: the lifter's limit, deg (about the natural
#: parallel squat's shank lean, biomech.cues.poses.natural_shank at 90 deg).
HEEL_DORSIFLEXION_DEG = 35.0


@register_experiment
def experiment_heel_elevation(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Heels on a wedge at the same ankle dorsiflexion: how far the knees travel and the knee moment.

    Parallel squat, bar 0.8 x body mass, dorsiflexion held at 35 deg (the ankle's limit),
    heel raised 0, 25 and 50 mm (foot angle asin(height / heel-to-ball length)).

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``knee_travel_change_m``, ``knee_moment_change`` (25 mm versus flat).
    """
    rows, numbers, key, curves = [], {}, {}, {}
    for bp in bodies:
        body = poses.body_for(bp)
        loads = _bar_load(bp, 0.8)
        foot = np.arcsin(np.array(HEEL_WEDGES_M) / body.foot_geometry.ball_x)
        shank = _RAD(HEEL_DORSIFLEXION_DEG) + foot
        pose, res = poses.balanced_pose(body, {"foot": foot, "shank": shank, "thigh": _RAD(90.0)}, loads,
                                        branch=0.5)
        kt = res.knee_travel.to("m").magnitude
        k = res.knee.to(_NM).magnitude
        h = res.hip.to(_NM).magnitude
        curves[bp.name] = (kt, k, h)
        for i, w in enumerate(HEEL_WEDGES_M):
            rows.append({"body": bp.name, "heel wedge": quantity(1000 * w, "mm"),
                         "foot angle": quantity(math.degrees(float(foot[i])), "deg"),
                         "knee travel": quantity(100 * float(kt[i]), "cm"),
                         "trunk lean": quantity(math.degrees(float(pose.trunk_rad[i])), "deg"),
                         "knee moment": quantity(float(k[i]), _NM), "hip moment": quantity(float(h[i]), _NM)})
        numbers[bp.name] = {"knee_travel_change_m": float(kt[1] - kt[0]), "knee_moment_change": _rel(k[1], k[0])}
        key[bp.name] = 100 * _rel(k[1], k[0])

    def draw():
        fig, (a1, a2) = _figure(8.5, 3.4, 2)
        wedges = 1000 * np.array(HEEL_WEDGES_M)
        for name, (kt, k, h) in curves.items():
            a1.plot(wedges, 100 * kt, "o-", label=name)
            a2.plot(wedges, k, "o-", label=name)
        a1.set_xlabel("heel wedge (mm)"); a1.set_ylabel("knee travel past the toes (cm)")
        a2.set_xlabel("heel wedge (mm)"); a2.set_ylabel("knee moment per leg (N·m)")
        a1.set_title(f"Same dorsiflexion ({HEEL_DORSIFLEXION_DEG:g} deg), parallel", fontsize=10)
        a2.set_title("Bar 0.8 x body mass", fontsize=10)
        a2.legend(fontsize=7)
        return fig

    return ExperimentResult(
        cue_id="heel-elevated-squat",
        inputs={"depth (thigh angle)": Q_(90.0, "deg"), "bar": "high bar, 0.8 x body mass",
                "ankle dorsiflexion (held)": Q_(HEEL_DORSIFLEXION_DEG, "deg"),
                "heel wedges": ", ".join(f"{1000 * w:g} mm" for w in HEEL_WEDGES_M)},
        rows=rows, numbers=numbers, key_label="knee moment change, 25 mm wedge", key_values=key, key_unit="%",
        figure=draw,
        caveats=("The wedge helps only a lifter whose dorsiflexion is the limit; at the same shank lean a wedge "
                 "changes nothing at the knee.",
                 "Lu et al. (2022) report higher knee moments with heel-lift insoles in men; values not read."),
    )


# ================================================================ stance width / toe-out

#: Toes turned out, deg (Escamilla et al. 2001, Med Sci Sports Exerc 33(9): feet straight versus
#: turned out 30 deg). The knees track over the toes, so each leg moves in a plane turned this much.
TOE_OUT_DEG = 30.0


def _projected_body_and_pose(body, shank, thigh, toe_out):
    """Sagittal projection of legs moving in planes turned ``toe_out`` (rad) from forward."""
    import dataclasses

    from ..body import FootGeometry, Segment
    c = math.cos(toe_out)

    def proj(L, q):
        return L * math.sqrt(math.cos(q) ** 2 + (math.sin(q) * c) ** 2), math.atan2(math.sin(q) * c, math.cos(q))

    Ls, s2 = proj(body.shank.length_m, shank)
    Lt, t2 = proj(body.thigh.length_m, thigh)
    fg = body.foot_geometry
    pb = dataclasses.replace(
        body, shank=Segment.from_si(Ls, body.shank.mass_kg, body.shank.com, body.shank.gyration),
        thigh=Segment.from_si(Lt, body.thigh.mass_kg, body.thigh.com, body.thigh.gyration),
        foot_geometry=FootGeometry(fg.ball_x * c, fg.toe_x * c, fg.ankle_x * c, fg.ankle_y))
    return pb, s2, t2


@register_experiment
def experiment_stance_width_toe_out(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Toes out with the knees over the toes, seen in the sagittal plane.

    Each leg bends in a vertical plane turned 30 deg out; in its own plane it has the
    angles of the toes-forward parallel squat (same depth, same hip height). The sagittal
    model sees the legs' projection: shorter forward reaches of shank, thigh and foot. The
    trunk lean is solved for balance over the (projected) midfoot; bar 0.8 x body mass.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``hip_share_change`` (hip / (hip + knee), absolute change) and
        ``knee_moment_change`` (fraction), toes out versus forward.
    """
    rows, numbers, key, angle_curves = [], {}, {}, {}
    s, t = _RAD(HEEL_DORSIFLEXION_DEG), _RAD(90.0)
    for bp in bodies:
        body = poses.body_for(bp)
        loads = _bar_load(bp, 0.8)
        out = {}
        for beta in (0.0, TOE_OUT_DEG):
            pb, s2, t2 = _projected_body_and_pose(body, s, t, _RAD(beta))
            pose, res = poses.balanced_pose(pb, {"shank": s2, "thigh": t2}, loads, branch=0.5)
            m = _moments(res)
            share = m["hip"] / (m["hip"] + m["knee"])
            out[beta] = (m, share)
            rows.append({"body": bp.name, "toes out": quantity(beta, "deg"),
                         "projected shank lean": quantity(math.degrees(s2), "deg"),
                         "trunk lean": quantity(math.degrees(float(pose.trunk_rad)), "deg"),
                         "knee moment": quantity(m["knee"], _NM), "hip moment": quantity(m["hip"], _NM),
                         "hip share of hip + knee": quantity(100 * share, "percent")})
        (m0, s0), (m1, s1) = out[0.0], out[TOE_OUT_DEG]
        numbers[bp.name] = {"hip_share_change": s1 - s0, "knee_moment_change": _rel(m1["knee"], m0["knee"])}
        key[bp.name] = 100 * (s1 - s0)
    ref = bodies[0]

    def draw():
        body = poses.body_for(ref)
        loads = _bar_load(ref, 0.8)
        betas = np.linspace(0, 45, 10)
        k, h = [], []
        for beta in betas:
            pb, s2, t2 = _projected_body_and_pose(body, s, t, _RAD(beta))
            _, res = poses.balanced_pose(pb, {"shank": s2, "thigh": t2}, loads, branch=0.5)
            m = _moments(res)
            k.append(m["knee"]); h.append(m["hip"])
        fig, (ax,) = _figure(6.5, 3.5)
        ax.plot(betas, k, "o-", label="knee (sagittal projection)")
        ax.plot(betas, h, "s-", label="hip (sagittal projection)")
        ax.set_xlabel("toes out, knees over the toes (deg)")
        ax.set_ylabel("moment about the side-to-side axis (N·m)")
        ax.set_title(f"Parallel squat, bar 0.8 x body mass ({ref.name})", fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return ExperimentResult(
        cue_id="stance-width-toes-out",
        inputs={"depth": f"thigh 90 deg and shank {HEEL_DORSIFLEXION_DEG:g} deg in each leg's own plane",
                "toes out": f"0 versus {TOE_OUT_DEG:g} deg, knees tracking the toes",
                "bar": "high bar, 0.8 x body mass"},
        rows=rows, numbers=numbers, key_label="hip share change with toes out", key_values=key,
        key_unit="points", figure=draw,
        caveats=("What the sagittal model cannot conclude: with the femur turned out, part of the hip moment "
                 "acts about the hip's abduction and rotation axes, which is where the glutes' abduction and "
                 "external-rotation work lies; the model sees only the moment about the side-to-side axis. "
                 "It cannot say that the glutes (rather than the adductors or hamstrings) take the shift.",
                 "Stance width itself (the legs spread in the frontal plane) is not represented; only the "
                 "turn of the legs' planes is.",
                 "Escamilla et al. (2001) found no differences between feet straight and turned out 30 deg "
                 "in squats and leg presses (knee forces and EMG)."),
    )


# ================================================================ depth, holds, pulses

SQUAT_DEPTHS_DEG = {"quarter": 30.0, "half": 45.0, "parallel": 90.0, "deep": 115.0}


@register_experiment
def experiment_squat_depth(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Knee moment by depth (bodyweight and with a bar), and the bottom hold against the rep's peak.

    Balanced squats along the natural path (shank lean 0.4 x thigh angle levelling off at 38 deg),
    thigh angle 30, 45, 90 and 115 deg; bar 0.8 x body mass, or bodyweight alone.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``depth_ratio`` (knee moment deep over half depth, with the bar)
        and ``bottom_peak_fraction`` (knee moment in the bottom of a deep squat over the peak
        along the rep path).
    """
    rows, numbers, key, curves = [], {}, {}, {}
    th = np.radians(list(SQUAT_DEPTHS_DEG.values()))
    for bp in bodies:
        body = poses.body_for(bp)
        for label, loads in (("bar 0.8 x body mass", _bar_load(bp, 0.8)), ("bodyweight", [])):
            pose, res = poses.squat(body, th, loads=loads)
            k = res.knee.to(_NM).magnitude
            for i, name in enumerate(SQUAT_DEPTHS_DEG):
                rows.append({"body": bp.name, "load": label, "depth": name,
                             "thigh angle": quantity(float(np.degrees(th[i])), "deg"),
                             "knee flexion": quantity(float(np.degrees(pose.shank_rad[i] + pose.thigh_rad[i])), "deg"),
                             "knee moment": quantity(float(k[i]), _NM),
                             "hip moment": quantity(float(res.hip.to(_NM).magnitude[i]), _NM)})
            if loads:
                f = np.linspace(0.0, 1.0, 41)
                path_pose = poses.squat_path(body, th[-1], loads)(f)
                kp = statics.joint_moments(body, path_pose, loads).knee.to(_NM).magnitude
                curves[bp.name] = (np.degrees(path_pose.thigh_rad), kp)
                idx = list(SQUAT_DEPTHS_DEG).index
                numbers[bp.name] = {"depth_ratio": float(k[idx("deep")] / k[idx("half")]),
                                    "bottom_peak_fraction": float(kp[-1] / np.nanmax(kp))}
                key[bp.name] = float(k[idx("deep")] / k[idx("half")])

    def draw():
        fig, (ax,) = _figure(6.5, 3.5)
        for name, (thigh, kp) in curves.items():
            ax.plot(thigh, kp, label=name)
        ax.set_xlabel("depth: thigh angle (deg; 90 = parallel)")
        ax.set_ylabel("knee moment per leg (N·m)")
        ax.set_title("Knee moment down the rep, bar 0.8 x body mass", fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return ExperimentResult(
        cue_id="squats-build-quads",
        inputs={"depths (thigh angle)": ", ".join(f"{k} {v:g} deg" for k, v in SQUAT_DEPTHS_DEG.items()),
                "path": "shank lean 0.4 x thigh angle levelling off at 38 deg; trunk balanced over the midfoot",
                "loads": "high bar 0.8 x body mass; bodyweight"},
        rows=rows, numbers=numbers, key_label="knee moment, deep over half squat", key_values=key, figure=draw,
        caveats=("A static model shows the knee's demand rising with depth; whether that builds the quadriceps "
                 "better is physiology (the muscles also work at longer lengths when deep).",
                 "A hold at the bottom keeps the largest moment for its whole duration (see the tempo cue)."),
    )


#: Pulse squats: reps between half and full depth (biomech.tempo.PULSE_RANGE), 1-0-1 tempo.
PULSE_BOTTOM_THIGH_DEG = 100.0
PULSE_RATE_HZ = 100.0


@register_experiment
def experiment_pulse_squat(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Pulse squats (never locking out) against full reps: knee moment at lockout and time under load.

    Static: the knee moment standing tall over the least knee moment in the pulse range
    (the bottom half of a squat to thigh 100 deg). Dynamic: five 1-0-1 pulse reps against
    three full 2-0-1 reps (bar 0.8 x body mass), inverse dynamics over the tempo-driven
    motion, time with the knee moment above half of its static value at the bottom.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``lockout_fraction``.
    """
    rows, numbers, key, traces = [], {}, {}, {}
    for bp in bodies:
        body = poses.body_for(bp)
        loads = _bar_load(bp, 0.8)
        path = poses.squat_path(body, _RAD(PULSE_BOTTOM_THIGH_DEG), loads)
        f = np.linspace(0.0, 1.0, 41)
        kp = statics.joint_moments(body, path(f), loads).knee.to(_NM).magnitude
        pulse_min = float(np.min(kp[f >= 0.5]))
        lock = float(kp[0])
        numbers[bp.name] = {"lockout_fraction": lock / pulse_min}
        key[bp.name] = lock / pulse_min
        thr = 0.5 * float(kp[-1])
        for label, tempo, reps, pulse in (("pulse, 1-0-1 x 5", "1-0-1", 5, True),
                                          ("full, 2-0-1 x 3", "2-0-1", 3, False)):
            motion = rep_motion(path, tempo, reps, pulse=pulse, rate=Q_(PULSE_RATE_HZ, "Hz"))
            dyn = inverse_dynamics(body, motion, loads)
            t = motion.time_s
            s = summarize_joint(Q_(t, "s"), dyn.knee, threshold=Q_(thr, _NM))
            if bp is bodies[0]:
                traces[label] = (t, dyn.knee.to(_NM).magnitude)
            rows.append({"body": bp.name, "set": label, "set duration": quantity(float(t[-1]), "s"),
                         "least knee moment": quantity(float(np.min(dyn.knee.to(_NM).magnitude)), _NM),
                         "time above half the bottom moment": s.time_above.to("s"),
                         "share of the set above it": quantity(100 * _f(s.time_above) / float(t[-1]), "percent"),
                         "knee extensor impulse": s.extensor_impulse.to("N*m*s")})
        rows.append({"body": bp.name, "set": "static path",
                     "knee moment standing tall": quantity(lock, _NM),
                     "least knee moment in the pulse range": quantity(pulse_min, _NM)})
    ref = bodies[0]

    def draw():
        fig, (ax,) = _figure(7.5, 3.4)
        for label, (t, k) in traces.items():
            ax.plot(t, k, label=label)
        ax.axhline(0, color="k", lw=0.6)
        ax.set_xlabel("time (s)")
        ax.set_ylabel("knee moment per leg (N·m)")
        ax.set_title(f"Inverse dynamics over tempo-driven reps ({ref.name} body)", fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return ExperimentResult(
        cue_id="pulse-squats-tension",
        inputs={"bottom (thigh angle)": Q_(PULSE_BOTTOM_THIGH_DEG, "deg"), "pulse range": "half to full depth",
                "bar": "high bar, 0.8 x body mass", "tempos": "pulse 1-0-1 x 5; full 2-0-1 x 3",
                "sampling": Q_(PULSE_RATE_HZ, "Hz")},
        rows=rows, numbers=numbers, key_label="lockout / least pulse-range knee moment", key_values=key,
        figure=draw,
        caveats=("Standing tall the knee moment is near zero or a small flexor (hyperextension) demand held by "
                 "ligaments: the quadriceps rest there.",
                 "Whether continuous tension adds growth beyond the work done is physiology."),
    )


# ================================================================ lunges

#: Lunge patterns (modelling choices): front thigh 85 deg; step length in leg lengths
#: (shank + thigh), front shank lean and trunk lean.
LUNGE_PATTERNS = {
    "quadriceps-dominant": {"step_legs": 0.80, "shank_deg": 30.0, "trunk_deg": 10.0},
    "glute-dominant": {"step_legs": 1.14, "shank_deg": 5.0, "trunk_deg": 35.0},
}
LUNGE_THIGH_DEG = 85.0


def _lunge(bp, pattern, loads):
    body = poses.body_for(bp)
    p = LUNGE_PATTERNS[pattern]
    leg = body.thigh.length_m + body.shank.length_m
    return poses.lunge(body, front_shank_rad=_RAD(p["shank_deg"]), front_thigh_rad=_RAD(LUNGE_THIGH_DEG),
                       trunk_rad=_RAD(p["trunk_deg"]), step_m=p["step_legs"] * leg, loads=loads)


@register_experiment
def experiment_lunge_patterns(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Quadriceps- versus glute-dominant lunge: short step, shin forward, upright trunk against a long
    step, vertical shin and a forward lean; front-leg knee and hip moments.

    Dumbbells of 0.25 x body mass in each hand; the front foot's share of the ground
    reaction is solved so its centre of pressure lies at the midfoot.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``knee_hip_ratio_quad``, ``knee_hip_ratio_glute``.
    """
    rows, numbers, key, bars = [], {}, {}, {}
    for bp in bodies:
        loads = [HandLoad(Q_(0.5 * _f(bp.mass.to("kg")), "kg"))]
        ratios = {}
        for pattern in LUNGE_PATTERNS:
            pose, res, info = _lunge(bp, pattern, loads)
            fm, rm = _moments(res, "front"), _moments(res, "rear")
            ratios[pattern] = fm["knee"] / fm["hip"]
            if bp is bodies[0]:
                bars[pattern] = (fm, rm)
            rows.append({"body": bp.name, "pattern": pattern, "step": quantity(100 * info["step_m"], "cm"),
                         "front share": quantity(100 * info["front_share"], "percent"),
                         "front knee travel": quantity(100 * _f(res.knee_travel), "cm"),
                         "front knee": quantity(fm["knee"], _NM), "front hip": quantity(fm["hip"], _NM),
                         "front ankle": quantity(fm["ankle"], _NM), "rear knee": quantity(rm["knee"], _NM),
                         "rear hip": quantity(rm["hip"], _NM)})
        numbers[bp.name] = {"knee_hip_ratio_quad": ratios["quadriceps-dominant"],
                            "knee_hip_ratio_glute": ratios["glute-dominant"]}
        key[bp.name] = ratios["quadriceps-dominant"] - ratios["glute-dominant"]
    ref = bodies[0]

    def draw():
        fig, (ax,) = _figure(7.5, 3.4)
        labels = ["front ankle", "front knee", "front hip", "rear knee", "rear hip"]
        x = np.arange(len(labels))
        for i, (pattern, (fm, rm)) in enumerate(bars.items()):
            vals = [fm["ankle"], fm["knee"], fm["hip"], rm["knee"], rm["hip"]]
            ax.bar(x + (i - 0.5) * 0.38, vals, width=0.38, label=pattern)
        ax.axhline(0, color="k", lw=0.6)
        ax.set_xticks(x, labels)
        ax.set_ylabel("net joint moment (N·m)")
        ax.set_title(f"Lunge patterns, dumbbells 0.5 x body mass ({ref.name} body)", fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return ExperimentResult(
        cue_id="lunge-quad-vs-glute-pattern",
        inputs={**{p: f"step {v['step_legs']:g} leg lengths, front shank {v['shank_deg']:g} deg, trunk "
                      f"{v['trunk_deg']:g} deg" for p, v in LUNGE_PATTERNS.items()},
                "front thigh": Q_(LUNGE_THIGH_DEG, "deg"), "load": "dumbbells, 0.5 x body mass in all",
                "rear foot": "on the ball, heel raised 50 deg"},
        rows=rows, numbers=numbers, key_label="knee/hip ratio, quad minus glute pattern", key_values=key,
        figure=draw,
        caveats=("The split of body weight between the feet follows from balance; a lifter who pushes more "
                 "through the rear foot changes both legs' moments.",
                 "A negative front-knee moment in the glute pattern means a small knee-flexor demand: the "
                 "vertical shin puts the knee behind the line of the ground reaction."),
    )


# ================================================================ leg press

#: Leg press (modelling choices): depth as hip-to-ankle distance along the sled in leg lengths;
#: foot placement across the sled in leg lengths (positive = higher on the platform).
LEG_PRESS_DEPTH_LEGS = 0.62
LEG_PRESS_FEET = {"low": -0.06, "high": 0.23}
LEG_PRESS_SLED_BODY_MASSES = 2.0


def _leg_press(bp, depth_legs, feet_legs):
    body = poses.body_for(bp)
    leg = body.thigh.length_m + body.shank.length_m
    return poses.leg_press(body, hip_to_platform_m=depth_legs * leg, foot_offset_m=feet_legs * leg,
                           sled_mass_kg=LEG_PRESS_SLED_BODY_MASSES * body.mass_kg)


@register_experiment
def experiment_leg_press_feet(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Feet low versus high on a 45-degree leg press platform, at the same sled position and load.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``knee_moment_change``, ``hip_moment_change`` (feet low over high, minus 1).
    """
    rows, numbers, key = [], {}, {}
    for bp in bodies:
        m = {}
        for where, off in LEG_PRESS_FEET.items():
            pose, res, info = _leg_press(bp, LEG_PRESS_DEPTH_LEGS, off)
            m[where] = _moments(res)
            rows.append({"body": bp.name, "feet": where, "knee flexion": quantity(info["knee_flexion_deg"], "deg"),
                         "hip flexion": quantity(info["hip_flexion_deg"], "deg"),
                         "ankle dorsiflexion": quantity(math.degrees(float(pose.shank_rad - pose.foot_rad)) - 360.0
                                                        if pose.shank_rad - pose.foot_rad > math.pi else
                                                        math.degrees(float(pose.shank_rad - pose.foot_rad)), "deg"),
                         "ankle moment": quantity(m[where]["ankle"], _NM), "knee moment": quantity(m[where]["knee"], _NM),
                         "hip moment": quantity(m[where]["hip"], _NM)})
        numbers[bp.name] = {"knee_moment_change": _rel(m["low"]["knee"], m["high"]["knee"]),
                            "hip_moment_change": _rel(m["low"]["hip"], m["high"]["hip"])}
        key[bp.name] = 100 * numbers[bp.name]["knee_moment_change"]
    ref = bodies[0]

    def draw():
        offs = np.linspace(-0.08, 0.26, 12)
        k, h = [], []
        for o in offs:
            _, res, _ = _leg_press(ref, LEG_PRESS_DEPTH_LEGS, o)
            m = _moments(res)
            k.append(m["knee"]); h.append(m["hip"])
        fig, (ax,) = _figure(6.5, 3.5)
        ax.plot(offs, k, "o-", label="knee (per leg)")
        ax.plot(offs, h, "s-", label="hip (per leg)")
        for where, o in LEG_PRESS_FEET.items():
            ax.axvline(o, color="grey", ls=":", lw=0.8)
            ax.text(o, max(max(k), max(h)), f" {where}", fontsize=8, va="top")
        ax.set_xlabel("foot position up the platform (leg lengths)")
        ax.set_ylabel("net joint moment (N·m)")
        ax.set_title(f"45-deg leg press, sled 2 x body mass, same sled position ({ref.name})", fontsize=10)
        ax.legend(fontsize=8, loc="center left")
        return fig

    return ExperimentResult(
        cue_id="leg-press-feet-low",
        inputs={"sled": "45 deg, mass 2 x body mass, friction left out; force at the midfoot",
                "backrest": "trunk 60 deg behind vertical",
                "sled position": f"hip to ankle {LEG_PRESS_DEPTH_LEGS:g} leg lengths along the sled",
                "feet": ", ".join(f"{k} {v:+g} leg lengths up the platform" for k, v in LEG_PRESS_FEET.items())},
        rows=rows, numbers=numbers, key_label="knee moment change, feet low vs high", key_values=key,
        key_unit="%", figure=draw,
        caveats=("At the same sled position, feet low also means a more flexed knee and a more dorsiflexed ankle.",
                 "Escamilla et al. (2001) measured no differences in knee forces between high and low feet; "
                 "Harandi et al. (2013, model) found smaller knee-extensor forces with the feet high."),
    )


#: Leg press range: deepest sled position of the full range and of a partial range, leg lengths.
LEG_PRESS_FULL_LEGS = 0.50
LEG_PRESS_PARTIAL_LEGS = 0.80
LEG_PRESS_TOP_LEGS = 0.95


@register_experiment
def experiment_leg_press_rom(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Full versus partial leg press range: peak knee moment, and the hip flexion the full range needs.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``knee_moment_gain`` (peak knee moment, full over partial range,
        minus 1) and ``hip_flexion_margin_deg`` (normal hip flexion, 120 deg, minus the full
        range's).
    """
    rows, numbers, key, curves = [], {}, {}, {}
    feet = 0.5 * (LEG_PRESS_FEET["low"] + LEG_PRESS_FEET["high"])
    for bp in bodies:
        depths = np.linspace(LEG_PRESS_FULL_LEGS, LEG_PRESS_TOP_LEGS, 10)
        k, kf, hf = [], [], []
        for d in depths:
            _, res, info = _leg_press(bp, d, feet)
            k.append(_moments(res)["knee"]); kf.append(info["knee_flexion_deg"]); hf.append(info["hip_flexion_deg"])
        k, kf, hf = map(np.array, (k, kf, hf))
        curves[bp.name] = (kf, k)
        partial = depths >= LEG_PRESS_PARTIAL_LEGS - 1e-9
        _, res_p, info_p = _leg_press(bp, LEG_PRESS_PARTIAL_LEGS, feet)
        peak_partial = max(float(np.max(k[partial])), _moments(res_p)["knee"])
        gain = float(np.max(k)) / peak_partial - 1
        margin = HIP_FLEXION_NORMAL_DEG - float(hf[0])
        numbers[bp.name] = {"knee_moment_gain": gain, "hip_flexion_margin_deg": margin}
        key[bp.name] = 100 * gain
        rows.append({"body": bp.name, "range": "full", "bottom knee flexion": quantity(float(kf[0]), "deg"),
                     "bottom hip flexion": quantity(float(hf[0]), "deg"),
                     "peak knee moment": quantity(float(np.max(k)), _NM)})
        rows.append({"body": bp.name, "range": "partial", "bottom knee flexion": quantity(info_p["knee_flexion_deg"], "deg"),
                     "bottom hip flexion": quantity(info_p["hip_flexion_deg"], "deg"),
                     "peak knee moment": quantity(peak_partial, _NM)})

    def draw():
        fig, (ax,) = _figure(6.5, 3.5)
        for name, (kf, k) in curves.items():
            ax.plot(kf, k, "o-", ms=3, label=name)
        ax.set_xlabel("knee flexion (deg)")
        ax.set_ylabel("knee moment per leg (N·m)")
        ax.set_title("45-deg leg press, sled 2 x body mass, feet mid-platform", fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return ExperimentResult(
        cue_id="leg-press-active-rom",
        inputs={"full range bottom": f"hip to ankle {LEG_PRESS_FULL_LEGS:g} leg lengths",
                "partial range bottom": f"hip to ankle {LEG_PRESS_PARTIAL_LEGS:g} leg lengths",
                "normal hip flexion": Q_(HIP_FLEXION_NORMAL_DEG, "deg"),
                "sled": "45 deg, 2 x body mass"},
        rows=rows, numbers=numbers, key_label="peak knee moment gain, full range", key_values=key, key_unit="%",
        figure=draw,
        caveats=("Past the hip's flexion range the pelvis tucks under (posterior tilt), which this model does "
                 "not separate from hip flexion; that is what the one-leg knee-to-chest check guards against.",),
    )


# ================================================================ leg extension

LEG_EXTENSION_PAD_BODY_WEIGHTS = 0.35


@register_experiment
def experiment_leg_extension_lockout(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Knee moment and quadriceps force against knee angle on a leg extension.

    Seated (support at the pelvis), thigh horizontal, a pad at 85 % of the shank pushing at
    right angles to the shin with a constant force of 0.35 x body weight (both legs); knee
    flexion 90 to 0 deg. The quadriceps force is the knee moment over the effective
    quadriceps moment arm of :mod:`biomech.muscles` (patellar tendon arm over the
    quadriceps-to-tendon force ratio).

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``lockout_peak_fraction``.
    """
    rows, numbers, key, curves = [], {}, {}, {}
    knee = np.radians(np.arange(90.0, -1.0, -10.0))
    for bp in bodies:
        body = poses.body_for(bp)
        F = LEG_EXTENSION_PAD_BODY_WEIGHTS * body.mass_kg * 9.80665
        _, _, k = poses.leg_extension(body, knee, pad_force_n=F)
        arm = np.asarray(QUADRICEPS_EFFECTIVE(knee), float)
        quad = k / arm
        curves[bp.name] = (np.degrees(knee), k, quad)
        numbers[bp.name] = {"lockout_peak_fraction": float(k[-1] / np.max(k))}
        key[bp.name] = float(k[-1] / np.max(k))
        for i in (0, 3, 6, len(knee) - 1):
            rows.append({"body": bp.name, "knee flexion": quantity(float(np.degrees(knee[i])), "deg"),
                         "knee moment": quantity(float(k[i]), _NM),
                         "effective quadriceps moment arm": quantity(1000 * float(arm[i]), "mm"),
                         "quadriceps force": quantity(float(quad[i]), "N")})
    ref = bodies[0]

    def draw():
        fig, (a1, a2) = _figure(8.5, 3.4, 2)
        kd, k, q = curves[ref.name]
        a1.plot(kd, k, "o-")
        a1.set_xlabel("knee flexion (deg; 0 = locked out)"); a1.set_ylabel("knee moment per leg (N·m)")
        a1.invert_xaxis()
        a2.plot(kd, q, "s-", color="C1")
        a2.set_xlabel("knee flexion (deg)"); a2.set_ylabel("quadriceps force per leg (N)")
        a2.invert_xaxis()
        a1.set_title("Pad force at right angles to the shin", fontsize=10)
        a2.set_title(f"Moment / effective moment arm ({ref.name})", fontsize=10)
        return fig

    return ExperimentResult(
        cue_id="leg-extension-light-no-lockout",
        inputs={"pad force": f"{LEG_EXTENSION_PAD_BODY_WEIGHTS:g} x body weight, both legs, at right angles to the shin",
                "pad position": "85 % of the shank length from the knee", "seat": "thigh horizontal, trunk 10 deg back",
                "knee flexion": "90 to 0 deg"},
        rows=rows, numbers=numbers, key_label="knee moment at lockout / peak", key_values=key, figure=draw,
        caveats=("A constant pad force is a cam machine's ideal; plate-loaded machines change the force with angle.",
                 "The knee moment peaks at lockout, but the quadriceps force does not: the effective quadriceps "
                 "moment arm is longest near extension, so the muscle force is largest in the bent range.",
                 "The verdict concerns where the demand is highest; whether a forceful lockout is risky is outside "
                 "the model, as is the light-to-moderate load advice."),
    )


# ================================================================ hinges and back extensions

RDL_HAND_LOAD_BODY_MASSES = 0.75
#: Bottom of the RDL (trunk lean, deg): a long trunk on a short femur cannot balance a deeper
#: hinge with the knees this soft.
RDL_BOTTOM_TRUNK_DEG = 60.0


def _rdl(bp, f):
    body = poses.body_for(bp)
    loads = [HandLoad(Q_(RDL_HAND_LOAD_BODY_MASSES * body.mass_kg, "kg"))]
    pose = poses.romanian_deadlift_path(body, loads, bottom_trunk_deg=RDL_BOTTOM_TRUNK_DEG)(f)
    return body, loads, pose, statics.joint_moments(body, pose, loads)


@register_experiment
def experiment_top_squeeze_hip_moment(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """The hip-extensor moment at the top of an RDL and of a back extension, against the rep's peak.

    RDL: bar in the hands (0.75 x body mass), shank 8 deg, trunk 0 to 60 deg, hips
    balanced over the midfoot. Back extension: bodyweight on a 45-deg bench and on a
    horizontal one (support at the thighs), hip flexion 90 deg at the bottom to 0 at the top.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``rdl_top_fraction``, ``back_extension_top_fraction`` (45-deg bench).
    """
    f = np.linspace(0.0, 1.0, 21)
    rows, numbers, key, curves = [], {}, {}, {}
    for bp in bodies:
        body, loads, pose, res = _rdl(bp, f)
        h = res.hip.to(_NM).magnitude
        out = {"RDL": (np.degrees(pose.thigh_rad + pose.trunk_rad), h)}
        for bench in (45.0, 0.0):
            bpose = poses.back_extension_path(bench)(f)
            bh = statics.joint_moments(body, bpose, support="thighs").hip.to(_NM).magnitude
            out[f"back extension, {bench:g}-deg bench"] = (np.degrees(bpose.thigh_rad + bpose.trunk_rad), bh)
        curves[bp.name] = out
        fr = {name: float(v[1][0] / np.max(v[1])) for name, v in out.items()}
        numbers[bp.name] = {"rdl_top_fraction": fr["RDL"],
                            "back_extension_top_fraction": fr["back extension, 45-deg bench"]}
        key[bp.name] = 100 * fr["back extension, 45-deg bench"]
        for name, (hip, hm) in out.items():
            rows.append({"body": bp.name, "lift": name, "hip moment at the top": quantity(float(hm[0]), _NM),
                         "peak hip moment": quantity(float(np.max(hm)), _NM),
                         "hip flexion at the peak": quantity(float(hip[np.argmax(hm)]), "deg"),
                         "top / peak": quantity(100 * fr[name], "percent")})
    ref = bodies[0]

    def draw():
        fig, (ax,) = _figure(6.5, 3.5)
        for name, (hip, hm) in curves[ref.name].items():
            ax.plot(hip, hm, label=name)
        ax.set_xlabel("hip flexion (deg; 0 = top)")
        ax.set_ylabel("hip moment (N·m; per leg, RDL)")
        ax.set_title(f"Hip-extensor moment through the rep ({ref.name})", fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return ExperimentResult(
        cue_id="glute-squeeze-at-top",
        inputs={"RDL": "bar 0.75 x body mass in the hands, shank 8 deg, trunk 0-60 deg",
                "back extension": "bodyweight, arms folded on the chest, 45-deg and horizontal benches"},
        rows=rows, numbers=numbers, key_label="45-deg back extension top / peak hip moment (RDL: 0 %)",
        key_values=key, key_unit="%", figure=draw,
        caveats=("At the top of an RDL the load hangs under the hips: a squeeze there is voluntary "
                 "co-contraction, which a torque model cannot size.",
                 "On a 45-deg bench the top still holds about 70 % of the peak; on a horizontal bench the top is "
                 "the peak."),
    )


LEG_CURL_PAD_BODY_WEIGHTS = 0.30


@register_experiment
def experiment_hamstrings_two_joints(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Hamstrings' share of the hip moment in an RDL and of the knee moment in a lying leg curl.

    Muscle demand (static optimisation, :func:`biomech.muscle_demand`) at three-quarters
    depth of the RDL and at 45 deg knee flexion in a lying leg curl (roller force 0.30 x
    body weight at right angles to the shin).

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``hip_share_hinge``, ``knee_share_curl``.
    """
    rows, numbers, key, shares = [], {}, {}, {}
    for bp in bodies:
        body, loads, pose, res = _rdl(bp, 0.75)
        d = _demand(res, body)
        hip_share = {m: float(d.share["hip"][m]) for m in ("gluteus_maximus", "hamstrings", "adductor_magnus")}
        F = LEG_CURL_PAD_BODY_WEIGHTS * body.mass_kg * 9.80665
        cpose, cres = poses.lying_leg_curl(body, _RAD(45.0), pad_force_n=F)
        dc = _demand(cres[0], body)
        knee_share = {m: float(dc.share["knee"][m]) for m in ("hamstrings", "gastrocnemius")}
        numbers[bp.name] = {"hip_share_hinge": hip_share["hamstrings"], "knee_share_curl": knee_share["hamstrings"]}
        key[bp.name] = 100 * hip_share["hamstrings"]
        shares[bp.name] = (hip_share, knee_share)
        rows.append({"body": bp.name, "lift": "RDL, 3/4 depth", "joint moment": res.hip.to(_NM),
                     **{f"{m} share": quantity(100 * v, "percent") for m, v in hip_share.items()},
                     "hamstrings force": d.force["hamstrings"].to("N")})
        rows.append({"body": bp.name, "lift": "lying leg curl, knee 45 deg", "joint moment": cres[0].knee.to(_NM),
                     **{f"{m} share": quantity(100 * v, "percent") for m, v in knee_share.items()},
                     "hamstrings force": dc.force["hamstrings"].to("N")})
    ref = bodies[0]

    def draw():
        hip_share, knee_share = shares[ref.name]
        fig, (a1, a2) = _figure(8.5, 3.3, 2)
        a1.bar(list(hip_share), [100 * v for v in hip_share.values()], color=["C0", "C1", "C2"])
        a1.set_ylabel("share of the hip-extensor moment (%)")
        a1.set_title("RDL, three-quarter depth", fontsize=10)
        a1.tick_params(axis="x", labelsize=8)
        a2.bar(list(knee_share), [100 * v for v in knee_share.values()], color=["C1", "C3"])
        a2.set_ylabel("share of the knee-flexor moment (%)")
        a2.set_title("Lying leg curl, knee 45 deg", fontsize=10)
        return fig

    return ExperimentResult(
        cue_id="hamstrings-two-joint-actions",
        inputs={"RDL": "bar 0.75 x body mass, three-quarter depth (trunk 45 deg)",
                "leg curl": f"prone, roller {LEG_CURL_PAD_BODY_WEIGHTS:g} x body weight, knee 45 deg",
                "muscle model": "nine sagittal muscles, static optimisation (sum of squared activations)"},
        rows=rows, numbers=numbers, key_label="hamstrings share of the RDL hip moment", key_values=key,
        key_unit="%", figure=draw,
        caveats=("Static optimisation suppresses co-contraction, so the glute/hamstrings split is partly a product "
                 "of the method; hip moment arms are representative values.",
                 "Driving the heels into the roller of a back extension (knee-flexion effort) is not modelled."),
    )


@register_experiment
def experiment_rectus_femoris_two_joints(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Rectus femoris: its hip-flexor moment arm against its knee-extensor moment arm.

    Moment arms from the muscle model (:func:`biomech.muscles.default_muscles`) in the
    leg-extension seat (hip flexion 80 deg, knee 60 deg) and in a parallel squat (hip
    flexion about 125 deg, knee 125 deg), and its force in a leg extension.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``hip_moment_arm_m`` (positive = flexor), ``hip_to_knee_arm_ratio``.
    """
    rows, numbers, key = [], {}, {}
    poses_deg = {"leg extension seat": (80.0, 60.0), "parallel squat": (125.0, 125.0), "standing": (0.0, 0.0)}
    for bp in bodies:
        body = poses.body_for(bp)
        rf = next(m for m in default_muscles(body.height_m, body.mass_kg) if m.key == "rectus_femoris")
        sign_h, curve_h = rf.arms["hip"]
        sign_k, curve_k = rf.arms["knee"]
        vals = {}
        for name, (hip, knee) in poses_deg.items():
            ah = -sign_h * float(curve_h(_RAD(hip)))       # positive = hip flexor
            ak = sign_k * float(curve_k(_RAD(knee)))       # positive = knee extensor
            vals[name] = (ah, ak)
            rows.append({"body": bp.name, "pose": name, "hip flexion": quantity(hip, "deg"),
                         "knee flexion": quantity(knee, "deg"), "hip-flexor moment arm": quantity(1000 * ah, "mm"),
                         "knee-extensor moment arm": quantity(1000 * ak, "mm"),
                         "hip / knee": quantity(ah / ak, "dimensionless")})
        ah, ak = vals["leg extension seat"]
        numbers[bp.name] = {"hip_moment_arm_m": ah, "hip_to_knee_arm_ratio": ah / ak}
        key[bp.name] = ah / ak

    def draw():
        body = poses.body_for(bodies[0])
        rf = next(m for m in default_muscles(body.height_m, body.mass_kg) if m.key == "rectus_femoris")
        ang = np.radians(np.linspace(0, 120, 25))
        fig, (ax,) = _figure(6.0, 3.4)
        ax.plot(np.degrees(ang), 1000 * np.asarray(rf.arms["hip"][1](ang)), label="hip-flexor arm vs hip flexion")
        ax.plot(np.degrees(ang), 1000 * np.asarray(rf.arms["knee"][1](ang)), label="knee-extensor arm vs knee flexion")
        ax.set_xlabel("joint flexion (deg)"); ax.set_ylabel("moment arm (mm)")
        ax.set_title("Rectus femoris: two joints, two levers", fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return ExperimentResult(
        cue_id="rectus-femoris-hip-flexor",
        inputs={"muscle model": "biomech.muscles.default_muscles (hip arm representative; knee arm from the "
                                "patellar tendon MRI curve over the quadriceps/tendon force ratio)",
                "poses (hip, knee flexion)": "; ".join(f"{k} {v[0]:g}/{v[1]:g} deg" for k, v in poses_deg.items())},
        rows=rows, numbers=numbers, key_label="hip / knee moment arm, leg-extension seat", key_values=key,
        figure=draw,
        caveats=("The rectus femoris hip moment arm in the model is a representative value, not read from a table.",
                 "A muscle's strength at a joint also depends on its length there; moment arms alone compare levers."),
    )


# ================================================================ calves

CALF_BAR_BODY_MASSES = 0.5
CALF_FOOT_DEG = 10.0


@register_experiment
def experiment_soleus_knee_angle(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Soleus with the knee bent (seated calf raise) versus straight (standing), at the same ankle angle
    and ankle moment.

    Standing: heels raised 10 deg, bar 0.5 x body mass, balanced over the balls of the
    feet. Seated: knee 90 deg, shank vertical, the same ankle angle, the platform force on
    the balls of the feet set to give the same ankle moment. Muscle demand by static
    optimisation; the gastrocnemius loses force capacity as the knee bends (force-length).

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``soleus_share_change``, ``soleus_activation_ratio``.
    """
    rows, numbers, key, bars = [], {}, {}, {}
    for bp in bodies:
        body = poses.body_for(bp)
        loads = _bar_load(bp, CALF_BAR_BODY_MASSES)
        spose, sres = poses.calf_raise(body, _RAD(CALF_FOOT_DEG), loads=loads)
        target = _moments(sres)["ankle"]
        ankle = float(spose.shank_rad - spose.foot_rad)
        seated_foot = -ankle
        m1 = _moments(poses.seated_calf_raise(body, seated_foot, ball_force_n=1.0)[1])["ankle"]
        m0 = _moments(poses.seated_calf_raise(body, seated_foot, ball_force_n=0.0)[1])["ankle"]
        R = (target - m0) / (m1 - m0)
        cpose, cres = poses.seated_calf_raise(body, seated_foot, ball_force_n=R)
        ds, dc = _demand(sres, body), _demand(cres, body)
        out = {}
        for name, d, res in (("standing, knee straight", ds, sres), ("seated, knee 90 deg", dc, cres)):
            out[name] = {"soleus share": float(d.share["ankle"]["soleus"]),
                         "gastrocnemius share": float(d.share["ankle"]["gastrocnemius"]),
                         "soleus activation": float(d.activation["soleus"]),
                         "gastrocnemius activation": float(d.activation["gastrocnemius"])}
            rows.append({"body": bp.name, "calf raise": name, "ankle moment": res.ankle.to(_NM),
                         "knee moment": res.knee.to(_NM),
                         "soleus share": quantity(100 * out[name]["soleus share"], "percent"),
                         "soleus force": d.force["soleus"].to("N"),
                         "gastrocnemius force": d.force["gastrocnemius"].to("N"),
                         "soleus activation": quantity(out[name]["soleus activation"], "dimensionless")})
        a, b = out["standing, knee straight"], out["seated, knee 90 deg"]
        numbers[bp.name] = {"soleus_share_change": b["soleus share"] - a["soleus share"],
                            "soleus_activation_ratio": b["soleus activation"] / a["soleus activation"]}
        key[bp.name] = b["soleus activation"] / a["soleus activation"]
        bars[bp.name] = out
    ref = bodies[0]

    def draw():
        out = bars[ref.name]
        fig, (ax,) = _figure(6.5, 3.4)
        x = np.arange(2)
        for i, (name, v) in enumerate(out.items()):
            ax.bar(x + (i - 0.5) * 0.38, [v["soleus activation"], v["gastrocnemius activation"]], width=0.38,
                   label=name)
        ax.set_xticks(x, ["soleus", "gastrocnemius"])
        ax.set_ylabel("activation (force / capacity)")
        ax.set_title(f"Same ankle angle and moment ({ref.name})", fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return ExperimentResult(
        cue_id="soleus-bent-knee",
        inputs={"standing": f"heels raised {CALF_FOOT_DEG:g} deg, bar {CALF_BAR_BODY_MASSES:g} x body mass",
                "seated": "knee 90 deg, same ankle angle and ankle moment",
                "muscle model": "static optimisation; gastrocnemius force-length after Hawkins & Hull (1990)"},
        rows=rows, numbers=numbers, key_label="soleus activation, bent over straight knee", key_values=key,
        figure=draw,
        caveats=("Static optimisation has no neural strategy: it loads whichever muscle is cheapest, so the result "
                 "shows what the mechanics allow, not what EMG must show.",
                 "The seated pose needs a knee-flexor moment (the platform pushes ahead of the knee), which the "
                 "gastrocnemius and hamstrings share."),
    )


#: Calf raise on a step, heel angle range (modelling choice): 15 deg below level to 35 deg above.
CALF_TOP_DEG, CALF_BOTTOM_DEG = 35.0, -15.0
SHIN_FORWARD_DEG = 5.0


@register_experiment
def experiment_calf_shin_forward(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Driving the shin forward (knees straight) at the top of a calf raise.

    At the top (heels 35 deg up, bar 0.5 x body mass), the straight legs lean 5 deg
    further forward. Either the ankle joint stays at its end range (the heel rises with
    the lean) or the heel stays at its height (the ankle dorsiflexes); the trunk keeps the
    body balanced over the balls of the feet.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``ankle_moment_change`` (fraction), ``plantarflexion_change_deg``
        (the larger of the two cases; positive = a shorter triceps surae).
    """
    rows, numbers, key = [], {}, {}
    for bp in bodies:
        body = poses.body_for(bp)
        loads = _bar_load(bp, CALF_BAR_BODY_MASSES)
        p0, r0 = poses.calf_raise(body, _RAD(CALF_TOP_DEG), loads=loads)
        s0, f0 = float(p0.shank_rad), float(p0.foot_rad)
        d = _RAD(SHIN_FORWARD_DEG)
        cases = {"baseline": (p0, r0),
                 "shin forward, same ankle angle": poses.calf_raise(body, f0 + d, shank_rad=s0 + d, loads=loads),
                 "shin forward, same heel height": poses.calf_raise(body, f0, shank_rad=s0 + d, loads=loads)}
        m_base = _moments(r0)["ankle"]
        pf = {}
        for name, (p, r) in cases.items():
            plantar = -math.degrees(float(p.shank_rad - p.foot_rad))
            pf[name] = plantar
            rows.append({"body": bp.name, "case": name, "shank lean": quantity(math.degrees(float(p.shank_rad)), "deg"),
                         "heel height": quantity(100 * body.foot_geometry.ball_x * math.sin(float(p.foot_rad)), "cm"),
                         "plantarflexion": quantity(plantar, "deg"),
                         "trunk lean": quantity(math.degrees(float(p.trunk_rad)), "deg"),
                         "ankle moment": r.ankle.to(_NM)})
        changes = {n: (_rel(_moments(cases[n][1])["ankle"], m_base), pf[n] - pf["baseline"])
                   for n in cases if n != "baseline"}
        best = max(changes.values(), key=lambda c: c[1])
        # rounded to 1e-9: the two routes agree to round-off, which must not read as a gain
        numbers[bp.name] = {"ankle_moment_change": round(max(c[0] for c in changes.values()), 9),
                            "plantarflexion_change_deg": round(best[1], 9)}
        key[bp.name] = best[1]
    ref = bodies[0]

    def draw():
        body = poses.body_for(ref)
        loads = _bar_load(ref, CALF_BAR_BODY_MASSES)
        p0, _ = poses.calf_raise(body, _RAD(CALF_TOP_DEG), loads=loads)
        leans = np.radians(np.linspace(0, 10, 11))
        s0, f0 = float(p0.shank_rad), float(p0.foot_rad)
        _, ra = poses.calf_raise(body, f0 + leans, shank_rad=s0 + leans, loads=loads)
        _, rb = poses.calf_raise(body, f0 + 0 * leans, shank_rad=s0 + leans, loads=loads)
        fig, (ax,) = _figure(6.5, 3.4)
        ax.plot(np.degrees(leans), ra.ankle.to(_NM).magnitude, "o-", label="ankle at end range (heel rises)")
        ax.plot(np.degrees(leans), rb.ankle.to(_NM).magnitude, "s-", label="heel height kept (ankle dorsiflexes)")
        ax.set_xlabel("extra forward lean of the straight legs (deg)")
        ax.set_ylabel("ankle moment per leg (N·m)")
        ax.set_title(f"Top of a calf raise, bar 0.5 x body mass ({ref.name})", fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return ExperimentResult(
        cue_id="calf-drive-shin-forward",
        inputs={"top position": f"heels {CALF_TOP_DEG:g} deg up, knees straight",
                "shin forward": Q_(SHIN_FORWARD_DEG, "deg"), "bar": "0.5 x body mass"},
        rows=rows, numbers=numbers, key_label="plantarflexion change (best case)", key_values=key,
        key_unit="deg", figure=draw,
        caveats=("With the knee straight the gastrocnemius's length depends only on the ankle angle: leaning the "
                 "shin forward raises the heel but cannot shorten the calf past the ankle's end range.",
                 "The cue may describe a sensation (a stronger squeeze); that is outside a torque model."),
    )


CALF_TEMPO = "1-2-1-2"
CALF_RATE_HZ = 100.0


def _calf_set(bp, tempo):
    body = poses.body_for(bp)
    loads = _bar_load(bp, CALF_BAR_BODY_MASSES)
    path = poses.calf_raise_path(body, top_foot_deg=CALF_TOP_DEG, bottom_foot_deg=CALF_BOTTOM_DEG, loads=loads)
    motion = rep_motion(path, tempo, 1, rate=Q_(CALF_RATE_HZ, "Hz"))
    dyn = inverse_dynamics(body, motion, loads)
    return motion, dyn


def _interval_integral(t, y, mask_first):
    """Trapezoid integral over the sample intervals whose first frame is in ``mask_first``."""
    seg = 0.5 * (y[1:] + y[:-1]) * np.diff(t)
    return float(np.sum(seg[mask_first[:-1]]))


@register_experiment
def experiment_calf_holds(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Two-second holds in the stretch and at the top of a calf raise: their share of the ankle-moment impulse.

    A standing calf raise on a step (heels 15 deg below to 35 deg above level, bar 0.5 x
    body mass), tempo 1-2-1-2 (down, stretch hold, up, top hold), inverse dynamics over
    the motion.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``hold_impulse_share``.
    """
    rows, numbers, key, traces = [], {}, {}, {}
    for bp in bodies:
        motion, dyn = _calf_set(bp, CALF_TEMPO)
        t = motion.time_s
        a = dyn.ankle.to(_NM).magnitude
        hold = np.isin(motion.phase, ("bottom", "top"))
        total = summarize_joint(Q_(t, "s"), dyn.ankle)
        hold_imp = _interval_integral(t, np.maximum(a, 0), hold)
        share = hold_imp / _f(total.extensor_impulse)
        numbers[bp.name] = {"hold_impulse_share": share}
        key[bp.name] = 100 * share
        if bp is bodies[0]:
            traces = (t, a, motion.phase)
        rows.append({"body": bp.name, "tempo": CALF_TEMPO, "rep duration": quantity(float(t[-1]), "s"),
                     "ankle impulse, whole rep": total.extensor_impulse.to("N*m*s"),
                     "ankle impulse, holds": quantity(hold_imp, "N*m*s"),
                     "holds' share": quantity(100 * share, "percent"),
                     "peak ankle moment": total.peak_extensor.to(_NM) if hasattr(total, "peak_extensor")
                     else quantity(float(np.max(a)), _NM)})
    ref = bodies[0]

    def draw():
        t, a, phase = traces
        fig, (ax,) = _figure(7.0, 3.3)
        ax.plot(t, a, label="ankle moment")
        hold = np.isin(phase, ("bottom", "top"))
        ax.fill_between(t, 0, a, where=hold, color="C2", alpha=0.3, label="holds")
        ax.set_xlabel("time (s)"); ax.set_ylabel("ankle moment per leg (N·m)")
        ax.set_title(f"Calf raise {CALF_TEMPO}, bar 0.5 x body mass ({ref.name})", fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return ExperimentResult(
        cue_id="calf-stretch-squeeze-holds",
        inputs={"tempo": f"{CALF_TEMPO} (down, stretch hold, up, top hold; s)",
                "range": f"heels {CALF_BOTTOM_DEG:g} to {CALF_TOP_DEG:g} deg", "bar": "0.5 x body mass"},
        rows=rows, numbers=numbers, key_label="holds' share of the ankle impulse", key_values=key, key_unit="%",
        figure=draw,
        caveats=("The ankle moment hardly changes over a calf raise (the load stays over the balls of the feet), "
                 "so the holds' share of the impulse is close to their share of the time.",
                 "Removing the stretch reflex (no bounce) is a neural effect the model does not contain."),
    )


@register_experiment
def experiment_ankle_range(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """The ankle's range in a calf raise against the knee's and hip's in a deep squat.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``ankle_rom_deg``, ``knee_rom_deg``, ``hip_rom_deg``.
    """
    rows, numbers, key = [], {}, {}
    f = np.linspace(0, 1, 21)
    for bp in bodies:
        body = poses.body_for(bp)
        loads = _bar_load(bp, CALF_BAR_BODY_MASSES)
        cp = poses.calf_raise_path(body, top_foot_deg=CALF_TOP_DEG, bottom_foot_deg=CALF_BOTTOM_DEG, loads=loads)(f)
        sp = poses.squat_path(body, _RAD(SQUAT_DEPTHS_DEG["deep"]), _bar_load(bp, 0.8))(f)
        ank = np.degrees(cp.shank_rad - cp.foot_rad)
        knee = np.degrees(sp.shank_rad + sp.thigh_rad)
        hip = np.degrees(sp.thigh_rad + sp.trunk_rad)
        n = {"ankle_rom_deg": float(np.ptp(ank)), "knee_rom_deg": float(np.ptp(knee)), "hip_rom_deg": float(np.ptp(hip))}
        numbers[bp.name] = n
        key[bp.name] = n["ankle_rom_deg"] / min(n["knee_rom_deg"], n["hip_rom_deg"])
        rows.append({"body": bp.name, "ankle range (calf raise on a step)": quantity(n["ankle_rom_deg"], "deg"),
                     "knee range (deep squat)": quantity(n["knee_rom_deg"], "deg"),
                     "hip range (deep squat)": quantity(n["hip_rom_deg"], "deg")})
    n0 = numbers[bodies[0].name]

    def draw():
        fig, (ax,) = _figure(5.5, 3.2)
        ax.bar(["ankle\n(calf raise)", "knee\n(deep squat)", "hip\n(deep squat)"],
               [n0["ankle_rom_deg"], n0["knee_rom_deg"], n0["hip_rom_deg"]], color=["C3", "C0", "C1"])
        ax.set_ylabel("range of motion in the lift (deg)")
        ax.set_title(f"Joint ranges ({bodies[0].name} body)", fontsize=10)
        return fig

    return ExperimentResult(
        cue_id="calf-short-range-of-motion",
        inputs={"calf raise": f"on a step, heels {CALF_BOTTOM_DEG:g} to {CALF_TOP_DEG:g} deg",
                "squat": f"deep, thigh 0 to {SQUAT_DEPTHS_DEG['deep']:g} deg along the natural path"},
        rows=rows, numbers=numbers, key_label="ankle range / smaller of knee and hip", key_values=key,
        figure=draw,
        caveats=("Ranges are the lifts' as modelled (our choices of heel angles and depth), not each joint's "
                 "anatomical limit.",
                 "That a short range makes technique matter more is a coaching inference, not a mechanical one."),
    )


# ================================================================ tempo

TEMPO_SETS = {"1-0-1": "1-0-1", "3-0-1": "3-0-1", "3-2-1": "3-2-1", "bounce 0.6-0-0.4": "0.6-0-0.4"}
TEMPO_RATE_HZ = 100.0


@register_experiment
def experiment_tempo(bodies: Sequence[BodyProportions] = STANDARD_BODIES) -> ExperimentResult:
    """Tempo and holds: knee-moment impulse and time under load per rep, and the peak with a bounce.

    One squat rep to parallel (bar 0.8 x body mass) at each tempo, inverse dynamics over
    the tempo-driven motion (minimum-jerk phases), summarised with
    :func:`biomech.timeseries.summarize_joint`; time under load counts the knee moment
    above half its static value at the bottom.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``impulse_ratio`` (3-0-1 over 1-0-1) and ``bounce_peak_ratio``
        (peak knee moment of a fast 0.6-0-0.4 rep over the 3-0-1 rep's).
    """
    rows, numbers, key, traces = [], {}, {}, {}
    for bp in bodies:
        body = poses.body_for(bp)
        loads = _bar_load(bp, 0.8)
        path = poses.squat_path(body, _RAD(90.0), loads)
        thr = 0.5 * _f(statics.joint_moments(body, path(np.array(1.0)), loads).knee.to(_NM))
        s = {}
        for label, tempo in TEMPO_SETS.items():
            motion = rep_motion(path, tempo, 1, rate=Q_(TEMPO_RATE_HZ, "Hz"))
            dyn = inverse_dynamics(body, motion, loads)
            s[label] = summarize_joint(Q_(motion.time_s, "s"), dyn.knee, threshold=Q_(thr, _NM))
            k = dyn.knee.to(_NM).magnitude
            if bp is bodies[0]:
                traces[label] = (motion.time_s, k)
            rows.append({"body": bp.name, "tempo": label, "rep duration": quantity(float(motion.time_s[-1]), "s"),
                         "peak knee moment": quantity(float(np.max(k)), _NM),
                         "knee extensor impulse": s[label].extensor_impulse.to("N*m*s"),
                         "time above half the bottom moment": s[label].time_above.to("s")})
        imp = {k: _f(v.extensor_impulse) for k, v in s.items()}
        peak = {label: float(r["peak knee moment"].magnitude) for label, r in
                ((row["tempo"], row) for row in rows if row["body"] == bp.name)}
        numbers[bp.name] = {"impulse_ratio": imp["3-0-1"] / imp["1-0-1"],
                            "bounce_peak_ratio": peak["bounce 0.6-0-0.4"] / peak["3-0-1"]}
        key[bp.name] = imp["3-0-1"] / imp["1-0-1"]
    ref = bodies[0]

    def draw():
        fig, (ax,) = _figure(7.5, 3.4)
        for label, (t, k) in traces.items():
            ax.plot(t, k, label=label)
        ax.set_xlabel("time (s)"); ax.set_ylabel("knee moment per leg (N·m)")
        ax.set_title(f"One squat rep to parallel, bar 0.8 x body mass ({ref.name})", fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return ExperimentResult(
        cue_id="tempo-holds-no-bounce",
        inputs={"rep": "squat to parallel along the natural path, bar 0.8 x body mass",
                "tempos": ", ".join(TEMPO_SETS), "sampling": Q_(TEMPO_RATE_HZ, "Hz")},
        rows=rows, numbers=numbers, key_label="knee impulse per rep, 3-0-1 over 1-0-1", key_values=key,
        figure=draw,
        caveats=("Impulse grows with time almost in proportion; whether more impulse at the same load builds more "
                 "muscle is physiology.",
                 "The bounce is modelled as a fast minimum-jerk turn-around; tendon recoil and the stretch reflex are "
                 "not in the model, which sees only the larger inertial moment."),
    )
