"""Torque over time: impulses, power and work, time above a threshold, set and session tables."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from biomech import Q_
from biomech.errors import InputValueError, UnitError
from biomech.model.pose import Pose
from biomech.motion.tempo import rep_motion
from biomech.motion.summaries import (SessionSummary, SetSummary, joint_power_kernel, peak_kernel, split_integral_kernel,
                                summarize_joint, summarize_motion, summarize_set, time_above_kernel)

TOP = Pose(shank="0 deg", thigh="0 deg", trunk="0 deg")
BOTTOM = Pose(shank="30 deg", thigh="90 deg", trunk="45 deg")
A = 300.0   # N*m, amplitude of the stand-in knee moment below


def knee_moment(motion):
    """A stand-in extensor moment that depends on the knee angle only: A sin(knee flexion)."""
    return A * np.sin(motion.pose.joint_angles_rad()["knee"])


@settings(max_examples=40, deadline=None)
@given(st.floats(-500, 500), st.floats(0.1, 10.0), st.integers(2, 200))
def test_impulse_of_a_constant(c, duration, n):
    t = np.linspace(0.0, duration, n)
    pos, neg = split_integral_kernel(t, np.full(n, c))
    # a constant c for T s: its impulse is c T, all in the part of its sign
    assert pos == pytest.approx(max(c, 0) * duration, rel=1e-12, abs=1e-12)
    assert neg == pytest.approx(min(c, 0) * duration, rel=1e-12, abs=1e-12)


@settings(max_examples=40, deadline=None)
@given(arrays(float, st.integers(2, 50), elements=st.floats(-1e3, 1e3)))
def test_parts_add_up_to_the_trapezoid_and_keep_their_signs(y):
    t = np.cumsum(np.r_[0.0, np.full(y.size - 1, 0.01)])
    pos, neg = split_integral_kernel(t, y)
    assert pos >= 0 and neg <= 0
    assert pos + neg == pytest.approx(np.trapezoid(y, t), abs=1e-9)


def test_sign_change_inside_an_interval_is_located():
    # a ramp from -1 to 3 over 1 s crosses zero at 0.25 s: areas -0.125 and +1.125 (triangles)
    pos, neg = split_integral_kernel(np.array([0.0, 1.0]), np.array([-1.0, 3.0]))
    assert (pos, neg) == (pytest.approx(1.125), pytest.approx(-0.125))
    # a sine over one period: +2/pi and -2/pi per unit amplitude (calculus); exact parts converge fast
    t = np.linspace(0, 2, 401)
    pos, neg = split_integral_kernel(t, np.sin(np.pi * t))
    assert pos == pytest.approx(2 / np.pi, rel=1e-4) and neg == pytest.approx(-2 / np.pi, rel=1e-4)


def test_time_above_and_peaks():
    t = np.array([0.0, 1.0, 2.0])
    # a triangle 0 -> 100 -> 0: above 50 for the middle second
    assert float(time_above_kernel(t, np.array([0.0, 100.0, 0.0]), 50.0)) == pytest.approx(1.0)
    assert float(time_above_kernel(t, np.array([0.0, 100.0, 0.0]), 100.0)) == pytest.approx(0.0)
    hi, lo, pk = peak_kernel(np.array([[1.0, -5.0], [4.0, 2.0]]))
    assert hi.tolist() == [4.0, 2.0] and lo.tolist() == [0.0, -5.0] and pk.tolist() == [4.0, -5.0]


def test_power_sign_generation_and_absorption():
    # extensor moment while the knee extends (concentric): power generated, positive
    assert joint_power_kernel(200.0, 1.0) == 200.0
    # extensor moment while the knee flexes (eccentric): absorbed, negative
    assert joint_power_kernel(200.0, -1.0) == -200.0


def test_work_of_a_position_dependent_moment_over_a_full_rep():
    # For M = A sin(q) (q = knee flexion) the extensor work on the way up is the integral of
    # A sin(q) dq from 0 to q_bottom = A (1 - cos q_bottom), whatever the tempo (calculus);
    # the way down absorbs the same.
    q_bottom = np.radians(120.0)           # knee flexion at BOTTOM: 30 + 90 deg
    for tempo in ("3-0-1-0", "1-0-1-0", "3-2-1-1"):
        m = rep_motion((TOP, BOTTOM), tempo, rate=Q_(400, "Hz"))
        s = summarize_motion(m, {"knee": Q_(knee_moment(m), "N*m")}).joints["knee"]
        assert s.positive_work.to("J").magnitude == pytest.approx(A * (1 - np.cos(q_bottom)), rel=1e-4)
        assert s.negative_work.to("J").magnitude == pytest.approx(-A * (1 - np.cos(q_bottom)), rel=1e-4)


def test_slow_tempo_doubles_the_impulse_not_the_peak():
    # 3-0-1 is a time-stretched 1-0-1 on the way down: the eccentric impulse triples, the
    # concentric one is unchanged, so the total is (3 + 1) / (1 + 1) = 2 times; peaks equal.
    slow = rep_motion((TOP, BOTTOM), "3-0-1-0", rate=Q_(400, "Hz"))
    fast = rep_motion((TOP, BOTTOM), "1-0-1-0", rate=Q_(400, "Hz"))
    ss = summarize_motion(slow, {"knee": Q_(knee_moment(slow), "N*m")}, label="3-0-1",
                          threshold=Q_(200, "N*m"))
    sf = summarize_motion(fast, {"knee": Q_(knee_moment(fast), "N*m")}, label="1-0-1",
                          threshold=Q_(200, "N*m"))
    ks, kf = ss.joints["knee"], sf.joints["knee"]
    assert ks.extensor_impulse.magnitude / kf.extensor_impulse.magnitude == pytest.approx(2.0, rel=1e-4)
    assert ks.time_above.magnitude / kf.time_above.magnitude == pytest.approx(2.0, rel=1e-3)
    assert ks.peak.magnitude == pytest.approx(kf.peak.magnitude, rel=1e-5)   # both A, up to sampling
    assert ks.flexor_impulse.magnitude == 0.0
    session = SessionSummary([ss, sf])
    text = session.table()
    assert "3-0-1" in text and "1-0-1" in text and "(N m s)" in text and "moment beyond 200 N m" in text
    assert len(session.rows()) == 2
    tot = session.totals()["knee"]
    assert tot.extensor_impulse.magnitude == pytest.approx(ks.extensor_impulse.magnitude + kf.extensor_impulse.magnitude)


def test_pulse_squat_keeps_the_knee_loaded():
    # pulses between half and full depth spend all their time deep: with M = A sin(knee flexion)
    # the moment never falls below A sin(60 deg) (knee flexion 60 deg at half depth)
    full = rep_motion((TOP, BOTTOM), "2-0-1-0", reps=4, rate=Q_(200, "Hz"))
    pulse = rep_motion((TOP, BOTTOM), "2-0-1-0", reps=4, pulse=True, rate=Q_(200, "Hz"))
    thr = dict(fraction=0.8, reference=Q_(A, "N*m"))          # a fixed reference, not the rep's own peak
    sp = summarize_motion(pulse, {"knee": Q_(knee_moment(pulse), "N*m")}, label="pulse", **thr)
    sf = summarize_motion(full, {"knee": Q_(knee_moment(full), "N*m")}, label="full", **thr)
    assert knee_moment(pulse).min() == pytest.approx(A * np.sin(np.radians(60)), rel=1e-9)
    assert sp.joints["knee"].time_above.magnitude > sf.joints["knee"].time_above.magnitude
    assert len(sp.reps) == 4


def test_per_rep_summaries_add_up_to_the_set():
    m = rep_motion((TOP, BOTTOM), ["3-0-1-0", "1-0-1-0", "2-1-1-0"], rate=Q_(200, "Hz"))
    s = summarize_motion(m, {"knee": Q_(knee_moment(m), "N*m"), "lumbar": Q_(np.full(m.n_frames, 50.0), "N*m")})
    per = [r["knee"].extensor_impulse.magnitude for r in s.reps]
    assert sum(per) == pytest.approx(s.joints["knee"].extensor_impulse.magnitude, rel=1e-12)
    assert [r["knee"].duration.magnitude for r in s.reps] == pytest.approx([4.0, 2.0, 4.0])
    # the lumbar point has no angular velocity in a rigid trunk: work is NaN, impulse is not
    assert np.isnan(s.joints["lumbar"].positive_work.magnitude)
    assert s.joints["lumbar"].extensor_impulse.magnitude == pytest.approx(500.0)
    assert isinstance(s, SetSummary) and "knee" in s.table()


def test_flexor_side_and_results_objects():
    t = np.linspace(0, 1, 101)

    class Result:   # anything with .ankle/.knee/.hip/.lumbar, like an inverse-dynamics result
        ankle = Q_(-40.0 + 0 * t, "N*m")
        knee = None
        hip = Q_(10.0 + 0 * t, "N*m")
        lumbar = None

    s = summarize_set(Q_(t, "s"), Result(), threshold=Q_(30, "N*m"), side="flexor")
    assert set(s.joints) == {"ankle", "hip"}
    assert s.joints["ankle"].time_above.magnitude == pytest.approx(1.0)
    assert s.joints["ankle"].flexor_impulse.magnitude == pytest.approx(-40.0)
    assert s.joints["hip"].time_above.magnitude == 0.0


def test_bad_inputs():
    t = Q_(np.linspace(0, 1, 11), "s")
    m = Q_(np.ones(11), "N*m")
    with pytest.raises(InputValueError, match="not both"):
        summarize_joint(t, m, threshold=Q_(1, "N*m"), fraction=0.5, reference=Q_(2, "N*m"))
    with pytest.raises(InputValueError, match="needs reference"):
        summarize_joint(t, m, fraction=0.5)
    with pytest.raises(InputValueError, match="shape"):
        summarize_joint(t, Q_(np.ones(10), "N*m"))
    with pytest.raises(InputValueError, match="not increasing"):
        summarize_joint(Q_(np.r_[0, 2, 1.0], "s"), Q_(np.ones(3), "N*m"))
    with pytest.raises(UnitError):
        summarize_joint(t, Q_(np.ones(11), "N"))
    with pytest.raises(InputValueError, match="side="):
        summarize_joint(t, m, side="both")
    with pytest.raises(InputValueError, match="no joint moments"):
        summarize_set(t, {})
    with pytest.raises(InputValueError, match="not a SetSummary"):
        SessionSummary(["a"])
