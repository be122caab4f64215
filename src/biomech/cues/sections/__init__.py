"""The article's cues, one module per section of the article, in the article's order.

Each module defines ``CUES``, a tuple of :class:`biomech.cues.cue.Cue`; a cue's words, premise,
experiment, verdict rule and flip examples sit together in its one entry.
"""

from . import intro, glutes, hamstrings, quadriceps, lower_leg

MODULES = (intro, glutes, hamstrings, quadriceps, lower_leg)

__all__ = ["MODULES", "intro", "glutes", "hamstrings", "quadriceps", "lower_leg"]
