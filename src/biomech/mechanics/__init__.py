"""The mechanics layer: joint moments from a model description.

:mod:`.statics` (net joint moments of a pose, top-down and bottom-up, load by load),
:mod:`.dynamics` (inverse dynamics over a motion), :mod:`.gaitlab` (bottom-up inverse
dynamics from a measured ground reaction), :mod:`.chain` (the chain's mass matrix and
induced accelerations). Results are separate objects; the model stays untouched.
"""

from .statics import MomentResult, StaticModel, joint_moments

__all__ = ["joint_moments", "StaticModel", "MomentResult"]
