"""A planar ankle-knee-hip chain for the cue experiments: geometry, mass matrix,
static joint moments and induced accelerations, as plain vectorised numpy in SI.

The chain is the body of :mod:`biomech`'s conventions reduced to three links standing on
a fixed foot: shank (ankle to knee), thigh (knee to hip) and trunk (hip to shoulder, head
and arms lumped in). The ankle is a pin to the ground at the origin (the foot flat and
held by the floor, a closed chain at the foot). Coordinates are the segment angles of
:class:`biomech.Pose` in radians, ``q = (shank lean, thigh angle, trunk lean)``:

* knee = ankle + L_shank (sin s, cos s)
* hip = knee + L_thigh (-sin t, cos t)
* shoulder = hip + L_trunk (sin k, cos k)

Joint angles: dorsiflexion = s, knee flexion = s + t, hip flexion = t + k, i.e.
``joint = B @ q`` with ``B = [[1,0,0],[1,1,0],[0,1,1]]``. Joint moments use the
anatomical signs of the design (positive = plantarflexor, knee extensor, hip extensor);
they do virtual work ``-tau . B dq``, so the generalised force is ``Q = -B.T @ tau``.

Centres of mass are fractions of the segment length from the proximal end (knee for the
shank, hip for the thigh and the trunk), as everywhere in :mod:`biomech`.

The segment parameters come from a :class:`biomech.Body`
(:meth:`ChainParameters.from_body`): both legs' shanks and thighs together, the trunk
with the arms folded along it (one rigid link from hip to shoulder). The chain keeps the
trunk rigid: the pelvis and upper body of :class:`biomech.Pose` are locked together (the
lumbar spine held by its muscles while the legs' moments act), so its trunk angle is the
pose's ``trunk`` for a rigid trunk. The chain is
checked against Pinocchio's CRBA and ABA, against the design's worked examples and
against :func:`biomech.joint_moments` for the same body in the tests.

Examples
--------
>>> import numpy as np
>>> from biomech.mechanics.chain import ChainParameters, static_moments
>>> p = ChainParameters(lengths=np.array([0.4, 0.4, 0.5]), masses=np.array([4., 10., 50.]),
...                     coms=np.array([0.4, 0.4, 0.5]), gyrations=np.array([0.3, 0.3, 0.3]))
>>> q = np.radians([20.0, 80.0, 40.0])
>>> np.round(static_moments(p, q), 2)   # ankle, knee, hip in N*m, no external load
array([-53.82, 137.54,  78.79])
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["ChainParameters", "chain_from_body", "G", "JOINT_FROM_SEGMENT", "joint_positions", "segment_coms",
           "com_jacobians", "mass_matrix", "generalised_force", "induced_joint_accelerations",
           "static_moments"]

from ..constants import G  # noqa: E402  (standard gravity, m/s^2; one home: constants.py)

#: Joint angles (dorsiflexion, knee flexion, hip flexion) = JOINT_FROM_SEGMENT @ segment angles.
JOINT_FROM_SEGMENT = np.array([[1.0, 0.0, 0.0], [1.0, 1.0, 0.0], [0.0, 1.0, 1.0]])

# angular velocity (counter-clockwise, x forward, y up) per unit rate of each segment angle
_OMEGA_SIGN = np.array([-1.0, 1.0, -1.0])


@dataclass(frozen=True)
class ChainParameters:
    """Segment parameters of the three-link chain, SI, order (shank, thigh, trunk).

    Attributes
    ----------
    lengths : ndarray, shape (3,)
        m.
    masses : ndarray, shape (3,)
        kg (both legs together for a symmetric stance, or one leg with its share).
    coms : ndarray, shape (3,)
        Centre of mass, fraction of the length from the proximal end.
    gyrations : ndarray, shape (3,)
        Radius of gyration about the centre of mass, fraction of the length.
    """

    lengths: np.ndarray
    masses: np.ndarray
    coms: np.ndarray
    gyrations: np.ndarray

    @classmethod
    def from_body(cls, body) -> "ChainParameters":
        """The chain of a :class:`biomech.Body`: see :func:`chain_from_body`."""
        return chain_from_body(body)

    @property
    def inertias(self) -> np.ndarray:
        """Moments of inertia about each centre of mass, kg*m^2."""
        return self.masses * (self.gyrations * self.lengths) ** 2


def chain_from_body(body) -> ChainParameters:
    """Three-link chain (shank, thigh, trunk) of a :class:`biomech.Body`, both legs lumped.

    Shank and thigh: the body's segments (length, centre of mass, radius of gyration),
    masses doubled for the two legs. Trunk: hip joint centre to shoulder, with the arms
    folded along it (their proximal end at the shoulder, pointing back down the trunk,
    as the arms hang along an upright trunk); mass, centre of mass and moment of
    inertia of the two combined by the parallel-axis theorem. The foot is held by the
    floor and does not move, so its mass plays no part.

    Examples
    --------
    >>> import biomech as bm
    >>> p = chain_from_body(bm.Body.from_anthropometrics("178 cm", "80 kg"))
    >>> bool(p.lengths[2] == bm.Body.from_anthropometrics("178 cm", "80 kg").trunk.length_m)
    True
    """
    shank, thigh, trunk, arms = body.shank, body.thigh, body.trunk, body.arms
    Lk = trunk.length_m
    m_trunk, c_trunk = trunk.mass_kg, trunk.com * Lk              # from the hip
    I_trunk = trunk.mass_kg * (trunk.gyration * Lk) ** 2
    if arms is not None:
        m_arms, c_arms = arms.mass_kg, Lk - arms.com * arms.length_m  # folded: from the shoulder toward the hip
        I_arms = arms.mass_kg * (arms.gyration * arms.length_m) ** 2
    else:
        m_arms, c_arms, I_arms = 0.0, 0.0, 0.0
    m_hat = m_trunk + m_arms
    c_hat = (m_trunk * c_trunk + m_arms * c_arms) / m_hat
    I_hat = I_trunk + m_trunk * (c_trunk - c_hat) ** 2 + I_arms + m_arms * (c_arms - c_hat) ** 2
    lengths = np.array([shank.length_m, thigh.length_m, Lk])
    return ChainParameters(lengths=lengths, masses=np.array([2 * shank.mass_kg, 2 * thigh.mass_kg, m_hat]),
                           coms=np.array([shank.com, thigh.com, c_hat / Lk]),
                           gyrations=np.array([shank.gyration, thigh.gyration, np.sqrt(I_hat / m_hat) / Lk]))


def joint_positions(p: ChainParameters, q: np.ndarray) -> np.ndarray:
    """Ankle, knee, hip and shoulder positions, shape ``q.shape[:-1] + (4, 2)``, m."""
    q = np.asarray(q, dtype=float)
    s, t, k = q[..., 0], q[..., 1], q[..., 2]
    Ls, Lt, Lk = p.lengths
    ankle = np.zeros(q.shape[:-1] + (2,))
    knee = np.stack([Ls * np.sin(s), Ls * np.cos(s)], axis=-1)
    hip = knee + np.stack([-Lt * np.sin(t), Lt * np.cos(t)], axis=-1)
    shoulder = hip + np.stack([Lk * np.sin(k), Lk * np.cos(k)], axis=-1)
    return np.stack([ankle, knee, hip, shoulder], axis=-2)


def segment_coms(p: ChainParameters, q: np.ndarray) -> np.ndarray:
    """Centres of mass of shank, thigh and trunk, shape ``q.shape[:-1] + (3, 2)``, m."""
    j = joint_positions(p, q)
    ankle, knee, hip, shoulder = (j[..., i, :] for i in range(4))
    cs, ct, ck = p.coms
    return np.stack([knee + cs * (ankle - knee), hip + ct * (knee - hip), hip + ck * (shoulder - hip)], axis=-2)


def com_jacobians(p: ChainParameters, q: np.ndarray) -> np.ndarray:
    """d(centre of mass)/dq for each segment, shape ``q.shape[:-1] + (3 segments, 2, 3)``."""
    q = np.asarray(q, dtype=float)
    s, t, k = q[..., 0], q[..., 1], q[..., 2]
    Ls, Lt, Lk = p.lengths
    cs, ct, ck = p.coms
    zero = np.zeros_like(s)
    dknee = np.stack([Ls * np.cos(s), -Ls * np.sin(s)], axis=-1)          # d knee / ds
    dhip_t = np.stack([-Lt * np.cos(t), -Lt * np.sin(t)], axis=-1)        # d (hip - knee) / dt
    dsh_k = np.stack([Lk * np.cos(k), -Lk * np.sin(k)], axis=-1)          # d (shoulder - hip) / dk
    z2 = np.stack([zero, zero], axis=-1)
    J_shank = np.stack([(1 - cs) * dknee, z2, z2], axis=-1)
    J_thigh = np.stack([dknee, (1 - ct) * dhip_t, z2], axis=-1)
    J_trunk = np.stack([dknee, dhip_t, ck * dsh_k], axis=-1)
    return np.stack([J_shank, J_thigh, J_trunk], axis=-3)


def mass_matrix(p: ChainParameters, q: np.ndarray) -> np.ndarray:
    """Joint-space mass matrix in segment-angle coordinates, shape ``q.shape[:-1] + (3, 3)``, kg*m^2.

    ``T = 1/2 qdot . M(q) qdot`` for the chain standing on a fixed ankle.
    """
    J = com_jacobians(p, q)                                                # (..., 3, 2, 3)
    M = np.einsum("i,...iak,...ial->...kl", p.masses, J, J)
    rot = np.diag(_OMEGA_SIGN)                                             # each segment's omega row
    M = M + np.einsum("i,ik,il->kl", p.inertias, rot, rot)
    return M


def generalised_force(joint_moments: np.ndarray) -> np.ndarray:
    """Generalised force on the segment angles from anatomical joint moments (N*m)."""
    return -np.einsum("ji,...j->...i", JOINT_FROM_SEGMENT, np.asarray(joint_moments, dtype=float))


def induced_joint_accelerations(p: ChainParameters, q: np.ndarray, joint_moments: np.ndarray) -> np.ndarray:
    """Joint angular accelerations a set of joint moments causes on its own, rad/s^2.

    Zero velocity, gravity left out (it is the same for every muscle): ``qdd = M^-1 Q``.
    Returned with the moments' signs: positive = plantarflexion, knee extension, hip
    extension, so a moment and the acceleration it causes at its own joint share a sign.
    """
    M = mass_matrix(p, q)
    Q = generalised_force(joint_moments)
    Q, M = np.broadcast_arrays(Q[..., None], M)
    qdd = np.linalg.solve(M, Q[..., :1])[..., 0]
    return -np.einsum("ij,...j->...i", JOINT_FROM_SEGMENT, qdd)


def static_moments(p: ChainParameters, q: np.ndarray, point_masses=()) -> np.ndarray:
    """Static net joint moments (ankle, knee, hip), anatomical signs, N*m.

    Parameters
    ----------
    p : ChainParameters
    q : ndarray, shape (..., 3)
        Segment angles, rad.
    point_masses : sequence of (segment index, along, offset, mass)
        Extra masses fixed to a segment: ``along`` from the proximal end (m), ``offset``
        at right angles, positive toward the front when the segment is upright (m),
        ``mass`` in kg. Segment indices 0, 1, 2 = shank, thigh, trunk.
    """
    q = np.asarray(q, dtype=float)
    j = joint_positions(p, q)
    coms = segment_coms(p, q)
    pts = [coms[..., i, :] for i in range(3)]
    mass = list(p.masses)
    seg_of = [0, 1, 2]
    prox = {0: j[..., 1, :], 1: j[..., 2, :], 2: j[..., 2, :]}
    dist = {0: j[..., 0, :], 1: j[..., 1, :], 2: j[..., 3, :]}
    for seg, along, offset, m in point_masses:
        axis = dist[seg] - prox[seg]
        axis = axis / np.linalg.norm(axis, axis=-1, keepdims=True)
        # "front" when upright: for the trunk (axis up) front is +x; thigh axis points down from
        # the hip, shank axis down from the knee, so front is the axis turned the other way.
        if seg == 2:
            normal = np.stack([axis[..., 1], -axis[..., 0]], axis=-1)
        else:
            normal = np.stack([-axis[..., 1], axis[..., 0]], axis=-1)
        pts.append(prox[seg] + along * axis + offset * normal)
        mass.append(m)
        seg_of.append(seg)
    # free side above each joint: ankle -> all, knee -> thigh + trunk, hip -> trunk
    above = {0: (0, 1, 2), 1: (1, 2), 2: (2,)}
    sign = np.array([1.0, -1.0, 1.0])      # CCW moment on the free side -> anatomical
    out = []
    for jt in range(3):
        r_joint = j[..., jt, :]
        total = 0.0
        for pt, m, seg in zip(pts, mass, seg_of):
            if seg in above[jt]:
                total = total + (pt[..., 0] - r_joint[..., 0]) * m * G
        out.append(sign[jt] * total)
    return np.stack(out, axis=-1)
