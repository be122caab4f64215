"""Benchmark: static joint moments for a million poses, against a bare-numpy floor and peers.

Run with ``python benchmarks/bench_statics.py`` (the package importable, for example
with ``PYTHONPATH=src``). Everything is measured in this one process, on the same
chain, loads and poses:

- ``biomech.joint_moments`` with units at the boundary (a ``Pose`` built from degree
  Quantities, the moments read back as N*m Quantities), then its full result (moment
  arms; the per-load contributions, which are computed lazily, timed on their own);
- the unit-free kernel ``StaticModel.moments`` (radians in, N*m out);
- the floor: the same three moments (ankle, knee, hip) of a three-segment chain with
  one bar, written plainly in numpy with 1-D arrays, no units and no checks;
- Pinocchio's batch path ``pinocchio.rneaInParallel`` (2 threads, a ``ModelPool``)
  and its ``rnea`` in a Python loop (10,000 poses, extrapolated);
- OpenSim's ``InverseDynamicsSolver`` in a Python loop (10,000 poses, extrapolated),
  skipped with a note when the ``opensim`` package cannot be imported.

Each peer's moments are checked against ours (relative error below 1e-9) before it is
timed. Also measured: the latency of a single-pose call, the peak memory of a
million-pose sweep (moments only, and the full result), the import time of the
package and the start-up time of the command line (when there is one).

The chain: one leg carrying everything (``stance="single_leg"``), a body from segments
(shank 0.43 m, 3.6 kg; thigh 0.42 m, 11.4 kg; trunk 0.53 m, 40 kg; no arms, massless
foot) and a 100 kg high-bar barbell. The peers get the same chain with revolute
ankle, knee, hip and L5/S1 joints (the trunk split at L5/S1 as biomech splits it), so
they return the same four moments biomech does; the floor computes three.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

import biomech as bm
from biomech.model.loads import G
from biomech.mechanics.statics import SIGN, StaticModel

N_POSES = 1_000_000
N_LOOP = 10_000
N_CHECK = 200
THREADS = 2
SEED = 20240611


# --------------------------------------------------------------------------- the chain
def chain():
    """The benchmark chain: body, loads and its plain SI constants."""
    body = bm.Body.from_segments(shank=bm.Segment("0.43 m", "3.6 kg", 0.44),
                                 thigh=bm.Segment("0.42 m", "11.4 kg", 0.41),
                                 trunk=bm.Segment("0.53 m", "40 kg", 0.50))
    bar = bm.Barbell(mass="100 kg", position="high_bar")
    return body, [bar]


def random_angles_deg(n: int, seed: int = SEED) -> dict[str, np.ndarray]:
    """Squat-like segment angles, degrees: shank 0-40, thigh 0-100, trunk 0-60."""
    rng = np.random.default_rng(seed)
    return {"shank": rng.uniform(0, 40, n), "thigh": rng.uniform(0, 100, n), "trunk": rng.uniform(0, 60, n)}


# --------------------------------------------------------------------------- the floor
def make_floor(body, bar):
    """The bare-numpy floor: ankle, knee and hip moments, radians in, N*m out."""
    ls, lt, lk = body.shank.length_m, body.thigh.length_m, body.trunk.length_m
    ms, mt, mk, mb = body.shank.mass_kg, body.thigh.mass_kg, body.trunk.mass_kg, bar.mass_kg
    cs, ct, ck = body.shank.com, body.thigh.com, body.trunk.com
    lb, ob = lk + bar.beyond_shoulder_m, bar.offset_m       # the bar in trunk coordinates

    def floor(shank, thigh, trunk):
        s_s, s_t, s_k, c_k = np.sin(shank), np.sin(thigh), np.sin(trunk), np.cos(trunk)
        # horizontal positions relative to the ankle (x forward)
        x_knee = ls * s_s
        x_hip = x_knee - lt * s_t
        x_shank = x_knee - cs * ls * s_s
        x_thigh = x_hip + ct * lt * s_t
        x_trunk = x_hip + ck * lk * s_k
        x_bar = x_hip + lb * s_k + ob * c_k
        hip = G * (mk * (x_trunk - x_hip) + mb * (x_bar - x_hip))
        knee = -G * (mt * (x_thigh - x_knee) + mk * (x_trunk - x_knee) + mb * (x_bar - x_knee))
        ankle = G * (ms * x_shank + mt * x_thigh + mk * x_trunk + mb * x_bar)
        return ankle, knee, hip

    return floor


# --------------------------------------------------------------------------- Pinocchio
def _trunk_parts(body):
    """Lower (pelvis) and upper trunk masses and centres, as biomech splits the trunk."""
    lum, lk = body.lumbar, body.trunk.length_m
    m_up, m_tr = lum.above_mass_kg, body.trunk.mass_kg
    m_low = m_tr - m_up
    low_along = (m_tr * body.trunk.com * lk - m_up * lum.above_com_along_m) / m_low
    low_off = -m_up * lum.above_com_offset_m / m_low
    return (m_low, low_along, low_off), (m_up, lum.above_com_along_m, lum.above_com_offset_m)


def _local_points(body, bar):
    """Each mass in its body's local frame (segment upright at q = 0): name -> (mass, x, y)."""
    ls, lt, lk = body.shank.length_m, body.thigh.length_m, body.trunk.length_m
    lum = body.lumbar
    (m_low, low_along, low_off), (m_up, up_along, up_off) = _trunk_parts(body)
    return {
        "shank": (body.shank.mass_kg, 0.0, ls - body.shank.com * ls),     # frame at the ankle, +y to the knee
        "thigh": (body.thigh.mass_kg, 0.0, lt - body.thigh.com * lt),     # frame at the knee, +y to the hip
        "pelvis": (m_low, low_off, low_along),                             # frame at the hip
        "trunk": (m_up, up_off - lum.offset_m, up_along - lum.along_m),   # frame at L5/S1
        "bar": (bar.mass_kg, bar.offset_m - lum.offset_m, lk + bar.beyond_shoulder_m - lum.along_m),
    }


def q_of(shank, thigh, trunk):
    """Joint coordinates (ankle, knee, hip, L5/S1) of the peers' chain from segment angles."""
    return np.stack([-shank, shank + thigh, -(thigh + trunk), np.zeros_like(shank)])


def to_anatomical(tau):
    """Peer joint torques (rows ankle, knee, hip, lumbar) -> biomech's anatomical moments."""
    return {j: -SIGN[j] * tau[i] for i, j in enumerate(("ankle", "knee", "hip", "lumbar"))}


def pinocchio_model(body, bar):
    import pinocchio as pin

    pts = _local_points(body, bar)
    ls, lt, lum = body.shank.length_m, body.thigh.length_m, body.lumbar
    model = pin.Model()
    model.gravity.linear = np.array([0.0, -G, 0.0])

    def inertia(m, x, y):
        return pin.Inertia(float(m), np.array([x, y, 0.0]), np.eye(3) * float(m) * 0.05 ** 2)

    I3 = np.eye(3)
    ja = model.addJoint(0, pin.JointModelRZ(), pin.SE3.Identity(), "ankle")
    jk = model.addJoint(ja, pin.JointModelRZ(), pin.SE3(I3, np.array([0.0, ls, 0.0])), "knee")
    jh = model.addJoint(jk, pin.JointModelRZ(), pin.SE3(I3, np.array([0.0, lt, 0.0])), "hip")
    jl = model.addJoint(jh, pin.JointModelRZ(), pin.SE3(I3, np.array([lum.offset_m, lum.along_m, 0.0])), "lumbar")
    for name, jid in (("shank", ja), ("thigh", jk), ("pelvis", jh), ("trunk", jl), ("bar", jl)):
        model.appendBodyToJoint(jid, inertia(*pts[name]), pin.SE3.Identity())
    return model


# --------------------------------------------------------------------------- OpenSim
def opensim_model(body, bar):
    import opensim as osim

    pts = _local_points(body, bar)
    ls, lt, lum = body.shank.length_m, body.thigh.length_m, body.lumbar
    model = osim.Model()
    model.setName("planar_chain")
    model.setGravity(osim.Vec3(0.0, -G, 0.0))
    bodies = {}
    for name in ("shank", "thigh", "pelvis", "trunk", "bar"):
        m, x, y = pts[name]
        k = m * 0.05 ** 2
        bodies[name] = osim.Body(name, float(m), osim.Vec3(x, y, 0.0), osim.Inertia(k, k, k))
        model.addBody(bodies[name])
    z = osim.Vec3(0.0)
    joints = [osim.PinJoint("ankle", model.getGround(), z, z, bodies["shank"], z, z),
              osim.PinJoint("knee", bodies["shank"], osim.Vec3(0.0, ls, 0.0), z, bodies["thigh"], z, z),
              osim.PinJoint("hip", bodies["thigh"], osim.Vec3(0.0, lt, 0.0), z, bodies["pelvis"], z, z),
              osim.PinJoint("lumbar", bodies["pelvis"], osim.Vec3(lum.offset_m, lum.along_m, 0.0), z,
                            bodies["trunk"], z, z),
              osim.WeldJoint("bar_weld", bodies["trunk"], z, z, bodies["bar"], z, z)]
    for j in joints:
        model.addJoint(j)
    state = model.initSystem()
    return model, state


def opensim_loop(model, state, q: np.ndarray) -> np.ndarray:
    """Inverse dynamics of each pose in a Python loop, as OpenSim users call it."""
    import opensim as osim

    solver = osim.InverseDynamicsSolver(model)
    udot = osim.Vector(state.getNU(), 0.0)
    out = np.empty((4, q.shape[1]))
    n = q.shape[0]
    for i in range(q.shape[1]):
        Q = state.updQ()
        for k in range(n):
            Q.set(k, float(q[k, i]))
        model.realizePosition(state)
        tau = solver.solve(state, udot)
        for k in range(4):
            out[k, i] = tau.get(k)
    return out


# --------------------------------------------------------------------------- timing helpers
def best_of(fn, repeats: int = 3) -> float:
    fn()  # warm up (first-touch page faults, caches)
    best = np.inf
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def median_latency(fn, calls: int = 2000) -> float:
    for _ in range(50):
        fn()
    times = []
    for _ in range(calls):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def check_close(name, ours: dict, theirs: dict, joints=("ankle", "knee", "hip", "lumbar"), rel=1e-9):
    worst = 0.0
    for j in joints:
        a, b = np.asarray(ours[j], float), np.asarray(theirs[j], float)
        err = np.max(np.abs(a - b) / np.maximum(np.abs(a), 1.0))
        worst = max(worst, float(err))
    if not worst < rel:
        raise AssertionError(f"{name} disagrees with biomech: worst relative error {worst:.2e} (limit {rel:g})")
    return worst


# --------------------------------------------------------------------------- memory (child process)
def _vm_hwm_mb() -> float | None:
    """Peak resident memory of this process (Linux ``VmHWM``), MB; None elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _memory_child(what: str, n: int) -> None:
    body, loads = chain()
    ang = random_angles_deg(n)
    base = _vm_hwm_mb()
    tracemalloc.start()
    pose = bm.Pose(shank=bm.Q_(ang["shank"], "deg"), thigh=bm.Q_(ang["thigh"], "deg"),
                   trunk=bm.Q_(ang["trunk"], "deg"))
    res = bm.joint_moments(body, pose, loads, stance="single_leg")
    kept = [res.ankle, res.knee, res.hip]
    if what == "full":
        kept += [res.lumbar, res.moment_arms, res.contributions]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    hwm = _vm_hwm_mb()
    print(json.dumps({"tracemalloc_peak_mb": peak / 2 ** 20, "peak_rss_mb": hwm,
                      "rss_before_mb": base, "kept": len(kept)}))


def memory_sweep(what: str, n: int = N_POSES) -> dict:
    out = subprocess.run([sys.executable, __file__, "--memory", what, str(n)], capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)), check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- start-up
def _subprocess_seconds(args: list[str], repeats: int = 7) -> float:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run(args, capture_output=True, env=env, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def import_times() -> dict:
    bare = _subprocess_seconds([sys.executable, "-c", "pass"])
    imp = _subprocess_seconds([sys.executable, "-c", "import biomech"])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", "import biomech"], capture_output=True,
                         text=True, env=env).stderr
    cumulative = None
    for line in err.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == "biomech":
            cumulative = int(parts[1]) * 1e-6
    out = {"python_s": bare, "import_s": imp, "import_extra_s": imp - bare, "importtime_cumulative_s": cumulative}
    import importlib.util

    if importlib.util.find_spec("biomech.cli") is not None:
        out["cli_help_s"] = _subprocess_seconds(
            [sys.executable, "-c", "import sys; from biomech.cli import main; sys.argv = ['biomech', '--help']; "
                                   "sys.exit(main())"], repeats=5)
    else:
        out["cli_help_s"] = None
    return out


# --------------------------------------------------------------------------- machine
def machine() -> str:
    """The machine line of the benchmark table (one definition, in run_all.py)."""
    sys.path.insert(0, str(Path(__file__).parent))
    from run_all import machine as describe

    return describe()


# --------------------------------------------------------------------------- main
def main(n: int = N_POSES, n_loop: int = N_LOOP, memory: bool = True, startup: bool = True) -> list[dict]:
    body, loads = chain()
    bar = loads[0]
    ang_deg = random_angles_deg(n)
    ang_rad = {k: np.radians(v) for k, v in ang_deg.items()}
    sh, th, tr = ang_rad["shank"], ang_rad["thigh"], ang_rad["trunk"]
    q_deg = {k: bm.Q_(v, "deg") for k, v in ang_deg.items()}
    kernel = StaticModel(body, loads, stance="single_leg")
    kernel_angles = {"foot": 0.0, "shank": sh, "thigh": th, "trunk": tr, "arms": 0.0}
    floor = make_floor(body, bar)
    notes: list[str] = []

    # ---- agreement first
    idx = np.arange(N_CHECK)
    ours_check = kernel.moments({k: (v[idx] if np.ndim(v) else v) for k, v in kernel_angles.items()})
    full = bm.joint_moments(body, bm.Pose(shank=q_deg["shank"][:N_CHECK], thigh=q_deg["thigh"][:N_CHECK],
                                          trunk=q_deg["trunk"][:N_CHECK]), loads, stance="single_leg")
    check_close("joint_moments (units)", ours_check, {j: full.moments[j].to("N*m").magnitude
                                                       for j in ("ankle", "knee", "hip", "lumbar")})
    fa, fk, fh = floor(sh[idx], th[idx], tr[idx])
    check_close("floor", ours_check, {"ankle": fa, "knee": fk, "hip": fh}, joints=("ankle", "knee", "hip"))
    q_all = np.asarray(q_of(sh, th, tr), order="F")

    pin = None
    try:
        import pinocchio as pin
    except ImportError:
        notes.append("Pinocchio (PyPI `pin`) is not installed: its rows are skipped.")
    if pin is not None:
        pmodel = pinocchio_model(body, bar)
        pdata = pmodel.createData()
        zeros = np.zeros(pmodel.nv)
        tau = np.stack([pin.rnea(pmodel, pdata, q_all[:, i].copy(), zeros, zeros) for i in idx], axis=1)
        check_close("Pinocchio rnea", ours_check, to_anatomical(tau))
        pool = pin.ModelPool(pmodel, THREADS)
        qb = np.asfortranarray(q_all[:, :N_CHECK])
        vb = np.zeros_like(qb)
        tau_b = np.asfortranarray(np.zeros_like(qb))
        pin.rneaInParallel(THREADS, pool, qb, vb, vb, tau_b)
        check_close("Pinocchio rneaInParallel", ours_check, to_anatomical(tau_b))

    osim = None
    try:
        import opensim as osim
    except ImportError as exc:
        notes.append(f"OpenSim (PyPI `opensim`) could not be imported ({exc}): its row is skipped.")
    if osim is not None:
        omodel, ostate = opensim_model(body, bar)
        check_close("OpenSim InverseDynamicsSolver", ours_check, to_anatomical(opensim_loop(omodel, ostate,
                                                                                             q_all[:, :N_CHECK])))

    # ---- throughput on n poses
    t: dict[str, float] = {}

    def units_moments():
        pose = bm.Pose(**q_deg)
        res = bm.joint_moments(body, pose, loads, stance="single_leg")
        return res, (res.ankle, res.knee, res.hip, res.lumbar)

    t["units"] = best_of(units_moments)

    def units_full():
        res, _ = units_moments()
        return res.moment_arms

    t["units_arms"] = best_of(units_full)
    res, _ = units_moments()
    t0 = time.perf_counter()
    _ = res.contributions
    t["contributions"] = time.perf_counter() - t0
    t["kernel"] = best_of(lambda: kernel.moments(kernel_angles))
    t["floor"] = best_of(lambda: floor(sh, th, tr))
    if pin is not None:
        pool = pin.ModelPool(pmodel, THREADS)
        v_all = np.zeros_like(q_all)
        tau_all = np.asfortranarray(np.zeros_like(q_all))
        t["pin_batch"] = best_of(lambda: pin.rneaInParallel(THREADS, pool, q_all, v_all, v_all, tau_all))
        qs = [q_all[:, i].copy() for i in range(n_loop)]

        def pin_loop():
            for q in qs:
                pin.rnea(pmodel, pdata, q, zeros, zeros)

        t["pin_loop"] = best_of(pin_loop, repeats=2) * n / n_loop
    if osim is not None:
        q_loop = q_all[:, :n_loop]
        t0 = time.perf_counter()
        opensim_loop(omodel, ostate, q_loop)
        t["osim_loop"] = (time.perf_counter() - t0) * n / n_loop

    # ---- latency of one pose
    one_pose = bm.Pose(shank="20 deg", thigh="90 deg", trunk="40 deg")
    lat_call = median_latency(lambda: bm.joint_moments(body, one_pose, loads, stance="single_leg").knee)
    lat_pose = median_latency(lambda: bm.joint_moments(
        body, bm.Pose(shank="20 deg", thigh="90 deg", trunk="40 deg"), loads, stance="single_leg").knee)
    one = {"foot": 0.0, "shank": 0.35, "thigh": 1.57, "trunk": 0.7, "arms": 0.0}
    lat_kernel = median_latency(lambda: kernel.moments(one))

    mem = {"moments": memory_sweep("moments", n), "full": memory_sweep("full", n)} if memory else {}
    st_ = import_times() if startup else {}

    # ---- the table
    rate = {k: n / v for k, v in t.items()}
    ours = rate["units"]
    rows: list[dict] = []

    def row(path, key, note=""):
        rows.append({"workload": f"static moments, {n:,} poses", "path": path, "value": rate[key],
                     "unit": "poses/s", "x_floor": rate[key] / rate["floor"], "ours_over": ours / rate[key],
                     "note": note})

    row("biomech.joint_moments (units in and out, 4 moments)", "units")
    row("  + moment arms (full result)", "units_arms")
    row("  .contributions (lazy per-load table, accessed once)", "contributions")
    row("biomech StaticModel.moments kernel (SI, 4 moments)", "kernel")
    row("floor: bare numpy, 3 moments, no units/checks", "floor")
    if "pin_batch" in rate:
        row(f"Pinocchio rneaInParallel, {THREADS} threads", "pin_batch", "4 joints")
        row("Pinocchio rnea, Python loop", "pin_loop", f"{n_loop:,} poses, extrapolated")
    if "osim_loop" in rate:
        row("OpenSim InverseDynamicsSolver, Python loop", "osim_loop", f"{n_loop:,} poses, extrapolated")
    wl = "single-pose call latency"
    rows.append({"workload": wl, "path": "joint_moments, pose prebuilt (median)", "value": lat_call * 1e6,
                 "unit": "us", "note": "target < 100 us"})
    rows.append({"workload": wl, "path": "Pose from strings + joint_moments (median)", "value": lat_pose * 1e6,
                 "unit": "us", "note": ""})
    rows.append({"workload": wl, "path": "StaticModel.moments kernel (median)", "value": lat_kernel * 1e6,
                 "unit": "us", "note": ""})
    for what, label in (("moments", "3 moments"), ("full", "full result: 4 moments, arms, contributions")):
        if what in mem:
            rows.append({"workload": f"peak memory, {n:,}-pose sweep", "path": label,
                         "value": mem[what]["tracemalloc_peak_mb"], "unit": "MB (tracemalloc peak)",
                         "note": f"peak RSS of the whole process {mem[what]['peak_rss_mb']:.0f} MB (after imports "
                                 f"and inputs {mem[what]['rss_before_mb']:.0f} MB); target < 1 GB"})
    if st_:
        rows.append({"workload": "start-up", "path": "python -c 'import biomech' (median, wall)",
                     "value": st_["import_s"] * 1e3, "unit": "ms",
                     "note": f"bare python {st_['python_s'] * 1e3:.0f} ms; -X importtime biomech "
                             f"{(st_['importtime_cumulative_s'] or float('nan')) * 1e3:.0f} ms"})
        if st_["cli_help_s"] is not None:
            rows.append({"workload": "start-up", "path": "biomech --help (median, wall)",
                         "value": st_["cli_help_s"] * 1e3, "unit": "ms", "note": ""})
        else:
            notes.append("No command line (biomech.cli) yet: CLI start-up not measured.")
    for note in notes:
        rows.append({"workload": "note", "path": note, "value": None, "unit": "", "note": ""})
    return rows


def print_rows(rows: list[dict], title: str = "") -> None:
    if title:
        print(title)
    print(f"{'workload':<34} {'path':<55} {'value':>14} {'unit':<22} {'x floor':>8} {'ours/this':>10}  note")
    for r in rows:
        v = r.get("value")
        vs = "" if v is None else (f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.3g}")
        xf = f"{r['x_floor']:.3f}" if "x_floor" in r else ""
        oo = f"{r['ours_over']:.2f}" if "ours_over" in r else ""
        print(f"{r['workload']:<34} {r['path']:<55} {vs:>14} {r.get('unit', ''):<22} {xf:>8} {oo:>10}  "
              f"{r.get('note', '')}")


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--memory":
        _memory_child(sys.argv[2], int(sys.argv[3]))
        sys.exit(0)
    print(f"machine: {machine()}")
    print_rows(main())
