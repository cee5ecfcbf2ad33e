"""The peer of FeatureJoinBenchmark: the same point-in-time join with pandas' merge_asof.

Reads the .npy files FeatureJoinBenchmark's setup writes (three groups of records: entity,
event time and the write time the store gave its batch, in epoch microseconds, float64
features, in the order they were ingested; entity rows with a prediction time), then per run:
sorts each group by (event time, write time) with a stable sort (so a tie on both goes to the
later record, as in the store), sorts the rows by prediction time, merge_asof(rows, group,
left_on="predicted_at", right_on="event", by="entity", direction="backward") for each group, and
puts the rows back in their order, as the Java join returns them. merge_asof takes the LAST
record of the entity with event time <= the prediction time, so among equal event times (the
data has corrections: an earlier record's entity and event time, written later) the latest
write wins, then the later record of a batch: the store's tie-break. Loading is outside the timing. Prints the best and
median of REPEATS runs (the sorts and merges, and the total with the reordering), and the same
checksum the Java setup prints.

    /usr/bin/python3 feature_join_pandas.py DIRECTORY [REPEATS]
"""
import os
import statistics
import sys
import time

import numpy as np
import pandas as pd

GROUPS = 3


def load(directory):
    def array(name):
        return np.load(os.path.join(directory, name + ".npy"))

    rows = pd.DataFrame({"entity": array("rows_entity"), "predicted_at": array("rows_time")})
    rows["row"] = np.arange(len(rows), dtype=np.int64)
    groups = []
    for g in range(GROUPS):
        frame = {"entity": array(f"g{g}_entity"), "event": array(f"g{g}_event"), "write": array(f"g{g}_write")}
        f = 0
        while os.path.exists(os.path.join(directory, f"g{g}_f{f}.npy")):
            frame[f"g{g}_f{f}"] = array(f"g{g}_f{f}")
            f += 1
        groups.append(pd.DataFrame(frame))
    return rows, groups


def join(rows, groups):
    start = time.perf_counter()
    out = rows.sort_values("predicted_at", kind="stable")
    for group in groups:
        ordered = group.sort_values(["event", "write"], kind="stable")
        out = pd.merge_asof(out, ordered.drop(columns=["write"]),
                            left_on="predicted_at", right_on="event", by="entity", direction="backward")
        out = out.drop(columns=["event"])
    merged = time.perf_counter()
    out = out.sort_values("row", kind="stable").reset_index(drop=True)
    return out, merged - start, time.perf_counter() - start


def main():
    directory = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    rows, groups = load(directory)
    records = sum(len(group) for group in groups)
    merges, totals = [], []
    out = None
    for _ in range(repeats):
        out, merge, total = join(rows, groups)
        merges.append(merge)
        totals.append(total)
    features = [c for c in out.columns if c.startswith("g")]
    values = out[features].to_numpy()
    present = int(np.count_nonzero(~np.isnan(values)))
    print(f"pandas {pd.__version__}, numpy {np.__version__}: {len(rows)} rows, {records} records; "
          f"sorts+merge_asof best {min(merges) * 1000:.0f} ms, median {statistics.median(merges) * 1000:.0f} ms; "
          f"with reordering best {min(totals) * 1000:.0f} ms, median {statistics.median(totals) * 1000:.0f} ms; "
          f"{present} present values, sum {np.nansum(values):.6e}")


if __name__ == "__main__":
    main()
