"""Machines: leg press, seated leg extension, lying leg curl.

Each machine states its support, its line of force and the assumption behind it, and
reports the sensitivity of the result to that assumption (``extras["sensitivity"]``).

Leg press (``support="backrest"``: the seat and back pad hold the pelvis and trunk, so
each leg joint's moment comes from the distal side, and the lumbar moment, held by the pad,
is not decided by statics: NaN). The platform force acts through the centre of pressure on the
foot. Its component along the rails is the sled's weight component along the rails,
``m g sin(sled angle)`` (frictionless rails), or a force you give: it balances the sled. Its
shear along the platform is not decided by statics (the seat and back pad take what it leaves):
by default it is the shear that minimises the effort cost ``w_a M_ankle**2 + M_knee**2 +
w_h M_hip**2`` (``w_a = w_h = 1``: the sum of squared joint moments, an assumption) within the
friction cone at the sole (friction 0.5, an assumption), in closed form
(:func:`min_effort_shear`); ``force_direction="rails"`` keeps the force along the rails, an angle
turns it. The sensitivity reported is the change of each moment per degree the force's
direction turns toward the toes, and per centimetre the centre of pressure moves toward the toes.

Leg extension and lying leg curl: the pad force acts at right angles to the shin at the
pad, with the machine's axis on the knee's. The machine's resistance is a torque about
its axis, constant (a round pulley or a constant-torque cam), following a cam profile
you give, or that of a plate-loaded lever (weight times the lever's horizontal
reach). The pad force is that torque over the pad's distance from the knee.
The lumbar moment on a bench or seat is not decided by statics: the seat or bench carries the
trunk (``support="backrest"``), so it is reported as NaN. The hip moment is taken from the
distal side as if the seat or bench carried none of the thigh (statics cannot split that
load); use ``support="bench"`` in ``joint_moments`` to leave it undecided as well.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..model.body import Body
from ..errors import InputValueError, RangeError, UnitError
from ..model.loads import G, PointForce
from ..model.pose import Pose
from ..mechanics.statics import MomentResult
from ..units import as_fraction, quantity, to_si
from ..model.pose import JOINT_RANGES_DEG
from .common import (ExerciseResult, Feasibility, as_angle, as_length, broadcast_shape, check_body,
                     load_mass, make_model, place_fraction, wrap_joint_angles)
from .common import check_single, cop_value

__all__ = ["leg_press", "leg_extension", "leg_curl", "FOOT_POSITIONS", "FORCE_DIRECTIONS", "min_effort_shear", "LegPress", "LegExtension", "LegCurl"]

#: Foot positions on a leg-press platform: where the midfoot sits along the platform,
#: above (+) or below (-) the line through the hip joint parallel to the rails, m.
#: Assumption: 15 cm either side of the middle, about 60 % of a foot length.
FOOT_POSITIONS = {"high": 0.15, "middle": 0.0, "low": -0.15}


def _two_link_up(H, A, L1, L2, side):
    """Knee between hip H and ankle A, on the side of unit vector ``side``."""
    dx, dy = A[0] - H[0], A[1] - H[1]
    d = np.hypot(dx, dy)
    with np.errstate(invalid="ignore", divide="ignore"):
        a = (L1 ** 2 - L2 ** 2 + d ** 2) / (2 * d)
        h2 = L1 ** 2 - a ** 2
        h = np.sqrt(np.maximum(h2, 0.0))
    ux, uy = dx / d, dy / d
    px, py = -uy, ux
    sgn = np.sign(px * side[0] + py * side[1])
    return (H[0] + a * ux + sgn * h * px, H[1] + a * uy + sgn * h * py), h2 > -1e-12


#: Named platform-force directions (``force_direction=``); an angle is accepted too.
FORCE_DIRECTIONS = ("min_effort", "rails")


def _direction(force_direction: Any) -> tuple[str, Any]:
    """``("min_effort" | "rails" | "angle", tan of the angle or None)`` from the parameter."""
    if isinstance(force_direction, str) and force_direction.strip().lower().replace("-", "_") in FORCE_DIRECTIONS:
        return force_direction.strip().lower().replace("-", "_"), None
    try:
        a = as_angle(force_direction, "force_direction")
    except UnitError:
        if not isinstance(force_direction, str):
            raise
        raise InputValueError(f"force_direction={force_direction!r}: expected 'min_effort', 'rails' or an angle "
                              f"from the rails' line (positive: toward the toes).") from None
    a = np.asarray(a, dtype=float)[()]
    if np.any(np.abs(a) >= np.pi / 2):
        raise RangeError(f"force_direction={force_direction!r} turns the platform force {np.degrees(np.max(np.abs(a))):.4g}"
                         f" deg off the rails' line; less than 90 deg is expected (the platform pushes, never pulls).")
    return "angle", np.tan(a)


def min_effort_shear(m0: dict, d: dict, weights: dict, friction: Any) -> tuple[Any, Any]:
    """The platform shear, as a fraction ``t`` of the force along the rails, that minimises the
    effort cost within the friction cone (closed form, vectorised).

    With the force on the foot ``P (-r + t p)`` (``r`` along the rails toward the platform,
    ``p`` along the platform toward the toes) every joint moment is affine in ``t``:
    ``M_j(t) = M0_j + t D_j`` (``M0_j`` with the force along the rails, gravity included;
    ``D_j`` the change per unit ``t``). The cost ``C(t) = sum_j w_j M_j(t)^2`` over the ankle,
    knee and hip is a parabola in ``t``; its minimum ``t* = -sum_j w_j M0_j D_j / sum_j w_j D_j^2``
    is clipped to the friction cone ``|t| <= mu`` (the cost is convex, so the clipped value is the
    constrained minimum).

    Parameters
    ----------
    m0, d : dict of arrays
        ``M0_j`` and ``D_j`` per joint (``"ankle"``, ``"knee"``, ``"hip"``), N*m.
    weights : dict of arrays
        ``w_j`` per joint (dimensionless, > 0).
    friction : array_like
        Friction coefficient ``mu`` (>= 0).

    Returns
    -------
    t, limited : arrays
        The shear fraction (positive: the platform pushes the sole toward the toes) and whether
        the friction bound decided it.

    Examples
    --------
    >>> import numpy as np
    >>> t, lim = min_effort_shear({"ankle": 0.0, "knee": 10.0, "hip": -10.0}, {"ankle": 0.0, "knee": -20.0,
    ...                           "hip": -20.0}, {"ankle": 1.0, "knee": 1.0, "hip": 1.0}, 0.5)
    >>> abs(float(t)), bool(lim)          # knee and hip cancel: no shear
    (0.0, False)
    >>> t, lim = min_effort_shear({"ankle": 0.0, "knee": 10.0, "hip": 0.0}, {"ankle": 0.0, "knee": -5.0,
    ...                           "hip": 0.0}, {"ankle": 1.0, "knee": 1.0, "hip": 1.0}, 0.5)
    >>> float(t), bool(lim)
    (0.5, True)
    """
    joints = ("ankle", "knee", "hip")
    num = sum(np.asarray(weights[j]) * np.asarray(m0[j]) * np.asarray(d[j]) for j in joints)
    den = sum(np.asarray(weights[j]) * np.asarray(d[j]) ** 2 for j in joints)
    with np.errstate(invalid="ignore", divide="ignore"):
        t_free = np.where(den > 0, -num / np.where(den > 0, den, 1.0), 0.0)
    mu = np.asarray(friction, dtype=float)
    t = np.clip(t_free, -mu, mu)
    return t[()], (np.abs(t_free) > mu)[()]


def _leg_press(body: Body, *, load: Any = "150 kg", foot_position: Any = "middle", knee_flexion: Any = "90 deg",
               sled_angle: Any = "45 deg", back_angle: Any = "-45 deg", cop: Any = "midfoot",
               force_direction: Any = "min_effort", friction: Any = None, fraction: Any = None,
               effort_weights: tuple[Any, Any] | None = None) -> ExerciseResult:
    """The solver behind :class:`LegPress` (units to SI, the platform geometry, the result).

    ``effort_weights`` = ``(ankle, hip)`` weights of the minimum-effort cost relative to the
    knee's (default ``(1, 1)``: the plain sum of squared moments); the samples draw them.
    """
    from . import technique as tq

    check_body(body)
    fg = body.foot_geometry
    L_s, L_t = body.shank.length_m, body.thigh.length_m
    beta = as_angle(sled_angle, "sled_angle")
    K = as_angle(knee_flexion, "knee_flexion")
    if isinstance(foot_position, str) and foot_position in FOOT_POSITIONS:
        e = FOOT_POSITIONS[foot_position]
    else:
        try:
            e = as_length(foot_position, "foot_position")
        except UnitError:
            if not isinstance(foot_position, str):
                raise
            raise InputValueError(f"foot_position={foot_position!r}: expected high, middle, low or a "
                                  f"length.") from None
    mode, t_given = _direction(force_direction)
    mu = (tq.FRICTION_FOOTPLATE.mean if friction is None
          else as_fraction(friction, "friction", 0.0, 1.0))
    w_a, w_h = (1.0, 1.0) if effort_weights is None else effort_weights
    cop = cop_value(cop, ("midfoot", "heel", "ball"))
    c_along = {"midfoot": 0.5 * fg.toe_x, "heel": 0.0, "ball": fg.ball_x}.get(cop) if isinstance(cop, str) else cop
    if c_along is None:
        raise InputValueError(f"cop={cop!r}: expected midfoot, heel, ball or a length from the heel.")
    from ..units import _as_quantity
    q = _as_quantity(load, "load")
    P = load_mass(load) * G * np.sin(beta) if not (q is not None and q.check("[force]")) else \
        to_si(q, "N", "load", nonnegative=True) + 0.0 * beta
    shape = broadcast_shape(beta, K, e, P, c_along, mu, w_a, w_h, 0.0 if t_given is None else t_given)
    frac = place_fraction(fraction, shape)
    if frac is not None:
        K = K * frac  # knee flexion from straight (fraction 0) to the bottom
    shape = broadcast_shape(np.zeros(shape), 0.0 if frac is None else frac)
    feas = Feasibility(shape)
    feas.flag((np.asarray(c_along) < 0) | (np.asarray(c_along) > fg.toe_x), "cop_off_foot",
              cop=quantity(np.broadcast_to(c_along, shape), "m"))
    if t_given is not None:  # a given direction outside the friction cone: the foot would slip
        feas.flag(np.abs(t_given) > np.asarray(mu) + 1e-12, "friction",
                  force_direction=quantity(np.degrees(np.arctan(np.broadcast_to(t_given, shape))), "deg"),
                  friction_cone=quantity(np.degrees(np.arctan(np.broadcast_to(mu, shape))), "deg"))
    e = np.asarray(e, dtype=float)[()]  # numpy floats: a huge offset overflows to inf (flagged), not an error
    r = (np.cos(beta), np.sin(beta))          # along the rails, toward the platform
    p = (-np.sin(beta), np.cos(beta))         # along the platform, toward the toes (up the platform)
    # foot on the platform: heel -> toe along p, sole normal toward the lifter = -r
    f = np.arctan2(-np.cos(beta), -np.sin(beta))  # foot angle whose heel->toe is p
    q_off = e - 0.5 * fg.toe_x + fg.ankle_x      # ankle's offset along p from the hip's rail line
    d = np.sqrt(L_t ** 2 + L_s ** 2 + 2 * L_t * L_s * np.cos(K))
    with np.errstate(invalid="ignore"):
        along = np.sqrt(d ** 2 - q_off ** 2)
    feas.flag(~np.isfinite(along), "foot_position", foot_position=quantity(np.broadcast_to(e, shape), "m"))
    H = (0.0, 0.0)
    A = (along * r[0] + q_off * p[0], along * r[1] + q_off * p[1])
    Kn, ok = _two_link_up(H, A, L_t, L_s, p)
    thigh = np.arctan2(Kn[0] - H[0], H[1] - Kn[1])
    shank = np.arctan2(Kn[0] - A[0], Kn[1] - A[1])
    trunk = check_single(as_angle(back_angle, "back_angle"), "back_angle")
    feas.flag(thigh + trunk > np.radians(165), "joint_range", hip_flexion=quantity(np.degrees(thigh + trunk), "deg"))

    def model_for(t, cop_shift=0.0, turn=0.0):
        """The model with the force ``P (-r + t p)`` on the foot, turned by ``turn`` rad toward the toes."""
        vx, vy = -r[0] + t * p[0], -r[1] + t * p[1]
        ca, sa = np.cos(turn), np.sin(turn)
        fx, fy = vx * ca + vy * sa, -vx * sa + vy * ca
        force = quantity(np.stack(np.broadcast_arrays(P * fx, P * fy), -1), "N")
        pf = PointForce("foot", quantity(c_along + cop_shift, "m"), force, label="platform")
        return make_model(body, [pf], "both", "backrest")

    angles = wrap_joint_angles({"foot": feas.nan(f), "shank": feas.nan(shank), "thigh": feas.nan(thigh),
                                "trunk": feas.nan(trunk), "arms": feas.nan(0.0)})
    # the ankle cannot dorsiflex past its anatomical range: feet low and deep is not a pose
    ankle = angles["shank"] - angles["foot"]
    feas.flag(ankle > np.radians(JOINT_RANGES_DEG["ankle"][1]), "ankle_range",
              ankle_dorsiflexion=quantity(np.degrees(ankle), "deg"))
    angles = {k: feas.nan(v) for k, v in angles.items()}
    pose = Pose.from_radians(angles["shank"], angles["thigh"], angles["trunk"], angles["foot"], angles["arms"])
    model0 = model_for(0.0)                   # the force along the rails
    sc = model0.sincos(angles)
    weights = {"ankle": w_a, "knee": 1.0, "hip": w_h}
    limited = np.zeros(shape, dtype=bool)
    if mode == "min_effort":
        # every joint moment is affine in the shear fraction t: M(t) = M0 + t D
        m0 = model0.moments(sc)
        m1 = model_for(1.0).moments(sc)
        D = {j: m1[j] - m0[j] for j in ("ankle", "knee", "hip")}
        t, limited = min_effort_shear(m0, D, weights, mu)
    elif mode == "rails":
        t = 0.0
    else:
        t = t_given
    # the force must be finite (infeasible poses are NaN anyway); a scalar direction stays a scalar, so the
    # models' force terms do not grow to the grid's shape
    t_model = t if mode != "min_effort" else np.where(np.isfinite(t), t, 0.0)
    t = feas.nan(t)
    model = model0 if mode == "rails" else model_for(t_model)
    mom = model.moments(sc)
    moments = MomentResult(model, pose, sc, mom)
    sens = {}
    m_rot = model_for(t_model, 0.0, np.radians(1.0)).moments(sc)
    m_cop = model_for(t_model, 0.01).moments(sc)
    for j in ("ankle", "knee", "hip"):
        sens[j] = {"per_deg_direction": quantity(m_rot[j] - mom[j], "N*m/deg"),
                   "per_cm_cop": quantity(m_cop[j] - mom[j], "N*m/cm")}
    cost = sum(np.asarray(weights[j]) * mom[j] ** 2 for j in ("ankle", "knee", "hip"))
    single = shape == ()
    feas.include(moments)
    hints = {}
    if single and not bool(feas.ok) and str(feas.reason) == "ankle_range":
        # the deepest knee flexion this foot position allows, to say how much shallower to go
        trial_deg = np.arange(5.0, float(np.degrees(K)), 1.0)
        deepest = None
        if trial_deg.size:
            trial = _leg_press(body, load=load, foot_position=foot_position, knee_flexion=quantity(trial_deg, "deg"),
                               sled_angle=sled_angle, back_angle=back_angle, cop=cop, force_direction="rails")
            fits = np.asarray(trial.feasible, dtype=bool)
            deepest = float(trial_deg[fits].max()) if fits.any() else None
        hints["ankle_range"] = (f"Fix: go shallower (knee_flexion={np.degrees(K):.0f} deg was asked; "
                                f"with foot_position={foot_position!r} the ankle allows at most "
                                f"{deepest:.0f} deg), or place the feet higher on the platform."
                                if deepest is not None else "Fix: place the feet higher on the platform.")
    if single and not bool(feas.ok) and str(feas.reason) == "friction":
        hints["friction"] = (f"Fix: turn the force at most {np.degrees(np.arctan(float(mu))):.1f} deg off the rails' "
                             f"line (friction={float(mu):g}), or use force_direction='min_effort'.")
    feas.raise_if_single(single, "leg_press", hints)
    line = {"min_effort": "the least-effort direction within the friction cone (sum of weighted squared ankle, "
                          "knee and hip moments), through the centre of pressure",
            "rails": "along the sled, through the centre of pressure",
            "angle": "the given angle from the rails' line, through the centre of pressure"}[mode]
    shear = quantity(P * t, "N")
    params = {"load": load, "platform_force": quantity(P, "N"), "foot_position": foot_position,
              "foot_offset": quantity(e, "m"), "knee_flexion": quantity(np.degrees(as_angle(knee_flexion, "knee_flexion")), "deg"),
              "sled_angle": quantity(np.degrees(beta), "deg"), "back_angle": quantity(np.degrees(trunk), "deg"),
              "cop": cop, "support": "backrest", "force_direction": force_direction if mode != "angle" else
              quantity(np.degrees(np.arctan(t_given)), "deg"),
              "friction": mu if np.ndim(mu) else float(mu), "line_of_force": line}
    return ExerciseResult("leg_press", pose, moments, params, bool(feas.ok) if single else feas.ok,
                          str(feas.reason) if single else feas.reason,
                          {"sensitivity": sens, "platform_force": quantity(P, "N"), "platform_shear": shear,
                           "force_angle": quantity(np.degrees(np.arctan(t)), "deg"),
                           "friction_limited": feas.ok & np.asarray(limited, dtype=bool) if not single
                           else bool(limited) and bool(feas.ok),
                           "effort_cost": quantity(cost, "N**2*m**2")})


def _resistance(load: Any, lever: Any, profile: Any, knee: Any, shank_world: Any) -> Any:
    """Machine torque about its axis (N*m) for the knee flexion ``knee`` (rad)."""
    from ..units import _as_quantity
    q = _as_quantity(load, "load")
    if q is not None and q.check("[mass] * [length] ** 2 / [time] ** 2"):
        base = to_si(q, "N*m", "load", nonnegative=True) + 0.0 * knee
    else:
        base = load_mass(load) * G * as_length(lever, "lever", positive=True)
    if profile is None or (isinstance(profile, str) and profile == "constant"):
        return base
    if isinstance(profile, str) and profile == "plate_lever":
        # the lever arm runs along the shin: the plates' moment is their weight times the
        # lever's horizontal reach, |sin| of the shin's angle from vertical
        return base * np.abs(np.sin(shank_world))
    if callable(profile):
        try:
            multiplier = np.asarray(profile(knee), dtype=float)
        except Exception as exc:  # a user's function: report it as this argument's fault
            raise InputValueError(f"profile={profile!r} failed on knee flexion {knee!r} rad "
                                  f"({type(exc).__name__}: {exc}); it must return a finite multiplier.") from exc
        if not np.all(np.isfinite(multiplier)):
            raise InputValueError(f"profile={profile!r} returned {multiplier!r}; a finite multiplier is expected.")
        try:
            fits = np.broadcast_shapes(multiplier.shape, np.shape(knee)) == np.shape(knee)
        except ValueError:
            fits = False
        if not fits:
            raise InputValueError(f"profile={profile!r} returned an array of shape {multiplier.shape}; one "
                                  f"multiplier per knee flexion {np.shape(knee)} is expected.")
        return base * multiplier
    raise InputValueError(f"profile={profile!r}: expected None/'constant', 'plate_lever' or a function of knee "
                          f"flexion (radians) returning a multiplier.")


def _arg_text(arg: str, value: Any, thigh: float) -> str:
    v = np.degrees(value - thigh) if arg != "knee_flexion" else np.degrees(value)
    return f"{float(v):.4g} deg"


def _pad_machine(name: str, body: Body, *, load, lever, profile, knee, pad, seat_trunk, thigh, flexion_pad, frac,
                 support, hip_arg: str = "seat_back"):
    check_body(body)
    L_s = body.shank.length_m
    K = as_angle(knee, "knee_flexion")
    pad_m = as_length(pad, "pad", positive=True)
    # the load (a mass, or a torque) and the lever sweep too: the result takes their shape
    shape = broadcast_shape(K, pad_m, np.zeros(np.shape(_resistance(load, lever, None, K, K))))
    fr = place_fraction(frac, shape)
    shape = broadcast_shape(np.zeros(shape), 0.0 if fr is None else fr)
    feas = Feasibility(shape)
    # joint ranges (biomech.model.pose.JOINT_RANGES_DEG): a single request out of range is refused naming
    # its argument; in a sweep those elements are infeasible ("joint_range")
    hip = thigh + seat_trunk
    for joint, value, arg in (("knee", K, "knee_flexion"), ("hip", hip, hip_arg)):
        lo, hi = JOINT_RANGES_DEG[joint]
        deg = np.degrees(np.broadcast_to(np.asarray(value, dtype=float), shape))
        bad = (deg < lo - 1e-9) | (deg > hi + 1e-9)
        if shape == () and bool(bad):
            what = "knee flexion" if joint == "knee" else f"hip flexion (90 deg + {arg})"
            raise RangeError(f"{name}: {arg}={_arg_text(arg, value, thigh)} puts the {what} at {float(deg):.1f} deg, "
                             f"outside the anatomical range {lo:g} to {hi:g} deg (biomech.model.pose.JOINT_RANGES_DEG).")
        feas.flag(bad, "joint_range", **{f"{joint}_flexion": quantity(deg, "deg")})
    s = K - thigh
    tau = _resistance(load, lever, profile, K, s)
    F = tau / np.minimum(pad_m, L_s)
    n = (np.cos(s), -np.sin(s))  # the shin's front
    sign = 1.0 if flexion_pad else -1.0  # leg curl pad pushes toward the shin's front; leg extension away
    force = quantity(np.stack(np.broadcast_arrays(sign * F * n[0], sign * F * n[1]), -1), "N")
    pf = PointForce("shank", quantity(pad_m, "m"), force, label="pad")
    model = make_model(body, [pf], "both", support)
    angles = {"foot": s, "shank": s, "thigh": thigh + 0.0 * s, "trunk": seat_trunk + 0.0 * s, "arms": 0.0 * s}
    angles = {k: feas.nan(v) for k, v in angles.items()}
    pose = Pose.from_radians(**{k: v for k, v in angles.items()})
    sc = model.sincos(angles)
    moments = MomentResult(model, pose, sc, model.moments(sc))
    # sensitivity: the pad force 10 deg off the perpendicular
    rot = np.radians(1.0)
    f2 = quantity(np.stack(np.broadcast_arrays(sign * F * (n[0] * np.cos(rot) - n[1] * np.sin(rot)),
                                               sign * F * (n[0] * np.sin(rot) + n[1] * np.cos(rot))), -1), "N")
    m2 = make_model(body, [PointForce("shank", quantity(pad_m, "m"), f2, label="pad")], "both", support).moments(sc)
    sens = {j: quantity(m2[j] - moments._m[j], "N*m/deg") for j in ("ankle", "knee")}
    single = shape == ()
    feas.include(moments)
    feas.raise_if_single(single, name)
    params = {"load": load, "lever": lever, "profile": profile if not callable(profile) else "custom",
              "knee_flexion": quantity(np.degrees(K), "deg"), "pad": quantity(pad_m, "m"), "support": support,
              "line_of_force": "at right angles to the shin, at the pad", "machine_torque": quantity(tau, "N*m")}
    return ExerciseResult(name, pose, moments, params, bool(feas.ok) if single else feas.ok,
                          str(feas.reason) if single else feas.reason,
                          {"pad_force": quantity(F, "N"), "machine_torque": quantity(tau, "N*m"),
                           "sensitivity": sens})


def _leg_extension(body: Body, *, load: Any = "40 kg", knee_flexion: Any = "90 deg", lever: Any = "0.10 m",
                   profile: Any = None, pad: Any = None, seat_back: Any = "-10 deg",
                   fraction: Any = None) -> ExerciseResult:
    """The solver behind :class:`LegExtension`."""
    check_body(body)
    knee = knee_flexion
    if fraction is not None:  # the rep path: knee flexion from straight (0) to ``knee_flexion`` (1)
        knee = quantity(np.degrees(as_angle(knee, "knee_flexion") * np.asarray(fraction, dtype=float)), "deg")
    pad_q = pad if pad is not None else quantity(body.shank.length_m - 0.05, "m")
    return _pad_machine("leg_extension", body, load=load, lever=lever, profile=profile, knee=knee, pad=pad_q,
                        seat_trunk=check_single(as_angle(seat_back, "seat_back"), "seat_back"), thigh=np.pi / 2,
                        flexion_pad=False,
                        frac=None, support="backrest")


def _leg_curl(body: Body, *, load: Any = "30 kg", knee_flexion: Any = "45 deg", lever: Any = "0.10 m",
              profile: Any = None, pad: Any = None, fraction: Any = None) -> ExerciseResult:
    """The solver behind :class:`LegCurl`."""
    check_body(body)
    knee = knee_flexion
    if fraction is not None:
        knee = quantity(np.degrees(as_angle(knee, "knee_flexion") * np.asarray(fraction, dtype=float)), "deg")
    pad_q = pad if pad is not None else quantity(body.shank.length_m - 0.05, "m")
    return _pad_machine("leg_curl", body, load=load, lever=lever, profile=profile, knee=knee, pad=pad_q,
                        seat_trunk=np.pi / 2, thigh=-np.pi / 2, flexion_pad=True, frac=None,
                        support="backrest")


# --------------------------------------------------------------------------- the declared exercises
from .spec import ExerciseSpec, declare, param, sampling_params, spec_function  # noqa: E402

_MACHINE_REP = "The knee flexion goes from straight (0) to the given angle (1)."


class LegPress(ExerciseSpec):
    """A leg press at its bottom: knee flexion ``knee_flexion``, feet on the platform.

    The back pad holds the trunk (support ``"backrest"``). The platform's force on the feet acts
    through the centre of pressure; its component along the rails is the sled's (it balances the
    sled), and the rest, along the platform (the shear at the sole), is not decided by statics:
    the seat and back pad take whatever the shear leaves. ``force_direction`` chooses it:

    * ``"min_effort"`` (default): the shear that minimises the effort cost
      ``C = w_a M_ankle**2 + M_knee**2 + w_h M_hip**2`` (per-leg net moments, N*m; ``w_a = w_h = 1``:
      the plain sum of squared joint moments, an assumption), within the friction cone
      ``|shear| <= friction * normal force`` (``friction`` 0.5, an assumption:
      ``technique.FRICTION_FOOTPLATE``). Every moment is affine in the shear, so the cost is a
      parabola and its minimum is closed form (:func:`min_effort_shear`), vectorised over poses.
    * ``"rails"``: no shear, the force along the rails (the earlier model).
    * an angle: the force turned that far from the rails' line, positive toward the toes (the
      platform pushing the sole toward the toes); beyond the friction cone the request is infeasible
      (``reason="friction"``).

    ``samples=N`` draws the friction bound and the cost's weights (``technique.typical("leg_press")``)
    and gives the direction, and the moments, a band. ``.extras`` holds ``platform_force`` (N, along
    the rails), ``platform_shear`` (N, + toward the toes), ``force_angle`` (deg from the rails' line),
    ``friction_limited`` (the friction bound decided the shear), ``effort_cost`` and ``sensitivity``
    (N*m per degree the force turns toward the toes, and per cm the centre of pressure moves toward
    the toes, per joint).

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> low = bm.exercises.leg_press(body, foot_position="low", knee_flexion="70 deg")
    >>> round(float(low.extras["force_angle"].m_as("deg")), 1)     # toward the toes
    20.1
    >>> rails = bm.exercises.leg_press(body, foot_position="low", knee_flexion="70 deg", force_direction="rails")
    >>> float(rails.extras["platform_shear"].m_as("N")), bool(low.extras["effort_cost"] < rails.extras["effort_cost"])
    (0.0, True)
    >>> bool(rails.knee > low.knee)      # pushing along the rails loads the knee more
    True
    """

    name = "leg_press"
    summary = "leg press: sled angle, knee flexion, foot position, load"
    example = "biomech leg_press --load 200kg --foot-position high --knee-flexion 90deg"
    renamed = {"depth": "knee_flexion"}
    rep_fraction = _MACHINE_REP

    def _solve(self, body: Body, fraction: Any) -> ExerciseResult:
        kw = self._plain_values()
        if getattr(self, "samples", None) is None:
            return _leg_press(body, **kw, fraction=fraction)
        check_body(body)
        friction_given = kw.get("friction") is not None
        samples, ndim = self._draw("leg_press", body, fraction)
        lead = (samples.n,) + (1,) * ndim
        if not friction_given:
            kw["friction"] = samples.si("friction").reshape(lead)
        weights = (samples.si("ankle_weight").reshape(lead), samples.si("hip_weight").reshape(lead))
        res = _leg_press(body, **kw, fraction=fraction, effort_weights=weights)
        mode = _direction(kw["force_direction"])[0]
        used = {"friction": "not used: friction given" if friction_given else
                "friction (the bound of the platform's shear)" if mode != "rails" else
                "not used: force_direction='rails'",
                "ankle_weight": "the ankle's weight in the effort cost" if mode == "min_effort" else
                "not used: the direction is given",
                "hip_weight": "the hip's weight in the effort cost" if mode == "min_effort" else
                "not used: the direction is given"}
        if not friction_given:
            res.parameters["friction"] = "drawn for each sample (extras['technique'])"
        return self._sampled(res, samples, used, fraction)


declare(LegPress, dict(
    load=param("load", "150 kg", "The sled's mass (the component of its weight along the rails pushes on the feet), "
                                 "or the platform's force itself."),
    foot_position=param("length", "middle", "Where the midfoot sits on the platform relative to the line through "
                                            "the hip parallel to the rails (positive: higher).",
                         words={k: f"{v * 100:+g} cm" for k, v in FOOT_POSITIONS.items()}),
    knee_flexion=param("angle", "90 deg", "Knee flexion at the bottom (0 deg: straight)."),
    sled_angle=param("angle", "45 deg", "The rails' angle above horizontal (0 deg: a horizontal press)."),
    back_angle=param("angle", "-45 deg", "Trunk lean set by the back pad (negative: reclined)."),
    cop=param("length", "midfoot", "Centre of pressure on the foot: a named point or a distance from the heel "
                                   "along the sole.", words={"midfoot": "the heel-toe midpoint", "heel": "the heel",
                                                             "ball": "the ball of the foot"})),
    {"force_direction": param("angle", "min_effort",
                              "Direction of the platform's force on the feet: the least-effort direction within the "
                              "friction cone (the sum of squared ankle, knee and hip moments, an assumption), along "
                              "the rails, or an angle from the rails' line (positive: toward the toes).",
                              words={"min_effort": "least sum of squared ankle, knee and hip moments within the "
                                                   "friction cone",
                                     "rails": "0 deg: along the rails, no shear at the sole"}),
     "friction": param("fraction", None, "Friction coefficient between sole and platform: the platform's shear "
                                         "stays within friction x its normal force.",
                       none="0.5 (an assumption: technique.FRICTION_FOOTPLATE)"),
     **sampling_params("leg_press (the friction bound and the effort cost's weights: assumptions)")})


def _pad_params(load: str, knee: str) -> dict:
    return dict(
        load=param("machine_load", load, "The weight stack's mass (times the lever gives the machine's torque), or "
                                         "the machine's torque itself."),
        knee_flexion=param("angle", knee, "Knee flexion (0 deg: straight; 90 deg: the shin at right angles to the "
                                          "thigh)."),
        lever=param("length", "0.10 m", "Effective radius of the cam or pulley.", positive=True),
        profile=param("profile", None, "How the torque varies with the knee angle: constant, a plate-loaded lever "
                                       "along the shin, or (in Python) a function of knee flexion in radians "
                                       "returning a multiplier.", choices=("constant", "plate_lever"),
                      none="constant"),
        pad=param("length", None, "The pad's distance below the knee along the shin.", positive=True,
                  none="5 cm above the ankle"),
    )


class LegExtension(ExerciseSpec):
    """Seated leg extension at knee flexion ``knee_flexion`` (thigh horizontal on the seat).

    Support ``"backrest"``: the lumbar moment is NaN (the seat holds the trunk); the hip moment
    is taken from the distal side. ``.extras`` holds ``pad_force``, ``machine_torque`` and
    ``sensitivity`` (N*m per degree the pad force turns off the perpendicular).

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> le = bm.exercises.leg_extension(body, load="40 kg", knee_flexion="60 deg")
    >>> round(float(le.extras["machine_torque"].magnitude), 2)
    39.23
    """

    name = "leg_extension"
    summary = "seated leg extension: knee flexion, load"
    example = "biomech leg_extension --load 50kg"
    renamed = {"knee": "knee_flexion"}
    rep_fraction = _MACHINE_REP

    def _solve(self, body: Body, fraction: Any) -> ExerciseResult:
        return _leg_extension(body, **self.values(), fraction=fraction)


declare(LegExtension, _pad_params("40 kg", "90 deg"),
        dict(seat_back=param("angle", "-10 deg", "The seat back's lean from vertical (negative: reclined).")))


class LegCurl(ExerciseSpec):
    """Lying (prone) leg curl at knee flexion ``knee_flexion``: thighs and trunk on the bench.

    The pad sits behind the lower shin and pushes toward extension, so the knee moment is a
    flexor moment (negative).

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> float(bm.exercises.leg_curl(body, load="30 kg").knee.magnitude) < 0
    True
    """

    name = "leg_curl"
    summary = "leg curl: knee flexion, load"
    example = "biomech leg_curl --load 40kg"
    renamed = {"knee": "knee_flexion"}
    rep_fraction = _MACHINE_REP

    def _solve(self, body: Body, fraction: Any) -> ExerciseResult:
        return _leg_curl(body, **self.values(), fraction=fraction)


declare(LegCurl, _pad_params("30 kg", "45 deg"))

leg_press = spec_function(LegPress)
leg_extension = spec_function(LegExtension)
leg_curl = spec_function(LegCurl)
