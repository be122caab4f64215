"""Cross-check of the static joint moments against Pinocchio's inverse dynamics (rnea).

The same planar chain is built in Pinocchio: the foot fixed to the ground; ankle,
knee, hip, L5/S1 and shoulder as revolute joints about z; the trunk split at L5/S1
exactly as biomech splits it; loads as point masses added to the bodies and forces
as external forces. With zero velocity and acceleration, rnea returns the joint
torques that hold the pose: tau_j = -M_up(j) (the moment the parent exerts on the
child), so the anatomical moment is -SIGN[j] * tau_j.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

pin = pytest.importorskip("pinocchio")

import biomech as bm  # noqa: E402
from biomech.model.loads import G  # noqa: E402
from biomech.mechanics.statics import SIGN  # noqa: E402

from conftest import bodies, poses  # noqa: E402


def _inertia(mass, lever_xy, k=0.05):
    """A pinocchio inertia: point-ish mass at (x, y) with a small rotational inertia."""
    return pin.Inertia(float(mass), np.array([lever_xy[0], lever_xy[1], 0.0]), np.eye(3) * float(mass) * k * k)


def pinocchio_moments(body, pose, point_masses, point_forces, upper_scale=1.0):
    """Joint moments from Pinocchio for a single pose.

    ``point_masses``/``point_forces``: lists of (segment, along, offset, mass or (Fx, Fy)).
    ``upper_scale`` scales everything above the hips (0.5 for one leg of a two-leg stance).
    """
    model = pin.Model()
    model.gravity.linear = np.array([0.0, -G, 0.0])
    ang = {k: float(v) for k, v in pose.segment_angles_rad().items()}
    ls, lt, lk = body.shank.length_m, body.thigh.length_m, body.trunk.length_m
    lum = body.lumbar

    def frame_xy(segment, along, offset):
        # point coordinates in each body's local frame (segment upright at q = 0)
        if segment == "shank":
            return (offset, ls - along)          # frame at the ankle, +y toward the knee
        if segment == "thigh":
            return (offset, lt - along)          # frame at the knee, +y toward the hip
        if segment == "pelvis":
            return (offset, along)               # frame at the hip
        if segment == "trunk":
            return (offset - lum.offset_m, along - lum.along_m)  # frame at L5/S1
        if segment == "arms":
            return (offset, -along)              # frame at the shoulder, arm hanging along -y
        raise ValueError(segment)

    zero = pin.SE3.Identity()
    j_ankle = model.addJoint(0, pin.JointModelRZ(), zero, "ankle")
    j_knee = model.addJoint(j_ankle, pin.JointModelRZ(), pin.SE3(np.eye(3), np.array([0, ls, 0.0])), "knee")
    j_hip = model.addJoint(j_knee, pin.JointModelRZ(), pin.SE3(np.eye(3), np.array([0, lt, 0.0])), "hip")
    j_lum = model.addJoint(j_hip, pin.JointModelRZ(),
                           pin.SE3(np.eye(3), np.array([lum.offset_m, lum.along_m, 0.0])), "lumbar")
    joints = {"shank": j_ankle, "thigh": j_knee, "pelvis": j_hip, "trunk": j_lum}
    # segment weights
    model.appendBodyToJoint(j_ankle, _inertia(body.shank.mass_kg, frame_xy("shank", body.shank.com * ls, 0)), zero)
    model.appendBodyToJoint(j_knee, _inertia(body.thigh.mass_kg, frame_xy("thigh", body.thigh.com * lt, 0)), zero)
    m_up, m_tr = lum.above_mass_kg, body.trunk.mass_kg
    m_low = m_tr - m_up
    low_along = (m_tr * body.trunk.com * lk - m_up * lum.above_com_along_m) / m_low
    low_off = -m_up * lum.above_com_offset_m / m_low
    model.appendBodyToJoint(j_hip, _inertia(upper_scale * m_low, frame_xy("pelvis", low_along, low_off)), zero)
    model.appendBodyToJoint(j_lum, _inertia(upper_scale * m_up,
                                            frame_xy("trunk", lum.above_com_along_m, lum.above_com_offset_m)), zero)
    if body.arms is not None:
        sh = frame_xy("trunk", lk, 0.0)
        j_sh = model.addJoint(j_lum, pin.JointModelRZ(), pin.SE3(np.eye(3), np.array([sh[0], sh[1], 0.0])),
                              "shoulder")
        joints["arms"] = j_sh
        model.appendBodyToJoint(j_sh, _inertia(upper_scale * body.arms.mass_kg,
                                               frame_xy("arms", body.arms.com * body.arms.length_m, 0)), zero)
    for seg, along, offset, mass in point_masses:
        key = seg if seg != "trunk" or along >= lum.along_m else "pelvis"
        scale = upper_scale if key in ("pelvis", "trunk", "arms") else 1.0
        model.appendBodyToJoint(joints[key], _inertia(scale * mass, frame_xy(key, along, offset), 1e-3), zero)
    data = model.createData()
    # a rigid trunk has both parts at the trunk's angle; a split one gives its own (lumbar flexion
    # turns the upper body forward about L5/S1: clockwise, a negative pinocchio angle)
    pel, up = ang.get("pelvis", ang["trunk"]), ang.get("upper_body", ang["trunk"])
    q = [-ang["shank"], ang["shank"] + ang["thigh"], -(ang["thigh"] + pel), -(up - pel)]
    if body.arms is not None:
        q.append(ang["arms"] + up)
    q = np.array(q)
    pin.forwardKinematics(model, data, q)
    fext = pin.StdVec_Force()
    for _ in range(model.njoints):
        fext.append(pin.Force.Zero())
    for seg, along, offset, force in point_forces:
        key = seg if seg != "trunk" or along >= lum.along_m else "pelvis"
        scale = upper_scale if key in ("pelvis", "trunk", "arms") else 1.0
        jid = joints[key]
        R = data.oMi[jid].rotation
        f_local = R.T @ np.array([force[0], force[1], 0.0]) * scale
        p = np.array([*frame_xy(key, along, offset), 0.0])
        fext[jid] = fext[jid] + pin.Force(f_local, np.cross(p, f_local))
    tau = pin.rnea(model, data, q, np.zeros(model.nv), np.zeros(model.nv), fext)
    return {"ankle": -SIGN["ankle"] * tau[0], "knee": -SIGN["knee"] * tau[1], "hip": -SIGN["hip"] * tau[2],
            "lumbar": -SIGN["lumbar"] * tau[3]}


@st.composite
def point_loads(draw, arms):
    segs = ["shank", "thigh", "trunk"] + (["arms"] if arms else [])
    masses, forces = [], []
    for _ in range(draw(st.integers(0, 3))):
        seg = draw(st.sampled_from(segs))
        along, offset = draw(st.floats(-0.05, 0.7)), draw(st.floats(-0.15, 0.15))
        if draw(st.booleans()):
            masses.append((seg, along, offset, draw(st.floats(0.5, 150))))
        else:
            forces.append((seg, along, offset, (draw(st.floats(-400, 400)), draw(st.floats(-600, 400)))))
    return masses, forces


def _ours(body, pose, masses, forces, stance):
    loads = [bm.PointMass(segment=s, along=bm.Q_(a, "m"), offset=bm.Q_(o, "m"), mass=bm.Q_(m, "kg"))
             for s, a, o, m in masses]
    loads += [bm.PointForce(segment=s, along=bm.Q_(a, "m"), offset=bm.Q_(o, "m"), force=bm.Q_(list(f), "N"))
              for s, a, o, f in forces]
    return bm.joint_moments(body, pose, loads, stance=stance)


def _close(a, b):
    # relative error below 1e-9 (with an absolute floor for moments that are ~0)
    assert a == pytest.approx(b, rel=1e-9, abs=1e-9)


@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_single_leg_matches_pinocchio(data):
    body = data.draw(bodies())
    pose = data.draw(poses())
    masses, forces = data.draw(point_loads(body.arms is not None))
    ours = _ours(body, pose, masses, forces, "single_leg")
    ref = pinocchio_moments(body, pose, masses, forces)
    for j in ("ankle", "knee", "hip", "lumbar"):
        _close(float(ours.moments[j].to("N*m").magnitude), ref[j])


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_both_legs_match_pinocchio(data):
    # Two legs: each leg's joints carry its own segments and half of everything above the hips
    # (so the Pinocchio chain gets half the upper-body masses and forces); the lumbar moment is
    # the whole body's.
    body = data.draw(bodies())
    pose = data.draw(poses())
    masses, forces = data.draw(point_loads(body.arms is not None))
    masses = [m for m in masses if m[0] not in ("shank", "thigh")]
    forces = [f for f in forces if f[0] not in ("shank", "thigh")]
    ours = _ours(body, pose, masses, forces, "both")
    half = pinocchio_moments(body, pose, masses, forces, upper_scale=0.5)
    full = pinocchio_moments(body, pose, masses, forces, upper_scale=1.0)
    for j in ("ankle", "knee", "hip"):
        _close(float(ours.moments[j].to("N*m").magnitude), half[j])
    _close(float(ours.lumbar.to("N*m").magnitude), full["lumbar"])


@st.composite
def split_poses(draw):
    """Random poses with a pelvis and upper body of their own (non-zero lumbar flexion)."""
    pose = draw(poses())
    lumbar = draw(st.floats(-30, 60).filter(lambda x: abs(x) > 1.0))
    return bm.Pose.from_radians(pose.shank_rad, pose.thigh_rad, None, pose.foot_rad, pose.arms_rad,
                                pelvis=pose.trunk_rad, lumbar=np.radians(lumbar))


@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_split_trunk_matches_pinocchio(data):
    # The pelvis and upper body with their own angles: Pinocchio's lumbar joint turns by the
    # lumbar flexion; loads on the trunk ride on the part they sit on. Single leg and two legs.
    body = data.draw(bodies())
    pose = data.draw(split_poses())
    assert abs(pose.lumbar_rad) > 0
    masses, forces = data.draw(point_loads(body.arms is not None))
    ours = _ours(body, pose, masses, forces, "single_leg")
    ref = pinocchio_moments(body, pose, masses, forces)
    for j in ("ankle", "knee", "hip", "lumbar"):
        _close(float(ours.moments[j].to("N*m").magnitude), ref[j])
    masses = [m for m in masses if m[0] not in ("shank", "thigh")]
    forces = [f for f in forces if f[0] not in ("shank", "thigh")]
    ours = _ours(body, pose, masses, forces, "both")
    half = pinocchio_moments(body, pose, masses, forces, upper_scale=0.5)
    for j in ("ankle", "knee", "hip"):
        _close(float(ours.moments[j].to("N*m").magnitude), half[j])


def test_split_trunk_many_poses_match_pinocchio(male_body):
    # The vectorised paths (a matrix over many poses, the per-form route for few) against
    # Pinocchio pose by pose, with a bar: rigid and split trunks side by side.
    rng = np.random.default_rng(7)
    n = 600   # above the size at which statics switches to one matrix product
    shank, thigh = np.radians(rng.uniform(0, 40, n)), np.radians(rng.uniform(0, 110, n))
    pelvis, lumbar = np.radians(rng.uniform(-10, 60, n)), np.radians(rng.uniform(-20, 50, n))
    pose = bm.Pose.from_radians(shank, thigh, None, 0.0, 0.3, pelvis=pelvis, lumbar=lumbar)
    bar = bm.Barbell("100 kg")
    res = bm.joint_moments(male_body, pose, [bar], stance="single_leg")
    few = bm.joint_moments(male_body, pose[:5], [bar], stance="single_leg")
    along = male_body.trunk.length_m + bar.beyond_shoulder_m
    worst = 0.0
    for i in list(range(5)) + [n // 2, n - 1]:
        ref = pinocchio_moments(male_body, pose[i], [("trunk", along, bar.offset_m, 100.0)], [])
        for j in ("ankle", "knee", "hip", "lumbar"):
            _close(float(res.moments[j].magnitude[i]), ref[j])
            if i < 5:
                _close(float(few.moments[j].magnitude[i]), ref[j])
            worst = max(worst, abs(float(res.moments[j].magnitude[i]) - ref[j]))
    assert worst < 1e-9
