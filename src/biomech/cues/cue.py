"""One cue = one unit: its words, its premise, its experiment, its verdict rule, its flips.

A :class:`Cue` holds everything about one claim of the article: the coach's words and our
paraphrase, the article's section, the mechanical premise the model can judge, the
experiment that computes it, the :class:`~biomech.cues.verdicts.Rule` that reads the
verdict from the band, the summary's key-number template and two *flip examples*
(metric values for which the rule must give two different verdicts: the proof that the
verdict is read from the numbers, not fixed). Claims the model cannot judge carry
``outside`` (the reason) instead of a rule, and the study that bears on them.

The cues live in one module per section of the article (:mod:`biomech.cues.sections`);
adding a cue touches that module and the test list of flips.

Examples
--------
>>> import numpy as np
>>> from biomech.cues.verdicts import Rule, Verdict
>>> c = Cue("demo", "The Quadriceps", "Demo cue.", "A demo claim.", premise="x rises",
...         rule=Rule("x", 0.0, "above", "any rise"), key="x {x:+%}", experiment=lambda bodies: None,
...         flips=((np.array([0.1, 0.2]), Verdict.CONSISTENT), (np.array([-0.1, 0.2]), Verdict.DEPENDS)))
>>> c.in_scope, c.judge_values(np.array([0.3])).verdict.value
(True, 'consistent')
>>> c.key_text({"x": (0.1, 0.2, 0.3)})
'x +20 % (+10 to +30 %)'
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import InputValueError
from .verdicts import Judgement, Rule, Sample, format_value, judge_band, outside

__all__ = ["Cue", "SECTIONS", "BandText"]

#: The article's section headings, in the article's order.
SECTIONS = (
    "Here's What You Need To Know",
    "The Glutes",
    "The Hamstrings",
    "The Quadriceps",
    "The Lower Leg",
)


class BandText:
    """A band (low, typical, high) that formats itself in a key-number template.

    Format specs: ``%`` (a fraction as a percentage), ``+%`` (signed), ``x`` (a ratio), or a unit
    (``deg``, ``mm``, ``cm``, ``N·m``, ``N·m/kg``).

    >>> f"{BandText((0.1, 0.25, 0.4)):+%}", f"{BandText((1.1, 1.5, 1.9)):x}", f"{BandText((2, 3, 4)):deg}"
    ('+25 % (+10 to +40 %)', 'x1.50 (x1.10 to x1.90)', '3 deg (2 to 4 deg)')
    """

    def __init__(self, band: tuple[float, float, float]):
        self.low, self.typical, self.high = (float(v) for v in band)

    def __format__(self, spec: str) -> str:
        if spec in ("%", "+%"):
            f = "+.0f" if spec == "+%" else ".0f"
            lo, mid, hi = (format(100 * v, f) for v in (self.low, self.typical, self.high))
            return f"{mid} % ({lo} to {hi} %)" if lo != hi else f"{mid} %"
        if spec == "x":
            return (f"x{self.typical:.2f} (x{self.low:.2f} to x{self.high:.2f})"
                    if f"{self.low:.2f}" != f"{self.high:.2f}" else f"x{self.typical:.2f}")
        unit = spec or ""
        def n(v):
            return "n/a" if not math.isfinite(v) else (f"{v:.0f}" if abs(v) >= 10 or v == round(v) else f"{v:.2g}")
        lo, mid, hi = n(self.low), n(self.typical), n(self.high)
        return f"{mid} {unit} ({lo} to {hi} {unit})".replace("  ", " ") if lo != hi else f"{mid} {unit}".strip()


@dataclass(frozen=True)
class Cue:
    """One claim of the article, and everything the report needs to judge and show it.

    Attributes
    ----------
    id : str
        A slug, unique in the catalog (used for anchors and file names only).
    section : str
        The article's section heading (one of :data:`SECTIONS`).
    coach : str
        The cue as a coach would say it, a few words (the summary's first column).
    paraphrase : str
        The claim in our own words (the article is never quoted).
    premise : str
        The mechanical premise the verdict judges ("" for claims outside the model).
    rule : Rule or None
        How the verdict is read from the band.
    experiment : callable or None
        ``experiment(bodies) -> ExperimentResult``.
    key : str
        The summary's key number: a template with ``{metric:spec}`` fields filled from
        the band of each metric (see :class:`BandText`).
    flips : tuple of (ndarray, Verdict)
        Two metric-value sets and the verdict each must get; the two verdicts differ.
    outside : str
        Why the claim is outside the model (empty for judged premises).
    literature : str
        Published evidence that bears on the claim, with its sources and who was tested.
    literature_disagrees : bool
        True where published studies disagree with the article.
    exercises : tuple of str
    """

    id: str
    section: str
    coach: str
    paraphrase: str
    premise: str = ""
    rule: Rule | None = None
    experiment: Callable[..., Any] | None = None
    key: str = ""
    flips: tuple = ()
    outside: str = ""
    literature: str = ""
    literature_disagrees: bool = False
    exercises: tuple[str, ...] = field(default=())

    def __post_init__(self):
        if self.section not in SECTIONS:
            raise InputValueError(f"section={self.section!r} is not one of the article's headings {SECTIONS}.")
        if bool(self.outside) == bool(self.rule):
            raise InputValueError(f"cue {self.id!r} needs exactly one of a rule (a judged premise) or an "
                                  f"'outside' reason.")
        if self.rule is not None:
            if not (self.premise and self.experiment and self.key):
                raise InputValueError(f"cue {self.id!r} has a rule but lacks its premise, experiment or key.")
            if len(self.flips) != 2 or self.flips[0][1] == self.flips[1][1]:
                raise InputValueError(f"cue {self.id!r} needs two flip examples with different verdicts.")

    @property
    def in_scope(self) -> bool:
        """True where the model judges the premise."""
        return self.rule is not None

    def judge(self, samples: Sequence[Sample] = ()) -> Judgement:
        """The verdict: the rule over the band of ``samples``, or outside the model."""
        if not self.in_scope:
            text = self.outside
            if self.literature_disagrees:
                text = (text.rstrip(".") + ". Not support for the article: published studies disagree with it "
                        f"({self.literature.rstrip('.')})")
            return outside(text)
        return judge_band(self.rule, samples)

    def judge_values(self, values: Any) -> Judgement:
        """The rule applied to plain metric values (one group); what the flip examples use."""
        return self.judge([Sample({"body": "example"}, {self.rule.metric: np.atleast_1d(np.asarray(values, float))})])

    def key_text(self, bands: Mapping[str, tuple[float, float, float]]) -> str:
        """The key number, filled from ``bands`` (metric -> (low, typical, high))."""
        if not self.key:
            return ""
        try:
            return self.key.format(**{k: BandText(v) for k, v in bands.items()})
        except (KeyError, IndexError) as exc:
            raise InputValueError(f"cue {self.id!r}: key template {self.key!r} needs {exc}, which the experiment "
                                  f"did not give (it gave {sorted(bands)}).") from None

    def threshold_text(self) -> str:
        """The threshold and its rationale, for the cue's section."""
        if self.rule is None:
            return ""
        r = self.rule
        return (f"{r.metric.replace('_', ' ')} {'above' if r.holds == 'above' else 'below'} "
                f"{format_value(r.threshold, r.unit)}: {r.rationale}")
