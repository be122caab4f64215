"""Squats: back (high and low bar), front, goblet, bodyweight, heel-elevated, wide and
toes-out, box squats; their balanced bottom positions and rep paths.

A squat request fixes the legs: the heel lift gives the foot angle, the knee travel
the shank lean, the depth the thigh angle. The trunk lean is then what balances the
lifter with the ground reaction at the target point of the foot (midfoot by default),
solved in closed form (:mod:`biomech.exercises.common`), vectorized over every array
parameter, body proportions included.

Arms: with a bar or a goblet weight the arms hold the load near the trunk. The model's
arms are one straight segment, so they are *folded*: the segment runs from the
shoulder to the grip at the load (its length is that distance, its centre of mass at
its middle, its mass the body's arms' mass; a stated assumption). With no load the
arms reach forward, horizontal, as people do to counterbalance a bodyweight squat.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from ..model.body import Body
from ..errors import InputValueError
from ..model.loads import BAR_POSITIONS, Barbell, HandLoad, Load, bar_position
from ..model.pose import Pose
from ..mechanics.statics import MomentResult, StaticModel
from ..units import quantity
from .common import (DORSIFLEXION_LIMIT_DEG, ExerciseResult, Feasibility, array_body, as_angle, as_length, make_model,
                     body_height, broadcast_shape, check_body, check_broadcasts_into, check_choice, check_lengths,
                     check_loads, hip_joint_spacing, in_plane_from_sagittal, is_length,
                     load_mass, place_fraction, project_segment, solve_free_angle, stance_projection)

__all__ = ["squat", "front_squat", "goblet_squat", "bodyweight_squat", "box_squat", "squat_kernel",
           "GOBLET_GRIP", "BOX_SEAT_OFFSET_PER_STATURE", "MAX_HEEL_ANGLE_DEG", "ZELLE_CONTACT"]

#: Where a goblet weight is held, relative to the shoulder joint centre in trunk
#: coordinates: 0.15 m down the trunk and 0.22 m in front of it (against the sternum:
#: chest depth in front of the shoulder joint plus the bell's radius). Assumption.
GOBLET_GRIP = (-0.15, 0.22)

#: Sitting on a box, the hip joint centre lies above the box top by about the depth of
#: the ischial tuberosities below it; taken as 0.045 * stature (8 cm at 1.78 m).
#: Assumption: no published proportion was used.
BOX_SEAT_OFFSET_PER_STATURE = 0.045

#: Largest foot angle a heel lift may make (a steep slant board), deg. Beyond it the
#: rigid-foot model (heel on the wedge, ball on the floor) is no longer a foot.
MAX_HEEL_ANGLE_DEG = 30.0

#: Thigh-calf contact in deep flexion (Zelle, Barink, Loeffen, De Waal Malefijt &
#: Verdonschot 2007, Clin Biomech 22:821, "Thigh-calf contact force measurements in deep
#: knee flexion"): no contact below about 130 deg of knee flexion; in squatting the mean
#: maximal contact force was 34.2 % of body weight per leg at a mean maximal knee flexion
#: of 151.8 deg. We take the force as rising linearly between those two points and
#: constant beyond (an assumption), acting at right angles to the shank at
#: ``lever_fraction`` of the shank length below the knee (assumption: the calf's bulk).
ZELLE_CONTACT = {"onset_deg": 130.0, "max_deg": 151.8, "max_fraction_bw": 0.342, "lever_fraction": 0.33}

_HOLDS = ("high_bar", "low_bar", "front", "goblet", "none")
_COP_TARGETS = ("midfoot", "ball", "heel")


def _hold(bar: Any) -> str:
    if bar is None:
        return "none"
    expected = "expected 'high_bar', 'low_bar', 'front' ('high' and 'low' accepted), 'goblet' or None"
    if not isinstance(bar, str):
        raise InputValueError(f"bar={bar!r} is not a bar position; {expected}.")
    key = bar.strip().lower()
    if key in ("goblet", "none", "bodyweight", "no_bar"):
        return "none" if key != "goblet" else "goblet"
    try:
        return bar_position(key)
    except InputValueError:
        raise InputValueError(f"bar={bar!r} is not a bar position; {expected}.") from None


def _depth(depth: Any):
    """("angle", rad) or ("height", m): thigh angle seen from the side, or hip height above the knee."""
    if isinstance(depth, str) and depth.strip().lower() == "parallel":
        return "angle", np.pi / 2
    if is_length(depth, "depth"):
        return "height", as_length(depth, "depth")
    return "angle", as_angle(depth, "depth")


def squat_kernel(body: Body, *, hold: str, load_kg: Any, depth_kind: str, depth_value: Any, knee_travel_m: Any,
                 heel_lift_m: Any = 0.0, stance_width_m: Any = None, toe_out_rad: Any = 0.0,
                 knee_travel_at: str = "front", cop: Any = "midfoot", box_m: Any = None,
                 arms_rad: Any = None, dorsiflexion_limit_rad: Any = np.radians(DORSIFLEXION_LIMIT_DEG),
                 lengths: dict[str, Any] | None = None, hip_spacing_m: float | None = None,
                 extra_loads: Sequence[Load] = (), fraction: Any = None):
    """The unit-free squat solver: SI floats or arrays in, (pose, model, angles, feasibility, info) out.

    Every array argument broadcasts; ``fraction`` (0 top .. 1 bottom) scales the bottom
    position's thigh angle and shank lean for the rep path.
    """
    lengths = dict(lengths or {})
    L_s0 = np.asarray(lengths.get("shank", body.shank.length_m), dtype=float)
    L_t0 = np.asarray(lengths.get("thigh", body.thigh.length_m), dtype=float)
    fg = body.foot_geometry
    spacing = hip_joint_spacing(body) if hip_spacing_m is None else hip_spacing_m
    width = spacing if stance_width_m is None else stance_width_m
    base_shape = broadcast_shape(load_kg, depth_value, knee_travel_m, heel_lift_m, width, toe_out_rad,
                                 L_s0, L_t0, np.asarray(lengths.get("trunk", 0.0)), dorsiflexion_limit_rad,
                                 0.0 if box_m is None else box_m)
    frac = place_fraction(fraction, base_shape)
    shape = broadcast_shape(np.zeros(base_shape), 0.0 if frac is None else frac)
    feas = Feasibility(shape)

    def bc(x):
        return np.broadcast_to(np.asarray(x, dtype=float), shape)

    L_s, L_t = bc(L_s0), bc(L_t0)
    cphi, calpha, salpha = stance_projection(width, toe_out_rad, spacing, L_s + L_t)
    cphi, calpha = bc(cphi), bc(np.nan_to_num(calpha, nan=1.0))
    bad_w = np.abs(bc(salpha)) > np.sin(np.radians(45.0))
    feas.flag(bad_w, "stance_width", stance_width=quantity(bc(width), "m"), hip_spacing=quantity(spacing, "m"))
    bad_phi = np.abs(bc(toe_out_rad)) > np.radians(60.0)
    feas.flag(bad_phi, "stance_width", toe_out=quantity(np.degrees(bc(toe_out_rad)), "deg"))
    calpha = np.where(bad_w, 1.0, calpha)
    cphi = np.where(bad_phi, 1.0, cphi)

    # the foot, seen from the side: horizontal landmarks shrink by cos(toe-out)
    ball, toe, ank_x, ank_y = fg.ball_x * cphi, fg.toe_x * cphi, fg.ankle_x * cphi, fg.ankle_y
    h = bc(heel_lift_m)
    with np.errstate(invalid="ignore"):
        sin_f = h / ball
    bad_heel = (h < 0) | (sin_f > np.sin(np.radians(MAX_HEEL_ANGLE_DEG)))
    feas.flag(bad_heel, "heel_lift", heel_lift=quantity(h, "m"),
              largest=quantity(ball * np.sin(np.radians(MAX_HEEL_ANGLE_DEG)), "m"))
    sin_f = np.where(bad_heel, 0.0, sin_f)
    f = np.arcsin(sin_f)                                    # side-view foot angle
    f_true = np.arcsin(np.clip(h / fg.ball_x, -1, 1))       # the foot's own angle, for the ankle's range
    cf = np.cos(f)
    heel_x = ball - ball * cf
    toe_x_w = heel_x + toe * cf
    ankle_x_w = heel_x + ank_x * cf + ank_y * sin_f
    ankle_y_w = -ank_x * sin_f + ank_y * cf + ball * sin_f  # heel raised by ball * sin(f)

    # knee travel -> shank lean (in the leg's plane)
    depth_front = body.knee_depth_m * cphi if knee_travel_at == "front" else 0.0
    with np.errstate(invalid="ignore", divide="ignore"):
        sin_s = (bc(knee_travel_m) + toe_x_w - depth_front - ankle_x_w) / (L_s * cphi)
    bad = np.abs(sin_s) > 1
    feas.flag(bad, "knee_travel", knee_travel=quantity(bc(knee_travel_m), "m"),
              shank_length=quantity(L_s, "m"))
    s_bottom = np.arcsin(np.clip(sin_s, -1, 1))

    # depth -> thigh angle (in the leg's plane), from an angle, a hip height or a box
    if box_m is not None:
        seat = BOX_SEAT_OFFSET_PER_STATURE * body_height(body)
        knee_y = ankle_y_w + L_s * np.cos(s_bottom) * calpha
        dh = bc(box_m) + seat - knee_y
        with np.errstate(invalid="ignore", divide="ignore"):
            cos_t = dh / (L_t * calpha)
        bad = (np.abs(cos_t) > 1) | (bc(box_m) <= 0)
        feas.flag(bad, "box_height", box=quantity(bc(box_m), "m"),
                  lowest=quantity(knee_y - L_t * calpha - seat, "m"),
                  highest=quantity(knee_y + L_t * calpha - seat, "m"))
        t_bottom = np.arccos(np.clip(cos_t, -1, 1))
        feas.flag(s_bottom + t_bottom > np.radians(165.0), "box_height", box=quantity(bc(box_m), "m"),
                  knee_flexion=quantity(np.degrees(s_bottom + t_bottom), "deg"), limit=quantity(165.0, "deg"))
    elif depth_kind == "height":
        with np.errstate(invalid="ignore", divide="ignore"):
            cos_t = bc(depth_value) / (L_t * calpha)
        feas.flag(np.abs(cos_t) > 1, "depth", hip_above_knee=quantity(bc(depth_value), "m"),
                  reach=quantity(L_t * calpha, "m"))
        t_bottom = np.arccos(np.clip(cos_t, -1, 1))
    else:
        # depth is the thigh angle as given (0 = standing, 90 deg = parallel); past the knee's
        # flexion limit it cannot be reached, whatever the other angles
        feas.flag((bc(depth_value) > np.radians(165.0)) | (bc(depth_value) < np.radians(-45.0)), "depth",
                  depth=quantity(np.degrees(bc(depth_value)), "deg"))
        t_bottom = in_plane_from_sagittal(bc(depth_value), cphi, calpha)

    if frac is None:
        s, t = s_bottom, t_bottom
    else:
        s, t = s_bottom * frac, t_bottom * frac
    limit = bc(dorsiflexion_limit_rad)
    feas.flag(s - f_true > limit, "dorsiflexion", dorsiflexion=quantity(np.degrees(s - f_true), "deg"),
              limit=quantity(np.degrees(limit), "deg"), knee_travel=quantity(bc(knee_travel_m), "m"))
    feas.flag(s + t > np.radians(165.0), "depth", knee_flexion=quantity(np.degrees(s + t), "deg"),
              limit=quantity(165.0, "deg"))
    s_side, k_s = project_segment(s, cphi, calpha)
    t_side, k_t = project_segment(t, cphi, calpha)

    # the body seen from the side, lengths as arrays where they vary
    lens = {"shank": np.nan_to_num(L_s * k_s, nan=1.0), "thigh": np.nan_to_num(L_t * k_t, nan=1.0)}
    if "trunk" in lengths:
        lens["trunk"] = bc(lengths["trunk"])
    lens = {k: (float(v.flat[0]) if v.size and np.all(v == v.flat[0]) else v) for k, v in lens.items()}
    loads: list[Load] = []
    tied = None
    arms_angle = 0.0
    arms_geom = None
    if hold in ("high_bar", "low_bar", "front"):
        loads.append(Barbell(quantity(load_kg, "kg"), hold))
        grip = BAR_POSITIONS[hold]
    elif hold == "goblet":
        loads.append(HandLoad(quantity(load_kg, "kg"), label="goblet weight"))
        grip = GOBLET_GRIP
    else:
        grip = None
        if np.any(np.asarray(load_kg) > 0):
            raise InputValueError("a load needs a way to hold it: bar='high_bar', 'low_bar', 'front' or 'goblet'.")
    if body.arms is not None:
        if grip is not None and arms_rad is None:
            b, o = grip
            arms_geom = (float(np.hypot(b, o)), 0.5)
            tied = {"arms": (float(np.arctan2(o, -b)), -1.0)}
        else:
            arms_angle = np.pi / 2 if arms_rad is None else arms_rad
    loads.extend(extra_loads)
    fscale = cphi if np.any(cphi != 1.0) else 1.0
    if np.ndim(fscale) and fscale.size and np.all(fscale == fscale.flat[0]):
        fscale = float(fscale.flat[0])
    abody = array_body(body, lens, foot_scale=fscale, knee_depth_scale=fscale, arms=arms_geom)
    model = make_model(abody, loads, "both", "feet")

    angles = {"foot": f, "shank": s_side, "thigh": t_side, "trunk": 0.0, "arms": arms_angle}
    target = _target_x(abody, cop, f)
    k, ok = solve_free_angle(model, angles, "trunk", target, tied)
    feas.flag(~ok, "balance", shank=quantity(np.degrees(s_side), "deg"), thigh=quantity(np.degrees(t_side), "deg"))
    feas.flag(k > np.pi / 2 + 1e-12, "trunk_past_horizontal", trunk=quantity(np.degrees(k), "deg"))
    feas.flag(k < -np.pi / 2, "balance", trunk=quantity(np.degrees(k), "deg"))
    feas.flag((t_side + k > np.radians(165.0)) | (t_side + k < np.radians(-45.0)), "joint_range",
              hip_flexion=quantity(np.degrees(t_side + k), "deg"))
    angles["trunk"] = k
    if tied:
        g, sgn = tied["arms"]
        angles["arms"] = g + sgn * k
    angles = {n: feas.nan(v) for n, v in angles.items()}
    pose = Pose.from_radians(angles["shank"], angles["thigh"], angles["trunk"], angles["foot"], angles["arms"])
    info = {"in_plane": {"shank": feas.nan(s), "thigh": feas.nan(t), "foot": feas.nan(f_true)},
            "target_x": target, "cos_toe_out": cphi, "cos_abduction": calpha}
    return pose, model, angles, feas, info


def _target_x(abody: Body, cop: Any, f: Any) -> Any:
    """x of the target point of the centre of pressure (on the ground line)."""
    fg = abody.foot_geometry
    if isinstance(cop, str):
        key = cop.strip().lower()
        if key not in _COP_TARGETS:
            raise InputValueError(f"cop={cop!r} is not a target point; expected one of {_COP_TARGETS} or a "
                                  f"distance from the heel along the foot (a length).")
        along = {"midfoot": 0.5 * fg.toe_x, "ball": fg.ball_x, "heel": 0.0 * fg.ball_x}[key]
    else:
        along = cop  # metres from the heel, along the sole
    heel_x = fg.ball_x - fg.ball_x * np.cos(f)
    return heel_x + along * np.cos(f)


#: The fix each reason suggests, added to a single squat's error message.
_HINTS = {
    "depth": "Fix: a shallower depth; depth is the thigh angle (0 deg standing, 90 deg = thigh parallel, "
             "at most 165 deg of knee flexion), or 'parallel'.",
    "dorsiflexion": "Fix: less knee travel, a heel lift (heel_lift='2.5 cm'), or a higher dorsiflexion_limit.",
}


def _result(name: str, body: Body, pose, model: StaticModel, angles, feas: Feasibility, params: dict,
            info: dict, call: tuple) -> ExerciseResult:
    sc = model.sincos(angles)
    moments = MomentResult(model, pose, sc, model.moments(sc))
    single = feas.shape == ()
    feas.raise_if_single(single, name, _HINTS)
    extras = {"in_plane_angles": {k: quantity(np.degrees(v), "deg") for k, v in info["in_plane"].items()},
              "target": quantity(info["target_x"], "m")}
    extras.update(_thigh_calf_contact(body, info, moments))
    return ExerciseResult(name, pose, moments, params, bool(feas.ok) if single else feas.ok,
                          str(feas.reason) if single else feas.reason, extras, call)


def _thigh_calf_contact(body: Body, info: dict, moments: MomentResult) -> dict:
    """Zelle et al. (2007) thigh-calf contact: force per leg and the knee moment it relieves."""
    z = ZELLE_CONTACT
    knee = np.degrees(info["in_plane"]["shank"] + info["in_plane"]["thigh"])
    ramp = np.clip((knee - z["onset_deg"]) / (z["max_deg"] - z["onset_deg"]), 0.0, 1.0)
    force = ramp * z["max_fraction_bw"] * body.mass_kg * 9.80665
    relief = force * z["lever_fraction"] * np.asarray(moments.model.body.shank.length_m)
    knee_net = moments.knee.to("N*m").magnitude - relief
    return {"thigh_calf_force": quantity(force, "N"), "knee_with_thigh_calf_contact": quantity(knee_net, "N*m")}


def squat(body: Body, depth: Any = "parallel", knee_travel: Any = "5 cm", load: Any = None, bar: Any = "high_bar",
          *, heel_lift: Any = "0 cm", stance_width: Any = None, toe_out: Any = "0 deg", knee_travel_at: str = "front",
          cop: Any = "midfoot", box: Any = None, arms: Any = None, dorsiflexion_limit: Any = None,
          lengths: dict[str, Any] | None = None, hip_width: Any = None, extra_loads: Sequence[Load] = (),
          _fraction: Any = None, _name: str = "squat") -> ExerciseResult:
    """A squat's bottom position, balanced over the target point, and its joint moments.

    Parameters
    ----------
    body : Body
        The lifter.
    depth : Quantity or str
        The thigh angle seen from the side (``"parallel"`` = 90 deg, thigh horizontal;
        more is deeper), or a length: the hip joint centre's height above the knee joint
        centre (negative = below the knee).
    knee_travel : Quantity or str
        Horizontal distance of the front of the knee ahead of the toe tip (positive =
        past the toes), as a coach sees it; ``knee_travel_at="centre"`` measures it at
        the knee joint centre instead. Default 5 cm.
    load : Quantity or str, optional
        The bar's (or goblet weight's) mass, or its weight as a force. Arrays sweep.
    bar : {"high_bar", "low_bar", "front", "goblet", None}
        Where the load sits (``"high"``/``"low"`` accepted). ``None``: a bodyweight squat.
    heel_lift : Quantity or str
        Height of a wedge under the heels (the balls of the feet stay on the floor):
        the foot angle is ``asin(heel_lift / heel-to-ball distance)``; up to 30 deg.
    stance_width : Quantity or str, optional
        Distance between the ankle joint centres; default the hip joint spacing
        (Harrington et al. 2007). Wider legs tilt out, and their vertical parts
        shorten in the side view (see ``docs/exercises.md``).
    toe_out : Quantity or str
        Feet turned out by this angle (knees tracking the toes): horizontal parts of
        the foot and legs shorten in the side view by cos(toe_out).
    knee_travel_at : {"front", "centre"}
        Where knee travel is measured.
    cop : {"midfoot", "ball", "heel"} or Quantity
        Target point of the centre of pressure (a length is the distance from the heel
        along the sole). Default the midfoot (heel-toe midpoint).
    box : Quantity or str, optional
        Box height: the bottom is where the hip joint centre sits
        ``BOX_SEAT_OFFSET_PER_STATURE * stature`` above the box (overrides ``depth``).
    arms : Quantity or str, optional
        Arm angle (world, 0 = hanging) for a bodyweight squat; default 90 deg (reaching
        forward). With a load the arms are folded to the grip.
    dorsiflexion_limit : Quantity or str, optional
        Largest ankle dorsiflexion allowed; default :data:`~biomech.exercises.common.DORSIFLEXION_LIMIT_DEG`.
    lengths : dict, optional
        Segment lengths (``"shank"``, ``"thigh"``, ``"trunk"``) overriding the body's;
        arrays sweep over body proportions.
    hip_width : Quantity or str, optional
        Distance between the hip joint centres (default from Harrington et al. 2007).
    extra_loads : sequence of Load
        Bands, cables or other loads added to the bar (their forces count in the balance).

    Returns
    -------
    ExerciseResult
        ``.pose``, ``.moments`` (MomentResult), ``.parameters``, ``.feasible``, ``.reason``,
        ``.knee``, ``.hip``, ``.ankle``, ``.lumbar``, ``.rep_path()``. ``.extras`` holds the
        in-plane leg angles and the Zelle et al. (2007) thigh-calf contact estimate
        (``knee_with_thigh_calf_contact``), which ``.moments`` leaves out.

    Raises
    ------
    InfeasiblePoseError
        For a single request that cannot exist (arrays give NaN, ``feasible`` and ``reason``).

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> sq = bm.exercises.squat(body, depth="parallel", knee_travel="5 cm", load="100 kg", bar="high_bar")
    >>> round(float(sq.trunk.to("deg").magnitude), 1) > 0, sq.feasible
    (True, True)
    >>> abs(float(sq.cop.magnitude[0] - sq.extras["target"].magnitude)) < 1e-9
    True
    """
    check_body(body)
    hold = _hold(bar)
    kind, dval = _depth(depth)
    if not isinstance(knee_travel_at, str) or knee_travel_at not in ("front", "centre", "center"):
        raise InputValueError(f"knee_travel_at={knee_travel_at!r}: expected 'front' or 'centre'.")
    at = "front" if knee_travel_at == "front" else "centre"
    load_kg = load_mass(load)
    lim = np.radians(DORSIFLEXION_LIMIT_DEG) if dorsiflexion_limit is None else as_angle(dorsiflexion_limit,
                                                                                          "dorsiflexion_limit")
    lengths = check_lengths(lengths)
    for k in lengths:
        if k not in ("shank", "thigh", "trunk"):
            raise InputValueError(f"lengths has {k!r}; expected shank, thigh or trunk.")
    lens = {k: as_length(v, f"lengths[{k!r}]", positive=True) for k, v in lengths.items()}
    extra_loads = check_loads(extra_loads)
    cop_v = check_choice(cop, "cop", _COP_TARGETS) if isinstance(cop, str) else as_length(cop, "cop")
    if np.ndim(cop_v):
        others = broadcast_shape(load_kg, dval, as_length(knee_travel, "knee_travel"),
                                 as_length(heel_lift, "heel_lift"), *lens.values(), lim,
                                 0.0 if box is None else as_length(box, "box"),
                                 0.0 if stance_width is None else as_length(stance_width, "stance_width"),
                                 as_angle(toe_out, "toe_out"))
        check_broadcasts_into(cop_v, others, "cop")
    pose, model, angles, feas, info = squat_kernel(
        body, hold=hold, load_kg=load_kg, depth_kind=kind, depth_value=dval,
        knee_travel_m=as_length(knee_travel, "knee_travel"), heel_lift_m=as_length(heel_lift, "heel_lift"),
        stance_width_m=None if stance_width is None else as_length(stance_width, "stance_width", positive=True),
        toe_out_rad=as_angle(toe_out, "toe_out"), knee_travel_at=at, cop=cop_v,
        box_m=None if box is None else as_length(box, "box"),
        arms_rad=None if arms is None else as_angle(arms, "arms"), dorsiflexion_limit_rad=lim, lengths=lens,
        hip_spacing_m=None if hip_width is None else as_length(hip_width, "hip_width", positive=True),
        extra_loads=tuple(extra_loads), fraction=_fraction)
    params = {"depth": depth if kind == "angle" and isinstance(depth, str) else quantity(
                  np.degrees(dval) if kind == "angle" else dval, "deg" if kind == "angle" else "m"),
              "knee_travel": quantity(as_length(knee_travel, "knee_travel"), "m"), "knee_travel_at": at,
              "load": quantity(load_kg, "kg"), "bar": hold, "heel_lift": quantity(as_length(heel_lift, "heel_lift"), "m"),
              "stance_width": quantity(hip_joint_spacing(body) if stance_width is None else
                                       as_length(stance_width, "stance_width"), "m"),
              "toe_out": quantity(np.degrees(as_angle(toe_out, "toe_out")), "deg"), "cop": cop,
              "box": None if box is None else quantity(as_length(box, "box"), "m"),
              "dorsiflexion_limit": quantity(np.degrees(lim), "deg"), "support": "feet", "stance": "both",
              "lengths": {k: quantity(v, "m") for k, v in lens.items()},
              "fraction": None if _fraction is None else np.asarray(_fraction, dtype=float)}
    call = (squat, (body,), dict(depth=depth, knee_travel=knee_travel, load=load, bar=bar, heel_lift=heel_lift,
                                 stance_width=stance_width, toe_out=toe_out, knee_travel_at=knee_travel_at, cop=cop,
                                 box=box, arms=arms, dorsiflexion_limit=dorsiflexion_limit, lengths=lengths,
                                 hip_width=hip_width, extra_loads=extra_loads, _name=_name))
    return _result(_name, body, pose, model, angles, feas, params, info, call)


def front_squat(body: Body, depth: Any = "parallel", knee_travel: Any = "5 cm", load: Any = None, **kw: Any
                ) -> ExerciseResult:
    """A front squat: :func:`squat` with the bar in the front rack (``bar="front"``).

    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> fs = bm.exercises.front_squat(body, load="80 kg")
    >>> hs = bm.exercises.squat(body, load="80 kg", bar="high_bar")
    >>> bool(fs.trunk < hs.trunk)
    True
    """
    return squat(body, depth, knee_travel, load, "front", _name="front_squat", **kw)


def goblet_squat(body: Body, depth: Any = "parallel", knee_travel: Any = "5 cm", load: Any = "20 kg", **kw: Any
                 ) -> ExerciseResult:
    """A goblet squat: the weight held in both hands against the chest (:data:`GOBLET_GRIP`).

    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> bool(bm.exercises.goblet_squat(body, load="24 kg").feasible)
    True
    """
    return squat(body, depth, knee_travel, load, "goblet", _name="goblet_squat", **kw)


def bodyweight_squat(body: Body, depth: Any = "parallel", knee_travel: Any = "5 cm", **kw: Any) -> ExerciseResult:
    """A bodyweight squat, arms reaching forward (``arms=`` to change).

    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> float(bm.exercises.bodyweight_squat(body).knee.magnitude) > 0
    True
    """
    return squat(body, depth, knee_travel, None, None, _name="bodyweight_squat", **kw)


def box_squat(body: Body, box: Any = "40 cm", knee_travel: Any = "0 cm", load: Any = "60 kg", bar: Any = "low_bar",
              **kw: Any) -> ExerciseResult:
    """A box squat: the bottom is sitting on a box of the given height (shins near vertical
    by default), with a low bar.

    The default load is 60 kg: with the knees held at the toes and nothing on the bar, no trunk
    lean puts the centre of mass over the midfoot (the lifter would sit back onto the box, which
    a balance over the feet does not model), so the unloaded default would be infeasible.

    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> bs = bm.exercises.box_squat(body, box="45 cm", load="100 kg")
    >>> round(float(bs.pose.thigh.magnitude)) > 60
    True
    """
    return squat(body, "parallel", knee_travel, load, bar, box=box, _name="box_squat", **kw)
