"""Set schemes: the article's notation turned into sets of reps with loads and tempos.

Notation read
-------------
* ``"3x15"``, ``"3×15"``, ``"5 sets of 10"``: sets x reps, every set at the same load;
* ``"pyramid 15, 12, 10, 8, 4"``, ``"20, 15, 12, 8, 12, 15, 20"`` (a double pyramid): one
  set per number, the load following the reps (heavier as the reps go down, lighter as
  they go back up, as the article's Glutes and Quadriceps sections prescribe);
* modifiers, after the scheme, in parentheses or after "with"/"w/"/"+":
  a tempo ("301 tempo", "no tempo", "2 second isometric", "3 second stretch and squeeze";
  see :mod:`biomech.motion.tempo`), ``"hold every 5th rep at the bottom for a 5 count"`` (one
  count = 1 s), ``"+ double drop-set"`` (``single``/``double``/``triple`` or a number),
  ``"increase weight each set"``. Other text in parentheses (an exercise cue) is kept as a
  note; anything else is an error.

Loads
-----
Loads are set from a one-repetition maximum (1RM) with a reps-to-load rule: the heaviest
load that can be lifted ``reps + reps_in_reserve`` times, as a fraction of the 1RM:

* ``"brzycki"`` (default): fraction = (37 - r) / 36, from 1RM = w * 36 / (37 - r)
  (Brzycki 1993, "Strength testing - predicting a one-rep max from reps-to-fatigue",
  JOPERD 64(1):88-90); valid for r below 37;
* ``"epley"``: fraction = 1 / (1 + r / 30), from 1RM = w (1 + r / 30) (Epley 1985,
  *Poundage Chart*, Boyd Epley Workout, Lincoln NE);
* or any callable ``rule(reps) -> fraction``.

Without a 1RM the loads are fractions of it only. A drop set follows its set immediately,
each drop lighter by ``drop_fraction`` (default 20 %, a common coaching choice, settable)
of the load before it, for ``drop_reps`` reps (default: as many as the set; settable).

Examples
--------
>>> from biomech import Q_
>>> from biomech.motion.sets import parse_sets
>>> s = parse_sets("pyramid 15, 12, 10, 8, 4 (increase weight each set)", one_rep_max=Q_(140, "kg"))
>>> [round(float(x), 1) for x in s.loads.to("kg").magnitude]
[85.6, 97.2, 105.0, 112.8, 128.3]
>>> parse_sets("4x8 + double drop-set").reps
[8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

from ..errors import InputValueError, RangeError
from .motion import Motion
from .tempo import DEFAULT_RATE, DEFAULT_TEMPO, EXPLOSIVE, Tempo, rep_motion
from ..units import Q_, as_fraction, quantity, to_si

__all__ = ["PlannedSet", "SetScheme", "parse_sets", "brzycki_fraction", "epley_fraction", "LOAD_RULES",
           "DROP_FRACTION"]

#: Load lost at each drop of a drop set, as a fraction of the load before it (a common
#: coaching choice, not a measured value; settable).
DROP_FRACTION = 0.2


def brzycki_fraction(reps: Any) -> np.ndarray:
    """Fraction of the 1RM that can be lifted ``reps`` times: (37 - reps) / 36.

    From Brzycki (1993), 1RM = load * 36 / (37 - reps). Valid for 1 <= reps < 37.

    >>> float(brzycki_fraction(10))
    0.75
    """
    r = np.asarray(reps, dtype=float)
    if np.any(r < 1) or np.any(r >= 37):
        raise RangeError(f"reps={reps!r} is outside the Brzycki (1993) rule's range 1 to 36; use rule='epley' "
                         f"or give a load.")
    return (37.0 - r) / 36.0


def epley_fraction(reps: Any) -> np.ndarray:
    """Fraction of the 1RM that can be lifted ``reps`` times: 1 / (1 + reps / 30).

    From Epley (1985), 1RM = load * (1 + reps / 30). (For one rep it gives 0.968, not 1:
    the formula is meant for several reps.)

    >>> float(epley_fraction(10))
    0.75
    """
    r = np.asarray(reps, dtype=float)
    if np.any(r < 1):
        raise RangeError(f"reps={reps!r} must be at least 1.")
    return 1.0 / (1.0 + r / 30.0)


#: Reps-to-load rules by name.
LOAD_RULES: dict[str, Callable[[Any], np.ndarray]] = {"brzycki": brzycki_fraction, "epley": epley_fraction}


@dataclass(frozen=True)
class PlannedSet:
    """One set of a scheme: reps, load and each rep's tempo.

    Attributes
    ----------
    reps : int
        Number of reps.
    fraction_1rm : float
        Load as a fraction of the one-repetition maximum (NaN when a fixed load was given).
    load : Quantity or None
        Load (kg), when a 1RM or a fixed load was given.
    tempos : tuple of Tempo
        One tempo per rep.
    number : int
        Which set of the scheme (0, 1, ...); drops share their set's number.
    drop : int
        0 for the set itself, 1, 2, ... for its drops.
    """

    reps: int
    fraction_1rm: float
    load: Any
    tempos: tuple
    number: int
    drop: int = 0

    @property
    def duration(self) -> Any:
        """Time under load of the whole set, s (the sum of its reps' tempos)."""
        return quantity(float(sum(t.durations_s.sum() for t in self.tempos)), "s")


@dataclass(frozen=True)
class SetScheme:
    """Sets parsed from notation (see :func:`parse_sets`).

    Attributes
    ----------
    text : str
        The notation as given.
    sets : tuple of PlannedSet
        In the order they are performed (drops right after their set).
    rule : str
        The reps-to-load rule used (``"brzycki"``, ``"epley"``, ``"fixed"`` or ``"custom"``).
    notes : tuple of str
        Remarks kept from the text (cues in parentheses).
    """

    text: str
    sets: tuple
    rule: str
    notes: tuple = field(default=())

    @property
    def reps(self) -> list[int]:
        """Reps of every set (drops included), in order."""
        return [s.reps for s in self.sets]

    @property
    def fractions_1rm(self) -> np.ndarray:
        """Load of every set as a fraction of the 1RM."""
        return np.array([s.fraction_1rm for s in self.sets])

    @property
    def loads(self) -> Any:
        """Load of every set (kg); raises if no 1RM or load was given."""
        if any(s.load is None for s in self.sets):
            raise InputValueError(f"the scheme {self.text!r} was parsed without one_rep_max= or load=, so only "
                                  f"fractions of the 1RM are known (see fractions_1rm).")
        return quantity(np.array([s.load.to("kg").magnitude for s in self.sets]), "kg")

    @property
    def total_reps(self) -> int:
        """Reps in all sets."""
        return int(sum(self.reps))

    def motions(self, path: Any, *, rate: Any = DEFAULT_RATE, pulse: bool = False,
                depth_range: Sequence[float] | None = None) -> list[Motion]:
        """One motion per set (drops included), each rep at its tempo (:func:`~biomech.motion.tempo.rep_motion`).

        >>> from biomech.model.pose import Pose
        >>> top, bottom = Pose(shank="0 deg", thigh="0 deg", trunk="0 deg"), Pose(shank="30 deg", thigh="90 deg", trunk="45 deg")
        >>> ms = parse_sets("2x3 (301 tempo)").motions((top, bottom), rate=Q_(50, "Hz"))
        >>> [round(float(m.time_s[-1]), 3) for m in ms]
        [12.0, 12.0]
        """
        return [rep_motion(path, list(s.tempos), rate=rate, pulse=pulse, depth_range=depth_range) for s in self.sets]

    def __repr__(self) -> str:
        parts = []
        for s in self.sets:
            load = f"{s.load.to('kg').magnitude:.1f} kg" if s.load is not None else f"{s.fraction_1rm:.0%} 1RM"
            parts.append(f"{s.reps}@{load}" + (f" (drop {s.drop})" if s.drop else ""))
        return f"SetScheme({self.text!r}: " + ", ".join(parts) + ")"


_MAIN_SETS_X_REPS = re.compile(r"^\s*(\d+)\s*[x×*]\s*(\d+)\b", re.I)
_MAIN_SETS_OF = re.compile(r"^\s*(\d+)\s+sets?\s+(?:of\s+)?(\d+)(?:\s+reps?)?\b", re.I)
_MAIN_LIST = re.compile(r"^\s*(?:(double\s+)?pyramid\s*:?\s*)?(\d+(?:\s*,\s*\d+)+|\d+)\b(?:\s+reps)?", re.I)
_DROP = re.compile(r"^(?:\+\s*)?(single|double|triple|\d+)?\s*(?:x\s*)?drop[- ]?sets?(?:\s+(?:each|every|after each)\s+set)?$", re.I)
_INCREASE = re.compile(r"^(?:increase|add)\s+(?:the\s+)?weight\b.*$|^vice versa\b.*$", re.I)
_EVERY = re.compile(r"^hold\s+every\s+(\d+)(?:st|nd|rd|th)?\s+rep\s+(?:at|in)\s+(?:the\s+)?(top|bottom)\s+for\s+(?:a\s+)?"
                    r"(\d+(?:\.\d+)?)\s*(?:count|counts|s|sec|secs|seconds?)$", re.I)
_TEMPO_WORDS = re.compile(r"tempo|hold|pause|isometric|stretch|squeeze|^\s*[0-9x]{3,4}\s*$|^\s*\d+(?:\s*-\s*[\dx]+){2,3}\s*$", re.I)
_DROP_COUNT = {None: 1, "single": 1, "double": 2, "triple": 3}


def parse_sets(text: str, *, one_rep_max: Any = None, load: Any = None, rule: Any = "brzycki",
               reps_in_reserve: int = 0, drop_fraction: float = DROP_FRACTION, drop_reps: int | None = None,
               tempo: Any = None, explosive: Any = EXPLOSIVE) -> SetScheme:
    """Read a set scheme written as in the article into sets with reps, loads and tempos.

    Parameters
    ----------
    text : str
        The scheme: ``"3x15 with 2 s isometric"``, ``"pyramid 15, 12, 10, 8, 4 (increase
        weight each set)"``, ``"20, 15, 12, 8, 12, 15, 20"``, ``"4x8 + double drop-set"``,
        ``"3x25 (hold every 5th rep at the bottom for a 5 count)"``, ``"3x12 (301 tempo)"``.
    one_rep_max : Quantity, optional
        The lifter's 1RM (a mass) for the exercise; loads follow from ``rule``.
    load : Quantity, optional
        A fixed load for every set (instead of a 1RM and a rule); drops still lighten it.
    rule : {"brzycki", "epley"} or callable
        Reps-to-load rule (module docs), or ``rule(reps) -> fraction of 1RM``.
    reps_in_reserve : int
        Reps left in the tank: the load is the one liftable ``reps + reps_in_reserve``
        times (default 0, every set to failure).
    drop_fraction : float
        Load lost at each drop, a fraction of the load before it (default 0.2).
    drop_reps : int, optional
        Reps in each drop (default: the set's reps).
    tempo : str or Tempo, optional
        Tempo for reps whose notation gives none (default :data:`~biomech.motion.tempo.DEFAULT_TEMPO`).
    explosive : Quantity
        Duration of an "X" phase in a tempo code.

    Returns
    -------
    SetScheme

    Raises
    ------
    InputValueError
        Notation that is not a set scheme, or a modifier that is not understood.

    Examples
    --------
    >>> s = parse_sets("3x15 with 2 s isometric", one_rep_max=Q_(100, "kg"))
    >>> s.reps, str(s.sets[0].tempos[0]), round(float(s.loads[0].magnitude), 2)
    ([15, 15, 15], '2-0-1-2', 61.11)
    >>> s = parse_sets("3x25 (hold every 5th rep at the bottom for a 5 count)")
    >>> [str(t) for t in s.sets[0].tempos[3:6]]
    ['2-0-1-0', '2-5-1-0', '2-0-1-0']
    >>> parse_sets("3x50 yds")
    Traceback (most recent call last):
    ...
    biomech.errors.InputValueError: text='3x50 yds': 'yds' is not set notation; expected a scheme such as "3x15", "pyramid 15, 12, 10, 8, 4" or "20, 15, 12, 8, 12, 15, 20", followed by modifiers such as "(301 tempo)", "with 2 s isometric", "+ double drop-set" or "(increase weight each set)".
    """
    if not isinstance(text, str):
        raise InputValueError(f"text={text!r} must be a string such as \"3x15\".")
    expected = ('expected a scheme such as "3x15", "pyramid 15, 12, 10, 8, 4" or "20, 15, 12, 8, 12, 15, 20", '
                'followed by modifiers such as "(301 tempo)", "with 2 s isometric", "+ double drop-set" or '
                '"(increase weight each set)".')
    s = text.replace("×", "x").replace("’", "'").strip()
    m = _MAIN_SETS_X_REPS.match(s) or _MAIN_SETS_OF.match(s)
    if m:
        n_sets, reps = int(m.group(1)), int(m.group(2))
        reps_list = [reps] * n_sets
    else:
        m = _MAIN_LIST.match(s)
        if not m:
            raise InputValueError(f"text={text!r} is not set notation; {expected}")
        reps_list = [int(x) for x in re.split(r"\s*,\s*", m.group(2))]
    if not reps_list or min(reps_list) < 1:
        raise InputValueError(f"text={text!r} asks for {reps_list} reps; every set needs at least one rep.")
    rest = s[m.end():]

    # -- modifiers -----------------------------------------------------------------
    notes: list[str] = []
    tip = re.search(r"\btip\s*:", rest, re.I)
    if tip:
        notes.append(rest[tip.start():].strip())
        rest = rest[:tip.start()]
    chunks = [(c, True) for c in re.findall(r"\(([^)]*)\)", rest)]
    outside = re.sub(r"\([^)]*\)", ",", rest)
    if "(" in outside or ")" in outside:
        raise InputValueError(f"text={text!r} has unbalanced parentheses.")
    chunks.append((outside, False))
    n_drops = 0
    every = None
    set_tempo = None
    base = Tempo.parse(tempo if tempo is not None else DEFAULT_TEMPO, explosive)
    for chunk, in_parens in chunks:
        pieces = [p.strip() for p in re.split(r",|;|\bwith\b|\bw/|(?=\+)", chunk, flags=re.I)]
        unknown = []
        for p in pieces:
            p = p.strip(" .+")
            if not p or p.lower() in ("reps", "rep", "sets", "each set"):
                continue
            d = _DROP.match(p)
            if d:
                g = d.group(1)
                n_drops = int(g) if g and g.isdigit() else _DROP_COUNT[g.lower() if g else None]
                continue
            if _INCREASE.match(p):
                continue
            e = _EVERY.match(p)
            if e:
                every = (int(e.group(1)), e.group(2).lower(), float(e.group(3)))
                if every[0] < 1:
                    raise InputValueError(f"text={text!r}: 'every {every[0]}th rep' must count from 1.")
                continue
            if _TEMPO_WORDS.search(p):
                set_tempo = Tempo.parse(p, explosive, base)
                continue
            unknown.append(p)
        if unknown:
            if in_parens:
                notes.append(chunk.strip())
            else:
                raise InputValueError(f"text={text!r}: {unknown[0]!r} is not set notation; {expected}")

    # -- loads -------------------------------------------------------------------------
    if isinstance(rule, str):
        if rule.lower() not in LOAD_RULES:
            raise InputValueError(f"rule={rule!r} is not a known reps-to-load rule; expected one of "
                                  f"{', '.join(LOAD_RULES)} or a callable rule(reps) -> fraction of 1RM.")
        rule_name, rule_fn = rule.lower(), LOAD_RULES[rule.lower()]
    elif callable(rule):
        rule_name, rule_fn = "custom", rule
    else:
        raise InputValueError(f"rule={rule!r} must be 'brzycki', 'epley' or a callable.")
    if isinstance(reps_in_reserve, bool) or not isinstance(reps_in_reserve, (int, np.integer)) or reps_in_reserve < 0:
        raise InputValueError(f"reps_in_reserve={reps_in_reserve!r} must be a whole number, 0 or more.")
    drop_fraction = as_fraction(drop_fraction, "drop_fraction", 0.0, 0.95)
    if np.ndim(drop_fraction) != 0:
        raise InputValueError(f"drop_fraction: an array of shape {np.shape(drop_fraction)} was given; one fraction "
                              f"is expected.")
    drop_fraction = float(drop_fraction)
    if drop_reps is not None and (isinstance(drop_reps, bool) or not isinstance(drop_reps, (int, np.integer))
                                  or drop_reps < 1):
        raise InputValueError(f"drop_reps={drop_reps!r} must be a whole number of reps, 1 or more.")
    orm = None if one_rep_max is None else to_si(one_rep_max, "kg", "one_rep_max", positive=True)
    fixed = None if load is None else to_si(load, "kg", "load", nonnegative=True)
    if fixed is not None:
        rule_name = "fixed"
    set_tempo = set_tempo or base

    def tempos_for(n):
        out = []
        for i in range(n):
            tp = set_tempo
            if every and (i + 1) % every[0] == 0:
                kw = {"bottom": tp.bottom, "top": tp.top}
                kw[every[1]] = every[2]
                tp = Tempo(tp.eccentric, kw["bottom"], tp.concentric, kw["top"])
            out.append(tp)
        return tuple(out)

    sets = []
    for i, r in enumerate(reps_list):
        frac = float(np.asarray(rule_fn(r + reps_in_reserve), dtype=float)) if fixed is None else float("nan")
        if fixed is None and not 0 < frac <= 1:
            raise RangeError(f"rule gives {frac!r} of the 1RM for {r + reps_in_reserve} reps; a fraction in (0, 1] "
                             f"is expected.")
        kg = fixed if fixed is not None else (None if orm is None else orm * frac)
        sets.append(PlannedSet(r, frac, None if kg is None else Q_(kg, "kg"), tempos_for(r), i, 0))
        for j in range(1, n_drops + 1):
            keep = (1.0 - drop_fraction) ** j
            dr = drop_reps or r
            sets.append(PlannedSet(dr, frac * keep, None if kg is None else Q_(kg * keep, "kg"), tempos_for(dr), i, j))
    return SetScheme(text, tuple(sets), rule_name, tuple(notes))
