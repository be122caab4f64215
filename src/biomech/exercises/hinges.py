"""Hinges: Romanian and stiff-leg deadlifts, the conventional deadlift, back extensions.

Deadlift family. The bar stays against the front of the legs at its height (the bar's
centre one bar radius off the shin's or thigh's front surface, :func:`bar_contact_x`, with
the surfaces' offsets from the segment axes in :func:`leg_front_offsets`). The defaults are
the typical technique of :mod:`biomech.exercises.technique`: the knee flexion held (Romanian
deadlift 20 deg, an assumption; the deadlifts' start from Schellenberg et al. 2013, falling
with load) and the centre of pressure held at a point derived by statics from Lee et al.
2018's ankle moments (29.9 % of the foot from the heel in the Romanian deadlift, 31.4 % in
the deadlifts). In a static pose the pressure point lies under the system centre of mass:
with the knee flexion and the bar's contact at its depth fixed, balance decides one angle,
the shin lean, found by vectorized bisection; each shank lean places the hip and the bar's
contact point, and the shoulder lies a trunk length from the hip and an arm length from the
grip (so in the Romanian deadlift the arms angle back and the shoulders' extensors hold the
bar in, ``extras["shoulder_moment"]``; the bar-leg contact force is taken as zero, since any
push of the legs on the bar would raise that moment). Long arms still mean a more upright
trunk. With ``arm_position="plumb"`` the arms hang straight down instead, the shank lean is
solved from the bar's contact (:func:`plumb_bar_gap`) and the centre of pressure is
reported, not imposed; off the foot the pose is infeasible (``"balance"``), which for a
typical body holds for all but the top of the rep. Depth is the bar's height (``"knee"``,
``"mid_shin"``, ``"floor"`` or a length), or a trunk lean (the bar height then follows).
The deadlifts start with the bar at the plates' radius (plate diameter 0.45 m, the IWF/IPF
standard plate). Rep paths go from standing (the bar against the thighs) to the bottom, the
bar on the legs throughout.

The trunk splits at L5/S1 (``lumbar_flexion``, default 20 deg at the bottom or lift-off,
``technique.LUMBAR_FLEXION_HINGE``, an assumption; growing with the rep fraction from 0
standing): the bar's contact (the good morning: the given trunk lean) places the hip-to-shoulder
line, shortened by the flexion, the pelvis sits below it by
:func:`~biomech.model.pose.trunk_line_offset`, and the shin lean is solved with the split pose.
``lumbar_flexion="0 deg"`` is the rigid trunk.

Toe-out shortens the foot's side view by cos(toe_out) in every hinge. The deadlifts
(conventional, sumo, trap bar) also project the legs for their stance width and toe-out, as
the squats do (:func:`~biomech.exercises.common.stance_projection`; ``stance_width``): the
knee flexion is held in the leg's own plane, and the side-view shin, thigh and knee angles
and lengths follow. The Romanian and stiff-leg deadlifts and the good morning stand with the
feet under the hips, and their legs are not projected.

Back extension: the body lies on a 45 degree or 90 degree (horizontal) bench, held by a
pad under the thighs (``support="thighs"``) and a heel roller behind the lower legs.
The hip and lumbar moments come from above (trunk, arms, a plate at the chest or a
band); the pad's force (normal to the legs) and the roller's (any direction) follow
from the whole body's balance, and the knee and ankle moments from below, roller
included.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from ..model.body import Body
from ..errors import InputValueError, RangeError
from ..model.loads import G, HandLoad, Load, PointForce, PointMass
from ..model.pose import Pose, lumbar_ratios, trunk_line_length, trunk_line_offset
from ..mechanics.statics import MomentResult
from ..units import quantity
from ..model.pose import JOINT_RANGES_DEG
from .common import (ExerciseResult, Feasibility, array_body, as_angle, as_length, bisect, body_height,
                     broadcast_shape, check_body, check_broadcasts_into, check_loads, hip_joint_spacing, is_length,
                     load_mass, make_model, place_fraction, whole_body_moment_form)
from .common import check_single, cop_value

__all__ = ["romanian_deadlift", "stiff_leg_deadlift", "deadlift", "back_extension", "RomanianDeadlift",
           "StiffLegDeadlift", "Deadlift", "BackExtension", "sumo_deadlift", "trap_bar_deadlift", "good_morning",
           "SumoDeadlift", "TrapBarDeadlift", "GoodMorning", "GOOD_MORNING_TRUNK_DEG", "PLATE_DIAMETER_M",
           "CHEST_PLATE", "BAR_RADIUS_M", "SHIN_FRONT_PER_STATURE", "THIGH_FRONT_AT_HIP_PER_STATURE",
           "leg_front_offsets", "bar_contact_x", "plumb_bar_gap"]

#: Standard competition plate diameter, 450 mm (IWF Technical and Competition Rules;
#: IPF Technical Rules: discs of 450 mm maximum diameter). A loaded bar on the floor
#: has its centre 0.225 m up.
PLATE_DIAMETER_M = 0.45

#: Radius of the bar's grip section: 14 mm (the men's 28 mm bar of the IWF Technical and
#: Competition Rules; the IPF bar is 29 mm, a 0.5 mm difference left out).
BAR_RADIUS_M = 0.014

#: Front of the shin (the tibial crest and its skin) ahead of the knee-ankle axis, as a
#: fraction of stature: 0.020 H, 3.6 cm at 1.78 m. ASSUMPTION: about half the shank's
#: front-to-back depth below the calf; no published proportion was found. With the bar's
#: radius the bar's centre sits 5.0 cm from the shank axis when it touches the shins.
SHIN_FRONT_PER_STATURE = 0.020

#: Front of the thigh ahead of the hip-knee axis at its top (the hip joint's level), as a
#: fraction of stature: 0.050 H, 8.9 cm at 1.78 m. ASSUMPTION: the upper thigh's side-view
#: depth taken as about 0.10 H (a thigh circumference near 0.32 H, as a circle) with the hip
#: joint centre at mid-depth. At the knee the thigh's front is the knee's front
#: (``body.knee_depth``, 0.030 H); between the two the front surface runs straight.
THIGH_FRONT_AT_HIP_PER_STATURE = 0.050

#: The top of a hinge's rep path: the bar this far below where it rests on the thighs with the
#: legs and trunk vertical, so that the small lean that balances the lifter over the midfoot
#: stays within the arms' reach. Assumption.
TOP_MARGIN_M = 0.01

#: A plate held at the chest in a back extension, in trunk coordinates from the hip:
#: three quarters of the trunk length up, 0.12 m in front of the trunk axis. Assumption.
CHEST_PLATE = (0.75, 0.12)


def _bar_height(value: Any, body: Body, name: str = "bar_height") -> Any:
    fg = body.foot_geometry
    if isinstance(value, str):
        key = value.strip().lower()
        if key == "mid_shin":
            return fg.ankle_y + 0.5 * body.shank.length_m
        if key == "knee":
            return fg.ankle_y + body.shank.length_m
        if key == "floor":
            return 0.5 * PLATE_DIAMETER_M
    return as_length(value, name)


def leg_front_offsets(body: Body) -> tuple[float, float, float]:
    """Distances of the legs' front surface from the segment axes, m: ``(shin, knee, hip)``.

    The shin's front lies ``SHIN_FRONT_PER_STATURE * stature`` ahead of the knee-ankle
    axis; the thigh's front runs straight from the knee's front (``body.knee_depth``) to
    ``THIGH_FRONT_AT_HIP_PER_STATURE * stature`` ahead of the hip-knee axis at the hip.

    >>> import biomech as bm
    >>> [round(v, 4) for v in leg_front_offsets(bm.Body.from_anthropometrics("178 cm", "80 kg"))]
    [0.0356, 0.0534, 0.089]
    """
    H = body_height(body)
    return SHIN_FRONT_PER_STATURE * H, body.knee_depth_m, THIGH_FRONT_AT_HIP_PER_STATURE * H


def bar_contact_x(h: Any, shank: Any, thigh: Any, ankle: tuple, L_s: float, L_t: float,
                  offsets: tuple[float, float, float], radius: float = BAR_RADIUS_M) -> Any:
    """Unit-free: horizontal position of a bar's centre at height ``h`` touching the legs' front.

    The legs' front (see :func:`leg_front_offsets`), widened by the bar's radius, is a chain
    of three straight pieces: the shin (parallel to the shank axis), across the front of
    the knee (from the shin's top to the thigh's front at the knee) and the thigh (from the
    knee's front to the thigh's front at the hip). The bar touches the piece furthest
    forward at its height; below the ankle the shin's line and above the hip the thigh's
    line are extended. Angles in radians, lengths in m; arrays broadcast.

    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> fg = body.foot_geometry
    >>> x = bar_contact_x(0.3, 0.0, 0.0, (fg.ankle_x, fg.ankle_y), body.shank.length_m, body.thigh.length_m,
    ...                   leg_front_offsets(body))
    >>> round(float(x - fg.ankle_x), 4)  # vertical shin: shin front 3.56 cm + bar radius 1.4 cm
    0.0496
    """
    d_shin, d_knee, d_hip = (d + radius for d in offsets)
    ss, cs, st, ct = np.sin(shank), np.cos(shank), np.sin(thigh), np.cos(thigh)
    kx, ky = ankle[0] + L_s * ss, ankle[1] + L_s * cs
    hx, hy = kx - L_t * st, ky + L_t * ct
    chain = [(ankle[0] + d_shin * cs, ankle[1] - d_shin * ss), (kx + d_shin * cs, ky - d_shin * ss),
             (kx + d_knee * ct, ky + d_knee * st), (hx + d_hip * ct, hy + d_hip * st)]
    best = None
    for i in range(3):
        (ax, ay), (bx, by) = chain[i], chain[i + 1]
        dy = by - ay
        flat = np.abs(dy) < 1e-9
        with np.errstate(divide="ignore", invalid="ignore"):
            x = np.where(flat, np.maximum(ax, bx), ax + (h - ay) * (bx - ax) / np.where(flat, 1.0, dy))
        lo, hi = np.minimum(ay, by), np.maximum(ay, by)
        valid = (h >= lo - 1e-12) & (h <= hi + 1e-12)
        if i == 0:
            valid = valid | (h < lo)      # below the ankle: the shin's line extended
        if i == 2:
            valid = valid | (h > hi)      # above the hip: the thigh's line extended
        x = np.where(valid, x, -np.inf)
        best = x if best is None else np.maximum(best, x)
    shin_line = chain[0][0] + (h - chain[0][1]) * np.tan(shank)
    return np.where(np.isfinite(best), best, shin_line)


def _circle_point(P: tuple, r1: Any, Q: tuple, r2: Any):
    """The point at ``r1`` from P and ``r2`` from Q on the left of P->Q (counter-clockwise); ok mask.

    Out of reach, the point on the line P-Q nearest to both circles is returned (ok False).
    """
    dx, dy = Q[0] - P[0], Q[1] - P[1]
    d = np.hypot(dx, dy)
    with np.errstate(invalid="ignore", divide="ignore"):
        a = (r1 ** 2 - r2 ** 2 + d ** 2) / (2 * d)
        h2 = r1 ** 2 - a ** 2
        ux, uy = dx / d, dy / d
    hh = np.sqrt(np.maximum(h2, 0.0))
    return (P[0] + a * ux - hh * uy, P[1] + a * uy + hh * ux), h2 >= -1e-12


def plumb_bar_gap(shank: Any, knee_bend: Any, ankle: tuple, L_s: float, L_t: float, L_k: float, L_a: float,
                  offsets: tuple[float, float, float], bar_height: Any = None, trunk: Any = None):
    """Unit-free: how far the shoulder lies ahead of the bar's contact point, arms plumb.

    The arms hang straight down, so the bar is ``L_a`` below the shoulder. Given the
    shank lean and the knee bend (radians) and either the bar's height (the trunk lean
    then follows, leaning forward) or the trunk lean (the bar's height then follows),
    returns ``(gap, trunk, bar_height, reach)``: ``gap`` = shoulder x minus the x of the
    bar touching the legs' front at its height (:func:`bar_contact_x`), m; zero where the
    plumb bar just touches the legs. ``reach`` is False where the shoulder cannot be
    ``L_a`` above the bar. Arrays broadcast.

    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> fg, L = body.foot_geometry, [body.shank.length_m, body.thigh.length_m, body.trunk.length_m, body.arms.length_m]
    >>> gap, trunk, h, ok = plumb_bar_gap(0.0, 0.0, (fg.ankle_x, fg.ankle_y), *L, leg_front_offsets(body), trunk=0.0)
    >>> round(float(gap), 3)  # upright: the shoulder is over the hip, 9.4 cm behind the bar on the thighs
    -0.094
    """
    t = knee_bend - shank
    kx, ky = ankle[0] + L_s * np.sin(shank), ankle[1] + L_s * np.cos(shank)
    hx, hy = kx - L_t * np.sin(t), ky + L_t * np.cos(t)
    if trunk is None:
        ratio = (bar_height + L_a - hy) / L_k
        reach = np.abs(ratio) <= 1.0
        trunk = np.arccos(np.clip(ratio, -1.0, 1.0))
        h = bar_height + 0.0 * hx
    else:
        h = hy + L_k * np.cos(trunk) - L_a
        reach = np.ones(np.shape(h), dtype=bool)
    gap = hx + L_k * np.sin(trunk) - bar_contact_x(h, shank, t, ankle, L_s, L_t, offsets)
    return gap, trunk, h, reach


def _lumbar_value(lumbar_flexion: Any, technique: dict) -> Any:
    """Lumbar flexion at the bottom, rad: drawn (``technique["lumbar_flexion_rad"]``), given (0 to 60 deg), or the
    typical technique's (``technique.LUMBAR_FLEXION_HINGE``'s mean, an assumption)."""
    if technique.get("lumbar_flexion_rad") is not None:
        return np.asarray(technique["lumbar_flexion_rad"], dtype=float)
    if lumbar_flexion is None:
        from .technique import LUMBAR_FLEXION_HINGE

        return LUMBAR_FLEXION_HINGE.mean_si
    v = as_angle(lumbar_flexion, "lumbar_flexion")
    if np.any(np.asarray(v) < 0) or np.any(np.asarray(v) > np.radians(60.0)):
        raise InputValueError(f"lumbar_flexion={lumbar_flexion!r}: expected 0 to 60 deg of lumbar flexion at the "
                              f"bottom ('0 deg': a rigid trunk).")
    return v


def _first_rising_root(fn, lo: float, hi: float, step: float):
    """Vectorized: the lowest root of ``fn`` in [lo, hi] where it crosses from below zero to at or above it.

    ``fn`` is sampled on a grid (``step`` apart, every pose at once), the first rising
    cell is kept and refined by bisection. Returns ``(x, ok)``.
    """
    grid = np.arange(lo, hi + 0.5 * step, step)
    vals = np.stack(np.broadcast_arrays(*[fn(g) for g in grid]))
    rising = (vals[:-1] < 0) & (vals[1:] >= 0)
    ok = np.any(rising, axis=0)
    first = np.argmax(rising, axis=0)
    a = grid[first]
    x, _ = bisect(fn, a, a + step, 40)
    return x, ok


def _hinge(name: str, body: Body, *, knee_bend: Any, depth: Any, load: Any, toe_out: Any, cop: Any,
           extra_loads: Sequence[Load], fraction: Any, depth_name: str = "bar_height", arms: str = "free",
           technique: dict | None = None, default_cop: float = 0.5, stance_width: Any = None,
           lumbar_flexion: Any = None):
    check_body(body)
    technique = dict(technique or {})
    if stance_width is not None or technique.get("stance_m") is not None:
        return _projected_hinge(name, body, knee_bend=knee_bend, depth=depth, load=load, toe_out=toe_out, cop=cop,
                                extra_loads=extra_loads, fraction=fraction, depth_name=depth_name, arms=arms,
                                technique=technique, default_cop=default_cop, stance_width=stance_width,
                                lumbar_flexion=lumbar_flexion)
    hang_mode = arms == "hang"  # handles at the sides (trap bar): arms plumb, the bar touches nothing
    if hang_mode:
        arms = "free"
    if not isinstance(arms, str) or arms.strip().lower() not in ("free", "plumb"):
        raise InputValueError(f"arm_position={arms!r} is not one of 'free', 'plumb'.")
    plumb_mode = arms.strip().lower() == "plumb"
    if plumb_mode and cop is not None:
        raise InputValueError(f"cop={cop!r} cannot be combined with arm_position='plumb': with the arms plumb and "
                              f"the bar against the legs the centre of pressure is an output (leave cop=None).")
    extra_loads = check_loads(extra_loads)
    if isinstance(depth, str) and not depth.strip():
        raise InputValueError(f"{depth_name}={depth!r} is empty; expected 'mid_shin', 'knee', 'floor', a height "
                              f"(a length) or a trunk lean (an angle).")
    if body.arms is None:
        raise InputValueError(f"{name}: the bar hangs from the arms; the body needs an arms segment.")
    L_s, L_t, L_k, L_a = body.shank.length_m, body.thigh.length_m, body.trunk.length_m, body.arms.length_m
    if technique.get("toe_out_rad") is not None:
        cphi = np.cos(np.asarray(technique["toe_out_rad"], dtype=float))
    else:
        cphi = np.cos(check_single(as_angle(toe_out, "toe_out"), "toe_out"))
    # the legs seen from the side in a wide, turned-out stance (_projected_hinge): side-view lengths
    # and the side-view knee angle of every pose
    leg_lengths = technique.get("leg_lengths")
    if leg_lengths is not None:
        L_s, L_t = (np.asarray(v, dtype=float) for v in leg_lengths)
    keyword = isinstance(depth, str) and depth.strip().lower() in ("mid_shin", "knee", "floor")
    depth_is_trunk = not (keyword or is_length(depth, depth_name))
    load_kg = load_mass(load)
    if leg_lengths is not None:
        abody = array_body(body, {"shank": L_s, "thigh": L_t}, foot_scale=cphi, knee_depth_scale=cphi)
    else:
        abody = array_body(body, foot_scale=cphi, knee_depth_scale=cphi) if np.ndim(cphi) or cphi != 1.0 else body
    model = make_model(abody, [HandLoad(quantity(load_kg, "kg"), label="bar")] + list(extra_loads), "both", "feet")
    afg = abody.foot_geometry
    cop_v = None if cop is None else cop_value(cop, ("midfoot", "ball", "heel"))
    target = {None: default_cop * afg.toe_x, "midfoot": 0.5 * afg.toe_x, "ball": afg.ball_x, "heel": 0.0 * afg.toe_x}[cop_v] \
        if cop_v is None or isinstance(cop_v, str) else cop_v
    if technique.get("cop_fraction") is not None:
        target = np.asarray(technique["cop_fraction"], dtype=float) * afg.toe_x
    ankle = (afg.ankle_x, afg.ankle_y)
    offsets = leg_front_offsets(body)
    if leg_lengths is not None:  # the legs' front surfaces seen from the side of a turned-out leg
        offsets = tuple(o * np.asarray(cphi, dtype=float) for o in offsets)
    if depth_is_trunk:
        trunk_bottom = as_angle(depth, depth_name)
        h_bar = None
    else:
        h_bar = _bar_height(depth, body, depth_name)
        trunk_bottom = None
    if knee_bend is None:  # the callers give the held knee flexion (the deadlifts' typical start for the load)
        raise InputValueError(f"{name}: knee_flexion is needed (the knee bend held through the rep).")
    K = as_angle(knee_bend, "knee_flexion")
    lum_bottom = _lumbar_value(lumbar_flexion, technique)
    shape = broadcast_shape(load_kg, K, 0.0 if h_bar is None else h_bar,
                            0.0 if trunk_bottom is None else trunk_bottom, lum_bottom)
    if technique:
        shape = broadcast_shape(np.zeros(shape), cphi, target, technique.get("shape_hint", 0.0))
    if np.ndim(target):
        check_broadcasts_into(target, shape, "cop")
    frac = place_fraction(fraction, shape)
    shape = broadcast_shape(np.zeros(shape), 0.0 if frac is None else frac)
    feas = Feasibility(shape)
    S_LO, S_HI = np.radians(-30.0), np.radians(45.0)
    if trunk_bottom is not None:  # depth given as the trunk lean at the bottom: name it as given
        tb = np.broadcast_to(np.asarray(trunk_bottom, dtype=float), shape)
        feas.flag(tb > np.pi / 2 + 1e-9, "trunk_past_horizontal", **{depth_name: quantity(np.degrees(tb), "deg")})

    def bc(x):
        return np.broadcast_to(np.asarray(x, dtype=float), shape)

    # the lumbopelvic split: the lumbar flexion grows with the rep fraction (0 standing, the given value at the
    # bottom); the hip-to-shoulder line is what the bar's contact places, shortened by the flexion, and the
    # pelvis sits below it by trunk_line_offset (pelvis = line - offset, upper body = pelvis + flexion)
    split = bool(np.any(np.asarray(lum_bottom) != 0.0))
    lum = bc(lum_bottom) * (1.0 if frac is None else frac)
    ratios = lumbar_ratios(body)
    line_off = trunk_line_offset(lum, ratios)
    L_k = L_k * trunk_line_length(lum, ratios)      # the hip-to-shoulder distance, trunk lengths -> m

    def split_angles(angles):
        if split:
            angles = dict(angles)
            angles["pelvis"] = angles["trunk"] - line_off
            angles["upper_body"] = angles["pelvis"] + lum
        return angles

    def knee_now():
        """The (side-view) knee angle of every pose: the held bend, scaled along the rep path."""
        if technique.get("knee_side") is not None:
            return bc(technique["knee_side"])
        return bc(K) if frac is None else bc(K) * frac

    def legs(s, Kb):
        t = Kb - s
        knee = (ankle[0] + L_s * np.sin(s), ankle[1] + L_s * np.cos(s))
        return t, (knee[0] - L_t * np.sin(t), knee[1] + L_t * np.cos(t))

    def cop_error(s, Kb, k, a):
        angles = split_angles({"foot": 0.0, "shank": s, "thigh": Kb - s, "trunk": k, "arms": a})
        return model.ground_reaction(model.sincos(angles))["cop"][0] - target

    def arms_from(S, G):
        return np.arctan2(G[0] - S[0], S[1] - G[1])

    # --- the bar against the legs, arms free (Romanian and stiff-leg deadlifts) -------------------
    def pose_at_height(s, Kb, hb):
        """Bar at height hb against the legs; the shoulder L_k from the hip and L_a from the grip."""
        t, hip = legs(s, Kb)
        G = (bar_contact_x(hb, s, t, ankle, L_s, L_t, offsets), hb)
        S, reach = _circle_point(hip, L_k, G, L_a)
        return np.arctan2(S[0] - hip[0], S[1] - hip[1]), arms_from(S, G), reach

    def grip_below(S, s, t, iterations=40):
        """The lowest point of the legs' front at L_a from the shoulder S (bisection on its height)."""
        def gap(hb):
            return np.hypot(S[0] - bar_contact_x(hb, s, t, ankle, L_s, L_t, offsets), S[1] - hb) - L_a
        hip_y = ankle[1] + L_s * np.cos(s) + L_t * np.cos(t)
        hb, ok = bisect(gap, 0.0 * hip_y, hip_y, iterations)
        return (bar_contact_x(hb, s, t, ankle, L_s, L_t, offsets), hb), ok

    def pose_at_trunk(s, Kb, kb):
        t, hip = legs(s, Kb)
        S = (hip[0] + L_k * np.sin(kb), hip[1] + L_k * np.cos(kb))
        G, ok = grip_below(S, s, t)
        return arms_from(S, G), G[1], ok

    if plumb_mode:
        # arms plumb, the bar touching the legs: the shank lean is the one unknown, solved from the contact
        Kb = knee_now()
        fixed = dict(ankle=ankle, L_s=L_s, L_t=L_t, L_k=L_k, L_a=L_a, offsets=offsets)
        if frac is not None:
            # standing: legs straight and vertical, the trunk (unflexed) leaning just enough for the plumb bar to
            # touch the thighs
            top = {**fixed, "L_k": body.trunk.length_m}
            k_top, _ = bisect(lambda kk: plumb_bar_gap(0.0, 0.0, trunk=kk, **top)[0], 0.0, np.radians(60.0), 50)
            h_top = plumb_bar_gap(0.0, 0.0, trunk=k_top, **top)[2]
        if h_bar is not None:
            hb = bc(h_bar) if frac is None else h_top + frac * (bc(h_bar) - h_top)
            kw = dict(bar_height=hb)
        else:
            kb = bc(trunk_bottom) if frac is None else k_top + frac * (bc(trunk_bottom) - k_top)
            kw = dict(trunk=kb)
        s, ok = _first_rising_root(lambda ss: plumb_bar_gap(ss, Kb, **kw, **fixed)[0], S_LO, S_HI, np.radians(1.0))
        _, k, hb, reach = plumb_bar_gap(s, Kb, **kw, **fixed)
        a = 0.0 * s
        feas.flag(~ok | ~reach, "bar_height", bar_height=quantity(hb, "m"))
        ok = np.ones(shape, dtype=bool)
    elif hang_mode:
        # handles at the sides (trap bar): arms plumb, the bar clear of the legs; the shank lean balances
        Kb = knee_now()
        hb = bc(h_bar)
        if frac is not None:
            top = ankle[1] + L_s + L_t + L_k - L_a - TOP_MARGIN_M
            hb = top + frac * (hb - top)

        def hang(s):
            t, hip = legs(s, Kb)
            ratio = (hb + L_a - hip[1]) / L_k
            return np.arccos(np.clip(ratio, -1, 1)), ratio
        s, ok = bisect(lambda ss: cop_error(ss, Kb, hang(ss)[0], 0.0), S_LO, S_HI)
        k, ratio = hang(s)
        a = 0.0 * s
        feas.flag(np.abs(ratio) > 1, "bar_height", bar_height=quantity(hb, "m"))
    else:
        Kb = knee_now()
        if h_bar is not None:
            hb = bc(h_bar)
            if frac is not None:
                top = _top_height(body, ankle, offsets, technique.get("top_legs"))
                hb = top + frac * (hb - top)
            s, ok = bisect(lambda s: cop_error(s, Kb, *pose_at_height(s, Kb, hb)[:2]), S_LO, S_HI)
            k, a, reach = pose_at_height(s, Kb, hb)
            feas.flag(~reach, "bar_height", bar_height=quantity(hb, "m"))
        else:
            kb = bc(trunk_bottom) * (1.0 if frac is None else frac)
            k = kb
            s, ok = bisect(lambda s: cop_error(s, Kb, kb, pose_at_trunk(s, Kb, kb)[0]), S_LO, S_HI)
            a, hb, reach = pose_at_trunk(s, Kb, kb)
            feas.flag(~reach, "bar_height", trunk=quantity(np.degrees(kb), "deg"))
    feas.flag(~ok, "balance", knee_bend=quantity(np.degrees(Kb), "deg"))
    t = Kb - s
    feas.flag(hb < ankle[1] - 1e-9, "bar_height", bar_height=quantity(hb, "m"))
    feas.flag(k > np.pi / 2 + 1e-9, "trunk_past_horizontal", trunk=quantity(np.degrees(k), "deg"))
    pelvis = k - line_off if split else k
    joints = {"ankle": s, "knee": Kb, "hip": t + pelvis}
    out = np.zeros(shape, dtype=bool)
    for j, v in joints.items():
        lo, hi = JOINT_RANGES_DEG[j]
        out = out | (np.degrees(v) < lo - 1e-9) | (np.degrees(v) > hi + 1e-9)
    feas.flag(out, "joint_range", hip_flexion=quantity(np.degrees(t + pelvis), "deg"),
              dorsiflexion=quantity(np.degrees(s), "deg"), knee_flexion=quantity(np.degrees(Kb), "deg"))
    cop_x = model.ground_reaction(model.sincos(split_angles({"foot": 0.0, "shank": s, "thigh": t, "trunk": k,
                                                             "arms": a})))["cop"][0]
    toe = afg.toe_x
    if plumb_mode:
        # the centre of pressure follows from the whole body's balance: it must lie on the foot
        feas.flag((cop_x < -1e-9) | (cop_x > toe + 1e-9), "balance", cop=quantity(cop_x, "m"),
                  heel=quantity(0.0, "m"), toe=quantity(toe, "m"))
    angles = {"foot": 0.0, "shank": feas.nan(s), "thigh": feas.nan(t), "trunk": feas.nan(k), "arms": feas.nan(a)}
    if split:
        angles = {n: feas.nan(v) for n, v in split_angles(angles).items()}
        pose = Pose.from_radians(angles["shank"], angles["thigh"], angles["trunk"], angles["foot"], angles["arms"],
                                 pelvis=angles["pelvis"], lumbar=feas.nan(bc(lum)))
    else:
        pose = Pose.from_radians(angles["shank"], angles["thigh"], angles["trunk"], angles["foot"], angles["arms"])
    sc = model.sincos(angles)
    moments = MomentResult(model, pose, sc, model.moments(sc))
    single = shape == ()
    feas.include(moments)
    if single and plumb_mode and not bool(feas.ok) and str(feas.reason) == "balance":
        from ..errors import InfeasiblePoseError
        raise InfeasiblePoseError(
            f"{name}: with the arms plumb and the bar against the legs the centre of pressure falls "
            f"{float(cop_x):.3f} m from the heel, off the foot (heel 0 m to toe {float(toe):.3f} m).",
            "balance", feas.numbers.get("balance", {}))
    feas.raise_if_single(single, name, {"trunk_past_horizontal": f"Fix: a smaller {depth_name}; as an angle it is "
                                        f"the trunk lean at the bottom (0 deg upright, 90 deg horizontal), or "
                                        f"'knee', 'mid_shin', 'floor' or a bar height."})
    params = {"knee_flexion": quantity(np.degrees(K), "deg"),
              "trunk_lean": None if trunk_bottom is None else quantity(np.degrees(trunk_bottom), "deg"),
              "bar_height": None if h_bar is None else quantity(h_bar, "m"), "load": quantity(load_kg, "kg"),
              "toe_out": quantity(np.degrees(np.arccos(cphi)), "deg"), "support": "feet", "stance": "both",
              "arms": ("plumb: the handles hang straight below the shoulders, clear of the legs" if hang_mode
                       else "plumb: the bar hangs straight below the shoulders, touching the legs" if plumb_mode
                       else "free: the hands hold the bar against the legs"),
              "cop": cop_v if cop_v is None or isinstance(cop_v, str) else quantity(cop_v, "m"),
              "bar_contact": "none: handles at the sides" if hang_mode else "front of the shins or thighs",
              "plate_diameter": quantity(PLATE_DIAMETER_M, "m"),
              "lumbar_flexion": ("drawn per sample" if technique.get("lumbar_flexion_rad") is not None
                                 else quantity(np.degrees(lum_bottom), "deg"))}
    # the hands hold the bar where the arms put it: with the grip behind the shoulder (arms angled
    # back) the shoulders' extensors hold it there (bar and arm weights only; both arms)
    arms_seg = body.arms
    shoulder = -G * np.sin(angles["arms"]) * arms_seg.length_m * (load_kg + arms_seg.mass_kg * arms_seg.com)
    extras = {"bar_height": quantity(feas.nan(hb), "m"), "shoulder_moment": quantity(shoulder, "N*m"),
              "cop_from_heel": quantity(feas.nan(cop_x), "m"), "cop_fraction": feas.nan(cop_x / toe),
              "ankle_per_cm_cop": moments.ankle_per_cm_cop}
    if not plumb_mode:
        extras["target"] = quantity(target, "m")   # the centre of pressure is held there
    return ExerciseResult(name, pose, moments, params, bool(feas.ok) if single else feas.ok,
                          str(feas.reason) if single else feas.reason, extras)


#: Fixed-point iterations of the stance projection in hinges, and the largest change of the in-plane
#: shin lean (rad) accepted as converged.
_PROJECTION_ITERATIONS = 8
_PROJECTION_TOL_RAD = 1e-7


def _projected_hinge(name: str, body: Body, *, knee_bend: Any, stance_width: Any, technique: dict, toe_out: Any,
                     fraction: Any, **kw) -> ExerciseResult:
    """A hinge in a wide, turned-out stance: the legs seen from the side (stance projection).

    Each leg flexes in its own plane, turned out by the toe-out and tilted out by the abduction
    a stance wider than the hips needs (:func:`~biomech.exercises.common.stance_projection`,
    the squats' geometry). The knee flexion is held in that plane; the side view of the shin and
    the thigh (their angles and apparent lengths) depends on the shin lean, which balance solves.
    The two are solved together by fixed-point iteration: the side-view knee angle and leg lengths
    of the current in-plane shin lean go to :func:`_hinge`, whose side-view shin lean gives the
    next in-plane lean, until it changes by less than 1e-7 rad.
    """
    from .common import in_plane_from_sagittal, project_segment, stance_projection

    technique = dict(technique)
    stance_m = technique.pop("stance_m", None)
    if stance_width is not None:
        stance_m = as_length(stance_width, "stance_width", positive=True)
    if knee_bend is None:
        raise InputValueError(f"{name}: a stance width needs the knee flexion held (knee_flexion=...).")
    K_in = as_angle(knee_bend, "knee_flexion")
    phi = technique["toe_out_rad"] if technique.get("toe_out_rad") is not None else check_single(
        as_angle(toe_out, "toe_out"), "toe_out")
    spacing = hip_joint_spacing(body)
    L_s, L_t = body.shank.length_m, body.thigh.length_m
    cphi, calpha, salpha = stance_projection(stance_m, phi, spacing, L_s + L_t)
    if np.any(np.abs(salpha) > np.sin(np.radians(45.0))):
        raise RangeError(f"{name}: stance_width={stance_width!r} needs the legs abducted more than 45 deg "
                         f"(hip joints {spacing:.3f} m apart, legs {L_s + L_t:.3f} m long).")
    calpha = np.nan_to_num(calpha, nan=1.0)
    technique["shape_hint"] = np.zeros(np.broadcast_shapes(np.shape(calpha), np.shape(cphi)))
    common = dict(toe_out=toe_out, fraction=fraction, **kw)
    res = _hinge(name, body, knee_bend=knee_bend, technique=technique, **common)
    final = np.shape(res.pose.shank.magnitude)
    pshape = final[1:] if fraction is not None and np.ndim(fraction) else final
    k_pose = K_in if fraction is None else K_in * place_fraction(fraction, pshape)
    k_pose = np.broadcast_to(np.asarray(k_pose, dtype=float), final)
    s_in = np.nan_to_num(np.radians(np.asarray(res.pose.shank.m_as("deg"), dtype=float)))
    for _ in range(_PROJECTION_ITERATIONS):
        s_side, f_s = project_segment(s_in, cphi, calpha)
        t_side, f_t = project_segment(k_pose - s_in, cphi, calpha)
        tech = {**technique, "knee_side": s_side + t_side, "leg_lengths": (L_s * f_s, L_t * f_t),
                "top_legs": (L_s * calpha, L_t * calpha)}
        res = _hinge(name, body, knee_bend=knee_bend, technique=tech, **common)
        solved = np.nan_to_num(np.radians(np.asarray(res.pose.shank.m_as("deg"), dtype=float)))
        s_new = in_plane_from_sagittal(solved, cphi, calpha)
        done = float(np.max(np.abs(s_new - s_in), initial=0.0)) < _PROJECTION_TOL_RAD
        s_in = s_new
        if done:
            break
    res.parameters["stance_width"] = quantity(stance_m, "m")
    res.extras["leg_projection"] = {"cos_toe_out": cphi, "cos_abduction": calpha,
                                    "shank_lean_in_plane": quantity(np.degrees(s_in), "deg")}
    return res


def _top_height(body: Body, ankle: tuple, offsets: tuple, legs: tuple | None = None) -> Any:
    """Bar height at the top of a rep: standing tall (legs and trunk vertical) with the bar against
    the thighs' front, less :data:`TOP_MARGIN_M` (balance tilts the body a little). ``legs`` gives
    the side-view shank and thigh lengths of a wide stance (arrays broadcast)."""
    L_s, L_t, L_k, L_a = body.shank.length_m, body.thigh.length_m, body.trunk.length_m, body.arms.length_m
    if legs is not None:
        L_s, L_t = legs
    S = (ankle[0], ankle[1] + L_s + L_t + L_k)

    def gap(hb):
        return np.hypot(S[0] - bar_contact_x(hb, 0.0, 0.0, ankle, L_s, L_t, offsets), S[1] - hb) - L_a
    hb, _ = bisect(gap, ankle[1] + 0.0 * (L_s + L_t), ankle[1] + L_s + L_t + L_k, 50)
    hb = np.asarray(hb, dtype=float) - TOP_MARGIN_M
    return float(hb) if hb.ndim == 0 else hb


def _romanian_deadlift(body: Body, *, bar_height: Any = None, trunk_lean: Any = None, knee_flexion: Any = "20 deg",
                       load: Any = None, toe_out: Any = "0 deg", cop: Any = None, extra_loads: Sequence[Load] = (),
                       arms: str = "free", fraction: Any = None, name: str = "romanian_deadlift",
                       technique: dict | None = None, lumbar_flexion: Any = None) -> ExerciseResult:
    """The hinge solver behind :class:`RomanianDeadlift` and :class:`StiffLegDeadlift`: the bottom
    at a bar height (default the knee) or a trunk lean."""
    if trunk_lean is not None:
        depth, depth_name = trunk_lean, "trunk_lean"
    else:
        depth, depth_name = ("knee" if bar_height is None else bar_height), "bar_height"
    from .technique import COP_RDL, SHANK_HINGE

    res = _hinge(name, body, knee_bend=knee_flexion, depth=depth, load=load, toe_out=toe_out, cop=cop,
                 extra_loads=extra_loads, fraction=fraction, depth_name=depth_name, arms=arms, technique=technique,
                 default_cop=COP_RDL.mean, lumbar_flexion=lumbar_flexion)
    # the solved shin lean beside the near-vertical reference (technique.SHANK_HINGE, an assumption): its
    # distance in reference SDs (negative: leaning further back than the reference)
    shank = np.asarray(res.pose.shank.m_as("deg"), dtype=float)
    res.extras["shank_vs_reference_sd"] = (shank - SHANK_HINGE.mean) / SHANK_HINGE.sd
    return res


def _deadlift(body: Body, *, load: Any = None, knee_flexion: Any = None, bar_height: Any = "floor",
              toe_out: Any = "0 deg", cop: Any = None, extra_loads: Sequence[Load] = (),
              fraction: Any = None, name: str = "deadlift", arms: str = "free", stance_width: Any = None,
              technique: dict | None = None, lumbar_flexion: Any = None) -> ExerciseResult:
    """The solver behind :class:`Deadlift`, :class:`SumoDeadlift` and (``arms="hang"``, handles at
    the sides) :class:`TrapBarDeadlift`: the knee flexion held (default: the typical start for the
    load, ``technique.deadlift_knee_flexion``), the shin lean solved so the centre of mass sits over
    the pressure point (default ``technique.COP_DEADLIFT``), the legs projected for the stance."""
    from .technique import COP_DEADLIFT, deadlift_knee_flexion

    if knee_flexion is None:
        load_bm = np.asarray(load_mass(load), dtype=float) / body.mass_kg
        knee_flexion = deadlift_knee_flexion(load_bm, name if name in ("sumo_deadlift", "trap_bar_deadlift")
                                             else "deadlift")
    return _hinge(name, body, knee_bend=knee_flexion, depth=bar_height, load=load, toe_out=toe_out, cop=cop,
                  extra_loads=extra_loads, fraction=fraction, depth_name="bar_height", arms=arms,
                  technique=technique, default_cop=COP_DEADLIFT.mean, stance_width=stance_width,
                  lumbar_flexion=lumbar_flexion)


#: Good morning: trunk lean at the bottom, deg. ASSUMPTION: the trunk about 10 deg above horizontal,
#: as lifters are cued ("bend until the back is near parallel"); Schellenberg et al. 2013 (BMC Sports
#: Sci Med Rehabil 5:27, 13 subjects, 25 % body weight) report the maximal hip flexion 25 % smaller
#: than in their deadlift but no angle could be read.
GOOD_MORNING_TRUNK_DEG = 80.0


def _good_morning(body: Body, *, trunk_lean: Any = f"{GOOD_MORNING_TRUNK_DEG:g} deg", knee_flexion: Any = "5.3 deg",
                  load: Any = None, cop: Any = None, toe_out: Any = "0 deg", extra_loads: Sequence[Load] = (),
                  fraction: Any = None, name: str = "good_morning", technique: dict | None = None,
                  lumbar_flexion: Any = None) -> ExerciseResult:
    """The solver behind :class:`GoodMorning`: the bar on the upper back (high bar), the arms folded
    to it, the knee flexion held and the trunk lean given; the shin lean (how far the hips travel
    back) is solved in closed form so that the centre of pressure sits at its target. With lumbar flexion
    the trunk lean is the hip-to-shoulder line, the pelvis sits below it by its offset, the bar and the arms
    go with the upper body, and the shin is found by Newton steps from the rigid trunk's closed form."""
    from ..model.loads import BAR_POSITIONS, Barbell
    from .common import solve_free_angle

    check_body(body)
    technique = technique or {}
    extra_loads = check_loads(extra_loads)
    k0 = as_angle(trunk_lean, "trunk_lean")
    K0 = as_angle(knee_flexion, "knee_flexion")
    load_kg = load_mass(load)
    if technique.get("toe_out_rad") is not None:
        phi = np.asarray(technique["toe_out_rad"], dtype=float)
    else:
        phi = check_single(as_angle(toe_out, "toe_out"), "toe_out")
    cphi = np.cos(phi)
    b, o = BAR_POSITIONS["high_bar"]
    arms_geom = (float(np.hypot(b, o)), 0.5) if body.arms is not None else None
    abody = array_body(body, foot_scale=cphi, knee_depth_scale=cphi, arms=arms_geom)
    afg = abody.foot_geometry
    if technique.get("cop_fraction") is not None:
        target = np.asarray(technique["cop_fraction"], dtype=float) * afg.toe_x
    elif cop is None:
        from .technique import COP_HINGE

        target = COP_HINGE.mean * afg.toe_x
    else:
        cop_v = cop_value(cop, ("midfoot", "ball", "heel"))
        if isinstance(cop_v, str):
            target = {"midfoot": 0.5 * afg.toe_x, "ball": afg.ball_x, "heel": 0.0 * afg.toe_x}[cop_v]
        else:
            target = cop_v
    lum_bottom = _lumbar_value(lumbar_flexion, technique)
    shape = broadcast_shape(k0, K0, load_kg, target, cphi, lum_bottom)
    frac = place_fraction(fraction, shape)
    shape = broadcast_shape(np.zeros(shape), 0.0 if frac is None else frac)
    feas = Feasibility(shape)

    def bc(x):
        return np.broadcast_to(np.asarray(x, dtype=float), shape)

    k = bc(k0) if frac is None else bc(k0) * frac
    K = bc(K0) if frac is None else bc(K0) * frac
    model = make_model(abody, [Barbell(quantity(load_kg, "kg"), "high_bar")] + list(extra_loads), "both", "feet")
    g = float(np.arctan2(o, -b))
    angles = {"foot": 0.0 * k, "shank": 0.0 * k, "thigh": K, "trunk": k, "arms": g - k if arms_geom else 0.0 * k}
    s, ok = solve_free_angle(model, angles, "shank", bc(target), {"thigh": (K, -1.0)})
    split = bool(np.any(np.asarray(lum_bottom) != 0.0))
    lum = bc(lum_bottom) * (1.0 if frac is None else frac)    # growing with the rep fraction
    pelvis = k
    if split:
        # the trunk lean is the hip-to-shoulder line; the pelvis sits below it, the bar and the arms go with the
        # upper body; the shin by Newton steps from the rigid trunk's closed form
        pelvis = k - trunk_line_offset(lum, lumbar_ratios(body))
        upper = pelvis + lum
        angles = {"foot": 0.0 * k, "shank": 0.0 * k, "thigh": K, "trunk": k, "pelvis": pelvis, "upper_body": upper,
                  "arms": g - upper if arms_geom else 0.0 * k}

        def cop_error(ss):
            a = {**angles, "shank": ss, "thigh": K - ss}
            return model.ground_reaction(model.sincos(a))["cop"][0] - bc(target)
        s = np.where(ok, s, 0.0)
        for _ in range(12):
            e = cop_error(s)
            d = (cop_error(s + 1e-6) - cop_error(s - 1e-6)) / 2e-6
            with np.errstate(divide="ignore", invalid="ignore"):
                s = s - np.clip(np.nan_to_num(e / d), -0.3, 0.3)
        ok = np.abs(cop_error(s)) < 1e-9
    feas.flag(bc(k0) > np.pi / 2 + 1e-9, "trunk_past_horizontal", trunk_lean=quantity(np.degrees(bc(k0)), "deg"))
    feas.flag(~ok, "balance", knee_flexion=quantity(np.degrees(K), "deg"), trunk_lean=quantity(np.degrees(k), "deg"))
    s = np.where(ok, s, 0.0)
    t = K - s
    joints = {"ankle": s, "knee": K, "hip": t + pelvis}
    out = np.zeros(shape, dtype=bool)
    for j, v in joints.items():
        lo, hi = JOINT_RANGES_DEG[j]
        out = out | (np.degrees(v) < lo - 1e-9) | (np.degrees(v) > hi + 1e-9)
    feas.flag(out, "joint_range", hip_flexion=quantity(np.degrees(t + pelvis), "deg"),
              dorsiflexion=quantity(np.degrees(s), "deg"), knee_flexion=quantity(np.degrees(K), "deg"))
    angles = {**angles, "foot": 0.0 * s, "shank": s, "thigh": t}
    angles = {n: feas.nan(bc(v)) for n, v in angles.items()}
    if split:
        pose = Pose.from_radians(angles["shank"], angles["thigh"], angles["trunk"], angles["foot"], angles["arms"],
                                 pelvis=angles["pelvis"], lumbar=feas.nan(lum))
    else:
        pose = Pose.from_radians(angles["shank"], angles["thigh"], angles["trunk"], angles["foot"], angles["arms"])
    sc = model.sincos(angles)
    moments = MomentResult(model, pose, sc, model.moments(sc))
    single = shape == ()
    feas.include(moments)
    feas.raise_if_single(single, name, {"balance": "Fix: less trunk lean or more knee flexion, or move the centre "
                                                   "of pressure (cop) toward the midfoot."})
    params = {"trunk_lean": quantity(np.degrees(k0), "deg"), "knee_flexion": quantity(np.degrees(K0), "deg"),
              "load": quantity(load_kg, "kg"), "bar": "high_bar", "toe_out": quantity(np.degrees(phi), "deg"),
              "cop": cop if not technique.get("cop_fraction") is not None else "drawn (technique samples)",
              "support": "feet", "stance": "both",
              "lumbar_flexion": ("drawn per sample" if technique.get("lumbar_flexion_rad") is not None
                                 else quantity(np.degrees(lum_bottom), "deg")),
              "fraction": None if fraction is None else np.asarray(fraction, dtype=float)}
    extras = {"target": quantity(bc(target), "m"), "cop_fraction": feas.nan(bc(target) / afg.toe_x)}
    return ExerciseResult(name, pose, moments, params, bool(feas.ok) if single else feas.ok,
                          str(feas.reason) if single else feas.reason, extras)


def _sampled_hinge(spec: Any, body: Body, kw: dict, fraction: Any, technique_name: str, solve: Any,
                   cop_free: bool = True) -> ExerciseResult:
    """A hinge with ``spec.samples`` technique samples on a leading axis (``technique.draw``).

    Drawn unless the call gives them: ``cop`` (fraction of the heel-to-toe-tip length; not with
    the arms plumb, where it is an output), ``knee_flexion`` and ``toe_out`` (where the exercise
    has it). A given value inside the drawn bounds conditions the other draws on it. The trunk
    (hinges with a bar height) or the shin (the good morning) is solved from balance for every
    sample. The deadlifts' ``stance`` sets the legs' side view (stance projection), and their drawn
    knee flexion is centred on the typical value for the load (``technique.deadlift_knee_flexion``).
    ``lumbar_flexion`` is drawn unless given and splits the trunk at L5/S1 (the lumbar flexion at the
    bottom). ``arm_angle`` is drawn and recorded only: the free arms are placed by the bar's contact.
    """
    from . import technique as tq
    from ..units import Q_

    check_body(body)
    tech = tq.typical(technique_name)
    given: dict[str, Any] = {}
    used: dict[str, str] = {}

    def inside(name, v):
        lo, hi = tech.bounds[name]
        return np.ndim(v) == 0 and lo <= float(v) <= hi

    draw_cop = cop_free and "cop" in kw and not spec._given("cop")
    if cop_free and not draw_cop and "cop" in kw:
        v = cop_value(kw["cop"], ("midfoot", "ball", "heel"))
        fg = body.foot_geometry
        along = {"midfoot": 0.5 * fg.toe_x, "ball": fg.ball_x, "heel": 0.0}.get(v, v) if isinstance(v, str) else v
        if inside("cop", np.asarray(along) / fg.toe_x):
            given["cop"] = float(along) / fg.toe_x
    draw_knee = not spec._given("knee_flexion")
    if not draw_knee:
        deg_ = np.degrees(as_angle(kw["knee_flexion"], "knee_flexion"))
        if inside("knee_flexion", deg_):
            given["knee_flexion"] = Q_(float(deg_), "deg")
    draw_toe = "toe_out" in kw and not spec._given("toe_out")
    if "toe_out" in tech.drawn and not draw_toe and "toe_out" in kw:
        deg_ = np.degrees(as_angle(kw["toe_out"], "toe_out"))
        if inside("toe_out", deg_):
            given["toe_out"] = Q_(float(deg_), "deg")
    samples, ndim = spec._draw(technique_name, body, fraction, given=given)
    lead = (samples.n,) + (1,) * ndim
    technique: dict[str, Any] = {}
    if draw_cop:
        technique["cop_fraction"] = samples.si("cop").reshape(lead)
        used["cop"] = "cop (fraction of the heel-to-toe-tip length)"
    else:
        used["cop"] = "not used: " + ("cop given" if cop_free else "the centre of pressure is an output here")
    if draw_knee:
        knee = samples.si("knee_flexion").reshape(lead)
        if technique_name in tq.KNEE_OFFSETS:
            # the deadlift's typical knee flexion falls with load (technique.deadlift_knee_flexion): the drawn
            # spread is centred on the typical value for this load
            load_bm = np.asarray(load_mass(kw.get("load")), dtype=float) / body.mass_kg
            typical_here = np.radians(tq.deadlift_knee_flexion(load_bm, technique_name).m_as("deg"))
            knee = knee + (typical_here - tech.drawn["knee_flexion"].mean_si)
            used["knee_flexion"] = "knee_flexion (centred on the typical value for the load)"
        else:
            used["knee_flexion"] = "knee_flexion"
        kw["knee_flexion"] = Q_(knee, "rad")
    else:
        used["knee_flexion"] = "not used: knee_flexion given"
    if "toe_out" in tech.drawn:
        if draw_toe:
            technique["toe_out_rad"] = samples.si("toe_out").reshape(lead)
            used["toe_out"] = ("toe_out (the foot's and the legs' side view)" if "stance" in tech.drawn
                               else "toe_out (the foot's side view)")
        else:
            used["toe_out"] = "not used: toe_out given"
    if "stance" in tech.drawn:
        if spec._given("stance_width"):
            used["stance"] = "not used: stance_width given"
        else:
            technique["stance_m"] = samples.si("stance").reshape(lead)
            kw["stance_width"] = None
            used["stance"] = "stance (the legs' side view, stance projection)"
    if "arm_angle" in tech.drawn:
        used["arm_angle"] = "recorded only (the arms are placed by the bar's contact or hang plumb)"
    if "lumbar_flexion" in kw:
        if spec._given("lumbar_flexion"):
            used["lumbar_flexion"] = "not used: lumbar_flexion given"
        else:
            technique["lumbar_flexion_rad"] = samples.si("lumbar_flexion").reshape(lead)
            used["lumbar_flexion"] = ("lumbar_flexion (at the bottom, growing with the rep fraction; the hip-to-shoulder "
                                      "line is placed as for a rigid trunk, the pelvis sits below it)")
    else:
        used["lumbar_flexion"] = "recorded only (the trunk is one segment here)"
    res = solve(kw, technique)
    if draw_cop:
        res.parameters["cop"] = "drawn (technique samples)"
    if draw_knee:
        res.parameters["knee_flexion"] = "drawn (technique samples)"
    return spec._sampled(res, samples, used, fraction)


def _back_extension(body: Body, *, load: Any = None, bench: Any = "45 deg", hip_flexion: Any = "90 deg",
                    pad: Any = "10 cm", roller: Any = "5 cm", band: Load | None = None,
                    fraction: Any = None) -> ExerciseResult:
    """The solver behind :class:`BackExtension`."""
    check_body(body)
    if band is not None and not isinstance(band, Load):
        raise InputValueError(f"band={band!r} is not a load; expected a bm.ElasticBand (or None).")
    beta = as_angle(bench, "bench")
    hf = as_angle(hip_flexion, "hip_flexion")
    if np.any(beta < np.radians(30) - 1e-9) or np.any(beta > np.radians(90) + 1e-9):
        from ..errors import InfeasiblePoseError
        raise InfeasiblePoseError(f"back_extension: bench={np.degrees(beta)} deg is outside 30 to 90 deg.", "bench",
                                  {"bench": quantity(np.degrees(beta), "deg")})
    pad_m, roller_m = as_length(pad, "pad", nonnegative=True), as_length(roller, "roller", nonnegative=True)
    load_kg = load_mass(load)
    shape = broadcast_shape(beta, hf, load_kg, pad_m, roller_m)
    frac = place_fraction(fraction, shape)
    if frac is not None:
        hf = hf * frac
    shape = broadcast_shape(np.zeros(shape), 0.0 if frac is None else frac)
    t, s = -beta, beta
    k = hf - t
    angles = {"foot": s, "shank": s, "thigh": t, "trunk": k, "arms": k + np.pi}  # arms hang from the shoulders
    angles["arms"] = 0.0 * k  # plumb
    loads: list[Load] = [PointMass("trunk", quantity(CHEST_PLATE[0] * body.trunk.length_m, "m"),
                                   quantity(load_kg, "kg"), offset=quantity(CHEST_PLATE[1], "m"), label="plate")]
    if band is not None:
        loads.append(band)
    # the pad (normal to the legs) and the roller balance the whole body
    probe = make_model(body, loads, "both", "thighs")
    sc = probe.sincos(angles)
    form, fy = whole_body_moment_form(probe)
    m0 = form.evaluate(sc)
    fx = 0.0
    if probe.field_items:
        for it, mult in probe.whole_body():
            if it.force is None:
                x, y = it.point.evaluate(sc)
                f = it.field(x, y)
                m0, fx, fy = m0 + mult * (x * f[1] - y * f[0]), fx + mult * f[0], fy + mult * f[1]
    hip = probe.points["hip"].evaluate(sc)
    ankle = probe.points["ankle"].evaluate(sc)
    u_t = (np.sin(t), -np.cos(t))
    n_up = (-np.cos(beta), np.sin(beta))  # at right angles to the legs, away from the bench (upward)
    P = (hip[0] + pad_m * u_t[0], hip[1] + pad_m * u_t[1])
    Qr = (ankle[0] - roller_m * u_t[0], ankle[1] - roller_m * u_t[1])
    # moments about the roller: (P - Q) x N n + (m0 - Q x F_total) = 0
    mQ = m0 - (Qr[0] * fy - Qr[1] * fx)
    arm = (P[0] - Qr[0]) * n_up[1] - (P[1] - Qr[1]) * n_up[0]
    N = -mQ / arm
    R = (-(fx + N * n_up[0]), -(fy + N * n_up[1]))
    roller_offset = -0.05  # behind the shank axis (the calf and Achilles side); assumption
    both = [PointForce("shank", quantity(body.shank.length_m - roller_m, "m"),
                       quantity(np.stack(np.broadcast_arrays(*R), -1), "N"), offset=quantity(roller_offset, "m"),
                       label="heel roller"),
            PointForce("thigh", quantity(pad_m, "m"), quantity(np.stack(np.broadcast_arrays(N * n_up[0], N * n_up[1]),
                                                                         -1), "N"), label="pad")]
    model = make_model(body, loads + both, "both", "thighs")
    sc = model.sincos(angles)
    feas = Feasibility(shape)
    feas.flag(np.asarray(N) < 0, "balance", pad_force=quantity(N, "N"))
    pose = Pose.from_radians(feas.nan(angles["shank"]), feas.nan(angles["thigh"]), feas.nan(angles["trunk"]),
                             feas.nan(angles["foot"]), feas.nan(angles["arms"]))
    sc = model.sincos(pose.segment_angles_rad())
    moments = MomentResult(model, pose, sc, model.moments(sc))
    single = shape == ()
    feas.include(moments)
    feas.raise_if_single(single, "back_extension")
    params = {"bench": quantity(np.degrees(beta), "deg"), "hip_flexion": quantity(np.degrees(as_angle(hip_flexion, "hip_flexion")), "deg"),
              "pad": quantity(pad_m, "m"), "roller": quantity(roller_m, "m"), "load": quantity(load_kg, "kg"),
              "support": "thighs", "band": band}
    extras = {"pad_force": quantity(N, "N"), "roller_force": quantity(np.stack(np.broadcast_arrays(*R), -1), "N")}
    return ExerciseResult("back_extension", pose, moments, params, bool(feas.ok) if single else feas.ok,
                          str(feas.reason) if single else feas.reason, extras)


# --------------------------------------------------------------------------- the declared exercises
from .spec import ExerciseSpec, declare, param, sampling_params, spec_function  # noqa: E402

_BAR_WORDS = {"knee": "ankle height plus shank length", "mid_shin": "ankle height plus half the shank",
              "floor": f"the plates' radius, {PLATE_DIAMETER_M / 2:g} m"}
_HINGE_REP = ("The knee flexion, the bar height (or trunk lean) and the lumbar flexion move together from standing "
              "to the bottom.")


def _hinge_common(knee_flexion: Any) -> tuple[dict, dict]:
    main = dict(
        bar_height=param("length", None, "Height of the bar's centre above the floor at the bottom, or a named "
                                         "height.", words=_BAR_WORDS,
                         none="the knee, unless trunk_lean is given"),
        trunk_lean=param("angle", None, "Trunk lean from vertical at the bottom (forward positive), instead of a "
                                        "bar height; the bar's height then follows.",
                         none="set by the bar height"),
        knee_flexion=param("angle", knee_flexion, "Knee flexion held through the rep (0 deg: straight)."),
        load=param("load", None, "The bar's mass, or its weight as a force.", none="no load"),
        lumbar_flexion=_lumbar_param(),
    )
    rest = dict(
        toe_out=param("angle", "0 deg", "Feet turned out by this angle; the foot's side view shortens by "
                                        "cos(toe_out)."),
        cop=param("length", None, "Target of the centre of pressure: a named point of the foot or a distance "
                                  "from the heel along the sole (arms free only).",
                  none="29.9 % of the heel-to-toe-tip length from the heel (technique.COP_RDL, derived by statics "
                       "from Lee et al. 2018's ankle moment)",
                  words={"midfoot": "the heel-toe midpoint", "ball": "the ball of the foot", "heel": "the heel"}),
        extra_loads=param("loads", (), "Bands or cables; their forces count in the balance."),
        arm_position=param("choice", "free", "How the arms hold the bar: free (the centre of pressure held at its "
                                             "target, the shoulders hold the bar against the legs) or plumb (the "
                                             "arms hang straight down and the centre of pressure is an output).",
                           choices=("free", "plumb")),
    )
    return main, rest


#: The hinges' ``lumbar_flexion`` parameter (shared by the Romanian, stiff-leg and deadlift specs).
def _lumbar_param() -> Any:
    from .technique import LUMBAR_FLEXION_HINGE as LFH

    return param("angle", f"{LFH.mean:g} deg",
                 "Lumbar flexion (upper body against pelvis, at L5/S1) at the bottom or lift-off; over a rep it grows "
                 "with the rep fraction from 0 standing. The bar's contact places the hip-to-shoulder line (shortened "
                 "by the flexion); the pelvis sits below it by the line's offset ('0 deg': a rigid trunk, hip "
                 "flexion = thigh + trunk lean).",
                 source=f"assumption (technique.LUMBAR_FLEXION_HINGE, {LFH.mean:g} +- {LFH.sd:g} deg): no lumbar angle "
                        "in a hinge could be read; anchored to the squat values of Walsh et al. 2007 and McKean et al. "
                        "2010")


class _HingeSpec(ExerciseSpec):
    renamed = {"depth": "bar_height or trunk_lean", "knee_bend": "knee_flexion", "arms": "arm_position"}
    rep_fraction = _HINGE_REP

    @classmethod
    def new_name(cls, old: str, value: Any) -> str:
        if old == "depth":
            if isinstance(value, str) and value.strip().lower() in _BAR_WORDS:
                return "bar_height"
            try:
                return "bar_height" if is_length(value, "depth") else "trunk_lean"
            except Exception:  # noqa: BLE001 - an unreadable value: the bar height's check names it
                return "bar_height"
        return cls.renamed[old]

    def _check(self) -> None:
        if getattr(self, "trunk_lean", None) is not None and self.bar_height is not None:
            raise InputValueError(f"{self.name}: bar_height={self.bar_height!r} and trunk_lean={self.trunk_lean!r} "
                                  f"were both given; give one: the other follows from it.")

    #: the typical technique the samples come from (technique.EXERCISES)
    technique_name = "romanian_deadlift"

    def _solve(self, body: Body, fraction: Any) -> ExerciseResult:
        kw = self._plain_values()
        kw["arms"] = kw.pop("arm_position")
        if self.samples is not None:
            return _sampled_hinge(self, body, kw, fraction, self.technique_name,
                                  lambda k, t: _romanian_deadlift(body, **k, fraction=fraction, name=self.name,
                                                                  technique=t),
                                  cop_free=kw["arms"] != "plumb")
        return _romanian_deadlift(body, **kw, fraction=fraction, name=self.name)


class RomanianDeadlift(_HingeSpec):
    """A Romanian deadlift's bottom: soft knees, hips back, the bar against the legs.

    The bottom is given by the bar's height (default the knee) or by the trunk lean. The
    defaults are the typical technique of :mod:`biomech.exercises.technique`: knees 20 deg (an
    assumption, ``KNEE_RDL``), the centre of pressure 29.9 % of the foot from the heel
    (``COP_RDL``, from Lee et al. 2018's ankle moment by statics); balance solves the shin lean
    (near vertical), the trunk and arms follow from the bar's contact with the legs. With
    ``arm_position="plumb"`` the shank lean is solved from the bar's contact with the legs and the
    centre of pressure follows from the whole body's balance; for a 1.78 m, 80 kg body with
    20 deg knees this holds only a few centimetres below standing (see ``docs/exercises.md``).
    ``.extras`` holds ``shoulder_moment`` (both arms, + = shoulder extensor), ``bar_height``,
    ``cop_from_heel``, ``cop_fraction`` (0 heel, 1 toe tip), ``ankle_per_cm_cop`` and
    ``shank_vs_reference_sd``: the solved shin lean's distance from the near-vertical reference
    (``technique.SHANK_HINGE``, 5 +- 3 deg, an assumption) in its SDs.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> rdl = bm.exercises.romanian_deadlift(body, load="100 kg")
    >>> abs(float(rdl.pose.shank.magnitude)) < 5  # shins near vertical
    True
    >>> float(rdl.knee.magnitude) < 0 < float(rdl.hip.magnitude)  # knee flexor, hip extensor demand
    True
    """

    name = "romanian_deadlift"
    summary = "Romanian deadlift: hip hinge with soft knees"
    example = "biomech romanian_deadlift --load 100kg"


_m, _r = _hinge_common("20 deg")
declare(RomanianDeadlift, _m, {**_r, **sampling_params("Romanian deadlift")})


class StiffLegDeadlift(_HingeSpec):
    """A stiff-leg deadlift: the Romanian deadlift with nearly straight knees.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> bool(bm.exercises.stiff_leg_deadlift(body, load="80 kg").feasible)
    True
    """

    name = "stiff_leg_deadlift"
    summary = "stiff-leg deadlift: hip hinge with straight knees"
    example = "biomech stiff_leg_deadlift --load 100kg"
    #: straight knees: the knee flexion is drawn from the good morning's measured spread
    #: (Schellenberg et al. 2013, 5.3 +- 6.7 deg), the closest measured straight-knee hinge (assumption)
    technique_name = "good_morning"


_m, _r = _hinge_common("5 deg")
declare(StiffLegDeadlift, _m, {**_r, **sampling_params("stiff-leg deadlift (the good morning's straight knees)")})
del _m, _r


class Deadlift(ExerciseSpec):
    """A conventional deadlift's start: the bar at the plates' radius, against the shins.

    The defaults are the typical conventional start of :mod:`biomech.exercises.technique`: the
    knee flexion for the load (Schellenberg et al. 2013: 107.8 deg with 25 % and 103.4 deg with
    50 % of body weight on the bar, ``technique.deadlift_knee_flexion``), feet 14 deg out and
    0.32 m apart (Escamilla et al. 2000), the centre of pressure 31.4 % of the foot from the heel
    (``technique.COP_DEADLIFT``, from Lee et al. 2018's ankle moment by statics). Balance solves
    the shin lean; the trunk and the arms follow from the bar's contact with the shins.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> dl = bm.exercises.deadlift(body, load="140 kg")
    >>> round(float(dl.parameters["knee_flexion"].to("deg").magnitude), 1)
    103.4
    >>> float(dl.knee.magnitude) > 0  # a knee extensor moment at lift-off
    True
    """

    name = "deadlift"
    summary = "conventional deadlift from the floor"
    example = "biomech deadlift --load 140kg"
    renamed = {"knee_bend": "knee_flexion"}
    rep_fraction = _HINGE_REP

    technique_name = "deadlift"
    arms_mode = "free"

    def _solve(self, body: Body, fraction: Any) -> ExerciseResult:
        kw = self._plain_values()
        if self.samples is not None:
            return _sampled_hinge(self, body, kw, fraction, self.technique_name,
                                  lambda k, t: _deadlift(body, **k, fraction=fraction, name=self.name,
                                                         arms=self.arms_mode, technique=t))
        return _deadlift(body, **kw, fraction=fraction, name=self.name, arms=self.arms_mode)


_KNEE_NONE = ("the typical start for the load (technique.deadlift_knee_flexion): Schellenberg et al. 2013's "
              "knee flexion, 107.8 deg with 25 % and 103.4 deg with 50 % of body weight on the bar, linear between "
              "and held outside")
_KNEE_SOURCE = "Schellenberg et al. 2013, BMC Sports Sci Med Rehabil 5:27 (13 subjects); technique.py"
_COP_DL_NONE = ("31.4 % of the heel-to-toe-tip length from the heel (technique.COP_DEADLIFT, derived by statics from "
                "Lee et al. 2018's ankle moment)")


def _stance_param(default: str, source: str) -> Any:
    return param("length", default, "Distance between the ankle joint centres; with the toe-out it sets the legs' "
                                    "side view (stance projection, as in the squats).", positive=True,
                 source=source)


_main, _rest = _hinge_common(None)
declare(Deadlift, dict(
    load=_main["load"],
    knee_flexion=param("angle", None, "Knee flexion at the start, in the leg's own plane (0 deg: straight).",
                       none=_KNEE_NONE, source=_KNEE_SOURCE),
    bar_height=param("length", "floor", "Height of the bar's centre above the floor, or a named height.",
                     words=_BAR_WORDS, source="IWF and IPF rules: plates of 450 mm diameter"),
    toe_out=param("angle", "14 deg", "Feet turned out by this angle: the foot's and the legs' side view.",
                  source="Escamilla et al. 2000, Med Sci Sports Exerc 32:1265 (conventional lifters 14 +- 6 deg)"),
    stance_width=_stance_param("0.32 m", "Escamilla et al. 2000 (conventional lifters 32 +- 8 cm)"),
    lumbar_flexion=_lumbar_param(),
    cop=param("length", None, "Target of the centre of pressure: a named point of the foot or a distance from the "
                              "heel along the sole.", none=_COP_DL_NONE,
              words={"midfoot": "the heel-toe midpoint", "ball": "the ball of the foot", "heel": "the heel"}),
    extra_loads=_rest["extra_loads"],
    **sampling_params("conventional deadlift")))
del _main, _rest


def _technique_mean(exercise: str, name: str) -> float:
    from .technique import EXERCISES

    return EXERCISES[exercise].drawn[name].mean


class SumoDeadlift(Deadlift):
    """A sumo deadlift's start: wide stance, feet turned out, the bar at the plates' radius
    against the shins, the knee flexion held and the shin lean solved for balance.

    The defaults are the typical sumo start of :mod:`biomech.exercises.technique`: the
    conventional start's knee flexion for the load (Schellenberg et al. 2013: 107.8 deg with 25 %
    and 103.4 deg with 50 % of body weight on the bar) plus the 12 deg more of the sumo group of
    Escamilla et al. 2000, feet turned out 42 +- 8 deg and 0.70 +- 0.11 m apart (Escamilla et al.
    2000), the centre of pressure 31.4 % of the foot from the heel (``technique.COP_DEADLIFT``,
    from Lee et al. 2018's conventional lifters, assumed for sumo). The arms hold the bar
    against the shins (free arms: the shoulders hold it there). The knee flexion is in the leg's
    own plane; the legs are seen from the side through the stance projection (the toe-out
    shortens their horizontal extent, the abduction their vertical one), so ``pose.knee`` is the
    side-view angle and ``extras["leg_projection"]`` holds the factors and the in-plane shin lean.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> su = bm.exercises.sumo_deadlift(body, load="140 kg")
    >>> bool(su.feasible), round(float(su.parameters["knee_flexion"].to("deg").magnitude), 1)
    (True, 115.4)
    >>> round(float(su.extras["leg_projection"]["cos_toe_out"]), 3)  # cos 42 deg
    0.743
    """

    name = "sumo_deadlift"
    summary = "sumo deadlift from the floor: wide stance, feet turned out"
    example = "biomech sumo_deadlift --load 140kg"
    technique_name = "sumo_deadlift"


class TrapBarDeadlift(Deadlift):
    """A trap-bar (hexagonal bar) deadlift's start: the handles at the sides, hanging from plumb
    arms clear of the legs, the knee flexion held and the shin lean solved for balance.

    The defaults are the typical trap-bar start of :mod:`biomech.exercises.technique`: the
    conventional start's knee flexion for the load (Schellenberg et al. 2013) plus 10 deg (an
    assumption in the direction Swinton et al. 2011's moments imply), feet turned out 14 deg and
    0.32 m apart (the conventional values of Escamilla et al. 2000, assumed), the centre of
    pressure 31.4 % of the foot from the heel (``technique.COP_DEADLIFT``, assumed for the trap
    bar). The handles are the low ones, at the plates' centre height (an assumption: 0.225 m
    with 450 mm plates).

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> tb = bm.exercises.trap_bar_deadlift(body, load="140 kg")
    >>> bool(tb.feasible), round(float(tb.pose.arms.to("deg").magnitude), 1)
    (True, 0.0)
    """

    name = "trap_bar_deadlift"
    summary = "trap-bar (hexagonal bar) deadlift: handles at the sides"
    example = "biomech trap_bar_deadlift --load 140kg"
    technique_name = "trap_bar_deadlift"
    arms_mode = "hang"


_main, _rest = _hinge_common(None)
declare(SumoDeadlift, dict(
    load=_main["load"],
    knee_flexion=param("angle", None, "Knee flexion at the start, in the leg's own plane (0 deg: straight).",
                       none=_KNEE_NONE + ", plus the sumo group's 12 deg (Escamilla et al. 2000)",
                       source=_KNEE_SOURCE + "; Escamilla et al. 2000, Med Sci Sports Exerc 32:1265"),
    bar_height=param("length", "floor", "Height of the bar's centre above the floor, or a named height.",
                     words=_BAR_WORDS, source="IWF and IPF rules: plates of 450 mm diameter"),
    toe_out=param("angle", f"{_technique_mean('sumo_deadlift', 'toe_out'):g} deg",
                  "Feet turned out by this angle: the foot's and the legs' side view.",
                  source="Escamilla et al. 2000, Med Sci Sports Exerc 32:1265 (sumo lifters 42 +- 8 deg)"),
    stance_width=_stance_param("0.70 m", "Escamilla et al. 2000 (sumo lifters 70 +- 11 cm)"),
    lumbar_flexion=_lumbar_param(),
    cop=param("length", None, "Target of the centre of pressure: a named point of the foot or a distance from the "
                              "heel along the sole.", none=_COP_DL_NONE + ", assumed for the sumo start",
              words={"midfoot": "the heel-toe midpoint", "ball": "the ball of the foot", "heel": "the heel"}),
    extra_loads=_rest["extra_loads"], **sampling_params("sumo deadlift")))
declare(TrapBarDeadlift, dict(
    load=param("load", None, "The trap bar's mass with its plates, or its weight as a force.", none="no load"),
    knee_flexion=param("angle", None, "Knee flexion at the start, in the leg's own plane (0 deg: straight).",
                       none=_KNEE_NONE + ", plus 10 deg (an assumption in the direction Swinton et al. 2011's "
                       "moments imply)", source=_KNEE_SOURCE + "; assumption (technique.TRAP_MINUS_STRAIGHT_KNEE)"),
    bar_height=param("length", "floor", "Height of the handles above the floor, or a named height (floor: the "
                                        "low handles at the plates' centre height, an assumption).",
                     words=_BAR_WORDS, source="IWF and IPF rules: plates of 450 mm diameter"),
    toe_out=param("angle", f"{_technique_mean('trap_bar_deadlift', 'toe_out'):g} deg",
                  "Feet turned out by this angle: the foot's and the legs' side view.",
                  source="Escamilla et al. 2000 (conventional lifters 14 +- 6 deg), assumed for the trap bar"),
    stance_width=_stance_param("0.32 m", "Escamilla et al. 2000 (conventional lifters 32 +- 8 cm), assumed for "
                                         "the trap bar"),
    lumbar_flexion=_lumbar_param(),
    cop=param("length", None, "Target of the centre of pressure: a named point of the foot or a distance from the "
                              "heel along the sole.", none=_COP_DL_NONE + ", assumed for the trap bar",
              words={"midfoot": "the heel-toe midpoint", "ball": "the ball of the foot", "heel": "the heel"}),
    extra_loads=_rest["extra_loads"], **sampling_params("trap-bar deadlift")))
del _main, _rest


class GoodMorning(ExerciseSpec):
    """A good morning's bottom: the bar on the upper back, knees nearly straight, the trunk
    leaning forward and the hips pushed back until the lifter balances.

    The knee flexion is held and the trunk lean given; the shin lean (how far the hips travel
    back) is solved in closed form so that the centre of pressure sits at its target. The
    defaults are the typical good morning of :mod:`biomech.exercises.technique`: knee flexion
    5.3 +- 6.7 deg (Schellenberg et al. 2013), the centre of pressure at 42 % of the foot from
    the heel (an assumption, ``COP_HINGE``), the trunk 80 deg from vertical (an assumption:
    no angle could be read). Schellenberg et al. found an external knee *extension* moment in
    the good morning, an internal knee flexor demand: negative knee moments here.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> gm = bm.exercises.good_morning(body, load="20 kg")
    >>> bool(gm.feasible), float(gm.knee.magnitude) < 0 < float(gm.hip.magnitude)
    (True, True)
    """

    name = "good_morning"
    summary = "good morning: bar on the back, hip hinge with straight knees"
    example = "biomech good_morning --load 20kg --trunk-lean 70deg"
    rep_fraction = ("The trunk lean, the knee flexion and the lumbar flexion grow together from standing (0) to the "
                    "bottom (1).")

    def _solve(self, body: Body, fraction: Any) -> ExerciseResult:
        kw = self._plain_values()
        if self.samples is not None:
            return _sampled_hinge(self, body, kw, fraction, "good_morning",
                                  lambda k, t: _good_morning(body, **k, fraction=fraction, technique=t))
        return _good_morning(body, **kw, fraction=fraction)


declare(GoodMorning, dict(
    trunk_lean=param("angle", f"{GOOD_MORNING_TRUNK_DEG:g} deg", "Trunk lean from vertical at the bottom (forward "
                                                               "positive).",
                     source="assumption: near horizontal, as lifters are cued; no angle read from Schellenberg et al. "
                            "2013"),
    knee_flexion=param("angle", f"{_technique_mean('good_morning', 'knee_flexion'):g} deg",
                       "Knee flexion held through the rep (0 deg: straight).",
                       source="Schellenberg et al. 2013, BMC Sports Sci Med Rehabil 5:27 (5.3 +- 6.7 deg, 13 "
                              "subjects)"),
    load=param("load", None, "The bar's mass on the upper back (high bar), or its weight as a force.", none="no load"),
    lumbar_flexion=_lumbar_param(),
    toe_out=param("angle", "0 deg", "Feet turned out by this angle; the foot's side view shortens by cos(toe_out)."),
    cop=param("length", None, "Target of the centre of pressure: a named point of the foot or a distance from the "
                              "heel along the sole.",
              none="42 % of the heel-to-toe-tip length (an assumption, technique.COP_HINGE)",
              words={"midfoot": "the heel-toe midpoint", "ball": "the ball of the foot", "heel": "the heel"}),
    extra_loads=param("loads", (), "Bands or cables; their forces count in the balance."),
    **sampling_params("good morning")))


class BackExtension(ExerciseSpec):
    """A back extension's bottom on a 45 deg or 90 deg (horizontal) bench.

    Hip and lumbar moments come from above; knee and ankle from below with the heel
    roller's force. ``.extras`` holds ``pad_force`` and ``roller_force`` (N, world axes).

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> be = bm.exercises.back_extension(body, load="10 kg", bench="45 deg")
    >>> float(be.hip.magnitude) > 0 and float(be.lumbar.magnitude) > 0
    True
    """

    name = "back_extension"
    summary = "back extension (hip hinge over a pad)"
    example = "biomech back_extension --json"
    rep_fraction = "The hip flexion goes from the body straight along the bench (0) to the bottom."

    def _solve(self, body: Body, fraction: Any) -> ExerciseResult:
        return _back_extension(body, **self.values(), fraction=fraction)


declare(BackExtension, dict(
    load=param("load", None, "A plate held at the chest, a mass or its weight as a force.", none="no load"),
    bench=param("angle", "45 deg", "Inclination of the legs from vertical: 45 deg on a hyperextension bench, "
                                   "90 deg on a horizontal Roman chair; 30 to 90 deg."),
    hip_flexion=param("angle", "90 deg", "Hip flexion at the bottom (0 deg: the body straight along the bench)."),
    pad=param("length", "10 cm", "Where the pad meets the thighs: its distance below the hip joint along the thigh.",
              nonnegative=True),
    roller=param("length", "5 cm", "Heel roller's distance above the ankle along the back of the shank.",
                 nonnegative=True),
    band=param("band", None, "An elastic band on the trunk, its anchor in the model's frame.", none="no band")))

romanian_deadlift = spec_function(RomanianDeadlift)
sumo_deadlift = spec_function(SumoDeadlift)
trap_bar_deadlift = spec_function(TrapBarDeadlift)
good_morning = spec_function(GoodMorning)
stiff_leg_deadlift = spec_function(StiffLegDeadlift)
deadlift = spec_function(Deadlift)
back_extension = spec_function(BackExtension)
