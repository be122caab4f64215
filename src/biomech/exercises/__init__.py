"""Exercises: coach-level parameters in, balanced poses and their joint moments out.

A coach thinks in depth, knee travel, stance and where the bar sits, not in segment
angles. Each exercise is declared once as a frozen dataclass of those parameters (``Squat``,
``Lunge``, ..., see :mod:`biomech.exercises.spec`): ``Squat(depth="parallel",
load="100 kg").solve(body)``. Each function here is the thin wrapper
``squat(body, **params)``: the body first, every parameter a keyword (``load=`` a mass or a force);
solves the pose (free-standing lifts balance with the ground reaction at a target point
of the foot; machines and benches hold the body at the pelvis or thighs) and returns an
:class:`ExerciseResult`: a static :class:`~biomech.mechanics.statics.MomentResult` (``.pose``,
``.moments`` with ``.knee``/``.hip``/``.ankle``/``.lumbar`` also on the result itself,
``.moment_arms``, ``.feasible``, ``.reason``, :meth:`~biomech.mechanics.statics.MomentResult.table`)
plus the exercise's ``.params``. Split-stance exercises add ``.front`` and ``.rear``. ``spec.rep_path(body)`` (or :func:`rep_path`) gives the poses from
the top to the bottom.

Every numeric parameter may be an array (numpy broadcasting): a sweep is one call, and
requests that cannot exist come back NaN with a ``feasible`` mask and a ``reason`` each;
a single impossible request raises :class:`~biomech.errors.InfeasiblePoseError`.

Examples
--------
>>> import numpy as np, biomech as bm
>>> from biomech import Q_
>>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
>>> sweep = bm.exercises.squat(body, depth=Q_([80, 90, 100], "deg"), knee_travel=Q_([[0], [8]], "cm"),
...                            load="80 kg")
>>> sweep.knee.shape
(2, 3)
"""

from .common import (DORSIFLEXION_LIMIT_DEG, ExerciseResult, SplitExerciseResult, hip_joint_spacing, rep_path,
                     stance_projection)
from .spec import DEPTH_WORDS, ExerciseSpec, Param, keyword_table, param
from .squats import BodyweightSquat, BoxSquat, FrontSquat, GobletSquat, Squat, bodyweight_squat, box_squat, \
    front_squat, goblet_squat, squat
from .lunges import BulgarianSplitSquat, Lunge, SplitSquat, StepUp, bulgarian_split_squat, lunge, split_squat, \
    step_up
from .hinges import BackExtension, Deadlift, GoodMorning, RomanianDeadlift, StiffLegDeadlift, SumoDeadlift, \
    TrapBarDeadlift, back_extension, deadlift, good_morning, romanian_deadlift, stiff_leg_deadlift, sumo_deadlift, \
    trap_bar_deadlift
from .machines import LegCurl, LegExtension, LegPress, leg_curl, leg_extension, leg_press
from .calves import SeatedCalfRaise, StandingCalfRaise, seated_calf_raise, standing_calf_raise

__all__ = ["squat", "front_squat", "goblet_squat", "bodyweight_squat", "box_squat", "lunge", "split_squat",
           "bulgarian_split_squat", "step_up", "romanian_deadlift", "stiff_leg_deadlift", "deadlift",
           "back_extension", "leg_press", "leg_extension", "leg_curl", "standing_calf_raise", "seated_calf_raise",
           "sumo_deadlift", "trap_bar_deadlift", "good_morning",
           "rep_path", "ExerciseResult", "SplitExerciseResult", "DORSIFLEXION_LIMIT_DEG", "hip_joint_spacing",
           "stance_projection", "SPECS", "ExerciseSpec", "Param", "param", "keyword_table", "DEPTH_WORDS",
           "Squat", "FrontSquat", "GobletSquat", "BodyweightSquat", "BoxSquat", "Lunge", "SplitSquat",
           "BulgarianSplitSquat", "StepUp", "RomanianDeadlift", "StiffLegDeadlift", "Deadlift", "BackExtension",
           "LegPress", "LegExtension", "LegCurl", "StandingCalfRaise", "SeatedCalfRaise",
           "SumoDeadlift", "TrapBarDeadlift", "GoodMorning", "N_EXERCISES"]

#: How many exercise functions lead ``__all__`` (the commands, in order).
N_EXERCISES = 21

#: Every exercise's spec class by its name, in the order of the docs and the command line.
SPECS = {name: globals()[name].spec for name in __all__[:N_EXERCISES]}
