"""Motions: a pose that changes in time, with its angular velocities and accelerations.

A :class:`Motion` holds a :class:`~biomech.model.pose.Pose` whose segment angles are arrays over
time (axis 0 is time), and the segments' angular velocities and accelerations under the
same names and signs as the pose's segment angles (docs/conventions.md): ``foot``, ``shank``,
``thigh``, ``trunk``, ``arms``. A positive shank velocity is the shin tilting further
forward; a positive thigh velocity is the thigh turning toward horizontal (going down in a
squat); a positive trunk velocity is the trunk leaning further forward.

Motions come from three places:

* given directly, ``Motion(pose, velocity=..., acceleration=...)`` (one instant or many);
* measured samples, :meth:`Motion.from_samples`, low-pass filtered (zero-lag Butterworth)
  and differentiated;
* coach notation, :func:`biomech.motion.tempo.rep_motion` ("3-0-1-0", "301", pulses).

Joint angular velocities in the *extension* direction, the ones whose product with a
moment of anatomical sign is the joint power, are :meth:`Motion.extension_velocity_rad_s`:
ankle plantarflexion = -(d dorsiflexion/dt), knee extension = -(d knee flexion/dt),
hip extension = -(d hip flexion/dt).

Examples
--------
>>> import numpy as np
>>> from biomech import Q_
>>> from biomech.model.pose import Pose
>>> from biomech.motion import Motion
>>> t = np.linspace(0.0, 2.0, 201)
>>> knee = Q_(45 * (1 - np.cos(np.pi * t)), "deg")        # down and up once
>>> m = Motion.from_joint_angles(Q_(t, "s"), ankle=knee / 3, knee=knee, hip=knee, cutoff=None)
>>> m.n_frames
201
>>> round(float(m.extension_velocity_rad_s()["knee"][50]), 3)   # going down: knee flexes
-2.467
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import numpy as np

from ..errors import InputValueError
from .filtering import DEFAULT_CUTOFF_HZ, derivative, lowpass
from ..units import Q_, quantity, to_si

__all__ = ["Motion", "SEGMENTS", "SPLIT_SEGMENTS", "MIN_SAMPLES_PER_FILTER_ORDER", "DEFAULT_CUTOFF",
           "extension_velocity_kernel"]

#: Segment names shared with :class:`biomech.model.pose.Pose`, in chain order.
SEGMENTS = ("foot", "shank", "thigh", "trunk", "arms")
#: The same with the trunk's two parts (pelvis and upper body with their own angles; ``trunk``
#: is then the hip-to-shoulder line they make and the mechanics reads the parts).
SPLIT_SEGMENTS = SEGMENTS + ("pelvis", "upper_body")


def _segs(angles: Mapping) -> tuple:
    return SPLIT_SEGMENTS if ("pelvis" in angles or "upper_body" in angles) else SEGMENTS


def _as_split(angles: Mapping) -> dict:
    """A rigid trunk's angles (or rates) with the parts added at the trunk's values."""
    out = dict(angles)
    if "pelvis" not in out:
        out["pelvis"] = out["upper_body"] = out["trunk"]
    return out

#: Default low-pass cutoff for measured joint angles: the library's default for measured
#: kinematics, :data:`biomech.motion.filtering.DEFAULT_CUTOFF_HZ` (chosen there from the ISB
#: simulated-running cutoff study). Pass ``cutoff=`` to change it, ``None`` to skip filtering.
DEFAULT_CUTOFF = Q_(DEFAULT_CUTOFF_HZ, "Hz")

#: ``scipy.signal.filtfilt`` pads each end with ``3 * (order + 1)`` samples and needs more
#: samples than that; this is the factor used in the "too few samples" check.
MIN_SAMPLES_PER_FILTER_ORDER = 3


def _pose_cls():
    from ..model.pose import Pose  # imported late: pose imports nothing from here
    return Pose


def _segment_angles(pose: Any) -> dict[str, np.ndarray]:
    """Segment angles in radians from a Pose (or a dict of Quantities), as float arrays."""
    if hasattr(pose, "segment_angles_rad"):
        ang = pose.segment_angles_rad()
    elif isinstance(pose, Mapping):
        ang = {}
        for k, v in pose.items():
            if k not in SPLIT_SEGMENTS:
                raise InputValueError(f"pose has an unknown segment {k!r}; segments are "
                                      f"{', '.join(SPLIT_SEGMENTS)}.")
            ang[k] = to_si(v, "rad", f"pose[{k!r}]", finite=False)
        if ("pelvis" in ang) != ("upper_body" in ang):
            raise InputValueError("pose gives one part of the trunk only: give both 'pelvis' and 'upper_body', or "
                                  "'trunk' alone for a rigid trunk.")
    else:
        raise InputValueError(f"pose={pose!r} is not a Pose; pass biomech.Pose(shank=..., thigh=..., trunk=...).")
    out = {k: np.asarray(ang.get(k, 0.0), dtype=float) for k in _segs(ang)}
    if "pelvis" in ang and "trunk" not in ang:
        from ..model.pose import trunk_line_offset
        out["trunk"] = out["pelvis"] + trunk_line_offset(out["upper_body"] - out["pelvis"])
    return out


def extension_velocity_kernel(velocity: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Joint angular velocities in the extension direction from segment velocities (rad/s).

    ``ankle`` (plantarflexion) = foot - shank, ``knee`` (extension) = -(shank + thigh),
    ``hip`` (extension) = -(thigh + pelvis): the negatives of the time derivatives of
    dorsiflexion, knee flexion and hip flexion (joint-angle definitions in docs/conventions.md;
    the pelvis rate is the trunk's for a rigid trunk). A positive value times a positive
    (extensor) moment is power generated by the muscles.

    >>> import numpy as np
    >>> v = extension_velocity_kernel({"foot": 0.0, "shank": -0.5, "thigh": -1.0, "trunk": -0.2})
    >>> {k: float(x) for k, x in v.items()}
    {'ankle': 0.5, 'knee': 1.5, 'hip': 1.2}
    """
    g = {k: np.asarray(velocity.get(k, 0.0), dtype=float) for k in SEGMENTS}
    pelvis = np.asarray(velocity["pelvis"], dtype=float) if "pelvis" in velocity else g["trunk"]
    return {"ankle": g["foot"] - g["shank"], "knee": -(g["shank"] + g["thigh"]), "hip": -(g["thigh"] + pelvis)}


@dataclass(frozen=True, eq=False)
class Motion:
    """A pose with its segment angular velocities and accelerations, at one or many instants.

    Parameters
    ----------
    pose : Pose
        Segment angles; arrays over time (axis 0) for a motion, scalars for one instant.
    velocity, acceleration : dict of str to Quantity, optional
        Segment angular velocities (rad/s, deg/s, ...) and accelerations (rad/s**2, ...)
        keyed by segment name (``foot``, ``shank``, ``thigh``, ``trunk``, ``arms``) with
        the signs of the pose's segment angles. Missing segments (or ``None``) are zero.
        Each broadcasts to the pose's shape.
    time : Quantity, optional
        Sample times (s), one per entry along axis 0 of the pose; strictly increasing.
    rep : array of int, optional
        Repetition index of each frame (0, 1, ...; -1 outside any rep), set by the tempo
        and set builders so summaries can be made per rep.
    phase : array of str, optional
        Phase of each frame: ``"eccentric"``, ``"bottom"``, ``"concentric"``, ``"top"``.

    Attributes
    ----------
    velocity_rad_s, acceleration_rad_s2 : dict of str to ndarray
        The same, in SI, every segment present and broadcast to the pose's shape (for
        kernels).
    time_s : ndarray or None
        Time in seconds.

    Examples
    --------
    >>> from biomech import Q_
    >>> from biomech.model.pose import Pose
    >>> m = Motion(Pose(shank=Q_(30, "deg"), thigh=Q_(90, "deg"), trunk=Q_(45, "deg")),
    ...            velocity={"thigh": Q_(-60, "deg/s")})
    >>> round(float(m.velocity_rad_s["thigh"]), 4), float(m.velocity_rad_s["shank"])
    (-1.0472, 0.0)
    >>> Motion(Pose(shank=Q_(30, "deg"), thigh=Q_(90, "deg"), trunk=Q_(45, "deg")), velocity={"knee": Q_(1, "rad/s")})
    Traceback (most recent call last):
    ...
    biomech.errors.InputValueError: velocity has an unknown segment 'knee'; segments are foot, shank, thigh, trunk, arms (joint velocities follow from them).
    """

    pose: Any
    velocity: Mapping[str, Any] | None = None
    acceleration: Mapping[str, Any] | None = None
    time: Any = None
    rep: Any = None
    phase: Any = None
    velocity_rad_s: dict = field(init=False, repr=False)
    acceleration_rad_s2: dict = field(init=False, repr=False)
    time_s: Any = field(init=False, repr=False)

    def __post_init__(self) -> None:
        angles = _segment_angles(self.pose)
        shape = _common_shape(angles, "pose")
        vel = self._rates(self.velocity, "velocity", "rad/s", shape, _segs(angles))
        acc = self._rates(self.acceleration, "acceleration", "rad/s**2", shape, _segs(angles))
        time_s = None
        if self.time is not None:
            time_s = np.asarray(to_si(self.time, "s", "time"), dtype=float)
            _check_time(time_s)
            if len(shape) == 0 or shape[0] != time_s.shape[0]:
                raise InputValueError(f"time has {time_s.shape[0]} samples but the pose has shape {shape}; "
                                      f"axis 0 of the pose is time, one sample per time.")
        object.__setattr__(self, "velocity_rad_s", vel)
        object.__setattr__(self, "acceleration_rad_s2", acc)
        object.__setattr__(self, "time_s", time_s)
        object.__setattr__(self, "_shape", shape)
        self._check_labels(shape)

    # -- construction helpers ---------------------------------------------------------
    @staticmethod
    def _rates(rates, name, unit, shape, segments=SEGMENTS) -> dict[str, np.ndarray]:
        out = {}
        rates = rates or {}
        if not isinstance(rates, Mapping):
            raise InputValueError(f"{name}={rates!r} must be a dict of segment name to Quantity, "
                                  f'such as {{"thigh": Q_(-60, "{unit.replace("rad", "deg")}")}}.')
        for k in rates:
            if k not in segments:
                raise InputValueError(f"{name} has an unknown segment {k!r}; segments are {', '.join(segments)} "
                                      f"(joint velocities follow from them).")
        for k in segments:
            v = rates.get(k)
            arr = np.zeros(shape) if v is None else np.asarray(to_si(v, unit, f"{name}[{k!r}]"), dtype=float)
            try:
                out[k] = np.broadcast_to(arr, shape).copy() if arr.shape != shape else arr
            except ValueError:
                raise InputValueError(f"{name}[{k!r}] has shape {arr.shape}, which does not broadcast to the "
                                      f"pose's shape {shape}.") from None
        return out

    def _check_labels(self, shape) -> None:
        for name in ("rep", "phase"):
            lab = getattr(self, name)
            if lab is None:
                continue
            lab = np.asarray(lab)
            if len(shape) == 0 or lab.shape != (shape[0],):
                raise InputValueError(f"{name} has shape {lab.shape}; one label per frame, shape ({shape[0] if shape else 0},), is expected.")
            object.__setattr__(self, name, lab)

    @classmethod
    def from_radians(cls, angles: Mapping[str, np.ndarray], velocity: Mapping[str, np.ndarray] | None = None,
                     acceleration: Mapping[str, np.ndarray] | None = None, time_s: np.ndarray | None = None,
                     rep: np.ndarray | None = None, phase: np.ndarray | None = None) -> "Motion":
        """Kernel constructor from SI arrays (rad, rad/s, rad/s**2, s), with no unit checks.

        >>> import numpy as np
        >>> m = Motion.from_radians({"shank": np.array([0.1, 0.2]), "thigh": np.array([0.5, 0.6])},
        ...                         velocity={"shank": np.array([1.0, 1.0])}, time_s=np.array([0.0, 0.1]))
        >>> m.velocity_rad_s["thigh"].tolist(), m.time_s.tolist()
        ([0.0, 0.0], [0.0, 0.1])
        """
        segs = _segs(angles)
        arrays = {k: np.asarray(angles.get(k, 0.0), dtype=float) for k in segs}
        if segs is SPLIT_SEGMENTS:
            pose = _pose_cls().from_radians(arrays["shank"], arrays["thigh"], angles.get("trunk"), arrays["foot"],
                                            arrays["arms"], pelvis=arrays["pelvis"], upper_body=arrays["upper_body"])
            if "trunk" not in angles:
                arrays["trunk"] = np.asarray(pose.trunk_rad, dtype=float)
        else:
            pose = _pose_cls().from_radians(**arrays)
        m = object.__new__(cls)
        shape = _common_shape(arrays, "angles")
        zero = np.zeros(shape)
        vel = {k: np.broadcast_to(np.asarray((velocity or {}).get(k, zero), dtype=float), shape) for k in segs}
        acc = {k: np.broadcast_to(np.asarray((acceleration or {}).get(k, zero), dtype=float), shape) for k in segs}
        for name, value in (("pose", pose), ("time", None if time_s is None else quantity(time_s, "s")),
                            ("rep", rep), ("phase", phase),
                            ("velocity", {k: quantity(v, "rad/s") for k, v in vel.items()}),
                            ("acceleration", {k: quantity(v, "rad/s**2") for k, v in acc.items()}),
                            ("velocity_rad_s", vel), ("acceleration_rad_s2", acc),
                            ("time_s", None if time_s is None else np.asarray(time_s, dtype=float)),
                            ("_shape", shape)):
            object.__setattr__(m, name, value)
        return m

    @classmethod
    def from_samples(cls, time: Any, pose: Any, cutoff: Any = DEFAULT_CUTOFF, filter_order: int = 2) -> "Motion":
        """A motion from sampled segment angles: low-pass filtered, then differentiated.

        Parameters
        ----------
        time : Quantity
            Sample times (s), strictly increasing and evenly spaced (within 1 %), at least
            ``3 * (filter_order + 1) + 1`` samples when filtering, 5 otherwise.
        pose : Pose
            Segment angles as arrays over time (axis 0), no NaN.
        cutoff : Quantity or None
            Low-pass cutoff frequency (Hz), below the Nyquist frequency. The filter is a
            zero-lag Butterworth of order ``filter_order`` run forward and backward
            (:func:`biomech.motion.filtering.lowpass`, -3 dB point of the two passes). Default
            :data:`DEFAULT_CUTOFF` (10 Hz);
            ``None`` differentiates the raw samples.
        filter_order : int
            Butterworth order (default 2; the forward-backward pass doubles it).

        Returns
        -------
        Motion
            Filtered angles, velocities (rad/s) and accelerations (rad/s**2), same times.

        Raises
        ------
        InputValueError
            Time not increasing or unevenly spaced, NaN gaps in the angles, too few samples.
        RangeError
            A cutoff at or above the Nyquist frequency (from :func:`biomech.motion.filtering.lowpass`).

        Examples
        --------
        >>> import numpy as np
        >>> from biomech import Q_
        >>> from biomech.model.pose import Pose
        >>> t = np.arange(0, 2, 0.01)
        >>> p = Pose(shank=Q_(20 * np.sin(np.pi * t), "deg"), thigh="30 deg", trunk="30 deg")
        >>> m = Motion.from_samples(Q_(t, "s"), p, cutoff=Q_(6, "Hz"))
        >>> round(float(np.degrees(m.velocity_rad_s["shank"][100])), 1)   # 20*pi*cos(pi) deg/s
        -62.8
        >>> Motion.from_samples(Q_(t[:5], "s"), Pose(shank=Q_(t[:5], "deg"), thigh=Q_(t[:5], "deg"), trunk=Q_(t[:5], "deg")))
        Traceback (most recent call last):
        ...
        biomech.errors.InputValueError: time has 5 samples; a Butterworth filter of order 2 needs at least 10 (scipy's filtfilt pads 9 at each end). Record longer, or pass cutoff=None to differentiate unfiltered.
        """
        t = np.asarray(to_si(time, "s", "time"), dtype=float)
        angles = _segment_angles(pose)
        shape = _common_shape(angles, "pose")
        _check_time(t)
        if len(shape) == 0 or shape[0] != t.shape[0]:
            raise InputValueError(f"time has {t.shape[0]} samples but the pose has shape {shape}; "
                                  f"axis 0 of the pose is time, one sample per time.")
        segs = _segs(angles)
        stacked = np.stack([np.broadcast_to(angles[k], shape) for k in segs], axis=1)  # (n, 5 or 7, ...)
        _check_gaps(stacked, t, segs)
        if cutoff is None:
            if t.size < 5:
                raise InputValueError(f"time has {t.size} samples; at least 5 are needed to differentiate twice.")
            filtered = stacked
        else:
            fc = to_si(cutoff, "Hz", "cutoff", positive=True)
            if not isinstance(filter_order, (int, np.integer)) or isinstance(filter_order, bool) or filter_order < 1:
                raise InputValueError(f"filter_order={filter_order!r} must be a positive integer such as 2.")
            need = MIN_SAMPLES_PER_FILTER_ORDER * (filter_order + 1) + 1
            if t.size < need:
                raise InputValueError(
                    f"time has {t.size} samples; a Butterworth filter of order {filter_order} needs at least {need} "
                    f"(scipy's filtfilt pads {need - 1} at each end). Record longer, or pass cutoff=None to "
                    f"differentiate unfiltered.")
            fs = _sampling_rate(t)
            filtered = lowpass(stacked, fs, fc, order=filter_order, axis=0)
        vel = derivative(filtered, t, order=1, axis=0)
        acc = derivative(filtered, t, order=2, axis=0)
        split = lambda a: {k: a[:, i] for i, k in enumerate(segs)}  # noqa: E731
        return cls.from_radians(split(filtered), split(vel), split(acc), time_s=t)

    @classmethod
    def from_joint_angles(cls, time: Any, ankle: Any, knee: Any, hip: Any, foot: Any = Q_(0.0, "deg"),
                          arms: Any = Q_(0.0, "deg"), cutoff: Any = DEFAULT_CUTOFF, filter_order: int = 2) -> "Motion":
        """A motion from sampled joint angles (ankle dorsiflexion, knee and hip flexion).

        The foot angle (default flat) fixes the chain to the world, as in
        :meth:`biomech.model.pose.Pose.from_joint_angles`; then as :meth:`from_samples`.

        >>> import numpy as np
        >>> from biomech import Q_
        >>> t = np.arange(0, 1, 0.01)
        >>> m = Motion.from_joint_angles(Q_(t, "s"), ankle=Q_(10 * t, "deg"), knee=Q_(60 * t, "deg"),
        ...                              hip=Q_(50 * t, "deg"), cutoff=None)
        >>> round(float(np.degrees(m.velocity_rad_s["shank"][50])), 6)
        10.0
        """
        Pose = _pose_cls()
        return cls.from_samples(time, Pose.from_joint_angles(ankle=ankle, knee=knee, hip=hip, foot=foot, arms=arms),
                                cutoff=cutoff, filter_order=filter_order)

    # -- views ------------------------------------------------------------------------
    @property
    def shape(self) -> tuple:
        """Shape of the pose arrays (axis 0 is time for a motion)."""
        return self._shape

    @property
    def n_frames(self) -> int:
        """Number of frames (length of axis 0; 1 for a single instant)."""
        return int(self._shape[0]) if self._shape else 1

    def segment_angles_rad(self) -> dict[str, np.ndarray]:
        """Segment angles (rad), every segment broadcast to :attr:`shape`."""
        a = _segment_angles(self.pose)
        return {k: np.broadcast_to(a[k], self._shape) for k in _segs(a)}

    def extension_velocity_rad_s(self) -> dict[str, np.ndarray]:
        """Joint angular velocities in the extension direction (rad/s): ankle, knee, hip.

        See :func:`extension_velocity_kernel` for the signs.
        """
        return extension_velocity_kernel(self.velocity_rad_s)

    def extension_velocity(self) -> dict[str, Any]:
        """:meth:`extension_velocity_rad_s` as Quantities in rad/s.

        >>> from biomech import Q_
        >>> from biomech.model.pose import Pose
        >>> m = Motion(Pose(shank=Q_(10, "deg"), thigh=Q_(30, "deg"), trunk=Q_(20, "deg")),
        ...            velocity={"shank": Q_(-1, "rad/s"), "thigh": Q_(-2, "rad/s")})
        >>> m.extension_velocity()["knee"]
        <Quantity(3.0, 'radian / second')>
        """
        return {k: quantity(v, "rad/s") for k, v in self.extension_velocity_rad_s().items()}

    def frames(self, index: Any) -> "Motion":
        """The frames selected by ``index`` (a slice, boolean mask or integer array) of axis 0.

        >>> import numpy as np
        >>> m = Motion.from_radians({"shank": np.arange(5.0)}, time_s=np.arange(5.0))
        >>> m.frames(slice(1, 3)).time_s.tolist()
        [1.0, 2.0]
        """
        if not self._shape:
            raise InputValueError("frames() needs a motion over time; this one is a single instant.")
        a = self.segment_angles_rad()
        pick = lambda d: {k: np.asarray(v)[index] for k, v in d.items()}  # noqa: E731
        return Motion.from_radians(pick(a), pick(self.velocity_rad_s), pick(self.acceleration_rad_s2),
                                   None if self.time_s is None else self.time_s[index],
                                   None if self.rep is None else np.asarray(self.rep)[index],
                                   None if self.phase is None else np.asarray(self.phase)[index])

    @staticmethod
    def concatenate(motions: list["Motion"], gap: Any = Q_(0.0, "s")) -> "Motion":
        """Join motions end to end in time (reps into a set, sets into a session).

        Each motion's times are shifted so it starts ``gap`` after the previous one ends;
        rep indices are renumbered to run on. Every motion must have times.

        >>> import numpy as np
        >>> a = Motion.from_radians({"shank": np.zeros(3)}, time_s=np.array([0.0, 0.5, 1.0]), rep=np.zeros(3, int))
        >>> Motion.concatenate([a, a], gap=Q_(0.5, "s")).time_s.tolist()
        [0.0, 0.5, 1.0, 1.5, 2.0, 2.5]
        """
        if not motions:
            raise InputValueError("motions is empty; at least one Motion is expected.")
        g = to_si(gap, "s", "gap", nonnegative=True)
        parts, t0, rep0 = [], 0.0, 0
        for i, m in enumerate(motions):
            if m.time_s is None or not m._shape:
                raise InputValueError(f"motions[{i}] has no time; only motions over time can be joined.")
            t = m.time_s - m.time_s[0] + t0
            rep = None if m.rep is None else np.where(np.asarray(m.rep) >= 0, np.asarray(m.rep) + rep0, -1)
            parts.append((m, t, rep))
            t0 = t[-1] + g
            if m.rep is not None and np.any(np.asarray(m.rep) >= 0):
                rep0 = int(rep.max()) + 1
        split = any(m.pose.segment_angles_rad().keys() >= {"pelvis"} for m, _, _ in parts)
        segs = SPLIT_SEGMENTS if split else SEGMENTS
        fill = _as_split if split else dict
        cat = lambda get: {k: np.concatenate([fill(get(m))[k] for m, _, _ in parts]) for k in segs}  # noqa: E731
        time = np.concatenate([t for _, t, _ in parts])
        # with no gap, a motion's first frame repeats the previous one's last time: keep one
        keep = np.concatenate([[True], np.diff(time) > 0])
        reps = None
        if all(r is not None for _, _, r in parts):
            reps = np.concatenate([r for _, _, r in parts])[keep]
        phases = None
        if all(m.phase is not None for m, _, _ in parts):
            phases = np.concatenate([np.asarray(m.phase) for m, _, _ in parts])[keep]
        sel = lambda d: {k: v[keep] for k, v in d.items()}  # noqa: E731
        return Motion.from_radians(sel(cat(lambda m: m.segment_angles_rad())), sel(cat(lambda m: m.velocity_rad_s)),
                                   sel(cat(lambda m: m.acceleration_rad_s2)), time[keep], reps, phases)

    def __repr__(self) -> str:
        span = "" if self.time_s is None else f", {self.time_s[0]:g} to {self.time_s[-1]:g} s"
        return f"Motion({self.n_frames} frame{'s' if self.n_frames != 1 else ''}{span})"


# -- checks -----------------------------------------------------------------------------
def _common_shape(arrays: Mapping[str, np.ndarray], name: str) -> tuple:
    try:
        return np.broadcast_shapes(*[np.shape(v) for v in arrays.values()])
    except ValueError:
        shapes = {k: np.shape(v) for k, v in arrays.items()}
        raise InputValueError(f"{name} has segment arrays of shapes {shapes} that do not broadcast together.") from None


def _check_time(t: np.ndarray) -> None:
    if t.ndim != 1:
        raise InputValueError(f"time has shape {t.shape}; a 1-D array of sample times is expected.")
    if t.size >= 2:
        d = np.diff(t)
        bad = np.flatnonzero(~(d > 0))
        if bad.size:
            i = int(bad[0])
            raise InputValueError(f"time is not increasing: time[{i}]={t[i]:g} s is followed by time[{i + 1}]={t[i + 1]:g} s; "
                                  f"sample times must be strictly increasing.")


def _check_gaps(stacked: np.ndarray, t: np.ndarray, names: tuple = SEGMENTS) -> None:
    bad = ~np.isfinite(stacked)
    if bad.any():
        per_seg = bad.reshape(bad.shape[0], bad.shape[1], -1).any(axis=2)
        frames, segs = np.nonzero(per_seg)
        seg = names[int(segs[0])]
        rows = np.flatnonzero(per_seg[:, segs[0]])
        raise InputValueError(
            f"pose[{seg!r}] has a NaN gap: {rows.size} missing sample(s), the first at time {t[rows[0]]:g} s "
            f"(index {rows[0]}); fill or trim gaps before filtering.")


def _sampling_rate(t: np.ndarray) -> float:
    d = np.diff(t)
    dt = float(np.median(d))
    if np.max(np.abs(d - dt)) > 0.01 * dt:
        i = int(np.argmax(np.abs(d - dt)))
        raise InputValueError(f"time is not evenly spaced: the step at index {i} is {d[i]:g} s against a typical "
                              f"{dt:g} s; resample to a uniform rate before filtering.")
    return 1.0 / dt
