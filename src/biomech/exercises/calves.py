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

__all__ = ["standing_calf_raise", "seated_calf_raise", "StandingCalfRaise", "SeatedCalfRaise"]


def _standing_calf_raise(body: Body, *, load: Any = None, foot: Any = "0 deg", hold: str = "shoulders",
                         top: Any = "35 deg", cop: str = "ball", fraction: Any = None) -> ExerciseResult:
    """The solver behind :class:`StandingCalfRaise`."""
    check_body(body)
    if not isinstance(hold, str) or hold not in ("shoulders", "hands"):
        raise InputValueError(f"hold={hold!r}: expected 'shoulders' or 'hands'.")
    if not isinstance(cop, str) or cop != "ball":
        raise InputValueError(f"cop={cop!r}: a calf raise balances over the ball of the foot ('ball').")
    f_bottom = as_angle(foot, "foot")
    f_top = as_angle(top, "top")
    load_kg = load_mass(load)
    shape = broadcast_shape(f_bottom, f_top, load_kg)
    fr = place_fraction(fraction, shape)
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
    return ExerciseResult("standing_calf_raise", pose, moments, params, bool(feas.ok) if single else feas.ok,
                          str(feas.reason) if single else feas.reason, {"target": quantity(target, "m")})


def _seated_calf_raise(body: Body, *, load: Any = "40 kg", foot: Any = "0 deg", top: Any = "35 deg",
                       pad: Any = "5 cm", fraction: Any = None) -> ExerciseResult:
    """The solver behind :class:`SeatedCalfRaise`."""
    from .common import as_length
    check_body(body)
    f_bottom = as_angle(foot, "foot")
    f_top = as_angle(top, "top")
    load_kg = load_mass(load)
    pad_m = check_single(as_length(pad, "pad", nonnegative=True), "pad")
    shape = broadcast_shape(f_bottom, f_top, load_kg)
    fr = place_fraction(fraction, shape)
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
    return ExerciseResult("seated_calf_raise", pose, moments, params, bool(feas.ok) if single else feas.ok,
                          str(feas.reason) if single else feas.reason, {"block_force": quantity(R, "N")})


# --------------------------------------------------------------------------- the declared exercises
from .spec import ExerciseSpec, declare, param, spec_function  # noqa: E402

_CALF_REP = "The foot angle goes from top (fraction 0) to foot (fraction 1)."


def _foot_params() -> dict:
    return dict(
        foot=param("angle", "0 deg", "Foot angle of the position solved: the heel raised above the ball (positive) "
                                     "or below it on a step (negative)."),
        top=param("angle", "35 deg", "Foot angle at the top of the rep; the rep path runs from top to foot."),
    )


class StandingCalfRaise(ExerciseSpec):
    """A standing calf raise held at foot angle ``foot`` (heel raised; negative on a step).

    The straight body leans as one piece so that the centre of pressure is at the ball of
    the foot.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> cr = bm.exercises.standing_calf_raise(body, load="60 kg", foot="-15 deg")
    >>> abs(float(cr.cop.magnitude[0] - body.foot_geometry.ball_x)) < 1e-9
    True
    """

    name = "standing_calf_raise"
    summary = "standing calf raise: foot angle, load"
    example = "biomech standing_calf_raise --load 100kg"
    rep_fraction = _CALF_REP

    def _solve(self, body: Body, fraction: Any) -> ExerciseResult:
        return _standing_calf_raise(body, **self.values(), fraction=fraction)


declare(StandingCalfRaise, dict(
    load=param("load", None, "The load on the shoulders (as a high bar) or in the hands, a mass or its weight as a "
                             "force.", none="no load"),
    **_foot_params(),
    hold=param("choice", "shoulders", "Where the load is held: on the shoulders or in the hands.",
               choices=("shoulders", "hands")),
    cop=param("choice", "ball", "Target of the centre of pressure: a calf raise balances over the ball of the "
                                "foot.", choices=("ball",))))


class SeatedCalfRaise(ExerciseSpec):
    """A seated calf raise: knee at 90 deg, the load on the knees, the balls on a block.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> sc = bm.exercises.seated_calf_raise(body, load="40 kg")
    >>> float(sc.ankle.magnitude) > 0
    True
    """

    name = "seated_calf_raise"
    summary = "seated calf raise: foot angle, load"
    example = "biomech seated_calf_raise --load 60kg"
    rep_fraction = _CALF_REP

    def _solve(self, body: Body, fraction: Any) -> ExerciseResult:
        return _seated_calf_raise(body, **self.values(), fraction=fraction)


declare(SeatedCalfRaise, dict(
    load=param("load", "40 kg", "The machine's load on the thigh pads, both legs together, a mass or its weight as "
                                "a force."),
    **_foot_params(),
    pad=param("length", "5 cm", "The pad's distance behind the knee joint along the thigh.", nonnegative=True)))

standing_calf_raise = spec_function(StandingCalfRaise)
seated_calf_raise = spec_function(SeatedCalfRaise)
