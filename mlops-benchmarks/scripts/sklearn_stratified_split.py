#!/usr/bin/python3
"""Times scikit-learn's StratifiedShuffleSplit on the labels mlops-java's StratifiedSplitBenchmark uses.

The labels file holds one signed byte per row (the class code), written by
`java -cp mlops-benchmarks/target/benchmarks.jar dev.mlops.benchmarks.StratifiedLabels PATH`.
A three-way 70/15/15 split takes two StratifiedShuffleSplit calls, as scikit-learn has no
three-way splitter: train against the rest, then validation against test within the rest.

Usage: /usr/bin/python3 sklearn_stratified_split.py LABELS_FILE [--runs N] [--warmup N]
(the `python3` first on PATH cannot see Debian's scikit-learn; use /usr/bin/python3)
"""
import argparse
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.model_selection import StratifiedShuffleSplit


def three_way(labels, seed):
    rows = np.arange(labels.shape[0])
    first = StratifiedShuffleSplit(n_splits=1, train_size=0.70, test_size=0.30, random_state=seed)
    train, rest = next(first.split(rows, labels))
    second = StratifiedShuffleSplit(n_splits=1, train_size=0.50, test_size=0.50, random_state=seed + 1)
    validation, test = next(second.split(rest, labels[rest]))
    return train, rest[validation], rest[test]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("labels")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    args = parser.parse_args()
    labels = np.fromfile(args.labels, dtype=np.int8)
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, scikit-learn {sklearn.__version__}")
    print(f"{labels.shape[0]} labels, {len(np.unique(labels))} classes")
    for i in range(args.warmup):
        three_way(labels, 1000 + i)
    times = []
    for i in range(args.runs):
        start = time.perf_counter()
        train, validation, test = three_way(labels, i)
        times.append(time.perf_counter() - start)
        assert train.shape[0] + validation.shape[0] + test.shape[0] == labels.shape[0]
    print(f"StratifiedShuffleSplit 70/15/15: median {statistics.median(times):.3f} s "
          f"(min {min(times):.3f}, max {max(times):.3f}; {args.runs} runs: "
          + ", ".join(f"{t:.3f}" for t in times) + ")")


if __name__ == "__main__":
    main()
