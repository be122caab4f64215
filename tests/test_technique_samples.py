"""Technique samples on the exercises (samples=, seed=), bands on the result family, the memory
bound, and the new exercises (sumo and trap-bar deadlift, good morning).

Directions from the literature are written here as the tolerance before the model was run.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings, strategies as st
import pytest

import biomech as bm
from biomech import Q_
from biomech.cli import main
from biomech.exercises import technique as tq

BODY = bm.Body.from_anthropometrics("178 cm", "80 kg")
ex = bm.exercises
SAMPLED = ["squat", "front_squat", "goblet_squat", "bodyweight_squat", "box_squat", "lunge", "split_squat",
           "bulgarian_split_squat", "romanian_deadlift", "stiff_leg_deadlift", "deadlift", "sumo_deadlift",
           "trap_bar_deadlift", "good_morning", "leg_press"]
LOAD = {"bodyweight_squat": {}, "good_morning": {"load": "20 kg"}}


def nm(q):
    return np.asarray(q.to("N*m").magnitude, dtype=float)


def call(name, **kw):
    return getattr(ex, name)(BODY, **{**LOAD.get(name, {"load": "60 kg"}), **kw})


# --------------------------------------------------------------------------- samples
@pytest.mark.parametrize("name", SAMPLED)
def test_samples_put_a_sample_axis_first_and_repeat_with_the_seed(name):
    a = call(name, samples=40)
    assert a.dims[0] == "sample" and a.shape == (40,)
    assert a.extras["technique"]["samples"] == 40 and a.extras["technique"]["seed"] == tq.DEFAULT_SEED
    b = call(name, samples=40)
    np.testing.assert_array_equal(nm(a.knee), nm(b.knee))  # the default seed repeats
    c = call(name, samples=40, seed=7)
    assert not np.array_equal(np.nan_to_num(nm(a.knee)), np.nan_to_num(nm(c.knee)))
    feas = np.asarray(a.feasible)
    assert feas.any()
    assert np.all(np.isfinite(nm(a.knee)[feas])) and np.all(np.isnan(nm(a.knee)[~feas]))
    assert np.all((np.asarray(a.reason) == "") == feas)


@pytest.mark.parametrize("name", SAMPLED)
def test_without_samples_the_result_is_unchanged(name):
    plain = call(name)
    with_seed = call(name, seed=99)  # a seed alone draws nothing
    for j in ("ankle", "knee", "hip", "lumbar"):
        np.testing.assert_array_equal(nm(getattr(plain, j)), nm(getattr(with_seed, j)))
    assert plain.dims == () and "technique" not in plain.extras


def test_squat_samples_balance_each_sample_over_its_drawn_pressure_point():
    r = ex.squat(BODY, load="100 kg", samples=200)
    drawn = r.extras["technique"]["drawn"]["cop"].m_as("")
    ok = np.asarray(r.feasible)
    cop = r.cop.m_as("m")[..., 0]
    toe = BODY.foot_geometry.toe_x
    np.testing.assert_allclose(cop[ok], drawn[ok] * toe, atol=1e-9)
    # the trunk is solved, never drawn
    assert "trunk" not in r.extras["technique"]["drawn"]


def test_squat_samples_over_a_grid_broadcast_behind_the_sample_axis():
    depth = Q_(np.linspace(60, 110, 4), "deg")[:, None]
    travel = Q_([0.0, 5.0, 10.0], "cm")
    r = ex.squat(BODY, load="100 kg", depth=depth, knee_travel=travel, samples=30)
    assert r.shape == (30, 4, 3) and r.dims == ("sample", "depth", "knee_travel")
    b = r.band()
    assert b.typical.knee.shape == (4, 3) and b.dims == ("depth", "knee_travel")


def test_coach_given_values_are_held_in_every_sample():
    r = ex.squat(BODY, load="100 kg", knee_travel="0 cm", samples=50)
    kt = r.knee_travel.m_as("m")
    assert np.allclose(kt[np.asarray(r.feasible)], 0.0, atol=1e-9)  # the knee travel stays the coach's
    assert r.extras["technique"]["used_as"]["shank_at_parallel"].startswith("not used")
    fixed = ex.squat(BODY, load="100 kg", cop="12 cm", samples=50)
    cop = fixed.cop.m_as("m")[..., 0][np.asarray(fixed.feasible)]
    assert np.allclose(cop, 0.12, atol=1e-9)
    rdl = ex.romanian_deadlift(BODY, load="60 kg", knee_flexion="30 deg", samples=30)
    k = rdl.pose.knee.m_as("deg")[np.asarray(rdl.feasible)]
    assert np.allclose(k, 30.0)


def test_squat_samples_the_shin_leans_further_as_the_lifter_goes_deeper():
    # technique.squat_shank_lean: the depth effect the article's cues rely on (direction)
    r = ex.squat(BODY, load="100 kg", depth=Q_([60, 90], "deg"), samples=200)
    shank = np.nanmedian(r.pose.shank.m_as("deg"), axis=0)
    knee = r.band().typical.knee.m_as("N*m")
    assert shank[1] > shank[0] and knee[1] > knee[0]


def test_lunge_samples_balance_decides_the_front_share():
    r = ex.lunge(BODY, load="20 kg", samples=100)
    ok = np.asarray(r.feasible)
    share = r.extras["front_share"]
    assert np.all((share[ok] > 0) & (share[ok] <= 1))
    cop = r.front.cop.m_as("m")[..., 0] if hasattr(r.front, "cop") else r.cop.m_as("m")[..., 0]
    drawn = r.extras["technique"]["drawn"]["cop"].m_as("") * BODY.foot_geometry.toe_x
    np.testing.assert_allclose(cop[ok], drawn[ok], atol=1e-6)
    with pytest.raises(bm.BiomechError, match="front_share"):
        ex.lunge(BODY, samples=10, front_share=0.6)


def test_lunge_samples_are_centred_on_the_default_bottom():
    # the typical technique is the default bottom: the front shin the step gives and the trunk that
    # balances 70 % of the weight over the front midfoot; the samples lean away from it
    plain = ex.lunge(BODY, load="20 kg")
    r = ex.lunge(BODY, load="20 kg", samples=400)
    ok = np.asarray(r.feasible)
    shank = r.pose.front.shank.m_as("deg")[ok]
    assert np.median(shank) == pytest.approx(float(plain.pose.front.shank.m_as("deg")), abs=1.0)
    assert np.nanmedian(r.extras["front_share"]) == pytest.approx(0.70, abs=0.02)
    b = r.band()
    assert abs(float(b.typical.hip.m_as("N*m")) - float(plain.front.hip.m_as("N*m"))) < 10.0
    assert b.low.knee < plain.front.knee < b.high.knee


def test_samples_and_seed_are_checked():
    for bad in (0, -1, 1.5, True, "10", 10 ** 6):
        with pytest.raises(bm.BiomechError, match="samples"):
            ex.squat(BODY, samples=bad)
    for bad in (-1, 2.5, "x"):
        with pytest.raises(bm.BiomechError, match="seed"):
            ex.squat(BODY, samples=5, seed=bad)


def test_memory_of_samples_times_grid_is_bounded_and_refused_with_the_library_error():
    depth = Q_(np.linspace(60, 110, 100), "deg")[:, None]
    travel = Q_(np.linspace(0, 10, 100), "cm")
    with pytest.raises(bm.errors.RangeError, match="MiB"):
        ex.squat(BODY, depth=depth, knee_travel=travel, samples=100_000)
    with pytest.raises(bm.errors.RangeError, match="MiB"):
        ex.squat(BODY, depth=depth, knee_travel=travel, load="60 kg").spec.replace(samples=50_000).rep_path(BODY, n=5)


# --------------------------------------------------------------------------- bands
def test_band_low_typical_high_and_feasible_fraction():
    r = ex.squat(BODY, load="100 kg", depth="deep", samples=300)
    b = r.band()
    assert b.spread and b.samples == 300 and 0 < float(b.feasible_fraction) <= 1
    ok = np.asarray(r.feasible)
    assert float(b.feasible_fraction) == pytest.approx(ok.mean())
    for j in ("ankle", "knee", "hip", "lumbar"):
        lo, mid, hi = (float(x.si(j)) for x in b)
        assert lo <= mid <= hi
        assert mid == pytest.approx(np.median(nm(getattr(r, j))[ok]))
    narrow = r.band(low=25, high=75)
    assert float(narrow.low.si("knee")) >= float(b.low.si("knee"))
    with pytest.raises(bm.BiomechError):
        r.band(low=60)
    assert tq.band is bm.mechanics.bands.band


def test_band_without_a_sample_axis_is_the_single_value_and_says_so():
    r = ex.squat(BODY, load="100 kg")
    b = r.band()
    assert not b.spread and b.samples == 1 and "no sample axis" in b.note
    assert float(b.low.si("knee")) == float(b.typical.si("knee")) == float(b.high.si("knee")) == float(nm(r.knee))
    pm = bm.mechanics.results.PoseMoments(bm.Pose.from_joint_angles(ankle="20 deg", knee="90 deg", hip="90 deg"),
                                          ankle="40 N*m", knee="150 N*m", hip="200 N*m")
    assert float(pm.band().typical.si("knee")) == 150.0
    grid = ex.squat(BODY, load="100 kg", depth=Q_([60, 90, 200], "deg"))
    gb = grid.band()
    assert gb.typical.knee.shape == (3,) and np.isnan(gb.typical.si("knee")[2])
    assert list(gb.feasible_fraction) == [1.0, 1.0, 0.0]


# --------------------------------------------------------------------------- new exercises
@pytest.mark.parametrize("name", ["sumo_deadlift", "trap_bar_deadlift", "good_morning"])
def test_new_exercises_default_feasible_and_balanced(name):
    for load in (None, "100 kg"):
        r = getattr(ex, name)(BODY, load=load)
        assert r.feasible is True and r.spec.name == name
        cop = float(r.cop.m_as("m")[0])
        target = float(np.asarray(r.extras.get("target", r.extras.get("cop_from_heel")).m_as("m")))
        assert cop == pytest.approx(target, abs=1e-6)  # balanced over its target point
        bu = r.model.bottom_up(r._sc)
        for j in ("ankle", "knee", "hip"):
            assert float(bu["front"][j]) == pytest.approx(float(nm(getattr(r, j))), rel=1e-9, abs=1e-7)


def test_new_exercise_defaults_are_the_typical_technique():
    from biomech.exercises.common import project_segment, stance_projection, hip_joint_spacing
    su = ex.sumo_deadlift(BODY)
    # unloaded: the lighter of Schellenberg's loads holds (107.8 deg) plus Escamilla's 12 deg, in the leg's plane
    knee = float(su.params["knee_flexion"].m_as("deg"))
    assert knee == pytest.approx(tq.typical("sumo_deadlift").drawn["knee_flexion"].mean)
    assert float(su.params["toe_out"].m_as("deg")) == pytest.approx(tq.TOE_OUT_SUMO.mean)
    assert float(su.params["stance_width"].m_as("m")) == pytest.approx(tq.STANCE_SUMO.mean)
    # the side view is the projection of the in-plane shin lean and knee flexion (stance projection)
    cphi, calpha, _ = stance_projection(tq.STANCE_SUMO.mean, np.radians(tq.TOE_OUT_SUMO.mean), hip_joint_spacing(BODY),
                                        BODY.shank.length_m + BODY.thigh.length_m)
    s_in = np.radians(float(su.extras["leg_projection"]["shank_lean_in_plane"].m_as("deg")))
    s_side, _ = project_segment(s_in, cphi, calpha)
    t_side, _ = project_segment(np.radians(knee) - s_in, cphi, calpha)
    assert float(su.pose.shank.m_as("deg")) == pytest.approx(np.degrees(s_side), abs=1e-5)
    assert float(su.pose.thigh.m_as("deg")) == pytest.approx(np.degrees(t_side), abs=1e-5)
    tb = ex.trap_bar_deadlift(BODY, load="100 kg")   # 1.25 body masses: the heavier load's 103.4 deg + 10
    assert float(tb.params["knee_flexion"].m_as("deg")) == pytest.approx(tq.KNEE_DEADLIFT_HEAVY.mean + 10.0)
    assert float(tb.params["knee_flexion"].m_as("deg")) == pytest.approx(
        float(tq.deadlift_knee_flexion(100 / BODY.mass_kg, "trap_bar_deadlift").m_as("deg")))
    assert float(tb.pose.arms.m_as("deg")) == pytest.approx(0.0, abs=1e-9)  # handles hang plumb
    gm = ex.good_morning(BODY)
    assert float(gm.pose.knee.m_as("deg")) == pytest.approx(tq.KNEE_GOOD_MORNING.mean)
    assert float(gm.extras["cop_fraction"]) == pytest.approx(tq.COP_HINGE.mean)


def test_good_morning_knee_flexor_hip_extensor_and_less_hip_flexion_than_the_deadlift():
    # Schellenberg et al. 2013 (directions, written before the run): external knee extension moment in
    # the good morning (internal flexor, < 0); maximal hip flexion 25 % smaller than in the deadlift.
    gm = ex.good_morning(BODY, load="20 kg")
    dl = ex.deadlift(BODY, load="20 kg", knee_flexion=f"{tq.KNEE_DEADLIFT.mean} deg")
    assert float(nm(gm.knee)) < 0 < float(nm(gm.hip))
    assert float(gm.pose.hip.m_as("deg")) < float(dl.pose.hip.m_as("deg"))


def test_sumo_trunk_more_upright_and_thigh_more_horizontal_than_conventional():
    # Escamilla et al. 2000 (directions, written before the run): sumo trunk 5-10 deg more vertical,
    # thigh 11-16 deg more horizontal at lift-off, the same load.
    su = ex.sumo_deadlift(BODY, load="100 kg")
    dl = ex.deadlift(BODY, load="100 kg", knee_flexion=f"{tq.KNEE_DEADLIFT.mean} deg",
                     toe_out=f"{tq.TOE_OUT_CONVENTIONAL.mean} deg")
    assert float(su.trunk.m_as("deg")) < float(dl.trunk.m_as("deg"))
    assert float(su.pose.thigh.m_as("deg")) > float(dl.pose.thigh.m_as("deg"))


def test_good_morning_rep_path_and_arrays():
    path = ex.GoodMorning(load="20 kg").rep_path(BODY, n=5)
    assert path.shape == (5,) and path.dims == ("fraction",)
    assert abs(float(nm(path.knee)[0])) < abs(float(nm(path.knee)[-1]))
    sweep = ex.good_morning(BODY, load="20 kg", trunk_lean=Q_([40, 60, 80], "deg"))
    assert sweep.shape == (3,) and np.all(np.diff(nm(sweep.hip)) > 0)


# --------------------------------------------------------------------------- command line
def test_cli_band_prints_typical_with_its_band(capsys):
    assert main(["squat", "--load", "100kg", "--band", "--samples", "200"]) == 0
    out = capsys.readouterr().out
    assert "200 technique samples" in out and "5th to 95th percentile" in out and "feasible:" in out
    assert main(["good_morning", "--load", "20kg", "--band", "--samples", "50", "--seed", "3", "--json"]) == 0
    import json

    d = json.loads(capsys.readouterr().out)
    assert d["band"]["samples"] == 50 and d["provenance"]["seed"] == 3
    assert main(["squat", "--samples", "10"]) == 2        # a spread needs --band
    assert main(["squat", "--samples", "0", "--band"]) == 2
    assert main(["leg_extension", "--band"]) == 2          # no technique samples there
    # the leg press draws its platform-force direction's assumptions (friction, effort weights)
    assert main(["leg_press", "--band", "--samples", "50"]) == 0
    assert "50 technique samples" in capsys.readouterr().out


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 12), st.integers(1, 6), st.floats(0.0, 0.9), st.integers(0, 2**31 - 1))
def test_band_percentiles_are_numpys_nanpercentile(n, m, nan_share, seed):
    """The vectorised percentiles of mechanics.bands equal numpy.nanpercentile (linear), NaNs and
    all-NaN grid points included."""
    import warnings

    from biomech.mechanics.bands import _percentiles

    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, m))
    x[rng.random(x.shape) < nan_share] = np.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        ref = np.nanpercentile(x, [5, 50, 95], axis=0)
    for r, g in zip(ref, _percentiles(x, (5.0, 50.0, 95.0))):
        np.testing.assert_allclose(g, r, rtol=1e-12, atol=1e-12, equal_nan=True)
