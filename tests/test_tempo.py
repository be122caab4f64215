"""Tempo notation, minimum-jerk profiles and tempo-driven reps."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biomech import Q_
from biomech.errors import InputValueError, RangeError
from biomech.model.pose import Pose
from biomech.motion.tempo import (EXPLOSIVE, PHASES, Tempo, depth_profile_kernel, minimum_jerk, rep_motion)

TOP = Pose(shank="0 deg", thigh="0 deg", trunk="0 deg")
BOTTOM = Pose(shank="30 deg", thigh="90 deg", trunk="45 deg")


@pytest.mark.parametrize("text, expected", [
    ("3-0-1-0", (3, 0, 1, 0)),
    ("301", (3, 0, 1, 0)),                    # three digits: top pause 0
    ("3010", (3, 0, 1, 0)),
    ("321", (3, 2, 1, 0)),                    # the article's leg extensions
    ("31X0", (3, 1, 0.5, 0)),                 # X = EXPLOSIVE = 0.5 s
    ("4/2/x/1", (4, 2, 0.5, 1)),
    ("2.5-0-1-0", (2.5, 0, 1, 0)),
    ("10-0-10-0", (10, 0, 10, 0)),
    ("301 tempo", (3, 0, 1, 0)),
    ("no tempo", (2, 0, 1, 0)),               # DEFAULT_TEMPO
    ("2 s hold at the top", (2, 0, 1, 2)),
    ("hold 2 s at the bottom", (2, 2, 1, 0)),
    ("2 second isometric", (2, 0, 1, 2)),     # at the top unless told otherwise
    ("2-second pause at the bottom", (2, 2, 1, 0)),
    ("3 second stretch and squeeze", (2, 3, 1, 3)),
    ("3010, 2 s hold at the bottom", (3, 2, 1, 0)),
])
def test_notation(text, expected):
    assert Tempo.parse(text).durations_s.tolist() == list(map(float, expected))


def test_explosive_and_base_are_settable():
    assert Tempo.parse("21X0", explosive=Q_(300, "ms")).concentric == pytest.approx(0.3)
    assert Tempo.parse("2 s hold at the top", base="4-0-2-0").durations_s.tolist() == [4, 0, 2, 2]
    assert EXPLOSIVE.to("s").magnitude == 0.5


@pytest.mark.parametrize("text, match", [
    ("fast", "not tempo notation"),
    ("30", "not tempo notation"),
    ("3x15", "X \\(explosive\\) in a pause"),
    ("0-0-1-0", "lowering \\(first\\) phase 0 s"),
    ("3-0-0-0", "lifting \\(third\\) phase 0 s"),
    ("3 s hold at the middle", "not tempo notation"),
    ("301 and a smile", "not tempo notation"),
])
def test_unknown_notation_is_refused(text, match):
    with pytest.raises(InputValueError, match=match):
        Tempo.parse(text)


def test_tempo_values_are_checked():
    with pytest.raises(RangeError, match="eccentric"):
        Tempo(0.0, 0.0, 1.0, 0.0)
    with pytest.raises(RangeError, match="bottom"):
        Tempo(1.0, -1.0, 1.0, 0.0)
    assert Tempo.from_quantities("3 s", "0 s", "1 s", "0 s") == Tempo.parse("301")


@settings(max_examples=50, deadline=None)
@given(st.floats(0.0, 1.0))
def test_minimum_jerk_is_monotone_and_symmetric(tau):
    s, ds, dds = minimum_jerk(tau)
    s2, ds2, dds2 = minimum_jerk(1.0 - tau)
    assert 0.0 <= s <= 1.0 and ds >= 0.0
    assert s + s2 == pytest.approx(1.0, abs=1e-12)       # point symmetry about tau = 1/2
    assert ds == pytest.approx(ds2, abs=1e-12)
    assert dds == pytest.approx(-dds2, abs=1e-9)


def test_minimum_jerk_endpoints():
    s, ds, dds = minimum_jerk(np.array([0.0, 1.0]))
    assert s.tolist() == [0.0, 1.0] and ds.tolist() == [0.0, 0.0] and dds.tolist() == [0.0, 0.0]
    # peak speed of the quintic is 15/8 at mid-movement (Flash & Hogan 1985)
    assert minimum_jerk(0.5)[1] == pytest.approx(15 / 8)


durations = st.floats(0.2, 4.0)
pauses = st.sampled_from([0.0, 0.5, 2.0])


@settings(max_examples=25, deadline=None)
@given(durations, pauses, durations, pauses, st.floats(0.0, 0.6), st.floats(0.7, 1.0))
def test_profile_hits_positions_with_zero_velocity_and_acceleration(ecc, bot, con, top, low, high):
    d = np.array([[ecc, bot, con, top]])
    edges = np.cumsum([0.0, ecc, bot, con, top])
    f, df, ddf, rep, phase = depth_profile_kernel(edges, d, low, high)
    assert f[0] == pytest.approx(low) and f[1] == pytest.approx(high)
    assert f[3] == pytest.approx(low) and f[4] == pytest.approx(low)
    assert np.allclose(df, 0.0, atol=1e-12) and np.allclose(ddf, 0.0, atol=1e-9)


@settings(max_examples=15, deadline=None)
@given(durations, pauses, durations, pauses)
def test_profile_derivatives_match_finite_differences(ecc, bot, con, top):
    d = np.array([[ecc, bot, con, top]] * 2)
    t = np.linspace(0.0, d.sum(), 4001)
    f, df, ddf, _, _ = depth_profile_kernel(t, d)
    h = t[1] - t[0]
    # central-difference error ~ h**2/6 x third derivative (<= 60 / T**3 for a quintic over T s)
    assert np.max(np.abs(np.gradient(f, h)[2:-2] - df[2:-2])) < 20 * h**2 / min(ecc, con) ** 3 + 1e-9
    assert f[-1] == pytest.approx(0.0, abs=1e-12) and np.max(f) == pytest.approx(1.0)   # ends at the top


def test_rep_motion_times_labels_and_holds():
    m = rep_motion((TOP, BOTTOM), "3-2-1-1", reps=2, rate=Q_(100, "Hz"))
    assert m.time_s[-1] == pytest.approx(14.0)
    assert m.n_frames == 1401
    assert sorted(set(m.rep.tolist())) == [0, 1]
    bottom_hold = m.phase == "bottom"
    assert np.count_nonzero(bottom_hold) == 400                       # 2 s x 2 reps at 100 Hz
    thigh = np.degrees(m.segment_angles_rad()["thigh"])
    assert np.allclose(thigh[bottom_hold], 90.0)
    assert np.allclose(m.velocity_rad_s["thigh"][bottom_hold], 0.0)
    assert set(m.phase.tolist()) == set(PHASES)


def test_rep_motion_velocity_and_acceleration_match_numerical_derivatives():
    m = rep_motion((TOP, BOTTOM), "2-0-1-0", reps=1, rate=Q_(2000, "Hz"))
    t = m.time_s
    for k in ("shank", "thigh", "trunk"):
        a = m.segment_angles_rad()[k]
        v = m.velocity_rad_s[k]
        assert np.max(np.abs(np.gradient(a, t)[1:-1] - v[1:-1])) < 1e-4
        # central differences across a phase boundary (where the jerk jumps) err by ~h x jump:
        # below 0.5 % of the peak acceleration (about 9 rad/s**2 for the thigh in 1 s)
        assert np.max(np.abs(np.gradient(v, t)[1:-1] - m.acceleration_rad_s2[k][1:-1])) < 5e-2
    # the eccentric peak thigh speed is 90 deg x 15/8 / 2 s (quintic peak speed, Flash & Hogan 1985)
    assert np.degrees(m.velocity_rad_s["thigh"]).max() == pytest.approx(90 * 15 / 8 / 2, rel=1e-4)


def test_callable_path_is_differentiated_numerically():
    # thigh = 90 deg * f^2: dtheta/df = 2 * 90 f, d2theta/df2 = 2 * 90 (exact, in degrees)
    def path(f):
        f = np.asarray(f, dtype=float)
        return Pose.from_radians(shank=np.radians(30 * f), thigh=np.radians(90 * f**2), trunk=np.radians(45 * f))

    m = rep_motion(path, "2-0-1-0", rate=Q_(200, "Hz"))
    f, df, ddf, _, _ = depth_profile_kernel(m.time_s, np.array([[2.0, 0, 1, 0]]))
    v_exact = np.radians(180 * f * df)
    a_exact = np.radians(180 * df**2 + 180 * f * ddf)
    assert np.max(np.abs(m.velocity_rad_s["thigh"] - v_exact)) < 1e-6
    assert np.max(np.abs(m.acceleration_rad_s2["thigh"] - a_exact)) < 1e-5
    # a linear callable path matches the pair of poses
    lin = rep_motion(lambda f: Pose.from_radians(shank=np.radians(30 * np.asarray(f)),
                                                 thigh=np.radians(90 * np.asarray(f)),
                                                 trunk=np.radians(45 * np.asarray(f))), "301")
    pair = rep_motion((TOP, BOTTOM), "301")
    assert np.allclose(lin.velocity_rad_s["thigh"], pair.velocity_rad_s["thigh"], atol=1e-9)


def test_pulse_reps_never_lock_out():
    m = rep_motion((TOP, BOTTOM), "2-0-1-0", reps=3, pulse=True)
    thigh = np.degrees(m.segment_angles_rad()["thigh"])
    assert thigh.min() == pytest.approx(45.0) and thigh.max() == pytest.approx(90.0)
    m = rep_motion((TOP, BOTTOM), "2-0-1-0", depth_range=(0.25, 0.75))
    thigh = np.degrees(m.segment_angles_rad()["thigh"])
    assert thigh.min() == pytest.approx(22.5) and thigh.max() == pytest.approx(67.5)


def test_per_rep_tempos():
    m = rep_motion((TOP, BOTTOM), ["2-0-1-0", "2-5-1-0"], rate=Q_(50, "Hz"))
    assert m.time_s[-1] == pytest.approx(11.0)


@pytest.mark.parametrize("kwargs, err, match", [
    (dict(tempo="slow"), InputValueError, "not tempo notation"),
    (dict(reps=0), InputValueError, "reps=0"),
    (dict(depth_range=(0.8, 0.2)), RangeError, "depth_range"),
    (dict(depth_range=(0.0, 1.5)), RangeError, "outside 0 to 1"),
    (dict(tempo=["301", "301"], reps=3), InputValueError, "one tempo per rep"),
])
def test_rep_motion_errors(kwargs, err, match):
    with pytest.raises(err, match=match):
        rep_motion((TOP, BOTTOM), **kwargs)
    with pytest.raises(InputValueError, match="path="):
        rep_motion("squat", "301")
