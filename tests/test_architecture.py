"""The package's layers: data flows one way (docs/architecture.md).

foundation (errors, units, constants, file writing) -> model -> motion -> mechanics ->
exercises and muscles -> cues -> viz, validation -> cli. No module imports from a layer
above its own; the old flat module paths answer for one release with a DeprecationWarning.
"""

from __future__ import annotations

import ast
import pathlib
import subprocess
import sys

import pytest

import biomech
from biomech import _compat

PACKAGE = pathlib.Path(biomech.__file__).parent

#: Layer of each top-level module or subpackage of ``biomech``: lower numbers sit lower.
LAYERS = {
    "errors": 0, "units": 0, "constants": 0, "fileio": 0, "_compat": 0, "data": 0, "provenance": 1,
    "model": 1, "motion": 2, "mechanics": 3, "exercises": 4, "muscles": 4, "cues": 5,
    "validation": 6, "viz": 6, "cli": 7, "kernels": 7,
}


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def _imports(path: pathlib.Path, root: pathlib.Path = PACKAGE.parent) -> list[tuple[str, int]]:
    """Absolute names of the biomech modules (or module attributes) a file imports, with line numbers."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    package = parts[:-1]
    out = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
            else:
                names = [node.module] if (node.module or "").startswith("biomech") else []
            out += [(n, node.lineno) for n in names]
        elif isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names if a.name.startswith("biomech")]
    return out


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def test_every_subpackage_has_a_layer():
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in MODULES}
    tops -= {"__init__"}
    assert tops <= set(LAYERS), f"modules without a layer: {sorted(tops - set(LAYERS))}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_from_a_layer_above_its_own(path):
    rel = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    own = _layer(rel.removesuffix(".__init__"))
    if own is None:
        return
    upward = [(name, line) for name, line in _imports(path)
              if (layer := _layer(name)) is not None and layer > own]
    assert not upward, f"{rel} (layer {own}) imports from above: {upward}"


def test_the_checker_sees_an_upward_import(tmp_path):
    # the rule can fail: a model module importing from the exercises layer, relatively or not, is caught
    fake = tmp_path / "biomech" / "model" / "fake.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("from ..exercises import squats\nfrom ..errors import BiomechError\n"
                    "def f():\n    import biomech.cues.report\n")
    names = {n for n, _ in _imports(fake, root=tmp_path)}
    assert names == {"biomech.exercises", "biomech.errors", "biomech.cues.report"}
    upward = {n for n in names if _layer(n) > _layer("biomech.model.fake")}
    assert upward == {"biomech.exercises", "biomech.cues.report"}


@pytest.mark.parametrize("old, new", sorted(_compat.MOVED.items()))
def test_old_module_paths_warn_and_give_the_new_module(old, new):
    code = (f"import warnings; warnings.simplefilter('error', DeprecationWarning)\n"
            f"try:\n    import {old}\nexcept DeprecationWarning as w:\n    print('WARNED', w)\n"
            f"warnings.simplefilter('ignore')\nimport importlib, sys\n"
            f"print(importlib.import_module({old!r}) is importlib.import_module({new!r}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "WARNED" in out.stdout and new in out.stdout, out.stdout
    assert out.stdout.strip().endswith("True")


def test_old_attribute_path_warns():
    # in a fresh process: ``bm.plot`` (an attribute, never imported by that name) is the moved module, with a warning
    code = ("import warnings, importlib, biomech as bm\n"
            "with warnings.catch_warnings(record=True) as caught:\n"
            "    warnings.simplefilter('always')\n"
            "    module = bm.plot\n"
            "print(module is importlib.import_module('biomech.viz.plot'))\n"
            "print(any(issubclass(w.category, DeprecationWarning) and 'biomech.viz.plot' in str(w.message) "
            "for w in caught))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "True"], out.stdout


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        biomech.nonexistent  # noqa: B018
