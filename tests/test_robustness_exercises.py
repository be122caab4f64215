"""Robustness battery over every exercise function (``bm.exercises.*``).

The same two promises as ``test_robustness.py``, for the coach-level interface:

1. Invalid inputs (bare numbers, words that are not quantities, the wrong dimension,
   NaN and infinities, negative loads, unknown bar/hold/foot-position names, a body
   that is not a :class:`~biomech.Body`, extra loads that are not loads) raise a
   :class:`biomech.BiomechError` whose message names the argument; nothing else escapes.
2. Valid inputs drawn at random give finite moments that satisfy equilibrium (top-down
   from the free end equals ``.bottom_up()`` from the ground reaction, for every
   exercise standing on its feet), or, in an array call, NaN with ``feasible`` False and
   a ``reason``; a single request that cannot exist raises ``InfeasiblePoseError``.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import biomech as bm
from biomech import Q_

from conftest import bodies
from conftest import outcome as shared_outcome

ex = bm.exercises

FAST = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
JOINTS = ("ankle", "knee", "hip", "lumbar")

BODY = bm.Body.from_anthropometrics(height="178 cm", mass="80 kg", sex="male")
NO_ARMS = bm.Body.from_segments(shank=bm.Segment("0.40 m", "4 kg", 0.40), thigh=bm.Segment("0.40 m", "10 kg", 0.40),
                                trunk=bm.Segment("0.50 m", "50 kg", 0.50))
EXERCISES = list(ex.__all__[:ex.N_EXERCISES])


def outcome(fn, *args, **kwargs):
    """As ``conftest.outcome``, also forcing the result's lazy moments."""
    def run():
        res = fn(*args, **kwargs)
        if res is not None:
            res.knee  # noqa: B018 - results are lazy: force the moments
        return res
    return shared_outcome(run)


def refused(fn, arg, *args, **kwargs):
    res, exc = outcome(fn, *args, **kwargs)
    if exc is None:
        pytest.fail(f"accepted silently: {res!r}")
    assert arg in str(exc), f"the message does not name {arg!r}: {exc}"
    return exc


def nm(q):
    return np.asarray(q.to("N*m").magnitude, dtype=float)


# --------------------------------------------------------------------------- what each argument is
#: The kind of every public argument (``body`` aside) of every exercise. Kinds:
#: "profile" a machine's torque profile (checked in its own test), "choice+m:<a|b>" a name
#: or a length, "band" one load or None, "m" a length, "deg" an angle, "load" a mass or a weight, "depth" an angle or a
#: length or a keyword, "choice:<a|b>" one of the names (``"?"`` appended when None is
#: valid), "share" a fraction, "fraction" a plain positive number (a step in leg lengths), "loads" a
#: sequence of loads, "lengths" a dict, "samples" a number of technique samples (or bodies), "seed" a seed.
_SAMPLING = dict(samples="samples", bodies="samples", seed="seed")
_SQUAT_TECHNIQUE = dict(heel_lift="m", stance_width="m", toe_out="deg", knee_travel_at="choice:front|centre",
                       cop="choice+m:midfoot|ball|heel?", arms="deg", dorsiflexion_limit="deg", lengths="lengths",
                       hip_width="m", extra_loads="loads", lumbar_flexion="deg", **_SAMPLING)
SPEC = {
    "squat": dict(depth="depth", knee_travel="m", load="load", bar="choice:high_bar|low_bar|front|goblet?",
                  box_height="m", **_SQUAT_TECHNIQUE),
    "front_squat": dict(depth="depth", knee_travel="m", load="load", **_SQUAT_TECHNIQUE),
    "goblet_squat": dict(depth="depth", knee_travel="m", load="load", **_SQUAT_TECHNIQUE),
    "bodyweight_squat": dict(depth="depth", knee_travel="m", **_SQUAT_TECHNIQUE),
    "box_squat": dict(box_height="m", knee_travel="m", load="load", bar="choice:high_bar|low_bar|front|goblet?",
                      **_SQUAT_TECHNIQUE),
    "lunge": dict(step_length="m", depth="deg", knee_travel="m", load="load", hold="choice:hands|back",
                  rear_knee_height="m", rear_ankle="deg", front_share="share", trunk_lean="deg",
                  direction="choice:forward|reverse|walking", extra_loads="loads", dorsiflexion_limit="deg",
                  step_fraction="fraction", front_shank="deg", **_SAMPLING),
    "split_squat": dict(step_length="m", depth="deg", knee_travel="m", load="load", hold="choice:hands|back",
                        rear_knee_height="m", rear_ankle="deg", front_share="share", trunk_lean="deg",
                        extra_loads="loads", dorsiflexion_limit="deg", step_fraction="fraction", front_shank="deg",
                        **_SAMPLING),
    "bulgarian_split_squat": dict(step_length="m", depth="deg", knee_travel="m", load="load", bench_height="m",
                                  hold="choice:hands|back", rear_knee_height="m", rear_ankle="deg",
                                  front_share="share", trunk_lean="deg", extra_loads="loads", dorsiflexion_limit="deg",
                                  step_fraction="fraction", front_shank="deg", **_SAMPLING),
    "step_up": dict(box_height="m", knee_travel="m", load="load", step_length="m", hold="choice:hands|back",
                    rear_ankle="deg", front_share="share", trunk_lean="deg", extra_loads="loads",
                    dorsiflexion_limit="deg"),
    "romanian_deadlift": dict(bar_height="depth", trunk_lean="deg", knee_flexion="deg", load="load", toe_out="deg",
                              cop="choice+m:midfoot|ball|heel?", extra_loads="loads", arm_position="choice:free|plumb",
                              lumbar_flexion="deg", **_SAMPLING),
    "stiff_leg_deadlift": dict(bar_height="depth", trunk_lean="deg", knee_flexion="deg", load="load", toe_out="deg",
                               cop="choice+m:midfoot|ball|heel?", extra_loads="loads",
                               arm_position="choice:free|plumb", lumbar_flexion="deg", **_SAMPLING),
    "deadlift": dict(load="load", knee_flexion="deg", bar_height="depth", toe_out="deg", stance_width="m",
                     cop="choice+m:midfoot|ball|heel?", extra_loads="loads", lumbar_flexion="deg", **_SAMPLING),
    "sumo_deadlift": dict(load="load", knee_flexion="deg", bar_height="depth", toe_out="deg", stance_width="m",
                          cop="choice+m:midfoot|ball|heel?", extra_loads="loads", lumbar_flexion="deg", **_SAMPLING),
    "trap_bar_deadlift": dict(load="load", knee_flexion="deg", bar_height="depth", toe_out="deg", stance_width="m",
                              cop="choice+m:midfoot|ball|heel?", extra_loads="loads", lumbar_flexion="deg", **_SAMPLING),
    "good_morning": dict(trunk_lean="deg", knee_flexion="deg", load="load", toe_out="deg",
                         cop="choice+m:midfoot|ball|heel?", extra_loads="loads", lumbar_flexion="deg", **_SAMPLING),
    "back_extension": dict(load="load", bench="deg", hip_flexion="deg", pad="m", roller="m", band="band"),
    "leg_press": dict(load="load", foot_position="choice+m:high|middle|low", knee_flexion="deg", sled_angle="deg",
                      back_angle="deg", cop="choice+m:midfoot|heel|ball",
                      force_direction="choice+m:min_effort|rails", friction="share", **_SAMPLING),
    "leg_extension": dict(load="load", knee_flexion="deg", lever="m", pad="m", seat_back="deg", profile="profile"),
    "leg_curl": dict(load="load", knee_flexion="deg", lever="m", pad="m", profile="profile"),
    "standing_calf_raise": dict(load="load", foot="deg", hold="choice:shoulders|hands", top="deg",
                                cop="choice:ball"),
    "seated_calf_raise": dict(load="load", foot="deg", top="deg", pad="m"),
}


def test_the_table_covers_every_exercise_and_argument():
    # the battery must grow with the interface: a new exercise or argument fails here
    import inspect

    assert sorted(SPEC) == sorted(EXERCISES)
    for name in EXERCISES:
        sig = inspect.signature(getattr(ex, name))
        public = [p for p in sig.parameters if p != "body" and not p.startswith("_")
                  and sig.parameters[p].kind is not inspect.Parameter.VAR_KEYWORD]
        assert sorted(public) == sorted(SPEC[name]), name


WRONG_DIMENSION = {"m": "3 kg", "deg": "3 m", "load": "3 m", "depth": "3 kg"}
COMMON_BAD = [("bare int", 90), ("bare float", 0.5), ("bare list", [1.0, 2.0]), ("word", "ninety"),
              ("empty string", ""), ("gibberish", "%%$#"), ("object", object()), ("bool", True), ("dict", {}),
              ("complex", Q_(1 + 1j, "m"))]


def bad_values(kind: str):
    """Values that are never a valid argument of this kind."""
    if kind == "profile":
        return []
    if kind in ("samples", "seed"):
        out = [("negative", -1), ("float", 10.5), ("bool", True), ("word", "many"), ("string number", "10"),
               ("quantity", Q_(10, "")), ("object", object()), ("list", [10])]
        return out + ([("zero", 0), ("too many", 10 ** 6)] if kind == "samples" else [])
    if kind.startswith("choice+m:"):
        return [("unknown name", "nonsense"), ("empty name", ""), ("number", 5), ("object", object()),
                ("wrong dimension", "3 kg"), ("NaN", Q_(math.nan, "m"))] + ([] if kind.endswith("?") else
                                                                            [("None", None)])
    if kind.startswith("choice:"):
        names = kind[len("choice:"):]
        out = [("unknown name", "nonsense"), ("empty name", ""), ("number", 5), ("object", object()),
               ("list", ["a"]), ("array", Q_([1.0], "m"))]
        if not names.endswith("?"):
            out.append(("None", None))
        return out
    if kind == "share":
        return [("negative", -0.1), ("above one", 1.5), ("NaN", math.nan), ("word", "half"),
                ("length", Q_(0.5, "m")), ("object", object())]
    if kind == "fraction":  # a step as a fraction of the leg length: a plain positive number, 0 to 3
        return [("negative", -0.1), ("zero", 0.0), ("far too long", 5.0), ("NaN", math.nan), ("word", "half"),
                ("length", Q_(0.5, "m")), ("object", object())]
    if kind == "loads":
        return [("number", 5), ("word", "band"), ("list of None", [None]), ("list of quantities", [Q_(1, "kg")]),
                ("a load, not in a list", bm.Barbell("10 kg")), ("object", object())]
    if kind == "band":
        return [("number", 5), ("word", "band"), ("quantity", Q_(100, "N/m")), ("list", [bm.HandLoad("1 kg")]),
                ("object", object())]
    if kind == "lengths":
        return [("number", 5), ("word", "long"), ("list", ["thigh"]), ("unknown segment", {"neck": "10 cm"}),
                ("bare number inside", {"thigh": 0.45}), ("negative inside", {"thigh": "-45 cm"})]
    unit = {"m": "m", "deg": "deg", "load": "kg", "depth": "deg"}[kind]
    out = list(COMMON_BAD) + [("wrong dimension", WRONG_DIMENSION[kind]), ("NaN", Q_(math.nan, unit)),
                              ("inf", Q_(math.inf, unit)), ("-inf", Q_(-math.inf, unit)),
                              ("NaN in array", Q_([1.0, math.nan], unit)), ("temperature", Q_(10.0, "degC"))]
    if kind == "deg":
        out.append(("dimensionless", Q_(0.5, "")))
    if kind == "load":
        out += [("negative mass", "-5 kg"), ("negative weight", "-100 N"), ("NaN weight", Q_(math.nan, "N"))]
    return out


def _cases():
    for name in EXERCISES:
        for arg, kind in SPEC[name].items():
            for label, value in bad_values(kind):
                yield pytest.param(name, arg, value, id=f"{name}-{arg}-{label}")


@pytest.mark.parametrize("name, arg, value", list(_cases()))
def test_invalid_argument_is_refused_naming_it(name, arg, value):
    refused(getattr(ex, name), arg, BODY, **{arg: value})


@pytest.mark.parametrize("body", ["x", None, 5, bm.Segment("0.4 m", "4 kg", 0.4),
                                  bm.Pose(shank="10 deg", thigh="10 deg", trunk="10 deg"), [BODY]],
                         ids=lambda v: type(v).__name__)
@pytest.mark.parametrize("name", EXERCISES)
def test_body_that_is_not_a_body_is_refused(name, body):
    refused(getattr(ex, name), "body", body)


@pytest.mark.parametrize("name", ["romanian_deadlift", "stiff_leg_deadlift", "deadlift", "sumo_deadlift",
                                  "trap_bar_deadlift"])
def test_hinges_need_arms(name):
    refused(getattr(ex, name), "arms", NO_ARMS, load="60 kg")


def test_machine_torque_and_force_loads_are_checked():
    refused(ex.leg_extension, "load", BODY, load="-10 N*m")
    refused(ex.leg_extension, "load", BODY, load=Q_(math.nan, "N*m"))
    refused(ex.leg_press, "load", BODY, load="-1000 N")
    refused(ex.leg_press, "load", BODY, load=Q_(math.inf, "N"))


@pytest.mark.parametrize("profile", [lambda k: "x", lambda k: np.nan * k, lambda k: 1 / 0, lambda k: [1.0, 2.0, 3.0],
                                     "plate", 5, Q_([1.0], "m")],
                         ids=["returns text", "returns NaN", "raises", "wrong shape", "unknown name", "number",
                              "array"])
@pytest.mark.parametrize("name", ["leg_extension", "leg_curl"])
def test_machine_profile_is_checked(name, profile):
    refused(getattr(ex, name), "profile", BODY, profile=profile)


@pytest.mark.parametrize("name, kwargs", [
    ("squat", dict(cop=Q_([0.1, 0.12, 0.14], "m"), depth=Q_([80, 90], "deg"))),
    ("romanian_deadlift", dict(cop=Q_([0.1, 0.12, 0.14], "m"), knee_flexion=Q_([10, 20], "deg"))),
    ("squat", dict(depth=Q_([80, 90, 100], "deg"), knee_travel=Q_([0, 5], "cm"))),
    ("lunge", dict(step_length=Q_([60, 70, 80], "cm"), load=Q_([10, 20], "kg"))),
], ids=["squat-cop", "rdl-cop", "squat-params", "lunge-params"])
def test_arrays_that_do_not_broadcast_are_refused(name, kwargs):
    exc = refused(getattr(ex, name), "", BODY, **kwargs)
    assert "broadcast" in str(exc)


def test_array_cop_that_broadcasts_is_accepted():
    res = ex.squat(BODY, cop=Q_([0.10, 0.12], "m"), depth=Q_([80, 90], "deg"), load="60 kg")
    assert res.cop.magnitude[:, 0] == pytest.approx([0.10, 0.12], abs=1e-9)


def test_rep_path_fractions_are_checked():
    refused(lambda: ex.rep_path(ex.squat, BODY, fractions=[0.0, 1.5]), "fractions")
    refused(lambda: ex.rep_path(ex.squat, BODY, fractions=[0.0, math.nan]), "fractions")


# --------------------------------------------------------------------------- valid inputs
def q(draw, lo, hi, unit):
    return Q_(draw(st.floats(lo, hi)), unit)


def qa(draw, lo, hi, unit, n=3):
    return Q_(draw(st.lists(st.floats(lo, hi), min_size=n, max_size=n)), unit)


#: Valid values for each exercise, in plausible (not always feasible) ranges.
VALID = {
    "squat": lambda d: dict(depth=q(d, 40, 130, "deg"), knee_travel=q(d, -10, 15, "cm"), load=q(d, 0, 250, "kg"),
                            bar=d(st.sampled_from(["high_bar", "low", "front", "goblet"])),
                            heel_lift=q(d, 0, 4, "cm"), toe_out=q(d, 0, 40, "deg"),
                            cop=d(st.sampled_from(["midfoot", "ball", "heel"]))),
    "front_squat": lambda d: dict(depth=q(d, 40, 130, "deg"), knee_travel=q(d, -10, 15, "cm"), load=q(d, 0, 200, "kg")),
    "goblet_squat": lambda d: dict(depth=q(d, 40, 130, "deg"), knee_travel=q(d, -10, 15, "cm"), load=q(d, 0, 50, "kg")),
    "bodyweight_squat": lambda d: dict(depth=q(d, 40, 130, "deg"), knee_travel=q(d, -10, 15, "cm")),
    "box_squat": lambda d: dict(box_height=q(d, 25, 60, "cm"), knee_travel=q(d, -5, 10, "cm"), load=q(d, 20, 200, "kg")),
    "lunge": lambda d: dict(step_length=q(d, 50, 100, "cm"), depth=q(d, 60, 100, "deg"), load=q(d, 0, 60, "kg"),
                            front_share=d(st.floats(0.5, 0.9)), hold=d(st.sampled_from(["hands", "back"]))),
    "split_squat": lambda d: dict(step_length=q(d, 50, 100, "cm"), depth=q(d, 60, 100, "deg"), load=q(d, 0, 60, "kg"),
                                  knee_travel=d(st.one_of(st.none(), st.floats(-5, 10).map(lambda v: Q_(v, "cm"))))),
    "bulgarian_split_squat": lambda d: dict(step_length=q(d, 40, 70, "cm"), bench_height=q(d, 35, 55, "cm"),
                                            depth=q(d, 60, 100, "deg"), load=q(d, 0, 60, "kg")),
    "step_up": lambda d: dict(box_height=q(d, 15, 50, "cm"), knee_travel=q(d, -5, 10, "cm"), load=q(d, 0, 60, "kg")),
    "romanian_deadlift": lambda d: dict(bar_height=d(st.one_of(st.sampled_from(["mid_shin", "knee"]),
                                                          st.floats(20, 60).map(lambda v: Q_(v, "cm")))),
                                        knee_flexion=q(d, 0, 30, "deg"), load=q(d, 20, 200, "kg")),
    "stiff_leg_deadlift": lambda d: dict(bar_height=d(st.sampled_from(["mid_shin", "knee"])), load=q(d, 40, 200, "kg")),
    "deadlift": lambda d: dict(load=q(d, 20, 250, "kg"),
                               bar_height=d(st.one_of(st.just("floor"), st.floats(15, 40).map(lambda v: Q_(v, "cm"))))),
    "sumo_deadlift": lambda d: dict(load=q(d, 20, 250, "kg"), knee_flexion=q(d, 90, 140, "deg"),
                                    toe_out=q(d, 20, 60, "deg")),
    "trap_bar_deadlift": lambda d: dict(load=q(d, 20, 250, "kg"), knee_flexion=q(d, 80, 140, "deg"),
                                        bar_height=d(st.one_of(st.just("floor"),
                                                               st.floats(20, 35).map(lambda v: Q_(v, "cm"))))),
    "good_morning": lambda d: dict(load=q(d, 0, 100, "kg"), trunk_lean=q(d, 30, 90, "deg"),
                                   knee_flexion=q(d, 0, 30, "deg")),
    "back_extension": lambda d: dict(bench=q(d, 30, 90, "deg"), hip_flexion=q(d, 0, 100, "deg"),
                                     load=q(d, 0, 25, "kg")),
    "leg_press": lambda d: dict(load=q(d, 50, 300, "kg"), foot_position=d(st.sampled_from(["high", "middle", "low"])),
                                knee_flexion=q(d, 30, 110, "deg"),
                                force_direction=d(st.sampled_from(["min_effort", "rails", "10 deg"])),
                                friction=d(st.floats(0.0, 1.0))),
    "leg_extension": lambda d: dict(load=q(d, 10, 80, "kg"), knee_flexion=q(d, 10, 100, "deg"),
                                    profile=d(st.sampled_from([None, "constant", "plate_lever"]))),
    "leg_curl": lambda d: dict(load=q(d, 10, 60, "kg"), knee_flexion=q(d, 0, 110, "deg")),
    "standing_calf_raise": lambda d: dict(load=q(d, 0, 150, "kg"), foot=q(d, -20, 30, "deg"),
                                          hold=d(st.sampled_from(["shoulders", "hands"]))),
    "seated_calf_raise": lambda d: dict(load=q(d, 0, 100, "kg"), foot=q(d, -20, 30, "deg")),
}
#: The first array-valued argument of each exercise, swept in the array calls.
SWEEP = {"squat": ("depth", 40, 175, "deg"), "front_squat": ("depth", 40, 175, "deg"),
         "goblet_squat": ("depth", 40, 175, "deg"), "bodyweight_squat": ("knee_travel", -30, 40, "cm"),
         "box_squat": ("box_height", 5, 90, "cm"), "lunge": ("step_length", 20, 150, "cm"),
         "split_squat": ("step_length", 20, 150, "cm"), "bulgarian_split_squat": ("step_length", 20, 120, "cm"),
         "step_up": ("box_height", 5, 90, "cm"), "romanian_deadlift": ("knee_flexion", 0, 60, "deg"),
         "stiff_leg_deadlift": ("load", 0, 300, "kg"), "deadlift": ("load", 0, 300, "kg"),
         "back_extension": ("hip_flexion", 0, 150, "deg"), "leg_press": ("knee_flexion", 0, 160, "deg"),
         "leg_extension": ("knee_flexion", 0, 130, "deg"), "leg_curl": ("knee_flexion", 0, 130, "deg"),
         "standing_calf_raise": ("foot", -60, 70, "deg"), "seated_calf_raise": ("foot", -60, 70, "deg"),
         "sumo_deadlift": ("load", 0, 300, "kg"), "trap_bar_deadlift": ("knee_flexion", 60, 160, "deg"),
         "good_morning": ("trunk_lean", 0, 120, "deg")}


@st.composite
def any_body(draw, arms: bool):
    """A body from anthropometrics (varied stature, mass, sex, table) or from random segments."""
    if draw(st.booleans()):
        return bm.Body.from_anthropometrics(Q_(draw(st.floats(150, 200)), "cm"), Q_(draw(st.floats(50, 120)), "kg"),
                                            sex=draw(st.sampled_from(["male", "female"])))
    b = draw(bodies())
    if arms and b.arms is None:
        return BODY
    return b


def _legs(res):
    """(label, result holding ankle/knee/hip/lumbar) for each leg of a result."""
    if isinstance(res, ex.SplitExerciseResult):
        return [("front", res.front), ("rear", res.rear)]
    return [("leg", res)]


def check_valid(res):
    """Finite where feasible, NaN with a reason where not; equilibrium where standing on the feet."""
    feas = np.asarray(res.feasible, dtype=bool)
    reason = np.asarray(res.reason, dtype=object)
    assert np.all((reason == "") == feas), (res.feasible, res.reason)
    held = res.model.held  # joints a seat, pad or bench holds on both sides: NaN by design
    for label, leg in _legs(res):
        for j in JOINTS:
            v = np.broadcast_to(nm(getattr(leg, j)), feas.shape)
            if j in held:
                assert np.all(np.isnan(v)), (label, j, v)
                continue
            assert np.all(np.isfinite(v[feas])), (label, j, v)
            assert np.all(np.isnan(v[~feas])), (label, j, v)
    m = res
    if m.model.support != "feet":
        return
    bottom_up = m.model.bottom_up(m._sc)
    for label, leg in _legs(res):
        key = "rear" if label == "rear" else "front"
        for j in ("ankle", "knee", "hip"):
            top_down = np.broadcast_to(nm(getattr(leg, j)), feas.shape)
            bu = np.broadcast_to(np.asarray(bottom_up[key][j], dtype=float), feas.shape)
            # top-down (free end) equals bottom-up (ground reaction from the whole body's balance)
            assert bu[feas] == pytest.approx(top_down[feas], rel=1e-9, abs=1e-7), (label, j)
    lum = np.broadcast_to(nm(res.lumbar), feas.shape)
    assert np.broadcast_to(np.asarray(bottom_up["lumbar"], dtype=float), feas.shape)[feas] == pytest.approx(
        lum[feas], rel=1e-9, abs=1e-7)


@pytest.mark.parametrize("name", EXERCISES)
@FAST
@given(data=st.data())
def test_valid_single_requests_are_finite_and_balanced(name, data):
    body = data.draw(any_body(arms=True))  # hinges, goblets and dumbbells need arms (refusal tested above)
    kwargs = VALID[name](data.draw)
    res, exc = outcome(getattr(ex, name), body, **kwargs)
    if exc is not None:
        # a single request that cannot exist says so (and why), nothing else
        assert isinstance(exc, bm.InfeasiblePoseError), exc
        assert exc.reason, exc
        return
    assert res.feasible is True and res.reason == ""
    check_valid(res)
    if "target" in res.extras and res.model.support == "feet" and name not in ("lunge", "split_squat",
                                                                                       "bulgarian_split_squat",
                                                                                       "step_up"):
        # balanced: the centre of pressure sits at the target point of the foot
        assert float(res.cop.magnitude[0]) == pytest.approx(float(np.asarray(res.extras["target"].magnitude)),
                                                            abs=1e-6)


@pytest.mark.parametrize("name", EXERCISES)
@FAST
@given(data=st.data())
def test_valid_array_requests_give_nan_with_a_reason_where_infeasible(name, data):
    body = data.draw(any_body(arms=True))  # hinges, goblets and dumbbells need arms (refusal tested above)
    kwargs = VALID[name](data.draw)
    arg, lo, hi, unit = SWEEP[name]
    kwargs[arg] = qa(data.draw, lo, hi, unit)
    res, exc = outcome(getattr(ex, name), body, **kwargs)
    assert exc is None, exc
    assert np.shape(res.feasible) == (3,)
    check_valid(res)


def test_the_array_battery_sees_infeasible_elements():
    # the NaN branch of check_valid must be exercised: a sweep with an impossible depth
    res = ex.squat(BODY, depth=Q_([90, 179], "deg"), load="60 kg")
    assert list(res.feasible) == [True, False] and res.reason[1]
    check_valid(res)
    res = ex.step_up(BODY, box_height=Q_([0.40, 1.5], "m"))
    assert list(res.feasible) == [True, False] and res.reason[1] == "box_height"
    check_valid(res)


def test_empty_sweeps_give_empty_results():
    for name, (arg, lo, hi, unit) in SWEEP.items():
        body = BODY
        res, exc = outcome(getattr(ex, name), body, **{arg: Q_(np.array([]), unit)})
        assert exc is None, (name, exc)
        assert np.shape(res.feasible) == (0,), name
