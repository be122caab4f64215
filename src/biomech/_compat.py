"""Old module paths, kept for one release (0.2.x) with a ``DeprecationWarning``.

Version 0.2.0 moved the flat modules into layered subpackages (``docs/architecture.md``).
``import biomech.statics`` (and every other path in :data:`MOVED`) still works: it gives
the module at its new path and warns once, naming the new path. ``CHANGELOG.md`` has the
migration table.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import warnings

__all__ = ["MOVED", "install"]

#: Old module path -> new module path (0.1 -> 0.2).
MOVED = {
    "biomech.anthropometry": "biomech.model.anthropometry",
    "biomech.body": "biomech.model.body",
    "biomech.pose": "biomech.model.pose",
    "biomech.loads": "biomech.model.loads",
    "biomech.kinematics": "biomech.model.kinematics",
    "biomech.statics": "biomech.mechanics.statics",
    "biomech.dynamics": "biomech.mechanics.dynamics",
    "biomech.gaitlab": "biomech.mechanics.gaitlab",
    "biomech.cues.chain": "biomech.mechanics.chain",
    "biomech.motion_io": "biomech.motion.io",
    "biomech.tempo": "biomech.motion.tempo",
    "biomech.sets": "biomech.motion.sets",
    "biomech.filtering": "biomech.motion.filtering",
    "biomech.timeseries": "biomech.motion.summaries",
    "biomech.plot": "biomech.viz.plot",
    "biomech.figures": "biomech.viz.figures",
    "biomech.exercises.gallery": "biomech.viz.gallery",
    "biomech.cues.validation": "biomech.validation.studies",
}


def _caller_frame():
    """The first frame outside the import machinery and this module."""
    frame = sys._getframe(1)
    while frame is not None:
        name = frame.f_code.co_filename
        if ("importlib" not in name and not name.endswith(("_compat.py", "biomech/__init__.py"))
                and not name.startswith("<frozen")):
            return frame
        frame = frame.f_back
    return None


def warn_moved(old: str) -> None:
    """Warn that ``old`` moved, pointing at the user's line."""
    message = (f"{old} moved to {MOVED[old]} in biomech 0.2.0; import it from there "
               f"(the old path goes in 0.3.0; CHANGELOG.md has the migration table).")
    frame = _caller_frame()
    if frame is None:
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        return
    warnings.warn_explicit(message, DeprecationWarning, frame.f_code.co_filename, frame.f_lineno,
                           module=frame.f_globals.get("__name__", "<unknown>"),
                           registry=frame.f_globals.setdefault("__warningregistry__", {}))


class _MovedModuleFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Answers an old module path with the module at its new path."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname in MOVED:
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        warn_moved(spec.name)
        return importlib.import_module(MOVED[spec.name])

    def exec_module(self, module):
        return None


_FINDER = _MovedModuleFinder()


def install() -> None:
    """Put the finder on ``sys.meta_path`` (once)."""
    if not any(isinstance(f, _MovedModuleFinder) for f in sys.meta_path):
        sys.meta_path.append(_FINDER)


def moved_attribute(package: str, name: str):
    """``biomech.plot`` as an attribute (``bm.plot.stick_figure``): the moved module, with a warning."""
    old = f"{package}.{name}"
    if old not in MOVED:
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    warn_moved(old)
    return importlib.import_module(MOVED[old])
