"""Inverse dynamics over a motion: Pinocchio cross-check, slow-motion limit, power balance."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import biomech as bm
from biomech.mechanics.dynamics import DynamicModel
from biomech.model.kinematics import SinCos, spin
from biomech.model.loads import G
from biomech.motion import Motion
from biomech.mechanics.statics import SIGN, StaticModel

from conftest import bodies, poses

pin = pytest.importorskip("pinocchio")


def _pin_model(body, masses):
    """The single-leg planar chain in Pinocchio with real segment inertias."""
    model = pin.Model()
    model.gravity.linear = np.array([0.0, -G, 0.0])
    ls, lt, lk = body.shank.length_m, body.thigh.length_m, body.trunk.length_m
    lum = body.lumbar
    zero = pin.SE3.Identity()

    def inertia(m, xy, izz):
        I = np.zeros((3, 3))
        I[2, 2] = izz
        I[0, 0] = I[1, 1] = izz + 1e-12
        return pin.Inertia(float(m), np.array([xy[0], xy[1], 0.0]), I)

    ja = model.addJoint(0, pin.JointModelRZ(), zero, "ankle")
    jk = model.addJoint(ja, pin.JointModelRZ(), pin.SE3(np.eye(3), np.array([0, ls, 0.0])), "knee")
    jh = model.addJoint(jk, pin.JointModelRZ(), pin.SE3(np.eye(3), np.array([0, lt, 0.0])), "hip")
    jl = model.addJoint(jh, pin.JointModelRZ(), pin.SE3(np.eye(3), np.array([lum.offset_m, lum.along_m, 0.0])),
                        "lumbar")
    model.appendBodyToJoint(ja, inertia(body.shank.mass_kg, (0, ls - body.shank.com * ls), body.shank.inertia_si), zero)
    model.appendBodyToJoint(jk, inertia(body.thigh.mass_kg, (0, lt - body.thigh.com * lt), body.thigh.inertia_si), zero)
    # trunk split as biomech splits it (same radius of gyration for both parts)
    dyn = DynamicModel(StaticModel(body, [], "single_leg"))
    trunk_items = [(i, it) for i, it in enumerate(dyn.statics.items) if it.is_body and it.segment == "trunk"]
    for idx, it in trunk_items:
        x, y = it.point.evaluate(SinCos({k: 0.0 for k in ("foot", "shank", "thigh", "trunk", "arms")}))
        hx, hy = dyn.statics.points["hip"].evaluate(SinCos({k: 0.0 for k in ("foot", "shank", "thigh", "trunk",
                                                                                "arms")}))
        along, off = float(y - hy), float(x - hx)
        if it.part == "pelvis":
            model.appendBodyToJoint(jh, inertia(it.mass_kg, (off, along), dyn.inertia[idx]), zero)
        else:
            model.appendBodyToJoint(jl, inertia(it.mass_kg, (off - lum.offset_m, along - lum.along_m),
                                                dyn.inertia[idx]), zero)
    js = None
    if body.arms is not None:
        js = model.addJoint(jl, pin.JointModelRZ(),
                            pin.SE3(np.eye(3), np.array([-lum.offset_m, lk - lum.along_m, 0.0])), "shoulder")
        la = body.arms.length_m
        model.appendBodyToJoint(js, inertia(body.arms.mass_kg, (0, -body.arms.com * la), body.arms.inertia_si), zero)
    for seg, along, offset, m in masses:
        if seg == "trunk" and along < lum.along_m:
            model.appendBodyToJoint(jh, inertia(m, (offset, along), 0.0), zero)
        elif seg == "trunk":
            model.appendBodyToJoint(jl, inertia(m, (offset - lum.offset_m, along - lum.along_m), 0.0), zero)
        elif seg == "thigh":
            model.appendBodyToJoint(jk, inertia(m, (offset, lt - along), 0.0), zero)
        elif seg == "shank":
            model.appendBodyToJoint(ja, inertia(m, (offset, ls - along), 0.0), zero)
    return model, js is not None


def _to_q(d, arms):
    # a rigid trunk: both parts at the trunk's angle (and rates); a split one: the lumbar joint
    # turns by the lumbar flexion (upper body - pelvis, clockwise: negative in pinocchio)
    pel, up = d.get("pelvis", d.get("trunk", 0.0)), d.get("upper_body", d.get("trunk", 0.0))
    q = [-d["shank"], d["shank"] + d["thigh"], -(d["thigh"] + pel), -(up - pel)]
    if arms:
        q.append(d["arms"] + up)
    return np.array(q, dtype=float)


@settings(max_examples=100, deadline=None)
@given(body=bodies(), pose=poses(), data=st.data())
def test_dynamics_matches_pinocchio_rnea(body, pose, data):
    # Non-zero velocities and accelerations; the lumbar joint included. Relative error < 1e-9.
    names = ("shank", "thigh", "trunk", "arms")
    vel = {k: data.draw(st.floats(-6, 6)) for k in names}
    acc = {k: data.draw(st.floats(-40, 40)) for k in names}
    masses = [(s, data.draw(st.floats(0.0, 0.6)), data.draw(st.floats(-0.1, 0.1)), data.draw(st.floats(0.5, 120)))
              for s in data.draw(st.lists(st.sampled_from(["shank", "thigh", "trunk"]), max_size=3))]
    loads = [bm.PointMass(segment=s, along=bm.Q_(a, "m"), offset=bm.Q_(o, "m"), mass=bm.Q_(m, "kg"))
             for s, a, o, m in masses]
    ang = {k: float(v) for k, v in pose.segment_angles_rad().items()}
    vel["foot"] = acc["foot"] = 0.0
    motion = Motion(pose=pose, velocity={k: bm.Q_(v, "rad/s") for k, v in vel.items()},
                    acceleration={k: bm.Q_(v, "rad/s**2") for k, v in acc.items()})
    ours = bm.inverse_dynamics(body, motion, loads, stance="single_leg")
    model, arms = _pin_model(body, masses)
    data_pin = model.createData()
    tau = pin.rnea(model, data_pin, _to_q(ang, arms), _to_q(vel, arms) * [1, 1, 1, 0, 1][:model.nv],
                   _to_q(acc, arms) * [1, 1, 1, 0, 1][:model.nv])
    for i, j in enumerate(("ankle", "knee", "hip", "lumbar")):
        expected = -SIGN[j] * tau[i]
        assert float(ours.moments[j].to("N*m").magnitude) == pytest.approx(expected, rel=1e-9, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(body=bodies(), pose=poses(), data=st.data())
def test_split_trunk_dynamics_matches_pinocchio_rnea(body, pose, data):
    # A pelvis and upper body with their own angles, rates and accelerations (non-zero lumbar
    # flexion and lumbar flexion rate): pinocchio's lumbar joint moves. Relative error < 1e-9.
    lumbar = np.radians(data.draw(st.floats(-30, 60).filter(lambda x: abs(x) > 1.0)))
    pose = bm.Pose.from_radians(pose.shank_rad, pose.thigh_rad, None, pose.foot_rad, pose.arms_rad,
                                pelvis=pose.trunk_rad, lumbar=lumbar)
    names = ("shank", "thigh", "pelvis", "upper_body", "arms")
    vel = {k: data.draw(st.floats(-6, 6)) for k in names}
    acc = {k: data.draw(st.floats(-40, 40)) for k in names}
    masses = [(s, data.draw(st.floats(0.0, 0.6)), data.draw(st.floats(-0.1, 0.1)), data.draw(st.floats(0.5, 120)))
              for s in data.draw(st.lists(st.sampled_from(["shank", "thigh", "trunk"]), max_size=3))]
    loads = [bm.PointMass(segment=s, along=bm.Q_(a, "m"), offset=bm.Q_(o, "m"), mass=bm.Q_(m, "kg"))
             for s, a, o, m in masses]
    ang = {k: float(v) for k, v in pose.segment_angles_rad().items()}
    vel["foot"] = acc["foot"] = 0.0
    motion = Motion(pose=pose, velocity={k: bm.Q_(v, "rad/s") for k, v in vel.items()},
                    acceleration={k: bm.Q_(v, "rad/s**2") for k, v in acc.items()})
    ours = bm.inverse_dynamics(body, motion, loads, stance="single_leg")
    # the general (per-item) route too, beside the fast bilinear one
    st_model = StaticModel(body, loads, "single_leg")
    dyn = DynamicModel(st_model)
    slow = dyn.moments(pose.segment_angles_rad(), vel, acc)
    model, arms = _pin_model(body, masses)
    data_pin = model.createData()
    tau = pin.rnea(model, data_pin, _to_q(ang, arms), _to_q(vel, arms), _to_q(acc, arms))
    for i, j in enumerate(("ankle", "knee", "hip", "lumbar")):
        expected = -SIGN[j] * tau[i]
        assert float(ours.moments[j].to("N*m").magnitude) == pytest.approx(expected, rel=1e-9, abs=1e-9)
        assert float(slow[j]) == pytest.approx(expected, rel=1e-9, abs=1e-9)


def test_split_trunk_bottom_up_equals_top_down(male_body):
    # A rep with the lumbar spine flexing as the lifter descends: the gait-lab (bottom-up) route
    # fed the ground reaction the top-down route implies gives the same moments.
    t = np.linspace(0, 1.5, 301)
    x = np.sin(np.pi * t / 1.5) ** 2
    pose = bm.Pose.from_radians(np.radians(5 + 25 * x), np.radians(5 + 80 * x), None, 0.0, 0.0,
                                pelvis=np.radians(2 + 30 * x), lumbar=np.radians(25 * x))
    motion = Motion.from_samples(bm.Q_(t, "s"), pose, cutoff=None)
    assert np.max(np.abs(motion.velocity_rad_s["upper_body"] - motion.velocity_rad_s["pelvis"])) > 0.1
    td = bm.inverse_dynamics(male_body, motion, [bm.Barbell("80 kg")])
    grf = bm.GroundReaction(force=td.ground_reaction, cop=td.cop)
    bu = bm.inverse_dynamics(male_body, motion, [bm.Barbell("80 kg")], ground_reaction=grf)
    for j in ("ankle", "knee", "hip", "lumbar"):
        np.testing.assert_allclose(bu.moments[j].magnitude, td.moments[j].magnitude, atol=1e-7)


def _rep(body, duration, n=801):
    """A smooth squat rep (minimum-jerk down and up) lasting ``duration`` seconds."""
    t = np.linspace(0, duration, n)
    s = t / duration
    phase = np.where(s < 0.5, 2 * s, 2 - 2 * s)
    x = 10 * phase**3 - 15 * phase**4 + 6 * phase**5
    knee = np.radians(5 + 110 * x)
    ankle = np.radians(2 + 30 * x)
    hip = np.radians(5 + 100 * x)
    return Motion.from_joint_angles(time=bm.Q_(t, "s"), ankle=bm.Q_(ankle, "rad"), knee=bm.Q_(knee, "rad"),
                                    hip=bm.Q_(hip, "rad"), cutoff=None)


def test_slow_tempo_tends_to_static(male_body):
    # The inertial part shrinks as 1/T^2: a 60 s rep is static to within a few hundredths of N*m.
    fast = bm.inverse_dynamics(male_body, _rep(male_body, 2.0), [bm.Barbell("100 kg")])
    slow = bm.inverse_dynamics(male_body, _rep(male_body, 60.0), [bm.Barbell("100 kg")])
    peak_fast = np.max(np.abs(fast.inertial.knee.magnitude))
    peak_slow = np.max(np.abs(slow.inertial.knee.magnitude))
    assert peak_fast > 1.0
    assert peak_slow < peak_fast / 500  # (60/2)^2 = 900 in theory
    np.testing.assert_allclose(slow.knee.magnitude, slow.static.knee.magnitude, atol=peak_fast / 500)


def _lowering_analytic(duration, n=2001):
    """The lowering half of a minimum-jerk squat with exact (analytic) rates."""
    t = np.linspace(0, duration, n)
    p = t / duration
    x = 10 * p**3 - 15 * p**4 + 6 * p**5
    xd = (30 * p**2 - 60 * p**3 + 30 * p**4) / duration
    xdd = (60 * p - 180 * p**2 + 120 * p**3) / duration**2
    # joint angle = a + b x (degrees) -> segment angles are linear in x as well
    ankle, knee, hip = (np.radians(2), np.radians(30)), (np.radians(5), np.radians(110)), (np.radians(5),
                                                                                         np.radians(100))
    shank = (ankle[0], ankle[1])
    thigh = (knee[0] - shank[0], knee[1] - shank[1])
    trunk = (hip[0] - thigh[0], hip[1] - thigh[1])
    seg = {"shank": shank, "thigh": thigh, "trunk": trunk}
    pose = bm.Pose.from_radians(**{k: a + b * x for k, (a, b) in seg.items()})
    vel = {k: bm.Q_(b * xd, "rad/s") for k, (a, b) in seg.items()}
    acc = {k: bm.Q_(b * xdd, "rad/s**2") for k, (a, b) in seg.items()}
    return Motion(pose=pose, velocity=vel, acceleration=acc, time=bm.Q_(t, "s"))


def test_power_balance_over_half_a_rep(male_body):
    # Sum of joint powers (moment x extension velocity) = rate of change of the mechanical
    # energy of body and bar (single leg, foot fixed: the ground does no work). Rates are exact,
    # so the only error is the finite-difference dE/dt (second order in the time step).
    # no arms: with the arm angle held in world terms the shoulder would do work too, and the
    # model has no shoulder moment to account for it
    import dataclasses
    male_body = dataclasses.replace(male_body, arms=None)
    motion = _lowering_analytic(1.0)
    loads = [bm.Barbell("60 kg")]
    res = bm.inverse_dynamics(male_body, motion, loads, stance="single_leg")
    st_model = StaticModel(male_body, loads, "single_leg")
    dyn = DynamicModel(st_model)
    sc = st_model.sincos(motion.pose.segment_angles_rad())
    om = motion.velocity_rad_s
    energy = 0.0
    for idx, it in enumerate(st_model.items):
        if it.part == "foot":
            continue
        m = it.mass_kg
        x, y = it.point.evaluate(sc)
        vx, vy = it.point.velocity(sc, om)
        energy = energy + m * G * y + 0.5 * m * (vx**2 + vy**2)
        if idx in dyn.inertia:
            energy = energy + 0.5 * dyn.inertia[idx] * (spin(it.segment) * om.get(it.segment, 0.0))**2
    t = motion.time_s
    dE = np.gradient(energy, t)
    ext = motion.extension_velocity_rad_s()
    power = sum(res.moments[j].magnitude * ext[j] for j in ("ankle", "knee", "hip"))
    inner = slice(1, -1)
    scale = np.max(np.abs(power))
    assert np.max(np.abs(power[inner] - dE[inner])) < 1e-4 * scale


def test_still_motion_equals_statics(male_body):
    pose = bm.Pose(shank=bm.Q_([10, 30], "deg"), thigh=bm.Q_([40, 95], "deg"), trunk=bm.Q_([20, 50], "deg"))
    res = bm.inverse_dynamics(male_body, Motion(pose=pose), [bm.Barbell("100 kg")])
    st = bm.joint_moments(male_body, pose, [bm.Barbell("100 kg")])
    for j in ("ankle", "knee", "hip", "lumbar"):
        np.testing.assert_allclose(res.moments[j].magnitude, st.moments[j].magnitude, atol=1e-9)
        np.testing.assert_allclose(res.inertial[j].magnitude, 0.0, atol=1e-9)


def test_bottom_up_with_implied_ground_reaction_equals_top_down(male_body):
    # Feed the ground reaction the top-down route implies back in as a "measured" one:
    # the gait-lab route must give the same moments.
    motion = _rep(male_body, 1.5, n=301)
    td = bm.inverse_dynamics(male_body, motion, [bm.Barbell("80 kg")])
    grf = bm.GroundReaction(force=td.ground_reaction, cop=td.cop)
    bu = bm.inverse_dynamics(male_body, motion, [bm.Barbell("80 kg")], ground_reaction=grf)
    for j in ("ankle", "knee", "hip", "lumbar"):
        np.testing.assert_allclose(bu.moments[j].magnitude, td.moments[j].magnitude, atol=1e-7)
