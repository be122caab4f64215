"""Verdicts on the article's cues, computed from an experiment's numbers.

Four verdicts (:class:`Verdict`): supported, partly supported, contradicted, and outside
a sagittal torque model. Each in-scope cue has one small pure function here that takes
the experiment's numbers (a mapping of plain floats, SI units or fractions, named in its
docstring) and returns a :class:`Judgement` ``(verdict, reason)``. The thresholds sit
beside each function as module constants. No verdict is fixed in advance: every function
gives another verdict when fed the opposite numbers, and the tests check that.

Out-of-scope cues (fibre type, pump, mind-muscle connection, frontal-plane or rotational
actions, physiology) get their verdict from :func:`scope_check`, with the reason; where
published studies disagree with the article the reason says so, so that "outside the
model" never reads as support.

Body proportions: an experiment runs for several bodies; :func:`judge` applies the cue's
function to each body's numbers and says whether the verdict depends on proportions.

Examples
--------
>>> from biomech.cues.verdicts import verdict_knee_travel_quadriceps, Verdict
>>> v, why = verdict_knee_travel_quadriceps(
...     {"knee_moment_change": 0.25, "hip_moment_change": -0.40, "sum_moment_change": -0.05})
>>> v is Verdict.SUPPORTED
True
>>> verdict_knee_travel_quadriceps(
...     {"knee_moment_change": -0.25, "hip_moment_change": 0.40, "sum_moment_change": 0.05}).verdict.value
'contradicted'
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from ..errors import InputValueError
from .catalog import ClaimKind, Cue, get_cue

__all__ = [
    "Verdict", "Judgement", "BodyJudgement", "VERDICT_FUNCTIONS", "scope_check", "judge",
    "verdict_function_for",
]


class Verdict(enum.Enum):
    """The four verdicts a cue can get."""

    SUPPORTED = "supported"
    PARTLY_SUPPORTED = "partly supported"
    CONTRADICTED = "contradicted"
    OUTSIDE_MODEL = "outside a sagittal torque model"


class Judgement(NamedTuple):
    """A verdict and the reason for it, in words with the numbers that decided it."""

    verdict: Verdict
    reason: str


@dataclass(frozen=True)
class BodyJudgement:
    """A cue's verdict over a set of body proportions.

    Attributes
    ----------
    verdict : Verdict
        The combined verdict: the common one when every body agrees; otherwise
        ``PARTLY_SUPPORTED`` if any body supports the cue at least in part, else the
        verdict all bodies share.
    reason : str
        Why, naming the bodies where the verdict differs.
    per_body : dict of str to Judgement
        Each body's own verdict and reason (empty for out-of-scope cues).
    depends_on_proportions : bool
        True where the verdict changes from one body to another.
    """

    verdict: Verdict
    reason: str
    per_body: Mapping[str, Judgement] = field(default_factory=dict)
    depends_on_proportions: bool = False


#: cue id -> its verdict function (numbers -> Judgement)
VERDICT_FUNCTIONS: dict[str, Callable[[Mapping[str, float]], Judgement]] = {}


def _for_cue(cue_id: str):
    def register(fn):
        get_cue(cue_id)  # the cue must exist
        VERDICT_FUNCTIONS[cue_id] = fn
        fn.cue_id = cue_id
        return fn
    return register


def verdict_function_for(cue_id: str) -> Callable[[Mapping[str, float]], Judgement]:
    """The verdict function of an in-scope cue.

    >>> verdict_function_for("pulse-squats-tension").__name__
    'verdict_pulse_squats'
    """
    cue = get_cue(cue_id)
    if not cue.kind.in_scope:
        raise InputValueError(f"cue_id={cue_id!r} is out of scope ({cue.kind.value}); use scope_check(cue).")
    return VERDICT_FUNCTIONS[cue_id]


def _need(numbers: Mapping[str, float], *keys: str) -> list[float]:
    out = []
    for k in keys:
        if k not in numbers:
            raise InputValueError(f"numbers is missing {k!r}; expected keys {list(keys)}, got {sorted(numbers)}.")
        try:
            x = float(numbers[k])
        except (TypeError, ValueError):
            raise InputValueError(f"numbers[{k!r}]={numbers[k]!r} is not a plain number.") from None
        if not math.isfinite(x):
            raise InputValueError(f"numbers[{k!r}]={x!r} is not finite; a verdict needs finite numbers.")
        out.append(x)
    return out


def _pct(x: float) -> str:
    return f"{100 * x:+.0f} %"


_S, _P, _C = Verdict.SUPPORTED, Verdict.PARTLY_SUPPORTED, Verdict.CONTRADICTED


def _by_count(passed, text: str, supported: str = ".", partly: str = ".", contradicted: str = ".") -> Judgement:
    """Supported when every test in ``passed`` holds, partly when some do, contradicted when none;
    ``text`` plus the ending for that verdict is the reason."""
    n = sum(bool(x) for x in passed)
    if n == len(passed):
        return Judgement(_S, text + supported)
    return Judgement(_P, text + partly) if n else Judgement(_C, text + contradicted)


def _graded(value: float, supported_at: float, partly_at: float, text: str, *, higher: bool = True,
            supported: str = ".", partly: str = ".", contradicted: str = ".") -> Judgement:
    """A value against two thresholds: supported at or beyond ``supported_at``, partly at or beyond
    ``partly_at`` (beyond = above when ``higher``, below otherwise), contradicted short of both."""
    reaches = (lambda t: value >= t) if higher else (lambda t: value <= t)
    if reaches(supported_at):
        return Judgement(_S, text + supported)
    return Judgement(_P, text + partly) if reaches(partly_at) else Judgement(_C, text + contradicted)


# --------------------------------------------------------------------------- scope

_SCOPE_REASONS = {
    ClaimKind.FIBRE_TYPE: "fibre type is not a mechanical quantity: a torque model has no fibre types, and the "
                          "joint moment a pose and load demand is the same whatever the fibres",
    ClaimKind.PUMP: "the pump (blood flow, swelling) is physiology, not a joint moment",
    ClaimKind.MIND_MUSCLE: "a mind-muscle connection changes neural drive, which a torque model does not take as "
                           "an input: the moment comes from pose and load alone",
    ClaimKind.FRONTAL_OR_ROTATION: "the claim is about frontal-plane or rotational action (abduction, hip or "
                                   "tibial rotation, valgus, foot inversion, which head of a muscle works), "
                                   "while a sagittal model computes moments only about the side-to-side axis",
    ClaimKind.PHYSIOLOGY: "the claim is about fatigue, adaptation or injury, which joint moments alone do not "
                          "determine",
}


def scope_check(cue: Cue) -> Judgement | None:
    """``OUTSIDE_MODEL`` with the reason for an out-of-scope cue, ``None`` for an in-scope one.

    Where published studies disagree with the article (``cue.literature_disagrees``), the
    reason says so and says that the verdict is not support.

    Examples
    --------
    >>> from biomech.cues.catalog import get_cue
    >>> j = scope_check(get_cue("fibre-type-rep-schemes"))
    >>> j.verdict.value, j.reason.split(":")[0]
    ('outside a sagittal torque model', 'fibre type is not a mechanical quantity')
    >>> scope_check(get_cue("pulse-squats-tension")) is None
    True
    >>> "not support" in scope_check(get_cue("calf-toes-in-out")).reason
    True
    """
    if cue.kind.in_scope:
        return None
    reason = _SCOPE_REASONS[cue.kind]
    if cue.scope_note:
        reason += f". {cue.scope_note.rstrip('.')}"
    if cue.literature_disagrees:
        reason += (". This is not support for the article: published studies disagree with it "
                   f"({cue.literature.rstrip('.')})")
    return Judgement(Verdict.OUTSIDE_MODEL, reason.rstrip(".") + ".")


# ----------------------------------------------------------------- verdict functions
# Each takes one body's numbers. Thresholds are beside each function.

#: A moment at a joint the muscle does not cross, as a fraction of the crossed joint's,
#: above which "moments only at crossed joints" fails (numerical zero otherwise).
CROSSED_MOMENT_TOL = 1e-9
#: An induced acceleration at an uncrossed joint of at least this fraction of the crossed
#: joint's counts as the muscle accelerating a joint it does not cross.
CROSSED_ACCEL_RATIO = 0.10


@_for_cue("muscle-acts-only-on-crossed-joints")
def verdict_crossed_joints(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``uncrossed_moment_fraction`` (largest |moment| a one-joint muscle makes at a
    joint it does not cross, over the moment at its own joint) and ``uncrossed_accel_ratio``
    (largest |induced angular acceleration| at an uncrossed joint over that at the crossed
    joint, standing chain, zero velocity)."""
    m, a = _need(numbers, "uncrossed_moment_fraction", "uncrossed_accel_ratio")
    if m > CROSSED_MOMENT_TOL:
        return Judgement(Verdict.CONTRADICTED,
                         f"a one-joint muscle makes a moment at a joint it does not cross ({m:.3g} of its own).")
    if a >= CROSSED_ACCEL_RATIO:
        return Judgement(Verdict.PARTLY_SUPPORTED,
                         f"true of moments (none at uncrossed joints), but not of motion: in the closed chain a "
                         f"one-joint muscle accelerates a joint it does not cross by up to {a:.2f} times the "
                         f"acceleration of its own joint (threshold {CROSSED_ACCEL_RATIO}).")
    return Judgement(Verdict.SUPPORTED,
                     f"moments only at crossed joints, and induced accelerations at uncrossed joints stay below "
                     f"{CROSSED_ACCEL_RATIO} of the crossed joint's ({a:.3f}).")


#: Relative error allowed between r x F and |F| x perpendicular distance.
TORQUE_DEFINITION_TOL = 1e-6
#: "Distance over which the force acts" times force differing from the torque by more than
#: this fraction means the wording describes something else (work).
WORDING_MISMATCH_TOL = 0.05
#: The muscle's own moment arm must grow by at least this fraction of the external moment
#: arm's growth for "the moment arm for your quads becomes longer" to hold of the muscle.
MUSCLE_ARM_GROWTH_FRACTION = 0.10


@_for_cue("torque-is-force-times-moment-arm")
def verdict_torque_wording(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``definition_error`` (relative difference of the cross product r x F and
    force x perpendicular distance), ``wording_mismatch`` (relative difference between force
    x distance moved along the line of action and the torque), ``external_arm_change`` (m,
    growth of the external knee moment arm with knee travel) and ``muscle_arm_change`` (m,
    change of the patellar-tendon moment arm over the same knee flexion)."""
    d, w, ext, mus = _need(numbers, "definition_error", "wording_mismatch", "external_arm_change",
                           "muscle_arm_change")
    if d > TORQUE_DEFINITION_TOL:
        return Judgement(Verdict.CONTRADICTED,
                         f"torque differs from force x perpendicular distance by {d:.3g} (relative).")
    problems = []
    if w > WORDING_MISMATCH_TOL:
        problems.append(f"force x the distance the force moves is work, not torque (here {w:.0%} off, and the "
                        f"gap changes with the distance chosen while the torque does not): the wording "
                        f"describes work, not a moment arm")
    if ext > 0 and mus < MUSCLE_ARM_GROWTH_FRACTION * ext:
        problems.append(f"knee travel lengthens the external moment arm by {100 * ext:.1f} cm while the "
                        f"quadriceps' own (patellar tendon) moment arm changes by {1000 * mus:+.1f} mm: it is "
                        f"the load's lever that grows, not the muscle's")
    if problems:
        return Judgement(Verdict.PARTLY_SUPPORTED, "torque = force x moment arm holds; but " + "; ".join(problems) + ".")
    return Judgement(Verdict.SUPPORTED, "torque = force x moment arm holds, and the wording and the muscle's lever "
                                        "agree with it.")


#: A knee-moment rise of at least this fraction counts as raising quadriceps demand.
KNEE_TRAVEL_RISE = 0.10


@_for_cue("knee-travel-quadriceps")
def verdict_knee_travel_quadriceps(numbers: Mapping[str, float]) -> Judgement:
    """Numbers (fractions, unrestricted versus restricted knee travel at the same depth and
    load): ``knee_moment_change``, ``hip_moment_change``, ``sum_moment_change`` (knee + hip)."""
    k, h, s = _need(numbers, "knee_moment_change", "hip_moment_change", "sum_moment_change")
    where = (f"the moment moves from hip to knee (hip {_pct(h)}, knee + hip {_pct(s)})" if h < 0
             else f"the hip moment changes by {_pct(h)} too (knee + hip {_pct(s)})")
    if k <= 0:
        return Judgement(Verdict.CONTRADICTED, f"knee moment changes by {_pct(k)} with knee travel; {where}.")
    if k < KNEE_TRAVEL_RISE:
        return Judgement(Verdict.PARTLY_SUPPORTED,
                         f"knee moment rises only {_pct(k)} (threshold {KNEE_TRAVEL_RISE:.0%}); {where}.")
    return Judgement(Verdict.SUPPORTED, f"knee moment rises {_pct(k)}; {where}.")


#: Extra dorsiflexion (deg) a knee-travel squat needs over a restricted one to say "it needs mobility".
MOBILITY_EXTRA_DF_DEG = 5.0
#: Within this many degrees of the published normal range (or beyond it), mobility limits the cue.
MOBILITY_MARGIN_DEG = 10.0


@_for_cue("knee-travel-needs-mobility")
def verdict_knee_travel_mobility(numbers: Mapping[str, float]) -> Judgement:
    """Numbers (degrees): ``extra_dorsiflexion_deg`` (dorsiflexion the knee-travel squat
    needs beyond the restricted one) and ``dorsiflexion_margin_deg`` (published normal
    dorsiflexion minus the required; negative = beyond the normal range)."""
    extra, margin = _need(numbers, "extra_dorsiflexion_deg", "dorsiflexion_margin_deg")
    if extra < MOBILITY_EXTRA_DF_DEG:
        return Judgement(Verdict.CONTRADICTED,
                         f"knee travel needs only {extra:.1f} deg more dorsiflexion (threshold {MOBILITY_EXTRA_DF_DEG}).")
    if margin < MOBILITY_MARGIN_DEG:
        return Judgement(Verdict.SUPPORTED,
                         f"knee travel needs {extra:.1f} deg more dorsiflexion, leaving {margin:+.1f} deg to the "
                         f"normal range: mobility limits it.")
    return Judgement(Verdict.PARTLY_SUPPORTED,
                     f"knee travel needs {extra:.1f} deg more dorsiflexion, but {margin:.1f} deg remain within the "
                     f"normal range: only less mobile lifters are limited.")


#: Heel elevation: at least this much extra knee travel (m) and knee-moment rise (fraction).
HEEL_TRAVEL_GAIN_M = 0.01
HEEL_KNEE_RISE = 0.05


@_for_cue("heel-elevated-squat")
def verdict_heel_elevation(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``knee_travel_change_m`` (m, heels raised versus flat, same depth and balance)
    and ``knee_moment_change`` (fraction)."""
    t, k = _need(numbers, "knee_travel_change_m", "knee_moment_change")
    return _by_count((t >= HEEL_TRAVEL_GAIN_M, k >= HEEL_KNEE_RISE),
                     f"knee travel {100 * t:+.1f} cm, knee moment {_pct(k)}",
                     partly=f" (thresholds {100 * HEEL_TRAVEL_GAIN_M:.0f} cm, {HEEL_KNEE_RISE:.0%}): only one rises.",
                     contradicted=": neither rises.")


#: Stance/toe-out: rise in the hip's share of (hip + knee) moment that counts as a shift.
STANCE_HIP_SHARE_RISE = 0.03


@_for_cue("stance-width-toes-out")
def verdict_stance_width_toe_out(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``hip_share_change`` (change of hip / (hip + knee) moment, absolute fraction)
    and ``knee_moment_change`` (fraction), wide toes-out versus narrow toes-forward stance."""
    s, k = _need(numbers, "hip_share_change", "knee_moment_change")
    text = (f"the hip's share of hip + knee moment changes by {100 * s:+.1f} percentage points and the knee "
            f"moment by {_pct(k)}")
    if s >= STANCE_HIP_SHARE_RISE and k < 0:
        return Judgement(Verdict.SUPPORTED, text + ": the sagittal load shifts from knee to hip.")
    if s > 0:
        return Judgement(Verdict.PARTLY_SUPPORTED, text + f": a small or partial shift (threshold "
                                                          f"{100 * STANCE_HIP_SHARE_RISE:.0f} percentage points).")
    return Judgement(Verdict.CONTRADICTED, text + ": no shift toward the hip in the sagittal plane. What a wide, "
                                                  "toes-out stance asks of the glutes as abductors and external "
                                                  "rotators lies outside a sagittal model; this verdict is about hip "
                                                  "extension alone.")


#: Depth: knee moment deep over half depth, and bottom over the rep's peak.
DEPTH_RATIO_MIN = 1.10
BOTTOM_PEAK_FRACTION = 0.90


@_for_cue("squats-build-quads")
def verdict_squat_depth(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``depth_ratio`` (knee moment at full depth over that at half depth) and
    ``bottom_peak_fraction`` (knee moment in the bottom hold over the rep's peak)."""
    r, b = _need(numbers, "depth_ratio", "bottom_peak_fraction")
    return _by_count((r >= DEPTH_RATIO_MIN, b >= BOTTOM_PEAK_FRACTION),
                     f"the knee moment in a deep squat is {r:.1f} times that of a half squat, and a hold at the "
                     f"bottom keeps {b:.0%} of the rep's peak",
                     partly=f" (thresholds {DEPTH_RATIO_MIN}, {BOTTOM_PEAK_FRACTION:.0%}).",
                     contradicted=": depth and holds do not raise the knee's demand.")


#: Pulse squats: knee moment at lockout as a fraction of the least in the pulse range.
PULSE_LOCKOUT_SUPPORTED = 0.30
PULSE_LOCKOUT_PARTLY = 0.70


@_for_cue("pulse-squats-tension")
def verdict_pulse_squats(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``lockout_fraction`` (knee-extensor moment standing tall over the least knee
    moment within the pulse range)."""
    (f,) = _need(numbers, "lockout_fraction")
    return _graded(f, PULSE_LOCKOUT_SUPPORTED, PULSE_LOCKOUT_PARTLY,
                   f"standing tall the knee moment is {f:+.2f} times the least in the pulse range"
                   + (" (negative: a knee-flexor demand)" if f < 0 else ""), higher=False,
                   supported=": locking out unloads the quadriceps, pulsing does not.",
                   partly=": lockout unloads the knee only partly.",
                   contradicted=": lockout does not unload the knee.")


#: Leg press: knee-moment rise with feet low versus high.
LEG_PRESS_KNEE_RISE = 0.10


@_for_cue("leg-press-feet-low")
def verdict_leg_press_feet(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``knee_moment_change`` and ``hip_moment_change`` (fractions, feet low versus
    high on the platform, same sled load and depth)."""
    k, h = _need(numbers, "knee_moment_change", "hip_moment_change")
    text = (f"knee moment {_pct(k)} with the feet low; hip moment {_pct(h)}"
            + (" (it changes sign: a hip-flexor demand on one side, so the percentage is not a size)"
               if h < -1 else ""))
    if k >= LEG_PRESS_KNEE_RISE:
        return Judgement(_S, text + ".")
    return Judgement(_P, text + f" (threshold {LEG_PRESS_KNEE_RISE:.0%}).") if k > 0 else Judgement(_C, text + ".")


#: Leg press ROM: knee-moment gain of the full range over a partial one.
LEG_PRESS_ROM_GAIN = 0.10


@_for_cue("leg-press-active-rom")
def verdict_leg_press_rom(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``knee_moment_gain`` (peak knee moment, full over partial range, minus 1) and
    ``hip_flexion_margin_deg`` (active hip-flexion limit minus the hip flexion the full
    range needs; negative = the pelvis must tuck)."""
    g, m = _need(numbers, "knee_moment_gain", "hip_flexion_margin_deg")
    return _by_count((g >= LEG_PRESS_ROM_GAIN, m >= 0),
                     f"full range raises the peak knee moment by {_pct(g)}; its bottom needs "
                     f"{abs(m):.0f} deg {'more' if m < 0 else 'less'} hip flexion than the normal range")


#: Leg extension: knee moment at full extension as a fraction of its peak.
LOCKOUT_PEAK_SUPPORTED = 0.90
LOCKOUT_PEAK_PARTLY = 0.60


@_for_cue("leg-extension-light-no-lockout")
def verdict_leg_extension_lockout(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``lockout_peak_fraction`` (knee-extensor moment at full extension over the
    peak over the range)."""
    (f,) = _need(numbers, "lockout_peak_fraction")
    return _graded(f, LOCKOUT_PEAK_SUPPORTED, LOCKOUT_PEAK_PARTLY,
                   f"the knee moment at lockout is {f:.0%} of its peak",
                   supported=": the demand peaks at lockout, so a forceful lockout meets the highest moment.",
                   contradicted=": lockout is not where the demand is.")


#: Lunge: relative difference in knee/hip moment ratio between the two patterns.
LUNGE_PATTERN_DIFF = 0.20


@_for_cue("lunge-quad-vs-glute-pattern")
def verdict_lunge_patterns(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``knee_hip_ratio_quad`` and ``knee_hip_ratio_glute`` (front-leg knee moment
    over hip moment in the quadriceps- and glute-dominant patterns)."""
    q, g = _need(numbers, "knee_hip_ratio_quad", "knee_hip_ratio_glute")
    if g <= 0:
        diff = math.inf if q > 0 else 0.0
    else:
        diff = q / g - 1
    text = (f"front-leg knee/hip moment ratio {q:.2f} in the quadriceps pattern versus {g:.2f} in the glute "
            f"pattern")
    if diff >= LUNGE_PATTERN_DIFF:
        return Judgement(Verdict.SUPPORTED, text + ".")
    if diff > 0:
        return Judgement(Verdict.PARTLY_SUPPORTED, text + f": a difference under {LUNGE_PATTERN_DIFF:.0%}.")
    return Judgement(Verdict.CONTRADICTED, text + ": the patterns do not differ as claimed.")


#: Top squeeze: external hip moment at the top as a fraction of the rep's peak.
TOP_SQUEEZE_LOADED = 0.70


@_for_cue("glute-squeeze-at-top")
def verdict_top_squeeze(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``rdl_top_fraction`` and ``back_extension_top_fraction`` (hip-extensor moment
    at the top over the peak of the rep)."""
    r, b = _need(numbers, "rdl_top_fraction", "back_extension_top_fraction")
    return _by_count((r >= TOP_SQUEEZE_LOADED, b >= TOP_SQUEEZE_LOADED),
                     f"the hip moment at the top is {r:.0%} of its peak in the RDL and {b:.0%} in a 45-deg back "
                     f"extension",
                     partly=f": loaded at the top in one lift only (threshold {TOP_SQUEEZE_LOADED:.0%}); elsewhere "
                            f"a squeeze is voluntary co-contraction.",
                     contradicted=": the top is nearly unloaded in both.")


#: Hamstrings: least share of the joint moment that counts as the muscle doing that action.
HAMSTRING_SHARE_MIN = 0.20


@_for_cue("hamstrings-two-joint-actions")
def verdict_hamstrings(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``hip_share_hinge`` (hamstrings' share of the hip-extensor moment in the RDL)
    and ``knee_share_curl`` (their share of the knee-flexor moment in the lying leg curl)."""
    h, k = _need(numbers, "hip_share_hinge", "knee_share_curl")
    return _by_count((h >= HAMSTRING_SHARE_MIN, k >= HAMSTRING_SHARE_MIN),
                     f"the hamstrings carry {h:.0%} of the hip-extensor moment in the RDL and {k:.0%} of the "
                     f"knee-flexor moment in the lying leg curl", partly=f" (threshold {HAMSTRING_SHARE_MIN:.0%}).")


@_for_cue("rectus-femoris-hip-flexor")
def verdict_rectus_femoris(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``hip_moment_arm_m`` (rectus femoris hip-flexor moment arm, m; positive =
    flexor) and ``hip_to_knee_arm_ratio`` (its hip moment arm over its knee moment arm)."""
    a, r = _need(numbers, "hip_moment_arm_m", "hip_to_knee_arm_ratio")
    text = f"hip-flexor moment arm {1000 * a:.0f} mm, {r:.2f} of its knee-extensor arm"
    if a <= 0:
        return Judgement(Verdict.CONTRADICTED, text + ": not a hip flexor here.")
    if r < 1:
        return Judgement(Verdict.SUPPORTED, text + ": a hip flexor, with less leverage than at the knee.")
    return Judgement(Verdict.PARTLY_SUPPORTED, text + ": a hip flexor, but not a lesser one.")


#: Tempo: per-rep moment impulse of a slow tempo with holds over a 1-0-1 rep; bounce peak
#: over the controlled turn-around.
TEMPO_IMPULSE_RATIO = 1.5
BOUNCE_PEAK_RATIO = 1.10


@_for_cue("tempo-holds-no-bounce")
def verdict_tempo(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``impulse_ratio`` (joint-moment impulse per rep, slow tempo with holds over
    1-0-1) and ``bounce_peak_ratio`` (peak moment with a bounce at the bottom over the
    controlled turn-around)."""
    i, b = _need(numbers, "impulse_ratio", "bounce_peak_ratio")
    return _by_count((i >= TEMPO_IMPULSE_RATIO, b >= BOUNCE_PEAK_RATIO),
                     f"the 3-0-1 tempo gives x{i:.2f} the knee-moment impulse of a 1-0-1 rep; a bounce at the bottom "
                     f"raises the peak knee moment x{b:.2f}",
                     partly=f" (thresholds x{TEMPO_IMPULSE_RATIO}, x{BOUNCE_PEAK_RATIO}).")


#: Calf range: ankle range over the smaller of knee and hip ranges.
ANKLE_ROM_SHORT = 0.60
ANKLE_ROM_PARTLY = 0.80


@_for_cue("calf-short-range-of-motion")
def verdict_ankle_range(numbers: Mapping[str, float]) -> Judgement:
    """Numbers (degrees): ``ankle_rom_deg``, ``knee_rom_deg``, ``hip_rom_deg``."""
    a, k, h = _need(numbers, "ankle_rom_deg", "knee_rom_deg", "hip_rom_deg")
    r = a / min(k, h)
    return _graded(r, ANKLE_ROM_SHORT, ANKLE_ROM_PARTLY,
                   f"the ankle's range in a calf raise ({a:.0f} deg) is {r:.2f} of the smaller of the knee's "
                   f"({k:.0f} deg) and the hip's ({h:.0f} deg) in a deep squat",
                   higher=False)


#: Shin forward at the top of a calf raise: moment rise (fraction) or extra plantarflexion (deg).
SHIN_MOMENT_RISE = 0.05
SHIN_PLANTARFLEXION_GAIN_DEG = 2.0


@_for_cue("calf-drive-shin-forward")
def verdict_calf_shin_forward(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``ankle_moment_change`` (fraction) and ``plantarflexion_change_deg`` (deg;
    positive = more plantarflexed, a shorter triceps surae) when the shin is driven forward
    at the top."""
    m, p = _need(numbers, "ankle_moment_change", "plantarflexion_change_deg")
    text = f"driving the shin forward changes the ankle moment by {_pct(m)} and the plantarflexion by {p:+.1f} deg"
    if m >= SHIN_MOMENT_RISE or p >= SHIN_PLANTARFLEXION_GAIN_DEG:
        return Judgement(Verdict.SUPPORTED, text + ".")
    if m > 0 or p > 0:
        return Judgement(Verdict.PARTLY_SUPPORTED, text + ": a small effect.")
    return Judgement(Verdict.CONTRADICTED, text + ": the calf is neither more loaded nor shorter.")


#: Calf holds: share of the rep's ankle-moment impulse spent in the two holds.
HOLDS_SHARE_SUPPORTED = 0.30
HOLDS_SHARE_PARTLY = 0.10


@_for_cue("calf-stretch-squeeze-holds")
def verdict_calf_holds(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``hold_impulse_share`` (fraction of the rep's ankle-moment impulse in the
    bottom and top holds)."""
    (s,) = _need(numbers, "hold_impulse_share")
    return _graded(s, HOLDS_SHARE_SUPPORTED, HOLDS_SHARE_PARTLY,
                   f"the holds carry {s:.0%} of the rep's ankle-moment impulse")


#: Soleus: activation ratio (knee 90 deg over straight) that counts as "more active";
#: least rise in the soleus share that counts as a shift.
SOLEUS_ACTIVATION_RATIO = 1.10
SOLEUS_SHARE_RISE = 0.05


@_for_cue("soleus-bent-knee")
def verdict_soleus(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``soleus_share_change`` (soleus share of the ankle moment, knee at 90 deg minus
    knee straight) and ``soleus_activation_ratio`` (its activation, bent over straight, at
    the same ankle moment)."""
    s, a = _need(numbers, "soleus_share_change", "soleus_activation_ratio")
    text = (f"with the knee bent the soleus's share of the ankle moment rises {100 * s:+.0f} percentage points "
            f"and its activation x{a:.2f}")
    if a >= SOLEUS_ACTIVATION_RATIO:
        return Judgement(Verdict.SUPPORTED, text + ".")
    if s >= SOLEUS_SHARE_RISE:
        return Judgement(Verdict.PARTLY_SUPPORTED, text + ": its share rises as the gastrocnemius slackens, "
                                                          "but its own activation hardly does.")
    return Judgement(Verdict.CONTRADICTED, text + ".")


#: Body type: a key number spread across bodies above this fraction counts as body-dependent.
BODY_SPREAD_MIN = 0.10


@_for_cue("body-type-programming")
def verdict_body_type(numbers: Mapping[str, float]) -> Judgement:
    """Numbers: ``fraction_verdicts_dependent`` (of the cues run, the fraction whose verdict
    changes with body proportions) and ``max_key_spread`` (largest relative spread of a key
    number across bodies)."""
    f, s = _need(numbers, "fraction_verdicts_dependent", "max_key_spread")
    text = (f"{'no' if f == 0 else f'{f:.0%} of the'} verdicts tested change with body proportions; key numbers "
            f"spread up to {s:.0%} of their mean")
    if f > 0:
        return Judgement(Verdict.SUPPORTED, text + ".")
    if s >= BODY_SPREAD_MIN:
        return Judgement(Verdict.PARTLY_SUPPORTED, text + ": the numbers depend on body type, the verdicts do not.")
    return Judgement(Verdict.CONTRADICTED, text + ": body type changes neither.")


# ------------------------------------------------------------------ over bodies

def judge(cue: Cue, numbers_by_body: Mapping[str, Mapping[str, float]] | None = None) -> BodyJudgement:
    """A cue's verdict: the scope check, or its verdict function applied body by body.

    Parameters
    ----------
    cue : Cue
        The cue.
    numbers_by_body : mapping of body name to numbers, optional
        The experiment's numbers for each body (ignored, and may be None, for
        out-of-scope cues).

    Returns
    -------
    BodyJudgement

    Examples
    --------
    >>> from biomech.cues.catalog import get_cue
    >>> j = judge(get_cue("pulse-squats-tension"),
    ...           {"short femur": {"lockout_fraction": 0.1}, "long femur": {"lockout_fraction": 0.5}})
    >>> j.verdict.value, j.depends_on_proportions
    ('partly supported', True)
    """
    scope = scope_check(cue)
    if scope is not None:
        return BodyJudgement(scope.verdict, scope.reason)
    if not numbers_by_body:
        raise InputValueError(f"numbers_by_body={numbers_by_body!r} is empty; cue {cue.id!r} needs numbers for "
                              f"at least one body.")
    fn = VERDICT_FUNCTIONS[cue.id]
    per_body = {name: fn(nums) for name, nums in numbers_by_body.items()}
    verdicts = {j.verdict for j in per_body.values()}
    first_name, first = next(iter(per_body.items()))
    if len(verdicts) == 1:
        tail = (f" The same for all {len(per_body)} body proportions tried." if len(per_body) > 1 else "")
        return BodyJudgement(first.verdict, f"{first.reason}{tail}", per_body, False)
    groups: dict[Verdict, list[str]] = {}
    for name, j in per_body.items():
        groups.setdefault(j.verdict, []).append(name)
    some_support = verdicts & {Verdict.SUPPORTED, Verdict.PARTLY_SUPPORTED}
    combined = Verdict.PARTLY_SUPPORTED if some_support else first.verdict
    parts = "; ".join(f"{v.value} for {', '.join(names)}" for v, names in groups.items())
    reason = f"Depends on body proportions: {parts}. For {first_name}: {first.reason}"
    return BodyJudgement(combined, reason, per_body, True)
