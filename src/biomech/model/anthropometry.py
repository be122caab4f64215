"""Segment tables: the body's masses, lengths and inertias from height, mass and sex.

Each published table is a named class that carries its constants and its citation
in one place (:class:`DeLeva1996`, the default, and :class:`Winter2009`); the
registry :data:`TABLES` maps the names users type to them. The function
:func:`body_parameters` converts a table to the model's own segments (see
``docs/model.md``):

- per leg a ``"foot"`` (proximal end = heel), a ``"shank"`` (knee -> ankle) and a
  ``"thigh"`` (hip -> knee);
- a ``"trunk"`` from the hip joint centre to the shoulder joint centre, head and
  neck included (proximal end = hip);
- ``"arms"``: both arms as one straight segment, shoulder -> grip (proximal end =
  shoulder).

Everything here is plain SI floats (m, kg); units are converted by the caller.
For each segment, ``com`` is the centre of mass as a fraction of the length from
the proximal end and ``gyration`` the radius of gyration about the centre of mass
for rotation in the sagittal plane (about the side-to-side axis), as a fraction of
the length.

Examples
--------
>>> from biomech.model.anthropometry import body_parameters
>>> bp = body_parameters(1.78, 80.0, "male")
>>> bp.table, round(bp.segments["thigh"].mass_kg, 2), round(bp.segments["trunk"].com, 3)
('de_leva', 11.33, 0.684)
>>> total = bp.segments["trunk"].mass_kg + bp.segments["arms"].mass_kg + 2 * sum(
...     bp.segments[s].mass_kg for s in ("foot", "shank", "thigh"))
>>> round(total, 9)
80.0
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from ..errors import InputValueError, RangeError

__all__ = [
    "SegmentParameters",
    "FootGeometry",
    "BodyParameters",
    "DefaultDetails",
    "TableSegment",
    "DeLeva1996",
    "Winter2009",
    "TABLES",
    "SEGMENT_NAMES",
    "body_parameters",
    "default_trunk_details",
    "normalize_sex",
    "get_table",
    "combine_along_axis",
]

#: The model's segments, in the order they are reported.
SEGMENT_NAMES = ("foot", "shank", "thigh", "trunk", "arms")

# Plausible ranges for a human body (checked by :func:`body_parameters`).
HEIGHT_RANGE_M = (0.5, 2.6)
MASS_RANGE_KG = (20.0, 300.0)

# ---------------------------------------------------------------------------
# Proportions shared by both tables (each with its source or stated as an assumption)
# ---------------------------------------------------------------------------

#: Ankle joint centre height above the sole, as a fraction of stature: 0.039 H.
#: Drillis R, Contini R (1966) via Winter DA (2009), Biomechanics and Motor Control
#: of Human Movement, 4th ed., Fig. 4.1 (read in two public transcriptions of the figure).
ANKLE_HEIGHT_PER_STATURE = 0.039

#: Horizontal heel -> ankle joint centre distance, fraction of foot length.
#: ASSUMPTION: 0.19. Reasoning: the generic lower-limb model of Delp et al. (1990)
#: as distributed with OpenSim (gait2392) places the calcaneus origin 48.8 mm behind
#: the ankle joint, i.e. about 0.19 of a 0.26 m foot. No table of it was found.
ANKLE_X_PER_FOOT_LENGTH = 0.19

#: Horizontal heel -> ball of the foot (metatarsal heads), fraction of foot length.
#: ASSUMPTION: 0.70. Reasoning: the same model puts the metatarsophalangeal joint
#: 178.8 mm ahead of the calcaneus origin (about 0.69 of a 0.26 m foot), and the
#: shoe-last convention puts the ball line near 0.7 of foot length.
BALL_X_PER_FOOT_LENGTH = 0.70

#: Height of the foot's centre of mass, fraction of the ankle height.
#: ASSUMPTION: 0.5, i.e. halfway between the sole and the ankle joint centre, which
#: is where Dempster's foot COM lies (midpoint of lateral malleolus -> head of
#: metatarsal II, Winter 2009 Table 4.1) when the metatarsal head is taken at sole level.
FOOT_COM_Y_PER_ANKLE_HEIGHT = 0.5

#: Knee depth: horizontal distance from the knee joint centre to the front of the
#: patella, fraction of stature. ASSUMPTION: 0.030 H (about 5.3 cm at 1.78 m: the
#: femoral condyle radius plus the patella's thickness and skin). No published
#: proportion was found.
KNEE_DEPTH_PER_STATURE = 0.030

#: Pelvis width (distance between the anterior superior iliac spines), fraction of
#: stature. ASSUMPTION: 0.14 H (about 0.25 m at 1.78 m; the generic OpenSim pelvis
#: of a 1.8 m model has 0.256 m). It scales the lumbar-point regression below.
PELVIS_WIDTH_PER_STATURE = 0.14

#: Lumbar joint centre (L5/S1) relative to the hip joint centre (midpoint of the two),
#: in the pelvis frame (x forward, y up), as fractions of the pelvis width.
#: From the regressions of Dumas R, Wojtusch J (2018), Estimation of the body segment
#: inertial parameters for the rigid body biomechanical models used in motion
#: analysis, Handbook of Human Motion (Springer), which give, from the mid-ASIS point,
#: LJC = (-33.5 %, -3.2 %) and HJC = (-9.5 %, -37.0 %) for men and LJC = (-34.0 %,
#: +4.9 %), HJC = (-13.9 %, -33.6 %) for women (read in a public gait-analysis toolbox's
#: transcription; the same values as Dumas, Cheze & Verriest 2007, J Biomech 40:543).
#: LJC - HJC: men (-0.240, +0.338), women (-0.201, +0.385).
#: ASSUMPTION: the pelvis frame's axes are taken parallel to the trunk axis (along)
#: and its normal (offset); pelvic tilt is ignored.
LUMBAR_FROM_HIP_PER_PELVIS_WIDTH = {
    "male": (-0.335 - (-0.095), -0.032 - (-0.370)),
    "female": (-0.340 - (-0.139), 0.049 - (-0.336)),
}


# ---------------------------------------------------------------------------
# Value types
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SegmentParameters:
    """One model segment in SI units.

    Attributes
    ----------
    length_m : float
        Length between the segment's end points, m.
    mass_kg : float
        Mass, kg.
    com : float
        Centre of mass as a fraction of the length from the proximal end.
    gyration : float
        Radius of gyration about the centre of mass, for rotation in the sagittal
        plane (about the side-to-side axis), as a fraction of the length.

    Examples
    --------
    >>> s = SegmentParameters(length_m=0.4, mass_kg=10.0, com=0.4, gyration=0.3)
    >>> round(s.com_m, 3), round(s.inertia_kgm2, 4)
    (0.16, 0.144)
    """

    length_m: float
    mass_kg: float
    com: float
    gyration: float

    @property
    def com_m(self) -> float:
        """Distance of the centre of mass from the proximal end, m."""
        return self.com * self.length_m

    @property
    def gyration_m(self) -> float:
        """Radius of gyration about the centre of mass, m."""
        return self.gyration * self.length_m

    @property
    def inertia_kgm2(self) -> float:
        """Moment of inertia about the centre of mass (side-to-side axis), kg*m^2."""
        return self.mass_kg * self.gyration_m**2


@dataclass(frozen=True)
class FootGeometry:
    """Landmarks of one foot in its own frame, m.

    The frame: foot flat on the ground, origin at the heel's contact point, x
    forward, y up. ``heel_x`` is 0 by definition; ``toe_x`` is the foot length.

    Examples
    --------
    >>> f = FootGeometry(heel_x=0.0, ball_x=0.18, toe_x=0.26, ankle_x=0.05,
    ...                  ankle_y=0.07, foot_com_x=0.11, foot_com_y=0.035)
    >>> f.toe_x - f.heel_x
    0.26
    """

    heel_x: float
    ball_x: float
    toe_x: float
    ankle_x: float
    ankle_y: float
    foot_com_x: float
    foot_com_y: float

    def scaled(self, x_factor: float, y_factor: float) -> "FootGeometry":
        """The same landmarks with x multiplied by ``x_factor`` and y by ``y_factor``."""
        return FootGeometry(
            heel_x=self.heel_x * x_factor,
            ball_x=self.ball_x * x_factor,
            toe_x=self.toe_x * x_factor,
            ankle_x=self.ankle_x * x_factor,
            ankle_y=self.ankle_y * y_factor,
            foot_com_x=self.foot_com_x * x_factor,
            foot_com_y=self.foot_com_y * y_factor,
        )


@dataclass(frozen=True)
class BodyParameters:
    """A whole body's segment parameters in the model's conventions (SI floats).

    Attributes
    ----------
    height_m, mass_kg : float
        Stature (m) and body mass (kg) the parameters were scaled to.
    sex : str
        ``"male"`` or ``"female"``.
    table : str
        Name of the table used (``"de_leva"`` or ``"winter"``).
    citation : str
        The table's source.
    segments : Mapping[str, SegmentParameters]
        ``"foot"``, ``"shank"``, ``"thigh"`` (each one leg), ``"trunk"`` (hip joint
        centre -> shoulder joint centre, head and neck included) and ``"arms"``
        (both arms, shoulder -> grip).
    foot_geometry : FootGeometry
        Heel, ball, toe, ankle and foot COM in the foot's frame, m.
    knee_depth_m : float
        Horizontal distance from the knee joint centre to the front of the knee, m.
    lumbar_along_m : float
        L5/S1 point: distance from the hip joint centre along the trunk axis
        (toward the shoulder), m.
    lumbar_offset_m : float
        L5/S1 point: distance at right angles to the trunk axis, positive toward
        the front of the body, m (negative: L5/S1 lies behind the hip-shoulder line).
    above_lumbar_mass_kg : float
        Mass of the part of the trunk segment above L5/S1 (head and neck included,
        arms excluded), kg.
    above_lumbar_com_along_m, above_lumbar_com_offset_m : float
        Its centre of mass in the same trunk coordinates, m.

    Examples
    --------
    >>> bp = body_parameters(1.78, 80.0, "female", table="winter")
    >>> bp.segments["trunk"].mass_kg > bp.above_lumbar_mass_kg
    True
    """

    height_m: float
    mass_kg: float
    sex: str
    table: str
    citation: str
    segments: Mapping[str, SegmentParameters]
    foot_geometry: FootGeometry
    knee_depth_m: float
    lumbar_along_m: float
    lumbar_offset_m: float
    above_lumbar_mass_kg: float
    above_lumbar_com_along_m: float
    above_lumbar_com_offset_m: float


@dataclass(frozen=True)
class DefaultDetails:
    """Default trunk, knee and foot details for a body built from its own segments.

    Same meaning and units as the fields of :class:`BodyParameters` with the same
    names. Returned by :func:`default_trunk_details`.
    """

    knee_depth_m: float
    foot_geometry: FootGeometry
    lumbar_along_m: float
    lumbar_offset_m: float
    above_lumbar_mass_kg: float
    above_lumbar_com_along_m: float
    above_lumbar_com_offset_m: float


@dataclass(frozen=True)
class TableSegment:
    """One row of a published table, in the table's own convention (one side of the body).

    Attributes
    ----------
    name : str
        The row's name in this module (``"trunk3"``, ``"head2"``, ...).
    origin, other : str
        The table's end points; ``com`` is measured from ``origin``.
    length_per_height : float
        Segment length as a fraction of stature.
    mass : float
        Fraction of body mass, as printed (before any renormalisation).
    com : float
        Centre of mass as a fraction of the length from ``origin``.
    gyration : float
        Radius of gyration about the COM for sagittal-plane rotation (about the
        side-to-side axis), fraction of the length.
    """

    name: str
    origin: str
    other: str
    length_per_height: float
    mass: float
    com: float
    gyration: float

    def length_m(self, height_m: float) -> float:
        """Length in m for a body of stature ``height_m``."""
        return self.length_per_height * height_m


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def combine_along_axis(pieces, length_m: float) -> tuple[float, float, float]:
    """Combine rigid pieces lying on one axis into one segment.

    Parameters
    ----------
    pieces : iterable of (mass, com_along_m, radius_of_gyration_m)
        Each piece's mass (any unit), the position of its centre of mass along the
        axis measured from the combined segment's proximal end (m), and its own
        radius of gyration about its centre of mass (m).
    length_m : float
        Length of the combined segment, m.

    Returns
    -------
    mass, com, gyration : float
        Total mass (masses add), centre of mass as a fraction of ``length_m`` (the
        mass-weighted mean position) and radius of gyration about that centre of
        mass as a fraction of ``length_m`` (parallel-axis theorem).

    Examples
    --------
    >>> m, c, g = combine_along_axis([(1.0, 0.0, 0.0), (1.0, 1.0, 0.0)], 1.0)
    >>> m, c, g
    (2.0, 0.5, 0.5)
    """
    pieces = list(pieces)
    mass = sum(p[0] for p in pieces)
    com_along = sum(p[0] * p[1] for p in pieces) / mass
    inertia = sum(p[0] * (p[2] ** 2 + (p[1] - com_along) ** 2) for p in pieces)
    return mass, com_along / length_m, math.sqrt(inertia / mass) / length_m


_SEX_WORDS = {
    "male": "male", "m": "male", "man": "male", "men": "male",
    "female": "female", "f": "female", "woman": "female", "women": "female",
}


def normalize_sex(sex) -> str:
    """Return ``"male"`` or ``"female"`` for the words people use.

    Accepts ``"male"``/``"female"``, ``"m"``/``"f"``, ``"man"``/``"woman"`` in any
    case; anything else raises :class:`~biomech.errors.InputValueError`.

    Examples
    --------
    >>> normalize_sex("F"), normalize_sex(" Man ")
    ('female', 'male')
    >>> normalize_sex("x")
    Traceback (most recent call last):
    ...
    biomech.errors.InputValueError: sex='x' is not understood; expected 'male' or 'female' (also 'm'/'f', 'man'/'woman', any case).
    """
    if isinstance(sex, str) and sex.strip().lower() in _SEX_WORDS:
        return _SEX_WORDS[sex.strip().lower()]
    raise InputValueError(
        f"sex={sex!r} is not understood; expected 'male' or 'female' "
        "(also 'm'/'f', 'man'/'woman', any case)."
    )


def _check_value(value, name: str, unit: str, plausible: tuple[float, float] | None) -> float:
    """A positive finite plain number in SI, else a biomech error naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InputValueError(
            f"{name}={value!r} is not a plain number; a positive number in {unit} is "
            "expected (convert Quantities with biomech.units.to_si first)."
        )
    value = float(value)
    if not math.isfinite(value) or value <= 0.0:
        raise InputValueError(f"{name}={value!r} must be a positive finite number in {unit}.")
    if plausible is not None and not (plausible[0] <= value <= plausible[1]):
        raise RangeError(
            f"{name}={value!r} {unit} is outside the plausible range "
            f"{plausible[0]:g}-{plausible[1]:g} {unit} for a human body."
        )
    return value


def _linear_density_below(u: float, centroid: float) -> tuple[float, float]:
    """Share of a segment's mass below ``u`` and the centroid of that share.

    The segment (parametrised by u in [0, 1] from its lower end) is given a linear
    mass density whose centroid is ``centroid`` (the table's COM); returns the mass
    fraction in [0, u] and the position (in u) of its centre of mass.
    """
    k = 12.0 * (centroid - 0.5)  # density 1 + k (u - 1/2), mean 1, centroid 1/2 + k/12
    u = min(max(u, 0.0), 1.0)
    share = u + 0.5 * k * (u * u - u)
    moment = 0.5 * u * u + k * (u**3 / 3.0 - u * u / 4.0)
    return share, (moment / share if share > 0 else 0.0)


def _foot_geometry(foot_length_m: float, height_m: float, com_x_m: float) -> FootGeometry:
    ankle_y = ANKLE_HEIGHT_PER_STATURE * height_m
    return FootGeometry(
        heel_x=0.0,
        ball_x=BALL_X_PER_FOOT_LENGTH * foot_length_m,
        toe_x=foot_length_m,
        ankle_x=ANKLE_X_PER_FOOT_LENGTH * foot_length_m,
        ankle_y=ankle_y,
        foot_com_x=com_x_m,
        foot_com_y=FOOT_COM_Y_PER_ANKLE_HEIGHT * ankle_y,
    )


def _lumbar_point(height_m: float, sex: str) -> tuple[float, float]:
    """(along, offset) of L5/S1 from the hip joint centre, m (see the constants above)."""
    dx, dy = LUMBAR_FROM_HIP_PER_PELVIS_WIDTH[sex]
    width = PELVIS_WIDTH_PER_STATURE * height_m
    return dy * width, dx * width


# ---------------------------------------------------------------------------
# The tables
# ---------------------------------------------------------------------------


class DeLeva1996:
    """Zatsiorsky-Seluyanov segment parameters as adjusted by de Leva (1996).

    de Leva P. Adjustments to Zatsiorsky-Seluyanov's segment inertia parameters.
    J Biomech 1996;29(9):1223-1230, Table 4 (male and female columns). Reference
    subjects: men 1.741 m, 73.0 kg; women 1.735 m, 61.9 kg. Segment lengths are the
    table's mean lengths scaled by stature / reference stature.

    The numbers below were checked against two public transcriptions of Table 4
    (BMClab/BMC ``data/BSP_ZdeLeva.txt`` and the ``deleva.m`` lookup of
    gurchiek/nms-dyn); the lengths of the alternative rows (Trunk 2 and 3, Head 2,
    Shank KJC-AJC) were read in the latter only (and 440.3 mm for the male shank in
    a third script).

    Radius of gyration: Table 4 has "sagittal", "transverse" and "longitudinal"
    columns. We take the **transverse** column for rotation in the sagittal plane:
    in the anatomical naming used by Zatsiorsky the transverse axis is the
    side-to-side axis, and the numbers agree (for the trunk the transverse radius is
    the smaller one, as it must be about the side-to-side axis of a body wider than
    it is deep). The two columns differ little for the limbs.

    Examples
    --------
    >>> rows = DeLeva1996.segments("male")
    >>> rows["thigh"].mass, rows["thigh"].com, rows["thigh"].gyration
    (0.1416, 0.4095, 0.329)
    >>> round(rows["trunk3"].length_m(1.741), 4)
    0.5155
    """

    name = "de_leva"
    citation = (
        "de Leva P. Adjustments to Zatsiorsky-Seluyanov's segment inertia parameters. "
        "J Biomech 1996;29(9):1223-1230, Table 4."
    )
    reference_height_m = {"male": 1.741, "female": 1.735}
    reference_mass_kg = {"male": 73.0, "female": 61.9}

    # de Leva (1996) Table 4. Per row: origin, other end,
    #   length mm (F, M), mass % (F, M), CM % from origin (F, M),
    #   r_sagittal % (F, M), r_transverse % (F, M)   [r as % of length]
    TABLE_4 = {
        "head":         ("VERT", "MIDG", (200.2, 203.3), (6.68, 6.94), (58.94, 59.76), (33.0, 36.2), (35.9, 37.6)),
        "head2":        ("VERT", "CERV", (243.7, 242.9), (6.68, 6.94), (48.41, 50.02), (27.1, 30.3), (29.5, 31.5)),
        "trunk":        ("SUPR", "MIDH", (529.3, 531.9), (42.57, 43.46), (41.51, 44.86), (35.7, 37.2), (33.9, 34.7)),
        "trunk2":       ("CERV", "MIDH", (614.8, 603.3), (42.57, 43.46), (49.64, 51.38), (30.7, 32.8), (29.2, 30.6)),
        "trunk3":       ("MIDS", "MIDH", (497.9, 515.5), (42.57, 43.46), (37.82, 43.10), (37.9, 38.4), (36.1, 35.8)),
        "upper_trunk":  ("SUPR", "XYPH", (142.5, 170.7), (15.45, 15.96), (20.77, 29.99), (74.6, 71.6), (50.2, 45.4)),
        "middle_trunk": ("XYPH", "OMPH", (205.3, 215.5), (14.65, 16.33), (45.12, 45.02), (43.3, 48.2), (35.4, 38.3)),
        "lower_trunk":  ("OMPH", "MIDH", (181.5, 145.7), (12.47, 11.17), (49.20, 61.15), (43.3, 61.5), (40.2, 55.1)),
        "upper_arm":    ("SJC", "EJC", (275.1, 281.7), (2.55, 2.71), (57.54, 57.72), (27.8, 28.5), (26.0, 26.9)),
        "forearm":      ("EJC", "WJC", (264.3, 268.9), (1.38, 1.62), (45.59, 45.74), (26.1, 27.6), (25.7, 26.5)),
        "hand":         ("WJC", "MET3", (78.0, 86.2), (0.56, 0.61), (74.74, 79.00), (53.1, 62.8), (45.4, 51.3)),
        "thigh":        ("HJC", "KJC", (368.5, 422.2), (14.78, 14.16), (36.12, 40.95), (36.9, 32.9), (36.4, 32.9)),
        "shank":        ("KJC", "AJC", (438.6, 440.3), (4.81, 4.33), (43.52, 43.95), (26.7, 25.1), (26.3, 24.6)),
        "foot":         ("HEEL", "TTIP", (228.3, 258.1), (1.29, 1.37), (40.14, 44.15), (29.9, 25.7), (27.9, 24.5)),
    }

    @classmethod
    def segments(cls, sex: str) -> dict[str, TableSegment]:
        """The table's rows for ``sex`` in the table's own convention.

        ``gyration`` is the transverse column (see the class docstring).
        """
        sex = normalize_sex(sex)
        i = 0 if sex == "female" else 1
        h_ref = cls.reference_height_m[sex]
        rows = {}
        for name, (origin, other, length, mass, com, _r_sag, r_trans) in cls.TABLE_4.items():
            rows[name] = TableSegment(
                name=name, origin=origin, other=other,
                length_per_height=length[i] / 1000.0 / h_ref,
                mass=round(mass[i] / 100.0, 8), com=round(com[i] / 100.0, 8),
                gyration=round(r_trans[i] / 100.0, 8),
            )
        return rows

    @classmethod
    def mass_sum(cls, sex: str) -> float:
        """Sum of the printed mass fractions over the whole body (head, trunk, 2 arms, 2 legs).

        Examples
        --------
        >>> round(DeLeva1996.mass_sum("male"), 6), round(DeLeva1996.mass_sum("female"), 6)
        (1.0, 0.9999)
        """
        r = cls.segments(sex)
        return (r["head"].mass + r["trunk"].mass
                + 2 * (r["upper_arm"].mass + r["forearm"].mass + r["hand"].mass)
                + 2 * (r["thigh"].mass + r["shank"].mass + r["foot"].mass))

    @classmethod
    def body_parameters(cls, height_m: float, mass_kg: float, sex: str) -> BodyParameters:
        """Model segments from this table (use :func:`body_parameters`, which validates)."""
        sex = normalize_sex(sex)
        r = cls.segments(sex)
        H = height_m
        scale = mass_kg / cls.mass_sum(sex)  # renormalise the printed fractions to sum to 1
        L = {k: v.length_m(H) for k, v in r.items()}

        # Legs: thigh HJC->KJC, shank KJC->AJC, foot HEEL->TTIP: already proximal->distal.
        segs = {}
        for name in ("thigh", "shank", "foot"):
            segs[name] = SegmentParameters(L[name], r[name].mass * scale, r[name].com, r[name].gyration)

        # Trunk: de Leva's "Trunk 3" (MIDS->MIDH, COM from MIDS) plus "Head 2" (VERT->CERV,
        # head and neck, COM from VERT), on one axis from the hip (MIDH). The cervicale
        # (CERV) lies "Trunk 2" (CERV->MIDH) above the hip, so the head's COM is at
        # L_trunk2 + (1 - com_head2) L_head2 from the hip.
        t3, h2 = r["trunk3"], r["head2"]
        L_t = L["trunk3"]
        trunk_mass, trunk_com, trunk_gyr = combine_along_axis(
            [
                (t3.mass * scale, (1.0 - t3.com) * L_t, t3.gyration * L_t),
                (h2.mass * scale, L["trunk2"] + (1.0 - h2.com) * L["head2"], h2.gyration * L["head2"]),
            ],
            L_t,
        )
        segs["trunk"] = SegmentParameters(L_t, trunk_mass, trunk_com, trunk_gyr)

        # Arms: upper arm + forearm + hand, both sides, straight; grip at the hand's COM.
        ua, fa, hd = r["upper_arm"], r["forearm"], r["hand"]
        L_arm = L["upper_arm"] + L["forearm"] + hd.com * L["hand"]
        arm_mass, arm_com, arm_gyr = combine_along_axis(
            [
                (2 * ua.mass * scale, ua.com * L["upper_arm"], ua.gyration * L["upper_arm"]),
                (2 * fa.mass * scale, L["upper_arm"] + fa.com * L["forearm"], fa.gyration * L["forearm"]),
                (2 * hd.mass * scale, L_arm, hd.gyration * L["hand"]),
            ],
            L_arm,
        )
        segs["arms"] = SegmentParameters(L_arm, arm_mass, arm_com, arm_gyr)

        foot = _foot_geometry(L["foot"], H, r["foot"].com * L["foot"])

        # Lumbar point and the mass above it. The part of the trunk below L5/S1 is taken
        # from de Leva's lower trunk (OMPH->MIDH), given a linear mass density that
        # reproduces its COM (ASSUMPTION); it lies on the trunk axis, as all COMs here do.
        along, offset = _lumbar_point(H, sex)
        lt = r["lower_trunk"]
        share, u_com = _linear_density_below(along / L["lower_trunk"], 1.0 - lt.com)
        below_mass = lt.mass * scale * share
        below_com = u_com * L["lower_trunk"]
        above_mass = trunk_mass - below_mass
        above_com = (trunk_mass * trunk_com * L_t - below_mass * below_com) / above_mass

        return BodyParameters(
            height_m=H, mass_kg=mass_kg, sex=sex, table=cls.name, citation=cls.citation,
            segments=MappingProxyType({k: segs[k] for k in SEGMENT_NAMES}),
            foot_geometry=foot,
            knee_depth_m=KNEE_DEPTH_PER_STATURE * H,
            lumbar_along_m=along, lumbar_offset_m=offset,
            above_lumbar_mass_kg=above_mass,
            above_lumbar_com_along_m=above_com,
            above_lumbar_com_offset_m=0.0,  # all table COMs lie on the trunk axis
        )


class Winter2009:
    """Dempster's segment parameters as tabulated by Winter (2009); same for both sexes.

    Winter DA. Biomechanics and Motor Control of Human Movement, 4th ed. Wiley,
    2009: Table 4.1 (after Dempster 1955: mass fractions, COM and radii of gyration)
    and Fig. 4.1 (segment lengths as fractions of stature, after Drillis & Contini
    1966). Dempster's cadavers were men; Winter gives one set of numbers for
    everybody, so ``sex`` does not change the result.

    Numbers checked against BMClab/BMC ``data/BSP_DempsterWinter.txt`` (Table 4.1);
    the Fig. 4.1 proportions were read in two public code transcriptions only.
    Radii of gyration are Winter's "about the centre of mass" column (Dempster's
    radii are for the side-to-side axis).

    Examples
    --------
    >>> rows = Winter2009.segments("female")
    >>> rows["trunk_head_neck"].mass, rows["trunk_head_neck"].com, rows["trunk_head_neck"].gyration
    (0.578, 0.66, 0.503)
    >>> round(rows["trunk_head_neck"].length_m(1.0), 3)
    0.288
    """

    name = "winter"
    citation = (
        "Winter DA. Biomechanics and Motor Control of Human Movement, 4th ed. Wiley, 2009, "
        "Table 4.1 (after Dempster 1955) and Fig. 4.1 (segment lengths after Drillis & Contini 1966)."
    )

    # Fig. 4.1 heights and lengths as fractions of stature H (Drillis & Contini 1966).
    HIP_HEIGHT = 0.530       # greater trochanter
    SHOULDER_HEIGHT = 0.818  # glenohumeral joint
    FOOT_LENGTH = 0.152

    # Table 4.1: origin (proximal), other, length / H, mass fraction, COM from
    # proximal, radius of gyration about COM (fraction of length).
    TABLE_4_1 = {
        "thigh":           ("greater trochanter", "femoral condyles", 0.245, 0.100, 0.433, 0.323),
        "shank":           ("femoral condyles", "medial malleolus", 0.246, 0.0465, 0.433, 0.302),
        # Dempster's foot runs lateral malleolus -> head of metatarsal II (COM at its middle);
        # its length here is that distance in the foot geometry of this module.
        "foot":            ("lateral malleolus", "head metatarsal II", float("nan"), 0.0145, 0.50, 0.475),
        "trunk_head_neck": ("greater trochanter", "glenohumeral joint", 0.818 - 0.530, 0.578, 0.66, 0.503),
        "upper_arm":       ("glenohumeral axis", "elbow axis", 0.186, 0.028, 0.436, 0.322),
        "forearm":         ("elbow axis", "ulnar styloid", 0.146, 0.016, 0.430, 0.303),
        "hand":            ("wrist axis", "knuckle II middle finger", 0.108, 0.006, 0.506, 0.297),
        # Trunk parts (no lengths in Fig. 4.1): used to split the trunk at the lumbar point.
        "head_neck":       ("C7-T1", "ear canal", float("nan"), 0.081, float("nan"), 0.495),
        "thorax":          ("C7-T1", "T12-L1", float("nan"), 0.216, 0.82, float("nan")),
        "abdomen":         ("T12-L1", "L4-L5", float("nan"), 0.139, 0.44, float("nan")),
        "pelvis":          ("L4-L5", "greater trochanter", float("nan"), 0.142, 0.105, float("nan")),
    }

    @classmethod
    def segments(cls, sex: str = "male") -> dict[str, TableSegment]:
        """The table's rows (the same for both sexes; ``sex`` is only validated)."""
        normalize_sex(sex)
        return {
            name: TableSegment(name, o, e, length, mass, com, gyr)
            for name, (o, e, length, mass, com, gyr) in cls.TABLE_4_1.items()
        }

    @classmethod
    def mass_sum(cls, sex: str = "male") -> float:
        """Sum of the mass fractions over the whole body.

        Examples
        --------
        >>> round(Winter2009.mass_sum(), 6)
        1.0
        """
        r = cls.segments(sex)
        return (r["trunk_head_neck"].mass
                + 2 * (r["upper_arm"].mass + r["forearm"].mass + r["hand"].mass)
                + 2 * (r["thigh"].mass + r["shank"].mass + r["foot"].mass))

    @classmethod
    def body_parameters(cls, height_m: float, mass_kg: float, sex: str) -> BodyParameters:
        """Model segments from this table (use :func:`body_parameters`, which validates)."""
        sex = normalize_sex(sex)
        r = cls.segments(sex)
        H = height_m
        scale = mass_kg / cls.mass_sum(sex)
        segs = {}
        for name in ("thigh", "shank"):
            segs[name] = SegmentParameters(r[name].length_m(H), r[name].mass * scale, r[name].com, r[name].gyration)

        # Foot: heel -> toe as the model segment; Dempster's COM at the midpoint of the
        # ankle (lateral malleolus) and the ball (head of metatarsal II, at sole level).
        foot_length = cls.FOOT_LENGTH * H
        ankle_x = ANKLE_X_PER_FOOT_LENGTH * foot_length
        ankle_y = ANKLE_HEIGHT_PER_STATURE * H
        ball_x = BALL_X_PER_FOOT_LENGTH * foot_length
        dempster_foot = math.hypot(ball_x - ankle_x, ankle_y)
        com_x = 0.5 * (ankle_x + ball_x)
        foot = _foot_geometry(foot_length, H, com_x)
        segs["foot"] = SegmentParameters(
            foot_length, r["foot"].mass * scale, com_x / foot_length,
            r["foot"].gyration * dempster_foot / foot_length,
        )

        # Trunk: Winter's "trunk head neck" row is already greater trochanter (hip) ->
        # glenohumeral joint (shoulder), COM from the hip.
        thn = r["trunk_head_neck"]
        L_t = thn.length_m(H)
        segs["trunk"] = SegmentParameters(L_t, thn.mass * scale, thn.com, thn.gyration)

        # Arms: upper arm + forearm + hand, both sides, straight; grip at the hand's COM.
        ua, fa, hd = r["upper_arm"], r["forearm"], r["hand"]
        L_ua, L_fa, L_h = ua.length_m(H), fa.length_m(H), hd.length_m(H)
        L_arm = L_ua + L_fa + hd.com * L_h
        arm_mass, arm_com, arm_gyr = combine_along_axis(
            [
                (2 * ua.mass * scale, ua.com * L_ua, ua.gyration * L_ua),
                (2 * fa.mass * scale, L_ua + fa.com * L_fa, fa.gyration * L_fa),
                (2 * hd.mass * scale, L_arm, hd.gyration * L_h),
            ],
            L_arm,
        )
        segs["arms"] = SegmentParameters(L_arm, arm_mass, arm_com, arm_gyr)

        # Lumbar point: same regression as for de Leva. Below it: Dempster's pelvis
        # (L4-L5 -> greater trochanter, COM 0.105 of its length from L4-L5). ASSUMPTION:
        # Dempster's cut at L4-L5 is taken at the model's L5/S1 point (one level apart).
        along, offset = _lumbar_point(H, sex)
        pelvis = r["pelvis"]
        below_mass = pelvis.mass * scale
        below_com = (1.0 - pelvis.com) * along
        trunk = segs["trunk"]
        above_mass = trunk.mass_kg - below_mass
        above_com = (trunk.mass_kg * trunk.com_m - below_mass * below_com) / above_mass

        return BodyParameters(
            height_m=H, mass_kg=mass_kg, sex=sex, table=cls.name, citation=cls.citation,
            segments=MappingProxyType({k: segs[k] for k in SEGMENT_NAMES}),
            foot_geometry=foot,
            knee_depth_m=KNEE_DEPTH_PER_STATURE * H,
            lumbar_along_m=along, lumbar_offset_m=offset,
            above_lumbar_mass_kg=above_mass,
            above_lumbar_com_along_m=above_com,
            above_lumbar_com_offset_m=0.0,
        )


#: Table names users may pass, and the classes they select.
TABLES = MappingProxyType({"de_leva": DeLeva1996, "winter": Winter2009, "dempster": Winter2009})


def get_table(table):
    """The table class for a name in :data:`TABLES` (any case) or a table class itself.

    Examples
    --------
    >>> get_table("De_Leva").__name__
    'DeLeva1996'
    >>> get_table("zatsiorsky")
    Traceback (most recent call last):
    ...
    biomech.errors.InputValueError: table='zatsiorsky' is not a known segment table; expected one of 'de_leva', 'winter', 'dempster'.
    """
    if isinstance(table, type) and table in set(TABLES.values()):
        return table
    key = table.strip().lower().replace("-", "_").replace(" ", "_") if isinstance(table, str) else None
    if key in TABLES:
        return TABLES[key]
    raise InputValueError(
        f"table={table!r} is not a known segment table; expected one of "
        + ", ".join(repr(k) for k in TABLES) + "."
    )


def body_parameters(height_m: float, mass_kg: float, sex: str, table="de_leva") -> BodyParameters:
    """Segment parameters of a body of the given stature, mass and sex.

    Parameters
    ----------
    height_m : float
        Stature in metres (plain number; plausible range 0.5-2.6 m).
    mass_kg : float
        Body mass in kilograms (plain number; plausible range 20-300 kg).
    sex : str
        ``"male"`` or ``"female"`` (also ``"m"``/``"f"``, ``"man"``/``"woman"``, any case).
    table : str or table class, optional
        ``"de_leva"`` (default, :class:`DeLeva1996`), ``"winter"`` or ``"dempster"``
        (both :class:`Winter2009`).

    Returns
    -------
    BodyParameters
        Segments in the model's conventions (SI). Mass fractions are renormalised to
        sum to exactly 1 over 2 x (foot + shank + thigh) + trunk + arms.

    Raises
    ------
    InputValueError
        Unknown ``sex`` or ``table``; a height or mass that is not a positive finite number.
    RangeError
        A height or mass outside the plausible range.

    Examples
    --------
    >>> bp = body_parameters(1.741, 73.0, "male")
    >>> seg = bp.segments["shank"]
    >>> round(seg.length_m, 4), round(seg.mass_kg, 3), seg.com, seg.gyration
    (0.4403, 3.161, 0.4395, 0.246)
    >>> round(bp.lumbar_along_m, 3), round(bp.lumbar_offset_m, 3)
    (0.082, -0.058)
    >>> body_parameters(178, 80, "male")
    Traceback (most recent call last):
    ...
    biomech.errors.RangeError: height_m=178.0 m is outside the plausible range 0.5-2.6 m for a human body.
    """
    cls = get_table(table)
    sex = normalize_sex(sex)
    height_m = _check_value(height_m, "height_m", "m", HEIGHT_RANGE_M)
    mass_kg = _check_value(mass_kg, "mass_kg", "kg", MASS_RANGE_KG)
    return cls.body_parameters(height_m, mass_kg, sex)


def default_trunk_details(
    trunk_length_m: float,
    trunk_mass_kg: float,
    shank_length_m: float,
    *,
    trunk_com: float | None = None,
    foot_length_m: float | None = None,
    sex: str = "male",
    table="de_leva",
) -> DefaultDetails:
    """Lumbar point, mass above it, knee depth and foot geometry for user-given segments.

    For a body built from its own segments (no stature): the table's proportions
    for ``sex`` are applied to the given segments. The lumbar point scales with the
    trunk length; the mass below the lumbar point is the table's fraction of the
    trunk mass, at the table's fractional position, so that the above-lumbar centre
    of mass agrees with the given trunk centre of mass; the knee depth and the
    foot's heights scale with the shank length; the foot's x positions scale with
    ``foot_length_m`` if given, else with the shank length.

    Parameters
    ----------
    trunk_length_m, trunk_mass_kg : float
        The trunk segment (hip joint centre -> shoulder), m and kg.
    shank_length_m : float
        Shank length (knee -> ankle), m.
    trunk_com : float, optional
        Trunk COM as a fraction of its length from the hip; default the table's.
    foot_length_m : float, optional
        Heel -> toe length, m.
    sex, table : str
        As for :func:`body_parameters`.

    Returns
    -------
    DefaultDetails

    Examples
    --------
    >>> d = default_trunk_details(0.50, 40.0, 0.42)
    >>> round(d.lumbar_along_m, 3), round(d.above_lumbar_mass_kg, 1), round(d.knee_depth_m, 3)
    (0.08, 33.5, 0.05)
    """
    cls = get_table(table)
    sex = normalize_sex(sex)
    trunk_length_m = _check_value(trunk_length_m, "trunk_length_m", "m", None)
    trunk_mass_kg = _check_value(trunk_mass_kg, "trunk_mass_kg", "kg", None)
    shank_length_m = _check_value(shank_length_m, "shank_length_m", "m", None)
    if foot_length_m is not None:
        foot_length_m = _check_value(foot_length_m, "foot_length_m", "m", None)
    ref_h = getattr(cls, "reference_height_m", {}).get(sex, 1.75)
    ref = cls.body_parameters(ref_h, 70.0, sex)
    rt, rs, rf = ref.segments["trunk"], ref.segments["shank"], ref.segments["foot"]
    if trunk_com is None:
        trunk_com = rt.com
    elif isinstance(trunk_com, bool) or not isinstance(trunk_com, numbers.Real) or not 0.0 <= trunk_com <= 1.0:
        raise RangeError(f"trunk_com={trunk_com!r} must be a fraction between 0 and 1.")

    k_trunk = trunk_length_m / rt.length_m
    below_frac = 1.0 - ref.above_lumbar_mass_kg / rt.mass_kg
    ref_below_mass = rt.mass_kg - ref.above_lumbar_mass_kg
    ref_below_com = (rt.mass_kg * rt.com_m - ref.above_lumbar_mass_kg * ref.above_lumbar_com_along_m) / ref_below_mass
    below_mass = below_frac * trunk_mass_kg
    below_com = ref_below_com * k_trunk
    above_mass = trunk_mass_kg - below_mass
    above_com = (trunk_mass_kg * trunk_com * trunk_length_m - below_mass * below_com) / above_mass

    k_shank = shank_length_m / rs.length_m
    k_foot = foot_length_m / rf.length_m if foot_length_m is not None else k_shank
    return DefaultDetails(
        knee_depth_m=ref.knee_depth_m * k_shank,
        foot_geometry=ref.foot_geometry.scaled(k_foot, k_shank),
        lumbar_along_m=ref.lumbar_along_m * k_trunk,
        lumbar_offset_m=ref.lumbar_offset_m * k_trunk,
        above_lumbar_mass_kg=above_mass,
        above_lumbar_com_along_m=above_com,
        above_lumbar_com_offset_m=0.0,
    )
