#!/usr/bin/python3
"""Turns a JMH JSON result of CsvReadBenchmark into MB/s (MB = 10^6 bytes of the file read).

    python3 mlops-benchmarks/scripts/jmh_mbps.py RESULT.json FILE

For each benchmark it prints JMH's score (the mean time per read of FILE) with its 99.9%
error, then the throughput at the mean, at the slow end of the error bar, at the median and
at the fastest measurement. In avgt mode the median and fastest are over iterations; in sample
mode over single reads. Standard library only.
"""

import json
import os
import sys

UNIT_SECONDS = {"s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: jmh_mbps.py RESULT.json FILE")
    with open(sys.argv[1], encoding="utf-8") as handle:
        results = json.load(handle)
    megabytes = os.path.getsize(sys.argv[2]) / 1e6
    print(f"{megabytes:.2f} MB per read; MB/s at: mean, mean+error (slow end), median, fastest")
    print(f"{'benchmark':14s} {'mode':6s} {'n':>4s} {'mean':>9s} {'error':>9s} {'unit':6s}"
          f" {'mean':>7s} {'slow':>7s} {'median':>7s} {'fastest':>7s}")
    for result in results:
        metric = result["primaryMetric"]
        unit = metric["scoreUnit"]
        if unit not in UNIT_SECONDS:
            sys.exit(f"expected a time per operation but the unit is {unit}")
        scale = UNIT_SECONDS[unit]
        score, error = metric["score"], metric["scoreError"]
        percentiles = metric.get("scorePercentiles", {})
        median = percentiles.get("50.0", score)
        fastest = percentiles.get("0.0", score)
        if "rawDataHistogram" in metric:
            # sample mode: per fork, per iteration, [time, how many reads took it] pairs
            count = sum(n for fork in metric["rawDataHistogram"] for iteration in fork for _, n in iteration)
        else:
            count = sum(len(fork) for fork in metric["rawData"])
        print(f"{result['benchmark'].rsplit('.', 1)[-1]:14s} {result['mode']:6s} {count:4d}"
              f" {score:9.1f} {error:9.1f} {unit:6s}"
              f" {megabytes / (score * scale):7.1f} {megabytes / ((score + error) * scale):7.1f}"
              f" {megabytes / (median * scale):7.1f} {megabytes / (fastest * scale):7.1f}")


if __name__ == "__main__":
    main()
