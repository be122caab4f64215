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
>>> from biomech.cues.run import run_all
>>> from biomech.cues.experiments import STANDARD_BODIES
>>> from biomech.cues.catalog import get_cue
>>> results = run_all(STANDARD_BODIES[:1], [get_cue("calf-pump")], progress=lambda *a: None)
>>> with tempfile.TemporaryDirectory() as d:
...     paths = write_report(d, results)
...     sorted(p.name for p in pathlib.Path(d).iterdir())
['cues-report-figures', 'cues-report.html', 'cues-report.md']
"""

from __future__ import annotations

import base64
import html
import io
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pint

from ..errors import InputValueError
from .cue import SECTIONS
from .experiments import STANDARD_BODIES, NamedBody
from .paired import SEED
from .run import CueResult, run_all

__all__ = ["ReportPaths", "write_report", "build_report", "REPORT_MARKDOWN", "REPORT_HTML", "FIGURES_DIR"]

REPORT_MARKDOWN = "cues-report.md"
REPORT_HTML = "cues-report.html"
FIGURES_DIR = "cues-report-figures"

_TITLE = "The article's cues, tested against a sagittal torque model"
#: The introduction, as (plain text for Markdown, HTML) pairs; rendered, never raw Markdown.
_INTRO = (
    ("Each claim of the article Leg Training for Maximal Muscle Growth (Padron), in a coach's words, with "
     "the mechanical premise the model can judge. Growth, injury, feel and fatigue are outside a joint-moment "
     "model: where a claim rests on a mechanical premise, the premise is judged and the claim is not.",
     "Each claim of the article <em>Leg Training for Maximal Muscle Growth</em> (Padron), in a coach's words, "
     "with the mechanical premise the model can judge. Growth, injury, feel and fatigue are outside a "
     "joint-moment model: where a claim rests on a mechanical premise, the premise is judged and the claim "
     "is not."),
    ("Verdicts: consistent (the premise holds over the whole band), inconsistent (it fails over the whole "
     "band), depends (the band straddles the threshold; the verdict names on what), outside the model (with "
     "the reason).",
     "Verdicts: <strong>consistent</strong> (the premise holds over the whole band), "
     "<strong>inconsistent</strong> (it fails over the whole band), <strong>depends</strong> (the band "
     "straddles the threshold; the verdict names on what), <strong>outside the model</strong> (with the "
     "reason)."),
    ("The band: each lifter's technique (centre of pressure, shin lean, ...) is drawn from published "
     "spreads and evaluated in both of the cue's conditions, for six bodies; the band is the 5th to 95th "
     "percentile of the paired difference, so a consistent verdict holds for nine lifters in ten of every "
     "body. Every study cited tested men (or did not say); the female body is the model's answer only.",
     "The band: each lifter's technique (centre of pressure, shin lean, ...) is drawn from published "
     "spreads and evaluated in both of the cue's conditions, for six bodies; the band is the 5th to 95th "
     "percentile of the paired difference, so a consistent verdict holds for nine lifters in ten of every "
     "body. Every study cited tested men (or did not say); the female body is the model's answer only."),
)
#: What every section assumes; said once here so that no number is read without it.
_READING = (
    "Net joint moments are per leg, in N·m, about the side-to-side axis: positive is an extensor demand "
    "at hip and knee and a plantarflexor demand at the ankle.",
    "Most experiments are static poses balanced over the centre of pressure; the tempo, pulse and calf-hold "
    "experiments run inverse dynamics over a smooth rep instead.",
    "Muscle shares come from static optimisation (least sum of squared activations); a two-joint muscle "
    "working at one joint adds a moment at the other, so a share can exceed 100 % where another muscle "
    "pulls against it (co-contraction).",
    "A key number reads: typical value (low to high of the band).",
)


@dataclass(frozen=True)
class ReportPaths:
    """Where the report went."""

    markdown: Path
    html: Path
    figures: Path

    def __str__(self) -> str:
        return f"{self.markdown} and {self.html} (figures in {self.figures})"


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
    return r.judgement.verdict.value if r.judgement is not None else "error"


def _figure_png(fig_or_fn: Any) -> tuple[bytes, str] | None:
    """The figure as PNG bytes and what it shows (its title), for the alt text."""
    if fig_or_fn is None:
        return None
    fig = fig_or_fn() if callable(fig_or_fn) else fig_or_fn
    titles = [t for t in ([fig._suptitle.get_text()] if getattr(fig, "_suptitle", None) else [])
              + [ax.get_title() for ax in fig.axes] if t]
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    return buf.getvalue(), " ".join(" ".join(titles).split())


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


def _short(text: str, n: int = 110) -> str:
    first = text.split(". ")[0].split("; ")[0].rstrip(".")
    return first if len(first) <= n else first[: n - 1].rsplit(" ", 1)[0] + " …"


def _sections(r: CueResult, figure_ref: str | None, alt: str = "") -> dict:
    """Everything a cue's section shows, as text, shared by the Markdown and the HTML."""
    c = r.cue
    j = r.judgement
    out = {"id": c.id, "coach": c.coach, "section": c.section, "paraphrase": c.paraphrase,
           "premise": c.premise, "exercises": ", ".join(c.exercises), "verdict": _verdict_text(r),
           "reason": j.reason if j is not None else r.message, "depends_on": j.depends_on if j is not None else "",
           "threshold": c.threshold_text(), "inputs": [], "table": None, "figure": figure_ref, "alt": alt,
           "caveats": [], "literature": c.literature, "disagrees": c.literature_disagrees}
    out["why"] = "" if c.in_scope else _short(c.outside)
    out["key"] = (r.key or "—") if c.in_scope else "—"
    e = r.experiment
    if e is not None:
        out["inputs"] = [(k, _fmt(v)) for k, v in e.inputs.items()]
        out["table"] = _table_of_rows(e.rows) if e.rows else None
        out["caveats"] = list(e.caveats)
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
            ("seed", f"{SEED} + the body's index (technique draws, biomech.exercises.technique.draw); "
                     "the same seed gives the same numbers"),
            ("data sources", "; ".join(sources) + "; the published studies named in each section's Literature "
                             "line")]


def _verdict_cell(s: dict) -> str:
    v = s["verdict"]
    if v == "depends" and s["depends_on"]:
        return f"{v} (on {s['depends_on'].split(':')[0].split(' (')[0]})"
    return f"{v}: {s['why']}" if s.get("why") else v


def _markdown(secs: list[dict], bodies_text: str, provenance_rows: Sequence[tuple[str, str]] = ()) -> str:
    counts = Counter(s["verdict"] for s in secs)
    lines = [f"# {_TITLE}", ""] + [p for md, _ in _INTRO for p in (md, "")]
    lines += [f"Bodies: {bodies_text}.", ""]
    if provenance_rows:
        lines += ["Provenance: " + "; ".join(f"{k}: {v}" for k, v in provenance_rows) + ".", ""]
    lines += ["How to read the numbers:", ""]
    lines += [f"- {r}" for r in _READING] + [""]
    lines += ["Verdict counts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ".", "",
              "## Summary", "",
              _md_table(["Cue", "Premise judged", "Verdict", "Key number (band)"],
                        [[f"[{s['coach']}](#{s['id']})", s["premise"] or "—", _verdict_cell(s), s["key"]]
                         for s in secs]), ""]
    for s in secs:
        lines += [f'<a id="{s["id"]}"></a>', "", f"## {s['coach']}", "",
                  f"*Section:* {s['section']} · *Exercises:* {s['exercises']}", "",
                  f"**Claim (paraphrased):** {s['paraphrase']}", ""]
        if s["premise"]:
            lines += [f"**Premise judged:** {s['premise']}", ""]
        lines += [f"**Verdict: {s['verdict']}.** {s['reason']}", ""]
        if s["threshold"]:
            lines += [f"*Threshold:* {s['threshold']}", ""]
        if s["disagrees"]:
            lines += ["> Published studies disagree with the article here; the verdict above is not support.", ""]
        if s["literature"]:
            lines += [f"*Literature:* {s['literature']}", ""]
        if s["inputs"]:
            lines += ["### Inputs", ""] + [f"- {k}: {v}" for k, v in s["inputs"]] + [""]
        if s["table"]:
            lines += ["### Numbers", "", _md_table(*s["table"]), ""]
        if s["figure"]:
            lines += [f"![{s['alt'] or s['coach']}]({s['figure']})", ""]
        if s["caveats"]:
            lines += ["### Caveats", ""] + [f"- {c}" for c in s["caveats"]] + [""]
        lines += ["[Back to the summary](#summary)", ""]
    return "\n".join(lines)


_CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;scroll-padding-top:3.2rem}
body{font-family:system-ui,sans-serif;margin:0;line-height:1.5;color:#222;font-size:16px}
main{max-width:62rem;margin:0 auto;padding:0 1rem 3rem}
nav.toc{position:sticky;top:0;z-index:10;background:#f6f8fa;border-bottom:1px solid #d0d7de;
  padding:.45rem 1rem;display:flex;flex-wrap:nowrap;gap:.9rem;overflow-x:auto;white-space:nowrap;font-size:.9rem}
nav.toc a{color:#0969da;text-decoration:none}
h1{font-size:1.6rem;line-height:1.25} h2{font-size:1.3rem;margin-top:2.2rem} h3{font-size:1.05rem}
.scroll{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}
#summary td:first-child{min-width:9rem} #summary td:last-child{min-width:12rem}
img{max-width:100%;height:auto;display:block}
figure{margin:.8rem 0} figcaption{font-size:.85rem;color:#555}
.v-consistent{color:#1a7f37}.v-depends{color:#9a6700}.v-inconsistent{color:#cf222e}
.v-outside-the-model{color:#57606a}.v-error{color:#8250df}
blockquote{border-left:4px solid #cf222e;margin:.5rem 0;padding:.2rem .8rem;background:#fff5f5}
.back{font-size:.9rem} .sechead{font-size:1.45rem;border-bottom:2px solid #d0d7de;margin-top:2.6rem}
@media (max-width:600px){body{font-size:15px} main{padding:0 .7rem 2rem} table{font-size:.82rem}
  #summary thead{display:none} #summary,#summary tbody,#summary tr,#summary td{display:block;width:100%}
  #summary tr{border:1px solid #ccc;margin:.6rem 0;padding:.3rem .2rem}
  #summary td{border:none;padding:.15rem .4rem;min-width:0}
  #summary td:first-child{font-weight:600;font-size:.95rem}
  #summary td[data-label]::before{content:attr(data-label) ": ";color:#57606a;font-size:.8rem}
  #summary td:has(> .none){display:none}}
"""


#: An empty summary cell (a claim outside the model has no premise or key number); hidden on phones.
_NONE = '<span class="none">—</span>'


def _cls(verdict: str) -> str:
    return "v-" + verdict.replace(" ", "-")


def _anchor(text: str) -> str:
    return "sec-" + "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


def _html_table(header, rows, table_id: str | None = None, labels: bool = False) -> str:
    e = html.escape
    tid = f' id="{e(table_id)}"' if table_id else ""
    head = "".join(f"<th>{e(str(h))}</th>" for h in header)
    lab = [f' data-label="{e(str(h))}"' if labels and i else "" for i, h in enumerate(header)]
    body = "".join("<tr>" + "".join(f"<td{lab[i]}>{c}</td>" for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f'<div class="scroll"><table{tid}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _html_page(secs: list[dict], pngs: dict[str, bytes], bodies_text: str,
               provenance_rows: Sequence[tuple[str, str]] = ()) -> str:
    e = html.escape
    sections = [x for x in SECTIONS if any(s["section"] == x for s in secs)]
    toc = ('<nav class="toc" aria-label="contents"><a href="#summary-heading">Summary</a>'
           + "".join(f'<a href="#{_anchor(x)}">{e(x)}</a>' for x in sections) + "</nav>")
    summary = _html_table(
        ["Cue", "Premise judged", "Verdict", "Key number (band)"],
        [[f'<a href="#{e(s["id"])}">{e(s["coach"])}</a>', e(s["premise"]) if s["premise"] else _NONE,
          f'<span class="{_cls(s["verdict"])}">{e(_verdict_cell(s))}</span>',
          _NONE if s["key"] == "—" else e(s["key"])] for s in secs],
        table_id="summary", labels=True)
    parts = ["<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
             f"<title>{e(_TITLE)}</title><style>{_CSS}</style></head><body>", toc, "<main>",
             f"<h1>{e(_TITLE)}</h1>"]
    parts += [f"<p>{h}</p>" for _, h in _INTRO]
    parts += [f"<p>Bodies: {e(bodies_text)}.</p>",
              '<p>Move the sliders yourself: <a href="explorer.html">the interactive explorer</a> (one offline page; '
              "write it beside this report with <code>biomech explore --out DIR/explorer.html</code>).</p>",
              ('<p id="provenance">Provenance: ' + "; ".join(f"<em>{e(k)}</em>: {e(v)}" for k, v in provenance_rows)
               + ".</p>") if provenance_rows else "",
              "<p>How to read the numbers:</p>",
              "<ul>" + "".join(f"<li>{e(r)}</li>" for r in _READING) + "</ul>",
              '<h2 id="summary-heading">Summary</h2>', summary]
    current = None
    for s in secs:
        if s["section"] != current:
            current = s["section"]
            parts.append(f'<h2 class="sechead" id="{_anchor(current)}">{e(current)}</h2>')
        parts.append(f'<section id="{e(s["id"])}"><h3 style="font-size:1.2rem">{e(s["coach"])}</h3>')
        parts.append(f"<p><em>Exercises:</em> {e(s['exercises'])}</p>")
        parts.append(f"<p><strong>Claim (paraphrased):</strong> {e(s['paraphrase'])}</p>")
        if s["premise"]:
            parts.append(f"<p><strong>Premise judged:</strong> {e(s['premise'])}</p>")
        parts.append(f'<p><strong class="{_cls(s["verdict"])}">Verdict: {e(s["verdict"])}.</strong> '
                     f"{e(s['reason'])}</p>")
        if s["threshold"]:
            parts.append(f"<p><em>Threshold:</em> {e(s['threshold'])}</p>")
        if s["disagrees"]:
            parts.append("<blockquote>Published studies disagree with the article here; the verdict above is "
                         "not support.</blockquote>")
        if s["literature"]:
            parts.append(f"<p><em>Literature:</em> {e(s['literature'])}</p>")
        if s["inputs"]:
            parts.append("<h4>Inputs</h4><ul>" + "".join(f"<li>{e(k)}: {e(v)}</li>" for k, v in s["inputs"])
                         + "</ul>")
        if s["table"]:
            header, rows = s["table"]
            parts.append("<h4>Numbers</h4>" + _html_table(header, [[e(c) for c in row] for row in rows]))
        if s["id"] in pngs:
            data = base64.b64encode(pngs[s["id"]]).decode("ascii")
            alt = s["alt"] or f"Figure for the cue '{s['coach']}'"
            parts.append(f'<figure><img src="data:image/png;base64,{data}" alt="{e(alt)}">'
                         f"</figure>")
        if s["caveats"]:
            parts.append("<h4>Caveats</h4><ul>" + "".join(f"<li>{e(c)}</li>" for c in s["caveats"]) + "</ul>")
        parts.append('<p class="back"><a href="#summary-heading">Back to the summary</a></p></section>')
    parts.append("</main></body></html>\n")
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
        Called per cue while figures render; by default nothing (the run already printed
        its progress once).
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
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputValueError(f"out_dir={str(out_dir)!r} exists and is not a directory.")
    if not results:
        raise InputValueError("results is empty; run biomech.cues.run_all() first.")
    bodies_text = "; ".join(f"{b.name} ({b.description})" for b in bodies)
    # 1. render everything in memory: an error here leaves every file untouched
    pngs: dict[str, bytes] = {}
    secs = []
    n = len(results)
    for i, r in enumerate(results, 1):
        fig_note, alt = None, ""
        if r.experiment is not None and r.experiment.figure is not None:
            try:
                pngs[r.cue.id], alt = _figure_png(r.experiment.figure)
            except Exception as exc:  # a broken figure is reported, not fatal
                fig_note = f"The figure could not be drawn ({exc.__class__.__name__}: {exc})."
        ref = f"{FIGURES_DIR}/{r.cue.id}.png" if r.cue.id in pngs else None
        s = _sections(r, ref, alt)
        if fig_note:
            s["caveats"].append(fig_note)
        secs.append(s)
        if progress is not None:
            progress(i, n, r.cue.id, _verdict_text(r))
    prov = _provenance_rows(list(bodies), n)
    md = _markdown(secs, bodies_text, prov).encode("utf-8")
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
    return ReportPaths((out / REPORT_MARKDOWN).resolve(), (out / REPORT_HTML).resolve(), fig_dir.resolve())


def build_report(out_dir: str | os.PathLike, bodies: Sequence[NamedBody] = STANDARD_BODIES, *,
                 progress: Callable[[int, int, str, str], None] | None = None) -> ReportPaths:
    """Run every cue's experiment for ``bodies`` and write the report (what ``biomech report`` runs).

    Returns
    -------
    ReportPaths
    """
    results = run_all(bodies, progress=progress)
    return write_report(out_dir, results, bodies=bodies)
