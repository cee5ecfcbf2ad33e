"""Times scipy.stats.ks_2samp on 1,000,000 against 1,000,000 values, as KsBenchmark does in Java.

Usage: /usr/bin/python3 mlops-benchmarks/scripts/scipy_ks_2samp.py [size] [repeats]
Prints the scipy and numpy versions, the statistic and p-value, and the best and median seconds
of `repeats` runs (after one warm-up run).
"""
import statistics
import sys
import time

import numpy as np
import scipy
from scipy.stats import ks_2samp

size = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 7
rng = np.random.default_rng(20261207)
reference = rng.standard_normal(size)
current = rng.standard_normal(size) + 0.01
result = ks_2samp(current, reference)
times = []
for _ in range(repeats):
    start = time.perf_counter()
    result = ks_2samp(current, reference)
    times.append(time.perf_counter() - start)
print(f"scipy {scipy.__version__} numpy {np.__version__} size {size}")
print(f"statistic {result.statistic!r} pvalue {result.pvalue!r}")
print(f"best {min(times):.4f} s median {statistics.median(times):.4f} s over {repeats} runs")
