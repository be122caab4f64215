"""Calf raises: standing (centre of pressure at the ball of the foot) and seated.

Standing calf raise. The body stands straight (knees and hips extended) and leans as one
piece about the ankles until the ground reaction sits at the ball of the foot, its target
point: the moments of everything about it balance, solved in closed form for the lean.
The load sits on the shoulders (a machine's shoulder pads or a bar), or in the hands
(``hold="hands"``). The foot angle (heel raised) goes from ``bottom`` (negative: the
heel below the step) to ``top``.

Seated calf raise. The knee is held at 90 degrees, the shin vertical, the thigh
horizontal; the machine's pad presses the load onto the thighs just above the knees and
the balls of the feet rest on a block. Support is the seat (``support="backrest"``: the lumbar
moment, held by the seat, is NaN). The
block's upward reaction at the ball carries the load and the shank and foot weights
(the thigh's weight is taken by the seat: an assumption, since statics cannot split it
between the seat and the feet). The ankle moment comes from the distal side: foot weight
and the block's reaction.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..model.body import Body
from ..errors import InputValueError
from ..model.loads import G, Barbell, HandLoad, PointForce
from ..model.pose import Pose
from ..mechanics.statics import MomentResult
from ..units import quantity
from .common import (ExerciseResult, Feasibility, as_angle, broadcast_shape, check_body, load_mass, make_model, place_fraction,
                     solve_free_angle)
from .common import check_single, cop_value

__all__ = ["standing_calf_raise", "seated_calf_raise"]


def standing_calf_raise(body: Body, load: Any = None, foot: Any = "0 deg", *, hold: str = "shoulders",
                        top: Any = "35 deg", cop: str = "ball", _fraction: Any = None) -> ExerciseResult:
    """A standing calf raise held at foot angle ``foot`` (heel raised; negative on a step).

    Parameters
    ----------
    body : Body
    load : Quantity or str, optional
        On the shoulders (``hold="shoulders"``, as a high bar) or in the hands.
    foot : Quantity or str
        Foot angle of the position solved (default 0 deg, heels level with the balls).
    top : Quantity or str
        Foot angle at the top of the rep (the rep path runs from ``top`` to ``foot``).
    cop : {"ball"}
        Target of the centre of pressure: the ball of the foot.

    Returns
    -------
    ExerciseResult

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> cr = bm.exercises.standing_calf_raise(body, load="60 kg", foot="-15 deg")
    >>> abs(float(cr.cop.magnitude[0] - body.foot_geometry.ball_x)) < 1e-9
    True
    """
    check_body(body)
    if not isinstance(hold, str) or hold not in ("shoulders", "hands"):
        raise InputValueError(f"hold={hold!r}: expected 'shoulders' or 'hands'.")
    if not isinstance(cop, str) or cop != "ball":
        raise InputValueError(f"cop={cop!r}: a calf raise balances over the ball of the foot ('ball').")
    f_bottom = as_angle(foot, "foot")
    f_top = as_angle(top, "top")
    load_kg = load_mass(load)
    shape = broadcast_shape(f_bottom, f_top, load_kg)
    fr = place_fraction(_fraction, shape)
    f = f_bottom if fr is None else f_top + fr * (f_bottom - f_top)
    shape = broadcast_shape(np.zeros(shape), 0.0 if fr is None else fr)
    feas = Feasibility(shape)
    feas.flag((np.asarray(f) < np.radians(-40)) | (np.asarray(f) > np.radians(60)), "joint_range",
              foot=quantity(np.degrees(np.broadcast_to(f, shape)), "deg"))
    if hold == "shoulders":
        loads = [Barbell(quantity(load_kg, "kg"), "high_bar")]
    elif hold == "hands":
        loads = [HandLoad(quantity(load_kg, "kg"), label="dumbbells")]
    else:
        raise InputValueError(f"hold={hold!r}: expected 'shoulders' or 'hands'.")
    if cop != "ball":
        raise InputValueError(f"cop={cop!r}: a calf raise balances over the ball of the foot ('ball').")
    model = make_model(body, loads, "both", "feet")
    target = body.foot_geometry.ball_x  # the ball stays on the ground at its own x
    # the straight body leans as one piece: shank = lean, thigh = -lean, trunk = lean
    angles = {"foot": f, "shank": 0.0, "thigh": 0.0, "trunk": 0.0, "arms": 0.0}
    lean, ok = solve_free_angle(model, angles, "shank", target, {"thigh": (0.0, -1.0), "trunk": (0.0, 1.0)})
    feas.flag(~ok, "balance", foot=quantity(np.degrees(np.broadcast_to(f, shape)), "deg"))
    angles = {"foot": feas.nan(f), "shank": feas.nan(lean), "thigh": feas.nan(-lean), "trunk": feas.nan(lean),
              "arms": feas.nan(0.0)}
    feas.flag(np.abs(lean) > np.radians(30), "balance", lean=quantity(np.degrees(lean), "deg"))
    pose = Pose.from_radians(angles["shank"], angles["thigh"], angles["trunk"], angles["foot"], angles["arms"])
    sc = model.sincos(angles)
    moments = MomentResult(model, pose, sc, model.moments(sc))
    single = shape == ()
    feas.include(moments)
    feas.raise_if_single(single, "standing_calf_raise")
    params = {"load": quantity(load_kg, "kg"), "foot": quantity(np.degrees(f_bottom), "deg"),
              "top": quantity(np.degrees(f_top), "deg"), "hold": hold, "cop": "ball", "support": "feet"}
    call = (standing_calf_raise, (body,), dict(load=load, foot=foot, hold=hold, top=top, cop=cop))
    return ExerciseResult("standing_calf_raise", pose, moments, params, bool(feas.ok) if single else feas.ok,
                          str(feas.reason) if single else feas.reason, {"target": quantity(target, "m")}, call)


def seated_calf_raise(body: Body, load: Any = "40 kg", foot: Any = "0 deg", *, top: Any = "35 deg",
                      pad: Any = "5 cm", _fraction: Any = None) -> ExerciseResult:
    """A seated calf raise: knee at 90 deg, the load on the knees, the balls on a block.

    Parameters
    ----------
    load : Quantity or str
        The machine's load on the thigh pads (mass or force), both legs together.
    foot : Quantity or str
        Foot angle (heel raised; negative = heel below the block).
    top : Quantity or str
        Foot angle at the top (rep path from ``top`` to ``foot``).
    pad : Quantity or str
        The pad's distance behind the knee joint along the thigh.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> sc = bm.exercises.seated_calf_raise(body, load="40 kg")
    >>> float(sc.ankle.magnitude) > 0
    True
    """
    from .common import as_length
    check_body(body)
    f_bottom = as_angle(foot, "foot")
    f_top = as_angle(top, "top")
    load_kg = load_mass(load)
    pad_m = check_single(as_length(pad, "pad", nonnegative=True), "pad")
    shape = broadcast_shape(f_bottom, f_top, load_kg)
    fr = place_fraction(_fraction, shape)
    f = (f_bottom if fr is None else f_top + fr * (f_bottom - f_top)) + np.zeros(shape)
    shape = broadcast_shape(np.zeros(shape), 0.0 if fr is None else fr)
    feas = Feasibility(shape)
    # the block under the balls: upward reaction = pad load + shank and foot weights (both legs)
    legs = 2 * (body.shank.mass_kg + (body.foot.mass_kg if body.foot else 0.0))
    R = (load_kg + legs) * G
    pads = [PointForce("thigh", quantity(body.thigh.length_m - pad_m, "m"),
                       quantity(np.stack(np.broadcast_arrays(0.0 * load_kg, -load_kg * G), -1), "N"), label="pad"),
            PointForce("foot", quantity(body.foot_geometry.ball_x, "m"),
                       quantity(np.stack(np.broadcast_arrays(0.0 * R, R), -1), "N"), label="block")]
    model = make_model(body, pads, "both", "backrest")
    angles = {"foot": f, "shank": 0.0 * f, "thigh": np.pi / 2 + 0.0 * f, "trunk": 0.0 * f, "arms": 0.0 * f}
    pose = Pose.from_radians(angles["shank"], angles["thigh"], angles["trunk"], angles["foot"], angles["arms"])
    sc = model.sincos(angles)
    moments = MomentResult(model, pose, sc, model.moments(sc))
    single = shape == ()
    feas.include(moments)
    feas.raise_if_single(single, "seated_calf_raise")
    params = {"load": quantity(load_kg, "kg"), "foot": quantity(np.degrees(f_bottom), "deg"), "knee": "90 deg",
              "pad": quantity(pad_m, "m"), "support": "backrest",
              "line_of_force": "block reaction vertical at the ball; pad load vertical on the thighs"}
    call = (seated_calf_raise, (body,), dict(load=load, foot=foot, top=top, pad=pad))
    return ExerciseResult("seated_calf_raise", pose, moments, params, bool(feas.ok) if single else feas.ok,
                          str(feas.reason) if single else feas.reason, {"block_force": quantity(R, "N")}, call)
