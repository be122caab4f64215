"""Named, published moment-arm curves and the default sagittal muscle set.

Every curve is a :class:`MomentArmCurve`: a polynomial in the joint angle (degrees,
as the sources tabulate them) giving the moment arm in millimetres, together with the
table it was fitted to (if the source tabulates values), the source and a flag saying
whether the numbers were checked against that source. Users can build their own curve
and pass it to :class:`Muscle` / :func:`default_muscles`.

Angle conventions (the library's, see docs/conventions.md): ankle dorsiflexion positive
(0 = standing), knee flexion positive (0 = straight), hip flexion positive
(0 = standing). Moment arms are magnitudes (positive); which way a muscle turns a joint
is the ``sign`` stored with the muscle (+1 = produces the positive anatomical moment:
plantarflexor, knee extensor, hip extensor).

Body size. Each curve records the size of the body it was measured on (``scale_with``:
"height", "shank" or "thigh"; ``reference_m``: that length, m), and
:meth:`MomentArmCurve.scale_factor` gives the body's length over it, the factor by which
:func:`~biomech.muscles.muscle_demand` multiplies the moment arm. This is how the OpenSim
scale tool scales muscle paths (path points move with the segment scale factors, so moment
arms scale with the segment). Where the source gives only a stature, or none, the factor is
the body height over :data:`REFERENCE_HEIGHT_M` (1.80 m, the unscaled Delp et al. 1990 /
OpenSim gait2392 model); the Hawkins & Hull (1990) gastrocnemius knee arm is a fraction of
the shank length and scales with the shank (reference 0.434 m).

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
    "ADDUCTOR_MAGNUS_HIP", "ILIOPSOAS_HIP", "RECTUS_FEMORIS_HIP", "CURVES", "EffectiveQuadricepsArm",
    "QUADRICEPS_EFFECTIVE", "default_muscles", "TIBIALIS_ANTERIOR_MAGANARIS2000", "GLUTEUS_MAXIMUS_DELP1990",
    "HAMSTRINGS_DOSTAL1981", "ADDUCTOR_MAGNUS_DOSTAL1981", "ILIOPSOAS_DOSTAL1981", "RECTUS_FEMORIS_DOSTAL1981",
    "check_muscles", "DOSTAL1981", "DELP1990_GLUT_MAX2", "HIP_TABLE_ANGLES", "line_of_action_moment_arm",
    "HAMSTRINGS_KNEE_DELP1990", "DELP1990_KNEE", "DELP1990_HAMSTRINGS", "HAMSTRING_PCSA_CM2",
    "KNEE_TABLE_ANGLES", "delp1990_hamstring_length", "delp1990_hamstring_knee_arm_mm",
    "REFERENCE_HEIGHT_M", "REFERENCE_SHANK_M", "SCALE_LENGTHS", "DE_LEVA_MALE_FRACTIONS", "scaling_lengths",
    "moment_arm_scale",
]

from ..constants import LEG_JOINTS as JOINTS  # noqa: E402  (the muscle model covers the leg joints)
MUSCLE_KEYS = ("vasti", "rectus_femoris", "gluteus_maximus", "hamstrings", "adductor_magnus",
               "iliopsoas", "gastrocnemius", "soleus", "tibialis_anterior")
GROUPS = {"quadriceps": ("vasti", "rectus_femoris"), "triceps_surae": ("gastrocnemius", "soleus")}

#: Stature (m) of the unscaled Delp et al. (1990) lower-limb model as distributed in OpenSim
#: (gait2392 / gait2354): "about 1.8 m tall", 75.16 kg (OpenSim documentation, "Gait 2392 and
#: 2354 Models"). Used as the source size of the Delp-model curves, of the in vivo curves whose
#: subjects were chosen to match that stature (Manal et al. 2013 chose subjects of the stature of
#: Maganaris' subjects, which is "almost identical" to the Delp model's: Manal, Cowder & Buchanan,
#: ASME Summer Bioengineering Conference 2008, abstract), and, as an assumption, of the curves
#: whose source gives no stature (Dostal & Andrews 1981; the patellar tendon MRI note).
REFERENCE_HEIGHT_M = 1.80

#: Shank length (m) behind the Hawkins & Hull (1990) gastrocnemius knee arm (de Leva 1996
#: Table 4, male shank; the regression is in shank lengths).
REFERENCE_SHANK_M = 0.4340

#: The body lengths a curve may scale with.
SCALE_LENGTHS = ("height", "shank", "thigh")

#: Segment lengths as fractions of stature, de Leva (1996) Table 4, male (thigh 422.2 mm,
#: shank 440.3 mm, stature 1741 mm, the library's default table): used to estimate the
#: stature of a body built from segments, and the shank of a body known only by its height.
DE_LEVA_MALE_FRACTIONS = {"thigh": 422.2 / 1741.0, "shank": 440.3 / 1741.0}


def _positive(value, name):
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise InputValueError(f"{name}={value!r}: expected a positive length in m.") from None
    if not (np.isfinite(v) and v > 0):
        raise InputValueError(f"{name}={value!r}: expected a positive length in m.")
    return v


def scaling_lengths(height_m=None, shank_m=None, thigh_m=None) -> dict:
    """The body lengths (m) that moment-arm curves scale with, filling gaps by proportion.

    A body built from segments has no stature: it is estimated from the leg,
    (thigh + shank) / (0.2425 + 0.2529) (de Leva 1996 male fractions,
    :data:`DE_LEVA_MALE_FRACTIONS`). A body known only by its stature gets de Leva's
    segment lengths. At least one length must be given.

    Returns
    -------
    dict
        ``{"height", "shank", "thigh"}`` in m.

    Examples
    --------
    >>> {k: round(v, 3) for k, v in scaling_lengths(height_m=1.80).items()}
    {'height': 1.8, 'shank': 0.455, 'thigh': 0.437}
    >>> round(scaling_lengths(shank_m=0.455, thigh_m=0.437)["height"], 2)
    1.8
    """
    f = DE_LEVA_MALE_FRACTIONS
    h = None if height_m is None else _positive(height_m, "height_m")
    s = None if shank_m is None else _positive(shank_m, "shank_m")
    t = None if thigh_m is None else _positive(thigh_m, "thigh_m")
    if h is None:
        if s is not None and t is not None:
            h = (s + t) / (f["shank"] + f["thigh"])
        elif s is not None or t is not None:
            h = s / f["shank"] if s is not None else t / f["thigh"]
        else:
            raise InputValueError("scaling_lengths() needs height_m, shank_m or thigh_m (m).")
    return {"height": h, "shank": s if s is not None else h * f["shank"],
            "thigh": t if t is not None else h * f["thigh"]}


def moment_arm_scale(curve, lengths) -> float:
    """Factor by which ``curve``'s moment arm is multiplied for a body of ``lengths``.

    ``lengths`` is a :func:`scaling_lengths` dict, or None (no scaling: 1.0). A curve
    without a recorded source size (a plain callable of your own) is not scaled.

    >>> moment_arm_scale(PATELLAR_TENDON_MRI, scaling_lengths(height_m=1.62))
    0.9
    """
    if lengths is None:
        return 1.0
    ref = getattr(curve, "reference_m", None)
    key = getattr(curve, "scale_with", None)
    if ref is None or key is None:
        return 1.0
    if key not in lengths:
        raise InputValueError(f"lengths={lengths!r} has no {key!r}; expected keys {SCALE_LENGTHS} (m).")
    return float(lengths[key]) / float(ref)


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
    scale_with : {"height", "shank", "thigh"}
        The body length the moment arm scales with (see :func:`moment_arm_scale`).
    reference_m : float or None
        That length (m) for the source's body; None = never scaled. Default
        :data:`REFERENCE_HEIGHT_M`.

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
    scale_with: str = "height"
    reference_m: float | None = REFERENCE_HEIGHT_M
    _poly: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if self.joint not in JOINTS:
            raise InputValueError(f"joint={self.joint!r} is not one of {JOINTS}.")
        if self.scale_with not in SCALE_LENGTHS:
            raise InputValueError(f"scale_with={self.scale_with!r} is not one of {SCALE_LENGTHS}.")
        if self.reference_m is not None:
            _positive(self.reference_m, "reference_m")
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
        """Moment arm in m at ``angle_rad`` (radians): the unit-free kernel (source's body)."""
        return self.mm(np.degrees(angle_rad)) * 1e-3

    def scale_factor(self, lengths) -> float:
        """Body length over the source's (:func:`moment_arm_scale`); 1.0 for ``lengths=None``."""
        return moment_arm_scale(self, lengths)


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
_SHANK_REF = REFERENCE_SHANK_M  # m, de Leva (1996) Table 4, male shank length
GASTROCNEMIUS_KNEE_HAWKINS_HULL = MomentArmCurve(
    name="gastrocnemius_knee_hawkins_hull", joint="knee",
    coefficients=(0.00056 * _SHANK_REF * 1e3 * 180.0 / np.pi,),
    domain=(0.0, 120.0), clip=(0.0, 150.0),
    source=("Hawkins D, Hull ML. J Biomech 1990;23:487-494, length regression for medial "
            "gastrocnemius (as transcribed in public code; not read in the paper)"),
    verified=False, scale_with="shank", reference_m=REFERENCE_SHANK_M,
    note=("-dL/d(knee) of the length regression (mean of the two heads); constant 13.9 mm. Textbook range for the "
          "gastrocnemius knee moment arm, 12-20 mm (after Spoor et al. 1990), contains it."))

# Tibialis anterior at the ankle: Maganaris CN, Baltzopoulos V, Sargeant AJ (2000) J Biomech
# 33(3):375-379 (PubMed 10673122, abstract): at rest the moment arm falls from about 4.5 cm in
# dorsiflexion to about 2.9 cm in plantarflexion (both of their methods). The abstract does
# not print the two angles; we place them at the ends of the range this group scanned,
# 15 deg dorsiflexion and 30 deg plantarflexion (Maganaris et al. 1999, Eur J Appl Physiol
# 79:294, abstract), and join them with a line.
TIBIALIS_ANTERIOR_MAGANARIS2000 = MomentArmCurve(
    name="tibialis_anterior_maganaris2000", joint="ankle",
    table=((15.0, 45.0), (-30.0, 29.0)), degree=1, domain=(-30.0, 15.0), clip=(-30.0, 15.0),
    source=("Maganaris CN, Baltzopoulos V, Sargeant AJ. J Biomech 2000;33:375-379 (rest, "
            "abstract: ~4.5 cm dorsiflexed to ~2.9 cm plantarflexed); end angles 15 deg DF / "
            "30 deg PF from the same group's protocol (Eur J Appl Physiol 1999;79:294)"),
    verified=True,
    note="Line through the two resting values; the angle assignment is ours (see source).")
TIBIALIS_ANTERIOR_ANKLE = TIBIALIS_ANTERIOR_MAGANARIS2000


def line_of_action_moment_arm(proximal, distal, angle_deg):
    """Sagittal moment arm (mm, + = flexor) of a straight muscle segment about a hinge.

    ``proximal`` is fixed in the proximal segment and ``distal`` in the distal one, both
    relative to the joint centre in the proximal frame at angle 0 (x anterior, y up, z
    lateral; any length unit, results in that unit). The distal point is turned by
    ``angle_deg`` about the lateral (z) axis (positive = flexion for the hip, x toward y),
    and the moment arm is the z-component of r x u, with u the unit vector from the distal
    point toward the proximal one (the pull on the distal segment).

    Examples
    --------
    >>> round(float(line_of_action_moment_arm((0.0, 10.0, 0.0), (-5.0, -10.0, 0.0), 0.0)), 3)
    -2.425
    """
    a = np.radians(np.asarray(angle_deg, dtype=float))[..., None]
    d = np.asarray(distal, dtype=float)
    c, s = np.cos(a[..., 0]), np.sin(a[..., 0])
    px, py, pz = c * d[0] - s * d[1], s * d[0] + c * d[1], np.full_like(c, d[2])
    o = np.asarray(proximal, dtype=float)
    ux, uy, uz = o[0] - px, o[1] - py, o[2] - pz
    n = np.sqrt(ux ** 2 + uy ** 2 + uz ** 2)
    return (px * uy - py * ux) / n


#: Dostal WF, Andrews JG (1981) A three-dimensional biomechanical model of hip musculature.
#: J Biomech 14:803-812, Table 1: origin (pelvis) and insertion (femur) coordinates, cm,
#: hip joint centre at the origin, x anterior, y superior, z lateral, anatomical position.
#: Transcribed from the public HipJointForceModel project (RWTHmediTEC/HipJointForceModel,
#: data/Dostal1981.m, commit 2dd158fdb1b9b42240c7e59beb8d9a0912fcd7fa). Dostal, Soderberg &
#: Andrews (1986, Phys Ther 66:351-361) used this straight-line model for hip moment arms
#: from 0 to 90 deg of flexion.
DOSTAL1981 = {
    "iliopsoas": ((2.8, 2.4, 0.5), (-0.2, -6.1, 1.5)),
    "rectus_femoris": ((4.3, 3.7, 2.6), (4.3, -41.5, 0.2)),
    "adductor_magnus_posterior": ((-4.8, -5.9, -3.4), (0.1, -40.4, -3.1)),
    "gluteus_maximus": ((-8.7, 6.8, -4.4), (-0.9, -10.3, 4.7)),
    "biceps_femoris": ((-5.3, -3.6, -1.3), (-2.3, -44.1, 3.9)),
    "semitendinosus": ((-5.3, -3.6, -1.3), (-2.2, -43.3, -4.0)),
    "semimembranosus": ((-4.4, -3.1, -0.8), (-2.9, -42.8, -3.4)),
}

#: Delp SL, Loan JP, Hoy MG, Zajac FE, Topp EL, Rosen JM (1990) IEEE Trans Biomed Eng
#: 37:757-767 lower-limb model, gluteus maximus (middle part, glut_max2) path: last pelvis via
#: point and first femur point (m), as in the OpenSim gait2392 / gait10dof18musc models;
#: pelvis point relative to the pelvis origin, hip joint centre in the pelvis at
#: (-0.0707, -0.0661, 0.0835) m; femur point relative to the hip centre. Transcribed from
#: the public model script lurejewel/human-prosthesis-interaction, model_construction.m (commit
#: 14134fa78cf278b98dbcbe5cd1c80ee215359269), which rebuilds the gait2392 paths; a scaled copy
#: of the same path (factor 1.046) appears in another public OpenSim script.
DELP1990_GLUT_MAX2 = {"pelvis_via": (-0.1376, -0.052, 0.0914), "femur": (-0.0426, -0.053, 0.0293),
                      "hip_centre": (-0.0707, -0.0661, 0.0835)}

#: Angles (deg of hip flexion) at which the geometric curves are tabulated: the range
#: Dostal et al. (1986) covered, plus 20 deg of extension.
HIP_TABLE_ANGLES = tuple(float(a) for a in range(-20, 91, 10))


def _dostal_extensor_mm(key, angles=HIP_TABLE_ANGLES):
    o, i = DOSTAL1981[key]
    return -line_of_action_moment_arm(o, i, angles) * 10.0  # cm -> mm, extensor positive


def _table(values, angles=HIP_TABLE_ANGLES):
    return tuple((float(a), round(float(v), 2)) for a, v in zip(angles, values))


#: PCSA (cm^2) of the three two-joint hamstrings, Ward et al. (2009) Table 1, used to
#: weight the heads into one "hamstrings" arm at the hip and at the knee.
HAMSTRING_PCSA_CM2 = {"biceps_femoris": 11.3, "semitendinosus": 4.8, "semimembranosus": 18.4}


def _hamstrings_dostal_mm(angles=HIP_TABLE_ANGLES):
    # PCSA-weighted mean of the three heads (Ward et al. 2009 PCSA: biceps femoris long
    # head 11.3, semitendinosus 4.8, semimembranosus 18.4 cm^2)
    w = HAMSTRING_PCSA_CM2
    return sum(w[k] * _dostal_extensor_mm(k, angles) for k in w) / sum(w.values())


def _glut_max_delp_mm(angles=HIP_TABLE_ANGLES):
    g = DELP1990_GLUT_MAX2
    prox = tuple(np.subtract(g["pelvis_via"], g["hip_centre"]))
    return -line_of_action_moment_arm(prox, g["femur"], angles) * 1e3


_HIP_NOTE = ("Degree-4 least-squares fit to the geometric moment arms tabulated every 10 deg "
             "from -20 to 90 deg of hip flexion; beyond 90 deg (outside the range of the "
             "sources) the 90 deg value is held.")

GLUTEUS_MAXIMUS_DELP1990 = MomentArmCurve(
    name="gluteus_maximus_delp1990", joint="hip", table=_table(_glut_max_delp_mm()), degree=4,
    domain=(-20.0, 90.0), clip=(-20.0, 90.0),
    source=("Delp SL et al. IEEE Trans Biomed Eng 1990;37:757-767 model geometry (gluteus "
            "maximus middle part, via-point path, as in OpenSim gait2392)"),
    verified=True,
    note=_HIP_NOTE + " Without the wrapping surfaces of Arnold et al. (2010) this path loses "
         "its extensor arm in deep flexion (about 0 at 113 deg), hence the hold.")
HAMSTRINGS_DOSTAL1981 = MomentArmCurve(
    name="hamstrings_hip_dostal1981", joint="hip", table=_table(_hamstrings_dostal_mm()), degree=4,
    domain=(-20.0, 90.0), clip=(-20.0, 90.0),
    source="Dostal WF, Andrews JG. J Biomech 1981;14:803-812, Table 1 (straight lines; PCSA-weighted heads)",
    verified=True, note=_HIP_NOTE)
ADDUCTOR_MAGNUS_DOSTAL1981 = MomentArmCurve(
    name="adductor_magnus_dostal1981", joint="hip",
    table=_table(_dostal_extensor_mm("adductor_magnus_posterior")), degree=4,
    domain=(-20.0, 90.0), clip=(-20.0, 90.0),
    source="Dostal WF, Andrews JG. J Biomech 1981;14:803-812, Table 1 (posterior part, straight line)",
    verified=True, note=_HIP_NOTE)
ILIOPSOAS_DOSTAL1981 = MomentArmCurve(
    name="iliopsoas_dostal1981", joint="hip", table=_table(-_dostal_extensor_mm("iliopsoas")), degree=4,
    domain=(-20.0, 90.0), clip=(-20.0, 90.0),
    source="Dostal WF, Andrews JG. J Biomech 1981;14:803-812, Table 1 (effective origin at the pelvic brim)",
    verified=True, note=_HIP_NOTE + " Flexor moment arm (positive).")
RECTUS_FEMORIS_DOSTAL1981 = MomentArmCurve(
    name="rectus_femoris_hip_dostal1981", joint="hip", table=_table(-_dostal_extensor_mm("rectus_femoris")),
    degree=4, domain=(-20.0, 90.0), clip=(-20.0, 90.0),
    source="Dostal WF, Andrews JG. J Biomech 1981;14:803-812, Table 1 (knee straight, straight line)",
    verified=True, note=_HIP_NOTE + " Flexor moment arm (positive).")


#: Delp et al. (1990) knee as in OpenSim gait2392 (knee_r, planar knee after Yamaguchi &
#: Zajac 1989): the tibia origin in the femur frame (m, x anterior, y up) as SIMM splines of
#: the knee coordinate (rad, negative = flexion), knots (x) and values (y); the tibia turns
#: about the femur z axis by the same coordinate. Hamstring path points (m): pelvis points
#: relative to the pelvis origin, tibia points in the tibia frame; a range (rad) marks a
#: conditional via point, active only while the knee coordinate lies in it. Hip joint
#: centre in the pelvis: DELP1990_GLUT_MAX2["hip_centre"]. Transcribed from the public copy
#: of gait2392_simbody.osim in DIJ-25/Biomechanics_MAC447 (commit
#: 0e937fdde77cc54e1ef34a8563f11b6f31f542b2); the tx/ty knots match the Delp (1990) table
#: quoted in fmoissenet/MSK_Delp_U_Ankle, Main_Set_Geometry_Delp.m.
DELP1990_KNEE = {
    "tx": ((-2.0944, -1.74533, -1.39626, -1.0472, -0.698132, -0.349066, -0.174533, 0.197344,
            0.337395, 0.490178, 1.52146, 2.0944),
           (-0.0032, 0.00179, 0.00411, 0.0041, 0.00212, -0.001, -0.0031, -0.005227, -0.005435,
            -0.005574, -0.005435, -0.00525)),
    "ty": ((-2.0944, -1.22173, -0.523599, -0.349066, -0.174533, 0.159149, 2.0944),
           (-0.4226, -0.4082, -0.399, -0.3976, -0.3966, -0.395264, -0.396)),
}
DELP1990_HAMSTRINGS = {
    "semimembranosus": {"pelvis": (-0.1192, -0.09747, 0.07151),
                        "tibia": (((-0.0348, -0.03519, -0.01891), (-0.558505, 0.174533)),
                                  ((-0.027, -0.04771, -0.01957), None))},
    "semitendinosus": {"pelvis": (-0.12635, -0.10988, 0.06039),
                       "tibia": (((-0.04203, -0.02859, -0.02277), (-0.331613, 0.174533)),
                                 ((-0.03322, -0.05282, -0.02288), None),
                                 ((-0.0113, -0.0746, -0.0245), None),
                                 ((0.0027, -0.0956, -0.0193), None))},
    "biceps_femoris": {"pelvis": (-0.12596, -0.10257, 0.06944),
                       "tibia": (((-0.0301, -0.036, 0.02943), None),
                                 ((-0.0234, -0.0563, 0.0343), None))},
}


def _simm_spline(x, y):
    """Cubic spline through (x, y) with the end conditions of SIMM / OpenSim ``SimmSpline``
    (the ``spline`` routine of Forsythe, Malcolm & Moler 1977: the end third derivatives
    are those of the cubics through the first and last four knots). Needs >= 4 knots.
    Returns ``f(t)`` evaluating the spline (and extending the end cubics) for arrays ``t``."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    n = len(x)
    d, b, c = np.zeros(n), np.zeros(n), np.zeros(n)
    d[0] = x[1] - x[0]
    c[1] = (y[1] - y[0]) / d[0]
    for i in range(1, n - 1):
        d[i] = x[i + 1] - x[i]
        b[i] = 2.0 * (d[i - 1] + d[i])
        c[i + 1] = (y[i + 1] - y[i]) / d[i]
        c[i] = c[i + 1] - c[i]
    b[0], b[-1] = -d[0], -d[n - 2]
    c0 = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0])
    cn = c[n - 2] / (x[n - 1] - x[n - 3]) - c[n - 3] / (x[n - 2] - x[n - 4])
    c[0] = c0 * d[0] ** 2 / (x[3] - x[0])
    c[-1] = -cn * d[n - 2] ** 2 / (x[n - 1] - x[n - 4])
    for i in range(1, n):  # forward elimination
        t = d[i - 1] / b[i - 1]
        b[i] -= t * d[i - 1]
        c[i] -= t * c[i - 1]
    c[-1] /= b[-1]
    for i in range(n - 2, -1, -1):  # back substitution
        c[i] = (c[i] - d[i] * c[i + 1]) / b[i]
    b[-1] = (y[-1] - y[-2]) / d[n - 2] + d[n - 2] * (c[n - 2] + 2.0 * c[-1])
    for i in range(n - 1):
        b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2.0 * c[i])
        d[i] = (c[i + 1] - c[i]) / d[i]
        c[i] = 3.0 * c[i]
    c[-1] = 3.0 * c[-1]
    d[-1] = d[n - 2]

    def f(t):
        t = np.asarray(t, float)
        k = np.clip(np.searchsorted(x, t, side="right") - 1, 0, n - 1)
        dx = t - x[k]
        return y[k] + dx * (b[k] + dx * (c[k] + dx * d[k]))
    return f


_KNEE_TX = _simm_spline(*DELP1990_KNEE["tx"])
_KNEE_TY = _simm_spline(*DELP1990_KNEE["ty"])


def delp1990_hamstring_length(head, knee_flexion_deg, hip_flexion_deg=0.0):
    """Musculotendon path length (m) of one hamstring in the Delp et al. (1990) model.

    Straight segments through :data:`DELP1990_HAMSTRINGS` (conditional via points included
    only where active), the tibia placed by :data:`DELP1990_KNEE`; sagittal hip flexion only.

    Parameters
    ----------
    head : {"semimembranosus", "semitendinosus", "biceps_femoris"}
    knee_flexion_deg, hip_flexion_deg : float or array
        Library convention: flexion positive, degrees.

    Returns
    -------
    ndarray
        Length in m, broadcast shape of the two angles.

    Examples
    --------
    >>> round(float(delp1990_hamstring_length("biceps_femoris", 0.0)), 4)
    0.4202
    """
    if head not in DELP1990_HAMSTRINGS:
        raise InputValueError(f"head={head!r} is not one of {tuple(DELP1990_HAMSTRINGS)}.")
    q, hip = np.broadcast_arrays(-np.radians(np.asarray(knee_flexion_deg, float)),
                                 np.radians(np.asarray(hip_flexion_deg, float)))
    g = DELP1990_HAMSTRINGS[head]
    o = np.subtract(g["pelvis"], DELP1990_GLUT_MAX2["hip_centre"])
    # pelvis point in the femur frame: the femur is turned by +hip about z
    ch, sh = np.cos(hip), np.sin(hip)
    prev = np.stack([ch * o[0] + sh * o[1], -sh * o[0] + ch * o[1], np.full_like(q, o[2])], -1)
    cq, sq = np.cos(q), np.sin(q)
    tx, ty = _KNEE_TX(q), _KNEE_TY(q)
    total = np.zeros_like(q)
    for loc, rng in g["tibia"]:
        p = np.stack([cq * loc[0] - sq * loc[1] + tx, sq * loc[0] + cq * loc[1] + ty,
                      np.full_like(q, loc[2])], -1)
        on = np.ones_like(q, bool) if rng is None else (q >= rng[0]) & (q <= rng[1])
        total = total + np.where(on, np.linalg.norm(p - prev, axis=-1), 0.0)
        prev = np.where(on[..., None], p, prev)
    return total


def delp1990_hamstring_knee_arm_mm(head, knee_flexion_deg, hip_flexion_deg=0.0):
    """Knee-flexor moment arm (mm, positive = flexor) of one hamstring in the Delp (1990)
    model: minus the derivative of :func:`delp1990_hamstring_length` with knee flexion.

    Examples
    --------
    >>> round(float(delp1990_hamstring_knee_arm_mm("semitendinosus", 50.0)), 1)
    48.3
    """
    h = 1e-4  # deg; central difference
    dl = (delp1990_hamstring_length(head, np.asarray(knee_flexion_deg, float) + h, hip_flexion_deg)
          - delp1990_hamstring_length(head, np.asarray(knee_flexion_deg, float) - h, hip_flexion_deg))
    return -dl / np.radians(2 * h) * 1e3


#: Knee angles (deg of flexion) at which the Delp (1990) hamstring knee arms are tabulated.
KNEE_TABLE_ANGLES = tuple(float(a) for a in range(0, 91, 10))


def _hamstrings_knee_delp_mm(angles=KNEE_TABLE_ANGLES):
    w = HAMSTRING_PCSA_CM2
    return sum(w[k] * delp1990_hamstring_knee_arm_mm(k, np.asarray(angles, float)) for k in w) / sum(w.values())


HAMSTRINGS_KNEE_DELP1990 = MomentArmCurve(
    name="hamstrings_knee_delp1990", joint="knee",
    table=tuple((float(a), round(float(v), 2)) for a, v in zip(KNEE_TABLE_ANGLES, _hamstrings_knee_delp_mm())),
    degree=4, domain=(0.0, 90.0), clip=(0.0, 90.0),
    source=("Delp SL et al. IEEE Trans Biomed Eng 1990;37:757-767 model geometry as in OpenSim "
            "gait2392 (semimembranosus, semitendinosus, biceps femoris long head paths and knee "
            "splines; hip at 0 deg; Ward 2009 PCSA-weighted)"),
    verified=True,
    note=("Degree-4 least-squares fit to the PCSA-weighted moment arms (-dL/d knee flexion) "
          "tabulated every 10 deg from 0 to 90 deg; beyond 90 deg the 90 deg value is held: the "
          "straight paths, without the wrapping surfaces of Arnold et al. (2010), pass ever closer "
          "to the knee (21 mm at 100 deg, 7 mm at 120 deg; the biceps femoris turns extensor by 120 deg)."))
HAMSTRINGS_KNEE = HAMSTRINGS_KNEE_DELP1990

# the names the rest of the package uses
GLUTEUS_MAXIMUS_HIP = GLUTEUS_MAXIMUS_DELP1990
HAMSTRINGS_HIP = HAMSTRINGS_DOSTAL1981
ADDUCTOR_MAGNUS_HIP = ADDUCTOR_MAGNUS_DOSTAL1981
ILIOPSOAS_HIP = ILIOPSOAS_DOSTAL1981
RECTUS_FEMORIS_HIP = RECTUS_FEMORIS_DOSTAL1981

@dataclass(frozen=True)
class EffectiveQuadricepsArm:
    """Knee-extensor moment per newton of quadriceps force, m: the patellar tendon moment
    arm divided by the quadriceps-to-patellar-tendon force ratio (see contact.py).

    >>> round(float(EffectiveQuadricepsArm()(np.radians(10.0))) * 1e3, 1)
    47.9
    """

    tendon: MomentArmCurve = PATELLAR_TENDON_MRI
    joint: str = "knee"

    @property
    def scale_with(self):
        """The tendon curve's (the F_Q/F_P ratio is dimensionless)."""
        return self.tendon.scale_with

    @property
    def reference_m(self):
        return self.tendon.reference_m

    def scale_factor(self, lengths) -> float:
        return moment_arm_scale(self, lengths)

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


def check_muscles(muscles, name: str = "muscles") -> tuple:
    """Return ``muscles`` as a tuple of :class:`Muscle`, or raise naming the argument.

    >>> check_muscles(default_muscles())[0].key
    'vasti'
    """
    if isinstance(muscles, (str, bytes)) or not hasattr(muscles, "__iter__"):
        raise InputValueError(f"{name}={muscles!r}: expected a non-empty sequence of Muscle objects "
                              "(e.g. biomech.muscles.default_muscles()).")
    out = tuple(muscles)
    if not out:
        raise InputValueError(f"{name}=[]: expected a non-empty sequence of Muscle objects "
                              "(e.g. biomech.muscles.default_muscles()).")
    for i, m in enumerate(out):
        if not isinstance(m, Muscle):
            raise InputValueError(f"{name}[{i}]={m!r}: expected a Muscle, got {type(m).__name__}.")
        if not m.arms or any(j not in JOINTS for j in m.arms):
            raise InputValueError(f"{name}[{i}] ({m.key!r}) crosses {tuple(m.arms)}; expected joints among {JOINTS}.")
        if not (np.isfinite(m.pcsa) and m.pcsa > 0):
            raise InputValueError(f"{name}[{i}] ({m.key!r}) has pcsa={m.pcsa!r}; expected a positive area in m^2.")
    keys = [m.key for m in out]
    if len(set(keys)) != len(keys):
        raise InputValueError(f"{name} has repeated keys {keys}; each muscle needs its own key.")
    return out


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
    for nm, v in (("height_m", height_m), ("mass_kg", mass_kg), ("shank_m", shank_m)):
        if isinstance(v, bool) or not isinstance(v, (int, float, np.floating, np.integer)) or not (np.isfinite(v) and v > 0):
            raise InputValueError(f"{nm}={v!r}: expected a positive finite number (SI: m or kg).")
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
