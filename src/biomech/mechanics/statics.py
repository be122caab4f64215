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
  part of the model (held clear, its weight taken elsewhere), as in DESIGN.md's
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

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterable, Sequence

import numpy as np

from ..model.body import Body
from ..errors import InfeasiblePoseError, InputValueError, RangeError
from ..model.kinematics import Form, LinearMap, Point, SinCos
from ..model.loads import G, ForceItem, Load
from ..model.pose import Pose, SplitPose
from ..units import as_fraction, quantity

__all__ = ["joint_moments", "StaticModel", "MomentResult", "JointValues", "Contribution", "JOINTS", "SIGN",
           "STANCES", "SUPPORTS", "landmarks"]

JOINTS = ("ankle", "knee", "hip", "lumbar")
LEG_JOINTS = ("ankle", "knee", "hip")
#: anatomical moment = SIGN[j] * (moment of the external forces above the joint)
SIGN = {"ankle": -1.0, "knee": 1.0, "hip": -1.0, "lumbar": -1.0}
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
    p["lumbar"] = p["hip"].plus("trunk", along=body.lumbar.along_m, offset=body.lumbar.offset_m)
    p["shoulder"] = p["hip"].plus("trunk", along=body.trunk.length_m)
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
    part: str             # level name: foot, shank, thigh, pelvis, trunk, arms
    leg: str | None       # "front", "rear" or None (above the hips)
    is_body: bool         # a segment's own weight
    point: Point
    force: tuple[Any, Any] | None
    mass_kg: Any
    field: Any
    multiplicity: float   # copies in the whole body (2 for a leg segment in a two-leg stance)


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
        self._forms = self._top_down_forms()
        self._joint_order = tuple(self._forms)
        self._map_built = False

    # ---------------------------------------------------------------- building
    def _place(self, it: ForceItem, is_body: bool, multiplicity: float = 1.0) -> _Item:
        point = self.points[_PROXIMAL[it.segment]].plus(it.segment, along=it.along_m, offset=it.offset_m)
        leg = None
        if it.segment in ("foot", "shank", "thigh"):
            leg = "front"
        elif it.segment.startswith("rear_"):
            leg = "rear"
        return _Item(it.label, it.segment, _part_of(it.segment, it.along_m, self.body), leg, is_body, point,
                     it.force, it.mass_kg, it.field, multiplicity)

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
                             self.points["hip"].plus("trunk", along=low_along, offset=low_offset),
                             (0.0, -G * m_low), m_low, None, 1.0))
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

    def _top_down_forms(self) -> dict[str, Form]:
        """For each joint, the moment of the constant forces on its free side as a Form.

        Expressed as ``M_up`` (moment of the forces above the joint) so that the
        anatomical moment is ``SIGN[joint] * M_up`` for either free side. Uses
        ``sum share (P - J) x F = sum share P x F - J x sum share F``: one cross product
        per item, one per joint.
        """
        crosses = {id(it): it.point.cross(it.force) for it in self.const_items}
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
            forms[j] = Form(const, {seg: tuple(v) for seg, v in w.items()}) - self.joint_point(j).cross((fx, fy))
        return forms

    # ---------------------------------------------------------------- evaluation
    def angles_needed(self) -> tuple[str, ...]:
        names = ["foot", "shank", "thigh", "trunk", "arms"]
        if self.split:
            names += ["rear_thigh", "rear_shank", "rear_foot"]
        return tuple(names)

    def sincos(self, angles: dict[str, Any]) -> SinCos:
        if isinstance(angles, SinCos):
            return angles
        angles = self._checked_angles(angles)
        try:
            return SinCos({k: angles[k] for k in self.angles_needed()})
        except KeyError as exc:
            raise InputValueError(f"angles must include {exc.args[0]!r} (radians).") from None

    def _field_moment(self, sc: SinCos, joint: str, leg: str = "front", labels: bool = False):
        """Moment (as M_up) and resultant of the pose-dependent forces on the free side."""
        J = self.joint_point(joint, leg)
        jx, jy = J.evaluate(sc)
        sign_side = 1.0 if self.free_side[joint] == "up" else -1.0
        total, per_label = 0.0, {}
        for it, share in self.free_items(joint, leg):
            if it.force is not None:
                continue
            x, y = it.point.evaluate(sc)
            fx, fy = it.field(x, y)
            m = sign_side * share * ((x - jx) * fy - (y - jy) * fx)
            total = total + m
            per_label[it.label] = per_label.get(it.label, 0.0) + m
        return (total, per_label) if labels else total

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
        if not self.split and not self.field_items and self._large(angles) and self._linear_map() is not None:
            try:
                rows = self._linear_map().evaluate(angles)
            except KeyError as exc:
                raise InputValueError(f"angles must include {exc.args[0]!r} (radians).") from None
            for n, j in enumerate(self._joint_order):  # signs applied in place: no second copy of the rows
                if SIGN[j] != 1:
                    rows[n] *= SIGN[j]
            return {j: rows[n] for n, j in enumerate(self._joint_order)}
        sc = self.sincos(angles)
        if self.split:
            out = self.split_moments(sc)["front"]
            out["lumbar"] = self._lumbar(sc)
            return out
        out = {}
        for j, form in self._forms.items():
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
        sizes = [np.size(v[0]) if isinstance(angles, SinCos) else np.size(v) for v in angles.values()]
        return max(sizes, default=0) >= StaticModel._LARGE

    def _linear_map(self) -> LinearMap | None:
        """Every joint's form as one matrix (the hot path for many poses); None for
        bodies whose lengths are arrays. Built on first use."""
        if not self._map_built:
            self._map = LinearMap.from_forms([self._forms[j] for j in self._joint_order])
            self._map_built = True
        return self._map

    def _lumbar(self, sc: SinCos):
        m_up = self._forms["lumbar"].evaluate(sc)
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
        total = 0.0
        for it, share in items:
            x, y = it.point.evaluate(sc)
            f = self._item_force(it, sc)
            total = total + share * (x * f[1] - y * f[0])
        return total

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
            return {"total": (rx, ry), "leg": (self.leg_share * rx, self.leg_share * ry),
                    "cop": (cop_x, 0.0 * cop_x)}
        share = self.front_share
        rear_pt = self.points[f"rear_{self.rear_contact}"].evaluate(sc)
        rfx, rfy = share * rx, share * ry
        rrx, rry = (1 - share) * rx, (1 - share) * ry
        m_rear = rear_pt[0] * rry - rear_pt[1] * rrx
        with np.errstate(divide="ignore", invalid="ignore"):
            cop_x = -(m0 + m_rear) / rfy
        return {"total": (rx, ry), "front": (rfx, rfy), "rear": (rrx, rry), "cop": (cop_x, 0.0 * cop_x),
                "rear_cop": rear_pt}

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
                below = 0.0
                for it, share in self.free_items(j, leg, side="down"):
                    x, y = it.point.evaluate(sc)
                    f = self._item_force(it, sc)
                    below = below + share * ((x - jx) * f[1] - (y - jy) * f[0])
                below = below + (cop[0] - jx) * grf[1] - (cop[1] - jy) * grf[0]
                res[j] = SIGN[j] * (-below)
            out[leg] = res
        # lumbar: everything below L5/S1 with the whole ground reaction
        lx, ly = self.points["lumbar"].evaluate(sc)
        below = 0.0
        for it, _ in self.free_items("lumbar", "front", side="down"):
            x, y = it.point.evaluate(sc)
            f = self._item_force(it, sc)
            below = below + it.multiplicity * ((x - lx) * f[1] - (y - ly) * f[0])
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
            above = 0.0
            for it, share in self.free_items(j, leg, side="up"):
                x, y = it.point.evaluate(sc)
                f = self._item_force(it, sc)
                above = above + share * ((x - jx) * f[1] - (y - jy) * f[0])
            above = above + (ocop[0] - jx) * ogrf[1] - (ocop[1] - jy) * ogrf[0]
            out[j] = SIGN[j] * above
        return out


# --------------------------------------------------------------------------- results
@dataclass(frozen=True)
class JointValues:
    """One Quantity per joint (ankle, knee, hip per leg; lumbar for the whole body)."""

    ankle: Any
    knee: Any
    hip: Any
    lumbar: Any

    def as_dict(self) -> dict[str, Any]:
        return {j: getattr(self, j) for j in JOINTS}

    def __getitem__(self, joint: str):
        if joint not in JOINTS:
            raise KeyError(f"{joint!r}: expected one of {JOINTS}")
        return getattr(self, joint)


@dataclass(frozen=True)
class Contribution:
    """One load's share of the joint moments: its force, moment arm and moment per joint.

    ``force`` is the load's resultant force on the joint's free side (N, world
    axes, shape (..., 2)); ``moment_arm`` is its signed perpendicular distance (m),
    signed like the moment it makes; ``moment`` is in N*m with anatomical signs.
    """

    label: str
    force: JointValues
    moment_arm: JointValues
    moment: JointValues


class MomentResult:
    """Static joint moments of one or many poses, with what explains them.

    Attributes (all pint Quantities; leg joints per leg, lumbar for the whole body):
    ``ankle``, ``knee``, ``hip``, ``lumbar`` (N*m); ``moments`` (a :class:`JointValues`);
    ``moment_arms`` (m); ``contributions`` (per-load :class:`Contribution` table);
    ``positions`` (landmark name -> (..., 2) m); ``ground_reaction`` and ``cop``;
    ``per_kg`` (N*m/kg); ``ankle_per_cm_cop`` (N*m per cm of centre-of-pressure
    shift). For a split stance ``front`` and ``rear`` hold each leg's moments.
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

    @cached_property
    def _sc(self) -> SinCos:
        """Sines and cosines of the pose, computed when a landmark or force is first asked for."""
        return self.model.sincos(self._angles)

    def _q(self, j):
        return quantity(self._m[j], "N*m")

    ankle = property(lambda self: self._q("ankle"), doc="Ankle moment per leg, N*m (+ plantarflexor).")
    knee = property(lambda self: self._q("knee"), doc="Knee moment per leg, N*m (+ extensor).")
    hip = property(lambda self: self._q("hip"), doc="Hip moment per leg, N*m (+ extensor).")
    lumbar = property(lambda self: self._q("lumbar"), doc="L5/S1 moment, whole body, N*m (+ extensor).")

    @property
    def moments(self) -> JointValues:
        """All four moments as a :class:`JointValues`."""
        return JointValues(*(self._q(j) for j in JOINTS))

    @property
    def shape(self) -> tuple[int, ...]:
        return np.shape(self._m["knee"])

    @cached_property
    def per_kg(self) -> JointValues:
        """Moments per kilogram of body mass, N*m/kg."""
        return JointValues(*(quantity(self._m[j] / self.body.mass_kg, "N*m/kg") for j in JOINTS))

    @cached_property
    def _resultants(self) -> dict[str, tuple[Any, Any]]:
        out = {}
        for j in JOINTS:
            if self.model.split and j != "lumbar":
                # the free side above a front-leg joint: minus everything below, ground reaction included
                gr = self.model.ground_reaction(self._sc)
                fx, fy = self.model.external_resultant(self._sc, self.model.free_items(j, "front", side="down"))
                out[j] = (-(fx + gr["front"][0]), -(fy + gr["front"][1]))
            else:
                out[j] = self.model.external_resultant(self._sc, self.model.free_items(j))
        return out

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
        vals = []
        tol = ARM_RELATIVE_CUTOFF * self._force_scale
        for j in JOINTS:
            fx, fy = self._resultants[j]
            mag = np.hypot(fx, fy)
            with np.errstate(divide="ignore", invalid="ignore"):
                big = (mag > tol) & (mag > 0)
                arm = np.where(big, self._m[j] / np.where(big, mag, 1.0), np.nan)
            vals.append(quantity(arm if np.ndim(arm) else float(arm), "m"))
        return JointValues(*vals)

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
        For a split stance the leg joints' entries are the front leg's, seen from
        above, with the rear foot's ground reaction as its own entry.
        """
        m = self.model
        sc = self._sc
        table: dict[str, dict[str, tuple]] = {}
        for j in JOINTS:
            leg = "front"
            J = m.joint_point(j, leg)
            jx, jy = J.evaluate(sc)
            side = m.free_side[j] if not (m.split and j != "lumbar") else "up"
            sign_side = 1.0 if side == "up" else -1.0
            groups: dict[str, list] = {}
            for it, share in m.free_items(j, leg, side=side):
                groups.setdefault(it.label, []).append((it, share))
            if m.split and j != "lumbar":
                groups["rear ground reaction"] = []
            for label, members in groups.items():
                fx = fy = mo = 0.0
                for it, share in members:
                    x, y = it.point.evaluate(sc)
                    f = m._item_force(it, sc)
                    fx, fy = fx + share * f[0], fy + share * f[1]
                    mo = mo + share * ((x - jx) * f[1] - (y - jy) * f[0])
                if label == "rear ground reaction":
                    gr = m.ground_reaction(sc)
                    cx, cy = gr["rear_cop"]
                    fx, fy = gr["rear"]
                    mo = (cx - jx) * fy - (cy - jy) * fx
                moment = SIGN[j] * sign_side * mo
                if j in m.held:
                    moment = moment * np.nan
                mag = np.hypot(fx, fy)
                tol = ARM_RELATIVE_CUTOFF * self._force_scale
                with np.errstate(divide="ignore", invalid="ignore"):
                    big = (mag > tol) & (mag > 0)
                    arm = np.where(big, moment / np.where(big, mag, 1.0), np.nan)
                table.setdefault(label, {})[j] = (fx, fy, arm, moment)
        out = {}
        for label, per_joint in table.items():
            f, a, mo = [], [], []
            for j in JOINTS:
                if j in per_joint:
                    fx, fy, arm, moment = per_joint[j]
                else:
                    fx = fy = 0.0
                    moment = np.nan if j in m.held else 0.0
                    arm = np.nan
                f.append(quantity(np.stack(np.broadcast_arrays(fx, fy), axis=-1), "N"))
                a.append(quantity(arm if np.ndim(arm) else float(arm), "m"))
                mo.append(quantity(moment, "N*m"))
            out[label] = Contribution(label, JointValues(*f), JointValues(*a), JointValues(*mo))
        return out

    def table(self, joints: Sequence[str] = JOINTS) -> str:
        """The per-load table as text: each load's whole-body force, and its moment arm
        and moment at each joint (leg joints per leg: a leg carries half of what is above
        the hips in a two-leg stance).

        Only for a single pose.
        """
        if self.shape != ():
            raise InputValueError("table() prints one pose; index the pose array first.")
        totals: dict[str, float] = {}
        for it, mult in self.model.whole_body():
            f = self.model._item_force(it, self._sc)
            totals[it.label] = totals.get(it.label, 0.0) + mult * np.asarray(f, dtype=float)
        lines = []
        head = f"{'load':<22}{'force N':>9}" + "".join(f"{j + ' arm cm':>14}{j + ' N*m':>12}" for j in joints)
        lines.append(head)
        lines.append("-" * len(head))
        for label, c in self.contributions.items():
            total = totals.get(label)
            weight = float(np.hypot(*total)) if total is not None else float("nan")
            row = f"{label:<22}{weight:9.1f}"
            for j in joints:
                arm = float(c.moment_arm[j].to("cm").magnitude)
                mom = float(c.moment[j].to("N*m").magnitude)
                shown = f"{'held':>12}" if j in self.model.held else f"{mom:12.1f}"
                row += f"{'' if np.isnan(arm) else f'{arm:.1f}':>14}{shown}"
            lines.append(row)
        lines.append("-" * len(head))
        tot = f"{'net joint moment':<22}{'':>9}"
        for j in joints:
            arm = float(self.moment_arms[j].to("cm").magnitude)
            shown = f"{'held':>12}" if j in self.model.held else f"{float(self._m[j]):12.1f}"
            tot += f"{'' if np.isnan(arm) else f'{arm:.1f}':>14}{shown}"
        lines.append(tot)
        lines.append("Signs: + = ankle plantarflexor, knee extensor, hip extensor, lumbar extensor demand; "
                     "leg joints per leg.")
        if self.model.held:
            lines.append(f"held: {', '.join(self.model.held)} rest(s) on the machine on both sides "
                         f"(support={self.support!r}); statics does not decide that moment.")
        return "\n".join(lines)

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
        the feet); for a single pose that raises :class:`InfeasiblePoseError`.
        """
        self._need_feet()
        fy = self.ground_reaction.magnitude[..., 1]
        if np.ndim(fy) == 0 and not fy > 0:
            raise InfeasiblePoseError(
                f"the vertical ground reaction on the foot is {float(fy):.1f} N: the external forces lift the body "
                f"off the ground, so there is no centre of pressure.", reason="lift_off",
                numbers={"vertical_ground_reaction_N": float(fy)})
        cop = self.positions["cop"].magnitude
        return quantity(np.where((fy > 0)[..., None], cop, np.nan), "m")

    @cached_property
    def reason(self):
        """Why each pose cannot stand, per element (``""`` where it can): ``"not_finite"``,
        ``"lift_off"`` (no downward load on the feet), ``"cop_behind_heel"``,
        ``"cop_past_toes"``. Only standing supports check the centre of pressure."""
        why = np.full(self.shape, "", dtype=object)
        bad = np.zeros(self.shape, dtype=bool)
        for j in JOINTS:
            if j not in self.model.held:
                bad |= ~np.isfinite(self._m[j])
        why[bad] = "not_finite"
        if self.support == "feet":
            fy = np.broadcast_to(self.ground_reaction.magnitude[..., 1], self.shape)
            cx = np.broadcast_to(self.positions["cop"].magnitude[..., 0], self.shape)
            hx = np.broadcast_to(self.positions["heel"].magnitude[..., 0], self.shape)
            tx = np.broadcast_to(self.positions["toe"].magnitude[..., 0], self.shape)
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
        return JointValues(*(quantity(bu["front"][j], "N*m") for j in LEG_JOINTS),
                           quantity(bu["lumbar"], "N*m"))

    @cached_property
    def front(self) -> "LegResult":
        """Split stance: the front leg's moments."""
        return self._leg("front")

    @cached_property
    def rear(self) -> "LegResult":
        """Split stance: the rear leg's moments."""
        return self._leg("rear")

    def _leg(self, leg: str) -> "LegResult":
        if not self.model.split:
            # AttributeError, so that hasattr(result, "front") tells a split stance apart
            raise AttributeError("front and rear legs exist only for a SplitPose.")
        mom = self.model.split_moments(self._sc)[leg]
        pose = self.pose.front_pose() if leg == "front" else self.pose.rear_pose()
        return LegResult(pose=pose, body=self.body, ankle=quantity(mom["ankle"], "N*m"),
                         knee=quantity(mom["knee"], "N*m"), hip=quantity(mom["hip"], "N*m"), lumbar=self.lumbar)

    def __repr__(self) -> str:
        if self.shape == ():
            vals = ", ".join(f"{j}={float(self._m[j]):.1f} N*m" for j in JOINTS)
            return f"MomentResult({vals})"
        return f"MomentResult(shape={self.shape})"


@dataclass(frozen=True)
class LegResult:
    """One leg's moments in a split stance (its pose seen with the shared trunk)."""

    pose: Pose
    body: Body
    ankle: Any
    knee: Any
    hip: Any
    lumbar: Any


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
        positions, ground reaction and centre of pressure.

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
    model = StaticModel(body, loads, stance, support, front_share, rear_contact or "ball")
    angles = pose.segment_angles_rad()
    try:
        moments = model.moments(angles)
        np.broadcast_shapes(*(np.shape(m) for m in moments.values()))
    except ValueError as exc:
        if isinstance(exc, InputValueError):
            raise
        raise InputValueError(f"the pose arrays (shape {pose.shape}) and the load arrays do not broadcast "
                              f"together ({exc}).") from None
    if not all(np.all(np.isfinite(m)) for j, m in moments.items() if j not in model.held):
        _explain_non_finite(model, angles)
    return MomentResult(model, pose, angles, moments)


def _explain_non_finite(model: StaticModel, angles) -> None:
    """Raise the right error for moments that came out NaN or infinite from finite inputs."""
    if model.split:
        gr = model.ground_reaction(model.sincos(angles))
        if np.any(np.asarray(gr["front"][1]) <= 0):
            raise InfeasiblePoseError(
                f"front_share={model.front_share:g} leaves the front foot no vertical ground reaction, so the "
                f"rear foot alone would have to balance the body; give the front foot a share above 0.",
                reason="balance", numbers={"front_share": model.front_share})
    raise RangeError("the moments overflowed (they are not finite numbers): some input is too large to compute "
                     "with; use plausible masses, lengths and forces.")
