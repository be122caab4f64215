"""Measured motions in and out: joint-angle time series from CSV and OpenSim files.

Reading
-------
:func:`read_motion` reads a file into a :class:`~biomech.motion.Motion` (filtered and
differentiated by :meth:`Motion.from_samples <biomech.motion.Motion.from_samples>`):

* **OpenSim** ``.mot`` / ``.sto`` (the "Storage" text format): a header of ``key=value``
  lines ending with a line ``endheader``, then a tab-separated line of column labels
  starting with ``time``, then one row of numbers per frame. ``inDegrees=yes`` or
  ``inDegrees=no`` in the header says whether rotational coordinates are in degrees or
  radians; a file without the flag is refused unless ``in_degrees=`` is given, and a
  file whose flag contradicts ``in_degrees=`` (or that states it twice differently) is
  refused too. ``nRows`` and ``nColumns``, when present, must match the data.
* **CSV** with a header row: ``time`` and either joint angles (``ankle``, ``knee``,
  ``hip``; optional ``foot`` and ``arms``) or segment angles (``foot``, ``shank``,
  ``thigh``, ``trunk``, ``arms``) or OpenSim coordinate names; the unit of each column in
  the header, ``knee (deg)`` or ``knee [rad]``, or given with ``angle_unit=``.

OpenSim coordinates and ours
----------------------------
OpenSim's sagittal coordinates are rotations about the model's z axis (pointing to the
right, x forward, y up), positive counter-clockwise seen from the right. They map to the
conventions of docs/conventions.md as follows (``_r`` or ``_l`` by ``side``):

=====================  ====================================================  =============================
OpenSim coordinate     meaning (sign)                                        ours
=====================  ====================================================  =============================
``pelvis_tilt``        pelvis relative to the ground (+ = posterior tilt)    pelvis = -pelvis_tilt
``hip_flexion_r``      thigh relative to the pelvis (+ = flexion)            hip flexion (thigh + pelvis)
``lumbar_extension``   torso relative to the pelvis (+ = extension)          lumbar flexion = -lumbar_extension
``knee_angle_r``       gait2392 family: + = extension (flexion negative,     knee flexion = -knee_angle_r
                       range -120 to 10 deg); Rajagopal (2016): + = flexion  knee flexion = +knee_angle_r
``ankle_angle_r``      foot relative to the shank (+ = dorsiflexion)         ankle dorsiflexion
``arm_flex_r``         arm relative to the torso (+ = shoulder flexion)      arms = arm_flex_r - upper body
=====================  ====================================================  =============================

The knee's sign differs between model families: the gait2392/gait2354/Hamner (2010)
models turn the tibia about +z, so flexion is negative (their knee range is -120 to 10 deg),
while the Rajagopal (2016) model (and Rajagopal-Lai-Uhlrich) turns it about -z, flexion
positive (the OpenSim Models repository's example IK results show knee_angle_r near -55
deg in the gait2392 crouch-gait example and +40 to +105 deg in the Rajagopal running
example). ``model="auto"`` decides from the data's sign and refuses to guess when the knee
crosses zero both ways.

The pelvis's sign was checked on the Rajagopal-Lai-Uhlrich (2023) model in OpenSim 4.6: a
positive ``pelvis_tilt`` moves the lumbar joint (the torso's origin) backward relative to
the hip joint centre, a posterior tilt, so our anterior-positive pelvis angle is
``-pelvis_tilt``; a positive ``lumbar_extension`` moves the torso backward (extension), so
lumbar flexion is ``-lumbar_extension``.

With ``pelvis_tilt`` in the file the segment angles are placed in the world:
pelvis = -pelvis_tilt, thigh = hip_flexion - pelvis, upper body = pelvis + lumbar flexion,
shank = knee flexion - thigh, foot = shank - ankle dorsiflexion. Without it (or with
``reference="foot"``) the foot angle is given (flat by default) and
:meth:`Pose.from_joint_angles <biomech.model.pose.Pose.from_joint_angles>` builds the rest.
A ``lumbar_extension`` column that is missing or zero throughout gives a rigid trunk (the
pose's ``trunk`` is then the pelvis angle); any other gives the pelvis and upper body their
own angles (:class:`~biomech.model.pose.Pose`, ``pelvis=`` and ``lumbar=``).

Writing
-------
:func:`write_mot` writes a motion as an OpenSim ``.mot`` file (``inDegrees=yes`` by
default) with ``pelvis_tilt``, ``hip_flexion``, ``knee_angle`` and ``ankle_angle`` for both
legs and ``lumbar_extension`` (zero for a rigid trunk), in the gait2392 signs (or Rajagopal's with
``model="rajagopal"``, which adds ``arm_flex``), so it plays on those models in OpenSim's
GUI. Coordinates it does not write (pelvis translations, the frontal and transverse
rotations) keep the model's defaults, so the model may float above the floor.

Examples
--------
>>> import os, tempfile
>>> import numpy as np
>>> from biomech.model.pose import Pose
>>> from biomech.motion.tempo import rep_motion
>>> from biomech.motion.io import write_mot, read_motion
>>> top, bottom = Pose(shank="0 deg", thigh="0 deg", trunk="0 deg"), Pose(shank="30 deg", thigh="90 deg", trunk="45 deg")
>>> m = rep_motion((top, bottom), "2-0-1-0", rate="100 Hz")
>>> path = os.path.join(tempfile.mkdtemp(), "squat.mot")
>>> write_mot(path, m)
>>> back = read_motion(path, cutoff=None)
>>> bool(np.allclose(back.segment_angles_rad()["thigh"], m.segment_angles_rad()["thigh"], atol=1e-9))
True
"""

from __future__ import annotations

import io
import os
import re
import stat
import warnings
from array import array
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import DataFileError, InputValueError, RangeError, UnitError
from .motion import DEFAULT_CUTOFF, Motion
from ..units import Q_, parse_unit, quantity, to_si

__all__ = ["AngleTable", "read_mot", "read_angle_csv", "read_motion", "write_mot", "opensim_pose",
           "MAX_FILE_BYTES", "OPENSIM_MODELS"]

#: Largest file read without ``max_bytes=`` (64 MiB: about 10 minutes of 40 columns at 1 kHz).
MAX_FILE_BYTES = 64 * 1024 * 1024

#: Knee sign per OpenSim model family: +1 where knee_angle is flexion, -1 where it is extension.
OPENSIM_MODELS = {"gait2392": -1.0, "gait2354": -1.0, "hamner": -1.0, "rajagopal": +1.0}

_TRANSLATIONS = re.compile(r"(_tx|_ty|_tz)$|^(pelvis|ground)_t[xyz]$")


@dataclass(frozen=True)
class AngleTable:
    """The columns of a motion file, as numbers, with their units.

    Attributes
    ----------
    source : str
        The file read.
    time_s : ndarray
        Times, s.
    columns : dict of str to ndarray
        Every other column, the numbers as in the file.
    units : dict of str to str or None
        Unit of each column (``"deg"``, ``"rad"``, ``"m"``) where known.
    header : dict of str to str
        ``key=value`` lines of an OpenSim header (empty for CSV).
    """

    source: str
    time_s: np.ndarray
    columns: dict
    units: dict
    header: dict

    def angle_rad(self, name: str) -> np.ndarray:
        """Column ``name`` converted to radians (its unit must be an angle)."""
        if name not in self.columns:
            raise DataFileError(f"{self.source}: no column {name!r}; the columns are {', '.join(self.columns)}.")
        unit = self.units.get(name)
        if unit is None:
            raise DataFileError(f"{self.source}: column {name!r} has no unit; write it in the header as "
                                f"'{name} (deg)' or pass angle_unit=\"deg\".")
        try:
            factor = Q_(1.0, parse_unit(unit, name) if isinstance(unit, str) else unit).to("rad").magnitude
            return np.asarray(self.columns[name], dtype=float) * float(factor)
        except Exception:
            raise DataFileError(f"{self.source}: column {name!r} is in {unit!r}, which is not an angle unit.") from None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:60] + f"... ({len(text)} characters)"


#: Longest OpenSim header read (lines before ``endheader``).
MAX_HEADER_LINES = 10_000


# -- reading raw text ------------------------------------------------------------------
def _check_path(path: Any) -> str:
    if isinstance(path, bool) or not isinstance(path, (str, bytes, os.PathLike)):
        raise InputValueError(f"path={path!r} is not a file name; a str or pathlib.Path is expected.")
    src = os.fspath(path)
    src = os.fsdecode(src) if isinstance(src, bytes) else src
    if not src or "\x00" in src:
        raise InputValueError(f"path={src!r} is not a usable file name.")
    return src


def _check_max_bytes(max_bytes: Any) -> int:
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, (int, np.integer)) or max_bytes <= 0:
        raise InputValueError(f"max_bytes={max_bytes!r} must be a positive whole number of bytes.")
    return int(max_bytes)


def _read_text(path: Any, max_bytes: int) -> tuple[str, str]:
    """The file's text (newlines normalised to ``\\n``), read without ever holding more
    than ``max_bytes + 1`` bytes: oversized, special (devices, pipes, directories) and
    binary files are refused before or while reading."""
    src = _check_path(path)
    max_bytes = _check_max_bytes(max_bytes)
    try:
        st = os.stat(src)
    except OSError as exc:
        raise DataFileError(f"{src}: cannot be read ({exc.strerror or exc}).") from None
    if not stat.S_ISREG(st.st_mode):
        what = "a directory" if stat.S_ISDIR(st.st_mode) else "not a regular file (a device or a pipe?)"
        raise DataFileError(f"{src}: is {what}; a text .mot, .sto or .csv file is expected.")
    if st.st_size > max_bytes:
        raise DataFileError(f"{src}: the file is {st.st_size / 2**20:.1f} MiB, larger than the limit of "
                            f"{max_bytes / 2**20:.1f} MiB; pass max_bytes= to read it anyway.")
    try:
        with open(src, "rb") as fh:
            # bounded even if the file grows while it is read (a log being written)
            parts = [fh.read(min(st.st_size, max_bytes) + 1)]
            total = len(parts[0])
            while parts[-1] and total <= max_bytes:
                parts.append(fh.read(min(1 << 20, max_bytes + 1 - total)))
                total += len(parts[-1])
            raw = b"".join(parts) if len(parts) > 1 else parts[0]
            del parts
    except OSError as exc:
        raise DataFileError(f"{src}: cannot be read ({exc.strerror or exc}).") from None
    if len(raw) > max_bytes:
        raise DataFileError(f"{src}: the file is larger than the limit of {max_bytes / 2**20:.1f} MiB; pass "
                            f"max_bytes= to read it anyway.")
    if not raw.strip():
        raise DataFileError(f"{src}: the file is empty.")
    if b"\x00" in raw:
        raise DataFileError(f"{src}: the file holds binary data (NUL bytes), not text; a text .mot, .sto or .csv "
                            f"file is expected.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("latin-1")
        except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes every byte
            raise DataFileError(f"{src}: the file is not text.") from None
    del raw
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text[:4096])
    if printable < 0.95 * min(len(text), 4096):
        raise DataFileError(f"{src}: the file does not look like text (too many control characters); a text .mot, "
                            f".sto or .csv file is expected.")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return src, text


def _lines(text: str, start: int = 0):
    """``(line, offset after it)`` for each line of ``text`` from character ``start``, lazily
    (a large file is never split into a list of lines)."""
    n = len(text)
    pos = start
    while pos < n:
        end = text.find("\n", pos)
        if end < 0:
            end = n
        yield text[pos:end], end + 1
        pos = end + 1


#: Characters parsed per piece: memory while reading stays near that of the result.
_CHUNK_CHARS = 1 << 20


def _parse_rows(src: str, text: str, start: int, first_line_no: int, n_cols: int, delimiter: str | None
                ) -> np.ndarray:
    """The numbers of the data rows from character ``start`` on, ``delimiter`` None meaning
    whitespace. Read piece by piece (about a MiB each) by numpy's C reader; a piece it does
    not take goes to :func:`_parse_rows_exact`, which names the first bad line (or reads
    what numpy's reader does not, such as ``1_000``)."""
    split = (lambda ln: ln.split()) if delimiter is None else (lambda ln: ln.split(delimiter))
    parts = []
    pos, line_no, n = start, first_line_no, len(text)
    while pos < n:
        end = text.find("\n", min(pos + _CHUNK_CHARS, n))
        end = n if end < 0 else end + 1
        chunk = text[pos:end]
        rows = _parse_fast(chunk, n_cols, delimiter)
        if rows is None:
            rows = _parse_rows_exact(src, chunk, line_no, n_cols, split)
        parts.append(rows)
        line_no += chunk.count("\n")
        pos = end
    if not sum(p.shape[0] for p in parts):
        raise DataFileError(f"{src}: the file has a header but no data rows.")
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _parse_fast(chunk: str, n_cols: int, delimiter: str | None) -> np.ndarray | None:
    """Rows of ``chunk`` by numpy's reader (empty and ``NA`` cells as NaN), or None."""
    if delimiter is None:
        chunk = re.sub(r"(?<!\S)NA(?!\S)", "nan", chunk)
    else:
        d, ws = re.escape(delimiter), ("[ \t]" if delimiter != "\t" else "[ ]")
        chunk = re.sub(rf"(?m)^{ws}*(?:NA)?{ws}*(?={d})|(?<={d}){ws}*(?:NA)?{ws}*(?={d}|$)", "nan", chunk)
    chunk = re.sub(r"(?m)^[ \t]*(?:\n|\Z)", "", chunk)
    if not chunk.strip():
        return np.empty((0, n_cols))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = np.loadtxt(io.StringIO(chunk), delimiter=delimiter, comments=None, ndmin=2, dtype=float)
    except (ValueError, TypeError):
        return None
    return data if data.shape[1] == n_cols else None


def _parse_rows_exact(src: str, chunk: str, first_line_no: int, n_cols: int, split) -> np.ndarray:
    values = array("d")
    n_rows = 0
    for i, (line, _) in enumerate(_lines(chunk)):
        if not line.strip():
            continue
        cells = split(line)
        if len(cells) != n_cols:
            raise DataFileError(f"{src}: line {first_line_no + i} has {len(cells)} values but the header names "
                                f"{n_cols} columns (a truncated or damaged file?).")
        try:
            values.extend(float(c) if c.strip() not in ("", "nan", "NaN", "NA") else np.nan for c in cells)
        except ValueError:
            bad = next(c for c in cells if not _is_number(c))
            raise DataFileError(f"{src}: line {first_line_no + i} holds {bad.strip()!r}, which is not a number.") from None
        n_rows += 1
    return np.frombuffer(values, dtype=float).reshape(n_rows, n_cols).copy()


def _is_number(c: str) -> bool:
    try:
        float(c)
        return True
    except ValueError:
        return c.strip() in ("", "nan", "NaN", "NA")


def _yes_no(src: str, value: str) -> bool:
    v = value.strip().lower()
    if v in ("yes", "true", "1"):
        return True
    if v in ("no", "false", "0"):
        return False
    raise DataFileError(f"{src}: inDegrees={value.strip()!r} is neither yes nor no.")


def read_mot(path: Any, *, in_degrees: bool | None = None, max_bytes: int = MAX_FILE_BYTES) -> AngleTable:
    """Read an OpenSim ``.mot`` or ``.sto`` file into an :class:`AngleTable`.

    Parameters
    ----------
    path : str or path-like
        The file.
    in_degrees : bool, optional
        Whether rotational columns are in degrees, for files whose header lacks the
        ``inDegrees`` flag; must agree with the flag when the file has one.
    max_bytes : int
        Refuse larger files (default :data:`MAX_FILE_BYTES`).

    Returns
    -------
    AngleTable
        Rotational columns in ``"deg"`` or ``"rad"`` as the flag says; translations
        (``pelvis_tx`` ...) in ``"m"``.

    Raises
    ------
    DataFileError
        Missing ``endheader``, a label line not starting with ``time``, a missing or
        contradictory ``inDegrees`` flag, rows shorter than the labels (truncated),
        ``nRows``/``nColumns`` that disagree with the data, binary or oversized files,
        directories, devices and pipes (refused before reading).
    InputValueError
        ``path`` that is not a file name, ``max_bytes`` that is not a positive whole
        number, ``in_degrees`` that is not True, False or None.

    Examples
    --------
    >>> import os, tempfile
    >>> p = os.path.join(tempfile.mkdtemp(), "a.mot")
    >>> _ = open(p, "w").write("a\\nversion=1\\nnRows=2\\nnColumns=2\\ninDegrees=yes\\nendheader\\ntime\\tknee_angle_r\\n0\\t-10\\n0.01\\t-11\\n")
    >>> t = read_mot(p)
    >>> t.columns["knee_angle_r"].tolist(), t.units["knee_angle_r"]
    ([-10.0, -11.0], 'deg')
    >>> _ = open(p, "w").write("a\\nendheader\\ntime\\tknee_angle_r\\n0\\t-10\\n")
    >>> read_mot(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    biomech.errors.DataFileError: ...a.mot: the header has no inDegrees flag, so the angle unit is unknown; add inDegrees=yes (or no) to the header, or pass in_degrees=True or False.
    """
    if in_degrees is not None and not isinstance(in_degrees, (bool, np.bool_)):
        raise InputValueError(f"in_degrees={in_degrees!r} must be True, False or None.")
    src, text = _read_text(path, max_bytes)
    head_lines: list[str] = []
    end = after = None
    for i, (ln, nxt) in enumerate(_lines(text)):
        if ln.strip().lower() == "endheader":
            end, after = i, nxt
            break
        head_lines.append(ln)
        if len(head_lines) > MAX_HEADER_LINES:  # an OpenSim header is a few lines; do not collect a whole file
            raise DataFileError(f"{src}: the header runs past {MAX_HEADER_LINES} lines without an 'endheader' "
                                f"line; an OpenSim header is a few key=value lines.")
    if end is None:
        raise DataFileError(f"{src}: no 'endheader' line; an OpenSim .mot/.sto file starts with a header of "
                            f"key=value lines that ends with a line reading endheader.")
    header: dict[str, str] = {}
    flags = []
    for ln in head_lines:
        s = ln.strip()
        if "=" in s:
            k, v = s.split("=", 1)
            k, v = k.strip(), v.strip()
            header[k] = v
            if k.lower() == "indegrees":
                flags.append(_yes_no(src, v))
        else:
            parts = s.split()
            if len(parts) == 2 and parts[0] in ("datacolumns", "datarows"):  # the old SIMM header
                header[parts[0]] = parts[1]
    if len(set(flags)) > 1:
        raise DataFileError(f"{src}: the header states inDegrees twice with different values; fix the header.")
    flag = flags[0] if flags else None
    if flag is None and in_degrees is None:
        raise DataFileError(f"{src}: the header has no inDegrees flag, so the angle unit is unknown; add "
                            f"inDegrees=yes (or no) to the header, or pass in_degrees=True or False.")
    if flag is not None and in_degrees is not None and bool(in_degrees) != flag:
        raise DataFileError(f"{src}: the header says inDegrees={'yes' if flag else 'no'} but in_degrees={in_degrees!r} "
                            f"was passed; they contradict each other.")
    deg = flag if flag is not None else bool(in_degrees)
    label_at = label_line = data_start = None
    for i, (ln, nxt) in enumerate(_lines(text, after)):
        if ln.strip():
            label_at, label_line, data_start = i, ln, nxt
            break
    if label_at is None:
        raise DataFileError(f"{src}: nothing follows endheader; a line of column labels starting with 'time' is expected.")
    labels = label_line.strip().split("\t") if "\t" in label_line else label_line.split()
    labels = [x.strip() for x in labels]
    if not labels or labels[0].lower() != "time":
        raise DataFileError(f"{src}: the line after endheader is {label_line.strip()[:60]!r}; column labels "
                            f"starting with 'time' are expected.")
    if len(set(labels)) != len(labels):
        dup = next(x for x in labels if labels.count(x) > 1)
        raise DataFileError(f"{src}: the column {dup!r} appears twice in the labels.")
    data = _parse_rows(src, text, data_start, end + label_at + 3, len(labels), None)
    for key, have, what in (("nRows", data.shape[0], "data rows"), ("datarows", data.shape[0], "data rows"),
                            ("nColumns", len(labels), "columns"), ("datacolumns", len(labels), "columns")):
        if key in header:
            try:
                want = int(float(header[key]))
            except (ValueError, OverflowError):
                raise DataFileError(f"{src}: {key}={header[key]!r} in the header is not a whole number.") from None
            if want != have:
                hint = " (a truncated file?)" if what == "data rows" and have < want else ""
                raise DataFileError(f"{src}: the header says {key}={want} but the file has {have} {what}{hint}.")
    cols = {lab: data[:, j] for j, lab in enumerate(labels[1:], start=1)}
    units = {lab: ("m" if _TRANSLATIONS.search(lab) else ("deg" if deg else "rad")) for lab in cols}
    return AngleTable(src, data[:, 0], cols, units, header)


_UNIT_IN_NAME = re.compile(r"^\s*(.*?)\s*[\(\[]\s*([^\)\]]+?)\s*[\)\]]\s*$")


def read_angle_csv(path: Any, *, angle_unit: Any = None, time_unit: str = "s", delimiter: str | None = None,
                   max_bytes: int = MAX_FILE_BYTES) -> AngleTable:
    """Read a CSV of angles over time into an :class:`AngleTable`.

    Parameters
    ----------
    path : str or path-like
        The file: one header row of column names, then one row per frame. Units in the
        header as ``knee (deg)`` or ``knee [rad]``; a column named ``time`` (or ``t``).
    angle_unit : str, optional
        Unit of the columns whose header gives none (e.g. ``"deg"``).
    time_unit : str
        Unit of the time column when its header gives none (default ``"s"``).
    delimiter : str, optional
        Column separator; default: guessed from the header (comma, semicolon or tab).
    max_bytes : int
        Refuse larger files.

    Returns
    -------
    AngleTable

    Raises
    ------
    DataFileError
        No time column, rows of the wrong length, cells that are not numbers, binary or
        oversized files, units that are not units, directories, devices and pipes.
    InputValueError
        ``path`` that is not a file name, ``max_bytes`` that is not a positive whole
        number, ``delimiter`` that is not one character that cannot be part of a number.
    UnitError
        ``angle_unit`` that is not an angle unit.

    Examples
    --------
    >>> import os, tempfile
    >>> p = os.path.join(tempfile.mkdtemp(), "a.csv")
    >>> _ = open(p, "w").write("time (s),ankle (deg),knee (deg),hip (deg)\\n0,10,60,70\\n0.01,10.5,61,71\\n")
    >>> read_angle_csv(p).units["knee"]
    'deg'
    """
    if delimiter is not None and (not isinstance(delimiter, str) or len(delimiter) != 1 or delimiter in "\n\r\"'"
                                  or delimiter.isalnum() or delimiter in ".-+"):
        raise InputValueError(f"delimiter={delimiter!r} must be one character that cannot be part of a number, "
                              f"such as ',', ';' or '\\t'.")
    if not isinstance(time_unit, str):
        raise InputValueError(f"time_unit={time_unit!r} must be a unit of time such as 's' or 'ms'.")
    if angle_unit is not None:
        try:
            au = parse_unit(angle_unit, "angle_unit")
            Q_(1.0, au).to("rad")
        except Exception:
            raise UnitError(f"angle_unit={_short(angle_unit)} is not an angle unit; \"deg\" or \"rad\" is expected.") from None
        angle_unit = f"{au:D}"  # its plain name, whatever the registry's display format
    src, text = _read_text(path, max_bytes)
    head_at, (head, data_start) = next((i, x) for i, x in enumerate(_lines(text)) if x[0].strip())
    if delimiter is None:
        delimiter = max((",", ";", "\t"), key=head.count)
        if head.count(delimiter) == 0:
            raise DataFileError(f"{src}: the header {head.strip()[:60]!r} has a single column; a header with 'time' "
                                f"and angle columns separated by commas is expected.")
    names, units = [], {}
    for cell in head.split(delimiter):
        m = _UNIT_IN_NAME.match(cell)
        name, unit = (m.group(1), m.group(2)) if m else (cell.strip(), None)
        name = name.strip().strip('"').strip()
        if unit is not None:
            try:
                parse_unit(unit, name)
            except Exception:
                raise DataFileError(f"{src}: the header gives column {name!r} the unit {unit!r}, which is not a unit.") from None
        if name in units:
            raise DataFileError(f"{src}: the header has the column {name!r} twice; each label must appear once.")
        names.append(name)
        units[name] = unit
    lower = [n.lower() for n in names]
    if "time" in lower:
        ti = lower.index("time")
    elif "t" in lower:
        ti = lower.index("t")
    else:
        raise DataFileError(f"{src}: no 'time' column in the header {head.strip()[:80]!r}.")
    if any(not n for n in names):
        raise DataFileError(f"{src}: the header {head.strip()[:80]!r} has an empty column name.")
    data = _parse_rows(src, text, data_start, head_at + 2, len(names), delimiter)
    tname = names[ti]
    tu = units.get(tname) or time_unit
    try:
        time_s = np.asarray(data[:, ti], dtype=float) * float(Q_(1.0, parse_unit(tu, "time_unit")).to("s").magnitude)
    except Exception:
        raise DataFileError(f"{src}: the time column's unit {tu!r} is not a unit of time.") from None
    cols = {n: data[:, j] for j, n in enumerate(names) if j != ti}
    out_units = {n: (units.get(n) or angle_unit) for n in cols}
    return AngleTable(src, time_s, cols, out_units, {})


# -- tables to poses ---------------------------------------------------------------------
_JOINT_ALIASES = {"ankle": ("ankle", "ankle_dorsiflexion", "dorsiflexion"), "knee": ("knee", "knee_flexion"),
                  "hip": ("hip", "hip_flexion")}
_SEGMENT_ALIASES = {"foot": ("foot", "foot_angle"), "shank": ("shank", "shank_lean"),
                    "thigh": ("thigh", "thigh_angle"), "trunk": ("trunk", "trunk_lean"),
                    "arms": ("arms", "arm", "arm_angle")}


def _find(table: AngleTable, aliases) -> str | None:
    low = {k.lower(): k for k in table.columns}
    return next((low[a] for a in aliases if a in low), None)


def _knee_sign(table: AngleTable, col: str, model: str) -> float:
    m = model.lower()
    if m in OPENSIM_MODELS:
        return OPENSIM_MODELS[m]
    if m != "auto":
        raise InputValueError(f"model={model!r} is not known; expected 'auto' or one of {', '.join(OPENSIM_MODELS)}.")
    k = table.angle_rad(col)
    k = k[np.isfinite(k)]
    lo, hi = np.degrees(k.min()), np.degrees(k.max())
    if hi <= 15.0 and lo < -5.0:
        return -1.0
    if lo >= -15.0 and hi > 5.0:
        return +1.0
    raise DataFileError(f"{table.source}: {col} runs from {lo:.1f} to {hi:.1f} deg, so its sign convention cannot be "
                        f"told; pass model='gait2392' (flexion negative) or model='rajagopal' (flexion positive).")


def opensim_pose(table: AngleTable, *, side: str = "r", model: str = "auto", reference: str | None = None,
                 foot: Any = Q_(0.0, "deg")) -> Any:
    """Segment angles over time from a table of OpenSim coordinates or of our angles.

    Parameters
    ----------
    table : AngleTable
        From :func:`read_mot` or :func:`read_angle_csv`.
    side : {"r", "l"}
        Which leg's coordinates to use (OpenSim names).
    model : {"auto", "gait2392", "gait2354", "hamner", "rajagopal"}
        Knee sign convention (module docs); ``"auto"`` reads it from the data.
    reference : {"pelvis", "foot"}, optional
        Place the chain in the world by ``pelvis_tilt`` or by the foot angle ``foot``;
        default ``"pelvis"`` when the file has ``pelvis_tilt``.
    foot : Quantity
        Foot angle when ``reference="foot"`` (default 0 deg, flat).

    Returns
    -------
    Pose
        Arrays over the table's frames (unchecked: measured data may stray outside the
        anatomical ranges briefly).

    Raises
    ------
    DataFileError
        Angle columns missing from the file (the message lists those present).
    """
    from ..model.pose import Pose
    if side not in ("r", "l"):
        raise InputValueError(f"side={side!r} must be 'r' or 'l'.")
    cols = table.columns
    # our own names first: segment angles, then joint angles
    seg = {k: _find(table, a) for k, a in _SEGMENT_ALIASES.items()}
    if seg["shank"] and seg["thigh"] and seg["trunk"]:
        ang = {k: (table.angle_rad(c) if c else 0.0) for k, c in seg.items()}
        return Pose.from_radians(**ang)
    joints = {k: _find(table, a) for k, a in _JOINT_ALIASES.items()}
    if all(joints.values()):
        f = table.angle_rad(seg["foot"]) if seg["foot"] else to_si(foot, "rad", "foot")
        a = table.angle_rad(seg["arms"]) if seg["arms"] else 0.0
        sh = table.angle_rad(joints["ankle"]) + f
        th = table.angle_rad(joints["knee"]) - sh
        tr = table.angle_rad(joints["hip"]) - th
        return Pose.from_radians(shank=sh, thigh=th, trunk=tr, foot=f + 0 * sh, arms=a + 0 * sh)
    need = [f"hip_flexion_{side}", f"knee_angle_{side}", f"ankle_angle_{side}"]
    missing = [c for c in need if c not in cols]
    if missing:
        raise DataFileError(f"{table.source}: the angle columns {', '.join(missing)} are missing; the file has "
                            f"{', '.join(cols) or 'no columns besides time'}. Expected OpenSim coordinates "
                            f"({', '.join(need)}), joint angles (ankle, knee, hip) or segment angles "
                            f"(shank, thigh, trunk).")
    hip = table.angle_rad(need[0])
    knee = _knee_sign(table, need[1], model) * table.angle_rad(need[1])
    ankle = table.angle_rad(need[2])
    # lumbar flexion (ours) = -lumbar_extension; a column of zeros is a rigid trunk
    lumbar = -table.angle_rad("lumbar_extension") if "lumbar_extension" in cols else np.zeros_like(hip)
    split = bool(np.any(lumbar != 0))
    if reference is None:
        reference = "pelvis" if "pelvis_tilt" in cols else "foot"
    if reference == "pelvis":
        if "pelvis_tilt" not in cols:
            raise DataFileError(f"{table.source}: reference='pelvis' needs a pelvis_tilt column, which is missing.")
        pelvis = -table.angle_rad("pelvis_tilt")   # + pelvis_tilt is a posterior tilt (module docs)
        thigh = hip - pelvis
        shank = knee - thigh
        foot_rad = shank - ankle
    elif reference == "foot":
        foot_rad = to_si(foot, "rad", "foot") + np.zeros_like(hip)
        shank = ankle + foot_rad
        thigh = knee - shank
        pelvis = hip - thigh
    else:
        raise InputValueError(f"reference={reference!r} must be 'pelvis' or 'foot'.")
    upper = pelvis + lumbar
    arm_col = f"arm_flex_{side}"
    arms = table.angle_rad(arm_col) - upper if arm_col in cols else np.zeros_like(hip)
    if split:
        return Pose.from_radians(shank=shank, thigh=thigh, foot=foot_rad, arms=arms, pelvis=pelvis, lumbar=lumbar)
    return Pose.from_radians(shank=shank, thigh=thigh, trunk=pelvis, foot=foot_rad, arms=arms)


def read_motion(path: Any, *, cutoff: Any = DEFAULT_CUTOFF, filter_order: int = 2, side: str = "r",
                model: str = "auto", reference: str | None = None, foot: Any = Q_(0.0, "deg"),
                in_degrees: bool | None = None, angle_unit: Any = None, max_bytes: int = MAX_FILE_BYTES) -> Motion:
    """Read a ``.mot``, ``.sto`` or ``.csv`` file of angles into a filtered, differentiated Motion.

    Parameters
    ----------
    path : str or path-like
        The file; the format follows the extension (``.mot``/``.sto`` OpenSim, else CSV).
    cutoff, filter_order
        Low-pass filter (see :meth:`Motion.from_samples`); ``cutoff=None`` skips it.
    side, model, reference, foot
        How OpenSim coordinates map to segment angles (:func:`opensim_pose`).
    in_degrees : bool, optional
        For OpenSim files without an ``inDegrees`` flag (:func:`read_mot`).
    angle_unit : str, optional
        For CSV columns without a unit in the header (:func:`read_angle_csv`).
    max_bytes : int
        Refuse larger files.

    Returns
    -------
    Motion

    Raises
    ------
    DataFileError
        Any problem with the file, naming it.
    InputValueError
        Time not increasing, NaN gaps, too few samples for the filter.
    """
    ext = os.path.splitext(_check_path(path))[1].lower()
    # the caller's arguments are checked before the file is read, so their faults are never blamed on it
    if cutoff is not None:
        to_si(cutoff, "Hz", "cutoff", positive=True)
    if not isinstance(filter_order, (int, np.integer)) or isinstance(filter_order, bool) or filter_order < 1:
        raise InputValueError(f"filter_order={_short(filter_order)} must be a positive integer such as 2.")
    if ext in (".mot", ".sto"):
        table = read_mot(path, in_degrees=in_degrees, max_bytes=max_bytes)
    else:
        table = read_angle_csv(path, angle_unit=angle_unit, max_bytes=max_bytes)
    _check_cells(table)
    pose = opensim_pose(table, side=side, model=model, reference=reference, foot=foot)
    try:
        return Motion.from_samples(quantity(table.time_s, "s"), pose, cutoff=cutoff, filter_order=filter_order)
    except (DataFileError, RangeError):   # a bad cutoff is the caller's, not the file's
        raise
    except InputValueError as exc:
        raise DataFileError(f"{table.source}: {exc}") from None


def _check_cells(table: AngleTable) -> None:
    """Infinite cells and columns without a single number, named by the file's own column labels."""
    for label, col in table.columns.items():
        col = np.asarray(col, dtype=float)
        if col.size and np.isnan(col).all():
            raise DataFileError(f"{table.source}: column {label!r} holds no numbers (every cell is NaN).")
        inf = np.isinf(col)
        if inf.any():
            i = int(np.argmax(inf))
            raise DataFileError(f"{table.source}: column {label!r} has an infinite value at time "
                                f"{float(table.time_s[i]):g} s (data row {i + 1}); only finite numbers are data.")


def write_mot(path: Any, motion: Motion, *, in_degrees: bool = True, model: str = "gait2392",
              name: str | None = None) -> None:
    """Write a motion as an OpenSim ``.mot`` file of coordinates.

    Parameters
    ----------
    path : str or path-like
        The file to write (overwritten).
    motion : Motion
        A motion with times.
    in_degrees : bool
        Write rotational coordinates in degrees (``inDegrees=yes``, default) or radians.
    model : {"gait2392", "gait2354", "hamner", "rajagopal"}
        Knee sign convention of the target model (module docs); ``"rajagopal"`` also
        writes ``arm_flex_r``/``arm_flex_l``.
    name : str, optional
        The name on the file's first line (default: the file name without extension).

    Raises
    ------
    InputValueError
        A motion without times, an unknown model, a ``name`` that is not one line of text.
    OutputFileError
        A path that cannot take a file (``None``, a NUL, a folder, a missing folder) or a write
        that failed; the file is written through :mod:`biomech.fileio` (temporary file, then
        ``os.replace``), so the previous file is left whole.
    """
    from ..fileio import _plan, write_text

    _plan(path, "path")  # a path that cannot take a file is refused before anything is computed
    if not isinstance(motion, Motion):
        raise InputValueError(f"motion={_short(motion)} must be a Motion.")
    if motion.time_s is None or not motion.shape:
        raise InputValueError("motion has no time; only a motion over time can be written to a .mot file.")
    if not isinstance(in_degrees, (bool, np.bool_)):
        raise InputValueError(f"in_degrees={_short(in_degrees)} must be True or False.")
    if name is not None and (not isinstance(name, str) or any(c in name for c in "\r\n\0")
                             or len(name) > 1000):
        raise InputValueError(f"name={_short(name)} must be one line of text (the file's title).")
    if not isinstance(model, str):
        raise InputValueError(f"model={_short(model)} is not known; expected one of {', '.join(OPENSIM_MODELS)}.")
    m = model.lower()
    if m not in OPENSIM_MODELS:
        raise InputValueError(f"model={model!r} is not known; expected one of {', '.join(OPENSIM_MODELS)}.")
    a = motion.segment_angles_rad()
    a = {k: np.asarray(v, dtype=float).reshape(motion.n_frames, -1)[:, 0] for k, v in a.items()}
    pelvis = a.get("pelvis", a["trunk"])       # a rigid trunk: the pelvis at the trunk's angle
    upper = a.get("upper_body", a["trunk"])
    hip = a["thigh"] + pelvis
    knee = OPENSIM_MODELS[m] * (a["shank"] + a["thigh"])
    ankle = a["shank"] - a["foot"]
    cols = {"pelvis_tilt": -pelvis}            # + pelvis_tilt is a posterior tilt
    for s in ("r", "l"):
        cols[f"hip_flexion_{s}"] = hip
        cols[f"knee_angle_{s}"] = knee
        cols[f"ankle_angle_{s}"] = ankle
    cols["lumbar_extension"] = pelvis - upper  # + lumbar_extension is extension (minus lumbar flexion)
    if m == "rajagopal":
        cols["arm_flex_r"] = cols["arm_flex_l"] = a["arms"] + upper
    scale = 180.0 / np.pi if in_degrees else 1.0
    src = os.fspath(path)
    title = name or os.path.splitext(os.path.basename(os.fsdecode(src)))[0] or "motion"
    title = "".join(c if c.isprintable() else " " for c in title)
    labels = ["time", *cols]
    data = np.column_stack([motion.time_s] + [c * scale for c in cols.values()])
    lines = [title, "version=1", f"nRows={data.shape[0]}", f"nColumns={data.shape[1]}",
             f"inDegrees={'yes' if in_degrees else 'no'}", "endheader", "\t".join(labels)]
    lines += ["\t".join(f"{x:.10f}" for x in row) for row in data]
    write_text(path, "\n".join(lines) + "\n")  # atomic: an error leaves the previous file whole
