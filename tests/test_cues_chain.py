"""The three-link chain used by the cue experiments, checked two ways each."""

import numpy as np
import pinocchio as pin
import pytest

import biomech as bm
from biomech.mechanics.chain import (G, JOINT_FROM_SEGMENT, ChainParameters, chain_from_body, generalised_force,
                                induced_joint_accelerations, joint_positions, mass_matrix, segment_coms,
                                static_moments)

# the design document's worked-example body (shank, thigh, trunk)
DESIGN = ChainParameters(lengths=np.array([0.40, 0.40, 0.50]), masses=np.array([4.0, 10.0, 50.0]),
                         coms=np.array([0.40, 0.40, 0.50]), gyrations=np.array([0.30, 0.32, 0.35]))
Q_DESIGN = np.radians([20.0, 80.0, 40.0])


def test_design_worked_example_with_trunk_point_mass():
    # expected: the design document's first worked example (100 kg on the trunk at 0.45 m, -0.05 m)
    m = static_moments(DESIGN, Q_DESIGN, [(2, 0.45, -0.05, 100.0)])
    np.testing.assert_allclose(m, [-59.86, 277.74, 324.89], atol=5e-3)


def test_design_worked_example_knee_and_hip_without_load():
    # the second worked example's force acts on the shank, below the knee, so knee and hip
    # equal the unloaded chain's: 137.54 and 78.79 N*m (design document)
    m = static_moments(DESIGN, Q_DESIGN)
    np.testing.assert_allclose(m[1:], [137.54, 78.79], atol=5e-3)


def test_static_moments_equal_the_gradient_of_potential_energy():
    # equilibrium: -B^T tau = dV/dq, V = g * sum(m_i y_i); central differences
    rng = np.random.default_rng(1)
    for q in rng.uniform([0, 0, 0], [0.7, 1.8, 1.0], size=(5, 3)):
        tau = static_moments(DESIGN, q)
        h = 1e-6
        grad = []
        for i in range(3):
            dq = np.zeros(3)
            dq[i] = h
            V = [G * np.sum(DESIGN.masses * segment_coms(DESIGN, q + s * dq)[:, 1]) for s in (1, -1)]
            grad.append((V[0] - V[1]) / (2 * h))
        np.testing.assert_allclose(generalised_force(tau), grad, rtol=1e-6, atol=1e-6)


def _pinocchio_chain(p: ChainParameters):
    """The same chain in Pinocchio: revolute z joints, links pointing up (+y) at zero."""
    model = pin.Model()
    parent, place = 0, pin.SE3.Identity()
    # distance of each COM from the segment's lower joint (ankle, knee, hip)
    from_lower = [(1 - p.coms[0]) * p.lengths[0], (1 - p.coms[1]) * p.lengths[1], p.coms[2] * p.lengths[2]]
    for i in range(3):
        jid = model.addJoint(parent, pin.JointModelRZ(), place, f"j{i}")
        I = p.inertias[i]
        model.appendBodyToJoint(jid, pin.Inertia(p.masses[i], np.array([0.0, from_lower[i], 0.0]),
                                                 np.diag([I, I, I])), pin.SE3.Identity())
        parent = jid
        place = pin.SE3(np.eye(3), np.array([0.0, p.lengths[i], 0.0]))
    model.gravity.linear[:] = 0.0
    return model


# pinocchio's relative CCW angles phi from our segment angles q: phi = C q
C = np.array([[-1.0, 0.0, 0.0], [1.0, 1.0, 0.0], [0.0, -1.0, -1.0]])


@pytest.mark.parametrize("q_deg", [(5, 5, 5), (20, 50, 30), (30, 90, 45), (-10, 120, 80)])
def test_mass_matrix_matches_pinocchio_crba(q_deg):
    model = _pinocchio_chain(DESIGN)
    data = model.createData()
    q = np.radians(q_deg)
    M_phi = pin.crba(model, data, C @ q)
    M_phi = np.triu(M_phi) + np.triu(M_phi, 1).T
    np.testing.assert_allclose(mass_matrix(DESIGN, q), C.T @ M_phi @ C, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("q_deg", [(5, 5, 5), (30, 90, 45)])
def test_induced_accelerations_match_pinocchio_aba(q_deg):
    model = _pinocchio_chain(DESIGN)
    data = model.createData()
    q = np.radians(q_deg)
    tau = np.array([30.0, -20.0, 50.0])         # anatomical joint moments, N*m
    Q = generalised_force(tau)                  # on q
    Q_phi = np.linalg.solve(C.T, Q)             # Q = C^T Q_phi
    phidd = pin.aba(model, data, C @ q, np.zeros(3), Q_phi)
    qdd = np.linalg.solve(C, phidd)
    np.testing.assert_allclose(induced_joint_accelerations(DESIGN, q, tau), -JOINT_FROM_SEGMENT @ qdd,
                               rtol=1e-9, atol=1e-12)


def test_positions_follow_the_design_conventions():
    j = joint_positions(DESIGN, np.radians([30.0, 90.0, 0.0]))
    knee, hip, shoulder = j[1], j[2], j[3]
    assert knee[0] > 0                           # shank lean: knee ahead of ankle
    np.testing.assert_allclose(hip[1], knee[1], atol=1e-12)   # thigh 90 deg: horizontal
    assert hip[0] < knee[0]                      # hip behind knee
    np.testing.assert_allclose(shoulder - hip, [0.0, 0.5], atol=1e-12)


def test_vectorised_over_poses():
    q = np.radians([[5, 5, 5], [30, 90, 45]])
    M = mass_matrix(DESIGN, q)
    assert M.shape == (2, 3, 3)
    np.testing.assert_allclose(M[1], mass_matrix(DESIGN, q[1]))
    assert np.all(np.linalg.eigvalsh(M) > 0)


@pytest.mark.parametrize("q_deg", [(5, 5, 5), (20, 50, 30), (30, 90, 45)])
def test_chain_from_a_body_matches_the_library_statics(q_deg):
    # Second route: biomech.joint_moments for the same Body with the arms folded along the trunk
    # (arm angle = -trunk lean); the chain lumps both legs, the library reports per leg.
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    p = chain_from_body(body)
    assert p.lengths[1] == body.thigh.length_m and p.masses[0] == pytest.approx(2 * body.shank.mass_kg)
    s, t, k = np.radians(q_deg)
    pose = bm.Pose.from_radians(s, t, k, 0.0, -k)
    res = bm.joint_moments(body, pose)
    lib = [2 * float(getattr(res, j).to("N*m").magnitude) for j in ("ankle", "knee", "hip")]
    np.testing.assert_allclose(static_moments(p, np.radians(q_deg)), lib, rtol=1e-9, atol=1e-9)


def test_chain_from_a_body_lumps_the_arms_into_the_trunk():
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    p = chain_from_body(body)
    assert p.masses[2] == pytest.approx(body.trunk.mass_kg + body.arms.mass_kg)
    no_arms = chain_from_body(bm.Body.from_segments(body.shank, body.thigh, body.trunk))
    assert no_arms.coms[2] == pytest.approx(body.trunk.com)
    assert no_arms.gyrations[2] == pytest.approx(body.trunk.gyration)
