"""Verdict functions: computed from numbers, and each flips on flipped numbers."""

import math
from dataclasses import replace

import pytest
from hypothesis import given, strategies as st

from biomech.cues.catalog import ClaimKind, get_cue
from biomech.cues.verdicts import (KNEE_TRAVEL_RISE, VERDICT_FUNCTIONS, Verdict, judge, scope_check,
                                   verdict_function_for, verdict_knee_travel_quadriceps)
from biomech.errors import InputValueError

S, P, C = Verdict.SUPPORTED, Verdict.PARTLY_SUPPORTED, Verdict.CONTRADICTED

# cue id -> (numbers that support the cue, the opposite numbers that contradict it).
# The numbers are made up to sit on either side of each function's thresholds.
FLIPS = {
    "muscle-acts-only-on-crossed-joints": (
        {"uncrossed_moment_fraction": 0.0, "uncrossed_accel_ratio": 0.01},
        {"uncrossed_moment_fraction": 0.5, "uncrossed_accel_ratio": 2.0}),
    "torque-is-force-times-moment-arm": (
        {"definition_error": 0.0, "wording_mismatch": 0.0, "external_arm_change": 0.1, "muscle_arm_change": 0.05},
        {"definition_error": 0.3, "wording_mismatch": 3.0, "external_arm_change": 0.1, "muscle_arm_change": -0.001}),
    "knee-travel-quadriceps": (
        {"knee_moment_change": 0.3, "hip_moment_change": -0.4, "sum_moment_change": -0.05},
        {"knee_moment_change": -0.3, "hip_moment_change": 0.4, "sum_moment_change": 0.05}),
    "knee-travel-needs-mobility": (
        {"extra_dorsiflexion_deg": 12.0, "dorsiflexion_margin_deg": -3.0},
        {"extra_dorsiflexion_deg": 1.0, "dorsiflexion_margin_deg": 30.0}),
    "heel-elevated-squat": (
        {"knee_travel_change_m": 0.04, "knee_moment_change": 0.15},
        {"knee_travel_change_m": -0.01, "knee_moment_change": -0.05}),
    "stance-width-toes-out": (
        {"hip_share_change": 0.08, "knee_moment_change": -0.15},
        {"hip_share_change": -0.05, "knee_moment_change": 0.10}),
    "squats-build-quads": (
        {"depth_ratio": 1.4, "bottom_peak_fraction": 1.0},
        {"depth_ratio": 0.8, "bottom_peak_fraction": 0.5}),
    "pulse-squats-tension": ({"lockout_fraction": 0.1}, {"lockout_fraction": 0.95}),
    "leg-press-feet-low": (
        {"knee_moment_change": 0.3, "hip_moment_change": -0.2},
        {"knee_moment_change": -0.3, "hip_moment_change": 0.2}),
    "leg-press-active-rom": (
        {"knee_moment_gain": 0.3, "hip_flexion_margin_deg": 5.0},
        {"knee_moment_gain": -0.1, "hip_flexion_margin_deg": -10.0}),
    "leg-extension-light-no-lockout": ({"lockout_peak_fraction": 1.0}, {"lockout_peak_fraction": 0.3}),
    "lunge-quad-vs-glute-pattern": (
        {"knee_hip_ratio_quad": 1.5, "knee_hip_ratio_glute": 0.8},
        {"knee_hip_ratio_quad": 0.8, "knee_hip_ratio_glute": 1.5}),
    "glute-squeeze-at-top": (
        {"rdl_top_fraction": 0.9, "back_extension_top_fraction": 1.0},
        {"rdl_top_fraction": 0.05, "back_extension_top_fraction": 0.1}),
    "hamstrings-two-joint-actions": (
        {"hip_share_hinge": 0.4, "knee_share_curl": 0.8},
        {"hip_share_hinge": 0.05, "knee_share_curl": 0.05}),
    "rectus-femoris-hip-flexor": (
        {"hip_moment_arm_m": 0.04, "hip_to_knee_arm_ratio": 0.8},
        {"hip_moment_arm_m": -0.01, "hip_to_knee_arm_ratio": 0.8}),
    "tempo-holds-no-bounce": (
        {"impulse_ratio": 2.5, "bounce_peak_ratio": 1.3},
        {"impulse_ratio": 0.9, "bounce_peak_ratio": 0.95}),
    "calf-short-range-of-motion": (
        {"ankle_rom_deg": 60.0, "knee_rom_deg": 140.0, "hip_rom_deg": 130.0},
        {"ankle_rom_deg": 120.0, "knee_rom_deg": 140.0, "hip_rom_deg": 130.0}),
    "calf-drive-shin-forward": (
        {"ankle_moment_change": 0.1, "plantarflexion_change_deg": 3.0},
        {"ankle_moment_change": -0.02, "plantarflexion_change_deg": -4.0}),
    "calf-stretch-squeeze-holds": ({"hold_impulse_share": 0.6}, {"hold_impulse_share": 0.02}),
    "soleus-bent-knee": (
        {"soleus_share_change": 0.2, "soleus_activation_ratio": 1.3},
        {"soleus_share_change": -0.01, "soleus_activation_ratio": 0.9}),
    "body-type-programming": (
        {"fraction_verdicts_dependent": 0.3, "max_key_spread": 0.4},
        {"fraction_verdicts_dependent": 0.0, "max_key_spread": 0.01}),
}


def test_every_verdict_function_has_a_flip_case():
    assert set(FLIPS) == set(VERDICT_FUNCTIONS)


@pytest.mark.parametrize("cue_id", sorted(FLIPS))
def test_verdict_flips_on_opposite_numbers(cue_id):
    fn = verdict_function_for(cue_id)
    good, bad = FLIPS[cue_id]
    v_good, why_good = fn(good)
    v_bad, why_bad = fn(bad)
    assert v_good is S, why_good
    assert v_bad is C, why_bad
    assert why_good and why_bad and why_good != why_bad


@pytest.mark.parametrize("cue_id", sorted(FLIPS))
def test_missing_or_nan_numbers_raise_naming_the_key(cue_id):
    fn = VERDICT_FUNCTIONS[cue_id]
    good = dict(FLIPS[cue_id][0])
    key = sorted(good)[0]
    with pytest.raises(InputValueError, match=key):
        fn({k: v for k, v in good.items() if k != key})
    with pytest.raises(InputValueError, match=key):
        fn({**good, key: math.nan})


def test_partly_supported_cases():
    # between the thresholds: a small knee rise, and moments-only for crossed joints
    assert verdict_knee_travel_quadriceps(
        {"knee_moment_change": 0.05, "hip_moment_change": -0.1, "sum_moment_change": 0.0}).verdict is P
    fn = verdict_function_for("muscle-acts-only-on-crossed-joints")
    assert fn({"uncrossed_moment_fraction": 0.0, "uncrossed_accel_ratio": 1.5}).verdict is P


@given(k=st.floats(-1, 2), h=st.floats(-1, 2), s=st.floats(-1, 2))
def test_knee_travel_verdict_follows_its_threshold(k, h, s):
    v = verdict_knee_travel_quadriceps({"knee_moment_change": k, "hip_moment_change": h, "sum_moment_change": s})
    expected = C if k <= 0 else (P if k < KNEE_TRAVEL_RISE else S)
    assert v.verdict is expected


def test_scope_check_gives_the_reason_and_flips_with_the_kind():
    cue = get_cue("fibre-type-rep-schemes")
    j = scope_check(cue)
    assert j.verdict is Verdict.OUTSIDE_MODEL and "fibre type is not a mechanical quantity" in j.reason
    in_scope = replace(cue, kind=ClaimKind.MECHANICAL_TORQUE, experiment="experiment_x")
    assert scope_check(in_scope) is None


def test_outside_verdict_for_calf_toes_does_not_read_as_support():
    j = scope_check(get_cue("calf-toes-in-out"))
    assert j.verdict is Verdict.OUTSIDE_MODEL
    assert "not support" in j.reason and "Riemann" in j.reason and "Nunes" in j.reason
    # a cue without published disagreement says nothing of the kind
    assert "not support" not in scope_check(get_cue("calf-pump")).reason


def test_judge_over_bodies_reports_dependence_on_proportions():
    cue = get_cue("pulse-squats-tension")
    same = judge(cue, {"a": {"lockout_fraction": 0.1}, "b": {"lockout_fraction": 0.2}})
    assert same.verdict is S and not same.depends_on_proportions and "all 2 body" in same.reason
    mixed = judge(cue, {"a": {"lockout_fraction": 0.1}, "b": {"lockout_fraction": 0.9}})
    assert mixed.verdict is P and mixed.depends_on_proportions
    assert "supported for a" in mixed.reason and "contradicted for b" in mixed.reason
    all_bad = judge(cue, {"a": {"lockout_fraction": 0.9}})
    assert all_bad.verdict is C


def test_judge_needs_numbers_for_in_scope_cues_but_not_out_of_scope():
    with pytest.raises(InputValueError, match="numbers_by_body"):
        judge(get_cue("pulse-squats-tension"), {})
    assert judge(get_cue("calf-pump")).verdict is Verdict.OUTSIDE_MODEL


def test_verdict_function_for_out_of_scope_cue_raises():
    with pytest.raises(InputValueError, match="scope_check"):
        verdict_function_for("calf-pump")
