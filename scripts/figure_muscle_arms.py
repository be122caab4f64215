#!/usr/bin/env python
"""Figure for docs/muscles.md: the main moment arms of the Rajagopal-Lai-Uhlrich (2023)
tables over the whole range, against the curves the classic nine-muscle model uses.

Usage: ``python scripts/figure_muscle_arms.py [OUT.png]`` (default
``docs/img/muscle_moment_arms_rajagopal.png``). Both sets are drawn for their sources'
bodies (unscaled). Hip flexion beyond the model's range (past 120 deg) is shaded: there the
tables are extended linearly (see ``biomech.muscles.rajagopal``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from biomech.muscles import catalog as old  # noqa: E402
from biomech.muscles.rajagopal import GROUPS, KEYS, tables  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def weighted(r, members, row):
    """Max-isometric-force weighted mean arm of a group (m) along the sweep."""
    t = tables()
    idx = [KEYS.index(m) for m in members]
    w = t.max_isometric_force[idx]
    return (r[:, row, idx] * w).sum(axis=1) / w.sum()


def main(out=None):
    out = Path(out) if out else ROOT / "docs" / "img" / "muscle_moment_arms_rajagopal.png"
    t = tables()
    fig, axes = plt.subplots(2, 2, figsize=(12, 8.5))
    mm = 1e3
    # knee extensors
    ax = axes[0, 0]
    k = np.linspace(0, 140, 281)
    r, _, _ = t.evaluate(np.zeros_like(k), k, np.zeros_like(k))
    ax.plot(k, weighted(r, GROUPS["vasti"], 1) * mm, color="C0", lw=2.2, label="vasti (Rajagopal 2023)")
    ax.plot(k, r[:, 1, KEYS.index("rectus_femoris")] * mm, color="C1", lw=2.2, label="rectus femoris, hip 0° (Rajagopal 2023)")
    ax.plot(k, old.QUADRICEPS_EFFECTIVE(np.radians(k)) * mm, color="k", ls="--", lw=1.5,
            label="classic: patellar tendon MRI / Buff 1988 ratio")
    ax.set_title("Knee extensors: effective moment arm vs knee flexion")
    ax.set_xlabel("knee flexion (deg)")
    # knee flexors
    ax = axes[0, 1]
    for key, c in (("biceps_femoris_long_head", "C2"), ("semimembranosus", "C3"), ("semitendinosus", "C4"),
                   ("biceps_femoris_short_head", "C5")):
        ax.plot(k, -r[:, 1, KEYS.index(key)] * mm, color=c, lw=2, label=key.replace("_", " ") + " (hip 0°)")
    ax.plot(k, -r[:, 1, KEYS.index("gastrocnemius_medial")] * mm, color="C6", lw=2, label="gastrocnemius medial")
    ax.plot(k, old.HAMSTRINGS_KNEE(np.radians(k)) * mm, color="k", ls="--", lw=1.5,
            label="classic hamstrings (Delp 1990 paths, held past 90°)")
    ax.plot(k, old.GASTROCNEMIUS_KNEE_HAWKINS_HULL(np.radians(k)) * mm, color="grey", ls=":", lw=1.8,
            label="classic gastrocnemius (Hawkins & Hull 1990)")
    ax.set_title("Knee flexors: moment arm vs knee flexion")
    ax.set_xlabel("knee flexion (deg)")
    # hip extensors
    ax = axes[1, 0]
    h = np.linspace(-30, 150, 361)
    r, _, _ = t.evaluate(h, np.full_like(h, 90.0), np.zeros_like(h))
    ax.axvspan(120, 150, color="0.9", zorder=0)
    ax.text(135, 56, "beyond the\nmodel's range:\nextended\nlinearly", ha="center", va="bottom", fontsize=8)
    for g, c in (("gluteus_maximus", "C0"), ("hamstrings", "C2"), ("adductor_magnus", "C3")):
        ax.plot(h, weighted(r, GROUPS[g], 2) * mm, color=c, lw=2.2, label=f"{g.replace('_', ' ')} (Rajagopal 2023, force-weighted)")
    for curve, c, lab in ((old.GLUTEUS_MAXIMUS_HIP, "C0", "classic gluteus maximus (Delp 1990)"),
                          (old.HAMSTRINGS_HIP, "C2", "classic hamstrings (Dostal & Andrews 1981)"),
                          (old.ADDUCTOR_MAGNUS_HIP, "C3", "classic adductor magnus (Dostal & Andrews 1981)")):
        ax.plot(h, curve(np.radians(h)) * mm, color=c, ls="--", lw=1.5, label=lab)
    ax.set_title("Hip extensors: moment arm vs hip flexion (knee 90°)")
    ax.set_xlabel("hip flexion, thigh to pelvis (deg)")
    # ankle
    ax = axes[1, 1]
    a = np.linspace(-50, 50, 201)
    r, _, _ = t.evaluate(np.zeros_like(a), np.zeros_like(a), a)
    ax.plot(a, r[:, 0, KEYS.index("soleus")] * mm, color="C0", lw=2.2, label="soleus (Rajagopal 2023)")
    ax.plot(a, r[:, 0, KEYS.index("gastrocnemius_medial")] * mm, color="C6", lw=2.2, label="gastrocnemius medial")
    ax.plot(a, -r[:, 0, KEYS.index("tibialis_anterior")] * mm, color="C1", lw=2.2,
            label="tibialis anterior (dorsiflexor)")
    ax.plot(a, old.ACHILLES_MANAL2013(np.radians(a)) * mm, color="k", ls="--", lw=1.5,
            label="classic Achilles (Manal 2013)")
    ax.plot(a, old.TIBIALIS_ANTERIOR_ANKLE(np.radians(a)) * mm, color="C1", ls="--", lw=1.5,
            label="classic tibialis anterior")
    ax.set_title("Ankle: moment arm vs dorsiflexion")
    ax.set_xlabel("ankle dorsiflexion (deg)")
    legend = {(0, 0): ("lower left", 1, None), (0, 1): ("upper right", 1, 82), (1, 0): ("upper right", 1, 118),
              (1, 1): ("lower center", 1, None)}
    for (i, j), (loc, ncol, top) in legend.items():
        ax = axes[i, j]
        ax.set_ylabel("moment arm (mm)")
        ax.set_ylim(0, top)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7, loc=loc, ncol=ncol)
    fig.suptitle("Muscle moment arms over the whole range: Rajagopal-Lai-Uhlrich 2023 model (solid) "
                 "vs the classic curves (dashed), each for its source's body", fontsize=11)
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return str(out)


if __name__ == "__main__":
    print(main(sys.argv[1] if len(sys.argv) > 1 else None))
