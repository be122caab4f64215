"""The catalog: every cue of the article, in the article's order, from the section modules.

Each cue is one :class:`biomech.cues.cue.Cue`, defined once in its section's module
(:mod:`biomech.cues.sections`); this module only gathers them.

Examples
--------
>>> from biomech.cues.catalog import CATALOG, get_cue
>>> cue = get_cue("knee-travel-quadriceps")
>>> cue.section, cue.in_scope
('The Quadriceps', True)
>>> len({c.id for c in CATALOG}) == len(CATALOG)
True
"""

from __future__ import annotations

from ..errors import InputValueError
from .cue import SECTIONS, Cue
from .sections import MODULES

__all__ = ["CATALOG", "SECTIONS", "Cue", "get_cue", "cues_in_section", "cue_table"]

#: Every cue, grouped by the article's sections in the article's order.
CATALOG: tuple[Cue, ...] = tuple(sorted((c for m in MODULES for c in m.CUES),
                                        key=lambda c: SECTIONS.index(c.section)))

_BY_ID = {c.id: c for c in CATALOG}
if len(_BY_ID) != len(CATALOG):  # pragma: no cover - guarded by a test too
    raise RuntimeError("duplicate cue ids in CATALOG")


def get_cue(cue_id: str) -> Cue:
    """The cue with this id.

    Raises
    ------
    InputValueError
        For an unknown id; the message lists the known ones.

    Examples
    --------
    >>> get_cue("calf-toes-in-out").literature_disagrees
    True
    """
    try:
        return _BY_ID[cue_id]
    except KeyError:
        raise InputValueError(f"cue_id={cue_id!r} is not in the catalog; known ids: {sorted(_BY_ID)}.") from None


def cues_in_section(section: str) -> tuple[Cue, ...]:
    """The cues of one article section, in the article's order.

    >>> [c.coach for c in cues_in_section("The Hamstrings")][:1]
    ['Train hamstrings at hip and knee separately']
    """
    if section not in SECTIONS:
        raise InputValueError(f"section={section!r} is not one of the article's headings {SECTIONS}.")
    return tuple(c for c in CATALOG if c.section == section)


def cue_table() -> str:
    """Markdown table of every cue: the coach's words, the premise judged (or why the claim is
    outside the model), the threshold and its rationale; docs/cues.md carries it verbatim.

    >>> cue_table().splitlines()[0]
    '| section | cue | premise judged, or why it is outside the model | threshold: rationale |'
    """
    def cell(s: str) -> str:
        return s.replace("|", "\\|").replace("\n", " ")
    lines = ["| section | cue | premise judged, or why it is outside the model | threshold: rationale |",
             "|---|---|---|---|"]
    for c in CATALOG:
        what = c.premise if c.in_scope else f"*outside:* {c.outside}"
        lines.append(f"| {cell(c.section)} | {cell(c.coach)} | {cell(what)} | "
                     f"{cell(c.threshold_text()) if c.in_scope else '—'} |")
    return "\n".join(lines)
