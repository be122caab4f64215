"""The body: rigid segments of the sagittal-plane model, described once and never changed.

A :class:`Body` holds, per leg, a foot, a shank and a thigh; above the hips a trunk
(hip joint centre to shoulder joint centre, head and neck included) and the arms
(both arms as one straight segment, shoulder to grip). It also holds the foot's
landmarks, the knee's depth and the lumbar (L5/S1) point. Every value is stored in
SI floats; the public attributes return pint Quantities.

Bodies are frozen values (Pinocchio's habit: a model described once, computed data
kept apart). ``with_segment`` returns a new body.

Examples
--------
>>> import biomech as bm
>>> body = bm.Body.from_anthropometrics(height="178 cm", mass="80 kg", sex="male")
>>> round(body.mass.to("kg").magnitude, 6)
80.0
>>> long_femur = body.with_segment("thigh", length="48 cm")
>>> long_femur.thigh.length
<Quantity(0.48, 'meter')>
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import InputValueError, RangeError
from ..units import as_fraction, quantity, to_si

__all__ = ["Segment", "FootGeometry", "LumbarGeometry", "Body", "SEGMENT_NAMES"]

from ..constants import SEGMENT_NAMES  # noqa: E402  (one home: constants.py)


@dataclass(frozen=True, init=False)
class Segment:
    """One rigid segment: length, mass, centre of mass and radius of gyration.

    Parameters
    ----------
    length : Quantity or str
        Joint centre to joint centre (for the foot: heel to toe tip), a length.
    mass : Quantity or str
        Mass of the segment (for the arms, both arms together).
    com : float
        Centre of mass as a fraction of the length from the proximal end (the knee
        for the shank, the hip for the thigh and trunk, the shoulder for the arms,
        the heel for the foot), 0 to 1.
    gyration : float
        Radius of gyration about the centre of mass, for rotation in the sagittal
        plane, as a fraction of the length (0 to 1). Only motions need it.

    Examples
    --------
    >>> seg = Segment(length="45 cm", mass="8 kg", com=0.43, gyration=0.32)
    >>> seg.mass
    <Quantity(8.0, 'kilogram')>
    >>> round(seg.inertia_si, 6)  # about the centre of mass, kg*m^2
    0.165888
    """

    length_m: float
    mass_kg: float
    com: float
    gyration: float

    def __init__(self, length: Any, mass: Any, com: Any, gyration: Any = 0.0):
        length_m = to_si(length, "m", "length", positive=True)
        mass_kg = to_si(mass, "kg", "mass", positive=True)
        if np.ndim(length_m) or np.ndim(mass_kg) or np.ndim(com) or np.ndim(gyration):
            raise InputValueError("Segment length, mass, com and gyration must be single values, not arrays "
                                  "(build one Segment per body).")
        object.__setattr__(self, "length_m", float(length_m))
        object.__setattr__(self, "mass_kg", float(mass_kg))
        object.__setattr__(self, "com", float(as_fraction(com, "com")))
        object.__setattr__(self, "gyration", float(as_fraction(gyration, "gyration")))

    @classmethod
    def from_si(cls, length_m: float, mass_kg: float, com: float, gyration: float = 0.0) -> "Segment":
        """Build from plain SI floats (metres, kilograms), still checked."""
        return cls(quantity(length_m, "m"), quantity(mass_kg, "kg"), com, gyration)

    @property
    def length(self):
        """Length, m."""
        return quantity(self.length_m, "m")

    @property
    def mass(self):
        """Mass, kg."""
        return quantity(self.mass_kg, "kg")

    @property
    def inertia_si(self) -> float:
        """Moment of inertia about the centre of mass, kg*m^2 (sagittal plane)."""
        return self.mass_kg * (self.gyration * self.length_m) ** 2

    @property
    def inertia(self):
        """Moment of inertia about the centre of mass, as a Quantity in kg*m^2."""
        return quantity(self.inertia_si, "kg*m**2")


@dataclass(frozen=True)
class FootGeometry:
    """Landmarks of one foot in its own frame, flat on the ground, in metres.

    Origin at the heel's contact point, x forward along the sole, y up. The ball is
    the metatarsal heads; the toe is the tip of the longest toe.
    """

    ball_x: float
    toe_x: float
    ankle_x: float
    ankle_y: float

    def __post_init__(self):
        vals = dict(ball_x=self.ball_x, toe_x=self.toe_x, ankle_x=self.ankle_x, ankle_y=self.ankle_y)
        for k, v in vals.items():
            if not np.isfinite(v):
                raise InputValueError(f"foot geometry {k}={v!r} must be finite.")
        if not 0 < self.ball_x < self.toe_x:
            raise RangeError(f"foot geometry: ball_x={self.ball_x:g} m must lie between the heel (0) and the toe "
                             f"tip (toe_x={self.toe_x:g} m).")
        if not 0 <= self.ankle_x < self.toe_x or self.ankle_y <= 0:
            raise RangeError(f"foot geometry: the ankle ({self.ankle_x:g}, {self.ankle_y:g}) m must lie above the "
                             f"sole, between the heel and the toe tip.")

    @property
    def midfoot_x(self) -> float:
        """Midpoint of heel and toe tip along the sole, m (the default squat target)."""
        return 0.5 * self.toe_x


@dataclass(frozen=True)
class LumbarGeometry:
    """Where the lumbar (L5/S1) point sits on the trunk and what lies above it.

    Distances are in the trunk's own coordinates: ``along`` from the hip joint centre
    toward the shoulder, ``offset`` at right angles, positive toward the front.
    The arms are not included in ``above_mass_kg`` (they are their own segment).
    """

    along_m: float
    offset_m: float
    above_mass_kg: float
    above_com_along_m: float
    above_com_offset_m: float


def _foot(fg) -> FootGeometry:
    return FootGeometry(ball_x=fg.ball_x, toe_x=fg.toe_x, ankle_x=fg.ankle_x, ankle_y=fg.ankle_y)


@dataclass(frozen=True)
class Body:
    """A sagittal-plane body: segments (SI inside) and landmarks. Frozen.

    Build one with :meth:`from_anthropometrics` (published tables) or
    :meth:`from_segments` (your own measurements). ``foot``, ``shank`` and ``thigh``
    are one leg's segments; ``trunk`` includes head and neck; ``arms`` are both arms
    (``None`` for a body without arms). A body without a foot segment has a massless
    foot with default landmarks.
    """

    shank: Segment
    thigh: Segment
    trunk: Segment
    arms: Segment | None
    foot: Segment | None
    foot_geometry: FootGeometry
    lumbar: LumbarGeometry
    knee_depth_m: float
    height_m: float | None = None
    sex: str | None = None
    table: str | None = None

    # ------------------------------------------------------------------ builders
    @classmethod
    def from_anthropometrics(cls, height: Any, mass: Any, sex: str = "male", table: str = "de_leva") -> "Body":
        """A body scaled from a published segment table.

        Parameters
        ----------
        height : Quantity or str
            Standing height ("178 cm", "5 ft 10 in", 5'10").
        mass : Quantity or str
            Body mass ("80 kg", "176 lb").
        sex : {"male", "female"}
            Selects the table's column (de Leva 1996 gives both; Winter 2009 one).
        table : {"de_leva", "winter", "dempster"}
            ``"de_leva"``: de Leva (1996, J Biomech 29:1223, Table 4), the default;
            ``"winter"`` (alias ``"dempster"``): Winter (2009), Table 4.1, Dempster-based.

        Returns
        -------
        Body

        Examples
        --------
        >>> b = Body.from_anthropometrics("5 ft 10 in", "176 lb", sex="female", table="winter")
        >>> b.table
        'winter'
        """
        from . import anthropometry

        height_m = to_si(height, "m", "height", positive=True)
        mass_kg = to_si(mass, "kg", "mass", positive=True)
        if np.ndim(height_m) or np.ndim(mass_kg):
            raise InputValueError("height and mass must be single values; build one Body per person.")
        p = anthropometry.body_parameters(height_m, mass_kg, sex, table)
        segs = {name: Segment.from_si(s.length_m, s.mass_kg, s.com, s.gyration) for name, s in p.segments.items()}
        return cls(
            shank=segs["shank"], thigh=segs["thigh"], trunk=segs["trunk"], arms=segs["arms"], foot=segs["foot"],
            foot_geometry=_foot(p.foot_geometry),
            lumbar=LumbarGeometry(along_m=p.lumbar_along_m, offset_m=p.lumbar_offset_m,
                                  above_mass_kg=p.above_lumbar_mass_kg,
                                  above_com_along_m=p.above_lumbar_com_along_m,
                                  above_com_offset_m=p.above_lumbar_com_offset_m),
            knee_depth_m=p.knee_depth_m, height_m=height_m, sex=p.sex, table=p.table,
        )

    @classmethod
    def from_segments(cls, shank: Segment, thigh: Segment, trunk: Segment, arms: Segment | None = None,
                      foot: Segment | None = None, *, knee_depth: Any = None, lumbar: LumbarGeometry | None = None,
                      foot_geometry: FootGeometry | None = None) -> "Body":
        """A body from your own segments (lab measurements, or to match another model).

        Landmarks not given (foot geometry, knee depth, lumbar point) are set from the
        same proportions the tables use (``docs/model.md``), scaled to the segments.

        Examples
        --------
        >>> s = Segment("0.40 m", "4 kg", 0.40)
        >>> t = Segment("0.40 m", "10 kg", 0.40)
        >>> k = Segment("0.50 m", "50 kg", 0.50)
        >>> Body.from_segments(shank=s, thigh=t, trunk=k).mass
        <Quantity(78.0, 'kilogram')>
        """
        from . import anthropometry

        for name, seg, required in (("shank", shank, True), ("thigh", thigh, True), ("trunk", trunk, True),
                                    ("arms", arms, False), ("foot", foot, False)):
            if seg is None and not required:
                continue
            if not isinstance(seg, Segment):
                raise InputValueError(f"{name}={seg!r} must be a biomech.Segment"
                                      + ("" if required else " or None") + ".")
        if foot_geometry is not None and not isinstance(foot_geometry, FootGeometry):
            raise InputValueError(f"foot_geometry={foot_geometry!r} must be a biomech.FootGeometry or None.")
        if lumbar is not None and not isinstance(lumbar, LumbarGeometry):
            raise InputValueError(f"lumbar={lumbar!r} must be a biomech.LumbarGeometry or None.")
        d = anthropometry.default_trunk_details(trunk.length_m, trunk.mass_kg, shank.length_m, trunk_com=trunk.com,
                                                foot_length_m=foot.length_m if foot is not None else None)
        if foot_geometry is None:
            foot_geometry = _foot(d.foot_geometry)
        if knee_depth is None:
            knee_depth_m = d.knee_depth_m
        else:
            knee_depth_m = to_si(knee_depth, "m", "knee_depth", nonnegative=True)
            if np.ndim(knee_depth_m):
                raise InputValueError(f"knee_depth must be a single length; got an array of shape "
                                      f"{np.shape(knee_depth_m)}.")
        if lumbar is None:
            lumbar = LumbarGeometry(d.lumbar_along_m, d.lumbar_offset_m, d.above_lumbar_mass_kg,
                                    d.above_lumbar_com_along_m, d.above_lumbar_com_offset_m)
        return cls(shank=shank, thigh=thigh, trunk=trunk, arms=arms, foot=foot, foot_geometry=foot_geometry,
                   lumbar=lumbar, knee_depth_m=knee_depth_m)

    def with_segment(self, name: str, segment: Segment | None = None, *, length: Any = None, mass: Any = None,
                     com: Any = None, gyration: Any = None) -> "Body":
        """A copy with one segment replaced or changed (any subset of its parameters).

        Changing the trunk's length or mass rescales the lumbar landmarks with it;
        changing the foot's length rescales the foot landmarks.

        Examples
        --------
        >>> b = Body.from_anthropometrics("178 cm", "80 kg")
        >>> b.with_segment("thigh", length="48 cm", com=0.42).thigh.com
        0.42
        """
        if not isinstance(name, str) or name not in SEGMENT_NAMES:
            raise InputValueError(f"name={name!r} is not a segment; expected one of {', '.join(SEGMENT_NAMES)}.")
        old = getattr(self, name)
        if segment is not None:
            if not isinstance(segment, Segment):
                raise InputValueError(f"segment={segment!r} must be a biomech.Segment.")
            new = segment
        else:
            if old is None and (length is None or mass is None or com is None):
                raise InputValueError(f"the body has no {name} segment; give length, mass and com to add one.")
            new = Segment(
                length if length is not None else old.length,
                mass if mass is not None else old.mass,
                com if com is not None else old.com,
                gyration if gyration is not None else (old.gyration if old is not None else 0.0),
            )
        changes: dict[str, Any] = {name: new}
        if name == "trunk":
            ls = new.length_m / self.trunk.length_m
            ms = new.mass_kg / self.trunk.mass_kg
            lum = self.lumbar
            changes["lumbar"] = LumbarGeometry(lum.along_m * ls, lum.offset_m * ls, lum.above_mass_kg * ms,
                                               lum.above_com_along_m * ls, lum.above_com_offset_m * ls)
        if name == "foot" and old is not None:
            s = new.length_m / old.length_m
            fg = self.foot_geometry
            changes["foot_geometry"] = FootGeometry(fg.ball_x * s, fg.toe_x * s, fg.ankle_x * s, fg.ankle_y * s)
        return dataclasses.replace(self, **changes)

    # ------------------------------------------------------------------ derived
    @property
    def mass_kg(self) -> float:
        """Whole-body mass, kg (two legs, trunk, arms)."""
        legs = self.shank.mass_kg + self.thigh.mass_kg + (self.foot.mass_kg if self.foot else 0.0)
        return 2.0 * legs + self.trunk.mass_kg + (self.arms.mass_kg if self.arms else 0.0)

    @property
    def mass(self):
        """Whole-body mass as a Quantity."""
        return quantity(self.mass_kg, "kg")

    @property
    def height(self):
        """Standing height the body was scaled to (None for a body from segments)."""
        return None if self.height_m is None else quantity(self.height_m, "m")

    @property
    def knee_depth(self):
        """Knee joint centre to the front of the knee, horizontal, m."""
        return quantity(self.knee_depth_m, "m")

    def segments(self) -> dict[str, Segment]:
        """The segments present, by name."""
        return {n: getattr(self, n) for n in SEGMENT_NAMES if getattr(self, n) is not None}

    def describe(self) -> str:
        """A small table of the segments, for people."""
        rows = [f"{'segment':<7} {'length m':>9} {'mass kg':>8} {'com':>6} {'gyration':>9}"]
        for n, s in self.segments().items():
            rows.append(f"{n:<7} {s.length_m:9.4f} {s.mass_kg:8.3f} {s.com:6.3f} {s.gyration:9.3f}")
        rows.append(f"whole body mass {self.mass_kg:.2f} kg (two legs)")
        return "\n".join(rows)
