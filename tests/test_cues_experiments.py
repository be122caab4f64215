"""Experiments, the registry and the run over all cues."""

import numpy as np
import pytest

from biomech.mechanics import chain
from biomech.cues.catalog import CATALOG, get_cue
import biomech as bm
import dataclasses

from biomech.cues.experiments import (PATELLAR_TENDON_MOMENT_ARM_HOSSEINZADEH2020, STANDARD_BODIES,
                                      ExperimentResult, NamedBody, experiment_crossed_joints, experiment_torque_wording,
                                      register_experiment, tempo_depth_profile)
from biomech.cues.run import run_all, run_cue
from biomech.cues.verdicts import Verdict
from biomech.errors import InputValueError, UnitError
from biomech.units import Q_


def test_soleus_extends_the_knee_it_does_not_cross():
    # Zajac & Gordon (1989): near upright stance the soleus accelerates the knee into extension.
    p = chain.chain_from_body(STANDARD_BODIES[0])
    acc = chain.induced_joint_accelerations(p, np.radians([5.0, 5.0, 5.0]), np.array([1.0, 0.0, 0.0]))
    assert acc[0] > 0 and acc[1] > 0


def test_crossed_joints_numbers_and_geometric_similarity():
    r = experiment_crossed_joints(STANDARD_BODIES)
    n = r.numbers
    assert all(v["uncrossed_moment_fraction"] == 0.0 for v in n.values())
    assert all(v["uncrossed_accel_ratio"] > 1.0 for v in n.values())
    # scaling every length and mass together leaves acceleration ratios unchanged:
    # the short and tall lifters share the reference body's proportions
    for name in ("short lifter", "tall lifter"):
        assert n[name]["uncrossed_accel_ratio"] == pytest.approx(n["reference"]["uncrossed_accel_ratio"], rel=1e-9)
    # a different femur/trunk proportion changes it
    assert n["long femur"]["uncrossed_accel_ratio"] != pytest.approx(n["reference"]["uncrossed_accel_ratio"])


def test_torque_wording_numbers():
    r = experiment_torque_wording(STANDARD_BODIES[:1])
    n = r.numbers["reference"]
    assert n["definition_error"] < 1e-12
    # 800 N moved 0.4 m is 320 J against a torque of 800 N x 0.1 m = 80 N*m: (320 - 80) / 80 = 3
    assert n["wording_mismatch"] == pytest.approx(3.0)
    # tendon moment arm, knee flexion 40 -> 55 deg, linear between Hosseinzadeh et al. (2020)
    # means at 40 deg (37.73 mm) and 60 deg (36.18 mm): 37.73 + 0.75 * (36.18 - 37.73) - 37.73
    assert n["muscle_arm_change"] == pytest.approx(0.75 * (36.18 - 37.73) / 1000)
    # the body's own shank (de Leva 1996 at 1.78 m), lean 10 -> 25 deg: the knee moves L (sin 25 - sin 10)
    L = STANDARD_BODIES[0].shank.length_m
    assert n["external_arm_change"] == pytest.approx(L * (np.sin(np.radians(25)) - np.sin(np.radians(10))))
    assert PATELLAR_TENDON_MOMENT_ARM_HOSSEINZADEH2020["moment_arm_mm"][0] == 42.55


def test_standard_bodies_are_bodies_that_keep_stature_and_check_inputs():
    ref, long_ = STANDARD_BODIES[0], STANDARD_BODIES[1]
    assert all(isinstance(b, bm.Body) for b in STANDARD_BODIES)
    # the same body as the library builds, by name or not (de Leva 1996, 1.78 m, 80 kg)
    plain = bm.Body.from_anthropometrics("178 cm", "80 kg")
    assert ref.thigh == plain.thigh and ref.trunk == plain.trunk and ref.mass_kg == pytest.approx(plain.mass_kg)
    # a 10 % longer femur, the trunk shorter by as much: stature (leg + trunk) unchanged, masses unchanged
    assert long_.thigh.length_m == pytest.approx(1.1 * ref.thigh.length_m)
    assert long_.thigh.length_m + long_.trunk.length_m == pytest.approx(ref.thigh.length_m + ref.trunk.length_m)
    assert long_.mass_kg == pytest.approx(ref.mass_kg)
    assert long_.with_segment("shank", length="40 cm").name == "long femur"      # with_segment keeps the name
    with pytest.raises(UnitError, match="height"):
        NamedBody.from_proportions("x", 178, "80 kg")
    with pytest.raises(InputValueError, match="thigh_scale"):
        NamedBody.from_proportions("x", "178 cm", "80 kg", thigh_scale=2.0)
    assert NamedBody.from_proportions("x", "5 ft 10 in", "176 lb").height.to("m").magnitude == pytest.approx(1.778)


def test_registry_refuses_duplicates():
    def experiment_crossed_joints(bodies):  # same name, different function
        raise AssertionError
    with pytest.raises(InputValueError, match="already registered"):
        register_experiment(experiment_crossed_joints)


def test_a_woman_is_among_the_standard_bodies():
    w = [b for b in STANDARD_BODIES if b.sex == "female"]
    assert len(w) == 1 and w[0].height.to("m").magnitude == pytest.approx(1.65)
    male = bm.Body.from_anthropometrics("165 cm", "62 kg", sex="male")
    assert w[0].thigh.length_m != pytest.approx(male.thigh.length_m)      # de Leva's female table, not the male


def test_run_cue_statuses():
    assert run_cue(get_cue("calf-pump")).judgement.verdict is Verdict.OUTSIDE
    cue = get_cue("pulse-squats-tension")

    def broken(bodies):
        raise ValueError("boom")
    bad = dataclasses.replace(cue, experiment=broken)
    r = run_cue(bad)
    assert r.status == "error" and "boom" in r.message
    with pytest.raises(ValueError, match="boom"):
        run_cue(bad, strict=True)

    def plugged(bodies):
        return ExperimentResult("", {}, [], {b.name: {"lockout_fraction": 0.05} for b in bodies}, "", {})
    r = run_cue(dataclasses.replace(cue, experiment=plugged), STANDARD_BODIES)
    assert r.status == "verdict" and r.judgement.verdict is Verdict.CONSISTENT
    assert r.bands["lockout_fraction"] == pytest.approx((0.05, 0.05, 0.05))


def test_run_all_gives_every_cue_a_verdict():
    seen = []
    results = run_all(STANDARD_BODIES[:2], progress=lambda i, n, cid, st: seen.append((i, n, cid)), strict=True)
    assert [r.cue.id for r in results] == [c.id for c in CATALOG]
    assert len(seen) == len(CATALOG) and seen[-1][0] == len(CATALOG)
    for r in results:
        assert r.status == "verdict", (r.cue.id, r.message)
        if not r.cue.in_scope:
            assert r.judgement.verdict is Verdict.OUTSIDE
        else:
            assert r.experiment is not None and r.key and "{" not in r.key
            if r.judgement.verdict is Verdict.DEPENDS:
                assert r.judgement.depends_on


def test_tempo_depth_profile():
    t, u = tempo_depth_profile("3-2-1", top_hold="1 s")
    t = t.to("s").magnitude
    assert t[-1] == pytest.approx(7.0) and u[0] == 0 and u[-1] == 0 and u.max() == 1.0
    assert np.all(u[(t >= 3.0) & (t <= 5.0)] == 1.0)            # the 2 s hold at the bottom
    t2, u2 = tempo_depth_profile("301")
    assert t2[-1].to("s").magnitude == pytest.approx(4.0)
    with pytest.raises(InputValueError, match="tempo"):
        tempo_depth_profile("slow")
    with pytest.raises(UnitError, match="top_hold"):
        tempo_depth_profile("3-0-1", top_hold=2)
    assert Q_(1, "s")  # units registry shared
