"""The cue report: a Markdown file and a self-contained HTML page.

:func:`write_report` takes the results of :func:`biomech.cues.experiments.run_all` and
writes, in ``out_dir``:

* ``cues-report.md``: summary table, then one section per cue (paraphrase, inputs,
  numbers with units, figure, verdict, caveats), figures referenced from
  ``cues-report-figures/``;
* ``cues-report.html``: the same, as one page with its figures embedded (base64 PNG);
* ``cues-report-figures/<cue id>.png``: the figures.

It touches nothing else in ``out_dir``. Everything is rendered in memory first; each file
is then written to a temporary file in the same directory and moved into place with
``os.replace``, so an interrupted run leaves the previous report intact.

Examples
--------
>>> import tempfile, pathlib
>>> from biomech.cues.experiments import run_all, STANDARD_BODIES
>>> from biomech.cues.catalog import get_cue
>>> results = run_all(STANDARD_BODIES[:1], [get_cue("calf-pump")], progress=lambda *a: None)
>>> with tempfile.TemporaryDirectory() as d:
...     paths = write_report(d, results, progress=lambda *a: None)
...     sorted(p.name for p in pathlib.Path(d).iterdir())
['cues-report-figures', 'cues-report.html', 'cues-report.md']
"""

from __future__ import annotations

import base64
import html
import io
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pint

from ..errors import InputValueError
from .experiments import STANDARD_BODIES, NamedBody, CueResult, run_all

__all__ = ["ReportPaths", "write_report", "build_report", "REPORT_MARKDOWN", "REPORT_HTML", "FIGURES_DIR"]

REPORT_MARKDOWN = "cues-report.md"
REPORT_HTML = "cues-report.html"
FIGURES_DIR = "cues-report-figures"

_TITLE = "The article's cues, tested against a sagittal torque model"
_INTRO = ("Each claim or cue of the article *Leg Training for Maximal Muscle Growth* (Padron), paraphrased "
          "with its section, put to the model: the experiment's inputs and numbers, a figure, and a verdict "
          "computed from the numbers with the thresholds written beside each verdict function in "
          "`biomech.cues.verdicts`. Verdicts: supported, partly supported, contradicted, or outside a "
          "sagittal torque model.")
#: What every section assumes; said once here so that no number is read without it.
_READING = (
    "Net joint moments are per leg, in N·m, about the side-to-side axis: positive is an extensor demand "
    "at hip and knee and a plantarflexor demand at the ankle; a negative value is the opposite demand "
    "(a knee-flexor demand, for instance, when the load line passes in front of the knee).",
    "Most experiments are static poses: the lifter is balanced with the centre of pressure at the "
    "midfoot (at the balls of the feet in a calf raise), so the trunk lean is solved rather than chosen, "
    "and speed is left out. Where the answer depends on that placement, the section says so. The tempo, "
    "pulse and calf-hold experiments run inverse dynamics over a smooth (minimum-jerk) rep instead.",
    "Muscle shares come from static optimisation (the least sum of squared activations), which has no "
    "co-contraction and no neural strategy. Muscle moment arms scale with the lifter's size (each "
    "published curve by the body's height over its source body's), so ratios of arms are the same for "
    "all five bodies.",
    "Percentages called 'points' are percentage points (a difference between two shares); a ratio "
    "written 'x1.8' is a multiple. The key number in the summary is the reference body's, with its range "
    "over the five bodies in brackets.",
)


@dataclass(frozen=True)
class ReportPaths:
    """Where the report went."""

    markdown: Path
    html: Path
    figures: Path

    def __str__(self) -> str:
        return f"{self.markdown} and {self.html} (figures in {self.figures})"


def _stderr(i: int, n: int, cue_id: str, status: str) -> None:
    print(f"[report {i}/{n}] {cue_id}: {status}", file=sys.stderr, flush=True)


#: How people write the units pint would print in its own order ("m·N"); exact spellings
#: are tried first so that a joule stays a joule (J and N·m are the same dimension).
_UNIT_TEXT = {"N*m": "N·m", "N*m/kg": "N·m/kg", "N*m*s": "N·m·s", "N*m/cm": "N·m per cm",
              "N*m/deg": "N·m per deg", "rad/s**2/(N*m)": "rad/s² per N·m", "J": "J", "W": "W",
              "percent": "%", "degree": "deg"}


def _unit_text(units) -> str:
    name = str(units)
    for text, shown in _UNIT_TEXT.items():    # the same unit, spelled as written
        try:
            if name == str(units._REGISTRY.Unit(text)):
                return shown
        except Exception:  # an unknown spelling in this registry: skip it
            continue
    for text, shown in _UNIT_TEXT.items():    # an equal unit spelled differently
        try:
            if units == units._REGISTRY.Unit(text):
                return shown
        except Exception:
            continue
    return f"{units:~P}"


def _fmt(v: Any) -> str:
    if isinstance(v, pint.Quantity):
        mag = np.asarray(v.magnitude)
        unit = "" if v.dimensionless and str(v.units) in ("dimensionless", "") else f" {_unit_text(v.units)}"
        if mag.ndim == 0:
            return "n/a" if not np.isfinite(mag) else f"{_num(float(mag))}{unit}"
        return ", ".join(_num(float(x)) for x in mag.ravel()) + unit
    if isinstance(v, float):
        return _num(v)
    return str(v)


def _num(x: float) -> str:
    """Three significant figures, whole numbers from 100 up, no exponent; round-off dust
    (|x| < 1e-9) shows as 0 and a missing value (NaN) as n/a.

    >>> [_num(x) for x in (241.46, 58.214, 0.80079, -0.074971, 2638.2, 1e-12, float("nan"))]
    ['241', '58.2', '0.801', '-0.075', '2638', '0', 'n/a']
    """
    if not np.isfinite(x):
        return "n/a"
    if abs(x) < 1e-9:
        return "0"
    if abs(x) >= 100:
        return f"{x:.0f}"
    return f"{float(f'{x:.3g}'):g}"


def _verdict_text(r: CueResult) -> str:
    if r.judgement is not None:
        return r.judgement.verdict.value
    return "pending" if r.status == "pending" else "error"


def _png(fig_or_fn: Any) -> bytes | None:
    if fig_or_fn is None:
        return None
    fig = fig_or_fn() if callable(fig_or_fn) else fig_or_fn
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    return buf.getvalue()


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    def cell(s: str) -> str:
        return str(s).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _table_of_rows(rows: Sequence[dict]) -> tuple[list[str], list[list[str]]]:
    header: list[str] = []
    for row in rows:
        for k in row:
            if k not in header:
                header.append(k)
    return header, [[_fmt(row[k]) if k in row else "" for k in header] for row in rows]


def _sections(r: CueResult, figure_ref: str | None) -> dict:
    """Everything a cue's section shows, as text, shared by the Markdown and the HTML."""
    c = r.cue
    out = {"id": c.id, "section": c.section, "paraphrase": c.paraphrase, "kind": c.kind.value,
           "exercises": ", ".join(c.exercises), "verdict": _verdict_text(r), "reason": "", "per_body": [],
           "inputs": [], "table": None, "figure": figure_ref, "caveats": [], "key": "—",
           "literature": c.literature, "disagrees": c.literature_disagrees}
    if r.judgement is not None:
        out["reason"] = r.judgement.reason
        if r.judgement.per_body and len(r.judgement.per_body) > 1:
            out["per_body"] = [(b, j.verdict.value) for b, j in r.judgement.per_body.items()]
    else:
        out["reason"] = r.message
    e = r.experiment
    if e is not None:
        out["inputs"] = [(k, _fmt(v)) for k, v in e.inputs.items()]
        out["table"] = _table_of_rows(e.rows) if e.rows else None
        out["caveats"] = list(e.caveats)
        out["key"] = e.key_text()
    if c.scope_note and c.kind.in_scope:  # out-of-scope cues carry it in their reason
        out["caveats"].append(f"Scope: {c.scope_note}")
    return out


def _provenance_rows(bodies: Sequence[Any], n_cues: int) -> list[tuple[str, str]]:
    """Where the report's numbers come from: version, inputs, seed and data sources."""
    from ..provenance import ARTICLE_SOURCE, MUSCLE_SOURCE, body_source, provenance

    rec = provenance({"bodies": [getattr(b, "name", str(b)) for b in bodies], "cues": n_cues},
                     body=bodies[0] if bodies else None, sources=(MUSCLE_SOURCE, ARTICLE_SOURCE),
                     command="biomech report")
    sources = list(dict.fromkeys(rec["data_sources"] + [body_source(b) for b in bodies[1:]]))
    return [("biomech version", rec["biomech_version"]),
            ("command", f"{rec['command']} (or biomech.cues.report.build_report)"),
            ("inputs", f"{n_cues} cues, each run for the bodies named above"),
            ("seed", "none: every number is deterministic (no random sampling)"),
            ("data sources", "; ".join(sources) + "; the published studies named in each section's Literature "
                             "line")]


def _markdown(results: Sequence[CueResult], secs: list[dict], bodies_text: str,
              provenance_rows: Sequence[tuple[str, str]] = ()) -> str:
    counts = Counter(s["verdict"] for s in secs)
    lines = [f"# {_TITLE}", "", _INTRO, "", f"Bodies: {bodies_text}.", ""]
    if provenance_rows:
        lines += ["Provenance: " + "; ".join(f"{k}: {v}" for k, v in provenance_rows) + ".", ""]
    lines += ["How to read the numbers:", ""]
    lines += [f"- {r}" for r in _READING] + [""]
    lines += [
             "Verdict counts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ".", "",
             "## Summary", "",
             _md_table(["Cue", "Section", "Verdict", "Key number"],
                       [[f"[{s['id']}](#{s['id']})", s["section"], s["verdict"], s["key"]] for s in secs]), ""]
    for s in secs:
        lines += [f"## {s['id']}", "", f"*Section:* {s['section']} · *Kind:* {s['kind']} · "
                  f"*Exercises:* {s['exercises']}", "", f"**Claim (paraphrased):** {s['paraphrase']}", "",
                  f"**Verdict: {s['verdict']}.** {s['reason']}", ""]
        if s["disagrees"]:
            lines += ["> Published studies disagree with the article here; the verdict above is not support.", ""]
        if s["literature"]:
            lines += [f"*Literature:* {s['literature']}", ""]
        if s["per_body"]:
            lines += [_md_table(["Body", "Verdict"], s["per_body"]), ""]
        if s["inputs"]:
            lines += ["### Inputs", ""] + [f"- {k}: {v}" for k, v in s["inputs"]] + [""]
        if s["table"]:
            lines += ["### Numbers", "", _md_table(*s["table"]), ""]
        if s["figure"]:
            lines += [f"![{s['id']}]({s['figure']})", ""]
        if s["caveats"]:
            lines += ["### Caveats", ""] + [f"- {c}" for c in s["caveats"]] + [""]
    return "\n".join(lines)


_CSS = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2} img{max-width:100%;height:auto}
.v-supported{color:#1a7f37}.v-partly-supported{color:#9a6700}.v-contradicted{color:#cf222e}
.v-outside-a-sagittal-torque-model{color:#57606a}.v-pending,.v-error{color:#8250df}
blockquote{border-left:4px solid #cf222e;margin:.5rem 0;padding:.2rem .8rem;background:#fff5f5}
"""


def _cls(verdict: str) -> str:
    return "v-" + verdict.replace(" ", "-")


def _html_table(header, rows, table_id: str | None = None) -> str:
    e = html.escape
    tid = f' id="{e(table_id)}"' if table_id else ""
    head = "".join(f"<th>{e(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table{tid}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _html_page(secs: list[dict], pngs: dict[str, bytes], bodies_text: str,
               provenance_rows: Sequence[tuple[str, str]] = ()) -> str:
    e = html.escape
    summary = _html_table(
        ["Cue", "Section", "Verdict", "Key number"],
        [[f'<a href="#{e(s["id"])}">{e(s["id"])}</a>', e(s["section"]),
          f'<span class="{_cls(s["verdict"])}">{e(s["verdict"])}</span>', e(s["key"])] for s in secs],
        table_id="summary")
    parts = [f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{e(_TITLE)}</title>"
             f"<style>{_CSS}</style></head><body>", f"<h1>{e(_TITLE)}</h1>",
             f"<p>{e(_INTRO)}</p>", f"<p>Bodies: {e(bodies_text)}.</p>",
             '<p>Move the sliders yourself: <a href="explorer.html">the interactive explorer</a> (one offline page; '
             "write it beside this report with <code>biomech explore --out DIR/explorer.html</code>).</p>",
             ('<p id="provenance">Provenance: ' + "; ".join(f"<em>{e(k)}</em>: {e(v)}" for k, v in provenance_rows)
              + ".</p>") if provenance_rows else "",
             "<p>How to read the numbers:</p>",
             "<ul>" + "".join(f"<li>{e(r)}</li>" for r in _READING) + "</ul>",
             "<h2 id=\"summary-heading\">Summary</h2>",
             summary]
    for s in secs:
        parts.append(f'<section id="{e(s["id"])}"><h2>{e(s["id"])}</h2>')
        parts.append(f"<p><em>Section:</em> {e(s['section'])} · <em>Kind:</em> {e(s['kind'])} · "
                     f"<em>Exercises:</em> {e(s['exercises'])}</p>")
        parts.append(f"<p><strong>Claim (paraphrased):</strong> {e(s['paraphrase'])}</p>")
        parts.append(f'<p><strong class="{_cls(s["verdict"])}">Verdict: {e(s["verdict"])}.</strong> '
                     f"{e(s['reason'])}</p>")
        if s["disagrees"]:
            parts.append("<blockquote>Published studies disagree with the article here; the verdict above is "
                         "not support.</blockquote>")
        if s["literature"]:
            parts.append(f"<p><em>Literature:</em> {e(s['literature'])}</p>")
        if s["per_body"]:
            parts.append(_html_table(["Body", "Verdict"], [[e(b), e(v)] for b, v in s["per_body"]]))
        if s["inputs"]:
            parts.append("<h3>Inputs</h3><ul>" + "".join(f"<li>{e(k)}: {e(v)}</li>" for k, v in s["inputs"])
                         + "</ul>")
        if s["table"]:
            header, rows = s["table"]
            parts.append("<h3>Numbers</h3>" + _html_table(header, [[e(c) for c in row] for row in rows]))
        if s["id"] in pngs:
            data = base64.b64encode(pngs[s["id"]]).decode("ascii")
            parts.append(f'<figure><img src="data:image/png;base64,{data}" alt="figure for {e(s["id"])}">'
                         f"</figure>")
        if s["caveats"]:
            parts.append("<h3>Caveats</h3><ul>" + "".join(f"<li>{e(c)}</li>" for c in s["caveats"]) + "</ul>")
        parts.append("</section>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through :mod:`biomech.fileio` (temporary file, then os.replace)."""
    from ..fileio import write_bytes

    write_bytes(path, data, name="out_dir")


def write_report(out_dir: str | os.PathLike, results: Sequence[CueResult], *,
                 progress: Callable[[int, int, str, str], None] | None = None,
                 bodies: Sequence[NamedBody] = STANDARD_BODIES) -> ReportPaths:
    """Write the Markdown report, the self-contained HTML page and the figures into ``out_dir``.

    Parameters
    ----------
    out_dir : path
        Created if missing. Only ``cues-report.md``, ``cues-report.html`` and the
        ``cues-report-figures/`` folder are written (stale PNGs in that folder are removed).
    results : sequence of CueResult
        From :func:`biomech.cues.experiments.run_all`.
    progress : callable(i, n, cue_id, status), optional
        Called per cue while figures render, and once at the end with where the report
        went; by default a line on stderr.
    bodies : sequence of NamedBody
        Named in the report's introduction (the bodies the results were run for).

    Returns
    -------
    ReportPaths
        The two files and the figures folder.

    Raises
    ------
    InputValueError
        ``out_dir`` exists and is not a directory, or ``results`` is empty.
    """
    progress = progress or _stderr
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputValueError(f"out_dir={str(out_dir)!r} exists and is not a directory.")
    if not results:
        raise InputValueError("results is empty; run biomech.cues.experiments.run_all() first.")
    bodies_text = "; ".join(f"{b.name} ({b.description})" for b in bodies)
    # 1. render everything in memory: an error here leaves every file untouched
    pngs: dict[str, bytes] = {}
    secs = []
    n = len(results)
    for i, r in enumerate(results, 1):
        fig_note = None
        if r.experiment is not None and r.experiment.figure is not None:
            try:
                pngs[r.cue.id] = _png(r.experiment.figure)
            except Exception as exc:  # a broken figure is reported, not fatal
                fig_note = f"The figure could not be drawn ({exc.__class__.__name__}: {exc})."
        ref = f"{FIGURES_DIR}/{r.cue.id}.png" if r.cue.id in pngs else None
        s = _sections(r, ref)
        if fig_note:
            s["caveats"].append(fig_note)
        secs.append(s)
        progress(i, n, r.cue.id, _verdict_text(r))
    prov = _provenance_rows(list(bodies), n)
    md = _markdown(results, secs, bodies_text, prov).encode("utf-8")
    page = _html_page(secs, pngs, bodies_text, prov).encode("utf-8")
    # 2. move each file into place atomically
    out.mkdir(parents=True, exist_ok=True)
    fig_dir = out / FIGURES_DIR
    fig_dir.mkdir(exist_ok=True)
    for cue_id, data in pngs.items():
        _write_atomic(fig_dir / f"{cue_id}.png", data)
    _write_atomic(out / REPORT_MARKDOWN, md)
    _write_atomic(out / REPORT_HTML, page)
    for old in fig_dir.glob("*.png"):
        if old.stem not in pngs:
            old.unlink()
    paths = ReportPaths(out / REPORT_MARKDOWN, out / REPORT_HTML, fig_dir)
    progress(n, n, "report", f"wrote {paths}")
    return paths


def build_report(out_dir: str | os.PathLike, bodies: Sequence[NamedBody] = STANDARD_BODIES, *,
                 progress: Callable[[int, int, str, str], None] | None = None) -> ReportPaths:
    """Run every cue's experiment for ``bodies`` and write the report (what ``biomech report`` runs).

    Returns
    -------
    ReportPaths
    """
    results = run_all(bodies, progress=progress)
    return write_report(out_dir, results, progress=progress, bodies=bodies)
