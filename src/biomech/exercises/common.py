"""What every exercise shares: the result object, the balance solver, the sagittal
projection of a turned-out, wide stance, feasibility bookkeeping and the rep path.

Inside, everything is plain numpy in SI (m, kg, N, rad), vectorized over any number of
requests; units are converted once at each public function's edge.

The balance solver
------------------
A free-standing exercise is solved so that the ground reaction acts at a target point
of the foot. With constant external forces (gravity, fixed forces) the moment of all
external forces about the origin is, for the one segment angle left free (the trunk
lean, say), ``A sin(k) + B cos(k) + C`` (:mod:`biomech.model.kinematics`: every landmark is
affine in the sines and cosines of the segment angles). Putting the centre of pressure
at ``x_target`` is then ``A sin k + B cos k + C' = 0``, solved in closed form:
``k = asin(-C'/R) - atan2(B, A)``, ``R = hypot(A, B)``, taking the root on which leaning
further moves the centre of pressure forward (the stable, physical one). Bands and
cables make the forces depend on the pose; a few vectorized Newton steps then polish
the closed-form start.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Sequence

import numpy as np

from ..model.body import Body, FootGeometry, Segment
from ..errors import InfeasiblePoseError, InputValueError, UnitError
from ..model.kinematics import Form, SinCos
from ..model.loads import G
from ..mechanics.results import _quantity_entry
from ..mechanics.statics import MomentResult, StaticModel
from ..units import Q_, quantity, to_si

__all__ = ["ExerciseResult", "SplitExerciseResult", "Feasibility", "rep_path", "DORSIFLEXION_LIMIT_DEG",
           "hip_joint_spacing", "stance_projection", "array_body", "solve_affine", "whole_body_moment_form",
           "solve_lumbopelvic"]

#: Default limit of loaded ankle dorsiflexion in a squat, degrees (settable per call with
#: ``dorsiflexion_limit=``). Hemmerich et al. (2006, J Orthop Res 24:770-781, squatting
#: with the heels down) report peak ankle dorsiflexion of roughly 38-39 deg on average
#: (SD about 6 deg) in healthy adults; 40 deg sits just above that mean, so a request
#: beyond it is flagged rather than silently modelled.
DORSIFLEXION_LIMIT_DEG = 40.0

#: Hip joint centres lie 0.33 * pelvic width + 7.3 mm from the pelvis midline
#: (Harrington, Zavatsky, Lawson, Yuan & Theologis 2007, J Biomech 40:595, regression
#: for the mediolateral position). With the model's pelvic width of 0.14 * stature
#: (``anthropometry.PELVIS_WIDTH_PER_STATURE``, an assumption) the two hip joint centres
#: are 2 * (0.33 * 0.14 H + 0.0073) apart: about 0.18 m at 1.78 m.
HARRINGTON_ML_PER_PELVIS_WIDTH = 0.33
HARRINGTON_ML_OFFSET_M = 0.0073

#: Drillis & Contini (1966) via Winter (2009, Fig. 4.1): shank length 0.246 * stature,
#: used to estimate a stature for bodies built from segments.
SHANK_PER_STATURE = 0.246


# --------------------------------------------------------------------------- units at the edge
def as_angle(value: Any, name: str) -> Any:
    """Angle input (Quantity or string) to radians (float or array)."""
    return to_si(value, "rad", name)


def as_length(value: Any, name: str, **kw) -> Any:
    return to_si(value, "m", name, **kw)


def is_length(value: Any, name: str = "value") -> bool:
    """True when a Quantity/string has the dimension of a length (``name`` is the
    argument's name, for the error an unreadable string raises)."""
    from ..units import _as_quantity

    q = _as_quantity(value, name)
    return q is not None and q.check("[length]")


# --------------------------------------------------------------------------- argument checks
def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_body(body: Any, name: str = "body") -> Body:
    """``body`` must be a :class:`~biomech.model.body.Body`; refuse anything else naming ``name``."""
    if not isinstance(body, Body):
        raise InputValueError(f"{name}={_shown(body)} is not a Body; build one with "
                              f"bm.Body.from_anthropometrics(height, mass) or bm.Body.from_segments(...).")
    return body


def check_choice(value: Any, name: str, choices: Sequence[str], allow_none: bool = False) -> Any:
    """``value`` must be one of the names ``choices`` (a string); refuse naming ``name``."""
    if value is None and allow_none:
        return value
    if not isinstance(value, str) or value.strip().lower() not in choices:
        raise InputValueError(f"{name}={_shown(value)} is not one of {', '.join(map(repr, choices))}.")
    return value


def check_loads(value: Any, name: str = "extra_loads") -> tuple:
    """A sequence of :class:`~biomech.model.loads.Load` (None = none) as a tuple; refuse naming ``name``."""
    from collections.abc import Iterable, Mapping

    import pint

    from ..model.loads import Load

    if value is None:
        return ()
    if (isinstance(value, (str, bytes, Mapping, Load, pint.Quantity, np.ndarray))
            or not isinstance(value, Iterable)):
        raise InputValueError(f"{name}={_shown(value)} is not a sequence of loads; expected a list such as "
                              f"[bm.ElasticBand(...)] (or () for none).")
    items = tuple(value)
    for item in items:
        if not isinstance(item, Load):
            raise InputValueError(f"{name} holds {_shown(item)}, which is not a load; expected Barbell, PointMass, "
                                  f"PointForce, HandLoad, ElasticBand or Cable.")
    return items


def check_lengths(value: Any, name: str = "lengths") -> dict:
    """A dict of segment lengths (None = none); refuse anything else naming ``name``."""
    from collections.abc import Mapping

    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InputValueError(f"{name}={_shown(value)} is not a dict of segment lengths; expected e.g. "
                              f"{{'thigh': Q_(45, 'cm')}}.")
    return dict(value)


def check_broadcasts_into(value: Any, shape: tuple[int, ...], name: str) -> None:
    """An array argument that is not part of the exercise's own shape must broadcast into it."""
    try:
        ok = np.broadcast_shapes(np.shape(value), shape) == tuple(shape)
    except ValueError:
        ok = False
    if not ok:
        raise InputValueError(f"{name}: an array of shape {np.shape(value)} does not broadcast into the shape "
                              f"{tuple(shape)} of the other parameters.")


def check_single(value: Any, name: str) -> Any:
    """``value`` (already in SI) must be a single number: this argument does not sweep."""
    if np.ndim(value) != 0:
        raise InputValueError(f"{name}: an array of shape {np.shape(value)} was given; this argument takes a single "
                              f"value (sweep the exercise's other parameters, or call it once per value).")
    return value


def cop_value(cop: Any, choices: Sequence[str], name: str = "cop") -> Any:
    """A centre-of-pressure target: one of the named points ``choices`` (returned lower-case) or a
    distance from the heel along the foot, a Quantity or a string such as ``"10 cm"`` (returned in m)."""
    if isinstance(cop, str) and cop.strip().lower() in choices:
        return cop.strip().lower()
    try:
        return as_length(cop, name)
    except UnitError:
        if isinstance(cop, str):
            raise InputValueError(f"{name}={_shown(cop)} is not a target point; expected one of "
                                  f"{', '.join(choices)} or a distance from the heel along the foot (a length such as "
                                  f"'10 cm').") from None
        raise


def check_scalar_length(value: Any, name: str, **kw: Any) -> float:
    """A single length in m (a sweep is not supported for this argument)."""
    v = as_length(value, name, **kw)
    if np.ndim(v) != 0:
        raise InputValueError(f"{name}: an array of shape {np.shape(v)} was given; this argument takes a single "
                              f"length.")
    return v


def load_mass(load: Any, name: str = "load") -> Any:
    """A load given as a mass (kg) or as a weight force (N, converted with g)."""
    if load is None:
        return 0.0
    from ..units import _as_quantity

    q = _as_quantity(load, name)
    if q is None:
        to_si(load, "kg", name)  # raises the library's no-unit error
    if q.check("[force]"):
        return to_si(q, "N", name, nonnegative=True) / G
    return to_si(q, "kg", name, nonnegative=True)


def fraction_in(value: Any, name: str, low: float = 0.0, high: float = 1.0) -> Any:
    from ..units import as_fraction

    return as_fraction(value, name, low, high)


# --------------------------------------------------------------------------- feasibility
class Feasibility:
    """Collects why elements of a sweep cannot exist (NaN out, a reason each)."""

    def __init__(self, shape: tuple[int, ...]):
        self.shape = shape
        self.ok = np.ones(shape, dtype=bool)
        self.reason = np.full(shape, "", dtype=object)
        self.numbers: dict[str, Any] = {}

    def flag(self, bad: Any, reason: str, **numbers: Any) -> None:
        """Mark elements ``bad`` infeasible for ``reason`` (the first reason wins)."""
        bad = np.broadcast_to(np.asarray(bad, dtype=bool), self.shape)
        new = bad & self.ok
        if np.any(new):
            self.reason = np.where(new, reason, self.reason)
            if reason not in self.numbers:
                idx = np.argwhere(new)[0] if new.ndim else ()
                self.numbers[reason] = {k: _pick(v, self.shape, tuple(idx)) for k, v in numbers.items()}
            self.ok = self.ok & ~bad

    def nan(self, x: Any) -> Any:
        """``x`` with the infeasible elements set to NaN."""
        x = np.broadcast_to(np.asarray(x, dtype=float), self.shape)
        return np.where(self.ok, x, np.nan)

    def include(self, moments: Any) -> None:
        """Conjoin the checks of the inner :class:`~biomech.mechanics.statics.MomentResult` (finite moments,
        centre of pressure on the foot, feet loaded), so ``feasible`` is never True where the
        inner result says the pose cannot stand."""
        try:
            inner_ok = np.broadcast_to(np.asarray(moments.feasible, dtype=bool), self.shape)
            inner_why = np.broadcast_to(np.asarray(moments.reason, dtype=object), self.shape)
        except ValueError:  # shapes that do not match: every element judged by any failure
            inner_ok = np.broadcast_to(np.all(moments.feasible), self.shape)
            inner_why = np.broadcast_to(np.asarray("not_finite", dtype=object), self.shape)
        bad = ~inner_ok & self.ok
        for why in dict.fromkeys(inner_why[bad].tolist() if bad.ndim else ([inner_why[()]] if bad else [])):
            self.flag(bad & (inner_why == why), str(why) or "not_finite")

    def raise_if_single(self, single: bool, what: str, hints: dict[str, str] | None = None) -> None:
        """Raise :class:`InfeasiblePoseError` for a single request that cannot exist; ``hints``
        (reason -> text) adds the fix to the message."""
        if single and not bool(np.all(self.ok)):
            reason = str(np.asarray(self.reason).flat[0])
            numbers = self.numbers.get(reason, {})
            shown = ", ".join(f"{k}={_fmt(v)}" for k, v in numbers.items())
            hint = (hints or {}).get(reason)
            raise InfeasiblePoseError(f"{what}: {_REASON_TEXT.get(reason, reason)}{f' ({shown})' if shown else ''}."
                                      + (f" {hint}" if hint else ""), reason, numbers)


_REASON_TEXT = {
    "dorsiflexion": "the knee travel needs more ankle dorsiflexion than the limit",
    "knee_travel": "the knee cannot travel that far with this shank length",
    "balance": "no trunk lean balances the lifter with the centre of pressure at the target point",
    "trunk_past_horizontal": "balancing needs the trunk past horizontal",
    "depth": "the segments cannot reach that depth",
    "heel_lift": "the heel lift is out of range",
    "box_height": "the box height is out of range",
    "stance_width": "the stance is too wide for the legs",
    "joint_range": "a joint angle lies outside its anatomical range",
    "reach": "the legs cannot reach the feet's positions",
    "rear_knee": "the rear knee cannot be there: it would pass below the floor, or the legs cannot put it at that height",
    "over_constrained": ("the depth and the rear knee height together fix the front shin, and no shin between "
                         "vertical and the dorsiflexion limit fits this step; leave one of them out, or take a step "
                         "in the range that fits"),
    "bar_height": "the bar height cannot be reached with arms hanging plumb",
    "foot_position": "the foot position on the platform cannot be reached",
    "ankle_range": "the pose needs more ankle dorsiflexion than the ankle's anatomical range",
    "cop_behind_heel": "the centre of pressure falls behind the heel",
    "cop_past_toes": "the centre of pressure falls past the toes",
    "cop_off_foot": "the requested centre of pressure lies off the foot",
    "lift_off": "the external forces lift the lifter off the ground",
    "not_finite": "the joint moments are not finite numbers",
}


def _pick(v: Any, shape: tuple[int, ...], idx: tuple) -> Any:
    arr = np.asarray(v.magnitude if hasattr(v, "magnitude") else v)
    try:
        val = np.broadcast_to(arr, shape)[idx] if shape else arr
    except ValueError:
        val = arr
    val = float(val) if np.ndim(val) == 0 else val
    return quantity(val, v.units) if hasattr(v, "units") else val


def _fmt(v: Any) -> str:
    if hasattr(v, "units"):
        return f"{v:.4g~P}"
    return f"{v:.4g}" if isinstance(v, float) else str(v)


# --------------------------------------------------------------------------- stance projection
def body_height(body: Body) -> float:
    """Stature of the body, m (estimated from the shank for bodies built from segments)."""
    return body.height_m if body.height_m else body.shank.length_m / SHANK_PER_STATURE


def hip_joint_spacing(body: Body) -> float:
    """Distance between the two hip joint centres, m (Harrington et al. 2007; see above)."""
    from ..model.anthropometry import PELVIS_WIDTH_PER_STATURE

    pw = PELVIS_WIDTH_PER_STATURE * body_height(body)
    return 2.0 * (HARRINGTON_ML_PER_PELVIS_WIDTH * pw + HARRINGTON_ML_OFFSET_M)


def stance_projection(stance_width: Any, toe_out: Any, hip_spacing: float, leg_length: Any):
    """Scale factors of the sagittal projection of a wide, turned-out leg.

    Each leg flexes in a plane turned out by ``toe_out`` (phi) about the vertical (the
    knee tracks the toes) and tilted out by the abduction angle alpha in the frontal
    plane, ``sin(alpha) = (stance_width - hip_spacing) / (2 * leg_length)``. A segment of
    length ``L`` at angle ``theta`` from the leg plane's up direction has the 3D vector
    ``L (sin(theta) d + cos(theta) a)`` with ``d`` the toe direction and ``a`` the tilted
    up direction; seen from the side its horizontal part shrinks by ``cos(phi)`` and its
    vertical part by ``cos(alpha)``. (``d`` and ``a`` are taken as orthogonal, which
    neglects a term of order ``sin(phi) sin(alpha)``.) The foot's length seen from the
    side shrinks by ``cos(phi)``; its height does not.

    Returns ``(cos_phi, cos_alpha, sin_alpha)``.
    """
    sin_a = (np.asarray(stance_width, dtype=float) - hip_spacing) / (2.0 * np.asarray(leg_length, dtype=float))
    with np.errstate(invalid="ignore"):
        cos_a = np.sqrt(1.0 - np.clip(sin_a, -1.0, 1.0) ** 2)
    return np.cos(toe_out), cos_a, sin_a


def project_segment(theta_in_plane: Any, cos_phi: Any, cos_alpha: Any):
    """(sagittal angle, length factor) of a leg segment at an in-plane angle."""
    sx = np.sin(theta_in_plane) * cos_phi
    cy = np.cos(theta_in_plane) * cos_alpha
    return np.arctan2(sx, cy), np.hypot(sx, cy)


def in_plane_from_sagittal(theta_sagittal: Any, cos_phi: Any, cos_alpha: Any):
    """In-plane angle whose side view is ``theta_sagittal``."""
    return np.arctan2(np.sin(theta_sagittal) * cos_alpha, np.cos(theta_sagittal) * cos_phi)


# --------------------------------------------------------------------------- array bodies
def _segment_like(seg: Segment, length_m: Any) -> Segment:
    """A Segment whose length may be an array (for sweeps); other fields kept."""
    if np.ndim(length_m) == 0:
        return Segment.from_si(float(length_m), seg.mass_kg, seg.com, seg.gyration)
    new = object.__new__(Segment)
    for k, v in (("length_m", np.asarray(length_m, dtype=float)), ("mass_kg", seg.mass_kg), ("com", seg.com),
                 ("gyration", seg.gyration)):
        object.__setattr__(new, k, v)
    return new


def array_body(body: Body, lengths: dict[str, Any] | None = None, foot_scale: Any = 1.0,
               knee_depth_scale: Any = 1.0, arms: tuple[Any, Any] | None = None) -> Body:
    """A body whose lengths may be arrays (broadcasting with the poses).

    ``lengths`` maps shank/thigh/trunk to lengths in m; ``foot_scale`` scales the foot's
    horizontal landmarks (the side view of a turned-out foot); ``arms`` replaces the arms
    segment's (length, com fraction), for arms folded to a bar. The lumbar landmarks stay
    those of ``body``: the core's trunk split into parts above and below L5/S1 takes
    single values (see the module docs).
    """
    lengths = dict(lengths or {})
    changes: dict[str, Any] = {}
    for name, L in lengths.items():
        changes[name] = _segment_like(getattr(body, name), L)
    if arms is not None and body.arms is not None:
        L, com = arms
        a = body.arms
        if np.ndim(L) == 0:
            changes["arms"] = Segment.from_si(float(L), a.mass_kg, float(com), a.gyration)
        else:
            new = object.__new__(Segment)
            for k, v in (("length_m", np.asarray(L, dtype=float)), ("mass_kg", a.mass_kg), ("com", float(com)),
                         ("gyration", a.gyration)):
                object.__setattr__(new, k, v)
            changes["arms"] = new
    if not (np.ndim(foot_scale) == 0 and float(foot_scale) == 1.0):
        fg = body.foot_geometry
        new_fg = object.__new__(FootGeometry)
        for k, v in (("ball_x", fg.ball_x * foot_scale), ("toe_x", fg.toe_x * foot_scale),
                     ("ankle_x", fg.ankle_x * foot_scale), ("ankle_y", fg.ankle_y)):
            object.__setattr__(new_fg, k, v)
        changes["foot_geometry"] = new_fg
    if not (np.ndim(knee_depth_scale) == 0 and float(knee_depth_scale) == 1.0):
        changes["knee_depth_m"] = body.knee_depth_m * knee_depth_scale
    if "trunk" in lengths:
        k = np.asarray(lengths["trunk"], dtype=float) / body.trunk.length_m
        lum = body.lumbar
        changes["lumbar"] = dataclasses.replace(lum, along_m=lum.along_m * k, offset_m=lum.offset_m * k,
                                                above_com_along_m=lum.above_com_along_m * k,
                                                above_com_offset_m=lum.above_com_offset_m * k)
    return dataclasses.replace(body, **changes) if changes else body


def body_shape(body: Body) -> tuple[int, ...]:
    """Broadcast shape of the array lengths in a body made by :func:`array_body`."""
    fg, lum = body.foot_geometry, body.lumbar
    vals = [s.length_m for s in body.segments().values()] + [fg.ball_x, fg.toe_x, fg.ankle_x, fg.ankle_y,
                                                              body.knee_depth_m, lum.along_m, lum.above_com_along_m]
    return np.broadcast_shapes(*(np.shape(v) for v in vals))


def make_model(body: Body, loads=(), stance: str = "both", support: str = "feet", front_share: Any = 0.5,
               rear_contact: str = "ball") -> StaticModel:
    """A :class:`StaticModel`; the core's landmarks broadcast array lengths (a sweep over proportions)."""
    return StaticModel(body, loads, stance, support, front_share, rear_contact)


def whole_body_moment_form(model: StaticModel, split: bool = False) -> tuple[Form, Any]:
    """Moment about the origin of the constant external forces on the whole body (a
    :class:`Form`), and their total vertical component.

    The form is in the ``trunk`` angle (a rigid trunk) or, with ``split``, in the
    ``pelvis`` and ``upper_body`` angles (a pelvis and upper body with their own angles).

    >>> import biomech as bm
    >>> model = make_model(bm.Body.from_anthropometrics("178 cm", "80 kg"))
    >>> sorted(whole_body_moment_form(model)[0].w), sorted(whole_body_moment_form(model, split=True)[0].w)
    (['arms', 'foot', 'shank', 'thigh', 'trunk'], ['arms', 'foot', 'pelvis', 'shank', 'thigh', 'upper_body'])
    """
    cache = model.__dict__.setdefault("_whole_body_moment_forms", {})  # the model is immutable
    if split not in cache:
        forms, fy = [], 0.0
        for it, mult in model.whole_body():
            if it.force is None:
                continue
            forms.append(it.point.cross(it.force).scale(mult))
            fy = fy + mult * it.force[1]
        total = Form.total(forms)
        cache[split] = ((total if split else total.merged()), fy)
    return cache[split]


def affine_coefficients(form: Form, sc: SinCos, free: str, tied: dict[str, tuple[float, float]] | None = None):
    """Split a Form into ``A sin(k) + B cos(k) + C`` for the free segment angle ``k``.

    ``tied`` maps other segments whose angle is ``gamma + sign * k`` to ``(gamma, sign)``
    (sign +1 or -1); their terms join A and B. ``sc`` holds the other angles.
    """
    tied = tied or {}
    A = B = 0.0
    C = form.const
    for seg, (ws, wc) in form.w.items():
        if seg == free:
            A, B = A + ws, B + wc
        elif seg in tied:
            g, sgn = tied[seg]
            sg, cg = np.sin(g), np.cos(g)
            # ws sin(g + sgn k) + wc cos(g + sgn k)
            A = A + sgn * (ws * cg - wc * sg)
            B = B + (ws * sg + wc * cg)
        else:
            s, c = sc[seg]
            C = C + ws * s + wc * c
    return A, B, C


def solve_affine(A: Any, B: Any, C: Any):
    """Root of ``A sin k + B cos k + C = 0`` on which the left side increases with ``k``.

    Returns ``(k, ok)``; ``ok`` is False where no root exists (``|C| > hypot(A, B)``).
    """
    R = np.hypot(A, B)
    with np.errstate(invalid="ignore", divide="ignore"):
        x = -C / R
    ok = np.abs(x) <= 1.0
    k = np.arcsin(np.clip(x, -1.0, 1.0)) - np.arctan2(B, A)
    k = (k + np.pi) % (2 * np.pi) - np.pi
    return k, ok


def bisect(fn: Callable[[Any], Any], lo: Any, hi: Any, iterations: int = 48):
    """Vectorized bisection for a root of ``fn`` between ``lo`` and ``hi``.

    Returns ``(x, ok)``; ``ok`` is False where ``fn`` has the same sign at both ends.
    """
    lo = np.asarray(lo, dtype=float)
    hi = np.asarray(hi, dtype=float)
    flo = fn(lo)
    fhi = fn(hi)
    lo, hi, flo, fhi = np.broadcast_arrays(lo, hi, flo, fhi)
    lo, hi, flo = lo.copy(), hi.copy(), flo.copy()
    ok = np.sign(flo) * np.sign(fhi) <= 0
    for _ in range(iterations):
        mid = 0.5 * (lo + hi)
        fm = fn(mid)
        left = np.sign(fm) == np.sign(flo)
        lo = np.where(left, mid, lo)
        flo = np.where(left, fm, flo)
        hi = np.where(left, hi, mid)
    return 0.5 * (lo + hi), ok


def solve_free_angle(model: StaticModel, angles: dict[str, Any], free: str, target_x: Any,
                     tied: dict[str, tuple[Any, float]] | None = None, newton_steps: int = 8, *,
                     lumbar: Any = None, upper_tied: dict[str, tuple[Any, float]] | None = None):
    """Solve the segment angle ``free`` so that the (front) centre of pressure is at
    ``target_x``; the other angles are in ``angles`` (radians, arrays broadcast).

    Closed form for constant forces; Newton steps (numeric derivative) when bands or
    cables make the forces depend on the pose. Returns ``(angle, ok)``.

    The pelvis and upper body: with ``lumbar`` (lumbar flexion, rad, arrays broadcast) and
    ``free="trunk"`` or ``free="pelvis"``, the pelvis angle is solved with the upper body
    tied to it (upper body = pelvis + lumbar), still in closed form; the result is then the
    pelvis angle (use :func:`~biomech.model.pose.trunk_line_offset` for the hip-to-shoulder
    line, or ``Pose.from_radians(..., pelvis=k, lumbar=lumbar)``). Without ``lumbar`` the
    trunk is rigid and ``free="trunk"`` solves it, as always. ``angles`` may hold a ``trunk``
    entry; it is ignored when ``lumbar`` is given. ``upper_tied`` (with ``lumbar``) maps segments
    tied to the upper body, ``angle = gamma + sign * upper body`` (the arms holding a bar on the
    back), to ``(gamma, sign)``; they join ``tied`` as ``(gamma + sign * lumbar, sign)``.

    Examples
    --------
    >>> import numpy as np, biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> model = make_model(body, [bm.Barbell("100 kg")])
    >>> ang = {"foot": 0.0, "shank": np.radians(30.0), "thigh": np.radians(90.0), "arms": 0.0}
    >>> rigid, ok = solve_free_angle(model, ang, "trunk", body.foot_geometry.midfoot_x)
    >>> pelvis, ok2 = solve_free_angle(model, ang, "pelvis", body.foot_geometry.midfoot_x,
    ...                                lumbar=np.radians(10.0))
    >>> bool(ok and ok2), bool(pelvis < rigid)      # a flexed spine: the pelvis tilts less
    (True, True)
    """
    tied = dict(tied or {})
    split = lumbar is not None or free in ("pelvis", "upper_body") or any(s in ("pelvis", "upper_body")
                                                                          for s in tied)
    if lumbar is not None:
        if free not in ("trunk", "pelvis"):
            raise InputValueError(f"solve_free_angle: lumbar= ties the upper body to the pelvis, so the free "
                                  f"angle must be 'trunk' or 'pelvis', not {free!r}.")
        free = "pelvis"
        tied["upper_body"] = (lumbar, 1.0)
        for seg, (g, sgn) in (upper_tied or {}).items():
            tied[seg] = (g + sgn * lumbar, sgn)
    if split:
        angles = {k: v for k, v in angles.items() if k != "trunk"}
        if "trunk" in tied:
            raise InputValueError("solve_free_angle: a split trunk ties 'pelvis' or 'upper_body', not 'trunk'.")
    form, fy = whole_body_moment_form(model, split)
    probe = dict(angles)
    probe[free] = 0.0
    for seg in tied:
        probe[seg] = 0.0
    sc = model.sincos(probe)
    A, B, C = affine_coefficients(form, sc, free, tied)
    ry = -fy
    share = model.front_share if model.split else 1.0
    if model.split:
        gr = model.ground_reaction(sc)
        rx_r, ry_r = gr["rear"]
        px, py = gr["rear_cop"]
        C = C + (px * ry_r - py * rx_r)
    # cop = -(m0 + m_rear) / (share * ry): cop = target  <=>  m0 + m_rear + target * share * ry = 0
    C = C + target_x * share * ry
    # the centre of pressure moves forward as m0 decreases (weights pull down), so solve -(...)
    k, ok = solve_affine(-A, -B, -C)
    if model.field_items:
        def cop_error(kk):
            a = dict(angles)
            a[free] = kk
            for seg, (g, sgn) in tied.items():
                a[seg] = g + sgn * kk
            return model.ground_reaction(model.sincos(a))["cop"][0] - target_x
        k = np.where(ok, k, 0.0)
        for _ in range(newton_steps):
            e = cop_error(k)
            d = (cop_error(k + 1e-6) - e) / 1e-6
            with np.errstate(divide="ignore", invalid="ignore"):
                k = k - np.clip(e / d, -0.3, 0.3)
        ok = ok | (np.abs(cop_error(k)) < 1e-6)
        ok = ok & (np.abs(cop_error(k)) < 1e-6)
    return k, ok


def solve_lumbopelvic(model: StaticModel, angles: dict[str, Any], target_x: Any, lumbar_share: Any,
                      tied: dict[str, tuple[Any, float]] | None = None, iterations: int = 12, *,
                      upper_tied: dict[str, tuple[Any, float]] | None = None, cap: Any = None,
                      tol: float = 1e-10, solved: tuple | None = None):
    """Balance with a lumbopelvic rhythm: the pelvis solved, the lumbar flexion a share of the lean.

    The lumbar flexion is ``lumbar_share`` times the hip-to-shoulder lean (the proportional
    rhythm of :func:`biomech.exercises.technique.lumbopelvic`: ``share = lumbar flexion at the
    bottom / trunk lean at the bottom``), the upper body is at pelvis + lumbar, and the pelvis
    is what puts the centre of pressure at ``target_x``. Each step is the closed-form solve of
    :func:`solve_free_angle` with the lumbar flexion held; the flexion is then updated by a
    secant step on the rule's residual ``share * lean - flexion`` (the plain fixed point shrinks
    the error about twentyfold per step for a squat; the secant needs three or four steps). It
    stops once no pose's residual exceeds ``tol`` (rad), and returns the pelvis solved at the
    returned flexion, so the centre of pressure sits on the target exactly. ``tied`` as in
    :func:`solve_free_angle`, in terms of the pelvis angle; ``upper_tied`` in terms of the upper
    body's (the arms holding a bar on the back: the same ``(gamma, sign)`` a rigid-trunk solve
    ties to the trunk). A rigid-trunk solve gives the first flexion. ``cap`` (rad, optional) is the most the spine flexes: the rule is
    then ``min(share * lean, cap)``. ``solved`` (optional) is ``(flexion, pelvis, ok)`` of a
    balance already solved at a first flexion, which replaces the rigid-trunk start.

    Returns
    -------
    (pelvis, lumbar, ok) : radians, radians, bool array
        Feed them to ``Pose.from_radians(shank, thigh, None, foot, arms, pelvis=pelvis,
        lumbar=lumbar)``.

    Examples
    --------
    >>> import numpy as np, biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> model = make_model(body, [bm.Barbell("100 kg")])
    >>> ang = {"foot": 0.0, "shank": np.radians(30.0), "thigh": np.radians(90.0), "arms": 0.0}
    >>> pelvis, lumbar, ok = solve_lumbopelvic(model, ang, body.foot_geometry.midfoot_x, 17.0 / 45.0)
    >>> from biomech.model.pose import lumbar_ratios, trunk_line_offset
    >>> trunk = pelvis + trunk_line_offset(lumbar, lumbar_ratios(body))
    >>> bool(ok), bool(abs(float(lumbar / trunk) - 17.0 / 45.0) < 1e-9)
    (True, True)
    """
    from ..model.pose import lumbar_ratios, trunk_line_offset

    ratios = lumbar_ratios(model.body)   # constant over array lengths: the landmarks scale with the trunk
    share = np.asarray(lumbar_share, dtype=float)

    def gap(pel, lum):                      # the rule's flexion minus the flexion held
        rule = share * (pel + trunk_line_offset(lum, ratios))
        return (rule if cap is None else np.minimum(rule, cap)) - lum

    def residual(lum):
        pel, ok_ = solve_free_angle(model, angles, "pelvis", target_x, tied, lumbar=lum, upper_tied=upper_tied)
        return pel, ok_, gap(pel, lum)

    if solved is not None:
        l0, pelvis, ok = (np.asarray(v) for v in solved)
        g0 = gap(pelvis, l0)
    else:
        rigid, _ = solve_free_angle(model, angles, "trunk", target_x, {**(tied or {}), **(upper_tied or {})})
        l0 = share * rigid
        pelvis, ok, g0 = residual(l0)
    l1 = l0 + g0                                    # one fixed-point step, then secant steps
    lumbar = l0
    for _ in range(iterations):
        live = np.isfinite(g0) & np.broadcast_to(ok, np.shape(g0))   # poses that can balance
        if not np.any(np.abs(g0[live]) > tol):
            break
        pelvis, ok, g1 = residual(l1)
        lumbar = l1
        dg = g1 - g0
        with np.errstate(divide="ignore", invalid="ignore"):
            secant = l1 - g1 * (l1 - l0) / dg
        l2 = np.where(np.isfinite(secant) & (np.abs(dg) > 1e-15), secant, l1 + g1)
        l0, g0, l1 = l1, g1, l2
    return pelvis, lumbar, ok


# --------------------------------------------------------------------------- results
class ExerciseResult(MomentResult):
    """A solved exercise: a static :class:`~biomech.mechanics.statics.MomentResult` plus the
    exercise's parameters.

    Everything a static result has (the result family of :mod:`biomech.mechanics.results`):
    ``.moments`` (a :class:`~biomech.mechanics.results.JointValues`, N·m), ``.ankle .knee .hip
    .lumbar``, ``.per_kg``, ``.moment_arms``, ``.contributions``, :meth:`table`,
    ``.positions``, ``.cop``, ``.dims``, ``to_dict()``, ``to_dataframe()``; and

    Attributes
    ----------
    name : str
        The exercise.
    pose : Pose or SplitPose
        The solved pose (side view; NaN where infeasible).
    params : dict
        Every parameter used, defaults included (Quantities or strings); also
        ``.parameters``.
    feasible : bool or numpy.ndarray
        Which requests could exist.
    reason : str or numpy.ndarray
        Why not (``""`` where feasible): ``"dorsiflexion"``, ``"balance"``,
        ``"trunk_past_horizontal"``, ``"depth"``, ``"heel_lift"``, ...
    extras : dict
        Exercise-specific outputs (e.g. a machine's sensitivity to its assumption).

    spec : ExerciseSpec
        The specification solved (``spec.solve(body)`` gives this result again).
    body : Body
        The lifter (the spec attaches it; before that, the model's body).

    ``.moments`` used to be the inner ``MomentResult``: ``sq.moments.moments`` and the
    other ``sq.moments.<attribute>`` still answer for one release, with a
    ``DeprecationWarning``.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> sq = bm.exercises.squat(body, depth="parallel", load="100 kg")
    >>> bool(sq.moments.knee == sq.knee), isinstance(sq, bm.MomentResult), sq.params["load"]
    (True, True, <Quantity(100.0, 'kilogram')>)
    """

    _forward_moments = True

    def __init__(self, name: str, pose: Any, moments: MomentResult, parameters: dict, feasible: Any, reason: Any,
                 extras: dict | None = None):
        if not isinstance(moments, MomentResult):
            raise InputValueError(f"moments={type(moments).__name__} must be the exercise's MomentResult.")
        super().__init__(moments.model, pose, moments._angles, moments._m)
        if "_sc" in moments.__dict__:
            self.__dict__["_sc"] = moments.__dict__["_sc"]
        self.name = name
        self.parameters = parameters
        self.extras = {} if extras is None else extras
        self._feasible = feasible
        self._reason = reason
        self.spec = None  # set by the spec that solved it (ExerciseSpec.solve)
        self._dims = _param_dims(parameters, self.shape)

    feasible = property(lambda self: self._feasible, doc="Which requests could exist (bool or boolean array).")
    reason = property(lambda self: self._reason, doc="Why not, per element (``\"\"`` where feasible).")

    @property
    def params(self) -> dict:
        """Every parameter of the exercise, defaults included (Quantities or strings)."""
        return self.parameters

    @property
    def trunk(self):
        """Trunk lean of the solved pose, deg."""
        return self.pose.trunk

    @property
    def hip_share(self):
        """Hip moment / (hip + knee moment): how much of the leg's extensor work the hip does."""
        h = self.moments.si("hip")
        k = self.moments.si("knee")
        with np.errstate(divide="ignore", invalid="ignore"):
            return h / (h + k)

    def rep_path(self, fractions: Any = None, n: int = 11) -> "ExerciseResult":
        """The same exercise from the top (fraction 0) to this bottom (fraction 1).

        ``fractions`` (plain numbers 0..1, default ``n`` evenly spaced) gets a new
        leading axis when the exercise's own parameters are arrays. The same as
        ``self.spec.rep_path(self.body, ...)``.
        """
        if self.spec is None:
            raise InputValueError(f"{self.name}: this result does not know how it was made; build the exercise's "
                                  f"spec and call spec.rep_path(body).")
        return self.spec.rep_path(self.body, fractions=fractions, n=n)

    def _title(self) -> str:
        return self.name

    def _default_dims(self) -> tuple[str, ...]:
        return _param_dims(self.parameters, self.shape)

    def _dict_extras(self) -> dict[str, Any]:
        out = {"exercise": self.name, **super()._dict_extras()}
        out["params"] = dict(_quantity_entry(k, v) for k, v in self.parameters.items())
        return out


def _param_dims(params: dict, shape: tuple[int, ...]) -> tuple[str, ...]:
    """Name each axis of an exercise result by the parameters that vary along it (aligned
    from the right, as numpy broadcasts); a leading axis no parameter explains is the
    ``fraction`` of a rep path."""
    frac = params.get("fraction")
    if frac is not None and not isinstance(frac, str) and np.ndim(getattr(frac, "magnitude", frac)) and shape:
        rest = {k: v for k, v in params.items() if k != "fraction"}
        return ("fraction",) + _param_dims(rest, shape[1:])
    names: list[str] = []
    n = len(shape)
    for ax in range(n):
        back = n - ax
        varying = []
        for k, v in params.items():
            shp = np.shape(getattr(v, "magnitude", v)) if not isinstance(v, str) else ()
            if len(shp) >= back and shp[len(shp) - back] > 1:
                varying.append(k)
        name = "+".join(varying) if varying else ("fraction" if ax == 0 else f"axis_{ax}")
        names.append(name if name not in names else f"{name}_{ax}")
    return tuple(names)


class SplitExerciseResult(ExerciseResult):
    """A split-stance exercise (lunge, split squat, ...).

    ``.moments`` (and ``.ankle .knee .hip``) hold the front leg's ankle, knee and hip
    moments and the whole body's lumbar moment; ``.front`` and ``.rear`` are each leg's
    :class:`~biomech.mechanics.statics.LegResult` (same family: ``.moments``, ``.moment_arms``,
    ``to_dict()``...; their lumbar is the shared whole-body one).
    """


def rep_path(exercise: Callable | str, body: Any, /, *, fractions: Any = None, n: int = 11, **params: Any):
    """The rep path of an exercise: its poses and moments from the top to the bottom.

    Parameters
    ----------
    exercise : callable, str or ExerciseSpec class
        One of the exercise functions (``squat``, ``lunge``, ...), its name or its spec class.
    body : Body
        The lifter.
    fractions : array_like, optional
        Fractions of the way down, 0 (top) to 1 (the bottom the parameters describe);
        default ``n`` evenly spaced. What a fraction means is stated per exercise
        (for squats: of the bottom's thigh angle and shank lean).
    n : int
        Number of fractions when ``fractions`` is not given.
    **params
        The exercise's own parameters (keywords).

    Returns
    -------
    ExerciseResult
        With a leading axis over the fractions (when the parameters are arrays, the
        fractions take a new leading axis in front of theirs).

    Examples
    --------
    >>> import biomech as bm
    >>> from biomech.exercises import rep_path, squat
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> path = rep_path(squat, body, depth="parallel", knee_travel="5 cm", load="100 kg", n=5)
    >>> path.knee.shape
    (5,)
    """
    from . import SPECS

    if isinstance(exercise, str):
        if exercise not in SPECS:
            raise InputValueError(f"exercise={exercise!r} is not an exercise; expected one of {', '.join(SPECS)}.")
        cls = SPECS[exercise]
    elif isinstance(exercise, type):
        cls = exercise
    else:
        cls = getattr(exercise, "spec", None)
        if cls is None:
            raise InputValueError(f"exercise={exercise!r} is not an exercise function of bm.exercises.")
    return cls.from_kwargs(params, stacklevel=3).rep_path(body, fractions=fractions, n=n)


def place_fraction(fraction: Any, shape: tuple[int, ...]) -> Any:
    """Give the fractions a leading axis in front of the parameters' shape."""
    if fraction is None:
        return None
    f = np.asarray(fraction, dtype=float)
    if f.ndim == 0:
        return f
    return f.reshape(f.shape + (1,) * len(shape))


def broadcast_shape(*arrays: Any) -> tuple[int, ...]:
    try:
        return np.broadcast_shapes(*(np.shape(a) for a in arrays))
    except ValueError:
        raise InputValueError("the exercise's array parameters do not broadcast together ("
                              + ", ".join(str(np.shape(a)) for a in arrays) + ").") from None


def deg(x: Any):
    return quantity(np.degrees(x), "deg")


def scalar_or_array(x: Any) -> Any:
    x = np.asarray(x)
    return float(x) if x.ndim == 0 and x.dtype.kind == "f" else (x.item() if x.ndim == 0 else x)


__all__ += ["check_body", "check_broadcasts_into", "check_choice", "check_loads", "check_lengths",
            "check_scalar_length",
            "as_angle", "as_length", "load_mass", "bisect", "solve_free_angle", "place_fraction",
            "broadcast_shape", "deg", "Q_"]


def _wrap(a):
    """An angle (radians) moved by whole turns into (-pi, pi]."""
    return a - 2 * np.pi * np.ceil((a - np.pi) / (2 * np.pi))


def wrap_joint_angles(angles: dict[str, Any]) -> dict[str, Any]:
    """Segment angles shifted by whole turns so that every joint angle lies in (-180, 180] deg.

    Solvers built on ``arctan2`` can return segment angles a full turn apart; sines and
    cosines (and so every moment) are unchanged, but joint angles read by people and by
    the muscle model must be the physical ones. The shank keeps its value; the thigh,
    trunk and foot follow from the knee, hip and ankle.

    >>> w = wrap_joint_angles({"foot": 0.0, "shank": np.radians(-150), "thigh": np.radians(-120),
    ...                        "trunk": 0.0, "arms": 0.0})
    >>> round(float(np.degrees(w["shank"] + w["thigh"])), 6)
    90.0
    """
    out = dict(angles)
    shank = np.asarray(out["shank"], dtype=float)
    knee = _wrap(shank + out["thigh"])
    out["thigh"] = knee - shank
    hip = _wrap(out["thigh"] + out["trunk"])
    out["trunk"] = hip - out["thigh"]
    ankle = _wrap(shank - out["foot"])
    out["foot"] = shank - ankle
    return out
