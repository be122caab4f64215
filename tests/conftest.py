"""Shared fixtures and hypothesis strategies for the core model's tests."""

from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import HealthCheck, settings, strategies as st

import biomech as bm

settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=30, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")

import matplotlib

matplotlib.use("Agg")


@pytest.fixture(scope="session")
def male_body():
    return bm.Body.from_anthropometrics(height="178 cm", mass="80 kg", sex="male")


def worked_example_body():
    """The worked-example body of docs/conventions.md: shank 0.40 m 4 kg com 0.40; thigh 0.40 m 10 kg com
    0.40; trunk 0.50 m 50 kg com 0.50; no arms."""
    return bm.Body.from_segments(shank=bm.Segment("0.40 m", "4 kg", 0.40),
                                 thigh=bm.Segment("0.40 m", "10 kg", 0.40),
                                 trunk=bm.Segment("0.50 m", "50 kg", 0.50))


@st.composite
def bodies(draw, arms=True):
    """Random plausible bodies from segments (SI values drawn, given as Quantities)."""
    def seg(lo_l, hi_l, lo_m, hi_m):
        return bm.Segment(bm.Q_(draw(st.floats(lo_l, hi_l)), "m"), bm.Q_(draw(st.floats(lo_m, hi_m)), "kg"),
                          draw(st.floats(0.3, 0.7)), draw(st.floats(0.2, 0.4)))
    has_arms = arms and draw(st.booleans())
    return bm.Body.from_segments(
        shank=seg(0.3, 0.5, 2.5, 6.0), thigh=seg(0.3, 0.55, 6.0, 14.0), trunk=seg(0.4, 0.65, 25.0, 55.0),
        arms=seg(0.5, 0.75, 5.0, 10.0) if has_arms else None, foot=seg(0.2, 0.3, 0.8, 1.5))


@st.composite
def poses(draw):
    """Random poses within the anatomical ranges (angles in degrees)."""
    foot = draw(st.floats(0, 30))
    ankle = draw(st.floats(-20, 45))
    knee = draw(st.floats(0, 150))
    hip = draw(st.floats(-10, 150))
    arms = draw(st.floats(-30, 120))
    return bm.Pose.from_joint_angles(ankle=bm.Q_(ankle, "deg"), knee=bm.Q_(knee, "deg"), hip=bm.Q_(hip, "deg"),
                                     foot=bm.Q_(foot, "deg"), arms=bm.Q_(arms, "deg"))


@st.composite
def loads(draw, arms=False, bands=True):
    """A few random loads: masses and forces on any segment, a bar, maybe a band."""
    out = []
    segs = ["shank", "thigh", "trunk"] + (["arms"] if arms else [])
    for _ in range(draw(st.integers(0, 3))):
        seg = draw(st.sampled_from(segs))
        along = bm.Q_(draw(st.floats(-0.1, 0.7)), "m")
        offset = bm.Q_(draw(st.floats(-0.15, 0.15)), "m")
        if draw(st.booleans()):
            out.append(bm.PointMass(segment=seg, along=along, offset=offset,
                                    mass=bm.Q_(draw(st.floats(0.0, 150.0)), "kg"), label=f"mass on {seg}"))
        else:
            f = [draw(st.floats(-400, 400)), draw(st.floats(-800, 400))]
            out.append(bm.PointForce(segment=seg, along=along, offset=offset, force=bm.Q_(f, "N"),
                                     label=f"force on {seg}"))
    if draw(st.booleans()):
        out.append(bm.Barbell(mass=bm.Q_(draw(st.floats(0, 200)), "kg"),
                              position=draw(st.sampled_from(["high_bar", "low_bar", "front"]))))
    if bands and draw(st.booleans()):
        out.append(bm.ElasticBand(stiffness=bm.Q_(draw(st.floats(10, 500)), "N/m"),
                                  anchor=bm.Q_([draw(st.floats(-0.5, 0.8)), draw(st.floats(-0.1, 0.1))], "m"),
                                  segment="trunk", along=bm.Q_(draw(st.floats(0.2, 0.5)), "m"),
                                  rest_length=bm.Q_(draw(st.floats(0.0, 0.5)), "m")))
    return out


def outcome(fn, *args, **kwargs):
    """Call ``fn``; return ``(result, None)`` or ``(None, BiomechError)``. Any other exception
    fails the test: nothing but the library's own errors may escape (the robustness batteries)."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            return fn(*args, **kwargs), None
    except bm.BiomechError as exc:
        return None, exc
    except Exception as exc:  # noqa: BLE001 - the point of the battery
        pytest.fail(f"{type(exc).__name__} escaped (not a biomech error): {exc}")
