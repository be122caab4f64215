"""Build the notebooks of this folder from the cells below (run: python notebooks/make_notebooks.py).

Each notebook opens with the picture (the stick figure and the load line), then the
equations, then the code, then "what changes if...". They are written without outputs;
``tests/test_notebooks.py`` executes every one.
"""

from __future__ import annotations

import os
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = os.path.dirname(os.path.abspath(__file__))

SETUP = """\
import numpy as np
import matplotlib.pyplot as plt
import biomech as bm
from biomech import Q_, plot
from biomech import exercises as ex

body = bm.Body.from_anthropometrics(height="178 cm", mass="80 kg", sex="male")"""

EQUATIONS = r"""## The equations

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

NOTEBOOKS: dict[str, list[tuple[str, str]]] = {}

NOTEBOOKS["01_quick_start.ipynb"] = [
    ("md", """# Quick start: a squat's joint moments in four lines

The picture first: a high-bar back squat, 100 kg, thigh parallel, knees 5 cm past the toes.
The dashed red line is the load line through the centre of pressure; at each joint the
coloured segment is the moment arm to the line of action of everything above it."""),
    ("code", SETUP + """
sq = ex.squat(body, depth="90 deg", knee_travel="5 cm", load="100 kg", bar="high_bar")
fig, ax = plot.stick_figure(sq, title="high-bar squat, 100 kg")"""),
    ("md", EQUATIONS),
    ("md", "## The numbers behind the picture: force x moment arm, load by load"),
    ("code", """print(sq.moments.table())
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
fig, axs = plot.stick_figures([sq, low], ["high bar, knees 5 cm past toes", "low bar, knees over toes"])"""),
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
    ("md", EQUATIONS + r"""

With the centre of pressure held at midfoot, the knee's moment is close to
$W_{\text{above}} \, (x_{\text{knee}} - x_{\text{COP}})$: it grows with how far the knee
travels ahead of the midfoot, almost whatever the depth."""),
    ("code", """for name, r in (("restricted", restricted), ("free", free)):
    print(f"{name:>10}: knee {r.knee.m_as('N*m'):.0f} N·m, hip {r.hip.m_as('N*m'):.0f} N·m, "
          f"trunk lean {r.trunk.m_as('deg'):.0f}°, hip share {float(r.hip_share):.2f}")"""),
    ("md", "## Knee travel x depth: the whole map, with the poses that cannot exist masked"),
    ("code", """kt = Q_(np.linspace(-8, 20, 15), "cm")
depth = Q_(np.linspace(50, 120, 15), "deg")
knee = np.full((15, 15), np.nan); why = np.full((15, 15), "", dtype=object)
for i, d in enumerate(depth):
    for j, k in enumerate(kt):
        try:
            knee[i, j] = ex.squat(body, depth=d, knee_travel=k, load="100 kg").knee.to("N*m").magnitude
        except bm.InfeasiblePoseError as err:
            why[i, j] = err.reason
fig, ax = plot.moment_map(kt, depth, Q_(knee, "N*m"), feasible=why == "", reasons=why,
                          xlabel="knee travel", ylabel="depth", zlabel="knee moment per leg")"""),
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

A split stance gives each leg its own angles. The picture: a lunge-like split stance built
from segment angles, the front leg solid, the rear leg lighter."""),
    ("code", SETUP + """
split = bm.SplitPose(front=bm.LegPose(shank="15 deg", thigh="70 deg"),
                     rear=bm.LegPose(shank="70 deg", thigh="-36 deg", foot="50 deg"), trunk="10 deg")
res = bm.joint_moments(body, split, [bm.HandLoad("2 * 16 kg")], front_share=0.7)
fig, ax = plot.stick_figure(res, joints=["knee", "hip"], title="split stance, 2 x 16 kg dumbbells")"""),
    ("md", EQUATIONS + """

In a split stance the ground reaction is shared: `front_share` of it goes through the front
foot (a stated parameter), the rest through the rear foot's ball. Each leg's moments follow
from its own foot's reaction."""),
    ("code", """print(res.table())
for leg in ("front", "rear"):
    m = getattr(res, leg)
    print(f"{leg:>5} leg: knee {m.knee.m_as('N*m'):.0f} N·m, hip {m.hip.m_as('N*m'):.0f} N·m")"""),
    ("md", "## What changes if... more of the weight sits on the front foot?"),
    ("code", """shares = np.linspace(0.5, 0.9, 9)
front_knee = [float(bm.joint_moments(body, split, [bm.HandLoad("32 kg")], front_share=s).front.knee.magnitude)
              for s in shares]
front_hip = [float(bm.joint_moments(body, split, [bm.HandLoad("32 kg")], front_share=s).front.hip.magnitude)
             for s in shares]
fig, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
ax.plot(shares, front_knee, label="front knee"); ax.plot(shares, front_hip, "--", label="front hip")
ax.set_xlabel("share of the ground reaction on the front foot"); ax.set_ylabel("moment (N·m)"); ax.legend()"""),
    ("md", "## The exercise library's lunge (step length and depth as a coach gives them)"),
    ("code", """try:
    lunge = ex.lunge(body, step_length="100 cm", depth="parallel", load="20 kg")
    print(lunge)
except (bm.InfeasiblePoseError, NotImplementedError) as err:
    print("lunge:", err)"""),
]

NOTEBOOKS["04_hinges_and_hamstrings.ipynb"] = [
    ("md", """# Hinges and the hamstrings

A hip hinge keeps the knees nearly straight and folds at the hip: the load hangs from the
hands, far in front of the hip. The picture: a Romanian-deadlift-like position with 100 kg
in the hands."""),
    ("code", SETUP + """
hinge = bm.Pose(shank="8 deg", thigh="25 deg", trunk="70 deg", arms="-5 deg")
rdl = bm.joint_moments(body, hinge, [bm.HandLoad("100 kg")])
fig, ax = plot.stick_figure(rdl, title="hip hinge, 100 kg in the hands")"""),
    ("md", EQUATIONS + """

The hip's extensor moment is shared by the gluteus maximus, the hamstrings and the adductor
magnus; the hamstrings also cross the knee, where they are flexors. `muscle_demand` splits
each joint's moment by static optimisation (sum of squared activations)."""),
    ("code", """from types import SimpleNamespace
demand = bm.muscle_demand(SimpleNamespace(moments=rdl, pose=rdl.pose, body=body))
fig, ax = plot.muscle_shares(demand, title="hip hinge: who carries each joint")
print(f"hamstrings force {float(demand.force['hamstrings'].m_as('N')):.0f} N")"""),
    ("md", "## What changes if... the knees bend more (a squat-like hinge)?"),
    ("code", """thigh = Q_(np.linspace(20, 60, 9), "deg")
runs = {f"shank {s}": bm.joint_moments(body, bm.Pose(shank=s, thigh=thigh, trunk="60 deg"), [bm.HandLoad("100 kg")])
        for s in ("5 deg", "20 deg")}
fig, ax = plot.torque_curves(runs, x="knee", joints=("knee", "hip", "lumbar"))"""),
]

NOTEBOOKS["05_calves_and_knee_angle.ipynb"] = [
    ("md", """# Calves and knee angle

In a calf raise the heel leaves the ground and the centre of pressure moves to the ball of
the foot. The picture: a standing calf raise, heels 20 degrees up, 60 kg on the shoulders,
the trunk lean chosen so that the lifter balances over the ball of the foot."""),
    ("code", SETUP + """

def balanced(shank, thigh, foot, load):
    \"\"\"The pose whose trunk lean puts the centre of pressure on the ball of the foot.\"\"\"
    trunk = Q_(np.linspace(-20, 60, 801), "deg")
    many = bm.joint_moments(body, bm.Pose(shank=shank, thigh=thigh, trunk=trunk, foot=foot, check=False),
                            [bm.Barbell(load)])
    gap = many.cop.m_as("m")[..., 0] - many.positions["ball"].m_as("m")[..., 0]
    best = trunk[int(np.argmin(np.abs(gap)))]
    return bm.joint_moments(body, bm.Pose(shank=shank, thigh=thigh, trunk=best, foot=foot), [bm.Barbell(load)])

calf = balanced("3 deg", "-3 deg", "20 deg", "60 kg")
fig, ax = plot.stick_figure(calf, joints=["ankle", "knee"], title="standing calf raise, heels up 20°")"""),
    ("md", EQUATIONS + """

Over the ball of the foot, the ankle's plantarflexor moment is the weight each foot carries
times the horizontal distance from the ankle to the ball. The gastrocnemius crosses the knee
too; bending the knee shortens it, which is why seated calf raises are said to favour the
soleus."""),
    ("code", """print(f"ankle moment per leg: {calf.ankle.m_as('N*m'):.0f} N·m")
print(f"it changes by {float(calf.ankle_per_cm_cop.m_as('N*m/cm')):.1f} N·m per cm the centre of pressure moves")"""),
    ("md", "## What changes if... the knee bends? (the muscle split)"),
    ("code", """from types import SimpleNamespace
for shank, thigh in (("3 deg", "-3 deg"), ("30 deg", "30 deg")):
    r = balanced(shank, thigh, "20 deg", "60 kg")
    d = bm.muscle_demand(SimpleNamespace(moments=r, pose=r.pose, body=body))
    print(f"knee flexion {r.pose.knee.m_as('deg'):.0f}°: ankle {r.ankle.m_as('N*m'):.0f} N·m; "
          f"soleus share {float(d.share['ankle']['soleus']):.2f}, "
          f"gastrocnemius share {float(d.share['ankle']['gastrocnemius']):.2f}")"""),
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
    ("md", EQUATIONS + """

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
from biomech import motion_io
table = motion_io.read_mot(path)
pose = motion_io.opensim_pose(table, model="gait2392", reference="foot")
res = bm.joint_moments(body, pose, [bm.Barbell("60 kg")])
fig, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
for j in ("knee", "hip"):
    ax.plot(table.time_s, res.moments[j].to("N*m").magnitude, label=j)
ax.set_xlabel("time (s)"); ax.set_ylabel("static joint moment (N·m)"); ax.legend()"""),
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
    fig, axs = plt.subplots(1, 2, figsize=(11, 4.6), layout="constrained")
    plot.stick_figure(sq, ax=axs[0], title=f"depth {depth:.0f}°, knee travel {knee_travel:.0f} cm, {load:.0f} kg")
    plot.load_bars(sq, ax=axs[1], joints=("ankle", "knee", "hip"))
    plt.show()

draw()"""),
    ("md", EQUATIONS),
    ("code", """import ipywidgets as widgets

controls = widgets.interactive(draw, depth=widgets.FloatSlider(value=90, min=40, max=120, step=5),
                               knee_travel=widgets.FloatSlider(value=5, min=-8, max=18, step=1),
                               load=widgets.FloatSlider(value=100, min=0, max=200, step=10))
controls"""),
]


def build(out_dir: str = HERE) -> list[str]:
    """Write every notebook (without outputs); returns their paths."""
    paths = []
    for name, cells in NOTEBOOKS.items():
        nb = new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.metadata["language_info"] = {"name": "python"}
        nb.cells = [new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in cells]
        for k, cell in enumerate(nb.cells):
            cell["id"] = f"{os.path.splitext(name)[0].replace('_', '-')}-{k}"
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
