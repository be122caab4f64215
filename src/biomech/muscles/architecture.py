"""Muscle size, maximal stress, muscle-tendon length and the force-length relation.

* Volumes: Handsfield GG, Meyer CH, Hart JM, Abel MF, Blemker SS (2014) J Biomech
  47(3):631-638, Supplementary Table 3 regressions, volume (cm^3) = slope x
  (height [m] x mass [kg]) + intercept (as transcribed in the public
  scale-muscle-strength project's ``muscle_scaling_coefficients.csv``).
* Optimal fibre lengths: Ward SR, Eng CM, Smallwood LH, Lieber RL (2009) Clin Orthop
  Relat Res 467:1074-1082, Table 3 (cm; public transcriptions).
* PCSA = volume / optimal fibre length (pennation ignored), as in the scaling of the
  Rajagopal et al. (2016) model strengths from Handsfield's volumes.
* Maximal muscle stress 61 N/cm^2: the specific tension used in that scaling
  (scale-muscle-strength README); a primary measurement was not read.
* Muscle-tendon length of gastrocnemius and soleus: Hawkins D, Hull ML (1990) J Biomech
  23:487-494, L / shank length = C0 + C2 knee + C4 ankle (deg), medial gastrocnemius
  C0 0.900, C2 -0.00062, C4 0.00214; soleus C0 0.563, C4 0.00193 (secondary transcription,
  not read in the paper). We read the ankle term as lengthening with dorsiflexion.
* Force-length: the active curve of Geyer H, Herr H (2010) IEEE Trans Neural Syst Rehabil
  Eng 18(3):263-273, f = exp(ln(c) |(l - 1)/w|^3) with w = 0.56, c = 0.05.

Series elasticity (tendon and aponeurosis compliance plus fibre rotation) is represented
by the share of a muscle-tendon length change that reaches the fibres (``ankle_fraction``,
``knee_fraction``), not by a rigid tendon. With a rigid tendon the whole Hawkins & Hull
excursion (0.84 mm per degree of ankle rotation for the soleus, 0.93 mm for the
gastrocnemius) would go into fibres of 4.4 and 5.3 cm, i.e. 19 and 18 % of their length
per 10 deg, and the soleus would lose almost all its force by 20 deg of plantarflexion.
In vivo, during maximal voluntary contractions, the fibres of the gastrocnemius medialis,
gastrocnemius lateralis and soleus shorten by only 27-30 % of their length (8-10 mm) as
the ankle goes from 15 deg of dorsiflexion to 30 deg of plantarflexion (Maganaris CN,
Baltzopoulos V, Sargeant AJ (1998) J Physiol 512:603-614, abstract, point 3). We take the
middle, 28.5 % over those 45 deg, and solve for the share of the ankle-driven excursion that
reaches the fibres (:func:`ankle_excursion_fraction`): 0.33 for the soleus, 0.37 for the
gastrocnemius. The knee-driven excursion of the gastrocnemius keeps its rigid-tendon
share (``knee_fraction`` = 1), a calibration choice: it gives the triceps surae 71 % of
its knee-straight maximal plantarflexor moment with the knee at 90 deg, inside the 60 %
(93 against 154 N*m, MRI and dynamometry study, PubMed 39577118, abstract) to 94 %
(isokinetic, University of North Dakota physical-therapy project 197) reported; in vivo
much of that loss is lower gastrocnemius activation with the knee bent rather than shorter
fascicles (Arampatzis A et al. (2006) J Biomech 39:1891-1902, abstract), which a force-length
multiplier stands in for. The fibres are taken to be at their optimal length with the
knee straight and the ankle at 0 deg (gastrocnemius) and at 10 deg of dorsiflexion
(soleus); both are assumptions, stated in the docs.

Examples
--------
>>> p = pcsa_m2(1.75, 70.0)
>>> round(p["soleus"] * 1e4, 1)  # cm^2
98.8
"""

from __future__ import annotations

import numpy as np

__all__ = ["HANDSFIELD2014", "WARD2009_FIBRE_CM", "GROUP_HEADS", "MAX_STRESS", "volume_cm3",
           "pcsa_m2", "force_length_geyer", "gastrocnemius_length", "soleus_length",
           "gastrocnemius_force_length", "soleus_force_length", "HAWKINS_HULL1990",
           "MAGANARIS1998_MVC_FIBRE_SHORTENING", "ankle_excursion_fraction"]

#: Handsfield et al. (2014) Suppl. Table 3: (slope cm^3/(m kg), intercept cm^3).
HANDSFIELD2014 = {
    "gluteus_maximus": (6.01, 105.0), "adductor_magnus": (3.64, 109.0),
    "iliacus": (1.11, 39.4), "psoas": (2.43, -26.3),
    "vastus_lateralis": (5.89, 102.0), "vastus_medialis": (3.03, 57.6),
    "vastus_intermedius": (1.29, 111.0), "rectus_femoris": (1.71, 56.9),
    "biceps_femoris_long": (1.24, 53.0), "semimembranosus": (1.54, 54.5),
    "semitendinosus": (1.27, 29.1), "medial_gastrocnemius": (1.71, 46.2),
    "lateral_gastrocnemius": (1.08, 15.7), "soleus": (2.57, 120.0),
    "tibialis_anterior": (0.796, 36.7),
}

#: Ward et al. (2009) Table 3 mean optimal fibre lengths, cm (gastrocnemius heads and
#: soleus from the same data set as transcribed in public code).
WARD2009_FIBRE_CM = {
    "gluteus_maximus": 15.69, "adductor_magnus": 14.44, "iliacus": 10.66, "psoas": 11.69,
    "vastus_lateralis": 9.94, "vastus_medialis": 9.68, "vastus_intermedius": 9.93,
    "rectus_femoris": 7.59, "biceps_femoris_long": 9.76, "semimembranosus": 6.90,
    "semitendinosus": 19.30, "medial_gastrocnemius": 5.10, "lateral_gastrocnemius": 5.88,
    "soleus": 4.40, "tibialis_anterior": 6.83,
}

#: Which heads make up each muscle key of the model.
GROUP_HEADS = {
    "vasti": ("vastus_lateralis", "vastus_medialis", "vastus_intermedius"),
    "rectus_femoris": ("rectus_femoris",),
    "gluteus_maximus": ("gluteus_maximus",),
    "hamstrings": ("biceps_femoris_long", "semimembranosus", "semitendinosus"),
    "adductor_magnus": ("adductor_magnus",),
    "iliopsoas": ("iliacus", "psoas"),
    "gastrocnemius": ("medial_gastrocnemius", "lateral_gastrocnemius"),
    "soleus": ("soleus",),
    "tibialis_anterior": ("tibialis_anterior",),
}

#: Maximal isometric muscle stress, Pa (61 N/cm^2; see module doc).
MAX_STRESS = 61.0e4

#: Hawkins & Hull (1990) muscle-tendon length regressions (C0, C2 per deg knee, C4 per deg ankle).
HAWKINS_HULL1990 = {"medial_gastrocnemius": (0.900, -0.00062, 0.00214),
                    "lateral_gastrocnemius": (0.894, -0.0005, 0.00214),
                    "soleus": (0.563, 0.0, 0.00193)}


#: Maganaris, Baltzopoulos & Sargeant (1998) J Physiol 512:603-614, abstract (point 3): during
#: maximal voluntary contraction the fibres of GM, GL and SOL shortened by 27-30 % as the
#: ankle went from 15 deg dorsiflexion to 30 deg plantarflexion. (fraction of fibre length,
#: dorsiflexed angle in deg, plantarflexed angle in deg; library signs, dorsiflexion +).
MAGANARIS1998_MVC_FIBRE_SHORTENING = (0.285, 15.0, -30.0)


def volume_cm3(head: str, height_m: float, mass_kg: float) -> float:
    """Muscle volume (cm^3) from the Handsfield et al. (2014) regression.

    >>> round(volume_cm3("gluteus_maximus", 1.75, 70.0), 1)
    841.2
    """
    slope, intercept = HANDSFIELD2014[head]
    return slope * height_m * mass_kg + intercept


def pcsa_m2(height_m: float = 1.75, mass_kg: float = 70.0) -> dict:
    """PCSA (m^2) of each model muscle: sum over its heads of volume / fibre length."""
    out = {}
    for key, heads in GROUP_HEADS.items():
        out[key] = sum(volume_cm3(h, height_m, mass_kg) / WARD2009_FIBRE_CM[h] for h in heads) * 1e-4
    return out


def force_length_geyer(l_norm, width: float = 0.56, c: float = 0.05):
    """Active force-length multiplier (Geyer & Herr 2010), 1 at optimal length.

    >>> float(force_length_geyer(1.0)), round(float(force_length_geyer(1.56)), 3)
    (1.0, 0.05)
    """
    x = np.abs((np.asarray(l_norm, dtype=float) - 1.0) / width)
    return np.exp(np.log(c) * x ** 3)


def gastrocnemius_length(knee_rad, ankle_rad, shank_m: float = 0.434):
    """Gastrocnemius muscle-tendon length (m), PCSA-free mean of the two heads' regressions
    (Hawkins & Hull 1990; knee flexion and ankle dorsiflexion in radians).

    >>> round(float(gastrocnemius_length(0.0, 0.0)), 4)
    0.3893
    """
    k, a = np.degrees(knee_rad), np.degrees(ankle_rad)
    c = np.mean([HAWKINS_HULL1990["medial_gastrocnemius"], HAWKINS_HULL1990["lateral_gastrocnemius"]], axis=0)
    return (c[0] + c[1] * k + c[2] * a) * shank_m


def soleus_length(ankle_rad, shank_m: float = 0.434):
    """Soleus muscle-tendon length (m), Hawkins & Hull (1990)."""
    c = HAWKINS_HULL1990["soleus"]
    return (c[0] + c[2] * np.degrees(ankle_rad)) * shank_m


def _fibre_cm(key):
    heads = GROUP_HEADS[key]
    vols = np.array([volume_cm3(h, 1.75, 70.0) / WARD2009_FIBRE_CM[h] for h in heads])
    fib = np.array([WARD2009_FIBRE_CM[h] for h in heads])
    return float(np.sum(vols * fib) / np.sum(vols))  # PCSA-weighted fibre length


def ankle_excursion_fraction(key: str, shank_m: float = 0.434,
                             shortening=MAGANARIS1998_MVC_FIBRE_SHORTENING) -> float:
    """Share of an ankle-driven muscle-tendon length change that reaches the fibres.

    Solved so that the fibres of ``key`` ("soleus" or "gastrocnemius") shorten by the
    measured fraction of their optimal length between the two ankle angles of
    ``shortening`` (default: Maganaris et al. 1998, MVC, 28.5 % from 15 deg dorsiflexion to
    30 deg plantarflexion), given the Hawkins & Hull (1990) excursion over those angles.
    The rest of the excursion is taken by the series-elastic tissue and fibre rotation.

    >>> round(ankle_excursion_fraction("soleus"), 3), round(ankle_excursion_fraction("gastrocnemius"), 3)
    (0.333, 0.366)
    """
    frac, dorsi, plantar = shortening
    a0, a1 = np.radians(dorsi), np.radians(plantar)
    if key == "soleus":
        dl = soleus_length(a0, shank_m) - soleus_length(a1, shank_m)
    elif key == "gastrocnemius":
        dl = gastrocnemius_length(0.0, a0, shank_m) - gastrocnemius_length(0.0, a1, shank_m)
    else:
        from ..errors import InputValueError
        raise InputValueError(f"key={key!r}: expected 'soleus' or 'gastrocnemius'.")
    return float(frac * _fibre_cm(key) * 1e-2 / dl)


def gastrocnemius_force_length(shank_m: float = 0.434, ankle_fraction: float | None = None,
                               knee_fraction: float = 1.0):
    """A function of the joint-angle dict giving the gastrocnemius force-length multiplier.

    Fibres optimal at knee 0 deg, ankle 0 deg. The fibre length change is
    ``ankle_fraction`` times the ankle-driven muscle-tendon excursion plus ``knee_fraction``
    times the knee-driven one (Hawkins & Hull 1990), over the PCSA-weighted optimal fibre
    length (Ward et al. 2009). ``ankle_fraction`` defaults to
    :func:`ankle_excursion_fraction` (Maganaris et al. 1998); ``knee_fraction`` = 1 keeps the
    rigid-tendon loss with the knee bent (see the module doc). Pass 1.0 for both to get
    the rigid-tendon model.

    >>> f = gastrocnemius_force_length()
    >>> round(float(f({"knee": 0.0, "ankle": 0.0, "hip": 0.0})), 3)
    1.0
    >>> round(float(f({"knee": 0.0, "ankle": np.radians(-30.0), "hip": 0.0})), 2)
    0.89
    """
    l_fibre = _fibre_cm("gastrocnemius") * 1e-2
    l_ref = gastrocnemius_length(0.0, 0.0, shank_m)
    ga = ankle_excursion_fraction("gastrocnemius", shank_m) if ankle_fraction is None else float(ankle_fraction)
    gk = float(knee_fraction)

    def f(angles):
        dl_knee = gastrocnemius_length(angles["knee"], 0.0, shank_m) - l_ref
        dl_ankle = gastrocnemius_length(0.0, angles["ankle"], shank_m) - l_ref  # regression is additive
        return force_length_geyer(1.0 + (ga * dl_ankle + gk * dl_knee) / l_fibre)
    return f


def soleus_force_length(shank_m: float = 0.434, optimal_dorsiflexion_deg: float = 10.0,
                        ankle_fraction: float | None = None):
    """Soleus force-length multiplier as a function of the joint-angle dict.

    Fibres optimal at ``optimal_dorsiflexion_deg``; the fibres take ``ankle_fraction`` of the
    muscle-tendon excursion (default :func:`ankle_excursion_fraction`, Maganaris et al.
    1998; 1.0 = rigid tendon).

    >>> f = soleus_force_length()
    >>> round(float(f({"knee": 0.0, "ankle": np.radians(-30.0), "hip": 0.0})), 2)
    0.76
    """
    l_fibre = _fibre_cm("soleus") * 1e-2
    l_ref = soleus_length(np.radians(optimal_dorsiflexion_deg), shank_m)
    g = ankle_excursion_fraction("soleus", shank_m) if ankle_fraction is None else float(ankle_fraction)

    def f(angles):
        dl = soleus_length(angles["ankle"], shank_m) - l_ref
        return force_length_geyer(1.0 + g * dl / l_fibre)
    return f
