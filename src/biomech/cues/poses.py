"""Pose families for the cue experiments: one small function per family.

Each function turns a coach's description (depth, knee travel, heel wedge, step, foot
placement on a sled ...) into a :class:`biomech.Pose` or :class:`biomech.SplitPose`
and its :func:`biomech.joint_moments` result. They are the seam where the exercise
library (``biomech.exercises``) can replace them one by one: each family has the same
inputs as the matching exercise, in SI floats (the experiments are inner code).

Balance. A free-standing pose is balanced by solving one segment angle (the trunk lean
by default) so that the centre of pressure lies at a target point of the foot
(``"midfoot"`` for squats and hinges, ``"ball"`` for calf raises). With gravity the only
external force, the centre of pressure is the system centre of mass's x, which is
``A + B sin(q) + C cos(q)`` in any one segment angle ``q``; three evaluations give A, B,
C and the equation is solved in closed form, vectorised over poses.

Examples
--------
>>> import numpy as np, biomech as bm
>>> from biomech.cues.poses import body_for, balanced_pose
>>> from biomech.cues.experiments import STANDARD_BODIES
>>> body = body_for(STANDARD_BODIES[0])
>>> pose, res = balanced_pose(body, {"shank": np.radians(30.0), "thigh": np.radians(90.0)},
...                           [bm.Barbell("80 kg", "high_bar")])
>>> err = res.cop.magnitude[..., 0] - res.positions["midfoot"].magnitude[..., 0]
>>> bool(abs(err) < 1e-9)
True
"""

from __future__ import annotations

import functools
import math
from typing import Sequence

import numpy as np

from .. import statics
from ..body import Body
from ..errors import InfeasiblePoseError
from ..kinematics import SinCos
from ..loads import Load, PointForce
from ..pose import LegPose, Pose, SplitPose
from ..units import Q_

__all__ = ["body_for", "balanced_pose", "knee_travel_shank", "squat", "squat_path", "lunge", "leg_press",
           "leg_extension", "lying_leg_curl", "romanian_deadlift_path", "back_extension_path", "calf_raise",
           "calf_raise_path", "seated_calf_raise", "natural_shank", "SQUAT_SHANK_PER_THIGH", "SQUAT_SHANK_MAX_DEG",
           "STANDING_LEG_LEAN_DEG", "LEG_PRESS_SLED_DEG", "LEG_PRESS_TRUNK_DEG"]

_SEGS = ("foot", "shank", "thigh", "trunk", "arms")


@functools.lru_cache(maxsize=32)
def _body(height_m: float, mass_kg: float, thigh_scale: float) -> Body:
    body = Body.from_anthropometrics(Q_(height_m, "m"), Q_(mass_kg, "kg"), sex="male")
    if thigh_scale != 1.0:
        extra = body.thigh.length_m * (thigh_scale - 1.0)
        body = body.with_segment("thigh", length=Q_(body.thigh.length_m + extra, "m"))
        body = body.with_segment("trunk", length=Q_(body.trunk.length_m - extra, "m"))
    return body


def body_for(proportions) -> Body:
    """The :class:`biomech.Body` of a :class:`~biomech.cues.experiments.BodyProportions`.

    de Leva (1996) male segments scaled to stature and mass; a longer femur takes its
    extra length from the trunk so the stature is unchanged (segment masses unchanged).

    >>> from biomech.cues.experiments import STANDARD_BODIES
    >>> b0, b1 = body_for(STANDARD_BODIES[0]), body_for(STANDARD_BODIES[1])
    >>> round(b1.thigh.length_m / b0.thigh.length_m, 3)
    1.1
    """
    return _body(float(proportions.height.to("m").magnitude), float(proportions.mass.to("kg").magnitude),
                 float(proportions.thigh_scale))


def _angles(given: dict, shape=()) -> dict:
    out = {k: np.asarray(given.get(k, 0.0), dtype=float) for k in _SEGS}
    return out


def _pose(angles: dict) -> Pose:
    return Pose.from_radians(angles["shank"], angles["thigh"], angles["trunk"], angles["foot"], angles["arms"])


def balanced_pose(body: Body, angles: dict, loads: Sequence[Load] = (), *, solve: str = "trunk",
                  target: str = "midfoot", stance: str = "both", branch: float = 0.0):
    """Solve one segment angle so the centre of pressure lies at ``target``; gravity loads only.

    Parameters
    ----------
    body : Body
    angles : dict of str to float or ndarray
        Segment angles in radians (missing ones are 0); the one named by ``solve`` is
        ignored and solved for. Arrays broadcast.
    loads : sequence of Load
        Masses (a barbell, dumbbells); no forces that depend on the pose.
    solve : {"trunk", "thigh", "shank", "leg"}
        The segment angle that balances the body; ``"leg"`` turns the straight leg about
        the ankle (shank lean q, thigh angle -q, knee straight).
    target : {"midfoot", "ball", "heel", "toe", "ankle"}
        Foot landmark the centre of pressure is put under.
    branch : float
        Of the two solutions of ``B sin q + C cos q = D``, the one nearer this angle (rad).

    Returns
    -------
    pose : Pose
    result : MomentResult
        NaN where no angle balances the body (the ``feasible`` mask is ``isfinite``).
    """
    a = _angles(angles)
    model = statics.StaticModel(body, loads, stance)
    shape = np.broadcast_shapes(*(np.shape(v) for v in a.values()))
    ev = {}
    coef = {"shank": 1.0, "thigh": -1.0} if solve == "leg" else {solve: 1.0}
    for q0 in (0.0, 0.5 * math.pi, -0.5 * math.pi):
        aa = dict(a)
        for seg, c in coef.items():
            aa[seg] = np.full(shape, c * q0)
        sc = model.sincos(aa)
        com_x = -model.moment_about_origin(sc, model.whole_body()) / \
            -model.external_resultant(sc, model.whole_body())[1]
        tgt = model.points[target].evaluate(sc)[0]
        ev[q0] = np.broadcast_to(com_x - tgt, shape)
    A_plus_C, A_plus_B, A_minus_B = ev[0.0], ev[0.5 * math.pi], ev[-0.5 * math.pi]
    A = 0.5 * (A_plus_B + A_minus_B)
    B = 0.5 * (A_plus_B - A_minus_B)
    C = A_plus_C - A
    # B sin q + C cos q = -A  ->  R sin(q + phi) = -A
    R = np.hypot(B, C)
    phi = np.arctan2(C, B)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = -A / R
    ok = np.abs(s) <= 1.0
    base = np.arcsin(np.clip(s, -1, 1))
    q1 = base - phi
    q2 = math.pi - base - phi
    wrap = lambda q: (q - branch + math.pi) % (2 * math.pi) - math.pi + branch  # noqa: E731
    q1, q2 = wrap(q1), wrap(q2)
    q = np.where(np.abs(q1 - branch) <= np.abs(q2 - branch), q1, q2)
    for seg, c in coef.items():
        a[seg] = np.where(ok, c * q, np.nan)
    pose = _pose(a)
    res = statics.joint_moments(body, pose, loads, stance)
    return pose, res


def knee_travel_shank(body: Body, knee_travel_m, foot_rad=0.0):
    """Shank lean (rad) that puts the front of the knee ``knee_travel_m`` ahead of the toe tip.

    >>> from biomech.cues.experiments import STANDARD_BODIES
    >>> b = body_for(STANDARD_BODIES[0])
    >>> round(math.degrees(float(knee_travel_shank(b, 0.0))), 1)
    20.9
    """
    pts = statics.landmarks(body)
    sc = SinCos({"foot": np.asarray(foot_rad, float), "shank": np.zeros_like(np.asarray(foot_rad, float)),
                 "thigh": 0.0, "trunk": 0.0, "arms": 0.0})
    ankle_x = pts["ankle"].evaluate(sc)[0]
    toe_x = pts["toe"].evaluate(sc)[0]
    s = (np.asarray(knee_travel_m, float) + toe_x - ankle_x - body.knee_depth_m) / body.shank.length_m
    with np.errstate(invalid="ignore"):
        return np.where(np.abs(s) <= 1, np.arcsin(np.clip(s, -1, 1)), np.nan)


#: Natural squat path (a modelling choice): shank lean = 0.4 x thigh angle, levelling off at
#: 38 deg (the dorsiflexion a flat-footed lifter reaches, near the weight-bearing lunge norm).
#: The two are joined by a smooth minimum (width :data:`SQUAT_SHANK_SMOOTH_DEG`) so that rep
#: paths have continuous accelerations.
SQUAT_SHANK_PER_THIGH = 0.4
SQUAT_SHANK_MAX_DEG = 38.0
SQUAT_SHANK_SMOOTH_DEG = 3.0


def natural_shank(thigh_rad):
    """Shank lean (rad) of the natural squat path at a thigh angle (rad): the smooth minimum of
    0.4 x thigh and 38 deg.

    >>> round(math.degrees(float(natural_shank(math.radians(90.0)))), 1)
    34.7
    """
    k = math.radians(SQUAT_SHANK_SMOOTH_DEG)
    a = SQUAT_SHANK_PER_THIGH * np.asarray(thigh_rad, float)
    b = math.radians(SQUAT_SHANK_MAX_DEG)
    return -k * np.logaddexp(-a / k, -b / k)


def squat(body: Body, thigh_rad, *, shank_rad=None, knee_travel_m=None, foot_rad=0.0, loads=()):
    """A balanced two-legged squat at a depth (thigh angle): trunk solved for the midfoot.

    The shank lean is given directly, or by the knee travel past the toes, or follows
    the natural path (:func:`natural_shank`).
    ``foot_rad`` > 0 raises the heels (a wedge or lifting shoes).
    """
    thigh = np.asarray(thigh_rad, float)
    if shank_rad is None:
        if knee_travel_m is not None:
            shank_rad = knee_travel_shank(body, knee_travel_m, foot_rad)
        else:
            shank_rad = natural_shank(thigh)
    return balanced_pose(body, {"foot": foot_rad, "shank": shank_rad, "thigh": thigh}, loads, branch=0.5)


#: Standing at the top of a squat: the straight legs lean this much forward about the
#: ankles, which puts the centre of mass over the midfoot with the trunk near upright
#: (about 8 cm ahead of the ankle at about 1 m height; a modelling choice).
STANDING_LEG_LEAN_DEG = 4.5


def squat_path(body: Body, bottom_thigh_rad: float, loads=()):
    """A rep path for :func:`biomech.tempo.rep_motion`: fraction of depth -> balanced squat Pose.

    Depth fraction 0 is standing tall (knees straight, legs leaning
    :data:`STANDING_LEG_LEAN_DEG` forward), 1 the bottom (thigh ``bottom_thigh_rad``);
    in between the thigh angle grows linearly and the shank follows the natural path.
    """
    s0 = math.radians(STANDING_LEG_LEAN_DEG)

    def path(f):
        f = np.asarray(f, float)
        thigh = f * bottom_thigh_rad - (1 - f) * s0
        shank = (1 - f) * s0 + natural_shank(f * bottom_thigh_rad) - natural_shank(0.0)
        pose, _ = balanced_pose(body, {"shank": shank, "thigh": thigh}, loads, branch=0.5)
        return pose
    return path


def lunge(body: Body, *, front_shank_rad, front_thigh_rad, trunk_rad, step_m, rear_foot_rad=math.radians(50),
          loads=()):
    """A split stance, front foot flat at the origin; the front foot's share solved for a midfoot COP.

    ``step_m`` is the horizontal distance from the front heel back to the rear foot's
    ball, which rests on the floor with the heel raised ``rear_foot_rad``. The rear leg
    joins the hip to that foot (two links, knee bent forward and down). The share of the
    ground reaction through the front foot is set so the front foot's centre of pressure
    lies at its midfoot; it must come out between 0 and 1.

    Returns
    -------
    pose : SplitPose
    result : MomentResult (``.front`` and ``.rear`` legs)
    info : dict with ``step_m``, ``front_share``, ``rear_knee_height_m``
    """
    pts = statics.landmarks(body, split=True)
    front = LegPose.from_radians(front_shank_rad, front_thigh_rad, 0.0)
    sc = SinCos({"foot": 0.0, "shank": front_shank_rad, "thigh": front_thigh_rad, "trunk": trunk_rad, "arms": 0.0,
                 "rear_foot": rear_foot_rad, "rear_thigh": 0.0, "rear_shank": 0.0})
    hip = np.array(pts["hip"].evaluate(sc), float)
    ball_to_ankle = np.array(pts["rear_ankle"].evaluate(sc), float) - np.array(pts["rear_ball"].evaluate(sc), float)
    heel_x = float(pts["heel"].evaluate(sc)[0])
    ankle = np.array([heel_x - step_m, 0.0]) + ball_to_ankle
    knees = [_two_link_knee(hip, ankle, body.thigh.length_m, body.shank.length_m, side) for side in (1.0, -1.0)]
    knee = min(knees, key=lambda k: k[1])
    rear_shank = math.atan2(knee[0] - ankle[0], knee[1] - ankle[1])
    rear_thigh = math.atan2(knee[0] - hip[0], hip[1] - knee[1])
    rear = LegPose.from_radians(rear_shank, rear_thigh, rear_foot_rad)
    pose = SplitPose.from_radians(front, rear, trunk_rad, 0.0, "ball")
    probe = statics.joint_moments(body, pose, loads, front_share=0.5)
    com_x = float(probe.positions["com"].magnitude[..., 0])
    rear_x = float(probe.positions["rear_ball"].magnitude[..., 0])
    mid_x = float(probe.positions["midfoot"].magnitude[..., 0])
    share = (com_x - rear_x) / (mid_x - rear_x)
    if not 0.0 < share <= 1.0:
        raise InfeasiblePoseError(f"lunge: the centre of mass lies outside the feet (front share {share:.2f}).")
    res = statics.joint_moments(body, pose, loads, front_share=share)
    return pose, res, {"step_m": float(step_m), "front_share": share, "rear_knee_height_m": float(knee[1])}


def _two_link_knee(hip, ankle, Lt, Ls, knee_side: float):
    """Knee position of a two-link leg from hip to ankle; ``knee_side`` picks the bend (+1/-1)."""
    d = ankle - hip
    r = np.linalg.norm(d)
    if r >= Lt + Ls or r <= abs(Lt - Ls):
        raise InfeasiblePoseError(f"the hip and ankle are {r:.3f} m apart; the leg spans {abs(Lt - Ls):.3f} to "
                                  f"{Lt + Ls:.3f} m.")
    a = (Lt ** 2 - Ls ** 2 + r ** 2) / (2 * r)
    h = math.sqrt(max(Lt ** 2 - a ** 2, 0.0))
    u = d / r
    n = np.array([-u[1], u[0]])
    return hip + a * u + knee_side * h * n


def _segment_angles_from_points(ankle, knee, hip):
    """Shank lean and thigh angle (rad) from joint centres; the thigh is wrapped so the knee
    flexion lies in (-180, 180] deg."""
    shank = math.atan2(knee[0] - ankle[0], knee[1] - ankle[1])
    thigh = math.atan2(knee[0] - hip[0], hip[1] - knee[1])
    knee_flexion = (shank + thigh + math.pi) % (2 * math.pi) - math.pi
    return shank, knee_flexion - shank


#: Leg press geometry (a modelling choice): the sled runs at 45 deg; the backrest holds
#: the trunk 60 deg behind vertical (30 deg above horizontal).
LEG_PRESS_SLED_DEG = 45.0
LEG_PRESS_TRUNK_DEG = -60.0


def leg_press(body: Body, *, hip_to_platform_m: float, foot_offset_m: float, sled_mass_kg: float,
              sled_deg: float = LEG_PRESS_SLED_DEG, trunk_deg: float = LEG_PRESS_TRUNK_DEG):
    """A 45-degree leg press: pelvis on the seat, feet on the platform, the sled's weight on the feet.

    Parameters
    ----------
    hip_to_platform_m : float
        Distance from the hip joint to the ankle, measured along the sled (depth:
        smaller is deeper); the sole lies on the platform, parallel to it.
    foot_offset_m : float
        Where the ankle sits across the sled, from the line through the hip along the
        sled; positive = higher on the platform (feet high).
    sled_mass_kg : float
        Sled plus plates; the platform pushes on the feet with m g sin(sled angle)
        along the sled (friction left out), shared by both feet at the midfoot.

    Returns
    -------
    pose : Pose, result : MomentResult (``support="pelvis"``), info : dict
    """
    th = math.radians(sled_deg)
    d = np.array([math.cos(th), math.sin(th)])          # along the sled, away from the seat
    p = np.array([-math.sin(th), math.cos(th)])         # up the platform
    hip = np.zeros(2)
    ankle = hip + hip_to_platform_m * d + foot_offset_m * p
    fg = body.foot_geometry
    knee = _two_link_knee(hip, ankle, body.thigh.length_m, body.shank.length_m, knee_side=1.0)
    shank, thigh = _segment_angles_from_points(ankle, knee, hip)
    # the sole is the platform's line: heel-to-toe direction along +p (toes up the platform)
    foot = math.atan2(-p[1], p[0])                       # (cos f, -sin f) = p
    trunk = math.radians(trunk_deg)
    pose = Pose.from_radians(shank, thigh, trunk, foot, 0.0)
    force_n = sled_mass_kg * 9.80665 * math.sin(th)
    F = -force_n * d                                     # pushes the feet back toward the seat
    mid_along = fg.midfoot_x
    load = PointForce(segment="foot", along=Q_(mid_along, "m"), offset=Q_(0.0, "m"),
                      force=Q_([float(F[0]), float(F[1])], "N"), label="platform")
    res = statics.joint_moments(body, pose, [load], support="pelvis")
    return pose, res, {"force_n": force_n, "knee_flexion_deg": math.degrees(shank + thigh),
                       "hip_flexion_deg": math.degrees(thigh + trunk)}


def leg_extension(body: Body, knee_rad, *, pad_force_n: float, pad_along_fraction: float = 0.85,
                  thigh_deg: float = 90.0, trunk_deg: float = -10.0):
    """Seated leg extension: thigh on the seat, a pad force at right angles to the shin.

    ``knee_rad`` may be an array; the pad pushes toward knee flexion with a constant
    force (a cam that keeps the resistance constant), at ``pad_along_fraction`` of the
    shank length from the knee. Returns (pose, list of results per knee angle,
    knee moments in N*m as an array).
    """
    knee = np.atleast_1d(np.asarray(knee_rad, float))
    thigh = math.radians(thigh_deg)
    out = []
    for k in knee:
        s = k - thigh
        normal_front = np.array([math.cos(s), -math.sin(s)])
        F = -pad_force_n * normal_front
        load = PointForce(segment="shank", along=Q_(pad_along_fraction * body.shank.length_m, "m"),
                          force=Q_([float(F[0]), float(F[1])], "N"), label="pad")
        pose = Pose.from_radians(s, thigh, math.radians(trunk_deg), 0.0, 0.0)
        out.append(statics.joint_moments(body, pose, [load], support="pelvis"))
    pose = Pose.from_radians(knee - thigh, thigh, math.radians(trunk_deg), 0.0, 0.0)
    return pose, out, np.array([float(r.knee.magnitude) for r in out])


def lying_leg_curl(body: Body, knee_rad, *, pad_force_n: float, pad_along_fraction: float = 0.85):
    """Prone leg curl: trunk and thighs on the bench, a roller force at right angles to the
    back of the shin pushing toward knee extension (constant, as on a cam machine)."""
    knee = np.atleast_1d(np.asarray(knee_rad, float))
    thigh, trunk = -0.5 * math.pi, 0.5 * math.pi
    out = []
    for k in knee:
        s = k - thigh
        normal_front = np.array([math.cos(s), -math.sin(s)])
        F = pad_force_n * normal_front       # on the back of the shin, pushing toward its front
        load = PointForce(segment="shank", along=Q_(pad_along_fraction * body.shank.length_m, "m"),
                          force=Q_([float(F[0]), float(F[1])], "N"), label="roller")
        pose = Pose.from_radians(s, thigh, trunk, 0.0, 0.0)
        out.append(statics.joint_moments(body, pose, [load], support="pelvis"))
    pose = Pose.from_radians(knee - thigh, thigh, trunk, 0.0, 0.0)
    return pose, out


def romanian_deadlift_path(body: Body, loads=(), *, shank_deg: float = 8.0, knee_deg: float = 20.0,
                           bottom_trunk_deg: float = 80.0, top_trunk_deg: float = 0.0):
    """Rep path of an RDL: trunk lean from top to bottom; the thigh balances over the midfoot
    with the knees soft (knee flexion fixed by moving the shank with the thigh is not
    needed: the shank is fixed and the thigh solved, then the knee angle is reported)."""
    def path(f):
        f = np.asarray(f, float)
        trunk = np.radians(top_trunk_deg + f * (bottom_trunk_deg - top_trunk_deg))
        pose, _ = balanced_pose(body, {"shank": np.radians(shank_deg) + 0 * f, "trunk": trunk, "arms": -0.0 * f},
                                loads, solve="thigh", branch=0.2)
        return pose
    return path


def back_extension_path(bench_deg: float = 45.0, *, bottom_hip_deg: float = 90.0):
    """Rep path of a back extension on a bench inclined ``bench_deg`` from the horizontal
    (45 = the common hyperextension bench, 0 = a horizontal roman chair).

    The legs lie along the bench (thigh angle = -(90 - bench_deg) deg: knee behind hip),
    the arms are folded on the chest (along the trunk), fraction 0 = top (hip flexion 0).
    Use with ``support="thighs"``: the hip and lumbar moments come from above the pad.
    """
    thigh = -math.radians(90.0 - bench_deg)
    shank = -thigh

    def path(f):
        f = np.asarray(f, float)
        hip = np.radians(f * bottom_hip_deg)
        trunk = hip - thigh
        return Pose.from_radians(shank + 0 * f, thigh + 0 * f, trunk, 0.0, -trunk)
    return path


def calf_raise(body: Body, foot_rad, *, shank_rad=None, loads=(), stance="both"):
    """Standing calf raise, knees straight, trunk upright: the straight legs lean about the
    ankles so the centre of mass lies over the ball of the foot. With ``shank_rad`` given
    (the shin driven forward), the legs keep that lean and the trunk balances instead."""
    foot = np.asarray(foot_rad, float)
    if shank_rad is None:
        return balanced_pose(body, {"foot": foot}, loads, solve="leg", target="ball", stance=stance)
    shank = np.asarray(shank_rad, float)
    return balanced_pose(body, {"foot": foot, "shank": shank, "thigh": -shank}, loads, target="ball",
                         stance=stance, branch=0.0)


def calf_raise_path(body: Body, *, top_foot_deg: float = 35.0, bottom_foot_deg: float = -15.0, loads=()):
    """Rep path of a standing calf raise on a step: fraction 0 = top (heels high), 1 = bottom (stretch)."""
    def path(f):
        f = np.asarray(f, float)
        foot = np.radians(top_foot_deg + f * (bottom_foot_deg - top_foot_deg))
        pose, _ = calf_raise(body, foot, loads=loads)
        return pose
    return path


def seated_calf_raise(body: Body, foot_rad, *, ball_force_n: float, knee_deg: float = 90.0):
    """Seated calf raise: shank vertical, thigh on the seat, the platform pushing up on the
    ball of each foot with ``ball_force_n`` (what the pad load and the legs' weight put
    through it). Ankle and knee moments from the foot side (``support="thighs"``)."""
    foot = float(foot_rad)
    thigh = math.radians(knee_deg)
    load = PointForce(segment="foot", along=Q_(body.foot_geometry.ball_x, "m"),
                      force=Q_([0.0, 2 * ball_force_n], "N"), label="platform")
    pose = Pose.from_radians(0.0, thigh, 0.0, foot, 0.0)
    return pose, statics.joint_moments(body, pose, [load], support="thighs")
