"""The technique layer: every number sourced, draws reproducible and faithful, bands honest.

Sources of the published numbers checked here are in ``biomech.exercises.technique`` beside each value
(Ishida et al. 2022, Escamilla et al. 2000 and 2001, Schellenberg et al. 2013, Walsh et al.
2007, McKean et al. 2010).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, strategies as st
from scipy import stats

import biomech as bm
import biomech.exercises.technique as tq
from biomech import Q_
from biomech.errors import BiomechError, InputValueError, RangeError


def all_measured():
    """Every Measured the module defines: module constants and each exercise's values."""
    found = {name: v for name, v in vars(tq).items() if isinstance(v, tq.Measured)}
    for bar, m in tq.SHANK_AT_PARALLEL.items():
        found[f"SHANK_AT_PARALLEL[{bar}]"] = m
    for ex, t in tq.EXERCISES.items():
        for k, m in t.all_values().items():
            found[f"{ex}.{k}"] = m
    return found


# --------------------------------------------------------------------------- every number sourced
@pytest.mark.parametrize("name,m", sorted(all_measured().items()), ids=lambda x: x if isinstance(x, str) else "")
def test_every_number_has_source_and_spread_or_is_flagged(name, m):
    assert m.source.strip(), name
    assert np.isfinite(m.sd) and m.sd > 0, name
    assert m.spread in ("sd", "range", "assumed"), name
    if m.spread == "range":
        assert m.low < m.high
        assert m.mean == pytest.approx(0.5 * (m.low + m.high))
        assert m.sd == pytest.approx((m.high - m.low) / 4)
    if not m.is_measured:  # an assumption, of the mean or of the spread: its rationale is written down
        assert len(m.note.strip()) > 20, name
    if m.assumption:
        assert "assum" in (m.source + m.note).lower(), name
        assert "[assumption]" in str(m)
    assert f"{m.mean:g}" in str(m)


def test_published_values_as_read():
    # Ishida et al. 2022 (J Sports Sci Med 21:341): 53.5 % and 44.4 % of foot length, n = 16 men
    assert (tq.COP_SQUAT.low, tq.COP_SQUAT.high, tq.COP_SQUAT.n) == (0.444, 0.535, 16)
    # Schellenberg et al. 2013 (BMC Sports Sci Med Rehabil 5:27): 5.3 +- 6.7 deg, 107.8 +- 22.4 deg
    assert (tq.KNEE_GOOD_MORNING.mean, tq.KNEE_GOOD_MORNING.sd) == (5.3, 6.7)
    assert (tq.KNEE_DEADLIFT.mean, tq.KNEE_DEADLIFT.sd) == (107.8, 22.4)
    # Escamilla et al. 2000 (Med Sci Sports Exerc 32:1265): 42 +- 8 vs 14 +- 6 deg, 70 +- 11 vs 32 +- 8 cm
    assert (tq.TOE_OUT_SUMO.mean, tq.TOE_OUT_SUMO.sd, tq.TOE_OUT_CONVENTIONAL.mean) == (42.0, 8.0, 14.0)
    assert (tq.STANCE_SUMO.mean, tq.STANCE_CONVENTIONAL.mean) == (0.70, 0.32)
    # Escamilla et al. 2001 (Med Sci Sports Exerc 33:984): shanks 5-9 deg more vertical, wide vs narrow
    assert (tq.SHANK_WIDE_MINUS_NARROW.low, tq.SHANK_WIDE_MINUS_NARROW.high) == (-9.0, -5.0)


def test_measured_refuses_unsourced_or_unexplained_numbers():
    with pytest.raises(InputValueError, match="source"):
        tq.Measured(1.0, 0.1, "deg", source=" ")
    with pytest.raises(InputValueError, match="rationale"):
        tq.Measured(1.0, 0.1, "deg", source="x", spread="assumed")
    with pytest.raises(RangeError):
        tq.Measured(1.0, 0.0, "deg", source="x")
    with pytest.raises(InputValueError, match="low < high"):
        tq.Measured(1.0, 0.1, "deg", source="x", spread="range", low=2.0, high=1.0)
    with pytest.raises(InputValueError, match="unit"):
        tq.Measured(1.0, 0.1, "furlong", source="x")
    with pytest.raises(InputValueError):
        tq.Measured(float("nan"), 0.1, "deg", source="x")


def test_balance_decided_variable_is_never_drawn():
    for ex, t in tq.EXERCISES.items():
        assert t.balance_decides not in t.drawn, ex
        assert t.balance_note.strip()
    assert tq.typical("squat").balance_decides == "trunk"
    # the hinges hold the knee flexion and the bar's contact at its depth; balance solves the shin lean
    # (the trunk and arms then follow from the contact): moving the pressure point moves the shin
    assert tq.typical("romanian_deadlift").balance_decides == "shank"
    assert tq.typical("deadlift").balance_decides == "shank"
    import biomech as bm
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    a = bm.exercises.romanian_deadlift(body, load="60 kg", cop=Q_(0.08, "m"))
    b = bm.exercises.romanian_deadlift(body, load="60 kg", cop=Q_(0.12, "m"))
    assert float(a.pose.knee.magnitude) == pytest.approx(float(b.pose.knee.magnitude))
    assert float(b.pose.shank.magnitude) > float(a.pose.shank.magnitude) + 1.0
    assert tq.typical("lunge").balance_decides == "front_share"


def test_typical_names_aliases_and_errors():
    assert tq.typical("squat").exercise == "high_bar_squat"
    assert tq.typical("squat", bar="front").exercise == "front_squat"
    assert tq.typical("RDL").exercise == "romanian_deadlift"
    assert tq.typical("split squat").exercise == "lunge"
    with pytest.raises(InputValueError, match="exercise='bench'"):
        tq.typical("bench")
    with pytest.raises(InputValueError, match="bar='middle'"):
        tq.typical("squat", bar="middle")
    with pytest.raises(InputValueError, match="only applies"):
        tq.typical("deadlift", bar="low_bar")
    with pytest.raises(BiomechError):
        tq.typical(3)


def test_bad_correlations_are_refused():
    m = tq.Measured(0.0, 1.0, "deg", source="x")
    kw = dict(exercise="x", reference={}, bounds={"a": (-5, 5), "b": (-5, 5), "c": (-5, 5)},
              balance_decides="trunk", balance_note="n")
    with pytest.raises(InputValueError, match="positive definite"):
        tq.TypicalTechnique(drawn={"a": m, "b": m, "c": m},
                            correlations={("a", "b"): 0.9, ("b", "c"): 0.9, ("a", "c"): -0.9},
                            correlation_notes={("a", "b"): "n", ("b", "c"): "n", ("a", "c"): "n"}, **kw)
    with pytest.raises(InputValueError, match="source note"):
        tq.TypicalTechnique(drawn={"a": m, "b": m, "c": m}, correlations={("a", "b"): 0.3}, correlation_notes={},
                            **kw)
    with pytest.raises(InputValueError, match="too tight"):
        tq.TypicalTechnique(drawn={"a": tq.Measured(0.5, 1.0, "deg", source="x")}, correlations={},
                            correlation_notes={}, **{**kw, "bounds": {"a": (0.0, 3.0)}})
    one_sided = tq.TypicalTechnique(drawn={"a": tq.Measured(0.2, 1.0, "deg", source="x")}, correlations={},
                                    correlation_notes={}, **{**kw, "bounds": {"a": (0.0, 100.0)}})
    with pytest.raises(InputValueError, match="no truncated normal"):  # SD 5x the mean against a bound
        one_sided.marginals()
    with pytest.raises(InputValueError, match="decided by balance"):
        tq.TypicalTechnique(drawn={"trunk": m}, correlations={}, correlation_notes={},
                            **{**kw, "bounds": {"trunk": (-5, 5)}})


# --------------------------------------------------------------------------- draws
def test_default_seed_repeats_and_seeds_differ():
    a = tq.draw("deadlift", n=50)
    b = tq.draw("deadlift", n=50)
    c = tq.draw("deadlift", n=50, seed=tq.DEFAULT_SEED + 1)
    assert a.seed == tq.DEFAULT_SEED
    np.testing.assert_array_equal(a.values, b.values)
    assert not np.array_equal(a.values, c.values)
    assert tq.draw("lunge", n=3, seed=None).values.shape == (3, 3)


@pytest.mark.parametrize("exercise", sorted(tq.EXERCISES))
def test_draws_have_stated_means_sds_and_bounds(exercise):
    n = 20_000
    t = tq.typical(exercise)
    s = tq.draw(exercise, n=n, seed=7)
    assert s.values.shape == (n, len(t.names)) and s.values.nbytes == 8 * n * len(t.names)
    for name, m in t.drawn.items():
        lo, hi = t.bounds[name]
        x = s.si(name) / (m.sd_si / m.sd)  # back to the published unit
        assert lo <= x.min() and x.max() <= hi, name
        # the stated (published or assumed) mean and SD, within sampling error
        se = m.sd / np.sqrt(n)
        assert abs(x.mean() - m.mean) < 5 * se, name
        assert x.std() == pytest.approx(m.sd, rel=0.05), name


@pytest.mark.parametrize("exercise", ["high_bar_squat", "front_squat", "deadlift"])
def test_draws_respect_correlations(exercise):
    t = tq.typical(exercise)
    s = tq.draw(exercise, n=20_000, seed=3)
    z = np.empty_like(s.values)
    for i, name in enumerate(t.names):  # back to normal scores through each marginal
        m = t.drawn[name]
        lo, hi = t.bounds[name]
        loc, scale = t.marginals()[name]
        x = s.values[:, i] / (m.sd_si / m.sd)
        u = stats.truncnorm.cdf(x, (lo - loc) / scale, (hi - loc) / scale, loc=loc, scale=scale)
        z[:, i] = stats.norm.ppf(np.clip(u, 1e-12, 1 - 1e-12))
    np.testing.assert_allclose(np.corrcoef(z, rowvar=False), t.correlation_matrix(), atol=0.03)


def test_squat_shin_and_pressure_point_move_together():
    # Ishida 2022: a forward pressure point came with more dorsiflexion -> positive correlation
    t = tq.typical("squat")
    r = t.correlation_matrix()[t.names.index("cop"), t.names.index("shank_at_parallel")]
    assert r > 0
    s = tq.draw("squat", n=20_000, seed=5)
    assert stats.spearmanr(s.si("cop"), s.si("shank_at_parallel"))[0] > 0


@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 200),
       exercise=st.sampled_from(sorted(tq.EXERCISES)))
def test_any_seed_any_n_stays_in_bounds(seed, n, exercise):
    t = tq.typical(exercise)
    s = tq.draw(exercise, n=n, seed=seed)
    assert s.values.shape == (n, len(t.names)) and np.isfinite(s.values).all()
    for name, m in t.drawn.items():
        lo, hi = t.bounds[name]
        f = m.sd_si / m.sd
        assert np.all(s.si(name) >= lo * f - 1e-12) and np.all(s.si(name) <= hi * f + 1e-12)
    np.testing.assert_array_equal(s.values, tq.draw(exercise, n=n, seed=seed).values)


def test_a_fixed_variable_shifts_the_ones_correlated_with_it():
    # the coach fixes the shin; the pressure point follows it through the stated correlation
    t = tq.typical("squat")
    r = t.correlation_matrix()[0, 1]
    fwd = tq.draw("squat", n=40_000, seed=1, given={"shank_at_parallel": "42 deg"})   # +2 SD
    back = tq.draw("squat", n=40_000, seed=1, given={"shank_at_parallel": "22 deg"})  # -2 SD
    np.testing.assert_allclose(fwd["shank_at_parallel"].m_as("deg"), 42.0)
    shift = (fwd.si("cop").mean() - back.si("cop").mean()) / tq.COP_SQUAT.sd
    assert shift == pytest.approx(4 * r, abs=0.05)                      # 4 SD apart x r
    # an uncorrelated variable does not move
    assert fwd.si("lumbar_flexion").mean() == pytest.approx(back.si("lumbar_flexion").mean(), abs=0.003)
    # the fixed value must be a drawn variable, inside its bounds, with a unit where it has one
    with pytest.raises(InputValueError, match="trunk"):
        tq.draw("squat", n=5, given={"trunk": "40 deg"})
    with pytest.raises(RangeError, match="outside"):
        tq.draw("squat", n=5, given={"cop": 0.9})
    with pytest.raises(BiomechError):
        tq.draw("squat", n=5, given={"shank_at_parallel": 30})
    with pytest.raises(InputValueError):
        tq.draw("squat", n=5, given={"cop": "front"})
    every = tq.draw("lunge", n=3, given={"cop": 0.5, "front_shank_offset": "0 deg", "trunk_offset": "0 deg"})
    np.testing.assert_allclose(every.values, np.tile(tq.typical("lunge").typical_sample().values, (3, 1)))


def test_typical_sample_is_the_means():
    for ex, t in tq.EXERCISES.items():
        row = t.typical_sample()
        assert row.n == 1 and row.names == t.names
        for name, m in t.drawn.items():
            assert row.si(name)[0] == pytest.approx(m.mean_si)


def test_draw_refuses_bad_requests():
    with pytest.raises(RangeError, match="n=0"):
        tq.draw("squat", n=0)
    with pytest.raises(RangeError, match="memory"):
        tq.draw("squat", n=tq.MAX_SAMPLES + 1)
    with pytest.raises(InputValueError):
        tq.draw("squat", n=2.5)
    with pytest.raises(InputValueError):
        tq.draw("squat", n=10, seed=-1)
    s = tq.draw("squat", n=4)
    with pytest.raises(InputValueError, match="trunk"):
        s.si("trunk")
    assert s["cop"].check("[]") and s["shank_at_parallel"].units == Q_(1, "rad").units


# --------------------------------------------------------------------------- relations
def test_shin_lean_grows_with_depth_and_orders_by_bar():
    thigh = Q_(np.linspace(20, 120, 11), "deg")
    for bar in ("high_bar", "low_bar", "front"):
        v = tq.squat_shank_lean(thigh, bar).m_as("deg")
        assert np.all(np.diff(v) > 0)
    at = {bar: float(tq.squat_shank_lean("90 deg", bar).m_as("deg")) for bar in ("high_bar", "low_bar", "front")}
    assert at["front"] > at["high_bar"] > at["low_bar"]
    assert at["high_bar"] == pytest.approx(tq.SHANK_AT_PARALLEL["high_bar"].mean)
    # standing: the quiet-standing lean (Woodhull et al. 1985: the knee 3.8 cm ahead of the ankle)
    assert float(tq.squat_shank_lean("0 deg").m_as("deg")) == pytest.approx(tq.SHANK_STANDING.mean)
    assert tq.SHANK_STANDING.mean == pytest.approx(np.degrees(np.arcsin(0.038 / 0.450)), abs=0.01)


def test_wide_stance_makes_the_shin_more_vertical_by_the_measured_amount():
    # Escamilla 2001: 107 % -> 169 % of shoulder width, shanks 5-9 deg more vertical
    narrow = tq.squat_shank_lean("90 deg", stance_width=1.07)
    wide = tq.squat_shank_lean("90 deg", stance_width=1.69)
    assert -9 <= float((wide - narrow).m_as("deg")) <= -5
    # one drawn sample per row broadcasts against a grid of depths
    s = tq.draw("squat", n=4)
    grid = tq.squat_shank_lean(Q_(np.array([60.0, 90.0]), "deg"),
                               shank_at_parallel=Q_(s.si("shank_at_parallel")[:, None], "rad"))
    assert grid.shape == (4, 2)
    with pytest.raises(RangeError):
        tq.squat_shank_lean("90 deg", stance_width=-1)
    with pytest.raises(InputValueError, match="shoulder_width"):
        tq.squat_shank_lean("90 deg", stance_width="60 cm")
    with pytest.raises(InputValueError):
        tq.squat_shank_lean("90 deg", stance_width="wide")
    as_length = tq.squat_shank_lean("90 deg", stance_width="67.6 cm", shoulder_width="40 cm")
    assert float(as_length.m_as("deg")) == pytest.approx(float(wide.m_as("deg")))
    with pytest.raises(InputValueError):
        tq.squat_shank_lean("90 deg", bar="overhead")
    with pytest.raises(BiomechError):
        tq.squat_shank_lean(90)


@given(trunk=st.floats(0, 90), bottom=st.floats(1, 90), lumbar=st.floats(0, 40))
def test_lumbopelvic_split_adds_up(trunk, bottom, lumbar):
    # the engine's geometry: the hip-to-shoulder line sits at pelvis + trunk_line_offset(lumbar)
    from biomech.model.pose import trunk_line_offset
    p, l = tq.lumbopelvic(Q_(trunk, "deg"), Q_(lumbar, "deg"), Q_(bottom, "deg"))
    line = float(p.m_as("rad")) + float(trunk_line_offset(l.m_as("rad")))
    assert np.degrees(line) == pytest.approx(trunk, abs=1e-9)
    assert 0 <= float(l.m_as("deg")) <= trunk + 1e-9
    pose = bm.Pose(shank="20 deg", thigh="60 deg", pelvis=p, lumbar=l)
    assert float(pose.trunk.m_as("deg")) == pytest.approx(trunk, abs=1e-9)


def test_lumbopelvic_reaches_the_bottom_value():
    p, l = tq.lumbopelvic("50 deg", "16.6 deg", "50 deg")
    assert float(l.m_as("deg")) == pytest.approx(16.6)
    # the pelvis tilts less than trunk - lumbar: the line bends at L5/S1, above the hip
    assert 50.0 - 16.6 < float(p.m_as("deg")) < 50.0 - 0.7 * 16.6
    short = bm.Body.from_anthropometrics("160 cm", "60 kg", "female")
    p2, _ = tq.lumbopelvic("50 deg", "16.6 deg", "50 deg", body=short)
    assert float(p2.m_as("deg")) == pytest.approx(float(p.m_as("deg")), abs=1.0)
    with pytest.raises(RangeError):
        tq.lumbopelvic("10 deg", "5 deg", "0 deg")


# --------------------------------------------------------------------------- stance
def test_projection_is_identity_for_a_straight_stance():
    ang, f = tq.projection(Q_([0.0, 30.0, 80.0], "deg"), "0 deg")
    np.testing.assert_allclose(ang.m_as("deg"), [0, 30, 80])
    np.testing.assert_allclose(f, 1.0)


@given(lean=st.floats(1, 89), toe=st.floats(1, 60))
def test_turning_the_feet_out_makes_the_side_view_lean_smaller(lean, toe):
    ang, f = tq.projection(Q_(lean, "deg"), Q_(toe, "deg"))
    assert float(ang.m_as("deg")) < lean
    assert float(f) <= 1.0
    # tan of the side-view lean = tan(lean) cos(toe-out)
    assert np.tan(np.radians(float(ang.m_as("deg")))) == pytest.approx(np.tan(np.radians(lean)) * np.cos(np.radians(toe)))


def test_stance_change_separates_projection_from_technique():
    same = tq.stance_change("30 deg", stance_from=1.2, stance_to=1.2, toe_out_from="20 deg", toe_out_to="20 deg")
    assert float(same.total.m_as("deg")) == pytest.approx(0.0, abs=1e-12)
    c = tq.stance_change("30 deg", stance_from=1.07, stance_to=1.69, toe_out_from="0 deg", toe_out_to="40 deg")
    assert float((c.projection + c.technique - c.total).m_as("deg")) == pytest.approx(0.0, abs=1e-9)
    assert float(c.projection.m_as("deg")) < -5  # 40 deg of toe-out alone hides several degrees of lean
    only_toes = tq.stance_change("30 deg", stance_from=1.2, stance_to=1.2, toe_out_from="0 deg",
                                 toe_out_to="40 deg")
    assert float(only_toes.technique.m_as("deg")) == pytest.approx(0.0, abs=1e-12)
    assert "projection alone" in str(c)
    # the thigh: a wider stance makes it more horizontal (Escamilla 2001: 7-12 deg)
    th = tq.stance_change("60 deg", stance_from=1.07, stance_to=1.69, toe_out_from="0 deg", toe_out_to="0 deg",
                          segment="thigh")
    assert 7 <= float(th.technique.m_as("deg")) <= 12
    # a turned-out thigh seen from the side looks less inclined than it is
    seen = tq.stance_change("60 deg", stance_from=1.2, stance_to=1.2, toe_out_from="0 deg", toe_out_to="40 deg",
                            segment="thigh")
    assert float(seen.projection.m_as("deg")) < -5
    with pytest.raises(InputValueError, match="segment"):
        tq.stance_change("30 deg", stance_from=1, stance_to=1, toe_out_from="0 deg", toe_out_to="0 deg",
                         segment="foot")
    with pytest.raises(RangeError):
        tq.stance_change("30 deg", stance_from=0, stance_to=1, toe_out_from="0 deg", toe_out_to="0 deg")
    with pytest.raises(RangeError):
        tq.projection("30 deg", "95 deg")


# --------------------------------------------------------------------------- band
@given(data=st.data(), n=st.integers(1, 40), m=st.integers(1, 5))
def test_band_properties(data, n, m):
    vals = np.array(data.draw(st.lists(st.floats(-1e6, 1e6), min_size=n * m, max_size=n * m))).reshape(n, m)
    ok = np.array(data.draw(st.lists(st.booleans(), min_size=n * m, max_size=n * m))).reshape(n, m)
    b = tq.band(vals, ok, low=5, high=95)
    np.testing.assert_allclose(b.feasible_fraction, ok.mean(axis=0))
    for j in range(m):
        if ok[:, j].any():
            assert b.low[j] <= b.typical[j] <= b.high[j]
            assert b.typical[j] == pytest.approx(np.median(vals[ok[:, j], j]))
            assert vals[ok[:, j], j].min() <= b.low[j] and b.high[j] <= vals[ok[:, j], j].max()
        else:
            assert np.isnan(b.low[j]) and np.isnan(b.typical[j]) and np.isnan(b.high[j])
            assert b.feasible_fraction[j] == 0.0


def test_band_units_defaults_and_errors():
    v = Q_(np.arange(100.0).reshape(100, 1) * np.ones((1, 3)), "N*m")
    b = tq.band(v)
    assert b.typical.units == v.units and b.typical.shape == (3,)
    np.testing.assert_allclose(b.typical.m_as("N*m"), 49.5)
    np.testing.assert_allclose(b.feasible_fraction, 1.0)
    lo, mid, hi = tq.band(np.array([1.0, np.nan, 3.0]))  # NaN counts as infeasible
    assert (lo, mid, hi) == pytest.approx((1.1, 2.0, 2.9))
    assert tq.band(np.array([1.0, np.nan])).feasible_fraction == 0.5
    none = tq.band(np.ones((4, 2)), feasible=False)
    assert np.isnan(none.typical).all() and (none.feasible_fraction == 0).all()
    with pytest.raises(RangeError):
        tq.band(np.ones(3), low=60)
    with pytest.raises(RangeError):
        tq.band(np.ones(3), high=101)
    with pytest.raises(InputValueError):
        tq.band(np.ones(3), low="5")
    with pytest.raises(InputValueError, match="broadcast"):
        tq.band(np.ones((3, 2)), feasible=np.ones(3, bool))
    with pytest.raises(InputValueError, match="sample axis"):
        tq.band(1.0)


# --------------------------------------------------------------------------- memory
def test_memory_is_bounded_and_stated():
    assert tq.samples_memory(1000, (20, 20), n_fields=1) == 8 * 1000 * 400
    assert tq.check_memory(1000, (20, 20)) <= tq.MEMORY_LIMIT_BYTES
    with pytest.raises(RangeError, match="MiB"):
        tq.check_memory(tq.MAX_SAMPLES, (50, 50))


def test_docs_table_is_the_code_table():
    from pathlib import Path
    text = (Path(__file__).resolve().parents[1] / "docs" / "technique.md").read_text(encoding="utf-8")
    start, end = "<!-- value-table start -->\n", "\n<!-- value-table end -->"
    shown = text[text.index(start) + len(start):text.index(end)]
    assert shown == tq.value_table()
