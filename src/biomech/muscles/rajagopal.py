"""Moment arms and muscle-tendon lengths of the Rajagopal-Lai-Uhlrich (2023) model.

The numbers come from committed tables (``biomech/data/rajagopal/rajagopal2023.npz`` and
``.json``) written by ``scripts/tabulate_rajagopal.py``, which runs OpenSim over the model's
own coordinate ranges; OpenSim is not needed here. The model (Rajagopal et al. 2016, IEEE
Trans Biomed Eng 63:2068; with the high-flexion knee and hip paths of Lai et al. 2017, Ann
Biomed Eng 45:2762, and the hip-abductor paths and passive curves of Uhlrich et al. 2022,
Sci Rep 12:9842) has 40 muscles per leg. Every one is kept: the hip abductors and rotators
matter once the frontal and transverse hip moments are held (see
:mod:`~biomech.muscles.rajagopal_demand`).

Angles (all functions here take arrays, degrees, library convention):

* ``hip``: hip flexion between the thigh and the **pelvis** (0 = standing, + flexion);
* ``knee``: knee flexion (0 = straight, + flexion);
* ``ankle``: ankle dorsiflexion (0 = standing, + dorsiflexion).

These are also the model's own coordinates (``hip_flexion_r``, ``knee_angle_r``,
``ankle_angle_r``), with the other coordinates (hip adduction and rotation, subtalar, mtp) at 0.

Signs of the returned moment arms (m), rows :data:`ARM_ROWS`: ankle, knee and hip as the
library's moments (+ plantarflexor, + knee extensor, + hip extensor: minus OpenSim's arm);
hip adduction and hip rotation as OpenSim's (+ adductor, + internal rotator).

Interpolation: Keys' cubic convolution (C1, through every node) on the 5 deg grid, in one or
two angles (two-joint muscles); its error against OpenSim halfway between the nodes is
measured by :func:`interpolation_error` (stated in ``docs/muscles.md``).

Beyond the model's ranges (hip flexion past 120 deg happens in deep squats; knee flexion
past 140 deg; ankle past +-50 deg) the tables are extended linearly with the slope over the
last 10 deg of the range, for at most :data:`EXTRAPOLATION_LIMIT_DEG` beyond (held there);
a moment arm extended this way stops at zero rather than change sign (a flexor does not turn
into an extensor by extrapolation). Every such pose is flagged (``beyond`` in :meth:`RajagopalTables.evaluate`). The hip's
extension is compared with OpenSim's own geometry beyond its range (clamping off) in the
tests.

Examples
--------
>>> t = tables()
>>> len(t.keys)
40
>>> r, L, beyond = t.evaluate(hip=[90.0], knee=[90.0], ankle=[0.0])
>>> r.shape, bool(beyond.any())
((1, 5, 40), False)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from ..errors import InputValueError

__all__ = ["tables", "RajagopalTables", "ARM_ROWS", "KEYS", "NAMES", "GROUPS", "MODEL_NAMES",
           "EXTRAPOLATION_LIMIT_DEG", "EXTRAPOLATION_SLOPE_SPAN_DEG", "DISPLAY_GROUPS", "interpolation_error",
           "force_length_multiplier", "THELEN2003_WIDTH", "WRAP_JUMP_M"]

#: Rows of the moment-arm array: the three sagittal moments of the library, then the hip's
#: frontal and transverse moments.
ARM_ROWS = ("ankle", "knee", "hip", "hip_adduction", "hip_rotation")
_OSIM_COORD = {"ankle": "ankle_angle", "knee": "knee_angle", "hip": "hip_flexion",
               "hip_adduction": "hip_adduction", "hip_rotation": "hip_rotation"}
_SIGN = {"ankle": -1.0, "knee": -1.0, "hip": -1.0, "hip_adduction": 1.0, "hip_rotation": 1.0}

#: model name -> (library key, the name a coach reads)
MODEL_NAMES = {
    "vasmed": ("vastus_medialis", "vastus medialis"),
    "vaslat": ("vastus_lateralis", "vastus lateralis"),
    "vasint": ("vastus_intermedius", "vastus intermedius"),
    "recfem": ("rectus_femoris", "rectus femoris"),
    "glmax1": ("gluteus_maximus_superior", "gluteus maximus (upper)"),
    "glmax2": ("gluteus_maximus_middle", "gluteus maximus (middle)"),
    "glmax3": ("gluteus_maximus_inferior", "gluteus maximus (lower)"),
    "glmed1": ("gluteus_medius_anterior", "gluteus medius (front)"),
    "glmed2": ("gluteus_medius_middle", "gluteus medius (middle)"),
    "glmed3": ("gluteus_medius_posterior", "gluteus medius (back)"),
    "glmin1": ("gluteus_minimus_anterior", "gluteus minimus (front)"),
    "glmin2": ("gluteus_minimus_middle", "gluteus minimus (middle)"),
    "glmin3": ("gluteus_minimus_posterior", "gluteus minimus (back)"),
    "piri": ("piriformis", "piriformis"),
    "bflh": ("biceps_femoris_long_head", "biceps femoris long head"),
    "bfsh": ("biceps_femoris_short_head", "biceps femoris short head"),
    "semimem": ("semimembranosus", "semimembranosus"),
    "semiten": ("semitendinosus", "semitendinosus"),
    "addmagProx": ("adductor_magnus_proximal", "adductor magnus (upper)"),
    "addmagMid": ("adductor_magnus_middle", "adductor magnus (middle)"),
    "addmagDist": ("adductor_magnus_distal", "adductor magnus (lower)"),
    "addmagIsch": ("adductor_magnus_ischial", "adductor magnus (hamstring part)"),
    "addlong": ("adductor_longus", "adductor longus"),
    "addbrev": ("adductor_brevis", "adductor brevis"),
    "grac": ("gracilis", "gracilis"),
    "iliacus": ("iliacus", "iliacus"),
    "psoas": ("psoas", "psoas"),
    "sart": ("sartorius", "sartorius"),
    "tfl": ("tensor_fasciae_latae", "tensor fasciae latae"),
    "gasmed": ("gastrocnemius_medial", "gastrocnemius (inner)"),
    "gaslat": ("gastrocnemius_lateral", "gastrocnemius (outer)"),
    "soleus": ("soleus", "soleus"),
    "tibpost": ("tibialis_posterior", "tibialis posterior"),
    "fdl": ("flexor_digitorum_longus", "long toe flexor"),
    "fhl": ("flexor_hallucis_longus", "long big-toe flexor"),
    "perlong": ("peroneus_longus", "peroneus longus"),
    "perbrev": ("peroneus_brevis", "peroneus brevis"),
    "tibant": ("tibialis_anterior", "tibialis anterior"),
    "edl": ("extensor_digitorum_longus", "long toe extensor"),
    "ehl": ("extensor_hallucis_longus", "long big-toe extensor"),
}
#: Library muscle keys in table order.
KEYS = tuple(k for k, _ in MODEL_NAMES.values())
#: key -> name a coach reads (groups included).
NAMES = {k: n for k, n in MODEL_NAMES.values()}

#: Groups the way coaches speak. The biceps femoris short head (which does not cross the
#: hip) is not in ``hamstrings``: it is reported on its own.
GROUPS = {
    "quadriceps": ("vastus_medialis", "vastus_lateralis", "vastus_intermedius", "rectus_femoris"),
    "vasti": ("vastus_medialis", "vastus_lateralis", "vastus_intermedius"),
    "glutes": ("gluteus_maximus_superior", "gluteus_maximus_middle", "gluteus_maximus_inferior"),
    "gluteus_maximus": ("gluteus_maximus_superior", "gluteus_maximus_middle", "gluteus_maximus_inferior"),
    "gluteus_medius_minimus": ("gluteus_medius_anterior", "gluteus_medius_middle", "gluteus_medius_posterior",
                               "gluteus_minimus_anterior", "gluteus_minimus_middle", "gluteus_minimus_posterior"),
    "hamstrings": ("biceps_femoris_long_head", "semimembranosus", "semitendinosus"),
    "adductor_magnus": ("adductor_magnus_proximal", "adductor_magnus_middle", "adductor_magnus_distal",
                        "adductor_magnus_ischial"),
    "adductors": ("adductor_magnus_proximal", "adductor_magnus_middle", "adductor_magnus_distal",
                  "adductor_magnus_ischial", "adductor_longus", "adductor_brevis", "gracilis"),
    "iliopsoas": ("iliacus", "psoas"),
    "hip_flexors": ("iliacus", "psoas", "sartorius", "tensor_fasciae_latae"),
    "gastrocnemius": ("gastrocnemius_medial", "gastrocnemius_lateral"),
    "triceps_surae": ("gastrocnemius_medial", "gastrocnemius_lateral", "soleus"),
    "deep_plantarflexors": ("tibialis_posterior", "flexor_digitorum_longus", "flexor_hallucis_longus"),
    "peronei": ("peroneus_longus", "peroneus_brevis"),
    "dorsiflexors": ("tibialis_anterior", "extensor_digitorum_longus", "extensor_hallucis_longus"),
}
#: Muscles and groups that together hold each of the 40 muscles exactly once, in the order a
#: coach reads them: what a figure of shares draws (the shares of a joint over these sum to 1).
DISPLAY_GROUPS = ("vasti", "rectus_femoris", "glutes", "hamstrings", "biceps_femoris_short_head", "adductors",
                  "gluteus_medius_minimus", "piriformis", "hip_flexors", "gastrocnemius", "soleus",
                  "deep_plantarflexors", "peronei", "dorsiflexors")
NAMES.update({"quadriceps": "quadriceps", "vasti": "vasti", "glutes": "glutes",
              "gluteus_maximus": "gluteus maximus", "gluteus_medius_minimus": "gluteus medius and minimus",
              "hamstrings": "hamstrings", "adductor_magnus": "adductor magnus", "adductors": "adductors",
              "iliopsoas": "iliopsoas", "hip_flexors": "hip flexors", "gastrocnemius": "gastrocnemius",
              "triceps_surae": "calves (triceps surae)", "deep_plantarflexors": "deep plantarflexors",
              "peronei": "peronei", "dorsiflexors": "shin muscles (dorsiflexors)"})

#: Largest distance (deg) beyond a coordinate range the tables are extended; held beyond.
EXTRAPOLATION_LIMIT_DEG = 30.0
#: The slope of the extension is taken over this last part of the range (deg).
EXTRAPOLATION_SLOPE_SPAN_DEG = 10.0

#: Width of the Gaussian active force-length curve (Thelen 2003, J Biomech Eng 125:70-77,
#: gamma = 0.45 for young adults).
THELEN2003_WIDTH = 0.45

_DIMS_ORDER = ("hip", "knee", "ankle")

#: A moment-arm change larger than this (m) within one 5 deg grid step, with a change of
#: sign, at the end of a range marks a path slipping off its wrapping surface.
WRAP_JUMP_M = 0.020


def _keys_weights(t):
    """Keys (1981) cubic convolution (a = -0.5): weights for the four nodes around ``t`` (0..1)."""
    t2, t3 = t * t, t * t * t
    return np.stack([-0.5 * t3 + t2 - 0.5 * t,
                     1.5 * t3 - 2.5 * t2 + 1.0,
                     -1.5 * t3 + 2.0 * t2 + 0.5 * t,
                     0.5 * t3 - 0.5 * t2], axis=-1)


def _pad(table, axis):
    """Extend a table by one node at both ends of ``axis`` (Keys' boundary rule: cubic
    extrapolation through the first / last three nodes)."""
    t = np.moveaxis(table, axis, 0)
    lo = 3 * t[0] - 3 * t[1] + t[2]
    hi = 3 * t[-1] - 3 * t[-2] + t[-3]
    return np.moveaxis(np.concatenate([lo[None], t, hi[None]], axis=0), 0, axis)


class _Grid:
    """Cubic-convolution interpolation on a regular 1-D or 2-D grid of stacked tables."""

    def __init__(self, axes, table):
        self.axes = [np.asarray(a, float) for a in axes]
        self.step = [a[1] - a[0] for a in self.axes]
        t = np.asarray(table, float)
        for ax in range(len(axes)):
            t = _pad(t, ax)
        self.table = t  # shape (n1+2, [n2+2,] Q)

    def _locate(self, x, ax):
        a = self.axes[ax]
        u = (np.clip(x, a[0], a[-1]) - a[0]) / self.step[ax]
        i = np.minimum(np.floor(u).astype(int), len(a) - 2)
        return i, u - i

    def __call__(self, *xs):
        """Values at the points (arrays of equal shape (N,)), clipped into the grid: (N, Q)."""
        if len(xs) == 1:
            i, t = self._locate(xs[0], 0)
            w = _keys_weights(t)                                   # (N, 4)
            idx = i[:, None] + np.arange(4)[None, :]               # padded index = i - 1 + 1
            return np.einsum("nk,nkq->nq", w, self.table[idx])
        i, t = self._locate(xs[0], 0)
        j, s = self._locate(xs[1], 1)
        wi, wj = _keys_weights(t), _keys_weights(s)
        jj = j[:, None] + np.arange(4)[None, :]
        out = np.zeros((i.shape[0], self.table.shape[-1]))
        for a in range(4):  # one row of the 4 x 4 stencil at a time: memory N x 4 x Q
            out += wi[:, a, None] * np.einsum("nb,nbq->nq", wj, self.table[(i + a)[:, None], jj])
        return out


@dataclass(frozen=True)
class _Block:
    dims: tuple          # e.g. ("hip", "knee")
    columns: np.ndarray  # muscle indices (table order) of this block
    rows: np.ndarray     # for each column, the ARM_ROWS index, or -1 for the length
    grid: _Grid
    mid: tuple           # (mid grid axes, mid values (n1-1, [n2-1,] Q)) for the error check


class RajagopalTables:
    """The committed tables, ready to evaluate for many poses at once.

    Attributes
    ----------
    keys : tuple of str
        Library muscle keys (:data:`KEYS`).
    joints : dict
        key -> tuple of the sagittal joints the muscle crosses.
    max_isometric_force, optimal_fiber_length, tendon_slack_length, pennation : ndarray
        Per muscle (N, m, m, rad), the model's values.
    body : dict
        ``thigh_m``, ``shank_m`` (joint centre to joint centre) and ``mass_kg`` of the model.
    meta : dict
        Everything in the JSON file (sha256 of the model file, OpenSim version, sources).
    """

    def __init__(self, npz, meta):
        self.meta = meta
        names = list(MODEL_NAMES)
        if set(names) != set(meta["muscles"]):
            raise InputValueError("the Rajagopal tables do not hold the expected 40 muscles; "
                                  "regenerate them with scripts/tabulate_rajagopal.py.")
        self.keys = KEYS
        mm = meta["muscles"]
        self.joints = {MODEL_NAMES[n][0]: tuple(mm[n]["joints"]) for n in names}
        self.max_isometric_force = np.array([mm[n]["max_isometric_force_N"] for n in names])
        self.optimal_fiber_length = np.array([mm[n]["optimal_fiber_length_m"] for n in names])
        self.tendon_slack_length = np.array([mm[n]["tendon_slack_length_m"] for n in names])
        self.pennation = np.array([mm[n]["pennation_at_optimal_rad"] for n in names])
        self.body = dict(meta["body"])
        self.ranges = {j: (float(npz[f"grid.{j}"][0]), float(npz[f"grid.{j}"][-1])) for j in _DIMS_ORDER}
        self.blocks = []
        self.repaired = []
        by_dims = {}
        for k, n in enumerate(names):
            by_dims.setdefault(tuple(mm[n]["joints"]), []).append((k, n))
        for dims, members in by_dims.items():
            cols, rows, tabs, mids = [], [], [], []
            for k, n in members:
                qty = [("length", -1)] + [(f"arm.{_OSIM_COORD[r]}", i) for i, r in enumerate(ARM_ROWS)
                                          if f"{n}.arm.{_OSIM_COORD[r]}" in npz]
                for name, row in qty:
                    sign = 1.0 if row < 0 else _SIGN[ARM_ROWS[row]]
                    cols.append(k)
                    rows.append(row)
                    tab = sign * np.asarray(npz[f"{n}.{name}"], float)
                    if row >= 0:
                        tab = self._repair(MODEL_NAMES[n][0], ARM_ROWS[row], dims, tab)
                    tabs.append(tab)
                    mids.append(sign * npz[f"{n}.mid.{name}"] if f"{n}.mid.{name}" in npz else None)
            axes = [npz[f"grid.{d}"] for d in dims]
            grid = _Grid(axes, np.stack(tabs, axis=-1))
            mid = None
            if all(m is not None for m in mids):
                mid = ([npz[f"mid.{d}"] for d in dims], np.stack(mids, axis=-1))
            self.blocks.append(_Block(dims, np.array(cols), np.array(rows), grid, mid))
        qd = {}
        for n in ("vasmed", "vaslat", "vasint", "recfem"):
            qd[MODEL_NAMES[n][0]] = (np.asarray(npz[f"{n}.patella_direction"]), np.asarray(npz[f"{n}.tendofemoral"]))
        self.quadriceps_geometry = qd
        self.knee_grid = np.asarray(npz["grid.knee"])
        # lines of action at the tibia of the other muscles crossing the knee (may be absent in
        # tables written before they were tabulated: then the muscles are taken along the shank)
        # one grid per set of joints crossed (hip-knee, knee, knee-ankle), both components of
        # every muscle of that set stacked: {dims: (keys, grid)}
        self.tibia_lines = {}
        lines = {}
        for n in names:
            if f"{n}.tibia_direction" in npz:
                lines.setdefault(tuple(mm[n]["joints"]), []).append(n)
        for dims, members in lines.items():
            stacked = np.concatenate([npz[f"{n}.tibia_direction"] for n in members], axis=-1)
            self.tibia_lines[dims] = (tuple(MODEL_NAMES[n][0] for n in members),
                                      _Grid([npz[f"grid.{d}"] for d in dims], stacked))
        bh = meta.get("beyond_hip_range", {})
        self.beyond_hip = {"hip_deg": np.asarray(bh.get("hip_flexion_deg", ())),
                           "values": {MODEL_NAMES[n][0]: np.asarray(v) for n, v in bh.get("values", {}).items()}}

    def _repair(self, key, row, dims, tab):
        """Replace range-end nodes where the model's path slips off its wrapping surface.

        A node at the end of a range whose moment arm flips sign against its neighbour by
        more than :data:`WRAP_JUMP_M` in one grid step is a wrapping artefact (in this model:
        the rectus femoris at 140 deg of knee flexion with the hip at -30 to -10 or 115-120 deg,
        whose path leaves the femoral wrapping cylinder and turns it into a knee flexor of
        26 mm). It is replaced by the line through the two nodes before it and listed in
        ``self.repaired`` as (key, row, node index, original m, replacement m)."""
        tab = tab.copy()
        for ax in range(tab.ndim):
            t = np.moveaxis(tab, ax, 0)
            for end, prev, prev2 in ((-1, -2, -3), (0, 1, 2)):
                jump = np.abs(t[end] - t[prev]) > WRAP_JUMP_M
                flip = np.sign(t[end]) != np.sign(t[prev])
                bad = np.atleast_1d(jump & flip)
                if bad.any():
                    new = 2 * t[prev] - t[prev2]
                    for idx in np.argwhere(bad):
                        i = tuple(idx) if t.ndim > 1 else ()
                        self.repaired.append((key, row, (dims[ax], end) + i, float(t[end][i]), float(new[i])))
                    t[end] = np.where(bad.reshape(t[end].shape), new, t[end])
        return tab

    def _extend(self, block, pts):
        """Values at pts (dict dim -> (N,) deg), extended linearly beyond the grid."""
        xs = [pts[d] for d in block.dims]
        clipped = []
        beyond = []
        for d, x in zip(block.dims, xs):
            lo, hi = self.ranges[d]
            beyond.append((x < lo) | (x > hi))
            clipped.append(np.clip(x, lo - EXTRAPOLATION_LIMIT_DEG, hi + EXTRAPOLATION_LIMIT_DEG))
        inside = [np.clip(x, *self.ranges[d]) for d, x in zip(block.dims, clipped)]
        val = block.grid(*inside)
        for a, (d, x) in enumerate(zip(block.dims, clipped)):
            excess = x - inside[a]
            if not np.any(excess):
                continue
            back = [v.copy() for v in inside]
            back[a] = inside[a] - np.sign(excess) * EXTRAPOLATION_SLOPE_SPAN_DEG
            slope = (val - block.grid(*back)) / EXTRAPOLATION_SLOPE_SPAN_DEG  # per deg
            edge = val
            val = val + slope * np.abs(excess)[:, None]
            # a moment arm may shrink to zero beyond the range but never change sign there
            arm = (block.rows >= 0)[None, :]
            val = np.where(arm & (edge * val < 0.0), 0.0, val)
        return val

    def evaluate(self, hip, knee, ankle):
        """Moment arms, muscle-tendon lengths and the beyond-range flags for many poses.

        Parameters
        ----------
        hip, knee, ankle : array_like, deg
            Hip flexion (thigh to pelvis), knee flexion, ankle dorsiflexion; broadcast to (N,).

        Returns
        -------
        arms : ndarray (N, 5, 40)
            Moment arms, m, rows :data:`ARM_ROWS` (library signs for ankle/knee/hip, OpenSim's
            for hip adduction and rotation); 0 at joints a muscle does not cross.
        length : ndarray (N, 40)
            Muscle-tendon lengths, m (the model's body, unscaled).
        beyond : ndarray (N, 3) of bool
            Hip, knee, ankle angle outside the model's range (the values there are extended:
            see the module doc).

        Examples
        --------
        >>> r, L, b = tables().evaluate([0.0, 130.0], [90.0, 90.0], [0.0, 0.0])
        >>> b[:, 0].tolist()
        [False, True]
        """
        try:
            h, k, a = np.broadcast_arrays(*(np.atleast_1d(np.asarray(v, dtype=float)) for v in (hip, knee, ankle)))
        except (TypeError, ValueError):
            raise InputValueError("hip, knee, ankle: expected numbers or arrays of numbers (deg) that broadcast.") \
                from None
        h, k, a = (v.reshape(-1) for v in (h, k, a))
        if not (np.all(np.isfinite(h)) and np.all(np.isfinite(k)) and np.all(np.isfinite(a))):
            raise InputValueError("hip, knee, ankle: expected finite angles (deg).")
        pts = {"hip": h, "knee": k, "ankle": a}
        n = h.shape[0]
        K = len(self.keys)
        arms = np.zeros((n, len(ARM_ROWS), K))
        length = np.zeros((n, K))
        for b in self.blocks:
            val = self._extend(b, pts)
            isl = b.rows < 0
            length[:, b.columns[isl]] = val[:, isl]
            arms[:, b.rows[~isl], b.columns[~isl]] = val[:, ~isl]
        beyond = np.stack([(pts[d] < self.ranges[d][0]) | (pts[d] > self.ranges[d][1]) for d in _DIMS_ORDER], axis=1)
        return arms, length, beyond

    def fiber_length(self, length):
        """Normalised fibre length (fibre length / optimal) from muscle-tendon lengths (m),
        rigid tendon at its slack length, constant-thickness pennation."""
        lopt, lts = self.optimal_fiber_length, self.tendon_slack_length
        h = lopt * np.sin(self.pennation)
        lf = np.sqrt(np.maximum(length - lts, 1e-6) ** 2 + h ** 2)
        return lf / lopt

    def tibia_directions(self, hip, knee, ankle):
        """Lines of action at the tibia of the muscles crossing the knee other than the quadriceps.

        Parameters
        ----------
        hip, knee, ankle : array_like (N,), deg (as :meth:`evaluate`).

        Returns
        -------
        dict
            ``{key: (N, 2)}`` unit vectors of each muscle's pull on the leg below the knee,
            along the path segment crossing the knee: (component along the shank's axis,
            ankle to knee, + proximal; component across it, + anterior). From the model's
            geometry (``scripts/tabulate_rajagopal.py``), interpolated like the moment arms;
            values at the range ends are held beyond them.

        Examples
        --------
        >>> u = tables().tibia_directions([0.0], [90.0], [0.0])["semimembranosus"]
        >>> u.shape, bool(u[0, 1] < 0)          # in a bent knee the hamstrings pull the tibia back
        ((1, 2), True)
        """
        h, k, a = (np.atleast_1d(np.asarray(v, float)).reshape(-1) for v in np.broadcast_arrays(hip, knee, ankle))
        bad = ~(np.isfinite(h) & np.isfinite(k) & np.isfinite(a))     # NaN in, NaN out
        pts = {"hip": np.where(bad, 0.0, h), "knee": np.where(bad, 0.0, k), "ankle": np.where(bad, 0.0, a)}
        out = {}
        for dims, (keys, grid) in self.tibia_lines.items():
            vals = grid(*[np.clip(pts[d], *self.ranges[d]) for d in dims])
            for i, key in enumerate(keys):
                u = vals[:, 2 * i:2 * i + 2]
                out[key] = np.where(bad[:, None], np.nan, u / np.linalg.norm(u, axis=-1, keepdims=True))
        return out

    def quadriceps_directions(self, knee_deg):
        """Per quadriceps muscle at knee flexion ``knee_deg``: the sagittal direction (femur
        frame, x anterior, y proximal) of its force on the patella, and its tendofemoral
        contact force per newton of muscle force; values at the range ends held beyond."""
        kd = np.clip(np.asarray(knee_deg, float), self.knee_grid[0], self.knee_grid[-1])
        out = {}
        for key, (u, tf) in self.quadriceps_geometry.items():
            ux = np.interp(kd, self.knee_grid, u[:, 0])
            uy = np.interp(kd, self.knee_grid, u[:, 1])
            nrm = np.hypot(ux, uy)
            out[key] = (np.stack([ux / nrm, uy / nrm], axis=-1), np.interp(kd, self.knee_grid, tf))
        return out


def force_length_multiplier(normalised_fiber_length, floor=0.05):
    """Active force-length multiplier: exp(-(l - 1)^2 / 0.45) (Thelen 2003, gamma = 0.45),
    floored at ``floor`` so a muscle far from its optimum keeps a small capacity.

    >>> round(float(force_length_multiplier(1.0)), 3), round(float(force_length_multiplier(1.5)), 3)
    (1.0, 0.574)
    """
    lt = np.asarray(normalised_fiber_length, float)
    return np.maximum(np.exp(-(lt - 1.0) ** 2 / THELEN2003_WIDTH), floor)


def _data_files():
    base = resources.files("biomech") / "data" / "rajagopal"
    return base / "rajagopal2023.npz", base / "rajagopal2023.json"


@lru_cache(maxsize=1)
def tables() -> RajagopalTables:
    """The committed Rajagopal-Lai-Uhlrich (2023) tables (loaded once).

    >>> tables().meta["opensim_version"].startswith("4.")
    True
    """
    npz_path, json_path = _data_files()
    with resources.as_file(npz_path) as p, np.load(p) as f:
        npz = {k: f[k] for k in f.files}
    meta = json.loads(json_path.read_text())
    return RajagopalTables(npz, meta)


def interpolation_error():
    """Largest |interpolated - OpenSim| halfway between the grid nodes, per muscle:
    ``{key: {"length": m, "arm": m}}`` (all arms of that muscle together).

    >>> err = interpolation_error()
    >>> max(e["arm"] for e in err.values()) < 0.005
    True
    """
    t = tables()
    out = {}
    for b in t.blocks:
        axes, vals = b.mid
        if len(axes) == 1:
            pred = b.grid(axes[0])
        else:
            X, Y = np.meshgrid(axes[0], axes[1], indexing="ij")
            pred = b.grid(X.ravel(), Y.ravel()).reshape(vals.shape)
        d = np.abs(pred - vals).reshape(-1, vals.shape[-1])
        # OpenSim's own wrapping artefacts (a sign flip larger than WRAP_JUMP_M) are not
        # interpolation error: they are counted apart
        err = np.where(d > WRAP_JUMP_M, 0.0, d).max(axis=0)
        for c, (k, r) in enumerate(zip(b.columns, b.rows)):
            e = out.setdefault(t.keys[k], {"length": 0.0, "arm": 0.0})
            field = "length" if r < 0 else "arm"
            e[field] = max(e[field], float(err[c]))
    return out
