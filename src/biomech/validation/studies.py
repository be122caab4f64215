"""The model beside published measurements, inputs matched to each study as far as reported.

Each function computes the model's number for one row of ``docs/validation.md``; the
tolerances, set from each study's spread, live with the test (``tests/test_validation.py``).
Studies and what they report:

* Fry AC, Smith JC, Schilling BK (2003) J Strength Cond Res 17(4):629-633, abstract: seven
  weight-trained men, parallel high-bar squats with a bar equal to body mass, knees stopped at
  the toes by a barrier or free; static knee torque 150.1 +- 50.8 (free) and 117.3 +- 34.2 N*m
  (restricted); hip torque 28.2 +- 65.0 (free) and 302.7 +- 71.2 N*m (restricted).
* Escamilla RF et al. (2008) J Orthop Sports Phys Ther 38(11):681-690: forward lunge, short
  versus long step; patellofemoral force greater with the short step between 70 and 90 deg
  of knee flexion (p < 0.05).
* Harandi VJ, Ehsani H, Rostami M (2013), horizontal leg press model (abstract): knee-extensor
  muscle forces smaller with the feet high than low.
* Landin D, Thompson M, Reid M (2015) J Clin Med Res 7(8):602-606: stimulated gastrocnemius
  plantarflexion torque greatest with the knee straight.
* Lu Z et al. (2022) Bioengineering 9(7):301, abstract: heel-lift insoles raised knee moments
  in men's barbell squats.
* Lee S, Schultz J, Timgren J, Staelgraeve K, Miller M, Liu H (2018) J Exerc Sci Fit 16(3):87-93
  (PMC6323186), abstract: Romanian deadlift at 70 % of the RDL 1RM, knee net joint torque
  -0.28 +- 0.10 N*m/kg (a flexor demand; conventional deadlift +0.21 +- 0.13); read per leg
  (see :data:`LEE_2018_LOAD_BODY_MASSES`); ankle -0.33 +- 0.08 (conventional) and -0.29 +- 0.06
  (Romanian), read as plantarflexor moments (:func:`lee2018_ankle_per_kg`).
* Mackey ER, Riemann BL (2021) Int J Exerc Sci 14(1):533-543 (PMC8136570), abstract: Bulgarian split
  squat, 20 trained men (1.76 +- 0.06 m, 85.3 +- 13.9 kg): peak hip moment above the ankle's and the
  knee's, the knee's below the ankle's (:func:`bulgarian_split_squat_peaks`).
* Swinton PA, Lloyd R, Keogh JWL, Agouris I, Stewart AD (2012) J Strength Cond Res 26(7):1805-1816,
  abstract: peak spine and ankle moments largest in the traditional squat, then the powerlifting
  squat, then the box squat (:func:`swinton_2012_squat_peaks`).

Examples
--------
>>> r = fry_knee_travel()
>>> r["knee_change"] < 0 < r["hip_change"]
True
"""

from __future__ import annotations

import math

import numpy as np

from .. import exercises as ex
from ..model.body import Body
from ..muscles import default_muscles, muscle_demand
from ..units import Q_
from ..cues import poses
from ..cues.experiments import STANDARD_BODIES

__all__ = ["fry_knee_travel", "lunge_step_patellofemoral", "leg_press_feet_knee_extensor_force",
           "gastrocnemius_capacity_by_knee_angle", "heel_lift_knee_moment", "rdl_knee_moment_per_kg",
           "lee2018_knee_per_kg", "LEE_2018_LOAD_BODY_MASSES", "validation_rows",
           "lee2018_ankle_per_kg", "fry_directions", "schellenberg_deadlift_load", "sumo_against_conventional_ankle",
           "trap_bar_against_straight_bar", "deadlift_against_good_morning_knee", "bulgarian_split_squat_peaks", "swinton_2012_squat_peaks",
           "MACKEY_2021_BODY", "MACKEY_2021_LOAD_BODY_MASSES", "SWINTON_2012_LOAD_KG", "SWINTON_2012_MAPPING"]

_REF = STANDARD_BODIES[0]      # 1.78 m, 80 kg: used where a study does not report its subjects' size


def fry_knee_travel(unrestricted_travel_m: float | None = None) -> dict:
    """Restricted (knee at the toes) over unrestricted parallel squat, bar = body mass.

    :func:`biomech.exercises.squat`, high bar, the pressure point at the typical technique's
    (``technique.COP_SQUAT``) in both. The unrestricted squat is the typical technique's free
    squat (``knee_travel=None``: the shin lean of ``technique.squat_shank_lean``) unless
    ``unrestricted_travel_m`` gives a knee travel. Returns relative changes (restricted /
    unrestricted - 1) of the knee and hip moments, the hip ratio, and the moments per leg (N*m).
    """
    def one(travel):
        return ex.squat(_REF, depth=Q_(90.0, "deg"), knee_travel=None if travel is None else Q_(travel, "m"),
                        load=_REF.mass, bar="high_bar")

    r, f = one(0.0), one(unrestricted_travel_m)
    k = np.array([float(r.knee.m_as("N*m")), float(f.knee.m_as("N*m"))])
    h = np.array([float(r.hip.m_as("N*m")), float(f.hip.m_as("N*m"))])
    return {"knee_change": float(k[0] / k[1] - 1), "hip_change": float(h[0] / h[1] - 1),
            "hip_ratio": float(h[0] / h[1]), "knee_restricted": float(k[0]), "knee_free": float(k[1]),
            "hip_restricted": float(h[0]), "hip_free": float(h[1])}


def lunge_step_patellofemoral(knee_deg: float = 80.0) -> dict:
    """Front-leg patellofemoral compression (N) in a short- and a long-step forward lunge at the
    same front knee flexion, dumbbells 0.25 x body mass (a 12-RM-like load).

    :func:`biomech.exercises.lunge` (70 % of the weight on the front foot, trunk lean solved);
    short step 0.65 leg lengths with the front shank at 30 deg, long step 1.05 leg lengths
    with it at 5 deg.
    """
    leg = _REF.thigh.length_m + _REF.shank.length_m
    out = {}
    for name, shank_deg, step in (("short", 30.0, 0.65), ("long", 5.0, 1.05)):
        kw = dict(step_length=Q_(step * leg, "m"), depth=Q_(knee_deg - shank_deg, "deg"),
                  load=Q_(0.25 * _REF.mass_kg, "kg"), hold="hands")
        kt = poses.knee_travel_for_shank(ex.lunge, _REF, math.radians(shank_deg), shank_of=poses.front_shank, **kw)
        lg = ex.lunge(_REF, knee_travel=Q_(float(kt), "m"), **kw)
        d = muscle_demand(lg, body_mass=_REF.mass, body_height=_REF.height)
        out[name] = float(d.front.patellofemoral.to("N").magnitude)
    out["short_over_long"] = out["short"] / out["long"]
    return out


#: Song et al. (2023) split-squat subjects: 20 men, 175.1 +- 4.9 cm (abstract); body mass not read,
#: 70 kg assumed. Step lengths compared by the model: 0.6 and 1.0 leg lengths (the study's four
#: step lengths were not readable; these two span the usual range). Body weight only.
SONG_2023_BODY = ("175.1 cm", "70 kg")
SONG_2023_STEPS = (0.6, 1.0)


def split_squat_step_length(steps: tuple = SONG_2023_STEPS) -> dict:
    """Front knee and hip moments (N*m per leg) of a body-weight split squat at a short and a long
    step (fractions of leg length), the library's default bottom position
    (:func:`biomech.exercises.split_squat`), for comparison with Song et al. (2023)."""
    body = Body.from_anthropometrics(*SONG_2023_BODY)
    r = ex.split_squat(body, step_fraction=np.asarray(steps, dtype=float))
    k, h = r.front.knee.to("N*m").magnitude, r.front.hip.to("N*m").magnitude
    return {"knee_short": float(k[0]), "knee_long": float(k[1]), "hip_short": float(h[0]), "hip_long": float(h[1]),
            "hip_long_over_short": float(h[1] / h[0]),
            "knee_hip_ratio_long_over_short": float((k[1] / h[1]) / (k[0] / h[0])),
            "shank_short_deg": float(r.pose.front.shank.m_as("deg")[0]),
            "shank_long_deg": float(r.pose.front.shank.m_as("deg")[1])}


def leg_press_feet_knee_extensor_force(force_direction: str = "min_effort") -> dict:
    """Quadriceps force (N, per leg) with the feet low and high on a 45-degree leg press,
    same knee flexion and load (the cue experiment's set-up), from muscle demand.

    ``force_direction`` is the leg press's (``"min_effort"``, its default, or ``"rails"``, the
    earlier model): the platform's shear is not decided by statics.
    """
    from ..cues.lift_experiments import LEG_PRESS_DEPTH_DEG, LEG_PRESS_FEET, LEG_PRESS_SLED_BODY_MASSES
    out = {}
    for where, off in LEG_PRESS_FEET.items():
        lp = ex.leg_press(_REF, load=Q_(LEG_PRESS_SLED_BODY_MASSES * _REF.mass_kg, "kg"), foot_position=Q_(off, "m"),
                          knee_flexion=Q_(LEG_PRESS_DEPTH_DEG, "deg"), force_direction=force_direction)
        d = muscle_demand(lp, body_mass=_REF.mass, body_height=_REF.height)
        out[where] = float(d.force["quadriceps"].to("N").magnitude)
        out[f"knee_{where}"] = float(lp.knee.m_as("N*m"))
        out[f"hip_{where}"] = float(lp.hip.m_as("N*m"))
        out[f"force_angle_{where}"] = float(lp.extras["force_angle"].m_as("deg"))
    out["high_over_low"] = out["high"] / out["low"]
    return out


def gastrocnemius_capacity_by_knee_angle(ankle_deg: float = 0.0) -> dict:
    """Maximal plantarflexor moment of the gastrocnemius (N*m: capacity x Achilles moment arm) with
    the knee straight and at 90 deg, at the same ankle angle."""
    gas = next(m for m in default_muscles(_REF.height_m, _REF.mass_kg) if m.key == "gastrocnemius")
    sign, arm = gas.arms["ankle"]
    out = {}
    for name, knee in (("straight", 0.0), ("bent 90", 90.0)):
        ang = {"ankle": np.array([math.radians(ankle_deg)]), "knee": np.array([math.radians(knee)]),
               "hip": np.array([0.0])}
        fl = float(np.asarray(gas.force_length(ang)).ravel()[0]) if gas.force_length else 1.0
        out[name] = gas.pcsa * 61.0e4 * fl * float(arm(ang["ankle"])[0])
    out["bent_over_straight"] = out["bent 90"] / out["straight"]
    return out


def heel_lift_knee_moment() -> dict:
    """Knee moment (N*m per leg) with a 25 mm heel lift over flat, same dorsiflexion and depth
    (the cue experiment's set-up)."""
    from ..cues.lift_experiments import experiment_heel_elevation
    r = experiment_heel_elevation(STANDARD_BODIES[:1])
    return {"knee_change": r.numbers[_REF.name]["knee_moment_change"]}


#: How Lee et al. (2018, J Exerc Sci Fit 16:87, PMC6323186, abstract) are read, one reading for every
#: check (``tests/test_validation.py`` and ``tests/test_exercises_others.py``): the knee net joint
#: torque "Nm/kg" is taken PER LEG (inverse dynamics of one limb over its own force plate, the usual
#: lab convention; the abstract does not say) per kg of body mass; the value is the mean over the rep
#: path (21 evenly spaced fractions from standing to the exercise's default bottom, the abstract does not
#: say mean or peak); the bar is 70 % of an RDL 1RM taken as 1.5 x body mass, i.e. 1.05 x body mass
#: (an assumption: the study's loads were not read). The conventional deadlift uses the same bar.
LEE_2018_LOAD_BODY_MASSES = 1.05
LEE_2018_SAMPLES = 21


def lee2018_knee_per_kg(lift: str = "romanian_deadlift", body=None,
                        load_body_masses: float = LEE_2018_LOAD_BODY_MASSES, **kwargs) -> float:
    """Mean knee moment per leg per kg of body mass over a deadlift's rep path, N*m/kg, read as
    Lee et al. (2018) are read here (see :data:`LEE_2018_LOAD_BODY_MASSES`).

    ``lift`` is ``"romanian_deadlift"`` or ``"deadlift"`` (any exercise name works);
    ``kwargs`` go to the exercise. Negative = knee-flexor demand.

    >>> lee2018_knee_per_kg("romanian_deadlift") < 0 < lee2018_knee_per_kg("deadlift")
    True
    """
    body = _REF if body is None else body
    load = Q_(load_body_masses * body.mass_kg, "kg")
    path = ex.rep_path(lift, body, load=load, n=LEE_2018_SAMPLES, **kwargs)
    return float(np.mean(path.knee.to("N*m").magnitude)) / body.mass_kg


def rdl_knee_moment_per_kg(load_body_masses: float = LEE_2018_LOAD_BODY_MASSES) -> dict:
    """Knee moment per leg per kg of body mass over the RDL's rep path (the library's
    :func:`biomech.exercises.romanian_deadlift` at its defaults: knees 20 deg, bar to the knee),
    read as :func:`lee2018_knee_per_kg` reads Lee et al. (2018)."""
    body = _REF
    path = ex.rep_path("romanian_deadlift", body, load=Q_(load_body_masses * body.mass_kg, "kg"),
                       n=LEE_2018_SAMPLES)
    per_leg = path.knee.to("N*m").magnitude / body.mass_kg
    return {"mean_per_kg": float(np.mean(per_leg)), "min_per_kg": float(np.min(per_leg)),
            "max_per_kg": float(np.max(per_leg))}


#: Load of the deadlift-family rows (Swinton 2011, Escamilla 2000): 100 kg, a submaximal load for the
#: reference body (Swinton et al. used 10-80 % of 1RM; the lifters' 1RM was not read). Assumption.
DEADLIFT_ROW_LOAD_KG = 100.0


_JOINTS = ("ankle", "knee", "hip", "lumbar")


def _moments(r) -> dict:
    return {j: float(getattr(r, j).m_as("N*m")) for j in _JOINTS}


def _typical_conventional(load_kg: float, body):
    """The conventional deadlift at its defaults: the typical technique (``technique.typical("deadlift")``:
    knee flexion for the load, toe-out, stance width, pressure point)."""
    from ..exercises import deadlift
    from ..units import Q_

    return deadlift(body, load=Q_(load_kg, "kg"))


def trap_bar_against_straight_bar(load_kg: float = DEADLIFT_ROW_LOAD_KG) -> dict:
    """Swinton et al. 2011: trap-bar minus straight-bar joint moments at lift-off, N·m per leg
    (lumbar whole body), both at the typical technique, the same load, the reference body."""
    from ..exercises import trap_bar_deadlift
    from ..units import Q_

    body = _REF
    trap = _moments(trap_bar_deadlift(body, load=Q_(load_kg, "kg")))
    straight = _moments(_typical_conventional(load_kg, body))
    return {j: trap[j] - straight[j] for j in _JOINTS} | {"trap": trap, "straight": straight}


def sumo_against_conventional_ankle(load_kg: float = DEADLIFT_ROW_LOAD_KG) -> dict:
    """Escamilla et al. 2000: the ankle moment at lift-off, sumo and conventional, N·m per leg
    (+ plantarflexor), at the typical technique, the reference body.

    Also splits every sumo - conventional difference (per leg, lumbar whole body) into the part the
    stance's side view makes alone (``projection``: the sumo start against the same in-plane technique,
    the sumo's knee flexion and pressure point, in the conventional stance and toe-out) and the rest
    (``technique``: the sumo's extra knee flexion, seen in the conventional stance);
    ``total = projection + technique``.

    >>> r = sumo_against_conventional_ankle()
    >>> all(abs(r["total"][j] - r["projection"][j] - r["technique"][j]) < 1e-9 for j in r["total"])
    True
    """
    from ..exercises import sumo_deadlift
    from ..exercises import technique as tq
    from ..units import Q_

    body = _REF
    conv = _typical_conventional(load_kg, body)
    sumo = sumo_deadlift(body, load=Q_(load_kg, "kg"))
    t = tq.typical("deadlift").drawn
    knee_sumo = sumo.parameters["knee_flexion"]
    narrow = sumo_deadlift(body, load=Q_(load_kg, "kg"), knee_flexion=knee_sumo,
                           toe_out=Q_(t["toe_out"].mean, "deg"), stance_width=Q_(t["stance"].mean, "m"))
    c, s_, n = _moments(conv), _moments(sumo), _moments(narrow)
    return {"sumo": s_["ankle"], "conventional": c["ankle"],
            "total": {j: s_[j] - c[j] for j in _JOINTS},
            "projection": {j: s_[j] - n[j] for j in _JOINTS},
            "technique": {j: n[j] - c[j] for j in _JOINTS}}


def deadlift_against_good_morning_knee(load_body_masses: float = 0.25) -> dict:
    """Schellenberg et al. 2013: the knee moment, N·m per leg (+ extensor), of the deadlift's start
    and of the good morning's bottom, both with ``load_body_masses`` x body mass, the typical technique."""
    from ..exercises import good_morning
    from ..units import Q_

    body = _REF
    load = load_body_masses * body.mass_kg
    return {"deadlift": float(_typical_conventional(load, body).knee.m_as("N*m")),
            "good_morning": float(good_morning(body, load=Q_(load, "kg")).knee.m_as("N*m"))}


def schellenberg_deadlift_load(light: float = 0.25, heavy: float = 0.50) -> dict:
    """Schellenberg et al. 2013: the conventional deadlift's start with ``light`` and ``heavy`` x body
    mass on the bar (N·m, per leg; lumbar whole body), each at the typical technique for its load (the
    knee flexion falls 4.4 deg from 25 % to 50 % body weight, as the study measured), and the knee
    flexion used. Row 11b of ``docs/validation.md``.

    >>> r = schellenberg_deadlift_load()
    >>> r["heavy"]["hip"] > r["light"]["hip"]
    True
    """
    body = _REF
    out = {}
    for key, bm_ in (("light", light), ("heavy", heavy)):
        r = _typical_conventional(bm_ * body.mass_kg, body)
        out[key] = _moments(r) | {"knee_flexion_deg": float(r.parameters["knee_flexion"].m_as("deg"))}
    out["knee_change"] = out["heavy"]["knee"] - out["light"]["knee"]
    out["knee_change_same_technique"] = _moments(_typical_conventional_at(heavy * body.mass_kg, body,
                                                                          out["light"]["knee_flexion_deg"]))["knee"] \
        - out["light"]["knee"]
    return out


def _typical_conventional_at(load_kg: float, body, knee_deg: float):
    from ..exercises import deadlift
    from ..units import Q_

    return deadlift(body, load=Q_(load_kg, "kg"), knee_flexion=Q_(knee_deg, "deg"))


def standing_tall_with_a_bar(load_kg: float = 100.0) -> dict:
    """Knee and hip moments per kg (per leg) standing tall with a bar on the back: the squat at a
    thigh angle of 0 deg, every other parameter at its default (the typical technique's standing
    end: the knee 3.8 cm ahead of the ankle, Woodhull et al. 1985; the pressure point 5.8 cm ahead
    of the ankle, the quiet-standing line of gravity of Di Giulio & Baltzopoulos 2019)."""
    from ..exercises import squat
    from ..units import Q_

    body = _REF
    r = squat(body, depth="0 deg", load=Q_(load_kg, "kg"))
    return {"knee_per_kg": float(r.knee.m_as("N*m")) / body.mass_kg,
            "hip_per_kg": float(r.hip.m_as("N*m")) / body.mass_kg,
            "knee_N_m": float(r.knee.m_as("N*m")), "hip_N_m": float(r.hip.m_as("N*m"))}


def validation_rows() -> dict:
    """Every model number of ``docs/validation.md``, by row id."""
    fry = fry_knee_travel()
    song = split_squat_step_length()
    sumo = sumo_against_conventional_ankle()
    sch = deadlift_against_good_morning_knee()
    stand = standing_tall_with_a_bar()
    return {
        "fry_knee_change": fry["knee_change"],
        "fry_hip_ratio": fry["hip_ratio"],
        "lunge_pf_short_over_long": lunge_step_patellofemoral()["short_over_long"],
        "leg_press_quad_high_over_low": leg_press_feet_knee_extensor_force()["high_over_low"],
        "gastrocnemius_bent_over_straight": gastrocnemius_capacity_by_knee_angle()["bent_over_straight"],
        "heel_lift_knee_change": heel_lift_knee_moment()["knee_change"],
        "rdl_knee_per_kg": rdl_knee_moment_per_kg()["mean_per_kg"],
        "split_squat_step_hip_long_over_short": song["hip_long_over_short"],
        "split_squat_step_knee_hip_ratio_long_over_short": song["knee_hip_ratio_long_over_short"],
        "trap_minus_straight": trap_bar_against_straight_bar(),
        "sumo_ankle": sumo["sumo"], "conventional_ankle": sumo["conventional"],
        "schellenberg_deadlift_knee": sch["deadlift"], "schellenberg_good_morning_knee": sch["good_morning"],
        "schellenberg_load": schellenberg_deadlift_load(),
        "sumo_minus_conventional": {k: sumo[k] for k in ("total", "projection", "technique")},
        "standing_knee_per_kg": stand["knee_per_kg"], "standing_hip_per_kg": stand["hip_per_kg"],
        "lee_ankle_conventional_per_kg": lee2018_ankle_per_kg("deadlift"),
        "lee_ankle_romanian_per_kg": lee2018_ankle_per_kg("romanian_deadlift"),
        "fry_directions": fry_directions(),
        "bulgarian_split_squat_peaks": bulgarian_split_squat_peaks(),
        "swinton_2012_peaks": swinton_2012_squat_peaks(),
    }


def lee2018_ankle_per_kg(lift: str = "romanian_deadlift", body=None,
                         load_body_masses: float = LEE_2018_LOAD_BODY_MASSES, **kwargs) -> float:
    """Mean ankle moment per leg per kg of body mass over a deadlift's rep path, N*m/kg
    (+ plantarflexor), read as Lee et al. (2018) are read here (row 13 of ``docs/validation.md``).

    The same reading as :func:`lee2018_knee_per_kg`: per leg, mean over
    :data:`LEE_2018_SAMPLES` fractions of the rep path from standing to the exercise's default
    bottom, bar :data:`LEE_2018_LOAD_BODY_MASSES` x body mass. Lee et al. report the ankle as
    -0.33 +- 0.08 (conventional) and -0.29 +- 0.06 (Romanian), read as plantarflexor moments,
    i.e. +0.33 and +0.29 in this library's signs (the study's sign convention was not readable).

    Parameters
    ----------
    lift : str
        ``"romanian_deadlift"`` or ``"deadlift"`` (any exercise name works).
    body : Body, optional
        The lifter; default the reference body (1.78 m, 80 kg).
    load_body_masses : float
        Bar mass in body masses.
    **kwargs
        Passed to the exercise.

    Returns
    -------
    float
        N*m per kg of body mass, per leg; + = plantarflexor.

    Examples
    --------
    >>> lee2018_ankle_per_kg("deadlift") > 0          # plantarflexor, as the study's value is read
    True
    """
    body = _REF if body is None else body
    load = Q_(load_body_masses * body.mass_kg, "kg")
    path = ex.rep_path(lift, body, load=load, n=LEE_2018_SAMPLES, **kwargs)
    return float(np.mean(path.ankle.to("N*m").magnitude)) / body.mass_kg


def fry_directions() -> dict:
    """Fry et al. (2003) directions (row 14): restricted (knee travel 0) minus free squat (the
    squat's default: the typical technique's shin lean), both at the default depth (parallel) and
    the default (typical) pressure point, high bar, bar = body mass, static bottom, the reference body.

    Returns
    -------
    dict
        ``knee``, ``hip``: moment differences, N*m per leg (+ extensor); ``trunk``, ``shank``:
        segment-angle differences, deg from vertical (forward positive); and each condition's
        values under ``restricted`` and ``free``.

    Examples
    --------
    >>> d = fry_directions()
    >>> sorted(d["free"])
    ['hip', 'knee', 'shank', 'trunk']
    """
    def one(**kw):
        r = ex.squat(_REF, load=_REF.mass, bar="high_bar", **kw)
        return {"knee": float(r.knee.m_as("N*m")), "hip": float(r.hip.m_as("N*m")),
                "trunk": float(r.pose.trunk.m_as("deg")), "shank": float(r.pose.shank.m_as("deg"))}

    restricted, free = one(knee_travel="0 cm"), one()
    return {k: restricted[k] - free[k] for k in free} | {"restricted": restricted, "free": free}


#: Mackey & Riemann (2021) subjects: 20 trained men, 1.76 +- 0.06 m, 85.3 +- 13.9 kg (abstract).
MACKEY_2021_BODY = ("176 cm", "85.3 kg")
#: Bulgarian split-squat load: 35 % of the back-squat 1RM (abstract); the 1RM was not read and is
#: taken as 1.5 x body mass (an assumption), i.e. 0.525 x body mass.
MACKEY_2021_LOAD_BODY_MASSES = 0.35 * 1.5
#: Fractions of the rep path over which the model's peak is taken (rows 15 and 16).
PEAK_SAMPLES = 21


def bulgarian_split_squat_peaks() -> dict:
    """Mackey & Riemann (2021), row 15: the front leg's peak ankle, knee and hip moments, N*m
    (+ plantarflexor, knee extensor, hip extensor), over the rep path of the library's
    :func:`biomech.exercises.bulgarian_split_squat` at its defaults, the study's mean body,
    :data:`MACKEY_2021_LOAD_BODY_MASSES` x body mass held in the hands (the default hold).

    Examples
    --------
    >>> p = bulgarian_split_squat_peaks()
    >>> sorted(p)
    ['ankle', 'hip', 'knee']
    """
    body = Body.from_anthropometrics(*MACKEY_2021_BODY)
    path = ex.rep_path("bulgarian_split_squat", body, load=Q_(MACKEY_2021_LOAD_BODY_MASSES * body.mass_kg, "kg"),
                       n=PEAK_SAMPLES)
    return {j: float(np.nanmax(getattr(path.front, j).m_as("N*m"))) for j in ("ankle", "knee", "hip")}


#: Bar of the Swinton et al. (2012) row: 100 kg for every style (their lifters used 30-70 % of 1RM;
#: the 1RM was not read; an assumption).
SWINTON_2012_LOAD_KG = 100.0
#: Which library exercise stands for each of Swinton et al.'s (2012) squats (each at its defaults: the
#: typical technique; the box squat's is sat back, ``technique.STANCE_BOX`` and ``COP_SITTING_BACK``,
#: assumptions taken from Swinton's own description, so its part of the row is a consistency check).
SWINTON_2012_MAPPING = {"traditional": ("squat", {"bar": "high_bar"}),
                        "powerlifting": ("squat", {"bar": "low_bar"}),
                        "box": ("box_squat", {})}


def swinton_2012_squat_peaks(load_kg: float = SWINTON_2012_LOAD_KG) -> dict:
    """Swinton et al. (2012), row 16: peak lumbar (L5/S1, whole body, + extensor) and ankle (per
    leg, + plantarflexor) moments, N*m, over the rep path of each squat of
    :data:`SWINTON_2012_MAPPING` at its defaults, the same bar, the reference body.

    Examples
    --------
    >>> p = swinton_2012_squat_peaks()
    >>> sorted(p), sorted(p["box"])
    (['box', 'powerlifting', 'traditional'], ['ankle', 'lumbar'])
    """
    out = {}
    for style, (name, kw) in SWINTON_2012_MAPPING.items():
        path = ex.rep_path(name, _REF, load=Q_(load_kg, "kg"), n=PEAK_SAMPLES, **kw)
        out[style] = {j: float(np.nanmax(getattr(path, j).m_as("N*m"))) for j in ("lumbar", "ankle")}
    return out
