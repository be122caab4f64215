"""Verdicts on a cue's mechanical premise, read from a band over technique and bodies.

A verdict never judges the article's claim itself (growth, injury, feel, fatigue are
outside a sagittal torque model); it judges the *mechanical premise* the claim rests on,
named in each cue ("deeper squats raise the knee-extensor moment per kg").

Four verdicts (:class:`Verdict`):

* **consistent**: the premise holds over the whole band;
* **inconsistent**: it fails over the whole band;
* **depends**: the band straddles the threshold; the verdict names what it depends on
  (the body, the lift, or the technique variable that moves the number most);
* **outside the model**: the claim needs something a sagittal torque model does not
  have; the reason says what.

The band: an experiment evaluates each technique draw in *both* of the cue's conditions
(the cue's own variable is set, not sampled), for every standard body, and hands the
paired difference (or ratio) over all draws and bodies to :func:`judge_band`. The band is
its 5th to 95th percentile, the percentiles of :func:`biomech.exercises.technique.band`
taken without interpolation (each end is a value some draw has), so a verdict of
consistent or inconsistent holds for nine lifters in ten.

A :class:`Rule` holds the metric's threshold and the threshold's rationale. Thresholds
are natural nulls (no change: 0 %, a ratio of 1) wherever the premise is a direction; a
verdict prints its margin (typical value minus threshold) against the band's width.

Examples
--------
>>> import numpy as np
>>> r = Rule("knee_change", 0.0, "above", "any rise in knee demand is what the cue claims", unit="%")
>>> judge_band(r, [Sample({"body": "a"}, {"knee_change": np.array([0.1, 0.2, 0.3])})]).verdict.value
'consistent'
>>> judge_band(r, [Sample({"body": "a"}, {"knee_change": np.array([-0.1, 0.2])})]).verdict.value
'depends'
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..errors import InputValueError

__all__ = ["Verdict", "Rule", "Sample", "Judgement", "judge_band", "outside", "BAND_PERCENTILES",
           "format_value"]

#: Low and high percentiles of a band (the technique layer's default): a verdict that holds
#: over the band holds for nine lifters in ten.
BAND_PERCENTILES = (5.0, 95.0)


class Verdict(enum.Enum):
    """The four verdict words."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    DEPENDS = "depends"
    OUTSIDE = "outside the model"


@dataclass(frozen=True)
class Rule:
    """How a cue's premise is read from one metric.

    Attributes
    ----------
    metric : str
        Key of the metric in the experiment's samples.
    threshold : float
        The value that separates "premise holds" from "premise fails".
    holds : {"above", "below"}
        The premise holds where the metric is above (below) the threshold.
    rationale : str
        Why this threshold (a natural null, a published value, a stated assumption).
    unit : {"%", "x", "deg", "mm", "cm", "N·m", ""}
        How the metric prints: ``"%"`` multiplies a fraction by 100; ``"x"`` is a ratio.
    """

    metric: str
    threshold: float
    holds: str
    rationale: str
    unit: str = ""

    def __post_init__(self):
        if self.holds not in ("above", "below"):
            raise InputValueError(f"holds={self.holds!r}: expected 'above' or 'below'.")
        if not self.rationale.strip():
            raise InputValueError(f"rule for {self.metric!r} has no rationale; every threshold needs one.")

    def fmt(self, x: float, signed: bool = False) -> str:
        return format_value(x, self.unit, signed)


def format_value(x: float, unit: str, signed: bool = False) -> str:
    """A metric value in its unit: ``"%"`` shows a fraction as a percentage.

    >>> format_value(0.254, "%", True), format_value(1.756, "x"), format_value(12.3, "deg")
    ('+25 %', 'x1.76', '12.3 deg')
    """
    if not math.isfinite(x):
        return "n/a"
    if unit == "%":
        return f"{100 * x:+.0f} %" if signed else f"{100 * x:.0f} %"
    if unit == "x":
        return f"x{x:.2f}"
    s = f"{x:+.3g}" if signed else f"{x:.3g}"
    return f"{s} {unit}".strip()


@dataclass(frozen=True)
class Sample:
    """One group of paired results: its labels, its metrics over draws, the drawn values.

    Attributes
    ----------
    labels : dict of str to str
        What this group is ("body": "female", "lift": "RDL").
    values : dict of str to ndarray
        Metric name -> values over the technique draws (a single value where nothing is drawn).
    drivers : dict of str to ndarray
        Drawn technique variable (in words, with its unit) -> its values, same length.
    """

    labels: Mapping[str, str]
    values: Mapping[str, np.ndarray]
    drivers: Mapping[str, np.ndarray] = field(default_factory=dict)


@dataclass(frozen=True)
class Judgement:
    """A verdict, why, and the band it was read from.

    Attributes
    ----------
    verdict : Verdict
    reason : str
        One or two sentences: the premise's number, its band, the threshold and its
        rationale; for depends, what it depends on.
    low, typical, high : float
        The band of the metric (NaN for outside the model).
    margin : float
        ``typical - threshold`` (signed toward the premise holding), NaN when outside.
    width : float
        ``high - low``.
    depends_on : str
        What a "depends" verdict depends on ("" otherwise).
    """

    verdict: Verdict
    reason: str
    low: float = math.nan
    typical: float = math.nan
    high: float = math.nan
    margin: float = math.nan
    width: float = math.nan
    depends_on: str = ""


def outside(reason: str) -> Judgement:
    """The verdict for a claim a sagittal torque model cannot judge.

    >>> outside("fibre type is not a moment").verdict.value
    'outside the model'
    """
    if not reason.strip():
        raise InputValueError("an 'outside the model' verdict needs its reason.")
    return Judgement(Verdict.OUTSIDE, reason.rstrip(".") + ".")


def _pool(rule: Rule, samples: Sequence[Sample]) -> np.ndarray:
    vals = []
    for s in samples:
        if rule.metric not in s.values:
            raise InputValueError(f"a sample {dict(s.labels)} has no metric {rule.metric!r}; it has "
                                  f"{sorted(s.values)}.")
        vals.append(np.atleast_1d(np.asarray(s.values[rule.metric], dtype=float)).ravel())
    return np.concatenate(vals) if vals else np.array([])


def _band(v: np.ndarray) -> tuple[float, float, float]:
    v = v[np.isfinite(v)]
    if v.size == 0:
        return math.nan, math.nan, math.nan
    lo, mid, hi = np.percentile(v, [BAND_PERCENTILES[0], 50.0, BAND_PERCENTILES[1]], method="inverted_cdf")
    return float(lo), float(mid), float(hi)


def _side(rule: Rule, x: float) -> int:
    """+1 where the premise holds (strictly beyond the threshold), -1 where it fails (a value on
    the threshold fails: no change is not a change)."""
    d = (x - rule.threshold) if rule.holds == "above" else (rule.threshold - x)
    return 1 if d > 0 else -1


def _what_it_depends_on(rule: Rule, samples: Sequence[Sample]) -> str:
    """Name the label (body, lift, ...) whose groups fall on both sides, else the driver."""
    keys = []
    for s in samples:
        for k in s.labels:
            if k not in keys:
                keys.append(k)
    for key in keys:
        groups: dict[str, list[np.ndarray]] = {}
        for s in samples:
            groups.setdefault(s.labels.get(key, "?"), []).append(
                np.atleast_1d(np.asarray(s.values[rule.metric], dtype=float)).ravel())
        if len(groups) < 2:
            continue
        sides = {}
        for name, arrs in groups.items():
            lo, _, hi = _band(np.concatenate(arrs))
            a, b = _side(rule, lo), _side(rule, hi)
            sides[name] = a if a == b and a != 0 else 0
        if 1 in sides.values() and (-1 in sides.values() or 0 in sides.values()):
            yes = [n for n, v in sides.items() if v == 1]
            no = [n for n, v in sides.items() if v == -1]
            mixed = [n for n, v in sides.items() if v == 0]
            return (f"the {key}: holds for {' and '.join(yes)}"
                    + (f"; fails for {' and '.join(no)}" if no else "")
                    + (f"; mixed for {' and '.join(mixed)}" if mixed else ""))
    # technique: the drawn variable that moves the metric most (rank correlation, pooled)
    best, best_r = "", 0.0
    names = {n for s in samples for n in s.drivers}
    for name in sorted(names):
        xs, ys = [], []
        for s in samples:
            if name in s.drivers:
                xs.append(np.asarray(s.drivers[name], dtype=float).ravel())
                ys.append(np.atleast_1d(np.asarray(s.values[rule.metric], dtype=float)).ravel())
        x, y = np.concatenate(xs), np.concatenate(ys)
        ok = np.isfinite(x) & np.isfinite(y)
        if ok.sum() < 3 or np.ptp(x[ok]) == 0 or np.ptp(y[ok]) == 0:
            continue
        rx = np.argsort(np.argsort(x[ok]))
        ry = np.argsort(np.argsort(y[ok]))
        r = float(np.corrcoef(rx, ry)[0, 1])
        if abs(r) > abs(best_r):
            best, best_r = name, r
    if best:
        up = (best_r > 0) == (rule.holds == "above")
        return f"{best} most of all (the premise holds with {'more' if up else 'less'} of it)"
    return f"the {keys[0]}" if keys else "the lifter"


def judge_band(rule: Rule, samples: Sequence[Sample]) -> Judgement:
    """The verdict of ``rule`` over the band of all samples' metric values.

    Consistent where the whole band (5th to 95th percentile) lies on the premise's side of
    the threshold, inconsistent where it lies wholly on the other, depends otherwise.

    Parameters
    ----------
    rule : Rule
    samples : sequence of Sample
        Every body (and lift, and pose) with its metric values over the draws.

    Returns
    -------
    Judgement

    Raises
    ------
    InputValueError
        No samples, or no finite value.

    Examples
    --------
    >>> import numpy as np
    >>> r = Rule("ratio", 1.0, "below", "less than equal leverage", unit="x")
    >>> s = [Sample({"pose": "seated"}, {"ratio": np.array([1.7, 1.8])}),
    ...      Sample({"pose": "standing"}, {"ratio": np.array([0.8, 0.9])})]
    >>> j = judge_band(r, s)
    >>> j.verdict.value, j.depends_on
    ('depends', 'the pose: holds for standing; fails for seated')
    """
    if not samples:
        raise InputValueError("samples is empty; a verdict needs at least one body's numbers.")
    v = _pool(rule, samples)
    lo, mid, hi = _band(v)
    if not math.isfinite(mid):
        raise InputValueError(f"no finite value of {rule.metric!r} in the samples; nothing to judge.")
    margin = (mid - rule.threshold) if rule.holds == "above" else (rule.threshold - mid)
    width = hi - lo
    a, b = _side(rule, lo), _side(rule, hi)
    band_text = (f"{rule.fmt(mid, rule.unit == '%')} (band {rule.fmt(lo, rule.unit == '%')} to "
                 f"{rule.fmt(hi, rule.unit == '%')})")
    thr = f"the premise holds {'above' if rule.holds == 'above' else 'below'} {rule.fmt(rule.threshold)}"
    marg = f"margin {rule.fmt(abs(margin))} against a band {rule.fmt(width)} wide"
    if a == b == 1:
        return Judgement(Verdict.CONSISTENT, f"{band_text}: the whole band is on the premise's side "
                         f"({marg}; {thr}).", lo, mid, hi, margin, width)
    if a == b == -1:
        return Judgement(Verdict.INCONSISTENT, f"{band_text}: the whole band is on the wrong side "
                         f"({marg}; {thr}).", lo, mid, hi, margin, width)
    on = _what_it_depends_on(rule, samples)
    return Judgement(Verdict.DEPENDS, f"{band_text}: the band straddles the threshold, so it depends on {on} "
                     f"({marg}; {thr}).", lo, mid, hi, margin, width, on)
