"""Lift experiments and their pose families: balance, identities, and every cue judged."""

import math

import numpy as np
import pytest

import biomech as bm
from biomech.cues import CATALOG, pending_experiments, poses, run_all
from biomech.cues.experiments import STANDARD_BODIES
from biomech.cues.lift_experiments import experiment_knee_travel, experiment_leg_extension_lockout

BODY = poses.body_for(STANDARD_BODIES[0])
BAR = [bm.Barbell("80 kg", "high_bar")]


def test_no_experiment_is_pending():
    assert pending_experiments() == []


def test_every_cue_gets_a_computed_verdict():
    results = run_all(STANDARD_BODIES[:2], progress=lambda *a: None, strict=True)
    assert len(results) == len(CATALOG)
    assert {r.status for r in results} == {"verdict"}


def test_balanced_squat_puts_the_centre_of_pressure_at_the_midfoot():
    thigh = np.radians([30.0, 60.0, 90.0, 115.0])
    _, res = poses.squat(BODY, thigh, loads=BAR)
    cop = res.cop.magnitude[..., 0]
    assert np.allclose(cop, res.positions["midfoot"].magnitude[..., 0], atol=1e-9)
    # and the system centre of mass lies over it (gravity is the only external force)
    assert np.allclose(res.positions["com"].magnitude[..., 0], cop, atol=1e-9)


def test_calf_raise_balances_over_the_ball():
    _, res = poses.calf_raise(BODY, np.radians([-15.0, 10.0, 35.0]), loads=BAR)
    assert np.allclose(res.cop.magnitude[..., 0], res.positions["ball"].magnitude[..., 0], atol=1e-9)


def test_knee_travel_puts_the_front_of_the_knee_where_asked():
    travel = np.array([-0.02, 0.0, 0.07])
    _, res = poses.squat(BODY, math.radians(90.0), knee_travel_m=travel, loads=BAR)
    assert np.allclose(res.knee_travel.magnitude, travel, atol=1e-12)


def test_knee_plus_hip_moment_is_fixed_by_the_thigh_angle():
    # Second route: knee + hip = (moment above the knee) - (moment above the hip); with the thigh
    # angle fixed the hip-knee offset is fixed, so knee travel only moves moment from hip to knee.
    r = experiment_knee_travel(STANDARD_BODIES[:1]).numbers["reference"]
    assert r["sum_moment_change"] == pytest.approx(0.0, abs=1e-9)
    assert r["knee_moment_change"] > 0 > r["hip_moment_change"]


def test_lunge_front_share_puts_front_cop_at_midfoot():
    leg = BODY.thigh.length_m + BODY.shank.length_m
    pose, res, info = poses.lunge(BODY, front_shank_rad=math.radians(30), front_thigh_rad=math.radians(85),
                                  trunk_rad=math.radians(10), step_m=0.8 * leg)
    assert 0 < info["front_share"] < 1
    assert float(res.cop.magnitude[..., 0]) == pytest.approx(float(res.positions["midfoot"].magnitude[..., 0]),
                                                             abs=1e-9)
    # the rear ball is on the floor, the step as asked
    assert float(res.positions["rear_ball"].magnitude[..., 1]) == pytest.approx(0.0, abs=1e-9)
    assert -float(res.positions["rear_ball"].magnitude[..., 0]) == pytest.approx(0.8 * leg, abs=1e-9)


def test_leg_extension_pad_moment_is_force_times_its_distance():
    # A pad force at right angles to the shin at distance d from the knee adds exactly F * d.
    knee = np.radians([90.0, 45.0, 0.0])
    F, frac = 300.0, 0.85
    _, _, with_pad = poses.leg_extension(BODY, knee, pad_force_n=F, pad_along_fraction=frac)
    _, _, no_pad = poses.leg_extension(BODY, knee, pad_force_n=0.0, pad_along_fraction=frac)
    # both legs share the pad force: half of it per leg
    assert np.allclose(with_pad - no_pad, 0.5 * F * frac * BODY.shank.length_m, atol=1e-9)


def test_leg_extension_demand_peaks_at_lockout():
    r = experiment_leg_extension_lockout(STANDARD_BODIES[:1])
    assert r.numbers["reference"]["lockout_peak_fraction"] == pytest.approx(1.0)


def test_leg_press_geometry_reaches_the_platform():
    leg = BODY.thigh.length_m + BODY.shank.length_m
    pose, res, info = poses.leg_press(BODY, hip_to_platform_m=0.6 * leg, foot_offset_m=0.1 * leg, sled_mass_kg=100)
    p = res.positions
    d = np.array([math.cos(math.radians(45)), math.sin(math.radians(45))])
    along = float(np.dot(p["ankle"].magnitude - p["hip"].magnitude, d))
    assert along == pytest.approx(0.6 * leg, abs=1e-9)
    assert 0 < info["knee_flexion_deg"] < 165 and 0 < info["hip_flexion_deg"] < 165


def test_natural_shank_is_smooth_and_saturates():
    th = np.radians(np.linspace(0, 140, 281))
    s = np.degrees(poses.natural_shank(th))
    assert np.all(np.diff(s) > 0) and s[-1] < poses.SQUAT_SHANK_MAX_DEG
    assert s[0] == pytest.approx(-3.0 * math.log(1 + math.exp(-38.0 / 3.0)), abs=1e-6)
