"""The explorer page: the grid's numbers are the library's, and the page shows them in a real browser.

The browser tests drive Debian's headless Chromium the way ``tests/test_report_browser.py`` does
(``--dump-dom`` of the page with a probe script appended). Outside CI (CI unset) they skip, with the
reason, when no Chromium is installed; under CI a missing browser is a failure.
"""

import base64
import html
import json
import os
import re
import shutil
import subprocess
import warnings

import numpy as np
import pytest

import biomech as bm
from biomech import Q_

from biomech.errors import InfeasiblePoseError, InputValueError
from biomech.viz import explorer as ex
from biomech.exercises.common import _REASON_TEXT

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
          "--virtual-time-budget=20000")

# Drives the page like a user once it has unpacked its data: every slider of every exercise moved
# across its range (one step at a time from a middle position), the body changed, and after each
# move what the page shows is recorded; console errors and page errors are collected too.
_PROBE = r"""<script>
(function () {
  var errors = [];
  var oldError = console.error;
  console.error = function () { errors.push(Array.prototype.join.call(arguments, ' ')); oldError.apply(console, arguments); };
  window.addEventListener('error', function (e) { errors.push(String(e.message)); });
  window.addEventListener('unhandledrejection', function (e) { errors.push('unhandled: ' + e.reason); });
  function snap(label) {
    var svg = document.getElementById('fig');
    var rows = Array.prototype.map.call(document.querySelectorAll('#moments tbody tr'), function (tr) {
      return {col: tr.getAttribute('data-col'), m: tr.getAttribute('data-moment'), perkg: tr.getAttribute('data-perkg'),
              arm: tr.getAttribute('data-arm')};
    });
    var knee = document.getElementById('j-knee'), hip = document.getElementById('j-hip'), arm = document.getElementById('arm-knee');
    var mus = Array.prototype.map.call(document.querySelectorAll('#muscles [data-leg]'), function (d) {
      return {leg: d.getAttribute('data-leg'), quad: d.getAttribute('data-quad'), glute: d.getAttribute('data-glute')};
    });
    var inf = document.getElementById('infeasible');
    return {label: label, exercise: window.explorer.state.exercise, body: window.explorer.state.body,
            idx: JSON.parse(JSON.stringify(window.explorer.state.idx)), drawn: svg.getAttribute('data-drawn'),
            svg: svg.innerHTML, rows: rows, muscles: mus, numbers: document.getElementById('moments').textContent,
            reason: inf.getAttribute('data-reason'), message: inf.textContent,
            knee: knee ? [+knee.getAttribute('cx'), +knee.getAttribute('cy')] : null,
            hip: hip ? [+hip.getAttribute('cx'), +hip.getAttribute('cy')] : null,
            kneeArm: arm ? [+arm.getAttribute('x1'), +arm.getAttribute('x2')] : null};
  }
  function move(key, i) {
    var inp = document.getElementById('sl-' + key);
    inp.value = i;
    inp.dispatchEvent(new Event('input', {bubbles: true}));
  }
  function run() {
    var out = [], meta = window.explorer.meta;
    meta.exercises.forEach(function (e) {
      document.querySelector('#exercise button[data-id="' + e.id + '"]').click();
      out.push(snap('start'));
      // two passes: from the page's start, then from the shallowest depth (where, in a gravity-only
      // model, the stance width shows: at a horizontal thigh it changes nothing the side view holds)
      [null, 0].forEach(function (depthIndex) {
        if (depthIndex !== null) move('depth', depthIndex);
        e.axes.forEach(function (ax) {
          var inp = document.getElementById('sl-' + ax.key);
          if (inp.disabled) { out.push({label: 'disabled', key: ax.key, exercise: e.id}); return; }
          var start = +inp.value;
          for (var i = 0; i < ax.values.length; i++) { move(ax.key, i); out.push(snap('move ' + ax.key)); }
          move(ax.key, start);
        });
      });
      var sel = document.getElementById('body');
      if (sel.options.length > 1) {
        sel.value = sel.options[sel.options.length - 1].value;
        sel.dispatchEvent(new Event('change'));
        out.push(snap('body'));
        sel.value = sel.options[0].value;
        sel.dispatchEvent(new Event('change'));
      }
    });
    var doc = document.documentElement;
    var sliders = Array.prototype.map.call(document.querySelectorAll('input[type=range]'), function (s) { return s.getBoundingClientRect().width; });
    var widest = 0;
    Array.prototype.forEach.call(document.querySelectorAll('body *'), function (n) {
      var r = n.getBoundingClientRect(); if (r.width > 0 && r.right > widest) widest = r.right; });
    var result = {steps: out, errors: errors, scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth,
                  widestRight: widest, sliderWidths: sliders,
                  figWidth: document.getElementById('fig').getBoundingClientRect().width};
    var top = window.parent.document;
    var pre = top.createElement('pre');
    pre.id = 'probe-out';
    pre.textContent = btoa(unescape(encodeURIComponent(JSON.stringify(result))));
    top.body.appendChild(pre);
  }
  function wait() {
    var r = document.body.getAttribute('data-ready');
    if (r === '1') run();
    else if (r === 'error') { errors.push('page failed: ' + document.getElementById('controls').textContent); run0(); }
    else setTimeout(wait, 20);
  }
  function run0() {
    var top = window.parent.document;
    var pre = top.createElement('pre'); pre.id = 'probe-out';
    pre.textContent = btoa(JSON.stringify({steps: [], errors: errors})); top.body.appendChild(pre);
  }
  window.addEventListener('load', function () { setTimeout(wait, 0); });
})();
</script>"""


def _browser():
    for name in _CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _need_browser():
    exe = _browser()
    if exe is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("CI is set but no Chromium was found (looked for " + ", ".join(_CANDIDATES) + ").")
        pytest.skip("no Chromium installed (install Debian's 'chromium' package to run this test); "
                    "outside CI the browser check is skipped.")
    return exe


# two bodies of the preset list (a man and a woman), the coarse grid: quick to build and to drive
_BODIES = [b for b in ex.preset_bodies() if b[0] in ("male-reference", "female-tall-lifter")]
_BODY = {bid: body for bid, _, body in _BODIES}


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("explorer") / "explorer.html"
    build = ex.build_explorer(out, grid="coarse", bodies=_BODIES)
    text = out.read_text(encoding="utf-8")
    meta = json.loads(re.search(r'<script id="meta" type="application/json">(.*?)</script>', text, re.S).group(1))
    return build, text, meta


def _library(meta, exercise, body_id, index):
    """The library's numbers for one grid point (a scalar exercise call), or its reason."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            res, _ = ex.library_point(meta, exercise, _BODY[body_id], index)
        except InfeasiblePoseError as exc:
            return None, exc.reason
    return res, ""


def _index(meta, exercise, idx):
    e = next(x for x in meta["exercises"] if x["id"] == exercise)
    return tuple(int(idx[a["key"]]) for a in e["axes"])


def _tol(meta, exercise, body_id, col):
    blk = next(b for b in meta["blocks"] if b["exercise"] == exercise and b["body"] == body_id)
    c = blk["columns"][col]
    return 0.5 * c.get("s", 1e-9) + 1e-9


# --------------------------------------------------------------------------- data, without a browser
def test_every_grid_point_is_the_library_value(page):
    """Decoded as the page decodes it, each grid point holds what a scalar library call gives
    (within half a quantisation step), and each infeasible point the library's own reason."""
    _, text, meta = page
    blob = __import__("gzip").decompress(base64.b64decode(
        re.search(r'<script id="data" type="application/octet-stream">(.*?)</script>', text, re.S).group(1)))
    checked = infeasible = 0
    for e in meta["exercises"]:
        shape = [len(a["values"]) for a in e["axes"]]
        for bid in _BODY:
            for index in np.ndindex(*shape):
                p = ex.grid_point(meta, blob, e["id"], bid, index)
                res, reason = _library(meta, e["id"], bid, index)
                if res is None:
                    infeasible += 1
                    assert p["reason"] > 0
                    assert meta["reasons"][int(p["reason"]) - 1]["code"] == reason
                    assert np.isnan(p["m_knee"])                    # never numbers for a point that cannot exist
                    continue
                checked += 1
                assert p["reason"] == 0
                for j in ("ankle", "knee", "hip", "lumbar"):
                    lib = float(getattr(res, j).to("N*m").magnitude)
                    tol = _tol(meta, e["id"], bid, "m_" + j)      # half the column's quantisation step
                    assert abs(p["m_" + j] - lib) <= tol + 1e-4 * abs(lib), (e["id"], index, j)
                    arm = float(res.moment_arms[j].to("m").magnitude)
                    assert abs(p["arm_" + j] - arm) <= 0.5e-4 + 1e-6, (e["id"], index, j)
                pos = res.positions
                for n in ("knee", "hip", "shoulder", "grip"):
                    xy = pos[n].to("m").magnitude
                    assert abs(p[n + "_x"] - xy[0]) <= 0.5e-3 + 1e-9 and abs(p[n + "_y"] - xy[1]) <= 0.5e-3 + 1e-9
                if e["id"] == "lunge":
                    assert abs(p["m_rear_knee"] - float(res.rear.knee.to("N*m").magnitude)) <= 0.05 + 1e-9
    assert checked > 50 and infeasible > 5      # the coarse grid has both kinds


def test_muscle_split_is_muscle_demand(page):
    """The quadriceps and gluteus maximus forces are biomech.muscle_demand's, given the lifter's body."""
    from biomech import PoseMoments, muscle_demand

    _, text, meta = page
    blob = __import__("gzip").decompress(base64.b64decode(
        re.search(r'<script id="data" type="application/octet-stream">(.*?)</script>', text, re.S).group(1)))
    for e in meta["exercises"]:
        exercise = e["id"]
        # the first feasible point with a load
        for index in np.ndindex(*[len(a["values"]) for a in e["axes"]]):
            p = ex.grid_point(meta, blob, exercise, "male-reference", index)
            if p["reason"] == 0 and e["axes"][-1]["values"][index[-1]] > 0:
                break
        res, reason = _library(meta, exercise, "male-reference", index)
        assert res is not None, reason
        body = _BODY["male-reference"]
        if exercise == "lunge":
            d = muscle_demand(res).front
        else:
            d = muscle_demand(PoseMoments(res.pose, ankle=res.ankle, knee=res.knee, hip=res.hip,
                                             lumbar=res.lumbar, body=body))
        assert abs(p["quad"] - float(d.force["quadriceps"].to("N").magnitude)) <= 0.5 + 1e-9
        assert abs(p["glute"] - float(d.force["gluteus_maximus"].to("N").magnitude)) <= 0.5 + 1e-9


def test_page_is_self_contained(page):
    build, text, meta = page
    assert not re.search(r'(src|href)="(https?:)?//', text)          # nothing fetched from the network
    assert "<script src" not in text and "<link" not in text
    assert meta["band"] is True and "5th to 95th percentile" in text  # the technique band, from samples=
    assert meta["version"] and "biomech explore" in text
    assert build.points == meta["points"] == sum(b["n"] for b in meta["blocks"])
    assert "snap" in text


def test_bad_requests_are_refused(tmp_path):
    with pytest.raises(InputValueError, match="grid='huge'"):
        ex.explorer_data("huge")
    with pytest.raises(InputValueError, match="both height and mass"):
        ex.build_explorer(tmp_path / "x.html", height="170 cm")
    with pytest.raises(InputValueError, match="does not exist"):
        ex.build_explorer(tmp_path / "nope" / "x.html", grid="coarse")
    with pytest.raises(InputValueError, match="is a folder"):
        ex.build_explorer(tmp_path, grid="coarse")


def test_cli_builds_one_lifters_page(tmp_path, capsys):
    from biomech.cli import main

    out = tmp_path / "me.html"
    assert main(["explore", "--out", str(out), "--grid", "coarse", "--height", "165cm", "--mass", "60kg",
                 "--sex", "female"]) == 0
    said = capsys.readouterr().out
    assert "grid points" in said and out.exists()
    text = out.read_text(encoding="utf-8")
    meta = json.loads(re.search(r'<script id="meta" type="application/json">(.*?)</script>', text, re.S).group(1))
    assert [b["id"] for b in meta["bodies"]] == ["lifter"]
    assert meta["bodies"][0]["sex"] == "female" and abs(meta["bodies"][0]["mass"] - 60) < 1e-9
    assert "--height 165cm" in text
    assert main(["explore", "--out", str(tmp_path / "y.html"), "--mass", "60kg"]) == 1


def test_preset_bodies_are_the_reports_in_both_sexes():
    from biomech.cues import STANDARD_BODIES

    bodies = ex.preset_bodies()
    recipes = [b for b in STANDARD_BODIES if b.sex == "male"]
    women = [b for b in STANDARD_BODIES if b.sex == "female"]
    assert len(bodies) == 2 * len(recipes) + len(women)
    for sex in ("male", "female"):
        mine = [b for _, _, b in bodies if b.sex == sex]
        refs = recipes + (women if sex == "female" else [])
        assert [b.name for b in mine] == [b.name for b in refs]
        for b, ref in zip(mine, refs):
            assert abs(b.height_m - ref.height_m) < 1e-12 and abs(b.mass_kg - ref.mass_kg) < 1e-12
            assert abs(b.thigh_scale - ref.thigh_scale) < 1e-12


# --------------------------------------------------------------------------- in the browser
def _drive(exe, page_text, tmp_path, width, height):
    """Run the probe in the page; below 500 px (headless Chromium's smallest window) the page is
    shown in a same-origin frame of that width, so its layout and media queries see ``width``."""
    probe = tmp_path / f"probe-{width}.html"
    page = page_text.replace("</body>", _PROBE + "</body>")
    if width < 500:
        page = (f'<!DOCTYPE html><html><body style="margin:0"><iframe style="width:{width}px;height:{height}px;'
                f'border:0" srcdoc="{html.escape(page, quote=True)}"></iframe></body></html>')
        width = 800
    probe.write_text(page, encoding="utf-8")
    cmd = [exe, *_FLAGS, f"--user-data-dir={tmp_path / f'profile-{width}'}", f"--window-size={width},{height}",
           "--enable-logging=stderr", "--v=0", "--dump-dom", probe.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    m = re.search(r'<pre id="probe-out">([^<]*)</pre>', proc.stdout)
    assert m, "the probe never reported: " + proc.stderr[-1500:]
    return json.loads(base64.b64decode(m.group(1)).decode("utf-8")), proc.stderr


def _check_steps(meta, steps):
    """Each recorded state shows the library's numbers for its grid point (or its reason)."""
    compared = 0
    for s in steps:
        if s["label"] == "disabled":
            continue
        index = _index(meta, s["exercise"], s["idx"])
        res, reason = _library(meta, s["exercise"], s["body"], index)
        if res is None:
            assert s["drawn"] == "none" and s["reason"] == reason, (s["exercise"], index)
            assert _REASON_TEXT[reason] in s["message"]
            assert all(r["m"] == "nan" for r in s["rows"]) and not s["muscles"]
            shown = s["numbers"].split("arm cm", 1)[1].replace("L5/S1", "")
            assert re.search(r"\d", shown) is None   # no digits shown
            continue
        compared += 1
        assert s["drawn"] == "pose" and s["reason"] is None
        mass = _BODY[s["body"]].mass_kg
        rows = {r["col"]: r for r in s["rows"]}
        for j in ("ankle", "knee", "hip", "lumbar"):
            lib = float(getattr(res, j).to("N*m").magnitude)
            shown = float(rows["m_" + j]["m"])
            assert abs(shown - lib) <= 0.05 + 1e-4 * abs(lib) + 1e-9, (s["exercise"], index, j, shown, lib)
            assert abs(float(rows["m_" + j]["perkg"]) - float(res.moments.per_kg[j].magnitude)) <= 0.05 / mass + 1e-6
            assert abs(float(rows["m_" + j]["arm"]) - float(res.moment_arms[j].to("m").magnitude)) <= 0.5e-4 + 1e-7
        knee = res.positions["knee"].to("m").magnitude
        assert abs(s["knee"][0] - knee[0]) <= 0.5e-3 + 1e-7 and abs(-s["knee"][1] - knee[1]) <= 0.5e-3 + 1e-7
        assert s["kneeArm"][0] == s["knee"][0]               # the knee's moment arm starts at the knee
        assert len(s["muscles"]) == (2 if s["exercise"] == "lunge" else 1)
    return compared


def test_sliders_move_the_drawing_and_numbers_in_chromium(page, tmp_path):
    exe = _need_browser()
    _, text, meta = page
    result, stderr = _drive(exe, text, tmp_path, 1280, 900)
    assert result["errors"] == [], result["errors"]
    assert "Uncaught" not in stderr
    steps = result["steps"]
    assert _check_steps(meta, steps) > 20
    # every slider that an exercise uses changed both the picture and the numbers at least once
    for e in meta["exercises"]:
        for a in e["axes"]:
            moves = [s for s in steps if s["exercise"] == e["id"] and s["label"] == "move " + a["key"]]
            if a["label"] is None or len(a["values"]) < 2:
                assert not moves
                continue
            assert len(moves) == 2 * len(a["values"])
            assert len({m["svg"] for m in moves}) > 1, (e["id"], a["key"])
            assert len({m["numbers"] for m in moves}) > 1, (e["id"], a["key"])
    bodies = [s for s in steps if s["label"] == "body"]
    assert len(bodies) == len(meta["exercises"])
    # an infeasible point was met and shown as such
    assert any(s.get("drawn") == "none" for s in steps)


def test_usable_at_phone_width(page, tmp_path):
    exe = _need_browser()
    _, text, meta = page
    result, _ = _drive(exe, text, tmp_path, 390, 844)
    assert result["errors"] == []
    assert result["innerWidth"] == 390
    assert result["scrollWidth"] <= result["innerWidth"], "the page scrolls sideways at 390 px"
    assert result["widestRight"] <= result["innerWidth"] + 0.5
    assert min(result["sliderWidths"]) >= 300          # sliders span the phone's width
    assert result["figWidth"] >= 300
    assert _check_steps(meta, result["steps"][:40]) > 5


def test_screenshots(page, tmp_path):
    """Desktop and phone screenshots render (written under the test's tmp folder)."""
    exe = _need_browser()
    build, _, _ = page
    for w, h in ((1280, 900), (390, 1400)):
        png = tmp_path / f"explorer-{w}.png"
        cmd = [exe, *_FLAGS, f"--user-data-dir={tmp_path / f'shot-{w}'}", f"--window-size={w},{h}",
               f"--screenshot={png}", build.path.as_uri()]
        subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000


def test_default_page_size(tmp_path):
    """The default page (preset bodies, ~48 000 points) weighs under 5 MB and, where a browser
    is installed, unpacks and shows its first grid point. Its build time is measured by
    ``benchmarks/bench_report.py``, not here."""
    build = ex.build_explorer(tmp_path / "explorer.html")
    assert 40_000 <= build.points <= 60_000
    assert build.bytes < 5_000_000, build
    exe = _browser()
    if exe is None:
        return
    page = build.path.read_text(encoding="utf-8").replace("</body>", _READY_PROBE + "</body>")
    probe = tmp_path / "ready.html"
    probe.write_text(page, encoding="utf-8")
    cmd = [exe, *_FLAGS, f"--user-data-dir={tmp_path / 'profile-ready'}", "--dump-dom", probe.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert 'data-ready="1"' in proc.stdout and 'data-state="ok"' in proc.stdout, proc.stderr[-1500:]
    knee = float(re.search(r'data-col="m_knee" data-moment="([-\d.]+)"', proc.stdout).group(1))
    res = __import__("biomech").exercises.squat(ex.preset_bodies()[0][2], depth="90 deg", knee_travel="5 cm",
                                                load="100 kg", bar="high_bar", stance_width="35 cm")
    assert abs(knee - float(res.knee.magnitude)) <= 0.05 + 1e-9


_READY_PROBE = """<script>window.addEventListener('load', function () {
  (function w() { if (!document.body.getAttribute('data-ready')) setTimeout(w, 20); })(); });</script>"""


def test_the_cue_report_links_the_explorer():
    from biomech.cues.report import _html_page

    page = _html_page([], {}, "reference")
    assert 'href="explorer.html"' in page and "biomech explore --out" in page


def test_a_band_provider_fills_the_optional_columns(monkeypatch):
    """The format's optional low/high columns: a provider's arrays land on the right grid points.
    (A plumbing check with a made-up provider; the library itself has none, and the page says so.)"""
    from biomech import exercises

    def provider(exercise, body, kw):
        if exercise != "squat":
            return None
        kw = {k: v for k, v in kw.items() if k != "bar"}           # every bar position gets the high bar's
        knee = exercises.squat(body, bar="high_bar", **kw).knee.to("N*m").magnitude
        return {"knee": (knee - 10.0, knee + 20.0)}

    monkeypatch.setattr(ex, "BAND_PROVIDER", provider)
    meta, blob = ex.explorer_data("coarse", _BODIES[:1])
    assert meta["band"] is True
    squat = next(e for e in meta["exercises"] if e["id"] == "squat")
    for index in np.ndindex(*[len(a["values"]) for a in squat["axes"]]):
        p = ex.grid_point(meta, blob, "squat", _BODIES[0][0], index)
        if index[2] == 0 and p["reason"] == 0:          # the provider above answers for the high bar
            assert abs(p["lo_knee"] - (p["m_knee"] - 10.0)) <= 0.1 + 1e-9
            assert abs(p["hi_knee"] - (p["m_knee"] + 20.0)) <= 0.1 + 1e-9
    lunge = next(b for b in meta["blocks"] if b["exercise"] == "lunge")
    assert "lo_knee" not in lunge["columns"]


def test_the_band_is_the_librarys_sampled_band():
    """The default band provider is the exercise's own samples= band: the page's low and high at a
    grid point are the 5th and 95th percentiles of that exercise's technique draws there."""
    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    kw = dict(depth=Q_(90, "deg"), knee_travel=Q_(5, "cm"), load=Q_(100, "kg"), bar="high_bar",
              stance_width=Q_(35, "cm"))
    band = ex.technique_band("squat", body, kw)
    res = bm.exercises.squat(body, **kw, samples=ex.BAND_SAMPLES, seed=ex.BAND_SEED)
    knee = res.knee.m_as("N*m")
    ok = np.isfinite(knee)
    lo, hi = np.percentile(knee[ok], [5, 95])
    assert band["knee"][0] == pytest.approx(lo, abs=1e-9) and band["knee"][1] == pytest.approx(hi, abs=1e-9)
    assert lo < hi                                              # the drawn technique moves the knee moment
