"""Experiments that put the article's cues to the model, and the bodies they run over.

An experiment is a function ``experiment(bodies) -> ExperimentResult``: it runs the model
for each body in ``bodies`` (a sequence of :class:`NamedBody`, real :class:`biomech.Body`
objects with a name) and returns

* ``inputs``: what was fixed (pose, load, tempo ...), as text or Quantities;
* ``rows``: a table of numbers with units (a list of dicts of pint Quantities or text);
* ``samples``: the groups (body, lift, pose) whose metric values over the technique draws
  make the verdict's band; experiments that draw nothing give ``numbers`` (one value per
  body and metric) instead, and :meth:`ExperimentResult.band_samples` turns those into groups;
* a figure (a matplotlib Figure or a function drawing one) and caveats.

The verdict is read by :func:`biomech.cues.verdicts.judge_band` from the band, never by
the experiment; the cue that an experiment serves holds the experiment (see
:mod:`biomech.cues.cue`), so no experiment names its cue.

Examples
--------
>>> r = experiment_crossed_joints(STANDARD_BODIES[:1])
>>> round(r.numbers["reference"]["uncrossed_moment_fraction"], 9)
0.0
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model.body import Body
from ..errors import InputValueError
from ..units import Q_, quantity, to_si
from ..mechanics import chain
from .verdicts import Sample

__all__ = [
    "NamedBody", "STANDARD_BODIES", "ExperimentResult", "EXPERIMENTS", "register_experiment",
    "tempo_depth_profile", "experiment_crossed_joints", "experiment_torque_wording",
    "PATELLAR_TENDON_MOMENT_ARM_HOSSEINZADEH2020",
]


# ------------------------------------------------------------------------ bodies

@dataclass(frozen=True)
class NamedBody(Body):
    """A :class:`biomech.Body` with a name for tables, built by :meth:`from_proportions`.

    Everything a Body does it does (``with_segment`` keeps the name); the extra fields
    only label it in the report.

    Attributes
    ----------
    name : str
        Shown in tables ("reference", "long femur", ...).
    description : str
        One line for the report.
    thigh_scale : float
        Thigh length relative to the table's (1 = average).
    """

    name: str = "body"
    description: str = ""
    thigh_scale: float = 1.0

    @classmethod
    def from_proportions(cls, name: str, height: Any, mass: Any, thigh_scale: float = 1.0,
                         description: str = "", sex: str = "male") -> "NamedBody":
        """de Leva (1996) segments (``sex``'s table, male by default) scaled to stature and mass, the
        femur scaled by ``thigh_scale``.

        The thigh is changed with :meth:`biomech.Body.with_segment`; the trunk gives up (or
        takes) the same length so the stature is unchanged (a long femur comes with a short
        trunk, which is how coaches describe the proportion); segment masses are unchanged.

        Examples
        --------
        >>> b0 = NamedBody.from_proportions("reference", "178 cm", "80 kg")
        >>> b1 = NamedBody.from_proportions("long femur", "178 cm", "80 kg", thigh_scale=1.10)
        >>> round(b1.thigh.length_m / b0.thigh.length_m, 3), b1.name
        (1.1, 'long femur')
        """
        if not (0.7 <= float(thigh_scale) <= 1.3):
            raise InputValueError(f"thigh_scale={thigh_scale!r} is outside 0.7 to 1.3; a ratio to the average "
                                  f"thigh length is expected.")
        body = Body.from_anthropometrics(height, mass, sex=sex)
        if thigh_scale != 1.0:
            extra = body.thigh.length_m * (float(thigh_scale) - 1.0)
            body = body.with_segment("thigh", length=Q_(body.thigh.length_m + extra, "m"))
            body = body.with_segment("trunk", length=Q_(body.trunk.length_m - extra, "m"))
        fields = {f.name: getattr(body, f.name) for f in dataclasses.fields(Body)}
        return cls(**fields, name=str(name), description=str(description), thigh_scale=float(thigh_scale))


#: The bodies every experiment runs over: an average man (1.78 m, 80 kg), the same man with a
#: 10 % longer or shorter femur (trunk adjusted to keep stature), a short and a tall man, and
#: a woman (1.65 m, 62 kg, de Leva's female segment table); de Leva (1996) segments. The
#: +-10 % is our choice of a visible but ordinary spread. Every study the cues cite tested men
#: (or did not say); the female body is the model's answer, not a measurement.
STANDARD_BODIES: tuple[NamedBody, ...] = (
    NamedBody.from_proportions("reference", "178 cm", "80 kg", 1.0, "average proportions, 1.78 m, 80 kg"),
    NamedBody.from_proportions("long femur", "178 cm", "80 kg", 1.10,
                               "femur 10 % longer, trunk shorter, same stature"),
    NamedBody.from_proportions("short femur", "178 cm", "80 kg", 0.90,
                               "femur 10 % shorter, trunk longer, same stature"),
    NamedBody.from_proportions("short lifter", "160 cm", "62 kg", 1.0, "average proportions, 1.60 m, 62 kg"),
    NamedBody.from_proportions("tall lifter", "195 cm", "98 kg", 1.0, "average proportions, 1.95 m, 98 kg"),
    NamedBody.from_proportions("woman", "165 cm", "62 kg", 1.0, "average female proportions, 1.65 m, 62 kg",
                               sex="female"),
)


# ----------------------------------------------------------------------- results

@dataclass(frozen=True)
class ExperimentResult:
    """What an experiment returns; see the module docstring.

    Attributes
    ----------
    cue_id : str
    inputs : dict of str to (str or pint.Quantity)
    rows : list of dict of str to (pint.Quantity or str)
        The table of numbers, each value with its unit.
    numbers : dict of body name to dict of str to float
        What the verdict function reads, per body.
    key_label : str
        What the key number is ("knee moment change").
    key_values : dict of body name to float
        The key number per body, in ``key_unit``.
    key_unit : str
        Unit of the key number ("" for a plain ratio, "%" for a percentage).
    figure : matplotlib Figure, callable returning one, or None
    caveats : tuple of str
    """

    cue_id: str
    inputs: Mapping[str, Any]
    rows: Sequence[Mapping[str, Any]]
    numbers: Mapping[str, Mapping[str, float]]
    key_label: str
    key_values: Mapping[str, float]
    key_unit: str = ""
    figure: Any = None
    caveats: tuple[str, ...] = ()
    samples: tuple[Sample, ...] = ()

    def band_samples(self) -> tuple[Sample, ...]:
        """The groups the verdict's band is read from: ``samples`` when the experiment drew
        technique, else one group per body from ``numbers`` (a single value each)."""
        if self.samples:
            return tuple(self.samples)
        return tuple(Sample({"body": name}, {k: np.atleast_1d(float(v)) for k, v in nums.items()})
                     for name, nums in self.numbers.items())

    def key_text(self) -> str:
        """The key number for the summary: label, the first body's value with its unit, and the
        range over bodies, all to the same decimals (three significant figures of the largest).

        >>> ExperimentResult("x", {}, [], {}, "ratio", {"a": 1.0, "b": 2.0}).key_text()
        'ratio: 1.00 (1.00 to 2.00 over 2 bodies)'
        >>> ExperimentResult("x", {}, [], {}, "share", {"a": 65.45, "b": 65.46}, "%").key_text()
        'share: 65.5 % (the same for all 2 bodies)'
        """
        vals = [float(v) for v in self.key_values.values()]
        if not vals:
            return ""
        finite = [v for v in vals if np.isfinite(v)]
        big = max((abs(v) for v in finite), default=0.0)
        decimals = 0 if big >= 100 or big == 0 else max(0, 2 - int(np.floor(np.log10(big))))

        def num(v: float) -> str:
            text = f"{v:.{decimals}f}" if np.isfinite(v) else "n/a"
            return "0" if text.lstrip("-").strip("0.") == "" else text

        unit = ("" if not self.key_unit else f" {self.key_unit}" if self.key_unit != "%" else " %")
        first = f"{self.key_label}: {num(vals[0])}{unit}"
        if len(vals) > 1 and finite:
            lo, hi = num(min(finite)), num(max(finite))
            first += (f" (the same for all {len(vals)} bodies)" if lo == hi
                      else f" ({lo} to {hi}{unit} over {len(vals)} bodies)")
        return first


# ---------------------------------------------------------------------- registry

#: experiment name -> function(bodies) -> ExperimentResult
EXPERIMENTS: dict[str, Callable[..., ExperimentResult]] = {}


def register_experiment(fn: Callable[..., ExperimentResult] | None = None, *, name: str | None = None,
                        replace: bool = False):
    """Register an experiment under its function name (or ``name``); usable as a decorator.

    The registry lists every experiment by name (the cues hold the functions themselves).
    Registering a name twice is refused unless ``replace=True``.

    Examples
    --------
    >>> def experiment_demo(bodies):
    ...     return ExperimentResult("", {}, [], {"b": {"lockout_fraction": 0.1}}, "f", {"b": 0.1})
    >>> _ = register_experiment(experiment_demo)
    >>> "experiment_demo" in EXPERIMENTS
    True
    >>> del EXPERIMENTS["experiment_demo"]
    """
    def add(f):
        key = name or f.__name__
        if key in EXPERIMENTS and not replace and EXPERIMENTS[key] is not f:
            raise InputValueError(f"experiment {key!r} is already registered; pass replace=True to swap it.")
        EXPERIMENTS[key] = f
        return f
    return add(fn) if fn is not None else add


# ------------------------------------------------------------------- experiments

_POSES_DEG = {  # segment angles (shank lean, thigh angle, trunk lean), deg
    "standing": (5.0, 5.0, 5.0),
    "half squat": (20.0, 50.0, 30.0),
    "parallel squat": (30.0, 90.0, 45.0),
}
_ONE_JOINT_MUSCLES = {  # muscle -> (index of the joint it crosses, unit moment vector)
    "soleus": (0, np.array([1.0, 0.0, 0.0])),
    "vasti": (1, np.array([0.0, 1.0, 0.0])),
    "gluteus_maximus": (2, np.array([0.0, 0.0, 1.0])),
}
from ..constants import LEG_JOINTS as _JOINTS  # noqa: E402
_MUSCLE_NAMES = {"soleus": "soleus", "vasti": "vasti", "gluteus_maximus": "gluteus maximus"}


@register_experiment
def experiment_crossed_joints(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Does a one-joint muscle act only on its own joint? Induced accelerations on the chain.

    For each body and three poses (standing, half squat, parallel squat), a unit moment
    of a one-joint muscle (soleus at the ankle, vasti at the knee, gluteus maximus at the
    hip) is applied to the chain standing on a fixed foot, at zero velocity and without
    gravity; ``qdd = M(q)^-1 Q`` gives the angular acceleration it causes at every joint.
    The muscle's moment at joints it does not cross is zero by construction; the test is
    whether the acceleration there is too.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``uncrossed_moment_fraction``, ``uncrossed_accel_ratio``.

    Examples
    --------
    >>> r = experiment_crossed_joints(STANDARD_BODIES[:1])
    >>> r.numbers["reference"]["uncrossed_accel_ratio"] > 0.1
    True
    """
    q = np.radians(np.array(list(_POSES_DEG.values())))                     # (poses, 3)
    tau = np.stack([v for _, v in _ONE_JOINT_MUSCLES.values()])            # (muscles, 3)
    rows, numbers, key = [], {}, {}
    per_body_acc = {}
    for body in bodies:
        p = chain.chain_from_body(body)
        acc = chain.induced_joint_accelerations(p, q[:, None, :], tau[None, :, :])   # (poses, muscles, joints)
        per_body_acc[body.name] = acc
        own = np.array([idx for idx, _ in _ONE_JOINT_MUSCLES.values()])
        crossed = np.take_along_axis(acc, own[None, :, None], axis=2)[..., 0]        # (poses, muscles)
        mask = np.ones((len(own), 3), bool)
        mask[np.arange(len(own)), own] = False
        uncrossed = np.where(mask[None], np.abs(acc), 0.0).max(axis=2)
        ratio = uncrossed / np.abs(crossed)
        moment_frac = float(np.max(np.where(mask, np.abs(tau), 0.0).max(axis=1) / np.abs(tau[np.arange(3), own])))
        i_pose, i_mus = np.unravel_index(np.argmax(ratio), ratio.shape)
        numbers[body.name] = {"uncrossed_moment_fraction": moment_frac,
                              "uncrossed_accel_ratio": float(ratio.max())}
        key[body.name] = float(ratio.max())
        rows.append({"body": body.name, "muscle": _MUSCLE_NAMES[list(_ONE_JOINT_MUSCLES)[i_mus]],
                     "pose": list(_POSES_DEG)[i_pose],
                     "largest uncrossed / own-joint acceleration": quantity(float(ratio.max()), "dimensionless")})
    ref = bodies[0]
    for ip, pose in enumerate(_POSES_DEG):
        for im, mus in enumerate(_ONE_JOINT_MUSCLES):
            a = per_body_acc[ref.name][ip, im]
            rows.append({"body": ref.name, "muscle": _MUSCLE_NAMES[mus], "pose": pose,
                         **{f"{j} acceleration (per N·m of muscle moment)": quantity(float(a[k]), "rad/s**2/(N*m)")
                            for k, j in enumerate(_JOINTS)}})

    def draw():
        from matplotlib.figure import Figure
        fig = Figure(figsize=(10, 3.6), layout="constrained")
        axes = fig.subplots(1, len(_POSES_DEG))
        acc = per_body_acc[ref.name]
        x = np.arange(3)
        for ip, (ax, pose) in enumerate(zip(axes, _POSES_DEG)):
            for im, mus in enumerate(_ONE_JOINT_MUSCLES):
                ax.bar(x + (im - 1) * 0.27, acc[ip, im], width=0.27, label=f"{_MUSCLE_NAMES[mus]} (1 N·m)")
            ax.axhline(0, color="k", lw=0.6)
            ax.set_xticks(x, ["ankle", "knee", "hip"])
            ax.set_xlabel("joint accelerated (+ = plantarflexion / extension)", fontsize=8)
            ax.set_title(pose, fontsize=10)
        axes[0].set_ylabel("angular acceleration\n(rad/s² per N·m)")
        fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncols=3, fontsize=8)
        fig.suptitle(f"Angular acceleration each one-joint muscle causes at every joint, foot fixed, at rest, "
                     f"no gravity ({ref.name} body)", fontsize=10)
        return fig

    return ExperimentResult(
        cue_id="",
        inputs={"chain": "shank, thigh, trunk (head and arms lumped) on a fixed foot, both legs together",
                "poses (shank, thigh, trunk)": ", ".join(f"{k} {v[0]:g}/{v[1]:g}/{v[2]:g} deg"
                                                         for k, v in _POSES_DEG.items()),
                "muscle moment": Q_(1.0, "N*m"), "velocity": Q_(0.0, "rad/s"), "gravity": "left out",
                "segment table": "the bodies' own (de Leva 1996), arms folded along the trunk"},
        rows=rows, numbers=numbers,
        key_label="largest acceleration at a joint not crossed, as a multiple of the own joint's",
        key_values=key, key_unit="",
        figure=draw,
        caveats=("Moments, not accelerations, are what the article's sentence most likely means; by that "
                 "reading it holds by definition.",
                 "Zero velocity and no gravity isolate the muscle's own effect; a real squat adds both.",
                 "A fixed foot (closed chain) is assumed; the numbers change with the support."),
    )


#: Patellar tendon moment arm (mm) at knee flexion 0, 20, 40, 60 deg, mean of MRI
#: measurements: Hosseinzadeh S, Barzegari A, Taghipour M, Mehr Aein R, Gholinia H (2020).
#: Changes of the patellar tendon moment arm length in different knee angles: a
#: biomechanical in vivo study. Arch Bone Jt Surg 8(5):641-645, Results (42.55 +- 4.20,
#: 39.91 +- 2.98, 37.73 +- 2.87, 36.18 +- 2.90 mm).
PATELLAR_TENDON_MOMENT_ARM_HOSSEINZADEH2020 = {
    "knee_flexion_deg": np.array([0.0, 20.0, 40.0, 60.0]),
    "moment_arm_mm": np.array([42.55, 39.91, 37.73, 36.18]),
    "sd_mm": np.array([4.20, 2.98, 2.87, 2.90]),
}

_WORDING_FORCE_N = 800.0        # a load's weight, any value gives the same ratios
_WORDING_ARM_M = 0.10           # perpendicular distance of its line from the joint
_WORDING_SLIDE_M = np.array([0.0, 0.1, 0.2, 0.3, 0.4])   # points along the line of action
_KNEE_TRAVEL_WINDOW = {"thigh_deg": 30.0, "shank_from_deg": 10.0, "shank_to_deg": 25.0}


@register_experiment
def experiment_torque_wording(bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ExperimentResult:
    """Torque = force x moment arm, the article's wording, and whose moment arm grows.

    1. A vertical force of 800 N whose line passes 0.10 m from a joint: its torque from the
       cross product ``r x F``, taken at points sliding 0 to 0.4 m along the line, against
       force x perpendicular distance; and force x the 0.4 m the point moved along the
       line, which is the work done and what "force x the distance over which it acts"
       computes.
    2. For each body, a quarter-squat knee-travel window (thigh 30 deg; shank lean 10 to
       25 deg, so knee flexion 40 to 55 deg, inside the measured range of the tendon data):
       the external moment arm of a load line held over a fixed point grows as the knee
       moves forward; the patellar tendon moment arm (Hosseinzadeh et al. 2020) over the
       same flexion shrinks.

    Returns
    -------
    ExperimentResult
        ``numbers[body]``: ``definition_error``, ``wording_mismatch``,
        ``external_arm_change`` (m), ``muscle_arm_change`` (m).

    Examples
    --------
    >>> r = experiment_torque_wording(STANDARD_BODIES[:1])
    >>> n = r.numbers["reference"]
    >>> n["definition_error"] < 1e-12, round(n["wording_mismatch"], 2), n["muscle_arm_change"] < 0
    (True, 3.0, True)
    """
    F = np.array([0.0, -_WORDING_FORCE_N])
    # the line x = arm (vertical); points along it
    pts = np.stack([np.full_like(_WORDING_SLIDE_M, _WORDING_ARM_M), -_WORDING_SLIDE_M], axis=-1)
    torque_cross = pts[:, 0] * F[1] - pts[:, 1] * F[0]                 # z of r x F, N*m (clockwise < 0)
    torque_def = -_WORDING_FORCE_N * _WORDING_ARM_M
    definition_error = float(np.max(np.abs(torque_cross - torque_def)) / abs(torque_def))
    work = _WORDING_FORCE_N * (_WORDING_SLIDE_M[-1] - _WORDING_SLIDE_M[0])
    wording_mismatch = float(abs(work - abs(torque_def)) / abs(torque_def))

    pt = PATELLAR_TENDON_MOMENT_ARM_HOSSEINZADEH2020
    w = _KNEE_TRAVEL_WINDOW
    flex = np.array([w["shank_from_deg"], w["shank_to_deg"]]) + w["thigh_deg"]
    arm_mm = np.interp(flex, pt["knee_flexion_deg"], pt["moment_arm_mm"])
    muscle_change = float((arm_mm[1] - arm_mm[0]) / 1000.0)
    rows = [{"quantity": f"torque r x F, force applied {s:.1f} m further along its line "
                         f"(negative = clockwise)", "value": quantity(float(t), "N*m")}
            for s, t in zip(_WORDING_SLIDE_M, torque_cross)]
    rows += [{"quantity": "force x perpendicular distance (moment arm)", "value": quantity(torque_def, "N*m")},
             {"quantity": "force x distance moved along the line (work)", "value": quantity(work, "J")},
             {"quantity": f"patellar tendon moment arm at {flex[0]:g} deg knee flexion",
              "value": quantity(float(arm_mm[0]), "mm")},
             {"quantity": f"patellar tendon moment arm at {flex[1]:g} deg knee flexion",
              "value": quantity(float(arm_mm[1]), "mm")}]
    numbers, key = {}, {}
    s0, s1 = np.radians([w["shank_from_deg"], w["shank_to_deg"]])
    for body in bodies:
        Ls = chain.chain_from_body(body).lengths[0]
        ext_change = float(Ls * (np.sin(s1) - np.sin(s0)))     # knee moves forward; the load line stays put
        numbers[body.name] = {"definition_error": definition_error, "wording_mismatch": wording_mismatch,
                              "external_arm_change": ext_change, "muscle_arm_change": muscle_change}
        key[body.name] = 100 * ext_change
        rows.append({"quantity": f"external knee moment arm growth, {body.name}",
                     "value": quantity(100 * ext_change, "cm")})

    def draw():
        from matplotlib.figure import Figure
        fig = Figure(figsize=(10, 3.8), layout="constrained")
        a1, a2 = fig.subplots(1, 2)
        a1.plot(_WORDING_SLIDE_M, np.abs(torque_cross), "o-", label="torque |r x F| (N·m)")
        a1.plot(_WORDING_SLIDE_M, _WORDING_FORCE_N * _WORDING_SLIDE_M, "s--", label="force x distance moved (J)")
        a1.set_xlabel("distance the point of force moves along its line (m)")
        a1.set_ylabel("torque (N·m) or force x distance (J)")
        a1.set_title(f"{_WORDING_FORCE_N:g} N force, {100 * _WORDING_ARM_M:g} cm moment arm:\n"
                     "sliding it along its line leaves the torque, not the work", fontsize=10)
        a1.legend(fontsize=8, loc="upper left")
        kf = np.linspace(0, 60, 61)
        a2.plot(kf, np.interp(kf, pt["knee_flexion_deg"], pt["moment_arm_mm"]),
                label="patellar tendon, mean ± SD (Hosseinzadeh 2020)")
        a2.errorbar(pt["knee_flexion_deg"], pt["moment_arm_mm"], yerr=pt["sd_mm"], fmt="o", ms=3, capsize=2,
                     color="C0")
        ref = chain.chain_from_body(bodies[0])
        shank = np.radians(kf - w["thigh_deg"])
        ok = shank >= 0
        a2b = a2.twinx()
        a2b.plot(kf[ok], 100 * ref.lengths[0] * np.sin(shank[ok]), "C1--",
                 label=f"knee ahead of ankle, thigh {w['thigh_deg']:g} deg\n(the load's lever grows with it)")
        a2b.set_ylabel("knee ahead of ankle (cm)")
        a2.set_xlabel("knee flexion (deg)")
        a2.set_ylabel("patellar tendon moment arm (mm)")
        a2.set_title("As the knee travels forward the load's lever grows,\nthe quadriceps' own lever shrinks",
                     fontsize=10)
        h1, l1 = a2.get_legend_handles_labels()
        h2, l2 = a2b.get_legend_handles_labels()
        a2.legend(h1 + h2, l1 + l2, loc="upper center", fontsize=8, framealpha=0.95)
        a2.set_ylim(30, 56)
        return fig

    return ExperimentResult(
        cue_id="",
        inputs={"force": Q_(_WORDING_FORCE_N, "N"), "perpendicular distance": Q_(_WORDING_ARM_M, "m"),
                "distance moved along the line": Q_(float(_WORDING_SLIDE_M[-1]), "m"),
                "knee-travel window": f"thigh {w['thigh_deg']:g} deg, shank lean {w['shank_from_deg']:g} to "
                                      f"{w['shank_to_deg']:g} deg",
                "tendon data": "Hosseinzadeh et al. (2020), Arch Bone Jt Surg 8(5):641-645"},
        rows=rows, numbers=numbers,
        key_label="growth of the load's moment arm about the knee, shank lean 10 to 25 deg", key_values=key,
        key_unit="cm",
        figure=draw,
        caveats=("The tendon moment arms were measured only from 0 to 60 deg of knee flexion, so the "
                 "knee-travel window is a quarter squat; deeper squats need the muscle model's curve.",
                 "The external arm growth assumes the load's line of action stays over the same point of "
                 "the foot (the centre of pressure stays at the midfoot), as balance requires.",
                 "Whether torque is the growth stimulus is physiology, outside the model."),
    )


# ------------------------------------------------------------------ tempo profile

def tempo_depth_profile(tempo: str, *, top_hold: Any = "0 s", samples_per_second: float = 200.0):
    """Time and depth fraction of one rep for a tempo such as ``"3-2-1"``.

    The digits are the lowering time, the hold at the bottom and the rising time, in
    seconds (the usual eccentric-pause-concentric notation); ``top_hold`` adds a pause at
    the top. Depth goes from 0 (top) to 1 (bottom) along a minimum-jerk path in each
    moving phase, so velocity and acceleration are zero at the turn-arounds.

    Returns
    -------
    time : pint.Quantity, s
    depth : ndarray
        Fraction of the way to the bottom, 0..1 (an exercise maps it to a pose).

    Examples
    --------
    >>> t, u = tempo_depth_profile("3-2-1")
    >>> round(float(t[-1].to("s").magnitude), 3), float(u.max())
    (6.0, 1.0)
    """
    try:
        ecc, pause, con = (float(x) for x in str(tempo).replace("/", "-").split("-")) if "-" in str(tempo) \
            else (float(c) for c in str(tempo))
    except ValueError:
        raise InputValueError(f"tempo={tempo!r} is not a tempo such as '3-2-1' or '301'.") from None
    if min(ecc, pause, con) < 0 or ecc + con <= 0:
        raise InputValueError(f"tempo={tempo!r} needs non-negative times and some movement.")
    top = to_si(top_hold, "s", "top_hold", nonnegative=True)
    total = ecc + pause + con + top
    n = max(int(round(total * samples_per_second)) + 1, 2)
    t = np.linspace(0.0, total, n)

    def mj(x):
        x = np.clip(x, 0.0, 1.0)
        return 10 * x ** 3 - 15 * x ** 4 + 6 * x ** 5

    u = np.where(t < ecc, mj(t / max(ecc, 1e-12)), 1.0)
    up = (t - ecc - pause) / max(con, 1e-12)
    u = np.where(t >= ecc + pause, 1.0 - mj(up), u)
    return Q_(t, "s"), u


def run_all(*args, **kwargs):
    """Run and judge every cue: :func:`biomech.cues.run.run_all` (kept here for callers of the old path)."""
    from .run import run_all as _run_all
    return _run_all(*args, **kwargs)
