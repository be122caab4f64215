"""Muscle demand with the Rajagopal-Lai-Uhlrich (2023) muscle set: 40 muscles per leg.

Unit-free kernels (SI, degrees for angles as the tables take them); :func:`biomech.muscles.muscle_demand`
calls them with ``model="rajagopal2023"``.

Problem solved per pose (static optimisation): activations a_k >= 0 with

    sum_k R_jk(theta) F_k(theta) a_k = M_j     for j = ankle, knee, hip (sagittal),
                                                 hip adduction, hip rotation,

minimising sum a_k^p (p = 2 or 3), or the largest a_k (min-max; tie-break in
:data:`~biomech.muscles.sharing.MINMAX_SLACK`). F_k = F0_k x (body mass / model mass) x
f_L(fibre length) x cos(pennation): the model's maximal isometric force, scaled with body
mass (Handsfield et al. 2014, J Biomech 47:631: muscle volume grows with mass x height, and
optimal fibre lengths scale with height in a scaled model, so PCSA grows with mass), times
the active force-length curve (Thelen 2003) at the fibre length a rigid tendon gives.

Frontal and transverse hip moments. A sagittal-only sharing lets the adductor magnus and the
gluteus medius extend or flex the hip at no cost in the frontal plane. With
``hold_frontal="adduction"`` (default) the net hip adduction moment is held at the given value,
zero by default (in a symmetric bilateral squat the two hips share the load and the net frontal
hip moment is small next to the sagittal one: an assumption stated in the result; a value
measured for a lifter can be passed), and ``unbalanced`` reports the internal-rotation moment
the solution leaves. With ``hold_frontal=True`` the rotation moment is held too. That is not the
default because the model has no deep external rotators of the hip (obturators, gemelli,
quadratus femoris): in deep flexion its hip extensors (upper gluteus maximus, piriformis) turn
the thigh inward and almost nothing in the model turns it back, so holding the rotation moment
at zero drafts the rectus femoris, sartorius and tensor fasciae latae and, at the knee, the
gastrocnemius against them (a 100 kg parallel squat at 120 deg of hip flexion: rectus femoris
0.76 of the knee moment, largest activation 6.0, against 0 and 2.4 with the adduction moment
alone held). With ``hold_frontal=False`` only the sagittal moments are matched and
``unbalanced`` reports both.

Hip angle: the hip flexion here is between the thigh and the pelvis (the model's
``hip_flexion``); :func:`~biomech.muscles.muscle_demand` passes the pose's
``joint_angles_rad()["hip"]``.

Examples
--------
>>> import numpy as np
>>> out = rajagopal_demand_si([90.0], [90.0], [20.0], np.array([[40.0, 150.0, 200.0]]))
>>> round(float(np.abs(out["residual"]).max()), 6)
0.0
"""

from __future__ import annotations

import numpy as np

from ..errors import InputValueError
from .rajagopal import ARM_ROWS, GROUPS, KEYS, force_length_multiplier, tables
from .sharing import share_activations, share_minmax

__all__ = ["rajagopal_demand_si", "arm_scale_factors", "max_forces", "group_sums", "share_band",
           "antagonist_moment", "patellofemoral_rajagopal", "BAND_METHODS", "tibiofemoral_rajagopal",
           "tibiofemoral_free_body", "KNEE_CROSSERS"]

#: The solutions whose spread is reported as the band of shares.
BAND_METHODS = (2, 3, "minmax")


def arm_scale_factors(lengths=None):
    """Per row of :data:`~biomech.muscles.rajagopal.ARM_ROWS`, the factor moment arms are
    multiplied by for a body of ``lengths`` (``{"thigh", "shank"}`` in m; None = 1).

    As the OpenSim scale tool moves path points with their segment's scale factor: hip arms
    (all three axes) scale with the thigh length over the model's thigh (pelvis and femur
    scaled alike), ankle arms with the shank, knee arms (femoral condyles, patella and tibia
    together) with the mean of the two ratios.

    >>> f = arm_scale_factors({"thigh": tables().body["thigh_m"] * 1.1, "shank": tables().body["shank_m"]})
    >>> [round(float(x), 3) for x in f]
    [1.0, 1.05, 1.1, 1.1, 1.1]
    """
    if lengths is None:
        return np.ones(len(ARM_ROWS))
    b = tables().body
    try:
        th = float(lengths["thigh"]) / b["thigh_m"]
        sh = float(lengths["shank"]) / b["shank_m"]
    except (KeyError, TypeError, ValueError):
        raise InputValueError(f"lengths={lengths!r}: expected a dict with thigh and shank lengths (m).") from None
    if not (np.isfinite(th) and np.isfinite(sh) and th > 0 and sh > 0):
        raise InputValueError(f"lengths={lengths!r}: expected positive thigh and shank lengths (m).")
    return np.array([sh, 0.5 * (th + sh), th, th, th])


def max_forces(mass_kg=None, max_force=None):
    """Maximal isometric force per muscle (N, table order): the model's, times body mass over
    the model's mass (75.3 kg) when ``mass_kg`` is given, with ``max_force`` ({key: N})
    replacing any muscle's value (a user's own measurement).

    >>> round(float(max_forces(75.337)[KEYS.index("soleus")]))
    6195
    """
    t = tables()
    F = t.max_isometric_force.copy()
    if mass_kg is not None:
        m = float(mass_kg)
        if not (np.isfinite(m) and m > 0):
            raise InputValueError(f"mass_kg={mass_kg!r}: expected a positive body mass in kg.")
        F = F * m / t.body["mass_kg"]
    if max_force:
        if not isinstance(max_force, dict):
            raise InputValueError(f"max_force={max_force!r}: expected a dict {{muscle key: force in N}}.")
        for k, v in max_force.items():
            if k not in KEYS:
                raise InputValueError(f"max_force has {k!r}, not a muscle of the model; keys: {KEYS}.")
            try:
                fv = float(getattr(v, "magnitude", v) if not hasattr(v, "to") else v.to("N").magnitude)
            except Exception:
                raise InputValueError(f"max_force[{k!r}]={v!r}: expected a force in N.") from None
            if not (np.isfinite(fv) and fv > 0):
                raise InputValueError(f"max_force[{k!r}]={v!r}: expected a positive force in N.")
            F[KEYS.index(k)] = fv
    return F


def antagonist_moment(contrib, net):
    """Moment (>= 0, N*m) that muscles acting against the net moment add at each joint:
    (sum |R_jk F_k| - |M_j|) / 2, i.e. what the agonists make beyond the net moment.

    >>> float(antagonist_moment(np.array([[[30.0, -10.0]]]), np.array([[20.0]]))[0, 0])
    10.0
    """
    return np.maximum(0.5 * (np.sum(np.abs(contrib), axis=-1) - np.abs(net)), 0.0)


def _solve(A, M, p):
    if p == "minmax":
        return share_minmax(A, M)
    return share_activations(A, M, p=float(p))


def _held_rows(hold_frontal):
    """Rows of the moment-arm array held besides the sagittal three: 3 = hip adduction, 4 = rotation."""
    if isinstance(hold_frontal, str) and hold_frontal == "adduction":
        return [3]
    if isinstance(hold_frontal, (bool, np.bool_)):
        return [3, 4] if hold_frontal else []
    raise InputValueError(f"hold_frontal={hold_frontal!r}: expected 'adduction' (hold the hip adduction moment), "
                          "True (adduction and rotation) or False (neither).")


def rajagopal_demand_si(hip_deg, knee_deg, ankle_deg, moments, *, hip_frontal=None, hold_frontal="adduction", p=2,
                        lengths=None, mass_kg=None, max_force=None):
    """Muscle forces of the 40-muscle model for many poses (unit-free kernel).

    Parameters
    ----------
    hip_deg, knee_deg, ankle_deg : array_like (N,)
        Hip flexion (thigh to pelvis), knee flexion, ankle dorsiflexion, deg.
    moments : ndarray (N, 3)
        Net ankle, knee, hip moments the muscles make, N*m, library signs (+ plantarflexor,
        + extensor).
    hip_frontal : ndarray (N, 2), optional
        Hip adduction and internal-rotation moments to hold, N*m (OpenSim signs); default 0.
    hold_frontal : {"adduction", True, False}
        Hold the adduction moment only (default; the rotation moment is reported in
        ``unbalanced``), both, or neither (both reported).
    p : {2, 3, "minmax"}
    lengths : dict, optional
        ``{"thigh", "shank"}`` m: scale the moment arms (:func:`arm_scale_factors`).
    mass_kg : float, optional
        Body mass for the strength scaling (:func:`max_forces`); None = the model's.
    max_force : dict, optional
        ``{key: N}`` a user's own maximal forces.

    Returns
    -------
    dict
        ``force``, ``activation``, ``max_force`` (N, 40); ``arms`` (N, 5, 40) m;
        ``share`` (N, 3, 40) of the sagittal moments; ``antagonist`` (N, 3) N*m;
        ``unbalanced`` (N, 2) N*m (frontal and transverse hip moments of the solution minus
        the held values: ~0 when held); ``residual`` (N, 3) N*m; ``beyond`` (N, 3) bool;
        ``fiber_length`` (N, 40) normalised.
    """
    if isinstance(p, bool) or p not in (2, 3, 2.0, 3.0, "minmax"):
        raise InputValueError(f"p={p!r}: expected 2, 3 or 'minmax'.")
    t = tables()
    try:
        M = np.asarray(moments, dtype=float)
    except (TypeError, ValueError):
        raise InputValueError("moments: expected a numeric (N, 3) array in N*m.") from None
    arms, length, beyond = t.evaluate(hip_deg, knee_deg, ankle_deg)
    n = arms.shape[0]
    if M.shape != (n, 3) or not np.all(np.isfinite(M)):
        raise InputValueError(f"moments has shape {M.shape}; expected finite values of shape ({n}, 3) "
                              "(ankle, knee, hip in N*m).")
    H = np.zeros((n, 2)) if hip_frontal is None else np.asarray(hip_frontal, dtype=float)
    if H.shape != (n, 2) or not np.all(np.isfinite(H)):
        raise InputValueError(f"hip_frontal has shape {H.shape}; expected finite ({n}, 2) N*m.")
    arms = arms * arm_scale_factors(lengths)[None, :, None]
    lf = t.fiber_length(length)
    sin_pen = np.clip(np.sin(t.pennation) / lf, 0.0, 1.0)  # constant-thickness pennation
    Fmax = max_forces(mass_kg, max_force)[None, :] * force_length_multiplier(lf) * np.sqrt(1.0 - sin_pen ** 2)
    A = arms * Fmax[:, None, :]
    held = _held_rows(hold_frontal)
    a = _solve(A[:, [0, 1, 2, *held]], np.concatenate([M, H[:, [r - 3 for r in held]]], axis=1), p)
    force = a * Fmax
    contrib = arms * force[:, None, :]
    made = contrib.sum(axis=-1)
    sag = contrib[:, :3]
    denom = np.broadcast_to(M[..., None], sag.shape)
    share = np.divide(sag, denom, out=np.zeros_like(sag), where=np.abs(denom) > 1e-9)
    return {"force": force, "activation": a, "max_force": Fmax, "arms": arms, "share": share,
            "antagonist": antagonist_moment(sag, M), "unbalanced": made[:, 3:] - H,
            "residual": made[:, :3] - M, "beyond": beyond, "fiber_length": lf, "length": length}


def group_sums(values, axis=-1):
    """``{muscle or group key: values summed over its members}`` from per-muscle values in
    table order along ``axis``.

    >>> v = group_sums(np.ones(40))
    >>> float(v["quadriceps"]), float(v["hamstrings"]), float(v["biceps_femoris_short_head"])
    (4.0, 3.0, 1.0)
    """
    v = np.moveaxis(np.asarray(values, float), axis, -1)
    out = {k: v[..., i] for i, k in enumerate(KEYS)}
    for g, members in GROUPS.items():
        out[g] = sum(out[m] for m in members)
    return out


def share_band(hip_deg, knee_deg, ankle_deg, moments, methods=BAND_METHODS, **kw):
    """Each group's share of each sagittal joint moment under every cost in ``methods``, and
    the band (min, max) across them.

    Returns
    -------
    dict
        ``{"by_method": {method: {joint: {key: (N,)}}}, "low": {joint: {key: (N,)}},
        "high": {...}, "antagonist": {method: (N, 3)}}``.

    Examples
    --------
    >>> import numpy as np
    >>> b = share_band([90.0], [90.0], [20.0], np.array([[40.0, 150.0, 200.0]]))
    >>> bool(b["low"]["hip"]["glutes"][0] <= b["high"]["hip"]["glutes"][0])
    True
    """
    by, anta = {}, {}
    for m in methods:
        out = rajagopal_demand_si(hip_deg, knee_deg, ankle_deg, moments, p=m, **kw)
        by[m] = {j: group_sums(out["share"][:, jj]) for jj, j in enumerate(("ankle", "knee", "hip"))}
        anta[m] = out["antagonist"]
    low = {j: {k: np.min([by[m][j][k] for m in methods], axis=0) for k in by[methods[0]][j]} for j in by[methods[0]]}
    high = {j: {k: np.max([by[m][j][k] for m in methods], axis=0) for k in by[methods[0]][j]} for j in by[methods[0]]}
    return {"by_method": by, "low": low, "high": high, "antagonist": anta}


# -------------------------------------------------------------------------------------
# Contact forces

def patellofemoral_rajagopal(quadriceps_forces, knee_deg):
    """Patellofemoral and tendofemoral contact forces (N) from the four quadriceps forces.

    The patella is in equilibrium under the quadriceps forces, each along its own path where
    it reaches the patella (from the model's tables: the paths wrap the femoral condyles in
    deep flexion), the patellar tendon force, and the femur's contact. The patellar tendon
    force is the quadriceps force over the cadaver ratio F_Q/F_P of Buff, Jones & Hungerford
    (1988, J Biomech 21:17; 0.86 at 10 deg to 1.55 at 70 deg, ends held:
    :func:`~biomech.muscles.contact.quadriceps_to_patellar_ratio`), along the patellar
    ligament at the angle to the shank of van Eijden et al. (1985, digitised; held past
    120 deg). Tendofemoral contact: where a path wraps the femur the tendon presses on it
    with F x |u_in - u_out| (the turn of the path), reported apart from the patellofemoral force.

    Parameters
    ----------
    quadriceps_forces : dict
        ``{"vastus_medialis", "vastus_lateralis", "vastus_intermedius", "rectus_femoris"}``:
        arrays (N,), N.
    knee_deg : array (N,), deg of flexion.

    Returns
    -------
    (patellofemoral, tendofemoral) : arrays (N,), N

    Examples
    --------
    >>> f = {k: np.array([250.0]) for k in ("vastus_medialis", "vastus_lateralis", "vastus_intermedius",
    ...                                     "rectus_femoris")}
    >>> pf, tf = patellofemoral_rajagopal(f, np.array([90.0]))
    >>> 900 < float(pf[0]) < 1300, float(tf[0]) < 100
    (True, True)
    """
    from .contact import VAN_EIJDEN1985_LIGAMENT_ANGLE, quadriceps_to_patellar_ratio
    k = np.asarray(knee_deg, float)
    geo = tables().quadriceps_directions(k)
    total = np.zeros(k.shape + (2,))
    fq = np.zeros(k.shape)
    tendofemoral = np.zeros(k.shape)
    for key, (u, tf) in geo.items():
        f = np.asarray(quadriceps_forces[key], float)
        total = total + f[..., None] * u
        fq = fq + f
        tendofemoral = tendofemoral + f * tf
    fp = fq / quadriceps_to_patellar_ratio(np.radians(k))
    th = np.radians(k)
    alpha = np.radians(np.interp(k, *VAN_EIJDEN1985_LIGAMENT_ANGLE))
    prox = np.stack([np.sin(th), np.cos(th)], -1)      # shank's proximal axis, femur frame
    ant = np.stack([np.cos(th), -np.sin(th)], -1)      # shank's anterior axis
    lig = np.cos(alpha)[..., None] * prox + np.sin(alpha)[..., None] * ant  # tuberosity -> patella
    contact = total - fp[..., None] * lig
    return np.linalg.norm(contact, axis=-1), tendofemoral


#: Muscles crossing the knee other than the quadriceps: their pull on the leg below the knee
#: enters the tibiofemoral force along their lines of action at the tibia.
KNEE_CROSSERS = ("biceps_femoris_long_head", "biceps_femoris_short_head", "semimembranosus", "semitendinosus",
                 "gracilis", "sartorius", "tensor_fasciae_latae", "gastrocnemius_medial", "gastrocnemius_lateral")


def _tibia_pull(forces, knee_deg, hip_deg, ankle_deg):
    """(along, across) the shank (N): the patellar tendon at its van Eijden angle plus every other
    knee-crossing muscle along its line of action at the tibia from the model's tables, or along
    the shank where no hip and ankle angles are given or the tables have no line for it."""
    from .contact import VAN_EIJDEN1985_LIGAMENT_ANGLE, quadriceps_to_patellar_ratio
    k = np.asarray(knee_deg, float)
    fq = sum(np.asarray(forces[m], float) for m in GROUPS["quadriceps"])
    fp = fq / quadriceps_to_patellar_ratio(np.radians(k))
    alpha = np.radians(np.interp(k, *VAN_EIJDEN1985_LIGAMENT_ANGLE))
    along, across = fp * np.cos(alpha), fp * np.sin(alpha)
    lines = {}
    if hip_deg is not None and ankle_deg is not None:
        h, kk, a = np.broadcast_arrays(np.asarray(hip_deg, float), k, np.asarray(ankle_deg, float))
        lines = tables().tibia_directions(h.reshape(-1), kk.reshape(-1), a.reshape(-1))
    for m in KNEE_CROSSERS:
        f = np.asarray(forces[m], float)
        if m in lines:
            u = lines[m].reshape(k.shape + (2,)) if k.ndim else lines[m][0]
            along = along + f * u[..., 0]
            across = across + f * u[..., 1]
        else:
            along = along + f
    return along, across


def tibiofemoral_rajagopal(forces, knee_deg, hip_deg=None, ankle_deg=None):
    """Tibiofemoral compression and anterior shear (N) from the muscle forces (dict by key,
    arrays (N,)) alone: the patellar tendon (as :func:`patellofemoral_rajagopal`) at the van
    Eijden angle, every other muscle crossing the knee along its line of action at the tibia
    (:meth:`~biomech.muscles.rajagopal.RajagopalTables.tibia_directions`, given ``hip_deg`` and
    ``ankle_deg``; without them, along the shank). External and pad forces on the shank are
    not included.

    >>> f = {k: np.array([0.0]) for k in KEYS}
    >>> [float(x[0]) for x in tibiofemoral_rajagopal(f, np.array([60.0]))]
    [0.0, 0.0]
    >>> f["semimembranosus"] = np.array([1000.0])        # at 90 deg the hamstrings pull the tibia back
    >>> c, s = tibiofemoral_rajagopal(f, np.array([90.0]), np.array([0.0]), np.array([0.0]))
    >>> abs(float(c[0])) < 50.0, float(s[0]) < -990.0
    (True, True)
    """
    return _tibia_pull(forces, knee_deg, hip_deg, ankle_deg)


def tibiofemoral_free_body(forces, knee_deg, shank_lean_rad, thigh_on_shank, thigh_calf=None, hip_deg=None,
                           ankle_deg=None):
    """Tibiofemoral compression and anterior shear (N) from the free body of the shank.

    The shank is held by the force the thigh side passes through the knee
    (``thigh_on_shank``: the intersegmental force, world x forward / y up, N, shape (N, 2);
    for a lift standing on the feet it is the resultant of every external force above the
    knee, bar and pads included), the muscle forces on the leg below the knee (the patellar
    tendon along the ligament at its van Eijden (1985) angle, every other muscle crossing the
    knee along its line of action at the tibia from the model's tables, given ``hip_deg`` and
    ``ankle_deg``; without them, along the shank), the thigh-calf contact (``thigh_calf``, N,
    pressing the calf at right angles to the shank) and the femur's contact. The femur's
    contact is what is left:

        compression   = (F_muscles - F_thigh_on_shank) . tibial axis (proximal)
        anterior shear = (F_muscles + F_thigh_calf - F_thigh_on_shank) . shank's forward normal

    Parameters
    ----------
    forces : dict of arrays (N,), N, by muscle key.
    knee_deg : array (N,), deg.
    shank_lean_rad : array (N,), the shank's tilt from vertical (knee ahead of the ankle +).
    thigh_on_shank : array (N, 2), N.
    thigh_calf : array (N,), N, optional.
    hip_deg, ankle_deg : arrays (N,), deg, optional (the muscles' lines of action).

    Examples
    --------
    >>> f = {k: np.array([0.0]) for k in KEYS}
    >>> c, s = tibiofemoral_free_body(f, np.array([0.0]), np.array([0.0]), np.array([[0.0, -350.0]]))
    >>> float(c[0]), float(s[0])
    (350.0, 0.0)
    """
    s = np.asarray(shank_lean_rad, float)
    ext = np.asarray(thigh_on_shank, float)
    prox = np.stack([np.sin(s), np.cos(s)], -1)
    fwd = np.stack([np.cos(s), -np.sin(s)], -1)
    along, across = _tibia_pull(forces, knee_deg, hip_deg, ankle_deg)
    across = across + (0.0 if thigh_calf is None else np.asarray(thigh_calf, float))
    compression = along - np.einsum("...i,...i->...", ext, prox)
    shear = across - np.einsum("...i,...i->...", ext, fwd)
    return compression, shear
