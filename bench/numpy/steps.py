"""numpy references of the kernel benchmark (bench/kernels.ts): the same steps, written as a numpy user would.

Usage: python3 steps.py CASE SECONDS   with CASE one of glm, glm-full, two-layer, spiked.
Prints {"stepsPerSecond", "core", "threads"}: steps/s by CPU time over one round of about SECONDS (after a
warm-up of a tenth of that), and the OpenBLAS core and thread count in use.
"""
import json
import sys
import time

import numpy as np

from blas_info import blas_info

rng = np.random.default_rng(1)


def glm():
    """Logistic GLM, n = d = 1000, Bernoulli(0.3) mini-batch (B ~ 300), lr 0.5, ridge 0.1."""
    n, d, b, lr, ridge = 1000, 1000, 0.3, 0.5, 0.1
    X = rng.standard_normal((n, d))
    y = np.sign(X @ rng.standard_normal(d))
    w = rng.standard_normal(d)
    inv = 1 / np.sqrt(d)

    def step():
        nonlocal w
        sel = np.flatnonzero(rng.random(n) < b)
        Xb, yb = X[sel], y[sel]
        t = -yb * (Xb @ w) * inv
        coef = -yb / (1 + np.exp(-t)) / b
        w = w - lr * (ridge * w + (Xb.T @ coef) * inv)

    return step


def glm_full():
    """The CLI's glm simulation (bench/dmft.ts): logistic, d = 1000, n = 2000, b = 0.3, full X @ w, X.T @ g."""
    n, d, b, lr, ridge = 2000, 1000, 0.3, 0.5, 0.1
    X = rng.standard_normal((n, d))
    y = np.sign(X @ rng.standard_normal(d))
    w = rng.standard_normal(d)
    inv = 1 / np.sqrt(d)

    def step():
        nonlocal w
        t = -y * (X @ w) * inv
        g = np.where(rng.random(n) < b, -y / (1 + np.exp(-t)) / b, 0.0)
        w = w - lr * (ridge * w + (X.T @ g) * inv)

    return step


def two_layer():
    """Two-layer ReLU net on the XOR mixture, K = 8, N = 1000, snr 1000, ridge 0.1, lr 1/N, one sample."""
    K, N, ridge = 8, 1000, 0.1
    lr, noise = 1 / N, 1 / np.sqrt(1000)
    means = np.array([[1, 0], [-1, 0], [0, 1], [0, -1]], float)
    labels = np.array([1, 1, 0, 0], float)
    v = rng.standard_normal(K)
    W = rng.standard_normal((K, N)) / np.sqrt(N)

    def step():
        nonlocal v, W
        c = int(rng.random() * 4)
        X = rng.standard_normal(N) * noise
        X[:2] += means[c]
        h = W @ X
        e = 1 / (1 + np.exp(-(v @ np.maximum(h, 0)))) - labels[c]
        coef = lr * e * v * (h >= 0)
        v = (1 - lr * ridge) * v - lr * e * np.maximum(h, 0)
        W *= 1 - lr * ridge
        W -= np.outer(coef, X)

    return step


def spiked():
    """Spiked matrix PCA (k = 2), N = 10^4, lr 0.5/N, snr 1.2: x <- A x + B v + C z and <x, v>, |x|^2."""
    N, snr = 10_000, 1.2
    lr = 0.5 / N
    v = rng.standard_normal(N)
    v /= np.linalg.norm(v)
    x = 0.3 * v + rng.standard_normal(N) / np.sqrt(N)
    m, r2 = x @ v, x @ x

    def step():
        nonlocal x, m, r2
        z = rng.standard_normal(N)
        zeta = rng.standard_normal()
        a = 1 - 4 * lr * r2 + 2 * lr * np.sqrt(2) * zeta
        x = a * x + (4 * snr * lr * m) * v + (2 * lr * np.sqrt(2) * np.sqrt(r2)) * z
        m, r2 = x @ v, x @ x

    return step


def rate(step, seconds):
    """Steps per CPU second over one round of about `seconds`, after a warm-up of a tenth of a round."""
    t0 = time.process_time()
    k = 0
    while time.process_time() - t0 < seconds / 10:
        step()
        k += 1
    per_step = (time.process_time() - t0) / k
    count = max(1, int(seconds / per_step))
    t0 = time.process_time()
    for _ in range(count):
        step()
    return count / (time.process_time() - t0)


if __name__ == "__main__":
    cases = {"glm": glm, "glm-full": glm_full, "two-layer": two_layer, "spiked": spiked}
    result = {"stepsPerSecond": rate(cases[sys.argv[1]](), float(sys.argv[2]))}
    print(json.dumps({**result, **blas_info()}))
