"""Inverse dynamics over a motion: net joint moments with segment and load inertia.

Two routes, one set of equations (Newton-Euler in d'Alembert's form): every mass
point on a joint's free side acts with its weight *and* its inertial force
``-m a``, and every segment with its inertial couple ``-I alpha``; the joint moment
is then computed exactly as in statics.

- **Top-down, feet planted** (default): the ball of the front foot is fixed to the
  ground; segment angles, their rates and accelerations come from a
  :class:`~biomech.motion.Motion`. Each joint's moment comes from its free side.
  The ground reaction and centre of pressure it implies are reported.
- **Bottom-up, measured ground reaction** (``ground_reaction=``): gait-lab style.
  The moment at each joint is minus the moment of everything below it, the measured
  ground reaction under the foot included. Pass ``base_position`` (the trajectory
  of the front foot's ball in the lab) when the feet move.

With slow motions (velocities and accelerations -> 0) both tend to the static moments
of :func:`~biomech.mechanics.statics.joint_moments`; the result reports the gravitational
(``static``) and inertial parts separately.

Examples
--------
>>> import numpy as np, biomech as bm
>>> from biomech.motion import Motion
>>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
>>> t = np.linspace(0, 2, 201)
>>> knee = 1.0 + 0.5 * np.sin(np.pi * t)            # rad
>>> m = Motion.from_joint_angles(time=bm.Q_(t, "s"), ankle=bm.Q_(0.4 * knee, "rad"),
...                              knee=bm.Q_(knee, "rad"), hip=bm.Q_(1.2 * knee, "rad"), cutoff=None)
>>> res = bm.inverse_dynamics(body, m, [bm.Barbell("80 kg")])
>>> res.knee.shape
(201,)
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, Sequence

import numpy as np

from ..model.body import Body
from ..errors import InputValueError
from ..model.kinematics import TRUNK_PARTS, LinearMap, is_split, second_derivatives, spin
from ..model.loads import Load
from ..model.pose import SplitPose
from ..constants import JOINTS
from .results import JointValues, ResultBase, jsonable
from .statics import SIGN, StaticModel
from ..units import quantity, to_si

__all__ = ["inverse_dynamics", "DynamicsResult", "DynamicModel"]


class DynamicModel:
    """The unit-free kernel of :func:`inverse_dynamics` (SI arrays in, N*m out).

    Build once per body, loads and stance; call :meth:`moments` with angles,
    angular velocities and accelerations (dicts of arrays by segment name).
    """

    def __init__(self, statics: StaticModel):
        self.statics = statics
        self.inertia = self._inertias()
        self._items_maps = {False: LinearMap.from_points([it.point.merged() for it in statics.items]),
                            True: LinearMap.from_points([it.point for it in statics.items])}
        self._mass = [it.mass_kg for it in statics.items]
        self._couples = sorted(self.inertia.items())
        if not statics.split:
            self._joints_maps = {split: LinearMap.from_points([statics.joint_point(j).merged() if not split else
                                                               statics.joint_point(j) for j in JOINTS])
                                 for split in (False, True)}
            self._free_weights = np.stack([self._weights(statics.free_items(j)) for j in JOINTS])

    def _inertias(self) -> dict[int, float]:
        """Rotational inertia (kg m^2, about each item's own centre of mass) of the
        body's segment items. The trunk is split at L5/S1 into the pelvis and the upper
        body, whose inertias add up, with the parallel-axis terms, to the trunk's own (same
        radius of gyration about each part's own centre of mass, a stated assumption:
        docs/conventions.md, "Pelvis and upper body")."""
        b = self.statics.body
        out: dict[int, float] = {}
        lum = b.lumbar
        m_tr = b.trunk.mass_kg
        m_up = lum.above_mass_kg
        m_low = m_tr - m_up
        com = b.trunk.com * b.trunk.length_m
        if m_low > 0:
            low_along = (m_tr * com - m_up * lum.above_com_along_m) / m_low
            low_off = -m_up * lum.above_com_offset_m / m_low
            d_up2 = (lum.above_com_along_m - com) ** 2 + lum.above_com_offset_m ** 2
            d_low2 = (low_along - com) ** 2 + low_off ** 2
            k2 = max((b.trunk.inertia_si - m_up * d_up2 - m_low * d_low2) / m_tr, 0.0)
        else:
            k2 = b.trunk.inertia_si / m_tr
        for idx, it in enumerate(self.statics.items):
            if not it.is_body:
                continue
            kind = it.segment[5:] if it.segment.startswith("rear_") else it.segment
            if kind == "trunk":
                out[idx] = float(it.mass_kg) * k2
            else:
                out[idx] = getattr(b, kind).inertia_si
        return out

    def state(self, angles, omega: dict, alpha: dict, base_acc=(0.0, 0.0)) -> dict[str, np.ndarray]:
        """Per item, computed once per call, stacked as arrays (items, *frames): the effective
        force ``F - m a`` and its moment about the origin ``P x (F - m a)`` plus the
        inertial couple ``-I alpha_z``.

        Moments about a joint J follow as ``sum w c0 - J x sum w F``: a weighted sum over
        items (one matrix-vector product per joint).
        """
        st = self.statics
        sc = st.sincos(angles)
        split = sc.split
        dd = second_derivatives(sc, omega, alpha)
        items = st.items
        items_map = self._items_maps[split]
        if items_map is not None:
            xy = items_map.evaluate(sc)
            axy = items_map.evaluate(dd, terms=True, with_const=False)
            if axy.ndim < xy.ndim:  # nothing moves: no acceleration columns at all
                axy = np.zeros_like(xy)
            xs, ys, axs, ays = xy[0::2], xy[1::2], axy[0::2], axy[1::2]
        else:  # array bodies: point by point
            pos = [it.point.evaluate(sc) for it in items]
            acc = [it.point.linear(dd) for it in items]
            shape = np.broadcast_shapes(*(np.shape(v) for pair in pos + acc for v in pair))
            stack = lambda vals: np.stack([np.broadcast_to(v, shape) for v in vals])  # noqa: E731
            xs, ys = stack([p[0] for p in pos]), stack([p[1] for p in pos])
            axs, ays = stack([a[0] for a in acc]), stack([a[1] for a in acc])
        shape = xs.shape[1:]
        fx = np.empty_like(xs)
        fy = np.empty_like(ys)
        for n, it in enumerate(items):
            f = it.force if it.force is not None else it.field(xs[n], ys[n])
            fx[n], fy[n] = f
        for n, m in enumerate(self._mass):
            if np.any(np.asarray(m) != 0):
                fx[n] -= m * (axs[n] + base_acc[0])
                fy[n] -= m * (ays[n] + base_acc[1])
        c0 = xs * fy - ys * fx
        for n, inertia in self._couples:
            seg = items[n].kin
            if not split and seg in TRUNK_PARTS:
                seg = "trunk"
            c0[n] -= inertia * spin(seg) * alpha.get(seg, 0.0)
        return {"fx": fx, "fy": fy, "c0": c0}

    # ---------------------------------------------------------------- the fast path
    #: frames per block of the fast path: the block's temporaries stay in the processor's cache
    BLOCK = 4096

    def _bilinear(self, split: bool = False):
        """The top-down moments as forms in the basis ``b = (1, sin a_k, cos a_k, ...)`` and the
        second derivatives ``d = (d2 sin a_k, d2 cos a_k, ...)``, built once (None when the
        fast path does not apply: a split stance, pose-dependent forces, array lengths):

        ``M_j = L_j . b + b . H_j . d + C_j . alpha``

        Every item's position is affine in ``b`` with coefficients ``X_i``, ``Y_i`` and its
        acceleration linear in ``d`` with the same coefficients (without the constant), so the
        moment of the weights (``L``), of the inertial forces ``-m a`` (``H``, bilinear) and
        of the inertial couples ``-I alpha`` (``C``) about each joint are fixed matrices.
        """
        cache = self.__dict__.setdefault("_bil", {})
        if split in cache:
            return cache[split]
        st = self.statics
        cache[split] = None
        if st.split or st.field_items:
            return None
        segs = st.angles_needed(split)
        col = {seg: 1 + 2 * k for k, seg in enumerate(segs)}

        K1 = 1 + 2 * len(segs)

        def vec(point):
            X, Y = np.zeros(K1), np.zeros(K1)
            if np.ndim(point.base[0]) or np.ndim(point.base[1]):
                return None
            X[0], Y[0] = point.base
            for seg, g in point.coef.items():
                if np.shape(g) != (2, 2):
                    return None
                c = col[seg]
                X[c:c + 2] += g[0]
                Y[c:c + 2] += g[1]
            return X, Y

        items = st.items
        vecs = [vec(it.point if split else it.point.merged()) for it in items]
        if any(v is None for v in vecs) or any(np.ndim(it.mass_kg) or np.ndim(it.force[0]) or np.ndim(it.force[1])
                                               for it in items):
            return None
        L = np.zeros((len(JOINTS), K1))
        H = np.zeros((len(JOINTS), K1, K1 - 1))
        C = np.zeros((len(JOINTS), len(segs)))
        inertia = dict(self._couples)
        for n, j in enumerate(JOINTS):
            jv = vec(st.joint_point(j) if split else st.joint_point(j).merged())
            if jv is None:
                return None
            k = SIGN[j] * (1.0 if st.free_side[j] == "up" else -1.0)
            for i, it in enumerate(items):
                w = self._free_weights[n, i]
                if w == 0:
                    continue
                rx, ry = vecs[i][0] - jv[0], vecs[i][1] - jv[1]
                fx, fy = float(it.force[0]), float(it.force[1])
                L[n] += k * w * (rx * fy - ry * fx)
                m = float(it.mass_kg)
                if m:
                    H[n] -= k * w * m * (np.outer(rx, vecs[i][1][1:]) - np.outer(ry, vecs[i][0][1:]))
                if i in inertia:
                    seg = it.kin if split or it.kin not in TRUNK_PARTS else "trunk"
                    C[n, segs.index(seg)] -= k * w * inertia[i] * spin(seg)
        cache[split] = (segs, L, H, C)
        return cache[split]

    def moments_fast(self, angles: dict, omega: dict, alpha: dict):
        """Top-down moments and their static part, ``(total, static)`` dicts of N*m arrays,
        by the bilinear forms of :meth:`_bilinear`, block by block; None when the fast path
        does not apply. Angles in rad, rates in rad/s and rad/s^2 (dicts by segment)."""
        bil = self._bilinear(is_split(angles))
        if bil is None:
            return None
        segs, L, H, C = bil
        st = self.statics
        vals = {}
        for seg in segs:
            try:
                vals[seg] = (np.asarray(angles[seg], dtype=float), np.asarray(omega.get(seg, 0.0), dtype=float),
                             np.asarray(alpha.get(seg, 0.0), dtype=float))
            except KeyError:
                raise InputValueError(f"angles must include {seg!r} (radians).") from None
        shape = np.broadcast_shapes(*(np.shape(v) for t in vals.values() for v in t))
        moving = [seg for seg in segs if vals[seg][0].ndim or np.any(vals[seg][1]) or np.any(vals[seg][2])]
        # fold the segments that do not move into the constant row of the basis
        rows = [0] + [r for seg in moving for r in (1 + 2 * segs.index(seg), 2 + 2 * segs.index(seg))]
        b_const = np.zeros(L.shape[1])
        b_const[0] = 1.0
        for seg in segs:
            if seg not in moving:
                a = float(vals[seg][0])
                b_const[1 + 2 * segs.index(seg)] = np.sin(a)
                b_const[2 + 2 * segs.index(seg)] = np.cos(a)
        Lr = L[:, rows].copy()
        Lr[:, 0] = L @ b_const
        Hd = H[:, :, [r - 1 for r in rows[1:]]]              # only moving segments accelerate
        Hr = Hd[:, rows, :].copy()
        Hr[:, 0, :] = np.einsum("jab,a->jb", Hd, b_const)
        acc_segs = [seg for seg in moving if np.any(vals[seg][2])]
        Cr = C[:, [segs.index(seg) for seg in acc_segs]]
        J, A, B = Hr.shape
        G = Hr.reshape(J * A, B)
        n = int(np.prod(shape)) if shape else 1
        flat = {seg: tuple(np.broadcast_to(v, shape).reshape(-1) for v in vals[seg]) for seg in moving}
        total = np.empty((J, n))
        static = np.empty((J, n))
        for lo in range(0, n, self.BLOCK):
            hi = min(n, lo + self.BLOCK)
            m = hi - lo
            bas = np.empty((A, m))
            dd = np.empty((B, m))
            bas[0] = 1.0
            for k, seg in enumerate(moving):
                a, w, al = (v[lo:hi] for v in flat[seg])
                sn, cs = np.sin(a), np.cos(a)
                w2 = w * w
                bas[1 + 2 * k], bas[2 + 2 * k] = sn, cs
                dd[2 * k] = cs * al - sn * w2
                dd[2 * k + 1] = -cs * w2 - sn * al
            stat = np.einsum("ja,am->jm", Lr, bas)
            inert = np.einsum("jam,am->jm", np.einsum("rb,bm->rm", G, dd).reshape(J, A, m), bas)
            if acc_segs:
                inert += np.einsum("js,sm->jm", Cr, np.stack([flat[seg][2][lo:hi] for seg in acc_segs]))
            static[:, lo:hi] = stat
            total[:, lo:hi] = stat + inert
        out_total, out_static = {}, {}
        for n_, j in enumerate(JOINTS):
            t, s_ = total[n_].reshape(shape), static[n_].reshape(shape)
            if not shape:
                t, s_ = float(t), float(s_)
            if j in st.held:
                t, s_ = t * np.nan, s_ * np.nan
            out_total[j], out_static[j] = t, s_
        return out_total, out_static

    def _weights(self, members) -> np.ndarray:
        w = np.zeros(len(self.statics.items))
        index = {id(it): n for n, it in enumerate(self.statics.items)}
        for it, share in members:
            w[index[id(it)]] = share
        return w

    @staticmethod
    def _about(state, w: np.ndarray, jx, jy):
        """Moment about (jx, jy) of the items weighted by ``w``."""
        dot = lambda a: np.tensordot(w, a, axes=1)  # noqa: E731
        return dot(state["c0"]) - (jx * dot(state["fy"]) - jy * dot(state["fx"]))

    def moments(self, angles, omega: dict, alpha: dict, state=None) -> dict[str, Any]:
        """Top-down anatomical moments (N*m) with the feet planted."""
        st = self.statics
        if st.split:
            raise InputValueError("inverse dynamics of a split stance needs each foot's ground reaction; "
                                  "pass ground_reaction= for the leg you analyse.")
        sc = st.sincos(angles)
        state = state if state is not None else self.state(sc, omega, alpha)
        if self._joints_maps[sc.split] is not None:
            jxy = self._joints_maps[sc.split].evaluate(sc)
        else:
            jxy = [v for j in JOINTS for v in st.joint_point(j).evaluate(sc)]
        # every joint's free side at once: (joints x items) weights times (items x frames)
        W = self._free_weights
        dot = lambda a: np.tensordot(W, a, axes=1)  # noqa: E731
        c, fx, fy = dot(state["c0"]), dot(state["fx"]), dot(state["fy"])
        out = {}
        for n, j in enumerate(JOINTS):
            m = c[n] - (jxy[2 * n] * fy[n] - jxy[2 * n + 1] * fx[n])
            out[j] = SIGN[j] * (m if st.free_side[j] == "up" else -m)
            if j in st.held:
                out[j] = out[j] * np.nan  # both sides rest on the machine: not decided by mechanics
        return out

    def ground_reaction(self, angles, omega: dict, alpha: dict, state=None) -> dict[str, Any]:
        """Ground reaction (total and per leg) and centre of pressure implied by the motion."""
        st = self.statics
        state = state if state is not None else self.state(angles, omega, alpha)
        w = self._weights(st.whole_body())
        dot = lambda a: np.tensordot(w, a, axes=1)  # noqa: E731
        fx, fy, m0 = dot(state["fx"]), dot(state["fy"]), dot(state["c0"])
        rx, ry = -fx, -fy
        with np.errstate(divide="ignore", invalid="ignore"):
            cop = -m0 / ry
        return {"total": (rx, ry), "leg": (st.leg_share * rx, st.leg_share * ry), "cop": (cop, 0.0 * cop)}

    def bottom_up(self, angles, omega: dict, alpha: dict, force, cop, free_moment=0.0,
                  base_position=(0.0, 0.0), base_acc=(0.0, 0.0)) -> dict[str, Any]:
        """Moments from a measured ground reaction under the analysed foot (lab frame).

        Item moments about a joint do not depend on where the chain stands; only the
        ground reaction's moment needs the joint in lab coordinates (chain + base).
        """
        st = self.statics
        sc = st.sincos(angles)
        state = self.state(sc, omega, alpha, base_acc)
        bx, by = base_position
        legs_total = 1.0 / st.leg_share
        out = {}
        for j in JOINTS:
            jx, jy = st.joint_point(j).evaluate(sc)
            if j == "lumbar":
                members = [(it, it.multiplicity) for it, _ in st.free_items("lumbar", "front", side="down")]
                scale = legs_total
            else:
                members = st.free_items(j, side="down")
                scale = 1.0
            below = self._about(state, self._weights(members), jx, jy)
            lx, ly = jx + bx, jy + by
            grf_m = scale * ((cop[0] - lx) * force[1] - (cop[1] - ly) * force[0] + free_moment)
            out[j] = SIGN[j] * (-(below + grf_m))
        return out


class DynamicsResult(ResultBase):
    """Joint moments over a motion, with their static and inertial parts.

    A member of the result family (:mod:`biomech.mechanics.results`): ``.moments`` (a
    :class:`~biomech.mechanics.results.JointValues`, N·m, anatomical signs, arrays over the motion's
    samples), the shortcuts ``.ankle .knee .hip .lumbar``, ``.per_kg``, ``.dims``
    (``("time",)`` for a sampled motion), ``to_dict()`` and ``to_dataframe()``. Also
    ``static`` and ``inertial`` (:class:`~biomech.mechanics.results.JointValues`), ``ground_reaction``
    (N, (..., 2), per leg) and ``cop`` (m) for the feet-planted route, ``time`` (s),
    ``pose``, ``motion``, ``body``.

    Examples
    --------
    >>> import biomech as bm
    >>> from biomech.motion import Motion
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> res = bm.inverse_dynamics(body, Motion(pose=bm.Pose(shank="20 deg", thigh="60 deg", trunk="30 deg")))
    >>> bool(res.moments.knee == res.knee), res.dims
    (True, ())
    """

    def __init__(self, body, motion, total, static, ground=None, method="top_down"):
        self.body = body
        self.motion = motion
        self.pose = motion.pose
        self.method = method
        self._total = total
        self._static = static
        self._ground_fn = ground  # a callable, evaluated on first use

    def _moment_si(self):
        return self._total

    def _mass_kg(self):
        return self.body.mass_kg

    @property
    def shape(self):
        return np.shape(self._total["knee"])

    def _default_dims(self):
        n = len(self.shape)
        if n and self.motion.time_s is not None and np.shape(self.motion.time_s)[-1:] == self.shape[-1:]:
            lead = ("sample",) if n == 2 else tuple(f"sample_{i}" for i in range(n - 1))
            return lead + ("time",)
        return ("frame",) if n == 1 else tuple(f"frame_{i}" for i in range(n))

    @cached_property
    def _ground(self):
        return None if self._ground_fn is None else self._ground_fn()

    @property
    def static(self) -> JointValues:
        """The gravitational (and external-force) part: the static moments of each pose."""
        return JointValues.from_si(self._static, "N*m", self.body.mass_kg)

    @property
    def inertial(self) -> JointValues:
        """The part due to accelerations: total minus static."""
        return JointValues.from_si({j: np.asarray(self._total[j]) - np.asarray(self._static[j]) for j in JOINTS},
                                   "N*m", self.body.mass_kg)

    @property
    def time(self):
        t = self.motion.time_s
        return None if t is None else quantity(t, "s")

    @property
    def ground_reaction(self):
        """Ground reaction per leg implied by the motion (feet planted), N, (..., 2)."""
        if self._ground is None:
            raise InputValueError("this result came from a measured ground reaction; it has none of its own.")
        return quantity(np.stack(np.broadcast_arrays(*self._ground["leg"]), axis=-1), "N")

    @property
    def cop(self):
        """Centre of pressure implied by the motion, m, (..., 2)."""
        if self._ground is None:
            raise InputValueError("this result came from a measured ground reaction; it has none of its own.")
        return quantity(np.stack(np.broadcast_arrays(*self._ground["cop"]), axis=-1), "m")

    def _dict_extras(self):
        out = {"method": self.method, "static_N_m": self.static.to_dict(), "inertial_N_m": self.inertial.to_dict()}
        if self.motion.time_s is not None:
            out["time_s"] = jsonable(self.motion.time_s)
        return out

    def _frame_columns(self):
        cols = {f"{j}_static_N_m": self._static[j] for j in JOINTS}
        t = self.motion.time_s
        if t is not None and self.shape and np.shape(t)[-1:] == self.shape[-1:]:
            cols["time_s"] = t
        return cols

    def _repr_fields(self):
        return [f"method={self.method!r}"]


def _motion_arrays(motion):
    try:
        angles = motion.pose.segment_angles_rad()
        omega = motion.velocity_rad_s
        alpha = motion.acceleration_rad_s2
    except AttributeError:
        raise InputValueError(f"motion={motion!r} must be a biomech Motion (Motion(pose=..., velocity=..., "
                              f"acceleration=...) or Motion.from_samples(time=..., pose=...)).") from None
    return angles, dict(omega), dict(alpha)


def inverse_dynamics(body: Body, motion, loads: Sequence[Load] | Load = (), stance: str = "both",
                     support: str = "feet", *, ground_reaction=None, base_position: Any = None) -> DynamicsResult:
    """Net joint moments over a motion, inertia included.

    Parameters
    ----------
    body : Body
    motion : Motion
        Segment angles with their angular velocities and accelerations (same names and
        signs as :class:`~biomech.model.pose.Pose`), e.g. from ``Motion.from_samples`` or a
        tempo-driven rep.
    loads : Load or sequence of Load
        Masses move with the body (their inertia counts); forces are as given.
    stance, support : str
        As in :func:`~biomech.mechanics.statics.joint_moments`.
    ground_reaction : GroundReaction, optional
        A measured ground reaction under the analysed foot (lab frame: force (..., 2)
        N, centre of pressure (..., 2) m, optional free moment). Switches to the
        bottom-up route.
    base_position : Quantity, optional
        With ``ground_reaction``: the lab position of the front foot's ball over time,
        (..., 2) m, for feet that move; differentiated twice for its acceleration.

    Returns
    -------
    DynamicsResult
        Moments in N*m with anatomical signs (+ = plantarflexor, knee extensor, hip
        extensor, lumbar extensor), with ``static`` and ``inertial`` parts.

    Examples
    --------
    >>> import numpy as np, biomech as bm
    >>> from biomech.motion import Motion
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> pose = bm.Pose(shank="20 deg", thigh="60 deg", trunk="30 deg")
    >>> still = Motion(pose=pose)                        # no velocity, no acceleration
    >>> res = bm.inverse_dynamics(body, still)
    >>> bool(np.isclose(res.knee.magnitude, bm.joint_moments(body, pose).knee.magnitude))
    True
    """
    if isinstance(loads, Load):
        loads = [loads]
    angles, omega, alpha = _motion_arrays(motion)
    pose = motion.pose
    kwargs = {}
    if isinstance(pose, SplitPose):
        stance = "split"
    st = StaticModel(body, loads, stance, support, **kwargs)
    dyn = DynamicModel(st)
    if ground_reaction is None:
        fast = dyn.moments_fast(angles, omega, alpha)
        if fast is not None:
            total, static = fast
            _check_finite(total, static)
            ground = (lambda: dyn.ground_reaction(angles, omega, alpha)) if support == "feet" else None
            return DynamicsResult(body, motion, total, static, ground, "top_down")
        sc = st.sincos(angles)
        static = st.moments(sc)
        state = dyn.state(sc, omega, alpha)
        total = dyn.moments(sc, omega, alpha, state)
        _check_finite(total, static)
        ground = (lambda: dyn.ground_reaction(sc, omega, alpha, state)) if support == "feet" else None
        return DynamicsResult(body, motion, total, static, ground, "top_down")
    sc = st.sincos(angles)
    static = st.moments(sc)
    try:
        force, cop = ground_reaction.si()[:2]
        free = ground_reaction.si()[2] if len(ground_reaction.si()) > 2 else 0.0
    except AttributeError:
        raise InputValueError("ground_reaction must be a biomech GroundReaction(force=..., cop=...).") from None
    free = 0.0 if free is None else free
    try:
        np.broadcast_shapes(np.shape(force)[:-1], np.shape(cop)[:-1], motion.shape)
    except ValueError:
        raise InputValueError(f"ground_reaction has {np.shape(force)[:-1]} frames but the motion has "
                              f"{motion.shape}; give one ground reaction per frame.") from None
    force = (force[..., 0], force[..., 1])
    cop = (cop[..., 0], cop[..., 1])
    base = (0.0, 0.0)
    base_acc = (0.0, 0.0)
    if base_position is not None:
        bp = np.asarray(to_si(base_position, "m", "base_position"), dtype=float)
        if bp.shape[-1:] != (2,):
            raise InputValueError(f"base_position must have shape (frames, 2); got {bp.shape}.")
        if motion.time_s is None:
            raise InputValueError("base_position needs a motion with time samples (Motion.from_samples).")
        from ..motion.filtering import derivative
        acc = derivative(bp, motion.time_s, order=2, axis=0)
        base = (bp[..., 0], bp[..., 1])
        base_acc = (acc[..., 0], acc[..., 1])
    total = dyn.bottom_up(angles, omega, alpha, force, cop, free, base, base_acc)
    return DynamicsResult(body, motion, total, static, None, "bottom_up")


def _check_finite(total: dict, static: dict) -> None:
    """Finite statics but non-finite dynamics: velocities or accelerations too large for floats."""
    for j, m in total.items():
        if j in static and np.any(~np.isfinite(m) & np.isfinite(static[j])):
            raise InputValueError(f"motion: the velocities or accelerations are too large for the joint moments "
                                  f"to be finite numbers at the {j} (check their units).")
