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
    # frame i has thigh = upper body = shank = 5 i deg, pelvis = 4 i deg (lumbar flexion i deg)
    # and foot = 0
    m = read_motion(os.path.join(DATA, "squat_gait2392_deg.mot"), cutoff=None)
    a = {k: np.degrees(v) for k, v in m.segment_angles_rad().items()}
    i = np.arange(11)
    for k in ("thigh", "upper_body", "shank"):
        assert a[k] == pytest.approx(5.0 * i, abs=1e-9)
    assert a["pelvis"] == pytest.approx(4.0 * i, abs=1e-9)
    assert np.degrees(m.pose.joint_angles_rad()["lumbar"]) == pytest.approx(1.0 * i, abs=1e-9)
    # the hip-to-shoulder line lies between the pelvis and the upper body
    assert np.all((a["trunk"][1:] > a["pelvis"][1:]) & (a["trunk"][1:] < a["upper_body"][1:]))
    assert a["foot"] == pytest.approx(np.zeros(11), abs=1e-9)
    assert m.time_s == pytest.approx(0.1 * i)
    # segments turn at 5 deg per 0.1 s = 50 deg/s
    assert np.degrees(m.velocity_rad_s["thigh"]) == pytest.approx(np.full(11, 50.0))
    t = read_mot(os.path.join(DATA, "squat_gait2392_deg.mot"))
    assert t.units["pelvis_ty"] == "m" and t.units["knee_angle_r"] == "deg"
    # with the foot as reference (flat), the joint angles are the same, the segments shift
    m2 = read_motion(os.path.join(DATA, "squat_gait2392_deg.mot"), cutoff=None, reference="foot")
    assert np.degrees(m2.pose.joint_angles_rad()["hip"]) == pytest.approx(9.0 * i)      # thigh to pelvis
    assert np.degrees(m2.pose.joint_angles_rad()["lumbar"]) == pytest.approx(1.0 * i)


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


# --- the pelvis and upper body ----------------------------------------------------------------
SPLIT_BOTTOM = Pose(shank="35 deg", thigh="95 deg", pelvis="25 deg", lumbar="20 deg", foot="5 deg", arms="60 deg")
SPLIT_TOP = Pose(shank="0 deg", thigh="0 deg", pelvis="0 deg", lumbar="-5 deg")


def _split_motion(n=201):
    t = np.linspace(0.0, 2.0, n)
    x = np.sin(np.pi * t / 2.0) ** 2
    lerp = lambda a, b: a + (b - a) * x  # noqa: E731
    pose = Pose.from_radians(lerp(SPLIT_TOP.shank_rad, SPLIT_BOTTOM.shank_rad),
                             lerp(SPLIT_TOP.thigh_rad, SPLIT_BOTTOM.thigh_rad), None,
                             lerp(SPLIT_TOP.foot_rad, SPLIT_BOTTOM.foot_rad), lerp(SPLIT_TOP.arms_rad, SPLIT_BOTTOM.arms_rad),
                             pelvis=lerp(SPLIT_TOP.pelvis_rad, SPLIT_BOTTOM.pelvis_rad),
                             lumbar=lerp(SPLIT_TOP.lumbar_rad, SPLIT_BOTTOM.lumbar_rad))
    from biomech.motion import Motion
    return Motion.from_samples(Q_(t, "s"), pose, cutoff=None)


@pytest.mark.parametrize("model", ["gait2392", "rajagopal"])
def test_split_trunk_round_trip(tmp_path, model):
    # pelvis_tilt and lumbar_extension carry the pelvis and the lumbar flexion; hip_flexion is
    # thigh + pelvis. Written and read back, every segment angle agrees to 1e-9 rad.
    m = _split_motion()
    path = str(tmp_path / "split.mot")
    write_mot(path, m, model=model)
    table = read_mot(path)
    a = m.segment_angles_rad()
    assert np.max(np.abs(np.radians(table.columns["pelvis_tilt"]) + a["pelvis"])) < 1e-9
    assert np.max(np.abs(np.radians(table.columns["lumbar_extension"]) + (a["upper_body"] - a["pelvis"]))) < 1e-9
    assert np.max(np.abs(np.radians(table.columns["hip_flexion_r"]) - m.pose.joint_angles_rad()["hip"])) < 1e-9
    back = read_motion(path, cutoff=None, model=model)
    b = back.segment_angles_rad()
    for k in ("foot", "shank", "thigh", "pelvis", "upper_body", "trunk"):
        assert np.max(np.abs(a[k] - b[k])) < 1e-9, k
    if model == "rajagopal":
        assert np.max(np.abs(a["arms"] - b["arms"])) < 1e-9
    assert back.pose.split
    # with the foot as the reference the joint angles (hip to the pelvis, lumbar) are the same
    feet = read_motion(path, cutoff=None, model=model, reference="foot", foot=Q_(np.degrees(a["foot"][0]), "deg"))
    for j in ("hip", "lumbar", "knee"):
        assert np.max(np.abs(feet.pose.joint_angles_rad()[j] - m.pose.joint_angles_rad()[j])) < 1e-9


def test_rigid_trunk_writes_zero_lumbar_extension(tmp_path):
    m = rep_motion((TOP, BOTTOM), "1-0-1-0", rate=Q_(50, "Hz"))
    path = str(tmp_path / "rigid.mot")
    write_mot(path, m)
    t = read_mot(path)
    assert np.all(t.columns["lumbar_extension"] == 0.0)
    assert np.degrees(m.segment_angles_rad()["trunk"]) == pytest.approx(-t.columns["pelvis_tilt"], abs=1e-8)
    assert not read_motion(path, cutoff=None).pose.split


def test_lumbar_extension_column_gives_the_split(tmp_path):
    # A hand-written file: pelvis_tilt -10 deg (anterior tilt 10 deg), lumbar_extension -20 deg
    # (20 deg of flexion), hip_flexion 70: thigh 60, upper body 30 deg forward.
    rows = "".join(f"{0.01 * i:.2f}\t-10\t70\t-50\t10\t-20\n" for i in range(12))
    text = ("lift\ninDegrees=yes\nendheader\ntime\tpelvis_tilt\thip_flexion_r\tknee_angle_r\tankle_angle_r"
            "\tlumbar_extension\n" + rows)
    m = read_motion(_write(tmp_path, text, "l.mot"), cutoff=None, model="gait2392")
    p = m.pose
    assert float(p.pelvis.magnitude[0]) == pytest.approx(10.0)
    assert float(p.lumbar.magnitude[0]) == pytest.approx(20.0)
    assert float(p.upper_body.magnitude[0]) == pytest.approx(30.0)
    assert float(p.thigh.magnitude[0]) == pytest.approx(60.0)
    assert float(p.hip.magnitude[0]) == pytest.approx(70.0)
    assert float(p.knee.magnitude[0]) == pytest.approx(50.0)
    # the hip-to-shoulder line lies between the pelvis and the upper body
    assert 10.0 < float(p.trunk.magnitude[0]) < 30.0


def test_pelvis_tilt_sign_on_the_rajagopal_model(tmp_path):
    # OpenSim 4.6, Rajagopal-Lai-Uhlrich (2023): a negative pelvis_tilt turns the hip-to-lumbar
    # line forward (anterior tilt) by the same angle, so our pelvis angle is -pelvis_tilt; a
    # negative lumbar_extension turns the torso forward (flexion).
    import importlib.util
    from pathlib import Path
    if importlib.util.find_spec("opensim") is None:
        pytest.skip("opensim is not installed")
    model_path = (Path(__file__).resolve().parents[1].parent / "shared" / "data" / "opensim-rajagopal"
                  / "RajagopalLaiUhlrich2023.osim")
    if not model_path.is_file():
        pytest.skip(f"the model file is kept out of the repository and was not found at {model_path}")
    import opensim as osim
    cwd = os.getcwd()
    try:
        os.chdir(os.path.dirname(DATA))
        model = osim.Model(str(model_path))
        state = model.initSystem()
    finally:
        os.chdir(cwd)
    cs, bodies = model.getCoordinateSet(), model.getBodySet()

    def forward_angle(tilt_deg, lumbar_ext_deg, station):
        cs.get("pelvis_tilt").setValue(state, np.radians(tilt_deg))
        cs.get("lumbar_extension").setValue(state, np.radians(lumbar_ext_deg))
        model.realizePosition(state)
        hip = bodies.get("femur_r").getPositionInGround(state)
        p = bodies.get("torso").findStationLocationInGround(state, osim.Vec3(*station))
        return np.degrees(np.arctan2(p.get(0) - hip.get(0), p.get(1) - hip.get(1)))   # forward of vertical

    lumbar_joint = (0.0, 0.0, 0.0)
    base = forward_angle(0.0, 0.0, lumbar_joint)
    for tilt in (-20.0, 15.0):
        rows = "".join(f"{0.01 * i:.2f}\t{tilt}\t30\t40\t10\n" for i in range(12))
        text = ("t\ninDegrees=yes\nendheader\ntime\tpelvis_tilt\thip_flexion_r\tknee_angle_r\tankle_angle_r\n"
                + rows)
        ours = read_motion(_write(tmp_path, text, "tilt.mot"), cutoff=None, model="rajagopal").pose.pelvis
        # the pelvis turns forward in OpenSim by exactly the angle we read (anterior positive)
        assert forward_angle(tilt, 0.0, lumbar_joint) - base == pytest.approx(float(ours.magnitude[0]), abs=1e-6)
        assert np.sign(float(ours.magnitude[0])) == -np.sign(tilt)
    # lumbar_extension -20: a point high on the torso moves forward (flexion)
    assert forward_angle(0.0, -20.0, (0.0, 0.4, 0.0)) > forward_angle(0.0, 0.0, (0.0, 0.4, 0.0)) + 5.0
