#!/usr/bin/python3
"""Times pandas.read_csv on a CSV file, for comparison with CsvReadBenchmark.

Run with Debian's interpreter, which has python3-pandas:

    /usr/bin/python3 mlops-benchmarks/scripts/pandas_read_csv.py FILE [--warmup 2] [--runs 5]

Two variants are timed on the same file, each with a few untimed warm-up reads and then N
timed reads (the median is reported, with min and max, and the process CPU time):

  infer   pandas.read_csv(path), inferring dtypes (numbers become int64/float64, text object)
  dtypes  pandas.read_csv(path, dtype=...), the dtypes given in advance: float64 for every
          column that inference made numeric and "category" for the rest, which is what
          mlops-java stores (double columns, dictionary-coded categories)

MB/s uses MB = 10^6 bytes of the file. pandas' default C parser is single-threaded, like
mlops-java's reader; the file is read from the page cache after the first read.
"""

import argparse
import os
import platform
import statistics
import sys
import time

import numpy
import pandas


def time_reads(read, warmup, runs):
    """Calls read() warmup times untimed, then runs times timed.

    Returns the wall-clock seconds of each timed read, the process CPU seconds of each, and
    the last frame read. CPU seconds well below wall seconds mean the process waited for a
    core, that is, the machine was busy.
    """
    frame = None
    for _ in range(warmup):
        frame = read()
    seconds = []
    cpu_seconds = []
    for _ in range(runs):
        cpu_start = time.process_time()
        start = time.perf_counter()
        frame = read()
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
    return seconds, cpu_seconds, frame


def report(name, seconds, cpu_seconds, size_bytes):
    median = statistics.median(seconds)
    cpu_median = statistics.median(cpu_seconds)
    print(
        f"{name:7s} median {median:7.3f} s  {size_bytes / 1e6 / median:7.1f} MB/s"
        f"  (min {min(seconds):.3f} s = {size_bytes / 1e6 / min(seconds):.1f} MB/s,"
        f" max {max(seconds):.3f} s; {len(seconds)} runs: {', '.join(f'{s:.3f}' for s in seconds)})"
    )
    print(f"{'':7s} CPU median {cpu_median:.3f} s = {size_bytes / 1e6 / cpu_median:.1f} MB/s of CPU time"
          f" (CPU/wall {cpu_median / median:.2f})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="the CSV file, e.g. the path NumericCsvFile prints")
    parser.add_argument("--warmup", type=int, default=2, help="untimed reads first (default 2)")
    parser.add_argument("--runs", type=int, default=5, help="timed reads (default 5)")
    args = parser.parse_args()
    if args.warmup < 0 or args.runs < 1:
        parser.error(f"--warmup must be >= 0 and --runs >= 1 but were {args.warmup} and {args.runs}")

    size_bytes = os.path.getsize(args.file)
    print(f"python {platform.python_version()} ({sys.executable}), pandas {pandas.__version__},"
          f" numpy {numpy.__version__}")
    print(f"file {args.file}: {size_bytes} bytes")

    seconds, cpu_seconds, frame = time_reads(lambda: pandas.read_csv(args.file), args.warmup, args.runs)
    print(f"        {len(frame)} rows, dtypes: "
          + ", ".join(f"{name}={dtype}" for name, dtype in frame.dtypes.items()))
    report("infer", seconds, cpu_seconds, size_bytes)

    dtypes = {
        name: ("float64" if pandas.api.types.is_numeric_dtype(dtype) else "category")
        for name, dtype in frame.dtypes.items()
    }
    del frame
    seconds, cpu_seconds, frame = time_reads(lambda: pandas.read_csv(args.file, dtype=dtypes), args.warmup,
                                             args.runs)
    print(f"        {len(frame)} rows, dtypes: "
          + ", ".join(f"{name}={dtype}" for name, dtype in frame.dtypes.items()))
    report("dtypes", seconds, cpu_seconds, size_bytes)


if __name__ == "__main__":
    main()
