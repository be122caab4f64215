"""The hinges' typical technique: defaults from the technique layer, balance, stance projection.

Published numbers used here, with their sources:
- Schellenberg et al. 2013 (BMC Sports Sci Med Rehabil 5:27, abstract): deadlift knee flexion
  107.8 +- 22.4 deg with 25 % and 103.4 +- 22.6 deg with 50 % of body weight on the bar.
- Lee et al. 2018 (J Exerc Sci Fit 16:87, abstract): ankle net joint torque 0.29 +- 0.06 (Romanian)
  and 0.33 +- 0.08 N*m/kg (conventional), from which technique.COP_RDL / COP_DEADLIFT are derived.
- Escamilla et al. 2000 (Med Sci Sports Exerc 32:1265, abstract): stance 70 +- 11 cm and toe-out
  42 +- 8 deg (sumo), 32 +- 8 cm and 14 +- 6 deg (conventional).
"""

import numpy as np
import pytest

import biomech as bm
import biomech.exercises as ex
import biomech.exercises.technique as tq
from biomech import Q_
from biomech.exercises.common import hip_joint_spacing
from biomech.exercises.hinges import _deadlift

BODY = bm.Body.from_anthropometrics("178 cm", "80 kg")
G = 9.80665


def nm(q):
    return np.asarray(q.m_as("N*m"), dtype=float)


def test_cop_derivation_from_lee_2018_is_the_flat_foot_statics():
    # lever ahead of the ankle = ankle moment per kg / (g (1 + 1.05) / 2), as a fraction of the reference foot
    fg = BODY.foot_geometry
    for m, per_kg in ((tq.COP_RDL, 0.29), (tq.COP_DEADLIFT, 0.33)):
        lever = per_kg / (G * 2.05 / 2)
        assert m.mean * fg.toe_x == pytest.approx(fg.ankle_x + lever, abs=5e-4)
        assert m.is_measured and m.n == 21
    assert tq.COP_RDL.mean < tq.COP_DEADLIFT.mean < 0.5      # both behind the midfoot


@pytest.mark.parametrize("load_kg", [0.0, 20.0, 30.0, 40.0, 100.0])
def test_deadlift_defaults_are_the_typical_start_for_the_load(load_kg):
    r = ex.deadlift(BODY, load=Q_(load_kg, "kg"))
    knee = float(r.params["knee_flexion"].m_as("deg"))
    assert knee == pytest.approx(float(tq.deadlift_knee_flexion(load_kg / BODY.mass_kg).m_as("deg")))
    assert tq.KNEE_DEADLIFT_HEAVY.mean - 1e-9 <= knee <= tq.KNEE_DEADLIFT.mean + 1e-9
    assert float(r.params["toe_out"].m_as("deg")) == pytest.approx(tq.TOE_OUT_CONVENTIONAL.mean)
    assert float(r.params["stance_width"].m_as("m")) == pytest.approx(tq.STANCE_CONVENTIONAL.mean)
    # the pressure point is held at COP_DEADLIFT of the foot's (turned-out) side view
    toe_side = BODY.foot_geometry.toe_x * np.cos(np.radians(tq.TOE_OUT_CONVENTIONAL.mean))
    assert float(r.cop.m_as("m")[0]) == pytest.approx(tq.COP_DEADLIFT.mean * toe_side, abs=1e-7)


def test_coach_parameters_override_one_variable_and_keep_the_rest():
    typical = ex.deadlift(BODY, load="100 kg")
    bent = ex.deadlift(BODY, load="100 kg", knee_flexion="90 deg")
    assert float(bent.params["knee_flexion"].m_as("deg")) == pytest.approx(90.0)
    assert float(bent.cop.m_as("m")[0]) == pytest.approx(float(typical.cop.m_as("m")[0]), abs=1e-9)
    forward = ex.romanian_deadlift(BODY, load="60 kg", cop="midfoot")
    assert float(forward.pose.knee.m_as("deg")) == pytest.approx(20.0)
    assert float(forward.extras["cop_fraction"]) == pytest.approx(0.5)


def test_a_heavier_deadlift_bends_the_knees_less_and_keeps_the_knee_moment():
    # Schellenberg 2013: knee flexion 107.8 -> 103.4 deg from 25 to 50 % body weight; their knee moment did not
    # change significantly while hip and L4/L5 rose (row 11b of docs/validation.md checks the directions)
    from biomech.validation.studies import schellenberg_deadlift_load
    r = schellenberg_deadlift_load()
    assert r["light"]["knee_flexion_deg"] == pytest.approx(tq.KNEE_DEADLIFT.mean)
    assert r["heavy"]["knee_flexion_deg"] == pytest.approx(tq.KNEE_DEADLIFT_HEAVY.mean)
    # with the technique held the knee moment would rise with the load: the measured change of technique keeps it
    assert r["knee_change_same_technique"] > abs(r["knee_change"])


def test_stance_projection_is_the_identity_for_feet_under_the_hips_pointing_forward():
    spacing = hip_joint_spacing(BODY)
    plain = _deadlift(BODY, load="100 kg", knee_flexion="100 deg", toe_out="0 deg")
    projected = _deadlift(BODY, load="100 kg", knee_flexion="100 deg", toe_out="0 deg",
                          stance_width=Q_(spacing, "m"))
    for j in ("ankle", "knee", "hip", "lumbar"):
        assert float(nm(getattr(projected, j))) == pytest.approx(float(nm(getattr(plain, j))), abs=1e-6)
    assert float(projected.pose.shank.m_as("deg")) == pytest.approx(float(plain.pose.shank.m_as("deg")), abs=1e-6)


def test_a_wider_turned_out_stance_shortens_the_legs_side_view_and_still_balances():
    narrow = ex.sumo_deadlift(BODY, load="100 kg", stance_width="0.32 m", toe_out="14 deg")
    wide = ex.sumo_deadlift(BODY, load="100 kg")
    for r in (narrow, wide):
        assert r.feasible
        target = float(r.extras["target"].m_as("m"))
        assert float(r.cop.m_as("m")[0]) == pytest.approx(target, abs=1e-6)   # balanced over its pressure point
    p = wide.extras["leg_projection"]
    assert float(p["cos_toe_out"]) == pytest.approx(np.cos(np.radians(42.0)))
    sin_a = (0.70 - hip_joint_spacing(BODY)) / (2 * (BODY.shank.length_m + BODY.thigh.length_m))
    assert float(p["cos_abduction"]) == pytest.approx(np.sqrt(1 - sin_a ** 2))
    # the same in-plane knee flexion, the thigh more horizontal in the side view of the wide stance
    assert float(wide.params["knee_flexion"].m_as("deg")) == pytest.approx(
        float(narrow.params["knee_flexion"].m_as("deg")))
    assert float(wide.pose.thigh.m_as("deg")) > float(narrow.pose.thigh.m_as("deg"))


def test_sumo_minus_conventional_splits_into_projection_and_technique():
    from biomech.validation.studies import sumo_against_conventional_ankle
    r = sumo_against_conventional_ankle()
    for j in ("ankle", "knee", "hip", "lumbar"):
        assert r["total"][j] == pytest.approx(r["projection"][j] + r["technique"][j], abs=1e-9)
    # the ankle's lever along the foot is the same pressure point in both: only the side view changes it
    assert abs(r["technique"]["ankle"]) < 1e-6 and r["projection"]["ankle"] < 0
    assert r["total"]["ankle"] == pytest.approx(r["sumo"] - r["conventional"])


def test_sampled_deadlift_draws_stance_and_centres_the_knee_on_the_load():
    heavy = ex.deadlift(BODY, load="100 kg", samples=40, seed=3)
    light = ex.deadlift(BODY, load="20 kg", samples=40, seed=3)
    used = heavy.extras["technique"]["used_as"]
    assert "projection" in used["stance"] and "load" in used["knee_flexion"] and "legs" in used["toe_out"]
    # the same draws (same seed) shifted by the typical values' difference, 107.8 - 103.4 deg
    sh = np.asarray(heavy.pose.knee.m_as("deg"), dtype=float).ravel()
    sl = np.asarray(light.pose.knee.m_as("deg"), dtype=float).ravel()
    ok = np.isfinite(sh) & np.isfinite(sl)
    assert ok.sum() > 30
    assert np.median(sl[ok] - sh[ok]) == pytest.approx(tq.KNEE_DEADLIFT.mean - tq.KNEE_DEADLIFT_HEAVY.mean, abs=0.5)


def test_a_push_of_the_legs_on_the_bar_cannot_lower_the_rdl_shoulder_moment():
    # The docs' claim behind taking the bar-leg contact force as zero: with the grip behind the shoulder
    # (arm angle a < 0) and the thigh's front facing forward and up (thigh angle t), a contact force
    # N (cos t, sin t) plus friction f along the surface, |f| <= mu N (technique.BAR_THIGH_FRICTION, an
    # assumption), adds L_a N [cos(a - t) -+ mu sin(a - t)] to the shoulders' extensor moment; both
    # friction directions give a rise, so zero contact is the least shoulder effort.
    r = ex.romanian_deadlift(BODY, load="100 kg")
    a = np.radians(float(r.pose.arms.m_as("deg")))
    t = np.radians(float(r.pose.thigh.m_as("deg")))
    mu = tq.BAR_THIGH_FRICTION.mean
    assert a < 0 and float(r.extras["shoulder_moment"].m_as("N*m")) > 0
    for f in (+mu, -mu):
        assert np.cos(a - t) + f * np.sin(a - t) > 0


def test_rdl_reports_its_shin_beside_the_near_vertical_reference():
    r = ex.romanian_deadlift(BODY, load="100 kg")
    z = float(r.extras["shank_vs_reference_sd"])
    shank = float(r.pose.shank.m_as("deg"))
    assert z == pytest.approx((shank - tq.SHANK_HINGE.mean) / tq.SHANK_HINGE.sd)
    assert shank < 0 and z < -2      # the typical RDL leans its shins back, outside the assumed reference


# the rigid trunk's numbers before the hinges split the trunk at L5/S1 (ankle, knee, hip, L5/S1 N*m; trunk deg),
# reference body, 100 kg: lumbar_flexion="0 deg" reproduces them
RIGID_100KG = {"romanian_deadlift": ([24.672961165595808, -52.297620934621534, 191.99917506085828,
                                      299.93308472599284], 70.1051982810859),
               "deadlift": ([27.29262430452492, 67.27176623015679, 264.53192909273406, 493.0387516911123],
                            49.15414347975238),
               "trap_bar_deadlift": ([27.292624304525873, 98.43921764695673, 232.72262255791586,
                                      448.1334734223115], 41.65442160430011)}


@pytest.mark.parametrize("name", sorted(RIGID_100KG))
def test_zero_lumbar_flexion_is_the_rigid_trunk(name):
    r = getattr(ex, name)(BODY, load="100 kg", lumbar_flexion="0 deg")
    moments, trunk = RIGID_100KG[name]
    got = [float(getattr(r, j).m_as("N*m")) for j in ("ankle", "knee", "hip", "lumbar")]
    assert got == pytest.approx(moments, rel=1e-9, abs=1e-9)
    assert float(r.pose.trunk.m_as("deg")) == pytest.approx(trunk, abs=1e-9)
    assert r.pose.pelvis_rad is None and float(r.parameters["lumbar_flexion"].m_as("deg")) == 0.0


@pytest.mark.parametrize("name", ["romanian_deadlift", "stiff_leg_deadlift", "deadlift", "sumo_deadlift",
                                  "trap_bar_deadlift", "good_morning"])
def test_lumbar_flexion_splits_the_hinge_trunk_and_keeps_the_balance(name):
    from biomech.model.pose import trunk_line_length
    from biomech.model.pose import lumbar_ratios, trunk_line_offset
    r = getattr(ex, name)(BODY, load="100 kg")
    rigid = getattr(ex, name)(BODY, load="100 kg", lumbar_flexion="0 deg")
    lum = np.radians(tq.LUMBAR_FLEXION_HINGE.mean)           # the default: the typical (assumed) 20 deg
    p = r.pose
    assert p.lumbar_rad == pytest.approx(lum, abs=1e-12)
    ratios = lumbar_ratios(BODY)
    # the pelvis sits below the hip-to-shoulder line by its offset; hip flexion = thigh + pelvis
    assert p.pelvis_rad == pytest.approx(p.trunk_rad - trunk_line_offset(lum, ratios), abs=1e-12)
    assert p.joint_angles_rad()["hip"] == pytest.approx(p.thigh_rad + p.pelvis_rad, abs=1e-12)
    # the shoulder lies the shortened line's length from the hip, along the line
    hip, sh = (np.asarray(r.positions[k].m_as("m"), dtype=float).ravel()[:2] for k in ("hip", "shoulder"))
    assert np.hypot(*(sh - hip)) == pytest.approx(BODY.trunk.length_m * trunk_line_length(lum, ratios), abs=1e-9)
    assert np.arctan2(sh[0] - hip[0], sh[1] - hip[1]) == pytest.approx(p.trunk_rad, abs=1e-9)
    # balance re-solved with the split pose: the centre of pressure on its target, so the ankle moment
    # (the ground reaction about the ankle) is unchanged
    cop = float(np.ravel(r.cop.m_as("m"))[0])                  # the whole body's balance, bottom-up
    assert cop == pytest.approx(float(r.extras["target"].m_as("m")), abs=1e-9)
    assert float(r.ankle.m_as("N*m")) == pytest.approx(float(rigid.ankle.m_as("N*m")), abs=1e-6)
    # a flexed spine: less hip flexion, a larger L5/S1 extensor moment
    assert p.joint_angles_rad()["hip"] < rigid.pose.joint_angles_rad()["hip"] - np.radians(10.0)
    assert float(r.lumbar.m_as("N*m")) > float(rigid.lumbar.m_as("N*m"))


def test_hinge_lumbar_flexion_grows_with_the_rep_fraction_and_is_drawn_per_sample():
    path = ex.RomanianDeadlift(load="100 kg", lumbar_flexion="30 deg").rep_path(BODY, n=5)
    assert np.degrees(path.pose.lumbar_rad) == pytest.approx([0.0, 7.5, 15.0, 22.5, 30.0], abs=1e-9)
    err = path.extras["cop_from_heel"].m_as("m") - path.extras["target"].m_as("m")
    assert np.max(np.abs(err)) < 1e-9
    s = ex.deadlift(BODY, load="100 kg", samples=30, seed=2)
    lum = np.degrees(np.asarray(s.pose.lumbar_rad, dtype=float)).ravel()
    assert np.ptp(lum) > 5 and 0.0 <= lum.min() and lum.max() <= 50.0
    assert "rep fraction" in s.extras["technique"]["used_as"]["lumbar_flexion"]
    given = ex.deadlift(BODY, load="100 kg", samples=30, seed=2, lumbar_flexion="10 deg")
    assert np.degrees(np.asarray(given.pose.lumbar_rad)) == pytest.approx(10.0, abs=1e-9)
    with pytest.raises(bm.InputValueError, match="lumbar_flexion"):
        ex.deadlift(BODY, load="100 kg", lumbar_flexion="70 deg")
