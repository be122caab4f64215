"""Unit-free kernels, under one naming convention: ``<what>_si``.

The public functions (:func:`biomech.joint_moments`, :func:`biomech.inverse_dynamics`,
:func:`biomech.muscle_demand`, the exercises, ...) take and return pint Quantities and
check every argument once, at the edge. Underneath each sits a kernel: plain numpy in SI
units (m, kg, s, N, rad, N·m; angles in radians), vectorised over any number of poses or
frames, with no unit handling and only the cheap checks. This module gathers them, each
named ``<what>_si``, for callers that loop (an optimiser, a fitting routine, a sweep of
millions of poses) and want to skip the unit edge.

The fast path for a loop: build the model once, call its kernel many times.

>>> import numpy as np, biomech as bm
>>> from biomech import kernels
>>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
>>> model = kernels.StaticModel(body, [bm.Barbell("100 kg")])          # once
>>> m = kernels.joint_moments_si(model, {"foot": 0.0, "shank": 0.5, "thigh": 1.57, "trunk": 0.8, "arms": 0.0})
>>> sorted(m), round(float(m["knee"]), 1) > 0
(['ankle', 'hip', 'knee', 'lumbar'], True)

:func:`unit_edge` is the one helper that turns a kernel into a function with units at its
edge (Quantities or strings in, Quantities out).

=====================================  ===========================================================
kernel                                 what it computes (SI in, SI out)
=====================================  ===========================================================
:func:`joint_moments_si`               static joint moments of a :class:`StaticModel` (N·m)
:func:`inverse_dynamics_si`            top-down inverse dynamics of a :class:`DynamicModel` (N·m)
``bottom_up_inverse_dynamics_si``      gait-lab inverse dynamics from points and a ground reaction
``segment_kinematics_si``              segment angles, centres of mass and accelerations from points
``muscle_demand_si``                   muscle forces, activations and shares from joint moments
``extension_velocity_si``              joint extension velocities from segment velocities (rad/s)
``depth_profile_si``                   fraction of depth over time for a tempo
``split_integral_si``                  positive and negative time integrals (trapezoid)
``time_above_si``                      time spent above a threshold (s)
``joint_power_si``                     joint power, moment x extension velocity (W)
``peak_si``                            peak value, its index and sign
``squat_si``, ``split_stance_si``      the squat and split-stance solvers (exercise parameters in SI)
=====================================  ===========================================================
"""

from __future__ import annotations

import functools
from typing import Any, Callable

from .mechanics.dynamics import DynamicModel
from .exercises.lunges import split_kernel as split_stance_si
from .exercises.squats import squat_kernel as squat_si
from .mechanics.gaitlab import bottom_up_inverse_dynamics as bottom_up_inverse_dynamics_si
from .mechanics.gaitlab import segment_kinematics as segment_kinematics_si
from .motion.motion import extension_velocity_kernel as extension_velocity_si
from .muscles.demand import muscle_demand_si
from .mechanics.statics import StaticModel
from .motion.tempo import depth_profile_kernel as depth_profile_si
from .motion.summaries import joint_power_kernel as joint_power_si
from .motion.summaries import peak_kernel as peak_si
from .motion.summaries import split_integral_kernel as split_integral_si
from .motion.summaries import time_above_kernel as time_above_si
from .units import Q_, to_si

__all__ = ["StaticModel", "DynamicModel", "joint_moments_si", "inverse_dynamics_si",
           "bottom_up_inverse_dynamics_si", "segment_kinematics_si", "muscle_demand_si", "extension_velocity_si",
           "depth_profile_si", "split_integral_si", "time_above_si", "joint_power_si", "peak_si", "squat_si",
           "split_stance_si", "unit_edge"]


def joint_moments_si(model: StaticModel, angles: dict[str, Any]) -> dict[str, Any]:
    """Static net joint moments, N·m, anatomical signs, for segment angles in radians.

    Parameters
    ----------
    model : StaticModel
        Body, loads, stance and support, built once.
    angles : dict of str to float or ndarray
        Segment angles (``foot``, ``shank``, ``thigh``, ``trunk``, ``arms``; the rear leg's
        too for a split stance), radians, broadcast together. ``trunk`` alone is a rigid
        trunk; ``pelvis`` and ``upper_body`` in its place give the two parts of the trunk their
        own angles (``Pose.segment_angles_rad()`` gives them for such a pose).

    Returns
    -------
    dict of str to float or ndarray
        ``ankle``, ``knee``, ``hip`` (per leg) and ``lumbar`` (whole body), N·m.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> model = StaticModel(body, [bm.Barbell("100 kg")])
    >>> rigid = joint_moments_si(model, {"foot": 0.0, "shank": 0.5, "thigh": 1.57, "trunk": 0.6, "arms": 0.0})
    >>> split = joint_moments_si(model, {"foot": 0.0, "shank": 0.5, "thigh": 1.57, "pelvis": 0.6,
    ...                                  "upper_body": 0.6, "arms": 0.0})
    >>> bool(abs(rigid["hip"] - split["hip"]) < 1e-9)
    True
    """
    return model.moments(angles)


def inverse_dynamics_si(model: DynamicModel, angles: dict[str, Any], omega: dict[str, Any],
                        alpha: dict[str, Any]) -> dict[str, Any]:
    """Top-down inverse dynamics (feet planted), N·m, anatomical signs.

    Parameters
    ----------
    model : DynamicModel
        ``DynamicModel(StaticModel(body, loads, stance, support))``, built once.
    angles, omega, alpha : dict of str to float or ndarray
        Segment angles (rad), angular velocities (rad/s) and accelerations (rad/s^2) by
        segment name (a missing rate is 0). With ``pelvis`` and ``upper_body`` angles the
        rates are read for those two parts (a ``trunk`` rate is then ignored); with ``trunk``
        alone the trunk's rates drive both parts.

    Returns
    -------
    dict of str to float or ndarray
        ``ankle``, ``knee``, ``hip``, ``lumbar``, N·m.

    Examples
    --------
    >>> import numpy as np, biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> dyn = DynamicModel(StaticModel(body))
    >>> ang = {"foot": 0.0, "shank": np.full(3, 0.3), "thigh": 1.2, "trunk": 0.5, "arms": 0.0}
    >>> m = inverse_dynamics_si(dyn, ang, {"shank": np.ones(3)}, {})
    >>> m["knee"].shape
    (3,)
    """
    fast = model.moments_fast(angles, omega, alpha)
    if fast is not None:
        return fast[0]
    return model.moments(angles, omega, alpha)


def unit_edge(inputs: dict[str, str], returns: str | tuple[str, ...] | dict[str, str]) -> Callable:
    """Decorator: a kernel (SI in, SI out) becomes a function with units at its edge.

    Each argument named in ``inputs`` is read as a Quantity or a string (``"80 kg"``) and
    converted to that SI unit, with the library's error (naming the argument) for a bare
    number or the wrong dimension; the result (one value, a tuple or a dict) is wrapped
    in ``returns``'s unit(s).

    Parameters
    ----------
    inputs : dict of str to str
        Argument name -> SI unit the kernel expects.
    returns : str, tuple of str or dict of str to str
        Unit of the result; of each element of a returned tuple; or of each key of a
        returned dict.

    Examples
    --------
    >>> joint_power = unit_edge({"moment": "N*m", "extension_velocity": "rad/s"}, "W")(joint_power_si)
    >>> joint_power(moment="150 N*m", extension_velocity=Q_(2.0, "rad/s"))
    <Quantity(300.0, 'watt')>
    """
    def wrap(kernel: Callable) -> Callable:
        @functools.wraps(kernel)
        def edge(*args: Any, **kwargs: Any):
            import inspect

            bound = inspect.signature(kernel).bind(*args, **kwargs)
            for name, unit in inputs.items():
                if name in bound.arguments:
                    bound.arguments[name] = to_si(bound.arguments[name], unit, name)
            out = kernel(*bound.args, **bound.kwargs)
            if isinstance(returns, str):
                return Q_(out, returns)
            if isinstance(returns, dict):
                return {k: Q_(v, returns[k]) if k in returns else v for k, v in out.items()}
            return tuple(Q_(v, u) for v, u in zip(out, returns))
        edge.kernel = kernel
        return edge
    return wrap
