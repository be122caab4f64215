"""Spread of body proportions: ``bodies=`` on the exercises (biomech.model.population).

Source of the spread: ANSUR II (Gordon et al. 2014, NATICK/TR-15/007), ratios of segment
lengths to stature computed by scripts/ansur_proportions.py from the public per-subject data.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import biomech as bm
from biomech.errors import BiomechError
from biomech.exercises import technique as tq
from biomech.model import population as pop

BODY = bm.Body.from_anthropometrics("178 cm", "80 kg")


def test_the_summary_numbers_are_a_valid_spread():
    for sex, sp in pop.ANSUR_II.items():
        c = sp.corr_matrix
        assert c.shape == (4, 4) and np.allclose(c, c.T) and np.allclose(np.diag(c), 1.0)
        assert np.all(np.linalg.eigvalsh(c) > 0), sex  # positive definite: a Cholesky factor exists
        assert np.all(np.asarray(sp.sd) > 0) and np.all(sp.cv < 0.1)
        # the leg segments and the trunk share the stature: a longer thigh means a shorter trunk
        assert c[1, 2] < -0.5


def test_same_seed_same_bodies_and_other_seed_other_bodies():
    a = pop.draw_bodies(BODY, 300, seed=5)
    b = pop.draw_bodies(BODY, 300, seed=5)
    c = pop.draw_bodies(BODY, 300, seed=6)
    for s in pop.SEGMENTS:
        np.testing.assert_array_equal(a.lengths_m[s], b.lengths_m[s])
        assert not np.array_equal(a.lengths_m[s], c.lengths_m[s])
    r1 = bm.exercises.squat(BODY, load="100 kg", bodies=50)
    r2 = bm.exercises.squat(BODY, load="100 kg", bodies=50)
    np.testing.assert_array_equal(r1.knee.magnitude, r2.knee.magnitude)
    assert r1.extras["bodies"]["seed"] == tq.DEFAULT_SEED


@pytest.mark.parametrize("sex", ["male", "female"])
def test_drawn_proportions_match_the_source_within_sampling_error(sex):
    body = bm.Body.from_anthropometrics("170 cm", "70 kg", sex=sex)
    sp = pop.ANSUR_II[sex]
    n = 20000
    d = pop.draw_bodies(body, n, seed=1)
    assert d.sex == sex
    z = np.column_stack([(d.scale[s] - 1.0) / sp.cv[i] for i, s in enumerate(pop.SEGMENTS)])
    # mean of z: 0 within 4 standard errors; SD: 1 less the truncation at 3 SD (0.986) within 4 SE
    assert np.all(np.abs(z.mean(axis=0)) < 4 / np.sqrt(n))
    assert np.allclose(z.std(axis=0, ddof=1), 0.9865, atol=4 / np.sqrt(2 * n))
    assert np.abs(z).max() <= pop.TRUNCATE_SD
    # correlations within 0.03 of the source's (SE about 0.007 at n = 20000)
    np.testing.assert_allclose(np.corrcoef(z.T), sp.corr_matrix, atol=0.03)
    # the ratios' spread: the given body's own ratio times the source's coefficient of variation
    ratio = d.lengths_m["thigh"] / body.height_m
    own = body.thigh.length_m / body.height_m
    assert abs(ratio.mean() / own - 1) < 4 * sp.cv[1] / np.sqrt(n)
    assert ratio.std() / own == pytest.approx(sp.cv[1] * 0.9865, rel=0.03)


@settings(max_examples=15, deadline=None)
@given(n=st.integers(1, 400), seed=st.integers(0, 2 ** 31))
def test_every_draw_is_within_three_sd_and_keeps_stature_and_mass(n, seed):
    d = pop.draw_bodies(BODY, n, seed=seed)
    sp = pop.spread("male")
    for i, s in enumerate(pop.SEGMENTS):
        assert d.lengths_m[s].shape == (n,)
        assert np.all(np.abs(d.scale[s] - 1) <= pop.TRUNCATE_SD * sp.cv[i] + 1e-12)
    r = bm.exercises.squat(BODY, load="60 kg", bodies=min(n, 50), seed=seed)
    assert r.body is BODY and r.dims[0] == "sample"


def test_a_band_with_bodies_is_wider_than_without():
    no = bm.exercises.squat(BODY, load="100 kg").band()
    yes = bm.exercises.squat(BODY, load="100 kg", bodies=1000).band()
    assert float((no.high.knee - no.low.knee).magnitude) == 0.0
    width = float((yes.high.knee - yes.low.knee).magnitude)
    assert width > 5.0  # about 12.6 N·m for this body and seed
    assert yes.low.knee < no.typical.knee < yes.high.knee
    # with technique samples: the same technique draws (the bodies' random stream is separate),
    # so the only difference is the bodies
    t = bm.exercises.squat(BODY, load="100 kg", samples=1000).band()
    tb = bm.exercises.squat(BODY, load="100 kg", samples=1000, bodies=1000).band()
    assert float((tb.high.knee - tb.low.knee).magnitude) > float((t.high.knee - t.low.knee).magnitude)


def test_bodies_pair_with_samples_on_one_leading_axis_and_sweep_a_grid():
    depth = bm.Q_(np.linspace(60, 110, 4), "deg")
    r = bm.exercises.squat(BODY, load="100 kg", depth=depth, samples=40, bodies=40)
    assert r.shape == (40, 4) and r.dims == ("sample", "depth")
    assert r.parameters["bodies"] == 40 and r.parameters["samples"] == 40
    assert set(r.extras["bodies"]["lengths"]) == {"shank", "thigh", "trunk", "foot"}
    assert "ANSUR II" in r.extras["bodies"]["source"]
    # draw i: body i with technique i, the same as solving body i alone with technique i
    i = 7
    lens = {s: r.extras["bodies"]["lengths"][s].m_as("m")[i] for s in ("shank", "thigh", "trunk")}
    foot = r.extras["bodies"]["lengths"]["foot"].m_as("m")[i] / BODY.foot_geometry.toe_x
    from biomech.exercises.common import array_body

    one = bm.exercises.squat(array_body(BODY, lens, foot_scale=foot), load="100 kg", depth=depth, samples=40)
    np.testing.assert_allclose(r.knee.magnitude[i], one.knee.magnitude[i], rtol=1e-9)
    path = bm.exercises.Squat(load="100 kg", bodies=20).rep_path(BODY, n=5)
    assert path.shape == (5, 20) and path.dims == ("fraction", "sample")


@pytest.mark.parametrize("name", ["romanian_deadlift", "deadlift", "good_morning", "front_squat", "box_squat"])
def test_bodies_on_squats_and_hinges(name):
    r = getattr(bm.exercises, name)(BODY, bodies=60)
    assert r.shape == (60,) and r.dims == ("sample",)
    k = r.knee.magnitude
    assert np.nanstd(k) > 0  # the proportions move the knee moment


@pytest.mark.parametrize("bad", [0, -1, 10 ** 9, 1e9, "abc", "10", 2.5, 1000.0, True, object(), [10]])
def test_bad_bodies_are_refused_naming_the_argument(bad):
    with pytest.raises(BiomechError, match="bodies="):
        bm.exercises.squat(BODY, bodies=bad)


def test_refusals_across_parameters():
    with pytest.raises(BiomechError, match="samples=10 and bodies=20"):
        bm.exercises.squat(BODY, samples=10, bodies=20)
    with pytest.raises(BiomechError, match="lengths="):
        bm.exercises.squat(BODY, bodies=10, lengths={"thigh": "45 cm"})
    with pytest.raises(BiomechError, match="split stances"):
        bm.exercises.lunge(BODY, bodies=10)


def test_memory_refusal_for_huge_bodies_times_grid():
    depth = bm.Q_(np.linspace(60, 110, 300), "deg")
    travel = bm.Q_(np.linspace(0, 10, 300), "cm")
    with pytest.raises(BiomechError, match=r"bodies=100000 .* more than the 512 MiB limit"):
        bm.exercises.squat(BODY, depth=depth, knee_travel=travel[:, None], bodies=100_000)


def test_command_line_bodies(capsys):
    from biomech.cli import main

    assert main(["squat", "--load", "100kg", "--bodies", "200", "--band"]) == 0
    out = capsys.readouterr().out
    assert "200 technique samples paired with as many bodies" in out
    assert main(["squat", "--bodies", "0", "--band"]) == 2
    assert "argument --bodies: '0' is outside 1 to 100000 bodies" in capsys.readouterr().err
