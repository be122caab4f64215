"""Every command carries the library's feasibility and reason (table, CSV, JSON), warns on
stderr for a single pose that cannot stand, and states where its output came from."""

from __future__ import annotations

import csv
import io
import json

import numpy as np

import biomech as bm
from biomech.cli import main

BODY = bm.Body.from_anthropometrics("178 cm", "80 kg")
# thigh 0 deg with the shank at 30 deg and the trunk at 45 deg: the centre of pressure is past the toes
OFF_BALANCE = ["--shank", "30deg", "--thigh", "10deg", "--trunk", "45deg", "--load", "100kg"]


def run(capsys, argv):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _csv_rows(text):
    return list(csv.DictReader(io.StringIO("\n".join(l for l in text.splitlines() if not l.startswith("#")))))


def test_sweep_pose_carries_the_library_mask_and_reason(capsys):
    code, out, err = run(capsys, ["sweep", "pose", "--thigh", "0deg:100deg:6", "--shank", "30deg", "--trunk", "45deg",
                                  "--load", "100kg", "--out", "-"])
    assert code == 0, err
    rows = _csv_rows(out)
    thigh = bm.Q_(np.linspace(0, 100, 6), "deg")
    lib = bm.joint_moments(BODY, bm.Pose(shank="30 deg", thigh=thigh, trunk="45 deg"), [bm.Barbell("100 kg")])
    assert [r["feasible"] == "True" for r in rows] == list(np.asarray(lib.feasible))
    assert [r["reason"] for r in rows] == [str(x) for x in np.asarray(lib.reason)]
    assert not all(np.asarray(lib.feasible)) and "cop_past_toes" in {r["reason"] for r in rows}


def test_pose_that_cannot_stand_warns_and_says_so_in_json(capsys):
    code, out, err = run(capsys, ["pose", *OFF_BALANCE, "--json"])
    assert code == 0
    data = json.loads(out)
    assert data["feasible"] is False and data["reason"] == "cop_past_toes"
    assert "warning" in err and "cannot stand" in err and "past the toes" in err
    code, out, err = run(capsys, ["pose", *OFF_BALANCE])
    assert "Feasible: NO (cop_past_toes)" in out and "cannot stand" in err


def test_pose_that_stands_is_feasible_without_warning(capsys):
    code, out, err = run(capsys, ["pose", "--shank", "30deg", "--thigh", "90deg", "--trunk", "45deg", "--load",
                                  "100kg", "--json"])
    data = json.loads(out)
    assert code == 0 and err == "" and data["feasible"] is True and data["reason"] == ""


def test_exercise_json_and_table_carry_feasibility(capsys):
    code, out, err = run(capsys, ["squat", "--depth", "90deg", "--load", "100kg", "--json"])
    data = json.loads(out)
    assert code == 0 and data["feasible"] is True and data["reason"] == ""
    code, out, err = run(capsys, ["squat", "--depth", "90deg", "--load", "100kg"])
    assert "Feasible: yes" in out


def test_json_and_csv_state_version_inputs_seed_and_sources(capsys):
    code, out, _ = run(capsys, ["squat", "--depth", "90deg", "--load", "100kg", "--json"])
    prov = json.loads(out)["provenance"]
    assert prov["biomech_version"] == bm.__version__ and prov["seed"] is None
    assert "90deg" in prov["inputs"] and any("de Leva" in s for s in prov["data_sources"])
    code, out, _ = run(capsys, ["sweep", "squat", "--depth", "60deg,90deg", "--load", "100kg", "--out", "-"])
    head = [l for l in out.splitlines() if l.startswith("#")]
    assert head[0].startswith(f"# biomech {bm.__version__}") and "--depth" in head[0]
    assert any(l.startswith("# seed:") for l in head) and any("de Leva" in l for l in head)
    assert len(_csv_rows(out)) == 2
