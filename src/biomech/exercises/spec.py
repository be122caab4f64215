"""Exercises as declared specifications: one frozen dataclass per exercise.

Each exercise is a frozen dataclass of its coach-level parameters (:class:`ExerciseSpec`).
Every field is declared with :func:`param`: its kind (an angle, a length, a load, a
fraction, a choice among names, ...), its default, a one-line help and, where the default
comes from a study, the source. From that one declaration come

- the validation, in one place (:meth:`ExerciseSpec.__post_init__`): a value of the wrong
  kind, unit or choice is refused with a :class:`~biomech.errors.BiomechError` naming the
  parameter, before anything is solved;
- ``.solve(body)`` and ``.rep_path(body, n=...)``;
- the function ``bm.exercises.squat(body, **params)``, a thin wrapper whose signature
  (everything after ``body`` keyword-only) and docstring are built from the fields;
- the command line's options and their ``--help`` (``biomech squat --help``);
- the keyword table in ``docs/exercises.md``.

Old keyword names (``trunk`` for ``trunk_lean``, the leg press's ``depth`` for
``knee_flexion``, ...) are accepted for one release with a :class:`DeprecationWarning`
naming the new keyword (``ExerciseSpec.renamed``).

Examples
--------
>>> import biomech as bm
>>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
>>> spec = bm.exercises.Squat(depth="parallel", bar="low_bar", load="100 kg")
>>> spec.solve(body).feasible
True
>>> [p.name for p in spec.params()][:4]
['depth', 'knee_travel', 'load', 'bar']
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import inspect
import textwrap
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar

import numpy as np

from ..errors import InputValueError, RangeError

__all__ = ["ExerciseSpec", "Param", "param", "declare", "KINDS", "DEPTH_WORDS", "spec_function", "keyword_table",
           "sampling_params", "check_count"]

#: What each kind of parameter holds, as a user reads it: (what it is, the unit the command
#: line shows, whether the command line offers it).
KINDS = {
    "angle": ("an angle", "deg", True),
    "length": ("a length", "cm", True),
    "angle_or_length": ("an angle or a length", "deg", True),
    "load": ("a mass (or a weight, a force)", "kg", True),
    "machine_load": ("a mass (the weight stack), or the machine's torque", "kg", True),
    "fraction": ("a number from 0 to 1", "", True),
    "leg_lengths": ("a number of leg lengths (the standing hip joint centre's height), above 0 and up to 3", "",
                    True),
    "choice": ("one of the names listed", "", True),
    "loads": ("a sequence of loads (bands, cables)", "", False),
    "lengths": ("a dict of segment lengths", "", False),
    "band": ("an elastic band (a Load)", "", False),
    "profile": ("a resistance profile: a name or a callable", "", True),
    "samples": ("a whole number of technique samples, 1 to 100000 (or None)", "", True),
    "bodies": ("a whole number of bodies, 1 to 100000 (or None)", "", True),
    "seed": ("a whole number, 0 or more (or None for fresh randomness)", "", True),
}

#: Coach words for ``depth`` (the thigh angle from vertical seen from the side; 90 deg is
#: a horizontal thigh), squats and lunges alike. "parallel" is exact (the thigh horizontal);
#: the others are this library's conventions (an assumption: coaches use the words loosely and
#: no published definition fixes an angle).
DEPTH_WORDS = {"quarter": 45.0, "half": 65.0, "parallel": 90.0, "deep": 110.0}


@dataclass(frozen=True, eq=False)
class Param:
    """The declaration of one exercise parameter (read with :meth:`ExerciseSpec.params`).

    Attributes
    ----------
    name : str
        The keyword.
    kind : str
        One of :data:`KINDS`.
    default : object
        The default value (``None`` where the exercise derives it, see ``none``).
    help : str
        One sentence saying what the value is (complete, with its sign convention).
    source : str or None
        Where the default comes from, when a study gives it.
    choices : tuple of str
        The names accepted (choice kinds), or the words accepted besides a value.
    words : dict
        Names accepted besides a value and what each means (e.g. ``"parallel"``: 90 deg).
    none : str or None
        What ``None`` (the default) means, when ``None`` is accepted.
    aliases : tuple of str
        Other names accepted for a choice and not advertised.
    positive, nonnegative : bool
        Range checks of lengths.
    """

    kind: str
    default: Any
    help: str
    source: str | None = None
    choices: tuple = ()
    words: dict = field(default_factory=dict)
    none: str | None = None
    aliases: tuple = ()
    positive: bool = False
    nonnegative: bool = False
    name: str = ""

    @property
    def unit(self) -> str:
        """The unit the command line and the docs show (``""`` for names and plain numbers)."""
        return KINDS[self.kind][1]

    @property
    def on_command_line(self) -> bool:
        return KINDS[self.kind][2]

    def default_text(self) -> str:
        """The default in words, with its unit."""
        if self.default is None:
            return self.none or "none"
        d = self.default
        if isinstance(d, str) and d in self.words:
            return f"{d} ({self.words[d]})"
        return str(d)

    def validate(self, value: Any) -> None:
        """Refuse a value of the wrong kind, unit or name, naming the parameter."""
        if isinstance(value, str):
            _validate_text(self, value)  # strings are immutable: a valid one is remembered
        else:
            self._validate(value)

    def _validate(self, value: Any) -> None:
        from .common import as_angle, as_length, check_choice, check_lengths, check_loads, fraction_in, is_length, \
            load_mass

        name, kind = self.name, self.kind
        if value is None:
            if self.none is not None or kind in ("load", "machine_load", "loads", "lengths", "band", "profile"):
                return
            raise InputValueError(f"{name}=None: expected {KINDS[kind][0]}.")
        if isinstance(value, str) and self.words and value.strip().lower() in self.words:
            return
        if kind == "angle":
            as_angle(value, name)
        elif kind == "length":
            if isinstance(value, str) and self.words and value.strip() and value.strip()[0].isalpha() \
                    and not is_length(value, name):
                raise InputValueError(f"{name}={value!r} is not one of {', '.join(map(repr, self.words))} nor a "
                                      f"length.")
            as_length(value, name, positive=self.positive, nonnegative=self.nonnegative)
        elif kind == "angle_or_length":
            if is_length(value, name):
                as_length(value, name)
            else:
                as_angle(value, name)
        elif kind == "load":
            load_mass(value, name)
        elif kind == "machine_load":
            from ..units import _as_quantity, to_si

            q = _as_quantity(value, name)
            if q is not None and q.check("[mass] * [length] ** 2 / [time] ** 2"):
                to_si(q, "N*m", name, nonnegative=True)
            else:
                load_mass(value, name)
        elif kind == "fraction":
            fraction_in(value, name)
        elif kind == "leg_lengths":
            fraction_in(value, name, 0.0, 3.0)
        elif kind == "choice":
            if isinstance(value, str) and value.strip().lower() in self.aliases:
                return
            check_choice(value, name, self.choices)
        elif kind == "loads":
            check_loads(value, name)
        elif kind == "lengths":
            check_lengths(value, name)
        elif kind == "band":
            from ..model.loads import Load

            if not isinstance(value, Load):
                raise InputValueError(f"{name}={value!r} is not a load; expected a bm.ElasticBand (or None).")
        elif kind == "profile":
            if not callable(value):
                check_choice(value, name, self.choices)
        elif kind in ("samples", "seed"):
            check_count(value, name, kind)
        elif kind == "bodies":
            from ..model.population import check_bodies

            check_bodies(value, name)
        else:  # pragma: no cover - a declaration error, caught by the tests
            raise TypeError(f"unknown parameter kind {kind!r}")


def check_count(value: Any, name: str, kind: str = "samples") -> int:
    """A number of technique samples (1 to ``technique.MAX_SAMPLES``) or a seed (0 or more):
    a whole number, not a bool or a string; refused naming ``name``."""
    from .technique import MAX_SAMPLES

    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        what = "a whole number of samples" if kind == "samples" else "a whole number seed (0 or more)"
        raise InputValueError(f"{name}={value!r} is not {what}.")
    if kind == "samples" and not 1 <= int(value) <= MAX_SAMPLES:
        raise RangeError(f"{name}={value!r} is outside 1 to {MAX_SAMPLES}; memory for the samples stays bounded.")
    if kind == "seed" and int(value) < 0:
        raise RangeError(f"{name}={value!r} must be 0 or more.")
    return int(value)


def sampling_params(technique: str) -> dict[str, Any]:
    """The fields that turn on the spread: ``samples`` (technique), ``bodies`` (proportions) and ``seed``.

    ``technique`` names, for the help, the measured technique the samples come from
    (:mod:`biomech.exercises.technique`). ``bodies`` draws the body's segment proportions
    (:mod:`biomech.model.population`, ANSUR II) and pairs body i with technique sample i.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> r = bm.exercises.squat(body, load="100 kg", samples=200, bodies=200)
    >>> r.dims, r.parameters["bodies"], r.extras["bodies"]["lengths"]["thigh"].shape
    (('sample',), 200, (200,))
    >>> b = bm.exercises.squat(body, load="100 kg", bodies=200).band()
    >>> bool(b.low.knee < b.typical.knee < b.high.knee)
    True
    """
    from .technique import DEFAULT_SEED

    return dict(
        samples=param("samples", None, "Number of technique samples: not a coach's choice but a request for the "
                                       f"spread real lifters show. Each sample draws the {technique} technique "
                                       "values a coach did not give from their measured spread (see "
                                       "docs/technique.md), solves balance for every sample in one call and "
                                       "puts the samples on a leading axis (dims start with sample); "
                                       "result.band() gives the low, typical and high moments.",
                      none="no samples: the parameters as given, one result"),
        bodies=param("bodies", None, "Number of bodies: the body's stature and mass kept, its shank, thigh, trunk "
                                     "and foot lengths drawn around its own from the measured spread of "
                                     "proportions (multivariate normal with their correlations, truncated at "
                                     "3 SD; see docs/technique.md, Body proportions), all solved in one call "
                                     "with the bodies on the leading sample axis. With samples, draw i pairs "
                                     "body i with technique i, so samples must equal bodies.",
                     none="the body as given", source="ANSUR II, Gordon et al. 2014, NATICK/TR-15/007 (means, SDs "
                                                      "and correlations of the segment-to-stature ratios)"),
        seed=param("seed", DEFAULT_SEED, "Seed of the technique samples' and the bodies' random numbers, so the "
                                         "same call gives the same draws; used only with samples or bodies.",
                   none="fresh randomness"),
    )


@functools.lru_cache(maxsize=4096)
def _validate_text(p: Param, value: str) -> None:
    p._validate(value)


def param(kind: str, default: Any, help: str, *, source: str | None = None, choices: tuple = (),
          words: dict | None = None, none: str | None = None, aliases: tuple = (), positive: bool = False,
          nonnegative: bool = False) -> Any:
    """Declare one exercise parameter (a :func:`dataclasses.field` carrying a :class:`Param`).

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`: ``"angle"``, ``"length"``, ``"angle_or_length"``, ``"load"``,
        ``"fraction"``, ``"leg_lengths"``, ``"choice"``, ``"loads"``, ``"lengths"``, ``"band"``, ``"profile"``.
    default : object
        The default (a string with its unit, such as ``"5 cm"``, a name, or ``None``).
    help : str
        One complete sentence (or two) saying what the value is, with its sign convention.
    source : str, optional
        The study the default comes from.
    choices : tuple of str
        For ``"choice"`` and ``"profile"``: the names accepted.
    words : dict, optional
        Names accepted besides a value, each with what it means (``{"parallel": "90 deg"}``).
    none : str, optional
        What ``None`` means, when it is accepted (``"the hip joint spacing"``).
    aliases : tuple of str
        Further names a choice accepts without advertising them.
    positive, nonnegative : bool
        Range checks of a length.

    Examples
    --------
    >>> f = param("length", "5 cm", "Knee travel past the toes.")
    >>> f.metadata["param"].kind
    'length'
    """
    if kind not in KINDS:
        raise ValueError(f"kind={kind!r}: expected one of {', '.join(KINDS)}")
    p = Param(kind, default, help, source, tuple(choices), dict(words or {}), none, tuple(aliases), positive,
              nonnegative)
    return field(default=default, metadata={"param": p})


def _same(a: Any, b: Any) -> bool:
    if a is b:
        return True
    try:
        if isinstance(a, np.ndarray) or isinstance(b, np.ndarray) or hasattr(a, "magnitude") \
                or hasattr(b, "magnitude"):
            return bool(np.shape(a) == np.shape(b) and np.all(a == b))
        return bool(a == b)
    except Exception:  # noqa: BLE001 - values that do not compare are different
        return False


@dataclass(frozen=True, kw_only=True, eq=False)
class ExerciseSpec:
    """Base of every exercise's specification: its parameters, validated once.

    Subclasses declare their fields with :func:`param` and implement ``_solve(body,
    fraction)``; ``name`` is the exercise's function name. Specs are frozen: change a
    parameter with :meth:`replace`.
    """

    #: The exercise's name (its function in ``bm.exercises`` and its command).
    name: ClassVar[str] = ""
    #: One line for the command's list (lower case, no final period).
    summary: ClassVar[str] = ""
    #: An example command line.
    example: ClassVar[str] = ""
    #: Old keyword -> new keyword, accepted with a DeprecationWarning for one release.
    renamed: ClassVar[dict[str, str]] = {}
    #: What a rep-path fraction means for this exercise (one sentence).
    rep_fraction: ClassVar[str] = ""
    #: The result's class name (for the function's docstring).
    returns: ClassVar[str] = "ExerciseResult"

    def __post_init__(self) -> None:
        for p in self.params():
            value = getattr(self, p.name)
            if value is p.default:
                continue  # declared defaults are valid (the tests check them once)
            p.validate(value)
        self._check_spread()
        self._check()

    def _check_spread(self) -> None:
        """``bodies`` with ``samples``: the same number (draw i pairs body i and technique i); not
        with ``lengths`` (the bodies draw the lengths); not for split stances (their solver takes
        one body)."""
        n_bodies = getattr(self, "bodies", None)
        if n_bodies is None:
            return
        n_samples = getattr(self, "samples", None)
        if n_samples is not None and int(n_samples) != int(n_bodies):
            raise InputValueError(f"{self.name}: samples={n_samples!r} and bodies={n_bodies!r} differ; draw i pairs "
                                  f"body i with technique i, so give the same number (or one of them).")
        if getattr(self, "lengths", None):
            raise InputValueError(f"{self.name}: bodies= draws the segment lengths around the body's; leave "
                                  f"lengths={self.lengths!r} out (or build the body with those lengths).")
        if self.returns == "SplitExerciseResult":
            raise InputValueError(f"{self.name}: bodies={n_bodies!r} is not available for split stances yet (their "
                                  f"step is set from one leg length); use samples= for the spread over technique.")

    def _check(self) -> None:
        """Checks across parameters (a subclass hook)."""

    # ----------------------------------------------------------------------------- technique samples
    def _plain_values(self) -> dict[str, Any]:
        """The parameters without ``samples``, ``bodies`` and ``seed`` (what the solvers take)."""
        return {k: v for k, v in self.values().items() if k not in ("samples", "bodies", "seed")}

    def _given(self, name: str) -> bool:
        """True when parameter ``name`` differs from its declared default (a coach's choice,
        held fixed in every technique sample; a value equal to the default is drawn)."""
        p = next(q for q in self.params() if q.name == name)
        return not _same(getattr(self, name), p.default)

    def _draw(self, technique: str, body: Any, fraction: Any, bar: str | None = None,
              given: dict[str, Any] | None = None, n_fields: int = 16):
        """``self.samples`` technique samples (``technique.draw``), after checking the memory of
        samples x the parameters' grid x the rep path's fractions (``technique.check_memory``).

        Returns ``(samples, ndim)``: the :class:`~biomech.exercises.technique.TechniqueSamples`
        and the number of grid axes the parameters make (the samples go in front of them).
        """
        from . import technique as tq

        grid = _grid_shape(self._plain_values())
        fr = () if fraction is None or np.ndim(fraction) == 0 else np.shape(fraction)
        tq.check_memory(int(self.samples), tuple(fr) + tuple(grid), n_fields)
        s = tq.draw(technique, int(self.samples), seed=self.seed, bar=bar, given=given or {})
        return s, len(grid)

    def _sampled(self, result: Any, samples: Any, used: dict[str, str], fraction: Any) -> Any:
        """Name the sample axis, and record the draws in ``result.extras["technique"]``."""
        from .common import _param_dims

        params = {k: v for k, v in result.parameters.items() if k != "fraction"}
        shape = result.shape
        if fraction is not None and np.ndim(fraction):
            dims = ("fraction", "sample") + _param_dims(params, shape[2:])
        else:
            dims = ("sample",) + _param_dims(params, shape[1:])
        result._dims = dims
        result.parameters["samples"] = int(self.samples)
        result.parameters["seed"] = self.seed
        result.extras["technique"] = {
            "exercise": samples.exercise, "seed": samples.seed, "samples": samples.n,
            "drawn": {k: samples[k] for k in samples.names},
            "used_as": dict(used),
            "note": "Each sample draws the technique values the call did not give, from their measured spread "
                    "(biomech.exercises.technique); values given in the call are held in every sample."}
        return result

    # ----------------------------------------------------------------------------- declarations
    @classmethod
    def params(cls) -> list[Param]:
        """Every parameter's declaration, in order (name filled in)."""
        cached = cls.__dict__.get("_params")
        if cached is None:
            cached = tuple(dataclasses.replace(f.metadata["param"], name=f.name) for f in dataclasses.fields(cls)
                           if "param" in f.metadata)
            setattr(cls, "_params", cached)
        return list(cached)

    def values(self) -> dict[str, Any]:
        """The parameters as given (keyword -> value)."""
        return {p.name: getattr(self, p.name) for p in self.params()}

    def replace(self, **changes: Any) -> "ExerciseSpec":
        """A copy with some parameters changed (validated again)."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def new_name(cls, old: str, value: Any) -> str:
        """The keyword that replaces the old keyword ``old`` for this ``value``."""
        return cls.renamed[old]

    @classmethod
    def from_kwargs(cls, kwargs: dict[str, Any], stacklevel: int = 3) -> "ExerciseSpec":
        """Build the spec from keyword arguments, accepting the old keyword names with a
        DeprecationWarning and refusing unknown ones with a suggestion."""
        kw = dict(kwargs)
        names = [p.name for p in cls.params()]
        for old in [k for k in kw if k in cls.renamed and k not in names]:
            value = kw.pop(old)
            new = cls.new_name(old, value)
            warnings.warn(f"{cls.name}: the keyword {old!r} is deprecated since version 0.2 and goes in the next "
                          f"release; use {new!r}.", DeprecationWarning, stacklevel=stacklevel)
            if new in kw:
                raise InputValueError(f"{cls.name}: {old}= and {new}= were both given; {old} is the old name of "
                                      f"{new}, give {new} alone.")
            kw[new] = value
        unknown = [k for k in kw if k not in names]
        if unknown:
            k = unknown[0]
            close = difflib.get_close_matches(k, names + list(cls.renamed), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; its parameters are {', '.join(names)}."
            raise TypeError(f"{cls.name}() got an unexpected keyword argument {k!r}{hint}")
        return cls(**kw)

    # ----------------------------------------------------------------------------- solving
    def _solve(self, body: Any, fraction: Any):  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def solve(self, body: Any):
        """The exercise's bottom position (or held position), balanced, and its joint moments.

        Parameters
        ----------
        body : Body
            The lifter.

        Returns
        -------
        ExerciseResult
            (a :class:`~biomech.exercises.SplitExerciseResult` for split stances); its
            ``.spec`` is this spec.
        """
        from .common import check_body

        check_body(body)
        return self._attach(self._solve_spread(body, None), body)

    def rep_path(self, body: Any, *, n: int = 11, fractions: Any = None):
        """The exercise from the top (fraction 0) to the position the parameters describe (1).

        Parameters
        ----------
        body : Body
            The lifter.
        n : int
            Number of evenly spaced fractions when ``fractions`` is not given (default 11).
        fractions : array_like, optional
            Fractions of the way down, plain numbers from 0 to 1. When the parameters are
            arrays the fractions take a new leading axis in front of theirs.

        Returns
        -------
        ExerciseResult
            With a leading axis over the fractions.
        """
        from .common import check_body

        check_body(body)
        if fractions is None:
            if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= int(n) <= 100000:
                raise InputValueError(f"n={n!r}: expected a whole number of fractions from 1 to 100000.")
            fractions = np.linspace(0.0, 1.0, int(n))
        try:
            f = np.asarray(fractions, dtype=float)
        except (TypeError, ValueError):
            raise InputValueError(f"fractions={fractions!r}: expected plain numbers from 0 (top) to 1 "
                                  f"(bottom).") from None
        if not np.all(np.isfinite(f)) or np.any((f < 0) | (f > 1)):
            raise RangeError(f"fractions={fractions!r} must lie between 0 (top) and 1 (bottom).")
        return self._attach(self._solve_spread(body, f), body)

    def _solve_spread(self, body: Any, fraction: Any):
        """``_solve``, over ``self.bodies`` drawn bodies when asked (one vectorised call).

        The bodies (:func:`biomech.model.population.draw_bodies`, seeded by ``self.seed``) become
        one body whose shank, thigh and trunk lengths and foot landmarks are arrays of shape
        ``(bodies, 1, ..., 1)``, one 1 per grid axis of the parameters, so they broadcast in front
        of the grid as technique samples do; with ``samples`` too, axis entry i is body i with
        technique i. Memory is checked first (``technique.check_memory``).
        """
        n = getattr(self, "bodies", None)
        if n is None:
            return self._solve(body, fraction)
        from ..model.population import draw_bodies
        from ..units import quantity
        from . import technique as tq
        from .common import _param_dims, array_body, check_body

        check_body(body)
        grid = _grid_shape(self._plain_values())
        fr = () if fraction is None or np.ndim(fraction) == 0 else np.shape(fraction)
        try:
            tq.check_memory(int(n), tuple(fr) + tuple(grid))
        except RangeError as e:
            raise RangeError(str(e).replace(f"samples={int(n)}", f"bodies={int(n)}", 1)
                              .replace("fewer samples", "fewer bodies")) from None
        drawn = draw_bodies(body, int(n), seed=self.seed)
        lead = (drawn.n,) + (1,) * len(grid)
        lengths = {s: drawn.lengths_m[s].reshape(lead) for s in ("shank", "thigh", "trunk")}
        result = self._solve(array_body(body, lengths, foot_scale=drawn.scale["foot"].reshape(lead)), fraction)
        if getattr(self, "samples", None) is None:  # else _sampled named the axes
            params = {k: v for k, v in result.parameters.items() if k != "fraction"}
            shape = result.shape
            if fraction is not None and np.ndim(fraction):
                result._dims = ("fraction", "sample") + _param_dims(params, shape[2:])
            else:
                result._dims = ("sample",) + _param_dims(params, shape[1:])
            result.parameters["seed"] = self.seed
        result.parameters["bodies"] = drawn.n
        result.extras["bodies"] = {
            "source": drawn.source, "sex": drawn.sex, "seed": drawn.seed, "bodies": drawn.n,
            "lengths": {s: quantity(v, "m") for s, v in drawn.lengths_m.items()},
            "note": "Each body keeps the given stature and mass; its shank, thigh, trunk (hip to shoulder) and "
                    "foot lengths are the given body's times 1 + z * cv, z multivariate normal with the ANSUR II "
                    "ratios' correlations, truncated at 3 SD (biomech.model.population)."}
        return result

    def _attach(self, result: Any, body: Any):
        object.__setattr__(result, "spec", self)
        object.__setattr__(result, "body", body)
        return result

    # ----------------------------------------------------------------------------- display
    def __eq__(self, other: Any) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(_same(getattr(self, p.name), getattr(other, p.name)) for p in self.params())

    __hash__ = None  # parameters may be arrays

    def __repr__(self) -> str:
        shown = [f"{p.name}={getattr(self, p.name)!r}" for p in self.params()
                 if not _same(getattr(self, p.name), p.default)]
        return f"{type(self).__name__}({', '.join(shown)})"

    @classmethod
    def describe(cls, p: Param) -> str:
        """The help of one parameter as full sentences: what it is, the words or choices,
        the default with its unit and its source."""
        text = p.help.strip()
        if p.kind in ("choice", "profile") and p.choices:
            text += f" One of: {', '.join(p.choices)}."
        elif p.words:
            text += " Words: " + ", ".join(f"{w} ({m})" for w, m in p.words.items()) + "."
        text += f" Default: {p.default_text()}."
        if p.source:
            text += f" Source: {p.source.rstrip('.')}."
        return text


def _grid_shape(values: dict[str, Any]) -> tuple[int, ...]:
    """Broadcast shape of the array parameters (numbers, Quantities, dicts of them)."""
    shapes = []
    for v in values.values():
        items = v.values() if isinstance(v, dict) else [v]
        for x in items:
            if isinstance(x, (str, tuple, list)) or x is None:
                continue
            shp = np.shape(getattr(x, "magnitude", x))
            if shp:
                shapes.append(shp)
    try:
        return tuple(np.broadcast_shapes(*shapes)) if shapes else ()
    except ValueError:
        raise InputValueError("the exercise's array parameters do not broadcast together ("
                              + ", ".join(map(str, shapes)) + ").") from None


def declare(cls: type, main: dict[str, Any], rest: dict[str, Any] | None = None) -> type:
    """Make ``cls`` a frozen, keyword-only spec dataclass whose fields are ``main`` then ``rest``
    (dicts of :func:`param` fields; ``rest`` lets a family share its trailing fields)."""
    fields = {**main, **(rest or {})}
    cls.__annotations__ = {k: Any for k in fields}
    for k, f in fields.items():
        setattr(cls, k, f)
    return dataclass(frozen=True, kw_only=True, eq=False, repr=False)(cls)


def _numpydoc_type(p: Param) -> str:
    if p.kind in ("choice", "profile"):
        names = "{" + ", ".join(repr(c) for c in p.choices) + "}"
        return names + (" or callable" if p.kind == "profile" else "") + (", optional" if p.none else "")
    text = {"angle": "Quantity or str (an angle)", "length": "Quantity or str (a length)",
            "angle_or_length": "Quantity or str (an angle or a length)",
            "load": "Quantity or str (a mass or a weight)", "machine_load": "Quantity or str (a mass or a torque)",
            "fraction": "float (0 to 1)", "leg_lengths": "float (leg lengths, above 0 and up to 3)",
            "loads": "sequence of Load", "lengths": "dict of lengths",
            "band": "ElasticBand", "samples": "int", "bodies": "int", "seed": "int or None"}[p.kind]
    if p.words:
        text += " or str (" + ", ".join(p.words) + ")"
    return text + (", optional" if p.default is None else "")


def _docstring(cls: type) -> str:
    """The wrapper function's numpydoc docstring, built from the spec's declarations."""
    head = inspect.getdoc(cls) or cls.name
    summary, _, rest = head.partition("\n\n")
    examples = ""
    if "Examples\n--------" in rest:
        rest, _, ex = rest.partition("Examples\n--------")
        examples = "Examples\n--------" + ex
    lines = [summary, ""]
    if rest.strip():
        lines += [rest.strip(), ""]
    lines += [f"A thin wrapper: ``{cls.name}(body, **params)`` is ``{cls.__name__}(**params).solve(body)``;",
              "every parameter after the body is a keyword.", "",
              "Parameters", "----------", "body : Body", "    The lifter."]
    for p in cls.params():
        lines.append(f"{p.name} : {_numpydoc_type(p)}")
        lines += textwrap.wrap(cls.describe(p), 92, initial_indent="    ", subsequent_indent="    ",
                               break_on_hyphens=False)
    lines += ["", "Returns", "-------", cls.returns, "    The solved pose, its joint moments and the parameters; "
              "``.spec`` holds the specification.", "",
              "Raises", "------", "InfeasiblePoseError", "    For a single request that cannot exist (arrays give NaN, "
              "``feasible`` and ``reason``).", "BiomechError", "    For a parameter of the wrong kind, unit or name."]
    notes = []
    if cls.rep_fraction:
        notes.append(f"Rep path (``{cls.__name__}(...).rep_path(body)``): {cls.rep_fraction}")
    if cls.renamed:
        notes.append("Old keywords accepted with a DeprecationWarning for one release: "
                     + ", ".join(f"``{o}`` (now ``{n}``)" for o, n in cls.renamed.items()) + ".")
    if notes:
        lines += ["", "Notes", "-----"]
        for i, note in enumerate(notes):
            lines += ([""] if i else []) + textwrap.wrap(note, 96, break_on_hyphens=False)
    if examples:
        lines += ["", examples.strip()]
    return "\n".join(lines)


def spec_function(cls: type) -> Callable[..., Any]:
    """The exercise function of a spec: ``fn(body, **params) == cls(**params).solve(body)``.

    Its signature lists the spec's fields, all keyword-only after ``body``; its docstring
    comes from their declarations; ``fn.spec`` is the class.
    """
    from ..model.body import Body

    def exercise(body: Body, **params: Any):
        return cls.from_kwargs(params, stacklevel=3).solve(body)

    exercise.__name__ = exercise.__qualname__ = cls.name
    exercise.__module__ = cls.__module__
    exercise.__doc__ = _docstring(cls)
    sig = [inspect.Parameter("body", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Body)]
    sig += [inspect.Parameter(p.name, inspect.Parameter.KEYWORD_ONLY, default=p.default) for p in cls.params()]
    exercise.__signature__ = inspect.Signature(sig)
    exercise.spec = cls
    return exercise


_UNIT_TEXT = {"angle": "deg", "length": "m (any length unit)", "angle_or_length": "deg, or a length",
              "load": "kg (or a weight in N)", "machine_load": "kg (or a torque in N*m)", "fraction": "0 to 1",
              "leg_lengths": "leg lengths (a plain number)",
              "choice": "a name", "profile": "a name or a function", "loads": "Load objects",
              "lengths": "dict of lengths", "band": "an ElasticBand", "samples": "a whole number",
              "bodies": "a whole number", "seed": "a whole number"}


#: The quantity of keywords whose declarations word it per exercise (the table shows one line).
_QUANTITY = {
    "depth": "Thigh angle from vertical seen from the side (90 deg: the thigh horizontal; more is deeper); squats "
             "also take a length, the hip joint centre's height above the knee",
    "load": "The external load: a bar, dumbbells, a plate, a sled or a weight stack, as a mass or its weight",
    "box_height": "Height of the box sat on (box squat) or stepped on (step-up)",
    "knee_flexion": "Knee flexion (0 deg: straight), held through a hinge or at a machine's bottom",
    "cop": "Target point of the centre of pressure on the foot: a named point or a distance from the heel",
    "hold": "How the load is held (a name)",
    "pad": "Where a machine's pad presses, as a distance along the segment it touches",
    "trunk_lean": "Trunk lean from vertical (forward positive), given instead of solved",
    "rear_ankle": "Rear ankle angle (dorsiflexion positive)",
    "bar_height": "Height of the bar's centre above the floor, or a named height",
    "lumbar_flexion": "Lumbar flexion (upper body against pelvis, at L5/S1) at the bottom ('0 deg': a rigid trunk); "
                      "squats reach it with the trunk lean, hinges with the rep fraction",
    "samples": "Number of technique samples drawn from the measured spread (not a coach's choice; "
               "docs/technique.md)",
    "bodies": "Number of bodies drawn around the given one from the measured spread of proportions (ANSUR II; "
              "docs/technique.md)",
    "seed": "Seed of the technique samples and the bodies, so a call repeats",
}


def keyword_table(specs: list[type]) -> str:
    """The Markdown table of keywords, one row each: keyword, quantity, unit, exercises.

    The quantity is the first sentence of the keyword's first declaration, or one line
    covering every exercise where the declarations word it for each.
    """
    rows: dict[str, list] = {}
    for cls in specs:
        for p in cls.params():
            row = rows.setdefault(p.name, [_QUANTITY.get(p.name, p.help.split(". ")[0].rstrip(".")), [], []])
            if _UNIT_TEXT[p.kind] not in row[1]:
                row[1].append(_UNIT_TEXT[p.kind])
            row[2].append(cls.name)
    out = ["| keyword | quantity | unit | exercises |", "|---|---|---|---|"]
    for name, (what, units, exs) in rows.items():
        exs_text = "all" if len(exs) == len(specs) else ", ".join(exs)
        out.append(f"| `{name}` | {what} | {'; '.join(units)} | {exs_text} |")
    return "\n".join(out)
