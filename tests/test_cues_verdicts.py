"""Verdicts: read from the band, never fixed; each cue's two flip examples give two different verdicts."""

import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from biomech.cues import CATALOG, Rule, Sample, Verdict, judge_band, outside
from biomech.cues.cue import BandText
from biomech.errors import InputValueError

JUDGED = [c for c in CATALOG if c.in_scope]


@pytest.mark.parametrize("cue", JUDGED, ids=[c.id for c in JUDGED])
def test_flip_examples(cue):
    (a, va), (b, vb) = cue.flips
    assert va is not vb
    assert cue.judge_values(a).verdict is va
    assert cue.judge_values(b).verdict is vb


R = Rule("d", 0.0, "above", "no change divides", unit="%")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0.001, 10.0), min_size=1, max_size=30), st.floats(0.0, 5.0))
def test_whole_band_on_one_side_decides(values, shift):
    v = np.array(values) + shift
    assert judge_band(R, [Sample({"body": "a"}, {"d": v})]).verdict is Verdict.CONSISTENT
    assert judge_band(R, [Sample({"body": "a"}, {"d": -v})]).verdict is Verdict.INCONSISTENT
    below = Rule("d", 0.0, "below", "no change divides")
    assert judge_band(below, [Sample({"body": "a"}, {"d": -v})]).verdict is Verdict.CONSISTENT


def test_margin_and_band_width_are_printed():
    j = judge_band(R, [Sample({"body": "a"}, {"d": np.linspace(0.1, 0.3, 101)})])
    assert j.margin == pytest.approx(0.2) and j.width == pytest.approx(0.18)
    assert "margin 20 %" in j.reason and "18 % wide" in j.reason


def test_no_change_is_not_a_change():
    assert judge_band(R, [Sample({"b": "a"}, {"d": np.zeros(5)})]).verdict is Verdict.INCONSISTENT


def test_depends_names_the_group_or_the_driver():
    s = [Sample({"body": "a", "lift": "RDL"}, {"d": np.array([-0.2, -0.1])}),
         Sample({"body": "a", "lift": "back extension"}, {"d": np.array([0.3, 0.4])})]
    j = judge_band(R, s)
    assert j.verdict is Verdict.DEPENDS and j.depends_on.startswith("the lift: holds for back extension")
    x = np.linspace(-1, 1, 50)
    j = judge_band(R, [Sample({"body": "a"}, {"d": x}, {"ankle dorsiflexion (deg)": 40 + 5 * x})])
    assert j.depends_on.startswith("ankle dorsiflexion (deg)") and "more of it" in j.depends_on


def test_outside_needs_a_reason_and_bad_samples_raise():
    assert outside("fibre type is not a moment").verdict is Verdict.OUTSIDE
    with pytest.raises(InputValueError):
        outside("")
    with pytest.raises(InputValueError, match="empty"):
        judge_band(R, [])
    with pytest.raises(InputValueError, match="no metric"):
        judge_band(R, [Sample({"b": "a"}, {"x": np.ones(2)})])
    with pytest.raises(InputValueError, match="no finite"):
        judge_band(R, [Sample({"b": "a"}, {"d": np.array([math.nan])})])


def test_band_text_formats():
    assert f"{BandText((0.1, 0.25, 0.4)):+%}" == "+25 % (+10 to +40 %)"
    assert f"{BandText((0.5, 0.5, 0.5)):%}" == "50 %"
    assert f"{BandText((1.1, 1.5, 1.9)):x}" == "x1.50 (x1.10 to x1.90)"
