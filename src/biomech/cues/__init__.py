"""The article's cues put to the model: one unit per cue, verdicts on the mechanical premise, the report.

>>> from biomech.cues import CATALOG, Verdict
>>> Verdict.OUTSIDE.value
'outside the model'
"""

from .verdicts import BAND_PERCENTILES, Judgement, Rule, Sample, Verdict, judge_band, outside
from .cue import SECTIONS, Cue
from .experiments import EXPERIMENTS, STANDARD_BODIES, ExperimentResult, NamedBody, register_experiment
from .catalog import CATALOG, cues_in_section, get_cue
from .run import CueResult, run_all, run_cue
from .report import ReportPaths, build_report, write_report

__all__ = [
    "BAND_PERCENTILES", "Judgement", "Rule", "Sample", "Verdict", "judge_band", "outside",
    "SECTIONS", "Cue", "EXPERIMENTS", "STANDARD_BODIES", "ExperimentResult", "NamedBody", "register_experiment",
    "CATALOG", "cues_in_section", "get_cue", "CueResult", "run_all", "run_cue",
    "ReportPaths", "build_report", "write_report",
]
