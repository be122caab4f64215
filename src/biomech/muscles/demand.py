"""Joint moments to muscle demand: forces, activations, shares, contact loads, effort.

:func:`muscle_demand` takes any result that holds poses and net joint moments (a static
``joint_moments`` result, an ``inverse_dynamics`` result over time, an exercise, a
split-stance exercise) and returns a :class:`MuscleDemand` (or a :class:`SplitDemand`
with ``.front`` and ``.rear``). :func:`muscle_demand_si` is the unit-free kernel.

Limits, stated in every result (``.limits``): static (no force-velocity term), tendon
compliance as a fixed share of the ankle excursion (triceps surae only), a passive locked
knee, a sagittal nine-muscle model, and static optimisation's known suppression of
co-contraction, which makes the gluteus maximus / hamstrings split partly a product of
the method (compare ``p=2`` with ``p=3``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..errors import InputValueError
from ..mechanics.results import ResultBase
from ..units import quantity, to_si
from .catalog import GROUPS, JOINTS, check_muscles, default_muscles, moment_arm_scale, scaling_lengths
from .architecture import MAX_STRESS
from .contact import l5s1_compression, patellofemoral_compression, tibiofemoral_forces
from .sharing import share_activations
from .strength import relative_effort

__all__ = ["MuscleDemand", "SplitDemand", "muscle_demand", "muscle_demand_si", "moment_matrix", "LIMITS",
           "locked_knee_moment", "KNEE_LOCK_RAD", "body_scaling_lengths"]

LIMITS = (
    "static: no force-velocity or activation dynamics",
    "series elasticity as a fixed share of the ankle-driven muscle-tendon excursion reaching the "
    "triceps surae fibres (Maganaris et al. 1998, MVC); no tendon force-strain equilibrium; "
    "other muscles have no force-length term",
    "a knee-flexor net moment at a straight knee (<= 5 deg) is carried by the passive posterior "
    "structures (knee_lock=True, the default), not by the muscles",
    "sagittal plane, nine muscles (groups), one moment arm curve each, scaled with body size "
    "(height, or shank length for the gastrocnemius knee arm) but not with individual shape",
    "static optimisation suppresses co-contraction; the gluteus maximus / hamstrings split "
    "is partly an artefact of the cost (compare p=2 and p=3)",
    "hip moment arms from straight-line / via-point geometry (Dostal & Andrews 1981, Delp et al. "
    "1990), held at their 90 deg values in deeper flexion; the hamstrings' knee arm from the Delp 1990 "
    "model paths, held at its 90 deg value beyond",
    "patellofemoral force takes both tendons along their bones (no quadriceps-tendon wrapping): "
    "high in deep flexion",
)


def moment_matrix(angles, muscles, max_stress=MAX_STRESS, lengths=None):
    """Moment per unit activation (N*m), shape (N, 3, K), signed moment arms (m), shape
    (N, 3, K), and maximal forces (N, K).

    Parameters
    ----------
    angles : dict
        {"ankle", "knee", "hip"}: 1-D arrays of joint angles in radians (library signs).
    muscles : sequence of Muscle
    max_stress : float
        Pa.
    lengths : dict, optional
        Body lengths (m) from :func:`~biomech.muscles.catalog.scaling_lengths`; each curve's
        moment arm is multiplied by its :func:`~biomech.muscles.catalog.moment_arm_scale`.
        None (default): the curves as published, for their source's body.
    """
    n = np.asarray(angles["knee"]).shape[0]
    K = len(muscles)
    R = np.zeros((n, len(JOINTS), K))
    F = np.empty((n, K))
    for k, m in enumerate(muscles):
        F[:, k] = m.pcsa * max_stress * (m.force_length(angles) if m.force_length is not None else 1.0)
        for j, joint in enumerate(JOINTS):
            if joint in m.arms:
                sign, curve = m.arms[joint]
                R[:, j, k] = sign * moment_arm_scale(curve, lengths) * curve(angles[joint])
    return R * F[:, None, :], R, F


def muscle_demand_si(angles, moments, muscles=None, p=2.0, lengths=None):
    """Unit-free kernel: forces (N), activations and per-joint shares for many poses.

    Parameters
    ----------
    angles : dict of 1-D arrays (rad), keys ankle, knee, hip.
    moments : ndarray (N, 3), N*m, anatomical signs, columns ankle, knee, hip.
    muscles : sequence of Muscle, default :func:`default_muscles`.
    p : float, cost exponent.
    lengths : dict, optional
        ``{"height", "shank", "thigh"}`` in m (:func:`~biomech.muscles.catalog.scaling_lengths`)
        to scale the moment arms to a body; None = unscaled (the sources' bodies).

    Returns
    -------
    dict with "force" (N, K), "activation" (N, K), "moment_arm" (N, 3, K) in m,
    "share" (N, 3, K).

    Examples
    --------
    >>> import numpy as np
    >>> ang = {"ankle": np.zeros(1), "knee": np.zeros(1), "hip": np.zeros(1)}
    >>> out = muscle_demand_si(ang, np.zeros((1, 3)))
    >>> float(out["force"].max())
    0.0
    """
    muscles = default_muscles() if muscles is None else check_muscles(muscles)
    if not isinstance(angles, dict) or any(j not in angles for j in JOINTS):
        raise InputValueError(f"angles={angles!r}: expected a dict with keys {JOINTS} (radians).")
    try:
        ang = {j: np.asarray(angles[j], dtype=float).reshape(-1) for j in JOINTS}
        M = np.asarray(moments, dtype=float)
    except (TypeError, ValueError):
        raise InputValueError("angles and moments must be numeric arrays (rad, N*m).") from None
    n = ang["knee"].shape[0]
    if any(a.shape != (n,) for a in ang.values()) or M.shape != (n, len(JOINTS)):
        raise InputValueError(f"moments has shape {M.shape}; expected ({n}, 3) to match the angles "
                              f"(shapes {[a.shape for a in ang.values()]}).")
    if not (np.all(np.isfinite(M)) and all(np.all(np.isfinite(a)) for a in ang.values())):
        raise InputValueError("angles and moments must be finite.")
    angles = ang
    if lengths is not None and (not isinstance(lengths, dict) or any(k not in lengths for k in ("height", "shank", "thigh"))):
        raise InputValueError(f"lengths={lengths!r}: expected None or a dict with keys height, shank, thigh (m); "
                              "build it with biomech.muscles.catalog.scaling_lengths.")
    A, R, Fmax = moment_matrix(angles, muscles, lengths=lengths)
    a = share_activations(A, moments, p=p)
    force = a * Fmax
    contrib = R * force[:, None, :]
    denom = np.broadcast_to(M[..., None], contrib.shape)
    share = np.divide(contrib, denom, out=np.zeros_like(contrib), where=np.abs(denom) > 1e-9)
    return {"force": force, "activation": a, "moment_arm": R, "share": share, "max_force": Fmax}


@dataclass(frozen=True)
class MuscleDemand:
    """Muscle-level demand for one leg over one or many poses.

    Attributes
    ----------
    force : dict of Quantity (N)
        Per muscle key, plus the groups ``quadriceps`` and ``triceps_surae``.
    activation : dict of ndarray
        Force / maximal force at that length (may exceed 1: see ``unmet``).
    share : dict of dict of ndarray
        ``share[joint][key]``: the muscle's moment over the joint's net moment (0 where
        the net moment is zero). Shares of a joint sum to 1; an antagonist's is negative.
    patellofemoral, tibiofemoral_compression, tibiofemoral_shear : Quantity (N)
    l5s1_compression : Quantity (N) or None
        None when the result holds no lumbar moment.
    relative_effort : dict of ndarray
        Joint moment over the maximal voluntary moment at that angle (Anderson et al. 2007).
    unmet : dict
        ``{joint: excess activation}`` for joints whose muscles need more than full
        activation somewhere (array, 0 where met); empty when everything is met.
    p : float
        Cost exponent used.
    limits : tuple of str
    notes : tuple of str
    passive : dict of Quantity (N*m)
        ``{"knee": ...}``: the knee-flexor moment (as a positive number) taken by the passive
        structures of a locked knee (``knee_lock=True``); 0 where none. The shares of the
        knee are of the moment the muscles carry.
    moment_arm_scale : dict
        ``{muscle: {joint: factor}}``: the factor each published moment arm was multiplied by
        for this body (1.0 everywhere when unscaled).
    """

    force: dict
    activation: dict
    share: dict
    patellofemoral: object
    tibiofemoral_compression: object
    tibiofemoral_shear: object
    l5s1_compression: object
    relative_effort: dict
    unmet: dict
    p: float
    limits: tuple = LIMITS
    notes: tuple = field(default=())
    passive: dict = field(default_factory=dict)
    moment_arm_scale: dict = field(default_factory=dict)

    def unmet_summary(self) -> str:
        """One line per joint the muscles cannot hold, or 'all joint moments are met'."""
        if not self.unmet:
            return "all joint moments are met"
        return "; ".join(f"{j}: activation {1 + float(np.max(v)):.2f} (exceeds full by {float(np.max(v)):.0%})"
                         for j, v in self.unmet.items())


@dataclass(frozen=True)
class SplitDemand:
    """Per-leg demand for a split stance: ``front`` and ``rear`` are :class:`MuscleDemand`."""

    front: MuscleDemand
    rear: MuscleDemand


def _q_to_si(value, name, unit="N*m"):
    return np.asarray(to_si(value, unit, name, finite=False), dtype=float)


def _body_numbers(r):
    body = getattr(r, "body", None)
    mass = height = None
    if body is not None:
        for attr in ("mass",):
            if getattr(body, attr, None) is not None:
                mass = float(np.asarray(to_si(getattr(body, attr), "kg", "body.mass")))
        for attr in ("height", "stature"):
            if getattr(body, attr, None) is not None:
                height = float(np.asarray(to_si(getattr(body, attr), "m", "body.height")))
                break
    return mass, height


def body_scaling_lengths(body=None, height_m=None):
    """Lengths (m) that scale the moment arms: from a :class:`biomech.Body` (its height, or
    for a body built from segments a height estimated from its thigh and shank, and its
    segment lengths), else from a height alone; None when neither is given.

    >>> import biomech as bm
    >>> b = bm.Body.from_anthropometrics("195 cm", "95 kg")
    >>> round(body_scaling_lengths(b)["height"], 2), round(body_scaling_lengths(b)["shank"], 3)
    (1.95, 0.493)
    """
    if body is not None:
        try:
            shank, thigh = float(body.shank.length_m), float(body.thigh.length_m)
        except AttributeError:
            raise InputValueError(f"body={type(body).__name__}: expected a biomech.Body with shank and "
                                  "thigh segments to scale the moment arms.") from None
        return scaling_lengths(getattr(body, "height_m", None), shank, thigh)
    if height_m is not None:
        return scaling_lengths(height_m=height_m)
    return None


#: Knee flexion (rad) at or below which the knee counts as straight and locked (5 deg; our choice).
KNEE_LOCK_RAD = np.radians(5.0)


def locked_knee_moment(knee_rad, knee_moment):
    """Knee-flexor moment (N*m, >= 0) carried passively by a straight, locked knee.

    At full extension the knee is locked: an external moment that would hyperextend it is
    resisted by the tightened posterior capsule and ligaments, with little or no muscle
    activity (the standing knee; Morrison 1970 J Biomech 3:51-61 on ligament restraint,
    and kinesiology texts). Where the knee flexion is at most :data:`KNEE_LOCK_RAD` and the
    net knee moment is a flexor moment (negative, library signs), all of it is assigned to
    those passive structures; elsewhere 0. No capacity limit is modelled.

    >>> float(locked_knee_moment(0.0, -40.0)), float(locked_knee_moment(0.5, -40.0))
    (40.0, 0.0)
    """
    k = np.asarray(knee_rad, dtype=float)
    m = np.asarray(knee_moment, dtype=float)
    return np.where((k <= KNEE_LOCK_RAD) & (m < 0.0), -m, 0.0)


def _single(value, name: str) -> float:
    """One number (a body's mass or height does not sweep)."""
    if np.ndim(value) != 0:
        raise InputValueError(f"{name}: an array of shape {np.shape(value)} was given; one value is expected.")
    return float(value)


def muscle_demand(result, *, p=2, weight_above=None, sex="male", muscles=None, body_mass=None,
                  body_height=None, knee_lock=True, scale_moment_arms=True):
    """Muscle forces, activations, shares, joint contact forces and relative effort.

    Parameters
    ----------
    result : a result of the family (:mod:`biomech.mechanics.results`)
        A :func:`~biomech.joint_moments`, exercise, :func:`~biomech.inverse_dynamics` or
        split-stance leg result, or :class:`~biomech.mechanics.results.PoseMoments` for moments you
        already have. Read through the common interface: ``result.moments`` (ankle, knee,
        hip; lumbar when present), ``result.pose.joint_angles_rad()`` and ``result.body``.
        A split stance (``result.legs``) gives one demand per leg.
    p : {2, 3}
        Exponent of the activation cost (2 = sum of squares, default).
    weight_above : Quantity or str, optional
        Weight above L5/S1 (a force, N) for the spine compression. Taken from the result's
        ``weight_above_l5s1`` if it has one; otherwise 0 N and a note says so.
    sex : {"male", "female"}
        Strength curves for relative effort (young adults, Anderson et al. 2007).
    muscles : sequence of Muscle, optional
        Your own muscle set; default :func:`default_muscles` scaled to the body.
    body_mass, body_height : Quantity, optional
        Used when the result carries no ``body``; default 70 kg and 1.75 m (noted). The
        height then also scales the moment arms.
    knee_lock : bool
        True (default): at a straight knee (flexion <= 5 deg) a knee-flexor net moment is
        carried by the passive structures of the locked knee (:func:`locked_knee_moment`,
        reported in ``.passive["knee"]``), not by the gastrocnemius and hamstrings. False:
        the muscles carry every moment (pure static optimisation).
    scale_moment_arms : bool
        True (default): every moment arm is multiplied by the body's length over the length
        of the body it was measured on (:func:`~biomech.muscles.catalog.moment_arm_scale`;
        ``.moment_arm_scale`` reports the factors), the body being ``result.body`` (or
        ``body_height``). A result with neither is not scaled (noted). False: the
        published curves as they are, for every body.

    Returns
    -------
    MuscleDemand or SplitDemand

    Examples
    --------
    >>> import biomech as bm
    >>> from biomech.mechanics.results import PoseMoments
    >>> pose = bm.Pose.from_joint_angles(ankle="20 deg", knee="90 deg", hip="90 deg")
    >>> d = muscle_demand(PoseMoments(pose, ankle="40 N*m", knee="150 N*m", hip="200 N*m"))
    >>> round(float(sum(d.share["knee"][k] for k in ("vasti", "rectus_femoris", "hamstrings", "gastrocnemius"))), 6)
    1.0
    >>> d.force["quadriceps"].units
    <Unit('newton')>
    """
    if not isinstance(result, ResultBase):
        raise InputValueError(f"result={type(result).__name__} is not a joint-moment result; pass what "
                              "joint_moments, an exercise, inverse_dynamics or PoseMoments returns.")
    legs = getattr(result, "legs", None) or {}
    if legs:
        kw = dict(p=p, weight_above=weight_above, sex=sex, muscles=muscles, body_mass=body_mass,
                  body_height=body_height, knee_lock=knee_lock, scale_moment_arms=scale_moment_arms)
        return SplitDemand(front=muscle_demand(legs["front"], **kw), rear=muscle_demand(legs["rear"], **kw))
    if isinstance(p, bool) or p not in (2, 3, 2.0, 3.0):
        raise InputValueError(f"p={p!r}: the activation cost exponent must be 2 or 3.")
    if muscles is not None:
        muscles = check_muscles(muscles, "muscles")
    if not isinstance(knee_lock, (bool, np.bool_)):
        raise InputValueError(f"knee_lock={knee_lock!r}: expected True or False.")
    if not isinstance(scale_moment_arms, (bool, np.bool_)):
        raise InputValueError(f"scale_moment_arms={scale_moment_arms!r}: expected True or False.")
    if sex not in ("male", "female"):
        raise InputValueError(f"sex={sex!r}: expected 'male' or 'female' (strength curves of Anderson et al. 2007).")
    r = result.moments
    pose = getattr(result, "pose", None)
    if pose is None or not hasattr(pose, "joint_angles_rad"):
        raise InputValueError(f"result={type(result).__name__} holds no pose (joint angles); the muscle model "
                              "needs them: pass a joint_moments / inverse_dynamics / exercise result or PoseMoments.")
    for name in JOINTS:
        if name not in r.joints:
            raise InputValueError(f"result={type(result).__name__} has no {name} moment; "
                                  "a result with ankle, knee and hip moments is expected.")
    ang = pose.joint_angles_rad()
    mom = [np.asarray(r.si(j), dtype=float) for j in JOINTS]
    lum = np.asarray(r.si("lumbar"), dtype=float) if "lumbar" in r.joints else None
    arrays = [np.asarray(ang[j], dtype=float) for j in JOINTS] + mom + ([lum] if lum is not None else [])
    try:
        shape = np.broadcast_shapes(*(a.shape for a in arrays))
    except ValueError:
        raise InputValueError("the result's joint angles and moments do not broadcast: shapes "
                              f"{[a.shape for a in arrays]}.") from None
    flat = [np.broadcast_to(a, shape).reshape(-1) for a in arrays]
    angles = dict(zip(JOINTS, flat[:3]))
    M = np.stack(flat[3:6], axis=1)
    ok = np.all(np.isfinite(M), axis=1) & np.all(np.isfinite(np.stack(flat[:3], 1)), axis=1)
    notes = []
    M_net = M
    passive_knee = np.zeros(M.shape[0])
    if knee_lock:
        with np.errstate(invalid="ignore"):
            passive_knee = np.where(ok, locked_knee_moment(angles["knee"], np.nan_to_num(M[:, 1])), 0.0)
        if np.any(passive_knee > 0):
            M = M.copy()
            M[:, 1] = M[:, 1] + passive_knee
            notes.append("straight knee: the knee-flexor moment is carried by the locked knee's passive "
                         "structures (see .passive); pass knee_lock=False to give it to the muscles")
    mass, height = _body_numbers(result)
    if body_mass is not None:
        mass = _single(to_si(body_mass, "kg", "body_mass", positive=True), "body_mass")
    if body_height is not None:
        height = _single(to_si(body_height, "m", "body_height", positive=True), "body_height")
    if mass is None or height is None:
        notes.append("no body mass/height in the result: muscle sizes and strength curves use 70 kg, 1.75 m")
        mass = 70.0 if mass is None else mass
        height = 1.75 if height is None else height
    lengths = None
    if scale_moment_arms:
        body = getattr(result, "body", None)
        if body is not None:
            lengths = body_scaling_lengths(body)
        elif body_height is not None:
            lengths = body_scaling_lengths(height_m=height)
        else:
            notes.append("no body in the result: moment arms are those of the sources' bodies (unscaled)")
    if muscles is None:
        muscles = default_muscles(height, mass)
    keys = [m.key for m in muscles]
    n = M.shape[0]
    K = len(muscles)
    force = np.full((n, K), np.nan)
    act = np.full((n, K), np.nan)
    share = np.full((n, 3, K), np.nan)
    if ok.any():
        out = muscle_demand_si({j: angles[j][ok] for j in JOINTS}, M[ok], muscles, p, lengths)
        force[ok], act[ok], share[ok] = out["force"], out["activation"], out["share"]
    rs = lambda x: x.reshape(shape) if shape else x.reshape(())[()]  # noqa: E731
    forces = {k: force[:, i] for i, k in enumerate(keys)}
    for g, members in GROUPS.items():
        if all(m in forces for m in members):
            forces[g] = sum(forces[m] for m in members)
    shares = {j: {k: rs(share[:, jj, i]) for i, k in enumerate(keys)} for jj, j in enumerate(JOINTS)}
    for jj, j in enumerate(JOINTS):
        for g, members in GROUPS.items():
            if all(m in keys for m in members):
                shares[j][g] = sum(shares[j][m] for m in members)
    unmet = {}
    for jj, j in enumerate(JOINTS):
        crossing = [i for i, m in enumerate(muscles) if j in m.arms]
        excess = np.maximum(np.nanmax(act[:, crossing], axis=1, initial=0.0) - 1.0, 0.0)
        if np.any(excess > 1e-9):
            unmet[j] = rs(excess)
    quad = forces.get("quadriceps", np.zeros(n))
    ham = forces.get("hamstrings", np.zeros(n))
    gas = forces.get("gastrocnemius", np.zeros(n))
    pf = patellofemoral_compression(quad, angles["knee"])
    tfc, tfs = tibiofemoral_forces(quad, ham, gas, angles["knee"])
    l5 = None
    if lum is not None:
        w = weight_above if weight_above is not None else getattr(result, "weight_above_l5s1", None)
        if w is None:
            notes.append("no weight above L5/S1 given: the spine compression counts the lumbar moment only")
            w_si = 0.0
        else:
            w_si = np.asarray(to_si(w, "N", "weight_above", nonnegative=True))
        lean = 0.0
        trunk = getattr(pose, "trunk", None)
        if trunk is not None:
            try:
                lean = np.broadcast_to(np.asarray(to_si(trunk, "rad", "pose.trunk")), shape).reshape(-1)
            except Exception:  # a pose without a usable trunk angle: count the weight fully
                lean = 0.0
        l5 = quantity(rs(l5s1_compression(flat[6], w_si, lean)), "N")
    effort = {j: rs(relative_effort(j, M_net[:, jj], angles[j], mass, height, sex)) for jj, j in enumerate(JOINTS)}
    return MuscleDemand(
        force={k: quantity(rs(v), "N") for k, v in forces.items()},
        activation={k: rs(act[:, i]) for i, k in enumerate(keys)},
        share=shares,
        patellofemoral=quantity(rs(pf), "N"),
        tibiofemoral_compression=quantity(rs(tfc), "N"),
        tibiofemoral_shear=quantity(rs(tfs), "N"),
        l5s1_compression=l5,
        relative_effort=effort,
        unmet=unmet,
        p=float(p),
        notes=tuple(notes),
        passive={"knee": quantity(rs(passive_knee), "N*m")},
        moment_arm_scale={m.key: {j: moment_arm_scale(m.arms[j][1], lengths) for j in m.joints} for m in muscles},
    )
