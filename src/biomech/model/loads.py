"""External loads: barbells, masses and forces fixed to segments, bands and cables.

A load is a frozen description. :meth:`Load.items` resolves it, for a given body,
into force items: a point on a segment (``along`` from the segment's proximal end,
``offset`` at right angles, positive toward the front of the body when the segment
is upright) and a force in world axes (x forward, y up), either constant or, for
bands and cables, a function of where the point is.

Examples
--------
>>> import biomech as bm
>>> bar = bm.Barbell(mass="100 kg", position="high_bar")
>>> bm.PointMass(segment="trunk", along="0.5 m", offset="-5 cm", mass="20 kg").mass_kg
20.0
>>> bm.PointForce(segment="shank", along="0.4 m", force=bm.Q_([0, -300], "N")).force_n
(0.0, -300.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from ..errors import InputValueError
from ..units import quantity, to_si

__all__ = ["G", "Load", "ForceItem", "PointMass", "PointForce", "Barbell", "HandLoad", "ElasticBand", "Cable",
           "BAR_POSITIONS", "LOAD_SEGMENTS"]

from ..constants import G  # noqa: E402  (standard gravity, m/s^2, along -y; one home: constants.py)

#: Segments a load can be fixed to. ``rear_*`` name the rear leg of a split stance.
LOAD_SEGMENTS = ("foot", "shank", "thigh", "trunk", "arms", "rear_foot", "rear_shank", "rear_thigh")

#: Where each bar position sits relative to the shoulder joint centre, in trunk
#: coordinates: (distance along the trunk beyond the shoulder, offset toward the front), m.
#: Stated geometry (an assumption, overridable with ``along``/``offset``), following the
#: descriptions of Wretenberg, Feng & Arborelius (1996, Med Sci Sports Exerc 28:218):
#: high bar on the upper trapezius just below C7, low bar lower across the posterior
#: deltoids and spine of the scapula, and the front-rack bar on the anterior deltoids.
BAR_POSITIONS = {
    "high_bar": (0.05, -0.06),
    "low_bar": (-0.03, -0.08),
    "front": (0.02, 0.08),
}
_BAR_ALIASES = {"high": "high_bar", "high_bar": "high_bar", "highbar": "high_bar", "high-bar": "high_bar",
                "low": "low_bar", "low_bar": "low_bar", "lowbar": "low_bar", "low-bar": "low_bar",
                "front": "front", "front_rack": "front", "front_squat": "front"}


def bar_position(name: str) -> str:
    """Canonical bar position name (``"high"`` -> ``"high_bar"``)."""
    key = str(name).strip().lower().replace(" ", "_")
    if key not in _BAR_ALIASES:
        raise InputValueError(f"position={name!r} is not a bar position; expected one of high_bar, low_bar, front "
                              f"(high and low are accepted too).")
    return _BAR_ALIASES[key]


def _segment(name: str) -> str:
    if not isinstance(name, str) or name not in LOAD_SEGMENTS:
        raise InputValueError(f"segment={name!r} is not a segment a load can be fixed to; expected one of "
                              f"{', '.join(LOAD_SEGMENTS)}.")
    return name


def _force_vector(value: Any, name: str) -> tuple[Any, Any]:
    f = to_si(value, "N", name)
    f = np.asarray(f, dtype=float)
    if f.ndim == 0 or f.shape[-1] != 2:
        raise InputValueError(f"{name} must be a force vector (Fx, Fy) in world axes, shape (..., 2); got shape "
                              f"{f.shape}.")
    fx, fy = f[..., 0], f[..., 1]
    return (float(fx) if fx.ndim == 0 else fx, float(fy) if fy.ndim == 0 else fy)


@dataclass(frozen=True)
class ForceItem:
    """One force acting at one point of a segment (SI).

    ``force`` is a constant ``(Fx, Fy)`` or ``None`` with ``field`` a function
    ``(x, y) -> (Fx, Fy)`` of the point's position (bands and cables). ``mass_kg``
    is the mass that makes the force (gravity) or 0; it counts in the centre of mass
    and in inertia.
    """

    label: str
    segment: str
    along_m: Any
    offset_m: Any
    force: tuple[Any, Any] | None
    mass_kg: Any = 0.0
    field: Callable[[Any, Any], tuple[Any, Any]] | None = None


class Load:
    """Base class of external loads."""

    label = "load"

    def items(self, body) -> list[ForceItem]:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass(frozen=True, init=False)
class PointMass(Load):
    """A mass fixed to a segment point (a plate held to the chest, a weight belt).

    Parameters
    ----------
    segment : str
        One of :data:`LOAD_SEGMENTS`.
    along, offset : Quantity or str
        Position on the segment: ``along`` from its proximal end, ``offset`` at right
        angles (positive toward the front when the segment is upright).
    mass : Quantity or str
        Mass, kg; may be an array (a sweep over loads).
    label : str
        Name used in the per-load table (default ``"point mass"``).
    """

    segment: str
    along_m: Any
    offset_m: Any
    mass_kg: Any
    label: str

    def __init__(self, segment: str, along: Any, mass: Any, offset: Any = "0 m", label: str = "point mass"):
        object.__setattr__(self, "segment", _segment(segment))
        object.__setattr__(self, "along_m", to_si(along, "m", "along"))
        object.__setattr__(self, "offset_m", to_si(offset, "m", "offset"))
        object.__setattr__(self, "mass_kg", to_si(mass, "kg", "mass", nonnegative=True))
        object.__setattr__(self, "label", str(label))

    @property
    def mass(self):
        return quantity(self.mass_kg, "kg")

    def items(self, body) -> list[ForceItem]:
        return [ForceItem(self.label, self.segment, self.along_m, self.offset_m, (0.0 * self.mass_kg, -G * self.mass_kg),
                          self.mass_kg)]


@dataclass(frozen=True, init=False)
class PointForce(Load):
    """A force vector (world axes) applied at a segment point: a cable, a pad, a hand.

    Parameters
    ----------
    segment, along, offset : as for :class:`PointMass`
    force : Quantity
        ``(Fx, Fy)`` in N, world axes (x forward, y up); arrays of shape (..., 2) sweep.
    label : str
        Name in the per-load table (default ``"force"``).
    """

    segment: str
    along_m: Any
    offset_m: Any
    force_n: tuple[Any, Any]
    label: str

    def __init__(self, segment: str, along: Any, force: Any, offset: Any = "0 m", label: str = "force"):
        object.__setattr__(self, "segment", _segment(segment))
        object.__setattr__(self, "along_m", to_si(along, "m", "along"))
        object.__setattr__(self, "offset_m", to_si(offset, "m", "offset"))
        object.__setattr__(self, "force_n", _force_vector(force, "force"))
        object.__setattr__(self, "label", str(label))

    def items(self, body) -> list[ForceItem]:
        return [ForceItem(self.label, self.segment, self.along_m, self.offset_m, self.force_n, 0.0)]


@dataclass(frozen=True, init=False)
class Barbell(Load):
    """A barbell on the back (high or low bar) or in the front rack.

    Parameters
    ----------
    mass : Quantity or str
        Bar plus plates.
    position : {"high_bar", "low_bar", "front"}
        ``"high"`` and ``"low"`` are accepted too. Where each sits is
        :data:`BAR_POSITIONS` (relative to the shoulder joint centre).
    along, offset : Quantity, optional
        Override the position: distance along the trunk beyond the shoulder and offset
        toward the front.

    Examples
    --------
    >>> Barbell("100 kg", "low").position
    'low_bar'
    """

    mass_kg: Any
    position: str
    beyond_shoulder_m: float
    offset_m: float
    label: str = "bar"

    def __init__(self, mass: Any, position: str = "high_bar", along: Any = None, offset: Any = None):
        object.__setattr__(self, "mass_kg", to_si(mass, "kg", "mass", nonnegative=True))
        pos = bar_position(position)
        object.__setattr__(self, "position", pos)
        d_along, d_off = BAR_POSITIONS[pos]
        object.__setattr__(self, "beyond_shoulder_m", d_along if along is None else to_si(along, "m", "along"))
        object.__setattr__(self, "offset_m", d_off if offset is None else to_si(offset, "m", "offset"))
        object.__setattr__(self, "label", "bar")

    @property
    def mass(self):
        return quantity(self.mass_kg, "kg")

    def items(self, body) -> list[ForceItem]:
        along = body.trunk.length_m + self.beyond_shoulder_m
        return [ForceItem("bar", "trunk", along, self.offset_m, (0.0 * self.mass_kg, -G * self.mass_kg), self.mass_kg)]


@dataclass(frozen=True, init=False)
class HandLoad(Load):
    """A load held in the hands at the grip: dumbbells, kettlebells, a bar on straight arms.

    It hangs at the distal end of the arms segment, so the body needs arms.

    >>> HandLoad("2 * 20 kg").mass
    <Quantity(40.0, 'kilogram')>
    """

    mass_kg: Any
    label: str

    def __init__(self, mass: Any, label: str = "hands"):
        object.__setattr__(self, "mass_kg", to_si(mass, "kg", "mass", nonnegative=True))
        object.__setattr__(self, "label", str(label))

    @property
    def mass(self):
        return quantity(self.mass_kg, "kg")

    def items(self, body) -> list[ForceItem]:
        if body.arms is None:
            raise InputValueError("HandLoad needs a body with arms (Body.arms is None); add an arms segment with "
                                  "body.with_segment('arms', length=..., mass=..., com=...).")
        return [ForceItem(self.label, "arms", body.arms.length_m, 0.0, (0.0 * self.mass_kg, -G * self.mass_kg),
                          self.mass_kg)]


def _scalar_length(value: Any, name: str, nonnegative: bool = False) -> float:
    v = to_si(value, "m", name, nonnegative=nonnegative)
    if np.ndim(v):
        raise InputValueError(f"{name} must be a single length for a band or cable; got an array of shape "
                              f"{np.shape(v)}.")
    return float(v)


def _anchor(value: Any) -> tuple[float, float]:
    a = np.asarray(to_si(value, "m", "anchor"), dtype=float)
    if a.shape != (2,):
        raise InputValueError(f"anchor must be a point (x, y) in metres, shape (2,); got shape {a.shape}.")
    return float(a[0]), float(a[1])


@dataclass(frozen=True, init=False)
class ElasticBand(Load):
    """An elastic band from a fixed anchor to a segment point; tension grows with stretch.

    Tension = ``stiffness * max(distance - rest_length, 0)``, pulling the point toward
    the anchor (a linear spring that goes slack). World coordinates of the anchor use
    the model's frame (origin at the heel, x forward, y up).

    >>> band = ElasticBand(stiffness="300 N/m", anchor=Q_([0.1, 0.0], "m"), segment="trunk",
    ...                    along="0.5 m", rest_length="0.6 m")
    >>> band.stiffness_n_per_m
    300.0
    """

    stiffness_n_per_m: float
    anchor_m: tuple[float, float]
    segment: str
    along_m: float
    offset_m: float
    rest_length_m: float
    label: str

    def __init__(self, stiffness: Any, anchor: Any, segment: str, along: Any, offset: Any = "0 m",
                 rest_length: Any = "0 m", label: str = "band"):
        k = to_si(stiffness, "N/m", "stiffness", nonnegative=True)
        if np.ndim(k):
            raise InputValueError("stiffness must be a single value.")
        object.__setattr__(self, "stiffness_n_per_m", float(k))
        object.__setattr__(self, "anchor_m", _anchor(anchor))
        object.__setattr__(self, "segment", _segment(segment))
        object.__setattr__(self, "along_m", _scalar_length(along, "along"))
        object.__setattr__(self, "offset_m", _scalar_length(offset, "offset"))
        object.__setattr__(self, "rest_length_m", _scalar_length(rest_length, "rest_length", nonnegative=True))
        object.__setattr__(self, "label", str(label))

    def tension(self, x, y):
        """Band tension (N) with its point at (x, y) m."""
        ax, ay = self.anchor_m
        d = np.hypot(ax - x, ay - y)
        return self.stiffness_n_per_m * np.maximum(d - self.rest_length_m, 0.0)

    def force_at(self, x, y):
        ax, ay = self.anchor_m
        dx, dy = ax - x, ay - y
        d = np.hypot(dx, dy)
        t = self.stiffness_n_per_m * np.maximum(d - self.rest_length_m, 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            scale = np.where(d > 0, t / np.where(d > 0, d, 1.0), 0.0)
        return dx * scale, dy * scale

    def potential_energy(self, x, y):
        """Elastic energy stored, J (for virtual-work checks)."""
        ax, ay = self.anchor_m
        stretch = np.maximum(np.hypot(ax - x, ay - y) - self.rest_length_m, 0.0)
        return 0.5 * self.stiffness_n_per_m * stretch ** 2

    def items(self, body) -> list[ForceItem]:
        return [ForceItem(self.label, self.segment, self.along_m, self.offset_m, None, 0.0, self.force_at)]


@dataclass(frozen=True, init=False)
class Cable(Load):
    """A cable of constant tension from a fixed pulley (anchor) to a segment point.

    >>> Cable(tension="200 N", anchor=Q_([1.0, 0.3], "m"), segment="arms", along="0.6 m").tension_n
    200.0
    """

    tension_n: float
    anchor_m: tuple[float, float]
    segment: str
    along_m: float
    offset_m: float
    label: str

    def __init__(self, tension: Any, anchor: Any, segment: str, along: Any, offset: Any = "0 m",
                 label: str = "cable"):
        t = to_si(tension, "N", "tension", nonnegative=True)
        if np.ndim(t):
            raise InputValueError("tension must be a single value.")
        object.__setattr__(self, "tension_n", float(t))
        object.__setattr__(self, "anchor_m", _anchor(anchor))
        object.__setattr__(self, "segment", _segment(segment))
        object.__setattr__(self, "along_m", _scalar_length(along, "along"))
        object.__setattr__(self, "offset_m", _scalar_length(offset, "offset"))
        object.__setattr__(self, "label", str(label))

    def force_at(self, x, y):
        ax, ay = self.anchor_m
        dx, dy = ax - x, ay - y
        d = np.hypot(dx, dy)
        with np.errstate(invalid="ignore", divide="ignore"):
            scale = np.where(d > 0, self.tension_n / np.where(d > 0, d, 1.0), 0.0)
        return dx * scale, dy * scale

    def items(self, body) -> list[ForceItem]:
        return [ForceItem(self.label, self.segment, self.along_m, self.offset_m, None, 0.0, self.force_at)]

