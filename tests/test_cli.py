"""The command line through its entry point: success, --json shape, bad arguments."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import pytest

import biomech as bm
from biomech.cli import main

POSE = ["pose", "--shank", "30deg", "--thigh", "90deg", "--trunk", "45deg", "--load", "100kg", "--bar", "high"]


def _data_lines(path):
    """The CSV's lines after its provenance comments (``#`` lines at the top)."""
    return [line for line in path.read_text().splitlines() if not line.startswith("#")]


def run(capsys, argv):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_pose_table_has_units_and_matches_the_library(capsys):
    code, out, err = run(capsys, POSE)
    assert code == 0 and err == ""
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    res = bm.joint_moments(body, bm.Pose(shank="30 deg", thigh="90 deg", trunk="45 deg"),
                           [bm.Barbell("100 kg", "high_bar")])
    assert "N·m" in out and "arm cm" in out and "force N" in out
    # the printed net moments are the library's (same call, 4 significant digits)
    assert f"{float(res.knee.magnitude):.4g}" in out and f"{float(res.hip.magnitude):.4g}" in out


def test_pose_json_shape(capsys):
    code, out, _ = run(capsys, POSE + ["--json", "--height", "5ft10in", "--mass", "176lb"])
    assert code == 0
    d = json.loads(out)
    assert set(d["moments_N_m"]) == {"ankle", "knee", "hip", "lumbar"}
    assert set(d["moment_arms_m"]) == {"ankle", "knee", "hip", "lumbar"}
    assert set(d["per_load"]) == {"shank", "thigh", "trunk", "arms", "bar"}
    bar = d["per_load"]["bar"]["hip"]
    # force x moment arm = moment, per load (the table's own identity)
    assert bar["moment_N_m"] == pytest.approx(abs(bar["force_N"][1]) * bar["moment_arm_m"], rel=1e-6)
    assert d["pose_deg"]["thigh"] == pytest.approx(90.0)
    assert d["joint_angles_deg"]["knee"] == pytest.approx(120.0)
    assert d["body"]["height_m"] == pytest.approx(1.778)  # 5 ft 10 in
    assert d["body"]["mass_kg"] == pytest.approx(176 * 0.45359237, rel=1e-6)


def test_pose_from_joint_angles_equals_segment_angles(capsys):
    _, a, _ = run(capsys, POSE + ["--json"])
    _, b, _ = run(capsys, ["pose", "--ankle", "30deg", "--knee", "120deg", "--hip", "135deg", "--load", "100kg",
                           "--json"])
    assert json.loads(a)["moments_N_m"] == pytest.approx(json.loads(b)["moments_N_m"])


@pytest.mark.parametrize("argv, needle", [
    (["pose", "--shank", "30", "--thigh", "90deg", "--trunk", "45deg"], "--shank"),
    (["pose", "--shank", "30deg", "--thigh", "90deg", "--trunk", "45deg", "--load", "5m"], "--load"),
    (["pose", "--shank", "30deg", "--thigh", "90deg", "--trunk", "45deg", "--bar", "sideways"], "--bar"),
    (["pose", "--shank", "30deg", "--thigh", "90deg"], "--trunk"),
    (["pose", "--shank", "30deg", "--thigh", "90deg", "--trunk", "45deg", "--height", "tall"], "--height"),
    (["pose", "--shank", "30deg", "--thigh", "170deg", "--trunk", "45deg"], "knee flexion"),
    (["frobnicate"], "frobnicate"),
    (["sweep", "pose", "--shank", "0deg:30deg:x", "--thigh", "90deg", "--trunk", "40deg", "--out", "x.csv"],
     "--shank"),
])
def test_bad_argument_one_line_nonzero_no_traceback(capsys, argv, needle):
    code, out, err = run(capsys, argv)
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in err
    assert out == ""


def test_plot_file_written_and_bad_plot_path_leaves_nothing(capsys, tmp_path):
    png = tmp_path / "squat.png"
    code, _, _ = run(capsys, POSE + ["--plot", str(png)])
    assert code == 0 and png.stat().st_size > 10_000
    code, out, err = run(capsys, POSE + ["--plot", str(tmp_path / "squat.txt")])
    assert code == 2 and "--plot" in err and out == ""
    code, _, err = run(capsys, POSE[:-2] + ["--bar", "high", "--thigh", "175deg", "--plot", str(tmp_path / "b.png")])
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["squat.png"]  # no partial or temporary file


def test_sweep_pose_grid_to_csv(capsys, tmp_path):
    out = tmp_path / "grid.csv"
    code, _, err = run(capsys, ["sweep", "pose", "--shank", "10deg:30deg:3", "--thigh", "60deg,90deg", "--trunk",
                                "40deg", "--load", "100kg", "--out", str(out)])
    assert code == 0, err
    rows = list(csv.DictReader(_data_lines(out)))
    assert len(rows) == 3 * 2
    assert rows[0]["shank"] == "10 deg" and rows[-1]["thigh"] == "90deg"
    assert "knee (N*m)" in rows[0] and rows[0]["feasible"] == "True"
    # each row equals the library's single call
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    res = bm.joint_moments(body, bm.Pose(shank="20 deg", thigh="90 deg", trunk="40 deg"), [bm.Barbell("100 kg")])
    row = next(r for r in rows if r["shank"] == "20 deg" and r["thigh"] == "90deg")
    assert float(row["hip (N*m)"]) == pytest.approx(float(res.hip.magnitude), rel=1e-5)


def test_sweep_bad_value_writes_no_file(capsys, tmp_path):
    out = tmp_path / "grid.csv"
    code, _, err = run(capsys, ["sweep", "pose", "--shank", "10deg:30deg:3", "--thigh", "60", "--trunk", "40deg",
                                "--out", str(out)])
    assert code == 2 and "--thigh" in err and not out.exists()
    code, _, err = run(capsys, ["sweep", "pose", "--shank", "10deg,40deg", "--thigh", "150deg", "--trunk", "40deg",
                                "--out", str(out)])
    assert code == 1 and not out.exists() and list(tmp_path.iterdir()) == []


def test_help_of_every_subcommand_shows_an_example(capsys):
    from biomech.cli.commands import EXERCISES

    for cmd in ("pose", "sweep", "report", "figures") + EXERCISES:
        code = main([cmd, "--help"])
        out, _ = capsys.readouterr()
        assert code == 0 and "example:" in out and f"biomech {cmd}" in out


def test_squat_subcommand(capsys):
    import biomech.exercises as ex
    code, out, err = run(capsys, ["squat", "--depth", "90deg", "--knee-travel", "5cm", "--load", "100kg", "--bar",
                                  "high", "--json"])
    assert code == 0, err
    d = json.loads(out)
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    sq = ex.squat(body, depth="90 deg", knee_travel="5 cm", load="100 kg", bar="high_bar")
    assert d["moments_N_m"]["knee"] == pytest.approx(float(sq.knee.to("N*m").magnitude), rel=1e-9)
    assert d["feasible"] is True and d["knee_travel_m"] == pytest.approx(0.05, abs=1e-6)
    code, out, err = run(capsys, ["squat", "--depth", "90deg", "--knee-travel", "40cm"])
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_report_calls_the_cue_report_and_refuses_a_file_for_a_folder(capsys, tmp_path, monkeypatch):
    from biomech.cues import report as cue_report

    from pathlib import Path

    calls = []

    def fake(out):
        calls.append(out)
        d = Path(out).resolve()
        return cue_report.ReportPaths(d / "cues-report.md", d / "cues-report.html", d / "cues-report-figures")
    monkeypatch.setattr(cue_report, "build_report", fake)
    code, out, _ = run(capsys, ["report", "--out", str(tmp_path / "r")])
    assert code == 0 and calls == [str(tmp_path / "r")] and "cues-report.md" in out
    assert out.strip().splitlines()[-1] == str((tmp_path / "r" / "cues-report.html").resolve())
    (tmp_path / "f").write_text("x")
    code, _, err = run(capsys, ["report", "--out", str(tmp_path / "f")])
    assert code == 2 and "--out" in err and len(calls) == 1


def test_entry_point_in_a_subprocess(tmp_path):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([os.path.join(os.path.dirname(__file__), "..", "src"),
                                                       os.environ.get("PYTHONPATH", "")]))
    ok = subprocess.run([sys.executable, "-m", "biomech.cli", *POSE, "--json"], capture_output=True, text=True,
                        env=env, timeout=60)
    assert ok.returncode == 0 and json.loads(ok.stdout)["moments_N_m"]["knee"] > 0
    bad = subprocess.run([sys.executable, "-m", "biomech.cli", "pose", "--shank", "thirty"], capture_output=True,
                         text=True, env=env, timeout=60)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
    top = subprocess.run([sys.executable, "-m", "biomech.cli", "--help"], capture_output=True, text=True, env=env,
                         timeout=60)
    assert top.returncode == 0 and "squat" in top.stdout and "sweep" in top.stdout


def test_every_exercise_subcommand_runs_its_example_with_plot_and_json(capsys, tmp_path):
    import shlex

    from biomech.cli.commands import EXERCISES
    from biomech.exercises import SPECS

    assert {"goblet_squat", "bulgarian_split_squat", "seated_calf_raise", "leg_press"} <= set(EXERCISES)
    assert list(SPECS) == list(EXERCISES)
    for name in EXERCISES:
        png = tmp_path / f"{name}.png"
        argv = shlex.split(SPECS[name].example)[1:] + ["--plot", str(png), "--json"]
        code, out, err = run(capsys, argv)
        assert code == 0, (name, err)
        d = json.loads(out)
        # the printed numbers are the library's own, for the same call
        assert d["command"] == name and set(d["moments_N_m"]) == {"ankle", "knee", "hip", "lumbar"}
        assert png.stat().st_size > 10_000


def test_forwarded_options_reach_the_exercise(capsys):
    # front_squat passes heel_lift on to squat: the CLI offers it and the numbers equal the library's
    code, out, err = run(capsys, ["front_squat", "--depth", "100deg", "--heel-lift", "2.5cm", "--load", "80kg",
                                  "--json"])
    assert code == 0, err
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    r = bm.exercises.front_squat(body, depth="100 deg", heel_lift="2.5 cm", load="80 kg")
    assert json.loads(out)["moments_N_m"]["knee"] == pytest.approx(float(r.knee.to("N*m").magnitude), rel=1e-9)


def test_sweep_exercise_equals_one_array_call(capsys, tmp_path):
    out = tmp_path / "grid.csv"
    code, _, err = run(capsys, ["sweep", "squat", "--depth", "60deg:120deg:4", "--knee-travel", "0cm,10cm,30cm",
                                "--load", "100kg", "--out", str(out)])
    assert code == 0, err
    rows = list(csv.DictReader(_data_lines(out)))
    assert len(rows) == 12
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    depth = bm.Q_([60.0, 80.0, 100.0, 120.0], "deg")
    kt = bm.Q_([0.0, 10.0, 30.0], "cm")
    grid = bm.exercises.squat(body, depth=depth[:, None], knee_travel=kt[None, :], load="100 kg")
    knee = grid.knee.to("N*m").magnitude.ravel()
    for row, k, ok, why in zip(rows, knee, grid.feasible.ravel(), grid.reason.ravel()):
        assert (row["feasible"] == "True") == bool(ok)
        if ok:
            assert float(row["knee (N*m)"]) == pytest.approx(k, rel=1e-5)
        else:  # 30 cm of knee travel needs more ankle dorsiflexion than the limit
            assert row["knee (N*m)"] == "" and row["reason"] == why
    assert any(r["feasible"] == "False" for r in rows)


def test_sweep_split_stance_reports_both_legs(capsys, tmp_path):
    out = tmp_path / "lunge.csv"
    code, _, err = run(capsys, ["sweep", "lunge", "--step-length", "55cm,70cm", "--load", "30kg", "--out", str(out)])
    assert code == 0, err
    rows = list(csv.DictReader(_data_lines(out)))
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    r = bm.exercises.lunge(body, step_length="55 cm", load="30 kg")
    assert float(rows[0]["front knee (N*m)"]) == pytest.approx(float(r.front.knee.to("N*m").magnitude), rel=1e-5)
    assert float(rows[0]["rear hip (N*m)"]) == pytest.approx(float(r.rear.hip.to("N*m").magnitude), rel=1e-5)


def test_pose_with_pelvis_and_lumbar(capsys):
    # --pelvis with --lumbar: a pelvis and upper body of their own; the JSON reports both and the
    # lumbar flexion, and the moments are the library's for the same pose.
    import json
    code, out, err = run(capsys, ["pose", "--shank", "30deg", "--thigh", "90deg", "--pelvis", "35deg", "--lumbar",
                                  "15deg", "--load", "100kg", "--json"])
    assert code == 0
    d = json.loads(out)
    assert d["pose_deg"]["pelvis"] == pytest.approx(35.0) and d["pose_deg"]["upper_body"] == pytest.approx(50.0)
    assert d["joint_angles_deg"]["lumbar"] == pytest.approx(15.0)
    assert d["joint_angles_deg"]["hip"] == pytest.approx(125.0)       # thigh + pelvis
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    res = bm.joint_moments(body, bm.Pose(shank="30 deg", thigh="90 deg", pelvis="35 deg", lumbar="15 deg"),
                           [bm.Barbell("100 kg", "high_bar")])
    for j in ("ankle", "knee", "hip", "lumbar"):
        assert d["moments_N_m"][j] == pytest.approx(float(res.moments[j].magnitude), rel=1e-8)
    # --trunk with --lumbar keeps the hip-to-shoulder line at --trunk
    code, out, err = run(capsys, ["pose", "--shank", "30deg", "--thigh", "90deg", "--trunk", "45deg", "--lumbar",
                                  "15deg", "--json"])
    d = json.loads(out)
    assert d["pose_deg"]["trunk"] == pytest.approx(45.0) and d["pose_deg"]["pelvis"] < 45.0
    # all three: refused, naming the arguments
    code, out, err = run(capsys, ["pose", "--shank", "30deg", "--thigh", "90deg", "--trunk", "45deg", "--pelvis",
                                  "30deg", "--lumbar", "15deg"])
    assert code == 2 and "--trunk, --pelvis and --lumbar" in err
