"""Named, published moment-arm curves and the default sagittal muscle set.

Every curve is a :class:`MomentArmCurve`: a polynomial in the joint angle (degrees,
as the sources tabulate them) giving the moment arm in millimetres, together with the
table it was fitted to (if the source tabulates values), the source and a flag saying
whether the numbers were checked against that source. Users can build their own curve
and pass it to :class:`Muscle` / :func:`default_muscles`.

Angle conventions (the library's, see DESIGN.md): ankle dorsiflexion positive
(0 = standing), knee flexion positive (0 = straight), hip flexion positive
(0 = standing). Moment arms are magnitudes (positive); which way a muscle turns a joint
is the ``sign`` stored with the muscle (+1 = produces the positive anatomical moment:
plantarflexor, knee extensor, hip extensor).

Examples
--------
>>> from biomech.muscles.catalog import PATELLAR_TENDON_MRI
>>> round(float(PATELLAR_TENDON_MRI.mm(0.0)), 1)
42.3
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from ..errors import InputValueError

__all__ = [
    "MomentArmCurve", "Muscle", "MUSCLE_KEYS", "GROUPS", "JOINTS",
    "PATELLAR_TENDON_MRI", "ACHILLES_MANAL2013", "GASTROCNEMIUS_KNEE_HAWKINS_HULL",
    "HAMSTRINGS_KNEE", "TIBIALIS_ANTERIOR_ANKLE", "GLUTEUS_MAXIMUS_HIP", "HAMSTRINGS_HIP",
    "ADDUCTOR_MAGNUS_HIP", "ILIOPSOAS_HIP", "RECTUS_FEMORIS_HIP", "CURVES", "EffectiveQuadricepsArm", "QUADRICEPS_EFFECTIVE", "default_muscles",
]

JOINTS = ("ankle", "knee", "hip")
MUSCLE_KEYS = ("vasti", "rectus_femoris", "gluteus_maximus", "hamstrings", "adductor_magnus",
               "iliopsoas", "gastrocnemius", "soleus", "tibialis_anterior")
GROUPS = {"quadriceps": ("vasti", "rectus_femoris"), "triceps_surae": ("gastrocnemius", "soleus")}


@dataclass(frozen=True)
class MomentArmCurve:
    """A moment arm (mm) as a polynomial in one joint angle (deg).

    Parameters
    ----------
    name : str
        Short identifier.
    joint : {"ankle", "knee", "hip"}
        The joint whose angle the curve takes (library convention, see module doc).
    coefficients : tuple of float
        Polynomial coefficients, highest power first (``numpy.polyval`` order), mm per
        deg**k. If ``table`` is given and ``coefficients`` is empty, the coefficients
        are the least-squares fit of degree ``degree`` to the table.
    table : tuple of (angle_deg, moment_arm_mm)
        Values as printed by the source, in the library's angle convention.
    degree : int
        Degree of the fit to ``table``.
    domain : (float, float)
        Angle range (deg) the source covers; outside it the polynomial is extrapolated
        (and the docs say so) but the angle is first clipped to ``clip``.
    clip : (float, float)
        Angles are clipped to this range before evaluation, so extrapolation stays
        bounded.
    source : str
        Citation (authors, year, journal, table/figure).
    verified : bool
        True if the tabulated numbers were read from the source (or its abstract);
        False for representative values whose shape follows the cited description but
        whose numbers could not be checked.
    note : str
        How the curve was built.

    Examples
    --------
    >>> c = MomentArmCurve("demo", "knee", coefficients=(0.0, 30.0))
    >>> float(c.mm(45.0)), float(c(np.pi / 4))
    (30.0, 0.03)
    """

    name: str
    joint: str
    coefficients: tuple = ()
    table: tuple = ()
    degree: int = 1
    domain: tuple = (-180.0, 180.0)
    clip: tuple = (-180.0, 180.0)
    source: str = ""
    verified: bool = False
    note: str = ""
    _poly: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if self.joint not in JOINTS:
            raise InputValueError(f"joint={self.joint!r} is not one of {JOINTS}.")
        if self.coefficients:
            poly = np.asarray(self.coefficients, dtype=float)
        elif self.table:
            t = np.asarray(self.table, dtype=float)
            poly = np.polyfit(t[:, 0], t[:, 1], self.degree)
        else:
            raise InputValueError(f"MomentArmCurve {self.name!r} needs coefficients or a table.")
        object.__setattr__(self, "_poly", poly)

    @property
    def polynomial(self) -> np.ndarray:
        """Coefficients actually used (mm per deg**k, highest power first)."""
        return self._poly.copy()

    def mm(self, angle_deg):
        """Moment arm in mm at ``angle_deg`` (library convention, degrees)."""
        a = np.clip(np.asarray(angle_deg, dtype=float), *self.clip)
        return np.polyval(self._poly, a)

    def __call__(self, angle_rad):
        """Moment arm in m at ``angle_rad`` (radians): the unit-free kernel."""
        return self.mm(np.degrees(angle_rad)) * 1e-3


# ---------------------------------------------------------------------------------------
# Knee extensors: patellar tendon moment arm against knee flexion.
# MRI, in vivo, perpendicular distance from the tendon line to the knee axis, means at
# 0, 20, 40, 60 deg of flexion: 42.55, 39.91, 37.73, 36.18 mm ("Changes of the patellar
# tendon moment arm length in different knee angles: a biomechanical in vivo study",
# Archives of Bone and Joint Surgery, technical note, abjs.mums.ac.ir article 16466,
# abstract). The study reports a linear decrease; we fit a least-squares line.
PATELLAR_TENDON_MRI = MomentArmCurve(
    name="patellar_tendon_mri", joint="knee",
    table=((0.0, 42.55), (20.0, 39.91), (40.0, 37.73), (60.0, 36.18)), degree=1,
    domain=(0.0, 60.0), clip=(0.0, 130.0),
    source=("Arch Bone Jt Surg technical note, 'Changes of the patellar tendon moment arm "
            "length in different knee angles: a biomechanical in vivo study' (MRI; means at "
            "0/20/40/60 deg, abstract)"),
    verified=True,
    note="Least-squares line through the four tabulated means; extrapolated linearly past 60 deg.")

# Triceps surae: Achilles tendon moment arm against ankle angle.
# Manal K, Cowder JD, Buchanan TS (2013) Physiol Rep 1(6):e00139 (PMC3871454), abstract:
# at rest 34.6 mm at 20 deg dorsiflexion, rising to a maximum of 36.9 mm at 10 deg
# plantarflexion. We use the parabola through those two points with its vertex at
# 10 deg plantarflexion (dorsiflexion = -10 deg).
_AT_K = (36.9 - 34.6) / (20.0 + 10.0) ** 2
ACHILLES_MANAL2013 = MomentArmCurve(
    name="achilles_manal2013", joint="ankle",
    coefficients=(-_AT_K, -20.0 * _AT_K, 36.9 - 100.0 * _AT_K),
    table=((20.0, 34.6), (-10.0, 36.9)),
    domain=(-20.0, 20.0), clip=(-40.0, 40.0),
    source="Manal K, Cowder JD, Buchanan TS. Physiol Rep 2013;1(6):e00139 (rest values, abstract)",
    verified=True,
    note="Parabola through the two values given in the abstract, vertex at 10 deg plantarflexion.")

# Gastrocnemius at the knee: minus the derivative of the Hawkins & Hull (1990) length
# regression (see architecture.py), 0.00056 shank lengths per degree of knee flexion
# (mean of the medial 0.00062 and lateral 0.0005 heads), times a 0.434 m shank (de Leva 1996 male shank).
_SHANK_REF = 0.4340  # m, de Leva (1996) Table 4, male shank length
GASTROCNEMIUS_KNEE_HAWKINS_HULL = MomentArmCurve(
    name="gastrocnemius_knee_hawkins_hull", joint="knee",
    coefficients=(0.00056 * _SHANK_REF * 1e3 * 180.0 / np.pi,),
    domain=(0.0, 120.0), clip=(0.0, 150.0),
    source=("Hawkins D, Hull ML. J Biomech 1990;23:487-494, length regression for medial "
            "gastrocnemius (as transcribed in public code; not read in the paper)"),
    verified=False,
    note=("-dL/d(knee) of the length regression (mean of the two heads); constant 13.9 mm. Textbook range for the "
          "gastrocnemius knee moment arm, 12-20 mm (after Spoor et al. 1990), contains it."))

# Hamstrings at the knee: Visser et al. (1990, Eur J Appl Physiol 61:453) found the biceps
# femoris moment arm constant over the knee's range; typical ranges summarised after
# Spoor et al. (1990): semitendinosus 40-55 mm, semimembranosus 20-40 mm, biceps femoris
# 20 mm. PCSA-weighted mid-range (Ward 2009 PCSA 4.8, 18.4, 11.3 cm2) = 29 mm.
HAMSTRINGS_KNEE = MomentArmCurve(
    name="hamstrings_knee", joint="knee", coefficients=(29.0,), clip=(0.0, 150.0),
    source=("Visser JJ et al. Eur J Appl Physiol 1990;61:453-460 (constant biceps femoris "
            "moment arm); ranges after Spoor CW et al. 1990 as summarised in a textbook page"),
    verified=False, note="Constant 29 mm: PCSA-weighted mid-range of the three heads.")

# Tibialis anterior at the ankle: representative constant 40 mm (in vivo MRI values of
# about 4 cm at rest are reported by Maganaris, Baltzopoulos & Sargeant 1999; not read).
TIBIALIS_ANTERIOR_ANKLE = MomentArmCurve(
    name="tibialis_anterior_ankle", joint="ankle", coefficients=(40.0,),
    source="Maganaris CN, Baltzopoulos V, Sargeant AJ 1999 (about 4 cm; not read)",
    verified=False, note="Representative constant.")

# Hip extensors and flexors against hip flexion. Shapes follow Nemeth G, Ohlsen H (1985)
# J Biomech 18:129-140 as summarised in secondary text: gluteus maximus largest at the
# neutral position and decreasing with flexion; hamstrings smaller than gluteus maximus
# everywhere, increasing to about 35 deg of flexion and decreasing after. Adductor magnus
# becomes a stronger extensor as the hip flexes (Neumann DA 2010, JOSPT 40:82-94, figure
# after Dostal et al. 1986). The magnitudes below are representative values chosen to
# match those descriptions; they were NOT read from tables (verified=False).
GLUTEUS_MAXIMUS_HIP = MomentArmCurve(
    name="gluteus_maximus_hip", joint="hip", coefficients=(-0.2, 65.0), clip=(-20.0, 130.0),
    source="shape after Nemeth & Ohlsen 1985 (secondary summary); magnitudes representative",
    verified=False, note="65 mm at 0 deg, falling 2 mm per 10 deg of flexion.")
HAMSTRINGS_HIP = MomentArmCurve(
    name="hamstrings_hip", joint="hip", coefficients=(-0.0043, 0.30, 48.0), clip=(-20.0, 130.0),
    source="shape after Nemeth & Ohlsen 1985 (secondary summary); magnitudes representative",
    verified=False, note="48 mm at 0 deg, peak 53 mm near 35 deg, 40 mm at 90 deg.")
ADDUCTOR_MAGNUS_HIP = MomentArmCurve(
    name="adductor_magnus_hip", joint="hip", coefficients=(0.25, 20.0), clip=(-20.0, 130.0),
    source="direction after Neumann 2010 / Dostal et al. 1986; magnitudes representative",
    verified=False, note="20 mm at 0 deg rising to 42.5 mm at 90 deg.")
ILIOPSOAS_HIP = MomentArmCurve(
    name="iliopsoas_hip", joint="hip", coefficients=(25.0,), clip=(-20.0, 130.0),
    source="representative constant", verified=False, note="25 mm.")
RECTUS_FEMORIS_HIP = MomentArmCurve(
    name="rectus_femoris_hip", joint="hip", coefficients=(-0.11, 40.0), clip=(-20.0, 130.0),
    source="representative", verified=False, note="40 mm at 0 deg, 30 mm at 90 deg.")

@dataclass(frozen=True)
class EffectiveQuadricepsArm:
    """Knee-extensor moment per newton of quadriceps force, m: the patellar tendon moment
    arm divided by the quadriceps-to-patellar-tendon force ratio (see contact.py).

    >>> round(float(EffectiveQuadricepsArm()(np.radians(10.0))) * 1e3, 1)
    47.9
    """

    tendon: MomentArmCurve = PATELLAR_TENDON_MRI
    joint: str = "knee"

    def __call__(self, knee_rad):
        from .contact import quadriceps_to_patellar_ratio
        return self.tendon(knee_rad) / quadriceps_to_patellar_ratio(knee_rad)


QUADRICEPS_EFFECTIVE = EffectiveQuadricepsArm()

CURVES = {c.name: c for c in (
    PATELLAR_TENDON_MRI, ACHILLES_MANAL2013, GASTROCNEMIUS_KNEE_HAWKINS_HULL, HAMSTRINGS_KNEE,
    TIBIALIS_ANTERIOR_ANKLE, GLUTEUS_MAXIMUS_HIP, HAMSTRINGS_HIP, ADDUCTOR_MAGNUS_HIP,
    ILIOPSOAS_HIP, RECTUS_FEMORIS_HIP)}


@dataclass(frozen=True)
class Muscle:
    """One muscle (or muscle group) of the sagittal model.

    Parameters
    ----------
    key : str
        One of :data:`MUSCLE_KEYS` (or a new key of your own).
    arms : dict
        ``{joint: (sign, MomentArmCurve or callable(angle_rad) -> m)}``; sign +1 when the
        muscle produces the positive anatomical moment at that joint.
    pcsa : float
        Physiological cross-sectional area, m^2.
    force_length : callable or None
        ``f(angles) -> multiplier`` (0..1) where ``angles`` is the dict
        {"ankle", "knee", "hip"} of radians; None = capacity independent of length.

    Examples
    --------
    >>> m = Muscle("vasti", {"knee": (+1, PATELLAR_TENDON_MRI)}, pcsa=150e-4)
    >>> m.joints
    ('knee',)
    """

    key: str
    arms: dict
    pcsa: float
    force_length: Callable | None = None

    @property
    def joints(self) -> tuple:
        return tuple(j for j in JOINTS if j in self.arms)


def default_muscles(height_m: float = 1.75, mass_kg: float = 70.0, shank_m: float = _SHANK_REF):
    """The nine-muscle sagittal model with PCSA scaled to a body.

    Parameters
    ----------
    height_m, mass_kg : float
        Body height (m) and mass (kg); muscle volumes follow Handsfield et al. (2014).
    shank_m : float
        Shank length (m), for the Hawkins & Hull (1990) muscle-tendon lengths.

    Returns
    -------
    tuple of Muscle
        In :data:`MUSCLE_KEYS` order.

    Examples
    --------
    >>> [m.key for m in default_muscles()][:3]
    ['vasti', 'rectus_femoris', 'gluteus_maximus']
    """
    from .architecture import pcsa_m2, gastrocnemius_force_length, soleus_force_length
    p = pcsa_m2(height_m, mass_kg)
    gas_fl = gastrocnemius_force_length(shank_m)
    sol_fl = soleus_force_length(shank_m)
    return (
        Muscle("vasti", {"knee": (+1, QUADRICEPS_EFFECTIVE)}, p["vasti"]),
        Muscle("rectus_femoris", {"knee": (+1, QUADRICEPS_EFFECTIVE), "hip": (-1, RECTUS_FEMORIS_HIP)},
               p["rectus_femoris"]),
        Muscle("gluteus_maximus", {"hip": (+1, GLUTEUS_MAXIMUS_HIP)}, p["gluteus_maximus"]),
        Muscle("hamstrings", {"knee": (-1, HAMSTRINGS_KNEE), "hip": (+1, HAMSTRINGS_HIP)}, p["hamstrings"]),
        Muscle("adductor_magnus", {"hip": (+1, ADDUCTOR_MAGNUS_HIP)}, p["adductor_magnus"]),
        Muscle("iliopsoas", {"hip": (-1, ILIOPSOAS_HIP)}, p["iliopsoas"]),
        Muscle("gastrocnemius", {"ankle": (+1, ACHILLES_MANAL2013), "knee": (-1, GASTROCNEMIUS_KNEE_HAWKINS_HULL)},
               p["gastrocnemius"], gas_fl),
        Muscle("soleus", {"ankle": (+1, ACHILLES_MANAL2013)}, p["soleus"], sol_fl),
        Muscle("tibialis_anterior", {"ankle": (-1, TIBIALIS_ANTERIOR_ANKLE)}, p["tibialis_anterior"]),
    )
