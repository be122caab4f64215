"""Gait-lab inverse dynamics: a planar chain solved from the ground up (Winter's method).

When the feet move (walking, running, jumping) a static or top-down solution needs to know
where the body is supported. A gait laboratory measures that instead: a force plate gives the
ground reaction force and its centre of pressure, cameras give the segment positions. The
net joint loads then follow segment by segment, from the foot up (Winter 2009,
*Biomechanics and Motor Control of Human Movement*, 4th ed., ch. 5 "Kinetics: forces and
moments of force", the link-segment model):

1. foot: the ground reaction (force and, where the plate gives one, a free moment) at the
   centre of pressure, the foot's weight and its inertia give the force and moment that the
   shank applies to the foot at the ankle;
2. shank: minus those at the ankle, plus its weight and inertia, give the force and moment
   of the thigh on the shank at the knee;
3. thigh: likewise at the hip; more segments can follow upward.

For each segment, with ``a`` its centre-of-mass acceleration and ``alpha`` its angular
acceleration (Newton-Euler, planar)::

    F_prox = m (a - g) - F_dist
    M_prox = I alpha - M_dist - (r_prox - r_com) x F_prox - (r_dist - r_com) x F_dist

where ``g = (0, -9.80665) m/s^2`` and ``x`` is the planar cross product
``a x b = a_x b_y - a_y b_x``. All frames are solved at once (arrays), one segment at a time.

Sign conventions
----------------
Frame as everywhere in the library (DESIGN): x forward, the direction of progression; y up;
viewed from the subject's right side, so counter-clockwise (CCW) is positive about z.

* **Data convention** (Winter's Table A.5, the ISB benchmark): the moment that the proximal
  segment applies to the distal segment at the joint, CCW positive. Returned as
  ``moment_ccw``.
* **Anatomical convention** (the library's): positive = ankle plantarflexor, knee extensor,
  hip extensor (lumbar extensor) demand. Returned as ``moment``. The conversion is one sign
  per joint, :data:`ANATOMICAL_SIGN`: ankle -1, knee +1, hip -1, lumbar -1. Why: an ankle
  plantarflexor moment turns the foot toes-down, which for a subject facing +x is clockwise;
  a knee extensor swings the shank forward under the knee, counter-clockwise; a hip extensor
  swings the thigh backward under the hip, clockwise; a lumbar extensor turns the pelvis
  (below L5/S1) backward relative to the trunk, clockwise.

Examples
--------
A quasi-static leg with massless segments, 800 N straight up at 0.10 m (hand-worked in
``docs/validation_inverse_dynamics.md``):

>>> import numpy as np
>>> from biomech.mechanics.gaitlab import bottom_up_inverse_dynamics, to_anatomical
>>> joints = np.array([[0.05, 0.08], [0.25, 0.45], [-0.10, 0.80]])   # ankle, knee, hip
>>> res = bottom_up_inverse_dynamics(joints, com=joints, com_acc=np.zeros((3, 2)),
...     alpha=np.zeros(3), mass=np.zeros(3), inertia=np.zeros(3),
...     force=np.array([0.0, 800.0]), cop=np.array([0.10, 0.0]))
>>> res.moment_ccw.round(6) + 0.0
array([ -40.,  120., -160.])
>>> to_anatomical(res.moment_ccw).round(6) + 0.0
array([ 40., 120., 160.])
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Sequence

import numpy as np
import pint

from ..errors import InputValueError, RangeError
from ..motion.filtering import DEFAULT_CUTOFF_HZ, check_time, derivative, lowpass
from .results import ResultBase, jsonable
from ..units import quantity, to_si

__all__ = [
    "G",
    "ANATOMICAL_SIGN",
    "GroundReaction",
    "SegmentKinematics",
    "BottomUpResult",
    "GaitLabResult",
    "segment_kinematics",
    "bottom_up_inverse_dynamics",
    "to_anatomical",
    "from_anatomical",
    "gait_inverse_dynamics",
]

# Standard gravity (m/s^2), the anatomical sign table (it turns a data-convention moment, on
# the distal segment, CCW positive, subject facing +x, into the anatomical one) and the joint
# names have one home, biomech.constants.
from ..constants import ANATOMICAL_SIGN, G  # noqa: E402
from ..constants import LEG_JOINTS as _DEFAULT_JOINTS  # noqa: E402


def _signs(joints: Sequence[str]) -> np.ndarray:
    try:
        return np.array([ANATOMICAL_SIGN[j] for j in joints])
    except KeyError as exc:
        raise InputValueError(f"joints={tuple(joints)!r} holds {exc.args[0]!r}; each joint must be one of "
                              f"{tuple(ANATOMICAL_SIGN)}.") from None


def to_anatomical(moment_ccw, joints: Sequence[str] = _DEFAULT_JOINTS):
    """Convert data-convention moments to anatomical signs.

    Parameters
    ----------
    moment_ccw : array_like or pint.Quantity, shape (..., len(joints))
        Moment of the proximal segment on the distal one, CCW positive (x forward, y up,
        seen from the subject's right), N m.
    joints : sequence of str
        Joint of each last-axis column, from the ground up (default ankle, knee, hip).

    Returns
    -------
    same type as ``moment_ccw``
        Positive = ankle plantarflexor, knee extensor, hip and lumbar extensor demand.

    Examples
    --------
    >>> to_anatomical([-89.8, 37.8, -54.4])   # Winter 2009 Table A.5, frames 61, 37, 28
    array([89.8, 37.8, 54.4])
    """
    s = _signs(joints)
    is_q = isinstance(moment_ccw, pint.Quantity)
    m = np.asarray(moment_ccw.magnitude if is_q else moment_ccw, dtype=float)
    if m.ndim == 0 or m.shape[-1] != s.size:
        raise InputValueError(f"moment_ccw has shape {m.shape}; its last axis must have one column per joint "
                              f"({len(s)}: {tuple(joints)}).")
    return moment_ccw * s if is_q else m * s


def from_anatomical(moment, joints: Sequence[str] = _DEFAULT_JOINTS):
    """Inverse of :func:`to_anatomical` (the signs are their own inverse).

    Examples
    --------
    >>> from_anatomical([89.8, 37.8, 54.4])
    array([-89.8,  37.8, -54.4])
    """
    return to_anatomical(moment, joints)


# --------------------------------------------------------------------------- kinematics
class SegmentKinematics(NamedTuple):
    """Segment kinematics in SI, from the ground up (segment 0 is the foot).

    Attributes
    ----------
    joints : ndarray, shape (n, s, 2)
        Proximal joint of each segment (ankle, knee, hip, ...), m.
    com, com_acc : ndarray, shape (n, s, 2)
        Centre-of-mass position (m) and acceleration (m/s^2).
    angle, omega, alpha : ndarray, shape (n, s)
        Angle of the line from the distal to the proximal point, CCW from +x (Winter's
        Table A.3 convention; rad, unwrapped), its rate (rad/s) and acceleration (rad/s^2).
    """

    joints: np.ndarray
    com: np.ndarray
    com_acc: np.ndarray
    angle: np.ndarray
    omega: np.ndarray
    alpha: np.ndarray


def _uniform_rate(t: np.ndarray) -> float:
    dt = np.diff(t)
    h = float(np.median(dt))
    if np.max(np.abs(dt - h)) > 1e-3 * h:
        raise InputValueError(f"time is not uniformly sampled (steps from {dt.min():g} to {dt.max():g} s); "
                              "filtering needs a uniform rate: resample first, or pass cutoff=None.")
    return 1.0 / h


def segment_kinematics(time, points, com_fraction, cutoff: float | None = DEFAULT_CUTOFF_HZ) -> SegmentKinematics:
    """Segment kinematics of a planar chain from measured point trajectories (kernel, SI).

    Segment ``i`` runs from its distal point ``points[:, i]`` to its proximal point
    ``points[:, i + 1]``: with points (toe, ankle, knee, hip) the segments are foot
    (ankle-toe), shank (knee-ankle) and thigh (hip-knee). Its centre of mass lies at
    ``com_fraction[i]`` of the way from the proximal to the distal point. The points are
    low-pass filtered (:func:`biomech.motion.filtering.lowpass`, zero lag) when ``cutoff`` is
    given, then differentiated by central differences.

    Parameters
    ----------
    time : array_like, shape (n,)
        Sample times, s; strictly increasing (uniform when filtering).
    points : array_like, shape (n, s + 1, 2)
        Point trajectories from the ground up, m.
    com_fraction : array_like, shape (s,)
        Centre of mass of each segment as a fraction of its length from the proximal point.
    cutoff : float or None
        Low-pass cutoff, Hz (the -3 dB point of the two-pass filter); None for no filter.

    Returns
    -------
    SegmentKinematics

    Examples
    --------
    >>> import numpy as np
    >>> t = np.linspace(0, 1, 101)
    >>> pts = np.zeros((101, 2, 2)); pts[:, 1, 1] = 1.0; pts[:, :, 0] = t[:, None] ** 2
    >>> k = segment_kinematics(t, pts, [0.5], cutoff=None)
    >>> k.com_acc[50, 0].round(6) + 0.0, k.alpha[50].round(6) + 0.0
    (array([2., 0.]), array([0.]))
    """
    t = check_time(time, "time")
    p = np.asarray(points, dtype=float)
    if p.ndim != 3 or p.shape[0] != t.size or p.shape[2] != 2 or p.shape[1] < 2:
        raise InputValueError(f"points has shape {p.shape}; (n, s+1, 2) is expected with n = {t.size} samples, "
                              "at least 2 points from the ground up and (x, y) last.")
    f = np.asarray(com_fraction, dtype=float)
    s = p.shape[1] - 1
    if f.shape != (s,):
        raise InputValueError(f"com_fraction has shape {f.shape}; one fraction per segment ({s}) is expected.")
    if np.any(~np.isfinite(f)) or np.any(f < 0) or np.any(f > 1):
        raise RangeError(f"com_fraction={f.tolist()} must lie in 0..1 (fractions of each segment from its proximal end).")
    bad = np.flatnonzero(~np.all(np.isfinite(p), axis=(1, 2)))
    if bad.size:
        raise InputValueError(f"points holds NaN or infinite values at {bad.size} sample(s), the first at sample "
                              f"{bad[0]} (t = {t[bad[0]]:g} s); fill or cut gaps before inverse dynamics.")
    if cutoff is not None:
        p = lowpass(p, fs=_uniform_rate(t), cutoff=cutoff, axis=0)
    distal, proximal = p[:, :-1], p[:, 1:]
    com = proximal + f[:, None] * (distal - proximal)
    d = proximal - distal
    angle = np.unwrap(np.arctan2(d[..., 1], d[..., 0]), axis=0)
    return SegmentKinematics(
        joints=proximal,
        com=com,
        com_acc=derivative(com, t, order=2),
        angle=angle,
        omega=derivative(angle, t, order=1),
        alpha=derivative(angle, t, order=2),
    )


# --------------------------------------------------------------------------- kernel
class BottomUpResult(NamedTuple):
    """Joint loads from :func:`bottom_up_inverse_dynamics`, data convention, SI.

    Attributes
    ----------
    joint_force : ndarray, shape (..., s, 2)
        Force of the proximal segment on segment ``i`` at its proximal joint, N.
    moment_ccw : ndarray, shape (..., s)
        Moment of the proximal segment on segment ``i`` at its proximal joint, CCW
        positive, N m.
    """

    joint_force: np.ndarray
    moment_ccw: np.ndarray


def _cross(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0]


def bottom_up_inverse_dynamics(joints, com, com_acc, alpha, mass, inertia, force, cop,
                               free_moment=0.0, g: float = G) -> BottomUpResult:
    """Net joint forces and moments of a planar chain, from a measured ground reaction (kernel, SI).

    Segments are ordered from the ground up (foot, shank, thigh, ...); segment 0 carries the
    ground reaction; each next segment carries minus the load found at the previous one's
    proximal joint. Vectorized over any leading (frame) axes; the only loop is over the few
    segments.

    Parameters
    ----------
    joints : array_like, shape (..., s, 2)
        Proximal joint of each segment (ankle, knee, hip, ...), m.
    com : array_like, shape (..., s, 2)
        Segment centres of mass, m.
    com_acc : array_like, shape (..., s, 2)
        Centre-of-mass accelerations, m/s^2.
    alpha : array_like, shape (..., s)
        Segment angular accelerations, CCW positive, rad/s^2.
    mass : array_like, shape (s,)
        Segment masses, kg.
    inertia : array_like, shape (s,)
        Moments of inertia about each centre of mass (axis normal to the plane), kg m^2.
    force : array_like, shape (..., 2)
        Ground reaction force on the foot, N (zero when the foot is in the air).
    cop : array_like, shape (..., 2)
        Centre of pressure (point of application of ``force``), m.
    free_moment : array_like, shape (...)
        Free moment of the ground on the foot about z, CCW positive, N m (default 0).
    g : float
        Gravitational acceleration, m/s^2, acting along -y.

    Returns
    -------
    BottomUpResult
        ``joint_force`` (..., s, 2) and ``moment_ccw`` (..., s): the loads of the proximal
        segment on each segment at its proximal joint (data convention; see
        :func:`to_anatomical`).

    Raises
    ------
    InputValueError
        Shapes that do not match, or non-finite values.

    Examples
    --------
    A foot of 1 kg hanging at rest with its centre of mass 0.05 m ahead of the ankle: the
    shank holds it up with 9.81 N and a CCW moment of 0.49 N m (dorsiflexor).

    >>> import numpy as np
    >>> r = bottom_up_inverse_dynamics([[0.0, 0.1]], [[0.05, 0.1]], [[0.0, 0.0]], [0.0],
    ...                                [1.0], [0.002], [0.0, 0.0], [0.0, 0.0])
    >>> r.joint_force.round(4), r.moment_ccw.round(4)
    (array([[0.    , 9.8066]]), array([0.4903]))
    """
    names = ("joints", "com", "com_acc", "alpha", "mass", "inertia", "force", "cop", "free_moment")
    arrs = []
    for name, v in zip(names, (joints, com, com_acc, alpha, mass, inertia, force, cop, free_moment)):
        try:
            a = np.asarray(v, dtype=float)
        except (TypeError, ValueError):
            raise InputValueError(f"{name}={v!r} is not an array of numbers (SI units expected).") from None
        if not np.all(np.isfinite(a)):
            raise InputValueError(f"{name} holds NaN or infinite values; finite numbers are expected "
                                  "(fill gaps and mask the swing phase with a zero force).")
        arrs.append(a)
    joints, com, com_acc, alpha, mass, inertia, force, cop, free_moment = arrs
    if mass.ndim != 1 or inertia.shape != mass.shape:
        raise InputValueError(f"mass has shape {mass.shape} and inertia {inertia.shape}; one value per segment "
                              "(shape (s,)) is expected for both.")
    s = mass.size
    for name, a, tail in (("joints", joints, (s, 2)), ("com", com, (s, 2)), ("com_acc", com_acc, (s, 2)),
                          ("alpha", alpha, (s,)), ("force", force, (2,)), ("cop", cop, (2,))):
        if a.shape[a.ndim - len(tail):] != tail or a.ndim < len(tail):
            raise InputValueError(f"{name} has shape {a.shape}; its trailing shape must be {tail} "
                                  f"({s} segment(s) from the ground up, (x, y) last).")
    if np.any(mass < 0) or np.any(inertia < 0):
        raise RangeError(f"mass={mass.tolist()} and inertia={inertia.tolist()} must not be negative.")
    try:
        lead = np.broadcast_shapes(joints.shape[:-2], com.shape[:-2], com_acc.shape[:-2], alpha.shape[:-1],
                                   force.shape[:-1], cop.shape[:-1], free_moment.shape)
    except ValueError:
        raise InputValueError("the frame axes of joints, com, com_acc, alpha, force, cop and free_moment do not "
                              f"broadcast: {joints.shape}, {com.shape}, {com_acc.shape}, {alpha.shape}, "
                              f"{force.shape}, {cop.shape}, {free_moment.shape}.") from None
    gvec = np.array([0.0, -g])
    jf = np.empty(lead + (s, 2))
    jm = np.empty(lead + (s,))
    f_dist = np.broadcast_to(force, lead + (2,))
    m_dist = np.broadcast_to(free_moment, lead)
    r_dist = np.broadcast_to(cop, lead + (2,))
    for i in range(s):
        r_com = com[..., i, :]
        r_prox = joints[..., i, :]
        f_prox = mass[i] * (com_acc[..., i, :] - gvec) - f_dist
        m_prox = (inertia[i] * alpha[..., i] - m_dist
                  - _cross(r_prox - r_com, f_prox) - _cross(r_dist - r_com, f_dist))
        jf[..., i, :] = f_prox
        jm[..., i] = m_prox
        f_dist, m_dist, r_dist = -f_prox, -m_prox, r_prox
    return BottomUpResult(joint_force=jf, moment_ccw=jm)


# --------------------------------------------------------------------------- public, with units
@dataclass(frozen=True, eq=False)
class GroundReaction:
    """A measured ground reaction: force, centre of pressure and (optionally) free moment.

    What a force plate gives, in the library's frame (x forward, y up, seen from the right):
    the force of the ground on the foot and the point on the ground where it acts. Over time,
    give arrays whose first axis is the frame; frames without contact carry a zero force (the
    centre of pressure is then irrelevant but must be finite).

    Parameters
    ----------
    force : pint.Quantity, shape (..., 2)
        Ground reaction force (x, y) on the foot, N-compatible.
    cop : pint.Quantity, shape (..., 2)
        Centre of pressure (x, y), length.
    free_moment : pint.Quantity, shape (...), optional
        Free moment of the ground on the foot about z, CCW positive, N m (default zero).

    Examples
    --------
    >>> from biomech import Q_
    >>> grf = GroundReaction(force=Q_([0.0, 800.0], "N"), cop=Q_([10.0, 0.0], "cm"))
    >>> grf.si()[1]
    array([0.1, 0. ])
    """

    force: Any
    cop: Any
    free_moment: Any = None
    _si: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        f = np.asarray(to_si(self.force, "N", "force"), dtype=float)
        c = np.asarray(to_si(self.cop, "m", "cop"), dtype=float)
        if f.ndim < 1 or f.shape[-1] != 2:
            raise InputValueError(f"force has shape {f.shape}; (..., 2) with (x, y) components is expected.")
        if c.ndim < 1 or c.shape[-1] != 2:
            raise InputValueError(f"cop has shape {c.shape}; (..., 2) with (x, y) coordinates is expected.")
        mz = 0.0 if self.free_moment is None else np.asarray(to_si(self.free_moment, "N*m", "free_moment"))
        try:
            np.broadcast_shapes(f.shape[:-1], c.shape[:-1], np.shape(mz))
        except ValueError:
            raise InputValueError(f"force {f.shape}, cop {c.shape} and free_moment {np.shape(mz)} do not "
                                  "broadcast over frames.") from None
        object.__setattr__(self, "_si", (f, c, np.asarray(mz, dtype=float)))

    def si(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The force (N), centre of pressure (m) and free moment (N m) as SI arrays."""
        return self._si


class GaitLabResult(ResultBase):
    """Joint loads over time from :func:`gait_inverse_dynamics`.

    A member of the result family (:mod:`biomech.mechanics.results`): ``.moments`` (a
    :class:`~biomech.mechanics.results.JointValues`: the joints of the chain, N·m, anatomical signs,
    each of shape (n,); a joint the chain does not have reads as NaN), the shortcuts
    ``res.ankle``, ``res.knee``, ``res.hip``, ``.per_kg`` (when ``body_mass`` was given),
    ``.dims == ("time",)``, ``to_dict()`` and ``to_dataframe()``.

    Attributes
    ----------
    time : pint.Quantity, shape (n,)
    joints : tuple of str
        Joint names from the ground up.
    moment_ccw : pint.Quantity, shape (n, s)
        The moments in the data convention (moment on the distal segment, CCW positive).
    joint_force : pint.Quantity, shape (n, s, 2)
        Force of the proximal segment on the distal one at each joint, N.
    cutoff : pint.Quantity or None
        The low-pass cutoff used.
    body_mass : pint.Quantity or None
        The subject's mass, for ``per_kg``.

    ``.moment`` (the (n, s) array of anatomical moments) is deprecated: use ``.moments``.
    """

    _dims = ("time",)

    def __init__(self, time, joints, moment, moment_ccw, joint_force, cutoff, body_mass=None):
        self.time = time
        self.joints = tuple(joints)
        self._moment = moment                      # (n, s) Quantity, anatomical signs
        self.moment_ccw = moment_ccw
        self.joint_force = joint_force
        self.cutoff = cutoff
        self.body_mass = body_mass

    def _moment_si(self):
        m = np.asarray(self._moment.to("N*m").magnitude)
        return {j: m[:, i] for i, j in enumerate(self.joints)}

    def _mass_kg(self):
        return None if self.body_mass is None else float(to_si(self.body_mass, "kg", "body_mass"))

    @property
    def shape(self):
        return (np.shape(self._moment)[0],)

    @property
    def moment(self):
        """Deprecated: the (n, s) array of anatomical moments; use ``.moments``."""
        warnings.warn("GaitLabResult.moment is deprecated: use .moments (res.moments.knee, or res.knee).",
                      DeprecationWarning, stacklevel=2)
        return self._moment

    def _dict_extras(self):
        return {"joints": list(self.joints), "time_s": jsonable(self.time.to("s").magnitude),
                "cutoff_Hz": None if self.cutoff is None else jsonable(self.cutoff.to("Hz").magnitude)}

    def _frame_columns(self):
        return {"time_s": self.time.to("s").magnitude}


def gait_inverse_dynamics(time, points, mass, inertia, com_fraction, ground_reaction: GroundReaction, *,
                          cutoff: Any = "default", filter_force: bool = True,
                          joints: Sequence[str] = _DEFAULT_JOINTS, g: Any = None,
                          body_mass: Any = None) -> GaitLabResult:
    """Gait-lab inverse dynamics with units: measured points plus a measured ground reaction.

    Filters the point trajectories (and, by default, the ground reaction at the same cutoff),
    derives segment kinematics (:func:`segment_kinematics`) and solves the chain from the
    ground up (:func:`bottom_up_inverse_dynamics`).

    Parameters
    ----------
    time : pint.Quantity, shape (n,)
        Sample times (uniform when filtering).
    points : pint.Quantity, shape (n, s + 1, 2)
        Point trajectories from the ground up: the foot's distal point (toe or fifth
        metatarsal), then ankle, knee, hip (and further joints if the chain goes on).
    mass : pint.Quantity, shape (s,)
        Segment masses, foot first.
    inertia : pint.Quantity, shape (s,)
        Moments of inertia about each centre of mass, kg m^2-compatible.
    com_fraction : array_like, shape (s,)
        Centre of mass of each segment as a fraction of its length from its proximal joint.
    ground_reaction : GroundReaction
        Measured force and centre of pressure, one per frame.
    cutoff : pint.Quantity, "default" or None
        Low-pass cutoff (frequency); "default" uses
        :data:`biomech.motion.filtering.DEFAULT_CUTOFF_HZ`; None for no filtering (already
        smooth data).
    filter_force : bool
        Filter the ground reaction at the same cutoff (default True). It is filtered as a
        force and a moment about the origin (``cop x force + free moment``), which stays
        well defined when the force falls to zero at toe-off. Using the same cutoff for
        kinematics and force avoids the spurious impact peaks that different cutoffs
        produce (Bisseling & Hof 2006, J Biomech 39:2438; Kristianslund et al. 2012,
        J Biomech 45:666).
    joints : sequence of str
        Joint names from the ground up (for the sign conversion), default ankle, knee, hip.
    g : pint.Quantity, optional
        Gravitational acceleration (default 9.80665 m/s^2).
    body_mass : pint.Quantity, optional
        The subject's mass, for ``.per_kg`` (moments per kilogram of body mass).

    Returns
    -------
    GaitLabResult
        ``.moments`` in anatomical signs (``res.ankle``, ``res.knee``, ``res.hip``),
        ``moment_ccw`` in the data convention, ``joint_force``.

    Examples
    --------
    >>> import numpy as np
    >>> from biomech import Q_
    >>> t = Q_(np.arange(50) * 0.01, "s")
    >>> pts = np.tile([[0.20, 0.0], [0.05, 0.08], [0.25, 0.45], [-0.10, 0.80]], (50, 1, 1))
    >>> grf = GroundReaction(force=Q_(np.tile([0.0, 800.0], (50, 1)), "N"),
    ...                      cop=Q_(np.tile([0.10, 0.0], (50, 1)), "m"))
    >>> res = gait_inverse_dynamics(t, Q_(pts, "m"), Q_([0, 0, 0], "kg"), Q_([0, 0, 0], "kg*m**2"),
    ...                             [0.5, 0.43, 0.43], grf)
    >>> res.knee[0]
    <Quantity(120.0, 'newton * meter')>
    """
    t = np.asarray(to_si(time, "s", "time"), dtype=float)
    t = check_time(t, "time")
    p = np.asarray(to_si(points, "m", "points"), dtype=float)
    m = np.atleast_1d(to_si(mass, "kg", "mass", nonnegative=True))
    inert = np.atleast_1d(to_si(inertia, "kg*m**2", "inertia", nonnegative=True))
    gval = G if g is None else float(to_si(g, "m/s**2", "g"))
    mass_q = None if body_mass is None else quantity(to_si(body_mass, "kg", "body_mass", positive=True), "kg")
    if not isinstance(ground_reaction, GroundReaction):
        raise InputValueError(f"ground_reaction={type(ground_reaction).__name__} is not a GroundReaction; "
                              "build one with GroundReaction(force=Q_(..., 'N'), cop=Q_(..., 'm')).")
    if isinstance(cutoff, str) and cutoff == "default":
        fc = DEFAULT_CUTOFF_HZ
    elif cutoff is None:
        fc = None
    else:
        fc = float(to_si(cutoff, "Hz", "cutoff", positive=True))
    joints = tuple(joints)
    if len(joints) != m.size:
        raise InputValueError(f"joints={joints!r} names {len(joints)} joint(s) but mass gives {m.size} segment(s).")
    _signs(joints)
    force, cop, mz = ground_reaction.si()
    n = t.size
    try:
        force = np.broadcast_to(force, (n, 2))
        cop = np.broadcast_to(cop, (n, 2))
        mz = np.broadcast_to(mz, (n,))
    except ValueError:
        raise InputValueError(f"ground_reaction has force {force.shape}, cop {cop.shape}; one value per frame "
                              f"({n}) is expected.") from None
    kin = segment_kinematics(t, p, np.broadcast_to(np.asarray(com_fraction, dtype=float), m.shape), cutoff=fc)
    if fc is not None and filter_force:
        fs = _uniform_rate(t)
        m_origin = _cross(cop, force) + mz
        force = lowpass(force, fs, fc, axis=0)
        m_origin = lowpass(m_origin, fs, fc, axis=0)
        cop, mz = np.zeros_like(cop), m_origin   # equivalent load: force at the origin plus a moment
    res = bottom_up_inverse_dynamics(kin.joints, kin.com, kin.com_acc, kin.alpha, m, inert, force, cop, mz, gval)
    return GaitLabResult(
        time=quantity(t, "s"),
        joints=joints,
        moment=quantity(to_anatomical(res.moment_ccw, joints), "N*m"),
        moment_ccw=quantity(res.moment_ccw, "N*m"),
        joint_force=quantity(res.joint_force, "N"),
        cutoff=None if fc is None else quantity(fc, "Hz"),
        body_mass=mass_q,
    )


#: Names that moved to :mod:`biomech.validation.gait` in 0.2.0 (the ISB and Winter studies).
_MOVED_TO_VALIDATION = ("isb_inverse_dynamics", "isb_cutoff_study", "winter_appendix_a_check",
                        "WINTER_TABLE_4_1", "WINTER_FITTED")


def __getattr__(name: str):
    """The validation studies that lived here in 0.1, for one release, with a DeprecationWarning."""
    if name in _MOVED_TO_VALIDATION:
        import importlib
        import warnings

        warnings.warn(f"biomech.mechanics.gaitlab.{name} moved to biomech.validation.gait.{name} in 0.2.0",
                      DeprecationWarning, stacklevel=2)
        return getattr(importlib.import_module("biomech.validation.gait"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
