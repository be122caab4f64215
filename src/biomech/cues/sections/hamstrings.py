"""Cues of the article's section on the hamstrings."""

import numpy as np

from ..anatomy import experiment_muscle_crossings, experiment_roller_press
from ..cue import Cue
from ..lift_experiments import experiment_hamstrings_two_joints, experiment_tempo
from ..verdicts import Rule, Verdict as V

_H = "The Hamstrings"

CUES = (
    Cue("hamstrings-two-joint-actions", _H, "Train hamstrings at hip and knee separately",
        "The hamstrings span hip and knee: train hip extension (RDL, stiff-leg deadlift, back extension) and knee "
        "flexion (lying leg curl) separately.",
        premise="the hamstrings carry a real share of the hip-extensor moment in the RDL and of the knee-flexor "
                "moment in the lying leg curl",
        rule=Rule("hamstrings_share", 0.20, "above",
                  "a fifth of the joint's moment: below an equal split among the hip's three modelled extensors "
                  "(a third), above a bystander's share (an assumption)", unit="%"),
        experiment=experiment_hamstrings_two_joints,
        key="hamstrings' share of the hip's demand in the RDL: {hip_share:%}; of the knee's in the leg curl: "
            "{knee_share:%}",
        flips=((np.array([0.3, 0.6]), V.CONSISTENT), (np.array([0.05, 0.1]), V.INCONSISTENT)),
        exercises=("romanian_deadlift", "stiff_leg_deadlift", "back_extension", "leg_curl")),
    Cue("biceps-short-head-knee-only", _H, "Biceps femoris short head: knee only",
        "Of the hamstrings, the biceps femoris short head does not cross the hip, so only knee flexion trains it.",
        premise="the biceps femoris short head's path does not cross the hip",
        rule=Rule("crosses_hip", 0.5, "below", "the path either crosses the hip (1) or not (0); one half "
                  "separates the two"),
        experiment=experiment_muscle_crossings,
        key="hip crossings of the short head's path: {crosses_hip:}",
        flips=((np.array([0.0]), V.CONSISTENT), (np.array([1.0]), V.INCONSISTENT)),
        exercises=("leg_curl",)),
    Cue("heels-into-roller", _H, "Back extension: heels up into the roller",
        "On back extensions, drive the hips into the pad and the heels up into the roller.",
        premise="pressing the heels up into the roller adds a knee-flexor (hamstring) demand; with the pad and "
                "the roller as the only supports the knee moment is fixed, so the press is a third contact whose "
                "size statics cannot decide",
        rule=Rule("knee_flexor_moment", 0.0, "above",
                  "any knee-flexor moment from the press is hamstring work at the knee; none is the dividing line"
                  ), experiment=experiment_roller_press,
        key="knee-flexor demand per 100 N of press: {per_100N:N·m}",
        flips=((np.array([20.0, 40.0]), V.CONSISTENT), (np.array([0.0, 0.0, 20.0, 40.0, 60.0]), V.DEPENDS)),
        exercises=("back_extension",)),
    Cue("tempo-holds-no-bounce", _H, "Slow tempo and holds keep tension",
        "Slow tempos (3-0-1, 3-2-1) and two-second holds keep the working muscles loaded.",
        premise="a slow tempo gives more knee-moment impulse per rep than a one-second-each-way rep",
        rule=Rule("impulse_ratio", 1.0, "above", "more impulse than the 1-0-1 rep is what 'keeps loaded' means; "
                  "a ratio of 1 is no change", unit="x"),
        experiment=experiment_tempo,
        key="knee-moment impulse per rep, 3-0-1 vs 1-0-1: {impulse_ratio:x}",
        flips=((np.array([1.4, 1.8]), V.CONSISTENT), (np.array([0.8, 0.9]), V.INCONSISTENT)),
        literature="Nearly true by construction: a longer rep at a similar moment has more impulse. Whether time "
                   "under load drives growth is physiology.",
        exercises=("back_extension", "romanian_deadlift", "leg_curl", "leg_extension", "squat")),
    Cue("no-bounce", _H, "Don't let the weight bounce",
        "Lower under control: do not let the weight bounce at the bottom.",
        outside="a bounce is the tendon's and the stretch-shortening cycle's elastic recoil, which a rigid-segment "
                "model without tendons cannot show; a one-second rep in the model is only a faster rep",
        exercises=("leg_curl", "squat")),
    Cue("sprinting-posterior-chain", _H, "Sprint for glutes and hamstrings",
        "Sprinting overloads glutes and hamstrings unusually well, so a posterior-chain program should include it.",
        outside="sprint joint moments need measured kinematics and ground reactions the project does not hold; "
                "training adaptation is physiology",
        exercises=("sprint",)),
)
