"""Every plot function on real results: image size, the expected artists and labels."""

from __future__ import annotations

import io
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import biomech as bm  # noqa: E402
from biomech import Q_  # noqa: E402
from biomech.viz import plot  # noqa: E402
from biomech.errors import InputValueError  # noqa: E402


@pytest.fixture(scope="module")
def body():
    return bm.Body.from_anthropometrics("178 cm", "80 kg")


@pytest.fixture(scope="module")
def squat_result(body):
    return bm.joint_moments(body, bm.Pose(shank="30 deg", thigh="90 deg", trunk="45 deg"), [bm.Barbell("100 kg")])


def _png_size(fig, dpi=100):
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    buf.seek(0)
    from PIL import Image

    return Image.open(buf).size


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def test_stick_figure_labels_each_joint_with_arm_and_moment(squat_result):
    fig, ax = plot.stick_figure(squat_result)
    texts = _texts(ax)
    for j in ("ankle", "knee", "hip", "lumbar"):
        label = next(t for t in texts if t.startswith(j))
        m = float(getattr(squat_result, j).to("N*m").magnitude)
        arm_cm = abs(float(squat_result.moment_arms[j].to("cm").magnitude))
        # the label carries the joint moment (rounded) and the moment arm in cm, from the result itself
        assert f"{m:+.0f}" in label and f"{arm_cm:.1f} cm" in label
    assert any(t.startswith("bar 100 kg") for t in texts)
    labels = [h.get_label() for h in ax.get_legend().legend_handles]
    assert labels == ["system centre of mass", "centre of pressure", "load line (ground reaction)"]
    assert ax.get_xlabel() == "x, forward (m)" and ax.get_ylabel() == "y, up (m)"
    # 6.4 x 5.6 inch at 100 dpi
    assert _png_size(fig) == (640, 560)
    plot.close(fig)


def test_moment_arm_segment_has_the_moment_arm_length(squat_result):
    """The drawn moment arm runs from the joint centre to the line of action: its length
    is the result's moment arm (to drawing precision)."""
    fig, ax = plot.stick_figure(squat_result, joints=["knee"], labels=False)
    knee = squat_result.positions["knee"].to("m").magnitude
    arm = abs(float(squat_result.moment_arms.knee.to("m").magnitude))
    lengths = []
    for line in ax.lines:
        x, y = line.get_data()
        if len(x) == 2 and np.allclose([x[0], y[0]], knee) and line.get_color() == plot.JOINT_COLORS["knee"]:
            lengths.append(np.hypot(x[1] - x[0], y[1] - y[0]))
    assert lengths and np.isclose(lengths[0], arm, atol=1e-9)
    plot.close(fig)


def test_stick_figure_on_existing_axes_and_array_index(body):
    res = bm.joint_moments(body, bm.Pose(shank="20 deg", thigh=Q_([30, 60, 90], "deg"), trunk="30 deg"))
    fig, axs = plt.subplots(1, 2)
    f2, a2 = plot.stick_figure(res, ax=axs[1], index=2, legend=False)
    assert f2 is fig and a2 is axs[1] and len(axs[1].lines) > 5 and len(axs[0].lines) == 0
    with pytest.raises(InputValueError, match="index"):
        plot.stick_figure(res)
    with pytest.raises(InputValueError, match="elbow"):
        plot.stick_figure(res, index=0, joints=["elbow"])
    plot.close(fig)


def test_stick_figures_share_one_scale(body):
    a = bm.joint_moments(body, bm.Pose(shank="12 deg", thigh="90 deg", trunk="55 deg"), [bm.Barbell("80 kg")])
    b = bm.joint_moments(body, bm.Pose(shank="32 deg", thigh="90 deg", trunk="38 deg"), [bm.Barbell("80 kg")])
    fig, axs = plot.stick_figures([a, b], ["knees restricted", "knees free"])
    assert len(axs) == 2
    assert axs[0].get_xlim() == axs[1].get_xlim() and axs[0].get_ylim() == axs[1].get_ylim()
    assert [ax.get_title() for ax in axs] == ["knees restricted", "knees free"]
    plot.close(fig)


def test_load_bars_stack_to_the_net_moment(squat_result):
    fig, ax = plot.load_bars(squat_result, joints=("knee", "hip"))
    for k, j in enumerate(("knee", "hip")):
        bars = [p for p in ax.patches if abs(p.get_x() + p.get_width() / 2 - k) < 1e-9]
        total = sum(p.get_height() for p in bars)
        # the stacked segments sum to the net joint moment (sum of the per-load table)
        assert np.isclose(total, float(getattr(squat_result, j).to("N*m").magnitude), atol=1e-6)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["knee", "hip"]
    assert "N·m" in ax.get_ylabel()
    assert any("bar" in t and "N ×" in t for t in _texts(ax))
    assert {t.get_text() for t in ax.get_legend().get_texts()} >= {"bar", "trunk"}
    plot.close(fig)


def test_torque_curves_one_line_per_variation_and_joint(body):
    thigh = Q_(np.linspace(10, 100, 10), "deg")
    runs = {t: bm.joint_moments(body, bm.Pose(shank="25 deg", thigh=thigh, trunk=t), [bm.Barbell("100 kg")])
            for t in ("20 deg", "45 deg")}
    fig, ax = plot.torque_curves(runs, joints=("knee", "hip", "lumbar"))
    assert len(ax.lines) == 2 * 3 + 1  # six curves and the zero line
    assert ax.get_xlabel() == "depth: thigh angle (deg)" and ax.get_ylabel() == "joint moment (N·m)"
    y = ax.lines[1].get_ydata()  # first variation's hip
    assert np.allclose(y, runs["20 deg"].hip.to("N*m").magnitude)
    fig2, ax2 = plot.torque_curves(runs, x=thigh, per_kg=True)
    assert ax2.get_xlabel() == "(deg)" and ax2.get_ylabel() == "joint moment (N·m/kg)"
    plot.close(fig)
    plot.close(fig2)


def test_moment_map_masks_and_labels_infeasible_cells():
    kt = Q_(np.linspace(-5, 15, 11), "cm")
    depth = Q_(np.linspace(60, 110, 6), "deg")
    z = Q_(np.add.outer(depth.magnitude, kt.magnitude), "N*m")
    ok = np.ones((6, 11), bool)
    ok[:, -3:] = False
    why = np.where(ok, "", "dorsiflexion")
    fig, ax = plot.moment_map(kt, depth, z, feasible=ok, reasons=why, xlabel="knee travel", ylabel="depth",
                              zlabel="knee moment")
    assert ax.get_xlabel() == "knee travel (cm)" and ax.get_ylabel() == "depth (deg)"
    assert any(t.get_text() == "infeasible:\ndorsiflexion" for t in ax.texts)
    assert fig.axes[-1].get_ylabel() == "knee moment (N·m)"  # the colour bar
    with pytest.raises(InputValueError, match="shape"):
        plot.moment_map(kt, depth, z[:, :3])
    with pytest.raises(InputValueError, match="Quantity"):
        plot.moment_map(np.arange(11), depth, z)
    plot.close(fig)


def test_muscle_shares_bars_sum_to_100_percent(body, squat_result):
    from biomech.muscles import muscle_demand

    d = muscle_demand(squat_result)
    fig, ax = plot.muscle_shares(d)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["ankle", "knee", "hip"]
    for yk in (0, 1, 2):
        widths = [p.get_width() for p in ax.patches if abs(p.get_y() + p.get_height() / 2 - yk) < 1e-9]
        assert np.isclose(sum(widths), 100.0, atol=1e-6)  # shares of a joint sum to 1 (muscle_demand's contract)
    plot.close(fig)


def test_animation_writes_a_gif_with_one_frame_per_pose(body, tmp_path):
    from PIL import Image

    rep = bm.joint_moments(body, bm.Pose(shank=Q_(np.linspace(5, 25, 4), "deg"),
                                         thigh=Q_(np.linspace(10, 90, 4), "deg"),
                                         trunk=Q_(np.linspace(5, 40, 4), "deg")), [bm.Barbell("60 kg")])
    path = tmp_path / "rep.gif"
    fig, ax = plot.animate(rep, path, fps=5)
    with Image.open(path) as im:
        assert im.n_frames == 4
    assert [p.name for p in tmp_path.iterdir()] == ["rep.gif"]  # no temporary file left
    with pytest.raises(InputValueError, match="gif"):
        plot.animate(rep, tmp_path / "rep.mp4")
    plot.close(fig)


def test_conventions_diagram_names_every_angle():
    fig, ax = plot.conventions_diagram()
    text = " ".join(_texts(ax))
    for word in ("shank lean", "thigh angle", "trunk lean", "arm angle", "knee travel", "origin: heel",
                 "centre of pressure", "system centre of mass", "L5/S1"):
        assert word in text
    plot.close(fig)


def test_save_figure_is_atomic_and_refuses_bad_paths(squat_result, tmp_path):
    fig, _ = plot.stick_figure(squat_result)
    out = plot.save_figure(fig, tmp_path / "a.png")
    assert os.path.getsize(out) > 10_000
    with pytest.raises(InputValueError, match="extension"):
        plot.save_figure(fig, tmp_path / "a.txt")
    with pytest.raises(InputValueError, match="does not exist"):
        plot.save_figure(fig, tmp_path / "missing" / "a.png")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png"]
    plot.close(fig)


def test_plot_functions_accept_exercise_results(body):
    import biomech.exercises as ex
    sq = ex.squat(body, depth="90 deg", knee_travel="5 cm", load="100 kg", bar="high_bar")
    fig, ax = plot.stick_figure(sq)
    assert any(t.startswith("knee") for t in _texts(ax))
    plot.close(fig)
    fig, ax = plot.load_bars(sq)
    plot.close(fig)


def test_new_figures_are_written_with_their_panels(tmp_path):
    from PIL import Image

    from biomech.viz.figures import FIGURES, make_figures

    names = ["hinge_stick_figures", "hinge_torque_curves", "lunge_step_trunk_map", "calf_raise_muscle_shares",
             "leg_press_foot_position"]
    assert set(names) <= set(FIGURES)
    paths = make_figures(tmp_path, only=names)
    assert [os.path.basename(p) for p in paths] == [n + ".png" for n in names]
    for p in paths:
        w, h = Image.open(p).size
        assert w > 800 and h > 400  # every one is a full-width figure, several panels or a legend beside
    assert sorted(os.listdir(tmp_path)) == sorted(n + ".png" for n in names)  # no temporary file left


def test_stick_figure_draws_no_floor_for_a_machine(body):
    press = bm.exercises.leg_press(body, load="150 kg")
    fig, ax = plot.stick_figure(press)
    # the floor is a horizontal line at y = 0 spanning the axes; a seat-supported body has none
    floors = [ln for ln in ax.lines if list(ln.get_ydata()) == [0, 0] and ln.get_xdata()[0] == 0]
    assert floors == [] and not ax.collections
    plot.close(fig)
    squat = bm.exercises.squat(body, load="100 kg")
    fig, ax = plot.stick_figure(squat)
    assert ax.collections  # the grey ground band under the feet
    plot.close(fig)


# ----------------------------------------------------------------- matplotlib's global state
def _state():
    return plt.isinteractive(), matplotlib.get_backend(), dict(matplotlib.rcParams)


@pytest.mark.parametrize("interactive", [False, True])
def test_plots_leave_interactive_mode_backend_and_rcparams_as_found(body, squat_result, interactive):
    from biomech import exercises as ex
    from biomech.muscles import muscle_demand

    was = plt.isinteractive()
    (plt.ion if interactive else plt.ioff)()
    try:
        before = _state()
        sq = ex.squat(body, depth="90 deg", load="100 kg")
        kt, depth = Q_(np.linspace(-5, 15, 5), "cm"), Q_(np.linspace(60, 110, 6), "deg")
        grid = ex.squat(body, depth=depth[:, None], knee_travel=kt[None, :], load="100 kg")
        made = [plot.stick_figure(squat_result)[0], plot.stick_figures([sq, squat_result])[0],
                plot.load_bars(sq)[0], plot.muscle_shares(muscle_demand(sq))[0],
                plot.moment_map(kt, depth, grid.knee, feasible=grid.feasible)[0], plot.conventions_diagram()[0],
                plot.subplots(1, 2)[0]]
        for fig in made:
            assert _state() == before
            plot.close(fig)
        assert _state() == before
    finally:
        (plt.ion if was else plt.ioff)()


def test_make_figures_leaves_the_backend_and_interactive_mode(tmp_path):
    from biomech.viz.figures import make_figures

    plt.ion()
    try:
        before = _state()
        make_figures(tmp_path, only=["conventions"])
        assert _state() == before and (tmp_path / "conventions.png").exists()
    finally:
        plt.ioff()


def test_stick_figure_says_which_moment_arm_it_draws(squat_result):
    fig, ax = plot.stick_figure(squat_result)
    legends = [a for a in ax.get_children() if isinstance(a, matplotlib.legend.Legend)]
    labels = [t.get_text() for lg in legends for t in lg.get_texts()]
    assert any(lab.startswith("arm:") and "resultant" in lab for lab in labels)
    plot.close(fig)


def test_load_bars_say_each_block_is_a_loads_own_arm(squat_result):
    fig, ax = plot.load_bars(squat_result)
    assert "its own moment arm" in ax.get_xlabel()
    plot.close(fig)


def test_muscle_shares_explain_shares_over_100_percent(body):
    from biomech import exercises as ex
    from biomech.muscles import muscle_demand

    from biomech.muscles.rajagopal import DISPLAY_GROUPS

    d = muscle_demand(ex.squat(body, depth="90 deg", knee_travel="5 cm", load="100 kg"))
    # the default 40-muscle model is drawn as the coach groups that hold each muscle once
    drawn = {j: {m: d.share[j][m] for m in DISPLAY_GROUPS} for j in ("ankle", "knee", "hip")}
    over = max(float(np.sum([max(float(v), 0.0) for m, v in drawn["knee"].items()])), 0.0)
    fig, ax = plot.muscle_shares(d)
    texts = _texts(ax)
    if over > 1.0 + 1e-6:
        assert any("co-contraction" in t for t in texts)
    # every muscle with a share of at least 2 % is named on the bars
    named = " ".join(texts)
    for j in ("ankle", "knee", "hip"):
        for m, v in drawn[j].items():
            if abs(float(v)) >= 0.02:
                assert m.replace("_", " ") in named, (j, m)
    plot.close(fig)


def test_animation_titles_each_frame(body, tmp_path):
    from biomech import exercises as ex

    rep = ex.rep_path(ex.squat, body, depth="90 deg", load="60 kg", fractions=[0.0, 0.5, 1.0, 0.5])
    titles = ["standing", "down", "bottom", "up"]
    fig, ax = plot.animate(rep, tmp_path / "rep.gif", fps=4, frame_titles=titles)
    assert (tmp_path / "rep.gif").exists() and ax.get_title() == "up"
    plot.close(fig)
    with pytest.raises(InputValueError, match="frame_titles"):
        plot.animate(rep, frame_titles=["a"])
