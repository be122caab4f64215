"""A battery of bad command lines: every one exits non-zero with exactly one line on
standard error, no traceback, and leaves no file behind (--plot, --out, sweep CSV)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import tempfile

import matplotlib

matplotlib.use("Agg")
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from biomech.cli import main  # noqa: E402

# (subcommand and the arguments that make it valid, the option under test, the kind of value it takes)
TARGETS = [
    (["pose", "--shank", "30deg", "--thigh", "90deg", "--trunk", "45deg"], "--load", "mass"),
    (["pose", "--thigh", "90deg", "--trunk", "45deg", "--load", "100kg"], "--shank", "angle"),
    (["pose", "--shank", "30deg", "--thigh", "90deg", "--trunk", "45deg"], "--height", "length"),
    (["pose", "--shank", "30deg", "--thigh", "90deg", "--trunk", "45deg"], "--mass", "mass"),
    (["squat", "--knee-travel", "5cm", "--load", "100kg"], "--depth", "angle"),
    (["squat", "--depth", "90deg", "--load", "100kg"], "--knee-travel", "length"),
    (["squat", "--depth", "90deg"], "--load", "mass"),
    (["front_squat", "--depth", "100deg"], "--heel-lift", "length"),
    (["lunge", "--load", "30kg"], "--step-length", "length"),
    (["lunge", "--load", "30kg"], "--trunk", "angle"),
    (["bulgarian_split_squat"], "--bench-height", "length"),
    (["step_up"], "--box-height", "length"),
    (["romanian_deadlift", "--load", "100kg"], "--knee-bend", "angle"),
    (["deadlift"], "--load", "mass"),
    (["back_extension"], "--hip-flexion", "angle"),
    (["leg_press", "--load", "150kg"], "--foot-position", "length"),
    (["leg_extension"], "--knee", "angle"),
    (["leg_curl"], "--load", "mass"),
    (["standing_calf_raise", "--load", "60kg"], "--foot", "angle"),
    (["seated_calf_raise"], "--load", "mass"),
    (["sweep", "squat", "--knee-travel", "0cm,5cm", "--load", "100kg"], "--depth", "depth"),
    (["sweep", "pose", "--shank", "10deg:30deg:3", "--trunk", "40deg"], "--thigh", "angle"),
    (["sweep", "lunge", "--load", "30kg"], "--step-length", "length"),
]

# a squat's depth is an angle or a length (hip height above the knee), so a length is no wrong unit there
WRONG_UNIT = {"angle": ["5kg", "3 m", "10 N"], "length": ["90deg", "5kg", "3 s"], "mass": ["5cm", "30deg", "9 N*m"],
              "depth": ["5kg", "10 N", "3 s"]}
UNIT = {"angle": "deg", "length": "cm", "mass": "kg", "depth": "deg"}
# values that are wrong whatever the kind
COMMON_BAD = ["", " ", "abc", "5 furlongs", "1e400", "nan", "inf", "--", "5 kg kg", "((", "5,", "1/0 deg"]
# values the library's names would accept, so a random word must avoid them
NAMES = {"parallel", "mid_shin", "knee", "floor", "high", "middle", "low", "midfoot", "ball", "heel", "hands",
         "back", "shoulders", "front", "centre"}


def bad_values(kind: str):
    u = UNIT[kind]
    specific = WRONG_UNIT[kind] + [f"nan {u}", f"inf {u}", f"-inf {u}", f"1e300 {u}", f"1e12{u}", "42", "-7.5"]
    if kind == "mass":
        specific += [f"-80 {u}", f"-0.5{u}"]
    words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12).filter(lambda w: w not in NAMES)
    return st.one_of(st.sampled_from(specific + COMMON_BAD), words)


@st.composite
def bad_command(draw):
    base, option, kind = draw(st.sampled_from(TARGETS))
    value = draw(bad_values(kind))
    if base[0] == "sweep" and draw(st.booleans()):
        value = draw(st.sampled_from([f"0{UNIT[kind]}:10{UNIT[kind]}:0", f"0{UNIT[kind]}:1{UNIT[kind]}:x",
                                      f"0{UNIT[kind]}:1{UNIT[kind]}:99999999", ",,", f"1{UNIT[kind]}::3"]))
    return list(base) + [f"{option}={value}"]


def run_in(folder: str, argv: list[str]):
    """Run the entry point in-process with an output file in ``folder``; returns (code, stdout, stderr)."""
    if argv[0] == "sweep":
        argv = argv + ["--out", os.path.join(folder, "grid.csv")]
    else:
        argv = argv + ["--plot", os.path.join(folder, "figure.png")]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def assert_refused(folder, code, out, err, argv):
    lines = err.strip("\n").splitlines()
    assert code != 0, (argv, out)
    assert len(lines) == 1 and lines[0].strip(), (argv, err)
    assert "Traceback" not in err and "unexpected" not in err, (argv, err)
    assert os.listdir(folder) == [], (argv, os.listdir(folder))  # no output and no temporary file left


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bad_command())
def test_bad_values_are_refused_in_one_line(argv):
    with tempfile.TemporaryDirectory() as folder:
        code, out, err = run_in(folder, argv)
        assert_refused(folder, code, out, err, argv)


@pytest.mark.parametrize("argv", [
    ["frobnicate"],
    ["squat", "--frobnicate", "3cm"],
    ["squat", "--bar", "sideways"],
    ["pose", "--shank", "30deg", "--thigh", "90deg", "--trunk", "45deg", "--sex", "robot"],
    ["pose", "--shank", "30deg", "--thigh", "90deg", "--trunk", "45deg", "--table", "mine"],
    ["lunge", "--hold", "teeth"],
    ["leg_press", "--foot-position", "sideways"],
    ["romanian_deadlift", "--depth", "ankle_bone"],
    ["sweep", "nothing", "--depth", "90deg"],
    ["sweep", "squat", "--bar", "high,sideways", "--depth", "90deg"],
    # requests the model refuses: poses that cannot exist, a single one (exit 1)
    ["squat", "--depth", "90deg", "--knee-travel", "60cm"],
    ["pose", "--shank", "30deg", "--thigh", "175deg", "--trunk", "45deg"],
])
def test_unknown_names_and_impossible_requests(argv):
    with tempfile.TemporaryDirectory() as folder:
        code, out, err = run_in(folder, argv)
        assert_refused(folder, code, out, err, argv)


def test_bad_output_paths_leave_nothing(tmp_path):
    base = ["squat", "--depth", "90deg", "--load", "100kg"]
    for extra in (["--plot", str(tmp_path / "figure.txt")], ["--plot", str(tmp_path / "missing" / "f.png")]):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(base + extra)
        assert code == 2 and len(err.getvalue().strip().splitlines()) == 1 and "--plot" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["sweep", "squat", "--depth", "90deg", "--out", str(tmp_path)])  # a folder, not a file
    assert code == 2 and "--out" in err.getvalue()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [
    ["squat", "--depth=nan deg", "--plot", "{folder}/f.png"],
    ["sweep", "squat", "--load=-5kg", "--out", "{folder}/g.csv"],
])
def test_in_a_subprocess(argv):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([os.path.join(os.path.dirname(__file__), "..", "src"),
                                                       os.environ.get("PYTHONPATH", "")]))
    with tempfile.TemporaryDirectory() as folder:
        args = [a.format(folder=folder) for a in argv]
        p = subprocess.run([sys.executable, "-m", "biomech.cli", *args], capture_output=True, text=True, env=env,
                           timeout=60)
        assert_refused(folder, p.returncode, p.stdout, p.stderr, args)
