"""Where an output came from: the library version, the inputs, the seed and the data sources.

Every file the command line and the report write carries one of these records (JSON
outputs as a ``"provenance"`` object, CSV files as ``#`` comment lines before the
header, the report as a paragraph), so a number found later can be traced back.

Examples
--------
>>> from biomech.model.body import Body
>>> rec = provenance({"depth": "90 deg"}, body=Body.from_anthropometrics("178 cm", "80 kg"))
>>> rec["biomech_version"] == __import__("biomech").__version__, rec["seed"]
(True, None)
>>> rec["data_sources"][0][:10]
'de Leva P.'
>>> csv_comment_lines(rec)[0].startswith("# biomech ")
True
"""

from __future__ import annotations

import json
from typing import Any, Mapping, Sequence

__all__ = ["provenance", "csv_comment_lines", "body_source", "MUSCLE_SOURCE", "ARTICLE_SOURCE"]

#: The muscle model's sources (paths, moment arms and strengths), used where muscle demand is reported.
MUSCLE_SOURCE = ("muscle volumes, fibre lengths, moment arms and strengths as listed in docs/muscles.md "
                 "(Handsfield et al. 2014 J Biomech 47:631 volumes; Ward et al. 2009 Clin Orthop Relat Res "
                 "467:1074 fibre lengths; Rajagopal et al. 2016 model)")
#: The article whose cues the report tests.
ARTICLE_SOURCE = "Padron, 'Leg Training for Maximal Muscle Growth' (the cues tested, paraphrased)"


def _version() -> str:
    from . import __version__

    return __version__


def body_source(body: Any) -> str:
    """The segment table a body was scaled from (its citation), or a note that its
    segments were given by the user."""
    table = getattr(body, "table", None)
    if table:
        try:
            from .model.anthropometry import get_table

            return str(get_table(table).citation).rstrip(".")
        except Exception:  # an unknown name: say which was asked for
            return f"segment table {table!r}"
    return "segments given by the user (Body.from_segments)"


def _jsonable(v: Any) -> Any:
    if isinstance(v, Mapping):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return str(v)


def provenance(inputs: Mapping[str, Any] | Sequence[str], *, body: Any = None, seed: int | None = None,
               sources: Sequence[str] = (), command: str | None = None) -> dict:
    """A provenance record (plain JSON-ready values).

    Parameters
    ----------
    inputs : mapping or sequence of str
        The inputs as the user gave them (keyword -> value, or the command-line words).
    body : Body, optional
        Adds the segment table's citation to the data sources.
    seed : int, optional
        The random seed, where one was used (``None``: the computation is deterministic).
    sources : sequence of str
        Further data sources (muscle model, studies).
    command : str, optional
        The command line that produced the output.

    Returns
    -------
    dict
        ``biomech_version``, ``command`` (when given), ``inputs``, ``seed``, ``data_sources``.
    """
    out: dict[str, Any] = {"biomech_version": _version()}
    if command is not None:
        out["command"] = command
    out["inputs"] = _jsonable(dict(inputs) if isinstance(inputs, Mapping) else list(inputs))
    out["seed"] = seed
    srcs = ([body_source(body)] if body is not None else []) + [str(s) for s in sources]
    out["data_sources"] = list(dict.fromkeys(srcs))
    return out


def csv_comment_lines(record: Mapping[str, Any]) -> list[str]:
    """The record as ``#`` comment lines for the top of a CSV file (read it back with
    ``pandas.read_csv(path, comment="#")``, or skip lines starting with ``#``)."""
    lines = [f"# biomech {record.get('biomech_version')}" + (f": {record['command']}" if record.get("command") else "")]
    lines.append("# inputs: " + json.dumps(record.get("inputs"), ensure_ascii=False))
    lines.append(f"# seed: {record.get('seed') if record.get('seed') is not None else 'none (deterministic)'}")
    for s in record.get("data_sources", []):
        lines.append(f"# data source: {s}")
    return lines
