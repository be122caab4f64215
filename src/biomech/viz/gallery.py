"""The bottom position of every exercise as a stick figure, for ``docs/exercises.md``.

Run ``python -m biomech.viz.gallery docs/img`` to (re)write the PNGs; the drawing
is :func:`biomech.viz.plot.stick_figure`'s, the poses are the exercises' defaults for a
1.78 m, 80 kg man (de Leva 1996 segments).
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["EXAMPLES", "make_gallery"]


def _examples(body):
    from ..exercises import (back_extension, bulgarian_split_squat, deadlift, front_squat, goblet_squat, leg_curl,
                   leg_extension, leg_press, lunge, romanian_deadlift, seated_calf_raise, split_squat,
                   standing_calf_raise, step_up, stiff_leg_deadlift, squat)
    return {
        "squat_high_bar": lambda: squat(body, load="100 kg", bar="high_bar"),
        "squat_low_bar": lambda: squat(body, load="100 kg", bar="low_bar", knee_travel="0 cm"),
        "front_squat": lambda: front_squat(body, load="80 kg"),
        "goblet_squat": lambda: goblet_squat(body, load="24 kg"),
        "squat_heel_lift": lambda: squat(body, load="80 kg", heel_lift="3 cm", knee_travel="12 cm"),
        "squat_wide_toes_out": lambda: squat(body, load="100 kg", stance_width="65 cm", toe_out="30 deg"),
        "lunge": lambda: lunge(body, load="2 * 15 kg"),
        "split_squat": lambda: split_squat(body, load="60 kg", hold="back"),
        "bulgarian_split_squat": lambda: bulgarian_split_squat(body, load="2 * 20 kg"),
        "step_up": lambda: step_up(body, load="2 * 15 kg"),
        "romanian_deadlift": lambda: romanian_deadlift(body, load="100 kg"),
        "stiff_leg_deadlift": lambda: stiff_leg_deadlift(body, load="80 kg"),
        "deadlift": lambda: deadlift(body, load="140 kg"),
        "back_extension": lambda: back_extension(body, load="10 kg"),
        "leg_press": lambda: leg_press(body, load="150 kg"),
        "leg_extension": lambda: leg_extension(body, load="40 kg"),
        "leg_curl": lambda: leg_curl(body, load="30 kg"),
        "standing_calf_raise": lambda: standing_calf_raise(body, load="60 kg", foot="-15 deg"),
        "seated_calf_raise": lambda: seated_calf_raise(body, load="40 kg"),
    }


EXAMPLES = tuple(_examples(None))


def make_gallery(outdir: str | Path) -> list[Path]:
    """Write one PNG per exercise into ``outdir``; returns the paths."""
    import matplotlib.pyplot as plt

    import biomech as bm
    from biomech.viz import plot

    body = bm.Body.from_anthropometrics("178 cm", "80 kg")
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    with plt.ioff():  # nothing shown; the caller's interactive mode and backend are left as found
        for name, make in _examples(body).items():
            res = make()
            fig, ax = plot.stick_figure(res, title=name.replace("_", " "))
            path = out / f"exercise_{name}.png"
            plot.save_figure(fig, path, dpi=90)
            plot.close(fig)
            paths.append(path)
    return paths


if __name__ == "__main__":  # pragma: no cover
    for p in make_gallery(sys.argv[1] if len(sys.argv) > 1 else "docs/img"):
        print(p)
