"""Public data sets shipped with the library, for validation and examples.

Two sets, each in its own folder with a ``PROVENANCE.md`` that says where the files came
from, their checksums, their layout and their sign conventions:

``isb_running/``
    The ISB inverse-dynamics benchmark (van den Bogert & de Koning 1996): a simulated
    running step of one leg at 10 kHz, with the exact joint moments. Read it with
    :func:`load_isb_running`.
``winter_appendix_a/``
    Tables A.2, A.3 and A.5 of Winter (2009), *Biomechanics and Motor Control of Human
    Movement*, 4th ed., Appendix A: one subject walking, filmed at about 70 Hz. Read it
    with :func:`load_winter_table`.

Both loaders return plain SI numpy arrays (they are data, not public model inputs).

Examples
--------
>>> from biomech.data import load_isb_running
>>> run = load_isb_running()
>>> run.points.shape, run.moment.shape
((6001, 4, 2), (6001, 3))
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import numpy as np

from ..errors import DataFileError

__all__ = ["IsbRunning", "load_isb_running", "load_winter_table", "ISB_SEGMENTS"]

#: Segment parameters of the model that generated the ISB running data, from the ISB page
#: "Inverse dynamics benchmark data" (van den Bogert, isbweb.org/data/invdyn), in chain order
#: foot, shank, thigh: mass (kg), moment of inertia about the centre of mass (kg m^2), and
#: centre of mass as a fraction of the segment length from the proximal joint (ankle for the
#: foot, knee for the shank, hip for the thigh).
ISB_SEGMENTS = {
    "mass": np.array([1.00, 2.86, 6.85]),
    "inertia": np.array([0.0200, 0.042996389, 0.145361267]),
    "com_fraction": np.array([0.0, 0.4334975, 0.4323725]),
}


@dataclass(frozen=True)
class IsbRunning:
    """The ISB simulated-running benchmark, in SI units, reordered from the ground up.

    Attributes
    ----------
    time : ndarray, shape (6001,)
        Sample times, s (10 kHz, 0 to 0.6 s; heel strike at index 3000).
    points : ndarray, shape (6001, 4, 2)
        Toe, ankle, knee and hip positions (x forward, y up), m.
    force : ndarray, shape (6001, 2)
        Ground reaction force on the foot, N.
    cop : ndarray, shape (6001, 2)
        Centre of pressure, m (y = 0, the ground; x = 0 in the files when there is no contact).
    moment : ndarray, shape (6001, 3)
        True joint moments at ankle, knee, hip (moment of the proximal segment on the distal
        one, counter-clockwise positive when x points right and y up), N m.
    force_magnitude : ndarray, shape (6001, 3)
        True joint force magnitudes at ankle, knee, hip, N.
    contact : ndarray of bool, shape (6001,)
        True where the vertical ground force is non-zero (samples 3000..5194).
    """

    time: np.ndarray
    points: np.ndarray
    force: np.ndarray
    cop: np.ndarray
    moment: np.ndarray
    force_magnitude: np.ndarray
    contact: np.ndarray


def _read(folder: str, name: str, **kwargs) -> np.ndarray:
    try:
        with resources.files(__name__).joinpath(folder, name).open("r") as fh:
            return np.loadtxt(fh, **kwargs)
    except FileNotFoundError:
        raise DataFileError(f"data file {folder}/{name} is missing from the installed package; "
                            "reinstall biomech with its package data.") from None
    except ValueError as exc:
        raise DataFileError(f"data file {folder}/{name} cannot be read as numbers ({exc}).") from None


def load_isb_running() -> IsbRunning:
    """Load the ISB inverse-dynamics benchmark (simulated running, 10 kHz).

    Source: van den Bogert AJ, de Koning JJ (1996), On optimal filtering for inverse dynamics
    analysis, Proc. 9th Biennial Conf. Canadian Society for Biomechanics, pp. 214-215; files
    from the ISB page "Inverse dynamics benchmark data" (see ``isb_running/PROVENANCE.md``).
    The file columns (hip, knee, ankle, toe; moments hip, knee, ankle) are reordered here
    from the ground up.

    Returns
    -------
    IsbRunning

    Examples
    --------
    >>> run = load_isb_running()
    >>> round(float(run.moment[3971, 0]), 2)   # ankle moment extreme (ISB all.mom)
    -145.03
    """
    kin = _read("isb_running", "all.kin")
    frc = _read("isb_running", "all.frc")
    mom = _read("isb_running", "all.mom")
    fmg = _read("isb_running", "all.fmg")
    n = kin.shape[0]
    points = kin.reshape(n, 4, 2)[:, ::-1, :]          # hip, knee, ankle, toe -> toe, ankle, knee, hip
    cop = np.column_stack([frc[:, 2], np.zeros(n)])
    return IsbRunning(
        time=np.arange(n) * 1e-4,
        points=np.ascontiguousarray(points),
        force=frc[:, :2].copy(),
        cop=cop,
        moment=np.ascontiguousarray(mom[:, ::-1]),
        force_magnitude=np.ascontiguousarray(fmg[:, ::-1]),
        contact=frc[:, 1] != 0.0,
    )


def load_winter_table(table: str) -> dict[str, np.ndarray]:
    """Load one of Winter's (2009) Appendix A tables shipped here: ``"a2"``, ``"a3"`` or ``"a5"``.

    Source: Winter DA (2009), *Biomechanics and Motor Control of Human Movement*, 4th ed.,
    Wiley, Appendix A, Tables A.2 (filtered marker kinematics), A.3 (segment kinematics) and
    A.5 (reaction forces and moments), as transcribed to CSV (see
    ``winter_appendix_a/PROVENANCE.md``). Units are SI except angles (deg).

    Parameters
    ----------
    table : {"a2", "a3", "a5"}

    Returns
    -------
    dict of str to ndarray
        One array of 106 frames per numeric column (the ``event`` column is dropped).

    Raises
    ------
    InputValueError
        An unknown table name.

    Examples
    --------
    >>> a5 = load_winter_table("a5")
    >>> float(a5["foot_ankle_moment_Nm"][60])   # frame 61: the ankle moment's extreme
    -89.8
    """
    files = {"a2": "table_a2_filtered_marker_kinematics.csv",
             "a3": "table_a3_segment_kinematics.csv",
             "a5": "table_a5_reaction_forces_moments.csv"}
    key = str(table).lower().replace(".", "").replace("table", "").strip("_ ")
    if key not in files:
        from ..errors import InputValueError
        raise InputValueError(f"table={table!r} is not shipped; one of 'a2', 'a3', 'a5' is expected.")
    with resources.files(__name__).joinpath("winter_appendix_a", files[key]).open("r") as fh:
        header = fh.readline().strip().split(",")
        rows = [line.rstrip("\n").split(",") for line in fh if line.strip()]
    out = {}
    for j, name in enumerate(header):
        if name == "event":
            continue
        out[name] = np.array([float(r[j]) for r in rows])
    return out
