"""The units boundary: Quantities and strings in, plain SI numpy arrays out, and back.

One registry is used everywhere: pint's *application registry*, exposed as
:data:`biomech.ureg` with its Quantity class :data:`biomech.Q_`. The library never
changes the registry's settings, so a user's own Quantities mix freely with ours.

Every public function converts its inputs once, on the way in, with :func:`to_si`
and wraps its outputs once, on the way out, with :func:`quantity`. Inner
functions ("kernels") see only floats and numpy arrays in SI units
(m, kg, N, s, rad).

Examples
--------
>>> from biomech.units import to_si, Q_
>>> float(to_si("5 ft 10 in", "m", "height"))
1.778
>>> float(to_si(Q_(30, "deg"), "rad", "shank"))  # doctest: +ELLIPSIS
0.5235987...
>>> to_si(80, "kg", "mass")
Traceback (most recent call last):
...
biomech.errors.UnitError: mass=80 has no unit; a mass in kg is expected. Fix: pass Q_(80, "kg") or the string "80 kg".
"""

from __future__ import annotations

import functools
import re
from typing import Any

import numpy as np
import pint

from .errors import InputValueError, RangeError, UnitError

__all__ = ["ureg", "Q_", "to_si", "quantity", "as_fraction", "parse_quantity", "KIND_OF_UNIT"]

ureg = pint.get_application_registry()
Q_ = ureg.Quantity

#: What people call each SI unit the library asks for, for error messages.
KIND_OF_UNIT = {
    "m": "a length",
    "kg": "a mass",
    "rad": "an angle",
    "N": "a force",
    "N*m": "a moment",
    "s": "a time",
    "rad/s": "an angular velocity",
    "rad/s**2": "an angular acceleration",
    "m/s": "a speed",
    "m/s**2": "an acceleration",
    "N/m": "a stiffness",
    "N*m/rad": "a rotational stiffness",
    "kg*m**2": "a moment of inertia",
    "Hz": "a frequency",
}

# "5 ft 10 in", "5ft10in", "5' 10\"", "5'10", "6 ft", "1 m 78 cm"
_COMPOUND = re.compile(
    r"""^\s*(?P<a>[0-9]*\.?[0-9]+)\s*(?P<ua>ft|feet|foot|'|m)\s*
        (?:(?P<b>[0-9]*\.?[0-9]+)\s*(?P<ub>in|inch|inches|"|''|cm)?)?\s*$""",
    re.VERBOSE,
)
_UNIT_WORD = {"ft": "ft", "feet": "ft", "foot": "ft", "'": "ft", "m": "m",
              "in": "inch", "inch": "inch", "inches": "inch", '"': "inch", "''": "inch", "cm": "cm"}
# only these characters can make a quantity; anything else (":", ";", "=", ...) is refused
# before pint sees it, since pint reads some of them in surprising ways ("1deg::3" -> 3 deg)
_FORBIDDEN = re.compile(r"[^0-9A-Za-z\s.+\-*/^()°'\"µ%]")
# "30deg" and "30°" -> "30 deg"; "5cm" -> "5 cm"
_DEGREE_SIGN = re.compile(r"\s*°")


def _kind(unit: str) -> str:
    return KIND_OF_UNIT.get(unit, f"a quantity in {unit}")


def parse_quantity(text: str, name: str = "value") -> pint.Quantity:
    """Read a string such as ``"80 kg"``, ``"30deg"``, ``"5 ft 10 in"`` or ``5'10"``.

    Compound lengths are summed here, since pint alone reads ``"5 ft 10 in"`` as an
    area (a product). Strings people repeat (``"30 deg"``) are parsed once and remembered;
    each call returns its own Quantity.

    Parameters
    ----------
    text : str
        The quantity as a person writes it.
    name : str
        The argument's name, for the error message.

    Returns
    -------
    pint.Quantity
        In the application registry.

    Examples
    --------
    >>> parse_quantity("5'10\\"").to("cm")
    <Quantity(177.8, 'centimeter')>
    >>> parse_quantity("225lb")
    <Quantity(225, 'pound')>
    """
    if not isinstance(text, str):
        raise UnitError(f"{name}={text!r} is not a string; a quantity such as \"80 kg\" is expected.")
    q = _parse_remembered(text, name)
    return Q_(q.magnitude, q.units)


@functools.lru_cache(maxsize=4096)
def _parse_remembered(text: str, name: str) -> pint.Quantity:
    """The parsing behind :func:`parse_quantity` (cached; errors are not)."""
    bad = _FORBIDDEN.search(text)
    if bad:
        raise UnitError(f"{name}={text!r} has a character ({bad.group(0)!r}) that has no place in a quantity; "
                        f'write a number and a unit, such as "80 kg" or "30 deg".')
    s = _DEGREE_SIGN.sub(" deg", text.strip())
    m = _COMPOUND.match(s)
    if m and (m.group("b") is not None or m.group("ua") in ("'",)):
        ua = _UNIT_WORD[m.group("ua")]
        total = Q_(float(m.group("a")), ua)
        if m.group("b") is not None:
            ub = m.group("ub") or ("inch" if ua == "ft" else "cm")
            ub = _UNIT_WORD[ub]
            if (ua, ub) not in (("ft", "inch"), ("m", "cm")):
                raise UnitError(f"{name}={text!r} mixes {ua} and {ub}; write feet and inches or metres and centimetres.")
            total = total + Q_(float(m.group("b")), ub)
        return total.to(ua if ua == "m" else "inch") if m.group("b") is not None else total
    # a number glued to its unit: "5cm", "90deg", "1e3N"
    s = re.sub(r"^([-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)(?![eE][-+]?[0-9])([A-Za-z])", r"\1 \2", s)
    try:
        q = ureg.Quantity(s)
    except Exception as exc:  # pint raises several types for unreadable strings
        raise UnitError(f"{name}={text!r} cannot be read as a quantity ({exc.__class__.__name__}); "
                        f'write a number and a unit, such as "80 kg" or "30 deg".') from None
    if not isinstance(q, pint.Quantity):
        q = Q_(q, "")
    return q


def _as_quantity(value: Any, name: str) -> pint.Quantity | None:
    """A pint Quantity in our registry, or None for a bare number."""
    if isinstance(value, pint.Quantity):
        if getattr(value, "_REGISTRY", None) is not getattr(Q_(1), "_REGISTRY", None):
            # a Quantity from another registry: rebuild it in ours from its text
            return Q_(np.asarray(value.magnitude), str(value.units))
        return value
    if isinstance(value, str):
        return parse_quantity(value, name)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, (str, pint.Quantity)) for v in value):
        parts = [_as_quantity(v, name) for v in value]
        unit = parts[0].units
        try:
            return Q_(np.array([p.to(unit).magnitude for p in parts], dtype=float), unit)
        except pint.DimensionalityError as exc:
            raise UnitError(f"{name}={value!r} mixes units of different kinds ({exc.units1} and {exc.units2}).") from None
    return None


def to_si(value: Any, unit: str, name: str, *, finite: bool = True, positive: bool = False,
          nonnegative: bool = False) -> np.ndarray | float:
    """Convert one public input to a float (or float array) in ``unit``.

    Parameters
    ----------
    value : pint.Quantity, str, or sequence of those
        What the user passed. Bare numbers are refused (angles above all, which pint
        would read as radians).
    unit : str
        The SI unit wanted, such as ``"m"``, ``"kg"``, ``"rad"``, ``"N"``.
    name : str
        The argument's name, used in error messages.
    finite : bool
        Refuse NaN and infinities (default True).
    positive, nonnegative : bool
        Refuse values <= 0 or < 0.

    Returns
    -------
    float or numpy.ndarray
        The magnitude in ``unit``; a Python float for a scalar input.

    Raises
    ------
    UnitError
        A bare number, an unreadable string or the wrong dimension.
    InputValueError
        NaN or infinite values where finite ones are required.
    RangeError
        A negative or zero value where the argument must be positive.

    Examples
    --------
    >>> to_si("225 lb", "kg", "load")  # doctest: +ELLIPSIS
    102.058...
    >>> to_si("80 m", "kg", "mass")
    Traceback (most recent call last):
    ...
    biomech.errors.UnitError: mass='80 m' has the dimension of a length, but a mass in kg is expected.
    """
    q = _as_quantity(value, name)
    if q is None:
        if isinstance(value, (bool, np.bool_)):
            raise UnitError(f"{name}={value!r} is a boolean; {_kind(unit)} in {unit} is expected.")
        try:
            arr = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            raise UnitError(f"{name}={value!r} is not a quantity; {_kind(unit)} in {unit} is expected, "
                            f'such as Q_(1.0, "{unit}").') from None
        shown = value if arr.ndim == 0 else f"array of shape {arr.shape}"
        # the unit the message names is the unit of its fix ("an angle in deg ... 90 deg"), and a
        # body-sized length written as a large bare number is read as centimetres ("178 cm", not "178 m")
        ex = _example_unit(unit, arr)
        example = f'Q_({value}, "{ex}") or the string "{value} {ex}"' if arr.ndim == 0 else f'Q_(values, "{ex}")'
        raise UnitError(f"{name}={shown} has no unit; {_kind(unit)} in {ex} is expected. Fix: pass {example}.")
    if unit.startswith("rad") and not _has_angle_unit(q):
        raise UnitError(f"{name}={_show(value)} has no angle unit; {_kind(unit)} in degrees or radians is expected "
                        f'(a plain number would be read as radians). Fix: pass Q_(value, "deg") or "30 deg".')
    try:
        mag = q.to(_unit(unit)).magnitude
    except pint.DimensionalityError:
        dim = _dimension_name(q)
        raise UnitError(f"{name}={_show(value)} has the dimension of {dim}, but {_kind(unit)} in {unit} is expected.") from None
    try:
        arr = np.asarray(mag, dtype=float)
    except (TypeError, ValueError):
        raise UnitError(f"{name}={_show(value)} does not hold numbers.") from None
    if finite and not np.all(np.isfinite(arr)):
        raise InputValueError(f"{name}={_show(value)} holds NaN or infinite values; finite numbers are expected.")
    if positive and np.any(arr <= 0):
        raise RangeError(f"{name}={_show(value)} must be greater than zero.")
    if nonnegative and np.any(arr < 0):
        raise RangeError(f"{name}={_show(value)} must not be negative.")
    return float(arr) if arr.ndim == 0 else arr


_ANGLE_WORDS = ("radian", "degree", "arcminute", "arcsecond", "turn", "revolution", "gradian", "grade")


def _has_angle_unit(q: pint.Quantity) -> bool:
    names = getattr(q.units, "_units", None)
    text = " ".join(names.keys()) if names is not None else str(q.units)
    return any(w in text for w in _ANGLE_WORDS)


@functools.lru_cache(maxsize=64)
def _unit(unit: str):
    """The registry's Unit for a unit string, looked up once."""
    return ureg.Unit(unit)


def _example_unit(unit: str, values: Any = None) -> str:
    """The unit a person most likely meant for a bare number: degrees for angles, and
    centimetres for a length of 3 or more (no segment, height or travel of the body is 3 m)."""
    if unit == "m" and values is not None:
        with np.errstate(invalid="ignore"):
            mag = np.abs(np.asarray(values, dtype=float))
        if mag.size and np.all(np.isfinite(mag)) and np.nanmax(mag) >= 3:
            return "cm"
    return {"rad": "deg", "rad/s": "deg/s", "rad/s**2": "deg/s**2"}.get(unit, unit)


def _show(value: Any) -> str:
    if isinstance(value, pint.Quantity):
        mag = np.asarray(value.magnitude)
        if mag.ndim == 0:
            return f"{value:~P}" if np.isfinite(mag) else f"{mag} {value.units:~P}"
        return f"array of shape {mag.shape} in {value.units:~P}"
    return repr(value)


_DIMENSIONS = {
    "[length]": "a length", "[mass]": "a mass", "[time]": "a time", "": "a plain number (an angle or a ratio)",
    "[length] ** 2": "an area", "[mass] * [length] / [time] ** 2": "a force",
    "[mass] * [length] ** 2 / [time] ** 2": "a moment or an energy", "1 / [time]": "a rate",
    "[length] / [time]": "a speed",
}


def _dimension_name(q: pint.Quantity) -> str:
    d = str(q.dimensionality)
    return _DIMENSIONS.get(d, d)


def quantity(values: Any, unit: str) -> pint.Quantity:
    """Wrap SI values for output, e.g. ``quantity(m, "N*m")``.

    >>> quantity(1.5, "N*m")
    <Quantity(1.5, 'newton * meter')>
    """
    return Q_(values, unit)


def as_fraction(value: Any, name: str, low: float = 0.0, high: float = 1.0) -> np.ndarray | float:
    """A plain number in ``[low, high]`` (a centre-of-mass fraction, a share).

    >>> as_fraction(0.43, "com")
    0.43
    >>> as_fraction(1.2, "com")
    Traceback (most recent call last):
    ...
    biomech.errors.RangeError: com=1.2 is outside 0 to 1; a fraction of the segment length is expected.
    """
    if isinstance(value, pint.Quantity):
        if not value.dimensionless:
            raise UnitError(f"{name}={_show(value)} must be a plain fraction between {low:g} and {high:g}.")
        value = value.to("").magnitude
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise UnitError(f"{name}={value!r} must be a plain fraction between {low:g} and {high:g}.") from None
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise UnitError(f"{name}={value!r} must be a plain fraction between {low:g} and {high:g}.") from None
    if not np.all(np.isfinite(arr)):
        raise InputValueError(f"{name}={value!r} holds NaN or infinite values; a fraction between {low:g} and {high:g} is expected.")
    if np.any(arr < low) or np.any(arr > high):
        raise RangeError(f"{name}={value!r} is outside {low:g} to {high:g}; a fraction of the segment length is expected.")
    return float(arr) if arr.ndim == 0 else arr
