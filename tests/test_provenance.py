"""The report, the CSV and JSON outputs and the citation file say where their numbers came from."""

from __future__ import annotations

import pathlib

import biomech as bm
from biomech.provenance import csv_comment_lines, provenance

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_record_has_version_inputs_seed_and_sources():
    body = bm.Body.from_anthropometrics("178 cm", "80 kg", table="winter")
    rec = provenance({"depth": "90 deg"}, body=body, seed=7, sources=["a study"])
    assert rec["biomech_version"] == bm.__version__ and rec["inputs"] == {"depth": "90 deg"} and rec["seed"] == 7
    assert rec["data_sources"][0].startswith("Winter") and rec["data_sources"][1] == "a study"
    lines = csv_comment_lines(rec)
    assert all(line.startswith("# ") for line in lines) and "# seed: 7" in lines


def test_report_states_its_provenance(tmp_path):
    from biomech.cues.catalog import get_cue
    from biomech.cues.experiments import STANDARD_BODIES, run_all
    from biomech.cues.report import write_report

    results = run_all(STANDARD_BODIES[:1], [get_cue("calf-pump")], progress=lambda *a: None)
    paths = write_report(tmp_path, results, progress=lambda *a: None, bodies=STANDARD_BODIES[:1])
    for text in (paths.markdown.read_text(), paths.html.read_text()):
        assert f"biomech version" in text and bm.__version__ in text
        assert "seed" in text and "de Leva" in text and "data sources" in text


def test_citation_file_names_the_project_and_version():
    text = (ROOT / "CITATION.cff").read_text()
    assert "cff-version: 1.2.0" in text and "title: biomech" in text and 'version: "0.2.0"' in text
    assert "biomech developers" in text
