"""Squats: back (high and low bar), front, goblet, bodyweight, heel-elevated, wide and
toes-out, box squats; their balanced bottom positions and rep paths.

A squat request fixes the legs: the heel lift gives the foot angle, the depth the thigh
angle, and the shank lean is either the typical technique's at that depth (the default:
:mod:`biomech.exercises.technique`) or the one a given knee travel sets. The trunk lean is
then what balances the lifter with the ground reaction at the target point of the foot (by
default the typical pressure point, which moves from the quiet-standing line of gravity
to the squat's measured value as the lifter goes down), solved in closed form (:mod:`biomech.exercises.common`), vectorized over every array
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
from ..model.pose import Pose, lumbar_ratios, trunk_line_offset
from ..mechanics.statics import MomentResult, StaticModel
from ..units import quantity
from .spec import DEPTH_WORDS, ExerciseSpec, declare, param, sampling_params, spec_function
from .common import (DORSIFLEXION_LIMIT_DEG, ExerciseResult, Feasibility, array_body, as_angle, as_length, make_model,
                     body_height, broadcast_shape, check_body, check_broadcasts_into, check_lengths,
                     check_loads, hip_joint_spacing, in_plane_from_sagittal, is_length,
                     load_mass, place_fraction, project_segment, solve_free_angle, solve_lumbopelvic,
                     stance_projection)
from .common import check_single, cop_value

__all__ = ["squat", "front_squat", "goblet_squat", "bodyweight_squat", "box_squat", "squat_kernel",
           "Squat", "FrontSquat", "GobletSquat", "BodyweightSquat", "BoxSquat",
           "GOBLET_GRIP", "BOX_SEAT_OFFSET_PER_STATURE", "TRUNK_LEAN_AT_PARALLEL_DEG", "MAX_HEEL_ANGLE_DEG", "ZELLE_CONTACT"]

#: Where a goblet weight is held, relative to the shoulder joint centre in trunk
#: coordinates: 0.15 m down the trunk and 0.22 m in front of it (against the sternum:
#: chest depth in front of the shoulder joint plus the bell's radius). Assumption.
GOBLET_GRIP = (-0.15, 0.22)

#: Sitting on a box, the hip joint centre lies above the box top by about the depth of
#: the ischial tuberosities below it; taken as 0.045 * stature (8 cm at 1.78 m).
#: Assumption: no published proportion was used.
BOX_SEAT_OFFSET_PER_STATURE = 0.045

#: Shoulder width over stature, to read a stance width in the shoulder widths Escamilla et al. (2001)
#: normalised by: 0.259 (Winter DA, Biomechanics and Motor Control of Human Movement, 4th ed., 2009,
#: Fig. 4.1, segment lengths after Drillis & Contini 1966; not re-read here). Used only for the typical
#: technique's stance effect on the shin lean.
SHOULDER_WIDTH_PER_STATURE = 0.259

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

#: The trunk lean (hip joint centre to shoulder, from vertical) at which a squat's lumbar flexion
#: reaches the ``lumbar_flexion`` given (default ``technique.LUMBAR_FLEXION_SQUAT``, measured at
#: the bottom of loaded back squats): the lumbopelvic rhythm's share is lumbar_flexion / this
#: lean, the same at every depth and in every pose of the rep; a trunk leaning further holds the
#: flexion at ``lumbar_flexion`` (the measured bottom value is taken as the most the spine flexes). 38 deg is the rigid-trunk lean that
#: balances the typical 100 kg high-bar squat at parallel on the reference body (37.9 deg).
#: Assumption: Walsh et al. (2007) and McKean et al. (2010) report the lumbar angle, not the trunk
#: lean beside it, so the lean it refers to is the model's own typical parallel bottom.
TRUNK_LEAN_AT_PARALLEL_DEG = 38.0

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
    if isinstance(depth, str) and depth.strip().lower() in DEPTH_WORDS:
        return "angle", np.radians(DEPTH_WORDS[depth.strip().lower()])
    if is_length(depth, "depth"):
        return "height", as_length(depth, "depth")
    return "angle", as_angle(depth, "depth")


def squat_kernel(body: Body, *, hold: str, load_kg: Any, depth_kind: str, depth_value: Any, knee_travel_m: Any,
                 heel_lift_m: Any = 0.0, stance_width_m: Any = None, toe_out_rad: Any = 0.0,
                 knee_travel_at: str = "front", cop: Any = "midfoot", box_m: Any = None,
                 arms_rad: Any = None, dorsiflexion_limit_rad: Any = np.radians(DORSIFLEXION_LIMIT_DEG),
                 lengths: dict[str, Any] | None = None, hip_spacing_m: float | None = None,
                 extra_loads: Sequence[Load] = (), fraction: Any = None, cop_fraction: Any = None,
                 shank_at_parallel_rad: Any = None, technique_stance: Any = None, cop_standing_m: Any = None,
                 lumbar_flexion_rad: Any = None):
    """The unit-free squat solver: SI floats or arrays in, (pose, model, angles, feasibility, info) out.

    Every array argument broadcasts; ``fraction`` (0 top .. 1 bottom) scales the bottom
    position's thigh angle (and, with a knee travel, its shank lean) for the rep path.
    Technique (:mod:`biomech.exercises.technique`, the typical values or samples):
    ``cop_fraction`` places the centre of pressure at that fraction of the heel-to-toe-tip
    length at parallel and deeper (replacing ``cop``); with ``cop_standing_m`` (metres ahead of
    the ankle joint at depth 0) the pressure point runs linearly in the thigh angle between the
    two. ``shank_at_parallel_rad`` sets the shin lean from the thigh angle of each pose with
    :func:`~biomech.exercises.technique.squat_shank_lean`'s relation at ``technique_stance``
    (shoulder widths; default the reference stance), replacing the knee travel; with a box the
    shin and the thigh angle the box allows are solved together.

    ``lumbar_flexion_rad`` splits the trunk at L5/S1 with the lumbopelvic rhythm
    (:func:`~biomech.exercises.common.solve_lumbopelvic`): the lumbar flexion is the share
    ``lumbar_flexion_rad / TRUNK_LEAN_AT_PARALLEL_DEG`` of the hip-to-shoulder lean, held at
    ``lumbar_flexion_rad`` beyond that lean (the measured bottom value is the most the spine
    flexes), and the pelvis is what balances; the upper body sits at pelvis + lumbar flexion, so
    ``angles`` holds ``pelvis`` and ``upper_body`` and the pose is split. ``None`` or zeros
    everywhere: the rigid trunk, solved as before (``angles["trunk"]``).
    """
    lengths = dict(lengths or {})
    L_s0 = np.asarray(lengths.get("shank", body.shank.length_m), dtype=float)
    L_t0 = np.asarray(lengths.get("thigh", body.thigh.length_m), dtype=float)
    fg = body.foot_geometry
    spacing = hip_joint_spacing(body) if hip_spacing_m is None else hip_spacing_m
    width = spacing if stance_width_m is None else stance_width_m
    base_shape = broadcast_shape(load_kg, depth_value, 0.0 if knee_travel_m is None else knee_travel_m, heel_lift_m,
                                 width, toe_out_rad, L_s0, L_t0, np.asarray(lengths.get("trunk", 0.0)),
                                 dorsiflexion_limit_rad, 0.0 if box_m is None else box_m,
                                 0.0 if cop_fraction is None else cop_fraction,
                                 0.0 if shank_at_parallel_rad is None else shank_at_parallel_rad,
                                 0.0 if technique_stance is None else technique_stance,
                                 0.0 if cop_standing_m is None else cop_standing_m,
                                 0.0 if lumbar_flexion_rad is None else lumbar_flexion_rad)
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

    rule = shank_at_parallel_rad is not None
    if rule:
        # the typical technique: the shin leans further as the lifter goes deeper
        # (technique.squat_shank_lean), from its quiet-standing lean at depth 0
        from .technique import _REF_STANCE, _shank_lean_si

        sp = bc(shank_at_parallel_rad)
        stance_sw = _REF_STANCE if technique_stance is None else bc(technique_stance)
        s_bottom = _shank_lean_si(np.full(shape, 0.5 * np.pi), sp, stance_sw)
    else:
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
        # with the shin rule the knee's height depends on the thigh angle the box allows: a few
        # fixed-point steps (the shin changes by about 0.3 deg per deg of thigh) converge to 1e-9 rad
        for _ in range(12 if rule else 1):
            knee_y = ankle_y_w + L_s * np.cos(s_bottom) * calpha
            dh = bc(box_m) + seat - knee_y
            with np.errstate(invalid="ignore", divide="ignore"):
                cos_t = dh / (L_t * calpha)
            t_bottom = np.arccos(np.clip(cos_t, -1, 1))
            if rule:
                s_bottom = _shank_lean_si(t_bottom, sp, stance_sw)
        bad = (np.abs(cos_t) > 1) | (bc(box_m) <= 0)
        feas.flag(bad, "box_height", box=quantity(bc(box_m), "m"),
                  lowest=quantity(knee_y - L_t * calpha - seat, "m"),
                  highest=quantity(knee_y + L_t * calpha - seat, "m"))
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
        if rule:
            s_bottom = _shank_lean_si(t_bottom, sp, stance_sw)

    if frac is None:
        s, t = s_bottom, t_bottom
    else:
        t = t_bottom * frac
        s = _shank_lean_si(t, sp, stance_sw) if rule else s_bottom * frac
    limit = bc(dorsiflexion_limit_rad)
    if rule:
        # a lifter's shin stops where the ankle does: the typical lean is capped at the dorsiflexion limit
        s = np.minimum(s, limit + f_true)
    why = ({"shank_lean": quantity(np.degrees(s), "deg")} if rule else
           {"knee_travel": quantity(bc(knee_travel_m), "m")})
    feas.flag(s - f_true > limit, "dorsiflexion", dorsiflexion=quantity(np.degrees(s - f_true), "deg"),
              limit=quantity(np.degrees(limit), "deg"), **why)
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
    if cop_fraction is None:
        target = _target_x(abody, cop, f)
    else:
        afg = abody.foot_geometry
        target = (afg.ball_x - afg.ball_x * np.cos(f)) + bc(cop_fraction) * afg.toe_x * np.cos(f)
        if cop_standing_m is not None:
            # from the quiet-standing line of gravity at depth 0 to the squat's value at parallel
            w = np.clip(t / (0.5 * np.pi), 0.0, 1.0)
            stand = ankle_x_w + bc(cop_standing_m) * cphi
            target = stand + w * (target - stand)
    split = lumbar_flexion_rad is not None and np.any(np.asarray(lumbar_flexion_rad) != 0.0)
    if split:
        # the lumbopelvic rhythm: the pelvis from balance, the lumbar flexion a share of the lean up
        # to the given flexion, then held there
        del angles["trunk"]
        cap = bc(lumbar_flexion_rad)
        ratios = lumbar_ratios(abody)   # constant over array lengths: the landmarks scale with the trunk
        # First the flexion at its cap: where the lean it gives is at least the lean the cap is
        # reached at, the rule's fixed point is the cap itself, and one closed-form solve is all.
        k, ok = solve_free_angle(model, angles, "pelvis", target, lumbar=cap, upper_tied=tied)
        lum = cap
        held = ok & (k + trunk_line_offset(cap, ratios) >= np.radians(TRUNK_LEAN_AT_PARALLEL_DEG))
        if not np.all(held):
            # elsewhere the capped rule's fixed point, by secant steps from the balance at the cap;
            # every pelvis is solved at the flexion returned with it, so the pressure sits on the
            # target exactly and the rule is met to 1e-10 rad
            k_r, lum_r, ok_r = solve_lumbopelvic(model, angles, target, cap / np.radians(TRUNK_LEAN_AT_PARALLEL_DEG),
                                                 upper_tied=tied, cap=cap, solved=(cap, k, ok))
            use_cap = held | ~ok_r
            lum, k, ok = np.where(use_cap, cap, lum_r), np.where(use_cap, k, k_r), np.where(use_cap, ok, ok_r)
        line = k + trunk_line_offset(lum, ratios)          # the hip-to-shoulder line
    else:
        k, ok = solve_free_angle(model, angles, "trunk", target, tied)
        lum, line = 0.0, k
    feas.flag(~ok, "balance", shank=quantity(np.degrees(s_side), "deg"), thigh=quantity(np.degrees(t_side), "deg"))
    feas.flag(line > np.pi / 2 + 1e-12, "trunk_past_horizontal", trunk=quantity(np.degrees(line), "deg"))
    feas.flag(line < -np.pi / 2, "balance", trunk=quantity(np.degrees(line), "deg"))
    feas.flag((t_side + k > np.radians(165.0)) | (t_side + k < np.radians(-45.0)), "joint_range",
              hip_flexion=quantity(np.degrees(t_side + k), "deg"))
    if split:
        angles["pelvis"] = k
        angles["upper_body"] = k + lum
    else:
        angles["trunk"] = k
    if tied:
        g, sgn = tied["arms"]
        angles["arms"] = g + sgn * (k + lum)
    angles = {n: feas.nan(v) for n, v in angles.items()}
    if split:
        pose = Pose.from_radians(angles["shank"], angles["thigh"], None, angles["foot"], angles["arms"],
                                 pelvis=angles["pelvis"], lumbar=feas.nan(bc(lum)))
    else:
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
            info: dict) -> ExerciseResult:
    sc = model.sincos(angles)
    moments = MomentResult(model, pose, sc, model.moments(sc))
    single = feas.shape == ()
    feas.include(moments)
    feas.raise_if_single(single, name, _HINTS)
    extras = {"in_plane_angles": {k: quantity(np.degrees(v), "deg") for k, v in info["in_plane"].items()},
              "target": quantity(info["target_x"], "m")}
    extras.update(_thigh_calf_contact(body, info, moments))
    return ExerciseResult(name, pose, moments, params, bool(feas.ok) if single else feas.ok,
                          str(feas.reason) if single else feas.reason, extras)


def _thigh_calf_contact(body: Body, info: dict, moments: MomentResult) -> dict:
    """Zelle et al. (2007) thigh-calf contact: force per leg and the knee moment it relieves."""
    z = ZELLE_CONTACT
    knee = np.degrees(info["in_plane"]["shank"] + info["in_plane"]["thigh"])
    ramp = np.clip((knee - z["onset_deg"]) / (z["max_deg"] - z["onset_deg"]), 0.0, 1.0)
    force = ramp * z["max_fraction_bw"] * body.mass_kg * 9.80665
    relief = force * z["lever_fraction"] * np.asarray(moments.model.body.shank.length_m)
    knee_net = moments.knee.to("N*m").magnitude - relief
    return {"thigh_calf_force": quantity(force, "N"), "knee_with_thigh_calf_contact": quantity(knee_net, "N*m")}


def _typical(body: Body, hold: str, box: bool, stance_width_m: Any) -> dict:
    """The typical squat technique in SI (:mod:`biomech.exercises.technique`): shin lean at parallel,
    the stance it refers to (shoulder widths), the pressure point at parallel (fraction of the foot)
    and at depth 0 (m ahead of the ankle). A squat onto a box is sat back onto: the wide stance and
    the pressure further back (``STANCE_BOX``, ``COP_SITTING_BACK``; assumptions after Swinton 2012)."""
    from . import technique as tq

    tbar = _TECHNIQUE_BAR[hold]
    if stance_width_m is None:
        stance = tq.STANCE_BOX.mean if box else tq._REF_STANCE
    else:
        # in shoulder widths, kept inside the measured range (the relation is not extrapolated)
        stance = np.clip(np.asarray(stance_width_m, dtype=float) / (SHOULDER_WIDTH_PER_STATURE * body_height(body)),
                         tq.STANCE_NARROW.mean, tq.STANCE_WIDE.mean)
    return {"shank_at_parallel_rad": tq.SHANK_AT_PARALLEL[tbar].mean_si, "technique_stance": stance,
            "cop_fraction": (tq.COP_SITTING_BACK if box else tq.COP_SQUAT).mean,
            "cop_standing_m": tq.COP_STANDING.mean_si, "technique_bar": tbar}


def _squat(body: Body, *, depth: Any = "parallel", knee_travel: Any = None, load: Any = None,
           bar: Any = "high_bar", heel_lift: Any = "0 cm", stance_width: Any = None, toe_out: Any = "0 deg",
           knee_travel_at: str = "front", cop: Any = None, box: Any = None, arms: Any = None,
           dorsiflexion_limit: Any = None, lengths: dict[str, Any] | None = None, hip_width: Any = None,
           extra_loads: Sequence[Load] = (), fraction: Any = None, name: str = "squat",
           technique: dict | None = None, lumbar_flexion: Any = None) -> ExerciseResult:
    """The squat family's solver behind :class:`Squat` and its variants (units to SI, the
    kernel, the result). ``fraction`` (0 top .. 1 bottom) gives the rep path; ``name`` the
    exercise named in the result and in errors. ``knee_travel=None`` and ``cop=None`` take the
    typical technique (:func:`_typical`); ``technique`` holds drawn samples instead."""
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
    kt = None if knee_travel is None else as_length(knee_travel, "knee_travel")
    sw = None if stance_width is None else as_length(stance_width, "stance_width", positive=True)
    box_m = None if box is None else as_length(box, "box_height")
    cop_v = None if cop is None else cop_value(cop, _COP_TARGETS)
    technique = dict(technique or {})
    typ = _typical(body, hold, box is not None, sw)
    if kt is None and technique.get("shank_at_parallel_rad") is None:
        technique["shank_at_parallel_rad"] = typ["shank_at_parallel_rad"]
    if cop_v is None and technique.get("cop_fraction") is None:
        technique["cop_fraction"] = typ["cop_fraction"]
    if cop_v is not None and np.ndim(cop_v) and technique.get("cop_fraction") is None:
        others = broadcast_shape(load_kg, dval, 0.0 if kt is None else kt,
                                 as_length(heel_lift, "heel_lift"), *lens.values(), lim,
                                 0.0 if box_m is None else box_m, 0.0 if sw is None else sw,
                                 as_angle(toe_out, "toe_out"))
        check_broadcasts_into(cop_v, others, "cop")
    rule = kt is None
    from . import technique as tq

    if technique.get("lumbar_flexion_rad") is not None:
        lumbar_rad = technique["lumbar_flexion_rad"]
    elif lumbar_flexion is None:
        lumbar_rad = tq.LUMBAR_FLEXION_SQUAT.mean_si
    else:
        lumbar_rad = as_angle(lumbar_flexion, "lumbar_flexion")
        if np.any(np.asarray(lumbar_rad) < 0) or np.any(np.asarray(lumbar_rad) > np.radians(60.0)):
            raise InputValueError(f"lumbar_flexion={lumbar_flexion!r}: expected 0 to 60 deg of lumbar flexion "
                                  f"at a typical parallel bottom ('0 deg': a rigid trunk).")
    pose, model, angles, feas, info = squat_kernel(
        body, hold=hold, load_kg=load_kg, depth_kind=kind, depth_value=dval,
        knee_travel_m=kt, heel_lift_m=as_length(heel_lift, "heel_lift"),
        stance_width_m=sw, toe_out_rad=as_angle(toe_out, "toe_out"), knee_travel_at=at,
        cop="midfoot" if cop_v is None else cop_v, box_m=box_m,
        arms_rad=None if arms is None else check_single(as_angle(arms, "arms"), "arms"),
        dorsiflexion_limit_rad=lim, lengths=lens,
        hip_spacing_m=None if hip_width is None else as_length(hip_width, "hip_width", positive=True),
        extra_loads=tuple(extra_loads), fraction=fraction, cop_fraction=technique.get("cop_fraction"),
        shank_at_parallel_rad=technique.get("shank_at_parallel_rad") if rule else None,
        technique_stance=typ["technique_stance"] if rule else None,
        cop_standing_m=typ["cop_standing_m"] if cop_v is None else None,
        lumbar_flexion_rad=lumbar_rad)
    tb = typ["technique_bar"]
    params = {"depth": depth if kind == "angle" and isinstance(depth, str) else quantity(
                  np.degrees(dval) if kind == "angle" else dval, "deg" if kind == "angle" else "m"),
              "knee_travel": quantity(kt, "m") if kt is not None else (
                  f"typical technique: the shin lean grows with depth (technique.squat_shank_lean, {tb}: "
                  f"SHANK_STANDING at depth 0, Woodhull 1985; SHANK_AT_PARALLEL['{tb}'] at parallel, an assumption)"),
              "shank_lean": _scalar_or(quantity(np.degrees(info["in_plane"]["shank"]), "deg"),
                                       "per pose: extras['in_plane_angles']['shank']"),
              "knee_travel_at": at,
              "load": quantity(load_kg, "kg"), "bar": hold, "heel_lift": quantity(as_length(heel_lift, "heel_lift"), "m"),
              "stance_width": quantity(hip_joint_spacing(body) if sw is None else sw, "m"),
              "toe_out": quantity(np.degrees(as_angle(toe_out, "toe_out")), "deg"),
              "cop": cop if cop is not None else (
                  "typical technique: from the quiet-standing line of gravity at depth 0 (COP_STANDING, Di Giulio "
                  "2019) to " + ("the sat-back squat's value (COP_SITTING_BACK, Ishida 2022, an assumption for a box)"
                                 if box is not None else "the squat's value (COP_SQUAT, Ishida 2022)") +
                  " at parallel, linear in the thigh angle"),
              "box_height": None if box_m is None else quantity(box_m, "m"),
              "dorsiflexion_limit": quantity(np.degrees(lim), "deg"), "support": "feet", "stance": "both",
              "lengths": {k: quantity(v, "m") for k, v in lens.items()},
              "fraction": None if fraction is None else np.asarray(fraction, dtype=float),
              "lumbar_flexion": (quantity(np.degrees(lumbar_rad), "deg") if lumbar_flexion is not None else
                                 "drawn per sample" if technique.get("lumbar_flexion_rad") is not None else
                                 f"typical technique: {np.degrees(lumbar_rad):.2f} deg (LUMBAR_FLEXION_SQUAT, Walsh "
                                 f"2007, McKean 2010) from a trunk lean of {TRUNK_LEAN_AT_PARALLEL_DEG:g} deg, "
                                 "proportional to the trunk lean below it (the lumbopelvic rhythm)")}
    if rule:
        params["shank_at_parallel"] = _scalar_or(quantity(np.degrees(technique["shank_at_parallel_rad"]), "deg"),
                                                 "drawn per sample")
        params["technique_stance"] = _scalar_or(float(typ["technique_stance"]) if np.ndim(typ["technique_stance"])
                                                == 0 else typ["technique_stance"], "per stance width")
    if cop_v is None:
        params["cop_fraction"] = _scalar_or(float(technique["cop_fraction"]) if np.ndim(technique["cop_fraction"])
                                            == 0 else technique["cop_fraction"], "drawn per sample")
        params["cop_standing"] = quantity(typ["cop_standing_m"], "m")
    return _result(name, body, pose, model, angles, feas, params, info)


def _scalar_or(value: Any, text: str) -> Any:
    """A technique value for ``parameters`` when it is one number, else where to find it (array
    parameters name the result's axes, and these are outputs of the technique, not inputs)."""
    return value if np.ndim(getattr(value, "magnitude", value)) == 0 else text


# --------------------------------------------------------------------------- the declared exercises
_DEPTH_WORDS_TEXT = {w: f"{a:g} deg" for w, a in DEPTH_WORDS.items()}


def _depth_param(default: Any = "parallel") -> Any:
    return param("angle_or_length", default,
                 "Thigh angle from vertical seen from the side (90 deg: the thigh horizontal; more is deeper), "
                 "or a length: the hip joint centre's height above the knee joint centre (negative: below it).",
                 words=_DEPTH_WORDS_TEXT)


def _knee_travel_param(default: Any = None) -> Any:
    return param("length", default, "Horizontal distance of the front of the knee ahead of the toe tip "
                                    "(positive: past the toes), as a coach sees it from the side; it fixes the "
                                    "shin lean at every depth ('0 cm': the knees stopped at the toes).",
                 none="the typical technique: the shin leans further as the lifter goes deeper "
                      "(technique.squat_shank_lean: the quiet-standing lean at depth 0, the bar's typical lean at "
                      "parallel, more upright with a wider stance)",
                 source="Woodhull et al. 1985, Eur J Appl Physiol 54:109 (standing: knee 3.8 +- 2.0 cm ahead of "
                        "the ankle); Escamilla et al. 2001, Med Sci Sports Exerc 33:984 (stance); the lean at "
                        "parallel is an assumption (technique.SHANK_AT_PARALLEL)")


def _load_param(default: Any = None, what: str = "The bar's mass, or its weight as a force") -> Any:
    return param("load", default, f"{what}.", none="no load")


def _bar_param(default: Any = "high_bar") -> Any:
    return param("choice", default, "Where the bar sits: high on the back, low on the back or in the front rack.",
                 choices=("high_bar", "low_bar", "front"), aliases=("high", "low", "goblet", "none"),
                 none="no bar (a bodyweight squat)")


def _squat_technique() -> dict[str, Any]:
    """The fields every squat shares after its main ones (a new dict of fresh fields each call)."""
    return dict(
        heel_lift=param("length", "0 cm", "Height of a wedge under the heels, the balls of the feet on the floor; "
                                          "the foot angle is asin(heel lift / heel-to-ball distance), up to "
                                          "30 deg."),
        stance_width=param("length", None, "Distance between the ankle joint centres; wider legs tilt out and "
                                           "their vertical parts shorten in the side view.",
                           none="the hip joint spacing", positive=True,
                           source="Harrington et al. 2007, J Biomech 40:595 (hip joint centres from pelvic width)"),
        toe_out=param("angle", "0 deg", "Feet turned out by this angle, the knees tracking the toes; horizontal "
                                        "parts of the foot and legs shorten in the side view by cos(toe_out)."),
        knee_travel_at=param("choice", "front", "Where the knee travel is measured: the front of the knee or the "
                                                "knee joint centre.", choices=("front", "centre"),
                             aliases=("center",)),
        cop=param("length", None, "Target point of the centre of pressure: a named point of the foot or a "
                                   "distance from the heel along the sole, the same in every pose.", words={
                                       "midfoot": "the heel-toe midpoint", "ball": "the ball of the foot",
                                       "heel": "the heel"},
                  none="the typical technique: 5.8 cm ahead of the ankle standing (the quiet-standing line of "
                       "gravity), moving linearly with the thigh angle to 49 % of the foot length from the heel at "
                       "parallel and deeper (44.4 % onto a box)",
                  source="Di Giulio & Baltzopoulos 2019, Front Physiol 10:625 (standing, 58 +- 5 mm SEM, n = 13); "
                         "Ishida et al. 2022, J Sports Sci Med 21:341 (squat, 44.4-53.5 % of foot length, n = 16)"),
        arms=param("angle", None, "Arm angle from hanging (0 deg) for a bodyweight squat; with a load the arms "
                                  "are folded to the grip.", none="90 deg, reaching forward"),
        dorsiflexion_limit=param("angle", None, "Largest ankle dorsiflexion allowed; a pose needing more is "
                                                "infeasible.", none=f"{DORSIFLEXION_LIMIT_DEG:g} deg",
                                 source="Hemmerich et al. 2006, J Orthop Res 24:770 (peak dorsiflexion in a "
                                        "heels-down squat about 38-39 deg, SD about 6 deg)"),
        lengths=param("lengths", None, "Segment lengths (shank, thigh, trunk) overriding the body's; arrays sweep "
                                       "over body proportions.", none="the body's"),
        hip_width=param("length", None, "Distance between the hip joint centres.", none="from the body's stature",
                        positive=True, source="Harrington et al. 2007, J Biomech 40:595"),
        extra_loads=param("loads", (), "Bands, cables or other loads added to the bar; their forces count in the "
                                       "balance."),
        lumbar_flexion=param("angle", None, "Lumbar flexion (upper body against pelvis, at L5/S1) at the bottom: "
                                            "it grows in proportion to the hip-to-shoulder lean up to this value at "
                                            f"a {TRUNK_LEAN_AT_PARALLEL_DEG:g} deg lean (the typical parallel "
                                            "bottom) and is held there beyond (the lumbopelvic rhythm); the pelvis "
                                            "is solved from balance ('0 deg': a rigid trunk, hip flexion = thigh + "
                                            "trunk lean).",
                             none="the typical technique: LUMBAR_FLEXION_SQUAT's mean, 16.55 deg",
                             source="Walsh et al. 2007, Am J Sports Med 35:927; McKean et al. 2010, J Strength "
                                    "Cond Res 24:2731 (6.8-26.3 deg at the bottom of loaded back squats); the "
                                    "proportional rhythm and the lean it refers to are assumptions"),
        **sampling_params("squat"),
    )


#: Which typical technique (``technique.typical("squat", bar=...)``) a squat's samples come from,
#: by how the load is held. Goblet and bodyweight squats have no measured technique of their
#: own: the goblet squat (load in front) takes the front squat's and the bodyweight squat the
#: high-bar squat's (assumptions).
_TECHNIQUE_BAR = {"high_bar": "high_bar", "low_bar": "low_bar", "front": "front", "goblet": "front",
                  "none": "high_bar"}


def _sampled_squat(spec: ExerciseSpec, body: Body, kw: dict, fraction: Any, box: bool) -> ExerciseResult:
    """The squat with ``spec.samples`` technique samples on a leading axis.

    Drawn (``technique.draw("squat", bar=...)``): ``cop`` (fraction of the heel-to-toe-tip
    length, at parallel; standing it starts from the quiet-standing line of gravity as in the
    typical technique; onto a box the draws are shifted back by ``COP_SITTING_BACK`` minus
    ``COP_SQUAT``) unless the call gives ``cop``; ``shank_at_parallel`` (the shin lean at any depth
    via ``technique.squat_shank_lean``) unless the call gives ``knee_travel``. A given
    ``cop`` inside the drawn bounds conditions the other draws on it (``given=``). The pelvis is
    solved from balance for every sample, never drawn; ``lumbar_flexion`` is drawn (unless the
    call gives it) and sets the lumbopelvic rhythm (the flexion from a trunk lean of
    ``TRUNK_LEAN_AT_PARALLEL_DEG``, a share of the lean below it).
    """
    check_body(body)
    tbar = _TECHNIQUE_BAR[_hold(kw.get("bar"))]
    draw_cop = not spec._given("cop")
    draw_shank = not spec._given("knee_travel")
    draw_lumbar = not spec._given("lumbar_flexion")
    given: dict[str, Any] = {}
    if not draw_cop:
        v = cop_value(kw["cop"], _COP_TARGETS)
        fg = body.foot_geometry
        along = {"midfoot": 0.5 * fg.toe_x, "ball": fg.ball_x, "heel": 0.0}.get(v, v) if isinstance(v, str) else v
        if np.ndim(along) == 0 and 0.25 <= float(along) / fg.toe_x <= 0.75:
            given["cop"] = float(along) / fg.toe_x
    samples, ndim = spec._draw("squat", body, fraction, bar=tbar, given=given)
    lead = (samples.n,) + (1,) * ndim
    from . import technique as tq

    back = tq.COP_SITTING_BACK.mean - tq.COP_SQUAT.mean if box else 0.0
    technique = {"cop_fraction": samples.si("cop").reshape(lead) + back if draw_cop else None,
                 "shank_at_parallel_rad": samples.si("shank_at_parallel").reshape(lead) if draw_shank else None,
                 "lumbar_flexion_rad": samples.si("lumbar_flexion").reshape(lead) if draw_lumbar else None}
    res = _squat(body, **kw, fraction=fraction, name=spec.name, technique=technique)
    used = {"lumbar_flexion": (f"the lumbar flexion from a trunk lean of {TRUNK_LEAN_AT_PARALLEL_DEG:g} deg, a share "
                               "of the lean below it (the lumbopelvic rhythm; the pelvis is solved from balance)")
            if draw_lumbar
            else "not used: lumbar_flexion given"}
    used["cop"] = "cop (fraction of the heel-to-toe-tip length)" if draw_cop else "not used: cop given"
    used["shank_at_parallel"] = ("the shin lean at the depth (technique.squat_shank_lean)"
                                 if draw_shank else "not used: knee travel given")
    if draw_cop:
        res.parameters["cop"] = "drawn (technique samples)"
    if draw_shank:
        res.parameters["knee_travel"] = "from the drawn shin lean (technique samples)"
    return spec._sampled(res, samples, used, fraction)


class _SquatSpec(ExerciseSpec):
    bar_fixed = None
    renamed = {"box": "box_height"}
    rep_fraction = ("A fraction scales the bottom's thigh angle; the shin follows the typical technique at each "
                    "thigh angle (with a given knee travel, the bottom's shank lean scales with the fraction).")

    def _solve(self, body: Body, fraction: Any) -> ExerciseResult:
        kw = self._plain_values()
        box = kw.get("box_height") is not None
        if "box_height" in kw:
            kw["box"] = kw.pop("box_height")
        if "bar" not in kw:
            kw["bar"] = self.bar_fixed
        if self.samples is not None:
            return _sampled_squat(self, body, kw, fraction, box)
        return _squat(body, **kw, fraction=fraction, name=self.name)


class Squat(_SquatSpec):
    """A squat's bottom position, balanced over the target point, and its joint moments.

    The heel lift fixes the foot angle, the depth the thigh angle, and the shin lean is the
    typical technique's at that depth, bar and stance (``knee_travel=None``:
    :func:`~biomech.exercises.technique.squat_shank_lean`, from the quiet-standing lean at depth
    0 to the bar's typical lean at parallel, capped at the dorsiflexion limit) or the one a
    given knee travel sets. The trunk lean is then what balances the lifter with the ground
    reaction at the target point: by default the typical pressure point, from the quiet-standing
    line of gravity at depth 0 to the squat's measured value at parallel (``cop=None``;
    ``technique.COP_STANDING``, ``technique.COP_SQUAT``). ``.parameters`` names the values the
    technique used (``shank_at_parallel``, ``cop_fraction``, ...). ``.extras`` holds the
    in-plane leg angles and the Zelle et al. (2007) thigh-calf contact estimate
    (``knee_with_thigh_calf_contact``), which ``.moments`` leaves out.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> sq = bm.exercises.squat(body, depth="parallel", load="100 kg", bar="high_bar")
    >>> round(float(sq.pose.shank.to("deg").magnitude), 1), round(sq.parameters["cop_fraction"], 4), sq.feasible
    (32.0, 0.4895, True)
    >>> abs(float(sq.cop.magnitude[0] - sq.extras["target"].magnitude)) < 1e-9
    True
    >>> deep = bm.exercises.squat(body, depth="110 deg", load="100 kg", bar="high_bar")
    >>> bool(deep.knee > sq.knee)                  # the shin leans further: more knee moment
    True
    >>> stopped = bm.exercises.squat(body, depth="parallel", knee_travel="0 cm", load="100 kg")
    >>> bool(stopped.knee < sq.knee < stopped.knee + 100 * sq.knee.units)
    True
    """

    name = "squat"
    summary = "back squat (high or low bar): depth, knee travel, load"
    example = "biomech squat --depth 90deg --knee-travel 5cm --load 100kg --bar high_bar"


declare(Squat, dict(depth=_depth_param(), knee_travel=_knee_travel_param(), load=_load_param(), bar=_bar_param(),
                     box_height=param("length", None, "Box height: the bottom is sitting on the box, the hip joint "
                                                      f"centre {BOX_SEAT_OFFSET_PER_STATURE:g} x stature above its top; "
                                                      "it replaces the depth.",
                                      none="no box")),
         _squat_technique())


class FrontSquat(_SquatSpec):
    """A front squat: :class:`Squat` with the bar in the front rack.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> fs = bm.exercises.front_squat(body, load="80 kg")
    >>> hs = bm.exercises.squat(body, load="80 kg", bar="high_bar")
    >>> bool(fs.trunk < hs.trunk)
    True
    """

    name = "front_squat"
    summary = "front squat: depth, knee travel, load"
    example = "biomech front_squat --depth 100deg --knee-travel 10cm --load 80kg"
    bar_fixed = "front"


declare(FrontSquat, dict(depth=_depth_param(), knee_travel=_knee_travel_param(), load=_load_param()),
         _squat_technique())


class GobletSquat(_SquatSpec):
    """A goblet squat: the weight held in both hands against the chest (``GOBLET_GRIP``).

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> bool(bm.exercises.goblet_squat(body, load="24 kg").feasible)
    True
    """

    name = "goblet_squat"
    summary = "goblet squat: depth, knee travel, a weight held at the chest"
    example = "biomech goblet_squat --depth 100deg --load 24kg"
    bar_fixed = "goblet"


declare(GobletSquat, dict(depth=_depth_param(), knee_travel=_knee_travel_param(),
                           load=_load_param("20 kg", "The weight held at the chest, a mass or its weight as a force")),
         _squat_technique())


class BodyweightSquat(_SquatSpec):
    """A bodyweight squat, arms reaching forward (``arms=`` to change).

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> float(bm.exercises.bodyweight_squat(body).knee.magnitude) > 0
    True
    """

    name = "bodyweight_squat"
    summary = "bodyweight squat: depth, knee travel, arms reaching forward"
    example = "biomech bodyweight_squat --depth 110deg --knee-travel 10cm"
    bar_fixed = None

    def _solve(self, body: Body, fraction: Any) -> ExerciseResult:
        kw = {**self._plain_values(), "load": None, "bar": None}
        if self.samples is not None:
            return _sampled_squat(self, body, kw, fraction, False)
        return _squat(body, **kw, fraction=fraction, name=self.name)


declare(BodyweightSquat, dict(depth=_depth_param(), knee_travel=_knee_travel_param()), _squat_technique())


class BoxSquat(_SquatSpec):
    """A box squat: the bottom is sitting on a box of the given height, with a low bar.

    Its typical technique is sat back (after Swinton et al. 2012's description: more vertical
    shins, the centre of mass displaced backward): the shin lean of the wide stance
    (``technique.STANCE_BOX``) and the pressure point at parallel further back
    (``technique.COP_SITTING_BACK``, 44.4 % of the foot); both are assumptions. The shin lean and
    the thigh angle the box allows are solved together. The default load is 60 kg: with the shins
    that upright and nothing on the bar, no trunk lean puts the centre of mass over the pressure
    point (the lifter would sit back onto the box, which a balance over the feet does not model),
    so the unloaded default would be infeasible.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> bs = bm.exercises.box_squat(body, box_height="45 cm", load="100 kg")
    >>> round(float(bs.pose.thigh.magnitude)) > 60
    True
    """

    name = "box_squat"
    summary = "box squat: box height, knee travel, load"
    example = "biomech box_squat --box-height 40cm --load 100kg --bar low"

    def _solve(self, body: Body, fraction: Any) -> ExerciseResult:
        kw = {**self._plain_values(), "depth": "parallel"}
        kw["box"] = kw.pop("box_height")
        if self.samples is not None:
            return _sampled_squat(self, body, kw, fraction, True)
        return _squat(body, **kw, fraction=fraction, name=self.name)


declare(BoxSquat, dict(box_height=param("length", "40 cm", "Box height: the bottom is sitting on the box, the hip "
                                                          f"joint centre {BOX_SEAT_OFFSET_PER_STATURE:g} x stature "
                                                          "above its top."),
                        knee_travel=_knee_travel_param(),
                        load=_load_param("60 kg"), bar=_bar_param("low_bar")),
         _squat_technique())

squat = spec_function(Squat)
front_squat = spec_function(FrontSquat)
goblet_squat = spec_function(GobletSquat)
bodyweight_squat = spec_function(BodyweightSquat)
box_squat = spec_function(BoxSquat)
