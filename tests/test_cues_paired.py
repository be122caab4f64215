"""Paired experiments: each technique draw in both conditions, one vectorized call per condition."""

import numpy as np
import pytest

import biomech.exercises as ex
from biomech import Q_
from biomech.cues import get_cue, run_cue
from biomech.cues import paired
from biomech.cues.anatomy import (GLUTE_PARTS, experiment_glute_heads, experiment_muscle_crossings,
                                  experiment_roller_press)
from biomech.cues.experiments import STANDARD_BODIES
from biomech.cues.verdicts import Verdict

REF = STANDARD_BODIES[0]


def test_knee_travel_one_call_per_condition_and_the_drawn_cop_is_used(monkeypatch):
    calls = []
    real = ex.squat

    def counting(*a, **k):
        calls.append(k)
        return real(*a, **k)
    monkeypatch.setattr(paired.ex, "squat", counting)
    r = paired.experiment_knee_travel_paired.__wrapped__(STANDARD_BODIES[:1], 30)
    assert len(calls) == 2                                       # one vectorized call per condition
    assert all(np.shape(k["cop"].magnitude) == (30,) for k in calls)
    sq = [s for s in r.samples if s.labels["lift"] == "squat"][0]
    cop = sq.drivers["centre of pressure (fraction of the foot from the heel)"]
    # second route: the library's squat at one drawn centre of pressure, both knee travels
    i = 7
    one = ex.squat(REF, depth="90 deg", knee_travel=Q_([0.0, 0.1], "m"), load=REF.mass,
                   cop=Q_(cop[i] * REF.foot_geometry.toe_x, "m"))
    k = one.knee.to("N*m").magnitude
    assert sq.values["knee_moment_change"][i] == pytest.approx(k[1] / k[0] - 1, rel=1e-9)
    assert (sq.values["knee_moment_change"] > 0).all() and (sq.values["hip_moment_change"] < 0).all()
    assert {s.labels["lift"] for s in r.samples} == {"squat", "lunge", "step-up"}


def test_knee_travel_verdict_holds_over_the_whole_band_for_every_body():
    r = run_cue(get_cue("knee-travel-quadriceps"), strict=True)
    assert r.judgement.verdict is Verdict.CONSISTENT and r.judgement.low > 0
    assert r.key.startswith("knees past the toes: knee demand +") and "hip demand -" in r.key


def test_mobility_depends_on_ankle_dorsiflexion():
    r = paired.experiment_mobility_paired(STANDARD_BODIES[:1], 400)
    s = r.samples[0]
    need = np.degrees(paired.poses.squat_shank(ex.squat(REF, depth="90 deg", knee_travel="10 cm", load=REF.mass)))
    avail = s.drivers["ankle dorsiflexion, weight-bearing lunge test (deg)"]
    np.testing.assert_allclose(s.values["dorsiflexion_margin_deg"], avail - need)
    assert abs(avail.mean() - 39.0) < 1.0 and abs(avail.std() - 4.6) < 0.6      # the published spread
    j = get_cue("knee-travel-needs-mobility").judge(r.samples)
    assert j.verdict is Verdict.DEPENDS and j.depends_on.startswith("ankle dorsiflexion")
    # the hip half runs the other way: restricted knees need more hip flexion and a larger lumbar moment
    rows = r.rows
    assert rows[0]["hip flexion"] > rows[1]["hip flexion"] and rows[0]["lumbar moment"] > rows[1]["lumbar moment"]


def test_depth_gain_is_positive_and_thigh_calf_contact_shrinks_it():
    r = paired.experiment_squat_depth_paired(STANDARD_BODIES[:2], 60)
    for s in r.samples:
        with_c, without = s.values["depth_gain_per_kg"], s.values["depth_gain_per_kg_no_contact"]
        ok = np.isfinite(with_c)
        assert ok.sum() >= 10
        assert (with_c[ok] > 0).all() and (with_c[ok] < without[ok]).all()


def test_glute_parts_and_the_short_head():
    r = experiment_glute_heads()
    standing = {s.labels["muscle"]: float(s.values["standing_arm_mm"][0]) for s in r.samples}
    # the model's wrapped paths: every gluteus maximus part extends the hip over the whole range (20 deg of
    # extension to 120 of flexion); the front of the gluteus minimus flexes it throughout
    arms = {s.labels["muscle"]: s.values["extensor_arm_mm"] for s in r.samples}
    assert all((arms[f"gluteus maximus ({p})"] > 10).all() for p in ("upper", "middle", "lower"))
    assert (arms["gluteus minimus (front)"] < 0).all() and standing["gluteus maximus (middle)"] > 30
    assert len(standing) == len(GLUTE_PARTS) == 9
    c = experiment_muscle_crossings()
    rows = {row["muscle"]: row["joints crossed"] for row in c.rows}
    assert rows["biceps femoris, short head"] == "knee" and rows["biceps femoris, long head"] == "hip, knee"
    assert get_cue("biceps-short-head-knee-only").judge(c.samples).verdict is Verdict.CONSISTENT


def test_roller_press_depends_on_the_press():
    r = experiment_roller_press(STANDARD_BODIES[:1])
    s = r.samples[0]
    assert s.values["per_100N"][0] == pytest.approx(100 * (REF.shank.length_m - 0.05))
    j = get_cue("heels-into-roller").judge(r.samples)
    assert j.verdict is Verdict.DEPENDS and "press" in j.depends_on
