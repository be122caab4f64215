"""Lift experiments on the exercise library: its poses, the two helpers it lacks, and every cue judged."""

import math

import numpy as np
import pytest

import biomech as bm
import biomech.exercises as ex
from biomech import Q_
from biomech.cues import poses
from biomech.cues.experiments import STANDARD_BODIES
from biomech.cues.lift_experiments import (KNEE_TRAVEL_FREE_M, _Tally, experiment_knee_travel,
                                           experiment_leg_extension_lockout)
from biomech.errors import InfeasiblePoseError

BODY = STANDARD_BODIES[0]


def test_knee_travel_numbers_are_the_exercise_librarys():
    # Second route: the library's squat called directly (parallel, bar = body mass, 0 and 10 cm)
    r = experiment_knee_travel(STANDARD_BODIES[:1]).numbers["reference"]
    sq = ex.squat(BODY, depth="90 deg", knee_travel=Q_([0.0, KNEE_TRAVEL_FREE_M], "m"), load=BODY.mass)
    k = sq.knee.to("N*m").magnitude
    assert r["knee_moment_change"] == pytest.approx(k[1] / k[0] - 1, rel=1e-12)


def test_knee_plus_hip_moment_is_fixed_by_the_thigh_angle():
    # Second route: knee + hip = (moment above the knee) - (moment above the hip); with the thigh
    # angle fixed the hip-knee offset is fixed, so knee travel only moves moment from hip to knee.
    r = experiment_knee_travel(STANDARD_BODIES[:1]).numbers["reference"]
    assert r["sum_moment_change"] == pytest.approx(0.0, abs=1e-9)
    assert r["knee_moment_change"] > 0 > r["hip_moment_change"]


@pytest.mark.parametrize("kw", [dict(heel_lift=Q_([0.0, 0.025, 0.05], "m")),
                                dict(toe_out=Q_([0.0, 30.0], "deg"), stance_width=Q_([0.18, 0.53], "m"))])
def test_knee_travel_for_shank_gives_the_shank_asked_for(kw):
    target = np.radians(35.0)
    common = dict(depth="90 deg", load="64 kg", **kw)
    kt = poses.knee_travel_for_shank(ex.squat, BODY, target, **common)
    sq = ex.squat(BODY, knee_travel=Q_(kt, "m"), **common)
    np.testing.assert_allclose(poses.squat_shank(sq), target, atol=1e-12)


def test_knee_travel_for_shank_in_a_lunge_and_when_nothing_is_feasible():
    kw = dict(step_length="70 cm", depth="85 deg", load="30 kg")
    kt = poses.knee_travel_for_shank(ex.lunge, BODY, math.radians(20.0), shank_of=poses.front_shank, **kw)
    assert float(poses.front_shank(ex.lunge(BODY, knee_travel=Q_(kt, "m"), **kw))) == pytest.approx(
        math.radians(20.0), abs=1e-12)
    with pytest.raises(InfeasiblePoseError, match="no feasible knee travel"):
        poses.knee_travel_for_shank(ex.squat, BODY, math.radians(35.0), depth="90 deg", load="64 kg",
                                    dorsiflexion_limit="1 deg")


def test_shin_forward_calf_raise_balances_and_agrees_with_the_library_at_its_own_lean():
    top = ex.standing_calf_raise(BODY, load="40 kg", foot="35 deg")
    s0, f0 = float(top.pose.shank_rad), float(top.pose.foot_rad)
    pose, res = poses.calf_raise_shin_forward(BODY, np.array([f0, f0 + 0.1]), np.array([s0, s0 + 0.1]), 40.0)
    assert np.allclose(res.cop.magnitude[..., 0], BODY.foot_geometry.ball_x, atol=1e-9)
    # at the library's own lean the trunk balances at that lean too: the same pose and ankle moment
    assert float(pose.trunk_rad[0]) == pytest.approx(float(top.pose.trunk_rad), abs=1e-9)
    assert float(res.ankle.magnitude[0]) == pytest.approx(float(top.ankle.magnitude), abs=1e-9)


def test_infeasible_bodies_are_reported_not_judged():
    t = _Tally()
    sq = ex.squat(BODY, depth="90 deg", knee_travel=Q_([0.0, 0.2], "m"), load="64 kg")   # 20 cm: too much dorsiflexion
    with t.per_body(BODY):
        t.feasible(sq, "the squat")
        t.body(BODY, {"x": 1.0}, 1.0)
    assert t.numbers == {} and "dorsiflexion" in t.skipped["reference"]
    res = t.result({}, "x", None, ())
    assert "Not judged" in res.caveats[-1] and res.rows[0]["note"].startswith("not judged")


def test_leg_extension_demand_peaks_at_lockout():
    r = experiment_leg_extension_lockout(STANDARD_BODIES[:1])
    assert r.numbers["reference"]["lockout_peak_fraction"] == pytest.approx(1.0)


def test_standard_bodies_feed_the_exercise_library():
    # every standard body balances an ordinary squat (a real bm.Body, named)
    for b in STANDARD_BODIES:
        assert isinstance(b, bm.Body)
        assert bool(ex.squat(b, depth="90 deg", knee_travel="10 cm", load=b.mass).feasible), b.name
