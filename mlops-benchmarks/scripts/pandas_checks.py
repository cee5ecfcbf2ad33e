#!/usr/bin/python3
"""Times the pandas equivalent of CheckSuiteBenchmark's suite on the same columns.

The file comes from `java -cp mlops-benchmarks/target/benchmarks.jar dev.mlops.benchmarks.CheckSuiteBenchmark FILE`:
ROWS ids and ROWS amounts as little-endian doubles (NaN for missing), then ROWS city codes as
little-endian int32 (-1 for missing, 20 for the unexpected level).

The suite, as a careful pandas user writes it: each check's failing-row count and the first
20 failing row indices (what mlops-java's report holds).

With --parts, also times each check alone (median of --runs), as CheckSuiteBenchmark's `part` does.

Usage: /usr/bin/python3 pandas_checks.py FILE [--rows N] [--runs N] [--parts]
"""
import argparse
import statistics
import sys
import time

import numpy as np
import pandas as pd

LEVELS = [f"c{i}" for i in range(20)]


def load(path, rows):
    ids = np.fromfile(path, dtype="<f8", count=rows)
    amounts = np.fromfile(path, dtype="<f8", count=rows, offset=8 * rows)
    codes = np.fromfile(path, dtype="<i4", count=rows, offset=16 * rows)
    city = pd.Categorical.from_codes(codes, categories=LEVELS + ["elsewhere"])
    return pd.DataFrame({"id": ids, "amount": amounts, "city": city})


CHECKS = {
    "completeness(amount)": lambda df: df["amount"].isna(),
    "completeness(city)": lambda df: df["city"].isna(),
    "range(amount)": lambda df: df["amount"].notna() & ~df["amount"].between(0, 10_000),
    "allowed-values(city)": lambda df: df["city"].notna() & ~df["city"].isin(LEVELS),
    "uniqueness(id)": lambda df: df["id"].duplicated(keep=False),
    "predicate(small or c0)": lambda df: ~((df["amount"] < 5000) | (df["city"] == "c0")),
}


def outcome(mask):
    return int(mask.sum()), np.flatnonzero(mask.to_numpy())[:20]


def report(df):
    return {name: outcome(failing(df)) for name, failing in CHECKS.items()}


def timings(action, runs):
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times[1:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--parts", action="store_true")
    args = parser.parse_args()
    df = load(args.file, args.rows)
    print(f"python {sys.version.split()[0]}, pandas {pd.__version__}, numpy {np.__version__}; {df.shape}")
    for name, (count, first) in report(df).items():
        print(f"  {name}: {count} failing rows, first {list(first[:3])}")
    if args.parts:
        for name, failing in CHECKS.items():
            part = timings(lambda: outcome(failing(df)), args.runs)
            print(f"  {name} alone: median {statistics.median(part) * 1000:.0f} ms")
    times = timings(lambda: report(df), args.runs)
    print(f"suite: median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}; {args.runs} runs)")


if __name__ == "__main__":
    main()
