"""Torque over time: peaks, impulses, power, work and time above a threshold.

Static moments cannot tell a 3-0-1 tempo from a 1-0-1 tempo, or a pulse squat from a full
one; these measures can. For each joint (per rep, per set, per session):

* **peak moment**: the largest extensor moment, the largest flexor moment (as a negative
  number) and the signed value of largest magnitude, N*m;
* **extensor and flexor impulse**: the time integrals of the positive and of the negative
  part of the moment, kept apart so they cannot cancel, N*m*s (the flexor impulse is
  negative or zero);
* **joint power** = moment x joint angular velocity in the *extension* direction, W.
  Moments have anatomical signs (positive = extensor; plantarflexor at the ankle), so the
  power is positive when the muscles generate energy (an extensor moment while the joint
  extends: the concentric phase) and negative when they absorb it (an extensor moment while
  the joint flexes: the eccentric phase). Knee extension velocity = -d(knee flexion)/dt,
  hip extension velocity = -d(hip flexion)/dt, ankle plantarflexion velocity =
  -d(dorsiflexion)/dt (:meth:`biomech.motion.Motion.extension_velocity_rad_s`);
* **positive and negative work**: the time integrals of the positive and negative parts of
  the power, J (negative work is negative or zero);
* **time above a threshold**: how long the moment is at or beyond a fixed level - an
  absolute moment, or a stated fraction of a reference moment that does not depend on the
  rep (a maximal voluntary moment, the static moment of a reference pose). A threshold
  relative to the rep's own peak would make every rep look alike, so it is not offered.

Integrals treat the samples as a piecewise-linear signal and integrate its positive and
negative parts exactly (a sign change inside a sample interval is located by linear
interpolation), so the extensor and flexor impulses always add up to the trapezoidal
integral of the moment.

Examples
--------
>>> import numpy as np
>>> from biomech import Q_
>>> from biomech.motion.summaries import summarize_joint
>>> t = np.linspace(0.0, 2.0, 2001)
>>> m = 100 * np.sin(np.pi * t)                 # extensor for 1 s, flexor for 1 s
>>> s = summarize_joint(Q_(t, "s"), Q_(m, "N*m"), threshold=Q_(50, "N*m"))
>>> round(s.extensor_impulse.magnitude, 2), round(s.flexor_impulse.magnitude, 2)   # +-200/pi
(63.66, -63.66)
>>> round(s.time_above.magnitude, 3)          # sin > 0.5 for 2/3 of the first second
0.667
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import numpy as np

from ..errors import InputValueError
from ..units import as_fraction, quantity, to_si

__all__ = ["JointSummary", "SetSummary", "SessionSummary", "summarize_joint", "summarize_set", "summarize_motion",
           "split_integral_kernel", "time_above_kernel", "joint_power_kernel", "peak_kernel", "JOINTS"]

#: Joints reported, in order (the lumbar point has no angular velocity in a rigid trunk).
from ..constants import JOINTS  # noqa: E402  (one home: constants.py)


# -- kernels ------------------------------------------------------------------------------
def _interval_split(t: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per sample interval: integrals of the positive and negative parts of a linear signal."""
    t = np.asarray(t, dtype=float)
    y = np.asarray(y, dtype=float)
    dt = np.diff(t).reshape((-1,) + (1,) * (y.ndim - 1))
    y0, y1 = y[:-1], y[1:]
    total = 0.5 * (y0 + y1) * dt
    p = np.maximum(y0, y1)
    q = np.minimum(y0, y1)
    mixed = (p > 0) & (q < 0)
    span = np.where(mixed, p - q, 1.0)
    # each part integrated on its own, so round-off can never give a part the wrong sign
    pos = np.where(q >= 0, total, np.where(p <= 0, 0.0, 0.5 * p * p / span * dt))
    neg = np.where(p <= 0, total, np.where(q >= 0, 0.0, -0.5 * q * q / span * dt))
    return pos, neg


def split_integral_kernel(t: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Time integrals of the positive and of the negative part of ``y`` (axis 0 is time).

    The samples are joined by straight lines and each part integrated exactly, so
    ``pos + neg`` equals the trapezoidal integral of ``y``.

    Parameters
    ----------
    t : ndarray, shape (n,)
        Times, s, increasing.
    y : ndarray, shape (n, ...)
        Signal (a moment in N*m gives impulses in N*m*s; a power in W gives work in J).

    Returns
    -------
    pos, neg : ndarray
        ``pos >= 0`` and ``neg <= 0``, shape ``y.shape[1:]``.

    Examples
    --------
    >>> pos, neg = split_integral_kernel(np.array([0.0, 1.0]), np.array([1.0, -1.0]))
    >>> float(pos), float(neg)
    (0.25, -0.25)
    """
    pos, neg = _interval_split(t, y)
    return pos.sum(axis=0), neg.sum(axis=0)


def _interval_above(t: np.ndarray, y: np.ndarray, threshold: float) -> np.ndarray:
    """Per sample interval: time with the linear signal at or above ``threshold``."""
    t = np.asarray(t, dtype=float)
    y = np.asarray(y, dtype=float) - threshold
    dt = np.diff(t).reshape((-1,) + (1,) * (y.ndim - 1))
    y0, y1 = y[:-1], y[1:]
    p = np.maximum(y0, y1)
    q = np.minimum(y0, y1)
    span = np.where((p > 0) & (q < 0), p - q, 1.0)
    return np.where(q >= 0, dt, np.where(p <= 0, 0.0, p / span * dt))


def time_above_kernel(t: np.ndarray, y: np.ndarray, threshold: float) -> np.ndarray:
    """Time during which ``y`` is at or above ``threshold`` (linear between samples).

    >>> float(time_above_kernel(np.array([0.0, 1.0, 2.0]), np.array([0.0, 2.0, 0.0]), 1.0))
    1.0
    """
    return _interval_above(t, y, threshold).sum(axis=0)


def joint_power_kernel(moment: np.ndarray, extension_velocity: np.ndarray) -> np.ndarray:
    """Joint power, W: moment (N*m, anatomical sign) x angular velocity in the extension direction (rad/s).

    Positive when the muscles generate energy (concentric), negative when they absorb it.

    >>> float(joint_power_kernel(200.0, -1.5))   # an extensor moment while the knee flexes
    -300.0
    """
    return np.asarray(moment, dtype=float) * np.asarray(extension_velocity, dtype=float)


def peak_kernel(y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Largest positive value (or 0), largest negative value (or 0), and the signed value of largest magnitude.

    >>> [float(v) for v in peak_kernel(np.array([-3.0, 1.0, 2.0]))]
    [2.0, -3.0, -3.0]
    """
    y = np.asarray(y, dtype=float)
    hi = np.maximum(y.max(axis=0), 0.0)
    lo = np.minimum(y.min(axis=0), 0.0)
    return hi, lo, np.where(hi >= -lo, hi, lo)


# -- results ------------------------------------------------------------------------------
@dataclass(frozen=True)
class JointSummary:
    """Torque-over-time measures of one joint over one stretch of time (a rep, a set).

    Attributes
    ----------
    peak, peak_extensor, peak_flexor : Quantity
        N*m: signed value of largest magnitude, largest extensor (>= 0), largest flexor (<= 0).
    extensor_impulse, flexor_impulse : Quantity
        N*m*s: integrals of the positive (>= 0) and negative (<= 0) parts of the moment.
    positive_work, negative_work : Quantity
        J: integrals of the positive (>= 0) and negative (<= 0) parts of the joint power;
        NaN where no angular velocity is known (the lumbar point of a rigid trunk).
    peak_power : Quantity
        W: the signed joint power of largest magnitude (NaN without angular velocity).
    time_above : Quantity
        s at or beyond the threshold (NaN without a threshold).
    duration : Quantity
        s covered.
    """

    peak: Any
    peak_extensor: Any
    peak_flexor: Any
    extensor_impulse: Any
    flexor_impulse: Any
    positive_work: Any
    negative_work: Any
    peak_power: Any
    time_above: Any
    duration: Any

    def as_dict(self) -> dict[str, float]:
        """Magnitudes in SI (N*m, N*m*s, J, W, s), by field name."""
        return {k: float(getattr(self, k).magnitude) for k in self.__dataclass_fields__}


_COLUMNS = (("peak", "N*m"), ("extensor_impulse", "N*m*s"), ("flexor_impulse", "N*m*s"),
            ("positive_work", "J"), ("negative_work", "J"), ("time_above", "s"), ("duration", "s"))


@dataclass(frozen=True)
class SetSummary:
    """Per-joint measures of a set, and of each of its reps.

    Attributes
    ----------
    label : str
        Name shown in tables (e.g. "3-0-1 tempo").
    joints : dict of str to JointSummary
        Over the whole set.
    reps : tuple of dict of str to JointSummary
        One per rep, when the motion labels its reps (empty otherwise).
    threshold : str
        How the time-above threshold was set, for the table's caption.
    """

    label: str
    joints: dict
    reps: tuple = ()
    threshold: str = ""

    def rows(self) -> list[dict[str, Any]]:
        """One row per joint: label, joint and the measures in SI (for a DataFrame)."""
        return [{"set": self.label, "joint": j, **s.as_dict()} for j, s in self.joints.items()]

    def table(self) -> str:
        """The set's measures as a text table with units."""
        return _table(self.rows(), self.threshold)


@dataclass(frozen=True)
class SessionSummary:
    """Several sets side by side, e.g. a 3-0-1 tempo against a 1-0-1 tempo, or a pulse squat against a full squat.

    Parameters
    ----------
    sets : sequence of SetSummary
        The sets to compare, in order.
    """

    sets: tuple = field(default=())

    def __post_init__(self) -> None:
        sets = tuple(self.sets)
        for i, s in enumerate(sets):
            if not isinstance(s, SetSummary):
                raise InputValueError(f"sets[{i}]={s!r} is not a SetSummary; build one with summarize_set or summarize_motion.")
        object.__setattr__(self, "sets", sets)

    def rows(self) -> list[dict[str, Any]]:
        """One row per set and joint."""
        return [r for s in self.sets for r in s.rows()]

    def totals(self) -> dict[str, JointSummary]:
        """Impulses, work, time above and duration summed over the sets, peaks over them, per joint."""
        out = {}
        joints = [j for j in JOINTS if any(j in s.joints for s in self.sets)]
        for j in joints:
            parts = [s.joints[j] for s in self.sets if j in s.joints]
            peaks = np.array([p.peak.magnitude for p in parts])
            kw = {"peak": quantity(float(peaks[np.argmax(np.abs(peaks))]), "N*m"),
                  "peak_extensor": quantity(max(p.peak_extensor.magnitude for p in parts), "N*m"),
                  "peak_flexor": quantity(min(p.peak_flexor.magnitude for p in parts), "N*m")}
            pw = np.array([p.peak_power.magnitude for p in parts])
            kw["peak_power"] = quantity(float(pw[np.nanargmax(np.abs(pw))]) if np.any(np.isfinite(pw)) else np.nan, "W")
            for name, unit in (("extensor_impulse", "N*m*s"), ("flexor_impulse", "N*m*s"), ("positive_work", "J"),
                               ("negative_work", "J"), ("time_above", "s"), ("duration", "s")):
                kw[name] = quantity(float(sum(getattr(p, name).magnitude for p in parts)), unit)
            out[j] = JointSummary(**kw)
        return out

    def table(self) -> str:
        """All sets' measures, joint by joint, as a text table with units."""
        rows = sorted(self.rows(), key=lambda r: (JOINTS.index(r["joint"]) if r["joint"] in JOINTS else 99))
        caps = {s.threshold for s in self.sets if s.threshold}
        return _table(rows, "; ".join(sorted(caps)))


def _table(rows: list[dict[str, Any]], caption: str) -> str:
    heads = ["set", "joint"] + [f"{name.replace('_', ' ')} ({unit.replace('*', ' ')})" for name, unit in _COLUMNS]
    body = [[str(r["set"]), str(r["joint"])] + [f"{r[name]:.1f}" for name, _ in _COLUMNS] for r in rows]
    widths = [max(len(h), *(len(b[i]) for b in body)) if body else len(h) for i, h in enumerate(heads)]
    fmt = lambda cells: "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))  # noqa: E731
    lines = [fmt(heads), fmt(["-" * w for w in widths])] + [fmt(b) for b in body]
    if caption:
        lines.append(f"time above: {caption}")
    return "\n".join(lines)


# -- wrappers -----------------------------------------------------------------------------
def _threshold_si(threshold: Any, fraction: Any, reference: Any) -> tuple[float | None, str]:
    if threshold is not None and (fraction is not None or reference is not None):
        raise InputValueError("give either threshold= (a moment) or fraction= with reference=, not both.")
    if threshold is not None:
        thr = to_si(threshold, "N*m", "threshold", nonnegative=True)
        return float(thr), f"moment beyond {thr:g} N m"
    if fraction is not None or reference is not None:
        if fraction is None or reference is None:
            raise InputValueError("fraction= needs reference= (a moment that does not depend on the rep, such as a "
                                  "maximal voluntary moment), and the other way round.")
        f = float(as_fraction(fraction, "fraction", 0.0, 10.0))
        ref = abs(float(to_si(reference, "N*m", "reference")))
        return f * ref, f"moment beyond {f:g} x {ref:g} N m = {f * ref:g} N m"
    return None, ""


def _summary_si(t: np.ndarray, m: np.ndarray, w: np.ndarray | None, thr: float | None, side: str) -> JointSummary:
    hi, lo, pk = peak_kernel(m)
    pos, neg = split_integral_kernel(t, m)
    if w is not None:
        p = joint_power_kernel(m, w)
        pw, nw = split_integral_kernel(t, p)
        ppk = peak_kernel(p)[2]
    else:
        pw = nw = ppk = np.nan
    if thr is None:
        above = np.nan
    else:
        above = time_above_kernel(t, m if side == "extensor" else -m, thr)
    return JointSummary(quantity(float(pk), "N*m"), quantity(float(hi), "N*m"), quantity(float(lo), "N*m"),
                        quantity(float(pos), "N*m*s"), quantity(float(neg), "N*m*s"), quantity(float(pw), "J"),
                        quantity(float(nw), "J"), quantity(float(ppk), "W"), quantity(float(above), "s"),
                        quantity(float(t[-1] - t[0]), "s"))


def _check_series(t: np.ndarray, m: np.ndarray, name: str) -> None:
    if t.ndim != 1 or t.size < 2:
        raise InputValueError(f"time has shape {t.shape}; at least 2 sample times in a 1-D array are expected.")
    if np.any(np.diff(t) <= 0):
        i = int(np.flatnonzero(np.diff(t) <= 0)[0])
        raise InputValueError(f"time is not increasing at index {i} ({t[i]:g} s then {t[i + 1]:g} s).")
    if m.shape != t.shape:
        raise InputValueError(f"{name} has shape {m.shape} but time has shape {t.shape}; one value per time is expected.")


def summarize_joint(time: Any, moment: Any, extension_velocity: Any = None, *, threshold: Any = None,
                    fraction: Any = None, reference: Any = None, side: str = "extensor") -> JointSummary:
    """Torque-over-time measures of one joint.

    Parameters
    ----------
    time : Quantity
        Sample times (s), increasing.
    moment : Quantity
        Net joint moment (N*m) with anatomical sign (positive = extensor/plantarflexor).
    extension_velocity : Quantity, optional
        Joint angular velocity in the extension direction (rad/s); without it, work and
        power are NaN.
    threshold : Quantity, optional
        Absolute moment for the time above (N*m, >= 0).
    fraction, reference : float and Quantity, optional
        Or a fraction of a reference moment that does not depend on the rep.
    side : {"extensor", "flexor"}
        Count time with moment >= threshold (extensor) or <= -threshold (flexor).

    Returns
    -------
    JointSummary

    Examples
    --------
    >>> import numpy as np
    >>> from biomech import Q_
    >>> t = Q_(np.linspace(0, 4, 401), "s")
    >>> s = summarize_joint(t, Q_(np.full(401, 150.0), "N*m"), Q_(np.full(401, -0.5), "rad/s"),
    ...                     fraction=0.5, reference=Q_(250, "N*m"))
    >>> s.extensor_impulse, s.negative_work, s.time_above
    (<Quantity(600.0, 'newton * meter * second')>, <Quantity(-300.0, 'joule')>, <Quantity(4.0, 'second')>)
    """
    t = np.asarray(to_si(time, "s", "time"), dtype=float)
    m = np.asarray(to_si(moment, "N*m", "moment"), dtype=float)
    _check_series(t, m, "moment")
    w = None
    if extension_velocity is not None:
        w = np.asarray(to_si(extension_velocity, "rad/s", "extension_velocity"), dtype=float)
        _check_series(t, w, "extension_velocity")
    if side not in ("extensor", "flexor"):
        raise InputValueError(f"side={side!r} must be 'extensor' or 'flexor'.")
    thr, _ = _threshold_si(threshold, fraction, reference)
    return _summary_si(t, m, w, thr, side)


def _moments_dict(moments: Any) -> dict[str, Any]:
    if isinstance(moments, Mapping):
        out = dict(moments)
    else:
        out = {j: getattr(moments, j) for j in JOINTS if getattr(moments, j, None) is not None}
    if not out:
        raise InputValueError(f"moments={moments!r} holds no joint moments; a dict such as {{'knee': Q_(..., 'N*m')}} "
                              f"or a result with .ankle, .knee, .hip, .lumbar is expected.")
    return out


def summarize_set(time: Any, moments: Any, extension_velocity: Mapping[str, Any] | None = None, *,
                  rep: Sequence[int] | None = None, label: str = "", threshold: Any = None, fraction: Any = None,
                  reference: Any = None, side: str = "extensor") -> SetSummary:
    """Per-joint measures of a set and of each rep in it.

    Parameters
    ----------
    time : Quantity
        Sample times (s).
    moments : dict of str to Quantity, or a result with ``.ankle``, ``.knee``, ``.hip``, ``.lumbar``
        Net joint moments over time (N*m, anatomical signs). A result with more axes than
        time (per leg) must be reduced to one series per joint first.
    extension_velocity : dict of str to Quantity, optional
        Joint angular velocities in the extension direction (rad/s), by joint.
    rep : array of int, optional
        Rep index per frame (-1 outside reps); each sample interval counts toward the
        rep of its first frame.
    label : str
        Name of the set in tables.
    threshold, fraction, reference, side
        As in :func:`summarize_joint`; one threshold (or reference) for every joint,
        or a dict of them by joint.

    Returns
    -------
    SetSummary

    Examples
    --------
    >>> import numpy as np
    >>> from biomech import Q_
    >>> t = np.linspace(0, 2, 201)
    >>> s = summarize_set(Q_(t, "s"), {"knee": Q_(100 + 0 * t, "N*m")}, rep=(t >= 1).astype(int), label="demo")
    >>> [round(r["knee"].extensor_impulse.magnitude, 6) for r in s.reps]
    [100.0, 100.0]
    """
    t = np.asarray(to_si(time, "s", "time"), dtype=float)
    md = _moments_dict(moments)
    vel = dict(extension_velocity or {})
    labels = None if rep is None else np.asarray(rep)
    if labels is not None and labels.shape != t.shape:
        raise InputValueError(f"rep has shape {labels.shape} but time has shape {t.shape}; one label per frame is expected.")

    def per_joint(obj, j):
        return obj.get(j) if isinstance(obj, Mapping) else obj

    joints, per_rep, caption = {}, {}, ""
    for j, mq in md.items():
        m = np.asarray(to_si(mq, "N*m", f"moments[{j!r}]"), dtype=float)
        _check_series(t, m, f"moments[{j!r}]")
        w = None
        if vel.get(j) is not None:
            w = np.asarray(to_si(vel[j], "rad/s", f"extension_velocity[{j!r}]"), dtype=float)
            _check_series(t, w, f"extension_velocity[{j!r}]")
        thr, cap = _threshold_si(per_joint(threshold, j) if isinstance(threshold, Mapping) else threshold,
                                 per_joint(fraction, j) if isinstance(fraction, Mapping) else fraction,
                                 per_joint(reference, j) if isinstance(reference, Mapping) else reference)
        caption = cap if not caption else caption
        joints[j] = _summary_si(t, m, w, thr, side)
        if labels is not None:
            for r in sorted(int(x) for x in np.unique(labels) if x >= 0):
                idx = np.flatnonzero(labels == r)
                stop = min(idx[-1] + 2, t.size)          # close the last interval of the rep
                sl = slice(idx[0], stop)
                if stop - idx[0] < 2:
                    continue
                per_rep.setdefault(r, {})[j] = _summary_si(t[sl], m[sl], None if w is None else w[sl], thr, side)
    reps = tuple(per_rep[r] for r in sorted(per_rep))
    return SetSummary(label, joints, reps, caption)


def summarize_motion(motion: Any, moments: Any, *, label: str = "", threshold: Any = None, fraction: Any = None,
                     reference: Any = None, side: str = "extensor") -> SetSummary:
    """Per-joint measures of a motion and the joint moments computed over it.

    The joints' extension velocities come from the motion
    (:meth:`~biomech.motion.Motion.extension_velocity_rad_s`; none for the lumbar point,
    whose work is then NaN), and the per-rep split from its ``rep`` labels.

    Parameters
    ----------
    motion : Motion
        With times.
    moments : dict of str to Quantity, or an inverse-dynamics result
        Net moments over the motion's frames (N*m, anatomical signs).
    label, threshold, fraction, reference, side
        As in :func:`summarize_set`.

    Returns
    -------
    SetSummary

    Examples
    --------
    >>> import numpy as np
    >>> from biomech import Q_
    >>> from biomech.model.pose import Pose
    >>> from biomech.motion.tempo import rep_motion
    >>> top, bottom = Pose(shank="0 deg", thigh="0 deg", trunk="0 deg"), Pose(shank="30 deg", thigh="90 deg", trunk="45 deg")
    >>> m = rep_motion((top, bottom), "3-0-1-0", reps=2)
    >>> knee = Q_(300 * np.sin(m.segment_angles_rad()["thigh"]), "N*m")     # a stand-in moment
    >>> s = summarize_motion(m, {"knee": knee}, label="3-0-1")
    >>> len(s.reps), round(s.joints["knee"].positive_work.magnitude + s.joints["knee"].negative_work.magnitude, 3)
    (2, 0.0)
    """
    if getattr(motion, "time_s", None) is None:
        raise InputValueError("motion has no time; summaries need a motion over time.")
    vel = {k: quantity(v, "rad/s") for k, v in motion.extension_velocity_rad_s().items()}
    return summarize_set(quantity(motion.time_s, "s"), moments, vel, rep=motion.rep, label=label,
                         threshold=threshold, fraction=fraction, reference=reference, side=side)
