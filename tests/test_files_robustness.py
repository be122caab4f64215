"""Files read by :mod:`biomech.motion.io` (CSV, OpenSim ``.mot``/``.sto``) under a battery.

Truncated files, wrong headers, binary garbage, wrong encodings, empty files, special
files (directories, devices, pipes) and very large files give one clear
:class:`biomech.DataFileError` naming the file (or an ``InputValueError`` naming the
argument, for a bad ``path``/``max_bytes``/``delimiter``), without hanging and with
memory bounded by the size limit; nothing else escapes. The fast reader (numpy's C
parser, piece by piece) is checked against the exact line-by-line reader.
"""

from __future__ import annotations

import os
import time
import tracemalloc

import numpy as np
import pytest

from conftest import outcome
from hypothesis import HealthCheck, given, settings, strategies as st

import biomech as bm
from biomech.motion import io as mio

FAST = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

MOT = ("squat\nversion=1\nnRows=5\nnColumns=4\ninDegrees=yes\nendheader\n"
       "time\thip_flexion_r\tknee_angle_r\tankle_angle_r\n"
       "0.00\t80\t-100\t25\n0.01\t81\t-101\t25\n0.02\t82\t-102\t26\n0.03\t83\t-103\t26\n"
       "0.04\t84\t-104\t27\n")
CSV = ("time (s),ankle (deg),knee (deg),hip (deg)\n"
       "0.00,20,100,80\n0.01,20,101,81\n0.02,21,102,82\n0.03,21,103,83\n0.04,22,104,84\n")
READERS = {".mot": lambda p, **k: mio.read_mot(p, **k), ".sto": lambda p, **k: mio.read_mot(p, **k),
           ".csv": lambda p, **k: mio.read_angle_csv(p, **k)}


def write(tmp_path, name, content) -> str:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return str(path)


def file_error(fn, path, *args, **kwargs) -> bm.DataFileError:
    res, exc = outcome(fn, path, *args, **kwargs)
    assert exc is not None, f"accepted: {res!r}"
    assert isinstance(exc, bm.DataFileError), f"{type(exc).__name__}: {exc}"
    assert os.path.basename(str(path)) in str(exc), f"the message does not name the file: {exc}"
    return exc


def test_the_valid_files_are_read():
    # the cases below would pass vacuously if every file were refused
    import tempfile

    d = tempfile.mkdtemp()
    for ext, text in ((".mot", MOT), (".sto", MOT), (".csv", CSV)):
        p = os.path.join(d, "ok" + ext)
        with open(p, "w") as fh:
            fh.write(text)
        m = mio.read_motion(p, cutoff=None)
        assert m.n_frames == 5
        # knee flexion 100 deg in the first frame (written in both files above)
        knee = np.degrees(m.segment_angles_rad()["shank"] + m.segment_angles_rad()["thigh"])
        assert knee[0] == pytest.approx(100.0)


# --------------------------------------------------------------------------- hand cases
HAND = {
    "empty": (".csv", b"", "empty"),
    "whitespace only": (".mot", b" \n\t\n  \n", "empty"),
    "header only (csv)": (".csv", "time,ankle,knee,hip\n", "no data rows"),
    "header only (mot)": (".mot", MOT.split("0.00")[0], "no data rows"),
    "nothing after endheader": (".mot", "a\ninDegrees=yes\nendheader\n\n", "nothing follows endheader"),
    "no endheader": (".mot", MOT.replace("endheader\n", ""), "endheader"),
    "labels without time": (".sto", MOT.replace("time\t", "frame\t"), "time"),
    "csv without time": (".csv", CSV.replace("time (s)", "frame"), "time"),
    "csv single column": (".csv", "time\n0\n1\n", "single column"),
    "csv empty column name": (".csv", CSV.replace("hip (deg)", ""), "empty column name"),
    "csv unit that is not a unit": (".csv", CSV.replace("(deg)", "(bananas)", 1), "not a unit"),
    "duplicate label": (".mot", MOT.replace("knee_angle_r", "hip_flexion_r"), "twice"),
    "truncated last row (mot)": (".mot", MOT[:-4], "truncated"),
    "truncated last row (csv)": (".csv", CSV[:-5], "truncated"),
    "truncated mid-number": (".csv", CSV[:-3] + "\n0.04,2", "truncated"),
    "nRows disagrees": (".mot", MOT.replace("nRows=5", "nRows=40"), "nRows"),
    "nRows not a number": (".mot", MOT.replace("nRows=5", "nRows=five"), "nRows"),
    "inDegrees twice": (".mot", MOT.replace("inDegrees=yes", "inDegrees=yes\ninDegrees=no"), "inDegrees"),
    "inDegrees neither": (".mot", MOT.replace("inDegrees=yes", "inDegrees=maybe"), "inDegrees"),
    "no inDegrees": (".mot", MOT.replace("inDegrees=yes\n", ""), "inDegrees"),
    "a word in the data": (".csv", CSV.replace("101", "abc"), "not a number"),
    "a comment line": (".csv", CSV + "# end of trial\n", "values"),
    "quoted numbers": (".csv", CSV.replace("0.01,20", '"0.01","20"'), "not a number"),
    "NUL bytes": (".csv", CSV.encode() + b"\x00\x00\x00", "binary"),
    "random binary": (".mot", bytes(np.random.default_rng(1).integers(0, 256, 3000, dtype=np.uint8)), ""),
    "control characters": (".csv", bytes(range(1, 32)) * 100, "text"),
    "utf-16": (".csv", CSV.encode("utf-16"), "binary"),
    "a png": (".mot", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
    "a zip": (".sto", b"PK\x03\x04" + bytes(range(256)) * 4, ""),
    "time not increasing": (".csv", CSV.replace("0.02,", "0.00,"), "time"),
}


@pytest.mark.parametrize("ext, content, words", list(HAND.values()), ids=list(HAND))
def test_damaged_files_give_a_data_file_error(tmp_path, ext, content, words):
    path = write(tmp_path, "trial" + ext, content)
    exc = file_error(lambda p: mio.read_motion(p, cutoff=None), path)
    assert words.lower() in str(exc).lower(), exc


def test_wrong_encodings_are_read_or_refused_clearly(tmp_path):
    # latin-1 (not UTF-8) in a header: read as latin-1; a UTF-8 BOM is skipped
    latin = CSV.replace("time (s)", "time (s)").replace("ankle", "cheville\xe9").encode("latin-1")
    t = mio.read_angle_csv(write(tmp_path, "latin.csv", latin))
    assert "cheville\xe9" in t.columns
    t = mio.read_angle_csv(write(tmp_path, "bom.csv", b"\xef\xbb\xbf" + CSV.encode()))
    assert "ankle" in t.columns and t.time_s.shape == (5,)
    crlf = mio.read_mot(write(tmp_path, "crlf.mot", MOT.replace("\n", "\r\n")))
    assert crlf.columns["knee_angle_r"].tolist() == [-100, -101, -102, -103, -104]


@pytest.mark.parametrize("kind", ["missing", "directory", "device", "fifo"])
def test_paths_that_are_not_readable_files(tmp_path, kind):
    if kind == "missing":
        path = str(tmp_path / "nope.mot")
    elif kind == "directory":
        path = str(tmp_path)
    elif kind == "device":
        path = "/dev/zero"   # never ends: must be refused before reading
        if not os.path.exists(path):
            pytest.skip("no /dev/zero")
    else:
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        path = str(tmp_path / "pipe.csv")
        os.mkfifo(path)      # opening it would block until a writer came: must be refused first
    t0 = time.perf_counter()
    res, exc = outcome(mio.read_motion, path)
    assert isinstance(exc, bm.DataFileError), (res, exc)
    assert time.perf_counter() - t0 < 2.0


@pytest.mark.parametrize("path", [None, 5, 1.5, True, ["a.csv"], "", b"", "a\x00b.csv"], ids=repr)
def test_path_that_is_not_a_file_name(path):
    res, exc = outcome(mio.read_motion, path)
    assert isinstance(exc, bm.InputValueError) and "path" in str(exc), exc


@pytest.mark.parametrize("kwargs, arg", [
    (dict(max_bytes=0), "max_bytes"), (dict(max_bytes=-5), "max_bytes"), (dict(max_bytes="1 MB"), "max_bytes"),
    (dict(max_bytes=1.5), "max_bytes"), (dict(max_bytes=None), "max_bytes"),
])
@pytest.mark.parametrize("ext", [".mot", ".csv"])
def test_bad_reader_options(tmp_path, ext, kwargs, arg):
    path = write(tmp_path, "ok" + ext, MOT if ext == ".mot" else CSV)
    res, exc = outcome(READERS[ext], path, **kwargs)
    assert isinstance(exc, bm.InputValueError) and arg in str(exc), exc


@pytest.mark.parametrize("kwargs, arg", [
    (dict(delimiter=5), "delimiter"), (dict(delimiter=",,"), "delimiter"), (dict(delimiter="1"), "delimiter"),
    (dict(delimiter="."), "delimiter"), (dict(time_unit=5), "time_unit"), (dict(angle_unit="m"), "angle_unit"),
])
def test_bad_csv_options(tmp_path, kwargs, arg):
    res, exc = outcome(mio.read_angle_csv, write(tmp_path, "ok.csv", CSV), **kwargs)
    assert exc is not None and arg in str(exc), exc


@pytest.mark.parametrize("value", ["yes", 1, "no"], ids=repr)
def test_in_degrees_must_be_a_bool(tmp_path, value):
    res, exc = outcome(mio.read_mot, write(tmp_path, "a.mot", MOT.replace("inDegrees=yes\n", "")), in_degrees=value)
    assert isinstance(exc, bm.InputValueError) and "in_degrees" in str(exc), exc


# --------------------------------------------------------------------------- size and memory
def test_a_huge_file_is_refused_at_once(tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as fh:      # a sparse 4 GiB file: no disk used, but far over the limit
        fh.write(CSV.encode())
        fh.truncate(4 * 2 ** 30)
    t0 = time.perf_counter()
    exc = file_error(mio.read_motion, str(path))
    assert "larger than the limit" in str(exc)
    assert time.perf_counter() - t0 < 0.5


def test_max_bytes_is_the_limit(tmp_path):
    path = write(tmp_path, "ok.csv", CSV)
    exc = file_error(mio.read_angle_csv, path, max_bytes=len(CSV) - 1)
    assert "max_bytes" in str(exc)
    assert mio.read_angle_csv(path, max_bytes=len(CSV)).time_s.shape == (5,)


def test_memory_stays_near_the_size_of_the_result(tmp_path):
    # the worst case for memory: the shortest rows ("0,0"), 2 values per 4 bytes of file
    n = 400_000
    path = write(tmp_path, "short_rows.csv", "time,knee\n" + "0,1\n" * n)
    size = os.path.getsize(path)
    tracemalloc.start()
    try:
        table = mio.read_angle_csv(path, angle_unit="deg")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert table.time_s.shape == (n,)
    result = 2 * n * 8
    # text (1x), float64 result (4x) and one copy of it, a piece being parsed: well under 12x the file
    assert peak < 12 * size, (peak, size, result)


def test_a_bad_cell_at_the_end_of_a_long_file_is_found_quickly(tmp_path):
    n = 300_000
    path = write(tmp_path, "long.csv", "time,knee\n" + "".join(f"{i},1\n" for i in range(n)) + "x,1\n")
    t0 = time.perf_counter()
    exc = file_error(mio.read_angle_csv, path)
    assert f"line {n + 2}" in str(exc) and "'x'" in str(exc)
    assert time.perf_counter() - t0 < 3.0


# --------------------------------------------------------------------------- fuzz
@FAST
@given(data=st.binary(max_size=600), ext=st.sampled_from([".mot", ".sto", ".csv"]))
def test_random_bytes_never_escape(tmp_path_factory, data, ext):
    path = write(tmp_path_factory.mktemp("fuzz"), "f" + ext, data)
    res, exc = outcome(mio.read_motion, path, cutoff=None)
    if exc is not None:
        assert isinstance(exc, bm.DataFileError), exc


@FAST
@given(cut=st.integers(0, len(MOT) + len(CSV)), ext=st.sampled_from([".mot", ".csv"]),
       edit=st.sampled_from(["truncate", "delete line", "replace char", "duplicate line", "insert junk"]),
       junk=st.text(max_size=6))
def test_damaged_valid_files_never_escape(tmp_path_factory, cut, ext, edit, junk):
    text = MOT if ext == ".mot" else CSV
    cut %= len(text)
    if edit == "truncate":
        text = text[:cut]
    elif edit == "delete line":
        lines = text.split("\n")
        del lines[cut % len(lines)]
        text = "\n".join(lines)
    elif edit == "replace char":
        text = text[:cut] + (junk[:1] or "?") + text[cut + 1:]
    elif edit == "duplicate line":
        lines = text.split("\n")
        lines.insert(cut % len(lines), lines[cut % len(lines)])
        text = "\n".join(lines)
    else:
        text = text[:cut] + junk + text[cut:]
    path = write(tmp_path_factory.mktemp("fuzz"), "f" + ext, text)
    res, exc = outcome(mio.read_motion, path, cutoff=None)
    if exc is not None:
        assert isinstance(exc, bm.DataFileError), exc
    else:
        assert res.n_frames >= 1


CELL = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(repr), st.integers(-10 ** 6, 10 ** 6).map(str),
                 st.sampled_from(["", "NA", "nan", "NaN", " 1.5 ", "1e-3", "-0", "inf", "-inf", "1_000"]))


@FAST
@given(rows=st.lists(st.lists(CELL, min_size=3, max_size=3), min_size=1, max_size=30),
       blank=st.lists(st.integers(0, 30), max_size=3), delimiter=st.sampled_from([",", ";", "\t", None]))
def test_fast_reader_agrees_with_the_exact_reader(rows, blank, delimiter):
    if delimiter is None:  # whitespace-separated (.mot): cells cannot be empty
        rows = [[c.strip() or "NA" for c in r] for r in rows]
    join = " \t " if delimiter is None else delimiter
    lines = [join.join(r) for r in rows]
    for b in blank:
        lines.insert(b % (len(lines) + 1), "  ")
    text = "\n".join(lines) + "\n"
    split = (lambda ln: ln.split()) if delimiter is None else (lambda ln: ln.split(delimiter))
    exact = mio._parse_rows_exact("f", text, 1, 3, split)
    fast = mio._parse_rows("f", text, 0, 1, 3, delimiter)
    assert fast.shape == exact.shape
    assert np.array_equal(fast, exact, equal_nan=True)


def test_pieces_join_without_losing_or_repeating_rows(monkeypatch):
    monkeypatch.setattr(mio, "_CHUNK_CHARS", 7)
    text = "".join(f"{i},{i * 0.5}\n\n" for i in range(50)) + "50,x\n"
    with pytest.raises(bm.DataFileError, match="line 101 holds 'x'"):
        mio._parse_rows("f", text, 0, 1, 2, ",")
    good = mio._parse_rows("f", text[:-5], 0, 1, 2, ",")
    assert good[:, 0].tolist() == list(range(50))
