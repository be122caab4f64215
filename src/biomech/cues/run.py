"""Run each cue's experiment and read its verdict from the band.

Examples
--------
>>> from biomech.cues.catalog import get_cue
>>> from biomech.cues.experiments import STANDARD_BODIES
>>> r = run_cue(get_cue("calf-pump"))
>>> r.status, r.judgement.verdict.value
('verdict', 'outside the model')
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..errors import BiomechError
from .cue import Cue
from .experiments import STANDARD_BODIES, ExperimentResult, NamedBody
from .verdicts import BAND_PERCENTILES, Judgement

__all__ = ["CueResult", "run_cue", "run_all"]


@dataclass(frozen=True)
class CueResult:
    """One cue's outcome.

    ``status`` is ``"verdict"`` or ``"error"`` (the experiment failed; ``message`` says how).
    ``bands`` maps each metric to its (low, typical, high) over draws and bodies.
    """

    cue: Cue
    status: str
    judgement: Judgement | None = None
    experiment: ExperimentResult | None = None
    message: str = ""
    bands: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The summary's key number with its band ("" when there is none)."""
        return self.cue.key_text(self.bands) if self.bands and self.cue.key else ""


def _bands(res: ExperimentResult) -> dict:
    pooled: dict[str, list] = {}
    for s in res.band_samples():
        for k, v in s.values.items():
            pooled.setdefault(k, []).append(np.atleast_1d(np.asarray(v, dtype=float)).ravel())
    out = {}
    for k, arrs in pooled.items():
        v = np.concatenate(arrs)
        v = v[np.isfinite(v)]
        if v.size:
            lo, mid, hi = np.percentile(v, [BAND_PERCENTILES[0], 50.0, BAND_PERCENTILES[1]], method="inverted_cdf")
            out[k] = (float(lo), float(mid), float(hi))
    return out


def run_cue(cue: Cue, bodies: Sequence[NamedBody] = STANDARD_BODIES, *, strict: bool = False) -> CueResult:
    """Run a cue's experiment (if any) and judge its premise.

    Parameters
    ----------
    cue : Cue
    bodies : sequence of NamedBody
    strict : bool
        Re-raise an experiment's error instead of recording it (tests use this).
    """
    if cue.experiment is None:
        return CueResult(cue, "verdict", cue.judge())
    try:
        res = cue.experiment(bodies)
        bands = _bands(res)
        judgement = cue.judge(res.band_samples()) if cue.in_scope else cue.judge()
        return CueResult(cue, "verdict", judgement, res, bands=bands)
    except Exception as exc:  # one failing experiment must not sink the whole report
        if strict:
            raise
        kind = "" if isinstance(exc, BiomechError) else f" ({exc.__class__.__name__})"
        tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return CueResult(cue, "error", message=f"the experiment failed{kind}: {tb}")


def _stderr_progress(i: int, n: int, cue_id: str, status: str) -> None:
    print(f"[{i}/{n}] {cue_id}: {status}", file=sys.stderr, flush=True)


def run_all(bodies: Sequence[NamedBody] = STANDARD_BODIES, cues: Sequence[Cue] | None = None, *,
            progress: Callable[[int, int, str, str], None] | None = None, strict: bool = False) -> list[CueResult]:
    """Run and judge every cue, in the catalog's order.

    Parameters
    ----------
    progress : callable(i, n, cue_id, status), optional
        Called once per cue as it finishes; by default a line on stderr.
    """
    from .catalog import CATALOG
    cues = CATALOG if cues is None else cues
    progress = progress or _stderr_progress
    out = []
    for i, cue in enumerate(cues, 1):
        r = run_cue(cue, bodies, strict=strict)
        out.append(r)
        progress(i, len(cues), cue.id, r.judgement.verdict.value if r.judgement else r.status)
    return out
