"""The model layer: a body described once (segments, anthropometric tables), poses and loads.

Nothing here computes a moment; :mod:`biomech.mechanics` does, from these descriptions.
Modules: :mod:`.anthropometry` (published segment tables), :mod:`.body` (``Body``,
``Segment``, foot and lumbar geometry), :mod:`.pose` (segment and joint angles),
:mod:`.loads` (bars, hand loads, forces, bands, cables), :mod:`.kinematics` (landmarks as
affine forms in each segment's sine and cosine).
"""

from .body import Body, FootGeometry, LumbarGeometry, Segment
from .loads import Barbell, Cable, ElasticBand, HandLoad, PointForce, PointMass
from .pose import LegPose, Pose, SplitPose

__all__ = ["Body", "Segment", "FootGeometry", "LumbarGeometry", "Pose", "LegPose", "SplitPose", "Barbell",
           "PointMass", "PointForce", "HandLoad", "ElasticBand", "Cable"]
