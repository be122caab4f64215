"""Exercises as declared specifications: the declarations, the wrappers built from them, the old
keywords, and the command line's help built from them."""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
import io
import re
import warnings

import numpy as np
import pytest

import biomech as bm
from biomech import Q_
from biomech.cli import EXERCISES, main
from biomech.exercises import SPECS
from biomech.exercises.spec import KINDS

BODY = bm.Body.from_anthropometrics("178 cm", "80 kg")
NAMES = list(SPECS)


def nm(q):
    return np.asarray(q.to("N*m").magnitude, dtype=float)


def same_moments(a, b):
    for j in ("ankle", "knee", "hip", "lumbar"):
        np.testing.assert_allclose(nm(getattr(a, j)), nm(getattr(b, j)), rtol=1e-12, equal_nan=True)


# --------------------------------------------------------------------------- signatures
def test_the_specs_are_the_exercises():
    assert NAMES == list(bm.exercises.__all__[:bm.exercises.N_EXERCISES]) == list(EXERCISES)
    for name, cls in SPECS.items():
        assert cls.name == name and getattr(bm.exercises, name).spec is cls


@pytest.mark.parametrize("name", NAMES)
def test_public_signature_keyword_only_after_body_and_no_private_names(name):
    sig = inspect.signature(getattr(bm.exercises, name))
    params = list(sig.parameters.values())
    assert params[0].name == "body"
    for p in params[1:]:
        assert not p.name.startswith("_"), (name, p.name)
        assert p.kind is inspect.Parameter.KEYWORD_ONLY, (name, p.name)
    with pytest.raises(TypeError):
        getattr(bm.exercises, name)(BODY, "90 deg")  # nothing positional after the body


def test_no_underscore_parameter_in_any_public_function_of_the_exercises_package():
    import biomech.exercises as pkg
    from biomech.exercises import calves, common, hinges, lunges, machines, spec, squats

    for mod in (pkg, calves, common, hinges, lunges, machines, spec, squats):
        for fname in getattr(mod, "__all__", []):
            obj = getattr(mod, fname)
            if inspect.isfunction(obj):
                bad = [p for p in inspect.signature(obj).parameters if p.startswith("_")]
                assert not bad, (mod.__name__, fname, bad)


# --------------------------------------------------------------------------- declarations
@pytest.mark.parametrize("name", NAMES)
def test_every_field_declares_kind_default_and_help(name):
    cls = SPECS[name]
    fields = dataclasses.fields(cls)
    assert fields and all("param" in f.metadata for f in fields)
    for p in cls.params():
        assert p.kind in KINDS, (name, p.name)
        help_ = p.help.strip()
        assert help_[0].isupper() and help_.endswith("."), (name, p.name, help_)
        assert "``" not in help_ and ":data:" not in help_ and ":func:" not in help_
        if p.default is None:
            assert p.kind in ("load", "machine_load", "loads", "lengths", "band", "profile") or p.none, (name, p.name)
        if p.kind in ("choice", "profile"):
            assert p.choices, (name, p.name)
        if p.default is not None and p.kind not in ("loads",):
            p.validate(p.default)  # the declared default is a valid value of its kind
        if p.source is not None:
            assert re.search(r"(19|20)\d\d|rules", p.source), (name, p.name, p.source)


def test_sourced_defaults_name_their_study():
    squat = {p.name: p for p in SPECS["squat"].params()}
    assert "Hemmerich" in squat["dorsiflexion_limit"].source
    assert "Harrington" in squat["stance_width"].source
    bss = {p.name: p for p in SPECS["bulgarian_split_squat"].params()}
    assert "Helme" in bss["front_share"].source


@pytest.mark.parametrize("name", NAMES)
def test_spec_is_frozen_and_solve_equals_the_wrapper(name):
    cls = SPECS[name]
    spec = cls()
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(spec, cls.params()[0].name, "1 cm")
    a = spec.solve(BODY)
    b = getattr(bm.exercises, name)(BODY)
    same_moments(a, b)
    assert a.spec == spec and b.spec == spec and b.body is BODY and a.name == name


def test_spec_with_parameters_equals_the_wrapper_and_replace_validates():
    spec = bm.exercises.Squat(depth="parallel", bar="low_bar", load="100 kg")
    same_moments(spec.solve(BODY), bm.exercises.squat(BODY, depth="parallel", bar="low_bar", load="100 kg"))
    deeper = spec.replace(depth="100 deg")
    assert deeper.depth == "100 deg" and spec.depth == "parallel"
    with pytest.raises(bm.BiomechError, match="depth"):
        spec.replace(depth="5 kg")
    assert "bar='low_bar'" in repr(spec) and "heel_lift" not in repr(spec)


@pytest.mark.parametrize("kwargs, arg", [
    (dict(depth=90), "depth"), (dict(knee_travel="5 kg"), "knee_travel"), (dict(load="-5 kg"), "load"),
    (dict(bar="sideways"), "bar"), (dict(cop="toes"), "cop"), (dict(extra_loads=[5]), "extra_loads"),
])
def test_parameters_are_refused_when_the_spec_is_built(kwargs, arg):
    with pytest.raises(bm.BiomechError, match=arg):
        bm.exercises.Squat(**kwargs)


def test_unknown_keyword_suggests_the_right_one():
    with pytest.raises(TypeError, match="did you mean 'depth'"):
        bm.exercises.squat(BODY, dept="90 deg")


# --------------------------------------------------------------------------- rep path
@pytest.mark.parametrize("name", NAMES)
def test_rep_path_through_the_spec(name):
    cls = SPECS[name]
    path = cls().rep_path(BODY, fractions=[0.5, 1.0])
    assert np.shape(path.feasible) == (2,)
    bottom = cls().solve(BODY)
    for j in ("ankle", "knee", "hip"):
        got, want = nm(getattr(path, j))[1], float(nm(getattr(bottom, j)))
        if np.isfinite(got):
            assert got == pytest.approx(want, rel=1e-6, abs=1e-9), (name, j)
    again = bottom.rep_path(fractions=[0.5, 1.0])  # the result knows its spec and body
    same_moments(again, path)
    old = bm.exercises.rep_path(getattr(bm.exercises, name), BODY, fractions=[0.5, 1.0])
    same_moments(old, path)


def test_rep_path_refuses_fractions_outside_zero_to_one():
    with pytest.raises(bm.RangeError, match="fractions"):
        bm.exercises.Squat().rep_path(BODY, fractions=[0.5, 1.5])
    with pytest.raises(bm.BiomechError, match="n="):
        bm.exercises.Squat().rep_path(BODY, n=0)
    assert bm.exercises.Squat(load="60 kg").rep_path(BODY, n=5).knee.shape == (5,)


# --------------------------------------------------------------------------- one keyword, one quantity
OLD = [
    ("leg_press", dict(depth="70 deg"), dict(knee_flexion="70 deg"), "knee_flexion"),
    ("leg_extension", dict(knee="60 deg"), dict(knee_flexion="60 deg"), "knee_flexion"),
    ("leg_curl", dict(knee="30 deg"), dict(knee_flexion="30 deg"), "knee_flexion"),
    ("romanian_deadlift", dict(depth="knee", load="60 kg"), dict(bar_height="knee", load="60 kg"), "bar_height"),
    ("romanian_deadlift", dict(arms="free", load="60 kg"), dict(arm_position="free", load="60 kg"),
     "arm_position"),
    ("romanian_deadlift", dict(depth="45 cm", load="60 kg"), dict(bar_height="45 cm", load="60 kg"), "bar_height"),
    ("romanian_deadlift", dict(depth="40 deg", load="60 kg"), dict(trunk_lean="40 deg", load="60 kg"), "trunk_lean"),
    ("stiff_leg_deadlift", dict(depth="40 deg", load="60 kg"), dict(trunk_lean="40 deg", load="60 kg"),
     "trunk_lean"),
    ("romanian_deadlift", dict(knee_bend="10 deg", load="60 kg"), dict(knee_flexion="10 deg", load="60 kg"),
     "knee_flexion"),
    ("deadlift", dict(knee_bend="70 deg", load="100 kg"), dict(knee_flexion="70 deg", load="100 kg"),
     "knee_flexion"),
    ("lunge", dict(trunk="20 deg", load="30 kg"), dict(trunk_lean="20 deg", load="30 kg"), "trunk_lean"),
    ("split_squat", dict(trunk="10 deg"), dict(trunk_lean="10 deg"), "trunk_lean"),
    ("bulgarian_split_squat", dict(trunk="35 deg"), dict(trunk_lean="35 deg"), "trunk_lean"),
    ("step_up", dict(trunk="10 deg"), dict(trunk_lean="10 deg"), "trunk_lean"),
    ("squat", dict(box="45 cm", load="100 kg"), dict(box_height="45 cm", load="100 kg"), "box_height"),
    ("box_squat", dict(box="45 cm"), dict(box_height="45 cm"), "box_height"),
]


@pytest.mark.parametrize("name, old, new, keyword", OLD, ids=[f"{o[0]}-{list(o[1])[0]}" for o in OLD])
def test_old_keywords_warn_naming_the_new_one_and_give_the_same_numbers(name, old, new, keyword):
    fn = getattr(bm.exercises, name)
    with pytest.warns(DeprecationWarning, match=f"use '{keyword}'"):
        a = fn(BODY, **old)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        b = fn(BODY, **new)
    same_moments(a, b)


def test_old_and_new_keyword_together_are_refused():
    with pytest.raises(bm.BiomechError, match="knee_flexion"):
        with pytest.warns(DeprecationWarning):
            bm.exercises.leg_press(BODY, depth="70 deg", knee_flexion="70 deg")
    with pytest.raises(bm.BiomechError, match="trunk_lean"):
        bm.exercises.romanian_deadlift(BODY, bar_height="knee", trunk_lean="40 deg")


def test_depth_is_the_thigh_angle_for_squats_and_lunges_and_coach_words_are_angles():
    from biomech.exercises import DEPTH_WORDS

    assert DEPTH_WORDS["parallel"] == 90.0
    for word, angle in DEPTH_WORDS.items():
        sq = bm.exercises.squat(BODY, depth=word, load="60 kg", knee_travel="10 cm")
        assert float(sq.pose.thigh.to("deg").magnitude) == pytest.approx(angle)
        if word in ("half", "parallel"):  # a lunge's front thigh, the same words
            lg = bm.exercises.lunge(BODY, depth=word, knee_travel="0 cm")
            assert float(lg.pose.front.thigh.to("deg").magnitude) == pytest.approx(angle)
    for name in NAMES:  # depth is declared the same way wherever it appears
        for p in SPECS[name].params():
            if p.name == "depth":
                assert p.help.startswith(("Thigh angle", "Front thigh angle")) and "parallel" in p.words
            if p.name == "knee_flexion":
                assert p.kind == "angle"


def test_one_keyword_one_kind_across_exercises():
    kinds: dict[str, set] = {}
    for cls in SPECS.values():
        for p in cls.params():
            kinds.setdefault(p.name, set()).add(p.kind)
    allowed = {"depth": {"angle", "angle_or_length"}, "load": {"load", "machine_load"}, "cop": {"length", "choice"}}
    for name, ks in kinds.items():
        assert len(ks) == 1 or ks <= allowed.get(name, set()), (name, ks)


def test_the_keyword_table_in_the_docs_lists_every_keyword():
    import pathlib

    text = (pathlib.Path(__file__).parent.parent / "docs" / "exercises.md").read_text(encoding="utf-8")
    assert bm.exercises.keyword_table(list(SPECS.values())) in text  # regenerate the table when a field changes
    for cls in SPECS.values():
        for p in cls.params():
            assert f"| `{p.name}` |" in text, p.name
        for old in cls.renamed:
            assert f"| `{old}`" in text, old


# --------------------------------------------------------------------------- the command line
def run(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def help_entries(text: str) -> dict[str, str]:
    """Each option of a --help text and its help, wrapped lines joined."""
    entries: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        m = re.match(r"^  (-\S.*?)(?:\s{2,}(\S.*))?$", line)
        if m:
            current = m.group(1).strip()
            entries[current] = (m.group(2) or "").strip()
        elif current and line.startswith(" " * 10) and line.strip():
            entries[current] = (entries[current] + " " + line.strip()).strip()
        elif not line.strip() or not line.startswith(" "):
            current = None
    return entries


MARKUP = re.compile(r":(data|func|class|mod|meth|attr):|``|`~|~biomech|\*\*")


@pytest.mark.parametrize("command", [None, "pose", "sweep", "report", "figures"] + list(EXERCISES))
def test_help_is_plain_complete_sentences(command):
    code, out, _ = run([command, "--help"] if command else ["--help"])
    assert code == 0 and not MARKUP.search(out), out
    entries = help_entries(out)
    assert entries
    for option, text in entries.items():
        assert text, (command, option)  # every option says what it is
        assert text[0].isupper() and text.endswith("."), (command, option, text)  # no sentence cut off
        assert text.count("(") == text.count(")"), (command, option, text)


@pytest.mark.parametrize("name", NAMES)
def test_help_lists_every_command_line_parameter_with_its_default_and_unit(name):
    code, out, _ = run([name, "--help"])
    entries = help_entries(out)
    for p in SPECS[name].params():
        if not p.on_command_line:
            continue
        key = next(k for k in entries if k.startswith("--" + p.name.replace("_", "-") + " ")
                   or k == "--" + p.name.replace("_", "-"))
        text = entries[key]
        assert "Default:" in text, (name, p.name)
        if p.kind in ("choice", "profile"):
            assert all(c in text for c in p.choices)
        if p.kind == "angle" and isinstance(p.default, str) and "deg" in p.default:
            assert "deg" in text.split("Default:")[1]
    for old in SPECS[name].renamed:  # old options keep working, unadvertised
        assert "--" + old.replace("_", "-") + " " not in out.split(f"{name} parameters")[1].split("body:")[0] \
            or old in [p.name for p in SPECS[name].params()]


def test_cli_old_option_works_with_a_note_and_the_same_numbers():
    import json

    code, old, err = run(["leg_press", "--depth", "70deg", "--json"])
    assert code == 0 and "--depth is deprecated; use --knee-flexion" in err
    code, new, err2 = run(["leg_press", "--knee-flexion", "70deg", "--json"])
    assert code == 0 and err2 == ""
    assert json.loads(old)["moments_N_m"] == json.loads(new)["moments_N_m"]


def test_cli_did_you_mean_and_no_abbreviations():
    code, _, err = run(["squat", "--dept", "90deg"])
    assert code == 2 and "did you mean --depth?" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(["squat", "--knee-trav", "5cm"])  # abbreviations are not guessed
    assert code == 2 and "did you mean --knee-travel" in err


@pytest.mark.parametrize("argv, needle", [
    (["squat", "--load", "-50kg"], "--load"),
    (["lunge", "--rear-ankle", "-500deg"], "--rear-ankle"),
    (["sweep", "squat", "--load", "-5kg", "--out", "-"], "--load"),
])
def test_cli_negative_value_reaches_the_checks(argv, needle):
    code, _, err = run(argv)
    assert code != 0 and needle in err and "expected one argument" not in err
    assert len(err.strip().splitlines()) == 1


def test_cli_negative_value_that_is_valid_is_used():
    code, out, err = run(["lunge", "--rear-ankle", "-5deg", "--json"])
    assert code == 0, err
    code, out2, _ = run(["lunge", "--rear-ankle=-5deg", "--json"])
    assert out == out2


def test_cli_sweep_builds_from_the_spec():
    code, out, err = run(["sweep", "leg_press", "--knee-flexion", "30deg:90deg:3", "--out", "-"])
    assert code == 0, err
    rows = [r for r in out.strip().splitlines() if not r.startswith("#")]  # provenance lines first
    assert rows[0].startswith("knee_flexion,") and len(rows) == 4
    r = bm.exercises.leg_press(BODY, knee_flexion=Q_([30.0, 60.0, 90.0], "deg"))
    assert [float(x.split(",")[2]) for x in rows[1:]] == pytest.approx(nm(r.knee).tolist(), rel=1e-5)
