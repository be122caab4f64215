"""Anatomy experiments: which joints a muscle crosses, and whether each glute extends the hip.

Kept apart from the other experiments on purpose: they read muscle geometry. The glute
moment arms come from the Rajagopal-Lai-Uhlrich lower-limb model's tables
(:mod:`biomech.muscles.rajagopal`: wrapped paths over the model's whole hip range, the
gluteus maximus, medius and minimus in three parts each).

Examples
--------
>>> r = experiment_glute_heads()
>>> {s.labels["muscle"]: bool(s.values["standing_arm_mm"][0] > 0) for s in r.samples}["gluteus minimus (front)"]
False
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..units import quantity
from .experiments import ExperimentResult, register_experiment
from .verdicts import Sample

__all__ = ["GLUTE_PARTS", "MUSCLE_PATH_BODIES", "experiment_glute_heads", "experiment_muscle_crossings",
           "experiment_roller_press", "HIP_ANGLES_DEG"]

#: Hip flexion range the glute arms are read over (deg): 20 deg of extension to 120 deg of
#: flexion, within the Rajagopal model's hip range (-30 to 120 deg), deep squats included.
HIP_ANGLES_DEG = np.arange(-20.0, 121.0, 5.0)

#: The glute parts of the Rajagopal-Lai-Uhlrich model (three each of maximus, medius, minimus).
GLUTE_PARTS = tuple(k for k in ("gluteus_maximus_superior", "gluteus_maximus_middle", "gluteus_maximus_inferior",
                                "gluteus_medius_anterior", "gluteus_medius_middle", "gluteus_medius_posterior",
                                "gluteus_minimus_anterior", "gluteus_minimus_middle", "gluteus_minimus_posterior"))

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
    from ..muscles.rajagopal import ARM_ROWS, KEYS, NAMES, tables

    h = HIP_ANGLES_DEG
    arms, _, _ = tables().evaluate(h, np.zeros_like(h), np.zeros_like(h))  # knee and ankle do not matter here
    samples, rows, curves = [], [], {}
    for key in GLUTE_PARTS:
        name = NAMES[key]
        arm_mm = 1000.0 * arms[:, ARM_ROWS.index("hip"), KEYS.index(key)]  # + extends (library sign)
        curves[name] = arm_mm
        samples.append(Sample({"muscle": name}, {"extensor_arm_mm": arm_mm,
                                                 "standing_arm_mm": arm_mm[h == 0.0]},
                              {"hip flexion (deg)": h}))
        rows.append({"muscle": name, "at 20 deg extension": quantity(arm_mm[0], "mm"),
                     "standing (0 deg)": quantity(float(arm_mm[h == 0.0][0]), "mm"),
                     "at 90 deg flexion": quantity(float(arm_mm[h == 90.0][0]), "mm"),
                     "at 120 deg flexion": quantity(arm_mm[-1], "mm")})

    def draw():
        from matplotlib.figure import Figure
        fig = Figure(figsize=(7.5, 4.2), layout="constrained")
        ax = fig.subplots()
        for k, (name, arm) in enumerate(curves.items()):
            ax.plot(HIP_ANGLES_DEG, arm, ["-", "--", ":"][k % 3],
                    color=("C0" if "maximus" in name else "C1" if "medius" in name else "C2"), label=name)
        ax.axhline(0, color="grey", lw=0.8)
        ax.set_xlabel("hip flexion (deg; negative = extension)")
        ax.set_ylabel("hip moment arm (mm; + extends)")
        fig.legend(*ax.get_legend_handles_labels(), fontsize=7, ncols=3, loc="outside lower center")
        ax.set_title("Do all three glutes extend the hip? Moment arm of each part\n"
                     "(Rajagopal-Lai-Uhlrich model, knee and ankle at 0 deg)", fontsize=10)
        return fig

    return ExperimentResult(
        "", {"geometry": "Rajagopal-Lai-Uhlrich lower-limb model (Rajagopal et al. 2016, with Lai et al. 2017 "
                         "and Uhlrich et al. 2022), tabulated in biomech.muscles.rajagopal",
             "hip flexion": "-20 to 120 deg"},
        rows, {}, "", {}, figure=draw, samples=tuple(samples),
        caveats=("One generic model geometry (scaled cadaver and imaging data); no between-subject spread is "
                 "published with it.",
                 "Sagittal moment arms only: the gluteus medius and minimus act mainly as abductors, which this "
                 "report cannot judge."))


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
