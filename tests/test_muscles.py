"""Tests of biomech.muscles' classic nine-muscle model (``muscle_demand(..., model="classic")``):
curves against their sources, static optimisation, contact forces and muscle_demand. Every
expected number names its source beside it. The default model (rajagopal2023) is tested in
tests/test_rajagopal.py."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from biomech.errors import InputValueError, UnitError
from biomech.mechanics.results import PoseMoments
from biomech.units import Q_
from biomech.muscles import (ACHILLES_MANAL2013, PATELLAR_TENDON_MRI, MomentArmCurve,
                             default_muscles, muscle_demand, muscle_demand_si, share_activations)
from biomech.muscles.architecture import gastrocnemius_length, pcsa_m2, MAX_STRESS
from biomech.muscles.catalog import (CURVES, GASTROCNEMIUS_KNEE_HAWKINS_HULL, GLUTEUS_MAXIMUS_HIP,
                                     HAMSTRINGS_HIP, ADDUCTOR_MAGNUS_HIP, QUADRICEPS_EFFECTIVE,
                                     HAMSTRINGS_KNEE, HAMSTRINGS_KNEE_DELP1990, KNEE_TABLE_ANGLES,
                                     delp1990_hamstring_knee_arm_mm, delp1990_hamstring_length)
from biomech.muscles.contact import l5s1_compression, patellofemoral_compression, quadriceps_to_patellar_ratio
from biomech.muscles.demand import moment_matrix
from biomech.muscles.sharing import kkt_residual, objective, share_activations_scipy
from biomech.muscles.strength import max_voluntary_moment

RAD = np.radians


def classic(result, **kw):
    """muscle_demand with the classic nine-muscle model (the default is rajagopal2023)."""
    return muscle_demand(result, model="classic", **kw)


class Pose:
    def __init__(self, ankle, knee, hip, trunk=None):
        self._a = (ankle, knee, hip)
        if trunk is not None:
            self.trunk = trunk

    def joint_angles_rad(self):
        return dict(zip(("ankle", "knee", "hip"), (RAD(np.asarray(x, float)) for x in self._a)))


def Result(pose, ankle, knee, hip, lumbar=None):
    """Moments given at a pose: the family's PoseMoments (N*m, anatomical signs)."""
    return PoseMoments(pose, Q_(ankle, "N*m"), Q_(knee, "N*m"), Q_(hip, "N*m"),
                       None if lumbar is None else Q_(lumbar, "N*m"))


# ----------------------------------------------------------------------------- curves
def test_patellar_tendon_reproduces_source_table():
    # MRI means 42.55, 39.91, 37.73, 36.18 mm at 0/20/40/60 deg (Arch Bone Jt Surg note,
    # abstract); our line is their least-squares fit: within 0.5 mm (their SDs are ~3 mm).
    for angle, mm in PATELLAR_TENDON_MRI.table:
        assert abs(float(PATELLAR_TENDON_MRI.mm(angle)) - mm) < 0.5


def test_achilles_reproduces_source_values():
    # Manal et al. 2013 abstract: 34.6 mm at 20 deg DF, maximum 36.9 mm at 10 deg PF (rest)
    assert float(ACHILLES_MANAL2013.mm(20.0)) == pytest.approx(34.6, abs=1e-9)
    assert float(ACHILLES_MANAL2013.mm(-10.0)) == pytest.approx(36.9, abs=1e-9)
    grid = np.linspace(-20, 20, 41)
    assert grid[np.argmax(ACHILLES_MANAL2013.mm(grid))] == pytest.approx(-10.0)


def test_every_curve_with_a_table_reproduces_it():
    for c in CURVES.values():
        for angle, mm in c.table:
            assert abs(float(c.mm(angle)) - mm) < 0.5, c.name
        assert c.source, c.name


def test_effective_quadriceps_arm_matches_in_vivo():
    # PMC4662057 (in vivo, n = 40): effective quadriceps moment arm 31.5-32.9 mm at 50 deg
    # and 45.5-47.1 mm at 10 deg (F/M). Ours = patellar tendon arm / F_Q:F_P ratio: allow 15 %.
    assert 0.85 * 31.5e-3 < float(QUADRICEPS_EFFECTIVE(RAD(50.0))) < 1.15 * 32.9e-3
    assert 0.85 * 45.5e-3 < float(QUADRICEPS_EFFECTIVE(RAD(10.0))) < 1.15 * 47.1e-3


def test_ratio_model_endpoints():
    # J Biomech 1988;21:17-23 abstract: F_Q/F_P from 0.86 at 10 deg to 1.55 at 70 deg
    assert float(quadriceps_to_patellar_ratio(RAD(10.0))) == pytest.approx(0.86)
    assert float(quadriceps_to_patellar_ratio(RAD(70.0))) == pytest.approx(1.55)


def test_gastrocnemius_shortens_as_knee_bends():
    assert gastrocnemius_length(RAD(90.0), 0.0) < gastrocnemius_length(0.0, 0.0)


def test_moment_arm_vs_length_derivative_departure():
    # Moment arm (Manal 2013, tendon/ultrasound) vs -dL/d(ankle) of the Hawkins & Hull (1990)
    # length regression: different sources, so they differ. We measure the departure and
    # pin it: -dL/dtheta = 0.00214 shank/deg x 0.434 m x 180/pi = 53.2 mm, i.e. 16-19 mm
    # (44-54 %) more than Manal's 34.6-36.9 mm, about the centre-of-rotation values
    # (~51-57 mm) of Manal 2013 Table 2. Documented in docs/muscles.md.
    h = 1e-6
    dl = -(gastrocnemius_length(0.0, h) - gastrocnemius_length(0.0, -h)) / (2 * h)  # m/rad
    # lengthening with dorsiflexion means a plantarflexor: -dL/d(dorsiflexion) < 0
    ma_from_length = -dl * 1e3
    assert ma_from_length == pytest.approx(53.2, abs=0.3)
    grid = np.linspace(-20, 20, 9)
    departure = ma_from_length - ACHILLES_MANAL2013.mm(grid)
    assert 15.0 < departure.min() and departure.max() < 19.5
    # at the knee the same regression is the moment arm itself (same source): no departure
    dk = (gastrocnemius_length(h, 0.0) - gastrocnemius_length(-h, 0.0)) / (2 * h)
    assert -dk == pytest.approx(float(GASTROCNEMIUS_KNEE_HAWKINS_HULL(RAD(45.0))), rel=0.01)
    # and falls inside the 12-20 mm textbook range (after Spoor et al. 1990)
    assert 12e-3 < float(GASTROCNEMIUS_KNEE_HAWKINS_HULL(0.3)) < 20e-3


def test_hamstrings_knee_reproduces_delp1990_geometry():
    # Per-head knee-flexor moment arms of the gait2392 (Delp et al. 1990) paths, -dL/d(knee),
    # hip at 0, computed when the curve was written; a separate script using a natural spline
    # for the knee translations (instead of SIMM's end conditions) agreed within 0.6 mm.
    expected = {"semimembranosus": (31.5, 40.4, 30.5), "semitendinosus": (38.6, 48.3, 35.4),
                "biceps_femoris": (27.5, 33.0, 17.4)}
    for head, values in expected.items():
        got = delp1990_hamstring_knee_arm_mm(head, np.array([0.0, 50.0, 90.0]))
        assert np.allclose(got, values, atol=0.1), head
    # the curve is the Ward (2009) PCSA-weighted mean (11.3 / 4.8 / 18.4 cm^2), and its
    # degree-4 fit stays within 0.4 mm of the tabulated mean at every 10 deg from 0 to 90
    a = np.array(KNEE_TABLE_ANGLES)
    w = {"biceps_femoris": 11.3, "semitendinosus": 4.8, "semimembranosus": 18.4}
    mean = sum(w[k] * delp1990_hamstring_knee_arm_mm(k, a) for k in w) / sum(w.values())
    assert np.abs(HAMSTRINGS_KNEE.mm(a) - mean).max() < 0.4
    assert HAMSTRINGS_KNEE is HAMSTRINGS_KNEE_DELP1990 and HAMSTRINGS_KNEE.verified


def test_hamstrings_knee_against_published_descriptions():
    a = np.arange(30.0, 71.0, 10.0)
    st, sm, bf = (delp1990_hamstring_knee_arm_mm(h, a) for h in ("semitendinosus", "semimembranosus",
                                                                     "biceps_femoris"))
    # Kellis & Blazevich 2022 (BMC Sports Sci Med Rehabil 14:166, abstract): the
    # semitendinosus has the longest knee moment arm of the three
    assert np.all(st > sm) and np.all(st > bf)
    # Textbook range after Spoor et al. 1990: semitendinosus 40-55 mm
    assert 40.0 < st.max() < 55.0
    # the combined arm peaks in mid-flexion (40-50 deg here), not at full extension
    grid = np.linspace(0, 90, 91)
    assert 30.0 <= grid[np.argmax(HAMSTRINGS_KNEE.mm(grid))] <= 60.0


def test_hamstrings_knee_arm_barely_depends_on_hip_and_is_held_past_90():
    # hip 0 vs 90 deg changes the knee arm of every head by < 1.5 mm from 0 to 90 deg of knee
    # flexion (so a knee-only curve is adequate); measured 1.4 mm at the time of writing
    a = np.array(KNEE_TABLE_ANGLES)
    for head in ("semitendinosus", "semimembranosus", "biceps_femoris"):
        d = delp1990_hamstring_knee_arm_mm(head, a, 90.0) - delp1990_hamstring_knee_arm_mm(head, a, 0.0)
        assert np.abs(d).max() < 1.5, head
    # past 90 deg the straight paths lose their arm (biceps femoris extensor at 120 deg), so
    # the curve holds its 90 deg value there
    assert float(delp1990_hamstring_knee_arm_mm("biceps_femoris", 120.0)) < 0.0
    assert float(HAMSTRINGS_KNEE.mm(120.0)) == pytest.approx(float(HAMSTRINGS_KNEE.mm(90.0)))
    # the hamstrings shorten as the knee bends (flexors), for any hip angle
    assert np.all(np.diff(delp1990_hamstring_length("semimembranosus", a, 45.0)) < 0)
    with pytest.raises(InputValueError, match="head="):
        delp1990_hamstring_length("gracilis", 0.0)


def test_user_curve_and_bad_curve():
    c = MomentArmCurve("mine", "hip", coefficients=(50.0,))
    assert float(c(RAD(30))) == pytest.approx(0.05)
    with pytest.raises(InputValueError, match="joint="):
        MomentArmCurve("bad", "elbow", coefficients=(1.0,))


def test_pcsa_and_strength_plausible():
    # Handsfield 2014 volume / Ward 2009 fibre length: vasti ~150 cm^2 at 1.75 m, 70 kg;
    # x 61 N/cm^2 = ~9.4 kN, the order of the vasti sum in published lower-limb models.
    assert 9000 < pcsa_m2()["vasti"] * MAX_STRESS < 10000
    # Anderson et al. 2007 Table 3, young male knee extension: C1 = 0.163 body weight x height
    assert float(max_voluntary_moment("knee", 1, 1.133, 75.0, 1.75)) == pytest.approx(0.163 * 75 * 9.81 * 1.75)


# ------------------------------------------------------------------- static optimisation
def _random_problem(n, seed=0):
    rng = np.random.default_rng(seed)
    ang = {"ankle": rng.uniform(-0.3, 0.5, n), "knee": rng.uniform(0.0, 2.2, n), "hip": rng.uniform(0.0, 2.0, n)}
    A, _, _ = moment_matrix(ang, default_muscles())
    M = np.stack([rng.uniform(-50, 150, n), rng.uniform(-100, 300, n), rng.uniform(-50, 400, n)], axis=1)
    return A, M


@pytest.mark.parametrize("p", [2, 3])
def test_sharing_matches_scipy(p):
    A, M = _random_problem(40, seed=p)
    a = share_activations(A, M, p)
    b = share_activations_scipy(A, M, p)
    # reproduce the moments (absolute, N*m)
    assert np.abs(np.einsum("njk,nk->nj", A, a) - M).max() < 1e-4
    # ours is never worse than SLSQP by more than 1e-7 in the objective (activation^p units)
    assert (objective(a, p) - objective(b, p)).max() < 1e-7
    # optimality residual (KKT) small in absolute terms
    assert kkt_residual(A, M, a, p).max() < 1e-6


def test_zero_moments_give_zero_forces():
    A, M = _random_problem(50)
    assert np.abs(share_activations(A, 0 * M)).max() == 0.0


@settings(max_examples=30, deadline=None)
@given(st.floats(-200, 200), st.floats(-300, 400), st.floats(-300, 600),
       st.floats(-20, 30), st.floats(0, 140), st.floats(-10, 120), st.sampled_from([2, 3]))
def test_forces_never_negative_and_moments_reproduced(ma, mk, mh, aa, ak, ah, p):
    ang = {"ankle": RAD(np.array([aa])), "knee": RAD(np.array([ak])), "hip": RAD(np.array([ah]))}
    out = muscle_demand_si(ang, np.array([[ma, mk, mh]]), p=p)
    assert out["force"].min() >= 0.0
    moments = np.einsum("njk,nk->nj", out["moment_arm"], out["force"])
    assert np.abs(moments - [[ma, mk, mh]]).max() < 1e-4


# ----------------------------------------------------------------- questions people ask
def test_soleus_share_larger_seated_than_standing():
    # Seated calf raise (knee 90 deg, hip 90 deg) vs standing (knee 0): the gastrocnemius is
    # shortened by 0.00056 x 0.434 m x 90 = 22 mm (Hawkins & Hull 1990), its fibres
    # (~5.3 cm, Ward 2009) drop to ~58 % of optimal and its capacity to ~31 % (Geyer & Herr
    # 2010 force-length), so the soleus must carry more of the same plantarflexor moment.
    stand = classic(Result(Pose(0.0, 0.0, 0.0), 60.0, 0.0, 0.0))
    seat = classic(Result(Pose(0.0, 90.0, 90.0), 60.0, 0.0, 0.0))
    s0, s1 = float(stand.share["ankle"]["soleus"]), float(seat.share["ankle"]["soleus"])
    # numbers at the time of writing: standing 0.63, seated 0.95 (0.58 / 0.93 with a rigid tendon)
    assert s1 > s0 + 0.2
    assert 0.5 < s0 < 0.7 and s1 > 0.85
    assert float(stand.share["ankle"]["triceps_surae"]) == pytest.approx(1.0, abs=1e-6)


def test_rdl_shares_follow_moment_arms():
    # Expected direction, stated from the curves before computing: across an RDL (hip
    # flexion 10 -> 70 deg, knee ~15 deg) the gluteus maximus arm falls (Delp 1990 path:
    # 53 -> 27 mm) and the adductor magnus arm stays larger than at 10 deg (Dostal 1981:
    # 65 mm at 10, 75 at 50, 67 at 70), so the glute share should fall and the adductor
    # magnus share rise; the hamstrings arm (Dostal 1981: 54.5 at 10, 55 at 50 mm) falls less
    # than the glute's, so the hamstrings-to-glute share ratio should rise from 10 to 50 deg.
    assert GLUTEUS_MAXIMUS_HIP.mm(70) < GLUTEUS_MAXIMUS_HIP.mm(10)
    assert ADDUCTOR_MAGNUS_HIP.mm(70) > ADDUCTOR_MAGNUS_HIP.mm(10)
    assert HAMSTRINGS_HIP.mm(35) > HAMSTRINGS_HIP.mm(10)
    hip = np.array([10.0, 30.0, 50.0, 70.0])
    res = Result(Pose(np.full(4, 5.0), np.full(4, 15.0), hip), np.full(4, 10.0), np.full(4, -20.0), np.full(4, 200.0))
    splits = {}
    for p in (2, 3):
        d = classic(res, p=p)
        g, h, am = (d.share["hip"][k] for k in ("gluteus_maximus", "hamstrings", "adductor_magnus"))
        assert np.all(np.diff(g) < 0) and np.all(np.diff(am) > 0)
        assert (h / g)[2] > (h / g)[0]
        splits[p] = g / (g + h)
    # the cubed cost spreads the load onto the adductor magnus and moves the glute/hamstring
    # split (shown in docs/muscles.md): the two costs must not give the same split
    assert np.abs(splits[2] - splits[3]).max() > 0.005


def test_parallel_squat_patellofemoral_within_published_range():
    # Bodyweight parallel squat, per leg: knee flexion 100 deg, hip 95, ankle 20 deg DF;
    # representative moments ankle 20, knee 45, hip 40 N*m for 70 kg (about 0.64 N*m/kg at
    # the knee; representative, since the squat solver is separate). Expected
    # patellofemoral compression: Reilly & Martens (1972), deep knee bend, PFJR up to 7.6 x
    # body weight (as quoted in secondary text; attribution not verified), lower bound 2.5 BW
    # from the lowest value of the 2007 Summer Bioengineering Conference abstract (2.5-3.35
    # BW from 60 to 110 deg). Ours: ~4.3 BW, above that abstract's range (see docs).
    d = classic(Result(Pose(20.0, 100.0, 95.0), 20.0, 45.0, 40.0),
                      body_mass=Q_(70, "kg"), body_height=Q_(1.75, "m"))
    bw = 70 * 9.80665
    assert 2.5 < d.patellofemoral.to("N").magnitude / bw < 7.6
    # quadriceps force = knee moment / effective arm (+ any co-contraction): at least 45/0.0267
    assert d.force["quadriceps"].to("N").magnitude >= 45.0 / float(QUADRICEPS_EFFECTIVE(RAD(100.0))) - 1e-6


def test_deadlift_l5s1_within_cholewicki_1991():
    # Cholewicki, McGill & Norman 1991 (MSSE 23:1179, abstract): national-class
    # powerlifters' deadlifts, L4/L5 moments up to 988 N*m and average compression up to
    # 17,192 N with a 6 cm extensor moment arm. With their largest moment, a 45 deg trunk
    # and 450 N above L5/S1 (representative), we expect 15-19 kN.
    d = classic(Result(Pose(15.0, 60.0, 90.0, trunk=Q_(45, "deg")), 30.0, -20.0, 400.0, lumbar=988.0),
                      weight_above=Q_(450, "N"))
    assert 15000 < d.l5s1_compression.to("N").magnitude < 19000
    # and the same formula directly: 988/0.06 + 450 cos 45
    assert float(l5s1_compression(988.0, 450.0, RAD(45))) == pytest.approx(988 / 0.06 + 450 * np.cos(RAD(45)))


# ------------------------------------------------------------------------ muscle_demand
def test_unmet_reported_not_raised():
    d = classic(Result(Pose(0.0, 90.0, 90.0), 20.0, 900.0, 50.0))
    assert "knee" in d.unmet and float(d.unmet["knee"]) > 0
    assert "knee" in d.unmet_summary()
    ok = classic(Result(Pose(0.0, 30.0, 30.0), 20.0, 50.0, 50.0))
    assert ok.unmet == {} and ok.unmet_summary() == "all joint moments are met"


def test_shares_sum_to_one_and_arrays_broadcast():
    d = classic(Result(Pose(10.0, np.array([30.0, 60.0, 90.0]), 60.0), 30.0, 100.0, 150.0))
    for joint in ("ankle", "knee", "hip"):
        total = sum(d.share[joint][k] for k in ("vasti", "rectus_femoris", "gluteus_maximus", "hamstrings",
                                                 "adductor_magnus", "iliopsoas", "gastrocnemius", "soleus",
                                                 "tibialis_anterior"))
        assert np.allclose(total, 1.0, atol=1e-6)
    assert d.force["soleus"].shape == (3,)
    assert d.limits and any("co-contraction" in s for s in d.limits)


def test_split_stance_gives_one_demand_per_leg():
    import biomech as bm
    from biomech.muscles.demand import SplitDemand

    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    res = bm.exercises.lunge(body, load="20 kg")
    d = muscle_demand(res)
    assert isinstance(d, SplitDemand)
    for leg in ("front", "rear"):
        alone = muscle_demand(getattr(res, leg))
        assert d_equal(getattr(d, leg).force["vasti"], alone.force["vasti"])


def d_equal(a, b):
    return bool(np.allclose(a.to("N").magnitude, b.to("N").magnitude, equal_nan=True))


def test_bad_inputs_named():
    with pytest.raises(InputValueError, match="p="):
        muscle_demand(Result(Pose(0, 0, 0), 1.0, 1.0, 1.0), p=1)
    with pytest.raises(InputValueError, match="result"):
        muscle_demand(object())
    with pytest.raises(UnitError, match="knee"):
        PoseMoments(Pose(0, 0, 0), Q_(1.0, "N*m"), 5.0, Q_(1.0, "N*m"))


# ------------------------------------------------------------------ moment arms scaled with body size
from biomech.muscles.catalog import (REFERENCE_HEIGHT_M, REFERENCE_SHANK_M, moment_arm_scale,  # noqa: E402
                                     scaling_lengths)
from biomech.muscles.demand import body_scaling_lengths  # noqa: E402


def _with_body(body, pose, ankle, knee, hip):
    r = Result(pose, ankle, knee, hip)
    r.body = body
    return r


_SQUAT_POSE = (np.array([20.0, 10.0, 0.0]), np.array([100.0, 60.0, 10.0]), np.array([95.0, 60.0, 20.0]))
_SQUAT_MOMENTS = (np.array([20.0, 40.0, 60.0]), np.array([45.0, 120.0, -10.0]), np.array([40.0, 150.0, 30.0]))


@pytest.mark.parametrize("p", [2, 3])
@pytest.mark.parametrize("k", [1.60 / 1.78, 1.95 / 1.78])
def test_body_scaled_by_k_gets_arms_times_k_and_forces_over_k(k, p):
    # OpenSim-style scaling (moment arm x body length / source length): every length x k gives
    # every moment arm x k; with the same muscles and joint moments the moment equations are
    # divided by k, so static optimisation's forces are too (the problem is homogeneous).
    import biomech as bm
    muscles = default_muscles(1.78, 80.0)  # same capacities for both bodies
    pose = Pose(*_SQUAT_POSE)
    b1 = bm.Body.from_anthropometrics(height=Q_(1.78, "m"), mass=Q_(80, "kg"))
    bk = bm.Body.from_anthropometrics(height=Q_(1.78 * k, "m"), mass=Q_(80, "kg"))
    d1 = classic(_with_body(b1, pose, *_SQUAT_MOMENTS), muscles=muscles, p=p)
    dk = classic(_with_body(bk, pose, *_SQUAT_MOMENTS), muscles=muscles, p=p)
    for key, joints in d1.moment_arm_scale.items():
        for joint, f in joints.items():
            assert dk.moment_arm_scale[key][joint] == pytest.approx(k * f, rel=1e-12), (key, joint)
    for key in ("vasti", "gluteus_maximus", "hamstrings", "adductor_magnus", "soleus", "gastrocnemius"):
        f1, fk = (np.asarray(d.force[key].to("N").magnitude) for d in (d1, dk))
        assert np.allclose(fk, f1 / k, rtol=1e-6, atol=1e-6), key
    # the same holds for a body built from segments (no stature: estimated from the leg)
    from biomech import Segment
    def seg_body(s):
        return bm.Body.from_segments(shank=Segment(f"{0.44 * s} m", "4 kg", 0.44),
                                     thigh=Segment(f"{0.43 * s} m", "10 kg", 0.41),
                                     trunk=Segment(f"{0.52 * s} m", "40 kg", 0.5))
    ds1 = classic(_with_body(seg_body(1.0), pose, *_SQUAT_MOMENTS), muscles=muscles, p=p)
    dsk = classic(_with_body(seg_body(k), pose, *_SQUAT_MOMENTS), muscles=muscles, p=p)
    assert np.allclose(dsk.force["quadriceps"].magnitude, ds1.force["quadriceps"].magnitude / k, rtol=1e-6)


def test_reference_body_reproduces_the_unscaled_numbers():
    # source sizes (catalog.py): 1.80 m stature (Delp 1990 / gait2392 reference, OpenSim docs)
    # for every height-scaled curve and a 0.434 m shank for the Hawkins & Hull knee arm
    import biomech as bm
    ref = bm.Body.from_anthropometrics(height=Q_(REFERENCE_HEIGHT_M, "m"), mass=Q_(75, "kg")) \
        .with_segment("shank", length=Q_(REFERENCE_SHANK_M, "m"))
    pose = Pose(*_SQUAT_POSE)
    d = classic(_with_body(ref, pose, *_SQUAT_MOMENTS))
    assert all(f == pytest.approx(1.0, abs=1e-12) for joints in d.moment_arm_scale.values() for f in joints.values())
    d0 = classic(_with_body(ref, pose, *_SQUAT_MOMENTS), scale_moment_arms=False)
    for key in d.force:
        assert np.allclose(d.force[key].magnitude, d0.force[key].magnitude, rtol=1e-9, atol=1e-9), key
    # and the curves at the source's body are the published ones: the scaled moment arm the
    # kernel uses equals Manal 2013's 34.6 mm at 20 deg DF and the MRI note's table
    lengths = body_scaling_lengths(ref)
    ang = {"ankle": RAD(np.array([20.0, -10.0])), "knee": RAD(np.array([0.0, 60.0])), "hip": np.zeros(2)}
    _, R, _ = moment_matrix(ang, default_muscles(), lengths=lengths)
    assert R[:, 0, 7] * 1e3 == pytest.approx([34.6, 36.9], abs=1e-9)          # soleus, ankle
    assert R[:, 1, 0] == pytest.approx(QUADRICEPS_EFFECTIVE(ang["knee"]), rel=1e-12)  # vasti
    assert PATELLAR_TENDON_MRI.scale_factor(lengths) == pytest.approx(1.0)


def test_unscaled_option_and_resultless_body_are_the_published_curves():
    import biomech as bm
    tall = bm.Body.from_anthropometrics(height=Q_(1.95, "m"), mass=Q_(80, "kg"))
    short = bm.Body.from_anthropometrics(height=Q_(1.60, "m"), mass=Q_(80, "kg"))
    pose = Pose(*_SQUAT_POSE)
    mus = default_muscles(1.78, 80.0)
    a, b = (classic(_with_body(x, pose, *_SQUAT_MOMENTS), muscles=mus, scale_moment_arms=False)
            for x in (tall, short))
    assert np.allclose(a.force["vasti"].magnitude, b.force["vasti"].magnitude)
    # scaled: the taller lifter's longer patellar tendon arm needs less quadriceps force
    a, b = (classic(_with_body(x, pose, *_SQUAT_MOMENTS), muscles=mus) for x in (tall, short))
    assert np.all(a.force["vasti"].magnitude < b.force["vasti"].magnitude)
    assert a.moment_arm_scale["vasti"]["knee"] == pytest.approx(1.95 / 1.80)
    # no body and no body_height: unscaled, and a note says so
    d = classic(Result(pose, *_SQUAT_MOMENTS))
    assert d.moment_arm_scale["soleus"]["ankle"] == 1.0 and any("unscaled" in n for n in d.notes)


def test_kernel_takes_the_same_scaling():
    import biomech as bm
    body = bm.Body.from_anthropometrics(height=Q_(1.65, "m"), mass=Q_(60, "kg"))
    pose = Pose(*_SQUAT_POSE)
    mus = default_muscles(1.65, 60.0)
    d = classic(_with_body(body, pose, *_SQUAT_MOMENTS), muscles=mus, knee_lock=False)
    out = muscle_demand_si(pose.joint_angles_rad(), np.stack(_SQUAT_MOMENTS, axis=1), mus,
                           lengths=body_scaling_lengths(body))
    assert np.allclose(out["force"][:, 0], d.force["vasti"].magnitude, rtol=1e-9)
    # Hawkins & Hull knee arm: shank-scaled (de Leva shank 0.2529 x 1.65 m over 0.434 m)
    assert moment_arm_scale(GASTROCNEMIUS_KNEE_HAWKINS_HULL, body_scaling_lengths(body)) == pytest.approx(
        body.shank.length_m / 0.434)


def test_scaling_bad_inputs_named():
    with pytest.raises(InputValueError, match="scale_moment_arms="):
        classic(Result(Pose(0, 0, 0), 1.0, 1.0, 1.0), scale_moment_arms="yes")
    with pytest.raises(InputValueError, match="lengths="):
        muscle_demand_si({"ankle": np.zeros(1), "knee": np.zeros(1), "hip": np.zeros(1)}, np.zeros((1, 3)),
                         lengths={"height": 1.8})
    with pytest.raises(InputValueError, match="height_m"):
        scaling_lengths(height_m=-1.0)
    with pytest.raises(InputValueError, match="scaling_lengths"):
        scaling_lengths()
    with pytest.raises(InputValueError, match="scale_with="):
        MomentArmCurve("bad", "knee", coefficients=(1.0,), scale_with="foot")
