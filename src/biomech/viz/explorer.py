"""An interactive explorer page: sliders over a precomputed grid, one self-contained HTML file.

``biomech explore --out explorer.html`` (or :func:`build_explorer`) evaluates three
exercises (back/front squat, lunge, Romanian deadlift) over a grid of coach-level
parameters (depth, knee travel, bar position, stance, load) for a choice of bodies, with
the library's vectorized exercise functions, and embeds the results in one HTML page
(inline script and style, no network). The page's script only looks numbers up and
draws them: the stick figure with each joint's moment arm, the joint moments per leg
and per kg, the quadriceps / gluteus maximus split from :func:`biomech.muscle_demand`,
and, for a grid point that cannot exist, the library's reason instead of numbers.

Data format (``meta`` JSON plus one binary blob, see :func:`explorer_data`): for each
exercise and body a *block* of ``n`` grid points (the exercise's axes in C order); each
quantity is a *column*, stored either as one constant or as ``n`` int16 values with a
scale (value = int16 * scale; -32768 = not a number). Columns ``lo_<joint>`` and
``hi_<joint>`` (the joint moments' technique band; ``lo_rear_<joint>`` for a lunge's rear leg) are present
when a band provider gives them (:data:`BAND_PROVIDER`, by default :func:`technique_band`:
the 5th to 95th percentile over techniques drawn from the measured spread). The int16 blob is gzip-compressed and base64-encoded; the page
inflates it with the browser's ``DecompressionStream``.

Examples
--------
>>> import biomech.viz.explorer as ex
>>> meta, blob = ex.explorer_data(grid="coarse", bodies=ex.preset_bodies()[:1])
>>> [e["id"] for e in meta["exercises"]]
['squat', 'lunge', 'romanian_deadlift']
>>> meta["points"] == sum(b["n"] for b in meta["blocks"])
True
"""

from __future__ import annotations

import base64
import gzip
import html
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from ..model.body import Body
from ..errors import InputValueError
from ..units import Q_

__all__ = ["GRIDS", "BAND_PROVIDER", "BAND_SAMPLES", "technique_band", "ExplorerBuild", "preset_bodies", "lifter_body", "explorer_data",
           "grid_description",
           "explorer_html", "build_explorer", "grid_point", "library_point", "add_explore_arguments",
           "run_explore"]

# ----------------------------------------------------------------------------------- grids
#: Grids per exercise: axis key -> values (in the units the page shows). Axes are always, in
#: order, depth, knee travel, bar position, stance and load; what each means per exercise is in
#: ``_AXIS_MEANING``. "default" (about 48 000 points over the ten preset bodies) is the page
#: ``biomech explore`` builds; "fine" (about 30 000 points per body) is the one-lifter page's;
#: "coarse" is for tests. Minimum resolution of the default grid: depth 10 deg (squat, lunge)
#: or 10 cm of bar height (RDL); knee travel 5 cm (knee bend 10 deg); load 25 kg (lunge 20 kg);
#: stance 15 cm; bar position: every choice listed.
GRIDS: dict[str, dict[str, dict[str, list]]] = {
    "default": {
        "squat": {"depth": list(range(50, 121, 10)), "knee_travel": [-5, 0, 5, 10, 15],
                  "bar": ["high_bar", "low_bar", "front"], "stance": [20, 35, 50],
                  "load": list(range(0, 201, 25))},
        "lunge": {"depth": list(range(50, 111, 10)), "knee_travel": [-10, -5, 0, 5, 10],
                  "bar": ["hands", "back"], "stance": [60, 75, 90], "load": list(range(0, 101, 20))},
        "romanian_deadlift": {"depth": list(range(10, 71, 10)), "knee_travel": [0, 10, 20, 30, 40],
                              "bar": ["hands"], "stance": [None], "load": list(range(0, 201, 25))},
    },
    "fine": {
        "squat": {"depth": list(range(50, 126, 5)), "knee_travel": [-5, -2.5, 0, 2.5, 5, 7.5, 10, 12.5, 15],
                  "bar": ["high_bar", "low_bar", "front"], "stance": [15, 25, 35, 45, 55],
                  "load": list(range(0, 201, 10))},
        "lunge": {"depth": list(range(50, 111, 5)), "knee_travel": [-10, -7.5, -5, -2.5, 0, 2.5, 5, 7.5, 10],
                  "bar": ["hands", "back"], "stance": [55, 65, 75, 85, 95], "load": list(range(0, 101, 10))},
        "romanian_deadlift": {"depth": list(range(10, 71, 5)), "knee_travel": list(range(0, 41, 5)),
                              "bar": ["hands"], "stance": [None], "load": list(range(0, 201, 10))},
    },
    "coarse": {
        "squat": {"depth": [60, 90, 120], "knee_travel": [0, 10, 15], "bar": ["high_bar", "front"],
                  "stance": [20, 50], "load": [0, 100]},
        "lunge": {"depth": [70, 90], "knee_travel": [-5, 5], "bar": ["hands", "back"], "stance": [75],
                  "load": [0, 40]},
        "romanian_deadlift": {"depth": [20, 50, 60], "knee_travel": [10, 30], "bar": ["hands"],
                              "stance": [None], "load": [0, 100]},
    },
}

_AXES = ("depth", "knee_travel", "bar", "stance", "load")

#: How each slider reads per exercise: (label, unit) or None when the exercise has no such parameter.
_AXIS_MEANING = {
    "squat": {"depth": ("Depth: thigh angle (90 = parallel)", "deg"),
              "knee_travel": ("Knee travel: front of the knee past the toes", "cm"),
              "bar": ("Bar position", ""), "stance": ("Stance width, ankle to ankle", "cm"),
              "load": ("Load on the bar", "kg")},
    "lunge": {"depth": ("Depth: front thigh angle (90 = parallel)", "deg"),
              "knee_travel": ("Knee travel: front knee past its toes", "cm"),
              "bar": ("Load held", ""), "stance": ("Step length, front heel to rear ball", "cm"),
              "load": ("Load (both dumbbells, or the bar)", "kg")},
    "romanian_deadlift": {"depth": ("Depth: bar height above the floor", "cm"),
                          "knee_travel": ("Knee bend held through the rep", "deg"),
                          "bar": None, "stance": None, "load": ("Load on the bar", "kg")},
}

#: Where each exercise's sliders start (snapped to the grid): a parallel squat with 5 cm of knee travel,
#: a parallel lunge, a Romanian deadlift to the knee (about 50 cm) with 20 deg of knee bend; 100 kg.
_START = {"squat": {"depth": 90, "knee_travel": 5, "stance": 35, "load": 100},
          "lunge": {"depth": 90, "knee_travel": 0, "stance": 75, "load": 40},
          "romanian_deadlift": {"depth": 50, "knee_travel": 20, "load": 100}}

_CHOICE_LABELS = {"high_bar": "high bar", "low_bar": "low bar", "front": "front rack", "hands": "dumbbells",
                  "back": "bar on the back"}

_EXERCISE_LABELS = {"squat": "Squat", "lunge": "Lunge", "romanian_deadlift": "Romanian deadlift"}

#: Technique samples per grid point for the joint moments' band, and their seed (fixed, so a
#: page repeats). 24 draws estimate the 5th and 95th percentiles (interpolated) roughly, and
#: keep the default page within its build-time budget (about 1.3 M poses); more cost time.
BAND_SAMPLES = 24
BAND_SEED = 13


def technique_band(exercise: str, body: Body, kwargs: dict) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The joint moments' band at one block of grid points: the 5th and 95th percentiles over
    :data:`BAND_SAMPLES` techniques drawn from the measured spread (``samples=`` of the
    exercise; the sliders' own values are held, everything else drawn, balance solved).

    Parameters
    ----------
    exercise : str
        ``"squat"``, ``"lunge"`` or ``"romanian_deadlift"``.
    body : Body
        The lifter.
    kwargs : dict
        The exercise's keyword arguments for the block (arrays on the grid's axes).

    Returns
    -------
    dict
        ``joint -> (low, high)``, N·m arrays of the block's grid shape (``rear_<joint>`` too for
        a lunge's rear leg).

    Examples
    --------
    >>> import biomech as bm
    >>> b = technique_band("squat", bm.Body.from_anthropometrics("178 cm", "80 kg"),
    ...                    dict(depth=bm.Q_(90, "deg"), knee_travel=bm.Q_(5, "cm"), load=bm.Q_(100, "kg")))
    >>> bool(b["ankle"][0] < b["ankle"][1])
    True
    """
    from .. import exercises as ex

    fn = {"squat": ex.squat, "lunge": ex.lunge, "romanian_deadlift": ex.romanian_deadlift}[exercise]
    kw = {k: v for k, v in kwargs.items() if not (k == "bar" and exercise != "squat")}
    res = fn(body, **kw, samples=BAND_SAMPLES, seed=BAND_SEED)
    legs = {"": res} if exercise != "lunge" else {"": res, "rear_": res.rear}
    out = {}
    for pre, r in legs.items():
        b = r.band(low=5, high=95)
        for j in ("ankle", "knee", "hip", "lumbar"):
            if pre and j == "lumbar":
                continue
            out[pre + j] = (np.asarray(b.low.si(j), dtype=float), np.asarray(b.high.si(j), dtype=float))
    return out


#: The technique-band provider: ``f(exercise, body, kwargs) -> {joint: (low, high)}`` arrays of
#: N·m over the block (shape of the block's grid), or None for a page without a band.
BAND_PROVIDER: Callable[..., Any] | None = technique_band

# int16 columns: name -> resolution in SI-ish display units (the page divides nothing but per kg)
_NAN16 = -32768
_RES = {"m": 0.1, "arm": 1e-4, "pos": 1e-3, "force": 1.0, "deg": 0.1, "code": 1.0}


# ----------------------------------------------------------------------------------- bodies
def preset_bodies() -> list[tuple[str, str, Body]]:
    """The cue report's standard bodies (:data:`biomech.cues.STANDARD_BODIES`) in both sexes.

    The report's men (de Leva's 1996 male segment table) are built with the female table
    too (the same stature, mass and femur scale, the trunk adjusted); the report's woman is
    listed with the women.

    Returns
    -------
    list of (id, label, Body)

    Examples
    --------
    >>> [i for i, _, _ in preset_bodies()][:2]
    ['male-reference', 'male-long-femur']
    >>> len(preset_bodies())
    11
    """
    from ..cues.experiments import STANDARD_BODIES, NamedBody

    recipes = [nb for nb in STANDARD_BODIES if nb.sex == "male"]
    out = []
    for sex in ("male", "female"):
        own = [nb for nb in STANDARD_BODIES if nb.sex == sex and nb not in recipes]
        for nb in recipes + own:
            body = nb if nb.sex == sex else NamedBody.from_proportions(
                nb.name, Q_(nb.height_m, "m"), Q_(nb.mass_kg, "kg"), nb.thigh_scale, nb.description, sex=sex)
            label = (f"{sex}, {nb.name}: {nb.height_m * 100:.0f} cm, {nb.mass_kg:.0f} kg"
                     + ("" if nb.thigh_scale == 1.0 else f", femur {100 * (nb.thigh_scale - 1):+.0f} %"))
            out.append((f"{sex}-{nb.name.replace(' ', '-')}", label, body))
    return out


def lifter_body(height: Any, mass: Any, sex: str = "male") -> list[tuple[str, str, Body]]:
    """One lifter, as :func:`preset_bodies` lists bodies (de Leva 1996 segments).

    >>> [i for i, _, _ in lifter_body("165 cm", "60 kg", "female")]
    ['lifter']
    """
    body = Body.from_anthropometrics(height, mass, sex=sex)
    label = f"{body.sex}, {body.height_m * 100:.0f} cm, {body.mass_kg:.0f} kg"
    return [("lifter", label, body)]


# ----------------------------------------------------------------------------------- evaluation
def _call_kwargs(exercise: str, depth, knee, bar, stance, load) -> tuple[Callable, dict]:
    """The library call for grid values (array or scalar) of one exercise."""
    from .. import exercises as ex

    if exercise == "squat":
        return ex.squat, dict(depth=Q_(depth, "deg"), knee_travel=Q_(knee, "cm"), load=Q_(load, "kg"), bar=bar,
                              stance_width=Q_(stance, "cm"))
    if exercise == "lunge":
        return ex.lunge, dict(depth=Q_(depth, "deg"), knee_travel=Q_(knee, "cm"), load=Q_(load, "kg"), hold=bar,
                              step_length=Q_(stance, "cm"))
    if exercise == "romanian_deadlift":
        return ex.romanian_deadlift, dict(bar_height=Q_(depth, "cm"), knee_flexion=Q_(knee, "deg"), load=Q_(load, "kg"))
    raise InputValueError(f"exercise={exercise!r}: expected one of {', '.join(_EXERCISE_LABELS)}.")


def _muscles(exercise: str, res, body: Body):
    """Quadriceps, gluteus maximus and hamstrings forces (N, per leg), and the unmet joints.

    The muscle layer is given the result's moments and pose with the lifter's own body: its
    moment arms scale with the real segment lengths, not with their side-view projection
    (a wide squat stance shortens the legs in the side view).
    """
    from ..mechanics.results import PoseMoments
    from ..muscles import muscle_demand

    legs = {}
    if exercise == "lunge":
        d = muscle_demand(res)
        legs = {"": d.front, "rear_": d.rear}
    else:
        view = PoseMoments(res.pose, ankle=res.ankle, knee=res.knee, hip=res.hip, lumbar=res.lumbar, body=body)
        legs = {"": muscle_demand(view)}
    out = {}
    for pre, d in legs.items():
        for key, name in (("quadriceps", "quad"), ("gluteus_maximus", "glute"), ("hamstrings", "ham")):
            out[pre + name] = np.asarray(d.force[key].to("N").magnitude, dtype=float)
        bits = np.zeros(np.shape(out[pre + "quad"]), dtype=float)
        for k, j in enumerate(("ankle", "knee", "hip")):
            if j in d.unmet:
                bits = bits + (2 ** k) * (np.asarray(d.unmet[j]) > 1e-9)
        out[pre + "unmet"] = bits
    return out


def _evaluate(exercise: str, axes: dict[str, list], body: Body, reasons: list[str]) -> dict[str, np.ndarray]:
    """Every column of one block (exercise x body), each an array of the block's grid shape."""
    from ..mechanics.statics import JOINTS, SIGN

    grid = [np.asarray([np.nan if v is None else v for v in axes[a]], dtype=float) if a != "bar"
            else axes[a] for a in _AXES]
    shape = tuple(len(axes[a]) for a in _AXES)
    num = [grid[0], grid[1], grid[3], grid[4]]
    mesh = np.ix_(*num)                              # depth, knee, stance, load on their own axes
    cols: dict[str, list] = {}
    for ib, bar in enumerate(axes["bar"]):
        fn, kw = _call_kwargs(exercise, *mesh[:2], bar, *mesh[2:])
        res = fn(body, **kw)
        sub = (len(grid[0]), len(grid[1]), len(grid[3]), len(grid[4]))
        c = _result_columns(exercise, res, body, sub, reasons, JOINTS, SIGN)
        if BAND_PROVIDER is not None:
            band = BAND_PROVIDER(exercise, body, dict(kw, bar=bar))
            if band:
                for j, (lo, hi) in band.items():
                    c["lo_" + j] = np.broadcast_to(np.asarray(lo, dtype=float), sub)
                    c["hi_" + j] = np.broadcast_to(np.asarray(hi, dtype=float), sub)
        for k, v in c.items():
            cols.setdefault(k, [None] * len(axes["bar"]))[ib] = np.broadcast_to(v, sub)
    return {k: np.stack(v, axis=2).reshape(shape) for k, v in cols.items()}


def _result_columns(exercise, res, body, shape, reasons, JOINTS, SIGN) -> dict[str, np.ndarray]:
    m = res  # the result family: positions, forces and arms on the result itself
    feas = np.broadcast_to(np.asarray(res.feasible, dtype=bool), shape)
    why = np.broadcast_to(np.asarray(res.reason, dtype=object), shape)
    code = np.zeros(shape)
    for r in sorted(set(why[~feas].ravel())):
        if r not in reasons:
            reasons.append(r)
        code[(why == r) & ~feas] = reasons.index(r) + 1
    out: dict[str, np.ndarray] = {"reason": code}

    def keep(x):
        return np.where(feas, np.broadcast_to(np.asarray(x, dtype=float), shape), np.nan)

    split = exercise == "lunge"
    vals = {"ankle": res.ankle, "knee": res.knee, "hip": res.hip, "lumbar": res.lumbar}
    pos = {k: np.broadcast_to(v.to("m").magnitude, shape + (2,)) for k, v in m.positions.items()}
    forces = m.resultant_forces
    for j in JOINTS:
        M = keep(vals[j].to("N*m").magnitude)
        out["m_" + j] = M
        out["arm_" + j] = keep(m.moment_arms[j].to("m").magnitude)
        F = np.broadcast_to(forces[j].to("N").magnitude, shape + (2,))
        with np.errstate(invalid="ignore", divide="ignore"):
            if np.nanmax(np.abs(F[..., 0]) - 1e-6 * np.hypot(F[..., 0], F[..., 1]), initial=-1.0) > 0:
                raise InputValueError(f"{exercise}: the {j}'s line of action is not vertical; the explorer draws "
                                      "gravity-only exercises.")
            # the foot of the perpendicular from the joint to the (vertical) line of action
            out["loa_" + j] = keep(pos[j][..., 0] + SIGN[j] * M / F[..., 1])
    if split:
        for j in ("ankle", "knee", "hip"):
            out["m_rear_" + j] = keep(getattr(res.rear, j).to("N*m").magnitude)
    names = ["heel", "ball", "toe", "ankle", "knee", "hip", "lumbar", "shoulder", "grip", "com"]
    if split:
        names += ["rear_heel", "rear_ball", "rear_toe", "rear_ankle", "rear_knee"]
    for n in names:
        out[n + "_x"] = keep(pos[n][..., 0])
        out[n + "_y"] = keep(pos[n][..., 1])
    out["cop_x"] = keep(pos["cop"][..., 0])
    sc = res.model.sincos(res.pose.segment_angles_rad())
    for it in res.model.items:
        if not it.is_body:
            x, y = it.point.evaluate(sc)
            out["load_x"], out["load_y"] = keep(x), keep(y)
            break
    out["trunk"] = keep(res.pose.trunk.to("deg").magnitude)
    for k, v in _muscles(exercise, res, body).items():
        out[k] = keep(v)
    return out


# ----------------------------------------------------------------------------------- packing
def _column_kind(name: str) -> str:
    if name == "reason" or name.endswith("unmet"):
        return "code"
    if name.startswith(("m_", "lo_", "hi_")):
        return "m"
    if name.startswith("arm_"):
        return "arm"
    if name in ("trunk",):
        return "deg"
    if name.endswith(("quad", "glute", "ham")):
        return "force"
    return "pos"


def _pack(values: np.ndarray, res: float) -> tuple[dict, np.ndarray | None]:
    """A column as {"c": constant} or {"s": scale} with its int16 values (NaN -> -32768)."""
    v = np.asarray(values, dtype=float).ravel()
    fin = np.isfinite(v)
    if not fin.any():
        return {"c": None}, None
    q = np.round(v[fin] / res)
    if np.all(q == q[0]):
        return {"c": float(q[0] * res)}, None
    peak = float(np.max(np.abs(q)))
    if peak > 32767:
        res = res * 2.0 ** np.ceil(np.log2(peak / 32767.0))
    out = np.full(v.shape, _NAN16, dtype="<i2")
    out[fin] = np.round(v[fin] / res).astype("<i2")
    return {"s": float(res)}, out


def _extent(cols: dict[str, np.ndarray]) -> list[float]:
    """Drawing window (m): [xmin, xmax, ymin, ymax] over every feasible pose of the block."""
    xs = [cols[k] for k in cols if k.endswith("_x") and not k.startswith("com")]
    ys = [cols[k] for k in cols if k.endswith("_y")]
    with np.errstate(invalid="ignore"):
        x0 = min(float(np.nanmin(x)) for x in xs if np.isfinite(x).any()) if xs else -0.5
        x1 = max(float(np.nanmax(x)) for x in xs if np.isfinite(x).any()) if xs else 0.8
        y1 = max(float(np.nanmax(y)) for y in ys if np.isfinite(y).any()) if ys else 1.8
    if not np.isfinite([x0, x1, y1]).all():
        x0, x1, y1 = -0.5, 0.8, 1.8
    return [round(x0 - 0.25, 3), round(x1 + 0.25, 3), -0.08, round(y1 + 0.32, 3)]


def explorer_data(grid: str = "default", bodies: Sequence[tuple[str, str, Body]] | None = None
                  ) -> tuple[dict, bytes]:
    """Evaluate the grid and pack it: ``(meta, blob)`` with ``blob`` the raw int16 columns.

    Parameters
    ----------
    grid : {"default", "fine", "coarse"}
        Which of :data:`GRIDS`.
    bodies : sequence of (id, label, Body), optional
        Default :func:`preset_bodies`.

    Returns
    -------
    meta : dict
        ``exercises`` (axes with values, labels and units), ``bodies``, ``blocks`` (per
        exercise and body: ``n``, ``columns`` {name: {"c": constant} or {"s": scale, "o":
        offset in int16 elements}}, ``extent``), ``reasons`` (code, text), ``points``.
    blob : bytes
        Little-endian int16 values of every stored column.

    Examples
    --------
    >>> meta, blob = explorer_data("coarse", lifter_body("178 cm", "80 kg"))
    >>> meta["points"], len(blob) > 0
    (100, True)
    """
    from .. import __version__
    from ..exercises.common import _REASON_TEXT

    if grid not in GRIDS:
        raise InputValueError(f"grid={grid!r}: expected one of {', '.join(GRIDS)}.")
    bodies = list(preset_bodies() if bodies is None else bodies)
    if not bodies:
        raise InputValueError("bodies is empty; expected at least one (id, label, Body).")
    reasons: list[str] = []
    blocks, parts = [], []
    offset = 0
    exercises = []
    for exercise, axes in GRIDS[grid].items():
        meaning = _AXIS_MEANING[exercise]
        exercises.append({
            "id": exercise, "label": _EXERCISE_LABELS[exercise], "start": _START[exercise],
            "axes": [{"key": a, "values": axes[a], "short": _SHORT[a].get(exercise, _SHORT[a]["*"]),
                      "labels": [_CHOICE_LABELS.get(v, v) if isinstance(v, str) else v for v in axes[a]],
                      "label": None if meaning[a] is None else meaning[a][0],
                      "unit": None if meaning[a] is None else meaning[a][1]} for a in _AXES]})
        for bid, _, body in bodies:
            cols = _evaluate(exercise, axes, body, reasons)
            n = int(np.prod([len(axes[a]) for a in _AXES]))
            packed = {}
            for name, values in cols.items():
                head, arr = _pack(values, _RES[_column_kind(name)])
                if arr is not None:
                    head["o"] = offset
                    offset += arr.size
                    parts.append(arr.tobytes())
                packed[name] = head
            blocks.append({"exercise": exercise, "body": bid, "n": n, "columns": packed, "extent": _extent(cols),
                           "feasible": int(np.sum(cols["reason"] == 0))})
    meta = {
        "version": __version__, "grid": grid, "points": int(sum(b["n"] for b in blocks)),
        "exercises": exercises,
        "bodies": [{"id": bid, "label": label, "mass": float(b.mass_kg), "height": float(b.height_m),
                    "sex": str(b.sex)} for bid, label, b in bodies],
        "blocks": blocks,
        "reasons": [{"code": r, "text": _REASON_TEXT.get(r, r.replace("_", " "))} for r in reasons],
        "band": any(k.startswith("lo_") for b in blocks for k in b["columns"]),
    }
    return meta, b"".join(parts)


# ----------------------------------------------------------------------------------- lookup
def grid_point(meta: dict, blob: bytes, exercise: str, body: str, index: Sequence[int]) -> dict[str, float]:
    """Decode one grid point the way the page does: {column: value} (NaN where none).

    ``index`` gives the position on each axis (depth, knee travel, bar, stance, load).

    >>> meta, blob = explorer_data("coarse", lifter_body("178 cm", "80 kg"))
    >>> p = grid_point(meta, blob, "squat", "lifter", (1, 0, 0, 0, 1))
    >>> p["reason"], round(p["m_knee"]) > 0
    (0.0, True)
    """
    ex = next(e for e in meta["exercises"] if e["id"] == exercise)
    shape = [len(a["values"]) for a in ex["axes"]]
    idx = int(np.ravel_multi_index(tuple(index), shape))
    blk = next(b for b in meta["blocks"] if b["exercise"] == exercise and b["body"] == body)
    arr = np.frombuffer(blob, dtype="<i2")
    out = {}
    for name, col in blk["columns"].items():
        if "c" in col:
            out[name] = np.nan if col["c"] is None else col["c"]
        else:
            q = int(arr[col["o"] + idx])
            out[name] = np.nan if q == _NAN16 else q * col["s"]
    return out


def library_point(meta: dict, exercise: str, body: Body, index: Sequence[int]):
    """The library's own result for one grid point (a scalar call): ``(result, kwargs)``.

    Raises :class:`~biomech.errors.InfeasiblePoseError` where the point cannot exist, as
    any single exercise call does.

    >>> meta, blob = explorer_data("coarse", lifter_body("178 cm", "80 kg"))
    >>> res, kw = library_point(meta, "squat", lifter_body("178 cm", "80 kg")[0][2], (1, 0, 0, 0, 1))
    >>> abs(float(res.knee.magnitude) - grid_point(meta, blob, "squat", "lifter", (1, 0, 0, 0, 1))["m_knee"]) < 0.05
    True
    """
    ex = next(e for e in meta["exercises"] if e["id"] == exercise)
    v = [ax["values"][i] for ax, i in zip(ex["axes"], index)]
    fn, kw = _call_kwargs(exercise, v[0], v[1], v[2], v[3], v[4])
    return fn(body, **kw), kw


# ----------------------------------------------------------------------------------- page
def explorer_html(meta: dict, blob: bytes, *, command: str = "biomech explore") -> str:
    """The self-contained page for packed data (see :func:`explorer_data`), as text.

    The int16 blob is gzip-compressed and base64-encoded into the page; ``meta`` goes in as JSON.

    >>> meta, blob = explorer_data("coarse", lifter_body("178 cm", "80 kg"))
    >>> page = explorer_html(meta, blob)
    >>> page.startswith("<!DOCTYPE html>") and "http://" not in page.replace("http://www.w3.org", "")
    True
    """
    payload = base64.b64encode(gzip.compress(blob, compresslevel=9, mtime=0)).decode("ascii")
    meta = dict(meta, command=command)
    meta_json = json.dumps(meta, separators=(",", ":"), allow_nan=False).replace("</", "<\\/")
    grid_text = (f"This page holds {meta['points']:,} grid points (grid {meta['grid']!r}, "
                 f"{len(meta['bodies'])} bodies). {grid_description(meta)} "
                 "The sliders snap to these values; nothing is interpolated.")
    band_text = (f"5th to 95th percentile over {BAND_SAMPLES} techniques drawn per grid point from the measured "
                 f"spread (biomech.exercises.technique, seed {BAND_SEED})." if meta.get("band")
                 else "none on this page (no band provider).")
    return (_PAGE.replace("__TITLE__", "biomech explorer: where the load goes")
            .replace("__GRIDTEXT__", html.escape(grid_text))
            .replace("__BANDTEXT__", html.escape(band_text))
            .replace("__VERSION__", html.escape(str(meta["version"])))
            .replace("__COMMAND__", html.escape(command))
            .replace("__CSS__", _CSS).replace("__JS__", _JS)
            .replace("__META__", meta_json).replace("__DATA__", payload))


def grid_description(meta: dict) -> str:
    """The grid in words, per exercise: each slider's range and step (or its choices).

    >>> meta, _ = explorer_data("coarse", lifter_body("178 cm", "80 kg"))
    >>> grid_description(meta).split(",")[0]
    'Squat: depth 60 to 120 deg in steps of 30'
    """
    parts = []
    for e in meta["exercises"]:
        axes = []
        for a in e["axes"]:
            if a["label"] is None:
                continue
            name = _SHORT[a["key"]].get(e["id"], _SHORT[a["key"]]["*"])
            vals = a["values"]
            if isinstance(vals[0], str):
                axes.append(f"{name} {' / '.join(a['labels'])}")
                continue
            steps = np.diff(np.asarray(vals, dtype=float))
            if len(vals) == 1:
                axes.append(f"{name} {vals[0]:g} {a['unit']}")
            elif np.allclose(steps, steps[0]):
                axes.append(f"{name} {vals[0]:g} to {vals[-1]:g} {a['unit']} in steps of {steps[0]:g}")
            else:
                axes.append(f"{name} {', '.join(f'{v:g}' for v in vals)} {a['unit']}")
        parts.append(f"{e['label']}: " + ", ".join(axes))
    return "; ".join(parts) + "."


_SHORT = {"depth": {"*": "depth", "romanian_deadlift": "bar height"},
          "knee_travel": {"*": "knee travel", "romanian_deadlift": "knee bend"},
          "bar": {"*": "bar position", "lunge": "load held"},
          "stance": {"*": "stance width", "lunge": "step length"},
          "load": {"*": "load"}}


@dataclass(frozen=True)
class ExplorerBuild:
    """What :func:`build_explorer` wrote: the page, its size (bytes), the build time (s)
    and the number of grid points."""

    path: Path
    bytes: int
    seconds: float
    points: int
    grid: str

    def __str__(self) -> str:
        return (f"wrote {self.path} ({self.bytes / 1e6:.2f} MB, {self.points:,} grid points, grid "
                f"{self.grid!r}, built in {self.seconds:.1f} s)")


def build_explorer(out: Any, *, grid: str | None = None, height: Any = None, mass: Any = None,
                   sex: str | None = None, bodies: Sequence[tuple[str, str, Body]] | None = None,
                   command: str | None = None) -> ExplorerBuild:
    """Evaluate the grid and write the explorer page.

    Parameters
    ----------
    out : str or Path
        The HTML file to write (replaced atomically).
    grid : {"default", "fine", "coarse"}, optional
        Default "default" for the preset bodies, "fine" for one lifter.
    height, mass : Quantity or str, optional
        Give both for a page for one lifter (de Leva 1996 segments); otherwise the preset
        bodies (:func:`preset_bodies`).
    sex : {"male", "female"}, optional
        The lifter's segment table (default male).
    bodies : sequence of (id, label, Body), optional
        Your own bodies instead.
    command : str, optional
        The command line to state on the page.

    Returns
    -------
    ExplorerBuild

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> b = build_explorer(os.path.join(d, "x.html"), grid="coarse", height="165 cm", mass="60 kg", sex="female")
    >>> b.points, b.bytes < 200_000
    (100, True)
    """
    t0 = time.perf_counter()
    if (height is None) != (mass is None):
        raise InputValueError("give both height and mass for one lifter's page (or neither for the preset bodies).")
    if sex is not None and height is None:
        raise InputValueError(f"sex={sex!r} needs height and mass too (one lifter's page).")
    if height is not None:
        if bodies is not None:
            raise InputValueError("give either bodies or height/mass, not both.")
        bodies = lifter_body(height, mass, sex or "male")
        grid = grid or "fine"
    grid = grid or "default"
    path = Path(out)
    if path.is_dir():
        raise InputValueError(f"out={str(out)!r} is a folder; expected an HTML file name.")
    if not path.parent.exists():
        raise InputValueError(f"out={str(out)!r}: the folder {str(path.parent)!r} does not exist.")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)   # NaN-masked infeasible points are expected
        meta, blob = explorer_data(grid, bodies)
    page = explorer_html(meta, blob, command=command or "biomech explore").encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=str(path.parent), prefix=".explorer-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(page)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return ExplorerBuild(path, len(page), time.perf_counter() - t0, meta["points"], grid)


# ----------------------------------------------------------------------------------- command line
def add_explore_arguments(p) -> None:
    """Add the ``biomech explore`` options to the argparse parser ``p``.

    >>> import argparse
    >>> p = argparse.ArgumentParser()
    >>> add_explore_arguments(p)
    >>> p.parse_args(["--out", "x.html", "--height", "165cm", "--mass", "60kg"]).height
    '165cm'
    """
    p.add_argument("--out", required=True, metavar="FILE", help="the HTML page to write, e.g. explorer.html")
    p.add_argument("--grid", choices=tuple(GRIDS), default=None,
                   help="grid density: default (preset bodies, ~48k points), fine (one lifter's default, "
                        "~30k points per body), coarse (tests)")
    p.add_argument("--height", default=None, help="one lifter's standing height, e.g. 165cm or 5ft5in")
    p.add_argument("--mass", default=None, help="one lifter's body mass, e.g. 60kg")
    p.add_argument("--sex", choices=("male", "female"), default=None,
                   help="one lifter's segment table (de Leva 1996; default male)")


def run_explore(args) -> int:
    """Run ``biomech explore`` from parsed arguments (see :func:`add_explore_arguments`); prints
    what it wrote (the page's size, grid points and build time) and returns the exit status 0.

    >>> import argparse, os, tempfile
    >>> p = argparse.ArgumentParser()
    >>> add_explore_arguments(p)
    >>> out = os.path.join(tempfile.mkdtemp(), "e.html")
    >>> run_explore(p.parse_args(["--out", out, "--grid", "coarse", "--height", "170cm", "--mass", "70kg"]))
    wrote ... grid 'coarse', built in ... s)
    0
    """
    import sys

    argv = ["biomech", "explore", "--out", str(args.out)]
    for flag in ("grid", "height", "mass", "sex"):
        if getattr(args, flag, None) is not None:
            argv += [f"--{flag}", str(getattr(args, flag))]
    height = getattr(args, "height", None)
    mass = getattr(args, "mass", None)
    build = build_explorer(args.out, grid=args.grid, height=None if height is None else _glued(height),
                           mass=None if mass is None else _glued(mass), sex=args.sex, command=" ".join(argv))
    print(build, file=sys.stdout)
    return 0


def _glued(text: str) -> str:
    """'165cm' -> '165 cm' (the command line's glued units), '5ft5in' kept for the parser."""
    import re

    t = str(text).strip()
    m = re.fullmatch(r"([-+]?\d+(?:\.\d+)?)\s*([A-Za-z]+)", t)
    return f"{m.group(1)} {m.group(2)}" if m else t


# ----------------------------------------------------------------------------------- assets
_CSS = r"""
*{box-sizing:border-box}
body{font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:10px 14px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:1.15em;margin:0 0 6px}
.row{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.seg button{font:inherit;padding:6px 10px;border:1px solid #888;background:#fff;border-radius:6px;cursor:pointer}
.seg button[aria-pressed=true]{background:#0072B2;color:#fff;border-color:#0072B2}
select{font:inherit;max-width:100%;padding:4px}
main{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:12px;padding:12px;max-width:1200px;margin:auto}
@media (max-width:760px){main{grid-template-columns:minmax(0,1fr);padding:8px}}
.card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:10px;min-width:0}
#fig{width:100%;height:auto;max-height:62vh;display:block;margin:auto}
.ctl{margin:6px 0 10px}
.ctl label{display:flex;justify-content:space-between;gap:8px;font-size:.92em}
.ctl output{font-weight:600;white-space:nowrap}
.ctl input[type=range]{width:100%;margin:4px 0 0}
.ctl.off{opacity:.45}
.note{font-size:.82em;color:#555}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{padding:3px 4px;text-align:right;border-bottom:1px solid #eee}
th:first-child,td:first-child{text-align:left}
#infeasible{display:none;background:#fff3f3;border:1px solid #E41A1C;color:#8b0000;padding:8px;border-radius:6px;margin:6px 0}
.split{display:flex;height:22px;border-radius:4px;overflow:hidden;margin:6px 0;border:1px solid #ccc}
.split div{height:100%}
.sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:middle}
footer{max-width:1200px;margin:auto;padding:0 12px 16px;font-size:.8em;color:#555;overflow-wrap:anywhere}
code{overflow-wrap:anywhere}
"""

_PAGE = r"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>__TITLE__</title>
<style>__CSS__</style></head>
<body>
<header>
<h1>__TITLE__</h1>
<div class="row">
<div class="seg" id="exercise" role="group" aria-label="exercise"></div>
<select id="body" aria-label="body"></select>
</div>
</header>
<main>
<section class="card">
<div id="infeasible" role="alert"></div>
<svg id="fig" viewBox="0 0 100 100" role="img" aria-label="stick figure"></svg>
<p class="note" id="posenote"></p>
<p class="note">Side view, the lifter facing right. Coloured bars: each joint's moment arm, from the joint
centre to the line of action (dotted) of the external force on the part of the body above it. Dashed red:
the load line through the centre of pressure (red triangle); yellow: the centre of mass of body and load.</p>
</section>
<section class="card">
<div id="controls"></div>
<h2 style="font-size:1em;margin:8px 0 4px">Joint moments <span class="note">(+ = plantarflexor / extensor demand)</span></h2>
<table id="moments"><thead><tr><th>joint</th><th>N·m</th><th>N·m/kg</th><th>arm cm</th><th class="band">band N·m</th></tr></thead><tbody></tbody></table>
<p class="note" id="bandnote"></p>
<h2 style="font-size:1em;margin:10px 0 4px">Quadriceps / gluteus maximus</h2>
<div id="muscles"></div>
</section>
</main>
<footer>
<p id="grid">__GRIDTEXT__</p>
<p>Every number on this page was computed in Python by biomech __VERSION__ (<code>__COMMAND__</code>):
static, sagittal-plane model; bodies from de Leva (1996) segment tables; the balanced pose puts the centre of pressure
at each exercise's default point (the squat's typical one, moving from the quiet-standing line of gravity to 49 % of
the foot at parallel; the Romanian deadlift's typical point, 29.9 % of the foot from the heel); muscle forces by static optimisation (<code>biomech.muscle_demand</code>, sum of squared activations,
the 40 muscles per leg of the Rajagopal-Lai-Uhlrich 2023 model, moment arms scaled to the body). The band: __BANDTEXT__ The page only looks the numbers up and draws
them. Leg joints are per leg, the lumbar (L5/S1) moment is the whole body's; per kg means per kg of body mass.</p>
</footer>
<script id="meta" type="application/json">__META__</script>
<script id="data" type="application/octet-stream">__DATA__</script>
<script>__JS__</script>
</body></html>
"""

_JS = r"""
(function () {
'use strict';
var META = JSON.parse(document.getElementById('meta').textContent);
var COLORS = {ankle: '#009E73', knee: '#0072B2', hip: '#D55E00', lumbar: '#CC79A7'};
var JOINTS = ['ankle', 'knee', 'hip', 'lumbar'];
var NAN16 = -32768;
var DATA = null;
var state = {exercise: META.exercises[0].id, body: META.bodies[0].id, idx: {}};
var SVGNS = 'http://www.w3.org/2000/svg';

function exercise() { for (var i = 0; i < META.exercises.length; i++) if (META.exercises[i].id === state.exercise) return META.exercises[i]; }
function bodyMeta() { for (var i = 0; i < META.bodies.length; i++) if (META.bodies[i].id === state.body) return META.bodies[i]; }
function block() {
  for (var i = 0; i < META.blocks.length; i++) { var b = META.blocks[i]; if (b.exercise === state.exercise && b.body === state.body) return b; }
}
function flatIndex() {
  var ex = exercise(), k = 0;
  for (var a = 0; a < ex.axes.length; a++) k = k * ex.axes[a].values.length + state.idx[ex.axes[a].key];
  return k;
}
function value(blk, name, k) {
  var c = blk.columns[name];
  if (!c) return NaN;
  if ('c' in c) return c.c === null ? NaN : c.c;
  var q = DATA[c.o + k];
  return q === NAN16 ? NaN : q * c.s;
}
function fmt(v, d) { return isFinite(v) ? (Math.abs(v) < 0.5 * Math.pow(10, -d) ? (0).toFixed(d) : v.toFixed(d)) : '—'; }
function el(tag, attrs, parent) {
  var e = document.createElementNS(SVGNS, tag);
  for (var k in attrs) e.setAttribute(k, attrs[k]);
  if (parent) parent.appendChild(e);
  return e;
}

function buildControls() {
  var ex = exercise(), box = document.getElementById('controls');
  box.innerHTML = '';
  ex.axes.forEach(function (ax) {
    var div = document.createElement('div');
    div.className = 'ctl' + (ax.label === null ? ' off' : '');
    var id = 'sl-' + ax.key;
    var lab = document.createElement('label');
    lab.setAttribute('for', id);
    var span = document.createElement('span');
    span.textContent = ax.label === null ? {bar: 'bar position', stance: 'stance', depth: 'depth', knee_travel: 'knee travel', load: 'load'}[ax.key] +
      ' (not a parameter of the ' + ex.label.toLowerCase().replace('romanian', 'Romanian') + ')' : ax.label;
    var out = document.createElement('output');
    out.id = 'out-' + ax.key;
    lab.appendChild(span); lab.appendChild(out);
    var inp = document.createElement('input');
    inp.type = 'range'; inp.id = id; inp.min = 0; inp.max = ax.values.length - 1; inp.step = 1;
    inp.value = state.idx[ax.key];
    inp.disabled = ax.label === null || ax.values.length < 2;
    inp.setAttribute('aria-label', ax.label || ax.key);
    inp.addEventListener('input', function () { state.idx[ax.key] = +inp.value; render(); });
    div.appendChild(lab); div.appendChild(inp);
    box.appendChild(div);
  });
}

function nearest(ax, want) {
  var best = 0, d = Infinity;
  ax.values.forEach(function (v, j) { if (typeof v === 'number' && Math.abs(v - want) < d) { d = Math.abs(v - want); best = j; } });
  return best;
}
function snapIndices(prev, prevEx) {
  // keep a slider's value when the new exercise reads it in the same unit; otherwise its start value
  var ex = exercise();
  ex.axes.forEach(function (ax, a) {
    var start = ex.start[ax.key];
    var best = ax.key === 'bar' || start === undefined ? 0 : nearest(ax, start);
    var same = prevEx && prevEx.axes[a].short === ax.short && prevEx.axes[a].unit === ax.unit && prevEx.axes[a].label !== null;
    var want = prev && same ? prev[ax.key] : undefined;
    if (want !== undefined && want !== null) {
      var i = ax.values.indexOf(want);
      if (i >= 0) best = i;
      else if (typeof want === 'number') best = nearest(ax, want);
    }
    state.idx[ax.key] = best;
  });
}
function currentValues() {
  var ex = exercise(), o = {};
  ex.axes.forEach(function (ax) { o[ax.key] = ax.values[state.idx[ax.key]]; });
  return o;
}

function pt(blk, k, n) { return [value(blk, n + '_x', k), value(blk, n + '_y', k)]; }

function draw(blk, k, ok) {
  var svg = document.getElementById('fig');
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  var e = blk.extent, W = e[1] - e[0], H = e[3] - e[2];
  svg.setAttribute('viewBox', [e[0], -e[3], W, H].join(' '));
  var g = el('g', {}, svg);
  var s = H / 100;  // stroke unit
  el('rect', {x: e[0], y: 0, width: W, height: -e[2], fill: '#eee'}, g);
  el('line', {x1: e[0], y1: 0, x2: e[1], y2: 0, stroke: '#555', 'stroke-width': 0.25 * s}, g);
  if (!ok) { svg.setAttribute('data-drawn', 'none'); return; }
  function P(n) { var p = pt(blk, k, n); return [p[0], -p[1]]; }
  function line(a, b, attrs) { return el('line', Object.assign({x1: a[0], y1: a[1], x2: b[0], y2: b[1], 'stroke-linecap': 'round'}, attrs), g); }
  var split = state.exercise === 'lunge';
  var legs = split ? ['rear_', ''] : [''];
  legs.forEach(function (pre) {
    var op = pre ? 0.5 : 1;
    // the rear foot stands on its ball: its rigid toe would dip below the floor, so it is drawn to the ball
    var foot = pre ? [P(pre + 'heel'), P(pre + 'ankle'), P(pre + 'ball')] : [P(pre + 'heel'), P(pre + 'ankle'), P(pre + 'ball'), P(pre + 'toe'), P(pre + 'ball')];
    el('polygon', {points: foot.map(function (p) { return p.join(','); }).join(' '), fill: '#ddd', stroke: '#333', 'stroke-width': 0.35 * s, opacity: op}, g);
    el('polyline', {points: [P(pre + 'ankle'), P(pre + 'knee'), P('hip')].map(function (p) { return p.join(','); }).join(' '),
      fill: 'none', stroke: '#333', 'stroke-width': 0.9 * s, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', opacity: op, id: pre + 'leg'}, g);
  });
  var hip = P('hip'), sh = P('shoulder');
  line(hip, sh, {stroke: '#333', 'stroke-width': 1.6 * s, id: 'trunk'});
  line(sh, P('grip'), {stroke: '#333', 'stroke-width': 0.7 * s, id: 'arms'});
  var dx = sh[0] - hip[0], dy = sh[1] - hip[1], L = Math.sqrt(dx * dx + dy * dy), r = 0.14 * L;
  el('circle', {cx: sh[0] + dx / L * (0.06 * L + r), cy: sh[1] + dy / L * (0.06 * L + r), r: r, fill: '#fff', stroke: '#333', 'stroke-width': 0.4 * s}, g);
  ['ankle', 'knee', 'hip', 'lumbar', 'shoulder'].concat(split ? ['rear_knee', 'rear_ankle'] : []).forEach(function (n) {
    var p = P(n);
    el('circle', {cx: p[0], cy: p[1], r: 0.7 * s, fill: '#fff', stroke: '#333', 'stroke-width': 0.3 * s, id: 'j-' + n}, g);
  });
  var lx = value(blk, 'load_x', k), ly = value(blk, 'load_y', k), load = currentValues().load;
  if (isFinite(lx) && load > 0) {
    var rr = 0.04 + 0.06 * Math.min(1, Math.sqrt(load / 200));
    el('circle', {cx: lx, cy: -ly, r: rr, fill: 'rgba(90,90,90,0.18)', stroke: '#555', 'stroke-width': 0.3 * s, id: 'load'}, g);
    el('circle', {cx: lx, cy: -ly, r: 0.5 * s, fill: '#555', id: 'load-centre'}, g);
  }
  var cop = value(blk, 'cop_x', k);
  line([cop, 0], [cop, e[2] - e[3]], {stroke: '#E41A1C', 'stroke-width': 0.3 * s, 'stroke-dasharray': (2 * s) + ' ' + s});
  el('polygon', {points: [cop, 0, cop - 1.2 * s, 2 * s, cop + 1.2 * s, 2 * s].join(' '), fill: '#E41A1C', stroke: '#000', 'stroke-width': 0.15 * s, id: 'cop'}, g);
  var com = P('com');
  el('circle', {cx: com[0], cy: com[1], r: 1.0 * s, fill: '#FFD700', stroke: '#000', 'stroke-width': 0.25 * s, id: 'com'}, g);
  JOINTS.forEach(function (j) {
    var J = P(j), x = value(blk, 'loa_' + j, k);
    if (!isFinite(x)) return;
    line([x, J[1] - 9 * s], [x, J[1] + 9 * s], {stroke: COLORS[j], 'stroke-width': 0.3 * s, 'stroke-dasharray': (0.4 * s) + ' ' + (0.8 * s)});
    line(J, [x, J[1]], {stroke: COLORS[j], 'stroke-width': 0.9 * s, id: 'arm-' + j, 'stroke-linecap': 'butt'});
    var t = el('text', {x: 0.5 * (J[0] + x), y: J[1] + (j === 'knee' ? 3.4 * s : -1.1 * s), 'font-size': 3.0 * s, fill: COLORS[j], 'text-anchor': 'middle',
      stroke: '#fff', 'stroke-width': 0.5 * s, 'paint-order': 'stroke'}, g);
    t.textContent = j + ' ' + fmt(Math.abs(value(blk, 'arm_' + j, k)) * 100, 1) + ' cm';
  });
  svg.setAttribute('data-drawn', 'pose');
}

function render() {
  var ex = exercise(), blk = block(), k = flatIndex(), bm = bodyMeta();
  ex.axes.forEach(function (ax) {
    var o = document.getElementById('out-' + ax.key), inp = document.getElementById('sl-' + ax.key);
    if (inp) inp.value = state.idx[ax.key];
    if (!o) return;
    var v = ax.values[state.idx[ax.key]], lab = ax.labels[state.idx[ax.key]];
    o.textContent = ax.label === null ? '' : (typeof v === 'number' ? lab + ' ' + ax.unit : lab);
  });
  var code = value(blk, 'reason', k), ok = code === 0;
  var inf = document.getElementById('infeasible');
  if (!ok) {
    var r = META.reasons[code - 1] || {code: 'unknown', text: 'unknown'};
    inf.style.display = 'block';
    inf.textContent = 'This grid point cannot exist: ' + r.text + ' (reason "' + r.code + '"). No numbers are shown for it.';
    inf.setAttribute('data-reason', r.code);
  } else { inf.style.display = 'none'; inf.textContent = ''; inf.removeAttribute('data-reason'); }
  draw(blk, k, ok);
  document.getElementById('posenote').textContent = ok ? 'Trunk lean ' + fmt(value(blk, 'trunk', k), 1) +
    ' deg from vertical (solved so that the lifter balances).' : '';
  var tb = document.querySelector('#moments tbody');
  tb.innerHTML = '';
  var band = META.band;
  var rows = [];
  JOINTS.forEach(function (j) { rows.push([j, 'm_' + j, 'arm_' + j, j === 'lumbar' ? 'lumbar (L5/S1, whole body)' : (state.exercise === 'lunge' ? 'front ' + j : j)]); });
  if (state.exercise === 'lunge') ['ankle', 'knee', 'hip'].forEach(function (j) { rows.push([j, 'm_rear_' + j, null, 'rear ' + j]); });
  rows.forEach(function (row) {
    var tr = document.createElement('tr');
    var m = ok ? value(blk, row[1], k) : NaN, arm = ok && row[2] ? value(blk, row[2], k) : NaN;
    var lo = ok ? value(blk, 'lo_' + row[1].slice(2), k) : NaN, hi = ok ? value(blk, 'hi_' + row[1].slice(2), k) : NaN;
    tr.setAttribute('data-col', row[1]);
    tr.setAttribute('data-moment', isFinite(m) ? m : 'nan');
    tr.setAttribute('data-perkg', isFinite(m) ? m / bm.mass : 'nan');
    tr.setAttribute('data-arm', isFinite(arm) ? arm : 'nan');
    var cells = ['<span class="sw" style="background:' + COLORS[row[0]] + (row[2] ? '' : ';opacity:.5') + '"></span>' + row[3],
      fmt(m, 1), fmt(m / bm.mass, 2), row[2] ? fmt(Math.abs(arm) * 100, 1) : '', isFinite(lo) ? fmt(lo, 0) + '–' + fmt(hi, 0) : '—'];
    tr.innerHTML = cells.map(function (c) { return '<td>' + c + '</td>'; }).join('');
    tb.appendChild(tr);
  });
  document.querySelectorAll('.band').forEach(function (x) { x.style.display = band ? '' : 'none'; });
  Array.prototype.forEach.call(tb.querySelectorAll('tr'), function (tr) { tr.lastChild.style.display = band ? '' : 'none'; });
  document.getElementById('bandnote').textContent = band ? 'Band: 5th to 95th percentile of each joint moment over techniques drawn from the measured spread (what no slider sets, such as where the pressure sits on the foot; the sliders hold their own values).' :
    'No technique band: this library version computes one technique per grid point, so no band is drawn.';
  var mu = document.getElementById('muscles');
  mu.innerHTML = '';
  mu.setAttribute('data-state', ok ? 'shown' : 'infeasible');
  if (!ok) { mu.textContent = 'No muscle forces for a pose that cannot exist.'; }
  else {
    (state.exercise === 'lunge' ? ['', 'rear_'] : ['']).forEach(function (pre) {
      var q = value(blk, pre + 'quad', k), gl = value(blk, pre + 'glute', k), hm = value(blk, pre + 'ham', k);
      var tot = q + gl, bw = bm.mass * 9.80665;
      var d = document.createElement('div');
      d.setAttribute('data-leg', pre || 'front');
      d.setAttribute('data-quad', q); d.setAttribute('data-glute', gl);
      var qs = tot > 0 ? 100 * q / tot : NaN;
      var head = (state.exercise === 'lunge' ? (pre ? 'Rear leg' : 'Front leg') : 'Each leg');
      d.innerHTML = '<div class="note">' + head + ': quadriceps ' + fmt(q, 0) + ' N (' + fmt(q / bw, 2) + ' × body weight), gluteus maximus ' +
        fmt(gl, 0) + ' N (' + fmt(gl / bw, 2) + ' × BW); hamstrings ' + fmt(hm, 0) + ' N.</div>' +
        '<div class="split" title="quadriceps share of quadriceps + gluteus maximus force">' +
        '<div style="width:' + (isFinite(qs) ? qs : 0) + '%;background:#0072B2"></div><div style="width:' + (isFinite(qs) ? 100 - qs : 0) + '%;background:#D55E00"></div></div>' +
        '<div class="note"><span class="sw" style="background:#0072B2"></span>quadriceps ' + fmt(qs, 0) + ' % · <span class="sw" style="background:#D55E00"></span>gluteus maximus ' + fmt(100 - qs, 0) + ' %</div>';
      var un = value(blk, pre + 'unmet', k);
      if (un > 0) {
        var names = ['ankle', 'knee', 'hip'].filter(function (j, i) { return (un >> i) & 1; });
        d.innerHTML += '<div class="note" style="color:#8b0000">The model\'s muscles cannot hold the ' + names.join(' and ') + ' moment at this load (activation above full).</div>';
      }
      mu.appendChild(d);
    });
  }
  document.body.setAttribute('data-state', ok ? 'ok' : 'infeasible');
  document.body.setAttribute('data-index', k);
}

function setExercise(id, fresh) {
  var prev = fresh ? null : currentValues(), prevEx = fresh ? null : exercise();
  state.exercise = id;
  snapIndices(prev, prevEx);
  document.querySelectorAll('#exercise button').forEach(function (b) { b.setAttribute('aria-pressed', b.getAttribute('data-id') === id ? 'true' : 'false'); });
  buildControls();
  render();
}

function init(buf) {
  DATA = new Int16Array(buf);
  var seg = document.getElementById('exercise');
  META.exercises.forEach(function (ex) {
    var b = document.createElement('button');
    b.type = 'button'; b.textContent = ex.label; b.setAttribute('data-id', ex.id);
    b.addEventListener('click', function () { setExercise(ex.id); });
    seg.appendChild(b);
  });
  var sel = document.getElementById('body');
  META.bodies.forEach(function (b) { var o = document.createElement('option'); o.value = b.id; o.textContent = b.label; sel.appendChild(o); });
  sel.addEventListener('change', function () { state.body = sel.value; render(); });
  setExercise(state.exercise, true);
  window.explorer = {meta: META, state: state, render: render, setExercise: setExercise, values: currentValues,
    value: function (name) { return value(block(), name, flatIndex()); }};
  document.body.setAttribute('data-ready', '1');
}

function fail(msg) {
  document.body.setAttribute('data-ready', 'error');
  document.getElementById('controls').textContent = msg;
}

try {
  var b64 = document.getElementById('data').textContent.trim();
  var bin = atob(b64), bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  if (typeof DecompressionStream === 'undefined') { fail('This browser cannot unpack the page\'s data (no DecompressionStream); use a current browser.'); }
  else {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    new Response(stream).arrayBuffer().then(init, function (e) { fail('The page\'s data could not be unpacked: ' + e); });
  }
} catch (e) { fail('The page could not start: ' + e); }
})();
"""
