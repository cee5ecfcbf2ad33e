#!/usr/bin/python3
"""Summarises the execution samples of a JFR recording of one JMH benchmark.

    jfr print --json --events jdk.ExecutionSample --stack-depth 64 PROFILE.jfr \\
        | python3 mlops-benchmarks/scripts/jfr_top_frames.py [TOP]

PROFILE.jfr comes from JMH's -prof jfr. Only samples of the benchmark thread count (a
CsvReadBenchmark frame on the stack). Prints the share of samples whose top frame is each
method (self) and the share with the method anywhere on the stack (inclusive). JFR samples
are not tied to safepoints, but its attribution of inlined code is approximate: read the
shares as a rough split, not to the percent. Standard library only.
"""

import collections
import json
import sys


def main():
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    events = json.load(sys.stdin)["recording"]["events"]
    own = collections.Counter()
    inclusive = collections.Counter()
    samples = 0
    for event in events:
        stack = event["values"].get("stackTrace")
        if not stack:
            continue
        names = [frame["method"]["type"]["name"].replace("/", ".") + "." + frame["method"]["name"]
                 for frame in stack["frames"]]
        if not any("CsvReadBenchmark" in name for name in names):
            continue
        samples += 1
        own[names[0]] += 1
        inclusive.update(set(names))
    if samples == 0:
        sys.exit("no samples of the benchmark thread")
    print(f"{samples} samples of the benchmark thread")
    print("-- self (top frame)")
    for name, count in own.most_common(top):
        print(f"{100 * count / samples:5.1f}% {name}")
    print("-- inclusive (anywhere on the stack), below 99%")
    shown = 0
    for name, count in inclusive.most_common():
        if count < 0.99 * samples and shown < top:
            print(f"{100 * count / samples:5.1f}% {name}")
            shown += 1


if __name__ == "__main__":
    main()
