"""Cues of the article's section on the glutes."""

import numpy as np

from ..anatomy import experiment_glute_heads
from ..cue import Cue
from ..experiments import experiment_crossed_joints
from ..lift_experiments import experiment_top_squeeze_hip_moment
from ..verdicts import Rule, Verdict as V

_G = "The Glutes"

CUES = (
    Cue("muscle-acts-only-on-crossed-joints", _G, "A muscle acts only on joints it crosses",
        "A muscle can act only on the joints it spans.",
        premise="a one-joint muscle moves only the joint it crosses (its moment is there by definition; the "
                "question is the motion it causes in the standing chain)",
        rule=Rule("uncrossed_accel_ratio", 0.10, "below",
                  "a tenth of the acceleration it gives its own joint; below that the effect on other joints is "
                  "negligible (an assumption)", unit="x"),
        experiment=experiment_crossed_joints,
        key="push on a joint it does not cross: {uncrossed_accel_ratio:x} its own joint's",
        flips=((np.array([0.02, 0.05]), V.CONSISTENT), (np.array([1.5, 2.1]), V.INCONSISTENT)),
        literature="Zajac FE, Gordon ME (1989), Exerc Sport Sci Rev 17:187-230: in a linked chain a one-joint "
                   "muscle accelerates joints it does not span (e.g. soleus extending the knee).",
        exercises=("squat",)),
    Cue("glute-three-actions", _G, "Train each glute action on its own",
        "Glute actions are hip extension, abduction and outward rotation; since no exercise maximises all three "
        "at once, give each its own exercise and add one compound lift.",
        outside="only hip extension lies in the sagittal plane; abduction and external rotation are about other "
                "axes, so whether an exercise maximises all three cannot be computed here",
        exercises=("romanian_deadlift", "cable_abduction", "back_extension", "squat")),
    Cue("all-glutes-extend-hip", _G, "All three glutes extend the hip",
        "The article's anatomy has the gluteus maximus, medius and minimus working together, hip extension among "
        "their actions.",
        premise="every part of the three glutes has a hip-extensor moment arm over the hip's range (20 deg of "
                "extension to 120 deg of flexion, the Rajagopal-Lai-Uhlrich model's wrapped paths)",
        rule=Rule("extensor_arm_mm", 0.0, "above", "a positive extensor moment arm is what extending the hip "
                  "means; zero is the dividing line", unit="mm"),
        experiment=experiment_glute_heads,
        key="hip-extensor lever of the 9 glute parts standing: {standing_arm_mm:mm}; over the range: "
            "{extensor_arm_mm:mm} (the gluteus maximus extends throughout; the front of the medius and the "
            "minimus flex)",
        flips=((np.array([20.0, 45.0]), V.CONSISTENT), (np.array([-15.0, 30.0]), V.DEPENDS)),
        exercises=("squat", "romanian_deadlift", "back_extension")),
    Cue("glute-squeeze-at-top", _G, "Squeeze the glutes at the top",
        "Holding a two-second squeeze at the top of an RDL or back extension emphasises the glutes' hip extension.",
        premise="the top of the lift still carries a real hip-extensor moment (at least half the rep's peak), "
                "so a squeeze there works against load",
        rule=Rule("top_fraction", 0.5, "above",
                  "at half the peak or more the top is a working position, not a rest: the midpoint between "
                  "unloaded (0) and the peak (1), an assumption", unit="%"),
        experiment=experiment_top_squeeze_hip_moment,
        key="hip demand at the top: {top_fraction:%} of the peak",
        flips=((np.array([0.7, 1.0]), V.CONSISTENT), (np.array([0.1, 0.3]), V.INCONSISTENT)),
        literature="Whether a squeeze emphasises the glutes is about drive (co-contraction), which is outside "
                   "the model; the premise judged is only whether the top is loaded.",
        exercises=("romanian_deadlift", "back_extension")),
    Cue("toes-out-hinge-glutes", _G, "Toes out in hinges for more glutes",
        "Turning the toes out in RDLs, back extensions and deadlifts adds external rotation and puts more of the "
        "hip-extension work on the glutes.",
        outside="foot rotation about the vertical axis leaves the sagittal hip moment unchanged; how hip rotation "
                "shifts that moment between glutes and hamstrings needs a 3D hip model",
        exercises=("romanian_deadlift", "deadlift", "back_extension")),
    Cue("high-rep-hip-extension", _G, "High reps hit the glutes hard",
        "High-rep sets of hip-extension lifts are especially hard on the glutes.",
        outside="how taxing a set is for one muscle is fatigue physiology; the model can only add up the "
                "moment impulse, which grows with reps for any muscle",
        exercises=("deadlift",)),
    Cue("knee-valgus-glute-work", _G, "Knees caving in: train abduction",
        "Knees caving in on a squat call for more work on hip abduction and outward rotation; the glutes "
        "stabilise the knees and lower back.",
        outside="valgus, hip abduction and rotation are frontal- and transverse-plane actions",
        exercises=("squat",)),
    Cue("lumbar-pain-hip-extension", _G, "Low-back pain: groove hip extension",
        "With chronic low-back pain, ingrain a proper hip-extension pattern to strengthen the glutes.",
        outside="pain and its treatment are clinical questions, not joint moments",
        exercises=("romanian_deadlift",)),
)
