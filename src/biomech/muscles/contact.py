"""Joint contact forces from muscle forces: patellofemoral, tibiofemoral, L5/S1.

Unit-free kernels (SI: N, m, rad). All are sagittal, static and assume rigid tendons.

Patellofemoral
    The quadriceps-tendon to patellar-tendon force ratio F_Q/F_P varies with knee
    flexion: 0.86 at 10 deg to 1.55 at 70 deg in eight cadaver knees (J Biomech
    1988;21(1):17-23, PubMed 3339023, abstract; Buff, Jones & Hungerford). We interpolate
    linearly between those two points and hold the end values outside them. The
    patellofemoral compression is the resultant of the two tendon forces, each taken
    along its bone's long axis, so the angle between them is 180 deg minus the knee
    flexion: C = sqrt(F_Q^2 + F_P^2 - 2 F_Q F_P cos(knee)).

Tibiofemoral
    Compression = F_P cos(alpha) + hamstrings + gastrocnemius forces (the last two taken
    along the tibia); anterior shear = F_P sin(alpha), with alpha the patellar-ligament
    angle to the shank axis against knee flexion digitised from van Eijden et al. (1985)
    Fig. 3 (public transcription, gurchiek/nms-dyn ``patellarLigamentAngle.m``). The
    external forces on the shank and the hamstrings' own shear are left out.

L5/S1
    Compression = lumbar extensor moment / erector moment arm + weight above x cos(trunk
    lean). Erector moment arm 6 cm: the WATBAK model used by Cholewicki J, McGill SM,
    Norman RW (1991) Med Sci Sports Exerc 23(10):1179-1186 (abstract). Their extensor
    line of action (5 deg oblique) is not modelled.

Examples
--------
>>> import numpy as np
>>> round(float(quadriceps_to_patellar_ratio(np.radians(70))), 2)
1.55
>>> round(float(patellofemoral_compression(1000.0, np.radians(90))), 0)
1190.0
"""

from __future__ import annotations

import numpy as np

from ..errors import InputValueError

__all__ = ["BUFF1988_RATIO", "VAN_EIJDEN1985_LIGAMENT_ANGLE", "ERECTOR_MOMENT_ARM",
           "quadriceps_to_patellar_ratio", "patellar_tendon_force", "patellofemoral_compression",
           "tibiofemoral_forces", "l5s1_compression"]

#: (knee flexion deg, F_Q / F_P), J Biomech 1988;21:17-23 abstract.
BUFF1988_RATIO = ((10.0, 0.86), (70.0, 1.55))

#: Patellar ligament angle to the shank axis (deg) at knee flexion 0, 10, ... 120 deg,
#: van Eijden et al. (1985) Fig. 3, digitised (public transcription).
VAN_EIJDEN1985_LIGAMENT_ANGLE = (
    np.arange(0.0, 121.0, 10.0),
    np.array([20.6161, 19.1943, 15.8768, 13.7441, 11.6114, 8.2938, 4.9763, 1.8957, -1.8957,
              -6.6351, -9.7156, -13.7441, -17.2986]))

#: Erector spinae moment arm at the lumbosacral level, m (Cholewicki et al. 1991, WATBAK).
ERECTOR_MOMENT_ARM = 0.06


def _arr(value, name, nonnegative=False):
    """``value`` as a float array, or an InputValueError naming ``name``."""
    if isinstance(value, (str, bytes)) or hasattr(value, "units"):
        raise InputValueError(f"{name}={value!r}: the kernels take plain SI numbers (N, N*m or rad); "
                              "use biomech.muscles.muscle_demand for Quantities.")
    try:
        a = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise InputValueError(f"{name}={value!r}: expected a number or an array of numbers.") from None
    if nonnegative and np.any(a < 0):
        raise InputValueError(f"{name}={value!r}: expected values >= 0.")
    return a


def quadriceps_to_patellar_ratio(knee_rad):
    """F_Q / F_P against knee flexion (radians); see the module doc for the source."""
    (x0, y0), (x1, y1) = BUFF1988_RATIO
    return np.interp(np.degrees(_arr(knee_rad, "knee_rad")), [x0, x1], [y0, y1])


def patellar_tendon_force(quadriceps_force, knee_rad):
    """Patellar tendon force (N) from the quadriceps force (N)."""
    return _arr(quadriceps_force, "quadriceps_force", True) / quadriceps_to_patellar_ratio(knee_rad)


def patellofemoral_compression(quadriceps_force, knee_rad):
    """Patellofemoral compressive force (N) from the quadriceps force and knee flexion."""
    fq = _arr(quadriceps_force, "quadriceps_force", True)
    knee_rad = _arr(knee_rad, "knee_rad")
    fp = patellar_tendon_force(fq, knee_rad)
    return np.sqrt(np.maximum(fq ** 2 + fp ** 2 - 2.0 * fq * fp * np.cos(knee_rad), 0.0))


def tibiofemoral_forces(quadriceps_force, hamstrings_force, gastrocnemius_force, knee_rad):
    """Tibiofemoral (compression, anterior shear) in N; see the module doc."""
    fp = patellar_tendon_force(quadriceps_force, knee_rad)
    alpha = np.radians(np.interp(np.degrees(knee_rad), *VAN_EIJDEN1985_LIGAMENT_ANGLE))
    compression = (fp * np.cos(alpha) + _arr(hamstrings_force, "hamstrings_force", True)
                   + _arr(gastrocnemius_force, "gastrocnemius_force", True))
    shear = fp * np.sin(alpha)
    return compression, shear


def l5s1_compression(lumbar_moment, weight_above, trunk_lean_rad=0.0, moment_arm=ERECTOR_MOMENT_ARM):
    """L5/S1 compression (N): extensor force for the lumbar moment plus the axial part of
    the weight above. Flexor (negative) lumbar moments add no extensor force.

    >>> round(float(l5s1_compression(300.0, 500.0)), 1)
    5500.0
    """
    m = np.maximum(_arr(lumbar_moment, "lumbar_moment"), 0.0)
    arm = _arr(moment_arm, "moment_arm")
    if np.any(~(arm > 0)):
        raise InputValueError(f"moment_arm={moment_arm!r}: expected a positive length in m.")
    return m / arm + _arr(weight_above, "weight_above", True) * np.cos(_arr(trunk_lean_rad, "trunk_lean_rad"))
