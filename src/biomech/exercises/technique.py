"""Typical technique from published measurements, with the spread real lifters show.

Statics fixes the sum of the knee and hip moments at a given thigh angle; how that sum is
shared between the knee and the hip is decided by technique: where the pressure sits under
the foot, how far the shins lean, how the trunk leans. This module holds those technique
variables per exercise, each as a :class:`Measured` value with its mean, its spread, the
sample it was measured on and its citation, or flagged as an assumption with a rationale
where nothing was measured. The exercise layer reads them as defaults that a coach's
parameters override (see ``docs/technique.md``).

What is here
------------
* :class:`Measured` - one number with its spread and source.
* :class:`TypicalTechnique` - one exercise: the variables drawn, the measured values kept
  only as checks (``reference``), the correlations, the bounds, and the variable that balance
  decides (never drawn; the exercise layer solves it).
* :func:`typical` - the :class:`TypicalTechnique` of an exercise by name.
* :func:`draw` - ``n`` correlated technique samples (a Gaussian copula with truncated-normal
  marginals: correlated standard normals mapped through each variable's truncated normal),
  reproducible by ``seed`` (fixed default :data:`DEFAULT_SEED`).
* :func:`squat_shank_lean` - the squat's shin lean as a function of depth, bar and stance.
* :func:`lumbopelvic` - pelvic tilt and lumbar flexion from the hip-to-shoulder trunk lean.
* :func:`projection` and :func:`stance_change` - what a wider, turned-out stance changes in
  the side view by projection alone, and what it changes by a measured change of technique.
* :func:`band` - low / typical / high of any sampled result over its feasible samples.
* :func:`samples_memory` - bytes a samples x grid evaluation needs; :data:`MEMORY_LIMIT_BYTES`.

Conventions are the project's (``docs/conventions.md``): angles from vertical, positive
forward; the centre of pressure is a fraction of the heel-to-toe-tip length from the heel.
Inside, everything is numpy in SI (rad, m, plain fractions); Quantities only at the edges.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

import numpy as np
import pint

from ..errors import InputValueError, RangeError
from ..units import Q_, to_si

__all__ = [
    "Measured", "TypicalTechnique", "TechniqueSamples", "Band", "StanceChange", "typical", "draw", "band",
    "squat_shank_lean", "lumbopelvic", "projection", "stance_change", "samples_memory", "check_memory",
    "EXERCISES", "DEFAULT_SEED", "MAX_SAMPLES", "MEMORY_LIMIT_BYTES", "deadlift_knee_flexion", "KNEE_OFFSETS",
]

#: Seed used when none is given, so that repeated runs give the same samples.
DEFAULT_SEED = 13
#: Largest number of technique samples one call draws (memory stays bounded).
MAX_SAMPLES = 100_000
#: Memory a samples x grid evaluation may take (float64 arrays), bytes: 512 MiB.
MEMORY_LIMIT_BYTES = 512 * 2 ** 20

_SI = {"deg": ("rad", math.pi / 180.0), "1": ("1", 1.0), "m": ("m", 1.0), "cm": ("m", 0.01)}


# --------------------------------------------------------------------------- one measured number
@dataclass(frozen=True)
class Measured:
    """One technique number with its spread, sample and source.

    Parameters
    ----------
    mean : float
        Typical value, in ``unit``.
    sd : float
        Between-lifter standard deviation, in ``unit``: the published SD (``spread="sd"``),
        a quarter of a published range (``spread="range"``, the range read as mean +- 2 SD),
        or an assumption (``spread="assumed"``).
    unit : str
        ``"deg"`` (angles), ``"1"`` (fractions, such as the centre of pressure along the
        foot or a stance width in shoulder widths), ``"m"`` or ``"cm"``.
    source : str
        Citation (authors, year, journal, volume:pages) and what was read (abstract or full
        text). For an assumption, what the number is anchored to.
    n : int, optional
        Sample size of the study.
    sample : str
        Who was measured: sex, age, training status, load.
    note : str
        What the number is exactly (instant, condition) and, for an assumption, its rationale.
    spread : {"sd", "range", "assumed"}
        Where ``sd`` comes from.
    low, high : float, optional
        The published range (``spread="range"``), in ``unit``.
    assumption : bool
        True when the mean itself is not a measurement.

    Examples
    --------
    >>> m = Measured.from_range(44.4, 53.5, "1", source="Ishida et al. 2022", n=16)
    >>> round(m.mean, 2), round(m.sd, 3), m.spread
    (48.95, 2.275, 'range')
    >>> Measured(30.0, 5.0, "deg", source="rationale in note", spread="assumed", assumption=True,
    ...          note="placeholder").is_measured
    False
    """

    mean: float
    sd: float
    unit: str
    source: str
    n: int | None = None
    sample: str = ""
    note: str = ""
    spread: str = "sd"
    low: float | None = None
    high: float | None = None
    assumption: bool = False

    def __post_init__(self):
        for name in ("mean", "sd"):
            v = getattr(self, name)
            if not isinstance(v, (int, float)) or not math.isfinite(v):
                raise InputValueError(f"Measured {name}={v!r} must be a finite number.")
        if self.unit not in _SI:
            raise InputValueError(f"Measured unit={self.unit!r} is not one of {sorted(_SI)}.")
        if not self.source.strip():
            raise InputValueError("Measured source='' : every technique number names its source.")
        if self.spread not in ("sd", "range", "assumed"):
            raise InputValueError(f"Measured spread={self.spread!r} must be 'sd', 'range' or 'assumed'.")
        if self.sd <= 0:
            raise RangeError(f"Measured sd={self.sd!r} must be greater than zero.")
        if self.spread == "range":
            if self.low is None or self.high is None or not self.low < self.high:
                raise InputValueError(f"Measured spread='range' needs low < high, got low={self.low!r}, "
                                      f"high={self.high!r}.")
        if (self.assumption or self.spread == "assumed") and not self.note.strip():
            raise InputValueError("An assumed technique number needs its rationale in note=.")

    @classmethod
    def from_range(cls, low: float, high: float, unit: str, **kw) -> "Measured":
        """A value published only as a range: mean = midpoint, sd = range / 4."""
        low, high = float(low), float(high)
        return cls(mean=0.5 * (low + high), sd=(high - low) / 4.0, unit=unit, spread="range", low=low, high=high,
                   **kw)

    @property
    def is_measured(self) -> bool:
        """True when both the mean and the spread come from a study."""
        return not self.assumption and self.spread != "assumed"

    @property
    def si_unit(self) -> str:
        return _SI[self.unit][0]

    @property
    def mean_si(self) -> float:
        return self.mean * _SI[self.unit][1]

    @property
    def sd_si(self) -> float:
        return self.sd * _SI[self.unit][1]

    def quantity(self) -> pint.Quantity:
        """The mean as a Quantity (a plain number for fractions)."""
        return Q_(self.mean, "dimensionless" if self.unit == "1" else self.unit)

    def __str__(self) -> str:
        if self.spread == "range":
            spread = f"range {self.low:g} to {self.high:g}, SD = range/4"
        else:
            spread = "SD" if self.spread == "sd" else "SD assumed"
        tag = " [assumption]" if self.assumption else ""
        unit = "" if self.unit == "1" else f" {self.unit}"
        return f"{self.mean:g} +- {self.sd:.3g}{unit} ({spread}){tag}; {_short(self.source)}"


# --------------------------------------------------------------------------- sources
_ISHIDA_2022 = ("Ishida T, Samukawa M, Endo D, Kasahara S, Tohyama H. Effects of changing center of pressure "
                "position on knee and ankle extensor moments during double-leg squatting. J Sports Sci Med "
                "2022;21:341-346 (abstract)")
_ESCAMILLA_2001 = ("Escamilla RF, Fleisig GS, Lowry TM, Barrentine SW, Andrews JR. A three-dimensional "
                   "biomechanical analysis of the squat during varying stance widths. Med Sci Sports Exerc "
                   "2001;33(6):984-998 (abstract)")
_ESCAMILLA_2000 = ("Escamilla RF, Francisco AC, Fleisig GS, et al. A three-dimensional biomechanical analysis of "
                   "sumo and conventional style deadlifts. Med Sci Sports Exerc 2000;32(7):1265-1275 (abstract)")
_SCHELLENBERG_2013 = ("Schellenberg F, et al. Kinetic and kinematic "
                      "differences between deadlifts and goodmornings. BMC Sports Sci Med Rehabil 2013;5:27 "
                      "(abstract, PMC3878967)")
_WALSH_2007 = ("Walsh JC, et al. Three-dimensional motion analysis "
               "of the lumbar spine during 'free squat' weight lift training. Am J Sports Med 2007;35:927-932 "
               "(abstract)")
_MCKEAN_2010 = ("McKean MR, Dunn PK, Burkett BJ. The lumbar and sacrum movement pattern during the back squat "
                "exercise. J Strength Cond Res 2010;24(10):2731-2741 (abstract)")
_WRETENBERG_1996 = ("Wretenberg P, Feng Y, Arborelius UP. High- and low-bar squatting techniques during "
                    "weight-training. Med Sci Sports Exerc 1996;28(2):218-224 (abstract)")
_GLASSBROOK_2017 = ("Glassbrook DJ, Helms ER, Brown SR, Storey AG. A review of the biomechanical differences "
                    "between the high-bar and low-bar back-squat. J Strength Cond Res 2017;31(9):2618-2634 "
                    "(abstract)")
_VAN_DEN_TILLAAR_2020 = ("van den Tillaar R, et al. High-bar versus low-bar placement: kinematics and muscle "
                         "activity around the sticking region of back squats. Front Sports Act Living 2020, doi "
                         "10.3389/fspor.2020.604177 (abstract, PMC7739732; title paraphrased)")
_SWINTON_2011 = ("Swinton PA, Stewart A, Agouris I, Keogh JWL, Lloyd R. A biomechanical analysis of straight and "
                 "hexagonal barbell deadlifts using submaximal loads. J Strength Cond Res 2011;25(7):2000-2009 "
                 "(abstract)")
_LEE_2018 = ("Lee S, Schultz J, Timgren J, Staelgraeve K, Miller M, Liu H. An electromyographic and kinetic "
             "comparison of conventional and Romanian deadlifts. J Exerc Sci Fit 2018;16(3):87-93 (abstract, "
             "PMC6323186)")
_FARROKHI_2008 = ("Farrokhi S, Pollard CD, Souza RB, Chen YJ, Reischl S, Powers CM. Trunk position influences "
                  "the kinematics, kinetics, and muscle activity of the lead lower extremity during the forward "
                  "lunge exercise. J Orthop Sports Phys Ther 2008;38(7):403-409 (abstract; no angles read)")
_WOODHULL_1985 = ("Woodhull AM, et al. Alignment of the human body in standing. Eur J Appl Physiol Occup Physiol "
                  "1985;54(1):109-115 (abstract)")
_DI_GIULIO_2019 = ("Di Giulio I, Baltzopoulos V. Attainment of quiet standing in humans: are the lower limb joints "
                   "controlled relative to a misaligned postural reference? Front Physiol 2019;10:625 (abstract)")
_SWINTON_2012 = ("Swinton PA, Lloyd R, Keogh JWL, Agouris I, Stewart AD. A biomechanical comparison of the "
                 "traditional squat, powerlifting squat, and box squat. J Strength Cond Res 2012;26(7):1805-1816 "
                 "(abstract)")
_RIEMANN_2012 = ("Riemann BL, et al. Biomechanical analysis of the anterior lunge during 4 external-load "
                 "conditions. 2012 (abstract, PMC3396296; journal not verified)")

# --------------------------------------------------------------------------- the numbers
#: Centre of pressure at the bottom of a squat, fraction of heel-to-toe length from the heel.
COP_SQUAT = Measured.from_range(
    0.444, 0.535, "1", source=_ISHIDA_2022, n=16, assumption=True,
    sample="men, 22.1 +- 1.5 yr, bodyweight "
    "double-leg squats",
    note="At peak vertical ground reaction; 53.5 +- 2.4 % of foot length with feedback to keep the pressure "
    "forward and 44.4 +- 2.1 % to keep it back. The uncued position is not in the abstract: the typical value is "
    "the midpoint of the two cued conditions (an assumption) and the range between them is read as +-2 SD.")

#: Change of ankle dorsiflexion (shin lean, foot flat) between the two cued conditions, deg.
DORSIFLEXION_PER_COP = Measured.from_range(
    0.6, 2.6, "deg", source=_ISHIDA_2022, n=16, sample="as COP_SQUAT",
    note="Anterior minus posterior COP condition (9.1 % of foot length apart): 95 % CI of the mean difference "
    "0.6 to 2.6 deg, read as a range; range/4 is then about the standard error of the mean difference.")

#: Shin lean at parallel (thigh horizontal), by bar position, deg.
SHANK_AT_PARALLEL = {
    "high_bar": Measured(
        32.0, 5.0, "deg", source=f"assumption; ordering from {_WRETENBERG_1996} and {_GLASSBROOK_2017}",
        spread="assumed", assumption=True,
        note="No absolute shin angle at parallel could be read (searched again: List 2013, Fuglsang 2017, Swinton "
        "2012, Bryanton 2012, Kernozek; only abstracts or introductions were readable). 32 deg puts the knee joint centre about 0.23 m "
        "ahead of the ankle for a 0.43 m shank, knee flexion 122 deg at parallel. SD assumed 5 deg: the measured "
        "stance-width effect alone is 5-9 deg (Escamilla 2001)."),
    "low_bar": Measured(
        29.0, 5.0, "deg", source=f"assumption; direction from {_WRETENBERG_1996} and {_GLASSBROOK_2017}, size "
        f"limited by {_VAN_DEN_TILLAAR_2020}",
        spread="assumed", assumption=True,
        note="Low-bar powerlifters sat back more than high-bar weightlifters (larger hip, smaller knee moments, "
        "Wretenberg 1996), but with depth and stance matched, 10 male powerlifters showed no difference in joint "
        "kinematics between bar positions (van den Tillaar 2020). The difference is then mostly stance and depth, "
        "which enter separately; 3 deg less than high bar is assumed."),
    "front": Measured(
        36.0, 5.0, "deg", source=f"assumption; direction from {_GLASSBROOK_2017}",
        spread="assumed", assumption=True,
        note="The front squat keeps the trunk most upright, so the knees travel further forward for balance; "
        "4 deg more than high bar is assumed."),
}

#: Quiet standing: the knee joint ahead of the ankle joint, cm (the standing end of the squat's shin lean).
KNEE_AHEAD_STANDING = Measured(
    3.8, 2.0, "cm", source=_WOODHULL_1985, n=15,
    sample="15 subjects photographed in profile on a reaction board, typical symmetrical standing",
    note="Knee 3.8 +- 2.0, hip 6.2 +- 1.3, shoulder 3.8 +- 1.9 cm anterior to the ankle (landmark positions).")

#: Quiet standing: shin lean from vertical, deg (from KNEE_AHEAD_STANDING).
SHANK_STANDING = Measured(
    round(math.degrees(math.asin(0.038 / 0.450)), 2), round(math.degrees(0.020 / 0.450), 2), "deg",
    source=_WOODHULL_1985, n=15, sample="as KNEE_AHEAD_STANDING",
    note="Derived: asin(knee ahead of ankle / shank length) with the reference body's shank (de Leva 1996, 1.78 m: "
    "0.450 m); SD from the 2.0 cm SD the same way. The squat's shin lean at depth 0 (squat_shank_lean).")

#: Quiet standing: line of gravity (the centre of pressure of a static pose) ahead of the ankle joint, cm.
COP_STANDING = Measured(
    5.8, 1.8, "cm", source=_DI_GIULIO_2019, n=13,
    sample="13 healthy adults standing quietly on a force platform after walking, steady state (7.55-7.6 s)",
    note="Line of gravity minus ankle joint centre 58 +- 5 mm (mean +- SEM); SD = SEM x sqrt(13) = 18 mm. The "
    "squat's pressure point at depth 0 (with a bar: the lifter is taken to keep the alignment of quiet standing, an "
    "assumption). 5.8 cm ahead of the ankle is 41 % of the reference body's foot length from the heel.")

#: Quiet standing: centre of gravity of the body above the knee, ahead of the knee joint, cm (a check).
COM_ABOVE_KNEE_STANDING = Measured(
    1.4, 1.1, "cm", source=_WOODHULL_1985, n=15, sample="as KNEE_AHEAD_STANDING",
    note="Partial centre of gravity above the knee, from the whole-body centre of gravity minus the segments below. "
    "Weight above the knee x 1.4 cm is a knee extensor moment of about 0.06 N*m/kg per leg for a de Leva male.")
#: Quiet standing: centre of gravity of the body above the hip, ahead of the hip joint, cm (a check).
COM_ABOVE_HIP_STANDING = Measured(
    -1.0, 1.6, "cm", source=_WOODHULL_1985, n=15, sample="as KNEE_AHEAD_STANDING",
    note="1.0 +- 1.6 cm behind the trochanter: a hip flexor moment of about -0.03 N*m/kg per leg for a de Leva male.")

#: Centre of pressure at the bottom of a squat with the lifter sitting back (box squat), fraction of foot length.
COP_SITTING_BACK = Measured(
    0.444, 0.021, "1", source=_ISHIDA_2022, n=16, sample="as COP_SQUAT",
    note="Ishida's posterior-feedback condition, 44.4 +- 2.1 % of foot length, used for a squat onto a box: Swinton "
    "et al. 2012 (abstract) describe the box squat with a more vertical shin and the system centre of mass "
    "displaced backward, without a value; that this cued condition stands for it is an assumption.")
#: Stance of a box squat, shoulder widths.
STANCE_BOX = Measured(
    1.69, 0.12, "1", source=f"{_ESCAMILLA_2001}; direction from {_SWINTON_2012}", n=39,
    sample="as SHANK_WIDE_MINUS_NARROW", assumption=True,
    note="Swinton 2012: the box squat (92.1 +- 5.1 cm) and powerlifting squat (89.6 +- 4.9 cm) used about twice "
    "the traditional squat's stance (48.3 +- 3.8 cm); Escamilla 2001's wide-stance group (1.69 shoulder widths) "
    "is taken for the box squat's technique (an assumption: Swinton's shoulder widths were not read).")

#: Shin more vertical with a wide stance than a narrow one, deg (negative = more vertical).
SHANK_WIDE_MINUS_NARROW = Measured.from_range(
    -9.0, -5.0, "deg", source=_ESCAMILLA_2001, n=39, sample="powerlifters at a national championship, "
    "competition squats (sex not given in the abstract)",
    note="Wide stance (169 +- 12 % of shoulder width) versus narrow (107 +- 10 %), at 90 deg and at maximum knee "
    "flexion: shanks 5-9 deg more vertical. The range spans the two instants; no between-lifter SD was read.")
THIGH_WIDE_MINUS_NARROW = Measured.from_range(
    7.0, 12.0, "deg", source=_ESCAMILLA_2001, n=39, sample="as SHANK_WIDE_MINUS_NARROW",
    note="Medium (142 +- 12 % of shoulder width) and wide stance versus narrow, at 45 and 90 deg knee flexion: "
    "thighs 7-12 deg more horizontal (hips 6-11 deg more flexed); trunk positions did not differ. Whether these "
    "are the 2-D or the 3-D angles is not stated in the abstract; the wide stance is used as the end point.")
STANCE_NARROW = Measured(1.07, 0.10, "1", source=_ESCAMILLA_2001, n=39, sample="as SHANK_WIDE_MINUS_NARROW",
                         note="Narrow-stance group, stance width / shoulder width.")
STANCE_WIDE = Measured(1.69, 0.12, "1", source=_ESCAMILLA_2001, n=39, sample="as SHANK_WIDE_MINUS_NARROW",
                       note="Wide-stance group, stance width / shoulder width.")
TOE_OUT_WIDE_MINUS_NARROW = Measured(
    6.0, 3.0, "deg", source=_ESCAMILLA_2001, n=39, sample="as SHANK_WIDE_MINUS_NARROW", spread="assumed",
    note="Feet turned out 6 deg more in the wide stance (mean from the abstract); SD assumed 3 deg.")

#: Lumbar flexion at the bottom of a loaded back squat, deg.
LUMBAR_FLEXION_SQUAT = Measured.from_range(
    6.8, 26.3, "deg", source=f"{_WALSH_2007}; {_MCKEAN_2010}", n=78,
    sample="Walsh: 48 athletes (28 M, 20 F), 40-80 % 1RM; McKean: 30 trained lifters (18 M, 12 F), 50 % body "
    "weight, narrow and wide stance",
    note="Walsh: flexion from the calibrated zero ranged 24.7 deg (40 % 1RM) to 6.8 deg (80 % 1RM); McKean: "
    "lumbar flexion range over the descent 12.6-12.9 deg (women) and 25.4-26.3 deg (men), taken here as the "
    "flexion reached at the bottom. Only group means were read; their span is taken as +-2 SD.")

#: Lumbar flexion at the bottom of a Romanian deadlift or good morning, deg.
LUMBAR_FLEXION_HINGE = Measured(
    20.0, 8.0, "deg", source="assumption; anchored to the squat values of Walsh 2007 and McKean 2010",
    spread="assumed", assumption=True,
    note="No lumbar angle in a hinge could be read. Lifters are coached to keep the lumbar spine near neutral, "
    "yet the trunk leans 60-90 deg; a share like the squat's male values is assumed.")

#: Centre of pressure in the good morning (bar on the back), fraction of foot length.
COP_HINGE = Measured(
    0.42, 0.04, "1", source="assumption (no force-plate value read)", spread="assumed", assumption=True,
    note="The hips move back and lifters are coached to keep the weight toward the heels; placed 7 % of foot "
    "length behind the squat's midpoint, near Ishida 2022's posterior-cue value less one SD (44.4 - 2.1 = 42.3 "
    "%). Used for the good morning only; the hinges that hold the bar in the hands use COP_RDL.")

#: Statics of a flat foot: the ankle moment per leg is the weight above the foot, half of body plus bar,
#: times the pressure point's distance ahead of the ankle. Lee et al. 2018 (row 13 of docs/validation.md)
#: report the ankle moment per kg of body mass with a bar of 1.05 body masses (the project's reading,
#: validation.LEE_2018_LOAD_BODY_MASSES): lever = moment / (g (1 + 1.05) / 2). As a fraction of the
#: heel-to-toe-tip length, the ankle sits at 19.0 % of it in the de Leva foot of the reference body
#: (ankle 5.01 cm, toe tip 26.39 cm from the heel at 1.78 m).
_LEE_LEVER_PER_NM_KG = 1.0 / (9.80665 * (1.0 + 1.05) / 2.0)        # m per (N*m/kg)
_ANKLE_FRACTION = 0.0501 / 0.2639
_FOOT_M = 0.2639

#: Centre of pressure in the Romanian (and stiff-leg) deadlift, mean over the rep, fraction of foot length.
COP_RDL = Measured(
    round(_ANKLE_FRACTION + 0.29 * _LEE_LEVER_PER_NM_KG / _FOOT_M, 3), round(0.06 * _LEE_LEVER_PER_NM_KG / _FOOT_M, 3),
    "1", source=f"derived by statics from {_LEE_2018}", n=21,
    sample="21 men, Romanian deadlifts at 70 % of the RDL 1RM",
    note="Read: the ankle net joint torque 0.29 +- 0.06 N*m/kg (printed -0.29, read as plantarflexor, per leg, "
    "per kg of body mass, mean over the rep; bar 1.05 x body mass, an assumption). A flat foot's ankle moment is "
    "the weight above the foot times the pressure point's lever ahead of the ankle: 2.9 +- 0.6 cm, i.e. 29.9 % "
    "of the reference foot from the heel (the subjects' foot length was not read: the reference foot is "
    "assumed). No force-plate position was read; the SD is the moment's SD carried through the same statics. "
    "Taken from the study row 13 compares with, so that row is a consistency check.")

#: Centre of pressure in the conventional deadlift, mean over the rep, fraction of foot length.
COP_DEADLIFT = Measured(
    round(_ANKLE_FRACTION + 0.33 * _LEE_LEVER_PER_NM_KG / _FOOT_M, 3), round(0.08 * _LEE_LEVER_PER_NM_KG / _FOOT_M, 3),
    "1", source=f"derived by statics from {_LEE_2018}", n=21,
    sample="21 men, conventional deadlifts at 70 % of the RDL 1RM",
    note="Read: the ankle net joint torque 0.33 +- 0.08 N*m/kg (printed -0.33, read as plantarflexor, per leg, "
    "per kg of body mass, mean over the rep; bar 1.05 x body mass, an assumption): lever 3.3 +- 0.8 cm ahead "
    "of the ankle, 31.4 % of the reference foot from the heel. Used for the sumo and trap-bar starts too "
    "(an assumption: no force-plate value of theirs was read). Taken from the study row 13 compares with, so "
    "that row is a consistency check.")

#: Knee flexion, deg.
KNEE_GOOD_MORNING = Measured(
    5.3, 6.7, "deg", source=_SCHELLENBERG_2013, n=13, sample="13 subjects, good mornings with 25 % body weight",
    note="Maximal knee flexion over the rep.")
KNEE_DEADLIFT = Measured(
    107.8, 22.4, "deg", source=_SCHELLENBERG_2013, n=13, sample="13 subjects, deadlifts with 25 % body weight "
    "(103.4 +- 22.6 deg with 50 %)",
    note="Maximal knee flexion over the rep, i.e. at the start from the floor; the style is not stated in the "
    "abstract (taken as conventional).")
KNEE_DEADLIFT_HEAVY = Measured(
    103.4, 22.6, "deg", source=_SCHELLENBERG_2013, n=13, sample="13 subjects, deadlifts with 50 % body weight",
    note="Maximal knee flexion over the rep with the heavier bar: 4.4 deg less than with 25 % body weight. "
    "deadlift_knee_flexion interpolates between the two loads.")
KNEE_RDL = Measured(
    20.0, 7.0, "deg", source="assumption; between Schellenberg 2013's good morning (5 deg) and deadlift (108 deg)",
    spread="assumed", assumption=True,
    note="Romanian deadlift: knees 'soft', unlocked; no knee angle could be read (the Romanian-versus-"
    "conventional study of PMC6323186 gives moments only in its abstract).")
SUMO_MINUS_CONVENTIONAL_KNEE = Measured(
    12.0, 2.0, "deg", source=_ESCAMILLA_2000, n=24, spread="assumed",
    sample="12 sumo and 12 conventional lifters at a national powerlifting championship",
    note="At lift-off and knee passage the knees and hips were about 12 deg more extended in the conventional "
    "group (mean difference from the abstract); SD assumed 2 deg.")
SUMO_MINUS_CONVENTIONAL_TRUNK = Measured.from_range(
    -10.0, -5.0, "deg", source=_ESCAMILLA_2000, n=24, sample="as SUMO_MINUS_CONVENTIONAL_KNEE",
    note="Sumo trunk 5-10 deg more vertical (a check on the balance-solved trunk). The abstract's sentence "
    "gives 5-10 deg 'greater vertical trunk and thigh positions' next to a thigh 11-16 deg more horizontal at "
    "lift-off and knee passage; only the trunk part is used here.")
SUMO_MINUS_CONVENTIONAL_THIGH = Measured.from_range(
    11.0, 16.0, "deg", source=_ESCAMILLA_2000, n=24, sample="as SUMO_MINUS_CONVENTIONAL_KNEE",
    note="Sumo thigh 11-16 deg more horizontal at lift-off and knee passage.")
TOE_OUT_SUMO = Measured(42.0, 8.0, "deg", source=_ESCAMILLA_2000, n=12, sample="12 sumo lifters, competition",
                        note="Foot turn-out.")
TOE_OUT_CONVENTIONAL = Measured(14.0, 6.0, "deg", source=_ESCAMILLA_2000, n=12,
                                sample="12 conventional lifters, competition", note="Foot turn-out.")
STANCE_SUMO = Measured(0.70, 0.11, "m", source=_ESCAMILLA_2000, n=12, sample="as TOE_OUT_SUMO",
                       note="Stance width.")
STANCE_CONVENTIONAL = Measured(0.32, 0.08, "m", source=_ESCAMILLA_2000, n=12, sample="as TOE_OUT_CONVENTIONAL",
                               note="Stance width.")
TRAP_MINUS_STRAIGHT_KNEE = Measured(
    10.0, 5.0, "deg", source=f"assumption; direction from {_SWINTON_2011}", spread="assumed", assumption=True,
    note="The hexagonal bar gave a higher peak knee moment and lower lumbar, hip and ankle moments (19 male "
    "powerlifters); a start with more knee bend and a more upright trunk is assumed, +10 deg of knee flexion.")

#: Shin lean in hinges, deg (near vertical).
SHANK_HINGE = Measured(
    5.0, 3.0, "deg", source="assumption (coaching description; no measurement read)", spread="assumed",
    assumption=True, note="Romanian deadlift and good morning: shins near vertical, knees unlocked.")
#: Arm angle from vertical (positive = hands ahead of the shoulder), deg.
ARM_HINGE = Measured(
    0.0, 3.0, "deg", source="assumption (statics: a free-hanging bar hangs plumb)", spread="assumed",
    assumption=True, note="Arms hang close to plumb; the bar rests on the thighs by a contact force.")
ARM_DEADLIFT = Measured(
    -3.0, 4.0, "deg", source="assumption (coaching: shoulders slightly ahead of the bar at lift-off)",
    spread="assumed", assumption=True, note="Hands slightly behind the shoulders at lift-off.")
ARM_TRAP_BAR = Measured(
    0.0, 2.0, "deg", source="assumption (handles at the sides hang plumb)", spread="assumed", assumption=True,
    note="The handles hang beside the body; arms plumb.")
#: Friction coefficient bounding the tangential force between bar and thighs (a bound, not drawn).
BAR_THIGH_FRICTION = Measured(
    0.4, 0.1, "1", source="assumption (bar knurling on clothing; no measurement read)", spread="assumed",
    assumption=True, note="The contact pushes, never pulls; its tangential part stays within mu times the normal.")

#: Forward lunge and split squat, front leg at the bottom: how far a lifter's front shin and trunk
#: lean away from the exercise's default bottom (the shin the step gives,
#: ``biomech.exercises.lunges.default_front_shank``, and the trunk that balances 70 % of the weight
#: over the front midfoot), so that the typical technique is the default bottom itself.
SHANK_LUNGE = Measured(
    0.0, 8.0, "deg", source=f"assumption; see {_RIEMANN_2012}", spread="assumed", assumption=True,
    note="Deviation of the front shin from the lean the step gives (forward on short steps, near vertical from "
    "about one leg length: the measured directions of the short- and long-step lunge). No front-shin angle with its "
    "spread could be read; Riemann 2012 found peak flexion angles unchanged with load (0-50 % body mass, 16 "
    "adults), so one spread serves all loads. 8 deg SD is an assumption.")
TRUNK_LUNGE = Measured(
    0.0, 8.0, "deg", source=f"assumption; conditions of {_FARROKHI_2008}", spread="assumed", assumption=True,
    note="Deviation of the trunk from the lean that balances the default bottom (70 % of the weight on the front "
    "foot, its pressure at the midfoot; about 19 deg for the default step). Farrokhi compared an upright trunk with "
    "a forward lean (5 M + 5 F) but no angles were read; 8 deg SD is an assumption.")
COP_LUNGE = Measured(
    0.50, 0.05, "1", source="assumption (no force-plate value read)", spread="assumed", assumption=True,
    note="Front foot at the midfoot, as the squat: with the rear foot also on the ground the front foot's "
    "pressure point is not forced toward the heel or the toes; SD as the hinge assumption.")

#: Bulgarian split squat: the front (lead) foot's share of the vertical ground reaction.
FRONT_SHARE_BSS = Measured(
    0.8436, 0.036, "1", source="Helme M, Tee J, Emmonds S, Low C. J Strength Cond Res 2021, doi "
    "10.1519/JSC.0000000000003727 (abstract; the year and title as read in biomech.exercises.lunges)",
    n=26, sample="26 trained men, 715 repetitions of the rear-foot-elevated split squat",
    note="Lead foot 84.36 +- 3.6 % of the total vertical force (the same number as "
    "biomech.exercises.lunges.FRONT_SHARE['bulgarian_split_squat'], which rounds it to 0.84).")

#: Leg press: the friction coefficient between shoe sole and footplate, the bound of the platform's
#: shear (its tangential force) in the minimum-effort direction (``biomech.exercises.leg_press``).
FRICTION_FOOTPLATE = Measured(
    0.5, 0.1, "1", source="assumption (rubber shoe soles on a textured footplate; no measurement read)",
    spread="assumed", assumption=True,
    note="No sole-on-footplate friction was read; dry rubber soles on rough, hard surfaces usually hold well "
    "above 0.5, so 0.5 bounds the shear conservatively; the SD (0.1) is an assumption and gives the band.")
#: Leg press: weight of the ankle's squared moment in the minimum-effort cost, relative to the knee's.
EFFORT_WEIGHT_ANKLE = Measured(
    1.0, 0.25, "1", source="assumption (equal weights: the plain sum of squared joint moments)", spread="assumed",
    assumption=True, note="The cost is sum_j w_j M_j^2 over ankle, knee and hip; no per-joint strength is applied "
    "(w = 1 each, the knee's fixed at 1); the SD spreads the weight over about half to twice for the band.")
#: Leg press: weight of the hip's squared moment in the minimum-effort cost, relative to the knee's.
EFFORT_WEIGHT_HIP = Measured(
    1.0, 0.25, "1", source="assumption (equal weights: the plain sum of squared joint moments)", spread="assumed",
    assumption=True, note="As EFFORT_WEIGHT_ANKLE, for the hip: the knee's weight is 1, the hip's is drawn around "
    "1 for the band.")


# --------------------------------------------------------------------------- one exercise
@dataclass(frozen=True)
class TypicalTechnique:
    """Typical technique of one exercise.

    Parameters
    ----------
    exercise : str
        Name (a key of :data:`EXERCISES`).
    drawn : Mapping[str, Measured]
        Variables :func:`draw` samples.
    reference : Mapping[str, Measured]
        Measured values kept as checks on what the exercise layer solves (not drawn).
    correlations : Mapping[tuple[str, str], float]
        Correlation coefficients between drawn variables (others are zero: independence is
        then an assumption, said in ``correlation_notes``).
    correlation_notes : Mapping[tuple[str, str], str]
        Where each correlation comes from.
    bounds : Mapping[str, tuple[float, float]]
        Physical bounds of each drawn variable, in its unit; draws never leave them.
    balance_decides : str
        The variable balance solves (never drawn).
    balance_note : str
        How the exercise layer uses it.

    Examples
    --------
    >>> t = typical("good_morning")
    >>> t.names, t.balance_decides
    (('cop', 'knee_flexion', 'arm_angle', 'lumbar_flexion'), 'shank')
    >>> t.drawn["knee_flexion"].mean, t.drawn["knee_flexion"].n
    (5.3, 13)
    """

    exercise: str
    drawn: Mapping[str, Measured]
    reference: Mapping[str, Measured]
    correlations: Mapping[tuple[str, str], float]
    correlation_notes: Mapping[tuple[str, str], str]
    bounds: Mapping[str, tuple[float, float]]
    balance_decides: str
    balance_note: str
    _chol: np.ndarray = field(init=False, repr=False, compare=False)
    _cache: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        names = list(self.drawn)
        if self.balance_decides in self.drawn:
            raise InputValueError(f"{self.exercise}: {self.balance_decides!r} is decided by balance and cannot be drawn.")
        for name in names:
            if name not in self.bounds:
                raise InputValueError(f"{self.exercise}: no bounds for {name!r}.")
            lo, hi = self.bounds[name]
            if not lo < self.drawn[name].mean < hi:
                raise InputValueError(f"{self.exercise}: the mean of {name!r} lies outside its bounds {lo}..{hi}.")
        corr = np.eye(len(names))
        for (a, b), r in self.correlations.items():
            if a not in self.drawn or b not in self.drawn or a == b:
                raise InputValueError(f"{self.exercise}: correlation between unknown variables {a!r}, {b!r}.")
            if not -1 < r < 1:
                raise RangeError(f"{self.exercise}: correlation {a}-{b} = {r} must lie strictly between -1 and 1.")
            if (a, b) not in self.correlation_notes:
                raise InputValueError(f"{self.exercise}: correlation {a}-{b} has no source note.")
            i, j = names.index(a), names.index(b)
            corr[i, j] = corr[j, i] = r
        for name in names:
            m, (lo, hi) = self.drawn[name], self.bounds[name]
            if m.sd >= (hi - lo) / math.sqrt(12):
                raise InputValueError(f"{self.exercise}: the bounds {lo}..{hi} of {name!r} are too tight for SD "
                                      f"{m.sd}.")
        object.__setattr__(self, "_cache", {})
        try:
            chol = np.linalg.cholesky(corr)
        except np.linalg.LinAlgError:
            raise InputValueError(f"{self.exercise}: the correlation matrix is not positive definite.") from None
        object.__setattr__(self, "drawn", MappingProxyType(dict(self.drawn)))
        object.__setattr__(self, "reference", MappingProxyType(dict(self.reference)))
        object.__setattr__(self, "_chol", chol)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.drawn)

    def marginals(self) -> dict[str, tuple[float, float]]:
        """Location and scale (published unit) of each drawn variable's truncated normal.

        Fitted once, on first use, so that the truncated normal has the stated mean and SD.
        """
        if "marginals" not in self._cache:
            self._cache["marginals"] = {name: _fit_marginal(self.exercise, name, self.drawn[name], *self.bounds[name])
                                        for name in self.names}
        return dict(self._cache["marginals"])

    def correlation_matrix(self) -> np.ndarray:
        """The correlation matrix of the drawn variables, in the order of :attr:`names`."""
        return self._chol @ self._chol.T

    def means(self) -> dict[str, pint.Quantity]:
        """Typical value of each drawn variable as a Quantity."""
        return {k: m.quantity() for k, m in self.drawn.items()}

    def typical_sample(self) -> "TechniqueSamples":
        """The typical technique as one sample (the means, in SI): the ``samples=None`` path.

        >>> typical("deadlift").typical_sample().si("cop")
        array([0.314])
        """
        row = np.array([[self.drawn[k].mean_si for k in self.names]])
        row.setflags(write=False)
        return TechniqueSamples(exercise=self.exercise, names=self.names, values=row,
                                units=tuple(self.drawn[k].si_unit for k in self.names), seed=-1)

    def all_values(self) -> dict[str, Measured]:
        """Every number of this exercise: drawn and reference."""
        return {**self.drawn, **{f"reference:{k}": v for k, v in self.reference.items()}}


def _fit_marginal(exercise: str, name: str, m: Measured, lo: float, hi: float) -> tuple[float, float]:
    """Location and scale of the normal that, truncated to [lo, hi], has the stated mean and SD.

    Near a bound (a knee angle that cannot go below zero) a plain truncation would shift the
    mean; fitting keeps the published mean and SD exact. Refused if no truncated normal fits.
    """
    from scipy import optimize, stats

    def moments(p):
        loc, scale = p[0], math.exp(p[1])
        mu, var = stats.truncnorm.stats((lo - loc) / scale, (hi - loc) / scale, loc=loc, scale=scale, moments="mv")
        return np.array([(mu - m.mean) / m.sd, (math.sqrt(var) - m.sd) / m.sd])

    if not lo < m.mean < hi or m.sd >= (hi - lo) / math.sqrt(12):
        raise InputValueError(f"{exercise}: the bounds {lo}..{hi} of {name!r} are too tight for mean {m.mean} "
                              f"and SD {m.sd}.")
    if min(m.mean - lo, hi - m.mean) > 6.0 * m.sd:  # truncation changes the moments by < 1e-7 SD
        return m.mean, m.sd
    sol = optimize.least_squares(moments, x0=[m.mean, math.log(m.sd)], xtol=1e-12, ftol=1e-12, gtol=1e-12)
    if not sol.success or np.max(np.abs(sol.fun)) > 1e-6:
        raise InputValueError(f"{exercise}: no truncated normal within {lo}..{hi} has the mean {m.mean} and SD "
                              f"{m.sd} of {name!r}.")
    return float(sol.x[0]), float(math.exp(sol.x[1]))


def _shank_cop_correlation(shank_sd_deg: float) -> float:
    """Correlation between squat shin lean and centre of pressure implied by Ishida 2022.

    Their two cued conditions moved the pressure 9.1 % of foot length and the ankle
    dorsiflexion (the shin lean, foot flat) 1.6 deg: a slope b = 1.6 / 0.091 deg per foot
    length. A linear relation with that slope between lifters gives r = b * sd_cop / sd_shank.
    """
    slope = DORSIFLEXION_PER_COP.mean / (0.535 - 0.444)
    return float(np.clip(slope * COP_SQUAT.sd / shank_sd_deg, -0.95, 0.95))


_SHANK_COP_NOTE = ("Derived from Ishida 2022: the cued pressure shift (9.1 % of foot length) came with 1.6 deg "
                   "more ankle dorsiflexion; r = slope x SD(cop) / SD(shank). A within-lifter slope used between "
                   "lifters: an assumption.")


def _squat(bar: str) -> TypicalTechnique:
    shank = SHANK_AT_PARALLEL[bar]
    return TypicalTechnique(
        exercise=f"{bar}_squat" if bar != "front" else "front_squat",
        drawn={"cop": COP_SQUAT, "shank_at_parallel": shank, "lumbar_flexion": LUMBAR_FLEXION_SQUAT},
        reference={"shank_wide_minus_narrow": SHANK_WIDE_MINUS_NARROW,
                   "thigh_wide_minus_narrow": THIGH_WIDE_MINUS_NARROW, "stance_narrow": STANCE_NARROW,
                   "stance_wide": STANCE_WIDE, "toe_out_wide_minus_narrow": TOE_OUT_WIDE_MINUS_NARROW,
                   "dorsiflexion_per_cop": DORSIFLEXION_PER_COP, "shank_standing": SHANK_STANDING,
                   "cop_standing": COP_STANDING, "com_above_knee_standing": COM_ABOVE_KNEE_STANDING,
                   "com_above_hip_standing": COM_ABOVE_HIP_STANDING, "cop_sitting_back": COP_SITTING_BACK,
                   "stance_box": STANCE_BOX},
        correlations={("cop", "shank_at_parallel"): _shank_cop_correlation(shank.sd)},
        correlation_notes={("cop", "shank_at_parallel"): _SHANK_COP_NOTE,
                           ("cop", "lumbar_flexion"): "independent (assumption: nothing measured)",
                           ("shank_at_parallel", "lumbar_flexion"): "independent (assumption: nothing measured)"},
        bounds={"cop": (0.25, 0.75), "shank_at_parallel": (10.0, 50.0), "lumbar_flexion": (0.0, 45.0)},
        balance_decides="trunk",
        balance_note="The trunk (hip-to-shoulder) lean is solved so the whole-body centre of mass sits over the "
        "drawn pressure point, with the trunk split at L5/S1: the pelvis tilt is the balanced angle and the "
        "lumbar flexion a fixed share of the lean (the drawn lumbar_flexion at a 38 deg lean, "
        "squats.TRUNK_LEAN_AT_PARALLEL_DEG; the lumbopelvic rhythm). The shin lean at any depth follows from "
        "shank_at_parallel (squat_shank_lean).")


def _hinge(name: str, knee: Measured, cop: Measured) -> TypicalTechnique:
    return TypicalTechnique(
        exercise=name,
        drawn={"cop": cop, "knee_flexion": knee, "arm_angle": ARM_HINGE, "lumbar_flexion": LUMBAR_FLEXION_HINGE},
        reference={"shank": SHANK_HINGE, "bar_thigh_friction": BAR_THIGH_FRICTION},
        correlations={},
        correlation_notes={},
        bounds={"cop": (0.2, 0.7), "knee_flexion": (-10.0, 60.0), "arm_angle": (-10.0, 15.0),
                "lumbar_flexion": (0.0, 50.0)},
        balance_decides="shank",
        balance_note="In a static pose the pressure point lies under the system centre of mass. With the bar "
        "against the legs at the given depth (bar height or trunk lean) and the knee flexion drawn, one angle "
        "is left: the shin lean, solved so the centre of mass sits over the drawn pressure point; the trunk "
        "lean and the arm angle then follow from the bar's contact with the legs (the good morning, bar on the "
        "back, has no contact and solves the same shin lean). The Romanian and stiff-leg deadlifts report the "
        "solved shin lean beside the near-vertical reference (extras['shank_vs_reference_sd']); arm_angle is "
        "drawn and recorded only. The hands hold the "
        "bar against the legs: the model takes the contact force as zero (any push of the legs on the bar "
        "would raise the shoulder moment), so the shoulder extensors hold the arm angle "
        "(extras['shoulder_moment']).")


def _deadlift(name: str, knee: Measured, toe_out: Measured, stance: Measured, arm: Measured,
              reference: dict) -> TypicalTechnique:
    return TypicalTechnique(
        exercise=name,
        drawn={"cop": COP_DEADLIFT, "knee_flexion": knee, "arm_angle": arm, "toe_out": toe_out, "stance": stance,
               "lumbar_flexion": LUMBAR_FLEXION_HINGE},
        reference=reference,
        correlations={},
        correlation_notes={},
        bounds={"cop": (0.25, 0.75), "knee_flexion": (40.0, 160.0), "arm_angle": (-15.0, 15.0),
                "toe_out": (-5.0, 70.0), "stance": (0.1, 1.2), "lumbar_flexion": (0.0, 50.0)},
        balance_decides="shank",
        balance_note="At lift-off the bar is at its start height and the knee flexion is drawn: the shin lean "
        "is solved so the centre of mass sits over the drawn pressure point; the thigh angle (knee flexion - "
        "shin lean) and the trunk lean that puts the bar at its height against the shins (or the trap bar's "
        "handles plumb below the shoulders) follow. Stance width and toe-out enter through the sagittal "
        "projection of the legs (common.stance_projection), the toe-out also through the foot's side view. The "
        "typical knee flexion falls with load as Schellenberg et al. 2013 measured (deadlift_knee_flexion).")


def _lunge() -> TypicalTechnique:
    return TypicalTechnique(
        exercise="lunge",
        drawn={"cop": COP_LUNGE, "front_shank_offset": SHANK_LUNGE, "trunk_offset": TRUNK_LUNGE},
        reference={},
        correlations={},
        correlation_notes={},
        bounds={"cop": (0.25, 0.75), "front_shank_offset": (-25.0, 25.0), "trunk_offset": (-25.0, 25.0)},
        balance_decides="front_share",
        balance_note="With two feet on the ground the trunk can be set by the lifter: its lean away from the "
        "default bottom's is drawn, as is the front shin's, and balance decides how the ground reaction is shared "
        "between the front foot (at the drawn pressure point) and the rear foot. The mean sample is the default "
        "bottom (front share 0.70).")


def _bulgarian_split_squat() -> TypicalTechnique:
    return TypicalTechnique(
        exercise="bulgarian_split_squat",
        drawn={"cop": COP_LUNGE, "front_share": FRONT_SHARE_BSS},
        reference={},
        correlations={},
        correlation_notes={},
        bounds={"cop": (0.25, 0.75), "front_share": (0.6, 0.99)},
        balance_decides="trunk",
        balance_note="The front foot's share of the weight is measured (Helme et al. 2021), so it is drawn with "
        "the front foot's pressure point; balance then decides the trunk lean. The front shin follows the step, "
        "leaning further where the trunk would pass its cap (biomech.exercises.lunges.TRUNK_MAX_DEG).")


def _leg_press() -> TypicalTechnique:
    return TypicalTechnique(
        exercise="leg_press",
        drawn={"friction": FRICTION_FOOTPLATE, "ankle_weight": EFFORT_WEIGHT_ANKLE, "hip_weight": EFFORT_WEIGHT_HIP},
        reference={},
        correlations={},
        correlation_notes={},
        bounds={"friction": (0.2, 0.9), "ankle_weight": (0.25, 2.5), "hip_weight": (0.25, 2.5)},
        balance_decides="platform_shear",
        balance_note="The back pad holds the trunk and the sled's weight fixes the force along the rails; the "
        "shear along the platform is not decided by statics. The exercise layer takes the shear that minimises "
        "the effort cost (weighted sum of squared ankle, knee and hip moments) within the friction cone; the "
        "friction bound and the cost's weights are drawn.")


_DL_REF = {"sumo_minus_conventional_trunk": SUMO_MINUS_CONVENTIONAL_TRUNK,
           "sumo_minus_conventional_thigh": SUMO_MINUS_CONVENTIONAL_THIGH,
           "bar_thigh_friction": BAR_THIGH_FRICTION}
_TRAP_TOE_OUT = Measured(TOE_OUT_CONVENTIONAL.mean, TOE_OUT_CONVENTIONAL.sd, "deg", source=_ESCAMILLA_2000,
                         assumption=True, sample="as TOE_OUT_CONVENTIONAL",
                         note="Trap bar: the conventional deadlift's turn-out is assumed (no trap-bar stance read).")
_TRAP_STANCE = Measured(STANCE_CONVENTIONAL.mean, STANCE_CONVENTIONAL.sd, "m", source=_ESCAMILLA_2000,
                        assumption=True, sample="as STANCE_CONVENTIONAL",
                        note="Trap bar: the conventional deadlift's stance width is assumed (no trap-bar stance "
                        "read).")
_SUMO_KNEE = Measured(KNEE_DEADLIFT.mean + SUMO_MINUS_CONVENTIONAL_KNEE.mean, KNEE_DEADLIFT.sd, "deg",
                      source=f"{_SCHELLENBERG_2013} plus {_ESCAMILLA_2000}", n=13, spread="assumed",
                      sample="as KNEE_DEADLIFT",
                      note="Derived: conventional knee flexion (Schellenberg) + 12 deg (Escamilla 2000); the SD of "
                      "the conventional value is assumed to hold for sumo.")
_TRAP_KNEE = Measured(KNEE_DEADLIFT.mean + TRAP_MINUS_STRAIGHT_KNEE.mean, KNEE_DEADLIFT.sd, "deg",
                      source=f"{_SCHELLENBERG_2013} plus assumption", spread="assumed", assumption=True,
                      note="Conventional knee flexion + 10 deg (TRAP_MINUS_STRAIGHT_KNEE, an assumption).")

#: Every exercise with a typical technique.
EXERCISES: Mapping[str, TypicalTechnique] = MappingProxyType({
    "high_bar_squat": _squat("high_bar"),
    "low_bar_squat": _squat("low_bar"),
    "front_squat": _squat("front"),
    "romanian_deadlift": _hinge("romanian_deadlift", KNEE_RDL, COP_RDL),
    "good_morning": _hinge("good_morning", KNEE_GOOD_MORNING, COP_HINGE),
    "deadlift": _deadlift("deadlift", KNEE_DEADLIFT, TOE_OUT_CONVENTIONAL, STANCE_CONVENTIONAL, ARM_DEADLIFT,
                          _DL_REF),
    "sumo_deadlift": _deadlift("sumo_deadlift", _SUMO_KNEE, TOE_OUT_SUMO, STANCE_SUMO, ARM_DEADLIFT, _DL_REF),
    "trap_bar_deadlift": _deadlift("trap_bar_deadlift", _TRAP_KNEE, _TRAP_TOE_OUT, _TRAP_STANCE,
                                   ARM_TRAP_BAR, {"trap_minus_straight_knee": TRAP_MINUS_STRAIGHT_KNEE}),
    "lunge": _lunge(),
    "bulgarian_split_squat": _bulgarian_split_squat(),
    "leg_press": _leg_press(),
})

_ALIASES = {"squat": "high_bar_squat", "conventional_deadlift": "deadlift", "rdl": "romanian_deadlift",
            "hex_bar_deadlift": "trap_bar_deadlift", "split_squat": "lunge", "forward_lunge": "lunge"}
_BARS = {"high_bar": "high_bar_squat", "low_bar": "low_bar_squat", "front": "front_squat"}


def typical(exercise: str, bar: str | None = None) -> TypicalTechnique:
    """The typical technique of an exercise.

    Parameters
    ----------
    exercise : str
        A key of :data:`EXERCISES` or an alias (``"squat"``, ``"rdl"``, ``"split_squat"``, ...).
    bar : {"high_bar", "low_bar", "front"}, optional
        For ``exercise="squat"``: the bar position.

    Examples
    --------
    >>> t = typical("squat", bar="low_bar")
    >>> t.exercise, t.balance_decides
    ('low_bar_squat', 'trunk')
    >>> round(t.drawn["shank_at_parallel"].mean)
    29
    """
    if not isinstance(exercise, str):
        raise InputValueError(f"exercise={exercise!r} must be a name such as 'squat' or 'deadlift'.")
    key = exercise.strip().lower().replace("-", "_").replace(" ", "_")
    if key == "squat" and bar is not None:
        if bar not in _BARS:
            raise InputValueError(f"bar={bar!r} is not one of {sorted(_BARS)}.")
        key = _BARS[bar]
    elif bar is not None:
        raise InputValueError(f"bar={bar!r} only applies to exercise='squat', not {exercise!r}.")
    key = _ALIASES.get(key, key)
    if key not in EXERCISES:
        raise InputValueError(f"exercise={exercise!r} has no typical technique; expected one of "
                              f"{sorted(set(EXERCISES) | set(_ALIASES))}.")
    return EXERCISES[key]


#: The knee flexion the sumo and trap-bar starts add to the conventional start, deg (their typical
#: technique's knee flexion minus the conventional one).
KNEE_OFFSETS = MappingProxyType({"deadlift": 0.0, "sumo_deadlift": SUMO_MINUS_CONVENTIONAL_KNEE.mean,
                                 "trap_bar_deadlift": TRAP_MINUS_STRAIGHT_KNEE.mean})


def deadlift_knee_flexion(load_body_masses: Any, exercise: str = "deadlift") -> pint.Quantity:
    """Typical knee flexion at a deadlift's start, as a function of the bar's load.

    Schellenberg et al. (2013) measured the maximal knee flexion of 13 subjects' deadlifts as
    107.8 +- 22.4 deg with 25 % of body weight on the bar and 103.4 +- 22.6 deg with 50 %
    (:data:`KNEE_DEADLIFT`, :data:`KNEE_DEADLIFT_HEAVY`): the technique changes with load. The
    typical value is linear in the load between those two loads and held at the nearer
    measured value outside them (an assumption: no heavier or lighter load was measured).
    The sumo and trap-bar starts add :data:`KNEE_OFFSETS` (Escamilla et al. 2000's 12 deg; the
    trap bar's 10 deg is an assumption).

    Parameters
    ----------
    load_body_masses : float or array
        Bar mass over body mass (0.25 = a quarter of body weight).
    exercise : {"deadlift", "sumo_deadlift", "trap_bar_deadlift"}

    Returns
    -------
    Quantity
        Knee flexion in degrees (0 = straight), the shape of ``load_body_masses``.

    Examples
    --------
    >>> [round(float(v), 1) for v in deadlift_knee_flexion([0.0, 0.25, 0.375, 0.5, 1.25]).m_as("deg")]
    [107.8, 107.8, 105.6, 103.4, 103.4]
    >>> round(float(deadlift_knee_flexion(1.25, "sumo_deadlift").m_as("deg")), 1)
    115.4
    """
    if exercise not in KNEE_OFFSETS:
        raise InputValueError(f"exercise={exercise!r} is not one of {sorted(KNEE_OFFSETS)}.")
    x = np.asarray(load_body_masses, dtype=float)
    if not np.all(np.isfinite(x)) or np.any(x < 0):
        raise RangeError(f"load_body_masses={load_body_masses!r} must be finite and not negative.")
    knee = np.interp(x, [0.25, 0.50], [KNEE_DEADLIFT.mean, KNEE_DEADLIFT_HEAVY.mean])
    return Q_(knee + KNEE_OFFSETS[exercise], "deg")


# --------------------------------------------------------------------------- drawing samples
@dataclass(frozen=True)
class TechniqueSamples:
    """``n`` technique samples of one exercise, in SI (rad, m, fractions).

    ``values[:, i]`` holds variable ``names[i]``; ``samples["cop"]`` gives a Quantity and
    ``samples.si("cop")`` the plain array. The sample axis is always the first axis.

    >>> s = draw("romanian_deadlift", n=3)
    >>> s.n, s.names[:2], s["knee_flexion"].units
    (3, ('cop', 'knee_flexion'), <Unit('radian')>)
    """

    exercise: str
    names: tuple[str, ...]
    values: np.ndarray
    units: tuple[str, ...]
    seed: int

    @property
    def n(self) -> int:
        return int(self.values.shape[0])

    def si(self, name: str) -> np.ndarray:
        """Plain SI array of one variable, shape ``(n,)``."""
        if name not in self.names:
            raise InputValueError(f"name={name!r} is not a drawn variable of {self.exercise}; "
                                  f"expected one of {list(self.names)}.")
        return self.values[:, self.names.index(name)]

    def __getitem__(self, name: str) -> pint.Quantity:
        unit = self.units[self.names.index(name)] if name in self.names else "1"
        return Q_(self.si(name), "dimensionless" if unit == "1" else unit)


def draw(exercise: str, n: int = 1000, seed: int | None = DEFAULT_SEED, *, bar: str | None = None,
         given: Mapping[str, Any] | None = None) -> TechniqueSamples:
    """Draw ``n`` correlated technique samples of an exercise.

    A Gaussian copula with truncated-normal marginals: standard normals correlated by the
    exercise's correlation matrix are mapped through the normal CDF and each variable's
    truncated normal, so every sample lies inside the bounds and the correlations of the
    normal scores are those stated. Each truncated normal is fitted so that its mean and SD
    are the published ones (a plain truncation near a bound would shift them). The variable
    balance decides is not drawn.

    A coach's choice overrides one variable without replacing the rest: ``given={"cop": 0.55}``
    holds ``cop`` at 0.55 in every sample and draws the others from their distribution
    *conditional* on it (the conditional normal of the normal scores), so a variable
    correlated with the fixed one shifts with it as the measured relation says.

    Parameters
    ----------
    exercise : str
        See :func:`typical`.
    n : int
        Number of samples, 1 to :data:`MAX_SAMPLES`.
    seed : int or None
        Random seed; the default :data:`DEFAULT_SEED` makes results repeat. ``None`` draws
        fresh entropy.
    bar : str, optional
        Bar position for ``exercise="squat"``.
    given : mapping, optional
        Variables the coach fixed: name -> value (a Quantity or string with a unit, or a plain
        number for fractions), inside the variable's bounds.

    Returns
    -------
    TechniqueSamples
        Values in SI, shape ``(n, number of drawn variables)``; memory ``8 * n * k`` bytes.

    Examples
    --------
    >>> s = draw("squat", n=500, bar="high_bar")
    >>> s.values.shape, s.names
    ((500, 3), ('cop', 'shank_at_parallel', 'lumbar_flexion'))
    >>> bool(((s.si("cop") > 0.25) & (s.si("cop") < 0.75)).all())
    True
    >>> bool((draw("squat", n=5).values == draw("squat", n=5).values).all())
    True
    >>> fixed = draw("squat", n=4, given={"shank_at_parallel": "40 deg"})
    >>> [round(float(v), 1) for v in fixed["shank_at_parallel"].m_as("deg")]
    [40.0, 40.0, 40.0, 40.0]
    """
    tech = typical(exercise, bar)
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise InputValueError(f"n={n!r} must be a whole number of samples.")
    if not 1 <= n <= MAX_SAMPLES:
        raise RangeError(f"n={n} is outside 1 to {MAX_SAMPLES}; memory for the samples stays bounded.")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0):
        raise InputValueError(f"seed={seed!r} must be a non-negative whole number or None.")
    from scipy import stats

    marginals = tech.marginals()
    rng = np.random.default_rng(seed)
    k = len(tech.names)
    fixed = _given_scores(tech, marginals, given or {})
    z = rng.standard_normal((int(n), k)) @ tech._chol.T
    if fixed:
        z = _condition(z, tech.correlation_matrix(), tech.names, fixed, rng)
    u = stats.norm.cdf(z)
    out = np.empty_like(u)
    units = []
    for i, name in enumerate(tech.names):
        m = tech.drawn[name]
        lo, hi = tech.bounds[name]
        loc, scale = marginals[name]
        a, b = (lo - loc) / scale, (hi - loc) / scale
        if a < -6.0 and b > 6.0:  # the bounds are beyond reach: the plain normal, without the slow inverse
            x = loc + scale * z[:, i]
        else:
            x = stats.truncnorm.ppf(u[:, i], a, b, loc=loc, scale=scale)
        scale = _SI[m.unit][1]
        if name in fixed:
            x = np.full(int(n), fixed[name][1])
        out[:, i] = np.clip(x, lo, hi) * scale
        units.append(m.si_unit)
    out.setflags(write=False)
    return TechniqueSamples(exercise=tech.exercise, names=tech.names, values=out, units=tuple(units),
                            seed=-1 if seed is None else int(seed))


def _given_scores(tech: TypicalTechnique, marginals: dict, given: Mapping[str, Any]) -> dict[str, tuple[float, float]]:
    """Normal score and value (published unit) of each fixed variable."""
    from scipy import stats

    if not isinstance(given, Mapping):
        raise InputValueError(f"given={given!r} must be a mapping of variable name to value.")
    out = {}
    for name, value in given.items():
        if name not in tech.drawn:
            raise InputValueError(f"given has {name!r}, which is not a drawn variable of {tech.exercise}; expected "
                                  f"one of {list(tech.names)}.")
        m = tech.drawn[name]
        if m.unit == "1":
            if isinstance(value, pint.Quantity):
                value = value.m_as("")
            if isinstance(value, (bool, str)) or not isinstance(value, (int, float, np.integer, np.floating)):
                raise InputValueError(f"given[{name!r}]={value!r} must be a plain number (a fraction).")
            v = float(value)
        else:
            v = to_si(value, m.si_unit, f"given[{name!r}]") / _SI[m.unit][1]
            if np.ndim(v) != 0:
                raise InputValueError(f"given[{name!r}]={value!r} must be one value.")
        lo, hi = tech.bounds[name]
        if not lo <= v <= hi:
            raise RangeError(f"given[{name!r}]={value!r} is outside {lo:g} to {hi:g} {m.unit}, the bounds of "
                             f"{tech.exercise}.")
        loc, scale = marginals[name]
        u = stats.truncnorm.cdf(v, (lo - loc) / scale, (hi - loc) / scale, loc=loc, scale=scale)
        out[name] = (float(stats.norm.ppf(np.clip(u, 1e-12, 1 - 1e-12))), float(v))
    return out


def _condition(z: np.ndarray, corr: np.ndarray, names: tuple[str, ...], fixed: dict,
               rng: np.random.Generator) -> np.ndarray:
    """Normal scores with the fixed variables at their scores and the others drawn conditionally."""
    f = [i for i, nm in enumerate(names) if nm in fixed]
    r = [i for i, nm in enumerate(names) if nm not in fixed]
    zf = np.array([fixed[names[i]][0] for i in f])
    out = np.empty_like(z)
    out[:, f] = zf
    if r:
        s_rf = corr[np.ix_(r, f)]
        gain = s_rf @ np.linalg.inv(corr[np.ix_(f, f)])
        cov = corr[np.ix_(r, r)] - gain @ s_rf.T
        chol = np.linalg.cholesky(cov + 1e-12 * np.eye(len(r)))
        out[:, r] = gain @ zf + rng.standard_normal((z.shape[0], len(r))) @ chol.T
    return out


# --------------------------------------------------------------------------- relations
_REF_STANCE = STANCE_NARROW.mean  # the typical squat stance the shin values refer to


_SHANK_STANDING_RAD = SHANK_STANDING.mean_si


def _shank_lean_si(thigh: np.ndarray, shank_at_parallel: np.ndarray, stance: np.ndarray | float,
                   standing: np.ndarray | float = _SHANK_STANDING_RAD) -> np.ndarray:
    per_stance = SHANK_WIDE_MINUS_NARROW.mean_si / (STANCE_WIDE.mean - STANCE_NARROW.mean)
    base = shank_at_parallel + per_stance * (stance - _REF_STANCE)
    return standing + (base - standing) * np.clip(thigh, 0.0, None) / (0.5 * math.pi)


def squat_shank_lean(thigh: Any, bar: str = "high_bar", *, shank_at_parallel: Any = None,
                     stance_width: Any = None, shoulder_width: Any = None) -> pint.Quantity:
    """Shin lean of a squat as a function of depth, bar position and stance width.

    The shin leans further as the lifter goes deeper: it runs linearly in the thigh angle from
    the measured quiet-standing lean at depth 0 (:data:`SHANK_STANDING`, 4.8 deg: the knee
    3.8 cm ahead of the ankle, Woodhull et al. 1985) to the typical lean at parallel
    (:data:`SHANK_AT_PARALLEL`, by bar, an assumption) and on beyond it (the linear growth is
    an assumption; its direction is what lifters show). A wider stance makes the shin more
    vertical by the measured 5-9 deg between 107 % and 169 % of shoulder width (Escamilla et
    al. 2001), linearly in the stance width and, like the lean itself, in proportion to the
    depth. The angle is the lean in the leg's own plane; :func:`projection` gives its side view
    with the feet turned out.

    Parameters
    ----------
    thigh : Quantity or str
        Thigh angle from vertical (90 deg = parallel); any shape.
    bar : {"high_bar", "low_bar", "front"}
    shank_at_parallel : Quantity or str, optional
        Overrides the typical value (a coach's choice, or one drawn sample per row).
    stance_width : float or Quantity, optional
        Stance width in shoulder widths (a plain number; default 1.07, the narrow stance the
        typical values refer to), or a length together with ``shoulder_width``; broadcasts
        against ``thigh``.
    shoulder_width : Quantity or str, optional
        Needed when ``stance_width`` is a length (Escamilla et al. normalised by shoulder
        width; the body model has no shoulder width yet, so the caller supplies it).

    Returns
    -------
    Quantity
        Shin lean in degrees, the broadcast shape of the inputs.

    Examples
    --------
    >>> [round(v) for v in squat_shank_lean(Q_([0, 45, 90, 110], "deg"), "high_bar").m_as("deg")]
    [5, 18, 32, 38]
    >>> round(float(squat_shank_lean("90 deg", "high_bar", stance_width=1.69).m_as("deg")))
    25
    >>> round(float(squat_shank_lean("90 deg", stance_width="69 cm", shoulder_width="40 cm").m_as("deg")))
    25
    """
    if bar not in SHANK_AT_PARALLEL:
        raise InputValueError(f"bar={bar!r} is not one of {sorted(SHANK_AT_PARALLEL)}.")
    th = np.asarray(to_si(thigh, "rad", "thigh"), dtype=float)
    sp = SHANK_AT_PARALLEL[bar].mean_si if shank_at_parallel is None else np.asarray(
        to_si(shank_at_parallel, "rad", "shank_at_parallel"), dtype=float)
    if stance_width is None:
        st = _REF_STANCE
    elif isinstance(stance_width, (str, pint.Quantity)) and not (
            isinstance(stance_width, pint.Quantity) and stance_width.dimensionless):
        if shoulder_width is None:
            raise InputValueError(f"stance_width={stance_width!r} is a length: give shoulder_width= too, or pass "
                                  f"the stance in shoulder widths as a plain number.")
        st = np.asarray(to_si(stance_width, "m", "stance_width", positive=True), dtype=float) / to_si(
            shoulder_width, "m", "shoulder_width", positive=True)
    else:
        try:
            st = np.asarray(stance_width.m_as("") if isinstance(stance_width, pint.Quantity) else stance_width,
                            dtype=float)
        except (TypeError, ValueError):
            raise InputValueError(f"stance_width={stance_width!r} must be a number of shoulder widths.") from None
    if not np.all(np.isfinite(st)) or np.any(st <= 0) or np.any(st > 3):
        raise RangeError(f"stance_width={stance_width!r} must be between 0 and 3 shoulder widths.")
    try:
        out = _shank_lean_si(th, sp, st)
    except ValueError:
        raise InputValueError("thigh, shank_at_parallel and stance_width do not broadcast together.") from None
    return Q_(np.degrees(out), "deg")


def lumbopelvic(trunk_lean: Any, lumbar_flexion_bottom: Any, trunk_lean_bottom: Any,
                body: Any = None) -> tuple[pint.Quantity, pint.Quantity]:
    """Split the hip-to-shoulder trunk lean into pelvic tilt and lumbar flexion.

    The trunk lean from vertical (hip joint centre to shoulder) is made of the pelvis's
    forward tilt and the lumbar flexion between pelvis and upper body. Lumbar flexion is
    taken to grow in proportion to the trunk lean, reaching the measured (or drawn) value at
    the bottom (:data:`LUMBAR_FLEXION_SQUAT`, :data:`LUMBAR_FLEXION_HINGE`). The pelvis is
    then placed as the engine places it: the hip-to-shoulder line runs from the hip to L5/S1
    on the pelvis and on to the shoulder on the upper body, so it sits at pelvis +
    :func:`~biomech.model.pose.trunk_line_offset` (lumbar) (about 0.84 x the flexion on the
    reference body), and pelvis = trunk lean - that offset. The squats solve their pelvis from
    balance with this rhythm (:func:`biomech.exercises.common.solve_lumbopelvic`). The
    proportional rhythm is an assumption: the review of Vazirian et al. (2016, Int
    Musculoskelet Med 38:51-58) reports that the lumbar share changes over a forward bend,
    which a proportional split does not capture.

    Parameters
    ----------
    trunk_lean : Quantity or str
        Hip-to-shoulder lean at the instant wanted (any shape).
    lumbar_flexion_bottom, trunk_lean_bottom : Quantity or str
        Lumbar flexion and trunk lean at the bottom; broadcast with ``trunk_lean``.
    body : Body, optional
        Whose L5/S1 position on the trunk sets the line's offset
        (:func:`~biomech.model.pose.lumbar_ratios`); default the reference proportions
        (de Leva 1996 male, the same for every height and mass).

    Returns
    -------
    (pelvic_tilt, lumbar_flexion) : tuple of Quantity
        Degrees; ``Pose(..., pelvis=pelvic_tilt, lumbar=lumbar_flexion)`` has the given
        hip-to-shoulder lean. Lumbar flexion never exceeds the trunk lean for a non-negative
        lean.

    Examples
    --------
    >>> p, l = lumbopelvic("45 deg", "17 deg", "45 deg")
    >>> round(float(p.m_as("deg")), 1), round(float(l.m_as("deg")), 1)
    (30.5, 17.0)
    >>> import biomech as bm
    >>> pose = bm.Pose(shank="30 deg", thigh="90 deg", pelvis=p, lumbar=l)
    >>> round(float(pose.trunk.m_as("deg")), 6)
    45.0
    >>> p, l = lumbopelvic(Q_([0, 22.5], "deg"), "17 deg", "45 deg")
    >>> [round(float(v), 1) for v in l.m_as("deg")]
    [0.0, 8.5]
    """
    from ..model.pose import lumbar_ratios, trunk_line_offset

    t = np.asarray(to_si(trunk_lean, "rad", "trunk_lean"), dtype=float)
    lb = np.asarray(to_si(lumbar_flexion_bottom, "rad", "lumbar_flexion_bottom"), dtype=float)
    tb = np.asarray(to_si(trunk_lean_bottom, "rad", "trunk_lean_bottom"), dtype=float)
    if np.any(tb <= 0):
        raise RangeError(f"trunk_lean_bottom={trunk_lean_bottom!r} must be greater than zero.")
    if np.any(lb < 0):
        raise RangeError(f"lumbar_flexion_bottom={lumbar_flexion_bottom!r} must not be negative.")
    if body is not None and not hasattr(body, "lumbar"):
        raise InputValueError(f"body={body!r} is not a Body (expected biomech.Body or None).")
    try:
        lumbar = np.clip(lb / tb, 0.0, 1.0) * t
    except ValueError:
        raise InputValueError("trunk_lean, lumbar_flexion_bottom and trunk_lean_bottom do not broadcast.") from None
    ratios = lumbar_ratios(body) if body is not None else None
    return Q_(np.degrees(t - trunk_line_offset(lumbar, ratios)), "deg"), Q_(np.degrees(lumbar), "deg")


# --------------------------------------------------------------------------- stance: projection vs technique
def _project(theta: np.ndarray, cos_phi: np.ndarray, cos_alpha: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    sx = np.sin(theta) * cos_phi
    cy = np.cos(theta) * cos_alpha
    return np.arctan2(sx, cy), np.hypot(sx, cy)


def projection(lean: Any, toe_out: Any, abduction: Any = "0 deg") -> tuple[pint.Quantity, np.ndarray]:
    """Side view of a leg segment that leans in a turned-out, abducted plane.

    Each leg flexes in a plane turned out by ``toe_out`` (phi, the knee tracks the toes) and
    tilted out by ``abduction`` (alpha). A segment leaning ``lean`` in that plane shows, from
    the side, a horizontal part shrunk by cos(phi) and a vertical part shrunk by cos(alpha)
    (the same geometry as the exercises' stance projection). Nothing about the muscles
    changes: this is what a camera at the side sees.

    Returns
    -------
    (sagittal_lean, length_factor)
        The lean seen from the side (Quantity, deg) and the segment's apparent length over
        its true length (plain array).

    Examples
    --------
    >>> ang, f = projection("30 deg", "30 deg")
    >>> round(float(ang.m_as("deg")), 1), round(float(f), 3)
    (26.6, 0.968)
    """
    th = np.asarray(to_si(lean, "rad", "lean"), dtype=float)
    phi = np.asarray(to_si(toe_out, "rad", "toe_out"), dtype=float)
    al = np.asarray(to_si(abduction, "rad", "abduction"), dtype=float)
    if np.any(np.abs(phi) >= math.pi / 2) or np.any(np.abs(al) >= math.pi / 2):
        raise RangeError(f"toe_out={toe_out!r} and abduction={abduction!r} must lie strictly between -90 and 90 deg.")
    ang, f = _project(th, np.cos(phi), np.cos(al))
    return Q_(np.degrees(ang), "deg"), f


@dataclass(frozen=True)
class StanceChange:
    """A change of side-view segment lean between two stances, split into its parts (deg).

    ``total = projection + technique``. ``projection`` is what the side view changes with the
    same lean in the leg's own plane (turning the feet out and abducting the legs); ``technique``
    is the measured change of the lean itself (Escamilla et al. 2001), seen in the new stance.

    >>> print(stance_change("30 deg", stance_from=1.2, stance_to=1.2, toe_out_from="0 deg", toe_out_to="30 deg"))
    side-view lean change -3.4 deg = projection alone -3.4 deg + measured technique change 0.0 deg
    """

    total: pint.Quantity
    projection: pint.Quantity
    technique: pint.Quantity

    def __str__(self) -> str:
        def f(q):
            v = np.asarray(q.m_as("deg"), dtype=float)
            return f"{float(v):.1f}" if v.ndim == 0 else np.array2string(v, precision=1, floatmode="fixed")
        return (f"side-view lean change {f(self.total)} deg = projection alone {f(self.projection)} deg "
                f"+ measured technique change {f(self.technique)} deg")


def stance_change(lean: Any, *, stance_from: float, stance_to: float, toe_out_from: Any, toe_out_to: Any,
                  abduction_from: Any = "0 deg", abduction_to: Any = "0 deg", segment: str = "shank") -> StanceChange:
    """Separate what a change of stance does to the side-view lean of the shin or the thigh.

    Parameters
    ----------
    lean : Quantity or str
        The segment's lean in the leg's own plane in the first stance.
    stance_from, stance_to : float
        Stance widths in shoulder widths; the measured technique change is Escamilla et al.
        (2001)'s, linear in the stance width between 1.07 and 1.69 shoulder widths: shins 5-9
        deg more vertical (:data:`SHANK_WIDE_MINUS_NARROW`), thighs 7-12 deg more horizontal
        (:data:`THIGH_WIDE_MINUS_NARROW`).
    toe_out_from, toe_out_to, abduction_from, abduction_to : Quantity or str
        Foot turn-out and leg abduction in each stance.
    segment : {"shank", "thigh"}

    Returns
    -------
    StanceChange
        ``total``, ``projection`` (same in-plane lean, new viewing geometry) and
        ``technique`` (new in-plane lean, same new geometry), in degrees; they add up exactly.

    Examples
    --------
    >>> c = stance_change("32 deg", stance_from=1.07, stance_to=1.69, toe_out_from="15 deg",
    ...                   toe_out_to="21 deg", abduction_to="10 deg")
    >>> round(float(c.projection.m_as("deg")), 1), round(float(c.technique.m_as("deg")), 1)
    (-0.5, -6.8)
    >>> abs(float((c.total - c.projection - c.technique).m_as("deg"))) < 1e-9
    True
    >>> t = stance_change("70 deg", stance_from=1.07, stance_to=1.69, toe_out_from="15 deg",
    ...                   toe_out_to="21 deg", abduction_to="10 deg", segment="thigh")
    >>> round(float(t.projection.m_as("deg")), 1), round(float(t.technique.m_as("deg")), 1)
    (-0.4, 9.9)
    """
    changes = {"shank": SHANK_WIDE_MINUS_NARROW, "thigh": THIGH_WIDE_MINUS_NARROW}
    if segment not in changes:
        raise InputValueError(f"segment={segment!r} is not one of {sorted(changes)}.")
    s = np.asarray(to_si(lean, "rad", "lean"), dtype=float)
    for nm, v in (("stance_from", stance_from), ("stance_to", stance_to)):
        if isinstance(v, (bool, str)) or not np.all(np.isfinite(np.asarray(v, dtype=float))) or np.any(
                np.asarray(v, dtype=float) <= 0):
            raise RangeError(f"{nm}={v!r} must be a positive stance width in shoulder widths.")
    per = changes[segment].mean_si / (STANCE_WIDE.mean - STANCE_NARROW.mean)
    s_to = s + per * (np.asarray(stance_to, dtype=float) - np.asarray(stance_from, dtype=float))
    a0, _ = projection(Q_(np.degrees(s), "deg"), toe_out_from, abduction_from)
    a1, _ = projection(Q_(np.degrees(s), "deg"), toe_out_to, abduction_to)
    a2, _ = projection(Q_(np.degrees(s_to), "deg"), toe_out_to, abduction_to)
    return StanceChange(total=a2 - a0, projection=a1 - a0, technique=a2 - a1)


# --------------------------------------------------------------------------- bands
# Band and band live in biomech.mechanics.bands (every result of the family uses them, and the
# mechanics layer sits below the exercises); they are the same objects here.
from ..mechanics.bands import Band, band  # noqa: E402


# --------------------------------------------------------------------------- memory
def samples_memory(n_samples: int, grid_shape: tuple[int, ...] = (), n_fields: int = 16) -> int:
    """Bytes of float64 arrays for ``n_samples`` x grid x ``n_fields`` values.

    ``n_fields`` counts the arrays an evaluation keeps per pose (angles, landmarks, moments,
    moment arms); 16 is a generous count for one static pose.

    >>> samples_memory(1000, (20, 20)) // 2**20
    48
    """
    cells = int(n_samples) * int(np.prod(grid_shape, dtype=np.int64)) * int(n_fields)
    return 8 * cells


def check_memory(n_samples: int, grid_shape: tuple[int, ...] = (), n_fields: int = 16,
                 limit: int = MEMORY_LIMIT_BYTES) -> int:
    """Refuse a samples x grid evaluation that would exceed ``limit`` bytes; else return its size.

    >>> check_memory(1000, (20, 20)) < MEMORY_LIMIT_BYTES
    True
    >>> check_memory(100_000, (100, 100))
    Traceback (most recent call last):
    ...
    biomech.errors.RangeError: samples=100000 x grid (100, 100) needs 122070 MiB (16 arrays of float64), more than the 512 MiB limit; use fewer samples or a coarser grid.
    """
    size = samples_memory(n_samples, grid_shape, n_fields)
    if size > limit:
        raise RangeError(f"samples={n_samples} x grid {tuple(grid_shape)} needs {size // 2**20} MiB ({n_fields} "
                         f"arrays of float64), more than the {limit // 2**20} MiB limit; use fewer samples or a "
                         f"coarser grid.")
    return size


# --------------------------------------------------------------------------- the table the docs show
_REFERENCES = {
    "Ishida et al. 2022": _ISHIDA_2022, "Escamilla et al. 2001": _ESCAMILLA_2001,
    "Escamilla et al. 2000": _ESCAMILLA_2000, "Schellenberg et al. 2013": _SCHELLENBERG_2013,
    "Walsh et al. 2007": _WALSH_2007, "McKean et al. 2010": _MCKEAN_2010, "Wretenberg et al. 1996": _WRETENBERG_1996,
    "Glassbrook et al. 2017": _GLASSBROOK_2017, "van den Tillaar et al. 2020": _VAN_DEN_TILLAAR_2020,
    "Swinton et al. 2011": _SWINTON_2011, "Farrokhi et al. 2008": _FARROKHI_2008, "Riemann et al. 2012": _RIEMANN_2012,
    "Lee et al. 2018": _LEE_2018,
    "Woodhull et al. 1985": _WOODHULL_1985, "Di Giulio & Baltzopoulos 2019": _DI_GIULIO_2019,
    "Swinton et al. 2012": _SWINTON_2012,
}


def _short(text: str) -> str:
    for short, full in _REFERENCES.items():
        text = text.replace(full, short)
    return text


def value_table() -> str:
    """Every technique number as a Markdown table (the one ``docs/technique.md`` shows).

    One row per value: its name in this module, the exercises that use it, mean and spread,
    the kind of spread, the sample, and the source (short form; the full references are in
    the docs). Assumptions are marked.

    >>> value_table().splitlines()[0].startswith("| value |")
    True
    """
    uses: dict[int, dict[str, list[str]]] = {}
    for ex, t in EXERCISES.items():
        for k, m in t.drawn.items():
            uses.setdefault(id(m), {}).setdefault(f"{k} (drawn)", []).append(ex)
        for k, m in t.reference.items():
            uses.setdefault(id(m), {}).setdefault(f"{k} (reference)", []).append(ex)
    named = [(name, v) for name, v in globals().items() if isinstance(v, Measured)]
    named += [(f"SHANK_AT_PARALLEL['{bar}']", m) for bar, m in SHANK_AT_PARALLEL.items()]
    derived = ("_SUMO_KNEE", "_TRAP_KNEE", "_TRAP_TOE_OUT", "_TRAP_STANCE")
    named += [(name, globals()[name]) for name in derived]
    spread = {"sd": "SD", "range": "range/4", "assumed": "assumed"}
    rows = ["| value | used as | mean ± SD | spread | n, sample | source | assumption |",
            "|---|---|---|---|---|---|---|"]
    seen = set()
    for name, m in named:
        if id(m) in seen or name.startswith("_") and name not in derived:
            continue
        seen.add(id(m))
        rng = f" ({m.low:g} to {m.high:g})" if m.spread == "range" else ""
        unit = "" if m.unit == "1" else f" {m.unit}"
        sample = (f"n = {m.n}; " if m.n else "") + _short(m.sample)
        used = "; ".join(f"{k}: {', '.join(v)}" for k, v in uses.get(id(m), {"relation": []}).items()) or \
            "relation"
        used = used.replace("high_bar_squat, low_bar_squat, front_squat", "all squats").rstrip(": ")
        rows.append(f"| `{name.lstrip('_')}` | {used} | {m.mean:g} ± {m.sd:.3g}{unit}{rng} | {spread[m.spread]} | "
                    f"{sample or '-'} | {_short(m.source)} | {'yes' if m.assumption else 'no'} |")
    return "\n".join(rows)
