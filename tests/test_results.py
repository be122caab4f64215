"""The result family: every result that holds joint moments answers the same interface
(biomech.mechanics.results), the per-load table multiplies out, the failure rule, the constants' one
home, the kernels' one naming convention and the inverse-dynamics fast path."""

import json
import re
import sys

import numpy as np
import pytest

import biomech as bm
from biomech import Q_
from biomech.constants import ANATOMICAL_SIGN, G, JOINTS
from biomech.mechanics.results import JointValues, PoseMoments, ResultBase

BODY = bm.Body.from_anthropometrics("178 cm", "80 kg")
POSE = bm.Pose(shank="30 deg", thigh="90 deg", trunk="45 deg")
SPLIT = bm.SplitPose(front=bm.LegPose(shank="25 deg", thigh="75 deg"),
                     rear=bm.LegPose(shank="65 deg", thigh="-10 deg", foot="55 deg"), trunk="10 deg")


def _motion(n=40, segments=("shank", "thigh", "trunk")):
    t = np.linspace(0.0, 2.0, n)
    ang = {k: Q_(0.3 + 0.2 * (i + 1) * np.sin(np.pi * t + i), "rad") for i, k in enumerate(segments)}
    return bm.Motion.from_samples(time=Q_(t, "s"), pose=bm.Pose(**ang), cutoff=None)


def _gaitlab():
    from biomech.mechanics.gaitlab import GroundReaction, gait_inverse_dynamics

    n = 30
    t = Q_(np.arange(n) * 0.01, "s")
    pts = np.tile([[0.20, 0.0], [0.05, 0.08], [0.25, 0.45], [-0.10, 0.80]], (n, 1, 1))
    grf = GroundReaction(force=Q_(np.tile([0.0, 800.0], (n, 1)), "N"), cop=Q_(np.tile([0.10, 0.0], (n, 1)), "m"))
    return gait_inverse_dynamics(t, Q_(pts, "m"), Q_([1.0, 3.5, 8.0], "kg"), Q_([0.01, 0.05, 0.1], "kg*m**2"),
                                 [0.5, 0.43, 0.43], grf, cutoff=None, body_mass="75 kg")


#: one maker per member of the family (and per shape a member comes in)
MAKERS = {
    "static": lambda: bm.joint_moments(BODY, POSE, [bm.Barbell("100 kg")]),
    "static array": lambda: bm.joint_moments(
        BODY, bm.Pose(shank=Q_([10, 20, 30], "deg"), thigh="90 deg", trunk=Q_([[30], [45]], "deg")),
        [bm.Barbell("100 kg")]),
    "static seated (held lumbar)": lambda: bm.joint_moments(BODY, POSE, support="backrest"),
    "static lift-off": lambda: bm.joint_moments(
        BODY, POSE, [bm.PointForce(segment="trunk", along="0.3 m", force=Q_([0, 1000], "N"))]),
    "static split": lambda: bm.joint_moments(BODY, SPLIT, [bm.Barbell("60 kg")], front_share=0.7),
    "squat": lambda: bm.exercises.squat(BODY, depth="parallel", load="100 kg"),
    "squat sweep": lambda: bm.exercises.squat(BODY, depth=Q_([60, 90], "deg"), knee_travel=Q_([[0], [5], [10]], "cm"),
                                              load="100 kg"),
    "rep path": lambda: bm.exercises.rep_path("squat", BODY, depth="parallel", load="60 kg", n=4),
    "lunge": lambda: bm.exercises.lunge(BODY, load="20 kg"),
    "lunge front leg": lambda: bm.exercises.lunge(BODY, load="20 kg").front,
    "lunge rear leg": lambda: bm.exercises.lunge(BODY, load="20 kg").rear,
    "leg press": lambda: bm.exercises.leg_press(BODY, load="100 kg"),
    "inverse dynamics": lambda: bm.inverse_dynamics(BODY, _motion(), [bm.Barbell("60 kg")]),
    "gait lab": _gaitlab,
    "pose moments": lambda: PoseMoments(bm.Pose.from_joint_angles(ankle="20 deg", knee="90 deg", hip="90 deg"),
                                        ankle="40 N*m", knee=Q_([150.0, 160.0], "N*m"), hip="200 N*m", body=BODY),
}


@pytest.fixture(scope="module", params=list(MAKERS))
def made(request):
    return request.param, MAKERS[request.param]()


def _same(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.allclose(a, b, equal_nan=True, rtol=1e-12, atol=0))


def test_every_result_answers_the_same_interface(made):
    name, res = made
    assert isinstance(res, ResultBase), name
    jv = res.moments
    assert isinstance(jv, JointValues)
    assert set(jv.joints) <= set(JOINTS) and {"ankle", "knee", "hip"} <= set(jv.joints)
    for j in JOINTS:
        q = getattr(res, j)
        assert q.check("[force] * [length]"), (name, j, q.units)
        assert _same(q.m_as("N*m"), jv[j].m_as("N*m")) and _same(q.m_as("N*m"), getattr(jv, j).m_as("N*m"))
        assert np.shape(q) == res.shape
        # per kg of body mass
        mass = res.moments._mass_kg
        if mass is not None:
            assert _same(res.per_kg[j].m_as("N*m/kg"), q.m_as("N*m") / mass)
            assert _same(jv.per_kg[j].m_as("N*m/kg"), q.m_as("N*m") / mass)
    assert isinstance(res.dims, tuple) and len(res.dims) == len(res.shape)
    assert all(isinstance(d, str) and d for d in res.dims) and len(set(res.dims)) == len(res.dims)
    text = repr(res)
    assert "N*m" not in text and "newton" not in text
    if res.shape == ():
        assert "N·m" in text
        # 4 significant digits: the knee moment as printed
        assert f"{float(res.knee.m_as('N*m')):.4g}" in text
    assert isinstance(res._repr_html_(), str)


def test_to_dict_is_json_with_units_in_the_keys(made):
    name, res = made
    d = res.to_dict()
    text = json.dumps(d, allow_nan=False)            # NaN written as null
    back = json.loads(text)
    assert back["result"] == type(res).__name__ and back["dims"] == list(res.dims)
    assert back["shape"] == list(res.shape)
    for j in res.moments.joints:
        got = np.asarray(back["moments_N_m"][j], dtype=float)   # None -> nan
        assert _same(got, res.moments.si(j)), (name, j)
    if res.moments._mass_kg is not None:
        assert set(back["moments_N_m_per_kg"]) == set(res.moments.joints)
    for key in back:
        # every numeric block names its unit (or is a count/flag/name)
        assert key in ("result", "dims", "shape", "feasible", "reason", "stance", "support", "exercise", "params",
                       "legs", "leg", "method", "joints") or re.search(r"_(N_m|N_m_per_kg|m|deg|s|Hz)$", key), key


def test_to_dataframe_one_row_per_element(made):
    name, res = made
    df = res.to_dataframe()
    assert len(df) == int(np.prod(res.shape)) if res.shape else len(df) == 1
    for d in res.dims:
        assert d in df.columns
    for j in res.moments.joints:
        assert _same(df[f"{j}_N_m"].to_numpy(), np.broadcast_to(res.moments.si(j), res.shape).reshape(-1))


def test_static_and_exercise_results_carry_arms_pose_and_feasibility(made):
    name, res = made
    if not isinstance(res, (bm.MomentResult, bm.statics.LegResult)):
        pytest.skip("only static, exercise and leg results have moment arms")
    assert isinstance(res.moment_arms, JointValues) and res.moment_arms.unit == "m"
    assert res.pose is not None
    assert np.shape(res.feasible) == res.shape and np.shape(res.reason) == res.shape
    feas = np.asarray(res.feasible, dtype=bool)
    assert np.all((np.asarray(res.reason, dtype=object) == "") == feas)


def test_to_dataframe_without_pandas_is_a_clear_error(monkeypatch):
    res = MAKERS["static"]()
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(bm.BiomechError, match="pandas"):
        res.to_dataframe()


# ------------------------------------------------------------------ one meaning of .moments
def test_exercise_result_is_a_static_result_with_parameters():
    sq = MAKERS["squat"]()
    assert isinstance(sq, bm.MomentResult)
    assert sq.params is sq.parameters and sq.params["load"].m_as("kg") == 100.0
    assert sq.moments.knee == sq.knee
    # the whole static interface on the exercise result itself
    assert set(sq.contributions) >= {"bar", "trunk"} and "net joint moment" in sq.table()


def test_old_spellings_still_answer_with_a_deprecation_warning():
    sq = MAKERS["squat"]()
    with pytest.warns(DeprecationWarning, match="moments.moments"):
        assert sq.moments.moments.knee == sq.knee
    with pytest.warns(DeprecationWarning, match="result.table"):
        assert sq.moments.table() == sq.table()
    gl = _gaitlab()
    with pytest.warns(DeprecationWarning, match="moments"):
        arr = gl.moment
    assert _same(arr.m_as("N*m")[:, 1], gl.knee.m_as("N*m"))
    # a static result's own JointValues does not forward anything
    with pytest.raises(AttributeError):
        MAKERS["static"]().moments.table


def test_split_result_legs_are_family_members():
    lg = MAKERS["lunge"]()
    assert set(lg.legs) == {"front", "rear"}
    assert lg.front.knee == lg.knee and lg.rear.lumbar == lg.lumbar == lg.front.lumbar
    bu = lg.bottom_up()
    for j in ("ankle", "knee", "hip"):
        assert float(lg.front.moments.si(j)) == pytest.approx(float(bu[j].m_as("N*m")), abs=1e-8)
    assert MAKERS["squat"]().legs == {}


def test_dims_name_the_axes():
    assert MAKERS["static"]().dims == ()
    assert MAKERS["static array"]().dims == ("pose_0", "pose_1")
    assert MAKERS["squat sweep"]().dims == ("knee_travel", "depth")
    assert MAKERS["rep path"]().dims == ("fraction",)
    assert MAKERS["inverse dynamics"]().dims == ("time",)
    assert MAKERS["gait lab"]().dims == ("time",)


def test_joint_values_repr_and_absent_joints():
    jv = JointValues.from_si({"ankle": 1.23456, "knee": 120.0, "hip": np.nan}, "N*m")
    assert repr(jv) == "JointValues(ankle=1.235 N·m, knee=120 N·m, hip=nan N·m)"
    assert jv.joints == ("ankle", "knee", "hip") and np.isnan(jv.lumbar.magnitude)
    assert jv.to_dict() == {"ankle": 1.23456, "knee": 120.0, "hip": None}
    with pytest.raises(bm.InputValueError, match="body mass"):
        jv.per_kg


# ------------------------------------------------------------------ the per-load table
_TABLE_CASES = {
    "two legs": lambda: bm.joint_moments(BODY, POSE, [bm.Barbell("100 kg")]),
    "single leg": lambda: bm.joint_moments(BODY, POSE, [bm.Barbell("100 kg")], stance="single_leg"),
    "squat": MAKERS["squat"],
    "lunge": MAKERS["lunge"],
    "split pose": MAKERS["static split"],
    "leg press": MAKERS["leg press"],
}


@pytest.mark.parametrize("case", list(_TABLE_CASES))
def test_per_load_table_multiplies_out(case):
    res = _TABLE_CASES[case]()
    rows = res.per_load()
    assert rows
    for r in rows:
        if np.isfinite(r["moment_arm_m"]):
            assert r["force_N"] * r["moment_arm_m"] == pytest.approx(r["moment_N_m"], rel=1e-9, abs=1e-9), r
        else:
            assert r["force_N"] < 1e-9 or np.isnan(r["moment_N_m"]), r
    # the contributions add up to the net joint moment
    for j in JOINTS:
        if j in res.model.held:
            continue
        total = sum(r["moment_N_m"] for r in rows if r["joint"] == j)
        assert total == pytest.approx(float(res.moments.si(j)), abs=1e-8)
    # the printed table: force x arm = moment on every row, to the printed digits; no nan anywhere
    text = res.table()
    assert "nan" not in text
    body = text.splitlines()[3:3 + len(res.contributions)]
    assert len(body) == len(res.contributions)
    for line in body:
        label = line[:22].strip()
        cells = [line[22 + 8 * i:22 + 8 * (i + 1)].strip() for i in range(12)]
        for k, j in enumerate(JOINTS):
            f, a, m = cells[3 * k:3 * k + 3]
            if f and a and m not in ("", "held"):
                assert float(f) * float(a) / 100.0 == pytest.approx(float(m), rel=3e-3, abs=0.02), (label, j, f, a, m)


def test_table_forces_are_per_leg():
    res = bm.joint_moments(BODY, POSE, [bm.Barbell("100 kg")])
    rows = {(r["load"], r["joint"]): r for r in res.per_load()}
    bar_weight = 100.0 * G
    for j in ("ankle", "knee", "hip"):
        assert rows[("bar", j)]["force_N"] == pytest.approx(bar_weight / 2)   # half on each leg
    assert rows[("bar", "lumbar")]["force_N"] == pytest.approx(bar_weight)  # the whole body's spine
    single = bm.joint_moments(BODY, POSE, [bm.Barbell("100 kg")], stance="single_leg")
    assert {(r["load"], r["joint"]): r for r in single.per_load()}[("bar", "knee")]["force_N"] == \
        pytest.approx(bar_weight)


def test_lunge_rear_ground_reaction_row_has_its_force():
    lg = MAKERS["lunge"]()
    row = [line for line in lg.table().splitlines() if line.startswith("rear ground reaction")]
    assert len(row) == 1 and "nan" not in row[0]
    rows = {(r["load"], r["joint"]): r for r in lg.per_load()}
    rear = np.hypot(*lg.model.ground_reaction(lg._sc)["rear"])
    assert rows[("rear ground reaction", "knee")]["force_N"] == pytest.approx(float(rear))


def test_cli_table_prints_the_library_numbers(capsys):
    from biomech.cli import main

    assert main(["pose", "--shank", "30deg", "--thigh", "90deg", "--trunk", "45deg", "--load", "100kg",
                 "--height", "178cm", "--mass", "80kg"]) == 0
    out = capsys.readouterr().out
    res = bm.joint_moments(BODY, POSE, [bm.Barbell("100 kg", "high_bar")])
    assert res.table() in out


# ------------------------------------------------------------------ when a request fails
def test_given_poses_never_raise_for_balance_arrays_mask():
    up = bm.PointForce(segment="trunk", along="0.3 m", force=Q_([0, 1000], "N"))
    one = bm.joint_moments(BODY, POSE, [up])
    assert one.feasible is False and one.reason == "lift_off" and np.all(np.isnan(one.cop.magnitude))
    many = bm.joint_moments(BODY, bm.Pose(shank="30 deg", thigh="90 deg", trunk="45 deg"),
                            [bm.PointForce(segment="trunk", along="0.3 m", force=Q_([[0, 0], [0, 1000]], "N"))])
    assert many.shape == (2,) and many.feasible.tolist() == [True, False]
    assert many.reason.tolist() == ["", "lift_off"]
    split = bm.joint_moments(BODY, SPLIT, front_share=0.0)
    assert split.feasible is False and split.reason == "balance"


def test_a_single_exercise_request_that_cannot_exist_raises_arrays_mask():
    with pytest.raises(bm.InfeasiblePoseError) as err:
        bm.exercises.squat(BODY, depth="90 deg", knee_travel="3 m", load="100 kg")
    assert err.value.reason
    sweep = bm.exercises.squat(BODY, depth="90 deg", knee_travel=Q_([5, 300], "cm"), load="100 kg")
    assert sweep.feasible.tolist() == [True, False] and sweep.reason[0] == "" and sweep.reason[1]
    assert np.isnan(sweep.knee.magnitude[1]) and np.isfinite(sweep.knee.magnitude[0])


# ------------------------------------------------------------------ one home for constants
def test_constants_have_one_home():
    from biomech import cues, gaitlab, loads, statics, timeseries
    from biomech.cues import chain
    from biomech.muscles import catalog

    assert statics.SIGN is ANATOMICAL_SIGN and gaitlab.ANATOMICAL_SIGN is ANATOMICAL_SIGN
    assert loads.G is G and gaitlab.G is G and chain.G is G
    assert statics.JOINTS is JOINTS and timeseries.JOINTS is JOINTS
    assert catalog.JOINTS == JOINTS[:3] and bm.body.SEGMENT_NAMES is bm.constants.SEGMENT_NAMES
    assert cues is not None


# ------------------------------------------------------------------ kernels
def test_kernels_share_one_naming_convention():
    from biomech import kernels

    for name in kernels.__all__:
        assert hasattr(kernels, name)
        assert name.endswith("_si") or name in ("StaticModel", "DynamicModel", "unit_edge"), name


def test_unit_edge_converts_and_names_the_argument():
    from biomech.kernels import joint_power_si, unit_edge

    power = unit_edge({"moment": "N*m", "extension_velocity": "rad/s"}, "W")(joint_power_si)
    assert power(Q_(100.0, "N*m"), "3 rad/s").m_as("W") == pytest.approx(300.0)
    assert power.kernel is joint_power_si
    with pytest.raises(bm.UnitError, match="moment"):
        power(100.0, "3 rad/s")


def test_joint_moments_reuses_its_model_only_for_the_same_inputs():
    from biomech.mechanics import statics

    bar = bm.Barbell("100 kg")
    a = bm.joint_moments(BODY, POSE, [bar])
    b = bm.joint_moments(BODY, POSE, [bar])
    c = bm.joint_moments(BODY, POSE, [bm.Barbell("100 kg")])
    d = bm.joint_moments(BODY, POSE, [bm.Barbell("120 kg")])
    assert a.model is b.model and c.model is not a.model
    assert a.knee == c.knee and d.knee != a.knee
    assert len(statics._MODELS) <= statics._MODELS_KEPT


# ------------------------------------------------------------------ inverse dynamics fast path
@pytest.mark.parametrize("stance, support, loads", [
    ("both", "feet", [bm.Barbell("80 kg")]),
    ("single_leg", "feet", [bm.HandLoad("20 kg")]),
    ("both", "pelvis", [bm.PointMass(segment="shank", along="0.3 m", mass="5 kg")]),
    ("both", "backrest", []),
])
def test_inverse_dynamics_fast_path_equals_the_item_route(stance, support, loads):
    from biomech.mechanics.dynamics import DynamicModel
    from biomech.mechanics.statics import StaticModel

    rng = np.random.default_rng(3)
    n = 5000  # more than one block
    segs = ("foot", "shank", "thigh", "trunk", "arms")
    ang = {k: rng.uniform(-0.5, 1.5, n) for k in segs}
    omega = {k: rng.uniform(-3, 3, n) for k in segs}
    alpha = {k: rng.uniform(-20, 20, n) for k in segs}
    dyn = DynamicModel(StaticModel(BODY, loads, stance, support))
    total, static = dyn.moments_fast(ang, omega, alpha)
    slow = dyn.moments(ang, omega, alpha)
    still = dyn.statics.moments(ang)
    for j in JOINTS:
        assert _same(np.isnan(total[j]), np.isnan(slow[j]))
        ok = np.isfinite(slow[j])
        np.testing.assert_allclose(total[j][ok], slow[j][ok], rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(static[j][ok], np.asarray(still[j])[ok], rtol=1e-9, atol=1e-9)


def test_rep_path_of_a_sweep_names_the_fraction_axis_first():
    path = bm.exercises.rep_path("squat", BODY, depth=Q_([60, 90], "deg"), load="60 kg", n=3)
    assert path.shape == (3, 2) and path.dims == ("fraction", "depth")
    grid = bm.exercises.squat(BODY, depth=Q_([[60, 70], [80, 90]], "deg"), load="60 kg")
    assert len(set(grid.dims)) == 2
