"""Tempo-driven reps: coach notation in, a smooth motion with exact derivatives out.

Tempo notation
--------------
Coaches write a rep's timing as up to four numbers of seconds, always in the order

1. **eccentric** - the lowering phase, from the top (start) position to the bottom;
2. **bottom** - the pause at the bottom (the stretched position);
3. **concentric** - the lifting phase, back to the top;
4. **top** - the pause at the top (the contracted or lockout position).

So "3-0-1-0", "3010" and "301" all mean three seconds down, no pause, one second up, no
pause (a three-number code leaves the top pause at zero); "321" adds a two-second pause at
the bottom (the article's leg extensions, Quadriceps section). ``X`` means "as fast as
possible" (Poliquin's convention); as a duration it needs a number, and this library uses
:data:`EXPLOSIVE` (0.5 s, a modelling choice, not a measured value), settable with
``explosive=``. Separators ``-``, ``/``, ``:``, ``.`` and spaces are accepted between
numbers; with separators, numbers may have decimals or several digits ("2.5-0-1-0",
"10-0-10-0"). Holds are written in words too: "2 s hold at the top", "hold 2 s at the
bottom", "2 second isometric" (at the top: the article's glute and hamstring primers squeeze
at peak contraction), "3 second stretch and squeeze" (at the bottom and at the top, the
article's calf circuit). Words add to a code or to :data:`DEFAULT_TEMPO` when no code is
given; "no tempo" is the default tempo.

Which end is the "top"
----------------------
The *top* is where the eccentric phase starts and the concentric phase ends (standing tall
in a squat, the knee straight on a leg extension, the knee straight on a leg curl); the
*bottom* is where the eccentric phase ends. A rep path maps the fraction of depth
``f`` in [0, 1] (0 = top, 1 = bottom) to a pose.

Profiles
--------
Between positions the fraction of depth follows the minimum-jerk (quintic) profile
``s(tau) = 10 tau^3 - 15 tau^4 + 6 tau^5`` (Flash & Hogan 1985, J Neurosci 5(7):1688-1703,
eq. 2 with zero boundary velocity and acceleration), whose velocity and acceleration are
zero at both ends; holds are constant. Velocities and accelerations of the segment angles
follow by the chain rule, d(theta)/dt = theta'(f) df/dt and
d2(theta)/dt2 = theta''(f) (df/dt)^2 + theta'(f) d2f/dt2: exactly for a pair of poses
(theta linear in f), and for a callable path with central differences in ``f`` of step
:data:`PATH_STEP`.

Examples
--------
>>> from biomech import Q_
>>> from biomech.model.pose import Pose
>>> from biomech.motion.tempo import Tempo, rep_motion
>>> Tempo.parse("31X0")
Tempo(eccentric=3 s, bottom=1 s, concentric=0.5 s, top=0 s)
>>> top = Pose(shank="0 deg", thigh="0 deg", trunk="0 deg")
>>> bottom = Pose(shank="30 deg", thigh="90 deg", trunk="45 deg")
>>> m = rep_motion((top, bottom), "3-0-1-0", reps=2)
>>> round(float(m.time_s[-1]), 3)
8.0
"""

from __future__ import annotations

import math

import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np

from ..errors import InputValueError, RangeError
from .motion import SEGMENTS, SPLIT_SEGMENTS, Motion, _as_split, _segment_angles
from ..units import Q_, as_fraction, quantity, to_si

__all__ = ["Tempo", "rep_motion", "minimum_jerk", "depth_profile_kernel", "EXPLOSIVE", "DEFAULT_TEMPO",
           "PATH_STEP", "PULSE_RANGE", "PHASES", "DEFAULT_RATE"]

#: Duration given to an "X" (explosive) phase: 0.5 s, a modelling choice (settable).
EXPLOSIVE = Q_(0.5, "s")
#: Tempo used when the notation gives none ("no tempo", "3x8"): 2 s down, 1 s up, a
#: modelling choice for a controlled rep (settable with ``base=``).
DEFAULT_TEMPO = "2-0-1-0"
#: Step in the fraction of depth for differentiating a callable rep path (central
#: differences, truncation error ~ step**2 / 6 times the third derivative).
PATH_STEP = 1e-3
#: Default range of a pulse rep: the bottom half of the depth, never locking out.
PULSE_RANGE = (0.5, 1.0)
#: Phase names, in the order of the notation.
PHASES = ("eccentric", "bottom", "concentric", "top")
#: Default sampling rate of generated motions.
DEFAULT_RATE = Q_(200.0, "Hz")

_NUM = r"(?:\d+(?:\.\d+)?|[xX])"
_SEP_CODE = re.compile(rf"^\s*({_NUM})\s*[-/:.\s]\s*({_NUM})\s*[-/:.\s]\s*({_NUM})(?:\s*[-/:.\s]\s*({_NUM}))?\s*$")
_COMPACT = re.compile(r"^\s*([0-9xX])([0-9xX])([0-9xX])([0-9xX])?\s*$")
_DURATION = r"(\d+(?:\.\d+)?)\s*(?:s|sec|secs|second|seconds|-second|count)\b"
_HOLD_PATTERNS = [
    # "2 s hold at the top", "2 second isometric at the bottom", "2-second pause at the bottom"
    re.compile(rf"{_DURATION}\s*-?\s*(?:hold|pause|isometric|squeeze|stretch)(?:\s+(?:at|in)\s+(?:the\s+)?(top|bottom))?", re.I),
    # "hold 2 s at the bottom", "pause for 2 seconds at the top"
    re.compile(rf"(?:hold|pause|isometric)\s+(?:for\s+)?(?:a\s+)?{_DURATION}(?:\s+(?:at|in)\s+(?:the\s+)?(top|bottom))?", re.I),
    # "hold at the bottom for a 5 count", "hold at the top for 2 s"
    re.compile(rf"(?:hold|pause)\s+(?:at|in)\s+(?:the\s+)?(top|bottom)\s+for\s+(?:a\s+)?{_DURATION}", re.I),
]
_STRETCH_SQUEEZE = re.compile(rf"{_DURATION}\s*(?:stretch\s+and\s+squeeze|squeeze\s+and\s+stretch)", re.I)


def _fmt(x: float) -> str:
    return f"{x:g} s"


@dataclass(frozen=True)
class Tempo:
    """Durations of the four phases of a rep, in seconds.

    Parameters
    ----------
    eccentric, bottom, concentric, top : float
        Seconds: lowering, pause at the bottom, lifting, pause at the top. Lowering and
        lifting must be positive, pauses non-negative. Build from notation with
        :meth:`parse` or from Quantities with :meth:`from_quantities`.

    Examples
    --------
    >>> Tempo.parse("3-0-1-0").duration
    <Quantity(4.0, 'second')>
    >>> Tempo.parse("2 s hold at the bottom")
    Tempo(eccentric=2 s, bottom=2 s, concentric=1 s, top=0 s)
    >>> Tempo.parse("fast")
    Traceback (most recent call last):
    ...
    biomech.errors.InputValueError: tempo='fast' is not tempo notation; expected digits in the order lowering-bottom pause-lifting-top pause such as "3-0-1-0", "3010", "301", "31X0", or a hold such as "2 s hold at the top".
    """

    eccentric: float
    bottom: float
    concentric: float
    top: float

    def __post_init__(self) -> None:
        for name in PHASES:
            v = getattr(self, name)
            if not isinstance(v, (int, float, np.floating, np.integer)) or not np.isfinite(v):
                raise InputValueError(f"Tempo {name}={v!r} must be a finite number of seconds.")
            if v < 0 or (name in ("eccentric", "concentric") and v <= 0):
                need = "positive" if name in ("eccentric", "concentric") else "zero or positive"
                raise RangeError(f"Tempo {name}={v!r} s must be {need}.")
            object.__setattr__(self, name, float(v))

    @classmethod
    def from_quantities(cls, eccentric: Any, bottom: Any, concentric: Any, top: Any) -> "Tempo":
        """A tempo from four durations given as Quantities or strings.

        >>> Tempo.from_quantities("3 s", "0 s", "1 s", "500 ms").top
        0.5
        """
        return cls(*(to_si(v, "s", n, nonnegative=True) for v, n in
                     zip((eccentric, bottom, concentric, top), PHASES)))

    @classmethod
    def parse(cls, text: Any, explosive: Any = EXPLOSIVE, base: Any = DEFAULT_TEMPO) -> "Tempo":
        """Read coach tempo notation (see the module docs for the forms accepted).

        Parameters
        ----------
        text : str or Tempo
            "3-0-1-0", "3010", "301", "321", "31X0", "2 s hold at the top", "301 tempo",
            "no tempo", or several of these joined by commas or "with".
        explosive : Quantity
            Duration of an "X" phase (default :data:`EXPLOSIVE`, 0.5 s).
        base : str or Tempo
            Tempo that word-only holds are added to (default :data:`DEFAULT_TEMPO`).

        Returns
        -------
        Tempo

        Raises
        ------
        InputValueError
            Text that is not tempo notation (the message shows the forms expected).

        Examples
        --------
        >>> Tempo.parse("321")
        Tempo(eccentric=3 s, bottom=2 s, concentric=1 s, top=0 s)
        >>> Tempo.parse("3 second stretch and squeeze")
        Tempo(eccentric=2 s, bottom=3 s, concentric=1 s, top=3 s)
        """
        if isinstance(text, Tempo):
            return text
        if not isinstance(text, str):
            raise InputValueError(f"tempo={text!r} must be a string such as \"3-0-1-0\" or a Tempo.")
        x = to_si(explosive, "s", "explosive", positive=True)
        s = text.strip().lower()
        s = re.sub(r"\btempo\b", " ", s).strip(" ,;()")
        if s in ("", "no", "none", "no tempo", "default"):
            return cls.parse(base, explosive, DEFAULT_TEMPO) if not isinstance(base, Tempo) else base
        code = cls._code(s, x)
        if code is not None:
            return code
        # words: holds added to a code found anywhere in the text, or to the base tempo
        found_code = None
        rest = s
        for token in re.findall(r"(?<![\w.])(?:\d+(?:\.\d+)?(?:\s*[-/:]\s*(?:\d+(?:\.\d+)?|x)){2,3}|[0-9x]{3,4})(?![\w.])", s):
            c = cls._code(token, x)
            if c is not None:
                found_code = c
                rest = rest.replace(token, " ", 1)
                break
        holds = {"bottom": 0.0, "top": 0.0}
        matched = False
        m = _STRETCH_SQUEEZE.search(rest)
        if m:
            holds["bottom"] = holds["top"] = float(m.group(1))
            rest = rest.replace(m.group(0), " ")
            matched = True
        for pat in _HOLD_PATTERNS:
            for m in pat.finditer(rest):
                g = m.groups()
                if pat is _HOLD_PATTERNS[2]:
                    where, dur = g[0], g[1]
                else:
                    dur, where = g[0], g[1]
                holds[(where or "top").lower()] = float(dur)
                rest = rest.replace(m.group(0), " ")
                matched = True
        leftover = re.sub(r"\b(with|w/|and|each|every|rep|reps|a|at|the|for|of)\b|[,;()+/]", " ", rest).strip()
        if (not matched and found_code is None) or leftover:
            raise InputValueError(
                f"tempo={text!r} is not tempo notation; expected digits in the order lowering-bottom pause-lifting-top "
                f"pause such as \"3-0-1-0\", \"3010\", \"301\", \"31X0\", or a hold such as \"2 s hold at the top\".")
        b = found_code or (base if isinstance(base, Tempo) else cls.parse(base, explosive, DEFAULT_TEMPO))
        return cls(b.eccentric, holds["bottom"] or b.bottom, b.concentric, holds["top"] or b.top)

    @classmethod
    def _code(cls, s: str, explosive: float) -> "Tempo | None":
        m = _COMPACT.match(s) or _SEP_CODE.match(s)
        if not m:
            return None
        raw = [v for v in m.groups() if v is not None]
        if any(v in ("x", "X") for v in raw[1::2]):
            raise InputValueError(f"tempo={s!r} puts X (explosive) in a pause; X applies to the lowering (first) or "
                                  f"lifting (third) phase only, as in \"31X0\". (Sets are written \"3x15\".)")
        vals = [explosive if v in ("x", "X") else float(v) for v in raw]
        if len(vals) == 3:
            vals.append(0.0)
        if vals[0] == 0 or vals[2] == 0:
            which = "lowering (first)" if vals[0] == 0 else "lifting (third)"
            raise InputValueError(f"tempo={s!r} gives the {which} phase 0 s; a moving phase needs time "
                                  f"(write X for explosive).")
        return cls(*vals)

    @property
    def durations_s(self) -> np.ndarray:
        """The four phase durations in notation order, s (kernel input)."""
        return np.array([self.eccentric, self.bottom, self.concentric, self.top])

    @property
    def duration(self) -> Any:
        """Time of one rep, s."""
        return quantity(float(self.durations_s.sum()), "s")

    @property
    def time_under_tension(self) -> Any:
        """Time of one rep, s (the same as :attr:`duration`; every phase is under load)."""
        return self.duration

    def __repr__(self) -> str:
        return ("Tempo(" + ", ".join(f"{n}={_fmt(getattr(self, n))}" for n in PHASES) + ")")

    def __str__(self) -> str:
        return "-".join(f"{getattr(self, n):g}" for n in PHASES)


def minimum_jerk(tau: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Minimum-jerk (quintic) profile and its first two derivatives in normalised time.

    ``s = 10 tau^3 - 15 tau^4 + 6 tau^5`` for tau in [0, 1] (clipped outside), so that
    s(0) = 0, s(1) = 1 and s', s'' vanish at both ends (Flash & Hogan 1985, eq. 2).

    Parameters
    ----------
    tau : array_like
        Normalised time, dimensionless.

    Returns
    -------
    s, ds, dds : numpy.ndarray
        Position, d s / d tau and d^2 s / d tau^2.

    Examples
    --------
    >>> s, ds, dds = minimum_jerk([0.0, 0.5, 1.0])
    >>> s.tolist(), ds.tolist(), dds.tolist()
    ([0.0, 0.5, 1.0], [0.0, 1.875, 0.0], [0.0, 0.0, 0.0])
    """
    t = np.clip(np.asarray(tau, dtype=float), 0.0, 1.0)
    t2 = t * t
    s = t2 * t * (10.0 - 15.0 * t + 6.0 * t2)
    ds = 30.0 * t2 * (1.0 - t) ** 2
    dds = 60.0 * t * (1.0 - t) * (1.0 - 2.0 * t) + 0.0   # + 0.0 turns -0.0 into 0.0
    return s, ds, dds


def depth_profile_kernel(t: np.ndarray, durations: np.ndarray, low: float = 0.0, high: float = 1.0
                         ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Fraction of depth over time for consecutive reps (kernel, seconds).

    Parameters
    ----------
    t : ndarray, shape (n,)
        Times, s, from 0.
    durations : ndarray, shape (reps, 4)
        Each rep's eccentric, bottom, concentric and top durations, s.
    low, high : float
        Fractions of depth at the top and the bottom of each rep (0 and 1 for a full rep).

    Returns
    -------
    f, df, ddf : ndarray
        Fraction of depth and its first and second time derivatives (1/s, 1/s**2).
    rep : ndarray of int
        Rep index of each time (times past the end belong to the last rep).
    phase : ndarray of int
        Index into :data:`PHASES`.

    Examples
    --------
    >>> f, df, ddf, rep, phase = depth_profile_kernel(np.array([0.0, 1.5, 3.0, 3.5, 4.0]), np.array([[3.0, 0, 1, 0]]))
    >>> f.round(3).tolist(), phase.tolist()
    ([0.0, 0.5, 1.0, 0.5, 0.0], [0, 0, 2, 2, 2])
    """
    d = np.asarray(durations, dtype=float).reshape(-1, 4)
    bounds = np.concatenate([[0.0], np.cumsum(d.ravel())])          # phase boundaries
    # a zero-length phase never owns a time: searchsorted skips it because its two
    # boundaries coincide and side="right" moves past both; times at or past the end
    # belong to the last phase that has a length.
    last = int(np.flatnonzero(d.ravel() > 0)[-1])
    k = np.clip(np.searchsorted(bounds, t, side="right") - 1, 0, last)
    start = bounds[k]
    length = d.ravel()[k]
    phase = k % 4
    rep = k // 4
    safe = np.where(length > 0, length, 1.0)
    tau = np.where(length > 0, (t - start) / safe, 1.0)
    s, ds, dds = minimum_jerk(tau)
    span = high - low
    # eccentric: low -> high; bottom: high; concentric: high -> low; top: low
    f = np.select([phase == 0, phase == 1, phase == 2], [low + span * s, np.full_like(s, high), high - span * s],
                  np.full_like(s, low))
    sign = np.select([phase == 0, phase == 2], [1.0, -1.0], 0.0)
    df = sign * span * ds / safe
    ddf = sign * span * dds / safe ** 2
    return f, df, ddf, rep, phase


def _path_kernel(path: Any) -> Callable[[np.ndarray], tuple[dict, dict, dict]]:
    """A function f -> (angles, d angles/df, d2 angles/df2), each a dict of arrays (rad)."""
    if isinstance(path, (tuple, list)) and len(path) == 2:
        a = _segment_angles(path[0])
        b = _segment_angles(path[1])
        segs = SEGMENTS
        if "pelvis" in a or "pelvis" in b:   # a pelvis and upper body of their own: interpolate the parts
            a, b = _as_split(a), _as_split(b)
            segs = tuple(k for k in SPLIT_SEGMENTS if k != "trunk")   # the line follows from the parts
        for k in segs:
            if np.ndim(a[k]) or np.ndim(b[k]):
                raise InputValueError(f"path poses must be single poses; {k} has shape {np.shape(a[k])} / {np.shape(b[k])}.")
        delta = {k: float(b[k] - a[k]) for k in segs}

        def linear(f):
            ang = {k: float(a[k]) + delta[k] * f for k in segs}
            return ang, {k: np.full_like(f, delta[k]) for k in segs}, {k: np.zeros_like(f) for k in segs}
        return linear
    if callable(path):
        h = PATH_STEP

        def numeric(f):
            fc = np.clip(f, h, 1.0 - h)          # keep the stencil inside [0, 1]
            try:
                mid = _segment_angles(path(f))
                lo = _segment_angles(path(fc - h))
                cen = _segment_angles(path(fc))
                hi = _segment_angles(path(fc + h))
            except Exception as exc:  # a user's callable: report which argument failed
                if isinstance(exc, InputValueError):
                    raise
                raise InputValueError(f"rep_path(fraction) failed for an array of fractions ({exc.__class__.__name__}: "
                                      f"{exc}); it must accept a numpy array of fractions in [0, 1] and return a "
                                      f"Pose of arrays.") from None
            ang, d1, d2 = {}, {}, {}
            segs = SEGMENTS
            if "pelvis" in mid:
                segs = tuple(k for k in SPLIT_SEGMENTS if k != "trunk")
                mid, lo, cen, hi = _as_split(mid), _as_split(lo), _as_split(cen), _as_split(hi)
            for k in segs:
                second = (hi[k] - 2.0 * cen[k] + lo[k]) / h ** 2
                first_c = (hi[k] - lo[k]) / (2.0 * h)
                ang[k] = np.broadcast_to(mid[k], np.shape(f)).astype(float)
                d1[k] = np.broadcast_to(first_c + second * (f - fc), np.shape(f)).astype(float)
                d2[k] = np.broadcast_to(second, np.shape(f)).astype(float)
            return ang, d1, d2
        return numeric
    raise InputValueError(f"path={path!r} must be a (top, bottom) pair of poses or a callable rep_path(fraction) -> Pose.")


#: Largest motion :func:`rep_motion` builds (samples); a longer request is refused before anything is
#: allocated (2 million samples at the default 200 Hz is close to 3 hours).
MAX_MOTION_SAMPLES = 2_000_000
#: Most reps in one :func:`rep_motion` call.
MAX_REPS = 10_000


def rep_motion(path: Any, tempo: Any = DEFAULT_TEMPO, reps: int = 1, *, depth_range: Sequence[float] | None = None,
               pulse: bool = False, rate: Any = DEFAULT_RATE, explosive: Any = EXPLOSIVE) -> Motion:
    """A motion of ``reps`` reps at a tempo, between a top and a bottom position.

    Parameters
    ----------
    path : (Pose, Pose) or callable
        ``(top, bottom)`` poses, interpolated linearly in the segment angles, or a rep
        path ``path(fraction) -> Pose`` (fraction of depth, 0 = top, 1 = bottom) that
        accepts numpy arrays of fractions, such as an exercise's rep path.
    tempo : str, Tempo or sequence of them
        Tempo notation (:meth:`Tempo.parse`); a sequence gives each rep its own tempo
        (then ``reps`` may be omitted).
    reps : int
        Number of reps (default 1).
    depth_range : (float, float), optional
        Fractions of depth between which each rep moves (top, bottom); default (0, 1).
    pulse : bool
        Pulse reps: ``depth_range`` defaults to :data:`PULSE_RANGE` (the bottom half),
        so the lifter never locks out.
    rate : Quantity
        Sampling rate of the motion (default 200 Hz). Phase boundaries need not fall on
        samples: the profile is evaluated analytically at each sample time.
    explosive : Quantity
        Duration of "X" phases.

    Returns
    -------
    Motion
        Times from 0 s to the end of the last rep (inclusive), segment angles, exact
        velocities and accelerations, with ``rep`` and ``phase`` labels per frame.

    Raises
    ------
    InputValueError
        Unknown tempo notation, a bad path, a rep count below 1.
    RangeError
        A depth range outside 0..1 or not increasing.

    Examples
    --------
    >>> from biomech.model.pose import Pose
    >>> top = Pose(shank="0 deg", thigh="0 deg", trunk="0 deg")
    >>> bottom = Pose(shank="30 deg", thigh="90 deg", trunk="45 deg")
    >>> m = rep_motion((top, bottom), "301", reps=3, pulse=True)
    >>> round(float(np.degrees(m.segment_angles_rad()["thigh"]).min()), 6)   # never above half depth
    45.0
    >>> sorted(set(m.phase.tolist()))
    ['concentric', 'eccentric']
    """
    if isinstance(tempo, (list, tuple)):
        if len(tempo) > MAX_REPS:
            raise RangeError(f"tempo: {len(tempo)} tempos is more than {MAX_REPS} reps in one motion; split the set.")
        tempos = [Tempo.parse(x, explosive) for x in tempo]
        if reps not in (1, len(tempos)):
            raise InputValueError(f"reps={reps} but {len(tempos)} tempos were given; give one tempo per rep or one tempo.")
    else:
        if isinstance(reps, bool) or not isinstance(reps, (int, np.integer)) or reps < 1:
            raise InputValueError(f"reps={reps!r} must be a whole number of reps, 1 or more.")
        if reps > MAX_REPS:
            raise RangeError(f"reps={reps!r} is more than {MAX_REPS} reps in one motion; split the set.")
        tempos = [Tempo.parse(tempo, explosive)] * int(reps)
    if depth_range is None:
        depth_range = PULSE_RANGE if pulse else (0.0, 1.0)
    try:
        low, high = (float(as_fraction(v, "depth_range")) for v in depth_range)
    except (TypeError, ValueError) as exc:
        if isinstance(exc, InputValueError):
            raise
        raise InputValueError(f"depth_range={depth_range!r} must be two fractions (top, bottom) such as (0.5, 1.0).") from None
    if not low < high:
        raise RangeError(f"depth_range={tuple(depth_range)!r} must go from a smaller fraction (the top of the rep) "
                         f"to a larger one (the bottom).")
    fs = to_si(rate, "Hz", "rate", positive=True)
    if np.ndim(fs) != 0:
        raise InputValueError(f"rate: an array of shape {np.shape(fs)} was given; one sampling rate is expected.")
    durations = np.array([tp.durations_s for tp in tempos])
    with np.errstate(over="ignore", invalid="ignore"):
        total = float(durations.sum())
        samples = total * fs + 1
    if not (math.isfinite(samples) and samples <= MAX_MOTION_SAMPLES):
        raise RangeError(f"the motion would have {samples:.3g} samples ({total:.3g} s at {fs:.3g} Hz); at most "
                         f"{MAX_MOTION_SAMPLES} are made. Lower rate, shorten the tempo or use fewer reps.")
    n = int(round(total * fs)) + 1
    t = np.linspace(0.0, total, max(n, 2))
    f, df, ddf, rep, phase = depth_profile_kernel(t, durations, low, high)
    ang, d1, d2 = _path_kernel(path)(f)
    vel = {k: d1[k] * df for k in d1}
    acc = {k: d2[k] * df ** 2 + d1[k] * ddf for k in d1}
    return Motion.from_radians(ang, vel, acc, time_s=t, rep=rep, phase=np.asarray(PHASES)[phase])
