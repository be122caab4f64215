"""Squats: balance, published directions, sweeps, feasibility, projection, rep paths.

Each expected number says where it comes from.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, strategies as st

import biomech as bm
from biomech import Q_
from biomech import exercises as ex
from biomech.exercises.common import DORSIFLEXION_LIMIT_DEG

G = 9.80665


def nm(q):
    return np.asarray(q.to("N*m").magnitude, dtype=float)


@pytest.fixture(scope="module")
def body():
    return bm.Body.from_anthropometrics(height="178 cm", mass="80 kg", sex="male")


# ------------------------------------------------------------------ balance, two routes
@pytest.mark.parametrize("make", [
    lambda b: ex.squat(b, load="100 kg", bar="high_bar"),
    lambda b: ex.squat(b, load="100 kg", bar="low_bar", knee_travel="0 cm"),
    lambda b: ex.front_squat(b, load="80 kg"),
    lambda b: ex.goblet_squat(b, load="24 kg"),
    lambda b: ex.bodyweight_squat(b),
    lambda b: ex.squat(b, load="100 kg", heel_lift="3 cm", knee_travel="10 cm"),
    lambda b: ex.squat(b, load="100 kg", stance_width="60 cm", toe_out="30 deg"),
    lambda b: ex.box_squat(b, box_height="45 cm", load="100 kg"),
    lambda b: ex.squat(b, load="60 kg", cop="ball"),
])
def test_cop_found_bottom_up_lies_at_the_target(body, make):
    # The solver puts the ground reaction at the target; the core's whole-body balance (an
    # independent route) must find the centre of pressure there, and its bottom-up moments
    # must equal the top-down ones.
    r = make(body)
    assert r.feasible
    cop_x = float(r.cop.to("m").magnitude[0])
    assert cop_x == pytest.approx(float(r.extras["target"].to("m").magnitude), abs=1e-9)
    bu = r.bottom_up()
    for j in ("ankle", "knee", "hip", "lumbar"):
        assert nm(bu[j]) == pytest.approx(nm(r.moments[j]), abs=1e-8)


def test_system_com_over_midfoot_with_gravity_only(body):
    # Gravity alone: balance puts the system centre of mass over the target (docs/conventions.md): the
    # midfoot when asked, the typical squat's pressure point at parallel by default (technique.COP_SQUAT,
    # Ishida et al. 2022: 48.95 % of the heel-to-toe length).
    from biomech.exercises import technique as tq
    r = ex.squat(body, load="100 kg", cop="midfoot")
    com_x = float(r.positions["com"].to("m").magnitude[0])
    assert com_x == pytest.approx(0.5 * body.foot_geometry.toe_x, abs=1e-9)
    r = ex.squat(body, load="100 kg")
    com_x = float(r.positions["com"].to("m").magnitude[0])
    assert com_x == pytest.approx(tq.COP_SQUAT.mean * body.foot_geometry.toe_x, abs=1e-9)
    assert r.parameters["cop_fraction"] == pytest.approx(0.4895)


def test_band_shifts_the_balance_and_the_solver_follows(body):
    # A band pulling the hips back is a pose-dependent force: Newton steps polish the
    # closed-form start; the centre of pressure must still sit at the midfoot.
    band = bm.ElasticBand(stiffness="400 N/m", anchor=Q_([-1.0, 0.5], "m"), segment="thigh", along="0.05 m",
                          rest_length="0.5 m")
    plain = ex.squat(body, load="80 kg")
    banded = ex.squat(body, load="80 kg", extra_loads=[band])
    assert float(banded.cop.magnitude[0]) == pytest.approx(float(banded.extras["target"].magnitude), abs=1e-7)
    assert float(banded.trunk.magnitude) > float(plain.trunk.magnitude)  # pulled back: lean further forward


# ------------------------------------------------------------------ published directions
def test_fry_2003_knees_stopped_at_the_toes(body):
    # Fry, Smith & Schilling (2003, J Strength Cond Res 17:629, abstract): parallel squats with the
    # bar at body weight; restricting the knees at the toes lowered the knee torque (-22 %) and raised
    # the hip torque. The issue asks: knee at least 15 % lower, hip at least 20 % higher restricted
    # (knees at the toes) than with the knees 8 cm past them.
    restricted = ex.squat(body, depth="parallel", knee_travel="0 cm", load=body.mass)
    free = ex.squat(body, depth="parallel", knee_travel="8 cm", load=body.mass)
    knee_change = nm(restricted.knee) / nm(free.knee) - 1
    hip_change = nm(restricted.hip) / nm(free.hip) - 1
    assert knee_change <= -0.15
    assert hip_change >= 0.20
    # and, as Fry et al. saw, the restricted squat leans the trunk further forward
    assert float(restricted.trunk.magnitude) > float(free.trunk.magnitude)


def test_bar_positions_order_the_trunk_lean(body):
    # Low bar leans most, front squat least (Wretenberg et al. 1996, Med Sci Sports Exerc 28:218;
    # Glassbrook et al. 2017, J Strength Cond Res 31:2618, review): same depth and knee travel.
    kw = dict(depth="parallel", knee_travel="5 cm", load="100 kg")
    low = ex.squat(body, bar="low_bar", **kw)
    high = ex.squat(body, bar="high_bar", **kw)
    front = ex.front_squat(body, **kw)
    assert float(low.trunk.magnitude) > float(high.trunk.magnitude) > float(front.trunk.magnitude)


def test_same_legs_same_cop_same_leg_moments(body):
    # Statics: with the same leg angles and the centre of pressure at the same point, the ground
    # reaction (total weight, at the midfoot) fixes the knee and hip moments bottom-up, whatever the
    # bar position. The bar position moves the trunk and the lumbar moment, not the legs' share.
    kw = dict(depth="parallel", knee_travel="5 cm", load="100 kg")
    low, high = ex.squat(body, bar="low_bar", **kw), ex.squat(body, bar="high_bar", **kw)
    assert nm(low.knee) == pytest.approx(nm(high.knee), abs=1e-9)
    assert nm(low.hip) == pytest.approx(nm(high.hip), abs=1e-9)
    assert nm(low.lumbar) != pytest.approx(nm(high.lumbar), abs=1.0)


def test_low_bar_technique_gives_the_larger_hip_share(body):
    # The hip share differs once technique differs: low-bar lifters sit back with more vertical shins
    # (Glassbrook et al. 2017 review; Wretenberg et al. 1996 report larger hip and smaller knee
    # moments in the low-bar group). Low bar with the knees at the toes vs high bar 8 cm past them.
    low = ex.squat(body, bar="low_bar", knee_travel="0 cm", load="100 kg")
    high = ex.squat(body, bar="high_bar", knee_travel="8 cm", load="100 kg")
    assert low.hip_share > high.hip_share + 0.05
    assert float(low.trunk.magnitude) > float(high.trunk.magnitude)


def test_depth_at_fixed_knee_travel_loads_the_hip(body):
    # With the shins fixed (same knee travel) and the ground reaction at the midfoot, the knee moment
    # is the ground reaction's moment about a knee that does not move: depth cannot change it. The
    # hip moves back as the squat deepens, so the hip moment rises (Bryanton et al. 2012, J Strength
    # Cond Res 26:2820: hip extensor effort rises with depth). Deeper squats load the knee more only
    # through the extra knee travel they bring.
    # (Beyond parallel the hip comes forward again, so with fixed shins the hip moment peaks at
    # parallel: the hip's distance behind the knee is thigh length * sin(thigh angle).)
    r = ex.squat(body, depth=Q_([60, 75, 90, 105], "deg"), knee_travel="5 cm", load="80 kg", cop="midfoot")
    assert np.allclose(nm(r.knee), nm(r.knee)[0], atol=1e-9)
    assert np.all(np.diff(nm(r.hip)[:3]) > 0) and nm(r.hip)[3] < nm(r.hip)[2]


# ------------------------------------------------------------------ sweeps and feasibility
def test_sweep_equals_single_calls(body):
    depth = Q_([75.0, 90.0, 105.0], "deg")
    travel = Q_([[0.0], [6.0]], "cm")
    thigh = Q_([[0.40], [0.46]], "m")
    r = ex.squat(body, depth=depth, knee_travel=travel, load="100 kg", lengths={"thigh": thigh})
    assert r.knee.shape == (2, 3)
    for i in range(2):
        b = body.with_segment("thigh", length=thigh[i, 0])
        for j in range(3):
            one = ex.squat(b, depth=depth[j], knee_travel=travel[i, 0], load="100 kg")
            assert nm(one.knee) == pytest.approx(nm(r.knee)[i, j], abs=1e-9)
            assert float(one.trunk.magnitude) == pytest.approx(float(r.trunk.magnitude[i, j]), abs=1e-9)


def test_infeasible_elements_are_nan_with_a_reason(body):
    travel = Q_([5.0, 20.0], "cm")  # 20 cm past the toes needs about 53 deg of dorsiflexion
    r = ex.squat(body, knee_travel=travel, load="60 kg")
    assert r.feasible.tolist() == [True, False]
    assert r.reason.tolist() == ["", "dorsiflexion"]
    assert np.isnan(nm(r.knee)[1]) and np.isfinite(nm(r.knee)[0])


def test_single_infeasible_request_raises_with_numbers(body):
    with pytest.raises(bm.InfeasiblePoseError) as err:
        ex.squat(body, knee_travel="20 cm", load="60 kg")
    assert err.value.reason == "dorsiflexion"
    assert err.value.numbers["limit"].to("deg").magnitude == pytest.approx(DORSIFLEXION_LIMIT_DEG)
    assert err.value.numbers["dorsiflexion"].to("deg").magnitude > DORSIFLEXION_LIMIT_DEG
    assert "dorsiflexion" in str(err.value)


def test_dorsiflexion_limit_is_settable(body):
    with pytest.raises(bm.InfeasiblePoseError):
        ex.squat(body, knee_travel="10 cm", load="60 kg", dorsiflexion_limit="30 deg")
    assert ex.squat(body, knee_travel="10 cm", load="60 kg", dorsiflexion_limit="45 deg").feasible


@pytest.mark.parametrize("kwargs, reason", [
    (dict(heel_lift="20 cm"), "heel_lift"),
    (dict(heel_lift="-1 cm"), "heel_lift"),
    (dict(box_height="5 cm"), "box_height"),
    (dict(depth="-60 cm"), "depth"),
    (dict(knee_travel="-90 cm"), "knee_travel"),
    (dict(stance_width="3 m"), "stance_width"),
])
def test_out_of_range_requests(body, kwargs, reason):
    with pytest.raises(bm.InfeasiblePoseError) as err:
        ex.squat(body, load="60 kg", **kwargs)
    assert err.value.reason == reason


def test_knees_far_behind_the_toes_need_the_trunk_past_horizontal(body):
    # A bodyweight squat to parallel, arms hanging, knees 15 cm behind the toes: the hips sit so far
    # back that no lean short of horizontal brings the centre of mass over the midfoot.
    # With a rigid trunk (lumbar_flexion="0 deg") 5 cm past the toes balances at a 65.7 deg lean.
    r = ex.squat(body, depth="parallel", knee_travel=Q_([-15.0, 5.0], "cm"), load=None, bar=None, arms="0 deg",
                 lumbar_flexion="0 deg")
    assert r.reason[0] in ("trunk_past_horizontal", "balance")
    assert r.feasible[1]
    assert float(r.trunk.magnitude[1]) == pytest.approx(65.65, abs=0.05)
    # The typical lumbopelvic rhythm flexes the spine with the lean, up to 16.55 deg from a 38 deg lean:
    # a flexed upper body reaches less far forward of the hip, so the line leans further (73.2 deg).
    r2 = ex.squat(body, depth="parallel", knee_travel=Q_([-15.0, 5.0], "cm"), load=None, bar=None, arms="0 deg")
    assert r2.reason[0] in ("trunk_past_horizontal", "balance")
    assert r2.feasible[1]
    assert float(r2.trunk.magnitude[1]) == pytest.approx(73.21, abs=0.05)
    assert np.degrees(r2.pose.joint_angles_rad()["lumbar"][1]) == pytest.approx(16.55, abs=1e-6)


def test_bare_numbers_are_refused(body):
    with pytest.raises(bm.UnitError, match="knee_travel"):
        ex.squat(body, knee_travel=5, load="60 kg")
    with pytest.raises(bm.UnitError, match="depth"):
        ex.squat(body, depth=90, load="60 kg")
    with pytest.raises(bm.InputValueError, match="bar"):
        ex.squat(body, load="60 kg", bar="overhead")


def test_load_as_a_force(body):
    a = ex.squat(body, load="100 kg")
    b = ex.squat(body, load=Q_(100 * G, "N"))
    assert nm(a.knee) == pytest.approx(nm(b.knee), abs=1e-9)


# ------------------------------------------------------------------ depth, knee travel, stance
def test_depth_as_hip_height_and_parallel_agree(body):
    # "parallel" = thigh horizontal = hip joint centre at the knee's height.
    a = ex.squat(body, depth="parallel", load="60 kg")
    b = ex.squat(body, depth="0 cm", load="60 kg")
    assert float(b.pose.thigh.magnitude) == pytest.approx(90.0, abs=1e-9)
    assert nm(a.knee) == pytest.approx(nm(b.knee), abs=1e-9)
    hip_y = b.positions["hip"].magnitude[1]
    knee_y = b.positions["knee"].magnitude[1]
    assert hip_y == pytest.approx(knee_y, abs=1e-12)


def test_knee_travel_is_measured_where_asked(body):
    front = ex.squat(body, knee_travel="4 cm", load="60 kg")
    centre = ex.squat(body, knee_travel="4 cm", knee_travel_at="centre", load="60 kg")
    assert float(front.knee_travel.to("cm").magnitude) == pytest.approx(4.0, abs=1e-9)
    assert float(centre.knee_travel_centre.to("cm").magnitude) == pytest.approx(4.0, abs=1e-9)
    # the front of the knee lies knee_depth ahead of the centre
    assert float(centre.knee_travel.to("m").magnitude) == pytest.approx(0.04 + body.knee_depth_m, abs=1e-12)


def test_heel_lift_sets_the_foot_angle(body):
    # foot angle = asin(heel lift / heel-to-ball distance)
    r = ex.squat(body, heel_lift="2.5 cm", load="60 kg")
    expected = np.degrees(np.arcsin(0.025 / body.foot_geometry.ball_x))
    assert float(r.pose.foot.magnitude) == pytest.approx(expected, abs=1e-9)
    assert float(r.positions["heel"].magnitude[1]) == pytest.approx(0.025, abs=1e-12)


def test_projection_identity_and_toe_out_shortening(body):
    plain = ex.squat(body, load="60 kg")
    same = ex.squat(body, load="60 kg", stance_width=Q_(ex.hip_joint_spacing(body), "m"), toe_out="0 deg")
    assert nm(same.knee) == pytest.approx(nm(plain.knee), abs=1e-9)
    phi = np.radians(30)
    out = ex.squat(body, load="60 kg", toe_out="30 deg")
    toe = out.positions["toe"].magnitude[0] - out.positions["heel"].magnitude[0]
    assert toe == pytest.approx(body.foot_geometry.toe_x * np.cos(phi), abs=1e-12)
    # at parallel the thigh, seen from the side, is its length times cos(toe-out)
    hip, knee = out.positions["hip"].magnitude, out.positions["knee"].magnitude
    assert np.hypot(*(knee - hip)) == pytest.approx(body.thigh.length_m * np.cos(phi), abs=1e-12)


def test_wide_stance_shortens_the_vertical_parts(body):
    # sin(alpha) = (width - hip spacing) / (2 leg length); the shank's vertical part shrinks by cos(alpha)
    width = 0.7
    r = ex.squat(body, load="60 kg", stance_width=Q_(width, "m"))
    sa = (width - ex.hip_joint_spacing(body)) / (2 * (body.shank.length_m + body.thigh.length_m))
    s = np.radians(float(r.extras["in_plane_angles"]["shank"].magnitude))
    knee, ankle = r.positions["knee"].magnitude, r.positions["ankle"].magnitude
    assert knee[1] - ankle[1] == pytest.approx(body.shank.length_m * np.cos(s) * np.sqrt(1 - sa ** 2), abs=1e-12)


# ------------------------------------------------------------------ rep path, contact
def test_rep_path_runs_top_to_bottom(body):
    bottom = ex.squat(body, load="100 kg", knee_travel="6 cm")
    path = bottom.rep_path(n=6)
    assert path.knee.shape == (6,)
    assert nm(path.knee)[-1] == pytest.approx(nm(bottom.knee), abs=1e-9)
    assert float(path.pose.thigh.magnitude[0]) == pytest.approx(0.0, abs=1e-12)
    # a pulse range: the bottom quarter only
    pulse = ex.rep_path(ex.squat, body, load="100 kg", knee_travel="6 cm", fractions=np.linspace(0.75, 1, 4))
    assert np.all(np.diff(nm(pulse.knee)) > 0)
    with pytest.raises(bm.RangeError):
        ex.rep_path("squat", body, fractions=[1.5])


def test_thigh_calf_contact_only_in_deep_flexion(body):
    # Zelle et al. (2007): no contact below ~130 deg of knee flexion.
    r = ex.squat(body, depth=Q_([90.0, 120.0], "deg"), knee_travel="12 cm", load="60 kg",
                 dorsiflexion_limit="50 deg")
    f = r.extras["thigh_calf_force"].to("N").magnitude
    assert f[0] == 0.0 and f[1] > 0
    assert r.extras["knee_with_thigh_calf_contact"].magnitude[1] < nm(r.knee)[1]


@given(depth=st.floats(60, 115), travel=st.floats(-4, 10), load=st.floats(0, 200),
       bar=st.sampled_from(["high_bar", "low_bar", "front", "goblet"]))
def test_property_cop_at_midfoot(body, depth, travel, load, bar):
    r = ex.squat(body, depth=Q_(depth, "deg"), knee_travel=Q_(travel, "cm"), load=Q_(load, "kg"), bar=bar,
                 lengths={"thigh": Q_([0.40, 0.44], "m")}, cop="midfoot")
    ok = r.feasible
    cop = r.cop.to("m").magnitude[..., 0]
    assert np.allclose(cop[ok], 0.5 * body.foot_geometry.toe_x, atol=1e-9)
    assert np.all(np.isnan(cop[~ok]))


# ------------------------------------------------------------------ the typical technique as the default
# Values from biomech.exercises.technique: SHANK_STANDING (Woodhull et al. 1985: the knee 3.8 cm ahead
# of the ankle in quiet standing), COP_STANDING (Di Giulio & Baltzopoulos 2019: the line of gravity
# 5.8 cm ahead of the ankle), SHANK_AT_PARALLEL (assumptions by bar), COP_SQUAT (Ishida et al. 2022).
from biomech.exercises import technique as tq  # noqa: E402


@pytest.mark.parametrize("bar", ["high_bar", "low_bar", "front"])
def test_default_shin_follows_the_typical_lean_at_every_depth(body, bar):
    depth = Q_([0.0, 30.0, 60.0, 90.0, 105.0], "deg")
    r = ex.squat(body, depth=depth, load="100 kg", bar=bar)
    want = np.minimum(tq.squat_shank_lean(depth, bar).m_as("deg"), DORSIFLEXION_LIMIT_DEG)
    assert np.allclose(r.extras["in_plane_angles"]["shank"].m_as("deg"), want, atol=1e-9)
    assert np.all(np.diff(nm(r.knee)) > 0)                # the shin leans further: the knee works harder
    assert "typical technique" in r.parameters["knee_travel"] and "typical technique" in r.parameters["cop"]
    assert r.parameters["shank_at_parallel"].m_as("deg") == pytest.approx(tq.SHANK_AT_PARALLEL[bar].mean)


def test_default_pressure_point_runs_from_quiet_standing_to_the_squat_value(body):
    fg = body.foot_geometry
    r = ex.squat(body, depth=Q_([0.0, 45.0, 90.0, 110.0], "deg"), load="100 kg")
    cop = r.cop.m_as("m")[..., 0]
    stand = fg.ankle_x + tq.COP_STANDING.mean_si
    bottom = tq.COP_SQUAT.mean * fg.toe_x
    assert cop == pytest.approx([stand, 0.5 * (stand + bottom), bottom, bottom], abs=1e-9)


def test_a_given_knee_travel_and_pressure_point_override_one_part_each(body):
    # knee travel given: the shin is the same at every depth (the restricted squat as before), the
    # pressure point still the typical one; cop given: the shin still the typical one
    depth = Q_([60.0, 90.0], "deg")
    r = ex.squat(body, depth=depth, knee_travel="0 cm", load="100 kg")
    s = r.extras["in_plane_angles"]["shank"].m_as("deg")
    assert s[0] == pytest.approx(s[1], abs=1e-12)
    fg = body.foot_geometry
    assert float(r.cop.m_as("m")[1, 0]) == pytest.approx(tq.COP_SQUAT.mean * fg.toe_x, abs=1e-9)
    m = ex.squat(body, depth=depth, cop="midfoot", load="100 kg")
    assert np.allclose(m.cop.m_as("m")[..., 0], 0.5 * fg.toe_x, atol=1e-9)
    assert np.allclose(m.extras["in_plane_angles"]["shank"].m_as("deg"),
                       tq.squat_shank_lean(depth).m_as("deg"), atol=1e-9)
    # the restricted squat: the front of the knee exactly over the toe tip
    knee_front = float(ex.squat(body, knee_travel="0 cm", load="100 kg").positions["knee_front"].m_as("m")[0])
    assert knee_front == pytest.approx(fg.toe_x, abs=1e-9)


def test_standing_tall_is_the_quiet_standing_alignment(body):
    r = ex.squat(body, depth="0 deg", load="100 kg")
    p = {k: float(v.m_as("m")[0]) for k, v in r.positions.items() if k in ("ankle", "knee", "hip", "cop")}
    assert p["knee"] - p["ankle"] == pytest.approx(0.038, abs=2e-4)      # Woodhull 1985 (via SHANK_STANDING)
    assert p["cop"] - p["ankle"] == pytest.approx(tq.COP_STANDING.mean_si, abs=1e-9)
    assert p["hip"] == pytest.approx(p["knee"], abs=1e-12)                 # thigh vertical
    # statics: with the thigh vertical the knee and hip moments are equal and opposite
    assert float(nm(r.knee) + nm(r.hip)) == pytest.approx(0.0, abs=1e-9)
    # the rep path's top is the same standing pose
    path = ex.rep_path(ex.squat, body, load="100 kg", n=3)
    assert float(nm(path.knee)[0]) == pytest.approx(float(nm(r.knee)), abs=1e-9)


def test_typical_shin_stops_at_the_dorsiflexion_limit(body):
    r = ex.front_squat(body, depth="120 deg", load="60 kg")
    assert r.feasible
    assert float(r.pose.shank.m_as("deg")) == pytest.approx(DORSIFLEXION_LIMIT_DEG)
    lim = ex.front_squat(body, depth="120 deg", load="60 kg", dorsiflexion_limit="35 deg")
    assert float(lim.pose.shank.m_as("deg")) == pytest.approx(35.0)


def test_a_wider_stance_keeps_the_typical_shin_more_upright(body):
    narrow = ex.squat(body, load="100 kg", stance_width="45 cm")
    wide = ex.squat(body, load="100 kg", stance_width="90 cm")
    sw = 0.259 * 1.78                                             # shoulder width, squats.SHOULDER_WIDTH_PER_STATURE
    assert narrow.parameters["technique_stance"] == pytest.approx(tq.STANCE_NARROW.mean)   # clipped to the range
    assert wide.parameters["technique_stance"] == pytest.approx(min(0.90 / sw, tq.STANCE_WIDE.mean))
    s_n = float(narrow.extras["in_plane_angles"]["shank"].m_as("deg"))
    s_w = float(wide.extras["in_plane_angles"]["shank"].m_as("deg"))
    assert s_n - s_w == pytest.approx(-tq.SHANK_WIDE_MINUS_NARROW.mean, abs=1e-6)  # 7 deg at the wide end


def test_box_squat_is_sat_back_and_its_shin_and_thigh_agree(body):
    r = ex.box_squat(body, load="100 kg")
    t = r.extras["in_plane_angles"]["thigh"].m_as("rad")
    s = r.extras["in_plane_angles"]["shank"].m_as("deg")
    want = tq.squat_shank_lean(Q_(t, "rad"), "low_bar", stance_width=tq.STANCE_BOX.mean).m_as("deg")
    assert float(s) == pytest.approx(float(want), abs=1e-6)      # the fixed point of shin rule and box height
    # the hip joint centre sits the seat offset above the box
    hip_y = float(r.positions["hip"].m_as("m")[1])
    assert hip_y == pytest.approx(0.40 + ex.squats.BOX_SEAT_OFFSET_PER_STATURE * 1.78, abs=1e-6)
    assert r.parameters["cop_fraction"] == pytest.approx(tq.COP_SITTING_BACK.mean)
    assert r.ankle < ex.squat(body, load="100 kg", bar="low_bar").ankle   # pressure further back


# --------------------------------------------------------------------------- lumbopelvic rhythm
def test_lumbopelvic_rhythm_moves_hip_flexion_and_l5s1_only(body):
    # Balance fixes the leg moments for a given leg pose: splitting the trunk moves hip flexion
    # (thigh to pelvis) and the L5/S1 moment, never the ankle, knee or hip moments.
    from biomech.model.pose import lumbar_ratios, trunk_line_offset
    rigid = ex.squat(body, depth="parallel", load="100 kg", bar="high_bar", lumbar_flexion="0 deg")
    split = ex.squat(body, depth="parallel", load="100 kg", bar="high_bar")
    ja_r, ja_s = rigid.pose.joint_angles_rad(), split.pose.joint_angles_rad()
    assert float(ja_r["lumbar"]) == 0.0
    assert np.degrees(float(ja_r["hip"])) == pytest.approx(90.0 + float(rigid.trunk.m_as("deg")), abs=1e-9)
    assert float(rigid.lumbar.m_as("N*m")) == pytest.approx(405.5, abs=0.05)   # the rigid trunk's number
    # the typical lean at parallel is past 38 deg: the flexion is the measured mean, 16.55 deg
    assert np.degrees(float(ja_s["lumbar"])) == pytest.approx(16.55, abs=1e-9)
    assert np.degrees(float(ja_s["hip"])) == pytest.approx(115.26, abs=0.01)
    line = float(split.pose.pelvis.m_as("rad")) + trunk_line_offset(float(ja_s["lumbar"]), lumbar_ratios(body))
    assert line == pytest.approx(float(split.trunk.m_as("rad")), abs=1e-12)
    for j in ("ankle", "knee", "hip"):
        assert float(getattr(split, j).m_as("N*m")) == pytest.approx(float(getattr(rigid, j).m_as("N*m")), abs=1e-9)
    assert float(split.lumbar.m_as("N*m")) == pytest.approx(437.5, abs=0.05)
    assert float(split.cop.m_as("m")[0]) == pytest.approx(float(split.extras["target"].m_as("m")), abs=1e-9)


def test_lumbopelvic_rhythm_over_the_rep(body):
    # below a 38 deg lean the flexion is the share lumbar_flexion / 38 deg of the lean; beyond it, held
    from biomech.exercises.squats import TRUNK_LEAN_AT_PARALLEL_DEG
    path = ex.rep_path("squat", body, load="100 kg", bar="low_bar", lumbar_flexion="20 deg", n=11)
    lean = path.trunk.m_as("deg")
    lum = np.degrees(path.pose.joint_angles_rad()["lumbar"])
    below = lean < TRUNK_LEAN_AT_PARALLEL_DEG
    assert below.any() and (~below).any()
    np.testing.assert_allclose(lum[below], 20.0 * lean[below] / TRUNK_LEAN_AT_PARALLEL_DEG, atol=1e-6)
    np.testing.assert_allclose(lum[~below], 20.0, atol=1e-9)
    np.testing.assert_allclose(path.cop.m_as("m")[..., 0], path.extras["target"].m_as("m"), atol=1e-9)
    with pytest.raises(bm.BiomechError, match="lumbar_flexion"):
        ex.squat(body, lumbar_flexion="-5 deg")


def test_sampled_squats_draw_the_lumbar_flexion(body):
    r = ex.squat(body, load="100 kg", samples=40)
    lum = np.degrees(r.pose.joint_angles_rad()["lumbar"])
    ok = np.asarray(r.feasible)
    assert np.nanstd(lum[ok]) > 1.0 and np.all((lum[ok] >= 0.0) & (lum[ok] <= 45.0))
    given = ex.squat(body, load="100 kg", samples=40, lumbar_flexion="0 deg")
    assert np.all(given.pose.joint_angles_rad()["lumbar"][np.asarray(given.feasible)] == 0.0)
