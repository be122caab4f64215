"""Spread of body proportions: segment lengths drawn around a body from a measured population.

de Leva (1996) gives mean segment proportions only. The spread here comes from the 2012 U.S.
Army anthropometric survey, ANSUR II (Gordon et al. 2014, *2012 Anthropometric Survey of U.S.
Army Personnel: Methods and Summary Statistics*, Technical Report NATICK/TR-15/007, U.S. Army
Natick Soldier Research, Development and Engineering Center): 4082 men and 1986 women measured
standing, per-subject public release, a work of the U.S. government in the public domain.
``scripts/ansur_proportions.py`` computes the numbers below from those files.

ANSUR II measures heights of surface landmarks, the model uses joint-centre lengths; the
mapping is an approximation (``docs/technique.md``, "Body proportions"):

========  ==========================================================  ==================
segment   ANSUR II dimensions                                         model length
========  ==========================================================  ==================
shank     lateral femoral epicondyle height - lateral malleolus height  knee -> ankle
thigh     trochanterion height - lateral femoral epicondyle height     hip -> knee
trunk     acromial height - trochanterion height                       hip -> shoulder
foot      foot length                                                  heel -> toe tip
========  ==========================================================  ==================

each divided by stature. What is drawn (:func:`draw_bodies`): the given body's stature and mass
stay; each segment length is the body's own times ``1 + z * cv``, with ``cv`` the ratio's
coefficient of variation (SD / mean) in the survey and ``z`` standard normal with the survey's
correlations between the four ratios (multivariate normal, each ``z`` truncated at +-3 SD by
redrawing). The draws are centred on the given body's own proportions, so a de Leva body keeps
its de Leva means and gets the survey's relative spread. Segment masses, centre-of-mass fractions
and radii of gyration stay those of the body (an assumption: a longer thigh of the same person
would be a little heavier; no survey gives the two jointly).

Examples
--------
>>> import biomech as bm
>>> from biomech.model.population import draw_bodies
>>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
>>> d = draw_bodies(body, 2000, seed=13)
>>> d.lengths_m["thigh"].shape
(2000,)
>>> round(float(d.scale["thigh"].std()), 3)   # ANSUR II men: thigh/stature SD / mean = 0.052
0.052
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

import numpy as np

from ..errors import InputValueError, RangeError

__all__ = ["SEGMENTS", "ANSUR_II", "SOURCE", "TRUNCATE_SD", "MAX_BODIES", "ProportionSpread", "BodySamples",
           "spread", "draw_bodies", "check_bodies"]

#: The segments whose lengths are drawn, in the order of the tables' rows and columns.
SEGMENTS = ("shank", "thigh", "trunk", "foot")
#: Draws beyond this many SDs of any ratio are drawn again (a truncated normal).
TRUNCATE_SD = 3.0
#: Largest number of bodies one call draws (the same bound as technique samples).
MAX_BODIES = 100_000
#: The citation of the spread, as the results and the docs give it.
SOURCE = ("ANSUR II: Gordon et al. 2014, 2012 Anthropometric Survey of U.S. Army Personnel, Technical Report "
          "NATICK/TR-15/007 (public-domain per-subject data; 4082 men, 1986 women)")


@dataclass(frozen=True)
class ProportionSpread:
    """Means, SDs and correlations of the segment-length-to-stature ratios of one sex.

    Parameters
    ----------
    sex : str
        ``"male"`` or ``"female"``.
    n : int
        Subjects measured.
    mean, sd : tuple of float
        Mean and between-subject SD of each ratio (length / stature, dimensionless), in the
        order of :data:`SEGMENTS`.
    corr : tuple of tuple of float
        Correlation matrix of the ratios, same order.
    source : str
        The citation.
    """

    sex: str
    n: int
    mean: tuple
    sd: tuple
    corr: tuple
    source: str = SOURCE

    @property
    def cv(self) -> np.ndarray:
        """Coefficient of variation (SD / mean) of each ratio, in the order of :data:`SEGMENTS`."""
        return np.asarray(self.sd, dtype=float) / np.asarray(self.mean, dtype=float)

    @property
    def corr_matrix(self) -> np.ndarray:
        """The correlations as a 4 x 4 array."""
        return np.asarray(self.corr, dtype=float)


#: ANSUR II ratios to stature (scripts/ansur_proportions.py on the public release; Gordon et al.
#: 2014, NATICK/TR-15/007). Order: shank, thigh, trunk, foot. Trunk correlates negatively with the
#: leg segments (a long-legged person of a given stature has a shorter trunk).
ANSUR_II: Mapping[str, ProportionSpread] = MappingProxyType({
    "male": ProportionSpread(
        "male", 4082, mean=(0.2384, 0.2330, 0.3074, 0.1544), sd=(0.0083, 0.0122, 0.0155, 0.0052),
        corr=((1.0, 0.131, -0.412, 0.196), (0.131, 1.0, -0.748, 0.040), (-0.412, -0.748, 1.0, -0.106),
              (0.196, 0.040, -0.106, 1.0))),
    "female": ProportionSpread(
        "female", 1986, mean=(0.2475, 0.2329, 0.3008, 0.1513), sd=(0.0107, 0.0107, 0.0142, 0.0053),
        corr=((1.0, -0.042, -0.485, 0.276), (-0.042, 1.0, -0.622, 0.066), (-0.485, -0.622, 1.0, -0.246),
              (0.276, 0.066, -0.246, 1.0))),
})


def spread(sex: str | None = "male") -> ProportionSpread:
    """The ANSUR II spread for ``sex`` (``None``, a body without a sex, takes the men's: an assumption).

    >>> spread("female").n
    1986
    """
    key = "male" if sex is None else str(sex).strip().lower()
    key = {"m": "male", "f": "female", "men": "male", "women": "female"}.get(key, key)
    if key not in ANSUR_II:
        raise InputValueError(f"sex={sex!r} is not 'male' or 'female' (the ANSUR II tables).")
    return ANSUR_II[key]


def check_bodies(value: Any, name: str = "bodies") -> int:
    """A number of bodies: a whole number from 1 to :data:`MAX_BODIES`; refused naming ``name``.

    >>> check_bodies(1000)
    1000
    >>> check_bodies(0)
    Traceback (most recent call last):
    ...
    biomech.errors.RangeError: bodies=0 is outside 1 to 100000; memory for the drawn bodies stays bounded.
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise InputValueError(f"{name}={value!r} is not a whole number of bodies (1 to {MAX_BODIES}).")
    if not 1 <= int(value) <= MAX_BODIES:
        raise RangeError(f"{name}={value!r} is outside 1 to {MAX_BODIES}; memory for the drawn bodies stays "
                         f"bounded.")
    return int(value)


@dataclass(frozen=True)
class BodySamples:
    """Segment lengths of ``n`` bodies drawn around one body.

    Attributes
    ----------
    n : int
        Number of bodies.
    seed : int or None
        The seed they were drawn with.
    sex : str
        Which table of :data:`ANSUR_II` gave the spread.
    scale : dict of str to ndarray
        Each segment's length as a multiple of the given body's, shape ``(n,)``.
    lengths_m : dict of str to ndarray
        Each segment's length in m (the foot: heel to toe tip), shape ``(n,)``.
    source : str
        The citation.
    """

    n: int
    seed: int | None
    sex: str
    scale: dict
    lengths_m: dict
    source: str = SOURCE


def _rng(seed: int | None) -> np.random.Generator:
    # a stream of its own, so technique samples drawn with the same seed stay independent of it
    return np.random.default_rng(None if seed is None else [int(seed), 0xB0D1E5])


def draw_bodies(body: Any, n: int, seed: int | None = 13, sex: str | None = None) -> BodySamples:
    """Draw ``n`` sets of segment lengths around ``body`` (ANSUR II spread).

    Parameters
    ----------
    body : Body
        The body the draws centre on; its stature and mass are kept.
    n : int
        Number of bodies, 1 to :data:`MAX_BODIES`.
    seed : int or None
        Seed (the exercises' default, 13); ``None`` draws fresh randomness. The stream is
        separate from the technique samples', so draw ``i`` of each can be paired.
    sex : {"male", "female"}, optional
        The survey table; default the body's sex (men's when the body has none).

    Returns
    -------
    BodySamples
        Shank, thigh, trunk (hip to shoulder) and foot lengths, each the body's own times
        ``1 + z * cv``; ``z`` multivariate normal with the ratios' correlations, every component
        within +-3 SD.

    Examples
    --------
    >>> import biomech as bm
    >>> body = bm.Body.from_anthropometrics("165 cm", "60 kg", sex="female")
    >>> d = draw_bodies(body, 500, seed=1)
    >>> d.sex, bool(abs(d.lengths_m["shank"].mean() / body.shank.length_m - 1) < 0.01)
    ('female', True)
    """
    n = check_bodies(n)
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0):
        raise InputValueError(f"seed={seed!r} is not a whole number 0 or more (or None).")
    sp = spread(getattr(body, "sex", None) if sex is None else sex)
    chol = np.linalg.cholesky(sp.corr_matrix)
    rng = _rng(seed)
    z = np.empty((0, len(SEGMENTS)))
    for _ in range(100):  # each round keeps ~99 % of four correlated draws; bounded all the same
        e = rng.standard_normal((2 * n, len(SEGMENTS))) @ chol.T
        z = np.concatenate([z, e[np.all(np.abs(e) <= TRUNCATE_SD, axis=1)]])
        if len(z) >= n:
            break
    z = z[:n]
    cv = sp.cv
    scale = {s: 1.0 + z[:, i] * cv[i] for i, s in enumerate(SEGMENTS)}
    own = {"shank": body.shank.length_m, "thigh": body.thigh.length_m, "trunk": body.trunk.length_m,
           "foot": body.foot_geometry.toe_x}
    lengths = {s: float(own[s]) * scale[s] for s in SEGMENTS}
    return BodySamples(n, None if seed is None else int(seed), sp.sex, scale, lengths)
