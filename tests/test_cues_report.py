"""The report: Markdown and self-contained HTML, written atomically, only our own files."""

import base64
from pathlib import Path
from html.parser import HTMLParser

import pytest

import biomech.cues.report as report
from biomech.cues.experiments import STANDARD_BODIES
from biomech.cues.run import run_all
from biomech.cues.report import FIGURES_DIR, REPORT_HTML, REPORT_MARKDOWN, write_report
from biomech.errors import InputValueError


@pytest.fixture(scope="module")
def results():
    return run_all(STANDARD_BODIES[:2], progress=lambda *a: None, strict=True)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.summary_rows, self.imgs, self.in_summary = [], 0, [], False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table" and a.get("id") == "summary":
            self.in_summary = True
        if tag == "tr" and self.in_summary:
            self.summary_rows += 1
        if tag == "img":
            self.imgs.append(a)

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_summary = False


def _quiet(*a):
    pass


def test_html_has_summary_table_and_one_image_per_figure(tmp_path, results):
    paths = write_report(tmp_path, results, progress=_quiet)
    page = _Page()
    page.feed(paths.html.read_text(encoding="utf-8"))
    page.close()
    assert page.summary_rows == len(results) + 1               # header + one row per cue
    with_fig = [r for r in results if r.experiment is not None and r.experiment.figure is not None]
    assert len(page.imgs) == len(with_fig) > 0
    for img in page.imgs:
        src = img["src"]
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    md = paths.markdown.read_text(encoding="utf-8")
    assert "| Cue | Premise judged | Verdict | Key number (band) |" in md
    for r in results:
        assert f"## {r.cue.coach}" in md and f'<a id="{r.cue.id}"></a>' in md
    for r in with_fig:
        assert f"({FIGURES_DIR}/{r.cue.id}.png)" in md
        assert (tmp_path / FIGURES_DIR / f"{r.cue.id}.png").is_file()


def test_only_own_files_are_touched(tmp_path, results):
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / FIGURES_DIR).mkdir()
    (tmp_path / FIGURES_DIR / "stale-cue.png").write_bytes(b"old")
    write_report(tmp_path, results, progress=_quiet)
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert not (tmp_path / FIGURES_DIR / "stale-cue.png").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["notes.txt", FIGURES_DIR, REPORT_HTML,
                                                                 REPORT_MARKDOWN])


def _snapshot(d):
    return {p.relative_to(d): p.read_bytes() for p in d.rglob("*") if p.is_file()}


def test_failure_while_rendering_leaves_previous_report_intact(tmp_path, results, monkeypatch):
    write_report(tmp_path, results, progress=_quiet)
    before = _snapshot(tmp_path)

    def fail(*a, **k):
        raise RuntimeError("interrupted")
    monkeypatch.setattr(report, "_html_page", fail)
    with pytest.raises(RuntimeError, match="interrupted"):
        write_report(tmp_path, results[:3], progress=_quiet)
    assert _snapshot(tmp_path) == before


def test_failure_mid_write_leaves_previous_file_and_no_temp(tmp_path, results, monkeypatch):
    write_report(tmp_path, results, progress=_quiet)
    before = _snapshot(tmp_path)
    real_fsync = report.os.fsync
    calls = {"n": 0}
    n_figures = sum(r.experiment is not None and r.experiment.figure is not None for r in results)

    def fsync_then_fail(fd):
        calls["n"] += 1
        if calls["n"] == n_figures + 1:       # figures go first, then the markdown: fail inside it
            raise OSError("disk full")
        real_fsync(fd)
    monkeypatch.setattr(report.os, "fsync", fsync_then_fail)
    with pytest.raises(OSError, match="disk full"):
        write_report(tmp_path, results, progress=_quiet)
    after = _snapshot(tmp_path)
    assert calls["n"] == n_figures + 1
    assert after[Path(REPORT_MARKDOWN)] == before[Path(REPORT_MARKDOWN)]
    assert after[Path(REPORT_HTML)] == before[Path(REPORT_HTML)]
    assert not [p for p in tmp_path.rglob("*.tmp")]
    assert set(after) == set(before)


def test_progress_is_printed_once_and_paths_are_absolute(tmp_path, results, capsys):
    paths = write_report(tmp_path, results[:2])          # writing prints nothing by default
    assert capsys.readouterr().err == ""
    assert paths.html.is_absolute() and paths.markdown.is_absolute()
    calls = []
    write_report(tmp_path, results, progress=lambda *a: calls.append(a))
    assert len(calls) == len(results)


def test_build_report_prints_each_cue_once(tmp_path, capsys, monkeypatch):
    from biomech.cues import catalog, get_cue
    import biomech.cues.run as run
    few = (get_cue("calf-pump"), get_cue("soleus-bent-knee"))
    monkeypatch.setattr(catalog, "CATALOG", few)
    report.build_report(tmp_path, STANDARD_BODIES[:1])
    err = capsys.readouterr().err.splitlines()
    assert err == ["[1/2] calf-pump: outside the model", "[2/2] soleus-bent-knee: consistent"]


def test_page_is_usable_markup(tmp_path, results):
    page = write_report(tmp_path, results).html.read_text(encoding="utf-8")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert 'class="toc"' in page and "position:sticky" in page and ".scroll{overflow-x:auto" in page
    assert page.count('href="#summary-heading">Back to the summary') == len(results)
    intro = page.split("<main>")[1].split("<h2")[0]
    assert "<em>Leg Training for Maximal Muscle Growth</em>" in intro and "*" not in intro and "`" not in intro
    assert 'alt="figure for' not in page


def test_bad_out_dir_and_empty_results(tmp_path, results):
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(InputValueError, match="out_dir"):
        write_report(f, results, progress=_quiet)
    with pytest.raises(InputValueError, match="results"):
        write_report(tmp_path, [], progress=_quiet)


def test_cli_report_prints_the_absolute_page_path_last(tmp_path, capsys, monkeypatch):
    from biomech.cli.commands import main
    from biomech.cues import catalog, get_cue
    monkeypatch.setattr(catalog, "CATALOG", (get_cue("calf-pump"), get_cue("calf-short-range-of-motion")))
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--out", "report"]) == 0
    out, err = capsys.readouterr()
    last = out.strip().splitlines()[-1]
    assert last == str((tmp_path / "report" / REPORT_HTML).resolve())
    assert len([line for line in err.splitlines() if "calf-pump" in line]) == 1     # progress once
