"""Split stances: lunge (forward or reverse), split squat, Bulgarian split squat, step-up.

Geometry. The front foot stands flat with its heel at the origin; the rear foot meets
its support at a point ``step_length`` behind the front heel (its ball on the floor,
its instep on a bench, or, in a step-up, its ball on the floor below the box). The
front leg is fixed by its knee travel (shank lean) and depth (thigh angle); the rear
leg reaches from the hip to its contact with its ankle held at ``rear_ankle`` (a rigid
knee-to-contact link), solved as a two-link chain in closed form, knee forward. With
no knee travel given, the front shank lean follows from putting the rear knee
``rear_knee_height`` above the floor (closed form: the rear knee lies on that line at its
link's length from the rear contact; the hip on two circles).

Statics cannot decide how the ground reaction splits between the feet: ``front_share``
is a parameter (defaults below, with their sources) and the rear foot's reaction acts
at its contact point, vertical unless other forces are horizontal (the core's rule).
The trunk lean is then solved so that the front foot's centre of pressure sits at its
target point (midfoot by default); give ``trunk=`` to fix the lean instead, and the
centre of pressure becomes the output.

Forward and reverse lunges differ in how the body gets to the bottom (dynamics), not in
the static bottom position: ``direction`` is recorded but does not change the numbers.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from ..model.body import Body
from ..errors import InputValueError
from ..model.loads import BAR_POSITIONS, Barbell, HandLoad, Load
from ..model.pose import LegPose, SplitPose
from ..mechanics.statics import MomentResult
from ..units import quantity
from .common import (DORSIFLEXION_LIMIT_DEG, Feasibility, SplitExerciseResult, as_angle, as_length,
                     broadcast_shape, check_body, check_loads, fraction_in, load_mass, make_model, place_fraction, solve_free_angle)
from .common import check_single, cop_value

__all__ = ["lunge", "split_squat", "bulgarian_split_squat", "step_up", "split_kernel", "FRONT_SHARE"]

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


def split_kernel(body: Body, *, name: str, step_m: Any, depth_rad: Any, knee_travel_m: Any, rear_knee_m: Any,
                 rear_ankle_rad: Any, contact: str, contact_height_m: Any, floor_m: Any, load_kg: Any, hold: str,
                 front_share: Any, trunk_rad: Any = None, extra_loads: Sequence[Load] = (), fraction: Any = None,
                 dorsiflexion_limit_rad: Any = np.radians(DORSIFLEXION_LIMIT_DEG), depth_from_box: bool = False,
                 infeasible: tuple | None = None):
    """Unit-free split-stance solver (SI, arrays broadcast). See the module docs.

    ``infeasible`` = ``(mask, reason, numbers)`` marks requests a caller already found
    impossible (NaN out, ``feasible`` False).
    """
    fg = body.foot_geometry
    L_s, L_t = body.shank.length_m, body.thigh.length_m
    base = broadcast_shape(step_m, depth_rad, 0.0 if knee_travel_m is None else knee_travel_m, rear_knee_m,
                           rear_ankle_rad, contact_height_m, floor_m, load_kg, front_share,
                           0.0 if trunk_rad is None else trunk_rad)
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
        return (ankle[0] + L_s * np.sin(s) - L_t * np.sin(t), ankle[1] + L_s * np.cos(s) + L_t * np.cos(t))

    def rear_knee_y(s, t):
        K, _ = _two_link(hip_of(s, t), C, L_t, ell)
        return K[1]

    depth = bc(depth_rad)
    if knee_travel_m is None:
        # the rear knee at its height, ell from the rear contact, ahead of it: closed form
        hk = bc(floor_m) + bc(rear_knee_m)
        with np.errstate(invalid="ignore"):
            kx = C[0] + np.sqrt(ell ** 2 - (hk - C[1]) ** 2)
        Kr0 = (kx, hk)
        # hip on the circle of radius L_s about Q = ankle + thigh vector, and L_t from the rear knee
        Q = (ankle[0] - L_t * np.sin(depth), ankle[1] + L_t * np.cos(depth))
        # of the two hips that fit, the one further forward: the front shin leaning forward (the
        # physical branch; the other leans the shin back). Where even that one leans back, or leans
        # past the dorsiflexion limit, no such lunge exists at this depth and rear knee height.
        H1, ok = _two_link(Q, Kr0, L_s, L_t, pick="forward")
        H2, _ = _two_link(Q, Kr0, L_s, L_t, pick="back")
        ok = ok & np.isfinite(kx)
        s1 = np.arctan2(H1[0] - Q[0], H1[1] - Q[1])
        s2 = np.arctan2(H2[0] - Q[0], H2[1] - Q[1])
        up1, up2 = np.cos(s1) > 0, np.cos(s2) > 0  # the front knee above the front ankle
        s_bottom = np.where(up1 & (~up2 | (s1 >= s2)), s1, s2)
        ok = ok & (up1 | up2)
        feas.flag(~ok, "reach", step_length=quantity(bc(step_m), "m"), rear_knee_height=quantity(bc(rear_knee_m), "m"))
        s_bottom = np.where(ok, s_bottom, 0.0)
        feas.flag(s_bottom < -1e-9, "reach", step_length=quantity(bc(step_m), "m"),
                  rear_knee_height=quantity(bc(rear_knee_m), "m"), front_shank=quantity(np.degrees(s_bottom), "deg"))
        feas.flag(s_bottom > bc(dorsiflexion_limit_rad), "dorsiflexion", step_length=quantity(bc(step_m), "m"),
                  rear_knee_height=quantity(bc(rear_knee_m), "m"),
                  dorsiflexion=quantity(np.degrees(s_bottom), "deg"),
                  limit=quantity(np.degrees(bc(dorsiflexion_limit_rad)), "deg"))
    else:
        with np.errstate(invalid="ignore"):
            sin_s = (bc(knee_travel_m) + fg.toe_x - body.knee_depth_m - fg.ankle_x) / L_s
        feas.flag(np.abs(sin_s) > 1, "knee_travel", knee_travel=quantity(bc(knee_travel_m), "m"))
        s_bottom = np.arcsin(np.clip(sin_s, -1, 1))
    t_bottom = depth
    Hb = hip_of(s_bottom, t_bottom)
    if frac is None:
        H = Hb
    else:
        # the top: both legs as straight as the stance allows (hip on both reach circles, front leg straight)
        top, ok_top = _two_link(C, ankle, ell + L_t, L_s + L_t, pick="up")
        H = (top[0] + frac * (Hb[0] - top[0]), top[1] + frac * (Hb[1] - top[1]))
    # front leg from the front ankle to the hip (knee forward)
    Kf, okf = _two_link(ankle, H, L_s, L_t) if frac is not None else ((ankle[0] + L_s * np.sin(s_bottom),
                                                                        ankle[1] + L_s * np.cos(s_bottom)), True)
    s = np.arctan2(Kf[0] - ankle[0], Kf[1] - ankle[1])
    t = np.arctan2(Kf[0] - H[0], H[1] - Kf[1])
    Kr, okr = _two_link(H, C, L_t, ell)
    feas.flag(~(okr & okf), "reach", step_length=quantity(bc(step_m), "m"), reach=quantity(L_t + ell, "m"))
    t_r = np.arctan2(-(H[0] - Kr[0]), -(Kr[1] - H[1]))
    v_ang = np.arctan2(C[1] - Kr[1], C[0] - Kr[0])
    s_r = (w_ang - v_ang + np.pi) % (2 * np.pi) - np.pi
    f_r = s_r - bc(rear_ankle_rad)
    feas.flag(Kr[1] < bc(floor_m) - 1e-9, "depth", rear_knee_height=quantity(Kr[1] - bc(floor_m), "m"))
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
    target = 0.5 * fg.toe_x
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
    if trunk_rad is not None:
        cop = model.ground_reaction(model.sincos(angles))["cop"][0]
        feas.flag((cop < 0) | (cop > fg.toe_x), "balance", cop=quantity(cop, "m"))
    angles = {n: feas.nan(v) for n, v in angles.items()}
    pose = SplitPose.from_radians(LegPose.from_radians(angles["shank"], angles["thigh"], angles["foot"]),
                                  LegPose.from_radians(angles["rear_shank"], angles["rear_thigh"],
                                                       angles["rear_foot"]),
                                  angles["trunk"], angles["arms"], contact)
    return pose, model, angles, feas, {"target_x": target, "rear_contact_point": C}


def _split(name: str, body: Body, *, step_length, depth, knee_travel, rear_knee_height, rear_ankle, contact,
           contact_height, floor, load, hold, front_share, trunk, extra_loads, direction, _fraction, call,
           dorsiflexion_limit=None, infeasible=None):
    check_body(body)
    extra_loads = check_loads(extra_loads)
    if not isinstance(hold, str) or hold not in _HOLDS:
        raise InputValueError(f"hold={hold!r}: expected 'hands' (dumbbells) or 'back' (a bar on the back).")
    share = FRONT_SHARE[name] if front_share is None else fraction_in(front_share, "front_share")
    lim = np.radians(DORSIFLEXION_LIMIT_DEG) if dorsiflexion_limit is None else check_single(
        as_angle(dorsiflexion_limit, "dorsiflexion_limit"), "dorsiflexion_limit")
    depth_rad = np.pi / 2 if isinstance(depth, str) and depth.strip().lower() == "parallel" else as_angle(depth, "depth")
    kt = None if knee_travel is None else as_length(knee_travel, "knee_travel")
    pose, model, angles, feas, info = split_kernel(
        body, name=name, step_m=as_length(step_length, "step_length", positive=True), depth_rad=depth_rad,
        knee_travel_m=kt, rear_knee_m=as_length(rear_knee_height, "rear_knee_height"),
        rear_ankle_rad=as_angle(rear_ankle, "rear_ankle"), contact=contact,
        contact_height_m=contact_height, floor_m=floor, load_kg=load_mass(load), hold=hold, front_share=share,
        trunk_rad=None if trunk is None else as_angle(trunk, "trunk"), extra_loads=tuple(extra_loads),
        fraction=_fraction, dorsiflexion_limit_rad=lim, infeasible=infeasible)
    sc = model.sincos(angles)
    moments = MomentResult(model, pose, sc, model.moments(sc))
    single = feas.shape == ()
    feas.include(moments)
    feas.raise_if_single(single, name)
    params = {"step_length": quantity(as_length(step_length, "step_length"), "m"),
              "depth": quantity(np.degrees(depth_rad), "deg"),
              "knee_travel": None if kt is None else quantity(kt, "m"),
              "rear_knee_height": quantity(as_length(rear_knee_height, "rear_knee_height"), "m"),
              "rear_ankle": quantity(np.degrees(as_angle(rear_ankle, "rear_ankle")), "deg"),
              "rear_contact": contact, "load": quantity(load_mass(load), "kg"), "hold": hold,
              "front_share": share, "trunk": None if trunk is None else quantity(np.degrees(as_angle(trunk, "trunk")),
                                                                                 "deg"),
              "direction": direction, "support": "feet", "stance": "split",
              "dorsiflexion_limit": quantity(np.degrees(lim), "deg")}
    extras = {"target": quantity(info["target_x"], "m"),
              "rear_contact_point": quantity(np.stack(np.broadcast_arrays(*info["rear_contact_point"]), -1), "m")}
    return SplitExerciseResult(name, pose, moments, params, bool(feas.ok) if single else feas.ok,
                               str(feas.reason) if single else feas.reason, extras, call)


def lunge(body: Body, step_length: Any = "75 cm", depth: Any = "parallel", knee_travel: Any = None, load: Any = None,
          *, hold: str = "hands", rear_knee_height: Any = "5 cm", rear_ankle: Any = "15 deg",
          front_share: Any = None, trunk: Any = None, direction: str = "forward",
          extra_loads: Sequence[Load] = (), dorsiflexion_limit: Any = None, _fraction: Any = None,
          _name: str = "lunge") -> SplitExerciseResult:
    """A lunge's bottom position (front foot flat, rear foot on its ball), balanced.

    Parameters
    ----------
    body : Body
    step_length : Quantity or str
        Horizontal distance from the front heel back to the rear foot's ball. Default 75 cm.
    depth : Quantity or str
        Front thigh angle (``"parallel"`` = 90 deg).
    knee_travel : Quantity or str, optional
        Front of the front knee ahead of its toe tip. Default: solved so the rear knee
        sits ``rear_knee_height`` above the floor.
    load : Quantity or str, optional
        Dumbbells (``hold="hands"``, arms hanging) or a bar (``hold="back"``, high bar).
    rear_knee_height : Quantity or str
        Rear knee joint centre above the floor at the bottom (used when ``knee_travel`` is None).
    rear_ankle : Quantity or str
        Rear ankle dorsiflexion (foot on its toes), default 15 deg (assumption).
    front_share : float, optional
        Fraction of the ground reaction on the front foot; default
        :data:`FRONT_SHARE` (0.70 for lunges, an assumption: see there).
    trunk : Quantity or str, optional
        Trunk lean; default solved so the front centre of pressure is at the midfoot.
    direction : {"forward", "reverse"}
        Recorded only: the static bottom position is the same.
    extra_loads : sequence of Load
        Bands or cables.

    Returns
    -------
    SplitExerciseResult
        ``.front`` and ``.rear`` legs' moments; ``.knee``/``.hip``/``.ankle`` are the front leg's.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> lg = bm.exercises.lunge(body, step_length="70 cm", load="2 * 15 kg")
    >>> float(lg.front.knee.magnitude) > 0 and float(lg.front.hip.magnitude) > 0
    True
    """
    if not isinstance(direction, str) or direction not in ("forward", "reverse"):
        raise InputValueError(f"direction={direction!r}: expected 'forward' or 'reverse'.")
    call = (lunge, (body,), dict(step_length=step_length, depth=depth, knee_travel=knee_travel, load=load, hold=hold,
                                 rear_knee_height=rear_knee_height, rear_ankle=rear_ankle, front_share=front_share,
                                 trunk=trunk, direction=direction, extra_loads=extra_loads,
                                 dorsiflexion_limit=dorsiflexion_limit, _name=_name))
    return _split(_name, body, step_length=step_length, depth=depth, knee_travel=knee_travel,
                  rear_knee_height=rear_knee_height, rear_ankle=rear_ankle, contact="ball", contact_height=0.0,
                  floor=0.0, load=load, hold=hold, front_share=front_share, trunk=trunk, extra_loads=extra_loads,
                  direction=direction, _fraction=_fraction, call=call, dorsiflexion_limit=dorsiflexion_limit)


def split_squat(body: Body, step_length: Any = "75 cm", depth: Any = "parallel", knee_travel: Any = None,
                load: Any = None, **kw: Any) -> SplitExerciseResult:
    """A split squat: the lunge's bottom position with both feet planted (same statics).

    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> bool(bm.exercises.split_squat(body).feasible)
    True
    """
    return lunge(body, step_length, depth, knee_travel, load, _name="split_squat", **kw)


def bulgarian_split_squat(body: Body, step_length: Any = "55 cm", depth: Any = "parallel", knee_travel: Any = None,
                          load: Any = None, *, bench_height: Any = "45 cm", hold: str = "hands",
                          rear_knee_height: Any = "5 cm", rear_ankle: Any = "-45 deg", front_share: Any = None,
                          trunk: Any = None, extra_loads: Sequence[Load] = (), dorsiflexion_limit: Any = None,
                          _fraction: Any = None) -> SplitExerciseResult:
    """A Bulgarian (rear-foot-elevated) split squat: the rear instep on a bench.

    ``step_length`` is from the front heel back to the rear foot's contact on the bench
    edge; ``bench_height`` its height. The rear ankle is plantarflexed (default -45 deg).
    The front share defaults to 0.84 (Helme et al., lead foot 84.4 % of vertical force).

    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> bss = bm.exercises.bulgarian_split_squat(body, load="2 * 20 kg")
    >>> bss.parameters["front_share"]
    0.84
    """
    check_body(body)
    h = as_length(bench_height, "bench_height", positive=True)
    call = (bulgarian_split_squat, (body,), dict(step_length=step_length, depth=depth, knee_travel=knee_travel,
                                                 load=load, bench_height=bench_height, hold=hold,
                                                 rear_knee_height=rear_knee_height, rear_ankle=rear_ankle,
                                                 front_share=front_share, trunk=trunk, extra_loads=extra_loads,
                                                 dorsiflexion_limit=dorsiflexion_limit))
    res = _split("bulgarian_split_squat", body, step_length=step_length, depth=depth, knee_travel=knee_travel,
                 rear_knee_height=rear_knee_height, rear_ankle=rear_ankle, contact="instep", contact_height=h,
                 floor=0.0, load=load, hold=hold, front_share=front_share, trunk=trunk, extra_loads=extra_loads,
                 direction="forward", _fraction=_fraction, call=call, dorsiflexion_limit=dorsiflexion_limit)
    res.parameters["bench_height"] = quantity(h, "m")
    return res


def step_up(body: Body, box_height: Any = "40 cm", knee_travel: Any = "5 cm", load: Any = None, *,
            step_length: Any = "35 cm", hold: str = "hands", rear_ankle: Any = "20 deg", front_share: Any = None,
            trunk: Any = None, extra_loads: Sequence[Load] = (), dorsiflexion_limit: Any = None,
            _fraction: Any = None) -> SplitExerciseResult:
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
    call = (step_up, (body,), dict(box_height=box_height, knee_travel=knee_travel, load=load, step_length=step_length,
                                   hold=hold, rear_ankle=rear_ankle, front_share=front_share, trunk=trunk,
                                   extra_loads=extra_loads, dorsiflexion_limit=dorsiflexion_limit))
    res = _split("step_up", body, step_length=step_length, depth=quantity(np.degrees(t), "deg"),
                 knee_travel=knee_travel, rear_knee_height="0 m", rear_ankle=rear_ankle, contact="ball",
                 contact_height=-h, floor=-h, load=load, hold=hold, front_share=front_share, trunk=trunk,
                 extra_loads=extra_loads, direction="forward", _fraction=_fraction, call=call,
                 dorsiflexion_limit=dorsiflexion_limit, infeasible=infeasible)
    res.parameters["box_height"] = quantity(h, "m")
    return res
