"""Poses: segment angles of the sagittal-plane model, and the joint angles they imply.

Segment angles (degrees for people, radians inside), all zero standing tall and all
positive in the bottom of a squat (``docs/conventions.md``):

- ``foot``: heel raised above the ball of the foot (0 = flat);
- ``shank``: forward tilt of the shin from vertical (knee ahead of ankle positive);
- ``thigh``: tilt of the thigh from vertical, hip behind knee positive (90 = parallel);
- ``trunk``: forward tilt of the trunk from vertical (shoulder ahead of hip positive);
- ``arms``: forward tilt of the arms from vertical (0 = hanging straight down).

Joint angles follow: ankle dorsiflexion = shank - foot; knee flexion = shank + thigh;
hip flexion = thigh + trunk. Every angle may be an array; arrays broadcast.

Examples
--------
>>> from biomech import Pose, Q_
>>> p = Pose(shank="30 deg", thigh="90 deg", trunk="45 deg")
>>> p.knee
<Quantity(120.0, 'degree')>
>>> Pose.from_joint_angles(ankle="30 deg", knee="120 deg", hip="135 deg").trunk
<Quantity(45.0, 'degree')>
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import InputValueError, RangeError
from ..units import quantity, to_si

__all__ = ["Pose", "LegPose", "SplitPose", "JOINT_RANGES_DEG", "check_joint_ranges"]

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
}
_SEGMENTS = ("foot", "shank", "thigh", "trunk", "arms")


def _angle(value: Any, name: str) -> np.ndarray | float:
    return to_si(value, "rad", name)


def check_joint_ranges(joints: dict[str, np.ndarray], where: str = "") -> None:
    """Raise :class:`RangeError` if a joint angle (radians) lies outside its range."""
    for j, val in joints.items():
        lo, hi = JOINT_RANGES_DEG[j]
        deg = np.degrees(val)
        bad = (deg < lo - 1e-9) | (deg > hi + 1e-9)
        if np.any(bad):
            first = float(np.asarray(deg)[bad].flat[0]) if np.ndim(deg) else float(deg)
            label = {"ankle": "ankle dorsiflexion", "knee": "knee flexion", "hip": "hip flexion"}[j]
            raise RangeError(f"{where}{label} = {first:.1f} deg is outside the anatomical range {lo:g} to {hi:g} deg "
                             f"({label} comes from the segment angles: ankle = shank - foot, knee = shank + thigh, "
                             f"hip = thigh + trunk).")


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
    shank, thigh, trunk : Quantity or str
        Segment angles (see module docs). Arrays broadcast.
    foot, arms : Quantity or str, optional
        Default 0 deg (foot flat, arms hanging).
    check : bool
        Refuse joint angles outside :data:`JOINT_RANGES_DEG` (default True).

    Examples
    --------
    >>> p = Pose(shank="20 deg", thigh=Q_([60, 90], "deg"), trunk="40 deg")
    >>> p.shape
    (2,)
    >>> p.hip.to("deg").magnitude.tolist()
    [100.0, 130.0]
    """

    foot_rad: Any
    shank_rad: Any
    thigh_rad: Any
    trunk_rad: Any
    arms_rad: Any

    def __init__(self, shank: Any, thigh: Any, trunk: Any, foot: Any = "0 deg", arms: Any = "0 deg",
                 *, check: bool = True):
        vals = {"foot": _angle(foot, "foot"), "shank": _angle(shank, "shank"), "thigh": _angle(thigh, "thigh"),
                "trunk": _angle(trunk, "trunk"), "arms": _angle(arms, "arms")}
        _broadcast(vals, "Pose")
        for k, v in vals.items():
            object.__setattr__(self, f"{k}_rad", v)
        if check:
            check_joint_ranges(self.joint_angles_rad())

    @classmethod
    def from_radians(cls, shank, thigh, trunk, foot=0.0, arms=0.0, *, check: bool = False) -> "Pose":
        """Kernel constructor: plain floats or arrays in radians, no unit handling.

        >>> Pose.from_radians(0.5, 1.5, 0.7).thigh_rad
        1.5
        """
        self = object.__new__(cls)
        for k, v in (("foot", foot), ("shank", shank), ("thigh", thigh), ("trunk", trunk), ("arms", arms)):
            object.__setattr__(self, f"{k}_rad", v)
        if check:
            check_joint_ranges(self.joint_angles_rad())
        return self

    @classmethod
    def from_joint_angles(cls, ankle: Any, knee: Any, hip: Any, foot: Any = "0 deg", arms: Any = "0 deg",
                          *, check: bool = True) -> "Pose":
        """The same pose from joint angles: ankle dorsiflexion, knee flexion, hip flexion.

        shank = ankle + foot, thigh = knee - shank, trunk = hip - thigh.

        >>> Pose.from_joint_angles(ankle="30 deg", knee="120 deg", hip="135 deg").thigh
        <Quantity(90.0, 'degree')>
        """
        a, k, h = _angle(ankle, "ankle"), _angle(knee, "knee"), _angle(hip, "hip")
        f, ar = _angle(foot, "foot"), _angle(arms, "arms")
        _broadcast({"ankle": a, "knee": k, "hip": h, "foot": f, "arms": ar}, "Pose.from_joint_angles")
        shank = a + f
        thigh = k - shank
        trunk = h - thigh
        return cls.from_radians(shank, thigh, trunk, f, ar, check=check)

    # ---------------------------------------------------------------- accessors
    def segment_angles_rad(self) -> dict[str, Any]:
        """Segment angles in radians, by name (foot, shank, thigh, trunk, arms)."""
        return {k: getattr(self, f"{k}_rad") for k in _SEGMENTS}

    def joint_angles_rad(self) -> dict[str, Any]:
        """Joint angles in radians: ankle dorsiflexion, knee flexion, hip flexion."""
        return {"ankle": self.shank_rad - self.foot_rad, "knee": self.shank_rad + self.thigh_rad,
                "hip": self.thigh_rad + self.trunk_rad}

    @property
    def shape(self) -> tuple[int, ...]:
        """Broadcast shape of the pose arrays (``()`` for one pose)."""
        return np.broadcast_shapes(*(np.shape(v) for v in self.segment_angles_rad().values()))

    def _deg(self, v):
        return quantity(np.degrees(v), "deg")

    foot = property(lambda self: self._deg(self.foot_rad), doc="Foot angle (heel raised), deg.")
    shank = property(lambda self: self._deg(self.shank_rad), doc="Shank lean, deg.")
    thigh = property(lambda self: self._deg(self.thigh_rad), doc="Thigh angle, deg.")
    trunk = property(lambda self: self._deg(self.trunk_rad), doc="Trunk lean, deg.")
    arms = property(lambda self: self._deg(self.arms_rad), doc="Arm angle, deg.")
    ankle = property(lambda self: self._deg(self.shank_rad - self.foot_rad), doc="Ankle dorsiflexion, deg.")
    knee = property(lambda self: self._deg(self.shank_rad + self.thigh_rad), doc="Knee flexion, deg.")
    hip = property(lambda self: self._deg(self.thigh_rad + self.trunk_rad), doc="Hip flexion, deg.")

    def __getitem__(self, index) -> "Pose":
        """One pose (or a slice) of an array of poses."""
        shape = self.shape
        vals = {k: np.broadcast_to(v, shape)[index] for k, v in self.segment_angles_rad().items()}
        return Pose.from_radians(**vals)

    def __repr__(self) -> str:
        if self.shape == ():
            parts = ", ".join(f"{k}={np.degrees(v):.1f} deg" for k, v in self.segment_angles_rad().items())
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
    """

    front: LegPose
    rear: LegPose
    trunk_rad: Any
    arms_rad: Any
    rear_foot: str

    def __init__(self, front: LegPose, rear: LegPose, trunk: Any, arms: Any = "0 deg", rear_foot: str = "ball",
                 *, check: bool = True):
        for name, leg in (("front", front), ("rear", rear)):
            if not isinstance(leg, LegPose):
                raise InputValueError(f"{name}={leg!r} must be a biomech.LegPose.")
        if rear_foot not in REAR_FOOT_CONTACTS:
            raise InputValueError(f"rear_foot={rear_foot!r} is not known; expected one of {REAR_FOOT_CONTACTS}.")
        object.__setattr__(self, "front", front)
        object.__setattr__(self, "rear", rear)
        object.__setattr__(self, "trunk_rad", _angle(trunk, "trunk"))
        object.__setattr__(self, "arms_rad", _angle(arms, "arms"))
        object.__setattr__(self, "rear_foot", rear_foot)
        _broadcast(self.segment_angles_rad(), "SplitPose")
        if check:
            check_joint_ranges(self.front_pose().joint_angles_rad(), "front leg: ")
            check_joint_ranges(self.rear_pose().joint_angles_rad(), "rear leg: ")

    @classmethod
    def from_radians(cls, front: LegPose, rear: LegPose, trunk, arms=0.0, rear_foot: str = "ball") -> "SplitPose":
        """Kernel constructor (radians, no checks)."""
        self = object.__new__(cls)
        for k, v in (("front", front), ("rear", rear), ("trunk_rad", trunk), ("arms_rad", arms),
                     ("rear_foot", rear_foot)):
            object.__setattr__(self, k, v)
        return self

    def segment_angles_rad(self) -> dict[str, Any]:
        """All segment angles in radians; rear-leg names carry a ``rear_`` prefix."""
        return {"foot": self.front.foot_rad, "shank": self.front.shank_rad, "thigh": self.front.thigh_rad,
                "trunk": self.trunk_rad, "arms": self.arms_rad, "rear_thigh": self.rear.thigh_rad,
                "rear_shank": self.rear.shank_rad, "rear_foot": self.rear.foot_rad}

    def front_pose(self) -> Pose:
        """The front leg with the trunk, as a :class:`Pose`."""
        return Pose.from_radians(self.front.shank_rad, self.front.thigh_rad, self.trunk_rad, self.front.foot_rad,
                                 self.arms_rad)

    def rear_pose(self) -> Pose:
        """The rear leg with the trunk, as a :class:`Pose` (its hip angle uses the same trunk)."""
        return Pose.from_radians(self.rear.shank_rad, self.rear.thigh_rad, self.trunk_rad, self.rear.foot_rad,
                                 self.arms_rad)

    def joint_angles_rad(self) -> dict[str, Any]:
        """The front leg's joint angles (see :meth:`rear_pose` for the rear leg)."""
        return self.front_pose().joint_angles_rad()

    @property
    def shape(self) -> tuple[int, ...]:
        return np.broadcast_shapes(*(np.shape(v) for v in self.segment_angles_rad().values()))

    trunk = property(lambda self: quantity(np.degrees(self.trunk_rad), "deg"), doc="Trunk lean, deg.")
    arms = property(lambda self: quantity(np.degrees(self.arms_rad), "deg"), doc="Arm angle, deg.")
