"""Maximal voluntary joint moments against joint angle, for relative effort.

Anderson DE, Madigan ML, Nussbaum MA (2007) Maximum voluntary joint torque as a function
of joint angle and angular velocity: model development and application to the lower limb.
J Biomech 40(14):3105-3113, Table 3 (mean coefficients, as transcribed in the RBDL muscle
add-on, Millard2016TorqueMuscle.cc). Isometric part of their model:

    T_max(theta) = C1 cos(C2 (theta - C3)) x body mass x g x height,

theta in radians. We take their angles as hip flexion, knee flexion and ankle dorsiflexion
(0 = anatomical position), which puts the peaks at 53 deg hip flexion (extension), 65 deg
knee flexion (extension) and 23 deg dorsiflexion (plantarflexion), where these strengths
are known to peak; the convention figure itself was not read. The cosine is floored at
5 % of the peak so the capacity never reaches zero or turns negative.

Examples
--------
>>> import numpy as np
>>> round(float(max_voluntary_moment("knee", +1, np.radians(65), 75.0, 1.75)), 0)
210.0
"""

from __future__ import annotations

import numpy as np

from ..errors import InputValueError

__all__ = ["ANDERSON2007", "max_voluntary_moment", "relative_effort"]

_G = 9.81  # the normalisation Anderson et al. used

#: (joint, direction) -> {(sex, age): (C1, C2, C3)}; direction +1 = extension
#: (plantarflexion at the ankle), -1 = flexion (dorsiflexion). Young = 18-25 yr.
ANDERSON2007 = {
    ("hip", +1): {("male", "young"): (0.161, 0.958, 0.932), ("female", "young"): (0.181, 0.697, 1.242)},
    ("hip", -1): {("male", "young"): (0.113, 0.738, -0.214), ("female", "young"): (0.127, 0.650, -0.350)},
    ("knee", +1): {("male", "young"): (0.163, 1.258, 1.133), ("female", "young"): (0.159, 1.187, 1.274)},
    ("knee", -1): {("male", "young"): (0.087, 0.869, 0.522), ("female", "young"): (0.080, 0.873, 0.635)},
    ("ankle", +1): {("male", "young"): (0.095, 1.391, 0.408), ("female", "young"): (0.104, 1.399, 0.424)},
    ("ankle", -1): {("male", "young"): (0.033, 1.510, -0.187), ("female", "young"): (0.027, 1.079, -0.302)},
}


def max_voluntary_moment(joint, direction, angle_rad, mass_kg, height_m, sex="male", age="young"):
    """Maximal isometric voluntary moment (N*m, positive) at ``angle_rad``."""
    try:
        c1, c2, c3 = ANDERSON2007[(joint, int(direction))][(sex, age)]
    except (KeyError, TypeError, ValueError):
        raise InputValueError(f"no strength curve for joint={joint!r}, direction={direction!r}, "
                              f"sex={sex!r}, age={age!r}; joints ankle/knee/hip, sex male/female, age young.") from None
    for name, v in (("mass_kg", mass_kg), ("height_m", height_m)):
        if isinstance(v, (str, bytes)) or hasattr(v, "units") or not np.all(np.asarray(v, dtype=object) == v):
            raise InputValueError(f"{name}={v!r}: expected a positive number (SI: kg, m).")
        try:
            ok = np.all(np.asarray(v, dtype=float) > 0)
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise InputValueError(f"{name}={v!r}: expected a positive number (SI: kg, m).")
    try:
        angle = np.asarray(angle_rad, dtype=float)
    except (TypeError, ValueError):
        raise InputValueError(f"angle_rad={angle_rad!r}: expected a number or array of numbers (radians).") from None
    shape = np.maximum(np.cos(c2 * (angle - c3)), 0.05)
    return c1 * shape * mass_kg * _G * height_m


def relative_effort(joint, moment, angle_rad, mass_kg, height_m, sex="male"):
    """Joint moment / maximal voluntary moment in the moment's own direction (>= 0)."""
    try:
        m = np.asarray(moment, dtype=float)
    except (TypeError, ValueError):
        raise InputValueError(f"moment={moment!r}: expected a number or array of numbers (N*m).") from None
    ext = max_voluntary_moment(joint, +1, angle_rad, mass_kg, height_m, sex)
    flx = max_voluntary_moment(joint, -1, angle_rad, mass_kg, height_m, sex)
    return np.where(m >= 0, m / ext, -m / flx)
