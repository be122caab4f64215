"""Static joint moments: worked examples, hand-worked cases and physical properties.

Every expected number states where it comes from.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import biomech as bm
from biomech.model.kinematics import SinCos
from biomech.mechanics.statics import JOINTS, SIGN, StaticModel
from biomech.errors import InputValueError, RangeError

from conftest import bodies, loads, poses, worked_example_body

G = 9.80665


def nm(q):
    return np.asarray(q.to("N*m").magnitude, dtype=float)


# ------------------------------------------------------------------ the worked examples of docs/conventions.md
def test_worked_example_point_mass():
    # docs/conventions.md worked example 1: 100 kg PointMass on the trunk at along 0.45 m, offset -0.05 m,
    # one leg carrying everything: ankle -59.86, knee +277.74, hip +324.89 N*m.
    body = worked_example_body()
    pose = bm.Pose(shank="20 deg", thigh="80 deg", trunk="40 deg")
    load = bm.PointMass(segment="trunk", along="0.45 m", offset="-0.05 m", mass="100 kg")
    res = bm.joint_moments(body, pose, [load], stance="single_leg")
    # The working, by hand: ankle at (0, 0); knee = 0.4 (sin20, cos20) = (0.136808, 0.375877);
    # hip = knee + 0.4 (-sin80, cos80) = (-0.257115, 0.445336); trunk COM x = hip_x + 0.25 sin40;
    # load x = hip_x + 0.45 sin40 - 0.05 cos40. Moments are m g times horizontal distances.
    hip = np.array([0.4 * np.sin(np.radians(20)) - 0.4 * np.sin(np.radians(80))])
    knee_x = 0.4 * np.sin(np.radians(20))
    trunk_x = hip + 0.25 * np.sin(np.radians(40))
    load_x = hip + 0.45 * np.sin(np.radians(40)) - 0.05 * np.cos(np.radians(40))
    thigh_x = hip + 0.16 * np.sin(np.radians(80))
    shank_x = knee_x - 0.16 * np.sin(np.radians(20))
    hand_hip = G * (50 * (trunk_x - hip) + 100 * (load_x - hip))
    hand_knee = G * (50 * (knee_x - trunk_x) + 100 * (knee_x - load_x) + 10 * (knee_x - thigh_x))
    hand_ankle = G * (50 * trunk_x + 100 * load_x + 10 * thigh_x + 4 * shank_x)
    assert nm(res.hip) == pytest.approx(hand_hip[0], abs=1e-9)
    assert nm(res.knee) == pytest.approx(hand_knee[0], abs=1e-9)
    assert nm(res.ankle) == pytest.approx(hand_ankle[0], abs=1e-9)
    assert nm(res.ankle) == pytest.approx(-59.86, abs=5e-3)
    assert nm(res.knee) == pytest.approx(277.74, abs=5e-3)
    assert nm(res.hip) == pytest.approx(324.89, abs=5e-3)


def test_worked_example_point_force():
    # docs/conventions.md worked example 2: no load, PointForce (-200, 0) N on the shank at along 0.30 m,
    # offset +0.05 m: ankle -69.19, knee +137.54, hip +78.79 N*m.
    body = worked_example_body()
    pose = bm.Pose(shank="20 deg", thigh="80 deg", trunk="40 deg")
    f = bm.PointForce(segment="shank", along="0.30 m", offset="0.05 m", force=bm.Q_([-200, 0], "N"))
    res = bm.joint_moments(body, pose, [f], stance="single_leg")
    assert nm(res.ankle) == pytest.approx(-69.19, abs=5e-3)
    assert nm(res.knee) == pytest.approx(137.54, abs=5e-3)
    assert nm(res.hip) == pytest.approx(78.79, abs=5e-3)
    # the shank force is below the knee: it makes no knee moment
    assert nm(res.contributions["force"].moment.knee) == 0.0


def test_worked_examples_to_1e6():
    # The same two examples recomputed in closed form, compared to 1e-6 N*m.
    body = worked_example_body()
    pose = bm.Pose(shank="20 deg", thigh="80 deg", trunk="40 deg")
    s20, c20, s80, c80, s40, c40 = (np.sin(np.radians(a)) if i % 2 == 0 else np.cos(np.radians(a))
                                    for i, a in enumerate((20, 20, 80, 80, 40, 40)))
    knee = np.array([0.4 * s20, 0.4 * c20])
    hip = knee + 0.4 * np.array([-s80, c80])
    # example 2's force point on the shank: knee + 0.30 u + 0.05 n, u = (-s20, -c20), n = (c20, -s20)
    p = knee + 0.30 * np.array([-s20, -c20]) + 0.05 * np.array([c20, -s20])
    F = np.array([-200.0, 0.0])
    cross = lambda r, f: r[0] * f[1] - r[1] * f[0]  # noqa: E731
    weights = {"shank": (knee + 0.16 * np.array([-s20, -c20]), 4.0),
               "thigh": (hip + 0.16 * np.array([s80, -c80]), 10.0),
               "trunk": (hip + 0.25 * np.array([s40, c40]), 50.0)}
    m_up_ankle = sum(cross(r, [0, -G * m]) for r, m in weights.values()) + cross(p, F)
    m_up_knee = sum(cross(r - knee, [0, -G * m]) for k, (r, m) in weights.items() if k != "shank")
    res = bm.joint_moments(body, pose, [bm.PointForce(segment="shank", along="0.30 m", offset="0.05 m",
                                                      force=bm.Q_(F, "N"))], stance="single_leg")
    assert nm(res.ankle) == pytest.approx(-m_up_ankle, abs=1e-6)
    assert nm(res.knee) == pytest.approx(m_up_knee, abs=1e-6)


# ------------------------------------------------------------------ hand-worked cases
def test_bar_directly_above_knee_makes_no_knee_moment(male_body):
    # A bar whose line of action passes through the knee has a zero moment arm there.
    body = male_body
    pose = bm.Pose(shank="25 deg", thigh="85 deg", trunk="40 deg")
    base = bm.joint_moments(body, pose)
    knee = base.positions["knee"].to("m").magnitude
    hip = base.positions["hip"].to("m").magnitude
    # place a point mass on the trunk axis exactly above the knee: along = (knee_x - hip_x) / sin(trunk)
    along = (knee[0] - hip[0]) / np.sin(np.radians(40))
    res = bm.joint_moments(body, pose, [bm.PointMass(segment="trunk", along=bm.Q_(along, "m"), mass="100 kg",
                                                     label="bar")])
    assert nm(res.contributions["bar"].moment.knee) == pytest.approx(0.0, abs=1e-9)
    assert float(res.contributions["bar"].moment_arm.knee.magnitude) == pytest.approx(0.0, abs=1e-12)


def test_100kg_one_metre_ahead_makes_980_665():
    # 100 kg * 9.80665 m/s^2 * 1 m = 980.665 N*m, by definition of the moment.
    body = worked_example_body()
    pose = bm.Pose(shank="0 deg", thigh="0 deg", trunk="90 deg")  # trunk horizontal (prone lean)
    res = bm.joint_moments(body, pose, [bm.PointMass(segment="trunk", along="1 m", mass="100 kg", label="plate")],
                           stance="single_leg")
    c = res.contributions["plate"]
    assert nm(c.moment.hip) == pytest.approx(980.665, abs=1e-9)
    assert float(c.moment_arm.hip.to("m").magnitude) == pytest.approx(1.0, abs=1e-12)


def test_two_legs_share_what_is_above_the_hips():
    # Symmetric stance: each leg carries its own segments and half the rest, so the hip moment
    # per leg is half the single-leg value; the lumbar moment is the same.
    body = worked_example_body()
    pose = bm.Pose(shank="20 deg", thigh="80 deg", trunk="40 deg")
    load = [bm.PointMass(segment="trunk", along="0.45 m", offset="-0.05 m", mass="100 kg")]
    one = bm.joint_moments(body, pose, load, stance="single_leg")
    two = bm.joint_moments(body, pose, load)
    assert nm(two.hip) == pytest.approx(nm(one.hip) / 2, rel=1e-12)
    assert nm(two.lumbar) == pytest.approx(nm(one.lumbar), rel=1e-12)


def test_arrays_broadcast_and_match_single_calls(male_body):
    shanks = bm.Q_(np.linspace(0, 40, 7), "deg")
    pose = bm.Pose(shank=shanks, thigh=bm.Q_(np.linspace(20, 100, 7), "deg"), trunk="30 deg")
    res = bm.joint_moments(male_body, pose, [bm.Barbell("60 kg")])
    assert res.knee.shape == (7,)
    for i in (0, 3, 6):
        one = bm.joint_moments(male_body, pose[i], [bm.Barbell("60 kg")])
        assert nm(one.knee) == pytest.approx(nm(res.knee)[i], abs=1e-9)


def test_contributions_sum_to_the_joint_moment(male_body):
    pose = bm.Pose(shank="30 deg", thigh="95 deg", trunk="50 deg", arms="20 deg")
    res = bm.joint_moments(male_body, pose, [bm.Barbell("100 kg", "low_bar"), bm.HandLoad("10 kg")])
    for j in JOINTS:
        total = sum(nm(c.moment[j]) for c in res.contributions.values())
        assert total == pytest.approx(nm(res.moments[j]), abs=1e-9)


# ------------------------------------------------------------------ properties
def _potential(model, sc, joint, eps):
    """Potential energy of the free side of ``joint`` rotated rigidly by eps (CCW) about it."""
    J = model.joint_point(joint)
    jx, jy = (float(v) for v in J.evaluate(sc))
    c, s = np.cos(eps), np.sin(eps)
    v = 0.0
    for it, share in model.free_items(joint):
        x, y = (float(np.asarray(t)) for t in it.point.evaluate(sc))
        xr = jx + c * (x - jx) - s * (y - jy)
        yr = jy + s * (x - jx) + c * (y - jy)
        if it.force is not None:
            v += -share * (it.force[0] * xr + it.force[1] * yr)
        else:  # an elastic band stores energy
            band = it.field.__self__
            v += share * float(band.potential_energy(xr, yr))
    return v


@given(body=bodies(), pose=poses(), load=loads(arms=True), stance=st.sampled_from(["both", "single_leg"]))
def test_moment_is_minus_derivative_of_potential_energy(body, pose, load, stance):
    # Virtual work: rotating a joint's free side rigidly by d(eps) changes the potential energy
    # by -M_up d(eps); the anatomical moment is SIGN * M_up.
    if body.arms is None:
        load = [ld for ld in load if getattr(ld, "segment", None) != "arms"]
    res = bm.joint_moments(body, pose, load, stance=stance)
    model, sc = res.model, res._sc
    h = 1e-6
    for j in JOINTS:
        dv = (_potential(model, sc, j, h) - _potential(model, sc, j, -h)) / (2 * h)
        expected = SIGN[j] * (-dv)
        assert nm(res.moments[j]) == pytest.approx(expected, abs=1e-4 + 1e-6 * abs(expected))


@given(body=bodies(), pose=poses(), load=loads(arms=True), stance=st.sampled_from(["both", "single_leg"]))
def test_top_down_equals_bottom_up(body, pose, load, stance):
    # Top-down: from the free end. Bottom-up: from the ground reaction, itself from the whole
    # body's balance. Two routes, one answer.
    if body.arms is None:
        load = [ld for ld in load if getattr(ld, "segment", None) != "arms"]
    res = bm.joint_moments(body, pose, load, stance=stance)
    bu = res.bottom_up()
    for j in JOINTS:
        assert nm(res.moments[j]) == pytest.approx(nm(bu[j]), abs=1e-7 * (1 + abs(nm(bu[j]))))


@given(body=bodies(arms=False), pose=poses(), load=loads(bands=False))
def test_every_segment_is_in_equilibrium(body, pose, load):
    # Shank between ankle and knee: the moment from the foot (-M_up(ankle)), from the thigh
    # (+M_up(knee)), the thigh's joint force at the knee and the shank's own loads balance.
    res = bm.joint_moments(body, pose, load, stance="single_leg")
    model, sc = res.model, res._sc
    pos = {k: v.to("m").magnitude for k, v in res.positions.items()}
    m_up = {j: nm(res.moments[j]) * SIGN[j] for j in JOINTS}
    r_up = {j: res.resultant_forces[j].to("N").magnitude for j in JOINTS}
    segs = (("ankle", "knee", "shank"), ("knee", "hip", "thigh"))
    for lower, upper, seg in segs:
        a = pos[lower]
        own = 0.0
        for it, share in model.free_items(lower):
            if it.part != seg:
                continue
            x, y = (float(np.asarray(t)) for t in it.point.evaluate(sc))
            own += share * ((x - a[0]) * it.force[1] - (y - a[1]) * it.force[0])
        arm = pos[upper] - a
        total = -m_up[lower] + m_up[upper] + (arm[0] * r_up[upper][1] - arm[1] * r_up[upper][0]) + own
        assert total == pytest.approx(0.0, abs=1e-8 * (1 + abs(m_up[lower])))
    # and the forces: the free side's resultant above the ankle = shank loads + resultant above the knee
    shank_force = np.zeros(2)
    for it, share in model.free_items("ankle"):
        if it.part == "shank":
            shank_force += share * np.asarray(it.force, dtype=float)
    np.testing.assert_allclose(r_up["ankle"], r_up["knee"] + shank_force, atol=1e-8)


@given(body=bodies(arms=False), pose=poses())
def test_same_moments_in_pounds_and_inches(body, pose):
    # Unit invariance: the same body and load written in lb and inch give the same moments.
    def imperial(seg):
        return bm.Segment(seg.length.to("inch"), seg.mass.to("lb"), seg.com, seg.gyration)
    body_imp = bm.Body.from_segments(shank=imperial(body.shank), thigh=imperial(body.thigh),
                                     trunk=imperial(body.trunk), foot=imperial(body.foot),
                                     knee_depth=body.knee_depth.to("inch"), lumbar=body.lumbar,
                                     foot_geometry=body.foot_geometry)
    load_si = [bm.PointMass(segment="trunk", along="0.4 m", offset="-0.05 m", mass="80 kg")]
    load_imp = [bm.PointMass(segment="trunk", along=bm.Q_(0.4, "m").to("inch"),
                             offset=bm.Q_(-0.05, "m").to("inch"), mass=bm.Q_(80, "kg").to("lb"))]
    a = bm.joint_moments(body, pose, load_si)
    b = bm.joint_moments(body_imp, pose, load_imp)
    for j in JOINTS:
        assert nm(a.moments[j]) == pytest.approx(nm(b.moments[j]), rel=1e-9, abs=1e-9)
    assert nm(a.knee) == pytest.approx(float(b.knee.to("lbf*inch").to("N*m").magnitude), rel=1e-9, abs=1e-9)


@given(pose=poses())
def test_segment_and_joint_angles_agree(pose):
    j = pose.joint_angles_rad()
    back = bm.Pose.from_joint_angles(ankle=bm.Q_(j["ankle"], "rad"), knee=bm.Q_(j["knee"], "rad"),
                                     hip=bm.Q_(j["hip"], "rad"), foot=pose.foot, arms=pose.arms)
    for k, v in pose.segment_angles_rad().items():
        assert float(back.segment_angles_rad()[k]) == pytest.approx(float(v), abs=1e-12)


def test_split_stance_top_down_equals_bottom_up(male_body):
    # Split stance: leg moments from each foot's ground reaction (bottom-up) equal the moments
    # from above (trunk, arms, the other leg and its ground reaction).
    pose = bm.SplitPose(front=bm.LegPose(shank="25 deg", thigh="75 deg"),
                        rear=bm.LegPose(shank="65 deg", thigh="-10 deg", foot="55 deg"), trunk="10 deg")
    res = bm.joint_moments(male_body, pose, [bm.Barbell("60 kg")], front_share=0.7)
    sc = res._sc
    for leg in ("front", "rear"):
        td = res.model.top_down_split(sc, leg)
        bu = res.model.split_moments(sc)[leg]
        for j in ("ankle", "knee", "hip"):
            assert float(td[j]) == pytest.approx(float(bu[j]), abs=1e-9)
    # each foot carries its share of the weight: the vertical ground reactions add up
    gr = res.model.ground_reaction(sc)
    assert float(gr["front"][1] + gr["rear"][1]) == pytest.approx((male_body.mass_kg + 60) * G, rel=1e-12)


def test_cop_reported_and_ankle_sensitivity(male_body):
    pose = bm.Pose(shank="30 deg", thigh="90 deg", trunk="45 deg")
    res = bm.joint_moments(male_body, pose, [bm.Barbell("100 kg")])
    # per leg: half of (body + bar) weight, times 1 cm
    expected = 0.5 * (male_body.mass_kg + 100) * G * 0.01
    assert float(res.ankle_per_cm_cop.to("N*m/cm").magnitude) == pytest.approx(expected, rel=1e-9)
    # the centre of pressure lies under the system centre of mass when only gravity acts
    assert float(res.cop.magnitude[0]) == pytest.approx(float(res.positions["com"].magnitude[0]), abs=1e-9)
    # moving the COP forward by 1 cm: ankle moment grows by exactly that sensitivity
    assert float(res.cop_outside_by.magnitude) >= 0


def test_many_poses_take_the_matrix_route_and_agree(male_body):
    # From 512 poses on, the moments come from one matrix product of the needed sines and
    # cosines (kinematics.LinearMap); below, form by form. Both routes must agree.
    rng = np.random.default_rng(3)
    n = 1500
    pose = bm.Pose.from_joint_angles(ankle=bm.Q_(rng.uniform(-10, 40, n), "deg"),
                                     knee=bm.Q_(rng.uniform(0, 140, n), "deg"),
                                     hip=bm.Q_(rng.uniform(0, 140, n), "deg"),
                                     foot=bm.Q_(rng.uniform(0, 20, n), "deg"), arms=bm.Q_(rng.uniform(-20, 90, n), "deg"))
    loads = [bm.Barbell("80 kg", "low_bar"), bm.HandLoad("20 kg"),
             bm.PointForce(segment="shank", along="0.3 m", offset="0.04 m", force=bm.Q_([-150, 60], "N"))]
    many = bm.joint_moments(male_body, pose, loads)
    for start in range(0, n, 300):  # 300 < 512: the per-form route
        few = bm.joint_moments(male_body, pose[start:start + 300], loads)
        for j in JOINTS:
            np.testing.assert_allclose(nm(few.moments[j]), nm(many.moments[j])[start:start + 300], atol=1e-9)


def test_feasible_mask_and_reason_per_pose(male_body):
    # Leaning the trunk from upright to far forward with no load moves the centre of pressure
    # from over the foot to past the toes; each pose says which.
    pose = bm.Pose(shank="0 deg", thigh="0 deg", trunk=bm.Q_([0, 20, 89], "deg"), arms="0 deg")
    res = bm.joint_moments(male_body, pose)
    cx = res.positions["cop"].magnitude[:, 0]
    toe = res.positions["toe"].magnitude[:, 0]
    assert cx[0] < toe[0] and cx[2] > toe[2]
    assert res.feasible.tolist()[0] and not res.feasible.tolist()[2]
    assert res.reason[2] == "cop_past_toes" and res.reason[0] == ""
    one = bm.joint_moments(male_body, pose[0])
    assert one.feasible and one.reason == ""


def test_joints_held_by_a_seat_or_bench_are_not_decided(male_body):
    # A back pad (leg press) holds the trunk: the lumbar moment is not decided by statics. On a
    # bench (lying leg curl) the thighs rest too: the hip is undecided as well. The knee and
    # ankle still come from the distal side, the same with every support that frees the shin.
    pose = bm.Pose(shank="150 deg", thigh="-90 deg", trunk="90 deg", foot="140 deg")  # prone, knee bent 60 deg
    pad = [bm.PointForce(segment="shank", along="0.35 m", force=bm.Q_([0, -150], "N"), label="pad")]
    free = bm.joint_moments(male_body, pose, pad, support="pelvis")
    back = bm.joint_moments(male_body, pose, pad, support="backrest")
    bench = bm.joint_moments(male_body, pose, pad, support="bench")
    assert np.isnan(nm(back.lumbar)) and np.isfinite(nm(back.hip))
    assert np.isnan(nm(bench.lumbar)) and np.isnan(nm(bench.hip))
    for res in (back, bench):
        assert nm(res.knee) == pytest.approx(nm(free.knee), abs=1e-12)
        assert nm(res.ankle) == pytest.approx(nm(free.ankle), abs=1e-12)
    assert np.isnan(float(bench.contributions["pad"].moment.hip.magnitude))


# ------------------------------------------------------------------ the pelvis and upper body
def test_worked_example_pelvis_and_upper_body():
    # docs/conventions.md worked example 3: L5/S1 0.10 m up the trunk axis, 40 kg above it with its
    # centre of mass 0.30 m from the hip (the pelvis: 10 kg at 0.05 m); pelvis 30 deg, lumbar flexion
    # 20 deg; the 100 kg PointMass of example 1 rides on the upper body.
    lum = bm.LumbarGeometry(along_m=0.10, offset_m=0.0, above_mass_kg=40.0, above_com_along_m=0.30,
                            above_com_offset_m=0.0)
    body = bm.Body.from_segments(shank=bm.Segment("0.40 m", "4 kg", 0.40), thigh=bm.Segment("0.40 m", "10 kg", 0.40),
                                 trunk=bm.Segment("0.50 m", "50 kg", 0.50), lumbar=lum)
    pose = bm.Pose(shank="20 deg", thigh="80 deg", pelvis="30 deg", lumbar="20 deg")
    load = bm.PointMass(segment="trunk", along="0.45 m", offset="-0.05 m", mass="100 kg")
    res = bm.joint_moments(body, pose, [load], stance="single_leg")
    s, t, p, u = np.radians([20.0, 80.0, 30.0, 50.0])
    lum_x = 0.10 * np.sin(p)                               # horizontal distances ahead of the hip
    pel_x = 0.05 * np.sin(p)
    up_x = lum_x + 0.20 * np.sin(u)
    load_x = lum_x + 0.35 * np.sin(u) - 0.05 * np.cos(u)
    hk = -0.40 * np.sin(t)                                 # hip relative to the knee
    thigh_x = hk + 0.16 * np.sin(t)
    ka = 0.40 * np.sin(s)                                  # knee relative to the ankle
    hand = {"lumbar": G * (40 * (up_x - lum_x) + 100 * (load_x - lum_x)),
            "hip": G * (10 * pel_x + 40 * up_x + 100 * load_x),
            "knee": -G * (10 * thigh_x + 10 * (hk + pel_x) + 40 * (hk + up_x) + 100 * (hk + load_x)),
            "ankle": G * (4 * (ka - 0.16 * np.sin(s)) + 10 * (ka + thigh_x) + 10 * (ka + hk + pel_x)
                          + 40 * (ka + hk + up_x) + 100 * (ka + hk + load_x))}
    for j, v in hand.items():
        assert nm(res.moments[j]) == pytest.approx(v, abs=1e-6)
    assert [round(float(nm(res.moments[j])), 2) for j in ("ankle", "knee", "hip", "lumbar")] == [-22.15, 240.03, 362.61,
                                                                                          291.51]


@given(pose=poses(), lumbar=st.floats(-30, 60))
@settings(max_examples=60, deadline=None)
def test_pose_split_rules(pose, lumbar):
    # trunk + lumbar keeps the hip-to-shoulder line at trunk; pelvis + lumbar reports that line back;
    # trunk + pelvis finds the lumbar flexion; hip flexion is thigh + pelvis.
    trunk = bm.Q_(float(np.degrees(pose.trunk_rad)), "deg")
    a = bm.Pose(shank=pose.shank, thigh=pose.thigh, trunk=trunk, lumbar=bm.Q_(lumbar, "deg"), check=False)
    assert float(a.trunk.magnitude) == pytest.approx(float(trunk.magnitude), abs=1e-9)
    assert float(a.upper_body.magnitude - a.pelvis.magnitude) == pytest.approx(lumbar, abs=1e-9)
    b = bm.Pose(shank=pose.shank, thigh=pose.thigh, pelvis=a.pelvis, lumbar=a.lumbar, check=False)
    assert float(b.trunk.magnitude) == pytest.approx(float(trunk.magnitude), abs=1e-9)
    c = bm.Pose(shank=pose.shank, thigh=pose.thigh, trunk=trunk, pelvis=a.pelvis, check=False)
    assert float(c.lumbar.magnitude) == pytest.approx(lumbar, abs=1e-7)
    j = a.joint_angles_rad()
    assert float(j["hip"]) == pytest.approx(float(a.thigh_rad + a.pelvis_rad), abs=1e-12)
    assert float(j["lumbar"]) == pytest.approx(np.radians(lumbar), abs=1e-12)
    # from joint angles with lumbar: the same pose
    d = bm.Pose.from_joint_angles(ankle=a.ankle, knee=a.knee, hip=a.hip, foot=a.foot, arms=a.arms, lumbar=a.lumbar,
                                  check=False)
    for k, v in a.segment_angles_rad().items():
        assert float(d.segment_angles_rad()[k]) == pytest.approx(float(v), abs=1e-9)


def test_pose_split_refusals():
    with pytest.raises(InputValueError, match="trunk, pelvis and lumbar are all given"):
        bm.Pose(shank="0 deg", thigh="0 deg", trunk="10 deg", pelvis="5 deg", lumbar="5 deg")
    with pytest.raises(InputValueError, match="give trunk"):
        bm.Pose(shank="0 deg", thigh="0 deg", lumbar="5 deg")
    with pytest.raises(RangeError, match="lumbar flexion = 100.0 deg"):
        bm.Pose(shank="0 deg", thigh="0 deg", pelvis="0 deg", lumbar="100 deg")
    # the kernel refuses a dict with one part of the trunk
    model = StaticModel(bm.Body.from_anthropometrics("178 cm", "80 kg"))
    with pytest.raises(InputValueError, match="upper_body"):
        model.moments({"foot": 0.0, "shank": 0.2, "thigh": 1.0, "pelvis": 0.3, "arms": 0.0})


@given(body=bodies(), pose=poses(), data=st.data())
@settings(max_examples=60, deadline=None)
def test_rigid_trunk_equals_split_with_no_lumbar_flexion(body, pose, data):
    # Pose(trunk=) (the rigid route, one trunk term) and the same angle given as a pelvis and upper
    # body with zero lumbar flexion (the split route) give the same moments, for one pose and many.
    ld = data.draw(loads(arms=body.arms is not None, bands=False))
    split = bm.Pose.from_radians(pose.shank_rad, pose.thigh_rad, None, pose.foot_rad, pose.arms_rad,
                                 pelvis=pose.trunk_rad, lumbar=0.0)
    for stance in ("both", "single_leg"):
        a = bm.joint_moments(body, pose, ld, stance=stance)
        b = bm.joint_moments(body, split, ld, stance=stance)
        for j in ("ankle", "knee", "hip", "lumbar"):
            assert nm(b.moments[j]) == pytest.approx(nm(a.moments[j]), rel=1e-9, abs=1e-9)
        assert float(b.cop.magnitude[0]) == pytest.approx(float(a.cop.magnitude[0]), rel=1e-9, abs=1e-9)


def test_many_split_poses_match_one_by_one(male_body):
    # The matrix route (many poses) and the per-form route (one pose) agree for split poses.
    rng = np.random.default_rng(3)
    n = 700
    pose = bm.Pose.from_radians(np.radians(rng.uniform(0, 40, n)), np.radians(rng.uniform(0, 110, n)), None, 0.0,
                                0.2, pelvis=np.radians(rng.uniform(-10, 60, n)), lumbar=np.radians(rng.uniform(-20, 50, n)))
    many = bm.joint_moments(male_body, pose, [bm.Barbell("60 kg")])
    for i in (0, 350, 699):
        one = bm.joint_moments(male_body, pose[i], [bm.Barbell("60 kg")])
        for j in ("ankle", "knee", "hip", "lumbar"):
            assert float(many.moments[j].magnitude[i]) == pytest.approx(nm(one.moments[j]), rel=1e-9, abs=1e-9)
    # bottom-up (whole-body balance first) equals top-down for split poses too
    bu = many.bottom_up()
    for j in ("ankle", "knee", "hip", "lumbar"):
        np.testing.assert_allclose(bu[j].magnitude, many.moments[j].magnitude, rtol=1e-9, atol=1e-9)
