"""Segment-length proportions (means, SDs, correlations) from the ANSUR II public data.

Source: Gordon CC, Blackwell CL, Bradtmiller B, Parham JL, Barrientos P, Paquette SP, Corner BD,
Carson JM, Venezia JC, Rockwell BM, Mucher M, Kristensen S (2014). 2012 Anthropometric Survey of
U.S. Army Personnel: Methods and Summary Statistics. Technical Report NATICK/TR-15/007, U.S. Army
Natick Soldier Research, Development and Engineering Center. The per-subject public release
("ANSUR II MALE Public.csv", 4082 men; "ANSUR II FEMALE Public.csv", 1986 women; the 93 measured
dimensions in mm) is a work of the U.S. government, in the public domain. The raw files are not
part of this project: download them from the survey's public release and pass their paths.

The model's segments are joint-centre to joint-centre lengths; ANSUR II measures standing
heights of surface landmarks. The mapping (an approximation, docs/technique.md "Body
proportions"):

- shank = lateral femoral epicondyle height - lateral malleolus height (knee to ankle);
- thigh = trochanterion height - lateral femoral epicondyle height (hip to knee);
- trunk = acromial height - trochanterion height (hip to shoulder);
- foot  = foot length (heel to the tip of the longest toe);

each divided by the subject's stature. The script prints, per sex, the mean and SD of each
ratio and the correlation matrix, as the Python literal that ``biomech.model.population``
holds.

Usage::

    python scripts/ansur_proportions.py "ANSUR II MALE Public.csv" "ANSUR II FEMALE Public.csv"
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd

SEGMENTS = ("shank", "thigh", "trunk", "foot")


def ratios(path: str) -> pd.DataFrame:
    """The four segment-to-stature ratios of every subject in one ANSUR II public file."""
    d = pd.read_csv(path, encoding="latin-1")
    d.columns = [c.lower() for c in d.columns]
    s = d["stature"].astype(float)
    out = pd.DataFrame({
        "shank": (d["lateralfemoralepicondyleheight"] - d["lateralmalleolusheight"]) / s,
        "thigh": (d["trochanterionheight"] - d["lateralfemoralepicondyleheight"]) / s,
        "trunk": (d["acromialheight"] - d["trochanterionheight"]) / s,
        "foot": d["footlength"] / s,
    })
    return out.dropna()


def summary(path: str) -> dict:
    r = ratios(path)[list(SEGMENTS)]
    return {"n": len(r), "mean": tuple(round(float(v), 4) for v in r.mean()),
            "sd": tuple(round(float(v), 4) for v in r.std(ddof=1)),
            "corr": tuple(tuple(round(float(v), 3) for v in row) for row in np.corrcoef(r.to_numpy().T))}


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    for sex, path in zip(("male", "female"), argv):
        s = summary(path)
        print(f"{sex!r}: dict(n={s['n']}, mean={s['mean']}, sd={s['sd']},")
        print(f"    corr={s['corr']}),")


if __name__ == "__main__":
    main(sys.argv[1:])
