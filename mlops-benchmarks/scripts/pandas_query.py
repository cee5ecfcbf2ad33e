#!/usr/bin/python3
"""Times pandas on the filter RowPredicateBenchmark measures: age < 25 and city == "Hamburg".

The CSV comes from `java -cp mlops-benchmarks/target/benchmarks.jar dev.mlops.benchmarks.RowPredicateBenchmark FILE`.
`city` is read as a pandas category, as mlops-java stores it. Two forms are timed: the boolean mask
(`((df.age < 25) & (df.city == "Hamburg")).sum()`) and `df.query(...)`.

Usage: /usr/bin/python3 pandas_query.py FILE [--runs N]
"""
import argparse
import statistics
import sys
import time

import pandas as pd


def timed(label, action, runs):
    action()
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    print(f"{label}: median {statistics.median(times) * 1000:.1f} ms (min {min(times) * 1000:.1f}, "
          f"max {max(times) * 1000:.1f}; {runs} runs), {result} rows match")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    df = pd.read_csv(args.file, dtype={"age": "float64", "city": "category"})
    print(f"python {sys.version.split()[0]}, pandas {pd.__version__}; {len(df)} rows")
    timed("mask", lambda: int(((df.age < 25) & (df.city == "Hamburg")).sum()), args.runs)
    timed("query", lambda: len(df.query('age < 25 and city == "Hamburg"')), args.runs)


if __name__ == "__main__":
    main()
