"""Static net joint moments: force x moment arm at ankle, knee, hip and L5/S1.

The computation follows the free-body diagram a coach would draw. For each joint,
take the *free side*: everything on the side of the joint away from the support
(above the joint when the feet carry the body; below it when a seat or pad carries
the pelvis or thighs). The moment of the external forces on that side about the joint
centre must be balanced by the muscles: that is the net internal joint moment.

Signs are anatomical: positive = ankle plantarflexor, knee extensor, hip extensor,
lumbar extensor demand. In world terms (x forward, y up, counter-clockwise +) with
``M_up`` the moment of the external forces above the joint,
``ankle = -M_up``, ``knee = +M_up``, ``hip = -M_up``, ``lumbar = -M_up``.

Stances (``stance=``):

- ``"both"`` (default): two legs side by side with one set of angles; each leg carries
  its own segments and half of everything above the hips; loads fixed to a leg
  segment are totals for both legs, half on each. Leg moments are per leg; the lumbar
  moment is the whole body's.
- ``"single_leg"``: one leg carries everything above its hip. The other leg is not
  part of the model (held clear, its weight taken elsewhere), as in docs/conventions.md's
  worked examples.
- a :class:`~biomech.model.pose.SplitPose` gives each leg its own angles; ``front_share`` of
  the ground reaction goes through the front foot, the rest through the rear foot's
  contact (ball, heel or instep); the front foot's centre of pressure follows from
  the whole body's balance. Horizontal ground forces are zero unless other external
  forces are horizontal, and are then shared in the same proportion.

Supports (``support=``): ``"feet"`` (standing), ``"pelvis"`` (seated or lying on the
pelvis: leg joints are computed from the distal side), ``"thighs"`` (a pad under the
thighs: ankle and knee from the distal side, hip and lumbar from above), ``"backrest"``
(seated against a back pad, as in a leg press: legs from the distal side, the lumbar moment
held by the pad and reported as NaN), ``"bench"`` (thighs and trunk on a seat or bench, as in
a leg extension or a lying leg curl: ankle and knee from the distal side, hip and lumbar held,
NaN).

Examples
--------
>>> import biomech as bm
>>> s = bm.Segment("0.40 m", "4 kg", 0.40); t = bm.Segment("0.40 m", "10 kg", 0.40)
>>> k = bm.Segment("0.50 m", "50 kg", 0.50)
>>> body = bm.Body.from_segments(shank=s, thigh=t, trunk=k)
>>> pose = bm.Pose(shank="20 deg", thigh="80 deg", trunk="40 deg")
>>> load = bm.PointMass(segment="trunk", along="0.45 m", offset="-0.05 m", mass="100 kg")
>>> res = bm.joint_moments(body, pose, [load], stance="single_leg")
>>> [round(float(m.to("N*m").magnitude), 2) for m in (res.ankle, res.knee, res.hip)]
[-59.86, 277.74, 324.89]
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterable, Sequence

import numpy as np

from ..model.body import Body
from ..errors import InputValueError, RangeError
from ..model.kinematics import Form, LinearMap, Point, SinCos, is_split
from ..constants import ANATOMICAL_SIGN, G, JOINTS, LEG_JOINTS
from ..model.loads import ForceItem, Load
from ..model.pose import Pose, SplitPose
from .results import JointValues, ResultBase, jsonable
from ..units import as_fraction, quantity

__all__ = ["joint_moments", "StaticModel", "MomentResult", "LegResult", "JointValues", "Contribution", "JOINTS", "SIGN",
           "STANCES", "SUPPORTS", "landmarks"]

#: anatomical moment = SIGN[j] * (moment of the external forces above the joint); the one table
#: lives in :mod:`biomech.constants` (``ANATOMICAL_SIGN``), as do the joint names.
SIGN = ANATOMICAL_SIGN
#: a joint sits between two levels of the chain counted from the ground
_BOUNDARY = {"ankle": 0.5, "knee": 1.5, "hip": 2.5, "lumbar": 3.5}
_LEVEL = {"foot": 0, "shank": 1, "thigh": 2, "pelvis": 3, "trunk": 4, "arms": 4}
STANCES = ("both", "single_leg", "split")
SUPPORTS = ("feet", "pelvis", "thighs", "backrest", "bench")
_STANCE_ALIASES = {"both": "both", "double_leg": "both", "two_legs": "both", "bilateral": "both",
                   "single_leg": "single_leg", "single": "single_leg", "one_leg": "single_leg",
                   "unilateral": "single_leg", "split": "split"}
#: which side of each joint is free, per support: "up" (away from the feet) or "down"
_FREE_SIDE = {
    "feet": {"ankle": "up", "knee": "up", "hip": "up", "lumbar": "up"},
    "pelvis": {"ankle": "down", "knee": "down", "hip": "down", "lumbar": "up"},
    "thighs": {"ankle": "down", "knee": "down", "hip": "up", "lumbar": "up"},
    "backrest": {"ankle": "down", "knee": "down", "hip": "down", "lumbar": "up"},
    "bench": {"ankle": "down", "knee": "down", "hip": "up", "lumbar": "up"},
}
#: Joints whose both sides rest on the machine: the seat, pad or bench takes an unknown share
#: of the load, so statics cannot decide their moment; it is reported as NaN. "backrest": sitting
#: against a back pad (leg press): the lumbar spine is held. "bench": thighs and trunk on a seat
#: or bench (leg extension, lying leg curl, seated calf raise): hip and lumbar spine are held.
_HELD = {"feet": (), "pelvis": (), "thighs": (), "backrest": ("lumbar",), "bench": ("hip", "lumbar")}
# The rear foot's contact with its support, in the foot's own frame (fractions of
# the foot landmarks): the instep is taken midway between ankle and ball on the
# dorsum, at three quarters of the ankle height (a stated assumption).
_INSTEP_Y_FRACTION = 0.75


# --------------------------------------------------------------------------- landmarks
def landmarks(body: Body, split: bool = False) -> dict[str, Point]:
    """Landmarks of the chain as :class:`~biomech.model.kinematics.Point` objects.

    The front foot's ball of the foot stays on the ground (y = 0); with the foot flat
    its heel is the origin. Names: heel, ball, toe, midfoot, ankle, knee, knee_front,
    hip, lumbar, shoulder, grip (with arms); with ``split`` also rear_knee,
    rear_ankle, rear_heel, rear_ball, rear_toe, rear_instep, rear_knee_front.

    Above the hip the chain has two parts: the pelvis (hip joint centre to L5/S1, the
    segment ``"pelvis"``) and the upper body (L5/S1 to the shoulder, ``"upper_body"``). With
    both at the trunk's angle (a rigid trunk) the shoulder lies ``trunk.length`` up the trunk
    axis, as before the split; :meth:`~biomech.model.kinematics.Point.merged` folds the two
    parts into one ``"trunk"`` term for that case.

    >>> import numpy as np, biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> p = landmarks(body)
    >>> up = {"foot": 0.0, "shank": 0.0, "thigh": 0.0, "trunk": 0.0}
    >>> bool(np.isclose(p["shoulder"].evaluate(up)[1] - p["hip"].evaluate(up)[1], body.trunk.length_m))
    True
    >>> bent = {"foot": 0.0, "shank": 0.0, "thigh": 0.0, "pelvis": 0.0, "upper_body": np.radians(30.0)}
    >>> dx = p["shoulder"].evaluate(bent)[0] - p["lumbar"].evaluate(bent)[0]
    >>> bool(dx > 0.2)    # the upper body leans forward about L5/S1, the pelvis stays upright
    True
    """
    fg = body.foot_geometry
    p: dict[str, Point] = {}
    p["ball"] = Point.const(fg.ball_x, 0.0)
    p["heel"] = p["ball"].plus("foot", along=-fg.ball_x)
    p["toe"] = p["heel"].plus("foot", along=fg.toe_x)
    p["midfoot"] = p["heel"].plus("foot", along=fg.midfoot_x)
    p["ankle"] = p["heel"].plus("foot", along=fg.ankle_x, offset=fg.ankle_y)
    p["knee"] = p["ankle"].plus("shank", along=-body.shank.length_m)
    p["knee_front"] = p["knee"] + Point.const(body.knee_depth_m, 0.0)
    p["hip"] = p["knee"].plus("thigh", along=-body.thigh.length_m)
    lum = body.lumbar
    p["lumbar"] = p["hip"].plus("pelvis", along=lum.along_m, offset=lum.offset_m)
    p["shoulder"] = p["lumbar"].plus("upper_body", along=body.trunk.length_m - lum.along_m,
                                     offset=-lum.offset_m).with_rigid(p["hip"].plus("trunk", along=body.trunk.length_m))
    if body.arms is not None:
        p["grip"] = p["shoulder"].plus("arms", along=body.arms.length_m)
    if split:
        p["rear_knee"] = p["hip"].plus("rear_thigh", along=body.thigh.length_m)
        p["rear_knee_front"] = p["rear_knee"] + Point.const(body.knee_depth_m, 0.0)
        p["rear_ankle"] = p["rear_knee"].plus("rear_shank", along=body.shank.length_m)
        p["rear_heel"] = p["rear_ankle"].plus("rear_foot", along=-fg.ankle_x, offset=-fg.ankle_y)
        p["rear_ball"] = p["rear_heel"].plus("rear_foot", along=fg.ball_x)
        p["rear_toe"] = p["rear_heel"].plus("rear_foot", along=fg.toe_x)
        p["rear_instep"] = p["rear_heel"].plus("rear_foot", along=0.5 * (fg.ankle_x + fg.ball_x),
                                               offset=_INSTEP_Y_FRACTION * fg.ankle_y)
    return p


_PROXIMAL = {"foot": "heel", "shank": "knee", "thigh": "hip", "trunk": "hip", "arms": "shoulder",
             "rear_foot": "rear_heel", "rear_shank": "rear_knee", "rear_thigh": "hip"}


#: A resultant force smaller than this fraction of the sum of the external forces' magnitudes has
#: no line of action worth reporting: its moment arm is NaN (a pure couple), whatever the scale of
#: the forces (a 1e-12 kg segment still has arms; a near-cancelling couple has none).
ARM_RELATIVE_CUTOFF = 1e-9


@dataclass(frozen=True)
class _Item:
    """A force item placed on the chain, with its bookkeeping."""

    label: str
    segment: str          # load segment name (foot, ..., rear_thigh)
    part: str             # level name: foot, shank, thigh, pelvis, trunk (above L5/S1), arms
    leg: str | None       # "front", "rear" or None (above the hips)
    is_body: bool         # a segment's own weight
    point: Point
    force: tuple[Any, Any] | None
    mass_kg: Any
    field: Any
    multiplicity: float   # copies in the whole body (2 for a leg segment in a two-leg stance)
    kin: str = ""         # the segment it moves with: the load segment, or pelvis / upper_body for the trunk


def _part_of(segment: str, along_m: Any, body: Body) -> str:
    base = segment[5:] if segment.startswith("rear_") else segment
    if base == "trunk":
        return "trunk" if np.all(np.asarray(along_m) >= body.lumbar.along_m) else "pelvis"
    return base


class StaticModel:
    """Joint-moment machinery for one body, one set of loads, one stance and support.

    Build it once and evaluate it for any number of poses: this is the unit-free
    kernel behind :func:`joint_moments` (angles in radians, moments in N*m), for
    callers that loop, such as an optimiser.

    Parameters
    ----------
    body : Body
    loads : sequence of Load
    stance : {"both", "single_leg", "split"}
    support : {"feet", "pelvis", "thighs", "backrest", "bench"}
    front_share : float
        Split stance only: fraction of the ground reaction through the front foot.
    rear_contact : {"ball", "heel", "instep"}
        Split stance only: where the rear foot meets its support.

    Examples
    --------
    >>> import numpy as np, biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> model = StaticModel(body, [bm.Barbell("100 kg")])
    >>> m = model.moments({"foot": 0.0, "shank": np.radians([20, 30]), "thigh": np.radians(90),
    ...                    "trunk": np.radians(45), "arms": 0.0})
    >>> sorted(m)
    ['ankle', 'hip', 'knee', 'lumbar']
    """

    def __init__(self, body: Body, loads: Sequence[Load] = (), stance: str = "both", support: str = "feet",
                 front_share: Any = 0.5, rear_contact: str = "ball"):
        if not isinstance(body, Body):
            raise InputValueError(f"body={body!r} must be a biomech.Body (Body.from_anthropometrics or "
                                  f"Body.from_segments).")
        if not isinstance(stance, str) or stance not in _STANCE_ALIASES:
            raise InputValueError(f"stance={stance!r} is not known; expected one of {', '.join(STANCES)}.")
        if not isinstance(support, str) or support not in SUPPORTS:
            raise InputValueError(f"support={support!r} is not known; expected one of {', '.join(SUPPORTS)}.")
        self.body = body
        self.stance = _STANCE_ALIASES[stance]
        self.support = support
        self.split = self.stance == "split"
        if self.split and support != "feet":
            raise InputValueError("a split stance stands on both feet: use support='feet'.")
        self.front_share = as_fraction(front_share, "front_share")
        if not isinstance(rear_contact, str) or rear_contact not in ("ball", "heel", "instep"):
            raise InputValueError(f"rear_contact={rear_contact!r} is not known; expected one of ball, heel, instep.")
        self.rear_contact = rear_contact
        self.leg_share = 0.5 if self.stance == "both" else 1.0
        self.points = landmarks(body, self.split)
        if loads is None:
            loads = []
        if isinstance(loads, Load):
            loads = [loads]
        try:
            loads = list(loads)
        except TypeError:
            raise InputValueError(f"loads={loads!r} must be a load or a list of loads (Barbell, PointMass, ...).") from None
        for ld in loads:
            if not isinstance(ld, Load):
                raise InputValueError(f"loads must hold biomech loads (Barbell, PointMass, PointForce, HandLoad, "
                                      f"ElasticBand, Cable); got {ld!r}.")
            if body.arms is None and any(it.segment == "arms" for it in ld.items(body)):
                raise InputValueError(f"load {ld!r} is fixed to the arms, but the body has no arms segment.")
            if not self.split and any(it.segment.startswith("rear_") for it in ld.items(body)):
                raise InputValueError(f"load {ld!r} is fixed to a rear-leg segment, which only a SplitPose has.")
        self.items = self._body_items() + [self._place(it, is_body=False) for ld in loads for it in ld.items(body)]
        self.const_items = [i for i in self.items if i.force is not None]
        self.field_items = [i for i in self.items if i.force is None]
        self.free_side = _FREE_SIDE[support]
        self.held = _HELD[support]
        self._split_forms = self._top_down_forms()
        self._forms = self._top_down_forms(rigid=True)  # a rigid trunk: in the trunk angle
        self._joint_order = tuple(self._forms)
        self._maps: dict[bool, LinearMap | None] = {}

    # ---------------------------------------------------------------- building
    def _place(self, it: ForceItem, is_body: bool, multiplicity: float = 1.0) -> _Item:
        part = _part_of(it.segment, it.along_m, self.body)
        if it.segment == "trunk":  # trunk coordinates: along the hip->shoulder axis as in upright standing
            lum = self.body.lumbar
            if part == "trunk":    # above L5/S1: on the upper body, measured from L5/S1
                kin = "upper_body"
                point = self.points["lumbar"].plus(kin, along=it.along_m - lum.along_m,
                                                   offset=it.offset_m - lum.offset_m).with_rigid(
                    self.points["hip"].plus("trunk", along=it.along_m, offset=it.offset_m))
            else:
                kin = "pelvis"
                point = self.points["hip"].plus(kin, along=it.along_m, offset=it.offset_m)
        else:
            kin = it.segment
            point = self.points[_PROXIMAL[it.segment]].plus(it.segment, along=it.along_m, offset=it.offset_m)
        leg = None
        if it.segment in ("foot", "shank", "thigh"):
            leg = "front"
        elif it.segment.startswith("rear_"):
            leg = "rear"
        return _Item(it.label, it.segment, part, leg, is_body, point, it.force, it.mass_kg, it.field, multiplicity,
                     kin)

    def _body_items(self) -> list[_Item]:
        b = self.body
        legs_in_body = 2.0 if self.stance == "both" else 1.0
        out: list[_Item] = []

        def weight(label, segment, along, offset, mass, mult=1.0):
            out.append(self._place(ForceItem(label, segment, along, offset, (0.0, -G * mass), mass), True, mult))

        legs = [("", "front")] + ([("rear_", "rear")] if self.split else [])
        for prefix, _ in legs:
            if b.foot is not None:
                weight("foot", prefix + "foot", b.foot.com * b.foot.length_m, 0.5 * b.foot_geometry.ankle_y,
                       b.foot.mass_kg, legs_in_body)
            weight("shank", prefix + "shank", b.shank.com * b.shank.length_m, 0.0, b.shank.mass_kg, legs_in_body)
            weight("thigh", prefix + "thigh", b.thigh.com * b.thigh.length_m, 0.0, b.thigh.mass_kg, legs_in_body)
        # the trunk as two parts, above and below L5/S1, with the same total mass and centre of mass
        lum = b.lumbar
        m_up = lum.above_mass_kg
        m_low = b.trunk.mass_kg - m_up
        com_along = b.trunk.com * b.trunk.length_m
        weight("trunk", "trunk", np.maximum(lum.above_com_along_m, lum.along_m), lum.above_com_offset_m, m_up)
        if np.all(np.asarray(m_low) > 0):
            low_along = (b.trunk.mass_kg * com_along - m_up * lum.above_com_along_m) / m_low
            low_offset = -m_up * lum.above_com_offset_m / m_low
            out.append(_Item("trunk", "trunk", "pelvis", None, True,
                             self.points["hip"].plus("pelvis", along=low_along, offset=low_offset),
                             (0.0, -G * m_low), m_low, None, 1.0, "pelvis"))
        if b.arms is not None:
            weight("arms", "arms", b.arms.com * b.arms.length_m, 0.0, b.arms.mass_kg)
        return out

    def _level(self, item: _Item, leg: str) -> float:
        """Level of an item seen from ``leg``'s joints (the other leg hangs from the pelvis)."""
        if item.leg is not None and item.leg != leg:
            return _LEVEL["pelvis"]
        return _LEVEL[item.part]

    def _share(self, item: _Item, joint: str) -> float:
        """How much of the item one leg's (or the lumbar's) free body carries."""
        if joint == "lumbar" or self.split:
            return 1.0
        if item.is_body and item.leg is not None:
            return 1.0  # the leg's own segment
        return self.leg_share

    def free_items(self, joint: str, leg: str = "front", side: str | None = None) -> list[tuple[_Item, float]]:
        """Items on one side of a joint, each with the share this joint's free body carries."""
        side = side or self.free_side[joint]
        b = _BOUNDARY[joint]
        out = []
        for it in self.items:
            lvl = self._level(it, leg)
            if (side == "up" and lvl > b) or (side == "down" and lvl < b):
                out.append((it, self._share(it, joint)))
        return out

    def joint_point(self, joint: str, leg: str = "front") -> Point:
        if leg == "rear" and joint in ("ankle", "knee"):
            return self.points["rear_" + joint]
        return self.points[joint]

    def _top_down_forms(self, rigid: bool = False) -> dict[str, Form]:
        """For each joint, the moment of the constant forces on its free side as a Form.

        Expressed as ``M_up`` (moment of the forces above the joint) so that the
        anatomical moment is ``SIGN[joint] * M_up`` for either free side. Uses
        ``sum share (P - J) x F = sum share P x F - J x sum share F``: one cross product
        per item, one per joint.
        """
        crosses = {id(it): (it.point.merged() if rigid else it.point).cross(it.force) for it in self.const_items}
        forms: dict[str, Form] = {}
        joints = ("lumbar",) if self.split else JOINTS
        for j in joints:
            sign_side = 1.0 if self.free_side[j] == "up" else -1.0
            const, w = 0.0, {}
            fx = fy = 0.0
            for it, share in self.free_items(j):
                if it.force is None:
                    continue
                c = crosses[id(it)]
                k = share * sign_side
                const = const + k * c.const
                for seg, (a, b) in c.w.items():
                    if seg in w:
                        w[seg][0] = w[seg][0] + k * a
                        w[seg][1] = w[seg][1] + k * b
                    else:
                        w[seg] = [k * a, k * b]
                fx = fx + k * it.force[0]
                fy = fy + k * it.force[1]
            jp = self.joint_point(j).merged() if rigid else self.joint_point(j)
            forms[j] = Form(const, {seg: tuple(v) for seg, v in w.items()}) - jp.cross((fx, fy))
        return forms

    # ---------------------------------------------------------------- evaluation
    def angles_needed(self, split: bool = False) -> tuple[str, ...]:
        """Segment angles the model reads: ``trunk`` for a rigid trunk, or (``split``) the
        ``pelvis`` and ``upper_body`` angles."""
        names = ["foot", "shank", "thigh"] + (["pelvis", "upper_body"] if split else ["trunk"]) + ["arms"]
        if self.split:
            names += ["rear_thigh", "rear_shank", "rear_foot"]
        return tuple(names)

    def sincos(self, angles: dict[str, Any]) -> SinCos:
        if isinstance(angles, SinCos):
            return angles
        angles = self._checked_angles(angles)
        try:
            return SinCos({k: angles[k] for k in self.angles_needed(is_split(angles))})
        except KeyError as exc:
            raise InputValueError(f"angles must include {exc.args[0]!r} (radians).") from None

    def moment_about(self, sc: SinCos, items: Iterable[tuple[_Item, float]], point: tuple[Any, Any] = (0.0, 0.0)):
        """Counter-clockwise moment of a set of items about ``point`` (m): the sum of
        ``share * (P - point) x F`` over ``(item, share)`` pairs, N*m (world signs).

        The one place the library sums a free body's moment about a point: the free side
        of a joint, the part below it, the whole body about the origin.
        """
        px, py = point
        total = 0.0
        for it, share in items:
            x, y = it.point.evaluate(sc)
            f = self._item_force(it, sc)
            total = total + share * ((x - px) * f[1] - (y - py) * f[0])
        return total

    def _field_moment(self, sc: SinCos, joint: str, leg: str = "front"):
        """Moment (as M_up) of the pose-dependent forces on the free side."""
        sign_side = 1.0 if self.free_side[joint] == "up" else -1.0
        pose_dependent = [(it, share) for it, share in self.free_items(joint, leg) if it.force is None]
        return sign_side * self.moment_about(sc, pose_dependent, self.joint_point(joint, leg).evaluate(sc))

    def moments(self, angles: dict[str, Any]) -> dict[str, Any]:
        """Anatomical joint moments (N*m) for segment angles in radians; NaN at joints the
        support holds on both sides (``support="backrest"`` or ``"bench"``).

        Leg joints are per leg (the front leg in a split stance; see
        :meth:`split_moments` for both legs); the lumbar moment is the whole body's.
        """
        out = self._moments(angles)
        for j in self.held:
            out[j] = np.full(np.shape(out["knee"]), np.nan) if np.ndim(out["knee"]) else np.nan
        return out

    def _moments(self, angles: dict[str, Any]) -> dict[str, Any]:
        """The moments of every joint's free side, before held joints are blanked."""
        if not isinstance(angles, SinCos):
            angles = self._checked_angles(angles)
        split = is_split(angles)
        if not self.split and not self.field_items and self._large(angles) and self._linear_map(split) is not None:
            try:
                rows = self._linear_map(split).evaluate(angles)
            except KeyError as exc:
                raise InputValueError(f"angles must include {exc.args[0]!r} (radians).") from None
            for n, j in enumerate(self._joint_order):  # signs applied in place: no second copy of the rows
                if SIGN[j] != 1:
                    rows[n] *= SIGN[j]
            return {j: rows[n] for n, j in enumerate(self._joint_order)}
        if isinstance(angles, SinCos):
            sc = angles
        else:
            try:
                sc = SinCos({k: angles[k] for k in self.angles_needed(split)})
            except KeyError as exc:
                raise InputValueError(f"angles must include {exc.args[0]!r} (radians).") from None
        if self.split:
            out = self.split_moments(sc)["front"]
            out["lumbar"] = self._lumbar(sc)
            return out
        out = {}
        for j, form in (self._split_forms if split else self._forms).items():
            m_up = form.evaluate(sc)
            if self.field_items:
                m_up = m_up + self._field_moment(sc, j)
            out[j] = SIGN[j] * m_up
        return out

    def _checked_angles(self, angles) -> dict[str, Any]:
        """The kernel's one check: a mapping of segment names to numbers (radians)."""
        if not hasattr(angles, "items"):
            raise InputValueError(f"angles={angles!r} must be a dict of segment angles in radians "
                                  f"({', '.join(self.angles_needed())}).")
        out = {}
        for k, v in angles.items():
            try:
                out[k] = v if isinstance(v, (float, np.ndarray)) else np.asarray(v, dtype=float)
            except (TypeError, ValueError):
                raise InputValueError(f"angles[{k!r}]={v!r} must be numbers in radians.") from None
            if isinstance(out[k], np.ndarray) and out[k].dtype.kind not in "fiu":
                raise InputValueError(f"angles[{k!r}] must be numbers in radians; got dtype {out[k].dtype}.")
        return out

    _LARGE = 512  # poses; below this the per-form route is quicker than building a matrix

    @staticmethod
    def _large(angles) -> bool:
        sc = isinstance(angles, SinCos)
        return any((v[0] if sc else v).__class__ is np.ndarray and (v[0] if sc else v).size >= StaticModel._LARGE
                   for v in angles.values())

    def _linear_map(self, split: bool = False) -> LinearMap | None:
        """Every joint's form as one matrix (the hot path for many poses); None for
        bodies whose lengths are arrays. Built on first use, one for a rigid trunk and one
        (``split``) for a pelvis and upper body with their own angles."""
        if split not in self._maps:
            forms = self._split_forms if split else self._forms
            self._maps[split] = LinearMap.from_forms([forms[j] for j in self._joint_order])
        return self._maps[split]

    def forms(self, split: bool = False) -> dict[str, Form]:
        """Each joint's moment of the constant forces on its free side (``M_up``, world signs) as
        a :class:`~biomech.model.kinematics.Form`: in ``trunk`` for a rigid trunk, or (``split``)
        in ``pelvis`` and ``upper_body``."""
        return self._split_forms if split else self._forms

    def _lumbar(self, sc: SinCos):
        m_up = self._split_forms["lumbar"].evaluate(sc)
        if self.field_items:
            m_up = m_up + self._field_moment(sc, "lumbar")
        return SIGN["lumbar"] * m_up

    # ---------------------------------------------------------------- whole body
    def _item_force(self, it: _Item, sc: SinCos):
        if it.force is not None:
            return it.force
        x, y = it.point.evaluate(sc)
        return it.field(x, y)

    def external_resultant(self, sc: SinCos, items: Iterable[tuple[_Item, float]]):
        """Sum of ``share * F`` over items."""
        fx = fy = 0.0
        for it, share in items:
            f = self._item_force(it, sc)
            fx = fx + share * f[0]
            fy = fy + share * f[1]
        return fx, fy

    def moment_about_origin(self, sc: SinCos, items: Iterable[tuple[_Item, float]]):
        return self.moment_about(sc, items)

    def whole_body(self) -> list[tuple[_Item, float]]:
        return [(it, it.multiplicity) for it in self.items]

    def ground_reaction(self, sc: SinCos) -> dict[str, Any]:
        """Ground reaction (per leg and total) and centre of pressure from whole-body balance.

        Only for standing supports (``support="feet"``). The centre of pressure lies on
        the ground line y = 0.
        """
        whole = self.whole_body()
        fx, fy = self.external_resultant(sc, whole)
        rx, ry = -fx, -fy
        m0 = self.moment_about_origin(sc, whole)
        if not self.split:
            with np.errstate(divide="ignore", invalid="ignore"):
                cop_x = -m0 / ry
                cop_y = 0.0 * cop_x
            return {"total": (rx, ry), "leg": (self.leg_share * rx, self.leg_share * ry),
                    "cop": (cop_x, cop_y)}
        share = self.front_share
        rear_pt = self.points[f"rear_{self.rear_contact}"].evaluate(sc)
        rfx, rfy = share * rx, share * ry
        rrx, rry = (1 - share) * rx, (1 - share) * ry
        m_rear = rear_pt[0] * rry - rear_pt[1] * rrx
        with np.errstate(divide="ignore", invalid="ignore"):
            cop_x = -(m0 + m_rear) / rfy
            cop_y = 0.0 * cop_x
        return {"total": (rx, ry), "front": (rfx, rfy), "rear": (rrx, rry), "cop": (cop_x, cop_y),
                "rear_cop": rear_pt}

    @np.errstate(invalid="ignore")  # a foot with no vertical load has its centre of pressure at infinity: NaN
    def bottom_up(self, sc: SinCos) -> dict[str, Any]:
        """Joint moments from the ground reaction upward (an independent route).

        The ground reaction comes from the whole body's balance, not from the joint
        moments; each joint's moment is then minus the moment of everything below it.
        For a split stance these are the primary leg moments.
        """
        if self.support != "feet":
            raise InputValueError("bottom-up moments need the feet on the ground (support='feet').")
        gr = self.ground_reaction(sc)
        cx, cy = gr["cop"]
        out: dict[str, Any] = {}
        legs = ("front", "rear") if self.split else ("front",)
        for leg in legs:
            if self.split:
                grf = gr[leg]
                cop = (cx, cy) if leg == "front" else gr["rear_cop"]
            else:
                grf, cop = gr["leg"], (cx, cy)
            res = {}
            for j in LEG_JOINTS:
                jx, jy = self.joint_point(j, leg).evaluate(sc)
                below = self.moment_about(sc, self.free_items(j, leg, side="down"), (jx, jy))
                below = below + (cop[0] - jx) * grf[1] - (cop[1] - jy) * grf[0]
                res[j] = SIGN[j] * (-below)
            out[leg] = res
        # lumbar: everything below L5/S1 with the whole ground reaction
        lx, ly = self.points["lumbar"].evaluate(sc)
        below = self.moment_about(sc, [(it, it.multiplicity) for it, _ in self.free_items("lumbar", "front", side="down")],
                                  (lx, ly))
        if self.split:
            for key, cop in (("front", (cx, cy)), ("rear", gr["rear_cop"])):
                fx, fy = gr[key]
                below = below + (cop[0] - lx) * fy - (cop[1] - ly) * fx
        else:
            fx, fy = gr["total"]
            below = below + (cx - lx) * fy - (cy - ly) * fx
        out["lumbar"] = SIGN["lumbar"] * (-below)
        return out

    def split_moments(self, sc: SinCos) -> dict[str, dict[str, Any]]:
        """Both legs' moments in a split stance, from each foot's ground reaction."""
        bu = self.bottom_up(sc)
        return {"front": bu["front"], "rear": bu["rear"]}

    def top_down_split(self, sc: SinCos, leg: str) -> dict[str, Any]:
        """A split stance's leg moments from above (trunk, arms, the other leg and its
        ground reaction): the second route, for checks."""
        gr = self.ground_reaction(sc)
        other = "rear" if leg == "front" else "front"
        ocop = gr["rear_cop"] if other == "rear" else gr["cop"]
        ogrf = gr[other]
        out = {}
        for j in LEG_JOINTS:
            jx, jy = self.joint_point(j, leg).evaluate(sc)
            above = self.moment_about(sc, self.free_items(j, leg, side="up"), (jx, jy))
            above = above + (ocop[0] - jx) * ogrf[1] - (ocop[1] - jy) * ogrf[0]
            out[j] = SIGN[j] * above
        return out


# --------------------------------------------------------------------------- results
@dataclass(frozen=True)
class Contribution:
    """One load's share of the joint moments: its force, moment arm and moment per joint.

    ``force`` is the load's resultant force on the joint's free side (N, world
    axes, shape (..., 2)): for a leg joint, what one leg carries (half of a load above the
    hips in a two-leg stance, the leg's own segment whole); ``moment_arm`` is its signed
    perpendicular distance (m), signed like the moment it makes, so that
    ``|force| * moment_arm = moment``; ``moment`` is in N*m with anatomical signs.
    """

    label: str
    force: JointValues
    moment_arm: JointValues
    moment: JointValues


class MomentResult(ResultBase):
    """Static joint moments of one or many poses, with what explains them.

    A member of the result family (:mod:`biomech.mechanics.results`): ``.moments`` (a
    :class:`~biomech.mechanics.results.JointValues`, N·m), the shortcuts ``.ankle .knee .hip .lumbar``,
    ``.per_kg`` (N·m/kg), ``.dims``, ``to_dict()``, ``to_dataframe()``; and ``.moment_arms``
    (m), ``.pose``, ``.feasible``, ``.reason``. Leg joints are per leg, the lumbar moment the
    whole body's. Also ``contributions`` (the per-load table, :meth:`table`), ``positions``
    (landmark name -> (..., 2) m), ``ground_reaction`` and ``cop``, ``ankle_per_cm_cop``
    (N·m per cm of centre-of-pressure shift).

    Split stance: ``.moments`` holds the front leg's ankle, knee and hip moments and the
    whole body's lumbar moment; ``.front`` and ``.rear`` are each leg's
    :class:`LegResult` (same family; their lumbar is the shared whole-body one).

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> res = bm.joint_moments(body, bm.Pose(shank="30 deg", thigh="90 deg", trunk="45 deg"),
    ...                        [bm.Barbell("100 kg")])
    >>> bool(res.moments.knee == res.knee), res.dims, res.feasible
    (True, (), True)
    """

    def __init__(self, model: StaticModel, pose, angles, moments: dict[str, Any]):
        self.model = model
        self.body = model.body
        self.pose = pose
        self.stance = model.stance
        self.support = model.support
        self._angles = angles  # segment angles (radians) or their SinCos
        try:  # every joint's moments of one shape (a joint that does not depend on an array parameter too)
            shape = np.broadcast_shapes(*(np.shape(v) for v in moments.values()))
            moments = {k: v if np.shape(v) == shape else np.broadcast_to(v, shape) for k, v in moments.items()}
        except ValueError:  # pragma: no cover - the kernels give broadcastable moments
            pass
        self._m = moments

    def _moment_si(self):
        return self._m

    def _mass_kg(self):
        return self.body.mass_kg

    @cached_property
    def _sc(self) -> SinCos:
        """Sines and cosines of the pose, computed when a landmark or force is first asked for."""
        return self.model.sincos(self._angles)

    @property
    def shape(self) -> tuple[int, ...]:
        return np.shape(self._m["knee"])

    @cached_property
    def _resultants(self) -> dict[str, tuple[Any, Any]]:
        out = {}
        for j in JOINTS:
            if self.model.split and j != "lumbar":
                out[j] = self._leg_resultant(j, "front")
            else:
                out[j] = self.model.external_resultant(self._sc, self.model.free_items(j))
        return out

    def _leg_resultant(self, j: str, leg: str):
        """Split stance: the force on the free side above a leg joint, minus everything
        below it, that foot's ground reaction included."""
        gr = self.model.ground_reaction(self._sc)
        fx, fy = self.model.external_resultant(self._sc, self.model.free_items(j, leg, side="down"))
        return (-(fx + gr[leg][0]), -(fy + gr[leg][1]))

    @cached_property
    def _force_scale(self):
        """Sum of the magnitudes of every external force on the body, N (per pose): the scale a
        resultant is compared with before a moment arm is given (see ``ARM_RELATIVE_CUTOFF``)."""
        total = 0.0
        for it, share in self.model.whole_body():
            f = self.model._item_force(it, self._sc)
            total = total + abs(share) * np.hypot(f[0], f[1])
        return total

    @cached_property
    def moment_arms(self) -> JointValues:
        """Signed perpendicular distance from each joint to the line of action of the
        resultant external force on its free side, m (NaN where that force vanishes)."""
        tol = ARM_RELATIVE_CUTOFF * self._force_scale
        return JointValues.from_si({j: _arm(self._m[j], *self._resultants[j], tol=tol) for j in JOINTS}, "m")

    @cached_property
    def resultant_forces(self) -> JointValues:
        """Resultant external force on each joint's free side, N, shape (..., 2)."""
        return JointValues(*(quantity(np.stack(np.broadcast_arrays(*self._resultants[j]), axis=-1), "N")
                             for j in JOINTS))

    @cached_property
    def contributions(self) -> dict[str, Contribution]:
        """The per-load table: each load's force, moment arm and moment at every joint.

        Labels: the body's segment weights (``foot``, ``shank``, ``thigh``, ``trunk``,
        ``arms``) and each load by its label (``bar``, ``hands``, ``band``, ...).
        The force is the part of the load on the joint's free side (for a leg joint, what
        that leg carries); the arm is signed so that ``|force| x arm = moment`` on every
        row. For a split stance the leg joints' entries are the front leg's, seen from
        above, with the rear foot's ground reaction as its own entry.
        """
        m = self.model
        sc = self._sc
        table: dict[str, dict[str, tuple]] = {}
        for j in JOINTS:
            leg = "front"
            jx, jy = m.joint_point(j, leg).evaluate(sc)
            side = m.free_side[j] if not (m.split and j != "lumbar") else "up"
            sign_side = 1.0 if side == "up" else -1.0
            groups: dict[str, list] = {}
            for it, share in m.free_items(j, leg, side=side):
                groups.setdefault(it.label, []).append((it, share))
            if m.split and j != "lumbar":
                groups["rear ground reaction"] = []
            for label, members in groups.items():
                if label == "rear ground reaction":
                    gr = m.ground_reaction(sc)
                    cx, cy = gr["rear_cop"]
                    fx, fy = gr["rear"]
                    mo = (cx - jx) * fy - (cy - jy) * fx
                else:
                    fx, fy = m.external_resultant(sc, members)
                    mo = m.moment_about(sc, members, (jx, jy))
                moment = SIGN[j] * sign_side * mo
                if j in m.held:
                    moment = moment * np.nan
                table.setdefault(label, {})[j] = (fx, fy, _arm(moment, fx, fy,
                                                                tol=ARM_RELATIVE_CUTOFF * self._force_scale), moment)
        out = {}
        for label, per_joint in table.items():
            f, a, mo = {}, {}, {}
            for j in JOINTS:
                if j in per_joint:
                    fx, fy, arm, moment = per_joint[j]
                else:
                    fx = fy = 0.0
                    moment = np.nan if j in m.held else 0.0
                    arm = np.nan
                f[j] = np.stack(np.broadcast_arrays(fx, fy), axis=-1)
                a[j] = arm if np.ndim(arm) else float(arm)
                mo[j] = moment
            out[label] = Contribution(label, JointValues.from_si(f, "N"), JointValues.from_si(a, "m"),
                                      JointValues.from_si(mo, "N*m"))
        return out

    def per_load(self) -> list[dict[str, Any]]:
        """The per-load table of one pose as rows of plain numbers: ``load``, ``joint``,
        ``force_N`` (the size of the load's force on that joint's free side: per leg for leg
        joints), ``moment_arm_m`` (signed) and ``moment_N_m``, with
        ``force_N * moment_arm_m == moment_N_m`` on every row; held joints have NaN arm and
        moment. The rows :meth:`table` prints.
        """
        if self.shape != ():
            raise InputValueError("per_load() describes one pose; index the pose array first.")
        rows = []
        for label, c in self.contributions.items():
            for j in JOINTS:
                fx, fy = c.force.si(j)
                rows.append({"load": label, "joint": j, "force_N": float(np.hypot(fx, fy)),
                             "moment_arm_m": float(c.moment_arm.si(j)), "moment_N_m": float(c.moment.si(j))})
        return rows

    def table(self, joints: Sequence[str] = JOINTS) -> str:
        """The per-load table as text: for each load and joint the force on the joint's free
        side (N; for a leg joint what one leg carries: half of a load above the hips in a
        two-leg stance, the front leg's share in a split stance), its moment arm (cm) and
        the moment (N·m), so that force x arm = moment on every row.

        Only for a single pose.

        Examples
        --------
        >>> import biomech as bm
        >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
        >>> res = bm.joint_moments(body, bm.Pose(shank="30 deg", thigh="90 deg", trunk="45 deg"),
        ...                        [bm.Barbell("100 kg")])
        >>> print(res.table(joints=("knee",)).splitlines()[1])
        load                   force N  arm cm     N·m
        """
        if self.shape != ():
            raise InputValueError("table() prints one pose; index the pose array first.")
        rows = {(r["load"], r["joint"]): r for r in self.per_load()}
        w = 24  # one block per joint: force N, arm cm, moment N·m

        def block(force, arm, moment):
            return f"{force:>8}{arm:>8}{moment:>8}"

        lines = [(f"{'':<22}" + "".join(f"{j:^{w}}" for j in joints)).rstrip(),
                 f"{'load':<22}" + "".join(block("force N", "arm cm", "N·m") for _ in joints)]
        lines.append("-" * len(lines[1]))
        for label in self.contributions:
            line = f"{label:<22}"
            for j in joints:
                r = rows[(label, j)]
                present = r["force_N"] > 1e-9
                arm = r["moment_arm_m"] * 100.0
                mom = ("held" if j in self.model.held else
                       f"{r['moment_N_m']:.4g}" if present or r["moment_N_m"] != 0.0 else "")
                line += block(f"{r['force_N']:.4g}" if present else "",
                              "" if not np.isfinite(arm) else f"{arm:.4g}", mom)
            lines.append(line)
        lines.append("-" * len(lines[1]))
        tot = f"{'net joint moment':<22}"
        for j in joints:
            force = float(np.hypot(*self._resultants[j]))
            arm = float(self.moment_arms.si(j)) * 100.0
            tot += block(f"{force:.4g}" if force > 1e-9 else "", "" if np.isnan(arm) else f"{arm:.4g}",
                         "held" if j in self.model.held else f"{float(self._m[j]):.4g}")
        lines.append(tot)
        if self.model.split:
            share = "the front leg, seen from above; the rear foot's ground reaction is its own row"
        elif self.model.stance == "single_leg":
            share = "the one leg carries everything"
        elif self.support == "feet":
            share = "per leg, each carrying half of what is above the hips"
        else:
            share = "per leg, each carrying half of a load held by both legs"
        lines.append(f"Force: the load's force on the joint's free side (leg joints: {share}); "
                     f"force x arm = moment.")
        lines.append("Signs: + = ankle plantarflexor, knee extensor, hip extensor, lumbar extensor demand.")
        if self.model.held:
            lines.append(f"held: {', '.join(self.model.held)} rest(s) on the machine on both sides "
                         f"(support={self.support!r}); statics does not decide that moment.")
        return "\n".join(line.rstrip() for line in lines)

    @cached_property
    def positions(self) -> dict[str, Any]:
        """Landmarks (x, y) in m, shape (*pose shape, 2): joints, foot points, centre of
        pressure, system centre of mass (``com``, body and load masses). Every landmark has
        the pose's shape, even one that does not move (the toe with a flat foot)."""
        shape = self.shape

        def xy(x, y):
            x, y = np.broadcast_to(x, shape), np.broadcast_to(y, shape)
            return quantity(np.stack((x, y), axis=-1), "m")

        out = {name: xy(*p.evaluate(self._sc)) for name, p in self.model.points.items()}
        out["com"] = xy(*self._system_com())
        if self.support == "feet":
            out["cop"] = xy(*self.model.ground_reaction(self._sc)["cop"])
        return out

    def _system_com(self):
        mx = my = mt = 0.0
        for it, mult in self.model.whole_body():
            if np.all(np.asarray(it.mass_kg) == 0):
                continue
            x, y = it.point.evaluate(self._sc)
            w = mult * it.mass_kg
            mx, my, mt = mx + w * x, my + w * y, mt + w
        return mx / mt, my / mt

    @cached_property
    def ground_reaction(self):
        """Ground reaction force per leg (front leg in a split stance), N, shape (..., 2)."""
        self._need_feet()
        gr = self.model.ground_reaction(self._sc)
        f = gr["front"] if self.model.split else gr["leg"]
        return quantity(np.stack(np.broadcast_arrays(*f), axis=-1), "N")

    def _need_feet(self):
        if self.support != "feet":
            raise InputValueError(f"support={self.support!r}: the feet carry no body weight here, so there is no "
                                  f"ground reaction to report.")

    @cached_property
    def cop(self):
        """Centre of pressure of the (front) foot, m, shape (..., 2), on the ground line.

        NaN where the external forces lift the body off the ground (no downward load on
        the feet; :attr:`reason` says ``"lift_off"``).
        """
        self._need_feet()
        fy = self.ground_reaction.magnitude[..., 1]
        cop = self.positions["cop"].magnitude
        with np.errstate(invalid="ignore"):
            return quantity(np.where((fy > 0)[..., None], cop, np.nan), "m")

    @cached_property
    def reason(self):
        """Why each pose cannot stand, per element (``""`` where it can): ``"balance"``
        (split stance: the front foot's share leaves it no vertical ground reaction),
        ``"not_finite"``, ``"lift_off"`` (no downward load on the feet),
        ``"cop_behind_heel"``, ``"cop_past_toes"``. Only standing supports check the centre
        of pressure."""
        why = np.full(self.shape, "", dtype=object)
        if self.support == "feet" and self.model.split:
            front_fy = np.broadcast_to(self.model.ground_reaction(self._sc)["front"][1], self.shape)
            with np.errstate(invalid="ignore"):
                why[~(front_fy > 0)] = "balance"
        bad = np.zeros(self.shape, dtype=bool)
        for j in JOINTS:
            if j not in self.model.held:
                bad |= ~np.isfinite(self._m[j])
        why[bad & (why == "")] = "not_finite"
        if self.support == "feet":
            fy = np.broadcast_to(self.ground_reaction.magnitude[..., 1], self.shape)
            cx = np.broadcast_to(self.positions["cop"].magnitude[..., 0], self.shape)
            hx = np.broadcast_to(self.positions["heel"].magnitude[..., 0], self.shape)
            tx = np.broadcast_to(self.positions["toe"].magnitude[..., 0], self.shape)
            with np.errstate(invalid="ignore"):
                for mask, label in ((~(fy > 0), "lift_off"), (cx < hx - 1e-12, "cop_behind_heel"),
                                    (cx > tx + 1e-12, "cop_past_toes")):
                    new = mask & (why == "")
                    why[new] = label
        return why if self.shape else str(why[()])

    @cached_property
    def feasible(self):
        """Boolean mask: the pose stands (vertical ground reaction > 0 for standing supports,
        centre of pressure within the foot) and its moments are finite; see :attr:`reason`."""
        return np.asarray(self.reason == "") if self.shape else self.reason == ""

    @cached_property
    def cop_in_foot(self):
        """Whether the centre of pressure lies between heel and toe tip (boolean array)."""
        return self.cop_outside_by.magnitude == 0

    @cached_property
    def cop_outside_by(self):
        """How far the centre of pressure lies outside the heel-to-toe span, m (0 inside)."""
        self._need_feet()
        cx = self.positions["cop"].to("m").magnitude[..., 0]
        hx = self.positions["heel"].magnitude[..., 0]
        tx = self.positions["toe"].magnitude[..., 0]
        return quantity(np.maximum(hx - cx, 0) + np.maximum(cx - tx, 0), "m")

    @cached_property
    def ankle_per_cm_cop(self):
        """Change of the ankle moment per centimetre the centre of pressure moves forward,
        N*m/cm: the vertical ground reaction on the foot times 1 cm."""
        self._need_feet()
        return quantity(self.ground_reaction.magnitude[..., 1] * 0.01, "N*m/cm")

    @cached_property
    def knee_travel(self):
        """Front of the knee ahead of the toe tip, m (positive = knee past the toes)."""
        p = self.positions
        return quantity(p["knee_front"].magnitude[..., 0] - p["toe"].magnitude[..., 0], "m")

    @cached_property
    def knee_travel_centre(self):
        """Knee joint centre ahead of the toe tip, m."""
        p = self.positions
        return quantity(p["knee"].magnitude[..., 0] - p["toe"].magnitude[..., 0], "m")

    def bottom_up(self) -> JointValues:
        """The same moments from the ground up (whole-body balance first); for checks."""
        bu = self.model.bottom_up(self._sc)
        return JointValues.from_si({**bu["front"], "lumbar": bu["lumbar"]}, "N*m")

    @property
    def legs(self) -> dict[str, "LegResult"]:
        """Split stance: ``{"front": ..., "rear": ...}`` (:class:`LegResult`); otherwise empty."""
        return {"front": self.front, "rear": self.rear} if self.model.split else {}

    @cached_property
    def front(self) -> "LegResult":
        """Split stance: the front leg's result."""
        return self._leg("front")

    @cached_property
    def rear(self) -> "LegResult":
        """Split stance: the rear leg's result."""
        return self._leg("rear")

    def _leg(self, leg: str) -> "LegResult":
        if not self.model.split:
            # AttributeError, so that hasattr(result, "front") tells a split stance apart
            raise AttributeError("front and rear legs exist only for a SplitPose.")
        return LegResult(self, leg)

    # ------------------------------------------------------------------ family hooks
    def _pose_dict(self) -> dict[str, Any]:
        ang = self.pose.segment_angles_rad()
        return {k: jsonable(np.degrees(v)) for k, v in ang.items()}

    def _dict_extras(self) -> dict[str, Any]:
        out = {"moment_arms_m": self.moment_arms.to_dict(), "feasible": jsonable(self.feasible),
               "reason": jsonable(self.reason), "stance": self.stance, "support": self.support,
               "pose_deg": self._pose_dict()}
        if self.model.split:
            out["legs"] = {leg: {"moments_N_m": r.moments.to_dict(), "moment_arms_m": r.moment_arms.to_dict()}
                           for leg, r in self.legs.items()}
        return out

    def _frame_columns(self) -> dict[str, Any]:
        cols = {f"{j}_arm_m": self.moment_arms.si(j) for j in JOINTS}
        cols["feasible"] = self.feasible
        cols["reason"] = self.reason
        return cols

    def _repr_fields(self) -> list[str]:
        if self.shape == ():
            return [] if self.feasible else [f"feasible=False, reason={self.reason!r}"]
        return [f"feasible={int(np.sum(self.feasible))}/{int(np.size(self.feasible))}"]


def _arm(moment, fx, fy, tol=0.0):
    """Signed moment arm, m: moment / |F| (NaN where the force vanishes, or is no larger than
    ``tol``, N: the cutoff relative to the forces involved, ``ARM_RELATIVE_CUTOFF``)."""
    mag = np.hypot(fx, fy)
    with np.errstate(divide="ignore", invalid="ignore"):
        big = (mag > tol) & (mag > 0)
        arm = np.where(big, moment / np.where(big, mag, 1.0), np.nan)
    return arm if np.ndim(arm) else float(arm)


class LegResult(ResultBase):
    """One leg of a split stance: a member of the result family.

    ``.moments`` holds this leg's ankle, knee and hip moments (N·m, from its own foot's
    ground reaction) and the whole body's lumbar moment (shared by both legs);
    ``.moment_arms`` are this leg's; ``.pose`` is the leg seen with the shared trunk (a
    :class:`~biomech.model.pose.Pose`); ``.feasible`` and ``.reason`` are the stance's.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> pose = bm.SplitPose(front=bm.LegPose(shank="20 deg", thigh="80 deg"),
    ...                     rear=bm.LegPose(shank="65 deg", thigh="-10 deg", foot="55 deg"), trunk="10 deg")
    >>> res = bm.joint_moments(body, pose)
    >>> bool(res.rear.lumbar == res.lumbar), bool(res.front.knee == res.knee)
    (True, True)
    """

    def __init__(self, parent: MomentResult, leg: str):
        self.parent = parent
        self.leg = leg
        self.body = parent.body
        self.pose = parent.pose.front_pose() if leg == "front" else parent.pose.rear_pose()
        self._dims = parent.dims

    @cached_property
    def _m(self):
        mom = dict(self.parent.model.split_moments(self.parent._sc)[self.leg])
        mom["lumbar"] = self.parent._m["lumbar"]
        return mom

    def _moment_si(self):
        return self._m

    @property
    def shape(self):
        return self.parent.shape

    @cached_property
    def moment_arms(self) -> JointValues:
        """Signed perpendicular distance from each joint of this leg to the line of action of
        the resultant force on the part above it, m; the lumbar one is the whole body's."""
        arms = {j: _arm(self._m[j], *self.parent._leg_resultant(j, self.leg),
                            tol=ARM_RELATIVE_CUTOFF * self.parent._force_scale) for j in LEG_JOINTS}
        arms["lumbar"] = self.parent.moment_arms.si("lumbar")
        return JointValues.from_si(arms, "m")

    feasible = property(lambda self: self.parent.feasible, doc="The stance's feasibility.")
    reason = property(lambda self: self.parent.reason, doc="Why not (``\"\"`` where feasible).")

    def _title(self):
        return f"LegResult[{self.leg}]"

    def _dict_extras(self):
        return {"leg": self.leg, "moment_arms_m": self.moment_arms.to_dict(), "feasible": jsonable(self.feasible),
                "reason": jsonable(self.reason)}

    def _frame_columns(self):
        cols = {f"{j}_arm_m": self.moment_arms.si(j) for j in JOINTS}
        cols["feasible"], cols["reason"] = self.feasible, self.reason
        return cols


# --------------------------------------------------------------------------- public
def joint_moments(body: Body, pose: Pose | SplitPose, loads: Sequence[Load] | Load = (), stance: str = "both",
                  support: str = "feet", *, front_share: Any = 0.5, rear_contact: str | None = None) -> MomentResult:
    """Static net joint moments at ankle, knee, hip (per leg) and L5/S1 (whole body).

    Parameters
    ----------
    body : Body
    pose : Pose or SplitPose
        One pose or arrays of poses (broadcast). A SplitPose implies ``stance="split"``.
    loads : Load or sequence of Load
        Barbell, PointMass, PointForce, HandLoad, ElasticBand, Cable.
    stance : {"both", "single_leg"}
        See the module docs; ignored for a SplitPose.
    support : {"feet", "pelvis", "thighs", "backrest", "bench"}
        What holds the body; each joint's moment comes from the side away from it.
    front_share : float
        Split stance: fraction (0..1) of the ground reaction through the front foot.
    rear_contact : {"ball", "heel", "instep"}, optional
        Split stance: where the rear foot meets its support (default: the pose's
        ``rear_foot``).

    Returns
    -------
    MomentResult
        Moments in N*m with anatomical signs (+ = plantarflexor, knee extensor, hip
        extensor, lumbar extensor demand), moment arms, per-load contributions,
        positions, ground reaction and centre of pressure (a member of the result family,
        :mod:`biomech.mechanics.results`).

    Notes
    -----
    The pose is yours, so whether it can stand is part of the answer, never an error: a
    pose the feet cannot balance (lifted off, centre of pressure outside the foot, a split
    stance whose ``front_share`` leaves the front foot unloaded) comes back with
    ``feasible=False`` and a ``reason``, for one pose or per element of an array
    (docs/errors.md, "When a request fails"). Calling it again with the same body and
    load objects reuses the model built the first time.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> pose = bm.Pose(shank="30 deg", thigh="90 deg", trunk="45 deg")
    >>> res = bm.joint_moments(body, pose, [bm.Barbell("100 kg", "high_bar")])
    >>> bool(res.knee.magnitude > 0 and res.hip.magnitude > 0)
    True
    """
    if isinstance(loads, Load):
        loads = [loads]
    if isinstance(pose, SplitPose):
        stance = "split"
        rear_contact = rear_contact or pose.rear_foot
    elif isinstance(pose, Pose):
        if stance == "split":
            raise InputValueError("stance='split' needs a SplitPose (each leg its own angles).")
    else:
        raise InputValueError(f"pose={pose!r} must be a biomech.Pose or SplitPose.")
    model = _model(body, loads, stance, support, front_share, rear_contact or "ball")
    angles = pose.segment_angles_rad()
    try:
        moments = model.moments(angles)
        np.broadcast_shapes(*(np.shape(m) for m in moments.values()))
    except ValueError as exc:
        if isinstance(exc, InputValueError):
            raise
        raise InputValueError(f"the pose arrays (shape {pose.shape}) and the load arrays do not broadcast "
                              f"together ({exc}).") from None
    for j, m in moments.items():
        finite = math.isfinite(m) if isinstance(m, float) else bool(np.all(np.isfinite(m)))
        if j not in model.held and not finite:
            _explain_non_finite(model, angles)
            break
    return MomentResult(model, pose, angles, moments)


#: Models built lately, by the identity of their (frozen) inputs: a second call with the same
#: body and loads skips building the chain (most of a single-pose call's time).
_MODELS: "OrderedDict[tuple, tuple]" = OrderedDict()
_MODELS_KEPT = 16


def _model(body, loads, stance, support, front_share, rear_contact) -> StaticModel:
    loads = list(loads) if isinstance(loads, (list, tuple)) else loads
    if (not isinstance(loads, list) or not isinstance(front_share, (int, float, str))
            or not all(isinstance(x, str) for x in (stance, support, rear_contact))):
        return StaticModel(body, loads, stance, support, front_share, rear_contact)
    key = (id(body), tuple(id(ld) for ld in loads), stance, support, front_share, rear_contact)
    hit = _MODELS.get(key)
    if hit is not None and hit[0] is body and all(a is b for a, b in zip(hit[1], loads)):
        return hit[2]
    model = StaticModel(body, loads, stance, support, front_share, rear_contact)
    _MODELS[key] = (body, tuple(loads), model)  # strong references keep the ids unique
    while len(_MODELS) > _MODELS_KEPT:
        try:
            _MODELS.popitem(last=False)
        except KeyError:  # emptied by another thread meanwhile
            break
    return model


def _explain_non_finite(model: StaticModel, angles) -> None:
    """Raise the right error for moments that came out NaN or infinite from finite inputs.

    A split stance whose front foot gets no vertical ground reaction is not an error: the
    result reports it (``feasible=False``, ``reason="balance"``)."""
    if model.split:
        gr = model.ground_reaction(model.sincos(angles))
        if np.any(np.asarray(gr["front"][1]) <= 0):
            return
    raise RangeError("the moments overflowed (they are not finite numbers): some input is too large to compute "
                     "with; use plausible masses, lengths and forces.")
