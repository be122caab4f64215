"""What the cue experiments need beyond :mod:`biomech.exercises`: two small pose helpers.

Every pose family of the cue experiments (squats with knee travel, heel lift and stance,
lunges, the leg press, leg extension and curl, hinges, back extensions, calf raises) is
solved by the exercise library, which balances free-standing lifts itself. Two things it
does not offer are kept here, and only these:

* :func:`knee_travel_for_shank`: the exercises take knee travel (what a coach sees), while
  the heel-wedge and toe-out experiments must hold the ankle's own angle (the lifter's
  dorsiflexion limit, or the leg-plane angles of a toes-forward squat) fixed across
  conditions. Knee travel is affine in the sine of the leg-plane shank lean, so two probe
  calls of the exercise give the knee travel for any shank lean, exactly.
* :func:`calf_raise_shin_forward`: the standing calf raise leans the straight body as one
  piece; driving the shin forward at the top (legs leaning further, the trunk keeping the
  balance over the balls of the feet) is not an exercise of the library. It is balanced
  with the library's own solver (:func:`biomech.exercises.common.solve_free_angle`).

Examples
--------
>>> import numpy as np, biomech as bm, biomech.exercises as ex
>>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
>>> kt = knee_travel_for_shank(ex.squat, body, np.radians(30.0), depth="90 deg", load="80 kg")
>>> sq = ex.squat(body, depth="90 deg", knee_travel=bm.Q_(kt, "m"), load="80 kg")
>>> round(float(sq.pose.shank.to("deg").magnitude), 9)
30.0
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from ..model.body import Body
from ..errors import InfeasiblePoseError
from ..exercises.common import ExerciseResult, solve_free_angle
from ..model.loads import Barbell
from ..model.pose import Pose
from ..mechanics.statics import MomentResult, StaticModel
from ..units import Q_

__all__ = ["knee_travel_for_shank", "squat_shank", "front_shank", "calf_raise_shin_forward"]

#: Pairs of knee travels (m) at which :func:`knee_travel_for_shank` probes the exercise, in
#: turn, until every element has a feasible pair (the relation is exact, so any pair serves).
_PROBES_M = ((0.0, 0.01), (0.10, 0.11), (0.20, 0.21), (-0.10, -0.09))


def squat_shank(result: ExerciseResult) -> Any:
    """Leg-plane shank lean (rad) of a squat result (equal to the side view with the toes forward)."""
    return np.radians(result.extras["in_plane_angles"]["shank"].to("deg").magnitude)


def front_shank(result: ExerciseResult) -> Any:
    """Front shank lean (rad) of a split-stance result."""
    return np.asarray(result.pose.front.shank_rad, dtype=float)


def knee_travel_for_shank(exercise: Callable[..., ExerciseResult], body: Body, shank_rad: Any, *,
                          shank_of: Callable[[ExerciseResult], Any] = squat_shank, **kwargs: Any) -> Any:
    """Knee travel (m) that gives ``exercise`` the leg-plane shank lean ``shank_rad`` (rad).

    Parameters
    ----------
    exercise : callable
        An exercise of :mod:`biomech.exercises` taking ``knee_travel`` (a squat, a lunge).
    body : Body
    shank_rad : float or ndarray
        The shank lean wanted, rad (in the leg's own plane).
    shank_of : callable
        Reads the shank lean (rad) from a result: :func:`squat_shank` (default) or
        :func:`front_shank` for split stances.
    **kwargs
        The exercise's other parameters (arrays broadcast).

    Returns
    -------
    float or ndarray
        Knee travel, m: affine in ``sin(shank)`` (the knee's horizontal place is the
        ankle's plus the shank's reach), so two probes fix it.

    Raises
    ------
    InfeasiblePoseError
        Where no pair of probes gives a feasible pose.
    """
    def sin_shank(d):
        try:
            return np.sin(shank_of(exercise(body, knee_travel=Q_(d, "m"), **kwargs)))
        except InfeasiblePoseError:      # a single request that cannot exist: try the next pair
            return np.nan

    out = np.nan
    for d0, d1 in _PROBES_M:
        s0, s1 = sin_shank(d0), sin_shank(d1)
        with np.errstate(invalid="ignore", divide="ignore"):
            out = np.where(np.isfinite(out), out, d0 + (d1 - d0) * (np.sin(shank_rad) - s0) / (s1 - s0))
        if np.all(np.isfinite(out)):
            return out if np.ndim(out) else float(out)
    raise InfeasiblePoseError(f"{getattr(exercise, '__name__', 'the exercise')}: no feasible knee travel was found "
                              f"near the shank lean asked for ({np.degrees(shank_rad)} deg).", "knee_travel")


def calf_raise_shin_forward(body: Body, foot_rad: Any, shank_rad: Any,
                            load_kg: float = 0.0) -> tuple[Pose, MomentResult]:
    """Top of a standing calf raise with the straight legs held at a lean: the trunk balances.

    Knees and hips straight (thigh angle = -shank lean), a bar on the shoulders (high bar,
    arms hanging, as in :func:`biomech.exercises.standing_calf_raise`); the trunk lean is
    solved so that the centre of pressure is at the ball of the foot.

    Parameters
    ----------
    foot_rad, shank_rad : float or ndarray
        Foot angle (heel raised) and shank lean, rad.
    load_kg : float
        The bar, kg.

    Returns
    -------
    pose : Pose
    result : MomentResult
        NaN where no trunk lean balances the body.

    Examples
    --------
    >>> import numpy as np, biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> pose, res = calf_raise_shin_forward(body, np.radians(35.0), np.radians(12.0), 40.0)
    >>> bool(abs(res.cop.magnitude[0] - body.foot_geometry.ball_x) < 1e-9)
    True
    """
    model = StaticModel(body, [Barbell(Q_(load_kg, "kg"), "high_bar")], "both", "feet")
    foot, shank = np.broadcast_arrays(np.asarray(foot_rad, dtype=float), np.asarray(shank_rad, dtype=float))
    angles = {"foot": foot, "shank": shank, "thigh": -shank, "trunk": 0.0 * shank, "arms": 0.0 * shank}
    trunk, ok = solve_free_angle(model, angles, "trunk", body.foot_geometry.ball_x)
    angles["trunk"] = np.where(ok, trunk, np.nan)
    pose = Pose.from_radians(angles["shank"], angles["thigh"], angles["trunk"], angles["foot"], angles["arms"])
    sc = model.sincos(angles)
    return pose, MomentResult(model, pose, sc, model.moments(sc))
