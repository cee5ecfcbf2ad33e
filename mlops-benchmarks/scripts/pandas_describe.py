#!/usr/bin/python3
"""Times pandas' describe() plus nunique() on the values ProfileBenchmark profiles.

The file comes from `java -cp mlops-benchmarks/target/benchmarks.jar dev.mlops.benchmarks.ProfileBenchmark FILE`:
10 columns of little-endian doubles, column after column, NaN for a missing value.

Usage: /usr/bin/python3 pandas_describe.py FILE [--rows N] [--runs N]
"""
import argparse
import statistics
import sys
import time

import numpy as np
import pandas as pd


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    values = np.fromfile(args.file, dtype="<f8").reshape(10, args.rows)
    df = pd.DataFrame({f"x{c}": values[c] for c in range(10)})
    print(f"python {sys.version.split()[0]}, pandas {pd.__version__}, numpy {np.__version__}; {df.shape}")
    for label, action in [("describe", lambda: df.describe(percentiles=[.01, .05, .25, .5, .75, .95, .99])),
                          ("nunique", lambda: df.nunique()),
                          ("describe+nunique", lambda: (df.describe(percentiles=[.01, .05, .25, .5, .75, .95, .99]),
                                                        df.nunique()))]:
        action()
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
        print(f"{label}: median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}; "
              f"{args.runs} runs)")


if __name__ == "__main__":
    main()
