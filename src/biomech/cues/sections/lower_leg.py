"""Cues of the article's section on the lower leg."""

import numpy as np

from ..cue import Cue
from ..lift_experiments import (experiment_ankle_range, experiment_calf_holds, experiment_calf_shin_forward,
                                experiment_soleus_knee_angle)
from ..verdicts import Rule, Verdict as V

_L = "The Lower Leg"

CUES = (
    Cue("calf-short-range-of-motion", _L, "Calves have a short range",
        "The ankle moves through little range, so how the calves are trained matters all the more.",
        premise="the ankle's range in a calf raise is smaller than the knee's and the hip's in a deep squat",
        rule=Rule("ankle_to_smaller_range", 1.0, "below", "'short' = less than the other joints' ranges; equal "
                  "ranges divide", unit="x"),
        experiment=experiment_ankle_range,
        key="ankle range / smaller of knee and hip range: {ankle_to_smaller_range:x}",
        flips=((np.array([0.4, 0.5]), V.CONSISTENT), (np.array([0.8, 1.2]), V.DEPENDS)),
        exercises=("standing_calf_raise", "seated_calf_raise")),
    Cue("calf-toes-in-out", _L, "Toes in or out cannot bias the calf heads",
        "Pointing the toes in or out cannot bias the inner or outer calf.",
        outside="which head of the gastrocnemius works is outside a sagittal torque model",
        literature="Riemann BL, Limbaugh GK, Eitner JD, LeFavi RG (2011), J Strength Cond Res 25(3):634-639: toes "
                   "out gave more medial than lateral gastrocnemius EMG, toes in the reverse (20 adults). Nunes JP "
                   "et al. (2020), J Strength Cond Res 34(8):2347-2351: over 9 weeks, toes out grew the medial head "
                   "more (8.4 % vs 3.8 % thickness) and toes in the lateral head (9.1 % vs 5.5 %); 22 men.",
        literature_disagrees=True, exercises=("standing_calf_raise",)),
    Cue("calf-big-toe-roll", _L, "Roll onto the big toe",
        "Roll onto the big toe each rep rather than letting the foot roll out onto the peroneals.",
        outside="inversion and eversion of the foot are frontal-plane motions", exercises=("standing_calf_raise",)),
    Cue("calf-drive-shin-forward", _L, "Drive the shin forward at the top",
        "At the top of a calf raise, drive the shin forward with straight knees to squeeze out the last few "
        "millimetres of contraction.",
        premise="driving the straight-legged shin 5 deg forward over a foot held at its height plantarflexes the "
                "ankle further (a shorter calf); if the ankle angle is held instead, the heel just rises with the "
                "lean and the calf's length does not change",
        rule=Rule("plantarflexion_change_same_heel_deg", 0.0, "above", "any extra plantarflexion is the premise; "
                  "none divides", unit="deg"),
        experiment=experiment_calf_shin_forward,
        key="shin driven 5 deg forward, heel held: plantarflexion {plantarflexion_change_same_heel_deg:deg}",
        flips=((np.array([1.0, 3.0]), V.CONSISTENT), (np.array([-5.0, -4.0]), V.INCONSISTENT)),
        exercises=("standing_calf_raise",)),
    Cue("calf-stretch-squeeze-holds", _L, "Hold the stretch and the squeeze",
        "Pause about two seconds in the stretch at the bottom and the squeeze at the top of each calf raise.",
        premise="the holds keep the calf loaded: they carry part of the rep's ankle-moment impulse",
        rule=Rule("hold_impulse_share", 0.0, "above", "a hold carrying no impulse would be a rest; zero divides",
                  unit="%"),
        experiment=experiment_calf_holds,
        key="share of the rep's ankle-moment impulse in the holds: {hold_impulse_share:%}",
        flips=((np.array([0.2, 0.4]), V.CONSISTENT), (np.array([-0.05, 0.0]), V.INCONSISTENT)),
        literature="Nearly true by construction: standing on the balls of the feet the ankle moment never drops "
                   "to zero. Whether time in the stretch grows the calf is physiology.",
        exercises=("standing_calf_raise", "seated_calf_raise")),
    Cue("calf-pump", _L, "Fill the calves with blood",
        "Aim to fill the calves with blood until it is excruciating.",
        outside="blood flow and the pump are physiology, not moments",
        exercises=("standing_calf_raise", "seated_calf_raise")),
    Cue("calf-contract-harder", _L, "Contract the calves harder (mind-muscle)",
        "Learn to contract both calf muscles harder than ever, with a mind-muscle connection.",
        outside="voluntary focus changes neural drive; a torque model takes the moment from pose and load, so it "
                "cannot show drive above what the moment needs", exercises=("standing_calf_raise",)),
    Cue("soleus-bent-knee", _L, "Bent knee (seated) for the soleus",
        "The soleus works more with the knee bent to 90 degrees, hence seated calf raises.",
        premise="with the knee at 90 deg the soleus carries a larger share of the ankle moment than with the knee "
                "straight (the gastrocnemius slackens)",
        rule=Rule("soleus_share_change", 0.0, "above", "any rise in share is the premise; none divides", unit="%"),
        experiment=experiment_soleus_knee_angle,
        key="knee bent 90 deg: soleus share of the ankle demand {soleus_share_change:+%} (points)",
        flips=((np.array([0.1, 0.3]), V.CONSISTENT), (np.array([-0.1, -0.02]), V.INCONSISTENT)),
        exercises=("seated_calf_raise", "standing_calf_raise")),
    Cue("tip-toe-walk", _L, "Tip-toe walks for the calves",
        "Walk on tip-toes as part of the calf routine.",
        outside="walking on the toes is a gait task; the project holds no tip-toe gait kinematics or ground "
                "reactions, and what it does for the calves is adaptation",
        exercises=("tip_toe_walk",)),
)
