"""Tests of biomech.mechanics.gaitlab: bottom-up (gait-lab) inverse dynamics and its validation.

Expected numbers come from two public data sets shipped in biomech/data (see their
PROVENANCE.md): the ISB simulated-running benchmark (van den Bogert & de Koning 1996, exact
moments in all.mom) and Winter (2009) Appendix A walking (moments in Table A.5).
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biomech.data import ISB_SEGMENTS, load_isb_running
from biomech.errors import InputValueError, RangeError, UnitError
from biomech.motion.filtering import DEFAULT_CUTOFF_HZ
from biomech.validation.gait import isb_cutoff_study, isb_inverse_dynamics, winter_appendix_a_check
from biomech.mechanics.gaitlab import (
    ANATOMICAL_SIGN,
    GroundReaction,
    bottom_up_inverse_dynamics,
    from_anatomical,
    gait_inverse_dynamics,
    segment_kinematics,
    to_anatomical,
)
from biomech.units import Q_


def _rms(e, axis=0):
    return np.sqrt(np.mean(np.square(e), axis=axis))


# --------------------------------------------------------------------------- ISB benchmark
def test_isb_raw_10khz_rms_below_half_newton_metre():
    # truth: all.mom of the ISB inverse-dynamics benchmark (van den Bogert & de Koning 1996);
    # criterion 0.5 N m at every joint (issue). Measured: stance 0.013 / 0.082 / 0.153 N m,
    # whole file 0.008 / 0.050 / 0.094 N m (ankle / knee / hip).
    run, m, idx = isb_inverse_dynamics(step=1)
    err = m - run.moment
    stance = run.contact
    assert stance.sum() == 2195          # samples 3001..5195 (1-based), ISB data README
    assert np.all(_rms(err[stance]) < 0.5)
    assert np.all(_rms(err) < 0.5)
    # and tighter, so a regression shows: the stance values measured above, with margin
    np.testing.assert_array_less(_rms(err[stance]), [0.03, 0.15, 0.25])


def test_isb_joint_force_magnitudes():
    # truth: all.fmg (magnitudes only). Measured RMS 0.02-0.06 N over the whole file.
    run = load_isb_running()
    kin = segment_kinematics(run.time, run.points, ISB_SEGMENTS["com_fraction"], cutoff=None)
    res = bottom_up_inverse_dynamics(kin.joints, kin.com, kin.com_acc, kin.alpha, ISB_SEGMENTS["mass"],
                                     ISB_SEGMENTS["inertia"], run.force, run.cop)
    mag = np.hypot(res.joint_force[..., 0], res.joint_force[..., 1])
    assert np.all(_rms(mag - run.force_magnitude) < 0.2)


def test_isb_moment_sign_convention_is_the_datas():
    # flipping the sign or moving the COP 5 mm off the ground breaks the agreement
    # (ISB data README, "Sign check").
    run, m, _ = isb_inverse_dynamics(step=10)
    st_ = run.contact[::10]
    assert np.all(_rms((m + run.moment[::10])[st_]) > 20.0)
    # extreme values during stance as listed in the ISB data README (all.mom):
    # ankle -145.0 at sample 3972, knee +116.6 at 3723, hip -42.4 at 4351 (1-based)
    true = run.moment
    assert true[3971, 0] == pytest.approx(-145.0, abs=0.05)
    assert true[3722, 1] == pytest.approx(116.6, abs=0.05)
    assert true[4350, 2] == pytest.approx(-42.4, abs=0.05)


def test_isb_cutoff_study_default_within_20_percent_of_best():
    # ISB protocol (every 50th sample = 200 Hz, 1 mm noise, low-pass, solve). The default
    # cutoff was chosen from this study (docs/validation_inverse_dynamics.md: 12 Hz gives a
    # combined stance RMS of 12.6 N m, best 12.1 N m at 15 Hz, 10 repeats).
    s = isb_cutoff_study(cutoffs=(6, 8, 10, 12, 15, 20, 25), repeats=3, seed=1996)
    k = list(s["cutoffs"]).index(DEFAULT_CUTOFF_HZ)
    assert s["total"][k] <= 1.2 * s["total"].min()
    # the study must discriminate: too low and too high cutoffs are clearly worse
    assert s["total"][0] > 1.5 * s["total"].min() and s["total"][-1] > 1.3 * s["total"].min()


def test_isb_noise_free_200hz_unfiltered_is_accurate_at_ankle_and_knee():
    # without noise, 200 Hz and no filter: differentiation error only (a check that the
    # subsampled pipeline is sound; the hip suffers most from the coarse second difference).
    # Measured 0.88 / 2.96 / 4.79 N m (ankle / knee / hip) against all.mom.
    run, m, idx = isb_inverse_dynamics(step=50)
    st_ = run.contact[idx]
    r = _rms((m - run.moment[idx])[st_])
    np.testing.assert_array_less(r, [1.5, 4.0, 6.5])


# --------------------------------------------------------------------------- Winter Appendix A
@pytest.mark.parametrize("parameters", ["table_4_1", "fitted"])
def test_winter_appendix_a_moments_frame_by_frame(parameters):
    # Winter 2009 Table A.5 moments (ankle on foot, knee on leg, hip on thigh) over stance,
    # frames 28 (HCR) to 69, recomputed from A.3 segment kinematics, A.2 joint positions and
    # A.5 ground reaction. Tolerance: 2 N m or 5 % of the joint's stance peak, whichever is
    # smaller (the criterion, read strictly). Measured max |error|: 0.33/0.46/0.62
    # (Table 4.1 parameters) and 0.34/0.36/0.35 N m (fitted).
    w = winter_appendix_a_check(parameters)
    st_ = w["stance"]
    assert st_.sum() == 42
    table, comp = w["table"][st_], w["computed"][st_]
    peak = np.max(np.abs(table), axis=0)
    np.testing.assert_allclose(peak, [89.8, 37.8, 54.4])   # Table A.5 extremes in stance
    tol = np.minimum(2.0, 0.05 * peak)
    assert np.all(np.abs(comp - table) <= tol)


def test_winter_table_4_1_masses():
    # Winter 2009 Table 4.1 mass fractions 0.0145, 0.0465, 0.100 of 56.7 kg (Appendix A subject)
    w = winter_appendix_a_check("table_4_1")
    np.testing.assert_allclose(w["mass"], [0.82215, 2.63655, 5.67])
    with pytest.raises(InputValueError, match="parameters='dempster'"):
        winter_appendix_a_check("dempster")


def test_winter_anatomical_reading_of_table_a5_extremes():
    # Winter 2009 Table A.5, in stance: ankle on foot -89.8 (frame 61) = plantarflexor;
    # knee on leg +37.8 (frame 37) = extensor; hip on thigh -54.4 (frame 28) = extensor.
    np.testing.assert_allclose(to_anatomical(np.array([-89.8, 37.8, -54.4])), [89.8, 37.8, 54.4])
    np.testing.assert_allclose(from_anatomical(to_anatomical([1.0, 2.0, 3.0])), [1.0, 2.0, 3.0])
    q = to_anatomical(Q_([-89.8, 37.8, -54.4], "N*m"))
    assert q.units == Q_(1, "N*m").units and q.magnitude[0] == pytest.approx(89.8)
    assert ANATOMICAL_SIGN == {"ankle": -1.0, "knee": 1.0, "hip": -1.0, "lumbar": -1.0}
    with pytest.raises(InputValueError, match="'elbow'"):
        to_anatomical([1.0, 2.0], joints=("ankle", "elbow"))
    with pytest.raises(InputValueError, match="one column per joint"):
        to_anatomical([1.0, 2.0])


# --------------------------------------------------------------------------- hand-worked case
# Quasi-static leg (no accelerations), g = 10 m/s^2 for round numbers, worked by hand in
# docs/validation_inverse_dynamics.md. Ankle (0.05, 0.08), knee (0.25, 0.45), hip (-0.10, 0.80);
# foot 1 kg at (0.10, 0.04); shank 3 kg at the knee-ankle midpoint (0.15, 0.265); thigh 7 kg at
# the hip-knee midpoint (0.075, 0.625); ground reaction (0, 800) N at (0.10, 0).
JOINTS = np.array([[0.05, 0.08], [0.25, 0.45], [-0.10, 0.80]])
COM = np.array([[0.10, 0.04], [0.15, 0.265], [0.075, 0.625]])
MASS = np.array([1.0, 3.0, 7.0])


def _hand_case():
    return bottom_up_inverse_dynamics(JOINTS, COM, np.zeros((3, 2)), np.zeros(3), MASS, np.zeros(3),
                                      np.array([0.0, 800.0]), np.array([0.10, 0.0]), g=10.0)


def test_hand_worked_quasi_static_case_data_convention():
    # by hand: ankle -[0.05*800 + 0.05*(-10)] = -39.5; knee -[-0.15*800 + (-0.15)(-10) + (-0.10)(-30)]
    # = +115.5; hip -[0.20*800 + 0.20*(-10) + 0.25*(-30) + 0.175*(-70)] = -138.25 (N m, CCW on
    # the distal segment); joint forces (0, -790), (0, -760), (0, -690) N.
    r = _hand_case()
    np.testing.assert_allclose(r.moment_ccw, [-39.5, 115.5, -138.25], atol=1e-12)
    np.testing.assert_allclose(r.joint_force, [[0, -790], [0, -760], [0, -690]], atol=1e-12)


def test_hand_worked_quasi_static_case_anatomical():
    # the centre of pressure is ahead of the ankle (plantarflexor demand), behind the knee
    # (extensor) and ahead of the hip (extensor): all three positive in anatomical signs.
    r = _hand_case()
    np.testing.assert_allclose(to_anatomical(r.moment_ccw), [39.5, 115.5, 138.25], atol=1e-12)


def test_wrapper_reports_both_conventions():
    n = 40
    t = Q_(np.arange(n) * 0.01, "s")
    pts = np.tile(np.vstack([[0.20, 0.0], JOINTS]), (n, 1, 1))
    grf = GroundReaction(force=Q_(np.tile([0.0, 0.8], (n, 1)), "kN"), cop=Q_(np.tile([10.0, 0.0], (n, 1)), "cm"))
    # the foot's centre of mass (0.10, 0.04) is not on the ankle-toe line; use massless segments
    res = gait_inverse_dynamics(t, Q_(pts, "m"), Q_([0.0, 0.0, 0.0], "kg"), Q_([0.0, 0.0, 0.0], "kg*m**2"),
                                [0.5, 0.5, 0.5], grf, g=Q_(10.0, "m/s**2"))
    np.testing.assert_allclose(res.moment_ccw.to("N*m").magnitude, np.tile([-40.0, 120.0, -160.0], (n, 1)), atol=1e-9)
    np.testing.assert_allclose(res.ankle.to("N*m").magnitude, 40.0, atol=1e-9)
    np.testing.assert_allclose(res.knee.to("N*m").magnitude, 120.0, atol=1e-9)
    np.testing.assert_allclose(res.hip.to("N*m").magnitude, 160.0, atol=1e-9)
    assert res.cutoff.to("Hz").magnitude == DEFAULT_CUTOFF_HZ
    # the chain has no lumbar joint: it reads as NaN and is not among the joints present
    assert np.all(np.isnan(res.lumbar.magnitude)) and res.moments.joints == ("ankle", "knee", "hip")


def test_wrapper_matches_kernel_on_isb():
    run = load_isb_running()
    idx = np.arange(0, run.time.size, 20)     # 500 Hz
    grf = GroundReaction(force=Q_(run.force[idx], "N"), cop=Q_(run.cop[idx], "m"))
    res = gait_inverse_dynamics(Q_(run.time[idx], "s"), Q_(run.points[idx], "m"), Q_(ISB_SEGMENTS["mass"], "kg"),
                                Q_(ISB_SEGMENTS["inertia"], "kg*m**2"), ISB_SEGMENTS["com_fraction"], grf,
                                cutoff=None)
    _, m, _ = isb_inverse_dynamics(step=20)
    np.testing.assert_allclose(res.moment_ccw.magnitude, m, atol=1e-9)
    np.testing.assert_allclose(np.stack([res.moments.si(j) for j in res.joints], axis=1), m * [-1, 1, -1], atol=1e-9)
    # filtered (force too, at the same cutoff) against the noise-free truth over stance
    res_f = gait_inverse_dynamics(Q_(run.time[idx], "s"), Q_(run.points[idx], "m"), Q_(ISB_SEGMENTS["mass"], "kg"),
                                  Q_(ISB_SEGMENTS["inertia"], "kg*m**2"), ISB_SEGMENTS["com_fraction"], grf,
                                  cutoff=Q_(20, "Hz"))
    st_ = run.contact[idx]
    assert np.all(_rms((res_f.moment_ccw.magnitude - run.moment[idx])[st_]) < 15.0)


# --------------------------------------------------------------------------- two routes
@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_bottom_up_equals_top_down_when_ground_reaction_is_consistent(seed):
    # A 4-segment chain (foot, shank, thigh, trunk) in random states. With the ground reaction
    # the whole body's Newton-Euler equations imply, the bottom-up solution must leave nothing
    # at the trunk's free top end and give the hip moment that the trunk alone gives top-down.
    rng = np.random.default_rng(seed)
    n = 7
    joints = rng.uniform(-1, 1, (n, 4, 2))       # ankle, knee, hip, top of trunk
    com = rng.uniform(-1, 1, (n, 4, 2))
    acc = rng.normal(0, 5, (n, 4, 2))
    alpha = rng.normal(0, 20, (n, 4))
    mass = rng.uniform(0.5, 40, 4)
    inertia = rng.uniform(0.01, 2, 4)
    g = 9.80665
    gvec = np.array([0.0, -g])
    inert_force = mass[:, None] * (acc - gvec)                  # (n, 4, 2): m (a - g)
    force = inert_force.sum(axis=1)
    cop = np.column_stack([rng.uniform(-0.2, 0.3, n), np.zeros(n)])
    cross = lambda a, b: a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0]
    free = np.sum(inertia * alpha + cross(com - cop[:, None, :], inert_force), axis=1)
    r = bottom_up_inverse_dynamics(joints, com, acc, alpha, mass, inertia, force, cop, free)
    np.testing.assert_allclose(r.joint_force[:, 3], 0.0, atol=1e-9 * np.abs(force).max())
    np.testing.assert_allclose(r.moment_ccw[:, 3], 0.0, atol=1e-9 * np.abs(free).max() + 1e-9)
    # top down: the trunk's own equations give the moment of the thigh on the trunk at the hip
    m_on_trunk = inertia[3] * alpha[:, 3] - cross(joints[:, 2] - com[:, 3], inert_force[:, 3])
    np.testing.assert_allclose(r.moment_ccw[:, 2], -m_on_trunk, rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(r.joint_force[:, 2], -inert_force[:, 3], rtol=1e-9, atol=1e-9)


def test_kernel_broadcasts_over_leading_axes():
    r1 = _hand_case()
    joints = np.broadcast_to(JOINTS, (2, 5, 3, 2))
    r = bottom_up_inverse_dynamics(joints, COM, np.zeros((3, 2)), np.zeros(3), MASS, np.zeros(3),
                                   np.array([0.0, 800.0]), np.array([0.10, 0.0]), g=10.0)
    assert r.moment_ccw.shape == (2, 5, 3) and r.joint_force.shape == (2, 5, 3, 2)
    np.testing.assert_allclose(r.moment_ccw[1, 4], r1.moment_ccw)


# --------------------------------------------------------------------------- bad input
def test_kernel_errors():
    z2, z = np.zeros((3, 2)), np.zeros(3)
    with pytest.raises(InputValueError, match=r"com has shape \(2, 2\)"):
        bottom_up_inverse_dynamics(JOINTS, np.zeros((2, 2)), z2, z, MASS, z, [0, 800], [0.1, 0])
    with pytest.raises(InputValueError, match="force holds NaN"):
        bottom_up_inverse_dynamics(JOINTS, COM, z2, z, MASS, z, [np.nan, 800], [0.1, 0])
    with pytest.raises(InputValueError, match="inertia"):
        bottom_up_inverse_dynamics(JOINTS, COM, z2, z, MASS, np.zeros(2), [0, 800], [0.1, 0])
    with pytest.raises(RangeError, match="must not be negative"):
        bottom_up_inverse_dynamics(JOINTS, COM, z2, z, -MASS, z, [0, 800], [0.1, 0])
    with pytest.raises(InputValueError, match="do not broadcast"):
        bottom_up_inverse_dynamics(np.zeros((4, 3, 2)), COM, z2, z, MASS, z, np.zeros((5, 2)), [0.1, 0])


def test_ground_reaction_and_wrapper_errors():
    with pytest.raises(UnitError, match="force=array of shape"):
        GroundReaction(force=np.zeros((3, 2)), cop=Q_(np.zeros((3, 2)), "m"))
    with pytest.raises(UnitError, match="cop="):
        GroundReaction(force=Q_(np.zeros((3, 2)), "N"), cop=Q_(np.zeros((3, 2)), "N"))
    with pytest.raises(InputValueError, match=r"force has shape \(3, 3\)"):
        GroundReaction(force=Q_(np.zeros((3, 3)), "N"), cop=Q_(np.zeros((3, 2)), "m"))
    grf = GroundReaction(force=Q_(np.zeros((20, 2)), "N"), cop=Q_(np.zeros((20, 2)), "m"),
                         free_moment=Q_(np.zeros(20), "N*m"))
    pts = Q_(np.zeros((20, 4, 2)), "m")
    t = Q_(np.arange(20) * 0.01, "s")
    args = (Q_([1, 1, 1], "kg"), Q_([0.1, 0.1, 0.1], "kg*m**2"), [0.5, 0.5, 0.5])
    with pytest.raises(InputValueError, match="too|needs more than"):
        gait_inverse_dynamics(Q_(np.arange(20) * 0.01, "s")[:5], pts[:5], *args,
                              GroundReaction(force=Q_(np.zeros((5, 2)), "N"), cop=Q_(np.zeros((5, 2)), "m")))
    bad_t = Q_(np.r_[np.arange(10), np.arange(9, 19)] * 0.01, "s")
    with pytest.raises(InputValueError, match="time is not strictly increasing"):
        gait_inverse_dynamics(bad_t, pts, *args, grf)
    with pytest.raises(InputValueError, match="not a GroundReaction"):
        gait_inverse_dynamics(t, pts, *args, {"force": 0})
    with pytest.raises(UnitError, match="cutoff=12"):
        gait_inverse_dynamics(t, pts, *args, grf, cutoff=12)
    gap = np.zeros((20, 4, 2))
    gap[5, 1, 0] = np.nan
    with pytest.raises(InputValueError, match="points=.*NaN"):
        gait_inverse_dynamics(t, Q_(gap, "m"), *args, grf, cutoff=None)
    with pytest.raises(InputValueError, match=r"points holds NaN .* first at sample 7"):
        segment_kinematics(np.arange(20) * 0.01, np.where(np.arange(20)[:, None, None] == 7, np.nan, 0.0)
                           * np.ones((20, 4, 2)), [0.5, 0.5, 0.5])
    with pytest.raises(RangeError, match="com_fraction"):
        segment_kinematics(np.arange(20) * 0.01, np.zeros((20, 4, 2)), [0.5, 1.5, 0.5], cutoff=None)
    with pytest.raises(InputValueError, match="uniformly sampled"):
        segment_kinematics(np.cumsum(np.r_[0.01 * np.ones(10), 0.02 * np.ones(10)]), np.zeros((20, 4, 2)),
                           [0.5, 0.5, 0.5], cutoff=5.0)
