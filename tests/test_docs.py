"""The docs' code blocks run: every ```python block in README.md and docs/*.md.

Blocks written as doctests (``>>>``) are checked as doctests; other blocks are executed
top to bottom (each file's blocks share one namespace, as a reader would run them).
A block can opt out with a first line ``# not run``.
"""

from __future__ import annotations

import doctest
import os
import re
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
FILES = [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md"))
BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def blocks(path: Path) -> list[str]:
    return [b for b in BLOCK.findall(path.read_text(encoding="utf-8")) if not b.lstrip().startswith("# not run")]


@pytest.mark.parametrize("path", [f for f in FILES if blocks(f)], ids=lambda p: p.name)
def test_code_blocks_run(path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # anything a block writes lands in a temporary folder
    namespace: dict = {"__name__": "__docs__"}
    for n, code in enumerate(blocks(path)):
        if ">>>" in code:
            test = doctest.DocTestParser().get_doctest(code, namespace, f"{path.name}[{n}]", str(path), 0)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            runner.run(test)
            assert runner.failures == 0, f"{path.name}, block {n}: a doctest failed"
        else:
            exec(compile(code, f"{path.name}[block {n}]", "exec"), namespace)
    os.chdir(ROOT)
