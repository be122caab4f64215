"""Low, typical and high values of a sampled result, over its feasible samples.

Every result of the family (:mod:`biomech.mechanics.results`) reduces its sample axis with
:func:`band`; :mod:`biomech.exercises.technique` draws the samples and re-exports
:func:`band` and :class:`Band` (``biomech.exercises.technique.band`` is this function).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pint

from ..errors import InputValueError, RangeError
from ..units import Q_

__all__ = ["Band", "band"]


@dataclass(frozen=True)
class Band:
    """Low, typical and high value of a sampled result over its feasible samples.

    ``typical`` is the median over feasible samples; ``low`` and ``high`` the ``low_pct``
    and ``high_pct`` percentiles (``numpy.nanpercentile``). ``feasible_fraction`` is the
    share of samples that were feasible, per grid point. Where no sample is feasible all
    three are NaN and the fraction is 0.

    >>> lo, mid, hi = band(np.arange(101.0))
    >>> float(lo), float(mid), float(hi)
    (5.0, 50.0, 95.0)
    """

    low: Any
    typical: Any
    high: Any
    feasible_fraction: np.ndarray
    low_pct: float
    high_pct: float

    def __iter__(self):
        return iter((self.low, self.typical, self.high))


def _percentiles(masked: np.ndarray, pcts: tuple[float, ...]) -> list[np.ndarray]:
    """``numpy.nanpercentile(masked, pcts, axis=0)`` (linear interpolation), vectorised: NaNs
    sort last, each grid point's count of numbers sets its own interpolation indices (numpy's
    own routine loops in Python over grid points when NaNs are present)."""
    srt = np.sort(masked, axis=0)                                   # NaN last
    count = np.sum(~np.isnan(masked), axis=0)
    out = []
    for p in pcts:
        pos = (count - 1) * (p / 100.0)
        below = np.clip(np.floor(pos), 0, None).astype(np.intp)
        above = np.minimum(below + 1, np.maximum(count - 1, 0))
        frac = pos - below
        a = np.take_along_axis(srt, below[None], axis=0)[0]
        b = np.take_along_axis(srt, above[None], axis=0)[0]
        with np.errstate(invalid="ignore"):
            val = a + (b - a) * frac
        out.append(np.where(count > 0, val, np.nan))
    return out


def band(values: Any, feasible: Any = None, low: float = 5, high: float = 95) -> Band:
    """Low / typical / high of sampled values, over the feasible samples.

    Parameters
    ----------
    values : array_like or Quantity
        Samples along the first axis, any grid after it: shape ``(n, ...)``.
    feasible : array_like of bool, optional
        Which samples are feasible; broadcast against ``values``. Default: the finite ones.
    low, high : float
        Percentiles, ``0 <= low <= 50 <= high <= 100``.

    Returns
    -------
    Band
        Each of ``low``, ``typical``, ``high`` has the grid shape (``values.shape[1:]``) and
        the unit of ``values``; ``feasible_fraction`` too.

    Examples
    --------
    >>> b = band(Q_([1.0, 2.0, 3.0, 100.0], "N*m"), feasible=[True, True, True, False])
    >>> float(b.typical.m_as("N*m")), float(b.feasible_fraction)
    (2.0, 0.75)
    >>> b = band([1.0, 2.0], feasible=[False, False])
    >>> bool(np.isnan(b.typical)), float(b.feasible_fraction)
    (True, 0.0)
    """
    unit = None
    if isinstance(values, pint.Quantity):
        unit = values.units
        values = values.magnitude
    v = np.asarray(values, dtype=float)
    if v.ndim == 0:
        raise InputValueError("values must have a sample axis (first axis), got a scalar.")
    for nm, p in (("low", low), ("high", high)):
        if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)) or not math.isfinite(p):
            raise InputValueError(f"{nm}={p!r} must be a percentile, a number from 0 to 100.")
    if not 0 <= low <= 50 <= high <= 100:
        raise RangeError(f"low={low!r}, high={high!r}: expected 0 <= low <= 50 <= high <= 100.")
    if feasible is None:
        ok = np.isfinite(v)
    else:
        try:
            ok = np.broadcast_to(np.asarray(feasible, dtype=bool), v.shape) & np.isfinite(v)
        except ValueError:
            raise InputValueError(f"feasible of shape {np.shape(feasible)} does not broadcast against values of "
                                  f"shape {v.shape}.") from None
    lo, mid, hi = _percentiles(np.where(ok, v, np.nan), (low, 50.0, high))
    frac = ok.mean(axis=0)
    wrap = (lambda a: Q_(a, unit)) if unit is not None else (lambda a: a)
    return Band(low=wrap(lo), typical=wrap(mid), high=wrap(hi), feasible_fraction=np.asarray(frac),
                low_pct=float(low), high_pct=float(high))
