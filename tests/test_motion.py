"""Motion: construction, filtering and differentiation of samples, and clear errors."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biomech import Q_
from biomech.errors import InputValueError, RangeError, UnitError
from biomech.motion import SEGMENTS, Motion, extension_velocity_kernel
from biomech.model.pose import Pose

POSE = Pose(shank=Q_(30, "deg"), thigh=Q_(90, "deg"), trunk=Q_(45, "deg"))


def _series(t, shank, thigh, trunk):
    return Pose(shank=Q_(shank, "deg"), thigh=Q_(thigh, "deg"), trunk=Q_(trunk, "deg"), check=False)


def test_missing_rates_are_zero_and_units_convert():
    m = Motion(POSE, velocity={"thigh": Q_(-60, "deg/s")}, acceleration={"trunk": Q_(2, "rad/s**2")})
    assert m.velocity_rad_s["thigh"] == pytest.approx(-np.pi / 3)
    assert all(m.velocity_rad_s[k] == 0 for k in SEGMENTS if k != "thigh")
    assert m.acceleration_rad_s2["trunk"] == 2.0
    assert m.time_s is None and m.n_frames == 1


def test_rates_broadcast_to_the_pose_shape():
    p = Pose(shank=Q_([10, 20, 30], "deg"), thigh=Q_(60, "deg"), trunk=Q_(30, "deg"))
    m = Motion(p, velocity={"shank": Q_(1, "rad/s")}, time=Q_([0, 0.1, 0.2], "s"))
    assert m.velocity_rad_s["shank"].tolist() == [1.0, 1.0, 1.0]
    assert m.velocity_rad_s["foot"].shape == (3,)


def test_bad_motion_inputs_are_named():
    with pytest.raises(InputValueError, match="unknown segment 'knee'"):
        Motion(POSE, velocity={"knee": Q_(1, "rad/s")})
    with pytest.raises(UnitError, match=r"velocity\['thigh'\]"):
        Motion(POSE, velocity={"thigh": 1.0})
    p = Pose(shank=Q_([10, 20], "deg"), thigh=Q_(60, "deg"), trunk=Q_(30, "deg"))
    with pytest.raises(InputValueError, match="time has 3 samples"):
        Motion(p, time=Q_([0, 1, 2], "s"))
    with pytest.raises(InputValueError, match="not increasing"):
        Motion(p, time=Q_([1, 0], "s"))


def test_from_samples_recovers_analytic_derivatives():
    # shank = A sin(w t): velocity A w cos(w t), acceleration -A w^2 sin(w t) (calculus)
    t = np.arange(0.0, 4.0, 0.005)
    w = 2 * np.pi * 0.5
    shank = 20 * np.sin(w * t)
    m = Motion.from_samples(Q_(t, "s"), _series(t, shank, 30 + 0 * t, 20 + 0 * t), cutoff=Q_(6, "Hz"))
    inner = slice(100, -100)       # away from the filter's end effects
    v = np.degrees(m.velocity_rad_s["shank"])[inner]
    a = np.degrees(m.acceleration_rad_s2["shank"])[inner]
    assert np.max(np.abs(v - 20 * w * np.cos(w * t[inner]))) < 0.05
    assert np.max(np.abs(a + 20 * w**2 * np.sin(w * t[inner]))) < 0.2
    assert np.max(np.abs(m.velocity_rad_s["thigh"])) < 1e-9


def test_filter_removes_noise_that_raw_differentiation_amplifies():
    rng = np.random.default_rng(0)
    t = np.arange(0.0, 3.0, 0.005)
    true = 40 * (1 - np.cos(np.pi * t)) / 2
    noisy = true + rng.normal(0, 0.3, t.size)
    p = _series(t, noisy, 30 + 0 * t, 20 + 0 * t)
    raw = Motion.from_samples(Q_(t, "s"), p, cutoff=None)
    filt = Motion.from_samples(Q_(t, "s"), p)             # default cutoff
    exact = np.radians(40 * np.pi / 2 * np.sin(np.pi * t))
    err = lambda m: np.sqrt(np.mean((m.velocity_rad_s["shank"][50:-50] - exact[50:-50]) ** 2))  # noqa: E731
    assert err(filt) < err(raw) / 5


def test_from_joint_angles_keeps_joint_angles():
    t = np.arange(0, 1, 0.01)
    m = Motion.from_joint_angles(Q_(t, "s"), ankle=Q_(10 + 20 * t, "deg"), knee=Q_(20 + 90 * t, "deg"),
                                 hip=Q_(30 + 80 * t, "deg"), cutoff=None)
    j = m.pose.joint_angles_rad()
    assert np.allclose(np.degrees(j["knee"]), 20 + 90 * t)
    ext = m.extension_velocity_rad_s()
    # knee extension velocity = -d(knee flexion)/dt = -90 deg/s (definition in docs/conventions.md)
    assert np.allclose(np.degrees(ext["knee"]), -90.0)
    assert np.allclose(np.degrees(ext["hip"]), -80.0)
    assert np.allclose(np.degrees(ext["ankle"]), -20.0)


def test_extension_velocity_kernel_signs():
    v = extension_velocity_kernel({"foot": 0.3, "shank": 0.1, "thigh": 0.2, "trunk": 0.4})
    # ankle plantarflexion = -(d shank - d foot); knee = -(shank + thigh); hip = -(thigh + trunk)
    assert v["ankle"] == pytest.approx(0.2)
    assert v["knee"] == pytest.approx(-0.3)
    assert v["hip"] == pytest.approx(-0.6)


@pytest.mark.parametrize("bad, match", [
    (lambda t, x: (t[::-1].copy(), x), "not increasing"),
    (lambda t, x: (np.r_[t[:5], t[4], t[6:]], x), "not increasing"),
])
def test_time_must_increase(bad, match):
    t = np.arange(0, 1, 0.01)
    tt, x = bad(t, 10 * t)
    with pytest.raises(InputValueError, match=match):
        Motion.from_samples(Q_(tt, "s"), _series(tt, x, 30 + 0 * x, 20 + 0 * x))


def test_nan_gap_is_reported_with_its_time():
    t = np.arange(0, 1, 0.01)
    x = 10 * t
    x[30:33] = np.nan
    p = Pose.from_radians(shank=np.radians(x), thigh=np.radians(30 + 0 * t), trunk=np.radians(20 + 0 * t))
    with pytest.raises(InputValueError, match=r"pose\['shank'\] has a NaN gap: 3 missing sample\(s\), the first at time 0.3 s"):
        Motion.from_samples(Q_(t, "s"), p)


def test_too_few_samples_for_the_filter():
    t = np.arange(0, 0.09, 0.01)   # 9 samples; order 2 needs 10 (filtfilt pads 9)
    p = _series(t, 10 * t, 30 + 0 * t, 20 + 0 * t)
    with pytest.raises(InputValueError, match="needs at least 10"):
        Motion.from_samples(Q_(t, "s"), p)
    # without filtering 9 samples are plenty
    assert Motion.from_samples(Q_(t, "s"), p, cutoff=None).n_frames == 9


def test_uneven_sampling_and_nyquist_are_refused():
    t = np.r_[np.arange(0, 0.5, 0.01), np.arange(0.5, 1.0, 0.02)]
    with pytest.raises(InputValueError, match="not evenly spaced"):
        Motion.from_samples(Q_(t, "s"), _series(t, 10 * t, 30 + 0 * t, 20 + 0 * t))
    t = np.arange(0, 1, 0.01)
    with pytest.raises(RangeError, match="Nyquist"):
        Motion.from_samples(Q_(t, "s"), _series(t, 10 * t, 30 + 0 * t, 20 + 0 * t), cutoff=Q_(60, "Hz"))
    with pytest.raises(UnitError):
        Motion.from_samples(t, _series(t, 10 * t, 30 + 0 * t, 20 + 0 * t))


def test_frames_and_concatenate():
    t = np.linspace(0, 1, 11)
    a = Motion.from_radians({"shank": t}, velocity={"shank": np.ones(11)}, time_s=t, rep=np.zeros(11, int))
    both = Motion.concatenate([a, a])
    assert both.n_frames == 21                       # the shared joining instant kept once
    assert both.time_s[-1] == pytest.approx(2.0)
    assert both.rep.tolist() == [0] * 11 + [1] * 10
    gap = Motion.concatenate([a, a], gap=Q_(1, "s"))
    assert gap.n_frames == 22 and gap.time_s[11] == pytest.approx(2.0)
    assert a.frames(slice(2, 4)).segment_angles_rad()["shank"].tolist() == pytest.approx([0.2, 0.3])
    with pytest.raises(InputValueError, match="no time"):
        Motion.concatenate([Motion(POSE)])


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(-3, 3), min_size=2, max_size=20))
def test_from_radians_keeps_arrays(values):
    x = np.array(values)
    m = Motion.from_radians({"thigh": x}, velocity={"thigh": 2 * x}, acceleration={"trunk": -x})
    assert np.array_equal(m.segment_angles_rad()["thigh"], x)
    assert np.array_equal(m.velocity_rad_s["thigh"], 2 * x)
    assert np.array_equal(m.acceleration_rad_s2["trunk"], -x)
    assert np.array_equal(m.velocity_rad_s["shank"], np.zeros_like(x))
