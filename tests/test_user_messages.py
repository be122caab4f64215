"""Error messages name the input as the user gave it and the fix, consistently."""

from __future__ import annotations

import pytest

import biomech as bm
from biomech import exercises as ex
from biomech.cli import main

BODY = bm.Body.from_anthropometrics("178 cm", "80 kg")


def test_bare_height_suggests_centimetres_not_metres():
    with pytest.raises(bm.UnitError) as err:
        bm.Body.from_anthropometrics(178, 80)
    msg = str(err.value)
    assert '"178 cm"' in msg and '"178 m"' not in msg and "in cm" in msg
    with pytest.raises(bm.UnitError, match=r'"1\.78 m"'):
        bm.Body.from_anthropometrics(1.78, "80 kg")


def test_bare_angle_names_the_same_unit_as_its_fix():
    with pytest.raises(bm.UnitError) as err:
        ex.squat(BODY, depth=90, load="100 kg")
    msg = str(err.value)
    assert "in deg is expected" in msg and '"90 deg"' in msg and "in rad" not in msg


def test_depth_past_reach_names_the_thigh_angle_given(capsys):
    assert main(["squat", "--depth", "200deg", "--load", "100kg"]) != 0
    err = capsys.readouterr().err
    assert "depth=200 deg" in err and "thigh angle" in err and "hip_flexion" not in err and "Fix:" in err
    with pytest.raises(bm.InfeasiblePoseError, match="depth=200 deg"):
        ex.squat(BODY, depth="200 deg", load="100 kg")


def test_leg_press_feet_low_too_deep_hints_to_go_shallower():
    with pytest.raises(bm.InfeasiblePoseError) as err:
        ex.leg_press(BODY, load="150 kg", foot_position="low")
    msg = str(err.value)
    assert "go shallower" in msg and "at most" in msg
    deepest = int(msg.split("at most ")[1].split(" deg")[0])
    ex.leg_press(BODY, load="150 kg", foot_position="low", depth=f"{deepest} deg")  # the hint is reachable
    with pytest.raises(bm.InfeasiblePoseError):
        ex.leg_press(BODY, load="150 kg", foot_position="low", depth=f"{deepest + 2} deg")


def test_hinge_depth_as_an_angle_is_named_as_given():
    with pytest.raises(bm.InfeasiblePoseError) as err:
        ex.romanian_deadlift(BODY, trunk_lean="200 deg", load="60 kg")
    msg = str(err.value)
    assert "trunk_lean=200 deg" in msg and "trunk lean" in msg and "Fix:" in msg
