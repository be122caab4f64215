"""The article's cues put to the model: catalog, verdicts, experiments and the report.

>>> from biomech.cues import CATALOG, Verdict
>>> Verdict.OUTSIDE_MODEL.value
'outside a sagittal torque model'
"""

from .catalog import CATALOG, SECTIONS, ClaimKind, Cue, cues_in_section, get_cue
from .experiments import (EXPERIMENTS, STANDARD_BODIES, NamedBody, CueResult, ExperimentResult,
                          experiment_for, pending_experiments, register_experiment, run_all, run_cue,
                          tempo_depth_profile)
from . import lift_experiments  # noqa: F401  (registers the lift experiments)
from .report import ReportPaths, build_report, write_report
from .verdicts import VERDICT_FUNCTIONS, BodyJudgement, Judgement, Verdict, judge, scope_check

__all__ = [
    "CATALOG", "SECTIONS", "ClaimKind", "Cue", "cues_in_section", "get_cue",
    "EXPERIMENTS", "STANDARD_BODIES", "NamedBody", "CueResult", "ExperimentResult", "experiment_for",
    "pending_experiments", "register_experiment", "run_all", "run_cue", "tempo_depth_profile",
    "ReportPaths", "build_report", "write_report",
    "VERDICT_FUNCTIONS", "BodyJudgement", "Judgement", "Verdict", "judge", "scope_check",
]
