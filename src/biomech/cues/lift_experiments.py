"""Experiments on whole lifts: squats, lunges, leg press, leg extension and curl, hinges,
back extensions and calf raises, each registered for its cue.

Every pose comes from the exercise library (:mod:`biomech.exercises`: squats with knee
travel, heel lift and stance; lunges; the leg press, leg extension and leg curl; Romanian
deadlifts and back extensions; standing and seated calf raises), which balances the
free-standing lifts and reports the joint moments; :mod:`biomech.cues.poses` adds only what
the library does not offer. On top of that the experiments run muscle demand
(:func:`biomech.muscle_demand`) or inverse dynamics over a tempo-driven rep along an
exercise's rep path (:func:`biomech.motion.tempo.rep_motion`, :func:`biomech.inverse_dynamics`,
:mod:`biomech.motion.summaries`) for each body of ``bodies``, and return an
:class:`~biomech.cues.experiments.ExperimentResult`: the inputs, a table of numbers with
units, the plain numbers its verdict function reads (named in each docstring and in
``docs/cues.md``), a key number and a figure. Grids are coarse so that the whole report
runs in well under a minute.

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
from collections.abc import Callable, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np

from .. import exercises as ex
from ..mechanics.dynamics import inverse_dynamics
from ..errors import InfeasiblePoseError
from ..exercises.common import hip_joint_spacing
from ..exercises.machines import FOOT_POSITIONS
from ..model.loads import Barbell
from ..muscles import muscle_demand
from ..muscles.catalog import QUADRICEPS_EFFECTIVE
from ..motion.tempo import rep_motion
from ..motion.summaries import summarize_joint
from ..units import Q_, quantity
from . import poses
from .experiments import STANDARD_BODIES, ExperimentResult, NamedBody, register_experiment
from .verdicts import Sample

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
from ..constants import G as _G  # noqa: E402


# ================================================================ shared helpers

def _f(x) -> float:
    return float(np.asarray(getattr(x, "magnitude", x)))


def _nm(q) -> np.ndarray:
    """A moment Quantity as a float array in N*m."""
    return np.asarray(q.to(_NM).magnitude, dtype=float)


def _deg(q) -> np.ndarray:
    """An angle Quantity as a float array in degrees."""
    return np.asarray(q.to("deg").magnitude, dtype=float)


def _wrapped(q) -> np.ndarray:
    """An angle Quantity in degrees, wrapped into (-180, 180] (machine poses come from atan2)."""
    return -((-_deg(q) + 180.0) % 360.0 - 180.0)


def _moments(src) -> dict[str, float]:
    """Ankle, knee and hip moments (N*m) of a single result or leg."""
    return {j: _f(getattr(src, j).to(_NM)) for j in ("ankle", "knee", "hip")}


def _rel(new: float, old: float) -> float:
    return new / old - 1.0


def _mass(body, fraction: float):
    """``fraction`` x body mass, as a Quantity (a bar, dumbbells, a sled)."""
    return Q_(fraction * body.mass_kg, "kg")


def _demand(res, body, **kw):
    """Muscle demand with the library's default model (the 40 muscles of the Rajagopal-Lai-Uhlrich
    2023 model) unless ``kw`` names another."""
    return muscle_demand(res, body_mass=body.mass, body_height=body.height, **kw)


#: The muscle model the soleus experiment reads. The classic model's triceps surae takes the
#: tendon's measured share of the ankle excursion (Maganaris et al. 1998); the default
#: 40-muscle model takes rigid tendons, which for the long Achilles tendon put the soleus far
#: off its optimal fibre length at the ankle angles of a calf raise (docs/muscles.md).
CALF_MUSCLE_MODEL = "classic"


def _path(result) -> Callable[[Any], Any]:
    """An exercise's rep path as ``fraction -> Pose``, for :func:`biomech.motion.tempo.rep_motion`."""
    return lambda f: result.rep_path(fractions=f).pose


def _rows(body, label: tuple[str, Sequence[str]], columns: Mapping[str, tuple[Any, str]]) -> list[dict]:
    """Table rows, one per label: ``columns`` maps a title to (values, unit), a value per label."""
    name, labels = label
    cols = {t: (np.broadcast_to(np.asarray(v, dtype=float), (len(labels),)), u) for t, (v, u) in columns.items()}
    return [{"body": body.name, name: lab, **{t: quantity(float(v[i]), u) for t, (v, u) in cols.items()}}
            for i, lab in enumerate(labels)]


class _Tally:
    """Collects an experiment's table rows, per-body numbers and key numbers, then builds its result.

    A body whose poses cannot exist (the exercise library's ``feasible`` mask, or its
    :class:`~biomech.errors.InfeasiblePoseError`) is not judged: run its part inside
    ``with tally.per_body(body):`` and check results with :meth:`feasible`; the table and the
    caveats then say why it is missing.
    """

    def __init__(self):
        self.rows: list[dict] = []
        self.numbers: dict[str, dict[str, float]] = {}
        self.key: dict[str, float] = {}
        self.skipped: dict[str, str] = {}
        self.samples: list[Sample] = []

    @contextmanager
    def per_body(self, body):
        try:
            yield
        except InfeasiblePoseError as exc:
            self.skipped[body.name] = str(exc)
            self.rows.append({"body": body.name, "note": f"not judged: {exc}"})

    @staticmethod
    def feasible(result, what: str):
        """``result`` if every request of it can exist; otherwise raise InfeasiblePoseError saying why."""
        ok = np.asarray(result.feasible, dtype=bool)
        if not np.all(ok):
            reasons = sorted(set(np.asarray(result.reason, dtype=object)[~ok].tolist()) if ok.ndim else
                             {str(result.reason)})
            raise InfeasiblePoseError(f"{what} cannot exist for this body ({', '.join(reasons)})", reasons[0])
        return result

    def body(self, body, numbers: Mapping[str, float], key: float) -> None:
        self.numbers[body.name] = {k: float(v) for k, v in numbers.items()}
        self.key[body.name] = float(key)

    def sample(self, labels: Mapping[str, str], values: Mapping[str, Any],
               drivers: Mapping[str, Any] | None = None) -> None:
        """One group of the band (a body, a lift, a pose): metric values over the draws."""
        self.samples.append(Sample(dict(labels), {k: np.atleast_1d(np.asarray(v, dtype=float))
                                                  for k, v in values.items()},
                                   {k: np.asarray(v, dtype=float) for k, v in (drivers or {}).items()}))

    def result(self, inputs: Mapping[str, Any], key_label: str, figure, caveats: Sequence[str],
               key_unit: str = "") -> ExperimentResult:
        if self.skipped:
            caveats = (*caveats, "Not judged (the pose cannot exist in the exercise library): "
                       + "; ".join(f"{name}: {why}" for name, why in self.skipped.items()) + ".")
        return ExperimentResult(cue_id="", inputs=dict(inputs), rows=self.rows, numbers=self.numbers,
                                key_label=key_label, key_values=self.key, key_unit=key_unit, figure=figure,
                                caveats=tuple(caveats), samples=tuple(self.samples))


def _figure(w=8.0, h=3.4, n=1):
    from matplotlib.figure import Figure
    fig = Figure(figsize=(w, h), layout="constrained")
    axes = fig.subplots(1, n)
    return fig, (axes if n > 1 else [axes])


def _line_plot(curves: Mapping[str, tuple[Any, Any]], xlabel: str, ylabel: str, title: str, *,
               size=(6.5, 3.5), style: str = "-", legend: str = "best"):
    """A figure with one line per curve ``label -> (x, y)``."""
    fig, (ax,) = _figure(*size)
    for label, (x, y) in curves.items():
        ax.plot(x, y, style, label=label)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8, loc=legend)
    return fig, ax


def _squat(body, *, depth_deg, knee_travel_m, bar_fraction, **kw):
    """A high-bar squat (or bodyweight, ``bar_fraction=None``) of the exercise library."""
    load = None if bar_fraction is None else _mass(body, bar_fraction)
    return ex.squat(body, depth=Q_(depth_deg, "deg"), knee_travel=Q_(knee_travel_m, "m"), load=load,
                    bar=None if bar_fraction is None else "high_bar", **kw)


def _squat_dynamics(result, tempo: str, reps: int, rate_hz: float, bar_kg: float, pulse: bool = False):
    """Inverse dynamics of a tempo-driven squat set along ``result``'s rep path.

    The body is the exercise's own (its arms folded to the bar, as the library poses them)."""
    motion = rep_motion(_path(result), tempo, reps, pulse=pulse, rate=Q_(rate_hz, "Hz"))
    dyn = inverse_dynamics(result.model.body, motion, [Barbell(Q_(bar_kg, "kg"), "high_bar")])
    return motion, dyn


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
_TRAVEL_CONDITIONS = ("restricted (knee at toes)", "unrestricted")


def _knee_travel_squats(body, travel_m=(KNEE_TRAVEL_RESTRICTED_M, KNEE_TRAVEL_FREE_M), **kw):
    return _squat(body, depth_deg=KNEE_TRAVEL_DEPTH_DEG, knee_travel_m=np.asarray(travel_m, dtype=float),
                  bar_fraction=KNEE_TRAVEL_BAR_FRACTION, **kw)


@register_experiment
def experiment_knee_travel(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Knee travel stopped at the toes versus free: knee and hip moments and the shift between them.

    Parallel squat (thigh 90 deg), high bar equal to body mass, balanced over the midfoot
    (the exercise library solves the trunk lean), knee travel 0 (restricted) versus 10 cm
    (unrestricted).

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``knee_moment_change``, ``hip_moment_change``,
        ``sum_moment_change`` (unrestricted over restricted, minus 1).
    """
    t = _Tally()
    for body in bodies:
        with t.per_body(body):
            sq = t.feasible(_knee_travel_squats(body), "the parallel squat at both knee travels")
            k, h = _nm(sq.knee), _nm(sq.hip)
            t.rows += _rows(body, ("condition", _TRAVEL_CONDITIONS), {
                "knee travel": (100 * sq.knee_travel.to("m").magnitude, "cm"),
                "shank lean": (_deg(sq.pose.shank), "deg"),
                "trunk lean": (_deg(sq.pose.trunk), "deg"), "knee moment": (k, _NM), "hip moment": (h, _NM),
                "knee moment arm": (sq.moment_arms.knee.to("cm").magnitude, "cm"),
                "hip moment arm": (sq.moment_arms.hip.to("cm").magnitude, "cm")})
            t.body(body, {"knee_moment_change": _rel(k[1], k[0]), "hip_moment_change": _rel(h[1], h[0]),
                          "sum_moment_change": _rel(k[1] + h[1], k[0] + h[0])}, 100 * _rel(k[1], k[0]))
    ref = bodies[0]

    def draw():
        travel = np.linspace(-0.04, 0.12, 17)
        sq = _knee_travel_squats(ref, travel)
        k, h = _nm(sq.knee), _nm(sq.hip)
        fig, ax = _line_plot({"knee (per leg)": (100 * travel, k), "hip (per leg)": (100 * travel, h),
                              "knee + hip": (100 * travel, k + h)}, "knee travel past the toes (cm)",
                             "net joint moment per leg (N·m)",
                             f"Parallel squat, bar = body mass: knee and hip moments against knee travel "
                             f"({ref.name} body)", size=(7.0, 3.8), style="o-", legend="lower right")
        top = 1.25 * float(np.nanmax(k + h))
        ax.set_ylim(0, top)
        for x, lab in ((KNEE_TRAVEL_RESTRICTED_M, "restricted"), (KNEE_TRAVEL_FREE_M, "unrestricted")):
            ax.axvline(100 * x, color="grey", lw=0.8, ls=":")
            ax.text(100 * x, 0.98 * top, f" {lab}", fontsize=8, va="top")
        return fig

    return t.result(
        {"depth (thigh angle)": Q_(KNEE_TRAVEL_DEPTH_DEG, "deg"), "bar": "high bar, mass = body mass",
         "knee travel, restricted": Q_(100 * KNEE_TRAVEL_RESTRICTED_M, "cm"),
         "knee travel, unrestricted": Q_(100 * KNEE_TRAVEL_FREE_M, "cm"),
         "exercise": "biomech.exercises.squat (trunk lean solved so the centre of pressure is at the midfoot; "
                     "arms folded to the bar)",
         "design after": "Fry, Smith & Schilling (2003), J Strength Cond Res 17(4):629-633"},
        "knee moment change, 10 cm knee travel vs knees stopped at the toes", draw,
        ("Static poses at the bottom; the lifts' speed is left out.",
         "The centre of pressure is held at the midfoot; with it fixed, how far the knee moves ahead of "
         "the foot sets the knee's moment arm almost by itself, so the size of the change follows from that "
         "assumption (Fry et al. 2003 measured the same direction).",
         "Restricting knee travel at the same depth forces a larger trunk lean: the hip and the "
         "lower back take what the knee gives up, so the sum of knee and hip moments changes little.",
         "The cue also names lunges, split squats and step-ups; the lunge experiment shows the same "
         "knee-to-hip shift with the front shin's lean."), key_unit="%")


#: Weight-bearing lunge test, inclinometer at the tibial tuberosity: 39.0 +- 4.6 deg of tibial
#: inclination (mean +- SD, 50 healthy participants). PMID 28108266 (J Sci Med Sport 2017,
#: "Validity of clinical outcome measures to evaluate ankle range of motion during the
#: weight-bearing lunge test", abstract). The same abstract gives 27.0 +- 6.0 deg by 2D motion
#: capture and 10.3 +- 3.0 cm knee-to-wall distance.
WBLT_TIBIAL_INCLINATION_DEG = (39.0, 4.6)
#: Normal hip flexion used as the limit: about 120 deg (lower end of the 120-130 deg
#: passive range cited in biomech.model.pose after Soucie et al. 2011, Haemophilia 17:500-507).
HIP_FLEXION_NORMAL_DEG = 120.0


@register_experiment
def experiment_knee_travel_mobility(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
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
    t = _Tally()
    for body in bodies:
        with t.per_body(body):
            pose = t.feasible(_knee_travel_squats(body), "the parallel squat at both knee travels").pose
            df, hip = _deg(pose.ankle), _deg(pose.hip)
            t.rows += _rows(body, ("condition", ("restricted", "unrestricted")), {
                "dorsiflexion needed": (df, "deg"), "hip flexion needed": (hip, "deg"),
                "margin to normal dorsiflexion": (norm - df, "deg"),
                "margin to normal hip flexion": (HIP_FLEXION_NORMAL_DEG - hip, "deg")})
            t.body(body, {"extra_dorsiflexion_deg": df[1] - df[0], "dorsiflexion_margin_deg": norm - df[1]}, df[1])
    ref = bodies[0]

    def draw():
        travel = np.linspace(-0.04, 0.16, 21)
        depths = (60.0, 90.0, 110.0)
        # the figure shows the whole range, past the library's default dorsiflexion limit
        sq = ex.squat(ref, depth=Q_(np.array(depths)[:, None], "deg"), knee_travel=Q_(travel, "m"),
                      load=_mass(ref, KNEE_TRAVEL_BAR_FRACTION), dorsiflexion_limit="70 deg")
        df = _deg(sq.pose.ankle)
        fig, ax = _line_plot({f"thigh {d:g} deg": (100 * travel, df[i]) for i, d in enumerate(depths)},
                             "knee travel past the toes (cm)", "ankle dorsiflexion needed (deg)",
                             "Flat feet: dorsiflexion is set by knee travel alone", size=(6.5, 3.6))
        ax.axhspan(norm - sd, norm + sd, color="C2", alpha=0.2, label="lunge-test norm, mean ± SD")
        ax.axhline(norm, color="C2", lw=1)
        ax.legend(fontsize=8)
        return fig

    return t.result(
        {"squats": "as in the knee-travel experiment (parallel, bar = body mass, 0 and 10 cm knee travel)",
         "normal weight-bearing dorsiflexion": f"{norm} ± {sd} deg (lunge test, PMID 28108266)",
         "normal hip flexion": Q_(HIP_FLEXION_NORMAL_DEG, "deg")},
        "ankle dorsiflexion a parallel squat with 10 cm of knee travel needs", draw,
        ("With the feet flat the dorsiflexion depends only on knee travel and shank length, not on "
         "depth: the lines for different depths coincide.",
         "Passive goniometer norms (Soucie et al. 2011) are lower than weight-bearing lunge values; "
         "the weight-bearing value is the fair comparison for a loaded squat.",
         "Keeping the spine neutral depends on pelvic tilt, which this model does not separate from "
         "hip flexion.",
         "'Hip flexion needed' is the angle between thigh and trunk, so it includes pelvic tilt and "
         "lumbar flexion; against the 120-deg hip-joint norm its negative margins overstate the hip's limit. "
         "Read it for its direction: knee travel lowers the hip flexion a squat needs by 15 to 25 deg.",
         "The verdict reads the dorsiflexion alone; the hip numbers are shown, not judged."), key_unit="deg")


# ================================================================ heel elevation

#: Heel wedges, m (25 and 50 mm after Monteiro et al. 2022, Human Movement 23(2):97-103).
HEEL_WEDGES_M = (0.0, 0.025, 0.050)
#: Ankle dorsiflexion held fixed across wedges: the lifter's limit, deg (about the shank lean
#: of the unrestricted parallel squat, 10 cm of knee travel).
HEEL_DORSIFLEXION_DEG = 35.0
HEEL_BAR_FRACTION = 0.8


@register_experiment
def experiment_heel_elevation(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Heels on a wedge at the same ankle dorsiflexion: how far the knees travel and the knee moment.

    Parallel squat, bar 0.8 x body mass, heel lift 0, 25 and 50 mm (the exercise library's
    ``heel_lift``: foot angle asin(height / heel-to-ball length)); the knee travel of each
    is the one that keeps the dorsiflexion at 35 deg (the ankle's limit).

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``knee_travel_change_m``, ``knee_moment_change`` (25 mm versus flat).
    """
    t, curves = _Tally(), {}
    for body in bodies:
        with t.per_body(body):
            wedges = dict(depth=Q_(90.0, "deg"), load=_mass(body, HEEL_BAR_FRACTION), bar="high_bar",
                          heel_lift=Q_(np.array(HEEL_WEDGES_M), "m"))
            foot = np.arcsin(np.array(HEEL_WEDGES_M) / body.foot_geometry.ball_x)
            kt = poses.knee_travel_for_shank(ex.squat, body, _RAD(HEEL_DORSIFLEXION_DEG) + foot, **wedges)
            sq = t.feasible(ex.squat(body, knee_travel=Q_(kt, "m"), **wedges), "the squat on every wedge")
            travel, k, h = sq.knee_travel.to("m").magnitude, _nm(sq.knee), _nm(sq.hip)
            curves[body.name] = (travel, k)
            t.rows += _rows(body, ("heel wedge", [f"{1000 * w:g} mm" for w in HEEL_WEDGES_M]), {
                "foot angle": (_deg(sq.pose.foot), "deg"), "dorsiflexion": (_deg(sq.pose.ankle), "deg"),
                "knee travel": (100 * travel, "cm"), "trunk lean": (_deg(sq.pose.trunk), "deg"),
                "knee moment": (k, _NM), "hip moment": (h, _NM)})
            t.body(body, {"knee_travel_change_m": travel[1] - travel[0], "knee_moment_change": _rel(k[1], k[0])},
                   100 * _rel(k[1], k[0]))

    def draw():
        fig, (a1, a2) = _figure(8.5, 3.4, 2)
        wedges = 1000 * np.array(HEEL_WEDGES_M)
        for name, (kt, k) in curves.items():
            a1.plot(wedges, 100 * kt, "o-", label=name)
            a2.plot(wedges, k, "o-", label=name)
        a1.set_xlabel("heel wedge (mm)"); a1.set_ylabel("knee travel past the toes (cm)")
        a2.set_xlabel("heel wedge (mm)"); a2.set_ylabel("knee moment per leg (N·m)")
        a1.set_title(f"Knee travel, parallel squat, ankle held at {HEEL_DORSIFLEXION_DEG:g} deg", fontsize=10)
        a2.set_title("Knee moment, high bar 0.8 x body mass", fontsize=10)
        a2.legend(fontsize=7, title="reference, long and short femur\ncoincide", title_fontsize=7)
        return fig

    return t.result(
        {"depth (thigh angle)": Q_(90.0, "deg"), "bar": "high bar, 0.8 x body mass",
         "ankle dorsiflexion (held)": Q_(HEEL_DORSIFLEXION_DEG, "deg"),
         "heel wedges": ", ".join(f"{1000 * w:g} mm" for w in HEEL_WEDGES_M),
         "exercise": "biomech.exercises.squat with heel_lift; knee travel set to hold the dorsiflexion"},
        "knee moment change, 25 mm heel wedge vs flat (same ankle dorsiflexion)", draw,
        ("The wedge helps only a lifter whose dorsiflexion is the limit; at the same shank lean a wedge "
         "changes nothing at the knee.",
         "Lu et al. (2022) report higher knee moments with heel-lift insoles in men (direction only; their "
         "values are not compared here).",
         "The hip moment falls as the wedge lets the trunk stand more upright: the load moves from hip to knee, "
         "as with knee travel."), key_unit="%")


# ================================================================ stance width / toe-out

#: Toes turned out, deg (Escamilla et al. 2001, Med Sci Sports Exerc 33(9): feet straight versus
#: turned out 30 deg). The knees track over the toes, so each leg moves in a plane turned this much.
TOE_OUT_DEG = 30.0
#: A wide stance: ankle joint centres 0.30 x stature apart (53 cm at 1.78 m; a modelling
#: choice), against the hip-width stance (the hip joint spacing, about 0.18 m).
WIDE_STANCE_PER_STATURE = 0.30
_STANCES = ("hip width, toes forward", f"hip width, toes out {TOE_OUT_DEG:g} deg",
            f"wide, toes out {TOE_OUT_DEG:g} deg")


def _stance_squats(body, toe_out_deg, width_m):
    """Parallel squats whose legs keep the toes-forward squat's leg-plane angles (thigh 90 deg,
    shank 35 deg), for each toe-out (deg) and stance width (m)."""
    kw = dict(depth=Q_(90.0, "deg"), load=_mass(body, HEEL_BAR_FRACTION), bar="high_bar",
              toe_out=Q_(toe_out_deg, "deg"), stance_width=Q_(width_m, "m"))
    kt = poses.knee_travel_for_shank(ex.squat, body, _RAD(HEEL_DORSIFLEXION_DEG), **kw)
    return ex.squat(body, knee_travel=Q_(kt, "m"), **kw)


@register_experiment
def experiment_stance_width_toe_out(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Toes out and a wide stance with the knees over the toes, seen in the sagittal plane.

    Each leg bends in a plane turned 30 deg out (and, in the wide stance, tilted out); in
    its own plane it keeps the angles of the toes-forward parallel squat (thigh 90 deg,
    shank 35 deg). The exercise library's squat projects the legs onto the sagittal plane
    (``toe_out``, ``stance_width``) and solves the trunk lean for balance over the
    midfoot; bar 0.8 x body mass. Stances: hip width toes forward; hip width toes out;
    wide (0.30 x stature) toes out.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``hip_share_change`` (hip / (hip + knee), absolute change) and
        ``knee_moment_change`` (fraction), wide toes-out versus hip-width toes-forward.
    """
    t = _Tally()
    for body in bodies:
        with t.per_body(body):
            hip_w, wide = hip_joint_spacing(body), WIDE_STANCE_PER_STATURE * body.height_m
            widths = np.array([hip_w, hip_w, wide])
            sq = t.feasible(_stance_squats(body, np.array([0.0, TOE_OUT_DEG, TOE_OUT_DEG]), widths),
                            "the squat in every stance")
            k, h, share = _nm(sq.knee), _nm(sq.hip), sq.hip_share
            t.rows += _rows(body, ("stance", _STANCES), {
                "ankle spacing": (100 * np.array([hip_w, hip_w, wide]), "cm"),
                "side-view shank lean": (_deg(sq.pose.shank), "deg"), "trunk lean": (_deg(sq.pose.trunk), "deg"),
                "knee moment": (k, _NM), "hip moment": (h, _NM), "hip share of hip + knee": (100 * share, "percent")})
            t.body(body, {"hip_share_change": share[2] - share[0], "knee_moment_change": _rel(k[2], k[0])},
                   100 * (share[2] - share[0]))
    ref = bodies[0]

    def draw():
        betas = np.linspace(0, 45, 10)
        fig, (ax,) = _figure(6.5, 3.5)
        for width, ls, label in ((hip_joint_spacing(ref), "-", "hip width"),
                                 (WIDE_STANCE_PER_STATURE * ref.height_m, "--", "wide")):
            sq = _stance_squats(ref, betas, width)
            ax.plot(betas, _nm(sq.knee), "o" + ls, color="C0", label=f"knee, {label}")
            ax.plot(betas, _nm(sq.hip), "s" + ls, color="C1", label=f"hip, {label}")
        ax.set_xlabel("toes out, knees over the toes (deg)")
        ax.set_ylabel("sagittal moment per leg (N·m)")
        ax.set_title(f"Parallel squat, bar 0.8 x body mass ({ref.name}): moments against toe-out\n"
                     "(the wide-stance lines lie on the hip-width ones)", fontsize=10)
        ax.legend(fontsize=8, ncols=2)
        return fig

    return t.result(
        {"depth": f"thigh 90 deg and shank {HEEL_DORSIFLEXION_DEG:g} deg in each leg's own plane",
         "stances": "; ".join(_STANCES) + f" (wide: ankles {WIDE_STANCE_PER_STATURE:g} x stature apart)",
         "bar": "high bar, 0.8 x body mass",
         "exercise": "biomech.exercises.squat with toe_out and stance_width (sagittal projection of the legs)"},
        "change in the hip's share of hip + knee moment, wide toes-out vs hip-width toes-forward", draw,
        ("What the sagittal model cannot conclude: with the femur turned out, part of the hip moment "
         "acts about the hip's abduction and rotation axes, which is where the glutes' abduction and "
         "external-rotation work lies; the model sees only the moment about the side-to-side axis. "
         "It cannot say that the glutes (rather than the adductors or hamstrings) take the shift.",
         "Stance width enters only through the legs' tilt, which shortens their side view; frontal-plane "
         "moments, where a wide stance changes most, are not computed.",
         "Escamilla et al. (2001) found no differences between feet straight and turned out 30 deg "
         "in squats and leg presses (knee forces and EMG).",
         "Both moments fall about 13 % with the toes out because the side view of each leg is shorter; "
         "that is a projection, not less work for the leg in its own plane."), key_unit="percentage points")


# ================================================================ depth, holds, pulses

SQUAT_DEPTHS_DEG = {"quarter": 30.0, "half": 45.0, "parallel": 90.0, "deep": 115.0}
SQUAT_BAR_FRACTION = 0.8


def _squat_path(body, bottom_thigh_deg, bar_fraction=SQUAT_BAR_FRACTION, fractions=None):
    """A squat's bottom (knee travel 10 cm) and its rep path from standing (library rep path:
    thigh angle and shank lean scale together)."""
    bottom = _squat(body, depth_deg=bottom_thigh_deg, knee_travel_m=KNEE_TRAVEL_FREE_M, bar_fraction=bar_fraction)
    return bottom, (None if fractions is None else bottom.rep_path(fractions=fractions))


@register_experiment
def experiment_squat_depth(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Knee moment by depth (bodyweight and with a bar), and the bottom hold against the rep's peak.

    Balanced squats along the exercise library's rep path of a deep squat (thigh 115 deg,
    knee travel 10 cm at the bottom; thigh angle and shank lean scale together), read at
    thigh angles 30, 45, 90 and 115 deg; bar 0.8 x body mass, or bodyweight alone (arms
    reaching forward).

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``depth_ratio`` (knee moment deep over half depth, with the bar)
        and ``bottom_peak_fraction`` (knee moment in the bottom of a deep squat over the peak
        along the rep path).
    """
    t, curves, unbalanced = _Tally(), {}, []
    deep = SQUAT_DEPTHS_DEG["deep"]
    at = np.array(list(SQUAT_DEPTHS_DEG.values())) / deep
    f = np.linspace(0.0, 1.0, 41)
    for body in bodies:
        with t.per_body(body):
            for label, frac in (("bar 0.8 x body mass", SQUAT_BAR_FRACTION), ("bodyweight", None)):
                sq = _squat_path(body, deep, frac, at)[1]
                if frac is not None:        # the verdict reads the loaded squat; bodyweight rows may be NaN
                    t.feasible(sq, f"the squat ({label}) at every depth")
                k = _nm(sq.knee)
                if frac is None:
                    unbalanced += [f"{body.name} at {d}" for d, ok in zip(SQUAT_DEPTHS_DEG, np.asarray(sq.feasible))
                                   if not ok]
                t.rows += [{**row, "load": label} for row in _rows(body, ("depth", list(SQUAT_DEPTHS_DEG)), {
                    "thigh angle": (_deg(sq.pose.thigh), "deg"), "knee flexion": (_deg(sq.pose.knee), "deg"),
                    "knee moment": (k, _NM), "hip moment": (_nm(sq.hip), _NM),
                    "knee moment with thigh-calf contact": (_nm(sq.extras["knee_with_thigh_calf_contact"]), _NM)})]
                if frac is not None:
                    ratio = k[-1] / k[1]
            path = t.feasible(_squat_path(body, deep, SQUAT_BAR_FRACTION, f)[1], "the deep squat's rep path")
            kp = _nm(path.knee)
            curves[body.name] = (_deg(path.pose.thigh), kp)
            t.body(body, {"depth_ratio": ratio, "bottom_peak_fraction": kp[-1] / np.nanmax(kp)}, ratio)

    def draw():
        fig, ax = _line_plot(curves, "depth: thigh angle (deg; 90 = parallel)", "knee moment per leg (N·m)",
                             "Knee moment along a deep squat's rep path, bar 0.8 x body mass\n"
                             "(reference, long and short femur coincide)")
        ax.axhline(0, color="k", lw=0.6)
        return fig

    return t.result(
        {"depths (thigh angle)": ", ".join(f"{k} {v:g} deg" for k, v in SQUAT_DEPTHS_DEG.items()),
         "path": "biomech.exercises.squat rep path to thigh 115 deg with 10 cm of knee travel; trunk balanced "
                 "over the midfoot",
         "loads": "high bar 0.8 x body mass; bodyweight (arms reaching forward)"},
        "knee moment, deep (thigh 115 deg) over half squat (thigh 45 deg), ratio", draw,
        ("A static model shows the knee's demand rising with depth; whether that builds the quadriceps "
         "better is physiology (the muscles also work at longer lengths when deep).",
         "Past about 130 deg of knee flexion the back of the thigh presses on the calf and relieves the "
         "knee (Zelle et al. 2007, the library's estimate in the table); the verdict uses the net moment "
         "without it.",
         "A hold at the bottom keeps the largest moment for its whole duration (see the tempo cue).",
         "The ratio is large because the half-squat knee moment is small: on this rep path the knee travels "
         "forward in proportion to depth, so at quarter and half depth the knee is barely ahead of the midfoot "
         "and the knee moment is near zero (slightly negative at a quarter squat, a knee-flexor demand). "
         "Lifters who move the knees forward early have a larger knee moment there.",
         *([f"n/a in the table: no balanced bodyweight pose exists ({', '.join(unbalanced)}): the arms "
            "reaching forward cannot bring the centre of mass over the midfoot with this knee travel; the "
            "verdict reads the loaded squat."] if unbalanced else [])))


#: Pulse squats: reps between half and full depth (biomech.motion.tempo.PULSE_RANGE), 1-0-1 tempo.
PULSE_BOTTOM_THIGH_DEG = 100.0
PULSE_RATE_HZ = 100.0


@register_experiment
def experiment_pulse_squat(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Pulse squats (never locking out) against full reps: knee moment at lockout and time under load.

    Static: the knee moment standing tall over the least knee moment in the pulse range
    (the bottom half of the exercise library's rep path to thigh 100 deg). Dynamic: five
    1-0-1 pulse reps against three full 2-0-1 reps (bar 0.8 x body mass), inverse dynamics
    over the tempo-driven motion, time with the knee moment above half of its static value
    at the bottom.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``lockout_fraction``.
    """
    t, traces = _Tally(), {}
    f = np.linspace(0.0, 1.0, 41)
    for body in bodies:
        with t.per_body(body):
            bottom, path = _squat_path(body, PULSE_BOTTOM_THIGH_DEG, fractions=f)
            t.feasible(path, "the squat's rep path")
            kp = _nm(path.knee)
            pulse_min, lock = float(np.min(kp[f >= 0.5])), float(kp[0])
            t.body(body, {"lockout_fraction": lock / pulse_min}, lock / pulse_min)
            thr = 0.5 * float(kp[-1])
            for label, tempo, reps, pulse in (("pulse, 1-0-1 x 5", "1-0-1", 5, True),
                                              ("full, 2-0-1 x 3", "2-0-1", 3, False)):
                motion, dyn = _squat_dynamics(bottom, tempo, reps, PULSE_RATE_HZ, SQUAT_BAR_FRACTION * body.mass_kg,
                                              pulse)
                time = motion.time_s
                s = summarize_joint(Q_(time, "s"), dyn.knee, threshold=Q_(thr, _NM))
                if body is bodies[0]:
                    traces[label] = (time, _nm(dyn.knee))
                t.rows.append({"body": body.name, "set": label, "set duration": quantity(float(time[-1]), "s"),
                               "least knee moment": quantity(float(np.min(_nm(dyn.knee))), _NM),
                               "time above half the bottom moment": s.time_above.to("s"),
                               "share of the set above it": quantity(100 * _f(s.time_above) / float(time[-1]),
                                                                     "percent"),
                               "knee extensor impulse": s.extensor_impulse.to("N*m*s")})
            t.rows.append({"body": body.name, "set": "static path", "knee moment standing tall": quantity(lock, _NM),
                           "least knee moment in the pulse range": quantity(pulse_min, _NM)})
    ref = bodies[0]

    def draw():
        fig, ax = _line_plot(traces, "time (s)", "knee moment per leg (N·m)",
                             f"Knee moment over a pulse set and a full-range set ({ref.name} body)\n"
                             f"high bar 0.8 x body mass, inverse dynamics", size=(7.5, 3.4), legend="lower right")
        ax.axhline(0, color="k", lw=0.6)
        return fig

    return t.result(
        {"bottom (thigh angle)": Q_(PULSE_BOTTOM_THIGH_DEG, "deg"), "pulse range": "half to full depth",
         "path": "biomech.exercises.squat rep path, 10 cm of knee travel at the bottom",
         "bar": "high bar, 0.8 x body mass", "tempos": "pulse 1-0-1 x 5; full 2-0-1 x 3",
         "sampling": Q_(PULSE_RATE_HZ, "Hz")},
        "knee moment standing tall, as a multiple of the least in the pulse range (negative = flexor demand)",
        draw,
        ("Standing tall the knee moment is negative, a knee-flexor (hyperextension) demand of about a third "
         "of the bottom's extensor moment: with the shin vertical the midfoot, where the centre of pressure is "
         "held, lies ahead of the knee. A real lifter standing tall keeps the knee closer to the load line, "
         "so the size is the model's; the sign (the quadriceps rest at lockout) is not in doubt.",
         "Whether continuous tension adds growth beyond the work done is physiology."))


# ================================================================ lunges

#: Lunge patterns (modelling choices): front thigh 85 deg; step length in leg lengths
#: (shank + thigh) and front shank lean. The trunk lean follows from balance (the exercise
#: library puts the front foot's centre of pressure at its midfoot with 70 % of the weight on
#: it), so the long step with a vertical shin ends up leaning forward by itself.
LUNGE_PATTERNS = {
    "quadriceps-dominant": {"step_legs": 0.80, "shank_deg": 30.0},
    "glute-dominant": {"step_legs": 1.14, "shank_deg": 5.0},
}
LUNGE_THIGH_DEG = 85.0
LUNGE_LOAD_FRACTION = 0.5


def _lunge(body, pattern):
    p = LUNGE_PATTERNS[pattern]
    kw = dict(step_length=Q_(p["step_legs"] * (body.thigh.length_m + body.shank.length_m), "m"),
              depth=Q_(LUNGE_THIGH_DEG, "deg"), load=_mass(body, LUNGE_LOAD_FRACTION), hold="hands")
    kt = poses.knee_travel_for_shank(ex.lunge, body, _RAD(p["shank_deg"]), shank_of=poses.front_shank, **kw)
    return ex.lunge(body, knee_travel=Q_(float(kt), "m"), **kw)


@register_experiment
def experiment_lunge_patterns(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Quadriceps- versus glute-dominant lunge: short step and the shin forward against a long
    step and a vertical shin; front-leg knee and hip moments.

    The exercise library's lunge, dumbbells of 0.25 x body mass in each hand, 70 % of the
    ground reaction on the front foot, the trunk lean solved so that the front foot's
    centre of pressure lies at its midfoot.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``knee_hip_ratio_quad``, ``knee_hip_ratio_glute``.
    """
    t, bars = _Tally(), {}
    for body in bodies:
        with t.per_body(body):
            ratios = {}
            for pattern in LUNGE_PATTERNS:
                lg = _lunge(body, pattern)
                fm, rm = _moments(lg.front), _moments(lg.rear)
                ratios[pattern] = fm["knee"] / fm["hip"]
                if body is bodies[0]:
                    bars[pattern] = (fm, rm)
                t.rows.append({"body": body.name, "pattern": pattern,
                               "step": quantity(100 * _f(lg.parameters["step_length"].to("m")), "cm"),
                               "front share": quantity(100 * float(lg.parameters["front_share"]), "percent"),
                               "front knee travel": quantity(100 * _f(lg.knee_travel.to("m")), "cm"),
                               "trunk lean": quantity(_f(_deg(lg.pose.trunk)), "deg"),
                               "front knee moment": quantity(fm["knee"], _NM), "front hip moment": quantity(fm["hip"], _NM),
                               "front ankle moment": quantity(fm["ankle"], _NM),
                               "rear knee moment": quantity(rm["knee"], _NM), "rear hip moment": quantity(rm["hip"], _NM)})
            t.body(body, {"knee_hip_ratio_quad": ratios["quadriceps-dominant"],
                          "knee_hip_ratio_glute": ratios["glute-dominant"]},
                   ratios["quadriceps-dominant"] - ratios["glute-dominant"])
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
        ax.set_title(f"Lunge, front and rear leg moments by pattern, dumbbells 0.5 x body mass ({ref.name} body)",
                     fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return t.result(
        {**{p: f"step {v['step_legs']:g} leg lengths, front shank {v['shank_deg']:g} deg"
            for p, v in LUNGE_PATTERNS.items()},
         "front thigh": Q_(LUNGE_THIGH_DEG, "deg"), "load": "dumbbells, 0.5 x body mass in all",
         "exercise": "biomech.exercises.lunge: rear foot on its ball, 70 % of the weight on the front foot, "
                     "trunk lean solved"},
        "front-leg knee/hip moment ratio, quadriceps pattern minus glute pattern", draw,
        ("Statics cannot split the body weight between the feet; the library's 70 % front share is a coaching "
         "starting point, and a lifter who pushes more through the rear foot changes both legs' moments.",
         "A negative front-knee moment in the glute pattern means a small knee-flexor demand: the "
         "vertical shin puts the knee behind the line of the ground reaction."))


# ================================================================ leg press

#: Leg press: the exercise library's 45-degree sled and back pad, feet low and high on the
#: platform (its FOOT_POSITIONS, 15 cm either side of the middle), sled 2 x body mass, knee
#: flexion 60 deg: the deepest multiple of 10 deg at which the feet-low position stays inside
#: the ankle's dorsiflexion range (55 deg, biomech.model.pose.JOINT_RANGES_DEG) for every standard body.
LEG_PRESS_DEPTH_DEG = 60.0
LEG_PRESS_FEET = {"low": FOOT_POSITIONS["low"], "high": FOOT_POSITIONS["high"]}
LEG_PRESS_SLED_BODY_MASSES = 2.0


#: Draws of the leg press's least-effort direction (friction and cost weights) per body.
LEG_PRESS_DRAWS = 200


def _leg_press(body, depth_deg=LEG_PRESS_DEPTH_DEG, feet_m=0.0, **kw):
    return ex.leg_press(body, load=_mass(body, LEG_PRESS_SLED_BODY_MASSES), foot_position=Q_(feet_m, "m"),
                        knee_flexion=Q_(depth_deg, "deg"), **kw)


@register_experiment
def experiment_leg_press_feet(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Feet low versus high on a 45-degree leg press platform, at the same knee flexion and load.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``knee_moment_change``, ``hip_moment_change`` (feet low over high, minus 1).
    """
    t = _Tally()
    for body in bodies:
        with t.per_body(body):
            lp = t.feasible(_leg_press(body, feet_m=np.array(list(LEG_PRESS_FEET.values()))),
                            "the leg press, feet low and high")
            k, h = _nm(lp.knee), _nm(lp.hip)
            t.rows += _rows(body, ("feet", list(LEG_PRESS_FEET)), {
                "knee flexion": (_wrapped(lp.pose.knee), "deg"), "hip flexion": (_wrapped(lp.pose.hip), "deg"),
                "ankle dorsiflexion": (_wrapped(lp.pose.ankle), "deg"),
                "ankle moment": (_nm(lp.ankle), _NM), "knee moment": (k, _NM), "hip moment": (h, _NM)})
            t.body(body, {"knee_moment_change": _rel(k[0], k[1]), "hip_moment_change": _rel(h[0], h[1])},
                   100 * _rel(k[0], k[1]))
            # The band: the least-effort direction over its drawn friction and cost weights (the
            # same draws at both placements), and the force along the rails. The direction is not
            # measured, so the verdict is read over both and names it when they disagree.
            drawn = _leg_press(body, feet_m=np.array(list(LEG_PRESS_FEET.values())), samples=LEG_PRESS_DRAWS)
            kd = _nm(drawn.knee)
            t.sample({"body": body.name, "platform force": "least effort"},
                     {"knee_moment_change": kd[:, 0] / kd[:, 1] - 1})
            rails = _leg_press(body, feet_m=np.array(list(LEG_PRESS_FEET.values())), force_direction="rails")
            kr = _nm(rails.knee)
            t.sample({"body": body.name, "platform force": "along the rails"},
                     {"knee_moment_change": np.atleast_1d(kr[0] / kr[1] - 1)})
    ref = bodies[0]

    def draw():
        offs = np.linspace(-0.20, 0.20, 11)
        lp = _leg_press(ref, feet_m=offs)
        rails = ex.leg_press(ref, load=_mass(ref, LEG_PRESS_SLED_BODY_MASSES), foot_position=Q_(offs, "m"),
                             knee_flexion=Q_(LEG_PRESS_DEPTH_DEG, "deg"), force_direction="rails")
        k, h = _nm(lp.knee), _nm(lp.hip)
        fig, ax = _line_plot({"knee, least-effort force (per leg)": (100 * offs, k),
                              "hip, least-effort force (per leg)": (100 * offs, h)},
                             "foot position up the platform (cm)", "net joint moment (N·m)",
                             f"45-deg leg press, sled 2 x body mass, knee {LEG_PRESS_DEPTH_DEG:g} deg ({ref.name}):\n"
                             "least-effort platform force (solid) and force along the rails (dashed)",
                             style="o-", size=(6.5, 4.6))
        ax.plot(100 * offs, _nm(rails.knee), "--", color="C0", label="knee, force along the rails")
        ax.plot(100 * offs, _nm(rails.hip), "--", color="C1", label="hip, force along the rails")
        ax.axhline(0, color="k", lw=0.6)
        ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2)
        for where, o in LEG_PRESS_FEET.items():
            ax.axvline(100 * o, color="grey", ls=":", lw=0.8)
            ax.text(100 * o, 0.98, f" feet {where}", fontsize=8, va="top", transform=ax.get_xaxis_transform())
        return fig

    return t.result(
        {"sled": "45 deg, mass 2 x body mass, rail friction left out; the platform force's component along the "
                 "rails is the sled's, its shear the least-effort one within the sole's friction cone "
                 "(biomech.exercises.leg_press, force_direction='min_effort'), at the midfoot",
         "backrest": "trunk 45 deg behind vertical (the library's default)",
         "depth": Q_(LEG_PRESS_DEPTH_DEG, "deg"),
         "feet": ", ".join(f"{k} {100 * v:+g} cm up the platform" for k, v in LEG_PRESS_FEET.items()),
         "exercise": "biomech.exercises.leg_press"},
        "knee moment change, feet 15 cm low vs 15 cm high on the platform", draw,
        ("At the same knee flexion, feet low also mean a more dorsiflexed ankle and a less flexed hip; "
         "at deeper knee flexion the feet-low position needs more ankle dorsiflexion than the model allows.",
         "The platform's shear is not decided by statics; the library takes the least-effort shear (the "
         "least sum of squared ankle, knee and hip moments, an assumption) within the sole's friction cone. "
         "With the feet low that tilts the force about 18 deg toward the toes, with the feet high about 3 deg "
         "toward the heels, and the knee moment comes out nearly equal in both. Pushing along the rails "
         "instead (force_direction='rails', the earlier model) gives the feet-low position about twice the "
         "high position's knee moment and a hip-flexor demand: that choice, not the placement alone, decides "
         "the verdict.",
         "Escamilla et al. (2001) measured no differences in knee forces between high and low feet; "
         "Harandi et al. (2013, model) found smaller knee-extensor forces with the feet high."), key_unit="%")


#: Leg press range: knee flexion at the bottom of the full range and of a partial range, deg.
LEG_PRESS_FULL_DEG = 120.0
LEG_PRESS_PARTIAL_DEG = 75.0


@register_experiment
def experiment_leg_press_rom(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Full versus partial leg press range: peak knee moment, and the hip flexion the full range needs.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``knee_moment_gain`` (peak knee moment, full over partial range,
        minus 1) and ``hip_flexion_margin_deg`` (normal hip flexion, 120 deg, minus the full
        range's).
    """
    t, curves = _Tally(), {}
    feet = LEG_PRESS_FEET["high"]        # the only placement whose ankle reaches the full range
    depths = np.linspace(10.0, LEG_PRESS_FULL_DEG, 12)
    for body in bodies:
        with t.per_body(body):
            lp = t.feasible(_leg_press(body, depths, feet), "the leg press through its range")
            part = _leg_press(body, LEG_PRESS_PARTIAL_DEG, feet)
            k, kf, hf = _nm(lp.knee), _wrapped(lp.pose.knee), _wrapped(lp.pose.hip)
            curves[body.name] = (kf, k)
            peak_full = float(np.nanmax(k))
            peak_partial = max(float(np.nanmax(k[depths <= LEG_PRESS_PARTIAL_DEG])), _f(_nm(part.knee)))
            gain = peak_full / peak_partial - 1
            t.body(body, {"knee_moment_gain": gain, "hip_flexion_margin_deg": HIP_FLEXION_NORMAL_DEG - hf[-1]},
                   100 * gain)
            t.rows += _rows(body, ("range", ("full", "partial")), {
                "bottom knee flexion": ([kf[-1], _f(_wrapped(part.pose.knee))], "deg"),
                "bottom hip flexion": ([hf[-1], _f(_wrapped(part.pose.hip))], "deg"),
                "peak knee moment": ([peak_full, peak_partial], _NM)})

    def draw():
        fig, ax = _line_plot(curves, "knee flexion (deg)", "knee moment per leg (N·m)",
                             "Knee moment against depth, 45-deg leg press,\nsled 2 x body mass, feet high",
                             style="o-", legend="upper left")
        for x, lab in ((LEG_PRESS_PARTIAL_DEG, "partial bottom"), (LEG_PRESS_FULL_DEG, "full bottom")):
            ax.axvline(x, color="grey", ls=":", lw=0.8)
            ax.text(x, ax.get_ylim()[0], f" {lab}", fontsize=8, va="bottom", ha="right", rotation=90)
        ax.axhline(0, color="k", lw=0.6)
        return fig

    return t.result(
        {"full range bottom": Q_(LEG_PRESS_FULL_DEG, "deg"), "partial range bottom": Q_(LEG_PRESS_PARTIAL_DEG, "deg"),
         "normal hip flexion": Q_(HIP_FLEXION_NORMAL_DEG, "deg"), "sled": "45 deg, 2 x body mass",
         "exercise": "biomech.exercises.leg_press, feet high (the ankle's range allows the full depth only "
                     "there), back pad 45 deg"},
        "peak knee moment gain, full range (knee 120 deg) over partial (75 deg)", draw,
        ("Past the hip's flexion range the pelvis tucks under (posterior tilt), which this model does "
         "not separate from hip flexion; that is what the one-leg knee-to-chest check guards against.",
         "The hip flexion here is the thigh-to-back-pad angle, which includes any pelvic tilt, against a "
         "120-deg hip-joint norm: the negative margin says the full range needs the pelvis to tuck.",
         "Near full extension the knee moment is negative (a small flexor demand): the force line passes in "
         "front of the nearly straight knee."),
        key_unit="%")


# ================================================================ leg extension

LEG_EXTENSION_PAD_BODY_WEIGHTS = 0.35


def _pad_torque(body, body_weights: float):
    """Machine torque (N*m, both legs) of a pad force of ``body_weights`` x body weight at the
    exercise library's default pad (5 cm above the ankle)."""
    return Q_(body_weights * body.mass_kg * _G * (body.shank.length_m - 0.05), "N*m")


@register_experiment
def experiment_leg_extension_lockout(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Knee moment and quadriceps force against knee angle on a leg extension.

    The exercise library's leg extension (seated, support at the pelvis, thigh horizontal):
    a constant machine torque, that of a pad force of 0.35 x body weight (both legs) at the
    pad 5 cm above the ankle, pushing at right angles to the shin; knee flexion 90 to 0
    deg. The quadriceps force is the knee moment over the effective quadriceps moment arm
    of :mod:`biomech.muscles` (patellar tendon arm over the quadriceps-to-tendon force ratio).

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``lockout_peak_fraction``.
    """
    t, curves = _Tally(), {}
    knee = np.radians(np.arange(90.0, -1.0, -10.0))
    for body in bodies:
        with t.per_body(body):
            k = _nm(ex.leg_extension(body, load=_pad_torque(body, LEG_EXTENSION_PAD_BODY_WEIGHTS),
                                     knee_flexion=Q_(np.degrees(knee), "deg")).knee)
            arm = np.asarray(QUADRICEPS_EFFECTIVE(knee), float)
            curves[body.name] = (np.degrees(knee), k, k / arm)
            t.body(body, {"lockout_peak_fraction": k[-1] / np.max(k)}, 100 * k[-1] / np.max(k))
            pick = [0, 3, 6, len(knee) - 1]
            t.rows += _rows(body, ("knee flexion", [f"{np.degrees(knee[i]):g} deg" for i in pick]), {
                "knee moment": (k[pick], _NM), "effective quadriceps moment arm": (1000 * arm[pick], "mm"),
                "quadriceps force": ((k / arm)[pick], "N")})
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
        a1.set_title("Knee moment\n(constant machine torque + shank weight)", fontsize=10)
        a2.set_title(f"Quadriceps force ({ref.name})\n= knee moment / effective moment arm", fontsize=10)
        return fig

    return t.result(
        {"machine torque": f"{LEG_EXTENSION_PAD_BODY_WEIGHTS:g} x body weight at the pad, both legs, constant",
         "pad position": "5 cm above the ankle (the library's default)", "seat": "thigh horizontal, trunk 10 deg back",
         "knee flexion": "90 to 0 deg", "exercise": "biomech.exercises.leg_extension"},
        "knee moment at lockout, % of its peak over the range", draw,
        ("A constant machine torque is a cam machine's ideal; plate-loaded machines change it with angle.",
         "The knee moment peaks at lockout, but the quadriceps force does not: the effective quadriceps "
         "moment arm is longest near extension, so the muscle force is largest in the bent range.",
         "The verdict concerns where the demand is highest; whether a forceful lockout is risky is outside "
         "the model, as is the light-to-moderate load advice.",
         "The effective moment arm is a ratio of the quadriceps force to the knee moment's lever; the rows "
         "compare angles, so bodies of the same height give identical rows."),
        key_unit="%")


# ================================================================ hinges and back extensions

RDL_HAND_LOAD_BODY_MASSES = 0.75
#: Bottom of the RDL (trunk lean, deg): a long trunk on a short femur cannot balance a deeper
#: hinge with the knees soft.
RDL_BOTTOM_TRUNK_DEG = 60.0
#: Back extension benches: legs 45 deg from vertical (hyperextension bench) and 90 deg
#: (horizontal Roman chair), the exercise library's ``bench``.
BACK_EXTENSION_BENCHES = {"back extension, 45-deg bench": "45 deg", "back extension, horizontal bench": "90 deg"}


_RDL_BOTTOMS: dict = {}


def _rdl(body, fractions, load_body_masses=RDL_HAND_LOAD_BODY_MASSES):
    """The exercise library's RDL (knees 20 deg, bar on plumb arms) along its rep path to a 60-deg trunk lean.

    The bottom position is solved once per body and load (two cues read it); the body is kept
    with it, so its id cannot be reused while the entry lives."""
    key = (id(body), float(load_body_masses))
    if key not in _RDL_BOTTOMS:
        if len(_RDL_BOTTOMS) > 32:
            _RDL_BOTTOMS.clear()
        _RDL_BOTTOMS[key] = (body, ex.romanian_deadlift(body, trunk_lean=Q_(RDL_BOTTOM_TRUNK_DEG, "deg"),
                                                        load=_mass(body, load_body_masses)))
    return _RDL_BOTTOMS[key][1].rep_path(fractions=fractions)


@register_experiment
def experiment_top_squeeze_hip_moment(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """The hip-extensor moment at the top of an RDL and of a back extension, against the rep's peak.

    RDL: the exercise library's, bar 0.75 x body mass on plumb arms, knees 20 deg, trunk
    0 to 60 deg, balanced over the midfoot. Back extension: the library's, bodyweight on a
    45-deg bench and on a horizontal one (support at the thighs), hip flexion 90 deg at the
    bottom to 0 at the top.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``rdl_top_fraction``, ``back_extension_top_fraction`` (45-deg bench).
    """
    f = np.linspace(0.0, 1.0, 21)
    t, curves = _Tally(), {}
    for body in bodies:
        with t.per_body(body):
            out = {"RDL": t.feasible(_rdl(body, f), "the RDL's rep path")}
            out.update({name: ex.back_extension(body, bench=bench).rep_path(fractions=f)
                        for name, bench in BACK_EXTENSION_BENCHES.items()})
            out = {name: (_deg(r.pose.hip), _nm(t.feasible(r, name).hip)) for name, r in out.items()}
            curves[body.name] = out
            fr = {name: hm[0] / np.max(hm) for name, (_, hm) in out.items()}
            first_bench = next(iter(BACK_EXTENSION_BENCHES))
            t.body(body, {"rdl_top_fraction": fr["RDL"], "back_extension_top_fraction": fr[first_bench]},
                   100 * fr[first_bench])
            for name, v in fr.items():
                t.sample({"body": body.name, "lift": name}, {"top_fraction": v})
            t.rows += _rows(body, ("lift", list(out)), {
                "hip moment at the top": ([hm[0] for _, hm in out.values()], _NM),
                "peak hip moment": ([np.max(hm) for _, hm in out.values()], _NM),
                "hip flexion at the peak": ([hip[np.argmax(hm)] for hip, hm in out.values()], "deg"),
                "top / peak": ([100 * v for v in fr.values()], "percent")})
    ref = bodies[0]

    def draw():
        fig, _ = _line_plot(curves[ref.name], "hip flexion (deg; 0 = top)", "hip-extensor moment per leg (N·m)",
                            f"Hip-extensor moment from the bottom to the top of each lift ({ref.name})")
        return fig

    return t.result(
        {"RDL": "biomech.exercises.romanian_deadlift: bar 0.75 x body mass on plumb arms, knees 20 deg, "
                "trunk 0-60 deg",
         "back extension": "biomech.exercises.back_extension: bodyweight, 45-deg and horizontal benches"},
        "hip moment at the top of a 45-deg back extension, % of its peak (RDL: about 22 %)", draw,
        ("At the top of an RDL the load hangs under the hips: a squeeze there is voluntary "
         "co-contraction, which a torque model cannot size.",
         "On a 45-deg bench the top holds cos 45 deg = 71 % of the peak and on a horizontal bench the whole "
         "peak, so the verdict turns on the lift, not on where between them a threshold sits: a bench steeper "
         "than 60 deg would fall below half.",
         "The back extension's moment is gravity on the upper body alone; a static pose at each angle."),
        key_unit="%")


LEG_CURL_PAD_BODY_WEIGHTS = 0.30
_HIP_EXTENSOR_NAMES = {"gluteus_maximus": "gluteus maximus", "hamstrings": "hamstrings",
                       "adductor_magnus": "adductor magnus"}
#: Where on the RDL's rep path the hamstrings' share is read (fraction of the way down).
HAMSTRINGS_RDL_FRACTION = 0.75


@register_experiment
def experiment_hamstrings_two_joints(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Hamstrings' share of the hip moment in an RDL and of the knee moment in a lying leg curl.

    Muscle demand (static optimisation, :func:`biomech.muscle_demand`) at three-quarters
    of the way down the RDL's rep path and at 45 deg knee flexion in the exercise
    library's lying leg curl (machine torque of a roller force of 0.30 x body weight at the
    pad, at right angles to the shin).

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``hip_share_hinge``, ``knee_share_curl``.
    """
    t, shares = _Tally(), {}
    for body in bodies:
        with t.per_body(body):
            rdl = _rdl(body, HAMSTRINGS_RDL_FRACTION)
            d = _demand(rdl, body)
            hip_share = {m: float(d.share["hip"][m]) for m in ("gluteus_maximus", "hamstrings", "adductor_magnus")}
            hip_share_named = {_HIP_EXTENSOR_NAMES[m]: v for m, v in hip_share.items()}
            curl = ex.leg_curl(body, load=_pad_torque(body, LEG_CURL_PAD_BODY_WEIGHTS), knee_flexion=Q_(45.0, "deg"))
            dc = _demand(curl, body)
            knee_share = {m: float(dc.share["knee"][m]) for m in ("hamstrings", "biceps_femoris_short_head",
                                                                  "gastrocnemius")}
            t.sample({"body": body.name, "action": "hip extension (RDL)"},
                     {"hamstrings_share": hip_share["hamstrings"], "hip_share": hip_share["hamstrings"]})
            t.sample({"body": body.name, "action": "knee flexion (lying leg curl)"},
                     {"hamstrings_share": knee_share["hamstrings"], "knee_share": knee_share["hamstrings"]})
            t.body(body, {"hip_share_hinge": hip_share["hamstrings"], "knee_share_curl": knee_share["hamstrings"]},
                   100 * hip_share["hamstrings"])
            shares[body.name] = (hip_share, knee_share)
            for lift, res, dem, joint, sh in (("RDL, 3/4 depth", rdl.hip, d, "hip", hip_share_named),
                                              ("lying leg curl, knee 45 deg", curl.knee, dc, "knee", knee_share)):
                t.rows.append({"body": body.name, "lift": lift,
                               "joint moment (RDL: hip; curl: knee, negative = flexor)": res.to(_NM),
                               **{f"{m} share": quantity(100 * v, "percent") for m, v in sh.items()},
                               "hamstrings force": dem.force["hamstrings"].to("N")})
    ref = bodies[0]

    def draw():
        hip_share, knee_share = shares[ref.name]
        fig, (a1, a2) = _figure(8.5, 3.3, 2)
        a1.bar([_HIP_EXTENSOR_NAMES[m].replace(" ", "\n") for m in hip_share], [100 * v for v in hip_share.values()],
               color=["C0", "C1", "C2"])
        a1.set_ylabel("share of the hip-extensor moment (%)")
        a1.set_title("RDL, three-quarter depth: who extends the hip", fontsize=10)
        a1.tick_params(axis="x", labelsize=9)
        a2.bar([m.replace("_", " ").replace("femoris ", "femoris\n") for m in knee_share],
               [100 * v for v in knee_share.values()], color=["C1", "C4", "C3"])
        a2.tick_params(axis="x", labelsize=9)
        a2.set_ylabel("share of the knee-flexor moment (%)")
        a2.set_title("Lying leg curl, knee 45 deg: who flexes the knee", fontsize=10)
        return fig

    return t.result(
        {"RDL": "bar 0.75 x body mass, three-quarters of the way to a 60-deg trunk lean",
         "leg curl": f"biomech.exercises.leg_curl, prone, roller {LEG_CURL_PAD_BODY_WEIGHTS:g} x body weight, "
                     f"knee 45 deg",
         "muscle model": "the 40 muscles of the Rajagopal-Lai-Uhlrich (2023) model (biomech.muscle_demand's "
                         "default), static optimisation (sum of squared activations), the hip's frontal and "
                         "transverse moments held at 0"},
        "hamstrings' share of the hip-extensor moment, RDL at three-quarter depth", draw,
        ("Static optimisation picks one of many sharings, so the glute/hamstrings split is partly a product "
         "of the cost (compare p = 2, p = 3 and min-max with muscle_demand(..., band=True)); a share above "
         "100 % is co-contraction: in the curl the hamstrings also carry the hip-extensor moment the exercise "
         "gives the hip (pad and leg weights), and the vasti balance the surplus knee-flexor moment that brings, "
         "so the hamstrings' knee share exceeds 100 % and the biceps femoris short head is not needed.",
         "The biceps femoris short head (which does not cross the hip) is reported apart from the hamstrings.",
         "Driving the heels into the roller of a back extension (knee-flexion effort) is not modelled."),
        key_unit="%")


@register_experiment
def experiment_rectus_femoris_two_joints(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Rectus femoris: its hip-flexor moment arm against its knee-extensor moment arm.

    Moment arms of the Rajagopal-Lai-Uhlrich (2023) model (:mod:`biomech.muscles.rajagopal`,
    the default muscle model; the knee arm includes the patella's motion) in the
    leg-extension seat (hip flexion 80 deg, knee 60 deg), in a parallel squat (hip flexion
    about 125 deg, knee 125 deg: past the model's 120 deg of hip flexion, extended linearly)
    and standing, scaled to each body's thigh and shank.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``hip_moment_arm_m`` (positive = flexor), ``hip_to_knee_arm_ratio``.
    """
    from ..muscles.demand import body_scaling_lengths
    from ..muscles.rajagopal import ARM_ROWS, KEYS, tables
    from ..muscles.rajagopal_demand import arm_scale_factors

    t = _Tally()
    poses_deg = {"leg extension seat": (80.0, 60.0), "parallel squat": (125.0, 125.0), "standing": (0.0, 0.0)}
    hip_deg, knee_deg = (np.array([v[i] for v in poses_deg.values()]) for i in (0, 1))
    hip, knee = np.radians(hip_deg), np.radians(knee_deg)
    rf = KEYS.index("rectus_femoris")
    ih, ik = ARM_ROWS.index("hip"), ARM_ROWS.index("knee")

    def arms(body, h_deg, k_deg):
        r, _, beyond = tables().evaluate(h_deg, k_deg, np.zeros_like(h_deg))
        f = arm_scale_factors(body_scaling_lengths(body))
        return -f[ih] * r[:, ih, rf], f[ik] * r[:, ik, rf], beyond[:, 0]  # + hip flexor, + knee extensor

    for body in bodies:
        with t.per_body(body):
            ah, ak, beyond = arms(body, hip_deg, knee_deg)
            t.rows += _rows(body, ("pose", list(poses_deg)), {
                "hip flexion": (np.degrees(hip), "deg"), "knee flexion": (np.degrees(knee), "deg"),
                "hip-flexor moment arm": (1000 * ah, "mm"), "knee-extensor moment arm": (1000 * ak, "mm"),
                "hip / knee": (ah / ak, "dimensionless"),
                "hip beyond the model's range (extended)": (beyond.astype(float), "dimensionless")})
            t.body(body, {"hip_moment_arm_m": ah[0], "hip_to_knee_arm_ratio": ah[0] / ak[0]}, ah[0] / ak[0])
            for j, pose in enumerate(poses_deg):
                t.sample({"body": body.name, "pose": pose}, {"hip_to_knee_arm_ratio": ah[j] / ak[j]})

    def draw():
        body = bodies[0]
        ang = np.linspace(0, 120, 25)
        h, _, _ = arms(body, ang, np.zeros_like(ang))
        _, k, _ = arms(body, np.zeros_like(ang), ang)
        fig, _ = _line_plot({"hip-flexor arm vs hip flexion (knee straight)": (ang, 1000 * h),
                             "knee-extensor arm vs knee flexion (hip straight)": (ang, 1000 * k)},
                            "joint flexion (deg)", "moment arm (mm)",
                            "Rectus femoris moment arms at the hip and at the knee\n(Rajagopal-Lai-Uhlrich 2023 "
                            f"model, scaled to {body.name})", size=(6.0, 3.6))
        return fig

    return t.result(
        {"muscle model": "the Rajagopal-Lai-Uhlrich (2023) model's rectus femoris path (biomech.muscles.rajagopal), "
                         "moment arms scaled with the thigh and shank",
         "poses (hip, knee flexion)": "; ".join(f"{k} {v[0]:g}/{v[1]:g} deg" for k, v in poses_deg.items())},
        "rectus femoris hip-flexor arm / knee-extensor arm, leg-extension seat (ratio)", draw,
        ("The parallel squat's 125 deg of hip flexion lies past the model's 120 deg: its hip arm is the tables' "
         "linear extension (flagged in the table).",
         "The knee arm is the model's effective one (minus the path length's change with knee angle, the "
         "patella moving with the knee). Moment arms scale with the thigh and shank; their ratio changes only "
         "as the two segments' proportions do.",
         "A muscle's strength at a joint also depends on its length there; moment arms alone compare levers."))


# ================================================================ calves

CALF_BAR_BODY_MASSES = 0.5
CALF_FOOT_DEG = 10.0
#: Least soleus activation taken as the denominator of the bent-over-straight ratio (0.1 % of
#: its capacity): a soleus silent with the knee straight gives a large, finite ratio.
SOLEUS_ACTIVATION_FLOOR = 1e-3
#: Calf raise on a step, heel angle range (modelling choice): 15 deg below level to 35 deg above.
CALF_TOP_DEG, CALF_BOTTOM_DEG = 35.0, -15.0
SHIN_FORWARD_DEG = 5.0


def _calf_raise(body, foot_deg, **kw):
    """The exercise library's standing calf raise, bar on the shoulders (0.5 x body mass)."""
    return ex.standing_calf_raise(body, load=_mass(body, CALF_BAR_BODY_MASSES), foot=Q_(foot_deg, "deg"), **kw)


@register_experiment
def experiment_soleus_knee_angle(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Soleus with the knee bent (seated calf raise) versus straight (standing), at the same ankle angle
    and ankle moment.

    Standing: the exercise library's standing calf raise, heels raised 10 deg, bar 0.5 x
    body mass, balanced over the balls of the feet. Seated: its seated calf raise (knee 90
    deg, shank vertical) at the same ankle angle, with the pad load that gives the same
    ankle moment (the ankle moment is affine in the load: two probes fix it). Muscle demand
    by static optimisation; the gastrocnemius loses force capacity as the knee bends
    (force-length).

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``soleus_share_change``, ``soleus_activation_ratio`` (the straight-knee
        activation floored at :data:`SOLEUS_ACTIVATION_FLOOR`).
    """
    t, bars = _Tally(), {}
    for body in bodies:
        with t.per_body(body):
            stand = _calf_raise(body, CALF_FOOT_DEG)
            target = _f(_nm(stand.ankle))
            seat_foot = Q_(-_f(_deg(stand.pose.ankle)), "deg")            # shank vertical: foot = -dorsiflexion
            m0, m1 = (_f(_nm(ex.seated_calf_raise(body, load=Q_(L, "kg"), foot=seat_foot).ankle)) for L in (0.0, 1.0))
            seat = ex.seated_calf_raise(body, load=Q_((target - m0) / (m1 - m0), "kg"), foot=seat_foot)
            out = {}
            for name, res in (("standing, knee straight", stand), ("seated, knee 90 deg", seat)):
                d = _demand(res, body, model=CALF_MUSCLE_MODEL)
                out[name] = {"soleus share": float(d.share["ankle"]["soleus"]),
                             "gastrocnemius share": float(d.share["ankle"]["gastrocnemius"]),
                             "soleus activation": float(d.activation["soleus"]),
                             "gastrocnemius activation": float(d.activation["gastrocnemius"])}
                t.rows.append({"body": body.name, "calf raise": name, "ankle moment": res.ankle.to(_NM),
                               "knee moment": res.knee.to(_NM),
                               "soleus share": quantity(100 * out[name]["soleus share"], "percent"),
                               "soleus force": d.force["soleus"].to("N"),
                               "gastrocnemius force": d.force["gastrocnemius"].to("N"),
                               "soleus activation": quantity(out[name]["soleus activation"], "dimensionless")})
            a, b = out["standing, knee straight"], out["seated, knee 90 deg"]
            ratio = b["soleus activation"] / max(a["soleus activation"], SOLEUS_ACTIVATION_FLOOR)
            change = b["soleus share"] - a["soleus share"]
            t.body(body, {"soleus_share_change": change, "soleus_activation_ratio": ratio}, 100 * change)
            bars[body.name] = out
    ref = bodies[0]

    def draw():
        fig, (ax,) = _figure(6.5, 3.4)
        x = np.arange(2)
        for i, (name, v) in enumerate(bars[ref.name].items()):
            ax.bar(x + (i - 0.5) * 0.38, [v["soleus activation"], v["gastrocnemius activation"]], width=0.38,
                   label=name)
        ax.set_xticks(x, ["soleus", "gastrocnemius"])
        ax.set_ylabel("activation (force / capacity)")
        ax.set_title(f"Calf activations, standing vs seated calf raise ({ref.name})\nsame ankle angle and ankle moment", fontsize=10)
        ax.legend(fontsize=8)
        return fig

    return t.result(
        {"standing": f"biomech.exercises.standing_calf_raise, heels raised {CALF_FOOT_DEG:g} deg, bar "
                     f"{CALF_BAR_BODY_MASSES:g} x body mass",
         "seated": "biomech.exercises.seated_calf_raise, knee 90 deg, same ankle angle and ankle moment",
         "muscle model": "the classic nine-muscle model (muscle_demand(..., model='classic')): its triceps surae "
                         "takes the tendon's measured share of the ankle excursion; static optimisation; "
                         "gastrocnemius force-length after Hawkins & Hull (1990)"},
        "soleus share of the ankle moment, knee 90 deg minus knee straight", draw,
        ("Static optimisation has no neural strategy: it loads whichever muscle is cheapest, so the result "
         "shows what the mechanics allow, not what EMG must show.",
         "Read with the classic model (CALF_MUSCLE_MODEL): the default 40-muscle model's rigid tendons leave "
         "the soleus far from its optimal fibre length in a calf raise, so its soleus share there says more "
         "about the tendon simplification than about the knee angle.",
         "The standing calf raise leans the whole straight body about the ankles, which leaves a knee-flexor "
         "demand at the knee; static optimisation gives the ankle moment to the gastrocnemius, which serves "
         "both joints, so the soleus can come out silent with the knee straight.",
         "The seated pose needs a knee-flexor moment too (the block pushes ahead of the knee), which the "
         "gastrocnemius and hamstrings share."), key_unit="percentage points")


@register_experiment
def experiment_calf_shin_forward(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Driving the shin forward (knees straight) at the top of a calf raise.

    At the top (heels 35 deg up, bar 0.5 x body mass; the exercise library's standing calf
    raise), the straight legs lean 5 deg further forward. Either the ankle joint stays at
    its end range (the heel rises with the lean) or the heel stays at its height (the ankle
    dorsiflexes); the trunk keeps the body balanced over the balls of the feet
    (:func:`biomech.cues.poses.calf_raise_shin_forward`).

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``ankle_moment_change`` (fraction), ``plantarflexion_change_deg``
        (the larger of the two cases; positive = a shorter triceps surae; 0 when the ankle
        angle is held) and ``plantarflexion_change_same_heel_deg`` (the heel held at its height,
        so the shin really moves over the foot).
    """
    t = _Tally()
    d = _RAD(SHIN_FORWARD_DEG)
    for body in bodies:
        with t.per_body(body):
            top = _calf_raise(body, CALF_TOP_DEG)
            s0, f0 = float(top.pose.shank_rad), float(top.pose.foot_rad)
            bar = CALF_BAR_BODY_MASSES * body.mass_kg
            cases = {"baseline": (top.pose, top.moments),
                     "shin forward, same ankle angle": poses.calf_raise_shin_forward(body, f0 + d, s0 + d, bar),
                     "shin forward, same heel height": poses.calf_raise_shin_forward(body, f0, s0 + d, bar)}
            plantar = {n: -math.degrees(float(p.shank_rad - p.foot_rad)) for n, (p, _) in cases.items()}
            ankle = {n: _f(_nm(r.ankle)) for n, (_, r) in cases.items()}
            t.rows += _rows(body, ("case", list(cases)), {
                "shank lean": ([math.degrees(float(p.shank_rad)) for p, _ in cases.values()], "deg"),
                "heel height": ([100 * body.foot_geometry.ball_x * math.sin(float(p.foot_rad))
                                 for p, _ in cases.values()], "cm"),
                "plantarflexion": (list(plantar.values()), "deg"),
                "trunk lean": ([math.degrees(float(p.trunk_rad)) for p, _ in cases.values()], "deg"),
                "ankle moment": (list(ankle.values()), _NM)})
            changes = [(_rel(ankle[n], ankle["baseline"]), plantar[n] - plantar["baseline"])
                       for n in cases if n != "baseline"]
            best = max(changes, key=lambda c: c[1])
            # rounded to 1e-9: the two routes agree to round-off, which must not read as a gain
            t.body(body, {"ankle_moment_change": round(max(c[0] for c in changes), 9),
                          "plantarflexion_change_deg": round(best[1], 9),
                          "plantarflexion_change_same_heel_deg": round(plantar["shin forward, same heel height"]
                                                                       - plantar["baseline"], 9)}, best[1])
    ref = bodies[0]

    def draw():
        top = _calf_raise(ref, CALF_TOP_DEG)
        leans = np.radians(np.linspace(0, 10, 11))
        s0, f0 = float(top.pose.shank_rad), float(top.pose.foot_rad)
        bar = CALF_BAR_BODY_MASSES * ref.mass_kg
        _, ra = poses.calf_raise_shin_forward(ref, f0 + leans, s0 + leans, bar)
        _, rb = poses.calf_raise_shin_forward(ref, f0 + 0 * leans, s0 + leans, bar)
        fig, _ = _line_plot({"ankle at end range (heel rises)": (np.degrees(leans), _nm(ra.ankle)),
                             "heel height kept (ankle dorsiflexes)": (np.degrees(leans), _nm(rb.ankle))},
                            "extra forward lean of the straight legs (deg)", "ankle moment per leg (N·m)",
                            f"Top of a calf raise, bar 0.5 x body mass ({ref.name}):\nankle moment as the straight legs lean forward",
                            size=(6.5, 3.4), style="o-")
        return fig

    return t.result(
        {"top position": f"heels {CALF_TOP_DEG:g} deg up, knees straight (biomech.exercises.standing_calf_raise)",
         "shin forward": Q_(SHIN_FORWARD_DEG, "deg"), "bar": "0.5 x body mass"},
        "extra plantarflexion from driving the shin forward (best of two cases)", draw,
        ("With the knee straight the gastrocnemius's length depends only on the ankle angle: leaning the "
         "shin forward raises the heel but cannot shorten the calf past the ankle's end range.",
         "The cue may describe a sensation (a stronger squeeze); that is outside a torque model."), key_unit="deg")


CALF_TEMPO = "1-2-1-2"
CALF_RATE_HZ = 100.0


def _calf_set(body, tempo):
    top_to_bottom = _calf_raise(body, CALF_BOTTOM_DEG, top=Q_(CALF_TOP_DEG, "deg"))
    motion = rep_motion(_path(top_to_bottom), tempo, 1, rate=Q_(CALF_RATE_HZ, "Hz"))
    bar = [Barbell(_mass(body, CALF_BAR_BODY_MASSES), "high_bar")]
    return motion, inverse_dynamics(body, motion, bar)


def _interval_integral(t, y, mask_first):
    """Trapezoid integral over the sample intervals whose first frame is in ``mask_first``."""
    seg = 0.5 * (y[1:] + y[:-1]) * np.diff(t)
    return float(np.sum(seg[mask_first[:-1]]))


@register_experiment
def experiment_calf_holds(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Two-second holds in the stretch and at the top of a calf raise: their share of the ankle-moment impulse.

    The exercise library's standing calf raise on a step along its rep path (heels 35 deg
    above to 15 deg below level, bar 0.5 x body mass), tempo 1-2-1-2 (down, stretch hold,
    up, top hold), inverse dynamics over the motion.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``hold_impulse_share``.
    """
    t, traces = _Tally(), ()
    for body in bodies:
        with t.per_body(body):
            motion, dyn = _calf_set(body, CALF_TEMPO)
            time = motion.time_s
            a = _nm(dyn.ankle)
            hold = np.isin(motion.phase, ("bottom", "top"))
            total = summarize_joint(Q_(time, "s"), dyn.ankle)
            hold_imp = _interval_integral(time, np.maximum(a, 0), hold)
            share = hold_imp / _f(total.extensor_impulse)
            t.body(body, {"hold_impulse_share": share}, 100 * share)
            if body is bodies[0]:
                traces = (time, a, hold)
            t.rows.append({"body": body.name, "tempo": CALF_TEMPO, "rep duration": quantity(float(time[-1]), "s"),
                           "ankle impulse, whole rep": total.extensor_impulse.to("N*m*s"),
                           "ankle impulse, holds": quantity(hold_imp, "N*m*s"),
                           "holds' share": quantity(100 * share, "percent"),
                           "peak ankle moment": quantity(float(np.max(a)), _NM)})
    ref = bodies[0]

    def draw():
        time, a, hold = traces
        fig, ax = _line_plot({"ankle moment": (time, a)}, "time (s)", "ankle moment per leg (N·m)",
                             f"Ankle moment over one calf raise, bar 0.5 x body mass ({ref.name})\n"
                             f"tempo {CALF_TEMPO}: down, stretch hold, up, top hold (s)", size=(7.5, 3.4))
        ax.fill_between(time, 0, a, where=hold, color="C2", alpha=0.3, label="holds")
        ax.legend(fontsize=8)
        return fig

    return t.result(
        {"tempo": f"{CALF_TEMPO} (down, stretch hold, up, top hold; s)",
         "range": f"heels {CALF_BOTTOM_DEG:g} to {CALF_TOP_DEG:g} deg", "bar": "0.5 x body mass"},
        "share of the rep's ankle-moment impulse in the two 2-s holds", draw,
        ("The ankle moment at the top is about half that in the stretch: the ankle joint sits above the sole, "
         "so as the heels rise it moves forward over the balls of the feet and the load's lever shortens. The "
         "stretch hold therefore carries most of the holds' impulse, and the two holds' share of the impulse "
         "(65 %) is close to their share of the time (4 of 6 s).",
         "Removing the stretch reflex (no bounce) is a neural effect the model does not contain."), key_unit="%")


@register_experiment
def experiment_ankle_range(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """The ankle's range in a calf raise against the knee's and hip's in a deep squat.

    Rep paths of the exercise library: the standing calf raise on a step (heels 35 deg up
    to 15 deg down) and the deep squat (thigh 115 deg, knee travel 10 cm, bar 0.8 x body mass).

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``ankle_rom_deg``, ``knee_rom_deg``, ``hip_rom_deg``.
    """
    t = _Tally()
    f = np.linspace(0, 1, 21)
    for body in bodies:
        with t.per_body(body):
            cp = _calf_raise(body, CALF_BOTTOM_DEG, top=Q_(CALF_TOP_DEG, "deg")).rep_path(fractions=f).pose
            sq = t.feasible(_squat_path(body, SQUAT_DEPTHS_DEG["deep"], fractions=f)[1], "the deep squat's rep path")
            n = {"ankle_rom_deg": np.ptp(_deg(cp.ankle)), "knee_rom_deg": np.ptp(_deg(sq.pose.knee)),
                 "hip_rom_deg": np.ptp(_deg(sq.pose.hip))}
            n["ankle_to_smaller_range"] = n["ankle_rom_deg"] / min(n["knee_rom_deg"], n["hip_rom_deg"])
            t.body(body, n, n["ankle_to_smaller_range"])
            t.rows.append({"body": body.name, "ankle range (calf raise on a step)": quantity(n["ankle_rom_deg"], "deg"),
                           "knee range (deep squat)": quantity(n["knee_rom_deg"], "deg"),
                           "hip range (deep squat)": quantity(n["hip_rom_deg"], "deg")})
    n0 = t.numbers[bodies[0].name]

    def draw():
        fig, (ax,) = _figure(5.5, 3.2)
        ax.bar(["ankle\n(calf raise)", "knee\n(deep squat)", "hip\n(deep squat)"],
               [n0["ankle_rom_deg"], n0["knee_rom_deg"], n0["hip_rom_deg"]], color=["C3", "C0", "C1"])
        ax.set_ylabel("range of motion in the lift (deg)")
        ax.set_title(f"Range of motion used in each lift ({bodies[0].name} body)", fontsize=10)
        return fig

    return t.result(
        {"calf raise": f"on a step, heels {CALF_BOTTOM_DEG:g} to {CALF_TOP_DEG:g} deg",
         "squat": f"deep, thigh 0 to {SQUAT_DEPTHS_DEG['deep']:g} deg along the library's rep path"},
        "ankle range in a calf raise / the smaller of knee and hip range in a deep squat", draw,
        ("Ranges are the lifts' as modelled (our choices of heel angles and depth), not each joint's "
         "anatomical limit.",
         "That a short range makes technique matter more is a coaching inference, not a mechanical one."))


# ================================================================ tempo

TEMPO_SETS = {"1-0-1": "1-0-1", "3-0-1": "3-0-1", "3-2-1": "3-2-1", "bounce 0.6-0-0.4": "0.6-0-0.4"}
TEMPO_RATE_HZ = 100.0


@register_experiment
def experiment_tempo(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Tempo and holds: knee-moment impulse and time under load per rep, and the peak with a bounce.

    One squat rep to parallel (bar 0.8 x body mass, 10 cm of knee travel at the bottom) at
    each tempo along the exercise library's rep path, inverse dynamics over the
    tempo-driven motion (minimum-jerk phases), summarised with
    :func:`biomech.motion.summaries.summarize_joint`; time under load counts the knee moment
    above half its static value at the bottom.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``impulse_ratio`` (3-0-1 over 1-0-1) and ``bounce_peak_ratio``
        (peak knee moment of a fast 0.6-0-0.4 rep over the 3-0-1 rep's).
    """
    t, traces = _Tally(), {}
    for body in bodies:
        with t.per_body(body):
            bottom, _ = _squat_path(body, 90.0)
            thr = 0.5 * _f(_nm(bottom.knee))
            imp, peak = {}, {}
            for label, tempo in TEMPO_SETS.items():
                motion, dyn = _squat_dynamics(bottom, tempo, 1, TEMPO_RATE_HZ, SQUAT_BAR_FRACTION * body.mass_kg)
                s = summarize_joint(Q_(motion.time_s, "s"), dyn.knee, threshold=Q_(thr, _NM))
                k = _nm(dyn.knee)
                imp[label], peak[label] = _f(s.extensor_impulse), float(np.max(k))
                if body is bodies[0]:
                    traces[label] = (motion.time_s, k)
                t.rows.append({"body": body.name, "tempo": label,
                               "rep duration": quantity(float(motion.time_s[-1]), "s"),
                               "peak knee moment": quantity(peak[label], _NM),
                               "knee extensor impulse": s.extensor_impulse.to("N*m*s"),
                               "time above half the bottom moment": s.time_above.to("s")})
            t.body(body, {"impulse_ratio": imp["3-0-1"] / imp["1-0-1"],
                          "bounce_peak_ratio": peak["bounce 0.6-0-0.4"] / peak["3-0-1"]}, imp["3-0-1"] / imp["1-0-1"])
    ref = bodies[0]

    def draw():
        fig, ax = _line_plot(traces, "time (s)", "knee moment per leg (N·m)",
                             f"Knee moment over one squat rep to parallel at each tempo, bar 0.8 x body mass "
                             f"({ref.name})\n(3-0-1 and 3-2-1 share their first 3 s)", size=(7.5, 3.6))
        ax.axhline(0, color="k", lw=0.6)
        return fig

    return t.result(
        {"rep": "squat to parallel along the library's rep path (10 cm of knee travel at the bottom), bar 0.8 x "
                "body mass",
         "tempos": ", ".join(TEMPO_SETS), "sampling": Q_(TEMPO_RATE_HZ, "Hz")},
        "knee-moment impulse per rep, 3-0-1 tempo over 1-0-1 (ratio)", draw,
        ("Impulse grows with time almost in proportion; whether more impulse at the same load builds more "
         "muscle is physiology.",
         "The bounce is modelled as a fast minimum-jerk turn-around; tendon recoil and the stretch reflex are "
         "not in the model, which sees only the larger inertial moment."))
