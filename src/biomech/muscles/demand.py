"""Joint moments to muscle demand: forces, activations, shares, contact loads, effort.

:func:`muscle_demand` takes any result that holds poses and net joint moments (a static
``joint_moments`` result, an ``inverse_dynamics`` result over time, an exercise, a
split-stance exercise) and returns a :class:`MuscleDemand` (or a :class:`SplitDemand`
with ``.front`` and ``.rear``). :func:`muscle_demand_si` is the classic model's unit-free
kernel; :func:`biomech.muscles.rajagopal_demand.rajagopal_demand_si` the default model's.

Two muscle models: ``model="rajagopal2023"`` (default), the 40 muscles per leg of the
Rajagopal-Lai-Uhlrich (2023) OpenSim model with its moment arms over the whole joint ranges
(limits in :data:`LIMITS_RAJAGOPAL`), and ``model="classic"``, a sagittal nine-muscle model
from separate published curves (limits in :data:`LIMITS`). Every result states its limits
(``.limits``): static (no force-velocity term), and static optimisation picks one of many
force sharings (compare ``p=2``, ``p=3`` and, for the default model, ``band=True``).
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
           "LIMITS_RAJAGOPAL",
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
    model : str
        ``"classic"`` or ``"rajagopal2023"``; the fields below are filled by the latter.
    antagonist : dict of Quantity (N*m)
        ``{joint: moment}`` the muscles acting against the net moment add (co-contraction).
    unbalanced : dict of Quantity (N*m)
        ``{"hip_adduction", "hip_rotation"}``: what the solution leaves unbalanced beyond the
        held values (about 0 for a held moment: the adduction moment by default).
    band : dict
        ``{"low": {joint: {key: share}}, "high": ..., "by_method": {2, 3, "minmax": ...},
        "antagonist": {method: {joint: N*m}}}``: shares and co-contraction across cost
        functions (``band=True``); empty otherwise.
    beyond_range : dict of ndarray (bool)
        ``{"hip", "knee", "ankle"}``: the angle lies beyond the model's range (values there
        are extended linearly, see :mod:`~biomech.muscles.rajagopal`).
    tendofemoral : Quantity (N) or None
        Quadriceps tendon on the femur in deep flexion.
    thigh_calf_force : Quantity (N) or None
        Thigh-calf contact taken from the exercise layer.
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
    model: str = "classic"
    antagonist: dict = field(default_factory=dict)
    unbalanced: dict = field(default_factory=dict)
    band: dict = field(default_factory=dict)
    beyond_range: dict = field(default_factory=dict)
    tendofemoral: object = None
    thigh_calf_force: object = None

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
                  body_height=None, knee_lock=True, scale_moment_arms=True, model="rajagopal2023", band=False,
                  hip_frontal=None, hold_frontal="adduction", thigh_calf=True, max_force=None):
    """Muscle forces, activations, shares, joint contact forces and relative effort.

    Parameters
    ----------
    result : a result of the family (:mod:`biomech.mechanics.results`)
        A :func:`~biomech.joint_moments`, exercise, :func:`~biomech.inverse_dynamics` or
        split-stance leg result, or :class:`~biomech.mechanics.results.PoseMoments` for moments you
        already have. Read through the common interface: ``result.moments`` (ankle, knee,
        hip; lumbar when present), ``result.pose.joint_angles_rad()`` and ``result.body``.
        A split stance (``result.legs``) gives one demand per leg.
    p : {2, 3, "minmax"}
        Exponent of the activation cost (2 = sum of squares, default); ``"minmax"`` (the least
        largest activation) with ``model="rajagopal2023"``.
    weight_above : Quantity or str, optional
        Weight above L5/S1 (a force, N) for the spine compression. Taken from the result's
        ``weight_above_l5s1`` if it has one; otherwise 0 N and a note says so.
    sex : {"male", "female"}
        Strength curves for relative effort (young adults, Anderson et al. 2007).
    muscles : sequence of Muscle, optional
        ``model="classic"``: your own muscle set; default :func:`default_muscles` scaled to
        the body.
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

    model : {"rajagopal2023", "classic"}
        ``"rajagopal2023"`` (default): the 40 muscles of the Rajagopal-Lai-Uhlrich (2023) model
        (:mod:`~biomech.muscles.rajagopal`), with per-muscle results and coach groups, the
        frontal and transverse hip moments held, co-contraction and beyond-range flags
        reported, and the patellofemoral force with tendofemoral contact. ``p`` may then also
        be ``"minmax"``. Hip flexion is read from the pose as
        ``pose.joint_angles_rad()["hip"]``, the angle between the thigh and the pelvis where
        the pose has a pelvis (the model's ``hip_flexion``); past the model's 120 deg it is
        flagged in ``.beyond_range`` and the tables are extended linearly
        (:mod:`~biomech.muscles.rajagopal`). ``"classic"``: the nine-muscle sagittal model
        of :mod:`~biomech.muscles.catalog` (the default before the 40-muscle model; a muscle
        set of your own, ``muscles=``, goes with it).
    band : bool
        ``model="rajagopal2023"`` only: also solve with p = 2, p = 3 and min-max activation
        and report each group's share range in ``.band`` (a loop of linear programmes for the
        min-max: for the poses of a report).
    hip_frontal : Quantity or str, optional
        ``model="rajagopal2023"``: hip adduction and internal-rotation moments (N*m, shape
        (..., 2)) the muscles hold; default 0 (a symmetric bilateral lift; see the limits).
    hold_frontal : {"adduction", True, False}
        ``model="rajagopal2023"``: hold the adduction moment (default) and report the rotation
        moment the solution leaves in ``.unbalanced``; hold both (``True``; the model has no deep
        external rotators, so in deep hip flexion this drafts the rectus femoris against the
        rotation, see :mod:`~biomech.muscles.rajagopal_demand`); or hold neither (``False``).
    thigh_calf : bool
        ``model="rajagopal2023"``: where the result carries the exercise layer's thigh-calf
        contact (``extras["knee_with_thigh_calf_contact"]``), the muscles make the knee moment
        left after it (default True).
    max_force : dict, optional
        ``model="rajagopal2023"``: ``{muscle key: force}`` your own maximal isometric forces.

    Returns
    -------
    MuscleDemand or SplitDemand

    Examples
    --------
    >>> import biomech as bm
    >>> from biomech.mechanics.results import PoseMoments
    >>> pose = bm.Pose.from_joint_angles(ankle="20 deg", knee="90 deg", hip="90 deg")
    >>> from biomech.muscles.rajagopal import KEYS
    >>> moments = PoseMoments(pose, ankle="40 N*m", knee="150 N*m", hip="200 N*m")
    >>> d = muscle_demand(moments)
    >>> d.model, round(float(sum(d.share["knee"][k] for k in KEYS)), 6)
    ('rajagopal2023', 1.0)
    >>> d.force["quadriceps"].units
    <Unit('newton')>
    >>> c = muscle_demand(moments, model="classic")
    >>> round(float(sum(c.share["knee"][k] for k in ("vasti", "rectus_femoris", "hamstrings", "gastrocnemius"))), 6)
    1.0
    """
    if not isinstance(result, ResultBase):
        raise InputValueError(f"result={type(result).__name__} is not a joint-moment result; pass what "
                              "joint_moments, an exercise, inverse_dynamics or PoseMoments returns.")
    legs = getattr(result, "legs", None) or {}
    if legs:
        kw = dict(p=p, weight_above=weight_above, sex=sex, muscles=muscles, body_mass=body_mass,
                  body_height=body_height, knee_lock=knee_lock, scale_moment_arms=scale_moment_arms, model=model,
                  band=band, hip_frontal=hip_frontal, hold_frontal=hold_frontal, thigh_calf=thigh_calf,
                  max_force=max_force)
        return SplitDemand(front=muscle_demand(legs["front"], **kw), rear=muscle_demand(legs["rear"], **kw))
    if model not in ("classic", "rajagopal2023"):
        raise InputValueError(f"model={model!r}: expected 'classic' or 'rajagopal2023'.")
    if model == "rajagopal2023" and p == "minmax":
        pass
    elif isinstance(p, bool) or p not in (2, 3, 2.0, 3.0):
        raise InputValueError(f"p={p!r}: the activation cost exponent must be 2 or 3"
                              + (" (or 'minmax')." if model == "rajagopal2023" else "."))
    if not (isinstance(hold_frontal, (bool, np.bool_)) or (isinstance(hold_frontal, str)
                                                          and hold_frontal == "adduction")):
        raise InputValueError(f"hold_frontal={hold_frontal!r}: expected 'adduction', True or False.")
    for nm, v in (("band", band), ("thigh_calf", thigh_calf)):
        if not isinstance(v, (bool, np.bool_)):
            raise InputValueError(f"{nm}={v!r}: expected True or False.")
    if muscles is not None:
        if model == "rajagopal2023":
            raise InputValueError("muscles=...: a muscle set of your own goes with model='classic'; "
                                  "model='rajagopal2023' uses the model's 40 muscles (max_force= sets their strength).")
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
    thigh_calf_force = None
    if model == "rajagopal2023" and thigh_calf:
        extras = getattr(result, "extras", None) or {}
        if "knee_with_thigh_calf_contact" in extras:
            kn = _q_to_si(extras["knee_with_thigh_calf_contact"], "extras['knee_with_thigh_calf_contact']")
            kn = np.broadcast_to(kn, shape).reshape(-1)
            if np.any(np.abs(kn - M[:, 1]) > 1e-9):
                notes.append("thigh-calf contact (exercise layer, Zelle et al. 2007) carries part of the knee "
                             "moment; the muscles make the rest")
            M = M.copy()
            M[:, 1] = np.where(np.isfinite(kn), kn, M[:, 1])
            if "thigh_calf_force" in extras:
                thigh_calf_force = np.broadcast_to(_q_to_si(extras["thigh_calf_force"], "extras['thigh_calf_force']",
                                                            "N"), shape).reshape(-1)
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
    if model == "rajagopal2023":
        return _rajagopal_demand(pose, angles, M, M_net, ok, shape, passive_knee, notes, mass, height, lengths,
                                 p, band, hip_frontal, hold_frontal, max_force, sex, lum, flat, result, weight_above,
                                 thigh_calf_force)
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
    l5 = _l5s1(pose, lum, flat, result, weight_above, shape, notes, rs)
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


#: Limits stated by results of the 40-muscle model.
LIMITS_RAJAGOPAL = (
    "static: no force-velocity or activation dynamics",
    "moment arms and lengths of the Rajagopal-Lai-Uhlrich (2023) model (generic adult; scaled with "
    "thigh and shank length), 40 muscles; rigid tendons at their slack length for the force-length curve",
    "the hip adduction moment held at the given value (0 by default: a symmetric bilateral lift is assumed to "
    "need little of it); the hip rotation moment is reported (.unbalanced), not held: the model has no deep "
    "external rotators (hold_frontal=True holds it, False holds neither)",
    "static optimisation picks one of many force sharings; compare p=2, p=3 and min-max (band=True)",
    "hip flexion is the pose's hip angle (pose.joint_angles_rad()['hip']: thigh to pelvis where the pose has "
    "a pelvis, else thigh to trunk); past the model's 120 deg the tables are extended linearly (flagged)",
    "a knee-flexor net moment at a straight knee (<= 5 deg) is carried by the passive posterior "
    "structures (knee_lock=True)",
    "tibiofemoral force from the shank free body (the other knee-crossing muscles along their lines of action at "
    "the tibia, from the model); "
    "patellofemoral force: quadriceps paths from the model, patellar tendon force from a cadaver ratio "
    "(Buff et al. 1988, held beyond 70 deg), ligament angle from van Eijden et al. (1985)",
)


def _rajagopal_demand(pose, angles, M, M_net, ok, shape, passive_knee, notes, mass, height, lengths, p, band,
                      hip_frontal, hold_frontal, max_force, sex, lum, flat, r, weight_above, thigh_calf_force):
    """The ``model="rajagopal2023"`` branch of :func:`muscle_demand` (inputs already in SI)."""
    from .rajagopal import ARM_ROWS, KEYS, GROUPS as RGROUPS
    from .rajagopal_demand import (group_sums, patellofemoral_rajagopal, rajagopal_demand_si, share_band,
                                   arm_scale_factors, tibiofemoral_rajagopal, tibiofemoral_free_body)
    n = M.shape[0]
    H = np.zeros((n, 2))
    if hip_frontal is not None:
        hf = np.asarray(to_si(hip_frontal, "N*m", "hip_frontal"), dtype=float)
        try:
            H = np.broadcast_to(hf, shape + (2,)).reshape(n, 2).copy()
        except ValueError:
            raise InputValueError(f"hip_frontal has shape {hf.shape}; expected (..., 2) matching the result "
                                  f"(shape {shape}): hip adduction and internal-rotation moments.") from None
    # Hip flexion for the model (its hip_flexion coordinate): the pose's own hip angle,
    # pose.joint_angles_rad()["hip"], read by muscle_demand; between the thigh and the pelvis
    # where the pose has a pelvis. Past 120 deg it is flagged and the tables are extended.
    hip_deg = np.degrees(angles["hip"])
    knee_deg, ankle_deg = np.degrees(angles["knee"]), np.degrees(angles["ankle"])
    K = len(KEYS)
    force = np.full((n, K), np.nan)
    act = np.full((n, K), np.nan)
    share = np.full((n, 3, K), np.nan)
    anta = np.full((n, 3), np.nan)
    unb = np.full((n, 2), np.nan)
    beyond = np.zeros((n, 3), bool)
    kw = dict(hip_frontal=H[ok], hold_frontal=hold_frontal, lengths=lengths, mass_kg=mass, max_force=max_force)
    if ok.any():
        out = rajagopal_demand_si(hip_deg[ok], knee_deg[ok], ankle_deg[ok], M[ok], p=p, **kw)
        force[ok], act[ok], share[ok] = out["force"], out["activation"], out["share"]
        anta[ok], unb[ok], beyond[ok] = out["antagonist"], out["unbalanced"], out["beyond"]
        maxf = np.full((n, K), np.nan)
        maxf[ok] = out["max_force"]
    else:
        maxf = np.full((n, K), np.nan)
    rs = lambda x: x.reshape(shape) if shape else x.reshape(())[()]  # noqa: E731
    forces = group_sums(force)
    shares = {j: {k: rs(v) for k, v in group_sums(share[:, jj]).items()} for jj, j in enumerate(JOINTS)}
    # activation of a group: its force over its maximal force (capacity-weighted mean)
    fmax_g = group_sums(maxf)
    activation = {k: rs(act[:, i]) for i, k in enumerate(KEYS)}
    for g in RGROUPS:
        with np.errstate(invalid="ignore", divide="ignore"):
            activation[g] = rs(forces[g] / fmax_g[g])
    JOINT_MUSCLES = {"ankle": 0, "knee": 1, "hip": 2}
    from .rajagopal import tables as _tables
    t = _tables()
    unmet = {}
    for j, row in JOINT_MUSCLES.items():
        crossing = [i for i, k in enumerate(KEYS) if j in t.joints[k]]
        excess = np.maximum(np.nanmax(act[:, crossing], axis=1, initial=0.0) - 1.0, 0.0)
        if np.any(excess > 1e-9):
            unmet[j] = rs(excess)
    quad = {k: force[:, KEYS.index(k)] for k in RGROUPS["quadriceps"]}
    pf, tf = patellofemoral_rajagopal({k: np.nan_to_num(v) for k, v in quad.items()}, knee_deg)
    fdict = {k: np.nan_to_num(force[:, i]) for i, k in enumerate(KEYS)}
    tfc, tfs = None, None
    thigh_on_shank = _thigh_on_shank(r, pose, shape, n)
    if thigh_on_shank is not None:
        F_ts, shank = thigh_on_shank
        tc = None if thigh_calf_force is None else np.nan_to_num(thigh_calf_force)
        tfc, tfs = tibiofemoral_free_body(fdict, knee_deg, shank, F_ts, tc, hip_deg=hip_deg, ankle_deg=ankle_deg)
    else:
        tfc, tfs = tibiofemoral_rajagopal(fdict, knee_deg, hip_deg, ankle_deg)
        notes.append("tibiofemoral forces from the muscle forces alone: the result gives no force through the "
                     "knee (external and pad forces on the shank left out)")
    nanrow = ~ok
    pf, tf, tfc, tfs = (np.where(nanrow, np.nan, x) for x in (pf, tf, tfc, tfs))
    l5 = _l5s1(pose, lum, flat, r, weight_above, shape, notes, rs)
    band_out = {}
    if band and ok.any():
        b = share_band(hip_deg[ok], knee_deg[ok], ankle_deg[ok], M[ok], **kw)
        def full(v):
            o = np.full(n, np.nan)
            o[ok] = v
            return rs(o)
        band_out = {"low": {j: {k: full(v) for k, v in d.items()} for j, d in b["low"].items()},
                    "high": {j: {k: full(v) for k, v in d.items()} for j, d in b["high"].items()},
                    "by_method": {m: {j: {k: full(v) for k, v in d.items()} for j, d in bm.items()}
                                  for m, bm in b["by_method"].items()},
                    "antagonist": {m: {j: quantity(full(v[:, jj]), "N*m") for jj, j in enumerate(JOINTS)}
                                   for m, v in b["antagonist"].items()}}
    if beyond.any():
        which = [j for jj, j in enumerate(("hip", "knee", "ankle")) if beyond[:, jj].any()]
        notes.append(f"{', '.join(which)} angle beyond the model's range somewhere: moment arms and lengths "
                     "extended linearly there (see .beyond_range)")
    effort = {j: rs(relative_effort(j, M_net[:, jj], angles[j], mass, height, sex)) for jj, j in enumerate(JOINTS)}
    fac = arm_scale_factors(lengths)
    return MuscleDemand(
        force={k: quantity(rs(v), "N") for k, v in forces.items()},
        activation=activation,
        share=shares,
        patellofemoral=quantity(rs(pf), "N"),
        tibiofemoral_compression=quantity(rs(tfc), "N"),
        tibiofemoral_shear=quantity(rs(tfs), "N"),
        l5s1_compression=l5,
        relative_effort=effort,
        unmet=unmet,
        p=p if p == "minmax" else float(p),
        limits=LIMITS_RAJAGOPAL,
        notes=tuple(notes),
        passive={"knee": quantity(rs(passive_knee), "N*m")},
        moment_arm_scale={k: {j: float(fac[ARM_ROWS.index(j)]) for j in t.joints[k]} for k in KEYS},
        model="rajagopal2023",
        antagonist={j: quantity(rs(anta[:, jj]), "N*m") for jj, j in enumerate(JOINTS)},
        unbalanced={"hip_adduction": quantity(rs(unb[:, 0]), "N*m"), "hip_rotation": quantity(rs(unb[:, 1]), "N*m")},
        band=band_out,
        beyond_range={j: rs(beyond[:, jj]) for jj, j in enumerate(("hip", "knee", "ankle"))},
        tendofemoral=quantity(rs(tf), "N"),
        thigh_calf_force=None if thigh_calf_force is None else quantity(rs(thigh_calf_force), "N"),
    )


def _l5s1(pose, lum, flat, r, weight_above, shape, notes, rs):
    """L5/S1 compression Quantity (or None without a lumbar moment); appends notes."""
    l5 = None
    if lum is not None:
        w = weight_above if weight_above is not None else getattr(r, "weight_above_l5s1", None)
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
    return l5


def _thigh_on_shank(r, pose, shape, n):
    """(force the thigh side passes to the shank through the knee, (n, 2) N; shank lean (n,)
    rad) from a statics result, or None when the result cannot give it (no resultant forces,
    a split stance, a held knee, no shank angle)."""
    rf = getattr(r, "resultant_forces", None)
    model = getattr(r, "model", None)
    side = getattr(model, "free_side", {}).get("knee") if model is not None else None
    shank = getattr(pose, "shank_rad", None)
    if rf is None or side not in ("up", "down") or shank is None or getattr(model, "split", False):
        return None
    try:
        R = np.asarray(to_si(rf.knee, "N", "resultant_forces.knee", finite=False), dtype=float)
        R = np.broadcast_to(R, shape + (2,)).reshape(n, 2)
        s = np.broadcast_to(np.asarray(shank, dtype=float), shape).reshape(n)
    except Exception:  # a result of another shape: fall back to the muscle-only estimate (noted)
        return None
    return (R if side == "up" else -R), s
