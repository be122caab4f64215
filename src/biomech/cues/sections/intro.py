"""Cues of the article's opening summary ("Here's What You Need To Know")."""

from ..cue import Cue

_I = "Here's What You Need To Know"

CUES = (
    Cue("fibre-type-rep-schemes", _I, "Match rep ranges to fibre type",
        "Leg muscles differ in fibre-type make-up (glutes mixed, hamstrings fast, soleus slow), so loads and rep "
        "ranges should be matched to each muscle.",
        outside="fibre type is not a mechanical quantity: the joint moment a pose and load demand is the same "
                "whatever the fibres, and how a muscle adapts to a rep range is physiology",
        exercises=("all",)),
    Cue("body-type-programming", _I, "Program for goals and body type",
        "Loads, ranges and rep schemes should be chosen for the lifter's own goals and body type.",
        outside="goals and programming are not moments; what the model can say about body type is in every "
                "judged cue's band, which covers six bodies (long and short femur, short and tall, a woman), and "
                "a verdict that turns on the body names it",
        exercises=("squat", "lunge", "romanian_deadlift")),
    Cue("muscles-respond-to-torque", _I, "Muscles respond to torque",
        "Muscles grow in response to torque, so the stimulus to maximise is the joint torque an exercise demands.",
        outside="that torque is the growth stimulus is physiology: a torque model computes the demand, not the "
                "response. Training studies that equate or vary load (e.g. Kubo et al. 2019, below) bear on it",
        literature="Kubo K, Ikebukuro T, Yata H (2019), Eur J Appl Physiol 119(9):1933-1942: full and half squat "
                   "training gave the same knee-extensor growth (4.9 +- 2.6 % and 4.6 +- 3.1 %) although the "
                   "full squat works at larger knee moments; 17 men.",
        exercises=("squat",)),
)
