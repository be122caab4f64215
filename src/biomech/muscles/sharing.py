"""Static optimisation: muscle forces that reproduce ankle, knee and hip moments together.

For each pose, with activations a_i >= 0, maximal forces F_i(theta) (PCSA x stress x
force-length) and signed moment arms R_ji(theta), solve

    minimise  sum_i a_i^p / p   subject to   sum_i R_ji F_i a_i = M_j  (j = ankle, knee, hip)

(p = 2 by default; the 1/p does not move the minimum). Activations above 1 are allowed,
so every moment has a solution; a joint whose muscles need more than full activation is
reported, not refused.

Method (vectorized over poses, no Python loop over poses). The problem has three equality
constraints, so its Lagrange dual is a smooth concave function of three multipliers
lambda: with u = A^T lambda (A = R diag(F)), the minimiser for given lambda is
a_i = max(u_i, 0)^(1/(p-1)), and the dual gradient is M - A a. Newton's method on the
dual, with a 3x3 Hessian A diag(da/du) A^T per pose, solved with a batched
``numpy.linalg.solve`` (by the adjugate when there are three moments) and a vectorized
backtracking line search, converges in a few iterations; only the poses not yet converged
are iterated, and only the poses whose step fails the Armijo test are evaluated at smaller
steps. For p = 2 the Armijo test allows for the rounding of the dual (so the full Newton
step is taken near the optimum), and a pose whose moment residual has not reached a new
minimum for ten steps leaves the loop (no step along the Newton direction raises its dual:
the limit of the arithmetic); the final polish removes what moment residual is left. The muscles span both
directions at every joint (plantar/dorsiflexors, extensors/flexors), so the constraints
are always feasible and the dual is bounded.

Examples
--------
>>> import numpy as np
>>> A = np.array([[[1.0, -1.0]]])          # one joint, an agonist and an antagonist
>>> a = share_activations(A, np.array([[0.5]]))
>>> np.round(a, 6).tolist()
[[0.5, 0.0]]
"""

from __future__ import annotations

import numpy as np

from ..errors import InputValueError

__all__ = ["share_activations", "share_activations_scipy", "objective", "kkt_residual", "share_minmax", "MINMAX_SLACK"]


def _act(u, p):
    up = np.maximum(u, 0.0)
    if p == 2:
        return up
    if p == 3:
        return np.sqrt(up)
    return up ** (1.0 / (p - 1.0))


def _dact(u, p):
    up = np.maximum(u, 0.0)
    if p == 2:
        return (u > 0).astype(float)
    if p == 3:
        r = np.sqrt(up)
        return np.divide(0.5, r, out=np.zeros_like(r), where=r > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.where(up > 0, up ** ((2.0 - p) / (p - 1.0)) / (p - 1.0), 0.0)
    return d


def _conj_sum(u, p):
    """sum over the last axis of max(u, 0)^(p/(p-1)) (the dual's conjugate term without
    its factor), with a square or u*sqrt(u) in place of the power for p = 2 and 3."""
    up = np.maximum(u, 0.0)
    if p == 2:
        return np.einsum("...k,...k->...", up, up)
    if p == 3:
        return np.einsum("...k,...k->...", up, np.sqrt(up))
    return np.sum(up ** (p / (p - 1.0)), axis=-1)


def _dual(lam, A, M, p):
    """Concave dual value: lam.M - sum f*(u), f*(u) = (p-1)/p max(u,0)^(p/(p-1))."""
    u = np.einsum("njm,nj->nm", A, lam)
    up = np.maximum(u, 0.0)
    conj = (p - 1.0) / p * up ** (p / (p - 1.0))
    return np.einsum("nj,nj->n", lam, M) - conj.sum(axis=-1)


def share_activations(A, M, p: float = 2.0, tol: float = 1e-7, max_iter: int | None = None):
    """Minimise sum(a^p) subject to A a = M, a >= 0, for many poses at once.

    Parameters
    ----------
    A : ndarray, shape (N, J, K)
        Moment per unit activation (N*m) of muscle k at joint j, for each pose.
    M : ndarray, shape (N, J)
        Net joint moments to reproduce (N*m).
    p : float
        Exponent of the cost (> 1): 2 (default) or 3.
    tol : float
        Absolute tolerance on the moment residual, N*m.
    max_iter : int, optional
        Newton iterations at most (default 100 for p = 2, 500 otherwise).

    Returns
    -------
    ndarray, shape (N, K)
        Activations (dimensionless, >= 0; may exceed 1).
    """
    try:
        A = np.asarray(A, dtype=float)
        M = np.asarray(M, dtype=float)
    except (TypeError, ValueError):
        raise InputValueError("A (moment per unit activation, N*m) and M (joint moments, N*m) must be "
                              "numeric arrays.") from None
    if A.ndim != 3 or M.shape != A.shape[:2] or A.shape[2] == 0:
        raise InputValueError(f"A must be (N, J, K) with K >= 1 and M (N, J); got A{A.shape} and M{M.shape}.")
    if not (np.all(np.isfinite(A)) and np.all(np.isfinite(M))):
        raise InputValueError("A and M must be finite (no NaN or inf).")
    if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)) or not p > 1.0:
        raise InputValueError(f"p={p!r}: the cost exponent must be greater than 1 (2 or 3).")
    if max_iter is None:
        max_iter = 100 if p == 2 else 500
    # The problem is homogeneous: scaling M by s scales the optimal activations by s. Each
    # pose is solved with its moments scaled to activations of order one (the Newton steps
    # on the dual are then well conditioned for p = 3 too) and scaled back.
    mag = _rowmax(np.abs(M)) / np.maximum(_rowmax(np.abs(A).reshape(A.shape[0], -1)), 1e-300)
    s = np.where(mag > 0, mag, 1.0)
    Ms = M / s[:, None]
    a = _solve(A, Ms, p, tol / s, max_iter)
    a = _polish(A, Ms, a)
    return a * s[:, None]


def _polish(A, M, a):
    """Remove the remaining moment residual by the least-norm change of the active
    activations (one batched 3x3 solve); a second-order change of the cost."""
    W = A * (a > 0)[:, None, :]
    g = M - np.einsum("njk,nk->nj", A, a)
    WWt = np.matmul(W, W.transpose(0, 2, 1))
    J = A.shape[1]
    reg = 1e-12 * (np.trace(WWt, axis1=1, axis2=2)[:, None, None] / J + 1e-300) * np.eye(J)
    y = _solve_sym(WWt + reg, g)[..., None]
    out = np.maximum(a + np.einsum("njk,nj->nk", W, y[..., 0]), 0.0)
    # keep the polished solution only where it reduced the residual (and is finite: with no
    # muscle active the system is singular and the correction is not used)
    r0 = _rowmax(np.abs(g))
    with np.errstate(invalid="ignore"):
        r1 = _rowmax(np.abs(M - np.einsum("njk,nk->nj", A, np.where(np.isfinite(out), out, np.inf))))
    return np.where((r1 <= r0)[:, None], out, a)


def _rowmax(x):
    """Largest entry of each row of a 2-D array: one ``np.maximum`` per column, several times
    faster than ``np.max(x, axis=1)`` for the few columns here (numpy reduces short rows
    slowly)."""
    m = x[:, 0].copy()
    for j in range(1, x.shape[1]):
        np.maximum(m, x[:, j], out=m)
    return m


def _solve_sym(H, g):
    """x with H x = g for a stack of symmetric positive definite matrices H (N, J, J).

    For J = 3 by the adjugate (a few vectorized products, several times faster than
    ``numpy.linalg.solve``'s loop of LAPACK calls on 3x3 systems); otherwise by LAPACK.
    """
    if H.shape[-1] != 3:
        return np.linalg.solve(H, g[..., None])[..., 0]
    a, b, c = H[:, 0, 0], H[:, 0, 1], H[:, 0, 2]
    d, e, f = H[:, 1, 1], H[:, 1, 2], H[:, 2, 2]
    c00, c01, c02 = d * f - e * e, c * e - b * f, b * e - c * d
    c11, c12, c22 = a * f - c * c, b * c - a * e, a * d - b * b
    det = a * c00 + b * c01 + c * c02
    g0, g1, g2 = g[:, 0], g[:, 1], g[:, 2]
    with np.errstate(divide="ignore", invalid="ignore"):   # a singular H gives inf/nan (callers check)
        return np.stack([c00 * g0 + c01 * g1 + c02 * g2, c01 * g0 + c11 * g1 + c12 * g2,
                         c02 * g0 + c12 * g1 + c22 * g2], axis=1) / det[:, None]


#: Newton steps without a new smallest moment residual after which a pose stops iterating.
STALL = 10


def _solve(A, M, p, tol, max_iter):
    """Dual Newton iterations on the scaled problem; ``tol`` is per pose (N*m)."""
    N, J, K = A.shape
    # start from the multipliers of the unconstrained least-norm problem (p = 2)
    AAt = np.matmul(A, A.transpose(0, 2, 1))
    eye = np.eye(J)
    scale = np.trace(AAt, axis1=1, axis2=2)[:, None, None] / J + 1e-30
    lam = _solve_sym(AAt + 1e-12 * scale * eye, M)
    if p != 2:
        # warm start from the p = 2 solution a2: choose lambda so that A^T lambda matches
        # a2^(p-1) on the muscles it uses (least squares), then continue by Newton.
        a2 = _solve(A, M, 2.0, tol, 100)
        target = a2 ** (p - 1.0)
        W = np.where(a2[:, None, :] > 0, A, 0.0)
        WWt = np.matmul(W, W.transpose(0, 2, 1))
        lam = _solve_sym(WWt + 1e-12 * scale * eye, np.einsum("njk,nk->nj", W, target))
    steps = 0.5 ** np.arange(30)
    # curvature given to switched-off muscles, relative to the largest: small enough that a
    # p = 2 step on the right active set is exact to ~1e-11 (one step, not two, to the tolerance)
    floor = 1e-11 if p == 2 else 1e-6
    conj_c = (p - 1.0) / p
    # the working set: the poses still iterating, with their own copies of A, M, lambda,
    # tolerance, scale and stall count; copied again only when some poses leave it
    idx = np.arange(N)
    Aa, Ma, la, ta, sa = A, M, lam, np.asarray(tol, dtype=float), scale
    st = np.zeros(N, dtype=int)
    gb = np.full(N, np.inf)
    for _ in range(max_iter):
        if idx.size == 0:
            break
        u = np.einsum("njk,nj->nk", Aa, la)
        a = _act(u, p)
        g = Ma - np.einsum("njk,nk->nj", Aa, a)
        gm = _rowmax(np.abs(g))
        # a pose leaves the loop when its residual is within tolerance, or when it has not
        # reached a new smallest residual for STALL steps: it is then at the limit of the
        # arithmetic (a muscle at the edge of switching on can make the iteration cycle,
        # or no step along the Newton direction raises the dual), and the polish step takes
        # its remaining residual
        st = np.where(gm < 0.999 * gb, 0, st + 1)
        gb = np.minimum(gb, gm)
        done = (gm <= ta) | (st >= STALL)
        if done.any():
            lam[idx[done]] = la[done]
            keep = ~done
            idx = idx[keep]
            if idx.size == 0:
                break
            Aa, Ma, la, ta, sa, st, gb, u, a, g = (x[keep] for x in (Aa, Ma, la, ta, sa, st, gb, u, a, g))
        # modified Newton: inactive muscles get a small curvature so that a joint whose
        # muscles are all switched off still has a well-scaled step
        if p == 2:
            w = (a > 0).astype(float)
        elif p == 3:
            w = np.divide(0.5, a, out=np.zeros_like(a), where=a > 0)   # da/du = 1/(2 sqrt(u))
        else:
            w = _dact(u, p)
        w = np.maximum(w, (floor * _rowmax(w) + 1e-300)[:, None])
        H = np.matmul(Aa * w[:, None, :], Aa.transpose(0, 2, 1))
        sc = np.einsum("njj->n", H)[:, None, None] / J + sa
        d = _solve_sym(H + 1e-10 * sc * eye, g)
        # backtracking (Armijo) on the concave dual along lambda + t d: u(t) = u + t A^T d,
        # so no copy of A per trial step
        ud = np.einsum("njk,nj->nk", Aa, d)
        base = np.einsum("nj,nj->n", la, Ma)
        c0 = conj_c * np.einsum("nk,nk->n", np.maximum(u, 0.0), a)   # max(u,0)^(p/(p-1)) = u a
        f0 = base - c0
        if p == 2:
            # the Armijo test cannot see gains below the rounding of the dual: a step whose
            # change is within it passes (near the optimum the full Newton step is taken; the
            # p = 2 dual is piecewise quadratic, so that step is exact on the right active set)
            f0 = f0 - 1e-13 * (np.abs(base) + c0)
        slope = np.einsum("nj,nj->n", g, d)
        dM = np.einsum("nj,nj->n", d, Ma)
        fnew = base + dM - conj_c * _conj_sum(u + ud, p)
        tstep = np.ones(u.shape[0])
        bad = np.flatnonzero(fnew < f0 + 1e-4 * slope)
        # halve the step of the poses that fail until each passes (the smallest step if
        # none does); only the failing poses are evaluated at each trial step
        for t in steps[1:]:
            if bad.size == 0:
                break
            tstep[bad] = t
            ft = base[bad] + t * dM[bad] - conj_c * _conj_sum(u[bad] + t * ud[bad], p)
            bad = bad[ft < f0[bad] + 1e-4 * t * slope[bad]]
        la = la + tstep[:, None] * d
    if idx.size:
        lam[idx] = la
    return _act(np.einsum("njk,nj->nk", A, lam), p)


def objective(a, p: float = 2.0):
    """sum(a^p) per pose (the cost without the 1/p)."""
    return np.sum(np.asarray(a) ** p, axis=-1)


def kkt_residual(A, M, a, p: float = 2.0):
    """Largest violation of the optimality conditions, per pose, in activation units.

    Primal: |A a - M| / max|A| ; stationarity: with lambda the least-squares multiplier on
    the active muscles, |a^(p-1) - A^T lambda| on active muscles and max(A^T lambda, 0)
    on inactive ones (complementarity).
    """
    A, M, a = (np.asarray(x, dtype=float) for x in (A, M, a))
    scale = np.max(np.abs(A), axis=(1, 2))
    primal = np.max(np.abs(np.einsum("njk,nk->nj", A, a) - M), axis=1) / scale
    act = a > 1e-7
    target = np.where(act, a ** (p - 1.0), 0.0)
    # lambda from least squares on the active set: A_S^T lam = a_S^(p-1)
    W = act[:, None, :] * A
    lam = np.stack([np.linalg.lstsq(W[i].T, target[i], rcond=None)[0] for i in range(A.shape[0])])
    u = np.einsum("njk,nj->nk", A, lam)
    stat = np.where(act, np.abs(target - u), np.maximum(u, 0.0))
    return np.maximum(primal, np.max(stat, axis=1))


def share_activations_scipy(A, M, p: float = 2.0):
    """Reference solution with scipy's SLSQP, one pose at a time (for tests and benchmarks)."""
    from scipy.optimize import minimize
    A, M = np.asarray(A, dtype=float), np.asarray(M, dtype=float)
    out = np.empty((A.shape[0], A.shape[2]))
    for i in range(A.shape[0]):
        Ai, Mi = A[i], M[i]
        s = np.max(np.abs(Ai))
        x0 = np.full(Ai.shape[1], 0.1)
        res = minimize(lambda x: np.sum(x ** p), x0, jac=lambda x: p * x ** (p - 1.0), method="SLSQP",
                       bounds=[(0.0, None)] * Ai.shape[1],
                       constraints=[{"type": "eq", "fun": lambda x: (Ai @ x - Mi) / s, "jac": lambda x: Ai / s}],
                       options={"ftol": 1e-14, "maxiter": 500})
        out[i] = res.x
    return out


#: Tie-break of the min-max solution: among activations whose largest is within this
#: fraction of the smallest possible largest activation, the one with the least total
#: activation (a linear programme: our choice, stated in docs/muscles.md).
MINMAX_SLACK = 1e-3


def share_minmax(A, M):
    """Min-max activation sharing: the smallest possible largest activation, tie broken by
    the least total activation (see :data:`MINMAX_SLACK`).

    Two linear programmes per pose (scipy's HiGHS): minimise t subject to A a = M,
    0 <= a <= t; then minimise sum(a) subject to A a = M, 0 <= a <= t* (1 + MINMAX_SLACK).
    A loop over poses (HiGHS has no batched form): meant for the poses of a report, not for
    100,000 poses.

    Parameters
    ----------
    A : ndarray (N, J, K), N*m per unit activation.
    M : ndarray (N, J), N*m.

    Returns
    -------
    ndarray (N, K)

    Examples
    --------
    >>> import numpy as np
    >>> A = np.array([[[1.0, 2.0]]])
    >>> np.round(share_minmax(A, np.array([[3.0]])), 6).tolist()
    [[1.0, 1.0]]
    """
    from scipy.optimize import linprog
    A, M = np.asarray(A, dtype=float), np.asarray(M, dtype=float)
    if A.ndim != 3 or M.shape != A.shape[:2]:
        raise InputValueError(f"A must be (N, J, K) and M (N, J); got A{A.shape} and M{M.shape}.")
    N, J, K = A.shape
    out = np.full((N, K), np.nan)
    c1 = np.zeros(K + 1)
    c1[-1] = 1.0
    A_ub = np.hstack([np.eye(K), -np.ones((K, 1))])
    for i in range(N):
        s = max(float(np.max(np.abs(A[i]))), 1e-300)
        Aeq = np.hstack([A[i] / s, np.zeros((J, 1))])
        r = linprog(c1, A_ub=A_ub, b_ub=np.zeros(K), A_eq=Aeq, b_eq=M[i] / s,
                    bounds=[(0, None)] * (K + 1), method="highs")
        if r.status != 0:
            continue
        t = r.x[-1] * (1.0 + MINMAX_SLACK) + 1e-12
        r2 = linprog(np.ones(K), A_eq=A[i] / s, b_eq=M[i] / s, bounds=[(0, t)] * K, method="highs")
        out[i] = r2.x if r2.status == 0 else r.x[:-1]
    return out
