"""The Rajagopal-Lai-Uhlrich (2023) tables, their reader, the 40-muscle force sharing and its contact forces."""

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from biomech.errors import InputValueError
from biomech.muscles import muscle_demand
from biomech.muscles.rajagopal import (EXTRAPOLATION_LIMIT_DEG, GROUPS, KEYS, NAMES, interpolation_error,
                                       tables)
from biomech.muscles.rajagopal_demand import (antagonist_moment, arm_scale_factors, group_sums, max_forces,
                                              patellofemoral_rajagopal, rajagopal_demand_si, share_band)
from biomech.muscles.sharing import objective, share_activations, share_activations_scipy, share_minmax

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT.parent / "shared" / "data" / "opensim-rajagopal" / "RajagopalLaiUhlrich2023.osim"
HAS_OPENSIM = importlib.util.find_spec("opensim") is not None


def _script():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import tabulate_rajagopal
    finally:
        sys.path.pop(0)
    return tabulate_rajagopal


@pytest.fixture(scope="module")
def osim_model(tmp_path_factory):
    if not HAS_OPENSIM:
        pytest.skip("opensim is not installed (pip install -e '.[opensim]')")
    if not MODEL.is_file():
        pytest.skip(f"the model file is kept out of the repository and was not found at {MODEL}")
    import os
    cwd = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("opensim"))  # opensim.log goes there
    try:
        s = _script()
        model, state = s.load_model(MODEL, clamp=False)
        yield s, model, state
    finally:
        os.chdir(cwd)


# --- the tables ------------------------------------------------------------------------

def test_tables_are_stamped_with_the_model_and_opensim():
    meta = tables().meta
    assert meta["model_sha256"] == "8f30d0b64750b87eb7f705907862590535212b4afd7e919faa3fd7d1683d22ec"
    assert meta["opensim_version"].startswith("4.6")
    assert meta["grid_deg"] == {"hip": [-30.0, 120.0, 5.0], "knee": [0.0, 140.0, 5.0], "ankle": [-50.0, 50.0, 5.0]}
    data = ROOT / "src" / "biomech" / "data" / "rajagopal"
    assert sum(f.stat().st_size for f in data.iterdir()) < 3e6  # a few MB at most
    for folder in ("src", "scripts", "tests", "docs", "notebooks", "benchmarks"):  # the model file stays out
        assert not list((ROOT / folder).rglob("*.osim")), folder


def test_muscle_set_and_groups():
    t = tables()
    assert len(KEYS) == 40 and len(set(KEYS)) == 40
    assert "biceps_femoris_short_head" not in GROUPS["hamstrings"]
    assert t.joints["biceps_femoris_short_head"] == ("knee",)
    assert t.joints["biceps_femoris_long_head"] == ("hip", "knee")
    assert t.joints["gastrocnemius_medial"] == ("knee", "ankle")
    for g, members in GROUPS.items():
        assert set(members) <= set(KEYS) and g in NAMES
    # every key the cue code and figures use exists as a muscle or a group
    for k in ("vasti", "rectus_femoris", "gluteus_maximus", "hamstrings", "adductor_magnus", "iliopsoas",
              "gastrocnemius", "soleus", "tibialis_anterior", "quadriceps", "triceps_surae"):
        assert k in KEYS or k in GROUPS


def test_signs_in_library_convention():
    r, _, _ = tables().evaluate([45.0], [60.0], [0.0])
    arm = {k: r[0, :, i] for i, k in enumerate(KEYS)}
    assert arm["vastus_lateralis"][1] > 0.015          # knee extensor
    assert arm["biceps_femoris_long_head"][1] < -0.015  # knee flexor
    assert arm["biceps_femoris_long_head"][2] > 0.03   # hip extensor
    assert arm["gluteus_maximus_inferior"][2] > 0.03
    assert arm["iliacus"][2] < -0.02                   # hip flexor
    assert arm["soleus"][0] > 0.03                     # plantarflexor
    assert arm["tibialis_anterior"][0] < -0.03         # dorsiflexor
    assert arm["adductor_longus"][3] > 0.02            # adductor (OpenSim sign)
    assert arm["gluteus_medius_middle"][3] < -0.02     # abductor


def test_interpolation_error_stated_bound():
    err = interpolation_error()
    assert max(e["arm"] for k, e in err.items() if k != "rectus_femoris") < 0.5e-3
    assert err["rectus_femoris"]["arm"] < 3e-3    # next to its wrapping artefact at 137-140 deg knee
    assert max(e["length"] for e in err.values()) < 1e-3
    # the wrapping artefact replaced in the tables: rectus femoris at the end of the knee range only
    assert {(k, row) for k, row, *_ in tables().repaired} == {("rectus_femoris", "knee")}


def test_every_moment_arm_continuous_over_the_range():
    """Continuity over the whole range: halving the sampling step halves the largest change
    between neighbouring poses (a jump would not shrink), and no change exceeds 2.5 mm per
    0.5 deg (the steepest arms in the tables: the long toe extensors near full dorsiflexion,
    about 2.2 mm per 0.5 deg, where their paths start to wrap; elsewhere under 1.5 mm)."""
    def steps(d):
        h = np.arange(-30.0, 120.001, d)
        k = np.arange(0.0, 140.001, d)
        a = np.arange(-50.0, 50.001, d)
        out = []
        for hip, knee, ankle in ((h, np.full_like(h, 60.0), np.zeros_like(h)),
                                 (np.full_like(k, 45.0), k, np.full_like(k, 10.0)),
                                 (np.full_like(k, 100.0), k, np.full_like(k, -20.0)),
                                 (np.zeros_like(a), np.full_like(a, 30.0), a)):
            r, L, _ = tables().evaluate(hip, knee, ankle)
            out.append((np.abs(np.diff(r, axis=0)).max(axis=0), np.abs(np.diff(L, axis=0)).max()))
        return out
    for (r1, l1), (r2, l2) in zip(steps(0.5), steps(0.25)):
        assert r1.max() < 2.5e-3
        assert np.all(r2 <= 0.6 * r1 + 1e-6)
        assert l2 <= 0.6 * l1 + 1e-9


def test_beyond_range_flagged_and_extended_linearly():
    t = tables()
    hips = np.array([120.0, 125.0, 130.0, 150.0, 170.0])
    r, L, beyond = t.evaluate(hips, np.full(5, 60.0), np.zeros(5))
    assert beyond[:, 0].tolist() == [False, True, True, True, True]
    assert not beyond[:, 1:].any()
    # linear beyond (equal steps at 120, 125, 130) wherever the extension does not reach zero
    lin = np.all(r[:3] * r[0] > 0, axis=0) | (r[0] == 0)
    np.testing.assert_allclose((r[2] - r[1])[lin], (r[1] - r[0])[lin], atol=1e-9)
    np.testing.assert_allclose(L[2] - L[1], L[1] - L[0], atol=1e-9)
    # never a change of sign by extrapolation: a flexor stays a flexor (or reaches zero)
    assert np.all(r[1:] * r[0] >= 0)
    assert np.any(~lin)  # some arms do reach zero (the hip flexors near 120 deg)
    # held beyond the extrapolation limit
    np.testing.assert_allclose(r[3], r[4], atol=1e-12)
    assert 120.0 + EXTRAPOLATION_LIMIT_DEG == 150.0
    # continuous at the range end
    r0, _, _ = t.evaluate([119.999, 120.001], [60.0, 60.0], [0.0, 0.0])
    assert np.abs(r0[1] - r0[0]).max() < 1e-5
    # deep knee flexion: the knee flexors keep their sign past 140 deg
    k = np.array([140.0, 150.0, 170.0])
    r, _, b = t.evaluate(np.full(3, 90.0), k, np.full(3, 20.0))
    assert b[:, 1].tolist() == [False, True, True]
    for key in ("semimembranosus", "semitendinosus", "biceps_femoris_short_head", "gastrocnemius_medial"):
        assert np.all(r[:, 1, KEYS.index(key)] <= 0.0), key


def test_extrapolation_against_opensim_beyond_range():
    """OpenSim's own geometry with clamping off (stored by the script) at 125-135 deg hip
    flexion: the linear extension stays within 5 mm (arms) and 10 mm (lengths), the hip flexors
    apart (OpenSim turns them into extensors there; the extension stops them at zero). A
    characterisation of the stated extrapolation, not a validation: the model was not built
    for those angles."""
    t = tables()
    bh = t.beyond_hip
    keep = bh["hip_deg"] <= 135.0
    h = bh["hip_deg"][keep]
    r, L, _ = t.evaluate(h, np.zeros_like(h), np.zeros_like(h))
    for k, v in bh["values"].items():
        i = KEYS.index(k)
        assert np.abs(L[:, i] - v[keep, 1]).max() < 10e-3, k
        if k in ("iliacus", "psoas"):
            # OpenSim's own paths turn these hip flexors into extensors of up to 31 mm past
            # 120 deg (their wrap at the pelvic brim); the extension stops them at zero instead
            assert np.all(-v[keep, 0][1:] > 0) and np.all(r[1:, 2, i] == 0.0), k
            continue
        assert np.abs(r[:, 2, i] + v[keep, 0]).max() < 5e-3, k   # library sign = -OpenSim


def test_bad_angles_raise():
    with pytest.raises(InputValueError, match="finite"):
        tables().evaluate([np.nan], [0.0], [0.0])
    with pytest.raises(InputValueError):
        tables().evaluate(["x"], [0.0], [0.0])


# --- OpenSim recompute ------------------------------------------------------------------

def test_opensim_recomputes_the_tables(osim_model):
    s, model, state = osim_model
    cs = model.getCoordinateSet()
    rng = np.random.default_rng(3)
    t = tables()
    coord = {0: "ankle_angle_r", 1: "knee_angle_r", 2: "hip_flexion_r", 3: "hip_adduction_r", 4: "hip_rotation_r"}
    sign = {0: -1, 1: -1, 2: -1, 3: 1, 4: 1}
    names = {v[0]: k for k, v in __import__("biomech.muscles.rajagopal", fromlist=["MODEL_NAMES"]).MODEL_NAMES.items()}
    for _ in range(12):
        hip, knee, ankle = rng.uniform(-25, 115), rng.uniform(5, 130), rng.uniform(-45, 45)
        s.set_pose(model, state, hip, knee, ankle)
        r, L, _ = t.evaluate([hip], [knee], [ankle])
        for key in ("vastus_lateralis", "rectus_femoris", "gluteus_maximus_middle", "biceps_femoris_long_head",
                    "biceps_femoris_short_head", "adductor_magnus_ischial", "soleus", "gastrocnemius_medial"):
            mu = model.getMuscles().get(names[key] + "_r")
            i = KEYS.index(key)
            assert abs(mu.getLength(state) - L[0, i]) < 1e-3, key
            for row in range(5):
                if r[0, row, i] != 0.0:
                    assert abs(sign[row] * mu.computeMomentArm(state, cs.get(coord[row])) - r[0, row, i]) < 1e-3, \
                        (key, row, hip, knee, ankle)


def test_opensim_recomputes_the_lines_of_action_at_the_tibia(osim_model):
    """The tabulated lines of action at the tibia (the pull of each knee-crossing muscle other than
    the quadriceps on the leg below the knee) against OpenSim's path at random poses between the
    grid nodes. Tolerance fixed before the comparison: 2 deg."""
    from biomech.muscles.rajagopal import MODEL_NAMES
    from biomech.muscles.rajagopal_demand import KNEE_CROSSERS
    s, model, state = osim_model
    t = tables()
    assert {k for keys, _ in t.tibia_lines.values() for k in keys} == set(KNEE_CROSSERS)
    names = {v[0]: k for k, v in MODEL_NAMES.items()}
    rng = np.random.default_rng(5)
    for _ in range(10):
        hip, knee, ankle = rng.uniform(-25, 115), rng.uniform(5, 135), rng.uniform(-45, 45)
        s.set_pose(model, state, hip, knee, ankle)
        ours = t.tibia_directions([hip], [knee], [ankle])
        for key in KNEE_CROSSERS:
            ref = s.tibia_line_of_action(model, state, model.getMuscles().get(names[key] + "_r"))
            u = ours[key][0]
            angle = np.degrees(np.arccos(np.clip(u @ ref, -1.0, 1.0)))
            assert angle < 2.0, (key, hip, knee, ankle, u, ref)


def test_tibiofemoral_uses_the_lines_of_action():
    """A hamstring force at 90 deg of knee flexion pulls the tibia back, almost across the shank
    (the model's semimembranosus line there is within 5 deg of the shank's normal): shear, not
    compression, unlike the along-the-shank estimate used without the lines."""
    from biomech.muscles.rajagopal_demand import tibiofemoral_rajagopal
    f = {k: np.zeros(1) for k in KEYS}
    f["semimembranosus"] = np.array([1000.0])
    c, sh = tibiofemoral_rajagopal(f, np.array([90.0]), np.array([0.0]), np.array([0.0]))
    assert abs(c[0]) < 1000.0 * np.sin(np.radians(5.0)) and sh[0] < -1000.0 * np.cos(np.radians(5.0))
    c0, sh0 = tibiofemoral_rajagopal(f, np.array([90.0]))             # without the lines: along the shank
    assert c0[0] == pytest.approx(1000.0) and sh0[0] == 0.0


def test_trap_clamped_coordinates(osim_model):
    """Trap 1: with the model's own clamping an angle beyond the range is silently moved to
    the range end when the model assembles; the script's model has clamping off."""
    s, model, state = osim_model
    held = s.set_pose(model, state, 0.0, 150.0, 0.0)
    assert abs(np.degrees(held["knee_angle_r"]) - 150.0) < 1e-6
    clamped, cstate = s.load_model(MODEL, clamp=True)
    held = s.set_pose(clamped, cstate, 0.0, 150.0, 0.0)
    assert abs(np.degrees(held["knee_angle_r"]) - 140.0) < 0.01


def test_trap_patella_coupling(osim_model):
    """Trap 2: the quadriceps arm read with the patella assembled to the knee equals
    -dL/d(knee) along the coupled motion; read without assembling, it does not."""
    s, model, state = osim_model
    cs = model.getCoordinateSet()
    knee = cs.get("knee_angle_r")
    vl = model.getMuscles().get("vaslat_r")
    held = s.set_pose(model, state, 0.0, 90.0, 0.0)
    assert abs(held["knee_angle_r_beta"] - held["knee_angle_r"]) < 1e-6  # the patella followed
    arm = vl.computeMomentArm(state, knee)
    h = np.radians(0.01)
    s.set_pose(model, state, 0.0, 90.0 + 0.01, 0.0)
    l1 = vl.getLength(state)
    s.set_pose(model, state, 0.0, 90.0 - 0.01, 0.0)
    l0 = vl.getLength(state)
    assert abs(arm + (l1 - l0) / (2 * h)) < 1e-5
    # the trap: set the knee without enforcing the constraint (patella left at 0 deg)
    s.set_pose(model, state, 0.0, 0.0, 0.0)
    knee.setValue(state, np.radians(90.0), False)
    cs.get("knee_angle_r_beta").setValue(state, 0.0, False)
    model.realizePosition(state)
    assert abs(vl.computeMomentArm(state, knee) - arm) > 5e-3


# --- force sharing ----------------------------------------------------------------------

def _problem(n, seed=0, hold=True):
    rng = np.random.default_rng(seed)
    hip, knee, ankle = rng.uniform(0, 110, n), rng.uniform(10, 130, n), rng.uniform(-20, 30, n)
    M = np.stack([rng.uniform(-20, 120, n), rng.uniform(-80, 250, n), rng.uniform(-40, 300, n)], axis=1)
    out = rajagopal_demand_si(hip, knee, ankle, M)
    A = out["arms"] * out["max_force"][:, None, :]
    Mf = np.concatenate([M, np.zeros((n, 2))], axis=1)
    return (A, Mf) if hold else (A[:, :3], M)


@pytest.mark.parametrize("p", [2, 3])
def test_sharing_matches_slsqp(p):
    A, M = _problem(25, seed=p)
    ours = share_activations(A, M, p)
    ref = share_activations_scipy(A, M, p)
    assert np.abs(np.einsum("njk,nk->nj", A, ours) - M).max() < 1e-5
    # ours is at least as good as SLSQP's on the same problem, and the two agree
    assert np.all(objective(ours, p) <= objective(ref, p) * (1 + 1e-6) + 1e-9)
    np.testing.assert_allclose(ours, ref, atol=2e-3)


def test_minmax_lowers_the_largest_activation():
    A, M = _problem(10, seed=5)
    mm = share_minmax(A, M)
    assert np.abs(np.einsum("njk,nk->nj", A, mm) - M).max() < 1e-6 * np.abs(M).max()
    for p in (2, 3):
        assert np.all(mm.max(axis=1) <= share_activations(A, M, p).max(axis=1) + 1e-7)


def test_band_contains_each_method():
    M = np.array([[50.0, 150.0, 220.0]])
    b = share_band([100.0], [110.0], [20.0], M, mass_kg=80.0)
    for m, d in b["by_method"].items():
        for j in ("knee", "hip"):
            for g in ("quadriceps", "glutes", "hamstrings", "adductor_magnus"):
                assert b["low"][j][g][0] - 1e-12 <= d[j][g][0] <= b["high"][j][g][0] + 1e-12


def test_frontal_moments_held_or_reported():
    M = np.array([[50.0, 150.0, 220.0]])
    default = rajagopal_demand_si([100.0], [110.0], [20.0], M, mass_kg=80.0)          # adduction held
    both = rajagopal_demand_si([100.0], [110.0], [20.0], M, mass_kg=80.0, hold_frontal=True)
    free = rajagopal_demand_si([100.0], [110.0], [20.0], M, mass_kg=80.0, hold_frontal=False)
    assert abs(default["unbalanced"][0, 0]) < 1e-4 and abs(default["unbalanced"][0, 1]) > 10.0
    assert np.abs(both["unbalanced"]).max() < 1e-4
    assert np.abs(free["unbalanced"]).max() > 10.0     # the adductors' unopposed adduction moment
    for out in (default, both, free):
        assert np.abs(out["residual"]).max() < 1e-4
    # a held non-zero value is met too
    h = rajagopal_demand_si([100.0], [110.0], [20.0], M, hip_frontal=np.array([[20.0, -5.0]]), hold_frontal=True)
    assert np.abs(h["unbalanced"]).max() < 1e-4
    with pytest.raises(InputValueError, match="hold_frontal"):
        rajagopal_demand_si([100.0], [110.0], [20.0], M, hold_frontal="rotation")


def test_holding_the_rotation_moment_drafts_the_rectus_femoris():
    """Why the rotation moment is not held by default: the model has no deep external rotators, so
    at 120 deg of hip flexion (100 kg parallel squat moments of the reference body, per leg) holding
    it at zero drafts the rectus femoris into the knee moment and raises the largest activation;
    holding the adduction moment alone does not."""
    M = np.array([[71.0, 109.0, 233.0]])
    kw = dict(mass_kg=80.0)
    add = rajagopal_demand_si([120.0], [118.0], [28.0], M, **kw)
    both = rajagopal_demand_si([120.0], [118.0], [28.0], M, hold_frontal=True, **kw)
    rf = lambda o: group_sums(o["share"][:, 1])["rectus_femoris"][0]  # noqa: E731
    assert rf(add) < 0.05 < 0.3 < rf(both)
    assert add["activation"].max() < both["activation"].max()


def test_co_contraction_is_the_antagonists_moment():
    M = np.array([[50.0, 150.0, 220.0]])
    out = rajagopal_demand_si([100.0], [110.0], [20.0], M)
    contrib = out["arms"][:, :3] * out["force"][:, None, :]
    neg = -np.where(contrib * np.sign(M)[..., None] < 0, contrib * np.sign(M)[..., None], 0).sum(-1)
    np.testing.assert_allclose(out["antagonist"], neg, atol=1e-6)
    assert out["antagonist"][0, 1] > 0   # the hamstrings' knee-flexor moment in this pose


@settings(max_examples=30, deadline=None)
@given(st.floats(-100, 100), st.floats(-100, 100))
def test_antagonist_property(a, b):
    c = np.array([[[a, b]]])
    m = np.array([[a + b]])
    v = float(antagonist_moment(c, m)[0, 0])
    assert v >= 0 and abs(v - min(abs(a), abs(b)) * (a * b < 0)) < 1e-9


def test_soleus_share_seated_above_standing():
    M = np.array([[60.0, 0.0, 0.0], [60.0, 0.0, 0.0]])
    out = rajagopal_demand_si([0.0, 90.0], [0.0, 90.0], [0.0, 0.0], M)
    sol = group_sums(out["share"][:, 0])["soleus"]
    assert sol[1] > sol[0] + 0.1


def test_scaling_of_arms_and_strength():
    b = tables().body
    f = arm_scale_factors({"thigh": 2 * b["thigh_m"], "shank": b["shank_m"]})
    np.testing.assert_allclose(f, [1.0, 1.5, 2.0, 2.0, 2.0])
    np.testing.assert_allclose(max_forces(2 * b["mass_kg"]), 2 * tables().max_isometric_force)
    F = max_forces(None, {"soleus": 5000.0})
    assert F[KEYS.index("soleus")] == 5000.0
    with pytest.raises(InputValueError, match="not a muscle"):
        max_forces(None, {"glutes": 1.0})
    with pytest.raises(InputValueError, match="mass_kg"):
        max_forces(-1.0)
    # a bigger lifter's longer arms need less force for the same moments
    M = np.array([[40.0, 120.0, 150.0]])
    small = rajagopal_demand_si([90.0], [90.0], [10.0], M)
    big = rajagopal_demand_si([90.0], [90.0], [10.0], M, lengths={"thigh": 1.1 * b["thigh_m"],
                                                                  "shank": 1.1 * b["shank_m"]})
    assert big["force"].sum() < small["force"].sum()


# --- contact ----------------------------------------------------------------------------

def test_patellofemoral_geometry():
    quads = ("vastus_medialis", "vastus_lateralis", "vastus_intermedius", "rectus_femoris")
    k = np.array([0.0, 30.0, 60.0, 90.0, 120.0, 140.0])
    f = {q: np.full(k.shape, 250.0) for q in quads}
    pf, tf = patellofemoral_rajagopal(f, k)
    assert np.all(pf > 0) and np.all(pf < 2.0 * 1000.0)
    assert np.all(tf[:2] == 0) and tf[-1] > 300.0     # tendofemoral contact only in deep flexion
    # linear in the quadriceps force
    pf2, tf2 = patellofemoral_rajagopal({q: 2 * v for q, v in f.items()}, k)
    np.testing.assert_allclose(pf2, 2 * pf)


# --- through muscle_demand --------------------------------------------------------------

@pytest.fixture(scope="module")
def reference_body():
    import biomech as bm
    return bm.Body.from_anthropometrics("178 cm", "80 kg")


def test_muscle_demand_rajagopal(reference_body):
    from biomech.exercises import squat
    r = squat(reference_body, depth="parallel", load="100 kg", bar="high_bar")
    d = muscle_demand(r, model="rajagopal2023", band=True)
    assert d.model == "rajagopal2023"
    for k in ("quadriceps", "glutes", "hamstrings", "biceps_femoris_short_head", "adductor_magnus", "soleus"):
        assert k in d.force and d.force[k].units == d.force["soleus"].units
    total = sum(float(d.share["knee"][k]) for k in KEYS)
    assert abs(total - 1.0) < 1e-6
    assert float(d.unbalanced["hip_adduction"].to("N*m").magnitude) == pytest.approx(0.0, abs=1e-3)
    # the typical lumbopelvic rhythm: hip flexion (thigh to pelvis) 115.3 deg, inside the model's 120 deg
    assert float(np.degrees(r.pose.joint_angles_rad()["hip"])) == pytest.approx(115.26, abs=0.05)
    assert not bool(d.beyond_range["hip"])
    assert not any("beyond the model's range" in n for n in d.notes)
    # a rigid trunk (lumbar_flexion="0 deg"): hip flexion = thigh + trunk = 127.9 deg, past 120 deg: flagged
    rigid = muscle_demand(squat(reference_body, depth="parallel", load="100 kg", bar="high_bar",
                                lumbar_flexion="0 deg"), model="rajagopal2023")
    assert bool(rigid.beyond_range["hip"])
    assert any("beyond the model's range" in n for n in rigid.notes)
    assert set(d.band["antagonist"]) == {2, 3, "minmax"}
    assert float(d.band["antagonist"]["minmax"]["knee"].to("N*m").magnitude) >= 0.0
    lo, hi = float(d.band["low"]["hip"]["glutes"]), float(d.band["high"]["hip"]["glutes"])
    assert lo <= float(d.share["hip"]["glutes"]) + 1e-9 <= hi + 2e-9
    with pytest.raises(InputValueError, match="model"):
        muscle_demand(r, model="delp")
    with pytest.raises(InputValueError, match="classic"):
        muscle_demand(r, model="rajagopal2023", muscles=())


def test_thigh_calf_contact_passed_to_the_muscles(reference_body):
    from biomech.exercises import squat
    r = squat(reference_body, depth="120 deg", load=None, bar=None)
    assert float(r.extras["thigh_calf_force"].to("N").magnitude) > 0
    on = muscle_demand(r, model="rajagopal2023")
    off = muscle_demand(r, model="rajagopal2023", thigh_calf=False)
    assert float(on.force["quadriceps"].magnitude) < float(off.force["quadriceps"].magnitude)
    assert float(on.thigh_calf_force.to("N").magnitude) > 0


def test_held_deep_squat_patellofemoral_glitsch2022(reference_body):
    """Validation row. A held deep bodyweight squat with thigh-calf contact: Glitsch (2022)
    models the patellofemoral force near 1 x body weight. Tolerance (an assumption: no
    between-subject spread was available) +-0.5 x BW. The pose is the one the row was set with
    (5 cm of knee travel, pressure at the midfoot: the squat's defaults then); with the squat's
    typical technique, now the default, the shin leans to the 40 deg dorsiflexion limit and the
    force is about 2.4 x BW."""
    from biomech.exercises import squat
    r = squat(reference_body, depth="120 deg", load=None, bar=None, knee_travel="5 cm", cop="midfoot")
    d = muscle_demand(r, model="rajagopal2023")
    bw = 80.0 * 9.81
    assert abs(float(d.patellofemoral.to("N").magnitude) / bw - 1.0) <= 0.5


# --- validation row: OpenSim's static-optimisation formulation ---------------------------

@pytest.mark.parametrize("pose, moments", [((100.0, 110.0, 25.0), (50.0, 200.0, 250.0)),
                                           ((60.0, 60.0, 10.0), (30.0, 100.0, 150.0))])
def test_group_shares_against_opensim_static_optimisation(osim_model, pose, moments):
    """Validation row, tolerance fixed before the comparison: 10 percentage points per group
    (quadriceps of the knee moment; glutes, hamstrings, adductors of the hip moment), against
    OpenSim's static-optimisation formulation on the same model and pose (non-sagittal
    coordinates locked, so compared with hold_frontal=False; reserve actuators of 1 N*m optimal
    force; scripts/validate_rajagopal_so.py). Unscaled model, the model's own mass."""
    s, model, state = osim_model
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import validate_rajagopal_so as v
    finally:
        sys.path.pop(0)
    from biomech.muscles.rajagopal import MODEL_NAMES
    forces, reserves, R = v.opensim_static_optimisation(model, state, *pose, moments)
    names = list(forces)
    F = np.array([forces[n] for n in names])
    contrib = R * F[None, :]                       # (3, 40) library signs
    key_of = {n: MODEL_NAMES[n][0] for n in names}
    ref = {}
    for j, jj in (("knee", 1), ("hip", 2)):
        for g in ("quadriceps", "glutes", "hamstrings", "adductors"):
            ref[(j, g)] = sum(contrib[jj, i] for i, n in enumerate(names) if key_of[n] in GROUPS[g]) / moments[jj]
    ours = rajagopal_demand_si(*[np.array([x]) for x in pose], np.array([moments]), hold_frontal=False)
    share = {j: group_sums(ours["share"][:, jj]) for j, jj in (("knee", 1), ("hip", 2))}
    assert np.abs(reserves).max() < 5.0
    for (j, g), value in ref.items():
        if (j, g) in (("knee", "quadriceps"), ("hip", "glutes"), ("hip", "hamstrings"), ("hip", "adductors")):
            assert abs(float(share[j][g][0]) - value) <= 0.10, (j, g, float(share[j][g][0]), value)


@pytest.mark.xfail(strict=True, reason=(
    "missed, one of the three orderings: at mid-depth the sharing gives vastus lateralis 0.91, lower gluteus "
    "maximus 0.54, upper 0.68, biceps femoris long head 0.40, so the vastus lateralis comes first and the biceps "
    "femoris last as in the EMG, but the upper gluteus maximus is above the lower. Static optimisation of a held "
    "pose loads the muscles with the largest hip arm per unit strength and knows nothing of EMG normalisation, "
    "while the study averages over a moving repetition with an unknown load"))
def test_activation_ranking_against_squat_emg_contreras2015():
    """Validation row (direction, fixed before the comparison). Contreras, Vigotsky,
    Schoenfeld, Beardsley & Cronin (2015, J Appl Biomech 31:452, abstract): 13 trained women
    (164 cm, 58.2 kg), back squat at an estimated 10RM, mean EMG over the repetition in %MVC:
    vastus lateralis 110 %, lower gluteus maximus 45.4 %, upper gluteus maximus 29.4 %, biceps
    femoris 14.9 %. Compared: the ranking of the model's activations at mid-depth (thigh 60 deg
    from vertical; the 10RM load is not in the abstract: 1 x body weight on a high bar, an
    assumption): vastus lateralis above the lower gluteus maximus, the lower above the upper
    gluteus maximus, and the upper gluteus maximus above the biceps femoris long head."""
    import biomech as bm
    from biomech.exercises import squat
    body = bm.Body.from_anthropometrics("164 cm", "58.2 kg", sex="female")
    r = squat(body, depth="60 deg", load="58.2 kg", bar="high_bar")
    d = muscle_demand(r, model="rajagopal2023")
    a = d.activation
    assert float(a["vastus_lateralis"]) > float(a["gluteus_maximus_inferior"])
    assert float(a["gluteus_maximus_inferior"]) > float(a["gluteus_maximus_superior"])
    assert float(a["gluteus_maximus_superior"]) > float(a["biceps_femoris_long_head"])


def test_muscle_demand_rajagopal_options_and_bad_input(reference_body):
    from biomech.exercises import squat
    from biomech.units import Q_
    r = squat(reference_body, depth="60 deg", load="60 kg", bar="high_bar")
    mm = muscle_demand(r, model="rajagopal2023", p="minmax")
    two = muscle_demand(r, model="rajagopal2023", p=2)
    worst = lambda d: max(float(d.activation[k]) for k in KEYS)  # noqa: E731
    assert worst(mm) <= worst(two) + 1e-6
    own = muscle_demand(r, model="rajagopal2023", max_force={"soleus": Q_(9000.0, "N")})
    assert float(own.activation["soleus"]) < float(two.activation["soleus"]) + 1e-12
    held = muscle_demand(r, model="rajagopal2023", hip_frontal=Q_([10.0, 0.0], "N*m"))
    assert float(held.unbalanced["hip_adduction"].to("N*m").magnitude) == pytest.approx(0.0, abs=1e-3)
    free = muscle_demand(r, model="rajagopal2023", hold_frontal=False)
    assert abs(float(free.unbalanced["hip_adduction"].to("N*m").magnitude)) > 1.0
    with pytest.raises(InputValueError, match="hip_frontal"):
        muscle_demand(r, model="rajagopal2023", hip_frontal=Q_([1.0, 2.0, 3.0], "N*m"))
    with pytest.raises(InputValueError, match="p="):
        muscle_demand(r, model="classic", p="minmax")
    with pytest.raises(InputValueError, match="band"):
        muscle_demand(r, model="rajagopal2023", band="yes")
    with pytest.raises(InputValueError, match="p="):
        rajagopal_demand_si([0.0], [0.0], [0.0], np.zeros((1, 3)), p=4)
    with pytest.raises(InputValueError, match="moments"):
        rajagopal_demand_si([0.0], [0.0], [0.0], np.zeros((2, 3)))


def test_tibiofemoral_from_the_shank_free_body(reference_body):
    """The femur's push on the tibia balances the shank: with the thigh side's load along the
    shank and no muscle force it is that load; in a squat it adds the weight above the knee
    (per leg, along the shank) to the muscle-only estimate."""
    from biomech.exercises import squat
    from biomech.muscles.rajagopal_demand import tibiofemoral_free_body, tibiofemoral_rajagopal
    zero = {k: np.zeros(2) for k in KEYS}
    c, s = tibiofemoral_free_body(zero, np.zeros(2), np.array([0.0, 0.5]), np.array([[0.0, -350.0], [0.0, -350.0]]))
    np.testing.assert_allclose(c, [350.0, 350.0 * np.cos(0.5)])
    np.testing.assert_allclose(s, [0.0, -350.0 * np.sin(0.5)])
    r = squat(reference_body, depth="60 deg", load="100 kg", bar="high_bar")
    d = muscle_demand(r, model="rajagopal2023")
    forces = {k: np.atleast_1d(d.force[k].to("N").magnitude) for k in KEYS}
    ja = {j: np.atleast_1d(np.degrees(v)) for j, v in r.pose.joint_angles_rad().items()}
    muscle_only, _ = tibiofemoral_rajagopal(forces, ja["knee"], ja["hip"], ja["ankle"])
    above = -float(r.resultant_forces.knee.to("N").magnitude[1])     # weight above the knee, per leg
    expected = muscle_only[0] + above * np.cos(float(r.pose.shank_rad))
    assert float(d.tibiofemoral_compression.to("N").magnitude) == pytest.approx(expected, rel=1e-9)
    assert not any("muscle forces alone" in n for n in d.notes)


# --- the default model, and the hip angle it reads ----------------------------------------

class _AnglesOnly:
    """A pose that gives only its joint angles (deg in, rad out), as a pose with a pelvis
    would: the hip angle need not be thigh + trunk."""

    def __init__(self, ankle, knee, hip):
        self._a = (ankle, knee, hip)

    def joint_angles_rad(self):
        return dict(zip(("ankle", "knee", "hip"), (np.radians(np.asarray(x, float)) for x in self._a)))


def test_default_model_is_rajagopal2023_and_classic_stays_available(reference_body):
    from biomech.exercises import squat
    from biomech.muscles import default_muscles
    r = squat(reference_body, depth="60 deg", load="60 kg", bar="high_bar")
    d = muscle_demand(r)
    assert d.model == "rajagopal2023" and "biceps_femoris_short_head" in d.force
    c = muscle_demand(r, model="classic")
    assert c.model == "classic" and "biceps_femoris_short_head" not in c.force
    with pytest.raises(InputValueError, match="classic"):
        muscle_demand(r, muscles=default_muscles())          # a set of one's own goes with the classic model
    assert muscle_demand(r, model="classic", muscles=default_muscles()).model == "classic"


def test_hip_flexion_read_from_the_pose_accessor():
    """The model's hip flexion is pose.joint_angles_rad()["hip"] (thigh to pelvis once the pose
    has a pelvis): the same moments at hip 110 and 130 deg give the kernel's answers at those
    angles, and only the second is flagged beyond the model's 120 deg."""
    from biomech.mechanics.results import PoseMoments
    from biomech.units import Q_
    M = (40.0, 150.0, 200.0)
    for hip, beyond in ((110.0, False), (130.0, True)):
        pm = PoseMoments(_AnglesOnly(20.0, 100.0, hip), *(Q_(m, "N*m") for m in M))
        d = muscle_demand(pm, body_mass=Q_(80, "kg"))
        assert bool(d.beyond_range["hip"]) is beyond
        assert any("beyond the model's range" in n for n in d.notes) is beyond
        out = rajagopal_demand_si([hip], [100.0], [20.0], np.array([M]), mass_kg=80.0)
        np.testing.assert_allclose(float(d.force["glutes"].to("N").magnitude),
                                   group_sums(out["force"])["glutes"][0], rtol=1e-9)


def test_display_groups_hold_every_muscle_once():
    from biomech.muscles.rajagopal import DISPLAY_GROUPS
    members = [m for g in DISPLAY_GROUPS for m in (GROUPS.get(g) or (g,))]
    assert sorted(members) == sorted(KEYS)


# --- validation rows: Glitsch, Heinrich & Ellegast (2022) ---------------------------------
# Glitsch U, Heinrich K, Ellegast RP (2022), Appl Sci 12(1):255, 13 men, inverse dynamics with
# thigh-calf contact: while lowering into or rising from a deep squat, peak patellofemoral force
# 3.4 +- 0.56 x BW and tibiofemoral 2.6 +- 0.39 x BW; in the held final squatting and kneeling
# postures 0.9-1.1 x BW patellofemoral and 0.5-0.7 x BW tibiofemoral. Tolerances, fixed by the
# rule before the comparison: two between-subject SDs around the peaks, the published range for
# the held tibiofemoral force. The library's squat is quasi-static: the peaks are compared with the
# largest value over a sweep of balanced bodyweight squats from thigh 30 to 120 deg (thigh-calf
# contact included), which leaves out inertia (small in a slow squat).

def _bodyweight_depth_sweep(body):
    from biomech.exercises import squat
    from biomech.units import Q_
    r = squat(body, depth=Q_(np.arange(30.0, 121.0, 5.0), "deg"), load=None, bar=None)
    d = muscle_demand(r)
    bw = float(body.mass_kg) * 9.80665
    return (np.asarray(d.patellofemoral.to("N").magnitude) / bw,
            np.asarray(d.tibiofemoral_compression.to("N").magnitude) / bw)


# Met with the typical squat technique as the default (shin lean growing with depth, the pressure
# point from the quiet-standing line of gravity to 49 % of the foot): 4.45 x BW at thigh 70 deg,
# knee 96 deg, inside 3.4 +- 2 x 0.56. With the earlier fixed technique (5 cm knee travel, midfoot)
# it was 4.9 x BW, a miss; the tolerance is the one written before either number was seen.
# With the trunk split at L5/S1 (the squat's lumbopelvic rhythm, 16.55 deg of lumbar flexion) the
# same moments give 5.08 x BW at the same pose (knee 96 deg; 4.45 with lumbar_flexion="0 deg").
@pytest.mark.xfail(strict=True, reason=(
    "missed since the trunk splits at L5/S1: 5.08 x BW against 3.4 +- 2 x 0.56. Hip flexion read between "
    "thigh and pelvis falls from 116.8 to 106.4 deg at the peak (thigh 70 deg), where the hamstrings' hip "
    "moment arms are longer: they take more of the hip moment (477 -> 759 N), their knee-flexor moment is "
    "met by more quadriceps force (3170 -> 3623 N); knee and hip moments are unchanged"))
def test_deep_squat_patellofemoral_peak_glitsch2022(reference_body):
    pf, _ = _bodyweight_depth_sweep(reference_body)
    assert 3.4 - 2 * 0.56 <= np.nanmax(pf) <= 3.4 + 2 * 0.56


def test_deep_squat_tibiofemoral_peak_glitsch2022(reference_body):
    _, tf = _bodyweight_depth_sweep(reference_body)
    assert 2.6 - 2 * 0.39 <= np.nanmax(tf) <= 2.6 + 2 * 0.39


@pytest.mark.xfail(strict=True, reason=(
    "missed: the held deep squat (thigh 120 deg, knee 148 deg) gives 1.0 x BW tibiofemoral compression against "
    "0.5-0.7 x BW, while its patellofemoral force is near theirs (0.84 against 0.9-1.1 x BW). The shank free body passes the weight above "
    "the knee and the muscle forces left after the thigh-calf contact through the joint; which of the two is "
    "too large was not isolated"))
def test_held_deep_squat_tibiofemoral_glitsch2022(reference_body):
    from biomech.exercises import squat
    r = squat(reference_body, depth="120 deg", load=None, bar=None)
    d = muscle_demand(r)
    assert 0.5 <= float(d.tibiofemoral_compression.to("N").magnitude) / (80.0 * 9.80665) <= 0.7


def test_scaling_through_muscle_demand():
    """Scaling to the lifter, as OpenSim's scale tool does: every moment arm times the segment
    length ratio (hip arms with the thigh, ankle arms with the shank, knee arms with their mean),
    muscle-tendon and optimal fibre lengths together (so the force-length multiplier is the
    unscaled model's), maximal forces with body mass. A body k times as tall (de Leva proportions)
    needs forces 1/k as large for the same moments at the same pose; twice the mass, the same forces
    at half the activation; a user's own maximal force replaces the model's."""
    import biomech as bm
    from biomech.mechanics.results import PoseMoments
    from biomech.units import Q_
    pose = _AnglesOnly(20.0, 90.0, 80.0)
    M = [Q_(m, "N*m") for m in (40.0, 120.0, 150.0)]
    b1 = bm.Body.from_anthropometrics("178 cm", "80 kg")
    bk = bm.Body.from_anthropometrics("195.8 cm", "80 kg")             # k = 1.1
    bm2 = bm.Body.from_anthropometrics("178 cm", "160 kg")
    d1, dk, dm = (muscle_demand(PoseMoments(pose, *M, body=b)) for b in (b1, bk, bm2))
    k = 1.1
    ref = tables().body
    assert d1.moment_arm_scale["gluteus_maximus_inferior"]["hip"] == pytest.approx(b1.thigh.length_m / ref["thigh_m"])
    assert dk.moment_arm_scale["soleus"]["ankle"] == pytest.approx(k * d1.moment_arm_scale["soleus"]["ankle"])
    for g in ("quadriceps", "glutes", "hamstrings", "triceps_surae"):
        f1, fk, fm = (float(d.force[g].to("N").magnitude) for d in (d1, dk, dm))
        assert fk == pytest.approx(f1 / k, rel=1e-6), g
        assert fm == pytest.approx(f1, rel=1e-6), g
    assert float(dm.activation["vastus_lateralis"]) == pytest.approx(0.5 * float(d1.activation["vastus_lateralis"]),
                                                                     rel=1e-6)
    own = muscle_demand(PoseMoments(pose, *M, body=b1), max_force={"vastus_lateralis": Q_(20000.0, "N")})
    assert float(own.activation["vastus_lateralis"]) < float(d1.activation["vastus_lateralis"])
