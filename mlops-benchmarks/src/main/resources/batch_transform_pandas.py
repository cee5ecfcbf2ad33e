"""The peer of BatchTransformBenchmark: pandas reads the same CSV file, a trivial numpy model
(class "high" with the logistic score of price / 100) predicts, pandas writes row_id, the
prediction and both scores. Prints the best and median of REPEATS runs, in ms and rows/s.

    /usr/bin/python3 batch_transform_pandas.py FILE [REPEATS]
"""
import statistics
import sys
import tempfile
import time
import os

import numpy as np
import pandas as pd


def transform(path, out):
    frame = pd.read_csv(path)
    high = 1.0 / (1.0 + np.exp(-frame["price"].to_numpy() / 100.0))
    result = pd.DataFrame({
        "row_id": frame["row_id"],
        "prediction": np.where(high > 0.5, "high", "low"),
        "score@low": 1.0 - high,
        "score@high": high,
    })
    result.to_csv(out, index=False)
    return len(frame)


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    out = os.path.join(tempfile.mkdtemp(), "predictions.csv")
    times = []
    rows = 0
    for _ in range(repeats):
        start = time.perf_counter()
        rows = transform(path, out)
        times.append(time.perf_counter() - start)
    os.remove(out)
    best, median = min(times), statistics.median(times)
    print(f"pandas {pd.__version__}, numpy {np.__version__}: {rows} rows; best {best * 1000:.0f} ms "
          f"({rows / best:.0f} rows/s), median {median * 1000:.0f} ms ({rows / median:.0f} rows/s)")


if __name__ == "__main__":
    main()
