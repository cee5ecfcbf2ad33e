"""Writes the scipy reference values that KolmogorovDistributionTest checks against.

Run from the repository root with Debian's scipy 1.10.1:
    /usr/bin/python3 mlops-data/src/test/python/kolmogorov_reference.py \
        > mlops-data/src/test/resources/dev/mlops/data/stat/kolmogorov-scipy.csv

Rows: function,n,m_or_0,argument,value — `kstwo` is scipy.stats.kstwo.sf(x, n); `smirnov` is
scipy.special.smirnov(n, x); `twosample` is the exact two-sided two-sample p-value
P(D >= h/lcm(n, m)) of scipy.stats._stats_py._attempt_exact_2kssamp (argument = h). Points sit in
every region of scipy's choice of algorithm and on each region's borders.
"""
import math
import random

import numpy as np
from scipy import special, stats
from scipy.stats import _stats_py

print("function,n,m,argument,value")


def kstwo(n, x):
    print(f"kstwo,{n},0,{x!r},{float(stats.kstwo.sf(x, n))!r}")


def smirnov(n, x):
    print(f"smirnov,{n},0,{x!r},{float(special.smirnov(n, x))!r}")


rng = random.Random(20261206)
for n in [1, 2, 3, 5, 10, 37, 140, 141, 200, 1000, 5000, 100000, 100001, 400000, 2000000]:
    points = {0.0, 1.0, 0.5, 0.25 / n, 0.5 / n, 0.75 / n, 1.0 / n, 1.5 / n, (n - 1.0) / n, (n - 0.5) / n,
              math.sqrt(4.0 / n), math.sqrt(2.2 / n), math.sqrt(18.0 / n), math.sqrt(370.0 / n),
              (1.4 / n) ** (2.0 / 3.0), 0.49, 0.51, 0.9}
    points |= {rng.uniform(0.5 / n, min(1.0, 3.0 / math.sqrt(n))) for _ in range(6)}
    for x in sorted(points):
        if 0.0 <= x <= 1.0:
            kstwo(n, x)
            smirnov(n, x)
for n in [2, 3, 7, 50, 1000, 1000001, 3000000]:
    for x in [1e-9, 0.3 / n, 1.0 / n, 2.0 / n, 2.5 / n, (n - 1.0) / n, 0.999999,
              math.sqrt(372.0 / n), math.sqrt(374.0 / n), math.sqrt(10.0 / n)]:
        if 0.0 < x < 1.0:
            smirnov(n, x)

for n, m in [(3, 3), (10, 10), (25, 25), (400, 400), (5, 7), (10, 15), (30, 45), (64, 100), (200, 3),
             (1, 9), (768, 400), (1000, 999), (12, 18)]:
    g = math.gcd(n, m)
    lcm = n // g * m
    for h in sorted({0, 1, lcm // 10, lcm // 4, lcm // 3, lcm // 2, (2 * lcm) // 3, (9 * lcm) // 10, lcm - 1, lcm}):
        ok, d, p = _stats_py._attempt_exact_2kssamp(n, m, g, h / lcm, "two-sided")
        if ok:
            print(f"twosample,{n},{m},{h},{float(p)!r}")
