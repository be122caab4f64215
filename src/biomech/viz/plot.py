"""Pictures of the model: the free-body diagram a coach draws, and the numbers behind it.

Every function draws on an existing matplotlib Axes when given one (``ax=``) and
returns ``(Figure, Axes)`` (or an array of Axes for several panels), so pictures
compose. One style is used throughout (:data:`STYLE`, :data:`JOINT_COLORS`).

- :func:`stick_figure`: segments, feet, the load, the system centre of mass (COM),
  the centre of pressure (COP), the load line, and at each joint the line of action
  of the free side's resultant force with the moment arm drawn and labelled with its
  length and the joint moment.
- :func:`stick_figures`: several poses side by side on one scale.
- :func:`load_bars`: the per-load table as stacked bars (force x moment arm at each joint).
- :func:`torque_curves`: joint moments through a rep for several variations.
- :func:`moment_map`: a contour map over two parameters with infeasible cells masked
  and labelled with why.
- :func:`muscle_shares`: each muscle's share of each joint's moment.
- :func:`animate`: a rep as a GIF (matplotlib's Pillow writer).
- :func:`conventions_diagram`: the frame, angles and signs, labelled.
- :func:`subplots`, :func:`style_axes`: a figure in the library's look for your own drawing.

Matplotlib's global state is left as found: figures are made with pyplot outside any rc
context and each Axes is styled on its own, so the backend, interactive mode and rcParams
do not change, and in Jupyter your own figures after a library plot still show.

Signs follow the library: moments are net internal joint moments, positive =
ankle plantarflexor, knee extensor, hip extensor, lumbar extensor demand.

Examples
--------
>>> import biomech as bm
>>> from biomech.viz import plot
>>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
>>> res = bm.joint_moments(body, bm.Pose(shank="30 deg", thigh="90 deg", trunk="45 deg"),
...                        [bm.Barbell("100 kg", "high_bar")])
>>> fig, ax = plot.stick_figure(res)
>>> ax.get_xlabel()
'x, forward (m)'
>>> plot.close(fig)
"""

from __future__ import annotations

import io
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import numpy as np

from ..errors import InputValueError
from ..mechanics.statics import JOINTS, SIGN, MomentResult

__all__ = ["STYLE", "JOINT_COLORS", "LOAD_COLORS", "MUSCLE_COLORS", "style", "style_axes", "subplots", "figure",
           "close", "save_figure",
           "stick_figure", "stick_figures", "load_bars", "torque_curves", "moment_map", "muscle_shares",
           "animate", "conventions_diagram"]

#: Matplotlib settings every picture uses (applied with :func:`style`).
STYLE = {
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "legend.fontsize": 8.5,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.25,
    "grid.linewidth": 0.6,
    "figure.dpi": 100,
    "savefig.dpi": 120,
    "legend.framealpha": 0.92,
}

#: One colour per joint, in every picture (colour-blind-safe Okabe-Ito hues).
JOINT_COLORS = {"ankle": "#009E73", "knee": "#0072B2", "hip": "#D55E00", "lumbar": "#CC79A7"}
#: Colours of the per-load table's rows: body segments in greys/earth tones, loads bright.
LOAD_COLORS = {"foot": "#BBBBBB", "shank": "#999999", "thigh": "#777777", "trunk": "#A6761D", "arms": "#E6AB02",
               "bar": "#1F77B4", "hands": "#17BECF", "band": "#9467BD", "cable": "#8C564B",
               "rear ground reaction": "#E377C2"}
_EXTRA_LOAD_COLORS = ["#2CA02C", "#D62728", "#9467BD", "#8C564B", "#BCBD22", "#17BECF"]
#: Colours of the muscles in :func:`muscle_shares`.
MUSCLE_COLORS = {"vasti": "#0072B2", "rectus_femoris": "#56B4E9", "gluteus_maximus": "#D55E00",
                 "hamstrings": "#E69F00", "adductor_magnus": "#F0E442", "iliopsoas": "#CC79A7",
                 "gastrocnemius": "#009E73", "soleus": "#66C2A5", "tibialis_anterior": "#999999",
                 # the 40-muscle model's groups (biomech.muscles.rajagopal.DISPLAY_GROUPS)
                 "glutes": "#D55E00", "adductors": "#F0E442", "biceps_femoris_short_head": "#B8860B",
                 "gluteus_medius_minimus": "#8C510A", "piriformis": "#555555", "hip_flexors": "#CC79A7",
                 "deep_plantarflexors": "#1B7F5F", "peronei": "#A6D8C5", "dorsiflexors": "#999999"}
_VARIATION_COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
_JOINT_STYLES = {"ankle": ":", "knee": "-", "hip": "--", "lumbar": "-."}
_NM = "N\u00b7m"


# --------------------------------------------------------------------------- helpers
#: The text sizes of :data:`STYLE`, applied while a picture's artists are created (never
#: while a figure is created, so pyplot's backend set-up never happens inside it).
_TEXT_STYLE = {k: v for k, v in STYLE.items() if k.startswith(("font.", "legend."))}


@contextmanager
def style():
    """Context manager applying :data:`STYLE` (matplotlib rc settings) to what is drawn
    inside it; the settings are restored on exit.

    The library's own functions do not need it (they style each figure they draw).
    Create figures *outside* it: making a session's first figure inside an rc context
    lets pyplot set up its backend there (Jupyter's inline backend switches interactive
    mode on), and leaving the context undoes that. :func:`subplots` makes a styled
    figure without touching the global settings.
    """
    import matplotlib

    with matplotlib.rc_context(STYLE):
        yield


@contextmanager
def _drawing():
    """The text sizes of :data:`STYLE` while artists are created; nothing else."""
    import matplotlib

    with matplotlib.rc_context(_TEXT_STYLE):
        yield


def style_axes(ax) -> None:
    """Give one Axes the library's look (no top/right spines, a light grid, the tick and
    title sizes of :data:`STYLE`) without changing matplotlib's global settings."""
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.grid(True, alpha=STYLE["grid.alpha"], lw=STYLE["grid.linewidth"])
    ax.tick_params(labelsize=STYLE["xtick.labelsize"])
    ax.xaxis.label.set_fontsize(STYLE["axes.labelsize"])
    ax.yaxis.label.set_fontsize(STYLE["axes.labelsize"])
    ax.title.set_fontsize(STYLE["axes.titlesize"])


def subplots(nrows: int = 1, ncols: int = 1, figsize=(6.4, 4.8), **kwargs):
    """A new pyplot figure and its Axes in the library's look (``plt.subplots`` with
    ``layout="constrained"``, each Axes styled by :func:`style_axes`).

    Matplotlib's global state (backend, interactive mode, rcParams) is left as found,
    so figures made after it, the user's own included, display as usual (in Jupyter too).

    Returns
    -------
    (Figure, Axes or array of Axes)

    Examples
    --------
    >>> import matplotlib
    >>> before = dict(matplotlib.rcParams)
    >>> fig, axs = subplots(1, 2, figsize=(8, 3))
    >>> len(axs), dict(matplotlib.rcParams) == before
    (2, True)
    >>> close(fig)
    """
    import matplotlib.pyplot as plt

    kwargs.setdefault("layout", "constrained")
    fig, axs = plt.subplots(nrows, ncols, figsize=figsize, **kwargs)
    for a in np.atleast_1d(axs).ravel():
        style_axes(a)
    return fig, axs


def figure(figsize=(6.4, 4.8), **kwargs):
    """A new, empty pyplot figure (``layout="constrained"``), made outside any rc context
    (see :func:`subplots`); style Axes added to it with :func:`style_axes`."""
    import matplotlib.pyplot as plt

    kwargs.setdefault("layout", "constrained")
    return plt.figure(figsize=figsize, **kwargs)


def close(fig) -> None:
    """Close a figure (frees its memory when making many)."""
    import matplotlib.pyplot as plt

    plt.close(fig)


def _axes(ax, figsize):
    if ax is None:
        return subplots(1, 1, figsize=figsize)
    return ax.figure, ax


def _root_figure(fig):
    """The top-level Figure of a (sub)figure."""
    while not hasattr(fig, "get_size_inches") and getattr(fig, "figure", None) is not None and fig.figure is not fig:
        fig = fig.figure
    return fig


def save_figure(fig, path: Any, dpi: float | None = None) -> str:
    """Save a figure atomically: written to a temporary file, then moved into place.

    A failed save leaves no partial file. The format comes from the file's extension.

    Returns
    -------
    str
        The path written.
    """
    path = os.fspath(path)
    ext = os.path.splitext(path)[1].lower().lstrip(".")
    supported = fig.canvas.get_supported_filetypes()
    if ext not in supported:
        raise InputValueError(f"path={path!r}: the extension {'.' + ext if ext else '(none)'} is not an image "
                              f"format matplotlib writes; use one of .png, .svg, .pdf.")
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise InputValueError(f"path={path!r}: the folder {folder!r} does not exist.")
    from ..fileio import write_bytes

    from matplotlib.legend import Legend

    # every legend counts in the tight box, also a second row added as an extra artist
    root = _root_figure(fig)
    extra = list(root.get_default_bbox_extra_artists())
    extra += [a for ax in root.get_axes() for a in ax.get_children() if isinstance(a, Legend) and a not in extra]
    buf = io.BytesIO()
    fig.savefig(buf, dpi=dpi or STYLE["savefig.dpi"], format=ext, bbox_inches="tight", pad_inches=0.08,
                bbox_extra_artists=extra)
    write_bytes(path, buf.getvalue())
    return path


def _static(obj: Any) -> MomentResult:
    """``obj`` itself, checked: drawing needs a static result (joint_moments or an exercise)."""
    if isinstance(obj, MomentResult):
        return obj
    raise InputValueError(f"result={type(obj).__name__} holds no static pose to draw; pass a joint_moments(...) "
                          f"or exercise result.")


@dataclass
class _Snapshot:
    """One pose of a result, as plain SI numbers for drawing."""

    points: dict
    moments: dict
    arms: dict
    forces: dict
    loads: list
    ground: tuple | None
    support: str
    split: bool
    body: Any


def _pick(value, index):
    arr = np.asarray(value, dtype=float)
    if index is None:
        return arr
    return arr[index]


def _snapshot(result: Any, index: Any = None) -> _Snapshot:
    r = _static(result)
    shape = r.shape
    if shape != () and index is None:
        raise InputValueError(f"result holds {int(np.prod(shape))} poses (shape {shape}); pass index= to pick one.")
    idx = None if shape == () else index

    def pt(q, unit="m"):
        a = np.asarray(q.to(unit).magnitude, dtype=float)
        a = np.broadcast_to(a, shape + (2,)) if shape else a
        return a if idx is None else a[idx]

    points = {k: pt(v) for k, v in r.positions.items()}
    moments = {j: float(_pick(np.broadcast_to(getattr(r, j).to("N*m").magnitude, shape), idx)) for j in JOINTS}
    arms = {j: float(_pick(np.broadcast_to(r.moment_arms[j].to("m").magnitude, shape), idx)) for j in JOINTS}
    forces = {j: pt(r.resultant_forces[j], "N") for j in JOINTS}
    sc = r.model.sincos(r.pose.segment_angles_rad())
    loads = []
    for it in r.model.items:
        if it.is_body:
            continue
        x, y = it.point.evaluate(sc)
        f = r.model._item_force(it, sc)
        xy = np.array([float(_pick(np.broadcast_to(x, shape), idx)), float(_pick(np.broadcast_to(y, shape), idx))])
        fv = np.array([float(_pick(np.broadcast_to(f[0], shape), idx)), float(_pick(np.broadcast_to(f[1], shape), idx))])
        mass = float(_pick(np.broadcast_to(it.mass_kg, shape), idx))
        loads.append((it.label, xy, fv, mass))
    ground = None
    if r.support == "feet":
        grd = r.model.ground_reaction(sc)
        gr = grd["front"] if r.model.split else grd["total"]  # the line through the (front) foot's COP
        ground = (float(_pick(np.broadcast_to(gr[0], shape), idx)), float(_pick(np.broadcast_to(gr[1], shape), idx)))
    return _Snapshot(points, moments, arms, forces, loads, ground, r.support, r.model.split, r.body)


def _fmt_moment(m: float) -> str:
    return f"{m:+.0f} {_NM}" if abs(m) >= 9.5 else f"{m:+.1f} {_NM}"


def _spread(ys: list[float], gap: float, top: float | None = None) -> list[float]:
    """Move label heights apart so neighbours are at least ``gap`` apart (order kept),
    and, given ``top``, shift them down so that none lies above it."""
    order = np.argsort(ys)
    out = np.array(ys, dtype=float)
    for k in range(1, len(order)):
        a, b = order[k - 1], order[k]
        if out[b] - out[a] < gap:
            out[b] = out[a] + gap
    if top is not None and len(out) and out.max() > top:
        out -= out.max() - top
    return out.tolist()


# --------------------------------------------------------------------------- stick figure
def _figure_extent(snap: _Snapshot) -> tuple[float, float, float, float]:
    xy = np.array([p for p in snap.points.values() if np.all(np.isfinite(p))])
    x0, y0 = xy.min(axis=0)
    x1, y1 = xy.max(axis=0)
    for _, p, _, _ in snap.loads:
        x0, x1 = min(x0, p[0]), max(x1, p[0])
        y0, y1 = min(y0, p[1]), max(y1, p[1])
    if "shoulder" in snap.points and "hip" in snap.points:
        head, r = _head_centre(snap.points)
        x0, x1 = min(x0, head[0] - r), max(x1, head[0] + r)
        y1 = max(y1, head[1] + r)
    return x0, x1, min(y0, 0.0), y1


def _head_centre(p: dict) -> tuple[np.ndarray, float]:
    d = p["shoulder"] - p["hip"]
    n = np.hypot(*d)
    u = d / n if n > 0 else np.array([0.0, 1.0])
    r = 0.14 * n
    return p["shoulder"] + u * (0.06 * n + r), r


def _draw_body(ax, snap: _Snapshot, color="#333333", lw=3.0, alpha=1.0):
    import matplotlib.patches as mpatches

    p = snap.points
    kw = dict(color=color, lw=lw, solid_capstyle="round", alpha=alpha, zorder=3)

    def seg(a, b, **extra):
        if a in p and b in p:
            ax.plot([p[a][0], p[b][0]], [p[a][1], p[b][1]], **{**kw, **extra})

    legs = [""] + (["rear_"] if snap.split and "rear_knee" in p else [])
    for pre in legs:
        leg_alpha = alpha if pre == "" else 0.55 * alpha
        foot = [p[pre + "heel"], p[pre + "ankle"], p[pre + "ball"], p[pre + "toe"], p[pre + "ball"], p[pre + "heel"]]
        ax.add_patch(mpatches.Polygon(np.array(foot), closed=True, fc="#DDDDDD", ec=color, lw=1.4,
                                      alpha=leg_alpha, zorder=2))
        knee = pre + "knee"
        ankle = pre + "ankle"
        hip = "hip"
        ax.plot([p[ankle][0], p[knee][0], p[hip][0]], [p[ankle][1], p[knee][1], p[hip][1]],
                **{**kw, "alpha": leg_alpha})
        ax.plot(*p[knee], "o", ms=6, mfc="white", mec=color, mew=1.5, zorder=4, alpha=leg_alpha)
        ax.plot(*p[ankle], "o", ms=5, mfc="white", mec=color, mew=1.5, zorder=4, alpha=leg_alpha)
    if "lumbar" in p:   # the pelvis (hip to L5/S1) and the upper body (L5/S1 to shoulder)
        seg("hip", "lumbar", lw=lw * 1.8)
        seg("lumbar", "shoulder", lw=lw * 1.8)
    else:
        seg("hip", "shoulder", lw=lw * 1.8)
    seg("shoulder", "grip", lw=lw * 0.8)
    centre, r = _head_centre(p)
    ax.add_patch(mpatches.Circle(centre, r, fc="white", ec=color, lw=1.8, alpha=alpha, zorder=3))
    for name, ms in (("hip", 7), ("shoulder", 5), ("lumbar", 4)):
        if name in p:
            ax.plot(*p[name], "o", ms=ms, mfc="white", mec=color, mew=1.5, zorder=4, alpha=alpha)


def _draw_loads(ax, snap: _Snapshot, scale_n_per_m: float, fontsize=8.5):
    import matplotlib.patches as mpatches

    for k, (label, xy, f, mass) in enumerate(snap.loads):
        color = LOAD_COLORS.get(label, _EXTRA_LOAD_COLORS[k % len(_EXTRA_LOAD_COLORS)])
        fmag = float(np.hypot(*f))
        if mass > 0:
            ax.add_patch(mpatches.Circle(xy, 0.028, fc=color, ec="black", lw=1.0, zorder=6))
            text = f"{label} {mass:.0f} kg"
        else:
            text = f"{label} {fmag:.0f} N"
        if fmag > 0:
            length = min(max(fmag / scale_n_per_m, 0.06), 0.35)
            d = f / fmag * length
            ax.annotate("", xy=xy + d, xytext=xy, zorder=6,
                        arrowprops=dict(arrowstyle="-|>", color=color, lw=2.0, shrinkA=0, shrinkB=0))
        ax.annotate(text, xy=xy, xytext=(-8, 10), textcoords="offset points", ha="right", va="bottom",
                    fontsize=fontsize, color="black", zorder=7,
                    bbox=dict(boxstyle="round,pad=0.2", fc="white", ec=color, lw=0.8, alpha=0.9))


def _joint_label_xy(snap: _Snapshot) -> dict:
    p = snap.points
    out = {"ankle": p["ankle"], "knee": p["knee"], "hip": p["hip"], "lumbar": p["lumbar"]}
    return out


def stick_figure(result: Any, ax=None, *, index: Any = None, joints: Sequence[str] = JOINTS,
                 moment_arms: bool = True, lines_of_action: bool = True, load_line: bool = True,
                 labels: bool = True, legend: bool = True, title: str | None = None,
                 limits: tuple[float, float, float, float] | None = None, ground: bool | None = None,
                 figsize=(6.4, 5.6)):
    """Draw one pose: the free-body picture a coach draws.

    Segments and feet (the rear leg of a split stance lighter), the external loads
    with their force arrows, the system centre of mass (COM), the centre of pressure
    (COP) and the load line (the ground reaction's line of action through the COP),
    and for each joint in ``joints``: the line of action of the resultant external
    force on the joint's free side (dotted) and the moment arm from the joint centre
    to it (solid), labelled with its length (cm) and the joint moment (N*m,
    + = plantarflexor / extensor demand).

    Parameters
    ----------
    result : MomentResult or exercise result
        From :func:`biomech.joint_moments` or an exercise (an exercise result is a static result).
    ax : matplotlib Axes, optional
        Draw here; a new figure otherwise.
    index : int or tuple, optional
        Which pose of an array result.
    joints : sequence of str
        Joints whose moment arm is drawn (ankle, knee, hip, lumbar).
    moment_arms, lines_of_action, load_line, labels, legend : bool
        Switch parts of the picture off.
    title : str, optional
    limits : (xmin, xmax, ymin, ymax), optional
        Axis limits in m (to share a scale between pictures).
    ground : bool, optional
        Draw the floor at y = 0 (default: when the feet carry the body; a seat,
        bench or machine is not drawn).

    Returns
    -------
    (Figure, Axes)

    Examples
    --------
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> res = bm.joint_moments(body, bm.Pose(shank="20 deg", thigh="70 deg", trunk="30 deg"))
    >>> fig, ax = stick_figure(res, joints=["knee", "hip"])
    >>> sorted(t.get_text().split(" ")[0] for t in ax.texts if t.get_text().startswith(("knee", "hip")))
    ['hip', 'knee']
    >>> close(fig)
    """
    for j in joints:
        if j not in JOINTS:
            raise InputValueError(f"joints: {j!r} is not a joint; expected some of {', '.join(JOINTS)}.")
    snap = _snapshot(result, index)
    fig, ax = _axes(ax, figsize)
    with _drawing():
        p = snap.points
        x0, x1, y0, y1 = _figure_extent(snap)
        head, hr = _head_centre(p)
        y1 = max(y1, head[1] + hr)
        span = max(x1 - x0, y1 - y0)
        weight = abs(snap.ground[1]) if snap.ground else 1000.0
        _draw_body(ax, snap)
        # ground
        if ground is None:
            ground = snap.support == "feet"
        if ground:
            ax.axhline(0.0, color="#555555", lw=1.2, zorder=1)
        # loads
        _draw_loads(ax, snap, scale_n_per_m=max(weight, 1.0) / 0.45)
        # COM and COP, load line
        handles = []
        if "com" in p:
            h, = ax.plot(*p["com"], marker="o", ms=10, mfc="#FFD700", mec="black", mew=1.3, ls="none", zorder=8,
                         label="system centre of mass")
            ax.plot(*p["com"], marker="+", ms=10, mec="black", mew=1.2, ls="none", zorder=9)
            handles.append(h)
        if "cop" in p and np.all(np.isfinite(p["cop"])):
            h, = ax.plot(p["cop"][0], 0.0, marker="^", ms=10, mfc="#E41A1C", mec="black", ls="none", zorder=8,
                         label="centre of pressure")
            handles.append(h)
            if load_line and snap.ground is not None:
                gx, gy = snap.ground
                g = np.hypot(gx, gy)
                if g > 0:
                    d = np.array([gx, gy]) / g
                    t = (y1 + 0.05) / d[1] if abs(d[1]) > 1e-6 else span
                    end = np.array([p["cop"][0], 0.0]) + d * t
                    h, = ax.plot([p["cop"][0], end[0]], [0.0, end[1]], color="#E41A1C", lw=1.2, ls=(0, (6, 3)),
                                 zorder=2, label="load line (ground reaction)")
                    handles.append(h)
        # moment arms
        label_rows = []
        for j in joints:
            J = p[j] if j in p else None
            F = snap.forces[j]
            fmag = float(np.hypot(*F))
            M = snap.moments[j]
            arm = snap.arms[j]
            if J is None or not np.isfinite(arm) or fmag < 1e-9:
                continue
            free_up = True
            try:
                from ..mechanics.statics import _FREE_SIDE  # noqa: PLC0415  (same package)
                free_up = _FREE_SIDE[snap.support][j] == "up"
            except (KeyError, ImportError):  # pragma: no cover
                pass
            m_world = SIGN[j] * M * (1.0 if free_up else -1.0)
            P = J + (m_world / fmag ** 2) * np.array([F[1], -F[0]])
            color = JOINT_COLORS[j]
            if lines_of_action:
                d = F / fmag
                half = 0.22 * span
                a, b = P - d * half, P + d * half
                ax.plot([a[0], b[0]], [a[1], b[1]], color=color, lw=1.3, ls=(0, (1.5, 2)), zorder=2)
            if moment_arms:
                ax.plot([J[0], P[0]], [J[1], P[1]], color=color, lw=2.4, zorder=5, solid_capstyle="butt")
                ax.plot(*P, marker="o", ms=3.5, color=color, zorder=5)
            label_rows.append((j, J, P, arm, M))
        # limits
        if limits is None:
            pad = 0.06 * span
            right = x1 + (0.50 * span if labels and label_rows else pad)
            limits = (x0 - pad - 0.12 * span, right, y0 - 0.05 * span, y1 + pad)
        ax.set_xlim(limits[0], limits[1])
        ax.set_ylim(limits[2], limits[3])
        ax.set_aspect("equal", adjustable="box")
        if ground:
            ax.fill_between([limits[0], limits[1]], limits[2], 0.0, color="#EEEEEE", zorder=0, lw=0)
        # labels in a column at the right
        if labels and label_rows:
            fs = 8.5
            # two lines of text and a box: about 0.42 inch, converted to data units
            # the axes' drawn height in inches: an equal-aspect box is as tall as its width allows;
            # the layout engine shrinks it a little more later (hence the margin)
            size = _root_figure(fig).get_size_inches()
            pos = ax.get_position()
            w_in, h_in = size[0] * pos.width, size[1] * pos.height
            yspan, xspan = limits[3] - limits[2], limits[1] - limits[0]
            ax_h_in = 0.8 * min(h_in, w_in * yspan / max(xspan, 1e-9))
            gap = 0.40 * yspan / max(ax_h_in, 1e-3)
            ys = _spread([row[1][1] for row in label_rows], gap, top=limits[3] - 0.6 * gap)
            xcol = x1 + 0.12 * span
            for (j, J, P, arm, M), ylab in zip(label_rows, ys):
                color = JOINT_COLORS[j]
                mid = 0.5 * (J + P)
                ax.annotate(f"{j}  {_fmt_moment(M)}\narm {abs(arm) * 100:.1f} cm", xy=mid, xytext=(xcol, ylab),
                            textcoords="data", ha="left", va="center", fontsize=fs, color=color, zorder=10,
                            bbox=dict(boxstyle="round,pad=0.25", fc="white", ec=color, lw=0.8),
                            arrowprops=dict(arrowstyle="-", color=color, lw=0.7, alpha=0.7,
                                            shrinkA=0, shrinkB=2))
        ax.set_xlabel("x, forward (m)")
        ax.set_ylabel("y, up (m)")
        if title is not None:
            ax.set_title(title)
        if legend and handles:
            from matplotlib.lines import Line2D
            from matplotlib.transforms import offset_copy

            if moment_arms and label_rows:
                # what "arm" means in the labels: the resultant's moment arm, not any one load's
                handles.append(Line2D([], [], color="#555555", lw=2.4,
                                      label="arm: from the joint to the line of action (dotted) of the "
                                            "free side's resultant"))
            # below the x label, a fixed distance in inches whatever the axes' size
            below = offset_copy(ax.transAxes, fig=_root_figure(fig), y=-0.42, units="inches")
            points = [h for h in handles if not h.get_label().startswith("arm:")]
            rows = [points, [h for h in handles if h.get_label().startswith("arm:")]]
            if rows[1]:  # a second row, under the first (an extra artist; ax.get_legend() is the first row)
                below2 = offset_copy(ax.transAxes, fig=_root_figure(fig), y=-0.62, units="inches")
                arm_legend = ax.legend(handles=rows[1], loc="upper center", bbox_to_anchor=(0.5, 0.0),
                                       bbox_transform=below2, ncol=1, fontsize=7.5, borderaxespad=0.0,
                                       handlelength=1.6, frameon=False)
                ax.add_artist(arm_legend)
            if rows[0]:
                ax.legend(handles=rows[0], loc="upper center", bbox_to_anchor=(0.5, 0.0), bbox_transform=below,
                          ncol=len(rows[0]), fontsize=7.5, borderaxespad=0.0, handlelength=1.6, columnspacing=1.0,
                          frameon=False)
    return fig, ax


def stick_figures(results: Sequence[Any], titles: Sequence[str] | None = None, axes=None, *,
                  indices: Sequence[Any] | None = None, figsize=None, **kwargs):
    """Several poses side by side on one shared scale (same metres per inch).

    Parameters
    ----------
    results : sequence of results
    titles : sequence of str, optional
    axes : sequence of Axes, optional
    indices : sequence, optional
        Per result, which pose of an array result.
    **kwargs
        Passed to :func:`stick_figure`.

    Returns
    -------
    (Figure, numpy array of Axes)

    Examples
    --------
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> a = bm.joint_moments(body, bm.Pose(shank="15 deg", thigh="90 deg", trunk="55 deg"))
    >>> b = bm.joint_moments(body, bm.Pose(shank="35 deg", thigh="90 deg", trunk="35 deg"))
    >>> fig, axs = stick_figures([a, b], ["knees restricted", "knees free"])
    >>> axs[0].get_xlim() == axs[1].get_xlim()
    True
    >>> close(fig)
    """

    results = list(results)
    n = len(results)
    if n == 0:
        raise InputValueError("results is empty; give at least one result to draw.")
    if titles is not None and len(titles) != n:
        raise InputValueError(f"titles has {len(titles)} entries for {n} results.")
    indices = list(indices) if indices is not None else [None] * n
    snaps = [_snapshot(r, i) for r, i in zip(results, indices)]
    ext = np.array([_figure_extent(s) for s in snaps])
    heads = [(_head_centre(s.points)) for s in snaps]
    x0, x1 = ext[:, 0].min(), ext[:, 1].max()
    y0 = ext[:, 2].min()
    y1 = max(ext[:, 3].max(), max(h[0][1] + h[1] for h in heads))
    span = max(x1 - x0, y1 - y0)
    labels = kwargs.get("labels", True)
    limits = (x0 - 0.18 * span, x1 + (0.50 * span if labels else 0.06 * span), y0 - 0.05 * span, y1 + 0.06 * span)
    if axes is None:
        fig, axes = subplots(1, n, figsize=figsize or (4.6 * n, 4.4), squeeze=False)
        axes = axes[0]
    else:
        axes = np.asarray(axes).ravel()
        if len(axes) != n:
            raise InputValueError(f"axes has {len(axes)} entries for {n} results.")
        fig = axes[0].figure
    with _drawing():
        for k, (r, a, i) in enumerate(zip(results, axes, indices)):
            stick_figure(r, ax=a, index=i, limits=limits, title=titles[k] if titles else None,
                         legend=kwargs.pop("legend", True) if k == 0 else False, **kwargs)
            if k > 0:
                a.set_ylabel("")
    return fig, np.asarray(axes)


# --------------------------------------------------------------------------- per-load bars
def load_bars(result: Any, ax=None, *, index: Any = None, joints: Sequence[str] = ("knee", "hip"),
              title: str | None = None, figsize=(7.0, 4.6)):
    """The per-load table as stacked bars: each load's moment at each joint.

    Each bar segment is one load (body segment weights, the bar, each external
    force); its label reads ``force x moment arm``. Positive moments (extensor /
    plantarflexor demand) stack upward, negative ones downward; a black marker shows
    the net joint moment, which is their sum.

    Returns
    -------
    (Figure, Axes)

    Examples
    --------
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> res = bm.joint_moments(body, bm.Pose(shank="30 deg", thigh="90 deg", trunk="45 deg"),
    ...                        [bm.Barbell("100 kg")])
    >>> fig, ax = load_bars(res)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['knee', 'hip']
    >>> close(fig)
    """
    for j in joints:
        if j not in JOINTS:
            raise InputValueError(f"joints: {j!r} is not a joint; expected some of {', '.join(JOINTS)}.")
    r = _static(result)
    shape = r.shape
    if shape != () and index is None:
        raise InputValueError(f"result holds {int(np.prod(shape))} poses (shape {shape}); pass index= to pick one.")

    def at(q, unit, vector=False):
        a = np.asarray(q.to(unit).magnitude, dtype=float)
        if shape:
            a = np.broadcast_to(a, shape + ((2,) if vector else ()))[index]
        return a

    contrib = r.contributions
    nets = {j: float(at(getattr(r, j), "N*m")) for j in joints}
    big = max([abs(v) for v in nets.values()] + [1.0])
    fig, ax = _axes(ax, figsize)
    with _drawing():
        xs = np.arange(len(joints))
        width = 0.55
        handles = {}
        top = 0.0
        for k, j in enumerate(joints):
            pos_base = neg_base = 0.0
            for c_i, (label, c) in enumerate(contrib.items()):
                m = float(at(c.moment[j], "N*m"))
                if m == 0 or not np.isfinite(m):
                    continue
                f = at(c.force[j], "N", vector=True)
                fmag = float(np.hypot(*f))
                arm = m / fmag if fmag > 0 else np.nan
                color = LOAD_COLORS.get(label, _EXTRA_LOAD_COLORS[c_i % len(_EXTRA_LOAD_COLORS)])
                base = pos_base if m > 0 else neg_base
                bar = ax.bar(xs[k], m, width, bottom=base, color=color, ec="white", lw=0.8, label=label, zorder=3)
                handles.setdefault(label, bar)
                if abs(m) > 0.07 * big:
                    ax.text(xs[k], base + m / 2, f"{label}\n{fmag:.0f} N \u00d7 {arm * 100:.1f} cm",
                            ha="center", va="center", fontsize=7.5, color="black", zorder=4)
                if m > 0:
                    pos_base += m
                else:
                    neg_base += m
            net = nets[j]
            ax.plot([xs[k] - width / 2 - 0.04, xs[k] + width / 2 + 0.04], [net, net], color="black", lw=2.0, zorder=5)
            ax.annotate(f"net {net:.0f} {_NM}", xy=(xs[k], max(pos_base, net)), xytext=(0, 5),
                        textcoords="offset points", ha="center", va="bottom", fontsize=8.5, fontweight="bold",
                        zorder=6)
            top = max(top, pos_base, net)
        ax.axhline(0, color="black", lw=0.8, zorder=2)
        ax.set_xticks(xs, list(joints))
        ax.set_xlim(-0.6, len(joints) - 0.4)
        lo, hi = ax.get_ylim()
        ax.set_ylim(lo, max(hi, top + 0.1 * (top - lo)))
        ax.set_ylabel(f"joint moment ({_NM}); + = extensor / plantarflexor")
        ax.set_xlabel("each block: one load's force \u00d7 its own moment arm (the load's line of action to the "
                      "joint)\nleg joints per leg; lumbar for the whole body")
        ax.legend(handles=list(handles.values()), labels=list(handles.keys()), loc="upper left",
                  bbox_to_anchor=(1.0, 1.0), title="load")
        ax.grid(axis="x", visible=False)
        if title is not None:
            ax.set_title(title)
    return fig, ax


# --------------------------------------------------------------------------- torque curves
_ANGLE_NAMES = {"thigh": "depth: thigh angle", "knee": "knee flexion", "hip": "hip flexion",
                "ankle": "ankle dorsiflexion", "shank": "shank lean", "trunk": "trunk lean", "foot": "foot angle"}


def _x_values(res: Any, x: Any, r: MomentResult):
    if isinstance(x, str):
        pose = getattr(res, "pose", None)
        pose = r.pose if pose is None else pose
        if isinstance(x, str) and x in _ANGLE_NAMES:
            src = pose.front_pose() if hasattr(pose, "front_pose") else pose
            vals = getattr(src, x).to("deg").magnitude
            return np.broadcast_to(vals, r.shape), f"{_ANGLE_NAMES[x]} (deg)"
        raise InputValueError(f"x={x!r}: expected a joint or segment angle name ({', '.join(_ANGLE_NAMES)}) or "
                              f"a Quantity array.")
    import pint

    if isinstance(x, pint.Quantity):
        unit = "deg" if x.check("[]") else ("cm" if x.check("[length]") else x.units)
        return np.asarray(x.to(unit).magnitude, dtype=float), f"({x.to(unit).units:~P})"
    raise InputValueError(f"x={x!r}: expected an angle name or a Quantity array with units.")


def torque_curves(results: Mapping[str, Any], x: Any = "thigh", ax=None, *, joints: Sequence[str] = ("knee", "hip"),
                  xlabel: str | None = None, per_kg: bool = False, title: str | None = None, figsize=(7.2, 4.6)):
    """Joint moments through a rep's range for several variations on one set of axes.

    Parameters
    ----------
    results : mapping of name -> result
        Each a result over an array of poses (shape (n,)), e.g. a squat solved over
        depths, or a list of single-pose results (``None`` entries, for poses that
        cannot exist, are skipped). Colour tells variations apart, line style joints.
    x : str or Quantity or mapping
        The abscissa: an angle name (``"thigh"`` = depth, ``"knee"``, ``"hip"``, ...)
        read from each result's pose, a Quantity array shared by all, or a mapping
        name -> Quantity.
    joints : sequence of str
    xlabel : str, optional
        Overrides the axis label (units are added for Quantity abscissae).
    per_kg : bool
        Plot N*m per kg of body mass.

    Returns
    -------
    (Figure, Axes)

    Examples
    --------
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> thigh = Q_(np.linspace(10, 100, 10), "deg")
    >>> runs = {s: bm.joint_moments(body, bm.Pose(shank=s, thigh=thigh, trunk="35 deg"), [bm.Barbell("100 kg")])
    ...         for s in ("15 deg", "30 deg")}
    >>> fig, ax = torque_curves(runs)
    >>> len(ax.lines)  # two variations x (knee, hip), and the zero line
    5
    >>> ax.get_ylabel()
    'joint moment (N·m)'
    >>> close(fig)
    """
    if not results:
        raise InputValueError("results is empty; give at least one named result.")
    for j in joints:
        if j not in JOINTS:
            raise InputValueError(f"joints: {j!r} is not a joint; expected some of {', '.join(JOINTS)}.")
    fig, ax = _axes(ax, figsize)
    with _drawing():
        label_x = xlabel
        for k, (name, res) in enumerate(results.items()):
            xv = x[name] if isinstance(x, Mapping) else x
            if isinstance(res, (list, tuple)):  # single-pose results, one per point (None = infeasible)
                pts = [r_ for r_ in res if r_ is not None]
                if not pts:
                    continue
                cols = [_x_values(r_, xv, _static(r_)) for r_ in pts]
                xs = np.array([float(np.asarray(c[0])) for c in cols])
                auto = cols[0][1]
                mom = {j: np.array([float(getattr(_static(r_), j).to("N*m").magnitude) for r_ in pts])
                       for j in joints}
                mass = _static(pts[0]).body.mass_kg
            else:
                r = _static(res)
                xs, auto = _x_values(res, xv, r)
                mom = {j: np.broadcast_to(getattr(r, j).to("N*m").magnitude, r.shape).astype(float) for j in joints}
                mass = r.body.mass_kg
            if label_x is None:
                label_x = auto
            elif not isinstance(xv, str) and xlabel is not None and "(" not in xlabel:
                label_x = f"{xlabel} {auto}"
            color = _VARIATION_COLORS[k % len(_VARIATION_COLORS)]
            order = np.argsort(xs, kind="stable")
            for j in joints:
                m = mom[j] / mass if per_kg else mom[j]
                ax.plot(np.asarray(xs)[order], np.asarray(m)[order], color=color, ls=_JOINT_STYLES[j], lw=2.0,
                        label=f"{name}: {j}")
        ax.axhline(0, color="black", lw=0.8, zorder=1)
        ax.set_xlabel(label_x)
        ax.set_ylabel(f"joint moment ({_NM}/kg)" if per_kg else f"joint moment ({_NM})")
        from matplotlib.lines import Line2D

        var_handles = [Line2D([], [], color=_VARIATION_COLORS[k % len(_VARIATION_COLORS)], lw=2.5, label=name)
                       for k, name in enumerate(results)]
        joint_handles = [Line2D([], [], color="#444444", ls=_JOINT_STYLES[j], lw=2.0, label=f"{j} (+ extensor)"
                                if j != "ankle" else "ankle (+ plantarflexor)") for j in joints]
        # the joints' legend inside, the variations' outside (the one the layout makes room for)
        leg1 = ax.legend(handles=joint_handles, loc="best", title="joint", fontsize=8)
        ax.add_artist(leg1)
        ax.legend(handles=var_handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="variation")
        if title is not None:
            ax.set_title(title)
    return fig, ax


# --------------------------------------------------------------------------- maps
def moment_map(x: Any, y: Any, z: Any, ax=None, *, feasible: Any = None, reasons: Any = None,
               xlabel: str = "", ylabel: str = "", zlabel: str = "", levels: int | Sequence[float] = 12,
               cmap: str = "viridis", center: float | None = None, title: str | None = None, figsize=(6.8, 4.8)):
    """A filled contour map of ``z`` over ``x`` (columns) and ``y`` (rows), infeasible
    cells hatched grey and labelled with the reason.

    Parameters
    ----------
    x, y : Quantity (1-D)
        The two parameters (e.g. knee travel and depth); units go into the labels.
    z : Quantity or array, shape (len(y), len(x))
        The mapped value (a joint moment in N*m, or a plain ratio).
    feasible : bool array, optional
        Where the pose exists (NaN in ``z`` counts as infeasible too).
    reasons : str array, optional
        Why each infeasible cell is infeasible (the same shape); each reason is
        written once, over its region.
    center : float, optional
        Use a diverging colour map centred on this value (e.g. 1 for a ratio).

    Returns
    -------
    (Figure, Axes)

    Examples
    --------
    >>> kt = Q_(np.linspace(-5, 15, 5), "cm"); depth = Q_(np.linspace(60, 110, 6), "deg")
    >>> z = Q_(np.outer(depth.magnitude, np.ones(5)) + kt.magnitude, "N*m")
    >>> ok = np.ones((6, 5), bool); ok[-1, -1] = False
    >>> why = np.where(ok, "", "ankle dorsiflexion beyond limit")
    >>> fig, ax = moment_map(kt, depth, z, feasible=ok, reasons=why, xlabel="knee travel", ylabel="depth",
    ...                      zlabel="knee moment")
    >>> ax.get_xlabel()
    'knee travel (cm)'
    >>> close(fig)
    """
    import matplotlib.colors as mcolors
    import pint

    def axis(q, name):
        if isinstance(q, pint.Quantity):
            unit = "deg" if q.check("[]") else ("cm" if q.check("[length]") else q.units)
            return np.asarray(q.to(unit).magnitude, dtype=float), f"{q.to(unit).units:~P}"
        raise InputValueError(f"{name} must be a Quantity array (values with units), e.g. Q_(..., 'cm').")

    xs, xu = axis(x, "x")
    ys, yu = axis(y, "y")
    if isinstance(z, pint.Quantity):
        unit = "N*m" if z.check("[mass]*[length]**2/[time]**2") else z.units
        zs = np.asarray(z.to(unit).magnitude, dtype=float)
        zu = _NM if unit == "N*m" else f"{z.to(unit).units:~P}"
    else:
        zs = np.asarray(z, dtype=float)
        zu = ""
    if zs.shape != (len(ys), len(xs)):
        raise InputValueError(f"z has shape {zs.shape}; expected (len(y), len(x)) = ({len(ys)}, {len(xs)}).")
    ok = np.isfinite(zs)
    if feasible is not None:
        ok &= np.asarray(feasible, dtype=bool)
    fig, ax = _axes(ax, figsize)
    with _drawing():
        X, Y = np.meshgrid(xs, ys)
        norm = None
        if ok.sum() >= 4:
            lo, hi = float(zs[ok].min()), float(zs[ok].max())
            if center is not None and lo < center < hi:
                norm = mcolors.TwoSlopeNorm(vcenter=center, vmin=lo, vmax=hi)
                cmap = "RdBu_r"
            if isinstance(levels, int):
                from matplotlib.ticker import MaxNLocator

                levels = MaxNLocator(levels).tick_values(lo, hi)
            # fill infeasible cells with their nearest feasible value, so the colours reach
            # the edge of the grey mask (drawn on top) without a gap
            filled = zs.copy()
            if (~ok).any():
                from scipy.ndimage import distance_transform_edt

                _, (ii, jj) = distance_transform_edt(~ok, return_indices=True)
                filled = zs[ii, jj]
            cs = ax.contourf(X, Y, filled, levels=levels, cmap=cmap, norm=norm, zorder=1, extend="both")
            lines = ax.contour(X, Y, np.ma.masked_where(~ok, zs), levels=cs.levels, colors="black",
                               linewidths=0.5, alpha=0.5, zorder=2)
            _label_contours(ax, lines, xs, ys)
            cb = fig.colorbar(cs, ax=ax)
            cb.set_label(f"{zlabel} ({zu})" if zu else zlabel)
        if (~ok).any():
            bad = (~ok).astype(float)
            # the mask's edge interpolated between grid points (a line, not the cells' steps), and the
            # grid's outer half-cells covered too
            cover = dict(levels=[0.5, 1.5], extend="neither")
            ax.contourf(X, Y, bad, colors=["#D9D9D9"], zorder=2.5, **cover)
            ax.contourf(X, Y, bad, colors="none", hatches=["///"], zorder=3, **cover)
            ax.contour(X, Y, bad, levels=[0.5], colors="#555555", linewidths=0.8, zorder=3)
            if reasons is not None:
                import textwrap

                why = np.asarray(reasons, dtype=object)
                if why.shape != zs.shape:
                    raise InputValueError(f"reasons has shape {why.shape}; expected {zs.shape}.")
                placed: list[tuple[float, float]] = []  # label centres, as fractions of the axes
                regions = sorted({str(w) for w in why[~ok] if str(w)}, key=lambda r: -int(((~ok) & (why == r)).sum()))
                for reason in regions:
                    sel = (~ok) & (why == reason)
                    u = (X[sel] - xs.min()) / max(np.ptp(xs), 1e-12)
                    v = (Y[sel] - ys.min()) / max(np.ptp(ys), 1e-12)
                    # a cell of the region's own, near its centroid and clear of the labels already placed
                    d = (u - u.mean()) ** 2 + (v - v.mean()) ** 2
                    clear = np.ones(u.shape, bool)
                    for pu, pv in placed:
                        clear &= (np.abs(u - pu) > 0.2) | (np.abs(v - pv) > 0.2)
                    clear &= (u > 0.08) & (u < 0.92) & (v > 0.1) & (v < 0.9)  # not cut by the frame
                    k = int(np.argmin(np.where(clear, d, d + 10.0)))
                    placed.append((float(u[k]), float(v[k])))
                    ax.text(X[sel][k], Y[sel][k], "infeasible:\n" + textwrap.fill(reason, 16), ha="center",
                            va="center", fontsize=7.5, zorder=6,
                            bbox=dict(boxstyle="round,pad=0.25", fc="white", ec="#555555", lw=0.6, alpha=0.9))
        ax.set_xlabel(f"{xlabel} ({xu})" if xu else xlabel)
        ax.set_ylabel(f"{ylabel} ({yu})" if yu else ylabel)
        ax.grid(False)
        if title is not None:
            ax.set_title(title)
    return fig, ax


def _label_contours(ax, lines, xs, ys, margin: float = 0.07) -> None:
    """Label each contour line once, at its point farthest from the frame (so no label is
    cut by the edge); lines that stay within ``margin`` of the frame go unlabelled."""
    spans = (max(np.ptp(xs), 1e-12), max(np.ptp(ys), 1e-12))
    levels, spots = [], []
    for level, path in zip(lines.levels, lines.get_paths()):
        v = path.vertices
        if len(v) == 0:
            continue
        u = (v[:, 0] - xs.min()) / spans[0]
        w = (v[:, 1] - ys.min()) / spans[1]
        room = np.minimum.reduce([u, 1 - u, w, 1 - w])
        k = int(np.argmax(room))
        if room[k] < margin:
            continue
        levels.append(level)
        spots.append((float(v[k, 0]), float(v[k, 1])))
    if spots:
        ax.clabel(lines, levels=levels, manual=spots, fmt="%.3g", fontsize=7, inline=True)


# --------------------------------------------------------------------------- muscles
def muscle_shares(demand: Any, ax=None, *, index: Any = None, joints: Sequence[str] = ("ankle", "knee", "hip"),
                  title: str | None = None, note: bool = True, figsize=(7.4, 3.6)):
    """Each muscle's share of each joint's net moment, as stacked horizontal bars.

    Shares of a joint sum to 100 %; an antagonist's share is negative and is drawn
    to the left of zero, and the agonists then carry more than 100 % between them
    (co-contraction: a two-joint muscle working at its other joint pulls against
    this one). With ``note`` the figure says so, in numbers, under the bars.

    Parameters
    ----------
    demand : MuscleDemand
        From :func:`biomech.muscles.muscle_demand` (``.share[joint][muscle]``).
    index : int, optional
        Which pose of an array demand.

    Returns
    -------
    (Figure, Axes)

    Examples
    --------
    >>> from biomech.muscles import muscle_demand
    >>> body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    >>> res = bm.joint_moments(body, bm.Pose(shank="30 deg", thigh="90 deg", trunk="45 deg"), [bm.Barbell("100 kg")])
    >>> fig, ax = muscle_shares(muscle_demand(res))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['ankle', 'knee', 'hip']
    >>> close(fig)
    """
    share = getattr(demand, "share", None)
    if not isinstance(share, Mapping):
        raise InputValueError(f"demand={type(demand).__name__} has no .share table; pass muscle_demand(result).")
    fig, ax = _axes(ax, figsize)
    with _drawing():
        ys = np.arange(len(joints))[::-1]
        seen = {}
        groups = {"quadriceps", "triceps_surae"}
        drawn = None
        if getattr(demand, "model", "classic") == "rajagopal2023":  # 40 muscles: the coach groups that hold each once
            from ..muscles.rajagopal import DISPLAY_GROUPS as drawn
        over: list[str] = []  # co-contraction, in words, per joint
        for yk, j in zip(ys, joints):
            if j not in share:
                raise InputValueError(f"joints: {j!r} has no muscle shares; expected some of {', '.join(share)}.")
            pos = neg = 0.0
            antagonists, agonists = [], []
            for muscle, s in (share[j].items() if drawn is None else ((k, share[j][k]) for k in drawn)):
                if drawn is None and muscle in groups:
                    continue
                v = np.asarray(s, dtype=float)
                v = float(v if v.ndim == 0 else (v[index] if index is not None else v.ravel()[0]))
                if not np.isfinite(v) or abs(v) < 1e-4:
                    continue
                left = pos if v > 0 else neg
                color = MUSCLE_COLORS.get(muscle, "#777777")
                b = ax.barh(yk, v * 100, left=left * 100, height=0.6, color=color, ec="white", lw=0.8,
                            label=muscle.replace("_", " "), zorder=3)
                seen.setdefault(muscle, b)
                name = muscle.replace("_", " ")
                if abs(v) >= 0.15:  # the muscle's name and share inside its bar
                    ax.text((left + v / 2) * 100, yk, f"{name}\n{v * 100:.0f}%", ha="center", va="center",
                            fontsize=7,
                            color="white" if muscle in ("vasti", "gastrocnemius", "gluteus_maximus", "glutes")
                            else "black", zorder=4, linespacing=1.0)
                elif abs(v) >= 0.02:  # a thin bar: named above it, with a leader
                    ax.annotate(f"{name} {v * 100:.0f}%", xy=((left + v / 2) * 100, yk + 0.3),
                                xytext=(6, 9), textcoords="offset points", ha="left", va="bottom", fontsize=7,
                                zorder=4, arrowprops=dict(arrowstyle="-", lw=0.7, color="#444444", shrinkA=1,
                                                          shrinkB=0))
                (antagonists if v < 0 else agonists).append((name, v))
                if v > 0:
                    pos += v
                else:
                    neg += v
            if antagonists:
                over.append(f"at the {j}, " + " and ".join(f"the {n} ({v * 100:.0f} %)" for n, v in antagonists)
                            + " pull against the net moment (two-joint muscles working at their other joint), so "
                            + " and ".join(f"the {n}" for n, _ in agonists) + f" carry {pos * 100:.0f} % of it")
        ax.axvline(0, color="black", lw=0.8)
        ax.axvline(100, color="#888888", lw=0.8, ls=":")
        ax.set_yticks(ys, list(joints))
        ax.set_ylim(ys.min() - 0.5, ys.max() + 0.75)
        ax.set_xlabel("share of the joint's net moment (%); each joint's shares sum to 100 %; negative = antagonist")
        if note and over:
            import textwrap

            text = ("Over 100 % means co-contraction: " + "; ".join(over) + ". Shares from static optimisation "
                    "(the least sum of squared activations).")
            ax.text(0.0, -0.2, textwrap.fill(text, 120), transform=ax.transAxes, ha="left", va="top", fontsize=7.5,
                    color="#333333")
        ax.legend(handles=list(seen.values()), labels=[m.replace("_", " ") for m in seen], loc="upper left",
                  bbox_to_anchor=(1.0, 1.0), title="muscle")
        ax.grid(axis="y", visible=False)
        if title is not None:
            ax.set_title(title)
    return fig, ax


# --------------------------------------------------------------------------- animation
def animate(result: Any, path: Any = None, ax=None, *, fps: int = 12, joints: Sequence[str] = ("knee", "hip"),
            title: str | None = None, frame_titles: Sequence[str] | None = None, figsize=(5.6, 5.2), **kwargs):
    """A rep as an animation: the stick figure redrawn for each pose of an array result.

    Parameters
    ----------
    result : result over a 1-D array of poses, or a list of single-pose results
        One frame per pose (``None`` entries are skipped).
    path : str or path, optional
        Where to write a GIF (matplotlib's Pillow writer), atomically.
    fps : int
        Frames per second.
    title : str, optional
        Each frame's title, followed by the frame's number.
    frame_titles : sequence of str, optional
        One title per frame instead (e.g. "down, thigh 45 deg").

    Returns
    -------
    (Figure, Axes)
        The figure shows the last frame; ``fig.biomech_animation`` holds the
        :class:`matplotlib.animation.FuncAnimation`.
    """
    from matplotlib import animation

    if path is not None:
        path = os.fspath(path)
        if not path.lower().endswith(".gif"):
            raise InputValueError(f"path={path!r}: an animation is written as a .gif file.")
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise InputValueError(f"path={path!r}: the folder {folder!r} does not exist.")
    if isinstance(result, (list, tuple)):
        frames = [(_static(r_), None) for r_ in result if r_ is not None]
        for r_, _ in frames:
            if r_.shape != ():
                raise InputValueError("a list of results for an animation must hold single-pose results.")
    else:
        r = _static(result)
        if len(r.shape) != 1:
            raise InputValueError(f"result has shape {r.shape}; an animation needs a 1-D array of poses.")
        frames = [(r, i) for i in range(r.shape[0])]
    n = len(frames)
    if n < 2:
        raise InputValueError(f"an animation needs at least 2 poses; got {n}.")
    if frame_titles is not None and len(frame_titles) != n:
        raise InputValueError(f"frame_titles has {len(frame_titles)} entries for {n} frames.")
    snaps = [_snapshot(r_, i) for r_, i in frames]
    ext = np.array([_figure_extent(s) for s in snaps])
    top = max(_head_centre(s.points)[0][1] + _head_centre(s.points)[1] for s in snaps)
    x0, x1, y0, y1 = ext[:, 0].min(), ext[:, 1].max(), ext[:, 2].min(), max(ext[:, 3].max(), top)
    span = max(x1 - x0, y1 - y0)
    limits = (x0 - 0.18 * span, x1 + 0.50 * span, y0 - 0.05 * span, y1 + 0.06 * span)
    fig, ax = _axes(ax, figsize)
    with _drawing():

        def frame(i):
            ax.clear()
            style_axes(ax)
            r_, idx = frames[i]
            if frame_titles is not None:
                text = frame_titles[i]
            else:
                text = (title + f"  (frame {i + 1}/{n})") if title else f"frame {i + 1}/{n}"
            stick_figure(r_, ax=ax, index=idx, joints=joints, limits=limits, title=text, **kwargs)
            return []

        anim = animation.FuncAnimation(fig, frame, frames=n, interval=1000 / fps, blit=False)
        if path is not None:
            from ..fileio import write_bytes

            with tempfile.TemporaryDirectory(prefix="biomech-") as scratch:
                tmp = os.path.join(scratch, "animation.gif")
                anim.save(tmp, writer=animation.PillowWriter(fps=fps), dpi=80)
                with open(tmp, "rb") as fh:
                    write_bytes(path, fh.read())
        else:
            frame(n - 1)
        fig.biomech_animation = anim
    return fig, ax


# --------------------------------------------------------------------------- conventions
def _arc(ax, centre, r, a0, a1, color, text, text_xy, fontsize=8.5):
    """Arc from angle a0 to a1 (degrees from +x, counter-clockwise) with a label at
    ``text_xy`` joined to the arc's middle by a thin leader."""
    import matplotlib.patches as mpatches

    lo, hi = min(a0, a1), max(a0, a1)
    ax.add_patch(mpatches.Arc(centre, 2 * r, 2 * r, theta1=lo, theta2=hi, color=color, lw=1.6, zorder=6))
    mid = np.radians(0.5 * (lo + hi))
    tip = (centre[0] + r * np.cos(mid), centre[1] + r * np.sin(mid))
    ax.annotate(text, xy=tip, xytext=text_xy, color=color, fontsize=fontsize, ha="center", va="center", zorder=7,
                bbox=dict(boxstyle="round,pad=0.2", fc="white", ec=color, lw=0.7),
                arrowprops=dict(arrowstyle="-", color=color, lw=0.8, shrinkA=0, shrinkB=0))


def conventions_diagram(body: Any = None, ax=None, figsize=(8.0, 6.4)):
    """The model's conventions in one labelled picture.

    Frame (origin at the heel, x forward, y up, gravity down), the segment angles
    (shank lean, thigh angle, trunk lean, arm angle; all positive in a squat), knee
    travel (front of the knee ahead of the toe tip), the centre of pressure, the
    system centre of mass, the load line, and the sign of each joint moment.

    Returns
    -------
    (Figure, Axes)

    Examples
    --------
    >>> fig, ax = conventions_diagram()
    >>> any("knee travel" in t.get_text() for t in ax.texts)
    True
    >>> close(fig)
    """
    import matplotlib.patches as mpatches

    from ..model.body import Body
    from ..model.pose import Pose
    from ..mechanics.statics import joint_moments

    body = body or Body.from_anthropometrics("178 cm", "80 kg")
    angles = dict(shank=30.0, thigh=75.0, trunk=40.0, arms=70.0)
    pose = Pose(**{k: f"{v} deg" for k, v in angles.items()})
    res = joint_moments(body, pose)
    snap = _snapshot(res)
    p = snap.points
    fig, ax = _axes(ax, figsize)
    with _drawing():
        xlim, ylim = (-0.9, 1.35), (-0.28, 1.5)
        ax.fill_between(xlim, ylim[0], 0, color="#EEEEEE", zorder=0, lw=0)
        ax.axhline(0, color="#555555", lw=1.2, zorder=1)
        _draw_body(ax, snap)
        vert = dict(color="#888888", lw=0.9, ls=(0, (3, 3)), zorder=1)
        a, k, h, s = p["ankle"], p["knee"], p["hip"], p["shoulder"]

        def direction(frm, to):
            return float(np.degrees(np.arctan2(to[1] - frm[1], to[0] - frm[0])))

        ax.plot([a[0], a[0]], [a[1], a[1] + 0.24], **vert)
        _arc(ax, a, 0.17, 90, direction(a, k), JOINT_COLORS["ankle"], f"shank lean +{angles['shank']:.0f}°\n"
             "(knee ahead of ankle)", (-0.42, 0.1))
        ax.plot([k[0], k[0]], [k[1], k[1] + 0.2], **vert)
        _arc(ax, k, 0.11, 90, direction(k, h), JOINT_COLORS["knee"], f"thigh angle +{angles['thigh']:.0f}°\n"
             "(90° = parallel)", (0.66, 0.66))
        ax.plot([h[0], h[0]], [h[1], h[1] + 0.3], **vert)
        _arc(ax, h, 0.2, 90, direction(h, s), JOINT_COLORS["hip"], f"trunk lean +{angles['trunk']:.0f}°",
             (-0.5, 0.98))
        if "grip" in p:
            ax.plot([s[0], s[0]], [s[1], s[1] - 0.3], **vert)
            _arc(ax, s, 0.2, -90, direction(s, p["grip"]), "#B8860B", f"arm angle +{angles['arms']:.0f}°\n"
                 "(0 = hanging)", (0.78, 1.02))
        # knee travel
        kf, toe = p["knee_front"], p["toe"]
        ax.plot([toe[0], toe[0]], [0, kf[1] + 0.08], color="#444444", lw=0.8, ls=":", zorder=1)
        ax.plot([kf[0], kf[0]], [kf[1], kf[1] + 0.08], color="#444444", lw=0.8, ls=":", zorder=1)
        ax.annotate("", xy=(kf[0], kf[1] + 0.06), xytext=(toe[0], kf[1] + 0.06),
                    arrowprops=dict(arrowstyle="<|-|>", color="black", lw=1.0, shrinkA=0, shrinkB=0,
                                    mutation_scale=8))
        ax.annotate(f"knee travel {100 * (kf[0] - toe[0]):+.1f} cm\n(front of the knee ahead\nof the toe tip)",
                    xy=(0.5 * (kf[0] + toe[0]), kf[1] + 0.06), xytext=(0.6, 0.34), fontsize=8.5, ha="left",
                    va="center", arrowprops=dict(arrowstyle="-", lw=0.7, shrinkA=0, shrinkB=0))
        # frame
        ax.annotate("", xy=(0.24, 0), xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color="black", lw=1.6,
                                                                      shrinkA=0, shrinkB=0))
        ax.annotate("", xy=(0, 0.24), xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color="black", lw=1.6,
                                                                      shrinkA=0, shrinkB=0))
        ax.text(0.25, -0.03, "x forward", fontsize=8.5, va="top", ha="center")
        ax.text(0.0, 0.26, "y up", fontsize=8.5, ha="center", va="bottom")
        ax.text(-0.02, -0.03, "origin: heel", fontsize=8.5, ha="right", va="top")
        ax.annotate("", xy=(-0.72, 1.08), xytext=(-0.72, 1.3), arrowprops=dict(arrowstyle="-|>", lw=1.6))
        ax.text(-0.69, 1.19, "g = 9.80665 m/s²", fontsize=8.5, va="center")
        # COM, COP, load line
        com, cop = p["com"], p["cop"]
        ax.plot([cop[0], cop[0]], [0, 1.3], color="#E41A1C", lw=1.1, ls=(0, (6, 3)), zorder=2)
        ax.text(cop[0], 1.32, "load line", color="#E41A1C", fontsize=8.5, ha="center", va="bottom")
        ax.plot(*com, marker="o", ms=10, mfc="#FFD700", mec="black", zorder=8)
        ax.plot(*com, marker="+", ms=10, mec="black", mew=1.2, zorder=9)
        ax.plot(cop[0], 0, marker="^", ms=10, mfc="#E41A1C", mec="black", zorder=8)
        ax.annotate("system centre of mass", xy=com, xytext=(0.42, 0.74), fontsize=8.5, ha="left", va="center",
                    arrowprops=dict(arrowstyle="-", lw=0.7, shrinkA=0, shrinkB=5))
        ax.annotate("centre of pressure (target point:\nmidfoot; ball of the foot for calves)", xy=(cop[0], 0),
                    xytext=(0.42, -0.17), fontsize=8.5, ha="left", va="center",
                    arrowprops=dict(arrowstyle="-", lw=0.7, shrinkA=0, shrinkB=5,
                                    connectionstyle="angle,angleA=0,angleB=90,rad=0"))
        ax.annotate("L5/S1 (lumbar)", xy=p["lumbar"], xytext=(-0.55, 0.74), fontsize=8.5, ha="center",
                    va="center", arrowprops=dict(arrowstyle="-", lw=0.7, shrinkA=0, shrinkB=3))
        ax.annotate("hip joint centre", xy=h, xytext=(-0.55, 0.55), fontsize=8.5, ha="center", va="center",
                    arrowprops=dict(arrowstyle="-", lw=0.7, shrinkA=0, shrinkB=4))
        ax.text(0.985, 0.985, "Moments (N·m), + = ankle plantarflexor, knee\nextensor, hip extensor, lumbar extensor "
                "demand.\nJoint angles: ankle = shank − foot,\nknee = shank + thigh, hip = thigh + trunk.\n"
                "Foot angle: heel raised above the ball (0 = flat).",
                transform=ax.transAxes, ha="right", va="top", fontsize=8,
                bbox=dict(boxstyle="round,pad=0.4", fc="white", ec="#999999"))
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.set_aspect("equal", adjustable="box")
        ax.set_xlabel("x, forward (m)")
        ax.set_ylabel("y, up (m)")
        ax.set_title("Conventions: frame, segment angles, knee travel, COM, COP")
        del mpatches
    return fig, ax
