"""Split stances: lunge (forward, reverse or walking), split squat, Bulgarian split squat, step-up.

Geometry. The front foot stands flat with its heel at the origin; the rear foot meets
its support at a point ``step_length`` behind the front heel (its ball on the floor,
its instep on a bench, or, in a step-up, its ball on the floor below the box). The step
can be given as a length or as ``step_fraction``, a fraction of the leg length (standing
hip joint centre height, :func:`leg_length_m`). The rear leg reaches from the hip to its
contact with its ankle held at ``rear_ankle`` (a rigid knee-to-contact link), solved as a
two-link chain in closed form, knee forward.

The bottom position has two free coordinates (the hip's). By default the front shin
follows the step (:func:`default_front_shank`) and the lifter descends until the first of
three limits: the front thigh at ``depth`` (parallel), the rear knee ``rear_knee_height``
(5 cm) above the floor, or the rear knee at ``REAR_KNEE_FLEXION_LIMIT_DEG``. Giving
``depth``, ``rear_knee_height``, ``knee_travel`` or ``front_shank`` pins that constraint;
two pins fix the bottom and a third is refused (docs/exercises.md lists the cases).

Statics cannot decide how the ground reaction splits between the feet: ``front_share``
is a parameter (defaults below, with their sources) and the rear foot's reaction acts
at its contact point, vertical unless other forces are horizontal (the core's rule).
The trunk lean is then solved so that the front foot's centre of pressure sits at its
target point (midfoot by default); give ``trunk_lean=`` to fix the lean instead, and the
centre of pressure becomes the output.

Forward, reverse and walking lunges differ in how the body gets to the bottom (dynamics),
not in the static bottom position: ``direction`` is recorded but does not change the numbers.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from ..model.body import Body
from ..errors import InputValueError, RangeError
from ..model.loads import BAR_POSITIONS, Barbell, HandLoad, Load
from ..model.pose import LegPose, SplitPose
from ..mechanics.statics import MomentResult
from ..units import as_fraction, quantity
from .common import (DORSIFLEXION_LIMIT_DEG, Feasibility, SplitExerciseResult, as_angle, as_length,
                     broadcast_shape, check_body, check_loads, fraction_in, load_mass, make_model, place_fraction, solve_free_angle)
from .common import check_single

__all__ = ["lunge", "split_squat", "bulgarian_split_squat", "step_up", "split_kernel", "FRONT_SHARE",
           "DEFAULT_STEP_FRACTION", "REAR_KNEE_HEIGHT_M", "leg_length_m", "default_front_shank",
           "long_step_front_shank", "DIRECTIONS", "REAR_REACH_MARGIN_DEG", "SHANK_BACK_LIMIT_DEG",
           "REAR_KNEE_FLEXION_LIMIT_DEG", "TRUNK_MAX_DEG", "Lunge", "SplitSquat", "BulgarianSplitSquat", "StepUp"]

#: Default share of the ground reaction through the front foot.
#: - Bulgarian (rear-foot-elevated) split squat: 0.84. Helme, Tee, Emmonds & Low (2021?,
#:   J Strength Cond Res, doi 10.1519/JSC.0000000000003727, abstract): the lead foot gave
#:   84.36 +/- 3.6 % of the total vertical force over 715 repetitions (26 trained men).
#: - Lunge and split squat: 0.70. No measurement was found; 70 % front / 30 % rear is the
#:   common coaching starting point (an assumption; set ``front_share`` to your own).
#: - Step-up: 0.70. Assumption: the bottom is the moment both feet are loaded, before the rear
#:   foot leaves the floor; with much more on the front foot no trunk lean brings its centre of
#:   pressure to the midfoot while the rear foot is still down behind and below.
FRONT_SHARE = {"lunge": 0.70, "split_squat": 0.70, "bulgarian_split_squat": 0.84, "step_up": 0.70}

_HOLDS = ("hands", "back")

#: Directions of the step; recorded only (the static bottom position is the same).
DIRECTIONS = ("forward", "reverse", "walking")

#: Default step, as a fraction of the leg length (standing hip joint centre height, about
#: 0.53 of stature with de Leva's male table). Assumption: no study of a *typical* training
#: step was read; 0.8 leg lengths is 75 cm for a 1.78 m man (the previous fixed default, and
#: within the 60-75 cm between the feet coaching texts give), and it lies well below the
#: maximal anterior lunge distance Crill, Kolba & Chleboun measured (J Sport Rehabil 2004,
#: 13:44, abstract): 113.7 +- 17.2 cm in 29 men, 96.6 +- 11.1 cm in 28 women. The
#: Bulgarian split squat's 0.58 is the previous 55 cm for the same man (assumption).
DEFAULT_STEP_FRACTION = {"lunge": 0.8, "split_squat": 0.8, "bulgarian_split_squat": 0.58}

#: Default limit of the rear knee's descent, m (joint centre above the floor). Coaching
#: texts stop the rear knee 5-10 cm off the floor ("just off the floor"); an assumption,
#: no measurement was read.
REAR_KNEE_HEIGHT_M = 0.05

#: On the longest steps the rear leg (thigh, and shank with foot as one link) is kept at least
#: this many degrees short of its full reach; the front shin comes back toward vertical as far
#: as that needs. An assumption (a rear knee that is nearly, not fully, straight).
REAR_REACH_MARGIN_DEG = 10.0

#: How far the front shin may lean back (knee behind the ankle) on the longest steps before
#: the step is called out of reach, degrees. An assumption.
SHANK_BACK_LIMIT_DEG = 10.0

#: The descent also stops where the rear knee reaches this flexion, degrees: with the rear foot
#: up on a bench the rear knee folds before it nears the floor. An assumption, 15 deg inside
#: the model's anatomical knee range (165 deg); the lunge's rear knee stays below 130 deg.
REAR_KNEE_FLEXION_LIMIT_DEG = 150.0

#: Most trunk lean the default bottom asks for, degrees, per exercise: where balancing the
#: default front shin would need more, the front shin leans further forward instead (up to the
#: dorsiflexion limit). Bulgarian split squat only: with 84 % of the weight on the front foot a
#: rear foot far back would otherwise need leans of 60-75 deg, beyond what lifters show
#: (Arakawa, Mori & Tanimoto 2023, J Strength Cond Res 37:1009, abstract: the trunk more upright
#: than in the back squat). 40 deg is an assumption.
TRUNK_MAX_DEG = {"bulgarian_split_squat": 40.0}


def _two_link(H, C, L1, L2, pick: str = "forward"):
    """Middle joint of a two-link chain from H (length L1) to C (length L2); ok mask.

    ``pick="forward"`` takes the solution further forward (a knee), ``"up"`` the higher one.
    """
    dx, dy = C[0] - H[0], C[1] - H[1]
    d = np.hypot(dx, dy)
    with np.errstate(invalid="ignore", divide="ignore"):
        a = (L1 ** 2 - L2 ** 2 + d ** 2) / (2 * d)
        h = np.sqrt(np.maximum(L1 ** 2 - a ** 2, 0.0))
        ux, uy = dx / d, dy / d
    ok = (d <= L1 + L2) & (d >= np.abs(L1 - L2))
    px, py = H[0] + a * ux, H[1] + a * uy
    k1 = (px - h * uy, py + h * ux)
    k2 = (px + h * uy, py - h * ux)
    pick1 = (k1[0] >= k2[0]) if pick == "forward" else (k1[1] >= k2[1])
    return (np.where(pick1, k1[0], k2[0]), np.where(pick1, k1[1], k2[1])), ok


def _rear_link(body: Body, contact: str, ankle: Any):
    """The knee-to-contact vector at zero shank lean, as (length, angle) with the rear ankle fixed."""
    fg = body.foot_geometry
    along, off = {"ball": (fg.ball_x, 0.0), "heel": (0.0, 0.0),
                  "instep": (0.5 * (fg.ankle_x + fg.ball_x), 0.75 * fg.ankle_y)}[contact]
    ca, sa = np.cos(ankle), np.sin(ankle)
    # w = L_s (0, -1) + (along - ankle_x) R(a)(1, 0) + (off - ankle_y) R(a)(0, 1)
    wx = (along - fg.ankle_x) * ca - (off - fg.ankle_y) * sa
    wy = -body.shank.length_m + (along - fg.ankle_x) * sa + (off - fg.ankle_y) * ca
    return np.hypot(wx, wy), np.arctan2(wy, wx)


def leg_length_m(body: Body) -> float:
    """Leg length used for step fractions, m: the standing height of the hip joint centre
    (ankle height + shank + thigh), about 0.53 of stature with de Leva's (1996) male table."""
    return float(body.foot_geometry.ankle_y + body.shank.length_m + body.thigh.length_m)


def _rear_knee_at(C, ell, hk):
    """The rear knee at height ``hk`` on its link's circle about the contact C, ahead of C."""
    with np.errstate(invalid="ignore"):
        return (C[0] + np.sqrt(ell ** 2 - (hk - C[1]) ** 2), hk + 0.0 * C[0])


def _shank_both(body: Body, C, ell, depth, hk):
    """Front shank lean that puts the rear knee at height ``hk`` when the front thigh is at
    ``depth`` (the hip further forward of the two that fit); with ok and whether the rear
    thigh then points down and forward of vertical (rear knee ahead of the hip)."""
    fg = body.foot_geometry
    L_s, L_t = body.shank.length_m, body.thigh.length_m
    Kr0 = _rear_knee_at(C, ell, hk)
    Q = (fg.ankle_x - L_t * np.sin(depth), fg.ankle_y + L_t * np.cos(depth))
    H1, ok = _two_link(Q, Kr0, L_s, L_t, pick="forward")
    s1 = np.arctan2(H1[0] - Q[0], H1[1] - Q[1])
    ok = ok & np.isfinite(Kr0[0]) & (np.cos(s1) > 0)
    return s1, ok, Kr0[0] >= H1[0] - 1e-12


def _shank_rear_thigh_vertical(body: Body, C, ell, depth, lim):
    """Front shank lean that puts the rear thigh vertical (rear hip neutral) with the front
    thigh at ``depth``; 0 where even a vertical shin leaves the rear thigh behind vertical
    (long steps), ``lim`` where the step is too short for any lean up to the limit."""
    fg = body.foot_geometry
    L_s, L_t = body.shank.length_m, body.thigh.length_m
    Q = (fg.ankle_x - L_t * np.sin(depth), fg.ankle_y + L_t * np.cos(depth))
    Cv = (C[0], C[1] + L_t)  # the hip lies a thigh length straight above the rear knee
    H, ok = _two_link(Q, Cv, L_s, ell, pick="up")
    s = np.arctan2(H[0] - Q[0], H[1] - Q[1])
    d = np.hypot(Cv[0] - Q[0], Cv[1] - Q[1])
    s = np.where(ok, s, np.where(d > L_s + ell, 0.0, lim))
    return s


def default_front_shank(body: Body, C, ell, depth, hk, lim):
    """The default front shank lean at the bottom (radians), non-increasing with the step.

    Where the legs can do both, the shin leans so that the rear knee reaches ``hk`` just
    as the front thigh reaches ``depth`` with the rear thigh at or ahead of vertical (short
    and middle steps); on longer steps the shin comes back so the rear thigh stays vertical
    (rear hip neutral) until it is vertical itself, and stays vertical beyond (the long-step
    lunge: knee over the ankle). Clipped to 0 .. ``lim``. An assumption built on the
    coaching standard (both knees near 90 deg, rear knee just off the floor) and on the
    measured direction (short step: knee past the toes; long step: shin vertical).
    """
    s_b, ok_b, fwd = _shank_both(body, C, ell, depth, hk)
    s_v = _shank_rear_thigh_vertical(body, C, ell, depth, lim)
    s = np.where(ok_b & fwd, s_b, s_v)
    s = np.clip(s, np.minimum(long_step_front_shank(body), lim), lim)
    # the longest steps: the rear leg must still reach its contact, at most REAR_REACH_MARGIN_DEG
    # short of straight; the shin comes back (toward vertical, or past it) as far as that needs
    fg = body.foot_geometry
    L_s, L_t = body.shank.length_m, body.thigh.length_m
    reach = np.sqrt(L_t ** 2 + ell ** 2 + 2 * L_t * ell * np.cos(np.radians(REAR_REACH_MARGIN_DEG)))
    Q = (fg.ankle_x - L_t * np.sin(depth), fg.ankle_y + L_t * np.cos(depth))
    H, ok = _two_link(Q, C, L_s, reach, pick="up")
    s_reach = np.arctan2(H[0] - Q[0], H[1] - Q[1])
    return np.where(ok & (np.cos(s_reach) > 0), np.minimum(s, s_reach), s)


def _longest_step(body: Body, depth, ell, C):
    """Longest step (m) the default bottom reaches: the front shin leaning back by
    SHANK_BACK_LIMIT_DEG and the rear leg REAR_REACH_MARGIN_DEG short of straight."""
    L_t = body.thigh.length_m
    reach = np.sqrt(L_t ** 2 + ell ** 2 + 2 * L_t * ell * np.cos(np.radians(REAR_REACH_MARGIN_DEG)))
    H = _hip_of(body, -np.radians(SHANK_BACK_LIMIT_DEG), depth)
    with np.errstate(invalid="ignore"):
        return -(H[0] - np.sqrt(reach ** 2 - (H[1] - C[1]) ** 2))


def long_step_front_shank(body: Body) -> float:
    """The front shank lean of the long-step lunge (radians): the knee joint centre straight
    above the front foot's centre-of-pressure target (the midfoot).

    Studies of long-step lunges describe the shin as vertical, the knee over the foot
    (Escamilla et al. 2008, J Orthop Sports Phys Ther 38:681, long step), and measure a knee
    *extensor* moment in every forward lunge (Riemann et al. 2012, J Athl Train, PMC3396296;
    Comfort et al. 2015, J Athl Train 50:1011). With the model's vertical ground reactions a
    knee exactly over the ankle would read a knee flexor moment, so the long-step shin stops
    where the knee is over the midfoot (about 10 deg for de Leva proportions): the knee
    moment there is near zero, never a flexor demand from the shin alone. An assumption.
    """
    fg = body.foot_geometry
    return float(np.arcsin(np.clip((0.5 * fg.toe_x - fg.ankle_x) / body.shank.length_m, -1.0, 1.0)))


def _hip_of(body: Body, s, t):
    fg = body.foot_geometry
    return (fg.ankle_x + body.shank.length_m * np.sin(s) - body.thigh.length_m * np.sin(t),
            fg.ankle_y + body.shank.length_m * np.cos(s) + body.thigh.length_m * np.cos(t))


def _thigh_for_rear_knee(body: Body, s, C, ell, hk):
    """Front thigh angle that puts the rear knee at height ``hk`` with the front shank at
    ``s`` (the higher of the two hips a thigh length from both knees); with ok."""
    fg = body.foot_geometry
    L_s, L_t = body.shank.length_m, body.thigh.length_m
    Kf = (fg.ankle_x + L_s * np.sin(s), fg.ankle_y + L_s * np.cos(s))
    Kr = _rear_knee_at(C, ell, hk)
    H, ok = _two_link(Kf, Kr, L_t, L_t, pick="up")
    t = np.arctan2(Kf[0] - H[0], H[1] - Kf[1])
    return t, ok & np.isfinite(Kr[0]) & np.isfinite(t)


def _rear_knee_flexion(body: Body, s, t, C, ell, w_ang):
    """Rear knee flexion (rear thigh + rear shank angles, radians) with the front leg at (s, t);
    NaN where the rear leg cannot reach."""
    H = _hip_of(body, s, t)
    Kr, ok = _two_link(H, C, body.thigh.length_m, ell)
    t_r = np.arctan2(-(H[0] - Kr[0]), -(Kr[1] - H[1]))
    v_ang = np.arctan2(C[1] - Kr[1], C[0] - Kr[0])
    s_r = (w_ang - v_ang + np.pi) % (2 * np.pi) - np.pi
    return np.where(ok, t_r + s_r, np.nan)


def _rear_knee_y(body: Body, s, t, C, ell):
    K, ok = _two_link(_hip_of(body, s, t), C, body.thigh.length_m, ell)
    return K[1], ok


def split_kernel(body: Body, *, name: str, step_m: Any, depth_rad: Any, knee_travel_m: Any, rear_knee_m: Any,
                 rear_ankle_rad: Any, contact: str, contact_height_m: Any, floor_m: Any, load_kg: Any, hold: str,
                 front_share: Any, trunk_rad: Any = None, extra_loads: Sequence[Load] = (), fraction: Any = None,
                 dorsiflexion_limit_rad: Any = np.radians(DORSIFLEXION_LIMIT_DEG), depth_from_box: bool = False,
                 infeasible: tuple | None = None, depth_pinned: bool = True, rear_knee_pinned: bool | None = None,
                 shank_rad: Any = None, cop_check: bool = True, cop_fraction: Any = 0.5):
    """Unit-free split-stance solver (SI, arrays broadcast). See the module docs.

    ``infeasible`` = ``(mask, reason, numbers)`` marks requests a caller already found
    impossible (NaN out, ``feasible`` False). ``cop_fraction`` is the front foot's centre-of-
    pressure target as a fraction of its heel-to-toe-tip length (0.5: the midfoot).

    The bottom position has two free coordinates (the hip's); ``depth_pinned``,
    ``rear_knee_pinned`` and a given front shank (``knee_travel_m`` or ``shank_rad``) say
    which constraints hold exactly. Unpinned depth and rear knee height are *limits*: the
    descent stops at the first one reached. ``rear_knee_pinned=None`` keeps the old rule
    (pinned when no front shank is given). Extra keys of the info dict: ``"stopped_by"``
    (which constraint ended the descent) and ``"rear_knee_height_m"``.
    """
    fg = body.foot_geometry
    L_s, L_t = body.shank.length_m, body.thigh.length_m
    shank_given = knee_travel_m is not None or shank_rad is not None
    if rear_knee_pinned is None:
        rear_knee_pinned = not shank_given
    base = broadcast_shape(step_m, depth_rad, 0.0 if knee_travel_m is None else knee_travel_m, rear_knee_m,
                           rear_ankle_rad, contact_height_m, floor_m, load_kg, front_share,
                           0.0 if trunk_rad is None else trunk_rad, 0.0 if shank_rad is None else shank_rad,
                           cop_fraction)
    frac = place_fraction(fraction, base)
    shape = broadcast_shape(np.zeros(base), 0.0 if frac is None else frac)
    feas = Feasibility(shape)
    if infeasible is not None:
        feas.flag(infeasible[0], infeasible[1], **infeasible[2])

    def bc(x):
        return np.broadcast_to(np.asarray(x, dtype=float), shape)

    ankle = (fg.ankle_x, fg.ankle_y)
    C = (-bc(step_m), bc(contact_height_m))
    ell, w_ang = _rear_link(body, contact, bc(rear_ankle_rad))

    def hip_of(s, t):
        return _hip_of(body, s, t)

    depth = bc(depth_rad)
    hk = bc(floor_m) + bc(rear_knee_m)
    lim = bc(dorsiflexion_limit_rad)
    stopped = np.full(shape, "depth", dtype=object)
    step_q = quantity(bc(step_m), "m")
    if shank_given and depth_pinned and rear_knee_pinned:
        # three constraints on two coordinates: say what the other two give
        s_try = (np.arcsin(np.clip((bc(knee_travel_m) + fg.toe_x - body.knee_depth_m - fg.ankle_x) / L_s, -1, 1))
                 if knee_travel_m is not None else bc(shank_rad))
        y, _ = _rear_knee_y(body, s_try, depth, C, ell)
        y = np.asarray(y - bc(floor_m), dtype=float)
        what = "knee_travel" if knee_travel_m is not None else "front_shank"
        fin = y[np.isfinite(y)]
        span = (f"{100 * fin.min():.3g} cm" if fin.size and np.ptp(fin) < 5e-4 else
                f"{100 * fin.min():.3g} to {100 * fin.max():.3g} cm" if fin.size else "")
        fits = (f"the other two put the rear knee {span} above the floor, so rear_knee_height would fit only "
                f"there" if fin.size else
                "the two without rear_knee_height leave the legs unable to reach the feet")
        raise InputValueError(f"{name}: {what}, depth and rear_knee_height all fix the bottom position, which has "
                              f"only two free coordinates (the hip's); give at most two of them ({fits}).")
    if shank_given:
        if knee_travel_m is not None:
            with np.errstate(invalid="ignore"):
                sin_s = (bc(knee_travel_m) + fg.toe_x - body.knee_depth_m - fg.ankle_x) / L_s
            feas.flag(np.abs(sin_s) > 1, "knee_travel", knee_travel=quantity(bc(knee_travel_m), "m"))
            s_bottom = np.arcsin(np.clip(sin_s, -1, 1))
        else:
            s_bottom = bc(shank_rad) + 0.0
            feas.flag(np.abs(s_bottom) >= np.pi / 2, "joint_range", front_shank=quantity(np.degrees(s_bottom), "deg"))
    elif depth_pinned and rear_knee_pinned:
        # both pinned: the front shank follows (closed form: the rear knee lies on its height line at its
        # link's length from the rear contact; the hip on two circles). Of the two hips that fit, the one
        # further forward: the front shin leaning forward (the other leans it back); where even that one
        # leans back, or past the dorsiflexion limit, no such bottom exists.
        Kr0 = _rear_knee_at(C, ell, hk)
        kx = Kr0[0]
        Q = (ankle[0] - L_t * np.sin(depth), ankle[1] + L_t * np.cos(depth))
        H1, ok = _two_link(Q, Kr0, L_s, L_t, pick="forward")
        H2, _ = _two_link(Q, Kr0, L_s, L_t, pick="back")
        ok = ok & np.isfinite(kx)
        s1 = np.arctan2(H1[0] - Q[0], H1[1] - Q[1])
        s2 = np.arctan2(H2[0] - Q[0], H2[1] - Q[1])
        up1, up2 = np.cos(s1) > 0, np.cos(s2) > 0  # the front knee above the front ankle
        s_bottom = np.where(up1 & (~up2 | (s1 >= s2)), s1, s2)
        ok = ok & (up1 | up2)
        bad = ~ok | (np.where(ok, s_bottom, 0.0) < -1e-9) | (np.where(ok, s_bottom, 0.0) > lim)
        fit = _fitting_steps(body, shape, bad, depth, bc(rear_knee_m), bc(contact_height_m), bc(floor_m),
                             bc(rear_ankle_rad), lim, contact) if np.any(bad & feas.ok) else {}
        feas.flag(~ok, "over_constrained", step_length=step_q, depth=quantity(np.degrees(depth), "deg"),
                  rear_knee_height=quantity(bc(rear_knee_m), "m"), **fit)
        s_bottom = np.where(ok, s_bottom, 0.0)
        feas.flag(s_bottom < -1e-9, "over_constrained", step_length=step_q, depth=quantity(np.degrees(depth), "deg"),
                  rear_knee_height=quantity(bc(rear_knee_m), "m"), front_shank=quantity(np.degrees(s_bottom), "deg"),
                  **fit)
        feas.flag(s_bottom > lim, "dorsiflexion", step_length=step_q, depth=quantity(np.degrees(depth), "deg"),
                  rear_knee_height=quantity(bc(rear_knee_m), "m"),
                  dorsiflexion=quantity(np.degrees(s_bottom), "deg"), limit=quantity(np.degrees(lim), "deg"), **fit)
        stopped[...] = "depth and rear_knee_height"
    else:
        s_bottom = default_front_shank(body, C, ell, depth, hk, lim)
        back = s_bottom < -np.radians(SHANK_BACK_LIMIT_DEG)
        feas.flag(back, "reach", step_length=step_q, front_shank_needed=quantity(np.degrees(s_bottom), "deg"),
                  front_shank_back_limit=quantity(-SHANK_BACK_LIMIT_DEG, "deg"),
                  step_length_up_to=quantity(_longest_step(body, depth, ell, C), "m"))
    # the front thigh: pinned, or from the pinned rear knee, or the first limit the descent reaches
    if depth_pinned:
        t_bottom = depth
        if rear_knee_pinned:
            stopped[...] = "depth and rear_knee_height"
    else:
        t_rk, ok_rk = _thigh_for_rear_knee(body, s_bottom, C, ell, hk)
        if rear_knee_pinned:
            feas.flag(~ok_rk, "rear_knee", rear_knee_height=quantity(bc(rear_knee_m), "m"), step_length=step_q,
                      front_shank=quantity(np.degrees(s_bottom), "deg"))
            t_bottom = np.where(ok_rk, t_rk, np.pi / 2)
            stopped[...] = "rear_knee_height"
        else:
            y_at_depth, _ = _rear_knee_y(body, s_bottom, depth, C, ell)
            first = (y_at_depth < hk - 1e-9) & ok_rk & (t_rk < depth)
            t_bottom = np.where(first, t_rk, depth)
            stopped = np.where(first, "rear_knee_height", stopped)
            # a third limit, for a rear foot up on a bench: the rear knee bends no further than
            # REAR_KNEE_FLEXION_LIMIT_DEG (the lunge's rear knee stays well inside it)
            lim_flex = np.radians(REAR_KNEE_FLEXION_LIMIT_DEG)
            over = _rear_knee_flexion(body, s_bottom, t_bottom, C, ell, w_ang) > lim_flex
            if np.any(over):
                lo, hi = np.zeros(shape), np.broadcast_to(t_bottom, shape).copy()
                for _ in range(40):  # bisection, vectorized: the flexion grows as the hip descends
                    mid = 0.5 * (lo + hi)
                    bad = _rear_knee_flexion(body, s_bottom, mid, C, ell, w_ang) > lim_flex
                    hi = np.where(bad, mid, hi)
                    lo = np.where(bad, lo, mid)
                t_bottom = np.where(over, lo, t_bottom)
                stopped = np.where(over, "rear_knee_flexion", stopped)
    if frac is None:
        s, t = s_bottom + 0.0 * depth, t_bottom + 0.0 * depth
    else:
        # the top: both legs as straight as the stance allows (hip on both reach circles, front leg straight);
        # the front shank and thigh angles go linearly from there to the bottom's, so the shin leans
        # further as the lifter descends (never past its bottom lean) and the rear leg follows the hip
        top, ok_top = _two_link(C, ankle, ell + L_t, L_s + L_t, pick="up")
        s_top = np.arctan2(top[0] - ankle[0], top[1] - ankle[1])
        s = s_top + frac * (s_bottom - s_top)
        t = -s_top + frac * (t_bottom + s_top)
    H = hip_of(s, t)
    okf = True  # the front knee sits on the shin the angles give: always reachable
    Kr, okr = _two_link(H, C, L_t, ell)
    feas.flag(~(okr & okf), "reach", step_length=quantity(bc(step_m), "m"), reach=quantity(L_t + ell, "m"))
    t_r = np.arctan2(-(H[0] - Kr[0]), -(Kr[1] - H[1]))
    v_ang = np.arctan2(C[1] - Kr[1], C[0] - Kr[0])
    s_r = (w_ang - v_ang + np.pi) % (2 * np.pi) - np.pi
    f_r = s_r - bc(rear_ankle_rad)
    below = Kr[1] < bc(floor_m) - 1e-9
    if np.any(below & feas.ok):
        t_floor, ok_floor = _thigh_for_rear_knee(body, s_bottom, C, ell, bc(floor_m))
        feas.flag(below, "rear_knee", rear_knee_height=quantity(Kr[1] - bc(floor_m), "m"),
                  depth=quantity(np.degrees(t), "deg"), step_length=quantity(bc(step_m), "m"),
                  depth_that_fits_up_to=quantity(np.where(ok_floor, np.degrees(t_floor), np.nan), "deg"))
    feas.flag(s > bc(dorsiflexion_limit_rad), "dorsiflexion", dorsiflexion=quantity(np.degrees(s), "deg"),
              limit=quantity(np.degrees(bc(dorsiflexion_limit_rad)), "deg"))
    feas.flag((s + t > np.radians(165)) | (t_r + s_r > np.radians(165)), "joint_range",
              front_knee=quantity(np.degrees(s + t), "deg"), rear_knee=quantity(np.degrees(s_r + t_r), "deg"))

    loads: list[Load] = []
    tied = None
    arms = 0.0
    abody = body
    if hold == "back":
        loads.append(Barbell(quantity(load_kg, "kg"), "high_bar"))
        if body.arms is not None:
            b, o = BAR_POSITIONS["high_bar"]
            from .common import array_body
            abody = array_body(body, arms=(float(np.hypot(b, o)), 0.5))
            tied = {"arms": (float(np.arctan2(o, -b)), -1.0)}
    elif hold == "hands":
        if body.arms is not None:
            loads.append(HandLoad(quantity(load_kg, "kg"), label="dumbbells"))
        elif np.any(np.asarray(load_kg) > 0):
            raise InputValueError("hold='hands' needs a body with arms.")
    loads.extend(extra_loads)
    model = make_model(abody, loads, "split", "feet", front_share, contact)
    angles = {"foot": 0.0, "shank": s, "thigh": t, "trunk": 0.0, "arms": arms, "rear_thigh": t_r,
              "rear_shank": s_r, "rear_foot": f_r}
    angles = {k: np.where(feas.ok, v, 0.0) if np.ndim(v) else v for k, v in angles.items()}
    target = np.asarray(cop_fraction, dtype=float) * fg.toe_x
    if trunk_rad is None:
        k, ok = solve_free_angle(model, angles, "trunk", target, tied)
        feas.flag(~ok, "balance", front_share=front_share)
        feas.flag(k > np.pi / 2, "trunk_past_horizontal", trunk=quantity(np.degrees(k), "deg"))
        feas.flag(k < -np.pi / 2, "balance", trunk=quantity(np.degrees(k), "deg"))
    else:
        k = bc(trunk_rad)
    feas.flag(t + k > np.radians(165), "joint_range", front_hip=quantity(np.degrees(t + k), "deg"))
    angles["trunk"] = k
    if tied:
        g, sgn = tied["arms"]
        angles["arms"] = g + sgn * k
    if trunk_rad is not None and cop_check:
        cop = model.ground_reaction(model.sincos(angles))["cop"][0]
        feas.flag((cop < 0) | (cop > fg.toe_x), "balance", cop=quantity(cop, "m"))
    angles = {n: feas.nan(v) for n, v in angles.items()}
    pose = SplitPose.from_radians(LegPose.from_radians(angles["shank"], angles["thigh"], angles["foot"]),
                                  LegPose.from_radians(angles["rear_shank"], angles["rear_thigh"],
                                                       angles["rear_foot"]),
                                  angles["trunk"], angles["arms"], contact)
    return pose, model, angles, feas, {"target_x": target, "rear_contact_point": C, "stopped_by": stopped,
                                       "rear_knee_height_m": feas.nan(Kr[1] - bc(floor_m)),
                                       "front_shank_rad": np.broadcast_to(s_bottom, shape)}


def _fitting_steps(body: Body, shape, bad, depth, rear_knee, contact_height, floor, rear_ankle, lim, contact) -> dict:
    """For the first element of ``bad``: the shortest and longest step (0.2 to 1.6 leg lengths
    searched, 1 mm apart) at which a front shank between vertical and ``lim`` puts the rear
    knee at ``rear_knee`` when the front thigh is at ``depth`` (for the error message)."""
    idx = tuple(np.argwhere(np.broadcast_to(bad, shape))[0]) if shape else ()

    def at(x):
        return float(np.broadcast_to(x, shape)[idx]) if shape else float(x)

    leg = leg_length_m(body)
    steps = np.arange(0.2 * leg, 1.6 * leg, 0.001)
    C = (-steps, np.full_like(steps, at(contact_height)))
    ell, _ = _rear_link(body, contact, np.full_like(steps, at(rear_ankle)))
    s, ok, _ = _shank_both(body, C, ell, at(depth), at(floor) + at(rear_knee))
    ok = ok & (s >= -1e-9) & (s <= at(lim))
    if not np.any(ok):
        return {}
    return {"step_length_that_fits_from": quantity(float(steps[ok].min()), "m"),
            "step_length_that_fits_to": quantity(float(steps[ok].max()), "m")}


def _step_m(body: Body, step_length: Any, step_fraction: Any, name: str) -> tuple[Any, Any]:
    """The step in metres and as a fraction of leg length, from exactly one of the two inputs."""
    leg = leg_length_m(body)
    if step_length is not None and step_fraction is not None:
        raise InputValueError(f"{name}: step_length={step_length!r} and step_fraction={step_fraction!r} both give "
                              f"the step; give one (a length, or a fraction of the leg length, "
                              f"{leg:.3g} m for this body).")
    if step_fraction is None:
        if step_length is None:
            step_fraction = DEFAULT_STEP_FRACTION[name]
        else:
            m = as_length(step_length, "step_length", positive=True)
            return m, np.asarray(m) / leg if np.ndim(m) else m / leg
    try:
        f = as_fraction(step_fraction, "step_fraction", 0.0, 3.0)
    except RangeError:
        raise RangeError(f"step_fraction={step_fraction!r} is outside 0 to 3; a step as a fraction of the leg "
                         f"length (hip joint height standing, {leg:.3g} m for this body) is expected, people "
                         f"use about 0.5 to 1.2.") from None
    if np.any(np.asarray(f) <= 0):
        raise RangeError(f"step_fraction={step_fraction!r} must be above 0 (a fraction of the leg length).")
    return f * leg, f


def _shank_for_trunk(body: Body, kernel: dict, angles: dict, feas, info: dict, cap: float, lim: Any):
    """Where the balanced trunk lean passes ``cap`` (or no lean balances), the front shank lean
    that balances with the trunk at ``cap`` (bisection, vectorized; at most the dorsiflexion
    limit); None where nothing needs it."""
    k = np.asarray(angles["trunk"], dtype=float)
    reason = np.asarray(feas.reason, dtype=object)
    need = (np.nan_to_num(k, nan=-np.inf) > cap) | np.isin(reason, ("balance", "trunk_past_horizontal",
                                                                     "joint_range"))
    if not np.any(need):
        return None
    s0 = np.asarray(info["front_shank_rad"], dtype=float)
    lo, hi = s0.copy(), np.broadcast_to(np.asarray(lim, dtype=float), s0.shape).copy()
    probe = {**kernel, "trunk_rad": cap, "cop_check": False, "infeasible": None}
    for _ in range(24):  # the centre of pressure moves forward as the shin leans forward
        mid = 0.5 * (lo + hi)
        _, m, a, _, inf = split_kernel(body, **{**probe, "shank_rad": mid})
        cop = np.asarray(m.ground_reaction(m.sincos(a))["cop"][0], dtype=float)
        forward = np.isfinite(cop) & (cop < inf["target_x"])
        lo = np.where(forward, mid, lo)
        hi = np.where(forward, hi, mid)
    return np.where(need, hi, s0)


def _split(name: str, body: Body, *, step_length, depth, knee_travel, rear_knee_height, rear_ankle, contact,
           contact_height, floor, load, hold, front_share, trunk, extra_loads, direction, _fraction, call,
           dorsiflexion_limit=None, infeasible=None, step_fraction=None, front_shank=None, cop_fraction=0.5):
    check_body(body)
    extra_loads = check_loads(extra_loads)
    if not isinstance(hold, str) or hold not in _HOLDS:
        raise InputValueError(f"hold={hold!r}: expected 'hands' (dumbbells) or 'back' (a bar on the back).")
    share = FRONT_SHARE[name] if front_share is None else fraction_in(front_share, "front_share")
    if np.ndim(share):  # drawn shares (samples) reach the kernel's broadcast as arrays
        share = np.asarray(share, dtype=float)
    lim = np.radians(DORSIFLEXION_LIMIT_DEG) if dorsiflexion_limit is None else check_single(
        as_angle(dorsiflexion_limit, "dorsiflexion_limit"), "dorsiflexion_limit")
    if knee_travel is not None and front_shank is not None:
        raise InputValueError(f"{name}: knee_travel={knee_travel!r} and front_shank={front_shank!r} both fix the "
                              f"front shin; give one.")
    depth_pinned = depth is not None
    rear_pinned = rear_knee_height is not None
    depth_in = "parallel" if depth is None else depth
    depth_rad = (np.pi / 2 if isinstance(depth_in, str) and depth_in.strip().lower() == "parallel"
                 else as_angle(depth_in, "depth"))
    rk = REAR_KNEE_HEIGHT_M if rear_knee_height is None else as_length(rear_knee_height, "rear_knee_height")
    kt = None if knee_travel is None else as_length(knee_travel, "knee_travel")
    sh = None if front_shank is None else as_angle(front_shank, "front_shank")
    step_m, step_f = _step_m(body, step_length, step_fraction, name)
    kernel = dict(name=name, step_m=step_m, depth_rad=depth_rad, knee_travel_m=kt, rear_knee_m=rk,
                  rear_ankle_rad=as_angle(rear_ankle, "rear_ankle"), contact=contact,
                  contact_height_m=contact_height, floor_m=floor, load_kg=load_mass(load), hold=hold,
                  front_share=share, trunk_rad=None if trunk is None else as_angle(trunk, "trunk"),
                  extra_loads=tuple(extra_loads), fraction=_fraction, dorsiflexion_limit_rad=lim,
                  infeasible=infeasible, depth_pinned=depth_pinned, rear_knee_pinned=rear_pinned, shank_rad=sh,
                  cop_fraction=cop_fraction)
    cap = TRUNK_MAX_DEG.get(name)
    if cap is not None and trunk is None and kt is None and sh is None and not (depth_pinned and rear_pinned):
        # the bottom first (a rep path's poses follow from its bottom), then the shin that keeps the
        # balanced trunk within the cap
        bottom = {**kernel, "fraction": None}
        _, _, b_angles, b_feas, b_info = split_kernel(body, **bottom)
        shank = _shank_for_trunk(body, bottom, b_angles, b_feas, b_info, np.radians(cap), lim)
        if shank is not None:
            kernel["shank_rad"] = shank
    pose, model, angles, feas, info = split_kernel(body, **kernel)
    sc = model.sincos(angles)
    moments = MomentResult(model, pose, sc, model.moments(sc))
    single = feas.shape == ()
    feas.include(moments)
    feas.raise_if_single(single, name)
    pinned = tuple(n for n, v in (("step_length", True), ("depth", depth_pinned),
                                  ("rear_knee_height", rear_pinned), ("knee_travel", kt is not None),
                                  ("front_shank", sh is not None), ("trunk", trunk is not None)) if v)
    params = {"step_length": quantity(step_m, "m"),
              "step_fraction": step_f, "leg_length": quantity(leg_length_m(body), "m"),
              "depth": quantity(np.degrees(depth_rad), "deg"),
              "knee_travel": None if kt is None else quantity(kt, "m"),
              "front_shank": None if sh is None else quantity(np.degrees(sh), "deg"),
              "rear_knee_height": quantity(rk, "m"),
              "pinned": pinned,
              "rear_ankle": quantity(np.degrees(as_angle(rear_ankle, "rear_ankle")), "deg"),
              "rear_contact": contact, "load": quantity(load_mass(load), "kg"), "hold": hold,
              "front_share": share, "trunk": None if trunk is None else quantity(np.degrees(as_angle(trunk, "trunk")),
                                                                                 "deg"),
              "direction": direction, "support": "feet", "stance": "split",
              "dorsiflexion_limit": quantity(np.degrees(lim), "deg")}
    stopped = info["stopped_by"]
    extras = {"target": quantity(info["target_x"], "m"),
              "rear_contact_point": quantity(np.stack(np.broadcast_arrays(*info["rear_contact_point"]), -1), "m"),
              "rear_knee_height": quantity(info["rear_knee_height_m"], "m"),
              "stopped_by": str(stopped) if np.ndim(stopped) == 0 else stopped}
    return SplitExerciseResult(name, pose, moments, params, bool(feas.ok) if single else feas.ok,
                               str(feas.reason) if single else feas.reason, extras)


def _lunge(body: Body, *, step_length: Any = None, depth: Any = None, knee_travel: Any = None,
           load: Any = None, hold: str = "hands", rear_knee_height: Any = None, rear_ankle: Any = "15 deg",
           front_share: Any = None, trunk: Any = None, direction: str = "forward",
           extra_loads: Sequence[Load] = (), dorsiflexion_limit: Any = None, step_fraction: Any = None,
           front_shank: Any = None, fraction: Any = None, name: str = "lunge",
           infeasible: tuple | None = None) -> SplitExerciseResult:
    """The solver behind :class:`Lunge` and :class:`SplitSquat` (their parameters are
    documented there, declared once); ``fraction`` places a rep-path pose, ``infeasible`` marks
    requests a caller already found impossible."""
    if not isinstance(direction, str) or direction not in DIRECTIONS:
        raise InputValueError(f"direction={direction!r}: expected 'forward', 'reverse' or 'walking'.")
    return _split(name, body, step_length=step_length, depth=depth, knee_travel=knee_travel,
                  rear_knee_height=rear_knee_height, rear_ankle=rear_ankle, contact="ball", contact_height=0.0,
                  floor=0.0, load=load, hold=hold, front_share=front_share, trunk=trunk, extra_loads=extra_loads,
                  direction=direction, _fraction=fraction, call=None, dorsiflexion_limit=dorsiflexion_limit,
                  step_fraction=step_fraction, front_shank=front_shank, infeasible=infeasible)


def _bulgarian_split_squat(body: Body, *, step_length: Any = None, depth: Any = None, knee_travel: Any = None,
                           load: Any = None, bench_height: Any = "45 cm", hold: str = "hands",
                           rear_knee_height: Any = None, rear_ankle: Any = "-45 deg", front_share: Any = None,
                           trunk: Any = None, extra_loads: Sequence[Load] = (), dorsiflexion_limit: Any = None,
                           step_fraction: Any = None, front_shank: Any = None,
                           fraction: Any = None, infeasible: tuple | None = None,
                           cop_fraction: Any = 0.5) -> SplitExerciseResult:
    """A Bulgarian (rear-foot-elevated) split squat: the rear instep on a bench.

    ``step_length`` (or ``step_fraction`` of the leg length; default
    ``DEFAULT_STEP_FRACTION["bulgarian_split_squat"]``) is from the front heel back to the
    rear foot's contact on the bench edge; ``bench_height`` its height. The rear ankle is
    plantarflexed (default -45 deg). The bottom is found as in :func:`lunge` (front shin
    from the step, descent to the first of ``depth`` and ``rear_knee_height``; either
    pinned when given). The front share defaults to 0.84 (Helme et al., lead foot 84.4 %
    of vertical force).

    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> bss = bm.exercises.bulgarian_split_squat(body, load="2 * 20 kg")
    >>> bss.parameters["front_share"]
    0.84
    """
    check_body(body)
    h = as_length(bench_height, "bench_height", positive=True)
    res = _split("bulgarian_split_squat", body, step_length=step_length, depth=depth, knee_travel=knee_travel,
                 rear_knee_height=rear_knee_height, rear_ankle=rear_ankle, contact="instep", contact_height=h,
                 floor=0.0, load=load, hold=hold, front_share=front_share, trunk=trunk, extra_loads=extra_loads,
                 direction="forward", _fraction=fraction, call=None, dorsiflexion_limit=dorsiflexion_limit,
                 step_fraction=step_fraction, front_shank=front_shank, infeasible=infeasible, cop_fraction=cop_fraction)
    res.parameters["bench_height"] = quantity(h, "m")
    return res


def _step_up(body: Body, *, box_height: Any = "40 cm", knee_travel: Any = "5 cm", load: Any = None,
             step_length: Any = "35 cm", hold: str = "hands", rear_ankle: Any = "20 deg", front_share: Any = None,
            trunk: Any = None, extra_loads: Sequence[Load] = (), dorsiflexion_limit: Any = None,
            fraction: Any = None) -> SplitExerciseResult:
    """A step-up's bottom: the front foot flat on a box, the rear foot's ball on the floor.

    The front knee travel fixes the front shank; the hip then sits where the rear leg,
    nearly straight with its ball ``step_length`` behind the front heel and ``box_height``
    below it, reaches (the front thigh angle is solved). Box heights from 10 cm to the
    front leg's reach are accepted.

    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> su = bm.exercises.step_up(body, box_height="40 cm")
    >>> float(su.pose.front.thigh.magnitude) > 30
    True
    """
    check_body(body)
    extra_loads = check_loads(extra_loads)
    h = as_length(box_height, "box_height")
    # the rear leg nearly straight: solve the front thigh so the rear knee is 5 deg short of straight
    kt = as_length(knee_travel, "knee_travel")
    fg = body.foot_geometry
    L_s, L_t = body.shank.length_m, body.thigh.length_m
    sin_s = np.clip((kt + fg.toe_x - body.knee_depth_m - fg.ankle_x) / L_s, -1, 1)
    s = np.arcsin(sin_s)
    knee = (fg.ankle_x + L_s * sin_s, fg.ankle_y + L_s * np.cos(s))
    ra = as_angle(rear_ankle, "rear_ankle")
    ell, _ = _rear_link(body, "ball", ra)
    reach = np.sqrt(L_t ** 2 + ell ** 2 + 2 * L_t * ell * np.cos(np.radians(5.0)))
    C = (-as_length(step_length, "step_length", positive=True) + 0.0 * h, -h)
    # hip: on the circle of radius L_t about the front knee and of radius `reach` about the rear contact
    H, ok = _two_link(C, knee, reach, L_t, pick="up")
    t = np.arctan2(knee[0] - H[0], H[1] - knee[1])
    bad = ~ok | (np.asarray(h) < 0.10) | (t < 0)
    if np.ndim(bad) == 0 and bool(bad):
        from ..errors import InfeasiblePoseError
        raise InfeasiblePoseError(f"step_up: box_height={h:.3g} m is out of range (10 cm up to what the legs can "
                                  f"span: rear reach {reach:.3g} m, thigh {L_t:.3g} m).", "box_height",
                                  {"box_height": quantity(h, "m"), "rear_reach": quantity(reach, "m")})
    # requests the legs cannot span are flagged in the solver; a placeholder thigh angle keeps the
    # depth finite there (its numbers come out NaN)
    infeasible = (bad, "box_height", {"box_height": quantity(h, "m"), "rear_reach": quantity(reach, "m")}) \
        if np.any(bad) else None
    t = np.where(bad, np.pi / 2, t)
    call = None  # the spec attaches itself to the result
    res = _split("step_up", body, step_length=step_length, depth=quantity(np.degrees(t), "deg"),
                 knee_travel=knee_travel, rear_knee_height=None, rear_ankle=rear_ankle, contact="ball",
                 contact_height=-h, floor=-h, load=load, hold=hold, front_share=front_share, trunk=trunk,
                 extra_loads=extra_loads, direction="forward", _fraction=fraction, call=call,
                 dorsiflexion_limit=dorsiflexion_limit, infeasible=infeasible)
    res.parameters["box_height"] = quantity(h, "m")
    return res


# --------------------------------------------------------------------------- the declared exercises
from .spec import DEPTH_WORDS, ExerciseSpec, declare, param, sampling_params, spec_function  # noqa: E402

_SPLIT_REP = ("The front shank and thigh angles go linearly from the top (both legs as straight as the stance "
              "allows) to the bottom; the rear leg follows the hip.")


def _split_params(name: str, *, step_length: str | None = None, rear_ankle: str = "15 deg",
                  rear_ankle_help: str = "Rear ankle dorsiflexion, the rear foot on its ball (an assumption).",
                  knee_travel: Any = None) -> dict[str, Any]:
    """The split-stance fields in order: step, depth, knee travel, load, then the rest."""
    share = FRONT_SHARE[name]
    share_source = ("Helme et al. 2021, J Strength Cond Res, doi 10.1519/JSC.0000000000003727 (lead foot 84.4 % of "
                    "the vertical force, SD 3.6 %)" if name == "bulgarian_split_squat" else None)
    share_none = f"{share:g}" + ("" if share_source else " (an assumption: no measurement was found)")
    main = dict(
        step_length=param("length", step_length, "Horizontal distance from the front heel back to the rear foot's "
                                          "contact.", positive=True,
                          none=(f"{DEFAULT_STEP_FRACTION[name]:g} leg lengths (see step_fraction)"
                                if name in DEFAULT_STEP_FRACTION else None)),
        step_fraction=param("leg_lengths", None, "The step as a number of leg lengths (the standing hip joint "
                                                 "centre's height); people use about 0.5 to 1.2. Give it or "
                                                 "step_length, not both.",
                            none="from step_length"),
        depth=param("angle", None, "Front thigh angle from vertical seen from the side (90 deg: the thigh "
                                   "horizontal; more is deeper); giving it pins the depth exactly.",
                    words={w: f"{a:g} deg" for w, a in DEPTH_WORDS.items()},
                    none="the lifter descends until the front thigh is parallel or the rear knee reaches "
                         "rear_knee_height, whichever comes first"),
        knee_travel=param("length", knee_travel, "Front of the front knee ahead of its toe tip (positive: past "
                                                 "the toes); pins the front shin.",
                          none="the front shin follows the step (forward on short steps, near vertical from "
                               "about one leg length on; an assumption, see docs/exercises.md)"),
        load=param("load", None, "Dumbbells in the hands (arms hanging) or a bar on the back, a mass or its "
                                 "weight as a force.", none="no load"),
    )
    rest = dict(
        hold=param("choice", "hands", "How the load is held: dumbbells in the hands or a bar on the back (high "
                                      "bar).", choices=("hands", "back")),
        rear_knee_height=param("length", None, "Rear knee joint centre's height above the floor at the bottom; "
                                               "giving it pins it exactly.",
                               none=f"{100 * REAR_KNEE_HEIGHT_M:g} cm as a limit of the descent (see depth)"),
        front_shank=param("angle", None, "Front shin lean from vertical (knee forward positive); pins the shin "
                                         "like knee_travel (give one of the two).",
                          none="from knee_travel, or from the step"),
        rear_ankle=param("angle", rear_ankle, rear_ankle_help),
        front_share=param("fraction", None, "Fraction of the ground reaction on the front foot, which statics "
                                            "cannot split.", none=share_none, source=share_source),
        trunk_lean=param("angle", None, "Trunk lean from vertical (forward positive); giving it makes the centre "
                                        "of pressure an output.",
                         none="solved so that the front foot's centre of pressure is at the midfoot"),
        extra_loads=param("loads", (), "Bands or cables; their forces count in the balance."),
        dorsiflexion_limit=param("angle", None, "Largest front ankle dorsiflexion allowed.",
                                 none=f"{DORSIFLEXION_LIMIT_DEG:g} deg",
                                 source="Hemmerich et al. 2006, J Orthop Res 24:770"),
    )
    return main, rest


def _word_depth(depth: Any) -> Any:
    """A coach word for the depth as its angle ("parallel" passes through as before)."""
    if isinstance(depth, str) and depth.strip().lower() in DEPTH_WORDS and depth.strip().lower() != "parallel":
        from ..units import Q_

        return Q_(DEPTH_WORDS[depth.strip().lower()], "deg")
    return depth


def _sampled_split(spec: ExerciseSpec, body: Body, kw: dict, fraction: Any, solve: Any) -> SplitExerciseResult:
    """A split stance with ``spec.samples`` technique samples (``technique.draw("lunge")``) on a
    leading axis, centred on the default bottom.

    The default bottom is solved first (without samples): its front shin (from the step, or as
    pinned) and its balanced trunk. Each sample then leans the front shin by the drawn
    ``front_shank_offset`` (not when ``knee_travel`` or ``front_shank`` is given, or depth and rear
    knee height together fix the shin) and the trunk by the drawn ``trunk_offset`` (not when
    ``trunk_lean`` is given). Balance then decides the front foot's share of the ground reaction,
    never drawn: with the pose solved once, the share is the one that puts the front foot's centre
    of pressure at the drawn ``cop`` (fraction of the front foot's heel-to-toe-tip length),
    ``share = (x_com - x_rear) / (x_front - x_rear)`` for gravity and the loads' weights; the pose is
    then solved again with that share. The mean sample is the default bottom itself (share 0.70, the
    pressure at the midfoot). A share outside 0 to 1 cannot stand (``reason="balance"``), nor can a
    sample whose first pass could not stand, or whose default bottom could not
    (``reason="no_default_bottom"``). Extra loads (bands, cables) are refused with samples: their
    forces are not vertical and the share's closed form would not hold.
    """
    from ..units import Q_

    check_body(body)
    if kw.get("extra_loads"):
        raise InputValueError(f"{spec.name}: samples= cannot be combined with extra_loads (the front foot's share "
                              f"is solved for weights alone); leave one of them out.")
    if kw.get("front_share") is not None:
        raise InputValueError(f"{spec.name}: samples= solves front_share from balance for every sample; leave "
                              f"front_share={kw['front_share']!r} out (or call without samples).")
    pinned_shin = (kw.get("knee_travel") is not None or kw.get("front_shank") is not None
                   or (kw.get("depth") is not None and kw.get("rear_knee_height") is not None))
    draw_trunk = kw.get("trunk") is None
    samples, ndim = spec._draw("lunge", body, fraction, given={})
    lead = (samples.n,) + (1,) * ndim
    # the default bottom: its shin and balanced trunk are what the samples lean away from
    base = solve(dict(kw), None)
    ok_base = np.asarray(base.feasible, dtype=bool)
    shank0 = np.where(ok_base, np.nan_to_num(base.pose.front.shank.m_as("rad")), 0.0)
    trunk0 = np.where(ok_base, np.nan_to_num(base.pose.trunk.m_as("rad")), 0.0)
    kw = dict(kw)
    if not pinned_shin:
        kw["front_shank"] = Q_(shank0 + samples.si("front_shank_offset").reshape(lead), "rad")
    if draw_trunk:
        kw["trunk"] = Q_(trunk0 + samples.si("trunk_offset").reshape(lead), "rad")
    first = solve(kw, fraction)
    x_com = first.positions["com"].to("m").magnitude[..., 0]
    x_rear = first.extras["rear_contact_point"].to("m").magnitude[..., 0]
    x_front = samples.si("cop").reshape(lead) * body.foot_geometry.toe_x
    with np.errstate(divide="ignore", invalid="ignore"):
        share = (x_com - x_rear) / (x_front - x_rear)
    ok = np.isfinite(share) & (share > 0.0) & (share <= 1.0)
    no_base = np.broadcast_to(~ok_base, np.shape(ok))  # the default bottom's grid, behind the sample axis
    kw["front_share"] = np.where(ok, share, 0.5)
    # a sample whose first pass (the share at its default) could not stand has no pose to solve the share
    # from: it stays infeasible (conservative: another share might have balanced it)
    bad = ~ok | no_base
    kw["infeasible"] = (bad, "balance" if not np.any(no_base) else "no_default_bottom",
                        {"front_share": np.where(ok, share, np.nan)})
    res = solve(kw, fraction)
    res.parameters["front_share"] = "solved from balance for each sample (extras['front_share'])"
    res.extras["front_share"] = np.where(ok & ~no_base, share, np.nan)
    used = {"cop": "the front foot's centre of pressure; balance then decides the front foot's share",
            "front_shank_offset": "not used: the front shin is pinned by the call" if pinned_shin else
            "the front shin's lean away from the default bottom's",
            "trunk_offset": "the trunk's lean away from the default bottom's balanced trunk" if draw_trunk else
            "not used: trunk_lean given"}
    return spec._sampled(res, samples, used, fraction)


def _sampled_bulgarian(spec: ExerciseSpec, body: Body, kw: dict, fraction: Any, solve: Any) -> SplitExerciseResult:
    """A Bulgarian split squat with ``spec.samples`` technique samples
    (``technique.draw("bulgarian_split_squat")``) on a leading axis.

    The front foot's share of the weight is measured (Helme et al. 2021), so it is drawn (unless
    ``front_share`` is given), with the front foot's pressure point (``cop``, a fraction of its
    heel-to-toe-tip length); balance then decides the trunk lean for each sample, as in the call
    without samples (the front shin follows the step and leans further where the trunk would pass
    ``TRUNK_MAX_DEG``). A ``trunk_lean`` given fixes the trunk and the pressure point becomes an
    output, so only the share is drawn then.
    """

    check_body(body)
    given: dict[str, Any] = {}
    share_given = kw.get("front_share") is not None
    if share_given:
        v = fraction_in(kw["front_share"], "front_share")
        if np.ndim(v) == 0 and 0.6 <= float(v) <= 0.99:
            given["front_share"] = float(v)
    samples, ndim = spec._draw("bulgarian_split_squat", body, fraction, given=given)
    lead = (samples.n,) + (1,) * ndim
    kw = dict(kw)
    if not share_given:
        kw["front_share"] = samples.si("front_share").reshape(lead)
    trunk_given = kw.get("trunk") is not None
    if not trunk_given:
        kw["cop_fraction"] = samples.si("cop").reshape(lead)
    res = solve(kw)
    res.parameters["front_share"] = ("drawn for each sample (extras['front_share'])" if not share_given
                                     else res.parameters["front_share"])
    res.extras["front_share"] = np.broadcast_to(np.asarray(kw["front_share"], dtype=float), res.shape)
    used = {"cop": "not used: trunk_lean given" if trunk_given else
            "the front foot's centre of pressure; balance then decides the trunk lean",
            "front_share": "not used: front_share given" if share_given else "front_share"}
    return spec._sampled(res, samples, used, fraction)


class _SplitSpec(ExerciseSpec):
    renamed = {"trunk": "trunk_lean"}
    returns = "SplitExerciseResult"
    rep_fraction = _SPLIT_REP

    def _kwargs(self) -> dict[str, Any]:
        kw = self._plain_values()
        kw["trunk"] = kw.pop("trunk_lean")
        if "depth" in kw:
            kw["depth"] = _word_depth(kw["depth"])
        return kw

    def _solve_plain(self, body: Body, kw: dict, fraction: Any) -> SplitExerciseResult:
        return _lunge(body, **kw, fraction=fraction, name=self.name)  # kw may carry infeasible= (samples)

    def _solve(self, body: Body, fraction: Any) -> SplitExerciseResult:
        kw = self._kwargs()
        if getattr(self, "samples", None) is not None:
            res = _sampled_split(self, body, kw, fraction, lambda k, f: self._solve_plain(body, k, f))
        else:
            res = self._solve_plain(body, kw, fraction)
        return _renamed_parameters(res)


def _renamed_parameters(res: SplitExerciseResult) -> SplitExerciseResult:
    res.parameters["trunk_lean"] = res.parameters.pop("trunk")
    return res


class Lunge(_SplitSpec):
    """A lunge's bottom position (front foot flat, rear foot on its ball), balanced.

    The bottom has two free coordinates (where the hip is). By default the front shin
    follows the step (:func:`default_front_shank`: forward on short steps, vertical from
    about one leg length on) and the lifter descends until the front thigh reaches
    ``depth`` (parallel) or the rear knee reaches ``rear_knee_height`` (5 cm) above the
    floor, whichever comes first; ``extras["stopped_by"]`` says which. Giving ``depth``,
    ``rear_knee_height``, ``knee_travel`` or ``front_shank`` pins that constraint exactly;
    any two of them fix the bottom, and a third is refused (the error names the three and
    what the other two give). Pinned constraints that no bottom position meets come back
    infeasible with the range that would fit (an error for a single request).

    The result's ``.front`` and ``.rear`` hold each leg's moments; ``.knee``, ``.hip`` and
    ``.ankle`` are the front leg's; ``parameters["step_fraction"]``, ``["leg_length"]`` and
    ``["pinned"]`` say what was given. Forward, reverse and walking lunges share the static
    bottom position: ``direction`` is recorded only.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> lg = bm.exercises.lunge(body, step_length="70 cm", load="2 * 15 kg")
    >>> float(lg.front.knee.magnitude) > 0 and float(lg.front.hip.magnitude) > 0
    True
    >>> long_ = bm.exercises.lunge(body, step_fraction=1.0, load="2 * 15 kg")
    >>> round(float(long_.pose.front.shank.m_as("deg")), 1), long_.extras["stopped_by"]
    (10.5, 'depth')
    """

    name = "lunge"
    summary = "lunge: step length, depth, trunk lean, load"
    example = "biomech lunge --step-length 80cm --trunk-lean 10deg --load 30kg"


_main, _rest = _split_params("lunge")
declare(Lunge, _main, {**_rest, **sampling_params("lunge"), "direction": param("choice", "forward", "Which way the lunger steps; recorded only, "
                                                                        "the static bottom position is the same.",
                                                   choices=DIRECTIONS)})


class SplitSquat(_SplitSpec):
    """A split squat: the lunge's bottom position with both feet planted (same statics).

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> bool(bm.exercises.split_squat(body).feasible)
    True
    """

    name = "split_squat"
    summary = "split squat: step length, depth, load"
    example = "biomech split_squat --step-length 70cm --load 40kg"


_main, _rest = _split_params("split_squat")
declare(SplitSquat, _main, {**_rest, **sampling_params("lunge (the split squat's bottom is the lunge's)")})


class BulgarianSplitSquat(_SplitSpec):
    """A Bulgarian (rear-foot-elevated) split squat: the rear instep on a bench.

    ``step_length`` runs from the front heel back to the rear foot's contact on the bench
    edge; ``bench_height`` is its height. The rear ankle is plantarflexed.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> bss = bm.exercises.bulgarian_split_squat(body, load="2 * 20 kg")
    >>> bss.parameters["front_share"]
    0.84
    """

    name = "bulgarian_split_squat"
    summary = "Bulgarian split squat: rear foot on a bench, step length, depth, load"
    example = "biomech bulgarian_split_squat --step-length 55cm --load 30kg"

    def _solve_plain(self, body: Body, kw: dict, fraction: Any) -> SplitExerciseResult:
        return _bulgarian_split_squat(body, **kw, fraction=fraction)

    def _solve(self, body: Body, fraction: Any) -> SplitExerciseResult:
        if getattr(self, "samples", None) is None:
            return super()._solve(body, fraction)
        res = _sampled_bulgarian(self, body, self._kwargs(), fraction, lambda k: self._solve_plain(body, k, fraction))
        return _renamed_parameters(res)


_main, _rest = _split_params("bulgarian_split_squat", rear_ankle="-45 deg",
                             rear_ankle_help="Rear ankle angle, the instep on the bench (negative: plantarflexed; "
                                             "an assumption).")
declare(BulgarianSplitSquat, {**_main, "bench_height": param("length", "45 cm", "Height of the bench under the rear "
                                                                                "instep.", positive=True)},
        {**_rest, **sampling_params("bulgarian_split_squat (the front foot's share, Helme et al. 2021, and its "
                                    "pressure point; balance decides the trunk)")})


class StepUp(_SplitSpec):
    """A step-up's bottom: the front foot flat on a box, the rear foot's ball on the floor.

    The front knee travel fixes the front shank; the hip then sits where the rear leg,
    nearly straight with its ball ``step_length`` behind the front heel and ``box_height``
    below it, reaches (the front thigh angle is solved). Box heights from 10 cm to the
    front leg's reach are accepted.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> su = bm.exercises.step_up(body, box_height="40 cm")
    >>> float(su.pose.front.thigh.magnitude) > 30
    True
    """

    name = "step_up"
    summary = "step-up: box height, knee travel, load"
    example = "biomech step_up --load 20kg"

    def _solve(self, body: Body, fraction: Any) -> SplitExerciseResult:
        return _renamed_parameters(_step_up(body, **self._kwargs(), fraction=fraction))


_main, _rest = _split_params("step_up", step_length="35 cm", rear_ankle="20 deg")
_rest.pop("rear_knee_height")
_rest.pop("front_shank")
declare(StepUp, {"box_height": param("length", "40 cm", "Height of the box under the front foot."),
                 "knee_travel": param("length", "5 cm", "Front of the front knee ahead of its toe tip (positive: "
                                                        "past the toes)."),
                 "load": _main["load"], "step_length": _main["step_length"]},
        _rest)
del _main, _rest

lunge = spec_function(Lunge)
split_squat = spec_function(SplitSquat)
bulgarian_split_squat = spec_function(BulgarianSplitSquat)
step_up = spec_function(StepUp)
