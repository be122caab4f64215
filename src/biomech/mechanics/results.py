"""One result family: every result that holds joint moments answers the same interface.

The family
----------
=========================================  ====================================================
result                                     made by
=========================================  ====================================================
:class:`~biomech.mechanics.statics.MomentResult`     :func:`biomech.joint_moments` (one or many poses)
:class:`~biomech.exercises.ExerciseResult` an exercise (``bm.exercises.squat(...)``): a
                                           ``MomentResult`` plus the exercise's ``params``
:class:`~biomech.mechanics.statics.LegResult`        ``.front`` / ``.rear`` of a split stance
:class:`~biomech.mechanics.dynamics.DynamicsResult`  :func:`biomech.inverse_dynamics`
:class:`~biomech.mechanics.gaitlab.GaitLabResult`    :func:`biomech.gait_inverse_dynamics`
:class:`PoseMoments`                       moments you already have, at a pose you give
=========================================  ====================================================

Every member has

- ``.moments``: one :class:`JointValues` (``.ankle .knee .hip .lumbar`` as pint Quantities
  in N·m, anatomical signs: + = plantarflexor, knee extensor, hip extensor, lumbar extensor
  demand; ``.per_kg`` per kilogram of body mass);
- the same shortcuts on the result itself (``res.knee`` is ``res.moments.knee``) and
  ``res.per_kg``;
- ``.dims``: the names of the array axes, in the order (sample, *parameter broadcast
  shape, time), each absent when not used (``()`` for a single pose);
- ``to_dict()``: plain JSON-ready numbers, units in the keys, NaN written as ``None``, so
  ``json.dumps(res.to_dict(), allow_nan=False)`` works;
- ``to_dataframe()``: a :class:`pandas.DataFrame`, one row per element (pandas is imported
  only then; a clear :class:`~biomech.errors.BiomechError` if it is missing);
- a short ``repr`` and ``_repr_html_`` with 4 significant digits and units written N·m.

Static, exercise and leg results also have ``.moment_arms`` (a :class:`JointValues` in m),
``.pose``, ``.feasible`` and ``.reason``.

Examples
--------
>>> import json, biomech as bm
>>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
>>> res = bm.joint_moments(body, bm.Pose(shank="30 deg", thigh="90 deg", trunk="45 deg"), [bm.Barbell("100 kg")])
>>> res.moments.knee is not None and res.knee.units == res.moments.knee.units
True
>>> d = res.to_dict()
>>> sorted(d["moments_N_m"])
['ankle', 'hip', 'knee', 'lumbar']
>>> _ = json.dumps(d, allow_nan=False)
"""

from __future__ import annotations

import html
import warnings
from typing import Any

import numpy as np

from ..constants import JOINTS
from ..errors import BiomechError, InputValueError
from ..units import Q_, ureg

__all__ = ["JointValues", "ResultBase", "PoseMoments", "MomentBand", "format_value", "unit_label", "jsonable"]

#: pint units made once (building a unit from a string costs more than the arithmetic)
_UNITS: dict[str, Any] = {}


def _unit(name: str):
    u = _UNITS.get(name)
    if u is None:
        u = _UNITS[name] = ureg.Unit(name)
    return u


def q(value: Any, unit: str):
    """A Quantity of the application registry, with the unit object cached."""
    return Q_(value, _unit(unit))


_LABELS = {"N*m": "N·m", "N*m/kg": "N·m/kg", "N*m/cm": "N·m/cm", "m": "m", "cm": "cm", "N": "N", "deg": "deg",
           "kg": "kg", "s": "s", "Hz": "Hz"}
_KEYS = {"N*m": "N_m", "N*m/kg": "N_m_per_kg", "N*m/cm": "N_m_per_cm", "m**2": "m2", "kg*m**2": "kg_m2"}


_CANONICAL = ("N*m", "m", "N", "N*m/kg", "deg", "s", "kg")


def _canonical(units) -> str:
    """The library's name for a unit of the same dimension (``meter * newton`` -> ``"N*m"``)."""
    for cand in _CANONICAL:
        if units == _unit(cand):
            return cand
    for cand in _CANONICAL:
        if units.dimensionality == _unit(cand).dimensionality:
            return cand
    return f"{units:~}".replace(" ", "")


def unit_label(unit: str) -> str:
    """How a unit is printed: ``"N*m"`` -> ``"N·m"`` (a middle dot, never by setting the
    shared registry's format).

    >>> unit_label("N*m/kg")
    'N·m/kg'
    """
    return _LABELS.get(unit, unit.replace("*", "·"))


def unit_key(unit: str) -> str:
    """A unit as a key suffix: ``"N*m"`` -> ``"N_m"``, ``"N*m/kg"`` -> ``"N_m_per_kg"``.

    >>> unit_key("N*m"), unit_key("deg")
    ('N_m', 'deg')
    """
    if unit in _KEYS:
        return _KEYS[unit]
    return unit.replace(" ", "").replace("**", "").replace("*", "_").replace("/", "_per_")


def format_value(value: Any, unit: str = "", digits: int = 4) -> str:
    """A number with ``digits`` significant digits and its unit (``"nan"`` for NaN).

    >>> format_value(277.7412, "N*m")
    '277.7 N·m'
    """
    v = float(value)
    text = "nan" if not np.isfinite(v) else f"{v:.{digits}g}"
    return f"{text} {unit_label(unit)}" if unit else text


def jsonable(value: Any) -> Any:
    """Plain Python for JSON: arrays to nested lists, NaN and infinities to ``None``,
    Quantities to their magnitudes (the key carries the unit), numpy scalars to Python.

    >>> jsonable(np.array([1.0, np.nan]))
    [1.0, None]
    """
    if hasattr(value, "magnitude") and hasattr(value, "units"):
        value = value.magnitude
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "fc":
            return [jsonable(v) for v in value] if value.ndim else jsonable(value.item())
        return [jsonable(v) for v in value] if value.ndim else jsonable(value.item())
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        f = float(value)
        return f if np.isfinite(f) else None
    if value is None or isinstance(value, str):
        return value
    return str(value)


def _quantity_entry(name: str, value: Any) -> tuple[str, Any]:
    """``("depth", Q_(90, "deg"))`` -> ``("depth_deg", 90.0)``; other values unchanged."""
    if hasattr(value, "units") and hasattr(value, "magnitude"):
        return f"{name}_{unit_key(f'{value.units:~}'.replace(' ', ''))}", jsonable(value.magnitude)
    return name, jsonable(value)


# --------------------------------------------------------------------------- joint values
class JointValues:
    """One value per joint: ``ankle``, ``knee``, ``hip`` (per leg) and ``lumbar`` (L5/S1,
    whole body), each a pint Quantity of the same shape.

    Built from SI numbers and a unit; each Quantity is made when first read. A joint the
    result does not cover (the gait-lab route's lumbar, say) reads as NaN and is left out of
    :attr:`joints`, :meth:`as_dict`, :meth:`to_dict` and the data frame.

    Parameters
    ----------
    ankle, knee, hip, lumbar : pint.Quantity, optional
        The values (all in one unit). Or use :meth:`from_si`.

    Attributes
    ----------
    joints : tuple of str
        The joints present.
    unit : str
        The unit of the values (``"N*m"`` for moments, ``"m"`` for moment arms).

    Examples
    --------
    >>> from biomech import Q_
    >>> jv = JointValues(Q_(10.0, "N*m"), Q_(120.0, "N*m"), Q_(150.0, "N*m"), Q_(300.0, "N*m"))
    >>> jv.knee
    <Quantity(120.0, 'newton * meter')>
    >>> jv["hip"].magnitude, jv.joints
    (150.0, ('ankle', 'knee', 'hip', 'lumbar'))
    >>> jv
    JointValues(ankle=10 N·m, knee=120 N·m, hip=150 N·m, lumbar=300 N·m)
    """

    __slots__ = ("_si", "unit", "_mass_kg", "_owner", "_q", "__weakref__")

    def __init__(self, ankle: Any = None, knee: Any = None, hip: Any = None, lumbar: Any = None):
        given = {j: v for j, v in zip(JOINTS, (ankle, knee, hip, lumbar)) if v is not None}
        unit = None
        si = {}
        for j, v in given.items():
            if hasattr(v, "units"):
                if unit is None:
                    unit = _canonical(v.units)
                si[j] = v.to(_unit(unit)).magnitude
            else:
                si[j] = v
        self._init(si, unit or "", None, None)

    def _init(self, si, unit, mass_kg, owner):
        self._si = si
        self.unit = unit
        self._mass_kg = mass_kg
        self._owner = owner
        self._q = {}

    @classmethod
    def from_si(cls, values: dict, unit: str, mass_kg: Any = None, owner: Any = None) -> "JointValues":
        """Joint values from plain numbers in ``unit`` (a dict joint -> array); ``mass_kg``
        (the body mass) enables :attr:`per_kg`.

        >>> JointValues.from_si({"knee": 100.0}, "N*m", mass_kg=80.0).per_kg.knee
        <Quantity(1.25, 'newton * meter / kilogram')>
        """
        self = cls.__new__(cls)
        self._init({j: values[j] for j in JOINTS if j in values}, unit, mass_kg, owner)
        return self

    # ------------------------------------------------------------------ access
    @property
    def joints(self) -> tuple[str, ...]:
        return tuple(self._si)

    def _get(self, joint: str):
        got = self._q.get(joint)
        if got is None:
            if joint in self._si:
                got = q(self._si[joint], self.unit)
            else:
                got = q(np.full(self.shape, np.nan) if self.shape else np.nan, self.unit)
            self._q[joint] = got
        return got

    ankle = property(lambda self: self._get("ankle"), doc="Ankle value (per leg).")
    knee = property(lambda self: self._get("knee"), doc="Knee value (per leg).")
    hip = property(lambda self: self._get("hip"), doc="Hip value (per leg).")
    lumbar = property(lambda self: self._get("lumbar"), doc="L5/S1 value (whole body).")

    def __getitem__(self, joint: str):
        if joint not in JOINTS:
            raise KeyError(f"{joint!r}: expected one of {JOINTS}")
        return self._get(joint)

    def __iter__(self):
        return iter(self.joints)

    def si(self, joint: str) -> Any:
        """The plain numbers of one joint in :attr:`unit` (NaN for an absent joint)."""
        if joint in self._si:
            return self._si[joint]
        return np.full(self.shape, np.nan) if self.shape else np.nan

    def as_dict(self) -> dict[str, Any]:
        """``{joint: Quantity}`` for the joints present."""
        return {j: self._get(j) for j in self.joints}

    @property
    def shape(self) -> tuple[int, ...]:
        shapes = [np.shape(v) for v in self._si.values()]
        return np.broadcast_shapes(*shapes) if shapes else ()

    @property
    def per_kg(self) -> "JointValues":
        """The values per kilogram of body mass (moments: N·m/kg)."""
        if self._mass_kg is None:
            raise InputValueError("per_kg: this result knows no body mass; give one (body_mass=...) where the "
                                  "result is made.")
        return JointValues.from_si({j: np.asarray(v) / self._mass_kg if np.ndim(v) else v / self._mass_kg
                                    for j, v in self._si.items()}, f"{self.unit}/kg")

    def to_dict(self) -> dict[str, Any]:
        """``{joint: numbers}`` in :attr:`unit` (NaN as None)."""
        return {j: jsonable(v) for j, v in self._si.items()}

    # ------------------------------------------------------------------ printing
    def __repr__(self) -> str:
        if self.shape == ():
            vals = ", ".join(f"{j}={format_value(v, self.unit)}" for j, v in self._si.items())
            return f"JointValues({vals})"
        return f"JointValues(shape={self.shape}, unit={unit_label(self.unit)!r}, joints={self.joints})"

    # ------------------------------------------------------------------ deprecated: sq.moments.<MomentResult attr>
    def __getattr__(self, name: str):
        # Only reached for names that are not attributes of JointValues. An exercise result's
        # ``.moments`` used to be the whole MomentResult (``sq.moments.moments.knee``,
        # ``sq.moments.table()``); for one release those still answer, with a warning.
        if name.startswith("__") or name in JointValues.__slots__:
            raise AttributeError(name)
        owner = object.__getattribute__(self, "_owner")
        if owner is None:
            raise AttributeError(f"JointValues has no attribute {name!r}")
        if name == "moments":
            warnings.warn("result.moments.moments is deprecated: result.moments is now the joint values "
                          "themselves; use result.moments.", DeprecationWarning, stacklevel=2)
            return self
        warnings.warn(f"result.moments.{name} is deprecated: result.moments is now the joint values; "
                      f"use result.{name}.", DeprecationWarning, stacklevel=2)
        return getattr(owner, name)


# --------------------------------------------------------------------------- the base
class ResultBase:
    """What every result of the family shares (see the module docs).

    A subclass provides ``_moment_si()`` (``{joint: array}`` in N·m), ``_mass_kg()`` (body
    mass or None), and may extend ``_dict_extras()``, ``_frame_columns()`` and
    ``_default_dims()``.
    """

    _dims: tuple | None = None
    #: the pose and body behind the moments (None where a result has none: the gait-lab route
    #: has measured points, no Pose, and no Body)
    pose: Any = None
    body: Any = None
    #: whether ``.moments.<attr>`` forwards (deprecated) to the result, for exercise results
    _forward_moments = False

    def _moment_si(self) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _mass_kg(self) -> Any:
        body = getattr(self, "body", None)
        return None if body is None else body.mass_kg

    @property
    def moments(self) -> JointValues:
        """Net joint moments, N·m, anatomical signs (a :class:`JointValues`)."""
        jv = self.__dict__.get("_moments_jv")
        if jv is None:
            jv = JointValues.from_si(self._moment_si(), "N*m", self._mass_kg(),
                                     self if self._forward_moments else None)
            self.__dict__["_moments_jv"] = jv
        return jv

    ankle = property(lambda self: self.moments.ankle, doc="Ankle moment per leg, N·m (+ plantarflexor).")
    knee = property(lambda self: self.moments.knee, doc="Knee moment per leg, N·m (+ extensor).")
    hip = property(lambda self: self.moments.hip, doc="Hip moment per leg, N·m (+ extensor).")
    lumbar = property(lambda self: self.moments.lumbar, doc="L5/S1 moment, whole body, N·m (+ extensor).")

    @property
    def per_kg(self) -> JointValues:
        """Moments per kilogram of body mass, N·m/kg."""
        return self.moments.per_kg

    @property
    def shape(self) -> tuple[int, ...]:
        return self.moments.shape

    @property
    def dims(self) -> tuple[str, ...]:
        """Names of the array axes: (sample, *parameter broadcast shape, time), each absent
        when not used; ``()`` for a single value."""
        if self._dims is not None and len(self._dims) == len(self.shape):
            return tuple(self._dims)
        return self._default_dims()

    def _default_dims(self) -> tuple[str, ...]:
        n = len(self.shape)
        return ("pose",) if n == 1 else tuple(f"pose_{i}" for i in range(n))

    # ------------------------------------------------------------------ spread over technique samples
    def band(self, low: float = 5, high: float = 95) -> "MomentBand":
        """Low, typical and high value of each joint moment over the technique samples.

        With a ``"sample"`` axis (an exercise called with ``samples=N``), each joint moment
        is reduced over it with :func:`biomech.mechanics.bands.band` (the same function as
        ``biomech.exercises.technique.band``): ``typical`` is the median over the feasible
        samples, ``low`` and ``high`` the ``low`` and ``high`` percentiles
        (``numpy.nanpercentile``), and ``feasible_fraction`` the share of samples that could
        stand, per element of the remaining axes. A result without a sample axis gives its
        single value as low = typical = high (``spread=False``, and the note says so).

        Parameters
        ----------
        low, high : float
            Percentiles, ``0 <= low <= 50 <= high <= 100`` (default 5 and 95).

        Returns
        -------
        MomentBand
            ``.low``, ``.typical``, ``.high`` (:class:`JointValues`, N·m, anatomical signs:
            + = plantarflexor, knee extensor, hip extensor, lumbar extensor), the
            ``feasible_fraction``, the number of ``samples`` and a ``note``.

        Examples
        --------
        >>> import biomech as bm
        >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
        >>> b = bm.exercises.squat(body, load="100 kg", samples=200).band()
        >>> b.samples, b.spread, bool(b.low.knee <= b.typical.knee <= b.high.knee)
        (200, True, True)
        >>> one = bm.exercises.squat(body, load="100 kg").band()
        >>> one.spread, bool(one.low.knee == one.typical.knee == one.high.knee)
        (False, True)
        """
        from .bands import band as _band

        dims = self.dims
        shape = self.shape
        feas = getattr(self, "feasible", None)
        ok = np.ones(shape, dtype=bool) if feas is None else np.broadcast_to(np.asarray(feas, dtype=bool), shape)
        mass = self.moments._mass_kg
        if "sample" not in dims:
            _band(np.zeros((1,)), low=low, high=high)  # the same checks of low and high
            vals = {j: np.where(ok, self.moments.si(j), np.nan) if shape else
                    (self.moments.si(j) if bool(ok) else np.nan) for j in self.moments.joints}
            jv = JointValues.from_si(vals, "N*m", mass)
            return MomentBand(jv, jv, jv, ok.astype(float) if shape else float(bool(ok)), 1, float(low),
                              float(high), False, "no sample axis: the single value is low, typical and high "
                              "(call the exercise with samples=N for the spread over technique)", dims)
        axis = dims.index("sample")
        okm = np.moveaxis(ok, axis, 0)
        lo, mid, hi, frac = {}, {}, {}, None
        for j in self.moments.joints:
            v = np.moveaxis(np.broadcast_to(np.asarray(self.moments.si(j), dtype=float), shape), axis, 0)
            b = _band(v, okm, low, high)
            lo[j], mid[j], hi[j] = b.low, b.typical, b.high
        # the share of samples that could stand (a joint statics leaves undecided, such as the lumbar
        # moment on a back pad, is NaN in every sample and must not count them out)
        frac = np.asarray(okm, dtype=float).mean(axis=0)
        rest = tuple(d for i, d in enumerate(dims) if i != axis)
        return MomentBand(JointValues.from_si(lo, "N*m", mass), JointValues.from_si(mid, "N*m", mass),
                          JointValues.from_si(hi, "N*m", mass), frac, int(shape[axis]), float(low), float(high), True,
                          f"{shape[axis]} technique samples; typical = median over the feasible ones", rest)

    # ------------------------------------------------------------------ export
    def _dict_extras(self) -> dict[str, Any]:
        return {}

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready numbers, units in the keys (``_N_m``, ``_m``, ``_deg``, ...), NaN
        written as ``None``: ``json.dumps(res.to_dict(), allow_nan=False)`` works.

        Keys: ``result`` (the class), ``dims``, ``shape``, ``moments_N_m``,
        ``moments_N_m_per_kg`` (when the body mass is known), then the result's own fields.

        Examples
        --------
        >>> import json, biomech as bm
        >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
        >>> res = bm.joint_moments(body, bm.Pose(shank="30 deg", thigh="90 deg", trunk="45 deg"), support="backrest")
        >>> d = res.to_dict()
        >>> d["moments_N_m"]["lumbar"] is None          # held by the backrest: NaN, written as null
        True
        >>> "NaN" in json.dumps(d, allow_nan=False)
        False
        """
        out: dict[str, Any] = {"result": type(self).__name__, "dims": list(self.dims), "shape": list(self.shape),
                               "moments_N_m": self.moments.to_dict()}
        if self.moments._mass_kg is not None:
            out["moments_N_m_per_kg"] = self.per_kg.to_dict()
        out.update(self._dict_extras())
        return out

    def _frame_columns(self) -> dict[str, Any]:
        return {}

    def to_dataframe(self):
        """A :class:`pandas.DataFrame`, one row per element: a column per axis (named by
        :attr:`dims`, holding the index along it), the moments ``ankle_N_m`` ...
        ``lumbar_N_m`` and the result's own per-element columns (``feasible``, ``reason``,
        moment arms, time).

        Raises
        ------
        BiomechError
            When pandas is not installed.

        Examples
        --------
        >>> import biomech as bm
        >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
        >>> res = bm.joint_moments(body, bm.Pose(shank=bm.Q_([10, 20, 30], "deg"), thigh="90 deg", trunk="45 deg"))
        >>> df = res.to_dataframe()
        >>> len(df), list(df.columns[:3])
        (3, ['pose', 'ankle_N_m', 'knee_N_m'])
        """
        try:
            import pandas as pd
        except ImportError:
            raise BiomechError("to_dataframe() needs pandas, which is not installed: pip install pandas "
                               "(or use to_dict()).") from None
        shape = self.shape
        cols: dict[str, Any] = {}
        if shape:
            idx = np.indices(shape).reshape(len(shape), -1)
            for name, ix in zip(self.dims, idx):
                cols[name] = ix
        for j in self.moments.joints:
            cols[f"{j}_N_m"] = np.broadcast_to(np.asarray(self.moments.si(j), dtype=float), shape).reshape(-1)
        for name, v in self._frame_columns().items():
            cols[name] = np.broadcast_to(np.asarray(v), shape).reshape(-1)
        return pd.DataFrame(cols)

    # ------------------------------------------------------------------ printing
    def _title(self) -> str:
        return type(self).__name__

    def _repr_fields(self) -> list[str]:
        return []

    def __repr__(self) -> str:
        if self.shape == ():
            vals = [f"{j}={format_value(self.moments.si(j), 'N*m')}" for j in self.moments.joints]
            return f"{self._title()}({', '.join(vals + self._repr_fields())})"
        return f"{self._title()}(dims={self.dims}, shape={self.shape}{''.join(', ' + f for f in self._repr_fields())})"

    def _repr_html_(self) -> str:
        head = html.escape(self._title())
        if self.shape != ():
            return f"<b>{head}</b> dims {html.escape(str(self.dims))}, shape {self.shape}"
        rows = "".join(f"<tr><td>{j}</td><td style='text-align:right'>{format_value(self.moments.si(j))}</td>"
                       f"<td>N·m</td></tr>" for j in self.moments.joints)
        extra = "".join(f"<br>{html.escape(f)}" for f in self._repr_fields())
        return (f"<b>{head}</b><table><tr><th>joint</th><th>moment</th><th></th></tr>{rows}</table>{extra}")


# --------------------------------------------------------------------------- moments you bring
class PoseMoments(ResultBase):
    """Joint moments you already have (a lab, another model), at a pose you give: the
    smallest member of the family, for :func:`~biomech.muscles.muscle_demand` and plots.

    Parameters
    ----------
    pose : Pose
        The pose (anything with ``joint_angles_rad()``, as :class:`~biomech.model.pose.Pose`).
    ankle, knee, hip : pint.Quantity
        Moments, N·m, anatomical signs (per leg).
    lumbar : pint.Quantity, optional
        L5/S1 moment, N·m.
    body : Body, optional
        For ``per_kg`` and for scaling the muscle model.

    Examples
    --------
    >>> import biomech as bm
    >>> r = PoseMoments(bm.Pose.from_joint_angles(ankle="20 deg", knee="90 deg", hip="90 deg"),
    ...                 ankle="40 N*m", knee="150 N*m", hip="200 N*m")
    >>> r.knee
    <Quantity(150.0, 'newton * meter')>
    """

    def __init__(self, pose: Any, ankle: Any, knee: Any, hip: Any, lumbar: Any = None, body: Any = None):
        from ..units import to_si

        if not hasattr(pose, "joint_angles_rad"):
            raise InputValueError(f"pose={type(pose).__name__} has no joint angles; pass a biomech Pose.")
        self.pose = pose
        self.body = body
        vals = {"ankle": ankle, "knee": knee, "hip": hip, "lumbar": lumbar}
        self._m = {j: to_si(v, "N*m", j, finite=False) for j, v in vals.items() if v is not None}
        shapes = [np.shape(v) for v in self._m.values()] + [tuple(getattr(pose, "shape", ()) or ())]
        try:
            shape = np.broadcast_shapes(*shapes)
        except ValueError:
            raise InputValueError(f"the moments and the pose do not broadcast together: shapes {shapes}.") from None
        self._m = {j: (np.broadcast_to(v, shape) if shape else v) for j, v in self._m.items()}

    def _moment_si(self):
        return self._m


# --------------------------------------------------------------------------- bands
class MomentBand:
    """Low, typical and high joint moments over technique samples (from :meth:`ResultBase.band`).

    Attributes
    ----------
    low, typical, high : JointValues
        N·m, anatomical signs; the shape of the result without its sample axis.
    feasible_fraction : float or numpy.ndarray
        Share of the samples that could stand, per element.
    samples : int
        Number of samples (1 for a result without a sample axis).
    low_pct, high_pct : float
        The percentiles of ``low`` and ``high``.
    spread : bool
        False when the result had no sample axis (low = typical = high).
    note : str
        What the band is.
    dims : tuple of str
        Names of the remaining axes.
    """

    def __init__(self, low, typical, high, feasible_fraction, samples, low_pct, high_pct, spread, note, dims=()):
        self.low, self.typical, self.high = low, typical, high
        self.feasible_fraction = feasible_fraction
        self.samples = samples
        self.low_pct, self.high_pct = low_pct, high_pct
        self.spread = spread
        self.note = note
        self.dims = tuple(dims)

    def __iter__(self):
        return iter((self.low, self.typical, self.high))

    def lines(self) -> list[str]:
        """One line per joint: typical (low to high), N·m, and the feasible fraction (single values only)."""
        if self.typical.shape != ():
            return [f"band over {self.samples} samples, shape {self.typical.shape} (dims {self.dims})"]
        out = []
        for j in self.typical.joints:
            t, lo, hi = (float(x.si(j)) for x in (self.typical, self.low, self.high))
            if self.spread:
                out.append(f"{j:<7}{format_value(t, 'N*m'):>12}   ({self.low_pct:g}th to {self.high_pct:g}th "
                           f"percentile: {format_value(lo, 'N*m')} to {format_value(hi, 'N*m')})")
            else:
                out.append(f"{j:<7}{format_value(t, 'N*m'):>12}")
        frac = float(np.asarray(self.feasible_fraction))
        out.append(f"feasible: {frac:.0%} of {self.samples} sample{'s' if self.samples != 1 else ''}" +
                   ("" if self.spread else " (no spread: " + self.note.split(": ", 1)[-1] + ")"))
        return out

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready numbers (NaN as None), units in the keys."""
        return {"low_N_m": self.low.to_dict(), "typical_N_m": self.typical.to_dict(), "high_N_m": self.high.to_dict(),
                "low_percentile": self.low_pct, "high_percentile": self.high_pct,
                "feasible_fraction": jsonable(self.feasible_fraction), "samples": self.samples,
                "spread": self.spread, "note": self.note, "dims": list(self.dims)}

    def __repr__(self) -> str:
        return "MomentBand(" + "; ".join(self.lines()) + ")"
