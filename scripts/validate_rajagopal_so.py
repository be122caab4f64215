#!/usr/bin/env python
"""OpenSim's static-optimisation formulation on the Rajagopal-Lai-Uhlrich (2023) model at one
pose, for comparison with ``biomech.muscles.rajagopal_demand``.

What OpenSim's StaticOptimization does for a pose with ``use_muscle_physiology`` on: each
muscle's force is activation x its active fibre force along the tendon at full activation with
an inextensible tendon (``calcInextensibleTendonActiveFiberForce(state, 1)``: OpenSim's own
force-length curve and pennation), the cost is the sum of squared activations, and the
muscles (plus reserve actuators) must reproduce the net moment of every unlocked coordinate.
Here the non-sagittal coordinates are locked (so the hip's frontal and transverse moments are
free, as with ``hold_frontal=False``), the three sagittal moments are given, and each
sagittal coordinate has a reserve actuator of 1 N*m optimal force (its torque costs as much
as the activation of a muscle, squared). The muscle data come from OpenSim at the pose; the
quadratic programme is solved with scipy (SLSQP), not with OpenSim's optimiser.

Usage::

    python scripts/validate_rajagopal_so.py [MODEL.osim]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import tabulate_rajagopal as tab  # noqa: E402

#: sagittal coordinates, and the library's sign of each (library = sign x OpenSim moment)
COORDS = (("ankle_angle_r", -1.0), ("knee_angle_r", -1.0), ("hip_flexion_r", -1.0))
RESERVE_OPTIMAL_FORCE = 1.0  # N*m


def opensim_static_optimisation(model, state, hip_deg, knee_deg, ankle_deg, moments):
    """Muscle forces (N, dict by OpenSim name without ``_r``) and reserve torques (N*m) for
    the library-signed ``moments`` (ankle, knee, hip) at the pose."""
    from scipy.optimize import minimize
    tab.set_pose(model, state, hip_deg, knee_deg, ankle_deg)
    cs = model.getCoordinateSet()
    muscles = tab.right_leg_muscles(model)
    names = [m.getName()[:-2] for m in muscles]
    fmax = np.array([m.calcInextensibleTendonActiveFiberForce(state, 1.0) for m in muscles])
    R = np.array([[sgn * m.computeMomentArm(state, cs.get(c)) for m in muscles] for c, sgn in COORDS])
    A = np.hstack([R * fmax[None, :], RESERVE_OPTIMAL_FORCE * np.eye(3)])
    M = np.asarray(moments, float)
    s = np.max(np.abs(A))
    k = A.shape[1]
    lower = [0.0] * len(muscles) + [-np.inf] * 3
    res = minimize(lambda x: np.sum(x ** 2), np.full(k, 0.1), jac=lambda x: 2 * x, method="SLSQP",
                   bounds=list(zip(lower, [None] * k)),
                   constraints=[{"type": "eq", "fun": lambda x: (A @ x - M) / s, "jac": lambda x: A / s}],
                   options={"ftol": 1e-14, "maxiter": 1000})
    a = res.x
    return dict(zip(names, a[:-3] * fmax)), a[-3:] * RESERVE_OPTIMAL_FORCE, R


def main(argv=None):
    path = Path(argv[0]) if argv else tab.DEFAULT_MODEL
    os.chdir(tempfile.mkdtemp())
    model, state = tab.load_model(path, clamp=False)
    forces, reserves, R = opensim_static_optimisation(model, state, 100.0, 110.0, 25.0, [50.0, 200.0, 250.0])
    print({k: round(v) for k, v in forces.items() if v > 1}, reserves)


if __name__ == "__main__":
    main(sys.argv[1:])
