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

__all__ = ["ureg", "Q_", "to_si", "quantity", "as_fraction", "parse_quantity", "parse_unit", "KIND_OF_UNIT",
           "MAX_QUANTITY_CHARS"]

ureg = pint.get_application_registry()


class _ApplicationQuantity:
    """pint's application registry's Quantity class, looked up when it is used.

    ``Q_(30, "deg")`` builds a Quantity in the application registry as it is at the call,
    so after ``pint.set_application_registry(mine)`` the library's results belong to
    ``mine``; ``isinstance(x, Q_)`` asks the same of the current registry.
    """

    def __call__(self, *args, **kwargs):
        return pint.get_application_registry().Quantity(*args, **kwargs)

    def __instancecheck__(self, obj) -> bool:
        return isinstance(obj, pint.get_application_registry().Quantity)

    def __getattr__(self, attr):
        return getattr(pint.get_application_registry().Quantity, attr)

    def __repr__(self) -> str:
        return "<Quantity class of pint's application registry>"


Q_ = _ApplicationQuantity()

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

# "5 ft 10 in", "5ft10in", "5' 10\"", "5'10", "6 ft", "1 m 78 cm" (numbers written without nested
# repetition, so the match is linear in the length)
_COMPOUND = re.compile(
    r"""^\s*(?P<a>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(?P<ua>ft|feet|foot|'|m)\s*
        (?:(?P<b>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*(?P<ub>in|inch|inches|"|''|cm)?)?\s*$""",
    re.VERBOSE,
)
_UNIT_WORD = {"ft": "ft", "feet": "ft", "foot": "ft", "'": "ft", "m": "m",
              "in": "inch", "inch": "inch", "inches": "inch", '"': "inch", "''": "inch", "cm": "cm"}
# "30deg" and "30°" -> "30 deg"
_DEGREE_SIGN = re.compile(r"\s*°")
#: Longest quantity or unit string read; longer ones are refused before any parsing.
MAX_QUANTITY_CHARS = 200
#: Largest exponent a unit may carry ("m**2", "s^-2"); numbers are never raised to a power.
MAX_UNIT_EXPONENT = 12

# only these characters can make a quantity; anything else (":", ";", "=", ...) is refused
# before parsing, since pint reads some of them in surprising ways ("1deg::3" -> 3 deg)
_FORBIDDEN = re.compile(r"[^0-9A-Za-z_\s.+\-*/^()°'\"µ%]")
# one number, unambiguous (no nested repetition, so matching is linear in the length)
_NUMBER = re.compile(r"[-+]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|nan|inf(?:inity)?)",
                     re.IGNORECASE)
_NAME = re.compile(r"[A-Za-zµ_%][A-Za-z0-9µ_]*|''|'|\"")
_NUMBER_OP = re.compile(r"\s*([*/])(?!\*)\s*([-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)(?![0-9.eE])")
_POWER = re.compile(r"\s*(?:\*\*|\^)\s*([-+]?[0-9]+)")
_SPACE = re.compile(r"\s*")
_QUOTES = {"'": "foot", "''": "inch", '"': "inch", "%": "percent"}


class _UnitReader:
    """A small recursive-descent reader of unit expressions, linear in the text's length.

    Grammar: ``expr := term (("*" | "/" | " ") term)*``, ``term := (name | "(" expr ")") [("**" | "^") int]``.
    Only unit names are raised to powers, and only to whole numbers up to :data:`MAX_UNIT_EXPONENT`;
    each name is looked up in ``registry`` on its own, so pint never evaluates an expression.
    """

    def __init__(self, text: str, pos: int, registry, complain):
        self.text, self.pos, self.reg, self.complain = text, pos, registry, complain

    def skip(self) -> None:
        self.pos = _SPACE.match(self.text, self.pos).end()

    def expr(self, depth: int = 0, leading_slash: bool = False):
        self.skip()
        unit = self.reg.Unit("") if leading_slash and self.text.startswith("/", self.pos) else self.term(depth)
        while True:
            self.skip()
            if self.pos >= len(self.text) or self.text[self.pos] == ")":
                return unit
            op = self.text[self.pos]
            if op in "*/":
                if self.text.startswith("**", self.pos):
                    self.complain("raises something that is not a unit to a power")
                self.pos += 1
                self.skip()
            else:
                op = "*"  # "N m": a space multiplies
            rhs = self.term(depth)
            unit = unit * rhs if op == "*" else unit / rhs
        
    def term(self, depth: int):
        self.skip()
        if self.pos >= len(self.text):
            self.complain("ends where a unit is expected")
        if self.text[self.pos] == "(":
            if depth > 8:
                self.complain("nests parentheses too deeply")
            self.pos += 1
            unit = self.expr(depth + 1)
            self.skip()
            if not self.text.startswith(")", self.pos):
                self.complain("has an unclosed parenthesis")
            self.pos += 1
        else:
            m = _NAME.match(self.text, self.pos)
            if not m:
                self.complain(f"has {self.text[self.pos]!r} where a unit name is expected")
            self.pos = m.end()
            word = _QUOTES.get(m.group(0), m.group(0))
            try:
                unit = self.reg.Unit(word)
            except Exception:  # pint raises several types for unknown names
                self.complain(f"names a unit pint does not know ({m.group(0)!r})")
        p = _POWER.match(self.text, self.pos)
        if p:
            exp = int(p.group(1)) if len(p.group(1)) <= 4 else MAX_UNIT_EXPONENT + 1
            if abs(exp) > MAX_UNIT_EXPONENT:
                self.complain(f"raises a unit to the power {p.group(1)}; at most {MAX_UNIT_EXPONENT} is read")
            self.pos = p.end()
            if _POWER.match(self.text, self.pos):
                self.complain("stacks powers (a**b**c); write one whole-number power per unit")
            unit = unit ** exp
        return unit


def _kind(unit: str) -> str:
    return KIND_OF_UNIT.get(unit, f"a quantity in {unit}")


def parse_quantity(text: str, name: str = "value") -> pint.Quantity:
    """Read a string such as ``"80 kg"``, ``"30deg"``, ``"5 ft 10 in"`` or ``5'10"``.

    Compound lengths are summed here, since pint alone reads ``"5 ft 10 in"`` as an
    area (a product). The string is read by the library's own small grammar (one number,
    then a unit expression such as ``N*m``, ``m/s**2`` or ``kg*m^2``), never handed to pint's
    expression evaluator: numbers are never raised to a power, unit powers are whole
    numbers up to :data:`MAX_UNIT_EXPONENT`, reading takes time linear in the length and a
    string longer than :data:`MAX_QUANTITY_CHARS` characters is refused. Strings people
    repeat (``"30 deg"``) are parsed once and remembered; each call returns its own Quantity.

    Parameters
    ----------
    text : str
        The quantity as a person writes it.
    name : str
        The argument's name, for the error message.

    Returns
    -------
    pint.Quantity
        In the application registry as it is when the call is made.

    Raises
    ------
    UnitError
        Not a string, too long, a character that has no place in a quantity, a power of a
        number, or something that is not a number and a unit.

    Examples
    --------
    >>> parse_quantity("5'10\\"").to("cm")
    <Quantity(177.8, 'centimeter')>
    >>> parse_quantity("225lb")
    <Quantity(225, 'pound')>
    >>> parse_quantity("9.81 m/s**2")
    <Quantity(9.81, 'meter / second ** 2')>
    >>> parse_quantity("9**9**9 cm", "height")
    Traceback (most recent call last):
    ...
    biomech.errors.UnitError: height='9**9**9 cm' raises a number to a power; write a number and a unit, such as "80 kg" or "30 deg".
    """
    if not isinstance(text, str):
        raise UnitError(f"{name}={_clip(text)} is not a string; a quantity such as \"80 kg\" is expected.")
    reg = _registry()
    q = _parse_remembered(text, name, reg)
    return reg.Quantity(q.magnitude, q.units)


def parse_unit(text: Any, name: str = "unit") -> pint.Unit:
    """Read a unit written alone (``"deg"``, ``"N*m"``, ``"m/s**2"``) with the same grammar and
    limits as :func:`parse_quantity`; a pint Unit (from any registry) is converted to ours.

    >>> parse_unit("kg*m^2")
    <Unit('kilogram * meter ** 2')>
    """
    reg = _registry()
    if isinstance(text, pint.Unit):
        if getattr(text, "_REGISTRY", None) is reg:
            return text
        # through the other registry: its units' own names, one by one (never its formatted text)
        unit = reg.Unit("")
        for word, exp in text._units.items():
            try:
                unit = unit * reg.Unit(word) ** exp
            except Exception:  # noqa: BLE001 - a unit the other registry defines and ours does not
                raise UnitError(f"{name}={word!r} is a unit of another registry that the application registry "
                                f"does not know.") from None
        return unit
    if not isinstance(text, str):
        raise UnitError(f"{name}={_clip(text)} is not a unit; a unit such as \"deg\" is expected.")
    _check_text(text, name)

    def complain(why: str):
        raise UnitError(f"{name}={_clip(text)} {why}; write a unit such as \"deg\" or \"N*m\".")

    s = _DEGREE_SIGN.sub(" deg", text.strip())
    if not s:
        complain("is empty")
    reader = _UnitReader(s, 0, reg, complain)
    unit = reader.expr()
    reader.skip()
    if reader.pos != len(s):
        complain(f"has {s[reader.pos]!r} where nothing more is expected")
    return unit


def _clip(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:60] + f"... ({len(text)} characters)"


def _check_text(text: str, name: str) -> None:
    if len(text) > MAX_QUANTITY_CHARS:
        raise UnitError(f"{name}={_clip(text)} is {len(text)} characters long; a quantity or unit is at most "
                        f"{MAX_QUANTITY_CHARS} characters.")
    bad = _FORBIDDEN.search(text)
    if bad:
        raise UnitError(f"{name}={text!r} has a character ({bad.group(0)!r}) that has no place in a quantity; "
                        f'write a number and a unit, such as "80 kg" or "30 deg".')


def _registry():
    """pint's application registry as it is now (the real registry behind the proxy)."""
    return pint.get_application_registry().get()


@functools.lru_cache(maxsize=4096)
def _parse_remembered(text: str, name: str, reg) -> pint.Quantity:
    """The parsing behind :func:`parse_quantity` (cached per registry; errors are not)."""
    _check_text(text, name)

    def complain(why: str):
        raise UnitError(f"{name}={_clip(text)} {why}; write a number and a unit, such as \"80 kg\" or "
                        f"\"30 deg\".")

    s = _DEGREE_SIGN.sub(" deg", text.strip())
    m = _COMPOUND.match(s)
    if m and (m.group("b") is not None or m.group("ua") in ("'",)):
        ua = _UNIT_WORD[m.group("ua")]
        total = reg.Quantity(float(m.group("a")), ua)
        if m.group("b") is not None:
            ub = m.group("ub") or ("inch" if ua == "ft" else "cm")
            ub = _UNIT_WORD[ub]
            if (ua, ub) not in (("ft", "inch"), ("m", "cm")):
                raise UnitError(f"{name}={text!r} mixes {ua} and {ub}; write feet and inches or metres and centimetres.")
            total = total + reg.Quantity(float(m.group("b")), ub)
        return total.to(ua if ua == "m" else "inch") if m.group("b") is not None else total
    num = _NUMBER.match(s)
    if num:
        word = num.group(0)
        digits = word.lstrip("+-")
        magnitude: Any = int(word) if digits.isdigit() else float(word)
        pos = num.end()
        if _POWER.match(s, pos):
            complain("raises a number to a power")
        while True:  # "2 * 15 kg", "100/2 N": numbers multiplied or divided (never raised to a power)
            op = _NUMBER_OP.match(s, pos)
            if not op:
                break
            other = op.group(2)
            value = int(other) if other.lstrip("+-").isdigit() else float(other)
            if op.group(1) == "*":
                magnitude = magnitude * value
            elif value == 0:
                complain("divides by zero")
            else:
                magnitude = magnitude / value
            pos = op.end()
            if _POWER.match(s, pos):
                complain("raises a number to a power")
    else:
        magnitude, pos = 1, 0
    reader = _UnitReader(s, pos, reg, complain)
    reader.skip()
    if reader.pos >= len(s):
        if not num:
            complain("is empty")
        return reg.Quantity(magnitude, "")
    unit = reader.expr(leading_slash=True)  # "1/s" too
    reader.skip()
    if reader.pos != len(s):
        complain(f"has {s[reader.pos]!r} where nothing more is expected")
    return reg.Quantity(magnitude, unit)


def _as_quantity(value: Any, name: str) -> pint.Quantity | None:
    """A pint Quantity (in its own registry: a user's registry is never read through text),
    or None for a bare number."""
    if isinstance(value, pint.Quantity):
        return value
    if isinstance(value, str):
        return parse_quantity(value, name)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, (str, pint.Quantity)) for v in value):
        if len(value) > 100_000:
            raise InputValueError(f"{name}: a list of {len(value)} quantities; pass one Quantity array instead.")
        parts = [_as_quantity(v, name) for v in value]
        dims = {p.dimensionality for p in parts}
        if len(dims) > 1:
            kinds = sorted(_dimension_name(p) for p in parts[:2])
            raise UnitError(f"{name}={_clip(value)} mixes units of different kinds ({kinds[0]} and {kinds[-1]}).")
        first = parts[0]
        same = all(p._REGISTRY is first._REGISTRY for p in parts)
        try:
            # one registry: all in the first part's unit; several: each in its own registry's base units
            mags = [p.to(first.units).magnitude if same else p.to_base_units().magnitude for p in parts]
            arr = np.array(mags, dtype=float)
        except (TypeError, ValueError, ArithmeticError):
            raise UnitError(f"{name}={_clip(value)} is not a list of single numbers with units.") from None
        except pint.PintError as exc:
            raise UnitError(f"{name}={_clip(value)} cannot be read ({exc.__class__.__name__}).") from None
        if arr.ndim != 1:
            raise UnitError(f"{name}={_clip(value)} is not a list of single numbers with units.")
        return first._REGISTRY.Quantity(arr, first.units if same else first.to_base_units().units)
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
        except (TypeError, ValueError, ArithmeticError):
            raise UnitError(f"{name}={_clip(value)} is not a quantity; {_kind(unit)} in {unit} is expected, "
                            f'such as Q_(1.0, "{unit}").') from None
        shown = _clip(value) if arr.ndim == 0 else f"array of shape {arr.shape}"
        value = _clip(value) if arr.ndim == 0 else value
        example = f'Q_({value}, "{_example_unit(unit)}") or the string "{value} {_example_unit(unit)}"' \
            if arr.ndim == 0 else f'Q_(values, "{_example_unit(unit)}")'
        raise UnitError(f"{name}={shown} has no unit; {_kind(unit)} in {unit} is expected. Fix: pass {example}.")
    if unit.startswith("rad") and not _has_angle_unit(q):
        raise UnitError(f"{name}={_show(value)} has no angle unit; {_kind(unit)} in degrees or radians is expected "
                        f'(a plain number would be read as radians). Fix: pass Q_(value, "deg") or "30 deg".')
    reg = q._REGISTRY
    if not getattr(q, "_is_multiplicative", True):
        raise UnitError(f"{name}={_show(value)} is in a unit with an offset (a temperature scale); "
                        f"{_kind(unit)} in {unit} is expected.")
    try:
        # the conversion factor, within the value's own registry (a user's registry is never read through text)
        factor = float(reg.Quantity(1, q.units).to(_unit(unit, reg)).magnitude)
    except pint.DimensionalityError:
        dim = _dimension_name(q)
        raise UnitError(f"{name}={_show(value)} has the dimension of {dim}, but {_kind(unit)} in {unit} is expected.") from None
    except Exception as exc:  # noqa: BLE001 - a registry that lacks the unit, or an unconvertible factor
        raise UnitError(f"{name}={_show(value)} cannot be converted to {unit} ({exc.__class__.__name__}).") from None
    raw = _numbers(q.magnitude, name, value)
    with np.errstate(over="ignore", invalid="ignore"):
        arr = raw * factor
    if np.all(np.isfinite(raw)) and not np.all(np.isfinite(arr)):
        raise InputValueError(f"{name}={_show(value)} is too large to be {_kind(unit)} in {unit}.")
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


@functools.lru_cache(maxsize=256)
def _unit(unit: str, reg):
    """``reg``'s Unit for one of the library's own unit strings, looked up once per registry."""
    return reg.Unit(unit)


def _numbers(magnitude: Any, name: str, value: Any) -> np.ndarray:
    """A quantity's magnitude as a float array; complex, masked and non-numeric magnitudes refused,
    numbers too large for a float (``10**400``, a huge Decimal) refused."""
    if isinstance(magnitude, np.ma.MaskedArray):
        raise InputValueError(f"{name}={_show(value)} is a masked array; fill or drop the masked values first "
                              f"(e.g. .filled(np.nan) is refused as NaN, .compressed() drops them).")
    if isinstance(magnitude, (complex, np.complexfloating)) or np.iscomplexobj(magnitude):
        raise UnitError(f"{name}={_show(value)} holds complex numbers; real numbers are expected.")
    try:
        arr = np.asarray(magnitude, dtype=float)
    except OverflowError:
        raise InputValueError(f"{name}={_show(value)} holds a number too large for a float.") from None
    except (TypeError, ValueError, ArithmeticError):
        raise UnitError(f"{name}={_show(value)} does not hold numbers.") from None
    if arr.dtype != float:  # pragma: no cover - asarray(dtype=float) gives floats
        raise UnitError(f"{name}={_show(value)} does not hold numbers.")
    return arr


def _example_unit(unit: str) -> str:
    return {"rad": "deg", "rad/s": "deg/s", "rad/s**2": "deg/s**2"}.get(unit, unit)


def _show(value: Any) -> str:
    """A short, safe text of a value for messages (never fails, whatever the magnitude or registry)."""
    try:
        if isinstance(value, pint.Quantity):
            units = _unit_words(value.units)
            shape = np.shape(value.magnitude)
            if shape == ():
                return f"{_clip(value.magnitude).strip(chr(39))} {units}"
            return f"array of shape {shape} in {units}"
    except Exception:  # noqa: BLE001 - a message must never fail
        return f"<{type(value).__name__}>"
    return _clip(value)


def _unit_words(units: Any) -> str:
    """Units as abbreviated words (``kg * m ** 2``) from their parts, whatever the registry's format."""
    try:
        parts = getattr(units, "_units", None)
        if parts is None:
            return str(units)
        reg = units._REGISTRY
        words = []
        for word, exp in parts.items():
            try:
                word = reg.get_symbol(word)
            except Exception:  # noqa: BLE001
                pass
            words.append(word if exp == 1 else f"{word} ** {exp:g}")
        return " * ".join(words) or "dimensionless"
    except Exception:  # noqa: BLE001 - a message must never fail
        return "?"


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
        if value.dimensionality:  # its units alone (the magnitude is not touched: it may be anything)
            raise UnitError(f"{name}={_show(value)} must be a plain fraction between {low:g} and {high:g}.")
        try:  # the factor in the value's own registry, applied to the magnitude as floats
            factor = float(value._REGISTRY.Quantity(1, value.units).to("").magnitude)
        except Exception:  # noqa: BLE001 - an offset or unconvertible unit
            raise UnitError(f"{name}={_show(value)} must be a plain fraction between {low:g} and {high:g}.") from None
        value = _numbers(value.magnitude, name, value) * factor
    if isinstance(value, str):
        text = value
        try:
            value = float(text) if len(text) <= MAX_QUANTITY_CHARS else None
        except ValueError:
            value = None
        if value is None:
            raise UnitError(f"{name}={_clip(text)} must be a plain fraction between {low:g} and {high:g}.")
    if isinstance(value, (bool, np.bool_)):
        raise UnitError(f"{name}={value!r} is a boolean; a fraction between {low:g} and {high:g} is expected.")
    arr = _numbers(value, name, value)
    shown = _clip(value) if arr.ndim == 0 else f"array of shape {arr.shape}"
    if not np.all(np.isfinite(arr)):
        raise InputValueError(f"{name}={shown} holds NaN or infinite values; a fraction between {low:g} and {high:g} is expected.")
    if np.any(arr < low) or np.any(arr > high):
        raise RangeError(f"{name}={shown} is outside {low:g} to {high:g}; a fraction of the segment length is expected.")
    return float(arr) if arr.ndim == 0 else arr
