"""Tests of the segment tables and their conversion to the model's segments."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biomech.model.anthropometry import (
    TABLES,
    BodyParameters,
    DeLeva1996,
    Winter2009,
    body_parameters,
    combine_along_axis,
    default_trunk_details,
    get_table,
    normalize_sex,
)
from biomech.errors import InputValueError, RangeError

G = 9.80665
CASES = [
    ("de_leva", "male"),
    ("de_leva", "female"),
    ("winter", "male"),
    ("winter", "female"),
]


def _unit(angle_rad):
    """Unit vector of a segment tilted forward by ``angle`` from vertical (up)."""
    return np.array([math.sin(angle_rad), math.cos(angle_rad)])


# ---------------------------------------------------------------------------
# The published numbers
# ---------------------------------------------------------------------------


def test_de_leva_rows_match_table_4():
    # de Leva 1996 Table 4 as transcribed in BMClab/BMC data/BSPmale_ZdeLeva.txt and
    # BSPfemale_ZdeLeva.txt (mass fraction, CM from origin, transverse radius).
    m = DeLeva1996.segments("male")
    f = DeLeva1996.segments("female")
    assert (m["head2"].mass, m["head2"].com, m["head2"].gyration) == (0.0694, 0.5002, 0.315)
    assert (m["trunk3"].mass, m["trunk3"].com, m["trunk3"].gyration) == (0.4346, 0.431, 0.358)
    assert (f["trunk3"].mass, f["trunk3"].com, f["trunk3"].gyration) == (0.4257, 0.3782, 0.361)
    assert (m["shank"].mass, m["shank"].com, m["shank"].gyration) == (0.0433, 0.4395, 0.246)
    assert (f["foot"].mass, f["foot"].com, f["foot"].gyration) == (0.0129, 0.4014, 0.279)
    assert (f["hand"].mass, f["hand"].com, f["hand"].gyration) == (0.0056, 0.7474, 0.454)
    # Lengths at the reference stature (gurchiek/nms-dyn deleva.m): Trunk 3 515.5 / 497.9 mm.
    assert m["trunk3"].length_m(1.741) == pytest.approx(0.5155)
    assert f["trunk3"].length_m(1.735) == pytest.approx(0.4979)
    # The three trunk subsegments add up to the whole trunk (Table 4: 15.96+16.33+11.17 = 43.46 %).
    for rows in (m, f):
        parts = rows["upper_trunk"].mass + rows["middle_trunk"].mass + rows["lower_trunk"].mass
        assert parts == pytest.approx(rows["trunk"].mass, abs=1e-9)


def test_de_leva_transverse_column_is_the_side_to_side_axis():
    # The chosen column (transverse) is the smaller trunk radius: the trunk is wider than
    # deep, so its inertia about the side-to-side axis is the smaller one (Table 4:
    # trunk r_sag 37.2 %, r_trans 34.7 % for men).
    sag, trans = DeLeva1996.TABLE_4["trunk"][5][1], DeLeva1996.TABLE_4["trunk"][6][1]
    assert trans < sag
    assert DeLeva1996.segments("male")["trunk"].gyration == pytest.approx(trans / 100)


def test_winter_table_is_internally_consistent():
    # Winter 2009 Table 4.1: radius about the proximal end^2 = radius about COM^2 + COM^2.
    # Trunk-head-neck: 0.503, COM 0.66 -> 0.830 printed; HAT 0.496, 0.626 -> 0.798 printed.
    assert math.hypot(0.503, 0.66) == pytest.approx(0.830, abs=1e-3)
    assert math.hypot(0.496, 0.626) == pytest.approx(0.798, abs=1e-3)
    r = Winter2009.segments()
    assert (r["trunk_head_neck"].mass, r["trunk_head_neck"].com, r["trunk_head_neck"].gyration) == (0.578, 0.66, 0.503)
    # Thorax + abdomen + head-neck + pelvis = trunk-head-neck (0.216+0.139+0.081+0.142 = 0.578).
    parts = r["thorax"].mass + r["abdomen"].mass + r["head_neck"].mass + r["pelvis"].mass
    assert parts == pytest.approx(r["trunk_head_neck"].mass)


def test_combining_forearm_and_hand_reproduces_winter_row():
    # Winter 2009 Table 4.1 prints "forearm and hand" (elbow -> ulnar styloid): mass 0.022,
    # COM 0.682 of the forearm length from the elbow. Combining the forearm (0.016, 0.430)
    # and hand (0.006, 0.506) rows with the Fig. 4.1 lengths (0.146 H, 0.108 H) must agree
    # to about 1 % (Dempster's hand ends at knuckle II, a little short of 0.108 H).
    L_fa, L_h = 0.146, 0.108
    mass, com, _ = combine_along_axis(
        [(0.016, 0.430 * L_fa, 0.303 * L_fa), (0.006, L_fa + 0.506 * L_h, 0.297 * L_h)], L_fa)
    assert mass == pytest.approx(0.022)
    assert com == pytest.approx(0.682, abs=0.01)


# ---------------------------------------------------------------------------
# Masses
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("table, sex", CASES)
def test_masses_sum_to_body_mass(table, sex):
    bp = body_parameters(1.78, 80.0, sex, table)
    s = bp.segments
    total = s["trunk"].mass_kg + s["arms"].mass_kg + 2 * (s["foot"].mass_kg + s["shank"].mass_kg + s["thigh"].mass_kg)
    assert total == pytest.approx(80.0, rel=1e-12)


def test_renormalisation_is_small():
    # The printed fractions sum to 100.00 % (de Leva men), 99.99 % (de Leva women) and
    # 1.000 (Winter): the renormalisation changes each mass by at most 0.01 %.
    assert DeLeva1996.mass_sum("male") == pytest.approx(1.0, abs=1e-9)
    assert DeLeva1996.mass_sum("female") == pytest.approx(0.9999, abs=1e-9)
    assert Winter2009.mass_sum() == pytest.approx(1.0, abs=1e-9)
    bp = body_parameters(1.735, 61.9, "female")
    # Table 4: thigh 14.78 % of 61.9 kg = 9.149 kg, renormalised by 1/0.9999.
    assert bp.segments["thigh"].mass_kg == pytest.approx(0.1478 * 61.9 / 0.9999)


def test_de_leva_reference_male_numbers():
    # de Leva reference man 1.741 m, 73 kg: thigh 14.16 % = 10.337 kg, 422.2 mm (Table 4);
    # trunk = Trunk 3 + Head 2 = 43.46 + 6.94 = 50.40 % = 36.79 kg, 515.5 mm.
    bp = body_parameters(1.741, 73.0, "m")
    assert bp.segments["thigh"].mass_kg == pytest.approx(10.3368)
    assert bp.segments["thigh"].length_m == pytest.approx(0.4222)
    assert bp.segments["trunk"].mass_kg == pytest.approx(0.5040 * 73.0)
    assert bp.segments["trunk"].length_m == pytest.approx(0.5155)
    # Both arms: 2 x (2.71 + 1.62 + 0.61) % = 9.88 %.
    assert bp.segments["arms"].mass_kg == pytest.approx(0.0988 * 73.0)


def test_winter_is_the_same_for_both_sexes():
    a = body_parameters(1.7, 70.0, "male", "winter")
    b = body_parameters(1.7, 70.0, "female", "dempster")
    assert dict(a.segments) == dict(b.segments)
    assert a.sex == "male" and b.sex == "female" and b.table == "winter"


# ---------------------------------------------------------------------------
# The trunk and arm conversions against the table's own segments
# ---------------------------------------------------------------------------


def _de_leva_own_upper_body(bp: BodyParameters, lean):
    """Trunk 3 and Head 2 as separate segments in de Leva's convention, hip at the origin.

    Returns a list of (mass, COM position, inertia about own COM). Trunk 3 runs
    MIDS -> MIDH with its COM measured from MIDS (the top); Head 2 runs VERT -> CERV with
    its COM from VERT (the top); CERV lies the Trunk 2 length above MIDH on the trunk axis.
    """
    rows = DeLeva1996.segments(bp.sex)
    H, scale = bp.height_m, bp.mass_kg / DeLeva1996.mass_sum(bp.sex)
    u = _unit(lean)
    L_t3, L_t2, L_h2 = (rows[k].length_m(H) for k in ("trunk3", "trunk2", "head2"))
    mids = L_t3 * u
    vert = (L_t2 + L_h2) * u
    t3, h2 = rows["trunk3"], rows["head2"]
    trunk_com = mids + t3.com * (np.zeros(2) - mids)  # from MIDS toward MIDH (the hip)
    head_com = vert + h2.com * (L_t2 * u - vert)      # from VERT toward CERV
    return [
        (t3.mass * scale, trunk_com, t3.mass * scale * (t3.gyration * L_t3) ** 2),
        (h2.mass * scale, head_com, h2.mass * scale * (h2.gyration * L_h2) ** 2),
    ]


def _de_leva_own_arms(bp: BodyParameters, arm_angle, shoulder):
    rows = DeLeva1996.segments(bp.sex)
    H, scale = bp.height_m, bp.mass_kg / DeLeva1996.mass_sum(bp.sex)
    d = np.array([math.sin(arm_angle), -math.cos(arm_angle)])  # hanging down at 0
    out, start = [], shoulder
    for name in ("upper_arm", "forearm", "hand"):
        row = rows[name]
        L = row.length_m(H)
        m = 2 * row.mass * scale
        out.append((m, start + row.com * L * d, m * (row.gyration * L) ** 2))
        start = start + L * d
    return out


def _model_piece(seg, proximal, direction):
    return (seg.mass_kg, proximal + seg.com_m * direction, seg.inertia_kgm2)


def _moment_and_inertia(pieces, about):
    """Gravitational moment about ``about`` (N*m, counter-clockwise positive) and inertia."""
    moment = sum(-(p[1][0] - about[0]) * p[0] * G for p in pieces)
    inertia = sum(p[2] + p[0] * float(np.sum((p[1] - about) ** 2)) for p in pieces)
    return moment, inertia


@pytest.mark.parametrize("sex", ["male", "female"])
@pytest.mark.parametrize("lean_deg", [-10.0, 0.0, 30.0, 60.0, 90.0])
def test_trunk_conversion_keeps_hip_moment_and_inertia(sex, lean_deg):
    bp = body_parameters(1.78, 80.0, sex)
    lean = math.radians(lean_deg)
    own = _de_leva_own_upper_body(bp, lean)
    model = [_model_piece(bp.segments["trunk"], np.zeros(2), _unit(lean))]
    m_own, i_own = _moment_and_inertia(own, np.zeros(2))
    m_mod, i_mod = _moment_and_inertia(model, np.zeros(2))
    assert m_mod == pytest.approx(m_own, abs=1e-9)
    assert i_mod == pytest.approx(i_own, rel=1e-12)
    if lean_deg > 0:
        assert m_mod < 0  # the trunk's weight ahead of the hip pulls it forward (clockwise)


@pytest.mark.parametrize("sex", ["male", "female"])
@pytest.mark.parametrize("arm_deg", [0.0, 45.0, 90.0, 150.0])
def test_arm_conversion_keeps_shoulder_moment_and_inertia(sex, arm_deg):
    bp = body_parameters(1.65, 60.0, sex)
    a = math.radians(arm_deg)
    shoulder = np.array([0.1, 1.4])
    own = _de_leva_own_arms(bp, a, shoulder)
    model = [_model_piece(bp.segments["arms"], shoulder, np.array([math.sin(a), -math.cos(a)]))]
    m_own, i_own = _moment_and_inertia(own, shoulder)
    m_mod, i_mod = _moment_and_inertia(model, shoulder)
    assert m_mod == pytest.approx(m_own, abs=1e-9)
    assert i_mod == pytest.approx(i_own, rel=1e-12)


@pytest.mark.parametrize("lean_deg", [0.0, 20.0, 45.0, 80.0])
def test_whole_body_com_is_the_same_both_ways(lean_deg):
    # A squat-like pose (shank 30 deg, thigh 80 deg, arms 20 deg forward): the whole-body
    # COM from the model's segments equals the COM from de Leva's own segments.
    bp = body_parameters(1.80, 85.0, "male")
    s, f = bp.segments, bp.foot_geometry
    shank, thigh, lean, arm = map(math.radians, (30.0, 80.0, lean_deg, 20.0))
    ankle = np.array([f.ankle_x, f.ankle_y])
    knee = ankle + s["shank"].length_m * _unit(shank)
    hip = knee + s["thigh"].length_m * np.array([-math.sin(thigh), math.cos(thigh)])
    shoulder = hip + s["trunk"].length_m * _unit(lean)
    legs = [
        (2 * s["foot"].mass_kg, np.array([f.foot_com_x, f.foot_com_y]), 0.0),
        (2 * s["shank"].mass_kg, knee + s["shank"].com_m * (ankle - knee) / s["shank"].length_m, 0.0),
        (2 * s["thigh"].mass_kg, hip + s["thigh"].com_m * (knee - hip) / s["thigh"].length_m, 0.0),
    ]
    model = legs + [
        _model_piece(s["trunk"], hip, _unit(lean)),
        _model_piece(s["arms"], shoulder, np.array([math.sin(arm), -math.cos(arm)])),
    ]
    # de Leva's own segments, upper body placed at the same hip and shoulder
    own_upper = [(m, hip + c, i) for m, c, i in _de_leva_own_upper_body(bp, lean)]
    own = legs + own_upper + _de_leva_own_arms(bp, arm, shoulder)

    def com(pieces):
        return sum(p[0] * p[1] for p in pieces) / sum(p[0] for p in pieces)

    assert sum(p[0] for p in model) == pytest.approx(85.0)
    assert sum(p[0] for p in own) == pytest.approx(85.0)
    np.testing.assert_allclose(com(model), com(own), atol=1e-12)


def test_trunk_com_lies_above_the_middle():
    # With the head on top, the trunk's COM sits above its midpoint in every table
    # (Winter 2009 Table 4.1 prints 0.66 for trunk-head-neck).
    for table, sex in CASES:
        seg = body_parameters(1.75, 75.0, sex, table).segments["trunk"]
        assert 0.6 < seg.com < 0.8
        assert 0.35 < seg.gyration < 0.55


# ---------------------------------------------------------------------------
# Lumbar point, foot and knee
# ---------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    table_sex=st.sampled_from(CASES),
    height=st.floats(0.5, 2.6),
    mass=st.floats(20.0, 300.0),
)
def test_lumbar_point_and_mass_above_it(table_sex, height, mass):
    table, sex = table_sex
    bp = body_parameters(height, mass, sex, table)
    trunk = bp.segments["trunk"]
    assert 0 < bp.above_lumbar_mass_kg < trunk.mass_kg
    assert 0 < bp.lumbar_along_m < trunk.length_m
    assert bp.lumbar_offset_m < 0  # L5/S1 lies behind the hip-shoulder line
    assert bp.above_lumbar_com_along_m > bp.lumbar_along_m
    assert bp.above_lumbar_com_along_m > trunk.com_m  # removing the pelvis raises the COM
    # Everything above the lumbar point plus everything below it is the trunk.
    below = trunk.mass_kg - bp.above_lumbar_mass_kg
    below_com = (trunk.mass_kg * trunk.com_m - bp.above_lumbar_mass_kg * bp.above_lumbar_com_along_m) / below
    assert 0 <= below_com < bp.lumbar_along_m + 1e-12


def test_lumbar_point_numbers():
    # Dumas & Wojtusch 2018 regression: L5/S1 - hip = (-24.0 %, +33.8 %) of pelvis width for
    # men; pelvis width 0.14 H (stated assumption) -> at 1.78 m: along 0.0842 m, offset -0.0598 m.
    bp = body_parameters(1.78, 80.0, "male")
    assert bp.lumbar_along_m == pytest.approx(0.338 * 0.14 * 1.78)
    assert bp.lumbar_offset_m == pytest.approx(-0.240 * 0.14 * 1.78)
    # Above-lumbar mass, de Leva man: 50.40 % minus the share of the lower trunk (11.17 %)
    # below L5/S1 -> between 40 % and 46 % of body mass; with the arms, about half the body
    # (the usual "upper body above L5/S1" is about 50-55 %).
    frac = bp.above_lumbar_mass_kg / 80.0
    assert 0.40 < frac < 0.46
    assert 0.48 < frac + bp.segments["arms"].mass_kg / 80.0 < 0.56


@pytest.mark.parametrize("table, sex", CASES)
def test_foot_geometry_is_ordered(table, sex):
    bp = body_parameters(1.78, 80.0, sex, table)
    f = bp.foot_geometry
    assert f.heel_x == 0.0
    assert f.heel_x < f.ankle_x < f.foot_com_x < f.ball_x < f.toe_x
    assert 0 < f.foot_com_y < f.ankle_y
    # Drillis & Contini via Winter Fig. 4.1: ankle height 0.039 H.
    assert f.ankle_y == pytest.approx(0.039 * 1.78)
    # The foot segment's COM fraction is the geometry's COM x over the foot length.
    assert bp.segments["foot"].com_m == pytest.approx(f.foot_com_x)
    assert bp.segments["foot"].length_m == pytest.approx(f.toe_x)


def test_foot_length_from_tables():
    # de Leva man: foot 258.1 mm at 1.741 m; Winter Fig 4.1: 0.152 H.
    assert body_parameters(1.741, 73.0, "male").foot_geometry.toe_x == pytest.approx(0.2581)
    assert body_parameters(1.80, 73.0, "male", "winter").foot_geometry.toe_x == pytest.approx(0.152 * 1.80)


def test_knee_depth():
    # Stated assumption: 0.030 H.
    assert body_parameters(1.80, 80.0, "female").knee_depth_m == pytest.approx(0.054)


@settings(max_examples=30, deadline=None)
@given(height=st.floats(0.5, 2.6), mass=st.floats(20.0, 300.0))
def test_lengths_scale_with_height_and_masses_with_mass(height, mass):
    a = body_parameters(1.75, 70.0, "female")
    b = body_parameters(height, mass, "female")
    for name in a.segments:
        assert b.segments[name].length_m == pytest.approx(a.segments[name].length_m * height / 1.75)
        assert b.segments[name].mass_kg == pytest.approx(a.segments[name].mass_kg * mass / 70.0)
        assert b.segments[name].com == pytest.approx(a.segments[name].com)
        assert b.segments[name].gyration == pytest.approx(a.segments[name].gyration)


# ---------------------------------------------------------------------------
# Defaults for a body built from its own segments
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("table, sex", CASES)
def test_default_details_reproduce_the_table_body(table, sex):
    bp = body_parameters(1.9, 95.0, sex, table)
    s = bp.segments
    d = default_trunk_details(
        s["trunk"].length_m, s["trunk"].mass_kg, s["shank"].length_m,
        trunk_com=s["trunk"].com, foot_length_m=s["foot"].length_m, sex=sex, table=table,
    )
    assert d.lumbar_along_m == pytest.approx(bp.lumbar_along_m)
    assert d.lumbar_offset_m == pytest.approx(bp.lumbar_offset_m)
    assert d.above_lumbar_mass_kg == pytest.approx(bp.above_lumbar_mass_kg)
    assert d.above_lumbar_com_along_m == pytest.approx(bp.above_lumbar_com_along_m)
    assert d.knee_depth_m == pytest.approx(bp.knee_depth_m)
    for field in ("ball_x", "toe_x", "ankle_x", "ankle_y", "foot_com_x", "foot_com_y"):
        assert getattr(d.foot_geometry, field) == pytest.approx(getattr(bp.foot_geometry, field))


def test_default_details_follow_the_given_trunk_com():
    # The design document's worked trunk (0.50 m, 50 kg, COM 0.50): moving the trunk COM up
    # by 5 cm moves the above-lumbar COM up by 5 cm x 50 / above-lumbar mass.
    lo = default_trunk_details(0.50, 50.0, 0.40, trunk_com=0.50)
    hi = default_trunk_details(0.50, 50.0, 0.40, trunk_com=0.60)
    assert hi.above_lumbar_mass_kg == pytest.approx(lo.above_lumbar_mass_kg)
    shift = hi.above_lumbar_com_along_m - lo.above_lumbar_com_along_m
    assert shift == pytest.approx(0.05 * 50.0 / lo.above_lumbar_mass_kg)
    assert lo.above_lumbar_com_along_m > lo.lumbar_along_m


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("word, expected", [
    ("male", "male"), ("M", "male"), ("Man", "male"), ("FEMALE", "female"), ("f", "female"), ("woman", "female"),
])
def test_sex_words(word, expected):
    assert normalize_sex(word) == expected
    assert body_parameters(1.7, 70.0, word).sex == expected


@pytest.mark.parametrize("bad", ["x", "", None, 1, "males"])
def test_bad_sex(bad):
    with pytest.raises(InputValueError, match="sex="):
        body_parameters(1.7, 70.0, bad)


def test_unknown_table_lists_tables():
    with pytest.raises(InputValueError, match="table='plagenhoef'.*'de_leva', 'winter', 'dempster'"):
        body_parameters(1.7, 70.0, "male", table="plagenhoef")
    assert get_table("DEMPSTER") is Winter2009
    assert get_table(DeLeva1996) is DeLeva1996
    assert set(TABLES) == {"de_leva", "winter", "dempster"}


@pytest.mark.parametrize("name, args", [
    ("height_m", (float("nan"), 70.0)),
    ("height_m", (-1.7, 70.0)),
    ("height_m", (0.0, 70.0)),
    ("height_m", ("1.7 m", 70.0)),
    ("height_m", (True, 70.0)),
    ("mass_kg", (1.7, float("inf"))),
    ("mass_kg", (1.7, [70.0])),
])
def test_bad_numbers(name, args):
    with pytest.raises(InputValueError, match=name):
        body_parameters(*args, "male")


@pytest.mark.parametrize("name, args", [
    ("height_m", (178.0, 80.0)),   # centimetres by mistake
    ("height_m", (0.3, 80.0)),
    ("mass_kg", (1.78, 10.0)),
    ("mass_kg", (1.78, 400.0)),
])
def test_implausible_numbers(name, args):
    with pytest.raises(RangeError, match=name):
        body_parameters(*args, "female")


def test_quantity_is_refused_with_a_hint():
    from biomech import Q_

    with pytest.raises(InputValueError, match="to_si"):
        body_parameters(Q_(1.78, "m"), 80.0, "male")


def test_numpy_scalars_are_accepted():
    bp = body_parameters(np.float64(1.78), np.int64(80), "male")
    assert isinstance(bp.height_m, float) and bp.mass_kg == 80.0


def test_default_details_validate():
    with pytest.raises(InputValueError, match="trunk_length_m"):
        default_trunk_details(-0.5, 40.0, 0.4)
    with pytest.raises(RangeError, match="trunk_com"):
        default_trunk_details(0.5, 40.0, 0.4, trunk_com=1.5)


def test_parameters_are_frozen():
    bp = body_parameters(1.78, 80.0, "male")
    with pytest.raises(AttributeError):
        bp.mass_kg = 90.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        bp.segments["thigh"] = None  # type: ignore[index]
