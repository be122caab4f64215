"""The HTML report is a real page: headless Chromium renders it at desktop and phone widths.

At 1280 px and at 390 px (a phone) the page must not overflow sideways, every figure must
decode, no script or resource error may reach the console, the table of contents must stay
on screen (sticky), and every summary link must land on its cue's section.

Outside CI (environment variable CI unset) the test skips, with the reason, when no Chromium is
installed; under CI (CI=true) a missing browser is a failure, since CI installs Debian's
``chromium`` package.
"""

import base64
import json
import os
import re
import shutil
import subprocess

import pytest

from biomech.cues import CATALOG, build_report

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--hide-scrollbars",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--virtual-time-budget=15000")

# Runs first in <head>: records console errors and failed loads.
_EARLY = """<script>
window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push(String(e.message || e.target && e.target.src)); }, true);
var __ce = console.error; console.error = function () { window.__errors.push([].join.call(arguments, ' ')); __ce.apply(console, arguments); };
</script>"""

# Runs after load: every check, written as JSON into <body data-probe="...">.
_PROBE = """<script>
window.addEventListener('load', function () {
  var out = {};
  out.width = window.innerWidth;
  out.scrollWidth = document.documentElement.scrollWidth;
  var imgs = Array.from(document.querySelectorAll('img'));
  out.images = imgs.length;
  out.badImages = imgs.filter(function (im) { return !(im.complete && im.naturalWidth > 0); }).length;
  out.noAlt = imgs.filter(function (im) { return (im.getAttribute('alt') || '').length < 15; }).length;
  out.imgTooWide = imgs.filter(function (im) { return im.getBoundingClientRect().width > window.innerWidth; }).length;
  var nav = document.querySelector('nav.toc');
  out.sticky = nav ? getComputedStyle(nav).position : 'none';
  out.viewport = !!document.querySelector('meta[name=viewport]');
  var links = Array.from(document.querySelectorAll('#summary tbody a'));
  out.rows = document.querySelectorAll('#summary tbody tr').length;
  out.badLinks = [];
  links.forEach(function (a) {
    var id = a.getAttribute('href').slice(1);
    var el = document.getElementById(id);
    if (!el || el.tagName !== 'SECTION') { out.badLinks.push(id + ': no section'); return; }
    el.scrollIntoView();
    var top = el.getBoundingClientRect().top;
    var atEnd = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
    if (!(atEnd || (top >= -1 && top < 200))) out.badLinks.push(id + ': top ' + top);
    var back = el.querySelector('a[href="#summary-heading"]');
    if (!back) out.badLinks.push(id + ': no back link');
  });
  out.fontPx = parseFloat(getComputedStyle(document.querySelector('p')).fontSize);
  out.errors = window.__errors;
  var data = btoa(unescape(encodeURIComponent(JSON.stringify(out))));
  document.body.setAttribute('data-probe', data);
  if (window.parent !== window) window.parent.postMessage(data, '*');
});
</script>"""


def _browser():
    for name in _CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    return build_report(out, progress=lambda *a: None)


def test_html_figures_are_embedded_pngs_with_alt_text(report):
    page = report.html.read_text(encoding="utf-8")
    images = re.findall(r'<img src="data:image/png;base64,([^"]+)" alt="([^"]*)"', page)
    assert len(images) >= 20
    for data, alt in images:
        assert base64.b64decode(data)[:8] == b"\x89PNG\r\n\x1a\n"
        assert len(alt) > 20 and not alt.startswith("figure for")
    assert '<meta name="viewport"' in page and 'id="summary"' in page
    assert "**" not in page and "`" not in page.split("<main>")[1].split("</p>")[0]   # intro rendered


#: Headless Chromium will not make a window narrower than 500 px, so the page is loaded in an
#: iframe of the wanted width (its layout viewport is the frame), which reports back by message.
_FRAME = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="{src}" style="width:{w}px;height:900px;border:0"></iframe>
<script>window.addEventListener('message', function (e) {{ document.body.setAttribute('data-probe', e.data); }});
</script></body></html>"""


def _probe(exe, page_path, tmp_path, width):
    page = page_path.read_text(encoding="utf-8")
    page = page.replace("<head>", "<head>" + _EARLY, 1).replace("</body>", _PROBE + "</body>")
    probe = tmp_path / f"probe-{width}.html"
    probe.write_text(page, encoding="utf-8")
    frame = tmp_path / f"frame-{width}.html"
    frame.write_text(_FRAME.format(src=probe.name, w=width), encoding="utf-8")
    cmd = [exe, *_FLAGS, f"--user-data-dir={tmp_path / f'profile-{width}'}", "--window-size=1300,900",
           "--allow-file-access-from-files", "--dump-dom", frame.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    m = re.search(r'data-probe="([^"]+)"', proc.stdout)
    assert m, "the page's load event never fired: " + proc.stderr[-1000:]
    return json.loads(base64.b64decode(m.group(1)).decode("utf-8"))


@pytest.mark.parametrize("width", [1280, 390])
def test_report_in_headless_chromium(report, tmp_path, width):
    exe = _browser()
    if exe is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("CI is set but no Chromium was found (looked for " + ", ".join(_CANDIDATES) + ").")
        pytest.skip("no Chromium installed (install Debian's 'chromium' package to run this test); "
                    "outside CI the browser check is skipped.")
    out = _probe(exe, report.html, tmp_path, width)
    assert out["width"] == width
    assert out["scrollWidth"] <= width, f"the page overflows sideways: {out['scrollWidth']} px at {width} px"
    assert out["rows"] == len(CATALOG)
    assert out["images"] >= 20 and out["badImages"] == 0 and out["imgTooWide"] == 0
    assert out["noAlt"] == 0
    assert out["sticky"] == "sticky" and out["viewport"]
    assert out["badLinks"] == [], out["badLinks"][:5]
    assert out["errors"] == []
    assert out["fontPx"] >= 14
