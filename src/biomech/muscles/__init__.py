"""Muscle-level demand: moment arms, muscle sizes and lengths, force sharing, joint
contact forces and relative effort.

The public entry point is :func:`muscle_demand` (default ``model="rajagopal2023"``, the 40
muscles per leg of the Rajagopal-Lai-Uhlrich 2023 model; ``model="classic"``, the sagittal
nine-muscle model); the modules hold the pieces:
:mod:`~biomech.muscles.catalog` (named moment-arm curves, the muscle set),
:mod:`~biomech.muscles.architecture` (PCSA, stress, lengths, force-length),
:mod:`~biomech.muscles.sharing` (static optimisation),
:mod:`~biomech.muscles.contact` (patellofemoral, tibiofemoral, L5/S1),
:mod:`~biomech.muscles.strength` (maximal voluntary moments),
:mod:`~biomech.muscles.rajagopal` (the 40-muscle Rajagopal-Lai-Uhlrich 2023 tables) and
:mod:`~biomech.muscles.rajagopal_demand` (its force sharing, band and contact forces;
the default of ``muscle_demand``).
"""

from .catalog import (ACHILLES_MANAL2013, ADDUCTOR_MAGNUS_DOSTAL1981, CURVES, GLUTEUS_MAXIMUS_DELP1990, GROUPS,
                      HAMSTRINGS_DOSTAL1981, ILIOPSOAS_DOSTAL1981, MUSCLE_KEYS, PATELLAR_TENDON_MRI,
                      RECTUS_FEMORIS_DOSTAL1981, TIBIALIS_ANTERIOR_MAGANARIS2000, MomentArmCurve, Muscle,
                      check_muscles, default_muscles, line_of_action_moment_arm, moment_arm_scale,
                      scaling_lengths, REFERENCE_HEIGHT_M)
from .contact import l5s1_compression, patellofemoral_compression, tibiofemoral_forces
from .architecture import ankle_excursion_fraction
from .demand import (LIMITS, LIMITS_RAJAGOPAL, MuscleDemand, SplitDemand, body_scaling_lengths, locked_knee_moment, muscle_demand,
                     muscle_demand_si)
from .sharing import share_activations, share_minmax
from .rajagopal import tables as rajagopal_tables
from .rajagopal_demand import patellofemoral_rajagopal, rajagopal_demand_si, share_band
from .strength import max_voluntary_moment, relative_effort

__all__ = ["muscle_demand", "muscle_demand_si", "MuscleDemand", "SplitDemand", "LIMITS", "LIMITS_RAJAGOPAL",
           "MomentArmCurve", "Muscle", "default_muscles", "CURVES", "MUSCLE_KEYS", "GROUPS",
           "PATELLAR_TENDON_MRI", "ACHILLES_MANAL2013", "share_activations",
           "patellofemoral_compression", "tibiofemoral_forces", "l5s1_compression",
           "max_voluntary_moment", "relative_effort", "check_muscles", "line_of_action_moment_arm",
           "GLUTEUS_MAXIMUS_DELP1990", "HAMSTRINGS_DOSTAL1981", "ADDUCTOR_MAGNUS_DOSTAL1981",
           "ILIOPSOAS_DOSTAL1981", "RECTUS_FEMORIS_DOSTAL1981", "TIBIALIS_ANTERIOR_MAGANARIS2000",
           "locked_knee_moment", "ankle_excursion_fraction", "moment_arm_scale", "scaling_lengths",
           "body_scaling_lengths", "REFERENCE_HEIGHT_M", "share_minmax", "rajagopal_tables", "rajagopal_demand_si",
           "share_band", "patellofemoral_rajagopal"]
