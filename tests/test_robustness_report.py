"""The cue report is written atomically: an interrupted run leaves the previous report.

The report is rendered in memory first, then each file goes to a temporary file in the
same folder and is moved into place with ``os.replace``. Interrupting it anywhere (an
error or Ctrl-C while a figure is drawn, while a file is written, or at the moment a
file is moved into place) must leave every file of the previous report byte for byte,
or (once a file has been moved) a complete new file, and no temporary file behind.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.figure
import pytest

import biomech.cues.report as report
from biomech.cues import build_report
from biomech.cues.experiments import STANDARD_BODIES, run_all
from biomech.cues.report import FIGURES_DIR, REPORT_HTML, REPORT_MARKDOWN, write_report


def _quiet(*a):
    pass


@pytest.fixture(scope="module")
def results():
    res = run_all(STANDARD_BODIES[:1], progress=_quiet)
    with_fig = [r for r in res if r.experiment is not None and r.experiment.figure is not None]
    without = [r for r in res if r not in with_fig]
    return with_fig[:3] + without[:2]


@pytest.fixture()
def previous(tmp_path, results):
    """A folder holding a complete previous report (and a file of the user's)."""
    (tmp_path / "notes.txt").write_text("mine")
    write_report(tmp_path, results, progress=_quiet)
    return tmp_path, _snapshot(tmp_path)


def _snapshot(d: Path) -> dict:
    return {p.relative_to(d): p.read_bytes() for p in d.rglob("*") if p.is_file()}


def _complete(path: Path, data: bytes, old: bytes) -> bool:
    """A whole file of its kind (not a torn one): a PNG to its IEND chunk, a page to its end."""
    if path.suffix == ".png":
        return data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")
    if path.suffix == ".html":
        return data.startswith(old[:15]) and data.rstrip().endswith(b"</html>")
    return data.startswith(old[:15]) and data.endswith(b"\n")


def _no_temp_files(d: Path) -> bool:
    return not [p for p in d.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".")]


@pytest.mark.parametrize("error", [KeyboardInterrupt])
def test_interrupted_while_drawing_a_figure(previous, results, monkeypatch, error):
    folder, before = previous
    calls = {"n": 0}
    real = matplotlib.figure.Figure.savefig

    def savefig(self, *a, **k):
        calls["n"] += 1
        if calls["n"] == 2:         # the second figure: half the report rendered
            raise error()
        return real(self, *a, **k)
    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", savefig)
    with pytest.raises(error):
        write_report(folder, list(reversed(results)), progress=_quiet)
    assert calls["n"] == 2
    assert _snapshot(folder) == before
    assert _no_temp_files(folder)


def test_a_figure_that_fails_is_reported_not_fatal(previous, results, monkeypatch):
    # an ordinary error in one figure is noted in the report (the rest is written)
    folder, before = previous

    def savefig(self, *a, **k):
        raise RuntimeError("renderer crashed")
    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", savefig)
    write_report(folder, results, progress=_quiet)
    md = (folder / REPORT_MARKDOWN).read_text(encoding="utf-8")
    assert "could not be drawn (RuntimeError: renderer crashed)" in md
    assert not list((folder / FIGURES_DIR).glob("*.png"))
    assert _no_temp_files(folder)


@pytest.mark.parametrize("target, error", [(REPORT_MARKDOWN, OSError("disk full")), (REPORT_HTML, KeyboardInterrupt()),
                                           ("figure", KeyboardInterrupt())], ids=["md-OSError", "html-Ctrl-C",
                                                                                 "figure-Ctrl-C"])
def test_interrupted_while_writing_a_file(previous, results, monkeypatch, target, error):
    folder, before = previous
    real_write = report._write_atomic
    seen = []

    def write_then_fail(path, data):
        seen.append(path.name)
        if path.name == target or (target == "figure" and path.suffix == ".png" and len(seen) == 2):
            # fail inside the write, after part of the data went to the temporary file
            def fsync(fd):
                raise error
            monkeypatch.setattr(report.os, "fsync", fsync)
        try:
            return real_write(path, data)
        finally:
            monkeypatch.undo()
            monkeypatch.setattr(report, "_write_atomic", write_then_fail)
    monkeypatch.setattr(report, "_write_atomic", write_then_fail)
    with pytest.raises(type(error)):
        write_report(folder, results[::-1], progress=_quiet)
    after = _snapshot(folder)
    failed = Path(FIGURES_DIR) / seen[-1] if target == "figure" else Path(target)
    assert after[failed] == before[failed]              # the file being written is the previous one
    assert set(after) == set(before)                    # nothing added, nothing lost
    assert after[Path("notes.txt")] == b"mine"
    for path, data in after.items():                     # every other file: the old one or a whole new one
        assert data == before[path] or _complete(path, data, before[path]), path
    assert _no_temp_files(folder)


def test_interrupted_when_moving_into_place(previous, results, monkeypatch):
    folder, before = previous
    real_replace = report.os.replace

    def replace(src, dst):
        if Path(dst).name == REPORT_HTML:
            raise KeyboardInterrupt()
        return real_replace(src, dst)
    monkeypatch.setattr(report.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        write_report(folder, results, progress=_quiet)
    after = _snapshot(folder)
    assert after[Path(REPORT_HTML)] == before[Path(REPORT_HTML)]
    assert _no_temp_files(folder)


def test_build_report_interrupted_keeps_the_previous_report(tmp_path, results, monkeypatch):
    # the experiments themselves are tested elsewhere: reuse the module's results (fast)
    monkeypatch.setattr(report, "run_all", lambda bodies, progress=None: results)
    paths = build_report(tmp_path, STANDARD_BODIES[:1], progress=_quiet)
    before = _snapshot(tmp_path)
    assert paths.html.is_file() and paths.markdown.is_file()

    def fail(*a, **k):
        raise KeyboardInterrupt()
    monkeypatch.setattr(report, "_markdown", fail)   # rendering is done; the files are next
    with pytest.raises(KeyboardInterrupt):
        build_report(tmp_path, STANDARD_BODIES[:1], progress=_quiet)
    assert _snapshot(tmp_path) == before
    assert _no_temp_files(tmp_path)
