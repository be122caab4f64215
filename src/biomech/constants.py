"""The library's constants, in one place: gravity, joint and segment names, anatomical signs.

Every module takes these from here, so that a joint tuple or the value of g cannot drift
apart between statics, dynamics, the gait-lab route and the muscle model.

Examples
--------
>>> from biomech.constants import G, JOINTS, ANATOMICAL_SIGN
>>> G
9.80665
>>> JOINTS
('ankle', 'knee', 'hip', 'lumbar')
>>> ANATOMICAL_SIGN["knee"], ANATOMICAL_SIGN["hip"]
(1.0, -1.0)
"""

from __future__ import annotations

__all__ = ["G", "JOINTS", "LEG_JOINTS", "SEGMENT_NAMES", "SPLIT_SEGMENT_NAMES", "ANATOMICAL_SIGN"]

#: Standard gravity, m/s^2 (the conventional value, CGPM 1901; ISO 80000-3).
G = 9.80665

#: The joints whose net moments the library reports, from the ground up: ankle, knee and hip
#: (per leg) and L5/S1 (``lumbar``, whole body).
JOINTS = ("ankle", "knee", "hip", "lumbar")

#: The joints of one leg.
LEG_JOINTS = ("ankle", "knee", "hip")

#: The segments of the planar chain (their angles are a :class:`~biomech.model.pose.Pose`).
SEGMENT_NAMES = ("foot", "shank", "thigh", "trunk", "arms")

#: The rear leg's segments of a split stance (:class:`~biomech.model.pose.SplitPose`).
SPLIT_SEGMENT_NAMES = ("rear_thigh", "rear_shank", "rear_foot")

#: Anatomical sign of each joint's moment: anatomical moment = sign x (counter-clockwise moment
#: of the external forces above the joint, x forward, y up). Positive reads as ankle
#: plantarflexor, knee extensor, hip extensor and lumbar extensor demand (docs/conventions.md).
ANATOMICAL_SIGN = {"ankle": -1.0, "knee": 1.0, "hip": -1.0, "lumbar": -1.0}
