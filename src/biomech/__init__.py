"""biomech: sagittal-plane joint torques for strength exercises.

Which joint does this variation load, by how much, and why? ``biomech`` models the
body as a planar chain of rigid segments (foot, shank, thigh, trunk, arms) with pint
units at every edge, and computes net joint moments (force x moment arm) at the
ankle, knee, hip and L5/S1, statically and over a motion.

Quick example
-------------
>>> import biomech as bm
>>> body = bm.Body.from_anthropometrics(height="178 cm", mass="80 kg", sex="male")
>>> pose = bm.Pose(shank="30 deg", thigh="90 deg", trunk="45 deg")
>>> res = bm.joint_moments(body, pose, [bm.Barbell(mass="100 kg", position="high_bar")])
>>> res.knee.units
<Unit('newton * meter')>

Conventions (frame, angles, signs, units) are in ``docs/conventions.md``.
"""

from . import _compat

_compat.install()

from .units import Q_, ureg
from .errors import (BiomechError, DataFileError, InfeasiblePoseError, InputValueError, OutputFileError,
                     RangeError, UnitError)
from .model.body import Body, FootGeometry, LumbarGeometry, Segment
from .model.pose import LegPose, Pose, SplitPose
from .model.loads import Barbell, Cable, ElasticBand, HandLoad, PointForce, PointMass
from .mechanics.statics import MomentResult, StaticModel, joint_moments

__version__ = "0.2.0"

__all__ = [
    "ureg", "Q_", "BiomechError", "UnitError", "InputValueError", "RangeError", "InfeasiblePoseError",
    "DataFileError", "OutputFileError", "Body", "Segment", "FootGeometry", "LumbarGeometry", "Pose", "LegPose", "SplitPose",
    "Barbell", "PointMass", "PointForce", "HandLoad", "ElasticBand", "Cable", "joint_moments", "StaticModel",
    "MomentResult",
]

from .motion.motion import Motion
from .mechanics.dynamics import DynamicsResult, inverse_dynamics
from .mechanics.gaitlab import GroundReaction, gait_inverse_dynamics

__all__ += ["Motion", "inverse_dynamics", "DynamicsResult", "GroundReaction", "gait_inverse_dynamics"]

from .muscles import muscle_demand

__all__ += ["muscle_demand"]

from .motion.tempo import Tempo, rep_motion
from .motion.sets import parse_sets
from .motion.io import read_motion, write_mot
from .motion.summaries import summarize_motion

__all__ += ["Tempo", "rep_motion", "parse_sets", "read_motion", "write_mot", "summarize_motion"]

from . import exercises
from . import constants, kernels
from .mechanics.results import JointValues, PoseMoments

__all__ += ["exercises", "constants", "kernels", "JointValues", "PoseMoments"]


def __getattr__(name: str):
    """Old submodule attributes (``biomech.plot``) for one release, with a DeprecationWarning."""
    return _compat.moved_attribute(__name__, name)
