"""Build the notebooks of this folder from the cells below, run them and keep their outputs
(run: python notebooks/make_notebooks.py).

Each notebook opens with the picture (the stick figure and the load line), then the
equations (written out once, in the quick start; the others link to them), then the code,
then "what changes if...". They are committed with their outputs, so a reader browsing
the repository sees the figures; ``tests/test_notebooks.py`` runs every one afresh and
checks that the committed outputs match the fresh run (structure and text; every cell
that draws has an image). After changing the library or a cell, run this script again.
"""

from __future__ import annotations

import os
import re
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = os.path.dirname(os.path.abspath(__file__))

SETUP = """\
import numpy as np
import matplotlib.pyplot as plt
import biomech as bm
from biomech import Q_
from biomech.viz import plot
from biomech import exercises as ex

body = bm.Body.from_anthropometrics(height="178 cm", mass="80 kg", sex="male")"""

EQUATIONS = r"""## The equations <a id="equations"></a>

For each joint take the **free side**, everything on the side of the joint away from the
support (above it, when the feet carry the body). The joint's net internal moment balances
the moment of the external forces on that side:

$$M_j = \sum_i F_i \, d_{i,j}$$

where $F_i$ is load $i$ (a segment's weight, the bar, a cable) and $d_{i,j}$ its **moment
arm**, the perpendicular distance from the joint centre to the load's line of action
(for gravity, the horizontal distance). Signs: $M > 0$ is an ankle plantarflexor, knee
extensor, hip extensor or lumbar extensor demand. The whole body balances when the ground
reaction passes through the centre of pressure (COP) along the **load line**; with gravity
alone the system centre of mass sits straight above the COP."""

#: The other notebooks point to the equations instead of repeating them.
SEE_EQUATIONS = """## The equations

Each joint's moment is the sum, over everything on its free side, of force x moment arm
(the equations and signs are written out in the
[quick start](01_quick_start.ipynb#equations))."""

NOTEBOOKS: dict[str, list[tuple[str, str]]] = {}

NOTEBOOKS["01_quick_start.ipynb"] = [
    ("md", """# Quick start: a squat's joint moments in four lines

The picture first: a high-bar back squat, 100 kg, thigh parallel, at the typical technique:
the shin lean and the centre of pressure that measured lifters show at that depth
(`docs/technique.md`; a coach's `knee_travel=` or `cop=` overrides either). The dashed red line is the load line through the centre of pressure; at each joint the
coloured segment is the moment arm to the line of action of everything above it."""),
    ("code", SETUP + """
sq = ex.squat(body, depth="90 deg", load="100 kg", bar="high_bar")
print(sq.parameters["knee_travel"])   # what the typical technique chose, and from which study
fig, ax = plot.stick_figure(sq, title="high-bar squat, 100 kg, typical technique")"""),
    ("md", EQUATIONS),
    ("md", "## The numbers behind the picture: force x moment arm, load by load"),
    ("code", """print(sq.table())
print()
print("knee", sq.knee.to("N*m"), " hip", sq.hip.to("N*m"), " per kg:", sq.moments.per_kg.knee)"""),
    ("code", """fig, ax = plot.load_bars(sq, joints=("ankle", "knee", "hip", "lumbar"))"""),
    ("md", """## Units everywhere
Inputs take pint Quantities or strings with units; a bare number is refused, with the fix."""),
    ("code", """try:
    ex.squat(body, depth=90, load="225 lb")
except bm.UnitError as err:
    print(err)
tall = bm.Body.from_anthropometrics(height="6 ft 2 in", mass="95 kg")
print(f"{ex.squat(tall, depth='parallel', knee_travel='5 cm', load='225 lb').knee.m_as('N*m'):.1f} N·m")"""),
    ("md", """## What changes if... the bar sits low on the back?"""),
    ("code", """low = ex.squat(body, depth="90 deg", knee_travel="0 cm", load="100 kg", bar="low_bar")
fig, axs = plot.stick_figures([sq, low], ["high bar, typical shin lean", "low bar, knees over toes"])"""),
    ("md", """## Not one number: the spread real lifters show
Lifters differ in where the pressure sits and how far the shins lean. `samples=` draws that many
techniques from the measured spread in one vectorised call; `.band()` gives the typical value
(the median) with its 5th to 95th percentile, and the share of draws that can stand."""),
    ("code", """band = ex.squat(body, depth="90 deg", load="100 kg", bar="high_bar", samples=500).band()
print("\\n".join(band.lines()))"""),
]

NOTEBOOKS["02_knee_over_toes.ipynb"] = [
    ("md", """# Knees over toes: where does the work go?

The classic experiment (Fry, Smith & Schilling 2003, J Strength Cond Res 17:629): the same
squat with the knees held behind a barrier at the toes, and with the knees free. Restricting
the knees tips the trunk forward to keep balance; the hip's moment arm grows and the knee's
shrinks."""),
    ("code", SETUP + """
restricted = ex.squat(body, depth="90 deg", knee_travel="-5 cm", load="80 kg")
free = ex.squat(body, depth="90 deg", knee_travel="10 cm", load="80 kg")
fig, axs = plot.stick_figures([restricted, free], ["knees restricted", "knees free"])"""),
    ("md", SEE_EQUATIONS + r"""

With the centre of pressure held at one point of the foot (here the typical squat's, 49 % of the
foot from the heel), the knee's moment is close to
$W_{\text{above}} \, (x_{\text{knee}} - x_{\text{COP}})$: it grows with how far the knee
travels ahead of that point, almost whatever the depth."""),
    ("code", """for name, r in (("restricted", restricted), ("free", free)):
    print(f"{name:>10}: knee {r.knee.m_as('N*m'):.0f} N·m, hip {r.hip.m_as('N*m'):.0f} N·m, "
          f"trunk lean {r.trunk.m_as('deg'):.0f}°, hip share {float(r.hip_share):.2f}")"""),
    ("md", "## Knee travel x depth: the whole map, with the poses that cannot exist masked"),
    ("code", """kt = Q_(np.linspace(-8, 20, 71), "cm")
depth = Q_(np.linspace(50, 120, 71), "deg")
grid = ex.squat(body, depth=depth[:, None], knee_travel=kt[None, :], load="100 kg")   # one call, 71 x 71 squats
from biomech.viz.figures import reason_text   # the reason codes in words
fig, ax = plot.moment_map(kt, depth, grid.knee, feasible=grid.feasible, reasons=reason_text(grid.reason),
                          xlabel="knee travel", ylabel="depth (thigh angle)", zlabel="knee moment per leg",
                          title="High-bar back squat, 100 kg: knee extensor moment")"""),
    ("md", """## What changes if... the heels are raised?
A wedge under the heels lets the knees travel further before the ankle runs out of
dorsiflexion."""),
    ("code", """for lift in ("0 cm", "2.5 cm"):
    try:
        r = ex.squat(body, depth="100 deg", knee_travel="15 cm", load="100 kg", heel_lift=lift)
        print(f"{lift} heel lift: knee {r.knee.m_as('N*m'):.0f} N·m, ankle dorsiflexion {r.pose.ankle.m_as('deg'):.1f}°")
    except bm.InfeasiblePoseError as err:
        print(lift, "heel lift:", err)"""),
]

NOTEBOOKS["03_stance_lunges_step_length.ipynb"] = [
    ("md", """# Stance, lunges and step length

A split stance gives each leg its own angles. The picture: a lunge from the exercise library,
75 cm step, front thigh parallel, rear knee 5 cm off the floor, 2 x 15 kg dumbbells; the
front leg solid, the rear leg lighter."""),
    ("code", SETUP + """
lunge = ex.lunge(body, step_length="75 cm", depth="parallel", load="30 kg")
fig, ax = plot.stick_figure(lunge, joints=["knee", "hip"], title="lunge, 75 cm step, 2 x 15 kg")"""),
    ("md", SEE_EQUATIONS + """

In a split stance the ground reaction is shared: `front_share` of it goes through the front
foot (a stated parameter, 0.70 by default for lunges), the rest through the rear foot's ball.
Each leg's moments follow from its own foot's reaction; the trunk lean is solved so that the
front foot's centre of pressure sits at its midfoot."""),
    ("code", """print(lunge.table())
for leg in ("front", "rear"):
    m = getattr(lunge, leg)
    print(f"{leg:>5} leg: knee {m.knee.m_as('N*m'):.0f} N·m, hip {m.hip.m_as('N*m'):.0f} N·m")
print(f"trunk lean {lunge.trunk.m_as('deg'):.1f}°, front knee travel {lunge.knee_travel.m_as('cm'):.1f} cm")"""),
    ("md", """## What changes if... the step is shorter or longer? (one call over step lengths)"""),
    ("code", """step = Q_(np.linspace(50, 85, 15), "cm")
sweep = ex.lunge(body, step_length=step, depth="parallel", load="30 kg")
fig, ax = plt.subplots(figsize=(6.4, 3.6), layout="constrained")
ax.plot(step.m, sweep.front.knee.m_as("N*m"), label="front knee")
ax.plot(step.m, sweep.front.hip.m_as("N*m"), "--", label="front hip")
ax.set_xlabel("step length (cm)"); ax.set_ylabel("moment per leg (N·m)"); ax.legend()
print("infeasible:", dict(zip(step.m[~sweep.feasible], sweep.reason[~sweep.feasible])))"""),
    ("md", """## What changes if... the trunk leans more or less? Step length x trunk lean

With `trunk_lean=` given the lean is no longer solved; the front foot's centre of pressure becomes
the output, and leans that would put it behind the heel or past the toes cannot balance."""),
    ("code", """trunk = Q_(np.linspace(-15, 60, 76), "deg")
step = Q_(np.linspace(50, 100, 51), "cm")
grid = ex.lunge(body, step_length=step[None, :], trunk_lean=trunk[:, None], load="30 kg")
from biomech.viz.figures import reason_text   # the reason codes in words
fig, ax = plot.moment_map(step, trunk, grid.front.knee, feasible=grid.feasible, reasons=reason_text(grid.reason),
                          xlabel="step length", ylabel="trunk lean", zlabel="front knee moment per leg",
                          title="Lunge, 2 x 15 kg dumbbells: front knee extensor moment")"""),
    ("md", "## What changes if... more of the weight sits on the front foot?"),
    ("code", """shares = np.linspace(0.5, 0.9, 9)
by_share = ex.lunge(body, step_length="75 cm", load="30 kg", front_share=shares)
print(np.round(by_share.front.knee.m_as("N*m"), 0), by_share.reason)"""),
]

NOTEBOOKS["04_hinges_and_hamstrings.ipynb"] = [
    ("md", """# Hinges and the hamstrings

A hip hinge keeps the knees nearly straight and folds at the hip: the load hangs from the
hands, in front of the hip. The picture: a Romanian deadlift with 100 kg, the bar sliding down
the thighs to the knees, balanced with the pressure point where Lee et al. (2018)'s ankle
moments put it, 30 % of the foot from the heel (the arms slope back a little: the shoulders hold
the bar against the legs)."""),
    ("code", SETUP + """
rdl = ex.romanian_deadlift(body, bar_height="knee", knee_flexion="20 deg", load="100 kg")
fig, ax = plot.stick_figure(rdl, title="Romanian deadlift, 100 kg, bar to the knee")"""),
    ("md", SEE_EQUATIONS + """

The hip's extensor moment is shared by the gluteus maximus, the hamstrings and the adductor
magnus; the hamstrings also cross the knee, where they are flexors. `muscle_demand` splits
each joint's moment by static optimisation (sum of squared activations) over the 40 muscles per
leg of the Rajagopal-Lai-Uhlrich (2023) OpenSim model, grouped as a coach names them."""),
    ("code", """demand = bm.muscle_demand(rdl)
fig, ax = plot.muscle_shares(demand, title="Romanian deadlift: who carries each joint")
print(f"hamstrings force {float(demand.force['hamstrings'].m_as('N')):.0f} N")"""),
    ("md", "## Romanian, stiff-leg and conventional deadlifts side by side"),
    ("code", """stiff = ex.stiff_leg_deadlift(body, load="100 kg")
conventional = ex.deadlift(body, load="100 kg")
fig, axs = plot.stick_figures([rdl, stiff, conventional], ["Romanian", "stiff-leg", "conventional"],
                              joints=("knee", "hip"))"""),
    ("md", "## Through the rep: torque curves (one `rep_path` call each)"),
    ("code", """frac = np.linspace(0.05, 1, 25)   # fraction 0, fully upright, is out of the hinge rule's reach
runs = {name: ex.rep_path(fn, body, load="100 kg", fractions=frac)
        for name, fn in (("Romanian", ex.romanian_deadlift), ("stiff-leg", ex.stiff_leg_deadlift),
                         ("conventional", ex.deadlift))}
fig, ax = plot.torque_curves(runs, x="hip", joints=("knee", "hip"))"""),
    ("md", "## What changes if... the knees bend more? (one call over knee bends)"),
    ("code", """bend = Q_(np.linspace(5, 35, 7), "deg")
more = ex.romanian_deadlift(body, load="100 kg", knee_flexion=bend)
for b, k, h in zip(bend.m, more.knee.m_as("N*m"), more.hip.m_as("N*m")):
    print(f"knee bend {b:4.0f}°: knee {k:6.0f} N·m, hip {h:5.0f} N·m")"""),
]

NOTEBOOKS["05_calves_and_knee_angle.ipynb"] = [
    ("md", """# Calves and knee angle

In a calf raise the heel leaves the ground and the centre of pressure moves to the ball of
the foot. The picture: a standing calf raise from the exercise library, heels 20 degrees up,
60 kg on the shoulders, the straight body leaning as one piece until the lifter balances
over the ball of the foot."""),
    ("code", SETUP + """
calf = ex.standing_calf_raise(body, load="60 kg", foot="20 deg")
fig, ax = plot.stick_figure(calf, joints=["ankle", "knee"], title="standing calf raise, heels up 20°")"""),
    ("md", SEE_EQUATIONS + """

Over the ball of the foot, the ankle's plantarflexor moment is the weight each foot carries
times the horizontal distance from the ankle to the ball. The gastrocnemius crosses the knee
too; bending the knee shortens it, which is why seated calf raises are said to favour the
soleus."""),
    ("code", """print(f"ankle moment per leg: {calf.ankle.m_as('N*m'):.0f} N·m")
print(f"it changes by {float(calf.ankle_per_cm_cop.m_as('N*m/cm')):.1f} N·m per cm the centre of pressure moves")
seated = ex.seated_calf_raise(body, load="60 kg", foot="20 deg")
fig, ax = plot.stick_figure(seated, joints=["ankle"], title="seated calf raise, knee 90°, heels up 20°")"""),
    ("md", """## What changes if... the knee bends? Standing versus seated, over the range (one call each)
The soleus question turns on the Achilles tendon's stretch, so this cell asks for the library's
nine-muscle set (`model="classic"`), whose calf tendons are compliant (Maganaris 1998); the
default 40-muscle model has rigid tendons, and with them the seated soleus share falls below the
standing one (`docs/muscles.md`)."""),
    ("code", """foot = Q_(np.linspace(-20, 35, 12), "deg")
fig, ax = plt.subplots(figsize=(7.5, 3.8), layout="constrained")
for name, res, color in (("standing", ex.standing_calf_raise(body, load="60 kg", foot=foot), "C0"),
                         ("seated", ex.seated_calf_raise(body, load="60 kg", foot=foot), "C1")):
    d = bm.muscle_demand(res, model="classic")   # compliant Achilles tendon (see the note above)
    ax.plot(foot.m, 100 * np.asarray(d.share["ankle"]["soleus"]), color=color, label=f"{name}: soleus")
    ax.plot(foot.m, 100 * np.asarray(d.share["ankle"]["gastrocnemius"]), "--", color=color,
            label=f"{name}: gastrocnemius")
ax.set_xlabel("foot angle, heel above the ball (deg)"); ax.set_ylabel("share of the ankle moment (%)")
ax.legend(fontsize=8);"""),
]

NOTEBOOKS["06_your_own_data.ipynb"] = [
    ("md", """# Your own data: segments, measurements and a .mot file

The picture first, for a body built from your own measurements."""),
    ("code", SETUP + """
mine = bm.Body.from_segments(
    shank=bm.Segment(length="43 cm", mass="3.9 kg", com=0.43, gyration=0.30),
    thigh=bm.Segment(length="46 cm", mass="10.5 kg", com=0.43, gyration=0.32),
    trunk=bm.Segment(length="52 cm", mass="40 kg", com=0.50, gyration=0.30),
    arms=bm.Segment(length="60 cm", mass="8 kg", com=0.45, gyration=0.30),
    foot=bm.Segment(length="26 cm", mass="1.2 kg", com=0.44, gyration=0.25))
print(mine.describe())
res = bm.joint_moments(mine, bm.Pose(shank="25 deg", thigh="85 deg", trunk="40 deg"), [bm.Barbell("70 kg")])
fig, ax = plot.stick_figure(res, title="a body from your own segments")"""),
    ("md", SEE_EQUATIONS + """

Any table-based body can be adjusted one segment at a time: a long femur, say."""),
    ("code", """long_femur = body.with_segment("thigh", length="50 cm")
for b, name in ((body, "table thigh"), (long_femur, "50 cm thigh")):
    try:
        r = ex.squat(b, depth="90 deg", knee_travel="5 cm", load="100 kg")
        print(f"{name}: knee {r.knee.m_as('N*m'):.0f} N·m, hip {r.hip.m_as('N*m'):.0f} N·m, trunk lean {r.trunk.m_as('deg'):.0f}°")
    except bm.InfeasiblePoseError as err:
        print(name, err)"""),
    ("md", """## A motion file (OpenSim `.mot`)
Here we write a tiny `.mot` file (a slow half squat in the gait2392 model's signs: knee
flexion negative) and read it back; with your own file, pass its path."""),
    ("code", """import os, tempfile
t = np.linspace(0, 2, 21)
knee = -60 * np.sin(np.pi * t / 2) ** 2      # gait2392: flexion is negative
hip = 50 * np.sin(np.pi * t / 2) ** 2
ankle = 20 * np.sin(np.pi * t / 2) ** 2
rows = "\\n".join(f"{a:.3f}\\t{h:.3f}\\t{k:.3f}\\t{an:.3f}" for a, h, k, an in zip(t, hip, knee, ankle))
text = (f"squat\\nversion=1\\nnRows={len(t)}\\nnColumns=4\\ninDegrees=yes\\nendheader\\n"
        f"time\\thip_flexion_r\\tknee_angle_r\\tankle_angle_r\\n{rows}\\n")
path = os.path.join(tempfile.mkdtemp(), "half_squat.mot")
with open(path, "w") as f:
    f.write(text)
from biomech.motion import io as motion_io
table = motion_io.read_mot(path)
pose = motion_io.opensim_pose(table, model="gait2392", reference="foot")
res = bm.joint_moments(body, pose, [bm.Barbell("60 kg")])
fig, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
for j in ("knee", "hip"):
    ax.plot(table.time_s, res.moments[j].to("N*m").magnitude, label=j)
ax.set_xlabel("time (s)"); ax.set_ylabel("static joint moment (N·m)"); ax.legend(title="your own figure");"""),
]

NOTEBOOKS["07_sliders.ipynb"] = [
    ("md", """# Sliders: depth, knee travel and load

The picture first (the drawing the sliders redraw): the stick figure with its moment arms
and the per-load bars. Further down, sliders for depth, knee travel and load (live in
Jupyter with ipywidgets; without a frontend the notebook still runs and draws once)."""),
    ("code", SETUP + """

def draw(depth=90.0, knee_travel=5.0, load=100.0):
    try:
        sq = ex.squat(body, depth=Q_(depth, "deg"), knee_travel=Q_(knee_travel, "cm"), load=Q_(load, "kg"))
    except bm.InfeasiblePoseError as err:
        print("This pose cannot exist:", err)
        return
    fig, axs = plt.subplots(1, 2, figsize=(12.5, 5.0), layout="constrained", width_ratios=[1.15, 1])
    plot.stick_figure(sq, ax=axs[0], title=f"depth {depth:.0f}°, knee travel {knee_travel:.0f} cm, {load:.0f} kg")
    plot.load_bars(sq, ax=axs[1], joints=("ankle", "knee", "hip"))
    plt.show()

draw()"""),
    ("md", SEE_EQUATIONS),
    ("code", """import ipywidgets as widgets

wide = {"description_width": "initial"}
controls = widgets.interactive(
    draw,
    depth=widgets.FloatSlider(value=90, min=40, max=120, step=5, description="depth, thigh angle (deg)", style=wide),
    knee_travel=widgets.FloatSlider(value=5, min=-8, max=18, step=1, description="knee travel past the toes (cm)",
                                    style=wide),
    load=widgets.FloatSlider(value=100, min=0, max=200, step=10, description="bar load (kg)", style=wide))
controls"""),
]


def _execute(nb, cwd: str, timeout: int):
    """Run a notebook in a fresh python3 kernel (``timeout`` s per cell), outputs kept."""
    import nbclient

    env_backend = os.environ.pop("MPLBACKEND", None)  # the kernel draws inline, as in Jupyter
    src = os.path.join(os.path.dirname(HERE), "src")
    old_path = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join([src] + ([old_path] if old_path else []))
    try:
        client = nbclient.NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                                         resources={"metadata": {"path": cwd}})
        client.execute()
    finally:
        if env_backend is not None:
            os.environ["MPLBACKEND"] = env_backend
        if old_path is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = old_path
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    nb.metadata.pop("widgets", None)  # live widget state: meaningless without a kernel
    return nb


def notebook(name: str):
    """The notebook ``name`` as built from its cells (no outputs)."""
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in NOTEBOOKS[name]]
    for k, cell in enumerate(nb.cells):
        cell["id"] = f"{os.path.splitext(name)[0].replace('_', '-')}-{k}"
    return nb


#: A code cell draws when it calls one of the library's pictures or makes a figure itself.
DRAWS = re.compile(r"\bplot\.(stick_figures?|load_bars|torque_curves|moment_map|muscle_shares|animate|"
                   r"conventions_diagram)\(|\bplt\.subplots\(|^draw\(\)", re.M)


def build(out_dir: str = HERE, execute: bool = True, timeout: int = 120, names=None) -> list[str]:
    """Write every notebook (``names``: some of them), run it and keep its outputs
    (``execute=False``: the cells alone); returns their paths."""
    paths = []
    for name in (names or NOTEBOOKS):
        nb = notebook(name)
        if execute:
            nb = _execute(nb, out_dir, timeout)
        path = os.path.join(out_dir, name)
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            nbformat.write(nb, f)
        os.replace(tmp, path)
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in build(sys.argv[1] if len(sys.argv) > 1 else HERE):
        print(p)
