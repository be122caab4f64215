"""The library's errors: one base class, one subclass per kind of mistake.

Every error raised on purpose by :mod:`biomech` derives from :class:`BiomechError`,
so ``except biomech.BiomechError`` catches all of them and nothing else. Each
message names the argument, the value it received and what was expected.
"""

from __future__ import annotations

__all__ = [
    "BiomechError",
    "UnitError",
    "InputValueError",
    "RangeError",
    "InfeasiblePoseError",
    "DataFileError",
    "OutputFileError",
]


class BiomechError(Exception):
    """Base class of every error :mod:`biomech` raises on purpose."""


class UnitError(BiomechError, TypeError):
    """A value has no unit, the wrong dimension, or cannot be read as a quantity.

    Raised, for example, for ``mass=80`` (a bare number), ``mass="80 m"``
    (a length where a mass belongs) or ``depth="ninety"``.
    """


class InputValueError(BiomechError, ValueError):
    """A value has the right unit but is unusable: NaN, infinite, an unknown name,
    arrays that do not broadcast, a negative mass."""


class RangeError(InputValueError):
    """A value lies outside its documented range (a fraction outside 0..1, a joint
    angle outside the anatomical range)."""


class InfeasiblePoseError(BiomechError, ValueError):
    """A requested pose cannot exist: it cannot balance, needs more ankle
    dorsiflexion than the limit, or asks for a depth the segments cannot reach.

    Attributes
    ----------
    reason : str
        Short machine-readable reason (``"balance"``, ``"dorsiflexion"``, ...).
    numbers : dict
        The numbers behind the verdict (required and available values).
    """

    def __init__(self, message: str, reason: str = "infeasible", numbers: dict | None = None):
        super().__init__(message)
        self.reason = reason
        self.numbers = dict(numbers or {})


class DataFileError(InputValueError):
    """A data file (CSV, ``.mot``, ``.sto``) is missing, truncated or malformed."""


class OutputFileError(BiomechError, OSError):
    """An output file cannot be written: its path is a folder or a socket, its folder is
    missing, read-only or full, or writing failed (the previous file is then left whole)."""
