"""Forward kinematics of the planar chain, written so that statics stays linear.

Every landmark of the body is a constant point plus a sum, over segments, of fixed
lengths times that segment's unit vectors. Each unit vector is a fixed 2 x 2 matrix
times ``(sin(angle), cos(angle))`` of its segment angle. So a landmark is

    P(pose) = base + sum_k  G_k @ (sin a_k, cos a_k),

with constant 2 x 2 matrices ``G_k``: a :class:`Point`. The moment of a constant force
about a point is then a constant plus ``w_k . (sin a_k, cos a_k)`` summed over
segments: a :class:`Form`. Joint moments of any number of poses cost a few
multiply-adds per segment once the forms are built (they do not depend on the pose).

Segment unit vectors (``u``: from the segment's proximal end toward its distal end;
``n``: at right angles, toward the front of the body when the segment is upright):

========  ==========================  ========================
segment   u                           n
========  ==========================  ========================
foot      (cos a, -sin a) heel->toe   (sin a, cos a) (up)
shank     (-sin a, -cos a) knee->ank  (cos a, -sin a)
thigh     (sin a, -cos a) hip->knee   (cos a, sin a)
trunk     (sin a, cos a) hip->shoul   (cos a, -sin a)
pelvis    as trunk, turned by pelvis  (hip -> L5/S1 part)
upper_bo  as trunk, turned by upper   (L5/S1 -> shoulder part)
arms      (sin a, -cos a) shoul->grip (cos a, sin a)
========  ==========================  ========================

Examples
--------
>>> import numpy as np
>>> from biomech.model.kinematics import Point
>>> p = Point.origin().plus("trunk", along=1.0)          # a point 1 m up the trunk
>>> x, y = p.evaluate({"trunk": np.radians(30.0)})
>>> round(float(x), 3), round(float(y), 3)
(0.5, 0.866)
"""

from __future__ import annotations

from typing import Any, Iterable

import numpy as np

__all__ = ["AXES", "Point", "Form", "SinCos", "LinearMap", "segment_kind", "spin", "second_derivatives",
           "TRUNK_PARTS", "is_split", "expand_trunk"]

# (U, N): u = U @ (s, c), n = N @ (s, c)
_FOOT = (np.array([[0.0, 1.0], [-1.0, 0.0]]), np.array([[1.0, 0.0], [0.0, 1.0]]))
_SHANK = (np.array([[-1.0, 0.0], [0.0, -1.0]]), np.array([[0.0, 1.0], [-1.0, 0.0]]))
_THIGH = (np.array([[1.0, 0.0], [0.0, -1.0]]), np.array([[0.0, 1.0], [1.0, 0.0]]))
_TRUNK = (np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[0.0, 1.0], [-1.0, 0.0]]))
_ARMS = _THIGH

#: Unit-vector matrices by segment name (rear-leg segments share the leg's shapes).
AXES = {"foot": _FOOT, "shank": _SHANK, "thigh": _THIGH, "trunk": _TRUNK, "arms": _ARMS,
        "pelvis": _TRUNK, "upper_body": _TRUNK,
        "rear_foot": _FOOT, "rear_shank": _SHANK, "rear_thigh": _THIGH}

#: The trunk's two parts, split at L5/S1: the pelvis (hip joint centre to L5/S1) and the upper
#: body (L5/S1 to the shoulder, head and the arms' attachment). Each turns with its own angle,
#: measured like the trunk's (forward positive, 0 as in upright standing). An angle dict that
#: gives only ``trunk`` is a rigid trunk: both parts at the trunk's angle.
TRUNK_PARTS = ("pelvis", "upper_body")


def is_split(angles) -> bool:
    """Whether an angle dict (or a :class:`SinCos`) gives the pelvis and upper body their own angles.

    >>> is_split({"trunk": 0.3}), is_split({"pelvis": 0.1, "upper_body": 0.4})
    (False, True)
    """
    if isinstance(angles, SinCos):
        return angles.split
    return "pelvis" in angles or "upper_body" in angles


def expand_trunk(angles: dict) -> dict:
    """The angle dict with ``pelvis`` and ``upper_body`` entries: a rigid dict (``trunk`` only)
    gets both at the trunk's value; a split dict must give both (a missing one is an error).

    >>> expand_trunk({"trunk": 0.3})["pelvis"]
    0.3
    """
    if isinstance(angles, SinCos):
        return angles
    if is_split(angles):
        if "pelvis" not in angles or "upper_body" not in angles:
            from ..errors import InputValueError
            raise InputValueError("angles give one part of the trunk only: give both 'pelvis' and 'upper_body' "
                                  "(radians), or 'trunk' alone for a rigid trunk.")
        return angles
    if "trunk" in angles:
        out = dict(angles)
        out["pelvis"] = out["upper_body"] = angles["trunk"]
        return out
    return angles


class Terms(dict):
    """Rates of (sin a, cos a) by segment (:func:`second_derivatives`), marked like their
    :class:`SinCos` (``split``: the pelvis and upper body have their own angles)."""

    split = False


def _split_of(d) -> bool:
    """Whether a SinCos, Terms or plain dict of angles / rates is for a split trunk."""
    flag = getattr(d, "split", None)
    if flag is not None:
        return flag
    return "pelvis" in d or "upper_body" in d


def second_derivatives(sc: SinCos, omega: dict[str, Any], alpha: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Second time derivatives of (sin a, cos a) for every segment in ``sc``."""
    out = Terms()
    out.split = getattr(sc, "split", False)
    rigid = not out.split
    for k, (s, c) in sc.items():
        if rigid and k in TRUNK_PARTS:  # a rigid trunk: both parts turn at the trunk's rates
            if "trunk" in out:
                out[k] = out["trunk"]
                continue
            key = "trunk"
        else:
            key = k
        w, al = omega.get(key, 0.0), alpha.get(key, 0.0)
        w = 0.0 if np.ndim(w) and not np.any(w) else w      # a segment held still costs nothing
        al = 0.0 if np.ndim(al) and not np.any(al) else al
        if np.ndim(w) == 0 and np.ndim(al) == 0 and w == 0 and al == 0:
            out[k] = (0.0, 0.0)
            continue
        w2 = w * w
        out[k] = (c * al - s * w2, -c * w2 - s * al)
    return out


def spin(segment: str) -> float:
    """Sign linking a segment angle's rate to its counter-clockwise angular velocity.

    The segment's unit vector turns counter-clockwise at ``spin(segment) * d(angle)/dt``:
    -1 for foot, shank and trunk (their angles grow clockwise), +1 for thigh and arms.

    >>> spin("thigh"), spin("shank")
    (1.0, -1.0)
    """
    U = AXES[segment][0]
    return -float(round(np.linalg.det(U)))


def segment_kind(name: str) -> str:
    """``"rear_thigh"`` -> ``"thigh"``."""
    return name[5:] if name.startswith("rear_") else name


class SinCos(dict):
    """Sines and cosines of segment angles, computed once per call and shared.

    >>> sc = SinCos({"shank": 0.0})
    >>> [float(v) for v in sc["shank"]]
    [0.0, 1.0]
    """

    #: True when the pelvis and upper body have their own angles (see :data:`TRUNK_PARTS`).
    split = False

    def __init__(self, angles: dict[str, Any]):
        super().__init__({k: (np.sin(v), np.cos(v)) for k, v in angles.items()})
        if "pelvis" in self or "upper_body" in self:
            if "pelvis" not in self or "upper_body" not in self:
                from ..errors import InputValueError
                raise InputValueError("angles give one part of the trunk only: give both 'pelvis' and "
                                      "'upper_body' (radians), or 'trunk' alone for a rigid trunk.")
            self.split = True
        elif "trunk" in self:  # a rigid trunk: both parts share its sine and cosine
            self["pelvis"] = self["upper_body"] = self["trunk"]


class Point:
    """A landmark as an affine function of the segment unit vectors (see module docs).

    ``coef[k]`` is a 2 x 2 array (possibly with trailing broadcast dimensions when
    the body's lengths are arrays) so that the point is ``base + sum_k coef[k] @ (s_k, c_k)``.
    """

    __slots__ = ("base", "coef", "rigid")

    def __init__(self, base=(0.0, 0.0), coef: dict[str, np.ndarray] | None = None, rigid: "Point | None" = None):
        self.base = (base[0], base[1])
        self.coef = dict(coef or {})
        #: the same landmark for a rigid trunk, built as one trunk segment (hip -> shoulder), or
        #: None when the point has no pelvis or upper-body terms; a rigid pose is evaluated on it,
        #: so a rigid trunk gives bit for bit the numbers of one trunk segment
        self.rigid = rigid

    def with_rigid(self, rigid: "Point") -> "Point":
        """This point, with ``rigid`` as its rigid-trunk twin (see :meth:`merged`)."""
        return Point(self.base, self.coef, rigid.merged())

    @classmethod
    def origin(cls) -> "Point":
        return cls()

    @classmethod
    def const(cls, x, y) -> "Point":
        return cls((x, y))

    def plus(self, segment: str, along=0.0, offset=0.0) -> "Point":
        """This point moved ``along`` the segment's ``u`` and ``offset`` along its ``n``."""
        U, N = AXES[segment]
        add = _add(_outer(U, along), _outer(N, offset))
        coef = dict(self.coef)
        coef[segment] = _add(coef[segment], add) if segment in coef else add
        rigid = None
        if self.rigid is not None or segment in TRUNK_PARTS:
            rigid = self.merged().plus("trunk" if segment in TRUNK_PARTS else segment, along, offset)
        return Point(self.base, coef, rigid)

    def __add__(self, other: "Point") -> "Point":
        coef = dict(self.coef)
        for k, v in other.coef.items():
            coef[k] = _add(coef[k], v) if k in coef else v
        rigid = None
        if self.rigid is not None or other.rigid is not None:
            rigid = self.merged() + other.merged()
        return Point((self.base[0] + other.base[0], self.base[1] + other.base[1]), coef, rigid)

    def __neg__(self) -> "Point":
        return Point((-self.base[0], -self.base[1]), {k: -v for k, v in self.coef.items()},
                     None if self.rigid is None else -self.rigid)

    def __sub__(self, other: "Point") -> "Point":
        return self + (-other)

    def evaluate(self, angles_or_sincos: dict[str, Any]) -> tuple[Any, Any]:
        """(x, y) in metres for the given segment angles (radians) or a :class:`SinCos`."""
        if self.rigid is not None and not _split_of(angles_or_sincos):
            return self.rigid.evaluate(angles_or_sincos)
        if isinstance(angles_or_sincos, SinCos):
            sc = angles_or_sincos
        else:
            keys = list(self.coef)
            ang = angles_or_sincos
            if any(k in TRUNK_PARTS for k in keys):
                ang = expand_trunk(ang)
                keys += [k for k in TRUNK_PARTS if k not in keys]
            sc = SinCos({k: ang[k] for k in keys})
        x, y = self.base
        for k, g in self.coef.items():
            s, c = sc[k]
            x = x + g[0, 0] * s + g[0, 1] * c
            y = y + g[1, 0] * s + g[1, 1] * c
        return x, y

    def velocity(self, sc: SinCos, omega: dict[str, Any]) -> tuple[Any, Any]:
        """(vx, vy) in m/s given segment angle rates ``omega`` (rad/s; missing = 0)."""
        if self.rigid is not None and not _split_of(sc):
            return self.rigid.velocity(sc, omega)
        vx = vy = 0.0
        rigid = not getattr(sc, "split", False)
        for k, g in self.coef.items():
            w = omega.get("trunk" if rigid and k in TRUNK_PARTS else k, 0.0)
            s, c = sc[k]
            ds, dc = c * w, -s * w
            vx = vx + g[0, 0] * ds + g[0, 1] * dc
            vy = vy + g[1, 0] * ds + g[1, 1] * dc
        return vx, vy

    def linear(self, terms: dict[str, tuple[Any, Any]]) -> tuple[Any, Any]:
        """``sum_k G_k @ terms[k]`` without the base: the point's rate of change when
        ``terms[k]`` holds the rates of (sin a_k, cos a_k)."""
        if self.rigid is not None and not _split_of(terms):
            return self.rigid.linear(terms)
        x = y = 0.0
        for k, g in self.coef.items():
            ds, dc = terms[k]
            x = x + g[0, 0] * ds + g[0, 1] * dc
            y = y + g[1, 0] * ds + g[1, 1] * dc
        return x, y

    def acceleration(self, sc: SinCos, omega: dict[str, Any], alpha: dict[str, Any]) -> tuple[Any, Any]:
        """(ax, ay) in m/s^2 given segment angle rates (rad/s) and their derivatives (rad/s^2).

        d2/dt2 sin(a) = -sin(a) w^2 + cos(a) alpha; d2/dt2 cos(a) = -cos(a) w^2 - sin(a) alpha.
        """
        return self.linear(second_derivatives(sc, omega, alpha))

    def merged(self) -> "Point":
        """The same point for a rigid trunk, in the ``trunk`` angle: its rigid twin when it has
        one (built as one trunk segment), else the pelvis and upper-body terms folded into
        ``trunk`` (exact up to rounding when both parts share the trunk's angle).

        >>> p = Point.origin().plus("pelvis", along=0.1).plus("upper_body", along=0.4)
        >>> sorted(p.merged().coef), float(p.merged().coef["trunk"][0, 0])
        (['trunk'], 0.5)
        """
        if self.rigid is not None:
            return self.rigid
        if not any(k in self.coef for k in TRUNK_PARTS):
            return self
        coef = {k: v for k, v in self.coef.items() if k not in TRUNK_PARTS}
        for k in TRUNK_PARTS:
            if k in self.coef:
                coef["trunk"] = _add(coef["trunk"], self.coef[k]) if "trunk" in coef else self.coef[k]
        return Point(self.base, coef)

    def cross(self, force) -> "Form":
        """The moment about the origin, ``P x F`` (z, counter-clockwise +), of a constant force.

        ``force`` is ``(Fx, Fy)``; each component may be an array (a sweep over loads).
        """
        fx, fy = force
        const = self.base[0] * fy - self.base[1] * fx
        w = {k: (g[0, 0] * fy - g[1, 0] * fx, g[0, 1] * fy - g[1, 1] * fx) for k, g in self.coef.items()}
        return Form(const, w, None if self.rigid is None else self.rigid.cross(force))

    def moment_of(self, point: "Point", force) -> "Form":
        """Moment of a constant force at ``point`` about this point: ``(P - self) x F``."""
        return (point - self).cross(force)


def _add(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Add two coefficient arrays (2, 2, *shape), giving a scalar one trailing axes first."""
    if a.ndim < b.ndim:
        a = a.reshape(a.shape + (1,) * (b.ndim - a.ndim))
    elif b.ndim < a.ndim:
        b = b.reshape(b.shape + (1,) * (a.ndim - b.ndim))
    return a + b


def _outer(M: np.ndarray, scale) -> np.ndarray:
    scale = np.asarray(scale, dtype=float)
    if scale.ndim == 0:
        return M * float(scale)
    return M.reshape(2, 2, *([1] * scale.ndim)) * scale


class Form:
    """A scalar linear in the segments' (sin, cos): ``const + sum_k ws_k sin a_k + wc_k cos a_k``."""

    __slots__ = ("const", "w", "rigid")

    def __init__(self, const=0.0, w: dict[str, tuple[Any, Any]] | None = None, rigid: "Form | None" = None):
        self.const = const
        self.w = dict(w or {})
        self.rigid = rigid   # the rigid-trunk twin, as for Point

    def __add__(self, other: "Form") -> "Form":
        w = dict(self.w)
        for k, (a, b) in other.w.items():
            if k in w:
                w[k] = (w[k][0] + a, w[k][1] + b)
            else:
                w[k] = (a, b)
        rigid = None
        if self.rigid is not None or other.rigid is not None:
            rigid = self.merged() + other.merged()
        return Form(self.const + other.const, w, rigid)

    def __neg__(self) -> "Form":
        return Form(-self.const, {k: (-a, -b) for k, (a, b) in self.w.items()},
                    None if self.rigid is None else -self.rigid)

    def __sub__(self, other: "Form") -> "Form":
        return self + (-other)

    def merged(self) -> "Form":
        """The same form for a rigid trunk: its rigid twin, or pelvis and upper-body terms folded
        into ``trunk``."""
        if self.rigid is not None:
            return self.rigid
        if not any(k in self.w for k in TRUNK_PARTS):
            return self
        w = {k: v for k, v in self.w.items() if k not in TRUNK_PARTS}
        for k in TRUNK_PARTS:
            if k in self.w:
                a, b = self.w[k]
                w["trunk"] = (w["trunk"][0] + a, w["trunk"][1] + b) if "trunk" in w else (a, b)
        return Form(self.const, w)

    def scale(self, factor) -> "Form":
        return Form(self.const * factor, {k: (a * factor, b * factor) for k, (a, b) in self.w.items()},
                    None if self.rigid is None else self.rigid.scale(factor))

    def evaluate(self, sc: SinCos) -> Any:
        """Value for the poses whose sines and cosines are ``sc``."""
        if self.rigid is not None and not _split_of(sc):
            return self.rigid.evaluate(sc)
        out = self.const
        for k, (a, b) in self.w.items():
            s, c = sc[k]
            out = out + a * s + b * c
        return out

    @staticmethod
    def total(forms: Iterable["Form"]) -> "Form":
        out = Form()
        for f in forms:
            out = out + f
        return out


class LinearMap:
    """Many Points or Forms evaluated together as one matrix product.

    Row ``r`` is ``const[r] + sum_k W[r, 2k] sin a_k + W[r, 2k + 1] cos a_k``; only the
    sines and cosines with a non-zero column are ever computed. Used on the hot paths
    (joint moments of a million poses, inverse dynamics of long motions). Needs scalar
    coefficients: ``LinearMap.build`` returns None when a body's lengths are arrays,
    and callers then use the per-point route.

    Examples
    --------
    >>> p = Point.origin().plus("trunk", along=1.0)
    >>> lm = LinearMap.from_points([p])
    >>> lm.evaluate({"trunk": np.radians([0.0, 90.0])}).round(6).tolist()
    [[0.0, 1.0], [1.0, 0.0]]
    """

    def __init__(self, const: np.ndarray, columns: list[tuple[str, int]], W: np.ndarray):
        self.const = const
        self.columns = columns          # (segment, 0 for sin / 1 for cos)
        self.W = W                      # (rows, len(columns))

    @classmethod
    def build(cls, consts: list, rows: list[dict[str, tuple[Any, Any]]]) -> "LinearMap | None":
        """From row constants and per-row ``{segment: (w_sin, w_cos)}``; None if any is an array."""
        if any(np.ndim(c) for c in consts) or any(np.ndim(v) for r in rows for pair in r.values() for v in pair):
            return None
        used: list[tuple[str, int]] = []
        for r in rows:
            for seg, pair in r.items():
                for i in (0, 1):
                    if pair[i] != 0 and (seg, i) not in used:
                        used.append((seg, i))
        W = np.zeros((len(rows), len(used)))
        index = {c: n for n, c in enumerate(used)}
        for n, r in enumerate(rows):
            for seg, pair in r.items():
                for i in (0, 1):
                    if pair[i] != 0:
                        W[n, index[(seg, i)]] = float(pair[i])
        return cls(np.asarray(consts, dtype=float), used, W)

    @classmethod
    def from_points(cls, points: list[Point]) -> "LinearMap | None":
        """Rows x0, y0, x1, y1, ... of the points."""
        consts, rows = [], []
        for p in points:
            consts += [p.base[0], p.base[1]]
            rows.append({k: (g[0, 0], g[0, 1]) for k, g in p.coef.items()})
            rows.append({k: (g[1, 0], g[1, 1]) for k, g in p.coef.items()})
        return cls.build(consts, rows)

    @classmethod
    def from_forms(cls, forms: list[Form]) -> "LinearMap | None":
        return cls.build([f.const for f in forms], [dict(f.w) for f in forms])

    def basis(self, angles_or_terms: dict[str, Any], terms: bool = False):
        """The needed sines and cosines as rows (or, with ``terms``, given pairs)."""
        out = []
        for seg, i in self.columns:
            v = angles_or_terms[seg]
            if isinstance(angles_or_terms, SinCos) or terms:
                out.append(v[i])
            else:
                out.append(np.sin(v) if i == 0 else np.cos(v))
        return out

    #: Poses evaluated per block when angles (not precomputed sines) are given: the sines, cosines
    #: and the matrix product of one block are temporary, so peak memory stays near the output's.
    BLOCK = 1 << 15
    #: Columns per matrix product. A larger product crosses OpenBLAS's threading threshold
    #: once a map has eight or more sine and cosine columns (a pelvis and upper body of their
    #: own), and threads made it several times slower on a loaded machine (measured: 4 x 9 by
    #: 9 x 32768 took 1.4 ms threaded against 0.15 ms as four products of 8192 columns).
    MATMUL_BLOCK = 1 << 13

    def evaluate(self, angles_or_terms: dict[str, Any], terms: bool = False, with_const: bool = True) -> np.ndarray:
        """Rows evaluated: shape (rows, *pose shape). Angles in radians, a SinCos, or
        (``terms=True``) a dict of (d sin, d cos) pairs such as second derivatives."""
        if not terms and not isinstance(angles_or_terms, SinCos):
            if any(seg in TRUNK_PARTS for seg, _ in self.columns):
                angles_or_terms = expand_trunk(angles_or_terms)
            needed = {seg for seg, _ in self.columns}
            shape = np.broadcast_shapes(*(np.shape(angles_or_terms[k]) for k in needed)) if needed else ()
            per_row = int(np.prod(shape[1:])) if len(shape) > 1 else 1
            if shape and shape[0] * per_row > 2 * self.BLOCK and shape[0] > 1:
                out = np.empty((len(self.const),) + shape)
                step = max(1, self.BLOCK // per_row)
                for i in range(0, shape[0], step):
                    block = {k: np.broadcast_to(angles_or_terms[k], shape)[i:i + step] for k in needed}
                    out[:, i:i + step] = self._evaluate(block, False, with_const)
                return out
        return self._evaluate(angles_or_terms, terms, with_const)

    def _evaluate(self, angles_or_terms: dict[str, Any], terms: bool, with_const: bool) -> np.ndarray:
        cols = self.basis(angles_or_terms, terms)
        if not cols:
            base = self.const if with_const else np.zeros_like(self.const)
            return base.copy()
        shape = np.broadcast_shapes(*(np.shape(c) for c in cols))
        n = int(np.prod(shape)) if shape else 1
        B = np.empty((len(cols), n))
        for r, c in enumerate(cols):
            B[r] = np.broadcast_to(c, shape).reshape(-1)
        if n <= self.MATMUL_BLOCK:
            out = self.W @ B
        else:  # column blocks: small products stay on one thread (see MATMUL_BLOCK)
            out = np.empty((len(self.const), n))
            for i in range(0, n, self.MATMUL_BLOCK):
                np.matmul(self.W, B[:, i:i + self.MATMUL_BLOCK], out=out[:, i:i + self.MATMUL_BLOCK])
        if with_const:
            out += self.const[:, None]
        return out.reshape((len(self.const),) + shape)
