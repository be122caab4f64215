"""The model beside published measurements (docs/validation.md): each row within its tolerance.

Rule for every tolerance, fixed before the model's numbers were computed: the model is one
typical subject, so it should fall where 95 % of a study's subjects fall, i.e. within two
between-subject standard deviations of the study's mean (propagated to the compared quantity
where it is a ratio). Where a study reports only the direction of a significant difference,
the tolerance is that direction (the sign of the model's difference).
"""

import math

import pytest

from biomech.validation import studies as validation

# --- Fry, Smith & Schilling (2003), J Strength Cond Res 17(4):629-633, abstract -----------------
# Knee torque restricted 117.3 +- 34.2 N*m, unrestricted 150.1 +- 50.8 N*m (mean +- SD, n = 7).
FRY_KNEE_CHANGE = (117.3 - 150.1) / 150.1                      # -0.2185
# SD of restricted/unrestricted - 1 by first-order propagation of the two SDs (independent):
FRY_KNEE_CHANGE_SD = math.hypot(34.2 / 150.1, 117.3 * 50.8 / 150.1 ** 2)     # 0.349
FRY_KNEE_CHANGE_TOL = 2 * FRY_KNEE_CHANGE_SD                   # +-0.70 (two SDs)
# Hip torque restricted 302.7 +- 71.2, unrestricted 28.2 +- 65.0 N*m: the unrestricted SD exceeds
# its mean, so the ratio (10.7) has no usable spread; tolerance = direction (ratio > 1).
FRY_HIP_RATIO = 302.7 / 28.2

# --- Escamilla et al. (2008), J Orthop Sports Phys Ther 38(11):681-690 ---------------------------
# Patellofemoral force greater with the short than the long step at 70-90 deg knee flexion
# (p < 0.05; values not read): tolerance = direction, short / long > 1.

# --- Harandi, Ehsani & Rostami (2013), leg press model, abstract --------------------------------
# Knee-extensor muscle forces smaller with the feet high: tolerance = direction, high / low < 1.

# --- Landin, Thompson & Reid (2015), J Clin Med Res 7(8):602-606 --------------------------------
# Stimulated gastrocnemius plantarflexion torque greatest with the knee straight:
# tolerance = direction, bent / straight < 1.

# --- Lu et al. (2022), Bioengineering 9(7):301, abstract ----------------------------------------
# Heel-lift insoles raised men's knee moments in barbell squats: tolerance = direction, change > 0.

# --- Lee et al. (2018) J Exerc Sci Fit 16:87 (PMC6323186), abstract: Romanian deadlift at 70 % 1RM, ---
# knee net joint torque -0.28 +- 0.10 N*m/kg, read per leg per kg of body mass, mean over the rep path,
# bar 1.05 x body mass (validation.LEE_2018_LOAD_BODY_MASSES: the same reading as tests/test_exercises_others.py).
RDL_KNEE_PER_KG = -0.28
RDL_KNEE_PER_KG_TOL = 2 * 0.10                                 # two SDs


# --- Song, Ma, Liu, Wei & Chen (2023), Front Bioeng Biotechnol 11:1277493, abstract ---------------
# Split squat at four step lengths, 20 men (175.1 +- 4.9 cm): the step length changed the lead leg's
# peak hip (p < 0.001) and knee (p = 0.002) extension moments; longer steps worked the hip extensors
# more. Moment values and their spread were not readable: tolerance = direction. Model: split squat
# at 0.6 and 1.0 leg lengths (the bottom position), long / short: hip moment > 1 and knee/hip ratio < 1.
# Fixed here before the model's numbers were computed.
SONG_HIP_LONG_OVER_SHORT_MIN = 1.0
SONG_KNEE_HIP_RATIO_LONG_OVER_SHORT_MAX = 1.0


@pytest.fixture(scope="module")
def rows():
    return validation.validation_rows()


def test_fry_knee_change_within_two_sd(rows):
    assert abs(rows["fry_knee_change"] - FRY_KNEE_CHANGE) <= FRY_KNEE_CHANGE_TOL
    assert rows["fry_knee_change"] < 0                         # and the direction: restriction lowers it


def test_fry_hip_direction(rows):
    assert rows["fry_hip_ratio"] > 1.0                         # restriction raises the hip torque
    assert rows["fry_hip_ratio"] < FRY_HIP_RATIO               # documented: far less than the study's 10.7


def test_lunge_short_step_loads_the_patellofemoral_joint_more(rows):
    assert rows["lunge_pf_short_over_long"] > 1.0


# Row 4 (direction, high / low < 1). With the least-effort platform force the net knee moment is
# about the same at both placements (Escamilla 2001's finding); the quadriceps force still falls with
# the feet high in the default 40-muscle model, because the feet-low ankle moment is carried partly by
# the gastrocnemius, a knee flexor the vasti must overcome (docs/validation.md, row 4).
def test_leg_press_feet_high_lowers_quadriceps_force(rows):
    assert rows["leg_press_quad_high_over_low"] < 1.0


def test_leg_press_feet_high_lowers_quadriceps_force_with_the_force_along_the_rails():
    # Row 4 with the earlier model's platform force (along the rails, no shear at the sole): the
    # direction Harandi et al. (2013) report. Same tolerance (direction, high / low < 1).
    assert validation.leg_press_feet_knee_extensor_force("rails")["high_over_low"] < 1.0


def test_gastrocnemius_weaker_with_the_knee_bent(rows):
    assert rows["gastrocnemius_bent_over_straight"] < 1.0


def test_heel_lift_raises_knee_moment(rows):
    assert rows["heel_lift_knee_change"] > 0.0


@pytest.mark.xfail(strict=True, reason="the typical RDL (knees 20 deg, an assumption; bar to the knee; pressure 2.9 "
                   "cm ahead of the ankle, technique.COP_RDL, derived from the same study's ankle moment; lumbar "
                   "flexion 20 deg, an assumption) gives -0.59 N*m/kg per leg (-0.62 with a rigid trunk, -0.82 with the "
                   "pressure at the midfoot) against the study's -0.28 +- 0.10: to keep "
                   "the centre of mass over that point with the bar and trunk forward, balance leans the shins 2.5-4.5 "
                   "deg back, the knee 2-3.5 cm behind the ankle, so the ground reaction passes 5-6 cm ahead of the knee in "
                   "every pose of the rep, standing included; the study's knee and ankle values together put the "
                   "knee over the ankle. Tolerance unchanged")
def test_rdl_knee_moment_within_two_sd(rows):
    assert abs(rows["rdl_knee_per_kg"] - RDL_KNEE_PER_KG) <= RDL_KNEE_PER_KG_TOL


def test_split_squat_longer_step_moves_load_from_knee_to_hip(rows):
    assert rows["split_squat_step_hip_long_over_short"] > SONG_HIP_LONG_OVER_SHORT_MIN
    assert rows["split_squat_step_knee_hip_ratio_long_over_short"] < SONG_KNEE_HIP_RATIO_LONG_OVER_SHORT_MAX


# --- rows 9-12: the deadlift family and standing tall, with the typical technique ------------------
# Tolerances fixed here, before the model's numbers for these rows were computed (each a direction
# where the study gives only a direction). Every model number comes from the exercises' defaults,
# which are the typical technique of biomech.exercises.technique (the conventional deadlift at the
# technique's typical knee flexion and toe-out, as its own default solves the knee bend instead);
# load, body and instant are stated per row in docs/validation.md and biomech.validation.studies.
#
# Swinton, Stewart, Agouris, Keogh & Lloyd (2011), J Strength Cond Res 25(7):2000-2009, abstract:
# 19 male powerlifters, hexagonal (trap) bar against straight bar, submaximal loads: peak knee moment
# higher; peak lumbar, hip and ankle moments lower with the hexagonal bar. Tolerance = direction,
# trap - straight: knee > 0; lumbar, hip, ankle < 0 (at lift-off, the same load).
SWINTON_KNEE_SIGN, SWINTON_LUMBAR_SIGN, SWINTON_HIP_SIGN, SWINTON_ANKLE_SIGN = +1, -1, -1, -1
# Escamilla, Francisco, Fleisig et al. (2000), Med Sci Sports Exerc 32(7):1265-1275, abstract:
# 12 sumo and 12 conventional lifters: an ankle dorsiflexor moment in the sumo deadlift, a
# plantarflexor moment in the conventional one. Tolerance = direction: sumo ankle < 0 < conventional.
# Schellenberg et al. (2013), BMC Sports Sci Med Rehabil 5:27, abstract: the deadlift gave an external
# knee flexion moment (internal knee extensor: > 0 here), the good morning an external knee extension
# moment (internal flexor: < 0 here), both with 25 % body weight. Tolerance = direction. The model's
# knee angles come from the same study (technique.KNEE_DEADLIFT, KNEE_GOOD_MORNING): a consistency
# check rather than a validation.
SCHELLENBERG_LOAD_BODY_MASSES = 0.25
# Row 11b. Schellenberg et al. (2013), the same abstract: with 50 % instead of 25 % body weight on the bar
# the deadlift's sagittal moments rose at the hip and at L4/L5 (significant), while the knee moment did not
# (no significant change). Values and spreads were not readable. Tolerance = direction, fixed here before
# the model's numbers for this row were computed: hip and lumbar (the model's L5/S1 against the study's
# L4/L5) heavier - lighter > 0; the knee's relative change |knee_50 / knee_25 - 1| smaller than the hip's
# relative change (hip_50 / hip_25 - 1), the reading of "significant at the hip, not at the knee" that
# needs no spread. Model: the conventional deadlift's defaults (its typical technique for each load, the
# knee flexion from the same study: a consistency check), static start, per leg, the reference body.
SCHELLENBERG_HEAVY_LOAD_BODY_MASSES = 0.50
# Standing tall with a 100 kg bar on the back: in quiet standing the sagittal balance is held at the
# ankle and the knee and hip moments stay near zero (Winter 1995, Gait Posture 3:193-214; no table of
# knee and hip moments read). Tolerance from the project's issue: |knee| and |hip| within 0.2 N*m/kg.
STANDING_TOL_PER_KG = 0.2


#: A difference within round-off is no direction (added after the first run, which gave the ankle a
#: difference of 4.5e-13 N*m; the direction rule itself is unchanged).
ROUND_OFF_N_M = 1e-6


def _sign(x):
    return 0 if abs(x) <= ROUND_OFF_N_M else int(math.copysign(1, x))


def test_swinton_trap_bar_against_straight_bar_knee_hip_lumbar(rows):
    d = rows["trap_minus_straight"]
    assert _sign(d["knee"]) == SWINTON_KNEE_SIGN
    assert _sign(d["lumbar"]) == SWINTON_LUMBAR_SIGN
    assert _sign(d["hip"]) == SWINTON_HIP_SIGN


@pytest.mark.xfail(strict=True, reason="the ankle moment at lift-off is fixed by the centre of pressure, and both "
                   "bars put it at the same point with the same toe-out and stance (technique.COP_DEADLIFT, derived from "
                   "Lee 2018's conventional lifters; no trap-bar force-plate value read): the model's ankle moments "
                   "are equal (27.3 N*m per leg, difference at round-off). Swinton 2011's lower ankle moment with the "
                   "hexagonal bar implies the pressure further back; tolerance unchanged")
def test_swinton_trap_bar_lowers_the_ankle_moment(rows):
    assert _sign(rows["trap_minus_straight"]["ankle"]) == SWINTON_ANKLE_SIGN


@pytest.mark.xfail(strict=True, reason="both styles hold the pressure 3.3 cm ahead of the ankle along the foot "
                   "(technique.COP_DEADLIFT, from Lee 2018's conventional lifters, assumed for sumo); the sumo stance's "
                   "side view (feet 42 deg out) shortens that lever by cos 42 deg, which lowers the ankle moment "
                   "(+20.6 against +27.3 N*m per leg; the projection alone makes all of the difference) but keeps it "
                   "plantarflexor. Escamilla 2000's dorsiflexor moment needs the pressure behind the ankle, or the "
                   "frontal-plane part of a wide stance's ground reaction, which the sagittal model leaves out; "
                   "tolerance unchanged")
def test_escamilla_sumo_ankle_dorsiflexor_conventional_plantarflexor(rows):
    assert rows["sumo_ankle"] < 0 < rows["conventional_ankle"]


def test_schellenberg_deadlift_knee_extensor_good_morning_knee_flexor(rows):
    assert rows["schellenberg_deadlift_knee"] > 0 > rows["schellenberg_good_morning_knee"]


def test_schellenberg_heavier_deadlift_raises_hip_and_lumbar_more_than_knee(rows):
    d = rows["schellenberg_load"]
    assert d["heavy"]["hip"] - d["light"]["hip"] > 0
    assert d["heavy"]["lumbar"] - d["light"]["lumbar"] > 0
    hip_rel = d["heavy"]["hip"] / d["light"]["hip"] - 1
    knee_rel = abs(d["heavy"]["knee"] / d["light"]["knee"] - 1)
    assert knee_rel < hip_rel


@pytest.mark.xfail(strict=True, reason="standing tall, the typical technique puts the knee 3.8 cm ahead of the ankle "
                   "(Woodhull et al. 1985) and the pressure point 5.8 cm ahead of it (the quiet-standing line of "
                   "gravity, Di Giulio & Baltzopoulos 2019), both measured without a bar; with the thigh vertical the "
                   "knee and hip sit on one vertical, and the weight above them (body and 100 kg bar) about 2 cm ahead "
                   "gives -0.22 (knee, flexor) and +0.22 N*m/kg (hip) per leg, just outside 0.2 (without the bar "
                   "-0.10 and +0.10). A consistency check of quiet-standing data, not a validation; tolerance "
                   "unchanged")
def test_standing_tall_with_a_bar_knee_and_hip_near_zero(rows):
    assert abs(rows["standing_knee_per_kg"]) <= STANDING_TOL_PER_KG
    assert abs(rows["standing_hip_per_kg"]) <= STANDING_TOL_PER_KG


# --- rows 13-16: written into this file before the model's numbers for these rows were computed ----
# Every model number comes from the exercises' defaults (the typical technique), not inputs chosen per
# row; instants, legs, normalisation and sign mapping are stated here and in docs/validation.md.
#
# Row 13. Lee et al. (2018) J Exerc Sci Fit 16:87 (PMC6323186), abstract: ankle net joint torque,
# conventional deadlift -0.33 +- 0.08, Romanian deadlift -0.29 +- 0.06 (the abstract prints the unit as
# "Nm/kg cm"; read as N*m per kg of body mass, the only reading giving physiological magnitudes), n = 21.
# Read as row 7 reads the knee: per leg, mean over the rep path, bar 1.05 x body mass
# (validation.LEE_2018_LOAD_BODY_MASSES). Sign mapping: the abstract's knee values (conventional +0.21,
# Romanian -0.28) put extension positive at the knee; at the ankle a deadlift's moment is plantarflexor
# (Escamilla et al. 2000), so the negative values are read as plantarflexor (dorsiflexion-positive
# convention at the ankle, an assumption: the sign convention was not readable) and mapped to the
# library's + (plantarflexor). Tolerance: two SDs.
LEE_ANKLE_CONVENTIONAL_PER_KG, LEE_ANKLE_CONVENTIONAL_TOL = +0.33, 2 * 0.08
LEE_ANKLE_ROMANIAN_PER_KG, LEE_ANKLE_ROMANIAN_TOL = +0.29, 2 * 0.06
# Row 14. Fry, Smith & Schilling (2003), directions (abstract): with the knees stopped at the toes the
# knee torque falls, the hip torque rises, the trunk leans further forward and the shin less (the
# abstract: a greater internal ankle angle, i.e. less dorsiflexion). Fry's segment angles were not
# readable, so the model compares its own restricted squat (knee travel 0) with its free squat (the
# default knee travel; since the typical technique became the default, the typical shin lean) at the same
# default depth (parallel), high bar, bar = body mass, static bottom, per leg. Tolerance: each direction
# (restricted - free): knee < 0, hip > 0, trunk > 0, shank < 0.
FRY_SIGNS = {"knee": -1, "hip": +1, "trunk": +1, "shank": -1}
# Row 15. Mackey & Riemann (2021) Int J Exerc Sci 14(1):533-543 (PMC8136570), abstract: Bulgarian split
# squat at 35 % of the back-squat 1RM, 20 trained men (1.76 +- 0.06 m, 85.3 +- 13.9 kg): peak hip net
# joint moment greater than the ankle's and the knee's (d = 5.5-9.4); the knee's peak less than the
# ankle's (d = 2.1). Model: the library's bulgarian_split_squat at its defaults, the study's mean body,
# front leg, peak extensor (+ plantarflexor) moment over the rep path, N*m. Tolerance: direction,
# hip > knee and hip > ankle (the row); knee < ankle tested separately.
# Row 16. Swinton et al. (2012) J Strength Cond Res 26(7):1805-1816, abstract: 12 male powerlifters,
# 30-70 % 1RM: the largest peak spine and ankle moments in the traditional squat, then the powerlifting
# squat, then the box squat. Mapping: traditional = squat(bar="high_bar") (narrow stance, knees past the
# toes), powerlifting = squat(bar="low_bar") (the library's low-bar squat; its stance stays the default
# hip spacing, as the body model has no shoulder width for a wide stance), box = box_squat() (low bar,
# shins vertical, 40 cm box), each at its defaults, the same 100 kg bar, the reference body; peak
# extensor (+ plantarflexor) moment over the rep path, lumbar = L5/S1 whole body, ankle per leg.
# Tolerance: direction, traditional > powerlifting > box for both joints.
# (Later, with the typical technique as every squat's default: the shins lean as technique.squat_shank_lean
# says and box_squat() is sat back, technique.STANCE_BOX and COP_SITTING_BACK; mapping and tolerance unchanged.)
SWINTON_2012_ORDER = ("traditional", "powerlifting", "box")


# Row 13 after the typical technique: the pressure point of both lifts (technique.COP_RDL, COP_DEADLIFT) is
# derived by statics from these same ankle moments, so the row is a consistency check of that derivation
# through the rep path (the pressure held at its mean point in every pose), not a validation.
def test_lee_conventional_deadlift_ankle_within_two_sd(rows):
    assert abs(rows["lee_ankle_conventional_per_kg"] - LEE_ANKLE_CONVENTIONAL_PER_KG) <= LEE_ANKLE_CONVENTIONAL_TOL


def test_lee_romanian_deadlift_ankle_within_two_sd(rows):
    assert abs(rows["lee_ankle_romanian_per_kg"] - LEE_ANKLE_ROMANIAN_PER_KG) <= LEE_ANKLE_ROMANIAN_TOL


@pytest.mark.parametrize("what", sorted(FRY_SIGNS))
def test_fry_restricted_minus_free_direction(rows, what):
    assert _sign(rows["fry_directions"][what]) == FRY_SIGNS[what]


def test_mackey_bulgarian_split_squat_hip_above_knee_and_ankle(rows):
    p = rows["bulgarian_split_squat_peaks"]
    assert p["hip"] > p["knee"] and p["hip"] > p["ankle"]


@pytest.mark.xfail(strict=True, reason="the front knee's peak (86.1 N*m, at the bottom) is 0.2 N*m above the ankle's "
                   "(85.9), which is the same in every pose: the front foot's share (0.84, Helme et al. 2021) and its "
                   "pressure point (midfoot, an assumption) are fixed, so the ankle's lever never changes. No measured "
                   "pressure-point path over the rep was found; the pressure 5 mm further forward (52 % of the foot) "
                   "would reverse the order, and over the technique samples 39 % of lifters have the knee's peak below "
                   "the ankle's. Tolerance unchanged")
def test_mackey_bulgarian_split_squat_knee_below_ankle(rows):
    p = rows["bulgarian_split_squat_peaks"]
    assert p["knee"] < p["ankle"]


_SWINTON_LUMBAR_MISS = ("with the typical technique the order is reversed: box 493 > powerlifting (low bar) 456 > "
                        "traditional (high bar) 455 N*m (the trunk split at L5/S1 with the squats' lumbopelvic "
                        "rhythm; 467 > 427 > 423 with a rigid trunk). The box squat's more upright shin (22 deg at "
                        "the bottom against 32 and 29) makes the trunk lean furthest (59 deg) for balance even with its "
                        "pressure further back, and the model has no sitting onto the box; the low bar leans the "
                        "trunk more than the high bar at the same pressure point. Swinton's box squat had the "
                        "smallest. Tolerance unchanged")
_SWINTON_ANKLE_MISS = ("traditional and powerlifting squats have the same typical pressure point at the bottom "
                       "(technique.COP_SQUAT), so their flat-foot ankle peaks are equal (69.0 N*m per leg, equal to "
                       "round-off); the box squat's pressure further back (COP_SITTING_BACK, taken from Swinton's own "
                       "description: a consistency check) puts it lowest (58.4). Swinton's traditional squat moved the "
                       "system centre of mass forward, which the typical pressure point (the same for both bars, "
                       "van den Tillaar 2020) does not show. Tolerance unchanged")


@pytest.mark.parametrize("joint", [
    pytest.param("lumbar", marks=pytest.mark.xfail(strict=True, reason=_SWINTON_LUMBAR_MISS)),
    pytest.param("ankle", marks=pytest.mark.xfail(strict=True, reason=_SWINTON_ANKLE_MISS))])
def test_swinton_2012_traditional_above_powerlifting_above_box(rows, joint):
    a, b, c = (rows["swinton_2012_peaks"][s][joint] for s in SWINTON_2012_ORDER)
    assert a > b > c
