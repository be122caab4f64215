"""The cue catalog: complete, consistent, and every cue has a route to a verdict."""

import re
from dataclasses import replace

import pytest

from biomech.cues.catalog import CATALOG, SECTIONS, ClaimKind, Cue, cues_in_section, get_cue
from biomech.cues.verdicts import VERDICT_FUNCTIONS, Verdict, scope_check
from biomech.errors import InputValueError


def test_ids_are_unique_slugs():
    ids = [c.id for c in CATALOG]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_sections_are_the_articles_and_in_order():
    order = [SECTIONS.index(c.section) for c in CATALOG]
    assert order == sorted(order)
    assert {c.section for c in CATALOG} == set(SECTIONS)
    assert sum(len(cues_in_section(s)) for s in SECTIONS) == len(CATALOG)


# The list of claims that must be covered (one id each).
REQUIRED = [
    "knee-travel-quadriceps", "torque-is-force-times-moment-arm", "heel-elevated-squat",
    "knee-travel-needs-mobility", "stance-width-toes-out", "squats-build-quads", "pulse-squats-tension",
    "leg-press-feet-low", "leg-extension-light-no-lockout", "leg-extension-toe-direction",
    "lunge-quad-vs-glute-pattern", "glute-three-actions", "toes-out-hinge-glutes",
    "muscle-acts-only-on-crossed-joints", "hamstrings-two-joint-actions", "glute-squeeze-at-top",
    "tempo-holds-no-bounce", "soleus-bent-knee", "calf-drive-shin-forward", "calf-toes-in-out",
    "calf-short-range-of-motion", "sprinting-posterior-chain", "high-rep-hip-extension",
]


@pytest.mark.parametrize("cue_id", REQUIRED)
def test_required_claims_are_catalogued(cue_id):
    assert get_cue(cue_id).id == cue_id


def test_every_cue_has_a_route_to_a_verdict():
    for c in CATALOG:
        if c.kind.in_scope:
            assert c.experiment and c.experiment.startswith("experiment_"), c.id
            assert c.id in VERDICT_FUNCTIONS, c.id
            assert scope_check(c) is None
        else:
            assert c.id not in VERDICT_FUNCTIONS, c.id
            assert scope_check(c).verdict is Verdict.OUTSIDE_MODEL


def test_paraphrases_are_short_and_fields_filled():
    for c in CATALOG:
        assert 20 < len(c.paraphrase) <= 260, c.id        # one or two lines
        assert c.exercises, c.id
        assert c.kind in ClaimKind


def test_out_of_scope_kinds_all_appear():
    kinds = {c.kind for c in CATALOG}
    for k in (ClaimKind.FIBRE_TYPE, ClaimKind.PUMP, ClaimKind.MIND_MUSCLE, ClaimKind.FRONTAL_OR_ROTATION):
        assert k in kinds


def test_literature_disagreement_is_marked_for_calf_toes():
    c = get_cue("calf-toes-in-out")
    assert c.literature_disagrees and "Riemann" in c.literature and "Nunes" in c.literature


def test_unknown_cue_and_bad_section_raise():
    with pytest.raises(InputValueError, match="nope"):
        get_cue("nope")
    with pytest.raises(InputValueError, match="section"):
        cues_in_section("The Back")
    with pytest.raises(InputValueError, match="section"):
        replace(get_cue("calf-pump"), section="The Back")


def test_in_scope_cue_without_experiment_is_refused():
    with pytest.raises(InputValueError, match="names no experiment"):
        Cue("x", "The Glutes", "a claim long enough to pass", ("squat",), (), (), ClaimKind.MECHANICAL_TORQUE)
