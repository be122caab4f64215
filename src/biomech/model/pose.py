"""Poses: segment angles of the sagittal-plane model, and the joint angles they imply.

Segment angles (degrees for people, radians inside), all zero standing tall and all
positive in the bottom of a squat (``docs/conventions.md``):

- ``foot``: heel raised above the ball of the foot (0 = flat);
- ``shank``: forward tilt of the shin from vertical (knee ahead of ankle positive);
- ``thigh``: tilt of the thigh from vertical, hip behind knee positive (90 = parallel);
- ``trunk``: forward tilt of the hip-to-shoulder line from vertical (shoulder ahead of hip
  positive);
- ``pelvis``: forward (anterior) tilt of the pelvis, the part of the trunk from the hip joint
  centre to L5/S1, from its angle in upright standing;
- ``lumbar``: lumbar flexion, the upper body's angle (L5/S1 to shoulder: trunk above L5/S1,
  head, the arms' attachment) minus the pelvis angle; flexion positive;
- ``arms``: forward tilt of the arms from vertical (0 = hanging straight down).

Joint angles follow: ankle dorsiflexion = shank - foot; knee flexion = shank + thigh;
hip flexion = thigh + pelvis; lumbar flexion = upper body - pelvis. Every angle may be an
array; arrays broadcast.

The split of the trunk: give ``trunk`` alone and the trunk is rigid (pelvis = upper body =
trunk, lumbar flexion 0: every number as with one trunk segment). Give ``pelvis`` and
``lumbar`` for a pelvis and upper body with their own angles (``trunk`` then reports the
hip-to-shoulder line), or ``trunk`` and ``lumbar`` to keep the hip-to-shoulder line at
``trunk`` and solve the pelvis (closed form, :func:`trunk_line_offset`). The conversion
between the line and the two parts uses where L5/S1 sits on the trunk: the ``body=`` given,
or the reference body's (de Leva 1996 male proportions; other bodies differ by a fraction of
a degree, see docs/conventions.md).

Examples
--------
>>> from biomech import Pose, Q_
>>> p = Pose(shank="30 deg", thigh="90 deg", trunk="45 deg")
>>> p.knee
<Quantity(120.0, 'degree')>
>>> Pose.from_joint_angles(ankle="30 deg", knee="120 deg", hip="135 deg").trunk
<Quantity(45.0, 'degree')>
>>> q = Pose(shank="30 deg", thigh="90 deg", pelvis="30 deg", lumbar="20 deg")
>>> q.hip, q.lumbar
(<Quantity(120.0, 'degree')>, <Quantity(20.0, 'degree')>)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import InputValueError, RangeError
from ..units import quantity, to_si

__all__ = ["Pose", "LegPose", "SplitPose", "JOINT_RANGES_DEG", "check_joint_ranges", "trunk_line_offset",
           "trunk_line_length", "lumbar_ratios"]

#: Anatomical ranges of the joint angles, degrees (inclusive). Wide enough for every
#: exercise here (deep squats, calf raises on a step, prone leg curls); values outside
#: them are refused. Sources for typical active ranges: Soucie et al. (2011,
#: Haemophilia 17:500, Table 2: ankle dorsiflexion ~20-30 deg unloaded, knee flexion
#: ~140 deg, hip flexion ~120-130 deg); loaded closed-chain values run higher (ankle
#: dorsiflexion ~40-45 deg in deep squats, Hemmerich et al. 2006, J Orthop Res 24:770).
JOINT_RANGES_DEG = {
    "ankle": (-60.0, 55.0),   # plantarflexion (-) to dorsiflexion (+)
    "knee": (-15.0, 165.0),   # hyperextension (-) to full flexion
    "hip": (-45.0, 165.0),    # extension (-) to flexion (+)
    # lumbar (L5/S1 to shoulder against the pelvis) extension (-) to flexion (+). Troke et al.
    # (2005, Man Ther 10:198, CA-6000 spine motion analyser, 405 adults) report lumbar flexion
    # of roughly 40-75 deg and extension of roughly 15-40 deg, falling with age; the range
    # is set wider than the youngest group's means so that no measured posture is refused.
    "lumbar": (-45.0, 90.0),
}
_SEGMENTS = ("foot", "shank", "thigh", "trunk", "arms")
_LABELS = {"ankle": "ankle dorsiflexion", "knee": "knee flexion", "hip": "hip flexion",
           "lumbar": "lumbar flexion"}

#: Where L5/S1 sits on the reference body's trunk, as fractions of the trunk length:
#: (along the hip-to-shoulder axis, at right angles toward the front). Filled on first use
#: from ``Body.from_anthropometrics`` (de Leva 1996, male; the L5/S1 regression of
#: :mod:`biomech.model.anthropometry`). Independent of height and mass.
_REFERENCE_RATIOS: list = []


def lumbar_ratios(body=None) -> tuple[float, float]:
    """Where L5/S1 sits on the trunk, as fractions of the trunk length: ``(along, offset)``.

    ``along`` is measured from the hip joint centre up the hip-to-shoulder axis, ``offset``
    at right angles toward the front (both in upright standing). Without a body, the
    reference body's (de Leva 1996 male; the same for every height and mass).

    >>> a, o = lumbar_ratios()
    >>> 0 < a < 0.5 and o < 0
    True
    """
    if body is None:
        if not _REFERENCE_RATIOS:
            from .body import Body
            ref = Body.from_anthropometrics("178 cm", "80 kg", "male")
            _REFERENCE_RATIOS.append(lumbar_ratios(ref))
        return _REFERENCE_RATIOS[0]
    lum, L = body.lumbar, body.trunk.length_m
    return float(np.mean(lum.along_m / L)), float(np.mean(lum.offset_m / L))


def trunk_line_offset(lumbar: Any, ratios: tuple[float, float] | None = None) -> Any:
    """Angle of the hip-to-shoulder line relative to the pelvis, rad, for a lumbar flexion (rad).

    With the pelvis at angle ``p`` and the upper body at ``p + lumbar``, the hip-to-shoulder
    line is at ``p + trunk_line_offset(lumbar)``: the line runs from the hip to L5/S1 (on the
    pelvis) and on to the shoulder (on the upper body). Closed form: with L5/S1 at
    ``(a, o)`` trunk lengths from the hip (``ratios``, :func:`lumbar_ratios`) the shoulder is
    at ``c = (a + (1 - a) cos l + o sin l, o + (1 - a) sin l - o cos l)`` in the pelvis's
    (along, forward) axes, and the offset is ``atan2(c_forward, c_along)``. Zero at zero
    flexion; about ``(1 - a) * lumbar`` for small angles.

    >>> import numpy as np
    >>> float(trunk_line_offset(0.0))
    0.0
    >>> 0.5 < float(trunk_line_offset(np.radians(20.0)) / np.radians(20.0)) < 1.0
    True
    """
    along, forward = _shoulder_in_pelvis(lumbar, ratios)
    return np.arctan2(forward, along)


def trunk_line_length(lumbar: Any, ratios: tuple[float, float] | None = None) -> Any:
    """Hip-to-shoulder distance in trunk lengths for a lumbar flexion (rad): 1 at zero flexion.

    The same shoulder position as :func:`trunk_line_offset` (its length rather than its
    angle); L5/S1 lies behind the line, so a flexed spine brings the shoulder closer to the hip.

    >>> import numpy as np
    >>> float(trunk_line_length(0.0))
    1.0
    >>> round(float(trunk_line_length(np.radians(20.0))), 3)
    0.953
    """
    return np.hypot(*_shoulder_in_pelvis(lumbar, ratios))


def _shoulder_in_pelvis(lumbar: Any, ratios: tuple[float, float] | None) -> tuple[Any, Any]:
    """The shoulder in the pelvis's (along, forward) axes, trunk lengths from the hip."""
    a, o = lumbar_ratios() if ratios is None else ratios
    s, c = np.sin(lumbar), np.cos(lumbar)
    return a + (1.0 - a) * c + o * s, o + (1.0 - a) * s - o * c


def _lumbar_for_offset(offset: Any, ratios: tuple[float, float]) -> Any:
    """Inverse of :func:`trunk_line_offset`: the lumbar flexion whose line offset is ``offset``
    (Newton steps from the small-angle guess; the offset grows monotonically with flexion)."""
    a = ratios[0]
    lum = np.asarray(offset, dtype=float) / (1.0 - a)
    for _ in range(8):
        f = trunk_line_offset(lum, ratios) - offset
        d = (trunk_line_offset(lum + 1e-7, ratios) - trunk_line_offset(lum - 1e-7, ratios)) / 2e-7
        lum = lum - f / d
    return lum if np.ndim(lum) else float(lum)


def _angle(value: Any, name: str) -> np.ndarray | float:
    return to_si(value, "rad", name)


_RAD = quantity(1.0, "rad")


def check_joint_ranges(joints: dict[str, np.ndarray], where: str = "") -> None:
    """Raise :class:`RangeError` if a joint angle (radians) lies outside its range."""
    for j, val in joints.items():
        lo, hi = JOINT_RANGES_DEG[j]
        deg = np.degrees(val)
        bad = (deg < lo - 1e-9) | (deg > hi + 1e-9)
        if np.any(bad):
            first = float(np.asarray(deg)[bad].flat[0]) if np.ndim(deg) else float(deg)
            label = _LABELS[j]
            raise RangeError(f"{where}{label} = {first:.1f} deg is outside the anatomical range {lo:g} to {hi:g} deg "
                             f"({label} comes from the segment angles: ankle = shank - foot, knee = shank + thigh, "
                             f"hip = thigh + pelvis (the trunk when it is rigid), lumbar = upper body - pelvis).")


def _broadcast(arrays: dict[str, Any], what: str) -> dict[str, Any]:
    try:
        np.broadcast_shapes(*(np.shape(a) for a in arrays.values()))
    except ValueError:
        shapes = ", ".join(f"{k}{np.shape(v)}" for k, v in arrays.items())
        raise InputValueError(f"{what}: the angle arrays do not broadcast together ({shapes}).") from None
    return arrays


@dataclass(frozen=True, init=False)
class Pose:
    """Segment angles of a symmetric stance (both legs alike), radians inside.

    Parameters
    ----------
    shank, thigh : Quantity or str
        Segment angles (see module docs). Arrays broadcast.
    trunk : Quantity or str, optional
        Forward tilt of the hip-to-shoulder line from vertical. Alone (no ``pelvis``, no
        ``lumbar``) it makes the trunk rigid: pelvis = upper body = trunk, lumbar flexion 0,
        every number as with one trunk segment. With ``lumbar``: the line stays at
        ``trunk`` and the pelvis is solved (closed form, :func:`trunk_line_offset`).
    foot, arms : Quantity or str, optional
        Default 0 deg (foot flat, arms hanging).
    pelvis : Quantity or str, optional
        Forward (anterior) pelvic tilt: the angle of the hip-joint-centre-to-L5/S1 part of the
        trunk, 0 as in upright standing, forward positive. Alone it is a rigid trunk at
        that angle; with ``lumbar`` the upper body is at ``pelvis + lumbar``.
    lumbar : Quantity or str, optional
        Lumbar flexion: the upper body's angle minus the pelvis angle (flexion positive,
        extension negative). Needs ``trunk`` or ``pelvis`` beside it.
    body : Body, optional
        Whose L5/S1 position converts between the hip-to-shoulder line and the two parts;
        default the reference body's proportions (:func:`lumbar_ratios`).
    check : bool
        Refuse joint angles outside :data:`JOINT_RANGES_DEG` (default True).

    Raises
    ------
    InputValueError
        For ``trunk``, ``pelvis`` and ``lumbar`` all given, for ``lumbar`` without ``trunk`` or
        ``pelvis``, or for neither ``trunk`` nor ``pelvis``.

    Examples
    --------
    >>> p = Pose(shank="20 deg", thigh=Q_([60, 90], "deg"), trunk="40 deg")
    >>> p.shape
    (2,)
    >>> p.hip.to("deg").magnitude.tolist()
    [100.0, 130.0]
    >>> q = Pose(shank="20 deg", thigh="90 deg", trunk="40 deg", lumbar="20 deg")
    >>> round(float(q.trunk.magnitude), 9), round(float(q.lumbar.magnitude), 9)
    (40.0, 20.0)
    >>> bool(q.pelvis < q.trunk < q.upper_body)
    True
    """

    foot_rad: Any
    shank_rad: Any
    thigh_rad: Any
    trunk_rad: Any
    arms_rad: Any
    #: pelvis angle and lumbar flexion, rad; None for a rigid trunk (both parts at ``trunk_rad``)
    pelvis_rad: Any = None
    lumbar_rad: Any = None

    def __init__(self, shank: Any, thigh: Any, trunk: Any = None, foot: Any = "0 deg", arms: Any = "0 deg",
                 *, pelvis: Any = None, lumbar: Any = None, body: Any = None, check: bool = True):
        given = [k for k, v in (("trunk", trunk), ("pelvis", pelvis), ("lumbar", lumbar)) if v is not None]
        if len(given) == 3:
            raise InputValueError("Pose: trunk, pelvis and lumbar are all given; give two of them at most (trunk "
                                  "alone for a rigid trunk, pelvis with lumbar, or trunk with lumbar or pelvis).")
        if trunk is None and pelvis is None:
            raise InputValueError("Pose: give trunk (the hip-to-shoulder line) or pelvis (with lumbar) for the "
                                  "part of the body above the hips.")
        vals = {"foot": _angle(foot, "foot"), "shank": _angle(shank, "shank"), "thigh": _angle(thigh, "thigh"),
                "arms": _angle(arms, "arms")}
        for name, v in (("trunk", trunk), ("pelvis", pelvis), ("lumbar", lumbar)):
            if v is not None:
                vals[name] = _angle(v, name)
        _broadcast(vals, "Pose")
        for k in ("foot", "shank", "thigh", "arms"):
            object.__setattr__(self, f"{k}_rad", vals[k])
        ratios = lumbar_ratios(body) if len(given) == 2 else None
        if given == ["trunk"]:
            object.__setattr__(self, "trunk_rad", vals["trunk"])
        elif given == ["pelvis"]:
            object.__setattr__(self, "trunk_rad", vals["pelvis"])
        else:
            if "lumbar" not in vals:  # trunk and pelvis: the lumbar flexion that joins them
                vals["lumbar"] = _lumbar_for_offset(vals["trunk"] - vals["pelvis"], ratios)
            offset = trunk_line_offset(vals["lumbar"], ratios)
            if "pelvis" not in vals:
                vals["pelvis"] = vals["trunk"] - offset
            if "trunk" not in vals:
                vals["trunk"] = vals["pelvis"] + offset
            for k in ("trunk", "pelvis", "lumbar"):
                object.__setattr__(self, f"{k}_rad", vals[k])
        if check:
            check_joint_ranges(self.joint_angles_rad())

    @classmethod
    def from_radians(cls, shank, thigh, trunk=None, foot=0.0, arms=0.0, *, check: bool = False, pelvis=None,
                     lumbar=None, upper_body=None) -> "Pose":
        """Kernel constructor: plain floats or arrays in radians, no unit handling.

        ``trunk`` alone is a rigid trunk. For a pelvis and upper body with their own
        angles give ``pelvis`` and ``lumbar`` (or ``upper_body``, the upper body's angle),
        and ``trunk``, the hip-to-shoulder line they make (:func:`trunk_line_offset`; computed
        with the reference proportions when not given).

        >>> Pose.from_radians(0.5, 1.5, 0.7).thigh_rad
        1.5
        >>> Pose.from_radians(0.5, 1.5, pelvis=0.5, upper_body=0.8).lumbar_rad
        0.30000000000000004
        """
        self = object.__new__(cls)
        for k, v in (("foot", foot), ("shank", shank), ("thigh", thigh), ("trunk", trunk), ("arms", arms)):
            object.__setattr__(self, f"{k}_rad", v)
        if pelvis is not None:
            if lumbar is None:
                if upper_body is None:
                    raise InputValueError("Pose.from_radians: pelvis needs lumbar (or upper_body) beside it.")
                lumbar = upper_body - pelvis
            object.__setattr__(self, "pelvis_rad", pelvis)
            object.__setattr__(self, "lumbar_rad", lumbar)
            if trunk is None:
                object.__setattr__(self, "trunk_rad", pelvis + trunk_line_offset(lumbar))
        elif trunk is None:
            raise InputValueError("Pose.from_radians: give trunk, or pelvis with lumbar.")
        if check:
            check_joint_ranges(self.joint_angles_rad())
        return self

    @classmethod
    def from_joint_angles(cls, ankle: Any, knee: Any, hip: Any, foot: Any = "0 deg", arms: Any = "0 deg",
                          *, lumbar: Any = None, check: bool = True) -> "Pose":
        """The same pose from joint angles: ankle dorsiflexion, knee flexion, hip flexion
        (thigh to pelvis) and, optionally, lumbar flexion.

        shank = ankle + foot, thigh = knee - shank, pelvis = hip - thigh; without ``lumbar``
        the trunk is rigid (trunk = pelvis), with it the upper body is at pelvis + lumbar.

        >>> Pose.from_joint_angles(ankle="30 deg", knee="120 deg", hip="135 deg").thigh
        <Quantity(90.0, 'degree')>
        >>> Pose.from_joint_angles(ankle="30 deg", knee="120 deg", hip="135 deg", lumbar="10 deg").pelvis
        <Quantity(45.0, 'degree')>
        """
        a, k, h = _angle(ankle, "ankle"), _angle(knee, "knee"), _angle(hip, "hip")
        f, ar = _angle(foot, "foot"), _angle(arms, "arms")
        arrays = {"ankle": a, "knee": k, "hip": h, "foot": f, "arms": ar}
        if lumbar is not None:
            arrays["lumbar"] = _angle(lumbar, "lumbar")
        _broadcast(arrays, "Pose.from_joint_angles")
        shank = a + f
        thigh = k - shank
        pelvis = h - thigh
        if lumbar is None:
            return cls.from_radians(shank, thigh, pelvis, f, ar, check=check)
        return cls.from_radians(shank, thigh, None, f, ar, pelvis=pelvis, lumbar=arrays["lumbar"], check=check)

    # ---------------------------------------------------------------- accessors
    @property
    def split(self) -> bool:
        """Whether the pelvis and upper body have their own angles (False: a rigid trunk)."""
        return self.pelvis_rad is not None

    @property
    def upper_body_rad(self) -> Any:
        """Angle of the upper body (L5/S1 to shoulder), rad: pelvis + lumbar flexion."""
        return self.trunk_rad if self.pelvis_rad is None else self.pelvis_rad + self.lumbar_rad

    def segment_angles_rad(self) -> dict[str, Any]:
        """Segment angles in radians, by name (foot, shank, thigh, trunk, arms).

        A pose with a pelvis and upper body of their own adds ``pelvis`` and ``upper_body``
        (the mechanics then reads them; ``trunk`` is the hip-to-shoulder line they make).
        """
        out = {k: getattr(self, f"{k}_rad") for k in _SEGMENTS}
        if self.pelvis_rad is not None:
            out["pelvis"] = self.pelvis_rad
            out["upper_body"] = self.pelvis_rad + self.lumbar_rad
        return out

    def joint_angles_rad(self) -> dict[str, Any]:
        """Joint angles in radians: ankle dorsiflexion, knee flexion, hip flexion (thigh +
        pelvis) and lumbar flexion (upper body - pelvis; 0 for a rigid trunk)."""
        pelvis = self.trunk_rad if self.pelvis_rad is None else self.pelvis_rad
        lumbar = self.trunk_rad * 0.0 if self.lumbar_rad is None else self.lumbar_rad
        return {"ankle": self.shank_rad - self.foot_rad, "knee": self.shank_rad + self.thigh_rad,
                "hip": self.thigh_rad + pelvis, "lumbar": lumbar}

    @property
    def shape(self) -> tuple[int, ...]:
        """Broadcast shape of the pose arrays (``()`` for one pose)."""
        return np.broadcast_shapes(*(np.shape(v) for v in self.segment_angles_rad().values()))

    def _deg(self, v):
        return quantity(np.degrees(v), "deg")

    foot = property(lambda self: self._deg(self.foot_rad), doc="Foot angle (heel raised), deg.")
    shank = property(lambda self: self._deg(self.shank_rad), doc="Shank lean, deg.")
    thigh = property(lambda self: self._deg(self.thigh_rad), doc="Thigh angle, deg.")
    trunk = property(lambda self: self._deg(self.trunk_rad), doc="Hip-to-shoulder line's lean, deg.")
    pelvis = property(lambda self: self._deg(self.trunk_rad if self.pelvis_rad is None else self.pelvis_rad),
                      doc="Pelvic tilt (forward positive, 0 as in upright standing), deg.")
    upper_body = property(lambda self: self._deg(self.upper_body_rad), doc="Upper body's lean, deg.")
    lumbar = property(lambda self: self._deg(self.joint_angles_rad()["lumbar"]), doc="Lumbar flexion, deg.")
    arms = property(lambda self: self._deg(self.arms_rad), doc="Arm angle, deg.")
    ankle = property(lambda self: self._deg(self.shank_rad - self.foot_rad), doc="Ankle dorsiflexion, deg.")
    knee = property(lambda self: self._deg(self.shank_rad + self.thigh_rad), doc="Knee flexion, deg.")
    hip = property(lambda self: self._deg(self.joint_angles_rad()["hip"]), doc="Hip flexion (thigh to pelvis), deg.")

    def __getitem__(self, index) -> "Pose":
        """One pose (or a slice) of an array of poses."""
        shape = self.shape
        vals = {k: np.broadcast_to(v, shape)[index] for k, v in self.segment_angles_rad().items()}
        if "pelvis" in vals:
            vals["lumbar"] = vals.pop("upper_body") - vals["pelvis"]
        return Pose.from_radians(**vals)

    def __repr__(self) -> str:
        if self.shape == ():
            ang = self.segment_angles_rad()
            if self.split:
                ang = {k: ang[k] for k in ("foot", "shank", "thigh", "trunk", "pelvis")}
                ang["lumbar"] = self.lumbar_rad
                ang["arms"] = self.arms_rad
            parts = ", ".join(f"{k}={np.degrees(v):.1f} deg" for k, v in ang.items())
            return f"Pose({parts})"
        return f"Pose(shape={self.shape})"


@dataclass(frozen=True, init=False)
class LegPose:
    """One leg's segment angles in a split stance: shank, thigh and foot (radians inside).

    >>> LegPose(shank="10 deg", thigh="-20 deg").knee
    <Quantity(-10.0, 'degree')>
    """

    shank_rad: Any
    thigh_rad: Any
    foot_rad: Any

    def __init__(self, shank: Any, thigh: Any, foot: Any = "0 deg"):
        vals = {"shank": _angle(shank, "shank"), "thigh": _angle(thigh, "thigh"), "foot": _angle(foot, "foot")}
        _broadcast(vals, "LegPose")
        for k, v in vals.items():
            object.__setattr__(self, f"{k}_rad", v)

    @classmethod
    def from_radians(cls, shank, thigh, foot=0.0) -> "LegPose":
        """Kernel constructor (radians, no checks)."""
        self = object.__new__(cls)
        object.__setattr__(self, "shank_rad", shank)
        object.__setattr__(self, "thigh_rad", thigh)
        object.__setattr__(self, "foot_rad", foot)
        return self

    shank = property(lambda self: quantity(np.degrees(self.shank_rad), "deg"), doc="Shank lean, deg.")
    thigh = property(lambda self: quantity(np.degrees(self.thigh_rad), "deg"), doc="Thigh angle, deg.")
    foot = property(lambda self: quantity(np.degrees(self.foot_rad), "deg"), doc="Foot angle, deg.")
    ankle = property(lambda self: quantity(np.degrees(self.shank_rad - self.foot_rad), "deg"), doc="Dorsiflexion.")
    knee = property(lambda self: quantity(np.degrees(self.shank_rad + self.thigh_rad), "deg"), doc="Knee flexion.")


#: How the rear foot meets its support in a split stance.
REAR_FOOT_CONTACTS = ("ball", "heel", "instep")


@dataclass(frozen=True, init=False)
class SplitPose:
    """A split stance (lunge, split squat, step-up): each leg its own angles.

    The front foot stands at the origin; the rear leg hangs from the same hip, so
    where the rear foot lands follows from its angles. ``rear_foot`` says where the
    rear foot meets its support: ``"ball"`` (on the toes, the default), ``"heel"``,
    or ``"instep"`` (laid on a bench, as in a Bulgarian split squat).

    Examples
    --------
    >>> sp = SplitPose(front=LegPose(shank="25 deg", thigh="80 deg"),
    ...                rear=LegPose(shank="65 deg", thigh="-10 deg", foot="55 deg"), trunk="10 deg")
    >>> sp.front_pose().hip
    <Quantity(90.0, 'degree')>

    The trunk splits as in :class:`Pose`: ``trunk`` alone is rigid; ``pelvis`` with ``lumbar``
    (or ``trunk`` with ``lumbar``) gives the pelvis and upper body their own angles, shared by
    both legs' hip angles.

    >>> sq = SplitPose(front=LegPose(shank="25 deg", thigh="80 deg"),
    ...                rear=LegPose(shank="65 deg", thigh="-10 deg", foot="55 deg"), pelvis="5 deg",
    ...                lumbar="10 deg")
    >>> sq.front_pose().hip, sq.rear_pose().lumbar
    (<Quantity(85.0, 'degree')>, <Quantity(10.0, 'degree')>)
    """

    front: LegPose
    rear: LegPose
    trunk_rad: Any
    arms_rad: Any
    rear_foot: str
    pelvis_rad: Any = None
    lumbar_rad: Any = None

    def __init__(self, front: LegPose, rear: LegPose, trunk: Any = None, arms: Any = "0 deg",
                 rear_foot: str = "ball", *, pelvis: Any = None, lumbar: Any = None, body: Any = None,
                 check: bool = True):
        for name, leg in (("front", front), ("rear", rear)):
            if not isinstance(leg, LegPose):
                raise InputValueError(f"{name}={leg!r} must be a biomech.LegPose.")
        if rear_foot not in REAR_FOOT_CONTACTS:
            raise InputValueError(f"rear_foot={rear_foot!r} is not known; expected one of {REAR_FOOT_CONTACTS}.")
        object.__setattr__(self, "front", front)
        object.__setattr__(self, "rear", rear)
        # the trunk's split as in Pose (a probe pose with the front leg's angles)
        probe = Pose(front.shank_rad * _RAD, front.thigh_rad * _RAD, trunk, pelvis=pelvis, lumbar=lumbar, body=body,
                     check=False)
        object.__setattr__(self, "trunk_rad", probe.trunk_rad)
        object.__setattr__(self, "pelvis_rad", probe.pelvis_rad)
        object.__setattr__(self, "lumbar_rad", probe.lumbar_rad)
        object.__setattr__(self, "arms_rad", _angle(arms, "arms"))
        object.__setattr__(self, "rear_foot", rear_foot)
        _broadcast(self.segment_angles_rad(), "SplitPose")
        if check:
            check_joint_ranges(self.front_pose().joint_angles_rad(), "front leg: ")
            check_joint_ranges(self.rear_pose().joint_angles_rad(), "rear leg: ")

    @classmethod
    def from_radians(cls, front: LegPose, rear: LegPose, trunk=None, arms=0.0, rear_foot: str = "ball", *,
                     pelvis=None, lumbar=None) -> "SplitPose":
        """Kernel constructor (radians, no checks); ``pelvis`` with ``lumbar`` as in
        :meth:`Pose.from_radians`."""
        self = object.__new__(cls)
        if pelvis is not None:
            trunk = pelvis + trunk_line_offset(lumbar) if trunk is None else trunk
            object.__setattr__(self, "pelvis_rad", pelvis)
            object.__setattr__(self, "lumbar_rad", lumbar)
        for k, v in (("front", front), ("rear", rear), ("trunk_rad", trunk), ("arms_rad", arms),
                     ("rear_foot", rear_foot)):
            object.__setattr__(self, k, v)
        return self

    def segment_angles_rad(self) -> dict[str, Any]:
        """All segment angles in radians; rear-leg names carry a ``rear_`` prefix (and, for a
        pelvis and upper body of their own, ``pelvis`` and ``upper_body``)."""
        out = {"foot": self.front.foot_rad, "shank": self.front.shank_rad, "thigh": self.front.thigh_rad,
               "trunk": self.trunk_rad, "arms": self.arms_rad, "rear_thigh": self.rear.thigh_rad,
               "rear_shank": self.rear.shank_rad, "rear_foot": self.rear.foot_rad}
        if self.pelvis_rad is not None:
            out["pelvis"] = self.pelvis_rad
            out["upper_body"] = self.pelvis_rad + self.lumbar_rad
        return out

    def _leg_pose(self, leg: LegPose) -> Pose:
        return Pose.from_radians(leg.shank_rad, leg.thigh_rad, self.trunk_rad, leg.foot_rad, self.arms_rad,
                                 pelvis=self.pelvis_rad, lumbar=self.lumbar_rad)

    def front_pose(self) -> Pose:
        """The front leg with the trunk, as a :class:`Pose`."""
        return self._leg_pose(self.front)

    def rear_pose(self) -> Pose:
        """The rear leg with the trunk, as a :class:`Pose` (its hip angle uses the same pelvis)."""
        return self._leg_pose(self.rear)

    def joint_angles_rad(self) -> dict[str, Any]:
        """The front leg's joint angles (see :meth:`rear_pose` for the rear leg)."""
        return self.front_pose().joint_angles_rad()

    @property
    def shape(self) -> tuple[int, ...]:
        return np.broadcast_shapes(*(np.shape(v) for v in self.segment_angles_rad().values()))

    trunk = property(lambda self: quantity(np.degrees(self.trunk_rad), "deg"), doc="Hip-to-shoulder line, deg.")
    pelvis = property(lambda self: self.front_pose().pelvis, doc="Pelvic tilt, deg.")
    lumbar = property(lambda self: self.front_pose().lumbar, doc="Lumbar flexion, deg.")
    split = property(lambda self: self.pelvis_rad is not None, doc="Pelvis and upper body with their own angles.")
    arms = property(lambda self: quantity(np.degrees(self.arms_rad), "deg"), doc="Arm angle, deg.")
