"""Anatomy experiments: which joints a muscle crosses, and whether each glute extends the hip.

Kept apart from the other experiments on purpose: they read muscle geometry, and when the
muscle layer offers the Rajagopal model's muscles (gluteus medius and minimus, biceps
femoris short head as their own groups) these two functions are the only place to re-point.
Until then the geometry is the straight-line hip model of Dostal & Andrews (1981), the same
source :mod:`biomech.muscles.catalog` uses for its hip moment arms, read with its
:func:`~biomech.muscles.catalog.line_of_action_moment_arm`.

Examples
--------
>>> r = experiment_glute_heads()
>>> {s.labels["muscle"]: bool(s.values["standing_arm_mm"][0] > 0) for s in r.samples}["gluteus minimus, anterior"]
False
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..muscles.catalog import line_of_action_moment_arm
from ..units import quantity
from .experiments import ExperimentResult, register_experiment
from .verdicts import Sample

__all__ = ["DOSTAL1981_GLUTES", "MUSCLE_PATH_BODIES", "experiment_glute_heads", "experiment_muscle_crossings",
           "experiment_roller_press", "HIP_ANGLES_DEG"]

#: Dostal WF, Andrews JG (1981) A three-dimensional biomechanical model of hip musculature.
#: J Biomech 14:803-812, Table 1: origin (pelvis) and insertion (femur), cm, hip centre at
#: the origin, x anterior, y superior, z lateral. Transcribed from the public
#: HipJointForceModel project (RWTHmediTEC/HipJointForceModel, data/Dostal1981.m, commit
#: 07d516f9bb44405dc7304e84d12aa8e937121729). One cadaver-based geometry: no spread is given.
DOSTAL1981_GLUTES = {
    "gluteus maximus": ((-8.7, 6.8, -4.4), (-0.9, -10.3, 4.7)),
    "gluteus medius, anterior": ((2.7, 10.2, 6.2), (-1.8, -2.6, 7.3)),
    "gluteus medius, middle": ((-0.2, 13.2, 1.8), (-1.8, -2.6, 7.3)),
    "gluteus medius, posterior": ((-4.8, 9.7, -1.5), (-1.8, -2.6, 7.3)),
    "gluteus minimus, anterior": ((2.9, 7.3, 4.1), (0.4, -2.7, 6.9)),
    "gluteus minimus, middle": ((-0.4, 8.8, 2.0), (0.4, -2.7, 6.9)),
    "gluteus minimus, posterior": ((-2.6, 7.1, 0.0), (0.4, -2.7, 6.9)),
}
#: Hip flexion range the glute arms are read over (deg): 20 deg of extension to 90 of flexion,
#: the range Dostal, Soderberg & Andrews (1986, Phys Ther 66:351-361) used this model for.
HIP_ANGLES_DEG = np.arange(-20.0, 91.0, 5.0)

#: The bodies each muscle path attaches to, first and last path point, in the Rajagopal
#: lower-limb model (Rajagopal A et al. 2016, IEEE Trans Biomed Eng 63:2068-2079, as
#: updated by Lai and Uhlrich, RajagopalLaiUhlrich2023.osim): the biceps femoris short head
#: runs femur to tibia, its long head pelvis to tibia.
MUSCLE_PATH_BODIES = {
    "biceps femoris, short head": ("femur", "tibia"),
    "biceps femoris, long head": ("pelvis", "tibia"),
    "semitendinosus": ("pelvis", "tibia"),
    "semimembranosus": ("pelvis", "tibia"),
}
_CHAIN = ("pelvis", "femur", "tibia", "calcn")
_JOINT_BETWEEN = {("pelvis", "femur"): "hip", ("femur", "tibia"): "knee", ("tibia", "calcn"): "ankle"}


def _crossed(first: str, last: str) -> tuple[str, ...]:
    i, j = _CHAIN.index(first), _CHAIN.index(last)
    return tuple(_JOINT_BETWEEN[(_CHAIN[k], _CHAIN[k + 1])] for k in range(min(i, j), max(i, j)))


@register_experiment
def experiment_glute_heads(bodies: Sequence = ()) -> ExperimentResult:
    """Hip-extensor moment arm of each glute part over 20 deg extension to 90 deg flexion.

    Moment arms are the model's (one geometry): the same for every body once scaled, so
    ``bodies`` is not used. Positive = extensor.

    Returns
    -------
    ExperimentResult
        Samples per muscle part: ``extensor_arm_mm`` over the hip angles, with hip flexion
        as the driver.
    """
    samples, rows, curves = [], [], {}
    for name, (o, ins) in DOSTAL1981_GLUTES.items():
        arm_mm = -10.0 * np.asarray(line_of_action_moment_arm(o, ins, HIP_ANGLES_DEG), dtype=float)  # cm -> mm, + ext
        curves[name] = arm_mm
        samples.append(Sample({"muscle": name}, {"extensor_arm_mm": arm_mm,
                                                 "standing_arm_mm": arm_mm[HIP_ANGLES_DEG == 0.0]},
                              {"hip flexion (deg)": HIP_ANGLES_DEG}))
        rows.append({"muscle": name, "at 20 deg extension": quantity(arm_mm[0], "mm"),
                     "standing (0 deg)": quantity(arm_mm[4], "mm"),
                     "at 90 deg flexion": quantity(arm_mm[-1], "mm")})

    def draw():
        from matplotlib.figure import Figure
        fig = Figure(figsize=(7.5, 4.2), layout="constrained")
        ax = fig.subplots()
        for k, (name, arm) in enumerate(curves.items()):
            ax.plot(HIP_ANGLES_DEG, arm, ["-", "--", "-.", ":", "--", "-.", ":"][k],
                    color=("C0" if "maximus" in name else "C1" if "medius" in name else "C2"), label=name)
        ax.axhline(0, color="grey", lw=0.8)
        ax.set_xlabel("hip flexion (deg; negative = extension)")
        ax.set_ylabel("hip moment arm (mm; + extends)")
        fig.legend(*ax.get_legend_handles_labels(), fontsize=7, ncols=4, loc="outside lower center")
        ax.set_title("Do all three glutes extend the hip? Moment arm of each part (Dostal & Andrews 1981)",
                     fontsize=10)
        return fig

    return ExperimentResult(
        "", {"geometry": "Dostal & Andrews (1981) straight-line hip model, Table 1",
             "hip flexion": "-20 to 90 deg"},
        rows, {}, "", {}, figure=draw, samples=tuple(samples),
        caveats=("Straight lines from origin to insertion: the gluteus maximus wraps over the ischium in "
                 "deep flexion, which a straight line ignores, so its reversal past about 55 deg is an artefact "
                 "(the Delp 1990 path with its via point, which biomech.muscles uses, keeps it an extensor).",
                 "One cadaver geometry; no between-subject spread is published with it."))


@register_experiment
def experiment_muscle_crossings(bodies: Sequence = ()) -> ExperimentResult:
    """Which joints each hamstring crosses, from the bodies its path attaches to.

    Returns
    -------
    ExperimentResult
        Samples per muscle: ``crosses_hip`` (1 or 0).
    """
    samples, rows = [], []
    for name, (a, b) in MUSCLE_PATH_BODIES.items():
        joints = _crossed(a, b)
        samples.append(Sample({"muscle": name}, {"crosses_hip": np.array([1.0 if "hip" in joints else 0.0])}))
        rows.append({"muscle": name, "from": a, "to": b, "joints crossed": ", ".join(joints)})
    short = [s for s in samples if s.labels["muscle"].endswith("short head")]
    return ExperimentResult(
        "", {"model": "Rajagopal et al. (2016) lower-limb model, Lai-Uhlrich 2023 update: path attachments"},
        rows, {}, "", {}, samples=tuple(short),
        caveats=("The verdict reads the short head alone; the rows show the other hamstrings for contrast.",))


#: Presses into the roller compared (N): none, then up to 200 N (about a quarter of body
#: weight, an assumption). Statics cannot say which a lifter uses, so each is equally likely.
ROLLER_PRESSES_N = (0.0, 50.0, 100.0, 150.0, 200.0)
#: Hamstrings' knee-flexor moment arm near full extension, m: about 25 mm (Delp et al.
#: 1990 model geometry at 0-10 deg knee flexion, as tabulated in biomech.muscles.catalog).
HAMSTRINGS_KNEE_ARM_M = 0.025


@register_experiment
def experiment_roller_press(bodies: Sequence = ()) -> ExperimentResult:
    """Back extension with the heels pressed up into the roller: the hamstrings' knee-flexor demand.

    With the pad and the roller as the only supports, statics fixes the knee moment from the
    legs' weight; a voluntary press needs a third contact whose size statics cannot decide.
    Per newton of press at the roller (``roller`` 5 cm above the ankle), the knee-flexor
    moment is the press times the distance from the knee to the roller.

    Returns
    -------
    ExperimentResult
        Samples per body: ``knee_flexor_moment`` (N·m) over :data:`ROLLER_PRESSES_N`, with the
        press as the driver; ``per_100N`` (N·m per 100 N of press).
    """
    samples, rows = [], []
    press = np.asarray(ROLLER_PRESSES_N)
    for body in bodies:
        lever = body.shank.length_m - 0.05
        m = press * lever
        samples.append(Sample({"body": body.name}, {"knee_flexor_moment": m, "per_100N": np.array([100 * lever])},
                              {"press into the roller (N)": press}))
        rows.append({"body": body.name, "knee-flexor moment per 100 N of press": quantity(100 * lever, "N*m"),
                     "hamstrings force per 100 N of press": quantity(100 * lever / HAMSTRINGS_KNEE_ARM_M, "N")})
    return ExperimentResult(
        "", {"supports": "pad at the thighs, roller 5 cm above the ankle, plus the press",
             "presses": ", ".join(f"{p:g} N" for p in ROLLER_PRESSES_N) + " (none to about a quarter of body weight)"},
        rows, {}, "", {}, samples=tuple(samples),
        caveats=("The press is the lifter's choice: statics with pad and roller cannot size it.",
                 "The hamstrings' knee arm near full extension is taken as 25 mm (Delp 1990 geometry)."))
