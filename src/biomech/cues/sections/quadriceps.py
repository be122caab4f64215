"""Cues of the article's section on the quadriceps."""

import dataclasses

import numpy as np

from ..cue import Cue
from ..experiments import experiment_torque_wording
from ..lift_experiments import (experiment_leg_extension_lockout,
                                experiment_leg_press_feet, experiment_leg_press_rom, experiment_pulse_squat,
                                experiment_rectus_femoris_two_joints, experiment_stance_width_toe_out)
from ..paired import (experiment_heel_elevation_paired, experiment_knee_travel_paired, experiment_mobility_paired,
                      experiment_squat_depth_paired)
from ..verdicts import Rule, Verdict as V

_Q = "The Quadriceps"

_KUBO = ("Kubo K, Ikebukuro T, Yata H (2019), Eur J Appl Physiol 119(9):1933-1942: 10 weeks of full or half "
         "squats grew the knee extensors alike (4.9 +- 2.6 % and 4.6 +- 3.1 %); only the full squat grew the "
         "adductors and gluteus maximus more; 17 men.")
_ESC2001 = ("Escamilla RF et al. (2001), Med Sci Sports Exerc 33(9):1552-1566 (abstract): no differences between "
            "feet straight and turned out 30 deg, nor between high and low foot placement on the leg press, in "
            "knee forces; men.")


def _lunge_knee_travel(bodies):
    """The knee-travel experiment's lunge groups only (the lunge pattern's premise)."""
    r = experiment_knee_travel_paired(bodies)
    return dataclasses.replace(r, samples=tuple(s for s in r.samples if s.labels.get("lift") == "lunge"))


CUES = (
    Cue("rectus-femoris-hip-flexor", _Q, "Rectus femoris also flexes the hip, less strongly",
        "All four quadriceps extend the knee; the rectus femoris also flexes the hip, less strongly.",
        premise="the rectus femoris's lever at the hip is shorter than its lever at the knee",
        rule=Rule("hip_to_knee_arm_ratio", 1.0, "below",
                  "'less strongly' means a shorter hip lever than knee lever; equal levers divide the two", unit="x"),
        experiment=experiment_rectus_femoris_two_joints,
        key="hip lever / knee lever: {hip_to_knee_arm_ratio:x}",
        flips=((np.array([0.6, 0.8]), V.CONSISTENT), (np.array([0.8, 1.8]), V.DEPENDS)),
        exercises=("leg_extension", "squat")),
    Cue("torque-is-force-times-moment-arm", _Q, "Knee travel lengthens the quads' moment arm",
        "Torque equals force times a distance, described as the distance the force acts over (the moment arm); "
        "the further the knee travels past the toes, the longer the moment arm for the quadriceps.",
        premise="as the knee travels forward, the load's moment arm about the knee grows",
        rule=Rule("external_arm_change", 0.0, "above", "any growth of the lever is what the premise says; none "
                  "divides", unit="m"),
        experiment=experiment_torque_wording,
        key="load's lever about the knee, shin lean 10 to 25 deg: grows {external_arm_change:m}",
        flips=((np.array([0.05, 0.08]), V.CONSISTENT), (np.array([-0.02, -0.01]), V.INCONSISTENT)),
        literature="The wording describes work (force x distance moved), not a moment arm; and it is the load's "
                   "lever that grows, while the quadriceps' own lever (patellar tendon) shrinks with knee flexion "
                   "(Hosseinzadeh et al. 2020, Arch Bone Jt Surg 8(5):641-645).",
        exercises=("squat",)),
    Cue("knee-travel-quadriceps", _Q, "Let the knees travel past the toes",
        "Letting the knees travel past the toes lengthens the knee's moment arm and raises quadriceps demand; the "
        "same holds for lunges, split squats and step-ups.",
        premise="knees 10 cm past the toes raise the knee-extensor moment over knees stopped at the toes, at the "
                "same depth and load",
        rule=Rule("knee_moment_change", 0.0, "above", "any rise in knee demand is what the cue claims; no "
                  "change divides", unit="%"),
        experiment=experiment_knee_travel_paired,
        key="knees past the toes: knee demand {knee_moment_change:+%}, hip demand {hip_moment_change:+%}",
        flips=((np.array([0.1, 0.5]), V.CONSISTENT), (np.array([-0.2, -0.05]), V.INCONSISTENT)),
        literature="Fry AC, Smith JC, Schilling BK (2003), J Strength Cond Res 17(4):629-633: restricting knee "
                   "travel lowered knee torque and raised hip torque in the squat; 7 men.",
        exercises=("squat", "lunge", "step_up")),
    Cue("knee-travel-needs-mobility", _Q, "Knees past the toes only with ankle mobility",
        "Knees past the toes are fine only with enough ankle and hip mobility to keep the heels down and the spine "
        "neutral.",
        premise="a lifter's ankle dorsiflexion covers what knees 10 cm past the toes need at parallel (the hip "
                "half runs the other way: restricting the knees needs more hip flexion and trunk lean)",
        rule=Rule("dorsiflexion_margin_deg", 0.0, "above", "needing more dorsiflexion than one has lifts the "
                  "heels; zero margin divides", unit="deg"),
        experiment=experiment_mobility_paired,
        key="ankle range left with knees 10 cm past the toes: {dorsiflexion_margin_deg:deg}",
        flips=((np.array([2.0, 8.0]), V.CONSISTENT), (np.array([-4.0, 8.0]), V.DEPENDS)),
        exercises=("squat", "split_squat", "lunge")),
    Cue("knees-over-toes-injury", _Q, "Knees over toes hurt people with poor mobility",
        "Knees travelling over the toes is bad for the knees of people without adequate mobility.",
        outside="an injury claim: joint moments alone do not give tissue tolerance or injury risk",
        exercises=("squat", "lunge")),
    Cue("heel-elevated-squat", _Q, "Heel-elevated squat for more knee travel",
        "A heel-elevated squat exists to let the knees travel further forward, loading the quadriceps more.",
        premise="raising the heels 25 mm at the lifter's own ankle dorsiflexion moves the knees forward and "
                "raises the knee-extensor moment",
        rule=Rule("knee_moment_change", 0.0, "above", "any rise is the premise; no change divides", unit="%"),
        experiment=experiment_heel_elevation_paired,
        key="heels on a 25 mm wedge: knees {knee_travel_change_cm:cm} further forward, knee demand "
            "{knee_moment_change:+%}",
        flips=((np.array([0.05, 0.2]), V.CONSISTENT), (np.array([-0.1, -0.02]), V.INCONSISTENT)),
        exercises=("squat",)),
    Cue("stance-width-toes-out", _Q, "Toes out and wide stance shift load to the glutes",
        "Turning the toes out (and a wide stance) does nothing for the quadriceps and shifts the load to the glutes.",
        outside="with the toes out, the sagittal moments are the leg-plane moments times cos(toe angle) (0.866 at "
                "30 deg), so the hip's share cannot change by construction; the mechanism the article invokes "
                "(abduction, rotation) is frontal and transverse. The experiment below shows the projection",
        experiment=experiment_stance_width_toe_out, literature=_ESC2001,
        exercises=("squat",)),
    Cue("leg-extension-toe-direction", _Q, "Toes in or out on leg extensions does not target heads",
        "Pointing the toes in or out on the leg extension does not target the inner or outer quadriceps, and the "
        "twist strains the knee's collateral ligaments.",
        outside="which head of the quadriceps works, tibial rotation and collateral-ligament loads are outside a "
                "sagittal torque model", exercises=("leg_extension",)),
    Cue("leg-extension-light-no-lockout", _Q, "Leg extensions: light, no forceful lockout",
        "Leg extensions: light to moderate load and no forceful lockout.",
        outside="an injury claim. The experiment below shows why the moment alone cannot decide it: the knee "
                "moment's peak at lockout comes from assuming a constant cam torque, and the quadriceps force is "
                "lowest at lockout, where their lever is longest",
        experiment=experiment_leg_extension_lockout, exercises=("leg_extension",)),
    Cue("squats-build-quads", _Q, "Deep squats and bottom holds for the quads",
        "Squats build the quadriceps: a strong full-range squat, deep bodyweight squats and holds at the bottom.",
        premise="a deep squat (thigh 115 deg) demands more knee-extensor moment per kg at the bottom than a half "
                "squat (45 deg) with the same bar, thigh-calf contact included",
        rule=Rule("depth_gain_per_kg", 0.0, "above", "any rise is the premise; no change divides", unit="N·m/kg"),
        experiment=experiment_squat_depth_paired,
        key="deep vs half squat: knee demand {depth_gain_per_kg:N·m/kg} more",
        flips=((np.array([0.5, 0.9]), V.CONSISTENT), (np.array([-0.2, 0.4]), V.DEPENDS)),
        literature="The growth claim itself is not judged: " + _KUBO, exercises=("squat",)),
    Cue("deep-squats-grow-quads-more", _Q, "Deeper squats grow the quads more",
        "The deeper the squat, the more the quadriceps grow.",
        outside="growth is physiology; the moment premise is judged above ('Deep squats and bottom holds')",
        literature=_KUBO, literature_disagrees=True, exercises=("squat",)),
    Cue("pulse-squats-tension", _Q, "Pulse squats keep tension",
        "Pulse squats that never lock out keep tension on the quadriceps.",
        premise="locking out unloads the knee: standing tall the knee moment is under half the least in the "
                "pulse range",
        rule=Rule("lockout_fraction", 0.5, "below", "'unloads' = less than half the pulse range's least moment: "
                  "the midpoint between fully unloaded and no change (an assumption)", unit="x"),
        experiment=experiment_pulse_squat,
        key="standing tall the knee's demand is {lockout_fraction:x} the pulse range's least (below 0: no "
            "knee-extensor demand left)",
        flips=((np.array([0.0, 0.2]), V.CONSISTENT), (np.array([0.7, 0.9]), V.INCONSISTENT)),
        exercises=("squat",)),
    Cue("leg-press-feet-low", _Q, "Feet low on the leg press for quads",
        "Placing the feet low on the leg-press platform loads the quadriceps more.",
        premise="feet low on the platform raise the knee-extensor moment over feet high, same sled and depth",
        rule=Rule("knee_moment_change", 0.0, "above", "any rise is the premise; no change divides", unit="%"),
        experiment=experiment_leg_press_feet,
        key="feet low vs high: knee demand {knee_moment_change:+%}",
        flips=((np.array([0.1, 0.4]), V.CONSISTENT), (np.array([-0.1, 0.2]), V.DEPENDS)),
        literature=_ESC2001, exercises=("leg_press",)),
    Cue("leg-press-active-rom", _Q, "Leg press through the whole active range",
        "Press through the whole active range, judged by how far the knee comes to the chest on one leg.",
        premise="the full range raises the peak knee-extensor moment over a partial range",
        rule=Rule("knee_moment_gain", 0.0, "above", "any rise is the premise; no change divides", unit="%"),
        experiment=experiment_leg_press_rom,
        key="full vs partial range: peak knee demand {knee_moment_gain:+%}",
        flips=((np.array([0.1, 0.3]), V.CONSISTENT), (np.array([-0.2, -0.05]), V.INCONSISTENT)),
        exercises=("leg_press",)),
    Cue("lunge-quad-vs-glute-pattern", _Q, "Lunges: quad or glute pattern",
        "Lunges can be done in a quadriceps-dominant or a glute-dominant pattern.",
        premise="in a lunge, taking the front knee 10 cm further forward moves front-leg demand from the hip to "
                "the knee (the pattern is not defined by the result: the knee's place is set, the moments are "
                "computed)",
        rule=Rule("knee_moment_change", 0.0, "above", "any rise of the knee's demand is the shift claimed; no "
                  "change divides", unit="%"),
        experiment=_lunge_knee_travel,
        key="front knee 10 cm further forward: knee demand {knee_moment_change:+%}, hip {hip_moment_change:+%}",
        flips=((np.array([0.5, 1.3]), V.CONSISTENT), (np.array([-0.3, -0.1]), V.INCONSISTENT)),
        exercises=("lunge", "split_squat")),
    Cue("lunge-finisher", _Q, "Non-stop lunge finisher",
        "Finish with a brutal non-stop walking-lunge set.",
        outside="how hard a finisher is and what it does are fatigue and adaptation, not moments",
        exercises=("lunge",)),
)
