"""Set schemes from the article's notation: reps, loads, drops and tempos."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biomech import Q_
from biomech.errors import InputValueError, RangeError
from biomech.model.pose import Pose
from biomech.motion.sets import brzycki_fraction, epley_fraction, parse_sets


def test_sets_times_reps_with_isometric():
    # article, Glutes section: "3x15 with 2 second isometric"
    s = parse_sets("3×15 with 2 second isometric (abduction)", one_rep_max=Q_(100, "kg"))
    assert s.reps == [15, 15, 15]
    assert all(str(t) == "2-0-1-2" for st_ in s.sets for t in st_.tempos)
    # Brzycki (1993): 15 reps at (37 - 15) / 36 = 0.6111 of the 1RM
    assert s.loads.to("kg").magnitude == pytest.approx([61.111] * 3, abs=1e-3)
    assert s.notes == ("abduction",)


def test_pyramid_increases_the_load_each_set():
    # article, Glutes section: "Pyramid 15, 12, 10, 8, 4 reps (increase weight each set)"
    s = parse_sets("Pyramid 15, 12, 10, 8, 4 reps (increase weight each set)", one_rep_max=Q_(140, "kg"))
    assert s.reps == [15, 12, 10, 8, 4]
    # Brzycki fractions (37 - r) / 36 for r = 15, 12, 10, 8, 4, times 140 kg
    expected = [140 * (37 - r) / 36 for r in (15, 12, 10, 8, 4)]
    assert s.loads.to("kg").magnitude == pytest.approx(expected)
    assert np.all(np.diff(s.loads.magnitude) > 0)


def test_double_pyramid_loads_go_up_then_down():
    # article, Quadriceps section: pulse squat double pyramid
    s = parse_sets("20, 15, 12, 8, 12, 15, 20 (don't lockout on top of movement) "
                   "Increase weight as reps go down, vice versa as you go back up")
    f = s.fractions_1rm
    assert s.reps == [20, 15, 12, 8, 12, 15, 20]
    assert np.argmax(f) == 3 and f[0] == f[-1] and np.all(np.diff(f[:4]) > 0) and np.all(np.diff(f[3:]) < 0)


def test_double_drop_set():
    # article, Hamstrings section: "4x8 + double drop-set each set"; each drop -20 % (DROP_FRACTION)
    s = parse_sets("4×8 + double drop-set each set", one_rep_max=Q_(100, "kg"))
    assert len(s.sets) == 12
    assert [x.drop for x in s.sets[:3]] == [0, 1, 2]
    main = 100 * (37 - 8) / 36                          # Brzycki (1993) for 8 reps
    assert [x.load.to("kg").magnitude for x in s.sets[:3]] == pytest.approx([main, main * 0.8, main * 0.64])
    s = parse_sets("4x8 + double drop-set", one_rep_max=Q_(100, "kg"), drop_fraction=0.3, drop_reps=4)
    assert s.sets[1].load.to("kg").magnitude == pytest.approx(main * 0.7)
    assert s.sets[1].reps == 4
    assert len(parse_sets("3x10 + triple drop set").sets) == 12
    assert len(parse_sets("3x10 + drop-set").sets) == 6


def test_tempos_and_holds_from_the_article():
    assert str(parse_sets("3×15 (301 tempo)").sets[0].tempos[0]) == "3-0-1-0"
    assert str(parse_sets("3×20 (321 tempo) (use a light to moderate weight)").sets[0].tempos[0]) == "3-2-1-0"
    assert str(parse_sets("3×8 (no tempo)").sets[0].tempos[0]) == "2-0-1-0"
    assert str(parse_sets("3×12 (3 second stretch and squeeze)").sets[0].tempos[0]) == "2-3-1-3"
    s = parse_sets("3×25 (hold every 5th rep at the bottom for a 5 count)")
    bottoms = [t.bottom for t in s.sets[0].tempos]
    assert [i + 1 for i, b in enumerate(bottoms) if b == 5.0] == [5, 10, 15, 20, 25]
    assert parse_sets("3x12 w/ 2 second isometric, Tip: squeeze the glutes").notes == ("Tip: squeeze the glutes",)


def test_load_rules_are_settable():
    # Epley (1985): 10 reps at 1 / (1 + 10/30) = 0.75 of the 1RM; Brzycki: (37-10)/36 = 0.75 too
    assert float(epley_fraction(10)) == pytest.approx(0.75)
    assert float(brzycki_fraction(10)) == pytest.approx(0.75)
    s = parse_sets("3x5", one_rep_max=Q_(200, "kg"), rule="epley")
    assert s.loads[0].to("kg").magnitude == pytest.approx(200 / (1 + 5 / 30))
    s = parse_sets("3x5", one_rep_max=Q_(200, "kg"), rule=lambda r: 0.9 - 0.02 * r)
    assert s.loads[0].to("kg").magnitude == pytest.approx(160.0) and s.rule == "custom"
    # two reps in reserve: the load of 5 + 2 = 7 reps (Brzycki: 30/36)
    s = parse_sets("3x5", one_rep_max=Q_(120, "kg"), reps_in_reserve=2)
    assert s.loads[0].to("kg").magnitude == pytest.approx(100.0)
    s = parse_sets("3x10", load=Q_(60, "kg"))
    assert s.loads.to("kg").magnitude.tolist() == [60.0] * 3 and s.rule == "fixed"
    with pytest.raises(InputValueError, match="without one_rep_max"):
        parse_sets("3x10").loads


@pytest.mark.parametrize("text, match", [
    ("3x50 yds", "'yds' is not set notation"),
    ("as many as you can", "not set notation"),
    ("3x15 (301 tempo) and then some", "not set notation"),
    ("3x0", "at least one rep"),
    ("3x15 (301 tempo", "unbalanced"),
    ("3x15 (31x3x tempo)", "not tempo notation"),
])
def test_unknown_notation_is_refused(text, match):
    with pytest.raises(InputValueError, match=match):
        parse_sets(text)


def test_bad_options():
    with pytest.raises(InputValueError, match="rule='percent'"):
        parse_sets("3x10", rule="percent")
    with pytest.raises(RangeError, match="Brzycki"):
        parse_sets("2x40", one_rep_max=Q_(100, "kg"))
    with pytest.raises(RangeError, match="drop_fraction"):
        parse_sets("3x10 + drop set", drop_fraction=1.5)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 10), st.integers(1, 30))
def test_sets_x_reps_round_trip(n, r):
    s = parse_sets(f"{n}x{r}")
    assert s.reps == [r] * n and s.total_reps == n * r
    assert np.all(s.fractions_1rm == s.fractions_1rm[0])


def test_scheme_motions_follow_the_tempos():
    top, bottom = Pose(shank="0 deg", thigh="0 deg", trunk="0 deg"), Pose(shank="30 deg", thigh="90 deg", trunk="45 deg")
    s = parse_sets("2x5 (hold every 5th rep at the bottom for a 5 count)")
    ms = s.motions((top, bottom), rate=Q_(50, "Hz"))
    # 5 reps of 2-0-1-0 (3 s) plus one 5 s hold = 20 s per set
    assert [m.time_s[-1] for m in ms] == pytest.approx([20.0, 20.0])
    assert s.sets[0].duration.to("s").magnitude == pytest.approx(20.0)
