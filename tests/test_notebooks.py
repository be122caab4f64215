"""Every notebook runs top to bottom (nbclient, kernel python3), quickly, and is committed
without outputs, exactly as notebooks/make_notebooks.py builds it."""

from __future__ import annotations

import os
import pathlib
import sys
import time

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks_for_every_topic():
    names = {p.stem for p in NOTEBOOKS}
    assert {"01_quick_start", "02_knee_over_toes", "03_stance_lunges_step_length", "04_hinges_and_hamstrings",
            "05_calves_and_knee_angle", "06_your_own_data", "07_sliders"} <= names


def test_notebooks_match_their_generator(tmp_path):
    sys.path.insert(0, str(ROOT / "notebooks"))
    try:
        import make_notebooks
    finally:
        sys.path.pop(0)
    for built in make_notebooks.build(str(tmp_path)):
        name = os.path.basename(built)
        assert (ROOT / "notebooks" / name).read_text() == pathlib.Path(built).read_text(), \
            f"{name} differs from make_notebooks.py: run python notebooks/make_notebooks.py"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_has_no_outputs_and_executes(path, monkeypatch):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)
    assert nb.cells[0].cell_type == "markdown"  # the notebook opens with its picture's caption, then the figure
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel draws inline (no frontend needed)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
    client = nbclient.NotebookClient(nb, timeout=60, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    t = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - t
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    # the first code cell draws the stick figure
    assert any(o.output_type == "display_data" and "image/png" in o.get("data", {}) for o in nb.cells[1].outputs)
    assert elapsed < 30
