"""The ``biomech`` command line: joint moments of a pose or an exercise, sweeps, figures, the cue report.

Values take their units inside the string ("90deg", "5cm", "225lb", "5ft10in");
a number without a unit is refused. Results print as a table with units, or as JSON
with ``--json``; ``--plot FILE`` saves the stick figure. A bad argument prints one
line naming it and exits with status 2; an input the model refuses (an impossible
pose, a value out of range) exits with status 1. Files are written atomically: a
failed run never leaves a partial file.

Examples
--------
>>> main(["pose", "--shank", "30deg", "--thigh", "90deg", "--trunk", "45deg", "--load", "100kg", "--json"])
... # doctest: +ELLIPSIS
{...}
0
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import re
import sys
from typing import Any, Sequence

# Heavy modules (matplotlib, the exercise library, the cue report) are imported
# inside the subcommands that need them, so ``biomech --help`` starts quickly.

__all__ = ["main", "build_parser", "EXERCISES"]

#: Exercise subcommands, each calling ``biomech.exercises.<name>``.
EXERCISES = ("squat", "front_squat", "goblet_squat", "bodyweight_squat", "box_squat", "lunge", "split_squat",
             "bulgarian_split_squat", "step_up", "romanian_deadlift", "stiff_leg_deadlift", "deadlift",
             "back_extension", "leg_press", "leg_extension", "leg_curl", "standing_calf_raise", "seated_calf_raise",
             "sumo_deadlift", "trap_bar_deadlift", "good_morning")

#: How each kind of exercise parameter (biomech.exercises.spec.KINDS) is read at the command
#: line: the kind of quantity it needs (None: a name or a plain number) and its metavar.
_CLI_KIND = {"angle": ("angle", "DEG"), "length": ("length", "CM"), "angle_or_length": ("angle or length", "DEG_OR_CM"),
             "load": ("mass", "KG"), "machine_load": ("mass", "KG"), "fraction": (None, "FRACTION"),
             "leg_lengths": (None, "LEG_LENGTHS"),
             "choice": (None, None), "profile": (None, None), "samples": (None, "N"), "bodies": (None, "N"),
             "seed": (None, "SEED")}
_UNIT_OF_KIND = {"angle": "deg", "length": "cm", "mass": "kg", "force": "N", "angle or length": "deg_or_cm"}
_SI_OF_KIND = {"angle": "rad", "length": "m", "mass": "kg", "force": "N", "angle or length": "rad"}
#: Values beyond these are refused at the command line as typing slips (SI units): a
#: generous bound per kind, far outside anything a person or a gym machine reaches.
_LIMITS = {"angle": (-2 * math.pi, 2 * math.pi), "length": (-10.0, 10.0), "mass": (0.0, 10000.0),
           "force": (-1e6, 1e6)}
_LIMIT_TEXT = {"angle": "between -360 deg and 360 deg", "length": "between -10 m and 10 m",
               "mass": "between 0 kg and 10000 kg", "force": "between -1e6 N and 1e6 N"}

_BAR_CHOICES = ("high_bar", "low_bar", "front", "high", "low")


# --------------------------------------------------------------------------- the parser
class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``biomech squat: error: argument --depth: ...``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="Show this help and exit.")

    def error(self, message: str):  # noqa: D401 - argparse API
        self.exit(2, f"{self.prog}: error: {_one_line(message)}\n")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog):
        super().__init__(prog, max_help_position=30, width=100)


def _one_line(message: Any) -> str:
    return " ".join(str(message).split())


class _Quantity:
    """argparse type: a string with a unit of the given kind, kept as text for the library
    (which reads "5cm", "5ft10in") after checking that it parses and has the right dimension."""

    def __init__(self, kind: str, allow_names: bool = False):
        self.kind = kind
        self.allow_names = allow_names
        self.__name__ = kind  # argparse names the type in its messages

    def __call__(self, text: str) -> str:
        if self.allow_names and re.fullmatch(r"[A-Za-z][A-Za-z_\-]*", text.strip()) and not _is_unit(text):
            return text.strip()  # a named value ("parallel", "midfoot"): the library checks it
        if not re.search(r"[0-9]", text):
            raise argparse.ArgumentTypeError(
                f"{text!r} has no number; write {self.kind} as a number and a unit, such as "
                f"{_example_value(self.kind, '90' if self.kind.startswith('angle') else '5')}")
        if _is_bare_number(text):
            raise argparse.ArgumentTypeError(
                f"{text!r} has no unit; write {self.kind} with its unit, such as "
                f"{_example_value(self.kind, text)}")
        from ..errors import BiomechError
        from ..units import to_si

        kinds = ("angle", "length") if self.kind == "angle or length" else (self.kind,)
        value, kind, error = None, None, None
        for k in kinds:
            try:
                value, kind = to_si(text, _SI_OF_KIND[k], "value"), k
                break
            except BiomechError as exc:
                error = error or exc
        if kind is None:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not {'an' if self.kind[0] in 'aeiou' else 'a'} {self.kind} "
                f"({_reason(error)})") from None
        try:
            v = float(value)
        except (TypeError, ValueError):
            raise argparse.ArgumentTypeError(f"{text!r}: expected one value, not several") from None
        if not math.isfinite(v):
            raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
        lo, hi = _LIMITS[kind]
        if not lo <= v <= hi:
            raise argparse.ArgumentTypeError(f"{text!r} is out of range: a {kind} here lies {_LIMIT_TEXT[kind]}")
        return text


def _reason(exc: Exception) -> str:
    msg = _one_line(exc).rstrip(".")
    # library messages start with name=value; keep what follows
    m = re.match(r"^\w+=\S+\s+(.*)$", msg)
    return m.group(1) if m else msg


def _is_unit(text: str) -> bool:
    """True when ``text`` is a unit's name alone ("t", "m", "lb"), which pint would read as one of it."""
    from ..units import ureg

    try:
        ureg.parse_units(text.strip())
        return True
    except Exception:  # noqa: BLE001 - any parse failure means "not a unit"
        return False


def _is_bare_number(text: str) -> bool:
    try:
        float(text.strip())
        return True
    except ValueError:
        return False


def _example_value(kind: str, text: str) -> str:
    unit = {"angle": "deg", "length": "cm", "mass": "kg", "force": "N", "angle or length": "deg"}[kind]
    return f'"{text.strip()}{unit}"'


def _add_body_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("body")
    g.add_argument("--height", type=_Quantity("length"), default="178cm",
                   help="Standing height, such as 178cm or 5ft10in. Default: 178 cm.")
    g.add_argument("--mass", type=_Quantity("mass"), default="80kg",
                   help="Body mass, such as 80kg or 176lb. Default: 80 kg.")
    g.add_argument("--sex", choices=("male", "female"), default="male",
                   help="Column of the segment table. One of: male, female. Default: male.")
    g.add_argument("--table", choices=("de_leva", "winter", "dempster"), default="de_leva",
                   help="Segment table. One of: de_leva, winter, dempster. Default: de_leva (de Leva 1996).")


def _add_output_options(p: argparse.ArgumentParser, plot: bool = True) -> None:
    g = p.add_argument_group("output")
    g.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
    if plot:
        g.add_argument("--plot", metavar="FILE", help="Save the stick figure to FILE (.png, .svg or .pdf).")


def _sub(subs, name: str, help_: str, example: str, description: str = "") -> argparse.ArgumentParser:
    epilog = f"example:\n  {example}"
    return subs.add_parser(name, help=help_, description=(description or help_), epilog=epilog,
                           formatter_class=_Formatter, allow_abbrev=False)


def _specs() -> dict:
    """The exercises' specifications by name (``biomech.exercises.SPECS``)."""
    from ..exercises import SPECS

    return SPECS


def _cli_params(cls) -> list:
    """The spec's parameters the command line offers (structured ones, such as extra loads and
    segment lengths, belong to the Python API)."""
    return [p for p in cls.params() if p.on_command_line]


def _fraction_type(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number from 0 to 1") from None
    if not 0.0 <= v <= 1.0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number from 0 to 1")
    return v


def _leg_lengths_type(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of leg lengths (above 0, up to 3)") from None
    if not 0.0 < v <= 3.0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of leg lengths (above 0, up to 3)")
    return v


def _count_type(kind: str):
    """argparse type of ``--samples`` and ``--bodies`` (1 to 100000) and ``--seed`` (0 or more): a whole
    number."""
    def parse(text: str) -> int:
        try:
            v = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if kind in ("samples", "bodies") and not 1 <= v <= 100000:
            raise argparse.ArgumentTypeError(f"{text!r} is outside 1 to 100000 {kind}")
        if kind == "seed" and v < 0:
            raise argparse.ArgumentTypeError(f"{text!r} is not a seed (0 or more)")
        return v
    parse.__name__ = "whole number"
    return parse


def _option_help(cls, p, grid: bool = False) -> str:
    """The option's help: the declaration's sentences, the words or choices, the default with its
    unit, the source; plain text (argparse's % escaped)."""
    text = cls.describe(p)
    if grid and _CLI_KIND[p.kind][0] is not None:
        text += " In a sweep: a grid start:stop:count or a list a,b,c."
    elif grid:
        text += " In a sweep: a list a,b,c."
    return text.replace("%", "%%")


def _add_option(g, cls, p, flag: str, dest: str, grid: bool, help_: str) -> None:
    cli_kind, metavar = _CLI_KIND[p.kind]
    if grid:
        g.add_argument(flag, dest=dest, type=str, default=None, metavar=metavar or "NAMES", help=help_)
    elif p.kind in ("choice", "profile"):
        g.add_argument(flag, dest=dest, choices=p.choices + p.aliases, default=None,
                       metavar="{" + ",".join(p.choices) + "}", help=help_)
    elif p.kind == "fraction":
        g.add_argument(flag, dest=dest, type=_fraction_type, default=None, metavar=metavar, help=help_)
    elif p.kind == "leg_lengths":
        g.add_argument(flag, dest=dest, type=_leg_lengths_type, default=None, metavar=metavar, help=help_)
    elif p.kind in ("samples", "bodies", "seed"):
        g.add_argument(flag, dest=dest, type=_count_type(p.kind), default=None, metavar=metavar, help=help_)
    else:
        g.add_argument(flag, dest=dest, type=_Quantity(cli_kind, allow_names=True), default=None, metavar=metavar,
                       help=help_)


def _old_param(params: dict, new: str):
    """How an old option name is read: as the parameter that replaces it, or, for one old name
    that became two (a Romanian deadlift's depth: bar_height or trunk_lean), as either."""
    if new in params:
        return params[new]
    from ..exercises.spec import Param

    return Param("angle_or_length", None, "", words={"knee": "", "mid_shin": "", "floor": ""})


def _add_exercise_options(p: argparse.ArgumentParser, name: str, grid: bool = False) -> list[str]:
    """Options from the exercise's specification; returns the parameter names (old names too)."""
    cls = _specs()[name]
    g = p.add_argument_group(f"{name} parameters")
    names = []
    spread = ("samples", "bodies", "seed")
    params = {q.name: q for q in _cli_params(cls) if not (grid and q.kind in spread)}
    technique = [q for q in params.values() if q.kind in spread]
    if technique:  # not coach technique: their own group, with --band
        params = {k: q for k, q in params.items() if q.kind not in spread}
    for prm in params.values():
        _add_option(g, cls, prm, "--" + prm.name.replace("_", "-"), prm.name, grid, _option_help(cls, prm, grid))
        names.append(prm.name)
    for old, new in cls.renamed.items():  # the old names, for one release
        if old in params:
            continue
        _add_option(g, cls, _old_param(params, new), "--" + old.replace("_", "-"), old, grid, argparse.SUPPRESS)
        names.append(old)
    if technique and not grid:
        t = p.add_argument_group("spread over technique and body proportions (not coach technique: how much real "
                                 "lifters vary; see "
                                 "docs/technique.md)")
        for prm in technique:
            _add_option(t, cls, prm, "--" + prm.name, prm.name, False, _option_help(cls, prm))
            names.append(prm.name)
        t.add_argument("--band", action="store_true",
                       help="Print each joint moment as its typical value (the median over the feasible technique "
                            "samples) with its 5th to 95th percentile band and the feasible fraction; draws 1000 "
                            "samples when --samples is not given.")
    return names


def _add_pose_options(p: argparse.ArgumentParser, grid: bool = False) -> None:
    t = str if grid else None
    g = p.add_argument_group("pose: segment angles (all 0 standing tall; see docs/conventions.md)")
    for name, help_ in (("shank", "Shank lean: the forward tilt of the shin (positive: knee ahead of the ankle)."),
                        ("thigh", "Thigh angle from vertical (90deg: parallel)."),
                        ("trunk", "Trunk lean: the forward tilt of the hip-to-shoulder line. Alone it makes the "
                                  "trunk rigid (pelvis and upper body at this angle); with --lumbar the pelvis is "
                                  "solved to keep the line at this angle."),
                        ("pelvis", "Pelvic tilt: the forward (anterior) tilt of the pelvis, hip to L5/S1, 0 as in "
                                   "upright standing. Give it with --lumbar instead of --trunk."),
                        ("lumbar", "Lumbar flexion: the upper body's angle minus the pelvis's (extension "
                                   "negative). Give it with --trunk or --pelvis (or with the joint angles). "
                                   "Default: 0 deg, a rigid trunk."),
                        ("foot", "Foot angle: the heel raised above the ball of the foot. Default: 0 deg."),
                        ("arms", "Arm angle: the forward tilt of the arms. Default: 0 deg.")):
        g.add_argument("--" + name, type=t or _Quantity("angle"), metavar="DEG", help=help_)
    g = p.add_argument_group("pose: or joint angles (instead of shank, thigh, trunk)")
    for name, help_ in (("ankle", "Ankle dorsiflexion."), ("knee", "Knee flexion."), ("hip", "Hip flexion.")):
        g.add_argument("--" + name, type=t or _Quantity("angle"), metavar="DEG", help=help_)
    g = p.add_argument_group("loads and support")
    g.add_argument("--load", type=t or _Quantity("mass"), metavar="KG",
                   help="Barbell mass, such as 100kg or 225lb. Default: no bar.")
    g.add_argument("--bar", choices=_BAR_CHOICES, default="high_bar",
                   help="Bar position. One of: high_bar, low_bar, front (high and low accepted). Default: high_bar.")
    g.add_argument("--hand-load", dest="hand_load", type=t or _Quantity("mass"), metavar="KG",
                   help="Load held in the hands at the grip (dumbbells), both hands together. Default: none.")
    g.add_argument("--stance", choices=("both", "single_leg"), default="both",
                   help="Both legs share the load, or one leg carries everything. One of: both, single_leg. "
                        "Default: both.")
    g.add_argument("--support", choices=("feet", "pelvis", "thighs", "backrest", "bench"), default="feet",
                   help="What holds the body. One of: feet, pelvis, thighs, backrest, bench. Default: feet.")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser. Exercise options are built from the exercises' specifications
    (``biomech.exercises.SPECS``), only for the subcommand being run (``command``)."""
    parser = _Parser(
        prog="biomech", allow_abbrev=False,
        description="Sagittal-plane joint torques for strength exercises: which joint a variation loads, how "
                    "much, and why. Values carry their units: 90deg, 5cm, 100kg, 225lb, 5ft10in.",
        epilog="examples:\n  biomech squat --depth 90deg --knee-travel 5cm --load 100kg --bar high\n"
               "  biomech pose --shank 30deg --thigh 90deg --trunk 45deg --load 100kg --json\n"
               "  biomech sweep squat --depth 60deg:120deg:7 --knee-travel 0cm,10cm --load 100kg --out grid.csv\n"
               "  biomech figures\n\nRun 'biomech COMMAND --help' for a command's options.",
        formatter_class=_Formatter)
    from .. import __version__

    parser.add_argument("--version", action="version", version=f"biomech {__version__}",
                        help="Show the version and exit.")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = _sub(subs, "pose", "joint moments of one pose (segment or joint angles) with loads",
             "biomech pose --shank 30deg --thigh 90deg --trunk 45deg --load 100kg --bar high_bar",
             "Joint moments of one pose: give the segment angles (shank, thigh, trunk) or the joint angles "
             "(ankle, knee, hip), and the loads. Prints the per-load table: each load's force, moment arm "
             "and moment at every joint.")
    _add_pose_options(p)
    _add_body_options(p)
    _add_output_options(p)

    specs = _specs()
    for name in EXERCISES:
        cls = specs[name]
        p = _sub(subs, name, cls.summary, cls.example,
                 f"{cls.summary[0].upper()}{cls.summary[1:]}. The command solves the pose and prints its joint "
                 f"moments (biomech.exercises.{name}). Values carry their units: 90deg, 5cm, 100kg.")
        if command == name:
            _add_exercise_options(p, name)
        _add_body_options(p)
        _add_output_options(p)

    p = _sub(subs, "sweep", "a grid of poses or exercise parameters to CSV",
             "biomech sweep squat --depth 60deg:120deg:7 --knee-travel 0cm,5cm,10cm --load 100kg --out grid.csv",
             "Evaluate a pose or an exercise over a grid of parameters and write one CSV row per grid point "
             "(every combination). A grid is start:stop:count (\"60deg:120deg:7\") or a list (\"0cm,5cm\"). "
             "Infeasible points get feasible=False and the reason.")
    p.add_argument("target", choices=("pose",) + EXERCISES, metavar="TARGET",
                   help="What to sweep: pose or an exercise's name.")
    p.add_argument("--out", required=True, metavar="FILE", help="CSV file to write ('-' for standard output).")
    sweep_target = None
    if command == "sweep":
        sweep_target = _sweep_target_from_argv()
    if sweep_target == "pose":
        _add_pose_options(p, grid=True)
    elif sweep_target in EXERCISES:
        _add_exercise_options(p, sweep_target, grid=True)
    _add_body_options(p)

    p = _sub(subs, "report", "the article's cues tested against the model (Markdown and HTML)",
             "biomech report --out report/",
             "Run every cue's experiment and write the cue report (cues-report.md, cues-report.html and "
             "its figures) into DIR.")
    p.add_argument("--out", required=True, metavar="DIR", help="Folder for the report, created if missing.")

    p = _sub(subs, "figures", "regenerate every figure of figures/ from code",
             "biomech figures --out figures",
             "Regenerate every figure (stick figures, per-load bars, torque curves, maps, the conventions "
             "picture) into DIR.")
    p.add_argument("--out", default="figures", metavar="DIR", help="Output folder. Default: figures.")

    p = _sub(subs, "explore", "an interactive page: sliders over a precomputed grid, one offline HTML file",
             "biomech explore --out explorer.html",
             "Evaluate squat, lunge and Romanian deadlift over a grid of depth, knee travel, bar position, stance "
             "and load for the report's standard bodies (or one lifter: --height --mass --sex) and write one "
             "self-contained HTML page whose sliders look the results up.")
    if command == "explore":
        from ..viz.explorer import add_explore_arguments  # noqa: PLC0415

        add_explore_arguments(p)
    return parser


_ARGV: list[str] = []


def _sweep_target_from_argv() -> str | None:
    for a in _ARGV[1:]:
        if not a.startswith("-"):
            return a
    return None


# --------------------------------------------------------------------------- running
class _Fail(Exception):
    """A one-line error to print, with its exit status."""

    def __init__(self, message: str, status: int = 1):
        super().__init__(message)
        self.status = status


def _body(args):
    from ..model.body import Body

    return Body.from_anthropometrics(height=args.height, mass=args.mass, sex=args.sex, table=args.table)


def _check_plot_path(path: str | None) -> None:
    if path is None:
        return
    ext = os.path.splitext(path)[1].lower()
    if ext not in (".png", ".svg", ".pdf"):
        raise _Fail(f"argument --plot: {path!r} must end in .png, .svg or .pdf", 2)
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise _Fail(f"argument --plot: the folder {folder!r} does not exist", 2)
    _check_writable(path, "--plot")


def _check_writable(path: str, flag: str) -> None:
    """Refuse an output path that cannot be written (read-only or full folder) before any work."""
    from ..fileio import check_writable
    from ..errors import OutputFileError

    try:
        check_writable(path, flag)
    except OutputFileError as exc:
        raise _Fail(f"argument {flag}: {_one_line(exc).split('=', 1)[-1]}", 2) from None


def _check_out_file(path: str, flag: str = "--out") -> None:
    if path == "-":
        return
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise _Fail(f"argument {flag}: the folder {folder!r} does not exist", 2)
    if os.path.isdir(path):
        raise _Fail(f"argument {flag}: {path!r} is a folder; give a file name", 2)
    _check_writable(path, flag)


def _pose_from_args(args, require: bool = True, body=None):
    from ..model.pose import Pose

    seg = {k: getattr(args, k) for k in ("shank", "thigh", "trunk")}
    jnt = {k: getattr(args, k) for k in ("ankle", "knee", "hip")}
    extra = {k: getattr(args, k) for k in ("foot", "arms") if getattr(args, k) is not None}
    pelvis, lumbar = getattr(args, "pelvis", None), getattr(args, "lumbar", None)
    if any(v is not None for v in jnt.values()):
        if any(v is not None for v in seg.values()) or pelvis is not None:
            raise _Fail("give segment angles (--shank --thigh --trunk, or --pelvis with --lumbar) or joint angles "
                        "(--ankle --knee --hip), not both", 2)
        missing = [k for k, v in jnt.items() if v is None]
        if missing:
            raise _Fail(f"argument --{missing[0]}: missing; joint angles need --ankle, --knee and --hip", 2)
        return Pose.from_joint_angles(**jnt, **extra, lumbar=lumbar)
    if seg["trunk"] is not None and pelvis is not None and lumbar is not None:
        raise _Fail("arguments --trunk, --pelvis and --lumbar: give two of them at most (--trunk alone, --pelvis "
                    "with --lumbar, or --trunk with --lumbar)", 2)
    if seg["trunk"] is None and pelvis is not None:
        seg.pop("trunk")
    missing = [k for k, v in seg.items() if v is None]
    if missing:
        raise _Fail(f"argument --{missing[0]}: missing; give --shank, --thigh and --trunk (or --pelvis with "
                    f"--lumbar; or --ankle, --knee, --hip)", 2)
    if lumbar is not None and pelvis is None and seg.get("trunk") is None:
        raise _Fail("argument --lumbar: give it with --trunk or --pelvis", 2)
    return Pose(**seg, **extra, pelvis=pelvis, lumbar=lumbar, body=body)


def _loads_from_args(args):
    from ..model.loads import Barbell, HandLoad

    loads = []
    if args.load is not None:
        loads.append(Barbell(mass=args.load, position=args.bar))
    if args.hand_load is not None:
        loads.append(HandLoad(mass=args.hand_load))
    return loads


def _num(x) -> float | None:
    v = float(x)
    return None if not math.isfinite(v) else round(v, 9)


def _result_dict(res) -> dict:
    """A single-pose MomentResult as plain JSON-ready numbers, units in the keys."""
    from ..mechanics.statics import JOINTS

    out: dict[str, Any] = {}
    pose = res.pose
    if hasattr(pose, "front_pose"):
        out["pose_deg"] = {k: _num(v.to("deg").magnitude) for k, v in
                           (("shank", pose.front.shank), ("thigh", pose.front.thigh), ("trunk", pose.trunk),
                            ("foot", pose.front.foot), ("arms", pose.arms), ("rear_shank", pose.rear.shank),
                            ("rear_thigh", pose.rear.thigh), ("rear_foot", pose.rear.foot))}
        fp = pose.front_pose()
    else:
        out["pose_deg"] = {k: _num(getattr(pose, k).to("deg").magnitude)
                           for k in ("foot", "shank", "thigh", "trunk", "arms")}
        fp = pose
    out["joint_angles_deg"] = {k: _num(getattr(fp, k).to("deg").magnitude) for k in ("ankle", "knee", "hip")}
    if getattr(fp, "split", False):
        out["pose_deg"].update({k: _num(getattr(fp, k).to("deg").magnitude) for k in ("pelvis", "upper_body")})
        out["joint_angles_deg"]["lumbar"] = _num(fp.lumbar.to("deg").magnitude)
    out["moments_N_m"] = {j: _num(getattr(res, j).to("N*m").magnitude) for j in JOINTS}
    out["moments_N_m_per_kg"] = {j: _num(res.per_kg[j].to("N*m/kg").magnitude) for j in JOINTS}
    out["moment_arms_m"] = {j: _num(res.moment_arms[j].to("m").magnitude) for j in JOINTS}
    per_load = {}
    for label, c in res.contributions.items():
        per_load[label] = {j: {"force_N": [_num(v) for v in c.force[j].to("N").magnitude],
                               "moment_arm_m": _num(c.moment_arm[j].to("m").magnitude),
                               "moment_N_m": _num(c.moment[j].to("N*m").magnitude)} for j in JOINTS}
    out["per_load"] = per_load
    if res.support == "feet":
        out["centre_of_pressure_m"] = [_num(v) for v in res.cop.to("m").magnitude]
        out["ankle_change_per_cm_cop_N_m"] = _num(res.ankle_per_cm_cop.to("N*m/cm").magnitude)
        out["knee_travel_m"] = _num(res.knee_travel.to("m").magnitude)
    out["system_com_m"] = [_num(v) for v in res.positions["com"].to("m").magnitude]
    out["stance"] = res.stance
    out["support"] = res.support
    if res.model.split:
        out["legs"] = {leg: {j: _num(getattr(getattr(res, leg), j).to("N*m").magnitude)
                             for j in ("ankle", "knee", "hip")} for leg in ("front", "rear")}
    return out


#: The library's reason codes for a pose that cannot exist, in words (table, warning).
_REASON_WORDS = {
    "cop_past_toes": "the centre of pressure lies past the toes: this pose falls forward",
    "cop_behind_heel": "the centre of pressure lies behind the heel: this pose falls backward",
    "lift_off": "the external forces lift the body off the ground",
    "not_finite": "a joint moment is not finite",
}


def _feasibility(result, res) -> tuple[bool, str]:
    """(feasible, reason code) of a single-pose result: the exercise's own verdict where it
    gives one, and the moments' (the centre of pressure inside the foot) as well."""
    import numpy as np

    ok, why = True, ""
    for src in (result, res):
        if src is None or not hasattr(src, "feasible"):
            continue
        f = getattr(src, "feasible")
        try:
            f = bool(f)
        except (TypeError, ValueError):  # an array result: every pose must stand
            f = bool(np.all(f))
        if not f and ok:
            ok = False
            r = getattr(src, "reason", "")
            why = str(r if isinstance(r, str) else next((x for x in np.ravel(r) if str(x)), "")) or "infeasible"
    return ok, why


def _reason_words(code: str) -> str:
    return _REASON_WORDS.get(code, code)


def _provenance(args, body=None, seed=None) -> dict:
    """``{"provenance": {...}}``: version, the command line as given, seed (none: deterministic)
    and the data sources (the body's segment table)."""
    from ..provenance import provenance

    if body is None:
        try:
            body = _body(args)
        except Exception:  # no body options on this command
            body = None
    words = list(_ARGV or [])
    return {"provenance": provenance(words, body=body, seed=seed, command="biomech " + " ".join(words))}


def _warn_infeasible(feasible: bool, reason: str) -> None:
    if not feasible:
        print(f"biomech: warning: this pose cannot stand ({reason}): {_reason_words(reason)}.", file=sys.stderr)


def _body_dict(body) -> dict:
    return {"height_m": _num(body.height.to("m").magnitude) if body.height is not None else None,
            "mass_kg": _num(body.mass.to("kg").magnitude), "sex": body.sex, "table": body.table}


def _technique_line(params) -> str:
    """Which of a squat's values came from the typical technique (biomech.exercises.technique)."""
    if not isinstance(params, dict):
        return ""
    parts = []
    sp, st = params.get("shank_at_parallel"), params.get("technique_stance")
    if hasattr(sp, "m_as") and not isinstance(st, str):
        parts.append(f"shin lean {float(sp.m_as('deg')):.1f} deg at parallel (stance {float(st):.2f} shoulder widths)")
    cf, cs = params.get("cop_fraction"), params.get("cop_standing")
    if cf is not None and not isinstance(cf, str) and hasattr(cs, "m_as"):
        parts.append(f"pressure {100 * float(cf):.1f} % of the foot at parallel, {float(cs.m_as('cm')):.1f} cm ahead "
                     f"of the ankle standing")
    return ("Typical technique (biomech.exercises.technique; give --knee-travel or --cop to choose): "
            + "; ".join(parts) + ".") if parts else ""


def _table_text(res, title: str, feasible: bool = True, reason: str = "") -> str:
    lines = [title, ""]
    lines.append(res.table())
    lines.append("Feasible: yes" if feasible else f"Feasible: NO ({reason}): {_reason_words(reason)}")
    if res.support == "feet":
        cop = res.cop.to("cm").magnitude
        lines.append(f"Centre of pressure {cop[0]:.1f} cm ahead of the heel; the ankle moment changes by "
                     f"{float(res.ankle_per_cm_cop.to('N*m/cm').magnitude):.4g} N·m per cm it moves. "
                     f"Knee travel (front of knee past the toe tip) {float(res.knee_travel.to('cm').magnitude):+.1f}"
                     f" cm.")
    tech = _technique_line(getattr(res, "parameters", None))
    if tech:
        lines.append(tech)
    for leg, lr in res.legs.items():
        lines.append(f"{leg} leg: ankle {float(lr.moments.si('ankle')):.4g} N·m, knee "
                     f"{float(lr.moments.si('knee')):.4g} N·m, hip {float(lr.moments.si('hip')):.4g} N·m")
    return "\n".join(lines)


def _pose_title(res) -> str:
    pose = res.pose
    p = pose.front_pose() if hasattr(pose, "front_pose") else pose
    return (f"Pose: shank {float(p.shank.to('deg').magnitude):.1f} deg, thigh {float(p.thigh.to('deg').magnitude):.1f}"
            f" deg, trunk {float(p.trunk.to('deg').magnitude):.1f} deg"
            + (f" (pelvis {float(p.pelvis.to('deg').magnitude):.1f} deg, lumbar flexion "
               f"{float(p.lumbar.to('deg').magnitude):.1f} deg)" if getattr(p, "split", False) else "")
            + f" (knee {float(p.knee.to('deg').magnitude):.1f} deg, hip {float(p.hip.to('deg').magnitude):.1f} deg "
              f"flexion)")


def _save_plot(result, path: str, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from ..viz import plot

    fig, _ = plot.stick_figure(result, title=title)
    try:
        plot.save_figure(fig, path)
    finally:
        plot.close(fig)


def _print_json(obj) -> None:
    print(json.dumps(obj, indent=2, allow_nan=False))


def _cmd_pose(args) -> int:
    from ..mechanics.statics import joint_moments

    _check_plot_path(args.plot)
    body = _body(args)
    pose = _pose_from_args(args, body=body)
    res = joint_moments(body, pose, _loads_from_args(args), stance=args.stance, support=args.support)
    feasible, reason = _feasibility(None, res)
    _warn_infeasible(feasible, reason)
    if args.plot:
        _save_plot(res, args.plot, "pose")
    if args.json:
        _print_json({"command": "pose", **_provenance(args, body), "body": _body_dict(body), "feasible": feasible,
                     "reason": reason, "units": _UNITS_NOTE, **_result_dict(res)})
    else:
        print(_table_text(res, _pose_title(res), feasible, reason))
    return 0


_UNITS_NOTE = ("keys end in their unit (_deg, _m, _N, _N_m, _N_m_per_kg); moments are net internal joint "
               "moments, + = ankle plantarflexor, knee extensor, hip extensor, lumbar extensor demand; leg "
               "joints per leg")


def _exercise_kwargs(args, names: list[str]) -> dict:
    kw = {}
    for n in names:
        v = getattr(args, n, None)
        if v is not None:
            kw[n] = v
    return kw


def _jsonable(v):
    import pint

    if isinstance(v, pint.Quantity):
        mag = v.magnitude
        if hasattr(mag, "tolist"):
            mag = mag.tolist()
        return {"value": mag, "unit": f"{v.units:~}"}
    if isinstance(v, float):
        return _num(v)
    if isinstance(v, (str, int, bool)) or v is None:
        return v
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if hasattr(v, "tolist"):
        return v.tolist()
    return str(v)


def _spec_from_args(cls, kw: dict):
    """The exercise's spec from the options given; old option names are accepted and named in
    the notes returned (printed once the command has succeeded)."""
    import warnings

    notes = [f"note: --{old.replace('_', '-')} is deprecated; use --{cls.new_name(old, kw[old]).replace('_', '-')}"
             for old in kw if old in cls.renamed]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the notes say it, once the command has run
        return cls.from_kwargs(kw), notes


def _cmd_exercise(args, names: list[str]) -> int:
    cls = _specs()[args.command]
    _check_plot_path(args.plot)
    kw = _exercise_kwargs(args, names)
    body = _body(args)
    if getattr(args, "band", False):
        return _cmd_band(args, cls, kw, body)
    spec, notes = _spec_from_args(cls, kw)
    if getattr(spec, "bodies", None) is not None:
        raise _Fail("argument --bodies: prints a spread; add --band to print the typical value with its band "
                    "(the table shows one pose)", 2)
    if getattr(spec, "samples", None) is not None:
        raise _Fail("argument --samples: prints a spread; add --band to print the typical value with its band "
                    "(the table shows one pose)", 2)
    res = spec.solve(body)  # an exercise result: a static result plus its parameters
    feasible, reason = _feasibility(res, None)
    _warn_infeasible(feasible, reason)
    params = res.params
    if args.plot:
        _save_plot(res, args.plot, args.command.replace("_", " "))
    if args.json:
        _print_json({"command": args.command, **_provenance(args, body), "inputs": {k: str(v) for k, v in kw.items()},
                     "body": _body_dict(body), "feasible": feasible, "reason": reason,
                     "parameters": _jsonable(params) if params is not None else None,
                     "units": _UNITS_NOTE, **_result_dict(res)})
    else:
        head = f"{args.command.replace('_', ' ')}: " + (", ".join(f"{k}={v}" for k, v in kw.items()) or "defaults")
        print(_table_text(res, head + "\n" + _pose_title(res), feasible, reason))
    for note in notes:
        print(note, file=sys.stderr)
    return 0


def _cmd_band(args, cls, kw: dict, body) -> int:
    """``--band``: the exercise with technique samples (1000 unless --samples), each joint moment as
    typical (median over the feasible samples) with its 5th-95th percentile band."""
    if args.plot:
        raise _Fail("argument --plot: a band has no single pose to draw; leave --plot or --band out", 2)
    kw = dict(kw)
    kw.setdefault("samples", kw.get("bodies") or 1000)  # paired with the bodies: one draw each
    spec, notes = _spec_from_args(cls, kw)
    res = spec.solve(body)
    b = res.band()
    tech = res.extras.get("technique", {})
    if args.json:
        _print_json({"command": args.command, **_provenance(args, body, tech.get("seed")),
                     "inputs": {k: str(v) for k, v in kw.items()}, "body": _body_dict(body), "band": b.to_dict(),
                     "technique": {"exercise": tech.get("exercise"), "seed": tech.get("seed"),
                                   "used_as": tech.get("used_as")},
                     **({"bodies": {k: res.extras["bodies"][k] for k in ("source", "sex", "seed", "bodies")}}
                        if "bodies" in res.extras else {}),
                     "units": _UNITS_NOTE})
    else:
        head = f"{args.command.replace('_', ' ')}: " + ", ".join(f"{k}={v}" for k, v in kw.items())
        drew = " technique samples" + (" paired with as many bodies (ANSUR II proportions)" if kw.get("bodies") else "")
        lines = [head, f"Joint moments over {b.samples}{drew} (typical = median over the feasible ones; "
                       f"seed {tech.get('seed')}), N·m, + = plantarflexor, knee extensor, hip extensor, lumbar "
                       f"extensor; leg joints per leg:", ""]
        lines += b.lines()
        drawn = [f"{k}: {v}" for k, v in (tech.get("used_as") or {}).items()]
        if drawn:
            lines += ["", "Drawn from the measured technique (docs/technique.md):"] + ["  " + d for d in drawn]
        print("\n".join(lines))
        if float(b.feasible_fraction) == 0.0:
            print("biomech: warning: no technique sample could stand; the band is empty (nan).", file=sys.stderr)
    for note in notes:
        print(note, file=sys.stderr)
    return 0


# ------------------------------------------------------------------ sweep
_GRID = re.compile(r"^\s*(?P<a>[^:]+):(?P<b>[^:]+):(?P<n>\d+)\s*$")


def _grid_values(flag: str, text: str, kind: str | None) -> list[str]:
    """Expand "60deg:120deg:7" or "0cm,5cm,10cm" into strings the library reads."""
    if not isinstance(text, str):  # argparse hands over a list for a value such as "--"
        raise _Fail(f"argument {flag}: expected one value (a quantity, a list a,b,c or a grid a:b:n)", 2)
    m = _GRID.match(text)
    if m:
        n = int(m.group("n"))
        if n < 1:
            raise _Fail(f"argument {flag}: {text!r} asks for {n} values; the count must be at least 1", 2)
        if n > 10000:
            raise _Fail(f"argument {flag}: {text!r} asks for {n} values; at most 10000 per parameter", 2)
        if kind is None:
            try:
                a, b = float(m.group("a")), float(m.group("b"))
            except ValueError:
                raise _Fail(f"argument {flag}: {text!r} is not a grid of numbers", 2) from None
            return [repr(float(v)) for v in _linspace(a, b, n)]
        a_txt, b_txt = m.group("a"), m.group("b")
        for t in (a_txt, b_txt):
            _checked(flag, t, kind)
        from ..units import parse_quantity

        qa, qb = parse_quantity(a_txt, flag), parse_quantity(b_txt, flag)
        unit = qa.units
        vals = _linspace(float(qa.magnitude), float(qb.to(unit).magnitude), n)
        return [f"{v:.10g} {unit:~}" for v in vals]
    if ":" in text:
        raise _Fail(f"argument {flag}: {text!r} is not a grid; write start:stop:count (\"60deg:120deg:7\") or a "
                    f"list (\"0cm,5cm\")", 2)
    parts = [t for t in (s.strip() for s in text.split(",")) if t]
    if not parts:
        raise _Fail(f"argument {flag}: empty value", 2)
    if kind is not None:
        for t in parts:
            _checked(flag, t, kind)
    return parts


def _linspace(a: float, b: float, n: int) -> list[float]:
    return [a] if n == 1 else [a + (b - a) * k / (n - 1) for k in range(n)]


def _checked(flag: str, text: str, kind: str) -> str:
    try:
        return _Quantity(kind, allow_names=True)(text)
    except argparse.ArgumentTypeError as exc:
        raise _Fail(f"argument {flag}: {exc}", 2) from None


def _write_atomic_text(path: str, text: str) -> None:
    from ..fileio import write_text

    write_text(path, text, name="--out")


def _cell(v, ok: bool) -> str:
    v = float(v)
    return "" if not ok or not math.isfinite(v) else f"{v:.6g}"


def _as_array(texts: list[str], kind: str | None, flag: str):
    """Strings of one grid parameter as one Quantity array (a plain float array for
    unitless values), or None when some are names ("parallel", "high") that do not stack."""
    import numpy as np

    from ..units import parse_quantity

    if kind is None:
        try:
            return np.array([float(t) for t in texts])
        except ValueError:
            return None
    if any(re.fullmatch(r"[A-Za-z][A-Za-z_\-]*", t.strip()) for t in texts):
        return None
    qs = [parse_quantity(t, flag) for t in texts]
    unit = qs[0].units
    try:
        return np.array([q.to(unit).magnitude for q in qs], dtype=float) * unit
    except Exception:  # mixed dimensions ("90deg,40cm" for a depth): one call per value instead
        return None


def _sweep_columns(body, fn, names, kinds, keys, combos, args, single: tuple = ()) -> dict:
    """Evaluate every grid point with as few calls as the values allow: one array call for
    the numeric parameters, per combination of the named values (bar positions, "parallel")."""
    import numpy as np

    from ..errors import InfeasiblePoseError
    from ..mechanics.statics import JOINTS

    n = len(combos)
    cols = {"moments": {j: np.full(n, np.nan) for j in JOINTS}, "arms": {j: np.full(n, np.nan) for j in JOINTS},
            "extra": {}, "feasible": np.zeros(n, bool), "reason": [""] * n}
    columns_by_key = list(zip(*combos)) if combos and keys else []
    arrays, named = {}, []
    for k, col in zip(keys, columns_by_key):
        flag = "--" + k.replace("_", "-")
        arr = None if k == "bar" or k in single else _as_array(list(col), kinds.get(k), flag)
        if arr is None:
            named.append(k)
        else:
            arrays[k] = arr
    groups: dict[tuple, list[int]] = {}
    for i, combo in enumerate(combos):
        kw = dict(zip(keys, combo))
        groups.setdefault(tuple(kw[k] for k in named), []).append(i)
    for named_values, rows in groups.items():
        idx = np.asarray(rows)
        kw = dict(zip(named, named_values))
        for k, arr in arrays.items():
            kw[k] = arr[idx]
        where = ", ".join(f"{k}={v}" for k, v in zip(named, named_values))
        try:
            if fn is None:
                from ..mechanics.statics import joint_moments

                ns = argparse.Namespace(**{m: kw.get(m) for m in names}, bar=kw.get("bar", args.bar),
                                        stance=args.stance, support=args.support)
                res = joint_moments(body, _pose_from_args(ns), _loads_from_args(ns), stance=args.stance,
                                    support=args.support)
                feasible = np.broadcast_to(np.asarray(res.feasible, bool), (len(idx),))
                reason = np.broadcast_to(np.asarray(res.reason, dtype=object), (len(idx),))
            else:
                res = fn(body, **kw)
                feasible = np.broadcast_to(np.asarray(res.feasible, bool), (len(idx),))
                reason = np.broadcast_to(np.asarray(res.reason, dtype=object), (len(idx),))
                if res.legs:
                    for leg in ("front", "rear"):
                        for j in ("ankle", "knee", "hip"):
                            key = f"{leg} {j} (N*m)"
                            cols["extra"].setdefault(key, np.full(n, np.nan))
                            cols["extra"][key][idx] = np.broadcast_to(
                                getattr(getattr(res, leg), j).to("N*m").magnitude, (len(idx),))
        except InfeasiblePoseError as exc:
            feasible = np.zeros(len(idx), bool)
            reason = np.full(len(idx), _one_line(getattr(exc, "reason", "") or exc), dtype=object)
            res = None
        except _Fail:
            raise
        except Exception as exc:
            from ..errors import BiomechError

            if not isinstance(exc, BiomechError):
                raise
            refused = re.match(r"^(\w+): an array of shape", str(exc))
            if refused and refused.group(1) in arrays:  # a parameter that does not sweep: one call per value
                return _sweep_columns(body, fn, names, kinds, keys, combos, args, (*single, refused.group(1)))
            raise _Fail(f"{'at ' + where + ': ' if where else ''}{_one_line(exc)}") from None
        if res is not None:
            for j in JOINTS:
                cols["moments"][j][idx] = np.broadcast_to(getattr(res, j).to("N*m").magnitude, (len(idx),))
                cols["arms"][j][idx] = np.broadcast_to(res.moment_arms[j].to("m").magnitude, (len(idx),))
        cols["feasible"][idx] = feasible
        for i, r, ok in zip(idx, reason, feasible):
            cols["reason"][i] = "" if ok else (str(r) or "infeasible")
    return cols


def _cmd_sweep(args) -> int:
    import csv
    import io

    from ..mechanics.statics import JOINTS

    _check_out_file(args.out)
    body = _body(args)
    if args.target == "pose":
        names = ["shank", "thigh", "trunk", "pelvis", "lumbar", "foot", "arms", "ankle", "knee", "hip", "load",
                 "hand_load"]
        kinds = {n: ("mass" if n in ("load", "hand_load") else "angle") for n in names}
        fn = None
    else:
        cls = _specs()[args.target]
        prms = {p.name: p for p in _cli_params(cls)}
        for old, new in cls.renamed.items():
            if old not in prms:
                prms[old] = _old_param(prms, new)
        names = list(prms)
        kinds = {n: _CLI_KIND[p.kind][0] for n, p in prms.items()}

        def fn(body, **kw):
            spec, _ = _spec_from_args(cls, kw)
            return spec.solve(body)
    grids: dict[str, list[str]] = {}
    for n in names:
        v = getattr(args, n, None)
        if v is None:
            continue
        flag = "--" + n.replace("_", "-")
        if kinds.get(n) is None and fn is not None:  # names (bar positions) or plain numbers: a list
            if ":" in v:
                grids[n] = _grid_values(flag, v, None)
            else:
                grids[n] = [t.strip() for t in v.split(",") if t.strip()]
                if not grids[n]:
                    raise _Fail(f"argument {flag}: empty value", 2)
            continue
        grids[n] = _grid_values(flag, v, kinds.get(n))
    total = math.prod(len(v) for v in grids.values()) if grids else 1
    if total > 200000:
        raise _Fail(f"the grid has {total} points; at most 200000", 2)
    keys = list(grids)
    combos = list(itertools.product(*(grids[k] for k in keys)))
    columns = _sweep_columns(body, fn, names, kinds, keys, combos, args)
    buf = io.StringIO()
    from ..provenance import csv_comment_lines

    for line in csv_comment_lines(_provenance(args, body)["provenance"]):
        buf.write(line + "\n")
    w = csv.writer(buf, lineterminator="\n")
    head = list(columns["extra"])
    w.writerow(keys + [f"{j} (N*m)" for j in JOINTS] + [f"{j} arm (m)" for j in JOINTS] + head
               + ["feasible", "reason"])
    for i, combo in enumerate(combos):
        ok = bool(columns["feasible"][i])
        w.writerow(list(combo) + [_cell(columns["moments"][j][i], ok) for j in JOINTS]
                   + [_cell(columns["arms"][j][i], ok) for j in JOINTS]
                   + [_cell(columns["extra"][h][i], ok) for h in head] + [ok, columns["reason"][i]])
    _write_atomic_text(args.out, buf.getvalue())
    if args.out != "-":
        print(f"wrote {total} rows to {args.out}")
    return 0


# ------------------------------------------------------------------ report and figures
def _cmd_report(args) -> int:
    out = args.out
    if os.path.exists(out) and not os.path.isdir(out):
        raise _Fail(f"argument --out: {out!r} exists and is not a folder", 2)
    _check_writable(os.path.join(out if os.path.isdir(out) else os.path.dirname(os.path.abspath(out)), "x"), "--out")
    import matplotlib

    matplotlib.use("Agg")
    from ..cues.report import build_report

    paths = build_report(out)
    print(f"wrote {paths.markdown} and the figures in {paths.figures}; open the page:")
    print(paths.html.resolve())     # the last line: the page to open
    return 0


def _cmd_figures(args) -> int:
    import matplotlib

    matplotlib.use("Agg")
    from ..viz.figures import make_figures

    out = args.out
    if os.path.exists(out) and not os.path.isdir(out):
        raise _Fail(f"argument --out: {out!r} exists and is not a folder", 2)
    _check_writable(os.path.join(out if os.path.isdir(out) else os.path.dirname(os.path.abspath(out)), "x"), "--out")
    paths = make_figures(out)
    print(f"wrote {len(paths)} figures to {out}")
    for p in paths:
        print(f"  {p}")
    return 0


# ------------------------------------------------------------------ entry point
def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 success, 1 refused input, 2 bad argument).

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments (default ``sys.argv[1:]``).
    """
    global _ARGV
    argv = _join_negative_values(list(sys.argv[1:] if argv is None else argv))
    _ARGV = argv
    command = argv[0] if argv and not argv[0].startswith("-") else None
    parser = build_parser(command)
    try:
        args, extras = parser.parse_known_args(argv)
        if extras:
            _refuse_unknown(parser, command, extras)
    except SystemExit as exc:  # argparse: --help, --version, or a bad argument (already printed)
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    if args.command is None:
        parser.print_help()
        return 0
    prog = f"biomech {args.command}"
    import warnings

    from ..errors import BiomechError

    try:
        with warnings.catch_warnings():
            # NaN-masked arrays (infeasible poses) are expected: the output says so, not numpy
            warnings.simplefilter("ignore", RuntimeWarning)
            return _run(args)
    except _Fail as exc:
        print(f"{prog}: error: {_one_line(exc)}", file=sys.stderr)
        return exc.status
    except BiomechError as exc:
        print(f"{prog}: error: {_one_line(exc)}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (| head): not an error
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:  # pragma: no cover
            pass
        return 0
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback for a user; BIOMECH_DEBUG=1 shows it
        if os.environ.get("BIOMECH_DEBUG"):
            raise
        print(f"{prog}: error: unexpected {exc.__class__.__name__}: {_one_line(exc)} "
              f"(set BIOMECH_DEBUG=1 for the traceback)", file=sys.stderr)
        return 3


_NEGATIVE = re.compile(r"^-\.?[0-9]")
_FLAGS_WITHOUT_VALUE = {"--json", "--help", "-h", "--version"}


def _join_negative_values(argv: list[str]) -> list[str]:
    """``--load -50kg`` as ``--load=-50kg``: argparse takes a value starting with "-" for an
    option, so a negative value would never reach the checks that explain what is wrong."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if (a.startswith("--") and "=" not in a and a not in _FLAGS_WITHOUT_VALUE and i + 1 < len(argv)
                and _NEGATIVE.match(argv[i + 1])):
            out.append(f"{a}={argv[i + 1]}")
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _refuse_unknown(parser: argparse.ArgumentParser, command: str | None, extras: list[str]) -> None:
    """One line for arguments no option takes, with the closest option name ("did you mean")."""
    import difflib

    sub = parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            sub = action.choices[command]
    options = [o for a in sub._actions for o in a.option_strings if o.startswith("--") and a.help != argparse.SUPPRESS]
    first = next((e for e in extras if e.startswith("-")), extras[0])
    name = first.split("=", 1)[0]
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6) if name.startswith("-") else []
    where = f"biomech {command} --help" if command else "biomech --help"
    hint = f"; did you mean {close[0]}?" if close else f"; run '{where}' for the options"
    sub.error(f"unrecognized argument {first}{hint}")


def _run(args) -> int:
    if args.command == "pose":
        return _cmd_pose(args)
    if args.command in EXERCISES:
        names = [n for n in vars(args) if n not in _COMMON_DESTS]
        return _cmd_exercise(args, names)
    if args.command == "sweep":
        return _cmd_sweep(args)
    if args.command == "report":
        return _cmd_report(args)
    if args.command == "figures":
        return _cmd_figures(args)
    if args.command == "explore":
        from ..viz.explorer import run_explore  # noqa: PLC0415

        return run_explore(args)
    raise _Fail(f"unknown command {args.command!r}", 2)  # pragma: no cover (argparse refuses it first)


_COMMON_DESTS = {"command", "height", "mass", "sex", "table", "json", "plot", "band"}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
