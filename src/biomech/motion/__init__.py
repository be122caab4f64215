"""The motion layer: poses that change in time.

:mod:`.motion` (``Motion``: angles with velocities and accelerations), :mod:`.io`
(OpenSim ``.mot``/``.sto`` and CSV files), :mod:`.tempo` (coach tempo notation to a rep),
:mod:`.sets` (set schemes), :mod:`.filtering` (zero-lag low-pass filters and derivatives),
:mod:`.summaries` (torque over time: peaks, impulses, work).
"""

from .motion import DEFAULT_CUTOFF, MIN_SAMPLES_PER_FILTER_ORDER, SEGMENTS, Motion, extension_velocity_kernel

__all__ = ["Motion", "SEGMENTS", "MIN_SAMPLES_PER_FILTER_ORDER", "DEFAULT_CUTOFF", "extension_velocity_kernel"]
