"""The ``biomech`` command line: one command per exercise, plus pose, sweep, report and figures.

The commands live in :mod:`biomech.cli.commands`; ``python -m biomech.cli`` and the
``biomech`` script both call :func:`main`.
"""

from .commands import EXERCISES, build_parser, main

__all__ = ["main", "build_parser", "EXERCISES"]
