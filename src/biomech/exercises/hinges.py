"""Hinges: Romanian and stiff-leg deadlifts, the conventional deadlift, back extensions.

Deadlift family. The bar hangs at the grip on arms that hang plumb from the shoulders
(arm angle 0), so the bar's height fixes the shoulder's: ``shoulder_y = bar_height +
arm length``. Given the knee bend, each shank lean puts the hip somewhere; the trunk
lean follows from the shoulder height, and the shank lean that balances (centre of
pressure at the midfoot) is found by vectorized bisection. Long arms therefore mean a
more upright trunk. Depth is the bar's height (``"mid_shin"``, ``"knee"``, or a
length), or a trunk lean. The conventional deadlift starts with the bar at the plates'
radius (plate diameter 0.45 m, the IWF/IPF standard plate) and, by default, solves the
knee bend too, so that the shins touch the bar (:data:`SHIN_TO_BAR_M`). With the centre of
pressure at the midfoot the bar then hangs a few centimetres ahead of the midfoot: the
body's own centre of mass lies behind it.

Toe-out enters the hinges only through the foot's side-view length (cos(toe_out));
the legs are near vertical in a hinge, so their projection is left out (a stated
simplification; squats project the legs in full).

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

from ..body import Body
from ..errors import InputValueError
from ..loads import G, HandLoad, Load, PointForce, PointMass
from ..pose import Pose
from ..statics import MomentResult
from ..units import quantity
from .common import (ExerciseResult, Feasibility, array_body, as_angle, as_length, bisect, broadcast_shape,
                     is_length, load_mass, make_model, place_fraction, solve_free_angle, whole_body_moment_form)

__all__ = ["romanian_deadlift", "stiff_leg_deadlift", "deadlift", "back_extension", "PLATE_DIAMETER_M",
           "CHEST_PLATE"]

#: Standard competition plate diameter, 450 mm (IWF Technical and Competition Rules;
#: IPF Technical Rules: discs of 450 mm maximum diameter). A loaded bar on the floor
#: has its centre 0.225 m up.
PLATE_DIAMETER_M = 0.45

#: Horizontal distance from the shank axis to the bar's centre when the bar touches the
#: shins: half the shin's depth (about 3.5 cm) plus the bar's radius (1.4 cm for a 28 mm
#: bar). Assumption.
SHIN_TO_BAR_M = 0.05

#: A plate held at the chest in a back extension, in trunk coordinates from the hip:
#: three quarters of the trunk length up, 0.12 m in front of the trunk axis. Assumption.
CHEST_PLATE = (0.75, 0.12)


def _bar_height(value: Any, body: Body) -> Any:
    fg = body.foot_geometry
    if isinstance(value, str):
        key = value.strip().lower()
        if key == "mid_shin":
            return fg.ankle_y + 0.5 * body.shank.length_m
        if key == "knee":
            return fg.ankle_y + body.shank.length_m
        if key == "floor":
            return 0.5 * PLATE_DIAMETER_M
    return as_length(value, "bar_height")


def _hinge(name: str, body: Body, *, knee_bend: Any, depth: Any, load: Any, toe_out: Any, cop: Any,
           extra_loads: Sequence[Load], fraction: Any, call: tuple, bar_over_midfoot: bool = False):
    if body.arms is None:
        raise InputValueError(f"{name}: the bar hangs from the arms; the body needs an arms segment.")
    fg = body.foot_geometry
    L_s, L_t, L_k, L_a = body.shank.length_m, body.thigh.length_m, body.trunk.length_m, body.arms.length_m
    cphi = np.cos(as_angle(toe_out, "toe_out"))
    keyword = isinstance(depth, str) and depth.strip().lower() in ("mid_shin", "knee", "floor")
    depth_is_trunk = not (keyword or is_length(depth))
    load_kg = load_mass(load)
    abody = array_body(body, foot_scale=cphi, knee_depth_scale=cphi) if cphi != 1.0 else body
    model = make_model(abody, [HandLoad(quantity(load_kg, "kg"), label="bar")] + list(extra_loads), "both", "feet")
    afg = abody.foot_geometry
    target = 0.5 * afg.toe_x if cop is None else as_length(cop, "cop")
    ankle = (afg.ankle_x, afg.ankle_y)
    if depth_is_trunk:
        trunk_bottom = as_angle(depth, "depth")
        h_bar = None
    else:
        h_bar = _bar_height(depth, body)
        trunk_bottom = None
    K = None if knee_bend is None else as_angle(knee_bend, "knee_bend")
    shape = broadcast_shape(load_kg, 0.0 if K is None else K, 0.0 if h_bar is None else h_bar,
                            0.0 if trunk_bottom is None else trunk_bottom)
    frac = place_fraction(fraction, shape)
    shape = broadcast_shape(np.zeros(shape), 0.0 if frac is None else frac)
    feas = Feasibility(shape)

    def bc(x):
        return np.broadcast_to(np.asarray(x, dtype=float), shape)

    def trunk_for(s, Kb, hb):
        t = Kb - s
        hip_y = ankle[1] + L_s * np.cos(s) + L_t * np.cos(t)
        with np.errstate(invalid="ignore"):
            return np.arccos(np.clip((hb + L_a - hip_y) / L_k, -1, 1)), (hb + L_a - hip_y) / L_k

    def cop_error(s, Kb, hb=None, kb=None):
        k = trunk_for(s, Kb, hb)[0] if kb is None else kb
        a = {"foot": 0.0, "shank": s, "thigh": Kb - s, "trunk": k, "arms": 0.0}
        return model.ground_reaction(model.sincos(a))["cop"][0] - target

    def solve_s(Kb, hb=None, kb=None):
        if kb is not None:
            s, ok = solve_free_angle(model, {"foot": 0.0, "shank": 0.0, "thigh": 0.0, "trunk": kb, "arms": 0.0},
                                     "shank", target, {"thigh": (Kb, -1.0)})
            return s, ok
        return bisect(lambda s: -cop_error(s, Kb, hb), np.radians(-30.0), np.radians(45.0))

    if K is None:
        # conventional deadlift: the knees bend until the shins touch the bar (bar against the shins)
        def bar_x_error(Kb):
            s, _ = solve_s(Kb, hb=bc(h_bar))
            k = trunk_for(s, Kb, bc(h_bar))[0]
            t = Kb - s
            hip_x = ankle[0] + L_s * np.sin(s) - L_t * np.sin(t)
            shin_front = ankle[0] + (bc(h_bar) - ankle[1]) * np.tan(s) + SHIN_TO_BAR_M
            return hip_x + L_k * np.sin(k) - shin_front
        K, okK = bisect(lambda Kb: -bar_x_error(Kb), np.radians(10.0), np.radians(140.0), iterations=40)
        feas.flag(~okK, "bar_height", bar_height=quantity(bc(h_bar), "m"))
    Kb = bc(K)
    if frac is not None:
        Kb = Kb * frac
    if h_bar is not None:
        hb = bc(h_bar)
        if frac is not None:
            top = ankle[1] + L_s + L_t + L_k - L_a - 1e-3  # standing tall, arms plumb
            hb = top + frac * (hb - top)
        s, ok = solve_s(Kb, hb=hb)
        k, ratio = trunk_for(s, Kb, hb)
        feas.flag(np.abs(ratio) > 1, "bar_height", bar_height=quantity(hb, "m"))
    else:
        k = bc(trunk_bottom) * (1.0 if frac is None else frac)
        s, ok = solve_s(Kb, kb=k)
    feas.flag(~ok, "balance", knee_bend=quantity(np.degrees(Kb), "deg"))
    t = Kb - s
    feas.flag(k > np.pi / 2 + 1e-9, "trunk_past_horizontal", trunk=quantity(np.degrees(k), "deg"))
    feas.flag((t + k > np.radians(165)) | (s > np.radians(55)), "joint_range",
              hip_flexion=quantity(np.degrees(t + k), "deg"), dorsiflexion=quantity(np.degrees(s), "deg"))
    angles = {"foot": 0.0, "shank": feas.nan(s), "thigh": feas.nan(t), "trunk": feas.nan(k), "arms": feas.nan(0.0)}
    pose = Pose.from_radians(angles["shank"], angles["thigh"], angles["trunk"], angles["foot"], angles["arms"])
    sc = model.sincos(angles)
    moments = MomentResult(model, pose, sc, model.moments(sc))
    single = shape == ()
    feas.raise_if_single(single, name)
    params = {"knee_bend": quantity(np.degrees(K), "deg"), "depth": depth if isinstance(depth, str) else depth,
              "bar_height": None if h_bar is None else quantity(h_bar, "m"), "load": quantity(load_kg, "kg"),
              "toe_out": quantity(np.degrees(np.arccos(cphi)), "deg"), "support": "feet", "stance": "both",
              "arms": "hanging plumb", "plate_diameter": quantity(PLATE_DIAMETER_M, "m")}
    return ExerciseResult(name, pose, moments, params, bool(feas.ok) if single else feas.ok,
                          str(feas.reason) if single else feas.reason, {"target": quantity(target, "m")}, call)


def romanian_deadlift(body: Body, depth: Any = "mid_shin", knee_bend: Any = "20 deg", load: Any = None, *,
                      toe_out: Any = "0 deg", cop: Any = None, extra_loads: Sequence[Load] = (),
                      _fraction: Any = None, _name: str = "romanian_deadlift") -> ExerciseResult:
    """A Romanian deadlift's bottom: soft knees, hips back, bar hanging from plumb arms.

    Parameters
    ----------
    body : Body
        Needs arms (the bar hangs at the grip).
    depth : str, Quantity
        Bar height: ``"mid_shin"`` (default), ``"knee"``, ``"floor"`` (plate radius), a
        length above the floor; or an angle, taken as the trunk lean.
    knee_bend : Quantity or str
        Knee flexion held through the rep, default 20 deg.
    load : Quantity or str, optional
        The bar (mass or weight).
    toe_out : Quantity or str
        Shortens the foot's side view by cos(toe_out).
    cop : Quantity or str, optional
        Target of the centre of pressure, from the heel; default the midfoot.
    extra_loads : sequence of Load
        Bands or cables.

    Returns
    -------
    ExerciseResult

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> rdl = bm.exercises.romanian_deadlift(body, load="100 kg")
    >>> float(rdl.knee.magnitude) < 0 < float(rdl.hip.magnitude)  # knee flexor, hip extensor demand
    True
    """
    call = (romanian_deadlift, (body,), dict(depth=depth, knee_bend=knee_bend, load=load, toe_out=toe_out, cop=cop,
                                             extra_loads=extra_loads, _name=_name))
    return _hinge(_name, body, knee_bend=knee_bend, depth=depth, load=load, toe_out=toe_out, cop=cop,
                  extra_loads=extra_loads, fraction=_fraction, call=call)


def stiff_leg_deadlift(body: Body, depth: Any = "mid_shin", knee_bend: Any = "5 deg", load: Any = None,
                       **kw: Any) -> ExerciseResult:
    """A stiff-leg deadlift: the Romanian deadlift with nearly straight knees (5 deg).

    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> bool(bm.exercises.stiff_leg_deadlift(body, load="80 kg").feasible)
    True
    """
    return romanian_deadlift(body, depth, knee_bend, load, _name="stiff_leg_deadlift", **kw)


def deadlift(body: Body, load: Any = None, *, knee_bend: Any = None, bar_height: Any = "floor",
             toe_out: Any = "0 deg", cop: Any = None, extra_loads: Sequence[Load] = (),
             _fraction: Any = None) -> ExerciseResult:
    """A conventional deadlift's start: bar at the plates' radius, against the shins.

    With ``knee_bend=None`` (default) the knee bend is solved so that the bar, hanging
    from plumb arms, touches the shins while the centre of pressure is at the midfoot.
    ``bar_height`` defaults to the radius of a 450 mm plate (:data:`PLATE_DIAMETER_M`).

    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> dl = bm.exercises.deadlift(body, load="140 kg")
    >>> 30 < float(dl.pose.knee.magnitude) < 120
    True
    """
    call = (deadlift, (body,), dict(load=load, knee_bend=knee_bend, bar_height=bar_height, toe_out=toe_out, cop=cop,
                                    extra_loads=extra_loads))
    return _hinge("deadlift", body, knee_bend=knee_bend, depth=bar_height, load=load, toe_out=toe_out, cop=cop,
                  extra_loads=extra_loads, fraction=_fraction, call=call)


def back_extension(body: Body, load: Any = None, *, bench: Any = "45 deg", hip_flexion: Any = "90 deg",
                   pad: Any = "10 cm", roller: Any = "5 cm", band: Load | None = None,
                   _fraction: Any = None) -> ExerciseResult:
    """A back extension's bottom on a 45 deg or 90 deg (horizontal) bench.

    Parameters
    ----------
    body : Body
    load : Quantity or str, optional
        A plate held at the chest (:data:`CHEST_PLATE`).
    bench : Quantity or str
        Inclination of the legs from vertical: "45 deg" (hyperextension bench) or
        "90 deg" (horizontal Roman chair); anything from 30 to 90 deg.
    hip_flexion : Quantity or str
        Hip flexion at the bottom (0 = body straight along the bench).
    pad : Quantity or str
        Where the pad meets the thighs: distance below the hip joint along the thigh.
    roller : Quantity or str
        Heel roller: distance above the ankle along the back of the shank.
    band : ElasticBand, optional
        A band on the trunk (its anchor in the model's frame).

    Returns
    -------
    ExerciseResult
        Hip and lumbar moments from above; knee and ankle from below with the roller's
        force; ``extras["pad_force"]`` and ``extras["roller_force"]`` (N, world axes).

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> be = bm.exercises.back_extension(body, load="10 kg", bench="45 deg")
    >>> float(be.hip.magnitude) > 0 and float(be.lumbar.magnitude) > 0
    True
    """
    beta = as_angle(bench, "bench")
    hf = as_angle(hip_flexion, "hip_flexion")
    if np.any(beta < np.radians(30) - 1e-9) or np.any(beta > np.radians(90) + 1e-9):
        from ..errors import InfeasiblePoseError
        raise InfeasiblePoseError(f"back_extension: bench={np.degrees(beta)} deg is outside 30 to 90 deg.", "bench",
                                  {"bench": quantity(np.degrees(beta), "deg")})
    pad_m, roller_m = as_length(pad, "pad", nonnegative=True), as_length(roller, "roller", nonnegative=True)
    load_kg = load_mass(load)
    shape = broadcast_shape(beta, hf, load_kg, pad_m, roller_m)
    frac = place_fraction(_fraction, shape)
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
    feas.raise_if_single(single, "back_extension")
    params = {"bench": quantity(np.degrees(beta), "deg"), "hip_flexion": quantity(np.degrees(as_angle(hip_flexion, "hip_flexion")), "deg"),
              "pad": quantity(pad_m, "m"), "roller": quantity(roller_m, "m"), "load": quantity(load_kg, "kg"),
              "support": "thighs", "band": band}
    call = (back_extension, (body,), dict(load=load, bench=bench, hip_flexion=hip_flexion, pad=pad, roller=roller,
                                          band=band))
    extras = {"pad_force": quantity(N, "N"), "roller_force": quantity(np.stack(np.broadcast_arrays(*R), -1), "N")}
    return ExerciseResult("back_extension", pose, moments, params, bool(feas.ok) if single else feas.ok,
                          str(feas.reason) if single else feas.reason, extras, call)
