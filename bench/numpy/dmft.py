"""numpy reference of the glm DMFT (science/02 §§2-3): one causal forward pass, pathwise responses.

The algorithm of src/theory/dmft/solve-dmft.ts for isotropic data, written as a numpy user would:
moment-matched normals (QR against the constant), H(t) = m(t) hStar + sqrt(q0) G0(t) b0
- sum_{s<t} lr G(t,s+1) (zeta(s) + g(s)), pathwise chi(t,s) in float32, Gamma, mu, SigmaG by an incremental
two-pass Gram-Schmidt of the g(t)/sqrt(S), zeta(t) = sqrt(alpha) sum_j r_j xi_j, then the weight side.

Usage: python3 dmft.py T S   (logistic loss, sign teacher, alpha 2, ridge 0.1, lr 0.5, b 0.3, m0 0, q0 1)
Prints {"seconds", "m", "q", "core", "threads"}: CPU seconds of the solve and m(T), q(T).
"""
import json
import sys
import time

import numpy as np

from blas_info import blas_info


def solve(T, S, alpha=2.0, lr=0.5, ridge=0.1, b=0.3, beta=0.0, m0=0.0, q0=1.0, seed=1):
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(np.column_stack([np.ones(S), rng.standard_normal((S, T + 3))]))
    cols = Q[:, 1:] * np.sqrt(S)
    hStar, b0, xi = cols[:, 0], cols[:, 2], cols[:, 3:]
    y = np.sign(hStar)
    n = T + 1
    G, Gamma, SigmaG = np.zeros((n, n)), np.zeros((n, n)), np.zeros((n, n))
    G0, A = np.zeros(n), np.zeros(n)
    G[0, 0], G0[0], A[0] = 1.0, 1.0, m0
    zetas, gs, kd2, basis = (np.zeros((T, S)) for _ in range(4))
    chi, R = [], []
    a = 1 + beta - lr * ridge
    for t in range(T + 1):
        k = lr * G[t, 1 : t + 1]
        H = A[t] * hStar + np.sqrt(q0) * G0[t] * b0 - k @ (zetas[:t] + gs[:t])
        q = A[t] ** 2 + q0 * G0[t] ** 2 + k @ SigmaG[:t, :t] @ k
        if t == T:
            return A[t], q
        s = 1 / (1 + np.exp(-y * H))
        d1, d2 = -y * (1 - s), y * y * s * (1 - s)
        mu = alpha * np.mean(hStar * d1)
        kappa = (rng.random(S) < b) / b
        g = kappa * d1
        B = -k[:, None] * kd2[:t]
        row = np.zeros((t, S))
        for r in range(t):
            row[:r] += B[r] * chi[r]
            row[r] += B[r]
        Gamma[t, :t] = alpha * (row @ d2) / S
        Gamma[t, t] = alpha * np.mean(d2)
        chi.append(row.astype(np.float32))
        kd2[t] = kappa * d2
        x, r = g / np.sqrt(S), np.zeros(t + 1)
        for _ in range(2):
            c = basis[:t] @ x
            r[:t] += c
            x -= c @ basis[:t]
        r[t] = np.linalg.norm(x)
        basis[t] = x / r[t] if r[t] > 0 else 0
        R.append(r)
        for u in range(t + 1):
            SigmaG[t, u] = SigmaG[u, t] = alpha * (R[u] @ r[: u + 1])
        zetas[t] = np.sqrt(alpha) * (xi[:, : t + 1] @ r)
        gs[t] = g
        prev = max(t - 1, 0)
        G[t + 1, : t + 1] = a * G[t, : t + 1] - beta * (G[t - 1, : t + 1] if t > 0 else 0) - lr * (Gamma[t, : t + 1] @ G[: t + 1, : t + 1])
        G[t + 1, t + 1] = 1.0
        G0[t + 1] = a * G0[t] - beta * G0[prev] - lr * (Gamma[t, : t + 1] @ G0[: t + 1])
        A[t + 1] = a * A[t] - beta * A[prev] - lr * mu


if __name__ == "__main__":
    T, S = int(sys.argv[1]), int(sys.argv[2])
    t0 = time.process_time()
    m, q = solve(T, S)
    seconds = time.process_time() - t0
    print(json.dumps({"seconds": seconds, "m": m, "q": q, **blas_info()}))
