"""The pelvis and upper body: the balance solver's hook, motions and kernels with a split trunk."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import biomech as bm
from biomech import kernels
from biomech.exercises.common import make_model, solve_free_angle, solve_lumbopelvic
from biomech.model.pose import lumbar_ratios, trunk_line_offset
from biomech.motion import Motion


@settings(max_examples=40, deadline=None)
@given(shank=st.floats(5, 40), thigh=st.floats(30, 110), lumbar=st.floats(-15, 40),
       cop=st.sampled_from(["heel", "midfoot", "ball"]))
def test_balance_with_lumbar_flexion_puts_the_pressure_on_target(shank, thigh, lumbar, cop):
    # solve_free_angle(..., lumbar=): the pelvis is solved with the upper body tied to it; the pose
    # it gives stands with its centre of pressure at the target, to 1e-9 m.
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    bar = bm.Barbell("100 kg", "low_bar")
    model = make_model(body, [bar])
    fg = body.foot_geometry
    target = {"heel": 0.02, "midfoot": fg.midfoot_x, "ball": fg.ball_x}[cop]
    ang = {"foot": 0.0, "shank": np.radians(shank), "thigh": np.radians(thigh), "arms": 0.0}
    pelvis, ok = solve_free_angle(model, ang, "pelvis", target, lumbar=np.radians(lumbar))
    if not ok:
        return
    pose = bm.Pose.from_radians(ang["shank"], ang["thigh"], None, 0.0, 0.0, pelvis=pelvis, lumbar=np.radians(lumbar))
    res = bm.joint_moments(body, pose, [bar])
    assert float(res.cop.magnitude[0]) == pytest.approx(target, abs=1e-9)
    # the rigid solve (no lumbar) is unchanged and also balanced
    rigid, ok = solve_free_angle(model, ang, "trunk", target)
    res = bm.joint_moments(body, bm.Pose.from_radians(ang["shank"], ang["thigh"], rigid), [bar])
    assert float(res.cop.magnitude[0]) == pytest.approx(target, abs=1e-9)


def test_balance_with_arrays_and_a_tied_arm():
    # arrays broadcast; an arm tied to the upper body (arms + upper body = 90 deg, the arms held at
    # right angles to the upper body) is tied to the pelvis angle as (90 deg - lumbar, -1)
    body = bm.Body.from_anthropometrics("170 cm", "65 kg", sex="female")
    model = make_model(body, [bm.HandLoad("20 kg")])
    thigh = np.radians(np.linspace(40, 100, 7))
    lumbar = np.radians(np.linspace(0, 30, 7))
    ang = {"foot": 0.0, "shank": np.radians(10.0), "thigh": thigh, "arms": 0.0}
    pelvis, ok = solve_free_angle(model, ang, "pelvis", body.foot_geometry.midfoot_x, {"arms": (np.pi / 2 - lumbar, -1.0)},
                                  lumbar=lumbar)
    assert ok.all()
    arms = np.pi / 2 - (pelvis + lumbar)
    pose = bm.Pose.from_radians(np.radians(10.0), thigh, None, 0.0, arms, pelvis=pelvis, lumbar=lumbar)
    res = bm.joint_moments(body, pose, [bm.HandLoad("20 kg")])
    np.testing.assert_allclose(res.cop.magnitude[..., 0], body.foot_geometry.midfoot_x, atol=1e-9)
    np.testing.assert_allclose(np.degrees(pose.upper_body_rad + pose.arms_rad), 90.0, atol=1e-9)


def test_solve_free_angle_refusals():
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    model = make_model(body)
    ang = {"foot": 0.0, "shank": 0.3, "thigh": 1.2, "arms": 0.0}
    with pytest.raises(bm.InputValueError, match="free angle must be 'trunk' or 'pelvis'"):
        solve_free_angle(model, ang, "shank", 0.1, lumbar=0.2)


def test_lumbopelvic_rhythm_solve():
    # the lumbar flexion is the given share of the hip-to-shoulder lean; balance holds
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    bar = bm.Barbell("100 kg")
    model = make_model(body, [bar])
    ang = {"foot": 0.0, "shank": np.radians(np.array([20.0, 30.0])), "thigh": np.radians(np.array([70.0, 95.0])),
           "arms": 0.0}
    share = 16.55 / 45.0
    pelvis, lumbar, ok = solve_lumbopelvic(model, ang, body.foot_geometry.midfoot_x, share)
    assert ok.all()
    trunk = pelvis + trunk_line_offset(lumbar, lumbar_ratios(body))
    np.testing.assert_allclose(lumbar / trunk, share, atol=1e-9)
    pose = bm.Pose.from_radians(ang["shank"], ang["thigh"], None, 0.0, 0.0, pelvis=pelvis, lumbar=lumbar)
    np.testing.assert_allclose(pose.trunk_rad, trunk, atol=1e-9)
    res = bm.joint_moments(body, pose, [bar])
    np.testing.assert_allclose(res.cop.magnitude[..., 0], body.foot_geometry.midfoot_x, atol=1e-9)


def test_flexing_the_spine_moves_load_from_the_hip_to_the_pelvis_tilt():
    # At the same hip-to-shoulder line, flexing the lumbar spine tilts the pelvis less: hip flexion
    # (thigh + pelvis) falls while the L5/S1 moment barely changes (the load above L5/S1 stays put).
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    rigid = bm.Pose(shank="25 deg", thigh="90 deg", trunk="45 deg")
    bent = bm.Pose(shank="25 deg", thigh="90 deg", trunk="45 deg", lumbar="20 deg", body=body)
    assert float(bent.hip.magnitude) < float(rigid.hip.magnitude) - 10.0
    a = bm.joint_moments(body, rigid, [bm.Barbell("100 kg")])
    b = bm.joint_moments(body, bent, [bm.Barbell("100 kg")])
    assert float(b.hip.magnitude) == pytest.approx(float(a.hip.magnitude), rel=0.05)


def test_kernels_take_the_split_angles():
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    model = kernels.StaticModel(body, [bm.Barbell("100 kg")])
    pose = bm.Pose(shank="30 deg", thigh="90 deg", pelvis="30 deg", lumbar="15 deg")
    m = kernels.joint_moments_si(model, pose.segment_angles_rad())
    r = bm.joint_moments(body, pose, [bm.Barbell("100 kg")])
    for j in ("ankle", "knee", "hip", "lumbar"):
        assert float(m[j]) == pytest.approx(float(r.moments[j].magnitude), rel=1e-12)
    dyn = kernels.DynamicModel(model)
    still = kernels.inverse_dynamics_si(dyn, pose.segment_angles_rad(), {}, {})
    for j in ("ankle", "knee", "hip", "lumbar"):
        assert float(still[j]) == pytest.approx(float(m[j]), rel=1e-9, abs=1e-9)


def test_split_motion_from_samples_and_joint_velocities():
    # a motion of a pelvis and upper body: the segment rates are the derivatives of their angles,
    # hip extension velocity = -(thigh + pelvis) rates; frames and concatenation keep the split
    t = np.linspace(0, 1, 101)
    pose = bm.Pose.from_radians(0.3 * t, 1.2 * t, None, 0.0, 0.0, pelvis=0.5 * t, lumbar=0.25 * t)
    m = Motion.from_samples(bm.Q_(t, "s"), pose, cutoff=None)
    np.testing.assert_allclose(m.velocity_rad_s["pelvis"], 0.5, atol=1e-9)
    np.testing.assert_allclose(m.velocity_rad_s["upper_body"], 0.75, atol=1e-9)
    np.testing.assert_allclose(m.extension_velocity_rad_s()["hip"], -(1.2 + 0.5), atol=1e-9)
    part = m.frames(slice(10, 20))
    assert part.pose.split and part.segment_angles_rad()["pelvis"].shape == (10,)
    rigid = Motion.from_samples(bm.Q_(t, "s"), bm.Pose.from_radians(0.3 * t, 1.2 * t, 0.6 * t), cutoff=None)
    both = Motion.concatenate([rigid, m])
    a = both.segment_angles_rad()
    np.testing.assert_allclose(a["pelvis"][:101], a["upper_body"][:101])            # rigid part: both = trunk
    np.testing.assert_allclose(a["upper_body"][101:], 0.75 * t[1:], atol=1e-12)


def test_pose_indexing_and_repr_keep_the_split():
    p = bm.Pose(shank=bm.Q_([10, 20], "deg"), thigh="80 deg", pelvis=bm.Q_([20, 30], "deg"), lumbar="10 deg")
    one = p[1]
    assert one.split and float(one.pelvis.magnitude) == pytest.approx(30.0)
    assert float(one.lumbar.magnitude) == pytest.approx(10.0)
    assert "lumbar=10.0 deg" in repr(one)
    assert not bm.Pose(shank="0 deg", thigh="0 deg", trunk="0 deg").split
    assert bm.Pose(shank="0 deg", thigh="0 deg", pelvis="12 deg").trunk.magnitude == pytest.approx(12.0)


def test_tempo_rep_of_split_poses():
    # rep_motion between poses with a pelvis and upper body keeps the split: the parts are
    # interpolated and their rates are exact; a rigid top joins a split bottom.
    from biomech.motion.tempo import rep_motion
    top = bm.Pose(shank="0 deg", thigh="0 deg", trunk="0 deg")
    bottom = bm.Pose(shank="30 deg", thigh="90 deg", pelvis="30 deg", lumbar="20 deg")
    m = rep_motion((top, bottom), "2-0-1-0", rate="200 Hz")
    a = m.segment_angles_rad()
    assert m.pose.split
    np.testing.assert_allclose(a["upper_body"].max(), np.radians(50.0), atol=1e-9)
    np.testing.assert_allclose(a["pelvis"].max(), np.radians(30.0), atol=1e-9)
    num = np.gradient(a["upper_body"], m.time_s)
    assert np.max(np.abs(num[1:-1] - m.velocity_rad_s["upper_body"][1:-1])) < 1e-2
    res = bm.inverse_dynamics(bm.Body.from_anthropometrics("178 cm", "80 kg"), m, [bm.Barbell("60 kg")])
    assert np.all(np.isfinite(res.lumbar.magnitude))


def test_split_stance_with_a_pelvis_and_upper_body():
    # SplitPose takes pelvis and lumbar as Pose does: with zero flexion the moments are the rigid
    # trunk's; with flexion each leg's moments from below (its foot's ground reaction) equal those
    # from above (trunk, arms, the other leg and its ground reaction).
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    front = bm.LegPose(shank="20 deg", thigh="80 deg")
    rear = bm.LegPose(shank="65 deg", thigh="-10 deg", foot="55 deg")
    rigid = bm.SplitPose(front=front, rear=rear, trunk="10 deg")
    flat = bm.SplitPose(front=front, rear=rear, pelvis="10 deg", lumbar="0 deg")
    bent = bm.SplitPose(front=front, rear=rear, pelvis="10 deg", lumbar="25 deg")
    loads = [bm.Barbell("60 kg")]
    a, b, c = (bm.joint_moments(body, p, loads) for p in (rigid, flat, bent))
    for j in ("ankle", "knee", "hip", "lumbar"):
        assert float(b.moments[j].magnitude) == pytest.approx(float(a.moments[j].magnitude), rel=1e-9, abs=1e-9)
    for j in ("ankle", "hip", "lumbar"):   # the flexed spine moves the load (the front pressure point too)
        assert float(c.moments[j].magnitude) != pytest.approx(float(a.moments[j].magnitude), rel=1e-3)
    sc = c.model.sincos(bent.segment_angles_rad())
    for leg in ("front", "rear"):
        above = c.model.top_down_split(sc, leg)
        for j in ("ankle", "knee", "hip"):
            assert float(above[j]) == pytest.approx(float(getattr(c, leg).moments[j].magnitude), rel=1e-9, abs=1e-9)
    assert float(bent.front_pose().hip.magnitude) == pytest.approx(90.0)      # thigh + pelvis
    assert float(bent.lumbar.magnitude) == pytest.approx(25.0)


def test_lumbopelvic_solve_with_arms_tied_to_the_upper_body():
    # upper_tied: arms held at right angles to the upper body (arms + upper body = 90 deg) while
    # the lumbar flexion follows the lean; balance and the tie both hold
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    load = [bm.HandLoad("16 kg")]
    model = make_model(body, load)
    ang = {"foot": 0.0, "shank": np.radians([15.0, 30.0]), "thigh": np.radians([60.0, 100.0]), "arms": 0.0}
    pelvis, lumbar, ok = solve_lumbopelvic(model, ang, body.foot_geometry.midfoot_x, 0.35,
                                           upper_tied={"arms": (np.pi / 2, -1.0)})
    assert ok.all() and np.all(lumbar > 0)
    arms = np.pi / 2 - (pelvis + lumbar)
    pose = bm.Pose.from_radians(ang["shank"], ang["thigh"], None, 0.0, arms, pelvis=pelvis, lumbar=lumbar)
    res = bm.joint_moments(body, pose, load)
    np.testing.assert_allclose(res.cop.magnitude[..., 0], body.foot_geometry.midfoot_x, atol=1e-9)
    np.testing.assert_allclose(lumbar / pose.trunk_rad, 0.35, atol=1e-9)
