"""Reading and writing motions: OpenSim .mot/.sto and CSV, and every kind of bad file."""

import os

import numpy as np
import pytest

import biomech as bm

from biomech import Q_
from biomech.errors import DataFileError, InputValueError
from biomech.motion.io import read_angle_csv, read_mot, read_motion, write_mot
from biomech.model.pose import Pose
from biomech.motion.tempo import rep_motion

DATA = os.path.join(os.path.dirname(__file__), "data")
TOP = Pose(shank="0 deg", thigh="0 deg", trunk="0 deg")
BOTTOM = Pose(shank="35 deg", thigh="95 deg", trunk="40 deg", foot="5 deg", arms="60 deg")

HEADER = "squat\nversion=1\nnRows={n}\nnColumns=4\n{flag}endheader\ntime\thip_flexion_r\tknee_angle_r\tankle_angle_r\n"


def _write(tmp_path, text, name="m.mot", mode="w"):
    p = tmp_path / name
    if mode == "wb":
        p.write_bytes(text)
    else:
        p.write_text(text)
    return str(p)


def _rows(n, knee_sign=-1.0):
    t = np.arange(n) * 0.01
    return "".join(f"{x:.2f}\t{60 * x:.4f}\t{knee_sign * 80 * x:.4f}\t{20 * x:.4f}\n" for x in t)


def test_hand_written_fixture_in_degrees():
    # tests/data/squat_gait2392_deg.mot, written by hand (see tests/data/motion_fixtures.md):
    # frame i has thigh = trunk = shank = 5 i deg and foot = 0
    m = read_motion(os.path.join(DATA, "squat_gait2392_deg.mot"), cutoff=None)
    a = {k: np.degrees(v) for k, v in m.segment_angles_rad().items()}
    i = np.arange(11)
    for k in ("thigh", "trunk", "shank"):
        assert a[k] == pytest.approx(5.0 * i, abs=1e-9)
    assert a["foot"] == pytest.approx(np.zeros(11), abs=1e-9)
    assert m.time_s == pytest.approx(0.1 * i)
    # segments turn at 5 deg per 0.1 s = 50 deg/s
    assert np.degrees(m.velocity_rad_s["thigh"]) == pytest.approx(np.full(11, 50.0))
    t = read_mot(os.path.join(DATA, "squat_gait2392_deg.mot"))
    assert t.units["pelvis_ty"] == "m" and t.units["knee_angle_r"] == "deg"
    # with the foot as reference (flat), the joint angles are the same, the segments shift
    m2 = read_motion(os.path.join(DATA, "squat_gait2392_deg.mot"), cutoff=None, reference="foot")
    assert np.degrees(m2.pose.joint_angles_rad()["hip"]) == pytest.approx(10.0 * i)


@pytest.mark.parametrize("in_degrees", [True, False])
@pytest.mark.parametrize("model", ["gait2392", "rajagopal"])
def test_write_then_read_gives_the_same_motion(tmp_path, in_degrees, model):
    m = rep_motion((TOP, BOTTOM), "2-1-1-0", reps=2, rate=Q_(200, "Hz"))
    path = str(tmp_path / "rt.mot")
    write_mot(path, m, in_degrees=in_degrees, model=model)
    back = read_motion(path, cutoff=None, model=model)
    a, b = m.segment_angles_rad(), back.segment_angles_rad()
    for k in ("foot", "shank", "thigh", "trunk"):
        assert np.max(np.abs(a[k] - b[k])) < 1e-9
    if model == "rajagopal":
        assert np.max(np.abs(a["arms"] - b["arms"])) < 1e-9
    assert np.max(np.abs(m.time_s - back.time_s)) < 1e-9
    # velocities: finite differences of the written angles against the exact ones
    assert np.max(np.abs(m.velocity_rad_s["thigh"] - back.velocity_rad_s["thigh"])) < 1e-3
    # the auto-detected knee sign agrees with the model written
    auto = read_motion(path, cutoff=None)
    assert np.allclose(auto.segment_angles_rad()["shank"], a["shank"], atol=1e-9)


def test_filtered_read_and_left_side(tmp_path):
    m = rep_motion((TOP, BOTTOM), "2-0-1-0", rate=Q_(100, "Hz"))
    path = str(tmp_path / "f.mot")
    write_mot(path, m)
    back = read_motion(path, side="l", cutoff=Q_(6, "Hz"))
    assert np.max(np.abs(back.segment_angles_rad()["thigh"] - m.segment_angles_rad()["thigh"])) < np.radians(1.0)


def test_sto_with_opensim4_header(tmp_path):
    text = ("Coordinates\nversion=1\nOpenSimVersion=4.1\nDataType=double\ninDegrees=no\nendheader\n"
            "time\thip_flexion_r\tknee_angle_r\tankle_angle_r\n" + _rows(12, knee_sign=+1.0))
    m = read_motion(_write(tmp_path, text, "a.sto"), cutoff=None)
    # radians: knee flexion +0.88 rad at t = 0.11 s (Rajagopal sign, detected)
    assert m.pose.joint_angles_rad()["knee"][-1] == pytest.approx(80 * 0.11)


def test_missing_in_degrees_flag(tmp_path):
    p = _write(tmp_path, HEADER.format(n=12, flag="") + _rows(12))
    with pytest.raises(DataFileError, match="no inDegrees flag"):
        read_mot(p)
    assert read_mot(p, in_degrees=True).units["knee_angle_r"] == "deg"


def test_contradictory_in_degrees(tmp_path):
    p = _write(tmp_path, HEADER.format(n=12, flag="inDegrees=yes\ninDegrees=no\n") + _rows(12))
    with pytest.raises(DataFileError, match="inDegrees twice"):
        read_mot(p)
    p = _write(tmp_path, HEADER.format(n=12, flag="inDegrees=yes\n") + _rows(12))
    with pytest.raises(DataFileError, match="contradict"):
        read_mot(p, in_degrees=False)
    p = _write(tmp_path, HEADER.format(n=12, flag="inDegrees=maybe\n") + _rows(12))
    with pytest.raises(DataFileError, match="neither yes nor no"):
        read_mot(p)


def test_truncated_files(tmp_path):
    good = HEADER.format(n=12, flag="inDegrees=yes\n") + _rows(12)
    p = _write(tmp_path, good[:-12])                    # the last row cut short
    with pytest.raises(DataFileError, match=r"m\.mot: line 19 has 3 values but the header names 4 columns"):
        read_mot(p)
    p = _write(tmp_path, HEADER.format(n=20, flag="inDegrees=yes\n") + _rows(12))
    with pytest.raises(DataFileError, match="nRows=20 but the file has 12 data rows \\(a truncated file\\?\\)"):
        read_mot(p)
    p = _write(tmp_path, "squat\nversion=1\ninDeg")
    with pytest.raises(DataFileError, match="no 'endheader'"):
        read_mot(p)
    p = _write(tmp_path, HEADER.format(n=12, flag="inDegrees=yes\n"))
    with pytest.raises(DataFileError, match="no data rows"):
        read_mot(p)


def test_wrong_headers(tmp_path):
    p = _write(tmp_path, "squat\ninDegrees=yes\nendheader\nframe\tknee_angle_r\n0\t1\n")
    with pytest.raises(DataFileError, match="starting with 'time'"):
        read_mot(p)
    p = _write(tmp_path, "squat\ninDegrees=yes\nendheader\n")
    with pytest.raises(DataFileError, match="nothing follows endheader"):
        read_mot(p)
    p = _write(tmp_path, HEADER.format(n=12, flag="inDegrees=yes\n").replace("nColumns=4", "nColumns=5") + _rows(12))
    with pytest.raises(DataFileError, match="nColumns=5 but the file has 4 columns"):
        read_mot(p)
    p = _write(tmp_path, HEADER.format(n=2, flag="inDegrees=yes\n") + "0\t1\t2\tabc\n0.01\t1\t2\t3\n")
    with pytest.raises(DataFileError, match="'abc', which is not a number"):
        read_mot(p)


def test_missing_angle_columns(tmp_path):
    text = "squat\ninDegrees=yes\nendheader\ntime\thip_flexion_r\tpelvis_tilt\n" + "".join(
        f"{0.01 * i}\t{i}\t0\n" for i in range(12))
    with pytest.raises(DataFileError, match="knee_angle_r, ankle_angle_r are missing; the file has hip_flexion_r, pelvis_tilt"):
        read_motion(_write(tmp_path, text), cutoff=None)
    p = _write(tmp_path, HEADER.format(n=12, flag="inDegrees=yes\n") + _rows(12))
    with pytest.raises(DataFileError, match="knee_angle_l"):
        read_motion(p, side="l", cutoff=None)


def test_ambiguous_knee_sign(tmp_path):
    rows = "".join(f"{0.01 * i:.2f}\t0\t{-40 + 8 * i}\t0\n" for i in range(12))   # -40 to +48 deg
    p = _write(tmp_path, HEADER.format(n=12, flag="inDegrees=yes\n") + rows)
    with pytest.raises(DataFileError, match="sign convention cannot be told"):
        read_motion(p, cutoff=None)
    with pytest.raises(InputValueError, match="model='osim'"):
        read_motion(p, cutoff=None, model="osim")


def test_binary_empty_and_huge_files(tmp_path):
    p = _write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "g.mot", "wb")
    with pytest.raises(DataFileError, match=r"g\.mot: the file holds binary data"):
        read_mot(p)
    p = _write(tmp_path, bytes([0x1b, 0x07, 0x08] * 200), "c.mot", "wb")
    with pytest.raises(DataFileError, match="does not look like text"):
        read_mot(p)
    p = _write(tmp_path, "  \n", "e.mot")
    with pytest.raises(DataFileError, match="empty"):
        read_mot(p)
    p = _write(tmp_path, HEADER.format(n=12, flag="inDegrees=yes\n") + _rows(12), "big.mot")
    with pytest.raises(DataFileError, match=r"big\.mot: the file is 0\.0 MiB, larger than the limit"):
        read_mot(p, max_bytes=100)
    with pytest.raises(DataFileError, match="cannot be read"):
        read_mot(str(tmp_path / "nope.mot"))


def test_csv_joint_angles_with_units_in_header(tmp_path):
    t = np.arange(0, 1, 0.01)
    body = "".join(f"{x:.2f},{10 + 20 * x:.6f},{20 + 90 * x:.6f},{30 + 80 * x:.6f}\n" for x in t)
    p = _write(tmp_path, "time (s),ankle (deg),knee [deg],hip (deg)\n" + body, "a.csv")
    m = read_motion(p, cutoff=None)
    j = {k: np.degrees(v) for k, v in m.pose.joint_angles_rad().items()}
    assert j["knee"] == pytest.approx(20 + 90 * t, abs=1e-5)
    assert np.degrees(m.extension_velocity_rad_s()["knee"]) == pytest.approx(np.full(t.size, -90.0), abs=1e-3)
    # milliseconds in the header are converted
    p = _write(tmp_path, "time (ms);shank (rad);thigh (rad);trunk (rad)\n0;0.1;0.2;0.3\n10;0.1;0.2;0.3\n", "b.csv")
    assert read_angle_csv(p).time_s.tolist() == pytest.approx([0.0, 0.01])


def test_csv_errors(tmp_path):
    rows = "".join(f"{0.01 * i:.2f},1,2,3\n" for i in range(6))
    p = _write(tmp_path, "time,ankle,knee,hip\n" + rows, "nounit.csv")
    with pytest.raises(DataFileError, match="column 'ankle' has no unit"):
        read_motion(p, cutoff=None)
    assert read_motion(p, cutoff=None, angle_unit="deg").n_frames == 6
    p = _write(tmp_path, "ankle (deg),knee (deg)\n1,2\n", "notime.csv")
    with pytest.raises(DataFileError, match="no 'time' column"):
        read_angle_csv(p)
    p = _write(tmp_path, "time (s),knee (zorkmids)\n0,1\n", "unit.csv")
    with pytest.raises(DataFileError, match="'zorkmids', which is not a unit"):
        read_angle_csv(p)
    p = _write(tmp_path, "time (s),ankle (deg),knee (deg),hip (deg)\n0,1,2\n", "short.csv")
    with pytest.raises(DataFileError, match="line 2 has 3 values"):
        read_angle_csv(p)
    rows = "".join(f"{0.01 * i:.2f},{'' if 30 <= i < 33 else i},{2 * i},{2 * i}\n" for i in range(60))
    p = _write(tmp_path, "time (s),ankle (deg),knee (deg),hip (deg)\n" + rows, "gap.csv")
    with pytest.raises(DataFileError, match=r"gap\.csv: .*NaN gap.*0\.3 s"):
        read_motion(p)
    rows = "".join(f"{0.01 * (i if i != 20 else 19):.2f},{i},{2 * i},{2 * i}\n" for i in range(40))
    p = _write(tmp_path, "time (s),ankle (deg),knee (deg),hip (deg)\n" + rows, "time.csv")
    with pytest.raises(DataFileError, match=r"time\.csv: time is not increasing"):
        read_motion(p)
    p = _write(tmp_path, "time (s),ankle (deg),knee (deg),hip (deg)\n0,1,2,3\n0.01,1,2,3\n0.02,1,2,3\n", "few.csv")
    with pytest.raises(DataFileError, match=r"few\.csv: time has 3 samples; a Butterworth filter"):
        read_motion(p)


def test_write_errors(tmp_path):
    from biomech.motion import Motion
    with pytest.raises(InputValueError, match="no time"):
        write_mot(str(tmp_path / "x.mot"), Motion(TOP))
    m = rep_motion((TOP, BOTTOM), "301", rate=Q_(20, "Hz"))
    with pytest.raises(InputValueError, match="model='opensim'"):
        write_mot(str(tmp_path / "x.mot"), m, model="opensim")
    with pytest.raises(bm.OutputFileError, match="does not exist"):
        write_mot(str(tmp_path / "no" / "such" / "x.mot"), m)
