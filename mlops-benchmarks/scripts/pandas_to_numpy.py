#!/usr/bin/env python3
"""The pandas peer of TribuoConversionBenchmark: a DataFrame of 1,000,000 rows x 20 columns
(15 float features, 4 categorical features of 10 levels, one categorical label of 3 classes)
turned into a one-hot float matrix and label codes, as a model would take them:
pd.get_dummies(features, columns=categoricals).to_numpy(dtype=float64) and label.cat.codes.

Run with Debian's interpreter: /usr/bin/python3 mlops-benchmarks/scripts/pandas_to_numpy.py [--runs N]
"""
import argparse
import statistics
import sys
import time

import numpy as np
import pandas as pd


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(20261206)
    data = {f"n{c}": rng.standard_normal(args.rows) for c in range(15)}
    for c in range(4):
        data[f"c{c}"] = pd.Categorical([f"level{i}" for i in rng.integers(0, 10, args.rows)])
    data["label"] = pd.Categorical([f"class{i}" for i in rng.integers(0, 3, args.rows)])
    frame = pd.DataFrame(data)
    features = frame.drop(columns=["label"])
    categoricals = [f"c{c}" for c in range(4)]
    times = []
    for _ in range(args.runs + 1):
        start = time.perf_counter()
        matrix = pd.get_dummies(features, columns=categoricals).to_numpy(dtype=np.float64)
        codes = frame["label"].cat.codes.to_numpy()
        times.append(time.perf_counter() - start)
    times = times[1:]
    print(f"python {sys.version.split()[0]}, pandas {pd.__version__}, numpy {np.__version__}; "
          f"{args.rows} rows -> matrix {matrix.shape}, {len(codes)} label codes")
    print(f"get_dummies + to_numpy: median {statistics.median(times) * 1000:.1f} ms "
          f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}; {args.runs} runs)")


if __name__ == "__main__":
    main()
