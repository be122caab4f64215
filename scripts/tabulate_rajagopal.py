#!/usr/bin/env python
"""Tabulate moment arms and muscle-tendon lengths of the Rajagopal-Lai-Uhlrich (2023) model.

Reads the OpenSim model file (kept out of this repository; by default
``../shared/data/opensim-rajagopal/RajagopalLaiUhlrich2023.osim`` relative to the repository
root, or the path given), runs OpenSim over a grid of the sagittal joint angles across the
model's own coordinate ranges and writes

* ``src/biomech/data/rajagopal/rajagopal2023.npz``: per right-leg muscle, its muscle-tendon
  length and its moment arm about every coordinate it crosses (hip flexion, hip adduction,
  hip rotation, knee, ankle), on a grid of the sagittal angles of the joints it crosses
  (one-joint muscles: 1-D; two-joint muscles: 2-D); for the quadriceps, the directions of the
  path where it wraps the femur (tendofemoral contact) and enters the patella; for the other
  muscles crossing the knee (hamstrings, biceps femoris short head, gracilis, sartorius, tensor
  fasciae latae, gastrocnemius), the line of action of their pull on the leg below the knee,
  relative to the shank's axis, on the same grid (tibiofemoral contact);
* ``src/biomech/data/rajagopal/rajagopal2023.json``: grids, muscle parameters (maximum
  isometric force, optimal fibre length, tendon slack length, pennation at optimal fibre
  length), the model file's sha256, the OpenSim version, the body the model
  describes (thigh and shank lengths, mass), and a few poses beyond the model's hip flexion
  range for the library's extrapolation check;
* OpenSim's values halfway between the grid nodes (``*.mid.*``), against which the library
  measures its own interpolation error.

Two traps of this model are handled here (and tested in ``tests/test_rajagopal.py``):
every coordinate is ``clamped`` (a value set beyond its range is silently moved to the range
end when the model assembles), so clamping is turned off and the grid stops at the ranges;
and the patella follows the knee through a coupling constraint (``knee_angle_r_beta``), so
the knee angle is set with constraints enforced (the model assembles) before any quadriceps
moment arm or length is read.

Units: OpenSim's (m, rad) in the tables; the grids are stored in degrees. Signs: OpenSim's
(a positive moment arm turns the coordinate positive: hip flexor, hip adductor, hip internal
rotator, knee flexor, ankle dorsiflexor). Other coordinates (pelvis, lumbar, arms, left leg,
subtalar, mtp) stay at their default values (0).

Usage::

    python scripts/tabulate_rajagopal.py [MODEL.osim] [--out DIR] [--step DEG] [--only-tibia]

``--only-tibia`` adds the lines of action at the tibia to tables already written from the same
model file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MODEL = ROOT.parent / "shared" / "data" / "opensim-rajagopal" / "RajagopalLaiUhlrich2023.osim"
DEFAULT_OUT = ROOT / "src" / "biomech" / "data" / "rajagopal"

#: sagittal joint -> OpenSim coordinate and the grid range (deg) = the model's own range
JOINT_COORD = {"hip": "hip_flexion_r", "knee": "knee_angle_r", "ankle": "ankle_angle_r"}
RANGES_DEG = {"hip": (-30.0, 120.0), "knee": (0.0, 140.0), "ankle": (-50.0, 50.0)}
#: every coordinate whose moment arm is tabulated, per joint crossed
ARM_COORDS = {"hip": ("hip_flexion_r", "hip_adduction_r", "hip_rotation_r"),
              "knee": ("knee_angle_r",), "ankle": ("ankle_angle_r",)}
QUADRICEPS = ("vasint_r", "vaslat_r", "vasmed_r", "recfem_r")
#: muscles crossing the knee other than the quadriceps: their lines of action at the tibia
#: (the shank's free body for the tibiofemoral contact force)
KNEE_CROSSERS = ("bflh_r", "bfsh_r", "semimem_r", "semiten_r", "grac_r", "sart_r", "tfl_r", "gasmed_r", "gaslat_r")
#: hip flexion (deg) beyond the model's range, sampled with clamping off for the extrapolation check
BEYOND_HIP_DEG = (125.0, 130.0, 135.0, 140.0)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load_model(path, clamp=False):
    """The model and its initial state; ``clamp=False`` turns every coordinate's clamping off."""
    import opensim as osim
    model = osim.Model(str(path))
    cs = model.getCoordinateSet()
    if not clamp:
        for i in range(cs.getSize()):
            cs.get(i).setDefaultClamped(False)
    state = model.initSystem()
    return model, state


def set_pose(model, state, hip_deg=0.0, knee_deg=0.0, ankle_deg=0.0):
    """Set the right hip flexion, knee flexion and ankle dorsiflexion (deg, OpenSim signs =
    the library's) with the patella assembled to the knee; returns the coordinate values
    actually held (rad), so a caller can check nothing was clamped."""
    cs = model.getCoordinateSet()
    cs.get("hip_flexion_r").setValue(state, np.radians(hip_deg), False)
    cs.get("ankle_angle_r").setValue(state, np.radians(ankle_deg), False)
    # the knee last, with constraints enforced: the model assembles and the patella
    # coordinate (knee_angle_r_beta) follows the knee through its coupler constraint
    cs.get("knee_angle_r").setValue(state, np.radians(knee_deg), True)
    model.realizePosition(state)
    return {c: cs.get(c).getValue(state) for c in ("hip_flexion_r", "knee_angle_r", "ankle_angle_r",
                                                     "knee_angle_r_beta")}


def body_size(model, state):
    """Thigh (hip to knee joint centre) and shank (knee to ankle) lengths (m) at the default
    pose, and the model's total mass (kg): the body the tables belong to."""
    set_pose(model, state, 0.0, 0.0, 0.0)

    def centre(joint):
        v = model.getJointSet().get(joint).getChildFrame().getPositionInGround(state)
        return np.array([v.get(0), v.get(1), v.get(2)])
    hip, knee, ankle = centre("hip_r"), centre("walker_knee_r"), centre("ankle_r")
    return {"thigh_m": float(np.linalg.norm(hip - knee)), "shank_m": float(np.linalg.norm(knee - ankle)),
            "mass_kg": float(model.getTotalMass(state))}


def right_leg_muscles(model):
    ms = model.getMuscles()
    return [ms.get(i) for i in range(ms.getSize()) if ms.get(i).getName().endswith("_r")]


SEGMENT_ORDER = {"pelvis": 0, "femur_r": 1, "patella_r": 1.5, "tibia_r": 2, "talus_r": 3, "calcn_r": 3,
                 "toes_r": 3}


def joints_crossed(model, state, muscle):
    """Sagittal joints the muscle spans: read from the bodies its path points sit on (pelvis,
    femur/patella, tibia, foot), not from moment arms, which wrapping surfaces can make a
    fraction of a millimetre at joints a muscle does not cross."""
    pps = muscle.getGeometryPath().getPathPointSet()
    segs = [SEGMENT_ORDER[pps.get(i).getParentFrame().getName()] for i in range(pps.getSize())]
    lo, hi = min(segs), max(segs)
    return [j for j, (a, b) in (("hip", (0, 1)), ("knee", (1, 2)), ("ankle", (2, 3))) if lo <= a and hi >= b]


def sample(model, state, muscle, dims, grids):
    """Length (m) and moment arms (m) on the grid ``grids[dim]`` (deg) of the joints ``dims``."""
    cs = model.getCoordinateSet()
    coords = [c for d in dims for c in ARM_COORDS[d]]
    shape = tuple(len(grids[d]) for d in dims)
    length = np.empty(shape)
    arms = {c: np.empty(shape) for c in coords}
    for idx in np.ndindex(*shape):
        pose = {d: grids[d][i] for d, i in zip(dims, idx)}
        held = set_pose(model, state, pose.get("hip", 0.0), pose.get("knee", 0.0), pose.get("ankle", 0.0))
        for d in dims:  # nothing clamped, knee and patella together
            assert abs(np.degrees(held[JOINT_COORD[d]]) - pose[d]) < 1e-6, (muscle.getName(), pose, held)
        length[idx] = muscle.getLength(state)
        for c in coords:
            arms[c][idx] = muscle.computeMomentArm(state, cs.get(c))
    return length, arms


def quadriceps_geometry(model, state, muscle, knee_deg):
    """Per knee angle: the unit direction (femur frame, x anterior, y proximal; sagittal) of the
    path where it enters the patella, pointing away from the patella, and the tendofemoral
    contact force per newton of muscle force, |u_in - u_out| over the wrap on the femur
    (0 where the path does not wrap)."""
    u_patella = np.zeros((len(knee_deg), 2))
    tendofemoral = np.zeros(len(knee_deg))
    femur = model.getBodySet().get("femur_r")
    ground = model.getGround()
    for i, k in enumerate(knee_deg):
        set_pose(model, state, 0.0, k, 0.0)
        path = muscle.getGeometryPath().getCurrentPath(state)
        pts, bodies, kinds = [], [], []
        for j in range(path.getSize()):
            pp = path.get(j)
            loc = pp.getLocation(state)
            g = pp.getParentFrame().findStationLocationInAnotherFrame(state, loc, femur)
            pts.append([g.get(0), g.get(1), g.get(2)])
            bodies.append(pp.getParentFrame().getName())
            kinds.append(pp.getConcreteClassName())
        pts = np.asarray(pts)
        jp = next(j for j, b in enumerate(bodies) if "patella" in b)
        d = pts[jp - 1] - pts[jp]
        u_patella[i] = d[:2] / np.linalg.norm(d[:2])
        wraps = [j for j, kd in enumerate(kinds) if kd == "PathWrapPoint" and "patella" not in bodies[j]]
        if len(wraps) >= 2 and wraps[0] > 0 and wraps[-1] + 1 < len(pts):
            a, b = wraps[0], wraps[-1]
            u_in = (pts[a] - pts[a - 1]) / np.linalg.norm(pts[a] - pts[a - 1])
            u_out = (pts[b + 1] - pts[b]) / np.linalg.norm(pts[b + 1] - pts[b])
            tendofemoral[i] = np.linalg.norm(u_in - u_out)
    del ground
    return u_patella, tendofemoral


def tibia_line_of_action(model, state, muscle):
    """The sagittal direction of the muscle's pull on the leg below the knee, at the current
    pose: along the path segment that crosses the knee (from the first path point on the tibia or
    a body below it towards the point before it, on the femur, patella or pelvis; wrapping points
    included, so the wrap contacts below the knee, internal to that free body, drop out). Returned
    as (component along the shank's axis, ankle to knee joint centre: + proximal; component across
    it: + anterior), a unit vector."""
    path = muscle.getGeometryPath().getCurrentPath(state)
    ground = model.getGround()
    pts, order = [], []
    for j in range(path.getSize()):
        pp = path.get(j)
        g = pp.getParentFrame().findStationLocationInAnotherFrame(state, pp.getLocation(state), ground)
        pts.append([g.get(0), g.get(1), g.get(2)])
        order.append(SEGMENT_ORDER[pp.getParentFrame().getName()])
    pts = np.asarray(pts)
    j = next(i for i, o in enumerate(order) if o >= 2)
    d = pts[j - 1] - pts[j]

    def centre(joint):
        v = model.getJointSet().get(joint).getChildFrame().getPositionInGround(state)
        return np.array([v.get(0), v.get(1), v.get(2)])
    axis = centre("walker_knee_r") - centre("ankle_r")
    axis = axis[:2] / np.linalg.norm(axis[:2])
    anterior = np.array([axis[1], -axis[0]])      # the axis turned forward (x anterior, y up in ground)
    u = np.array([d[:2] @ axis, d[:2] @ anterior])
    return u / np.linalg.norm(u)


def sample_tibia_lines(model, state, muscle, dims, grids):
    """:func:`tibia_line_of_action` on the grid of the joints the muscle crosses: shape grid + (2,)."""
    shape = tuple(len(grids[d]) for d in dims)
    out = np.empty(shape + (2,))
    for idx in np.ndindex(*shape):
        pose = {d: grids[d][i] for d, i in zip(dims, idx)}
        set_pose(model, state, pose.get("hip", 0.0), pose.get("knee", 0.0), pose.get("ankle", 0.0))
        out[idx] = tibia_line_of_action(model, state, muscle)
    return out


def add_tibia_lines(model, state, out, grids):
    """Add the lines of action at the tibia to tables already written (``--only-tibia``)."""
    npz_path = out / "rajagopal2023.npz"
    with np.load(npz_path) as f:
        arrays = {k: f[k] for k in f.files}
    meta = json.loads((out / "rajagopal2023.json").read_text())
    for mu in right_leg_muscles(model):
        if mu.getName() in KNEE_CROSSERS:
            name = mu.getName()[:-2]
            print(f"{name}: line of action at the tibia", flush=True)
            arrays[f"{name}.tibia_direction"] = sample_tibia_lines(model, state, mu, meta["muscles"][name]["joints"],
                                                                   grids)
    np.savez_compressed(npz_path, **arrays)
    meta["tibia_direction"] = TIBIA_DIRECTION_NOTE
    (out / "rajagopal2023.json").write_text(json.dumps(meta, indent=1) + "\n")


TIBIA_DIRECTION_NOTE = ("per knee-crossing muscle other than the quadriceps: unit vector of its pull on the leg "
                        "below the knee along the path segment crossing the knee, components (along the shank's "
                        "ankle-to-knee axis, + proximal; across it, + anterior), on the muscle's grid")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model", nargs="?", default=str(DEFAULT_MODEL), help="the .osim file")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output folder")
    ap.add_argument("--step", type=float, default=5.0, help="grid step (deg)")
    ap.add_argument("--no-check", action="store_true", help="skip the midpoint interpolation check")
    ap.add_argument("--only-tibia", action="store_true",
                    help="add the lines of action at the tibia to the tables already in --out")
    args = ap.parse_args(argv)
    import opensim as osim
    model_path = Path(args.model).resolve()
    if not model_path.is_file():
        sys.exit(f"model file not found: {model_path}")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    cwd = os.getcwd()
    os.chdir(tempfile.mkdtemp())  # OpenSim writes opensim.log into the working folder
    try:
        model, state = load_model(model_path, clamp=False)
        step = args.step
        grids = {j: np.arange(lo, hi + 1e-9, step) for j, (lo, hi) in RANGES_DEG.items()}
        if args.only_tibia:
            meta = json.loads((out / "rajagopal2023.json").read_text())
            if meta["model_sha256"] != sha256(model_path):
                sys.exit("the tables in --out come from another model file; run the whole script")
            add_tibia_lines(model, state, out, grids)
            print(f"added the lines of action at the tibia to {out}")
            return
        mids = {j: g[:-1] + step / 2 for j, g in grids.items()}
        arrays, meta_muscles = {}, {}
        for mu in right_leg_muscles(model):
            name = mu.getName()[:-2]
            dims = joints_crossed(model, state, mu)
            if not dims:
                continue
            print(f"{name}: {dims}", flush=True)
            length, arms = sample(model, state, mu, dims, grids)
            arrays[f"{name}.length"] = length
            for c, v in arms.items():
                arrays[f"{name}.arm.{c[:-2]}"] = v
            if not args.no_check:
                # OpenSim's own values halfway between the grid nodes: the library measures its
                # interpolation error against them (tests/test_rajagopal.py)
                mlen, marms = sample(model, state, mu, dims, mids)
                arrays[f"{name}.mid.length"] = mlen
                for c, v in marms.items():
                    arrays[f"{name}.mid.arm.{c[:-2]}"] = v
            meta_muscles[name] = {
                "joints": dims,
                "max_isometric_force_N": mu.getMaxIsometricForce(),
                "optimal_fiber_length_m": mu.getOptimalFiberLength(),
                "tendon_slack_length_m": mu.getTendonSlackLength(),
                "pennation_at_optimal_rad": mu.getPennationAngleAtOptimalFiberLength(),
            }
            if mu.getName() in KNEE_CROSSERS:
                arrays[f"{name}.tibia_direction"] = sample_tibia_lines(model, state, mu, dims, grids)
            if mu.getName() in QUADRICEPS:
                u, tf = quadriceps_geometry(model, state, mu, grids["knee"])
                arrays[f"{name}.patella_direction"] = u
                arrays[f"{name}.tendofemoral"] = tf
        # beyond the hip flexion range (clamping off): for the library's extrapolation check
        beyond = {}
        cs = model.getCoordinateSet()
        for mu in right_leg_muscles(model):
            name = mu.getName()[:-2]
            if name in meta_muscles and meta_muscles[name]["joints"] == ["hip"]:
                rows = []
                for h in BEYOND_HIP_DEG:
                    held = set_pose(model, state, h, 0.0, 0.0)
                    assert abs(np.degrees(held["hip_flexion_r"]) - h) < 1e-6
                    rows.append([mu.computeMomentArm(state, cs.get("hip_flexion_r")), mu.getLength(state)])
                beyond[name] = rows
        grid_arrays = {f"grid.{j}": g for j, g in grids.items()}
        grid_arrays.update({f"mid.{j}": g for j, g in mids.items()})
        np.savez_compressed(out / "rajagopal2023.npz", **grid_arrays,
                            **{k: v.astype(np.float64) for k, v in arrays.items()})
        meta = {
            "model_file": model_path.name,
            "model_sha256": sha256(model_path),
            "opensim_version": osim.GetVersion(),
            "sources": [
                "Rajagopal A, Dembia CL, DeMers MS, Delp DD, Hicks JL, Delp SL (2016). IEEE Trans Biomed Eng 63(10):2068-2079",
                "Lai AKM, Arnold AS, Wakeling JM (2017). Ann Biomed Eng 45:2762-2774",
                "Uhlrich SD, Jackson RW, Seth A, Kolesar JA, Delp SL (2022). Sci Rep 12:9842",
            ],
            "upstream": "opensim-org/opensim-models, Models/Rajagopal/RajagopalLaiUhlrich2023.osim",
            "grid_deg": {j: [float(g[0]), float(g[-1]), step] for j, g in grids.items()},
            "signs": "OpenSim: positive arm turns the coordinate positive (hip flexion, hip adduction, "
                     "hip internal rotation, knee flexion, ankle dorsiflexion)",
            "other_coordinates": "default values (0); clamping off; knee set with constraints enforced",
            "body": body_size(model, state),
            "muscles": meta_muscles,
            "tibia_direction": TIBIA_DIRECTION_NOTE,
            "beyond_hip_range": {"hip_flexion_deg": list(BEYOND_HIP_DEG), "columns": ["arm.hip_flexion", "length"],
                                 "values": beyond},
        }
        (out / "rajagopal2023.json").write_text(json.dumps(meta, indent=1) + "\n")
    finally:
        os.chdir(cwd)
    print(f"wrote {out / 'rajagopal2023.npz'} and {out / 'rajagopal2023.json'}")


if __name__ == "__main__":
    main()
