"""The gait-lab inverse dynamics beside published data: the ISB running benchmark and
Winter's (2009) Appendix A walking tables.

These harnesses run :func:`biomech.mechanics.gaitlab.bottom_up_inverse_dynamics` on the
bundled data sets (``biomech/data``, each with its provenance) and return the errors that
``docs/validation_inverse_dynamics.md`` reports; ``tests/test_gaitlab.py`` holds them to
their tolerances.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..errors import InputValueError
from ..mechanics.gaitlab import _cross, bottom_up_inverse_dynamics, segment_kinematics
from ..motion.filtering import lowpass

__all__ = ["isb_inverse_dynamics", "isb_cutoff_study", "winter_appendix_a_check", "WINTER_TABLE_4_1",
           "WINTER_FITTED"]


def isb_inverse_dynamics(step: int = 1, cutoff: float | None = None, noise: float = 0.0,
                         force_noise: float = 0.0, filter_force: bool = True,
                         rng: np.random.Generator | None = None):
    """Run the ISB running benchmark through the kernel; return (data, moments, time, index).

    Parameters
    ----------
    step : int
        Keep every ``step``-th sample (50 gives 200 Hz, the ISB page's suggestion).
    cutoff : float or None
        Low-pass cutoff, Hz, for the point trajectories (and the force, if
        ``filter_force``); None for no filter.
    noise : float
        Standard deviation of Gaussian noise added to every point coordinate, m.
    force_noise : float
        Standard deviation of Gaussian noise added to each force component, N.
    filter_force : bool
        Filter the force at the same cutoff.
    rng : numpy.random.Generator, optional
        Source of the noise.

    Returns
    -------
    run : biomech.data.IsbRunning
    moment_ccw : ndarray, shape (m, 3)
        Ankle, knee, hip moments, data convention, N m.
    index : ndarray, shape (m,)
        The indices of the 10 kHz samples kept.

    Examples
    --------
    >>> run, m, idx = isb_inverse_dynamics(step=50)
    >>> m.shape
    (121, 3)
    """
    from ..data import ISB_SEGMENTS, load_isb_running

    run = load_isb_running()
    idx = np.arange(0, run.time.size, step)
    t = run.time[idx]
    pts = run.points[idx].copy()
    force = run.force[idx].copy()
    cop = run.cop[idx]
    if noise or force_noise:
        rng = np.random.default_rng(0) if rng is None else rng
        pts += rng.normal(0.0, noise, pts.shape) if noise else 0.0
        force += rng.normal(0.0, force_noise, force.shape) * (force[:, 1:2] != 0) if force_noise else 0.0
    kin = segment_kinematics(t, pts, ISB_SEGMENTS["com_fraction"], cutoff=cutoff)
    mz = np.zeros(t.size)
    if cutoff is not None and filter_force:
        fs = 1.0 / (t[1] - t[0])
        mz = lowpass(_cross(cop, force), fs, cutoff)
        force = lowpass(force, fs, cutoff, axis=0)
        cop = np.zeros_like(cop)
    res = bottom_up_inverse_dynamics(kin.joints, kin.com, kin.com_acc, kin.alpha, ISB_SEGMENTS["mass"],
                                     ISB_SEGMENTS["inertia"], force, cop, mz)
    return run, res.moment_ccw, idx


def _rms(e: np.ndarray, axis=0) -> np.ndarray:
    return np.sqrt(np.mean(np.square(e), axis=axis))


def isb_cutoff_study(cutoffs: Sequence[float] = (4, 6, 8, 10, 12, 15, 20, 25, 30), noise: float = 0.001,
                     force_noise: float = 0.0, repeats: int = 10, seed: int = 1996,
                     filter_force: bool = True) -> dict:
    """RMS joint-moment error against the ISB truth for a range of low-pass cutoffs.

    The protocol of the ISB page (van den Bogert, "Inverse dynamics benchmark data"):
    resample to 200 Hz (every 50th sample), add noise, low-pass filter, solve, compare with the
    known moments; repeat with fresh noise (the generator is seeded once, not per repeat). The
    page names no noise level: the default, 1 mm (standard deviation, every coordinate,
    independent samples), is a choice typical of camera systems, stated in the docs. The force
    is noise-free by default. Errors are taken over stance (frames with a non-zero vertical
    force), where the moments are large.

    Parameters
    ----------
    cutoffs : sequence of float
        Cutoffs to try, Hz.
    noise, force_noise : float
        Noise standard deviations, m and N.
    repeats : int
        Noise realisations per cutoff.
    seed : int
        Seed of the one generator used for all repeats and cutoffs.
    filter_force : bool
        Filter the force at the same cutoff as the kinematics.

    Returns
    -------
    dict
        ``cutoffs`` (k,), ``rms`` (k, 3) mean over repeats of the stance RMS error at ankle,
        knee, hip (N m), ``rms_sd`` (k, 3) their standard deviation, ``total`` (k,) the root
        of the summed squares of the three joints, ``best`` the cutoff with the smallest total.

    Examples
    --------
    >>> s = isb_cutoff_study(cutoffs=(10,), repeats=1)
    >>> s["rms"].shape
    (1, 3)
    """
    rng = np.random.default_rng(seed)
    cutoffs = np.asarray(cutoffs, dtype=float)
    out = np.empty((cutoffs.size, repeats, 3))
    for k, fc in enumerate(cutoffs):
        for r in range(repeats):
            run, m, idx = isb_inverse_dynamics(step=50, cutoff=float(fc), noise=noise, force_noise=force_noise,
                                               filter_force=filter_force, rng=rng)
            stance = run.contact[idx]
            out[k, r] = _rms(m[stance] - run.moment[idx][stance])
    rms = out.mean(axis=1)
    total = np.sqrt(np.sum(rms ** 2, axis=1))
    return {"cutoffs": cutoffs, "rms": rms, "rms_sd": out.std(axis=1), "total": total,
            "best": float(cutoffs[np.argmin(total)]), "noise": noise, "force_noise": force_noise,
            "repeats": repeats, "filter_force": filter_force}


#: Winter's (2009) Table 4.1 segment parameters for the Appendix A subject (56.7 kg): mass
#: fractions foot 0.0145, leg 0.0465, thigh 0.100 of body mass; radius of gyration about the
#: centre of mass foot 0.475, leg 0.302, thigh 0.323 of segment length (Winter 2009, Table 4.1,
#: after Dempster 1955). Segment lengths come from the data: ankle to knee and knee to hip
#: (Table A.2), and for the foot twice the ankle to centre-of-mass distance (A.3 puts the
#: foot's centre of mass midway between the ankle and the fifth metatarsal).
WINTER_TABLE_4_1 = {
    "body_mass": 56.7,
    "mass_fraction": np.array([0.0145, 0.0465, 0.100]),
    "gyration_fraction": np.array([0.475, 0.302, 0.323]),
}

#: Segment masses (kg) and inertias (kg m^2) that close Winter's Tables A.3 and A.5 best,
#: fitted by least squares to the Newton-Euler equations (foot, leg, thigh; see
#: ``biomech/data/winter_appendix_a/PROVENANCE.md``).
WINTER_FITTED = {"mass": np.array([0.794, 2.664, 5.670]), "inertia": np.array([0.0028, 0.0350, 0.0535])}


def winter_appendix_a_check(parameters: str = "table_4_1") -> dict:
    """Recompute Winter's (2009) Table A.5 moments from his Tables A.2, A.3 and A.5 forces.

    Uses the book's own segment kinematics (A.3: centre-of-mass accelerations and angular
    accelerations), the joint positions of A.2 (lateral malleolus, femoral epicondyle,
    greater trochanter), the ground reaction and centre of pressure of A.5 (on y = 0), and
    either Winter's Table 4.1 segment parameters for a 56.7 kg subject (``"table_4_1"``) or the
    parameters fitted to the tables (``"fitted"``, :data:`WINTER_FITTED`).

    Returns
    -------
    dict
        ``frame`` (n,), ``stance`` (bool, n), ``computed`` and ``table`` (n, 3) ankle, knee,
        hip moments in the data convention (N m), ``mass`` and ``inertia`` used.

    Examples
    --------
    >>> r = winter_appendix_a_check()
    >>> r["computed"].shape
    (106, 3)
    """
    from ..data import load_winter_table

    a2, a3, a5 = load_winter_table("a2"), load_winter_table("a3"), load_winter_table("a5")
    segs = ("foot", "leg", "thigh")
    com = np.stack([np.column_stack([a3[f"{s}_com_x_m"], a3[f"{s}_com_y_m"]]) for s in segs], axis=1)
    acc = np.stack([np.column_stack([a3[f"{s}_com_ax_m_s2"], a3[f"{s}_com_ay_m_s2"]]) for s in segs], axis=1)
    alpha = np.column_stack([a3[f"{s}_alpha_rad_s2"] for s in segs])
    joints = np.stack([np.column_stack([a2[f"{j}_x_m"], a2[f"{j}_y_m"]]) for j in ("ankle", "knee", "hip")], axis=1)
    force = np.column_stack([a5["foot_ground_rx_N"], a5["foot_ground_ry_N"]])
    cop = np.column_stack([a5["cop_x_m"], np.zeros_like(a5["cop_x_m"])])
    if parameters == "table_4_1":
        p = WINTER_TABLE_4_1
        mass = p["body_mass"] * p["mass_fraction"]
        # segment lengths: foot = ankle to the foot's centre of mass doubled (the COM is the
        # ankle-MT5 midpoint, A.3); leg = ankle-knee; thigh = knee-hip (A.2), per frame, averaged
        lengths = np.array([
            np.mean(2 * np.hypot(*(com[:, 0] - joints[:, 0]).T)),
            np.mean(np.hypot(*(joints[:, 1] - joints[:, 0]).T)),
            np.mean(np.hypot(*(joints[:, 2] - joints[:, 1]).T)),
        ])
        inertia = mass * (p["gyration_fraction"] * lengths) ** 2
    elif parameters == "fitted":
        mass, inertia = WINTER_FITTED["mass"], WINTER_FITTED["inertia"]
    else:
        raise InputValueError(f"parameters={parameters!r} is unknown; 'table_4_1' or 'fitted' is expected.")
    res = bottom_up_inverse_dynamics(joints, com, acc, alpha, mass, inertia, force, cop)
    table = np.column_stack([a5["foot_ankle_moment_Nm"], a5["leg_knee_moment_Nm"], a5["thigh_hip_moment_Nm"]])
    frame = a5["frame"].astype(int)
    stance = (frame >= 28) & (frame <= 69)   # right heel contact at frame 28, toe-off at 70 (A.5 STATE)
    return {"frame": frame, "stance": stance, "computed": res.moment_ccw, "table": table,
            "mass": mass, "inertia": inertia}


def _markdown_report() -> str:  # pragma: no cover - exercised by the docs generation
    lines = []
    run, m, idx = isb_inverse_dynamics(step=1)
    st = run.contact
    e = m - run.moment
    lines.append("ISB running, raw 10 kHz, no filter: RMS error (N m), ankle / knee / hip")
    lines.append(f"- stance ({st.sum()} samples): " + " / ".join(f"{v:.3f}" for v in _rms(e[st])))
    lines.append(f"- whole file ({st.size} samples): " + " / ".join(f"{v:.3f}" for v in _rms(e)))
    lines.append("")
    for ff in (True, False):
        s = isb_cutoff_study(filter_force=ff)
        lines.append(f"ISB protocol, 200 Hz, position noise {s['noise'] * 1000:g} mm, {s['repeats']} repeats, "
                     f"force {'filtered at the same cutoff' if ff else 'not filtered'}; stance RMS error (N m)")
        lines.append("")
        lines.append("| cutoff (Hz) | ankle | knee | hip | combined |")
        lines.append("|---:|---:|---:|---:|---:|")
        for k, fc in enumerate(s["cutoffs"]):
            r, sd = s["rms"][k], s["rms_sd"][k]
            lines.append(f"| {fc:g} | " + " | ".join(f"{r[j]:.2f} ± {sd[j]:.2f}" for j in range(3))
                         + f" | {s['total'][k]:.2f} |")
        lines.append(f"\nbest cutoff: {s['best']:g} Hz\n")
    lines.append("Noise level and the best cutoff (force filtered at the same cutoff; combined stance RMS, N m)")
    lines.append("")
    levels = (0.0, 0.0005, 0.001, 0.002)
    studies = [isb_cutoff_study(noise=nz, repeats=1 if nz == 0 else 10) for nz in levels]
    lines.append("| cutoff (Hz) | " + " | ".join(f"{nz * 1000:g} mm" for nz in levels) + " |")
    lines.append("|---:|" + "---:|" * len(levels))
    for k, fc in enumerate(studies[0]["cutoffs"]):
        lines.append(f"| {fc:g} | " + " | ".join(f"{st['total'][k]:.2f}" for st in studies) + " |")
    lines.append("| best | " + " | ".join(f"{st['best']:g} Hz" for st in studies) + " |")
    lines.append("")
    for par in ("table_4_1", "fitted"):
        w = winter_appendix_a_check(par)
        st = w["stance"]
        d = w["computed"][st] - w["table"][st]
        peak = np.max(np.abs(w["table"][st]), axis=0)
        lines.append(f"Winter Appendix A, stance frames 28-69, parameters {par} "
                     f"(mass {np.round(w['mass'], 3).tolist()} kg, inertia {np.round(w['inertia'], 4).tolist()} kg m^2)")
        lines.append("- RMS (N m) ankle / knee / hip: " + " / ".join(f"{v:.2f}" for v in _rms(d)))
        lines.append("- max |error| (N m): " + " / ".join(f"{v:.2f}" for v in np.max(np.abs(d), axis=0)))
        lines.append("- peak |moment| (N m): " + " / ".join(f"{v:.1f}" for v in peak))
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(_markdown_report())
