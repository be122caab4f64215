"""The article's mechanical claims and coaching cues, one :class:`Cue` each.

The article (Padron, *Leg Training for Maximal Muscle Growth*) gives coaches cues and
reasons for them. Every claim that a sagittal torque model could speak to, and every
claim it cannot, is listed here once, paraphrased in a line or two (never quoted), with
the article's section heading, the exercises, muscles and joints involved, the kind of
claim and the name of the experiment that tests it.

Kinds of claim (:class:`ClaimKind`):

* ``mechanical-torque``: a statement about joint moments (force x moment arm);
* ``muscle-share``: which muscle carries a joint's moment;
* ``range-of-motion``: angles a cue needs or a joint allows;
* ``tempo-time``: how timing changes load over time (impulse, time under load);
* ``out-of-scope: ...``: fibre type, pump, mind-muscle connection, frontal-plane or
  rotational action, and physiology (fatigue, adaptation, injury). These get their
  verdict from :func:`biomech.cues.verdicts.scope_check`, never from numbers.

Examples
--------
>>> from biomech.cues.catalog import CATALOG, get_cue
>>> cue = get_cue("knee-travel-quadriceps")
>>> cue.section
'The Quadriceps'
>>> cue.kind.in_scope
True
>>> len({c.id for c in CATALOG}) == len(CATALOG)
True
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from ..errors import InputValueError

__all__ = ["ClaimKind", "Cue", "CATALOG", "SECTIONS", "get_cue", "cues_in_section"]


class ClaimKind(enum.Enum):
    """What kind of statement a cue makes, and so how it can be tested."""

    MECHANICAL_TORQUE = "mechanical-torque"
    MUSCLE_SHARE = "muscle-share"
    RANGE_OF_MOTION = "range-of-motion"
    TEMPO_TIME = "tempo-time"
    FIBRE_TYPE = "out-of-scope: fibre type"
    PUMP = "out-of-scope: pump"
    MIND_MUSCLE = "out-of-scope: mind-muscle connection"
    FRONTAL_OR_ROTATION = "out-of-scope: frontal-plane or rotational action"
    PHYSIOLOGY = "out-of-scope: physiology (fatigue, adaptation, injury)"

    @property
    def in_scope(self) -> bool:
        """True where a sagittal torque model can compute the claim's numbers."""
        return not self.value.startswith("out-of-scope")


#: The article's section headings, in the article's order.
SECTIONS = (
    "Here's What You Need To Know",
    "The Glutes",
    "The Hamstrings",
    "The Quadriceps",
    "The Lower Leg",
)


@dataclass(frozen=True)
class Cue:
    """One claim or cue of the article, paraphrased, and how the model tests it.

    Attributes
    ----------
    id : str
        A slug, unique in :data:`CATALOG`.
    section : str
        The article's section heading (one of :data:`SECTIONS`).
    paraphrase : str
        The claim in one or two lines of our own words (the article is never quoted).
    exercises, muscles, joints : tuple of str
        What the claim involves. Muscle keys follow :mod:`biomech.muscles`
        (``vasti``, ``gluteus_maximus``, ...); joints are ``ankle``, ``knee``, ``hip``,
        ``lumbar``.
    kind : ClaimKind
        What kind of statement it is.
    experiment : str or None
        Name of the experiment function (in :mod:`biomech.cues.experiments`) that tests
        it; ``None`` for out-of-scope cues, whose verdict comes from the scope check.
    scope_note : str
        What the sagittal model can and cannot say about the claim.
    literature : str
        Published evidence on the claim, with its sources (empty when none is cited).
    literature_disagrees : bool
        True where published studies disagree with the article; the report then says so
        beside an out-of-scope verdict so that it never reads as support.
    """

    id: str
    section: str
    paraphrase: str
    exercises: tuple[str, ...]
    muscles: tuple[str, ...]
    joints: tuple[str, ...]
    kind: ClaimKind
    experiment: str | None = None
    scope_note: str = ""
    literature: str = ""
    literature_disagrees: bool = False
    tags: tuple[str, ...] = field(default=())

    def __post_init__(self):
        if self.section not in SECTIONS:
            raise InputValueError(f"section={self.section!r} is not one of the article's headings {SECTIONS}.")
        if self.kind.in_scope and not self.experiment:
            raise InputValueError(f"cue {self.id!r} is in scope ({self.kind.value}) but names no experiment.")


_Q = "The Quadriceps"
_G = "The Glutes"
_H = "The Hamstrings"
_L = "The Lower Leg"
_I = "Here's What You Need To Know"
K = ClaimKind

#: Every claim, in the article's order. Paraphrases are ours; sections are the article's.
CATALOG: tuple[Cue, ...] = (
    Cue("fibre-type-rep-schemes", _I,
        "Leg muscles differ in fibre-type make-up (glutes mixed, hamstrings fast, soleus slow), "
        "so loads and rep ranges should be matched to each muscle.",
        ("all",), ("gluteus_maximus", "hamstrings", "soleus"), (), K.FIBRE_TYPE,
        scope_note="Fibre type bears on fatigue and on how a muscle adapts to a rep range, which is physiology."),
    Cue("body-type-programming", _I,
        "Loads, ranges and rep schemes should be chosen for the lifter's own goals and body type.",
        ("squat", "lunge", "romanian_deadlift"), (), ("ankle", "knee", "hip"), K.MECHANICAL_TORQUE,
        experiment="experiment_body_type_dependence",
        scope_note="The model varies segment proportions (femur versus trunk, short versus tall) and reports "
                   "where a verdict or a key number changes with them; goals are outside it."),
    Cue("muscle-acts-only-on-crossed-joints", _G,
        "A muscle can act only on the joints it spans.",
        ("squat",), ("soleus", "vasti", "gluteus_maximus"), ("ankle", "knee", "hip"), K.MECHANICAL_TORQUE,
        experiment="experiment_crossed_joints",
        scope_note="True of moments by definition; an induced-acceleration calculation on the planar "
                   "ankle-knee-hip chain asks whether it also holds for the motion a muscle causes.",
        literature="Zajac FE, Gordon ME (1989), Exerc Sport Sci Rev 17:187-230: in a linked chain a "
                   "one-joint muscle accelerates joints it does not span (e.g. soleus extending the knee)."),
    Cue("glute-three-actions", _G,
        "Glute actions are hip extension, abduction and outward rotation; since no exercise maximises all "
        "three at once, give each its own exercise and add one compound lift.",
        ("romanian_deadlift", "cable_abduction", "back_extension", "squat"), ("gluteus_maximus",), ("hip",),
        K.FRONTAL_OR_ROTATION,
        scope_note="Only hip extension lies in the sagittal plane; abduction and external rotation are "
                   "about other axes, so the claim that no movement maximises all three cannot be tested here."),
    Cue("glute-squeeze-at-top", _G,
        "Holding a two-second squeeze at the top of an RDL or back extension emphasises the glutes' hip extension.",
        ("romanian_deadlift", "back_extension"), ("gluteus_maximus", "hamstrings"), ("hip",),
        K.MECHANICAL_TORQUE, experiment="experiment_top_squeeze_hip_moment",
        scope_note="The model gives the external hip moment at the top of each lift against its peak over the "
                   "rep; a voluntary squeeze against no external moment is co-contraction, which it cannot size."),
    Cue("toes-out-hinge-glutes", _G,
        "Turning the toes out in RDLs, back extensions and deadlifts adds external rotation and puts more "
        "of the hip-extension work on the glutes.",
        ("romanian_deadlift", "deadlift", "back_extension"), ("gluteus_maximus", "hamstrings"), ("hip",),
        K.FRONTAL_OR_ROTATION,
        scope_note="Foot rotation about the vertical axis leaves the sagittal hip moment unchanged; how hip "
                   "rotation shifts that moment between glutes and hamstrings needs a 3D hip model."),
    Cue("high-rep-hip-extension", _G,
        "High-rep sets of hip-extension lifts are especially hard on the glutes.",
        ("deadlift",), ("gluteus_maximus",), ("hip",), K.PHYSIOLOGY,
        scope_note="The model can add up the hip-extensor moment impulse of a set (it grows with reps); "
                   "how taxing that is for one muscle is fatigue physiology."),
    Cue("knee-valgus-glute-work", _G,
        "Knees caving in on a squat call for more work on hip abduction and outward rotation; the glutes "
        "stabilise the knees and lower back.",
        ("squat",), ("gluteus_maximus", "gluteus_medius"), ("hip", "knee"), K.FRONTAL_OR_ROTATION,
        scope_note="Valgus and hip abduction/rotation are frontal-plane and transverse-plane actions."),
    Cue("hamstrings-two-joint-actions", _H,
        "The hamstrings span hip and knee: train hip extension (RDL, stiff-leg deadlift, back extension with "
        "the heels pushed into the roller) and knee flexion (lying leg curl) separately.",
        ("romanian_deadlift", "stiff_leg_deadlift", "back_extension", "leg_curl"), ("hamstrings",),
        ("hip", "knee"), K.MUSCLE_SHARE, experiment="experiment_hamstrings_two_joints"),
    Cue("tempo-holds-no-bounce", _H,
        "Slow tempos (3-0-1, 3-2-1), two-second holds and lowering without a bounce keep the working "
        "muscles loaded.",
        ("back_extension", "romanian_deadlift", "leg_curl", "leg_extension", "squat"),
        ("hamstrings", "quadriceps"), ("hip", "knee"), K.TEMPO_TIME, experiment="experiment_tempo",
        scope_note="The model gives the joint moment over time (peak, impulse, time under load); whether "
                   "time under load drives growth is physiology."),
    Cue("sprinting-posterior-chain", _H,
        "Sprinting overloads glutes and hamstrings unusually well, so a posterior-chain program should include it.",
        ("sprint",), ("gluteus_maximus", "hamstrings"), ("hip", "knee"), K.PHYSIOLOGY,
        scope_note="Inverse dynamics could give sprint joint moments from measured kinematics and ground "
                   "reactions, which the project does not hold; training adaptation is physiology."),
    Cue("rectus-femoris-hip-flexor", _Q,
        "All four quadriceps extend the knee; the rectus femoris also flexes the hip, less strongly.",
        ("leg_extension", "squat"), ("rectus_femoris", "vasti"), ("knee", "hip"), K.MUSCLE_SHARE,
        experiment="experiment_rectus_femoris_two_joints"),
    Cue("torque-is-force-times-moment-arm", _Q,
        "Torque equals force times a distance, which the article describes as the distance the force acts "
        "over (the moment arm); torque is the stimulus to maximise.",
        ("squat",), ("quadriceps",), ("knee",), K.MECHANICAL_TORQUE, experiment="experiment_torque_wording",
        scope_note="Force x moment arm is checked numerically; the wording describes work (force x distance "
                   "moved), and the external moment arm is separated from the quadriceps' own lever, the "
                   "patellar tendon moment arm. That torque is the growth stimulus is physiology."),
    Cue("knee-travel-quadriceps", _Q,
        "Letting the knees travel past the toes lengthens the knee's moment arm and raises quadriceps demand; "
        "the same holds for lunges, split squats and step-ups.",
        ("squat", "split_squat", "lunge", "step_up"), ("quadriceps", "gluteus_maximus"), ("knee", "hip"),
        K.MECHANICAL_TORQUE, experiment="experiment_knee_travel",
        literature="Fry AC, Smith JC, Schilling BK (2003), J Strength Cond Res 17(4):629-633: restricting "
                   "knee travel lowered knee torque and raised hip torque."),
    Cue("knee-travel-needs-mobility", _Q,
        "Knees past the toes are fine only with enough ankle and hip mobility to keep the heels down "
        "and the spine neutral.",
        ("squat", "split_squat", "lunge"), (), ("ankle", "hip"), K.RANGE_OF_MOTION,
        experiment="experiment_knee_travel_mobility"),
    Cue("heel-elevated-squat", _Q,
        "A heel-elevated squat exists to let the knees travel further forward, loading the quadriceps more.",
        ("squat",), ("quadriceps",), ("knee", "ankle"), K.MECHANICAL_TORQUE,
        experiment="experiment_heel_elevation"),
    Cue("stance-width-toes-out", _Q,
        "Turning the toes out (and a wide stance) does nothing for the quadriceps and shifts the load to the glutes.",
        ("squat",), ("quadriceps", "gluteus_maximus"), ("knee", "hip"), K.MECHANICAL_TORQUE,
        experiment="experiment_stance_width_toe_out",
        scope_note="The model sees stance and toe-out only through the legs' projection on the sagittal plane; "
                   "the glutes' abduction and rotation work is outside it.",
        literature="Escamilla RF et al. (2001), Med Sci Sports Exerc 33(9):1552-1566 (abstract): no differences "
                   "between feet straight and turned out 30 degrees in squat and leg press."),
    Cue("leg-extension-toe-direction", _Q,
        "Pointing the toes in or out on the leg extension does not target the inner or outer quadriceps, "
        "and the twist strains the knee's collateral ligaments.",
        ("leg_extension",), ("vasti",), ("knee",), K.FRONTAL_OR_ROTATION,
        scope_note="Which head of the quadriceps works, tibial rotation and collateral-ligament loads are "
                   "outside a sagittal torque model."),
    Cue("leg-extension-light-no-lockout", _Q,
        "Leg extensions: light to moderate load and no forceful lockout.",
        ("leg_extension",), ("quadriceps",), ("knee",), K.MECHANICAL_TORQUE,
        experiment="experiment_leg_extension_lockout",
        scope_note="The model gives where in the range the knee-extensor moment peaks; injury risk is outside it."),
    Cue("squats-build-quads", _Q,
        "Squats build the quadriceps: a strong full-range squat, deep bodyweight squats and holds at the bottom.",
        ("squat",), ("quadriceps",), ("knee",), K.MECHANICAL_TORQUE, experiment="experiment_squat_depth"),
    Cue("pulse-squats-tension", _Q,
        "Pulse squats that never lock out keep tension on the quadriceps.",
        ("squat",), ("quadriceps",), ("knee",), K.MECHANICAL_TORQUE, experiment="experiment_pulse_squat"),
    Cue("leg-press-feet-low", _Q,
        "Placing the feet low on the leg-press platform loads the quadriceps more.",
        ("leg_press",), ("quadriceps", "gluteus_maximus"), ("knee", "hip"), K.MECHANICAL_TORQUE,
        experiment="experiment_leg_press_feet",
        literature="Escamilla RF et al. (2001), Med Sci Sports Exerc 33(9):1552-1566 (abstract): no differences "
                   "in knee forces between high and low foot placement."),
    Cue("leg-press-active-rom", _Q,
        "Press through the whole active range, judged by how far the knee comes to the chest on one leg.",
        ("leg_press",), ("quadriceps", "gluteus_maximus"), ("hip", "knee"), K.RANGE_OF_MOTION,
        experiment="experiment_leg_press_rom"),
    Cue("lunge-quad-vs-glute-pattern", _Q,
        "Lunges can be done in a quadriceps-dominant or a glute-dominant pattern.",
        ("lunge", "split_squat"), ("quadriceps", "gluteus_maximus"), ("knee", "hip"), K.MECHANICAL_TORQUE,
        experiment="experiment_lunge_patterns"),
    Cue("calf-short-range-of-motion", _L,
        "The ankle moves through little range, so how the calves are trained matters all the more.",
        ("standing_calf_raise", "seated_calf_raise"), ("triceps_surae",), ("ankle",), K.RANGE_OF_MOTION,
        experiment="experiment_ankle_range"),
    Cue("calf-toes-in-out", _L,
        "Pointing the toes in or out cannot bias the inner or outer calf.",
        ("standing_calf_raise",), ("gastrocnemius",), ("ankle",), K.FRONTAL_OR_ROTATION,
        scope_note="Which head of the gastrocnemius works is outside a sagittal torque model.",
        literature="Riemann BL, Limbaugh GK, Eitner JD, LeFavi RG (2011), J Strength Cond Res 25(3):634-639: "
                   "toes out gave more medial than lateral gastrocnemius EMG, toes in the reverse. "
                   "Nunes JP et al. (2020), J Strength Cond Res 34(8):2347-2351: over 9 weeks, toes out grew "
                   "the medial head more (8.4 % vs 3.8 % thickness) and toes in the lateral head "
                   "(9.1 % vs 5.5 %).",
        literature_disagrees=True),
    Cue("calf-big-toe-roll", _L,
        "Roll onto the big toe each rep rather than letting the foot roll out onto the peroneals.",
        ("standing_calf_raise",), ("triceps_surae",), ("ankle",), K.FRONTAL_OR_ROTATION,
        scope_note="Inversion and eversion of the foot are frontal-plane motions."),
    Cue("calf-drive-shin-forward", _L,
        "At the top of a calf raise, drive the shin forward with straight knees to squeeze out the last "
        "few millimetres of contraction.",
        ("standing_calf_raise",), ("triceps_surae",), ("ankle",), K.MECHANICAL_TORQUE,
        experiment="experiment_calf_shin_forward"),
    Cue("calf-stretch-squeeze-holds", _L,
        "Pause about two seconds in the stretch at the bottom and the squeeze at the top of each calf raise.",
        ("standing_calf_raise", "seated_calf_raise"), ("triceps_surae",), ("ankle",), K.TEMPO_TIME,
        experiment="experiment_calf_holds"),
    Cue("calf-pump", _L,
        "Aim to fill the calves with blood until it is excruciating.",
        ("standing_calf_raise", "seated_calf_raise"), ("triceps_surae",), ("ankle",), K.PUMP,
        scope_note="Blood flow and the pump are not moments."),
    Cue("calf-contract-harder", _L,
        "Learn to contract both calf muscles harder than ever, with a mind-muscle connection.",
        ("standing_calf_raise",), ("triceps_surae",), ("ankle",), K.MIND_MUSCLE,
        scope_note="Voluntary focus changes neural drive; a torque model takes the joint moment from pose and "
                   "load, so it cannot show drive above what the moment needs."),
    Cue("soleus-bent-knee", _L,
        "The soleus works more with the knee bent to 90 degrees, hence seated calf raises.",
        ("seated_calf_raise", "standing_calf_raise"), ("soleus", "gastrocnemius"), ("ankle", "knee"),
        K.MUSCLE_SHARE, experiment="experiment_soleus_knee_angle"),
)

_BY_ID = {c.id: c for c in CATALOG}
if len(_BY_ID) != len(CATALOG):  # pragma: no cover - guarded by a test too
    raise RuntimeError("duplicate cue ids in CATALOG")


def get_cue(cue_id: str) -> Cue:
    """The cue with this id.

    Raises
    ------
    InputValueError
        For an unknown id; the message lists the known ones.

    Examples
    --------
    >>> get_cue("calf-toes-in-out").literature_disagrees
    True
    """
    try:
        return _BY_ID[cue_id]
    except KeyError:
        raise InputValueError(f"cue_id={cue_id!r} is not in the catalog; known ids: {sorted(_BY_ID)}.") from None


def cues_in_section(section: str) -> tuple[Cue, ...]:
    """The cues of one article section, in the article's order.

    >>> [c.id for c in cues_in_section("The Hamstrings")][:1]
    ['hamstrings-two-joint-actions']
    """
    if section not in SECTIONS:
        raise InputValueError(f"section={section!r} is not one of the article's headings {SECTIONS}.")
    return tuple(c for c in CATALOG if c.section == section)
