"""The notebooks are committed with their outputs, exactly as notebooks/make_notebooks.py
builds them; each runs top to bottom afresh (nbclient, kernel python3, a timeout per cell)
and its fresh outputs match the committed ones (the structure and the text; images are
checked to be there, not compared pixel by pixel). Every cell that draws shows an image,
the user's own figures after a library plot included (the library leaves matplotlib's
interactive mode, backend and settings as it found them)."""

from __future__ import annotations

import pathlib
import re
import sys
import time

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
REGENERATE = "run: python notebooks/make_notebooks.py"


def _generator():
    sys.path.insert(0, str(ROOT / "notebooks"))
    try:
        import make_notebooks
    finally:
        sys.path.pop(0)
    return make_notebooks


def _normal(text: str) -> str:
    """Text output without what changes from run to run (object addresses)."""
    text = re.sub(r"/tmp/ipykernel_\d+/\d+\.py", "<cell>", text)  # the kernel's temporary cell file
    return re.sub(r"0x[0-9a-fA-F]+", "0x...", text).rstrip()


def _outputs(cell) -> list[tuple]:
    """A code cell's outputs as comparable records: (type, text) for streams and errors,
    (type, sorted MIME types, plain text) for displays and results."""
    out = []
    for o in cell.get("outputs", []):
        kind = o["output_type"]
        if kind == "stream":
            out.append((kind, o["name"], _normal(o["text"])))
        elif kind == "error":
            out.append((kind, o["ename"], _normal(o["evalue"])))
        else:
            data = o.get("data", {})
            mimes = tuple(sorted(m for m in data if m != "application/vnd.jupyter.widget-view+json"))
            text = data.get("text/plain", "")
            out.append((kind, mimes, _normal("".join(text) if isinstance(text, list) else text)))
    # a stream split into several messages is the same text
    merged: list[tuple] = []
    for rec in out:
        if merged and rec[0] == "stream" and merged[-1][0] == "stream" and merged[-1][1] == rec[1]:
            merged[-1] = ("stream", rec[1], merged[-1][2] + rec[2])
        else:
            merged.append(rec)
    return merged


def _has_image(cell) -> bool:
    return any(o["output_type"] in ("display_data", "execute_result") and "image/png" in o.get("data", {})
               for o in cell.get("outputs", []))


def test_there_are_notebooks_for_every_topic():
    names = {p.stem for p in NOTEBOOKS}
    assert {"01_quick_start", "02_knee_over_toes", "03_stance_lunges_step_length", "04_hinges_and_hamstrings",
            "05_calves_and_knee_angle", "06_your_own_data", "07_sliders"} <= names


def test_notebooks_cells_match_their_generator():
    gen = _generator()
    assert sorted(gen.NOTEBOOKS) == [p.name for p in NOTEBOOKS]
    for path in NOTEBOOKS:
        committed = nbformat.read(path, as_version=4)
        built = gen.notebook(path.name)
        assert [(c.cell_type, c.source, c.get("id")) for c in committed.cells] == \
            [(c.cell_type, c.source, c.get("id")) for c in built.cells], f"{path.name}: cells differ; {REGENERATE}"


def test_the_equations_are_written_out_once():
    gen = _generator()
    with_equations = [n for n, cells in gen.NOTEBOOKS.items() if any("M_j = \\sum_i" in src for _, src in cells)]
    assert with_equations == ["01_quick_start.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_outputs_show_every_figure(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].cell_type == "markdown"  # the notebook opens with its picture's caption, then the figure
    gen = _generator()
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), f"{path.name} is committed without outputs; {REGENERATE}"
    drawing = [c for c in code if gen.DRAWS.search(c.source)]
    assert drawing and drawing[0] is code[0]  # the first code cell draws the picture
    missing = [c.source.splitlines()[-1] for c in drawing if not _has_image(c)]
    assert not missing, f"{path.name}: cells that draw but show no image: {missing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_afresh_and_matches_its_committed_outputs(path, tmp_path, monkeypatch):
    gen = _generator()
    committed = nbformat.read(path, as_version=4)
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel draws inline (no frontend needed)
    t = time.perf_counter()
    fresh = gen._execute(gen.notebook(path.name), str(path.parent), timeout=60)  # 60 s per cell at most
    elapsed = time.perf_counter() - t
    code_fresh = [c for c in fresh.cells if c.cell_type == "code"]
    errors = [o for c in code_fresh for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    for c in code_fresh:
        if gen.DRAWS.search(c.source):
            assert _has_image(c), f"{path.name}: no image from {c.source.splitlines()[-1]!r}"
    code_committed = [c for c in committed.cells if c.cell_type == "code"]
    for a, b in zip(code_committed, code_fresh):
        assert _outputs(a) == _outputs(b), f"{path.name}: outputs of {b.source.splitlines()[0]!r} changed; {REGENERATE}"
    # a whole notebook in well under a minute alone; the bound leaves room for a loaded machine
    assert elapsed < 120, f"{path.name} took {elapsed:.0f} s"


def test_a_users_own_figure_after_a_library_plot_is_shown(tmp_path, monkeypatch):
    """The session's first figure comes from the library; the user's plain pyplot figure
    after it must still display inline, and the library must leave interactive mode,
    the backend and rcParams as it found them."""
    gen = _generator()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(src) for src in (
        "import matplotlib, matplotlib.pyplot as plt\nimport biomech as bm\nfrom biomech.viz import plot\nfrom biomech import exercises as ex\n"
        "body = bm.Body.from_anthropometrics('178 cm', '80 kg')\nsq = ex.squat(body, depth='90 deg', load='100 kg')",
        "fig, ax = plot.stick_figure(sq)  # the session's first figure",
        "print(plt.isinteractive())",
        "fig2, ax2 = plt.subplots()\nax2.plot([0, 1], [0, 1]);",
        "before = (plt.isinteractive(), matplotlib.get_backend(), dict(matplotlib.rcParams))\n"
        "fig3, ax3 = plot.load_bars(sq)\n"
        "after = (plt.isinteractive(), matplotlib.get_backend(), dict(matplotlib.rcParams))\n"
        "print([b == a for b, a in zip(before, after)])",
    )]
    monkeypatch.delenv("MPLBACKEND", raising=False)
    gen._execute(nb, str(tmp_path), timeout=60)
    assert _has_image(nb.cells[1]) and _has_image(nb.cells[3]) and _has_image(nb.cells[4])
    assert nb.cells[2].outputs[0]["text"].strip() == "True"  # inline: interactive mode stays on
    assert nb.cells[4].outputs[0]["text"].strip() == "[True, True, True]"
